//! Why the profile could not be opened or written, told plainly.
//!
//! SQLite reports a full disk or a read-only file system in several ways: opening a profile on
//! a full disk fails as an input/output error (the write-ahead log's index cannot grow), a
//! read-only one as "cannot open". A person needs to know which, because each has its own fix.
//! So when such an error comes back, the profile's folder is probed with a small file of its
//! own, which the operating system answers exactly, and the probe is removed again.

use std::io::{ErrorKind, Write};
use std::path::Path;

use crate::error::{Error, Reason, reason};

/// How much the probe writes: about what a check-in or a contact needs in the log.
const PROBE_BYTES: usize = 64 * 1024;

/// `error`, or a clearer storage error when probing `folder` shows the disk is full, read-only
/// or not writable for this app.
pub(crate) fn explain(error: Error, folder: &Path) -> Error {
    use rusqlite::ErrorCode as Code;
    let Error::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) = &error else {
        return error;
    };
    let storage_failure = matches!(
        failure.code,
        Code::SystemIoFailure
            | Code::CannotOpen
            | Code::ReadOnly
            | Code::DiskFull
            | Code::PermissionDenied
    );
    if !storage_failure {
        return error;
    }
    match probe(folder) {
        Some((reason, shown)) => Error::storage(reason, shown),
        None => error,
    }
}

/// What writing a file in `folder` says about it, if it fails: in English for bug reports, and
/// the key of the words the person reads.
fn probe(folder: &Path) -> Option<(&'static str, Reason)> {
    let path = folder.join(format!(".waymark-probe-{}", std::process::id()));
    let written = std::fs::File::create_new(&path).and_then(|mut file| {
        file.write_all(&[0; PROBE_BYTES])?;
        file.sync_all()
    });
    let _ = std::fs::remove_file(&path);
    let kind = written.err()?.kind();
    Some(match kind {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
            "the storage is full: free some space, then try again (nothing was changed)",
            reason::STORAGE_FULL,
        ),
        ErrorKind::ReadOnlyFilesystem => (
            "the profile is on read-only storage, where Waymark cannot use it: make the storage writable or move the profile (nothing was changed)",
            reason::STORAGE_READ_ONLY,
        ),
        ErrorKind::PermissionDenied => (
            "this app may not write in the profile's folder (nothing was changed)",
            reason::STORAGE_NO_PERMISSION,
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writable_folder_keeps_the_original_error() {
        let dir = tempfile::tempdir().unwrap();
        let error = Error::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
            None,
        ));
        let explained = explain(error, dir.path());
        assert!(matches!(explained, Error::Sqlite(_)), "{explained:?}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "the probe was left behind"
        );
    }

    #[test]
    fn other_errors_are_not_probed() {
        let error = Error::Crypto("seal");
        assert!(matches!(
            explain(error, Path::new("/nonexistent")),
            Error::Crypto(_)
        ));
    }
}
