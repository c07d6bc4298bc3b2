//! The app lock and the disguise: which profile the session shows after a PIN, and the
//! settings that turn them on and off. The rules are in lock/; what the session shows is the
//! entry object's (waymark.rs).

use std::time::SystemTime;

use crate::calculator::{
    self, CalculatorKey, CalculatorOutcome, CalculatorState, calculator_start,
};
use crate::checkins::pin_gate;
use crate::error::{Result, WaymarkError};
use crate::lock::unlock::{self, Attempt, Protection};
use crate::lock::{DisguiseView, LockState, LockView, ShellPlatform, disguise_view, lock_view};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The app lock at `now`: whether it is on, whether a PIN is needed before anything of the
    /// person's is shown (show the lock screen while `locked`, or the calculator while the
    /// disguise is on), and any wait after wrong PINs.
    pub fn lock_status(&self, now: SystemTime) -> Result<LockView, WaymarkError> {
        self.call(|| self.lock_view_at(now))
    }

    /// Tries `pin` at the lock. Either PIN opens it and the result is the same: the normal PIN
    /// shows the person's Waymark, the help PIN a harmless view that looks like a fresh install
    /// (nothing is deleted or sent; what is done there is kept apart and forgotten). A wrong PIN
    /// says so, and after a few a growing wait begins that a restart does not end; nothing is
    /// ever erased.
    pub fn unlock(&self, pin: String, now: SystemTime) -> Result<LockView, WaymarkError> {
        self.call(|| {
            if !self.session().locked {
                return self.lock_view_at(now);
            }
            let attempt = unlock::try_pin(&self.real, &pin, now)?;
            self.update_session(|s| match attempt {
                Attempt::Normal | Attempt::Help => s.open(attempt == Attempt::Help),
                Attempt::Wrong { .. } => s.wrong_pin = true,
                Attempt::Waiting { .. } => {}
            });
            self.lock_view_at(now)
        })
    }

    /// Closes the lock (the app went to the background, or the person asked): the next call
    /// shows nothing of the person's until a PIN opens it again (at the lock screen, or on the
    /// disguise's calculator). Does nothing when neither the lock nor the disguise is on.
    pub fn lock_now(&self) -> Result<(), WaymarkError> {
        self.call(|| {
            let lock = unlock::lock_on(&self.real)?;
            let disguise = unlock::disguise_on(&self.real)?;
            self.update_session(|s| {
                if (lock && !s.lock_shown_off) || (disguise && !s.disguise_shown_off) {
                    s.locked = true;
                    s.harmless = false;
                }
            });
            Ok(())
        })
    }

    /// Turns the app lock on or off; either check-in PIN is needed. Turned off with the help
    /// PIN, it looks off for the rest of this session but stays on.
    pub fn set_app_lock(
        &self,
        pin: String,
        on: bool,
        now: SystemTime,
    ) -> Result<LockView, WaymarkError> {
        self.call(|| {
            self.switch_protection(Protection::Lock, &pin, on)?;
            self.lock_view_at(now)
        })
    }

    /// The disguise as the settings show it, with what `platform` still shows of Waymark.
    pub fn disguise_status(&self, platform: ShellPlatform) -> Result<DisguiseView, WaymarkError> {
        self.call(|| self.disguise_view_for(platform))
    }

    /// Turns the disguise on or off; either check-in PIN is needed. The shell then switches the
    /// launcher's icon and name to what `on` says. Turned off with the help PIN, it looks off for
    /// the rest of this session but stays on (the next launch shows the cover again).
    pub fn set_disguise(
        &self,
        pin: String,
        on: bool,
        platform: ShellPlatform,
    ) -> Result<DisguiseView, WaymarkError> {
        self.call(|| {
            self.switch_protection(Protection::Disguise, &pin, on)?;
            self.disguise_view_for(platform)
        })
    }

    /// One key on the disguise's calculator. It calculates like any calculator; when the digits
    /// typed before `=` are one of the check-in PINs, `opened` is true and the session shows
    /// Waymark (the normal PIN) or the harmless view (the help PIN): start a fresh calculator
    /// and show the app. Other numbers are just calculated; wrong PINs count towards the lock's
    /// wait without a word, and while it runs nothing typed opens anything.
    pub fn calculator_enter(
        &self,
        state: CalculatorState,
        key: CalculatorKey,
        now: SystemTime,
    ) -> Result<CalculatorOutcome, WaymarkError> {
        self.call(|| {
            let mut step = calculator::press(state, key);
            // The shell never holds the PIN: only whether it opened.
            let typed = step.pin_candidate.take();
            let attempt = match typed {
                Some(pin) if pin_gate::pins_set(&self.real)? => {
                    Some(unlock::try_pin(&self.real, &pin, now)?)
                }
                _ => None,
            };
            let opened = matches!(attempt, Some(Attempt::Normal | Attempt::Help));
            if opened {
                self.update_session(|s| s.open(attempt == Some(Attempt::Help)));
                step = calculator::press(calculator_start(), CalculatorKey::Clear);
            }
            Ok(CalculatorOutcome { step, opened })
        })
    }
}

impl Waymark {
    /// Turns the lock or the disguise on or off with either PIN. Turned off with the help PIN
    /// it only looks off, for this session. In the harmless view, which has no PINs of its own,
    /// the real ones decide and nothing real changes.
    fn switch_protection(&self, which: Protection, pin: &str, on: bool) -> Result<()> {
        let shown_off = if self.session().harmless {
            pin_gate::open(&self.real, "pin", pin)?;
            !on
        } else {
            unlock::set_protection(&self.real, which, pin, on)? && !on
        };
        self.update_session(|s| match which {
            Protection::Lock => s.lock_shown_off = shown_off,
            Protection::Disguise => s.disguise_shown_off = shown_off,
        });
        Ok(())
    }

    fn lock_view_at(&self, now: SystemTime) -> Result<LockView> {
        let session = self.session();
        let prefs = self.profile().prefs();
        let state = LockState {
            enabled: unlock::lock_on(&self.real)? && !session.lock_shown_off,
            locked: session.locked,
            available: pin_gate::pins_set(&self.real)?,
            retry_at: if session.locked {
                unlock::retry_at(&self.real, now)?
            } else {
                None
            },
            wrong: session.locked && session.wrong_pin,
        };
        Ok(lock_view(&prefs.ui(), &prefs.zone, &state))
    }

    fn disguise_view_for(&self, platform: ShellPlatform) -> Result<DisguiseView> {
        let session = self.session();
        let prefs = self.profile().prefs();
        Ok(disguise_view(
            &prefs.ui(),
            unlock::disguise_on(&self.real)? && !session.disguise_shown_off,
            pin_gate::pins_set(&self.real)?,
            platform,
        ))
    }
}
