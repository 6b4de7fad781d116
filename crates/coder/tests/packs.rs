//! Every language pack's `tests.tsv`: sentences written for the pack, each with the exact
//! events it must give (positive cases) or `none` (near misses: negation, conditionals,
//! look-alike words). A linguist adds a line to pin a behaviour of the pack.

use std::path::PathBuf;

use attache_coder::pack_tests::{run_actor_tests, run_date_tests, run_sentence_tests};
use attache_coder::Engine;
use attache_langdata::DataSource;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_pack_passes_its_own_sentences() {
    let data = DataSource::directory(repo());
    let engine = Engine::load(&data).expect("packs load");
    let report = run_sentence_tests(&engine, &data, None);
    for lang in ["vi", "en", "no"] {
        assert!(report.languages.contains(lang), "packs/{lang}/tests.tsv is missing or empty");
    }
    assert!(
        report.failures.is_empty(),
        "{} of {} pack sentences failed:\n{}",
        report.failures.len(),
        report.checked,
        report.failures.join("\n")
    );
}

/// Every pack's `actor_tests.tsv`: the states and organisations a sentence names (as a set)
/// and the persons it names, resolved with the line's date.
#[test]
fn every_pack_recognises_its_actors() {
    let data = DataSource::directory(repo());
    let engine = Engine::load(&data).expect("packs load");
    let report = run_actor_tests(&engine, &data, None);
    assert!(report.failures.is_empty(), "{}", report.failures.join("\n"));
    assert_eq!(report.languages.len(), 13, "actor tests in {:?}", report.languages);
}

/// Every pack's `date_tests.tsv`: the dates short texts' events must carry.
#[test]
fn every_pack_dates_its_texts() {
    let data = DataSource::directory(repo());
    let engine = Engine::load(&data).expect("packs load");
    let report = run_date_tests(&engine, &data, None);
    assert!(report.failures.is_empty(), "{}", report.failures.join("\n"));
    assert!(report.checked > 0, "no date_tests.tsv lines");
}

/// A wrong date is reported: the date runner can fail.
#[test]
fn a_wrong_date_fails() {
    let report = with_one_test_line(
        "datetest",
        "packs/en/date_tests.tsv",
        "2025-05-02\tOn 30 April, China condemned the United States.\t111 2025-05-02\n",
        |engine, data| run_date_tests(engine, data, Some("en")),
    );
    assert_eq!(report.checked, 1);
    assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
    assert!(report.failures[0].contains("2025-04-30"), "{}", report.failures[0]);
}

/// A wrong expectation is reported: the runner can fail.
#[test]
fn a_wrong_expectation_fails() {
    let report = with_one_test_line(
        "packtest",
        "packs/en/tests.tsv",
        "China condemned the United States.\tnone\n",
        |engine, data| run_sentence_tests(engine, data, Some("en")),
    );
    assert_eq!(report.checked, 1);
    assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
    assert!(report.failures[0].contains("CHN 111 USA"), "{}", report.failures[0]);
}

/// Run `run` on a copy of the repository's packs and knowledge base in which the test file
/// `file` holds only `line`.
fn with_one_test_line(
    name: &str,
    file: &str,
    line: &str,
    run: impl Fn(&Engine, &DataSource) -> attache_coder::pack_tests::PackTestReport,
) -> attache_coder::pack_tests::PackTestReport {
    let dir = std::env::temp_dir().join(format!("attache-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_tree(&repo().join("packs"), &dir.join("packs"));
    copy_tree(&repo().join("data/kb"), &dir.join("data/kb"));
    std::fs::write(dir.join(file), line).expect("write");
    let data = DataSource::directory(&dir);
    let engine = Engine::load(&data).expect("packs load");
    let report = run(&engine, &data);
    let _ = std::fs::remove_dir_all(&dir);
    report
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        if e.path().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

/// Sentences stay whole across each language's abbreviations, initials and ordinal dates.
#[test]
fn packs_abbreviations_keep_sentences_whole() {
    let cases: &[(&str, &str, usize)] = &[
        ("en", "Mr. Blinken met Dr. Tan in the U.S. on Jan. 5 at No. 1 Downing Street. They spoke again later.", 2),
        ("no", "Ministrene møttes 3. september i Oslo, bl.a. om handel. De ble f.eks. enige om nye møter.", 2),
        ("vi", "Đoàn đã đến TP. HCM vào sáng nay. Hai bên hội đàm.", 2),
        ("de", "Die Minister sprachen z. B. über Handel und Energie. Sie trafen sich am 3. Oktober erneut.", 2),
        ("fr", "M. Macron a reçu Mme Colonna à Paris. Ils ont parlé du commerce.", 2),
        ("es", "El Sr. Sánchez viajó a EE. UU. la semana pasada. Allí se reunió con ministros.", 2),
        ("it", "Il sig. Rossi ha incontrato il dott. Bianchi a Roma. Hanno discusso di commercio.", 2),
        ("id", "Bpk. Joko bertemu dengan Dr. Retno di Jakarta. Mereka membahas perdagangan.", 2),
        ("ja", "両外相は会談した。その後、共同声明を発表した。", 2),
    ];
    for (lang, text, want) in cases {
        let file =
            std::fs::read_to_string(repo().join("packs").join(lang).join("abbreviations.txt")).unwrap_or_default();
        let mut rules = attache_text::SplitRules::from_abbreviations(&file);
        let toml = std::fs::read_to_string(repo().join("packs").join(lang).join("pack.toml")).unwrap_or_default();
        rules.ordinal_dot = toml.lines().any(|l| l.replace(' ', "") == "ordinal_dot=true");
        let got: Vec<&str> = attache_text::split_document(text, &rules)
            .iter()
            .flat_map(|p| p.sentences.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>())
            .collect();
        assert_eq!(got.len(), *want, "{lang}: {got:?}");
    }
}
