//! What the lock screen and the settings show of the lock and the disguise, in the person's
//! language. Whether a view shows the real profile or the harmless one is never in it: both PINs
//! give the same screens.

use std::time::SystemTime;

use chrono::{DateTime, Utc};

use crate::content::ui::Ui;
use crate::zone::Zone;

/// The app lock, as the lock screen and the settings show it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LockView {
    /// Whether the lock is on (asked for a PIN when Waymark opens).
    pub enabled: bool,
    /// Whether a PIN is needed now before anything of the person's is shown; show the lock
    /// screen while it is true.
    pub locked: bool,
    /// Whether the lock can be turned on: the check-in PINs exist.
    pub available: bool,
    /// When the next PIN may be tried, while a wait after wrong PINs runs.
    pub retry_at: Option<SystemTime>,
    /// What went wrong with the last PIN ("Wrong PIN", or the wait), to show under the field.
    pub problem: Option<String>,
    /// The lock screen's title.
    pub title: String,
    /// The PIN field's label.
    pub pin_label: String,
    /// The button that tries the PIN.
    pub unlock_label: String,
    /// The setting's label ("Ask for a PIN when the app opens").
    pub setting_label: String,
    /// What the two PINs do at the lock, for the setting.
    pub setting_detail: String,
}

/// The shell asking, so that the core can say what that platform still shows of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ShellPlatform {
    /// Android phones.
    Android,
    /// iPhones.
    Ios,
    /// The terminal shell.
    Desktop,
}

/// The disguise, as the settings show it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DisguiseView {
    /// Whether the launcher shows the cover (a calculator) instead of Waymark.
    pub on: bool,
    /// Whether the disguise can be turned on: the check-in PINs exist.
    pub available: bool,
    /// The name the cover shows in the launcher, in the person's language.
    pub cover_name: String,
    /// The setting's label.
    pub setting_label: String,
    /// How to open Waymark from the cover.
    pub detail: String,
    /// What this platform still shows of Waymark while disguised: said plainly, never hidden.
    pub still_visible: String,
}

/// The lock as shown now.
pub(crate) struct LockState {
    pub enabled: bool,
    pub locked: bool,
    pub available: bool,
    pub retry_at: Option<DateTime<Utc>>,
    /// The last PIN was wrong (no wait yet, or one began).
    pub wrong: bool,
}

pub(crate) fn lock_view(ui: &Ui<'_>, zone: &Zone, state: &LockState) -> LockView {
    let problem = match (state.retry_at, state.wrong) {
        (Some(at), _) => Some(ui.format("lock_wait", &[("time", &ui.date_time(at.into(), zone))])),
        (None, true) => Some(ui.text("lock_wrong_pin")),
        (None, false) => None,
    };
    LockView {
        enabled: state.enabled,
        locked: state.locked,
        available: state.available,
        retry_at: state.retry_at.map(Into::into),
        problem,
        title: ui.text("lock_title"),
        pin_label: ui.text("lock_pin_label"),
        unlock_label: ui.text("lock_unlock"),
        setting_label: ui.text("lock_setting"),
        setting_detail: ui.text("lock_setting_detail"),
    }
}

pub(crate) fn disguise_view(
    ui: &Ui<'_>,
    on: bool,
    available: bool,
    platform: ShellPlatform,
) -> DisguiseView {
    let cover_name = ui.text("disguise_cover_name");
    DisguiseView {
        on,
        available,
        setting_label: ui.text("disguise_setting"),
        detail: ui.format("disguise_detail", &[("name", &cover_name)]),
        still_visible: ui.text(match platform {
            ShellPlatform::Android => "disguise_visible_android",
            ShellPlatform::Ios => "disguise_visible_ios",
            ShellPlatform::Desktop => "disguise_visible_desktop",
        }),
        cover_name,
    }
}
