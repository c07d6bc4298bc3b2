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
use crate::content::pack_file::{self, Rejected};
use crate::content::{Pack, default_pack};
use crate::error::{PackRejection, Result};
use crate::profile::{PackOrigin, PackProblem, Prefs, Profile};
use crate::storage::Db;

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

/// The content pack in use.
pub(crate) fn content_info(profile: &Profile) -> ContentInfo {
    let Prefs { pack, origin, .. } = profile.prefs();
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

/// The content screen: what is in use and where it came from.
pub(crate) fn content_pack_view(profile: &Profile) -> ContentPackView {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let info = content_info(profile);
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
    ContentPackView {
        title: ui.text("pack_title"),
        lines,
        problem,
        reset_label: has_stored.then(|| ui.text("pack_reset")),
        info,
    }
}

/// Goes back to the content built into the app, removing the installed pack.
pub(crate) fn reset(profile: &Profile) -> Result<ContentInfo> {
    let _one_at_a_time = profile.lock_content();
    let embedded = default_pack()?;
    profile.db.write(|tx| store::clear(tx))?;
    profile.swap_pack(embedded, PackOrigin::default());
    Ok(content_info(profile))
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

/// Installs a pack file signed by one of `trusted`, newer than the content in use; installing
/// the pack in use again changes nothing.
pub(crate) fn install_with(
    profile: &Profile,
    file: &[u8],
    now: SystemTime,
    trusted: &[[u8; 32]],
) -> Result<ContentInfo> {
    let signed = pack_file::open(file, trusted, CORE_VERSION)?;
    let _one_at_a_time = profile.lock_content();
    let active = profile.prefs();
    let version = signed.manifest.version;
    if version <= active.pack.version {
        let reinstall = active.origin.installed_at.is_some()
            && version == active.pack.version
            && profile
                .db
                .read(store::installed)?
                .is_some_and(|(stored, _)| stored == file);
        if reinstall {
            return Ok(content_info(profile));
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
    profile.db.write(|tx| store::save(tx, file, now))?;
    let origin = PackOrigin {
        installed_at: Some(now),
        problem: None,
    };
    profile.swap_pack(Arc::new(pack), origin);
    Ok(content_info(profile))
}
