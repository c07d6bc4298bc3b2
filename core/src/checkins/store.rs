//! The trip plan and the check-in record in the profile database.
//!
//! A check-in row holds only when it was made and the slot it counted for: nothing in it says
//! which PIN was used, so the stored rows look the same after a duress check-in.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

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

pub(crate) fn save_plan(conn: &Connection, plan: &TripPlan, at: DateTime<Utc>) -> Result<()> {
    let json = serde_json::to_string(plan).map_err(|_| Error::Stored("the trip plan".into()))?;
    conn.execute(
        "INSERT INTO trip_plan (id, plan, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at",
        params![json, at.timestamp_millis()],
    )?;
    Ok(())
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

pub(crate) fn save_pin_boxes(conn: &Connection, boxes: &[SealedBox; 2]) -> Result<()> {
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
