//! The app lock and the disguise: the PIN asked before every command while the lock is on, and
//! the two settings. Which profile a command then sees is the core's to decide: the shell never
//! learns which PIN was typed, and does the same whichever it was.

use serde::Serialize;
use waymark_core::{DisguiseView, LockView, ShellPlatform};

use crate::app::App;
use crate::checkin::secret;
use crate::cli::LockCommand;
use crate::error::Failure;
use crate::interactive::Io;
use crate::render;

impl App<'_> {
    /// While the lock is closed, reads a PIN (without echo at a terminal, else the first line
    /// of standard input) and tries it. Either check-in PIN opens it alike; a wrong PIN or a
    /// running wait is refused with the core's words, before the command changes anything.
    pub(crate) fn unlock(&self, io: &mut Io<'_>) -> Result<(), Failure> {
        let now = self.settings.now;
        let lock = self.core(self.waymark.lock_status(now))?;
        if !lock.locked {
            return Ok(());
        }
        let pin = secret(io, &lock.pin_label, Some(&lock.title), "PIN")?;
        let view = self.core(self.waymark.unlock(pin, now))?;
        match view.problem {
            Some(problem) => Err(Failure::usage(problem)),
            // Not opened, with nothing said: the lock screen's own words.
            None if view.locked => Err(Failure::usage(view.title)),
            None => Ok(()),
        }
    }

    /// Turns the lock on or off with either check-in PIN, if asked, then shows the setting.
    pub(crate) fn lock(
        &self,
        action: Option<LockCommand>,
        io: &mut Io<'_>,
    ) -> Result<String, Failure> {
        let now = self.settings.now;
        let view = match action {
            None => self.core(self.waymark.lock_status(now))?,
            Some(action) => {
                let t = self.waymark.shell_texts();
                let pin = secret(io, &t.pin_label, None, "PIN")?;
                let on = matches!(action, LockCommand::On);
                self.core(self.waymark.set_app_lock(pin, on, now))?
            }
        };
        self.show(&LockJson::from(&view), || {
            Ok(render::lock(&view, &self.ctx(None)))
        })
    }

    /// The disguise setting, with what a terminal still shows: a command cannot be disguised.
    pub(crate) fn disguise(&self) -> Result<String, Failure> {
        let view = self.core(self.waymark.disguise_status(ShellPlatform::Desktop))?;
        self.show(&DisguiseJson::from(&view), || {
            Ok(render::disguise(&view, &self.ctx(None)))
        })
    }
}

/// [`LockView`] for `--json`, with its instant in RFC 3339 like every other screen's.
#[derive(Serialize)]
struct LockJson<'a> {
    enabled: bool,
    locked: bool,
    available: bool,
    retry_at: Option<String>,
    problem: &'a Option<String>,
    title: &'a str,
    pin_label: &'a str,
    unlock_label: &'a str,
    setting_label: &'a str,
    setting_detail: &'a str,
}

impl<'a> From<&'a LockView> for LockJson<'a> {
    fn from(view: &'a LockView) -> Self {
        Self {
            enabled: view.enabled,
            locked: view.locked,
            available: view.available,
            retry_at: view.retry_at.map(waymark_core::rfc3339),
            problem: &view.problem,
            title: &view.title,
            pin_label: &view.pin_label,
            unlock_label: &view.unlock_label,
            setting_label: &view.setting_label,
            setting_detail: &view.setting_detail,
        }
    }
}

/// [`DisguiseView`] for `--json`.
#[derive(Serialize)]
struct DisguiseJson<'a> {
    on: bool,
    available: bool,
    cover_name: &'a str,
    setting_label: &'a str,
    detail: &'a str,
    still_visible: &'a str,
}

impl<'a> From<&'a DisguiseView> for DisguiseJson<'a> {
    fn from(view: &'a DisguiseView) -> Self {
        Self {
            on: view.on,
            available: view.available,
            cover_name: &view.cover_name,
            setting_label: &view.setting_label,
            detail: &view.detail,
            still_visible: &view.still_visible,
        }
    }
}
