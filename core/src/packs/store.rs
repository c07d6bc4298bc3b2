//! The installed pack in the profile database: one row, or none for the embedded default.

use std::time::SystemTime;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;
use crate::storage::{from_millis, to_millis};

/// The installed pack file as it arrived, and when it was installed.
pub(crate) fn installed(conn: &Connection) -> Result<Option<(Vec<u8>, SystemTime)>> {
    Ok(conn
        .query_row(
            "SELECT file, installed_at FROM content_pack WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, from_millis(row.get(1)?))),
        )
        .optional()?)
}

/// Replaces the installed pack.
pub(crate) fn save(conn: &Connection, file: &[u8], at: SystemTime) -> Result<()> {
    conn.execute(
        "INSERT INTO content_pack (id, file, installed_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET file = excluded.file, installed_at = excluded.installed_at",
        params![file, to_millis(at)],
    )?;
    Ok(())
}

/// Goes back to the embedded default.
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM content_pack", [])?;
    Ok(())
}
