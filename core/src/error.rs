//! Errors: an internal [`Error`] that carries library errors, and the public [`WaymarkError`]
//! that crosses the FFI with a few actionable variants.
//!
//! Neither ever holds personal data: messages name the field or the kind of failure, never a
//! value the person typed.
//!
//! The bottom of the core: this file imports nothing of the crate. What an error says to the
//! person (an invalid input's reason, every variant's `shown`) is a key of the content's
//! interface strings; the caller puts it into words in the person's language
//! (`content/reasons.rs`), so the errors need not know the content.

/// The error every public call can return. Every variant carries `shown`: what to show the
/// person, in their language. Shells show it as given; the other fields are English details for
/// bug reports and for shells and tests that tell the cases apart. None holds personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum WaymarkError {
    /// An argument was rejected; nothing was changed.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The name of the argument or form field that was wrong.
        field: String,
        /// What was wrong with it, in the person's language, worded to stand next to the field.
        reason: String,
        /// What to show the person, in their language; no personal data. For an invalid input
        /// it is the same words as `reason`.
        shown: String,
    },
    /// The thing asked for does not exist (an unknown article, contact or checklist item).
    #[error("no {what} with id {id:?}")]
    NotFound {
        /// The kind of thing, e.g. "article" (English, for bug reports).
        what: String,
        /// The id that was asked for (for bug reports; never shown to the person).
        id: String,
        /// What to show the person, in their language; no personal data.
        shown: String,
    },
    /// The profile file exists but cannot be used: it is not a Waymark profile, it is damaged, or
    /// it was written by a newer version of Waymark.
    #[error("the profile cannot be opened: {reason}")]
    ProfileUnreadable {
        /// Why, in English, for bug reports.
        reason: String,
        /// What to show the person, in their language; no personal data.
        shown: String,
    },
    /// Reading or writing the profile failed (disk full, permission denied, file locked).
    #[error("storage failed: {reason}")]
    Storage {
        /// Why, in English, for bug reports.
        reason: String,
        /// What to show the person, in their language; no personal data.
        shown: String,
    },
    /// A content pack was refused; the active content is unchanged.
    #[error("content rejected: {reason}")]
    ContentRejected {
        /// Which check refused it.
        kind: PackRejection,
        /// What was wrong with the pack, in English, for bug reports.
        reason: String,
        /// What to show the person, in their language; no personal data.
        shown: String,
    },
    /// A bug in Waymark. Please report it.
    #[error("internal error: {reason}")]
    Internal {
        /// A description for the bug report, in English.
        reason: String,
        /// What to show the person, in their language; no personal data.
        shown: String,
    },
}

impl WaymarkError {
    /// What to show the person, whichever the variant.
    pub fn shown(&self) -> &str {
        match self {
            WaymarkError::InvalidInput { shown, .. }
            | WaymarkError::NotFound { shown, .. }
            | WaymarkError::ProfileUnreadable { shown, .. }
            | WaymarkError::Storage { shown, .. }
            | WaymarkError::ContentRejected { shown, .. }
            | WaymarkError::Internal { shown, .. } => shown,
        }
    }
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

/// Why an input was refused, or what another failure says to the person: the key of its text in
/// `ui.toml`, so the person reads it in their language. Only [`reason`] makes them, so a key the
/// content lacks cannot be written.
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

/// Every reason an input can be refused for, and the words of every other failure.
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
        PIN_NEEDED = "reason_pin_needed",
        NO_PLAN_CHANGE = "reason_no_plan_change",
        PINS_CHANGED_ELSEWHERE = "reason_pins_changed_elsewhere",
        NO_PLAN = "reason_no_plan",
        DATE_FORMAT = "reason_date_format",
        DATE_TIME_FORMAT = "reason_date_time_format",
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
        PAUSE_IN_PAST = "reason_pause_in_past",
        PAUSE_TOO_LONG = "reason_pause_too_long",
        EXTEND_NOT_LATER = "reason_extend_not_later",
        EXTEND_TOO_FAR = "reason_extend_too_far",
        TRIP_ENDED = "reason_trip_ended",
        // What the other failures say to the person (`WaymarkError`'s `shown`).
        NOT_FOUND = "error_not_found",
        NOT_FOUND_ARTICLE = "error_not_found_article",
        NOT_FOUND_CONTACT = "error_not_found_contact",
        NOT_FOUND_CHECKLIST_ITEM = "error_not_found_checklist_item",
        NO_QR_CODE = "error_no_qr_code",
        PROFILE_NOT_WAYMARK = "error_profile_not_waymark",
        PROFILE_DAMAGED = "error_profile_damaged",
        PROFILE_NEWER = "error_profile_newer",
        STORAGE_FULL = "error_storage_full",
        STORAGE_READ_ONLY = "error_storage_read_only",
        STORAGE_NO_PERMISSION = "error_storage_no_permission",
        STORAGE_CANNOT_OPEN = "error_storage_cannot_open",
        STORAGE_BUSY = "error_storage_busy",
        STORAGE_FAILED = "error_storage_failed",
        PACK_BAD_FORMAT = "error_pack_bad_format",
        PACK_TOO_LARGE = "error_pack_too_large",
        PACK_TRUNCATED = "error_pack_truncated",
        PACK_UNSIGNED = "error_pack_unsigned",
        PACK_UNTRUSTED_KEY = "error_pack_untrusted_key",
        PACK_BAD_SIGNATURE = "error_pack_bad_signature",
        PACK_NOT_NEWER = "error_pack_not_newer",
        PACK_NEEDS_NEWER_APP = "error_pack_needs_newer_app",
        PACK_INVALID_CONTENT = "error_pack_invalid_content",
        INTERNAL = "error_internal",
    }
}

/// Internal error type; converted into [`WaymarkError`] at the public boundary, by
/// `Waymark::call` in the profile's language or in English where there is no profile
/// (`content/reasons.rs`). Each variant knows the [`Reason`] it shows the person, so the words
/// are chosen where the failure is understood and written where the language is known.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// An error a public call already put into words (a free function called from a method).
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
    /// The thing asked for does not exist; `what` is English, for bug reports.
    #[error("no {what} with id {id:?}")]
    NotFound { what: &'static str, id: String },
    /// The profile cannot be used (`storage` false) or reading or writing it failed (`storage`
    /// true); `reason` is English, for bug reports, `shown` what the person reads.
    #[error("profile: {reason}")]
    Profile {
        reason: String,
        shown: Reason,
        storage: bool,
    },
    /// A content pack was refused; `reason` is English, for bug reports.
    #[error("content rejected: {reason}")]
    Rejected { kind: PackRejection, reason: String },
    /// A bug: a state the code should never reach (names it, never a value).
    #[error("internal: {0}")]
    Bug(&'static str),
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

    /// The profile cannot be used: `reason` in English for bug reports, `shown` for the person.
    pub(crate) fn unreadable(reason: impl Into<String>, shown: Reason) -> Self {
        Error::Profile {
            reason: reason.into(),
            shown,
            storage: false,
        }
    }

    /// Reading or writing the profile failed: `reason` in English, `shown` for the person.
    pub(crate) fn storage(reason: impl Into<String>, shown: Reason) -> Self {
        Error::Profile {
            reason: reason.into(),
            shown,
            storage: true,
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

    /// The public error, its words for the person written by `words` (the content's text for
    /// the key with its placeholders filled, in the person's language).
    pub(crate) fn public(
        self,
        words: impl FnOnce(Reason, &[(&str, &str)]) -> String,
    ) -> WaymarkError {
        match self {
            Error::Public(public) => public,
            Error::Invalid {
                field,
                reason,
                args,
            } => {
                let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
                let reason = words(reason, &args);
                WaymarkError::InvalidInput {
                    field,
                    shown: reason.clone(),
                    reason,
                }
            }
            Error::NotFound { what, id } => WaymarkError::NotFound {
                what: what.to_owned(),
                id,
                shown: words(not_found_words(what), &[]),
            },
            Error::Profile {
                reason,
                shown,
                storage: false,
            } => WaymarkError::ProfileUnreadable {
                reason,
                shown: words(shown, &[]),
            },
            Error::Profile { reason, shown, .. } => WaymarkError::Storage {
                reason,
                shown: words(shown, &[]),
            },
            Error::Rejected { kind, reason } => WaymarkError::ContentRejected {
                kind,
                reason,
                shown: words(rejection_words(kind), &[]),
            },
            Error::Sqlite(sqlite) => sqlite_to_public(&sqlite).public(words),
            Error::Stored(what) => Error::unreadable(
                format!("{what} in the profile is damaged"),
                reason::PROFILE_DAMAGED,
            )
            .public(words),
            Error::Crypto(step) => WaymarkError::Internal {
                reason: format!("{step} failed"),
                shown: words(reason::INTERNAL, &[]),
            },
            Error::Bug(what) => WaymarkError::Internal {
                reason: what.to_owned(),
                shown: words(reason::INTERNAL, &[]),
            },
            Error::Content(reason) => WaymarkError::Internal {
                reason: format!("embedded content: {reason}"),
                shown: words(reason::INTERNAL, &[]),
            },
        }
    }

    /// The public error with the key of its words as `shown`: only when the embedded content
    /// itself is broken, and there are no words to give; the key is better than nothing.
    pub(crate) fn without_words(self) -> WaymarkError {
        self.public(|reason, _| reason.key().to_owned())
    }

    pub(crate) fn not_found(what: &'static str, id: impl Into<String>) -> Self {
        Error::NotFound {
            what,
            id: id.into(),
        }
    }
}

/// What a person reads when `what` is not found: the things a person opens by tapping have
/// their own words, the rest share a general text.
fn not_found_words(what: &str) -> Reason {
    match what {
        "article" => reason::NOT_FOUND_ARTICLE,
        "contact" => reason::NOT_FOUND_CONTACT,
        "checklist item" => reason::NOT_FOUND_CHECKLIST_ITEM,
        "qr code" => reason::NO_QR_CODE,
        _ => reason::NOT_FOUND,
    }
}

/// What a person reads when a content pack is refused by `kind`.
fn rejection_words(kind: PackRejection) -> Reason {
    match kind {
        PackRejection::BadFormat => reason::PACK_BAD_FORMAT,
        PackRejection::TooLarge => reason::PACK_TOO_LARGE,
        PackRejection::Truncated => reason::PACK_TRUNCATED,
        PackRejection::Unsigned => reason::PACK_UNSIGNED,
        PackRejection::UntrustedKey => reason::PACK_UNTRUSTED_KEY,
        PackRejection::BadSignature => reason::PACK_BAD_SIGNATURE,
        PackRejection::NotNewer => reason::PACK_NOT_NEWER,
        PackRejection::NeedsNewerCore => reason::PACK_NEEDS_NEWER_APP,
        PackRejection::InvalidContent => reason::PACK_INVALID_CONTENT,
    }
}

/// Maps SQLite failures to words a person can act on. SQLite's own messages are not passed on:
/// some quote values from the statement.
fn sqlite_to_public(error: &rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as Code;
    let code = match error {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.code),
        _ => None,
    };
    match code {
        Some(Code::NotADatabase) => Error::unreadable(
            "the file is not a Waymark profile, or it is damaged",
            reason::PROFILE_NOT_WAYMARK,
        ),
        Some(Code::DatabaseCorrupt) => {
            Error::unreadable("the profile file is damaged", reason::PROFILE_DAMAGED)
        }
        Some(Code::CannotOpen) => Error::storage(
            "the profile cannot be opened as a file (check that the path names a file, not a folder, in a folder that exists and is writable)",
            reason::STORAGE_CANNOT_OPEN,
        ),
        Some(Code::PermissionDenied) | Some(Code::ReadOnly) => {
            Error::storage("permission denied", reason::STORAGE_NO_PERMISSION)
        }
        Some(Code::DiskFull) => Error::storage("the disk is full", reason::STORAGE_FULL),
        Some(Code::DatabaseBusy) | Some(Code::DatabaseLocked) => Error::storage(
            "the profile is in use by another program",
            reason::STORAGE_BUSY,
        ),
        Some(Code::SystemIoFailure) => Error::storage("input/output error", reason::STORAGE_FAILED),
        Some(other) => Error::storage(
            format!("database error ({other:?})"),
            reason::STORAGE_FAILED,
        ),
        None => Error::Bug(error_kind(error)),
    }
}

/// A short, value-free name for a non-SQLite rusqlite error.
fn error_kind(error: &rusqlite::Error) -> &'static str {
    match error {
        rusqlite::Error::QueryReturnedNoRows => "database: no rows",
        rusqlite::Error::InvalidColumnType(..) => "database: invalid column type",
        rusqlite::Error::FromSqlConversionFailure(..) => "database: value conversion failed",
        rusqlite::Error::IntegralValueOutOfRange(..) => "database: value out of range",
        _ => "database: unexpected error",
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
