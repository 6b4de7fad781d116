//! HTML pages to article text: the `trafilatura` crate (a port of go-trafilatura) finds the
//! main content and drops navigation, share bars, related links, comments and footers; this
//! module turns its cleaned HTML into plain text with one paragraph per line, headline first.
//!
//! For an HTML document, the text attache codes — and that evidence offsets point into — is
//! this extracted text, not the page source.

/// What a page holds once its boilerplate is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The headline (from `<title>`, OpenGraph or the article), when the page gives one.
    pub title: Option<String>,
    /// The article: headline, then its paragraphs, one per line.
    pub text: String,
    /// The publication date the page states (`YYYY-MM-DD`), when it gives one.
    pub published: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// The extractor found no main content.
    #[error("no article text found in the HTML ({0})")]
    NoContent(String),
}

/// Pages larger than this are cut before extraction (the extractor's cost grows with size).
pub const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;

/// Extract the article from an HTML page.
pub fn extract_page(html: &str) -> Result<Page, HtmlError> {
    let mut cut = html.len().min(MAX_HTML_BYTES);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let options = trafilatura::Options::default().with_fallback(true);
    let result = trafilatura::extract(&html[..cut], &options).map_err(|e| HtmlError::NoContent(e.to_string()))?;
    let body = html_to_text(&result.content_html);
    let title = Some(collapse_spaces(&result.metadata.title)).filter(|t| !t.is_empty());
    let mut text = String::new();
    if let Some(t) = &title {
        // the headline is its own unit, unless the body already opens with it
        if !body.starts_with(t.as_str()) {
            text.push_str(t);
            text.push('\n');
        }
    }
    text.push_str(&body);
    if text.trim().is_empty() {
        return Err(HtmlError::NoContent("empty main content".into()));
    }
    // a page date before the web or far in the future is the extractor guessing
    let published = result
        .metadata
        .date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .filter(|d| d.as_str() >= "1995-01-01" && d.as_str() <= "2100-01-01");
    Ok(Page { title, text, published })
}

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
    "table",
    "figure",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "hr",
];

/// Plain text of a fragment of clean HTML: tags dropped, block elements end lines,
/// entities decoded, spaces collapsed, blank lines removed.
pub fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        raw.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            // a stray "<" is text
            raw.push_str(&decode_entities(&rest[lt..]));
            rest = "";
            break;
        };
        let tag = &after[..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[gt + 1..];
        if BLOCKS.contains(&name.as_str()) {
            raw.push('\n');
        } else if (name == "script" || name == "style") && !tag.starts_with('/') {
            // code is not text: skip to the closing tag
            let close = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(i) => &rest[i..],
                None => "",
            };
        }
    }
    raw.push_str(&decode_entities(rest));
    raw.lines().map(collapse_spaces).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode the entities an HTML serialiser writes: named basics and numeric forms.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse::<u32>().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Japan and Laos agree to deepen ties | The Example Times</title>
<meta property="og:title" content="Japan and Laos agree to deepen ties">
<meta property="article:published_time" content="2024-07-26T08:00:00+07:00"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="share">Share: Facebook Twitter Email</div>
<article><h1>Japan and Laos agree to deepen ties</h1>
<p>Japanese Foreign Minister Kamikawa Yoko held talks with Lao Foreign Minister Saleumxay Kommasith in Vientiane on 25 July 2024.</p>
<p>The two ministers agreed to strengthen cooperation in infrastructure &amp; education, officials said after the meeting.</p>
<p>Kamikawa thanked Laos for hosting the ASEAN meetings this year and invited Saleumxay to visit Tokyo.</p></article>
<aside><h3>Related</h3><ul><li><a href="/a">Thailand and Cambodia sign trade pact</a></li></ul></aside>
<div class="comments">Comments (0)</div>
<footer>Copyright 2024 The Example Times. All rights reserved. Contact us | Advertise</footer></body></html>"#;

    #[test]
    fn the_article_without_its_page() {
        let page = extract_page(PAGE).unwrap();
        assert_eq!(page.title.as_deref(), Some("Japan and Laos agree to deepen ties"));
        assert_eq!(page.published.as_deref(), Some("2024-07-26"));
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(lines[0], "Japan and Laos agree to deepen ties");
        assert!(lines.iter().any(|l| l.starts_with("Japanese Foreign Minister Kamikawa Yoko held talks")));
        assert!(page.text.contains("infrastructure & education"));
        for debris in ["Share:", "Related", "Thailand and Cambodia", "Comments (0)", "Copyright", "Sport"] {
            assert!(!page.text.contains(debris), "{debris:?} leaked into {:?}", page.text);
        }
        // one paragraph per line
        assert!(lines.len() >= 4, "{lines:?}");
    }

    #[test]
    fn entities_and_tags() {
        assert_eq!(html_to_text("<p>A &lt;b&gt; &#233;t&#xE9; &nbsp;x</p><p>B</p>"), "A <b> été x\nB");
        assert_eq!(html_to_text("a < b & c"), "a < b & c");
        assert_eq!(html_to_text("<p>unclosed <b"), "unclosed <b");
        assert_eq!(html_to_text("<p>a</p><script>var p = '<p>';</script><style>p{}</style><p>b</p>"), "a\nb");
    }

    #[test]
    fn pages_without_an_article_are_an_error_not_a_panic() {
        assert!(extract_page("").is_err());
        let _ = extract_page("<html><body><nav><a href='/'>Home</a></nav></body></html>");
        let _ = extract_page("<<<>>><p>&#xFFFFFFFF; &#0;</p><div");
    }
}
