//! A traveller's first days with Waymark, end to end through the desktop shell and the core:
//! the home screen points to the next step, the step opens the right checklist item and guide
//! article, progress made in one run is there in the next, and the same profile reads in either
//! language.

use waymark_desktop::Exit;
use waymark_tests::Person;

const MONDAY_MORNING_MOSCOW: &str = "2026-03-02T06:00:00Z"; // 09:00 in Moscow
const SATURDAY_NIGHT: &str = "2026-03-07T21:00:00Z";

#[test]
fn a_traveller_follows_the_next_step_from_home_to_done() {
    let anna = Person::new();
    let home = anna.json(&[], MONDAY_MORNING_MOSCOW, "Europe/Istanbul");
    assert_eq!(home["checklist"]["done"], 0);
    assert_eq!(home["hotline"]["open_now"], true);
    let step = &home["next_step"]["action"];
    assert_eq!(step["action"], "open_checklist_item");
    let item_id = step["id"].as_str().unwrap().to_owned();

    // The step's item links to a guide article that exists and opens.
    let checklist = anna.json(&["checklist"], MONDAY_MORNING_MOSCOW, "Europe/Istanbul");
    let item = checklist["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == item_id.as_str())
        .unwrap();
    let article_id = item["article"]["id"].as_str().unwrap();
    let article = anna.json(
        &["guide", article_id],
        MONDAY_MORNING_MOSCOW,
        "Europe/Istanbul",
    );
    assert!(!article["blocks"].as_array().unwrap().is_empty());

    // Done in one run, remembered in the next, and home moves on to the following rule.
    let number = item["number"].to_string();
    let out = anna.waymark(
        &["checklist", "done", &number],
        MONDAY_MORNING_MOSCOW,
        "Europe/Istanbul",
    );
    assert_eq!(out.exit, Exit::Success, "{}", out.stderr);
    let home = anna.json(&[], SATURDAY_NIGHT, "Europe/Istanbul");
    assert_eq!(home["checklist"]["done"], 1);
    assert_ne!(home["next_step"]["action"]["id"], item_id.as_str());
    assert_eq!(
        home["hotline"]["open_now"], false,
        "the hotline is closed on Saturday night"
    );
}

#[test]
fn one_profile_reads_in_both_languages_and_falls_back_for_others() {
    let person = Person::new();
    let now = MONDAY_MORNING_MOSCOW;
    person.waymark(&["checklist", "add", "Buy a local SIM card"], now, "UTC");
    let en = person.json(&["--lang", "en", "checklist"], now, "UTC");
    let ru = person.json(&["--lang", "ru", "checklist"], now, "UTC");
    assert_eq!(en["progress"]["label"], "0 of 12 done");
    assert_eq!(ru["progress"]["label"], "Готово 0 из 12");
    // The person's own words are kept as written, whatever the language.
    assert_eq!(en["items"][11]["title"], ru["items"][11]["title"]);
    let ky = person.json(&["--lang", "ky", "guide", "red-flags"], now, "UTC");
    assert_eq!(
        ky["language"], "ru",
        "Kyrgyz falls back to Russian and says so"
    );
}

#[test]
fn the_shell_prints_exactly_what_the_core_computes() {
    use std::time::SystemTime;
    use waymark_core::{Waymark, WaymarkOptions};
    let person = Person::new();
    let now = "2026-03-02T06:00:00Z";
    let from_shell = person.json(&["--lang", "ru"], now, "Asia/Tashkent");
    let waymark = Waymark::open(
        person.profile.display().to_string(),
        WaymarkOptions {
            language: "ru".into(),
            time_zone: "Asia/Tashkent".into(),
            // The key the desktop made beside the profile at its first run.
            profile_key: std::fs::read(format!("{}.key", person.profile.display())).unwrap(),
        },
    )
    .unwrap();
    let at: SystemTime = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_772_431_200);
    let from_core = serde_json::to_value(waymark.home(at).unwrap()).unwrap();
    assert_eq!(from_shell, from_core);
}
