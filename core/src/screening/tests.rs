//! The screening tools through the public API, their content, and the analyzer's recall and
//! precision over the labelled ads in `core/tests/data/ads.toml`.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use super::*;
use crate::content::default_pack;
use crate::content::screening::{LEVELS, STRING_KEYS};
use crate::error::WaymarkError;
use crate::waymark::{Waymark, WaymarkOptions};

fn open(language: &str) -> (tempfile::TempDir, Waymark) {
    let dir = tempfile::tempdir().unwrap();
    let waymark = Waymark::open_at(
        &dir.path().join("p.sqlite"),
        &WaymarkOptions {
            language: language.into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        },
    )
    .unwrap();
    (dir, waymark)
}

/// 2 March 2026, 09:30 UTC.
fn monday() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_772_443_800)
}

fn input(title: &str, answers: &[(&str, Answer)]) -> OfferInput {
    OfferInput {
        title: title.into(),
        employer: "Sun Travel".into(),
        country: "Turkey".into(),
        notes: "Met at a job fair.\nCall back Friday.".into(),
        answers: answers
            .iter()
            .map(|(id, answer)| OfferAnswer {
                question_id: id.to_string(),
                answer: *answer,
            })
            .collect(),
        ad_text: None,
    }
}

// ---------------------------------------------------------------- content

#[test]
fn every_written_language_has_every_screening_text() {
    let pack = default_pack().unwrap();
    let s = &pack.screening.def;
    fn set(v: Vec<&String>) -> BTreeSet<&str> {
        v.into_iter().map(String::as_str).collect()
    }
    let (ids, keys) = (set, set);
    let mut languages = 0;
    for (code, texts) in pack.written_languages() {
        let t = &texts.screening;
        languages += 1;
        assert_eq!(
            keys(t.strings.keys().collect()),
            STRING_KEYS.iter().copied().collect(),
            "{code}: strings"
        );
        assert_eq!(
            keys(t.level.keys().collect()),
            LEVELS.iter().copied().collect(),
            "{code}: levels"
        );
        assert_eq!(
            keys(t.question.keys().collect()),
            ids(s.offer.question.iter().map(|q| &q.id).collect()),
            "{code}: questions"
        );
        assert_eq!(
            keys(t.flag.keys().collect()),
            ids(s.flag.iter().map(|f| &f.id).collect()),
            "{code}: flags"
        );
        assert_eq!(
            keys(t.self_check.keys().collect()),
            ids(s.self_check.question.iter().map(|q| &q.id).collect()),
            "{code}: self-check"
        );
        assert_eq!(
            keys(t.quiz.keys().collect()),
            ids(s.quiz.statement.iter().map(|q| &q.id).collect()),
            "{code}: quiz"
        );
        let all: Vec<&String> = t
            .strings
            .values()
            .chain(
                t.question
                    .values()
                    .flat_map(|q| [&q.text, &q.why, &q.reason, &q.unknown]),
            )
            .chain(t.flag.values().flat_map(|f| [&f.title, &f.explanation]))
            .chain(t.self_check.values().flat_map(|q| [&q.text, &q.sign]))
            .chain(t.quiz.values().flat_map(|q| [&q.statement, &q.explanation]))
            .collect();
        for text in all {
            assert!(!text.trim().is_empty(), "{code}: an empty text");
            let cyrillic = text.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c));
            match code {
                "en" | "uz" => assert!(!cyrillic, "{code}: {text}"),
                "ru" => assert!(
                    cyrillic || text.chars().all(|c| !c.is_alphabetic()),
                    "{code}: not Russian: {text}"
                ),
                _ => {}
            }
        }
    }
    assert!(languages >= 2);
}

#[test]
fn screening_texts_fit_a_phone_screen() {
    let pack = default_pack().unwrap();
    let fits = |text: &str, max: usize| (1..=max).contains(&text.chars().count());
    for (code, texts) in pack.written_languages() {
        let t = &texts.screening;
        for (id, q) in &t.question {
            assert!(
                fits(&q.text, 120) && fits(&q.reason, 120),
                "{code}: question {id}"
            );
            assert!(
                fits(&q.why, 200) && fits(&q.unknown, 120),
                "{code}: question {id}"
            );
        }
        for (id, f) in &t.flag {
            assert!(
                fits(&f.title, 60) && fits(&f.explanation, 200),
                "{code}: flag {id}"
            );
        }
        for (id, l) in &t.level {
            assert!(
                fits(&l.title, 60) && fits(&l.advice, 240),
                "{code}: level {id}"
            );
        }
        for (id, q) in &t.self_check {
            assert!(
                fits(&q.text, 120) && fits(&q.sign, 80),
                "{code}: self-check {id}"
            );
        }
        for (id, q) in &t.quiz {
            assert!(
                fits(&q.statement, 120) && fits(&q.explanation, 200),
                "{code}: quiz {id}"
            );
        }
    }
}

#[test]
fn the_quiz_covers_the_five_myths_with_myths_and_facts_mixed() {
    let pack = default_pack().unwrap();
    let statements = &pack.screening.def.quiz.statement;
    let myths = statements.iter().filter(|s| !s.is_true).count();
    let facts = statements.iter().filter(|s| s.is_true).count();
    assert!(myths >= 5 && facts >= 5, "{myths} myths, {facts} facts");
    assert!(
        statements
            .windows(3)
            .all(|w| !(w[0].is_true == w[1].is_true && w[1].is_true == w[2].is_true)),
        "no three of a kind in a row"
    );
}

/// The error loading the content sources with one file edited.
fn edited(path: &str, edit: impl Fn(&str) -> String) -> String {
    let files: Vec<(String, String)> = crate::content::source_files()
        .iter()
        .map(|(p, t)| {
            (
                p.to_string(),
                if *p == path { edit(t) } else { t.to_string() },
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    match crate::content::Pack::from_files::<crate::content::Toml>(&refs) {
        Ok(_) => panic!("the edited {path} was accepted"),
        Err(err) => err,
    }
}

#[test]
fn broken_screening_content_is_rejected_with_its_place() {
    let err = edited("screening.toml", |t| {
        t.replacen(
            "articles = [\"check-the-agency\"]",
            "articles = [\"no-such\"]",
            1,
        )
    });
    assert!(err.contains("unknown article no-such"), "{err}");
    let err = edited("ru/screening.toml", |t| {
        format!("{t}\n[flag.typo]\ntitle = \"x\"\nexplanation = \"x\"\n")
    });
    assert!(
        err.contains("ru/screening.toml") && err.contains("typo"),
        "{err}"
    );
    let err = edited("patterns/ru.toml", |t| {
        t.replacen("\"берем всех\"", "\"берем-всех\"", 1)
    });
    assert!(
        err.contains("patterns/ru.toml") && err.contains("no-experience"),
        "{err}"
    );
    let err = edited("screening.toml", |t| {
        t.replace(
            "phone_regions = [\"RU\", \"GB\"]",
            "phone_regions = [\"RUS\"]",
        )
    });
    assert!(err.contains("RUS"), "{err}");
}

#[test]
fn the_shipped_phone_regions_have_phone_metadata() {
    // The loader checks only a region's form, so launching does not decode all phone metadata.
    let pack = default_pack().unwrap();
    let regions = &pack.screening.def.analyzer.phone_regions;
    assert!(!regions.is_empty());
    for region in regions {
        let code = region
            .parse::<rlibphonenumber::Region>()
            .ok()
            .and_then(|r| rlibphonenumber::PHONE_NUMBER_UTIL.get_country_code_for_region(r));
        assert!(code.is_some(), "no phone metadata for region {region}");
    }
    assert_eq!(
        "XX".parse::<rlibphonenumber::Region>()
            .ok()
            .and_then(|r| rlibphonenumber::PHONE_NUMBER_UTIL.get_country_code_for_region(r)),
        None,
        "a well-formed code without metadata is caught by this test"
    );
}

// ---------------------------------------------------------------- job-offer check

#[test]
fn an_offer_is_saved_with_its_answers_and_read_back() {
    let (_dir, w) = open("en");
    let view = w
        .offer_save(
            None,
            input(
                "Waitress",
                &[("tourist-visa", Answer::Yes), ("licence", Answer::DontKnow)],
            ),
            monday(),
        )
        .unwrap();
    let id = view.id.unwrap();
    assert_eq!(view.result.level, RiskLevel::High);
    assert_eq!(
        view.result.level_title,
        "High risk: this offer looks like a trap"
    );
    assert_eq!(view.result.reasons.len(), 1);
    assert_eq!(
        view.result.reasons[0].text,
        "You are asked to travel without a work visa, or on false documents."
    );
    assert_eq!(view.result.unknowns[0].question_id, "licence");
    assert!(view.result.links.iter().any(|l| l.action
        == crate::action::Action::OpenArticle {
            id: "contract-and-visa".into()
        }));
    assert!(view.result.links.iter().any(|l| l.action
        == crate::action::Action::OpenContact {
            id: "hotline".into()
        }));
    assert_eq!(
        view.checked_label.as_deref(),
        Some("Checked 2 Mar 2026, 12:30")
    );
    assert_eq!(view.answered_label, "2 of 15 questions answered");
    let again = w.offer_check(id).unwrap();
    assert_eq!(again, view);
    let list = w.offers().unwrap();
    assert_eq!(list.offers.len(), 1);
    assert_eq!(list.offers[0].title, "Waitress");
    assert_eq!(list.offers[0].level, RiskLevel::High);
}

#[test]
fn an_offer_is_updated_and_deleted() {
    let (_dir, w) = open("ru");
    let id = w
        .offer_save(
            None,
            input("Официантка", &[("documents-kept", Answer::Yes)]),
            monday(),
        )
        .unwrap()
        .id;
    let updated = w
        .offer_save(
            id,
            input("Официантка", &[("documents-kept", Answer::No)]),
            monday(),
        )
        .unwrap();
    assert_eq!(updated.result.level, RiskLevel::Low);
    assert_eq!(updated.result.level_title, "Тревожных признаков почти нет");
    assert_eq!(w.offers().unwrap().offers.len(), 1);
    let list = w.offer_delete(id.unwrap()).unwrap();
    assert!(list.offers.is_empty());
    assert_eq!(
        list.empty_label,
        "Вы ещё не проверяли ни одного предложения."
    );
    assert!(matches!(
        w.offer_check(id.unwrap()),
        Err(WaymarkError::NotFound { .. })
    ));
    assert!(matches!(
        w.offer_delete(id.unwrap()),
        Err(WaymarkError::NotFound { .. })
    ));
}

#[test]
fn the_ad_text_answers_what_the_person_left_open_and_never_overrides_them() {
    let (_dir, w) = open("en");
    let mut offer = input("Dancer", &[("no-experience", Answer::No)]);
    offer.ad_text = Some(
        "Dancers wanted in Dubai, young girls only. No experience needed. Tourist visa. Call +7 916 234-56-78"
            .into(),
    );
    let view = w.offer_save(None, offer, monday()).unwrap();
    let answer = |id: &str| {
        let q = view.questions.iter().find(|q| q.id == id).unwrap();
        (q.answer, q.from_ad)
    };
    assert_eq!(answer("tourist-visa"), (Some(Answer::Yes), true));
    assert_eq!(answer("young-women"), (Some(Answer::Yes), true));
    assert_eq!(answer("only-mobile"), (Some(Answer::Yes), true));
    assert_eq!(answer("no-experience"), (Some(Answer::No), false));
    assert_eq!(answer("licence"), (None, false));
    let reason = view
        .result
        .reasons
        .iter()
        .find(|r| r.question_id == "tourist-visa")
        .unwrap();
    assert_eq!(reason.from_ad_label.as_deref(), Some("from the ad’s text"));
    // Saved with where each answer came from.
    assert_eq!(w.offer_check(view.id.unwrap()).unwrap(), view);
}

#[test]
fn bad_offer_input_names_the_field_and_changes_nothing() {
    let (_dir, w) = open("en");
    let cases: Vec<(OfferInput, &str)> = vec![
        (input("  ", &[]), "title"),
        (input(&"x".repeat(121), &[]), "title"),
        (input("a\u{7}b", &[]), "title"),
        (
            OfferInput {
                notes: "x".repeat(2001),
                ..input("Job", &[])
            },
            "notes",
        ),
        (
            input("Job", &[("no-such-question", Answer::Yes)]),
            "answers",
        ),
        (
            input("Job", &[("licence", Answer::Yes), ("licence", Answer::No)]),
            "answers",
        ),
        (
            OfferInput {
                ad_text: Some("   ".into()),
                ..input("Job", &[])
            },
            "text",
        ),
    ];
    for (bad, field) in cases {
        match w.offer_save(None, bad, monday()) {
            Err(WaymarkError::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert!(w.offers().unwrap().offers.is_empty());
    assert!(matches!(
        w.offer_save(Some(99), input("Job", &[]), monday()),
        Err(WaymarkError::NotFound { .. })
    ));
    assert!(w.offers().unwrap().offers.is_empty());
}

#[test]
fn a_preview_scores_without_saving() {
    let (_dir, w) = open("en");
    let view = w
        .offer_check_preview(input("Job", &[("envelope", Answer::Yes)]))
        .unwrap();
    assert_eq!(view.result.level, RiskLevel::Medium);
    assert_eq!(view.id, None);
    assert!(w.offers().unwrap().offers.is_empty());
    let blank = w.offer_check_new().unwrap();
    assert_eq!(blank.questions.len(), 15);
    assert!(
        blank
            .questions
            .iter()
            .all(|q| q.answer.is_none() && !q.why.is_empty())
    );
    assert_eq!(blank.answer_options[2].label, "Don’t know");
}

// ---------------------------------------------------------------- analyzer

#[test]
fn the_analyzer_shows_where_each_flag_is_in_character_offsets() {
    let (_dir, w) = open("ru");
    let text = "Работа в Турции для девушек! Официантки. Опыт не нужен. Звоните +7 916 234-56-78";
    let view = w.analyze_ad(text.into()).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for flag in &view.flags {
        for span in &flag.spans {
            let slice: String = chars[span.start as usize..span.end as usize]
                .iter()
                .collect();
            assert_eq!(slice, span.text);
        }
    }
    let flag = |id: &str| view.flags.iter().find(|f| f.id == id);
    assert_eq!(
        flag("no-experience").unwrap().spans[0].text,
        "Опыт не нужен"
    );
    assert_eq!(
        flag("no-experience").unwrap().title,
        "Опыт и обучение не нужны"
    );
    let mobile = flag("only-mobile").unwrap();
    assert_eq!(mobile.spans[0].text, "+7 916 234-56-78");
    assert_eq!(view.phones[0].kind, PhoneKind::Mobile);
    assert_eq!(view.phones[0].kind_label, "мобильный");
    assert!(flag("young-women").is_some());
    assert_eq!(
        view.summary,
        format!("Найдено тревожных признаков: {}", view.flags.len())
    );
    assert!(
        view.answers
            .iter()
            .any(|a| a.question_id == "only-mobile" && a.answer == Answer::Yes)
    );
}

#[test]
fn an_honest_ad_with_an_office_phone_has_no_flags() {
    let (_dir, w) = open("en");
    let view = w
        .analyze_ad(
            "Registered nurse, Leeds. NMC registration and two years of experience required. \
             Salary £28,407 per year. Call the office on 0113 392 6000."
                .into(),
        )
        .unwrap();
    assert!(view.flags.is_empty(), "{:?}", view.flags);
    assert_eq!(view.phones[0].kind, PhoneKind::Landline);
    assert!(view.summary.starts_with("No warning signs found"));
    assert!(view.answers.is_empty());
}

#[test]
fn high_pay_is_a_flag_only_for_unskilled_work() {
    let (_dir, w) = open("en");
    let flags = |text: &str| -> Vec<String> {
        w.analyze_ad(text.into())
            .unwrap()
            .flags
            .into_iter()
            .map(|f| f.id)
            .collect()
    };
    assert!(flags("Warehouse packers, $4,000 a month.").contains(&"high-salary".to_string()));
    assert!(
        flags("Склад, упаковка. Зарплата 250 тыс. руб. в месяц")
            .contains(&"high-salary".to_string())
    );
    assert!(flags("Warehouse packers, $25 per hour.").contains(&"high-salary".to_string()));
    assert!(!flags("Warehouse packers, $9 per hour.").contains(&"high-salary".to_string()));
    assert!(
        !flags("Senior engineer, $6,000 a month, 5 years of experience.")
            .contains(&"high-salary".to_string())
    );
    // Uzbek names the period before the amount: a day's pay, not a month's.
    assert!(flags("Zavodda ish, kuniga 100$.").contains(&"high-salary".to_string()));
    assert!(!flags("Zavodda ish, kuniga 50$.").contains(&"high-salary".to_string()));
}

#[test]
fn the_analyzer_copes_with_case_typos_and_inflection() {
    let (_dir, w) = open("en");
    let flags = |text: &str| -> Vec<String> {
        w.analyze_ad(text.into())
            .unwrap()
            .flags
            .into_iter()
            .map(|f| f.id)
            .collect()
    };
    assert_eq!(flags("ЕДЕМ ПО ТУРИСТИЧЕСКОЙ ВИЗЕ"), ["tourist-visa"]);
    assert_eq!(flags("поедете по туристичесой визе"), ["tourist-visa"]);
    assert_eq!(flags("Оформляем гостевые визы"), ["tourist-visa"]);
    assert_eq!(flags("оплата агенства наличными"), ["cash-no-receipt"]);
    assert_eq!(flags("NO EXPERIANCE REQUIRED"), ["no-experience"]);
    assert_eq!(flags("Зарплату выдаём в конвертах"), ["envelope"]);
    assert!(flags("Рабочая виза, опыт обязателен").is_empty());
    // Uzbek has no stemmer: prefixes reach a word's forms, and the apostrophe of oʻ and gʻ may
    // be typed any way.
    assert_eq!(flags("TURISTIK VIZADA ketasiz"), ["tourist-visa"]);
    assert_eq!(
        flags("Tajribasi yo‘q bo‘lsa ham, o'rgatamiz"),
        ["no-experience"]
    );
    assert_eq!(flags("Oylikning qolgani konvertda"), ["envelope"]);
    assert!(flags("Ish vizasi bilan, tajriba kamida 2 yil").is_empty());
}

#[test]
fn bad_ad_text_is_refused() {
    let (_dir, w) = open("en");
    for bad in ["", "  \n ", &"a".repeat(20_001)] {
        assert!(matches!(
            w.analyze_ad(bad.to_string()),
            Err(WaymarkError::InvalidInput { field, .. }) if field == "text"
        ));
    }
}

#[derive(Deserialize)]
struct AdsFile {
    ad: Vec<Ad>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ad {
    lang: String,
    /// "held-out-N" for ads written after a round of patterns was finished.
    #[serde(default)]
    set: Option<String>,
    text: String,
    flags: Vec<String>,
}

/// True positives, false negatives, false positives.
#[derive(Default, Clone, Copy)]
struct Counts(u32, u32, u32);

impl Counts {
    fn add(&mut self, expected: bool, found: bool) {
        match (expected, found) {
            (true, true) => self.0 += 1,
            (true, false) => self.1 += 1,
            (false, true) => self.2 += 1,
            (false, false) => {}
        }
    }

    fn recall(self) -> f64 {
        f64::from(self.0) / f64::from(self.0 + self.1)
    }

    fn precision(self) -> f64 {
        f64::from(self.0) / f64::from(self.0 + self.2)
    }
}

/// Recall and precision over the labelled ads, per flag and in total. The labels were written
/// with the ads, before the patterns; a miss here is a real miss.
#[test]
fn the_analyzer_finds_the_labelled_flags_in_the_ads() {
    let ads: AdsFile = toml::from_str(include_str!("../../tests/data/ads.toml")).unwrap();
    assert!(ads.ad.len() >= 60, "{} ads", ads.ad.len());
    let pack = default_pack().unwrap();
    let known: BTreeSet<&str> = pack
        .screening
        .def
        .flag
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    let (mut honest, mut langs) = (0, BTreeSet::new());
    let mut per_flag: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    let mut sets: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    for (i, ad) in ads.ad.iter().enumerate() {
        langs.insert(ad.lang.as_str());
        honest += u32::from(ad.flags.is_empty());
        let expected: BTreeSet<&str> = ad.flags.iter().map(String::as_str).collect();
        assert!(
            expected.is_subset(&known),
            "ad {}: unknown flag in {expected:?}",
            i + 1
        );
        let analysis = analyzer::analyze(&pack.screening, &ad.text);
        let found: BTreeSet<&str> = analysis.findings.iter().map(|f| f.flag.as_str()).collect();
        for flag in expected.union(&found) {
            let (e, f) = (expected.contains(flag), found.contains(flag));
            per_flag.entry(flag.to_string()).or_default().add(e, f);
            all.add(e, f);
            if let Some(set) = &ad.set {
                sets.entry(set.as_str()).or_default().add(e, f);
            }
            if e != f {
                let what = if e { "missed" } else { "wrongly found" };
                misses.push(format!("ad {}: {what} {flag}", i + 1));
            }
        }
    }
    assert!(honest >= 15, "only {honest} honest ads");
    assert_eq!(langs, BTreeSet::from(["en", "ru", "uz"]));
    println!("{:<24} {:>4} {:>4} {:>4}", "flag", "tp", "fn", "fp");
    for (flag, c) in &per_flag {
        println!("{flag:<24} {:>4} {:>4} {:>4}", c.0, c.1, c.2);
    }
    println!("{}", misses.join("\n"));
    for (name, c) in [("all ads", all)].into_iter().chain(sets) {
        println!(
            "{name}: recall {:.1}% ({}/{}), precision {:.1}% ({}/{})",
            c.recall() * 100.0,
            c.0,
            c.0 + c.1,
            c.precision() * 100.0,
            c.0,
            c.0 + c.2
        );
    }
    assert!(
        all.recall() >= 0.90,
        "recall {:.3} is below 90%",
        all.recall()
    );
    assert!(
        all.precision() >= 0.85,
        "precision {:.3} is below 85%",
        all.precision()
    );
}

// ---------------------------------------------------------------- self-check

#[test]
fn the_quick_exit_has_the_same_words_as_the_shells_quick_exit() {
    let pack = default_pack().unwrap();
    for (language, _) in pack.written_languages() {
        let (_dir, w) = open(language);
        let label = w.shell_texts().quick_exit;
        let check = w.self_check().unwrap();
        assert_eq!(check.quick_exit.label, label, "{language}");
        let result = w
            .self_check_result(vec![SelfCheckAnswer {
                question_id: "debt".into(),
                answer: Answer::Yes,
            }])
            .unwrap();
        assert_eq!(result.quick_exit.label, label, "{language}");
    }
}

#[test]
fn any_sign_leads_straight_to_help_now_with_a_quick_exit() {
    let (_dir, w) = open("en");
    let check = w.self_check().unwrap();
    assert_eq!(check.questions.len(), 8);
    assert_eq!(check.quick_exit.action, crate::action::Action::QuickExit);
    assert_eq!(check.answer_options[2].label, "Not sure");
    for question in &check.questions {
        let result = w
            .self_check_result(vec![SelfCheckAnswer {
                question_id: question.id.clone(),
                answer: Answer::Yes,
            }])
            .unwrap();
        assert_eq!(result.outcome, SelfCheckOutcome::Signs, "{}", question.id);
        assert_eq!(
            result.help_now.as_ref().unwrap().action,
            crate::action::Action::OpenHelpNow
        );
        assert_eq!(result.signs.len(), 1);
        assert_eq!(result.quick_exit.action, crate::action::Action::QuickExit);
    }
    let unsure = w
        .self_check_result(vec![SelfCheckAnswer {
            question_id: "debt".into(),
            answer: Answer::DontKnow,
        }])
        .unwrap();
    assert_eq!(unsure.outcome, SelfCheckOutcome::Unsure);
    assert!(unsure.help_now.is_none());
    assert!(unsure.contacts.iter().any(|c| c.action
        == crate::action::Action::OpenContact {
            id: "hotline".into()
        }));
    let none = w.self_check_result(vec![]).unwrap();
    assert_eq!(none.outcome, SelfCheckOutcome::NoSigns);
}

#[test]
fn the_self_check_never_blames() {
    let pack = default_pack().unwrap();
    for (code, texts) in pack.written_languages() {
        let t = &texts.screening;
        let mut all: Vec<&String> = t
            .self_check
            .values()
            .flat_map(|q| [&q.text, &q.sign])
            .collect();
        for key in [
            "signs_message",
            "unsure_message",
            "no_signs_message",
            "self_check_intro",
        ] {
            all.push(&t.strings[key]);
        }
        for text in all {
            let lower = text.to_lowercase();
            for blame in [
                "your own fault",
                "should have",
                "you agreed",
                "you let",
                "сами виноват",
                "надо было",
                "вы согласились",
                "вы позволили",
                "oʻzingiz aybdor",
                "kerak edi",
                "rozi boʻlgansiz",
                "yoʻl qoʻygansiz",
            ] {
                assert!(!lower.contains(blame), "{code}: {text}");
            }
        }
        assert!(
            t.strings["signs_message"].contains("fault")
                || t.strings["signs_message"].contains("не виноваты")
                || t.strings["signs_message"].contains("aybdor emassiz"),
            "{code}: the signs message says it is not their fault"
        );
    }
}

#[test]
fn self_check_answers_are_checked() {
    let (_dir, w) = open("en");
    let answer = |id: &str| SelfCheckAnswer {
        question_id: id.into(),
        answer: Answer::No,
    };
    assert!(matches!(
        w.self_check_result(vec![answer("nope")]),
        Err(WaymarkError::InvalidInput { field, .. }) if field == "answers"
    ));
    assert!(matches!(
        w.self_check_result(vec![answer("debt"), answer("debt")]),
        Err(WaymarkError::InvalidInput { field, .. }) if field == "answers"
    ));
}

// ---------------------------------------------------------------- quiz

fn answers(w: &Waymark, right: usize) -> Vec<QuizAnswer> {
    let pack = w.profile().pack();
    pack.screening
        .def
        .quiz
        .statement
        .iter()
        .enumerate()
        .map(|(i, s)| QuizAnswer {
            statement_id: s.id.clone(),
            answer: if i < right { s.is_true } else { !s.is_true },
        })
        .collect()
}

#[test]
fn each_answer_is_explained_and_the_best_score_is_kept() {
    let (_dir, w) = open("en");
    let quiz = w.quiz().unwrap();
    assert_eq!(quiz.best, None);
    assert_eq!(quiz.best_label, "No score yet");
    let myth = w.quiz_answer("only-sexual".into(), false).unwrap();
    assert!(myth.correct);
    assert_eq!(
        (myth.verdict.as_str(), myth.truth.as_str()),
        ("Right.", "This is a myth.")
    );
    assert!(myth.explanation.contains("forced labour"));
    let wrong = w.quiz_answer("legal-travel".into(), false).unwrap();
    assert!(!wrong.correct);
    assert_eq!(wrong.truth, "This is true.");

    let first = w.quiz_finish(answers(&w, 7), monday()).unwrap();
    assert_eq!(
        first.score,
        QuizScore {
            score: 7,
            total: 11
        }
    );
    assert!(first.is_new_best);
    let worse = w.quiz_finish(answers(&w, 3), monday()).unwrap();
    assert!(!worse.is_new_best);
    assert_eq!(worse.best.score, 7);
    assert_eq!(worse.best_label, "Your best: 7 of 11");
    let better = w.quiz_finish(answers(&w, 11), monday()).unwrap();
    assert!(better.is_new_best);
    assert_eq!(
        w.quiz().unwrap().best,
        Some(QuizScore {
            score: 11,
            total: 11
        })
    );
}

#[test]
fn an_incomplete_quiz_is_refused_and_not_scored() {
    let (_dir, w) = open("ru");
    let mut some = answers(&w, 11);
    some.pop();
    assert!(matches!(
        w.quiz_finish(some.clone(), monday()),
        Err(WaymarkError::InvalidInput { field, .. }) if field == "answers"
    ));
    let mut twice = answers(&w, 11);
    twice.push(twice[0].clone());
    assert!(w.quiz_finish(twice, monday()).is_err());
    assert!(matches!(
        w.quiz_answer("nope".into(), true),
        Err(WaymarkError::NotFound { .. })
    ));
    assert_eq!(w.quiz().unwrap().best, None);
    assert_eq!(w.quiz().unwrap().best_label, "Результатов пока нет");
}
