//! Every language pack's `tests.tsv`: sentences written for the pack, each with the exact
//! events it must give (positive cases) or `none` (near misses: negation, conditionals,
//! look-alike words). A linguist adds a line to pin a behaviour of the pack.

use std::collections::BTreeSet;
use std::path::PathBuf;

use attache_coder::Engine;
use attache_langdata::DataSource;
use attache_model::Document;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Parse "SRC CODE TGT, SRC CODE TGT bg" (bg: a background event) or "none".
fn expected(field: &str) -> BTreeSet<String> {
    if field.trim() == "none" {
        return BTreeSet::new();
    }
    field.split(',').map(|e| e.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|e| !e.is_empty()).collect()
}

#[test]
fn every_pack_passes_its_own_sentences() {
    let engine = Engine::load(&DataSource::directory(repo())).expect("packs load");
    let mut failures = Vec::new();
    let mut checked = 0usize;
    let mut packs_with_tests = BTreeSet::new();
    for lang in engine.languages() {
        let path = repo().join("packs").join(&lang).join("tests.tsv");
        let Ok(file) = std::fs::read_to_string(&path) else { continue };
        for (n, line) in file.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(sentence), Some(want)) = (fields.next(), fields.next()) else {
                failures.push(format!("{lang}/tests.tsv:{}: expected sentence<TAB>events", n + 1));
                continue;
            };
            let published = fields.next().map(str::trim).filter(|p| !p.is_empty()).unwrap_or("2024-07-25");
            let doc = Document {
                id: format!("{lang}-{}", n + 1),
                text: sentence.to_string(),
                published: Some(published.to_string()),
                ..Default::default()
            };
            let got: BTreeSet<String> = engine
                .code_as(&doc, &lang)
                .events
                .iter()
                .map(|e| {
                    let bg = if e.background { " bg" } else { "" };
                    format!("{} {} {}{bg}", e.source[0].country, e.cameo, e.target[0].country)
                })
                .collect();
            let want = expected(want);
            checked += 1;
            packs_with_tests.insert(lang.clone());
            if got != want {
                failures.push(format!("{lang}/tests.tsv:{}: {sentence}\n    want {want:?}\n    got  {got:?}", n + 1));
            }
        }
    }
    for lang in ["vi", "en", "no"] {
        assert!(packs_with_tests.contains(lang), "packs/{lang}/tests.tsv is missing or empty");
    }
    assert!(failures.is_empty(), "{} of {checked} pack sentences failed:\n{}", failures.len(), failures.join("\n"));
}
