//! Time expressions per language, from sentences written for these tests.

use super::*;

fn parser() -> &'static TimeParser {
    static P: std::sync::OnceLock<TimeParser> = std::sync::OnceLock::new();
    P.get_or_init(|| TimeParser::load(&DataSource::embedded()).expect("time lexicon loads"))
}

fn dates(text: &str, lang: &str, reference: &str) -> Vec<String> {
    let r = PartialDate::parse(reference);
    parser()
        .find(text, lang, r.as_ref())
        .into_iter()
        .map(|e| match e.end_value {
            Some(end) => format!("{}..{}", e.value, end),
            None => e.value.to_string(),
        })
        .collect()
}

fn one(text: &str, lang: &str, reference: &str) -> String {
    let d = dates(text, lang, reference);
    assert_eq!(d.len(), 1, "{text:?} gave {d:?}");
    d[0].clone()
}

#[test]
fn vietnamese() {
    assert_eq!(one("Ngày 12/11/2022, hai bên đã hội đàm.", "vi", "2022-11-13"), "2022-11-12");
    assert_eq!(one("Đoàn sẽ thăm từ ngày 25 đến 27/07/2024.", "vi", "2024-07-20"), "2024-07-25..2024-07-27");
    assert_eq!(one("Trước đó, vào cuối tháng 06/2024, Thứ trưởng đã sang Lào.", "vi", "2024-07-20"), "2024-06");
    assert_eq!(one("Sáng 30/10, Thủ tướng tiếp Đại sứ.", "vi", "2025-11-02"), "2025-10-30");
    assert_eq!(one("Hội nghị diễn ra ngày 9 và 10/3.", "vi", "2024-03-12"), "2024-03-09..2024-03-10");
    assert_eq!(one("Ngày 25 tháng 7 năm 2024, hai nước ký kết.", "vi", "2024-08-01"), "2024-07-25");
    assert_eq!(one("Trong tháng 11/2023, hai bên gặp nhau.", "vi", "2024-01-05"), "2023-11");
    assert_eq!(one("Hôm qua, Bộ trưởng đã điện đàm.", "vi", "2024-03-01"), "2024-02-29");
    assert_eq!(one("Hai nước đã ký thỏa thuận năm ngoái.", "vi", "2024-03-01"), "2023");
    assert_eq!(one("Quan hệ được nâng cấp vào tháng Bảy.", "vi", "2024-08-20"), "2024-07");
    // pre-tokenised text
    assert_eq!(one("Ngày 10 / 3 , hai bên hội đàm.", "vi", "2024-03-12"), "2024-03-10");
}

#[test]
fn english() {
    assert_eq!(one("The ministers met on 25 July 2024 in Vientiane.", "en", "2024-07-26"), "2024-07-25");
    assert_eq!(one("The ministers met on July 25, 2024 in Vientiane.", "en", "2024-07-26"), "2024-07-25");
    assert_eq!(one("They held talks in Tokyo on June 7.", "en", "2017-06-07"), "2017-06-07");
    assert_eq!(one("The summit runs June 7-9 in Jakarta.", "en", "2017-06-01"), "2017-06-07..2017-06-09");
    assert_eq!(one("The minister said yesterday that talks would resume.", "en", "2024-01-01"), "2023-12-31");
    assert_eq!(one("After my visit last October, I am pleased to return.", "en", "2024-07-25"), "2023-10");
    assert_eq!(one("The two leaders met in December.", "en", "2024-01-10"), "2023-12");
    assert_eq!(one("The ministers met on Thursday.", "en", "2024-07-27"), "2024-07-25");
    assert_eq!(one("Trade grew in 2019.", "en", "2024-07-27"), "2019");
    let e = parser().find("After my visit last October, I came back.", "en", PartialDate::parse("2024-07-25").as_ref());
    assert!(e[0].past_marker);
    assert!(!e[0].future_marker);
    let r = PartialDate::parse("2024-07-25");
    let ahead = |text: &str, lang: &str| parser().find(text, lang, r.as_ref()).first().map(|t| t.future_marker);
    assert_eq!(ahead("The minister will travel to Hanoi next week.", "en"), Some(true));
    assert_eq!(ahead("The minister travelled to Hanoi last week.", "en"), Some(false));
    assert_eq!(ahead("外相は来週訪問する。", "ja"), Some(true));
    assert_eq!(ahead("外相は昨日訪問した。", "ja"), Some(false));
}

#[test]
fn english_non_dates() {
    assert!(dates("Tourists exceeded 1.1 million, a 36 percent increase.", "en", "2024-07-25").is_empty());
    assert!(dates("Tel: (856-21) 336042, 336043; Unit 32, P.O.Box 5723.", "en", "2024-07-25").is_empty());
    assert!(dates("They may meet again.", "en", "2024-07-25").is_empty());
}

#[test]
fn norwegian() {
    assert_eq!(one("Ettermiddagen 3. september holdt de et nettmøte.", "no", "2024-09-04"), "2024-09-03");
    assert_eq!(one("Møtet fant sted 3. september 2024 i Oslo.", "no", "2024-10-01"), "2024-09-03");
    assert_eq!(one("Utenriksministeren møtte sin kollega mandag.", "no", "2021-10-27"), "2021-10-25");
    assert_eq!(one("De to møttes i går.", "no", "2021-10-26"), "2021-10-25");
    assert_eq!(one("Avtalen ble signert i fjor.", "no", "2021-10-26"), "2020");
    assert_eq!(one("Statsministeren besøker Japan i desember.", "no", "2023-11-20"), "2023-12");
    assert_eq!(one("Tirsdag møtes de to igjen.", "no", "2021-10-25"), "2021-10-19");
}

#[test]
fn japanese_chinese_korean() {
    assert_eq!(one("2024年7月25日、外相会談が行われた。", "ja", "2024-07-26"), "2024-07-25");
    assert_eq!(one("4月10日(日曜日)、会談した。", "ja", "2016-04-11"), "2016-04-10");
    assert_eq!(one("平成28年4月10日に会談した。", "ja", "2016-04-11"), "2016-04-10");
    assert_eq!(one("令和5年に訪問した。", "ja", "2023-12-01"), "2023");
    assert_eq!(one("昨日、両外相は電話会談を行った。", "ja", "2023-12-16"), "2023-12-15");
    assert_eq!(one("2023年11月6日，两国外长举行会谈。", "zh", "2023-11-07"), "2023-11-06");
    assert_eq!(one("2023년 11월 16일 회담이 열렸다.", "ko", "2023-11-17"), "2023-11-16");
    assert_eq!(one("11월 16일 회담이 열렸다.", "ko", "2023-11-17"), "2023-11-16");
}

#[test]
fn thai_and_european() {
    assert_eq!(one("เมื่อวันที่ 9 พฤศจิกายน 2560 รัฐมนตรีได้พบกัน", "th", "2017-11-10"), "2017-11-09");
    assert_eq!(one("ใน พ.ศ. 2567 ทั้งสองประเทศ", "th", "2024-11-10"), "2024");
    assert_eq!(one("Les ministres se sont rencontrés le 7 février 2015.", "fr", "2015-02-07"), "2015-02-07");
    assert_eq!(one("Die Minister trafen sich am 20. April in Berlin.", "de", "2024-04-21"), "2024-04-20");
    assert_eq!(one("Los ministros se reunieron el 15 de febrero de 2024.", "es", "2024-02-21"), "2024-02-15");
    assert_eq!(one("I ministri si sono incontrati il 15 febbraio.", "it", "2024-02-21"), "2024-02-15");
    assert_eq!(one("Kedua menteri bertemu pada 10 Juli 2022 di Bali.", "id", "2022-07-06"), "2022-07-10");
}

#[test]
fn leap_years_and_year_boundaries() {
    assert_eq!(one("Họ gặp nhau ngày 29/2/2024.", "vi", "2024-03-01"), "2024-02-29");
    assert!(dates("Họ gặp nhau ngày 29/2/2023.", "vi", "2023-03-01").is_empty());
    assert_eq!(one("They met on 31 December.", "en", "2025-01-02"), "2024-12-31");
    assert_eq!(one("They will meet on 2 January.", "en", "2024-12-30"), "2025-01-02");
}

#[test]
fn offsets_slice_the_original() {
    let text = "Sáng 30/10, Thủ tướng tiếp Đại sứ.";
    let e = &parser().find(text, "vi", PartialDate::parse("2025-11-01").as_ref())[0];
    assert_eq!(&text[e.start..e.end], "30/10");
}

#[test]
fn document_date_from_the_text() {
    let text = "Vientiane Times\n(Latest Update July 25, 2024)\nMore text.";
    assert_eq!(parser().infer_document_date(text, "en").unwrap().to_string(), "2024-07-25");
}

#[test]
fn document_date_is_after_the_dates_it_reports() {
    // upgraded in November 2023; "9 and 10 March just passed" is then March 2024
    let text = "Quan hệ được nâng cấp tháng 11/2023.\nÔng sang thăm Việt Nam trong hai ngày 9 và 10/3 vừa qua.";
    assert_eq!(parser().infer_document_date(text, "vi").unwrap().to_string(), "2024-03-10");
    // "last October" is before the dateline, whatever is nearer
    let text = "(Latest Update July 25, 2024)\nAfter my visit last October, I am pleased to return.";
    assert_eq!(parser().infer_document_date(text, "en").unwrap().to_string(), "2024-07-25");
    // an earlier dateline does not hide a later report date
    let text = "Posted 3 May 2022.\nThe ministers met on 24 May 2022 in Tokyo.";
    assert_eq!(parser().infer_document_date(text, "en").unwrap().to_string(), "2022-05-24");
}

#[test]
fn document_year_when_no_full_date() {
    let text = "Hai bên gặp nhau ngày 9/3.\nKỷ niệm trong năm 2024 và năm 2024 tới.";
    assert_eq!(parser().infer_document_date(text, "vi").unwrap().to_string(), "2024");
    assert_eq!(one("Ettermiddagen 3. september holdt de et nettmøte.", "no", "2024"), "2024-09-03");
    assert_eq!(one("Støre møtte torsdag Japans statsminister.", "no", "2023-12"), "2023-12");
}

#[test]
fn dev_corpus_runs_without_panics() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let r = PartialDate::parse("2024-07-25");
    let mut found = 0;
    for line in text.lines() {
        for lang in ["vi", "en", "no", "ja", "zh", "ko", "th", "lo", "fr", "de", "es", "it", "id"] {
            for e in parser().find(line, lang, r.as_ref()) {
                assert!(e.start <= e.end && line.is_char_boundary(e.start) && line.is_char_boundary(e.end));
                found += 1;
            }
        }
    }
    assert!(found > 0);
}

#[test]
fn ranges_across_months() {
    assert_eq!(one("The visit runs from 30 July to 2 August 2024.", "en", "2024-07-20"), "2024-07-30..2024-08-02");
    assert_eq!(
        one("Chuyến thăm diễn ra từ ngày 30/7 đến ngày 2/8/2024.", "vi", "2024-07-20"),
        "2024-07-30..2024-08-02"
    );
    assert_eq!(one("Besøket varer fra 30. juli til 2. august.", "no", "2024-07-20"), "2024-07-30..2024-08-02");
}

#[test]
fn a_bare_day_after_a_range_word_ends_the_range_in_the_first_days_month() {
    assert_eq!(one("The visit runs from May 17 to 22.", "en", "2026-05-10"), "2026-05-17..2026-05-22");
    assert_eq!(
        one("He will be in Beijing May 17 to 22, officials said.", "en", "2026-05-10"),
        "2026-05-17..2026-05-22"
    );
    // a number that a word of no time follows counts something else
    assert_eq!(one("The talks on May 17 drew 40 to 50 delegates.", "en", "2026-05-10"), "2026-05-17");
}

#[test]
fn relative_words_in_every_language() {
    let yesterday = [
        ("Hôm qua, hai bên điện đàm.", "vi"),
        ("The ministers spoke yesterday.", "en"),
        ("De snakket sammen i går.", "no"),
        ("昨日、電話会談を行った。", "ja"),
        ("昨天，两国外长通电话。", "zh"),
        ("어제 두 장관이 통화했다.", "ko"),
        ("เมื่อวานนี้ รัฐมนตรีได้พบกัน", "th"),
        ("ມື້ວານນີ້ ລັດຖະມົນຕີໄດ້ພົບກັນ", "lo"),
        ("Les ministres se sont parlé hier.", "fr"),
        ("Die Minister sprachen gestern miteinander.", "de"),
        ("Los ministros hablaron ayer.", "es"),
        ("I ministri hanno parlato ieri.", "it"),
        ("Para menteri berbicara kemarin.", "id"),
    ];
    for (text, lang) in yesterday {
        assert_eq!(one(text, lang, "2024-03-01"), "2024-02-29", "{lang}: {text}");
    }
    assert_eq!(one("本日、両外相は会談した。", "ja", "2024-03-01"), "2024-03-01");
    assert_eq!(one("先週、両外相は会談した。", "ja", "2024-03-13"), "2024-03");
    assert_eq!(one("The two met last week.", "en", "2024-03-13"), "2024-03");
    assert_eq!(one("They will meet again next year.", "en", "2024-03-13"), "2025");
    assert_eq!(one("Ministrene møttes forrige uke.", "no", "2024-03-13"), "2024-03");
}

#[test]
fn lao_and_more_absolute_forms() {
    assert_eq!(one("ວັນທີ 25 ກໍລະກົດ 2024 ລັດຖະມົນຕີໄດ້ພົບກັນ", "lo", "2024-07-26"), "2024-07-25");
    assert_eq!(one("Le 7 février, les ministres se sont rencontrés.", "fr", "2015-02-10"), "2015-02-07");
    assert_eq!(one("Am 3. Oktober 2023 trafen sich die Minister.", "de", "2023-10-05"), "2023-10-03");
    assert_eq!(one("Pada 10 Juli, kedua menteri bertemu.", "id", "2022-07-12"), "2022-07-10");
    assert_eq!(one("2024年7月25日から27日まで訪問する。", "ja", "2024-07-20"), "2024-07-25..2024-07-27");
}

#[test]
fn cjk_bare_days_are_days_of_the_publication_month() {
    assert_eq!(one("박진 외교부 장관은 7일 튀르키예 외무장관과 통화했다.", "ko", "2024-02-08"), "2024-02-07");
    assert_eq!(one("外交部长7日同土耳其外长通电话。", "zh", "2024-02-08"), "2024-02-07");
    // a day later than publication is in the month before
    assert_eq!(one("外務大臣は29日、電話会談を行った。", "ja", "2024-03-02"), "2024-02-29");
    // a month named relative to publication lends its month
    assert_eq!(one("지난달 5일 서울에서 회담했다.", "ko", "2023-11-16"), "2023-10-05");
    assert_eq!(one("外相は先月5日に訪問した。", "ja", "2024-01-10"), "2023-12-05");
    // lengths of time and offsets are not dates
    assert!(dates("外相は3日間の日程で訪問する。", "ja", "2024-03-02").is_empty());
    assert!(dates("회담은 10일 만에 열렸다.", "ko", "2024-03-02").is_empty());
    assert!(dates("대표단은 7일간 머물렀다.", "ko", "2024-03-02").is_empty());
}

#[test]
fn a_month_next_to_a_relative_year_takes_that_year() {
    // without the join, "4月" alone is the April before June 2024, and "last year" 2023
    assert_eq!(one("ロシアは昨年4月、日本人男性を拘束した。", "ja", "2024-06-20"), "2023-04");
    assert_eq!(one("China condemned the move in December last year.", "en", "2024-06-20"), "2023-12");
    assert_eq!(one("Tháng 12 năm ngoái, Việt Nam lên án Israel.", "vi", "2024-06-20"), "2023-12");
    assert_eq!(one("去年3月5日，中国谴责美国。", "zh", "2024-06-20"), "2023-03-05");
    // a year of its own is not replaced
    assert_eq!(dates("In April 2022 and last year, Japan met Laos.", "en", "2024-06-20"), vec!["2022-04", "2023"]);
}

#[test]
fn vietnamese_hyphenated_dates_follow_a_day_word() {
    assert_eq!(one("Ngày 14-10, Việt Nam phản đối.", "vi", "2025-10-16"), "2025-10-14");
    assert_eq!(one("Sáng 14-10-2024, hai bên hội đàm.", "vi", "2025-10-16"), "2024-10-14");
    // a score or a span of days is no date
    assert!(dates("Tỷ số 3-1 nghiêng về chủ nhà.", "vi", "2025-10-16").is_empty());
    // nor is a range of days before its month (10 December)
    assert!(!dates("Hội nghị diễn ra ngày 10-12 tháng 10.", "vi", "2025-10-16").iter().any(|d| d.contains("-12-")));
}

#[test]
fn matches_found_by_another_pass_give_the_same_expressions() {
    // a caller's automaton over `phrase_keys` (the coder's own) stands in for the time lexicon's
    let p = parser();
    let sentences = [
        ("vi", "Sáng 30/10, Thủ tướng tiếp Đại sứ; hôm qua hai bên đã điện đàm."),
        ("en", "On Tuesday, 3 March 2026, the ministers met, a week after talks in late February."),
        ("no", "Ettermiddagen 3. september møttes de, og i fjor signerte de en avtale."),
        ("ja", "外相は4月10日(日曜日)に会談し、昨年12月の合意を確認した。"),
    ];
    for (lang, text) in sentences {
        let keys = p.phrase_keys(lang);
        assert!(!keys.is_empty(), "{lang}");
        let automaton = daachorse::CharwiseDoubleArrayAhoCorasick::with_values(keys).expect("automaton builds");
        let norm = attache_text::normalize(text, 0);
        let hits: Vec<(usize, u32)> =
            automaton.find_overlapping_iter(&norm.key).map(|m| (m.start(), m.value())).collect();
        let r = PartialDate::parse("2026-03-10");
        let own = p.find_normalized(&norm, lang, r.as_ref());
        assert!(!own.is_empty(), "{text}");
        assert_eq!(p.find_normalized_with_hits(&norm, lang, r.as_ref(), &hits), own, "{text}");
    }
}

#[test]
fn short_abbreviations_are_time_words_only_next_to_a_number() {
    // ordinary words that CLDR also lists as abbreviated weekdays and months
    assert!(dates("Deutschland verurteilte Russland, so Wadephul.", "de", "2025-04-03").is_empty());
    assert!(dates("La Russia ha attaccato una nave nel mar Nero.", "it", "2025-04-03").is_empty());
    assert!(dates("Norge kritiserte Russland, og det vet man.", "no", "2025-04-03").is_empty());
    // ... and time words next to a number
    let sunday = dates("Deutschland verurteilte am So., 30. März Russland.", "de", "2025-04-03");
    assert!(!sunday.is_empty() && sunday.iter().all(|d| d == "2025-03-30"), "{sunday:?}");
    assert_eq!(one("WASHINGTON, Mar 2 (Reuters) - The talks ended.", "en", "2025-04-03"), "2025-03-02");
    // a full name as short as an abbreviation is a full name
    assert_eq!(one("Japan and Laos signed an agreement in May.", "en", "2025-06-03"), "2025-05");
}

#[test]
fn a_weekday_of_a_named_week_and_a_weekday_with_its_date() {
    // 2025-04-03 is a Thursday: the day of last week, not the most recent one
    assert_eq!(one("Indonesia mengecam Israel pada Kamis pekan lalu.", "id", "2025-04-03"), "2025-03-27");
    assert_eq!(one("Deutschland verurteilte Russland am Montag vergangener Woche.", "de", "2025-04-03"), "2025-03-24");
    assert_eq!(one("Norge kritiserte Russland mandag forrige uke.", "no", "2025-04-03"), "2025-03-24");
    assert_eq!(one("中国上周五谴责美国。", "zh", "2025-04-03"), "2025-03-28");
    assert_eq!(one("한국은 지난주 금요일 일본을 비판했다.", "ko", "2025-04-03"), "2025-03-28");
    // the date written next to the weekday dates it
    assert_eq!(one("Polisi menangkap dua warga asing pada Kamis (27/3).", "id", "2025-04-03"), "2025-03-27");
}
