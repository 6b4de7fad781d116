//! Language identification for attache's 13 languages, with an honest `und` for the rest.
//!
//! Script decides first: Thai, Lao, Hangul and kana name their language at once, and Han
//! without kana is Chinese. Latin-script text goes to fastText's lid.176 model (embedded,
//! see `data/langid/README.md`), whose answer is kept only when it is one of the supported
//! languages; Bokmål and Nynorsk are both `no`, and Malay counts as Indonesian only when
//! the model also gives Indonesian a fair chance.

use std::sync::OnceLock;

use attache_fasttext::FastText;

/// The languages attache identifies (ISO 639-1); everything else is `und`.
pub const SUPPORTED: [&str; 13] = ["vi", "en", "no", "ja", "zh", "ko", "th", "lo", "id", "fr", "de", "es", "it"];

/// The embedded lid.176 model.
static MODEL_BYTES: &[u8] = include_bytes!("../../../data/langid/lid.176.ftz");

/// Below this probability the model's best supported answer is not trusted.
const MIN_PROBABILITY: f32 = 0.30;

/// A language guess.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    /// ISO 639-1 code from [`SUPPORTED`], or `und`.
    pub lang: &'static str,
    /// How sure the guess is, 0–1 (1 for a script decision).
    pub confidence: f32,
    /// True when the script alone decided.
    pub by_script: bool,
}

impl Guess {
    const UNDETERMINED: Guess = Guess { lang: "und", confidence: 0.0, by_script: false };
}

/// Letters per script family in a text.
#[derive(Debug, Default, Clone, Copy)]
struct ScriptCounts {
    thai: usize,
    lao: usize,
    hangul: usize,
    kana: usize,
    han: usize,
    other: usize,
}

fn count_scripts(text: &str) -> ScriptCounts {
    let mut c = ScriptCounts::default();
    for ch in text.chars().take(MAX_CHARS) {
        match ch as u32 {
            0x0E00..=0x0E7F => c.thai += 1,
            0x0E80..=0x0EFF => c.lao += 1,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => c.hangul += 1,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9D => c.kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => c.han += 1,
            // Latin letters without the general (slower) Unicode lookup
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF => c.other += 1,
            _ if ch.is_alphabetic() => c.other += 1,
            _ => {}
        }
    }
    c
}

/// Only the first characters of a long text are counted by script.
const MAX_CHARS: usize = 4_000;

/// The model reads at most this many characters (two or three sentences).
const MODEL_CHARS: usize = 400;

/// The first look reads this many characters (a sentence or two)…
const FIRST_LOOK_CHARS: usize = 200;

/// …and its answer stands when the model is at least this sure of a supported language.
const FIRST_LOOK_SURE: f32 = 0.90;

/// The language a script names by itself, when it dominates the text.
fn by_script(c: ScriptCounts) -> Option<&'static str> {
    let total = c.thai + c.lao + c.hangul + c.kana + c.han + c.other;
    if total == 0 {
        return None;
    }
    let share = |n: usize| n * 10 >= total * 3; // at least 30 % of the letters
    if share(c.thai) && c.thai >= c.lao {
        return Some("th");
    }
    if share(c.lao) {
        return Some("lo");
    }
    if share(c.hangul) {
        return Some("ko");
    }
    if share(c.kana + c.han) {
        // a few kana among Han characters mark Japanese; Chinese never uses them
        return Some(if c.kana * 20 > c.han { "ja" } else { "zh" });
    }
    None
}

/// The identifier: the loaded model.
pub struct Identifier {
    model: Option<FastText>,
}

impl Identifier {
    /// Load the embedded model. A model that fails to load leaves script detection only
    /// (every Latin-script text is then `und`), which the tests would reveal.
    pub fn new() -> Self {
        Self { model: FastText::load_from_reader(MODEL_BYTES).ok() }
    }

    /// The process-wide identifier, loaded on first use (about 10 ms).
    pub fn global() -> &'static Identifier {
        static GLOBAL: OnceLock<Identifier> = OnceLock::new();
        GLOBAL.get_or_init(Identifier::new)
    }

    /// Whether the statistical model is available.
    pub fn has_model(&self) -> bool {
        self.model.is_some()
    }

    /// Guess the language of `text`.
    pub fn detect(&self, text: &str) -> Guess {
        let counts = count_scripts(text);
        if let Some(lang) = by_script(counts) {
            return Guess { lang, confidence: 1.0, by_script: true };
        }
        if counts.other == 0 {
            return Guess::UNDETERMINED;
        }
        let Some(model) = &self.model else { return Guess::UNDETERMINED };
        // the model reads one line, and its cost grows with the length it reads: a first
        // look at a sentence or two settles most texts; the rest are read further
        let short = self.guess(model, text, FIRST_LOOK_CHARS);
        if (short.confidence >= FIRST_LOOK_SURE && short.lang != "und") || text.chars().nth(FIRST_LOOK_CHARS).is_none()
        {
            return short;
        }
        self.guess(model, text, MODEL_CHARS)
    }

    /// The model's guess from the first `chars` characters of `text`.
    fn guess(&self, model: &FastText, text: &str, chars: usize) -> Guess {
        let mut line: String = text.chars().take(chars).map(|c| if c.is_control() { ' ' } else { c }).collect();
        line.truncate(line.trim_end().len());
        let Ok(predictions) = model.predict(&line, 5, 0.0) else { return Guess::UNDETERMINED };
        let labelled: Vec<(&str, f32)> = predictions
            .iter()
            .map(|p| (p.label.strip_prefix("__label__").unwrap_or(&p.label), p.probability))
            .collect();
        let Some(&(top, p_top)) = labelled.first() else { return Guess::UNDETERMINED };
        let prob_of = |code: &str| labelled.iter().find(|(l, _)| *l == code).map_or(0.0, |(_, p)| *p);
        let norwegian = prob_of("no") + prob_of("nn") + prob_of("nb");
        let scandinavian = norwegian + prob_of("da") + prob_of("sv");
        let (lang, p) = match top {
            "nn" | "no" | "nb" => ("no", norwegian),
            // the model spreads Norwegian over no, nn and Danish; most of the group's mass
            // on Bokmål and Nynorsk together is Norwegian
            "da" | "sv" if norwegian >= 0.45 * scandinavian => ("no", norwegian),
            // Malay and Indonesian share most words; Indonesian with a fair share is Indonesian
            "ms" if prob_of("id") >= 0.15 => ("id", prob_of("id") + p_top),
            other => match SUPPORTED.iter().find(|s| **s == other) {
                Some(s) => (*s, p_top),
                None => return Guess { lang: "und", confidence: p_top, by_script: false },
            },
        };
        if p < MIN_PROBABILITY {
            return Guess { lang: "und", confidence: p, by_script: false };
        }
        Guess { lang, confidence: p.min(1.0), by_script: false }
    }
}

impl Default for Identifier {
    fn default() -> Self {
        Self::new()
    }
}

/// Forget the words this thread has seen (the model caches each word's sum of rows); for
/// measuring identification on text whose every word is new.
pub fn forget_words() {
    attache_fasttext::clear_word_cache();
}

/// Guess the language of `text` with the process-wide identifier.
pub fn detect(text: &str) -> Guess {
    Identifier::global().detect(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_decide_at_once() {
        assert_eq!(detect("ສະຫະພັນ ລັດຖະມົນຕີ ໄດ້ພົບປະກັນ").lang, "lo");
        assert_eq!(detect("รัฐมนตรีต่างประเทศพบกันที่กรุงเทพฯ").lang, "th");
        assert_eq!(detect("두 나라 외교장관이 서울에서 회담했다").lang, "ko");
        assert_eq!(detect("両外相は東京で会談した").lang, "ja");
        assert_eq!(detect("两国外长在北京举行会谈").lang, "zh");
    }

    #[test]
    fn the_model_loads_and_leaves_others_undetermined() {
        assert!(Identifier::global().has_model());
        assert_eq!(detect("The two foreign ministers held talks in Vientiane on Thursday.").lang, "en");
        assert_eq!(detect("Министры иностранных дел провели переговоры в Москве.").lang, "und");
        assert_eq!(detect("").lang, "und");
        assert_eq!(detect("12345 !!!").lang, "und");
    }
}
