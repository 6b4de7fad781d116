//! `attache bench`: end-to-end coding speed and memory on a corpus generated from sentences
//! written for the purpose (`benchdata/`), with the floor measured in the same run.

use std::time::{Duration, Instant};

use attache_coder::Engine;
use attache_model::Document;

const SENTENCES: &[(&str, &str)] = &[
    ("en", include_str!("../benchdata/en.txt")),
    ("vi", include_str!("../benchdata/vi.txt")),
    ("no", include_str!("../benchdata/no.txt")),
];

/// Sentences in scripts without spaces between words, for the front-end's second figure.
const UNSPACED: &[(&str, &str)] = &[
    ("th", include_str!("../benchdata/th.txt")),
    ("lo", include_str!("../benchdata/lo.txt")),
    ("ja", include_str!("../benchdata/ja.txt")),
    ("zh", include_str!("../benchdata/zh.txt")),
];

/// Documents of 8–15 sentences from `sources`, drawn with a fixed-seed generator.
fn generate(sources: &[(&'static str, &'static str)], docs_per_lang: usize, joiner: char) -> Vec<BenchDoc> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let mut out = Vec::new();
    for (lang, file) in sources {
        let lines: Vec<&str> = file.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
        for i in 0..docs_per_lang {
            let n = 8 + next(8);
            let mut text = String::new();
            for s in 0..n {
                if s > 0 {
                    text.push(if next(3) == 0 { '\n' } else { joiner });
                }
                text.push_str(lines[next(lines.len())]);
            }
            out.push(BenchDoc {
                lower: text.to_lowercase(),
                doc: Document {
                    id: format!("{lang}-{i}"),
                    text,
                    published: Some("2024-07-25".into()),
                    ..Default::default()
                },
                lang,
                sentences: n,
            });
        }
    }
    out
}

/// The front-end alone over one document: language, paragraphs and sentences, normalised
/// keys and tokens (returns a count so the work cannot be optimised away).
fn front_end(text: &str, rules: &attache_text::SplitRules) -> usize {
    let mut n = usize::from(attache_langid::detect(text).lang.len() == 2);
    for p in attache_text::split_document(text, rules) {
        for s in &p.sentences {
            let sentence = &text[s.start..s.end];
            n += attache_text::normalize(sentence, s.start).key.len();
            n += attache_text::tokenize(sentence, s.start).len();
        }
    }
    n
}

/// A generated document, its language and how many sentences it has.
pub struct BenchDoc {
    /// The document.
    pub doc: Document,
    /// Its language.
    pub lang: &'static str,
    /// Its lower-cased text, for the floor.
    pub lower: String,
    /// Sentences in it.
    pub sentences: usize,
}

/// `docs_per_lang` documents per language, each of 8–15 sentences in 2–5 paragraphs,
/// drawn with a fixed-seed generator so every run codes the same bytes.
pub fn corpus(docs_per_lang: usize) -> Vec<BenchDoc> {
    generate(SENTENCES, docs_per_lang, ' ')
}

fn best_of<F: FnMut() -> usize>(runs: usize, mut f: F) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut count = 0;
    for _ in 0..runs {
        let t = Instant::now();
        count = f();
        best = best.min(t.elapsed());
    }
    (best, count)
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The front-end alone, vi/en/no and th/lo/ja/zh: (MB/s, MB/s), best of `runs`.
fn front_end_speeds(docs: &[BenchDoc], unspaced: &[BenchDoc], runs: usize) -> (f64, f64) {
    let rules = attache_text::SplitRules::default();
    let speed = |set: &[BenchDoc]| {
        let bytes: usize = set.iter().map(|d| d.doc.text.len()).sum();
        let (t, _) = best_of(runs, || set.iter().map(|d| front_end(&d.doc.text, &rules)).sum());
        bytes as f64 / t.as_secs_f64().max(1e-9) / 1e6
    };
    (speed(docs), speed(unspaced))
}

/// The front-end over `docs` with the language identifier's word cache emptied before
/// every document: the speed on documents whose every word is new to the identifier.
fn front_end_cold(docs: &[BenchDoc], runs: usize) -> f64 {
    let rules = attache_text::SplitRules::default();
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let (t, _) = best_of(runs, || {
        docs.iter()
            .map(|d| {
                attache_langid::forget_words();
                front_end(&d.doc.text, &rules)
            })
            .sum()
    });
    bytes as f64 / t.as_secs_f64().max(1e-9) / 1e6
}

/// Each stage of the front-end alone over `docs`, in MB/s of the documents' bytes.
fn front_end_stages(docs: &[BenchDoc], runs: usize) -> Vec<(&'static str, f64)> {
    let rules = attache_text::SplitRules::default();
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let split: Vec<Vec<attache_text::Paragraph>> =
        docs.iter().map(|d| attache_text::split_document(&d.doc.text, &rules)).collect();
    let sentences = || {
        docs.iter().zip(&split).flat_map(|(d, paras)| {
            paras.iter().flat_map(|p| p.sentences.iter().map(|s| (&d.doc.text[s.start..s.end], s.start)))
        })
    };
    let speed = |t: Duration| bytes as f64 / t.as_secs_f64().max(1e-9) / 1e6;
    let (language, _) =
        best_of(runs, || docs.iter().map(|d| usize::from(attache_langid::detect(&d.doc.text).lang.len() == 2)).sum());
    let (split_t, _) =
        best_of(runs, || docs.iter().map(|d| attache_text::split_document(&d.doc.text, &rules).len()).sum());
    let (norm, _) = best_of(runs, || sentences().map(|(s, at)| attache_text::normalize(s, at).key.len()).sum());
    let (tok, _) = best_of(runs, || sentences().map(|(s, at)| attache_text::tokenize(s, at).len()).sum());
    vec![
        ("language", speed(language)),
        ("paragraphs and sentences", speed(split_t)),
        ("normalised keys", speed(norm)),
        ("tokens", speed(tok)),
    ]
}

/// Measure the front-end alone and print its speeds, with each stage's (for profiling).
pub fn run_front_end(docs_per_lang: usize, json: bool) -> anyhow::Result<()> {
    let docs = corpus(docs_per_lang);
    let unspaced = generate(UNSPACED, docs_per_lang, '\u{3000}');
    let (latin, other) = front_end_speeds(&docs, &unspaced, 5);
    let stages = front_end_stages(&docs, 5);
    let unspaced_stages = front_end_stages(&unspaced, 5);
    let cold = front_end_cold(&docs, 5);
    if json {
        let obj = |st: &[(&str, f64)]| st.iter().map(|(k, v)| ((*k).to_string(), serde_json::json!(v))).collect();
        let stages: serde_json::Map<String, serde_json::Value> = obj(&stages);
        let unspaced_stages: serde_json::Map<String, serde_json::Value> = obj(&unspaced_stages);
        crate::outln!(
            "{}",
            serde_json::json!({ "latin_mb_per_s": latin, "th_lo_ja_zh_mb_per_s": other,
                "latin_new_words_mb_per_s": cold,
                "latin_stages_mb_per_s": stages, "th_lo_ja_zh_stages_mb_per_s": unspaced_stages })
        );
    } else {
        crate::outln!("front-end alone, vi/en/no:   {latin:>10.2} MB/s");
        for (name, v) in &stages {
            crate::outln!("  {name:<27}{v:>10.2} MB/s");
        }
        crate::outln!("  {:<27}{cold:>10.2} MB/s", "(every word new to langid)");
        crate::outln!("front-end alone, th/lo/ja/zh:{other:>10.2} MB/s");
        for (name, v) in &unspaced_stages {
            crate::outln!("  {name:<27}{v:>10.2} MB/s");
        }
    }
    Ok(())
}

/// Code the corpus `rounds` times on one thread and print the speed: nothing else runs,
/// so a profiler sees coding alone.
pub fn run_coding_only(docs_per_lang: usize, rounds: usize) -> anyhow::Result<()> {
    run_one_part(docs_per_lang, rounds, "coded", "events", |engine, d| engine.code_as(&d.doc, d.lang).events.len())
}

/// Run the floor (one pass of each language's phrase automaton over the corpus's lower-cased
/// text) `rounds` times on one thread and print the speed, as `run_coding_only` does for coding.
pub fn run_floor_only(docs_per_lang: usize, rounds: usize) -> anyhow::Result<()> {
    run_one_part(docs_per_lang, rounds, "floor:", "matches", |engine, d| engine.scan_only(d.lang, &d.lower))
}

/// Run `part` over every document of the corpus `rounds` times on one thread and print the
/// speed and the sum of what `part` counted (`unit`).
fn run_one_part(
    docs_per_lang: usize,
    rounds: usize,
    label: &str,
    unit: &str,
    part: impl Fn(&Engine, &BenchDoc) -> usize,
) -> anyhow::Result<()> {
    let engine = Engine::load(&attache_langdata::DataSource::from_env())?;
    let docs = corpus(docs_per_lang);
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let t = Instant::now();
    let mut counted = 0;
    for _ in 0..rounds {
        counted += docs.iter().map(|d| part(&engine, d)).sum::<usize>();
    }
    let secs = t.elapsed().as_secs_f64().max(1e-9);
    crate::outln!(
        "{label} {rounds} × {} documents ({counted} {unit}): {:.2} MB/s",
        docs.len(),
        (bytes * rounds) as f64 / secs / 1e6
    );
    Ok(())
}

/// Load every pack and print how long it took, in ms, and the peak RSS in MB
/// (`attache bench --startup-only`).
pub fn run_startup_only() -> anyhow::Result<()> {
    let t = Instant::now();
    let engine = Engine::load(&attache_langdata::DataSource::from_env())?;
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    crate::outln!("{ms:.3} {:.1}", peak_rss_mb().unwrap_or(0.0));
    drop(engine);
    Ok(())
}

/// Start-up in ms in fresh processes of this program (`bench --startup-only`), median of
/// three: with the automaton cache off (every automaton built), and reading the automata
/// from the cache (after one run that fills it) unless the cache is off in this
/// environment; and the highest peak RSS of the runs that built the automata.
fn startup_in_fresh_processes() -> anyhow::Result<(f64, Option<f64>, f64)> {
    let exe = std::env::current_exe()?;
    let building_rss = std::cell::Cell::new(0f64);
    let once = |cache_off: bool| -> anyhow::Result<f64> {
        let mut cmd = std::process::Command::new(&exe);
        cmd.args(["bench", "--startup-only"]);
        if cache_off {
            cmd.env("ATTACHE_CACHE_DIR", "off");
        }
        let out = cmd.output()?;
        anyhow::ensure!(out.status.success(), "start-up run failed: {}", String::from_utf8_lossy(&out.stderr).trim());
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut fields = stdout.split_whitespace().map(str::parse::<f64>);
        let (Some(ms), Some(rss)) = (fields.next(), fields.next()) else {
            anyhow::bail!("start-up run printed {stdout:?}")
        };
        if cache_off {
            building_rss.set(building_rss.get().max(rss?));
        }
        Ok(ms?)
    };
    let median = |cache_off: bool| -> anyhow::Result<f64> {
        let mut v = [once(cache_off)?, once(cache_off)?, once(cache_off)?];
        v.sort_by(f64::total_cmp);
        Ok(v[1])
    };
    let built = median(true)?;
    let cached = match attache_langdata::DataSource::from_env().cache_dir() {
        Some(_) => {
            once(false)?;
            Some(median(false)?)
        }
        None => None,
    };
    Ok((built, cached, building_rss.get()))
}

/// Run the benchmark and print a report (JSON when `json`).
pub fn run(docs_per_lang: usize, threads: usize, json: bool) -> anyhow::Result<()> {
    let (startup_built, startup_cached, building_rss) = startup_in_fresh_processes()?;
    let engine = Engine::load(&attache_langdata::DataSource::from_env())?;
    let docs = corpus(docs_per_lang);
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let sentences: usize = docs.iter().map(|d| d.sentences).sum();
    let code_all =
        |slice: &[BenchDoc]| slice.iter().map(|d| engine.code_as(&d.doc, d.lang).events.len()).sum::<usize>();
    // warm up
    code_all(&docs[..docs.len().min(50)]);
    let (single, events) = best_of(3, || code_all(&docs));
    let (floor, matches) = best_of(3, || docs.iter().map(|d| engine.scan_only(d.lang, &d.lower)).sum());
    let threads = threads.max(1);
    let (parallel, _) = best_of(3, || {
        let chunk = docs.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = docs.chunks(chunk).map(|c| s.spawn(move || code_all(c))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
        })
    });
    let unspaced = generate(UNSPACED, docs_per_lang, '\u{3000}');
    let (front_latin, front_other) = front_end_speeds(&docs, &unspaced, 3);
    let per_sec = |n: usize, d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
    let report = serde_json::json!({
        "documents": docs.len(),
        "sentences": sentences,
        "bytes": bytes,
        "events": events,
        "floor_matches": matches,
        "startup_ms": startup_cached.unwrap_or(startup_built),
        "startup_building_ms": startup_built,
        "startup_from_cache_ms": startup_cached,
        "single_thread": {
            "seconds": single.as_secs_f64(),
            "docs_per_s": per_sec(docs.len(), single),
            "sentences_per_s": per_sec(sentences, single),
            "mb_per_s": per_sec(bytes, single) / 1e6,
        },
        "threads": threads,
        "all_threads": {
            "seconds": parallel.as_secs_f64(),
            "docs_per_s": per_sec(docs.len(), parallel),
            "sentences_per_s": per_sec(sentences, parallel),
            "mb_per_s": per_sec(bytes, parallel) / 1e6,
        },
        "floor": {
            "seconds": floor.as_secs_f64(),
            "mb_per_s": per_sec(bytes, floor) / 1e6,
        },
        "coding_over_floor": single.as_secs_f64() / floor.as_secs_f64().max(1e-9),
        "front_end": {
            "latin_mb_per_s": front_latin,
            "th_lo_ja_zh_mb_per_s": front_other,
        },
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_building_mb": building_rss,
    });
    if json {
        crate::outln!("{report}");
    } else {
        crate::outln!(
            "corpus: {} documents, {} sentences, {:.1} MB (vi, en, no; generated from benchdata/)",
            docs.len(),
            sentences,
            bytes as f64 / 1e6
        );
        crate::outln!(
            "start-up, automata built:    {startup_built:>10.1} ms  (load every pack; fresh process, median of 3)"
        );
        match startup_cached {
            Some(ms) => {
                crate::outln!("start-up, automata cached:   {ms:>10.1} ms  (read from the cache of a previous run)")
            }
            None => crate::outln!("start-up, automata cached:          -     (ATTACHE_CACHE_DIR=off)"),
        }
        crate::outln!(
            "single thread:               {:>10.0} sentences/s  {:>8.0} docs/s  {:>6.2} MB/s",
            per_sec(sentences, single),
            per_sec(docs.len(), single),
            per_sec(bytes, single) / 1e6
        );
        crate::outln!(
            "{threads} threads:                   {:>10.0} sentences/s  {:>8.0} docs/s  {:>6.2} MB/s",
            per_sec(sentences, parallel),
            per_sec(docs.len(), parallel),
            per_sec(bytes, parallel) / 1e6
        );
        crate::outln!("floor (one automaton pass):  {:>10.2} MB/s", per_sec(bytes, floor) / 1e6);
        crate::outln!("coding time / floor time:    {:>10.1}×", single.as_secs_f64() / floor.as_secs_f64().max(1e-9));
        crate::outln!("front-end alone, vi/en/no:   {front_latin:>10.2} MB/s");
        crate::outln!("front-end alone, th/lo/ja/zh:{front_other:>10.2} MB/s");
        if let Some(r) = peak_rss_mb() {
            crate::outln!("peak RSS:                    {r:>10.1} MB  (coding, automata from the cache when on)");
            crate::outln!("peak RSS, loading only:      {building_rss:>10.1} MB  (every automaton built)");
        }
        crate::outln!("events coded per pass:       {events:>10}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_deterministic() {
        let a = corpus(3);
        let b = corpus(3);
        assert_eq!(a.len(), 9);
        assert!(a.iter().zip(&b).all(|(x, y)| x.doc.text == y.doc.text));
        assert!(a.iter().all(|d| d.sentences >= 8));
    }
}
