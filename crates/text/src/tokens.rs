//! Tokens: words and numbers with their offsets, a case-folded key and a diacritic-folded
//! key. Spaced scripts (Latin, Cyrillic, Vietnamese syllables, Hangul) follow the UAX #29
//! word rules of `unicode-segmentation` (about three times faster than ICU4X's on this
//! text); Chinese, Japanese, Thai, Lao, Khmer and Burmese go through the ICU4X word
//! segmenter in dictionary mode (compiled data, no files on disk; better than the LSTM on
//! Lao and about 100× faster).

use std::borrow::Cow;
use std::sync::OnceLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (a word, a syllable, or a CJK/Thai/Lao dictionary word).
    Word,
    /// Digits.
    Number,
}

/// A word or number of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub surface: &'a str,
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// NFC, lower case (borrowed from the text when it already is).
    pub key: Cow<'a, str>,
    /// `key` without diacritics ("ngoại giao" → "ngoai giao", "Støre" → "store").
    pub folded: Cow<'a, str>,
    /// Word or number.
    pub kind: TokenKind,
}

fn segmenter() -> WordSegmenterBorrowed<'static> {
    static SEG: OnceLock<WordSegmenterBorrowed<'static>> = OnceLock::new();
    *SEG.get_or_init(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()))
}

/// Remove diacritics: NFD, drop combining marks, and fold letters with a stroke.
pub fn fold_diacritics(s: &str) -> String {
    // NFD then dropping every combining mark is, character by character, each character's
    // own decomposition without its marks: reordering only moves marks
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        crate::chars::push_folded(c, &mut out);
    }
    out
}

/// A token's lower-cased and diacritic-folded keys, borrowed from the text when they are the
/// same as the surface (most words of a sentence: lower case, and for most languages
/// without diacritics).
fn keys(surface: &str) -> (Cow<'_, str>, Cow<'_, str>) {
    if surface.is_ascii() {
        if surface.bytes().any(|b| b.is_ascii_uppercase()) {
            let lower = surface.to_ascii_lowercase();
            return (Cow::Owned(lower.clone()), Cow::Owned(lower));
        }
        return (Cow::Borrowed(surface), Cow::Borrowed(surface));
    }
    let mut stable = true;
    let mut lower_same = true;
    let mut fold_same = true;
    for c in surface.chars() {
        stable &= crate::chars::is_nfc_stable(c);
        lower_same &= crate::chars::lower_is_same(c);
        fold_same &= crate::chars::fold_is_same(c);
    }
    let key: Cow<'_, str> = if stable && lower_same {
        Cow::Borrowed(surface)
    } else {
        let mut key = String::with_capacity(surface.len());
        if stable {
            surface.chars().for_each(|c| crate::chars::push_lower(c, &mut key));
        } else {
            surface.nfc().for_each(|c| crate::chars::push_lower(c, &mut key));
        }
        Cow::Owned(key)
    };
    let folded = match &key {
        Cow::Borrowed(s) if fold_same => Cow::Borrowed(*s),
        _ => Cow::Owned(fold_diacritics(&key)),
    };
    (key, folded)
}

/// Characters of scripts written without spaces between words, which need a dictionary:
/// Thai, Lao and CJK (as [`crate::char_script`] classifies them), Khmer and Burmese.
fn needs_dictionary(c: char) -> bool {
    matches!(crate::char_script(c), Some(crate::Script::Thai | crate::Script::Lao | crate::Script::Cjk))
        || matches!(c as u32, 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Word-break classes of UAX #29 that Latin-script text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordBreak {
    ALetter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    ExtendNumLet,
    Other,
}

/// The UAX #29 word-break class of `c` when it is one of the Latin-script characters the
/// fast path knows (ASCII, Latin-1, Latin Extended-A/B, Vietnamese, typographic quotes and
/// dashes); `None` sends the text to the general segmenter.
fn latin_word_break(c: char) -> Option<WordBreak> {
    use WordBreak::*;
    Some(match u32::from(c) {
        0x30..=0x39 => Numeric,
        0x41..=0x5A | 0x61..=0x7A => ALetter,
        0x27 => SingleQuote,
        0x2E => MidNumLet,
        0x3A => MidLetter,
        0x2C | 0x3B => MidNum,
        0x5F => ExtendNumLet,
        0x00..=0x7F => Other,
        0xAA | 0xB5 | 0xBA => ALetter,
        _ if crate::is_latin_letter(c) => ALetter,
        0xB7 => MidLetter,
        0xA0..=0xA9 | 0xAB | 0xAC | 0xAE..=0xB4 | 0xB6 | 0xB8 | 0xB9 | 0xBB..=0xBF | 0xD7 | 0xF7 => Other,
        0x2018 | 0x2019 => MidNumLet,
        0x2013 | 0x2014 | 0x201C | 0x201D | 0x2026 | 0x20AC => Other,
        _ => return None,
    })
}

/// UAX #29 words of Latin-script text, by the word-break rules that apply to the classes of
/// [`latin_word_break`] (WB5–WB13b); `None` when a character is outside them. Gives exactly
/// what `unicode_word_indices` gives on such text (a test compares the two), at several
/// times its speed.
fn latin_words(text: &str) -> Option<Vec<(usize, &str)>> {
    use WordBreak::*;
    let mut chars = text.char_indices().map(|(i, c)| latin_word_break(c).map(|k| (i, k))).peekable();
    let mut words = Vec::with_capacity(text.len() / 6);
    // the word being read: its start, the class of its last character, whether it has a
    // letter or digit (a run of "_" alone is not a word)
    let mut word: Option<(usize, WordBreak, bool)> = None;
    while let Some(item) = chars.next() {
        let (at, class) = item?;
        match (word, class) {
            (None, ALetter | Numeric | ExtendNumLet) => word = Some((at, class, class != ExtendNumLet)),
            (None, _) => {}
            (Some((start, _, alnum)), ALetter | Numeric | ExtendNumLet) => {
                word = Some((start, class, alnum || class != ExtendNumLet));
            }
            (Some((start, last, alnum)), MidLetter | MidNumLet | SingleQuote | MidNum) => {
                let next = match chars.peek() {
                    Some(Some((_, k))) => Some(*k),
                    Some(None) => return None,
                    None => None,
                };
                let letters = last == ALetter && class != MidNum && next == Some(ALetter);
                let digits = last == Numeric && class != MidLetter && next == Some(Numeric);
                if letters || digits {
                    chars.next(); // the letter or digit after the middle character
                    word = Some((start, next.unwrap_or(Other), alnum));
                } else {
                    if alnum {
                        words.push((start, &text[start..at]));
                    }
                    word = None;
                }
            }
            (Some((start, _, alnum)), Other) => {
                if alnum {
                    words.push((start, &text[start..at]));
                }
                word = None;
            }
        }
    }
    if let Some((start, _, true)) = word {
        words.push((start, &text[start..]));
    }
    Some(words)
}

/// The words and numbers of `text`, whose first byte is at original offset `base`.
/// Text in spaced scripts goes through the UAX #29 rules of `unicode-segmentation`; text with
/// Thai, Lao, Khmer, Burmese, kana or Han characters through ICU4X's dictionary segmenter.
pub fn tokenize<'a>(text: &'a str, base: usize) -> Vec<Token<'a>> {
    let token = |(start, surface): (usize, &'a str)| {
        let kind = if surface.starts_with(|c: char| c.is_numeric()) { TokenKind::Number } else { TokenKind::Word };
        let (key, folded) = keys(surface);
        Token { surface, start: base + start, end: base + start + surface.len(), key, folded, kind }
    };
    if let Some(words) = latin_words(text) {
        return words.into_iter().map(token).collect();
    }
    if !text.chars().any(needs_dictionary) {
        return text.unicode_word_indices().map(token).collect();
    }
    let mut out = Vec::new();
    let mut iter = segmenter().segment_str(text);
    let mut prev = 0usize;
    while let Some(pos) = iter.next() {
        if pos == 0 {
            continue;
        }
        let kind = match iter.word_type() {
            icu_segmenter::options::WordType::Number => Some(TokenKind::Number),
            icu_segmenter::options::WordType::Letter => Some(TokenKind::Word),
            _ => None,
        };
        if let (Some(kind), Some(surface)) = (kind, text.get(prev..pos)) {
            let (key, folded) = keys(surface);
            out.push(Token { surface, start: base + prev, end: base + pos, key, folded, kind });
        }
        prev = pos;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<&str> {
        tokenize(text, 0).into_iter().map(|t| t.surface).collect()
    }

    #[test]
    fn latin_words_and_numbers() {
        assert_eq!(
            surfaces("Japan's FM met Laos' PM on 25 July, 2024."),
            vec!["Japan's", "FM", "met", "Laos", "PM", "on", "25", "July", "2024"]
        );
        let t = tokenize("Støre", 10);
        assert_eq!((t[0].start, t[0].end, t[0].folded.as_ref()), (10, 16, "store"));
    }

    #[test]
    fn vietnamese_syllables_fold() {
        let t = tokenize("Bộ trưởng Ngoại giao", 0);
        assert_eq!(t.len(), 4);
        assert_eq!(t[2].key, "ngoại");
        assert_eq!(t[2].folded, "ngoai");
        assert_eq!(fold_diacritics("Đà Nẵng"), "Da Nang");
    }

    #[test]
    fn dictionary_scripts_are_segmented() {
        let ja = surfaces("外務大臣は東京で会談した。");
        assert!(ja.len() >= 4, "{ja:?}");
        assert!(ja.contains(&"東京"), "{ja:?}");
        let th = surfaces("รัฐมนตรีว่าการกระทรวงการต่างประเทศพบกับเอกอัครราชทูต");
        assert!(th.len() >= 4, "{th:?}");
        let lo = surfaces("ລັດຖະມົນຕີວ່າການກະຊວງການຕ່າງປະເທດໄດ້ພົບປະກັບ");
        assert!(lo.len() >= 3, "{lo:?}");
        let zh = surfaces("外交部长在北京会见了越南外长");
        assert!(zh.contains(&"北京"), "{zh:?}");
    }

    #[test]
    fn latin_fast_path_is_uax29() {
        // random strings over the characters whose word-break rules the fast path applies
        const POOL: &[char] = &[
            'a', 'Z', 'é', 'ế', 'Đ', 'ø', 'ß', 'ª', '0', '9', '\'', '.', ',', ';', ':', '_', ' ', '-', '\u{2019}',
            '\u{2018}', '\u{b7}', '\u{a0}', '\u{d7}', '\n', '(', '"', '\u{2026}', '\u{2014}', '/', '%', '\u{ab}',
            '\u{2013}', '\u{201c}', '\u{20ac}', 'µ', 'º', '\u{24f}', '\u{1e00}',
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len).map(|_| POOL[(next() % POOL.len() as u64) as usize]).collect();
            let fast = latin_words(&text).expect("every pool character is Latin");
            let general: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(fast, general, "{text:?}");
        }
        assert_eq!(latin_words("Tokyo 東京"), None, "other scripts take the general path");
    }

    #[test]
    fn offsets_slice_the_original() {
        let text = "Hai bên  hội đàm, 10/3.";
        for t in tokenize(text, 0) {
            assert_eq!(&text[t.start..t.end], t.surface);
        }
    }
}
