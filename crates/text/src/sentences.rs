use rustc_hash::FxHashSet;

/// Language-specific knowledge the splitter needs.
#[derive(Debug, Clone, Default)]
pub struct SplitRules {
    /// Lower-cased abbreviations, with their final full stop ("mr.", "tp.", "bl.a.").
    pub abbreviations: FxHashSet<String>,
    /// A number of one or two digits before a full stop is an ordinal ("am 3. Oktober").
    pub ordinal_dot: bool,
}

impl SplitRules {
    /// Rules from an `abbreviations.txt` pack file (one abbreviation per line).
    pub fn from_abbreviations(file: &str) -> Self {
        let abbreviations = file
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        Self { abbreviations, ordinal_dot: false }
    }
}

/// A sentence: a byte range of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// A line of the original text with its sentences and whether it is article content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the paragraph's first non-blank character.
    pub start: usize,
    /// Byte offset just past its last non-blank character.
    pub end: usize,
    /// False for page debris: navigation, bylines, captions, comment counters, footers.
    pub content: bool,
    /// The paragraph's sentences, in order.
    pub sentences: Vec<SentenceSpan>,
}

/// Split a document's original text into paragraphs (lines) and sentences.
///
/// A line that a hard wrap broke off mid-sentence is joined to the line before: the line
/// before ends without sentence punctuation and this one starts with a lower-case letter
/// ("sent his condolences to his\ncounterparts"). A blank line always ends a paragraph.
pub fn split_document(text: &str, rules: &SplitRules) -> Vec<Paragraph> {
    let mut out = Vec::new();
    // the paragraph being built: its start and end, and whether a blank line followed it
    let mut open: Option<(usize, usize)> = None;
    let mut blank_since = false;
    // the previous line's length in characters: a wrapped line is a long one
    let mut last_line_chars = 0usize;
    let mut line_start = 0usize;
    let close = |span: (usize, usize), out: &mut Vec<Paragraph>| {
        let body = &text[span.0..span.1];
        let sentences = split_sentences(body, span.0, rules);
        out.push(Paragraph { start: span.0, end: span.1, content: !is_debris(body), sentences });
    };
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        let start = line_start + trimmed_start;
        line_start += line.len();
        if body.is_empty() {
            blank_since = true;
            continue;
        }
        let end = start + body.len();
        match open {
            Some((s, e))
                if !blank_since
                    && last_line_chars >= WRAPPED_LINE_MIN_CHARS
                    && continues_wrapped_line(&text[s..e], body) =>
            {
                open = Some((s, end));
            }
            Some(span) => {
                close(span, &mut out);
                open = Some((start, end));
            }
            None => open = Some((start, end)),
        }
        blank_since = false;
        last_line_chars = body.chars().count();
    }
    if let Some(span) = open {
        close(span, &mut out);
    }
    out
}

/// The fewest characters of a line that a hard wrap broke: shorter lines (menus, lists,
/// headlines) are never joined to the next.
const WRAPPED_LINE_MIN_CHARS: usize = 40;

/// True when `next` carries on the sentence that `before` (the text so far) left open: a
/// hard-wrapped line. `before` ends in a letter, digit, comma or closing bracket (no sentence
/// punctuation, no colon) and `next` starts with a lower-case letter.
fn continues_wrapped_line(before: &str, next: &str) -> bool {
    let Some(last) = before.chars().next_back() else { return false };
    let Some(first) = next.chars().next() else { return false };
    let open_end = last.is_alphanumeric() || matches!(last, ',' | ')' | '%');
    open_end && first.is_lowercase()
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '\u{00bb}' | '」' | '』' | '）')
}

/// A character that may open a sentence before its first letter: quotes (German „ and ‚,
/// and » as German and Danish open with it), brackets and dashes of dialogue.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '\u{201c}'
            | '\u{2018}'
            | '\u{201e}'
            | '\u{201a}'
            | '\u{00ab}'
            | '\u{00bb}'
            | '\u{203a}'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
    )
}

fn split_sentences(body: &str, base: usize, rules: &SplitRules) -> Vec<SentenceSpan> {
    let bytes = body.as_bytes();
    let mut spans = Vec::new();
    let mut sent_start = 0usize;
    let mut pos = 0usize;
    while pos < bytes.len() {
        // every stop starts with one of these bytes ('…', '。', '！', '？' with a lead byte
        // that is never inside another character), so other bytes are skipped
        if !matches!(bytes[pos], b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF) {
            let rest = &bytes[pos..];
            let ascii = memchr::memchr3(b'.', b'!', b'?', rest);
            let lead = memchr::memchr3(0xE2, 0xE3, 0xEF, &rest[..ascii.unwrap_or(rest.len())]);
            pos += lead.or(ascii).unwrap_or(rest.len());
            continue;
        }
        let Some(c) = body.get(pos..).and_then(|r| r.chars().next()) else { break };
        let cjk_stop = matches!(c, '。' | '！' | '？');
        let latin_stop = matches!(c, '.' | '!' | '?' | '\u{2026}');
        if !(cjk_stop || latin_stop) {
            pos += c.len_utf8();
            continue;
        }
        let mut j = pos + c.len_utf8();
        for next in body[j..].chars() {
            if !(is_closing(next) || matches!(next, '.' | '!' | '?')) {
                break;
            }
            j += next.len_utf8();
        }
        let split_here = if cjk_stop {
            true
        } else {
            let rest = &body[j..];
            let after_space = rest.trim_start();
            let had_space = after_space.len() < rest.len();
            let next = after_space.chars().next();
            let spaced_stop = had_space
                && next.is_some_and(|n| {
                    n.is_uppercase() || n.is_numeric() || is_opening(n) || crate::char_script(n).is_some()
                });
            (spaced_stop || (!had_space && glued_stop(body, pos, j)))
                && !(c == '.' && is_abbreviation(body, sent_start, pos, rules))
        };
        if split_here {
            push_span(&mut spans, body, base, sent_start, j);
            sent_start = j;
            pos = j;
            continue;
        }
        pos += c.len_utf8();
    }
    push_span(&mut spans, body, base, sent_start, body.len());
    spans
}

/// A full stop glued to the next sentence by lost whitespace ("Mogherini.Trong các"):
/// a word of three letters or more ending in two lower-case ones, the stop, then a capitalised word.
/// Domains and versions ("vnexpress.net", "U.S.A", "2.5") do not qualify. `dot` and `next`
/// are byte offsets of the stop and of what follows it.
fn glued_stop(body: &str, dot: usize, next: usize) -> bool {
    if body.as_bytes().get(dot) != Some(&b'.') || next != dot + 1 {
        return false;
    }
    let before = &body[..dot];
    let (word_chars, word_bytes) = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .fold((0usize, 0usize), |(n, b), c| (n + 1, b + c.len_utf8()));
    let lower_before = before.chars().rev().take(2).all(char::is_lowercase);
    let boundary_before = word_bytes == before.len()
        || before[..before.len() - word_bytes].chars().next_back().is_some_and(|c| !c.is_alphanumeric() && c != '.');
    let mut after = body[next..].chars();
    let cap = after.next().is_some_and(char::is_uppercase);
    let lower_after = after.next().is_some_and(char::is_lowercase);
    word_chars >= 3 && lower_before && boundary_before && cap && lower_after
}

/// The longest sentence kept whole, in bytes. No sentence of news is this long (a long
/// Japanese sentence is about 1,000 bytes); text without sentence punctuation is cut into
/// pieces of at most this size, so that the work per sentence stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push_span(spans: &mut Vec<SentenceSpan>, body: &str, base: usize, start: usize, end: usize) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let mut s = start + lead;
    let end = s + trimmed.len();
    // an overlong "sentence" is cut after the last space or comma before the limit
    while end - s > MAX_SENTENCE_BYTES {
        let mut cut = s + MAX_SENTENCE_BYTES;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &body[s..cut];
        if let Some((i, c)) =
            window.char_indices().rev().find(|&(_, c)| c.is_whitespace() || matches!(c, ',' | '、' | '，' | ';'))
        {
            if i > 0 {
                cut = s + i + c.len_utf8();
            }
        }
        let chunk = body[s..cut].trim_end();
        if !chunk.is_empty() {
            spans.push(SentenceSpan { start: base + s, end: base + s + chunk.len() });
        }
        let rest = &body[cut..end];
        s = cut + (rest.len() - rest.trim_start().len());
    }
    if s < end {
        spans.push(SentenceSpan { start: base + s, end: base + end });
    }
}

thread_local! {
    /// The word before a full stop, lower-cased, to look up among the abbreviations.
    static ABBREVIATION_KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// True when the full stop at `dot` ends an abbreviation or an initial.
fn is_abbreviation(body: &str, sent_start: usize, dot: usize, rules: &SplitRules) -> bool {
    let before = &body[sent_start..dot];
    let word_start =
        before.char_indices().rev().find(|&(_, c)| c.is_whitespace() || c == '(').map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // an ordinal in languages that write them with a full stop ("3. Oktober")
    if rules.ordinal_dot && (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // a single capital letter is an initial ("J. Smith"); a one-letter word ends a sentence
    // ("… đồng ý. Chiều 1/12, …"), and so do a capital with a diacritic, which writes a word
    // rather than an initial ("… các nước Trung Á. Chủ tịch nước …"), and the network X after a
    // lower-case word ("… i et innlegg på X. Kong Harald …", "… said on X. The …")
    let mut wc = word.chars();
    if let (Some(first), None) = (wc.next(), wc.next()) {
        let network = first == 'X'
            && before[..word_start]
                .split_whitespace()
                .next_back()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_lowercase);
        if first.is_uppercase() && first.is_ascii() && !network {
            return true;
        }
    }
    // the lower-cased word with its stop, built in a buffer kept between calls
    let listed = ABBREVIATION_KEY.with(|cell| {
        let mut candidate = cell.take();
        candidate.clear();
        for c in word.chars() {
            crate::chars::push_lower(c, &mut candidate);
        }
        candidate.push('.');
        let listed = rules.abbreviations.contains(&candidate);
        cell.replace(candidate);
        listed
    });
    if listed {
        return true;
    }
    // "U.S." style: the word already contains inner dots and single letters
    word.split('.').all(|p| p.chars().count() == 1) && word.contains('.')
}

/// Page debris that is kept (offsets intact) but not coded.
fn is_debris(line: &str) -> bool {
    // the prefixes below are short: only the line's start is lower-cased
    let mut lower = String::with_capacity(64);
    for c in line.chars().take(24) {
        crate::chars::push_lower(c, &mut lower);
    }
    let has_ascii = |needle: &[u8]| line.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle));
    let bytes = line.as_bytes();
    let separators = memchr::memchr3_iter(b'|', b'l', b'/', bytes)
        .filter(|&i| i > 0 && bytes.get(i - 1) == Some(&b' ') && bytes.get(i + 1) == Some(&b' '))
        .count();
    // every rule below looks at word counts up to this: a long line's words need not be counted
    let enough = 13usize.max(4 * (separators + 1) + 1);
    let words = line.split_whitespace().take(enough).count();
    let ends_like_sentence = line.ends_with(['.', '!', '?', '"', '\u{201d}', '。', ':']);
    if line.contains('©') || lower.starts_with("copyright") {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "(ảnh",
        "ảnh:",
        "photo:",
        "foto:",
        "kilde",
        "source:",
        "nguồn:",
        "tel:",
        "fax:",
        "email",
        "e-mail",
        "by ",
        "av ",
        "đọc thêm",
        "xem thêm",
        "read more",
        "related",
        "les også",
        "tags:",
        "từ khóa",
        "share",
        "chia sẻ",
        "del ",
        "kommentar",
        "bình luận",
        "comments",
        "advertisement",
        "quảng cáo",
    ];
    if words <= 12 && PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if line.contains(';') && (has_ascii(b"tel:") || has_ascii(b"fax:")) {
        return true;
    }
    // navigation bars: several items separated by " | " or " l "
    if separators >= 2 && words <= 4 * (separators + 1) && !ends_like_sentence {
        return true;
    }
    // a lone parenthesised line: a caption or an update stamp
    if line.starts_with('(') && line.ends_with(')') && words <= 10 {
        return true;
    }
    // very short lines without sentence punctuation: menu items, site names, "PV"
    words <= 3 && !ends_like_sentence && !line.chars().any(|c| crate::char_script(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(abbr: &[&str]) -> SplitRules {
        SplitRules { abbreviations: abbr.iter().map(|s| s.to_string()).collect(), ordinal_dot: false }
    }

    fn sentences(text: &str, r: &SplitRules) -> Vec<String> {
        split_document(text, r)
            .iter()
            .flat_map(|p| p.sentences.iter().map(|s| text[s.start..s.end].to_string()))
            .collect()
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let r = rules(&[]);
        let text = "The foreign minister sent his condolences to his\ncounterparts in the region on Monday.\nHe left.";
        let s = sentences(text, &r);
        assert_eq!(
            s,
            vec!["The foreign minister sent his condolences to his\ncounterparts in the region on Monday.", "He left."]
        );
        // "He left." starts with a capital: a paragraph of its own
        assert_eq!(split_document(text, &r).len(), 2);
    }

    #[test]
    fn lines_that_end_a_sentence_or_start_a_new_one_stay_apart() {
        let r = rules(&[]);
        // sentence punctuation, a capital, a blank line, a short line (menus, headlines)
        for text in [
            "The foreign minister sent his condolences on Monday.\nthe ministry said more aid would follow.",
            "The foreign minister sent his condolences to his\nCounterparts in the region.",
            "The foreign minister sent his condolences to his\n\ncounterparts in the region.",
            "home\nworld\nsport",
        ] {
            assert!(split_document(text, &r).len() > 1, "{text:?}");
        }
    }

    #[test]
    fn overlong_sentences_are_cut_at_spaces_and_commas() {
        let rules = SplitRules::default();
        let text = "Japan held talks with China and ".repeat(400);
        let paragraphs = split_document(&text, &rules);
        let spans = &paragraphs[0].sentences;
        assert!(spans.len() >= 3, "{}", spans.len());
        for sp in spans {
            assert!(sp.end - sp.start <= MAX_SENTENCE_BYTES);
            let piece = &text[sp.start..sp.end];
            assert_eq!(piece, piece.trim());
            assert!(piece.ends_with("and"), "cut inside a word: {:?}", &piece[piece.len() - 10..]);
        }
        // every byte of text is in some piece or is whitespace between them
        let covered: usize = spans.iter().map(|s| s.end - s.start).sum();
        assert!(covered + spans.len() >= text.trim().len());
        let ja = "日本は中国と会談し、".repeat(1000);
        for sp in &split_document(&ja, &rules)[0].sentences {
            assert!(
                sp.end - sp.start <= MAX_SENTENCE_BYTES && ja.is_char_boundary(sp.start) && ja.is_char_boundary(sp.end)
            );
            assert!(ja[sp.start..sp.end].ends_with('、') || sp.end == ja.len());
        }
    }

    #[test]
    fn english_abbreviations_and_initials() {
        let r = rules(&["mr.", "jan.", "no."]);
        let s = sentences("Mr. Smith met the U.S. envoy on Jan. 5. He left. J. Doe stayed at No. 1 Road.", &r);
        assert_eq!(s, vec!["Mr. Smith met the U.S. envoy on Jan. 5.", "He left.", "J. Doe stayed at No. 1 Road."]);
    }

    #[test]
    fn norwegian_ordinal_dates_do_not_split() {
        let r = rules(&["bl.a.", "f.eks."]);
        let s = sentences("Møtet var 3. september i Oslo. De diskuterte bl.a. Ukraina. Neste møte kommer.", &r);
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn vietnamese_city_abbreviation() {
        let r = rules(&["tp."]);
        let s = sentences("Đoàn đến TP. Hồ Chí Minh hôm qua. Hai bên hội đàm.", &r);
        assert_eq!(s, vec!["Đoàn đến TP. Hồ Chí Minh hôm qua.", "Hai bên hội đàm."]);
    }

    #[test]
    fn stops_glued_to_the_next_sentence_split() {
        let r = rules(&["mr."]);
        assert_eq!(
            sentences("Hai bên đã gặp nhau.Trong cuộc gặp, họ trao đổi.", &r),
            vec!["Hai bên đã gặp nhau.", "Trong cuộc gặp, họ trao đổi."]
        );
        // domains, versions and abbreviations stay whole
        assert_eq!(sentences("Read vnexpress.net, U.S.A and 2.5 today.", &r).len(), 1);
        assert_eq!(sentences("của các nước.Về các vấn đề", &r).len(), 2);
        assert_eq!(sentences("He met Mr.Smith there.", &r).len(), 1);
    }

    #[test]
    fn a_sentence_may_open_with_a_german_quote() {
        // regression: „ and » were not openings, so the quote stayed in the sentence before
        let r = rules(&["bl.a."]);
        assert_eq!(sentences("Berlin ist besorgt. „Wir rufen beide Seiten auf“, sagte sie.", &r).len(), 2);
        assert_eq!(sentences("Wien ist besorgt. »Wir rufen beide Seiten auf«, sagte sie.", &r).len(), 2);
        assert_eq!(sentences("Le ministre a parlé. « Nous appelons au calme », a-t-il dit.", &r).len(), 2);
    }

    #[test]
    fn a_one_letter_word_ends_a_sentence_and_a_capital_is_an_initial() {
        // regression: "ý" (agree) was read as an initial and the next sentence was lost
        let r = rules(&[]);
        assert_eq!(sentences("Hai bên đã đồng ý. Chiều 1/12, hai bên điện đàm.", &r).len(), 2);
        assert_eq!(sentences("He met J. Smith in Hanoi.", &r).len(), 1);
        // the network X after a lower-case word ends its sentence; an initial X does not
        assert_eq!(sentences("Eide gratulerte ham i et innlegg på X. Kong Harald sendte et telegram.", &r).len(), 2);
        assert_eq!(sentences("He met Malcolm X. Smith in Hanoi.", &r).len(), 1);
        // regression: "Á" (Trung Á, Central Asia) was read as an initial
        assert_eq!(sentences("Hai nước là đối tác ở Trung Á. Chủ tịch nước chúc mừng hai bên.", &r).len(), 2);
    }

    #[test]
    fn cjk_full_stops() {
        let s = sentences("外相は会談した。両外相は合意した。", &SplitRules::default());
        assert_eq!(s, vec!["外相は会談した。", "両外相は合意した。"]);
    }

    #[test]
    fn debris_lines_are_marked() {
        let text = "Home Lao Chinese\nJapan and Laos held talks in Vientiane on Monday.\nKommentar (0)\n(Ảnh: Nguyễn Hồng)\nPV\nPrices l Advertisement l Subscription\nJapan supports ASEAN efforts to enhance connectivity";
        let paras = split_document(text, &SplitRules::default());
        let flags: Vec<bool> = paras.iter().map(|p| p.content).collect();
        assert_eq!(flags, vec![false, true, false, false, false, false, true]);
    }

    #[test]
    fn abbreviation_after_a_wide_space_does_not_panic() {
        // regression: a no-break space (two bytes) before an abbreviation
        let s = sentences("Gặp\u{a0}Mr. Smith. Xong.", &rules(&["mr."]));
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn pre_tokenised_dates_are_not_navigation() {
        // regression: "10 / 3" and "11 / 2023" in a sentence made it look like a menu
        let text =
            "Tại cuộc hội đàm , hai bên gặp nhau ngày 9 và 10 / 3 vừa qua , sau khi nâng cấp quan hệ tháng 11 / 2023 .";
        assert!(split_document(text, &SplitRules::default())[0].content);
    }

    #[test]
    fn offsets_are_original() {
        let text = "  Hai bên hội đàm.  Sau đó ký kết.\n";
        for p in split_document(text, &SplitRules::default()) {
            for s in p.sentences {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                assert!(!text[s.start..s.end].starts_with(' '));
            }
        }
    }
}
