//! CAMEO 1.1b3 event codes with their names, GDELT Goldstein weights, quad classes and
//! PLOVER event/mode/context, from the project's table `data/ontology/cameo.tsv`
//! (regenerate with `python3 scripts/gen_ontology.py`).

use std::collections::HashMap;
use std::sync::OnceLock;

use attache_model::Plover;

const TABLE: &str = include_str!("../../../data/ontology/cameo.tsv");

/// Everything the ontology knows about one CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code itself, 2–4 digits.
    pub code: &'static str,
    /// CAMEO name.
    pub name: &'static str,
    /// GDELT Goldstein weight, −10..+10.
    pub goldstein: f64,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad: u8,
    /// PLOVER event category.
    pub plover_event: &'static str,
    /// PLOVER mode.
    pub plover_mode: &'static str,
    /// PLOVER context.
    pub plover_context: &'static str,
}

impl CameoCode {
    /// The CAMEO root: the first two digits.
    pub fn root(&self) -> &'static str {
        &self.code[..2]
    }

    /// The PLOVER triple as an output record.
    pub fn plover(&self) -> Plover {
        Plover {
            event: self.plover_event.to_string(),
            mode: self.plover_mode.to_string(),
            context: self.plover_context.to_string(),
        }
    }
}

fn parse_table() -> Vec<CameoCode> {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 7 {
                return None;
            }
            Some(CameoCode {
                code: f[0],
                name: f[1],
                goldstein: f[2].parse().ok()?,
                quad: f[3].parse().ok()?,
                plover_event: f[4],
                plover_mode: f[5],
                plover_context: f[6],
            })
        })
        .collect()
}

fn index() -> &'static HashMap<&'static str, CameoCode> {
    static INDEX: OnceLock<HashMap<&'static str, CameoCode>> = OnceLock::new();
    INDEX.get_or_init(|| parse_table().into_iter().map(|c| (c.code, c)).collect())
}

/// Look up a CAMEO code ("042", "0311"); `None` when CAMEO has no such code.
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    index().get(code)
}

/// Every code in the ontology, in code order.
pub fn all_codes() -> Vec<&'static CameoCode> {
    let mut v: Vec<_> = index().values().collect();
    v.sort_by_key(|c| c.code);
    v
}

/// The scorer's root for a code: its first two digits, except that 018 is its own root.
pub fn scoring_root(code: &str) -> &str {
    if code.starts_with("018") {
        "018"
    } else {
        code.get(..2).unwrap_or(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_samples() {
        let visit = lookup("042").unwrap();
        assert_eq!(visit.goldstein, 1.9);
        assert_eq!(visit.quad, 1);
        assert_eq!(visit.plover_event, "CONSULT");
        assert_eq!(visit.plover_mode, "visit");
        assert_eq!(lookup("057").unwrap().goldstein, 8.0);
        let force = lookup("190").unwrap();
        assert_eq!(force.goldstein, -10.0);
        assert_eq!(force.quad, 4);
        assert_eq!(force.plover_event, "ASSAULT");
        assert_eq!(lookup("073").unwrap().plover_event, "AID");
    }

    #[test]
    fn covers_all_cameo_codes() {
        let codes = all_codes();
        assert!(codes.len() >= 300, "only {} codes", codes.len());
        for c in codes {
            assert!(!c.name.is_empty(), "{} has no name", c.code);
            assert!((1..=4).contains(&c.quad));
            assert!((-10.0..=10.0).contains(&c.goldstein));
            if !c.code.starts_with("01") {
                assert!(!c.plover_event.is_empty(), "{} has no PLOVER event", c.code);
            }
        }
        assert!(lookup("999").is_none());
    }

    #[test]
    fn scoring_root_keeps_condolences_apart() {
        assert_eq!(scoring_root("0182"), "018");
        assert_eq!(scoring_root("042"), "04");
    }
}
