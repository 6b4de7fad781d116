//! End-to-end tests of `attache ingest`, `events`, `events show` and `export`, including a
//! process killed in the middle of an ingest.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use attache_store::{EventStore, Store};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("attache runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("attache-store-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write_docs(path: &Path, docs: &[serde_json::Value]) {
    let mut f = std::fs::File::create(path).unwrap();
    for d in docs {
        writeln!(f, "{d}").unwrap();
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn ingest_query_show_export() {
    let dir = tmp("basic");
    let input = dir.join("in.jsonl");
    let db = dir.join("t.db");
    write_docs(
        &input,
        &[
            serde_json::json!({"id": "a", "published": "2024-07-26", "url": "https://news.example.com/a",
                "text": "Japanese Foreign Minister Kamikawa Yoko held talks with Lao Foreign Minister Saleumxay Kommasith in Vientiane on 25 July 2024."}),
            serde_json::json!({"id": "b", "published": "2024-07-26", "url": "https://daily.example.org/b",
                "text": "Japan's foreign minister met her Lao counterpart in Vientiane on Thursday."}),
            serde_json::json!({"id": "c", "published": "2023-05-11",
                "text": "Russian troops attacked Ukraine on 10 May 2023."}),
        ],
    );
    let out = run(bin().arg("ingest").arg(&input).arg("--db").arg(&db));
    assert!(out.stdout.is_empty(), "ingest writes nothing to stdout");
    let again = run(bin().arg("ingest").arg(&input).arg("--db").arg(&db));
    assert!(String::from_utf8_lossy(&again.stderr).contains("3 unchanged"));

    let lines = stdout(&run(bin().args(["events", "--format", "jsonl", "--pair", "LAO,JPN", "--db"]).arg(&db)));
    let events: Vec<serde_json::Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["num_articles"], 2);
    let id = events[0]["id"].as_i64().unwrap();

    let table = stdout(&run(bin().args(["events", "--quad", "4", "--db"]).arg(&db)));
    assert_eq!(table.lines().count(), 1);
    assert!(table.contains("RUS → UKR"));
    let csv =
        stdout(&run(bin().args(["events", "--format", "csv", "--text", "'; DROP TABLE events; --", "--db"]).arg(&db)));
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
    assert_eq!(stdout(&run(bin().args(["events", "--db"]).arg(&db))).lines().count(), 2, "events table intact");

    let show = stdout(&run(bin().args(["events", "show", &id.to_string(), "--db"]).arg(&db)));
    assert!(show.contains("joined event"), "{show}");
    assert!(show.contains("Vientiane on Thursday"), "{show}");

    let gdelt = stdout(&run(bin().args(["export", "--format", "gdelt", "--db"]).arg(&db)));
    assert_eq!(gdelt.lines().count(), 2);
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));
    let mentions = stdout(&run(bin().args(["export", "--format", "gdelt-mentions", "--db"]).arg(&db)));
    assert_eq!(mentions.lines().count(), 3, "one per event and sentence: {mentions}");
    assert!(mentions.lines().all(|l| l.split('\t').count() == 16));
    let file = dir.join("out.jsonl");
    run(bin().args(["export", "--format", "plover", "--output"]).arg(&file).arg("--db").arg(&db));
    assert_eq!(std::fs::read_to_string(&file).unwrap().lines().count(), 2);
    let no_dir = bin().args(["export", "--format", "parquet", "--db"]).arg(&db).output().unwrap();
    assert!(!no_dir.status.success());
    assert!(String::from_utf8_lossy(&no_dir.stderr).contains("--output DIR"), "{no_dir:?}");
    let lake = dir.join("lake");
    let done = run(bin().args(["export", "--format", "parquet", "--output"]).arg(&lake).arg("--db").arg(&db));
    assert!(String::from_utf8_lossy(&done.stderr).contains("2 events in 2 Parquet files"), "{done:?}");
    assert!(lake.join("year=2024").join("month=07").join("part-0.parquet").is_file());
    assert!(lake.join("year=2023").join("month=05").join("part-0.parquet").is_file());

    let missing = bin().args(["events", "--db"]).arg(dir.join("none.db")).output().unwrap();
    assert!(!missing.status.success());
}

const PAIRS: [(&str, &str); 10] = [
    ("French", "France"),
    ("German", "Germany"),
    ("Russian", "Russia"),
    ("Japanese", "Japan"),
    ("Indian", "India"),
    ("Chinese", "China"),
    ("Ukrainian", "Ukraine"),
    ("Brazilian", "Brazil"),
    ("Turkish", "Turkey"),
    ("Egyptian", "Egypt"),
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn generated(n: usize) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| {
            let (adj, _) = PAIRS[i % 10];
            let mut other = PAIRS[(i / 10 + 1 + i) % 10];
            if other.0 == adj {
                other = PAIRS[(i + 3) % 10];
            }
            let country = other.1;
            let (d, m, y) = (1 + i % 28, (i / 28) % 12, 2015 + (i / 336) % 10);
            let date = format!("{d} {} {y}", MONTHS[m]);
            let text = match i % 3 {
                0 => format!("The {adj} foreign minister visited {country} on {date}."),
                1 => format!("{adj} troops attacked {country} on {date}."),
                _ => {
                    format!("The {adj} government criticised {country} on {date}. Officials in {country} rejected it.")
                }
            };
            serde_json::json!({"id": format!("g{i}"), "text": text, "published": format!("{y}-{:02}-{d:02}", m + 1),
                "url": format!("https://site{}.example/{i}", i % 7)})
        })
        .collect()
}

#[test]
fn killed_ingest_leaves_no_partial_document() {
    let dir = tmp("kill");
    let input = dir.join("many.jsonl");
    let db = dir.join("k.db");
    let n = 20_000;
    write_docs(&input, &generated(n));

    let mut child = bin()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ingest starts");
    let started = Instant::now();
    let mut killed_midway = false;
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let stored = if db.exists() {
            Store::open(&db).ok().and_then(|s| s.counts().ok()).map_or(0, |c| c.documents)
        } else {
            0
        };
        if stored >= 400 {
            child.kill().expect("SIGKILL");
            child.wait().unwrap();
            killed_midway = true;
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(300), "ingest made no progress");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(killed_midway, "ingest finished before it could be killed; use more documents");

    {
        let store = Store::open(&db).unwrap();
        let c = store.counts().unwrap();
        assert!(c.documents > 0 && c.documents < n as i64, "killed midway: {c:?}");
        assert_eq!(c.documents % 200, 0, "only whole batches are committed: {c:?}");
        assert_eq!(store.check().unwrap(), Vec::<String>::new(), "no partial document after the kill");
    }

    let rerun = run(bin().arg("ingest").arg(&input).arg("--db").arg(&db));
    assert!(String::from_utf8_lossy(&rerun.stderr).contains("unchanged"));

    let store = Store::open(&db).unwrap();
    let c = store.counts().unwrap();
    assert_eq!(c.documents, n as i64, "every document once");
    assert_eq!(store.check().unwrap(), Vec::<String>::new());

    // the stored coding equals a fresh `attache code` of the same input
    let coded = run(bin().arg("code").arg(&input));
    let mut per_doc: HashMap<String, i64> = HashMap::new();
    let mut mentions = 0i64;
    for line in stdout(&coded).lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        *per_doc.entry(e["doc_id"].as_str().unwrap().to_string()).or_default() += 1;
        mentions += 1 + e["mentions"].as_array().map_or(0, |m| m.len() as i64);
    }
    assert_eq!(c.mentions, mentions);
    let mut st = store.connection().prepare("SELECT id, num_events FROM documents").unwrap();
    let stored: Vec<(String, i64)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(stored.len(), n);
    for (id, events) in stored {
        assert_eq!(per_doc.get(&id).copied().unwrap_or(0), events, "document {id}");
    }
}
