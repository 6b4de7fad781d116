//! Built phrase automata kept on disk between runs, so that start-up reads each language's
//! automaton instead of building it again (building is about half of loading the packs).
//!
//! A cached automaton is only an optimisation, and is never trusted: its file is named by a
//! hash of the phrase keys it was built from, daachorse validates its structure when it is
//! read, and every key is then looked up in it with its value. With the number of phrases
//! stored beside it, this proves that the cached automaton holds exactly the keys asked
//! for. Any failure (no file, another version, a corrupt or stale file, a read-only
//! directory) falls back to building, and the cache never makes loading fail.

use std::hash::{Hash, Hasher};
use std::path::Path;

use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::CoderError;

/// The first bytes of a cache file: the format, and daachorse's serialisation it wraps.
const MAGIC: &[u8] = b"attache-automaton 1 daachorse-5.1 charwise u32\n";

/// Build the automaton of `keys` (phrase key, value; keys distinct), or read it from
/// `cache` = (directory, name) when a previous run left a matching one there.
pub(crate) fn build_or_read(
    keys: Vec<(&str, u32)>,
    cache: Option<(&Path, &str)>,
) -> Result<CharwiseDoubleArrayAhoCorasick<u32>, CoderError> {
    let Some((dir, name)) = cache else { return build(&keys) };
    let file = dir.join(format!("{name}-{:016x}.daac", key_hash(&keys)));
    if let Some(automaton) = std::fs::read(&file).ok().and_then(|bytes| read(&bytes, &keys)) {
        return Ok(automaton);
    }
    let automaton = build(&keys)?;
    write(dir, name, &file, &automaton, keys.len());
    Ok(automaton)
}

fn build(keys: &[(&str, u32)]) -> Result<CharwiseDoubleArrayAhoCorasick<u32>, CoderError> {
    CharwiseDoubleArrayAhoCorasick::with_values(keys.iter().copied()).map_err(|e| CoderError::Automaton(e.to_string()))
}

/// A hash of the sorted keys and values, naming the cache file.
fn key_hash(keys: &[(&str, u32)]) -> u64 {
    // SipHash with fixed keys: the same on every run of one build of the program (a
    // different hash after a toolchain change only misses the cache)
    let mut h = std::hash::DefaultHasher::new();
    keys.len().hash(&mut h);
    for (k, v) in keys {
        k.hash(&mut h);
        v.hash(&mut h);
    }
    h.finish()
}

/// The automaton in `bytes` if it holds exactly `keys` with their values.
fn read(bytes: &[u8], keys: &[(&str, u32)]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (count, rest) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*count) != keys.len() as u64 {
        return None;
    }
    let (automaton, tail) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(rest).ok()?;
    if !tail.is_empty() {
        return None;
    }
    // every key is found whole with its value; with the count, no other phrase is there
    let holds = |key: &str, value: u32| {
        automaton.find_overlapping_iter(key).any(|m| m.start() == 0 && m.end() == key.len() && m.value() == value)
    };
    keys.iter().all(|&(k, v)| holds(k, v)).then_some(automaton)
}

/// Write `automaton` to `file` through a temporary file (a concurrent reader sees the old
/// file or the whole new one), and remove the files of `name` built from other keys.
fn write(dir: &Path, name: &str, file: &Path, automaton: &CharwiseDoubleArrayAhoCorasick<u32>, count: usize) {
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let mut bytes = Vec::with_capacity(MAGIC.len() + 8);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&(count as u64).to_le_bytes());
    bytes.extend_from_slice(&automaton.serialize());
    // unique to this process and call: two loads of one language may race
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}-{}-{n}.tmp", std::process::id()));
    if std::fs::write(&tmp, &bytes).is_err() || std::fs::rename(&tmp, file).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!("{name}-");
    for e in entries.flatten() {
        let path = e.path();
        let stale = path != file
            && e.file_name().to_str().is_some_and(|n| {
                n.strip_prefix(&prefix)
                    .and_then(|h| h.strip_suffix(".daac"))
                    .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
            });
        if stale {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("attache-automaton-cache-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    fn matches(a: &CharwiseDoubleArrayAhoCorasick<u32>, text: &str) -> Vec<(usize, usize, u32)> {
        a.find_overlapping_iter(text).map(|m| (m.start(), m.end(), m.value())).collect()
    }

    fn cache_files(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .map(|es| es.flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn a_cached_automaton_matches_as_the_built_one() {
        let dir = temp_dir("same");
        let keys = vec![("bộ trưởng", 0), ("hội đàm", 1), ("việt nam", 2), ("nam", 3)];
        let built = build_or_read(keys.clone(), None).unwrap();
        let first = build_or_read(keys.clone(), Some((&dir, "vi"))).unwrap();
        assert_eq!(cache_files(&dir).len(), 1, "the first run writes its automaton");
        let second = build_or_read(keys, Some((&dir, "vi"))).unwrap();
        let text = "bộ trưởng việt nam hội đàm";
        assert_eq!(matches(&built, text), matches(&first, text));
        assert_eq!(matches(&built, text), matches(&second, text));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn other_keys_build_anew_and_replace_the_stale_file() {
        let dir = temp_dir("stale");
        build_or_read(vec![("visit", 0), ("meet", 1)], Some((&dir, "en"))).unwrap();
        build_or_read(vec![("other", 5)], Some((&dir, "no"))).unwrap();
        let before = cache_files(&dir);
        let a = build_or_read(vec![("visit", 0), ("meet", 2)], Some((&dir, "en"))).unwrap();
        assert_eq!(matches(&a, "meet"), vec![(0, 4, 2)], "a changed value is not read from the old file");
        let after = cache_files(&dir);
        assert_eq!(after.len(), 2, "one file per language: {after:?}");
        assert!(after.iter().any(|f| f.starts_with("no-")), "another language's file is kept");
        assert_ne!(before, after);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_corrupt_or_foreign_file_is_never_used() {
        let dir = temp_dir("corrupt");
        let keys = vec![("angriff", 7), ("besuch", 8)];
        build_or_read(keys.clone(), Some((&dir, "de"))).unwrap();
        let file = dir.join(&cache_files(&dir)[0]);
        let good = std::fs::read(&file).unwrap();
        // truncated, flipped bytes, and the automaton of other keys under this file's name
        let other = {
            let d = temp_dir("corrupt-other");
            build_or_read(vec![("angriff", 7), ("besucht", 8)], Some((&d, "de"))).unwrap();
            let b = std::fs::read(d.join(&cache_files(&d)[0])).unwrap();
            let _ = std::fs::remove_dir_all(&d);
            b
        };
        let mut flipped = good.clone();
        for b in flipped.iter_mut().skip(MAGIC.len() + 8).step_by(7) {
            *b ^= 0x5a;
        }
        for bad in [good[..good.len() / 2].to_vec(), flipped, other, Vec::new()] {
            assert!(read(&bad, &{
                let mut k = keys.clone();
                k.sort_unstable();
                k
            })
            .is_none());
            std::fs::write(&file, &bad).unwrap();
            let a = build_or_read(keys.clone(), Some((&dir, "de"))).unwrap();
            assert_eq!(matches(&a, "besuch"), vec![(0, 6, 8)]);
            assert_eq!(std::fs::read(&file).unwrap(), good, "the bad file is replaced");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unwritable_cache_still_builds() {
        let dir = temp_dir("unwritable");
        std::fs::write(&dir, b"a file, not a directory").unwrap();
        let a = build_or_read(vec![("visit", 0)], Some((&dir, "en"))).unwrap();
        assert_eq!(matches(&a, "a visit"), vec![(2, 7, 0)]);
        let _ = std::fs::remove_file(&dir);
    }
}
