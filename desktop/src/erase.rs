//! `waymark erase`: removes all of the person's Waymark data from this computer, after one
//! question in plain words (or `--yes` in scripts). No PIN is asked: the help PIN must never
//! erase, and erasing must not depend on remembering a PIN.

use serde::Serialize;

use crate::app::App;
use crate::error::Failure;
use crate::interactive::Io;
use crate::profile_key;
use crate::render;

/// What `--json` prints: the same after the help PIN, when nothing is really removed.
#[derive(Serialize)]
struct Erased {
    erased: bool,
}

impl App<'_> {
    /// Asks once (unless `yes`), then erases; a "no" changes nothing.
    pub(crate) fn erase(&self, yes: bool, io: &mut Io<'_>) -> Result<String, Failure> {
        let texts = self.waymark.shell_texts();
        if !yes {
            if !io.terminal {
                return Err(Failure::usage(
                    "erase: add --yes to erase without the question (standard input is not a terminal)",
                ));
            }
            io.say(&render::wrap_text(&texts.erase_question))?;
            io.say(&format!("{} [y/N]: ", texts.erase_confirm))?;
            let answer = io.line()?.unwrap_or_default();
            if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
                return Err(Failure::usage("erase: nothing was erased"));
            }
        }
        let outcome = self.core(self.waymark.erase_all_data())?;
        if outcome.remove_device_data {
            profile_key::remove(&self.settings.profile)?;
        }
        self.show(&Erased { erased: true }, || {
            Ok(render::wrap_text(&texts.erase_done))
        })
    }
}
