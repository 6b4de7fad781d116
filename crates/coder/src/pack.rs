//! Parsing of a language pack's coder files: `pack.toml`, `words.tsv`, `events.txt`.

use crate::CoderError;

/// Settings from `pack.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackInfo {
    /// ISO 639-1 code.
    pub code: String,
    /// English name of the language.
    pub name: String,
    /// Whether words are separated by spaces (matches must sit on word boundaries).
    pub word_boundaries: bool,
    /// Fewest capitalised words a name learned after a title may have (2 in Vietnamese,
    /// where a lone capitalised syllable after a title is an institution, not a person).
    pub min_name_words: usize,
    /// The state whose officials the language's press names without a state
    /// ("Thứ trưởng Nguyễn Minh Vũ" in Vietnamese news is Vietnamese), if any.
    pub home: Option<String>,
    /// A number of one or two digits followed by a full stop is an ordinal ("am 3. Oktober"),
    /// never the end of a sentence.
    pub ordinal_dot: bool,
    /// The verb comes last and particles after each noun give its role (Japanese, Korean):
    /// `word_order = "sov"`.
    pub verb_final: bool,
    /// The finite verb comes second, so a fronted time or place puts the subject right after
    /// the verb ("I går møtte Støre ...", "Am Montag traf Baerbock ..."): `word_order = "v2"`.
    pub verb_second: bool,
    /// Personal names may hold a word that also names a state ("Nguyễn Tuấn Anh", "Nguyễn
    /// Đức Chi"): after a title, such a word that goes on a run of capitalised name words is
    /// part of the name (`state_words_in_names = true`).
    pub state_words_in_names: bool,
    /// A name follows its title in Han script ("外交部发言人毛宁表示"): two to six Han
    /// characters right after a title, up to the next recognised word, are a person's name
    /// (`han_names_after_titles = true`).
    pub han_names_after_titles: bool,
    /// A home official's name of four to six Han characters stands right before a title that
    /// names no state ("岩城真理子外相"; Chinese and Korean names have two or three):
    /// `han_names_before_titles = true`.
    pub han_names_before_titles: bool,
    /// A foreign name stands before its state and title ("토니 블링컨 미국 국무장관"): up to
    /// three words of the script's letters right before such a mention are a person's name
    /// (`names_before_state_titles = true`).
    pub names_before_state_titles: bool,
    /// Most words a trigger's `...` gap may hold (`gap_words`; default 6): German puts the
    /// participle after the whole middle field ("hat die Luftangriffe auf den Hafen von
    /// Hodeida verurteilt").
    pub gap_words: usize,
    /// Words are not spaced, and a space ends a clause or a sentence (Thai, Lao): a space
    /// before a new subject and its verb, after an earlier verb, ends the earlier clause
    /// (`spaces_end_clauses = true`).
    pub spaces_end_clauses: bool,
    /// Words that open a personal name in unspaced text ("นาย", "นาง", "ທ່ານ"): such a word and
    /// the one or two words after it, right before a title, are the official's name
    /// (`name_prefixes = "นาย|นาง"`).
    pub name_prefixes: Vec<String>,
    /// The language drops a subject the sentence before names (Spanish, Italian: "Además,
    /// pidió a China …"): a sentence's first verb with no actor before it goes on with the
    /// last subject (`pro_drop = true`).
    pub pro_drop: bool,
    /// The pack writes its triggers as finite verb forms that a request's infinitive content
    /// does not take ("offered to mediate", "se ofreció a mediar"): a trigger after "and" ends
    /// a request whose content names no act (`finite_triggers = true`).
    pub finite_triggers: bool,
}

/// Most words of a trigger's `...` gap unless the pack says otherwise.
pub const DEFAULT_GAP_WORDS: usize = 6;

/// Parse the `key = value` lines of `pack.toml`.
pub fn parse_pack_info(lang: &str, text: &str) -> PackInfo {
    let mut info = PackInfo {
        code: lang.to_string(),
        name: lang.to_string(),
        word_boundaries: true,
        min_name_words: 1,
        home: None,
        ordinal_dot: false,
        verb_final: false,
        verb_second: false,
        state_words_in_names: false,
        han_names_after_titles: false,
        han_names_before_titles: false,
        names_before_state_titles: false,
        gap_words: DEFAULT_GAP_WORDS,
        spaces_end_clauses: false,
        name_prefixes: Vec::new(),
        pro_drop: false,
        finite_triggers: false,
    };
    for line in text.lines() {
        let Some((k, v)) = line.split_once('=') else { continue };
        let v = v.trim().trim_matches('"');
        match k.trim() {
            "name" => info.name = v.to_string(),
            "word_boundaries" => info.word_boundaries = v != "false",
            "min_name_words" => info.min_name_words = v.parse().unwrap_or(1),
            "gap_words" => info.gap_words = v.parse().unwrap_or(DEFAULT_GAP_WORDS),
            "home" if !v.is_empty() => info.home = Some(v.to_string()),
            "ordinal_dot" => info.ordinal_dot = v == "true",
            "state_words_in_names" => info.state_words_in_names = v == "true",
            "han_names_after_titles" => info.han_names_after_titles = v == "true",
            "han_names_before_titles" => info.han_names_before_titles = v == "true",
            "names_before_state_titles" => info.names_before_state_titles = v == "true",
            "spaces_end_clauses" => info.spaces_end_clauses = v == "true",
            "pro_drop" => info.pro_drop = v == "true",
            "finite_triggers" => info.finite_triggers = v == "true",
            "name_prefixes" => {
                info.name_prefixes =
                    v.split('|').map(str::trim).filter(|w| !w.is_empty()).map(str::to_string).collect();
            }
            "word_order" => {
                info.verb_final = v.eq_ignore_ascii_case("sov");
                info.verb_second = v.eq_ignore_ascii_case("v2");
            }
            _ => {}
        }
    }
    info
}

/// Grammatical word classes the coder reads from `words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// Coordinates two actors.
    And,
    /// Introduces the partner of a symmetric act.
    With,
    /// Introduces both sides of a symmetric act ("talks between X and Y"): the act is
    /// between them, whoever hosts it.
    Between,
    /// Introduces the agent of a passive.
    By,
    /// Negates the clause.
    Negation,
    /// Marks a planned act.
    Future,
    /// Marks a hypothetical.
    Conditional,
    /// Marks an earlier event.
    Background,
    /// "The two sides".
    TwoSides,
    /// "The ministers", "the leaders": every party of the last meeting (after one actor met
    /// several, that actor with each of them; else the two sides).
    Participants,
    /// Introduces a place.
    Locative,
    /// Third-person reference to the last actor.
    Pronoun,
    /// The writer.
    FirstPerson,
    /// "His counterpart".
    Counterpart,
    /// An object pronoun ("him"): a counterpart when the subject is one side of the document's
    /// pair, else the last person or official named.
    ObjectPronoun,
    /// Starts a clause whose subject differs.
    ClauseBreak,
    /// A courtesy word between a title and a name ("ông", "Mr", "herr").
    Honorific,
    /// A word that may stand between the parts of one actor mention ("nước", "Cộng hòa").
    Joiner,
    /// A meeting noun ("Summit", "hội nghị", "toppmøte"): an organisation next to it names
    /// the organisation's own meeting, not a counterpart.
    OrgMeeting,
    /// "The partners", "các đối tác": every counterpart of the document's last multi-party meeting.
    Partners,
    /// "The countries", "các nước": the states among those counterparts.
    PartnerStates,
    /// A genitive ("của", "of"): an actor right after it belongs to a noun phrase and is
    /// never the subject of a later trigger.
    Genitive,
    /// "Đồng thời", "at the same time": ends the clause before it; the act after it keeps
    /// the sentence's subject.
    Continuation,
    /// A word with no role of its own, listed so that longest match keeps it whole
    /// ("tiếp cận" is not the trigger "tiếp").
    Plain,
    /// An adnominal ending after a verb in a verb-final language ("訪問中の", "방문한"): the
    /// noun right after it is the verb's subject. Read like particles, not matched as phrases.
    Relative,
    /// A noun phrase that refers to an earlier act ("the decision", "the move"): as the
    /// object of an act, it stands for the actor of the document's last event.
    ActReference,
    /// A word for a natural disaster ("earthquake", "typhoon"): a sentence that names one with
    /// exactly one state says which state is stricken, where aid and sympathy naming no
    /// recipient go.
    Disaster,
    /// A word for a meeting or call of three parties ("trilateral", "three-way", "3자",
    /// "三方"): a meeting or call in its sentence with two partners is also one between
    /// them. It only marks its sentence, like [`WordClass::Disaster`].
    Trilateral,
    /// (verb-final) A connective ending after a verb ("し、", "して", "하고"): the verb goes on
    /// into the next one and shares its plan. Read after the verb, not matched as a phrase.
    Connective,
    /// (verb-final) An adnominal object particle ("への", "に対する", "에 대한"): the noun after it
    /// is an act aimed at the noun before; a reaction to that act is aimed at its owner
    /// ("ロシアのウクライナへの攻撃を非難": at Russia). Listed with `particle_object` too.
    AdnominalObject,
    /// (verb-final) A quotative ending right after a verb ("…했다고 밝혔다", "…したと明らかにした"):
    /// the act of that clause, reported by a later verb the packs do not know, is its own
    /// subject's, not the reporter's. Read after the verb, not matched as a phrase.
    ReportedEnding,
    /// (verb-final) A future word naming what was agreed, decided or announced ("することで一致",
    /// "することを確認"): it makes its own verb a plan, not the verbs joined to it before by a
    /// connective ("会談し、…協議することで一致した": the talks took place). Matched as a
    /// `Future` phrase.
    OwnFuture,
    /// A relative pronoun ("who", "som", "qui"), read from a clause break's text: right after an
    /// actor it makes that actor the subject of the next verb. Not matched as a phrase.
    RelativePronoun,
    /// A relative pronoun only after a comma ("Brasil, que …"; without the comma "pidió a la
    /// OEA que …" is a complement): like `RelativePronoun` when a comma follows the actor.
    RelativePronounAfterComma,
    /// A relative that makes the actor before it the object of the verb after it ("… il suo
    /// omologo, al quale ha garantito …", "auquel", "a quien", "to whom"): that verb goes on
    /// with the subject of the verb before the actor. Matched as a phrase.
    ObjectRelative,
    /// A word that opens a sentence before its verb in verb-second order (an adverb or a
    /// time: "i går", "der", "heute"): the verb's subject then follows the verb.
    Fronted,
    /// (verb-second) A conjunction or report word that opens a fronted clause or phrase ("Wie
    /// …, griff", "Laut …", "Som … opplyste,"), or a report postposition right before the
    /// verb ("Dem Ministerium zufolge griff"): an actor named inside it is not the verb's
    /// subject when an actor follows the verb.
    Subordinator,
    /// "Also", "auch", "cũng": an act with no one named that another actor also does is aimed
    /// where the last such act was. Read from the clause's text, not matched as a phrase.
    Also,
    /// Words that may stand between the parts of one mention, state, title and name
    /// ("of the", "'s", "của", "の"). Read from the gap between parts, not matched as phrases.
    NameGap,
    /// An article that may stand before a name in a list ("la Russie, la Chine et l'Iran"):
    /// read from the text before a mention, not matched as a phrase.
    Article,
    /// An ending that may follow a person's name inside its word (the genitive -s of
    /// "Mark Browns besøk", "Macrons Besuch"): read by the lexicon's word boundaries, not
    /// matched as a phrase.
    NameSuffix,
    /// An object pronoun written before its verb ("la invitó", "le pidió", "lui a demandé"):
    /// read from the text right before a trigger, not matched as a phrase; a one-way act with
    /// no object named is then aimed at the other side of the document's pair.
    ObjectClitic,
    /// A particle written right after a noun that gives its role in a verb-final language
    /// (は, を, 과). Particles are not phrases of the automaton: the coder reads them after
    /// each mention.
    Particle(Particle),
}

/// The role a particle gives the noun before it (verb-final languages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Particle {
    /// The topic, which governs every verb of the sentence after it (は, 은/는).
    Topic,
    /// The subject of the next verb (が, 이/가).
    Subject,
    /// The object or the addressee (を, に, に対し, 을/를, 에게).
    Object,
    /// The partner ("with": と, 과/와).
    With,
    /// The agent or origin ("from", "by": から, により, 로부터).
    From,
    /// A genitive (の, 의): the noun belongs to a longer noun phrase.
    Genitive,
    /// A place (で, 에서).
    Locative,
    /// Another ending that may follow a noun in a language written with spaces (도, 들):
    /// a phrase followed by it still ends on a word boundary.
    Suffix,
}

impl WordClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "and" => Self::And,
            "with" => Self::With,
            "between" => Self::Between,
            "by" => Self::By,
            "negation" => Self::Negation,
            "future" => Self::Future,
            "conditional" => Self::Conditional,
            "background" => Self::Background,
            "two_sides" => Self::TwoSides,
            "participants" => Self::Participants,
            "locative" => Self::Locative,
            "pronoun" => Self::Pronoun,
            "first_person" => Self::FirstPerson,
            "counterpart" => Self::Counterpart,
            "object_pronoun" => Self::ObjectPronoun,
            "clause_break" => Self::ClauseBreak,
            "honorific" => Self::Honorific,
            "joiner" => Self::Joiner,
            "org_meeting" => Self::OrgMeeting,
            "partners" => Self::Partners,
            "partner_states" => Self::PartnerStates,
            "genitive" => Self::Genitive,
            "plain" => Self::Plain,
            "continuation" => Self::Continuation,
            "relative" => Self::Relative,
            "name_gap" => Self::NameGap,
            "also" => Self::Also,
            "article" => Self::Article,
            "object_clitic" => Self::ObjectClitic,
            "name_suffix" => Self::NameSuffix,
            "fronted" => Self::Fronted,
            "subordinator" => Self::Subordinator,
            "relative_pronoun" => Self::RelativePronoun,
            "relative_pronoun_after_comma" => Self::RelativePronounAfterComma,
            "object_relative" => Self::ObjectRelative,
            "connective" => Self::Connective,
            "particle_adnominal_object" => Self::AdnominalObject,
            "reported_ending" => Self::ReportedEnding,
            "own_future" => Self::OwnFuture,
            "act_reference" => Self::ActReference,
            "disaster" => Self::Disaster,
            "trilateral" => Self::Trilateral,
            "particle_topic" => Self::Particle(Particle::Topic),
            "particle_subject" => Self::Particle(Particle::Subject),
            "particle_object" => Self::Particle(Particle::Object),
            "particle_with" => Self::Particle(Particle::With),
            "particle_from" => Self::Particle(Particle::From),
            "particle_genitive" => Self::Particle(Particle::Genitive),
            "particle_locative" => Self::Particle(Particle::Locative),
            "suffix" => Self::Particle(Particle::Suffix),
            _ => return None,
        })
    }
}

/// Parse `words.tsv` into (class, phrase) pairs; unknown classes are errors.
pub fn parse_words(file: &str, text: &str) -> Result<Vec<(WordClass, String)>, CoderError> {
    Ok(parse_word_lines(file, text)?.into_iter().map(|(class, phrase, _)| (class, phrase)).collect())
}

/// Parse `words.tsv` into (class, phrase, kind) lines. The optional third column of an
/// `act_reference` phrase is the kind of act it names: a CAMEO root or code ("the attack" 19,
/// "the sanctions" 163), or several joined by `|` ("the ceasefire" 03|05|08), the latest act
/// of any of them being meant; phrases without one ("the decision") name any act.
pub fn parse_word_lines(file: &str, text: &str) -> Result<Vec<(WordClass, String, Option<String>)>, CoderError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |message: String| CoderError::Pack { file: file.into(), line: n + 1, message };
        let mut f = line.split('\t').map(str::trim);
        let (Some(class), Some(phrase)) = (f.next(), f.next()) else {
            return Err(error("expected class<TAB>phrase".into()));
        };
        let class = WordClass::parse(class).ok_or_else(|| error(format!("unknown word class `{class}`")))?;
        let root = match (class, f.next().filter(|r| !r.is_empty())) {
            (WordClass::ActReference, Some(kinds)) => {
                let code_like = |k: &str| {
                    (2..=4).contains(&k.len())
                        && k.bytes().all(|b| b.is_ascii_digit())
                        && k[..2].parse::<u8>().is_ok_and(|r| (1..=20).contains(&r))
                };
                if let Some(bad) = kinds.split('|').find(|k| !code_like(k)) {
                    return Err(error(format!("`{bad}` is no CAMEO root or code (01 to 20, then up to two digits)")));
                }
                Some(kinds.to_string())
            }
            _ => None,
        };
        if !phrase.is_empty() {
            out.push((class, phrase.to_string(), root));
        }
    }
    Ok(out)
}

/// How a pattern finds its source and target around the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Symmetric act between subject and partner, or coordinated subjects.
    Sym,
    /// Subject → object.
    Dir,
    /// Object/agent → subject.
    Rev,
    /// Subject visits the object.
    Visit,
    /// Subject hosts the object.
    Host,
    /// Symmetric meeting whose venue decides 042/043/044.
    Meet,
}

/// One line of `events.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// CAMEO code when the act happened.
    pub code: String,
    /// Argument frame.
    pub frame: Frame,
    /// Code when the act is planned.
    pub future_code: Option<String>,
    /// The trigger itself already denotes a plan (no further future mapping).
    pub no_future: bool,
    /// The trigger is a future tense of its verb ("firmará", "signera", "firmerà"): the act is
    /// planned, as with a word of the `future` class.
    pub future_tense: bool,
    /// The trigger is a present tense of its verb ("reist … nach", "besøker"): a bare weekday
    /// with it is the coming such day, and the act then a plan ("Am Mittwoch reist sie weiter
    /// nach Taschkent" in a Tuesday article).
    pub present_tense: bool,
    /// The trigger is a prepositional phrase modifying another act ("at the request of",
    /// "på anmodning fra"): after that act's object, its subject is that act's subject.
    pub adjunct: bool,
    /// The trigger names the document's main event ("the talks", "møtet"): its participants
    /// are the document's two main actors.
    pub main_event: bool,
    /// The trigger is an act written as a noun whose actor follows it ("the visit of", "la
    /// visite de", "der Besuch des"): the actor right after it is its subject, and its object
    /// comes after that actor.
    pub noun_act: bool,
    /// Every trigger, each a sequence of parts separated by gaps, as the pack writes them.
    /// Loading a pack moves them into its phrase automaton and leaves this empty: the
    /// automaton's entries then say which trigger and part each phrase is.
    pub triggers: Vec<Vec<Spellings>>,
    /// The target a verb names by itself when the sentence names none (訪日 "visit to
    /// Japan": `object=JPN`).
    pub implied_object: Option<String>,
    /// `<lang>/events.txt:<line>`.
    pub rule: String,
    /// For a refinement line (`031 refine:030 trade | investment`): the code refined. Its
    /// triggers are context words: an event coded with this base code whose sentence holds
    /// one of them takes `code` instead.
    pub refines: Option<String>,
}

/// The parts of a trigger between its gaps (`...`), as `str::split("...")` gives them but
/// without building a substring searcher for each of the packs' half a million triggers.
fn gap_parts(trigger: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(trigger);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.as_bytes().windows(3).position(|w| w == b"...") {
            Some(i) => {
                rest = r.get(i + 3..);
                r.get(..i)
            }
            None => rest.take(),
        }
    })
}

/// The spellings of one trigger part as the pack writes it ("{a,ont} {,déjà} signé"): every
/// expansion of its brace groups, or the same as slots in sequence, so that the lexicon can
/// match a long product of alternatives slot by slot instead of holding every spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spellings {
    /// The part's text with its brace groups.
    written: String,
    /// The text is one spelling as it stands (a combination of a trigger expanded whole).
    literal: bool,
}

impl Spellings {
    /// The spellings of `part` (no gap inside).
    pub(crate) fn new(part: &str) -> Self {
        Self { written: part.to_string(), literal: false }
    }

    /// `spelling` as its only spelling.
    pub(crate) fn literal(spelling: &str) -> Self {
        Self { written: spelling.to_string(), literal: true }
    }

    /// Every spelling, trimmed, in first order and without repeats.
    pub fn expand(&self) -> Vec<String> {
        if self.literal {
            return vec![self.written.clone()];
        }
        distinct_expansions(&self.written)
    }

    /// How many spellings the brace groups give (repeats counted), read off the text.
    pub fn count(&self) -> usize {
        if self.literal {
            return 1;
        }
        // (as `expand_braces` reads groups: each `{` up to the next `}`)
        let mut n = 1usize;
        let mut rest = self.written.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else { break };
            n = n.saturating_mul(rest[open..open + close].matches(',').count() + 1);
            rest = &rest[open + close + 1..];
        }
        n
    }

    /// The part's words as slots, each its alternatives (trimmed, first order, without
    /// repeats; an empty one: the slot may be left out). A brace group standing as a word of
    /// its own is a slot; the words between such groups, with any group inside a word, are
    /// one slot of their expansions. One spelling is one alternative of each slot, joined
    /// by spaces. None when the part is one slot (no group stands as a word).
    ///
    /// `joined` (a script written without spaces): every group is a slot and the text
    /// between groups another, and a spelling joins them with nothing between; None also when
    /// a slot begins or ends with a space, which would not join as written.
    pub fn slots(&self, joined: bool) -> Option<Vec<Vec<String>>> {
        if self.literal {
            return None;
        }
        if joined {
            return self.written.contains('{').then(|| joined_slots_of(&self.written)).flatten();
        }
        if !self.written.split_whitespace().any(|w| w.starts_with('{') || w.ends_with('}')) {
            return None;
        }
        let slots = slots_of(&self.written);
        (slots.len() > 1).then_some(slots)
    }

    /// True when some spelling is empty: every slot may be left out.
    fn may_be_empty(&self) -> bool {
        // a character outside every group is in every spelling
        let mut depth = 0usize;
        for c in self.written.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                c if depth == 0 && !c.is_whitespace() => return false,
                _ => {}
            }
        }
        slots_of(&self.written).iter().all(|slot| slot.iter().any(String::is_empty))
    }
}

/// The slots of a part (see [`Spellings::slots`]), one slot for a part without groups.
fn slots_of(part: &str) -> Vec<Vec<String>> {
    // the part's words, a space inside a brace group being no word break
    let mut words: Vec<&str> = Vec::new();
    let (mut depth, mut begin) = (0usize, None::<usize>);
    for (i, c) in part.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c.is_whitespace() && depth == 0 {
            if let Some(b) = begin.take() {
                words.push(&part[b..i]);
            }
        } else if begin.is_none() {
            begin = Some(i);
        }
    }
    if let Some(b) = begin {
        words.push(&part[b..]);
    }
    fn group(w: &str) -> Option<&str> {
        w.strip_prefix('{').and_then(|w| w.strip_suffix('}')).filter(|inner| !inner.contains(['{', '}']))
    }
    let mut slots: Vec<Vec<String>> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for w in words {
        if let Some(inner) = group(w) {
            if !run.is_empty() {
                slots.push(distinct_expansions(&run.join(" ")));
                run.clear();
            }
            slots.push(distinct_alternatives(inner.split(',').map(str::trim)));
        } else {
            run.push(w);
        }
    }
    if !run.is_empty() {
        slots.push(distinct_expansions(&run.join(" ")));
    }
    slots
}

/// Every expansion of `text`'s brace groups, trimmed, in first order and without repeats (a
/// part may expand to hundreds: deduplicated by a set, not a scan).
fn distinct_expansions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for a in expand_braces(text) {
        let a = a.trim().to_string();
        if seen.insert(a.clone()) {
            out.push(a);
        }
    }
    out
}

/// A brace group's alternatives in first order without repeats (a group is short: a scan).
fn distinct_alternatives<'a>(alternatives: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in alternatives {
        if !out.iter().any(|x| x == a) {
            out.push(a.to_string());
        }
    }
    out
}

/// The slots of a part of a script without spaces (see [`Spellings::slots`]).
fn joined_slots_of(part: &str) -> Option<Vec<Vec<String>>> {
    let mut slots: Vec<Vec<String>> = Vec::new();
    let edged = |t: &str| t.trim() != t;
    let mut rest = part;
    while !rest.is_empty() {
        let Some(open) = rest.find('{') else {
            slots.push(vec![rest.to_string()]);
            break;
        };
        let (run, group) = rest.split_at(open);
        if !run.is_empty() {
            slots.push(vec![run.to_string()]);
        }
        let close = group.find('}')?;
        let inner = &group[1..close];
        if inner.contains('{') {
            return None;
        }
        slots.push(distinct_alternatives(inner.split(',')));
        rest = &group[close + 1..];
    }
    if slots.iter().flatten().any(|a| edged(a)) || slots.len() < 2 {
        return None;
    }
    Some(slots)
}

/// The triggers one written trigger stands for, each as its parts (split at gaps) and each
/// part as its spellings: "{urged,asked} ... to" is one trigger whose first part is "urged"
/// or "asked", not one trigger per combination (a line with groups on both sides of a gap would
/// otherwise give their product). A group that holds a gap itself ("{hat ... gespendet,
/// spendete}"), or an alternative that leaves a part empty, is expanded whole instead, one
/// trigger per combination.
fn trigger_parts(t: &str) -> Vec<Vec<Spellings>> {
    let gap_inside_group = t.split('{').skip(1).any(|g| g.split('}').next().is_some_and(|g| g.contains("...")));
    if !gap_inside_group {
        let parts: Vec<Spellings> = gap_parts(t).map(str::trim).filter(|p| !p.is_empty()).map(Spellings::new).collect();
        if !parts.iter().any(Spellings::may_be_empty) {
            return if parts.is_empty() { Vec::new() } else { vec![parts] };
        }
    }
    expand_braces(t)
        .into_iter()
        .map(|variant| gap_parts(&variant).map(str::trim).filter(|p| !p.is_empty()).map(Spellings::literal).collect())
        .filter(|parts: &Vec<Spellings>| !parts.is_empty())
        .collect()
}

/// Expand `{a,b}` alternatives: `visit{,s,ed}` → visit, visits, visited.
pub fn expand_braces(s: &str) -> Vec<String> {
    let Some(open) = s.find('{') else { return vec![s.to_string()] };
    let Some(close_rel) = s[open..].find('}') else { return vec![s.to_string()] };
    let close = open + close_rel;
    let (head, alts, tail) = (&s[..open], &s[open + 1..close], &s[close + 1..]);
    // the tail's expansions are the same for every alternative: made once
    let tails = expand_braces(tail);
    let mut out = Vec::with_capacity(tails.len() * (alts.matches(',').count() + 1));
    for alt in alts.split(',') {
        for rest in &tails {
            let mut one = String::with_capacity(head.len() + alt.len() + rest.len());
            one.push_str(head);
            one.push_str(alt);
            one.push_str(rest);
            out.push(one);
        }
    }
    out
}

/// Parse `events.txt`.
pub fn parse_events(lang: &str, text: &str) -> Result<Vec<Pattern>, CoderError> {
    let file = format!("packs/{lang}/events.txt");
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| CoderError::Pack { file: file.clone(), line: n + 1, message };
        let mut it = line.splitn(3, char::is_whitespace);
        let (Some(code), Some(frame_spec), Some(rest)) = (it.next(), it.next(), it.next()) else {
            return Err(err("expected CODE FRAME TRIGGER | TRIGGER ...".into()));
        };
        if attache_ontology::lookup(code).is_none() {
            return Err(err(format!("`{code}` is not a CAMEO code")));
        }
        let mut opts = frame_spec.split(',');
        let frame_name = opts.next().unwrap_or("");
        let mut refines = None;
        if let Some(base) = frame_name.strip_prefix("refine:") {
            if attache_ontology::lookup(base).is_none() {
                return Err(err(format!("`{base}` is not a CAMEO code")));
            }
            refines = Some(base.to_string());
        }
        let frame = match if refines.is_some() { "dir" } else { frame_name } {
            "sym" => Frame::Sym,
            "dir" => Frame::Dir,
            "rev" => Frame::Rev,
            "visit" => Frame::Visit,
            "host" => Frame::Host,
            "meet" => Frame::Meet,
            other => return Err(err(format!("unknown frame `{other}`"))),
        };
        let mut future_code = None;
        let mut no_future = false;
        let mut future_tense = false;
        let mut present_tense = false;
        let mut adjunct = false;
        let mut main_event = false;
        let mut noun_act = false;
        let mut implied_object = None;
        for o in opts {
            if let Some(c) = o.strip_prefix("future=") {
                if attache_ontology::lookup(c).is_none() {
                    return Err(err(format!("`{c}` is not a CAMEO code")));
                }
                future_code = Some(c.to_string());
            } else if o == "nofuture" {
                no_future = true;
            } else if o == "tense=future" {
                future_tense = true;
            } else if o == "tense=present" {
                present_tense = true;
            } else if o == "adjunct" {
                adjunct = true;
            } else if o == "main" {
                main_event = true;
            } else if o == "noun" {
                noun_act = true;
            } else if let Some(c) = o.strip_prefix("object=") {
                let state = c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase());
                let org = c.strip_prefix("IGO:").is_some_and(|a| !a.is_empty());
                if !state && !org {
                    return Err(err(format!("`{c}` is not an actor code (ISO alpha-3 or IGO:NAME)")));
                }
                implied_object = Some(c.to_string());
            } else {
                return Err(err(format!("unknown option `{o}`")));
            }
        }
        let mut triggers = Vec::new();
        for t in rest.split('|').map(str::trim).filter(|t| !t.is_empty()) {
            triggers.extend(trigger_parts(t));
        }
        if triggers.is_empty() {
            return Err(err("no trigger".into()));
        }
        out.push(Pattern {
            code: code.to_string(),
            frame,
            future_code,
            no_future,
            future_tense,
            present_tense,
            adjunct,
            main_event,
            noun_act,
            triggers,
            implied_object,
            rule: format!("{lang}/events.txt:{}", n + 1),
            refines,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_split_as_str_split_does() {
        for t in ["asked ... to", "a....b", "...x...", "plain", "", "a ... b ... c", ".. ..."] {
            assert_eq!(gap_parts(t).collect::<Vec<_>>(), t.split("...").collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn braces_expand() {
        assert_eq!(expand_braces("visit{,s,ed}"), vec!["visit", "visits", "visited"]);
        assert_eq!(expand_braces("{a,b} {c,d}").len(), 4);
        assert_eq!(expand_braces("plain"), vec!["plain"]);
    }

    /// Each part of each trigger as its spellings.
    fn spelled(triggers: Vec<Vec<Spellings>>) -> Vec<Vec<Vec<String>>> {
        triggers.iter().map(|t| t.iter().map(Spellings::expand).collect()).collect()
    }

    #[test]
    fn a_trigger_keeps_each_parts_alternatives_instead_of_their_product() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            spelled(trigger_parts("{urged,asked} ... to{,day}")),
            vec![vec![v(&["urged", "asked"]), v(&["to", "today"])]]
        );
        // a group holding a gap, or an alternative leaving a part empty: one trigger per combination
        assert_eq!(
            spelled(trigger_parts("{hat ... gespendet,spendete} Geld")),
            vec![vec![v(&["hat"]), v(&["gespendet Geld"])], vec![v(&["spendete Geld"])]]
        );
        assert_eq!(trigger_parts("asked ... {,to}").len(), 2);
        // alternatives that expand alike are kept once, in their first order
        assert_eq!(spelled(trigger_parts("{b,a,b} x{, }")), vec![vec![v(&["b x", "a x"])]]);
    }

    #[test]
    fn a_part_is_slots_of_groups_standing_as_words_and_the_runs_between() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let s = Spellings::new("{a,ont} {,déjà} signé{,e} un accord {à,au}");
        assert_eq!(
            s.slots(false),
            Some(vec![
                v(&["a", "ont"]),
                v(&["", "déjà"]),
                v(&["signé un accord", "signée un accord"]),
                v(&["à", "au"])
            ])
        );
        assert_eq!(s.count(), 16);
        assert_eq!(s.expand().len(), 16);
        // a space inside a group is no break between words
        assert_eq!(
            Spellings::new("{se rendre,aller} {en, au}").slots(false),
            Some(vec![v(&["se rendre", "aller"]), v(&["en", "au"])])
        );
        // one slot: no group stands as a word
        assert_eq!(Spellings::new("talk{s,ed} with").slots(false), None);
        // without spaces, every group is a slot and so is the text between
        assert_eq!(
            Spellings::new("边境{增派,部署}兵力").slots(true),
            Some(vec![v(&["边境"]), v(&["增派", "部署"]), v(&["兵力"])])
        );
        assert_eq!(Spellings::new("{要請,求め} する").slots(true), None, "a slot ending in a space");
        assert_eq!(Spellings::new("talk{s,ed} with").count(), 2);
        assert!(Spellings::new("{,a} {,b}").may_be_empty() && !Spellings::new("{,a} b").may_be_empty());
        assert!(!Spellings::new("x{,a}").may_be_empty());
    }

    #[test]
    fn events_lines_parse() {
        let p =
            parse_events("en", "# c\n046 sym held talks | talk{s,ed} with\n020 dir,future=020 asked ... to\n").unwrap();
        assert_eq!(p.len(), 2);
        // ("talk{s,ed} with" is one trigger of one part with two alternatives)
        assert_eq!(p[0].triggers.len(), 2);
        assert_eq!(p[0].triggers[1][0].expand(), vec!["talks with".to_string(), "talked with".to_string()]);
        assert_eq!(
            spelled(vec![p[1].triggers[0].clone()]),
            vec![vec![vec!["asked".to_string()], vec!["to".to_string()]]]
        );
        assert_eq!(p[1].future_code.as_deref(), Some("020"));
        assert_eq!(p[1].rule, "en/events.txt:3");
        let r = parse_events("en", "031 refine:030 trade | investment\n").unwrap();
        assert_eq!(r[0].refines.as_deref(), Some("030"));
        assert!(parse_events("en", "031 refine:999 trade\n").is_err());
        let v = parse_events("ja", "042 visit,object=JPN 訪日\n").unwrap();
        assert_eq!(v[0].implied_object.as_deref(), Some("JPN"));
        assert!(parse_events("ja", "042 visit,object=japan 訪日\n").is_err());
        let f = parse_events("es", "057 sym,tense=future firmará\n057 sym firmó\n").unwrap();
        assert!(f[0].future_tense && !f[1].future_tense);
        let present =
            parse_events("de", "042 visit,tense=present reist ... nach\n042 visit reiste ... nach\n").unwrap();
        assert!(present[0].present_tense && !present[1].present_tense && !present[0].future_tense);
        assert!(parse_events("es", "057 sym,tense=past firmó\n").is_err());
        let a = parse_events("en", "020 rev,adjunct at the request of\n").unwrap();
        assert!(a[0].adjunct);
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse_events("en", "999 sym foo\n").unwrap_err().to_string();
        assert!(e.contains("events.txt:1") && e.contains("999"), "{e}");
        assert!(parse_events("en", "040 wobble foo\n").is_err());
        assert!(parse_words("w", "bogus\tx\n").is_err());
        let lines = parse_word_lines("w", "act_reference\tthe attack\t19\nact_reference\tthe move\n").unwrap();
        assert_eq!(lines[0].2.as_deref(), Some("19"));
        assert_eq!(lines[1].2, None);
        assert!(parse_word_lines("w", "act_reference\tthe attack\t210\n").is_err());
        assert!(parse_word_lines("w", "act_reference\tthe attack\t19|x\n").is_err());
        assert!(parse_word_lines("w", "act_reference\tthe attack\t19000\n").is_err());
        let kinds =
            parse_word_lines("w", "act_reference\tthe sanctions\t163\nact_reference\tthe truce\t03|08\n").unwrap();
        assert_eq!(kinds[0].2.as_deref(), Some("163"));
        assert_eq!(kinds[1].2.as_deref(), Some("03|08"));
        assert_eq!(parse_words("w", "and\tand\n").unwrap()[0].0, WordClass::And);
        assert_eq!(parse_words("w", "particle_topic\tは\n").unwrap()[0].0, WordClass::Particle(Particle::Topic));
    }

    #[test]
    fn pack_info() {
        let i = parse_pack_info("ja", "code = \"ja\"\nword_boundaries = false\nword_order = \"sov\"\n");
        assert!(!i.word_boundaries);
        assert!(i.verb_final);
        assert!(!parse_pack_info("en", "").verb_final);
        let no = parse_pack_info("no", "word_order = \"v2\"\n");
        assert!(no.verb_second && !no.verb_final);
        let th = parse_pack_info("th", "name_prefixes = \"นาย| นาง |\"\npro_drop = true\n");
        assert_eq!(th.name_prefixes, vec!["นาย".to_string(), "นาง".to_string()]);
        assert!(th.pro_drop && !parse_pack_info("en", "").pro_drop);
        assert!(parse_pack_info("en", "finite_triggers = true\n").finite_triggers);
        assert!(!parse_pack_info("vi", "").finite_triggers);
    }
}
