//! Hand-made coded documents for the store's tests: one event each, fields as given.

use attache_coder::DocOutput;
use attache_model::{Actor, Document, Event, EventDate, Evidence, Plover};

/// A government actor of `country`, optionally naming a person.
pub fn actor(country: &str, person: Option<&str>) -> Actor {
    Actor {
        country: country.into(),
        sector: Some("GOV".into()),
        person: person.map(str::to_string),
        text: country.into(),
        start: 0,
        end: 3,
    }
}

/// What one hand-made event says.
pub struct HandEvent<'a> {
    /// Document id.
    pub doc: &'a str,
    /// The document's URL.
    pub url: Option<&'a str>,
    /// The document's text, which is also the evidence sentence.
    pub text: &'a str,
    /// CAMEO code.
    pub cameo: &'a str,
    /// Quad class.
    pub quad: u8,
    /// Goldstein weight.
    pub goldstein: f64,
    /// PLOVER event.
    pub plover: &'a str,
    /// Who acts.
    pub source: Actor,
    /// Who is acted upon.
    pub target: Actor,
    /// (value, precision) of the date.
    pub date: Option<(&'a str, &'a str)>,
}

/// The document and the coder's output for one hand-made event.
pub fn coded(e: &HandEvent<'_>) -> (Document, DocOutput) {
    let doc = Document { id: e.doc.into(), text: e.text.into(), url: e.url.map(str::to_string), ..Document::default() };
    let event = Event {
        doc_id: e.doc.into(),
        event_id: format!("{}-{}", e.doc, e.cameo),
        cameo: e.cameo.into(),
        cameo_name: format!("name of {}", e.cameo),
        root: e.cameo.get(..2).unwrap_or("").into(),
        quad: e.quad,
        goldstein: e.goldstein,
        plover: Plover { event: e.plover.into(), mode: String::new(), context: String::new() },
        source: vec![e.source.clone()],
        target: vec![e.target.clone()],
        date: e.date.map(|(value, precision)| EventDate {
            value: value.into(),
            end: None,
            precision: precision.into(),
            text: String::new(),
            inferred: false,
        }),
        location: None,
        evidence: Evidence { sentence: 0, start: 0, end: e.text.len(), text: e.text.into() },
        lang: "en".into(),
        rule: "test".into(),
        background: false,
        mentions: Vec::new(),
    };
    let out = DocOutput { lang: "en".into(), events: vec![event], learned: Vec::new(), explanations: Vec::new() };
    (doc, out)
}
