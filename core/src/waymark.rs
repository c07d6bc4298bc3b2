//! The entry object a shell opens on a profile file.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::SystemTime;

use crate::zone::Zone;

use crate::content::{Chain, Pack, default_pack, ui::Ui};
use crate::error::{Error, Result, WaymarkError, reason};
use crate::packs::{self, ContentSource, PackOrigin, PackProblem};
use crate::storage::{self, Db};

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
    /// Whether a native speaker has reviewed the language's own texts. A language whose texts
    /// nobody has reviewed yet gets a `note` that says so.
    pub reviewed: bool,
    /// A short line to show beside the name in the language list, written in that language
    /// (as the name is): for now only that its texts are not yet reviewed by a native speaker.
    /// None when there is nothing to say.
    pub note: Option<String>,
}

/// Which content the app is showing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct ContentInfo {
    /// The content pack's id, e.g. "waymark.default".
    pub pack_id: String,
    /// The pack's version; a newer pack has a higher number.
    pub version: u32,
    /// Built into the app, or installed later.
    pub source: ContentSource,
    /// The languages the pack has texts in, e.g. ["en", "ru"].
    pub languages: Vec<String>,
    /// When the pack in use was installed; None for the built-in content.
    #[serde(with = "crate::time_json::option")]
    pub installed_at: Option<SystemTime>,
    /// The version of the content built into the app; `reset_content_pack` goes back to it.
    pub embedded_version: u32,
    /// Why an installed pack is not in use, when the profile had one that failed its checks on
    /// opening (damaged, or made for a newer app) or the app's own content is newer.
    pub problem: Option<PackProblem>,
}

/// One person's Waymark: their profile file plus the content. Safe to share between threads;
/// every call is synchronous and quick, but touches the disk, so call it off the UI thread.
#[derive(uniffi::Object)]
pub struct Waymark {
    pub(crate) db: Db,
    prefs: RwLock<Prefs>,
    /// Installs and resets one at a time, so each compares with the content the other left.
    content_lock: Mutex<()>,
    /// The key from the platform keystore that seals secrets at rest; set by the shell.
    keystore_key: RwLock<Option<[u8; 32]>>,
}

/// The person's preferences, resolved against the content in use, with that content: a call
/// takes one snapshot, so it renders one pack in one language and zone throughout, even if a
/// pack is installed meanwhile.
#[derive(Clone)]
pub(crate) struct Prefs {
    pub chain: Chain,
    pub zone: Zone,
    /// The language as the person asked for it, to resolve again against a new pack.
    pub language: String,
    /// Whether the profile keeps a language the person chose in the app (then the system's
    /// language is not followed); read once at open, set by `set_language`.
    pub language_chosen: bool,
    pub pack: Arc<Pack>,
    pub origin: PackOrigin,
}

#[uniffi::export]
impl Waymark {
    /// Opens the profile at `path`, creating it if it does not exist, and upgrades its storage
    /// if it was written by an earlier version. An error's reason is in `options.language`
    /// when that is a language code, else in English.
    #[uniffi::constructor]
    pub fn open(path: String, options: WaymarkOptions) -> Result<Arc<Self>, WaymarkError> {
        Self::open_at(Path::new(&path), &options)
            .map(Arc::new)
            .map_err(|error| match default_pack() {
                Ok(pack) => match pack.chain(&options.language) {
                    Ok(chain) => error.public(&Ui::new(&pack, &chain)),
                    Err(_) => error.english(),
                },
                Err(_) => error.english(),
            })
    }

    /// Changes the language of everything the core returns from now on, and keeps it in the
    /// profile: the next `open` uses it, whatever language `WaymarkOptions` then suggests.
    pub fn set_language(&self, language: String) -> Result<(), WaymarkError> {
        self.call(|| {
            let mut prefs = self.write_prefs();
            let chain = prefs.pack.chain(&language)?;
            self.db
                .write(|tx| storage::settings::set_language(tx, &language))?;
            prefs.chain = chain;
            prefs.language = language;
            prefs.language_chosen = true;
            Ok(())
        })
    }

    /// Follows the phone's language (the system's setting changed) unless the person chose one
    /// in the app, which keeps winning. Nothing is stored.
    pub fn set_system_language(&self, language: String) -> Result<(), WaymarkError> {
        self.call(|| {
            let mut prefs = self.write_prefs();
            let chain = prefs.pack.chain(&language)?;
            if !prefs.language_chosen {
                prefs.chain = chain;
                prefs.language = language;
            }
            Ok(())
        })
    }

    /// Changes the time zone local times are shown in (the person travelled).
    pub fn set_time_zone(&self, time_zone: String) -> Result<(), WaymarkError> {
        self.call(|| {
            let zone = parse_zone(&time_zone)?;
            self.write_prefs().zone = zone;
            Ok(())
        })
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
        self.call(|| {
            let key: [u8; 32] = key
                .try_into()
                .map_err(|_| Error::invalid("key", reason::KEY_LENGTH))?;
            *self.keystore_key.write().unwrap_or_else(|p| p.into_inner()) = Some(key);
            Ok(())
        })
    }

    /// The content pack in use.
    pub fn content_info(&self) -> ContentInfo {
        let Prefs { pack, origin, .. } = self.prefs();
        ContentInfo {
            pack_id: pack.id.clone(),
            version: pack.version,
            source: match origin.installed_at {
                Some(_) => ContentSource::Installed,
                None => ContentSource::Embedded,
            },
            languages: pack
                .languages
                .iter()
                .filter(|l| l.texts)
                .map(|l| l.code.clone())
                .collect(),
            installed_at: origin.installed_at,
            embedded_version: default_pack().map_or(0, |p| p.version),
            problem: origin.problem,
        }
    }

    /// Every language the app can be set to.
    pub fn languages(&self) -> Vec<LanguageInfo> {
        language_infos(&self.prefs().pack)
    }
}

/// Every language the app can be set to, without opening a profile (for a language picker shown
/// before the first launch, or to check a preference).
#[uniffi::export]
pub fn supported_languages() -> Result<Vec<LanguageInfo>, WaymarkError> {
    default_pack()
        .map(|pack| language_infos(&pack))
        .map_err(Error::english)
}

pub(crate) fn language_infos(pack: &Pack) -> Vec<LanguageInfo> {
    pack.languages
        .iter()
        .map(|l| LanguageInfo {
            code: l.code.clone(),
            name: l.name.clone(),
            has_own_texts: l.texts,
            reviewed: l.reviewed,
            // In the language itself, like its name: whoever picks it reads it.
            note: (l.texts && !l.reviewed)
                .then(|| pack.chain(&l.code).ok())
                .flatten()
                .map(|chain| Ui::new(pack, &chain).text("language_not_reviewed")),
        })
        .collect()
}

impl Waymark {
    pub(crate) fn open_at(path: &Path, options: &WaymarkOptions) -> Result<Self> {
        Self::open_trusting(path, options, crate::content::keys::TRUSTED)
    }

    /// Opens a profile whose installed pack must be signed by one of `trusted`.
    pub(crate) fn open_trusting(
        path: &Path,
        options: &WaymarkOptions,
        trusted: &[[u8; 32]],
    ) -> Result<Self> {
        // Both are checked before the file is created: a typo must not leave a profile behind.
        default_pack()?.chain(&options.language)?;
        let zone = parse_zone(&options.time_zone)?;
        let db = Db::open(path)?;
        let (pack, origin) = packs::load_active(&db, trusted)?;
        // The language the person chose in the app wins over the one the system suggests.
        let chosen = db.read(storage::settings::language)?;
        let language_chosen = chosen.is_some();
        let (chain, language) = match chosen.and_then(|l| Some((pack.chain(&l).ok()?, l))) {
            Some(stored) => stored,
            None => (pack.chain(&options.language)?, options.language.clone()),
        };
        let prefs = Prefs {
            chain,
            zone,
            language,
            language_chosen,
            pack,
            origin,
        };
        Ok(Self {
            db,
            prefs: RwLock::new(prefs),
            content_lock: Mutex::new(()),
            keystore_key: RwLock::new(None),
        })
    }

    /// Shows `pack` from now on, with the language chain resolved against it (a pack may add a
    /// language the person asked for).
    pub(crate) fn swap_pack(&self, pack: Arc<Pack>, origin: PackOrigin) {
        let mut prefs = self.write_prefs();
        // The language was accepted when it was set, and a tag's form does not depend on the
        // pack, so resolving cannot fail; keep the old chain if it ever does.
        if let Ok(chain) = pack.chain(&prefs.language) {
            prefs.chain = chain;
        }
        prefs.pack = pack;
        prefs.origin = origin;
    }

    pub(crate) fn lock_content(&self) -> MutexGuard<'_, ()> {
        self.content_lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A snapshot of the preferences, so one call renders in one language and zone throughout.
    pub(crate) fn prefs(&self) -> Prefs {
        self.prefs.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The content in use, for a call that needs nothing else from the snapshot.
    pub(crate) fn pack(&self) -> Arc<Pack> {
        self.prefs
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .pack
            .clone()
    }

    fn write_prefs(&self) -> std::sync::RwLockWriteGuard<'_, Prefs> {
        self.prefs.write().unwrap_or_else(|p| p.into_inner())
    }

    /// The keystore key, or an error saying the shell has not given it.
    pub(crate) fn keystore_key(&self) -> Result<[u8; 32]> {
        self.keystore_key
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .ok_or_else(|| Error::invalid("key", reason::KEY_MISSING))
    }

    /// Runs the body of an exported call and gives its error to the shell in the person's
    /// language: every exported method goes through here (there is no `From<Error>`), so none
    /// can return an untranslated reason.
    pub(crate) fn call<T>(&self, body: impl FnOnce() -> Result<T>) -> Result<T, WaymarkError> {
        body().map_err(|error| self.public_error(error))
    }

    /// `error` as the shell sees it, in the person's language.
    pub(crate) fn public_error(&self, error: Error) -> WaymarkError {
        let prefs = self.prefs();
        error.public(&self.ui(&prefs))
    }

    pub(crate) fn ui<'a>(&'a self, prefs: &'a Prefs) -> Ui<'a> {
        Ui::new(&prefs.pack, &prefs.chain)
    }
}

/// Parses an IANA zone name.
pub(crate) fn parse_zone(name: &str) -> Result<Zone> {
    Zone::named(name).map_err(|e| e.invalid("time_zone", "Europe/Moscow"))
}
