//! The calls about the profile itself: its language and time zone, the keystore key, and what
//! content and languages are available (settings.rs, packs/). They were the entry object's own
//! methods in waymark.rs; the file keeps that name so the generated bindings list them where
//! they always were (UniFFI orders methods by module path).

use crate::error::WaymarkError;
use crate::packs::{self, ContentInfo};
use crate::settings::{self, LanguageInfo};
use crate::waymark::Waymark;

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

    /// Gives the core the key the app keeps in the platform keystore (Android Keystore, iOS
    /// Keychain): 32 random bytes, the same at every launch. Secrets the family's phone keeps
    /// (the codes' secret and the signal phrase of each traveller it watches) are sealed with it,
    /// never stored in plain text. Call it right after opening.
    pub fn set_keystore_key(&self, key: Vec<u8>) -> Result<(), WaymarkError> {
        self.call(|| {
            settings::set_keystore_key(&self.harmless, key.clone())?;
            settings::set_keystore_key(&self.real, key)
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
