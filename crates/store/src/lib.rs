//! The event store: coded documents go into a database, reports of the same real-world event
//! from many documents are merged into one event with many mentions, and the events can be
//! queried and exported (GDELT 2.0 events and mentions, PLOVER JSON lines, CSV, Parquet).
//!
//! [`EventStore`] is the storage interface; [`Store`] implements it on SQLite. A PostgreSQL
//! back end would implement the same trait over the same schema (see README.md).

use attache_coder::DocOutput;
use attache_model::Document;
use serde::Serialize;

pub mod export;
pub mod fips;
pub mod merge;
pub mod parquet;
mod sqlite;
pub mod util;

pub use sqlite::{filter_conditions, text_matches, Store, TextRows};

/// Documents written per transaction by callers that batch (the CLI does).
pub const BATCH_SIZE: usize = 200;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Writing an export failed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// JSON encoding failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A filter value is malformed.
    #[error("invalid filter: {0}")]
    Filter(String),
    /// Parquet encoding failed.
    #[error("Parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
    /// An export cannot be written where it was asked to go.
    #[error("export: {0}")]
    Export(String),
    /// A store written by an older attache was opened read-only and cannot be upgraded.
    #[error("the store's schema is version {0}; open it once for writing (attache ingest or serve) to upgrade it")]
    OldSchema(i64),
}

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What one ingest call did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IngestStats {
    /// Documents seen for the first time.
    pub added: usize,
    /// Documents whose text changed: old mentions removed, new ones stored.
    pub updated: usize,
    /// Documents already stored with the same text: nothing done.
    pub unchanged: usize,
    /// Events created.
    pub events_created: usize,
    /// Coded events that joined an event already stored.
    pub events_joined: usize,
    /// Mention rows written.
    pub mentions: usize,
}

impl IngestStats {
    /// Add another call's figures to these.
    pub fn add(&mut self, o: &IngestStats) {
        self.added += o.added;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
        self.events_created += o.events_created;
        self.events_joined += o.events_joined;
        self.mentions += o.mentions;
    }
}

/// One merged real-world event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// Store-wide event number (GDELT GlobalEventID).
    pub id: i64,
    /// CAMEO code of the first report.
    pub cameo: String,
    /// CAMEO name of the code.
    pub cameo_name: String,
    /// CAMEO root (two digits).
    pub root: String,
    /// Quad class 1–4.
    pub quad: u8,
    /// Goldstein weight.
    pub goldstein: f64,
    /// PLOVER event category.
    pub plover_event: String,
    /// PLOVER mode, empty when none.
    pub plover_mode: String,
    /// PLOVER context, empty when none.
    pub plover_context: String,
    /// Source countries, `;`-separated.
    pub source_country: String,
    /// Source sectors, aligned with the countries (`;`-separated, empty when unknown).
    pub source_sector: String,
    /// Source persons, `;`-separated.
    pub source_person: String,
    /// Target countries, `;`-separated.
    pub target_country: String,
    /// Target sectors, aligned with the countries.
    pub target_sector: String,
    /// Target persons, `;`-separated.
    pub target_person: String,
    /// Event date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    /// Last day of a multi-day event.
    pub date_end: Option<String>,
    /// `day`, `month` or `year`.
    pub precision: Option<String>,
    /// Country where it happened (ISO 3166-1 alpha-3).
    pub location_country: Option<String>,
    /// Place name as written.
    pub location_name: Option<String>,
    /// True when the first report states it in its first two sentences.
    pub is_root: bool,
    /// Distinct sentences (document, sentence) that state it.
    pub num_mentions: i64,
    /// Distinct sources (URL hosts, or document ids when there is no URL).
    pub num_sources: i64,
    /// Distinct documents.
    pub num_articles: i64,
    /// Document of the first report.
    pub first_doc_id: String,
    /// URL of the first report.
    pub source_url: Option<String>,
    /// When the event was first stored (Unix seconds, UTC).
    pub added_at: i64,
}

/// One sentence of one document reporting a stored event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredMention {
    /// Mention number.
    pub id: i64,
    /// The merged event.
    pub event_id: i64,
    /// The document.
    pub doc_id: String,
    /// The coder's id of the event within the document.
    pub doc_event_id: String,
    /// True for the coder's evidence sentence, false for further sentences of the same event.
    pub primary: bool,
    /// The CAMEO code this document gave.
    pub cameo: String,
    /// Source countries this document gave, `;`-separated.
    pub source: String,
    /// Target countries this document gave, `;`-separated.
    pub target: String,
    /// Zero-based sentence index.
    pub sentence: i64,
    /// Byte offset of the sentence.
    pub start: i64,
    /// Byte offset just past the sentence.
    pub end: i64,
    /// The sentence.
    pub evidence: String,
    /// Language of the evidence.
    pub lang: String,
    /// Pattern that produced it.
    pub rule: String,
    /// True for context (background) events.
    pub background: bool,
    /// Date this document gave.
    pub date: Option<String>,
    /// Why this mention joined its event or started it.
    pub merge_reason: String,
    /// Byte offset of the first source actor (primary mentions only).
    pub source_start: Option<i64>,
    /// Byte offset of the first target actor (primary mentions only).
    pub target_start: Option<i64>,
    /// The document's URL.
    pub doc_url: Option<String>,
    /// The document's source: URL host, or the document id.
    pub source_name: String,
    /// Length of the document in characters.
    pub doc_chars: i64,
    /// When the document was stored (Unix seconds, UTC).
    pub ingested_at: i64,
    /// When the event was first stored (Unix seconds, UTC).
    pub event_added_at: i64,
}

/// Which events to return. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A country on either side.
    pub actor: Option<String>,
    /// Two countries on opposite sides, in either direction.
    pub pair: Option<(String, String)>,
    /// A source country.
    pub source: Option<String>,
    /// A target country.
    pub target: Option<String>,
    /// Part of a person's name (SQL `LIKE`, `%` added on both sides).
    pub person: Option<String>,
    /// CAMEO code prefix (`04`, `042`).
    pub cameo: Option<String>,
    /// CAMEO root (`04`).
    pub root: Option<String>,
    /// Quad class 1–4.
    pub quad: Option<u8>,
    /// PLOVER event category.
    pub plover: Option<String>,
    /// Events ending on or after this date (`YYYY[-MM[-DD]]`).
    pub from: Option<String>,
    /// Events starting on or before this date (`YYYY[-MM[-DD]]`).
    pub to: Option<String>,
    /// A language one of its mentions is in.
    pub lang: Option<String>,
    /// Words all found in one of its mentions' sentences (full-text search).
    pub text: Option<String>,
    /// At most this many events.
    pub limit: Option<u64>,
    /// Skip this many events first.
    pub offset: Option<u64>,
}

/// One period of a time series: events per quad class and their Goldstein sum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// `YYYY-MM`; `YYYY` for events dated to a year only; `None` for undated events.
    pub period: Option<String>,
    /// Events.
    pub events: i64,
    /// Events of quad classes 1–4 (verbal cooperation, material cooperation, verbal
    /// conflict, material conflict).
    pub quad: [i64; 4],
    /// Sum of the events' Goldstein weights.
    pub goldstein: f64,
}

/// The first seven characters of a date (`YYYY-MM`, or `YYYY` for a year), the period it counts in.
pub fn period_of(date: Option<&str>) -> Option<String> {
    date.map(|d| d.chars().take(7).collect())
}

/// Row counts of a store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: i64,
    /// Merged events.
    pub events: i64,
    /// Mention rows.
    pub mentions: i64,
}

/// Storage of documents, merged events and their mentions.
pub trait EventStore {
    /// True when the document is stored with this very text (ingesting it would do nothing).
    fn is_current(&self, doc: &Document) -> Result<bool>;

    /// Store coded documents in one transaction: all of them or, on failure, none.
    fn ingest_batch(&mut self, batch: &[(&Document, &DocOutput)]) -> Result<IngestStats>;

    /// Store one coded document in its own transaction.
    fn ingest(&mut self, doc: &Document, coded: &DocOutput) -> Result<IngestStats> {
        self.ingest_batch(&[(doc, coded)])
    }

    /// Events matching a filter, by date then id.
    fn events(&self, filter: &Filter) -> Result<Vec<StoredEvent>>;

    /// One event by id.
    fn event(&self, id: i64) -> Result<Option<StoredEvent>>;

    /// The mentions of one event, in the order they were stored.
    fn mentions(&self, event_id: i64) -> Result<Vec<StoredMention>>;

    /// Every event, by id.
    fn for_each_event(&self, f: &mut dyn FnMut(&StoredEvent) -> Result<()>) -> Result<()>;

    /// Every mention, by event then mention id.
    fn for_each_mention(&self, f: &mut dyn FnMut(&StoredMention) -> Result<()>) -> Result<()>;

    /// Every event with the evidence sentence of its first mention, by period ([`period_of`]
    /// its date; undated last), then id: what a partitioned export reads.
    fn for_each_event_by_period(&self, f: &mut dyn FnMut(&StoredEvent, &str) -> Result<()>) -> Result<()> {
        let mut all = Vec::new();
        self.for_each_event(&mut |e| {
            all.push(e.clone());
            Ok(())
        })?;
        all.sort_by_key(|e| {
            let p = period_of(e.date.as_deref());
            (p.is_none(), p, e.id)
        });
        for e in &all {
            let evidence = self.mentions(e.id)?.into_iter().next().map(|m| m.evidence).unwrap_or_default();
            f(e, &evidence)?;
        }
        Ok(())
    }

    /// Monthly time series of the events matching a filter (its limit and offset ignored):
    /// counts per quad class and Goldstein sum per period, by period, undated last.
    fn time_series(&self, filter: &Filter) -> Result<Vec<Period>> {
        let all = self.events(&Filter { limit: None, offset: None, ..filter.clone() })?;
        let mut by: std::collections::BTreeMap<(bool, Option<String>), Period> = Default::default();
        for e in &all {
            let p = period_of(e.date.as_deref());
            let row = by.entry((p.is_none(), p.clone())).or_insert(Period {
                period: p,
                events: 0,
                quad: [0; 4],
                goldstein: 0.0,
            });
            row.events += 1;
            if let Some(q) = usize::from(e.quad).checked_sub(1).and_then(|i| row.quad.get_mut(i)) {
                *q += 1;
            }
            row.goldstein += e.goldstein;
        }
        Ok(by.into_values().collect())
    }

    /// Row counts.
    fn counts(&self) -> Result<Counts>;

    /// Consistency problems (empty when none): documents whose mentions are incomplete,
    /// events whose counts are stale, mentions without an event.
    fn check(&self) -> Result<Vec<String>>;
}
