//! Per-character lower case, diacritic folding and combining class from tables built once
//! (about 3 ms, on first use) for the characters below U+A000: Latin with Vietnamese,
//! Greek, Cyrillic, Thai, Lao, kana and the main Han block. The hot paths of normalisation
//! and token keys then avoid Unicode's binary searches and decompositions; characters the
//! tables do not cover take the general path, with the same result.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Characters below this have table entries.
const TABLE_END: u32 = 0xA000;
/// The table has no single-character answer: use the general path.
const GENERAL: u16 = 0xFFFF;
/// The character folds to nothing (a combining mark).
const NOTHING: u16 = 0xFFFE;

struct Tables {
    lower: Vec<u16>,
    fold: Vec<u16>,
    /// Canonical combining class 0 ("starter"), one bit per character.
    starter: Vec<u64>,
    /// A starter that NFC leaves as it is, whatever follows it (quick check "yes").
    stable: Vec<u64>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let n = TABLE_END as usize;
        let mut lower = vec![GENERAL; n];
        let mut fold = vec![GENERAL; n];
        let mut starter = vec![0u64; n.div_ceil(64)];
        let mut stable = vec![0u64; n.div_ceil(64)];
        for (code, (lower_slot, fold_slot)) in lower.iter_mut().zip(fold.iter_mut()).enumerate() {
            let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else { continue };
            if canonical_combining_class(c) == 0 {
                if let Some(word) = starter.get_mut(code / 64) {
                    *word |= 1 << (code % 64);
                }
                if nfc_stable_general(c) {
                    if let Some(word) = stable.get_mut(code / 64) {
                        *word |= 1 << (code % 64);
                    }
                }
            }
            *lower_slot = single(&mut c.to_lowercase());
            let mut folded = String::new();
            fold_general(c, &mut folded);
            *fold_slot = if folded.is_empty() { NOTHING } else { single(&mut folded.chars()) };
        }
        Tables { lower, fold, starter, stable }
    })
}

/// The one BMP character an iterator yields, or [`GENERAL`].
fn single(it: &mut impl Iterator<Item = char>) -> u16 {
    match (it.next(), it.next()) {
        (Some(c), None) => u16::try_from(u32::from(c)).ok().filter(|v| *v < NOTHING).unwrap_or(GENERAL),
        _ => GENERAL,
    }
}

/// Letters with a stroke or ligatures that have no decomposition but fold all the same.
fn fold_special(c: char) -> char {
    match c {
        'đ' => 'd',
        'Đ' => 'D',
        'ø' => 'o',
        'Ø' => 'O',
        'æ' => 'a',
        'Æ' => 'A',
        'ł' => 'l',
        'ß' => 's',
        other => other,
    }
}

/// A starter whose NFC quick check says "yes": no composition or decomposition touches it.
fn nfc_stable_general(c: char) -> bool {
    canonical_combining_class(c) == 0
        && unicode_normalization::is_nfc_quick(std::iter::once(c)) == unicode_normalization::IsNormalized::Yes
}

fn bit(bits: &[u64], code: u32) -> bool {
    bits.get(code as usize / 64).copied().unwrap_or(0) & (1 << (code % 64)) != 0
}

/// `c` without diacritics, the general way: canonical decomposition without combining marks.
fn fold_general(c: char, out: &mut String) {
    out.extend(std::iter::once(c).nfd().filter(|d| canonical_combining_class(*d) == 0).map(fold_special));
}

fn entry(table: &[u16], c: char) -> u16 {
    let code = u32::from(c);
    if code < TABLE_END {
        table.get(code as usize).copied().unwrap_or(GENERAL)
    } else {
        GENERAL
    }
}

/// Push the lower case of `c` onto `out`.
pub(crate) fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match entry(&tables().lower, c) {
        GENERAL => out.extend(c.to_lowercase()),
        v => out.push(char::from_u32(u32::from(v)).unwrap_or(c)),
    }
}

/// Push `c` without its diacritics onto `out` (nothing for a combining mark).
pub(crate) fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    match entry(&tables().fold, c) {
        GENERAL => fold_general(c, out),
        NOTHING => {}
        v => out.push(char::from_u32(u32::from(v)).unwrap_or(c)),
    }
}

/// True when `c` is its own lower case.
pub(crate) fn lower_is_same(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    match entry(&tables().lower, c) {
        GENERAL => {
            let mut it = c.to_lowercase();
            it.next() == Some(c) && it.next().is_none()
        }
        v => u32::from(v) == u32::from(c),
    }
}

/// True when `c` has no diacritic to fold away.
pub(crate) fn fold_is_same(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    match entry(&tables().fold, c) {
        GENERAL => {
            let mut s = String::new();
            fold_general(c, &mut s);
            let mut it = s.chars();
            it.next() == Some(c) && it.next().is_none()
        }
        v => u32::from(v) == u32::from(c),
    }
}

/// True when `c` has canonical combining class 0 (it starts a new character).
pub(crate) fn is_starter(c: char) -> bool {
    let code = u32::from(c);
    if code < 0x300 {
        return true; // ASCII and Latin-1 have no combining marks
    }
    if code < TABLE_END {
        return bit(&tables().starter, code);
    }
    canonical_combining_class(c) == 0
}

/// True when NFC leaves `c` as it is whatever surrounds it; a text of such characters only
/// is already NFC.
pub(crate) fn is_nfc_stable(c: char) -> bool {
    let code = u32::from(c);
    if code < 0x300 {
        return true;
    }
    if code < TABLE_END {
        return bit(&tables().stable, code);
    }
    nfc_stable_general(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_with_the_general_path_for_every_character() {
        let chars = (0..0x3_0000u32).filter_map(char::from_u32);
        for c in chars {
            let mut fast = String::new();
            push_lower(c, &mut fast);
            assert_eq!(fast, c.to_lowercase().collect::<String>(), "lower case of U+{:04X}", u32::from(c));
            let mut fast = String::new();
            push_folded(c, &mut fast);
            let mut general = String::new();
            fold_general(c, &mut general);
            assert_eq!(fast, general, "folding of U+{:04X}", u32::from(c));
            assert_eq!(is_starter(c), canonical_combining_class(c) == 0, "class of U+{:04X}", u32::from(c));
            assert_eq!(is_nfc_stable(c), nfc_stable_general(c), "NFC of U+{:04X}", u32::from(c));
            assert_eq!(lower_is_same(c), c.to_lowercase().eq(std::iter::once(c)), "U+{:04X}", u32::from(c));
            assert_eq!(fold_is_same(c), general.chars().eq(std::iter::once(c)), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn vietnamese_and_norwegian_letters() {
        let mut s = String::new();
        for c in "ĐẠI Hội Støre".chars() {
            push_lower(c, &mut s);
        }
        assert_eq!(s, "đại hội støre");
        let mut f = String::new();
        for c in s.chars() {
            push_folded(c, &mut f);
        }
        assert_eq!(f, "dai hoi store");
    }
}
