//! End-to-end tests of the `attache` binary: examples, schema, bad input, scoring.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared");
    p.join("corpus/dev.jsonl").exists().then_some(p)
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("attache runs")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("attache-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn events(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn examples_code_to_valid_events() {
    let out = run(bin().arg("code").arg(repo().join("examples")));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = events(&out.stdout);
    assert!(evs.len() >= 6, "only {} events from the examples", evs.len());
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("schema/event.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let docs =
        ["en-vientiane-talks.txt", "vi-hoi-dam-ha-noi.txt", "no-utenriksminister-besok.txt", "ja-gaisho-kaidan.txt"];
    for e in &evs {
        let errors: Vec<String> = validator.iter_errors(e).map(|er| er.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?} in {e}");
        // evidence quotes the original text at its offsets
        let doc = e["doc_id"].as_str().unwrap();
        let text = std::fs::read_to_string(repo().join("examples").join(doc)).unwrap();
        let (s, en) =
            (e["evidence"]["start"].as_u64().unwrap() as usize, e["evidence"]["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[s..en], e["evidence"]["text"].as_str().unwrap());
    }
    for d in docs {
        assert!(evs.iter().any(|e| e["doc_id"] == d), "no event from {d}");
    }
    // the same input gives the same ids
    let again = events(&run(bin().arg("code").arg(repo().join("examples"))).stdout);
    let ids = |v: &[serde_json::Value]| v.iter().map(|e| e["event_id"].to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&evs), ids(&again));
}

#[test]
fn text_format_is_readable() {
    let out = run(bin().args(["code", "--format", "text"]).arg(repo().join("examples/en-vientiane-talks.txt")));
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("LAO") && s.contains('→'), "{s}");
}

#[test]
fn the_japanese_example_is_coded_by_particles() {
    let evs = events(&run(bin().arg("code").arg(repo().join("examples/ja-gaisho-kaidan.txt"))).stdout);
    let has = |src: &str, code: &str, tgt: &str| {
        evs.iter().any(|e| e["source"][0]["country"] == src && e["cameo"] == code && e["target"][0]["country"] == tgt)
    };
    // talks with the partner after と, thanks from the minister named by the first part of
    // her katakana name, an invitation to the object of を
    assert!(has("JPN", "046", "LAO") && has("LAO", "046", "JPN"), "{evs:?}");
    assert!(has("LAO", "051", "JPN"), "{evs:?}");
    assert!(has("JPN", "036", "LAO"), "{evs:?}");
    assert!(evs.iter().all(|e| e["lang"] == "ja"));
}

#[test]
fn bad_records_are_reported_and_skipped() {
    let d = tmp("bad");
    let f = d.join("mixed.jsonl");
    let mut bytes = b"{\"id\":\"good1\",\"text\":\"Japan held talks with Laos in Vientiane.\"}\n".to_vec();
    bytes.extend_from_slice(b"{\"id\":\"broken\",\"text\":\n");
    bytes.extend_from_slice(b"{\"id\":\"bad-utf8\",\"text\":\"\xff\xfe\"}\n");
    bytes.extend_from_slice(b"{\"text\":\"no id here\"}\n");
    bytes.extend_from_slice(b"{\"id\":\"good2\",\"text\":\"Vietnam signed an agreement with Japan.\"}\n");
    std::fs::write(&f, bytes).unwrap();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    let out = run(bin().arg("code").arg(&d));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mixed.jsonl:2"), "{stderr}");
    assert!(stderr.contains("mixed.jsonl:3") && stderr.contains("UTF-8"), "{stderr}");
    assert!(stderr.contains("mixed.jsonl:4"), "{stderr}");
    assert!(stderr.contains("binary.txt") && stderr.contains("empty.txt"), "{stderr}");
    let evs = events(&out.stdout);
    assert!(evs.iter().any(|e| e["doc_id"] == "good1"), "good record before the bad ones was lost");
    assert!(evs.iter().any(|e| e["doc_id"] == "good2"), "good record after the bad ones was lost");
    // --strict stops at the first
    let strict = run(bin().args(["code", "--strict"]).arg(&f));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn stdin_is_read_when_no_path_is_given() {
    let mut child = bin().arg("code").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"s\",\"text\":\"Japan held talks with Laos.\",\"published\":\"2024-07-25\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(events(&out.stdout).iter().all(|e| e["doc_id"] == "s"));
}

#[test]
fn eval_agrees_with_the_reference_scorer() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let scorer = shared.join("tools/score.py");
    if !scorer.exists() || Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 or score.py absent");
        return;
    }
    let d = tmp("eval");
    let docs = d.join("docs.jsonl");
    let gold = d.join("gold.jsonl");
    std::fs::write(
        &docs,
        "{\"id\":\"a\",\"text\":\"Japan held talks with Laos in Vientiane. Japan thanked Laos.\",\"published\":\"2024-07-25\"}\n\
         {\"id\":\"b\",\"text\":\"Norway signed an agreement with Vietnam. Norway criticised Russia.\",\"published\":\"2024-07-25\"}\n",
    )
    .unwrap();
    std::fs::write(
        &gold,
        "{\"id\":\"a\",\"lang\":\"en\",\"events\":[{\"src\":\"JPN\",\"tgt\":\"LAO\",\"cameo\":\"046\",\"sym\":true,\"date\":\"2024-07\"},{\"src\":\"JPN\",\"tgt\":\"LAO\",\"cameo\":\"051\"},{\"src\":\"JPN\",\"tgt\":\"LAO\",\"cameo\":\"018\"}]}\n\
         {\"id\":\"b\",\"lang\":\"en\",\"events\":[{\"src\":\"NOR\",\"tgt\":\"VNM\",\"cameo\":\"057\"},{\"src\":\"NOR\",\"tgt\":\"RUS\",\"cameo\":\"112\",\"bg\":true}]}\n",
    )
    .unwrap();
    let pred = d.join("pred.jsonl");
    let coded = run(bin().arg("code").arg(&docs).arg("--output").arg(&pred));
    assert!(coded.status.success());
    let ours = run(bin().args(["eval", "--json", "--gold"]).arg(&gold).arg("--input").arg(&docs));
    assert!(ours.status.success(), "{}", String::from_utf8_lossy(&ours.stderr));
    let theirs =
        run(Command::new("python3").arg(&scorer).arg("--json").arg("--gold").arg(&gold).arg("--pred").arg(&pred));
    assert!(theirs.status.success(), "{}", String::from_utf8_lossy(&theirs.stderr));
    let a: serde_json::Value = serde_json::from_slice(&ours.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&theirs.stdout).unwrap();
    for scope in ["all", "en"] {
        for k in ["precision", "recall", "f1", "gold", "pred", "direction", "code3", "date", "background_hits"] {
            assert_eq!(a[scope][k], b[scope][k], "{scope}.{k}: ours {} theirs {}", a[scope][k], b[scope][k]);
        }
    }
}

#[test]
fn dev_corpus_codes_end_to_end() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let out = run(bin().arg("code").arg(shared.join("corpus/dev.jsonl")));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = events(&out.stdout);
    assert!(!evs.is_empty());
}

#[test]
fn output_into_a_closed_pipe_ends_quietly_without_a_panic() {
    // the reader is gone before the first line is written ("attache packs | head -0")
    let mut child = bin().arg("packs").stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("attache runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("attache ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
