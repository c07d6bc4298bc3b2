//! Checklist progress and the person's own items in the profile database.

use std::collections::HashMap;
use std::time::SystemTime;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;
use crate::storage::{from_millis, to_millis};

/// Prefix of the ids of the person's own items ("own-7"), so they never collide with built-in
/// item ids.
pub(crate) const OWN_PREFIX: &str = "own-";

pub(crate) struct OwnItem {
    pub id: String,
    pub text: String,
}

/// When each done item was done, by item id.
pub(crate) fn progress(conn: &Connection) -> Result<HashMap<String, SystemTime>> {
    let mut stmt = conn.prepare_cached("SELECT item_id, done_at FROM checklist_progress")?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get::<_, String>(0)?, from_millis(row.get(1)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The person's own items, oldest first.
pub(crate) fn own_items(conn: &Connection) -> Result<Vec<OwnItem>> {
    let mut stmt = conn.prepare_cached("SELECT id, text FROM checklist_own_items ORDER BY id")?;
    let rows = stmt.query_map([], |row| {
        Ok(OwnItem {
            id: format!("{OWN_PREFIX}{}", row.get::<_, i64>(0)?),
            text: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks an item done at `at`; an item already done keeps its first time.
pub(crate) fn mark_done(conn: &Connection, item_id: &str, at: SystemTime) -> Result<()> {
    conn.execute(
        "INSERT INTO checklist_progress (item_id, done_at) VALUES (?1, ?2) ON CONFLICT (item_id) DO NOTHING",
        params![item_id, to_millis(at)],
    )?;
    Ok(())
}

pub(crate) fn undo(conn: &Connection, item_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM checklist_progress WHERE item_id = ?1",
        [item_id],
    )?;
    Ok(())
}

pub(crate) fn own_item_count(conn: &Connection) -> Result<u32> {
    Ok(
        conn.query_row("SELECT count(*) FROM checklist_own_items", [], |row| {
            row.get(0)
        })?,
    )
}

pub(crate) fn add_own_item(conn: &Connection, text: &str, at: SystemTime) -> Result<String> {
    conn.execute(
        "INSERT INTO checklist_own_items (text, created_at) VALUES (?1, ?2)",
        params![text, to_millis(at)],
    )?;
    Ok(format!("{OWN_PREFIX}{}", conn.last_insert_rowid()))
}

/// Whether an own item with this id exists.
pub(crate) fn own_item_exists(conn: &Connection, item_id: &str) -> Result<bool> {
    let Some(row_id) = own_row_id(item_id) else {
        return Ok(false);
    };
    Ok(conn
        .query_row(
            "SELECT 1 FROM checklist_own_items WHERE id = ?1",
            [row_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Removes an own item and its progress. Two statements: the caller runs them in one
/// transaction.
pub(crate) fn remove_own_item(conn: &Connection, item_id: &str) -> Result<()> {
    undo(conn, item_id)?;
    if let Some(row_id) = own_row_id(item_id) {
        conn.execute("DELETE FROM checklist_own_items WHERE id = ?1", [row_id])?;
    }
    Ok(())
}

fn own_row_id(item_id: &str) -> Option<i64> {
    item_id.strip_prefix(OWN_PREFIX)?.parse().ok()
}
