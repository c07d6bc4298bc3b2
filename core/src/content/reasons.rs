//! An error as the shell sees it: what it says to the person, a key of the interface strings,
//! put into words here, where the words are. The errors themselves (error.rs) know no content.

use super::default_pack::default_pack;
use super::ui::Ui;
use crate::error::{Error, WaymarkError};

/// The public error, its words for the person in the language of `ui`.
pub(crate) fn public(error: Error, ui: &Ui<'_>) -> WaymarkError {
    error.public(|reason, args| ui.format(reason.key(), args))
}

/// The public error in English, for the few calls made without a profile (and so without a
/// language).
pub(crate) fn english(error: Error) -> WaymarkError {
    match default_pack() {
        Ok(pack) => match pack.chain("en") {
            Ok(chain) => public(error, &Ui::new(&pack, &chain)),
            Err(_) => error.without_words(),
        },
        Err(_) => error.without_words(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::error::{PackRejection, Reason, reason};
    use crate::{Waymark, WaymarkOptions};

    /// Ids and values the samples carry; none may reach the words a person reads.
    const SECRET_ID: &str = "id-4711-Anna";

    /// One internal error of every kind the core makes, each becoming a public variant.
    fn samples() -> Vec<Error> {
        let sqlite = |code| {
            Error::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                Some(format!("UNIQUE constraint failed: {SECRET_ID}")),
            ))
        };
        let mut all = vec![
            Error::invalid("name", reason::BLANK),
            Error::invalid_with("name", reason::TOO_LONG, &[("max", "80".into())]),
            Error::Stored(format!("contact {SECRET_ID}")),
            Error::Crypto("seal"),
            Error::Bug("the QR reader stopped without an answer"),
            Error::Content(format!("en/guide.toml: {SECRET_ID}")),
            Error::Sqlite(rusqlite::Error::QueryReturnedNoRows),
            Error::unreadable("newer", reason::PROFILE_NEWER),
            Error::storage("full", reason::STORAGE_FULL),
            Error::storage("read-only", reason::STORAGE_READ_ONLY),
            Error::storage("no permission", reason::STORAGE_NO_PERMISSION),
        ];
        for code in [
            rusqlite::ffi::SQLITE_NOTADB,
            rusqlite::ffi::SQLITE_CORRUPT,
            rusqlite::ffi::SQLITE_CANTOPEN,
            rusqlite::ffi::SQLITE_PERM,
            rusqlite::ffi::SQLITE_READONLY,
            rusqlite::ffi::SQLITE_FULL,
            rusqlite::ffi::SQLITE_BUSY,
            rusqlite::ffi::SQLITE_LOCKED,
            rusqlite::ffi::SQLITE_IOERR,
            rusqlite::ffi::SQLITE_CONSTRAINT,
        ] {
            all.push(sqlite(code));
        }
        for what in [
            "article",
            "contact",
            "checklist item",
            "qr code",
            "offer",
            "traveller",
        ] {
            all.push(Error::not_found(what, SECRET_ID));
        }
        for kind in [
            PackRejection::BadFormat,
            PackRejection::TooLarge,
            PackRejection::Truncated,
            PackRejection::Unsigned,
            PackRejection::UntrustedKey,
            PackRejection::BadSignature,
            PackRejection::NotNewer,
            PackRejection::NeedsNewerCore,
            PackRejection::InvalidContent,
        ] {
            all.push(Error::Rejected {
                kind,
                reason: format!("details {SECRET_ID}"),
            });
        }
        all
    }

    /// The variant's name, for the check that every one was seen.
    fn variant(error: &WaymarkError) -> &'static str {
        match error {
            WaymarkError::InvalidInput { .. } => "InvalidInput",
            WaymarkError::NotFound { .. } => "NotFound",
            WaymarkError::ProfileUnreadable { .. } => "ProfileUnreadable",
            WaymarkError::Storage { .. } => "Storage",
            WaymarkError::ContentRejected { .. } => "ContentRejected",
            WaymarkError::Internal { .. } => "Internal",
        }
    }

    fn in_language(error: Error, language: &str) -> WaymarkError {
        let pack = default_pack().unwrap();
        let chain = pack.chain(language).unwrap();
        public(error, &Ui::new(&pack, &chain))
    }

    /// Russian words: Cyrillic letters, and no Latin word but the app's name and "QR".
    #[track_caller]
    fn assert_russian(text: &str) {
        assert!(
            text.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я')),
            "{text}"
        );
        let latin: Vec<&str> = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty() && *w != "Waymark" && *w != "QR")
            .collect();
        assert!(latin.is_empty(), "{latin:?} in {text}");
    }

    #[test]
    fn every_variant_has_words_for_the_person_in_every_language() {
        for language in ["en", "ru"] {
            let mut seen = BTreeSet::new();
            let mut texts = BTreeSet::new();
            for sample in samples() {
                let debug = format!("{sample:?}");
                let public = in_language(sample, language);
                seen.insert(variant(&public));
                let shown = public.shown();
                assert!(!shown.trim().is_empty(), "{language}: {debug}");
                assert!(!shown.contains(['{', '}']), "{language}: {shown}");
                for leak in [SECRET_ID, "error_", "reason_", "field", "what=", "id="] {
                    assert!(!shown.contains(leak), "{language}: {leak} in {shown}");
                }
                if language == "ru" {
                    assert_russian(shown);
                }
                texts.insert(shown.to_owned());
            }
            assert_eq!(seen.len(), 6, "{language}: only {seen:?}");
            // Different failures read differently: a person can tell a full disk from a
            // damaged file.
            assert!(texts.len() > 20, "{language}: {texts:?}");
        }
    }

    #[test]
    fn every_error_key_is_used_by_a_sample() {
        let used: BTreeSet<&str> = samples()
            .into_iter()
            .map(|sample| {
                let mut key = "";
                sample.public(|reason: Reason, _| {
                    key = reason.key();
                    String::new()
                });
                key
            })
            .collect();
        for reason in reason::ALL {
            if reason.key().starts_with("error_") {
                assert!(
                    used.contains(reason.key()),
                    "no sample shows {}",
                    reason.key()
                );
            }
        }
    }

    fn options(language: &str) -> WaymarkOptions {
        WaymarkOptions {
            language: language.into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        }
    }

    #[test]
    fn an_unknown_article_in_russian_reads_russian_and_names_no_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db").to_string_lossy().into_owned();
        let waymark = Waymark::open(path, options("ru")).unwrap();
        let error = waymark.article("nope-article".into()).unwrap_err();
        assert!(
            matches!(&error, WaymarkError::NotFound { what, id, .. } if what == "article" && id == "nope-article"),
            "{error:?}"
        );
        assert_russian(error.shown());
        assert!(!error.shown().contains("nope"), "{error:?}");
    }

    #[test]
    fn an_error_at_open_is_in_the_requested_language() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-profile.db");
        std::fs::write(&file, vec![b'x'; 8192]).unwrap();
        let path = file.to_string_lossy().into_owned();
        let open = |language: &str| match Waymark::open(path.clone(), options(language)) {
            Err(error) => error,
            Ok(_) => panic!("a file of x's opened as a profile"),
        };
        let russian = open("ru-RU");
        assert!(
            matches!(russian, WaymarkError::ProfileUnreadable { .. }),
            "{russian:?}"
        );
        assert_russian(russian.shown());
        let english = open("en");
        assert_eq!(variant(&english), "ProfileUnreadable");
        assert!(english.shown().contains("Waymark"), "{english:?}");
        assert!(english.shown().is_ascii(), "{english:?}");
        // A language code that is not one: the error is about it, in English.
        let bad = open("not a language!");
        assert!(
            matches!(&bad, WaymarkError::InvalidInput { field, .. } if field == "language"),
            "{bad:?}"
        );
        assert!(bad.shown().is_ascii(), "{bad:?}");
    }
}
