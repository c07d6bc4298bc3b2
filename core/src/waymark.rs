//! The entry object a shell opens on a profile file.

use std::path::Path;
use std::sync::{Arc, RwLock};

use chrono_tz::Tz;

use crate::content::{Chain, Pack, default_pack, ui::Ui};
use crate::error::{Error, Result, WaymarkError};
use crate::storage::Db;

/// How a profile is opened: the person's preferences, which the shell knows from the device.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WaymarkOptions {
    /// Preferred language as a BCP 47 tag ("ru", "en-GB"). A well-formed tag for a language
    /// Waymark lacks falls back to English.
    pub language: String,
    /// The person's current time zone as an IANA name ("Europe/Istanbul"); local times are shown
    /// in it.
    pub time_zone: String,
}

/// A language the app can be set to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct LanguageInfo {
    /// The language code, e.g. "ru".
    pub code: String,
    /// The language's own name, e.g. "Русский".
    pub name: String,
    /// False when the language has no texts of its own yet and shows its fallback's texts.
    pub has_own_texts: bool,
}

/// Which content the app is showing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct ContentInfo {
    /// The content pack's id, e.g. "waymark.default".
    pub pack_id: String,
    /// The pack's version; a newer pack has a higher number.
    pub version: u32,
}

/// One person's Waymark: their profile file plus the content. Safe to share between threads;
/// every call is synchronous and quick, but touches the disk, so call it off the UI thread.
#[derive(uniffi::Object)]
pub struct Waymark {
    pub(crate) db: Db,
    pub(crate) pack: Arc<Pack>,
    prefs: RwLock<Prefs>,
    /// The key from the platform keystore that seals secrets at rest; set by the shell.
    keystore_key: RwLock<Option<[u8; 32]>>,
}

/// The person's preferences, resolved.
#[derive(Clone)]
pub(crate) struct Prefs {
    pub chain: Chain,
    pub zone: Tz,
}

#[uniffi::export]
impl Waymark {
    /// Opens the profile at `path`, creating it if it does not exist, and upgrades its storage
    /// if it was written by an earlier version.
    #[uniffi::constructor]
    pub fn open(path: String, options: WaymarkOptions) -> Result<Arc<Self>, WaymarkError> {
        Ok(Arc::new(Self::open_at(Path::new(&path), &options)?))
    }

    /// Changes the language of everything the core returns from now on.
    pub fn set_language(&self, language: String) -> Result<(), WaymarkError> {
        let chain = self.pack.chain(&language)?;
        self.write_prefs().chain = chain;
        Ok(())
    }

    /// Changes the time zone local times are shown in (the person travelled).
    pub fn set_time_zone(&self, time_zone: String) -> Result<(), WaymarkError> {
        let zone = parse_zone(&time_zone)?;
        self.write_prefs().zone = zone;
        Ok(())
    }

    /// The language the person asked for, as resolved ("en" when theirs is unknown).
    pub fn language(&self) -> String {
        self.prefs().chain.preferred().to_owned()
    }

    /// Gives the core the key the app keeps in the platform keystore (Android Keystore, iOS
    /// Keychain): 32 random bytes, the same at every launch. Secrets the family's phone keeps
    /// (the codes' secret and the signal phrase of each traveller it watches) are sealed with it,
    /// never stored in plain text. Call it right after opening.
    pub fn set_keystore_key(&self, key: Vec<u8>) -> Result<(), WaymarkError> {
        let key: [u8; 32] = key
            .try_into()
            .map_err(|_| Error::invalid("key", "must be exactly 32 bytes"))?;
        *self.keystore_key.write().unwrap_or_else(|p| p.into_inner()) = Some(key);
        Ok(())
    }

    /// The content pack in use.
    pub fn content_info(&self) -> ContentInfo {
        ContentInfo {
            pack_id: self.pack.id.clone(),
            version: self.pack.version,
        }
    }

    /// Every language the app can be set to.
    pub fn languages(&self) -> Vec<LanguageInfo> {
        language_infos(&self.pack)
    }
}

/// Every language the app can be set to, without opening a profile (for a language picker shown
/// before the first launch, or to check a preference).
#[uniffi::export]
pub fn supported_languages() -> Result<Vec<LanguageInfo>, WaymarkError> {
    Ok(language_infos(&*default_pack()?))
}

fn language_infos(pack: &Pack) -> Vec<LanguageInfo> {
    pack.languages
        .iter()
        .map(|l| LanguageInfo {
            code: l.code.clone(),
            name: l.name.clone(),
            has_own_texts: l.texts,
        })
        .collect()
}

impl Waymark {
    pub(crate) fn open_at(path: &Path, options: &WaymarkOptions) -> Result<Self> {
        let pack = default_pack()?;
        let prefs = Prefs {
            chain: pack.chain(&options.language)?,
            zone: parse_zone(&options.time_zone)?,
        };
        let db = Db::open(path)?;
        Ok(Self {
            db,
            pack,
            prefs: RwLock::new(prefs),
            keystore_key: RwLock::new(None),
        })
    }

    /// A snapshot of the preferences, so one call renders in one language and zone throughout.
    pub(crate) fn prefs(&self) -> Prefs {
        self.prefs.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn write_prefs(&self) -> std::sync::RwLockWriteGuard<'_, Prefs> {
        self.prefs.write().unwrap_or_else(|p| p.into_inner())
    }

    /// The keystore key, or an error saying the shell has not given it.
    pub(crate) fn keystore_key(&self) -> Result<[u8; 32]> {
        self.keystore_key
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .ok_or_else(|| {
                Error::invalid(
                    "key",
                    "the app has not provided its keystore key (set_keystore_key)",
                )
            })
    }

    pub(crate) fn ui<'a>(&'a self, prefs: &'a Prefs) -> Ui<'a> {
        Ui::new(&self.pack, &prefs.chain)
    }
}

/// Parses an IANA zone name.
pub(crate) fn parse_zone(name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| {
        Error::invalid(
            "time_zone",
            "expected an IANA time zone name such as \"Europe/Moscow\"",
        )
    })
}
