//! Clauses of verb-final languages (Japanese, Korean). The verb ends its clause and a
//! particle after each noun gives the noun's role: "X は Y と 会談した" (X held talks with
//! Y), "X 은 Y 을 방문했다" (X visited Y). Each trigger takes its subject, object and
//! partner from the particles of the mentions in its clause: the words after the previous
//! trigger. A topic (は, 은/는) governs every later verb of the sentence.

use crate::analysis::{
    closes_quote, group_of, mentions_in, same_root, span_text, Analysis, Clause, ItemKind, Slot, KEY_QUOTES,
};
use crate::code_classes::{in_class, ASKING, HOSTILE, MEDIATION, REACTIONS, THREATS};
use crate::pack::{Frame, Particle, Pattern, WordClass};

/// A language's particles, longest first, as normalised sentence keys spell them.
#[derive(Debug, Clone, Default)]
pub struct Particles {
    list: Vec<(String, Particle)>,
    /// Whether the language writes spaces: a particle must then end its word.
    spaced: bool,
    /// Future, negation and conditional words that may also end a verb's own word in a
    /// language written with spaces ("제공하기로" ends with the future "하기로").
    verb_endings: Vec<(WordClass, String)>,
    /// Adnominal endings after a verb ("の", "した", "한"): the noun after them is the
    /// verb's subject.
    relative: Vec<String>,
    /// Connective endings ("し、", "して", "하고"): the verb goes on into the next one, whose
    /// plan it shares ("회담하고 … 논의할 계획이다").
    connectives: Vec<String>,
    /// Adnominal object particles ("への", "에 대한"): the noun after them is an act aimed at
    /// the noun before.
    adnominal_objects: Vec<String>,
    /// Quotative endings that close a reported clause right after its verb ("다고", "したと").
    reported_endings: Vec<String>,
    /// Future words naming what was agreed ("することで一致"): their verb's plan only.
    own_futures: Vec<String>,
}

/// Characters that close a noun phrase: a particle is not looked for past them.
const PHRASE_END: &[char] = &[',', '.', '、', '。', ';', ':', '!', '?', '「', '」', '"'];

/// The most characters between a closing quotation mark and the verb that quotes it: a
/// quotative ending ("…"고 촉구했다", "…"이라고 비난했다", 「…」と求めた).
const QUOTATIVE_CHARS: usize = 4;

/// The most characters of a head noun between a mention and an adnominal object particle
/// ("필리핀 선박에 대한": 선박).
const ADNOMINAL_HEAD_CHARS: usize = 4;

/// The most bytes of a gloss in brackets between a noun and its particle.
const GLOSS_MAX_BYTES: usize = 240;

/// How many characters after a genitive the head noun's particle is looked for.
const HEAD_NOUN_CHARS: usize = 12;

/// How many characters after a trigger a future or negation word still belongs to it.
const AFTER_TRIGGER_CHARS: usize = 10;

/// How many characters may separate an owner's genitive from its event noun ("Xの国賓訪日").
const OWNER_GAP_CHARS: usize = 2;

/// How many characters may separate a trigger from the noun its clause modifies
/// ("訪問中の河野外相", "방문한 기시다 총리").
const RELATIVE_GAP_CHARS: usize = 4;

/// The most characters between an act's verb and a reaction to it ("したことに", "한 데 대해
/// 우려를").
const REACTED_ACT_GAP_CHARS: usize = 8;

/// The most characters between an act reference and the verb it is the object of: a
/// particle or a postposition ("を", "을", "について", "에 대해").
const ACT_REFERENCE_GAP_CHARS: usize = 5;

impl Particles {
    /// From `(role, particle)` pairs of a pack's `words.tsv`; `spaced` for languages written
    /// with spaces (Korean), where a particle is the whole rest of its word.
    pub fn new(words: &[(Particle, String)], spaced: bool) -> Self {
        let mut list: Vec<(String, Particle)> =
            words.iter().map(|(p, w)| (attache_text::normalize_key(w), *p)).filter(|(w, _)| !w.is_empty()).collect();
        list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Self {
            list,
            spaced,
            verb_endings: Vec::new(),
            relative: Vec::new(),
            connectives: Vec::new(),
            adnominal_objects: Vec::new(),
            reported_endings: Vec::new(),
            own_futures: Vec::new(),
        }
    }

    /// The same particles, with the language's future, negation and conditional words
    /// (from `words.tsv`) also read as endings of the words right after a verb, where the
    /// language writes spaces.
    pub fn with_verb_endings(mut self, words: &[(WordClass, String)]) -> Self {
        if self.spaced {
            self.verb_endings = words
                .iter()
                .filter(|(c, _)| matches!(c, WordClass::Future | WordClass::Negation | WordClass::Conditional))
                .map(|(c, w)| (*c, attache_text::normalize_key(w.trim_end_matches('*'))))
                .filter(|(_, w)| !w.is_empty() && !w.contains(' '))
                .collect();
        }
        self
    }

    /// The same particles with the language's adnominal endings (`relative` in `words.tsv`).
    pub fn with_relative_endings(mut self, endings: &[String]) -> Self {
        self.relative = endings.iter().map(|w| attache_text::normalize_key(w)).filter(|w| !w.is_empty()).collect();
        self
    }

    /// These connective endings (`connective` in words.tsv).
    pub fn with_connectives(mut self, endings: &[String]) -> Self {
        self.connectives = endings.iter().map(|w| attache_text::normalize_key(w)).filter(|w| !w.is_empty()).collect();
        self
    }

    /// These adnominal object particles (`particle_adnominal_object` in words.tsv).
    pub fn with_adnominal_objects(mut self, particles: &[String]) -> Self {
        self.adnominal_objects =
            particles.iter().map(|w| attache_text::normalize_key(w)).filter(|w| !w.is_empty()).collect();
        self
    }

    /// These quotative endings (`reported_ending` in words.tsv).
    pub fn with_reported_endings(mut self, endings: &[String]) -> Self {
        self.reported_endings =
            endings.iter().map(|w| attache_text::normalize_key(w)).filter(|w| !w.is_empty()).collect();
        self
    }

    /// These future words naming what was agreed (`own_future` in words.tsv).
    pub fn with_own_futures(mut self, words: &[String]) -> Self {
        self.own_futures = words.iter().map(|w| attache_text::normalize_key(w)).filter(|w| !w.is_empty()).collect();
        self
    }

    /// True when `word` (a future word's text) names what was agreed, not a plan its chain shares.
    fn is_own_future(&self, word: &str) -> bool {
        self.own_futures.iter().any(|w| w == word)
    }

    /// True when the verb ending at `end` closes a clause that a later verb reports (its ending
    /// is quotative: in spaced text the verb's word ends with it, in unspaced text the text
    /// after the verb starts with it): the act is that clause's subject's, not the reporter's.
    fn reported_clause_ends(&self, key: &str, end: usize) -> bool {
        let rest = key.get(end..).unwrap_or("");
        if self.spaced {
            let word = rest.split(char::is_whitespace).next().unwrap_or("");
            self.reported_endings.iter().any(|e| word.ends_with(e.as_str()))
        } else {
            self.reported_endings.iter().any(|e| rest.starts_with(e.as_str()))
        }
    }

    /// True when an adnominal object particle follows the noun ending at `end`, or a head noun
    /// of at most [`ADNOMINAL_HEAD_CHARS`] characters after it ("ウクライナへの", "필리핀 선박에 대한").
    fn adnominal_object_at(&self, key: &str, end: usize) -> bool {
        let rest = key.get(end..).unwrap_or("");
        let rest = if self.spaced { rest.trim_start() } else { rest };
        // (the particle starts at most that many characters in, before a space or a phrase end:
        // the text after is not searched)
        rest.char_indices()
            .take(ADNOMINAL_HEAD_CHARS + 1)
            .take_while(|&(at, c)| at == 0 || !(c.is_whitespace() || PHRASE_END.contains(&c)))
            .any(|(at, _)| self.adnominal_objects.iter().any(|p| rest[at..].starts_with(p.as_str())))
    }

    /// True when the text right after a verb starts with a connective ending.
    fn connects(&self, verb_tail: &str) -> bool {
        self.connectives.iter().any(|c| verb_tail.starts_with(c.as_str()))
    }

    /// True when the verb ending at key offset `end` closes its clause with a connective
    /// ending: in spaced text its word ends with one and a comma follows ("이뤄졌으며,"), in
    /// unspaced text the text after it starts with one ("し、").
    fn closes_clause(&self, key: &str, end: usize) -> bool {
        let rest = key.get(end..).unwrap_or("");
        if !self.spaced {
            return self.connects(rest);
        }
        let word = rest.split(char::is_whitespace).next().unwrap_or("");
        word.strip_suffix([',', '，']).is_some_and(|w| self.connectives.iter().any(|c| w.ends_with(c.as_str())))
    }

    /// True when `verb` (the verb and what follows it up to a noun) ends with an adnominal
    /// ending: the verb modifies that noun.
    fn modifies_next_noun(&self, verb: &str) -> bool {
        let verb = verb.trim_end();
        self.relative.iter().any(|r| verb.ends_with(r.as_str()))
    }

    /// True when the words right after a verb (`verb_tail`, from key offset `at`) are an
    /// adnominal ending and a noun ("した問題", "한 미사일"): the verb modifies that noun. A
    /// genitive particle is no verb's ending ("会談の結果").
    fn ends_adnominal_clause(&self, key: &str, at: usize, verb_tail: &str) -> bool {
        self.relative.iter().any(|r| {
            if self.list.iter().any(|(w, p)| w == r && *p == Particle::Genitive) {
                return false;
            }
            let Some(rest) = verb_tail.strip_prefix(r.as_str()) else { return false };
            let rest = if self.spaced { rest.strip_prefix(' ').unwrap_or("") } else { rest };
            let noun_at = at + (verb_tail.len() - rest.len());
            rest.chars().next().is_some_and(attache_text::is_word_char) && self.at(key, noun_at).is_none()
        })
    }

    /// True when a word of `window` ends with a `class` word ("제공하기로").
    fn ending_in(&self, window: &str, class: WordClass) -> bool {
        self.first_word_ending_in(window, class).is_some()
    }

    /// Where the first word of `text` that ends with a `class` word ends ("발사하면").
    fn first_word_ending_in(&self, text: &str, class: WordClass) -> Option<usize> {
        if !self.verb_endings.iter().any(|(c, _)| *c == class) {
            return None;
        }
        let mut at = 0;
        for piece in text.split_inclusive(char::is_whitespace) {
            let word = piece.trim_end().trim_end_matches(|c: char| !attache_text::is_word_char(c));
            if !word.is_empty() && self.verb_endings.iter().any(|(c, e)| *c == class && word.ends_with(e.as_str())) {
                return Some(at + word.len());
            }
            at += piece.len();
        }
        None
    }

    /// True when `trigger` holds an object particle between its words ("提案を拒否", "요구를
    /// 거부"): its first noun is the verb's object, so an owner right before it owns that
    /// object ("日本の提案を拒否した" rejects Japan's proposal) and is not the actor.
    fn has_inner_object(&self, trigger: &str) -> bool {
        self.list
            .iter()
            .filter(|(_, p)| *p == Particle::Object)
            .any(|(w, _)| trigger.match_indices(w.as_str()).any(|(i, _)| i > 0 && i + w.len() < trigger.len()))
    }

    /// True when `word` ends with a listed particle, suffix or connective ending: it closes
    /// a noun phrase or a clause ("장관은", "회담하고"), so it is no part of a following name.
    /// True when the language has no particles (it is not verb-final).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn ends_phrase(&self, word: &str) -> bool {
        self.list.iter().map(|(w, _)| w).chain(&self.connectives).any(|e| word.ends_with(e.as_str()))
    }

    /// True when `word` is a particle that gives a noun its role in the clause (topic,
    /// subject, object …; not a genitive or a suffix): "首相は首相官邸" is two phrases.
    pub fn marks_role(&self, word: &str) -> bool {
        self.list.iter().any(|(w, p)| w == word && !matches!(p, Particle::Genitive | Particle::Suffix))
    }

    /// True when `text` ends with a particle that gives a noun its role ("男を": the noun
    /// before it is a role of the verb, not part of an event noun).
    fn ends_with_role(&self, text: &str) -> bool {
        self.list.iter().any(|(w, p)| text.ends_with(w.as_str()) && !matches!(p, Particle::Genitive | Particle::Suffix))
    }

    /// True when `text` starts with a particle that gives a noun its role ("は山田": the phrase
    /// before it ends there).
    pub fn starts_with_role(&self, text: &str) -> bool {
        self.list
            .iter()
            .any(|(w, p)| text.starts_with(w.as_str()) && !matches!(p, Particle::Genitive | Particle::Suffix))
    }

    /// Every listed ending (particles and suffixes), for the lexicon's word boundaries.
    pub fn endings(&self) -> Vec<String> {
        self.list.iter().map(|(w, _)| w.clone()).collect()
    }

    /// The particle written at `at` and the offset after it. A parenthesis right after a
    /// noun (a gloss: "外務大臣(Minister for Foreign Affairs)と") is skipped first.
    pub fn at(&self, key: &str, at: usize) -> Option<(Particle, usize)> {
        let mut at = at.min(key.len());
        let rest = key.get(at..)?;
        let trimmed = rest.trim_start();
        // (in brackets of either width: "岩屋外相（当時）は")
        if trimmed.starts_with(['(', '（']) {
            at += rest.len() - trimmed.len() + gloss_len(trimmed)?;
        }
        let rest = key.get(at..)?;
        if self.spaced {
            let tail_len = rest.find(|c: char| !attache_text::is_word_char(c)).unwrap_or(rest.len());
            let tail = &rest[..tail_len];
            return self.list.iter().find(|(w, _)| w == tail).map(|(w, p)| (*p, at + w.len()));
        }
        self.list.iter().find(|(w, _)| rest.starts_with(w.as_str())).map(|(w, p)| (*p, at + w.len()))
    }

    /// The role of the noun phrase a genitive at `from` leads into: the first particle
    /// within a few characters that is not another genitive ("日本の支援の継続に" is に).
    fn head_role(&self, key: &str, from: usize, stop: usize, through_places: bool) -> Option<Particle> {
        let rest = span_text(key, from, stop.max(from));
        // (a gloss in brackets after the head noun is skipped and not counted: "欧州委員会の
        // シェフチョビッチ委員（通商担当）は")
        let mut gloss_end = 0usize;
        let mut n = 0usize;
        for (i, c) in rest.char_indices() {
            if i < gloss_end {
                continue;
            }
            if let Some(len) = gloss_len(&rest[i..]) {
                gloss_end = i + len;
                continue;
            }
            n += 1;
            if n > HEAD_NOUN_CHARS || PHRASE_END.contains(&c) || (c.is_whitespace() && !self.spaced) {
                return None;
            }
            if self.spaced && !(i == 0 || rest[..i].ends_with(char::is_whitespace)) {
                // in spaced text particles sit at the end of words: look at each word's tail
                continue;
            }
            let lookup = if self.spaced {
                // the word's own ending, after its stem
                let word_len = rest[i..].find(|c: char| !attache_text::is_word_char(c)).unwrap_or(rest.len() - i);
                let word = &rest[i..i + word_len];
                self.list
                    .iter()
                    .find(|(w, p)| *p != Particle::Suffix && word.len() > w.len() && word.ends_with(w.as_str()))
            } else {
                self.list.iter().find(|(w, _)| rest[i..].starts_with(w.as_str()))
            };
            match lookup {
                Some((_, Particle::Genitive | Particle::Suffix)) | None => {}
                // a place phrase inside the noun phrase ("南シナ海での行動", "해상에서의 도발")
                Some((w, Particle::Locative))
                    if through_places
                        && !self.spaced
                        && self.list.iter().any(|(g, p)| {
                            *p == Particle::Genitive
                                && rest.get(i + w.len()..).is_some_and(|r| r.starts_with(g.as_str()))
                        }) => {}
                Some((_, p)) => return Some(*p),
            }
        }
        None
    }
}

/// The span of a quotation that a verb at `at` quotes ("외교부는 "북한은 …해야 한다"고
/// 촉구했다", 「…」と求めた): from its opening mark to its closing one, when only a quotative
/// ending stands between the closing mark and the verb.
fn quotation_before(key: &str, at: usize) -> Option<(usize, usize)> {
    let before = key.get(..at)?;
    // (only the last few characters can hold the closing mark: no scan of the whole sentence
    // for each verb)
    let (close_at, close) = before.char_indices().rev().take(QUOTATIVE_CHARS + 1).find(|&(_, c)| closes_quote(c))?;
    let gap = &before[close_at + close.len_utf8()..];
    if gap.chars().count() > QUOTATIVE_CHARS || gap.trim().contains(char::is_whitespace) || gap.contains(PHRASE_END) {
        return None;
    }
    let open = KEY_QUOTES.iter().find(|&&(_, q)| q == close)?.0;
    let open_at = before[..close_at].rfind(open)?;
    Some((open_at, close_at))
}

/// The bytes of the gloss in brackets `text` opens with, closing bracket included ("（当時）"),
/// when it opens with one that closes within [`GLOSS_MAX_BYTES`].
fn gloss_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）']).filter(|&c| c <= GLOSS_MAX_BYTES)?;
    let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
    Some(text.len() - inner.len() + close + close_len)
}

/// True when `start..end` stands inside a quotation whose closing mark comes before `verb`.
fn in_closed_quotation(key: &str, start: usize, end: usize, verb: usize) -> bool {
    let before = key.get(..start).unwrap_or("");
    let after = span_text(key, end, verb.max(end));
    crate::analysis::KEY_QUOTES.iter().any(|&(open, close)| {
        let opened = if open == close {
            before.matches(open).count() % 2 == 1
        } else {
            before.rfind(open).is_some_and(|o| before.rfind(close).is_none_or(|c| c < o))
        };
        opened && after.contains(close)
    })
}

/// A candidate argument: a group of coordinated mentions, or a word standing for actors
/// ("両国", "양측"), with the role its particle gives it.
#[derive(Debug, Clone)]
struct Unit {
    start: usize,
    end: usize,
    slot: Slot,
    role: Option<Particle>,
    /// For a genitive: the role of the noun phrase it belongs to.
    head: Option<Particle>,
}

fn units(a: &Analysis, key: &str, particles: &Particles) -> Vec<Unit> {
    let items = &a.items;
    let mut out: Vec<Unit> = Vec::new();
    let mut j = 0;
    while j < items.len() {
        let (lo, hi, slot) = match items[j].kind {
            ItemKind::Mention(_) => {
                let (lo, hi) = group_of(items, j, key);
                (lo, hi, Slot::Mentions(mentions_in(items, lo, hi)))
            }
            ItemKind::Word(WordClass::TwoSides) => (j, j, Slot::TwoSides),
            ItemKind::Word(WordClass::Participants) => (j, j, Slot::Participants),
            ItemKind::Word(WordClass::Pronoun) => (j, j, Slot::PersonPronoun),
            ItemKind::Word(WordClass::FirstPerson) => (j, j, Slot::FirstPerson),
            _ => {
                j += 1;
                continue;
            }
        };
        let start = items[lo].start;
        let end = items[hi].end;
        let found = particles.at(key, end);
        let role =
            found.map(|f| f.0).or_else(|| headline_topic(items, lo, hi, key, particles).then_some(Particle::Topic));
        let next_item = items.get(hi + 1).map_or(key.len(), |i| i.start);
        // a genitive, or a mention with no particle of its own ("일본 외교관 2명을"), takes
        // the role of the noun phrase it stands in
        let head = match found {
            // (an owner's noun phrase may hold a place: "中国の南シナ海での行動に")
            Some((Particle::Genitive, after)) => {
                particles.head_role(key, after, key.len().min(next_item.max(after)), true)
            }
            None => particles.head_role(key, end, key.len().min(next_item.max(end)), false),
            _ => None,
        };
        // "XとYは", "페루와 칠레를": a partner right before the subject or the object is
        // coordinated with it
        // (only after the clause's subject or topic: "日本、中国の外相と会談" opens a headline)
        let subject_before =
            out.iter().rev().skip(1).any(|u| matches!(u.role, Some(Particle::Topic | Particle::Subject)));
        if let Some(prev) = out.last_mut() {
            let adjacent =
                particles.at(key, prev.end).is_some_and(|(_, after)| span_text(key, after, start).trim().is_empty());
            // (also the owner of such a phrase: "米国と韓国の合同軍事演習を", "미국과 한국의 …을")
            let owner_of_phrase = role == Some(Particle::Genitive)
                && matches!(head, Some(Particle::Topic | Particle::Subject | Particle::Object));
            // "アルジェリアの外相、UAEの外相とそれぞれ会談": a group with no particle of its own,
            // set off by a comma right before a partner, is listed with that partner
            let listed_before_partner = subject_before
                && prev.role.is_none()
                && role == Some(Particle::With)
                && matches!(span_text(key, prev.end, start).trim(), "、" | ",");
            let coordinated = listed_before_partner
                || (prev.role == Some(Particle::With)
                    && adjacent
                    && (matches!(role, Some(Particle::Topic | Particle::Subject | Particle::Object))
                        || owner_of_phrase));
            if coordinated {
                if let (Slot::Mentions(first), Slot::Mentions(second)) = (&prev.slot, &slot) {
                    let mut both = first.clone();
                    both.extend(second.iter().copied());
                    *prev = Unit { start: prev.start, end, slot: Slot::Mentions(both), role, head };
                    j = hi + 1;
                    continue;
                }
            }
        }
        out.push(Unit { start, end, slot, role, head });
        j = hi + 1;
    }
    out
}

/// Most characters of a name before the title that opens a headline ([`headline_topic`]).
const HEADLINE_NAME_MAX_CHARS: usize = 4;

/// True when the group `lo..=hi` opens the sentence and a comma follows it with no particle,
/// and the actor right after the comma, if any, has a particle of its own that joins no list:
/// a headline's topic ("ロシア、北海道沖で日本漁船を拿捕", "日本政府、北朝鮮に抗議", "정부, 북한에
/// 항의"), not the first member of a list ("日本、中国の外相", "日本、中国と韓国").
fn headline_topic(items: &[crate::analysis::Item], lo: usize, hi: usize, key: &str, particles: &Particles) -> bool {
    let (Some(first), Some(last)) = (items.get(lo), items.get(hi)) else { return false };
    // (a name the register lacks may stand before the title: "岸田首相、…")
    let before = span_text(key, 0, first.start).trim();
    if before.chars().count() > HEADLINE_NAME_MAX_CHARS || !before.chars().all(char::is_alphabetic) {
        return false;
    }
    let rest = key.get(last.end..).unwrap_or("");
    let Some(after) = rest.strip_prefix('、').or_else(|| rest.strip_prefix(',')) else { return false };
    if after.trim_start().is_empty() {
        return false;
    }
    let Some(next) = items.get(hi + 1) else { return true };
    let right_after_comma = span_text(key, last.end, next.start).trim_start_matches(['、', ',']).trim().is_empty();
    match next.kind {
        ItemKind::Word(WordClass::And) => !right_after_comma,
        ItemKind::Mention(_) if right_after_comma => {
            let (_, next_hi) = group_of(items, hi + 1, key);
            let end = items.get(next_hi).map_or(next.end, |i| i.end);
            let lists = key.get(end..).is_some_and(|r| r.starts_with(['、', ',']));
            !lists
                && particles
                    .at(key, end)
                    .is_some_and(|(p, _)| !matches!(p, Particle::Genitive | Particle::With | Particle::Suffix))
        }
        _ => true,
    }
}

fn merged(list: &[&Unit]) -> Slot {
    let mut ms: Vec<usize> = Vec::new();
    for u in list {
        match &u.slot {
            Slot::Mentions(m) => ms.extend(m.iter().copied()),
            other => return other.clone(),
        }
    }
    Slot::Mentions(ms)
}

/// Find each trigger's slots in an analysed sentence of a verb-final language, and the
/// sentence's topic (its first mention marked by a topic particle), which stays the subject
/// of later sentences that name none.
pub fn clauses_verb_final(
    a: &Analysis,
    key: &str,
    patterns: &[Pattern],
    particles: &Particles,
) -> (Vec<Clause>, Option<Slot>) {
    let items = &a.items;
    let all_units = units(a, key, particles);
    // (a topic after a clause a verb and its connective close is no subject of that verb:
    // "이번 조치는 미국·일본과의 공조하에 이뤄졌으며, 미국 재무부도 …")
    let closed_clause_before = |at: usize| {
        items
            .iter()
            .any(|i| matches!(i.kind, ItemKind::Trigger { .. }) && i.end <= at && particles.closes_clause(key, i.end))
    };
    let topic = all_units
        .iter()
        .find(|u| u.role == Some(Particle::Topic) && matches!(u.slot, Slot::Mentions(_)))
        .filter(|u| !closed_clause_before(u.start))
        .map(|u| u.slot.clone());
    // the place: a place name, or a state or capital marked by a locative particle
    // ("東京で", "서울에서"): a venue, not a party
    let place = items
        .iter()
        .find_map(|i| match &i.kind {
            ItemKind::Place { country: Some(c) } => Some((c.clone(), i.start, i.end)),
            _ => None,
        })
        .or_else(|| {
            all_units.iter().find_map(|u| match &u.slot {
                Slot::Mentions(ms) if u.role == Some(Particle::Locative) && ms.len() == 1 => {
                    let m = a.mentions.get(ms[0]).filter(|m| !m.official)?;
                    Some((m.actor.clone()?, u.start, u.end))
                }
                _ => None,
            })
        });
    let mut out: Vec<Clause> = Vec::new();
    // whether each clause's verb ends in a connective (parallel to `out`)
    let mut joined_to_next: Vec<bool> = Vec::new();
    // whether each clause's plan is one the verbs joined before it share (parallel to `out`)
    let mut shares_plan: Vec<bool> = Vec::new();
    let mut previous_subject: Option<Slot> = None;
    // the last verb's end and its agent
    let mut last_verb: Option<(usize, Slot)> = None;
    let mut region_start = 0usize;
    let triggers: Vec<usize> =
        items.iter().enumerate().filter(|(_, i)| matches!(i.kind, ItemKind::Trigger { .. })).map(|(n, _)| n).collect();
    // where a verb written with a conditional ending ends ("발사하면"), looked for once
    let conditional_ending = particles.first_word_ending_in(key, WordClass::Conditional);
    for (tn, &ti) in triggers.iter().enumerate() {
        let item = &items[ti];
        let ItemKind::Trigger { pattern } = item.kind else { continue };
        let Some(p) = patterns.get(pattern) else { continue };
        // the words a verb quotes are another's: their topic is not this verb's subject but
        // whom it is aimed at ("외교부는 "북한은 …해야 한다"고 촉구했다")
        let quotation = quotation_before(key, item.start);
        let quoted = |u: &Unit| quotation.is_some_and(|(qs, qe)| u.start > qs && u.end <= qe);
        let before: Vec<&Unit> = all_units.iter().filter(|u| u.end <= item.start && !quoted(u)).collect();
        let region: Vec<&Unit> = before.iter().copied().filter(|u| u.start >= region_start).collect();
        let has = |u: &&Unit, roles: &[Particle]| u.role.is_some_and(|r| roles.contains(&r));
        let head_has = |u: &&Unit, roles: &[Particle]| u.head.is_some_and(|r| roles.contains(&r));
        let subjects = [Particle::Topic, Particle::Subject];

        // subject: the noun a relative clause modifies ("訪問中の河野外相", "방문한 기시다
        // 총리"); the owner of an event noun ("クアン主席の訪日"); a topic or subject in the
        // clause; a genitive inside the subject's noun phrase; a compound right before the
        // trigger ("日米首脳会談"); the "from" phrase of a report ("X から…述べた"); the
        // sentence's topic or reporter; the last verb's subject
        let next_trigger_start = triggers.get(tn + 1).map_or(key.len(), |&n| items[n].start);
        let close_after = |u: &&Unit, limit: usize| {
            let gap = span_text(key, item.end, u.start);
            u.start >= item.end
                && u.start < next_trigger_start
                && gap.chars().count() <= limit
                && !gap.contains(PHRASE_END)
        };
        let modified = all_units
            .iter()
            .find(|u| close_after(u, RELATIVE_GAP_CHARS))
            .filter(|u| particles.modifies_next_noun(span_text(key, item.start, u.start)));
        // a reaction to another's act (praise, disapproval, rejection) aimed at the act's owner
        let reaction = in_class(&p.code, &REACTIONS);
        // (and so is a hostile act's: "日本産水産物の輸入を停止", "日本の国会議員の入国を禁止")
        let owns_object = (reaction || in_class(&p.code, &HOSTILE))
            && p.frame == Frame::Dir
            && particles.has_inner_object(span_text(key, item.start, item.end));
        // (the object a reaction's trigger holds may have one word before it in spaced text:
        // "중국의 해상 도발을 비판")
        // (and in unspaced text a whole noun phrase: "日本の国会議員ら9人の入国を禁止",
        // "イスラエルのシリア空爆を非難")
        // (not a noun of its own with a role before the verb: "イランの男を拘束" detained an
        // Iranian man)
        let owner_gap = |g: &str| {
            (g.chars().count() <= OWNER_GAP_CHARS && !particles.ends_with_role(g))
                || (owns_object
                    && particles.spaced
                    && g.split_whitespace().count() <= 1
                    && g.chars().count() <= HEAD_NOUN_CHARS)
                || (owns_object
                    && !particles.spaced
                    && g.chars().count() <= HEAD_NOUN_CHARS
                    && !g.contains(PHRASE_END)
                    && !g.contains(char::is_whitespace))
        };
        let owner_unit = region.iter().rev().copied().find(|u| {
            (u.role == Some(Particle::Genitive) || (owns_object && u.role == Some(Particle::Suffix)))
                && particles.at(key, u.end).is_some_and(|(_, after)| owner_gap(span_text(key, after, item.start)))
        });
        // what a mediator mediates is owned by its parties: "ロシアとウクライナの停戦交渉を仲介する"
        // is aimed at both, and its subject is the clause's topic
        let mediation = in_class(&p.code, &MEDIATION);
        let owner = owner_unit.filter(|_| !owns_object && !mediation);
        // (a hostile act's object may be named by a bare state or official before it:
        // "日本の国会議員ら9人の入国を禁止", "일본산 수산물 수입을 전면 중단")
        let owned_object = owner_unit.filter(|_| owns_object).or_else(|| {
            let hostile_on_owned = owns_object && !reaction;
            hostile_on_owned
                .then(|| {
                    region.iter().rev().copied().find(|u| {
                        let gap = span_text(key, u.end, item.start);
                        matches!(u.role, None | Some(Particle::Genitive | Particle::Suffix))
                            && matches!(u.slot, Slot::Mentions(_))
                            && gap.chars().count() <= HEAD_NOUN_CHARS
                            && !gap.contains(PHRASE_END)
                            && (!particles.spaced || gap.split_whitespace().count() <= 2)
                    })
                })
                .flatten()
        });
        let mediated = owner_unit.filter(|_| mediation).map(|o| {
            // with the partner joined to it by "と" / "와"
            let partner = region.iter().copied().find(|u| {
                has(u, &[Particle::With])
                    && particles
                        .at(key, u.end)
                        .is_some_and(|(_, after)| span_text(key, after, o.start).trim().is_empty())
            });
            match partner {
                Some(w) => merged(&[w, o]),
                None => o.slot.clone(),
            }
        });
        let mut subject_unit: Option<&Unit> = None;
        let mut subject: Option<Slot> = None;
        // a subject found inside the clause goes on to the next verb; an owner or a
        // modified noun belongs to this verb only
        let mut clause_level = true;
        // (the owner of a hostile act suffered or of a request received is its agent: "러시아의
        // 공습을 받았다", "バヌアツ政府の要請を受け"; not of an invitation accepted, whose owner
        // the pattern codes otherwise)
        let suffered_from =
            owner.filter(|_| p.frame == Frame::Rev && (in_class(&p.code, &HOSTILE) || in_class(&p.code, &ASKING)));
        if let Some(u) = modified.or(owner.filter(|_| suffered_from.is_none())) {
            subject = Some(u.slot.clone());
            clause_level = false;
        }
        if subject.is_none() {
            // the topic before a subject: "林外相は、中国が…停止したことについて…抗議した"
            // (the が-phrase belongs to the embedded clause)
            // ... but an act that a reaction right after it is about, after a subject that
            // follows the topic, is that subject's ("…は、中国が日本人を拘束したことに抗議した":
            // 拘束 is China's)
            let reacted_to = triggers.get(tn + 1).and_then(|&n| items.get(n)).is_some_and(|next| {
                let gap = span_text(key, item.end, next.start);
                let ItemKind::Trigger { pattern: np } = next.kind else { return false };
                patterns.get(np).is_some_and(|q| in_class(&q.code, &REACTIONS))
                    && gap.chars().count() <= REACTED_ACT_GAP_CHARS
                    && !gap.contains(PHRASE_END)
            });
            // ... and so is the act of a clause the topic reports, when no verb of the packs
            // follows ("외교부는 중국이 한국 어선을 나포했다고 발표했다", "…は、北朝鮮が砲撃したと
            // 明らかにした": the seizure is China's, the shelling North Korea's)
            let reported = tn + 1 == triggers.len() && particles.reported_clause_ends(key, item.end);
            // (a topic or subject inside a quotation closed before the verb is the quoted
            // words' own when one stands outside it: "덴마크 총리는 "그린란드는 매물이 아니다"라며
            // 미국에 … 촉구했다")
            let outside = |u: &&Unit| !in_closed_quotation(key, u.start, u.end, item.start);
            let last_of = |role: Particle| {
                let mut found = region.iter().rev().copied().filter(|u| has(u, &[role]));
                let first = found.next();
                first.filter(outside).or_else(|| found.find(outside)).or(first)
            };
            let last_topic = last_of(Particle::Topic);
            let last_subject = last_of(Particle::Subject);
            subject_unit = match (last_topic, last_subject) {
                (Some(t), Some(s)) if (reacted_to || reported) && s.start > t.start => Some(s),
                (Some(t), _) => Some(t),
                (None, s) => s,
            };
            if subject_unit.is_none() {
                subject_unit = region.iter().rev().copied().find(|u| head_has(u, &subjects));
            }
            subject = subject_unit.map(|u| u.slot.clone());
        }
        if subject.is_none() && matches!(p.frame, Frame::Sym | Frame::Meet) {
            let compound: Vec<&Unit> = region
                .iter()
                .rev()
                .copied()
                .take_while(|u| u.role.is_none() && span_text(key, u.end, item.start).chars().count() <= 2)
                .collect();
            if !compound.is_empty() {
                subject = Some(merged(&compound));
            }
        }
        let from_unit = region.iter().rev().copied().find(|u| has(u, &[Particle::From]));
        if subject.is_none() && p.frame != Frame::Rev {
            subject = from_unit.map(|u| u.slot.clone());
        }
        if subject.is_none() {
            let reporter =
                if p.frame == Frame::Rev { &[Particle::Topic][..] } else { &[Particle::Topic, Particle::From][..] };
            subject = before.iter().rev().find(|u| has(u, reporter)).map(|u| u.slot.clone());
        }
        if subject.is_none() {
            subject = previous_subject.clone();
        }
        // a sentence without a subject keeps the last one of the text: Japanese and Korean
        // leave out a subject the reader already knows
        if subject.is_none() && p.frame != Frame::Rev {
            subject = Some(Slot::Pronoun);
        }
        let subject_end = subject_unit.map_or(region_start, |u| u.end);

        // object: the object or addressee of the clause; for a symmetric act the partner
        let others: Vec<&Unit> =
            region.iter().copied().filter(|u| subject_unit.is_none_or(|s| s.start != u.start)).collect();
        let object_unit = others.iter().rev().copied().find(|u| has(u, &[Particle::Object]));
        let with_unit = others.iter().rev().copied().find(|u| has(u, &[Particle::With]));
        let head_object = others.iter().rev().copied().find(|u| head_has(u, &[Particle::Object, Particle::With]));
        // "북한은 한국이 …다고 비난했다", "日本は中国が…したことを非難した": with a topic as the
        // subject, the subject of the embedded clause is what the act is aimed at
        // (only for the sentence's last verb: the embedded verb's own subject is that phrase;
        // but a reaction is never the embedded verb, and its topic may stand before an earlier
        // verb: "茂木外相は、北朝鮮が…発射したことを取り上げ、「…容認できない」と強く非難した")
        let reaction_by_topic = reaction && p.frame == Frame::Dir;
        let topic_outside_region = subject_unit.is_none()
            && reaction_by_topic
            && before.iter().any(|u| has(u, &[Particle::Topic]) && Some(&u.slot) == subject.as_ref());
        let topic_subject = subject_unit.is_some_and(|s| has(&s, &[Particle::Topic]));
        let embedded_subject = ((topic_subject && (tn + 1 == triggers.len() || reaction_by_topic))
            || topic_outside_region)
            .then(|| {
                let candidates = if topic_outside_region { &before } else { &others };
                candidates.iter().copied().find(|u| {
                    has(u, &[Particle::Subject])
                        && (!reaction_by_topic
                            || (matches!(u.slot, Slot::Mentions(_)) && Some(&u.slot) != subject.as_ref()))
                })
            })
            .flatten();
        let mut partner = false;
        let mut object = Slot::Missing;
        match p.frame {
            Frame::Rev => {
                if let Some(u) = from_unit.or(object_unit).or(suffered_from) {
                    object = u.slot.clone();
                }
            }
            Frame::Sym | Frame::Meet => {
                if let Some(u) = with_unit {
                    object = u.slot.clone();
                    partner = true;
                } else if let Some(u) = object_unit {
                    object = u.slot.clone();
                } else if let Some(u) =
                    head_object.filter(|u| u.role != Some(Particle::Genitive) || head_has(u, &[Particle::With]))
                {
                    // (but not the owner of what it is about: "북한의 사이버 위협에 공동
                    // 대응하기로 합의했다"; "台湾の代表と会談した" still meets Taiwan)
                    object = u.slot.clone();
                }
            }
            Frame::Dir | Frame::Visit | Frame::Host => {
                // "AにX、BにYの援助": every addressee of the clause
                let addressees: Vec<&Unit> = others.iter().copied().filter(|u| has(u, &[Particle::Object])).collect();
                if let Some(m) = &mediated {
                    object = m.clone();
                } else if addressees.len() > 1 && addressees.iter().all(|u| matches!(u.slot, Slot::Mentions(_))) {
                    object = merged(&addressees);
                } else if let Some(u) = embedded_subject
                    .filter(|e| reaction_by_topic && object_unit.is_some_and(|o| o.start > e.start))
                    // (not one inside a quotation closed before the object: "「中国が…べきだ」と
                    // 述べ、ロシアを非難した" criticised Russia)
                    .filter(|e| !object_unit.is_some_and(|o| in_closed_quotation(key, e.start, e.end, o.start)))
                    .or(object_unit)
                    .or(embedded_subject)
                    .or(with_unit)
                    .or(head_object)
                    .or(owned_object)
                {
                    // ("미국은 러시아가 우크라이나를 공격했다고 비난했다": a reaction is aimed at
                    // the embedded clause's subject, not at that clause's own object)
                    object = u.slot.clone();
                } else if let Some(u) =
                    all_units.iter().find(|u| u.start >= item.start && u.end <= item.end && has(u, &[Particle::Object]))
                {
                    // "방공 장비를 니제르에 보냈다": an addressee inside the trigger's gap
                    object = u.slot.clone();
                }
            }
        }
        // "ロシアのウクライナへの攻撃を非難した", "중국의 필리핀 선박에 대한 물대포 발사를 비난": a
        // reaction to an act aimed at its object is aimed at the act's owner, the genitive before
        if reaction && p.frame == Frame::Dir {
            let aimed = others.iter().copied().find(|u| u.slot == object && particles.adnominal_object_at(key, u.end));
            let owner = aimed.and_then(|a| {
                others.iter().copied().rev().find(|g| {
                    g.role == Some(Particle::Genitive)
                        && g.end <= a.start
                        && matches!(g.slot, Slot::Mentions(_))
                        && particles.at(key, g.end).is_some_and(|(_, after)| {
                            let gap = span_text(key, after, a.start);
                            gap.chars().count() <= OWNER_GAP_CHARS && !gap.contains(PHRASE_END)
                        })
                })
            });
            if let Some(g) = owner {
                object = g.slot.clone();
            }
        }
        // "…"북한은 즉각 도발을 중단해야 한다"고 촉구했다": an appeal or a reaction quoting words
        // about another is aimed at the topic or subject of those words, or at its owner
        // (""한국의 제재 놀음은 …"이라고 비난")
        if object == Slot::Missing
            && p.frame == Frame::Dir
            && (in_class(&p.code, &ASKING) || in_class(&p.code, &REACTIONS) || in_class(&p.code, &THREATS))
        {
            // (a genitive whose noun phrase, an act named inside the quotation, is its topic)
            let owns_quoted_topic = |u: &Unit| {
                u.role == Some(Particle::Genitive)
                    && quotation.is_some_and(|(_, qe)| {
                        particles.at(key, u.end).is_some_and(|(_, after)| {
                            particles.head_role(key, after, qe, false).is_some_and(|r| subjects.contains(&r))
                        })
                    })
            };
            let addressee = all_units.iter().find(|u| {
                quoted(u)
                    && (has(u, &subjects) || head_has(u, &subjects) || owns_quoted_topic(u))
                    && matches!(u.slot, Slot::Mentions(_))
                    && subject.as_ref().is_none_or(|s| *s != u.slot)
            });
            if let Some(u) = addressee {
                object = u.slot.clone();
            }
        }
        // "今回の空爆を非難した", "이번 공습을 규탄했다": an earlier act named right before
        // the verb (its object particle between) stands for that act's actor
        let mut act_reference = None;
        if object == Slot::Missing && p.frame == Frame::Dir {
            let reference = items.iter().rev().find(|i| {
                i.kind == ItemKind::Word(WordClass::ActReference) && i.start >= region_start && i.end <= item.start
            });
            if let Some(r) = reference {
                if span_text(key, r.end, item.start).trim().chars().count() <= ACT_REFERENCE_GAP_CHARS {
                    // "한국 정부의 이번 제재 발표를 환영했다": an owner in the genitive names the
                    // act's actor
                    let owner = all_units.iter().find(|u| {
                        u.role == Some(Particle::Genitive)
                            && u.end <= r.start
                            && span_text(key, u.end, r.start).trim().chars().count() <= OWNER_GAP_CHARS
                    });
                    match owner {
                        Some(u) => object = u.slot.clone(),
                        None => {
                            object = Slot::LastActor;
                            act_reference = Some((r.start, r.end));
                        }
                    }
                }
            }
        }
        let mut subject = subject.unwrap_or(Slot::Missing);
        if p.frame == Frame::Rev {
            std::mem::swap(&mut subject, &mut object);
        }
        // "中国が日本人を拘束したことに抗議した", "베네수엘라 정부가 …체포한 데 대해 우려를
        // 표명했다": a reaction right after the act it is about is aimed at that act's agent
        let reaction_to_act = p.frame == Frame::Dir && in_class(&p.code, &REACTIONS);
        if reaction_to_act && object == Slot::Missing {
            if let Some((end, agent)) = &last_verb {
                let gap = span_text(key, *end, item.start);
                if matches!(agent, Slot::Mentions(_))
                    && *agent != subject
                    && gap.chars().count() <= REACTED_ACT_GAP_CHARS
                    && !gap.contains(PHRASE_END)
                {
                    object = agent.clone();
                }
            }
        }
        last_verb = Some((item.end, subject.clone()));

        let clause_end = items[ti + 1..]
            .iter()
            .find(|i| {
                matches!(
                    i.kind,
                    ItemKind::Trigger { .. } | ItemKind::Word(WordClass::ClauseBreak | WordClass::Continuation)
                )
            })
            .map_or(key.len(), |i| i.start);
        // the words right after the verb, its own word's ending included ("제공하기로 했다")
        let verb_tail = {
            let rest = span_text(key, item.end, clause_end.max(item.end));
            let cut = rest.char_indices().nth(AFTER_TRIGGER_CHARS).map_or(rest.len(), |(i, _)| i);
            &rest[..cut]
        };
        let after = |class: WordClass| {
            items.iter().any(|i| {
                i.kind == ItemKind::Word(class)
                    && i.start >= item.end
                    && i.start < clause_end
                    && span_text(key, item.end, i.start).chars().count() <= AFTER_TRIGGER_CHARS
            }) || particles.ending_in(verb_tail, class)
        };
        let between = |class: WordClass| {
            items.iter().any(|i| i.start >= subject_end && i.end <= item.start && i.kind == ItemKind::Word(class))
        };
        let sentence_has =
            |class: WordClass| items.iter().any(|i| i.start < item.start && i.kind == ItemKind::Word(class));
        // (a negation inside a quotation before the verb is the quoted words': "「根拠がない」と
        // 反論した", "\"…것이 아니다\"라며 항의를 반박했다")
        let negated_before = items.iter().any(|i| {
            i.start >= subject_end
                && i.end <= item.start
                && i.kind == ItemKind::Word(WordClass::Negation)
                && !span_text(key, i.end, item.start).contains(crate::analysis::closes_quote)
        });
        let negated = after(WordClass::Negation) || negated_before;
        // a threat is conditional by nature: "挑発を続ければ…と警告した" warns all the same
        // (in spaced text a condition may be a verb's own ending before it: "북한이 미사일을
        // 발사하면 … 제재를 강화할 방침이다")
        let conditional = !in_class(&p.code, &THREATS)
            && (sentence_has(WordClass::Conditional)
                || after(WordClass::Conditional)
                || conditional_ending.is_some_and(|end| end <= item.start));
        // a verb that goes on into the rest of its clause ("회담하고 … 논의할 계획이다") shares the
        // plan word that ends it, however far
        let connects = particles.connects(verb_tail);
        // the future words after the verb in its clause; one naming what was agreed ("することで
        // 一致") makes its own verb a plan, but neither a verb that goes on into it ("会談し、…
        // 協議することで一致した": the talks took place) nor the verbs joined before
        let futures_after = || {
            items
                .iter()
                .filter(|i| i.kind == ItemKind::Word(WordClass::Future) && i.start >= item.end && i.start < clause_end)
        };
        let own = |i: &crate::analysis::Item| particles.is_own_future(span_text(key, i.start, i.end));
        let future =
            after(WordClass::Future) || between(WordClass::Future) || (connects && futures_after().any(|i| !own(i)));
        let own_only = !between(WordClass::Future)
            && !particles.ending_in(verb_tail, WordClass::Future)
            && futures_after().next().is_some()
            && futures_after().all(own);
        let plan_to_share = future && !own_only;
        // a verb that modifies the noun after it ("…に放水した問題に触れ") is inside another's
        // clause: its subject does not go on to the next verb (unless it is that noun)
        let adnominal = modified.is_none() && particles.ends_adnominal_clause(key, item.end, verb_tail);
        if subject != Slot::Missing && clause_level && !adnominal {
            previous_subject = Some(subject.clone());
        }
        let context_start = region_start;
        region_start = item.end;
        if negated || conditional {
            continue;
        }
        // "援助物資を供与した": a noun and its verb name one act; the more specific code stays
        if let Some(last) = out.last_mut() {
            let adjacent = span_text(key, last.end, item.start).chars().count() <= 2;
            if adjacent && same_root(patterns, last.pattern, pattern) {
                let generic = |n: usize| patterns.get(n).is_some_and(|q| q.code.ends_with('0'));
                if generic(last.pattern) && !generic(pattern) {
                    last.pattern = pattern;
                    last.end = item.end;
                }
                continue;
            }
        }
        joined_to_next.push(connects);
        shares_plan.push(plan_to_share);
        out.push(Clause {
            pattern,
            start: item.start,
            end: item.end,
            subject,
            object,
            partner,
            between: false,
            act_reference,
            named_deed: None,
            act_doer_named: false,
            // (a place past the verb's comma, before a later verb, is that verb's: "電話で会談し、
            // 来月東京で協議する"; "会談が東京で行われた", "訪問先のマニラで" are the first's)
            place: place.clone().filter(|(_, ps, _)| {
                *ps < item.start
                    || !span_text(key, item.end, *ps).contains(['、', ','])
                    || !triggers[tn + 1..].iter().any(|&later| items[later].start >= *ps)
            }),
            future,
            background: items.iter().any(|i| {
                i.kind == ItemKind::Word(WordClass::Background) && i.start >= context_start && i.end <= item.start
            }),
            context_start,
            context_end: Some(item.end),
            embedded: adnominal,
            in_relative: false,
        });
    }
    // a verb joined by a connective to the next shares its plan: "회담하고 … 논의할 계획이다"
    for i in (0..out.len().saturating_sub(1)).rev() {
        if joined_to_next.get(i).copied().unwrap_or(false)
            && out[i + 1].future
            && shares_plan.get(i + 1).copied().unwrap_or(true)
        {
            out[i].future = true;
        }
    }
    // a one-way verb joined by a connective to the one before it, with the same subject and no
    // object of its own, acts on that verb's object: "外交官を拘束し、国外退去を命じた"
    for i in 1..out.len() {
        let one_way = patterns.get(out[i].pattern).is_some_and(|p| p.frame == Frame::Dir);
        if one_way
            && joined_to_next.get(i - 1).copied().unwrap_or(false)
            && out[i].object == Slot::Missing
            && out[i].subject == out[i - 1].subject
            && matches!(out[i - 1].object, Slot::Mentions(_))
        {
            out[i].object = out[i - 1].object.clone();
        }
    }
    (out, topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ja() -> Particles {
        Particles::new(
            &[
                (Particle::Topic, "は".into()),
                (Particle::Subject, "が".into()),
                (Particle::Object, "を".into()),
                (Particle::Object, "に".into()),
                (Particle::Object, "に対し".into()),
                (Particle::With, "と".into()),
                (Particle::With, "との".into()),
                (Particle::Genitive, "の".into()),
                (Particle::From, "から".into()),
            ],
            false,
        )
    }

    #[test]
    fn the_longest_particle_is_read() {
        let p = ja();
        assert_eq!(p.at("外相に対し述べた", "外相".len()).map(|x| x.0), Some(Particle::Object));
        assert_eq!(p.at("外相に対し述べた", "外相".len()).map(|x| x.1), Some("外相に対し".len()));
        assert_eq!(p.at("外相との会談", "外相".len()).map(|x| x.0), Some(Particle::With));
        assert_eq!(p.at("外相会談", "外相".len()), None);
    }

    #[test]
    fn a_gloss_in_brackets_is_skipped() {
        let p = ja();
        let key = "外務大臣(minister for foreign affairs)と会談";
        assert_eq!(p.at(key, "外務大臣".len()).map(|x| x.0), Some(Particle::With));
        // (full-width brackets too)
        let key = "岩屋外相（当時）は会談";
        assert_eq!(p.at(key, "岩屋外相".len()).map(|x| x.0), Some(Particle::Topic));
    }

    #[test]
    fn a_gloss_in_brackets_after_the_head_noun_of_a_genitive_is_skipped() {
        let p = ja();
        let key = "欧州委員会のシェフチョビッチ委員（通商・経済安全保障担当）は会談";
        let after = "欧州委員会の".len();
        assert_eq!(p.head_role(key, after, key.len(), false), Some(Particle::Topic));
    }

    #[test]
    fn a_genitive_takes_the_role_of_its_head_noun() {
        let p = ja();
        let key = "日本の支援の継続に対する謝意";
        let after = "日本の".len();
        assert_eq!(p.head_role(key, after, key.len(), false), Some(Particle::Object));
        // a comma ends the noun phrase
        assert_eq!(p.head_role("日本の、支援に", after, "日本の、支援に".len(), false), None);
    }

    #[test]
    fn korean_particles_are_whole_word_endings_too() {
        let p = Particles::new(&[(Particle::Locative, "에서".into())], true);
        assert_eq!(p.at("서울에서 회담", "서울".len()).map(|x| x.0), Some(Particle::Locative));
    }

    #[test]
    fn korean_particles_are_whole_word_endings() {
        let p = Particles::new(
            &[(Particle::With, "과".into()), (Particle::With, "과의".into()), (Particle::Topic, "은".into())],
            true,
        );
        assert_eq!(p.at("외무상과 회담", "외무상".len()).map(|x| x.0), Some(Particle::With));
        assert_eq!(p.at("외무상과의 회담", "외무상".len()).map(|x| x.0), Some(Particle::With));
        assert_eq!(p.at("외무상과학 회담", "외무상".len()), None);
        assert_eq!(p.head_role("장관은", 0, "장관은".len(), false), Some(Particle::Topic));
    }
}
