//! The project's own evaluation set (`testdata/own/<lang>/`): news-style articles written
//! for the project and annotated under the guideline (`../shared/gold/GUIDELINES.md`).
//! Each `<set>.docs.jsonl` has its gold in `<set>.gold.jsonl`; `heldout` sets were written
//! and annotated before the packs were tuned and are never tuned on, `tune` sets are where
//! the packs' gaps were found, `fresh` sets are longer articles in the register of real online
//! news, written by a helper that never saw the engine's output. `testdata/own/floors.tsv` gives each set's lowest accepted F1
//! (the measured score less a margin), so a change that loses events fails here.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `lang<TAB>set<TAB>min_f1` lines.
fn floors() -> Vec<(String, String, f64)> {
    let text = std::fs::read_to_string(repo().join("testdata/own/floors.tsv")).expect("testdata/own/floors.tsv");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "floors.tsv: {l:?}");
            (f[0].to_string(), f[1].to_string(), f[2].trim().parse().expect("a number"))
        })
        .collect()
}

#[test]
fn own_sets_score_at_least_their_floors() {
    let floors = floors();
    let mut failures = Vec::new();
    let mut sets = 0;
    for entry in std::fs::read_dir(repo().join("testdata/own")).expect("testdata/own") {
        let dir = entry.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        let lang = dir.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        for set in [
            "heldout", "tune", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9",
            "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18",
            "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27",
            "fresh28", "fresh29", "fresh30", "fresh31",
        ] {
            let docs = dir.join(format!("{set}.docs.jsonl"));
            let gold = dir.join(format!("{set}.gold.jsonl"));
            if !docs.exists() {
                continue;
            }
            assert!(gold.exists(), "{} has no gold", docs.display());
            let out = Command::new(env!("CARGO_BIN_EXE_attache"))
                .args(["eval", "--json", "--gold"])
                .arg(&gold)
                .arg("--input")
                .arg(&docs)
                .output()
                .expect("attache runs");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let scopes: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
            let f1 = scopes["all"]["f1"].as_f64().unwrap_or(0.0);
            let Some((_, _, min)) = floors.iter().find(|(l, s, _)| *l == lang && s == set) else {
                failures.push(format!("{lang}/{set}: no floor in floors.tsv (F1 now {f1:.3})"));
                continue;
            };
            sets += 1;
            if f1 < *min {
                failures.push(format!("{lang}/{set}: F1 {f1:.3} below its floor {min:.3}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(sets > 0, "no own evaluation set found");
}
