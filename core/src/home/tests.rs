use std::time::SystemTime;

use chrono::{DateTime, Utc};

use crate::action::Action;
use crate::waymark::{Waymark, WaymarkOptions};

fn open(dir: &tempfile::TempDir, language: &str, zone: &str) -> Waymark {
    let options = WaymarkOptions {
        language: language.into(),
        time_zone: zone.into(),
        profile_key: vec![7; 32],
    };
    Waymark::open_at(&dir.path().join("profile.sqlite"), &options).unwrap()
}

fn utc(rfc3339: &str) -> SystemTime {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&Utc)
        .into()
}

#[test]
fn a_new_profile_points_to_the_first_rule_and_the_hotline() {
    let dir = tempfile::tempdir().unwrap();
    let home = open(&dir, "en", "Asia/Tokyo")
        .home(utc("2026-03-02T08:00:00Z"))
        .unwrap();
    assert_eq!(home.title, "Waymark");
    assert_eq!(home.checklist.label, "0 of 11 done");
    assert_eq!(
        home.next_step.action,
        Action::OpenChecklistItem {
            id: "agency-licence".into()
        }
    );
    assert_eq!(home.hotline.number, "8-800-333-00-16");
    assert_eq!(
        home.hotline.call,
        Action::Dial {
            uri: "tel:+78003330016".into()
        }
    );
    assert_eq!(home.hotline.hours, "Mon–Fri, 08:30–18:30, Moscow time");
    assert!(
        home.hotline
            .cost_note
            .as_deref()
            .unwrap()
            .contains("abroad")
    );
    let menu: Vec<&Action> = home.menu.iter().map(|m| &m.action).collect();
    assert_eq!(menu.len(), 9);
    assert_eq!(
        menu[..3],
        [
            &Action::OpenGuide,
            &Action::OpenChecklist,
            &Action::OpenCheckin
        ]
    );
    assert!(home.checkin.is_none(), "no trip plan yet");
}

#[test]
fn the_next_step_moves_on_and_ends_with_the_red_flags() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "ru", "Europe/Moscow");
    let now = utc("2026-03-02T08:00:00Z");
    waymark
        .checklist_mark_done("agency-licence".into(), now)
        .unwrap();
    let home = waymark.home(now).unwrap();
    assert_eq!(
        home.next_step.action,
        Action::OpenChecklistItem {
            id: "contract-understood".into()
        }
    );
    assert_eq!(home.next_step.heading, "Следующий шаг");
    for item in waymark.checklist().unwrap().items {
        waymark.checklist_mark_done(item.id, now).unwrap();
    }
    let home = waymark.home(now).unwrap();
    assert_eq!(home.checklist.label, "Готово 11 из 11");
    assert_eq!(
        home.next_step.action,
        Action::OpenArticle {
            id: "red-flags".into()
        }
    );
}

#[test]
fn the_hotline_is_open_on_moscow_weekday_hours_whatever_the_persons_zone() {
    let dir = tempfile::tempdir().unwrap();
    for zone in ["Asia/Tokyo", "America/New_York", "Europe/Moscow"] {
        let waymark = open(&dir, "en", zone);
        let open_at = |t: &str| waymark.home(utc(t)).unwrap().hotline.open_now;
        // Friday 2026-03-06: 18:29 Moscow (UTC+3) is 15:29 UTC.
        assert!(
            open_at("2026-03-06T15:29:00Z"),
            "{zone}: Friday 18:29 Moscow"
        );
        assert!(
            !open_at("2026-03-06T15:30:00Z"),
            "{zone}: Friday 18:30 Moscow"
        );
        assert!(
            open_at("2026-03-02T05:30:00Z"),
            "{zone}: Monday 08:30 Moscow"
        );
        assert!(
            !open_at("2026-03-02T05:29:59Z"),
            "{zone}: Monday 08:29:59 Moscow"
        );
        // Saturday noon in Moscow; still Friday evening in New York.
        assert!(!open_at("2026-03-07T09:00:00Z"), "{zone}: Saturday");
    }
}

#[test]
fn the_home_screen_shows_the_check_in_line_once_a_trip_is_planned() {
    use crate::checkins::{CheckinCadence, CheckinSchedule, TripPlan};
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "Europe/Istanbul");
    let plan = TripPlan {
        traveller_name: "Anna".into(),
        destination_country: "TR".into(),
        destination_city: "Istanbul".into(),
        starts: utc("2026-03-02T00:00:00Z"),
        ends: utc("2026-06-01T00:00:00Z"),
        home_time_zone: "Europe/Moscow".into(),
        destination_time_zone: "Europe/Istanbul".into(),
        employer: None,
        agency: None,
        document_copies: None,
        schedule: CheckinSchedule {
            cadence: CheckinCadence::Daily {
                times: vec!["09:00".into()],
            },
            time_zone: "Europe/Istanbul".into(),
            window_minutes: 60,
            grace_minutes: 30,
        },
    };
    waymark
        .set_trip_plan(plan, utc("2026-03-01T12:00:00Z"))
        .unwrap();
    waymark
        .set_checkin_pins("2468".into(), "1357".into(), "phrase".into())
        .unwrap();
    let home = waymark.home(utc("2026-03-02T05:45:00Z")).unwrap();
    let checkin = home.checkin.unwrap();
    assert_eq!(
        checkin.headline,
        "Check in now: this check-in counts until 2 Mar 2026, 10:00."
    );
    assert_eq!(checkin.action, Action::OpenCheckin);
}

#[test]
fn the_menu_offers_search_in_the_persons_language_and_the_search_screen_names_itself_alike() {
    let dir = tempfile::tempdir().unwrap();
    let now = utc("2026-03-02T08:00:00Z");
    for (language, label) in [("en", "Search"), ("ru", "Поиск")] {
        let waymark = open(&dir, language, "Europe/Moscow");
        let home = waymark.home(now).unwrap();
        let entries: Vec<_> = home
            .menu
            .iter()
            .filter(|entry| entry.action == Action::OpenSearch)
            .collect();
        assert_eq!(entries.len(), 1, "{language}: one way into search");
        assert_eq!(entries[0].title, label, "{language}");
        // The screen shows this title before anything is typed, and the core's own title once
        // results arrive: the two must not disagree.
        let texts = waymark.shell_texts();
        assert_eq!(texts.search_title, label, "{language}");
        let found = waymark.search("passport".into()).unwrap();
        assert_eq!(found.title, texts.search_title, "{language}");
        assert!(!texts.search_hint.is_empty() && !found.empty_text.is_empty());
    }
    let kyrgyz = open(&dir, "ky", "Asia/Bishkek").home(now).unwrap();
    let entry = kyrgyz.menu.iter().find(|e| e.action == Action::OpenSearch);
    assert_eq!(entry.unwrap().title, "Поиск", "ky falls back to Russian");
}

#[test]
fn the_search_entry_keeps_its_name_where_actions_are_written_out() {
    // The desktop's --json output and any shell reading it name actions by this tag.
    assert_eq!(
        serde_json::to_value(Action::OpenSearch).unwrap(),
        serde_json::json!({ "action": "open_search" })
    );
}

/// The home screen reads one snapshot of the settings: while another thread switches the
/// language back and forth, every home screen is wholly in one language, its parts included
/// (the checklist's next step, help now, the hotline line).
#[test]
fn the_home_screen_is_made_in_one_language_while_the_language_changes() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = std::sync::Arc::new(open(&dir, "en", "Europe/Moscow"));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let switcher = {
        let (waymark, stop) = (waymark.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut flips = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let language = if flips.is_multiple_of(2) { "ru" } else { "en" };
                waymark.set_language(language.into()).unwrap();
                flips += 1;
            }
            flips
        })
    };
    let cyrillic = |text: &str| {
        text.chars()
            .any(|c| ('а'..='я').contains(&c.to_ascii_lowercase()) || ('А'..='Я').contains(&c))
    };
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..300 {
        let home = waymark.home(utc("2026-03-04T10:00:00Z")).unwrap();
        let parts = [
            home.tagline.as_str(),
            home.next_step.heading.as_str(),
            home.next_step.title.as_str(),
            home.menu[0].title.as_str(),
            home.help_now.title.as_str(),
            home.hotline.name.as_str(),
        ];
        let russian: Vec<bool> = parts.iter().map(|p| cyrillic(p)).collect();
        assert!(
            russian.iter().all(|r| *r == russian[0]),
            "a home screen in two languages: {parts:?}"
        );
        assert_eq!(home.language == "ru", russian[0], "{parts:?}");
        seen.insert(home.language);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(switcher.join().unwrap() > 0);
    assert_eq!(
        seen.len(),
        2,
        "the language never changed during the test: {seen:?}"
    );
}
