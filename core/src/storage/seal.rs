//! The profile file is encrypted whole (SQLite3 Multiple Ciphers, ChaCha20-Poly1305: every page
//! of the file, the write-ahead log and the rollback journal), with a key derived from the profile
//! key the shell keeps in the platform keystore. Why whole-file encryption and not sealed rows:
//! research/sealing-at-rest.md.
//!
//! Before a read-write connection touches the file, this module decides what the file is and
//! makes it sealed: a missing file is created sealed (a log an interrupted erase left without
//! its profile is removed first), a plaintext profile from an earlier version is copied into a
//! sealed file beside it and renamed over it (never written in place), and a sealed file's key
//! is proved on a connection that cannot change a byte (`immutable=1`). A wrong or missing key
//! therefore leaves every file as it was.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use hmac::{Hmac, KeyInit, Mac};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use sha2::Sha256;

use crate::error::{Error, Result, reason};

/// The first 16 bytes of every plaintext SQLite file. A sealed file starts with a random salt.
const PLAINTEXT_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The suffix of the sealed copy made while a plaintext profile is upgraded.
const SEALING_SUFFIX: &str = ".sealing";

/// What SQLite keeps beside a profile: the write-ahead log, its index and the rollback journal.
const SIDE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// The profile key the shell keeps in the platform keystore: 32 random bytes, with the database
/// key derived from it once.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProfileKey {
    key: [u8; 32],
    /// The key SQLite encrypts the file with: derived from the profile key, so the file and the
    /// vault never share a key.
    database: [u8; 32],
}

impl std::fmt::Debug for ProfileKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProfileKey(..)")
    }
}

impl ProfileKey {
    /// The key from what the shell gave: refused unless it is exactly 32 bytes.
    pub(crate) fn new(bytes: &[u8]) -> Result<Self> {
        if bytes.is_empty() {
            return Err(Error::invalid("profile_key", reason::KEY_MISSING));
        }
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| Error::invalid("profile_key", reason::KEY_LENGTH))?;
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key)
            .expect("HMAC takes a key of any length");
        mac.update(b"waymark profile database v1");
        Ok(Self {
            key,
            database: mac.finalize().into_bytes().into(),
        })
    }

    /// The bytes, for the secrets sealed inside the profile (checkins/vault.rs).
    pub(crate) fn bytes(&self) -> [u8; 32] {
        self.key
    }

    /// The database key as SQLite takes a raw key (`x'…'`), so no password stretching runs at
    /// each open.
    fn raw_literal(&self) -> String {
        let hex: String = self
            .database
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        format!("x'{hex}'")
    }

    /// Gives the key to `conn`; must come before its first read.
    pub(crate) fn apply(&self, conn: &Connection) -> Result<()> {
        conn.execute_batch(&format!("PRAGMA key = \"{}\"", self.raw_literal()))?;
        Ok(())
    }
}

/// Every file the profile at `path` can have on disk: the profile, SQLite's side files, and an
/// interrupted upgrade's copy with its own side files.
pub(crate) fn profile_files(path: &Path) -> Vec<PathBuf> {
    let sealing = with_suffix(path, SEALING_SUFFIX);
    let mut files = vec![path.to_path_buf()];
    files.extend(SIDE_SUFFIXES.iter().map(|s| with_suffix(path, s)));
    files.extend(SIDE_SUFFIXES.iter().map(|s| with_suffix(&sealing, s)));
    files.push(sealing);
    files
}

/// Makes the file at `path` a sealed profile that `key` opens, or says why it cannot be: after
/// this, a read-write connection keyed with `key` sees the person's data.
pub(crate) fn prepare(path: &Path, key: &ProfileKey) -> Result<()> {
    remove_interrupted_upgrade(path)?;
    match found(path)? {
        Found::Nothing => Ok(()),
        Found::LogWithoutProfile => remove_side_files(path),
        Found::Plaintext => upgrade(path, key),
        Found::Foreign => Err(Error::unreadable(
            "not a Waymark profile: neither a plain nor an encrypted SQLite file",
            reason::PROFILE_NOT_WAYMARK,
        )),
        Found::Sealed => {
            let has_log = has_content(&with_suffix(path, "-wal"));
            prove_key(path, key, has_log)?;
            if has_log {
                check_log(path, key)?;
            }
            Ok(())
        }
    }
}

/// Opens `path` read-write with `key`, never checkpointing on close until the key has shown it
/// reads the file: a refused connection must not fold a stale log into the profile.
pub(crate) fn open_keyed(path: &Path, key: &ProfileKey) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    key.apply(&conn)?;
    // Before anything is written: a build that linked another SQLite (the platform's) would
    // ignore the key and write the profile in clear.
    check_cipher(&conn)?;
    read_schema(&conn).map_err(|error| not_a_database_means(error, sealed_log_unreadable))?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
    Ok(conn)
}

/// Whether the SQLite behind `conn` is the encrypting one, with its one cipher.
fn check_cipher(conn: &Connection) -> Result<()> {
    let cipher: Option<String> = conn
        .query_row("PRAGMA cipher", [], |row| row.get(0))
        .map_err(|_| Error::Bug("the profile's SQLite has no cipher"))?;
    if cipher.as_deref() != Some("chacha20") {
        return Err(Error::Bug("the profile's SQLite has no cipher"));
    }
    Ok(())
}

/// Checks, after the open, that the file on disk is not plaintext: the cipher was checked
/// before the first write (`open_keyed`), and this proves the key took.
pub(crate) fn check_sealed(path: &Path) -> Result<()> {
    if first_bytes(path)?.is_some_and(|header| header.starts_with(PLAINTEXT_MAGIC)) {
        return Err(Error::Bug("the profile was written without encryption"));
    }
    Ok(())
}

/// What is on disk at a profile's path, before it is opened: shells ask, so that they make a
/// new profile key only where no key can have been used yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ProfileAtRest {
    /// No profile yet: make a new key, then open.
    Missing,
    /// A profile an earlier version wrote unencrypted: make a new key, then open (the open
    /// encrypts it).
    Unencrypted,
    /// An encrypted profile: open it only with the key kept for it. Never make a new key for it:
    /// that would not open it.
    Encrypted,
    /// A file that is no profile: opening refuses it, whatever the key.
    NotAProfile,
}

/// What is at `path` now; a file that cannot be read is reported as a storage error.
pub(crate) fn at_rest(path: &Path) -> Result<ProfileAtRest> {
    Ok(match found(path)? {
        Found::Nothing | Found::LogWithoutProfile => ProfileAtRest::Missing,
        Found::Plaintext => ProfileAtRest::Unencrypted,
        Found::Sealed => ProfileAtRest::Encrypted,
        Found::Foreign => ProfileAtRest::NotAProfile,
    })
}

/// SQLite's own check of every page, index and constraint of the profile at `path`, read with
/// `profile_key` on a read-only connection: "ok", or what is wrong. For tools (`cargo xtask
/// crash`), not for shells.
pub fn integrity_check(path: &Path, profile_key: &[u8]) -> std::result::Result<String, String> {
    let key = ProfileKey::new(profile_key).map_err(|e| e.to_string())?;
    let conn = open_read_only(path, &key).map_err(|e| e.to_string())?;
    conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|e| e.to_string())
}

/// What is on disk at the profile's path.
enum Found {
    /// No profile yet (or an empty file SQLite has not written to).
    Nothing,
    /// A log without its profile: an erase stopped after removing the profile and before its
    /// log. Nothing can be read from it (SQLite ignores a log without its database), and the
    /// next open removes it and starts anew.
    LogWithoutProfile,
    /// A profile written by a version of Waymark that did not encrypt it.
    Plaintext,
    /// An encrypted profile.
    Sealed,
    /// Something else: not a profile at all.
    Foreign,
}

fn found(path: &Path) -> Result<Found> {
    match first_bytes(path)? {
        // SQLite itself deletes a log beside an empty database as stale when it opens one; here
        // that is what an erase stopped between the profile and its log leaves.
        None if has_content(&with_suffix(path, "-wal")) => Ok(Found::LogWithoutProfile),
        None => Ok(Found::Nothing),
        Some(header) if header.starts_with(PLAINTEXT_MAGIC) => Ok(Found::Plaintext),
        Some(header) if looks_sealed(&header) => Ok(Found::Sealed),
        Some(_) => Ok(Found::Foreign),
    }
}

/// Whether `header` is that of an encrypted SQLite file: sqlite3mc leaves bytes 16 to 23 of the
/// SQLite header in clear (page size, file format versions, reserved bytes per page, and the
/// three payload fractions SQLite requires to be 64, 32 and 32), so a file of other bytes is
/// told apart from a profile sealed with another key.
fn looks_sealed(header: &[u8; 24]) -> bool {
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u32::from(size),
    };
    page_size.is_power_of_two()
        && (512..=65_536).contains(&page_size)
        && matches!(header[18], 1 | 2)
        && matches!(header[19], 1 | 2)
        && header[21..24] == [64, 32, 32]
}

/// The first 24 bytes of `path`; None when it is missing or shorter.
fn first_bytes(path: &Path) -> Result<Option<[u8; 24]>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(io_error("read the profile's header", &error)),
    };
    let mut header = [0; 24];
    match file.read_exact(&mut header) {
        Ok(()) => Ok(Some(header)),
        Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(error) => Err(io_error("read the profile's header", &error)),
    }
}

fn has_content(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|meta| meta.len() > 0)
}

/// Proves `key` on a connection that reads the main file only and writes nothing, not even the
/// log's index: a wrong key changes no byte and no modification time.
///
/// A key that does not open page 1 is refused (every page carries its own authentication tag,
/// so no other key opens it). When the profile has a log, a main file that page 1 opens but
/// that is not whole on its own is no refusal: a checkpoint killed part way leaves exactly that
/// (it copies the log's pages in, page 1 first), and the file is whole again with its log,
/// which `check_log` then reads through.
fn prove_key(path: &Path, key: &ProfileKey, has_log: bool) -> Result<()> {
    let conn = Connection::open_with_flags(
        immutable_uri(path)?,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    key.apply(&conn)?;
    match read_schema(&conn) {
        Ok(_) => Ok(()),
        Err(error) if has_log && error.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt) => {
            Ok(())
        }
        Err(error) => Err(not_a_database_means(error, || {
            Error::invalid("profile_key", reason::KEY_WRONG)
        })),
    }
}

/// Reads every page through the log a killed session left, on a connection that cannot fold
/// the log into the profile: a page the key does not open (a stale log from another file, a
/// torn write) is found here, before a checkpoint could copy it into the profile.
fn check_log(path: &Path, key: &ProfileKey) -> Result<()> {
    let conn = open_read_only(path, key)?;
    let check: rusqlite::Result<String> =
        conn.query_row("PRAGMA quick_check", [], |row| row.get(0));
    match check {
        Ok(answer) if answer == "ok" => Ok(()),
        Ok(_) => Err(sealed_log_unreadable()),
        Err(error) => Err(not_a_database_means(error, sealed_log_unreadable)),
    }
}

/// A read-only connection to `path`, keyed with `key`, that never folds the log into the file
/// when it closes.
fn open_read_only(path: &Path, key: &ProfileKey) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    key.apply(&conn)?;
    Ok(conn)
}

/// Copies the plaintext profile into a sealed file beside it, checks the copy, and renames it
/// over the profile. The profile's own bytes are never written: a stop at any moment leaves the
/// old profile (and a partial copy the next open removes) or the new one, never a mix.
fn upgrade(path: &Path, key: &ProfileKey) -> Result<()> {
    let sealing = with_suffix(path, SEALING_SUFFIX);
    let plain = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Holds every other process off from the first read until this connection closes.
    plain.query_row("PRAGMA locking_mode = EXCLUSIVE", [], |_| Ok(()))?;
    read_schema(&plain)?;
    let copied = copy_sealed(&plain, &sealing, key)
        .and_then(|()| same_content(&plain, &open_read_only(&sealing, key)?));
    if let Err(error) = copied {
        drop(plain);
        remove_interrupted_upgrade(path)?;
        return Err(error);
    }
    sync_file(&sealing)?;
    // The last connection's close folds the log into the plaintext file and deletes it, so no
    // plaintext log is left to sit beside the sealed profile.
    plain.close().map_err(|(_, error)| Error::from(error))?;
    if with_suffix(path, "-wal").exists() {
        remove_interrupted_upgrade(path)?;
        return Err(Error::storage(
            "the plaintext profile's log was left after closing it",
            reason::STORAGE_BUSY,
        ));
    }
    // An index left by an earlier session that was killed: page numbers only, and no longer
    // true of the file.
    remove_if_present(&with_suffix(path, "-shm"))?;
    fs::rename(&sealing, path).map_err(|error| io_error("rename the sealed profile", &error))?;
    sync_folder(path)
}

/// Writes a compact, sealed copy of `plain` to `sealing` in one statement: no plaintext page
/// ever reaches the copy.
fn copy_sealed(plain: &Connection, sealing: &Path, key: &ProfileKey) -> Result<()> {
    let target = format!(
        "file:{}?key={}",
        uri_path(sealing)?,
        key.raw_literal().replace('\'', "%27")
    );
    plain.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

/// The copy holds what the original holds: the same schema version, a sound file, and the same
/// number of rows in every table.
fn same_content(plain: &Connection, sealed: &Connection) -> Result<()> {
    let different = || {
        Error::storage(
            "the sealed copy differs from the profile",
            reason::STORAGE_FAILED,
        )
    };
    let version = |conn: &Connection| -> Result<i64> {
        Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
    };
    if version(plain)? != version(sealed)? {
        return Err(different());
    }
    let check: String = sealed.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(different());
    }
    let tables: Vec<String> = {
        let mut statement =
            plain.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?;
        statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    for table in tables {
        // The names come from SQLite's own schema, quoted as identifiers.
        let count = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
        let rows = |conn: &Connection| -> Result<i64> {
            Ok(conn.query_row(&count, [], |row| row.get(0))?)
        };
        if rows(plain)? != rows(sealed)? {
            return Err(different());
        }
    }
    Ok(())
}

/// Removes what an upgrade stopped half-way left: the partial sealed copy and its side files.
/// The profile itself is whole, since the upgrade never writes it.
fn remove_interrupted_upgrade(path: &Path) -> Result<()> {
    let sealing = with_suffix(path, SEALING_SUFFIX);
    let mut leftovers = vec![sealing.clone()];
    leftovers.extend(SIDE_SUFFIXES.iter().map(|s| with_suffix(&sealing, s)));
    for file in leftovers {
        remove_if_present(&file)?;
    }
    Ok(())
}

/// Removes SQLite's files beside the profile at `path`: what an erase stopped half-way left.
fn remove_side_files(path: &Path) -> Result<()> {
    for suffix in SIDE_SUFFIXES {
        remove_if_present(&with_suffix(path, suffix))?;
    }
    Ok(())
}

/// Removes every file of the profile at `path` (`profile_files`), opened by no one here.
pub(crate) fn erase_files(path: &Path) -> Result<()> {
    for file in profile_files(path) {
        remove_if_present(&file)?;
    }
    Ok(())
}

/// Deletes `file` if it exists.
pub(crate) fn remove_if_present(file: &Path) -> Result<()> {
    match fs::remove_file(file) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(io_error("remove a profile file", &error)),
    }
}

fn read_schema(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
}

/// `error`, or `instead()` when SQLite found the file is not a database it can read.
fn not_a_database_means(error: rusqlite::Error, instead: impl FnOnce() -> Error) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => instead(),
        _ => error.into(),
    }
}

fn sealed_log_unreadable() -> Error {
    Error::unreadable(
        "the profile's log cannot be read with this key",
        reason::PROFILE_DAMAGED,
    )
}

fn immutable_uri(path: &Path) -> Result<String> {
    Ok(format!("file:{}?immutable=1", uri_path(path)?))
}

/// `path` as the path of a `file:` URI: absolute, with the characters a URI gives meaning to
/// escaped.
fn uri_path(path: &Path) -> Result<String> {
    let absolute =
        std::path::absolute(path).map_err(|error| io_error("find the profile's folder", &error))?;
    let text = absolute.to_str().ok_or_else(|| {
        Error::storage(
            "the profile's path is not Unicode",
            reason::STORAGE_CANNOT_OPEN,
        )
    })?;
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' | '?' | '#' | '\'' | '"' | ' ' => escaped.push_str(&format!("%{:02X}", ch as u32)),
            '\\' => escaped.push('/'),
            _ => escaped.push(ch),
        }
    }
    Ok(escaped)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn sync_file(path: &Path) -> Result<()> {
    File::open(path)
        .and_then(|file| file.sync_all())
        .map_err(|error| io_error("write the sealed profile to disk", &error))
}

/// Makes the rename durable: on POSIX a rename is in the folder's own data.
fn sync_folder(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        File::open(folder)
            .and_then(|dir| dir.sync_all())
            .map_err(|error| io_error("write the profile's folder to disk", &error))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// A file-system failure as a storage error; the English names the step, never the path.
fn io_error(step: &str, error: &std::io::Error) -> Error {
    let shown = match error.kind() {
        std::io::ErrorKind::PermissionDenied => reason::STORAGE_NO_PERMISSION,
        std::io::ErrorKind::StorageFull => reason::STORAGE_FULL,
        std::io::ErrorKind::ReadOnlyFilesystem => reason::STORAGE_READ_ONLY,
        _ => reason::STORAGE_FAILED,
    };
    Error::storage(format!("could not {step}: {}", error.kind()), shown)
}
