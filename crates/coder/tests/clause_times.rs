//! Which sentences a time dates, with the real Spanish and English packs: a time inside a
//! clause set off by commas dates that clause's verb only, and an act more than a year old
//! does not date the narrative after it.

mod common;

use attache_model::Document;

fn dated(lang: &str, text: &str) -> Vec<(String, String)> {
    let engine = common::repo_engine();
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang: Some(lang.into()),
        published: Some("2025-05-02".into()),
        ..Default::default()
    };
    engine
        .code_as(&doc, lang)
        .events
        .into_iter()
        .map(|e| (e.cameo, e.date.map(|d| d.value).unwrap_or_default()))
        .collect()
}

#[test]
fn a_time_in_a_relative_clause_is_not_the_main_verbs() {
    let v =
        dated("es", "Argelia, que rompió relaciones con Rabat en 2021, ofreció enviar ayuda humanitaria a Marruecos.");
    assert!(v.contains(&("161".into(), "2021".into())), "{v:?}");
    assert!(v.contains(&("033".into(), "2025-05-02".into())), "{v:?}");
    // without the commas the time is the sentence's
    let v = dated("en", "Algeria offered in 2021 to send humanitarian aid to Morocco.");
    assert!(v.iter().all(|(_, d)| d == "2021"), "{v:?}");
}

#[test]
fn an_act_more_than_a_year_old_does_not_date_the_sentences_after_it() {
    let text =
        "Japan and Laos signed an agreement on trade. Japan's foreign minister first visited Laos in December 2019. \
                The two sides agreed to boost investment.";
    let v = dated("en", text);
    assert!(v.contains(&("042".into(), "2019-12".into())), "{v:?}");
    assert!(v.iter().filter(|(c, _)| c == "030" || c == "031").all(|(_, d)| d == "2025-05-02"), "{v:?}");
}

#[test]
fn a_month_around_the_reported_day_does_not_date_the_sentences_after_it() {
    let text = "On 30 April, Japan's foreign minister held talks with the foreign minister of Laos. \
                Japan congratulated Laos on the trade agreement it signed in March. \
                The two sides agreed to boost investment.";
    let v = dated("en", text);
    assert!(v.iter().filter(|(c, _)| c == "030" || c == "031").all(|(_, d)| d == "2025-04-30"), "{v:?}");
    assert!(v.iter().any(|(c, _)| c == "030" || c == "031"), "{v:?}");
}

#[test]
fn a_plans_date_does_not_date_the_sentences_after_it() {
    let text = "On 30 April, Japan's foreign minister held talks with the foreign minister of Laos. \
                Japan's prime minister will visit Laos on 20 June. \
                The two sides agreed to boost investment.";
    let v = dated("en", text);
    assert!(v.iter().any(|(_, d)| d == "2025-06-20"), "{v:?}");
    assert!(v.iter().filter(|(c, _)| c == "030" || c == "031").all(|(_, d)| d == "2025-04-30"), "{v:?}");
    assert!(v.iter().any(|(c, _)| c == "030" || c == "031"), "{v:?}");
}

#[test]
fn the_day_before_and_the_next_day_count_from_the_day_being_reported() {
    let text = "On 20 April, Japan's foreign minister held talks with the foreign minister of Laos. \
                The day before, Japan condemned the missile launch by North Korea. \
                The two sides agreed to boost investment. \
                The next day, Japan's foreign minister visited Vietnam.";
    let v = dated("en", text);
    // counted from 20 April, not from the publication day (2 May)
    assert!(v.contains(&("111".into(), "2025-04-19".into())), "{v:?}");
    assert!(v.contains(&("042".into(), "2025-04-21".into())), "{v:?}");
    // a look back does not move the narrative's day
    assert!(v.iter().filter(|(c, _)| c == "030" || c == "031").all(|(_, d)| d == "2025-04-20"), "{v:?}");
    assert!(v.iter().any(|(c, _)| c == "030" || c == "031"), "{v:?}");
}

#[test]
fn the_same_day_yields_to_a_date_the_sentence_names() {
    let text = "On 20 April, Japan's foreign minister held talks with the foreign minister of Laos. \
                Japan's prime minister visited Vietnam the same day, 18 April.";
    let v = dated("en", text);
    assert!(v.contains(&("042".into(), "2025-04-18".into())), "{v:?}");
}

#[test]
fn an_undated_headline_takes_the_first_day_its_lead_states() {
    // the lead's act is not coded (no pattern for "spoke to reporters"), but its day is stated
    let text = "Japan condemns North Korea's missile launch\n\
                TOKYO, May 2 - Officials in Tokyo spoke to reporters on Wednesday after the launch.";
    let v = dated("en", text);
    assert_eq!(v, vec![("111".to_string(), "2025-04-30".to_string())]);
}

#[test]
fn a_day_named_inside_a_range_of_days_dates_the_act() {
    let text = "On 30 April, during Japan's foreign minister's visit to Laos from 29 April to 2 May, \
                he held talks with the foreign minister of Laos.";
    let v = dated("en", text);
    assert!(v.iter().filter(|(c, _)| c == "046").all(|(_, d)| d == "2025-04-30"), "{v:?}");
    assert!(v.iter().any(|(c, _)| c == "046"), "{v:?}");
    // ... but not the dateline's day: that is the report's
    let text = "VIENTIANE, 30 April - Japan's foreign minister held talks with the foreign minister of Laos \
                during his visit from 28 to 30 April.";
    let v = dated("en", text);
    assert!(v.iter().filter(|(c, _)| c == "046").all(|(_, d)| d == "2025-04-28"), "{v:?}");
}

#[test]
fn a_day_stated_without_an_act_moves_the_narrative_forward_only() {
    // no act dated yet: the day a sentence without an act states is the narrative's
    let text = "Typhoons are frequent in the region. On 20 April, a typhoon hit the Philippines. \
                The same day, Japan sent aid to the Philippines.";
    let v = dated("en", text);
    assert!(v.iter().any(|(c, _)| c.starts_with("07")), "{v:?}");
    assert!(v.iter().filter(|(c, _)| c.starts_with("07")).all(|(_, d)| d == "2025-04-20"), "{v:?}");
    // later than the narrative's day: it moves on; earlier: background, it stays
    let text = "On 20 April, Japan's foreign minister held talks with the foreign minister of Laos. \
                On 22 April, heavy rain fell in Vientiane. Japan condemned the missile launch by North Korea.";
    let v = dated("en", text);
    assert!(v.contains(&("111".into(), "2025-04-22".into())), "{v:?}");
    let text = "On 20 April, Japan's foreign minister held talks with the foreign minister of Laos. \
                On 18 April, heavy rain fell in Vientiane. Japan condemned the missile launch by North Korea.";
    let v = dated("en", text);
    assert!(v.contains(&("111".into(), "2025-04-20".into())), "{v:?}");
}
