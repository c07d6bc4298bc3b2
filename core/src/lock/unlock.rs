//! The lock's rules on the real profile: turning the lock and the disguise on and off with a
//! PIN, and trying a PIN at the lock, with the stored wait after wrong ones.
//!
//! Both PINs open the lock and the result looks the same to the caller's caller; only the entry
//! object learns which one it was, to show the real profile or the harmless view. Every box is
//! tried for every PIN (checkins/pins.rs), so the time taken does not tell them apart either.

use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::waits;
use crate::checkins::pin_gate;
use crate::error::{Error, Result, reason};
use crate::profile::Profile;
use crate::storage::settings;

/// What a PIN typed at the lock did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attempt {
    /// The normal PIN: the real profile opens.
    Normal,
    /// The help PIN: the harmless view opens.
    Help,
    /// A wrong PIN; the next try is allowed at `retry_at` when a wait began.
    Wrong { retry_at: Option<DateTime<Utc>> },
    /// Too early after wrong PINs: the PIN was not tried.
    Waiting { retry_at: DateTime<Utc> },
}

/// PINs longer than this are wrong without being stretched (a PIN has at most 12 digits).
const LONGEST_TRIED: usize = 64;

/// Whether the app lock is on in the real profile.
pub(crate) fn lock_on(real: &Profile) -> Result<bool> {
    real.db.read(settings::app_lock)
}

/// Whether the disguise is on in the real profile.
pub(crate) fn disguise_on(real: &Profile) -> Result<bool> {
    real.db.read(settings::disguise)
}

/// When the next try at the lock is allowed, if a wait is running at `now`.
pub(crate) fn retry_at(real: &Profile, now: SystemTime) -> Result<Option<DateTime<Utc>>> {
    let (_, stored) = real.db.read(settings::lock_attempts)?;
    Ok(waits::retry_at(
        stored.and_then(DateTime::from_timestamp_millis),
        now.into(),
    ))
}

/// Tries `pin` at the lock at `now`. Wrong PINs are counted in the profile (a restart does not
/// reset the wait); either right PIN clears the count.
pub(crate) fn try_pin(real: &Profile, pin: &str, now: SystemTime) -> Result<Attempt> {
    if let Some(retry_at) = retry_at(real, now)? {
        return Ok(Attempt::Waiting { retry_at });
    }
    let opened = if pin.len() > LONGEST_TRIED {
        // Still an error when no PINs are set, like any other PIN.
        if !pin_gate::pins_set(real)? {
            return Err(Error::invalid("pin", reason::PINS_NOT_SET));
        }
        None
    } else {
        pin_gate::which(real, "pin", pin)?
    };
    match opened {
        Some(opened) => {
            real.db
                .write(|tx| settings::set_lock_attempts(tx, 0, None))?;
            Ok(if opened.help {
                Attempt::Help
            } else {
                Attempt::Normal
            })
        }
        None => {
            let now: DateTime<Utc> = now.into();
            let retry_at = real.db.write(|tx| {
                let (failures, _) = settings::lock_attempts(tx)?;
                let failures = failures.saturating_add(1);
                let wait = waits::wait_after(failures);
                let retry_at = (wait > chrono::Duration::zero()).then(|| now + wait);
                settings::set_lock_attempts(
                    tx,
                    failures,
                    retry_at.map(|at| at.timestamp_millis()),
                )?;
                Ok(retry_at)
            })?;
            Ok(Attempt::Wrong { retry_at })
        }
    }
}

/// Turns the lock (or, with `disguise`, the disguise) on or off with either PIN; returns whether
/// the help PIN was typed. Turning either off with the help PIN changes nothing stored: the entry
/// object shows it off for the rest of the session, so whoever forced it sees it done.
pub(crate) fn set_protection(
    real: &Profile,
    which: Protection,
    pin: &str,
    on: bool,
) -> Result<bool> {
    let opened = pin_gate::open(real, "pin", pin)?;
    if on || !opened.help {
        real.db.write(|tx| match which {
            Protection::Lock => settings::set_app_lock(tx, on),
            Protection::Disguise => settings::set_disguise(tx, on),
        })?;
    }
    Ok(opened.help)
}

/// One of the two protections a PIN guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Protection {
    Lock,
    Disguise,
}
