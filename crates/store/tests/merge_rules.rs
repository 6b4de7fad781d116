//! The merge rule on hand-made coded events: dates, persons, direction, roots, and
//! full-text search of CJK evidence.

mod common;

use attache_coder::DocOutput;
use attache_model::{Actor, Document};
use attache_store::{EventStore, Filter, Store};
use common::{actor, HandEvent};

struct Spec<'a> {
    doc: &'a str,
    cameo: &'a str,
    source: Actor,
    target: Actor,
    date: Option<(&'a str, &'a str)>,
    text: &'a str,
}

fn coded(s: &Spec<'_>) -> (Document, DocOutput) {
    common::coded(&HandEvent {
        doc: s.doc,
        url: None,
        text: s.text,
        cameo: s.cameo,
        quad: 1,
        goldstein: 0.0,
        plover: "",
        source: s.source.clone(),
        target: s.target.clone(),
        date: s.date,
    })
}

fn store_of(specs: &[Spec<'_>]) -> Store {
    let mut store = Store::in_memory().unwrap();
    for s in specs {
        let (d, o) = coded(s);
        store.ingest(&d, &o).unwrap();
    }
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    store
}

fn spec<'a>(doc: &'a str, cameo: &'a str, s: &str, t: &str, date: Option<(&'a str, &'a str)>) -> Spec<'a> {
    Spec { doc, cameo, source: actor(s, None), target: actor(t, None), date, text: "A report." }
}

#[test]
fn a_month_takes_any_day_in_it_and_is_refined() {
    let store = store_of(&[
        spec("a", "042", "FRA", "DEU", Some(("2023-03", "month"))),
        spec("b", "042", "FRA", "DEU", Some(("2023-03-30", "day"))),
        spec("c", "042", "FRA", "DEU", Some(("2023-04-02", "day"))),
    ]);
    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].num_articles, 3);
    assert_eq!(events[0].date.as_deref(), Some("2023-03-30"), "refined to the day");
    // the pair's daily counts moved with the date (the time series reads them)
    let day: i64 = store
        .connection()
        .query_row("SELECT day FROM pair_days WHERE a = 'DEU' AND b = 'FRA' AND events > 0", [], |r| r.get(0))
        .unwrap();
    assert_eq!(day, attache_time::days_from_civil(2023, 3, 30));
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_day_outside_the_month_stays_apart() {
    let store = store_of(&[
        spec("a", "042", "FRA", "DEU", Some(("2023-03", "month"))),
        spec("b", "042", "FRA", "DEU", Some(("2023-04-01", "day"))),
    ]);
    assert_eq!(store.events(&Filter::default()).unwrap().len(), 2);
}

#[test]
fn undated_joins_only_undated() {
    let store = store_of(&[
        spec("a", "040", "FRA", "DEU", None),
        spec("b", "040", "DEU", "FRA", None),
        spec("c", "040", "FRA", "DEU", Some(("2023-04-01", "day"))),
    ]);
    let events = store.events(&Filter::default()).unwrap();
    assert_eq!(events.len(), 2);
    assert!(events.iter().any(|e| e.date.is_none() && e.num_articles == 2));
}

#[test]
fn direction_matters_for_directed_codes_only() {
    let store = store_of(&[
        spec("a", "190", "RUS", "UKR", Some(("2023-05-10", "day"))),
        spec("b", "190", "UKR", "RUS", Some(("2023-05-10", "day"))),
        spec("c", "042", "FRA", "DEU", Some(("2023-03-03", "day"))),
        spec("d", "043", "DEU", "FRA", Some(("2023-03-04", "day"))),
        spec("e", "046", "DEU", "FRA", Some(("2023-03-03", "day"))),
    ]);
    assert_eq!(store.events(&Filter { root: Some("19".into()), ..Filter::default() }).unwrap().len(), 2);
    let visits = store.events(&Filter { root: Some("04".into()), ..Filter::default() }).unwrap();
    assert_eq!(visits.len(), 1, "visit, host and talks are one event: {visits:#?}");
    assert_eq!(visits[0].num_articles, 3);
}

#[test]
fn different_persons_or_roots_stay_apart() {
    let mut a = spec("a", "040", "FRA", "DEU", Some(("2023-03-03", "day")));
    a.source = actor("FRA", Some("Emmanuel Macron"));
    let mut b = spec("b", "040", "FRA", "DEU", Some(("2023-03-03", "day")));
    b.source = actor("FRA", Some("Someone Else"));
    let mut c = spec("c", "040", "FRA", "DEU", Some(("2023-03-03", "day")));
    c.target = actor("DEU", Some("Olaf Scholz"));
    let store = store_of(&[
        a,
        b,
        c,
        spec("d", "018", "FRA", "DEU", Some(("2023-03-03", "day"))),
        spec("e", "013", "FRA", "DEU", Some(("2023-03-03", "day"))),
        spec("f", "010", "FRA", "DEU", Some(("2023-03-04", "day"))),
    ]);
    let consults = store.events(&Filter { root: Some("04".into()), ..Filter::default() }).unwrap();
    assert_eq!(consults.len(), 2, "Macron and someone else: two events; Scholz's joins the first");
    assert!(consults.iter().any(|e| e.num_articles == 2 && e.target_person == "Olaf Scholz"));
    let statements = store.events(&Filter { root: Some("01".into()), ..Filter::default() }).unwrap();
    assert_eq!(statements.len(), 2, "018 is a root of its own: {statements:#?}");
}

#[test]
fn cjk_evidence_is_found_by_trigram() {
    let mut s = spec("j", "042", "JPN", "LAO", Some(("2024-07-25", "day")));
    s.text = "日本の外務大臣がラオスを訪問した。";
    let store = store_of(&[s]);
    let n = |t: &str| store.events(&Filter { text: Some(t.into()), ..Filter::default() }).unwrap().len();
    assert_eq!(n("外務大臣"), 1);
    assert_eq!(n("ラオス"), 1);
    assert_eq!(n("中国"), 0);
    // words shorter than a trigram are still found
    assert_eq!(n("日本"), 1);
    assert_eq!(n("日本 訪問"), 1);
    assert_eq!(n("韓国"), 0);
}
