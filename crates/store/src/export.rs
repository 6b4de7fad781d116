//! Exports: GDELT 2.0 event and mention tables (tab-separated, no header, column order of
//! the GDELT Event Codebook V2.0), PLOVER JSON lines, and CSV with a header row.

use std::io::Write;

use serde_json::json;

use crate::fips::fips;
use crate::util::{csv_field, gdelt_timestamp, iso_timestamp, tsv_field};
use crate::{EventStore, Result, StoredEvent, StoredMention};

/// The 61 columns of a GDELT 2.0 event record, in codebook order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_Fullname",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_Fullname",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_Fullname",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 16 columns of a GDELT 2.0 mention record, in codebook order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// The columns of the CSV export.
pub const CSV_COLUMNS: [&str; 27] = [
    "id",
    "date",
    "date_end",
    "precision",
    "cameo",
    "cameo_name",
    "root",
    "quad",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "source_country",
    "source_sector",
    "source_person",
    "target_country",
    "target_sector",
    "target_person",
    "location_country",
    "location_name",
    "is_root",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_doc_id",
    "source_url",
    "added_at",
];

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GDELT 2.0 event table.
    Gdelt,
    /// GDELT 2.0 mentions table.
    GdeltMentions,
    /// PLOVER JSON lines.
    Plover,
    /// CSV with a header row.
    Csv,
}

/// The first element of a `;`-separated list.
fn first(list: &str) -> &str {
    list.split(';').next().unwrap_or("")
}

/// GDELT actor fields 1–10 (Code … Type3Code) for one side of an event.
fn gdelt_actor(countries: &str, sectors: &str, persons: &str) -> [String; 10] {
    let country = first(countries);
    let sector = first(sectors);
    let sector = if sector.len() == 3 && sector.chars().all(|c| c.is_ascii_uppercase()) { sector } else { "" };
    let mut out: [String; 10] = Default::default();
    if country.is_empty() {
        return out;
    }
    let (country_code, group) = match country.strip_prefix("IGO:") {
        Some(group) => ("", group),
        None => (country, ""),
    };
    out[0] = if group.is_empty() { format!("{country_code}{sector}") } else { format!("IGO{sector}") };
    out[1] = first(persons).to_uppercase();
    out[2] = country_code.to_string();
    out[3] = group.to_string();
    out[7] = sector.to_string();
    out
}

/// Day, MonthYear, Year and FractionDate of an event date.
fn gdelt_dates(e: &StoredEvent) -> [String; 4] {
    let mut out: [String; 4] = Default::default();
    let Some(date) = e.date.as_deref() else { return out };
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next().unwrap_or(""), parts.next(), parts.next());
    if y.len() != 4 {
        return out;
    }
    out[2] = y.to_string();
    if let Some(m) = m {
        out[1] = format!("{y}{m}");
    }
    if let (Some(m), Some(d)) = (m, d) {
        out[0] = format!("{y}{m}{d}");
        if let (Ok(yn), Ok(mn), Ok(dn)) = (y.parse::<f64>(), m.parse::<f64>(), d.parse::<f64>()) {
            out[3] = format!("{:.4}", yn + (mn * 30.0 + dn) / 365.0);
        }
    }
    out
}

/// One GDELT 2.0 event record: exactly 61 fields.
pub fn gdelt_event_row(e: &StoredEvent) -> Vec<String> {
    let mut row = Vec::with_capacity(61);
    row.push(e.id.to_string());
    row.extend(gdelt_dates(e));
    row.extend(gdelt_actor(&e.source_country, &e.source_sector, &e.source_person));
    row.extend(gdelt_actor(&e.target_country, &e.target_sector, &e.target_person));
    let base = e.cameo.get(..3).unwrap_or(&e.cameo).to_string();
    let root = e.cameo.get(..2).unwrap_or(&e.cameo).to_string();
    row.extend([
        u8::from(e.is_root).to_string(),
        e.cameo.clone(),
        base,
        root,
        e.quad.to_string(),
        format!("{:.1}", e.goldstein),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        String::new(), // AvgTone
    ]);
    row.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_*, Actor2Geo_*
    let mut action: [String; 8] = Default::default();
    action[1] = e.location_name.clone().unwrap_or_default();
    action[2] = e.location_country.as_deref().and_then(fips).unwrap_or("").to_string();
    row.extend(action);
    row.push(gdelt_timestamp(e.added_at));
    row.push(e.source_url.clone().unwrap_or_else(|| e.first_doc_id.clone()));
    row.into_iter().map(|f| tsv_field(&f)).collect()
}

/// One GDELT 2.0 mention record: exactly 16 fields.
pub fn gdelt_mention_row(m: &StoredMention) -> Vec<String> {
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let (kind, identifier) = match &m.doc_url {
        Some(u) if !u.is_empty() => ("1", u.clone()),
        _ => ("2", m.doc_id.clone()),
    };
    let source = m.source_name.strip_prefix("doc:").unwrap_or(&m.source_name).to_string();
    [
        m.event_id.to_string(),
        gdelt_timestamp(m.event_added_at),
        gdelt_timestamp(m.ingested_at),
        kind.to_string(),
        source,
        identifier,
        (m.sentence + 1).to_string(),
        opt(m.source_start),
        opt(m.target_start),
        String::new(), // ActionCharOffset
        "1".to_string(),
        String::new(), // Confidence
        m.doc_chars.to_string(),
        String::new(), // MentionDocTone
        String::new(), // MentionDocTranslationInfo
        String::new(), // Extras
    ]
    .into_iter()
    .map(|f| tsv_field(&f))
    .collect()
}

/// PLOVER entity objects of one side.
fn plover_entities(countries: &str, sectors: &str, persons: &str) -> serde_json::Value {
    let sectors: Vec<&str> = sectors.split(';').collect();
    let persons: Vec<&str> = persons.split(';').filter(|p| !p.is_empty()).collect();
    let list: Vec<serde_json::Value> = countries
        .split(';')
        .filter(|c| !c.is_empty())
        .enumerate()
        .map(|(i, c)| {
            let sector = sectors.get(i).copied().unwrap_or("");
            json!({
                "country_name": c,
                "sector_code": if sector.is_empty() { None } else { Some(sector) },
                "entity_name": if i == 0 && persons.len() == 1 { persons.first().copied() } else { None },
            })
        })
        .collect();
    serde_json::Value::Array(list)
}

/// One PLOVER JSON record of an event and its mentions.
pub fn plover_record(e: &StoredEvent, mentions: &[StoredMention]) -> serde_json::Value {
    let list = |s: &str| if s.is_empty() { json!([]) } else { json!([s]) };
    let mut seen = std::collections::HashSet::new();
    let texts: Vec<&str> =
        mentions.iter().filter(|m| seen.insert((m.doc_id.as_str(), m.sentence))).map(|m| m.evidence.as_str()).collect();
    json!({
        "id": format!("attache-{}", e.id),
        "date": e.date,
        "enddate": e.date_end,
        "date_precision": e.precision,
        "actor": plover_entities(&e.source_country, &e.source_sector, &e.source_person),
        "recipient": plover_entities(&e.target_country, &e.target_sector, &e.target_person),
        "event": [e.plover_event],
        "mode": list(&e.plover_mode),
        "context": list(&e.plover_context),
        "quad_code": e.quad,
        "event_loc": e.location_name.as_ref().map(|n| json!({"name": n, "country_name": e.location_country})),
        "event_text": texts, // one per (document, sentence)
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "num_mentions": e.num_mentions,
        "num_sources": e.num_sources,
        "num_articles": e.num_articles,
        "link": e.source_url,
        "coder": "attache",
        "coded_date": iso_timestamp(e.added_at).get(..10),
    })
}

/// One CSV record of an event (fields in [`CSV_COLUMNS`] order, quoted as needed).
pub fn csv_row(e: &StoredEvent) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        e.id.to_string(),
        o(&e.date),
        o(&e.date_end),
        o(&e.precision),
        e.cameo.clone(),
        e.cameo_name.clone(),
        e.root.clone(),
        e.quad.to_string(),
        format!("{:.1}", e.goldstein),
        e.plover_event.clone(),
        e.plover_mode.clone(),
        e.plover_context.clone(),
        e.source_country.clone(),
        e.source_sector.clone(),
        e.source_person.clone(),
        e.target_country.clone(),
        e.target_sector.clone(),
        e.target_person.clone(),
        o(&e.location_country),
        o(&e.location_name),
        u8::from(e.is_root).to_string(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.first_doc_id.clone(),
        o(&e.source_url),
        iso_timestamp(e.added_at),
    ]
    .iter()
    .map(|f| csv_field(f))
    .collect::<Vec<_>>()
    .join(",")
}

/// The CSV header line.
pub fn csv_header() -> String {
    CSV_COLUMNS.join(",")
}

/// Write a whole store in one format; returns the number of records.
pub fn export(store: &dyn EventStore, format: Format, out: &mut dyn Write) -> Result<usize> {
    let mut n = 0;
    match format {
        Format::Gdelt => store.for_each_event(&mut |e| {
            writeln!(out, "{}", gdelt_event_row(e).join("\t"))?;
            n += 1;
            Ok(())
        })?,
        Format::GdeltMentions => {
            // one record per (event, document, sentence): several coded events of one
            // sentence (both directions of a meeting, visit and host) are one mention
            let mut current = (i64::MIN, std::collections::HashSet::new());
            store.for_each_mention(&mut |m| {
                if current.0 != m.event_id {
                    current = (m.event_id, std::collections::HashSet::new());
                }
                if current.1.insert((m.doc_id.clone(), m.sentence)) {
                    writeln!(out, "{}", gdelt_mention_row(m).join("\t"))?;
                    n += 1;
                }
                Ok(())
            })?
        }
        Format::Plover => {
            let mut ids = Vec::new();
            store.for_each_event(&mut |e| {
                ids.push(e.id);
                Ok(())
            })?;
            for id in ids {
                if let Some(e) = store.event(id)? {
                    let mentions = store.mentions(id)?;
                    serde_json::to_writer(&mut *out, &plover_record(&e, &mentions))?;
                    out.write_all(b"\n")?;
                    n += 1;
                }
            }
        }
        Format::Csv => {
            writeln!(out, "{}", csv_header())?;
            store.for_each_event(&mut |e| {
                writeln!(out, "{}", csv_row(e))?;
                n += 1;
                Ok(())
            })?;
        }
    }
    out.flush()?;
    Ok(n)
}
