//! The entry object a shell opens on a profile file. Its exported calls, one file per feature,
//! are in api/; each hands its profile to the feature and gives the error back in the person's
//! language.

use std::path::Path;
use std::sync::{Arc, RwLock};

use crate::content::default_pack;
use crate::content::reasons::{self, english};
use crate::content::ui::Ui;
use crate::error::{Error, Result, WaymarkError};
use crate::packs;
use crate::profile::{Prefs, Profile};
use crate::storage::{self, Db, ProfileKey};
use crate::zone::parse_zone;

/// How a profile is opened: the person's preferences, which the shell knows from the device.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WaymarkOptions {
    /// Preferred language as a BCP 47 tag ("ru", "en-GB"). A well-formed tag for a language
    /// Waymark lacks falls back to English.
    pub language: String,
    /// The person's current time zone as an IANA name ("Europe/Istanbul"); local times are shown
    /// in it.
    pub time_zone: String,
    /// The profile key: 32 random bytes the shell made once and keeps in the platform keystore
    /// (Android Keystore, iOS Keychain, a file only the user can read on the desktop). The
    /// profile is encrypted with it, and a profile from an earlier version is encrypted at this
    /// open. Without the right key the profile cannot be read: a wrong key is refused and changes
    /// nothing on disk.
    pub profile_key: Vec<u8>,
}

/// One person's Waymark: their profile file plus the content. Safe to share between threads;
/// every call is synchronous and quick, but touches the disk, so call it off the UI thread.
#[derive(uniffi::Object)]
pub struct Waymark {
    /// The person's profile, on disk.
    pub(crate) real: Profile,
    /// The harmless view: a fresh profile in memory, with the real one's content, language and
    /// zone. Shown while the lock is closed and after the help PIN opened it; what is done in it
    /// stays in it and is gone when the app closes, leaving no file that tells it exists.
    pub(crate) harmless: Profile,
    /// What this session shows.
    pub(crate) session: RwLock<Session>,
}

/// What a session shows: the lock decides it (api/lock.rs).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Session {
    /// A PIN is needed before the real profile is shown.
    pub locked: bool,
    /// The help PIN opened the lock: the harmless view is shown until the lock closes again.
    pub harmless: bool,
    /// The last PIN typed at the lock was wrong.
    pub wrong_pin: bool,
    /// The lock was turned off with the help PIN: it shows as off for this session only.
    pub lock_shown_off: bool,
    /// The disguise was turned off with the help PIN: it shows as off for this session only.
    pub disguise_shown_off: bool,
}

impl Session {
    /// A right PIN opened the lock: the real profile, or the harmless view after the help PIN.
    pub(crate) fn open(&mut self, help: bool) {
        self.locked = false;
        self.harmless = help;
        self.wrong_pin = false;
    }
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
                    Ok(chain) => reasons::public(error, &Ui::new(&pack, &chain)),
                    Err(_) => english(error),
                },
                Err(_) => english(error),
            })
    }
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
        let key = ProfileKey::new(&options.profile_key)?;
        let db = Db::open(path, &key)?;
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
        // The disguise locks too: its calculator is the only way in.
        let locked =
            db.read(storage::settings::app_lock)? || db.read(storage::settings::disguise)?;
        let harmless = Profile::new(Db::open_in_memory()?, prefs.clone(), key);
        Ok(Self {
            real: Profile::new(db, prefs, key),
            harmless,
            session: RwLock::new(Session {
                locked,
                ..Session::default()
            }),
        })
    }

    /// The profile this session shows: the real one once the normal PIN opened the lock (or
    /// when there is no lock), else the harmless view. Every exported call about the person's
    /// things goes through here; only the alerts, the lock and the device's settings use the
    /// real profile directly.
    pub(crate) fn profile(&self) -> &Profile {
        let session = self.session();
        if session.locked || session.harmless {
            &self.harmless
        } else {
            &self.real
        }
    }

    /// This session's state, as a copy.
    pub(crate) fn session(&self) -> Session {
        *self.session.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Changes this session's state.
    pub(crate) fn update_session(&self, change: impl FnOnce(&mut Session)) {
        change(&mut self.session.write().unwrap_or_else(|p| p.into_inner()));
    }

    /// Runs the body of an exported call and gives its error to the shell in the person's
    /// language: every exported method goes through here (there is no `From<Error>`), so none
    /// can return an untranslated reason.
    pub(crate) fn call<T>(&self, body: impl FnOnce() -> Result<T>) -> Result<T, WaymarkError> {
        body().map_err(|error: Error| self.profile().public_error(error))
    }
}
