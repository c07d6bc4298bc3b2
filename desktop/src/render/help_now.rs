//! "Help now": who to contact first, in order, then the local emergency numbers and what to say.

use waymark_core::{Action, HelpNowView, HelpStep, OpeningView};

use super::{Ctx, with_hint};
use crate::wrap::wrap;

/// Title and country, the steps in the core's order, the country's emergency numbers with their
/// source, and what to say.
pub(crate) fn help_now(view: &HelpNowView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    if let Some(country) = &view.country {
        out += &wrap(&s.dim(country), "", "");
    }
    for prompt in view.country_prompt.iter().chain(&view.embassy_hint) {
        out += &wrap(prompt, "", "");
    }
    let width = view.steps.len().to_string().len();
    let indent = " ".repeat(width + 2);
    for (i, step) in view.steps.iter().enumerate() {
        out.push('\n');
        out += &step_text(step, i + 1, width, &indent, ctx);
    }
    if let Some(emergency) = &view.emergency {
        out.push('\n');
        out += &wrap(&s.title(&emergency.title), "", "");
        for line in &emergency.lines {
            out += &wrap(&format!("{}: {}", line.label, line.number), "  ", "    ");
        }
        if let Some(note) = &emergency.note {
            out += &wrap(note, "  ! ", "    ");
        }
        out += &wrap(&s.dim(&emergency.source_text), "  ", "    ");
    }
    out.push('\n');
    out += &wrap(&s.title(&view.what_to_say_title), "", "");
    for line in &view.what_to_say {
        out += &wrap(line, "  • ", "    ");
    }
    out
}

fn step_text(step: &HelpStep, position: usize, width: usize, indent: &str, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let hint = step
        .details
        .as_ref()
        .or_else(|| {
            step.actions
                .iter()
                .map(|a| &a.action)
                .find(|a| matches!(a, Action::Dial { .. }))
        })
        .map(|a| ctx.hint(a))
        .unwrap_or_default();
    let mut out = wrap(
        &with_hint(
            &format!("{} — {}", s.title(&step.title), s.title(&step.number)),
            &hint,
        ),
        &format!("{position:>width$}. "),
        indent,
    );
    out += &wrap(&step.why, indent, indent);
    if let Some(note) = &step.reach_note {
        out += &wrap(&s.bad(note), indent, indent);
    }
    if let Some(source) = &step.source_text {
        out += &wrap(&s.dim(source), indent, indent);
    }
    if let Some(opening) = &step.opening {
        out += &opening_lines(opening, ctx, indent);
    }
    out
}

/// The status, coloured, leading the first of the lines the core puts under it; then the rest.
fn opening_lines(opening: &OpeningView, ctx: &Ctx, indent: &str) -> String {
    let status = ctx.status(&opening.status, opening.open_now);
    let mut lines = opening.lines.iter();
    let first = match lines.next() {
        Some(line) => format!("{status}. {line}"),
        None => status,
    };
    let mut out = wrap(&first, indent, indent);
    for line in lines {
        out += &wrap(line, indent, indent);
    }
    out
}
