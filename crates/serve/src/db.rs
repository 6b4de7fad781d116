//! Read-only access to the store: a small pool of read-only connections and the queries the
//! API needs beyond [`EventStore`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use attache_store::{EventStore, Filter, Store, StoredEvent, StoredMention, TextRows};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Serialize;

use crate::ServeError;

/// Idle connections kept for reuse.
const MAX_IDLE: usize = 16;

/// Queries running, by token: their deadline and how to interrupt them.
type Running = Arc<Mutex<Vec<(u64, Instant, rusqlite::InterruptHandle)>>>;

/// A pool of read-only stores on one database file.
pub struct Pool {
    uri: String,
    idle: Mutex<Vec<Store>>,
    query_timeout: Duration,
    running: Running,
    next_token: AtomicU64,
}

/// `path` as an SQLite URI that opens it read-only.
fn read_only_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro");
    uri
}

impl Pool {
    /// A pool on an existing store file; fails when the file is missing or is not a store.
    pub fn open(path: &Path, query_timeout: Duration) -> Result<Self, ServeError> {
        if !path.is_file() {
            return Err(ServeError::NoDatabase(PathBuf::from(path)));
        }
        let running: Running = Arc::default();
        let watched = Arc::downgrade(&running);
        // the watchdog interrupts queries past their deadline; it ends with the pool
        std::thread::spawn(move || {
            while let Some(running) = watched.upgrade() {
                if let Ok(list) = running.lock() {
                    let now = Instant::now();
                    for (_, deadline, handle) in list.iter() {
                        if now > *deadline {
                            handle.interrupt();
                        }
                    }
                }
                drop(running);
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        // a store written by an older attache is upgraded (new tables filled) before serving;
        // the connections that serve are read-only
        drop(Store::open(path)?);
        let pool = Self {
            uri: read_only_uri(path),
            idle: Mutex::new(Vec::new()),
            query_timeout,
            running,
            next_token: AtomicU64::new(0),
        };
        // open one now so that a bad file is reported at start-up
        pool.with(|s| Ok(s.counts()?))?;
        Ok(pool)
    }

    /// Run `f` on a read-only store; a query still running past the timeout is interrupted.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> Result<T, ServeError>) -> Result<T, ServeError> {
        let taken = self.idle.lock().ok().and_then(|mut v| v.pop());
        let store = match taken {
            Some(s) => s,
            None => {
                let s = Store::open(&self.uri)?;
                // reads share the file through the OS page cache: map it instead of copying pages
                s.connection().pragma_update(None, "mmap_size", 1_i64 << 30)?;
                s.connection().pragma_update(None, "cache_size", -16_000)?;
                s
            }
        };
        let token = self.next_token.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut list) = self.running.lock() {
            list.push((token, Instant::now() + self.query_timeout, store.connection().get_interrupt_handle()));
        }
        let out = f(&store);
        if let Ok(mut list) = self.running.lock() {
            list.retain(|(t, _, _)| *t != token);
        }
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < MAX_IDLE {
                idle.push(store);
            }
        }
        out
    }
}

/// One country or organisation with its event counts.
#[derive(Debug, Serialize)]
pub struct ActorCount {
    /// Actor code (ISO 3166-1 alpha-3 or `IGO:…`).
    pub code: String,
    /// Readable name.
    pub name: String,
    /// Events it takes part in.
    pub events: i64,
    /// Events where it is a source.
    pub as_source: i64,
    /// Events where it is a target.
    pub as_target: i64,
}

/// Every actor with its counts, most events first.
pub fn actors(store: &Store, names: &crate::Names) -> Result<Vec<ActorCount>, ServeError> {
    // totals kept at ingest (store schema 1): no scan of every event
    let mut st = store.connection().prepare_cached(
        "SELECT country, events, as_source, as_target FROM actor_totals WHERE events > 0 \
         ORDER BY events DESC, country",
    )?;
    let rows = st.query_map([], |r| {
        let code: String = r.get(0)?;
        Ok(ActorCount { name: names.name(&code), code, events: r.get(1)?, as_source: r.get(2)?, as_target: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Conditions shared by the aggregate queries (a subset of the event filter).
#[derive(Debug, Default, Clone)]
pub struct Scope {
    /// A country on either side.
    pub actor: Option<String>,
    /// Two countries on opposite sides.
    pub pair: Option<(String, String)>,
    /// Quad class.
    pub quad: Option<u8>,
    /// First day (days since 1970-01-01).
    pub from: Option<i64>,
    /// Last day.
    pub to: Option<i64>,
}

impl Scope {
    /// The scope as conditions on events `e`, each led by ` AND ` (the store's own filter SQL).
    fn sql(&self) -> Result<(String, Vec<Value>), ServeError> {
        let day = |d: i64| {
            let (y, m, dd) = attache_time::civil_from_days(d);
            format!("{y:04}-{m:02}-{dd:02}")
        };
        let filter = Filter {
            actor: self.actor.clone(),
            pair: self.pair.clone(),
            quad: self.quad,
            from: self.from.map(day),
            to: self.to.map(day),
            ..Filter::default()
        };
        let (conds, values) = attache_store::filter_conditions(&filter)?;
        Ok((if conds.is_empty() { conds } else { format!(" AND {conds}") }, values))
    }
}

/// Time-series bucket size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// Calendar day.
    Day,
    /// ISO week (starting Monday).
    Week,
    /// Calendar month.
    Month,
}

/// Event counts by quad class and the Goldstein sum over one period.
#[derive(Debug, Default, Serialize)]
pub struct Bucket {
    /// First day of the period (`YYYY-MM-DD`; `YYYY-MM` for months).
    pub period: String,
    /// Events of quad classes 1–4 (verbal cooperation, material cooperation, verbal conflict,
    /// material conflict).
    pub quad: [i64; 4],
    /// All events.
    pub events: i64,
    /// Sum of Goldstein weights.
    pub goldstein: f64,
}

/// Dated events of the scope counted by period, oldest first. Events are counted on the
/// day they begin, and `from`/`to` select those days.
pub fn series(store: &Store, scope: &Scope, interval: Interval) -> Result<Vec<Bucket>, ServeError> {
    let mut days = String::new();
    let mut day_vals = Vec::new();
    if let Some(d) = scope.from {
        days.push_str(" AND {day} >= ?");
        day_vals.push(Value::Integer(d));
    }
    if let Some(d) = scope.to {
        days.push_str(" AND {day} <= ?");
        day_vals.push(Value::Integer(d));
    }
    let (sql, vals) = match (&scope.pair, &scope.actor) {
        // a pair alone: the daily counts kept at ingest (store schema 3), one key range
        (Some((a, b)), None) => {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let mut vals = vec![Value::Text(lo.clone()), Value::Text(hi.clone())];
            let mut sql =
                String::from("SELECT day, quad, events, goldstein FROM pair_days WHERE a = ? AND b = ? AND events > 0");
            if let Some(q) = scope.quad {
                sql.push_str(" AND quad = ?");
                vals.push(Value::Integer(i64::from(q)));
            }
            sql.push_str(&days.replace("{day}", "day"));
            vals.extend(day_vals);
            (sql, vals)
        }
        _ => {
            let unbounded = Scope { from: None, to: None, ..scope.clone() };
            let (w, mut vals) = unbounded.sql()?;
            vals.extend(day_vals);
            let sql = format!(
                "SELECT e.day_lo, e.quad, count(*), sum(e.goldstein) FROM events e WHERE e.day_lo IS NOT NULL{w}{} \
                 GROUP BY e.day_lo, e.quad",
                days.replace("{day}", "e.day_lo")
            );
            (sql, vals)
        }
    };
    let mut st = store.connection().prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(vals), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, f64>(3)?))
    })?;
    let mut buckets: BTreeMap<i64, Bucket> = BTreeMap::new();
    for row in rows {
        let (day, quad, n, g) = row?;
        let (key, period) = period_of(day, interval);
        let b = buckets.entry(key).or_insert_with(|| Bucket { period, ..Bucket::default() });
        if let Some(slot) = usize::try_from(quad - 1).ok().and_then(|i| b.quad.get_mut(i)) {
            *slot += n;
        }
        b.events += n;
        b.goldstein += g;
    }
    Ok(buckets.into_values().collect())
}

/// Sort key and label of the period holding `day`.
fn period_of(day: i64, interval: Interval) -> (i64, String) {
    match interval {
        Interval::Day => {
            let (y, m, d) = attache_time::civil_from_days(day);
            (day, format!("{y:04}-{m:02}-{d:02}"))
        }
        Interval::Week => {
            // 1970-01-01 was a Thursday: Monday is weekday 0
            let monday = day - (day + 3).rem_euclid(7);
            let (y, m, d) = attache_time::civil_from_days(monday);
            (monday, format!("{y:04}-{m:02}-{d:02}"))
        }
        Interval::Month => {
            let (y, m, _) = attache_time::civil_from_days(day);
            (i64::from(y) * 12 + i64::from(m), format!("{y:04}-{m:02}"))
        }
    }
}

/// Two actors and their interactions.
#[derive(Debug, Serialize)]
pub struct PairCount {
    /// First actor code (alphabetically).
    pub a: String,
    /// Its readable name.
    pub a_name: String,
    /// Second actor code.
    pub b: String,
    /// Its readable name.
    pub b_name: String,
    /// Events between them, either direction.
    pub events: i64,
    /// Cooperation events (quad 1–2).
    pub cooperation: i64,
    /// Conflict events (quad 3–4).
    pub conflict: i64,
    /// Sum of Goldstein weights.
    pub goldstein: f64,
}

/// The pairs with most events in the scope.
pub fn top_pairs(store: &Store, scope: &Scope, limit: u64, names: &crate::Names) -> Result<Vec<PairCount>, ServeError> {
    let (w, mut vals) = scope.sql()?;
    let sql = if w.is_empty() {
        // the whole store: totals kept at ingest (store schema 1)
        "SELECT a, b, events, cooperation, conflict, goldstein FROM pair_totals WHERE events > 0 \
         ORDER BY events DESC, a, b LIMIT ?"
            .to_string()
    } else {
        format!(
            "SELECT p.a, p.b, count(*), sum(e.quad <= 2), sum(e.quad >= 3), total(e.goldstein) FROM event_pairs p \
             JOIN events e ON e.id = p.event_id WHERE p.a < p.b{w} GROUP BY p.a, p.b ORDER BY 3 DESC, p.a, p.b LIMIT ?"
        )
    };
    vals.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let mut st = store.connection().prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(vals), |r| {
        let a: String = r.get(0)?;
        let b: String = r.get(1)?;
        Ok(PairCount {
            a_name: names.name(&a),
            b_name: names.name(&b),
            a,
            b,
            events: r.get(2)?,
            cooperation: r.get(3)?,
            conflict: r.get(4)?,
            goldstein: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A document without its text.
#[derive(Debug, Serialize)]
pub struct DocumentSummary {
    /// Document id.
    pub id: String,
    /// URL, when known.
    pub url: Option<String>,
    /// Publication date as given.
    pub published: Option<String>,
    /// Language the coder found.
    pub lang: Option<String>,
    /// URL host, or `doc:` + id.
    pub source_name: String,
    /// Events coded in it.
    pub num_events: i64,
    /// Length in characters.
    pub chars: i64,
}

const DOC_COLUMNS: &str = "d.id, d.url, d.published, d.lang, d.source_name, d.num_events, length(d.text)";

fn doc_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentSummary> {
    Ok(DocumentSummary {
        id: r.get(0)?,
        url: r.get(1)?,
        published: r.get(2)?,
        lang: r.get(3)?,
        source_name: r.get(4)?,
        num_events: r.get(5)?,
        chars: r.get(6)?,
    })
}

/// Documents, newest stored first, optionally only those whose text holds every word of `text`.
pub fn documents(
    store: &Store,
    text: Option<&str>,
    limit: u64,
    offset: u64,
) -> Result<Vec<DocumentSummary>, ServeError> {
    let (w, mut vals) = match text {
        Some(t) => match attache_store::text_matches(t, TextRows::Documents) {
            Some((rowids, v)) => (format!(" WHERE d.rowid IN ({rowids})"), v),
            None => return Ok(Vec::new()),
        },
        None => (String::new(), Vec::new()),
    };
    let sql = format!("SELECT {DOC_COLUMNS} FROM documents d{w} ORDER BY d.rowid DESC LIMIT ? OFFSET ?");
    vals.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    vals.push(Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
    let mut st = store.connection().prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(vals), doc_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One document with its text and the events marked in it.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    /// Metadata.
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// The text cut into runs: each run is marked with the events whose sentence covers it.
    pub segments: Vec<Segment>,
    /// The events reported in the document.
    pub events: Vec<crate::EventOut>,
}

/// A run of a document's text.
#[derive(Debug, Serialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Events whose evidence covers this run (empty for unmarked text).
    pub events: Vec<i64>,
    /// Quad class of the first of those events, 0 when unmarked.
    pub quad: u8,
}

/// A document by id, with its text cut into marked segments.
pub fn document(store: &Store, id: &str, names: &crate::Names) -> Result<Option<DocumentView>, ServeError> {
    let conn = store.connection();
    let found = conn
        .prepare_cached(&format!("SELECT {DOC_COLUMNS}, d.text FROM documents d WHERE d.id = ?1"))?
        .query_row([id], |r| Ok((doc_from_row(r)?, r.get::<_, String>(7)?)))
        .optional()?;
    let Some((summary, text)) = found else { return Ok(None) };
    let mut spans: Vec<(usize, usize, i64, u8)> = Vec::new();
    let mut event_ids: Vec<i64> = Vec::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT m.start, m.\"end\", m.event_id, e.quad FROM mentions m JOIN events e ON e.id = m.event_id \
             WHERE m.doc_id = ?1 ORDER BY m.start, m.event_id",
        )?;
        let rows = st.query_map([id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, u8>(3)?))
        })?;
        for row in rows {
            let (s, e, ev, q) = row?;
            let s = floor_boundary(&text, usize::try_from(s).unwrap_or(0));
            let e = floor_boundary(&text, usize::try_from(e).unwrap_or(0));
            if s < e {
                spans.push((s, e, ev, q));
            }
            if !event_ids.contains(&ev) {
                event_ids.push(ev);
            }
        }
    }
    let segments = segments(&text, &spans);
    let mut events = Vec::new();
    for ev in event_ids {
        if let Some(e) = store.event(ev)? {
            events.push(crate::EventOut::new(e, names));
        }
    }
    Ok(Some(DocumentView { summary, segments, events }))
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cut `text` at every span boundary; each run lists the spans covering it.
fn segments(text: &str, spans: &[(usize, usize, i64, u8)]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (s, e, _, _) in spans {
        cuts.push(*s);
        cuts.push(*e);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = match w {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let Some(run) = text.get(a..b) else { continue };
        let mut events = Vec::new();
        let mut quad = 0;
        for (s, e, ev, q) in spans {
            if *s <= a && b <= *e && !events.contains(ev) {
                if events.is_empty() {
                    quad = *q;
                }
                events.push(*ev);
            }
        }
        match out.last_mut() {
            Some(last) if last.events == events => last.text.push_str(run),
            _ => out.push(Segment { text: run.to_string(), events, quad }),
        }
    }
    out
}

/// A mention with the text around its sentence, for showing the evidence in place.
#[derive(Debug, Serialize)]
pub struct MentionOut {
    /// The stored mention.
    #[serde(flatten)]
    pub mention: StoredMention,
    /// Up to 300 bytes of the document before the sentence.
    pub before: String,
    /// Up to 300 bytes after it.
    pub after: String,
}

/// The mentions of an event with their context.
pub fn mentions(store: &Store, event_id: i64) -> Result<Vec<MentionOut>, ServeError> {
    let mut out = Vec::new();
    let mut st = store.connection().prepare_cached("SELECT text FROM documents WHERE id = ?1")?;
    for m in store.mentions(event_id)? {
        let text: String = st.query_row([&m.doc_id], |r| r.get(0)).optional()?.unwrap_or_default();
        let s = floor_boundary(&text, usize::try_from(m.start).unwrap_or(0));
        let e = floor_boundary(&text, usize::try_from(m.end).unwrap_or(0)).max(s);
        let before = text.get(floor_boundary(&text, s.saturating_sub(300))..s).unwrap_or("").to_string();
        let after = text.get(e..floor_boundary(&text, e.saturating_add(300))).unwrap_or("").to_string();
        out.push(MentionOut { mention: m, before, after });
    }
    Ok(out)
}

/// Events of a filter, fetching one more than asked to tell whether more follow.
pub fn events_page(store: &Store, filter: &Filter) -> Result<(Vec<StoredEvent>, bool), ServeError> {
    let limit = filter.limit.unwrap_or(50);
    let mut f = filter.clone();
    f.limit = Some(limit.saturating_add(1));
    let mut events = store.events(&f)?;
    let more = u64::try_from(events.len()).unwrap_or(u64::MAX) > limit;
    events.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok((events, more))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escapes() {
        assert_eq!(read_only_uri(Path::new("/a b/c?.db")), "file:/a%20b/c%3F.db?mode=ro");
    }

    #[test]
    fn periods() {
        let d = attache_time::days_from_civil(2024, 3, 6); // a Wednesday
        assert_eq!(period_of(d, Interval::Week).1, "2024-03-04");
        assert_eq!(period_of(d, Interval::Month).1, "2024-03");
        assert_eq!(period_of(d, Interval::Day).1, "2024-03-06");
    }

    #[test]
    fn cuts() {
        let text = "Aé. Bb. Cc.";
        let segs = segments(text, &[(5, 8, 1, 1), (5, 8, 2, 4)]);
        let runs: Vec<_> = segs.iter().map(|s| (s.text.as_str(), s.events.clone())).collect();
        assert_eq!(runs, vec![("Aé. ", vec![]), ("Bb.", vec![1, 2]), (" Cc.", vec![])]);
    }
}
