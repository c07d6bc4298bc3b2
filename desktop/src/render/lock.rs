//! The app lock's and the disguise's settings.

use waymark_core::{Action, DisguiseView, LockView};

use super::Ctx;
use crate::wrap::wrap;

/// The lock setting, marked when on, with what the two PINs do at it.
pub(crate) fn lock(view: &LockView, ctx: &Ctx) -> String {
    let mut out = setting(view.enabled, &view.setting_label, view.available, ctx);
    out += &wrap(&view.setting_detail, "    ", "    ");
    if let Some(problem) = &view.problem {
        out += &wrap(&ctx.style.bad(problem), "    ", "    ");
    }
    out
}

/// The disguise setting, then what the terminal still shows: said plainly, as on the phones.
pub(crate) fn disguise(view: &DisguiseView, ctx: &Ctx) -> String {
    let mut out = setting(view.on, &view.setting_label, view.available, ctx);
    out += &wrap(&view.detail, "    ", "    ");
    out.push('\n');
    out += &wrap(&view.still_visible, "", "");
    out
}

/// "[x] Label", with the command that sets the PINs when the setting needs them first.
fn setting(on: bool, label: &str, available: bool, ctx: &Ctx) -> String {
    let mark = if on { "[x]" } else { "[ ]" };
    let mut line = format!("{mark} {}", ctx.style.strong(label));
    if !available {
        line = format!("{line} {}", ctx.hint(&Action::SetCheckinPins));
    }
    wrap(&line, "", "    ")
}
