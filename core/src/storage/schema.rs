//! Schema versions, tracked by `PRAGMA user_version`. Each migration moves the schema up by one
//! version inside one transaction; released migrations are never edited, only appended.

use rusqlite::Connection;

use crate::error::{Error, Result, reason};

/// Migration `i` takes the schema from version `i` to version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: checklist progress (the time each built-in item was done).
    "CREATE TABLE checklist_progress (
         item_id TEXT PRIMARY KEY,
         done_at INTEGER NOT NULL   -- milliseconds since the Unix epoch, UTC
     ) STRICT;",
    // 2: the person's own checklist items; their progress lives in checklist_progress under the
    // id 'own-<id>', so one query answers progress for both kinds.
    "CREATE TABLE checklist_own_items (
         id         INTEGER PRIMARY KEY,
         text       TEXT NOT NULL,
         created_at INTEGER NOT NULL
     ) STRICT;",
    // 3: the person's own contacts (family, embassy, employer, ...); numbers stored in E.164.
    "CREATE TABLE own_contacts (
         id         INTEGER PRIMARY KEY,
         name       TEXT NOT NULL,
         kind       TEXT NOT NULL,
         country    TEXT NOT NULL,   -- ISO 3166-1 alpha-2
         phone_e164 TEXT NOT NULL,
         notes      TEXT NOT NULL,
         created_at INTEGER NOT NULL,
         updated_at INTEGER NOT NULL
     ) STRICT;",
    // 4: the traveller's trip plan (one per profile) and every check-in made. A check-in row
    // holds only its time and slot, so it looks the same whichever PIN was used.
    "CREATE TABLE trip_plan (
         id         INTEGER PRIMARY KEY CHECK (id = 1),
         plan_id    BLOB NOT NULL,     -- random; the family's phone knows the plan by it
         plan       TEXT NOT NULL,     -- JSON of checkins::plan::TripPlan
         updated_at INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE checkins (
         id   INTEGER PRIMARY KEY,
         slot INTEGER,                -- NULL: made outside any window
         at   INTEGER NOT NULL
     ) STRICT;
     -- The two PIN-sealed copies of the shared secret, in random order (see checkins::pins).
     CREATE TABLE checkin_pin_boxes (
         position INTEGER PRIMARY KEY CHECK (position IN (0, 1)),
         salt     BLOB NOT NULL,
         nonce    BLOB NOT NULL,
         sealed   BLOB NOT NULL
     ) STRICT;
     -- The family's side: the travellers this profile watches over, from plans shared with it.
     -- The codes' secret and the signal phrase are sealed with the platform keystore key.
     CREATE TABLE watched_travellers (
         id          INTEGER PRIMARY KEY,
         plan_id     BLOB NOT NULL UNIQUE,
         plan        TEXT NOT NULL,
         nonce       BLOB NOT NULL,
         sealed      BLOB NOT NULL,
         imported_at INTEGER NOT NULL
     ) STRICT;
     -- Every message or code the family checked, and what it was.
     CREATE TABLE verifications (
         id        INTEGER PRIMARY KEY,
         traveller INTEGER NOT NULL REFERENCES watched_travellers (id) ON DELETE CASCADE,
         at        INTEGER NOT NULL,
         slot      INTEGER,
         code      TEXT,
         outcome   TEXT NOT NULL,
         phrase    INTEGER NOT NULL CHECK (phrase IN (0, 1))
     ) STRICT;",
    // 5: checked job offers with their answers, and the myths quiz's best score.
    "CREATE TABLE offers (
         id         INTEGER PRIMARY KEY,
         title      TEXT NOT NULL,
         employer   TEXT NOT NULL,
         country    TEXT NOT NULL,
         notes      TEXT NOT NULL,
         checked_at INTEGER NOT NULL,   -- last saved, milliseconds since the Unix epoch, UTC
         created_at INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE offer_answers (
         offer_id    INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
         question_id TEXT NOT NULL,
         answer      TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'dont_know')),
         from_ad     INTEGER NOT NULL CHECK (from_ad IN (0, 1)),
         PRIMARY KEY (offer_id, question_id)
     ) STRICT;
     CREATE TABLE quiz_best (
         quiz  TEXT PRIMARY KEY,
         score INTEGER NOT NULL,
         total INTEGER NOT NULL,
         at    INTEGER NOT NULL
     ) STRICT;",
    // 6: the installed content pack, as the signed file it arrived in (checked again on every
    // open); no row means the embedded default.
    "CREATE TABLE content_pack (
         id           INTEGER PRIMARY KEY CHECK (id = 1),
         file         BLOB NOT NULL,
         installed_at INTEGER NOT NULL
     ) STRICT;",
    // 7: a third check-in PIN box, so changing the PINs stores three boxes whichever PIN
    // authorised it (see checkins::pins). SQLite cannot alter a CHECK, so the table is rebuilt
    // with its rows.
    "CREATE TABLE checkin_pin_boxes_new (
         position INTEGER PRIMARY KEY CHECK (position IN (0, 1, 2)),
         salt     BLOB NOT NULL,
         nonce    BLOB NOT NULL,
         sealed   BLOB NOT NULL
     ) STRICT;
     INSERT INTO checkin_pin_boxes_new (position, salt, nonce, sealed)
         SELECT position, salt, nonce, sealed FROM checkin_pin_boxes;
     DROP TABLE checkin_pin_boxes;
     ALTER TABLE checkin_pin_boxes_new RENAME TO checkin_pin_boxes;",
    // 8: the person's settings, kept with the profile so every shell shows them the same
    // (today the language they chose in the app).
    "CREATE TABLE settings (
         key   TEXT PRIMARY KEY,
         value TEXT NOT NULL
     ) STRICT;",
    // 9: a re-imported plan that would weaken a watched traveller's routine, kept apart until the
    // family confirms it by phone (checkins::plan_change); the plan in force stays as it is.
    "CREATE TABLE pending_plans (
         traveller   INTEGER PRIMARY KEY REFERENCES watched_travellers (id) ON DELETE CASCADE,
         plan        TEXT NOT NULL,
         nonce       BLOB NOT NULL,
         sealed      BLOB NOT NULL,
         received_at INTEGER NOT NULL
     ) STRICT;",
    // 10: the fired-alert log (checkins::alert_log): each alert the shell was asked to schedule,
    // when it was due and when the shell reported it fired; ids and times only. An id names a
    // slot of a schedule, which a changed plan may move: each time it was due is its own row.
    "CREATE TABLE alert_log (
         id       TEXT NOT NULL,
         fire_at  INTEGER NOT NULL,
         urgency  TEXT NOT NULL CHECK (urgency IN ('reminder', 'alarm')),
         fired_at INTEGER,
         seen     INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1)),
         PRIMARY KEY (id, fire_at)
     ) STRICT;",
    // 11: pauses and the end of the traveller's own trip (checkins::events). Like a check-in
    // row, nothing in one says which PIN made it. The family's checks of such messages are
    // verifications, whose new `until` holds what the code proved: the pause's end or the
    // trip's new end.
    "CREATE TABLE trip_events (
         id    INTEGER PRIMARY KEY,
         kind  TEXT NOT NULL CHECK (kind IN ('pause', 'end')),
         at    INTEGER NOT NULL,   -- when it was made, milliseconds since the Unix epoch, UTC
         until INTEGER             -- a pause's end; NULL for an end
     ) STRICT;
     ALTER TABLE verifications ADD COLUMN until INTEGER;",
];

/// The schema version this build writes.
pub(crate) const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the database up to [`LATEST_VERSION`], refusing a file written by a newer Waymark.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > LATEST_VERSION {
        return Err(Error::unreadable(
            format!(
                "it was written by a newer version of Waymark (schema {current}, this version knows up to {LATEST_VERSION}); update the app"
            ),
            reason::PROFILE_NEWER,
        ));
    }
    for (from, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", from as u32 + 1)?;
        tx.commit().map_err(Error::from)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a database exactly as a build that stopped at `version` left it.
    fn database_at(version: usize) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..version] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", version as u32)
            .unwrap();
        conn
    }

    /// Data a person could have stored at each version; it must survive every later upgrade.
    fn store_fixture(conn: &Connection, version: usize) {
        if version >= 1 {
            conn.execute(
                "INSERT INTO checklist_progress VALUES ('return-ticket', 1700000000000)",
                [],
            )
            .unwrap();
        }
        if version >= 2 {
            conn.execute(
                "INSERT INTO checklist_own_items VALUES (1, 'Buy a SIM card', 1700000000000)",
                [],
            )
            .unwrap();
        }
        if version >= 3 {
            conn.execute(
                "INSERT INTO own_contacts VALUES (1, 'Mum', 'family', 'RU', '+79161234567', '', 1700000000000, 1700000000000)",
                [],
            )
            .unwrap();
        }
        if version >= 4 {
            conn.execute(
                "INSERT INTO checkins (slot, at) VALUES (4, 1700000000000)",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO watched_travellers (plan_id, plan, nonce, sealed, imported_at) VALUES (x'01', '{}', x'', x'', 0)",
                [],
            )
            .unwrap();
            conn.execute_batch(
                "INSERT INTO checkin_pin_boxes VALUES (0, x'0a', x'0b', x'0c');
                 INSERT INTO checkin_pin_boxes VALUES (1, x'1a', x'1b', x'1c');",
            )
            .unwrap();
        }
        if version >= 5 {
            conn.execute_batch(
                "INSERT INTO offers VALUES (1, 'Waitress', 'Sun Agency', 'Turkey', '', 1700000000000, 1700000000000);
                 INSERT INTO offer_answers VALUES (1, 'tourist-visa', 'yes', 1);
                 INSERT INTO quiz_best VALUES ('myths-and-facts', 9, 11, 1700000000000);",
            )
            .unwrap();
        }
        if version >= 6 {
            conn.execute(
                "INSERT INTO content_pack VALUES (1, x'776179', 1700000000000)",
                [],
            )
            .unwrap();
        }
        if version >= 4 {
            conn.execute(
                "INSERT INTO verifications (traveller, at, slot, code, outcome, phrase)
                 VALUES (1, 1700000000000, 3, '482913', 'genuine', 0)",
                [],
            )
            .unwrap();
        }
        if version >= 11 {
            conn.execute_batch(
                "INSERT INTO trip_events (kind, at, until) VALUES ('pause', 1700000000000, 1700050000000);
                 INSERT INTO verifications (traveller, at, code, outcome, phrase, until)
                 VALUES (1, 1700000100000, '4829137', 'paused', 0, 1700050000000);",
            )
            .unwrap();
        }
    }

    fn schema_of(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn upgrades_from_every_earlier_version_keep_the_data_and_match_a_fresh_schema() {
        let mut fresh = database_at(0);
        migrate(&mut fresh).unwrap();
        for version in 0..=MIGRATIONS.len() {
            let mut conn = database_at(version);
            store_fixture(&conn, version);
            migrate(&mut conn).unwrap();
            let now: u32 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(now, LATEST_VERSION, "from version {version}");
            assert_eq!(
                schema_of(&conn),
                schema_of(&fresh),
                "from version {version}"
            );
            if version >= 1 {
                let done: i64 = conn
                    .query_row(
                        "SELECT done_at FROM checklist_progress WHERE item_id = 'return-ticket'",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(done, 1_700_000_000_000, "from version {version}");
            }
            if version >= 2 {
                let text: String = conn
                    .query_row(
                        "SELECT text FROM checklist_own_items WHERE id = 1",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(text, "Buy a SIM card");
            }
            if version >= 3 {
                let phone: String = conn
                    .query_row(
                        "SELECT phone_e164 FROM own_contacts WHERE id = 1",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(phone, "+79161234567");
            }
            if version >= 5 {
                let answer: String = conn
                    .query_row(
                        "SELECT answer FROM offer_answers JOIN offers ON offers.id = offer_id
                         WHERE title = 'Waitress' AND question_id = 'tourist-visa'",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(answer, "yes");
                let best: u32 = conn
                    .query_row("SELECT score FROM quiz_best", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(best, 9);
            }
            if version >= 6 {
                let file: Vec<u8> = conn
                    .query_row("SELECT file FROM content_pack", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(file, b"way");
            }
            if version >= 4 {
                let slot: u32 = conn
                    .query_row("SELECT slot FROM checkins", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(slot, 4);
                let watched: i64 = conn
                    .query_row("SELECT count(*) FROM watched_travellers", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(watched, 1);
                let boxes: Vec<(i64, String)> = conn
                    .prepare(
                        "SELECT position, hex(salt) || hex(nonce) || hex(sealed)
                         FROM checkin_pin_boxes ORDER BY position",
                    )
                    .unwrap()
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .map(|r| r.unwrap())
                    .collect();
                assert_eq!(
                    boxes,
                    [(0, "0A0B0C".into()), (1, "1A1B1C".into())],
                    "from version {version}"
                );
                // Verifications from before version 11 keep their outcome, with no `until`.
                let (outcome, until): (String, Option<i64>) = conn
                    .query_row(
                        "SELECT outcome, until FROM verifications WHERE code = '482913'",
                        [],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap();
                assert_eq!((outcome.as_str(), until), ("genuine", None));
                let pauses: i64 = conn
                    .query_row("SELECT count(*) FROM trip_events", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(pauses, i64::from(version >= 11), "from version {version}");
            }
        }
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = database_at(0);
        migrate(&mut conn).unwrap();
        let before = schema_of(&conn);
        migrate(&mut conn).unwrap();
        assert_eq!(schema_of(&conn), before);
    }

    #[test]
    fn a_profile_from_a_newer_version_is_refused_untouched() {
        use crate::error::WaymarkError;
        let mut conn = database_at(LATEST_VERSION as usize);
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
        let err = migrate(&mut conn).unwrap_err().without_words();
        assert!(
            matches!(err, WaymarkError::ProfileUnreadable { .. }),
            "{err:?}"
        );
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, LATEST_VERSION + 1);
    }

    #[test]
    fn a_failing_migration_leaves_the_previous_version() {
        // A table that collides with what migration 2 creates makes it fail half-way.
        let mut conn = database_at(1);
        conn.execute_batch("CREATE TABLE checklist_own_items (x INTEGER)")
            .unwrap();
        assert!(migrate(&mut conn).is_err());
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
    }
}
