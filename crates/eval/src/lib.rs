//! Scoring of coded events against gold annotations, as the annotation guideline's §7
//! defines it: per document, keys of (unordered actor pair, CAMEO root), with 018 its own
//! root and other 01x ignored; precision, recall and F1 micro-averaged overall and per
//! language; direction, 3-digit code and date agreement on matched gold records.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::Value;

/// Errors reading gold or predictions.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A line is not JSON.
    #[error("{what}:{line}: not JSON: {message}")]
    Json {
        /// Which input.
        what: String,
        /// 1-based line.
        line: usize,
        /// Parser message.
        message: String,
    },
}

type Key = (String, String, String);

fn root_of(code: &str) -> String {
    let code = code.trim();
    if code.starts_with("018") {
        "018".into()
    } else {
        code.chars().take(2).collect()
    }
}

fn countries(side: Option<&Value>) -> Vec<String> {
    let list = match side {
        None | Some(Value::Null) => return vec![],
        Some(Value::String(s)) => return vec![s.clone()],
        Some(Value::Object(_)) => vec![side.cloned().unwrap_or(Value::Null)],
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return vec![],
    };
    list.iter()
        .filter_map(|a| match a {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o
                .get("country")
                .or_else(|| o.get("code"))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            _ => None,
        })
        .collect()
}

fn keys_of(srcs: &[String], tgts: &[String], codes: &[String]) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for s in srcs {
        for t in tgts {
            for c in codes {
                let r = root_of(c);
                if r == "01" {
                    continue;
                }
                let (a, b) = if s <= t { (s.clone(), t.clone()) } else { (t.clone(), s.clone()) };
                out.insert((a, b, r));
            }
        }
    }
    out
}

fn date_of(d: Option<&Value>) -> Option<String> {
    match d? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Object(o) => ["value", "start", "date"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
            .map(str::to_string),
        _ => None,
    }
}

/// Scores for one scope (all documents, or one language).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Documents in scope.
    pub docs: usize,
    /// Non-background gold units.
    pub gold: usize,
    /// Engine keys counted (those not matching a background-only gold key).
    pub pred: usize,
    /// Share of counted engine keys that match gold.
    pub precision: Option<f64>,
    /// Share of gold units found.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Share of matched gold records whose direction the engine got right.
    pub direction: Option<f64>,
    /// Share of matched gold records whose 3-digit code the engine got right.
    pub code3: Option<f64>,
    /// Share of dated matched gold records whose date the engine got right.
    pub date: Option<f64>,
    /// Engine keys that matched a background-only gold key.
    pub background_hits: usize,
}

#[derive(Default)]
struct Tally {
    pred: usize,
    pred_ok: usize,
    gold: usize,
    gold_found: usize,
    bg_hit: usize,
    docs: usize,
    matched: usize,
    dir_ok: usize,
    code_ok: usize,
    dated: usize,
    date_ok: usize,
}

/// The scorer's report: per scope ("all" and each language), plus error lines.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Scores by scope.
    pub scopes: BTreeMap<String, Scores>,
    /// `doc<TAB>FALSE|MISSED<TAB>key` lines, as the reference scorer prints them.
    pub errors: Vec<String>,
}

fn parse_lines(text: &str, what: &str) -> Result<Vec<Value>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v = serde_json::from_str(line).map_err(|e| EvalError::Json {
            what: what.to_string(),
            line: n + 1,
            message: e.to_string(),
        })?;
        out.push(v);
    }
    Ok(out)
}

fn codes_of(g: &Value) -> Vec<String> {
    let mut codes = vec![g.get("cameo").and_then(Value::as_str).unwrap_or("").to_string()];
    if let Some(Value::Array(alt)) = g.get("alt") {
        codes.extend(alt.iter().filter_map(Value::as_str).map(str::to_string));
    }
    codes
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| ((a as f64 / b as f64) * 10000.0).round() / 10000.0)
}

/// Score engine events (JSONL text) against gold documents (JSONL text).
pub fn score(gold_jsonl: &str, pred_jsonl: &str) -> Result<Report, EvalError> {
    let gold_docs = parse_lines(gold_jsonl, "gold")?;
    let preds_all = parse_lines(pred_jsonl, "pred")?;
    let mut preds: HashMap<String, Vec<Value>> = HashMap::new();
    for e in preds_all {
        if let Some(id) = e.get("doc_id").and_then(Value::as_str) {
            preds.entry(id.to_string()).or_default().push(e);
        }
    }
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut errors = Vec::new();
    let empty = Vec::new();
    for doc in &gold_docs {
        let doc_id = doc.get("id").and_then(Value::as_str).unwrap_or("").to_string();
        let lang = doc.get("lang").and_then(Value::as_str).unwrap_or("?").to_string();
        let events: &Vec<Value> = doc.get("events").and_then(Value::as_array).unwrap_or(&empty);
        let is_bg = |g: &Value| g.get("bg").and_then(Value::as_bool).unwrap_or(false);
        let gkeys = |g: &Value| {
            let s = g.get("src").and_then(Value::as_str).unwrap_or("").to_string();
            let t = g.get("tgt").and_then(Value::as_str).unwrap_or("").to_string();
            keys_of(&[s], &[t], &codes_of(g))
        };
        let mut fg = BTreeSet::new();
        let mut bg = BTreeSet::new();
        for g in events {
            let ks = gkeys(g);
            if is_bg(g) {
                bg.extend(ks);
            } else {
                fg.extend(ks);
            }
        }
        bg.retain(|k| !fg.contains(k));
        let gold_units: BTreeSet<BTreeSet<Key>> =
            events.iter().filter(|g| !is_bg(g)).map(gkeys).filter(|ks| !ks.is_empty()).collect();

        let mut pk: BTreeMap<Key, Vec<&Value>> = BTreeMap::new();
        for e in preds.get(&doc_id).unwrap_or(&empty) {
            let code = e.get("cameo").map(|c| match c {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            let ks = keys_of(&countries(e.get("source")), &countries(e.get("target")), &[code.unwrap_or_default()]);
            for k in ks {
                pk.entry(k).or_default().push(e);
            }
        }
        let pred_keys: BTreeSet<Key> = pk.keys().cloned().collect();
        let counted: BTreeSet<&Key> = pred_keys.iter().filter(|k| !bg.contains(*k)).collect();
        let tp = counted.iter().filter(|k| fg.contains(**k)).count();
        let found: Vec<&BTreeSet<Key>> =
            gold_units.iter().filter(|u| u.iter().any(|k| pred_keys.contains(k))).collect();
        for scope in ["all".to_string(), lang.clone()] {
            let t = tally.entry(scope).or_default();
            t.pred += counted.len();
            t.pred_ok += tp;
            t.gold += gold_units.len();
            t.gold_found += found.len();
            t.bg_hit += pred_keys.iter().filter(|k| bg.contains(*k)).count();
            t.docs += 1;
        }
        for g in events.iter().filter(|g| !is_bg(g)) {
            let codes = codes_of(g);
            let ks: Vec<Key> = gkeys(g).into_iter().filter(|k| pred_keys.contains(k)).collect();
            if ks.is_empty() {
                continue;
            }
            let es: Vec<&Value> = ks.iter().flat_map(|k| pk.get(k).cloned().unwrap_or_default()).collect();
            let src = g.get("src").and_then(Value::as_str).unwrap_or("");
            let tgt = g.get("tgt").and_then(Value::as_str).unwrap_or("");
            let sym = g.get("sym").and_then(Value::as_bool).unwrap_or(false);
            let pairs: BTreeSet<(String, String)> = es
                .iter()
                .flat_map(|e| {
                    let ss = countries(e.get("source"));
                    let ts = countries(e.get("target"));
                    ss.iter().flat_map(|s| ts.iter().map(|t| (s.clone(), t.clone()))).collect::<Vec<_>>()
                })
                .collect();
            let dir_ok = pairs.contains(&(src.to_string(), tgt.to_string()))
                || (sym && pairs.contains(&(tgt.to_string(), src.to_string())));
            let code3s: BTreeSet<String> = codes.iter().map(|c| c.chars().take(3).collect()).collect();
            let code_ok = es.iter().any(|e| {
                let c: String = e.get("cameo").and_then(Value::as_str).unwrap_or("").chars().take(3).collect();
                code3s.contains(&c)
            });
            let gd = g.get("date").and_then(Value::as_str).filter(|s| !s.is_empty());
            for scope in ["all".to_string(), lang.clone()] {
                let t = tally.entry(scope).or_default();
                t.matched += 1;
                t.dir_ok += usize::from(dir_ok);
                t.code_ok += usize::from(code_ok);
                if let Some(gd) = gd {
                    t.dated += 1;
                    let ok = es.iter().any(|e| {
                        let d = date_of(e.get("date")).unwrap_or_default();
                        d.get(..gd.len()).unwrap_or(&d) == gd
                    });
                    t.date_ok += usize::from(ok);
                }
            }
        }
        for k in counted.iter().filter(|k| !fg.contains(**k)) {
            errors.push(format!("{doc_id}\tFALSE\t('{}', '{}', '{}')", k.0, k.1, k.2));
        }
        for u in gold_units.iter().filter(|u| !u.iter().any(|k| pred_keys.contains(k))) {
            let shown: Vec<String> = u.iter().map(|k| format!("('{}', '{}', '{}')", k.0, k.1, k.2)).collect();
            errors.push(format!("{doc_id}\tMISSED\t[{}]", shown.join(", ")));
        }
    }
    let scopes = tally
        .into_iter()
        .map(|(scope, t)| {
            let p = ratio(t.pred_ok, t.pred);
            let r = ratio(t.gold_found, t.gold);
            let f1 = match (p, r) {
                (Some(p), Some(r)) if p > 0.0 && r > 0.0 => ((2.0 * p * r / (p + r)) * 10000.0).round() / 10000.0,
                _ => 0.0,
            };
            let s = Scores {
                docs: t.docs,
                gold: t.gold,
                pred: t.pred,
                precision: p,
                recall: r,
                f1,
                direction: ratio(t.dir_ok, t.matched),
                code3: ratio(t.code_ok, t.matched),
                date: ratio(t.date_ok, t.dated),
                background_hits: t.bg_hit,
            };
            (scope, s)
        })
        .collect();
    Ok(Report { scopes, errors })
}

impl Report {
    /// The table the reference scorer prints: one row per scope, "all" first.
    pub fn table(&self) -> String {
        let fmt = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{x}"));
        let mut out = String::from("scope\tdocs\tgold\tpred\tprecision\trecall\tf1\tdirection\tcode3\tdate\n");
        let mut names: Vec<&str> = vec!["all"];
        names.extend(self.scopes.keys().map(String::as_str).filter(|s| *s != "all"));
        for name in names {
            let Some(s) = self.scopes.get(name) else { continue };
            out.push_str(&format!(
                "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                s.docs,
                s.gold,
                s.pred,
                fmt(s.precision),
                fmt(s.recall),
                s.f1,
                fmt(s.direction),
                fmt(s.code3),
                fmt(s.date)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = r#"{"id":"d1","lang":"en","events":[{"src":"JPN","tgt":"LAO","cameo":"042","date":"2024-07"},{"src":"LAO","tgt":"JPN","cameo":"043"},{"src":"JPN","tgt":"LAO","cameo":"051"},{"src":"JPN","tgt":"VNM","cameo":"057","bg":true},{"src":"JPN","tgt":"LAO","cameo":"036","alt":["042"]}]}
{"id":"d2","lang":"vi","events":[{"src":"VNM","tgt":"USA","cameo":"018"}]}"#;

    #[test]
    fn counts_keys_like_the_guideline() {
        let pred = r#"{"doc_id":"d1","cameo":"043","source":[{"country":"LAO"}],"target":[{"country":"JPN"}],"date":{"value":"2024-07-25"}}
{"doc_id":"d1","cameo":"057","source":[{"country":"VNM"}],"target":[{"country":"JPN"}]}
{"doc_id":"d1","cameo":"112","source":[{"country":"JPN"}],"target":[{"country":"LAO"}]}
{"doc_id":"d1","cameo":"010","source":[{"country":"JPN"}],"target":[{"country":"LAO"}]}
{"doc_id":"d2","cameo":"0182","source":[{"country":"VNM"}],"target":[{"country":"USA"}]}"#;
        let r = score(GOLD, pred).unwrap();
        let all = &r.scopes["all"];
        // keys: d1 (JPN,LAO,04) ok, (JPN,LAO,11) false, (JPN,VNM,05) background; d2 (USA,VNM,018) ok
        assert_eq!(all.pred, 3);
        assert_eq!(all.precision, Some(0.6667));
        // gold units: d1 {04}, {05 051}, {03,04} (042/043 unit is the same key set) ; d2 {018}
        assert_eq!(all.gold, 4);
        assert_eq!(all.recall, Some(0.75));
        assert_eq!(all.background_hits, 1);
        assert_eq!(r.scopes["vi"].f1, 1.0);
        assert!(r.errors.iter().any(|e| e.contains("FALSE") && e.contains("'11'")));
    }

    #[test]
    fn bad_json_names_the_line() {
        let e = score("{}\nnot json", "").unwrap_err().to_string();
        assert!(e.contains("gold:2"), "{e}");
    }
}
