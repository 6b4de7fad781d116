//! Partial dates and the civil-calendar arithmetic they need.

use std::fmt;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// A date known to the year, month or day.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year (Gregorian).
    pub year: i32,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known.
    pub day: Option<u8>,
}

/// True for Gregorian leap years.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

impl PartialDate {
    /// A full date, if it exists in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A month of a year.
    pub fn ym(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None })
    }

    /// A year.
    pub fn y(year: i32) -> Self {
        Self { year, month: None, day: None }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.trim().split('-');
        let year: i32 = it.next()?.parse().ok()?;
        match (it.next(), it.next(), it.next()) {
            (None, _, _) => Some(Self::y(year)),
            (Some(m), None, _) => Self::ym(year, m.parse().ok()?),
            (Some(m), Some(d), None) => Self::ymd(year, m.parse().ok()?, d.parse().ok()?),
            _ => None,
        }
    }

    /// The precision of the date.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Day count of the first day the date covers.
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The date `n` days later (needs a full date; a partial date is returned unchanged).
    pub fn add_days(&self, n: i64) -> Self {
        if self.day.is_none() {
            return self.clone();
        }
        let (y, m, d) = civil_from_days(self.first_day() + n);
        Self { year: y, month: Some(m), day: Some(d) }
    }

    /// The month `n` months later (precision month).
    pub fn add_months(&self, n: i32) -> Self {
        let m0 = self.year * 12 + i32::from(self.month.unwrap_or(1)) - 1 + n;
        Self { year: m0.div_euclid(12), month: Some((m0.rem_euclid(12) + 1) as u8), day: None }
    }

    /// Weekday, 1 = Monday ... 7 = Sunday (full dates only).
    pub fn weekday(&self) -> Option<u8> {
        self.day?;
        Some(((self.first_day() + 3).rem_euclid(7) + 1) as u8)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // dates are formatted for every event: the usual shape is written by hand, as
        // padded `write!` costs ten times as much
        let small = |v: Option<u8>| v.is_none_or(|v| v < 100);
        if (0..=9999).contains(&self.year) && small(self.month) && small(self.day) {
            let mut buf = [0u8; 10];
            let mut put = |at: usize, v: u32, width: u32| {
                for k in 0..width {
                    buf[at + k as usize] = b'0' + (v / 10u32.pow(width - 1 - k) % 10) as u8;
                }
            };
            put(0, self.year.unsigned_abs(), 4);
            let mut len = 4;
            for part in [self.month, self.month.and(self.day)].into_iter().flatten() {
                put(len + 1, u32::from(part), 2);
                len += 3;
            }
            for dash in (4..len).step_by(3) {
                buf[dash] = b'-';
            }
            return f.write_str(std::str::from_utf8(&buf[..len]).unwrap_or_default());
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_padded_write() {
        let dates = [
            PartialDate { year: 2024, month: Some(3), day: Some(7) },
            PartialDate { year: 987, month: Some(12), day: None },
            PartialDate { year: 2026, month: None, day: Some(5) },
            PartialDate { year: -44, month: Some(3), day: Some(15) },
            PartialDate { year: 12345, month: Some(1), day: Some(1) },
            PartialDate { year: 2024, month: Some(200), day: Some(1) },
        ];
        for d in dates {
            let mut slow = format!("{:04}", d.year);
            if let Some(m) = d.month {
                slow += &format!("-{m:02}");
                if let Some(day) = d.day {
                    slow += &format!("-{day:02}");
                }
            }
            assert_eq!(d.to_string(), slow, "{d:?}");
        }
    }

    #[test]
    fn calendar_arithmetic() {
        assert!(PartialDate::ymd(2024, 2, 29).is_some());
        assert!(PartialDate::ymd(2023, 2, 29).is_none());
        assert!(PartialDate::ymd(1900, 2, 29).is_none());
        assert!(PartialDate::ymd(2000, 2, 29).is_some());
        let d = PartialDate::ymd(2024, 12, 31).unwrap();
        assert_eq!(d.add_days(1).to_string(), "2025-01-01");
        assert_eq!(PartialDate::ymd(2024, 3, 1).unwrap().add_days(-1).to_string(), "2024-02-29");
        assert_eq!(PartialDate::ym(2024, 1).unwrap().add_months(-1).to_string(), "2023-12");
        // 2024-07-25 was a Thursday
        assert_eq!(PartialDate::ymd(2024, 7, 25).unwrap().weekday(), Some(4));
        assert_eq!(PartialDate::parse("2024-07").unwrap().precision(), Precision::Month);
        assert_eq!(PartialDate::parse("2024-13"), None);
    }
}
