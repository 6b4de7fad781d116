//! `attache`: code news documents into political events.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context as _;
use attache_coder::{DocOutput, Engine};
use attache_io::Reader;
use attache_model::Event;
use clap::{Parser, Subcommand, ValueEnum};

/// `println!` that returns the write error instead of panicking, so that output piped into a
/// reader that stops early ("attache packs | head") ends the command quietly.
macro_rules! outln {
    ($($arg:tt)*) => {
        std::io::Write::write_fmt(&mut std::io::stdout(), format_args!("{}\n", format_args!($($arg)*)))?
    };
}
pub(crate) use outln;

mod alloc;
mod bench;
mod store_cli;

/// mimalloc instead of the system allocator: per-sentence vectors and strings dominate the
/// allocation profile of coding (BENCHMARKS.md, "Allocator").
#[global_allocator]
static ALLOCATOR: alloc::Mimalloc = alloc::Mimalloc;

#[derive(Parser)]
#[command(
    name = "attache",
    version,
    about = "Who did what to whom, when and where: CAMEO/PLOVER events from news in many languages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// One JSON event per line.
    Jsonl,
    /// A readable line per event.
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents (JSONL, .txt, .html files or folders; stdin when none) into events.
    Code {
        /// Inputs; `-` or nothing reads JSONL from stdin.
        paths: Vec<String>,
        /// Write events here instead of stdout.
        #[arg(long, short)]
        output: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Stop at the first bad record instead of skipping it.
        #[arg(long)]
        strict: bool,
        /// Add to each event which words filled which slot of which pattern.
        #[arg(long)]
        explain: bool,
    },
    /// Code documents and score them against gold annotations (GUIDELINES §7).
    Eval {
        /// Gold annotations, one document per line.
        #[arg(long)]
        gold: String,
        /// The documents to code.
        #[arg(long)]
        input: String,
        /// List false and missed keys per document.
        #[arg(long)]
        show_errors: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure coding speed and memory on a generated vi/en/no corpus (see BENCHMARKS.md).
    Bench {
        /// Documents per language.
        #[arg(long, default_value_t = 2000)]
        docs: usize,
        /// Threads for the parallel run (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Measure the front-end alone (for profiling it).
        #[arg(long)]
        front_end: bool,
        /// Code the corpus on one thread this many times and print the time only (for profiling).
        #[arg(long)]
        coding_only: Option<usize>,
        /// Run only the floor (one automaton pass over the corpus) this many times and print the
        /// time only (for counting its instructions beside `--coding-only`).
        #[arg(long)]
        floor_only: Option<usize>,
        /// Load every pack, print the start-up time in ms and exit (the report runs this in
        /// fresh processes).
        #[arg(long)]
        startup_only: bool,
    },
    /// Check every language pack and knowledge-base table, and list what each pack holds.
    Packs {
        /// Also run the packs' own tests (`tests.tsv`, `actor_tests.tsv`); exit 1 if any fails.
        #[arg(long)]
        test: bool,
        /// Only this language's tests.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Actors the engine knows or learned.
    Actors {
        #[command(subcommand)]
        what: ActorsCommand,
    },
    /// Code documents into an event database, merging reports of one event across documents.
    Ingest(store_cli::IngestArgs),
    /// Query the events of a database (`events show ID` lists one event's mentions).
    Events(Box<store_cli::EventsArgs>),
    /// Write a database's events or mentions as GDELT 2.0, PLOVER JSON lines or CSV.
    Export(store_cli::ExportArgs),
    /// Measure the store: build a synthetic database and time a pair time-series query.
    BenchStore(store_cli::BenchStoreArgs),
    /// Serve a database read-only: JSON API (`/api/openapi.json`) and dashboard on 127.0.0.1:8080.
    Serve(attache_serve::ServeArgs),
}

#[derive(Subcommand)]
enum ActorsCommand {
    /// Names introduced in the documents by title and state, as candidate knowledge-base rows.
    Learned {
        /// Inputs, as for `code`.
        paths: Vec<String>,
    },
}

/// True when `e` comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().filter_map(|c| c.downcast_ref::<std::io::Error>()).any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        // the reader of the output stopped early ("attache packs | head"): not an error
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attache: {e:#}");
            ExitCode::from(1)
        }
    }
}

pub(crate) fn load_engine() -> anyhow::Result<Engine> {
    Engine::load(&attache_langdata::DataSource::from_env()).context("loading language packs")
}

/// Read every record, call `f` on each good document; report bad ones on stderr.
pub(crate) fn for_each_document(
    paths: &[String],
    strict: bool,
    mut f: impl FnMut(&attache_model::Document) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut skipped = 0;
    for record in Reader::new(paths) {
        match record {
            Ok((doc, warnings)) => {
                for w in warnings {
                    eprintln!("attache: warning: {}: {}", w.location, w.message);
                }
                f(&doc)?;
            }
            Err(e) => {
                eprintln!("attache: skipped: {e}");
                skipped += 1;
                if strict {
                    anyhow::bail!("stopping at the first bad record (--strict)");
                }
            }
        }
    }
    Ok(skipped)
}

fn text_line(e: &Event) -> String {
    let side = |list: &[attache_model::Actor]| {
        list.iter()
            .map(|a| match &a.person {
                Some(p) => format!("{} ({p})", a.country),
                None => a.country.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let date = e.date.as_ref().map_or("----------".to_string(), |d| d.value.clone());
    format!(
        "{date:<10}  {} → {}  {} {} [{:+.1}]{}\n            “{}”",
        side(&e.source),
        side(&e.target),
        e.cameo,
        e.cameo_name,
        e.goldstein,
        if e.background { " (background)" } else { "" },
        e.evidence.text.trim()
    )
}

fn write_events(out: &mut dyn Write, doc: &DocOutput, format: Format, explain: bool) -> anyhow::Result<()> {
    for (i, e) in doc.events.iter().enumerate() {
        match format {
            Format::Jsonl => {
                let mut v = serde_json::to_value(e)?;
                if explain {
                    if let (Some(x), Some(obj)) = (doc.explanations.get(i), v.as_object_mut()) {
                        obj.insert(
                            "explain".into(),
                            serde_json::json!({
                                "rule": x.rule, "frame": x.frame, "trigger": x.trigger,
                                "source": x.source, "target": x.target, "date": x.date, "notes": x.notes,
                            }),
                        );
                    }
                }
                serde_json::to_writer(&mut *out, &v)?;
                out.write_all(b"\n")?;
            }
            Format::Text => {
                writeln!(out, "{}", text_line(e))?;
                if explain {
                    if let Some(x) = doc.explanations.get(i) {
                        writeln!(
                            out,
                            "            {} [{}] trigger “{}”; source {}; target {}; date {}",
                            x.rule, x.frame, x.trigger, x.source, x.target, x.date
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Code { paths, output, format, strict, explain } => {
            let engine = load_engine()?.with_explanations(explain);
            let mut out: Box<dyn Write> = match &output {
                Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("creating {p}"))?)),
                None => Box::new(BufWriter::new(std::io::stdout().lock())),
            };
            let skipped = for_each_document(&paths, strict, |doc| {
                let coded = engine.code(doc);
                if format == Format::Text {
                    writeln!(out, "# {} [{}] {} events", doc.id, coded.lang, coded.events.len())?;
                }
                write_events(&mut *out, &coded, format, explain)
            })?;
            out.flush()?;
            Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
        Command::Eval { gold, input, show_errors, json } => {
            let engine = load_engine()?;
            let mut pred = Vec::new();
            let skipped = for_each_document(&[input], false, |doc| {
                write_events(&mut pred, &engine.code(doc), Format::Jsonl, false)
            })?;
            let gold_text = std::fs::read_to_string(&gold).with_context(|| format!("reading {gold}"))?;
            let report = attache_eval::score(&gold_text, &String::from_utf8_lossy(&pred))?;
            if json {
                outln!("{}", serde_json::to_string(&report.scopes)?);
            } else {
                print!("{}", report.table());
            }
            if show_errors {
                for e in &report.errors {
                    eprintln!("{e}");
                }
            }
            Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
        Command::Bench { docs, threads, json, front_end, coding_only, floor_only, startup_only } => {
            if startup_only {
                bench::run_startup_only()?;
                return Ok(ExitCode::SUCCESS);
            }
            if let Some(rounds) = coding_only {
                bench::run_coding_only(docs, rounds)?;
                return Ok(ExitCode::SUCCESS);
            }
            if let Some(rounds) = floor_only {
                bench::run_floor_only(docs, rounds)?;
                return Ok(ExitCode::SUCCESS);
            }
            if front_end {
                bench::run_front_end(docs, json)?;
                return Ok(ExitCode::SUCCESS);
            }
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            bench::run(docs, threads, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Packs { test, lang } => {
            // loading parses every file: a bad line is reported with its file and line
            let engine = load_engine()?;
            if test {
                let data = attache_langdata::DataSource::from_env();
                let sentences = attache_coder::pack_tests::run_sentence_tests(&engine, &data, lang.as_deref());
                let actors = attache_coder::pack_tests::run_actor_tests(&engine, &data, lang.as_deref());
                let dates = attache_coder::pack_tests::run_date_tests(&engine, &data, lang.as_deref());
                for f in sentences.failures.iter().chain(&actors.failures).chain(&dates.failures) {
                    outln!("FAIL {f}");
                }
                outln!(
                    "tests.tsv: {} lines, {} failed; actor_tests.tsv: {} lines, {} failed; date_tests.tsv: {} lines, {} failed",
                    sentences.checked,
                    sentences.failures.len(),
                    actors.checked,
                    actors.failures.len(),
                    dates.checked,
                    dates.failures.len()
                );
                let failed =
                    !sentences.failures.is_empty() || !actors.failures.is_empty() || !dates.failures.is_empty();
                return Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS });
            }
            outln!("lang\tname\tphrases\tpatterns\trefinements");
            for (code, name, phrases, patterns, refinements) in engine.pack_stats() {
                outln!("{code}\t{name}\t{phrases}\t{patterns}\t{refinements}");
            }
            outln!("people in the register: {}", engine.kb().people_count());
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest(args) => store_cli::ingest(&args),
        Command::Events(args) => store_cli::events(&args),
        Command::Export(args) => store_cli::export(&args),
        Command::BenchStore(args) => store_cli::bench(&args),
        Command::Serve(args) => Ok(attache_serve::run(&args)?),
        Command::Actors { what: ActorsCommand::Learned { paths } } => {
            let engine = load_engine()?;
            let mut out = BufWriter::new(std::io::stdout().lock());
            let skipped = for_each_document(&paths, false, |doc| {
                let coded = engine.code(doc);
                for l in &coded.learned {
                    let v = serde_json::json!({
                        "doc_id": doc.id, "name": l.name, "country": l.actor, "sector": l.sector,
                        "role": l.role, "evidence": doc.text.get(l.start..l.end).unwrap_or(""),
                        "start": l.start, "end": l.end,
                    });
                    serde_json::to_writer(&mut out, &v)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            })?;
            out.flush()?;
            Ok(if skipped > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
    }
}
