//! The connection to one profile file and the one way to write to it.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction};

use super::seal::{self, ProfileKey};
use super::{diagnosis, schema};
use crate::error::{Error, Result};

/// An open profile database. Every write goes through [`Db::write`], so each one is a single
/// transaction: a failure half-way leaves the last committed state.
pub(crate) struct Db {
    conn: Mutex<Connection>,
    /// The profile's folder, probed when a write fails (diagnosis.rs); None in memory.
    folder: Option<PathBuf>,
    /// The profile file, to erase; None in memory.
    path: Option<PathBuf>,
}

impl Db {
    /// Opens (creating if missing) the profile at `path`, sealed with `key`, and brings its
    /// schema up to date; a plaintext profile from an earlier version is sealed first
    /// (seal.rs). A wrong key changes nothing on disk.
    pub(crate) fn open(path: &Path, key: &ProfileKey) -> Result<Self> {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        seal::prepare(path, key)
            .and_then(|()| seal::open_keyed(path, key))
            .and_then(|conn| Self::configure(conn, Some(folder.clone()), Some(path.to_path_buf())))
            .and_then(|db| {
                seal::check_sealed(path)?;
                Ok(db)
            })
            .map_err(|error| diagnosis::explain(error, &folder))
    }

    /// An in-memory profile: the harmless view, and tests. Nothing of it reaches the disk (the
    /// build keeps temporary storage in memory too).
    pub(crate) fn open_in_memory() -> Result<Self> {
        Self::configure(Connection::open_in_memory()?, None, None)
    }

    fn configure(
        mut conn: Connection,
        folder: Option<PathBuf>,
        path: Option<PathBuf>,
    ) -> Result<Self> {
        // Reading the schema first turns "not a database" into an error here, before WAL is set.
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
            row.get::<_, i64>(0)
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // In-memory databases answer "memory"; files answer "wal".
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        schema::migrate(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
            folder,
            path,
        })
    }

    /// Empties the profile: a file profile is closed and removed with every file beside it that
    /// belongs to it (seal.rs `profile_files`). From then on this handle is an empty profile in
    /// memory, so a call made before the shell opens again changes nothing on disk.
    pub(crate) fn erase(&self) -> Result<()> {
        let mut conn = self.lock();
        let replaced = std::mem::replace(&mut *conn, Connection::open_in_memory()?);
        schema::migrate(&mut conn)?;
        // Closing first, so SQLite holds no file open while it is removed.
        replaced.close().map_err(|(_, error)| Error::from(error))?;
        if let Some(path) = &self.path {
            seal::erase_files(path)?;
        }
        Ok(())
    }

    /// Runs `f` with read access.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.lock())
    }

    /// Runs `f` in one transaction, committed only if `f` succeeds.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let written = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(Into::into)
            .and_then(|tx| {
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            });
        match (&self.folder, written) {
            (Some(folder), Err(error)) => Err(diagnosis::explain(error, folder)),
            (_, written) => written,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-written transaction (it rolls back on
        // drop), so the connection is still sound: take it back.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_profiles_use_write_ahead_logging() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(
            &dir.path().join("p.sqlite"),
            &ProfileKey::new(&[7; 32]).unwrap(),
        )
        .unwrap();
        let mode: String = db
            .read(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_failing_write_commits_nothing() {
        let db = Db::open_in_memory().unwrap();
        let result: Result<()> = db.write(|tx| {
            tx.execute("INSERT INTO checklist_progress VALUES ('a', 1)", [])?;
            Err(crate::error::Error::invalid(
                "test",
                crate::error::reason::BLANK,
            ))
        });
        assert!(result.is_err());
        let count: i64 = db
            .read(|c| Ok(c.query_row("SELECT count(*) FROM checklist_progress", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(count, 0);
    }
}
