//! On the shared dev corpus (skipped when ../shared is absent): every person the gold names
//! and the engine also finds must be resolved to the gold's state in ≥ 95 % of cases.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use attache_model::Document;
use attache_text::fold_diacritics;

fn key(name: &str) -> String {
    fold_diacritics(&name.to_lowercase())
}

#[test]
fn gold_persons_resolve_to_the_gold_state() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let (Ok(corpus), Ok(gold)) = (
        std::fs::read_to_string(shared.join("corpus/dev.jsonl")),
        std::fs::read_to_string(shared.join("gold/dev.jsonl")),
    ) else {
        eprintln!("../shared is absent: skipped");
        return;
    };
    let engine = common::repo_engine();
    // (document, person) → the state the gold gives
    let mut wanted: BTreeMap<(String, String), String> = BTreeMap::new();
    for line in gold.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(id) = v["id"].as_str() else { continue };
        for e in v["events"].as_array().into_iter().flatten() {
            for (side, person) in [("src", "src_person"), ("tgt", "tgt_person")] {
                if let (Some(p), Some(c)) = (e[person].as_str(), e[side].as_str()) {
                    wanted.entry((id.to_string(), key(p))).or_insert_with(|| c.to_string());
                }
            }
        }
    }
    let (mut found, mut right, mut wrong) = (0usize, 0usize, Vec::new());
    for line in corpus.lines() {
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(id) = doc["id"].as_str() else { continue };
        let document = Document {
            id: id.to_string(),
            text: doc["text"].as_str().unwrap_or("").to_string(),
            published: doc["published"].as_str().map(str::to_string),
            ..Default::default()
        };
        let out = engine.code(&document);
        let mut states: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for a in out.events.iter().flat_map(|e| e.source.iter().chain(&e.target)) {
            if let Some(p) = &a.person {
                states.entry(key(p)).or_default().insert(a.country.clone());
            }
        }
        for ((doc_id, person), state) in wanted.range((id.to_string(), String::new())..) {
            if doc_id != id {
                break;
            }
            let Some(got) = states.get(person) else { continue };
            found += 1;
            if got.contains(state) {
                right += 1;
            } else {
                wrong.push(format!("{id}: {person} → {got:?}, gold {state}"));
            }
        }
    }
    eprintln!("gold persons found by the engine: {found}; resolved to the gold's state: {right}");
    assert!(found >= 20, "too few gold persons found ({found}) for the figure to mean anything");
    assert!(right * 100 >= found * 95, "{right}/{found}:\n{}", wrong.join("\n"));
}
