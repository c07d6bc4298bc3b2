//! One contact from the built-in directory.

use waymark_core::{Action, ContactView};

use super::{Ctx, with_hint};
use crate::wrap::wrap;

/// Name and country, what it does, its services, where and when, its numbers, then notes.
pub(crate) fn contact(view: &ContactView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(
        &format!(
            "{}{}",
            s.title(&view.name),
            ctx.language_mark(&view.language)
        ),
        "",
        "",
    );
    out += &wrap(&s.dim(&view.country), "", "");
    out.push('\n');
    out += &wrap(&view.description, "", "");

    if !view.services.is_empty() {
        out.push('\n');
        for service in &view.services {
            out += &wrap(service, "  • ", "    ");
        }
    }

    let mut facts = String::new();
    if let Some(address) = &view.address {
        facts += &wrap(&format!("⌂ {address}"), "", "  ");
    }
    if let Some(hours) = &view.hours {
        let open = view
            .open_now
            .map(|open| format!(" {}", ctx.open_mark(open)));
        facts += &wrap(&format!("◷ {hours}{}", open.unwrap_or_default()), "", "  ");
    }
    for phone in &view.phones {
        let number = format!("☎ {} ({})", s.title(&phone.number), phone.e164);
        facts += &wrap(&number, "", "  ");
        if let Some(note) = &phone.cost_note {
            facts += &wrap(note, "  ", "  ");
        }
    }
    if let Some(via) = &view.referral_via {
        let hint = ctx.hint(&Action::OpenContact { id: via.id.clone() });
        facts += &wrap(&format!("→ {}", with_hint(&via.name, &hint)), "", "  ");
    }
    if !facts.is_empty() {
        out.push('\n');
        out += &facts;
    }

    if let Some(note) = &view.note {
        out.push('\n');
        out += &wrap(&s.dim(note), "│ ", "│ ");
    }
    out
}
