//! Helpers shared by the coder's integration tests.
// each test binary uses some of them
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use attache_coder::Engine;
use attache_langdata::DataSource;
use attache_model::Event;

/// The engine with the repository's own packs, loaded once per test binary.
pub fn repo_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load(&DataSource::directory(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.."))).unwrap()
    })
}

/// `rounds` texts of up to `max_pieces` pieces drawn from `pool` by a seeded xorshift
/// generator (the same texts on every run).
pub fn random_texts<'a>(
    pool: &'a [&'a str],
    seed: u64,
    rounds: usize,
    max_pieces: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..rounds).map(move |_| {
        let n = next() % max_pieces;
        (0..n).map(|_| pool[(next() % pool.len() as u64) as usize]).collect()
    })
}

/// Every event's evidence and actors are byte ranges of `text` on character boundaries.
pub fn assert_offsets_slice(text: &str, events: &[Event]) {
    for ev in events {
        assert_eq!(&text[ev.evidence.start..ev.evidence.end], ev.evidence.text);
        for a in ev.source.iter().chain(&ev.target) {
            assert!(a.start <= a.end && a.end <= text.len() && text.is_char_boundary(a.start), "{text:?}");
        }
    }
}
