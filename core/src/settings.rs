//! The person's settings: the language (chosen in the app, or followed from the phone), the time
//! zone local times are shown in, and the languages to choose from.

use crate::content::reasons::english;
use crate::content::ui::Ui;
use crate::content::{Pack, default_pack};
use crate::error::{Result, WaymarkError};
use crate::profile::Profile;
use crate::storage;
use crate::zone::parse_zone;

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

/// Every language the app can be set to, without opening a profile (for a language picker shown
/// before the first launch, or to check a preference).
#[uniffi::export]
pub fn supported_languages() -> Result<Vec<LanguageInfo>, WaymarkError> {
    default_pack()
        .map(|pack| language_infos(&pack))
        .map_err(english)
}

/// Every language the profile's content can be set to.
pub(crate) fn languages(profile: &Profile) -> Vec<LanguageInfo> {
    language_infos(&profile.pack())
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

/// The language the person asked for, as resolved ("en" when theirs is unknown).
pub(crate) fn language(profile: &Profile) -> String {
    profile.prefs().chain.preferred().to_owned()
}

/// The language the person chose in the app: used from now on and kept in the profile, where it
/// wins over the phone's language at the next open.
pub(crate) fn set_language(profile: &Profile, language: String) -> Result<()> {
    let mut prefs = profile.write_prefs();
    let chain = prefs.pack.chain(&language)?;
    profile
        .db
        .write(|tx| storage::settings::set_language(tx, &language))?;
    prefs.chain = chain;
    prefs.language = language;
    prefs.language_chosen = true;
    Ok(())
}

/// The phone's language changed: followed unless the person chose one in the app. Nothing is
/// stored.
pub(crate) fn set_system_language(profile: &Profile, language: String) -> Result<()> {
    let mut prefs = profile.write_prefs();
    let chain = prefs.pack.chain(&language)?;
    if !prefs.language_chosen {
        prefs.chain = chain;
        prefs.language = language;
    }
    Ok(())
}

/// The time zone local times are shown in (the person travelled).
pub(crate) fn set_time_zone(profile: &Profile, time_zone: &str) -> Result<()> {
    let zone = parse_zone(time_zone)?;
    profile.write_prefs().zone = zone;
    Ok(())
}
