//! The person's own contacts in the profile database. Values arrive here already checked.

use std::time::SystemTime;

use crate::storage::to_millis;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub id: i64,
    pub fields: Fields,
}

/// The checked values of a contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fields {
    pub name: String,
    /// `OwnContactKind::as_str`.
    pub kind: String,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    pub e164: String,
    pub notes: String,
}

/// Every contact, oldest first.
pub(crate) fn list(conn: &Connection) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, country, phone_e164, notes FROM own_contacts ORDER BY id",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(Row {
            id: row.get(0)?,
            fields: Fields {
                name: row.get(1)?,
                kind: row.get(2)?,
                country: row.get(3)?,
                e164: row.get(4)?,
                notes: row.get(5)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM own_contacts", [], |r| r.get(0))?)
}

pub(crate) fn insert(conn: &Connection, fields: &Fields, at: SystemTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO own_contacts (name, kind, country, phone_e164, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            fields.name,
            fields.kind,
            fields.country,
            fields.e164,
            fields.notes,
            to_millis(at)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Replaces a contact's values; false when there is no contact `id`.
pub(crate) fn update(conn: &Connection, id: i64, fields: &Fields, at: SystemTime) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE own_contacts SET name = ?2, kind = ?3, country = ?4, phone_e164 = ?5, notes = ?6,
         updated_at = ?7 WHERE id = ?1",
        params![
            id,
            fields.name,
            fields.kind,
            fields.country,
            fields.e164,
            fields.notes,
            to_millis(at)
        ],
    )?;
    Ok(changed == 1)
}

/// False when there is no contact `id`.
pub(crate) fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM own_contacts WHERE id = ?1", [id])? == 1)
}

/// Whether another contact (not `except`) already has this number.
pub(crate) fn number_taken(conn: &Connection, e164: &str, except: Option<i64>) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM own_contacts WHERE phone_e164 = ?1 AND id IS NOT ?2",
            params![e164, except],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}
