//! The engine: loads every language pack once, then codes documents.

use rustc_hash::FxHashMap as HashMap;

use attache_actors::{KnowledgeBase, NameOrder};
use attache_langdata::DataSource;
use attache_model::{fnv1a64_continue, Actor, Document, Event, EventDate, Evidence, Location, FNV1A64_START};
use attache_text::{normalize, normalize_key, split_document, SplitRules};
use attache_time::{PartialDate, Precision, TimeExpr, TimeParser};

use crate::analysis::{
    analyse, choose_state, clauses, closes_quote, dateline_end, opens_quote, Analysis, ClauseGrammar, Context, Learned,
    Slot,
};
use crate::code_classes::{
    in_class, AID, AID_GIVEN_OR_PROMISED, AID_OR_SYMPATHY, ANSWERS_TO_A_DEED, ARMED_FORCE, HOSTILE, HOSTILE_DEEDS,
    MEDIATION, MUTUAL, OWN_ACTOR, PLACE_TARGET, SETTLEMENTS, VERBAL_REACTIONS,
};
use crate::lexicon::{Entry, Lexicon, TitleEntry};
use crate::pack::{parse_events, parse_pack_info, parse_word_lines, Frame, PackInfo, Pattern, Spellings, WordClass};
use crate::CoderError;

struct LanguageModel {
    info: PackInfo,
    honorifics: Vec<String>,
    /// Words that may stand between the parts of one mention (`name_gap`), normalised.
    name_gaps: Vec<String>,
    /// Articles that may stand before a name in a list (`article`), normalised.
    articles: Vec<String>,
    /// Words saying another actor does the same (`also`), normalised.
    also_words: Vec<String>,
    /// Object pronouns written before their verb (`object_clitic`), normalised.
    object_clitics: Vec<String>,
    /// Endings that may follow a person's name inside its word (`name_suffix`).
    name_suffixes: Vec<String>,
    /// The `between` words, normalised: a trigger ending in one ("talks between") opens a
    /// `between`-phrase itself.
    between_words: Vec<String>,
    /// Relative pronouns (`relative_pronoun`), normalised; those relative only after a comma
    /// (`relative_pronoun_after_comma`) with a leading comma (",que").
    relative_pronouns: Vec<String>,
    /// The CAMEO root of the act each `act_reference` phrase names, by normalised phrase.
    act_reference_kinds: HashMap<String, String>,
    lexicon: Lexicon,
    patterns: Vec<Pattern>,
    /// Refinements: (refined code, base code, normalised context words).
    refinements: Vec<(String, String, Vec<String>)>,
    /// The same refinements per base code: an automaton over their context words, whose
    /// value is the index of the first refinement (in file order) that lists the word.
    refiners: HashMap<String, daachorse::CharwiseDoubleArrayAhoCorasick<u32>>,
    split: SplitRules,
    /// Particles of a verb-final language (empty elsewhere).
    particles: crate::verb_final::Particles,
}

impl LanguageModel {
    /// What `analyse` needs to read a sentence of this language.
    fn context<'a>(
        &'a self,
        kb: &'a KnowledgeBase,
        date: Option<&'a str>,
        learned: &'a [Learned],
        home: Option<&'a str>,
        learned_finders: Option<&'a [crate::analysis::LearnedFinder<'a>]>,
    ) -> Context<'a> {
        Context {
            lexicon: &self.lexicon,
            kb,
            patterns: &self.patterns,
            date,
            learned,
            spaced: self.info.word_boundaries,
            spaces_end_clauses: self.info.spaces_end_clauses,
            honorifics: &self.honorifics,
            name_gaps: &self.name_gaps,
            articles: &self.articles,
            state_words_in_names: self.info.state_words_in_names,
            han_names_after_titles: self.info.han_names_after_titles,
            han_names_before_titles: self.info.han_names_before_titles,
            names_before_state_titles: self.info.names_before_state_titles,
            name_prefixes: &self.info.name_prefixes,
            particles: &self.particles,
            min_name_words: self.info.min_name_words,
            gap_words: self.info.gap_words,
            home,
            press_home: self.info.home.as_deref(),
            learned_finders,
        }
    }

    /// The code after refinement by context words in the sentence key, looked for from
    /// `from` (the trigger, or the start of a verb-final clause) to `to`, or else over the
    /// `REFINE_WINDOW_WORDS` words after `from` ("asked Y to expand trade").
    fn refine(&self, code: &str, key: &str, from: usize, to: Option<usize>) -> String {
        let Some(automaton) = self.refiners.get(code) else { return code.to_string() };
        let from = from.min(key.len());
        let mut end = key.len();
        if let Some(to) = to {
            end = to.clamp(from, key.len());
        } else if let Some(rest) = key.get(from..) {
            let mut words = 0;
            let mut in_word = false;
            for (i, c) in rest.char_indices() {
                let w = !c.is_whitespace();
                if w && !in_word {
                    words += 1;
                    if words > REFINE_WINDOW_WORDS {
                        end = from + i;
                        break;
                    }
                }
                in_word = w;
            }
        }
        let window = key.get(from..end).unwrap_or("");
        let first = automaton
            .find_overlapping_iter(window)
            .filter(|m| !self.info.word_boundaries || crate::lexicon::on_boundaries(window, m.start(), m.end()))
            .map(|m| m.value())
            .min();
        match first.and_then(|i| self.refinements.get(i as usize)) {
            Some((refined, _, _)) => refined.clone(),
            None => code.to_string(),
        }
    }
}

/// The hash of an event's id: FNV-1a 64 of "doc|code|source|target|sentence start",
/// computed piece by piece.
/// The key under which the document's events are merged (source, target, code, background),
/// hashed so that looking one up clones no string; a hit is checked against the event itself.
fn merge_key(src: &str, tgt: &str, code: &str, background: bool) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (src, tgt, code, background).hash(&mut h);
    h.finish()
}

/// True when `e` is the event merged under the key (source, target, code, background).
fn has_merge_key(e: &Event, src: &str, tgt: &str, code: &str, background: bool) -> bool {
    e.background == background
        && e.cameo == code
        && e.source.first().is_some_and(|a| a.country == src)
        && e.target.first().is_some_and(|a| a.country == tgt)
}

/// `n` as 16 lower-case hexadecimal digits, as `format!("{n:016x}")` writes it (without the
/// formatting machinery, once per event).
fn hex16(n: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    (0..16).rev().map(|i| char::from(DIGITS[((n >> (i * 4)) & 0xf) as usize])).collect()
}

fn event_seed_hash(doc: &str, code: &str, src: &Party, tgt: &Party, sentence_start: usize) -> u64 {
    let mut digits = [0u8; 20];
    let mut n = sentence_start;
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut h = FNV1A64_START;
    for piece in [doc.as_bytes(), code.as_bytes(), src.actor.country.as_bytes(), tgt.actor.country.as_bytes()] {
        h = fnv1a64_continue(h, piece);
        h = fnv1a64_continue(h, b"|");
    }
    fnv1a64_continue(h, &digits[at..])
}

/// One automaton per refined base code over its refinements' context words.
fn refiners_of(
    refinements: &[(String, String, Vec<String>)],
) -> Result<HashMap<String, daachorse::CharwiseDoubleArrayAhoCorasick<u32>>, CoderError> {
    let mut words_by_base: HashMap<&str, HashMap<&str, u32>> = HashMap::default();
    for (i, (_, base, words)) in refinements.iter().enumerate() {
        let map = words_by_base.entry(base.as_str()).or_default();
        for w in words.iter().filter(|w| !w.is_empty()) {
            map.entry(w.as_str()).or_insert(i as u32);
        }
    }
    let mut out = HashMap::default();
    for (base, words) in words_by_base {
        if words.is_empty() {
            continue;
        }
        let automaton = daachorse::CharwiseDoubleArrayAhoCorasick::with_values(words)
            .map_err(|e| CoderError::Automaton(e.to_string()))?;
        out.insert(base.to_string(), automaton);
    }
    Ok(out)
}

/// Loaded language packs, knowledge base and time lexicon.
pub struct Engine {
    kb: KnowledgeBase,
    models: HashMap<String, LanguageModel>,
    time: TimeParser,
    /// Whether `code` fills `DocOutput::explanations` (off by default: it costs time).
    explain: bool,
}

/// How one event was found: which words filled which slot of which pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The event's id.
    pub event_id: String,
    /// The pattern line.
    pub rule: String,
    /// The argument frame.
    pub frame: String,
    /// The trigger words as written.
    pub trigger: String,
    /// The words that gave the source.
    pub source: String,
    /// The words that gave the target.
    pub target: String,
    /// The time expression used, or how the date was inherited.
    pub date: String,
    /// Modality and background reasons.
    pub notes: Vec<String>,
}

/// The result of coding one document.
#[derive(Debug, Clone, Default)]
pub struct DocOutput {
    /// Language the document was coded in (`und` when no pack fits).
    pub lang: String,
    /// Events, one per interaction, each with all its mentions.
    pub events: Vec<Event>,
    /// Names learned from "title + state + name" introductions.
    pub learned: Vec<Learned>,
    /// One explanation per event, same order, when the engine was built `with_explanations(true)`.
    pub explanations: Vec<Explanation>,
}

/// The language of a text: script first, then the fastText identifier (`attache-langid`);
/// the caller's hint decides only when the identifier is unsure.
pub fn detect_language(text: &str, hint: Option<&str>) -> String {
    let guess = attache_langid::detect(text);
    // a short text gives the identifier too few words to overrule the language declared for
    // it, unless its script does ("Ribuan warga Turki berdemonstrasi di depan …" is not
    // Italian)
    let short = text.len() < DECLARED_LANGUAGE_MIN_BYTES;
    match hint {
        Some(h) if guess.lang == "und" || (!guess.by_script && (short || guess.confidence < 0.5)) => h.to_string(),
        _ => guess.lang.to_string(),
    }
}

/// How long a text must be for its identified language to overrule a declared one written
/// in the same script.
const DECLARED_LANGUAGE_MIN_BYTES: usize = 200;

/// Remember a name introduced by title and state ("Lao Deputy Foreign Minister Phoxay
/// Khaykhamphithoune") as an actor for the rest of the document, found by its full form, its
/// first word and its last word (a Vietnamese given name, a surname: matched only when
/// capitalised); `order`: how the actor's people write their names
/// (`KnowledgeBase::name_order`).
fn learn(m: &crate::analysis::Mention, actor: &str, order: NameOrder, learned: &mut Vec<Learned>) {
    // a person of the register is found again by the parts of the name too ("Utenriksminister
    // Espen Barth Eide … Eide takket"), as a name captured from the text is
    let Some(name) = m.captured_name.as_ref().or(m.person.as_ref()) else { return };
    let lower = name.to_lowercase();
    // the same name introduced again (the full form is always the first key)
    if learned.iter().any(|l| l.keys.first() == Some(&lower)) {
        return;
    }
    let mut keys = vec![lower.clone()];
    // a name written otherwise than the register's canonical form is found again by the parts
    // of both ("Mahamat Idriss Déby Itno … Déby", "Sadyr Dschaparow … Dschaparow")
    let canonical = m.person.as_ref().filter(|p| m.captured_name.is_some() && *p != name).map(|p| p.to_lowercase());
    for written in std::iter::once(&lower).chain(canonical.as_ref()) {
        name_part_keys(written, order, &mut keys);
    }
    // the register's spelling may carry diacritics the text leaves out ("Kaïs Saïed …
    // Saied ha chiesto")
    let folded: Vec<String> = keys.iter().map(|k| attache_text::fold_diacritics(k)).collect();
    for f in folded {
        if !keys.contains(&f) {
            keys.push(f);
        }
    }
    learned.push(Learned {
        // a name the register knows keeps the register's spelling ("Phạm Minh Chính")
        name: m.person.clone().unwrap_or_else(|| name.clone()),
        keys,
        actor: actor.to_string(),
        sector: m.sector.clone(),
        role: m.role.clone(),
        start: m.orig_start,
        end: m.orig_end,
    });
}

/// Push onto `keys` the first and last parts of the lower-cased name `lower` that are long
/// enough to find the person again alone (a family name first: a Chinese or Korean name in
/// Latin letters, found again by its short family name: "Xi Jinping … Xi praised", "Cho Hyun …
/// Cho"; two surnames: the father's, before the last part, too: "Gonzalo Ugarte Rivas … Ugarte").
fn name_part_keys(lower: &str, order: NameOrder, keys: &mut Vec<String>) {
    let surname_first = order == NameOrder::FamilyFirst;
    // the parts of a katakana or transliterated Chinese name are joined by a middle dot
    // ("マリズ・ペイン", "阿尔贝托·范克拉弗伦"); such a name is found again by its first or last
    // part, which is often short
    let name_dot = |c: char| crate::analysis::NAME_DOTS.contains(&c);
    let dotted = lower.contains(name_dot);
    let mut toks: Vec<&str> =
        lower.split(|c: char| c.is_whitespace() || name_dot(c)).filter(|t| !t.is_empty()).collect();
    // a last part written as an abbreviation or a Roman numeral is no family name ("Surangel
    // Whipps Jr." is found again as "Whipps", "Martin Luther King III" as "King")
    while toks.len() > 2 && toks.last().is_some_and(|t| is_name_suffix(t)) {
        toks.pop();
    }
    // (Japanese calls a Lao or Thai official by the first part, "サルムサイ副首相", a
    // Western one by the last, "ペイン外相")
    // (Korean calls a foreign official by the last part, however short: "웡 장관")
    let hangul = lower.chars().any(|c| attache_text::char_script(c) == Some(attache_text::Script::Hangul));
    let mins: [usize; 2] = if dotted {
        [3, 2]
    } else if hangul {
        [2, 1]
    } else {
        [4, 3]
    };
    // "岩城真理子 … 岩城氏": a Han name of four to six characters of a state that writes the
    // family name first is found again by its first two, the usual length of a family name
    if let [whole] = toks.as_slice() {
        let chars = whole.chars().count();
        if surname_first && (4..=6).contains(&chars) && whole.chars().all(attache_text::is_han) {
            let family: String = whole.chars().take(2).collect();
            if !keys.contains(&family) {
                keys.push(family);
            }
        }
    }
    if order == NameOrder::TwoSurnames && toks.len() >= 3 {
        let father = toks[toks.len() - 2];
        // a particle is no surname ("Juan de la Fuente")
        let particle = matches!(father, "de" | "del" | "la" | "las" | "los" | "y" | "e" | "da" | "dos" | "do");
        if !particle && father.chars().count() >= mins[1] && !keys.iter().any(|k| k == father) {
            keys.push(father.to_string());
        }
    }
    if toks.len() >= 2 {
        let first_min = if surname_first && toks[0].bytes().all(|b| b.is_ascii_lowercase()) { 2 } else { mins[0] };
        for (t, min) in [(toks[0], first_min), (toks[toks.len() - 1], mins[1])] {
            if t.chars().count() >= min && !keys.iter().any(|k| k == t) {
                keys.push(t.to_string());
            }
        }
    }
}

/// Whether a lower-cased part of a name is a suffix written after the family name: an
/// abbreviation ("jr.", "sr.") or a Roman numeral ("ii", "iii", "iv").
fn is_name_suffix(part: &str) -> bool {
    part.ends_with('.') || (part.len() <= 4 && part.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// Whether a written form of a person's name belongs in `lang`'s lexicon: names in the
/// language's own script (Latin-script names for Latin-script languages, kana and Han for
/// Japanese, Han for Chinese, Hangul for Korean, Thai and Lao script for Thai and Lao).
fn written_for(name: &str, lang: &str) -> bool {
    let mut scripts = (false, false, false, false, false, false); // latin, han, kana, hangul, thai, lao
    for c in name.chars() {
        match c as u32 {
            0x0E00..=0x0E7F => scripts.4 = true,
            0x0E80..=0x0EFF => scripts.5 = true,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => scripts.3 = true,
            0x3040..=0x30FF => scripts.2 = true,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => scripts.1 = true,
            _ if c.is_alphabetic() => scripts.0 = true,
            _ => {}
        }
    }
    let (latin, han, kana, hangul, thai, lao) = scripts;
    match lang {
        "ja" => han || kana,
        "zh" => han && !kana,
        "ko" => hangul || han,
        "th" => thai,
        "lo" => lao,
        _ => latin && !han && !kana && !hangul && !thai && !lao,
    }
}

fn default_future(code: &str) -> String {
    match &code[..2] {
        "04" => "036".into(),
        "05" if code.starts_with("057") => "030".into(),
        "06" => "031".into(),
        "07" => "033".into(),
        _ => code.to_string(),
    }
}

#[derive(Clone)]
struct Party {
    actor: Actor,
    /// Stands for one of "the partners" rather than a named actor.
    group: bool,
}

/// The speaker a sentence's attribution names: the actor right after the sentence's last clause
/// break at or after item `from` ("…, sagte Außenministerin Baerbock", "…, sier Eide", "…, said
/// China"), with no act after it ("We urge …, while Russia attacked …" names no speaker). With
/// `person_only`, only a person or an official.
fn attributed_speaker(a: &Analysis, from: usize, person_only: bool) -> Option<String> {
    use crate::analysis::ItemKind;
    let rest = a.items.get(from..)?;
    let break_at = rest.iter().rposition(|i| matches!(i.kind, ItemKind::Word(WordClass::ClauseBreak)))?;
    let ItemKind::Mention(m) = rest.get(break_at + 1)?.kind else { return None };
    if rest[break_at + 1..].iter().any(|i| matches!(i.kind, ItemKind::Trigger { .. })) {
        return None;
    }
    let m = a.mentions.get(m)?;
    if person_only && m.person.is_none() && !m.official {
        return None;
    }
    m.actor.clone()
}

/// Whom a sentence's first person ("wir", "vi", "we") means when its own words or a later
/// sentence of its paragraph attribute the quotation to a speaker ("– Jeg gjentok … . Krigen i
/// Ukraina var også tema, skriver statsminister Jonas Gahr Støre."); `later` are the analyses
/// of the paragraph's next sentences.
fn quoted_speaker<'a>(a: &Analysis, key: &str, later: impl IntoIterator<Item = &'a Analysis>) -> Option<String> {
    use crate::analysis::ItemKind;
    let first_person = a.items.iter().position(|i| matches!(i.kind, ItemKind::Word(WordClass::FirstPerson)))?;
    // inside quotation marks, the speaker is the first actor named after them, whatever verb
    // stands between ("« Nous ne tolérerons … », a averti le Premier ministre malien")
    let fp = &a.items[first_person];
    let opened = key.get(..fp.start).is_some_and(|b| b.contains(opens_quote));
    let closed = key.get(fp.end..).and_then(|rest| rest.find(closes_quote)).map(|q| fp.end + q);
    if let (true, Some(close)) = (opened, closed) {
        // ... unless the sentence opens with an official who reports it ("Congo's minister said
        // that Rwanda was \"violating our territory\""): that official is the speaker
        let open = key.get(..fp.start).and_then(|b| b.rfind(opens_quote)).unwrap_or(0);
        let reporter = a.items.first().filter(|i| i.end <= open).and_then(|i| match i.kind {
            ItemKind::Mention(m) => a.mentions.get(m).filter(|m| m.official || m.person.is_some()),
            _ => None,
        });
        if let Some(c) = reporter.and_then(|m| m.actor.clone()) {
            return Some(c);
        }
        let after = a.items.iter().filter(|i| i.start > close);
        if let Some(c) = after
            .filter_map(|i| match i.kind {
                ItemKind::Mention(m) => a.mentions.get(m).and_then(|m| m.actor.clone()),
                _ => None,
            })
            .next()
        {
            return Some(c);
        }
    }
    attributed_speaker(a, first_person, false)
        .or_else(|| later.into_iter().find_map(|b| attributed_speaker(b, 0, true)))
}

/// The state or organisation an item of a sentence names: a place's state, or a mention's actor.
fn item_state<'a>(a: &'a Analysis, it: &'a crate::analysis::Item) -> Option<&'a str> {
    match &it.kind {
        crate::analysis::ItemKind::Place { country: Some(c) } => Some(c.as_str()),
        crate::analysis::ItemKind::Mention(m) => a.mentions.get(*m)?.actor.as_deref(),
        _ => None,
    }
}

/// How many sentences from the document's start a dateline may open (a headline, a byline, then
/// the body's first sentence).
const DATELINE_SENTENCES: usize = 3;

/// The state and name of an office's holder, as a bare title ("the minister") refers back to it.
type Holder = (String, Option<String>);

/// Records who holds `role`. An envoy's bare title means the envoy named last; any other bare
/// title only an office held by one state so far (`None` once holders of two states were named:
/// "the foreign minister" is then either).
fn record_holder(
    holders: &mut HashMap<String, Option<Holder>>,
    role: &str,
    country: &str,
    person: Option<&String>,
    last_wins: bool,
) {
    let holder = || (country.to_string(), person.cloned());
    match holders.get_mut(role) {
        // the same state again: nothing changes (an envoy's name is the latest)
        Some(Some(known)) if known.0 == country => {
            if last_wins && person.is_some() && known.1.as_ref() != person {
                known.1 = person.cloned();
            }
        }
        Some(known) if !last_wins => *known = None,
        Some(known) => *known = Some(holder()),
        None => {
            holders.insert(role.to_string(), Some(holder()));
        }
    }
}

fn actor_of(m: &crate::analysis::Mention, original: &str) -> Option<Actor> {
    let country = m.actor.clone()?;
    Some(Actor {
        country,
        sector: m.sector.clone(),
        person: m.person.clone().or_else(|| m.captured_name.clone()),
        text: original.get(m.orig_start..m.orig_end).unwrap_or("").to_string(),
        start: m.orig_start,
        end: m.orig_end,
    })
}

struct DocState {
    main_pair: Vec<String>,
    /// The two sides of the last meeting, talks, call or visit between exactly two actors:
    /// what "the two sides" means from then on (the document's main pair before any).
    last_pair: Vec<String>,
    author: Option<String>,
    /// The speaker of the sentence being coded, when it quotes its speaker's first person
    /// ("«Wir rufen … auf», sagte Außenministerin Baerbock"): whom "we" means there.
    speaker: Option<String>,
    last_subject: Vec<Party>,
    /// The last subject that was a person or an official: what "he" and "she" mean.
    last_person: Vec<Party>,
    current_date: Option<(EventDate, usize)>,
    /// The source and target of the last hostile deed: whom a threat with no target answers.
    last_hostile_deed: Option<(String, String)>,
    /// The first time the body's lead states (outside a dateline), once a lead sentence
    /// stated one: `None` before, `Some(None)` when that time is no day.
    lead_time: Option<Option<EventDate>>,
    /// Counterparts of the last meeting with several of them: what "the partners" means.
    partners: Vec<String>,
    /// The one actor who met the `partners` ("X held talks with Y, Z and W"), while that meeting
    /// is the last one: "the ministers" then means X with each of them.
    partners_hub: Option<String>,
    /// Every actor of the last meeting, or agreement signed, of three or more, until a
    /// meeting of two: "the three countries" of what follows.
    last_group: Vec<String>,
    /// The source of the last event coded: who did "the decision", "the move".
    last_source: Option<String>,
    /// The source of the last event before the one of `last_source`: what "the move" means
    /// when the mover itself reacts to it ("… condemned the move and vowed to retaliate").
    source_before: Option<String>,
    /// The last act of each CAMEO root and code (keyed by [`kind_key`]), as its number in
    /// `acts_recorded`, so that the latest of several kinds can be found: who did "the
    /// attack", "the sanctions".
    act_by_kind: HashMap<u32, usize>,
    /// The actors of each act `act_by_kind` has recorded, in the order coded: its doer,
    /// and both parties of a symmetric act ("welcomed the agreement" is aimed at both
    /// signatories).
    acts_recorded: Vec<Vec<String>>,
    /// Whom each act of `acts_recorded` was aimed at (its victims, for a hostile deed).
    acts_aimed_at: Vec<Vec<String>>,
    /// The CAMEO code of each act of `acts_recorded`.
    acts_code: Vec<String>,
    /// The date of each act of `acts_recorded` (its `EventDate` value, read again only when a
    /// later sentence names the act), and whether it was inferred.
    acts_date: Vec<Option<(String, bool)>>,
    /// The two actors of the document's hostile acts (CAMEO 11–20) between two that the text
    /// has named most so far (the later on a tie): what "the two sides" means to a third party
    /// that urges or condemns them.
    conflict_pair: Vec<String>,
    /// `conflict_pair` as the sentences before this one left it, when a hostile deed passed
    /// between its sides (else empty): whom a threat naming no one is aimed at.
    conflict_before: Vec<String>,
    /// Whether a hostile act has been recorded since `conflict_before` was taken.
    conflict_changed: bool,
    /// How many hostile acts each unordered pair of actors has had so far.
    conflict_counts: HashMap<(String, String), usize>,
    /// The recipients of the document's aid or sympathy so far (not background), with how many
    /// acts each received and the sentence of the latest ([`DocState::aid_recipient_besides`]).
    aid_received: Vec<(String, usize, usize)>,
    /// The state the document's disaster struck: the one state the first sentence naming a
    /// disaster with one state names ("A magnitude 7.1 earthquake struck southern Ecuador").
    stricken: Option<String>,
    /// The targets of the latest act of each reaction root ([`also_root`]), with its sentence:
    /// where "X also condemned" with no one named is aimed.
    last_targets_by_root: HashMap<&'static str, (usize, Vec<String>)>,
    reference: Option<PartialDate>,
    inferred: bool,
}

/// Whether an act coded `code` is of `kind` as an act reference names it: a CAMEO root or code
/// it starts with, except that praise and verbal support (051–053) are reactions no phrase names
/// as the root 05 ("the agreement", "the ceasefire" of the packs are the 05 acts of signing,
/// recognising, apologising).
fn act_of_kind(code: &str, kind: &str) -> bool {
    code.starts_with(kind) && !(kind == "05" && ["051", "052", "053"].iter().any(|v| code.starts_with(v)))
}

/// The one state other than the subjects' that a sentence names before a meeting at `start`
/// (talks, a visit, a meeting planned: codes 04 but mediation, and 036), when it names exactly
/// one: the place the traveller goes to.
fn meeting_destination<'a>(
    code: &str,
    subjects: &[Party],
    a: &'a crate::analysis::Analysis,
    start: usize,
) -> Option<&'a String> {
    let meeting = code.starts_with("036") || (code.starts_with("04") && !code.starts_with("045"));
    if !meeting || subjects.is_empty() {
        return None;
    }
    let mut named = a
        .mentions
        .iter()
        .filter(|m| m.end <= start)
        .filter_map(|m| m.actor.as_ref())
        .filter(|c| !c.starts_with("IGO:") && !subjects.iter().any(|s| &s.actor.country == *c));
    let first = named.next()?;
    named.all(|c| c == first).then_some(first)
}

/// How many sentences back the act an "also" repeats may stand.
const ALSO_REACH_SENTENCES: usize = 2;

/// The kind of reaction `code` is for the `also` rule: sympathy (018), appeals (02), praise
/// and support (05), demands (10), criticism (11), threats (13) and sanctions (16).
fn also_root(code: &str) -> Option<&'static str> {
    if code.starts_with("018") {
        return Some("018");
    }
    ["02", "05", "10", "11", "13", "16"].into_iter().find(|r| code.starts_with(r))
}

/// The span around `start..end` between the nearest items before and after it that `bound`
/// accepts: from the end of the one before (else 0) to the start of the one after (else
/// `usize::MAX`).
fn between_bounds(
    a: &crate::analysis::Analysis,
    start: usize,
    end: usize,
    bound: impl Fn(&crate::analysis::ItemKind) -> bool,
) -> (usize, usize) {
    let lo = a.items.iter().filter(|i| bound(&i.kind) && i.end <= start).map(|i| i.end).max().unwrap_or(0);
    let hi = a.items.iter().filter(|i| bound(&i.kind) && i.start >= end).map(|i| i.start).min().unwrap_or(usize::MAX);
    (lo, hi)
}

/// Whether the clause of the trigger at `start..end` holds one of `also_words` (between the
/// clause break or trigger before it and the one after it): as a word of its own in text
/// written with spaces, anywhere in text without them.
fn clause_says_also(also_words: &[String], key: &str, a: &crate::analysis::Analysis, start: usize, end: usize) -> bool {
    if also_words.is_empty() {
        return false;
    }
    let (lo, hi) = between_bounds(a, start, end, |k| {
        matches!(k, crate::analysis::ItemKind::Trigger { .. } | crate::analysis::ItemKind::Word(WordClass::ClauseBreak))
    });
    let Some(clause) = key.get(lo..hi.min(key.len())) else { return false };
    if !a.spaced {
        return also_words.iter().any(|w| clause.contains(w.as_str()));
    }
    clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .any(|word| also_words.iter().any(|w| w == word))
}

/// A CAMEO root or code ("05", "057", "0571") as a number that keeps its length apart ("05"
/// is not "005"): a map key that needs no string.
fn kind_key(kind: &str) -> u32 {
    kind.bytes().fold(1, |n, b| n.wrapping_mul(10).wrapping_add(u32::from(b.wrapping_sub(b'0'))))
}

/// Whether a CAMEO code is a consultation, call, visit, meeting or talks (04 but 045): a
/// mediation's objects are the sides it brought together, not whom its subject met.
fn is_meeting_or_call(code: &str) -> bool {
    code.starts_with("04") && !code.starts_with("045")
}

/// A cooperative act of the sentence so far, for a later verb of the same subject that names no
/// target of its own.
struct AimedAct {
    /// Who did it.
    subject: Slot,
    /// Where its clause ends.
    end: usize,
    /// The states it was aimed at.
    objects: Vec<String>,
    /// Whether it was a meeting or call (`is_meeting_or_call`).
    meeting: bool,
}

/// True when a mention of `object` is followed, past any grammatical words, by a trigger: the
/// subject of an act of its own ("pledged that Tokyo will supply patrol boats to Vietnam"),
/// not a party of the act before it.
fn own_state_acts_next(object: &Slot, a: &Analysis) -> bool {
    let Slot::Mentions(ms) = object else { return false };
    ms.iter().filter_map(|&m| a.mentions.get(m)).any(|m| {
        a.items
            .iter()
            .filter(|i| i.start >= m.end)
            .find(|i| !matches!(i.kind, crate::analysis::ItemKind::Word(_)))
            .is_some_and(|i| matches!(i.kind, crate::analysis::ItemKind::Trigger { .. }))
    })
}

/// The states an earlier act of the same sentence was aimed at, when that act has the same
/// subject as clause `c` and an "and" joins them with no clause break between (in a verb-final
/// language, where a verb's ending joins it to the next, no "and" is needed after a meeting or
/// call: "…と電話会談し、…を求めた", "…와 통화를 하고 … 당부했다").
fn same_subject_after_and<'a>(
    aimed_at: &'a [AimedAct],
    c: &crate::analysis::Clause,
    items: &[crate::analysis::Item],
    verb_final: bool,
) -> Option<&'a Vec<String>> {
    let act = aimed_at.iter().rev().find(|a| a.subject == c.subject && a.end <= c.start)?;
    let between = items.iter().filter(|i| i.start >= act.end && i.end <= c.start);
    let mut and_seen = false;
    for i in between {
        match i.kind {
            crate::analysis::ItemKind::Word(WordClass::And) => and_seen = true,
            crate::analysis::ItemKind::Word(WordClass::ClauseBreak) | crate::analysis::ItemKind::Trigger { .. } => {
                return None
            }
            _ => {}
        }
    }
    (and_seen || (verb_final && act.meeting)).then_some(&act.objects)
}

impl DocState {
    /// The actors of the latest act of any of `kinds` (CAMEO roots or codes joined by `|`).
    ///
    /// A kind list that names a signed agreement (057 or the root 05: "the deal", "the
    /// ceasefire") stands for the latest such act with two or more parties when there is one:
    /// "India remained committed to the pipeline" after a signing is no deal, nor is a pledge of
    /// aid or a word of thanks (051–053 are never the root 05's acts, see [`act_of_kind`]).
    fn last_act_of(&self, kinds: &str) -> Option<&Vec<String>> {
        self.last_act_at(kinds).and_then(|n| self.acts_recorded.get(n))
    }

    /// The number in `acts_recorded` of the act [`DocState::last_act_of`] finds.
    fn last_act_at(&self, kinds: &str) -> Option<usize> {
        let of_kind = |code: &str| kinds.split('|').any(|k| act_of_kind(code, k));
        let agreement = kinds.split('|').any(|k| k == "057" || k == "05");
        let shared = agreement
            .then(|| {
                (0..self.acts_recorded.len())
                    .rev()
                    .find(|&n| self.acts_recorded[n].len() >= 2 && self.acts_code.get(n).is_some_and(|c| of_kind(c)))
            })
            .flatten();
        shared.or_else(|| kinds.split('|').filter_map(|k| self.act_by_kind.get(&kind_key(k))).max().copied())
    }

    /// The doer of the latest act of any of `kinds`, with whom that act was aimed at.
    fn last_act_with_victims(&self, kinds: &str) -> Option<(&String, &Vec<String>)> {
        let n = kinds.split('|').filter_map(|k| self.act_by_kind.get(&kind_key(k))).max()?;
        Some((self.acts_recorded.get(*n)?.first()?, self.acts_aimed_at.get(*n)?))
    }

    /// How many hostile acts the conflict pair has had.
    fn conflict_acts(&self) -> usize {
        match self.conflict_pair.as_slice() {
            [a, b] => self.conflict_counts.get(&(a.clone(), b.clone())).copied().unwrap_or(0),
            _ => 0,
        }
    }

    /// Where the aid or sympathy of `givers` goes when the text names no recipient: the state
    /// hit by the document's disaster or war, that is, the one of the document's recipients so
    /// far that received most acts, the latest on a tie ("Vietnam sent aid to the Philippines
    /// … Japan also sent a rescue team"), never one of the givers.
    fn aid_recipient_besides(&self, givers: &[Party]) -> Option<String> {
        self.aid_received
            .iter()
            .filter(|(c, _, _)| !givers.iter().any(|g| g.actor.country == *c))
            .max_by_key(|&&(_, n, at)| (n, at))
            .map(|(c, _, _)| c.clone())
    }

    /// "The two sides": the last two-sided meeting's actors, else the document's main pair.
    fn pair(&self) -> &[String] {
        if self.last_pair.len() == 2 {
            &self.last_pair
        } else {
            &self.main_pair
        }
    }

    /// "The ministers", "the leaders" as parties: after a meeting of one actor with several
    /// (the last meeting), that actor and each counterpart (as a group, so that the pairs are
    /// the actor with each of them); else, after a meeting or signing of exactly three, the
    /// three; otherwise the two sides of `pair`.
    fn sides(&self, start: usize, end: usize) -> Vec<Party> {
        match &self.partners_hub {
            Some(hub) if self.partners.len() >= 2 => std::iter::once(synthetic(hub, "", start, end))
                .chain(self.partners.iter().filter(|c| *c != hub).map(|c| {
                    let mut p = synthetic(c, "", start, end);
                    p.group = true;
                    p
                }))
                .collect(),
            _ if self.last_group.len() == 3 => synthetics(&self.last_group, start, end),
            _ => synthetics(self.pair(), start, end),
        }
    }
}

/// How many later sentences of its paragraph may name the speaker of a quotation.
const QUOTE_ATTRIBUTION_SENTENCES: usize = 3;
/// Roles (titles.tsv) of a state's representatives abroad: a bare such title stands for the
/// representative the text named last rather than for the home state.
const ENVOY_ROLES: [&str; 2] = ["ambassador", "envoy"];
/// Roles of an institution or an official that serves a state's government rather than
/// leads it (with every `*_minister`): named with no state right after that state acted, they
/// are its own.
const SERVING_ROLES: [&str; 4] = ["ministry", "government", "spokesperson", "minister"];

/// Roles whose bare title does not refer back to the last holder named: institutions, and
/// titles too general to name one office.
const NO_ANAPHORA_ROLES: [&str; 7] =
    ["ministry", "government", "military", "embassy", "parliament", "party", "official"];

/// How many days after the publication day a yearless date of an act reported as done may lie
/// and still be read as coming (further ahead, the last year's occurrence is meant).
const YEARLESS_AHEAD_MAX_DAYS: i64 = 45;

/// The same day or month one year earlier (none for a bare year).
fn year_before(d: &PartialDate) -> Option<PartialDate> {
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            PartialDate::ymd(d.year - 1, m, day).or_else(|| PartialDate::ymd(d.year - 1, m, day - 1))
        }
        (Some(m), None) => PartialDate::ym(d.year - 1, m),
        _ => None,
    }
}

/// True when `t` is a day or month written without its year (and without a word that points
/// ahead) that lies more than [`YEARLESS_AHEAD_MAX_DAYS`] after a known publication day.
fn yearless_far_ahead(t: &TimeExpr, state: &DocState) -> bool {
    t.relative
        && !t.future_marker
        && t.ahead.is_none()
        && t.precision != Precision::Year
        && !state.inferred
        && state
            .reference
            .as_ref()
            .is_some_and(|r| r.day.is_some() && t.value.first_day() - r.first_day() > YEARLESS_AHEAD_MAX_DAYS)
}

/// How many days before publication the body's date of a headline's act may lie.
const HEADLINE_BODY_MAX_DAYS: i64 = 7;

/// The lead: the sentences after the headline whose date is the news day's.
const LEAD_SENTENCES: usize = 3;

/// "Niger weist EU-Botschafter aus" (the headline, undated) … "wies am Dienstag … aus": an
/// undated act of the first sentence takes the date the body gives the same act (the same
/// two actors and CAMEO root), or else the day the lead dates its acts, or else the first day
/// the lead states (`lead_time`), when that date lies within a week before publication.
fn date_headline_from_body(events: &mut [Event], reference: Option<&PartialDate>, lead_time: Option<EventDate>) {
    let Some(published) = reference.filter(|r| r.day.is_some()).map(PartialDate::first_day) else { return };
    let within_week = |d: &EventDate| {
        PartialDate::parse(&d.value)
            .map(|p| p.first_day())
            .is_some_and(|day| day <= published && published - day <= HEADLINE_BODY_MAX_DAYS)
    };
    let lead_time = lead_time.filter(within_week);
    let key = |e: &Event| {
        let a = e.source.first().map_or("", |x| x.country.as_str());
        let b = e.target.first().map_or("", |x| x.country.as_str());
        (a.min(b).to_string(), a.max(b).to_string(), e.root.clone())
    };
    let body: Vec<((String, String, String), EventDate)> = events
        .iter()
        .filter(|e| e.evidence.sentence > 0 && !e.background)
        .filter_map(|e| {
            let d = e.date.as_ref().filter(|d| !d.text.is_empty() && d.precision == "day")?;
            within_week(d).then(|| (key(e), d.clone()))
        })
        .collect();
    if body.is_empty() && lead_time.is_none() {
        return;
    }
    let lead_day = events
        .iter()
        .filter(|e| e.evidence.sentence > 0 && e.evidence.sentence <= LEAD_SENTENCES && !e.background)
        .find_map(|e| {
            let k = key(e);
            body.iter().find(|(bk, d)| *bk == k && Some(d) == e.date.as_ref()).map(|(_, d)| d.clone())
        });
    for e in
        events.iter_mut().filter(|e| e.evidence.sentence == 0 && e.date.as_ref().is_some_and(|d| d.text.is_empty()))
    {
        let k = key(e);
        let from_body = body.iter().find(|(bk, _)| *bk == k).map(|(_, d)| d.clone());
        if let Some(d) = from_body.or_else(|| lead_day.clone()).or_else(|| lead_time.clone()) {
            e.date = Some(d);
        }
    }
}

/// True when the key before `start` ends with one of `clitics` as whole words ("la invitó",
/// "lui a demandé"), or a trigger written with its pronoun starts with one ("la invitó" as
/// one phrase).
fn clitic_before(key: &str, start: usize, clitics: &[String]) -> bool {
    let before = key.get(..start).unwrap_or("").trim_end();
    let from = key.get(start..).unwrap_or("");
    clitics.iter().any(|c| {
        before.strip_suffix(c.as_str()).is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', ',']))
            || from.strip_prefix(c.as_str()).is_some_and(|rest| rest.starts_with(' '))
    })
}

/// A party with no words of its own for each of `countries` ("the two sides", "the move").
fn synthetics<'a>(countries: impl IntoIterator<Item = &'a String>, start: usize, end: usize) -> Vec<Party> {
    countries.into_iter().map(|c| synthetic(c, "", start, end)).collect()
}

fn synthetic(country: &str, text: &str, start: usize, end: usize) -> Party {
    Party {
        actor: Actor { country: country.to_string(), sector: None, person: None, text: text.to_string(), start, end },
        group: false,
    }
}

/// The name an [`EventDate`] gives `precision`.
fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

/// An act's date taken from elsewhere than a time expression of its own (the narrative's
/// day, an earlier act's, the publication's).
fn inherited_date(d: &PartialDate, inferred: bool) -> EventDate {
    EventDate {
        value: d.to_string(),
        end: None,
        precision: precision_name(d.precision()).into(),
        text: String::new(),
        inferred,
    }
}

fn date_of_expr(e: &TimeExpr, text: &str, base: usize, inferred: bool) -> EventDate {
    EventDate {
        value: e.value.to_string(),
        end: e.end_value.as_ref().map(ToString::to_string),
        precision: precision_name(e.precision).to_string(),
        text: text.get(e.start - base..e.end - base).unwrap_or("").trim().to_string(),
        inferred,
    }
}

/// A language's pack read from its own files, all but its phrase automaton, which needs
/// the knowledge base and the time lexicon too.
struct PreparedPack {
    /// The pack's language code.
    lang: String,
    /// The model, with an empty lexicon until [`with_lexicon`].
    model: LanguageModel,
    /// The pack's word phrases, matched by the automaton.
    words: Vec<(WordClass, String)>,
}

impl PreparedPack {
    /// How many phrases of its own the pack gives its automaton (a measure of the work of
    /// building it).
    fn phrase_count(&self) -> usize {
        self.words.len()
            + self.model.patterns.iter().flat_map(|p| &p.triggers).flatten().map(Spellings::count).sum::<usize>()
    }
}

/// Read the pack of `lang` from `src`: everything its automaton is not needed for.
fn prepare_pack(src: &DataSource, lang: &str) -> Result<PreparedPack, CoderError> {
    let info = parse_pack_info(lang, &src.read(&format!("packs/{lang}/pack.toml"))?.unwrap_or_default());
    let words_file = format!("packs/{lang}/words.tsv");
    let word_lines = parse_word_lines(&words_file, &src.read(&words_file)?.unwrap_or_default())?;
    // the kind of act each act reference names ("the attack": 19), by normalised phrase
    let act_reference_kinds: HashMap<String, String> =
        word_lines.iter().filter_map(|(_, phrase, root)| Some((normalize_key(phrase), root.clone()?))).collect();
    // a future naming what was agreed is matched as a future word, and listed for verb-final
    // chains (`own_future`)
    let own_futures: Vec<String> =
        word_lines.iter().filter(|(c, _, _)| *c == WordClass::OwnFuture).map(|(_, w, _)| w.clone()).collect();
    let all_words: Vec<(WordClass, String)> = word_lines
        .into_iter()
        .map(|(class, phrase, _)| (if class == WordClass::OwnFuture { WordClass::Future } else { class }, phrase))
        .collect();
    // classes read from the text around a phrase, never matched as phrases themselves
    let (read_words, words): (Vec<_>, Vec<_>) = all_words.into_iter().partition(|(c, _)| {
        matches!(
            c,
            WordClass::NameGap
                | WordClass::Also
                | WordClass::Article
                | WordClass::ObjectClitic
                | WordClass::NameSuffix
                | WordClass::RelativePronoun
                | WordClass::RelativePronounAfterComma
                | WordClass::Particle(_)
                | WordClass::Relative
                | WordClass::Connective
                | WordClass::AdnominalObject
                | WordClass::ReportedEnding
        )
    });
    let in_class = |list: &[(WordClass, String)], class: WordClass| -> Vec<String> {
        list.iter().filter(|(c, _)| *c == class).map(|(_, w)| w.clone()).collect()
    };
    let of_class = |class: WordClass| in_class(&read_words, class);
    let normalised = |ws: Vec<String>| -> Vec<String> { ws.iter().map(|w| normalize_key(w)).collect() };
    let name_gaps = normalised(of_class(WordClass::NameGap));
    let articles = normalised(of_class(WordClass::Article));
    let also_words = normalised(of_class(WordClass::Also));
    let object_clitics = normalised(of_class(WordClass::ObjectClitic));
    let name_suffixes = of_class(WordClass::NameSuffix);
    // (matched as phrases too)
    let between_words = normalised(in_class(&words, WordClass::Between));
    // (a pronoun that is relative only after a comma is kept with a leading comma: ",que")
    let mut relative_pronouns = normalised(of_class(WordClass::RelativePronoun));
    relative_pronouns
        .extend(normalised(of_class(WordClass::RelativePronounAfterComma)).into_iter().map(|w| format!(",{w}")));
    let connectives = of_class(WordClass::Connective);
    let relative = of_class(WordClass::Relative);
    let particle_words: Vec<(crate::pack::Particle, String)> = read_words
        .iter()
        .filter_map(|(c, w)| if let WordClass::Particle(p) = c { Some((*p, w.clone())) } else { None })
        .collect();
    let particles = crate::verb_final::Particles::new(&particle_words, info.word_boundaries)
        .with_verb_endings(if info.verb_final { &words } else { &[] })
        .with_relative_endings(&relative)
        .with_connectives(&connectives)
        .with_adnominal_objects(&of_class(WordClass::AdnominalObject))
        .with_reported_endings(&of_class(WordClass::ReportedEnding))
        .with_own_futures(&own_futures);
    let all_patterns = parse_events(lang, &src.read(&format!("packs/{lang}/events.txt"))?.unwrap_or_default())?;
    let (refining, patterns): (Vec<Pattern>, Vec<Pattern>) =
        all_patterns.into_iter().partition(|p| p.refines.is_some());
    let refinements: Vec<(String, String, Vec<String>)> = refining
        .into_iter()
        .map(|p| {
            // (every combination of a refinement's parts, as one phrase)
            let words = p
                .triggers
                .iter()
                .flat_map(|t| {
                    t.iter().map(Spellings::expand).fold(vec![String::new()], |acc, alts| {
                        acc.iter()
                            .flat_map(|a| {
                                alts.iter().map(move |b| if a.is_empty() { b.clone() } else { format!("{a} {b}") })
                            })
                            .collect()
                    })
                })
                .map(|w| normalize_key(&w))
                .filter(|w| !w.is_empty())
                .collect();
            (p.code, p.refines.unwrap_or_default(), words)
        })
        .collect();
    let mut split =
        SplitRules::from_abbreviations(&src.read(&format!("packs/{lang}/abbreviations.txt"))?.unwrap_or_default());
    split.ordinal_dot = info.ordinal_dot;
    let honorifics: Vec<String> = words
        .iter()
        .filter(|(c, _)| matches!(c, crate::pack::WordClass::Honorific | crate::pack::WordClass::Joiner))
        .map(|(_, w)| normalize_key(w))
        .collect();
    let refiners = refiners_of(&refinements)?;
    let lexicon = Lexicon::build_with_time(Vec::new(), Vec::new(), info.word_boundaries, Vec::new(), None)?;
    Ok(PreparedPack {
        lang: lang.to_string(),
        model: LanguageModel {
            info,
            honorifics,
            name_gaps,
            articles,
            also_words,
            object_clitics,
            name_suffixes,
            between_words,
            relative_pronouns,
            act_reference_kinds,
            lexicon,
            patterns,
            refinements,
            refiners,
            split,
            particles,
        },
        words,
    })
}

/// The prepared pack with its phrase automaton: the knowledge base's actors, titles and
/// people, the pack's words and triggers, and the time lexicon's phrases.
fn with_lexicon(
    pack: PreparedPack,
    kb: &KnowledgeBase,
    time: &TimeParser,
    src: &DataSource,
) -> Result<(String, LanguageModel), CoderError> {
    let PreparedPack { lang, mut model, words } = pack;
    let lang = lang.as_str();
    let (phrases, trigger_parts) = automaton_phrases(lang, &mut model, words, kb)?;
    // the time lexicon's phrases ride on the same automaton: one pass finds both
    model.lexicon = Lexicon::build_with_time(
        phrases,
        trigger_parts,
        model.info.word_boundaries,
        time.phrase_keys(lang),
        src.cache_dir().map(|d| (d, lang)),
    )?
    .with_suffixes(model.particles.endings())
    .with_name_suffixes(model.name_suffixes.clone());
    Ok((lang.to_string(), model))
}

/// The phrases of a language's automaton with what each denotes: the knowledge base's
/// actors, titles and people, the pack's `words`; and after them its triggers' parts, which
/// move out of `model`'s patterns.
#[allow(clippy::type_complexity)]
fn automaton_phrases(
    lang: &str,
    model: &mut LanguageModel,
    words: Vec<(WordClass, String)>,
    kb: &KnowledgeBase,
) -> Result<(Vec<(String, Entry)>, Vec<(Spellings, Entry)>), CoderError> {
    let actors = kb.actor_phrases(lang);
    let titles = kb.title_phrases(lang);
    let mut phrases: Vec<(String, Entry)> =
        Vec::with_capacity(actors.len() + titles.len() + words.len() + kb.person_variants().len());
    for a in actors {
        phrases.push((a.phrase.clone(), Entry::Actor { actor: a.actor.as_str().into(), kind: a.kind }));
    }
    for t in titles {
        let title = TitleEntry { sector: t.sector.clone(), role: t.role.clone(), state: t.state.clone() };
        phrases.push((t.phrase.clone(), Entry::Title(Box::new(title))));
    }
    for (v, id) in kb.person_variants() {
        if written_for(v, lang) {
            phrases.push((v.clone(), Entry::Person(*id)));
        }
    }
    for (class, w) in words {
        phrases.push((w, Entry::Word(class)));
    }
    // the triggers' words move into the automaton: after loading, a trigger entry says how
    // many parts its trigger has, and nothing else needs their text
    let mut trigger_parts: Vec<(Spellings, Entry)> = Vec::new();
    for (pi, p) in model.patterns.iter_mut().enumerate() {
        for (ti, t) in std::mem::take(&mut p.triggers).into_iter().enumerate() {
            let (Ok(pattern), Ok(trigger), Ok(parts)) = (u32::try_from(pi), u32::try_from(ti), u16::try_from(t.len()))
            else {
                return Err(CoderError::Automaton(format!("{lang}: pattern {pi} has too many triggers or parts")));
            };
            for (part, spellings) in (0u16..).zip(t) {
                trigger_parts.push((spellings, Entry::Trigger { pattern, trigger, part, parts }));
            }
        }
    }
    Ok((phrases, trigger_parts))
}

impl Engine {
    /// Load every pack from `src`.
    pub fn load(src: &DataSource) -> Result<Self, CoderError> {
        let languages = src.pack_languages();
        let threads = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, 8).min(languages.len());
        // First the knowledge base on this thread, and beside it the time lexicon and then
        // every pack's own files (which need neither); then the languages' automata, which
        // need all three. Each thread takes the next task until none is left, so that no
        // core idles while another parses a large pack or builds its automaton.
        let next_pack = std::sync::atomic::AtomicUsize::new(0);
        let prepare_packs = || {
            let mut done = Vec::new();
            loop {
                let i = next_pack.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(lang) = languages.get(i) else { break };
                done.push((i, prepare_pack(src, lang)));
            }
            done
        };
        let (kb, time, prepared) = std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads.max(2))
                .map(|n| {
                    scope.spawn(move || {
                        let time = (n == 1).then(|| TimeParser::load(src).map_err(|e| CoderError::Time(e.to_string())));
                        (time, prepare_packs())
                    })
                })
                .collect();
            let kb = KnowledgeBase::load(src);
            let mut prepared = prepare_packs();
            let mut time = None;
            for h in helpers {
                match h.join() {
                    Ok((t, done)) => {
                        time = time.or(t);
                        prepared.extend(done);
                    }
                    Err(_) => time = Some(Err(CoderError::Time("a loader thread panicked".into()))),
                }
            }
            (kb, time, prepared)
        });
        let kb = kb?;
        let time = time.unwrap_or_else(|| Err(CoderError::Time("the time lexicon was not loaded".into())))?;
        let mut slots: Vec<Option<PreparedPack>> = (0..languages.len()).map(|_| None).collect();
        for (i, pack) in prepared {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(pack?);
            }
        }
        // the largest automata first, so that the last one built is a small one and the
        // threads finish together
        slots.sort_by_key(|p| std::cmp::Reverse(p.as_ref().map_or(0, PreparedPack::phrase_count)));
        let slots: Vec<std::sync::Mutex<Option<PreparedPack>>> = slots.into_iter().map(std::sync::Mutex::new).collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let built: Vec<Result<(String, LanguageModel), CoderError>> = std::thread::scope(|scope| {
            let worker = || {
                let mut done = Vec::new();
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(slot) = slots.get(i) else { break };
                    let pack = slot.lock().ok().and_then(|mut s| s.take());
                    if let Some(pack) = pack {
                        done.push(with_lexicon(pack, &kb, &time, src));
                    }
                }
                done
            };
            let handles: Vec<_> = (1..threads).map(|_| scope.spawn(worker)).collect();
            let mut all = worker();
            for h in handles {
                all.extend(
                    h.join()
                        .unwrap_or_else(|_| vec![Err(CoderError::Automaton("a pack loader thread panicked".into()))]),
                );
            }
            all
        });
        let mut models = HashMap::default();
        for result in built {
            let (lang, model) = result?;
            models.insert(lang, model);
        }
        Ok(Self { kb, models, time, explain: false })
    }

    /// The same engine, recording how each event was found (`DocOutput::explanations`)
    /// when `on`.
    pub fn with_explanations(mut self, on: bool) -> Self {
        self.explain = on;
        self
    }

    /// The floor of dictionary coding: one pass of the language's phrase automaton over
    /// `text` (lower-cased), counting matches and doing nothing else. Benchmarks compare
    /// full coding against it.
    pub fn scan_only(&self, lang: &str, text: &str) -> usize {
        self.models.get(lang).map_or(0, |m| m.lexicon.count_matches(text))
    }

    /// Tokens of `text`, with runs of tokens that form one phrase of the language's lexicon
    /// (titles, names, triggers: "Bộ trưởng Ngoại giao", "hội đàm") joined into one word.
    pub fn words<'a>(&self, text: &'a str, lang: &str) -> Vec<attache_text::Token<'a>> {
        let tokens = attache_text::tokenize(text, 0);
        let Some(model) = self.models.get(lang) else { return tokens };
        let key = normalize(text, 0);
        let spans: Vec<(usize, usize)> = crate::lexicon::select(model.lexicon.find_all(&key.key))
            .into_iter()
            .map(|h| key.original_range(h.start, h.end))
            .collect();
        let mut out: Vec<attache_text::Token<'a>> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            let span = spans.iter().find(|(s, e)| *s == t.start && *e > t.end);
            if let Some(&(_, e)) = span {
                let mut j = i;
                while j + 1 < tokens.len() && tokens[j + 1].end <= e {
                    j += 1;
                }
                if j > i && tokens[j].end == e {
                    let surface = &text[t.start..e];
                    let key: String = normalize_key(surface);
                    out.push(attache_text::Token {
                        surface,
                        start: t.start,
                        end: e,
                        folded: attache_text::fold_diacritics(&key).into(),
                        key: key.into(),
                        kind: attache_text::TokenKind::Word,
                    });
                    i = j + 1;
                    continue;
                }
            }
            out.push(t.clone());
            i += 1;
        }
        out
    }

    /// Per language: (code, name, phrases in the automaton, event patterns, refinements).
    pub fn pack_stats(&self) -> Vec<(String, String, usize, usize, usize)> {
        let mut v: Vec<_> = self
            .models
            .iter()
            .map(|(code, m)| {
                (code.clone(), m.info.name.clone(), m.lexicon.len(), m.patterns.len(), m.refinements.len())
            })
            .collect();
        v.sort();
        v
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Languages with a loaded pack.
    pub fn languages(&self) -> Vec<String> {
        let mut v: Vec<String> = self.models.keys().cloned().collect();
        v.sort();
        v
    }

    /// The actors a text names, in order: states and organisations with sector, person and
    /// offsets (recognition alone, no event coding). `date` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`)
    /// resolves office-holders' names; names introduced by title and state are learned
    /// and recognised later in the text.
    pub fn actors(&self, text: &str, lang: &str, date: Option<&str>) -> Vec<Actor> {
        let Some(model) = self.models.get(lang) else { return Vec::new() };
        let sentences: Vec<(usize, usize)> = split_document(text, &model.split)
            .iter()
            .flat_map(|p| p.sentences.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>())
            .collect();
        let keys: Vec<_> = sentences.iter().map(|&(s, e)| normalize(&text[s..e], s)).collect();
        let mut learned: Vec<Learned> = Vec::new();
        let mut out = Vec::new();
        for pass in 0..2 {
            for (i, key) in keys.iter().enumerate() {
                let cx = model.context(&self.kb, date, &learned, None, None);
                let a = analyse(key, text, sentences[i].1, &cx);
                if pass == 0 {
                    for m in &a.mentions {
                        if let Some(c) = &m.actor {
                            learn(m, c, self.kb.name_order(c), &mut learned);
                        }
                    }
                } else {
                    out.extend(a.mentions.iter().filter(|m| !m.org_meeting).filter_map(|m| actor_of(m, text)));
                }
            }
        }
        out
    }

    /// Code one document in the language its text is identified as; a long paragraph in
    /// another language that has a pack (a quoted passage, a bilingual page) is coded in
    /// its own language.
    pub fn code(&self, doc: &Document) -> DocOutput {
        let lang = detect_language(&doc.text, doc.lang.as_deref());
        self.code_inner(doc, &lang, true)
    }

    /// Code one document in language `lang` (a pack's code), whatever its text looks like.
    pub fn code_as(&self, doc: &Document, lang: &str) -> DocOutput {
        self.code_inner(doc, lang, false)
    }

    fn code_inner(&self, doc: &Document, lang: &str, per_paragraph: bool) -> DocOutput {
        let text = doc.text.as_str();
        let lang = lang.to_string();
        let mut out = DocOutput { lang: lang.clone(), ..Default::default() };
        let Some(model) = self.models.get(&lang) else { return out };
        if model.patterns.is_empty() {
            return out;
        }
        let (reference, inferred) = match doc.published.as_deref().and_then(PartialDate::parse) {
            Some(d) => (Some(d), false),
            None => (self.time.infer_document_date(text, &lang), true),
        };
        let ref_string = reference.as_ref().map(ToString::to_string);
        let paragraphs = split_document(text, &model.split);
        let mut sentences: Vec<(usize, usize)> = Vec::new();
        let mut sentence_lang: Vec<(&str, &LanguageModel)> = Vec::new();
        let mut paragraph_of: Vec<usize> = Vec::new();
        for p in paragraphs.iter().filter(|p| p.content) {
            let mut here: (&str, &LanguageModel) = (lang.as_str(), model);
            if per_paragraph && p.end - p.start >= PARAGRAPH_LANGUAGE_MIN_BYTES {
                let plang = detect_language(&text[p.start..p.end], None);
                if plang != lang {
                    if let Some((code, m)) = self.models.get_key_value(&plang) {
                        here = (code.as_str(), m);
                    }
                }
            }
            for s in &p.sentences {
                sentences.push((s.start, s.end));
                sentence_lang.push(here);
                paragraph_of.push(p.start);
            }
        }
        let keys: Vec<_> = sentences.iter().map(|&(s, e)| normalize(&text[s..e], s)).collect();

        // pass 0: names introduced by title and state; actor counts for the main pair
        let mut learned: Vec<Learned> = Vec::new();
        let mut counts: HashMap<String, usize> = HashMap::default();
        let mut first_actor: Option<String> = None;
        // the state of the first person or official the text names: the "I" of a statement
        // ("Media release – Senator Penny Wong, Minister for Foreign Affairs … Today I met …"),
        // rather than a state its headline names
        let mut first_official: Option<String> = None;
        let mut first_pass: Vec<Analysis> = Vec::with_capacity(keys.len());
        let mut home_learned: Vec<(crate::analysis::Mention, String)> = Vec::new();
        // ... and in a language with no home state, the state of the dateline the body opens
        // with ("WARSAW — Foreign Minister Jan Kowal urged Minsk …"), under the same condition
        let mut dateline_learned: Vec<(crate::analysis::Mention, Vec<String>)> = Vec::new();
        let mut dateline_state: Option<String> = None;
        let mut choice_learned: Vec<crate::analysis::Mention> = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let m = sentence_lang[i].1;
            let cx = m.context(&self.kb, ref_string.as_deref(), &[], None, Some(&[]));
            let a = analyse(key, text, sentences[i].1, &cx);
            // (a dateline of one place, not "Baku/Moskau (dpa) -")
            if i < DATELINE_SENTENCES && dateline_state.is_none() && sentence_lang[i].1.info.home.is_none() {
                let (s_start, s_end) = sentences[i];
                let sentence = text.get(s_start..s_end).unwrap_or("");
                if let Some(end) = dateline_end(sentence) {
                    let in_dateline: Vec<_> = a.mentions.iter().filter(|m| m.orig_end <= s_start + end).collect();
                    if let ([place], false) = (in_dateline.as_slice(), sentence[..end].contains('/')) {
                        dateline_state = place.actor.clone().filter(|c| !c.starts_with("IGO:"));
                    }
                }
            }
            // an official named without a state, with a name ("外交部发言人毛宁"): learned with
            // the home state once it is known that the home state applies
            for m in a.mentions.iter().filter(|m| m.actor.is_none() && m.home_candidate && m.captured_name.is_some()) {
                match &sentence_lang[i].1.info.home {
                    Some(home) => home_learned.push((m.clone(), home.clone())),
                    // (not one named after another state in its sentence: "En Pekín, el portavoz
                    // de Exteriores Lin Jian", "nach Kirgistan, wo Außenminister Kulubajew …")
                    None => {
                        let before: Vec<String> = a
                            .items
                            .iter()
                            .filter(|it| it.end <= m.start)
                            .filter_map(|it| item_state(&a, it).map(str::to_string))
                            .collect();
                        dateline_learned.push((m.clone(), before));
                    }
                }
            }
            for m in &a.mentions {
                if m.state_choices.is_some() {
                    // a title of several states ("Bundeskanzler") is counted and learned once
                    // the document's other actors have chosen its state
                    choice_learned.push(m.clone());
                    continue;
                }
                if let Some(c) = &m.actor {
                    // an organisation named as the host of its own meeting ("G7外相会合") is
                    // the venue, not one of the document's sides
                    if !m.org_meeting {
                        *counts.entry(c.clone()).or_default() += if i < 3 { 2 } else { 1 };
                    }
                    first_actor.get_or_insert_with(|| c.clone());
                    if m.person.is_some() || m.official {
                        first_official.get_or_insert_with(|| c.clone());
                    }
                    learn(m, c, self.kb.name_order(c), &mut learned);
                }
            }
            // "来日" names Japan as much as "日本" does
            for it in &a.items {
                if let crate::analysis::ItemKind::Trigger { pattern } = it.kind {
                    if let Some(implied) = m.patterns.get(pattern).and_then(|p| p.implied_object.as_ref()) {
                        *counts.entry(implied.clone()).or_default() += 1;
                    }
                }
            }
            first_pass.push(a);
        }
        // a title of several states is of the one the document names most
        let mut state_choice: HashMap<String, String> = HashMap::default();
        for m in &choice_learned {
            let Some(choices) = m.state_choices.as_deref() else { continue };
            if !state_choice.contains_key(choices) {
                if let Some(c) = choose_state(choices, |c| counts.get(c).copied().unwrap_or(0)) {
                    state_choice.insert(choices.to_string(), c);
                }
            }
            if let Some(c) = state_choice.get(choices) {
                *counts.entry(c.clone()).or_default() += 1;
                first_actor.get_or_insert_with(|| c.clone());
                learn(m, c, self.kb.name_order(c), &mut learned);
            }
        }
        let apply_choice = |a: &mut Analysis| {
            for m in a.mentions.iter_mut() {
                if let Some(c) = m.state_choices.as_deref().and_then(|ch| state_choice.get(ch)) {
                    m.actor = Some(c.clone());
                }
            }
            // ... and so is a place of several ("in Brussels": "IGO:EU|BEL"), never left as the choice
            for it in a.items.iter_mut() {
                if let crate::analysis::ItemKind::Place { country: Some(c) } = &mut it.kind {
                    if c.contains('|') {
                        if let Some(chosen) = choose_state(c, |x| counts.get(x).copied().unwrap_or(0)) {
                            *c = chosen;
                        }
                    }
                }
            }
        };
        first_pass.iter_mut().for_each(apply_choice);
        let (reference, inferred) = match reference {
            Some(r) => (Some(r), inferred),
            None => (self.year_of_office_holders(&first_pass).map(PartialDate::y), true),
        };
        let ref_string = reference.as_ref().map(ToString::to_string);
        let mut ranked: Vec<(String, usize)> = counts.iter().map(|(c, n)| (c.clone(), *n)).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // officials named without a state belong to the language's home state only when
        // that state is among the document's main actors (not in foreign or translated news)
        // ... or when the document names at most one other state (home press reporting its
        // own government's act towards one country: "政府は、ウクライナに…")
        let home_active = |home: &Option<String>| {
            home.as_ref().is_some_and(|h| ranked.iter().take(3).any(|(c, _)| c == h) || ranked.len() <= 1)
        };
        if let Some(state) = &dateline_state {
            home_learned.extend(
                dateline_learned
                    .into_iter()
                    .filter(|(_, before)| before.iter().all(|c| c == state))
                    .map(|(m, _)| (m, state.clone())),
            );
        }
        for (m, home) in &home_learned {
            if home_active(&Some(home.to_string())) {
                learn(m, home, self.kb.name_order(home), &mut learned);
            }
        }
        let mut state = DocState {
            main_pair: ranked.iter().take(2).map(|r| r.0.clone()).collect(),
            last_pair: Vec::new(),
            author: first_official.or(first_actor).or_else(|| ranked.first().map(|r| r.0.clone())),
            speaker: None,
            last_subject: Vec::new(),
            last_person: Vec::new(),
            current_date: None,
            last_hostile_deed: None,
            lead_time: None,
            partners: Vec::new(),
            partners_hub: None,
            last_group: Vec::new(),
            last_source: None,
            source_before: None,
            act_by_kind: HashMap::default(),
            acts_recorded: Vec::new(),
            acts_code: Vec::new(),
            acts_date: Vec::new(),
            acts_aimed_at: Vec::new(),
            conflict_pair: Vec::new(),
            conflict_before: Vec::new(),
            conflict_changed: false,
            conflict_counts: HashMap::default(),
            aid_received: Vec::new(),
            stricken: None,
            last_targets_by_root: HashMap::default(),
            reference: reference.clone(),
            inferred,
        };

        // the states each sentence names, in order, for condolences whose recipient only the
        // paragraph gives (kept only when the document has a trigger of condolences)
        let condolences_in = |i: usize, a: &Analysis| {
            a.items.iter().any(|it| match it.kind {
                crate::analysis::ItemKind::Trigger { pattern } => {
                    sentence_lang[i].1.patterns.get(pattern).is_some_and(|p| p.code.starts_with("018"))
                }
                _ => false,
            })
        };
        let any_condolences = first_pass.iter().enumerate().any(|(i, a)| condolences_in(i, a));
        let named_states: Vec<Vec<String>> = first_pass
            .iter()
            .filter(|_| any_condolences)
            .map(|a| {
                let states = a.mentions.iter().filter_map(|m| m.actor.as_deref());
                states.filter(|c| !c.starts_with("IGO:")).map(str::to_string).collect()
            })
            .collect();

        // pass 1: code every sentence
        let finders = crate::analysis::learned_finders(&learned);
        let mut index: HashMap<u64, usize> = HashMap::default();
        // the state (and name) of the holder of each office the text named last
        let mut office_holders: HashMap<String, Option<Holder>> = HashMap::default();
        // the states that were subjects of this sentence's acts (and, below, of the one before)
        let mut subjects_now: Vec<String> = Vec::new();
        for (si, key) in keys.iter().enumerate() {
            let subjects_before = std::mem::take(&mut subjects_now);
            // the conflict as earlier sentences left it, with a deed of force or coercion
            // between its sides (for threats that name no one); taken again only when a hostile
            // act has changed it
            if state.conflict_changed {
                state.conflict_changed = false;
                state.conflict_before = match (&state.last_hostile_deed, state.conflict_pair.as_slice()) {
                    (Some((s, o)), [a, b]) if (s == a && o == b) || (s == b && o == a) => state.conflict_pair.clone(),
                    _ => Vec::new(),
                };
            }
            let (s_start, s_end) = sentences[si];
            let (s_lang, model) = sentence_lang[si];
            let home = if home_active(&model.info.home) { model.info.home.as_deref() } else { None };
            let cx = model.context(&self.kb, ref_string.as_deref(), &learned, home, Some(&finders));
            // re-analyse only where a learned name occurs; the home state fills in the
            // first pass's officials without a state
            let mentions_learned = finders.iter().any(|f| f.occurs_in(&key.key));
            let mut a = if mentions_learned {
                let mut a = analyse(key, text, s_end, &cx);
                apply_choice(&mut a);
                a
            } else {
                let mut a = std::mem::take(&mut first_pass[si]);
                if let Some(home) = cx.home {
                    for m in a.mentions.iter_mut().filter(|m| m.home_candidate && m.actor.is_none()) {
                        m.actor = Some(home.to_string());
                    }
                }
                a
            };
            // a ministry named without a state ("il ministero degli Esteri", "Bộ Ngoại giao") in
            // a language's own press is its home state's, also in news about other states
            if cx.home.is_none() {
                if let Some(h) = model.info.home.as_deref() {
                    for m in a
                        .mentions
                        .iter_mut()
                        .filter(|m| m.home_candidate && m.actor.is_none() && m.role.as_deref() == Some("ministry"))
                    {
                        m.actor = Some(h.to_string());
                    }
                }
            }
            // the first sentence naming a disaster and one state says where the disaster struck
            // (not a later one: "… the quake cut off villages along the border with Tajikistan")
            if a.disaster && state.stricken.is_none() {
                let mut states: Vec<&str> = a
                    .items
                    .iter()
                    .filter_map(|it| item_state(&a, it))
                    .filter(|c| !c.starts_with("IGO:") && !c.contains('|'))
                    .collect();
                states.sort_unstable();
                states.dedup();
                if let [one] = states.as_slice() {
                    state.stricken = Some((*one).to_string());
                }
            }
            // a bare title ("The minister also urged …", "La ministra ha poi chiesto …",
            // "Đại sứ Nigeria … Đại sứ đánh giá cao …") is the holder of that office the text
            // named before, not the home state's official. Verb-final languages write a name
            // before its title ("アブドッラー2世国王", "윤 대통령"), which the title's own mention
            // does not show, so there only an envoy's refers back (their packs' "同外相" do the rest).
            let mut actor_before = false;
            for m in a.mentions.iter_mut() {
                // (in the press of a language with no home state, "the ministry" opening a
                // sentence is the one the text named last: "Ethiopia's foreign ministry rejected …
                // The ministry summoned …"; not after another actor: "Desde Brasilia, el
                // Ministerio …", "…, his ministry said")
                // ... and in any language's press, "the ministry" as one word ("Il ministero degli
                // Esteri iraniano ha protestato. Il ministero ha poi convocato …"): not a ministry
                // of the home state the way "il ministero degli Esteri" is
                let one_word =
                    model.info.word_boundaries && key.key.get(m.start..m.end).is_some_and(|t| !t.trim().contains(' '));
                let bare_ministry = !actor_before && (model.info.home.is_none() || one_word);
                actor_before |= m.actor.is_some() && !m.home_candidate;
                // (a ministry with its state is recorded even where a bare one may not refer)
                let anaphoric = |r: &&str| !NO_ANAPHORA_ROLES.contains(r) || *r == "ministry";
                let Some(role) = m.role.as_deref().filter(anaphoric) else { continue };
                let may_refer = role != "ministry" || bare_ministry;
                let envoy = ENVOY_ROLES.contains(&role);
                let bare = m.person.is_none()
                    && m.captured_name.is_none()
                    && !m.counterpart_only
                    && (envoy || !model.info.verb_final);
                if bare && may_refer && (m.actor.is_none() || m.home_candidate) {
                    if let Some(Some((c, person))) = office_holders.get(role) {
                        m.actor = Some(c.clone());
                        m.person = person.clone();
                    }
                } else if let (Some(c), false) = (&m.actor, m.home_candidate && !envoy) {
                    let person = m.person.as_ref().or(m.captured_name.as_ref());
                    // a portfolio minister is also what a bare "the minister" means
                    let general = (role.ends_with("_minister") && !role.starts_with("deputy")).then_some("minister");
                    for r in std::iter::once(role).chain(general) {
                        record_holder(&mut office_holders, r, c, person, envoy);
                    }
                }
            }
            // "Chile rejected the accusations. The foreign ministry summoned the Peruvian
            // ambassador": a ministry, government, spokesperson or minister named without a state
            // that opens its sentence, before any verb, serves the state of the one actor the
            // sentence before had as subject (in text with spaces; where no home state claims
            // it; not a leader's title, which names the office's holder: "la presidenta")
            let first_trigger = a
                .items
                .iter()
                .find(|i| matches!(i.kind, crate::analysis::ItemKind::Trigger { .. }))
                .map_or(usize::MAX, |i| i.start);
            // (one state: "The Japanese and Vietnamese foreign ministers met. The minister …"
            // is either)
            let previous_subject = match subjects_before.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            };
            if let (Some(c), true) = (previous_subject, model.info.word_boundaries) {
                if let Some(m) = a.mentions.iter_mut().min_by_key(|m| m.start).filter(|m| {
                    m.actor.is_none()
                        && m.official
                        && !m.counterpart_only
                        && m.end <= first_trigger
                        && m.person.is_none()
                        && m.role.as_deref().is_some_and(|r| SERVING_ROLES.contains(&r) || r.ends_with("_minister"))
                }) {
                    m.actor = Some(c);
                }
            }
            if trace_enabled() {
                eprintln!("[{}#{si}] {}", doc.id, key.key);
                for it in &a.items {
                    let what = match &it.kind {
                        crate::analysis::ItemKind::Mention(m) => format!("{:?}", a.mentions.get(*m)),
                        other => format!("{other:?}"),
                    };
                    eprintln!(
                        "    {:>4}..{:<4} {:?} {what}",
                        it.start,
                        it.end,
                        key.key.get(it.start..it.end).unwrap_or("")
                    );
                }
                for (mi, m) in a.mentions.iter().enumerate() {
                    eprintln!("    mention {mi}: {:?} {:?} {}..{}", m.actor, m.person, m.start, m.end);
                }
            }
            let mut early_times: Option<Vec<TimeExpr>> = None;
            let cls = if model.info.verb_final {
                let (cls, topic) =
                    crate::verb_final::clauses_verb_final(&a, &key.key, &model.patterns, &model.particles);
                // the topic of a sentence is the subject of later sentences that name none
                if let Some(topic) = topic {
                    let parties = self.resolve(&topic, &a, text, &state, key, 0);
                    if !parties.is_empty() {
                        state.last_subject = parties;
                    }
                }
                cls
            } else {
                // verb second: a time before the verb is fronted, so the subject follows the verb
                let has_trigger =
                    || a.items.iter().any(|i| matches!(i.kind, crate::analysis::ItemKind::Trigger { .. }));
                let time_ends: Option<Vec<usize>> = (model.info.verb_second && has_trigger()).then(|| {
                    let found =
                        self.time.find_normalized_with_hits(key, s_lang, state.reference.as_ref(), &a.time_hits);
                    let ends = found.iter().map(|t| key.map.partition_point(|&o| o < t.end)).collect();
                    early_times = Some(found);
                    ends
                });
                let grammar = ClauseGrammar {
                    verb_second: time_ends.as_deref(),
                    relatives: &model.relative_pronouns,
                    between_words: &model.between_words,
                    pro_drop: model.info.pro_drop,
                    finite_triggers: model.info.finite_triggers,
                    object_clitics: &model.object_clitics,
                    also_words: &model.also_words,
                };
                clauses(&a, &key.key, &model.patterns, &grammar)
            };
            if trace_enabled() {
                for c in &cls {
                    eprintln!("    clause pattern {} subject {:?} object {:?}", c.pattern, c.subject, c.object);
                }
            }
            // counted people ("About 2,000 Japanese visited Laos") do not act for their state
            let mut cls = cls;
            cls.retain(|c| {
                !matches!(&c.subject, Slot::Mentions(ms)
                    if !ms.is_empty() && ms.iter().all(|&i| a.mentions.get(i).is_some_and(|m| m.citizens)))
            });
            // "sent relief supplies to Nepal": a one-way gap trigger ("sent … supplies") around a finer
            // trigger of the same kind ("relief supplies") with the same subject that names its
            // object is that one act, not a second one aimed at nobody named
            let root_of = |c: &crate::analysis::Clause| model.patterns.get(c.pattern).and_then(|p| p.code.get(..2));
            let swallowed: Vec<usize> = (0..cls.len())
                .filter(|&i| {
                    let c = &cls[i];
                    c.object == Slot::Missing
                        && model.patterns.get(c.pattern).is_some_and(|p| p.frame == Frame::Dir)
                        && cls.iter().any(|o| {
                            o.start > c.start
                                && o.start < c.end
                                && root_of(o) == root_of(c)
                                && o.subject == c.subject
                                && matches!(&o.object, Slot::Mentions(ms) if !ms.is_empty())
                        })
                })
                .collect();
            for i in swallowed.into_iter().rev() {
                cls.remove(i);
            }
            // whether a person or an official is the subject of an act of this sentence
            let mut person_subject = false;
            // the last person or official this sentence names: "he", "she" of later sentences
            let named_person: Option<Vec<Party>> = a
                .mentions
                .iter()
                .rev()
                .find(|m| {
                    m.actor.is_some()
                        && (m.person.is_some() || m.official)
                        && !m.org_meeting
                        // (never an institution: "… der usbekischen Regierung. Zugleich forderte er …")
                        && !m.role.as_deref().is_some_and(|r| crate::analysis::INSTITUTION_ROLES.contains(&r))
                })
                .and_then(|m| actor_of(m, text))
                .map(|actor| vec![Party { actor, group: false }]);
            let paragraph_rest = (si + 1..keys.len().min(si + 1 + QUOTE_ATTRIBUTION_SENTENCES))
                .take_while(|&j| paragraph_of[j] == paragraph_of[si])
                .filter_map(|j| first_pass.get(j));
            state.speaker = quoted_speaker(&a, &key.key, paragraph_rest);
            // the lead's first stated time dates an undated headline (see date_headline_from_body)
            let lead_sentence = (1..=LEAD_SENTENCES).contains(&si) && state.lead_time.is_none();
            // a sentence with no act may still move the narrative to a day it states
            let may_date = (si > 0 && !a.time_hits.is_empty()) || key.key.bytes().any(|b| b.is_ascii_digit());
            if cls.is_empty() && !lead_sentence && !may_date {
                if let Some(p) = named_person {
                    state.last_person = p;
                }
                continue;
            }
            let sentence_text = &text[s_start..s_end];
            // the end of the dateline the sentence opens with ("BAKU, July 10 (AFP) -"), if any,
            // looked for once and only when a rule needs it
            let dateline_cell = std::cell::OnceCell::new();
            let sentence_dateline = || *dateline_cell.get_or_init(|| dateline_end(sentence_text).map(|d| s_start + d));
            let times: Vec<TimeExpr> = match early_times.take() {
                Some(t) => t,
                None => self.time.find_normalized_with_hits(key, s_lang, state.reference.as_ref(), &a.time_hits),
            };
            if lead_sentence {
                if let Some(t) = times.iter().find(|t| sentence_dateline().is_none_or(|d| t.start >= d)) {
                    let day = t.precision == Precision::Day && !t.past_marker && t.narrative_days.is_none();
                    state.lead_time = Some(day.then(|| date_of_expr(t, text, 0, state.inferred && t.relative)));
                }
            }
            if cls.is_empty() {
                // "8月24日、中国税関総署は…発表。…同日…抗議": the day a sentence with no act states
                // is where the narrative is, as an act's would be
                let stated_day = times.iter().find(|t| {
                    sentence_dateline().is_none_or(|d| t.start >= d)
                        && t.precision == Precision::Day
                        && t.end_value.is_none()
                        && !t.past_marker
                        && !t.future_marker
                        && t.narrative_days.is_none()
                        && state.reference.as_ref().is_none_or(|r| {
                            let (day, published) = (t.value.first_day(), r.first_day());
                            day <= published && published - day <= LONG_BEFORE_DAYS
                        })
                });
                let later = |t: &TimeExpr| {
                    state.current_date.as_ref().is_none_or(|(d, _)| {
                        PartialDate::parse(&d.value).is_some_and(|c| t.value.first_day() > c.first_day())
                    })
                };
                if si > 0 {
                    if let Some(t) = stated_day.filter(|t| later(t)) {
                        state.current_date = Some((date_of_expr(t, text, 0, state.inferred && t.relative), si));
                    }
                }
                if let Some(p) = named_person {
                    state.last_person = p;
                }
                continue;
            }
            let evidence = Evidence { sentence: si, start: s_start, end: s_end, text: sentence_text.to_string() };
            // where the clause breaks and other triggers stand, in original offsets
            let marks: Vec<(usize, usize, bool)> = a
                .items
                .iter()
                .filter_map(|i| {
                    match i.kind {
                        crate::analysis::ItemKind::Word(WordClass::ClauseBreak) => Some(false),
                        crate::analysis::ItemKind::Trigger { .. } => Some(true),
                        _ => None,
                    }
                    .map(|trig| {
                        let (s, e) = key.original_range(i.start, i.end);
                        (s, e, trig)
                    })
                })
                .collect();
            // a word of the sentence that points ahead: a yearless date far ahead may be that plan's
            let sentence_plans = a.items.iter().any(|i| i.kind == crate::analysis::ItemKind::Word(WordClass::Future));
            // where this sentence's acts of criticism, threat or force (roots 10 to 20) start: a
            // state named after one is what it is aimed at, and no condolences go to it
            let code_of = |c: &crate::analysis::Clause| model.patterns.get(c.pattern).map_or("", |p| p.code.as_str());
            let hostile_starts: Vec<usize> = if cls.iter().any(|c| code_of(c).starts_with("018")) {
                cls.iter()
                    .filter(|c| code_of(c).starts_with('1') || code_of(c).starts_with("20"))
                    .map(|c| c.start)
                    .collect()
            } else {
                Vec::new()
            };
            // each cooperative act's subject and the states it was aimed at, for a later verb of
            // the same subject joined by "and" that names no target of its own
            let mut aimed_at: Vec<AimedAct> = Vec::new();
            // the sides of the sentence's last meeting, call or visit: (its subjects, its partners)
            let mut met_in_sentence: Option<(Vec<String>, Vec<String>)> = None;
            // the states the sentence's meetings and calls name as partners, in text order:
            // "offered his condolences in a phone call with Noboa" consoles the one called
            let call_partners: Vec<String> = cls
                .iter()
                .filter(|c| model.patterns.get(c.pattern).is_some_and(|p| is_meeting_or_call(&p.code)))
                .filter_map(|c| if let Slot::Mentions(ms) = &c.object { Some(ms) } else { None })
                .flatten()
                .filter_map(|&m| a.mentions.get(m).and_then(|m| m.actor.clone()))
                .filter(|c| !c.starts_with("IGO:"))
                .collect();
            // each clause's start and the mentions naming its subject, for condolences that name
            // no one (collected only in a sentence that has such a clause)
            let condolences_here =
                cls.iter().any(|c| model.patterns.get(c.pattern).is_some_and(|p| p.code.starts_with("018")));
            let clause_subjects: Vec<(usize, Vec<usize>)> = cls
                .iter()
                .filter(|_| condolences_here)
                .filter_map(|c| match &c.subject {
                    Slot::Mentions(ms) => Some((c.start, ms.clone())),
                    _ => None,
                })
                .collect();
            for c in cls {
                let Some(p) = model.patterns.get(c.pattern) else { continue };
                let mut subjects = self.resolve(&c.subject, &a, text, &state, key, c.start);
                let mut objects = self.resolve(&c.object, &a, text, &state, key, c.start);
                // "The two countries fought a border war": the two sides of a hostile deed are
                // the sides of the document's conflict, not of its last meeting
                // (when the last meeting's pair shares a side with the conflict: a talk about it)
                let sides_of_deed = in_class(&p.code, &HOSTILE_DEEDS)
                    && state.conflict_pair.len() == 2
                    && state.conflict_pair != state.pair()
                    && state.pair().iter().any(|c| state.conflict_pair.contains(c));
                // "two Japanese nationals were detained in China": an arrest told in the passive
                // with no agent is the act of the state where it happened
                if p.frame == Frame::Rev && p.code.starts_with("17") && subjects.is_empty() {
                    if let Some((country, ps, pe)) = &c.place {
                        if !objects.is_empty() && !objects.iter().any(|o| &o.actor.country == country) {
                            let (os, oe) = key.original_range(*ps, *pe);
                            subjects = vec![synthetic(country, "", os, oe)];
                        }
                    }
                }
                // "the attack" is the last attack's actor, whatever was coded after it, unless
                // that is the one who reacts to it
                let named_kind: Option<&str> = c
                    .act_reference
                    .and_then(|(rs, re)| model.act_reference_kinds.get(crate::analysis::span_text(&key.key, rs, re)))
                    .map(String::as_str)
                    .or_else(|| c.named_deed.and_then(|d| model.patterns.get(d)).and_then(|d| d.code.get(..2)));
                // an act named with its own doer or victim ("the attack by Russia", "mandagens
                // krenkelse av estisk luftrom") stands for its actor only through its victim, below
                let names_own_party =
                    matches!(c.object, Slot::Mentions(_)) && (c.act_doer_named || c.named_deed.is_some());
                let kind = named_kind.filter(|_| !names_own_party);
                // a criticised hostile deed named with its victim is aimed at the deed's doer
                if let Some((doer, victims)) = named_kind
                    .filter(|k| names_own_party && !objects.is_empty() && in_class(k, &HOSTILE_DEEDS))
                    .and_then(|k| state.last_act_with_victims(k))
                {
                    if objects.iter().all(|o| victims.contains(&o.actor.country))
                        && !subjects.iter().any(|s| &s.actor.country == doer)
                    {
                        let (ts, te) = key.original_range(c.start, c.end);
                        objects = vec![synthetic(doer, "", ts, te)];
                    }
                }
                let kind_parties: Vec<&String> = kind
                    .and_then(|kinds| state.last_act_of(kinds))
                    .map(|parties| {
                        parties.iter().filter(|p| !subjects.iter().any(|s| &s.actor.country == *p)).collect()
                    })
                    .unwrap_or_default();
                // a reaction aimed at an act it names ("welcomed the signing") is no act of that kind
                let reacts_to_named_act = p.frame == Frame::Dir
                    && (!kind_parties.is_empty() || (c.object == Slot::LastActor && !objects.is_empty()));
                if !kind_parties.is_empty() {
                    let (ts, te) = key.original_range(c.start, c.end);
                    objects = synthetics(kind_parties, ts, te);
                } else if c.object == Slot::LastActor
                    && kind.is_some_and(|kinds| {
                        kinds.split('|').any(|k| in_class(k, &OWN_ACTOR)) && state.last_act_of(kinds).is_none()
                    })
                {
                    // an attack the text coded no actor for ("criticised the strike" of a group,
                    // or of nobody named) is not the last act of another kind; criticism or
                    // demands referred back may have been coded under a neighbouring root
                    objects.clear();
                } else if c.object == Slot::LastActor
                    && objects.iter().any(|o| subjects.iter().any(|s| s.actor.country == o.actor.country))
                {
                    // "the move" by the one who reacts to it is the act before its own
                    let (ts, te) = key.original_range(c.start, c.end);
                    objects = synthetics(&state.source_before, ts, te);
                } else if c.object == Slot::TwoSides
                    && state.conflict_pair.len() == 2
                    && !subjects.is_empty()
                    && !subjects.iter().any(|s| state.conflict_pair.contains(&s.actor.country))
                    && (subjects.iter().any(|s| state.pair().contains(&s.actor.country)) || state.conflict_acts() >= 2)
                {
                    // "Guterres urged the two sides …" after a clash: not the pair of the last
                    // meeting (which may be the speaker's own, or a call about the conflict),
                    // but the two sides of the document's hostile acts
                    let (ts, te) = key.original_range(c.start, c.end);
                    objects = synthetics(&state.conflict_pair, ts, te);
                }
                let symmetric_frame = matches!(p.frame, Frame::Sym | Frame::Meet);
                let participants = c.subject == Slot::Participants || c.object == Slot::Participants;
                let two_sides = participants || c.subject == Slot::TwoSides || c.object == Slot::TwoSides;
                // "Anwar phoned the leaders of both countries": a third party's call or talks
                // with the two sides is with each of them, not theirs with each other
                let third_party_meets_both = symmetric_frame
                    && p.code.starts_with("04")
                    && c.object == Slot::TwoSides
                    && !matches!(c.subject, Slot::TwoSides | Slot::Participants)
                    && !subjects.is_empty()
                    && !objects.is_empty()
                    && subjects.iter().all(|s| !objects.iter().any(|o| o.actor.country == s.actor.country));
                if symmetric_frame && participants && (state.partners_hub.is_some() || state.last_group.len() == 3) {
                    // "the ministers agreed" after one actor met several: that actor with each
                    let (ts, te) = key.original_range(c.start, c.end);
                    subjects = state.sides(ts, te);
                    objects.clear();
                } else if symmetric_frame
                    && (p.main_event || two_sides)
                    && state.pair().len() == 2
                    && !third_party_meets_both
                    // ("Chinese and Philippine diplomats met … under their mechanism": two sides
                    // the sentence names itself are the parties, not the document's last pair;
                    // a definite meeting noun stays the pair's: "X and Y will attend the meeting")
                    && (p.main_event || !(matches!(c.subject, Slot::Mentions(_)) && distinct(&subjects) == 2))
                {
                    // "X agreed ... between the two countries": the two sides are the participants
                    let (ts, te) = key.original_range(c.start, c.end);
                    let pair = if sides_of_deed && two_sides { &state.conflict_pair } else { state.pair() };
                    subjects = synthetics(pair, ts, te);
                    objects.clear();
                }
                if symmetric_frame && c.between && distinct(&objects) >= 2 {
                    // "hosted talks between X and Y": the talks are X's and Y's, not the host's
                    subjects = std::mem::take(&mut objects);
                }
                if symmetric_frame
                    && !c.partner
                    && (matches!(c.subject, Slot::TwoSides | Slot::Participants) || distinct(&subjects) >= 2)
                    && !(p.frame == Frame::Meet && matches!(c.object, Slot::Mentions(_)))
                {
                    // "the two sides agreed on X": X is what they agreed on, not a partner (but
                    // "the German chancellor and the French president met the Ukrainian
                    // president": whom two meet is a party of the meeting)
                    objects.clear();
                }
                if subjects.is_empty() && matches!(p.frame, Frame::Sym | Frame::Meet) && distinct(&objects) >= 2 {
                    // "talks between X and Y": the coordinated object holds both sides
                    subjects = std::mem::take(&mut objects);
                }
                if subjects.is_empty() && objects.is_empty() && symmetric_frame && state.pair().len() == 2 {
                    // "during the talks": a symmetric act with no named side is the document's pair
                    let (ts, te) = key.original_range(c.start, c.end);
                    subjects = synthetics(state.pair(), ts, te);
                }
                // condolences or an offer to mediate that name no party but their own actors (a
                // state named inside the phrase, "New Zealand's condolences", is their sender) have
                // no target yet: the shared rules below give them one (the other side of the
                // document's pair; the two sides a mediator stands between)
                let no_other_party =
                    objects.iter().all(|o| subjects.iter().any(|s| s.actor.country == o.actor.country));
                let condolences = p.code.starts_with("018") && distinct(&subjects) == 1;
                if no_other_party && (condolences || in_class(&p.code, &MEDIATION)) {
                    objects.clear();
                }
                // "Zelensky also thanked the hosts for taking in Ukrainian refugees": a one-way
                // act of a named subject whose only named party is the subject's own state names
                // no target; the rules below give a cooperative one the act it is joined to by
                // "and", or the other side of the document's pair. Not aid, given or promised: aid
                // to one's own nationals ("send aid to Norwegians hit by the disaster") is no act
                // between states.
                let own_party_only = p.frame == Frame::Dir
                    && distinct(&subjects) == 1
                    && matches!(c.subject, Slot::Mentions(_))
                    && matches!(c.object, Slot::Mentions(_))
                    && !in_class(&p.code, &AID_GIVEN_OR_PROMISED)
                    && !objects.is_empty()
                    && no_other_party
                    && !own_state_acts_next(&c.object, &a);
                if own_party_only {
                    objects.clear();
                }
                // "An earthquake struck eastern Afghanistan … China expressed its condolences":
                // condolences with no state named go to the last other state the paragraph named
                // before them
                if condolences && objects.is_empty() {
                    let own = |c: &str| subjects.iter().any(|s| s.actor.country == c);
                    // (not the subject of another act: "Japan said it would send tents, and
                    // Germany expressed condolences" names Japan as a donor, not the bereaved)
                    let acts_itself =
                        |mi: usize| clause_subjects.iter().any(|(start, ms)| *start != c.start && ms.contains(&mi));
                    let in_sentence = a
                        .mentions
                        .iter()
                        .enumerate()
                        .filter(|&(mi, m)| m.end <= c.start && !acts_itself(mi))
                        .map(|(_, m)| m)
                        .filter(|m| !hostile_starts.iter().any(|&h| h < m.start))
                        .filter_map(|m| m.actor.as_deref())
                        .filter(|c| !c.starts_with("IGO:"))
                        .rev();
                    let before = (0..si)
                        .rev()
                        .take_while(|&j| paragraph_of[j] == paragraph_of[si])
                        .flat_map(|j| named_states.get(j).into_iter().flatten().rev().map(String::as_str));
                    let called = call_partners.iter().map(String::as_str);
                    if let Some(other) = called.chain(in_sentence).chain(before).find(|c| !own(c)) {
                        let (ts, te) = key.original_range(c.start, c.end);
                        objects = vec![synthetic(other, "", ts, te)];
                    }
                }
                // "un colloquio con il collega greco, che gli ha chiesto di …": an object pronoun
                // right before the verb of a one-way act whose subject is whom the sentence's
                // meeting was with is the meeting's other side, whatever the act names after it
                let partner_asks = |(met_subjects, met_partners): &(Vec<String>, Vec<String>)| {
                    subjects
                        .iter()
                        .all(|s| met_partners.contains(&s.actor.country) && !met_subjects.contains(&s.actor.country))
                };
                if let Some((met_subjects, _)) = met_in_sentence.as_ref().filter(|m| {
                    p.frame == Frame::Dir
                        && !subjects.is_empty()
                        && partner_asks(m)
                        && clitic_before(&key.key, c.start, &model.object_clitics)
                }) {
                    let (ts, te) = key.original_range(c.start, c.end);
                    objects = met_subjects.iter().map(|m| synthetic(m, "", ts, te)).collect();
                }
                // "Bukele la invitó a visitar San Salvador", "le pidió que España …": an object
                // pronoun right before the verb of a one-way act that names no other party is
                // the other side of the document's pair, when the subject is one side of it
                if p.frame == Frame::Dir
                    && !subjects.is_empty()
                    && subjects.iter().all(|s| state.pair().contains(&s.actor.country))
                    && objects.iter().all(|o| subjects.iter().any(|s| s.actor.country == o.actor.country))
                    && clitic_before(&key.key, c.start, &model.object_clitics)
                {
                    let (ts, te) = key.original_range(c.start, c.end);
                    objects = vec![synthetic(COUNTERPART, "", ts, te)];
                }
                let anchor = subjects.first().map(|p| p.actor.country.clone());
                // after a subject outside the document's pair, "him" is the last person or
                // official named, not a side of the pair ("Fiji's prime minister thanked
                // Australia. Modi also congratulated him."); "his counterpart" stays the other side
                let outsider = anchor.as_ref().is_some_and(|a| !state.pair().contains(a));
                for o in objects.iter_mut().chain(subjects.iter_mut()) {
                    let pronoun = o.actor.country == OBJECT_PRONOUN;
                    if is_placeholder(&o.actor.country) {
                        let last_person =
                            || state.last_person.iter().map(|p| &p.actor.country).find(|c| Some(*c) != anchor.as_ref());
                        let other = (outsider && pronoun)
                            .then(last_person)
                            .flatten()
                            .or_else(|| state.pair().iter().find(|c| Some(*c) != anchor.as_ref()))
                            .cloned();
                        o.actor.country = other.unwrap_or_default();
                    }
                }
                objects.retain(|o| !o.actor.country.is_empty() && !is_placeholder(&o.actor.country));
                subjects.retain(|o| !o.actor.country.is_empty() && !is_placeholder(&o.actor.country));
                if !subjects.is_empty() && !c.embedded {
                    state.last_subject = subjects.clone();
                    for x in &subjects {
                        if !subjects_now.contains(&x.actor.country) {
                            subjects_now.push(x.actor.country.clone());
                        }
                    }
                    if subjects.iter().any(|x| x.actor.person.is_some() || x.actor.sector.is_some()) {
                        state.last_person = subjects.clone();
                        person_subject = true;
                    }
                }
                if p.code.starts_with("04") && distinct(&objects) >= 2 && !objects.iter().any(|o| o.group) {
                    // "met X, Y and Z": they are "the partners" of what follows
                    state.partners = objects.iter().map(|o| o.actor.country.clone()).collect();
                    state.partners.dedup();
                    state.partners_hub =
                        subjects.first().filter(|_| distinct(&subjects) == 1).map(|s| s.actor.country.clone());
                }
                // a meeting, call or visit between exactly two actors: "the two sides" from now on
                if p.code.starts_with("04") {
                    let mut sides: Vec<&str> =
                        subjects.iter().chain(objects.iter()).map(|x| x.actor.country.as_str()).collect();
                    sides.sort_unstable();
                    sides.dedup();
                    if sides.len() == 2 && !subjects.is_empty() {
                        state.last_pair = sides.iter().map(|c| (*c).to_string()).collect();
                        state.partners_hub = None;
                        state.last_group.clear();
                    } else if sides.len() >= 3 && !subjects.is_empty() {
                        state.last_group = sides.iter().map(|c| (*c).to_string()).collect();
                    }
                }
                let (t_start, t_end) = key.original_range(c.start, c.end);
                // the time expression nearest the trigger; a bare year after the trigger is
                // usually a complement ("the 2025 anniversary"), not the act's time
                let same_clause = |t: &&TimeExpr| {
                    if t.start >= t_start && t.end <= t_end {
                        // inside a trigger's gap: "wies am Montag zwei Diplomaten aus"
                        true
                    } else if t.end <= t_start {
                        // "After my visit last October, I ...": the time belongs to the clause
                        // opened by the break word, which a comma closed before the trigger
                        let opened = marks.iter().any(|&(s, e, trig)| {
                            !trig
                                && e <= t.start
                                && !marks.iter().any(|&(s2, _, trig2)| trig2 && s2 > e && s2 < t.start)
                                && s < t.start
                        });
                        // in a verb-final language a verb ends its clause: a time before an
                        // earlier verb is that verb's ("지난달 5일 재개한 대화 …, 합의했다")
                        let earlier_verb = model.info.verb_final
                            && marks.iter().any(|&(s2, e2, trig2)| trig2 && s2 >= t.end && e2 <= t_start);
                        let comma_between = text.get(t.end..t_start).is_some_and(|g| g.contains(','));
                        let comma_closed = opened && comma_between;
                        // "Argelia, que rompió relaciones con Rabat en 2021, ofreció …": a time
                        // in a clause set off by commas, after that clause's own verb, is that
                        // verb's
                        let set_off_verb = |s2: usize| {
                            marks.iter().any(|&(sb, eb, trig)| {
                                !trig && eb <= s2 && text.get(..sb).is_some_and(|b| b.trim_end().ends_with(','))
                            })
                        };
                        let earlier_verbs_time = comma_between
                            && marks.iter().any(|&(s2, e2, trig2)| trig2 && e2 <= t.start && set_off_verb(s2));
                        !comma_closed && !earlier_verb && !earlier_verbs_time
                    } else if model.info.verb_final
                        && marks.iter().any(|&(s2, _, trig2)| {
                            trig2
                                && s2 >= t_end
                                && (s2 < t.start
                                    || (s2 >= t.end
                                        && text.get(t_end..t.start).is_some_and(|g| g.contains(['、', ',']))))
                        })
                    {
                        // ... and a time after the next verb is that verb's, as is one set off by a
                        // comma after this verb and followed by a later verb ("会談し、来月ハノイで
                        // 協議することで一致した": the verb and its comma ended its clause)
                        false
                    } else {
                        // after the trigger: close to it, with no clause break between
                        text.get(t_end..t.start)
                            .is_some_and(|g| g.split_whitespace().count() <= TIME_AFTER_TRIGGER_WORDS)
                            && !marks.iter().any(|&(s, _, trig)| !trig && s >= t_end && s < t.start)
                            // "spoke by phone with X, and the two agreed to meet next month": a
                            // time that points ahead, after a later verb, dates that verb's plan
                            // (in text without spaces, where the gap is one "word" however long,
                            // any time after a later verb: "通電話…，…並將於5月訪問")
                            && !((t.future_marker || !a.spaced)
                                && marks.iter().any(|&(s, _, trig)| trig && s >= t_end && s < t.start))
                    }
                };
                // ... unless it is relative ("next year") or a locative introduces it ("in 2023",
                // "vào năm 2023"; not "the Convention of 1982")
                let adverbial_year = |t: &TimeExpr| {
                    t.relative
                        || a.items.iter().any(|i| {
                            let (ls, le) = key.original_range(i.start, i.end);
                            i.kind == crate::analysis::ItemKind::Word(WordClass::Locative)
                                && (ls == t.start || text.get(le..t.start).is_some_and(|g| g.trim().is_empty()))
                        })
                };
                // "the same day" with no day reported yet says nothing the sentence would not inherit
                let day_reported = state.current_date.as_ref().is_some_and(|(d, _)| d.precision == "day")
                    || times.iter().any(|t| t.narrative_days.is_none() && t.precision == Precision::Day);
                let candidates: Vec<&TimeExpr> = times
                    .iter()
                    .filter(|t| day_reported || t.narrative_days != Some(0))
                    .filter(|t| t.precision != Precision::Year || t.end <= t_start || adverbial_year(t))
                    .filter(same_clause)
                    .collect();
                // "BAKU, July 10 (AFP) - … detained … on Monday": the dateline's date is the
                // report's; it dates the act only when the sentence gives no other
                // (another time of the clause, or one before the trigger in an earlier clause: "PORT
                // SUDAN, May 7 - … said on Tuesday it was severing relations …, accusing …": the
                // accusation inherits Tuesday)
                let dateline_end = if times.len() > 1 { sentence_dateline() } else { None };
                let in_dateline = |t: &TimeExpr| dateline_end.is_some_and(|d| t.end <= d);
                let undated_by_dateline = candidates.iter().any(|t| !in_dateline(t))
                    || times.iter().any(|t| !in_dateline(t) && t.end <= t_start);
                // "the same day" only repeats a date: a date the sentence names is more precise
                let names_a_date = candidates.iter().any(|t| t.narrative_days.is_none() && !in_dateline(t));
                let time = candidates
                    .into_iter()
                    .filter(|t| !(undated_by_dateline && in_dateline(t)))
                    .filter(|t| !(names_a_date && t.narrative_days == Some(0)))
                    .min_by_key(|t| if t.end <= t_start { t_start - t.end } else { t.start.saturating_sub(t_end) });
                // a bare year does not date a statement made at a dated meeting ("agreed to
                // expand exchanges in 2024" was agreed on the meeting's day); plans keep it
                let planned = ((c.future || p.future_tense) && !p.no_future) || p.code == "036";
                // ... and a plan is not dated before the document ("in 2023, ... will continue")
                let time = time.filter(|t| {
                    !planned
                        || state.reference.as_ref().is_none_or(|r| {
                            t.ahead.as_ref().or(t.end_value.as_ref()).unwrap_or(&t.value).year >= r.year
                        })
                });
                let time = time.filter(|t| {
                    planned
                        || t.precision != Precision::Year
                        || !(state.current_date.as_ref().is_some_and(|(d, _)| {
                            d.precision != "year"
                                && d.value.get(..4).and_then(|y| y.parse::<i32>().ok()) <= Some(t.value.year)
                        }) || state
                            .reference
                            .as_ref()
                            .is_some_and(|r| r.month.is_some() && r.year <= t.value.year))
                });
                // ... nor does a month that holds the day being reported ("今月から", "this month";
                // "来週", next week, written as its month, points ahead and stays)
                let time = time.filter(|t| {
                    planned
                        || t.future_marker
                        || t.precision != Precision::Month
                        || !state
                            .current_date
                            .as_ref()
                            .is_some_and(|(d, _)| d.precision == "day" && d.value.starts_with(&t.value.to_string()))
                });
                // an act reported as done does not lie months ahead: a yearless date far after the
                // publication day is last year's ("signed in March", published in November),
                // unless a word of the sentence points ahead (the date may be that plan's)
                let last_year: Option<TimeExpr> =
                    time.filter(|t| !planned && !sentence_plans && yearless_far_ahead(t, &state)).map(|t| TimeExpr {
                        value: year_before(&t.value).unwrap_or_else(|| t.value.clone()),
                        end_value: t.end_value.as_ref().map(|e| year_before(e).unwrap_or_else(|| e.clone())),
                        ..t.clone()
                    });
                let time = last_year.as_ref().or(time);
                // "เมื่อวันที่ 4 ธันวาคม … ระหว่างวันที่ 3-5 ธันวาคม", "chiều 11/3, … chuyến thăm từ ngày 10
                // đến 13/3": a day the sentence names inside a range of days it names is the act's
                // (not the dateline's day: that is the report's)
                let day_in_range = time.filter(|t| t.end_value.is_some()).and_then(|r| {
                    let (first, last) = (r.value.first_day(), r.end_value.as_ref().map_or(0, PartialDate::first_day));
                    times.iter().find(|t| {
                        t.end_value.is_none()
                            && sentence_dateline().is_none_or(|d| t.start >= d)
                            && t.precision == Precision::Day
                            && t.narrative_days.is_none()
                            && (first..=last).contains(&t.value.first_day())
                    })
                });
                let time = day_in_range.or(time);
                // "the day before", "翌日", "cùng ngày": counted from the day being reported, which
                // is a day named earlier in the sentence ("10日…，同日…") or else the narrative's
                let narrative_day: Option<TimeExpr> = time.and_then(|t| {
                    let n = t.narrative_days?;
                    let named_before = times
                        .iter()
                        .rfind(|o| o.end <= t.start && o.narrative_days.is_none() && o.precision == Precision::Day)
                        .map(|o| o.value.clone());
                    let base = match named_before {
                        Some(d) => d,
                        None => {
                            let (d, _) = state.current_date.as_ref().filter(|(d, _)| d.precision == "day")?;
                            PartialDate::parse(&d.value)?
                        }
                    };
                    Some(TimeExpr { value: base.add_days(i64::from(n)), end_value: None, ..t.clone() })
                });
                let time = narrative_day.as_ref().or(time);
                let mut notes = Vec::new();
                let mut background = c.background;
                if c.background {
                    notes.push("background word before the trigger".to_string());
                }
                // "Vor der Unterzeichnung empfing ihn Albanese", "on the sidelines of the
                // signing": with no time of its own, an act placed by an earlier act the sentence
                // names before it has that act's date, not the narrative's
                // (only an act named at the head of a sentence that states no time at all; an act
                // named as what a reaction is about keeps the narrative's day)
                let referenced_act_date = || {
                    let first_actor_or_verb = a
                        .items
                        .iter()
                        .filter(|i| {
                            matches!(
                                i.kind,
                                crate::analysis::ItemKind::Mention(_) | crate::analysis::ItemKind::Trigger { .. }
                            )
                        })
                        .map(|i| i.start)
                        .min()
                        .unwrap_or(0);
                    a.items
                        .iter()
                        .filter(|_| times.is_empty())
                        .filter(|i| {
                            i.kind == crate::analysis::ItemKind::Word(WordClass::ActReference)
                                && i.end <= first_actor_or_verb
                        })
                        .filter_map(|i| {
                            model.act_reference_kinds.get(crate::analysis::span_text(&key.key, i.start, i.end))
                        })
                        .filter_map(|kinds| state.last_act_at(kinds))
                        .filter_map(|n| state.acts_date.get(n)?.as_ref())
                        .filter_map(|(value, inferred)| Some(inherited_date(&PartialDate::parse(value)?, *inferred)))
                        .next_back()
                };
                let date = match time {
                    Some(t) => {
                        // a plan's bare weekday is the coming one, and so is a present tense's
                        let plan_day;
                        let t = match (&t.ahead, planned || p.present_tense) {
                            (Some(ahead), true) => {
                                plan_day = TimeExpr { value: ahead.clone(), ..t.clone() };
                                &plan_day
                            }
                            _ => t,
                        };
                        if t.past_marker {
                            background = true;
                            notes.push("time expression points to the past".into());
                        }
                        Some(date_of_expr(t, text, 0, state.inferred && t.relative))
                    }
                    None => referenced_act_date().or_else(|| state.current_date.as_ref().map(|d| d.0.clone())).or_else(
                        || {
                            // undated: the publication day; a month-only or inferred document date
                            // gives the month ("resolve against what the text itself fixes")
                            state.reference.as_ref().filter(|r| r.month.is_some()).and_then(|r| {
                                let day = r.day.is_some() && !state.inferred;
                                let d = if day { Some(r.clone()) } else { PartialDate::ym(r.year, r.month?) };
                                d.map(|d| inherited_date(&d, state.inferred))
                            })
                        },
                    ),
                };
                // the narrative's date moves on, except to an act more than a year before the
                // publication (background: "2019年12月に…訪問した" does not date what follows)
                let long_before = time.is_some_and(|t| {
                    state.reference.as_ref().is_some_and(|r| r.first_day() - t.value.first_day() > LONG_BEFORE_DAYS)
                });
                // an act the text itself dates after the publication day has not happened yet
                let dated_ahead = time.is_some_and(|t| {
                    let ahead = if p.present_tense { t.ahead.as_ref() } else { None };
                    t.future_marker
                        || ahead.zip(state.reference.as_ref()).is_some_and(|(a, r)| a.first_day() > r.first_day())
                        || (!state.inferred
                            && state
                                .reference
                                .as_ref()
                                .is_some_and(|r| r.day.is_some() && t.value.first_day() > r.first_day()))
                });
                let future = (c.future || p.future_tense || dated_ahead) && !p.no_future;
                // ... nor to a plan's date ("APEC in Shenzhen in November"), nor from the day
                // being reported to a month around it ("appointed in March" is background)
                let vaguer = time.is_some_and(|t| {
                    t.precision == Precision::Month
                        && state.current_date.as_ref().is_some_and(|(d, _)| d.precision == "day")
                });
                // ... nor back to "the day before", a look back from the day being reported
                let looks_back = time.is_some_and(|t| t.narrative_days.is_some_and(|n| n < 0));
                let stays = long_before || planned || future || vaguer || looks_back;
                if time.is_some_and(|t| !t.past_marker && t.precision != Precision::Year) && !stays {
                    if let Some(d) = &date {
                        state.current_date = Some((d.clone(), si));
                    }
                }
                let planned = planned || future;
                if future {
                    notes.push("future marker: planned act".into());
                }
                let code = if future {
                    p.future_code.clone().unwrap_or_else(|| default_future(&p.code))
                } else {
                    p.code.clone()
                };
                let code = model.refine(&code, &key.key, c.context_start, c.context_end);
                let mut place_country = None;
                let location = c.place.as_ref().map(|(country, ps, pe)| {
                    let (os, oe) = key.original_range(*ps, *pe);
                    place_country = Some(country.clone());
                    Location { country: Some(country.clone()), name: text.get(os..oe).unwrap_or("").to_string() }
                });
                // a missing partner is the other side of the document's pair
                if objects.is_empty() {
                    // "訪日": the verb names its own target
                    if let Some(implied) = &p.implied_object {
                        if !subjects.iter().any(|s| &s.actor.country == implied) {
                            objects.push(synthetic(implied, "", t_start, t_end));
                        }
                    }
                }
                // "Moskau kündigte Vergeltung an", "exige la liberación de los pescadores": a
                // threat or demand naming no target answers the last hostile deed (not words)
                // against its author
                if objects.is_empty() && in_class(&code, &ANSWERS_TO_A_DEED) {
                    if let Some((src, tgt)) = &state.last_hostile_deed {
                        if subjects.iter().any(|s| &s.actor.country == tgt && &s.actor.country != src) {
                            objects.push(synthetic(src, "", t_start, t_end));
                        }
                    }
                }
                // aid or sympathy with no recipient named goes to where it is sent ("nødhjelp
                // på Sri Lanka", "トルコで発生した地震…に弔意"), as a visit goes to its place
                let to_a_place = p.frame == Frame::Dir && in_class(&code, &AID_OR_SYMPATHY);
                // ... and so do a condemnation, an attack and a cut in relations with a place after the verb
                // ("không kích Dải Gaza", "closed its embassy in Buenos Aires"), when that
                // place is not in the actor's own state
                // (condemned "the attacks in Ukraine" are no Ukraine's: a reference to an act
                // of force names its victim's place)
                let condemned_force = code.starts_with("111") && kind.is_some_and(|r| in_class(r, &ARMED_FORCE));
                let on_a_place = p.frame == Frame::Dir
                    && in_class(&code, &PLACE_TARGET)
                    && !condemned_force
                    && c.place
                        .as_ref()
                        .is_some_and(|(pc, ps, _)| *ps >= c.end && !subjects.iter().any(|s| &s.actor.country == pc));
                // (a place that opens the sentence before its subject is where the speaker is, not
                // where the aid or sympathy goes: "En Nueva York, el secretario general de la ONU
                // presentó sus condolencias a las familias de las víctimas", unless it is in a
                // state of the document's pair: "tại Hà Nội, … đã ký … khoản viện trợ"; in a verb-final
                // language the place before the subject often describes the disaster itself)
                let place_sets_the_scene = !model.info.verb_final
                    && match (&c.place, &c.subject) {
                        (Some((pc, ps, _)), crate::analysis::Slot::Mentions(ms)) if !state.pair().contains(pc) => ms
                            .iter()
                            .filter_map(|&m| a.mentions.get(m))
                            .map(|m| m.start)
                            .min()
                            .is_some_and(|st| *ps < st && key.key.get(*ps..st).is_some_and(|t| t.contains(','))),
                        _ => false,
                    };
                let to_the_place = to_a_place && !place_sets_the_scene;
                if objects.is_empty() && (matches!(p.frame, Frame::Visit) || to_the_place || on_a_place) {
                    if let Some(pc) = &place_country {
                        if let Some(l) = &location {
                            objects.push(synthetic(pc, &l.name, t_start, t_end));
                        }
                    }
                }
                // "Malaysia and Singapore also sent relief supplies", "... also expressed
                // condolences": the other donors' aid or sympathy goes where the document's went,
                // when the clause names nobody else (a recipient the frame missed, a channel, a place)
                let aid_or_sympathy = in_class(&code, &AID_OR_SYMPATHY);
                let names_no_other = || {
                    // the clause: between the clause breaks around the trigger
                    let (lo, hi) = between_bounds(&a, c.start, c.end, |k| {
                        *k == crate::analysis::ItemKind::Word(WordClass::ClauseBreak)
                    });
                    // ... and after the comma before a named subject that closes another verb's
                    // clause ("Die Türkei entsandte Retter, Saudi-Arabien sagte Soforthilfe zu":
                    // Turkey is no recipient; "In the US, Norway sent relief" names a channel)
                    let subject_start = match &c.subject {
                        crate::analysis::Slot::Mentions(ms) => {
                            ms.iter().filter_map(|&m| a.mentions.get(m)).map(|m| m.start).min()
                        }
                        _ => None,
                    };
                    let lo = subject_start
                        .filter(|&st| st > lo)
                        .and_then(|st| key.key.get(lo..st)?.rfind([',', '，', ';', '；']).map(|k| lo + k + 1))
                        .filter(|&comma| {
                            a.items.iter().any(|i| {
                                matches!(i.kind, crate::analysis::ItemKind::Trigger { .. })
                                    && i.start >= lo
                                    && i.end < comma
                            })
                        })
                        .unwrap_or(lo);
                    a.mentions
                        .iter()
                        .filter(|m| m.start >= lo && m.end <= hi)
                        .all(|m| m.actor.as_ref().is_none_or(|c| subjects.iter().any(|s| &s.actor.country == c)))
                };
                // (an object of the donor's own is no recipient: "10 millions de dollars canadiens")
                let own_objects_only = objects.is_empty()
                    || (distinct(&subjects) == 1
                        && objects.iter().all(|o| subjects.iter().any(|s| s.actor.country == o.actor.country)));
                if own_objects_only && aid_or_sympathy && !subjects.is_empty() && names_no_other() {
                    // (before any, the state the document's disaster struck: "Colombia envió un
                    // equipo de rescatistas" after "Un sismo sacude el sur de Ecuador")
                    let stricken =
                        || state.stricken.clone().filter(|c| !subjects.iter().any(|s| s.actor.country == *c));
                    if let Some(r) = state.aid_recipient_besides(&subjects).or_else(stricken) {
                        objects = vec![synthetic(&r, "", t_start, t_end)];
                    }
                }
                // "Germany condemned the attack. France also condemned it.", "Qatar và Pháp cũng
                // ra tuyên bố ủng hộ": a reaction naming no one that another actor "also" makes is
                // aimed where the latest one of its kind was (in this sentence or the two before)
                // (an act it names says where it is aimed, or that nobody is: "Anche Rutte ha
                // condannato l'attacco" of no state)
                let names_an_act = c.act_reference.is_some() || c.named_deed.is_some();
                if objects.is_empty() && !subjects.is_empty() && p.frame == Frame::Dir && !names_an_act {
                    let earlier = also_root(&code)
                        .filter(|_| clause_says_also(&model.also_words, &key.key, &a, c.start, c.end))
                        .and_then(|root| state.last_targets_by_root.get(root))
                        .filter(|(at, _)| si.saturating_sub(*at) <= ALSO_REACH_SENTENCES);
                    if let Some((_, targets)) = earlier {
                        for t in targets.iter().filter(|t| !subjects.iter().any(|s| &s.actor.country == *t)) {
                            objects.push(synthetic(t, "", t_start, t_end));
                        }
                    }
                }
                // "Kigali will defend itself with all necessary means", "warned that Beijing
                // would respond resolutely": a threat that names no one is aimed at the other
                // side of the conflict its maker stands in, once a deed of force or coercion has
                // passed between them in an earlier sentence (words alone make no conflict)
                // ... and so is a show of force ("entsandte vier Schiffe in die Gewässer um die
                // Inseln") or a cut in relations ("The same day Asmara recalled its ambassador";
                // not a rejection, which answers words more often than deeds)
                let answers_the_conflict = ["13", "15", "16"].iter().any(|r| code.starts_with(r));
                if objects.is_empty() && answers_the_conflict && distinct(&subjects) == 1 {
                    let own = subjects[0].actor.country.clone();
                    let other_of = |pair: &[String]| {
                        (pair.len() == 2 && pair.contains(&own))
                            .then(|| pair.iter().find(|c| **c != own).cloned())
                            .flatten()
                    };
                    // ... and a show of force by a state outside that conflict answers the last
                    // hostile deed's doer ("China held drills around Taiwan. The Philippines put its
                    // forces on high alert")
                    let outside = || {
                        state
                            .last_hostile_deed
                            .as_ref()
                            .filter(|(doer, _)| code.starts_with("15") && p.frame == Frame::Dir && *doer != own)
                            .map(|(doer, _)| doer.clone())
                    };
                    if let Some(other) = other_of(&state.conflict_before).or_else(outside) {
                        objects.push(synthetic(&other, "", t_start, t_end));
                    }
                }
                let mut pairs: Vec<(&Party, &Party)> = Vec::new();
                let symmetric = matches!(p.frame, Frame::Sym | Frame::Meet);
                let hub_at = subjects.iter().position(|s| !s.group).filter(|_| subjects.iter().any(|s| s.group));
                if let (Some(h), true) = (hub_at, objects.is_empty() && symmetric) {
                    // "X and the partners agreed": X with each partner, not the partners among themselves
                    let hub = &subjects[h];
                    for y in subjects.iter().filter(|y| y.actor.country != hub.actor.country) {
                        pairs.push((hub, y));
                    }
                } else if objects.is_empty() && symmetric && distinct(&subjects) >= 2 {
                    for (i, x) in subjects.iter().enumerate() {
                        for y in subjects.iter().skip(i + 1) {
                            pairs.push((x, y));
                        }
                    }
                } else {
                    // the other side of the document's pair stands in for a missing target
                    // only for cooperative verbal acts ("thanked", "agreed"), never for conflict
                    let cooperative = p.code.as_str() < "09";
                    if subjects.is_empty() && !objects.is_empty() && cooperative && p.frame == Frame::Rev {
                        // "X accepted the invitation": the inviter is the other side
                        let o = objects[0].actor.country.clone();
                        if state.pair().contains(&o) {
                            if let Some(other) = state.pair().iter().find(|c| **c != o) {
                                subjects.push(synthetic(other, "", t_start, t_end));
                            }
                        }
                    }
                    // a host needs a named guest ("we have received the news" hosts nobody);
                    // "appealed to the international community" names its addressee
                    let names_other = matches!(&c.object, Slot::Mentions(ms)
                        if ms.iter().any(|&m| a.mentions.get(m).is_some_and(|m| m.other)));
                    // a mediator named with nobody to mediate between ("Le Togo a proposé sa
                    // médiation") mediates between the two sides of the document's conflict, else
                    // of its pair
                    let mediation = in_class(&code, &MEDIATION);
                    let sides = if state.conflict_pair.len() == 2 { &state.conflict_pair[..] } else { state.pair() };
                    if objects.is_empty()
                        && mediation
                        && !names_other
                        && sides.len() == 2
                        && subjects.iter().all(|s| !sides.contains(&s.actor.country))
                    {
                        for side in sides {
                            objects.push(synthetic(side, "", t_start, t_end));
                        }
                    }
                    // an appeal is aimed at no partner of the document's meeting when it is about
                    // somewhere else ("a appelé à un cessez-le-feu à Gaza") or when both sides make
                    // it together ("Les deux dirigeants ont appelé à un cessez-le-feu")
                    let appeal_to_no_partner = p.code.starts_with("02")
                        && (c.place.as_ref().is_some_and(|(country, _, _)| !state.pair().contains(country))
                            || (state.pair().len() == 2
                                && state.pair().iter().all(|c| subjects.iter().any(|s| &s.actor.country == c))));
                    let missing_target = objects.is_empty()
                        && cooperative
                        && p.frame != Frame::Host
                        && !names_other
                        && !c.in_relative
                        && !appeal_to_no_partner;
                    // states named in one word ("日中韓", "한미일")
                    let one_word =
                        subjects.first().is_some_and(|f| subjects.iter().all(|s| s.actor.start == f.actor.start));
                    if missing_target && one_word && distinct(&subjects) >= 2 && in_class(&code, &MUTUAL) {
                        // "日中韓の首脳は協力を強化することで一致した": states named together in
                        // one word cooperate with each other, whatever the document's pair (but
                        // their aid or their appeal goes to a third)
                        for x in &subjects {
                            for y in subjects.iter().filter(|y| y.actor.country != x.actor.country) {
                                pairs.push((x, y));
                            }
                        }
                    } else if let Some(earlier) = missing_target
                        .then(|| same_subject_after_and(&aimed_at, &c, &a.items, model.info.verb_final))
                        .flatten()
                        .filter(|e| !e.iter().any(|o| subjects.iter().any(|s| &s.actor.country == o)))
                    {
                        // "Brasil saludó al pueblo chileno y manifestó su disposición a
                        // profundizar la relación": the second verb's partner is the first's
                        for o in earlier {
                            objects.push(synthetic(o, "", t_start, t_end));
                        }
                    } else if missing_target {
                        for s in &subjects {
                            if let Some(other) = state.pair().iter().find(|c| **c != s.actor.country) {
                                // "India and China sent rescue teams": co-donors are not each other's
                                // recipient
                                let co_doer =
                                    in_class(&code, &AID) && subjects.iter().any(|x| &x.actor.country == other);
                                if state.pair().contains(&s.actor.country) && !co_doer {
                                    objects.push(synthetic(other, "", t_start, t_end));
                                }
                            }
                        }
                        // "岩屋氏はその後、ペルーの首都リマに移り、デセラ外相と会談する予定だ",
                        // "탄자니아 다르에스살람으로 이동해 외교장관 회담을 할 예정이다": a
                        // meeting whose partner has no state, in a sentence that names one other
                        // state before it, is with that state (where the traveller goes), not
                        // with the other side of the document's pair
                        if let Some(dest) = meeting_destination(&code, &subjects, &a, c.start)
                            .filter(|d| !objects.is_empty() && !objects.iter().any(|o| &o.actor.country == *d))
                        {
                            objects = vec![synthetic(dest, "", t_start, t_end)];
                        }
                    }
                    for s in &subjects {
                        for o in &objects {
                            pairs.push((s, o));
                        }
                    }
                    // "조현 장관은 미국 국무장관, 일본 외무상과 3자 통화를 했다": a three-way
                    // meeting or call is also one between the two partners
                    if a.trilateral && symmetric && is_meeting_or_call(&p.code) {
                        for (i, x) in objects.iter().enumerate() {
                            for y in objects.iter().skip(i + 1).filter(|y| y.actor.country != x.actor.country) {
                                pairs.push((x, y));
                            }
                        }
                    }
                }
                if is_meeting_or_call(&p.code) && !subjects.is_empty() && !objects.is_empty() {
                    met_in_sentence = Some((
                        subjects.iter().map(|x| x.actor.country.clone()).collect(),
                        objects.iter().map(|x| x.actor.country.clone()).collect(),
                    ));
                }
                if !objects.is_empty() && matches!(c.subject, Slot::Mentions(_)) && p.code.as_str() < "09" {
                    aimed_at.push(AimedAct {
                        subject: c.subject.clone(),
                        end: c.end,
                        objects: objects.iter().map(|o| o.actor.country.clone()).collect(),
                        meeting: is_meeting_or_call(&p.code),
                    });
                }
                // the actor of this act is who "the decision" of a later sentence refers to
                let act_source = pairs
                    .iter()
                    .find(|(s, o)| s.actor.country != o.actor.country)
                    .map(|(s, _)| s.actor.country.clone());
                // ... or, of an act aimed at no one ("launched a missile"), its doer: whom "the
                // launch" of a later sentence is aimed at
                let act_doer = act_source.clone().or_else(|| {
                    (p.frame == Frame::Dir && objects.is_empty() && distinct(&subjects) == 1)
                        .then(|| subjects.first().map(|s| s.actor.country.clone()))
                        .flatten()
                });
                // ... with, for a symmetric act, every party ("signed an agreement" is both
                // signatories' act); not recorded for a background act, nor for a reaction to an
                // act it names ("welcomed the signing" is no signing)
                let act_parties: Option<Vec<String>> =
                    act_doer.as_ref().filter(|_| !background && !reacts_to_named_act).map(|doer| {
                        let mut parties = vec![doer.clone()];
                        if p.frame == Frame::Sym {
                            for (s, o) in pairs.iter().filter(|(s, o)| s.actor.country != o.actor.country) {
                                for party in [&s.actor.country, &o.actor.country] {
                                    if !parties.contains(party) {
                                        parties.push(party.clone());
                                    }
                                }
                            }
                        }
                        parties
                    });
                // ... and of aid or sympathy, its recipient
                let act_recipient = pairs
                    .iter()
                    .filter(|_| to_a_place)
                    .find(|(s, o)| s.actor.country != o.actor.country)
                    .map(|(_, o)| o.actor.country.clone());
                // ... and of a hostile act, its two sides ("the two sides" of a conflict)
                let hostile = in_class(&code, &HOSTILE);
                let act_pair = pairs
                    .iter()
                    .filter(|_| hostile)
                    .find(|(s, o)| s.actor.country != o.actor.country)
                    .map(|(s, o)| (s.actor.country.clone(), o.actor.country.clone()));
                for (s, o) in pairs {
                    if s.actor.country == o.actor.country {
                        continue;
                    }
                    let mut emit: Vec<(String, &Party, &Party)> = Vec::new();
                    match p.frame {
                        Frame::Dir | Frame::Rev => {
                            emit.push((code.clone(), s, o));
                            // "was received by X", "was visited by X": a hosting or a visit read
                            // backwards has its counterpart too
                            let counterpart = match code.as_str() {
                                "042" => Some("043"),
                                "043" => Some("042"),
                                _ => None,
                            };
                            if let Some(other) = counterpart.filter(|_| p.frame == Frame::Rev && !planned) {
                                emit.push((other.into(), o, s));
                            }
                        }
                        Frame::Visit => {
                            emit.push((code.clone(), s, o));
                            if !planned {
                                emit.push(("043".into(), o, s));
                            }
                        }
                        // a planned hosting is the guest's planned visit, coded visitor → host
                        // as the guideline codes a planned visit ("Germany will host the
                        // Chinese president": CHN 036 DEU)
                        Frame::Host if planned && code == "036" => emit.push((code.clone(), o, s)),
                        Frame::Host => {
                            emit.push((code.clone(), s, o));
                            if !planned {
                                emit.push(("042".into(), o, s));
                            }
                        }
                        Frame::Sym | Frame::Meet => {
                            emit.push((code.clone(), s, o));
                            emit.push((code.clone(), o, s));
                            // (a telephone call, 041, is held from afar: a place names no visit)
                            if !future && code.starts_with("04") && !code.starts_with("041") {
                                if let Some(pc) = &place_country {
                                    if *pc == s.actor.country {
                                        emit.push(("042".into(), o, s));
                                        emit.push(("043".into(), s, o));
                                    } else if *pc == o.actor.country {
                                        emit.push(("042".into(), s, o));
                                        emit.push(("043".into(), o, s));
                                    } else if p.frame == Frame::Meet {
                                        emit.push(("044".into(), s, o));
                                        emit.push(("044".into(), o, s));
                                    }
                                }
                            }
                        }
                    }
                    for (code, src, tgt) in emit {
                        // an earlier act ("after my visit last October") and this one are two events
                        // "stilt til rådighet … nødhjelp": a verb of giving and an aid noun in one
                        // sentence name one act of aid, coded with the more specific of the two
                        let same_aid = |e: &Event| {
                            e.background == background
                                && e.root == "07"
                                && code.starts_with("07")
                                && e.source.first().map(|a| &a.country) == Some(&src.actor.country)
                                && e.target.first().map(|a| &a.country) == Some(&tgt.actor.country)
                        };
                        // this sentence's new events are the last ones: look only at them
                        let this_sentence = out.events.iter().rev().take_while(|e| e.evidence.sentence == si).count();
                        let first_here = out.events.len() - this_sentence;
                        if let Some(ei) = out.events[first_here..].iter().rposition(same_aid).map(|i| first_here + i) {
                            if out.events[ei].cameo.ends_with('0') && !code.ends_with('0') {
                                if let Some(info) = attache_ontology::lookup(&code) {
                                    let old = merge_key(
                                        &src.actor.country,
                                        &tgt.actor.country,
                                        &out.events[ei].cameo,
                                        background,
                                    );
                                    if index.get(&old) == Some(&ei) {
                                        index.remove(&old);
                                    }
                                    let ev = &mut out.events[ei];
                                    ev.cameo = code.clone();
                                    ev.cameo_name = info.name.to_string();
                                    ev.goldstein = info.goldstein;
                                    ev.quad = info.quad;
                                    ev.plover = info.plover();
                                    ev.rule = p.rule.clone();
                                    index.insert(
                                        merge_key(&src.actor.country, &tgt.actor.country, &code, background),
                                        ei,
                                    );
                                }
                            }
                            continue;
                        }
                        let k = merge_key(&src.actor.country, &tgt.actor.country, &code, background);
                        // an act stated more than a year before the publication is another act than
                        // one the text dates by no time of its own ("signent à Djeddah un accord" …
                        // "Un premier accord, signé en mars 2025")
                        // ... and so is one the text dates well before or after the day the event so
                        // far has ("si erano visti l'ultima volta a Pechino nel settembre 2025" after a
                        // meeting yesterday; "closed the crossing on Wednesday" after its closure in
                        // 2020)
                        let first_day = |d: &EventDate| PartialDate::parse(&d.value).map(|p| p.first_day());
                        let dated_apart = |e: &Event| {
                            time.is_some()
                                && matches!(
                                    (e.date.as_ref().and_then(first_day), date.as_ref().and_then(first_day)),
                                    (Some(old), Some(new)) if (old - new).abs() > SEPARATE_ACT_DAYS
                                )
                        };
                        let merged_into = index.get(&k).copied().filter(|&ei| {
                            out.events.get(ei).is_some_and(|e| {
                                has_merge_key(e, &src.actor.country, &tgt.actor.country, &code, background)
                                    && !(long_before && e.date.as_ref().is_none_or(|d| d.text.is_empty()))
                                    && !dated_apart(e)
                            })
                        });
                        if let Some(ei) = merged_into {
                            let ev: &mut Event = &mut out.events[ei];
                            if ev.evidence.sentence != si && !ev.mentions.iter().any(|m| m.sentence == si) {
                                ev.mentions.push(evidence.clone());
                            }
                            let finer_within = |old: &EventDate, new: &EventDate| {
                                old.precision == "year" && new.precision != "year" && new.value.starts_with(&old.value)
                            };
                            // a visit's stated days ("于5月17日至22日对中国进行正式访问") beat one day of
                            // the visit a meeting in its course gave it
                            let visit_range = |old: &EventDate, new: &EventDate| {
                                (code.starts_with("042") || code.starts_with("043"))
                                    && old.end.is_none()
                                    && new.end.as_ref().is_some_and(|end| {
                                        new.value.len() == old.value.len()
                                            && new.value <= old.value
                                            && old.value.as_str() <= end.as_str()
                                    })
                            };
                            if (ev.date.as_ref().is_none_or(|d| d.text.is_empty()) && time.is_some())
                                || matches!((&ev.date, &date), (Some(o), Some(n)) if finer_within(o, n) || visit_range(o, n))
                            {
                                // a stated time beats an inherited one; "2024" is narrowed by "25 July 2024"
                                ev.date = date.clone();
                            }
                            fill_person(&mut ev.source, &src.actor);
                            fill_person(&mut ev.target, &tgt.actor);
                            continue;
                        }
                        let Some(info) = attache_ontology::lookup(&code) else { continue };
                        let event_id = hex16(event_seed_hash(&doc.id, &code, src, tgt, s_start));
                        if self.explain {
                            out.explanations.push(Explanation {
                                event_id: event_id.clone(),
                                rule: p.rule.clone(),
                                frame: format!("{:?}", p.frame).to_lowercase(),
                                trigger: text.get(t_start..t_end).unwrap_or("").to_string(),
                                source: slot_words(&c, &src.actor),
                                target: slot_words(&c, &tgt.actor),
                                date: match (&date, time) {
                                    (Some(d), Some(_)) => format!("{} from \"{}\"", d.value, d.text),
                                    (Some(d), None) => format!("{} inherited", d.value),
                                    (None, _) => "none".into(),
                                },
                                notes: notes.clone(),
                            });
                        }
                        // (a key that collides with another event's stays that event's)
                        index.entry(k).or_insert(out.events.len());
                        out.events.push(Event {
                            doc_id: doc.id.clone(),
                            event_id,
                            cameo: code.clone(),
                            cameo_name: info.name.to_string(),
                            root: info.root().to_string(),
                            quad: info.quad,
                            goldstein: info.goldstein,
                            plover: info.plover(),
                            source: vec![src.actor.clone()],
                            target: vec![tgt.actor.clone()],
                            date: date.clone(),
                            location: location.clone(),
                            evidence: evidence.clone(),
                            lang: s_lang.to_string(),
                            rule: p.rule.clone(),
                            background,
                            mentions: Vec::new(),
                        });
                    }
                }
                if let Some(parties) = act_parties {
                    // an agreement signed or a ceasefire between exactly two actors: they are
                    // "the two sides" from now on, as after a meeting
                    if parties.len() == 2 && !c.between && in_class(&code, &SETTLEMENTS) {
                        state.last_pair = parties.clone();
                        state.last_pair.sort_unstable();
                        state.partners_hub = None;
                        state.last_group.clear();
                    } else if parties.len() >= 3 && !c.between && in_class(&code, &SETTLEMENTS) {
                        // ... and one among three or more: they are "the three" from now on
                        state.last_group = parties.clone();
                    }
                    let n = state.acts_recorded.len();
                    state.acts_recorded.push(parties);
                    state.acts_aimed_at.push(objects.iter().map(|o| o.actor.country.clone()).collect());
                    state.acts_code.push(code.clone());
                    state.acts_date.push(date.as_ref().map(|d| (d.value.clone(), d.inferred)));
                    for end in 2..=code.len() {
                        if let Some(kind) = code.get(..end).filter(|k| act_of_kind(&code, k)) {
                            state.act_by_kind.insert(kind_key(kind), n);
                        }
                    }
                }
                // (kept only where the language has words for "also")
                let also_kept = !background && !objects.is_empty() && !model.also_words.is_empty();
                if let Some(root) = also_root(&code).filter(|_| also_kept) {
                    let targets = objects.iter().map(|o| o.actor.country.clone()).collect();
                    state.last_targets_by_root.insert(root, (si, targets));
                }
                if to_a_place && !background {
                    if let Some(r) = act_recipient {
                        match state.aid_received.iter_mut().find(|(c, _, _)| *c == r) {
                            Some((_, n, at)) => {
                                *n += 1;
                                *at = si;
                            }
                            None => state.aid_received.push((r, 1, si)),
                        }
                    }
                }
                if !background && hostile {
                    if let Some((s, o)) = act_pair {
                        state.conflict_changed = true;
                        if in_class(&code, &HOSTILE_DEEDS) {
                            state.last_hostile_deed = Some((s.clone(), o.clone()));
                        }
                        let key = if s < o { (s, o) } else { (o, s) };
                        let n = {
                            let n = state.conflict_counts.entry(key.clone()).or_default();
                            *n += 1;
                            *n
                        };
                        let current = state.conflict_acts();
                        if n >= current {
                            state.conflict_pair = vec![key.0, key.1];
                        }
                    }
                }
                // "the decision", "the move" name an act, not a reaction in words to one
                let reaction = in_class(&code, &VERBAL_REACTIONS);
                if !background && !reaction && act_source.is_some() && act_source != state.last_source {
                    state.source_before = std::mem::replace(&mut state.last_source, act_source);
                }
            }
            // "Prabowo invited Ramos-Horta … He is due to fly on": a person who acted in the
            // sentence is what "he" means next, before the last person it names
            if let Some(p) = named_person.filter(|_| !person_subject) {
                state.last_person = p;
            }
        }
        date_headline_from_body(&mut out.events, state.reference.as_ref(), state.lead_time.flatten());
        out.learned = learned;
        out
    }

    /// The year in which the most people named in the document held office (the latest
    /// such year on a tie), when at least two named people agree: a document with no date
    /// at all is dated by who is in office.
    fn year_of_office_holders(&self, analyses: &[Analysis]) -> Option<i32> {
        let mut names: Vec<&str> =
            analyses.iter().flat_map(|a| a.mentions.iter()).filter_map(|m| m.person.as_deref()).collect();
        names.sort_unstable();
        names.dedup();
        let people: Vec<&attache_actors::Person> = names.iter().filter_map(|n| self.kb.person_by_name(n)).collect();
        if people.len() < 2 {
            return None;
        }
        let mut best: Option<(usize, i32)> = None;
        for year in 1990..=2035 {
            let y = year.to_string();
            let n = people.iter().filter(|p| p.terms.iter().any(|t| t.active_at(&y))).count();
            if n >= 2 && best.is_none_or(|(bn, _)| n >= bn) {
                best = Some((n, year));
            }
        }
        best.map(|b| b.1)
    }

    fn resolve(
        &self,
        slot: &Slot,
        a: &Analysis,
        text: &str,
        state: &DocState,
        key: &attache_text::Normalized,
        at: usize,
    ) -> Vec<Party> {
        let (ts, te) = key.original_range(at, at);
        match slot {
            Slot::Mentions(ms) => {
                let mut out: Vec<Party> = Vec::new();
                for &mi in ms {
                    let Some(m) = a.mentions.get(mi) else { continue };
                    if m.org_meeting {
                        continue;
                    }
                    if let Some(actor) = actor_of(m, text) {
                        // "Michel Menassa and his Syrian counterpart": the unnamed side is the
                        // other of "the two sides" the counterpart's state belongs to
                        let pair = state.pair();
                        let other = pair
                            .iter()
                            .find(|c| **c != actor.country)
                            .filter(|_| m.counterpart_of_unnamed && pair.contains(&actor.country))
                            .cloned();
                        if !out.iter().any(|p| p.actor.country == actor.country) {
                            out.push(Party { actor, group: false });
                        }
                        if let Some(other) = other.filter(|o| !out.iter().any(|p| &p.actor.country == o)) {
                            out.push(synthetic(&other, "", m.orig_start, m.orig_start));
                        }
                    } else if let Some(states_only) = m.partners {
                        // "the partners", "các nước": the counterparts of the last multi-party meeting
                        for c in state.partners.iter().filter(|c| !states_only || !c.starts_with("IGO:")) {
                            if !out.iter().any(|p| &p.actor.country == c) {
                                let mut p = synthetic(
                                    c,
                                    text.get(m.orig_start..m.orig_end).unwrap_or(""),
                                    m.orig_start,
                                    m.orig_end,
                                );
                                p.group = true;
                                out.push(p);
                            }
                        }
                    } else if m.counterpart_only {
                        // "his counterpart": the other side, fixed once the subject is known
                        out.push(synthetic(
                            if m.object_pronoun { OBJECT_PRONOUN } else { COUNTERPART },
                            text.get(m.orig_start..m.orig_end).unwrap_or(""),
                            m.orig_start,
                            m.orig_end,
                        ));
                    }
                }
                out
            }
            Slot::TwoSides => synthetics(state.pair(), ts, te),
            Slot::Participants => state.sides(ts, te),
            Slot::Pronoun => state.last_subject.clone(),
            Slot::PersonPronoun if !state.last_person.is_empty() => state.last_person.clone(),
            Slot::PersonPronoun => state.last_subject.clone(),
            Slot::FirstPerson if state.speaker.is_none() && !state.last_subject.is_empty() => {
                state.last_subject.clone()
            }
            Slot::FirstPerson => synthetics(state.speaker.as_ref().or(state.author.as_ref()), ts, te),
            Slot::LastActor => synthetics(&state.last_source, ts, te),
            Slot::Missing => Vec::new(),
        }
    }
}

/// `ATTACHE_TRACE=1` prints every coded sentence's items to stderr (for pack writers).
fn trace_enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ATTACHE_TRACE").is_some_and(|v| v == "1"))
}

/// How many days before the publication an act's date is too old to date the sentences after it.
const LONG_BEFORE_DAYS: i64 = 365;

/// How many days before or after the date an event has so far a mention's own stated date must
/// lie for the mention to be another act of the same kind rather than the same one.
const SEPARATE_ACT_DAYS: i64 = 45;

/// How many words may stand between a trigger and a time expression after it.
const TIME_AFTER_TRIGGER_WORDS: usize = 24;

/// How far after a trigger refinement words count (CJK text has no spaces: its whole
/// remaining sentence counts as one word).
const REFINE_WINDOW_WORDS: usize = 15;

/// Paragraphs shorter than this are coded in the document's language.
const PARAGRAPH_LANGUAGE_MIN_BYTES: usize = 200;

/// Placeholder country of "his counterpart" until the subject is known.
const COUNTERPART: &str = "?";

/// Placeholder country of an object pronoun ("him") until the subject is known.
const OBJECT_PRONOUN: &str = "?pronoun";

/// Whether `country` is still a placeholder that no state has replaced.
fn is_placeholder(country: &str) -> bool {
    country == COUNTERPART || country == OBJECT_PRONOUN
}

fn distinct(parties: &[Party]) -> usize {
    let mut v: Vec<&str> = parties.iter().map(|p| p.actor.country.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}

fn fill_person(list: &mut [Actor], actor: &Actor) {
    if let Some(a) = list.iter_mut().find(|a| a.country == actor.country) {
        if a.person.is_none() && actor.person.is_some() {
            a.person = actor.person.clone();
            a.sector = a.sector.clone().or_else(|| actor.sector.clone());
        }
    }
}

fn slot_words(c: &crate::analysis::Clause, actor: &Actor) -> String {
    // the slot this actor came from: a mention of this sentence, or a resolved reference
    let slot = if !actor.text.is_empty() && actor.end > actor.start {
        &Slot::Mentions(Vec::new())
    } else if c.subject != Slot::Mentions(Vec::new()) && !matches!(c.subject, Slot::Mentions(_)) {
        &c.subject
    } else {
        &c.object
    };
    let how = match slot {
        Slot::Mentions(_) => "mention",
        Slot::TwoSides => "the two sides",
        Slot::Participants => "the last meeting's parties",
        Slot::Pronoun => "subject left out → last subject",
        Slot::PersonPronoun => "pronoun → last person or official",
        Slot::FirstPerson => "first person → speaker, last subject or author",
        Slot::LastActor => "an earlier act → its actor",
        Slot::Missing => "other side of the document's pair",
    };
    if actor.text.is_empty() {
        format!("{} ({how})", actor.country)
    } else {
        format!("{} \"{}\" ({how})", actor.country, actor.text)
    }
}

#[cfg(test)]
mod tests {
    /// Every pack's automaton with its triggers' chains finds exactly what it finds with
    /// every spelling held as a phrase (same spans, entries and time matches, in the same
    /// order), over the pack's own test sentences and the repository's own documents.
    #[test]
    fn chained_triggers_match_as_their_spellings_would_in_every_pack() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let src = DataSource::directory(&root);
        let kb = KnowledgeBase::load(&src).unwrap();
        let time = TimeParser::load(&src).unwrap();
        let mut chained_somewhere = false;
        for lang in src.pack_languages() {
            let build = |expanded: bool| {
                let PreparedPack { mut model, words, .. } = prepare_pack(&src, &lang).unwrap();
                let (phrases, parts) = automaton_phrases(&lang, &mut model, words, &kb).unwrap();
                let (wb, times) = (model.info.word_boundaries, time.phrase_keys(&lang));
                let lexicon = if expanded {
                    Lexicon::build_expanded(phrases, parts, wb, times)
                } else {
                    Lexicon::build_with_time(phrases, parts, wb, times, None)
                };
                lexicon.unwrap().with_suffixes(model.particles.endings()).with_name_suffixes(model.name_suffixes)
            };
            let (chained, expanded) = (build(false), build(true));
            chained_somewhere |= chained.chain_count() > 0;
            assert_eq!(chained.len(), expanded.len(), "{lang}: phrase count");
            let mut texts: Vec<String> = std::fs::read_to_string(root.join(format!("packs/{lang}/tests.tsv")))
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next().map(str::to_string))
                .collect();
            for f in std::fs::read_dir(root.join(format!("testdata/own/{lang}"))).into_iter().flatten().flatten() {
                if f.file_name().to_string_lossy().ends_with(".docs.jsonl") {
                    for line in std::fs::read_to_string(f.path()).unwrap().lines() {
                        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
                        texts.extend(doc["text"].as_str().map(str::to_string));
                    }
                }
            }
            assert!(texts.len() > 100, "{lang}: too few texts to compare on");
            for text in &texts {
                let key = attache_text::normalize(text, 0).key;
                let described = |lex: &Lexicon| {
                    let mut times = Vec::new();
                    let found = lex.find_all_and_time(&key, &mut times);
                    // (each phrase id as the first hit that has it: one id per spelling)
                    let first_of = |id: u32| found.iter().position(|h| h.phrase == id);
                    let hits: Vec<(usize, usize, Vec<Entry>, Option<usize>)> = found
                        .iter()
                        .map(|h| (h.start, h.end, lex.entries(h.phrase).to_vec(), first_of(h.phrase)))
                        .collect();
                    (hits, times)
                };
                assert_eq!(described(&chained), described(&expanded), "{lang}: {text}");
            }
        }
        assert!(chained_somewhere, "some pack has chains");
    }

    /// Every trigger part of every pack that is matched as a chain spells exactly the keys
    /// its spellings normalise to: slots join as the text does.
    #[test]
    fn chains_spell_the_keys_of_their_spellings_in_every_pack() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let src = DataSource::directory(&root);
        let mut chains = 0;
        for lang in src.pack_languages() {
            let PreparedPack { model, .. } = prepare_pack(&src, &lang).unwrap();
            for spellings in model.patterns.iter().flat_map(|p| &p.triggers).flatten() {
                if let Some((chained, phrases)) =
                    crate::lexicon::chain_and_phrase_keys(spellings, model.info.word_boundaries)
                {
                    chains += 1;
                    assert_eq!(chained, phrases, "{lang}: {spellings:?}");
                }
            }
        }
        assert!(chains > 1000, "{chains} chains");
    }

    #[test]
    fn hex16_writes_what_format_writes() {
        for n in [0u64, 1, 0xabc, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(super::hex16(n), format!("{n:016x}"));
        }
    }

    use super::*;

    #[test]
    fn event_ids_hash_the_same_seed_as_before() {
        let party = |c: &str| Party {
            actor: Actor { country: c.into(), sector: None, person: None, text: String::new(), start: 0, end: 0 },
            group: false,
        };
        let seed = format!("{}|{}|{}|{}|{}", "doc-7", "042", "JPN", "LAO", 10452);
        assert_eq!(
            event_seed_hash("doc-7", "042", &party("JPN"), &party("LAO"), 10452),
            attache_model::fnv1a64(seed.as_bytes())
        );
        assert_eq!(event_seed_hash("d", "01", &party("A"), &party("B"), 0), attache_model::fnv1a64(b"d|01|A|B|0"));
    }
}
