//! The changed copy of the fastText engine (`attache-fasttext`: word-sum cache, Fx hashing)
//! gives the same predictions as the original `fasttext-pure-rs` on the sentence table, on
//! repeated and shuffled input (a warm cache), and on odd tokens.

use std::path::PathBuf;

static MODEL: &[u8] = include_bytes!("../../../data/langid/lid.176.ftz");

fn lines() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sentences.tsv");
    let table = std::fs::read_to_string(path).expect("tests/sentences.tsv");
    let mut out: Vec<String> = table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, s)| s.to_string()))
        .collect();
    // documents of several sentences, words that repeat, labels, and nothing at all
    out.push(out.iter().take(5).cloned().collect::<Vec<_>>().join(" "));
    out.push("the the the the Hà Nội Hà Nội __label__en 2024".into());
    out.push("   ".into());
    out
}

#[test]
fn predictions_match_the_original_engine() {
    let ours = attache_fasttext::FastText::load_from_reader(MODEL).expect("model loads");
    let original = fasttext_pure_rs::FastText::load_from_reader(MODEL).expect("model loads");
    // twice: the second pass reads every word from the cache
    for pass in 0..2 {
        for line in lines() {
            let a = ours.predict(&line, 5, 0.0);
            let b = original.predict(&line, 5, 0.0);
            match (a, b) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.len(), b.len(), "pass {pass}: {line}");
                    assert_eq!(a[0].label, b[0].label, "pass {pass}: {line}");
                    for (x, y) in a.iter().zip(&b) {
                        assert!((x.probability - y.probability).abs() < 1e-3, "pass {pass}: {line}: {x:?} vs {y:?}");
                    }
                }
                (Err(_), Err(_)) => {}
                (a, b) => panic!("pass {pass}: {line}: {a:?} vs {b:?}"),
            }
        }
    }
}
