//! The packs' own test files, run by the test suite and by `attache packs --test`:
//! `tests.tsv` (sentences with the exact events they must give), `actor_tests.tsv`
//! (sentences with the states, organisations and persons they name) and `date_tests.tsv`
//! (short texts with the dates their events must carry). A linguist edits a pack and runs
//! them without touching Rust.

use std::collections::BTreeSet;

use attache_langdata::DataSource;
use attache_model::Document;

use crate::Engine;

/// What a run of one kind of pack test found.
#[derive(Debug, Default, Clone)]
pub struct PackTestReport {
    /// Lines checked.
    pub checked: usize,
    /// Languages that had at least one line.
    pub languages: BTreeSet<String>,
    /// One message per failing or malformed line ("lang/file:line: ...").
    pub failures: Vec<String>,
}

/// Parse "SRC CODE TGT, SRC CODE TGT bg" (bg: a background event) or "none".
fn expected_events(field: &str) -> BTreeSet<String> {
    if field.trim() == "none" {
        return BTreeSet::new();
    }
    field.split(',').map(|e| e.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|e| !e.is_empty()).collect()
}

/// The events of one sentence as "SRC CODE TGT\[ bg\]" strings.
pub fn sentence_events(engine: &Engine, lang: &str, sentence: &str, published: &str) -> BTreeSet<String> {
    let doc = Document {
        id: format!("{lang}-test"),
        text: sentence.to_string(),
        published: Some(published.to_string()),
        ..Default::default()
    };
    engine
        .code_as(&doc, lang)
        .events
        .iter()
        .map(|e| {
            let bg = if e.background { " bg" } else { "" };
            let side = |s: &[attache_model::Actor]| s.first().map_or("?", |a| a.country.as_str()).to_string();
            format!("{} {} {}{bg}", side(&e.source), e.cameo, side(&e.target))
        })
        .collect()
}

fn languages(engine: &Engine, only: Option<&str>) -> Vec<String> {
    engine.languages().into_iter().filter(|l| only.is_none_or(|o| o == l)).collect()
}

/// Run every pack's `tests.tsv` (or only `only`'s): sentence `<TAB>` events or `none`
/// [`<TAB>` publication date, default 2024-07-25].
pub fn run_sentence_tests(engine: &Engine, data: &DataSource, only: Option<&str>) -> PackTestReport {
    let mut report = PackTestReport::default();
    for lang in languages(engine, only) {
        let Ok(Some(file)) = data.read(&format!("packs/{lang}/tests.tsv")) else { continue };
        for (n, line) in file.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(sentence), Some(want)) = (fields.next(), fields.next()) else {
                report.failures.push(format!("{lang}/tests.tsv:{}: expected sentence<TAB>events", n + 1));
                continue;
            };
            let published = fields.next().map(str::trim).filter(|p| !p.is_empty()).unwrap_or("2024-07-25");
            let got = sentence_events(engine, &lang, sentence, published);
            let want = expected_events(want);
            report.checked += 1;
            report.languages.insert(lang.clone());
            if got != want {
                report
                    .failures
                    .push(format!("{lang}/tests.tsv:{}: {sentence}\n    want {want:?}\n    got  {got:?}", n + 1));
            }
        }
    }
    report
}

/// Run every pack's `actor_tests.tsv` (or only `only`'s): date `<TAB>` sentence `<TAB>` actors
/// ("STATE\[ Person\]; ..."): the set of states must match, and each person must be found.
pub fn run_actor_tests(engine: &Engine, data: &DataSource, only: Option<&str>) -> PackTestReport {
    let mut report = PackTestReport::default();
    let fold = |s: &str| attache_text::fold_diacritics(&s.to_lowercase());
    for lang in languages(engine, only) {
        let Ok(Some(file)) = data.read(&format!("packs/{lang}/actor_tests.tsv")) else { continue };
        for (n, line) in file.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let [date, sentence, want] = f[..] else {
                report
                    .failures
                    .push(format!("{lang}/actor_tests.tsv:{}: expected date<TAB>sentence<TAB>actors", n + 1));
                continue;
            };
            report.checked += 1;
            report.languages.insert(lang.clone());
            let got = engine.actors(sentence, &lang, Some(date));
            let got_states: BTreeSet<&str> = got.iter().map(|a| a.country.as_str()).collect();
            let mut want_states = BTreeSet::new();
            for item in want.split(';').map(str::trim).filter(|i| !i.is_empty()) {
                let (state, person) = item.split_once(' ').map_or((item, None), |(s, p)| (s, Some(p)));
                want_states.insert(state);
                if let Some(p) = person {
                    let found = got
                        .iter()
                        .any(|a| a.country == state && a.person.as_deref().is_some_and(|x| fold(x) == fold(p)));
                    if !found {
                        report.failures.push(format!(
                            "{lang}/actor_tests.tsv:{}: {sentence}\n    {p} ({state}) not found in {got:?}",
                            n + 1
                        ));
                    }
                }
            }
            if got_states != want_states {
                report.failures.push(format!(
                    "{lang}/actor_tests.tsv:{}: {sentence}\n    want {want_states:?}\n    got  {got_states:?}",
                    n + 1
                ));
            }
        }
    }
    report
}

/// Parse "CODE DATE, CODE DATE" ("046 2025-04-30, 111 2025-04-29") into pairs.
fn expected_dates(field: &str) -> Option<Vec<(String, String)>> {
    field
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| {
            let mut parts = e.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some(code), Some(date), None) => Some((code.to_string(), date.to_string())),
                _ => None,
            }
        })
        .collect()
}

/// Run every pack's `date_tests.tsv` (or only `only`'s): publication date `<TAB>` text (one or
/// more sentences) `<TAB>` "CODE DATE, ...": the text must give an event of each CODE, and every
/// event of that CODE must carry DATE (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
pub fn run_date_tests(engine: &Engine, data: &DataSource, only: Option<&str>) -> PackTestReport {
    let mut report = PackTestReport::default();
    for lang in languages(engine, only) {
        let Ok(Some(file)) = data.read(&format!("packs/{lang}/date_tests.tsv")) else { continue };
        for (n, line) in file.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let (&[published, text, _], Some(want)) = (&f[..], f.get(2).and_then(|w| expected_dates(w))) else {
                report.failures.push(format!(
                    "{lang}/date_tests.tsv:{}: expected date<TAB>text<TAB>CODE DATE[, CODE DATE ...]",
                    n + 1
                ));
                continue;
            };
            report.checked += 1;
            report.languages.insert(lang.clone());
            let doc = Document {
                id: format!("{lang}-date-test"),
                text: text.to_string(),
                published: Some(published.to_string()),
                ..Default::default()
            };
            let got: Vec<(String, String)> = engine
                .code_as(&doc, &lang)
                .events
                .into_iter()
                .map(|e| (e.cameo, e.date.map(|d| d.value).unwrap_or_default()))
                .collect();
            for (code, date) in &want {
                let of_code: Vec<&String> = got.iter().filter(|(c, _)| c == code).map(|(_, d)| d).collect();
                if of_code.is_empty() || of_code.iter().any(|d| *d != date) {
                    report.failures.push(format!(
                        "{lang}/date_tests.tsv:{}: {text}\n    want {code} on {date}\n    got  {got:?}",
                        n + 1
                    ));
                }
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_events_reads_none_and_lists() {
        assert!(expected_events(" none ").is_empty());
        let e = expected_events("JPN 042 LAO,  LAO  043 JPN ,");
        assert_eq!(e.into_iter().collect::<Vec<_>>(), vec!["JPN 042 LAO", "LAO 043 JPN"]);
    }

    #[test]
    fn expected_dates_reads_pairs_and_rejects_malformed_ones() {
        let d = expected_dates("046 2025-04-30,  111 2025-04 ,").unwrap_or_default();
        assert_eq!(d, vec![("046".into(), "2025-04-30".into()), ("111".into(), "2025-04".into())]);
        assert!(expected_dates("046").is_none());
        assert!(expected_dates("046 2025 extra").is_none());
    }
}
