//! The calls about the profile itself: its language and time zone, erasing it, and what
//! content and languages are available (settings.rs, packs/). They were the entry object's own
//! methods in waymark.rs; the file keeps that name so the generated bindings list them where
//! they always were (UniFFI orders methods by module path).

use std::path::Path;

use crate::content::reasons::english;
use crate::error::WaymarkError;
use crate::packs::{self, ContentInfo};
use crate::settings::{self, LanguageInfo};
use crate::storage::{self, ProfileAtRest};
use crate::waymark::Waymark;

/// What is at `path` before a profile is opened there: whether a new profile key may be made
/// (no profile yet, or one an earlier version left unencrypted) or the key kept for it must be
/// used. Reads the first bytes only; creates and changes nothing.
#[uniffi::export]
pub fn profile_at_rest(path: String) -> Result<ProfileAtRest, WaymarkError> {
    storage::at_rest(Path::new(&path)).map_err(english)
}

/// Erases the profile at `path` and every file beside it without opening it: for an encrypted
/// profile whose key is lost (`profile_at_rest` says `Encrypted` and the keystore has no key),
/// which nothing can read any more and which would otherwise keep the app from starting. Ask
/// once (`ShellTexts.erase_question`, from `shell_texts_without_profile`), never for a PIN; then
/// remove the rest as after `erase_all_data`, and open with a new key. A profile that still
/// opens is erased with `erase_all_data` instead, which the help PIN cannot misuse.
#[uniffi::export]
pub fn erase_unopenable_profile(path: String) -> Result<(), WaymarkError> {
    storage::erase_files(Path::new(&path)).map_err(english)
}

/// What the shell removes itself after `erase_all_data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct EraseOutcome {
    /// Remove the profile key, every alarm and notification, and the shell's own files, then
    /// open again as on a first run. False after the help PIN: remove nothing, but show the
    /// same "erased" screen and the empty app.
    pub remove_device_data: bool,
}

#[uniffi::export]
impl Waymark {
    /// Changes the language of everything the core returns from now on, and keeps it in the
    /// profile: the next `open` uses it, whatever language `WaymarkOptions` then suggests.
    pub fn set_language(&self, language: String) -> Result<(), WaymarkError> {
        self.call(|| settings::set_language(self.profile(), language))
    }

    /// Follows the phone's language (the system's setting changed) unless the person chose one
    /// in the app, which keeps winning. Nothing is stored.
    pub fn set_system_language(&self, language: String) -> Result<(), WaymarkError> {
        self.call(|| {
            // The phone's setting, not the person's choice: both views follow it.
            settings::set_system_language(&self.harmless, language.clone())?;
            settings::set_system_language(&self.real, language)
        })
    }

    /// Changes the time zone local times are shown in (the person travelled).
    pub fn set_time_zone(&self, time_zone: String) -> Result<(), WaymarkError> {
        self.call(|| {
            // Where the phone is, for both views.
            settings::set_time_zone(&self.harmless, &time_zone)?;
            settings::set_time_zone(&self.real, &time_zone)
        })
    }

    /// The language the person asked for, as resolved ("en" when theirs is unknown).
    pub fn language(&self) -> String {
        settings::language(self.profile())
    }

    /// Erases all of the person's Waymark data on this device: the profile file and every file
    /// beside it. Ask once, in plain words (`ShellTexts.erase_question`), never for a PIN. When
    /// `EraseOutcome.remove_device_data` is true the shell then removes the rest: the profile key
    /// (Keystore entry, Keychain item, key file), every scheduled alarm and notification, and its
    /// own files and caches; then it opens the profile again with a new key, as on a first run.
    /// After the help PIN opened the app (or while the lock is closed, when the harmless view is
    /// what shows) only the view it shows is emptied: the screen looks the same, but the help
    /// PIN never erases anything.
    pub fn erase_all_data(&self) -> Result<EraseOutcome, WaymarkError> {
        self.call(|| {
            if !std::ptr::eq(self.profile(), &self.real) {
                self.harmless.db.erase()?;
                return Ok(EraseOutcome {
                    remove_device_data: false,
                });
            }
            self.harmless.db.erase()?;
            self.real.db.erase()?;
            Ok(EraseOutcome {
                remove_device_data: true,
            })
        })
    }

    /// The content pack in use.
    pub fn content_info(&self) -> ContentInfo {
        packs::content_info(self.profile())
    }

    /// Every language the app can be set to.
    pub fn languages(&self) -> Vec<LanguageInfo> {
        settings::languages(self.profile())
    }
}
