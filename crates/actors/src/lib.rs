//! The actor knowledge base: names of states and organisations per language (CLDR plus
//! the packs' own demonyms, genitives and capitals), office titles per language, and the
//! dated register of heads of state, heads of government and foreign ministers.
//!
//! Recognition in running text (assembling "Japan's Foreign Minister Kamikawa" into one
//! actor) happens in the coder, which matches these phrases; this crate answers what a
//! phrase denotes and who held an office on a given date.

use std::collections::HashMap;

use attache_langdata::{DataError, DataSource};

/// Errors loading the knowledge base.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A data file could not be read.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A data file has a malformed line.
    #[error("{file}:{line}: {message}")]
    Malformed {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// What a state or organisation phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    /// A name of the state or organisation.
    Name,
    /// A demonym or adjective ("Japanese").
    Demonym,
    /// A genitive form ("Japans").
    Genitive,
    /// A capital or seat, a metonym for the state unless it follows a locative word.
    Capital,
    /// A place that only ever names a location.
    Place,
    /// Two or more states named together in one word ("日米" Japan and the US, "한미일",
    /// "中日韩"): the actor field holds their codes joined by `+` (`JPN+USA`, `KOR+USA+JPN`).
    Pair,
    /// A party that is no state or organisation ("the international community", "donors"):
    /// it fills the slot it stands in, so no other actor stands in for it. Actor field `-`.
    Other,
}

impl PhraseKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "name" | "formal" | "colloquial" | "short" | "acronym" => Self::Name,
            "demonym" | "adjective" => Self::Demonym,
            "genitive" => Self::Genitive,
            "capital" | "seat" => Self::Capital,
            "place" | "city" | "region" => Self::Place,
            "pair" => Self::Pair,
            "other" => Self::Other,
            _ => return None,
        })
    }
}

/// A phrase naming a state or organisation in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorPhrase {
    /// The phrase as written.
    pub phrase: String,
    /// ISO 3166-1 alpha-3 code or `IGO:ACRONYM`.
    pub actor: String,
    /// What kind of phrase it is.
    pub kind: PhraseKind,
}

/// An office title in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitlePhrase {
    /// The title as written.
    pub phrase: String,
    /// PLOVER sector (`GOV`, `LEG`, ...).
    pub sector: String,
    /// Role (`foreign_minister`, `head_of_government`, ...).
    pub role: String,
    /// The state the title belongs to when the text names none: a title that the language
    /// keeps for one foreign office (Korean 외무상 is Japan's foreign minister, 국무장관 the
    /// US secretary of state). Several states separated by `|` ("DEU|AUT") are a choice that
    /// the document's actors decide; [`FOREIGN_TITLE`] marks a title the language's home state
    /// does not have.
    pub state: Option<String>,
}

/// The state column of a title the language's home state does not have (`-` in titles.tsv:
/// "president" in Norwegian, "大統領" in Japanese): an official with that title and no state
/// named is never the home state's.
pub const FOREIGN_TITLE: &str = "-";

/// One term of office of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The state served.
    pub country: String,
    /// `head_of_state`, `head_of_government`, `foreign_minister`, `party_leader`.
    pub role: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`, empty while in office.
    pub end: String,
}

/// A person in the register, with every term they served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Canonical name, in the order the person's own country writes it.
    pub canonical: String,
    /// Terms of office, in file order.
    pub terms: Vec<Term>,
}

/// Everything known about states, organisations, titles and office-holders.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    actors: HashMap<String, Vec<ActorPhrase>>,
    titles: HashMap<String, Vec<TitlePhrase>>,
    people: Vec<Person>,
    variants: Vec<(String, usize)>,
    display: HashMap<String, String>,
    name_orders: HashMap<String, NameOrder>,
}

/// How the people of a state write a person's name, which decides the part the press calls
/// an official by again (`data/kb/name_order.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NameOrder {
    /// Given name first, family name last ("Espen Barth Eide … Eide").
    #[default]
    GivenFirst,
    /// Family name first ("Xi Jinping … Xi", "佐藤花子 … 佐藤氏").
    FamilyFirst,
    /// Given name, then the father's and the mother's surnames; the father's is the one used
    /// alone ("Gonzalo Ugarte Rivas … Ugarte").
    TwoSurnames,
}

fn rows<'a>(text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').map(str::trim).collect()))
}

/// The range `[first day, last day]` a partial date `YYYY[-MM[-DD]]` covers, as strings.
pub fn date_bounds(date: &str) -> (String, String) {
    match date.len() {
        4 => (format!("{date}-01-01"), format!("{date}-12-31")),
        7 => (format!("{date}-01"), format!("{date}-31")),
        _ => (date.to_string(), date.to_string()),
    }
}

impl Term {
    /// True when the term overlaps the partial date `date`.
    pub fn active_at(&self, date: &str) -> bool {
        let (first, last) = date_bounds(date);
        self.start.as_str() <= last.as_str() && (self.end.is_empty() || self.end.as_str() >= first.as_str())
    }
}

/// A pack names what a phrase denotes in its language over the shared tables: of the names
/// before `pack_from` in `list` (CLDR's, the organisations'), those the pack's own phrases after
/// it give another actor are left out ("Dominica", which Vietnamese press writes for the
/// Dominican Republic, `DOM|DMA` in the pack against CLDR's `DMA`). Phrases are compared
/// without case.
fn overrule_shared_names(list: &mut Vec<ActorPhrase>, pack_from: usize) {
    if pack_from == 0 || pack_from >= list.len() {
        return;
    }
    let pack: HashMap<String, &str> =
        list[pack_from..].iter().map(|p| (p.phrase.to_lowercase(), p.actor.as_str())).collect();
    let overruled: Vec<bool> =
        list[..pack_from].iter().map(|p| pack.get(&p.phrase.to_lowercase()).is_some_and(|a| *a != p.actor)).collect();
    let mut i = 0;
    list.retain(|_| {
        let keep = !overruled.get(i).copied().unwrap_or(false);
        i += 1;
        keep
    });
}

impl KnowledgeBase {
    /// Load every table from `src`; languages are those with a pack.
    pub fn load(src: &DataSource) -> Result<Self, KbError> {
        let mut kb = Self::default();
        let langs = src.pack_languages();
        let normalise_lang = |l: &str| match l {
            "nb" | "nn" => "no".to_string(),
            other => other.split(['-', '_']).next().unwrap_or(other).to_string(),
        };
        if let Some(text) = src.read("data/kb/countries.tsv")? {
            for (_, f) in rows(&text) {
                if f.len() < 4 {
                    continue;
                }
                let lang = normalise_lang(f[2]);
                if lang == "en" {
                    kb.display.entry(f[0].to_string()).or_insert_with(|| f[3].to_string());
                }
                kb.actors.entry(lang).or_default().push(ActorPhrase {
                    phrase: f[3].to_string(),
                    actor: f[0].to_string(),
                    kind: PhraseKind::Name,
                });
            }
        }
        if let Some(text) = src.read("data/kb/name_order.tsv")? {
            for (line, f) in rows(&text) {
                match f.as_slice() {
                    [code, "family_first"] => {
                        kb.name_orders.insert(code.to_string(), NameOrder::FamilyFirst);
                    }
                    [code, "two_surnames"] => {
                        kb.name_orders.insert(code.to_string(), NameOrder::TwoSurnames);
                    }
                    [_, order] => {
                        return Err(KbError::Malformed {
                            file: "data/kb/name_order.tsv".into(),
                            line,
                            message: format!("unknown name order `{order}` (family_first, two_surnames)"),
                        })
                    }
                    _ => {}
                }
            }
        }
        if let Some(text) = src.read("data/kb/organizations.tsv")? {
            for (_, f) in rows(&text) {
                if f.len() < 3 {
                    continue;
                }
                let lang = normalise_lang(f[1]);
                if lang == "en" {
                    kb.display.entry(f[0].to_string()).or_insert_with(|| f[2].to_string());
                }
                kb.actors.entry(lang).or_default().push(ActorPhrase {
                    phrase: f[2].to_string(),
                    actor: f[0].to_string(),
                    kind: PhraseKind::Name,
                });
            }
        }
        for lang in &langs {
            let file = format!("packs/{lang}/actors.tsv");
            let shared_names = kb.actors.get(lang.as_str()).map_or(0, Vec::len);
            if let Some(text) = src.read(&file)? {
                for (line, f) in rows(&text) {
                    let kind = f.get(2).copied().unwrap_or("name");
                    let (Some(phrase), Some(actor), Some(kind)) = (f.first(), f.get(1), PhraseKind::parse(kind)) else {
                        return Err(KbError::Malformed { file, line, message: "expected phrase, actor, kind".into() });
                    };
                    if (kind == PhraseKind::Pair) != (actor.split('+').filter(|a| !a.is_empty()).count() >= 2) {
                        return Err(KbError::Malformed {
                            file,
                            line,
                            message: "a pair names two or more actors joined by `+` (JPN+USA, JPN+USA+KOR), and only a pair does".into(),
                        });
                    }
                    kb.actors.entry(lang.clone()).or_default().push(ActorPhrase {
                        phrase: phrase.to_string(),
                        actor: actor.to_string(),
                        kind,
                    });
                }
            }
            if let Some(list) = kb.actors.get_mut(lang.as_str()) {
                overrule_shared_names(list, shared_names);
            }
            let file = format!("packs/{lang}/titles.tsv");
            if let Some(text) = src.read(&file)? {
                for (line, f) in rows(&text) {
                    if f.len() < 3 {
                        return Err(KbError::Malformed { file, line, message: "expected phrase, sector, role".into() });
                    }
                    let state = f.get(3).map(|c| c.trim()).filter(|c| !c.is_empty());
                    // one state, or a choice of states ("DEU|AUT") that the document decides, or an
                    // organisation ("European Commissioner": IGO:EU)
                    let alpha3 = |c: &str| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase());
                    let organisation = |c: &str| {
                        c.strip_prefix("IGO:").is_some_and(|a| !a.is_empty() && !a.contains(char::is_whitespace))
                    };
                    if state.is_some_and(|c| c != FOREIGN_TITLE && !organisation(c) && !c.split('|').all(alpha3)) {
                        return Err(KbError::Malformed {
                            file,
                            line,
                            message: "the fourth column is the title's state, an ISO alpha-3 code, or several \
                                      separated by |, or an organisation's IGO: code"
                                .into(),
                        });
                    }
                    kb.titles.entry(lang.clone()).or_default().push(TitlePhrase {
                        phrase: f[0].to_string(),
                        sector: f[1].to_string(),
                        role: f[2].to_string(),
                        state: state.map(str::to_string),
                    });
                }
            }
        }
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut seen_variants: std::collections::HashSet<(String, usize)> = std::collections::HashSet::new();
        let mut people_files = vec!["data/kb/people.tsv".to_string()];
        people_files.extend(src.tsv_files_in("data/kb/people"));
        for file in people_files {
            let Some(text) = src.read(&file)? else { continue };
            for (line, f) in rows(&text) {
                if f.len() < 5 {
                    return Err(KbError::Malformed {
                        file: file.clone(),
                        line,
                        message: "expected country, role, start, end, canonical[, variants]".into(),
                    });
                }
                let term = Term {
                    country: f[0].to_string(),
                    role: f[1].to_string(),
                    start: f[2].to_string(),
                    end: f[3].to_string(),
                };
                let canonical = f[4].to_string();
                let id = *by_name.entry(canonical.clone()).or_insert_with(|| {
                    kb.people.push(Person { canonical: canonical.clone(), terms: Vec::new() });
                    kb.people.len() - 1
                });
                kb.people[id].terms.push(term);
                let mut names = vec![canonical.clone()];
                names.extend(
                    f.get(5).unwrap_or(&"").split('|').map(str::trim).filter(|v| !v.is_empty()).map(str::to_string),
                );
                for n in names {
                    // (a set beside the list: a scan of the list for each name was quadratic)
                    if seen_variants.insert((n.clone(), id)) {
                        kb.variants.push((n, id));
                    }
                }
            }
        }
        Ok(kb)
    }

    /// Phrases naming states and organisations in `lang`.
    pub fn actor_phrases(&self, lang: &str) -> &[ActorPhrase] {
        self.actors.get(lang).map_or(&[], Vec::as_slice)
    }

    /// Office titles in `lang`.
    pub fn title_phrases(&self, lang: &str) -> &[TitlePhrase] {
        self.titles.get(lang).map_or(&[], Vec::as_slice)
    }

    /// Every written form of every person in the register, with the person's index.
    pub fn person_variants(&self) -> &[(String, usize)] {
        &self.variants
    }

    /// The person at `id` (from [`Self::person_variants`]).
    pub fn person(&self, id: usize) -> Option<&Person> {
        self.people.get(id)
    }

    /// The register's people who held `role` for `country` at the partial date `date`, with
    /// their ids.
    pub fn office_holders<'a>(
        &'a self,
        country: &'a str,
        role: &'a str,
        date: &'a str,
    ) -> impl Iterator<Item = (usize, &'a Person)> + 'a {
        self.people
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.terms.iter().any(|t| t.country == country && t.role == role && t.active_at(date)))
    }

    /// Every written form of person `id`: the canonical name, then its variants.
    pub fn names_of(&self, id: usize) -> impl Iterator<Item = &str> {
        self.people
            .get(id)
            .map(|p| p.canonical.as_str())
            .into_iter()
            .chain(self.variants.iter().filter(move |(_, i)| *i == id).map(|(v, _)| v.as_str()))
    }

    /// The person whose canonical name is `name`.
    pub fn person_by_name(&self, name: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.canonical == name)
    }

    /// The term person `id` served at `date` (partial date), else their latest term.
    pub fn resolve_person(&self, id: usize, date: Option<&str>) -> Option<&Term> {
        let p = self.people.get(id)?;
        if let Some(d) = date {
            // offices of two actors at once are a handover the register dates loosely (a
            // foreign minister elected to head an organisation): the newer office is the one
            // held; of one actor's offices, the highest
            let active = || p.terms.iter().filter(|t| t.active_at(d));
            if let Some(newest) = active().max_by(|a, b| a.start.cmp(&b.start)) {
                return active().filter(|t| t.country == newest.country).max_by_key(|t| role_rank(&t.role));
            }
        }
        p.terms.iter().max_by(|a, b| a.start.cmp(&b.start))
    }

    /// Whether person `id` held an office of the register within a year of `date`
    /// (`YYYY[-MM[-DD]]`): in office, elected but not yet sworn in, or just out.
    pub fn in_office_around(&self, id: usize, date: &str) -> bool {
        let Some(year) = date.get(..4).and_then(|y| y.parse::<i32>().ok()) else { return true };
        let year_of = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
        self.people.get(id).is_some_and(|p| {
            p.terms.iter().any(|t| {
                let start = year_of(&t.start).unwrap_or(i32::MIN);
                let end = if t.end.is_empty() { i32::MAX } else { year_of(&t.end).unwrap_or(i32::MAX) };
                start.saturating_sub(1) <= year && year <= end.saturating_add(1)
            })
        })
    }

    /// A readable English name for an actor code ("Japan", "Association of Southeast Asian Nations").
    pub fn display_name(&self, code: &str) -> Option<&str> {
        self.display.get(code).map(String::as_str)
    }

    /// How the people of state `code` write their names (`name_order.tsv`), which decides the
    /// part an official is called again by ("Xi Jinping … Xi", "Gonzalo Ugarte Rivas … Ugarte").
    pub fn name_order(&self, code: &str) -> NameOrder {
        self.name_orders.get(code).copied().unwrap_or_default()
    }

    /// Number of people in the register.
    pub fn people_count(&self) -> usize {
        self.people.len()
    }
}

fn role_rank(role: &str) -> u8 {
    match role {
        "head_of_state" => 4,
        "head_of_government" => 3,
        "party_leader" => 2,
        "foreign_minister" => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A knowledge base loaded from `files` written to a fresh folder.
    fn try_kb_from(files: &[(&str, &str)]) -> Result<KnowledgeBase, KbError> {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("attache-actors-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (p, c) in files {
            let path = dir.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, c).unwrap();
        }
        let kb = KnowledgeBase::load(&DataSource::directory(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        kb
    }

    fn kb_from(files: &[(&str, &str)]) -> KnowledgeBase {
        try_kb_from(files).unwrap()
    }

    #[test]
    fn resolves_people_by_date() {
        let kb = kb_from(&[
            ("packs/en/pack.toml", "code = \"en\"\n"),
            (
                "data/kb/people.tsv",
                "JPN\tforeign_minister\t2012-12-26\t2017-08-03\tKishida Fumio\tFumio Kishida|Kishida\n\
                 JPN\thead_of_government\t2021-10-04\t2024-10-01\tKishida Fumio\tFumio Kishida|Kishida\n",
            ),
        ]);
        let id = kb.person_variants().iter().find(|(v, _)| v == "Kishida").unwrap().1;
        assert_eq!(kb.resolve_person(id, Some("2016-04-10")).unwrap().role, "foreign_minister");
        assert_eq!(kb.resolve_person(id, Some("2023")).unwrap().role, "head_of_government");
        assert_eq!(kb.resolve_person(id, None).unwrap().role, "head_of_government");
        assert_eq!(kb.people_count(), 1);
    }

    #[test]
    fn of_two_actors_offices_at_once_the_newer_is_held() {
        let kb = kb_from(&[(
            "data/kb/people.tsv",
            "DJI\tforeign_minister\t2005-05-01\t2025-04-01\tMahmoud Ali Youssouf\tYoussouf\n\
             IGO:AU\tsecretary_general\t2025-03-01\t\tMahmoud Ali Youssouf\tYoussouf\n\
             CHN\tparty_leader\t2012-11-15\t\tXi Jinping\n\
             CHN\thead_of_state\t2013-03-14\t\tXi Jinping\n",
        )]);
        let id = |name: &str| kb.person_variants().iter().find(|(v, _)| v == name).unwrap().1;
        assert_eq!(kb.resolve_person(id("Youssouf"), Some("2025-03-04")).unwrap().country, "IGO:AU");
        assert_eq!(kb.resolve_person(id("Youssouf"), Some("2024-06-01")).unwrap().country, "DJI");
        // one actor's offices: the highest, whichever began later
        assert_eq!(kb.resolve_person(id("Xi Jinping"), Some("2020-01-01")).unwrap().role, "head_of_state");
    }

    #[test]
    fn a_pack_phrase_overrules_a_shared_name_for_another_actor() {
        let kb = kb_from(&[
            ("packs/vi/pack.toml", "code = \"vi\"\n"),
            ("data/kb/countries.tsv", "DMA\tDM\tvi\tDominica\nMEX\tMX\tvi\tMexico\n"),
            ("packs/vi/actors.tsv", "Dominica\tDOM|DMA\tname\nMexico\tMEX\tcapital\n"),
        ]);
        let of = |phrase: &str| -> Vec<&str> {
            kb.actor_phrases("vi").iter().filter(|p| p.phrase == phrase).map(|p| p.actor.as_str()).collect()
        };
        assert_eq!(of("Dominica"), ["DOM|DMA"]);
        // a pack phrase for the same actor keeps the shared name beside it
        assert_eq!(of("Mexico"), ["MEX", "MEX"]);
    }

    #[test]
    fn a_pair_names_two_or_more_actors() {
        let load =
            |actors: &str| try_kb_from(&[("packs/ja/pack.toml", "code = \"ja\"\n"), ("packs/ja/actors.tsv", actors)]);
        let kb = load("日米\tJPN+USA\tpair\n日米韓\tJPN+USA+KOR\tpair\n").unwrap();
        assert_eq!(kb.actor_phrases("ja")[0].kind, PhraseKind::Pair);
        assert_eq!(kb.actor_phrases("ja")[1].actor, "JPN+USA+KOR");
        assert!(load("日米\tJPN\tpair\n").is_err());
        assert!(load("日米\tJPN+USA\tname\n").is_err());
    }

    #[test]
    fn a_title_may_name_its_state() {
        let load =
            |titles: &str| try_kb_from(&[("packs/ko/pack.toml", "code = \"ko\"\n"), ("packs/ko/titles.tsv", titles)]);
        let kb = load("국무장관\tGOV\tforeign_minister\tUSA\n대통령\tGOV\thead_of_state\n").unwrap();
        assert_eq!(kb.title_phrases("ko")[0].state.as_deref(), Some("USA"));
        assert_eq!(kb.title_phrases("ko")[1].state, None);
        assert!(load("국무장관\tGOV\tforeign_minister\tAmerica\n").is_err());
        // ... or the organisation it serves
        let kb = load("EU 집행위원\tGOV\tofficial\tIGO:EU\n").unwrap();
        assert_eq!(kb.title_phrases("ko")[0].state.as_deref(), Some("IGO:EU"));
        assert!(load("EU 집행위원\tGOV\tofficial\tIGO:\n").is_err());
    }

    #[test]
    fn reads_pack_phrases() {
        let kb = kb_from(&[
            ("packs/no/pack.toml", "code = \"no\"\n"),
            ("packs/no/actors.tsv", "# demonyms\njapansk\tJPN\tdemonym\nJapans\tJPN\tgenitive\n"),
            ("packs/no/titles.tsv", "statsminister\tGOV\thead_of_government\n"),
            ("data/kb/countries.tsv", "JPN\tJP\tnb\tJapan\nJPN\tJP\ten\tJapan\n"),
        ]);
        let p = kb.actor_phrases("no");
        assert_eq!(p.len(), 3);
        assert!(p.iter().any(|a| a.kind == PhraseKind::Genitive));
        assert_eq!(kb.title_phrases("no")[0].role, "head_of_government");
        assert_eq!(kb.display_name("JPN"), Some("Japan"));
    }

    #[test]
    fn name_order_is_read_and_checked() {
        let kb = kb_from(&[(
            "data/kb/name_order.tsv",
            "# iso3\torder\nCHN\tfamily_first\nKOR\tfamily_first\nPER\ttwo_surnames\n",
        )]);
        assert_eq!(kb.name_order("CHN"), NameOrder::FamilyFirst);
        assert_eq!(kb.name_order("PER"), NameOrder::TwoSurnames);
        assert_eq!(kb.name_order("KOR"), NameOrder::FamilyFirst);
        assert_eq!(kb.name_order("NOR"), NameOrder::GivenFirst);
        let dir = std::env::temp_dir().join(format!("attache-actors-order-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data/kb")).unwrap();
        std::fs::write(dir.join("data/kb/name_order.tsv"), "CHN\tsurname_last\n").unwrap();
        let err = KnowledgeBase::load(&DataSource::directory(&dir)).unwrap_err().to_string();
        assert!(err.contains("name_order.tsv:1") && err.contains("surname_last"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn malformed_pack_line_is_an_error() {
        let dir = std::env::temp_dir().join(format!("attache-actors-bad-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("packs/xx")).unwrap();
        std::fs::write(dir.join("packs/xx/titles.tsv"), "only-one-field\n").unwrap();
        let err = KnowledgeBase::load(&DataSource::directory(&dir)).unwrap_err().to_string();
        assert!(err.contains("titles.tsv:1"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
