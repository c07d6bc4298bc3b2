//! The home screen.

use waymark_core::{Action, HomeView};

use super::{Ctx, with_hint};
use crate::wrap::wrap;

/// Title and tagline, the next step, the hotline, then the menu.
pub(crate) fn home(view: &HomeView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    out += &wrap(&view.tagline, "", "");
    if let Some(warning) = &view.alert_warning {
        out.push('\n');
        out += &super::alert_warning(warning, ctx);
    }

    let step = &view.next_step;
    out.push('\n');
    out += &wrap(
        &format!("{}: {}", s.title(&step.heading), step.title),
        "",
        "  ",
    );
    if !step.detail.is_empty() {
        out += &wrap(&step.detail, "  ", "  ");
    }
    out += &wrap(&ctx.hint(&step.action), "  ", "  ");

    let hotline = &view.hotline;
    out.push('\n');
    out += &wrap(
        &with_hint(
            &s.title(&hotline.name),
            &ctx.hint(&Action::OpenContact {
                id: hotline.contact_id.clone(),
            }),
        ),
        "",
        "  ",
    );
    out += &wrap(
        &format!("☎ {} ({})", s.title(&hotline.number), hotline.e164),
        "  ",
        "    ",
    );
    if !hotline.hours.is_empty() {
        let status = ctx.status(&hotline.status, hotline.open_now);
        let hours = format!("{} — {status}", hotline.hours);
        out += &wrap(&hours, "  ", "  ");
    }
    if let Some(note) = &hotline.cost_note {
        out += &wrap(note, "  ", "  ");
    }

    // Who to contact first depends on the country, which `help-now --country` takes.
    out.push('\n');
    out += &wrap(
        &with_hint(
            &s.title(&view.help_now.title),
            &s.dim(&crate::wrap::glue("[→ help-now --country XX]")),
        ),
        "",
        "  ",
    );

    if let Some(checkin) = &view.checkin {
        out.push('\n');
        out += &wrap(
            &with_hint(&checkin.headline, &ctx.hint(&checkin.action)),
            "",
            "  ",
        );
    }

    out.push('\n');
    for entry in &view.menu {
        let title = match entry.action {
            // The checklist's progress belongs beside the way into it.
            Action::OpenChecklist => format!("{} · {}", entry.title, view.checklist.label),
            _ => entry.title.clone(),
        };
        out += &wrap(&with_hint(&title, &ctx.hint(&entry.action)), "", "  ");
    }
    out
}
