//! Classes of CAMEO codes that the coder's rules share, in one place. CAMEO codes are
//! hierarchical, so a class is a list of prefixes: "111" (criticise) is in "11" (disapprove).

/// True when `code` is in the class of `prefixes`.
pub(crate) fn in_class(code: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| code.starts_with(p))
}

/// Acts about another act that has not happened or is not established: appeals (02),
/// demands (10), accusations (112), rejections (12) and threats (13). Not intents (03):
/// "agreed on a sanctions package" is the sanctions, and "pledged that X would send aid" is
/// coded by the planned aid itself.
pub(crate) const ABOUT_ANOTHER_ACT: [&str; 5] = ["02", "10", "112", "12", "13"];

/// Acts that name the act they ask for or threaten right after them, and are aimed at that
/// act's target: appeals (02), demands (10) and threats (13).
pub(crate) const AIMED_LIKE_THE_ACT_THEY_NAME: [&str; 3] = ["02", "10", "13"];

/// Intents (03): pledges, offers and promises; material help named inside their trigger's gap
/// is what is promised, not done ("sicherte Litauen militärische Unterstützung zu").
pub(crate) const INTENTS: [&str; 1] = ["03"];

/// Material help: economic cooperation (06) and aid (07).
pub(crate) const MATERIAL_HELP: [&str; 2] = ["06", "07"];

/// Acts that ask: appeals (02) and demands (10). A negation after their addressee is in what
/// is asked ("a appelé la Russie à ne pas envahir …").
pub(crate) const ASKING: [&str; 2] = ["02", "10"];

/// Acts of speech, which a clause after a comma may complete ("verlangte, Wellington müsse …").
pub(crate) const SPEECH: [&str; 6] = ["01", "02", "10", "11", "12", "13"];

/// Threats (13): conditional by nature, so a condition in or around one does not cancel it.
pub(crate) const THREATS: [&str; 1] = ["13"];

/// Acts that answer a hostile deed against their author when they name no target: demands
/// (10: "exige la liberación de los pescadores") and threats (13: "Moskau kündigte Vergeltung
/// an").
pub(crate) const ANSWERS_TO_A_DEED: [&str; 2] = ["10", "13"];

/// Acts two parties settle together (05: an agreement signed; 08: a ceasefire): between
/// exactly two, they make them "the two sides" of what follows.
pub(crate) const SETTLEMENTS: [&str; 2] = ["05", "08"];

/// Reactions to another's act: praise (05), criticism (11), rejection (12). Aimed at the
/// act's agent ("中国が…拘束したことに抗議した").
pub(crate) const REACTIONS: [&str; 3] = ["05", "11", "12"];

/// Criticism (11) and rejection (12): named right before a hostile deed ("condemned the
/// shelling"), aimed at the deed's doer.
pub(crate) const CRITICISM: [&str; 2] = ["11", "12"];

/// Reactions in words, statements included (01): what "the decision" or "the move" refers
/// back to is never one of these. (Appeals are: "the call", "die Forderung".)
pub(crate) const VERBAL_REACTIONS: [&str; 4] = ["01", "05", "11", "12"];

/// Hostile acts (11–20): their two sides are the document's conflict.
pub(crate) const HOSTILE: [&str; 10] = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "20"];

/// Hostile acts in deed, not in words (15–20: force posture, cuts in relations and sanctions,
/// coercion such as arrests and expulsions, assault, fighting, mass violence): what a threat
/// of retaliation naming no target answers ("Moskau kündigte Vergeltung an").
pub(crate) const HOSTILE_DEEDS: [&str; 6] = ["15", "16", "17", "18", "19", "20"];

/// Armed force (fight, mass violence): "the attacks in Ukraine" that a state condemns are
/// not the act of the place they happened in (as "the executions in Iran" are).
pub(crate) const ARMED_FORCE: [&str; 2] = ["19", "20"];

/// Acts whose reference ("the sanctions", "the arrest", "the attack") names only an actor
/// the text coded for that kind: force, and coercion (sanctions, expulsions, arrests,
/// seizures), which are never the act of whoever acted last.
pub(crate) const OWN_ACTOR: [&str; 5] = ["16", "17", "18", "19", "20"];

/// Acts that states named together in one word do with each other when the text names no
/// partner: intents to cooperate, consultations, diplomatic and material cooperation.
pub(crate) const MUTUAL: [&str; 4] = ["03", "04", "05", "06"];

/// Acts aimed at the place they name when they name no actor: condemnation ("condemned the
/// executions in Iran"; not an accusation, whose place is where the accused stands),
/// reducing relations (an embassy closed in a capital) and force (a strike on a city).
pub(crate) const PLACE_TARGET: [&str; 5] = ["111", "16", "18", "19", "20"];

/// Aid and sympathy (07, 033, 018): with no recipient named, they go to the place they are
/// sent to ("nødhjelp på Sri Lanka"), as a visit does, or else where the document's aid or
/// sympathy went ("Malaysia and Singapore also expressed condolences").
pub(crate) const AID_OR_SYMPATHY: [&str; 3] = ["07", "033", "018"];

/// Aid given (07): states that give it together are not each other's recipient ("India and
/// China sent rescue teams").
pub(crate) const AID: [&str; 1] = ["07"];

/// Aid given or promised (07, 033): to one's own nationals it is no act between states.
pub(crate) const AID_GIVEN_OR_PROMISED: [&str; 2] = ["07", "033"];

/// Mediation (039 offered, 045 done): what is mediated is owned by its parties.
pub(crate) const MEDIATION: [&str; 2] = ["039", "045"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_holds_the_codes_under_its_prefixes() {
        assert!(in_class("111", &PLACE_TARGET));
        assert!(!in_class("112", &PLACE_TARGET));
        assert!(in_class("0233", &ASKING));
        assert!(
            in_class("073", &AID_OR_SYMPATHY)
                && in_class("018", &AID_OR_SYMPATHY)
                && !in_class("031", &AID_OR_SYMPATHY)
        );
        assert!(in_class("195", &HOSTILE) && !in_class("057", &HOSTILE));
        assert!(in_class("163", &HOSTILE_DEEDS) && !in_class("111", &HOSTILE_DEEDS));
    }
}
