//! One opened profile, as every feature works on it: the database, the person's preferences
//! resolved against the content in use, and the key from the platform keystore.
//!
//! It sits at the bottom, beside storage and content, so that features take it as an argument
//! (`fn view(profile: &Profile, ...)`) instead of adding methods to the entry object. Opening a
//! profile (which content to show, which language was chosen) and the exported calls are the
//! entry object's, on top (waymark.rs, api/).

use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockWriteGuard};
use std::time::SystemTime;

use crate::content::reasons;
use crate::content::ui::Ui;
use crate::content::{Chain, Pack};
use crate::error::{Error, PackRejection, WaymarkError};
use crate::storage::{Db, ProfileKey};
use crate::zone::Zone;

/// The profile's database and state. Safe to share between threads: each part has its own lock,
/// and a call reads the preferences once, as a snapshot.
pub(crate) struct Profile {
    pub(crate) db: Db,
    prefs: RwLock<Prefs>,
    /// Installs and resets one at a time, so each compares with the content the other left.
    content_lock: Mutex<()>,
    /// The profile key from the platform keystore: the file is encrypted with a key derived from
    /// it, and the family's secrets inside are sealed with it too.
    key: ProfileKey,
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

/// How the content in use came to be: shown by `content_info`.
#[derive(Debug, Clone, Default)]
pub(crate) struct PackOrigin {
    /// When the pack in use was installed; None for the embedded default.
    pub installed_at: Option<SystemTime>,
    /// Why an installed pack was not used when the profile was opened.
    pub problem: Option<PackProblem>,
}

/// Why an installed pack is not in use (the built-in content is shown instead).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct PackProblem {
    /// Which check it failed when the profile was opened.
    pub kind: PackRejection,
    /// The details, in English.
    pub reason: String,
}

impl Prefs {
    /// The interface strings of this snapshot: its content, in its language.
    pub(crate) fn ui(&self) -> Ui<'_> {
        Ui::new(&self.pack, &self.chain)
    }
}

impl Profile {
    /// A profile opened on `db` with the preferences `prefs`, sealed with `key`.
    pub(crate) fn new(db: Db, prefs: Prefs, key: ProfileKey) -> Self {
        Self {
            db,
            prefs: RwLock::new(prefs),
            content_lock: Mutex::new(()),
            key,
        }
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

    /// The preferences to change; the next snapshot sees the change.
    pub(crate) fn write_prefs(&self) -> RwLockWriteGuard<'_, Prefs> {
        self.prefs.write().unwrap_or_else(|p| p.into_inner())
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

    /// Held while the content in use is compared and replaced.
    pub(crate) fn lock_content(&self) -> MutexGuard<'_, ()> {
        self.content_lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The profile key the shell gave at open, for the secrets sealed inside the profile.
    pub(crate) fn keystore_key(&self) -> [u8; 32] {
        self.key.bytes()
    }

    /// `error` as the shell sees it, in the person's language.
    pub(crate) fn public_error(&self, error: Error) -> WaymarkError {
        let prefs = self.prefs();
        reasons::public(error, &prefs.ui())
    }
}
