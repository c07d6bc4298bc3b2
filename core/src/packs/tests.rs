use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::contacts::{OwnContactInput, OwnContactKind};
use crate::content::compile;
use crate::content::pack_file::test_support::{Edit, files_with, key, pack};
use crate::content::pack_file::{
    PackManifest, PackOptions, PackSigningKey, build_pack, encode_unsigned, manifest_text,
    set_pack_table, sign,
};
use crate::error::{PackRejection, WaymarkError};
use crate::packs::ContentSource;
use crate::waymark::{Waymark, WaymarkOptions};

/// The embedded pack's version plus `newer`: the tests hold whatever version it has.
fn v(newer: u32) -> u32 {
    crate::content::default_pack().unwrap().version + newer
}

/// 2026-03-01 09:30:00 UTC.
fn at(minutes_later: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_772_357_400 + minutes_later * 60)
}

fn open(dir: &tempfile::TempDir, language: &str, key: &PackSigningKey) -> Waymark {
    let options = WaymarkOptions {
        language: language.into(),
        time_zone: "Europe/Istanbul".into(),
        profile_key: vec![7; 32],
    };
    let path = dir.path().join("profile.sqlite");
    Waymark::open_trusting(&path, &options, &[key.public_key()]).unwrap()
}

fn install(w: &Waymark, bytes: &[u8], key: &PackSigningKey) -> Result<(), WaymarkError> {
    w.install_with(bytes, at(0), &[key.public_key()])
        .map(|_| ())
        .map_err(|e| w.profile().public_error(e))
}

fn rejection(result: Result<(), WaymarkError>) -> PackRejection {
    match result {
        Err(WaymarkError::ContentRejected { kind, .. }) => kind,
        other => panic!("expected a rejection, got {other:?}"),
    }
}

fn title(w: &Waymark) -> String {
    w.article("what-is-trafficking".into()).unwrap().title
}

/// The embedded content with the first article retitled in both languages.
fn retitled(version: u32, key: &PackSigningKey) -> Vec<u8> {
    let files = files_with(&[
        ("en/guide.toml", &|t: &str| {
            t.replacen(
                "title = \"What human trafficking is\"",
                "title = \"Trafficking in people: what it is\"",
                1,
            )
        }),
        ("ru/guide.toml", &|t: &str| {
            t.replacen(
                "title = \"Что такое торговля людьми\"",
                "title = \"Торговля людьми: что это\"",
                1,
            )
        }),
    ]);
    let options = PackOptions {
        version: Some(version),
        ..PackOptions::default()
    };
    build_pack(&files, &options, key).unwrap()
}

/// The embedded content with `edits`, as a signed pack of `version`, without the checks
/// `build_pack` makes: what a careless or broken publishing tool could produce.
fn unchecked(edits: &[Edit], version: u32, key: &PackSigningKey) -> Vec<u8> {
    let mut files = files_with(edits);
    for (path, text) in &mut files {
        if path == "structure.toml" {
            let options = PackOptions {
                version: Some(version),
                ..PackOptions::default()
            };
            *text = set_pack_table(text, &options).unwrap();
        }
    }
    let manifest = manifest_text(&PackManifest {
        id: "waymark.default".into(),
        version,
        languages: vec!["en".into(), "ru".into()],
        min_core_version: "0.1.0".into(),
    });
    sign(
        encode_unsigned(&manifest, &compile::compile_files(&files).unwrap()).unwrap(),
        key,
    )
}

#[test]
fn an_installed_pack_is_shown_at_once_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    assert_eq!(w.content_info().source, ContentSource::Embedded);
    assert_eq!(title(&w), "What human trafficking is");

    let info = w
        .install_with(&retitled(v(1), &key), at(5), &[key.public_key()])
        .unwrap();
    assert_eq!(info.version, v(1));
    assert_eq!(info.source, ContentSource::Installed);
    assert_eq!(info.installed_at, Some(at(5)));
    assert_eq!(info.languages, ["en", "ru", "uz"]);
    assert_eq!(info.embedded_version, v(0));
    assert_eq!(info.problem, None);
    assert_eq!(w.content_info(), info);

    assert_eq!(title(&w), "Trafficking in people: what it is");
    w.set_language("ru".into()).unwrap();
    assert_eq!(title(&w), "Торговля людьми: что это");
}

#[test]
fn every_bad_pack_is_refused_with_its_reason_and_the_active_pack_stays() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    install(&w, &retitled(v(1), &key), &key).unwrap();
    let before = w.content_info();

    let good = pack(v(2), &key);
    let text_at = |needle: &str| {
        String::from_utf8_lossy(&good)
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} is in the pack"))
    };
    let flip = |at: usize| {
        let mut bytes = good.clone();
        bytes[at] ^= 0x01;
        bytes
    };
    let stranger = PackSigningKey::generate().unwrap();
    let cut_signature = good[..good.len() - 96].to_vec();
    let for_newer_core = build_pack(
        &files_with(&[]),
        &PackOptions {
            version: Some(v(2)),
            min_core_version: Some("99.0.0".into()),
            ..PackOptions::default()
        },
        &key,
    )
    .unwrap();
    // Content that the loader refuses, signed properly: a publisher's mistake.
    let invalid = |edits: &[Edit]| unchecked(edits, v(2), &key);
    let broken_link = invalid(&[("en/guide.toml", &|t: &str| {
        t.replacen("(article:", "(article:no-such-", 1)
    })]);
    let missing_russian = invalid(&[("ru/checklist.toml", &|t: &str| {
        t.replacen("[item.work-visa]", "[item.work-visa-typo]", 1)
    })]);

    let cases: Vec<(&str, Vec<u8>, PackRejection)> = vec![
        (
            "a changed content byte",
            flip(text_at("Human trafficking")),
            PackRejection::BadSignature,
        ),
        (
            "a changed manifest byte",
            flip(text_at(&format!("\"version\":{}", v(2)))),
            PackRejection::BadSignature,
        ),
        (
            "cut in half",
            good[..good.len() / 2].to_vec(),
            PackRejection::Truncated,
        ),
        ("no signature", cut_signature, PackRejection::Unsigned),
        (
            "signed by an unknown key",
            pack(v(2), &stranger),
            PackRejection::UntrustedKey,
        ),
        ("older", pack(v(0), &key), PackRejection::NotNewer),
        ("as old", pack(v(1), &key), PackRejection::NotNewer),
        (
            "made for a newer core",
            for_newer_core,
            PackRejection::NeedsNewerCore,
        ),
        ("a broken link", broken_link, PackRejection::InvalidContent),
        (
            "a missing Russian text",
            missing_russian,
            PackRejection::InvalidContent,
        ),
        ("not a pack", b"hello".to_vec(), PackRejection::BadFormat),
    ];
    for (what, bytes, expected) in cases {
        let result = install(&w, &bytes, &key);
        let err = result.clone().unwrap_err();
        assert_eq!(rejection(result), expected, "{what}: {err}");
        assert_eq!(w.content_info(), before, "{what}");
        assert_eq!(title(&w), "Trafficking in people: what it is", "{what}");
    }
    // The reasons say what failed, for the person and for the publisher.
    let err = install(&w, &pack(v(2), &stranger), &key).unwrap_err();
    assert!(err.to_string().contains("does not trust"), "{err}");
    let err = install(&w, &pack(v(1), &key), &key).unwrap_err();
    assert!(
        err.to_string().contains(&format!("version {}", v(1))),
        "{err}"
    );

    // And the stored pack is still the one installed.
    drop(w);
    let w = open(&dir, "en", &key);
    assert_eq!(w.content_info(), before);
}

#[test]
fn the_loaders_reason_is_passed_on_for_invalid_content() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    let files = files_with(&[("ru/checklist.toml", &|t: &str| {
        t.replacen("[item.work-visa]", "[item.work-visa-typo]", 1)
    })]);
    // build_pack refuses it too: a publisher sees the same reason before signing.
    let err = build_pack(&files, &PackOptions::default(), &key).unwrap_err();
    assert!(err.contains("work-visa-typo"), "{err}");
    let bytes = unchecked(
        &[("ru/checklist.toml", &|t: &str| {
            t.replacen("[item.work-visa]", "[item.work-visa-typo]", 1)
        })],
        v(1),
        &key,
    );
    match install(&w, &bytes, &key) {
        Err(WaymarkError::ContentRejected {
            kind: PackRejection::InvalidContent,
            reason,
            ..
        }) => assert!(reason.contains("work-visa-typo"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn installing_the_pack_in_use_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    let bytes = retitled(v(1), &key);
    install(&w, &bytes, &key).unwrap();
    let before = w.content_info();
    let again = w.install_with(&bytes, at(60), &[key.public_key()]).unwrap();
    assert_eq!(again, before, "the first install time is kept");
    // The same version with other content is not the same pack.
    assert_eq!(
        rejection(install(&w, &pack(v(1), &key), &key)),
        PackRejection::NotNewer
    );
}

#[test]
fn reset_goes_back_to_the_embedded_content_and_stays_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    install(&w, &retitled(v(1), &key), &key).unwrap();
    let info = w.reset_content_pack().unwrap();
    assert_eq!(info.source, ContentSource::Embedded);
    assert_eq!(info.version, v(0));
    assert_eq!(info.installed_at, None);
    assert_eq!(title(&w), "What human trafficking is");
    drop(w);
    let w = open(&dir, "en", &key);
    assert_eq!(w.content_info().source, ContentSource::Embedded);
    // After a reset any newer pack installs again.
    install(&w, &pack(v(1), &key), &key).unwrap();
}

#[test]
fn a_reopened_profile_shows_its_installed_pack() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let installed = {
        let w = open(&dir, "ru", &key);
        install(&w, &retitled(v(1), &key), &key).unwrap();
        w.content_info()
    };
    let w = open(&dir, "ru", &key);
    assert_eq!(w.content_info(), installed);
    assert_eq!(title(&w), "Торговля людьми: что это");
}

#[test]
fn a_damaged_or_no_longer_trusted_stored_pack_falls_back_to_the_embedded_content() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    {
        let w = open(&dir, "en", &key);
        install(&w, &retitled(v(1), &key), &key).unwrap();
    }
    // The key was rotated out of a later build.
    let other = PackSigningKey::generate().unwrap();
    let w = open(&dir, "en", &other);
    let info = w.content_info();
    assert_eq!(info.source, ContentSource::Embedded);
    assert_eq!(
        info.problem.map(|p| p.kind),
        Some(PackRejection::UntrustedKey)
    );
    assert_eq!(title(&w), "What human trafficking is");
    drop(w);

    // A byte of the stored file changed on disk.
    let conn = keyed_connection(&dir.path().join("profile.sqlite"));
    let mut file: Vec<u8> = conn
        .query_row("SELECT file FROM content_pack", [], |r| r.get(0))
        .unwrap();
    let middle = file.len() / 2;
    file[middle] ^= 0x20;
    conn.execute("UPDATE content_pack SET file = ?1", [&file])
        .unwrap();
    drop(conn);
    let w = open(&dir, "en", &key);
    let info = w.content_info();
    assert_eq!(info.source, ContentSource::Embedded);
    assert!(info.problem.is_some());
    assert_eq!(title(&w), "What human trafficking is");
    // The person can still install a good pack over it.
    install(&w, &retitled(v(1), &key), &key).unwrap();
    assert_eq!(w.content_info().source, ContentSource::Installed);
}

#[test]
fn an_app_update_with_newer_embedded_content_wins_over_an_older_installed_pack() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    drop(open(&dir, "en", &key));
    // A pack as old as the embedded content, stored as if by an older app.
    let conn = keyed_connection(&dir.path().join("profile.sqlite"));
    conn.execute(
        "INSERT INTO content_pack VALUES (1, ?1, 0)",
        [&pack(v(0), &key)],
    )
    .unwrap();
    drop(conn);
    let info = open(&dir, "en", &key).content_info();
    assert_eq!(info.source, ContentSource::Embedded);
    assert_eq!(info.problem.map(|p| p.kind), Some(PackRejection::NotNewer));
}

#[test]
fn the_public_install_trusts_only_the_compiled_keys() {
    let dir = tempfile::tempdir().unwrap();
    let options = WaymarkOptions {
        language: "en".into(),
        time_zone: "UTC".into(),
        profile_key: vec![7; 32],
    };
    let w = Waymark::open_at(&dir.path().join("p.sqlite"), &options).unwrap();
    let result = w
        .install_content_pack(pack(v(1), &key()), at(0))
        .map(|_| ());
    assert_eq!(rejection(result), PackRejection::UntrustedKey);
    assert_eq!(w.content_info().source, ContentSource::Embedded);
}

/// `text` without the table whose header is `header` and, for arrays of tables, whose first
/// line is `first` (up to the next header).
fn without_table(text: &str, header: &str, first: Option<&str>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut skipping = false;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('[') {
            skipping = *line == header
                && first.is_none_or(|f| lines.get(i + 1).is_some_and(|next| *next == f));
        }
        if !skipping {
            out.push(*line);
        }
    }
    out.join("\n") + "\n"
}

/// `text` with every `[label](target)` link replaced by its label.
fn unlinked(text: &str, target: &str) -> String {
    let mut text = text.to_owned();
    let end = format!("]({target})");
    while let Some(close) = text.find(&end) {
        let open = text[..close].rfind('[').expect("a link's label");
        let label = text[open + 1..close].to_owned();
        text.replace_range(open..close + end.len(), &label);
    }
    text
}

/// The embedded content without the checklist item `return-ticket`, as a pack of `version`.
fn without_return_ticket(version: u32, key: &PackSigningKey) -> Vec<u8> {
    let item = &|t: &str| without_table(t, "[item.return-ticket]", None);
    let links = &|t: &str| unlinked(t, "checklist:return-ticket");
    let files = files_with(&[
        ("structure.toml", &|t: &str| {
            without_table(t, "[[checklist]]", Some("id = \"return-ticket\""))
        }),
        ("en/checklist.toml", item),
        ("ru/checklist.toml", item),
        ("uz/checklist.toml", item),
        ("en/guide.toml", links),
        ("ru/guide.toml", links),
        ("uz/guide.toml", links),
    ]);
    let options = PackOptions {
        version: Some(version),
        ..PackOptions::default()
    };
    build_pack(&files, &options, key).unwrap()
}

#[test]
fn the_persons_own_data_survives_install_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    w.checklist_mark_done("return-ticket".into(), at(1))
        .unwrap();
    w.checklist_mark_done("work-visa".into(), at(2)).unwrap();
    w.checklist_add_own_item("Buy a SIM card".into(), at(3))
        .unwrap();
    w.own_contact_add(
        OwnContactInput {
            name: "Mum".into(),
            kind: OwnContactKind::Family,
            country: "RU".into(),
            phone: "+7 916 123-45-67".into(),
            notes: String::new(),
        },
        at(4),
    )
    .unwrap();
    // Anna's plan from the check-in tests: any valid plan will do.
    w.set_trip_plan(crate::checkins::tests::plan(), at(5))
        .unwrap();
    let contacts = w.own_contacts().unwrap();
    let trip = w.trip_plan().unwrap();
    let done = |w: &Waymark| -> Vec<String> {
        w.checklist()
            .unwrap()
            .items
            .into_iter()
            .filter(|i| i.done)
            .map(|i| i.id)
            .collect()
    };
    assert_eq!(done(&w), ["work-visa", "return-ticket"]);

    // A pack without the item: its progress is hidden, not lost.
    install(&w, &without_return_ticket(v(1), &key), &key).unwrap();
    let list = w.checklist().unwrap();
    assert!(list.items.iter().all(|i| i.id != "return-ticket"));
    assert_eq!(done(&w), ["work-visa"]);
    assert_eq!((list.progress.done, list.progress.total), (1, 11));
    assert!(
        list.items
            .iter()
            .any(|i| i.is_own && i.title == "Buy a SIM card")
    );
    assert_eq!(w.own_contacts().unwrap(), contacts);
    assert_eq!(w.trip_plan().unwrap(), trip);

    // A later pack brings the item back, with the time it was done.
    install(&w, &pack(v(2), &key), &key).unwrap();
    assert_eq!(done(&w), ["work-visa", "return-ticket"]);
    let back = w.checklist().unwrap();
    let item = back.items.iter().find(|i| i.id == "return-ticket").unwrap();
    assert_eq!(item.done_at, Some(at(1)));

    // And a reset keeps everything as well.
    install(&w, &without_return_ticket(v(3), &key), &key).unwrap();
    w.reset_content_pack().unwrap();
    assert_eq!(done(&w), ["work-visa", "return-ticket"]);
    assert_eq!(w.own_contacts().unwrap(), contacts);
    assert_eq!(w.trip_plan().unwrap(), trip);
    assert!(w.checklist().unwrap().items.iter().any(|i| i.is_own));
}

#[test]
fn a_pack_that_adds_the_persons_language_is_used_for_it_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    // Turkish is unknown to the embedded content: the person sees English.
    let w = open(&dir, "tr-TR", &key);
    assert_eq!(w.language(), "en");
    let files = files_with(&[("languages.toml", &|t: &str| {
        format!(
            "{t}\n[[language]]\ncode = \"tr\"\nname = \"Türkçe\"\ntexts = false\nfallback = [\"en\"]\n"
        )
    })]);
    let options = PackOptions {
        version: Some(v(1)),
        ..PackOptions::default()
    };
    install(&w, &build_pack(&files, &options, &key).unwrap(), &key).unwrap();
    assert_eq!(w.language(), "tr");
    assert!(w.languages().iter().any(|l| l.code == "tr"));
    w.reset_content_pack().unwrap();
    assert_eq!(w.language(), "en");
}

#[test]
fn the_content_screen_says_what_is_in_use_in_the_persons_language() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "ru", &key);
    let view = w.content_pack_view().unwrap();
    assert_eq!(view.title, "Материалы");
    let values = |view: &super::ContentPackView| -> Vec<String> {
        view.lines.iter().map(|l| l.value.clone()).collect()
    };
    assert_eq!(
        values(&view),
        [
            "Встроены в приложение",
            &v(0).to_string(),
            "English, Русский, Oʻzbekcha"
        ]
    );
    assert_eq!((view.problem, view.reset_label), (None, None));

    install(&w, &retitled(v(1), &key), &key).unwrap();
    let view = w.content_pack_view().unwrap();
    assert_eq!(view.lines[0].value, "Установленное обновление");
    assert_eq!(view.lines[1].value, v(1).to_string());
    assert_eq!(view.lines[3].label, "Установлено");
    assert_eq!(view.info, w.content_info());
    assert_eq!(
        view.reset_label.as_deref(),
        Some("Вернуть встроенные материалы")
    );
    drop(w);

    // Opened by a build that no longer trusts the key: the screen says why, and offers a reset.
    let w = open(&dir, "en", &PackSigningKey::generate().unwrap());
    let view = w.content_pack_view().unwrap();
    assert_eq!(view.lines[0].value, "Built into the app");
    assert_eq!(
        view.problem.as_deref(),
        Some(
            "An installed update is not used: it was signed by someone Waymark does not trust. The content built into the app is shown."
        )
    );
    assert!(view.reset_label.is_some());
    w.reset_content_pack().unwrap();
    assert_eq!(w.content_pack_view().unwrap().reset_label, None);
}

#[test]
fn a_pack_without_an_interface_string_this_app_needs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    // As a pack made before the string existed would be.
    let bytes = unchecked(
        &[("en/ui.toml", &|t: &str| without_line(t, "pack_title = "))],
        v(1),
        &key,
    );
    match install(&w, &bytes, &key) {
        Err(WaymarkError::ContentRejected {
            kind: PackRejection::InvalidContent,
            reason,
            ..
        }) => assert!(reason.contains("pack_title"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

fn without_line(text: &str, start: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with(start))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn search_finds_the_installed_packs_words_and_forgets_them_after_reset() {
    let dir = tempfile::tempdir().unwrap();
    let key = key();
    let w = open(&dir, "en", &key);
    let titles = |w: &Waymark, query: &str| -> Vec<String> {
        w.search(query.into())
            .unwrap()
            .results
            .into_iter()
            .map(|r| r.title)
            .collect()
    };
    assert!(titles(&w, "trafficking").contains(&"What human trafficking is".to_owned()));
    install(&w, &retitled(v(1), &key), &key).unwrap();
    let found = titles(&w, "trafficking");
    assert!(
        found.contains(&"Trafficking in people: what it is".to_owned()),
        "{found:?}"
    );
    assert!(!found.contains(&"What human trafficking is".to_owned()));
    w.reset_content_pack().unwrap();
    assert!(titles(&w, "trafficking").contains(&"What human trafficking is".to_owned()));
}

/// A connection of its own to the profile, keyed as the tests' profiles are.
fn keyed_connection(path: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    crate::storage::ProfileKey::new(&[7; 32])
        .unwrap()
        .apply(&conn)
        .unwrap();
    conn
}
