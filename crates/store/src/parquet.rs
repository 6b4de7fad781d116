//! Parquet export: the events table as Snappy-compressed Parquet files partitioned Hive-style
//! by year and month (`DIR/year=YYYY/month=MM/part-0.parquet`), readable by DuckDB, Spark,
//! Trino, pandas and pyarrow. Written with the `parquet` crate's low-level column writers
//! (no Arrow dependency).

use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::Type;

use crate::{EventStore, Result, StoreError, StoredEvent};

/// Rows buffered per row group (one row group holds at most this many events).
pub const ROW_GROUP_ROWS: usize = 65_536;

/// Partition value of events without a (valid) year or month.
pub const UNKNOWN: &str = "unknown";

/// An event and the evidence sentence of its first mention: one row of the export.
type Row = (StoredEvent, String);

/// How one column is read from a row and stored.
#[derive(Clone, Copy)]
enum Col {
    /// `INT64`, required.
    I64(fn(&Row) -> i64),
    /// `INT32`, required.
    I32(fn(&Row) -> i32),
    /// `DOUBLE`, required.
    F64(fn(&Row) -> f64),
    /// UTF-8 string, required.
    Str(for<'a> fn(&'a Row) -> &'a str),
    /// UTF-8 string, null when absent.
    OptStr(for<'a> fn(&'a Row) -> Option<&'a str>),
}

/// The columns of every file, in order (the partition columns `year` and `month` are in the
/// directory names, not in the files).
const COLUMNS: [(&str, Col); 24] = [
    ("id", Col::I64(|r| r.0.id)),
    ("cameo", Col::Str(|r| &r.0.cameo)),
    ("cameo_name", Col::Str(|r| &r.0.cameo_name)),
    ("root", Col::Str(|r| &r.0.root)),
    ("quad", Col::I32(|r| i32::from(r.0.quad))),
    ("goldstein", Col::F64(|r| r.0.goldstein)),
    ("plover_event", Col::Str(|r| &r.0.plover_event)),
    ("plover_mode", Col::Str(|r| &r.0.plover_mode)),
    ("plover_context", Col::Str(|r| &r.0.plover_context)),
    ("source_country", Col::Str(|r| &r.0.source_country)),
    ("source_sector", Col::Str(|r| &r.0.source_sector)),
    ("source_person", Col::Str(|r| &r.0.source_person)),
    ("target_country", Col::Str(|r| &r.0.target_country)),
    ("target_sector", Col::Str(|r| &r.0.target_sector)),
    ("target_person", Col::Str(|r| &r.0.target_person)),
    ("date", Col::OptStr(|r| r.0.date.as_deref())),
    ("date_end", Col::OptStr(|r| r.0.date_end.as_deref())),
    ("precision", Col::OptStr(|r| r.0.precision.as_deref())),
    ("num_mentions", Col::I64(|r| r.0.num_mentions)),
    ("num_sources", Col::I64(|r| r.0.num_sources)),
    ("num_articles", Col::I64(|r| r.0.num_articles)),
    ("evidence", Col::Str(|r| &r.1)),
    ("source_url", Col::OptStr(|r| r.0.source_url.as_deref())),
    ("first_doc_id", Col::Str(|r| &r.0.first_doc_id)),
];

/// The column names of the Parquet files, in order.
pub fn column_names() -> Vec<&'static str> {
    COLUMNS.iter().map(|(name, _)| *name).collect()
}

/// The Parquet schema of the files.
fn schema() -> Result<Type> {
    let fields: String = COLUMNS
        .iter()
        .map(|(name, col)| match col {
            Col::I64(_) => format!("REQUIRED INT64 {name};"),
            Col::I32(_) => format!("REQUIRED INT32 {name};"),
            Col::F64(_) => format!("REQUIRED DOUBLE {name};"),
            Col::Str(_) => format!("REQUIRED BYTE_ARRAY {name} (STRING);"),
            Col::OptStr(_) => format!("OPTIONAL BYTE_ARRAY {name} (STRING);"),
        })
        .collect::<Vec<_>>()
        .join("\n");
    Ok(parse_message_type(&format!("message event {{\n{fields}\n}}"))?)
}

/// The `year` and `month` partition values of a date (`YYYY[-MM[-DD]]`): four digits and a
/// month `01`–`12`, else [`UNKNOWN`] (so a partition name never holds anything but digits).
pub fn partition(date: Option<&str>) -> (String, String) {
    let unknown = || UNKNOWN.to_string();
    let Some(date) = date else { return (unknown(), unknown()) };
    let b = date.as_bytes();
    let year_ok = b.len() >= 4 && b.iter().take(4).all(u8::is_ascii_digit) && b.get(4).is_none_or(|&c| c == b'-');
    if !year_ok {
        return (unknown(), unknown());
    }
    let year = date.get(..4).map_or_else(unknown, str::to_string);
    let month = match (b.get(5), b.get(6), b.get(7)) {
        (Some(&m1), Some(&m2), None | Some(b'-')) if m1.is_ascii_digit() && m2.is_ascii_digit() => {
            let m = (m1 - b'0') * 10 + (m2 - b'0');
            if (1..=12).contains(&m) {
                format!("{m:02}")
            } else {
                unknown()
            }
        }
        _ => unknown(),
    };
    (year, month)
}

/// What a Parquet export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParquetSummary {
    /// Events written.
    pub rows: usize,
    /// Each file written, with its number of rows, in the order written.
    pub files: Vec<(PathBuf, usize)>,
}

/// The file being written: its partition, writer and buffered rows.
struct Open {
    key: (String, String),
    path: PathBuf,
    writer: SerializedFileWriter<BufWriter<File>>,
    buffer: Vec<Row>,
    rows: usize,
}

/// Write the buffered rows as one row group.
fn flush(open: &mut Open) -> Result<()> {
    if open.buffer.is_empty() {
        return Ok(());
    }
    let rows = &open.buffer;
    let mut group = open.writer.next_row_group()?;
    for (name, col) in COLUMNS {
        let Some(mut column) = group.next_column()? else {
            return Err(StoreError::Export(format!("Parquet schema has no column {name}")));
        };
        match col {
            Col::I64(get) => {
                let values: Vec<i64> = rows.iter().map(get).collect();
                column.typed::<Int64Type>().write_batch(&values, None, None)?;
            }
            Col::I32(get) => {
                let values: Vec<i32> = rows.iter().map(get).collect();
                column.typed::<Int32Type>().write_batch(&values, None, None)?;
            }
            Col::F64(get) => {
                let values: Vec<f64> = rows.iter().map(get).collect();
                column.typed::<DoubleType>().write_batch(&values, None, None)?;
            }
            Col::Str(get) => {
                let values: Vec<ByteArray> = rows.iter().map(|r| ByteArray::from(get(r))).collect();
                column.typed::<ByteArrayType>().write_batch(&values, None, None)?;
            }
            Col::OptStr(get) => {
                let values: Vec<ByteArray> = rows.iter().filter_map(get).map(ByteArray::from).collect();
                let levels: Vec<i16> = rows.iter().map(|r| i16::from(get(r).is_some())).collect();
                column.typed::<ByteArrayType>().write_batch(&values, Some(&levels), None)?;
            }
        }
        column.close()?;
    }
    group.close()?;
    open.rows += rows.len();
    open.buffer.clear();
    Ok(())
}

/// Write the last row group and the footer of a file.
fn finish(mut open: Open, summary: &mut ParquetSummary) -> Result<()> {
    flush(&mut open)?;
    open.writer.close()?;
    summary.rows += open.rows;
    summary.files.push((open.path, open.rows));
    Ok(())
}

/// Export every event to `dir` as Parquet, partitioned `year=YYYY/month=MM` (`unknown` for
/// events without a date, and for the month of events dated to a year only). `dir` must be
/// missing or empty, so that no file of an earlier export is read as part of this one.
pub fn export_parquet(store: &dyn EventStore, dir: &Path) -> Result<ParquetSummary> {
    let not_empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(StoreError::Export(format!("{}: {e}", dir.display()))),
    };
    if not_empty {
        return Err(StoreError::Export(format!(
            "{} is not empty: give a new or empty directory (files of an earlier export would be read too)",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir)?;
    let schema = Arc::new(schema()?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("attache {}", env!("CARGO_PKG_VERSION")))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build(),
    );
    let mut summary = ParquetSummary::default();
    let mut parts: HashMap<(String, String), usize> = HashMap::new();
    let mut current: Option<Open> = None;
    store.for_each_event_by_period(&mut |e, evidence| {
        let key = partition(e.date.as_deref());
        if current.as_ref().is_none_or(|o| o.key != key) {
            if let Some(done) = current.take() {
                finish(done, &mut summary)?;
            }
            // the store sorts by period, so a partition comes once; a malformed date that sorts
            // elsewhere reopens its partition in a further part file
            let part = parts.entry(key.clone()).or_insert(0);
            let folder = dir.join(format!("year={}", key.0)).join(format!("month={}", key.1));
            std::fs::create_dir_all(&folder)?;
            let path = folder.join(format!("part-{part}.parquet"));
            *part += 1;
            let file = File::create(&path)?;
            let writer = SerializedFileWriter::new(BufWriter::new(file), schema.clone(), props.clone())?;
            current = Some(Open { key, path, writer, buffer: Vec::with_capacity(1024), rows: 0 });
        }
        if let Some(open) = current.as_mut() {
            open.buffer.push((e.clone(), evidence.to_string()));
            if open.buffer.len() >= ROW_GROUP_ROWS {
                flush(open)?;
            }
        }
        Ok(())
    })?;
    if let Some(done) = current.take() {
        finish(done, &mut summary)?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(y: &str, m: &str) -> (String, String) {
        (y.to_string(), m.to_string())
    }

    #[test]
    fn partitions_of_dates() {
        assert_eq!(partition(Some("2024-07-25")), p("2024", "07"));
        assert_eq!(partition(Some("2024-12")), p("2024", "12"));
        assert_eq!(partition(Some("2024")), p("2024", UNKNOWN));
        assert_eq!(partition(None), p(UNKNOWN, UNKNOWN));
        assert_eq!(partition(Some("2024-13-01")), p("2024", UNKNOWN));
        assert_eq!(partition(Some("2024-1")), p("2024", UNKNOWN));
        assert_eq!(partition(Some("20245")), p(UNKNOWN, UNKNOWN));
        assert_eq!(partition(Some("../x")), p(UNKNOWN, UNKNOWN));
        assert_eq!(partition(Some("")), p(UNKNOWN, UNKNOWN));
    }

    #[test]
    fn schema_parses_and_names_every_column() {
        let s = schema().expect("schema");
        assert_eq!(s.get_fields().len(), COLUMNS.len());
        assert_eq!(column_names().first(), Some(&"id"));
    }
}
