//! The Parquet export read back by an independent reader, as a user would: Python's pyarrow
//! when it can be imported, else the `duckdb` command-line program, else the test says it
//! skips. Row counts per partition, column names and values are compared with the store.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use attache_coder::DocOutput;
use attache_model::Document;
use attache_store::parquet::{export_parquet, partition};
use attache_store::{EventStore, Filter, Store, StoredEvent};
use common::{actor, HandEvent};

/// The columns every file must have, in order.
const COLUMNS: [&str; 24] = [
    "id",
    "cameo",
    "cameo_name",
    "root",
    "quad",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "source_country",
    "source_sector",
    "source_person",
    "target_country",
    "target_sector",
    "target_person",
    "date",
    "date_end",
    "precision",
    "num_mentions",
    "num_sources",
    "num_articles",
    "evidence",
    "source_url",
    "first_doc_id",
];

struct Spec {
    doc: &'static str,
    cameo: &'static str,
    quad: u8,
    goldstein: f64,
    plover: &'static str,
    source: (&'static str, Option<&'static str>),
    target: &'static str,
    date: Option<(&'static str, &'static str)>,
    text: &'static str,
    url: Option<&'static str>,
}

fn coded(s: &Spec) -> (Document, DocOutput) {
    common::coded(&HandEvent {
        doc: s.doc,
        url: s.url,
        text: s.text,
        cameo: s.cameo,
        quad: s.quad,
        goldstein: s.goldstein,
        plover: s.plover,
        source: actor(s.source.0, s.source.1),
        target: actor(s.target, None),
        date: s.date,
    })
}

#[allow(clippy::too_many_arguments)]
fn spec(
    doc: &'static str,
    cameo: &'static str,
    quad: u8,
    goldstein: f64,
    plover: &'static str,
    source: (&'static str, Option<&'static str>),
    target: &'static str,
    date: Option<(&'static str, &'static str)>,
    text: &'static str,
    url: Option<&'static str>,
) -> Spec {
    Spec { doc, cameo, quad, goldstein, plover, source, target, date, text, url }
}

/// Six events over five partitions, one of them reported twice (merged), with non-ASCII,
/// quoted and multi-line evidence, with and without URLs.
fn store() -> Store {
    let specs = [
        spec(
            "a",
            "042",
            1,
            1.9,
            "CONSULT",
            ("FRA", Some("Emmanuel Macron")),
            "DEU",
            Some(("2023-03-03", "day")),
            "French President Emmanuel Macron visited Germany on 3 March 2023.",
            Some("https://news.example.com/a"),
        ),
        spec(
            "b",
            "042",
            1,
            1.9,
            "CONSULT",
            ("FRA", Some("Emmanuel Macron")),
            "DEU",
            Some(("2023-03-04", "day")),
            "Macron \"arrived\" in Berlin;\na second report.",
            Some("https://daily.example.org/b"),
        ),
        spec(
            "c",
            "190",
            4,
            -10.0,
            "FIGHT",
            ("RUS", None),
            "UKR",
            Some(("2023-03-20", "day")),
            "Russian troops attacked Ukraine on 20 March 2023.",
            None,
        ),
        spec(
            "d",
            "111",
            3,
            -2.0,
            "DISAPPROVE",
            ("USA", None),
            "CHN",
            Some(("2024-07", "month")),
            "Washington criticised Beijing in July 2024.",
            Some("https://news.example.com/d"),
        ),
        spec(
            "e",
            "040",
            1,
            1.0,
            "CONSULT",
            ("JPN", None),
            "LAO",
            Some(("2024", "year")),
            "Nhật Bản và Lào đã hội đàm trong năm 2024. 日本とラオスが会談した。",
            None,
        ),
        spec(
            "f",
            "057",
            1,
            8.0,
            "AGREE",
            ("VNM", None),
            "THA",
            None,
            "Vietnam and Thailand signed an agreement.",
            None,
        ),
        spec(
            "g",
            "173",
            4,
            -5.0,
            "COERCE",
            ("EGY", None),
            "ISR",
            Some(("2023-11-30", "day")),
            "Egypt detained Israeli citizens.",
            Some("https://news.example.com/g"),
        ),
    ];
    let mut store = Store::in_memory().expect("in-memory store");
    for s in &specs {
        let (d, o) = coded(s);
        store.ingest(&d, &o).expect("ingest");
    }
    assert_eq!(store.check().expect("check"), Vec::<String>::new());
    store
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("attache-parquet-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// What a reader found: rows per partition directory, column names, and per-event values.
#[derive(Debug)]
struct ReadBack {
    /// `year=…/month=…` → rows in the files of that directory.
    partitions: BTreeMap<String, i64>,
    /// Column names of every file (each must be the same).
    columns: Vec<Vec<String>>,
    /// One JSON object per row, with the partition columns `year` and `month` the reader
    /// took from the directory names (Hive partitioning).
    rows: Vec<serde_json::Value>,
}

const PYARROW_READER: &str = r#"
import json, os, sys
import pyarrow.parquet as pq
import pyarrow.dataset as ds
root = sys.argv[1]
partitions, columns = {}, []
for dirpath, _, files in os.walk(root):
    for f in sorted(files):
        path = os.path.join(dirpath, f)
        t = pq.read_table(path)  # each file on its own
        rel = os.path.relpath(dirpath, root)
        partitions[rel] = partitions.get(rel, 0) + t.num_rows
        columns.append(t.schema.names)
table = ds.dataset(root, format="parquet", partitioning="hive").to_table()
rows = [{k: (str(v) if k in ("year", "month") else v) for k, v in r.items()} for r in table.to_pylist()]
print(json.dumps({"partitions": partitions, "columns": columns, "rows": rows}))
"#;

fn have_pyarrow() -> bool {
    Command::new("python3").args(["-c", "import pyarrow"]).output().is_ok_and(|o| o.status.success())
}

fn have_duckdb() -> bool {
    Command::new("duckdb").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn read_with_pyarrow(dir: &Path) -> ReadBack {
    let out = Command::new("python3").args(["-c", PYARROW_READER]).arg(dir).output().expect("python3 runs");
    assert!(out.status.success(), "pyarrow reader failed: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("reader prints JSON");
    let partitions = v["partitions"]
        .as_object()
        .expect("partitions")
        .iter()
        .map(|(k, n)| (k.replace('\\', "/"), n.as_i64().expect("count")))
        .collect();
    let columns = v["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c.as_array().expect("names").iter().map(|n| n.as_str().expect("name").to_string()).collect())
        .collect();
    ReadBack { partitions, columns, rows: v["rows"].as_array().expect("rows").clone() }
}

fn duckdb_json(sql: &str) -> Vec<serde_json::Value> {
    let out = Command::new("duckdb").args(["-json", "-c", sql]).output().expect("duckdb runs");
    assert!(out.status.success(), "duckdb failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    if text.trim().is_empty() {
        return Vec::new();
    }
    serde_json::from_str(&text).expect("duckdb prints JSON")
}

fn read_with_duckdb(dir: &Path) -> ReadBack {
    let glob = dir.join("**").join("*.parquet").to_string_lossy().replace('\'', "''");
    let mut partitions = BTreeMap::new();
    let mut columns = Vec::new();
    let files = duckdb_json(&format!("SELECT file FROM glob('{glob}') ORDER BY file"));
    for f in &files {
        let file = f["file"].as_str().expect("file").replace('\'', "''");
        let count = duckdb_json(&format!("SELECT count(*) AS n FROM read_parquet('{file}')"));
        let n = count.first().and_then(|c| c["n"].as_i64()).expect("count");
        let rel = Path::new(&file)
            .parent()
            .and_then(|p| p.strip_prefix(dir).ok())
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .expect("file under the export directory");
        *partitions.entry(rel).or_insert(0) += n;
        let names = duckdb_json(&format!("SELECT name FROM parquet_schema('{file}') WHERE num_children IS NULL"));
        columns.push(names.iter().map(|r| r["name"].as_str().expect("name").to_string()).collect());
    }
    let rows = duckdb_json(&format!(
        "SELECT *, CAST(year AS VARCHAR) AS year, CAST(month AS VARCHAR) AS month \
         FROM read_parquet('{glob}', hive_partitioning = true, hive_types_autocast = false)"
    ));
    ReadBack { partitions, columns, rows }
}

fn expected_partitions(events: &[StoredEvent]) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for e in events {
        let (y, m) = partition(e.date.as_deref());
        *out.entry(format!("year={y}/month={m}")).or_insert(0) += 1;
    }
    out
}

#[test]
fn parquet_export_reads_back_with_an_independent_reader() {
    let reader: fn(&Path) -> ReadBack = if have_pyarrow() {
        read_with_pyarrow
    } else if have_duckdb() {
        read_with_duckdb
    } else {
        eprintln!(
            "SKIPPED parquet_export_reads_back_with_an_independent_reader: neither pyarrow \
             (python3 -m pip install pyarrow) nor the duckdb program is available"
        );
        return;
    };
    let store = store();
    let events = store.events(&Filter::default()).expect("events");
    assert_eq!(events.len(), 6, "a and b merge");
    let dir = temp_dir("readback");
    let summary = export_parquet(&store, &dir).expect("export");
    assert_eq!(summary.rows, 6);
    assert!(summary.files.iter().all(|(p, _)| p.file_name().is_some_and(|n| n == "part-0.parquet")));

    let back = reader(&dir);
    let want = expected_partitions(&events);
    assert_eq!(
        want.keys().cloned().collect::<Vec<_>>(),
        [
            "year=2023/month=03",
            "year=2023/month=11",
            "year=2024/month=07",
            "year=2024/month=unknown",
            "year=unknown/month=unknown"
        ]
    );
    assert_eq!(back.partitions, want, "rows per partition");
    assert_eq!(back.columns.len(), summary.files.len(), "every file read");
    for names in &back.columns {
        assert_eq!(names, &COLUMNS, "column names");
    }

    assert_eq!(back.rows.len(), events.len());
    for e in &events {
        let row = back.rows.iter().find(|r| r["id"].as_i64() == Some(e.id)).expect("every event read back");
        assert_eq!(row["cameo"], e.cameo.as_str());
        assert_eq!(row["goldstein"].as_f64(), Some(e.goldstein));
        assert_eq!(row["quad"].as_i64(), Some(i64::from(e.quad)));
        assert_eq!(row["source_country"], e.source_country.as_str());
        assert_eq!(row["target_country"], e.target_country.as_str());
        assert_eq!(row["source_person"], e.source_person.as_str());
        assert_eq!(row["num_articles"].as_i64(), Some(e.num_articles));
        assert_eq!(row["date"].as_str(), e.date.as_deref());
        assert_eq!(row["source_url"].as_str(), e.source_url.as_deref());
        let (y, m) = partition(e.date.as_deref());
        assert_eq!(row["year"], y.as_str(), "Hive partition column year");
        assert_eq!(row["month"].as_str().map(|s| s.trim_start_matches('0')), Some(m.trim_start_matches('0')));
        let mentions = store.mentions(e.id).expect("mentions");
        assert_eq!(row["evidence"].as_str(), mentions.first().map(|m| m.evidence.as_str()), "first mention");
    }
    let macron = back.rows.iter().find(|r| r["source_country"] == "FRA").expect("the visit");
    assert_eq!(macron["num_mentions"].as_i64(), Some(2));
    assert_eq!(macron["goldstein"].as_f64(), Some(1.9));
    assert_eq!(macron["cameo"], "042");
    assert_eq!(macron["source_person"], "Emmanuel Macron");
    assert_eq!(macron["evidence"], "French President Emmanuel Macron visited Germany on 3 March 2023.");
    let laos = back.rows.iter().find(|r| r["target_country"] == "LAO").expect("the talks");
    assert_eq!(laos["evidence"], "Nhật Bản và Lào đã hội đàm trong năm 2024. 日本とラオスが会談した。");
    assert!(laos["source_url"].is_null());
    let undated = back.rows.iter().find(|r| r["source_country"] == "VNM").expect("undated");
    assert!(undated["date"].is_null());
    assert_eq!(undated["goldstein"].as_f64(), Some(8.0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn parquet_export_refuses_a_directory_with_files() {
    let store = store();
    let dir = temp_dir("nonempty");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("old.txt"), "x").expect("write");
    let err = export_parquet(&store, &dir).expect_err("refused");
    assert!(err.to_string().contains("not empty"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn time_series_counts_quads_and_sums_goldstein_per_month() {
    let store = store();
    let all = store.time_series(&Filter::default()).expect("series");
    let periods: Vec<Option<&str>> = all.iter().map(|p| p.period.as_deref()).collect();
    assert_eq!(periods, [Some("2023-03"), Some("2023-11"), Some("2024"), Some("2024-07"), None]);
    let march = &all[0];
    assert_eq!(march.events, 2);
    assert_eq!(march.quad, [1, 0, 0, 1]);
    assert!((march.goldstein - (1.9 - 10.0)).abs() < 1e-9);
    let pair = Filter { pair: Some(("DEU".into(), "FRA".into())), ..Filter::default() };
    let series = store.time_series(&pair).expect("pair series");
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].quad, [1, 0, 0, 0]);
    // the trait's default (used by back ends without their own SQL) agrees with SQLite's
    struct Plain<'a>(&'a Store);
    impl EventStore for Plain<'_> {
        fn is_current(&self, doc: &Document) -> attache_store::Result<bool> {
            self.0.is_current(doc)
        }
        fn ingest_batch(&mut self, _: &[(&Document, &DocOutput)]) -> attache_store::Result<attache_store::IngestStats> {
            Ok(Default::default())
        }
        fn events(&self, filter: &Filter) -> attache_store::Result<Vec<StoredEvent>> {
            self.0.events(filter)
        }
        fn event(&self, id: i64) -> attache_store::Result<Option<StoredEvent>> {
            self.0.event(id)
        }
        fn mentions(&self, event_id: i64) -> attache_store::Result<Vec<attache_store::StoredMention>> {
            self.0.mentions(event_id)
        }
        fn for_each_event(
            &self,
            f: &mut dyn FnMut(&StoredEvent) -> attache_store::Result<()>,
        ) -> attache_store::Result<()> {
            self.0.for_each_event(f)
        }
        fn for_each_mention(
            &self,
            f: &mut dyn FnMut(&attache_store::StoredMention) -> attache_store::Result<()>,
        ) -> attache_store::Result<()> {
            self.0.for_each_mention(f)
        }
        fn counts(&self) -> attache_store::Result<attache_store::Counts> {
            self.0.counts()
        }
        fn check(&self) -> attache_store::Result<Vec<String>> {
            self.0.check()
        }
    }
    assert_eq!(Plain(&store).time_series(&Filter::default()).expect("default series"), all);
    let mut sqlite_order = Vec::new();
    store
        .for_each_event_by_period(&mut |e, ev| {
            sqlite_order.push((e.id, ev.to_string()));
            Ok(())
        })
        .expect("by period");
    let mut default_order = Vec::new();
    Plain(&store)
        .for_each_event_by_period(&mut |e, ev| {
            default_order.push((e.id, ev.to_string()));
            Ok(())
        })
        .expect("default by period");
    assert_eq!(sqlite_order, default_order);
}
