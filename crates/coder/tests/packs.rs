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

/// Every pack's `actor_tests.tsv`: the states and organisations a sentence names (as a set)
/// and the persons it names, resolved with the line's date.
#[test]
fn every_pack_recognises_its_actors() {
    let engine = Engine::load(&DataSource::directory(repo())).expect("packs load");
    let mut failures = Vec::new();
    let mut languages = BTreeSet::new();
    for lang in engine.languages() {
        let Ok(file) = std::fs::read_to_string(repo().join("packs").join(&lang).join("actor_tests.tsv")) else {
            continue;
        };
        for (n, line) in file.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let [date, sentence, want] = f[..] else {
                failures.push(format!("{lang}/actor_tests.tsv:{}: expected date<TAB>sentence<TAB>actors", n + 1));
                continue;
            };
            languages.insert(lang.clone());
            let got = engine.actors(sentence, &lang, Some(date));
            let got_states: BTreeSet<&str> = got.iter().map(|a| a.country.as_str()).collect();
            let mut want_states = BTreeSet::new();
            for item in want.split(';').map(str::trim).filter(|i| !i.is_empty()) {
                let (state, person) = item.split_once(' ').map_or((item, None), |(s, p)| (s, Some(p)));
                want_states.insert(state);
                if let Some(p) = person {
                    let same = |name: &str| {
                        attache_text::fold_diacritics(&name.to_lowercase())
                            == attache_text::fold_diacritics(&p.to_lowercase())
                    };
                    if !got.iter().any(|a| a.country == state && a.person.as_deref().is_some_and(same)) {
                        failures.push(format!("{lang}:{}: {sentence}\n    {p} ({state}) not found in {got:?}", n + 1));
                    }
                }
            }
            if got_states != want_states {
                failures
                    .push(format!("{lang}:{}: {sentence}\n    want {want_states:?}\n    got  {got_states:?}", n + 1));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(languages.len(), 13, "actor tests in {languages:?}");
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
