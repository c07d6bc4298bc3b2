use std::time::{Duration, SystemTime};

use super::index::{Corpus, Entry, query_words};
use super::{SearchKind, SearchResult, SearchView, TextPart};
use crate::action::Action;
use crate::contacts::{OwnContactInput, OwnContactKind};
use crate::content::{Pack, Toml, source_files};
use crate::error::WaymarkError;
use crate::waymark::{Waymark, WaymarkOptions};

fn open(dir: &tempfile::TempDir, language: &str) -> Waymark {
    let options = WaymarkOptions {
        language: language.into(),
        time_zone: "UTC".into(),
        profile_key: vec![7; 32],
    };
    Waymark::open_at(&dir.path().join("profile.sqlite"), &options).unwrap()
}

fn search(language: &str, query: &str) -> SearchView {
    let dir = tempfile::tempdir().unwrap();
    open(&dir, language).search(query.into()).unwrap()
}

fn joined(parts: &[TextPart]) -> String {
    parts.iter().map(|p| p.text.as_str()).collect()
}

/// Every highlighted word of a result, lower case, title first.
fn highlighted(result: &SearchResult) -> Vec<String> {
    result
        .title_parts
        .iter()
        .chain(&result.snippet)
        .filter(|p| p.highlighted)
        .map(|p| p.text.to_lowercase())
        .collect()
}

fn ids(view: &SearchView) -> Vec<&str> {
    view.results.iter().map(|r| r.id.as_str()).collect()
}

fn title_hit(result: &SearchResult) -> bool {
    result.title_parts.iter().any(|p| p.highlighted)
}

#[test]
fn a_russian_word_finds_its_other_forms() {
    for query in ["паспорт", "паспорта", "паспортом"] {
        let view = search("ru", query);
        let first = &view.results[0];
        assert_eq!(first.id, "keep-your-passport", "{query}");
        assert_eq!(
            first.action,
            Action::OpenChecklistItem {
                id: "keep-your-passport".into()
            }
        );
        let words = highlighted(first);
        assert!(words.contains(&"паспорт".to_owned()), "{query}: {words:?}");
        assert!(words.contains(&"паспорта".to_owned()), "{query}: {words:?}");
    }
    // "работу" finds "работа" and "работы" but not "работодатель", a different word.
    let view = search("ru", "работу");
    let words: Vec<String> = view.results.iter().flat_map(highlighted).collect();
    assert!(words.iter().any(|w| w == "работа"), "{words:?}");
    assert!(words.iter().any(|w| w == "работы"), "{words:?}");
    assert!(!words.iter().any(|w| w.starts_with("работод")), "{words:?}");
    assert!(ids(&search("ru", "работодателя")).contains(&"documents-and-contact"));
}

#[test]
fn an_english_word_finds_its_other_forms() {
    let view = search("en", "recruiting");
    let words: Vec<String> = view.results.iter().flat_map(highlighted).collect();
    assert!(words.contains(&"recruitment".to_owned()), "{words:?}");
    assert!(words.contains(&"recruit".to_owned()), "{words:?}");
    assert!(ids(&view).contains(&"three-links"));
}

#[test]
fn the_help_pin_is_found_in_the_check_in_article() {
    // Someone unsure what the second PIN is for searches for it and finds the explanation.
    assert!(ids(&search("en", "help PIN")).contains(&"check-ins"));
    assert!(ids(&search("ru", "ПИН помощь")).contains(&"check-ins"));
    assert!(ids(&search("ru", "пропущенная отметка")).contains(&"check-ins"));
}

#[test]
fn case_and_yo_are_ignored() {
    let lower = search("ru", "жилье");
    assert!(!lower.results.is_empty());
    assert!(
        lower
            .results
            .iter()
            .flat_map(highlighted)
            .any(|w| w == "жильё")
    );
    assert_eq!(ids(&search("ru", "ЖИЛЬЁ")), ids(&lower));
    assert_eq!(
        ids(&search("en", "PASSPORT")),
        ids(&search("en", "passport"))
    );
}

#[test]
fn one_typo_is_forgiven_in_longer_words_only() {
    assert_eq!(
        ids(&search("en", "pasport")),
        ids(&search("en", "passport"))
    );
    assert_eq!(ids(&search("ru", "пасспорт"))[0], "keep-your-passport");
    // Four letters: "vise" and "viza" are not "visa".
    assert!(search("en", "vise").results.is_empty());
    assert!(search("en", "viza ").results.is_empty());
    assert!(!search("en", "visa").results.is_empty());
}

#[test]
fn the_last_word_is_found_while_it_is_still_being_typed() {
    assert!(ids(&search("en", "passp")).contains(&"keep-your-passport"));
    // Followed by a space, the word is complete and must be found as a word.
    assert!(search("en", "passp ").results.is_empty());
}

#[test]
fn title_matches_come_before_body_only_matches() {
    for (language, query) in [
        ("ru", "паспорт"),
        ("en", "visa"),
        ("en", "debt"),
        ("ru", "долг"),
    ] {
        let view = search(language, query);
        let hits: Vec<bool> = view.results.iter().map(title_hit).collect();
        assert!(
            hits.contains(&true) && hits.contains(&false),
            "{query}: {hits:?}"
        );
        let first_body_only = hits.iter().position(|h| !h).unwrap();
        assert!(
            hits[first_body_only..].iter().all(|h| !h),
            "{query}: {hits:?}"
        );
    }
}

fn entry(id: &str, title: &str, body: &str) -> Entry {
    Entry {
        kind: SearchKind::Article,
        id: id.into(),
        title: title.into(),
        body: body.into(),
        action: Action::OpenArticle { id: id.into() },
    }
}

fn ranked(language: &str, entries: Vec<Entry>, query: &str) -> Vec<String> {
    let corpus = Corpus::build(language, entries);
    let (mut hits, _) = corpus.search(&query_words(query));
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
    hits.iter()
        .map(|h| corpus.identity(h.doc).1.to_owned())
        .collect()
}

#[test]
fn the_exact_word_ranks_above_other_forms_and_the_title_above_the_body() {
    let entries = || {
        vec![
            entry("body", "Travel", "Keep your passport safe."),
            entry("stemmed", "Passports", "Keep them safe."),
            entry("exact", "Your passport", "Keep it safe."),
            entry("none", "Contracts", "Read them."),
        ]
    };
    assert_eq!(
        ranked("en", entries(), "passport "),
        ["exact", "stemmed", "body"]
    );
    let ru = vec![
        entry("stemmed", "Паспорта", "Храните их."),
        entry("exact", "Паспортом", "Не делитесь."),
        entry("body", "Документы", "Паспортом не делитесь."),
    ];
    assert_eq!(ranked("ru", ru, "паспортом "), ["exact", "stemmed", "body"]);
}

#[test]
fn every_word_of_the_query_must_be_found() {
    let both = search("en", "tourist visa");
    let tourist = search("en", "tourist");
    let visa = search("en", "visa");
    assert!(!both.results.is_empty());
    // Neither word alone fills the list, so every entry with both words is in each.
    for alone in [&tourist, &visa] {
        assert!(alone.results.len() < crate::search::SEARCH_RESULTS_MAX as usize);
    }
    assert!(both.results.len() < tourist.results.len());
    for id in ids(&both) {
        assert!(
            ids(&tourist).contains(&id) && ids(&visa).contains(&id),
            "{id}"
        );
    }
    // The snippet shows the place with both words where there is one.
    let both = search("en", "work visa");
    let rule = both.results.iter().find(|r| r.id == "work-visa").unwrap();
    let words = highlighted(rule);
    assert!(words.iter().any(|w| w == "work") && words.iter().any(|w| w == "visa"));
    assert!(search("en", "visa zzzzqqq").results.is_empty());
}

/// Uzbek has no stemmer: its words are found as written, by the start of the word still being
/// typed, or within one typo; the apostrophe of oʻ and gʻ may be typed in any of the usual ways.
#[test]
fn an_uzbek_query_finds_uzbek_texts_however_the_apostrophe_is_typed() {
    let plain = search("uz", "shartli ibora");
    assert!(!plain.results.is_empty());
    assert!(
        ids(&plain).contains(&"copies-and-signal-phrase"),
        "{:?}",
        ids(&plain)
    );
    assert!(
        plain
            .results
            .iter()
            .all(|r| r.language.as_deref() == Some("uz"))
    );
    let variants = [
        "qoʻngʻiroq",
        "qo'ng'iroq",
        "qo‘ng‘iroq",
        "qo’ng’iroq",
        "qo`ng`iroq",
    ];
    let first = search("uz", variants[0]);
    assert!(!first.results.is_empty());
    for variant in variants {
        assert_eq!(ids(&search("uz", variant)), ids(&first), "{variant}");
    }
    let words: Vec<String> = first.results.iter().flat_map(highlighted).collect();
    assert!(words.iter().any(|w| w == "qoʻngʻiroq"), "{words:?}");
    // With one apostrophe left out, the word is still found, as one typo.
    assert!(!search("uz", "qo'ngiroq").results.is_empty());
    assert_eq!(plain.title, "Qidiruv");
}

#[test]
fn a_language_without_texts_searches_its_fallbacks_in_order() {
    let ky = search("ky", "паспорт");
    assert!(!ky.results.is_empty());
    assert!(
        ky.results
            .iter()
            .all(|r| r.language.as_deref() == Some("ru"))
    );
    assert_eq!(ids(&ky), ids(&search("ru", "паспорт")));
    // An English word still finds the English texts at the end of the chain, each entry once.
    let en = search("ky", "passport");
    assert!(!en.results.is_empty());
    assert!(
        en.results
            .iter()
            .all(|r| r.language.as_deref() == Some("en"))
    );
    let mut unique = ids(&en);
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), en.results.len());
    // Labels follow the person's chain too.
    assert_eq!(ky.title, "Поиск");
    assert_eq!(ky.results[0].kind_label, "Список дел");
}

#[test]
fn snippets_mark_exactly_the_found_words_in_cyrillic_text() {
    let view = search("ru", "паспорт");
    let pack = crate::content::default_pack().unwrap();
    for result in &view.results {
        assert_eq!(joined(&result.title_parts), result.title);
        let snippet = joined(&result.snippet);
        let core = snippet.trim_start_matches('…').trim_end_matches('…');
        let body = match result.kind {
            SearchKind::ChecklistItem => {
                let t = &pack.find(&pack.chain("ru").unwrap(), |t| t.checklist.get(&result.id));
                let t = t.as_ref().unwrap().value;
                format!("{} {}", t.why, t.how)
            }
            _ => String::new(),
        };
        if !body.is_empty() {
            assert!(body.contains(core), "{core:?} not in {body:?}");
        }
        for word in highlighted(result) {
            assert!(word.starts_with("паспорт"), "{word:?}");
        }
        // Pieces alternate: no two plain or two marked pieces in a row.
        for parts in [&result.title_parts, &result.snippet] {
            assert!(
                parts
                    .windows(2)
                    .all(|w| w[0].highlighted != w[1].highlighted)
            );
        }
    }
    let item = &view.results[0];
    assert_eq!(
        item.title_parts,
        [
            TextPart {
                text: "Никому не отдавайте ".into(),
                highlighted: false
            },
            TextPart {
                text: "паспорт".into(),
                highlighted: true
            }
        ]
    );
}

#[test]
fn red_flags_are_found_and_open_the_article_that_explains_them() {
    for (language, query) in [("en", "debt"), ("ru", "долг")] {
        let view = search(language, query);
        let flag = view
            .results
            .iter()
            .find(|r| r.kind == SearchKind::RedFlag && r.id == "pay-later")
            .unwrap_or_else(|| panic!("{query}: {:?}", ids(&view)));
        assert!(matches!(flag.action, Action::OpenArticle { .. }));
        assert!(!flag.kind_label.is_empty());
    }
    let visa = search("en", "visa");
    let flag = visa
        .results
        .iter()
        .find(|r| r.id == "tourist-visa")
        .unwrap();
    assert_eq!(
        flag.action,
        Action::OpenArticle {
            id: "contract-and-visa".into()
        }
    );
}

#[test]
fn directory_contacts_are_found() {
    let view = search("ru", "приют");
    let shelter = view.results.iter().find(|r| r.id == "shelter").unwrap();
    assert_eq!(shelter.kind, SearchKind::Contact);
    assert_eq!(
        shelter.action,
        Action::OpenContact {
            id: "shelter".into()
        }
    );
}

#[test]
fn own_items_and_contacts_are_found_without_a_language() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "ru");
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let list = waymark
        .checklist_add_own_item("Купить переходник для розетки".into(), now)
        .unwrap();
    let own_id = list.items.last().unwrap().id.clone();
    waymark
        .own_contact_add(
            OwnContactInput {
                name: "Тётя Маша".into(),
                kind: OwnContactKind::Family,
                country: "RU".into(),
                phone: "+7 912 345-67-89".into(),
                notes: "Звонить вечером".into(),
            },
            now,
        )
        .unwrap();
    let item = waymark.search("переходники".into()).unwrap();
    assert_eq!(item.results.len(), 1);
    assert_eq!(item.results[0].language, None);
    assert_eq!(
        item.results[0].action,
        Action::OpenChecklistItem { id: own_id }
    );
    let contact = waymark.search("тетя маша".into()).unwrap();
    assert_eq!(contact.results.len(), 1);
    assert_eq!(contact.results[0].kind, SearchKind::Contact);
    assert_eq!(contact.results[0].action, Action::OpenOwnContacts);
    assert_eq!(
        highlighted(&contact.results[0]),
        ["тётя".to_owned(), "маша".to_owned()]
    );
}

#[test]
fn nothing_found_is_an_empty_list_with_a_message() {
    let view = search("en", "zzzzqqq");
    assert!(view.results.is_empty());
    assert!(!view.empty_text.is_empty());
    assert_eq!(view.query, "zzzzqqq");
}

#[test]
fn blank_punctuation_and_overlong_queries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en");
    let too_long = "visa ".repeat(41);
    for bad in ["", "   \n", "?!…", too_long.as_str()] {
        match waymark.search(bad.into()) {
            Err(WaymarkError::InvalidInput { field, .. }) => assert_eq!(field, "query"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    // At the limit it is accepted.
    let at_limit = "visa ".repeat(40);
    assert!(waymark.search(at_limit).is_ok());
}

#[test]
fn the_index_belongs_to_its_pack() {
    let edited: Vec<(String, String)> = source_files()
        .into_iter()
        .map(|(path, text)| {
            let text = if path == "en/guide.toml" {
                text.replacen(
                    "title = \"Eleven safety rules\"",
                    "title = \"Eleven safety rules zanzibarian\"",
                    1,
                )
            } else {
                text
            };
            (path, text)
        })
        .collect();
    let files: Vec<(&str, &str)> = edited
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let pack = Pack::from_files::<Toml>(&files).unwrap();
    let words = query_words("zanzibarian");
    let index = super::entries::search_index(&pack);
    let english = index.corpus("en").unwrap();
    let (hits, _) = english.search(&words);
    assert_eq!(hits.len(), 1);
    assert_eq!(english.identity(hits[0].doc).1, "safety-rules");
    assert!(search("en", "zanzibarian").results.is_empty());
}

#[test]
fn a_refused_query_is_explained_in_the_persons_language_with_the_same_field() {
    let too_long = "visa ".repeat(41);
    let cases = [
        (
            "en",
            [
                "must not be blank",
                "must contain a word or a number",
                "must be at most 200 characters",
            ],
        ),
        (
            "ru",
            [
                "не может быть пустым",
                "введите хотя бы одно слово или число",
                "не длиннее 200 символов",
            ],
        ),
    ];
    for (language, reasons) in cases {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, language);
        for (query, reason) in ["  ", "?!…", too_long.as_str()].into_iter().zip(reasons) {
            assert_eq!(
                waymark.search(query.into()),
                Err(WaymarkError::InvalidInput {
                    field: "query".into(),
                    reason: reason.into(),
                    shown: reason.into(),
                }),
                "{language} {query:?}"
            );
        }
    }
}
