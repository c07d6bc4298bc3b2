//! The first run of this version on a profile the last release wrote without encryption,
//! killed with SIGKILL at moments spread over the whole upgrade: every time, the profile is
//! either the old file byte for byte or the new sealed one, never a mix, and the next run finds
//! everything. Also the key file: made before the profile, readable by its owner only, and a
//! missing one refused without touching the encrypted profile.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2026-03-02T07:00:00Z";

/// The fixture the core's tests use: see core/tests/data/make-legacy-profile.sh.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data/legacy-profile.sqlite")
}

fn command(profile: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
    command
        .arg("--profile")
        .arg(profile)
        .args(["--lang", "en", "--zone", "Europe/Istanbul", "--now", NOW])
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// The legacy profile and the key file the release kept beside it, copied into `dir`.
fn legacy(dir: &Path) -> PathBuf {
    let profile = dir.join("profile.sqlite");
    std::fs::copy(fixture(), &profile).unwrap();
    std::fs::write(dir.join("profile.sqlite.key"), [0x5a; 32]).unwrap();
    profile
}

fn is_plaintext(profile: &Path) -> bool {
    std::fs::read(profile)
        .unwrap()
        .starts_with(b"SQLite format 3\0")
}

/// Runs `contacts --json` to the end and returns what it printed.
fn contacts(profile: &Path) -> String {
    contacts_after(profile, "a clean run")
}

/// [`contacts`], saying in a failure which run it followed (`after`), with the files there.
fn contacts_after(profile: &Path, after: &str) -> String {
    let output = command(profile, &["--json", "contacts"]).output().unwrap();
    assert!(
        output.status.success(),
        "after {after}: {}\nfiles: {:?}",
        String::from_utf8_lossy(&output.stderr),
        files_beside(profile)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The files in the profile's folder, with their sizes.
fn files_beside(profile: &Path) -> Vec<(String, u64)> {
    let mut files: Vec<(String, u64)> = std::fs::read_dir(profile.parent().unwrap())
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let size = entry.metadata().unwrap().len();
            (entry.file_name().to_string_lossy().into_owned(), size)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_kill_at_any_moment_of_the_upgrade_leaves_the_old_profile_or_the_new_one() {
    let original = std::fs::read(fixture()).unwrap();
    let dir = tempfile::tempdir().unwrap();

    // How long a whole run takes here, upgrade included: the kills are spread over it.
    let profile = legacy(dir.path());
    let started = Instant::now();
    assert!(contacts(&profile).contains("Mama Olga Petrovna"));
    let whole_run = started.elapsed();
    assert!(!is_plaintext(&profile));

    let rounds = 40u32;
    let (mut old, mut new) = (0, 0);
    for round in 0..rounds {
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        let profile = legacy(dir.path());
        let mut child = command(&profile, &["--json", "contacts"]).spawn().unwrap();
        std::thread::sleep(whole_run * round / rounds + Duration::from_micros(200));
        // SIGKILL: no destructor, no close, as the system kills a phone app.
        let _ = child.kill();
        child.wait().unwrap();

        let now = std::fs::read(&profile).expect("the profile is never missing");
        if now == original {
            old += 1;
        } else {
            assert!(
                !now.starts_with(b"SQLite format 3\0"),
                "round {round}: the plaintext profile was changed in place"
            );
            new += 1;
        }
        // Whatever the moment, the next run finds everything, sealed.
        let killed_at = format!(
            "round {round}, killed after {:?}",
            whole_run * round / rounds
        );
        assert!(
            contacts_after(&profile, &killed_at).contains("Mama Olga Petrovna"),
            "{killed_at}"
        );
        assert!(!is_plaintext(&profile), "round {round}");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names.iter().any(|n| n.contains(".sealing")),
            "round {round}: {names:?}"
        );
    }
    // The spread reached both sides of the rename (not asserted: a loaded machine may shift
    // every kill to one side, which is still safe).
    eprintln!("killed before the rename {old} times, after it {new} times");
}

#[test]
fn the_key_file_is_made_before_the_profile_and_only_its_owner_can_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("new.sqlite");
    contacts(&profile);
    let key = dir.path().join("new.sqlite.key");
    assert_eq!(std::fs::read(&key).unwrap().len(), 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(!is_plaintext(&profile));
}

#[test]
fn an_encrypted_profile_without_its_key_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.sqlite");
    contacts(&profile);
    let key = dir.path().join("p.sqlite.key");
    let before = std::fs::read(&profile).unwrap();

    std::fs::remove_file(&key).unwrap();
    let output = command(&profile, &["contacts"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("key file") && stderr.contains("missing"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !key.exists(),
        "no new key may be made for an encrypted profile"
    );
    assert_eq!(std::fs::read(&profile).unwrap(), before);

    // Another key (a damaged or replaced file) is refused the same way.
    std::fs::write(&key, [9; 32]).unwrap();
    let output = command(&profile, &["contacts"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("does not open this profile"), "{stderr}");
    assert_eq!(std::fs::read(&profile).unwrap(), before);

    // It can still be erased (nothing in it can be read any more), and the next run starts anew.
    std::fs::remove_file(&key).unwrap();
    let output = command(&profile, &["erase", "--yes"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!profile.exists() && !key.exists());
    contacts(&profile);
    assert!(profile.exists() && key.exists());
}

#[test]
fn erase_asks_first_then_removes_the_profile_and_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.sqlite");
    let output = command(
        &profile,
        &[
            "contacts",
            "add",
            "--name",
            "Olga",
            "--kind",
            "family",
            "--country",
            "RU",
            "--phone",
            "+7 916 123-45-67",
        ],
    )
    .output()
    .unwrap();
    assert!(output.status.success());

    // In a script, without --yes, nothing is erased.
    let output = command(&profile, &["erase"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(profile.exists());

    let output = command(&profile, &["erase", "--yes"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8(output.stdout).unwrap().contains("erased"));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");

    // The next run is a first run.
    assert!(!contacts(&profile).contains("Olga"));
}
