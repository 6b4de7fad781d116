//! The text front-end: from a document's original text to paragraphs and sentences whose
//! normalised matching keys map back, byte for byte, to the original.
//!
//! Normalisation: NFC, lower case, typographic quotes/dashes/spaces unified, runs of
//! white space folded to one space, and pre-tokenised spacing repaired ("hội đàm , X" →
//! "hội đàm, x"; "10 / 3" → "10/3"). Every byte of a key has the original offset of the
//! character it came from, so evidence always quotes the original.

mod chars;
pub mod html;
mod normalize;
mod sentences;
mod tokens;

pub use normalize::{normalize, normalize_key, Normalized};
pub use sentences::{split_document, Paragraph, SentenceSpan, SplitRules};
pub use tokens::{fold_diacritics, tokenize, Token, TokenKind};

/// The script class that decides how a language is matched and segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin, Cyrillic, Greek and other scripts written with spaces between words.
    Spaced,
    /// Han and kana (Chinese, Japanese): no spaces between words.
    Cjk,
    /// Thai script.
    Thai,
    /// Lao script.
    Lao,
    /// Hangul (Korean): spaces between phrases.
    Hangul,
}

/// The script class of a single character, if it belongs to one of the unspaced scripts.
pub fn char_script(c: char) -> Option<Script> {
    match c as u32 {
        0x0E00..=0x0E7F => Some(Script::Thai),
        0x0E80..=0x0EFF => Some(Script::Lao),
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Some(Script::Cjk),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Some(Script::Cjk),
        0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Some(Script::Hangul),
        _ => None,
    }
}

/// Katakana letters and the long-vowel mark (ー): the letters of a Japanese loanword or
/// foreign name. The middle dot between a name's parts (・) is not one.
pub fn is_katakana_letter(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}')
}

/// Han characters (CJK unified ideographs, extensions and compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Letters of the Latin script beyond ASCII that the hot paths answer without Unicode's
/// general tables: Latin-1 letters, Latin Extended-A and -B, and Latin Extended Additional
/// (Vietnamese). All of them are alphabetic (a test checks).
pub fn is_latin_letter(c: char) -> bool {
    matches!(u32::from(c), 0x41..=0x5A | 0x61..=0x7A | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF)
}

/// True for characters that are part of a word in scripts written with spaces.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{200c}' || c == '\u{200d}'
}

#[cfg(test)]
mod tests {
    #[test]
    fn katakana_and_han_are_cjk_script() {
        for c in (0x3000..0x30000u32).filter_map(char::from_u32) {
            if super::is_katakana_letter(c) || super::is_han(c) {
                assert_eq!(super::char_script(c), Some(super::Script::Cjk), "U+{:04X}", u32::from(c));
            }
        }
        assert!(!super::is_katakana_letter('・') && super::is_katakana_letter('ー'));
    }

    #[test]
    fn latin_letters_are_alphabetic() {
        for c in (0..0x2000u32).filter_map(char::from_u32).filter(|c| super::is_latin_letter(*c)) {
            assert!(c.is_alphabetic(), "U+{:04X}", u32::from(c));
        }
    }
}
