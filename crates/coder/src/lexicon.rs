//! One multi-pattern automaton per language over every phrase the coder knows: state and
//! organisation names, titles, people, grammatical words and event triggers.

use rustc_hash::FxHashMap as HashMap;

use attache_actors::PhraseKind;
use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::pack::{Spellings, WordClass};
use crate::CoderError;

/// What a matched phrase denotes (a phrase may denote several things). Kept small (24
/// bytes): the lexicon holds one per phrase and meaning, about half a million in all.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A state or organisation.
    Actor {
        /// ISO alpha-3 or `IGO:` code.
        actor: Box<str>,
        /// Name, demonym, capital...
        kind: PhraseKind,
    },
    /// An office title.
    Title(Box<TitleEntry>),
    /// A person in the register.
    Person(usize),
    /// A grammatical word.
    Word(WordClass),
    /// Part `part` of trigger `trigger` of pattern `pattern`.
    Trigger {
        /// Pattern index.
        pattern: u32,
        /// Trigger index within the pattern.
        trigger: u32,
        /// Part index within the trigger.
        part: u16,
        /// How many parts the trigger has (gaps between them).
        parts: u16,
    },
}

/// What an office title's phrase denotes.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleEntry {
    /// PLOVER sector.
    pub sector: String,
    /// Role name.
    pub role: String,
    /// The state the title implies when the text names none.
    pub state: Option<String>,
}

/// A phrase found in a sentence key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset in the key.
    pub start: usize,
    /// Byte offset just past the match in the key.
    pub end: usize,
    /// Index of the phrase's entry list.
    pub phrase: u32,
}

/// The automaton of one language and what each phrase denotes.
pub struct Lexicon {
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// Every phrase's entries, phrase after phrase: phrase `id`'s are
    /// `entries[first[id]..first[id + 1]]`.
    entries: Vec<Entry>,
    /// Per entry: for short all-capital or capitalised phrases ("US", "Anh"), the form the
    /// original must show, so that "US" does not match the pronoun "us".
    forms: Vec<Option<Box<str>>>,
    /// Where each phrase's entries start in `entries`, and after the last phrase their end.
    first: Vec<u32>,
    word_boundaries: bool,
    /// Phrases written with a final `*`: they match the start of longer words (compounds).
    open_right: Vec<bool>,
    /// Endings that may follow a phrase inside its word (Korean particles: "외무상과" is
    /// "외무상" + "과"), normalised.
    suffixes: Vec<String>,
    /// Endings that may follow a person's name inside its word (the genitive "s" of "Mark
    /// Browns"), normalised.
    name_suffixes: Vec<String>,
    /// Per phrase: its value in the language's time lexicon ([`NOT_TIME`] for none). The
    /// time phrases ride on this automaton, so that one pass finds both; a phrase of the
    /// time lexicon alone has no entries.
    time_value: Vec<u32>,
    /// Every phrase's later trigger parts (part 1 on) as (pattern, trigger, part), sorted, phrase
    /// after phrase: phrase `id`'s are `later[later_first[id]..later_first[id + 1]]`. A gap
    /// trigger's later part is looked for among a sentence's hits, and a common word ("to", "of")
    /// is the later part of many triggers: a binary search there, not a scan of its entries.
    later: Vec<(u32, u32, u16)>,
    /// Where each phrase's later parts start in `later`, and after the last phrase their end.
    later_first: Vec<u32>,
    /// Trigger parts matched slot by slot instead of spelling by spelling (see [`Chain`]),
    /// by their first ids.
    chains: Vec<Chain>,
    /// The first id of a chain's spelling: every phrase of the automaton is below it.
    chain_base: u32,
    /// Per automaton phrase, where it may open a chain: (chain, slot, digit), phrase after
    /// phrase as in `later`; phrase `id`'s are `opens[opens_first[id]..opens_first[id + 1]]`.
    opens: Vec<ChainOpening>,
    /// Where each phrase's openings start in `opens`, and after the last phrase their end.
    opens_first: Vec<u32>,
    /// Per automaton phrase: it is an alternative of some chain's slot, so that its matches
    /// are kept for chains (with or without entries of its own).
    in_slot: Vec<bool>,
}

/// A trigger part with a product of brace groups ("{a,ont,avait} {,déjà,également}
/// {signé,paraphé} {un,l'} accord"), matched slot by slot: the automaton holds each slot's
/// alternatives instead of every spelling, and a match of one alternative of each slot in a
/// row, a space apart, is a match of the spelling they make. Each spelling keeps an id of its
/// own, as when every spelling was a phrase of the automaton: spelling k chooses in each
/// slot the alternative of k's digit there (mixed radix, the first slot lowest).
struct Chain {
    /// The id of the spelling of digits all 0.
    first_id: u32,
    /// How many spellings (ids) the chain has.
    count: u32,
    /// What every spelling denotes (one trigger part).
    entry: Entry,
    /// The slots in order.
    slots: Vec<ChainSlot>,
    /// The offsets (id − `first_id`) of spellings that are phrases of the automaton instead,
    /// sorted: another phrase's spelling too.
    excluded: Vec<u32>,
    /// The spellings match the start of longer words (written with a final `*`).
    open: bool,
    /// The first slot from which every slot may be left out (the number of slots when the
    /// last may not).
    optional_from: u16,
}

/// Where a phrase may open a chain: (chain, slot, the phrase's digit there).
type ChainOpening = (u32, u16, u32);

/// One slot of a [`Chain`].
struct ChainSlot {
    /// The automaton phrases of its alternatives with their digits, by phrase.
    alternatives: Vec<(u32, u32)>,
    /// The slot may be left out, as digit `empty_digit`.
    optional: bool,
    /// The digit of leaving the slot out (the number of its alternatives).
    empty_digit: u32,
    /// The id step of one unit of this slot's digit.
    stride: u32,
}

impl ChainSlot {
    /// The digit of automaton phrase `id` in this slot.
    fn digit(&self, id: u32) -> Option<u32> {
        self.alternatives.binary_search_by_key(&id, |&(p, _)| p).ok().map(|i| self.alternatives[i].1)
    }
}

/// Most spellings one chain may number.
const MAX_CHAIN_SPELLINGS: u32 = 1 << 24;

/// The automaton's phrases as they are added, and what each denotes.
#[derive(Default)]
struct KeyTable {
    /// Phrase key → id.
    index: HashMap<String, u32>,
    /// Each spelling's id (None: its key is empty), so that a word recurring in many
    /// combinations of a trigger's alternatives is normalised and looked up once.
    spelling_ids: HashMap<String, Option<u32>>,
    /// Per id: the phrase matches the start of longer words.
    open_right: Vec<bool>,
    /// Per id: its value in the time lexicon.
    time_value: Vec<u32>,
    /// Every (phrase id, entry, case form) in the order given.
    found: Vec<(u32, Entry, Option<Box<str>>)>,
}

impl KeyTable {
    /// The id of normalised `key`, a new one for a new key.
    fn id_of(&mut self, key: String) -> u32 {
        let n = self.time_value.len() as u32;
        let id = *self.index.entry(key).or_insert(n);
        if id == n {
            self.open_right.push(false);
            self.time_value.push(NOT_TIME);
        }
        id
    }

    /// The id of `phrase` as written (a trailing `*` left off); None when its key is empty.
    fn spelling_id(&mut self, phrase: &str) -> Option<u32> {
        let phrase = phrase.trim_end_matches('*');
        if let Some(&id) = self.spelling_ids.get(phrase) {
            return id;
        }
        let key = attache_text::normalize_key(phrase);
        let id = (!key.is_empty()).then(|| self.id_of(key));
        self.spelling_ids.insert(phrase.to_string(), id);
        id
    }

    /// Add `phrase` denoting `entry`: a final `*` lets it match the start of longer words.
    fn add(&mut self, phrase: String, entry: Entry) {
        let written = phrase.trim_end_matches('*');
        let form =
            (needs_exact_case(written) || capitalised_place_name(written, &entry)).then(|| Box::<str>::from(written));
        let Some(id) = self.spelling_id(&phrase) else { return };
        if phrase.ends_with('*') {
            self.open_right[id as usize] = true;
        }
        self.found.push((id, entry, form));
    }

    /// The slots of a chain (normalised alternatives, "" for leaving a slot out) with their
    /// alternatives numbered as phrases.
    fn number_slots(&mut self, slots: Vec<Vec<String>>) -> Vec<ChainSlot> {
        let strides = slot_strides(&slots);
        let mut out = Vec::with_capacity(slots.len());
        for (slot, (stride, empty_digit)) in slots.into_iter().zip(strides) {
            let optional = slot.iter().any(String::is_empty);
            let mut alternatives: Vec<(u32, u32)> = Vec::with_capacity(slot.len());
            for alt in slot.into_iter().filter(|a| !a.is_empty()) {
                let digit = alternatives.len() as u32;
                alternatives.push((self.id_of(alt), digit));
            }
            alternatives.sort_unstable();
            out.push(ChainSlot { alternatives, optional, empty_digit, stride });
        }
        out
    }
}

/// A chain slot's digit for leaving it out (the number of its non-empty alternatives) and its
/// radix (one more when it may be left out).
fn slot_radix(slot: &[String]) -> (u32, u32) {
    let empty_digit = slot.iter().filter(|a| !a.is_empty()).count() as u32;
    (empty_digit, empty_digit + u32::from(slot.iter().any(String::is_empty)))
}

/// The normalised slots of a trigger part worth matching as a [`Chain`], and whether its
/// spellings match the start of longer words (its last slot's alternatives all end in `*`):
/// two slots or more whose spellings outnumber their alternatives, every alternative plain (it
/// begins with a letter or digit and ends with one or an apostrophe, needs no case, and holds
/// no brace, star or quotation mark). None for a part to hold as phrases. Slots join with a
/// space, or with nothing in a language written without spaces (`word_boundaries` false).
fn chain_slots(spellings: &Spellings, word_boundaries: bool) -> Option<(Vec<Vec<String>>, bool)> {
    let mut slots = spellings.slots(!word_boundaries)?;
    let alternatives: usize = slots.iter().map(Vec::len).sum();
    if spellings.count() <= alternatives {
        return None;
    }
    // (the spellings are numbered by ids of their own: a bounded number)
    slots.iter().try_fold(1u32, |n, slot| n.checked_mul(slot_radix(slot).1).filter(|&n| n < MAX_CHAIN_SPELLINGS))?;
    let open = slots.last().is_some_and(|last| last.iter().all(|a| a.ends_with('*')));
    if open {
        for a in slots.last_mut().into_iter().flatten() {
            a.truncate(a.trim_end_matches('*').len());
        }
    }
    let plain = |a: &String| {
        a.is_empty()
            || (a.chars().next().is_some_and(char::is_alphanumeric)
                && a.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’')
                && !a.chars().any(|c| c.is_uppercase() || matches!(c, '{' | '}' | '*' | '"')))
    };
    if !slots.iter().flatten().all(plain) {
        return None;
    }
    let mut out: Vec<Vec<String>> = Vec::with_capacity(slots.len());
    for slot in &slots {
        let keys: Vec<String> = slot.iter().map(|a| attache_text::normalize_key(a)).collect();
        // a key that normalising changed at its edges might not join as the text does
        if keys.iter().any(|k| k.starts_with(' ') || k.ends_with(' ')) {
            return None;
        }
        out.push(keys);
    }
    Some((out, open))
}

/// For a test: the keys of a trigger part's spellings as its chain would spell them, and as
/// normalising each spelling gives them (None when the part would be no chain).
#[cfg(test)]
pub(crate) fn chain_and_phrase_keys(
    spellings: &Spellings,
    word_boundaries: bool,
) -> Option<(std::collections::BTreeSet<String>, std::collections::BTreeSet<String>)> {
    let (slots, _) = chain_slots(spellings, word_boundaries)?;
    let mut chained = std::collections::BTreeSet::new();
    let joiner = if word_boundaries { " " } else { "" };
    each_spelling(&slots, joiner, &mut |_, offset| {
        chained.insert(spelling_text(&slots, joiner, offset));
    });
    let phrases = spellings
        .expand()
        .iter()
        .map(|w| attache_text::normalize_key(w.trim_end_matches('*')))
        .filter(|k| !k.is_empty())
        .collect();
    Some((chained, phrases))
}

/// Where each automaton phrase may open a chain, as [`Lexicon`]'s (`opens`, `opens_first`,
/// `in_slot`) over `phrases` phrases: an alternative of a chain's first slot, or of a later
/// one when every slot before it may be left out.
fn index_chain_openings(chains: &[Chain], phrases: usize) -> (Vec<ChainOpening>, Vec<u32>, Vec<bool>) {
    let mut in_slot = vec![false; phrases];
    let mut all: Vec<(u32, u32, u16, u32)> = Vec::new();
    for (c, chain) in chains.iter().enumerate() {
        let mut opening = true;
        for (i, slot) in chain.slots.iter().enumerate() {
            for &(id, digit) in &slot.alternatives {
                in_slot[id as usize] = true;
                if opening {
                    all.push((id, c as u32, i as u16, digit));
                }
            }
            opening &= slot.optional;
        }
    }
    all.sort_unstable();
    let mut first = Vec::with_capacity(phrases + 1);
    let mut k = 0;
    for id in 0..phrases as u32 {
        first.push(k as u32);
        while all.get(k).is_some_and(|o| o.0 == id) {
            k += 1;
        }
    }
    first.push(k as u32);
    (all.into_iter().map(|(_, c, i, d)| (c, i, d)).collect(), first, in_slot)
}

/// FNV-1a over `bytes`, continuing from `state`: the hash of a text is the same whether it is
/// hashed whole or piece after piece, so that a chain's spellings are hashed without being
/// written out.
fn fnv(mut state: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        state ^= u64::from(b);
        state = state.wrapping_mul(0x0000_0100_0000_01b3);
    }
    state
}

/// The FNV-1a offset basis.
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Calls `each` with every spelling of `slots` (normalised alternatives, "" for leaving a slot
/// out) as (hash, id offset in its chain): one alternative of each slot, joined by `joiner`
/// (its text is [`spelling_text`]). The offset numbers a slot's alternatives as [`ChainSlot`]
/// does: the non-empty ones in order, then leaving the slot out.
fn each_spelling(slots: &[Vec<String>], joiner: &str, each: &mut impl FnMut(u64, u32)) {
    #[allow(clippy::too_many_arguments)]
    fn visit(
        slots: &[Vec<String>],
        strides: &[(u32, u32)],
        joiner: &[u8],
        i: usize,
        state: u64,
        written: bool,
        offset: u32,
        each: &mut impl FnMut(u64, u32),
    ) {
        let Some(slot) = slots.get(i) else {
            if written {
                each(state, offset);
            }
            return;
        };
        let (stride, empty_digit) = strides[i];
        let mut digit = 0;
        for alt in slot {
            if alt.is_empty() {
                visit(slots, strides, joiner, i + 1, state, written, offset + empty_digit * stride, each);
                continue;
            }
            let state = if written { fnv(state, joiner) } else { state };
            visit(slots, strides, joiner, i + 1, fnv(state, alt.as_bytes()), true, offset + digit * stride, each);
            digit += 1;
        }
    }
    let strides = slot_strides(slots);
    visit(slots, &strides, joiner.as_bytes(), 0, FNV_START, false, 0, each);
}

/// Each slot's id stride (the product of the radices, alternatives and one for leaving the
/// slot out, of the slots before it) and the digit of leaving it out.
fn slot_strides(slots: &[Vec<String>]) -> Vec<(u32, u32)> {
    let mut strides = Vec::with_capacity(slots.len());
    let mut stride = 1u32;
    for slot in slots {
        let (empty_digit, radix) = slot_radix(slot);
        strides.push((stride, empty_digit));
        stride = stride.saturating_mul(radix);
    }
    strides
}

/// The text of the spelling of `slots` at id offset `offset` (see [`each_spelling`]).
fn spelling_text(slots: &[Vec<String>], joiner: &str, offset: u32) -> String {
    let mut text = String::new();
    let mut rest = offset;
    for slot in slots {
        let non_empty: Vec<&String> = slot.iter().filter(|a| !a.is_empty()).collect();
        let radix = slot_radix(slot).1;
        let digit = rest % radix.max(1);
        rest /= radix.max(1);
        if let Some(alt) = non_empty.get(digit as usize) {
            if !text.is_empty() {
                text.push_str(joiner);
            }
            text.push_str(alt);
        }
    }
    text
}

/// Every phrase's later trigger parts, sorted, as ([`Lexicon`]'s `later`, `later_first`).
fn index_later_parts(entries: &[Entry], first: &[u32]) -> (Vec<(u32, u32, u16)>, Vec<u32>) {
    let mut later = Vec::new();
    let mut later_first = Vec::with_capacity(first.len());
    for w in first.windows(2) {
        let own = later.len();
        later_first.push(own as u32);
        for e in entries.get(w[0] as usize..w[1] as usize).unwrap_or(&[]) {
            if let Entry::Trigger { pattern, trigger, part, .. } = e {
                if *part > 0 {
                    later.push((*pattern, *trigger, *part));
                }
            }
        }
        later[own..].sort_unstable();
    }
    later_first.push(later.len() as u32);
    later.shrink_to_fit();
    (later, later_first)
}

/// [`Lexicon`]'s `time_value` of a phrase that is no time phrase.
const NOT_TIME: u32 = u32::MAX;

/// True for phrases short enough to collide with ordinary words unless their case is
/// kept: acronyms ("US", "UN") and capitalised one-word names ("Anh", "Ý", "Chad").
fn needs_exact_case(phrase: &str) -> bool {
    // both kinds begin with a capital: most phrases (lower case, or a script without case)
    // are decided by their first letter
    let mut letters = phrase.chars().filter(|c| c.is_alphabetic());
    if !letters.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (mut count, mut all_upper) = (1usize, true);
    for c in letters {
        count += 1;
        all_upper &= c.is_uppercase();
        if count > 4 {
            return false;
        }
    }
    all_upper || !phrase.contains(' ')
}

/// True for a state's or capital's name of one capitalised word ("Réunion", "Turkey",
/// "Chad"): written in lower case it is an ordinary word ("reunión", "turkey").
fn capitalised_place_name(phrase: &str, entry: &Entry) -> bool {
    let place = matches!(entry, Entry::Actor { kind: PhraseKind::Name | PhraseKind::Capital, .. });
    place && !phrase.contains(char::is_whitespace) && phrase.chars().next().is_some_and(char::is_uppercase)
}

/// True when `original` shows `form` with the case it needs: acronyms letter for letter,
/// capitalised names with their capital.
pub fn case_matches(form: &str, original: &str) -> bool {
    let acronym = form.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
    if acronym {
        original == form
    } else {
        original.chars().next().is_some_and(|c| c.is_uppercase())
    }
}

/// The entries of `found` (phrase id, entry, case form) grouped by phrase, in the order
/// given within each phrase, as (entries, forms, first) for [`Lexicon`] over `phrases`
/// phrases. An entry a phrase already has is left out; one spelling of it without a case
/// requirement lifts the requirement.
fn group_by_phrase(
    found: Vec<(u32, Entry, Option<Box<str>>)>,
    phrases: usize,
) -> (Vec<Entry>, Vec<Option<Box<str>>>, Vec<u32>) {
    // a counting sort: where each phrase's entries go, then each entry in its place
    let mut next = vec![0usize; phrases + 1];
    for (id, _, _) in &found {
        next[*id as usize + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let starts = next.clone();
    let mut slots: Vec<Option<(Entry, Option<Box<str>>)>> = Vec::with_capacity(found.len());
    slots.resize_with(found.len(), || None);
    for (id, entry, form) in found {
        let slot = &mut next[id as usize];
        slots[*slot] = Some((entry, form));
        *slot += 1;
    }
    let mut entries: Vec<Entry> = Vec::with_capacity(slots.len());
    let mut forms: Vec<Option<Box<str>>> = Vec::with_capacity(slots.len());
    let mut first = Vec::with_capacity(phrases + 1);
    for w in starts.windows(2) {
        let own = entries.len();
        first.push(own as u32);
        for (entry, form) in slots[w[0]..w[1]].iter_mut().filter_map(Option::take) {
            // (a trigger part is one of a kind: pattern, combination and part differ from any
            // other entry, so it needs no search among the phrase's entries, which for a word
            // that starts many combinations are many)
            let seen = if matches!(entry, Entry::Trigger { .. }) {
                None
            } else {
                entries[own..].iter().position(|e| *e == entry)
            };
            match seen {
                Some(i) if form.is_none() => forms[own + i] = None,
                Some(_) => {}
                None => {
                    entries.push(entry);
                    forms.push(form);
                }
            }
        }
    }
    first.push(entries.len() as u32);
    entries.shrink_to_fit();
    forms.shrink_to_fit();
    (entries, forms, first)
}

impl Lexicon {
    /// Build from (phrase, entry) pairs; phrases are normalised like sentence keys.
    #[cfg(test)]
    pub fn build(phrases: Vec<(String, Entry)>, word_boundaries: bool) -> Result<Self, CoderError> {
        Self::build_with_time(phrases, Vec::new(), word_boundaries, Vec::new(), None)
    }

    /// [`Self::build_with_time`] with every trigger part's spellings held as phrases, none
    /// as a chain: what chains must match exactly as.
    #[cfg(test)]
    pub fn build_expanded(
        phrases: Vec<(String, Entry)>,
        trigger_parts: Vec<(Spellings, Entry)>,
        word_boundaries: bool,
        time_phrases: Vec<(String, u32)>,
    ) -> Result<Self, CoderError> {
        let literal = trigger_parts
            .into_iter()
            .flat_map(|(s, e)| s.expand().into_iter().map(move |w| (Spellings::literal(&w), e.clone())))
            .collect();
        Self::build_with_time(phrases, literal, word_boundaries, time_phrases, None)
    }

    /// [`Self::build`], with the triggers' parts after the phrases (each part's spellings and
    /// its entry), and the time lexicon's normalised phrases and their values
    /// (`attache_time::TimeParser::phrase_keys`) in the same automaton:
    /// [`Self::find_all_and_time`] reports their matches. With `cache` = (directory, name),
    /// the automaton is read from a previous run's file when one holds the same phrases.
    ///
    /// A trigger part whose brace groups make many spellings becomes a [`Chain`] when none of
    /// its spellings is any other phrase's (nor another of its own): it then matches exactly
    /// where its spellings as phrases would, with the same boundaries and one id per spelling.
    pub fn build_with_time(
        phrases: Vec<(String, Entry)>,
        trigger_parts: Vec<(Spellings, Entry)>,
        word_boundaries: bool,
        time_phrases: Vec<(String, u32)>,
        cache: Option<(&std::path::Path, &str)>,
    ) -> Result<Self, CoderError> {
        let mut keys = KeyTable::default();
        for (phrase, entry) in phrases {
            keys.add(phrase, entry);
        }
        // the trigger parts that may become chains, with their slots normalised; the others'
        // spellings are numbered first, so that a chain is checked against them
        let chain_slots: Vec<Option<(Vec<Vec<String>>, bool)>> =
            trigger_parts.iter().map(|(spellings, _)| chain_slots(spellings, word_boundaries)).collect();
        let joiner = if word_boundaries { " " } else { "" };
        for ((spellings, _), slots) in trigger_parts.iter().zip(&chain_slots) {
            if slots.is_none() {
                for w in spellings.expand() {
                    keys.spelling_id(&w);
                }
            }
        }
        // a chain's spelling that is any other phrase (of the automaton, of the time lexicon,
        // of another chain, or another spelling of its own) makes the chain phrases instead
        let mut taken: rustc_hash::FxHashSet<u64> = keys.index.keys().map(|k| fnv(FNV_START, k.as_bytes())).collect();
        taken.extend(time_phrases.iter().map(|(k, _)| fnv(FNV_START, k.as_bytes())));
        let mut spelled: HashMap<u64, u32> = HashMap::default();
        for (slots, _) in chain_slots.iter().flatten() {
            each_spelling(slots, joiner, &mut |h, _| *spelled.entry(h).or_insert(0) += 1);
        }
        let mut chains: Vec<Chain> = Vec::new();
        for ((spellings, entry), slots) in trigger_parts.into_iter().zip(chain_slots) {
            if let Some((slots, open)) = slots {
                // a spelling that is another phrase's too is that phrase (as when every
                // spelling was one): it is left out of the chain and joins the automaton;
                // a chain spelling one text twice, or mostly other phrases, is phrases
                let (mut own, mut twice, mut shared) = (rustc_hash::FxHashSet::default(), false, Vec::new());
                each_spelling(&slots, joiner, &mut |h, offset| {
                    twice |= !own.insert(h);
                    if taken.contains(&h) || spelled.get(&h).is_some_and(|&n| n > 1) {
                        shared.push(offset);
                    }
                });
                if !twice && shared.len() * 2 < own.len() {
                    let shared: Vec<(u32, String)> =
                        shared.into_iter().map(|offset| (offset, spelling_text(&slots, joiner, offset))).collect();
                    let chain_slots = keys.number_slots(slots);
                    let mut excluded = Vec::with_capacity(shared.len());
                    for (offset, key) in shared {
                        let id = keys.id_of(key);
                        keys.open_right[id as usize] |= open;
                        keys.found.push((id, entry.clone(), None));
                        excluded.push(offset);
                    }
                    excluded.sort_unstable();
                    let optional_from = chain_slots.iter().rposition(|s| !s.optional).map_or(0, |i| i + 1) as u16;
                    chains.push(Chain {
                        first_id: 0,
                        count: 0,
                        entry,
                        slots: chain_slots,
                        excluded,
                        open,
                        optional_from,
                    });
                    continue;
                }
            }
            for w in spellings.expand() {
                keys.add(w, entry.clone());
            }
        }
        let KeyTable { mut index, mut open_right, mut time_value, found, .. } = keys;
        let mut id_of = |key: String, open_right: &mut Vec<bool>, time_value: &mut Vec<u32>| {
            *index.entry(key).or_insert_with(|| {
                open_right.push(false);
                time_value.push(NOT_TIME);
                (time_value.len() - 1) as u32
            })
        };
        for (key, value) in time_phrases {
            if key.is_empty() {
                continue;
            }
            let id = id_of(key, &mut open_right, &mut time_value);
            time_value[id as usize] = value;
        }
        // the chains' spellings are numbered after the automaton's phrases
        let chain_base = time_value.len() as u32;
        let mut next_id = u64::from(chain_base);
        for c in &mut chains {
            c.first_id = next_id as u32;
            c.count = c.slots.last().map_or(1, |s| s.stride * (s.empty_digit + u32::from(s.optional)));
            next_id += u64::from(c.count);
        }
        if next_id >= u64::from(u32::MAX / 2) {
            return Err(CoderError::Automaton(format!("{next_id} phrases are more than a lexicon can number")));
        }
        let (opens, opens_first, in_slot) = index_chain_openings(&chains, time_value.len());
        let (entries, forms, first) = group_by_phrase(found, time_value.len());
        let automaton = if index.is_empty() {
            None
        } else {
            Some(crate::automaton_cache::build_or_read(index.iter().map(|(k, v)| (k.as_str(), *v)).collect(), cache)?)
        };
        let (later, later_first) = index_later_parts(&entries, &first);
        Ok(Self {
            automaton,
            entries,
            forms,
            first,
            word_boundaries,
            open_right,
            suffixes: Vec::new(),
            name_suffixes: Vec::new(),
            time_value,
            later,
            later_first,
            chains,
            chain_base,
            opens,
            opens_first,
            in_slot,
        })
    }

    /// The same lexicon, where a phrase followed by one of `suffixes` up to the end of its
    /// word still ends on a word boundary ("외무상과" holds "외무상").
    pub fn with_suffixes(mut self, suffixes: Vec<String>) -> Self {
        self.suffixes =
            suffixes.into_iter().map(|s| attache_text::normalize_key(&s)).filter(|s| !s.is_empty()).collect();
        self
    }

    /// The same lexicon, where a person's name followed by one of `suffixes` up to the end of
    /// its word still ends on a word boundary ("mark browns" holds "mark brown").
    pub fn with_name_suffixes(mut self, suffixes: Vec<String>) -> Self {
        self.name_suffixes =
            suffixes.into_iter().map(|s| attache_text::normalize_key(&s)).filter(|s| !s.is_empty()).collect();
        self
    }

    /// True when the rest of the word after `end` is one of the language's suffixes.
    fn suffix_follows(&self, key: &str, end: usize) -> bool {
        !self.suffixes.is_empty() && self.suffixes.iter().any(|s| s == word_rest(key, end))
    }

    /// True when phrase `id` names a person by more than one word and the rest of its word
    /// after `end` is one of the language's name suffixes (a one-word name may be a common
    /// word: "Frieden" in "Friedens- und Sicherheitsrat").
    fn name_suffix_follows(&self, key: &str, start: usize, end: usize, id: u32) -> bool {
        !self.name_suffixes.is_empty()
            && key.get(start..end).is_some_and(|p| p.contains(' '))
            && self.name_suffixes.iter().any(|s| s == word_rest(key, end))
            && self.entries(id).iter().any(|e| matches!(e, Entry::Person(_)))
    }

    /// True when phrase `id` is part `part` (1 or more) of trigger `trigger` of `pattern`.
    pub fn is_later_part(&self, id: u32, pattern: u32, trigger: u32, part: u16) -> bool {
        if let Some(chain) = self.chain_of(id) {
            return part > 0
                && matches!(chain.entry, Entry::Trigger { pattern: p, trigger: t, part: q, .. } if (p, t, q) == (pattern, trigger, part));
        }
        let id = id as usize;
        match (self.later_first.get(id), self.later_first.get(id + 1)) {
            (Some(&a), Some(&b)) => self
                .later
                .get(a as usize..b as usize)
                .is_some_and(|parts| parts.binary_search(&(pattern, trigger, part)).is_ok()),
            _ => false,
        }
    }

    /// What phrase `id` denotes, every entry regardless of case.
    pub fn entries(&self, id: u32) -> &[Entry] {
        if let Some(chain) = self.chain_of(id) {
            return std::slice::from_ref(&chain.entry);
        }
        self.entries.get(self.span(id)).unwrap_or(&[])
    }

    /// The chain whose spelling phrase `id` is (none for a phrase of the automaton).
    fn chain_of(&self, id: u32) -> Option<&Chain> {
        if id < self.chain_base {
            return None;
        }
        let i = self.chains.partition_point(|c| c.first_id <= id).checked_sub(1)?;
        self.chains.get(i).filter(|c| id - c.first_id < c.count)
    }

    /// Where phrase `id`'s entries lie in `entries` and `forms` (empty for an unknown id).
    fn span(&self, id: u32) -> std::ops::Range<usize> {
        let id = id as usize;
        match (self.first.get(id), self.first.get(id + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// True when some entry of phrase `id` needs its capitals in the original text.
    pub fn needs_case(&self, id: u32) -> bool {
        id < self.chain_base && self.forms.get(self.span(id)).is_some_and(|forms| forms.iter().any(Option::is_some))
    }

    /// What phrase `id` denotes where the original text reads `original`: entries that
    /// need their capitals are left out when the text lacks them.
    pub fn entries_for(&self, id: u32, original: &str) -> Vec<&Entry> {
        if let Some(chain) = self.chain_of(id) {
            return vec![&chain.entry];
        }
        let span = self.span(id);
        let (Some(list), Some(forms)) = (self.entries.get(span.clone()), self.forms.get(span)) else {
            return Vec::new();
        };
        list.iter()
            .zip(forms)
            .filter(|(_, f)| f.as_deref().is_none_or(|f| case_matches(f, original)))
            .map(|(e, _)| e)
            .collect()
    }

    /// Every match in `key` (overlapping), keeping only those on word boundaries where the
    /// language has them.
    pub fn find_all(&self, key: &str) -> Vec<Hit> {
        self.find_all_and_time(key, &mut Vec::new())
    }

    /// [`Self::find_all`], and every overlapping match of a time phrase pushed onto
    /// `time_hits` as (start, value in the time lexicon), with no boundary check.
    pub fn find_all_and_time(&self, key: &str, time_hits: &mut Vec<(usize, u32)>) -> Vec<Hit> {
        let Some(a) = &self.automaton else { return Vec::new() };
        // (about one hit for every four bytes of news text: most sentences then grow nothing)
        let mut out = Vec::with_capacity(key.len() / 4 + 4);
        // matches of chains' slots, for the chains (see [`Chain`])
        let mut slot_hits: Vec<Hit> =
            if self.chains.is_empty() { Vec::new() } else { Vec::with_capacity(key.len() / 8 + 4) };
        for m in a.find_overlapping_iter(key) {
            let (start, end) = (m.start(), m.end());
            let id = m.value() as usize;
            let in_slot = self.in_slot.get(id).copied().unwrap_or(false);
            if in_slot {
                slot_hits.push(Hit { start, end, phrase: m.value() });
            }
            match self.time_value.get(id) {
                Some(&NOT_TIME) | None => {}
                Some(&value) => {
                    time_hits.push((start, value));
                    if self.entries(m.value()).is_empty() {
                        continue;
                    }
                }
            }
            if in_slot && self.entries(m.value()).is_empty() {
                continue;
            }
            if !self.word_boundaries {
                // without spaces, a katakana or Latin run is still one word
                if !(katakana_word_whole(key, start, end) && ascii_word_whole(key, start, end)) {
                    continue;
                }
            } else {
                // most overlapping matches start inside a Latin word: an ASCII letter or digit
                // on both sides of the start fails every boundary test below
                let bytes = key.as_bytes();
                if start > 0 && bytes[start - 1].is_ascii_alphanumeric() && bytes[start].is_ascii_alphanumeric() {
                    continue;
                }
                let open = self.open_right.get(m.value() as usize).copied().unwrap_or(false);
                let ok = if open {
                    on_left_boundary(key, start)
                } else {
                    on_boundaries(key, start, end)
                        || (on_left_boundary(key, start)
                            && (self.suffix_follows(key, end) || self.name_suffix_follows(key, start, end, m.value())))
                };
                if !ok {
                    continue;
                }
            }
            out.push(Hit { start, end, phrase: m.value() });
        }
        if !slot_hits.is_empty() {
            let mut chained = Vec::new();
            self.find_chains(key, &mut slot_hits, &mut chained);
            // each in the automaton's order: by end, and at one end the longest first
            for h in chained {
                let at = out.partition_point(|o| (o.end, o.start) < (h.end, h.start));
                out.insert(at, h);
            }
        }
        out
    }

    /// Push onto `out` every chain spelling that `slot_hits` (matches of chains' slots) make
    /// in `key`, with the boundaries its spelling would need as a phrase.
    fn find_chains(&self, key: &str, slot_hits: &mut [Hit], out: &mut Vec<Hit>) {
        slot_hits.sort_unstable_by_key(|h| (h.start, h.end, h.phrase));
        let slot_hits: &[Hit] = slot_hits;
        for h in slot_hits {
            let id = h.phrase as usize;
            let (Some(&a), Some(&b)) = (self.opens_first.get(id), self.opens_first.get(id + 1)) else { continue };
            if a == b {
                continue;
            }
            // whether any slot's match follows: most openings need one
            let next = if self.word_boundaries {
                (key.as_bytes().get(h.end) == Some(&b' ')).then_some(h.end + 1)
            } else {
                Some(h.end)
            };
            let followed = next.is_some_and(|n| {
                slot_hits.get(slot_hits.partition_point(|o| o.start < n)).is_some_and(|o| o.start == n)
            });
            for &(c, slot, digit) in self.opens.get(a as usize..b as usize).unwrap_or(&[]) {
                let Some(chain) = self.chains.get(c as usize) else { continue };
                if !followed && usize::from(slot) + 1 < usize::from(chain.optional_from) {
                    continue;
                }
                // the slots before `slot` are left out
                let skipped: u32 = chain.slots[..slot as usize].iter().map(|s| s.empty_digit * s.stride).sum();
                let value = chain.first_id + skipped + digit * chain.slots[slot as usize].stride;
                self.follow_chain(key, slot_hits, chain, slot as usize + 1, (h.start, h.end), value, out);
            }
        }
    }

    /// Continue a chain whose slots before `slot` span `span` with spelling id `value` so far.
    #[allow(clippy::too_many_arguments)]
    fn follow_chain(
        &self,
        key: &str,
        slot_hits: &[Hit],
        chain: &Chain,
        slot: usize,
        span: (usize, usize),
        value: u32,
        out: &mut Vec<Hit>,
    ) {
        let (start, end) = span;
        let Some(s) = chain.slots.get(slot) else {
            // the boundaries `find_all_and_time` asks of a phrase
            let bounded = if !self.word_boundaries {
                katakana_word_whole(key, start, end) && ascii_word_whole(key, start, end)
            } else {
                let bytes = key.as_bytes();
                let inside_word =
                    start > 0 && bytes[start - 1].is_ascii_alphanumeric() && bytes[start].is_ascii_alphanumeric();
                !inside_word
                    && if chain.open {
                        on_left_boundary(key, start)
                    } else {
                        on_boundaries(key, start, end)
                            || (on_left_boundary(key, start)
                                && (self.suffix_follows(key, end) || self.name_suffix_follows(key, start, end, value)))
                    }
            };
            if bounded && chain.excluded.binary_search(&(value - chain.first_id)).is_err() {
                out.push(Hit { start, end, phrase: value });
            }
            return;
        };
        if s.optional {
            self.follow_chain(key, slot_hits, chain, slot + 1, span, value + s.empty_digit * s.stride, out);
        }
        // the next slot right after, a space apart where words are
        let next = if self.word_boundaries {
            if key.as_bytes().get(end) != Some(&b' ') {
                return;
            }
            end + 1
        } else {
            end
        };
        let from = slot_hits.partition_point(|h| h.start < next);
        for h in slot_hits[from..].iter().take_while(|h| h.start == next) {
            if let Some(digit) = s.digit(h.phrase) {
                self.follow_chain(key, slot_hits, chain, slot + 1, (start, h.end), value + digit * s.stride, out);
            }
        }
    }
}

impl Lexicon {
    /// Number of distinct phrases.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        // (an alternative of a chain's slot alone is no phrase: its spellings are)
        let slots_alone = (0..self.time_value.len() as u32)
            .filter(|&id| {
                self.in_slot[id as usize] && self.time_value[id as usize] == NOT_TIME && self.entries(id).is_empty()
            })
            .count();
        let chained: usize = self.chains.iter().map(|c| c.count as usize - c.excluded.len()).sum();
        self.time_value.len() - slots_alone + chained
    }

    /// Number of trigger parts matched as chains.
    #[cfg(test)]
    pub fn chain_count(&self) -> usize {
        self.chains.len()
    }

    /// Number of overlapping matches in `text`, with no boundary checks or selection.
    pub fn count_matches(&self, text: &str) -> usize {
        self.automaton.as_ref().map_or(0, |a| a.find_overlapping_iter(text).count())
    }
}

/// The rest of the word `key` is inside at `end` (empty at a word boundary).
fn word_rest(key: &str, end: usize) -> &str {
    let rest = key.get(end..).unwrap_or("");
    let len = rest.find(|c: char| !attache_text::is_word_char(c)).unwrap_or(rest.len());
    &rest[..len]
}

/// True when `[start, end)` of `key` neither starts nor ends inside a word.
pub fn on_boundaries(key: &str, start: usize, end: usize) -> bool {
    // ASCII on both edges (most Latin text): letters and digits are the word characters, and
    // no ASCII character is of a script without spaces
    let bytes = key.as_bytes();
    let at = |i: Option<usize>| i.and_then(|i| bytes.get(i).copied());
    let edges = [
        at(start.checked_sub(1)),
        at((start < end).then_some(start)),
        at(end.checked_sub(1).filter(|_| start < end)),
        at(Some(end)),
    ];
    if edges.iter().all(|b| b.is_none_or(|b| b.is_ascii())) {
        let inner = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
        let [before, first, last, after] = edges;
        return !(inner(before) && inner(first) || inner(after) && inner(last));
    }
    let before = key[..start].chars().next_back();
    let after = key[end..].chars().next();
    let first = key[start..end].chars().next();
    let last = key[start..end].chars().next_back();
    let inner = |c: Option<char>| c.is_some_and(attache_text::is_word_char);
    let unspaced =
        |c: Option<char>| c.and_then(attache_text::char_script).is_some_and(|s| s != attache_text::Script::Hangul);
    // a boundary is needed only where both sides are word characters of a spaced script
    let left_ok = !(inner(before) && inner(first)) || unspaced(before) || unspaced(first);
    let right_ok = !(inner(after) && inner(last)) || unspaced(after) || unspaced(last);
    left_ok && right_ok
}

/// In text without spaces, a run of ASCII letters and digits is still one word (an acronym or
/// a Latin name): a phrase that begins or ends in one must not cut it ("OIC" is not in "KOICA").
pub fn ascii_word_whole(key: &str, start: usize, end: usize) -> bool {
    let bytes = key.as_bytes();
    let alnum = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let cut_left = start > 0 && alnum(start) && alnum(start - 1);
    let cut_right = end > start && alnum(end - 1) && alnum(end);
    !cut_left && !cut_right
}

/// In text without spaces, a run of katakana is one word (a loanword or a foreign name):
/// a phrase that begins or ends in katakana must not cut such a run ("マリ" is not in
/// "マリズ", "インド" is not in "インドネシア").
pub fn katakana_word_whole(key: &str, start: usize, end: usize) -> bool {
    let first = key[start..end].chars().next();
    let last = key[start..end].chars().next_back();
    let before = key[..start].chars().next_back();
    let after = key[end..].chars().next();
    let cut_left =
        first.is_some_and(attache_text::is_katakana_letter) && before.is_some_and(attache_text::is_katakana_letter);
    let cut_right =
        last.is_some_and(attache_text::is_katakana_letter) && after.is_some_and(attache_text::is_katakana_letter);
    !cut_left && !cut_right
}

/// True when `start` of `key` does not fall inside a word of a spaced script.
pub fn on_left_boundary(key: &str, start: usize) -> bool {
    let bytes = key.as_bytes();
    let (before, first) = (start.checked_sub(1).and_then(|i| bytes.get(i)), bytes.get(start));
    if before.is_none_or(u8::is_ascii) && first.is_none_or(u8::is_ascii) {
        return !(before.is_some_and(u8::is_ascii_alphanumeric) && first.is_some_and(u8::is_ascii_alphanumeric));
    }
    let before = key[..start].chars().next_back();
    let first = key[start..].chars().next();
    !(before.is_some_and(attache_text::is_word_char) && first.is_some_and(attache_text::is_word_char))
}

/// Non-overlapping hits, leftmost first and longest at each position.
pub fn select(mut hits: Vec<Hit>) -> Vec<Hit> {
    sort_for_select(&mut hits);
    select_sorted(&hits)
}

/// Order hits as [`select_sorted`] needs them: by start, the longest first.
pub fn sort_for_select(hits: &mut [Hit]) {
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
}

/// [`select`] for hits already in [`sort_for_select`]'s order, without taking them.
pub fn select_sorted(hits: &[Hit]) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for &h in hits {
        if let Some(last) = out.last() {
            if h.start < last.end {
                continue;
            }
        }
        out.push(h);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lex`'s hits in `text`'s key as (start, end, entries, the first hit of the same
    /// phrase), and its time hits.
    #[allow(clippy::type_complexity)]
    fn described(lex: &Lexicon, text: &str) -> (Vec<(usize, usize, Vec<Entry>, Option<usize>)>, Vec<(usize, u32)>) {
        let key = attache_text::normalize(text, 0).key;
        let mut times = Vec::new();
        let found = lex.find_all_and_time(&key, &mut times);
        let first_of = |id: u32| found.iter().position(|h| h.phrase == id);
        let hits = found.iter().map(|h| (h.start, h.end, lex.entries(h.phrase).to_vec(), first_of(h.phrase))).collect();
        (hits, times)
    }

    #[test]
    fn chains_match_exactly_where_their_spellings_would() {
        let part = |n: u16| Entry::Trigger { pattern: n as u32, trigger: 0, part: 0, parts: 1 };
        let parts = || {
            vec![
                (Spellings::new("{a,ont,avait} {,déjà,également} signé {un accord,une convention}"), part(0)),
                (Spellings::new("{,il} {se rendra,ira} {lundi,jeudi} {en,au}"), part(1)),
                // "a demandé à" is a word phrase too: that spelling is left to the phrase
                (Spellings::new("{a,ont,avait} demandé {à,aux,au}"), part(2)),
                // shares "ont demandé aux" with the part before, as phrases of its own
                (Spellings::new("{ont,avaient} demandé {aux,à la}"), part(5)),
                // every spelling another part's: phrases
                (Spellings::new("{a,ont} signé {un accord,une convention} {,enfin}"), part(6)),
                (Spellings::new("{a,ont} signé {un accord,une convention} {,enfin}"), part(7)),
                (Spellings::new("{rencontre,rencontrera} {le,la} {président,présidente}"), part(3)),
                (Spellings::new("talk{s,ed} with"), part(4)),
            ]
        };
        let words = || {
            vec![
                ("a demandé à".to_string(), Entry::Word(WordClass::With)),
                ("président".to_string(), Entry::Word(WordClass::And)),
            ]
        };
        let times = || vec![("jeudi".to_string(), 4), ("lundi".to_string(), 1)];
        let chained = Lexicon::build_with_time(words(), parts(), true, times(), None).unwrap();
        let expanded = Lexicon::build_expanded(words(), parts(), true, times()).unwrap();
        assert_eq!(chained.chain_count(), 4, "the parts with products, not mostly other phrases' spellings");
        assert_eq!(chained.chains.iter().map(|c| c.excluded.len()).collect::<Vec<_>>(), vec![4, 0, 2, 0]);
        assert_eq!(expanded.chain_count(), 0);
        assert_eq!(chained.len(), expanded.len());
        for text in [
            "Paris a déjà signé un accord, ont signé une convention et avait également signé un accord.",
            "Il se rendra jeudi au Japon ; ira lundi en France. Il ira mardi en Chine.",
            "Xa signé un accord. a signé une conventions. a  signé un accord",
            "Le pays a demandé à Rome ; ont demandé aux deux. Il rencontrera la présidente et rencontre le président.",
            "Il avait demandé au roi, a demandé aux juges et a demandé à ses pairs ; ils ont demandé aux autres.",
            "Ils ont signé une convention enfin, a signé un accord.",
            "talks with, talked with, talk with",
        ] {
            let (hits, _) = described(&chained, text);
            assert!(!hits.is_empty());
            assert_eq!(described(&chained, text), described(&expanded, text), "{text}");
        }
        let (hits, _) = described(&chained, "a signé un accord ont signé un accord a signé un accord");
        let firsts: Vec<Option<usize>> = hits.iter().map(|h| h.3).collect();
        assert_eq!(firsts, vec![Some(0), Some(1), Some(0)], "one id per spelling: {hits:?}");
    }

    #[test]
    fn later_trigger_parts_are_found_by_pattern_trigger_and_part() {
        let part = |pattern, trigger, part| Entry::Trigger { pattern, trigger, part, parts: 3 };
        let lex = Lexicon::build(
            vec![
                ("to".into(), part(7, 2, 1)),
                ("to".into(), part(3, 0, 2)),
                ("to".into(), Entry::Word(WordClass::Genitive)),
                ("urged".into(), part(7, 2, 0)),
            ],
            true,
        )
        .unwrap();
        let id = |w: &str| lex.find_all(w).first().map(|h| h.phrase).unwrap();
        assert!(lex.is_later_part(id("to"), 7, 2, 1) && lex.is_later_part(id("to"), 3, 0, 2));
        assert!(!lex.is_later_part(id("to"), 7, 2, 2) && !lex.is_later_part(id("to"), 3, 1, 2));
        // a first part is no later part
        assert!(!lex.is_later_part(id("urged"), 7, 2, 0));
    }

    #[test]
    fn an_acronym_is_no_part_of_a_longer_latin_word_in_text_without_spaces() {
        let lex = Lexicon::build(
            vec![("OIC".into(), Entry::Actor { actor: "IGO:OIC".into(), kind: PhraseKind::Name })],
            false,
        )
        .unwrap();
        assert!(lex.find_all("องค์การkoicaของเกาหลี").is_empty());
        assert_eq!(lex.find_all("องค์การoicประชุม").len(), 1);
    }

    #[test]
    fn finds_on_word_boundaries_only() {
        let lex = Lexicon::build(
            vec![
                ("Laos".into(), Entry::Actor { actor: "LAO".into(), kind: PhraseKind::Name }),
                ("Lao".into(), Entry::Actor { actor: "LAO".into(), kind: PhraseKind::Demonym }),
                ("held talks".into(), Entry::Word(WordClass::With)),
            ],
            true,
        )
        .unwrap();
        let key = "laos and the lao side held talks; laotian";
        let hits = select(lex.find_all(key));
        let found: Vec<&str> = hits.iter().map(|h| &key[h.start..h.end]).collect();
        assert_eq!(found, vec!["laos", "lao", "held talks"]);
    }

    #[test]
    fn one_word_state_names_need_their_capital() {
        let reunion = Entry::Actor { actor: "REU".into(), kind: PhraseKind::Name };
        let turkish = Entry::Actor { actor: "TUR".into(), kind: PhraseKind::Demonym };
        let lex =
            Lexicon::build(vec![("Réunion".into(), reunion.clone()), ("türkisch".into(), turkish)], true).unwrap();
        // "después de la reunión" is a meeting, not the island
        assert!(lex.entries_for(0, "reunión").is_empty());
        assert_eq!(lex.entries_for(0, "Réunion"), vec![&reunion]);
        // demonyms keep their lower case
        assert_eq!(lex.entries_for(1, "türkisch").len(), 1);
    }

    #[test]
    fn short_acronyms_need_their_case_per_entry() {
        let who = Entry::Actor { actor: "IGO:WHO".into(), kind: PhraseKind::Name };
        let lex = Lexicon::build(
            vec![("WHO".into(), who.clone()), ("who".into(), Entry::Word(WordClass::ClauseBreak))],
            true,
        )
        .unwrap();
        // regression: the lower-case clause word must not lift the acronym's case rule
        assert_eq!(lex.entries_for(0, "who"), vec![&Entry::Word(WordClass::ClauseBreak)]);
        assert_eq!(lex.entries_for(0, "WHO").len(), 2);
        assert!(lex.entries_for(0, "WHO").contains(&&who));
    }

    #[test]
    fn entries_stay_small() {
        // the lexicon holds about half a million entries: a variant that grows the enum past
        // 24 bytes costs megabytes (box its fields, as `Title` does)
        assert!(std::mem::size_of::<Entry>() <= 24, "{}", std::mem::size_of::<Entry>());
    }

    #[test]
    fn each_phrase_keeps_its_own_entries_in_order_without_repeats() {
        let laos = Entry::Actor { actor: "LAO".into(), kind: PhraseKind::Name };
        let trigger = |trigger| Entry::Trigger { pattern: 3, trigger, part: 0, parts: 2 };
        let lex = Lexicon::build(
            vec![
                ("Laos".into(), laos.clone()),
                ("met".into(), trigger(0)),
                ("LAOS".into(), laos.clone()),
                ("met".into(), trigger(1)),
                ("laos".into(), Entry::Word(WordClass::With)),
                ("met".into(), Entry::Word(WordClass::With)),
            ],
            true,
        )
        .unwrap();
        // phrase ids in order of first sight: "laos" 0, "met" 1
        assert_eq!(lex.entries(0), &[laos.clone(), Entry::Word(WordClass::With)]);
        assert_eq!(lex.entries(1), &[trigger(0), trigger(1), Entry::Word(WordClass::With)]);
        assert!(lex.entries(2).is_empty());
        // "Laos" needs its capital; its second spelling "LAOS" keeps that need
        assert_eq!(lex.entries_for(0, "laos"), vec![&Entry::Word(WordClass::With)]);
        assert_eq!(lex.entries_for(0, "Laos").len(), 2);
    }

    #[test]
    fn starred_phrases_match_compounds() {
        let lex = Lexicon::build(vec![("kondolanse*".into(), Entry::Word(WordClass::With))], true).unwrap();
        assert_eq!(lex.find_all("sendte kondolansetelegram til").len(), 1);
        assert_eq!(lex.find_all("sendte en kondolanse").len(), 1);
        assert!(lex.find_all("ukondolanse").is_empty());
    }

    #[test]
    fn a_listed_suffix_keeps_the_word_boundary() {
        let lex = Lexicon::build(vec![("외무상".into(), Entry::Word(WordClass::With))], true)
            .unwrap()
            .with_suffixes(vec!["과".into(), "은".into()]);
        assert_eq!(lex.find_all("일본 외무상과 회담").len(), 1);
        assert_eq!(lex.find_all("외무상은").len(), 1);
        // an ending that is not listed, or letters before the phrase, still break the word
        assert!(lex.find_all("외무상실").is_empty());
        assert!(lex.find_all("전외무상과").is_empty());
        let plain = Lexicon::build(vec![("외무상".into(), Entry::Word(WordClass::With))], true).unwrap();
        assert!(plain.find_all("일본 외무상과 회담").is_empty());
    }

    #[test]
    fn katakana_phrases_do_not_cut_a_katakana_word() {
        let lex = Lexicon::build(vec![("マリ".into(), Entry::Word(WordClass::With))], false).unwrap();
        assert!(lex.find_all("マリズ・ペイン外相").is_empty());
        assert!(lex.find_all("アマリ外相").is_empty());
        assert_eq!(lex.find_all("マリ外相").len(), 1);
        assert_eq!(lex.find_all("マリ・ペイン").len(), 1);
    }

    #[test]
    fn unspaced_scripts_match_inside_runs() {
        let lex = Lexicon::build(vec![("外相".into(), Entry::Word(WordClass::TwoSides))], true).unwrap();
        assert_eq!(lex.find_all("両外相は会談").len(), 1);
    }

    #[test]
    fn time_phrases_ride_on_the_automaton_without_becoming_hits() {
        let lex = Lexicon::build_with_time(
            vec![("in".into(), Entry::Word(WordClass::With)), ("met".into(), Entry::Word(WordClass::With))],
            Vec::new(),
            true,
            vec![("march".into(), 4), ("in".into(), 9), ("last week".into(), 2)],
            None,
        )
        .unwrap();
        let mut time_hits = Vec::new();
        let hits = lex.find_all_and_time("they met in march, not last weekend", &mut time_hits);
        // "march" and "last week" are time phrases only: no hit of the coder's
        let phrases: Vec<u32> = hits.iter().map(|h| h.phrase).collect();
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert!(phrases.iter().all(|&p| !lex.entries(p).is_empty()));
        // every occurrence of a time phrase, with its time value, boundaries unchecked
        time_hits.sort_unstable();
        assert_eq!(time_hits, vec![(9, 9), (12, 4), (23, 2)]);
    }

    #[test]
    fn the_ascii_boundary_path_agrees_with_the_general_one() {
        // the general rule, written out for the test
        let general = |key: &str, start: usize, end: usize| {
            let before = key[..start].chars().next_back();
            let after = key[end..].chars().next();
            let first = key[start..end].chars().next();
            let last = key[start..end].chars().next_back();
            let inner = |c: Option<char>| c.is_some_and(attache_text::is_word_char);
            !(inner(before) && inner(first) || inner(after) && inner(last))
        };
        for key in ["the us and japan", "a-b c,d e's f", "x1 2y", "", "u.s. met"] {
            for start in 0..=key.len() {
                for end in start..=key.len() {
                    assert_eq!(on_boundaries(key, start, end), general(key, start, end), "{key:?} {start}..{end}");
                }
                let left = !(key[..start].chars().next_back().is_some_and(attache_text::is_word_char)
                    && key[start..].chars().next().is_some_and(attache_text::is_word_char));
                assert_eq!(on_left_boundary(key, start), left, "{key:?} {start}");
            }
        }
    }

    #[test]
    fn exact_case_is_needed_by_short_acronyms_and_capitalised_words() {
        // the rule written out for the test
        let reference = |phrase: &str| {
            let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
            let short = !letters.is_empty() && letters.len() <= 4;
            let acronym = letters.iter().all(|c| c.is_uppercase());
            let capitalised = letters.first().is_some_and(|c| c.is_uppercase()) && !phrase.contains(' ');
            short && (acronym || capitalised)
        };
        for p in [
            "US", "UN", "Anh", "Ý", "Chad", "Chads", "us", "U.S.", "EU 27", "Mr X", "NATO", "NATOS", "日本", "", "1 2",
            "Ab C",
        ] {
            assert_eq!(needs_exact_case(p), reference(p), "{p:?}");
        }
    }
}
