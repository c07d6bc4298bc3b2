//! The content screen.

use waymark_core::ContentPackView;

use super::{Ctx, labelled};
use crate::wrap::wrap;

/// Title, the facts about the content in use, why an installed update is not used, and the
/// command that goes back to the built-in content when there is one to go back from.
pub(crate) fn content_pack(view: &ContentPackView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    for line in &view.lines {
        out += &labelled(&line.label, &line.value, "  ");
    }
    if let Some(problem) = &view.problem {
        out.push('\n');
        out += &wrap(problem, "", "  ");
    }
    if let Some(reset) = &view.reset_label {
        out.push('\n');
        out += &wrap(
            &format!("{reset} {}", s.dim("[waymark pack reset]")),
            "",
            "  ",
        );
    }
    out
}
