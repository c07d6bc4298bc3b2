//! The trip plan and the check-in record in the profile database.
//!
//! A check-in row holds only when it was made and the slot it counted for: nothing in it says
//! which PIN was used, so the stored rows look the same after a duress check-in.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::events::{Events, Pause};
use super::pins::SealedBox;
use super::plan::TripPlan;
use super::status::Recorded;
use crate::error::{Error, Result};

pub(crate) fn load_plan(conn: &Connection) -> Result<Option<TripPlan>> {
    let json: Option<String> = conn
        .query_row("SELECT plan FROM trip_plan WHERE id = 1", [], |row| {
            row.get(0)
        })
        .optional()?;
    json.map(|json| serde_json::from_str(&json).map_err(|_| Error::Stored("the trip plan".into())))
        .transpose()
}

/// Saves the plan, keeping its id when one exists, and returns the id.
pub(crate) fn save_plan(
    conn: &Connection,
    plan: &TripPlan,
    new_id: [u8; 16],
    at: DateTime<Utc>,
) -> Result<[u8; 16]> {
    let json = serde_json::to_string(plan).map_err(|_| Error::Stored("the trip plan".into()))?;
    conn.execute(
        "INSERT INTO trip_plan (id, plan_id, plan, updated_at) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at",
        params![new_id.to_vec(), json, at.timestamp_millis()],
    )?;
    plan_id(conn)?.ok_or_else(|| Error::Stored("the trip plan".into()))
}

pub(crate) fn plan_id(conn: &Connection) -> Result<Option<[u8; 16]>> {
    let id: Option<Vec<u8>> = conn
        .query_row("SELECT plan_id FROM trip_plan WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    id.map(|id| {
        id.try_into()
            .map_err(|_| Error::Stored("the trip plan".into()))
    })
    .transpose()
}

pub(crate) fn pin_boxes(conn: &Connection) -> Result<Vec<SealedBox>> {
    let mut stmt =
        conn.prepare_cached("SELECT salt, nonce, sealed FROM checkin_pin_boxes ORDER BY position")?;
    let rows = stmt.query_map([], |row| {
        Ok(SealedBox {
            salt: row.get(0)?,
            nonce: row.get(1)?,
            sealed: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces every stored PIN box with `boxes`, in their order.
pub(crate) fn save_pin_boxes(conn: &Connection, boxes: &[SealedBox]) -> Result<()> {
    conn.execute("DELETE FROM checkin_pin_boxes", [])?;
    for (position, b) in boxes.iter().enumerate() {
        conn.execute(
            "INSERT INTO checkin_pin_boxes (position, salt, nonce, sealed) VALUES (?1, ?2, ?3, ?4)",
            params![position as i64, b.salt, b.nonce, b.sealed],
        )?;
    }
    Ok(())
}

pub(crate) fn checkins(conn: &Connection) -> Result<Vec<Recorded>> {
    let mut stmt = conn.prepare_cached("SELECT slot, at FROM checkins ORDER BY at, id")?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get::<_, Option<u32>>(0)?, row.get::<_, i64>(1)?))
    })?;
    rows.map(|row| {
        let (slot, at) = row?;
        let at = DateTime::from_timestamp_millis(at)
            .ok_or_else(|| Error::Stored("a check-in time".into()))?;
        Ok(Recorded { slot, at })
    })
    .collect()
}

pub(crate) fn record_checkin(
    conn: &Connection,
    slot: Option<u32>,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO checkins (slot, at) VALUES (?1, ?2)",
        params![slot, at.timestamp_millis()],
    )?;
    Ok(())
}

/// The traveller's own pauses and end, as recorded (whichever PIN made them).
pub(crate) fn trip_events(conn: &Connection) -> Result<Events> {
    let mut stmt =
        conn.prepare_cached("SELECT kind, at, until FROM trip_events ORDER BY at, id")?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, Option<i64>>(2)?,
        ))
    })?;
    let damaged = || Error::Stored("a pause or end".into());
    let mut events = Events::default();
    for row in rows {
        let (kind, at, until) = row?;
        let at = DateTime::from_timestamp_millis(at).ok_or_else(damaged)?;
        match (kind.as_str(), until) {
            ("pause", Some(until)) => events.pauses.push(Pause {
                at,
                from: at,
                until: DateTime::from_timestamp_millis(until).ok_or_else(damaged)?,
            }),
            ("end", _) => events.ended = Some(events.ended.map_or(at, |e| e.min(at))),
            _ => return Err(damaged()),
        }
    }
    Ok(events)
}

/// Records a pause of the traveller's own check-ins, made at `at`, until `until`.
pub(crate) fn record_pause(
    conn: &Connection,
    at: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO trip_events (kind, at, until) VALUES ('pause', ?1, ?2)",
        params![at.timestamp_millis(), until.timestamp_millis()],
    )?;
    Ok(())
}

/// Records the end of the traveller's own trip at `at`.
pub(crate) fn record_end(conn: &Connection, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT INTO trip_events (kind, at) VALUES ('end', ?1)",
        params![at.timestamp_millis()],
    )?;
    Ok(())
}

/// Forgets the end of the trip: a plan saved after it starts the check-ins again.
pub(crate) fn clear_end(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM trip_events WHERE kind = 'end'", [])?;
    Ok(())
}

/// Replaces a watched traveller's plan in force (a proved extension moved its end).
pub(crate) fn set_watched_plan(conn: &Connection, row: i64, plan: &TripPlan) -> Result<()> {
    let json = serde_json::to_string(plan).map_err(|_| Error::Stored("a watched plan".into()))?;
    conn.execute(
        "UPDATE watched_travellers SET plan = ?1 WHERE id = ?2",
        params![json, row],
    )?;
    Ok(())
}

/// A traveller this profile watches over.
#[derive(Clone)]
pub(crate) struct Watched {
    pub row: i64,
    pub plan_id: [u8; 16],
    pub plan: TripPlan,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
    /// When the plan in force was imported or accepted (ignored when saving: the save's time is
    /// stored).
    pub imported_at: DateTime<Utc>,
}

/// Adds a traveller, or updates the one with the same plan id in place; returns its row.
pub(crate) fn upsert_watched(conn: &Connection, w: &Watched, at: DateTime<Utc>) -> Result<i64> {
    let json =
        serde_json::to_string(&w.plan).map_err(|_| Error::Stored("a watched plan".into()))?;
    conn.execute(
        "INSERT INTO watched_travellers (plan_id, plan, nonce, sealed, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (plan_id) DO UPDATE SET plan = excluded.plan, nonce = excluded.nonce,
             sealed = excluded.sealed, imported_at = excluded.imported_at",
        params![w.plan_id.to_vec(), json, w.nonce, w.sealed, at.timestamp_millis()],
    )?;
    Ok(conn.query_row(
        "SELECT id FROM watched_travellers WHERE plan_id = ?1",
        [w.plan_id.to_vec()],
        |r| r.get(0),
    )?)
}

/// Forgets a watched traveller and, through the foreign key, every check made for them.
pub(crate) fn remove_watched(conn: &Connection, row: i64) -> Result<()> {
    conn.execute("DELETE FROM watched_travellers WHERE id = ?1", [row])?;
    Ok(())
}

pub(crate) fn watched(conn: &Connection) -> Result<Vec<Watched>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, plan_id, plan, nonce, sealed, imported_at FROM watched_travellers ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, String>(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (row, plan_id, json, nonce, sealed, imported_at) = row?;
        let damaged = || Error::Stored("a watched plan".into());
        Ok(Watched {
            row,
            plan_id: plan_id.try_into().map_err(|_| damaged())?,
            plan: serde_json::from_str(&json).map_err(|_| damaged())?,
            nonce,
            sealed,
            imported_at: DateTime::from_timestamp_millis(imported_at).ok_or_else(damaged)?,
        })
    })
    .collect()
}

/// One message or code the family checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verification {
    pub at: DateTime<Utc>,
    pub slot: Option<u32>,
    pub code: Option<String>,
    pub outcome: String,
    pub phrase: bool,
    /// What a pause or extension code proved: the pause's end, or the trip's new end.
    pub until: Option<DateTime<Utc>>,
}

impl Verification {
    /// A record that is no check of a code: a help signal marked handled, a plan shared under
    /// the help PIN.
    pub(crate) fn event(at: DateTime<Utc>, outcome: &str) -> Self {
        Self {
            at,
            slot: None,
            code: None,
            outcome: outcome.into(),
            phrase: false,
            until: None,
        }
    }
}

pub(crate) fn verifications(conn: &Connection, traveller: i64) -> Result<Vec<Verification>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, slot, code, outcome, phrase, until FROM verifications WHERE traveller = ?1
         ORDER BY at, id",
    )?;
    let rows = stmt.query_map([traveller], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get::<_, bool>(4)?,
            r.get::<_, Option<i64>>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (at, slot, code, outcome, phrase, until) = row?;
        let damaged = || Error::Stored("a verification".into());
        let at = DateTime::from_timestamp_millis(at).ok_or_else(damaged)?;
        let until = until
            .map(|u| DateTime::from_timestamp_millis(u).ok_or_else(damaged))
            .transpose()?;
        Ok(Verification {
            at,
            slot,
            code,
            outcome,
            phrase,
            until,
        })
    })
    .collect()
}

pub(crate) fn add_verification(conn: &Connection, traveller: i64, v: &Verification) -> Result<()> {
    conn.execute(
        "INSERT INTO verifications (traveller, at, slot, code, outcome, phrase, until)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            traveller,
            v.at.timestamp_millis(),
            v.slot,
            v.code,
            v.outcome,
            v.phrase,
            v.until.map(|u| u.timestamp_millis())
        ],
    )?;
    Ok(())
}

/// A plan waiting for the family to confirm it (plan_change.rs), sealed like a watched one.
pub(crate) struct Pending {
    pub plan: TripPlan,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// Keeps `pending` for the watched traveller `traveller`, replacing an earlier one.
pub(crate) fn save_pending(
    conn: &Connection,
    traveller: i64,
    pending: &Pending,
    at: DateTime<Utc>,
) -> Result<()> {
    let json =
        serde_json::to_string(&pending.plan).map_err(|_| Error::Stored("a changed plan".into()))?;
    conn.execute(
        "INSERT INTO pending_plans (traveller, plan, nonce, sealed, received_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (traveller) DO UPDATE SET plan = excluded.plan, nonce = excluded.nonce,
             sealed = excluded.sealed, received_at = excluded.received_at",
        params![traveller, json, pending.nonce, pending.sealed, at.timestamp_millis()],
    )?;
    Ok(())
}

/// The plan waiting for the family's confirmation, if any.
pub(crate) fn pending(conn: &Connection, traveller: i64) -> Result<Option<Pending>> {
    let row: Option<(String, Vec<u8>, Vec<u8>)> = conn
        .query_row(
            "SELECT plan, nonce, sealed FROM pending_plans WHERE traveller = ?1",
            [traveller],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(json, nonce, sealed)| {
        Ok(Pending {
            plan: serde_json::from_str(&json)
                .map_err(|_| Error::Stored("a changed plan".into()))?,
            nonce,
            sealed,
        })
    })
    .transpose()
}

/// The plan waiting for confirmation, removed from the waiting list (the family accepted it or
/// kept the old one); None when none waits.
pub(crate) fn take_pending(conn: &Connection, traveller: i64) -> Result<Option<Pending>> {
    let pending = pending(conn, traveller)?;
    conn.execute(
        "DELETE FROM pending_plans WHERE traveller = ?1",
        [traveller],
    )?;
    Ok(pending)
}
