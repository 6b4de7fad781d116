//! Verb-final clauses with the real Japanese pack: each verb takes the time of its own
//! clause, and a reporter's earlier act keeps its date and its background mark.

use std::path::PathBuf;

use attache_coder::Engine;
use attache_langdata::DataSource;
use attache_model::Document;

fn events(text: &str) -> Vec<(String, String, String, Option<String>, bool)> {
    let engine = Engine::load(&DataSource::directory(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.."))).unwrap();
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang: Some("ja".into()),
        published: Some("2024-03-12".into()),
        ..Default::default()
    };
    let mut v: Vec<_> = engine
        .code_as(&doc, "ja")
        .events
        .into_iter()
        .map(|e| {
            (e.source[0].country.clone(), e.cameo, e.target[0].country.clone(), e.date.map(|d| d.value), e.background)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_time_before_an_earlier_verb_is_that_verbs() {
    let v = events("岸田首相は、先月ハノイで署名した協定を歓迎した。");
    let sign = v.iter().find(|e| e.1 == "057").expect("signing coded");
    assert_eq!(sign.3.as_deref(), Some("2024-02"));
    assert!(sign.4, "last month's signing is background");
    let welcome = v.iter().find(|e| e.1 == "051").expect("welcome coded");
    assert_eq!(welcome.3.as_deref(), Some("2024-03-12"), "the welcome is not last month's");
    assert!(!welcome.4);
}

#[test]
fn a_later_verb_without_its_own_time_keeps_the_sentences_day() {
    let v = events("岸田首相は3月5日に訪米し、バイデン大統領と会談した。");
    assert!(v.contains(&("JPN".into(), "042".into(), "USA".into(), Some("2024-03-05".into()), false)), "{v:?}");
    assert!(v.contains(&("JPN".into(), "046".into(), "USA".into(), Some("2024-03-05".into()), false)), "{v:?}");
}
