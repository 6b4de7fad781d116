//! The records attache reads and writes: input documents and coded events.
//!
//! Offsets in every record are **byte offsets into the document's original text**
//! (UTF-8), half-open `[start, end)`, so `&text[start..end]` is the quoted span.

use serde::{Deserialize, Serialize};

/// A news document as read from input, before any processing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Caller's identifier, unique within one input.
    pub id: String,
    /// The article text, exactly as given (plain text, or HTML when `is_html`).
    pub text: String,
    /// Where the article came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Headline, when given separately from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A language hint (ISO 639-1); never required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// True when `text` is an HTML page rather than plain text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_html: bool,
}

/// One side of an event: a state or organisation, with optional detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// ISO 3166-1 alpha-3 code (`JPN`) or `IGO:` + acronym (`IGO:ASEAN`).
    pub country: String,
    /// PLOVER sector (`GOV`, `LEG`, `PTY`, `MIL`, ...), when known.
    pub sector: Option<String>,
    /// Canonical name of the person acting, when named.
    pub person: Option<String>,
    /// The words in the document that name this actor.
    pub text: String,
    /// Byte offset of `text` in the original document.
    pub start: usize,
    /// Byte offset just past `text` in the original document.
    pub end: usize,
}

/// PLOVER coding of an event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    /// PLOVER event category (`CONSULT`, `AGREE`, ...).
    pub event: String,
    /// PLOVER mode (`visit`, `phone`, ...), empty when none.
    pub mode: String,
    /// PLOVER context (`diplomatic`, `economic`, ...), empty when none.
    pub context: String,
}

/// When an event happened, as precisely as the text says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, per `precision`.
    pub value: String,
    /// Last day of a multi-day event, same format as `value`.
    pub end: Option<String>,
    /// `day`, `month` or `year`.
    pub precision: String,
    /// The time expression in the text, or empty when the date was inherited.
    pub text: String,
    /// True when no publication date was given and the reference date was inferred from the text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// ISO 3166-1 alpha-3 code of the country, when known.
    pub country: Option<String>,
    /// The place name as written.
    pub name: String,
}

/// The sentence that states an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Zero-based index of the sentence in the document.
    pub sentence: usize,
    /// Byte offset of the sentence in the original document.
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// The sentence, quoted from the original text.
    pub text: String,
}

/// One coded event: who did what to whom, when and where, and the sentence saying so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id of the document the event was found in.
    pub doc_id: String,
    /// Stable id: the same input gives the same id on every run.
    pub event_id: String,
    /// CAMEO code, 2–4 digits.
    pub cameo: String,
    /// CAMEO name of the code.
    pub cameo_name: String,
    /// CAMEO root (first two digits).
    pub root: String,
    /// Quad class 1–4 (verbal/material cooperation, verbal/material conflict).
    pub quad: u8,
    /// GDELT Goldstein weight of the code.
    pub goldstein: f64,
    /// PLOVER event, mode and context.
    pub plover: Plover,
    /// Who acts.
    pub source: Vec<Actor>,
    /// Who is acted upon.
    pub target: Vec<Actor>,
    /// When, or null.
    pub date: Option<EventDate>,
    /// Where, or null.
    pub location: Option<Location>,
    /// The sentence that says it.
    pub evidence: Evidence,
    /// Detected language of the evidence (ISO 639-1).
    pub lang: String,
    /// The pattern that produced the event (`<lang>/<file>:<line>`).
    pub rule: String,
    /// True for context events (an earlier visit), not the article's news.
    pub background: bool,
    /// Other sentences of the same document that state the same event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Evidence>,
}

/// 64-bit FNV-1a hash: a stable, dependency-free fingerprint for ids.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_continue(FNV1A64_START, bytes)
}

/// The FNV-1a state before any byte.
pub const FNV1A64_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a 64 of `bytes` continued from `hash`: hashing pieces in turn equals hashing their
/// concatenation, without building it.
pub fn fnv1a64_continue(mut hash: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn document_defaults_optional_fields() {
        let d: Document = serde_json::from_str(r#"{"id":"a","text":"b"}"#).unwrap();
        assert_eq!(d.published, None);
        assert!(!d.is_html);
    }
}
