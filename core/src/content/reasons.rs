//! An error as the shell sees it: an invalid input's reason, a key of the interface strings,
//! put into words here, where the words are. The errors themselves (error.rs) know no content.

use super::default_pack::default_pack;
use super::ui::Ui;
use crate::error::{Error, WaymarkError};

/// The public error, its reason in the language of `ui`.
pub(crate) fn public(error: Error, ui: &Ui<'_>) -> WaymarkError {
    error.public(|reason, args| ui.format(reason.key(), args))
}

/// The public error in English, for the few calls made without a profile (and so without a
/// language).
pub(crate) fn english(error: Error) -> WaymarkError {
    match (&error, default_pack()) {
        (Error::Invalid { .. }, Ok(pack)) => match pack.chain("en") {
            Ok(chain) => public(error, &Ui::new(&pack, &chain)),
            Err(_) => error.without_words(),
        },
        _ => error.without_words(),
    }
}
