//! The SQLite back end of [`EventStore`].

use std::collections::BTreeSet;
use std::path::Path;

use attache_coder::DocOutput;
use attache_model::{fnv1a64, Actor, Document, Event, Evidence};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};

use crate::merge::{self, Key, Span};
use crate::util::{fts_query, now_unix, source_name};
use crate::{Counts, EventStore, Filter, IngestStats, Period, Result, StoreError, StoredEvent, StoredMention};

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    url TEXT,
    published TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    ingested_at INTEGER NOT NULL,
    source_name TEXT NOT NULL,
    num_events INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    cameo TEXT NOT NULL,
    cameo_name TEXT NOT NULL,
    root TEXT NOT NULL,
    merge_root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover_event TEXT NOT NULL,
    plover_mode TEXT NOT NULL,
    plover_context TEXT NOT NULL,
    source_country TEXT NOT NULL,
    source_sector TEXT NOT NULL,
    source_person TEXT NOT NULL,
    target_country TEXT NOT NULL,
    target_sector TEXT NOT NULL,
    target_person TEXT NOT NULL,
    pair_key TEXT NOT NULL,
    direction TEXT NOT NULL,
    persons_key TEXT NOT NULL,
    date TEXT,
    date_end TEXT,
    precision TEXT,
    day_lo INTEGER,
    day_hi INTEGER,
    location_country TEXT,
    location_name TEXT,
    is_root INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    first_doc_id TEXT NOT NULL,
    source_url TEXT,
    added_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_merge ON events(pair_key, merge_root, day_lo);
CREATE INDEX IF NOT EXISTS events_day ON events(day_lo);
-- the order event lists are given in (dated first, oldest first): a page is read in order,
-- and the quad class and code filters are answered from the index without reading rows
CREATE INDEX IF NOT EXISTS events_chrono ON events(day_lo IS NULL, day_lo, id, quad, cameo);
-- facts about the whole store kept by triggers: max_span is the longest date span (days)
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS event_actors (
    country TEXT NOT NULL,
    side TEXT NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (country, side, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
-- every ordered pair of countries on opposite sides of an event, both ways round: a pair
-- filter reads one key range instead of joining event_actors with itself
CREATE TABLE IF NOT EXISTS event_pairs (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    -- the event's first day, so that a pair's events are listed in order from this table
    day_lo INTEGER,
    PRIMARY KEY (a, b, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_pairs_event ON event_pairs(event_id);
-- running totals kept by the triggers below, for the unfiltered actor list and top pairs
CREATE TABLE IF NOT EXISTS pair_totals (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    events INTEGER NOT NULL,
    cooperation INTEGER NOT NULL,
    conflict INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
-- per pair (a < b), day an event begins and quad class: events and Goldstein sum, kept by
-- the triggers below, so that a pair's time series reads one short key range
CREATE TABLE IF NOT EXISTS pair_days (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    day INTEGER NOT NULL,
    quad INTEGER NOT NULL,
    events INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    PRIMARY KEY (a, b, day, quad)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_totals (
    country TEXT PRIMARY KEY,
    events INTEGER NOT NULL,
    as_source INTEGER NOT NULL,
    as_target INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    doc_id TEXT NOT NULL REFERENCES documents(id),
    doc_event_id TEXT NOT NULL,
    is_primary INTEGER NOT NULL,
    cameo TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    lang TEXT NOT NULL,
    rule TEXT NOT NULL,
    background INTEGER NOT NULL,
    date TEXT,
    merge_reason TEXT NOT NULL,
    source_start INTEGER,
    target_start INTEGER
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
-- full text: rowid > 0 is a mention's evidence (mentions.id), rowid < 0 a document's text (-documents.rowid)
CREATE VIRTUAL TABLE IF NOT EXISTS fts_words USING fts5(body, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_trigram USING fts5(body, tokenize='trigram');
"#;

/// Above this many events an actor set is checked per event rather than driven from.
const DRIVE_AT_MOST: i64 = 20_000;

/// Schema version this code writes (`PRAGMA user_version`): 1 added `event_pairs` and the
/// totals, 2 the chronological index and `store_meta`, 3 `pair_days`, 4 `event_pairs.day_lo`
/// and its list index.
const SCHEMA_VERSION: i64 = 4;

/// Adds `event_pairs.day_lo` to a store of versions 1–3 (whose triggers did not fill it).
const ADD_PAIR_DAY: &str = r#"
ALTER TABLE event_pairs ADD COLUMN day_lo INTEGER;
UPDATE event_pairs SET day_lo = (SELECT day_lo FROM events WHERE id = event_pairs.event_id);
DROP TRIGGER IF EXISTS event_actors_added;
DROP TRIGGER IF EXISTS events_day_moved;
"#;

/// A pair's events in list order (dated first, oldest first).
const PAIR_INDEX: &str =
    "CREATE INDEX IF NOT EXISTS event_pairs_chrono ON event_pairs(a, b, day_lo IS NULL, day_lo, event_id);";

/// Fills `pair_days` in a store written before version 3.
const MIGRATE_TO_3: &str = r#"
DELETE FROM pair_days;
INSERT INTO pair_days (a, b, day, quad, events, goldstein)
    SELECT p.a, p.b, e.day_lo, e.quad, count(*), total(e.goldstein) FROM event_pairs p
    JOIN events e ON e.id = p.event_id WHERE p.a < p.b AND e.day_lo IS NOT NULL
    GROUP BY p.a, p.b, e.day_lo, e.quad;
"#;

/// Fills `store_meta` in a store written before version 2.
const MIGRATE_TO_2: &str = r#"
INSERT OR REPLACE INTO store_meta (key, value)
    SELECT 'max_span', coalesce(max(day_hi - day_lo), 0) FROM events;
"#;

/// Fills the tables of version 1 from `event_actors` and `events` in a store written before them.
const MIGRATE_TO_1: &str = r#"
DELETE FROM event_pairs;
DELETE FROM pair_totals;
DELETE FROM actor_totals;
INSERT OR IGNORE INTO event_pairs (a, b, event_id, day_lo)
    SELECT x.country, y.country, x.event_id, e.day_lo FROM event_actors x
    JOIN event_actors y ON y.event_id = x.event_id AND y.side <> x.side JOIN events e ON e.id = x.event_id;
INSERT INTO pair_totals (a, b, events, cooperation, conflict, goldstein)
    SELECT p.a, p.b, count(*), sum(e.quad <= 2), sum(e.quad >= 3), total(e.goldstein)
    FROM event_pairs p JOIN events e ON e.id = p.event_id WHERE p.a < p.b GROUP BY p.a, p.b;
INSERT INTO actor_totals (country, events, as_source, as_target)
    SELECT country, count(DISTINCT event_id), sum(side = 's'), sum(side = 't') FROM event_actors GROUP BY country;
"#;

/// Triggers that keep `event_pairs`, `pair_totals` and `actor_totals` in step with every insert
/// and delete, whatever code path makes it. Quad class and Goldstein weight never change after an
/// event is created, so inserts and deletes are all the totals need to follow.
const TRIGGERS: &str = r#"
CREATE TRIGGER IF NOT EXISTS event_actors_added AFTER INSERT ON event_actors BEGIN
    INSERT OR IGNORE INTO event_pairs (a, b, event_id, day_lo)
        SELECT new.country, o.country, new.event_id, (SELECT day_lo FROM events WHERE id = new.event_id)
        FROM event_actors o WHERE o.event_id = new.event_id AND o.side <> new.side
        UNION SELECT o.country, new.country, new.event_id, (SELECT day_lo FROM events WHERE id = new.event_id)
        FROM event_actors o WHERE o.event_id = new.event_id AND o.side <> new.side;
    INSERT INTO actor_totals (country, events, as_source, as_target)
        VALUES (new.country, NOT EXISTS (SELECT 1 FROM event_actors o WHERE o.country = new.country
                AND o.event_id = new.event_id AND o.side <> new.side), new.side = 's', new.side = 't')
        ON CONFLICT (country) DO UPDATE SET events = events + excluded.events,
        as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target;
END;
CREATE TRIGGER IF NOT EXISTS event_pairs_added AFTER INSERT ON event_pairs WHEN new.a < new.b BEGIN
    INSERT INTO pair_totals (a, b, events, cooperation, conflict, goldstein)
        SELECT new.a, new.b, 1, e.quad <= 2, e.quad >= 3, e.goldstein FROM events e WHERE e.id = new.event_id
        ON CONFLICT (a, b) DO UPDATE SET events = events + 1, cooperation = cooperation + excluded.cooperation,
        conflict = conflict + excluded.conflict, goldstein = goldstein + excluded.goldstein;
    INSERT INTO pair_days (a, b, day, quad, events, goldstein)
        SELECT new.a, new.b, e.day_lo, e.quad, 1, e.goldstein FROM events e
        WHERE e.id = new.event_id AND e.day_lo IS NOT NULL
        ON CONFLICT (a, b, day, quad) DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
END;
CREATE TRIGGER IF NOT EXISTS events_day_moved AFTER UPDATE OF day_lo ON events
    WHEN old.day_lo IS NOT new.day_lo BEGIN
    UPDATE event_pairs SET day_lo = new.day_lo WHERE event_id = new.id;
    UPDATE pair_days SET events = events - 1, goldstein = goldstein - old.goldstein
        WHERE day = old.day_lo AND quad = old.quad
        AND (a, b) IN (SELECT a, b FROM event_pairs WHERE event_id = new.id AND a < b);
    INSERT INTO pair_days (a, b, day, quad, events, goldstein)
        SELECT p.a, p.b, new.day_lo, new.quad, 1, new.goldstein FROM event_pairs p
        WHERE p.event_id = new.id AND p.a < p.b AND new.day_lo IS NOT NULL
        ON CONFLICT (a, b, day, quad) DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
END;
CREATE TRIGGER IF NOT EXISTS events_span_added AFTER INSERT ON events WHEN new.day_hi - new.day_lo > 0 BEGIN
    INSERT INTO store_meta (key, value) VALUES ('max_span', new.day_hi - new.day_lo)
        ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);
END;
CREATE TRIGGER IF NOT EXISTS events_span_changed AFTER UPDATE OF day_lo, day_hi ON events
    WHEN new.day_hi - new.day_lo > 0 BEGIN
    INSERT INTO store_meta (key, value) VALUES ('max_span', new.day_hi - new.day_lo)
        ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);
END;
CREATE TRIGGER IF NOT EXISTS events_removed BEFORE DELETE ON events BEGIN
    UPDATE pair_totals SET events = events - 1, cooperation = cooperation - (old.quad <= 2),
        conflict = conflict - (old.quad >= 3), goldstein = goldstein - old.goldstein
        WHERE (a, b) IN (SELECT a, b FROM event_pairs WHERE event_id = old.id AND a < b);
    UPDATE pair_days SET events = events - 1, goldstein = goldstein - old.goldstein
        WHERE day = old.day_lo AND quad = old.quad
        AND (a, b) IN (SELECT a, b FROM event_pairs WHERE event_id = old.id AND a < b);
    UPDATE actor_totals SET
        events = events - 1,
        as_source = as_source - (SELECT count(*) FROM event_actors x WHERE x.event_id = old.id
            AND x.country = actor_totals.country AND x.side = 's'),
        as_target = as_target - (SELECT count(*) FROM event_actors x WHERE x.event_id = old.id
            AND x.country = actor_totals.country AND x.side = 't')
        WHERE country IN (SELECT country FROM event_actors WHERE event_id = old.id);
    DELETE FROM event_pairs WHERE event_id = old.id;
    DELETE FROM event_actors WHERE event_id = old.id;
END;
"#;

const EVENT_COLUMNS: &str = "e.id, e.cameo, e.cameo_name, e.root, e.quad, e.goldstein, e.plover_event, e.plover_mode, \
    e.plover_context, e.source_country, e.source_sector, e.source_person, e.target_country, e.target_sector, \
    e.target_person, e.date, e.date_end, e.precision, e.location_country, e.location_name, e.is_root, \
    e.num_mentions, e.num_sources, e.num_articles, e.first_doc_id, e.source_url, e.added_at";

const MENTION_COLUMNS: &str = "m.id, m.event_id, m.doc_id, m.doc_event_id, m.is_primary, m.cameo, m.source, m.target, \
    m.sentence, m.start, m.\"end\", m.evidence, m.lang, m.rule, m.background, m.date, m.merge_reason, m.source_start, \
    m.target_start, d.url, d.source_name, length(d.text), d.ingested_at, e.added_at";

/// An event store in one SQLite file.
pub struct Store {
    conn: Connection,
}

fn event_from_row(r: &Row<'_>) -> rusqlite::Result<StoredEvent> {
    Ok(StoredEvent {
        id: r.get(0)?,
        cameo: r.get(1)?,
        cameo_name: r.get(2)?,
        root: r.get(3)?,
        quad: r.get(4)?,
        goldstein: r.get(5)?,
        plover_event: r.get(6)?,
        plover_mode: r.get(7)?,
        plover_context: r.get(8)?,
        source_country: r.get(9)?,
        source_sector: r.get(10)?,
        source_person: r.get(11)?,
        target_country: r.get(12)?,
        target_sector: r.get(13)?,
        target_person: r.get(14)?,
        date: r.get(15)?,
        date_end: r.get(16)?,
        precision: r.get(17)?,
        location_country: r.get(18)?,
        location_name: r.get(19)?,
        is_root: r.get(20)?,
        num_mentions: r.get(21)?,
        num_sources: r.get(22)?,
        num_articles: r.get(23)?,
        first_doc_id: r.get(24)?,
        source_url: r.get(25)?,
        added_at: r.get(26)?,
    })
}

fn mention_from_row(r: &Row<'_>) -> rusqlite::Result<StoredMention> {
    Ok(StoredMention {
        id: r.get(0)?,
        event_id: r.get(1)?,
        doc_id: r.get(2)?,
        doc_event_id: r.get(3)?,
        primary: r.get(4)?,
        cameo: r.get(5)?,
        source: r.get(6)?,
        target: r.get(7)?,
        sentence: r.get(8)?,
        start: r.get(9)?,
        end: r.get(10)?,
        evidence: r.get(11)?,
        lang: r.get(12)?,
        rule: r.get(13)?,
        background: r.get(14)?,
        date: r.get(15)?,
        merge_reason: r.get(16)?,
        source_start: r.get(17)?,
        target_start: r.get(18)?,
        doc_url: r.get(19)?,
        source_name: r.get(20)?,
        doc_chars: r.get(21)?,
        ingested_at: r.get(22)?,
        event_added_at: r.get(23)?,
    })
}

/// Distinct countries of a side in order, with the first sector seen for each.
fn side_columns(actors: &[Actor]) -> (String, String, String) {
    let mut countries: Vec<&str> = Vec::new();
    let mut sectors: Vec<&str> = Vec::new();
    let mut persons: Vec<&str> = Vec::new();
    for a in actors {
        if let Some(i) = countries.iter().position(|c| *c == a.country) {
            if let (Some(slot), Some(s)) = (sectors.get_mut(i), a.sector.as_deref()) {
                if slot.is_empty() {
                    *slot = s;
                }
            }
        } else {
            countries.push(&a.country);
            sectors.push(a.sector.as_deref().unwrap_or(""));
        }
        if let Some(p) = a.person.as_deref() {
            if !persons.contains(&p) {
                persons.push(p);
            }
        }
    }
    (countries.join(";"), sectors.join(";"), persons.join(";"))
}

fn countries(actors: &[Actor]) -> String {
    side_columns(actors).0
}

/// A stored merge candidate.
struct Candidate {
    id: i64,
    direction: String,
    persons_key: String,
    span: Option<Span>,
}

impl Store {
    /// Open (creating when missing) a store file.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::setup(Connection::open(path)?)
    }

    /// A store in memory, for tests.
    pub fn in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.set_prepared_statement_cache_capacity(64);
        // WAL with NORMAL sync: a killed process never leaves a half-written transaction
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version < SCHEMA_VERSION && conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::OldSchema(version));
        }
        conn.execute_batch(SCHEMA)?;
        if version < SCHEMA_VERSION {
            // one transaction: a store is either fully upgraded or left as it was
            let to_1 = if version < 1 { MIGRATE_TO_1 } else { "" };
            let to_2 = if version < 2 { MIGRATE_TO_2 } else { "" };
            let to_4 = if (1..4).contains(&version) { ADD_PAIR_DAY } else { "" };
            conn.execute_batch(&format!(
                "BEGIN IMMEDIATE; {to_4} {to_1} {to_2} {MIGRATE_TO_3} {PAIR_INDEX} {TRIGGERS} \
                 PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
            ))?;
        }
        Ok(Self { conn })
    }

    /// The underlying connection, for read-only inspection.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn remove_document_mentions(tx: &Transaction<'_>, doc_id: &str, affected: &mut BTreeSet<i64>) -> Result<()> {
        let rows: Vec<(i64, i64)> = {
            let mut st = tx.prepare_cached("SELECT id, event_id FROM mentions WHERE doc_id = ?1")?;
            let rows = st.query_map([doc_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (mention, event) in rows {
            tx.prepare_cached("DELETE FROM fts_words WHERE rowid = ?1")?.execute([mention])?;
            tx.prepare_cached("DELETE FROM fts_trigram WHERE rowid = ?1")?.execute([mention])?;
            affected.insert(event);
        }
        tx.prepare_cached("DELETE FROM mentions WHERE doc_id = ?1")?.execute([doc_id])?;
        Ok(())
    }

    fn candidates(tx: &Transaction<'_>, key: &Key, span: Option<&Span>) -> Result<Vec<Candidate>> {
        let mut st = tx.prepare_cached(
            "SELECT id, direction, persons_key, date, date_end, precision FROM events \
             WHERE pair_key = ?1 AND merge_root = ?2 AND CASE WHEN ?3 IS NULL THEN day_lo IS NULL \
             ELSE day_lo <= ?4 + ?5 AND day_hi >= ?3 - ?5 END ORDER BY id",
        )?;
        let rows = st.query_map(
            params![key.pair, key.root, span.map(|s| s.lo), span.map(|s| s.hi), merge::DAY_WINDOW],
            |r| {
                let date: Option<String> = r.get(3)?;
                let end: Option<String> = r.get(4)?;
                let precision: Option<String> = r.get(5)?;
                Ok(Candidate {
                    id: r.get(0)?,
                    direction: r.get(1)?,
                    persons_key: r.get(2)?,
                    span: date
                        .as_deref()
                        .and_then(|d| Span::from_parts(d, end.as_deref(), precision.as_deref().unwrap_or(""))),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Find the event a coded event joins, or create one; returns (event id, reason, created).
    fn place_event(tx: &Transaction<'_>, doc: &Document, e: &Event, now: i64) -> Result<(i64, String, bool)> {
        let key = Key::of(e);
        let span = e.date.as_ref().and_then(merge::Span::of);
        let persons = merge::persons_of(e);
        let mut best: Option<(i64, i64, String, &'static str)> = None; // gap, id, date reason, persons reason
        let mut rejected: Vec<String> = Vec::new();
        for c in Self::candidates(tx, &key, span.as_ref())? {
            if !merge::directions_compatible(&c.direction, &key.direction) {
                rejected.push(format!("event {} is {} not {}", c.id, c.direction, key.direction));
                continue;
            }
            let date_reason = match merge::dates_compatible(c.span.as_ref(), span.as_ref()) {
                Ok(r) => r,
                Err(r) => {
                    rejected.push(format!("event {}: {r}", c.id));
                    continue;
                }
            };
            let persons_reason = match merge::persons_compatible(&merge::decode_persons(&c.persons_key), &persons) {
                Ok(r) => r,
                Err(r) => {
                    rejected.push(format!("event {}: {r}", c.id));
                    continue;
                }
            };
            let g = match (&c.span, &span) {
                (Some(a), Some(b)) => merge::gap(a, b),
                _ => 0,
            };
            if best.as_ref().is_none_or(|(bg, _, _, _)| g < *bg) {
                best = Some((g, c.id, date_reason, persons_reason));
            }
        }
        if let Some((_, id, date_reason, persons_reason)) = best {
            Self::refine_event(tx, id, e, span.as_ref(), &persons)?;
            let dir = if key.direction.is_empty() { "undirected".to_string() } else { key.direction.clone() };
            let reason = format!(
                "joined event {id}: pair {}, root {}, {dir}, {date_reason}, {persons_reason}",
                key.pair, key.root
            );
            return Ok((id, reason, false));
        }
        let id = Self::create_event(tx, doc, e, &key, span.as_ref(), &persons, now)?;
        let reason = if rejected.is_empty() {
            format!("new event: no stored event with pair {}, root {} and a compatible date", key.pair, key.root)
        } else {
            format!("new event: {}", rejected.join("; "))
        };
        Ok((id, reason, true))
    }

    fn create_event(
        tx: &Transaction<'_>,
        doc: &Document,
        e: &Event,
        key: &Key,
        span: Option<&Span>,
        persons: &merge::Persons,
        now: i64,
    ) -> Result<i64> {
        let (sc, ss, sp) = side_columns(&e.source);
        let (tc, ts, tp) = side_columns(&e.target);
        let (date, end, precision) = match &e.date {
            Some(d) => (Some(d.value.as_str()), d.end.as_deref(), Some(d.precision.as_str())),
            None => (None, None, None),
        };
        tx.prepare_cached(
            "INSERT INTO events (cameo, cameo_name, root, merge_root, quad, goldstein, plover_event, plover_mode, \
             plover_context, source_country, source_sector, source_person, target_country, target_sector, \
             target_person, pair_key, direction, persons_key, date, date_end, precision, day_lo, day_hi, \
             location_country, location_name, is_root, first_doc_id, source_url, added_at) VALUES \
             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, \
             ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
        )?
        .execute(params![
            e.cameo,
            e.cameo_name,
            e.root,
            key.root,
            e.quad,
            e.goldstein,
            e.plover.event,
            e.plover.mode,
            e.plover.context,
            sc,
            ss,
            sp,
            tc,
            ts,
            tp,
            key.pair,
            key.direction,
            merge::encode_persons(persons),
            date,
            end,
            precision,
            span.map(|s| s.lo),
            span.map(|s| s.hi),
            e.location.as_ref().and_then(|l| l.country.as_deref()),
            e.location.as_ref().map(|l| l.name.as_str()),
            e.evidence.sentence < 2,
            doc.id,
            doc.url,
            now,
        ])?;
        let id = tx.last_insert_rowid();
        let mut add =
            tx.prepare_cached("INSERT OR IGNORE INTO event_actors (country, side, event_id) VALUES (?1, ?2, ?3)")?;
        for a in &e.source {
            add.execute(params![a.country, "s", id])?;
        }
        for a in &e.target {
            add.execute(params![a.country, "t", id])?;
        }
        Ok(id)
    }

    /// A joining report may name persons the event lacked, or date it more precisely.
    fn refine_event(
        tx: &Transaction<'_>,
        id: i64,
        e: &Event,
        span: Option<&Span>,
        persons: &merge::Persons,
    ) -> Result<()> {
        let (persons_key, precision, sp, tp): (String, Option<String>, String, String) = tx
            .prepare_cached("SELECT persons_key, precision, source_person, target_person FROM events WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        let mut stored = merge::decode_persons(&persons_key);
        let mut changed = false;
        for (country, names) in persons {
            let slot = stored.entry(country.clone()).or_default();
            if slot.is_empty() && !names.is_empty() {
                slot.extend(names.iter().cloned());
                changed = true;
            }
        }
        if changed {
            let (_, _, new_sp) = side_columns(&e.source);
            let (_, _, new_tp) = side_columns(&e.target);
            let sp = if sp.is_empty() { new_sp } else { sp };
            let tp = if tp.is_empty() { new_tp } else { tp };
            tx.prepare_cached(
                "UPDATE events SET persons_key = ?2, source_person = ?3, target_person = ?4 WHERE id = ?1",
            )?
            .execute(params![id, merge::encode_persons(&stored), sp, tp])?;
        }
        let finer = match (precision.as_deref().and_then(merge::Precision::parse), span, &e.date) {
            (Some(old), Some(new), Some(_)) => new.precision < old,
            _ => false,
        };
        if let (true, Some(d), Some(s)) = (finer, &e.date, span) {
            tx.prepare_cached(
                "UPDATE events SET date = ?2, date_end = ?3, precision = ?4, day_lo = ?5, day_hi = ?6 WHERE id = ?1",
            )?
            .execute(params![id, d.value, d.end, d.precision, s.lo, s.hi])?;
        }
        Ok(())
    }

    fn insert_mention(
        tx: &Transaction<'_>,
        event_id: i64,
        doc: &Document,
        e: &Event,
        ev: &Evidence,
        primary: bool,
        reason: &str,
    ) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO mentions (event_id, doc_id, doc_event_id, is_primary, cameo, source, target, sentence, \
             start, \"end\", evidence, lang, rule, background, date, merge_reason, source_start, target_start) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        )?
        .execute(params![
            event_id,
            doc.id,
            e.event_id,
            primary,
            e.cameo,
            countries(&e.source),
            countries(&e.target),
            i64::try_from(ev.sentence).unwrap_or(i64::MAX),
            i64::try_from(ev.start).unwrap_or(i64::MAX),
            i64::try_from(ev.end).unwrap_or(i64::MAX),
            ev.text,
            e.lang,
            e.rule,
            e.background,
            e.date.as_ref().map(|d| d.value.as_str()),
            reason,
            primary.then(|| e.source.first().and_then(|a| i64::try_from(a.start).ok())).flatten(),
            primary.then(|| e.target.first().and_then(|a| i64::try_from(a.start).ok())).flatten(),
        ])?;
        let id = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO fts_words (rowid, body) VALUES (?1, ?2)")?.execute(params![id, ev.text])?;
        tx.prepare_cached("INSERT INTO fts_trigram (rowid, body) VALUES (?1, ?2)")?.execute(params![id, ev.text])?;
        Ok(())
    }

    fn ingest_one(
        tx: &Transaction<'_>,
        doc: &Document,
        coded: &DocOutput,
        now: i64,
        stats: &mut IngestStats,
        affected: &mut BTreeSet<i64>,
    ) -> Result<()> {
        let hash = format!("{:016x}", fnv1a64(doc.text.as_bytes()));
        let existing: Option<String> = tx
            .prepare_cached("SELECT text_hash FROM documents WHERE id = ?1")?
            .query_row([&doc.id], |r| r.get(0))
            .optional()?;
        let is_new = existing.is_none();
        match existing {
            Some(h) if h == hash => {
                stats.unchanged += 1;
                return Ok(());
            }
            Some(_) => {
                Self::remove_document_mentions(tx, &doc.id, affected)?;
                stats.updated += 1;
            }
            None => stats.added += 1,
        }
        let num_mentions: usize = coded.events.iter().map(|e| 1 + e.mentions.len()).sum();
        tx.prepare_cached(
            "INSERT INTO documents (id, url, published, lang, text, text_hash, ingested_at, source_name, num_events, \
             num_mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(id) DO UPDATE SET \
             url = excluded.url, published = excluded.published, lang = excluded.lang, text = excluded.text, \
             text_hash = excluded.text_hash, ingested_at = excluded.ingested_at, source_name = excluded.source_name, \
             num_events = excluded.num_events, num_mentions = excluded.num_mentions",
        )?
        .execute(params![
            doc.id,
            doc.url,
            doc.published,
            coded.lang,
            doc.text,
            hash,
            now,
            source_name(&doc.id, doc.url.as_deref()),
            i64::try_from(coded.events.len()).unwrap_or(i64::MAX),
            i64::try_from(num_mentions).unwrap_or(i64::MAX),
        ])?;
        let rowid: i64 =
            tx.prepare_cached("SELECT rowid FROM documents WHERE id = ?1")?.query_row([&doc.id], |r| r.get(0))?;
        for table in ["fts_words", "fts_trigram"] {
            if !is_new {
                tx.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?.execute([-rowid])?;
            }
            tx.prepare_cached(&format!("INSERT INTO {table} (rowid, body) VALUES (?1, ?2)"))?
                .execute(params![-rowid, doc.text])?;
        }
        for e in &coded.events {
            let (event_id, reason, created) = Self::place_event(tx, doc, e, now)?;
            if created {
                stats.events_created += 1;
            } else {
                stats.events_joined += 1;
            }
            affected.insert(event_id);
            Self::insert_mention(tx, event_id, doc, e, &e.evidence, true, &reason)?;
            for extra in &e.mentions {
                Self::insert_mention(tx, event_id, doc, e, extra, false, &reason)?;
            }
            stats.mentions += 1 + e.mentions.len();
        }
        Ok(())
    }

    /// Recount the affected events; delete those no mention reports any more.
    fn recount(tx: &Transaction<'_>, affected: &BTreeSet<i64>) -> Result<()> {
        for id in affected {
            tx.prepare_cached(
                "UPDATE events SET \
                 num_mentions = (SELECT count(DISTINCT doc_id || char(31) || sentence) FROM mentions WHERE event_id = ?1), \
                 num_articles = (SELECT count(DISTINCT doc_id) FROM mentions WHERE event_id = ?1), \
                 num_sources = (SELECT count(DISTINCT d.source_name) FROM mentions m JOIN documents d ON d.id = m.doc_id \
                                WHERE m.event_id = ?1), \
                 first_doc_id = coalesce((SELECT doc_id FROM mentions WHERE event_id = ?1 ORDER BY id LIMIT 1), first_doc_id), \
                 source_url = (SELECT d.url FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1 \
                               ORDER BY m.id LIMIT 1) \
                 WHERE id = ?1",
            )?
            .execute([id])?;
            tx.prepare_cached("DELETE FROM events WHERE id = ?1 AND num_articles = 0")?.execute([id])?;
        }
        Ok(())
    }

    /// The events of a filter with its actor conditions asked as `membership` says.
    fn events_by(&self, filter: &Filter, membership: Membership) -> Result<Vec<StoredEvent>> {
        let span = self.max_span()?;
        // a date bound leaves out undated events: the plain day order is the same order
        let dated = filter.from.is_some() || filter.to.is_some();
        let (sql, mut vals) = if let Some((a, b)) = &filter.pair {
            // a pair's events are read in list order from its key range of event_pairs; the
            // other conditions are checked on each
            let (where_, vals) = filter_sql_with(filter, Membership::Check, Some(span), true)?;
            let mut head = vec![Value::Text(a.trim().to_string()), Value::Text(b.trim().to_string())];
            let mut conds = String::from(" WHERE p.a = ? AND p.b = ?");
            if let Some(d) = &filter.from {
                conds.push_str(" AND p.day_lo >= ?");
                head.push(Value::Integer(day_bound(d, false)?.saturating_sub(span)));
            }
            if let Some(d) = &filter.to {
                conds.push_str(" AND p.day_lo <= ?");
                head.push(Value::Integer(day_bound(d, true)?));
            }
            if let Some(rest) = where_.strip_prefix(" WHERE ") {
                conds.push_str(" AND ");
                conds.push_str(rest);
            }
            head.extend(vals);
            let order = if dated { "p.day_lo, p.event_id" } else { "p.day_lo IS NULL, p.day_lo, p.event_id" };
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM event_pairs p JOIN events e ON e.id = p.event_id{conds} \
                 ORDER BY {order} LIMIT ? OFFSET ?"
            );
            (sql, head)
        } else {
            let (where_, vals) = filter_sql_with(filter, membership, Some(span), false)?;
            let order = if dated { "e.day_lo, e.id" } else { "e.day_lo IS NULL, e.day_lo, e.id" };
            (format!("SELECT {EVENT_COLUMNS} FROM events e{where_} ORDER BY {order} LIMIT ? OFFSET ?"), vals)
        };
        vals.push(Value::Integer(filter.limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX))));
        vals.push(Value::Integer(filter.offset.map_or(0, |o| i64::try_from(o).unwrap_or(i64::MAX))));
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(vals), event_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Events of the smallest actor set the filter names (pair, actor, source, target), from
    /// the totals kept at ingest; `None` when it names none.
    fn smallest_actor_set(&self, f: &Filter) -> Result<Option<i64>> {
        let mut sizes: Vec<i64> = Vec::new();
        let one = |sql: &str, args: &[&str]| -> Result<i64> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_row(rusqlite::params_from_iter(args.iter().map(|a| a.trim())), |r| r.get(0))
                .optional()?
                .unwrap_or(0))
        };
        if let Some((a, b)) = &f.pair {
            let (lo, hi) = if a.trim() <= b.trim() { (a, b) } else { (b, a) };
            sizes.push(one("SELECT events FROM pair_totals WHERE a = ?1 AND b = ?2", &[lo, hi])?);
        }
        for (c, column) in [(&f.actor, "events"), (&f.source, "as_source"), (&f.target, "as_target")] {
            if let Some(c) = c {
                sizes.push(one(&format!("SELECT {column} FROM actor_totals WHERE country = ?1"), &[c])?);
            }
        }
        Ok(sizes.into_iter().min())
    }

    /// The longest date span of any event, in days (0 when all are single days).
    fn max_span(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM store_meta WHERE key = 'max_span'")?
            .query_row([], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Full-text matches among mentions, as a SQL condition on `e.id` with its parameters.
    fn text_condition(text: &str) -> (String, Vec<Value>) {
        match text_matches(text, TextRows::Evidence) {
            Some((ids, values)) => (format!("e.id IN (SELECT event_id FROM mentions WHERE id IN ({ids}))"), values),
            None => ("0".into(), Vec::new()),
        }
    }
}

/// What a full-text search reads: mentions' evidence or documents' text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRows {
    /// Evidence sentences: the query gives `mentions.id`s.
    Evidence,
    /// Whole documents: the query gives `documents.rowid`s.
    Documents,
}

/// A query giving the rows whose text holds every word of `text`, with its parameters; `None`
/// when no word can match. Both FTS5 indexes are asked (words with diacritics folded, and
/// trigrams for CJK/Thai and parts of words); a one- or two-character word of an unspaced
/// script ("日本"; "ไทย" is three) is below the trigram index, so such a query also reads the
/// text itself.
pub fn text_matches(text: &str, rows: TextRows) -> Option<(String, Vec<Value>)> {
    // rowid > 0 is a mention's evidence (mentions.id), rowid < 0 a document (-documents.rowid)
    let (id, sign, scan) = match rows {
        TextRows::Evidence => ("rowid", "rowid > 0", "SELECT id FROM mentions WHERE"),
        TextRows::Documents => ("-rowid", "rowid < 0", "SELECT rowid FROM documents WHERE"),
    };
    let column = match rows {
        TextRows::Evidence => "evidence",
        TextRows::Documents => "text",
    };
    let mut parts: Vec<String> = Vec::new();
    let mut values = Vec::new();
    for (table, trigram) in [("fts_words", false), ("fts_trigram", true)] {
        if let Some(q) = fts_query(text, trigram) {
            parts.push(format!("SELECT {id} FROM {table} WHERE {table} MATCH ? AND {sign}"));
            values.push(Value::Text(q));
        }
    }
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    if words.iter().any(|w| w.chars().count() < 3 && w.chars().any(unspaced_script)) {
        let all = words.iter().map(|_| format!("instr({column}, ?) > 0")).collect::<Vec<_>>().join(" AND ");
        parts.push(format!("{scan} {all}"));
        values.extend(words.iter().map(|w| Value::Text((*w).to_string())));
    }
    (!parts.is_empty()).then(|| (parts.join(" UNION "), values))
}

/// Scripts written without spaces between words (Han, kana, Hangul syllables, Thai, Lao,
/// Khmer, Burmese).
fn unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x30FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn day_bound(s: &str, upper: bool) -> Result<i64> {
    merge::day_bounds(s.trim())
        .map(|(lo, hi)| if upper { hi } else { lo })
        .ok_or_else(|| StoreError::Filter(format!("not a date (YYYY, YYYY-MM or YYYY-MM-DD): {s:?}")))
}

/// The WHERE clause and parameters of a filter.
/// How the actor conditions of a filter are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Membership {
    /// `e.id IN (…)`: the query starts from the actor's events (few of them).
    Drive,
    /// `EXISTS (…)` per event: the query reads events in order and checks each (the actor
    /// has many events, and a page needs only the first few).
    Check,
}

pub(crate) fn filter_sql(f: &Filter) -> Result<(String, Vec<Value>)> {
    filter_sql_with(f, Membership::Drive, None, false)
}

/// The filter as SQL conditions on events aliased `e`, joined by `AND` (empty when it has
/// none), with their parameters: for queries beyond [`EventStore`] such as aggregates.
/// `limit` and `offset` are not conditions and are ignored.
pub fn filter_conditions(f: &Filter) -> Result<(String, Vec<Value>)> {
    let (where_, values) = filter_sql(f)?;
    Ok((where_.strip_prefix(" WHERE ").unwrap_or(&where_).to_string(), values))
}

/// The filter as SQL conditions on `e`; `max_span` (the longest date span in the store, in
/// days) adds the lower bound on `day_lo` that a `from` date implies, so that an index on
/// `day_lo` can start there.
pub(crate) fn filter_sql_with(
    f: &Filter,
    membership: Membership,
    max_span: Option<i64>,
    pair_joined: bool,
) -> Result<(String, Vec<Value>)> {
    let mut conds: Vec<String> = Vec::new();
    let mut vals: Vec<Value> = Vec::new();
    let text = |s: &str| Value::Text(s.trim().to_string());
    let member = |drive: &str, check: &str| match membership {
        Membership::Drive => format!("e.id IN (SELECT event_id FROM {drive})"),
        Membership::Check => format!("EXISTS (SELECT 1 FROM {check})"),
    };
    if let Some(c) = &f.actor {
        conds
            .push(member("event_actors WHERE country = ?", "event_actors x WHERE x.event_id = e.id AND x.country = ?"));
        vals.push(text(c));
    }
    if let Some((a, b)) = f.pair.as_ref().filter(|_| !pair_joined) {
        conds.push(member(
            "event_pairs WHERE a = ? AND b = ?",
            "event_pairs p WHERE p.a = ? AND p.b = ? AND p.event_id = e.id",
        ));
        vals.push(text(a));
        vals.push(text(b));
    }
    if let Some(c) = &f.source {
        conds.push(member(
            "event_actors WHERE country = ? AND side = 's'",
            "event_actors x WHERE x.country = ? AND x.side = 's' AND x.event_id = e.id",
        ));
        vals.push(text(c));
    }
    if let Some(c) = &f.target {
        conds.push(member(
            "event_actors WHERE country = ? AND side = 't'",
            "event_actors x WHERE x.country = ? AND x.side = 't' AND x.event_id = e.id",
        ));
        vals.push(text(c));
    }
    if let Some(p) = &f.person {
        // SQLite's LIKE stops at a NUL: drop control characters so the pattern is what it shows
        let p: String = p.chars().filter(|c| !c.is_control()).collect();
        let p = p.trim();
        if p.is_empty() {
            conds.push("0".into()); // no name given: no person matches
        } else {
            conds.push("(e.source_person LIKE ? OR e.target_person LIKE ?)".into());
            let pattern = Value::Text(format!("%{p}%"));
            vals.push(pattern.clone());
            vals.push(pattern);
        }
    }
    if let Some(c) = &f.cameo {
        if !c.chars().all(|ch| ch.is_ascii_digit()) || c.is_empty() {
            return Err(StoreError::Filter(format!("CAMEO prefix must be digits: {c:?}")));
        }
        conds.push("substr(e.cameo, 1, length(?)) = ?".into());
        vals.push(text(c));
        vals.push(text(c));
    }
    if let Some(r) = &f.root {
        conds.push("e.root = ?".into());
        vals.push(text(r));
    }
    if let Some(q) = f.quad {
        conds.push("e.quad = ?".into());
        vals.push(Value::Integer(i64::from(q)));
    }
    if let Some(p) = &f.plover {
        conds.push("e.plover_event = upper(?)".into());
        vals.push(text(p));
    }
    if let Some(d) = &f.from {
        let day = day_bound(d, false)?;
        conds.push("e.day_hi >= ?".into());
        vals.push(Value::Integer(day));
        if let Some(span) = max_span {
            conds.push("e.day_lo >= ?".into());
            vals.push(Value::Integer(day.saturating_sub(span)));
        }
    }
    if let Some(d) = &f.to {
        conds.push("e.day_lo <= ?".into());
        vals.push(Value::Integer(day_bound(d, true)?));
    }
    if let Some(l) = &f.lang {
        conds.push("EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.lang = ?)".into());
        vals.push(text(l));
    }
    if let Some(t) = &f.text {
        let (c, v) = Store::text_condition(t);
        conds.push(c);
        vals.extend(v);
    }
    let where_ = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
    Ok((where_, vals))
}

impl EventStore for Store {
    fn is_current(&self, doc: &Document) -> Result<bool> {
        let hash = format!("{:016x}", fnv1a64(doc.text.as_bytes()));
        let stored: Option<String> = self
            .conn
            .prepare_cached("SELECT text_hash FROM documents WHERE id = ?1")?
            .query_row([&doc.id], |r| r.get(0))
            .optional()?;
        Ok(stored.as_deref() == Some(hash.as_str()))
    }

    fn ingest_batch(&mut self, batch: &[(&Document, &DocOutput)]) -> Result<IngestStats> {
        let now = now_unix();
        let tx = self.conn.transaction()?;
        let mut stats = IngestStats::default();
        let mut affected = BTreeSet::new();
        for (doc, coded) in batch {
            Self::ingest_one(&tx, doc, coded, now, &mut stats, &mut affected)?;
        }
        Self::recount(&tx, &affected)?;
        tx.commit()?;
        Ok(stats)
    }

    fn events(&self, filter: &Filter) -> Result<Vec<StoredEvent>> {
        // start from the actors' events when they are few, else read events in order and
        // check each: the store's totals say which
        let membership = match self.smallest_actor_set(filter)? {
            Some(n) if n > DRIVE_AT_MOST => Membership::Check,
            _ => Membership::Drive,
        };
        self.events_by(filter, membership)
    }

    fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1");
        Ok(self.conn.prepare(&sql)?.query_row([id], event_from_row).optional()?)
    }

    fn mentions(&self, event_id: i64) -> Result<Vec<StoredMention>> {
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions m JOIN documents d ON d.id = m.doc_id \
             JOIN events e ON e.id = m.event_id WHERE m.event_id = ?1 ORDER BY m.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map([event_id], mention_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn for_each_event(&self, f: &mut dyn FnMut(&StoredEvent) -> Result<()>) -> Result<()> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e ORDER BY e.id");
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            f(&event_from_row(r)?)?;
        }
        Ok(())
    }

    fn for_each_mention(&self, f: &mut dyn FnMut(&StoredMention) -> Result<()>) -> Result<()> {
        let sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions m JOIN documents d ON d.id = m.doc_id \
             JOIN events e ON e.id = m.event_id ORDER BY m.event_id, m.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            f(&mention_from_row(r)?)?;
        }
        Ok(())
    }

    fn for_each_event_by_period(&self, f: &mut dyn FnMut(&StoredEvent, &str) -> Result<()>) -> Result<()> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, (SELECT m.evidence FROM mentions m WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) \
             FROM events e ORDER BY e.date IS NULL, substr(e.date, 1, 7), e.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let evidence: Option<String> = r.get(27)?;
            f(&event_from_row(r)?, evidence.as_deref().unwrap_or(""))?;
        }
        Ok(())
    }

    fn time_series(&self, filter: &Filter) -> Result<Vec<Period>> {
        let (where_, vals) = filter_sql(filter)?;
        let sql = format!(
            "SELECT substr(e.date, 1, 7) AS period, count(*), sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), \
             sum(e.quad = 4), total(e.goldstein) FROM events e{where_} GROUP BY period ORDER BY period IS NULL, period"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(vals), |r| {
            Ok(Period {
                period: r.get(0)?,
                events: r.get(1)?,
                quad: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
                goldstein: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn counts(&self) -> Result<Counts> {
        let n = |t: &str| -> Result<i64> {
            Ok(self.conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?)
        };
        Ok(Counts { documents: n("documents")?, events: n("events")?, mentions: n("mentions")? })
    }

    fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut st = self.conn.prepare(
            "SELECT d.id, d.num_events, d.num_mentions, \
             (SELECT count(DISTINCT doc_event_id) FROM mentions m WHERE m.doc_id = d.id), \
             (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) FROM documents d",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        for row in rows {
            let (id, events, mentions, stored_events, stored_mentions) = row?;
            if events != stored_events || mentions != stored_mentions {
                problems.push(format!(
                    "document {id}: {stored_events}/{events} events, {stored_mentions}/{mentions} mentions stored"
                ));
            }
        }
        let orphans: i64 = self.conn.query_row(
            "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)",
            [],
            |r| r.get(0),
        )?;
        if orphans > 0 {
            problems.push(format!("{orphans} mentions without an event"));
        }
        let stale: i64 = self.conn.query_row(
            "SELECT count(*) FROM events e WHERE num_articles <> (SELECT count(DISTINCT doc_id) FROM mentions m \
             WHERE m.event_id = e.id) OR num_mentions <> (SELECT count(DISTINCT doc_id || char(31) || sentence) \
             FROM mentions m WHERE m.event_id = e.id) OR num_articles = 0",
            [],
            |r| r.get(0),
        )?;
        if stale > 0 {
            problems.push(format!("{stale} events with stale counts"));
        }
        let unpaired: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT x.country, y.country, x.event_id FROM event_actors x \
             JOIN event_actors y ON y.event_id = x.event_id AND y.side <> x.side \
             EXCEPT SELECT a, b, event_id FROM event_pairs)",
            [],
            |r| r.get(0),
        )?;
        if unpaired > 0 {
            problems.push(format!("{unpaired} actor pairs missing from event_pairs"));
        }
        let misdated: i64 = self.conn.query_row(
            "SELECT count(*) FROM event_pairs p JOIN events e ON e.id = p.event_id WHERE p.day_lo IS NOT e.day_lo",
            [],
            |r| r.get(0),
        )?;
        if misdated > 0 {
            problems.push(format!("{misdated} event_pairs rows with another day than their event"));
        }
        let pair_drift: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT p.a, p.b, count(*) AS n, sum(e.quad <= 2) AS c, sum(e.quad >= 3) AS k \
             FROM event_pairs p JOIN events e ON e.id = p.event_id WHERE p.a < p.b GROUP BY p.a, p.b \
             EXCEPT SELECT a, b, events, cooperation, conflict FROM pair_totals WHERE events > 0)",
            [],
            |r| r.get(0),
        )?;
        let actor_drift: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT country, count(DISTINCT event_id), sum(side = 's'), sum(side = 't') \
             FROM event_actors GROUP BY country \
             EXCEPT SELECT country, events, as_source, as_target FROM actor_totals WHERE events > 0)",
            [],
            |r| r.get(0),
        )?;
        let day_drift: i64 = self.conn.query_row(
            "SELECT count(*) FROM (SELECT p.a, p.b, e.day_lo, e.quad, count(*) FROM event_pairs p \
             JOIN events e ON e.id = p.event_id WHERE p.a < p.b AND e.day_lo IS NOT NULL \
             GROUP BY p.a, p.b, e.day_lo, e.quad \
             EXCEPT SELECT a, b, day, quad, events FROM pair_days WHERE events > 0)",
            [],
            |r| r.get(0),
        )?;
        if pair_drift + actor_drift + day_drift > 0 {
            problems.push(format!(
                "{pair_drift} pair totals, {actor_drift} actor totals and {day_drift} pair days out of step"
            ));
        }
        Ok(problems)
    }
}

#[cfg(test)]
#[allow(dead_code)]
#[path = "../tests/common/mod.rs"]
mod hand_made;

#[cfg(test)]
mod tests {
    use super::hand_made::{actor, coded, HandEvent};
    use super::*;

    /// Both ways of asking the actor conditions give the same page, in the same order, for
    /// filters with and without dates, over events of single days and of whole months.
    #[test]
    fn driving_and_checking_give_the_same_events() {
        let mut store = Store::in_memory().unwrap();
        let countries = ["USA", "CHN", "JPN", "VNM"];
        let mut docs = Vec::new();
        for i in 0..120usize {
            let (a, b) = (countries[i % 4], countries[(i / 4 + 1 + i) % 4]);
            let text = format!("Report {i}.");
            let day = format!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
            let month = format!("2020-{:02}", 1 + i % 12);
            let date = match i % 5 {
                0 => None,
                1 => Some((month.as_str(), "month")),
                _ => Some((day.as_str(), "day")),
            };
            let e = HandEvent {
                doc: &format!("d{i}"),
                url: None,
                text: &text,
                cameo: if i % 3 == 0 { "190" } else { "042" },
                quad: if i % 3 == 0 { 4 } else { 1 },
                goldstein: 1.0,
                plover: "CONSULT",
                source: actor(a, Some(&format!("Person {i}"))),
                target: actor(b, None),
                date,
            };
            docs.push(coded(&e));
        }
        let refs: Vec<(&Document, &DocOutput)> = docs.iter().map(|(d, o)| (d, o)).collect();
        store.ingest_batch(&refs).unwrap();
        assert!(store.max_span().unwrap() >= 28, "month-precision events widen the span");
        let filters = [
            Filter { actor: Some("USA".into()), ..Filter::default() },
            Filter { pair: Some(("CHN".into(), "USA".into())), ..Filter::default() },
            Filter { source: Some("JPN".into()), cameo: Some("19".into()), ..Filter::default() },
            Filter {
                target: Some("VNM".into()),
                from: Some("2020-03-15".into()),
                to: Some("2020-08".into()),
                ..Filter::default()
            },
            Filter {
                actor: Some("CHN".into()),
                from: Some("2020-06-20".into()),
                limit: Some(5),
                offset: Some(3),
                ..Filter::default()
            },
        ];
        let ids = |v: &[StoredEvent]| v.iter().map(|e| e.id).collect::<Vec<_>>();
        for f in &filters {
            let drive = store.events_by(f, Membership::Drive).unwrap();
            let check = store.events_by(f, Membership::Check).unwrap();
            assert!(!drive.is_empty(), "{f:?}");
            assert_eq!(ids(&drive), ids(&check), "{f:?}");
        }
        // a pair's events, read from event_pairs in list order, are the events of the same
        // filter without the pair that have the two countries on opposite sides
        let has_pair = |id: i64, a: &str, b: &str| -> bool {
            store
                .connection()
                .query_row(
                    "SELECT count(*) FROM event_actors x JOIN event_actors y ON y.event_id = x.event_id \
                     AND y.side <> x.side WHERE x.event_id = ?1 AND x.country = ?2 AND y.country = ?3",
                    params![id, a, b],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                > 0
        };
        let pair_filters = [
            Filter { pair: Some(("USA".into(), "CHN".into())), ..Filter::default() },
            Filter { pair: Some(("CHN".into(), "USA".into())), quad: Some(4), ..Filter::default() },
            Filter { pair: Some(("JPN".into(), "VNM".into())), from: Some("2020-04-10".into()), ..Filter::default() },
            Filter {
                pair: Some(("VNM".into(), "USA".into())),
                to: Some("2020-09".into()),
                limit: Some(4),
                offset: Some(2),
                ..Filter::default()
            },
        ];
        for f in &pair_filters {
            let got = ids(&store.events(f).unwrap());
            let (a, b) = f.pair.clone().unwrap();
            let unpaired = Filter { pair: None, limit: None, offset: None, ..f.clone() };
            let expected: Vec<i64> = ids(&store.events_by(&unpaired, Membership::Drive).unwrap())
                .into_iter()
                .filter(|id| has_pair(*id, &a, &b))
                .skip(f.offset.unwrap_or(0) as usize)
                .take(f.limit.map_or(usize::MAX, |l| l as usize))
                .collect();
            assert!(!got.is_empty(), "{f:?}");
            assert_eq!(got, expected, "{f:?}");
        }
        // a month-precision event that begins before `from` still overlaps it
        let june = Filter { from: Some("2020-06-20".into()), to: Some("2020-06-30".into()), ..Filter::default() };
        assert!(store.events(&june).unwrap().iter().any(|e| e.precision.as_deref() == Some("month")));
    }
}
