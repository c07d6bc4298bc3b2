use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::error::WaymarkError;
use crate::waymark::{Waymark, WaymarkOptions};

fn open(dir: &tempfile::TempDir, language: &str) -> Waymark {
    let options = WaymarkOptions {
        language: language.into(),
        time_zone: "Europe/Istanbul".into(),
        profile_key: vec![7; 32],
    };
    Waymark::open_at(&dir.path().join("profile.sqlite"), &options).unwrap()
}

/// 2026-03-01 09:30:00 UTC.
fn at(minutes_later: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_772_357_400 + minutes_later * 60)
}

#[test]
fn a_fresh_checklist_has_the_eleven_rules_undone() {
    let dir = tempfile::tempdir().unwrap();
    let view = open(&dir, "en").checklist().unwrap();
    assert_eq!(view.items.len(), 11);
    assert_eq!((view.progress.done, view.progress.total), (0, 11));
    assert_eq!(view.progress.label, "0 of 11 done");
    assert!(
        view.items
            .iter()
            .all(|i| !i.done && !i.is_own && i.article.is_some() && i.why.is_some())
    );
    assert_eq!(
        view.items.iter().map(|i| i.number).collect::<Vec<_>>(),
        (1..=11).collect::<Vec<_>>()
    );
}

#[test]
fn progress_is_kept_with_its_time_across_close_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let waymark = open(&dir, "ru");
        waymark
            .checklist_mark_done("return-ticket".into(), at(0))
            .unwrap();
        waymark
            .checklist_mark_done("work-visa".into(), at(5))
            .unwrap();
    }
    let view = open(&dir, "ru").checklist().unwrap();
    assert_eq!(view.progress.label, "Готово 2 из 11");
    let ticket = view.items.iter().find(|i| i.id == "return-ticket").unwrap();
    assert_eq!(ticket.done_at, Some(at(0)));
    // 09:30 UTC is 12:30 in Istanbul (UTC+3 all year).
    assert_eq!(
        ticket.done_label.as_deref(),
        Some("Сделано 01.03.2026, 12:30")
    );
}

#[test]
fn marking_done_again_keeps_the_first_time_and_undo_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en");
    waymark
        .checklist_mark_done("work-visa".into(), at(0))
        .unwrap();
    let view = waymark
        .checklist_mark_done("work-visa".into(), at(60))
        .unwrap();
    let item = view.items.iter().find(|i| i.id == "work-visa").unwrap();
    assert_eq!(item.done_at, Some(at(0)));
    assert_eq!(item.done_label.as_deref(), Some("Done 1 Mar 2026, 12:30"));
    let view = waymark.checklist_undo("work-visa".into()).unwrap();
    assert_eq!(view.progress.done, 0);
    assert!(
        view.items
            .iter()
            .all(|i| i.done_at.is_none() && i.done_label.is_none())
    );
}

#[test]
fn own_items_are_added_done_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en");
    let view = waymark
        .checklist_add_own_item("  Buy a local SIM card  ".into(), at(0))
        .unwrap();
    let own = view.items.last().unwrap();
    assert_eq!(
        (own.number, own.title.as_str(), own.is_own, own.rule),
        (12, "Buy a local SIM card", true, None)
    );
    let id = own.id.clone();
    let view = waymark.checklist_mark_done(id.clone(), at(1)).unwrap();
    assert_eq!(view.progress.label, "1 of 12 done");
    let view = waymark.checklist_remove_own_item(id.clone()).unwrap();
    assert_eq!(view.progress.label, "0 of 11 done");
    assert!(matches!(
        waymark.checklist_mark_done(id, at(2)),
        Err(WaymarkError::NotFound { .. })
    ));
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en");
    let before = waymark.checklist().unwrap();
    for text in ["", "   ", "line one\nline two", &"x".repeat(201)] {
        let err = waymark
            .checklist_add_own_item(text.into(), at(0))
            .unwrap_err();
        assert!(
            matches!(&err, WaymarkError::InvalidInput { field, .. } if field == "text"),
            "{text:?}: {err:?}"
        );
    }
    assert!(
        waymark
            .checklist_add_own_item("x".repeat(200), at(0))
            .is_ok(),
        "200 characters are allowed"
    );
    waymark.checklist_remove_own_item("own-1".into()).unwrap();
    for id in ["no-such-item", "own-999", "own-x", ""] {
        assert!(
            matches!(
                waymark.checklist_mark_done(id.into(), at(0)),
                Err(WaymarkError::NotFound { .. })
            ),
            "{id}"
        );
        assert!(
            matches!(
                waymark.checklist_undo(id.into()),
                Err(WaymarkError::NotFound { .. })
            ),
            "{id}"
        );
    }
    let err = waymark
        .checklist_remove_own_item("return-ticket".into())
        .unwrap_err();
    assert!(matches!(err, WaymarkError::InvalidInput { field, .. } if field == "item_id"));
    assert_eq!(waymark.checklist().unwrap(), before);
}

#[test]
fn the_number_of_own_items_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en");
    for n in 0..super::OWN_ITEMS_MAX {
        waymark
            .checklist_add_own_item(format!("item {n}"), at(0))
            .unwrap();
    }
    assert!(!waymark.checklist().unwrap().can_add_own_item);
    let err = waymark
        .checklist_add_own_item("one more".into(), at(0))
        .unwrap_err();
    assert!(matches!(err, WaymarkError::InvalidInput { .. }));
    assert_eq!(
        waymark.checklist().unwrap().items.len(),
        11 + super::OWN_ITEMS_MAX as usize
    );
}

#[test]
fn removing_an_item_that_fails_half_way_leaves_it_and_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en");
    let view = waymark
        .checklist_add_own_item("Learn the bus routes".into(), at(0))
        .unwrap();
    let id = view.items.last().unwrap().id.clone();
    waymark.checklist_mark_done(id.clone(), at(1)).unwrap();
    let before = waymark.checklist().unwrap();
    // Removal first deletes the progress row, then the item; make the second step fail.
    waymark
        .real
        .db
        .write(|tx| {
            tx.execute_batch(
                "CREATE TRIGGER fail_item_delete BEFORE DELETE ON checklist_own_items
                 BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
            )?;
            Ok(())
        })
        .unwrap();
    assert!(matches!(
        waymark.checklist_remove_own_item(id),
        Err(WaymarkError::Storage { .. })
    ));
    assert_eq!(
        waymark.checklist().unwrap(),
        before,
        "the progress row deleted first was rolled back"
    );
}
