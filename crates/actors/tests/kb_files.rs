//! The knowledge-base files as data: every register row well-formed and dated sensibly,
//! every state code real, no written form shared by two people, and the register large
//! enough to cover the states the project promises (60+, 2000 to today).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn valid_date(s: &str) -> bool {
    let p: Vec<&str> = s.split('-').collect();
    p.len() == 3
        && p[0].len() == 4
        && p.iter().all(|x| x.chars().all(|c| c.is_ascii_digit()))
        && matches!(p[1].parse::<u32>(), Ok(1..=12))
        && matches!(p[2].parse::<u32>(), Ok(1..=31))
}

#[test]
fn people_registers_are_well_formed() {
    let countries: BTreeSet<String> = std::fs::read_to_string(repo().join("data/kb/countries.tsv"))
        .expect("countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .collect();
    let mut files = vec![repo().join("data/kb/people.tsv")];
    let mut regional: Vec<PathBuf> = std::fs::read_dir(repo().join("data/kb/people"))
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "tsv")).collect())
        .unwrap_or_default();
    regional.sort();
    files.extend(regional);
    let roles = [
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "party_leader",
        "secretary_general",
        "spokesperson",
    ];
    let mut problems = Vec::new();
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    let mut states_with_heads: BTreeSet<String> = BTreeSet::new();
    let mut rows = 0usize;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable register");
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            rows += 1;
            let at = format!("{}:{}", file.display(), n + 1);
            let f: Vec<&str> = line.split('\t').collect();
            if !(5..=6).contains(&f.len()) {
                problems.push(format!("{at}: {} fields", f.len()));
                continue;
            }
            if !(f[0].starts_with("IGO:") || countries.contains(f[0])) {
                problems.push(format!("{at}: unknown state {}", f[0]));
            }
            if !roles.contains(&f[1]) {
                problems.push(format!("{at}: unknown role {}", f[1]));
            }
            if !valid_date(f[2]) || !(f[3].is_empty() || valid_date(f[3])) {
                problems.push(format!("{at}: bad dates {} {}", f[2], f[3]));
            } else if !f[3].is_empty() && f[3] < f[2] {
                problems.push(format!("{at}: ends before it starts"));
            }
            if f[1] == "head_of_state" || f[1] == "head_of_government" {
                states_with_heads.insert(f[0].to_string());
            }
            let names =
                std::iter::once(f[4]).chain(f.get(5).copied().unwrap_or("").split('|').filter(|v| !v.is_empty()));
            for v in names {
                let previous = owner.entry(v.to_lowercase()).or_insert_with(|| f[4].to_string());
                if previous != f[4] {
                    problems.push(format!("{at}: `{v}` names both {previous} and {}", f[4]));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let states = states_with_heads.iter().filter(|s| !s.starts_with("IGO:")).count();
    eprintln!("{rows} register rows; {states} states with heads of state or government");
    assert!(states >= 60, "only {states} states have heads of state or government");
}
