//! Query strings: lenient decoding (any bytes decode to something) and strict validation of
//! the values each endpoint takes.

use attache_store::Filter;

use crate::db::Scope;
use crate::{ServeError, MAX_LIMIT};

/// Decoded `key=value` pairs of a query string.
#[derive(Debug, Default, Clone)]
pub struct Params(Vec<(String, String)>);

/// Percent-decode (`+` is a space); malformed escapes stay as written, bad UTF-8 is replaced.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = |j: usize| b.get(j).and_then(|h| char::from(*h).to_digit(16));
        match c {
            b'+' => out.push(b' '),
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            _ => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn bad(msg: String) -> ServeError {
    ServeError::BadRequest(msg)
}

impl Params {
    /// Decode a raw query string (without the `?`).
    pub fn parse(q: Option<&str>) -> Self {
        let pairs = q
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((k, v)) => (decode(k), decode(v)),
                None => (decode(p), String::new()),
            })
            .collect();
        Self(pairs)
    }

    /// The last non-blank value of `key`, trimmed.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim())
    }

    fn code(&self, key: &str) -> Option<String> {
        self.get(key).map(str::to_uppercase)
    }

    fn number<T: std::str::FromStr>(&self, key: &str) -> Result<Option<T>, ServeError> {
        self.get(key)
            .map(|v| v.parse::<T>().map_err(|_| bad(format!("{key} must be a whole number, not {v:?}"))))
            .transpose()
    }

    /// `limit` (default `default`, at most [`MAX_LIMIT`]) and `offset` (default 0).
    pub fn page(&self, default: u64) -> Result<(u64, u64), ServeError> {
        let limit = self.number::<u64>("limit")?.unwrap_or(default).min(MAX_LIMIT);
        let offset = self.number::<u64>("offset")?.unwrap_or(0).min(i64::MAX as u64);
        Ok((limit, offset))
    }

    fn pair(&self) -> Result<Option<(String, String)>, ServeError> {
        let Some(p) = self.code("pair") else { return Ok(None) };
        match p.split_once(',') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() && !b.contains(',') => {
                Ok(Some((a.trim().to_string(), b.trim().to_string())))
            }
            _ => Err(bad(format!("pair is two actor codes separated by a comma (JPN,VNM), not {p:?}"))),
        }
    }

    fn quad(&self) -> Result<Option<u8>, ServeError> {
        match self.number::<u8>("quad")? {
            Some(q) if !(1..=4).contains(&q) => Err(bad(format!("quad is 1 to 4, not {q}"))),
            q => Ok(q),
        }
    }

    fn day(&self, key: &str, upper: bool) -> Result<Option<i64>, ServeError> {
        self.get(key)
            .map(|v| {
                attache_store::merge::day_bounds(v)
                    .map(|(lo, hi)| if upper { hi } else { lo })
                    .ok_or_else(|| bad(format!("{key} is a date YYYY, YYYY-MM or YYYY-MM-DD, not {v:?}")))
            })
            .transpose()
    }

    /// The event filter: the `attache events` options plus `limit` and `offset`.
    pub fn filter(&self) -> Result<Filter, ServeError> {
        let (limit, offset) = self.page(50)?;
        // check the dates here so that a bad one is a 400 with its own message
        self.day("from", false)?;
        self.day("to", true)?;
        let cameo = self.get("cameo").map(str::to_string);
        if let Some(c) = &cameo {
            if !c.chars().all(|ch| ch.is_ascii_digit()) {
                return Err(bad(format!("cameo is a code prefix of digits, not {c:?}")));
            }
        }
        Ok(Filter {
            actor: self.code("actor"),
            pair: self.pair()?,
            source: self.code("source"),
            target: self.code("target"),
            person: self.get("person").map(str::to_string),
            cameo,
            root: self.get("root").map(str::to_string),
            quad: self.quad()?,
            plover: self.get("plover").map(str::to_string),
            from: self.get("from").map(str::to_string),
            to: self.get("to").map(str::to_string),
            lang: self.get("lang").map(str::to_string),
            text: self.get("text").map(str::to_string),
            limit: Some(limit),
            offset: Some(offset),
        })
    }

    /// The scope of the aggregate endpoints: `actor`, `pair`, `quad`, `from`, `to`.
    pub fn scope(&self) -> Result<Scope, ServeError> {
        Ok(Scope {
            actor: self.code("actor"),
            pair: self.pair()?,
            quad: self.quad()?,
            from: self.day("from", false)?,
            to: self.day("to", true)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_never_fails() {
        assert_eq!(decode("a+b%20c%zz%4"), "a b c%zz%4");
        assert_eq!(decode("%FF%FE"), "\u{FFFD}\u{FFFD}");
        let p = Params::parse(Some("pair=jpn%2Cvnm&quad=&quad=2&x"));
        assert_eq!(p.pair().ok().flatten(), Some(("JPN".into(), "VNM".into())));
        assert_eq!(p.quad().ok().flatten(), Some(2));
        assert!(Params::parse(Some("quad=9")).quad().is_err());
        assert!(Params::parse(Some("pair=JPN")).pair().is_err());
        assert!(Params::parse(Some("from=2024-13")).filter().is_err());
        assert!(Params::parse(Some("limit=-1")).filter().is_err());
    }
}
