//! Accuracy on a table of sentences written for this test (`tests/sentences.tsv`, ≥ 40
//! characters each), and on every document of the shared dev corpus when it is present.

use std::collections::BTreeMap;
use std::path::PathBuf;

use attache_langid::detect;

#[test]
fn at_least_95_percent_per_language_on_the_sentence_table() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sentences.tsv");
    let table = std::fs::read_to_string(&path).expect("tests/sentences.tsv");
    let mut per_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for line in table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let Some((lang, sentence)) = line.split_once('\t') else { panic!("malformed line: {line}") };
        assert!(sentence.chars().count() >= 40, "shorter than 40 characters: {sentence}");
        let got = detect(sentence).lang;
        let entry = per_lang.entry(lang).or_default();
        entry.1 += 1;
        if got == lang {
            entry.0 += 1;
        } else {
            misses.push(format!("{lang} → {got}: {sentence}"));
        }
    }
    let mut report = String::new();
    for (lang, (ok, n)) in &per_lang {
        report.push_str(&format!("{lang} {ok}/{n}  "));
    }
    eprintln!("{report}");
    for s in attache_langid::SUPPORTED.iter().chain(["und"].iter()) {
        assert!(per_lang.contains_key(s), "no sentences for {s}");
    }
    for (lang, (ok, n)) in &per_lang {
        assert!(*ok * 100 >= *n * 95, "{lang}: {ok}/{n} right ({report})\n{}", misses.join("\n"));
    }
}

#[test]
fn every_dev_document_is_identified() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let (Ok(corpus), Ok(gold)) = (
        std::fs::read_to_string(shared.join("corpus/dev.jsonl")),
        std::fs::read_to_string(shared.join("gold/dev.jsonl")),
    ) else {
        eprintln!("../shared is absent: skipped");
        return;
    };
    let mut lang_of = BTreeMap::new();
    for line in gold.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        if let (Some(id), Some(lang)) = (v["id"].as_str(), v["lang"].as_str()) {
            lang_of.insert(id.to_string(), lang.to_string());
        }
    }
    let mut wrong = Vec::new();
    let mut checked = 0;
    for line in corpus.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) else { continue };
        let Some(want) = lang_of.get(id) else { continue };
        checked += 1;
        let got = detect(text).lang;
        if got != want {
            wrong.push(format!("{id}: want {want}, got {got}"));
        }
    }
    assert!(checked > 0);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
