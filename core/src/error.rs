//! Errors: an internal [`Error`] that carries library errors, and the public [`WaymarkError`]
//! that crosses the FFI with a few actionable variants.
//!
//! Neither ever holds personal data: messages name the field or the kind of failure, never a
//! value the person typed.

/// The error every public call can return. Shells show `reason` (or their own text per variant);
/// it never contains personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum WaymarkError {
    /// An argument was rejected; nothing was changed.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The name of the argument or form field that was wrong.
        field: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The thing asked for does not exist (an unknown article, contact or checklist item).
    #[error("no {what} with id {id:?}")]
    NotFound {
        /// The kind of thing, e.g. "article".
        what: String,
        /// The id that was asked for.
        id: String,
    },
    /// The profile file exists but cannot be used: it is not a Waymark profile, it is damaged, or
    /// it was written by a newer version of Waymark.
    #[error("the profile cannot be opened: {reason}")]
    ProfileUnreadable {
        /// Why, in words a person can act on.
        reason: String,
    },
    /// Reading or writing the profile failed (disk full, permission denied, file locked).
    #[error("storage failed: {reason}")]
    Storage {
        /// Why, in words a person can act on.
        reason: String,
    },
    /// A content pack was refused; the active content is unchanged.
    #[error("content rejected: {reason}")]
    ContentRejected {
        /// Which check refused it.
        kind: crate::content::PackRejection,
        /// What was wrong with the pack.
        reason: String,
    },
    /// A bug in Waymark. Please report it.
    #[error("internal error: {reason}")]
    Internal {
        /// A description for the bug report.
        reason: String,
    },
}

/// Internal error type; converted into [`WaymarkError`] at the public boundary.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    #[error(transparent)]
    Public(#[from] WaymarkError),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("content: {0}")]
    Content(String),
    /// A cryptographic operation or the system's random source failed (names the step).
    #[error("crypto: {0}")]
    Crypto(&'static str),
    /// Something stored in the profile cannot be read back (names what, never its value).
    #[error("stored {0} is damaged")]
    Stored(String),
}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn invalid(field: &str, reason: impl Into<String>) -> Self {
        WaymarkError::InvalidInput {
            field: field.to_owned(),
            reason: reason.into(),
        }
        .into()
    }

    pub(crate) fn not_found(what: &str, id: impl Into<String>) -> Self {
        WaymarkError::NotFound {
            what: what.to_owned(),
            id: id.into(),
        }
        .into()
    }
}

impl From<Error> for WaymarkError {
    fn from(error: Error) -> Self {
        match error {
            Error::Public(public) => public,
            Error::Sqlite(sqlite) => sqlite_to_public(&sqlite),
            Error::Stored(what) => WaymarkError::ProfileUnreadable {
                reason: format!("{what} in the profile is damaged"),
            },
            Error::Crypto(step) => WaymarkError::Internal {
                reason: format!("{step} failed"),
            },
            Error::Content(reason) => WaymarkError::Internal {
                reason: format!("embedded content: {reason}"),
            },
        }
    }
}

/// Maps SQLite failures to words a person can act on. SQLite's own messages are not passed on:
/// some quote values from the statement.
fn sqlite_to_public(error: &rusqlite::Error) -> WaymarkError {
    use rusqlite::ErrorCode as Code;
    let code = match error {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.code),
        _ => None,
    };
    match code {
        Some(Code::NotADatabase) => WaymarkError::ProfileUnreadable {
            reason: "the file is not a Waymark profile, or it is damaged".into(),
        },
        Some(Code::DatabaseCorrupt) => WaymarkError::ProfileUnreadable {
            reason: "the profile file is damaged".into(),
        },
        Some(Code::CannotOpen) => WaymarkError::Storage {
            reason:
                "the profile cannot be opened as a file (check that the path names a file, not a folder, in a folder that exists and is writable)"
                    .into(),
        },
        Some(Code::PermissionDenied) | Some(Code::ReadOnly) => WaymarkError::Storage {
            reason: "permission denied".into(),
        },
        Some(Code::DiskFull) => WaymarkError::Storage {
            reason: "the disk is full".into(),
        },
        Some(Code::DatabaseBusy) | Some(Code::DatabaseLocked) => WaymarkError::Storage {
            reason: "the profile is in use by another program".into(),
        },
        Some(Code::SystemIoFailure) => WaymarkError::Storage {
            reason: "input/output error".into(),
        },
        Some(other) => WaymarkError::Storage {
            reason: format!("database error ({other:?})"),
        },
        None => WaymarkError::Internal {
            reason: format!("database: {}", error_kind(error)),
        },
    }
}

/// A short, value-free name for a non-SQLite rusqlite error.
fn error_kind(error: &rusqlite::Error) -> &'static str {
    match error {
        rusqlite::Error::QueryReturnedNoRows => "no rows",
        rusqlite::Error::InvalidColumnType(..) => "invalid column type",
        rusqlite::Error::FromSqlConversionFailure(..) => "value conversion failed",
        rusqlite::Error::IntegralValueOutOfRange(..) => "value out of range",
        _ => "unexpected error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_messages_never_reach_the_public_error() {
        let failure = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
            Some("UNIQUE constraint failed: secret value 'Anna'".into()),
        );
        let public = WaymarkError::from(Error::from(failure));
        assert!(!public.to_string().contains("Anna"), "{public}");
        assert!(matches!(public, WaymarkError::Storage { .. }));
    }

    #[test]
    fn not_a_database_is_reported_as_unreadable_profile() {
        let failure = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB),
            None,
        );
        assert!(matches!(
            WaymarkError::from(Error::from(failure)),
            WaymarkError::ProfileUnreadable { .. }
        ));
    }
}
