//! `cargo xtask crash --iterations N [--seed S]`: sudden death during writes.
//!
//! The desktop shell makes one write at a time on a profile (tick or untick a checklist item,
//! add or remove a contact, check in, import a traveller's plan or stop watching them, install
//! a content pack or go back to the built-in one) and is killed with SIGKILL at a random moment
//! of its run. After every kill the profile is read back through the shell (so the app opens)
//! and checked with SQLite's integrity check. A write the shell acknowledged (it exited 0) must
//! be there; a killed write must be there whole or not at all: the state read back is the state
//! before the write or the state after it, never a third one. Both outcomes are counted, so a
//! run shows that kills landed on both sides of the commit.
//!
//! Then the same writes on a full disk and on a read-only profile (a small tmpfs in a private
//! mount namespace, where `unshare` allows it): each fails with one clear line, and the profile
//! afterwards holds exactly what it held before.

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::target_dir;
use crate::{Counts, cargo};

const USAGE: &str = "usage: cargo xtask crash --iterations N [--seed S]";

/// The PIN the harness's traveller checks in with.
const PIN: &str = "2468";
/// The passphrase the traveller seals the shared plan with (plans are always sealed), as a
/// line of standard input.
const PASSPHRASE_LINE: &str = "crash test words\n";
/// The fixed "now" of every run, inside the trip.
const NOW: &str = "2026-03-05T10:00:00Z";
/// How many checklist items the harness ticks and unticks.
const CHECKLIST_ITEMS: usize = 5;
/// Above this many contacts the harness removes one instead of adding.
const CONTACTS_KEPT: usize = 12;

/// `cargo xtask crash`.
pub(crate) fn crash(args: &[String]) -> Result<(), String> {
    let mut iterations = None;
    let mut seed = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            let value = args.next().ok_or(USAGE)?;
            value
                .parse()
                .map_err(|_| format!("{name} wants a whole number, not {value:?}"))
        };
        match arg.as_str() {
            "--iterations" => iterations = Some(number("--iterations")?),
            "--seed" => seed = Some(number("--seed")?),
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    let iterations = iterations.filter(|n| *n > 0).ok_or(USAGE)?;
    let report = run(iterations, seed)?;
    report.print();
    Ok(())
}

/// The short run `cargo xtask test` makes: 30 kills, the full disk and the read-only profile.
/// Each part counts as one check.
pub(crate) fn check_short() -> Result<Counts, String> {
    let report = run(30, None)?;
    report.print();
    Ok(Counts {
        passed: 1 + report.hostile_checks,
        failed: 0,
    })
}

/// What a run found (a failure returns an error instead).
struct Report {
    seed: u64,
    kills: u64,
    /// Kills after which the write was found made (the kill came after the commit).
    made: u64,
    /// Kills after which the write was found not made.
    not_made: u64,
    /// Writes that ended before the kill and were acknowledged.
    acknowledged: u64,
    elapsed: Duration,
    /// How many of the full-disk and read-only checks ran (0 where `unshare` is not allowed).
    hostile_checks: u64,
    hostile_messages: Vec<String>,
    /// Per kind of write: kills with the write found made, kills with it not made, and
    /// acknowledged writes.
    by_kind: std::collections::BTreeMap<&'static str, [u64; 3]>,
}

impl Report {
    fn print(&self) {
        println!(
            "xtask: crash: {} kills (write found made {}, not made {}), {} acknowledged writes, all present; \
             integrity check ok after each; seed {}; {:.0} s",
            self.kills,
            self.made,
            self.not_made,
            self.acknowledged,
            self.seed,
            self.elapsed.as_secs_f64()
        );
        for (kind, [made, not_made, acknowledged]) in &self.by_kind {
            println!(
                "xtask: crash:   {kind:<16} killed {:>4} (made {made:>4}, not made {not_made:>4}), acknowledged {acknowledged:>4}",
                made + not_made
            );
        }
        for message in &self.hostile_messages {
            println!("xtask: crash: {message}");
        }
    }
}

/// A small random source (xorshift64*): the harness must repeat a run from its seed, and needs
/// no more than that.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The part of the profile the writes change, as the shell shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    checklist_done: Vec<bool>,
    /// (name, E.164 number), in list order.
    contacts: Vec<(String, String)>,
    checkins: usize,
    travellers: Vec<String>,
    pack_installed: bool,
}

/// One write a person makes.
#[derive(Debug, Clone)]
enum Change {
    Tick(usize),
    Untick(usize),
    /// The contact's serial number in this run.
    AddContact(u64),
    /// The contact's number in the list, and its name.
    RemoveContact(usize, String),
    CheckIn,
    ImportPlan,
    StopWatching(String),
    InstallPack,
    ResetPack,
}

impl Change {
    /// The kind of write, for the report.
    fn name(&self) -> &'static str {
        match self {
            Change::Tick(_) => "checklist tick",
            Change::Untick(_) => "checklist untick",
            Change::AddContact(_) => "contact add",
            Change::RemoveContact(..) => "contact remove",
            Change::CheckIn => "check-in",
            Change::ImportPlan => "plan import",
            Change::StopWatching(_) => "stop watching",
            Change::InstallPack => "pack install",
            Change::ResetPack => "pack reset",
        }
    }

    /// The state after this write, made on `before`.
    fn apply(&self, before: &Snapshot, traveller_id: &str) -> Snapshot {
        let mut after = before.clone();
        match self {
            Change::Tick(item) => after.checklist_done[*item] = true,
            Change::Untick(item) => after.checklist_done[*item] = false,
            Change::AddContact(serial) => after
                .contacts
                .push((contact_name(*serial), contact_phone(*serial).1)),
            // Names are unique in a run, so the one at that number is the one with that name.
            Change::RemoveContact(_, name) => after.contacts.retain(|(n, _)| n != name),
            Change::CheckIn => after.checkins += 1,
            Change::ImportPlan => after.travellers = vec![traveller_id.to_owned()],
            Change::StopWatching(_) => after.travellers.clear(),
            Change::InstallPack => after.pack_installed = true,
            Change::ResetPack => after.pack_installed = false,
        }
        after
    }

    /// The shell's arguments (after the global ones) and what it reads on standard input.
    fn command(&self, files: &Files) -> (Vec<String>, &'static str) {
        let args = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        match self {
            Change::Tick(item) => (args(&["checklist", "done", &(item + 1).to_string()]), ""),
            Change::Untick(item) => (args(&["checklist", "undo", &(item + 1).to_string()]), ""),
            Change::AddContact(serial) => (
                args(&[
                    "contacts",
                    "add",
                    "--name",
                    &contact_name(*serial),
                    "--kind",
                    "family",
                    "--country",
                    "RU",
                    "--phone",
                    &contact_phone(*serial).0,
                ]),
                "",
            ),
            Change::RemoveContact(number, _) => {
                (args(&["contacts", "rm", &number.to_string()]), "")
            }
            Change::CheckIn => (args(&["checkin", "now"]), "2468\n"),
            Change::ImportPlan => (
                args(&["plan", "import", &files.plan.display().to_string()]),
                PASSPHRASE_LINE,
            ),
            Change::StopWatching(id) => (args(&["family", "remove", id]), ""),
            Change::InstallPack => (
                args(&["pack", "install", &files.pack.display().to_string()]),
                "",
            ),
            Change::ResetPack => (args(&["pack", "reset"]), ""),
        }
    }
}

/// A number no other contact has (a profile refuses the same number twice).
const CONTACT_PHONE: &str = "+7 916 000-00-00";

/// The name of the `serial`th contact the harness adds.
fn contact_name(serial: u64) -> String {
    format!("Crash test {serial}")
}

/// The `serial`th contact's number, as typed and in E.164 form: unique for 10,000 contacts.
fn contact_phone(serial: u64) -> (String, String) {
    let (a, b) = (serial / 100 % 100, serial % 100);
    (
        format!("+7 916 123-{a:02}-{b:02}"),
        format!("+7916123{a:02}{b:02}"),
    )
}

/// The shell binary and the files the writes use.
struct Files {
    shell: PathBuf,
    profile: PathBuf,
    plan: PathBuf,
    pack: PathBuf,
}

impl Files {
    /// Runs the shell on `profile` with `args`, feeding `stdin`, to the end.
    fn run(&self, profile: &Path, args: &[String], stdin: &str) -> Result<Output, String> {
        let mut child = self.spawn(profile, args)?;
        if let Some(mut input) = child.stdin.take() {
            // The shell may exit (or be killed) before it reads; a broken pipe is no failure.
            let _ = input.write_all(stdin.as_bytes());
        }
        child
            .wait_with_output()
            .map_err(|e| format!("waiting for the shell: {e}"))
    }

    fn spawn(&self, profile: &Path, args: &[String]) -> Result<std::process::Child, String> {
        Command::new(&self.shell)
            .args(["--profile"])
            .arg(profile)
            .args(["--now", NOW, "--zone", "Europe/Istanbul", "--lang", "en"])
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", self.shell.display()))
    }

    /// Runs the shell and fails with its message unless it succeeds.
    fn run_ok(&self, profile: &Path, args: &[&str], stdin: &str) -> Result<String, String> {
        let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        let output = self.run(profile, &args, stdin)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(format!(
                "`waymark {}` failed ({}): {}",
                args.join(" "),
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    }

    /// The profile as the shell shows it: this is also the check that the app opens.
    fn snapshot(&self, profile: &Path) -> Result<Snapshot, String> {
        let json = |args: &[&str]| -> Result<Value, String> {
            let mut all = vec!["--json"];
            all.extend_from_slice(args);
            let text = self.run_ok(profile, &all, "")?;
            serde_json::from_str(&text).map_err(|e| format!("`waymark {}`: {e}", args.join(" ")))
        };
        let list = |value: &Value, key: &str| -> Vec<Value> {
            value[key].as_array().cloned().unwrap_or_default()
        };
        let checklist = json(&["checklist"])?;
        let checklist_done = list(&checklist, "items")
            .iter()
            .take(CHECKLIST_ITEMS)
            .map(|item| item["done"].as_bool().unwrap_or(false))
            .collect();
        let contacts = list(&json(&["contacts"])?, "contacts")
            .iter()
            .map(|c| {
                (
                    c["name"].as_str().unwrap_or_default().to_owned(),
                    c["e164"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let checkins = list(&json(&["checkin", "history"])?, "entries").len();
        let travellers = list(&json(&["family", "list"])?, "travellers")
            .iter()
            .map(|t| t["id"].as_str().unwrap_or_default().to_owned())
            .collect();
        let pack = json(&["pack", "status"])?;
        let pack_installed = pack["info"]["source"].as_str() == Some("Installed");
        Ok(Snapshot {
            checklist_done,
            contacts,
            checkins,
            travellers,
            pack_installed,
        })
    }
}

/// SQLite's own check of every page, index and constraint of the profile, with the key the
/// shell keeps beside it.
fn integrity_check(profile: &Path) -> Result<(), String> {
    let mut key_file = profile.as_os_str().to_owned();
    key_file.push(".key");
    let key = std::fs::read(&key_file)
        .map_err(|e| format!("cannot read the key of {}: {e}", profile.display()))?;
    let result = waymark_core::integrity_check(profile, &key)
        .map_err(|e| format!("integrity check of {}: {e}", profile.display()))?;
    if result == "ok" {
        Ok(())
    } else {
        Err(format!(
            "integrity check of {}: {result}",
            profile.display()
        ))
    }
}

fn run(iterations: u64, seed: Option<u64>) -> Result<Report, String> {
    let started = Instant::now();
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1
    });
    let mut random = Random(seed);
    let files = prepare()?;
    let traveller_id = {
        // The plan's traveller id, as the family side shows it once imported.
        let scratch = files.profile.with_file_name("id-probe.sqlite");
        let view = files.run_ok(
            &scratch,
            &[
                "--json",
                "plan",
                "import",
                &files.plan.display().to_string(),
            ],
            PASSPHRASE_LINE,
        )?;
        let value: Value = serde_json::from_str(&view).map_err(|e| format!("plan import: {e}"))?;
        value["id"].as_str().unwrap_or_default().to_owned()
    };

    // How long each kind of write takes unkilled, so kills spread over the whole run of each.
    let mut state = files.snapshot(&files.profile)?;
    let mut durations: std::collections::HashMap<_, u64> = std::collections::HashMap::new();
    let mut report = Report {
        seed,
        kills: 0,
        made: 0,
        not_made: 0,
        acknowledged: 0,
        elapsed: Duration::ZERO,
        hostile_checks: 0,
        hostile_messages: Vec::new(),
        by_kind: std::collections::BTreeMap::new(),
    };
    let mut serial = 0u64;
    for iteration in 0..iterations {
        let write = pick(&mut random, &state, &mut serial);
        let kind = std::mem::discriminant(&write);
        let expected = write.apply(&state, &traveller_id);
        let (args, stdin) = write.command(&files);
        let calibrated = durations.get(&kind).copied();
        let mut child = files.spawn(&files.profile, &args)?;
        if let Some(mut input) = child.stdin.take() {
            let _ = input.write_all(stdin.as_bytes());
        }
        let started_write = Instant::now();
        // One write in four runs to its end: it is acknowledged, and its duration keeps the
        // estimate in step with the machine's load, which moves where the commit falls.
        let let_finish = random.below(4) == 0;
        let killed = match calibrated {
            None => false,
            Some(_) if let_finish => false,
            Some(duration) => {
                // Half the kills anywhere from the start to a little past the usual end, half
                // in the last part of the run, where the write and its commit are.
                let duration = u128::from(duration.max(1));
                let (from, span) = if random.below(2) == 0 {
                    (0, duration * 5 / 4)
                } else {
                    (duration * 7 / 10, duration * 35 / 100)
                };
                let nanos = from + u128::from(random.next()) % span.max(1);
                let wait = Duration::from_nanos(nanos as u64);
                std::thread::sleep(wait);
                // SAFETY: kill(2) with a child's pid and a signal number has no memory effects.
                unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGKILL) == 0 }
            }
        };
        let output = child
            .wait_with_output()
            .map_err(|e| format!("waiting for the shell: {e}"))?;
        let was_killed = killed && output.status.signal() == Some(libc::SIGKILL);
        if !was_killed && !output.status.success() {
            return Err(format!(
                "iteration {iteration}: `waymark {}` failed on its own ({}): {}",
                args.join(" "),
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        if !was_killed {
            let took = started_write.elapsed().as_nanos() as u64;
            let estimate = calibrated.map_or(took, |before| (before * 3 + took) / 4);
            durations.insert(kind, estimate);
        }
        let found = files.snapshot(&files.profile).map_err(|e| {
            format!(
                "iteration {iteration} (seed {seed}), after {write:?}: the app does not open: {e}"
            )
        })?;
        integrity_check(&files.profile)
            .map_err(|e| format!("iteration {iteration} (seed {seed}), after {write:?}: {e}"))?;
        if was_killed {
            report.kills += 1;
            let counts = report.by_kind.entry(write.name()).or_default();
            if found == expected {
                report.made += 1;
                counts[0] += 1;
            } else if found == state {
                report.not_made += 1;
                counts[1] += 1;
            } else {
                return Err(format!(
                    "iteration {iteration} (seed {seed}): killed during {write:?}, the profile is neither \
                     as before nor as after:\n before {state:?}\n after  {expected:?}\n found  {found:?}"
                ));
            }
        } else {
            report.acknowledged += 1;
            report.by_kind.entry(write.name()).or_default()[2] += 1;
            if found != expected {
                return Err(format!(
                    "iteration {iteration} (seed {seed}): {write:?} was acknowledged but is not in the profile:\n \
                     expected {expected:?}\n found    {found:?}"
                ));
            }
        }
        state = found;
    }
    hostile(&files, &mut report)?;
    report.elapsed = started.elapsed();
    let _ = std::fs::remove_dir_all(files.profile.parent().unwrap_or(Path::new("")));
    Ok(report)
}

/// The next write: one that the current state allows, each kind about as often as the others.
fn pick(random: &mut Random, state: &Snapshot, serial: &mut u64) -> Change {
    match random.below(6) {
        0 => {
            let item = random.below(CHECKLIST_ITEMS as u64) as usize;
            if state.checklist_done[item] {
                Change::Untick(item)
            } else {
                Change::Tick(item)
            }
        }
        1 if state.contacts.len() >= CONTACTS_KEPT => {
            let number = 1 + random.below(state.contacts.len() as u64) as usize;
            Change::RemoveContact(number, state.contacts[number - 1].0.clone())
        }
        1 => {
            *serial += 1;
            Change::AddContact(*serial)
        }
        2 | 3 => Change::CheckIn,
        4 => match state.travellers.first() {
            Some(id) if random.below(2) == 0 => Change::StopWatching(id.clone()),
            _ => Change::ImportPlan,
        },
        _ if state.pack_installed => Change::ResetPack,
        _ => Change::InstallPack,
    }
}

/// Builds the shell, and makes a profile with a trip plan and PINs, the plan file a family
/// imports, and a signed pack newer than the built-in content.
fn prepare() -> Result<Files, String> {
    cargo(&["build", "--locked", "-p", "waymark-desktop"])?;
    let dir = target_dir()
        .join("xtask")
        .join(format!("crash-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    // A copy: a build during a long run must not swap the shell under it.
    let shell = dir.join("waymark");
    std::fs::copy(target_dir().join("debug").join("waymark"), &shell)
        .map_err(|e| format!("cannot copy the shell into {}: {e}", dir.display()))?;
    let pack = crate::pack::write_test_pack(&dir)?;
    let files = Files {
        shell,
        profile: dir.join("profile.sqlite"),
        plan: dir.join("plan.txt"),
        pack,
    };
    let traveller = dir.join("traveller.sqlite");
    let setup = [
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
        "Europe/Moscow",
        "--destination-zone",
        "Europe/Istanbul",
        "--times",
        "09:00,21:00",
    ];
    let pins = format!("{PIN}\n1357\nHow is aunt Valya?\n");
    for profile in [&traveller, &files.profile] {
        files.run_ok(profile, &setup, "")?;
        files.run_ok(profile, &["checkin", "pins"], &pins)?;
    }
    let plan = files.run_ok(
        &traveller,
        &["plan", "export", "--passphrase"],
        &format!("{PIN}\n{PASSPHRASE_LINE}"),
    )?;
    let payload = plan
        .lines()
        .find(|line| line.starts_with("WAYMARK"))
        .ok_or("`waymark plan export` printed no plan")?;
    std::fs::write(&files.plan, payload)
        .map_err(|e| format!("cannot write {}: {e}", files.plan.display()))?;
    Ok(files)
}

/// A full disk, a nearly full one and a read-only profile: every write fails with one clear
/// line and the profile keeps what it had. Needs a private mount namespace (`unshare -rm`);
/// where that is refused, says so and skips.
fn hostile(files: &Files, report: &mut Report) -> Result<(), String> {
    // Everything the checks need, tried once: a private mount namespace, a tmpfs in it, and
    // remounting it read-only.
    let probe_dir = files.profile.with_file_name("mount-probe");
    std::fs::create_dir_all(&probe_dir)
        .map_err(|e| format!("cannot make {}: {e}", probe_dir.display()))?;
    let probe = Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            "mount -t tmpfs -o size=1m tmpfs \"$M\" && mount -o remount,ro \"$M\"",
        ])
        .env("M", &probe_dir)
        .output()
        .is_ok_and(|output| output.status.success());
    if !probe {
        report.hostile_messages.push(
            "full disk and read-only profile not checked: this machine does not let an unprivileged \
             user mount a tmpfs in a private namespace (unshare -rm)"
                .into(),
        );
        return Ok(());
    }
    if files.snapshot(&files.profile)?.pack_installed {
        files.run_ok(&files.profile, &["pack", "reset"], "")?;
    }
    let before = files.snapshot(&files.profile)?;
    // Writes that each change something from `before`.
    let tick = if before.checklist_done[0] {
        "undo"
    } else {
        "done"
    };
    let pack: &[&str] = &["pack", "install", "PACK"];
    let contact: &[&str] = &[
        "contacts",
        "add",
        "--name",
        "Full",
        "--kind",
        "family",
        "--country",
        "RU",
        "--phone",
        CONTACT_PHONE,
    ];
    let checklist: &[&str] = &["checklist", tick, "1"];
    let everything = vec![contact, checklist, pack];
    let mut cases = vec![
        (
            "full disk",
            "storage is full",
            // Fill what is left of the file system.
            "dd if=/dev/zero of=\"$M/filler\" bs=4096 2>/dev/null || true",
            everything.clone(),
        ),
        (
            "read-only profile",
            "the storage is read-only",
            "mount -o remount,ro \"$M\"",
            everything,
        ),
    ];
    // Room to open the profile and log a small write, not to store a whole pack.
    cases.push((
            "nearly full disk",
            "storage is full",
            "dd if=/dev/zero of=\"$M/filler\" bs=4096 2>/dev/null || true; rm -f \"$M/filler\"; \
             dd if=/dev/zero of=\"$M/filler\" bs=1024 count=$(( $(df -k --output=avail \"$M\" | tail -1) - 160 )) 2>/dev/null",
            vec![pack],
        ));
    for (case, says, prepare_mount, writes) in cases {
        let outcome = in_small_mount(files, prepare_mount, &writes)?;
        for (args, output) in &outcome.writes {
            let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
            let clear = !output.status.success()
                && output.status.code().is_some()
                && stderr.starts_with("waymark: ")
                && stderr.lines().count() == 1
                && stderr.contains(says)
                && !stderr.contains("panicked");
            if !clear {
                return Err(format!(
                    "{case}: `waymark {args}` should fail with one line that says {says:?}; it exited {} with {stderr:?}",
                    output.status
                ));
            }
            report
                .hostile_messages
                .push(format!("{case}: `waymark {args}` → {stderr}"));
        }
        let after = files.snapshot(&outcome.profile_copy)?;
        integrity_check(&outcome.profile_copy)?;
        if after != before {
            return Err(format!(
                "{case}: the profile changed:\n before {before:?}\n after  {after:?}"
            ));
        }
        report.hostile_checks += 1;
    }
    Ok(())
}

/// What the writes in a small mount did.
struct MountOutcome {
    /// Each write's arguments and output.
    writes: Vec<(String, Output)>,
    /// The profile as the mount held it afterwards, copied out.
    profile_copy: PathBuf,
}

/// Copies the profile (and its key file) into an 8 MB tmpfs in a private mount namespace, runs
/// `prepare_mount` there, then tries each write, and copies the profile back out.
fn in_small_mount(
    files: &Files,
    prepare_mount: &str,
    writes: &[&[&str]],
) -> Result<MountOutcome, String> {
    let dir = files.profile.parent().unwrap_or(Path::new("."));
    let mount = dir.join("mount");
    let out = dir.join(format!("after-{}", prepare_mount.len()));
    for folder in [&mount, &out] {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
    }
    let shell = |args: &[&str]| -> String {
        let quoted: Vec<String> = args
            .iter()
            .map(|a| {
                if *a == "PACK" {
                    "\"$PACK\"".to_owned()
                } else {
                    format!("'{a}'")
                }
            })
            .collect();
        format!(
            "\"$SHELL_BIN\" --profile \"$M/profile.sqlite\" --now {NOW} --zone Europe/Istanbul --lang en {} \
             >/dev/null 2>\"$OUT/err-$i\"; echo $? > \"$OUT/code-$i\"; i=$((i+1))",
            quoted.join(" ")
        )
    };
    let mut script = String::from(
        "set -e\nmount -t tmpfs -o size=8m tmpfs \"$M\"\ncp \"$SRC\"/profile* \"$M\"/\n",
    );
    script.push_str(prepare_mount);
    script.push_str("\nset +e\ni=0\n");
    for args in writes {
        script.push_str(&shell(args));
        script.push('\n');
    }
    script.push_str("mount -o remount,rw \"$M\" 2>/dev/null; rm -f \"$M/filler\"\ncp \"$M\"/profile* \"$OUT\"/\n");
    let status = Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .env("M", &mount)
        .env("SRC", dir)
        .env("OUT", &out)
        .env("PACK", &files.pack)
        .env("SHELL_BIN", &files.shell)
        .env("NO_COLOR", "1")
        .status()
        .map_err(|e| format!("cannot run unshare: {e}"))?;
    if !status.success() {
        return Err(format!("the small mount could not be set up ({status})"));
    }
    let mut results = Vec::new();
    for (i, args) in writes.iter().enumerate() {
        let read = |name: &str| std::fs::read(out.join(format!("{name}-{i}"))).unwrap_or_default();
        let code: i32 = String::from_utf8_lossy(&read("code"))
            .trim()
            .parse()
            .unwrap_or(-1);
        results.push((
            args.join(" "),
            Output {
                status: std::process::ExitStatus::from_raw(code << 8),
                stdout: Vec::new(),
                stderr: read("err"),
            },
        ));
    }
    Ok(MountOutcome {
        writes: results,
        profile_copy: out.join("profile.sqlite"),
    })
}
