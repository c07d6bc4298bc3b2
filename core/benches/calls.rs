//! What the core's calls cost, each beside a floor where one makes sense. The shells call the
//! core off the UI thread, but a screen should still follow a tap at once on a cheap phone:
//! targets are well under 16 ms (one frame) for every view model and opening a profile, and well
//! under a second for the PIN-stretched calls. Figures and the machine are in BENCHMARKS.md.
//!
//! Run with `cargo bench -p waymark-core --bench calls` (add a name to run one group). Benches are
//! built in the release profile (opt-level "z", LTO), as the library ships.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, SystemTime};

use argon2::{Algorithm, Argon2, Params, Version};
use chrono::DateTime;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, OpenFlags};
use waymark_core::{
    CheckinCadence, CheckinSchedule, TripPlan, Waymark, WaymarkOptions, supported_languages,
};

fn at(s: &str) -> SystemTime {
    DateTime::parse_from_rfc3339(s).unwrap().into()
}

fn options(language: &str, zone: &str) -> WaymarkOptions {
    WaymarkOptions {
        language: language.into(),
        time_zone: zone.into(),
        profile_key: vec![7; 32],
    }
}

fn open(path: &Path, language: &str, zone: &str) -> std::sync::Arc<Waymark> {
    Waymark::open(path.to_str().unwrap().to_owned(), options(language, zone)).unwrap()
}

/// Anna's plan: Istanbul, checking in at 09:00 and 21:00 local time.
fn plan() -> TripPlan {
    TripPlan {
        traveller_name: "Anna".into(),
        destination_country: "TR".into(),
        destination_city: "Istanbul".into(),
        starts: at("2026-03-02T00:00:00Z"),
        ends: at("2026-06-01T00:00:00Z"),
        home_time_zone: "Europe/Moscow".into(),
        destination_time_zone: "Europe/Istanbul".into(),
        employer: Some("Hotel Marmara Star, housekeeping".into()),
        agency: None,
        document_copies: Some("with my sister Olga".into()),
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

/// The traveller's profile with a plan and PINs set.
fn traveller(dir: &Path) -> std::sync::Arc<Waymark> {
    let anna = open(&dir.join("anna.sqlite"), "en", "Europe/Istanbul");
    anna.set_trip_plan(plan(), at("2026-03-01T12:00:00Z"))
        .unwrap();
    anna.set_checkin_pins("2468".into(), "1357".into(), "How is aunt Valya?".into())
        .unwrap();
    anna
}

/// A family profile.
fn family(path: &Path) -> std::sync::Arc<Waymark> {
    open(path, "ru", "Europe/Moscow")
}

/// The profile's schema as the core created it, read back from the unencrypted profile the last
/// release without encryption made (core/tests/data), so the floor below creates the same tables
/// without reaching into the core's internals.
fn schema_sql() -> String {
    let conn = Connection::open_with_flags(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/legacy-profile.sqlite"),
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let mut statement = conn
        .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' ORDER BY rowid")
        .unwrap();
    let tables: Vec<String> = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.join(";\n") + ";"
}

/// The floor under opening a profile: what any SQLite-backed app pays to open its file in WAL
/// mode, create (or check) its schema and run one query, with nothing of Waymark's own.
/// With `encrypted`, the file is keyed with a raw 32-byte key as the core keys its profile (no
/// password stretching), so the difference is the cipher's own cost.
fn raw_open(path: &Path, schema: &str, encrypted: bool) -> (Connection, i64) {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).unwrap();
    if encrypted {
        conn.execute_batch(&format!("PRAGMA key = \"x'{}'\"", "5a".repeat(32)))
            .unwrap();
    }
    let _: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    if version == 0 {
        let tx = conn.transaction().unwrap();
        tx.execute_batch(schema).unwrap();
        tx.pragma_update(None, "user_version", 5).unwrap();
        tx.commit().unwrap();
    }
    let count = conn
        .query_row("SELECT count(*) FROM checklist_progress", [], |row| {
            row.get(0)
        })
        .unwrap();
    (conn, count)
}

fn opening(c: &mut Criterion) {
    // What the first screen of every process pays once, before any profile is open.
    c.bench_function("load the default content pack", |b| {
        b.iter(|| waymark_core::bench_load_default_pack().unwrap())
    });
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-03-02T06:00:00Z");
    // The content is parsed once per process, on the first open; every figure below is after it.
    drop(open(&dir.path().join("warm-up.sqlite"), "en", "UTC"));
    let schema = schema_sql();
    // Every measured open returns its handle, so closing (a WAL checkpoint) is not counted.
    let mut group = c.benchmark_group("open");
    let mut n = 0u64;
    let mut fresh = || {
        n += 1;
        dir.path().join(format!("fresh-{n}.sqlite"))
    };
    group.bench_function("fresh profile + home", |b| {
        b.iter_batched(
            &mut fresh,
            |path| {
                let waymark = open(&path, "ru", "Europe/Istanbul");
                let home = waymark.home(now).unwrap();
                (waymark, home)
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function(
        "floor: fresh file, raw rusqlite open + schema + one query",
        |b| {
            b.iter_batched(
                &mut fresh,
                |path| raw_open(&path, &schema, false),
                BatchSize::PerIteration,
            )
        },
    );
    let existing = dir.path().join("existing.sqlite");
    drop(traveller(dir.path()));
    std::fs::rename(dir.path().join("anna.sqlite"), &existing).unwrap();
    group.bench_function("existing profile + home", |b| {
        b.iter_with_large_drop(|| {
            let waymark = open(&existing, "ru", "Europe/Istanbul");
            let home = waymark.home(now).unwrap();
            (waymark, home)
        })
    });
    // A family profile after long use: a traveller watched and 1,500 messages checked (two a
    // day for two years), each a stored verification, so the read through a killed session's
    // log covers a profile many times the size of the one above.
    let busy = dir.path().join("busy-family.sqlite");
    {
        let anna = traveller(dir.path());
        let shared = anna
            .export_plan("2468".into(), Some("correct horse".into()))
            .unwrap();
        let mother = family(&busy);
        let id = mother
            .import_plan(
                shared.payload,
                Some("correct horse".into()),
                at("2026-03-01T12:00:00Z"),
            )
            .unwrap()
            .id;
        let first = at("2026-03-02T06:05:00Z");
        for i in 0..1_500u64 {
            let received = first + Duration::from_secs(i * 12 * 3600);
            mother
                .verify_checkin(
                    id.clone(),
                    format!("all fine {:06}", i % 1_000_000),
                    received,
                )
                .unwrap();
        }
    }
    let busy_bytes = std::fs::metadata(&busy).unwrap().len();
    group.bench_function(
        format!(
            "existing family profile after 1,500 checked messages ({} kB) + list",
            busy_bytes / 1024
        ),
        |b| {
            b.iter_with_large_drop(|| {
                let mother = family(&busy);
                let list = mother.family_list(now).unwrap();
                (mother, list)
            })
        },
    );
    let raw_existing = dir.path().join("raw-existing.sqlite");
    raw_open(&raw_existing, &schema, false);
    group.bench_function("floor: existing file, raw rusqlite open + one query", |b| {
        b.iter_with_large_drop(|| raw_open(&raw_existing, &schema, false))
    });
    // Once per person, at the first open after the update: the unencrypted profile of the last
    // release is copied into an encrypted file, checked, and renamed over it.
    let mut legacy = || {
        n += 1;
        let path = dir.path().join(format!("legacy-{n}.sqlite"));
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/legacy-profile.sqlite"),
            &path,
        )
        .unwrap();
        path
    };
    group.bench_function(
        "unencrypted profile of the last release: seal + open + home",
        |b| {
            b.iter_batched(
                &mut legacy,
                |path| {
                    let waymark = open(&path, "ru", "Europe/Istanbul");
                    let home = waymark.home(now).unwrap();
                    (waymark, home)
                },
                BatchSize::PerIteration,
            )
        },
    );
    let raw_encrypted = dir.path().join("raw-encrypted.sqlite");
    raw_open(&raw_encrypted, &schema, true);
    group.bench_function(
        "floor: existing encrypted file, raw rusqlite open + key + one query",
        |b| b.iter_with_large_drop(|| raw_open(&raw_encrypted, &schema, true)),
    );
    group.finish();
}

fn views(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let anna = traveller(dir.path());
    anna.set_language("ru".into()).unwrap();
    let now = at("2026-03-02T06:10:00Z");
    let mut group = c.benchmark_group("warm view model");
    group.bench_function("home", |b| b.iter(|| anna.home(black_box(now)).unwrap()));
    group.bench_function("article red-flags", |b| {
        b.iter(|| anna.article(black_box("red-flags".into())).unwrap())
    });
    group.bench_function("checklist", |b| b.iter(|| anna.checklist().unwrap()));
    group.bench_function("help now (TR)", |b| {
        b.iter(|| anna.help_now(black_box(now), Some("TR".into())).unwrap())
    });
    group.finish();

    // The in-process side of the JNA comparison (bindings/kotlin, `-P bench`): the same calls
    // the JVM benchmark makes through the generated Kotlin bindings.
    let fresh = open(&dir.path().join("fresh.sqlite"), "ru", "Europe/Istanbul");
    let mut group = c.benchmark_group("in-process call");
    group.bench_function("language()", |b| b.iter(|| black_box(fresh.language())));
    group.bench_function("supported_languages()", |b| {
        b.iter(|| supported_languages().unwrap())
    });
    group.bench_function("home(now), fresh profile", |b| {
        b.iter(|| fresh.home(black_box(now)).unwrap())
    });
    group.finish();
}

fn checkins(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let anna = traveller(dir.path());
    let mut group = c.benchmark_group("check-ins");
    // Argon2id at 19 MiB, t=2 dominates every PIN or passphrase call: sample less.
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));

    // The stretch alone, with the core's parameters, to read the calls below against.
    let argon2 = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19 * 1024, 2, 1, Some(32)).unwrap(),
    );
    group.bench_function("one Argon2id stretch (19 MiB, t=2)", |b| {
        b.iter(|| {
            let mut key = [0u8; 32];
            argon2
                .hash_password_into(b"2468", &[7; 16], &mut key)
                .unwrap();
            key
        })
    });
    group.bench_function("export plan (2 stretches: both PIN boxes)", |b| {
        b.iter(|| anna.export_plan("2468".into(), None).unwrap())
    });
    group.bench_function("export sealed plan (3 stretches)", |b| {
        b.iter(|| {
            anna.export_plan("2468".into(), Some("correct horse".into()))
                .unwrap()
        })
    });
    let sealed = anna
        .export_plan("2468".into(), Some("correct horse".into()))
        .unwrap()
        .payload;
    let mother = family(&dir.path().join("mother.sqlite"));
    let imported_at = at("2026-03-01T12:00:00Z");
    group.bench_function("import sealed plan (1 stretch)", |b| {
        b.iter(|| {
            mother
                .import_plan(sealed.clone(), Some("correct horse".into()), imported_at)
                .unwrap()
        })
    });
    group.bench_function("check in (2 stretches)", |b| {
        b.iter(|| {
            anna.check_in("2468".into(), at("2026-03-02T06:05:00Z"))
                .unwrap()
        })
    });
    // Changing the PINs: every stored box is tried (three after the first change) and two new
    // boxes are sealed, on either path. Each loop sets the PINs it started from, so every
    // iteration sees three boxes.
    let [free, forced] = ["free", "forced"].map(|name| {
        let folder = dir.path().join(name);
        std::fs::create_dir(&folder).unwrap();
        traveller(&folder)
    });
    free.change_checkin_pins("2468".into(), "2468".into(), "1357".into())
        .unwrap();
    forced
        .change_checkin_pins("1357".into(), "1111".into(), "1357".into())
        .unwrap();
    group.bench_function("change PINs with the normal PIN (5 stretches)", |b| {
        b.iter(|| {
            free.change_checkin_pins("2468".into(), "2468".into(), "1357".into())
                .unwrap()
        })
    });
    group.bench_function("change PINs with the duress PIN (5 stretches)", |b| {
        b.iter(|| {
            forced
                .change_checkin_pins("1357".into(), "1111".into(), "1357".into())
                .unwrap()
        })
    });
    group.bench_function("check in after a change (3 stretches)", |b| {
        b.iter(|| {
            free.check_in("2468".into(), at("2026-03-02T06:05:00Z"))
                .unwrap()
        })
    });
    group.finish();

    // The calls without a stretch, sampled normally.
    let mut group = c.benchmark_group("check-ins, no stretch");
    let message = anna
        .check_in("2468".into(), at("2026-03-02T18:05:00Z"))
        .unwrap()
        .message;
    // Each verification is recorded, so each one runs on a fresh family profile holding the
    // plan (set up outside the timing, closed after it): the figure is a first, genuine
    // verification.
    // A pause message: the family's phone finds its event and parameter from the code alone,
    // trying every value a message received then can carry (help-PIN codes first). A forged
    // seven-digit code is the worst case: every candidate is tried.
    let paused = anna
        .pause_check_ins(
            "2468".into(),
            at("2026-03-03T12:00:00Z"),
            at("2026-03-02T18:10:00Z"),
        )
        .unwrap()
        .message;
    let mut n = 0u64;
    for (name, text, verified_at) in [
        ("verify a check-in message", message, "2026-03-02T18:06:00Z"),
        ("verify a pause message", paused, "2026-03-02T18:11:00Z"),
        (
            "verify a forged seven-digit code",
            "back soon 1234567".to_owned(),
            "2026-03-02T18:11:00Z",
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || {
                    n += 1;
                    let mother = family(&dir.path().join(format!("verify-{n}.sqlite")));
                    let id = mother
                        .import_plan(sealed.clone(), Some("correct horse".into()), imported_at)
                        .unwrap()
                        .id;
                    (mother, id)
                },
                |(mother, id)| {
                    let view = mother
                        .verify_checkin(id, text.clone(), at(verified_at))
                        .unwrap();
                    (mother, view)
                },
                BatchSize::PerIteration,
            )
        });
    }

    // 64 alerts (iOS keeps 64 pending) across the night Berlin moves to summer time.
    let berlin = open(&dir.path().join("berlin.sqlite"), "en", "Europe/Berlin");
    let mut every_six_hours = plan();
    every_six_hours.schedule.time_zone = "Europe/Berlin".into();
    every_six_hours.schedule.cadence = CheckinCadence::EveryHours { hours: 6 };
    berlin
        .set_trip_plan(every_six_hours, at("2026-03-01T00:00:00Z"))
        .unwrap();
    let before_the_change = at("2026-03-26T00:00:00Z");
    assert_eq!(
        berlin
            .plan_notifications(before_the_change, 64, true)
            .unwrap()
            .alerts
            .len(),
        64
    );
    group.bench_function("plan 64 alerts across a daylight-saving change", |b| {
        b.iter(|| {
            berlin
                .plan_notifications(black_box(before_the_change), 64, true)
                .unwrap()
        })
    });
    group.finish();
}

/// A greyscale camera frame, `width` × `height`, with `code` drawn in its middle as large as fits
/// with its quiet zone, dark modules at 40 and light ones at 210, as a phone screen photographs.
fn frame_with(code: &waymark_core::QrCode, width: u32, height: u32) -> Vec<u8> {
    let modules = code.size + 2 * code.quiet_zone;
    let scale = width.min(height) / modules;
    let left = (width - modules * scale) / 2;
    let top = (height - modules * scale) / 2;
    let mut luma = vec![210u8; (width * height) as usize];
    for y in 0..code.size * scale {
        for x in 0..code.size * scale {
            if code.is_dark(x / scale, y / scale) {
                let (fx, fy) = (
                    left + (code.quiet_zone * scale) + x,
                    top + (code.quiet_zone * scale) + y,
                );
                luma[(fy * width + fx) as usize] = 40;
            }
        }
    }
    luma
}

/// The plan hand-over: the traveller's phone draws the sealed plan as a QR code, the family's
/// Android phone reads camera frames (about 1280 × 720, android/QrScanner.kt) until one has it.
fn qr_codes(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let anna = traveller(dir.path());
    let sealed = anna
        .export_plan("2468".into(), Some("correct horse".into()))
        .unwrap()
        .payload;
    let code = waymark_core::qr_code(sealed.clone()).unwrap();
    let (width, height) = (1280, 720);
    let frame = frame_with(&code, width, height);
    assert_eq!(
        waymark_core::read_qr_code(width, height, frame.clone()).unwrap(),
        sealed
    );
    let modules = code.size + 2 * code.quiet_zone;
    eprintln!(
        "QR code | the sealed plan: {} bytes, {} x {} modules, {} pixels a module in the frame",
        sealed.len(),
        code.size,
        code.size,
        width.min(height) / modules
    );
    let empty = vec![210u8; (width * height) as usize];
    let mut group = c.benchmark_group("QR code");
    group.bench_function("draw the sealed plan", |b| {
        b.iter(|| waymark_core::qr_code(black_box(sealed.clone())).unwrap())
    });
    group.bench_function("read it from a 1280x720 frame", |b| {
        b.iter(|| waymark_core::read_qr_code(width, height, black_box(frame.clone())).unwrap())
    });
    group.bench_function("a 1280x720 frame without a code", |b| {
        b.iter(|| waymark_core::read_qr_code(width, height, black_box(empty.clone())).unwrap_err())
    });
    group.finish();
}

criterion_group!(benches, opening, views, checkins, qr_codes);
criterion_main!(benches);
