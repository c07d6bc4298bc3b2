//! Errors: an internal [`Error`] that carries library errors, and the public [`WaymarkError`]
//! that crosses the FFI with a few actionable variants.
//!
//! Neither ever holds personal data: messages name the field or the kind of failure, never a
//! value the person typed.
//!
//! The bottom of the core: this file imports nothing of the crate. An invalid input's reason is
//! a key of the content's interface strings; the caller puts it into words
//! (`content/reasons.rs`), so the errors need not know the content.

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
        kind: PackRejection,
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

/// Which check refused a content pack, so a shell can word it (the error's `reason` gives the
/// details in English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, uniffi::Enum)]
pub enum PackRejection {
    /// Not a Waymark content pack, or a pack format this version cannot read.
    BadFormat,
    /// Larger than a content pack may be.
    TooLarge,
    /// The file ends early: it was cut off while copying or downloading.
    Truncated,
    /// The pack carries no signature.
    Unsigned,
    /// Signed by a key this app does not trust.
    UntrustedKey,
    /// The signature does not match: the pack was changed after it was signed.
    BadSignature,
    /// Not newer than the content in use.
    NotNewer,
    /// Made for a newer version of Waymark; update the app first.
    NeedsNewerCore,
    /// The content itself is invalid (a missing text, a broken link, ...).
    InvalidContent,
}

/// Why an input was refused: the key of its text in `ui.toml`, so the person reads it in their
/// language. Only [`reason`] makes them, so a key the content lacks cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reason(&'static str);

impl Reason {
    /// The `ui.toml` key of the text.
    pub(crate) fn key(self) -> &'static str {
        self.0
    }
}

/// Declares each reason once, and the list the content test checks against `KEYS`.
macro_rules! reasons {
    ($($name:ident = $key:literal,)*) => {
        $(pub(crate) const $name: Reason = Reason($key);)*
        /// Every reason, for the test that each is an interface key.
        #[cfg(test)]
        pub(crate) const ALL: &[Reason] = &[$($name),*];
    };
}

/// Every reason an input can be refused for.
pub(crate) mod reason {
    use super::Reason;

    reasons! {
        BLANK = "reason_blank",
        WHOLE_NUMBER = "reason_whole_number",
        TOO_LONG = "reason_too_long",
        SINGLE_LINE = "reason_single_line",
        NO_CONTROL_CHARACTERS = "reason_no_control_characters",
        EMPTY = "reason_empty",
        CHECKLIST_FULL = "reason_checklist_full",
        BUILT_IN_ITEM = "reason_built_in_item",
        OFFERS_FULL = "reason_offers_full",
        UNKNOWN_QUESTION = "reason_unknown_question",
        QUESTION_TWICE = "reason_question_twice",
        STATEMENT_UNANSWERED = "reason_statement_unanswered",
        STATEMENT_TWICE = "reason_statement_twice",
        UNKNOWN_STATEMENT = "reason_unknown_statement",
        PIN_DIGITS = "reason_pin_digits",
        PINS_SAME = "reason_pins_same",
        PINS_ALREADY_SET = "reason_pins_already_set",
        PINS_NOT_SET = "reason_pins_not_set",
        WRONG_PIN = "reason_wrong_pin",
        PINS_CHANGED_ELSEWHERE = "reason_pins_changed_elsewhere",
        NO_PLAN = "reason_no_plan",
        DATE_FORMAT = "reason_date_format",
        DAY_MISSING_IN_ZONE = "reason_day_missing_in_zone",
        KEY_WRONG = "reason_key_wrong",
        KEY_LENGTH = "reason_key_length",
        KEY_MISSING = "reason_key_missing",
        COUNTRY_CODE = "reason_country_code",
        TIME_ZONE_UNKNOWN = "reason_time_zone_unknown",
        TIME_ZONE_NO_DATABASE = "reason_time_zone_no_database",
        TIMES_FORMAT = "reason_times_format",
        ENDS_BEFORE_START = "reason_ends_before_start",
        WINDOW_RANGE = "reason_window_range",
        GRACE_RANGE = "reason_grace_range",
        NO_DAYS = "reason_no_days",
        NO_TIMES = "reason_no_times",
        EVERY_HOURS_RANGE = "reason_every_hours_range",
        WINDOWS_OVERLAP = "reason_windows_overlap",
        TOO_MANY_CHECKINS = "reason_too_many_checkins",
        PLAN_SEALED = "reason_plan_sealed",
        WRONG_PASSPHRASE = "reason_wrong_passphrase",
        PASSPHRASE_SHORT = "reason_passphrase_short",
        NOT_A_PLAN = "reason_not_a_plan",
        PLAN_FROM_NEWER_APP = "reason_plan_from_newer_app",
        PLAN_DAMAGED = "reason_plan_damaged",
        PLAN_CONTENTS = "reason_plan_contents",
        PLAN_FIELD = "reason_plan_field",
        QUERY_NO_WORDS = "reason_query_no_words",
        LANGUAGE_CODE = "reason_language_code",
        PHONE_COUNTRY = "reason_phone_country",
        PHONE_EMPTY = "reason_phone_empty",
        PHONE_TOO_LONG = "reason_phone_too_long",
        PHONE_DIALLING_CODE = "reason_phone_dialling_code",
        PHONE_TOO_SHORT = "reason_phone_too_short",
        PHONE_TOO_MANY_DIGITS = "reason_phone_too_many_digits",
        PHONE_NOT_A_NUMBER = "reason_phone_not_a_number",
        PHONE_INVALID = "reason_phone_invalid",
        PHONE_DUPLICATE = "reason_phone_duplicate",
        CONTACTS_FULL = "reason_contacts_full",
        NAME_BLANK = "reason_name_blank",
        CONTACT_TOO_LONG = "reason_contact_too_long",
        QR_TOO_LONG = "reason_qr_too_long",
        QR_UNDRAWABLE = "reason_qr_undrawable",
        QR_FRAME_SIZE = "reason_qr_frame_size",
        QR_FRAME_BYTES = "reason_qr_frame_bytes",
        MESSAGE_CODE_ONCE = "reason_message_code_once",
        MESSAGE_TOO_LONG = "reason_message_too_long",
    }
}

/// Internal error type; converted into [`WaymarkError`] at the public boundary, by
/// `Waymark::call` in the profile's language or in English where there is no profile
/// (`content/reasons.rs`).
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    #[error(transparent)]
    Public(#[from] WaymarkError),
    /// An argument was refused; `reason` becomes words only once the language is known.
    #[error("invalid {field}: {}", reason.key())]
    Invalid {
        field: String,
        reason: Reason,
        /// Values for the text's `{name}` placeholders.
        args: Vec<(&'static str, String)>,
    },
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
    pub(crate) fn invalid(field: &str, reason: Reason) -> Self {
        Self::invalid_with(field, reason, &[])
    }

    /// An invalid input whose reason has `{name}` placeholders.
    pub(crate) fn invalid_with(
        field: &str,
        reason: Reason,
        args: &[(&'static str, String)],
    ) -> Self {
        Error::Invalid {
            field: field.to_owned(),
            reason,
            args: args.to_vec(),
        }
    }

    /// The field an invalid input names, for tests of internal calls.
    #[cfg(test)]
    pub(crate) fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The public error, an invalid input's reason put into words by `words` (the content's
    /// text for the key with its placeholders filled, in the person's language).
    pub(crate) fn public(
        self,
        words: impl FnOnce(Reason, &[(&str, &str)]) -> String,
    ) -> WaymarkError {
        match self {
            Error::Invalid {
                field,
                reason,
                args,
            } => {
                let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
                WaymarkError::InvalidInput {
                    field,
                    reason: words(reason, &args),
                }
            }
            other => other.without_words(),
        }
    }

    /// The public error with an invalid input's reason as its key: every variant but `Invalid`
    /// has words that do not depend on the language.
    pub(crate) fn without_words(self) -> WaymarkError {
        match self {
            Error::Public(public) => public,
            // Only when the embedded content itself is broken: the key is better than nothing.
            Error::Invalid { field, reason, .. } => WaymarkError::InvalidInput {
                field,
                reason: reason.key().to_owned(),
            },
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

    pub(crate) fn not_found(what: &str, id: impl Into<String>) -> Self {
        WaymarkError::NotFound {
            what: what.to_owned(),
            id: id.into(),
        }
        .into()
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
        let public = Error::from(failure).without_words();
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
            Error::from(failure).without_words(),
            WaymarkError::ProfileUnreadable { .. }
        ));
    }
}
