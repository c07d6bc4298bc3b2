//! The check-in screens, on both sides.

use waymark_core::{
    AlertUrgency, AlertWarning, CheckinHistoryView, CheckinMessageView, CheckinReceipt,
    CheckinView, FamilyHistoryView, FamilyListView, FamilyTravellerView, NotificationPlan,
    PlanChangeView, PlanExport, SharedTextView, SlotStatus, SlotView, TestAlarmView,
    VerificationView,
};

use super::{Ctx, labelled, with_hint};
use crate::wrap::wrap;

/// The traveller's check-in screen.
pub(crate) fn checkin_status(view: &CheckinView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    if let Some(name) = &view.traveller_name {
        out += &wrap(name, "", "");
    }
    out += &wrap(&view.headline, "", "  ");
    if let Some(action) = &view.action {
        out += &wrap(&ctx.hint(action), "  ", "  ");
    }
    out.push('\n');
    for slot in view.current.iter().chain(&view.next) {
        out += &slot_lines(slot, ctx);
    }
    if let Some(last) = &view.last_checkin {
        out += &wrap(last, "", "  ");
    }
    out += &wrap(&view.streak_label, "", "  ");
    out
}

fn slot_lines(slot: &SlotView, ctx: &Ctx) -> String {
    let good = matches!(
        slot.status,
        SlotStatus::Done | SlotStatus::Upcoming | SlotStatus::Open | SlotStatus::Paused
    );
    let mut out = wrap(
        &format!("{} — {}", slot.label, ctx.status(&slot.status_label, good)),
        "",
        "  ",
    );
    out += &wrap(&slot.other_side, "  ", "  ");
    out
}

/// What the traveller sees after checking in: the same whichever PIN was used.
pub(crate) fn checkin_receipt(receipt: &CheckinReceipt, ctx: &Ctx) -> String {
    let mut out = wrap(&receipt.headline, "", "");
    out.push('\n');
    out += &wrap(&receipt.message, "  ", "  ");
    out.push('\n');
    out += &checkin_status(&receipt.status, ctx);
    out
}

/// Every check-in made.
pub(crate) fn checkin_history(view: &CheckinHistoryView, ctx: &Ctx) -> String {
    let mut out = wrap(&ctx.style.title(&view.title), "", "");
    for entry in &view.entries {
        out += &wrap(
            &format!("{} · {}", entry.at_label, entry.slot_label),
            "  ",
            "    ",
        );
    }
    out
}

/// The notes the check-in message can read as, the one in use marked.
pub(crate) fn checkin_message(view: &CheckinMessageView) -> String {
    let mut out = wrap(&view.title, "", "");
    out += &wrap(&view.explanation, "", "");
    out.push('\n');
    for option in &view.options {
        let mark = if option.chosen { "[x]" } else { "[ ]" };
        out += &wrap(
            &format!("{mark} {}: {}", option.id, option.example),
            "  ",
            "      ",
        );
    }
    if let Some(example) = &view.own_example {
        out += &wrap(&format!("[x] {example}"), "  ", "      ");
    }
    out.push('\n');
    out += &wrap(&view.own_hint, "", "");
    out
}

/// The family's list.
pub(crate) fn family_list(view: &FamilyListView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    if let Some(hint) = &view.empty_hint {
        out += &wrap(hint, "", "");
    }
    for t in &view.travellers {
        let line = format!("{} · {}", s.strong(&t.name), t.destination);
        out += &wrap(
            &with_hint(
                &line,
                &ctx.hint(&waymark_core::Action::OpenWatchedTraveller { id: t.id.clone() }),
            ),
            "",
            "  ",
        );
        let headline = if t.needs_attention {
            s.bad(&t.headline)
        } else {
            t.headline.clone()
        };
        out += &wrap(&headline, "  ", "  ");
    }
    out
}

/// One watched traveller, with the steps to take when something is wrong.
pub(crate) fn family_traveller(view: &FamilyTravellerView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(
        &format!("{} · {}", s.title(&view.name), view.destination),
        "",
        "",
    );
    let headline = if view.needs_attention {
        s.bad(&view.headline)
    } else {
        view.headline.clone()
    };
    out += &wrap(&headline, "", "  ");
    if let Some(change) = &view.pending_change {
        out.push('\n');
        out += &pending_change(change, &view.id, ctx);
    }
    out.push('\n');
    for slot in view.current.iter().chain(&view.next) {
        out += &slot_lines(slot, ctx);
    }
    if let Some(last) = &view.last_checkin {
        out += &wrap(last, "", "  ");
    }
    if !view.steps.is_empty() {
        out.push('\n');
        out += &steps(view, ctx, "");
    }
    out.push('\n');
    for fact in &view.facts {
        out += &labelled(&fact.label, &fact.value, "");
    }
    out.push('\n');
    out += &wrap(&view.signal_phrase_reminder, "", "");
    out
}

/// What to do now, in order, each step's lines starting at `indent`.
fn steps(view: &FamilyTravellerView, ctx: &Ctx, indent: &str) -> String {
    let mut out = String::new();
    let more = format!("{indent}   ");
    for step in &view.steps {
        let title = format!("{}. {}", step.number, ctx.style.strong(&step.title));
        let title = match &step.action {
            Some(action) => with_hint(&title, &ctx.hint(action)),
            None => title,
        };
        out += &wrap(&title, indent, &more);
        out += &wrap(&step.detail, &more, &more);
    }
    out
}

/// A changed plan that weakens the routine, waiting for the family's call: each difference,
/// what to do, and the two commands that settle it.
fn pending_change(change: &PlanChangeView, id: &str, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.bad(&change.title), "", "");
    for difference in &change.differences {
        out += &wrap(&format!("- {difference}"), "  ", "    ");
    }
    out += &wrap(&change.ask, "", "");
    for (label, command) in [
        (&change.accept_label, "accept"),
        (&change.keep_label, "keep"),
    ] {
        let line = with_hint(label, &ctx.command(&format!("family {command} {id}")));
        out += &wrap(&line, "  ", "    ");
    }
    out
}

/// The passphrase that seals a shared plan, large, and what to do with it.
pub(crate) fn passphrase(export: &PlanExport, ctx: &Ctx) -> String {
    let mut out = wrap(&ctx.style.title(&export.passphrase), "    ", "    ");
    out += &wrap(&export.passphrase_hint, "", "");
    out
}

/// The result of checking a received message.
pub(crate) fn verification(view: &VerificationView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let headline = if view.needs_help {
        s.bad(&view.headline)
    } else {
        s.title(&view.headline)
    };
    let mut out = wrap(&headline, "", "");
    out += &wrap(&view.detail, "", "");
    out.push('\n');
    out += &family_traveller(&view.traveller, ctx);
    out
}

/// A text with one message or several, checked code by code: the calls for help first, marked,
/// then the other checks in the text's order, each under its traveller's name; the codes that
/// belong to no one; and the screen of the traveller the text most likely comes from.
pub(crate) fn shared_text(view: &SharedTextView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = String::new();
    let (help, rest): (Vec<_>, Vec<_>) = view.checks.iter().partition(|c| c.needs_help);
    for check in help.iter().chain(&rest) {
        let line = if check.needs_help {
            s.bad(&format!("⚠ {} · {}", check.traveller.name, check.headline))
        } else {
            format!("{} · {}", s.strong(&check.traveller.name), check.headline)
        };
        out += &wrap(&line, "", "  ");
        out += &wrap(&check.detail, "  ", "  ");
        if check.needs_help {
            // The detail and the steps point at the steps and the facts "below": the
            // traveller's, as on their screen.
            out += &steps(&check.traveller, ctx, "  ");
            for fact in &check.traveller.facts {
                out += &labelled(&fact.label, &fact.value, "  ");
            }
        }
        out.push('\n');
    }
    if let Some(summary) = &view.summary {
        out += &wrap(summary, "", "");
    }
    for code in &view.unknown_codes {
        out += &wrap(code, "  ", "  ");
    }
    if let Some(id) = &view.traveller_id {
        let hint = ctx.hint(&waymark_core::Action::OpenWatchedTraveller { id: id.clone() });
        let name = view.checks.iter().find(|c| &c.traveller.id == id);
        let line = match name {
            Some(check) => with_hint(&check.traveller.name, &hint),
            None => hint,
        };
        if view.summary.is_some() || !view.unknown_codes.is_empty() {
            out.push('\n');
        }
        out += &wrap(&line, "", "  ");
    }
    out
}

/// Every message checked for a traveller.
pub(crate) fn family_history(view: &FamilyHistoryView, ctx: &Ctx) -> String {
    let mut out = wrap(&ctx.style.title(&view.title), "", "");
    for entry in &view.entries {
        out += &wrap(
            &format!("{} · {}", entry.at_label, entry.outcome_label),
            "  ",
            "    ",
        );
        out += &wrap(&entry.slot_label, "    ", "    ");
    }
    out
}

/// The alerts a phone would schedule, each with its urgency as `--json` names it (`alarm`
/// must sound on time, `reminder` may come a few minutes late), like the ids: for the people
/// who check what a phone will do.
pub(crate) fn alerts(plan: &NotificationPlan, _ctx: &Ctx) -> String {
    let mut out = String::new();
    for alert in &plan.alerts {
        let urgency = match alert.urgency {
            AlertUrgency::Alarm => "alarm",
            AlertUrgency::Reminder => "reminder",
        };
        out += &format!(
            "{}  {urgency:<8}  {}  {}\n",
            waymark_core::rfc3339(alert.fire_at),
            alert.id,
            alert.title
        );
        out += &wrap(&alert.body, "    ", "    ");
    }
    out += &format!("⟳ {}\n", waymark_core::rfc3339(plan.plan_again_at));
    out
}

/// What the home screen says when alerts did not sound on time.
pub(crate) fn alert_warning(warning: &AlertWarning, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&format!("⚠ {}", warning.title)), "", "  ");
    for line in &warning.lines {
        out += &wrap(line, "  • ", "    ");
    }
    out += &wrap(&warning.advice, "  ", "  ");
    out += &wrap(
        &super::with_hint(&warning.help_label, &ctx.hint(&warning.help)),
        "  ",
        "  ",
    );
    out += &wrap(
        &format!("{} [→ alerts dismiss]", warning.dismiss_label),
        "  ",
        "  ",
    );
    out
}

/// The test alarm's state.
pub(crate) fn test_alarm(view: &TestAlarmView) -> String {
    let mut out = wrap(&view.text, "", "");
    if let Some(at) = view.fire_at {
        out += &format!("⏰ {}\n", waymark_core::rfc3339(at));
    }
    out
}
