//! The scanner: tokens of a sentence key, then date shapes over the tokens.

use crate::date::{PartialDate, Precision};
use crate::{LangTime, Lex, TimeExpr};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A number and its digit count.
    Num(u32, u8),
    /// A phrase of the time lexicon.
    Word(Lex),
    /// A CJK date marker: 年 月 日 (and Korean 년 월 일), as 'y', 'm', 'd'.
    Cjk(char),
    /// Punctuation.
    Sym(char),
    /// Any other word.
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

/// `char::is_alphanumeric` with Latin letters (Vietnamese, Norwegian, ...) answered without
/// the general Unicode lookup.
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        attache_text::is_latin_letter(c) || c.is_alphanumeric()
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0EFF)
}

fn tokenize(k: &str, lt: &LangTime, found: Option<&[(usize, u32)]>) -> Vec<Tok> {
    // every phrase occurrence in one pass (or as the caller's pass found them), by start
    // and then longest first
    let mut hits: Vec<(usize, u32)> = match (found, &lt.automaton.0) {
        (Some(found), _) => found.to_vec(),
        (None, Some(a)) => a.find_overlapping_iter(k).map(|m| (m.start(), m.value())).collect(),
        (None, None) => Vec::new(),
    };
    let bytes = k.as_bytes();
    // every expression holds a number or a word that names a time by itself (a month, a
    // weekday, a relative day, week, month or year, an era); without one ("in", "on", "this"
    // alone) there is nothing for the matcher to start from
    let anchored = || {
        hits.iter().any(|&(_, i)| {
            // every entry of the phrase (they follow its first one)
            let key = lt.phrases.get(i as usize).map(|(k, _)| k);
            lt.phrases[(i as usize).min(lt.phrases.len())..]
                .iter()
                .take_while(|(k, _)| Some(k) == key)
                .any(|(_, w)| w.counts_from_a_day() || matches!(w, Lex::Month(_) | Lex::Era(_)))
        })
    };
    if !bytes.iter().any(u8::is_ascii_digit) && !anchored() {
        return Vec::new();
    }
    hits.sort_unstable();
    let mut cursor = 0usize;
    // (a token for every word, number and mark: about one for every four bytes)
    let mut out = Vec::with_capacity(k.len() / 4 + 8);
    let mut p = 0;
    while p < k.len() {
        let Some(c) = k[p..].chars().next() else { break };
        if c.is_ascii_digit() {
            let mut e = p;
            let mut v: u64 = 0;
            while e < k.len() && bytes[e].is_ascii_digit() {
                v = (v * 10 + u64::from(bytes[e] - b'0')).min(u64::from(u32::MAX));
                e += 1;
            }
            let digits = (e - p).min(255) as u8;
            out.push(Tok { start: p, end: e, kind: Kind::Num(v as u32, digits) });
            p = e;
            continue;
        }
        if c.is_whitespace() {
            p += c.len_utf8();
            continue;
        }
        let prev_alnum = k[..p].chars().next_back().is_some_and(|x| is_alnum(x) && !is_cjk(x));
        if c.is_alphabetic() || is_cjk(c) || c == '.' {
            // the longest phrase of the lexicon starting here, on word boundaries
            let rest = &k[p..];
            while hits.get(cursor).is_some_and(|h| h.0 < p) {
                cursor += 1;
            }
            let found = if prev_alnum && !is_cjk(c) {
                None
            } else {
                hits[cursor..].iter().take_while(|h| h.0 == p).filter_map(|&(_, i)| lt.phrases.get(i as usize)).find(
                    |(ph, _)| {
                        let last = ph.chars().next_back();
                        let next = rest.get(ph.len()..).and_then(|r| r.chars().next());
                        last.is_some_and(is_cjk)
                            || !next.is_some_and(|n| is_alnum(n) && !is_cjk(n))
                            || last.is_some_and(|l| !is_alnum(l))
                    },
                )
            };
            // a short abbreviation ("so", "mar") is a time word only next to a number
            let found =
                found.filter(|(ph, _)| !lt.needs_number.contains(ph) || next_to_number(k, p, p + ph.len(), &out));
            if let Some((ph, w)) = found {
                out.push(Tok { start: p, end: p + ph.len(), kind: Kind::Word(*w) });
                p += ph.len();
                continue;
            }
            let marker = match c {
                '年' | '년' => Some('y'),
                '月' | '월' => Some('m'),
                '日' | '일' => Some('d'),
                _ => None,
            };
            if let Some(m) = marker {
                out.push(Tok { start: p, end: p + c.len_utf8(), kind: Kind::Cjk(m) });
                p += c.len_utf8();
                continue;
            }
            if is_cjk(c) || c == '.' {
                let kind = if c == '.' { Kind::Sym('.') } else { Kind::Other };
                out.push(Tok { start: p, end: p + c.len_utf8(), kind });
                p += c.len_utf8();
                continue;
            }
            let mut e = p;
            for (i, ch) in rest.char_indices() {
                if !(is_alnum(ch) || ch == '\'') || is_cjk(ch) || ch.is_ascii_digit() {
                    break;
                }
                e = p + i + ch.len_utf8();
            }
            if e == p {
                e = p + c.len_utf8();
            }
            out.push(Tok { start: p, end: e, kind: Kind::Other });
            p = e;
            continue;
        }
        out.push(Tok { start: p, end: p + c.len_utf8(), kind: Kind::Sym(c) });
        p += c.len_utf8();
    }
    out
}

/// True when the word at `[start, end)` of `k` has a number right before it (the last token,
/// with at most a space, a full stop or a comma between) or right after it ("5 mar 2025",
/// "So., 6. April").
fn next_to_number(k: &str, start: usize, end: usize, before: &[Tok]) -> bool {
    let joiner = |s: &str| s.chars().all(|c| matches!(c, ' ' | '.' | ','));
    let number_before =
        before.last().is_some_and(|t| matches!(t.kind, Kind::Num(..)) && k.get(t.end..start).is_some_and(joiner));
    let after = k.get(end..).unwrap_or("").trim_start_matches([' ', '.', ',']);
    number_before || after.starts_with(|c: char| c.is_ascii_digit())
}

/// How far before the reference a yearless date read as past must lie for a plan to take it
/// as next year's instead ("se revoir en mars", published in May, is next March; a day a few
/// weeks back is more likely a late report of this year's plan).
const PLAN_AHEAD_MIN_DAYS: i64 = 45;

/// The year that puts month/day nearest the reference, preferring the past.
fn nearest_year(month: u8, day: Option<u8>, reference: &PartialDate) -> Option<i32> {
    if reference.month.is_none() {
        return Some(reference.year);
    }
    let r = reference.first_day();
    let mut best: Option<(i64, i32)> = None;
    for y in [reference.year - 1, reference.year, reference.year + 1] {
        let Some(d) = (match day {
            Some(d) => PartialDate::ymd(y, month, d),
            None => PartialDate::ym(y, month),
        }) else {
            continue;
        };
        let diff = d.first_day() - r;
        let score = if diff < 0 { -diff } else { diff * 2 };
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, y));
        }
    }
    best.map(|b| b.1)
}

struct Cursor<'a> {
    t: &'a [Tok],
    i: usize,
    key: &'a str,
}

impl Cursor<'_> {
    fn kind(&self, off: usize) -> Option<Kind> {
        self.t.get(self.i + off).map(|t| t.kind)
    }
    fn num(&self, off: usize) -> Option<(u32, u8)> {
        match self.kind(off)? {
            Kind::Num(v, d) => Some((v, d)),
            _ => None,
        }
    }
    fn sym(&self, off: usize, c: &[char]) -> bool {
        matches!(self.kind(off), Some(Kind::Sym(s)) if c.contains(&s))
    }
    fn word(&self, off: usize) -> Option<Lex> {
        match self.kind(off)? {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }
    fn month(&self, off: usize) -> Option<u8> {
        match self.word(off)? {
            Lex::Month(m) => Some(m),
            _ => None,
        }
    }
    fn skip_word(&self, off: usize) -> bool {
        matches!(self.word(off), Some(Lex::Skip))
    }
}

fn year_of(v: u32, digits: u8) -> Option<i32> {
    match digits {
        4 if (1900..=2100).contains(&v) => Some(v as i32),
        4 if (2443..=2643).contains(&v) => Some(v as i32 - 543),
        2 => Some(2000 + v as i32),
        _ => None,
    }
}

fn day_ok(v: u32, digits: u8) -> Option<u8> {
    (digits <= 2 && (1..=31).contains(&v)).then_some(v as u8)
}

fn month_ok(v: u32, digits: u8) -> Option<u8> {
    (digits <= 2 && (1..=12).contains(&v)).then_some(v as u8)
}

struct Found {
    len: usize,
    value: PartialDate,
    end_value: Option<PartialDate>,
    relative: bool,
    past: bool,
    /// The expression itself points future: false, ahead ("next week", "来週").
    future: bool,
    ahead: Option<PartialDate>,
}

impl Found {
    /// An expression of `len` tokens that names a day or period relative to the reference
    /// (a weekday, "last week", "先月5日"), with no range.
    fn relative(len: usize, value: PartialDate, past: bool, future: bool, ahead: Option<PartialDate>) -> Self {
        Found { len, value, end_value: None, relative: true, past, future, ahead }
    }
}

fn full(y: Option<i32>, m: u8, d: u8, reference: Option<&PartialDate>) -> Option<(PartialDate, bool)> {
    match y {
        Some(y) => Some((PartialDate::ymd(y, m, d)?, false)),
        None => {
            let y = nearest_year(m, Some(d), reference?)?;
            Some((PartialDate::ymd(y, m, d)?, true))
        }
    }
}

fn month_only(y: Option<i32>, m: u8, reference: Option<&PartialDate>) -> Option<(PartialDate, bool)> {
    match y {
        Some(y) => Some((PartialDate::ym(y, m)?, false)),
        None => {
            let y = nearest_year(m, None, reference?)?;
            Some((PartialDate::ym(y, m)?, true))
        }
    }
}

fn found(len: usize, (value, relative): (PartialDate, bool), end_value: Option<PartialDate>) -> Option<Found> {
    Some(Found { len, value, end_value, relative, past: false, future: false, ahead: None })
}

/// Try every date shape at the cursor; the first that fits wins.
fn match_at(c: &Cursor<'_>, lt: &LangTime, reference: Option<&PartialDate>) -> Option<Found> {
    // ISO 2024-07-25
    if let (Some((y, 4)), true, Some((m, md)), true, Some((d, dd))) =
        (c.num(0), c.sym(1, &['-']), c.num(2), c.sym(3, &['-']), c.num(4))
    {
        if let (Some(y), Some(m), Some(d)) = (year_of(y, 4), month_ok(m, md), day_ok(d, dd)) {
            return found(5, (PartialDate::ymd(y, m, d)?, false), None);
        }
    }
    // CJK and Korean: [era N | YYYY] 年 [M 月 [D 日]] | M 月 D 日
    {
        let mut j = 0;
        let mut year = None;
        if let (Some(Lex::Era(start)), Some((n, _)), Some(Kind::Cjk('y'))) = (c.word(0), c.num(1), c.kind(2)) {
            year = Some(start + n as i32 - 1);
            j = 3;
        } else if let (Some((y, 4)), Some(Kind::Cjk('y'))) = (c.num(0), c.kind(1)) {
            year = year_of(y, 4);
            j = 2;
        }
        if let (Some((m, md)), Some(Kind::Cjk('m'))) = (c.num(j), c.kind(j + 1)) {
            if let Some(m) = month_ok(m, md) {
                if let (Some((d, dd)), Some(Kind::Cjk('d'))) = (c.num(j + 2), c.kind(j + 3)) {
                    if let Some(d) = day_ok(d, dd) {
                        return found(j + 4, full(year, m, d, reference)?, None);
                    }
                }
                return found(j + 2, month_only(year, m, reference)?, None);
            }
        }
        if let Some(y) = year {
            if j > 0 {
                return found(j, (PartialDate::y(y), false), None);
            }
        }
    }
    // CJK and Korean: a bare day "7日", "7일" is that day of the month of publication (of
    // the month before when the day is later), as news writes it ("王毅7日同…通电话");
    // never a length of time or an offset ("3日間", "7일간", "10日前", "10일 만에": the
    // pack's `not_a_day_after` words)
    if let (Some((d, dd)), Some(Kind::Cjk('d')), Some(r)) = (c.num(0), c.kind(1), reference) {
        if let (Some(d), Some(rm), Some(rd)) = (day_ok(d, dd), r.month, r.day) {
            let after = c.t.get(c.i + 1).and_then(|t| c.key.get(t.end..)).unwrap_or("").trim_start();
            if !lt.not_a_day_after.iter().any(|w| after.starts_with(w.as_str())) {
                let (y, m) = if d <= rd {
                    (r.year, rm)
                } else if rm == 1 {
                    (r.year - 1, 12)
                } else {
                    (r.year, rm - 1)
                };
                // a plan's later day is this month's ("21日に訪問する予定", published on the 20th)
                let ahead = if d > rd { PartialDate::ymd(r.year, rm, d) } else { None };
                if let Some(date) = PartialDate::ymd(y, m, d) {
                    return Some(Found { ahead, ..found(2, (date, true), None)? });
                }
            }
        }
    }
    // Vietnamese: [ngày] D tháng M [năm Y]
    if let (Some((d, dd)), Some(Lex::MonthWord), Some((m, md))) = (c.num(0), c.word(1), c.num(2)) {
        if let (Some(d), Some(m)) = (day_ok(d, dd), month_ok(m, md)) {
            if let (Some(Lex::YearWord), Some((y, yd))) = (c.word(3), c.num(4)) {
                return found(5, full(year_of(y, yd), m, d, reference)?, None);
            }
            return found(3, full(None, m, d, reference)?, None);
        }
    }
    // Vietnamese: tháng M[/Y | năm Y]
    if let (Some(Lex::MonthWord), Some((m, md))) = (c.word(0), c.num(1)) {
        if let Some(m) = month_ok(m, md) {
            if c.sym(2, &['/', '-']) {
                if let Some((y, yd)) = c.num(3) {
                    if let Some(y) = year_of(y, yd).filter(|_| yd == 4) {
                        return found(4, (PartialDate::ym(y, m)?, false), None);
                    }
                }
            }
            if let (Some(Lex::YearWord), Some((y, 4))) = (c.word(2), c.num(3)) {
                return found(4, (PartialDate::ym(year_of(y, 4)?, m)?, false), None);
            }
            return found(2, month_only(None, m, reference)?, None);
        }
    }
    // numeric ranges: D1-D2/M[/Y], D1 đến D2/M/Y, D1 và D2/M
    if let (Some((d1, dd1)), Some((d2, dd2)), true, Some((m, md))) =
        (c.num(0), c.num(2), c.sym(3, &['/', '.']), c.num(4))
    {
        let joined = c.sym(1, &['-']) || matches!(c.word(1), Some(Lex::Range));
        if let (true, Some(d1), Some(d2), Some(m)) = (joined, day_ok(d1, dd1), day_ok(d2, dd2), month_ok(m, md)) {
            let mut len = 5;
            let mut year = None;
            if c.sym(5, &['/', '.']) {
                if let Some((y, yd)) = c.num(6) {
                    year = year_of(y, yd);
                    len = 7;
                }
            }
            if d1 < d2 {
                let (first, rel) = full(year, m, d1, reference)?;
                let last = PartialDate::ymd(first.year, m, d2);
                return found(len, (first, rel), last);
            }
        }
    }
    // D-M[-Y] right after a day word ("ngày 14-10", "sáng 14-10-2025"): Vietnamese papers write
    // dates with hyphens; elsewhere "3-1" is a score or a range, so the day word is required
    let after_day_word = c.i > 0 && matches!(c.t.get(c.i - 1).map(|t| t.kind), Some(Kind::Word(Lex::DayWord)));
    // ... and not a range of days before a month ("วันที่ 10-12 ตุลาคม", "ngày 10-12 tháng 10")
    let month_follows = c.month(3).is_some() || matches!(c.word(3), Some(Lex::MonthWord | Lex::MonthPrefix));
    if let (true, false, Some((d, dd)), true, Some((m, md))) =
        (after_day_word, month_follows, c.num(0), c.sym(1, &['-']), c.num(2))
    {
        if let (Some(d), Some(m)) = (day_ok(d, dd), month_ok(m, md)) {
            if let (true, Some((y, 4))) = (c.sym(3, &['-']), c.num(4)) {
                return found(5, full(year_of(y, 4), m, d, reference)?, None);
            }
            return found(3, full(None, m, d, reference)?, None);
        }
    }
    // numeric: D/M[/Y], D.M.Y (day first unless the pack says otherwise)
    if let (Some((a, ad)), true, Some((b, bd))) = (c.num(0), c.sym(1, &['/', '.']), c.num(2)) {
        let dot = c.sym(1, &['.']);
        let mut year = None;
        let mut len = 3;
        if c.sym(3, &['/', '.']) && c.sym(3, &[if dot { '.' } else { '/' }]) {
            if let Some((y, yd)) = c.num(4) {
                year = year_of(y, yd).filter(|_| yd == 4 || yd == 2);
                if year.is_some() {
                    len = 5;
                }
            }
        }
        // "1.1 million" and "10.5%" are not dates: a dotted date needs its year
        if !(dot && year.is_none()) && (ad <= 2 && bd <= 2) {
            let (d, m) = if lt.day_first || a > 12 { (a, b) } else { (b, a) };
            let (d, m) = if m > 12 && d <= 12 { (m, d) } else { (d, m) };
            if let (Some(d), Some(m)) = (day_ok(d, 2), month_ok(m, 2)) {
                // without a year, only where a date is plausible: not "50/50", not "1/2 of"
                if year.is_some() || reference.is_some() {
                    return found(len, full(year, m, d, reference)?, None);
                }
            }
        }
    }
    // D[.] [de] Month [de] [Y] and D1-D2 Month, D Month - D Month
    if let Some((d, dd)) = c.num(0) {
        let mut j = 1;
        let mut d2 = None;
        if (c.sym(1, &['-']) || matches!(c.word(1), Some(Lex::Range))) && c.num(2).is_some() {
            d2 = c.num(2).and_then(|(v, vd)| day_ok(v, vd));
            j = 3;
        }
        if c.sym(j, &['.']) {
            j += 1;
        }
        if c.skip_word(j) {
            j += 1;
        }
        if let (Some(d), Some(m)) = (day_ok(d, dd), c.month(j)) {
            j += 1;
            let save = j;
            if c.skip_word(j) {
                j += 1;
            }
            if c.sym(j, &[',']) {
                j += 1;
            }
            let mut year = None;
            if let Some((y, yd)) = c.num(j) {
                if yd == 4 {
                    year = year_of(y, yd);
                    j += 1;
                }
            } else if matches!(c.word(j), Some(Lex::BuddhistEra)) {
                if let Some((y, 4)) = c.num(j + 1) {
                    year = Some(y as i32 - 543);
                    j += 2;
                }
            }
            if year.is_none() {
                j = save;
            }
            let (first, rel) = full(year, m, d, reference)?;
            let last = d2.filter(|x| *x > d).and_then(|x| PartialDate::ymd(first.year, m, x));
            return found(j, (first, rel), last);
        }
    }
    // Month D[, Y] and Month D-D2; Month [de] Y; Last/Next Month; prefix Month
    let (lead, past, next) = match c.word(0) {
        Some(Lex::Last) => (1, true, false),
        Some(Lex::Next) => (1, false, true),
        Some(Lex::MonthPrefix) => (1, false, false),
        _ => (0, false, false),
    };
    if let Some(m) = c.month(lead) {
        let j = lead + 1;
        // (after a prefix too: "from May 17 to 22", "in May 17-22" is rare but harmless)
        if !past && !next {
            if let Some((d, dd)) = c.num(j) {
                if let Some(d) = day_ok(d, dd) {
                    let mut k = j + 1;
                    let mut d2 = None;
                    if c.sym(k, &['-']) {
                        if let Some((x, xd)) = c.num(k + 1) {
                            d2 = day_ok(x, xd);
                            k += 2;
                        }
                    }
                    let mut year = None;
                    let comma = usize::from(c.sym(k, &[',']));
                    if let Some((y, 4)) = c.num(k + comma) {
                        year = year_of(y, 4);
                        k += comma + 1;
                    }
                    let (first, rel) = full(year, m, d, reference)?;
                    let last = d2.filter(|x| *x > d).and_then(|x| PartialDate::ymd(first.year, m, x));
                    return found(k, (first, rel), last);
                }
            }
        }
        let skip = usize::from(c.skip_word(j) || c.sym(j, &[',']));
        if let Some((y, 4)) = c.num(j + skip) {
            return found(j + skip + 1, (PartialDate::ym(year_of(y, 4)?, m)?, false), None);
        }
        let r = reference?;
        if past || next {
            let rm = r.month?;
            let back = (i32::from(rm) - i32::from(m)).rem_euclid(12);
            let back = if back == 0 { 12 } else { back };
            let fwd = (i32::from(m) - i32::from(rm)).rem_euclid(12);
            let fwd = if fwd == 0 { 12 } else { fwd };
            let v = if past { r.add_months(-back) } else { r.add_months(fwd) };
            return Some(Found::relative(j, v, past, next, None));
        }
        // a month name that carries its own marker ("tháng Bảy") needs no prefix
        let self_marked = lead == 0 && c.t.get(c.i).is_some_and(|t| c.key[t.start..t.end].contains(' '));
        if lead == 1 || self_marked {
            return found(j, month_only(None, m, Some(r))?, None);
        }
    }
    // prefix or year word + year: "in 2019", "năm 2019", "i 2019"
    if let (Some(Lex::MonthPrefix | Lex::YearWord), Some((y, 4))) = (c.word(0), c.num(1)) {
        if let Some(y) = year_of(y, 4) {
            return found(2, (PartialDate::y(y), false), None);
        }
    }
    if let (Some(Lex::BuddhistEra), Some((y, 4))) = (c.word(0), c.num(1)) {
        return found(2, (PartialDate::y(y as i32 - 543), false), None);
    }
    // weekdays: the most recent such day on or before the reference (after for "next"); a
    // week named next to it is that week's day ("先週金曜日", "Montag vergangener Woche")
    let (lead, next, week_before) = match (c.word(0), c.word(1)) {
        (Some(Lex::RelWeek(n)), Some(Lex::Weekday(_))) => (1, false, Some(n)),
        (Some(Lex::Last), _) => (1, false, None),
        (Some(Lex::Next), _) => (1, true, None),
        _ => (0, false, None),
    };
    if let Some(Lex::Weekday(w)) = c.word(lead) {
        // "Kamis (27/3)", "Thursday, 27 March": the date written next to the weekday dates it
        let bracket = usize::from(c.sym(lead + 1, &['(', '（', ',']));
        if bracket == 1 && week_before.is_none() {
            let at = Cursor { t: c.t, i: c.i + lead + 2, key: c.key };
            if match_at(&at, lt, reference).is_some_and(|f| f.ahead.is_none() && f.value.day.is_some()) {
                return None;
            }
        }
        let r = reference?;
        let week_after = match (c.word(lead + 1), c.word(lead + 2)) {
            (Some(Lex::RelWeek(n)), _) => Some((n, 1)),
            (Some(Lex::Skip), Some(Lex::RelWeek(n))) => Some((n, 2)),
            _ => None,
        };
        if let (Some(rw), Some((n, extra))) = (r.weekday(), week_before.map(|n| (n, 0)).or(week_after)) {
            let value = r.add_days(7 * i64::from(n) + i64::from(w) - i64::from(rw));
            return Some(Found::relative(lead + 1 + extra, value, n < 0, n > 0, None));
        }
        let Some(rw) = r.weekday() else {
            // a month-precise reference ("published 2023-12") dates the weekday to its month
            return r.month.map(|_| Found::relative(lead + 1, r.clone(), false, false, None));
        };
        let fwd = (i64::from(w) - i64::from(rw)).rem_euclid(7);
        let coming = r.add_days(if fwd == 0 && next { 7 } else { fwd });
        let v = if next {
            coming.clone()
        } else {
            let back = (i64::from(rw) - i64::from(w)).rem_euclid(7);
            let back = if back == 0 && lead == 1 { 7 } else { back };
            r.add_days(-back)
        };
        let ahead = (lead == 0).then_some(coming);
        return Some(Found::relative(lead + 1, v, false, false, ahead));
    }
    // "지난달 5일", "先月5日", "上月5日": a day of the month named relative to publication
    if let (Some(Lex::RelMonth(n)), Some((d, dd)), Some(Kind::Cjk('d')), Some(r)) =
        (c.word(0), c.num(1), c.kind(2), reference)
    {
        if let (Some(d), Some(_)) = (day_ok(d, dd), r.month) {
            let month = r.add_months(n);
            if let Some(value) = month.month.and_then(|m| PartialDate::ymd(month.year, m, d)) {
                return Some(Found::relative(3, value, n < 0, n > 0, None));
            }
        }
    }
    // relative words
    let r = reference?;
    let (value, past, future) = match c.word(0)? {
        Lex::RelDay(n) if r.day.is_some() => (r.add_days(i64::from(n)), false, n > 0),
        Lex::NarrDay(n) if r.day.is_some() => (r.add_days(i64::from(n)), false, false),
        Lex::RelWeek(n) if r.day.is_some() => {
            let d = r.add_days(7 * i64::from(n));
            (PartialDate::ym(d.year, d.month?)?, n < 0, n > 0)
        }
        Lex::RelMonth(n) if r.month.is_some() => (r.add_months(n), n < 0, n > 0),
        Lex::RelYear(n) => (PartialDate::y(r.year + n), n < 0, n > 0),
        _ => return None,
    };
    Some(Found::relative(1, value, past, future, None))
}

pub(crate) fn find(norm: &attache_text::Normalized, lt: &LangTime, reference: Option<&PartialDate>) -> Vec<TimeExpr> {
    find_with_hits(norm, lt, reference, None)
}

/// [`find`] with the time phrases' matches already found (`None`: found here).
pub(crate) fn find_with_hits(
    norm: &attache_text::Normalized,
    lt: &LangTime,
    reference: Option<&PartialDate>,
    hits: Option<&[(usize, u32)]>,
) -> Vec<TimeExpr> {
    let toks = tokenize(&norm.key, lt, hits);
    let mut out = Vec::new();
    // each expression's token range, to join a month to a relative year next to it
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let interesting = matches!(toks[i].kind, Kind::Num(..) | Kind::Word(_));
        if interesting {
            let c = Cursor { t: &toks, i, key: norm.key.as_str() };
            if let Some(mut f) = match_at(&c, lt, reference) {
                let mut len = f.len.max(1);
                // a date written without its year and read as past ("on 4 August", published in
                // March: last August) is, for a plan, the coming one
                let relative_word = toks[i..(i + len).min(toks.len())].iter().any(
                    |t| matches!(t.kind, Kind::Word(w) if w.counts_from_a_day() || matches!(w, Lex::Last | Lex::Next)),
                );
                if f.relative && f.ahead.is_none() && f.end_value.is_none() && !f.past && !f.future && !relative_word {
                    if let Some(r) = reference.filter(|r| r.month.is_some()) {
                        // (not a recent day: "3月3日" published on 4 March is this year's)
                        if r.first_day() - f.value.first_day() > PLAN_AHEAD_MIN_DAYS {
                            f.ahead = match (f.value.month, f.value.day) {
                                (Some(m), Some(d)) => PartialDate::ymd(f.value.year + 1, m, d),
                                (Some(m), None) => PartialDate::ym(f.value.year + 1, m),
                                _ => None,
                            };
                        }
                    }
                }
                // "30 July to 2 August 2024", "từ 30/7 đến ngày 2/8/2024": two days joined by a
                // range word are one range; the second lends the first its year
                if f.value.day.is_some() && f.end_value.is_none() {
                    let mut j = i + len;
                    let mut joined = false;
                    while let Some(Kind::Word(w @ (Lex::Range | Lex::DayWord | Lex::Skip | Lex::MonthPrefix))) =
                        toks.get(j).map(|t| t.kind)
                    {
                        // "til", "until": prefixes of a month that also join a range
                        joined |= matches!(w, Lex::Range | Lex::MonthPrefix);
                        j += 1;
                    }
                    let c2 = Cursor { t: &toks, i: j, key: norm.key.as_str() };
                    // "25日から27日": a bare day after the range word keeps the first's month
                    // ... and so does one that ends the phrase in any script ("from May 17 to
                    // 22.", "May 17-22, 2026"; not "to 22 people": a word of no time follows)
                    let bare_day = || {
                        let (d, digits) = c2.num(0)?;
                        let day = day_ok(d, digits)?;
                        let phrase_ends = || {
                            let end = toks.get(j).map_or(0, |t| t.end);
                            let rest = norm.key.get(end..).unwrap_or("").trim_start();
                            rest.is_empty() || rest.starts_with([',', '.', ';', ':', ')'])
                        };
                        let later_day = f.value.day.is_some_and(|first| day > first);
                        let no_time_word_after = !matches!(c2.kind(1), Some(Kind::Word(_)));
                        let cjk_day = matches!(c2.kind(1), Some(Kind::Cjk('d')));
                        (cjk_day || (later_day && no_time_word_after && phrase_ends())).then_some(())?;
                        let value = PartialDate::ymd(f.value.year, f.value.month?, day)?;
                        Some(Found {
                            len: if cjk_day { 2 } else { 1 },
                            value,
                            end_value: None,
                            relative: f.relative,
                            past: false,
                            future: false,
                            ahead: None,
                        })
                    };
                    if let Some(g) = joined.then(|| bare_day().or_else(|| match_at(&c2, lt, reference))).flatten() {
                        let second = g.end_value.clone().unwrap_or_else(|| g.value.clone());
                        let first = match (f.relative && !g.relative, f.value.month, f.value.day) {
                            (true, Some(m), Some(d)) => {
                                let y = if m > second.month.unwrap_or(12) { second.year - 1 } else { second.year };
                                PartialDate::ymd(y, m, d).unwrap_or_else(|| f.value.clone())
                            }
                            _ => f.value.clone(),
                        };
                        let span = second.first_day() - first.first_day();
                        if second.day.is_some() && (1..=31).contains(&span) {
                            f.value = first;
                            f.end_value = Some(second);
                            f.relative = f.relative && g.relative;
                            len = j - i + g.len.max(1);
                        }
                    }
                }
                // a weekday in brackets after the date belongs to it: "4月10日(日曜日)"
                if let (Some(Kind::Sym('(' | '（')), Some(Kind::Word(Lex::Weekday(_))), Some(Kind::Sym(')' | '）'))) = (
                    toks.get(i + len).map(|t| t.kind),
                    toks.get(i + len + 1).map(|t| t.kind),
                    toks.get(i + len + 2).map(|t| t.kind),
                ) {
                    len += 3;
                }
                let last = &toks[(i + len - 1).min(toks.len() - 1)];
                let (start, _) = norm.original_range(toks[i].start, toks[i].start);
                let (_, end) = norm.original_range(last.start, last.end);
                let precision = f.value.precision();
                out.push(TimeExpr {
                    start,
                    end: end.max(start),
                    value: f.value,
                    end_value: f.end_value,
                    precision,
                    relative: f.relative,
                    past_marker: f.past,
                    future_marker: f.future,
                    ahead: f.ahead,
                    narrative_days: match toks[i].kind {
                        Kind::Word(Lex::NarrDay(n)) => Some(n),
                        _ => None,
                    },
                });
                spans.push((i, i + len));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    join_relative_years(out, spans, &toks)
}

/// "昨年4月", "December last year", "tháng 12 năm ngoái": a month or day written without its
/// year, next to a relative year (nothing, a comma or a joining word between), takes that
/// year and becomes one expression.
fn join_relative_years(mut out: Vec<TimeExpr>, mut spans: Vec<(usize, usize)>, toks: &[Tok]) -> Vec<TimeExpr> {
    let without_year =
        |t: &TimeExpr| t.relative && t.end_value.is_none() && t.precision != Precision::Year && t.value.month.is_some();
    let relative_year = |t: &TimeExpr| t.relative && t.precision == Precision::Year && t.end_value.is_none();
    let mut k = 0;
    while k + 1 < out.len() && k + 1 < spans.len() {
        let (a_end, b_start) = (spans[k].1, spans[k + 1].0);
        let adjacent = b_start == a_end
            || (b_start == a_end + 1
                && matches!(toks.get(a_end).map(|t| t.kind), Some(Kind::Sym(',') | Kind::Word(Lex::Skip))));
        let pair = if !adjacent {
            None
        } else if without_year(&out[k]) && relative_year(&out[k + 1]) {
            Some((k, k + 1))
        } else if relative_year(&out[k]) && without_year(&out[k + 1]) {
            Some((k + 1, k))
        } else {
            None
        };
        let joined = pair.and_then(|(m, y)| {
            let year = out[y].value.year;
            let month = out[m].value.month?;
            let value = match out[m].value.day {
                Some(day) => PartialDate::ymd(year, month, day)?,
                None => PartialDate::ym(year, month)?,
            };
            Some(TimeExpr {
                start: out[k].start.min(out[k + 1].start),
                end: out[k].end.max(out[k + 1].end),
                precision: value.precision(),
                value,
                end_value: None,
                relative: true,
                past_marker: out[k].past_marker || out[k + 1].past_marker,
                future_marker: out[k].future_marker || out[k + 1].future_marker,
                ahead: None,
                narrative_days: None,
            })
        });
        if let Some(t) = joined {
            out[k] = t;
            out.remove(k + 1);
            spans[k].1 = spans[k + 1].1;
            spans.remove(k + 1);
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_alphanumeric_agrees_with_unicode() {
        for c in (0..0x2_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{:04X}", u32::from(c));
        }
    }
}
