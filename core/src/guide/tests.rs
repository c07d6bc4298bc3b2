use crate::action::Action;
use crate::content::Block;
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

#[test]
fn the_table_of_contents_lists_every_article_in_order_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let en = open(&dir, "en").guide().unwrap();
    let ru = open(&dir, "ru").guide().unwrap();
    let ids = |g: &super::GuideView| -> Vec<String> {
        g.sections
            .iter()
            .flat_map(|s| s.articles.iter().map(|a| a.id.clone()))
            .collect()
    };
    assert_eq!(ids(&en), ids(&ru));
    assert_eq!(en.sections[0].position, 1);
    assert_eq!(en.sections[0].articles[0].id, "what-is-trafficking");
    assert!(
        ru.sections
            .iter()
            .all(|s| s.language == "ru" && s.articles.iter().all(|a| a.language == "ru"))
    );
    assert_ne!(en.sections[0].title, ru.sections[0].title);
}

#[test]
fn an_article_has_blocks_labels_and_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en");
    let first = waymark.article("what-is-trafficking".into()).unwrap();
    assert!(first.previous.is_none());
    assert_eq!(first.next.as_ref().unwrap().id, "who-is-at-risk");
    assert_eq!(first.section_id, "understand");
    let rules = waymark.article("safety-rules".into()).unwrap();
    assert!(
        rules
            .blocks
            .iter()
            .any(|b| matches!(b, Block::NumberedList { items } if items.len() == 11))
    );
    let links: Vec<&Action> = rules.blocks.iter().flat_map(Block::links).collect();
    assert!(links.contains(&&Action::OpenChecklistItem {
        id: "keep-your-passport".into()
    }));
    let last = waymark.article("where-to-get-help".into()).unwrap();
    assert!(last.next.is_none());
    for view in [&first, &rules, &last] {
        for block in &view.blocks {
            if let Block::Callout { label, .. } = block {
                assert!(
                    ["Note", "Tip", "Important", "Warning"].contains(&label.as_str()),
                    "{label}"
                );
            }
        }
    }
}

#[test]
fn the_check_in_routine_is_explained_right_after_the_signal_phrase() {
    // A traveller reading about the signal phrase must find how Waymark's own check-ins work,
    // and a worried family must reach the hotline from it, in every written language.
    let dir = tempfile::tempdir().unwrap();
    let pack = crate::content::default_pack().unwrap();
    for (language, _) in pack.written_languages() {
        let waymark = open(&dir, language);
        let contact = waymark.article("documents-and-contact".into()).unwrap();
        assert_eq!(contact.next.as_ref().unwrap().id, "check-ins", "{language}");
        let open_check_ins = Action::OpenArticle {
            id: "check-ins".into(),
        };
        assert!(
            contact
                .blocks
                .iter()
                .flat_map(Block::links)
                .any(|l| *l == open_check_ins),
            "{language}: documents-and-contact does not link the check-in article"
        );
        let article = waymark.article("check-ins".into()).unwrap();
        assert_eq!(article.language, language);
        assert_eq!(article.section_id, "before-you-go");
        let links: Vec<&Action> = article.blocks.iter().flat_map(Block::links).collect();
        assert!(
            links.contains(&&Action::OpenContact {
                id: "hotline".into()
            }),
            "{language}: {links:?}"
        );
        assert_eq!(
            article.next.as_ref().unwrap().id,
            "keeping-private",
            "{language}"
        );
        let private = waymark.article("keeping-private".into()).unwrap();
        assert_eq!(private.language, language);
        assert_eq!(
            private.next.as_ref().unwrap().id,
            "alarms-on-your-phone",
            "{language}"
        );
        let alarms = waymark.article("alarms-on-your-phone".into()).unwrap();
        assert_eq!(alarms.language, language);
        assert_eq!(alarms.section_id, "before-you-go");
        assert!(
            alarms
                .blocks
                .iter()
                .flat_map(Block::links)
                .any(|l| *l == open_check_ins),
            "{language}: alarms-on-your-phone does not link the check-in article"
        );
        assert_eq!(
            alarms.next.as_ref().unwrap().id,
            "know-your-destination",
            "{language}"
        );
    }
}

#[test]
fn a_language_without_texts_shows_russian_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let article = open(&dir, "ky").article("red-flags".into()).unwrap();
    assert_eq!(article.language, "ru");
}

#[test]
fn an_unknown_article_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let err = open(&dir, "en")
        .article("no-such-article".into())
        .unwrap_err();
    assert_eq!(
        err,
        WaymarkError::NotFound {
            what: "article".into(),
            id: "no-such-article".into(),
            shown: "This article is not in the guide. It may have been removed when the content was updated.".into(),
        }
    );
}
