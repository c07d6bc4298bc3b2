//! `waymark erase`: removes all of the person's Waymark data from this computer, after one
//! question in plain words (or `--yes` in scripts). No PIN is asked: the help PIN must never
//! erase, and erasing must not depend on remembering a PIN.

use serde::Serialize;
use waymark_core::{
    ProfileAtRest, ShellTexts, erase_unopenable_profile, profile_at_rest,
    shell_texts_without_profile,
};

use crate::app::App;
use crate::error::{Failure, from_core};
use crate::interactive::Io;
use crate::profile_key;
use crate::render;
use crate::settings::Settings;

/// What `--json` prints: the same after the help PIN, when nothing is really removed.
#[derive(Serialize)]
struct Erased {
    erased: bool,
}

impl App<'_> {
    /// Asks once (unless `yes`), then erases; a "no" changes nothing.
    pub(crate) fn erase(&self, yes: bool, io: &mut Io<'_>) -> Result<String, Failure> {
        let texts = self.waymark.shell_texts();
        confirm(&texts, yes, io)?;
        let outcome = self.core(self.waymark.erase_all_data())?;
        if outcome.remove_device_data {
            profile_key::remove(&self.settings.profile)?;
        }
        self.show(&Erased { erased: true }, || {
            Ok(render::wrap_text(&texts.erase_done))
        })
    }
}

/// `waymark erase` on an encrypted profile that cannot be opened because its key file is lost
/// or damaged: nothing in it can be read any more, so it is erased without opening it, after the
/// same question. Any other failure to open (a missing folder, a file that is no profile) is
/// reported as it is.
pub(crate) fn erase_unopenable(
    settings: &Settings,
    yes: bool,
    io: &mut Io<'_>,
    failure: Failure,
) -> Result<String, Failure> {
    let profile = &settings.profile;
    let path = crate::settings::profile_path(profile)?.to_owned();
    if profile_at_rest(path.clone()).ok() != Some(ProfileAtRest::Encrypted) {
        return Err(failure);
    }
    let texts = shell_texts_without_profile(settings.language.clone())
        .map_err(|e| from_core(e, profile))?;
    confirm(&texts, yes, io)?;
    erase_unopenable_profile(path).map_err(|e| from_core(e, profile))?;
    profile_key::remove(profile)?;
    if settings.json {
        crate::app::json(&Erased { erased: true })
    } else {
        Ok(render::wrap_text(&texts.erase_done))
    }
}

/// The one question, at a terminal; in scripts `--yes` stands for the answer.
fn confirm(texts: &ShellTexts, yes: bool, io: &mut Io<'_>) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !io.terminal {
        return Err(Failure::usage(
            "erase: add --yes to erase without the question (standard input is not a terminal)",
        ));
    }
    io.say(&render::wrap_text(&texts.erase_question))?;
    io.say(&format!("{} [y/N]: ", texts.erase_confirm))?;
    let answer = io.line()?.unwrap_or_default();
    if matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(Failure::usage("erase: nothing was erased"))
    }
}
