//! The profile at rest, as someone who takes the phone or the disk would find it: every file the
//! profile uses is encrypted, a wrong or missing key changes nothing on disk, a profile written
//! by the last release without encryption is sealed at its first open, and erasing leaves
//! nothing behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::DateTime;
use waymark_core::{
    CheckinCadence, CheckinSchedule, OfferInput, OwnContactInput, OwnContactKind, ProfileAtRest,
    TripPlan, Waymark, WaymarkError, WaymarkOptions, erase_unopenable_profile, profile_at_rest,
    shell_texts_without_profile,
};

const KEY: [u8; 32] = [0x5a; 32];
const NORMAL_PIN: &str = "2468";
const HELP_PIN: &str = "1357";

/// What a person typed, each of which must never be found in the files.
const MARKERS: &[&str] = &[
    "Olga Petrovna",
    "9161234567",
    "916 123",
    "Anna Sidorova",
    "Bosphorus Textile",
    "Kadikoy",
    "Valya",
    "FREEVISAFLIGHT",
    "sister Marina",
    "Hotel Zeytin",
    "Bring my own boots",
    // The schema would tell a searcher what the app is about, even without the data.
    "CREATE TABLE",
    "own_contacts",
    "watched_travellers",
    "verifications",
    "trip_plan",
];

fn at(s: &str) -> SystemTime {
    DateTime::parse_from_rfc3339(s).unwrap().into()
}

fn options(key: &[u8]) -> WaymarkOptions {
    WaymarkOptions {
        language: "en".into(),
        time_zone: "Europe/Istanbul".into(),
        profile_key: key.to_vec(),
    }
}

fn open(path: &Path, key: &[u8]) -> Result<std::sync::Arc<Waymark>, WaymarkError> {
    Waymark::open(path.to_str().unwrap().to_owned(), options(key))
}

fn plan() -> TripPlan {
    TripPlan {
        traveller_name: "Anna Sidorova".into(),
        destination_country: "TR".into(),
        destination_city: "Istanbul Kadikoy".into(),
        starts: at("2026-03-02T00:00:00Z"),
        ends: at("2026-06-01T00:00:00Z"),
        home_time_zone: "Europe/Moscow".into(),
        destination_time_zone: "Europe/Istanbul".into(),
        employer: Some("Bosphorus Textile Ltd".into()),
        agency: Some("Hotel Zeytin recruiting".into()),
        document_copies: Some("with my sister Marina".into()),
        schedule: CheckinSchedule {
            cadence: CheckinCadence::Daily {
                times: vec!["09:00".into(), "21:00".into()],
            },
            time_zone: "Europe/Istanbul".into(),
            window_minutes: 60,
            grace_minutes: 30,
        },
    }
}

/// Writes every kind of personal thing through the public API: a contact, a trip plan with its
/// employer, the PINs and signal phrase, a check-in, a job offer with its ad, an own checklist
/// item, and (on the family's side, in `family`) a watched traveller and a verified code.
fn fill(traveller: &Waymark, family: &Waymark) {
    traveller
        .own_contact_add(
            OwnContactInput {
                name: "Mama Olga Petrovna".into(),
                kind: OwnContactKind::Family,
                country: "RU".into(),
                phone: "+7 916 123-45-67".into(),
                notes: "call after 9, sister Marina knows".into(),
            },
            at("2026-03-01T10:00:00Z"),
        )
        .unwrap();
    traveller
        .set_trip_plan(plan(), at("2026-03-01T10:00:00Z"))
        .unwrap();
    traveller
        .set_checkin_pins(
            NORMAL_PIN.into(),
            HELP_PIN.into(),
            "How is aunt Valya?".into(),
        )
        .unwrap();
    let receipt = traveller
        .check_in(NORMAL_PIN.into(), at("2026-03-02T06:10:00Z"))
        .unwrap();
    traveller
        .offer_save(
            None,
            OfferInput {
                title: "Seamstress at Bosphorus Textile".into(),
                employer: "Bosphorus Textile Ltd".into(),
                country: "TR".into(),
                notes: "met the recruiter at Hotel Zeytin".into(),
                answers: Vec::new(),
                ad_text: Some("FREEVISAFLIGHT: we keep your passport safe for you".into()),
            },
            at("2026-03-01T11:00:00Z"),
        )
        .unwrap();
    traveller
        .checklist_add_own_item("Bring my own boots".into(), at("2026-03-01T11:00:00Z"))
        .unwrap();
    let export = traveller.export_plan(NORMAL_PIN.into(), None).unwrap();
    family
        .import_plan(
            export.payload,
            Some(export.passphrase),
            at("2026-03-01T12:00:00Z"),
        )
        .unwrap();
    let list = family.family_list(at("2026-03-02T06:20:00Z")).unwrap();
    let traveller_id = list.travellers[0].id.clone();
    family
        .verify_checkin(traveller_id, receipt.message, at("2026-03-02T06:20:00Z"))
        .unwrap();
}

/// The traveller's profile at `path`, filled by [`fill`]; the family's profile it shared the
/// plan with is in a folder of its own, gone on return.
fn filled_traveller(path: &Path) -> std::sync::Arc<Waymark> {
    let family_dir = tempfile::tempdir().unwrap();
    let traveller = open(path, &KEY).unwrap();
    let family = open(&family_dir.path().join("family.sqlite"), &KEY).unwrap();
    fill(&traveller, &family);
    traveller
}

/// Every file in `dir`, by name, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .map(|(name, (bytes, _))| (name, bytes))
        .collect()
}

/// Every file in `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let modified = entry.metadata().unwrap().modified().unwrap();
            (
                entry.file_name().to_string_lossy().into_owned(),
                (std::fs::read(entry.path()).unwrap(), modified),
            )
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Each marker, in UTF-8 and in UTF-16 (SQLite can store text either way), found in any file.
fn markers_found(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (name, bytes) in files(dir) {
        for marker in MARKERS {
            let utf16: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
            if contains(&bytes, marker.as_bytes()) || contains(&bytes, &utf16) {
                found.push(format!("{marker:?} in {name}"));
            }
        }
    }
    found
}

fn assert_sealed(path: &Path) {
    let header = std::fs::read(path).unwrap();
    assert!(header.len() >= 16, "the profile is written");
    assert_ne!(
        &header[..16],
        b"SQLite format 3\0",
        "the profile is plain SQLite"
    );
}

#[test]
fn nothing_a_person_typed_is_readable_in_any_file_while_open_or_after_closing() {
    let dir = tempfile::tempdir().unwrap();
    let traveller_path = dir.path().join("traveller.sqlite");
    let traveller = open(&traveller_path, &KEY).unwrap();
    let family = open(&dir.path().join("family.sqlite"), &KEY).unwrap();
    fill(&traveller, &family);

    // As a killed app leaves them: both profiles open, their logs not folded in.
    let names: Vec<String> = files(dir.path()).into_keys().collect();
    assert!(
        names.iter().any(|n| n.ends_with("-wal")),
        "the logs are there to be searched: {names:?}"
    );
    assert_eq!(markers_found(dir.path()), Vec::<String>::new());

    drop(traveller);
    drop(family);
    assert_eq!(markers_found(dir.path()), Vec::<String>::new());
    assert_sealed(&traveller_path);
    // Only the profiles themselves (and SQLite's side files while open): no temporary file,
    // no copy.
    for name in files(dir.path()).into_keys() {
        assert!(
            name.starts_with("traveller.sqlite") || name.starts_with("family.sqlite"),
            "unexpected file {name}"
        );
    }

    // And everything is still there for the right key.
    let traveller = open(&traveller_path, &KEY).unwrap();
    assert_eq!(traveller.own_contacts().unwrap().contacts.len(), 1);
    assert_eq!(
        traveller.trip_plan().unwrap().unwrap().employer.as_deref(),
        Some("Bosphorus Textile Ltd")
    );
    assert_eq!(traveller.checkin_history().unwrap().entries.len(), 1);
}

#[test]
fn a_wrong_key_is_refused_and_changes_no_byte_of_a_closed_or_a_crashed_profile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traveller.sqlite");
    let traveller = filled_traveller(&path);

    let wrong = [0x11; 32];
    // Crashed: the profile is still open elsewhere, with its log not folded in.
    let before = snapshot(dir.path());
    let error = open(&path, &wrong).err().expect("a wrong key is refused");
    assert!(
        matches!(&error, WaymarkError::InvalidInput { field, .. } if field == "profile_key"),
        "{error:?}"
    );
    assert!(
        error.shown().contains("does not open this profile"),
        "{error:?}"
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "files changed by a refused key"
    );

    // Closed cleanly.
    drop(traveller);
    let before = snapshot(dir.path());
    assert!(open(&path, &wrong).is_err());
    assert_eq!(
        snapshot(dir.path()),
        before,
        "files changed by a refused key"
    );

    let traveller = open(&path, &KEY).unwrap();
    assert_eq!(traveller.own_contacts().unwrap().contacts.len(), 1);
}

#[test]
fn a_missing_or_malformed_key_is_refused_before_any_file_is_made_or_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    for (key, field_reason) in [
        (Vec::new(), "did not give its profile key"),
        (vec![1; 31], "32 bytes"),
        (vec![1; 33], "32 bytes"),
    ] {
        let error = open(&path, &key).err().expect("refused");
        assert!(
            matches!(&error, WaymarkError::InvalidInput { field, .. } if field == "profile_key"),
            "{error:?}"
        );
        assert!(error.shown().contains(field_reason), "{error:?}");
        assert!(files(dir.path()).is_empty(), "a file was made");
    }

    drop(open(&path, &KEY).unwrap());
    let before = snapshot(dir.path());
    assert!(open(&path, &[]).is_err());
    assert!(open(&path, &[1; 16]).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

/// A profile the last release without encryption wrote (see data/README.md), copied into `dir`.
fn legacy_profile(dir: &Path) -> PathBuf {
    let path = dir.join("profile.sqlite");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/legacy-profile.sqlite"),
        &path,
    )
    .unwrap();
    path
}

/// `path` (a legacy profile) opened as the last release would, in WAL mode, with `text` added
/// as an own checklist item: while the connection lives, that change is in the plaintext log
/// only, as a kill would leave it.
fn with_change_in_log(path: &Path, text: &str) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute(
        "INSERT INTO checklist_own_items (text, created_at) VALUES (?1, 1)",
        [text],
    )
    .unwrap();
    conn
}

/// What the legacy profile holds, read through the public API.
fn assert_legacy_data(waymark: &Waymark) {
    let contacts = waymark.own_contacts().unwrap().contacts;
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].name, "Mama Olga Petrovna");
    let plan = waymark.trip_plan().unwrap().expect("the plan survived");
    assert_eq!(plan.employer.as_deref(), Some("Bosphorus Textile Ltd"));
    assert_eq!(waymark.checkin_history().unwrap().entries.len(), 1);
    let family = waymark.family_list(at("2026-03-02T07:00:00Z")).unwrap();
    assert_eq!(family.travellers.len(), 1);
}

#[test]
fn a_plaintext_profile_from_the_last_release_is_sealed_at_its_first_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = legacy_profile(dir.path());
    assert!(
        !markers_found(dir.path()).is_empty(),
        "the fixture is the plaintext the upgrade must seal"
    );

    let waymark = open(&path, &KEY).unwrap();
    assert_legacy_data(&waymark);
    drop(waymark);

    assert_sealed(&path);
    assert_eq!(markers_found(dir.path()), Vec::<String>::new());
    let names: Vec<String> = files(dir.path()).into_keys().collect();
    assert_eq!(
        names,
        ["profile.sqlite"],
        "nothing left beside the sealed profile"
    );
    // Sealed for this key only.
    assert!(open(&path, &[0x11; 32]).is_err());
    assert_legacy_data(&open(&path, &KEY).unwrap());
}

#[test]
fn a_plaintext_profile_left_with_a_hot_log_keeps_its_last_changes_when_sealed() {
    // As an app killed before the update left it: the last change only in the log.
    let dir = tempfile::tempdir().unwrap();
    let path = legacy_profile(dir.path());
    let crashed = tempfile::tempdir().unwrap();
    {
        let _conn = with_change_in_log(&path, "Hidden money in boot");
        // The files as they are at this moment: what a kill would leave.
        for name in ["profile.sqlite", "profile.sqlite-wal"] {
            std::fs::copy(dir.path().join(name), crashed.path().join(name)).unwrap();
        }
    }
    let path = crashed.path().join("profile.sqlite");
    assert!(contains(
        &std::fs::read(crashed.path().join("profile.sqlite-wal")).unwrap(),
        b"Hidden money in boot"
    ));

    let waymark = open(&path, &KEY).unwrap();
    let own: Vec<String> = waymark
        .checklist()
        .unwrap()
        .items
        .into_iter()
        .filter(|i| i.is_own)
        .map(|i| i.title)
        .collect();
    assert!(own.iter().any(|t| t == "Hidden money in boot"), "{own:?}");
    drop(waymark);
    assert_sealed(&path);
    for (name, bytes) in files(crashed.path()) {
        assert!(
            !contains(&bytes, b"Hidden money"),
            "plaintext left in {name}"
        );
    }
}

/// The pages of the log's committed transactions, newest copy of each, in page order (the
/// order a checkpoint writes them): page number and the page as stored.
fn committed_log_pages(log: &[u8]) -> Vec<(u32, Vec<u8>)> {
    let word = |bytes: &[u8], at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    let page_size = word(log, 8) as usize;
    let salts = &log[16..24];
    let (mut pending, mut committed) = (BTreeMap::new(), BTreeMap::new());
    for frame in log[32..].chunks_exact(24 + page_size) {
        if &frame[8..16] != salts {
            break;
        }
        pending.insert(word(frame, 0), frame[24..].to_vec());
        if word(frame, 4) != 0 {
            committed.append(&mut pending);
        }
    }
    committed.into_iter().collect()
}

#[test]
fn a_profile_killed_while_its_log_was_being_folded_in_opens_with_everything() {
    // A checkpoint copies the log's pages into the profile in page order, page 1 first. Killed
    // part way, the profile file alone is a mix of old and new pages; only with its log is it
    // whole. Every such moment must open with everything, and a wrong key still changes nothing.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traveller.sqlite");
    let traveller = filled_traveller(&path);
    let profile = std::fs::read(&path).unwrap();
    let log = std::fs::read(dir.path().join("traveller.sqlite-wal")).unwrap();
    drop(traveller);
    let pages = committed_log_pages(&log);
    assert!(
        pages.len() > 2 && pages[0].0 == 1,
        "the log holds page 1 and more"
    );

    for copied in 1..pages.len() {
        let crashed = tempfile::tempdir().unwrap();
        let path = crashed.path().join("traveller.sqlite");
        let mut mixed = profile.clone();
        for (number, page) in &pages[..copied] {
            let start = (*number as usize - 1) * page.len();
            if mixed.len() < start + page.len() {
                mixed.resize(start + page.len(), 0);
            }
            mixed[start..start + page.len()].copy_from_slice(page);
        }
        std::fs::write(&path, &mixed).unwrap();
        std::fs::write(crashed.path().join("traveller.sqlite-wal"), &log).unwrap();

        let before = snapshot(crashed.path());
        assert!(open(&path, &[0x11; 32]).is_err(), "{copied} pages copied");
        assert_eq!(snapshot(crashed.path()), before, "{copied} pages copied");

        let traveller =
            open(&path, &KEY).unwrap_or_else(|error| panic!("{copied} pages copied: {error:?}"));
        assert_eq!(traveller.own_contacts().unwrap().contacts.len(), 1);
        assert_eq!(
            traveller.trip_plan().unwrap().unwrap().employer.as_deref(),
            Some("Bosphorus Textile Ltd")
        );
        assert_eq!(traveller.checkin_history().unwrap().entries.len(), 1);
    }
}

#[test]
fn a_stale_plaintext_log_beside_a_sealed_profile_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = legacy_profile(dir.path());
    drop(open(&path, &KEY).unwrap());

    // A plaintext log from another profile, put beside the sealed one.
    let other = tempfile::tempdir().unwrap();
    let plain = legacy_profile(other.path());
    let conn = with_change_in_log(&plain, "stale");
    std::fs::copy(
        other.path().join("profile.sqlite-wal"),
        dir.path().join("profile.sqlite-wal"),
    )
    .unwrap();
    drop(conn);

    let before = std::fs::read(&path).unwrap();
    assert!(open(&path, &KEY).is_err());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the sealed profile was written"
    );
}

#[test]
fn a_partial_copy_left_by_an_interrupted_upgrade_is_removed_and_the_upgrade_runs_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = legacy_profile(dir.path());
    let original = std::fs::read(&path).unwrap();
    // What a kill during the copy leaves: the old profile whole, and half a sealed copy.
    std::fs::write(
        dir.path().join("profile.sqlite.sealing"),
        &original[..original.len() / 2],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("profile.sqlite.sealing-journal"),
        b"partial",
    )
    .unwrap();

    let waymark = open(&path, &KEY).unwrap();
    assert_legacy_data(&waymark);
    drop(waymark);
    let names: Vec<String> = files(dir.path()).into_keys().collect();
    assert_eq!(names, ["profile.sqlite"]);
    assert_sealed(&path);
}

#[test]
fn erasing_removes_every_file_and_the_next_open_is_a_first_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traveller.sqlite");
    let traveller = filled_traveller(&path);

    let outcome = traveller.erase_all_data().unwrap();
    assert!(outcome.remove_device_data);
    assert!(
        files(dir.path()).is_empty(),
        "{:?}",
        files(dir.path()).keys()
    );
    // The handle still answers, with nothing of the person's, and writes nothing to disk.
    assert!(traveller.own_contacts().unwrap().contacts.is_empty());
    assert!(traveller.trip_plan().unwrap().is_none());
    drop(traveller);
    assert!(files(dir.path()).is_empty());

    // A new key, as the shell makes one after erasing: a first run.
    let fresh = open(&path, &[0x22; 32]).unwrap();
    assert!(fresh.own_contacts().unwrap().contacts.is_empty());
    assert!(fresh.trip_plan().unwrap().is_none());
    assert!(fresh.checkin_history().unwrap().entries.is_empty());
}

#[test]
fn erasing_behind_the_closed_lock_or_after_the_help_pin_erases_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traveller.sqlite");
    let now = at("2026-03-02T08:00:00Z");
    {
        let traveller = filled_traveller(&path);
        traveller
            .set_app_lock(NORMAL_PIN.into(), true, now)
            .unwrap();
    }
    let traveller = open(&path, &KEY).unwrap();
    // While the lock is closed, what shows is the harmless view: erasing empties that only.
    assert!(!traveller.erase_all_data().unwrap().remove_device_data);
    traveller.unlock(HELP_PIN.into(), now).unwrap();
    let outcome = traveller.erase_all_data().unwrap();
    assert!(!outcome.remove_device_data, "the help PIN never erases");
    // It looks erased in this session…
    assert!(traveller.own_contacts().unwrap().contacts.is_empty());
    drop(traveller);
    // …and everything is there with the normal PIN.
    let traveller = open(&path, &KEY).unwrap();
    traveller.unlock(NORMAL_PIN.into(), now).unwrap();
    assert_eq!(traveller.own_contacts().unwrap().contacts.len(), 1);
    assert!(traveller.trip_plan().unwrap().is_some());
}

#[test]
fn a_sealed_profile_opens_with_its_key_after_many_sessions() {
    // Each open re-proves the key on a read-only connection before writing: make sure that
    // does not get in the way of ordinary use across restarts.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite");
    for day in 0..5u64 {
        let waymark = open(&path, &KEY).unwrap();
        waymark
            .checklist_add_own_item(
                format!("item {day}"),
                at("2026-03-01T10:00:00Z") + Duration::from_secs(day * 86_400),
            )
            .unwrap();
    }
    let waymark = open(&path, &KEY).unwrap();
    let own = waymark
        .checklist()
        .unwrap()
        .items
        .iter()
        .filter(|i| i.is_own)
        .count();
    assert_eq!(own, 5);
}

#[test]
fn a_profile_whose_key_is_lost_can_be_erased_without_opening_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traveller.sqlite");
    let path_text = path.to_str().unwrap().to_owned();
    assert_eq!(
        profile_at_rest(path_text.clone()).unwrap(),
        ProfileAtRest::Missing
    );
    drop(filled_traveller(&path));
    // The keystore lost the key: the profile is there, and only a new key could be made.
    assert_eq!(
        profile_at_rest(path_text.clone()).unwrap(),
        ProfileAtRest::Encrypted
    );
    assert!(open(&path, &[0x33; 32]).is_err());

    // The screen that offers to erase it speaks the phone's language without a profile.
    let texts = shell_texts_without_profile("ru".into()).unwrap();
    assert!(
        texts.erase_question.contains("Удалить"),
        "{}",
        texts.erase_question
    );
    assert_eq!(
        shell_texts_without_profile("xx-not-a-tag!".into())
            .unwrap()
            .erase_title,
        "Erase all Waymark data"
    );

    erase_unopenable_profile(path_text.clone()).unwrap();
    assert!(files(dir.path()).is_empty());
    assert_eq!(profile_at_rest(path_text).unwrap(), ProfileAtRest::Missing);
    let fresh = open(&path, &[0x33; 32]).unwrap();
    assert!(fresh.own_contacts().unwrap().contacts.is_empty());
    assert!(fresh.trip_plan().unwrap().is_none());
}

#[test]
fn profile_at_rest_tells_an_unencrypted_profile_and_a_file_that_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = legacy_profile(dir.path());
    let text = path.to_str().unwrap().to_owned();
    assert_eq!(
        profile_at_rest(text.clone()).unwrap(),
        ProfileAtRest::Unencrypted
    );
    drop(open(&path, &KEY).unwrap());
    assert_eq!(
        profile_at_rest(text.clone()).unwrap(),
        ProfileAtRest::Encrypted
    );
    std::fs::write(&path, "These are my notes, not a database.\n".repeat(200)).unwrap();
    assert_eq!(profile_at_rest(text).unwrap(), ProfileAtRest::NotAProfile);
    let error = open(&path, &KEY).err().unwrap();
    assert!(
        matches!(error, WaymarkError::ProfileUnreadable { .. }),
        "{error:?}"
    );
}

#[test]
fn an_erase_stopped_between_the_profile_and_its_log_leaves_a_first_run_not_a_stuck_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traveller.sqlite");
    let traveller = filled_traveller(&path);
    let log = std::fs::read(dir.path().join("traveller.sqlite-wal")).unwrap();
    drop(traveller);

    // Erasing removes the profile first; killed then, its encrypted log is left alone.
    let stopped = tempfile::tempdir().unwrap();
    let path = stopped.path().join("traveller.sqlite");
    std::fs::write(stopped.path().join("traveller.sqlite-wal"), &log).unwrap();
    let text = path.to_str().unwrap().to_owned();
    assert_eq!(profile_at_rest(text).unwrap(), ProfileAtRest::Missing);

    let traveller = open(&path, &KEY).unwrap();
    assert!(traveller.own_contacts().unwrap().contacts.is_empty());
    assert!(traveller.trip_plan().unwrap().is_none());
    drop(traveller);
    assert_sealed(&path);
    let names: Vec<String> = files(stopped.path()).into_keys().collect();
    assert_eq!(names, ["traveller.sqlite"], "the old log is gone");
}

#[test]
fn a_plaintext_log_beside_an_empty_profile_file_is_removed_as_sqlite_would() {
    // SQLite deletes a log beside an empty database when it opens it: such a log is stale. A
    // plaintext one is removed before anything opens it, so no plaintext is left behind.
    let dir = tempfile::tempdir().unwrap();
    let plain = legacy_profile(dir.path());
    let stale = tempfile::tempdir().unwrap();
    let path = stale.path().join("profile.sqlite");
    {
        let _conn = with_change_in_log(&plain, "Hidden money in boot");
        std::fs::write(&path, b"").unwrap();
        std::fs::copy(
            dir.path().join("profile.sqlite-wal"),
            stale.path().join("profile.sqlite-wal"),
        )
        .unwrap();
    }
    let text = path.to_str().unwrap().to_owned();
    assert_eq!(
        profile_at_rest(text.clone()).unwrap(),
        ProfileAtRest::Missing
    );

    let waymark = open(&path, &KEY).unwrap();
    assert!(waymark.own_contacts().unwrap().contacts.is_empty());
    drop(waymark);
    assert_sealed(&path);
    assert_eq!(profile_at_rest(text).unwrap(), ProfileAtRest::Encrypted);
    for (name, bytes) in files(stale.path()) {
        assert!(
            !contains(&bytes, b"Hidden money"),
            "plaintext left in {name}"
        );
    }
}
