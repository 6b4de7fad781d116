use unicode_normalization::UnicodeNormalization;

/// Normalised matching text with, for every byte, the original byte offset it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// NFC, lower-cased, punctuation-unified text.
    pub key: String,
    /// `map[i]` is the original offset of the character that produced `key` byte `i`;
    /// `map[key.len()]` is the original end offset.
    pub map: Vec<usize>,
}

impl Normalized {
    /// Original byte range of the key range `[start, end)`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map.get(start).copied().unwrap_or(0);
        // the end is the original offset just past the last character of the range
        let e = if end == 0 {
            s
        } else {
            let last = self.map.get(end - 1).copied().unwrap_or(s);
            let next = self.map.get(end).copied().unwrap_or(last);
            if next > last {
                next
            } else {
                last + 1
            }
        };
        (s, e.max(s))
    }
}

fn unify(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{00b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' | '\r' | '\n' => ' ',
        '\u{200b}' | '\u{feff}' | '\u{00ad}' => '\u{0}',
        _ => c,
    }
}

fn closes_tight(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '%')
}

thread_local! {
    /// The characters of the text being normalised, kept between calls (one sentence after
    /// another) so that normalising does not allocate them each time.
    static CHARS: std::cell::RefCell<Vec<(usize, char)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Normalise `text`, whose first byte is at original offset `base`.
pub fn normalize(text: &str, base: usize) -> Normalized {
    CHARS.with(|cell| {
        let mut chars = cell.take();
        chars.clear();
        let out = normalize_into(text, base, &mut chars);
        // a huge text's buffer is not kept
        if chars.capacity() <= 1 << 16 {
            cell.replace(chars);
        }
        out
    })
}

/// The key of `text` alone, as `normalize(text, 0).key` gives it, for the phrases of a
/// lexicon: plain ASCII (most Latin-script names and words) is only lower-cased, without the
/// offset map or the rules, and other text already in NFC goes through the rules without the
/// offset map.
pub fn normalize_key(text: &str) -> String {
    if is_plain_ascii(text) {
        return text.to_ascii_lowercase();
    }
    if !text.is_ascii() && text.chars().all(crate::chars::is_nfc_stable) {
        // already NFC: the rules alone, without the offset map (scare quotes need the full path)
        let key = apply_rules::<_, false>(text.char_indices(), text.len(), 0).key;
        if !key.contains('"') {
            return key;
        }
    }
    normalize(text, 0).key
}

/// True when `text` is ASCII that the rules only lower-case: no character [`unify_ascii`]
/// changes or the rules drop, no quotation mark, and no space [`space_dropped`] could drop (at
/// either end, doubled, after "(", before closing punctuation, or beside a slash).
fn is_plain_ascii(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    b.iter().enumerate().all(|(i, &c)| {
        if !c.is_ascii() || c == 0 || c == b'"' || unify_ascii(c) != c {
            return false;
        }
        if c != b' ' {
            return true;
        }
        let prev = i.checked_sub(1).map(|j| b[j]);
        let next = b.get(i + 1).copied();
        !matches!(prev, Some(b' ' | b'(' | b'/'))
            && !next.is_some_and(|n| n == b' ' || n == b'/' || closes_tight(char::from(n)))
    })
}

/// [`unify`] for an ASCII byte.
fn unify_ascii(b: u8) -> u8 {
    match b {
        b'`' => b'\'',
        b'\t' | b'\r' | b'\n' => b' ',
        _ => b,
    }
}

/// True when a space of the text is left out of the key: at its start or end, after another
/// space or "(", and in pre-tokenised text before closing punctuation ("hội đàm , X") or
/// inside a number pair ("10 / 3"). `prev` and `before_prev` end the key so far; `next`
/// gives the next character that is no space (looked for only when needed).
fn space_dropped(prev: Option<char>, before_prev: Option<char>, next: impl FnOnce() -> Option<char>) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if matches!(prev, None | Some(' ' | '(')) {
        return true;
    }
    match (prev, next()) {
        (_, None) => true,
        (_, Some(n)) if closes_tight(n) => true,
        (_, Some('/')) if digit(prev) => true,
        (Some('/'), _) => digit(before_prev),
        _ => false,
    }
}

/// [`normalize_into`] for ASCII text, byte by byte with the same rules (no composition, no
/// character buffer).
fn normalize_ascii(text: &str, base: usize) -> Normalized {
    let bytes = text.as_bytes();
    let mut key: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len() + 1);
    for (idx, &raw) in bytes.iter().enumerate() {
        let c = unify_ascii(raw);
        if c == 0 {
            continue;
        }
        if c == b' ' {
            let prev = key.last().map(|&b| char::from(b));
            let before_prev = key.len().checked_sub(2).map(|i| char::from(key[i]));
            let next = || bytes[idx + 1..].iter().map(|&b| unify_ascii(b)).find(|&b| b != b' ').map(char::from);
            if space_dropped(prev, before_prev, next) {
                continue;
            }
        }
        key.push(c.to_ascii_lowercase());
        map.push(base + idx);
    }
    while key.last() == Some(&b' ') {
        key.pop();
        map.pop();
    }
    map.push(base + text.len());
    // only ASCII bytes were pushed
    let key = String::from_utf8(key).unwrap_or_default();
    Normalized { key, map }
}

fn normalize_into(text: &str, base: usize, chars: &mut Vec<(usize, char)>) -> Normalized {
    let out = if text.is_ascii() { normalize_ascii(text, base) } else { normalize_chars(text, base, chars) };
    if out.key.contains('"') {
        without_scare_quotes(out)
    } else {
        out
    }
}

/// Most words a pair of quotation marks may enclose and still be scare quotes.
const SCARE_QUOTE_MAX_WORDS: usize = 4;

/// The key without the marks of scare quotes: a pair of quotation marks around at most
/// [`SCARE_QUOTE_MAX_WORDS`] words, opened after a space and closed before a space or
/// punctuation ("a « fermement condamné » les frappes", "calificó de "injusto e inhumano"
/// el muro"), so that a phrase reads through them. A quotation of more words keeps its marks
/// (it has a speaker), as does a quote a word ending is written onto ("…연습"이라고).
fn without_scare_quotes(n: Normalized) -> Normalized {
    let k = n.key.as_bytes();
    let quotes: Vec<usize> = (0..k.len()).filter(|&i| k[i] == b'"').collect();
    let mut drop = vec![false; k.len()];
    let mut q = 0;
    while q + 1 < quotes.len() {
        let (open, close) = (quotes[q], quotes[q + 1]);
        let opens = open == 0 || k[open - 1] == b' ';
        let closes = k.get(close + 1).is_none_or(|&b| b == b' ' || b".,;:!?)".contains(&b));
        let inner = n.key[open + 1..close].trim();
        let words = inner.split(' ').filter(|w| !w.is_empty()).count();
        if opens && closes && (1..=SCARE_QUOTE_MAX_WORDS).contains(&words) && !inner.contains(['.', ';', '!', '?']) {
            drop[open] = true;
            drop[close] = true;
            // with the space inside each mark ("« fermement condamné »")
            if k.get(open + 1) == Some(&b' ') {
                drop[open + 1] = true;
            }
            if close > 0 && k[close - 1] == b' ' {
                drop[close - 1] = true;
            }
            q += 2;
        } else {
            q += 1;
        }
    }
    if !drop.contains(&true) {
        return n;
    }
    let mut key = String::with_capacity(n.key.len());
    let mut map = Vec::with_capacity(n.map.len());
    for (i, c) in n.key.char_indices() {
        if drop[i] {
            continue;
        }
        key.push(c);
        map.extend_from_slice(&n.map[i..i + c.len_utf8()]);
    }
    // a mark at the end leaves a space there
    while key.ends_with(' ') {
        key.pop();
        map.pop();
    }
    map.push(n.map[n.key.len()]);
    Normalized { key, map }
}

/// [`normalize_into`] for any text: NFC per segment, then the rules character by character.
fn normalize_chars(text: &str, base: usize, chars: &mut Vec<(usize, char)>) -> Normalized {
    if text.chars().all(crate::chars::is_nfc_stable) {
        // already NFC, whatever the order (most text): the characters as they stand
        return apply_rules::<_, true>(text.char_indices(), text.len(), base);
    }
    chars.reserve(text.len());
    // NFC per segment (a starter and the combining marks after it); ASCII needs none
    let mut seg_start = 0usize;
    let flush = |seg_start: usize, seg_end: usize, chars: &mut Vec<(usize, char)>| {
        let Some(seg) = text.get(seg_start..seg_end) else { return };
        let mut it = seg.chars();
        match (it.next(), it.next()) {
            (None, _) => {}
            (Some(c), None) if crate::chars::is_nfc_stable(c) => chars.push((seg_start, c)),
            _ => chars.extend(seg.nfc().map(|c| (seg_start, c))),
        }
    };
    for (i, c) in text.char_indices() {
        if crate::chars::is_starter(c) {
            flush(seg_start, i, chars);
            seg_start = i;
        }
    }
    flush(seg_start, text.len(), chars);
    apply_rules::<_, true>(chars.iter().copied(), text.len(), base)
}

/// The key of NFC characters (each with its offset in a text of `text_len` bytes): quotes,
/// dashes and spaces unified, spaces dropped by [`space_dropped`], lower case; with the offset
/// map only when `WITH_MAP` (a lexicon phrase's key needs none).
fn apply_rules<I, const WITH_MAP: bool>(mut chars: I, text_len: usize, base: usize) -> Normalized
where
    I: Iterator<Item = (usize, char)> + Clone,
{
    let mut key = String::with_capacity(text_len);
    let mut map = Vec::with_capacity(if WITH_MAP { text_len + 1 } else { 0 });
    while let Some((off, raw)) = chars.next() {
        let c = unify(raw);
        if c == '\u{0}' {
            continue;
        }
        if c == ' ' {
            let mut back = key.chars().rev();
            let (prev, before_prev) = (back.next(), back.next());
            let next = || chars.clone().map(|(_, c)| unify(c)).find(|&c| c != ' ');
            if space_dropped(prev, before_prev, next) {
                continue;
            }
        }
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
            if WITH_MAP {
                map.push(base + off);
            }
            continue;
        }
        let start_len = key.len();
        crate::chars::push_lower(c, &mut key);
        if WITH_MAP {
            for _ in start_len..key.len() {
                map.push(base + off);
            }
        }
    }
    while key.ends_with(' ') {
        key.pop();
        if WITH_MAP {
            map.pop();
        }
    }
    if WITH_MAP {
        map.push(base + text_len);
    }
    Normalized { key, map }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scare_quotes_leave_the_key_and_quotations_keep_their_marks() {
        let n = normalize("a « fermement condamné » les frappes", 0);
        assert_eq!(n.key, "a fermement condamné les frappes");
        assert_eq!(n.original_range(2, 11), (5, 14));
        assert_eq!(
            normalize("calificó de \"injusto e inhumano\" el muro", 0).key,
            "calificó de injusto e inhumano el muro"
        );
        let long = "urged Manila to \"stop provocations and stop spreading false narratives.\"";
        assert!(normalize(long, 0).key.contains('"'));
        assert!(normalize("\"침략 전쟁 연습\"이라고 비난했다", 0).key.contains('"'));
        assert_eq!(normalize("said \"no\"", 0).key, "said no");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        let samples = [
            "  Japan  met Laos , and 10 / 3 ( the talks ) . ",
            "a\tb\r\nc `quoted' x\u{0}y",
            "end with spaces   ",
            "1/ 2 and 3 /4 and ( x",
            "",
            "   ",
            "U.S. -- A.B.C.",
        ];
        for s in samples {
            let mut chars = Vec::new();
            assert_eq!(normalize_ascii(s, 7), normalize_chars(s, 7, &mut chars), "{s:?}");
        }
    }

    #[test]
    fn a_key_alone_is_the_key_of_the_whole_normalisation() {
        let samples = [
            "held talks",
            "asked",
            "Held talks",
            "Kishida Fumio",
            "U.S. Secretary",
            "held  talks",
            " held",
            "held ",
            "talks , with",
            "talks ,with",
            "( the talks )",
            "10 / 3",
            "a / b",
            "say \"no\" now",
            "it`s",
            "tab\there",
            "50 %",
            "x ]",
            "end.",
            "hội đàm",
            "Thủ tướng",
            "外相",
            // text outside ASCII, already in NFC: the rules without the offset map
            "a « fermement condamné » les frappes",
            "« longue citation de plus de quatre mots ici »",
            "Bộ  Ngoại giao ( Việt Nam ) .",
            "\u{a0}Straße\u{2013}Ö\u{200b}",
            "İstanbul",
            "日本\u{3000}政府",
            "e\u{301}té",
            "",
        ];
        for s in samples {
            assert_eq!(normalize_key(s), normalize(s, 0).key, "{s:?}");
        }
    }

    #[test]
    fn a_key_alone_agrees_on_every_piece_of_every_pack() {
        // the packs are the text `normalize_key` is for: every field of every line, as written
        let packs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs");
        let Ok(langs) = std::fs::read_dir(&packs) else { return };
        let mut pieces = 0usize;
        for lang in langs.flatten() {
            let Ok(files) = std::fs::read_dir(lang.path()) else { continue };
            for file in files.flatten() {
                let Ok(text) = std::fs::read_to_string(file.path()) else { continue };
                for piece in text.lines().flat_map(|l| l.split(['\t', '|'])).flat_map(|f| f.split("...")) {
                    assert_eq!(normalize_key(piece), normalize(piece, 0).key, "{piece:?} in {:?}", file.path());
                    pieces += 1;
                }
            }
        }
        assert!(pieces > 10_000, "{pieces} pieces read from {packs:?}");
    }

    fn key(s: &str) -> String {
        normalize(s, 0).key
    }

    #[test]
    fn folds_case_quotes_dashes_spaces() {
        assert_eq!(
            key("Japan\u{2019}s  Foreign\u{00a0}Minister \u{2013} “X said we will go”"),
            "japan's foreign minister - \"x said we will go\""
        );
    }

    #[test]
    fn repairs_pretokenised_text() {
        assert_eq!(key("hội đàm , Thứ trưởng"), "hội đàm, thứ trưởng");
        assert_eq!(key("ngày 10 / 3 ."), "ngày 10/3.");
        assert_eq!(key("( Ảnh )"), "(ảnh)");
    }

    #[test]
    fn composes_decomposed_vietnamese() {
        let nfd = "Ha\u{0300} N\u{00f4}\u{0323}i"; // "Hà Nội" with combining marks
        let n = normalize(nfd, 0);
        assert_eq!(n.key, "hà nội");
        let (s, e) = n.original_range(0, n.key.len());
        assert_eq!(&nfd[s..e], nfd);
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let text = "Xin chào  Thủ tướng";
        let n = normalize(text, 100);
        let pos = n.key.find("thủ tướng").unwrap();
        let (s, e) = n.original_range(pos, pos + "thủ tướng".len());
        assert_eq!(&text[s - 100..e - 100], "Thủ tướng");
        assert_eq!(n.map.len(), n.key.len() + 1);
    }

    #[test]
    fn a_lone_character_that_nfc_changes_is_composed() {
        // regression: a single starter was kept as written even when NFC replaces it
        // a CJK compatibility ideograph: NFC gives the unified one, lower case does nothing
        assert_eq!(key("\u{F900}"), "\u{8C48}");
        assert_eq!(key("a \u{F900} b"), "a \u{8C48} b");
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(key(""), "");
        assert_eq!(key("   \n\t "), "");
    }
}
