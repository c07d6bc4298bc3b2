//! The person's settings kept in the profile (the `settings` table), so that every shell shows
//! them the same and none has to keep its own copy.

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::error::Result;

/// The language the person chose in the app, if they did.
pub(crate) fn language(conn: &Connection) -> Result<Option<String>> {
    get(conn, "language")
}

/// Keeps `language` as the person's choice.
pub(crate) fn set_language(tx: &Transaction<'_>, language: &str) -> Result<()> {
    set(tx, "language", language)
}

/// How the traveller's check-in message reads, as `checkins::message` keeps it.
pub(crate) fn checkin_message(conn: &Connection) -> Result<Option<String>> {
    get(conn, "checkin_message")
}

/// Keeps how the check-in message reads.
pub(crate) fn set_checkin_message(tx: &Transaction<'_>, value: &str) -> Result<()> {
    set(tx, "checkin_message", value)
}

/// Whether the app lock is on (`lock` keeps it).
pub(crate) fn app_lock(conn: &Connection) -> Result<bool> {
    Ok(get(conn, "app_lock")?.as_deref() == Some("on"))
}

/// Turns the app lock on or off.
pub(crate) fn set_app_lock(tx: &Transaction<'_>, on: bool) -> Result<()> {
    set(tx, "app_lock", if on { "on" } else { "off" })
}

/// Whether the launcher shows the disguise (`lock` keeps it).
pub(crate) fn disguise(conn: &Connection) -> Result<bool> {
    Ok(get(conn, "disguise")?.as_deref() == Some("on"))
}

/// Turns the disguise on or off.
pub(crate) fn set_disguise(tx: &Transaction<'_>, on: bool) -> Result<()> {
    set(tx, "disguise", if on { "on" } else { "off" })
}

/// Wrong PINs typed at the lock since the last right one, and when the next try is allowed (Unix
/// milliseconds), as `lock` keeps them.
pub(crate) fn lock_attempts(conn: &Connection) -> Result<(u32, Option<i64>)> {
    let failures = get(conn, "lock_failures")?.and_then(|v| v.parse().ok());
    let retry_at = get(conn, "lock_retry_at")?.and_then(|v| v.parse().ok());
    Ok((failures.unwrap_or(0), retry_at))
}

/// Keeps the wrong PINs typed and when the next try is allowed.
pub(crate) fn set_lock_attempts(
    tx: &Transaction<'_>,
    failures: u32,
    retry_at: Option<i64>,
) -> Result<()> {
    set(tx, "lock_failures", &failures.to_string())?;
    set(
        tx,
        "lock_retry_at",
        &retry_at.map(|at| at.to_string()).unwrap_or_default(),
    )
}

/// The mark kept with the trip plan: which PIN last authorised a change of it, readable only with
/// the secret shared with the family (`checkins::help_mark`).
pub(crate) fn plan_mark(conn: &Connection) -> Result<Option<String>> {
    get(conn, "plan_mark")
}

/// Keeps the plan's mark.
pub(crate) fn set_plan_mark(tx: &Transaction<'_>, mark: &str) -> Result<()> {
    set(tx, "plan_mark", mark)
}

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

fn set(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::waymark::{Waymark, WaymarkOptions};

    fn open(path: &std::path::Path, language: &str) -> Waymark {
        let options = WaymarkOptions {
            language: language.into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        };
        Waymark::open_at(path, &options).unwrap()
    }

    /// A language chosen in the app is kept in the profile: every shell opens in it again,
    /// whatever the phone's language suggests; until one is chosen, the suggestion is used.
    #[test]
    fn the_chosen_language_is_kept_in_the_profile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profile.sqlite");
        let waymark = open(&path, "en");
        assert_eq!(waymark.language(), "en");
        waymark.set_language("ru".into()).unwrap();
        drop(waymark);
        let reopened = open(&path, "en");
        assert_eq!(reopened.language(), "ru");
        // A refused language changes nothing, in memory or in the profile.
        assert!(reopened.set_language("not a language!".into()).is_err());
        assert_eq!(reopened.language(), "ru");
        drop(reopened);
        assert_eq!(open(&path, "en").language(), "ru");
        // The phone's language changing does not override the choice...
        let chosen = open(&path, "en");
        chosen.set_system_language("en".into()).unwrap();
        assert_eq!(chosen.language(), "ru");
        // ...but a profile without a choice follows it, and keeps no choice.
        let following = open(&dir.path().join("following.sqlite"), "en");
        following.set_system_language("ru".into()).unwrap();
        assert_eq!(following.language(), "ru");
        drop(following);
        assert_eq!(
            open(&dir.path().join("following.sqlite"), "en").language(),
            "en"
        );
        // Another profile never chose: it follows the suggestion.
        assert_eq!(
            open(&dir.path().join("other.sqlite"), "ru").language(),
            "ru"
        );
        assert_eq!(
            open(&dir.path().join("third.sqlite"), "en").language(),
            "en"
        );
    }
}
