//! `waymark pack install FILE | status | reset` through the real binary.
//!
//! The binary trusts only its compiled-in keys. Debug builds (which these tests run) also trust
//! the test key committed in core/tests/data/test-pack-key.secret, so a pack signed with it
//! installs end to end; release builds do not contain that key (core/src/content/keys.rs).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use waymark_core::{PackOptions, PackSigningKey, build_pack};

const NOW: &str = "2026-03-02T09:30:00Z";

fn core_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("core")
}

/// Every content source file, by its path relative to core/content/.
fn content() -> Vec<(String, String)> {
    let root = core_dir().join("content");
    let mut files = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let relative = path.strip_prefix(&root).unwrap();
                let name: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                files.push((name.join("/"), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files
}

/// The built-in content's version plus `newer`, so the tests hold whatever version it has.
fn v(newer: u32) -> u32 {
    let dir = tempfile::tempdir().unwrap();
    let options = waymark_core::WaymarkOptions {
        language: "en".into(),
        time_zone: "UTC".into(),
        profile_key: vec![7; 32],
    };
    let path = dir.path().join("p.sqlite").to_str().unwrap().to_owned();
    let waymark = waymark_core::Waymark::open(path, options).unwrap();
    waymark.content_info().embedded_version + newer
}

fn test_key() -> PackSigningKey {
    let text = std::fs::read_to_string(core_dir().join("tests/data/test-pack-key.secret")).unwrap();
    PackSigningKey::from_key_file(&text).unwrap()
}

/// The content with the first article retitled in both languages, as a pack of `version`.
fn retitled(version: u32, key: &PackSigningKey) -> Vec<u8> {
    let files: Vec<(String, String)> = content()
        .into_iter()
        .map(|(path, text)| {
            let text = match path.as_str() {
                "en/guide.toml" => text.replacen(
                    "title = \"What human trafficking is\"",
                    "title = \"Trafficking in people: what it is\"",
                    1,
                ),
                "ru/guide.toml" => text.replacen(
                    "title = \"Что такое торговля людьми\"",
                    "title = \"Торговля людьми: что это\"",
                    1,
                ),
                _ => text,
            };
            (path, text)
        })
        .collect();
    let options = PackOptions {
        version: Some(version),
        ..PackOptions::default()
    };
    build_pack(&files, &options, key).unwrap()
}

struct Profile {
    dir: tempfile::TempDir,
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Profile {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Writes `bytes` to a file in the profile's folder and returns its path.
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn run(&self, lang: &str, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_waymark"))
            .arg("--profile")
            .arg(self.dir.path().join("profile.sqlite"))
            .args(["--zone", "Europe/Istanbul", "--now", NOW, "--lang", lang])
            .args(args)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }

    fn version(&self) -> u32 {
        let run = self.run("en", &["--json", "pack"]);
        let json: Value = serde_json::from_str(run.ok()).unwrap();
        json["info"]["version"].as_u64().unwrap() as u32
    }
}

impl Run {
    #[track_caller]
    fn ok(&self) -> &str {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        assert!(self.stderr.is_empty(), "{}", self.stderr);
        &self.stdout
    }

    /// Asserts a usage failure (exit 2) and returns its one message.
    #[track_caller]
    fn refused(&self) -> &str {
        assert_eq!(self.code, Some(2), "stdout: {}", self.stdout);
        assert!(self.stdout.is_empty(), "{}", self.stdout);
        assert!(self.stderr.starts_with("waymark: "), "{}", self.stderr);
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        &self.stderr
    }
}

#[test]
fn status_shows_the_built_in_content_in_english_and_russian() {
    let profile = Profile::new();
    assert_eq!(
        profile.run("en", &["pack"]).ok(),
        format!(
            "Content\n  Source: Built into the app\n  Version: {}\n  Languages: English, Русский, Oʻzbekcha\n",
            v(0)
        )
    );
    assert_eq!(
        profile.run("ru", &["pack", "status"]).ok(),
        format!(
            "Материалы\n  Источник: Встроены в приложение\n  Версия: {}\n  Языки: English, Русский, Oʻzbekcha\n",
            v(0)
        )
    );
    let json: Value =
        serde_json::from_str(profile.run("en", &["--json", "pack", "status"]).ok()).unwrap();
    assert_eq!(json["info"]["source"], "Embedded");
    assert_eq!(
        json["info"]["languages"],
        serde_json::json!(["en", "ru", "uz"])
    );
}

#[test]
fn an_installed_pack_changes_the_guide_keeps_progress_and_can_be_reset() {
    let profile = Profile::new();
    profile.run("en", &["checklist", "done", "1"]).ok();
    let file = profile.file("update.waymark-pack", &retitled(v(1), &test_key()));

    let out = profile
        .run("en", &["pack", "install", &file])
        .ok()
        .to_owned();
    assert!(out.contains("Source: Installed update"), "{out}");
    assert!(out.contains(&format!("Version: {}", v(1))), "{out}");
    assert!(out.contains("Installed: 2 Mar 2026, 12:30"), "{out}");
    assert!(
        out.contains("Go back to the built-in content [waymark pack reset]"),
        "{out}"
    );
    let article = profile.run("en", &["guide", "what-is-trafficking"]);
    assert!(
        article.ok().contains("Trafficking in people: what it is"),
        "{}",
        article.stdout
    );
    let article = profile.run("ru", &["guide", "what-is-trafficking"]);
    assert!(
        article.ok().contains("Торговля людьми: что это"),
        "{}",
        article.stdout
    );
    let list = profile.run("en", &["--json", "checklist"]);
    let json: Value = serde_json::from_str(list.ok()).unwrap();
    assert_eq!(json["items"][0]["done"], true);

    let out = profile.run("ru", &["pack", "reset"]).ok().to_owned();
    assert!(out.contains("Источник: Встроены в приложение"), "{out}");
    let article = profile.run("en", &["guide", "what-is-trafficking"]);
    assert!(article.ok().contains("What human trafficking is"));
    let list = profile.run("en", &["--json", "checklist"]);
    let json: Value = serde_json::from_str(list.ok()).unwrap();
    assert_eq!(json["items"][0]["done"], true);
}

#[test]
fn bad_pack_files_are_refused_with_the_reason_and_change_nothing() {
    let profile = Profile::new();
    let key = test_key();
    let good = retitled(v(2), &key);
    let installed = profile.file("v2.waymark-pack", &retitled(v(1), &key));
    profile.run("en", &["pack", "install", &installed]).ok();

    let mut tampered = good.clone();
    let at = String::from_utf8_lossy(&good)
        .find("Human trafficking")
        .unwrap();
    tampered[at] ^= 0x01;
    let stranger = PackSigningKey::generate().unwrap();
    let big = profile.dir.path().join("big.waymark-pack");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(waymark_core::CONTENT_PACK_MAX_BYTES + 10)
        .unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "tampered",
            profile.file("tampered", &tampered),
            "was changed after it was signed",
        ),
        (
            "truncated",
            profile.file("truncated", &good[..good.len() / 3]),
            "the file was cut off",
        ),
        (
            "unsigned",
            profile.file("unsigned", &good[..good.len() - 96]),
            "has no signature",
        ),
        (
            "a stranger's key",
            profile.file("stranger", &retitled(v(2), &stranger)),
            "signed by someone Waymark does not trust",
        ),
        (
            "older",
            profile.file("older", &retitled(v(0), &key)),
            "You already have this content or newer",
        ),
        (
            "not a pack",
            profile.file("notes.txt", b"just some notes"),
            "This file is not a Waymark content update",
        ),
        (
            "too large",
            big.to_str().unwrap().to_owned(),
            "too large to be a Waymark content update",
        ),
        (
            "missing",
            profile.dir.path().join("nope").to_str().unwrap().to_owned(),
            "cannot open the pack file",
        ),
    ];
    for (what, file, expected) in cases {
        let run = profile.run("en", &["pack", "install", &file]);
        let message = run.refused();
        assert!(message.contains(expected), "{what}: {message}");
        assert_eq!(profile.version(), v(1), "{what}");
    }
    // The same file again is not an error: nothing changes.
    profile.run("en", &["pack", "install", &installed]).ok();
    assert_eq!(profile.version(), v(1));
}
