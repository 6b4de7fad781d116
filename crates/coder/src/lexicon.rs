//! One multi-pattern automaton per language over every phrase the coder knows: state and
//! organisation names, titles, people, grammatical words and event triggers.

use rustc_hash::FxHashMap as HashMap;

use attache_actors::PhraseKind;
use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::pack::WordClass;
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
        Self::build_with_time(phrases, word_boundaries, Vec::new(), None)
    }

    /// [`Self::build`], with the time lexicon's normalised phrases and their values
    /// (`attache_time::TimeParser::phrase_keys`) in the same automaton:
    /// [`Self::find_all_and_time`] reports their matches. With `cache` = (directory, name),
    /// the automaton is read from a previous run's file when one holds the same phrases.
    pub fn build_with_time(
        phrases: Vec<(String, Entry)>,
        word_boundaries: bool,
        time_phrases: Vec<(String, u32)>,
        cache: Option<(&std::path::Path, &str)>,
    ) -> Result<Self, CoderError> {
        // phrase key → id; and each spelling's id (None: its key is empty), so that a word
        // recurring in many combinations of a trigger's alternatives is normalised and looked
        // up once
        let mut index: HashMap<String, u32> = HashMap::default();
        let mut spelling_ids: HashMap<String, Option<u32>> = HashMap::default();
        let mut open_right: Vec<bool> = Vec::new();
        let mut time_value: Vec<u32> = Vec::new();
        let mut id_of = |key: String, open_right: &mut Vec<bool>, time_value: &mut Vec<u32>| {
            *index.entry(key).or_insert_with(|| {
                open_right.push(false);
                time_value.push(NOT_TIME);
                (time_value.len() - 1) as u32
            })
        };
        // every (phrase id, entry, case form) in the order given
        let mut found: Vec<(u32, Entry, Option<Box<str>>)> = Vec::with_capacity(phrases.len());
        for (mut phrase, entry) in phrases {
            let prefix = phrase.ends_with('*');
            if prefix {
                phrase.truncate(phrase.trim_end_matches('*').len());
            }
            let form = (needs_exact_case(&phrase) || capitalised_place_name(&phrase, &entry))
                .then(|| Box::<str>::from(phrase.as_str()));
            let id = match spelling_ids.get(phrase.as_str()) {
                Some(&id) => id,
                None => {
                    let key = attache_text::normalize_key(&phrase);
                    let id = (!key.is_empty()).then(|| id_of(key, &mut open_right, &mut time_value));
                    spelling_ids.insert(phrase, id);
                    id
                }
            };
            let Some(id) = id else { continue };
            if prefix {
                open_right[id as usize] = true;
            }
            found.push((id, entry, form));
        }
        drop(spelling_ids);
        for (key, value) in time_phrases {
            if key.is_empty() {
                continue;
            }
            let id = id_of(key, &mut open_right, &mut time_value);
            time_value[id as usize] = value;
        }
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
        self.entries.get(self.span(id)).unwrap_or(&[])
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
        self.forms.get(self.span(id)).is_some_and(|forms| forms.iter().any(Option::is_some))
    }

    /// What phrase `id` denotes where the original text reads `original`: entries that
    /// need their capitals are left out when the text lacks them.
    pub fn entries_for(&self, id: u32, original: &str) -> Vec<&Entry> {
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
        for m in a.find_overlapping_iter(key) {
            let (start, end) = (m.start(), m.end());
            let id = m.value() as usize;
            match self.time_value.get(id) {
                Some(&NOT_TIME) | None => {}
                Some(&value) => {
                    time_hits.push((start, value));
                    if self.entries(m.value()).is_empty() {
                        continue;
                    }
                }
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
        out
    }
}

impl Lexicon {
    /// Number of distinct phrases.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.time_value.len()
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
