//! Content pack updates: installing a signed pack file, going back to the embedded default, and
//! choosing the content a profile shows when it is opened.
//!
//! The pack file format and its checks are in `content/pack_file.rs`; the trusted keys in
//! `content/keys.rs`. Installing is all or nothing: the pack is checked completely (layout,
//! signature, version, content) before one transaction stores it, and only then does the profile
//! switch to it. The person's own data (checklist progress, own contacts, plans, check-ins)
//! lives in other tables and is never touched.

mod store;
#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::time::SystemTime;

use crate::checkins::FactLine;
use crate::content::pack_file::{self, PackRejection, Rejected};
use crate::content::{Pack, default_pack, keys};
use crate::error::{Result, WaymarkError};
use crate::storage::Db;
use crate::waymark::{ContentInfo, Waymark};

/// This core's version: a pack may ask for a newer one.
const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where the content in use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, uniffi::Enum)]
pub enum ContentSource {
    /// The content built into the app.
    Embedded,
    /// A signed pack installed later.
    Installed,
}

/// Why an installed pack is not in use (the built-in content is shown instead).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct PackProblem {
    /// Which check it failed when the profile was opened.
    pub kind: PackRejection,
    /// The details, in English.
    pub reason: String,
}

/// The content screen: what is in use, and why an installed update is not, in the person's
/// language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, uniffi::Record)]
pub struct ContentPackView {
    /// "Content".
    pub title: String,
    /// Source, version, languages and, for an update, when it was installed.
    pub lines: Vec<FactLine>,
    /// Why an installed update is not used, when that is so.
    pub problem: Option<String>,
    /// The label of the action that goes back to the built-in content (`reset_content_pack`),
    /// when an update is installed or failed; None when there is nothing to go back from.
    pub reset_label: Option<String>,
    /// The same facts as data.
    pub info: ContentInfo,
}

/// How the content in use came to be: shown by `content_info`.
#[derive(Debug, Clone, Default)]
pub(crate) struct PackOrigin {
    /// When the pack in use was installed; None for the embedded default.
    pub installed_at: Option<SystemTime>,
    /// Why an installed pack was not used when the profile was opened.
    pub problem: Option<PackProblem>,
}

/// The content to show for the profile in `db`: the installed pack, checked again as on
/// install (the file could have been damaged, or this app could be older than it), or the
/// embedded default when there is none, it fails a check, or the app's own content is at
/// least as new (the app was updated). A failed check is reported, never fatal.
pub(crate) fn load_active(db: &Db, trusted: &[[u8; 32]]) -> Result<(Arc<Pack>, PackOrigin)> {
    let embedded = default_pack()?;
    let Some((file, installed_at)) = db.read(store::installed)? else {
        return Ok((embedded, PackOrigin::default()));
    };
    let problem = match check(&file, trusted) {
        Ok(pack) if pack.version > embedded.version => {
            let origin = PackOrigin {
                installed_at: Some(installed_at),
                problem: None,
            };
            return Ok((Arc::new(pack), origin));
        }
        Ok(pack) => Rejected::new(
            PackRejection::NotNewer,
            format!(
                "the app's built-in content (version {}) is as new as the installed pack (version {}) or newer",
                embedded.version, pack.version
            ),
        ),
        Err(rejected) => rejected,
    };
    let origin = PackOrigin {
        installed_at: None,
        problem: Some(PackProblem {
            kind: problem.kind,
            reason: problem.reason,
        }),
    };
    Ok((embedded, origin))
}

/// Every check but the version order: layout, signature, core version, content.
fn check(file: &[u8], trusted: &[[u8; 32]]) -> Result<Pack, Rejected> {
    pack_file::open(file, trusted, CORE_VERSION)?.load()
}

#[uniffi::export]
impl Waymark {
    /// Installs a content pack file (as read from disk or received). It must be signed by a key
    /// this app trusts, newer than the content in use, made for this version of Waymark or an
    /// older one, and valid. If any check fails, nothing changes and the error's `kind` says
    /// which one. Installing the pack already in use again changes nothing. Checklist progress,
    /// own contacts, plans and check-ins are kept.
    pub fn install_content_pack(
        &self,
        file: Vec<u8>,
        now: SystemTime,
    ) -> Result<ContentInfo, WaymarkError> {
        self.call(|| self.install_with(&file, now, keys::TRUSTED))
    }

    /// The content screen: what is in use and where it came from.
    pub fn content_pack_view(&self) -> Result<ContentPackView, WaymarkError> {
        self.call(|| {
            let prefs = self.prefs();
            let ui = self.ui(&prefs);
            let info = self.content_info();
            let line = |key: &str, value: String| FactLine {
                label: ui.text(key),
                value,
            };
            let source = match info.source {
                ContentSource::Embedded => "pack_source_embedded",
                ContentSource::Installed => "pack_source_installed",
            };
            let languages: Vec<String> = prefs
                .pack
                .languages
                .iter()
                .filter(|l| l.texts)
                .map(|l| l.name.clone())
                .collect();
            let mut lines = vec![
                line("pack_source", ui.text(source)),
                line("pack_version", info.version.to_string()),
                line("pack_languages", languages.join(", ")),
            ];
            if let Some(at) = info.installed_at {
                lines.push(line("pack_installed_at", ui.date_time(at, &prefs.zone)));
            }
            let problem = info.problem.as_ref().map(|problem| {
                let why = ui.text(why_key(problem.kind));
                ui.format("pack_problem", &[("why", &why)])
            });
            let has_stored = info.source == ContentSource::Installed || info.problem.is_some();
            Ok(ContentPackView {
                title: ui.text("pack_title"),
                lines,
                problem,
                reset_label: has_stored.then(|| ui.text("pack_reset")),
                info,
            })
        })
    }

    /// Goes back to the content built into the app, removing the installed pack. The person's
    /// own data is kept.
    pub fn reset_content_pack(&self) -> Result<ContentInfo, WaymarkError> {
        self.call(|| {
            let _one_at_a_time = self.lock_content();
            let embedded = default_pack()?;
            self.db.write(|tx| store::clear(tx))?;
            self.swap_pack(embedded, PackOrigin::default());
            Ok(self.content_info())
        })
    }
}

/// The largest pack file `install_content_pack` accepts, in bytes: check a file's size against
/// it before reading the file into memory.
#[uniffi::export]
pub fn content_pack_max_bytes() -> u64 {
    pack_file::CONTENT_PACK_MAX_BYTES
}

/// The interface string that says why a pack was refused.
fn why_key(kind: PackRejection) -> &'static str {
    match kind {
        PackRejection::BadFormat => "pack_why_bad_format",
        PackRejection::TooLarge => "pack_why_too_large",
        PackRejection::Truncated => "pack_why_truncated",
        PackRejection::Unsigned => "pack_why_unsigned",
        PackRejection::UntrustedKey => "pack_why_untrusted_key",
        PackRejection::BadSignature => "pack_why_bad_signature",
        PackRejection::NotNewer => "pack_why_not_newer",
        PackRejection::NeedsNewerCore => "pack_why_needs_newer_core",
        PackRejection::InvalidContent => "pack_why_invalid_content",
    }
}

impl Waymark {
    pub(crate) fn install_with(
        &self,
        file: &[u8],
        now: SystemTime,
        trusted: &[[u8; 32]],
    ) -> Result<ContentInfo> {
        let signed = pack_file::open(file, trusted, CORE_VERSION)?;
        let _one_at_a_time = self.lock_content();
        let active = self.prefs();
        let version = signed.manifest.version;
        if version <= active.pack.version {
            let reinstall = active.origin.installed_at.is_some()
                && version == active.pack.version
                && self
                    .db
                    .read(store::installed)?
                    .is_some_and(|(stored, _)| stored == file);
            if reinstall {
                return Ok(self.content_info());
            }
            return Err(Rejected::new(
                PackRejection::NotNewer,
                format!(
                    "the pack is version {version}; the content in use is version {}; only a newer pack can be installed",
                    active.pack.version
                ),
            )
            .into());
        }
        let pack = signed.load()?;
        self.db.write(|tx| store::save(tx, file, now))?;
        let origin = PackOrigin {
            installed_at: Some(now),
            problem: None,
        };
        self.swap_pack(Arc::new(pack), origin);
        Ok(self.content_info())
    }
}
