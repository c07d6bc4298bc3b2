//! One contact from the built-in directory.

use waymark_core::{Action, ContactView};

use super::{Ctx, labelled, with_hint};
use crate::wrap::wrap;

/// Name and country, what it does, its services, where and when, its numbers, how to get a
/// place, then notes. Every field is named by the core's label, so a person who cannot read a
/// symbol still knows what each line is.
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
        out += &wrap(&format!("{}:", view.labels.services), "", "");
        for service in &view.services {
            out += &wrap(service, "  • ", "    ");
        }
    }

    let facts = facts(view, ctx);
    if !facts.is_empty() {
        out.push('\n');
        out += &facts;
    }

    if let Some(note) = &view.note {
        out.push('\n');
        out += &wrap(&s.dim(note), "│ ", "│ ");
    }
    if let Some(source) = &view.source_text {
        out.push('\n');
        out += &wrap(&s.dim(source), "", "");
    }
    out
}

/// Address, hours with whether it is open now, phones, capacity and referral, one per line.
fn facts(view: &ContactView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let labels = &view.labels;
    let mut out = String::new();
    if let Some(address) = &view.address {
        out += &labelled(&labels.address, address, "");
    }
    if let Some(hours) = &view.hours {
        let status = match (&view.status, view.open_now) {
            (Some(status), Some(open)) => format!(" — {}", ctx.status(status, open)),
            _ => String::new(),
        };
        out += &labelled(&labels.hours, &format!("{hours}{status}"), "");
        if let Some(opening) = &view.opening {
            for line in &opening.lines {
                out += &wrap(line, "  ", "  ");
            }
        }
    }
    for phone in &view.phones {
        let number = format!("{} ({})", s.title(&phone.number), phone.e164);
        out += &labelled(&labels.phones, &number, "");
        if let Some(note) = &phone.cost_note {
            out += &wrap(note, "  ", "  ");
        }
    }
    if let Some(capacity) = &view.capacity_text {
        out += &wrap(capacity, "", "  ");
    }
    if let Some(via) = &view.referral_via {
        let hint = ctx.hint(&Action::OpenContact { id: via.id.clone() });
        out += &labelled(&labels.referral, &with_hint(&via.name, &hint), "");
    }
    out
}
