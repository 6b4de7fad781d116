//! Temporary stand-in for attache-time while it is written (same API, no expressions).
#![allow(dead_code)]
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}
impl PartialDate {
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.split('-');
        let year = it.next()?.parse().ok()?;
        let month = it.next().and_then(|m| m.parse().ok());
        let day = it.next().and_then(|d| d.parse().ok());
        Some(Self { year, month, day })
    }
}
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}
#[derive(Debug, Clone)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub value: PartialDate,
    pub end_value: Option<PartialDate>,
    pub precision: Precision,
    pub relative: bool,
    pub past_marker: bool,
}
pub struct TimeParser;
impl TimeParser {
    pub fn load(_: &attache_langdata::DataSource) -> Result<Self, std::convert::Infallible> {
        Ok(Self)
    }
    pub fn find(&self, _: &str, _: &str, _: Option<&PartialDate>) -> Vec<TimeExpr> {
        Vec::new()
    }
    pub fn infer_document_date(&self, _: &str, _: &str) -> Option<PartialDate> {
        None
    }
}
