//! The person's own contacts.

use waymark_core::{Action, OwnContactsView};

use super::{Ctx, labelled, with_hint};
use crate::wrap::wrap;

/// Title, then each contact with its number (what `contacts edit` and `rm` take), its kind,
/// phone, country and notes; or the core's words for an empty list.
pub(crate) fn own_contacts(view: &OwnContactsView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    if view.contacts.is_empty() {
        out.push('\n');
        out += &wrap(&view.empty_text, "", "");
        return out;
    }
    let width = view.contacts.len().to_string().len();
    let indent = " ".repeat(width + 2);
    for contact in &view.contacts {
        out.push('\n');
        let number = format!("{:>width$}. ", contact.number);
        out += &wrap(
            &format!("{} · {}", s.title(&contact.name), contact.kind_label),
            &number,
            &indent,
        );
        let dial = contact
            .actions
            .iter()
            .find(|a| matches!(a.action, Action::Dial { .. }))
            .map(|a| ctx.hint(&a.action))
            .unwrap_or_default();
        out += &wrap(
            &with_hint(
                &format!("{} · {}", contact.display_number, contact.country),
                &dial,
            ),
            &indent,
            &indent,
        );
        if !contact.notes.is_empty() {
            out += &labelled(&view.notes_label, &contact.notes, &indent);
        }
    }
    out
}
