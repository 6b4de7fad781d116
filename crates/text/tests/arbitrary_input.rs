//! Property test: no input makes the front-end panic, and every offset it returns is a
//! char boundary of the original that slices back to what it claims. Inputs are drawn by a
//! seeded generator from a pool of hard characters (combining marks, CJK, Thai, Lao, RTL,
//! emoji, controls, quotes, dots) plus random bytes decoded lossily.

use attache_text::{normalize, split_document, tokenize, SplitRules};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const POOL: &[&str] = &[
    "a",
    "Z",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    ".",
    ". ",
    "!",
    "?",
    "…",
    ",",
    " , ",
    " / ",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "’",
    "«",
    "»",
    "\u{0300}",
    "\u{0323}",
    "\u{0301}\u{0302}",
    "ạ",
    "Ở",
    "đ",
    "Đ",
    "ø",
    "Å",
    "ß",
    "İ",
    "ﬁ",
    "外",
    "務",
    "。",
    "「",
    "」",
    "한",
    "국",
    "ไทย",
    "ລາວ",
    "\u{200b}",
    "\u{feff}",
    "\u{00ad}",
    "\u{00a0}",
    "\u{202e}",
    "ا",
    "ש",
    "😀",
    "👩‍👩‍👧",
    "\u{0}",
    "\u{7f}",
    "\u{10ffff}",
    "Mr.",
    "U.S.",
    "3. september",
    "TP.",
    "bl.a.",
    "10 / 3",
    "Kommentar (0)",
    "©",
    " l ",
    " | ",
    "Ⅻ",
    "१२",
];

fn arbitrary(rng: &mut Rng) -> String {
    let mut s = String::new();
    let n = rng.below(80);
    for _ in 0..n {
        if rng.below(10) == 0 {
            let bytes: Vec<u8> = (0..rng.below(8)).map(|_| rng.next() as u8).collect();
            s.push_str(&String::from_utf8_lossy(&bytes));
        } else {
            s.push_str(POOL[rng.below(POOL.len())]);
        }
    }
    s
}

#[test]
fn front_end_never_panics_and_offsets_hold() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let rules = SplitRules::from_abbreviations("mr.\nu.s.\ntp.\nbl.a.\n");
    for _ in 0..5000 {
        let text = arbitrary(&mut rng);
        for p in split_document(&text, &rules) {
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            for s in &p.sentences {
                assert!(p.start <= s.start && s.end <= p.end, "{text:?}");
                let sentence = &text[s.start..s.end];
                let n = normalize(sentence, s.start);
                assert_eq!(n.map.len(), n.key.len() + 1);
                for (i, _) in n.key.char_indices() {
                    let (a, b) = n.original_range(i, i);
                    assert!(a <= b && b <= text.len());
                    assert!(text.is_char_boundary(a), "{text:?}");
                }
                let (a, b) = n.original_range(0, n.key.len());
                assert!(text.is_char_boundary(a) && text.is_char_boundary(b) && a <= b && b <= text.len());
            }
        }
        for t in tokenize(&text, 0) {
            assert_eq!(&text[t.start..t.end], t.surface);
        }
    }
}

const HTML_POOL: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"x\">",
    "</div>",
    "<article>",
    "</article>",
    "<nav>",
    "</nav>",
    "<br>",
    "<br/>",
    "<script>var a = '<p>';</script>",
    "<style>p{}</style>",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<html>",
    "</html>",
    "<body>",
    "<title>",
    "</title>",
    "<meta property=\"article:published_time\" content=\"2024-13-45\">",
    "<a href='",
    "'>",
    "</a>",
    "&amp;",
    "&#x1F600;",
    "&#99999999;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "\"",
    "<p",
    "</",
    "<table><tr><td>",
    "</td></tr></table>",
    "<![CDATA[",
    "]]>",
    "<svg><p>",
    "<h1>",
    "</h1>",
    "<li>",
];

fn arbitrary_html(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(120) {
        match rng.below(4) {
            0 => s.push_str(POOL[rng.below(POOL.len())]),
            1 => s.push_str("The ministers met in Hanoi and agreed to cooperate. "),
            _ => s.push_str(HTML_POOL[rng.below(HTML_POOL.len())]),
        }
    }
    s
}

#[test]
fn html_extraction_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let html = arbitrary_html(&mut rng);
        if let Ok(page) = attache_text::html::extract_page(&html) {
            // text, one paragraph per line, never blank lines ("<p>" may be literal text)
            assert!(!page.text.trim().is_empty());
            assert!(!page.text.contains("\n\n"), "{:?}", page.text);
        }
        let _ = attache_text::html::html_to_text(&html);
    }
}
