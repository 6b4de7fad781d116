//! Sentence analysis: phrases found in a sentence become items (actor mentions, places,
//! grammatical words, triggers); mentions are assembled from adjacent titles, names and
//! people; triggers take their source and target from the items around them.

use attache_actors::{KnowledgeBase, PhraseKind, FOREIGN_TITLE};
use attache_text::Normalized;

use crate::code_classes::{
    in_class, ABOUT_ANOTHER_ACT, AIMED_LIKE_THE_ACT_THEY_NAME, ASKING, CRITICISM, HOSTILE_DEEDS, INTENTS,
    MATERIAL_HELP, SPEECH, THREATS,
};
use crate::lexicon::{select_sorted, sort_for_select, Entry, Hit, Lexicon};
use crate::pack::{Frame, Pattern, WordClass};

/// A name introduced in the document by title and state ("Lao Deputy Foreign Minister Phoxay").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learned {
    /// The name as written.
    pub name: String,
    /// Lower-cased forms searched for in later sentences (full name, and surname).
    pub keys: Vec<String>,
    /// The state or organisation.
    pub actor: String,
    /// PLOVER sector of the title.
    pub sector: Option<String>,
    /// Role of the title.
    pub role: Option<String>,
    /// Original byte range of the introducing mention.
    pub start: usize,
    /// End of the introducing mention.
    pub end: usize,
}

/// An actor mention: one or more adjacent phrases naming who acts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mention {
    /// Resolved state or organisation.
    pub actor: Option<String>,
    /// PLOVER sector.
    pub sector: Option<String>,
    /// Role from the title or register.
    pub role: Option<String>,
    /// Canonical name of the person, when named.
    pub person: Option<String>,
    /// Key range.
    pub start: usize,
    /// Key range end.
    pub end: usize,
    /// Original byte range.
    pub orig_start: usize,
    /// Original byte range end.
    pub orig_end: usize,
    /// The mention has a title or a counterpart word (it names an official).
    pub official: bool,
    /// The mention was "his counterpart" without a state: the other side.
    pub counterpart_only: bool,
    /// The mention is an object pronoun alone ("him"): after a subject outside the document's
    /// pair, the last person named rather than the other side.
    pub object_pronoun: bool,
    /// "Michel Menassa and his Syrian counterpart": a counterpart of a state coordinated with a
    /// name tied to no state; that name is the other side of the counterpart's state.
    pub counterpart_of_unnamed: bool,
    /// A name captured after the title, not yet in the register.
    pub captured_name: Option<String>,
    /// An organisation named as the host of its own meeting ("the ASEAN Summit").
    pub org_meeting: bool,
    /// "The partners" (`Some(false)`) or "the countries" (`Some(true)`, states only): the
    /// counterparts of the document's last multi-party meeting.
    pub partners: Option<bool>,
    /// An official named without a state: the language's home state's, when that state
    /// is among the document's main actors.
    pub home_candidate: bool,
    /// A party that is no state or organisation ("the international community"): coded as
    /// nobody, and nobody stands in for it.
    pub other: bool,
    /// People counted by a number and named by a demonym ("2,000 Japanese"): their state as
    /// the target of an act, but they do not act for it.
    pub citizens: bool,
    /// The states a title implies when it implies more than one ("Bundeskanzler": `DEU|AUT`);
    /// `actor` holds the first until the document's actors choose ([`choose_state`]).
    pub state_choices: Option<String>,
}

/// The state of `choices` (`DEU|AUT`) that the document names most (`count`), the first one
/// on a tie.
pub fn choose_state(choices: &str, count: impl Fn(&str) -> usize) -> Option<String> {
    let mut best: Option<(&str, usize)> = None;
    for c in choices.split('|').filter(|c| !c.is_empty()) {
        let n = count(c);
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((c, n));
        }
    }
    best.map(|(c, _)| c.to_string())
}

/// What an item of a sentence is.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// An actor mention (index into the sentence's mentions).
    Mention(usize),
    /// A grammatical word.
    Word(WordClass),
    /// A trigger of `pattern` (all its parts found).
    Trigger {
        /// Pattern index.
        pattern: usize,
    },
    /// A place: a location, not an actor.
    Place {
        /// The state the place is in.
        country: Option<String>,
    },
}

/// An item: a span of the sentence key and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Key offset.
    pub start: usize,
    /// Key end offset.
    pub end: usize,
    /// What it is.
    pub kind: ItemKind,
}

/// A sentence's items and mentions.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Items in text order.
    pub items: Vec<Item>,
    /// Mentions referenced by items.
    pub mentions: Vec<Mention>,
    /// Matches of the language's time phrases in the key, as (start, value in the time
    /// lexicon), found by the same automaton pass as the items.
    pub time_hits: Vec<(usize, u32)>,
    /// Whether the language separates words with spaces (in Thai and Lao a space ends a
    /// clause).
    pub spaced: bool,
    /// The sentence names a natural disaster (a `disaster` word of the pack, anywhere in it).
    pub disaster: bool,
    /// The sentence names a meeting or call of three parties (a `trilateral` word of the pack).
    pub trilateral: bool,
}

/// "日中両政府", "中美两国政府", "한미 양국": a word for the two sides right after two or more
/// states named together names those states, not the document's last pair: the word is
/// dropped and the states stand in its place.
fn named_two_sides(items: &mut Vec<Item>, mentions: &[Mention], k: &str) {
    let mut named = Vec::new();
    for idx in 1..items.len() {
        if items[idx].kind != ItemKind::Word(WordClass::TwoSides)
            || !matches!(items[idx - 1].kind, ItemKind::Mention(_))
            || !span_text(k, items[idx - 1].end, items[idx].start).trim().is_empty()
        {
            continue;
        }
        let (lo, hi) = group_of(items, idx - 1, k);
        let mut states: Vec<&str> =
            mentions_in(items, lo, hi).iter().filter_map(|&m| mentions.get(m)?.actor.as_deref()).collect();
        states.sort_unstable();
        states.dedup();
        if states.len() >= 2 {
            named.push(idx);
        }
    }
    for idx in named.into_iter().rev() {
        items.remove(idx);
    }
}

/// "the leaders of both countries", "i leader di entrambi i Paesi": a title with no state or
/// name of its own, then a genitive and a word for the two sides, is the two sides' officials,
/// not the last holder of that title: the title and the genitive leave, the two-sides word
/// reaches over them, and the title is no longer an official to refer back to.
///
/// The genitive may also come first, as a name gap of the pack ("両国の外相", "양국의 외교장관"):
/// the two-sides word then reaches over the title after it.
fn officials_of_two_sides(items: &mut Vec<Item>, mentions: &mut [Mention], k: &str, name_gaps: &[String]) {
    let adjacent = |a: &Item, b: &Item| span_text(k, a.end, b.start).trim().is_empty();
    let bare_title = |items: &[Item], mentions: &[Mention], idx: usize| match items[idx].kind {
        ItemKind::Mention(m) => mentions.get(m).is_some_and(|m| {
            (m.actor.is_none() || m.home_candidate)
                && m.person.is_none()
                && m.captured_name.is_none()
                && m.role.is_some()
        }),
        _ => false,
    };
    let unset = |mentions: &mut [Mention], item: &Item| {
        if let ItemKind::Mention(m) = item.kind {
            if let Some(m) = mentions.get_mut(m) {
                m.role = None;
                m.official = false;
                m.home_candidate = false;
            }
        }
    };
    let mut idx = 0;
    while idx + 1 < items.len() {
        let gap = span_text(k, items[idx].end, items[idx + 1].start).trim();
        if items[idx].kind == ItemKind::Word(WordClass::TwoSides)
            && !gap.is_empty()
            && name_gaps.iter().any(|g| g == gap)
            && bare_title(items, mentions, idx + 1)
        {
            unset(mentions, &items[idx + 1]);
            items[idx].end = items[idx + 1].end;
            items.remove(idx + 1);
        }
        idx += 1;
    }
    let mut idx = 0;
    while idx + 2 < items.len() {
        if bare_title(items, mentions, idx)
            && items[idx + 1].kind == ItemKind::Word(WordClass::Genitive)
            && items[idx + 2].kind == ItemKind::Word(WordClass::TwoSides)
            && adjacent(&items[idx], &items[idx + 1])
            && adjacent(&items[idx + 1], &items[idx + 2])
        {
            unset(mentions, &items[idx]);
            items[idx + 2].start = items[idx].start;
            items.drain(idx..idx + 2);
        }
        idx += 1;
    }
}

/// In text without word spaces whose spaces end clauses (Thai, Lao), a clause break at the
/// space before a new subject and its verb, when an earlier verb stands before it in the
/// sentence: "อิหร่านขู่อิสราเอล ฝรั่งเศสประณามคำขู่ดังกล่าว" is two clauses, and France is
/// neither threatened nor left without its verb.
fn space_clause_breaks(items: &mut Vec<Item>, k: &str) {
    let subject_like = |kind: &ItemKind| {
        matches!(
            kind,
            ItemKind::Mention(_)
                | ItemKind::Word(WordClass::TwoSides | WordClass::Participants | WordClass::Pronoun | WordClass::And)
        )
    };
    let mut breaks: Vec<usize> = Vec::new();
    let mut earlier_verb_end: Option<usize> = None;
    for (idx, it) in items.iter().enumerate() {
        match it.kind {
            ItemKind::Word(WordClass::ClauseBreak) => earlier_verb_end = None,
            ItemKind::Trigger { .. } => {
                if let Some(prev_end) = earlier_verb_end {
                    // the subject written up to the verb without a space ("ญี่ปุ่นและจีนประณาม"),
                    // a word of plan or negation between them ("นายแอลบานีซีมีกำหนดเดินทาง")
                    let mut verb_start = idx;
                    while verb_start > 0
                        && matches!(
                            items[verb_start - 1].kind,
                            ItemKind::Word(WordClass::Future | WordClass::Negation | WordClass::Background)
                        )
                        && items[verb_start - 1].start >= prev_end
                        && !span_text(k, items[verb_start - 1].end, items[verb_start].start).contains(' ')
                    {
                        verb_start -= 1;
                    }
                    let mut j = verb_start;
                    while j > 0
                        && subject_like(&items[j - 1].kind)
                        && items[j - 1].start >= prev_end
                        && !span_text(k, items[j - 1].end, items[j].start).contains(' ')
                    {
                        j -= 1;
                    }
                    let starts_with_subject =
                        j < verb_start && !matches!(items[j].kind, ItemKind::Word(WordClass::And));
                    if starts_with_subject && span_text(k, prev_end, items[j].start).ends_with(' ') {
                        breaks.push(items[j].start - 1);
                    }
                }
                earlier_verb_end = Some(it.end);
            }
            _ => {}
        }
    }
    insert_clause_breaks(items, breaks);
}

/// Clause breaks of one character at each of `breaks` (key offsets), among `items` in order.
fn insert_clause_breaks(items: &mut Vec<Item>, breaks: Vec<usize>) {
    if breaks.is_empty() {
        return;
    }
    items.extend(breaks.into_iter().map(|b| Item {
        start: b,
        end: b + 1,
        kind: ItemKind::Word(WordClass::ClauseBreak),
    }));
    items.sort_by_key(|i| (i.start, i.end));
}

/// In text with spaces, a clause break at a spaced dash (" – ", a hyphen in the key) before
/// a new subject and its verb, when an earlier verb stands before it in the sentence: a
/// headline's "UN urges restraint – China sends envoy" is two clauses, and China is not what
/// was urged. (A dash inside a word, "Sør-Libanon", has no spaces; a dateline's "PARIS – "
/// follows no verb.) With `commas` (languages whose verb does not come last), a comma too,
/// when no party stands right before it (a list) and a word, not a comma, right after the
/// new subject (an apposition): "Spain sent rescue teams, Italy sent two planes". Not after
/// a condition ("如果以色列…进攻，美方将停止…": the rest is its consequence) nor right after an
/// act of speech, which the clause completes ("verlangte, Wellington müsse …").
/// (Without spaces, only the comma: "澳大利亚宣布提供援助，新加坡派出救援人员".)
fn new_subject_clause_breaks(items: &mut Vec<Item>, k: &str, spaced: bool, commas: bool, patterns: &[Pattern]) {
    let mut breaks: Vec<usize> = Vec::new();
    let mut verb_before = false;
    let mut condition = false;
    let mut speech_end: Option<usize> = None;
    for (idx, it) in items.iter().enumerate() {
        match it.kind {
            ItemKind::Word(WordClass::ClauseBreak) => {
                verb_before = false;
                condition = false;
            }
            ItemKind::Word(WordClass::Conditional) => condition = true,
            ItemKind::Trigger { pattern } => {
                verb_before = true;
                speech_end = patterns.get(pattern).filter(|p| in_class(&p.code, &SPEECH)).map(|_| it.end);
            }
            ItemKind::Mention(_) if verb_before => {
                // (a comma right after an act of speech opens what was said)
                let completes_speech = |c: usize| speech_end.is_some_and(|e| span_text(k, e, c).trim().is_empty());
                let prev = items[..idx].last();
                let prev_end = prev.map_or(0, |p| p.end);
                let between = span_text(k, prev_end, it.start);
                // (a word, not a comma, right after the new subject)
                let word_after = k.get(it.end..).is_some_and(|rest| {
                    let rest = if spaced { rest.strip_prefix(' ').unwrap_or("") } else { rest };
                    rest.starts_with(char::is_alphabetic)
                });
                // (", and Italy sent …": the comma before an "and" right before the subject,
                // after no party)
                if commas && word_after && !condition && between.trim().is_empty() {
                    if let Some(c) = comma_and_before(items, idx, k, &[]) {
                        let after_party = matches!(items[idx - 2].kind, ItemKind::Mention(_));
                        if !after_party && !completes_speech(c) && new_subject_acts(items, idx, k) {
                            breaks.push(c);
                            verb_before = false;
                        }
                        continue;
                    }
                }
                let at = match between.find(" - ").filter(|_| spaced) {
                    Some(d) => prev_end + d + 1,
                    None if commas
                        && word_after
                        && !condition
                        && !prev.is_some_and(|p| matches!(p.kind, ItemKind::Mention(_))) =>
                    {
                        match between.rfind([',', '，']).map(|c| prev_end + c) {
                            Some(c) if !completes_speech(c) => c,
                            _ => continue,
                        }
                    }
                    None => continue,
                };
                if new_subject_acts(items, idx, k) && span_text(k, at + 1, it.start).trim().is_empty() {
                    breaks.push(at);
                    verb_before = false;
                }
            }
            _ => {}
        }
    }
    insert_clause_breaks(items, breaks);
}

/// Whether the mention item `idx` opens a clause of its own: its verb is the next item past
/// grammatical words; or, when it is the last party of the sentence and words follow it, a
/// verb the pack does not know ("Troikaen krever våpenhvile i Sudan – Norge øker nødhjelpen").
fn new_subject_acts(items: &[Item], idx: usize, k: &str) -> bool {
    let verb_next = items[idx + 1..]
        .iter()
        .find(|x| !matches!(x.kind, ItemKind::Word(_) | ItemKind::Mention(_)))
        .is_some_and(|x| matches!(x.kind, ItemKind::Trigger { .. }));
    let last_party = !items[idx + 1..].iter().any(|x| matches!(x.kind, ItemKind::Mention(_)))
        && k.get(items[idx].end..).is_some_and(|rest| rest.chars().any(char::is_alphabetic));
    verb_next || last_party
}

/// `gap` without the reading in brackets that ends it ("趙兌烈（チョ・テヨル）" gives "趙兌烈"):
/// katakana or Hangul, as the Japanese press writes a Korean or Chinese name's sound; None when
/// it ends in no such reading.
fn without_reading(gap: &str) -> Option<&str> {
    let inner = gap.strip_suffix(')').or_else(|| gap.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let reading = inner[open..].trim_start_matches(['(', '（']);
    let sound =
        |c: char| is_katakana(c) || c == ' ' || attache_text::char_script(c) == Some(attache_text::Script::Hangul);
    (!reading.is_empty() && reading.chars().all(sound)).then(|| inner[..open].trim_end())
}

/// What may stand between two parts of one mention in every language: nothing, a comma, a
/// hyphen. Each pack lists its own words (`name_gap` in words.tsv: "of the", "của", "の").
const JOIN_GAPS: &[&str] = &["", ",", "-"];
#[derive(Clone)]
enum Part {
    Actor(String, PhraseKind),
    Title(String, String, Option<String>),
    Person(usize),
    Learned(usize),
    Counterpart { pronoun: bool },
    Partners { states_only: bool },
}

/// Everything `analyse` needs besides the sentence.
pub struct Context<'a> {
    /// The language's automaton.
    pub lexicon: &'a Lexicon,
    /// The knowledge base.
    pub kb: &'a KnowledgeBase,
    /// The language's patterns.
    pub patterns: &'a [Pattern],
    /// The document's reference date (partial), for resolving people.
    pub date: Option<&'a str>,
    /// Names learned so far in the document.
    pub learned: &'a [Learned],
    /// Whether the language separates words with spaces.
    pub spaced: bool,
    /// Whether a space before a new subject and its verb ends the clause before it (Thai, Lao).
    pub spaces_end_clauses: bool,
    /// The language's honorifics, lower-cased ("ông", "mr").
    pub honorifics: &'a [String],
    /// Words that may stand between the parts of one mention ("of the", "の"), normalised.
    pub name_gaps: &'a [String],
    /// Articles that may stand before a name in a list ("la", "l'", "il"), normalised.
    pub articles: &'a [String],
    /// Personal names may hold a word that also names a state (Vietnamese "Nguyễn Tuấn Anh").
    pub state_words_in_names: bool,
    /// A Han name of two to four characters follows its title ("外交部发言人毛宁").
    pub han_names_after_titles: bool,
    /// A home official's name of four to six Han characters precedes a title that names no
    /// state ("岩城真理子外相").
    pub han_names_before_titles: bool,
    /// A foreign name stands before its state and title ("토니 블링컨 미국 국무장관").
    pub names_before_state_titles: bool,
    /// Words that open a personal name in unspaced text ("นาย", "ທ່ານ").
    pub name_prefixes: &'a [String],
    /// The language's particles and endings (verb-final languages; empty elsewhere).
    pub particles: &'a crate::verb_final::Particles,
    /// Fewest words a captured name may have.
    pub min_name_words: usize,
    /// Most words a trigger's gap may hold.
    pub gap_words: usize,
    /// The state of officials named without one.
    pub home: Option<&'a str>,
    /// The language's home state, whether or not the document is about it.
    pub press_home: Option<&'a str>,
    /// Searchers for the learned names' keys, built once per document (built here from
    /// `learned` when absent).
    pub learned_finders: Option<&'a [LearnedFinder<'a>]>,
}

/// A searcher for one key of a learned name.
pub struct LearnedFinder<'a> {
    /// Index into the learned names.
    pub learned: usize,
    /// Length of the key in bytes.
    len: usize,
    /// The key is the last part of a name of several parts (a surname), not the whole name.
    surname: bool,
    finder: memchr::memmem::Finder<'a>,
}

impl LearnedFinder<'_> {
    /// True when the key occurs in `key`.
    pub fn occurs_in(&self, key: &str) -> bool {
        self.finder.find(key.as_bytes()).is_some()
    }
}

/// In text without spaces, a selected actor name that a longer actor name starting inside it
/// overlaps gives way to that name ("更多哥伦比亚咖啡": Colombia, not 多哥 Togo), when the longer
/// name overlaps nothing selected after it.
/// (`all` is in [`sort_for_select`]'s order: the hits starting inside a name follow it.)
fn prefer_longer_overlapping_names(selected: &mut [Hit], all: &[Hit], cx: &Context<'_>, learned_base: u32) {
    let actor_name = |h: &Hit| {
        h.phrase < learned_base && {
            let entries = cx.lexicon.entries(h.phrase);
            entries.iter().any(|e| matches!(e, Entry::Actor { .. }))
                && !entries.iter().any(|e| matches!(e, Entry::Trigger { .. }))
        }
    };
    for i in 0..selected.len() {
        let a = selected[i];
        if !actor_name(&a) {
            continue;
        }
        let next_start = selected.get(i + 1).map_or(usize::MAX, |n| n.start);
        let inside = all.partition_point(|b| b.start <= a.start);
        let longer = all[inside..]
            .iter()
            .take_while(|b| b.start < a.end)
            .filter(|b| b.end > a.end && b.end <= next_start && b.end - b.start > a.end - a.start)
            .max_by_key(|b| b.end - b.start)
            .copied();
        if let Some(b) = longer.filter(|b| actor_name(b)) {
            selected[i] = b;
        }
    }
}

/// Searchers for every key of `learned`.
pub fn learned_finders(learned: &[Learned]) -> Vec<LearnedFinder<'_>> {
    learned
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let full = l.keys.first();
            let last_part =
                full.filter(|f| f.split_whitespace().count() >= 2).and_then(|f| f.split_whitespace().last());
            l.keys.iter().filter(|k| !k.is_empty()).map(move |k| LearnedFinder {
                learned: i,
                len: k.len(),
                surname: Some(k) != full && last_part == Some(k.as_str()),
                finder: memchr::memmem::Finder::new(k.as_bytes()),
            })
        })
        .collect()
}

/// The key text between two offsets, or nothing when they are out of order (spans can
/// overlap after a name is captured past the next phrase).
pub(crate) fn span_text(k: &str, a: usize, b: usize) -> &str {
    if a <= b {
        k.get(a..b).unwrap_or("")
    } else {
        ""
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Phrase numbers from here up are names learned in the document, not lexicon phrases.
const LEARNED_PHRASE_BASE: u32 = u32::MAX / 2;

/// The katakana middle dot that joins the parts of a foreign name ("ラモン・サンティアゴ").
const MIDDLE_DOT: char = '\u{30FB}';

/// "ラモン・サンティアゴ外相": a capital's name joined by a middle dot to a katakana word that
/// names no actor is part of a person's name, not the place (a state's name there is the
/// official's state: "マリズ・ペイン・オーストラリア外務大臣"); such hits are dropped.
fn drop_capitals_inside_katakana_names(all: &mut Vec<Hit>, k: &str, cx: &Context<'_>) {
    let entries_of = |h: &Hit| if h.phrase < LEARNED_PHRASE_BASE { cx.lexicon.entries(h.phrase) } else { &[] };
    let actor_spans: Vec<(usize, usize)> = all
        .iter()
        .filter(|h| entries_of(h).iter().any(|e| matches!(e, Entry::Actor { .. })))
        .map(|h| (h.start, h.end))
        .collect();
    let dot = MIDDLE_DOT.len_utf8();
    let katakana = |c: Option<char>| c.is_some_and(attache_text::is_katakana_letter);
    let name_beside = |h: &Hit| {
        let before = k.get(..h.start).and_then(|b| b.strip_suffix(MIDDLE_DOT)).and_then(|b| b.chars().next_back());
        let after = k.get(h.end..).and_then(|a| a.strip_prefix(MIDDLE_DOT)).and_then(|a| a.chars().next());
        (katakana(before) && !actor_spans.iter().any(|&(_, e)| e + dot == h.start))
            || (katakana(after) && !actor_spans.iter().any(|&(st, _)| st == h.end + dot))
    };
    all.retain(|h| {
        let entries = entries_of(h);
        let capital_only =
            !entries.is_empty() && entries.iter().all(|e| matches!(e, Entry::Actor { kind: PhraseKind::Capital, .. }));
        !capital_only || !name_beside(h)
    });
}

/// Analyse one sentence: `key` is its normalised form, `original` the whole document text.
pub fn analyse(key: &Normalized, original: &str, sentence_end: usize, cx: &Context<'_>) -> Analysis {
    let k = key.key.as_str();
    let mut time_hits = Vec::new();
    let mut all = cx.lexicon.find_all_and_time(k, &mut time_hits);
    let orig_of = |h: &Hit| {
        let (s, e) = key.original_range(h.start, h.end);
        original.get(s..e).unwrap_or("").trim_end()
    };
    all.retain(|h| {
        h.phrase >= LEARNED_PHRASE_BASE
            || !cx.lexicon.needs_case(h.phrase)
            || !cx.lexicon.entries_for(h.phrase, orig_of(h)).is_empty()
    });
    if !cx.spaced && k.contains(MIDDLE_DOT) {
        drop_capitals_inside_katakana_names(&mut all, k, cx);
    }
    // names learned in this document are matched like lexicon phrases
    let learned_base = LEARNED_PHRASE_BASE;
    let built;
    let finders = match cx.learned_finders {
        Some(f) => f,
        None => {
            built = learned_finders(cx.learned);
            &built[..]
        }
    };
    let mut surname_spans: Vec<(usize, usize, usize)> = Vec::new();
    for f in finders {
        for s in f.finder.find_iter(k.as_bytes()) {
            let e = s + f.len;
            if !k.is_char_boundary(s) || !k.is_char_boundary(e) {
                continue;
            }
            let (os, _) = key.original_range(s, e);
            // capitalised, or written in a script without case (katakana)
            let capitalised = original.get(os..).and_then(|o| o.chars().next()).is_some_and(|c| !c.is_lowercase());
            if capitalised && (!cx.spaced || crate::lexicon::on_boundaries(k, s, e)) {
                all.push(Hit { start: s, end: e, phrase: learned_base + f.learned as u32 });
                // "Prime Minister Luís Montenegro … Montenegro was received": a surname spelled
                // as a state's name names the person introduced, not that state
                if f.surname {
                    surname_spans.push((s, e, f.learned));
                }
            }
        }
    }
    if !surname_spans.is_empty() {
        all.retain(|h| {
            h.phrase >= learned_base
                || !surname_spans.iter().any(|&(s, e, l)| {
                    h.start == s
                        && h.end == e
                        && cx.lexicon.entries(h.phrase).iter().all(|en| {
                            matches!(en, Entry::Actor { actor, kind: PhraseKind::Name }
                                if cx.learned.get(l).is_some_and(|l| l.actor != **actor))
                        })
                })
        });
    }
    // "the ministers of Laos and Cambodia" is a title with its states, not the last meeting's
    // parties: a participants phrase followed by a genitive or name-gap word is dropped
    let word_of = |h: &Hit, class: WordClass| {
        h.phrase < learned_base
            && cx.lexicon.entries(h.phrase).iter().any(|e| matches!(e, Entry::Word(c) if *c == class))
    };
    // (a disaster word only marks the sentence: it is no item and hides no other phrase)
    let disaster = all.iter().any(|h| word_of(h, WordClass::Disaster));
    let trilateral = all.iter().any(|h| word_of(h, WordClass::Trilateral));
    if disaster || trilateral {
        all.retain(|h| {
            h.phrase >= learned_base
                || !cx
                    .lexicon
                    .entries(h.phrase)
                    .iter()
                    .all(|e| matches!(e, Entry::Word(WordClass::Disaster | WordClass::Trilateral)))
        });
    }
    // (but right after a verb, a genitive that names no one after it opens what the parties
    // are asked to do: "urged the three countries to conclude a deal")
    if all.iter().any(|h| word_of(h, WordClass::Participants)) {
        let next_start = |end: usize| {
            let rest = k.get(end..).unwrap_or("");
            end + rest.len() - rest.trim_start().len()
        };
        let names_someone = |h: &Hit| {
            h.phrase < learned_base
                && cx.lexicon.entries(h.phrase).iter().any(|e| {
                    matches!(
                        e,
                        Entry::Actor { .. }
                            | Entry::Person(_)
                            | Entry::Title(_)
                            | Entry::Word(WordClass::TwoSides | WordClass::Participants)
                    )
                })
        };
        let is_trigger = |h: &Hit| {
            h.phrase < learned_base && cx.lexicon.entries(h.phrase).iter().any(|e| matches!(e, Entry::Trigger { .. }))
        };
        let genitives: Vec<(usize, bool)> = all
            .iter()
            .filter(|h| word_of(h, WordClass::Genitive))
            .map(|g| {
                let after = next_start(g.end);
                (g.start, all.iter().any(|n| n.start == after && names_someone(n)))
            })
            .collect();
        let after_verb: Vec<bool> = all
            .iter()
            .map(|h| {
                word_of(h, WordClass::Participants)
                    && all.iter().any(|v| v.end < h.start && next_start(v.end) == h.start && is_trigger(v))
            })
            .collect();
        let mut idx = 0;
        all.retain(|h| {
            let verb_before = after_verb[idx];
            idx += 1;
            if !word_of(h, WordClass::Participants) {
                return true;
            }
            let rest = k.get(h.end..).unwrap_or("");
            let next = rest.trim_start();
            let at = h.end + rest.len() - next.len();
            !genitives.iter().any(|&(g, names)| g == at && (names || !verb_before))
                && !cx.name_gaps.iter().any(|g| next.strip_prefix(g.as_str()).is_some_and(|r| r.starts_with(' ')))
        });
    }
    // a phrase that only starts triggers with later parts, none of which follows, names nothing
    // and does not hide a phrase starting inside it ("ประกาศให้ … เป็นบุคคลที่ไม่พึงปรารถนา" without
    // its later part leaves "ให้ความช่วยเหลือ" to be read)
    sort_for_select(&mut all);
    // (in start order, the first hit starting after a hit is the one that could start inside it)
    let starts_inside = |i: usize| {
        let h = all[i];
        all[i + 1..].iter().find(|o| o.start > h.start).is_some_and(|o| o.start < h.end)
    };
    let hits = Hits::new(&all);
    let dead_starts: Vec<(usize, u32)> = (0..all.len())
        .filter(|&i| all[i].phrase < learned_base && starts_inside(i))
        .map(|i| all[i])
        .filter(|h| {
            let entries = cx.lexicon.entries_for(h.phrase, orig_of(h));
            !entries.is_empty()
                && entries.iter().all(|e| match e {
                    Entry::Trigger { pattern, trigger: t, part: 0, parts } => {
                        *parts > 1
                            && follow_parts(k, h.end, 1, parts.saturating_sub(1), &hits, cx, (*pattern, *t)).is_none()
                    }
                    _ => false,
                })
        })
        .map(|h| (h.start, h.phrase))
        .collect();
    if !dead_starts.is_empty() {
        all.retain(|h| !dead_starts.contains(&(h.start, h.phrase)));
    }
    let hits = Hits::new(&all);
    let mut selected = select_sorted(&all);
    if !cx.spaced {
        prefer_longer_overlapping_names(&mut selected, &all, cx, learned_base);
    }
    // (sized for the sentence's phrases, so that pushing them grows nothing)
    let mut items: Vec<Item> = Vec::with_capacity(selected.len() + 4);
    let mut parts: Vec<(usize, usize, Part)> = Vec::with_capacity(selected.len()); // key start, end, part
    let mut consumed_until = 0usize;
    let mut consumed_parts: Vec<(usize, usize, usize)> = Vec::new(); // last part's span, pattern
    for h in &selected {
        // a phrase overlapping a gap trigger's last part is inside that act ("pledged 50 million
        // euros in humanitarian aid": "humanitarian aid" is what was pledged, not a second act),
        // unless it names the same kind of act more finely ("a missile attack")
        let inside_act = |&(a, b, gap_pattern): &(usize, usize, usize)| {
            (h.start >= a && h.start < b)
                || (h.start < b
                    && h.end > a
                    && !cx.lexicon.entries(h.phrase).iter().any(|e| {
                        matches!(e, Entry::Trigger { pattern, .. } if same_root(cx.patterns, *pattern as usize, gap_pattern))
                    }))
        };
        if h.start < consumed_until || consumed_parts.iter().any(inside_act) {
            continue;
        }
        if h.phrase >= learned_base {
            parts.push((h.start, h.end, Part::Learned((h.phrase - learned_base) as usize)));
            continue;
        }
        let entries = cx.lexicon.entries_for(h.phrase, orig_of(h));
        // trigger first: of the patterns whose later parts follow within the gap limit, the one
        // reaching furthest ("møtes ... igjen" over "møtes"); the first on a tie
        let mut trigger: Option<(usize, usize, usize)> = None; // pattern, end, start of the last part
        for e in entries.iter().copied() {
            if let Entry::Trigger { pattern, trigger: t, part: 0, parts } = e {
                if let Some((end, last)) = follow_parts(k, h.end, 1, parts.saturating_sub(1), &hits, cx, (*pattern, *t))
                {
                    if trigger.is_none_or(|(_, best, _)| end > best) {
                        trigger = Some((*pattern as usize, end, last.unwrap_or(h.start)));
                    }
                }
            }
        }
        if let Some((pattern, end, last_part)) = trigger {
            items.push(Item { start: h.start, end, kind: ItemKind::Trigger { pattern } });
            // a one-part trigger covers its words; a trigger with a gap ("urged ... to
            // resume talks") leaves the gap's actors to be read and only covers its last part
            if last_part == h.start {
                consumed_until = end;
            } else {
                consumed_parts.push((last_part, end, pattern));
            }
            continue;
        }
        let mut part = None;
        for e in entries.iter().copied() {
            let candidate = match e {
                // a bare surname names a register person only around their time in office
                // ("Komura" in 2024 is not the foreign minister of 2007 but whoever the text
                // introduced; "Trump" in November 2024 is the president-elect)
                Entry::Person(id)
                    if !span_text(k, h.start, h.end).contains(' ')
                        && cx.date.is_some_and(|d| !cx.kb.in_office_around(*id, d)) =>
                {
                    None
                }
                // a person's name is written with a capital ("mutua" is a word, "Mutua" a
                // name; "rey Felipe VI" has its capital inside)
                Entry::Person(_)
                    if orig_of(h).chars().any(char::is_lowercase) && !orig_of(h).chars().any(char::is_uppercase) =>
                {
                    None
                }
                Entry::Person(id) => Some((3, Part::Person(*id))),
                Entry::Title(t) => Some((2, Part::Title(t.sector.clone(), t.role.clone(), t.state.clone()))),
                Entry::Actor { actor, kind } => Some((1, Part::Actor(actor.to_string(), *kind))),
                Entry::Word(WordClass::Counterpart) => Some((0, Part::Counterpart { pronoun: false })),
                Entry::Word(WordClass::ObjectPronoun) => Some((0, Part::Counterpart { pronoun: true })),
                Entry::Word(WordClass::Partners) => Some((0, Part::Partners { states_only: false })),
                Entry::Word(WordClass::PartnerStates) => Some((0, Part::Partners { states_only: true })),
                _ => None,
            };
            if let Some((rank, p)) = candidate {
                if part.as_ref().is_none_or(|(r, _)| rank > *r) {
                    part = Some((rank, p));
                }
            }
        }
        if let Some((_, p)) = part {
            match p {
                // "日米": two mentions over the same words, coordinated
                // ... but never right after a number: "5日米国" is "on the 5th, the US"
                Part::Actor(_, PhraseKind::Pair) if k[..h.start].chars().next_back().is_some_and(char::is_numeric) => {}
                Part::Actor(codes, PhraseKind::Pair) => {
                    for code in codes.split('+').filter(|c| !c.is_empty()) {
                        parts.push((h.start, h.end, Part::Actor(code.to_string(), PhraseKind::Name)));
                    }
                }
                p => parts.push((h.start, h.end, p)),
            }
            continue;
        }
        if let Some(Entry::Word(w)) = entries.iter().copied().find(|e| matches!(e, Entry::Word(_))) {
            items.push(Item { start: h.start, end: h.end, kind: ItemKind::Word(*w) });
        }
    }
    // "mengutuk serangan tersebut": a trigger that ends inside an act reference ("mengutuk
    // serangan" + "serangan tersebut") still names that act as its object
    if all.iter().any(|h| word_of(h, WordClass::ActReference)) {
        let triggers: Vec<(usize, usize)> =
            items.iter().filter(|i| matches!(i.kind, ItemKind::Trigger { .. })).map(|i| (i.start, i.end)).collect();
        for r in all.iter().filter(|h| word_of(h, WordClass::ActReference)) {
            let overlapped = triggers.iter().any(|&(ts, te)| ts < r.start && r.start < te && te < r.end);
            let free_after =
                !selected.iter().any(|h| h.start < r.end && h.end > r.start && !triggers.contains(&(h.start, h.end)));
            if overlapped && free_after {
                items.push(Item { start: r.start, end: r.end, kind: ItemKind::Word(WordClass::ActReference) });
            }
        }
    }
    items.sort_by_key(|i| i.start);

    // places: an actor phrase right after a locative word, or a place-only phrase
    let mut mention_parts: Vec<(usize, usize, Part)> = Vec::with_capacity(parts.len());
    let mut prev_part_end: Option<(usize, bool)> = None; // end of the previous part, and whether it was a title
    for (s, e, p) in parts {
        let locative = items
            .iter()
            .rev()
            .find(|i| i.end <= s)
            .filter(|i| i.kind == ItemKind::Word(WordClass::Locative) && span_text(k, i.end, s).trim().is_empty());
        // "presidenten i Frankrike": a locative right after a title joins it to its state
        let title_before = locative.is_some_and(|l| {
            prev_part_end
                .is_some_and(|(pe, title)| title && pe <= l.start && span_text(k, pe, l.start).trim().is_empty())
        });
        // ... but a capital after it is where the act happens ("Indias utenriksminister i Oslo"),
        // unless the title names no state and serves where it sits: "die Regierung in Peking",
        // "the police in Moscow", "das Außenministerium in Seoul" (a ministry after a locative
        // is a building: "at the foreign ministry in Hanoi")
        let stateless_title = || {
            let n = mention_parts.len();
            let stateless = matches!(mention_parts.last(), Some((_, _, Part::Title(_, role, None)))
                if SEATED_ROLES.contains(&role.as_str()) || role == "ministry");
            let state_before = n >= 2
                && matches!(mention_parts[n - 2].2, Part::Actor(..))
                && word_count(span_text(k, mention_parts[n - 2].1, mention_parts[n - 1].0)) <= 1;
            // "at the headquarters of the government in Hanoi" is a place as a whole
            let inside_place = mention_parts.last().is_some_and(|&(ts, _, _)| {
                items.iter().any(|i| {
                    i.kind == ItemKind::Word(WordClass::Locative)
                        && i.end <= ts
                        && word_count(span_text(k, i.end, ts)) <= 3
                })
            });
            stateless && !state_before && !inside_place
        };
        let title_before = title_before
            && (matches!(&p, Part::Actor(_, PhraseKind::Name))
                || (matches!(&p, Part::Actor(_, PhraseKind::Capital)) && stateless_title()));
        // "in Da Nang, Vietnam": a state named right after a place is where that place is
        let after_place = items.iter().rev().find(|i| i.end <= s).is_some_and(|i| {
            matches!(i.kind, ItemKind::Place { .. }) && matches!(span_text(k, i.end, s).trim(), "" | ",")
        });
        let after_locative = (locative.is_some() && !title_before) || after_place;
        // "Bộ trưởng Nguyễn Tuấn Anh": after a title and capitalised name words, a state's
        // name is the name's last word
        if cx.state_words_in_names
            && matches!(&p, Part::Actor(_, PhraseKind::Name))
            && prev_part_end.is_some_and(|(pe, title)| title && name_words_between(key, original, &items, pe, s))
        {
            continue;
        }
        prev_part_end = Some((e, matches!(p, Part::Title(..))));
        match &p {
            Part::Actor(code, kind)
                if *kind == PhraseKind::Place
                    || (after_locative && matches!(kind, PhraseKind::Capital | PhraseKind::Name)) =>
            {
                items.push(Item { start: s, end: e, kind: ItemKind::Place { country: Some(code.clone()) } });
            }
            _ => mention_parts.push((s, e, p)),
        }
    }

    // mentions: runs of parts separated only by joining words
    let mut mentions: Vec<Mention> = Vec::new();
    let mut run: Vec<(usize, usize, Part)> = Vec::new();
    // a name captured after a title stops where the next mention starts (`limit`)
    // ... and, in text without spaces, at the next recognised word after the run ("表示")
    // ... and at a time word ("范克拉弗伦周一会见"): where time phrases start in the original
    let time_starts: Vec<usize> = if cx.han_names_after_titles {
        time_hits.iter().map(|&(t, _)| key.original_range(t, t).0).collect()
    } else {
        Vec::new()
    };
    let flush = |run: &mut Vec<(usize, usize, Part)>, mentions: &mut Vec<Mention>, limit: usize| {
        let Some(&(_, run_end, _)) = run.last() else { return };
        let next_item = items
            .iter()
            .filter(|i| !cx.spaced && i.start >= run_end)
            .map(|i| key.original_range(i.start, i.start).0)
            .min()
            .unwrap_or(limit);
        // ... and a name written before the mention starts after the last word recognised
        // before it
        let run_start = run.first().map_or(0, |r| r.0);
        let floor = items
            .iter()
            .filter(|i| (cx.names_before_state_titles || !cx.name_prefixes.is_empty()) && i.end <= run_start)
            .map(|i| key.original_range(i.start, i.end).1)
            .chain(mentions.last().map(|m| m.orig_end))
            .max()
            .unwrap_or(0);
        mentions.push(build_mention(run, key, original, (floor, limit.min(next_item)), &time_starts, cx));
        run.clear();
    };
    for idx in 0..mention_parts.len() {
        let (s, e, p) = mention_parts[idx].clone();
        if let Some(&(_, prev_end, ref prev)) = run.last() {
            let raw_gap = span_text(k, prev_end, s);
            // a dash with spaces around it separates ("russisk diplomat – Moskva varsler"); only a
            // hyphen inside a word joins ("Kongo-Kinshasa")
            let spaced_dash = raw_gap.trim() == "-" && raw_gap.len() > 1;
            let gap = if spaced_dash { " - " } else { raw_gap.trim() };
            // "Tổng Thư ký Diễn đàn các Đảo Thái Bình Dương (PIF) Baron Waqa": a name right after
            // an organisation's acronym in brackets is the official the title names, and so is a
            // title ("太平洋島國論壇（PIF）秘書長瓦卡")
            let gap = match gap.strip_prefix([')', '）']) {
                Some(rest)
                    if matches!(prev, Part::Actor(..))
                        && matches!(p, Part::Person(_) | Part::Learned(_) | Part::Title(..)) =>
                {
                    rest.trim_start()
                }
                _ => gap,
            };
            // "X's minister A, Y's minister B": a comma starts a new mention when the words
            // up to the next comma name another state than the mention so far
            let next_person_follows = gap == "," && {
                let so_far = run.iter().find_map(|r| part_country(&r.2, cx));
                let upcoming = mention_parts[idx..]
                    .iter()
                    .take_while(|r| !span_text(k, s, r.0).contains(','))
                    .find_map(|r| part_country(&r.2, cx));
                matches!((so_far, upcoming), (Some(a), Some(b)) if a != b)
            };
            // "한국 외교부 장관 일본 외무상": a second state starts a second mention
            // "Norges utenriksminister Sveriges statsminister": a state's genitive after a state
            // and its title starts the next mention too
            let second_state = match &p {
                Part::Actor(b, PhraseKind::Name) => run.iter().any(|r| matches!(&r.2, Part::Actor(a, _) if a != b)),
                Part::Actor(b, PhraseKind::Genitive) => {
                    matches!(prev, Part::Title(..)) && run.iter().any(|r| matches!(&r.2, Part::Actor(a, _) if a != b))
                }
                _ => false,
            };
            let partners_apart =
                (matches!(prev, Part::Partners { .. }) || matches!(p, Part::Partners { .. })) && !gap.is_empty();
            // "米国務長官は露外相と": two titles that each name another state are two officials
            let titles_of_two_states = matches!((prev, &p), (Part::Title(_, _, Some(a)), Part::Title(_, _, Some(b)))
                if a != b && a != FOREIGN_TITLE && b != FOREIGN_TITLE);
            let both_titles = matches!(prev, Part::Title(..)) && matches!(p, Part::Title(..)) && !titles_of_two_states;
            // a name set off by a comma after the mention it was learned from is still that mention's
            // ("il suo omologo eritreo, Osman Saleh, al quale …")
            let own_appositive = match &p {
                Part::Learned(l) => cx.learned.get(*l).is_some_and(|l| {
                    let (os, oe) = key.original_range(s, e);
                    l.start <= os && oe <= l.end
                }),
                _ => false,
            };
            let comma_between_names =
                gap == "," && !own_appositive && !matches!(prev, Part::Title(..)) && !matches!(p, Part::Title(..));
            let joiner_words: usize = items
                .iter()
                .filter(|i| i.kind == ItemKind::Word(WordClass::Joiner) && i.start >= prev_end && i.end <= s)
                .map(|i| word_count(span_text(k, i.start, i.end)))
                .sum();
            // "presidentene i (Republikken) India": a title, a locative and the state it serves
            // (words are counted by spaces: in text without them the rule cannot tell)
            // (not after a visit written as a noun, where the locative names the destination: "une
            // visite du président au Brésil")
            let after_noun_act = || {
                let run_start = run.first().map_or(s, |r| r.0);
                items.iter().any(|i| {
                    matches!(i.kind, ItemKind::Trigger { pattern } if cx.patterns.get(pattern).is_some_and(|q| q.noun_act))
                        && i.end <= run_start
                        && word_count(span_text(k, i.end, run_start)) <= 1
                })
            };
            let title_then_locative = cx.spaced
                && matches!(prev, Part::Title(..))
                && word_count(gap) == 1 + joiner_words
                && items
                    .iter()
                    .any(|i| i.kind == ItemKind::Word(WordClass::Locative) && i.start >= prev_end && i.end <= s)
                && !after_noun_act();
            // "die Ministerin von König Abdullah II.": a title and a person of the register who
            // holds another office are two people, whatever word stands between them
            let other_office = |prev: &Part, p: &Part| match (prev, p) {
                (Part::Title(_, role, _), Part::Person(id)) if !INSTITUTION_ROLES.contains(&role.as_str()) => {
                    cx.kb.resolve_person(*id, cx.date).is_some_and(|t| !t.role.is_empty() && t.role != *role)
                }
                // (two offices of people, not an office and its institution: "la porte-parole du
                // ministère" is one official; nor an envoy and whom they represent: "le
                // représentant spécial du secrétaire général de l'ONU")
                (Part::Title(_, a, _), Part::Title(_, b, _)) => {
                    a != b
                        && !INSTITUTION_ROLES.contains(&a.as_str())
                        && !INSTITUTION_ROLES.contains(&b.as_str())
                        && !matches!(a.as_str(), "ambassador" | "envoy")
                }
                _ => false,
            };
            let joiner_between_offices =
                !gap.is_empty() && cx.honorifics.iter().any(|h| h == gap) && other_office(prev, &p);
            // "Tiếp xúc với Quốc vương Brunei Hassanal Bolkiah, Chủ tịch nước cảm ơn …": a title
            // after the comma that ends an official named with title and name is the next
            // clause's subject, not an apposition to the official
            let title_after_titled_name = gap == ","
                && matches!(p, Part::Title(..))
                && run.iter().any(|r| matches!(r.2, Part::Title(..)))
                && run.iter().any(|r| matches!(r.2, Part::Person(_) | Part::Learned(_)));
            let joins = ((JOIN_GAPS.contains(&gap) || cx.name_gaps.iter().any(|g| g == gap))
                && !comma_between_names
                && !title_after_titled_name)
                || title_then_locative
                || (cx.honorifics.iter().any(|h| h == gap) && !joiner_between_offices)
                || (both_titles
                    && !joiner_between_offices
                    && word_count(gap) <= 1
                    && !gap.contains([',', '、', '。'])
                    // "高市首相は首相官邸で": a role particle ends the first title's phrase
                    && !cx.particles.marks_role(gap)
                    // ("茂木外相は田中首相と会談": nor does one that opens the gap)
                    && (cx.spaced || !cx.particles.starts_with_role(gap))
                    && (cx.spaced || gap.chars().count() <= 4)
                    // "Thứ trưởng Ngoại giao tiếp Đại sứ": a verb between two titles parts them
                    && !items.iter().any(|i| matches!(i.kind, ItemKind::Trigger { .. }) && i.start >= prev_end && i.end <= s))
                || (matches!(prev, Part::Counterpart { .. }) && gap.is_empty())
                // "韓国の趙兌烈（チョ・テヨル）外相": a name's reading in brackets before its title
                // (also when the register knows the reading: "王毅（ワン・イー）外相")
                || (!cx.spaced
                    && matches!(p, Part::Title(..))
                    && matches!(prev, Part::Person(_) | Part::Learned(_))
                    && (without_reading(gap).is_some_and(str::is_empty) || matches!(gap, ")" | "）")))
                || (!cx.spaced && matches!((prev, &p), (Part::Person(a), Part::Person(b)) if a == b) && matches!(gap, "(" | "（"))
                // "インドネシアのジョコ大統領", "韓国の朴振外相": a name in katakana, or of one to
                // four Han characters after の (and its reading), between the state and the title
                || (!cx.spaced && matches!(p, Part::Title(..)) && matches!(prev, Part::Actor(..) | Part::Title(..)) && {
                    let gap = without_reading(gap).unwrap_or(gap);
                    let name = gap.strip_prefix('の');
                    let katakana = |n: &str| n.chars().filter(|&c| is_katakana(c)).count() >= 2 && n.chars().all(is_katakana);
                    let han = |n: &str| (1..=4).contains(&n.chars().count()) && n.chars().all(attache_text::is_han);
                    katakana(name.unwrap_or(gap)) || name.is_some_and(han)
                });
            // "Chủ tịch Hội đồng Quốc gia Slovakia": where a name's every word is capitalised, a
            // title, an institution's name (capitalised first, lower case after) and a state are
            // one official of that state
            let title_institution_state = cx.state_words_in_names
                && matches!(prev, Part::Title(..))
                && matches!(p, Part::Actor(_, PhraseKind::Name))
                && institution_words_between(key, original, &items, prev_end, s);
            let joins = joins || title_institution_state;
            // "Unterstützung erhielt Berlin aus Kiew": a name gap written as a word of its own
            // joins the parts of one official ("Minister X aus Y"), never two different states
            // (an ending on the first name still does: "러시아의 미국인 기자" is Russia's)
            let two_states = !JOIN_GAPS.contains(&gap)
                && raw_gap.starts_with(char::is_whitespace)
                && matches!((prev, &p), (Part::Actor(a, _), Part::Actor(b, _)) if a != b);
            let joins = joins && !two_states;
            // "tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính …": a place phrase ends at its comma,
            // so the title after it starts the next mention (and is the subject)
            let place_phrase_ends = cx.spaced && gap == "," && {
                let run_start = run.first().map_or(s, |r| r.0);
                items.iter().any(|i| {
                    i.kind == ItemKind::Word(WordClass::Locative)
                        && i.end <= run_start
                        && !span_text(k, i.end, run_start).contains([',', '.', ';'])
                        && word_count(span_text(k, i.end, run_start)) <= 3
                })
            };
            let joins = joins && !place_phrase_ends;
            // "besuchte Scholz China", "møtte Eide ASEANs generalsekretær": a state's name or
            // genitive right after a person's starts the next mention (only a name written before
            // its state and title joins it: "토니 블링컨 미국")
            let person_then_state = cx.spaced
                && !cx.names_before_state_titles
                && matches!(prev, Part::Person(_) | Part::Learned(_))
                && matches!(p, Part::Actor(_, PhraseKind::Name | PhraseKind::Capital | PhraseKind::Genitive));
            if !joins || next_person_follows || partners_apart || second_state || person_then_state {
                flush(&mut run, &mut mentions, key.original_range(s, s).0.min(sentence_end));
            }
        }
        run.push((s, e, p));
    }
    flush(&mut run, &mut mentions, sentence_end);
    serve_apposed_title(&mut mentions, original);
    // "In Tehran, foreign ministry spokesman X condemned …": a sentence that opens with the
    // seat of a government names the state of the stateless official or institution after it
    let first_word_from = |from: usize| {
        items.iter().filter(|i| i.start >= from && !matches!(i.kind, ItemKind::Mention(_))).min_by_key(|i| i.start)
    };
    let first = first_word_from(0).filter(|f| f.kind == ItemKind::Word(WordClass::Locative));
    if let Some((first, second)) = first.and_then(|f| Some((f, first_word_from(f.end)?))) {
        let opening = first.kind == ItemKind::Word(WordClass::Locative)
            && span_text(k, 0, first.start).trim().is_empty()
            && span_text(k, first.end, second.start).trim().is_empty();
        if let (true, ItemKind::Place { country: Some(c) }) = (opening, &second.kind) {
            let after_comma = span_text(k, second.end, k.len()).trim_start().starts_with(',');
            let next = mentions.iter_mut().filter(|m| m.start >= second.end).min_by_key(|m| m.start);
            if let Some(m) = next.filter(|m| {
                after_comma
                    && m.actor.is_none()
                    && m.official
                    && m.role.as_deref().is_some_and(|r| SEATED_ROLES.contains(&r) || r == "spokesperson")
                    && word_count(span_text(k, second.end, m.start)) <= 1
            }) {
                m.actor = Some(c.clone());
                m.home_candidate = false;
            }
        }
    }
    // an organisation next to a meeting noun names its own meeting, not a party to an act
    for m in mentions.iter_mut().filter(|m| m.actor.as_deref().is_some_and(|a| a.starts_with("IGO:"))) {
        m.org_meeting = items.iter().any(|i| {
            i.kind == ItemKind::Word(WordClass::OrgMeeting)
                && ((i.start >= m.end && word_count(span_text(k, m.end, i.start)) <= 1)
                    || (i.end <= m.start && word_count(span_text(k, i.end, m.start)) <= 3))
        });
    }
    // "Michel Menassa et son homologue syrien": a counterpart of a state after "and" and at
    // most two words (the possessive) is paired with the name before "and" when that name is
    // capitalised and no mention covers it
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.orig_start, m.orig_end)).collect();
    for m in mentions.iter_mut().filter(|m| m.counterpart_of_unnamed) {
        // (past a possessive listed as a pronoun: "and his Syrian counterpart")
        let before_item = items.iter().rev().find(|i| {
            i.end <= m.start && !matches!(i.kind, ItemKind::Place { .. } | ItemKind::Word(WordClass::Pronoun))
        });
        let and = before_item.filter(|i| {
            cx.spaced && i.kind == ItemKind::Word(WordClass::And) && word_count(span_text(k, i.end, m.start)) <= 2
        });
        m.counterpart_of_unnamed = and.is_some_and(|and| {
            let (and_start, _) = key.original_range(and.start, and.end);
            let before = original.get(..and_start).unwrap_or("").trim_end();
            let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let word_start = before.len() - last_word.len();
            last_word.chars().next().is_some_and(char::is_uppercase)
                && last_word.chars().all(char::is_alphabetic)
                && !spans.iter().any(|&(s, e)| s < before.len() && e > word_start)
        });
    }
    // a grammatical word inside a mention ("của" in "Bộ trưởng Ngoại giao của Nhật Bản") is part of it
    items.retain(|i| {
        !matches!(i.kind, ItemKind::Word(_)) || !mentions.iter().any(|m| i.start >= m.start && i.end <= m.end)
    });
    // "（中央社開羅8日綜合外電報導）…": a state or capital inside the bracket that opens the
    // sentence is the dateline's place, and no item of the sentence
    let dateline_close = ['(', '（']
        .iter()
        .any(|&o| k.starts_with(o))
        .then(|| k.find([')', '）']))
        .flatten()
        .filter(|&c| c <= DATELINE_BRACKET_MAX_BYTES);
    // "ໂລເມ, 22 ຕຸລາ (ຂປລ) – …", "KYIV, March 3 (Reuters) - …": a place that opens the
    // sentence, set off by a comma before a date or an agency in brackets and a dash, is the
    // dateline's too (the dateline is looked for only when a mention opens the sentence so)
    let dateline_place =
        mentions.iter().position(|m| m.start == 0 && k.get(m.end..).is_some_and(|r| r.starts_with(','))).filter(|&i| {
            dateline_end(k).is_some_and(|d| {
                mentions[i].end < d
                    && k.get(..d)
                        .is_some_and(|head| head.contains(|c: char| c.is_ascii_digit() || c == '(' || c == '（'))
            })
        });
    // (the home state's capital, "(서울=연합뉴스)", still tells whose press it is)
    for (i, m) in mentions.iter_mut().enumerate() {
        if dateline_close.is_some_and(|close| m.end <= close) || dateline_place == Some(i) {
            if m.person.is_none() && !m.official && m.actor.as_deref() != cx.press_home {
                m.actor = None;
            }
            if m.actor.is_none() {
                continue;
            }
        }
        items.push(Item { start: m.start, end: m.end, kind: ItemKind::Mention(i) });
    }
    items.sort_by_key(|i| (i.start, i.end));
    // an article right before a name belongs to it ("la Russie, la Chine et l'Iran" is a list)
    if !cx.articles.is_empty() {
        let mut prev_end = 0;
        for item in items.iter_mut() {
            if matches!(item.kind, ItemKind::Mention(_)) {
                let before = span_text(k, prev_end, item.start);
                let word = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
                if !word.is_empty() && cx.articles.iter().any(|a| a == word) {
                    item.start -= before.len() - before.trim_end().len() + word.len();
                }
            }
            prev_end = item.end;
        }
    }
    // ("芬蘭總統史塔布（Alexander Stubb）今天與…通電話" too; verb-final languages written
    // without spaces read a particle past the brackets: verb_final::Particles::at)
    if cx.spaced || cx.particles.is_empty() {
        bracketed_repeats(&mut items, &mentions, k);
    }
    official_of_named_state(&items, &mut mentions, k);
    if cx.spaces_end_clauses {
        space_clause_breaks(&mut items, k);
    }
    if cx.spaced || cx.particles.is_empty() {
        new_subject_clause_breaks(&mut items, k, cx.spaced, cx.particles.is_empty(), cx.patterns);
    }
    named_two_sides(&mut items, &mentions, k);
    officials_of_two_sides(&mut items, &mut mentions, k, cx.name_gaps);
    Analysis { items, mentions, time_hits, spaced: cx.spaced, disaster, trilateral }
}

/// "King Abdullah of Jordan", "le roi Abdallah de Jordanie": an official named by title and
/// name, with no state of its own, is of the state named right after it by a genitive.
fn official_of_named_state(items: &[Item], mentions: &mut [Mention], k: &str) {
    for w in items.windows(3) {
        let (ItemKind::Mention(a), ItemKind::Word(WordClass::Genitive), ItemKind::Mention(b)) =
            (&w[0].kind, &w[1].kind, &w[2].kind)
        else {
            continue;
        };
        let adjacent = span_text(k, w[0].end, w[1].start).trim().is_empty()
            && span_text(k, w[1].end, w[2].start).trim().is_empty();
        let (a, b) = (*a, *b);
        let Some(state) = mentions
            .get(b)
            .filter(|m| m.actor.is_some() && !m.official && m.role.is_none() && m.person.is_none() && !m.citizens)
        else {
            continue;
        };
        let state = state.actor.clone();
        // ... and "the military drills of the United States": a body with no state of its own
        // and a word or two of the noun it qualifies before the genitive
        let words_before_genitive = word_count(span_text(k, w[0].end, w[1].start));
        let qualifies_a_noun = (1..=2).contains(&words_before_genitive)
            && span_text(k, w[1].end, w[2].start).split_whitespace().count() <= 1
            && !span_text(k, w[0].end, w[2].start).contains([',', ';', '.']);
        if let Some(m) = mentions.get_mut(a).filter(|m| {
            m.official
                && m.person.is_none()
                && (m.actor.is_none() || m.home_candidate)
                && ((adjacent && m.captured_name.is_some())
                    || (qualifies_a_noun && m.captured_name.is_none() && m.actor.is_none()))
        }) {
            m.actor = state;
            m.home_candidate = false;
        }
    }
}

/// The state or organisation a part names by itself, if any.
fn part_country(p: &Part, cx: &Context<'_>) -> Option<String> {
    match p {
        Part::Actor(_, PhraseKind::Other) => None,
        Part::Actor(code, _) => Some(code.clone()),
        Part::Person(id) => cx.kb.resolve_person(*id, cx.date).map(|t| t.country.clone()),
        Part::Learned(i) => cx.learned.get(*i).map(|l| l.actor.clone()),
        _ => None,
    }
}

/// The pattern of a trigger item (`usize::MAX` for any other item).
fn pattern_of(item: &Item) -> usize {
    match item.kind {
        ItemKind::Trigger { pattern } => pattern,
        _ => usize::MAX,
    }
}

/// The longest gap of a trigger in text without spaces between words, in characters.
const UNSPACED_GAP_MAX_CHARS: usize = 24;

/// True when a gap between a trigger's parts stays within one clause: at most `gap_words` words
/// (in text without spaces also at most `UNSPACED_GAP_MAX_CHARS` characters), and no
/// semicolon or full-width comma or full stop ("针对…，中方决定…" is two clauses).
fn gap_ok(gap: &str, spaced: bool, gap_words: usize) -> bool {
    word_count(gap) <= gap_words
        && !gap.contains([';', '；', '，', '。'])
        && !gap.contains(" - ")
        && (spaced || gap.chars().filter(|c| !c.is_whitespace()).count() <= UNSPACED_GAP_MAX_CHARS)
}

/// Each "and" of the sentence (start, end) with the end of the nearest-ending trigger of one
/// word group that starts right after it, if any: a second verb coordinated with the first.
type AndVerbs = Vec<(usize, usize, Option<usize>)>;

/// The sentence's hits in start order, with its [`AndVerbs`] found once, when a gap trigger
/// first needs them.
struct Hits<'h> {
    all: &'h [Hit],
    ands: std::cell::OnceCell<AndVerbs>,
}

impl<'h> Hits<'h> {
    fn new(all: &'h [Hit]) -> Self {
        Self { all, ands: std::cell::OnceCell::new() }
    }

    /// True when the gap `from..to` of a trigger holds an "and" followed right away by a verb:
    /// "welcomed the agreement and urged both sides to …" is no "welcomed … to". Only the gap's
    /// first "and" counts.
    fn coordinated_verb_inside(&self, k: &str, cx: &Context<'_>, from: usize, to: usize) -> bool {
        self.ands
            .get_or_init(|| self.and_verbs(k, cx))
            .iter()
            .find(|&&(start, end, _)| start >= from && end <= to)
            .is_some_and(|&(_, _, verb)| verb.is_some_and(|v| v <= to))
    }

    /// The [`AndVerbs`], in order of their ends.
    fn and_verbs(&self, k: &str, cx: &Context<'_>) -> AndVerbs {
        let entries = |h: &Hit| if h.phrase < LEARNED_PHRASE_BASE { cx.lexicon.entries(h.phrase) } else { &[] };
        let mut ands: AndVerbs = self
            .all
            .iter()
            .filter(|h| entries(h).iter().any(|e| matches!(e, Entry::Word(WordClass::And))))
            .map(|a| {
                // (the hits in start order: those right after the "and" are together)
                let after = &self.all[self.all.partition_point(|h| h.start < a.end)..];
                let verb = after
                    .iter()
                    .take_while(|h| span_text(k, a.end, h.start).trim().is_empty())
                    .filter(|h| entries(h).iter().any(|e| matches!(e, Entry::Trigger { part: 0, parts: 1, .. })))
                    .map(|h| h.end)
                    .min();
                (a.start, a.end, verb)
            })
            .collect();
        ands.sort_by_key(|&(_, end, _)| end);
        ands
    }
}

/// For trigger `t` of `pattern`, whose part `want - 1` ends at `from`: the end of its last part
/// and where that part starts (none for a one-part trigger), when every later part up to `rest`
/// follows within the language's gap limit. Of each alternative of a part, its nearest
/// occurrence (the hits are in start order); of those, the one that lets the rest follow and
/// reaches furthest, as when every combination of alternatives was a trigger of its own. A gap
/// only grows with distance, so an alternative whose nearest occurrence is too far has none
/// near enough.
fn follow_parts(
    k: &str,
    from: usize,
    want: u16,
    rest: u16,
    hits: &Hits<'_>,
    cx: &Context<'_>,
    (pattern, t): (u32, u32),
) -> Option<(usize, Option<usize>)> {
    if want > rest {
        return Some((from, None));
    }
    let mut seen: Vec<u32> = Vec::new();
    let mut best: Option<(usize, Option<usize>)> = None;
    for h in hits.all.iter().filter(|h| {
        h.start >= from && h.phrase < LEARNED_PHRASE_BASE && cx.lexicon.is_later_part(h.phrase, pattern, t, want)
    }) {
        if seen.contains(&h.phrase) {
            continue;
        }
        seen.push(h.phrase);
        if !gap_ok(span_text(k, from, h.start), cx.spaced, cx.gap_words)
            || hits.coordinated_verb_inside(k, cx, from, h.start)
        {
            continue;
        }
        if let Some((end, last)) = follow_parts(k, h.end, want + 1, rest, hits, cx, (pattern, t)) {
            if best.is_none_or(|(b, _)| end > b) {
                best = Some((end, last.or(Some(h.start))));
            }
        }
    }
    best
}

fn build_mention(
    run: &[(usize, usize, Part)],
    key: &Normalized,
    original: &str,
    (name_floor, sentence_end): (usize, usize),
    time_starts: &[usize],
    cx: &Context<'_>,
) -> Mention {
    let start = run.first().map_or(0, |r| r.0);
    let end = run.last().map_or(0, |r| r.1);
    let (orig_start, orig_end) = key.original_range(start, end);
    let mut m = Mention { start, end, orig_start, orig_end, ..Default::default() };
    let mut demonym_actor = None;
    let mut title_state: Option<String> = None;
    // a title the language's home state does not have ("presidenten" in Norwegian)
    let mut foreign_title = false;
    let mut person_country: Option<String> = None;
    let mut person_id: Option<usize> = None;
    let mut named_state: Option<String> = None;
    // whether the mention's state comes from a capital ("마닐라 주재 중국대사")
    let mut actor_from_capital = false;
    for (part_start, part_end, p) in run {
        match p {
            Part::Actor(_, PhraseKind::Other) => m.other = true,
            Part::Actor(code, kind) => {
                named_state.get_or_insert_with(|| code.clone());
                if m.actor.is_none() {
                    actor_from_capital = *kind == PhraseKind::Capital;
                    if *kind == PhraseKind::Demonym {
                        demonym_actor.get_or_insert_with(|| code.clone());
                    } else {
                        m.actor = Some(code.clone());
                    }
                }
            }
            Part::Title(sector, role, state) => {
                match state.as_deref() {
                    Some(FOREIGN_TITLE) => foreign_title = true,
                    Some(st) => {
                        title_state.get_or_insert_with(|| st.to_string());
                    }
                    None => {}
                }
                m.official = true;
                m.sector.get_or_insert_with(|| sector.clone());
                // "foreign ministry spokesman", "porte-parole du ministère", "外交部发言人": a
                // person's title next to an institution's names the person
                let institution = |r: &str| INSTITUTION_ROLES.contains(&r);
                if m.role.as_deref().is_none_or(|r| institution(r) && !institution(role)) {
                    m.role = Some(role.clone());
                }
            }
            Part::Person(id) => {
                if let Some(p) = cx.kb.person(*id) {
                    person_country = cx.kb.resolve_person(*id, cx.date).map(|t| t.country.clone());
                    person_id = Some(*id);
                    m.person = Some(p.canonical.clone());
                    // "ファム・ミン・チン" is later "チン首相", "สีหศักดิ์ พวงเกตุแก้ว" later
                    // "นายสีหศักดิ์": a katakana, Thai or Lao name in parts is learned as written
                    // too, so that its first or last part finds the person again
                    let (ps, pe) = key.original_range(*part_start, *part_end);
                    let surface = original.get(ps..pe).unwrap_or("");
                    let katakana_parts = surface.contains('\u{30FB}') && surface.chars().all(is_katakana);
                    let thai_or_lao_parts = surface.contains(' ')
                        && surface.chars().any(|c| {
                            matches!(
                                attache_text::char_script(c),
                                Some(attache_text::Script::Thai | attache_text::Script::Lao)
                            )
                        });
                    // ... and so is a foreign name in Hangul ("페니 웡 호주 외교장관 … 웡 장관")
                    let hangul_parts = surface.contains(' ')
                        && surface
                            .chars()
                            .all(|c| c == ' ' || attache_text::char_script(c) == Some(attache_text::Script::Hangul));
                    // ... and so is a name spelt otherwise than the register's canonical form
                    // ("Präsident Sadyr Dschaparow … Dschaparow dankte", of "Sadyr Japarov")
                    let respelt = cx.spaced
                        && surface.split_whitespace().count() >= 2
                        && surface.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''))
                        && !surface.eq_ignore_ascii_case(&p.canonical);
                    if (!cx.spaced && (katakana_parts || thai_or_lao_parts)) || hangul_parts || respelt {
                        m.captured_name.get_or_insert_with(|| surface.to_string());
                    }
                    if let Some(t) = cx.kb.resolve_person(*id, cx.date) {
                        m.actor.get_or_insert_with(|| t.country.clone());
                        m.role.get_or_insert_with(|| t.role.clone());
                        m.sector.get_or_insert_with(|| "GOV".to_string());
                    }
                }
            }
            Part::Learned(i) => {
                if let Some(l) = cx.learned.get(*i) {
                    m.person = Some(l.name.clone());
                    m.actor.get_or_insert_with(|| l.actor.clone());
                    if let Some(s) = &l.sector {
                        m.sector.get_or_insert_with(|| s.clone());
                    }
                }
            }
            Part::Counterpart { .. } => m.official = true,
            Part::Partners { states_only } => {
                m.partners.get_or_insert(*states_only);
            }
        }
    }
    // "il primo ministro libico Abdul Hamid Dbeibah": a register person of another state with
    // a similar name is not this one; the state the text names wins
    if let (Some(named), Some(pc)) = (&named_state, &person_country) {
        if named != pc && m.person.is_some() {
            m.person = None;
            m.actor = Some(named.clone());
        }
    }
    // "la commissaria europea Hadja Lahbib": a register person out of office by the document's
    // date serves where the title says, not where the register last placed them (not a bare
    // title the press gives its own state's officials, which the press also gives a foreign
    // one: "Forsvarsminister Israel Katz")
    let bare_home_title = named_state.is_none() && title_state.as_deref() == cx.press_home;
    if let (Some(t), Some(pc), Some(id), Some(date)) = (title_state.as_deref(), &person_country, person_id, cx.date) {
        if t != FOREIGN_TITLE && !t.contains('|') && t != pc && !bare_home_title && !cx.kb.in_office_around(id, date) {
            m.actor = Some(t.to_string());
        }
    }
    // "마닐라 주재 중국대사": a capital where an official serves is not the state the title
    // names
    if let Some(t) = title_state.as_deref().filter(|t| actor_from_capital && *t != FOREIGN_TITLE && !t.contains('|')) {
        if m.person.is_none() {
            m.actor = Some(t.to_string());
        }
    }
    if m.actor.is_none() {
        // "3,000 Norwegians": a demonym counted by a number is people; they stand for their
        // state when a state acts on them ("arrested 28 Afghans"), not when they act
        m.citizens = !m.official && title_state.is_none() && demonym_actor.is_some() && number_before(&key.key, start);
        if demonym_actor.is_none() && title_state.as_deref().is_some_and(|t| t.contains('|')) {
            m.state_choices = title_state.clone();
        }
        m.actor = demonym_actor.or(title_state.map(|t| t.split('|').next().unwrap_or_default().to_string()));
    }
    // a name shared by several states ("乌方": Ukraine's or Uzbekistan's side) is of the one the
    // document names most, as a title of several states is
    if let Some(choices) = m.actor.clone().filter(|a| a.contains('|')) {
        m.actor = choices.split('|').next().map(str::to_string);
        m.state_choices = Some(choices);
    }
    m.counterpart_only = m.actor.is_none() && run.iter().any(|r| matches!(r.2, Part::Counterpart { .. }));
    m.object_pronoun = m.counterpart_only && run.iter().all(|r| matches!(r.2, Part::Counterpart { pronoun: true }));
    // (a candidate, confirmed in `analyse` from the words before the mention)
    m.counterpart_of_unnamed = m.actor.is_some() && run.iter().any(|r| matches!(r.2, Part::Counterpart { .. }));
    if m.actor.is_some() {
        // "các nước ASEAN": a named group is that actor, not the meeting's partners
        m.partners = None;
    }
    if m.partners.is_some() {
        return m;
    }
    // "マリズ・ペイン・オーストラリア外務大臣": Japanese writes a foreign name in katakana
    // before the state and title
    let katakana_name = if cx.spaced { None } else { katakana_name_before(original, orig_start) };
    // "クアン国家主席": a title after such a name is a foreign official's, not the home state's
    let foreign_name = katakana_name.is_some();
    if m.person.is_none() && m.official && m.actor.is_some() {
        if let Some((name, name_start)) = katakana_name {
            m.captured_name = Some(name);
            m.orig_start = name_start;
        }
    }
    // "コロンビアのペトラス大統領", "ペトロ大統領" (a register name written with its title): a
    // katakana name between the state and the title, or before the title inside a register
    // name, is learned as written, so that "ペトラス氏" finds the official again
    if !cx.spaced && m.captured_name.is_none() && (m.official || m.person.is_some()) {
        m.captured_name = katakana_name_inside(run, key, original);
    }
    // "토니 블링컨 미국 국무장관": a name of up to three words right before a state and its title
    let starts_with_state = matches!(run.first(), Some((_, _, Part::Actor(..))));
    if cx.names_before_state_titles && starts_with_state && m.person.is_none() && m.official && m.actor.is_some() {
        if let Some((name, name_start)) = words_name_before(original, name_floor, orig_start, cx.particles) {
            m.captured_name = Some(name);
            m.orig_start = name_start;
        }
    }
    // "นางมีอา มอตต์ลีย์ นายกรัฐมนตรีบาร์เบโดส", "ທ່ານ ສອນໄຊ ສີພັນດອນ ນາຍົກລັດຖະມົນຕີ": in text without
    // spaces between words, a name opened by a personal prefix right before a title
    let starts_with_title = matches!(run.first(), Some((_, _, Part::Title(..))));
    let institution = m.role.as_deref().is_some_and(|r| INSTITUTION_ROLES.contains(&r));
    if !cx.spaced && starts_with_title && !institution && m.person.is_none() && m.captured_name.is_none() && m.official
    {
        if let Some((name, name_start)) = prefixed_name_before(original, name_floor, orig_start, cx.name_prefixes) {
            m.captured_name = Some(name);
            m.orig_start = name_start;
        }
    }
    // "岩城真理子外相": a name of four to six Han characters right before a title that names
    // no state is the press's own official's, whether or not the document names that state
    // (Chinese and Korean names have two or three: "王毅外相")
    if cx.han_names_before_titles
        && starts_with_title
        && !institution
        && !foreign_title
        && m.official
        && m.actor.is_none()
        && m.person.is_none()
        && m.captured_name.is_none()
    {
        if let Some(name_start) = han_name_before(original, name_floor, orig_start) {
            m.captured_name = original.get(name_start..orig_start).map(str::to_string);
            m.orig_start = name_start;
            m.actor = cx.press_home.map(str::to_string);
        }
    }
    m.home_candidate = m.actor.is_none() && !m.counterpart_only && m.official && !foreign_name && !foreign_title;
    if m.home_candidate {
        m.actor = cx.home.map(str::to_string);
    }
    // a name written after the title: "外交部发言人毛宁", "Foreign Minister Penny Wong";
    // never after an institution ("警方闯入", "der Armee Waffen geliefert")
    let institution = m.role.as_deref().is_some_and(|r| INSTITUTION_ROLES.contains(&r));
    let name_after = if m.person.is_none() && m.official && !institution {
        if cx.spaced {
            capture_name(original, orig_end, sentence_end, cx.honorifics)
                .filter(|(n, _)| n.split_whitespace().count() >= cx.min_name_words)
                .or_else(|| appositive_name(original, orig_end, sentence_end, cx))
        } else if cx.han_names_after_titles {
            han_name_after(original, orig_end, sentence_end, time_starts)
                .and_then(|end| Some((original.get(orig_end..end)?.to_string(), end)))
        } else {
            None
        }
    } else {
        None
    };
    if let Some((name, name_end)) = name_after {
        // "sa utenriksminister Mohieldin Salem": a name after a title with no state that is not
        // the name of whom the register has in that office at home is another state's official
        // (in every pass: a home candidate no more, it is not learned as the home state's either)
        if m.home_candidate && !names_home_office_holder(&name, m.role.as_deref(), cx) {
            m.actor = None;
            m.home_candidate = false;
        }
        m.captured_name = Some(name);
        m.orig_end = name_end;
        // the mention's key span covers the name too
        while m.end < key.key.len() && key.map.get(m.end).is_some_and(|&o| o < name_end) {
            m.end += 1;
        }
        while !key.key.is_char_boundary(m.end) {
            m.end += 1;
        }
    }
    m
}

/// The register's offices that one person holds at a time in a state.
const SINGLE_HOLDER_ROLES: [&str; 3] = ["head_of_state", "head_of_government", "foreign_minister"];

/// False when the register names who held `role` for the home state of the language's press
/// at the document's date and `name` is none of their names (no word of it is a word of
/// theirs); true when it is, or when the register does not know.
fn names_home_office_holder(name: &str, role: Option<&str>, cx: &Context<'_>) -> bool {
    let (Some(role), Some(home), Some(date)) = (role, cx.press_home, cx.date) else { return true };
    // (only offices one person holds at a time; a state has many spokespersons and envoys)
    if !SINGLE_HOLDER_ROLES.contains(&role) {
        return true;
    }
    let words = |n: &str| n.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let written = words(name);
    let mut holders = cx.kb.office_holders(home, role, date).peekable();
    if holders.peek().is_none() {
        return true;
    }
    holders.any(|(id, _)| cx.kb.names_of(id).any(|n| words(n).iter().any(|w| written.contains(w))))
}

/// "El secretario general de la OEA, Albert Ramdin, instó …": a named person set off by a
/// comma right after an office that names its state or organisation serves there, whatever
/// the register (or an earlier title) says: the register's last office may be a past one, and
/// the text's title is the one held now. (Within one mention the same holds: see the named
/// state in `build_mention`.)
fn serve_apposed_title(mentions: &mut [Mention], original: &str) {
    let gap = |a: &Mention, b: &Mention| original.get(a.orig_end..b.orig_start).map(str::trim);
    for i in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(i);
        let named = &mut after[0];
        // (a name with a title of its own is another official: "Thủ tướng Singapore, Thủ
        // tướng Phạm Minh Chính")
        if named.person.is_none() || named.official {
            continue;
        }
        // the office, and the comma after it (after its acronym in brackets: "… (OEA),")
        let last = &before[i - 1];
        let (office, comma) = match i.checked_sub(2).map(|j| &before[j]) {
            Some(office) if !last.official && office.actor == last.actor && gap(office, last) == Some("(") => {
                (office, gap(last, named) == Some("),"))
            }
            _ => (last, gap(last, named) == Some(",")),
        };
        let Some(actor) = office.actor.as_deref() else { continue };
        let apposed = comma
            && office.official
            && office.person.is_none()
            && office.role.as_deref().is_some_and(|r| !INSTITUTION_ROLES.contains(&r))
            && office.state_choices.is_none()
            && named.actor.as_deref().is_some_and(|a| a != actor);
        if apposed {
            named.actor = Some(actor.to_string());
            named.role.clone_from(&office.role);
        }
    }
}

/// A name set off by commas after its title ("La canciller colombiana, Laura Restrepo,
/// exigió …", "Colombia's foreign minister, Laura Restrepo, said"): two words or more, closed
/// by a comma or the sentence's end.
fn appositive_name(original: &str, from: usize, limit: usize, cx: &Context<'_>) -> Option<(String, usize)> {
    let rest = original.get(from..limit.min(original.len()))?;
    let after_comma = rest.strip_prefix(',')?;
    let start = from + 1 + (after_comma.len() - after_comma.trim_start().len());
    let (name, end) = capture_name(original, start, limit, cx.honorifics)?;
    let closed = original.get(end..).is_some_and(|r| r.is_empty() || r.starts_with([',', '.', ';']));
    (closed && name.split_whitespace().count() >= cx.min_name_words.max(2)).then_some((name, end))
}

/// The end of a name of two to six Han characters starting right at `from` and ending at
/// `limit` (the next recognised word), at a time word after its first two characters
/// ("范克拉弗伦周一") or at a character that is not Han ("孙卫东21日"); a transliterated name's
/// parts are joined by a middle dot ("阿尔贝托·范克拉弗伦"), each of up to seven characters.
fn han_name_after(original: &str, from: usize, limit: usize, time_starts: &[usize]) -> Option<usize> {
    let rest = original.get(from..limit.max(from))?;
    let mut end = 0;
    let mut parts = 0;
    loop {
        let part = &rest[end..];
        let mut run: usize = part.chars().take_while(|&c| attache_text::is_han(c)).map(char::len_utf8).sum();
        let part_start = from + end;
        // (a time word inside the first two characters is part of the name: "周一" may open none,
        // but "孙卫东" holds no time word and "周" opens the name "周强")
        let two: usize = part.chars().take(2).map(char::len_utf8).sum();
        if let Some(cut) = time_starts.iter().filter(|&&t| t >= part_start + two && t < part_start + run).min() {
            run = cut - part_start;
        }
        let chars = part[..run].chars().count();
        end += run;
        parts += 1;
        let dot = rest[end..].chars().next().filter(|&c| NAME_DOTS.contains(&c));
        let after_dot = dot.and_then(|d| rest[end + d.len_utf8()..].chars().next());
        match (dot, after_dot) {
            (Some(d), Some(c)) if attache_text::is_han(c) && (1..=7).contains(&chars) && parts < 4 => {
                end += d.len_utf8();
            }
            _ => {
                // the name ends where a recognised word, a number, punctuation or a time word
                // starts, not at a space (a headline's "外長北京過生日 王毅")
                let closed = end == rest.len() || rest[end..].chars().next().is_some_and(|c| !c.is_whitespace());
                let fits = if parts == 1 { (2..=6).contains(&chars) } else { (1..=7).contains(&chars) };
                return (fits && closed).then_some(from + end);
            }
        }
    }
}

/// The middle dots that join the parts of a transliterated name in Chinese ("阿尔贝托·范克拉弗伦").
pub(crate) const NAME_DOTS: [char; 4] = ['\u{00B7}', '\u{30FB}', '\u{2022}', '\u{2027}'];

/// Where a name of four to six Han characters ends right at `to` starts (the whole run of Han
/// characters after `floor`, none of it punctuation).
fn han_name_before(original: &str, floor: usize, to: usize) -> Option<usize> {
    let head = original.get(floor.min(to)..to)?;
    let run: usize = head.chars().rev().take_while(|&c| attache_text::is_han(c)).map(char::len_utf8).sum();
    let chars = head[head.len() - run..].chars().count();
    (4..=6).contains(&chars).then_some(to - run)
}

/// Up to three words of letters right before `to` (a name written before its state and
/// title: "토니 블링컨 "), each of one to seven letters ("콘스탄티노풀루"), none ending in one of the language's
/// particles or endings; the name and where it starts.
fn words_name_before(
    original: &str,
    from: usize,
    to: usize,
    particles: &crate::verb_final::Particles,
) -> Option<(String, usize)> {
    let head = original.get(..to)?;
    let from = from.min(to);
    let mut end = head.trim_end().len();
    let mut start = end;
    for _ in 0..3 {
        let word_start = head[..end].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        if word_start < from {
            break;
        }
        let w = &head[word_start..end];
        let letters = w.chars().count();
        if !(1..=7).contains(&letters) || !w.chars().all(char::is_alphabetic) || particles.ends_phrase(w) {
            break;
        }
        start = word_start;
        if word_start <= from {
            break;
        }
        end = head[..word_start].trim_end().len();
    }
    let name = head[start..].trim();
    // a lone one-letter word is no name
    (name.chars().count() >= 2).then(|| (name.to_string(), start))
}

/// A letter of a name: alphabetic, or any Thai or Lao sign but a digit (tone marks and vowel
/// signs are not alphabetic).
fn name_letter(c: char) -> bool {
    let code = u32::from(c);
    c.is_alphabetic()
        || ((0x0E00..=0x0EFF).contains(&code)
            && !(0x0E50..=0x0E59).contains(&code)
            && !(0x0ED0..=0x0ED9).contains(&code))
}

/// Most characters of one word of such a name (a longer run of letters is a clause: "ทองสะหวันได้กล่าวขอบคุณ").
const PREFIXED_NAME_WORD_MAX_CHARS: usize = 20;

/// Most space-separated words of a name after its prefix ("มีอา มอตต์ลีย์").
const PREFIXED_NAME_MAX_WORDS: usize = 2;

/// The name right before original offset `to` (and not before `from`) that opens with one of
/// `prefixes`, written onto the first word ("กับนางมีอา มอตต์ลีย์") or apart from it ("ທ່ານ ສອນໄຊ
/// ສີພັນດອນ"), without the prefix (one or two words of letters); and where the prefix starts.
/// Of several prefixes, the first that leaves such a name ("ທ່ານ ນາງ ຄວນ ສຸດາຣີ": "ຄວນ ສຸດາຣີ").
fn prefixed_name_before(original: &str, from: usize, to: usize, prefixes: &[String]) -> Option<(String, usize)> {
    // (a space parts the name from the title: "นายทองสะหวันได้กล่าวขอบคุณรัฐบาลไทย" holds no name
    // before "รัฐบาล")
    if prefixes.is_empty() || !original.get(..to)?.ends_with(char::is_whitespace) {
        return None;
    }
    // (a prefix the pack also lists as a word ends the words recognised before the name: it
    // may stand just before `from`)
    let longest = prefixes.iter().map(String::len).max().unwrap_or(0);
    let mut base = from.min(to).saturating_sub(longest);
    while !original.is_char_boundary(base) {
        base += 1;
    }
    let head = original.get(base..to)?.trim_end();
    // the name and its prefix lie within the last three words
    let mut region = head.len();
    for _ in 0..=PREFIXED_NAME_MAX_WORDS {
        region = head[..region].trim_end().rfind(char::is_whitespace).map_or(0, |i| i);
        if region == 0 {
            break;
        }
    }
    for (p, _) in head.char_indices().filter(|&(i, _)| i >= region) {
        let Some(prefix) = prefixes.iter().filter(|x| head[p..].starts_with(x.as_str())).max_by_key(|x| x.len()) else {
            continue;
        };
        // (before `from`, only the prefix itself: the words recognised there end with it)
        if base + p + prefix.len() < from {
            continue;
        }
        let name = head[p + prefix.len()..].trim();
        let words = name.split_whitespace().count();
        let short_words = name.split_whitespace().all(|w| w.chars().count() <= PREFIXED_NAME_WORD_MAX_CHARS);
        if (1..=PREFIXED_NAME_MAX_WORDS).contains(&words)
            && short_words
            && name.chars().all(|c| c.is_whitespace() || name_letter(c))
        {
            return Some((name.to_string(), base + p));
        }
    }
    None
}

/// True when the key span `[from, to)` holds only capitalised words of the original text (at
/// least one) and no recognised word: the start of a personal name.
fn name_words_between(key: &Normalized, original: &str, items: &[Item], from: usize, to: usize) -> bool {
    words_between(key, original, items, from, to).is_some_and(|words| {
        !words.is_empty() && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    })
}

/// True when the original words between key offsets `from` and `to` (no recognised item among
/// them, at most four) name an institution as Vietnamese writes it: the first word capitalised,
/// a later one in lower case ("Hội đồng Quốc gia"), unlike a person's name ("Nguyễn Tuấn").
fn institution_words_between(key: &Normalized, original: &str, items: &[Item], from: usize, to: usize) -> bool {
    let Some(words) = words_between(key, original, items, from, to) else { return false };
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let lower = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
    (2..=4).contains(&words.len())
        && words.first().is_some_and(capital)
        && words.iter().skip(1).any(lower)
        && words.iter().all(|w| w.chars().all(char::is_alphabetic))
}

/// The original words between key offsets `from` and `to`, or `None` when a recognised item
/// stands among them.
fn words_between<'a>(
    key: &Normalized,
    original: &'a str,
    items: &[Item],
    from: usize,
    to: usize,
) -> Option<Vec<&'a str>> {
    if items.iter().any(|i| i.start >= from && i.end <= to) {
        return None;
    }
    let (os, oe) = key.original_range(from, to);
    Some(original.get(os..oe).unwrap_or("").split_whitespace().collect())
}

/// True when the word right before `at` in `key` is a number written in digits ("3,000 ",
/// "12 ").
fn number_before(key: &str, at: usize) -> bool {
    let head = key.get(..at).unwrap_or("").trim_end();
    let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
    !word.is_empty()
        && word.chars().any(|c| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// True for the characters of a name written in katakana: its letters and the marks
/// between its parts (・, ＝).
fn is_katakana(c: char) -> bool {
    attache_text::is_katakana_letter(c) || matches!(c, '\u{30FB}' | '\u{FF1D}' | '=')
}

/// The katakana name inside a mention's run: the run of katakana right before the first title
/// that follows a state ("コロンビアのペトラス大統領"), or that opens a register name written
/// with its title ("ペトロ大統領"); never the state's own name ("コロンビア大統領").
fn katakana_name_inside(run: &[(usize, usize, Part)], key: &Normalized, original: &str) -> Option<String> {
    let after_state = run.iter().position(|r| matches!(r.2, Part::Actor(..)));
    let title = after_state
        .and_then(|a| run.iter().skip(a + 1).find(|r| matches!(r.2, Part::Title(..))).map(|t| (run[a].1, t.0)));
    if let Some((state_end, title_start)) = title {
        let (state_orig_end, _) = key.original_range(state_end, state_end);
        let (title_orig_start, _) = key.original_range(title_start, title_start);
        return katakana_name_before(original, title_orig_start)
            .filter(|&(_, name_start)| name_start >= state_orig_end)
            .map(|(name, _)| name);
    }
    let &(ps, pe, _) = run.iter().find(|r| matches!(r.2, Part::Person(_)))?;
    let (ps, pe) = key.original_range(ps, pe);
    let surface = original.get(ps..pe)?;
    let name_len: usize = surface.chars().take_while(|&c| is_katakana(c)).map(char::len_utf8).sum();
    let rest = &surface[name_len..];
    let name = &surface[..name_len];
    let letters = name.chars().filter(|&c| matches!(c, '\u{30A1}'..='\u{30FA}')).count();
    (letters >= 2 && !rest.is_empty() && !name.contains('\u{30FB}')).then(|| name.to_string())
}

/// A name written in katakana right before `to` ("マリズ・ペイン・"), without its outer
/// dots, and where it starts; at least two letters.
fn katakana_name_before(original: &str, to: usize) -> Option<(String, usize)> {
    let head = original.get(..to)?;
    let start = head.char_indices().rev().take_while(|&(_, c)| is_katakana(c)).last().map(|(i, _)| i)?;
    let run = &head[start..];
    let trimmed_start = start + (run.len() - run.trim_start_matches(['\u{30FB}', '=', '\u{FF1D}']).len());
    let name = run.trim_matches(['\u{30FB}', '=', '\u{FF1D}']);
    let letters = name.chars().filter(|&c| matches!(c, '\u{30A1}'..='\u{30FA}')).count();
    (letters >= 2).then(|| (name.to_string(), trimmed_start))
}

/// A capitalised name (up to four words) right after `from` in the original text.
/// Roles (titles.tsv) of institutions rather than people: no personal name follows them.
/// How far (in key bytes) after the subject's own state the actor that replaces it as the
/// object may start: a few words ("il sostegno della Germania all'Ucraina").
const OWN_STATE_NEXT_ACTOR_MAX_BYTES: usize = 40;

/// Roles of institutions and officials that serve where they sit: "the government in Beijing"
/// is China's (a minister "in Beijing" may be visiting, an embassy there is another state's,
/// and a ministry or parliament is as often the building where something happens).
const SEATED_ROLES: [&str; 4] = ["government", "military", "party", "official"];

/// The quotation marks a key holds, each as (opening, closing): the key writes every other
/// mark («», „“, “”) as `"`, which both opens and closes.
pub(crate) const KEY_QUOTES: [(char, char); 3] = [('"', '"'), ('「', '」'), ('『', '』')];

/// True when `c` opens a quotation in a key.
pub(crate) fn opens_quote(c: char) -> bool {
    KEY_QUOTES.iter().any(|&(open, _)| open == c)
}

/// True when `c` closes a quotation in a key.
pub(crate) fn closes_quote(c: char) -> bool {
    KEY_QUOTES.iter().any(|&(_, close)| close == c)
}

/// True when the key span `start..end` stands inside a quotation that closes before `verb`.
fn quoted_apart(key: &str, start: usize, end: usize, verb: usize) -> bool {
    let (Some(before), Some(between)) = (key.get(..start), key.get(end..verb)) else { return false };
    // (the short span to the verb is read first: most actors have no closing mark after them)
    KEY_QUOTES.iter().any(|&(open, close)| {
        between.contains(close)
            && if open == close {
                before.matches(open).count() % 2 == 1
            } else {
                before.matches(open).count() > before.matches(close).count()
            }
    })
}

/// Title roles that name an institution, not a person (a ministry, a government, an army):
/// a person's title beside one names the person, and "he" or "she" never refers to one.
pub(crate) const INSTITUTION_ROLES: [&str; 6] =
    ["ministry", "government", "military", "embassy", "parliament", "party"];

fn capture_name(original: &str, from: usize, limit: usize, honorifics: &[String]) -> Option<(String, usize)> {
    let rest = original.get(from..limit.min(original.len()))?;
    let mut words: Vec<&str> = Vec::new();
    let mut end = from;
    let mut offset = 0usize;
    for raw in rest.split_inclusive(char::is_whitespace) {
        let word = raw.trim();
        let word_start = from + offset + (raw.len() - raw.trim_start().len());
        offset += raw.len();
        if word.is_empty() {
            continue;
        }
        // lower-cased once per word, not once per honorific
        if words.is_empty() && !honorifics.is_empty() {
            let lower = word.to_lowercase();
            if honorifics.contains(&lower) {
                continue;
            }
        }
        let clean = word.trim_end_matches([',', '.', ';', ':', ')', '"', '\'', '\u{2019}', '\u{201d}']);
        let stripped = clean.len() < word.len();
        let clean = clean.strip_suffix("'s").or_else(|| clean.strip_suffix("\u{2019}s")).unwrap_or(clean);
        let mut cs = clean.chars();
        let ok = cs.next().is_some_and(char::is_uppercase)
            && clean.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && clean.chars().count() >= 2;
        if !ok {
            break;
        }
        words.push(clean);
        end = word_start + clean.len();
        if stripped || words.len() == 4 {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    // all-caps words are usually acronyms or datelines, not names
    if words.iter().all(|w| w.chars().all(|c| !c.is_lowercase())) {
        return None;
    }
    Some((words.join(" "), end))
}

/// Who fills a slot before resolution against the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// Mentions of this sentence.
    Mentions(Vec<usize>),
    /// "The two sides": the document's main pair.
    TwoSides,
    /// "The ministers": every party of the last meeting.
    Participants,
    /// A subject left out: the last subject.
    Pronoun,
    /// A personal pronoun ("he", "she", "同外相"): the last subject that was a person or an
    /// official, else the last subject.
    PersonPronoun,
    /// The writer.
    FirstPerson,
    /// A reference to an earlier act ("condemned the decision"): that act's actor, the
    /// source of the document's last event.
    LastActor,
    /// Nothing found: the other side of the main pair, if the source is one side.
    Missing,
}

/// A trigger with its slots and modality, before document resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// Pattern index.
    pub pattern: usize,
    /// Trigger key range.
    pub start: usize,
    /// Trigger key range end.
    pub end: usize,
    /// Who acts.
    pub subject: Slot,
    /// Who is acted upon, or the partner of a symmetric act.
    pub object: Slot,
    /// The object came from a `with`-phrase (a partner of a symmetric act).
    pub partner: bool,
    /// The partners came from a `between`-phrase naming both sides ("talks between X and
    /// Y"): the act is between them, not with the subject (a host or mediator).
    pub between: bool,
    /// The key span of the phrase by which the object refers to an earlier act ("the
    /// attack"), when the object is that act's actor, or an actor named further on that is not
    /// its doer ("the attack on Kyiv").
    pub act_reference: Option<(usize, usize)>,
    /// The pattern of a hostile deed that a criticism or rejection names right after its verb
    /// ("谴责空袭", "condemned the shelling"): aimed at that deed's doer when no actor is named
    /// after it, or when the actor named is only the deed's victim.
    pub named_deed: Option<usize>,
    /// The object names the referred act's doer or victim right behind the reference ("the
    /// attack by Russia", "the violation of Estonian airspace"), not another party.
    pub act_doer_named: bool,
    /// The place stated in the sentence.
    pub place: Option<(String, usize, usize)>,
    /// A future marker governs the trigger.
    pub future: bool,
    /// A background marker precedes the trigger.
    pub background: bool,
    /// Where the words that refine the code begin: the trigger itself in languages whose
    /// complements follow the verb, the start of the clause in verb-final ones.
    pub context_start: usize,
    /// Where those words end, when the clause fixes it (verb-final languages); otherwise
    /// they run a few words past the trigger.
    pub context_end: Option<usize>,
    /// The verb modifies a noun after it ("…に放水した問題に触れ"): its subject is not the one
    /// the next sentences go on with.
    pub embedded: bool,
    /// The verb stands in a relative clause ("Russia, which recognised …, criticised"): a
    /// target it does not name is nobody's, not the other side of the document's pair.
    pub in_relative: bool,
}

/// True when the text between two mentions only coordinates them ("X and his Y", "X, Y").
fn coordinates(items: &[Item], a: usize, b: usize, key: &str) -> bool {
    let (Some(x), Some(y)) = (items.get(a), items.get(b)) else { return false };
    let and_or_joiner = |i: &Item| matches!(i.kind, ItemKind::Word(WordClass::And | WordClass::Joiner));
    // "ses homologues du Japon et de la Corée du Sud": a genitive right after "and", and so
    // "sowohl mit Hun Manet als auch mit Anutin": "with" repeated after it
    let genitive_after_and = |k: usize| {
        matches!(items[k].kind, ItemKind::Word(WordClass::Genitive | WordClass::With))
            && k > a + 1
            && items[k - 1].kind == ItemKind::Word(WordClass::And)
    };
    // "感謝澳洲與紐西蘭": a "with" alone between two actors right after a verb joins its
    // objects, as "and" does (Chinese writes 與/与 for both)
    let with_joins_objects = |k: usize| {
        items[k].kind == ItemKind::Word(WordClass::With)
            && b == a + 2
            && a > 0
            && matches!(items[a - 1].kind, ItemKind::Trigger { .. })
            && span_text(key, items[a - 1].end, x.start).trim().is_empty()
    };
    if !(a + 1..b).all(|k| and_or_joiner(&items[k]) || genitive_after_and(k) || with_joins_objects(k)) {
        return false;
    }
    let mut gap = String::new();
    let mut pos = x.end;
    for i in &items[a + 1..b] {
        gap.push_str(key.get(pos..i.start).unwrap_or(""));
        gap.push(' ');
        pos = i.end;
    }
    gap.push_str(key.get(pos..y.start).unwrap_or(""));
    if gap.contains(['.', ':', '(', ')']) {
        return false;
    }
    let words: Vec<&str> =
        gap.split(|c: char| c.is_whitespace() || c == ',' || c == ';').filter(|w| !w.is_empty()).collect();
    let has_and = items[a + 1..b].iter().any(|i| i.kind == ItemKind::Word(WordClass::And));
    if gap.contains([',', ';']) && !has_and {
        // "X, Y and Z" and "X; Y; Z and W" are lists; "at the invitation of X, Y will visit"
        // is not: a list needs an "and" later on, before any trigger, and does not start
        // with a "by" phrase ("with X, Y and Z" and "met X, Y and Z" are lists)
        let left_is_object = a > 0 && matches!(items[a - 1].kind, ItemKind::Word(WordClass::By));
        let and_follows = items[b + 1..]
            .iter()
            .take(12)
            .take_while(|i| !matches!(i.kind, ItemKind::Trigger { .. }))
            .any(|i| i.kind == ItemKind::Word(WordClass::And));
        return and_follows && words.is_empty() && !left_is_object;
    }
    words.is_empty() || (has_and && words.len() <= 1)
}

pub(crate) fn group_of(items: &[Item], idx: usize, key: &str) -> (usize, usize) {
    let is_mention = |i: usize| matches!(items[i].kind, ItemKind::Mention(_));
    // a mention after a comma and a space before a trigger is that verb's subject ("Russia
    // invaded Ukraine, and Germany imposed sanctions"), not one more object of the verb before
    // the group ("welcomed X and Y reaching a deal" keeps both)
    // ... and so is one with no comma before it whose verb has an object of its own ("Germany
    // condemned Russia and France criticised Iran")
    let subject_of_next_verb = |i: usize| {
        let previous_mention = items[..i].iter().rev().find(|m| matches!(m.kind, ItemKind::Mention(_)));
        let comma_before =
            previous_mention.is_some_and(|m| span_text(key, m.end, items[i].start).contains([',', '，']));
        let own_object = || {
            items[i + 2..]
                .iter()
                .take_while(|x| !matches!(x.kind, ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak)))
                .any(|x| matches!(x.kind, ItemKind::Mention(_)))
        };
        items.get(i + 1).is_some_and(|t| matches!(t.kind, ItemKind::Trigger { .. }))
            && span_text(key, items[i].end, items[i + 1].start) == " "
            && (comma_before || own_object())
    };
    // (the object of a verb, also after a preposition: "sent relief supplies to Fiji, and New
    // Zealand pledged …"; or a preposition's after an act named as a noun: "Avtalen ble
    // forhandlet fram med hjelp fra Egypt, og utenriksminister Abdelatty ringte …")
    let object_group = |lo: usize| match preceding_word(items, lo, key) {
        Some(ItemKind::Trigger { .. }) => true,
        Some(ItemKind::Word(WordClass::Genitive | WordClass::Locative | WordClass::With)) => items[..lo]
            .iter()
            .any(|i| matches!(i.kind, ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ActReference))),
        _ => false,
    };
    let mut lo = idx;
    while lo > 0 {
        let mut j = lo - 1;
        while j > 0
            && matches!(
                items[j].kind,
                ItemKind::Word(WordClass::And | WordClass::Joiner | WordClass::Genitive | WordClass::With)
            )
        {
            j -= 1;
        }
        // ("Au sein de l'Alliance des États du Sahel (AES), le Burkina Faso et le Niger ont
        // exprimé …": a phrase that opens the sentence with a preposition ends at its comma)
        let opening_phrase = |m: usize| opening_phrase_ends_between(items, m, lo, key);
        if is_mention(j) && coordinates(items, j, lo, key) && !opening_phrase(j) {
            lo = j;
        } else {
            break;
        }
    }
    if lo < idx && subject_of_next_verb(idx) && object_group(lo) {
        return (idx, idx);
    }
    let mut hi = idx;
    loop {
        let mut j = hi + 1;
        while j < items.len()
            && matches!(
                items[j].kind,
                ItemKind::Word(WordClass::And | WordClass::Joiner | WordClass::Genitive | WordClass::With)
            )
        {
            j += 1;
        }
        if j < items.len()
            && is_mention(j)
            && coordinates(items, hi, j, key)
            && !(subject_of_next_verb(j) && object_group(lo))
            && !opening_phrase_ends_between(items, hi, j, key)
        {
            hi = j;
        } else {
            break;
        }
    }
    (lo, hi)
}

/// True when the mention at `m` ends a phrase that opens the sentence with a preposition or
/// an adjunct trigger, closed by a comma before the item at `next`: "Au sein de l'AES, le
/// Burkina Faso et le Niger …", "Under the mediation of Qatar, Ethiopia and Sudan held talks"
/// (the phrase's actor is not coordinated with the subject after the comma).
fn opening_phrase_ends_between(items: &[Item], m: usize, next: usize, key: &str) -> bool {
    // (the comma first: this is asked of every pair of neighbouring mentions)
    if !span_text(key, items[m].end, items[next].start).contains([',', '，']) {
        return false;
    }
    let first_trigger = items.iter().position(|i| matches!(i.kind, ItemKind::Trigger { .. }));
    match preceding_word(items, m, key) {
        Some(ItemKind::Word(WordClass::Locative | WordClass::Genitive)) => first_trigger.is_none_or(|f| f > m),
        // an adjunct trigger that opens the sentence ("Under the mediation of", "Sous l'égide de"),
        // when a verb follows, with no actor right after it: an actor there makes the comma a
        // list's, and that actor the subject of a verb in second place ("På anmodning fra USA,
        // Japan og Sør-Korea holder FNs sikkerhetsråd …")
        Some(ItemKind::Trigger { .. }) => first_trigger.is_some_and(|f| {
            let verb = (next..items.len()).find(|&v| matches!(items[v].kind, ItemKind::Trigger { .. }));
            let actor_after_verb = verb.is_some_and(|v| {
                items.get(v + 1).is_some_and(|a| {
                    matches!(a.kind, ItemKind::Mention(_)) && word_count(span_text(key, items[v].end, a.start)) <= 1
                })
            });
            f + 1 == m
                && items[m].start >= items[f].end
                && span_text(key, 0, items[f].start).trim().is_empty()
                && verb.is_some()
                && !actor_after_verb
        }),
        _ => false,
    }
}

/// True when the group of the mention at `j` stands right before a trigger, with nothing but
/// spaces between, or opens a clause after "and" right before a future or negation word
/// (", et la Ligue arabe doit réunir"): it is that verb's subject.
fn subject_of_verb_after(items: &[Item], j: usize, key: &str) -> bool {
    let (lo, hi) = group_of(items, j, key);
    items.get(hi + 1).is_some_and(|next| {
        let verb = match next.kind {
            ItemKind::Trigger { .. } => true,
            ItemKind::Word(WordClass::Future | WordClass::Negation) => {
                matches!(preceding_word(items, lo, key), Some(ItemKind::Word(WordClass::And)))
            }
            _ => false,
        };
        verb && span_text(key, items[hi].end, next.start).trim().is_empty()
    })
}

/// True when the actor at item `j` opens a new clause after the verb at `ti`: a comma, then an
/// "and" stand before it ([`comma_and_before`]), and no actor stands between the verb and
/// that comma.
fn opens_clause_after_comma_and(items: &[Item], ti: usize, j: usize, key: &str, also_words: &[String]) -> bool {
    comma_and_before(items, j, key, also_words).is_some()
        && !items[ti + 1..j - 1].iter().any(|i| matches!(i.kind, ItemKind::Mention(_)))
}

/// The key offset of the comma when a comma, then an "and" stand right before item `j`, with at
/// most an "also" (one of `also_words`) or an article between the "and" and the item
/// ("promised 5 million dollars, and China announced …", "…, e anche la Cina ha annunciato …").
/// (A word there other than "also" is a noun the actor belongs to: "…, dan selimut bagi warga
/// Gaza".)
fn comma_and_before(items: &[Item], j: usize, key: &str, also_words: &[String]) -> Option<usize> {
    let and = j.checked_sub(1).filter(|&a| a > 0 && items[a].kind == ItemKind::Word(WordClass::And))?;
    let before_and = span_text(key, items[and - 1].end, items[and].start).trim_end();
    let gap = span_text(key, items[and].end, items[j].start).trim();
    let rest = also_words.iter().find_map(|w| gap.strip_prefix(w.as_str())).unwrap_or(gap).trim();
    (before_and.ends_with([',', '，']) && word_count(rest) <= 1 && rest.len() <= ARTICLE_MAX_BYTES)
        .then(|| items[and - 1].end + before_and.len() - before_and.chars().last().map_or(0, char::len_utf8))
}

/// The longest word read as an article between "and" and the actor after it ("la", "der").
const ARTICLE_MAX_BYTES: usize = 3;

/// True when the actor group holding item `j` is followed by an object pronoun and then a
/// verb ("la Liga Árabe lo calificó", "la Russie l'a condamné"): that group is the verb's subject.
fn subject_of_verb_after_clitic(items: &[Item], j: usize, key: &str, clitics: &[String]) -> bool {
    let (_, hi) = group_of(items, j, key);
    !clitics.is_empty()
        && items.get(hi + 1).is_some_and(|next| {
            matches!(next.kind, ItemKind::Trigger { .. }) && {
                let gap = span_text(key, items[hi].end, next.start).trim();
                clitics.iter().any(|c| c == gap)
            }
        })
}

/// The group of the actor right after the act noun at `ti` ("the visit of | the Indian prime
/// minister"), past one genitive or "by" word and an article.
fn actor_after_noun(items: &[Item], ti: usize, key: &str) -> Option<(usize, usize)> {
    actor_following(items, ti, key, &[WordClass::Genitive, WordClass::By], 1)
}

/// The actor group right after the trigger at `ti`, past one of `linkers` written onto the
/// trigger and at most `max_words` other words (no comma).
fn actor_following(
    items: &[Item],
    ti: usize,
    key: &str,
    linkers: &[WordClass],
    max_words: usize,
) -> Option<(usize, usize)> {
    let trigger = items.get(ti)?;
    let mut m = ti + 1;
    let mut from = trigger.end;
    if let Some(w) = items.get(m).filter(|i| matches!(i.kind, ItemKind::Word(c) if linkers.contains(&c))) {
        if word_count(span_text(key, trigger.end, w.start)) > 0 {
            return None;
        }
        from = w.end;
        m += 1;
    }
    let mention = items.get(m).filter(|i| matches!(i.kind, ItemKind::Mention(_)))?;
    let gap = span_text(key, from, mention.start);
    if word_count(gap) > max_words || gap.contains([',', '，']) {
        return None;
    }
    let (lo, hi) = group_of(items, m, key);
    (lo == m).then_some((lo, hi))
}

/// The actor group right after the trigger at `ti`, with nothing but a genitive word between
/// ("serangan udara Israel", "les frappes israéliennes", "los bombardeos de Israel"): the doer
/// of an act written as a noun.
fn doer_right_after(items: &[Item], ti: usize, key: &str) -> Option<(usize, usize)> {
    actor_following(items, ti, key, &[WordClass::Genitive], 0)
}

/// True when the verb at `ti` comes right after the comma that closes a fronted clause opened
/// by a subordinator (or a clause break: "Nachdem", "Som") at the sentence's start, or right
/// after a report postposition ("zufolge").
fn fronted_report(items: &[Item], ti: usize, key: &str) -> bool {
    let Some(verb) = items.get(ti) else { return false };
    let before = span_text(key, 0, verb.start);
    let opener = items.first().is_some_and(|f| {
        matches!(f.kind, ItemKind::Word(WordClass::Subordinator | WordClass::ClauseBreak))
            && span_text(key, 0, f.start).trim().is_empty()
            && f.end <= verb.start
    });
    let comma_right_before = before.trim_end().ends_with([',', '，']);
    let postposition = ti > 0
        && items[ti - 1].kind == ItemKind::Word(WordClass::Subordinator)
        && span_text(key, items[ti - 1].end, verb.start).trim().is_empty();
    (opener && comma_right_before) || postposition
}

pub(crate) fn mentions_in(items: &[Item], lo: usize, hi: usize) -> Vec<usize> {
    items[lo..=hi].iter().filter_map(|i| if let ItemKind::Mention(m) = i.kind { Some(m) } else { None }).collect()
}

/// Two patterns code the same kind of act (same CAMEO root).
pub(crate) fn same_root(patterns: &[Pattern], a: usize, b: usize) -> bool {
    match (patterns.get(a), patterns.get(b)) {
        (Some(x), Some(y)) => x.code.get(..2).is_some() && x.code.get(..2) == y.code.get(..2),
        _ => false,
    }
}

/// True when the trigger at `ti` is what an earlier trigger of its clause asks for, promises,
/// refuses or threatens ("urged Armenia and Azerbaijan to sign a peace treaty": no signing).
/// The clause ends at a comma, semicolon or clause break; an act of those roots itself is
/// still coded ("condemned … and demanded …").
fn asked_for(items: &[Item], ti: usize, key: &str, patterns: &[Pattern], finite_triggers: bool) -> bool {
    let about = |p: usize| patterns.get(p).is_some_and(|p| in_class(&p.code, &ABOUT_ANOTHER_ACT));
    let ItemKind::Trigger { pattern } = items[ti].kind else { return false };
    if about(pattern) {
        return false;
    }
    let mut after = items[ti].start;
    // "demanded an explanation and summoned the ambassador": a verb joined by "and" to a
    // demand whose object names no actor is a second act of the same subject, not what was
    // demanded ("demanded that Japan withdraw and apologise" names who is to act)
    let (mut and_seen, mut actor_before_and, mut verb_before_and) = (false, false, false);
    // whether the "and" nearest the verb joins two actors ("accused South Korea and the US of …")
    let mut and_joins_actors = false;
    for (k, i) in items[..ti].iter().enumerate().rev() {
        if span_text(key, i.end, after).contains([',', ';', '，', '；', '、']) {
            return false;
        }
        match i.kind {
            ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation) => return false,
            ItemKind::Word(WordClass::And) => {
                if !and_seen {
                    let is_mention = |m: usize| items.get(m).is_some_and(|m| matches!(m.kind, ItemKind::Mention(_)));
                    and_joins_actors = k > 0 && is_mention(k - 1) && is_mention(k + 1);
                }
                and_seen = true
            }
            ItemKind::Mention(_)
            | ItemKind::Word(WordClass::TwoSides | WordClass::Participants | WordClass::Pronoun)
                if and_seen =>
            {
                actor_before_and = true
            }
            // ("urged the two sides to show restraint and offered to mediate": where triggers
            // are finite verbs, a demand whose content names no act before the "and" has ended
            // there)
            ItemKind::Trigger { pattern } if about(pattern) => {
                return !and_seen || (actor_before_and && (verb_before_and || !finite_triggers || and_joins_actors))
            }
            ItemKind::Trigger { .. } if and_seen => verb_before_and = true,
            _ => {}
        }
        after = i.start;
    }
    false
}

/// True when the trigger at `ti`, a hostile deed, is what a criticism or rejection right before
/// it names ("谴责空袭", "condemned the shelling"): no deed of the critic's.
fn criticised_deed(items: &[Item], ti: usize, key: &str, patterns: &[Pattern]) -> bool {
    let code_of = |i: &Item| match i.kind {
        ItemKind::Trigger { pattern } => patterns.get(pattern).map(|p| p.code.as_str()),
        _ => None,
    };
    let Some(prev) = ti.checked_sub(1).and_then(|b| items.get(b)) else { return false };
    let gap = span_text(key, prev.end, items[ti].start);
    items[ti].start >= prev.end
        && code_of(&items[ti]).is_some_and(|c| in_class(c, &HOSTILE_DEEDS))
        && code_of(prev).is_some_and(|c| in_class(c, &CRITICISM))
        && word_count(gap) <= 2
        && !gap.contains([',', '，', '、'])
}

/// Most words (and characters, for text without spaces) between an actor and the comma
/// after it in [`first_verb_before_comma`].
const COMMA_PHRASE_MAX_WORDS: usize = 3;
/// See [`COMMA_PHRASE_MAX_WORDS`].
const COMMA_PHRASE_MAX_CHARS: usize = 24;

/// The first trigger of the clause that a comma right before trigger `ti` closes ("China
/// condemned the attack on Lebanon, calling on …" gives "condemned"), when that clause ends
/// in an actor (and at most a few words after it) and nothing but the comma stands between
/// it and `ti`. (Two triggers with only a comma between are a list of acts of the nearer
/// one's subject: "hỗ trợ, giúp đỡ".)
fn first_verb_before_comma(items: &[Item], ti: usize, key: &str) -> Option<usize> {
    let before = items.get(ti.checked_sub(1)?)?;
    if !matches!(before.kind, ItemKind::Mention(_)) {
        return None;
    }
    // the comma may follow a few words that end the actor's phrase ("Israel's attacks,",
    // "俄罗斯的攻势，")
    let gap = span_text(key, before.end, items.get(ti)?.start);
    let trimmed = gap.trim();
    let head = trimmed.strip_suffix(',').or_else(|| trimmed.strip_suffix('，'))?;
    if word_count(head) > COMMA_PHRASE_MAX_WORDS
        || head.chars().count() > COMMA_PHRASE_MAX_CHARS
        || head.contains([',', '，', ';', '；', '.', '。', '"', ':'])
    {
        return None;
    }
    let comma = before.end + gap.rfind([',', '，'])?;
    let clause_start = key.get(..comma)?.rfind([',', '，', ';', '；']).map_or(0, |p| p + 1);
    (0..ti).find(|&e| items[e].start >= clause_start && matches!(items[e].kind, ItemKind::Trigger { .. }))
}

/// True when the trigger at `ti`, of material help, stands inside the gap of an intent's
/// trigger: what is promised or offered, not done ("Deutschland sicherte Litauen
/// militärische Unterstützung zu": no military aid; "sicherte … in einem Telefonat … zu" still
/// has its call).
fn promised_inside(items: &[Item], ti: usize, patterns: &[Pattern]) -> bool {
    let inner = &items[ti];
    let ItemKind::Trigger { pattern } = inner.kind else { return false };
    if !patterns.get(pattern).is_some_and(|p| in_class(&p.code, &MATERIAL_HELP)) {
        return false;
    }
    items.iter().enumerate().any(|(o, outer)| {
        o != ti
            && outer.start <= inner.start
            && inner.end <= outer.end
            && (outer.start, outer.end) != (inner.start, inner.end)
            && matches!(outer.kind, ItemKind::Trigger { pattern } if patterns.get(pattern).is_some_and(|p| in_class(&p.code, &INTENTS)))
    })
}

/// For the trigger at `ti`: the group of the actor right before an object relative ("X, al
/// quale …") that stands before the trigger with no other verb or clause break between, and
/// the verb before that group (whose subject goes on).
fn object_relative_before(items: &[Item], ti: usize, key: &str) -> Option<((usize, usize), usize)> {
    let r = items[..ti].iter().rposition(|i| {
        matches!(i.kind, ItemKind::Word(WordClass::ObjectRelative | WordClass::ClauseBreak) | ItemKind::Trigger { .. })
    })?;
    if items[r].kind != ItemKind::Word(WordClass::ObjectRelative) {
        return None;
    }
    let before = r.checked_sub(1)?;
    if !matches!(items[before].kind, ItemKind::Mention(_))
        || !matches!(span_text(key, items[before].end, items[r].start).trim(), "" | ",")
    {
        return None;
    }
    let (lo, hi) = group_of(items, before, key);
    let earlier = items[..lo]
        .iter()
        .rposition(|i| matches!(i.kind, ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak)))?;
    matches!(items[earlier].kind, ItemKind::Trigger { .. }).then_some(((lo, hi), earlier))
}

/// The verb whose object is the two-sides word at `j`: the item right before it, or the one
/// before a preposition right before it.
fn verb_before_two_sides(items: &[Item], j: usize) -> Option<usize> {
    let before = j.checked_sub(1)?;
    match items[before].kind {
        ItemKind::Trigger { .. } => Some(before),
        ItemKind::Word(WordClass::With | WordClass::Genitive | WordClass::Locative) => {
            let verb = before.checked_sub(1)?;
            matches!(items[verb].kind, ItemKind::Trigger { .. }).then_some(verb)
        }
        _ => None,
    }
}

/// The group of the actor that opens the sentence, when "and" and a verb follow the group
/// `lo..=hi` (a few plain words between them, no comma) and one or more words with no comma,
/// trigger or clause break stand between the two groups (a verb the packs do not know): the
/// opener is the subject of the verb after "and", the group before "and" that unknown verb's
/// object ("La Unión Africana envió una carta a Somalia y condenó a Etiopía").
fn opener_before_unknown_verb(items: &[Item], lo: usize, hi: usize, ti: usize, key: &str) -> Option<(usize, usize)> {
    let verb = items.get(ti)?;
    let and = items.get(ti.checked_sub(1)?)?;
    // (or right after a comma, in a series of verbs: "boarded a Vietnamese boat, beat the crew
    // and confiscated their catch")
    let after_comma = ti == hi + 1 && {
        let gap = span_text(key, and.end, verb.start);
        gap.trim_end().ends_with([',', '，']) && word_count(gap) <= COMMA_PHRASE_MAX_WORDS
    };
    let after_and = and.kind == ItemKind::Word(WordClass::And) && span_text(key, and.end, verb.start).trim().is_empty();
    if !after_and && !after_comma {
        return None;
    }
    let and_start =
        if after_and { and.start } else { and.end + span_text(key, and.end, verb.start).rfind([',', '，'])? };
    // words that may stand in a clause without starting another
    let plain = |i: &Item| {
        matches!(
            i.kind,
            ItemKind::Word(
                WordClass::Plain
                    | WordClass::Genitive
                    | WordClass::Locative
                    | WordClass::OrgMeeting
                    | WordClass::Background
                    | WordClass::ActReference
            )
        )
    };
    let no_break = |text: &str| !text.contains([',', ';', '，', ':', '"', '(', ')']);
    // the comma of ", and" right before the verb ends the object, not the clause
    let before_and = span_text(key, items[hi].end, and_start);
    let before_and = before_and.trim_end().strip_suffix([',', '，']).unwrap_or(before_and);
    let between_items = if after_and { items.get(hi + 1..ti - 1)? } else { &[] };
    if !(between_items.iter().all(plain) && no_break(before_and)) {
        return None;
    }
    let first = items[..lo].iter().position(|i| matches!(i.kind, ItemKind::Mention(_)))?;
    let opens = items[..first].iter().all(plain) && no_break(key.get(..items[first].start)?);
    let (first, last) = group_of(items, first, key);
    let between = span_text(key, items[last].end, items[lo].start);
    // (a word between: the verb the packs do not know)
    let word_between = between.split_whitespace().any(|w| w.chars().any(char::is_alphabetic));
    (opens && last < lo && items[last + 1..lo].iter().all(plain) && no_break(between) && word_between)
        .then_some((first, last))
}

/// True when one to three words, and no comma, stand between the group that ends at item
/// `lo - 1` and the item `lo` ("… al-Sisi told King Abdullah II …").
fn verb_between_groups(items: &[Item], lo: usize, key: &str) -> bool {
    let (Some(before), Some(after)) = (lo.checked_sub(1).and_then(|b| items.get(b)), items.get(lo)) else {
        return false;
    };
    let between = span_text(key, before.end, after.start);
    !between.contains([',', ';', '，', '、']) && (1..=3).contains(&word_count(between))
}

/// True when the trigger at `ti` is an act named by a noun after a preposition, past the group
/// ending at `hi` ("… solidarity with Lithuania in a phone call with …", "… in una telefonata
/// con …"): a locative word at most one word before it.
fn noun_act_after_preposition(items: &[Item], hi: usize, ti: usize, key: &str) -> bool {
    let Some(verb) = items.get(ti) else { return false };
    items.get(hi + 1..ti).is_some_and(|between| {
        between.last().is_some_and(|i| {
            i.kind == ItemKind::Word(WordClass::Locative) && word_count(span_text(key, i.end, verb.start)) <= 1
        })
    })
}

/// The index of a relative pronoun right after a mention (nothing or a comma between) whose
/// clause a comma closes just before the trigger at `ti`, with no other trigger or break
/// after that comma.
fn closed_relative_before(items: &[Item], ti: usize, key: &str, relatives: &[String]) -> Option<usize> {
    let verb = items.get(ti)?;
    let comma = key.get(..verb.start)?.trim_end().strip_suffix(',').map(str::len)?;
    let r = items[..ti].iter().rposition(|i| {
        i.end <= comma
            && i.kind == ItemKind::Word(WordClass::ClauseBreak)
            && is_relative(relatives, span_text(key, i.start, i.end), true)
    })?;
    // nothing but the relative clause's own words between the pronoun and the closing comma
    let inside_only = items[r + 1..ti]
        .iter()
        .all(|i| i.end <= comma && !matches!(i.kind, ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation)));
    (inside_only && (relative_after_mention(items, r, key, relatives) || relative_after_apposition(items, r, key)))
        .then_some(r)
}

/// Most words of an apposition's head between a mention's comma and its relative pronoun
/// ("X, l'organismo che …": 1; "X, the agency of the cabinet that …": 4).
const APPOSITION_HEAD_MAX_WORDS: usize = 4;

/// True when the relative pronoun at `r` opens a clause inside an apposition to the mention
/// right before it ("Il Consiglio per gli Affari continentali, l'organismo che gestisce i
/// rapporti con Pechino, ha accusato …"): a comma, then a few words naming no actor.
fn relative_after_apposition(items: &[Item], r: usize, key: &str) -> bool {
    let (Some(antecedent), Some(pronoun)) = (r.checked_sub(1).and_then(|a| items.get(a)), items.get(r)) else {
        return false;
    };
    let Some(head) = span_text(key, antecedent.end, pronoun.start).trim_start().strip_prefix(',') else {
        return false;
    };
    matches!(antecedent.kind, ItemKind::Mention(_))
        && !head.contains([',', '，', '(', ')'])
        && (1..=APPOSITION_HEAD_MAX_WORDS).contains(&word_count(head))
}

/// True when the item at `r` is a relative pronoun right after a mention, with nothing or a
/// comma between ("Olaf Scholz, who", "Le Togo, qui"): that mention is its antecedent.
fn relative_after_mention(items: &[Item], r: usize, key: &str, relatives: &[String]) -> bool {
    let (Some(antecedent), Some(pronoun)) = (r.checked_sub(1).and_then(|a| items.get(a)), items.get(r)) else {
        return false;
    };
    let gap = span_text(key, antecedent.end, pronoun.start).trim();
    pronoun.kind == ItemKind::Word(WordClass::ClauseBreak)
        && matches!(antecedent.kind, ItemKind::Mention(_))
        && matches!(gap, "" | ",")
        && is_relative(relatives, span_text(key, pronoun.start, pronoun.end), gap == ",")
}

/// For the item at `j` inside a relative clause ("X, which has ties to both countries,") that a
/// comma closes before the trigger at `ti`, with no verb of the packs in it: the group of the
/// relative's antecedent.
fn relative_antecedent_of(
    items: &[Item],
    j: usize,
    ti: usize,
    key: &str,
    relatives: &[String],
) -> Option<(usize, usize)> {
    let r = relative_opening(items, j, key, relatives)?;
    let closed = span_text(key, items[j].end, items[ti].start).contains([',', '，']);
    closed.then(|| group_of(items, r - 1, key))
}

/// For the earlier trigger at `j`, inside a relative clause ("X, which …") that a comma and an
/// "and" close before the trigger at `ti`: the index of the relative pronoun.
fn relative_closed_before(items: &[Item], j: usize, ti: usize, key: &str, relatives: &[String]) -> Option<usize> {
    let r = relative_opening(items, j, key, relatives)?;
    let comma = items[j].end + span_text(key, items[j].end, items[ti].start).find([',', '，'])?;
    items[j + 1..ti].iter().any(|i| i.kind == ItemKind::Word(WordClass::And) && i.start > comma).then_some(r)
}

/// The relative pronoun right after an actor that opens the clause item `j` stands in (the
/// last verb, clause break or continuation before `j` is that pronoun), if any.
fn relative_opening(items: &[Item], j: usize, key: &str, relatives: &[String]) -> Option<usize> {
    let r = items[..j].iter().rposition(|i| {
        matches!(i.kind, ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation))
    })?;
    relative_after_mention(items, r, key, relatives).then_some(r)
}

/// True when `word` is one of `relatives`; those written with a leading comma (",que") only
/// when `after_comma`.
fn is_relative(relatives: &[String], word: &str, after_comma: bool) -> bool {
    relatives.iter().any(|w| match w.strip_prefix(',') {
        Some(rest) => after_comma && rest == word,
        None => w == word,
    })
}

/// In languages written with spaces, a name's acronym or other name in brackets right after
/// it ("la Comunidad del Caribe (Caricom) y a la OEA") is the same mention: its item is
/// dropped and the first one reaches over the brackets, so that a list goes on past them.
fn bracketed_repeats(items: &mut Vec<Item>, mentions: &[Mention], k: &str) {
    let actor = |item: &Item| match item.kind {
        ItemKind::Mention(m) => mentions.get(m).and_then(|m| m.actor.as_deref()),
        _ => None,
    };
    let mut i = 0;
    while i + 1 < items.len() {
        let (first, second) = (&items[i], &items[i + 1]);
        let same = actor(first).is_some() && actor(first) == actor(second);
        let opens = matches!(span_text(k, first.end, second.start).trim(), "(" | "（");
        let after = span_text(k, second.end, k.len());
        let rest = after.trim_start();
        if same && opens && rest.starts_with([')', '）']) {
            let close = second.end + (after.len() - rest.len()) + rest.chars().next().map_or(0, char::len_utf8);
            items[i].end = close;
            items.remove(i + 1);
        }
        i += 1;
    }
}

fn preceding_word(items: &[Item], lo: usize, key: &str) -> Option<ItemKind> {
    let prev = items.get(lo.checked_sub(1)?)?;
    let gap = key.get(prev.end..items[lo].start).unwrap_or("");
    // a comma closes the word's phrase: "In March 2019, Mexico asked …" (Mexico is no place),
    // and so does a year with no comma after it ("En 2020 la France avait condamné …", "In
    // December 2023 Venezuela expelled …"): the word governs the date
    // (a year that ends a dateline, "ARGEL, 8 de octubre de 2026.- Argelia condenó …", governs
    // the date too)
    let year_between = gap.split_whitespace().any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
    });
    if word_count(gap) <= 2 && !gap.contains([',', '，', '、']) && !year_between {
        Some(prev.kind.clone())
    } else {
        None
    }
}

/// The most words of the report between an official and the comma before a pronoun that
/// stands for that official ("韩国总统表示，他…", "X said on Monday, he …").
const REPORT_MAX_WORDS: usize = 4;
/// The most characters (spaces left out) of such a report, for text without spaces.
const REPORT_MAX_CHARS: usize = 24;

/// The most bytes a bracketed dateline opening a sentence may take ("（中央社記者X日內瓦8日專電）").
const DATELINE_BRACKET_MAX_BYTES: usize = 80;

/// The most bytes a dateline may take at the start of a sentence ("BAKU, July 10 (AFP)",
/// "ວຽງຈັນ, ວັນທີ 11 ມີນາ 2026").
const DATELINE_MAX_BYTES: usize = 120;

/// The end of the dateline a sentence opens with: the text before its first dash that
/// separates (" - ", " – ", " — ", ".- "), near the start.
pub(crate) fn dateline_end(sentence: &str) -> Option<usize> {
    let mut end = DATELINE_MAX_BYTES.min(sentence.len());
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    let head = sentence.get(..end)?;
    [" - ", " – ", " — ", ".- ", ".– "].iter().filter_map(|sep| head.find(sep)).min()
}

/// Most words of the noun phrase whose owner [`possessor_opens_sentence`] makes the subject.
const OWNED_NOUN_MAX_WORDS: usize = 3;

/// True when the group `lo..=hi` follows a genitive word that is the sentence's first item,
/// after a short noun phrase and no comma ("A vessel of …", "Una motovedetta della …"), and
/// the trigger at `ti` follows the group closely: the group owns the sentence's subject.
fn possessor_opens_sentence(items: &[Item], lo: usize, hi: usize, ti: usize, key: &str) -> bool {
    if lo != 1 || hi >= ti {
        return false;
    }
    let (Some(genitive), Some(last), Some(trigger)) = (items.first(), items.get(hi), items.get(ti)) else {
        return false;
    };
    let owned = span_text(key, 0, genitive.start);
    let to_verb = span_text(key, last.end, trigger.start);
    (1..=OWNED_NOUN_MAX_WORDS).contains(&word_count(owned))
        && !owned.contains([',', ';', '"', ':'])
        && word_count(to_verb) <= 2
        && !to_verb.contains([',', ';'])
}

/// In verb-second order, the subject right after the verb at `ti`: a pronoun or a group of
/// mentions, with at most one word (an article) between; its slot and item range.
fn subject_after_verb(items: &[Item], ti: usize, key: &str) -> Option<(Slot, usize, usize)> {
    let verb = items.get(ti)?;
    let next = items.get(ti + 1)?;
    if word_count(span_text(key, verb.end, next.start)) > 1 {
        return None;
    }
    match next.kind {
        ItemKind::Word(WordClass::Pronoun) => Some((Slot::PersonPronoun, ti + 1, ti + 1)),
        ItemKind::Word(WordClass::TwoSides) => Some((Slot::TwoSides, ti + 1, ti + 1)),
        ItemKind::Word(WordClass::Participants) => Some((Slot::Participants, ti + 1, ti + 1)),
        ItemKind::Mention(_) => {
            let (lo, mut hi) = group_of(items, ti + 1, key);
            // "takket Norges statsminister Japan": subject and object may stand side by side;
            // only "and" makes them one group ("hatte Scholz Brasilien und Chile besucht": the
            // subject ends where a mention follows with nothing between)
            if let Some(k) = (lo..hi).find(|&k| {
                matches!(items[k].kind, ItemKind::Mention(_))
                    && matches!(items[k + 1].kind, ItemKind::Mention(_))
                    && items[k + 1].start > items[k].start
                    && span_text(key, items[k].end, items[k + 1].start).trim().is_empty()
            }) {
                hi = k;
            }
            if !items[lo..=hi].iter().any(|i| i.kind == ItemKind::Word(WordClass::And)) {
                hi = lo;
            }
            (lo == ti + 1).then(|| (Slot::Mentions(mentions_in(items, lo, hi)), lo, hi))
        }
        _ => None,
    }
}

/// True when what stands before the verb at `ti` (from `clause_start`) is a fronted
/// adverbial, not a subject: a time expression, a listed fronted word, a place, a time word
/// (future or background), a number, or a clause ending in a comma ("I går møtte ...", "Am 3. März
/// traf ...", "Als er ankam, traf ..."), or a subordinator with no comma after it ("Als erstes
/// Land schickte China ...": a subordinate clause would end in its verb and a comma).
fn fronted_before(items: &[Item], ti: usize, clause_start: usize, key: &str, time_ends: &[usize]) -> bool {
    let verb_start = items[ti].start;
    let before = span_text(key, clause_start, verb_start).trim();
    before.ends_with(',')
        || time_ends.iter().any(|&e| e > clause_start && e <= verb_start)
        || before.chars().any(|c| c.is_ascii_digit())
        || items[..ti].iter().any(|i| {
            i.start >= clause_start
                && matches!(
                    i.kind,
                    ItemKind::Word(
                        WordClass::Fronted
                            | WordClass::Locative
                            | WordClass::Future
                            | WordClass::Background
                            | WordClass::Subordinator
                    )
                )
        })
}

/// The actor group that opens the clause holding item `j` (the clause starts after the last
/// comma, clause break or verb before `j`), when one does and stands before `j`, not after a
/// preposition.
fn actor_opening_clause_of(items: &[Item], j: usize, key: &str) -> Option<(usize, usize)> {
    let mut boundary = 0;
    for k in (0..j).rev() {
        if matches!(
            items[k].kind,
            ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation)
        ) {
            boundary = items[k].end;
            break;
        }
        let gap = span_text(key, items[k].end, items[k + 1].start);
        if let Some(comma) = gap.rfind([',', '，', ';', '；']) {
            boundary = items[k].end + comma + 1;
            break;
        }
    }
    let first = items[..j].iter().position(|i| i.start >= boundary)?;
    if !matches!(items[first].kind, ItemKind::Mention(_))
        || !span_text(key, boundary, items[first].start)
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '，'))
            .is_empty()
    {
        return None;
    }
    let (lo, hi) = group_of(items, first, key);
    // (not the states the word sums up: "刚果（金）与卢旺达两国外长")
    let apposed = items[hi + 1..j].iter().any(|i| matches!(i.kind, ItemKind::Mention(_)))
        || span_text(key, items[hi].end, items[j].start).trim().is_empty();
    (hi < j && lo == first && !apposed).then_some((lo, hi))
}

/// Index of the first item of the subject that ends at `subject_end`, before trigger `ti`.
fn subject_group_start(items: &[Item], ti: usize, subject_end: usize, key: &str) -> Option<usize> {
    let last = items[..ti].iter().rposition(|i| i.end == subject_end)?;
    Some(match items[last].kind {
        ItemKind::Mention(_) => group_of(items, last, key).0,
        _ => last,
    })
}

/// The verb a later verb goes on from when the earlier trigger at `e` is the complement of the
/// verb before it, its subject that verb's object ("Norge ba Israel om å slippe inn nødhjelp til
/// Gaza, og oppfordret …": the request, not the aid it asks for): that verb, climbing while the
/// same holds, with no clause break between; else `e` itself.
fn clause_head_verb(items: &[Item], subject_of: &[Option<Slot>], object_of: &[Option<Slot>], mut e: usize) -> usize {
    while let Some(k) = items[..e]
        .iter()
        .rposition(|i| matches!(i.kind, ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak)))
    {
        let is_head = matches!(items[k].kind, ItemKind::Trigger { .. })
            && items[k].end <= items[e].start
            && subject_of[k].is_some()
            && matches!(&subject_of[e], Some(Slot::Mentions(ms)) if !ms.is_empty())
            && object_of[k] == subject_of[e];
        if !is_head {
            break;
        }
        e = k;
    }
    e
}

/// The subject a later verb shares with the earlier verb at `e`: its subject, or after "and" or
/// an object relative (`after_and`) a passive's grammatical subject ("X was received by King
/// Philippe and then met Y": X met Y), not its agent.
fn shared_subject(
    subject_of: &[Option<Slot>],
    passive_subject_of: &[Option<Slot>],
    e: usize,
    after_and: bool,
) -> Option<Slot> {
    passive_subject_of[e].clone().filter(|_| after_and).or_else(|| subject_of[e].clone())
}

/// What [`clauses`] needs to know of the sentence's language.
#[derive(Debug, Clone, Copy)]
pub struct ClauseGrammar<'a> {
    /// The language puts the finite verb second; the key offsets where the sentence's time
    /// expressions end (a time before the verb is fronted).
    pub verb_second: Option<&'a [usize]>,
    /// The language's relative pronouns ("who", "som"), normalised: right after an actor they
    /// make it the subject of the next verb.
    pub relatives: &'a [String],
    /// Words that end a trigger naming the two sides after it ("talks between").
    pub between_words: &'a [String],
    /// The language drops a subject the sentence before names (`pro_drop` in `pack.toml`).
    pub pro_drop: bool,
    /// The pack's triggers are finite verb forms (`finite_triggers` in `pack.toml`).
    pub finite_triggers: bool,
    /// Object pronouns written right before their verb (`object_clitic`), normalised.
    pub object_clitics: &'a [String],
    /// Words saying that another actor does the same (`also`), normalised.
    pub also_words: &'a [String],
}

/// Find each trigger's slots in an analysed sentence of a language with `grammar`.
pub fn clauses(a: &Analysis, key: &str, patterns: &[Pattern], grammar: &ClauseGrammar<'_>) -> Vec<Clause> {
    let ClauseGrammar { verb_second, relatives, between_words, pro_drop, finite_triggers, object_clitics, also_words } =
        *grammar;
    let items = &a.items;
    let mut out: Vec<Clause> = Vec::new();
    let mut subject_of: Vec<Option<Slot>> = vec![None; items.len()];
    // each passive trigger's grammatical subject (its slot before the agent is made the subject)
    let mut passive_subject_of: Vec<Option<Slot>> = vec![None; items.len()];
    // whether each trigger's act is planned, for an act named in its purpose
    let mut planned: Vec<bool> = vec![false; items.len()];
    let mut object_of: Vec<Option<Slot>> = vec![None; items.len()];
    let place = items.iter().find_map(|i| match &i.kind {
        ItemKind::Place { country: Some(c) } => Some((c.clone(), i.start, i.end)),
        _ => None,
    });
    let sentence_has =
        |class: WordClass, before: usize| items.iter().any(|i| i.start < before && i.kind == ItemKind::Word(class));
    for (ti, item) in items.iter().enumerate() {
        let ItemKind::Trigger { pattern } = item.kind else { continue };
        let Some(p) = patterns.get(pattern) else { continue };
        // subject: nearest group before the trigger that is not an object or partner
        let mut subject = Slot::Missing;
        let mut subject_end = 0usize;
        let mut partner_before: Option<Vec<usize>> = None;
        // the actors between a subordinate clause's pronoun subject and its final verb
        let mut object_before: Option<Vec<usize>> = None;
        // whether that partner stands right after an earlier verb's preposition, as its partner
        let mut partner_of_earlier_verb = false;
        let mut noun_partner: Option<Vec<usize>> = None;
        let mut j = ti;
        // whether an "and" stands between the group ending at item `hi` and this verb
        let and_between = |hi: usize| items[hi + 1..ti].iter().any(|i| i.kind == ItemKind::Word(WordClass::And));
        let mut continuing = false;
        // a verb right after a comma and "and" goes on from the verb its clause hangs on, not
        // from that verb's complement ("Norge ba Israel om å slippe inn nødhjelp …, og
        // oppfordret …"); nouns listed after a complement ("反对美方对古巴实施封锁、制裁") stay its own
        let coordinated = ti > 1
            && items[ti - 1].kind == ItemKind::Word(WordClass::And)
            && span_text(key, items[ti - 1].end, item.start).trim().is_empty()
            && span_text(key, items[ti - 2].end, items[ti - 1].start).trim_end().ends_with([',', '，']);
        let head_verb = |e: usize| if coordinated { clause_head_verb(items, &subject_of, &object_of, e) } else { e };
        // the earlier verb whose subject this one shares ("X denounced Y and warned ...")
        let mut shares_with: Option<usize> = None;
        // "Le Togo, qui entretient de bonnes relations avec les deux capitales, a proposé sa
        // médiation": a relative clause closed by a comma right before the verb leaves its
        // antecedent the subject, and what it names out of it
        // "… il suo omologo bosniaco, al quale ha garantito il pieno sostegno": after an object
        // relative the verb goes on with the subject of the verb before, and the actor before
        // the relative is its object
        let mut relative_object: Option<Vec<usize>> = None;
        if let Some((group, earlier)) = object_relative_before(items, ti, key) {
            relative_object = Some(mentions_in(items, group.0, group.1));
            if let Some(shared) = shared_subject(&subject_of, &passive_subject_of, earlier, true) {
                subject = shared;
                subject_end = items[earlier].start;
                shares_with = Some(earlier);
                j = 0;
            }
        }
        if let Some(r) = closed_relative_before(items, ti, key, relatives).filter(|_| relative_object.is_none()) {
            let (lo, hi) = group_of(items, r - 1, key);
            subject = Slot::Mentions(mentions_in(items, lo, hi));
            subject_end = items[hi].end;
            j = 0;
        }
        // "China condemned the attack on Lebanon, calling on Israel …": a verb that opens its
        // clause right after a comma goes on with the subject of the first verb of the clause
        // before, not with that clause's last actor (also when that subject is "the two sides":
        // "双方谴责以色列，呼吁以方停止…")
        if let Some(e) = verb_second.is_none().then(|| first_verb_before_comma(items, ti, key)).flatten() {
            if let Some(shared) = subject_of[e].clone().filter(|s| match s {
                Slot::Mentions(ms) => !ms.is_empty(),
                Slot::TwoSides | Slot::Participants => true,
                _ => false,
            }) {
                subject = shared;
                subject_end = items[e].start;
                shares_with = Some(e);
                j = 0;
            }
        }
        while j > 0 {
            j -= 1;
            match &items[j].kind {
                ItemKind::Word(WordClass::Continuation) => continuing = true,
                // verb second: an actor inside the gap of a subordinate clause's verb, which a
                // comma closes before this verb, is that verb's ("Nachdem Israel den Iran
                // angegriffen hatte, verurteilte Russland"): the subject follows this verb
                ItemKind::Mention(_)
                    if verb_second.is_some()
                        && items[..j].iter().any(|t| {
                            matches!(t.kind, ItemKind::Trigger { .. })
                                && t.start < items[j].start
                                && items[j].end <= t.end
                                && span_text(key, t.end, item.start).trim() == ","
                        }) =>
                {
                    break;
                }
                // 'Petro said his country was "in mourning with our Ecuadorian brothers" and
                // dispatched a team': an actor or verb inside a quotation that closes before the
                // verb is the speaker's words, not the verb's subject (its "we" and "our" are
                // the speaker, who is)
                _ if quoted_apart(key, items[j].start, items[j].end, item.start)
                    && items[j].kind != ItemKind::Word(WordClass::FirstPerson) => {}
                ItemKind::Mention(_) if continuing => {
                    // "X announced ..., at the same time thanked Y": the sentence's subject goes on
                    let (lo, _) = group_of(items, j, key);
                    j = lo;
                    // (that actor being the object of the sentence's first verb, whose subject
                    // is a pronoun, the pronoun goes on: "他谴责欧盟，并敦促海合会…")
                    let first_verb = items[..lo].iter().position(|i| matches!(i.kind, ItemKind::Trigger { .. }));
                    let pronoun_subject = |v: usize| {
                        subject_of[v]
                            .clone()
                            .filter(|s| matches!(s, Slot::Pronoun | Slot::PersonPronoun))
                            .map(|s| (v, s))
                    };
                    if let Some(shared) = first_verb.and_then(pronoun_subject) {
                        subject = shared.1;
                        subject_end = items[shared.0].start;
                        shares_with = Some(shared.0);
                        break;
                    }
                    let first_mention = items[..=j].iter().position(|i| matches!(i.kind, ItemKind::Mention(_)));
                    if first_mention == Some(j)
                        && preceding_word(items, lo, key).is_none_or(|w| {
                            !matches!(
                                w,
                                ItemKind::Word(
                                    WordClass::With
                                        | WordClass::Between
                                        | WordClass::By
                                        | WordClass::Locative
                                        | WordClass::Genitive
                                )
                            )
                        })
                    {
                        let (lo, hi) = group_of(items, j, key);
                        subject = Slot::Mentions(mentions_in(items, lo, hi));
                        subject_end = items[hi].end;
                        break;
                    }
                }
                ItemKind::Mention(_) => {
                    let (lo, hi) = group_of(items, j, key);
                    let before = preceding_word(items, lo, key);
                    let ms = mentions_in(items, lo, hi);
                    // (asked by several arms below: looked for once, and only when asked)
                    // "welcomed Cambodia and Thailand signing a ceasefire": two or more actors
                    // before a symmetric act are its parties, not the object of an earlier verb of
                    // the same root going on
                    let two_parties_of_symmetric_act = ms.len() >= 2 && matches!(p.frame, Frame::Sym | Frame::Meet);
                    let noun_act_cell = std::cell::OnceCell::new();
                    let noun_act_after =
                        || *noun_act_cell.get_or_init(|| noun_act_after_preposition(items, hi, ti, key));
                    // "…, wo er Macron zu einem Besuch in Berlin einlud": in a verb-second
                    // language's subordinate clause the verb comes last, so a pronoun right
                    // after the clause's opening is its subject and the actors between them
                    // its object
                    let pronoun_opens_clause = verb_second.is_some()
                        && lo > 0
                        && items[lo - 1].kind == ItemKind::Word(WordClass::Pronoun)
                        && (lo == 1
                            || matches!(
                                items[lo - 2].kind,
                                ItemKind::Word(WordClass::ClauseBreak | WordClass::Subordinator)
                            )
                            || span_text(key, items[lo - 2].end, items[lo - 1].start).trim_end().ends_with(','))
                        && !items
                            .get(hi + 1..ti)
                            .unwrap_or(&[])
                            .iter()
                            .any(|i| matches!(i.kind, ItemKind::Trigger { .. }));
                    if pronoun_opens_clause && p.frame == Frame::Dir {
                        object_before = Some(ms);
                        subject = Slot::PersonPronoun;
                        subject_end = items[lo - 1].end;
                        break;
                    }
                    match before {
                        Some(ItemKind::Word(WordClass::With | WordClass::Between)) => {
                            // ("… a phone call with Brazil's minister, and then met his Spanish
                            // counterpart": the partner of the verb before, right after it)
                            if partner_before.is_none() {
                                partner_of_earlier_verb =
                                    lo >= 2 && matches!(items[lo - 2].kind, ItemKind::Trigger { .. });
                            }
                            partner_before.get_or_insert(ms);
                        }
                        // "expressed his condolences to Rahmon in a phone call": the actor after
                        // "to" is the partner of the act named after it
                        Some(ItemKind::Word(WordClass::Genitive)) if noun_act_after() => {
                            noun_partner.get_or_insert(ms);
                        }
                        // "Una motovedetta della guardia costiera libica ha aperto il fuoco",
                        // "A vessel of the Chinese coast guard fired …": the owner of the noun
                        // that opens the sentence acts
                        Some(ItemKind::Word(WordClass::Genitive))
                            if possessor_opens_sentence(items, lo, hi, ti, key) =>
                        {
                            subject = Slot::Mentions(ms);
                            subject_end = items[hi].end;
                            break;
                        }
                        // "Da Roma il ministro degli Esteri Tajani ha ringraziato …", "In Tokyo
                        // Prime Minister X said …": a place that opens the sentence, with no comma
                        // after it, is where the actor after it speaks from
                        Some(ItemKind::Word(WordClass::By | WordClass::Locative))
                            if lo == 1
                                && hi > lo
                                && span_text(key, 0, items[0].start).trim().is_empty()
                                && mentions_in(items, lo + 1, lo + 1)
                                    .first()
                                    .and_then(|&m| a.mentions.get(m))
                                    .is_some_and(|m| m.official || m.person.is_some()) =>
                        {
                            subject = Slot::Mentions(mentions_in(items, lo + 1, hi));
                            subject_end = items[hi].end;
                            break;
                        }
                        Some(ItemKind::Word(WordClass::By | WordClass::Locative | WordClass::Genitive)) => {}
                        Some(ItemKind::Trigger { pattern: earlier })
                            if lo > 0
                                && subject_of[lo - 1].is_some()
                                && (items[hi + 1..ti].iter().any(|i| i.kind == ItemKind::Word(WordClass::And))
                                    || noun_act_after()
                                    || (same_root(patterns, earlier, pattern) && !two_parties_of_symmetric_act)
                                    || patterns.get(pattern).is_some_and(|p| p.adjunct)) =>
                        {
                            // "X met Y and praised Z", and "X gave Y humanitarian aid" (the same act named twice):
                            // the earlier trigger's subject goes on; "X expressed condolences to Y
                            // in a phone call": Y is the partner of the act named after it, unless
                            // a partner follows ("… in a phone call with Z")
                            if noun_act_after() {
                                noun_partner = Some(ms);
                            }
                            let e = head_verb(lo - 1);
                            subject = shared_subject(&subject_of, &passive_subject_of, e, and_between(hi))
                                .unwrap_or(Slot::Missing);
                            subject_end = items[hi].end;
                            shares_with = Some(e);
                            break;
                        }
                        // "al-Sisi told King Abdullah II in a phone call": a verb that is no act
                        // between two actors, and then the act named by a noun after a
                        // preposition: the first actor is its subject, the second its partner
                        _ if noun_act_after()
                            && lo > 0
                            && matches!(items[lo - 1].kind, ItemKind::Mention(_))
                            && verb_between_groups(items, lo, key) =>
                        {
                            let (first, last) = group_of(items, lo - 1, key);
                            partner_before.get_or_insert(ms);
                            subject = Slot::Mentions(mentions_in(items, first, last));
                            subject_end = items[last].end;
                            break;
                        }
                        _ => {
                            // "… condemned what it called China's conduct and urged Beijing …": a
                            // mention in the object region of an earlier verb, with "and" after
                            // it, leaves that verb's subject the subject of this one
                            let and_after = items[hi + 1..ti].iter().any(|i| i.kind == ItemKind::Word(WordClass::And))
                                || noun_act_after();
                            // (an actor after a genitive belongs to the object's noun phrase:
                            // "phản đối chính sách cấm vận của Mỹ đối với Cuba, và kêu gọi …")
                            let earlier = (0..lo)
                                .rev()
                                .find(|&e| match items[e].kind {
                                    ItemKind::Trigger { .. }
                                    | ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation) => true,
                                    ItemKind::Mention(_) => !matches!(
                                        preceding_word(items, group_of(items, e, key).0, key),
                                        Some(ItemKind::Word(WordClass::Genitive))
                                    ),
                                    _ => false,
                                })
                                .filter(|&e| matches!(items[e].kind, ItemKind::Trigger { .. }))
                                .filter(|&e| !span_text(key, items[e].end, items[lo].start).contains([',', ';', '，']));
                            if let Some(e) = earlier.filter(|&e| and_after && subject_of[e].is_some()).map(&head_verb) {
                                subject = shared_subject(&subject_of, &passive_subject_of, e, and_between(hi))
                                    .unwrap_or(Slot::Missing);
                                subject_end = items[hi].end;
                                shares_with = Some(e);
                                break;
                            }
                            // "La Caricom expresó en un comunicado su respaldo a Guyana y exigió a
                            // Venezuela …": a verb right after "and", past the object of a verb the
                            // packs do not know, goes on with the actor that opens the sentence
                            if earlier.is_none() {
                                if let Some((first, last)) = opener_before_unknown_verb(items, lo, hi, ti, key) {
                                    subject = Slot::Mentions(mentions_in(items, first, last));
                                    subject_end = items[last].end;
                                    break;
                                }
                            }
                            subject = Slot::Mentions(ms);
                            subject_end = items[hi].end;
                            break;
                        }
                    }
                    j = lo;
                }
                // "... with German Chancellor Olaf Scholz, who promised ...": the actor before
                // a relative pronoun is the subject of the verb after it
                ItemKind::Word(WordClass::ClauseBreak) if relative_after_mention(items, j, key, relatives) => {
                    let (lo, hi) = group_of(items, j - 1, key);
                    subject = Slot::Mentions(mentions_in(items, lo, hi));
                    subject_end = items[hi].end;
                    break;
                }
                // "phoned the leaders of both countries and urged …": the two sides as the object
                // of an earlier verb, with "and" after them, leave that verb's subject this one's
                // (also after the verb's preposition: "spoke by phone with the leaders of both
                // countries and urged …")
                ItemKind::Word(w @ (WordClass::TwoSides | WordClass::Participants)) => {
                    let and_after = items[j + 1..ti].iter().any(|i| i.kind == ItemKind::Word(WordClass::And));
                    let verb = verb_before_two_sides(items, j).filter(|_| and_after);
                    match verb.and_then(|v| Some((v, subject_of[v].clone()?))) {
                        Some((v, shared)) => {
                            subject = shared;
                            shares_with = Some(v);
                        }
                        // "欧盟对两国外交关系紧张感到关切，呼吁双方…": the two sides named inside a
                        // clause that an actor opens are what that actor speaks of; the actor is
                        // the subject
                        // "China, which has ties to both countries, said it would send aid":
                        // the two sides inside a relative clause closed before the verb are
                        // what its antecedent speaks of; the antecedent is the subject
                        _ => match relative_antecedent_of(items, j, ti, key, relatives)
                            .or_else(|| actor_opening_clause_of(items, j, key))
                        {
                            Some((lo, hi)) => {
                                subject = Slot::Mentions(mentions_in(items, lo, hi));
                                subject_end = items[hi].end;
                                break;
                            }
                            None => {
                                subject = if *w == WordClass::TwoSides { Slot::TwoSides } else { Slot::Participants }
                            }
                        },
                    }
                    subject_end = items[j].end;
                    break;
                }
                ItemKind::Word(WordClass::Pronoun) => {
                    // "韩国总统表示，他已邀请…": with no verb of the packs before it, a pronoun right
                    // after the comma that ends a report of the official opening the sentence is
                    // that official
                    let verb_before = items[..j].iter().any(|i| matches!(i.kind, ItemKind::Trigger { .. }));
                    let official_before = items[..j]
                        .iter()
                        .position(|i| matches!(i.kind, ItemKind::Mention(_)))
                        .filter(|&m| {
                            span_text(key, 0, items[m].start).trim().is_empty()
                                && matches!(items[m].kind, ItemKind::Mention(x) if a.mentions.get(x).is_some_and(|x| {
                                    x.actor.is_some() && (x.official || x.person.is_some())
                                }))
                        })
                        .map(|m| group_of(items, m, key))
                        .filter(|&(_, hi)| {
                            let report = span_text(key, items[hi].end, items[j].start);
                            let short_report = word_count(report) <= REPORT_MAX_WORDS
                                && report.chars().filter(|c| !c.is_whitespace()).count() <= REPORT_MAX_CHARS;
                            // "Sharif was last in Ashgabat in December for a forum marking …
                            // Turkmenistan's neutrality, where he also held talks", "Eide sier at
                            // Norge ønsker våpenhvilen velkommen, og han oppfordrer …": with no
                            // other person or official named before it, the pronoun is the one
                            // the sentence opens with, however long the clause between and
                            // whatever verbs it holds
                            let no_other_person = !items.get(hi + 1..j).unwrap_or(&[]).iter().any(|i| {
                                matches!(i.kind, ItemKind::Mention(x) if a.mentions.get(x).is_some_and(|x| {
                                    x.official || x.person.is_some()
                                }))
                            });
                            // (the comma may be followed by a relative word: ", where he")
                            let after_comma = report.rsplit_once([',', '，']).map(|(_, tail)| word_count(tail));
                            match after_comma {
                                Some(0) => (short_report && !verb_before) || no_other_person,
                                Some(1) => no_other_person,
                                _ => false,
                            }
                        });
                    subject = match official_before {
                        Some((lo, hi)) => Slot::Mentions(mentions_in(items, lo, hi)),
                        None => Slot::PersonPronoun,
                    };
                    subject_end = items[j].end;
                    break;
                }
                ItemKind::Word(WordClass::FirstPerson) => {
                    subject = Slot::FirstPerson;
                    subject_end = items[j].end;
                    break;
                }
                // verb second: "Nachdem Israel den Iran angegriffen hatte, verurteilte Russland":
                // a subordinate clause closed by a comma lends the next verb no subject
                ItemKind::Trigger { .. }
                    if verb_second.is_some() && span_text(key, items[j].end, item.start).trim() == "," =>
                {
                    break;
                }
                // "Prabowo dan el-Sisi mengecam blokade Israel yang … bantuan ke Gaza, serta …
                // mendesak DK PBB": a verb after a comma and "and" goes on past a relative
                // clause, with the subject of the verb before it
                ItemKind::Trigger { .. } => {
                    // "anklaget Sør-Korea og USA for å ha provosert fram skytingen med en felles
                    // marineøvelse …, og truet Seoul": an act named by a noun after a preposition
                    // heads no clause, and lends the verb after "and" no subject
                    let noun_after_preposition =
                        matches!(
                            preceding_word(items, j, key),
                            Some(ItemKind::Word(
                                WordClass::With | WordClass::Genitive | WordClass::Locative | WordClass::By
                            ))
                        ) && items[j + 1..ti].iter().any(|i| i.kind == ItemKind::Word(WordClass::And));
                    if noun_after_preposition {
                        continue;
                    }
                    if let Some(r) = relative_closed_before(items, j, ti, key, relatives) {
                        j = r;
                    } else if subject_of[j].is_some() {
                        let e = head_verb(j);
                        subject = subject_of[e].clone().unwrap_or(Slot::Missing);
                        subject_end = items[j].start;
                        shares_with = Some(e);
                        break;
                    }
                }
                _ => {}
            }
        }
        // a language that drops the subject ("Además, pidió a China …", "Inoltre ha chiesto
        // alla Cina …"): the sentence's first verb, with no actor or verb before it, goes on
        // with the subject before, as a pronoun would
        // (at most one word before it, "Además, pidió …", "Inoltre ha chiesto …", and no
        // quotation: a longer opening may be a subject the packs do not know, "Amnesty
        // International ha criticato …")
        let short_opening = || {
            let opening = span_text(key, 0, item.start);
            word_count(opening) <= 1 && !opening.contains('"')
        };
        if pro_drop
            && subject == Slot::Missing
            && partner_before.is_none()
            && short_opening()
            && matches!(p.frame, Frame::Dir | Frame::Sym | Frame::Visit | Frame::Meet)
            && !items[..ti].iter().any(|i| {
                matches!(i.kind, ItemKind::Mention(_) | ItemKind::Trigger { .. })
                    || matches!(
                        i.kind,
                        ItemKind::Word(WordClass::TwoSides | WordClass::Participants | WordClass::Pronoun)
                    )
            })
        {
            subject = Slot::PersonPronoun;
        }
        // verb second: nothing before the verb names an actor ("I går møtte Støre ...",
        // "Am Montag traf Baerbock ..."), so the group right after it is the subject
        let mut object_from = ti + 1;
        let mut inverted_window: Option<usize> = None;
        if let Some(time_ends) =
            verb_second.filter(|_| subject == Slot::Missing && partner_before.is_none() && p.frame != Frame::Rev)
        {
            let clause_start = items[..ti]
                .iter()
                .rev()
                .find(|i| matches!(i.kind, ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak)))
                .map_or(0, |i| i.end);
            if let Some((slot, _, hi)) = fronted_before(items, ti, clause_start, key, time_ends)
                .then(|| subject_after_verb(items, ti, key))
                .flatten()
            {
                subject = slot;
                subject_end = items[hi].end;
                object_from = hi + 1;
                inverted_window = Some(clause_start);
            }
        }
        // verb second: an actor before the verb is not its subject, and the actor or pronoun right
        // after the verb is, when that actor stands inside a fronted clause or report phrase
        // ("Wie das Außenministerium in Kiew erklärte, griff Russland … an", "Dem
        // Außenministerium zufolge griff Russland …"; then only an actor after the verb counts),
        // or after a preposition or a noun act that opens the sentence ("I en telefonsamtale med
        // Putin ba han …", "Bei einem Treffen mit Putin bat er …")
        if verb_second.is_some() && inverted_window.is_none() && p.frame != Frame::Rev {
            let report = fronted_report(items, ti, key);
            let fronted_object = !report
                && shares_with.is_none()
                && matches!(subject, Slot::Mentions(_))
                && span_text(key, subject_end, item.start).trim().is_empty()
                && subject_group_start(items, ti, subject_end, key).is_some_and(|lo| {
                    matches!(
                        preceding_word(items, lo, key),
                        Some(ItemKind::Trigger { .. } | ItemKind::Word(WordClass::With))
                    ) && !items[..lo].iter().any(|i| matches!(i.kind, ItemKind::Mention(_)))
                });
            let after = (report || fronted_object).then(|| subject_after_verb(items, ti, key)).flatten();
            if let Some((slot, _, hi)) =
                after.filter(|(slot, _, _)| fronted_object || matches!(slot, Slot::Mentions(_)))
            {
                subject = slot;
                subject_end = items[hi].end;
                object_from = hi + 1;
                inverted_window = Some(0);
                if report {
                    partner_before = None;
                }
            }
        }
        // an act written as a noun with its actor after it ("the visit of Prime Minister Modi
        // to Japan", "la visite du président turc en Irak"): that actor is its subject, and
        // its object comes after it
        // (a title naming no state there leaves the subject found before: "Paris envisage une
        // visite du président au Brésil")
        // (and so is a hostile deed a criticism names with its doer right after it: "mengecam
        // serangan udara Israel terhadap Gaza", "a condamné les frappes israéliennes")
        let criticised_with_doer =
            criticised_deed(items, ti, key, patterns) && doer_right_after(items, ti, key).is_some();
        if p.noun_act || criticised_with_doer {
            let names_state = |lo: usize, hi: usize| {
                mentions_in(items, lo, hi).iter().any(|&m| a.mentions.get(m).is_some_and(|m| m.actor.is_some()))
            };
            let after =
                if criticised_with_doer { doer_right_after(items, ti, key) } else { actor_after_noun(items, ti, key) };
            if let Some((lo, hi)) = after.filter(|&(lo, hi)| names_state(lo, hi)) {
                subject = Slot::Mentions(mentions_in(items, lo, hi));
                subject_end = items[hi].end;
                object_from = hi + 1;
            }
        }
        // object: first group after the trigger, before a clause break or the next trigger
        let mut object = Slot::Missing;
        let mut partner_after: Option<Vec<usize>> = None;
        // the partner phrase after the trigger is "between X and Y"
        let mut between_phrase = false;
        let mut refers_to_act: Option<(usize, usize)> = None;
        let mut named_deed: Option<usize> = None;
        // the act referred to comes before an object that is not its doer
        let mut act_before_other = false;
        // ... or that names its doer or its victim right behind it ("the attack by Russia",
        // "the violation of Estonian airspace")
        let mut act_doer_named = false;
        let actor_of = |i: &usize| a.mentions.get(*i).and_then(|m| m.actor.as_deref());
        let subject_has = |c: &str| matches!(&subject, Slot::Mentions(sm) if sm.iter().any(|i| actor_of(i) == Some(c)));
        // a verb inside a relative clause that a comma closes before the main verb ("Russia,
        // which recognised the new government in July, criticised Pakistan"): that comma ends
        // its object
        let in_relative = items[..ti]
            .iter()
            .rposition(|i| {
                matches!(
                    i.kind,
                    ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation) | ItemKind::Trigger { .. }
                )
            })
            .is_some_and(|r| relative_after_mention(items, r, key, relatives))
            && items[ti + 1..]
                .iter()
                .find(|i| matches!(i.kind, ItemKind::Trigger { .. }))
                .is_some_and(|next| span_text(key, item.end, next.start).contains([',', '，']));
        // a verb inside a quotation: past the mark that closes it, an actor is the speaker
        // ("\"We demand the release of our citizens,\" spokeswoman Maria Zakharova said")
        let quoted = key.get(..item.start).is_some_and(|b| b.contains(opens_quote));
        let mut j = object_from;
        while j < items.len() {
            match &items[j].kind {
                ItemKind::Mention(_)
                    if in_relative && span_text(key, item.end, items[j].start).contains([',', '，']) =>
                {
                    break
                }
                ItemKind::Mention(_) if quoted && span_text(key, item.end, items[j].start).contains(closes_quote) => {
                    break
                }
                // "Russland flog zwei Maschinen mit Hilfsgütern nach Osch, China sagte Hilfe … zu":
                // past a comma, an actor right before a verb is that verb's subject, also with
                // an object pronoun between them ("condenaron el incidente, y la Liga Árabe lo
                // calificó de provocación")
                ItemKind::Mention(_)
                    if span_text(key, item.end, items[j].start).contains([',', '，'])
                        && (subject_of_verb_after(items, j, key)
                            || subject_of_verb_after_clitic(items, j, key, object_clitics)) =>
                {
                    break
                }
                // "Gli Stati Uniti hanno promesso 5 milioni di dollari, e anche la Cina ha
                // annunciato …": an actor opening a clause after a comma and "and", with no actor
                // named between the verb and that comma, is no object (a list goes on from an
                // actor: "sent aid to Fiji, Tonga, and Samoa")
                ItemKind::Mention(_)
                    if object == Slot::Missing && opens_clause_after_comma_and(items, ti, j, key, also_words) =>
                {
                    break
                }
                // "condemned the strikes, a spokesman said": after an act reference, a comma ends
                // the object ("the attack of Russia" still names its actor)
                ItemKind::Mention(_)
                    if refers_to_act
                        .is_some_and(|(_, re)| span_text(key, re, items[j].start).contains([',', '，'])) =>
                {
                    break
                }
                ItemKind::Mention(_) => {
                    let (lo, hi) = group_of(items, j, key);
                    let ms = mentions_in(items, lo, hi);
                    let before = preceding_word(items, lo, key);
                    match before {
                        Some(ItemKind::Word(w @ (WordClass::With | WordClass::Between))) if partner_after.is_none() => {
                            between_phrase = w == WordClass::Between && ms.len() >= 2;
                            partner_after = Some(ms.clone())
                        }
                        Some(ItemKind::Trigger { .. })
                            if lo == ti + 1
                                && partner_after.is_none()
                                && ms.len() >= 2
                                && between_words.iter().any(|w| {
                                    span_text(key, item.start, item.end)
                                        .strip_suffix(w.as_str())
                                        .is_some_and(|t| t.ends_with(' ') || t.is_empty())
                                }) =>
                        {
                            // "talks between X and Y": the trigger ends with its own "between"
                            between_phrase = true;
                            partner_after = Some(ms.clone())
                        }
                        Some(ItemKind::Word(WordClass::Locative)) => {}
                        _ => {}
                    }
                    // "Scholz reaffirmed Germany's support for Ukraine": the subject's own state
                    // is no object when another actor follows in the clause
                    let own_state = object == Slot::Missing
                        && !ms.is_empty()
                        && ms.iter().all(|i| actor_of(i).is_some_and(subject_has))
                        && items[hi + 1..]
                            .iter()
                            .take_while(|i| {
                                !matches!(i.kind, ItemKind::Word(WordClass::ClauseBreak) | ItemKind::Trigger { .. })
                                    && i.start <= items[hi].end + OWN_STATE_NEXT_ACTOR_MAX_BYTES
                            })
                            .any(|i| {
                                matches!(i.kind, ItemKind::Mention(n) if actor_of(&n).is_some_and(|c| !subject_has(c)))
                            });
                    if object == Slot::Missing
                        && !own_state
                        && !matches!(before, Some(ItemKind::Word(WordClass::Locative)))
                    {
                        // "condemned the launch as a violation of UN resolutions", "the attack
                        // on Kyiv": an actor further on is not the referred act's doer, which
                        // "the attack by Russia", "den Angriff Russlands" name right behind it
                        if let Some((_, re)) = refers_to_act {
                            let gap = span_text(key, re, items[lo].start);
                            let names_doer = word_count(gap) == 0
                                || (word_count(gap) <= 2
                                    && matches!(
                                        before,
                                        Some(ItemKind::Word(
                                            WordClass::By | WordClass::Genitive | WordClass::With | WordClass::Between
                                        ))
                                    ));
                            // (past an "and", the actor belongs to another verb's phrase)
                            let and_between =
                                items[ti + 1..lo].iter().any(|i| i.kind == ItemKind::Word(WordClass::And));
                            // ("by" names the doer itself: that actor is the target, whatever
                            // the document's last act of the kind)
                            let by_doer = word_count(gap) <= 2 && matches!(before, Some(ItemKind::Word(WordClass::By)));
                            act_before_other = !and_between && !by_doer;
                            act_doer_named = names_doer && !by_doer;
                        }
                        object = Slot::Mentions(ms);
                    }
                    j = hi + 1;
                    continue;
                }
                // "threatened new sanctions against Iran", "demanded the release of …": a threat,
                // demand or appeal is aimed at whom the act it names, right after it, is aimed at
                ItemKind::Trigger { .. }
                    if object == Slot::Missing
                        && in_class(&p.code, &AIMED_LIKE_THE_ACT_THEY_NAME)
                        && !items[ti + 1..j]
                            .iter()
                            .any(|i| matches!(i.kind, ItemKind::Trigger { .. } | ItemKind::Word(WordClass::And)))
                        && word_count(span_text(key, item.end, items[j].start)) <= 2 => {}
                // "沙特、卡塔尔和约旦发表声明谴责空袭", "condemned the shelling": a criticism or
                // rejection naming a hostile deed right after it is aimed at that deed's doer
                ItemKind::Trigger { pattern: deed }
                    if object == Slot::Missing
                        && j == ti + 1
                        && in_class(&p.code, &CRITICISM)
                        && patterns.get(*deed).is_some_and(|d| in_class(&d.code, &HOSTILE_DEEDS))
                        && items[j].start >= item.end
                        && word_count(span_text(key, item.end, items[j].start)) <= 2
                        && !span_text(key, item.end, items[j].start).contains([',', '，', '、']) =>
                {
                    // (an actor named further on is still the object: "指责袭击者来自阿富汗")
                    named_deed = Some(*deed);
                }
                ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation) | ItemKind::Trigger { .. } => break,
                ItemKind::Word(WordClass::TwoSides) if object == Slot::Missing => object = Slot::TwoSides,
                ItemKind::Word(WordClass::Participants) if object == Slot::Missing => object = Slot::Participants,
                ItemKind::Word(WordClass::ActReference)
                    if object == Slot::Missing && word_count(span_text(key, item.end, items[j].start)) <= 1 =>
                {
                    refers_to_act = Some((items[j].start, items[j].end))
                }
                _ => {}
            }
            j += 1;
        }
        // "condemned the decision" names no actor: the decision's maker is meant; "the attack
        // of Russia" names it
        if (refers_to_act.is_some() || named_deed.is_some()) && object == Slot::Missing {
            object = Slot::LastActor;
        }
        // (not the list an earlier verb's subject acts on: "ha ringraziato Nuova Zelanda, Australia
        // e Cina … e ha chiesto a Wellington …")
        if let (Slot::Mentions(_), None) = (&subject, shares_with) {
            // a list before the trigger ("X, Y; Z and W sent condolences") is the subject
            let stretch_start = items[..ti]
                .iter()
                .rev()
                .find(|i| {
                    matches!(
                        i.kind,
                        ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation)
                    )
                })
                .map_or(0, |i| i.end);
            let in_stretch: Vec<usize> = (0..ti)
                .filter(|&j| items[j].start >= stretch_start)
                .filter(|&j| matches!(items[j].kind, ItemKind::Mention(_)))
                .filter(|&j| {
                    !matches!(
                        preceding_word(items, j, key),
                        Some(ItemKind::Word(
                            WordClass::With
                                | WordClass::Between
                                | WordClass::By
                                | WordClass::Locative
                                | WordClass::Genitive
                        ))
                    )
                })
                // (nor the actor of a phrase opening the sentence: "Under the mediation of Qatar,")
                .filter(|&j| j + 1 >= ti || !opening_phrase_ends_between(items, j, j + 1, key))
                .collect();
            let separators = span_text(key, stretch_start, item.start).matches([';', ',']).count()
                + items[..ti]
                    .iter()
                    .filter(|i| i.start >= stretch_start && i.kind == ItemKind::Word(WordClass::And))
                    .count();
            let partners_in_stretch = items[..ti].iter().any(|i| {
                i.start >= stretch_start
                    && matches!(i.kind, ItemKind::Word(WordClass::With | WordClass::Between | WordClass::By))
            });
            // a list is tight: its members stand a few words apart, and the last one near the trigger
            let tight =
                in_stretch.windows(2).all(|w| word_count(span_text(key, items[w[0]].end, items[w[1]].start)) <= 6)
                    && in_stretch.last().is_some_and(|&j| word_count(span_text(key, items[j].end, item.start)) <= 10);
            if in_stretch.len() >= 3 && separators >= 2 && !partners_in_stretch && tight {
                let ms: Vec<usize> = in_stretch
                    .iter()
                    .filter_map(|&j| if let ItemKind::Mention(m) = items[j].kind { Some(m) } else { None })
                    .collect();
                subject = Slot::Mentions(ms);
            }
        }
        // "X denounced Y and warned that ...": a one-way verb joined by "and" to the verb
        // before it, with no object of its own, acts on that verb's object
        if object == Slot::Missing && p.frame == Frame::Dir {
            // the verb before it, when this one shares its subject ("… condemned the move and
            // vowed to retaliate": the subject goes on past the act reference)
            let previous_trigger = items[..ti].iter().rposition(|i| matches!(i.kind, ItemKind::Trigger { .. }));
            let same_subject = previous_trigger.filter(|&e| subject_of[e].as_ref() == Some(&subject));
            if let Some(earlier) = shares_with.or(same_subject).filter(|&e| {
                items[e + 1..ti].iter().any(|i| i.kind == ItemKind::Word(WordClass::And))
                    && patterns.get(pattern_of(&items[e])).is_some_and(|q| q.frame == Frame::Dir)
            }) {
                object = object_of[earlier].clone().unwrap_or(Slot::Missing);
            }
        }
        // (the relative is the verb's object; an actor after the verb is a complement: "al quale
        // ha garantito il sostegno del governo italiano")
        if let Some(ms) = relative_object {
            object = Slot::Mentions(ms);
        }
        // "China condemned the visit of the Taiwanese president to …": an act written as a noun
        // right after the verb is aimed at through its actor
        if object == Slot::Missing && p.frame == Frame::Dir {
            let noun_after = items.get(ti + 1).filter(|n| {
                matches!(n.kind, ItemKind::Trigger { pattern } if patterns.get(pattern).is_some_and(|q| q.noun_act))
                    && word_count(span_text(key, item.end, n.start)) <= 1
            });
            if let Some((lo, hi)) = noun_after.and_then(|_| actor_after_noun(items, ti + 1, key)) {
                object = Slot::Mentions(mentions_in(items, lo, hi));
            }
        }
        object_of[ti] = Some(object.clone());
        // (a passive's grammatical subject: what a later verb after "and" or an object relative
        // goes on with: "X was received by King Philippe and then met Y": X met Y)
        let grammatical_subject = (p.frame == Frame::Rev).then(|| subject.clone());
        if p.frame == Frame::Rev {
            // the agent is after "by"/"from"; the subject is the target
            std::mem::swap(&mut subject, &mut object);
        }
        // an adjunct that opens the sentence ("Under the mediation of Qatar, Ethiopia and Sudan
        // held talks", "Sous la médiation du Qatar, le Rwanda et la RDC …") is aimed at the
        // subject after its comma
        if object == Slot::Missing && span_text(key, 0, item.start).trim().is_empty() {
            let own = items
                .get(ti + 1)
                .filter(|i| matches!(i.kind, ItemKind::Mention(_)))
                .map(|_| group_of(items, ti + 1, key));
            if let Some((_, hi)) = own {
                let next = hi + 1;
                if items.get(next).is_some_and(|i| matches!(i.kind, ItemKind::Mention(_)))
                    && opening_phrase_ends_between(items, hi, next, key)
                {
                    let (lo2, hi2) = group_of(items, next, key);
                    object = Slot::Mentions(mentions_in(items, lo2, hi2));
                }
            }
        }
        if object == Slot::Missing {
            if let Some(ms) = object_before {
                object = Slot::Mentions(ms);
            }
        }
        let mut partner = false;
        // an earlier verb's partner gives way to this verb's own object ("… a phone call with X,
        // and then met Y": Y), though it stays the partner of a verb with none ("met X and
        // signed an agreement")
        let own_object = matches!(&object, Slot::Mentions(ms) if !ms.is_empty());
        if partner_of_earlier_verb && own_object && partner_after.is_none() {
            partner_before = None;
        }
        if matches!(p.frame, Frame::Sym | Frame::Meet) {
            if let Some(ms) = partner_before.or(partner_after).or(noun_partner) {
                object = Slot::Mentions(ms);
                partner = true;
            }
        }
        // in verb-second order an auxiliary may stand before the subject ("Der skal han møte"):
        // the clause from its start counts
        let v2_aux_start = if verb_second.is_some() && inverted_window.is_none() && subject_end > 0 {
            subject_group_start(items, ti, subject_end, key)
                .filter(|&lo| {
                    lo > 0 && matches!(items[lo - 1].kind, ItemKind::Word(WordClass::Future | WordClass::Negation))
                })
                .map(|lo| items[lo - 1].start)
        } else {
            None
        };
        let window_start = match (inverted_window, v2_aux_start) {
            (Some(w), _) => w,
            (None, Some(w)) => w,
            _ if subject_end > 0 => subject_end,
            _ => item.start.saturating_sub(40),
        };
        // inverted: the words between the verb and just after its subject count too
        // ("I dag møtte han ikke ...")
        let inverted_end = inverted_window.map(|_| subject_end + 1);
        let between = |class: WordClass| {
            items.iter().any(|i| {
                i.kind == ItemKind::Word(class)
                    && ((i.start >= window_start && i.end <= item.start)
                        || inverted_end.is_some_and(|e| i.start >= item.end && i.start <= e))
            })
        };
        // a future time word later in the same clause ("to visit Hanoi later this year")
        let clause_end = items[ti + 1..]
            .iter()
            .find(|i| {
                matches!(
                    i.kind,
                    ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation)
                )
            })
            .map_or(usize::MAX, |i| i.start);
        let future_after = items.iter().any(|i| {
            i.start >= item.end && i.start < clause_end && i.kind == ItemKind::Word(WordClass::Future) && {
                let w = span_text(key, i.start, i.end);
                w.contains(' ') || w.chars().count() > 5
            }
        });
        // verb-second order puts "nicht", "ikke" after the object, at the clause's end
        // ("Brasilien verurteilte Russland nicht."): no comma between
        // ... unless a conditional word opens the clause it ends ("truet med sanksjoner dersom de
        // to ikke blir løslatt": the condition is negated, not the threat)
        // an appeal's or a demand's negation after its addressee is in what is asked ("ba
        // Frankrike om å utsette reformen", "a appelé la Russie à ne pas envahir …")
        let asks = in_class(&p.code, &ASKING);
        let addressee_end = items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Mention(_)) && i.start >= item.start)
            .map(|i| i.end)
            .min();
        let in_what_is_asked = |i: &Item| asks && addressee_end.is_some_and(|e| i.start >= e);
        let negated_late = verb_second.is_some()
            && items.iter().any(|i| {
                i.kind == ItemKind::Word(WordClass::Negation)
                    && !in_what_is_asked(i)
                    && i.start >= item.end
                    && i.start < clause_end
                    && !span_text(key, item.end, i.start).contains([',', ';'])
                    // (nor in a quotation or a clause opened after the verb: "advarte Teheran om at
                    // Israel «ikke vil nøle med å slå til»" warns)
                    && !span_text(key, item.end, i.start).contains(opens_quote)
                    && !items.iter().any(|c| {
                        matches!(c.kind, ItemKind::Word(WordClass::Conditional | WordClass::Subordinator))
                            && c.start >= item.end
                            && c.end <= i.start
                    })
            });
        // a negation does not reach past a clause's end or an "and" right before this verb ("no
        // dará un paso atrás y acusó a Trump": the accusation stands)
        let fresh_verb_start = items[..ti]
            .iter()
            .rev()
            .find(|i| {
                matches!(i.kind, ItemKind::Word(WordClass::Continuation | WordClass::ClauseBreak))
                    || (i.kind == ItemKind::Word(WordClass::And) && word_count(span_text(key, i.end, item.start)) <= 1)
            })
            .map(|i| i.end);
        let negated_between = items.iter().any(|i| {
            i.kind == ItemKind::Word(WordClass::Negation)
                && i.start >= window_start
                && i.end <= item.start
                && fresh_verb_start.is_none_or(|f| i.start >= f)
        }) || inverted_end.is_some_and(|e| {
            items.iter().any(|i| i.kind == ItemKind::Word(WordClass::Negation) && i.start >= item.end && i.start <= e)
        });
        // an act written as a noun is cancelled, put off or planned by any verb of its sentence
        // ("China canceló la visita del presidente francés", "La visite … a été annulée", "Paris
        // envisage une visite du président au Brésil")
        let noun_word = |class: WordClass| p.noun_act && items.iter().any(|i| i.kind == ItemKind::Word(class));
        let negated = negated_late
            || noun_word(WordClass::Negation)
            || negated_between
            || items.iter().any(|i| {
                i.kind == ItemKind::Word(WordClass::Negation)
                    && !in_what_is_asked(i)
                    && ((i.start >= item.end && i.start <= item.end + 1)
                        // inside a trigger's gap: "hatte den Botschafter nicht einbestellt"
                        || (i.start > item.start && i.end <= item.end))
            });
        // "He is due to fly on to Manila on Friday for talks with …": an act named in the
        // purpose of a planned one of the same subject, with no comma, "and" or clause break
        // between, is planned too
        let in_planned_purpose = items[..ti]
            .iter()
            .rposition(|i| matches!(i.kind, ItemKind::Trigger { .. }))
            .filter(|&e| planned[e] && items[e].end <= item.start && subject_of[e].as_ref() == Some(&subject))
            .is_some_and(|e| {
                !span_text(key, items[e].end, item.start).contains([',', ';', '，', '；', '、'])
                    && !items[e + 1..ti].iter().any(|i| {
                        matches!(
                            i.kind,
                            ItemKind::Word(WordClass::And | WordClass::ClauseBreak | WordClass::Continuation)
                        )
                    })
            });
        // "Morocco pledged to sign an agreement with Gabon": an act right after a pledge or an
        // intent of the same subject (03), at most two words after it with no comma, "and" or
        // clause break between, is what was pledged, planned and not done (where triggers are
        // finite verbs, so that the act after the pledge is its infinitive)
        let pledged = finite_triggers
            && !p.code.starts_with("03")
            && items[..ti]
                .iter()
                .rposition(|i| matches!(i.kind, ItemKind::Trigger { .. }))
                .filter(|&e| {
                    items[e].end <= item.start
                        && subject_of[e].as_ref() == Some(&subject)
                        && matches!(items[e].kind, ItemKind::Trigger { pattern }
                            if patterns.get(pattern).is_some_and(|q| q.code.starts_with("03")))
                })
                .is_some_and(|e| {
                    let between = span_text(key, items[e].end, item.start);
                    !between.contains([',', ';', '，', '；', '、'])
                        && word_count(between) <= 2
                        && !items[e + 1..ti].iter().any(|i| {
                            matches!(
                                i.kind,
                                ItemKind::Word(WordClass::And | WordClass::ClauseBreak | WordClass::Continuation)
                            )
                        })
                });
        let future =
            between(WordClass::Future) || future_after || in_planned_purpose || pledged || noun_word(WordClass::Future);
        // a plan or promise on a condition stated after it ("will send troops if the UN gives
        // a mandate") is hypothetical too; a threat is conditional by nature and stays
        let root = p.code.get(..2).unwrap_or("");
        // (the condition may also follow the plan's complement and the acts named in it, with
        // no comma between: "er villig til å bidra til fredssamtaler … dersom partene ber om
        // det"; a clause break ends its reach, and so does any space in text whose words have
        // none between them)
        let conditional_after = (future || root == "03") && !in_class(&p.code, &THREATS) && {
            let condition_reach = items[ti + 1..]
                .iter()
                .find(|i| matches!(i.kind, ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation)))
                .map_or(usize::MAX, |i| i.start);
            let reaches = |at: usize| {
                let between = span_text(key, item.end, at);
                at < condition_reach
                    && !between.contains([',', ';', '，', '；'])
                    && (a.spaced || !between.contains(' '))
            };
            items.iter().any(|i| {
                i.kind == ItemKind::Word(WordClass::Conditional)
                    && i.start >= item.end
                    && (i.start < clause_end || reaches(i.start))
            })
        };
        // (a condition before the verb reaches it unless a clause break or continuation stands
        // between: "…อาจต้องทบทวน… ขณะที่ปาเลสไตน์ชื่นชม…" praises all the same)
        let since_break = items[..ti]
            .iter()
            .rposition(|b| matches!(b.kind, ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation)))
            .map_or(0, |b| b + 1);
        let conditional_before =
            items[since_break..ti].iter().any(|c| c.kind == ItemKind::Word(WordClass::Conditional));
        let conditional = conditional_before || conditional_after;
        subject_of[ti] = Some(subject.clone());
        passive_subject_of[ti] = grammatical_subject;
        planned[ti] = future;
        if negated
            || conditional
            || asked_for(items, ti, key, patterns, finite_triggers)
            || promised_inside(items, ti, patterns)
            || (criticised_deed(items, ti, key, patterns) && !criticised_with_doer)
        {
            continue;
        }
        let act_reference = refers_to_act.filter(|_| object == Slot::LastActor || act_before_other);
        out.push(Clause {
            pattern,
            start: item.start,
            end: item.end,
            subject,
            object,
            partner,
            between: between_phrase && partner,
            act_reference,
            act_doer_named,
            named_deed,
            // (a verb inside a relative clause closed by a comma has no place past that comma: "qui
            // a rencontré lundi son homologue jordanien, a appelé à un cessez-le-feu à Gaza")
            // (nor one past a later verb that a comma sets off: "spoke by phone with X, and the
            // two agreed to convene the commission in Yaounde")
            place: place.clone().filter(|(_, ps, _)| {
                let past_comma = in_relative && span_text(key, item.end, *ps).contains([',', '，']);
                let past_later_verb = items.iter().any(|t| {
                    matches!(t.kind, ItemKind::Trigger { .. })
                        && t.start >= item.end
                        && t.end <= *ps
                        && span_text(key, item.end, t.start).contains([',', '，', ';'])
                });
                !past_comma && !past_later_verb
            }),
            future,
            background: sentence_has(WordClass::Background, item.start),
            context_start: item.start,
            context_end: None,
            embedded: false,
            in_relative,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{comma_and_before, prefixed_name_before, Item, ItemKind};
    use crate::pack::WordClass;

    /// Items at the given (text, kind) spans of `key`, found in order.
    fn items_of(key: &str, spans: &[(&str, ItemKind)]) -> Vec<Item> {
        let mut from = 0;
        spans
            .iter()
            .map(|(text, kind)| {
                let start = from + key[from..].find(text).unwrap_or(0);
                from = start + text.len();
                Item { start, end: from, kind: kind.clone() }
            })
            .collect()
    }

    #[test]
    fn the_comma_before_an_and_is_found_whole_in_any_script() {
        for (key, and) in [("spain sent aid, and italy sent planes", "and"), ("日本提供援助，和德国派出救援队", "和")]
        {
            let (first, second) = if key.is_ascii() { ("aid", "italy") } else { ("援助", "德国") };
            let items = items_of(
                key,
                &[(first, ItemKind::Mention(0)), (and, ItemKind::Word(WordClass::And)), (second, ItemKind::Mention(1))],
            );
            let comma = comma_and_before(&items, 2, key, &[]).expect("a comma before the and");
            assert!(key.is_char_boundary(comma) && key[comma..].starts_with([',', '，']), "{key}: {comma}");
        }
        // no comma: no new clause
        let key = "spain sent aid and italy sent planes";
        let items = items_of(
            key,
            &[("aid", ItemKind::Mention(0)), ("and", ItemKind::Word(WordClass::And)), ("italy", ItemKind::Mention(1))],
        );
        assert_eq!(comma_and_before(&items, 2, key, &[]), None);
    }

    fn name(text: &str, title: &str, prefixes: &[&str]) -> Option<String> {
        let prefixes: Vec<String> = prefixes.iter().map(|p| (*p).to_string()).collect();
        let to = text.find(title)?;
        prefixed_name_before(text, 0, to, &prefixes).map(|(n, _)| n)
    }

    #[test]
    fn a_prefixed_name_right_before_a_title_is_read_without_its_prefix() {
        let th = ["นาย", "นาง"];
        assert_eq!(name("กับนางมาเรีย ซิลวา รัฐมนตรี", "รัฐมนตรี", &th).as_deref(), Some("มาเรีย ซิลวา"));
        let lo = ["ທ່ານ", "ນາງ"];
        assert_eq!(name("ທ່ານ ນາງ ມາເຣຍ ຊິລວາ ລັດຖະມົນຕີ", "ລັດຖະມົນຕີ", &lo).as_deref(), Some("ມາເຣຍ ຊິລວາ"));
    }

    #[test]
    fn no_name_without_a_space_before_the_title_or_in_a_long_run_of_letters() {
        let th = ["นาย", "นาง"];
        assert_eq!(name("นายทองสะหวันได้กล่าวขอบคุณรัฐบาลไทย", "รัฐบาล", &th), None);
        assert_eq!(name("นายทองสะหวันได้กล่าวขอบคุณอย่างยิ่งต่อ รัฐบาลไทย", "รัฐบาล", &th), None);
        assert_eq!(name("นางมาเรีย ซิลวา รัฐมนตรี", "รัฐมนตรี", &[]), None);
    }
}
