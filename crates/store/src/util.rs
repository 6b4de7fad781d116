//! Small helpers: URL hosts, timestamps, full-text query quoting, CSV quoting.

use attache_time::civil_from_days;

/// The host of a URL, lower-cased, without `www.`, port or user; `None` when there is none.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split_once(']').map_or(host, |(h, _)| h).trim_start_matches('[')
    } else {
        host.split(':').next().unwrap_or(host)
    };
    let host = host.trim().trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The source a document counts under: its URL host, or `doc:` + its id.
pub fn source_name(id: &str, url: Option<&str>) -> String {
    url.and_then(url_host).unwrap_or_else(|| format!("doc:{id}"))
}

/// Seconds since 1970-01-01 UTC, now.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `YYYYMMDDHHMMSS` (UTC) of a Unix time, as GDELT's DATEADDED.
pub fn gdelt_timestamp(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}{m:02}{d:02}{:02}{:02}{:02}", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Unix time.
pub fn iso_timestamp(unix: i64) -> String {
    let t = gdelt_timestamp(unix);
    format!("{}-{}-{}T{}:{}:{}Z", &t[0..4], &t[4..6], &t[6..8], &t[8..10], &t[10..12], &t[12..14])
}

/// The words of a user's search, each quoted as an FTS5 string (so no character of the input
/// is FTS5 syntax); words with no letter or digit are dropped, and for the trigram table so
/// are words shorter than three characters (they can never match there).
pub fn fts_query(text: &str, trigram: bool) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .filter(|w| !trigram || w.chars().count() >= 3)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A CSV field, quoted when it holds a comma, quote, or line break (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A tab-separated field: tabs and line breaks become spaces.
pub fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(url_host("https://www.Example.com:8080/a?b").as_deref(), Some("example.com"));
        assert_eq!(url_host("http://user@news.example.org").as_deref(), Some("news.example.org"));
        assert_eq!(url_host("").as_deref(), None);
        assert_eq!(source_name("x", None), "doc:x");
    }

    #[test]
    fn timestamps() {
        assert_eq!(gdelt_timestamp(0), "19700101000000");
        assert_eq!(gdelt_timestamp(1_721_900_000), "20240725093320");
        assert_eq!(iso_timestamp(0), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn fts_quoting() {
        assert_eq!(fts_query("'; DROP TABLE events; --", false).as_deref(), Some("\"DROP\" \"TABLE\" \"events;\""));
        assert_eq!(fts_query("a \"b\"", false).as_deref(), Some("\"a\" \"\"\"b\"\"\""));
        assert_eq!(fts_query("to 日本外相", true).as_deref(), Some("\"日本外相\""));
        assert_eq!(fts_query(" -- ", false), None);
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
