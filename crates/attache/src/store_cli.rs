//! The store subcommands: `ingest`, `events`, `events show`, `export`, `bench-store`.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use attache_coder::DocOutput;
use attache_model::{Actor, Document, Event, EventDate, Evidence, Plover};
use attache_store::export::{self, Format as ExportFormat};
use attache_store::{EventStore, Filter, IngestStats, Store, StoredEvent, BATCH_SIZE};
use clap::{Args, Subcommand, ValueEnum};

/// Arguments of `attache ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Inputs, as for `code`; `-` or nothing reads JSONL from stdin.
    paths: Vec<String>,
    /// The database file (created when missing).
    #[arg(long, default_value = "attache.db")]
    db: String,
    /// Stop at the first bad record instead of skipping it.
    #[arg(long)]
    strict: bool,
}

/// How `attache events` prints.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EventsFormat {
    /// A readable line per event.
    Table,
    /// One JSON object per event.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

/// Arguments of `attache events`.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EventsArgs {
    #[command(subcommand)]
    show: Option<EventsCommand>,
    /// The database file.
    #[arg(long, default_value = "attache.db")]
    db: String,
    /// A country on either side (ISO alpha-3, or IGO:NAME).
    #[arg(long)]
    actor: Option<String>,
    /// Two countries on opposite sides, either direction: `A,B`.
    #[arg(long)]
    pair: Option<String>,
    /// Source country.
    #[arg(long)]
    source: Option<String>,
    /// Target country.
    #[arg(long)]
    target: Option<String>,
    /// Part of a person's name.
    #[arg(long)]
    person: Option<String>,
    /// CAMEO code prefix (`04`, `042`).
    #[arg(long)]
    cameo: Option<String>,
    /// CAMEO root (`04`).
    #[arg(long)]
    root: Option<String>,
    /// Quad class 1–4.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    /// PLOVER event (`CONSULT`).
    #[arg(long)]
    plover: Option<String>,
    /// Events on or after this date (`YYYY[-MM[-DD]]`).
    #[arg(long)]
    from: Option<String>,
    /// Events on or before this date (`YYYY[-MM[-DD]]`).
    #[arg(long)]
    to: Option<String>,
    /// Language of a mention (ISO 639-1).
    #[arg(long)]
    lang: Option<String>,
    /// Words that must all appear in one of the event's sentences.
    #[arg(long)]
    text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    limit: Option<u64>,
    /// Skip this many events first.
    #[arg(long)]
    offset: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: EventsFormat,
}

/// `attache events` subcommands.
#[derive(Subcommand)]
pub enum EventsCommand {
    /// One event with every mention, its evidence and why it was merged.
    Show {
        /// The event id.
        id: i64,
        /// The database file.
        #[arg(long, default_value = "attache.db")]
        db: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Export formats on the command line.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportArg {
    /// GDELT 2.0 event table (61 tab-separated columns).
    Gdelt,
    /// GDELT 2.0 mentions table (16 tab-separated columns).
    GdeltMentions,
    /// PLOVER JSON lines.
    Plover,
    /// CSV with a header row.
    Csv,
    /// Parquet files partitioned by year and month (`--output` names the directory).
    Parquet,
}

/// Arguments of `attache export`.
#[derive(Args)]
pub struct ExportArgs {
    /// The database file.
    #[arg(long, default_value = "attache.db")]
    db: String,
    /// What to write.
    #[arg(long, value_enum)]
    format: ExportArg,
    /// Write here instead of stdout (for `parquet`: the directory, required).
    #[arg(long, short)]
    output: Option<String>,
}

/// Arguments of `attache bench-store`.
#[derive(Args)]
pub struct BenchStoreArgs {
    /// Synthetic events to store.
    #[arg(long, default_value_t = 100_000)]
    events: usize,
    /// Database file to build (default: a temporary file, removed afterwards).
    #[arg(long)]
    db: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Runs of each timed query (median and p99 are over these).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
    /// Name a different official in every document, so that no two reports merge and the
    /// store holds as many events as documents.
    #[arg(long)]
    distinct: bool,
}

/// Median and p99 (nearest rank) of a sample of times.
fn latency(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let rank = (q * times.len() as f64).ceil() as usize;
        times.get(rank.saturating_sub(1)).copied().unwrap_or(0.0)
    };
    (at(0.5), at(0.99))
}

/// Time `runs` calls of `f` (milliseconds each) and return the last result with them.
fn timed<T>(runs: u32, mut f: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<(T, Vec<f64>)> {
    let mut times = Vec::new();
    let mut last = f()?; // one untimed warm-up run
    for _ in 0..runs {
        let t = Instant::now();
        last = f()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok((last, times))
}

/// Bytes a JSONL record carries besides its text (id, fields, quotes), for the estimate.
const JSONL_OVERHEAD_BYTES: u64 = 64;

/// Total size of the input files under `path` (0 for stdin or what cannot be read).
fn input_size(path: &Path) -> u64 {
    if path.is_dir() {
        std::fs::read_dir(path).map(|d| d.flatten().map(|e| input_size(&e.path())).sum()).unwrap_or(0)
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }
}

/// "42 s", "3 min", "2.5 h".
fn human_seconds(s: f64) -> String {
    if s < 90.0 {
        format!("{s:.0} s")
    } else if s < 5400.0 {
        format!("{:.0} min", s / 60.0)
    } else {
        format!("{:.1} h", s / 3600.0)
    }
}

fn open_existing(db: &str) -> anyhow::Result<Store> {
    anyhow::ensure!(Path::new(db).exists(), "no database at {db} (run `attache ingest --db {db} ...` first)");
    Store::open(db).with_context(|| format!("opening {db}"))
}

/// `attache ingest`.
pub fn ingest(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let engine = crate::load_engine()?;
    let mut store = Store::open(&args.db).with_context(|| format!("opening {}", args.db))?;
    let progress = std::io::stderr().is_terminal();
    // the input's size, for an estimate of the time left (none for stdin)
    let input_bytes: u64 = if progress { args.paths.iter().map(|p| input_size(Path::new(p))).sum() } else { 0 };
    let mut read_bytes = 0u64;
    let started = Instant::now();
    let mut last_report = Instant::now();
    let mut seen = 0usize;
    let mut total = IngestStats::default();
    let mut batch: Vec<(Document, DocOutput)> = Vec::with_capacity(BATCH_SIZE);
    let flush = |store: &mut Store, batch: &mut Vec<(Document, DocOutput)>, total: &mut IngestStats| {
        if batch.is_empty() {
            return anyhow::Ok(());
        }
        let refs: Vec<(&Document, &DocOutput)> = batch.iter().map(|(d, o)| (d, o)).collect();
        let stats = store.ingest_batch(&refs).context("writing to the database")?;
        total.add(&stats);
        batch.clear();
        Ok(())
    };
    let skipped = crate::for_each_document(&args.paths, args.strict, |doc| {
        seen += 1;
        read_bytes += doc.text.len() as u64 + JSONL_OVERHEAD_BYTES;
        if store.is_current(doc)? {
            total.unchanged += 1;
        } else {
            batch.push((doc.clone(), engine.code(doc)));
            if batch.len() >= BATCH_SIZE {
                flush(&mut store, &mut batch, &mut total)?;
            }
        }
        if progress && last_report.elapsed().as_millis() >= 500 {
            last_report = Instant::now();
            let elapsed = started.elapsed().as_secs_f64().max(1e-9);
            let rate = seen as f64 / elapsed;
            let eta = if input_bytes > read_bytes {
                let left = (input_bytes - read_bytes) as f64 / (read_bytes as f64 / elapsed).max(1.0);
                format!(", about {} left", human_seconds(left))
            } else {
                String::new()
            };
            eprint!("\r{seen} documents, {rate:.0} docs/s{eta}      ");
        }
        Ok(())
    })?;
    flush(&mut store, &mut batch, &mut total)?;
    let secs = started.elapsed().as_secs_f64();
    if progress {
        eprintln!();
    }
    let counts = store.counts()?;
    eprintln!(
        "attache: {seen} documents in {secs:.1}s ({:.0} docs/s): {} new, {} changed, {} unchanged; \
         {} events created, {} joined existing ones; store has {} documents, {} events, {} mentions",
        seen as f64 / secs.max(1e-9),
        total.added,
        total.updated,
        total.unchanged,
        total.events_created,
        total.events_joined,
        counts.documents,
        counts.events,
        counts.mentions
    );
    Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn filter_of(a: &EventsArgs) -> anyhow::Result<Filter> {
    let pair = match &a.pair {
        Some(p) => {
            let (x, y) = p.split_once(',').with_context(|| format!("--pair takes A,B, not {p:?}"))?;
            Some((x.trim().to_string(), y.trim().to_string()))
        }
        None => None,
    };
    Ok(Filter {
        actor: a.actor.clone(),
        pair,
        source: a.source.clone(),
        target: a.target.clone(),
        person: a.person.clone(),
        cameo: a.cameo.clone(),
        root: a.root.clone(),
        quad: a.quad,
        plover: a.plover.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
        lang: a.lang.clone(),
        text: a.text.clone(),
        limit: a.limit,
        offset: a.offset,
    })
}

fn side(countries: &str, persons: &str) -> String {
    if persons.is_empty() {
        countries.to_string()
    } else {
        format!("{countries} ({persons})")
    }
}

fn table_line(e: &StoredEvent) -> String {
    format!(
        "{:>6}  {:<10}  {} → {}  {} {} [{:+.1}]  mentions {} articles {} sources {}",
        e.id,
        e.date.as_deref().unwrap_or("----------"),
        side(&e.source_country, &e.source_person),
        side(&e.target_country, &e.target_person),
        e.cameo,
        e.cameo_name,
        e.goldstein,
        e.num_mentions,
        e.num_articles,
        e.num_sources
    )
}

/// `attache events` and `attache events show`.
pub fn events(args: &EventsArgs) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    if let Some(EventsCommand::Show { id, db, json }) = &args.show {
        let store = open_existing(db)?;
        let Some(e) = store.event(*id)? else {
            anyhow::bail!("no event {id} in {db}");
        };
        let mentions = store.mentions(*id)?;
        if *json {
            serde_json::to_writer(&mut out, &serde_json::json!({"event": e, "mentions": mentions}))?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}", table_line(&e))?;
            writeln!(out, "        {}", [e.plover_event.as_str(), &e.plover_mode, &e.plover_context].join(" "))?;
            for m in &mentions {
                writeln!(
                    out,
                    "  #{} doc {} sentence {}{} [{} {} → {}, {}] {}\n      “{}”\n      {}",
                    m.id,
                    m.doc_id,
                    m.sentence,
                    if m.primary { "" } else { " (further sentence)" },
                    m.cameo,
                    m.source,
                    m.target,
                    m.date.as_deref().unwrap_or("undated"),
                    m.doc_url.as_deref().unwrap_or(""),
                    m.evidence.trim(),
                    m.merge_reason
                )?;
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = open_existing(&args.db)?;
    let events = store.events(&filter_of(args)?)?;
    match args.format {
        EventsFormat::Table => {
            for e in &events {
                writeln!(out, "{}", table_line(e))?;
            }
        }
        EventsFormat::Jsonl => {
            for e in &events {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
        }
        EventsFormat::Csv => {
            writeln!(out, "{}", export::csv_header())?;
            for e in &events {
                writeln!(out, "{}", export::csv_row(e))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `attache export`.
pub fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let format = match args.format {
        ExportArg::Gdelt => ExportFormat::Gdelt,
        ExportArg::GdeltMentions => ExportFormat::GdeltMentions,
        ExportArg::Plover => ExportFormat::Plover,
        ExportArg::Csv => ExportFormat::Csv,
        ExportArg::Parquet => {
            let dir = args.output.as_deref().context("--format parquet writes a directory: give --output DIR")?;
            let done = attache_store::parquet::export_parquet(&store, Path::new(dir))?;
            eprintln!("attache: {} events in {} Parquet files under {dir}", done.rows, done.files.len());
            return Ok(ExitCode::SUCCESS);
        }
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("creating {p}"))?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    export::export(&store, format, &mut *out)?;
    Ok(ExitCode::SUCCESS)
}

const BENCH_COUNTRIES: [&str; 20] = [
    "USA", "CHN", "RUS", "JPN", "DEU", "FRA", "GBR", "IND", "BRA", "ZAF", "VNM", "LAO", "THA", "KOR", "PRK", "UKR",
    "TUR", "IRN", "ISR", "EGY",
];
const BENCH_CODES: [(&str, &str, u8, f64, &str); 6] = [
    ("040", "Consult", 1, 1.0, "CONSULT"),
    ("042", "Make a visit", 1, 1.9, "CONSULT"),
    ("057", "Sign formal agreement", 1, 8.0, "AGREE"),
    ("111", "Criticize or denounce", 3, -2.0, "DISAPPROVE"),
    ("173", "Arrest, detain, or charge with legal action", 4, -5.0, "COERCE"),
    ("190", "Use conventional military force", 4, -10.0, "FIGHT"),
];

/// A synthetic document with one coded event, from a seed.
fn synthetic(i: usize, rng: &mut u64, distinct: bool) -> (Document, DocOutput) {
    let mut next = |n: usize| {
        *rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(*rng >> 33).unwrap_or(0) % n.max(1)
    };
    let a = BENCH_COUNTRIES[next(BENCH_COUNTRIES.len())];
    let b = BENCH_COUNTRIES[next(BENCH_COUNTRIES.len())];
    let (cameo, name, quad, goldstein, plover) = BENCH_CODES[next(BENCH_CODES.len())];
    let day = 18_000 + i64::try_from(next(3650)).unwrap_or(0);
    let (y, m, d) = attache_time::civil_from_days(day);
    let text = format!("{a} and {b}: synthetic report {i} ({cameo}).");
    let person = distinct.then(|| format!("Official {i}"));
    let actor = |c: &str| Actor {
        country: c.into(),
        sector: Some("GOV".into()),
        person: person.clone(),
        text: c.into(),
        start: 0,
        end: 3,
    };
    let doc = Document {
        id: format!("bench-{i}"),
        text: text.clone(),
        url: Some(format!("https://source{}.example/{i}", next(50))),
        ..Document::default()
    };
    let event = Event {
        doc_id: doc.id.clone(),
        event_id: format!("{i:016x}"),
        cameo: cameo.into(),
        cameo_name: name.into(),
        root: cameo[..2].into(),
        quad,
        goldstein,
        plover: Plover { event: plover.into(), mode: String::new(), context: String::new() },
        source: vec![actor(a)],
        target: vec![actor(b)],
        date: Some(EventDate {
            value: format!("{y:04}-{m:02}-{d:02}"),
            end: None,
            precision: "day".into(),
            text: String::new(),
            inferred: false,
        }),
        location: None,
        evidence: Evidence { sentence: 0, start: 0, end: text.len(), text },
        lang: "en".into(),
        rule: "bench".into(),
        background: false,
        mentions: Vec::new(),
    };
    let out = DocOutput { lang: "en".into(), events: vec![event], learned: Vec::new(), explanations: Vec::new() };
    (doc, out)
}

/// `attache bench-store`.
pub fn bench(args: &BenchStoreArgs) -> anyhow::Result<ExitCode> {
    let temp = std::env::temp_dir().join(format!("attache-bench-store-{}.db", std::process::id()));
    let path = args.db.clone().unwrap_or_else(|| temp.to_string_lossy().into_owned());
    let mut store = Store::open(&path).with_context(|| format!("opening {path}"))?;
    let mut rng = 0x5eed_u64;
    let started = Instant::now();
    let mut stats = IngestStats::default();
    let mut i = 0;
    while i < args.events {
        let n = (args.events - i).min(1000);
        let docs: Vec<(Document, DocOutput)> = (i..i + n).map(|k| synthetic(k, &mut rng, args.distinct)).collect();
        let refs: Vec<(&Document, &DocOutput)> = docs.iter().map(|(d, o)| (d, o)).collect();
        stats.add(&store.ingest_batch(&refs)?);
        i += n;
    }
    let ingest_secs = started.elapsed().as_secs_f64();
    let counts = store.counts()?;
    let filter = Filter { pair: Some(("USA".into(), "CHN".into())), ..Filter::default() };
    let runs = args.runs;
    let (rows, times) = timed(runs, || Ok(store.events(&filter)?.len()))?;
    let (median, p99) = latency(times);
    let (series, times) = timed(runs, || Ok(store.time_series(&filter)?))?;
    let (series_median, series_p99) = latency(times);
    let series_events: i64 = series.iter().map(|p| p.events).sum();
    let ranged = Filter { from: Some("2020-01-01".into()), to: Some("2020-12-31".into()), ..filter.clone() };
    let (ranged_rows, times) = timed(runs, || Ok(store.events(&ranged)?.len()))?;
    let (ranged_median, ranged_p99) = latency(times);
    drop(store); // checkpoints the write-ahead log into the file
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{path}{suffix}")).ok())
        .map(|m| m.len())
        .sum();
    if args.db.is_none() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let docs_per_second = args.events as f64 / ingest_secs.max(1e-9);
    let report = serde_json::json!({
        "documents": args.events,
        "events": counts.events,
        "mentions": counts.mentions,
        "events_joined": stats.events_joined,
        "ingest_seconds": ingest_secs,
        "ingest_docs_per_second": docs_per_second,
        "ingest_coded_events_per_second": (stats.events_created + stats.events_joined) as f64 / ingest_secs.max(1e-9),
        "runs": runs,
        "pair_query_rows": rows,
        "pair_query_median_ms": median,
        "pair_query_p99_ms": p99,
        "pair_series_months": series.len(),
        "pair_series_events": series_events,
        "pair_series_median_ms": series_median,
        "pair_series_p99_ms": series_p99,
        "pair_year_query_rows": ranged_rows,
        "pair_year_query_median_ms": ranged_median,
        "pair_year_query_p99_ms": ranged_p99,
        "db_bytes": size,
    });
    if args.json {
        crate::outln!("{report}");
    } else {
        crate::outln!(
            "{} synthetic documents stored in {ingest_secs:.1}s ({docs_per_second:.0} docs/s, {:.0} coded events/s): \
             {} events ({} merged reports)\n\
             pair USA,CHN events: {rows} events, median {median:.2} ms, p99 {p99:.2} ms over {runs} runs\n\
             pair USA,CHN time series (per month: events by quad class, Goldstein sum): {} months, \
             {series_events} events, median {series_median:.2} ms, p99 {series_p99:.2} ms over {runs} runs\n\
             pair USA,CHN in 2020: {ranged_rows} events, median {ranged_median:.2} ms, p99 {ranged_p99:.2} ms\n\
             database: {:.1} MB",
            args.events,
            (stats.events_created + stats.events_joined) as f64 / ingest_secs.max(1e-9),
            counts.events,
            stats.events_joined,
            series.len(),
            size as f64 / 1e6
        );
    }
    Ok(ExitCode::SUCCESS)
}
