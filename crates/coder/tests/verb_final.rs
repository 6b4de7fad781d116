//! Verb-final clauses with the real Japanese pack: each verb takes the time of its own
//! clause, and a reporter's earlier act keeps its date and its background mark.

mod common;

use attache_model::Document;

fn events(text: &str) -> Vec<(String, String, String, Option<String>, bool)> {
    let engine = common::repo_engine();
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

#[test]
fn arbitrary_japanese_and_korean_never_panic_and_offsets_slice_the_original() {
    let engine = common::repo_engine();
    let pool = [
        "岸田首相",
        "は",
        "が",
        "を",
        "に",
        "と",
        "の",
        "から",
        "で",
        "会談",
        "訪問",
        "訪日",
        "した。",
        "、",
        "マリズ・ペイン・",
        "オーストラリア",
        "外務大臣",
        "(",
        ")",
        "H.E. Mr.",
        "日米",
        "5日",
        "先月",
        "予定",
        "しなかった",
        "もし",
        "れば",
        "両国",
        "윤석열 대통령",
        "은",
        "는",
        "과",
        "을",
        "에서",
        "서울",
        "회담했다",
        "방한",
        " ",
        "일본 외무상",
        "한미",
        "양측은",
        "지난달",
        "\u{301}",
        "😀",
        "\n",
        "。",
        "・",
        "ー",
    ];
    for (round, text) in common::random_texts(&pool, 0x9e37_79b9_7f4a_7c15, 2000, 30).enumerate() {
        let lang = if round % 2 == 0 { "ja" } else { "ko" };
        let doc = Document { id: "r".into(), text: text.clone(), ..Default::default() };
        common::assert_offsets_slice(&text, &engine.code_as(&doc, lang).events);
    }
}

#[test]
fn a_subject_inside_a_quotation_closed_before_the_object_is_not_the_target() {
    let v = events("上川外相は「中国が重要な役割を果たすべきだ」と述べ、ロシアを強く非難した。");
    assert!(v.iter().any(|e| e.0 == "JPN" && e.1 == "111" && e.2 == "RUS"), "{v:?}");
    assert!(!v.iter().any(|e| e.2 == "CHN"), "{v:?}");
    // a subject of a clause the reaction reports, unquoted, is still what it is aimed at
    let reported = events("上川外相は、中国が日本人を拘束したことを強く非難した。");
    assert!(reported.iter().any(|e| e.0 == "JPN" && e.1.starts_with("11") && e.2 == "CHN"), "{reported:?}");
}
