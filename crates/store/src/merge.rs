//! The cross-document merge rule: when a coded event is another report of an event already
//! stored. Pure functions, so the rule can be tested without a database (see README).

use std::collections::{BTreeMap, BTreeSet};

use attache_model::{Actor, Event, EventDate};
use attache_time::{days_from_civil, days_in_month};

/// How many days apart two day-precision dates may be and still be one event.
pub const DAY_WINDOW: i64 = 3;

/// CAMEO codes whose two sides play the same part: their direction is ignored when merging.
pub const UNDIRECTED_CODES: &[&str] = &["040", "041", "044", "046", "050", "057", "060", "061", "062", "063", "064"];

/// Date precision, coarsest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A calendar day (or a run of days).
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Precision {
    /// Parse `day`, `month` or `year`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "day" => Some(Self::Day),
            "month" => Some(Self::Month),
            "year" => Some(Self::Year),
            _ => None,
        }
    }
}

/// An event date as an inclusive span of days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First day.
    pub lo: i64,
    /// Last day.
    pub hi: i64,
    /// How precise the date is.
    pub precision: Precision,
}

/// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into (year, month, day) with missing parts as 0.
fn parse_ymd(s: &str) -> Option<(i32, u8, u8)> {
    let mut parts = s.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = match parts.next() {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => 0,
    };
    let d: u8 = match parts.next() {
        Some(d) => d.parse().ok().filter(|d| *d >= 1 && m > 0 && *d <= days_in_month(y, m))?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((y, m, d))
}

/// The first and last day of a date string, whatever its precision.
pub fn day_bounds(s: &str) -> Option<(i64, i64)> {
    let (y, m, d) = parse_ymd(s)?;
    Some(match (m, d) {
        (0, _) => (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)),
        (m, 0) => (days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m))),
        (m, d) => (days_from_civil(y, m, d), days_from_civil(y, m, d)),
    })
}

impl Span {
    /// The span of a stored date (`value`, optional `end`, `precision`).
    pub fn from_parts(value: &str, end: Option<&str>, precision: &str) -> Option<Self> {
        let (lo, mut hi) = day_bounds(value)?;
        if let Some((_, end_hi)) = end.and_then(day_bounds) {
            hi = hi.max(end_hi);
        }
        let precision = Precision::parse(precision).unwrap_or(match parse_ymd(value)? {
            (_, 0, _) => Precision::Year,
            (_, _, 0) => Precision::Month,
            _ => Precision::Day,
        });
        Some(Self { lo, hi, precision })
    }

    /// The span of an event's date.
    pub fn of(date: &EventDate) -> Option<Self> {
        Self::from_parts(&date.value, date.end.as_deref(), &date.precision)
    }
}

/// Month number (year * 12 + month) of a day count.
fn month_index(day: i64) -> i64 {
    let (y, m, _) = attache_time::civil_from_days(day);
    i64::from(y) * 12 + i64::from(m)
}

/// Days between two spans (0 when they touch or overlap).
pub fn gap(a: &Span, b: &Span) -> i64 {
    (b.lo - a.hi).max(a.lo - b.hi).max(0)
}

/// Whether two dates may be the same event, and why (or why not).
pub fn dates_compatible(a: Option<&Span>, b: Option<&Span>) -> Result<String, String> {
    match (a, b) {
        (None, None) => Ok("both undated".into()),
        (Some(_), None) | (None, Some(_)) => Err("one mention is undated".into()),
        (Some(a), Some(b)) => match a.precision.max(b.precision) {
            Precision::Day => {
                let g = gap(a, b);
                if g <= DAY_WINDOW {
                    Ok(format!("dates {g} day(s) apart"))
                } else {
                    Err(format!("dates {g} days apart"))
                }
            }
            Precision::Month => {
                let overlap = month_index(a.lo) <= month_index(b.hi) && month_index(b.lo) <= month_index(a.hi);
                if overlap {
                    Ok("same month".into())
                } else {
                    Err("different months".into())
                }
            }
            Precision::Year => {
                let year = |d: i64| attache_time::civil_from_days(d).0;
                if year(a.lo) <= year(b.hi) && year(b.lo) <= year(a.hi) {
                    Ok("same year".into())
                } else {
                    Err("different years".into())
                }
            }
        },
    }
}

/// The distinct countries of one side, sorted, joined with `+`.
pub fn side_key(actors: &[Actor]) -> String {
    let set: BTreeSet<&str> = actors.iter().map(|a| a.country.as_str()).collect();
    set.into_iter().collect::<Vec<_>>().join("+")
}

/// The root an event merges under: its CAMEO root, except that 018 is a root of its own and
/// a planned meeting or visit (036) merges with the meeting or visit it announced (04).
pub fn merge_root(cameo: &str, root: &str) -> String {
    if cameo.starts_with("018") {
        "018".into()
    } else if cameo.starts_with("036") {
        "04".into()
    } else {
        root.into()
    }
}

/// Persons named per country, as stored in `persons_key` (`JPN=Name;LAO=Name`).
pub type Persons = BTreeMap<String, BTreeSet<String>>;

/// The persons an event names, per country.
pub fn persons_of(e: &Event) -> Persons {
    let mut out = Persons::new();
    for a in e.source.iter().chain(&e.target) {
        if let Some(p) = &a.person {
            out.entry(a.country.clone()).or_default().insert(p.clone());
        }
    }
    out
}

/// Encode persons for storage.
pub fn encode_persons(p: &Persons) -> String {
    p.iter()
        .flat_map(|(c, names)| names.iter().map(move |n| format!("{c}={}", n.replace([';', '='], " "))))
        .collect::<Vec<_>>()
        .join(";")
}

/// Decode stored persons.
pub fn decode_persons(s: &str) -> Persons {
    let mut out = Persons::new();
    for item in s.split(';').filter(|i| !i.is_empty()) {
        if let Some((c, n)) = item.split_once('=') {
            out.entry(c.to_string()).or_default().insert(n.to_string());
        }
    }
    out
}

/// Whether the persons agree: where both name persons for a country, the same persons.
pub fn persons_compatible(a: &Persons, b: &Persons) -> Result<&'static str, String> {
    let mut compared = false;
    for (country, names) in a {
        if let Some(other) = b.get(country) {
            if !names.is_empty() && !other.is_empty() {
                if names != other {
                    return Err(format!("different persons for {country}"));
                }
                compared = true;
            }
        }
    }
    Ok(if compared { "same persons" } else { "no persons to compare" })
}

/// The merge key of one coded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// Unordered pair of side keys, sorted, joined with `|`.
    pub pair: String,
    /// `A>B` for directed codes (the visitor first for 043 "host a visit"), empty when undirected.
    pub direction: String,
    /// The root the event merges under.
    pub root: String,
}

impl Key {
    /// The key of an event.
    pub fn of(e: &Event) -> Self {
        let s = side_key(&e.source);
        let t = side_key(&e.target);
        let pair = if s <= t { format!("{s}|{t}") } else { format!("{t}|{s}") };
        let direction = if UNDIRECTED_CODES.contains(&e.cameo.as_str()) {
            String::new()
        } else if e.cameo.starts_with("043") {
            format!("{t}>{s}")
        } else {
            format!("{s}>{t}")
        };
        Self { pair, direction, root: merge_root(&e.cameo, &e.root) }
    }
}

/// Whether two directions agree (an undirected side agrees with any).
pub fn directions_compatible(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(v: &str, p: &str) -> Span {
        Span::from_parts(v, None, p).unwrap()
    }

    #[test]
    fn day_window() {
        assert!(dates_compatible(Some(&span("2024-07-25", "day")), Some(&span("2024-07-28", "day"))).is_ok());
        assert!(dates_compatible(Some(&span("2024-07-25", "day")), Some(&span("2024-07-29", "day"))).is_err());
        assert!(dates_compatible(None, None).is_ok());
        assert!(dates_compatible(Some(&span("2024-07-25", "day")), None).is_err());
    }

    #[test]
    fn month_contains_day() {
        assert!(dates_compatible(Some(&span("2024-07", "month")), Some(&span("2024-07-31", "day"))).is_ok());
        assert!(dates_compatible(Some(&span("2024-07", "month")), Some(&span("2024-08-01", "day"))).is_err());
        assert!(dates_compatible(Some(&span("2024", "year")), Some(&span("2024-08-01", "day"))).is_ok());
    }

    #[test]
    fn multi_day_span() {
        let a = Span::from_parts("2024-07-20", Some("2024-07-24"), "day").unwrap();
        assert!(dates_compatible(Some(&a), Some(&span("2024-07-27", "day"))).is_ok());
        assert!(dates_compatible(Some(&a), Some(&span("2024-07-16", "day"))).is_err());
    }

    #[test]
    fn bad_dates_are_none() {
        assert!(Span::from_parts("2024-02-30", None, "day").is_none());
        assert!(Span::from_parts("x", None, "day").is_none());
        assert_eq!(day_bounds("2024-02").map(|(a, b)| b - a), Some(28));
    }

    #[test]
    fn persons() {
        let a = decode_persons("JPN=Kamikawa Yōko;LAO=Saleumxay Kommasith");
        let b = decode_persons("JPN=Kamikawa Yōko");
        let c = decode_persons("JPN=Someone Else");
        assert!(persons_compatible(&a, &b).is_ok());
        assert!(persons_compatible(&a, &Persons::new()).is_ok());
        assert!(persons_compatible(&a, &c).is_err());
        assert_eq!(decode_persons(&encode_persons(&a)), a);
    }

    #[test]
    fn roots() {
        assert_eq!(merge_root("0184", "01"), "018");
        assert_eq!(merge_root("013", "01"), "01");
        assert_eq!(merge_root("036", "03"), "04");
        assert!(directions_compatible("", "A>B"));
        assert!(!directions_compatible("B>A", "A>B"));
    }
}
