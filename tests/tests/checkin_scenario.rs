//! The heart of Waymark, end to end through the desktop shell: Anna agrees a check-in routine
//! with her mother before she leaves for Istanbul; both phones keep the schedule; a normal
//! check-in reads as genuine, a duress check-in looks the same on Anna's phone but tells her
//! mother she needs help, and a missed check-in is noticed by her mother's phone on its own.

use waymark_desktop::Exit;
use waymark_tests::Person;

const ISTANBUL: &str = "Europe/Istanbul";
const MOSCOW: &str = "Europe/Moscow";
const BEFORE_LEAVING: &str = "2026-03-01T12:00:00Z";

fn setup(anna: &Person) {
    let plan = [
        "checkin",
        "setup",
        "--name",
        "Anna",
        "--country",
        "TR",
        "--city",
        "Istanbul",
        "--from",
        "2026-03-02",
        "--to",
        "2026-06-01",
        "--home-zone",
        MOSCOW,
        "--destination-zone",
        ISTANBUL,
        "--times",
        "09:00,21:00",
        "--employer",
        "Hotel Marmara Star",
        "--documents",
        "with my sister Olga",
    ];
    let out = anna.waymark(&plan, BEFORE_LEAVING, ISTANBUL);
    assert_eq!(out.exit, Exit::Success, "{}", out.stderr);
    let out = anna.waymark_with_input(
        &["checkin", "pins"],
        "2468\n1357\nКак там тётя Валя?\n",
        BEFORE_LEAVING,
        ISTANBUL,
    );
    assert_eq!(out.exit, Exit::Success, "{}", out.stderr);
}

/// The plan handed over, imported on the mother's phone; returns Anna's id there. The plan is
/// sealed with a passphrase Anna chose when `chosen`, else with the words the core made up.
fn hand_over(anna: &Person, mother: &Person, chosen: bool) -> String {
    let (export_args, input): (&[&str], _) = if chosen {
        (
            &["plan", "export", "--passphrase"],
            "2468\ncorrect horse battery\n",
        )
    } else {
        (&["plan", "export"], "2468\n")
    };
    let export = anna.json_with_input(export_args, input, BEFORE_LEAVING, ISTANBUL);
    assert_eq!(export["fits_qr_code"], true);
    let payload = export["payload"].as_str().unwrap();
    assert!(payload.starts_with("WAYMARK1S."), "{payload}");
    let passphrase = export["passphrase"].as_str().unwrap();
    if chosen {
        assert_eq!(passphrase, "correct horse battery");
    } else {
        assert_eq!(passphrase.split(' ').count(), 4, "{passphrase}");
    }
    let hint = export["passphrase_hint"].as_str().unwrap();
    assert!(hint.contains(passphrase), "{hint}");
    // The family may type it in capitals, with extra spaces.
    let typed = format!("  {}  ", passphrase.to_uppercase().replace(' ', "  "));
    let input = format!("{payload}\n{typed}\n");
    let imported = mother.json_with_input(&["plan", "import"], &input, BEFORE_LEAVING, MOSCOW);
    assert_eq!(imported["name"], "Anna");
    imported["id"].as_str().unwrap().to_owned()
}

fn check_in(anna: &Person, pin: &str, now: &str) -> serde_json::Value {
    anna.json_with_input(&["checkin", "now"], &format!("{pin}\n"), now, ISTANBUL)
}

#[test]
fn a_normal_check_in_reads_as_genuine_and_a_duress_one_as_a_call_for_help() {
    let (anna, mother) = (Person::new(), Person::new());
    setup(&anna);
    let id = hand_over(&anna, &mother, true);

    // Monday 09:05 in Istanbul: a normal check-in.
    let normal = check_in(&anna, "2468", "2026-03-02T06:05:00Z");
    let verdict = mother.json(
        &["family", "verify", &id, normal["message"].as_str().unwrap()],
        "2026-03-02T06:10:00Z",
        MOSCOW,
    );
    assert_eq!(verdict["outcome"], "genuine");
    assert_eq!(verdict["needs_help"], false);

    // Monday 21:05: Anna is forced to check in and uses the duress PIN.
    let duress = check_in(&anna, "1357", "2026-03-02T18:05:00Z");
    // On Anna's phone it looks exactly like a normal check-in.
    let digits = |v: &serde_json::Value| {
        v["message"]
            .as_str()
            .unwrap()
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .to_owned()
    };
    assert_eq!(digits(&duress).replace("21:05", "09:05"), digits(&normal));
    assert_eq!(duress["headline"], normal["headline"]);
    let verdict = mother.json(
        &["family", "verify", &id, duress["message"].as_str().unwrap()],
        "2026-03-02T18:10:00Z",
        MOSCOW,
    );
    assert_eq!(verdict["outcome"], "genuine_under_duress");
    assert_eq!(verdict["needs_help"], true);
    let steps = verdict["traveller"]["steps"].as_array().unwrap();
    // Call her, the hotline, the consulate in Istanbul and the ministry's line for citizens
    // abroad, pass on Türkiye's 157, the police.
    assert_eq!(steps.len(), 6);
    assert_eq!(steps[1]["action"]["uri"], "tel:+78003330016");
    assert_eq!(steps[2]["action"]["uri"], "tel:+905309410368");
    // Resending an old message is caught.
    let again = mother.json(
        &["family", "verify", &id, normal["message"].as_str().unwrap()],
        "2026-03-02T18:20:00Z",
        MOSCOW,
    );
    assert_eq!(again["outcome"], "replayed");
    // The signal phrase typed in Latin letters, with a typo, is recognised.
    let phrase = mother.json(
        &["family", "verify", &id, "kak tam tyotya Valja? vse ok"],
        "2026-03-02T18:30:00Z",
        MOSCOW,
    );
    assert_eq!(phrase["phrase_found"], true);
    let history = mother.json(&["family", "history", &id], "2026-03-02T18:40:00Z", MOSCOW);
    assert_eq!(history["entries"].as_array().unwrap().len(), 4);
}

#[test]
fn the_mothers_phone_notices_a_missed_check_in_by_itself() {
    let (anna, mother) = (Person::new(), Person::new());
    setup(&anna);
    let id = hand_over(&anna, &mother, false);
    // Anna's phone was taken: nothing arrives. Tuesday 10:01 in Istanbul and Moscow.
    let list = mother.json(&["family"], "2026-03-03T07:01:00Z", MOSCOW);
    assert_eq!(list["travellers"][0]["needs_attention"], true);
    let status = mother.json(&["family", "status", &id], "2026-03-03T07:01:00Z", MOSCOW);
    assert_eq!(status["current"]["status"], "overdue");
    let facts: Vec<&str> = status["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_str().unwrap())
        .collect();
    assert!(
        facts.contains(&"with my sister Olga") && facts.contains(&"Hotel Marmara Star"),
        "{facts:?}"
    );
    // Her phone had planned the alerts for it, from its own copy of the schedule.
    let alerts = mother.json(&["alerts", "--max", "64"], "2026-03-03T00:00:00Z", MOSCOW);
    let ids: Vec<&str> = alerts["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&format!("watch-{id}-2-overdue").as_str()),
        "{ids:?}"
    );
}

#[test]
fn wrong_pins_and_damaged_plans_are_refused_with_a_clear_message() {
    let (anna, mother) = (Person::new(), Person::new());
    setup(&anna);
    let status = anna.json(&["checkin", "status"], "2026-03-02T06:05:00Z", ISTANBUL);
    assert_eq!(status["current"]["status"], "open");
    assert_eq!(status["action"]["action"], "check_in");
    let out = anna.waymark_with_input(
        &["checkin", "now"],
        "0000\n",
        "2026-03-02T06:05:00Z",
        ISTANBUL,
    );
    assert_eq!(out.exit, Exit::Usage);
    assert_eq!(out.stderr, "waymark: pin: wrong PIN\n");
    let history = anna.json(&["checkin", "history"], "2026-03-02T06:06:00Z", ISTANBUL);
    assert!(
        history["entries"].as_array().unwrap().is_empty(),
        "a wrong PIN records nothing"
    );
    let out = mother.waymark_with_input(
        &["plan", "import"],
        "WAYMARK1P.garbage\n",
        BEFORE_LEAVING,
        MOSCOW,
    );
    assert_eq!(out.exit, Exit::Usage);
    assert!(out.stderr.contains("damaged"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"));
}

/// The mother's phone reads the terminal's half-block QR code as a camera would: light blocks
/// white, spaces black, four pixels per module.
fn photograph(drawing: &str) -> (u32, u32, Vec<u8>) {
    const SCALE: usize = 4;
    let rows: Vec<Vec<bool>> = drawing
        .lines()
        .flat_map(|line| {
            let (upper, lower): (Vec<bool>, Vec<bool>) = line
                .chars()
                .map(|c| match c {
                    '█' => (true, true),
                    '▀' => (true, false),
                    '▄' => (false, true),
                    _ => (false, false),
                })
                .unzip();
            [upper, lower]
        })
        .collect();
    let (width, height) = (rows[0].len() * SCALE, rows.len() * SCALE);
    let mut luma = Vec::with_capacity(width * height);
    for row in &rows {
        for _ in 0..SCALE {
            for &light in row {
                luma.extend(std::iter::repeat_n(if light { 230 } else { 20 }, SCALE));
            }
        }
    }
    (width as u32, height as u32, luma)
}

#[test]
fn the_plan_drawn_as_a_qr_code_in_the_terminal_scans_on_the_mothers_phone() {
    let (anna, mother) = (Person::new(), Person::new());
    setup(&anna);
    let out = anna.waymark_with_input(
        &["plan", "export", "--qr"],
        "2468\n",
        BEFORE_LEAVING,
        ISTANBUL,
    );
    assert_eq!(out.exit, Exit::Success, "{}", out.stderr);
    let (drawing, payload) = out.stdout.trim_end().rsplit_once('\n').unwrap();
    assert!(payload.starts_with("WAYMARK1S."), "{payload}");
    // Printed to a file or a program, the plan goes alone: the passphrase and what to do with
    // it go to the terminal, so they never travel in the same message.
    let passphrase = out.stderr.lines().next().unwrap().trim();
    assert_eq!(passphrase.split(' ').count(), 4, "{}", out.stderr);
    assert!(out.stderr.contains("Say it to your family on the phone"));
    assert!(!out.stdout.contains(passphrase), "{}", out.stdout);
    let (width, height, luma) = photograph(drawing);
    let scanned = waymark_core::read_qr_code(width, height, luma).expect("the code scans");
    assert_eq!(scanned, payload);
    let imported = mother.json_with_input(
        &["plan", "import"],
        &format!("{scanned}\n{passphrase}\n"),
        BEFORE_LEAVING,
        MOSCOW,
    );
    assert_eq!(imported["name"], "Anna");
    // The trip is over: the mother stops watching, and her phone forgets Anna's plan.
    let id = imported["id"].as_str().unwrap();
    let list = mother.json(&["family", "remove", id], BEFORE_LEAVING, MOSCOW);
    assert_eq!(list["travellers"], serde_json::json!([]));
    let again = mother.waymark(&["family", "status", id], BEFORE_LEAVING, MOSCOW);
    assert_ne!(again.exit, Exit::Success);
}
