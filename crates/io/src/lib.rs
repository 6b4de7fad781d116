//! Streaming input: JSONL (one document per line), `.txt` and `.html` files, folders and
//! stdin. Every bad record becomes a [`RecordError`] naming its file and line; the good
//! records around it are still yielded. Memory is bounded by the largest single record.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use attache_model::Document;

/// The largest record (a JSONL line or a whole file) read; larger ones are skipped.
pub const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The file or folder could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A record is not valid UTF-8.
    #[error("{path}:{line}: not valid UTF-8 (byte {offset})")]
    Utf8 {
        /// The file.
        path: String,
        /// 1-based line (1 for whole files).
        line: usize,
        /// Byte offset of the first invalid byte within the record.
        offset: usize,
    },
    /// A JSONL line is not a JSON object of the expected shape.
    #[error("{path}:{line}: {message}")]
    Malformed {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file holds binary data, not text.
    #[error("{path}: binary data (NUL byte at {offset}), not a text document")]
    Binary {
        /// The file.
        path: String,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A file or record has no text.
    #[error("{path}:{line}: empty document")]
    Empty {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
    },
    /// An HTML page in which no article text was found.
    #[error("{path}:{line}: {message}")]
    Html {
        /// The file.
        path: String,
        /// 1-based line (1 for whole files).
        line: usize,
        /// What the extractor said.
        message: String,
    },
    /// A record exceeds [`MAX_RECORD_BYTES`].
    #[error("{path}:{line}: record larger than {limit} bytes, skipped")]
    TooLarge {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// The limit.
        limit: usize,
    },
}

/// A non-fatal oddity in a good record (the record is still coded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `file:line`.
    pub location: String,
    /// What was odd and what was done about it.
    pub message: String,
}

/// One item of input: a document (with warnings) or an error.
pub type Record = Result<(Document, Vec<Warning>), RecordError>;

enum Source {
    Stdin,
    File(PathBuf, String),
}

/// Streams records from paths (files, folders, `-` for stdin) in a stable order.
pub struct Reader {
    pending: std::vec::IntoIter<Source>,
    current: Option<Box<dyn Iterator<Item = Record>>>,
    listing_errors: Vec<RecordError>,
}

fn is_input_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "html" | "htm" | "jsonl")
    )
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<Source>, errors: &mut Vec<RecordError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(RecordError::Io { path: dir.display().to_string(), source });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, root, out, errors);
        } else if is_input_file(&p) {
            let id = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push(Source::File(p, id));
        }
    }
}

impl Reader {
    /// A reader over `paths`; no paths, or `-`, means standard input.
    pub fn new(paths: &[String]) -> Self {
        let mut sources = Vec::new();
        let mut listing_errors = Vec::new();
        if paths.is_empty() {
            sources.push(Source::Stdin);
        }
        for p in paths {
            if p == "-" {
                sources.push(Source::Stdin);
                continue;
            }
            let path = PathBuf::from(p);
            if path.is_dir() {
                walk(&path, &path, &mut sources, &mut listing_errors);
            } else {
                let id = path.file_name().map_or_else(|| p.clone(), |n| n.to_string_lossy().to_string());
                sources.push(Source::File(path, id));
            }
        }
        Self { pending: sources.into_iter(), current: None, listing_errors }
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if let Some(e) = self.listing_errors.pop() {
            return Some(Err(e));
        }
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(r) = cur.next() {
                    return Some(r);
                }
                self.current = None;
            }
            let src = self.pending.next()?;
            self.current = Some(open(src));
        }
    }
}

fn open(src: Source) -> Box<dyn Iterator<Item = Record>> {
    match src {
        Source::Stdin => Box::new(JsonlRecords::new(Box::new(BufReader::new(std::io::stdin())), "<stdin>".into())),
        Source::File(path, id) => {
            let shown = path.display().to_string();
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(source) => return Box::new(std::iter::once(Err(RecordError::Io { path: shown, source }))),
            };
            let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
            if ext == "jsonl" {
                Box::new(JsonlRecords::new(Box::new(BufReader::new(file)), shown))
            } else {
                Box::new(std::iter::once(whole_file(file, &shown, id, ext == "html" || ext == "htm")))
            }
        }
    }
}

fn whole_file(file: File, shown: &str, id: String, is_html: bool) -> Record {
    let mut bytes = Vec::new();
    let limit = MAX_RECORD_BYTES as u64 + 1;
    if let Err(source) = file.take(limit).read_to_end(&mut bytes) {
        return Err(RecordError::Io { path: shown.to_string(), source });
    }
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(RecordError::TooLarge { path: shown.to_string(), line: 1, limit: MAX_RECORD_BYTES });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(RecordError::Binary { path: shown.to_string(), offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| RecordError::Utf8 {
        path: shown.to_string(),
        line: 1,
        offset: e.utf8_error().valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(RecordError::Empty { path: shown.to_string(), line: 1 });
    }
    from_html(Document { id, text, is_html, ..Default::default() }, shown, 1).map(|d| (d, Vec::new()))
}

/// An HTML document becomes its article: extracted text, headline and stated date
/// (a date or title the record gave itself wins).
fn from_html(doc: Document, path: &str, line: usize) -> Result<Document, RecordError> {
    if !doc.is_html {
        return Ok(doc);
    }
    let page = attache_text::html::extract_page(&doc.text).map_err(|e| RecordError::Html {
        path: path.to_string(),
        line,
        message: e.to_string(),
    })?;
    Ok(Document {
        text: page.text,
        title: doc.title.or(page.title),
        published: doc.published.or(page.published),
        is_html: false,
        ..doc
    })
}

/// Records of a JSONL stream, one per line, reading at most [`MAX_RECORD_BYTES`] per line.
struct JsonlRecords {
    input: Box<dyn BufRead>,
    path: String,
    line: usize,
    done: bool,
}

impl JsonlRecords {
    fn new(input: Box<dyn BufRead>, path: String) -> Self {
        Self { input, path, line: 0, done: false }
    }

    /// Read one line into `buf`; returns (bytes consumed, whether it was cut at the limit).
    fn read_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<(usize, bool)> {
        let mut consumed = 0;
        let mut too_large = false;
        loop {
            let available = self.input.fill_buf()?;
            if available.is_empty() {
                return Ok((consumed, too_large));
            }
            let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
                Some(p) => (&available[..=p], true),
                None => (available, false),
            };
            let n = chunk.len();
            if !too_large && buf.len() + n <= MAX_RECORD_BYTES + 1 {
                buf.extend_from_slice(chunk);
            } else {
                too_large = true;
                buf.clear();
            }
            self.input.consume(n);
            consumed += n;
            if found {
                return Ok((consumed, too_large));
            }
        }
    }
}

impl Iterator for JsonlRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            let (n, too_large) = match self.read_line(&mut buf) {
                Ok(r) => r,
                Err(source) => {
                    self.done = true;
                    return Some(Err(RecordError::Io { path: self.path.clone(), source }));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            self.line += 1;
            if too_large {
                return Some(Err(RecordError::TooLarge {
                    path: self.path.clone(),
                    line: self.line,
                    limit: MAX_RECORD_BYTES,
                }));
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(parse_jsonl_record(&buf, &self.path, self.line));
        }
        None
    }
}

/// True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` with a plausible month and day.
pub fn is_valid_partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}

fn parse_jsonl_record(bytes: &[u8], path: &str, line: usize) -> Record {
    let text = std::str::from_utf8(bytes).map_err(|e| RecordError::Utf8 {
        path: path.to_string(),
        line,
        offset: e.valid_up_to(),
    })?;
    let malformed = |message: String| RecordError::Malformed { path: path.to_string(), line, message };
    let value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| malformed(format!("not JSON: {e}")))?;
    let obj = value.as_object().ok_or_else(|| malformed("not a JSON object".into()))?;
    let string_field = |name: &str| -> Result<Option<String>, RecordError> {
        match obj.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(serde_json::Value::Number(n)) if name == "id" => Ok(Some(n.to_string())),
            Some(_) => Err(malformed(format!("field `{name}` is not a string"))),
        }
    };
    let id = string_field("id")?.filter(|s| !s.is_empty()).ok_or_else(|| malformed("record has no `id`".into()))?;
    let text = string_field("text")?.ok_or_else(|| malformed(format!("record `{id}` has no `text`")))?;
    if text.trim().is_empty() {
        return Err(RecordError::Empty { path: path.to_string(), line });
    }
    let mut warnings = Vec::new();
    let mut published = string_field("published")?;
    if let Some(p) = &published {
        if !is_valid_partial_date(p) {
            warnings.push(Warning {
                location: format!("{path}:{line}"),
                message: format!("`published` {p:?} is not YYYY-MM-DD, YYYY-MM or YYYY; ignored"),
            });
            published = None;
        }
    }
    let is_html = obj.get("html").and_then(serde_json::Value::as_bool).unwrap_or(false)
        || obj.get("format").and_then(serde_json::Value::as_str) == Some("html");
    let doc = Document {
        id,
        text,
        url: string_field("url")?,
        published,
        title: string_field("title")?,
        lang: string_field("lang")?,
        is_html,
    };
    Ok((from_html(doc, path, line)?, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("attache-io-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn bad_lines_do_not_lose_good_ones() {
        let d = tmpdir("jsonl");
        let f = d.join("in.jsonl");
        let mut bytes = Vec::new();
        bytes.extend_from_slice(b"{\"id\":\"a\",\"text\":\"Hello.\"}\n");
        bytes.extend_from_slice(b"{not json\n");
        bytes.extend_from_slice(b"{\"id\":\"b\",\"text\":\"caf\xff\"}\n");
        bytes.extend_from_slice(b"{\"text\":\"no id\"}\n");
        bytes.extend_from_slice(b"\n[1,2]\n");
        bytes.extend_from_slice(b"{\"id\":\"c\",\"text\":\"World.\",\"published\":\"2024-13-01\"}");
        std::fs::write(&f, bytes).unwrap();
        let recs: Vec<Record> = Reader::new(&[f.display().to_string()]).collect();
        assert_eq!(recs.len(), 6);
        assert_eq!(recs[0].as_ref().unwrap().0.id, "a");
        let msg = recs[1].as_ref().unwrap_err().to_string();
        assert!(msg.contains("in.jsonl:2") && msg.contains("not JSON"), "{msg}");
        assert!(matches!(recs[2], Err(RecordError::Utf8 { line: 3, .. })));
        assert!(recs[3].as_ref().unwrap_err().to_string().contains("no `id`"));
        assert!(recs[4].as_ref().unwrap_err().to_string().contains(":6:"));
        let (doc, warnings) = recs[5].as_ref().unwrap();
        assert_eq!(doc.id, "c");
        assert_eq!(doc.published, None);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn folders_give_relative_ids_and_reject_binary_and_empty() {
        let d = tmpdir("folder");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.txt"), "Text one.").unwrap();
        std::fs::write(
            d.join("b.html"),
            "<html><head><title>Talks</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>\
             <article><p>Japan and Laos held talks in Vientiane on Thursday, the ministry said.</p>\
             <p>The ministers agreed to expand cooperation in education and trade.</p></article>\
             <footer>Copyright 2024</footer></body></html>",
        )
        .unwrap();
        std::fs::write(d.join("c.txt"), b"abc\0def").unwrap();
        std::fs::write(d.join("d.txt"), "  \n").unwrap();
        std::fs::write(d.join("e.bin"), "ignored").unwrap();
        let recs: Vec<Record> = Reader::new(&[d.display().to_string()]).collect();
        assert_eq!(recs.len(), 4);
        let docs: Vec<&Document> = recs.iter().filter_map(|r| r.as_ref().ok()).map(|(d, _)| d).collect();
        assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), vec!["b.html", "sub/a.txt"]);
        // an HTML page arrives as its article: plain text, headline first, no page debris
        assert!(!docs[0].is_html);
        assert!(docs[0].text.contains("Japan and Laos held talks in Vientiane"), "{}", docs[0].text);
        assert!(!docs[0].text.contains("<p>") && !docs[0].text.contains("Copyright"), "{}", docs[0].text);
        assert_eq!(docs[0].title.as_deref(), Some("Talks"));
        assert!(recs.iter().any(|r| matches!(r, Err(RecordError::Binary { .. }))));
        assert!(recs.iter().any(|r| matches!(r, Err(RecordError::Empty { .. }))));
    }

    #[test]
    fn missing_file_is_an_error_not_a_panic() {
        let recs: Vec<Record> = Reader::new(&["/nonexistent/x.jsonl".to_string()]).collect();
        assert_eq!(recs.len(), 1);
        assert!(recs[0].is_err());
    }

    #[test]
    fn partial_dates() {
        assert!(is_valid_partial_date("2024"));
        assert!(is_valid_partial_date("2024-07"));
        assert!(is_valid_partial_date("2024-07-25"));
        assert!(!is_valid_partial_date("2024-7-25"));
        assert!(!is_valid_partial_date("July 2024"));
    }
}
