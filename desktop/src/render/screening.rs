//! The screening screens: a job offer's result, the saved offers, an ad's red flags, the
//! self-check and the quiz. Every word is the core's.

use waymark_core::{
    AdAnalysisView, LinkView, OfferCheckView, OfferListView, OfferReasonView, QuizFeedbackView,
    QuizResultView, QuizView, RiskLevel, SelfCheckOutcome, SelfCheckResultView, SelfCheckView,
};

use super::{Ctx, labelled, with_hint};
use crate::wrap::wrap;

/// `text` wrapped to the screen with no indent.
pub(crate) fn wrap_text(text: &str) -> String {
    wrap(text, "", "")
}

/// A numbered question, with why it matters under it when given.
pub(crate) fn question(number: u32, text: &str, why: Option<(&str, &str)>, ctx: &Ctx) -> String {
    let number = format!("{number:>2}. ");
    let mut out = wrap(&ctx.style.strong(text), &number, "    ");
    if let Some((label, why)) = why {
        out += &labelled(label, &ctx.style.dim(why), "    ");
    }
    out
}

fn link(link: &LinkView, ctx: &Ctx) -> String {
    with_hint(&link.label, &ctx.hint(&link.action))
}

fn level(title: &str, level: RiskLevel, ctx: &Ctx) -> String {
    let s = &ctx.style;
    match level {
        RiskLevel::Low => s.good(title),
        RiskLevel::Medium => s.strong(title),
        RiskLevel::High => s.bad(title),
    }
}

fn reasons(label: &str, items: &[OfferReasonView], ctx: &Ctx) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", ctx.style.title(label));
    for item in items {
        let mut text = item.text.clone();
        if let Some(from_ad) = &item.from_ad_label {
            text += &format!(" ({from_ad})");
        }
        out += &wrap(&text, "  • ", "    ");
    }
    out
}

/// The offer with its level, reasons, what to find out, advice and where to read more.
pub(crate) fn offer_result(view: &OfferCheckView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let details: Vec<&str> = [&view.offer_title, &view.employer, &view.country]
        .into_iter()
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = wrap(&s.title(&details.join(" · ")), "", "");
    if let Some(checked) = &view.checked_label {
        out += &wrap(&s.dim(checked), "", "");
    }
    out += &wrap(&s.dim(&view.answered_label), "", "");
    out.push('\n');
    let result = &view.result;
    out += &wrap(&level(&result.level_title, result.level, ctx), "", "");
    out += &reasons(&result.reasons_label, &result.reasons, ctx);
    out += &reasons(&result.unknowns_label, &result.unknowns, ctx);
    out.push('\n');
    out += &labelled(&result.advice_label, &result.advice, "");
    if !result.links.is_empty() {
        out += &format!("\n{}\n", s.title(&result.read_more_label));
        for l in &result.links {
            out += &wrap(&link(l, ctx), "  ", "    ");
        }
    }
    out
}

/// The saved offers, each with its level.
pub(crate) fn offer_list(view: &OfferListView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    if view.offers.is_empty() {
        return out + &wrap(&view.empty_label, "", "");
    }
    for offer in &view.offers {
        out.push('\n');
        let details: Vec<&str> = [&offer.title, &offer.employer, &offer.country]
            .into_iter()
            .map(String::as_str)
            .filter(|t| !t.is_empty())
            .collect();
        out += &wrap(&details.join(" · "), "  ", "    ");
        out += &wrap(
            &format!(
                "{} — {}",
                level(&offer.level_title, offer.level, ctx),
                s.dim(&offer.checked_label)
            ),
            "    ",
            "    ",
        );
    }
    out
}

/// Each red flag with why it matters and the words that show it, then the phone numbers.
pub(crate) fn ad_analysis(view: &AdAnalysisView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    out += &wrap(&view.summary, "", "");
    for flag in &view.flags {
        out.push('\n');
        out += &wrap(&s.bad(&flag.title), "  ! ", "    ");
        out += &wrap(&flag.explanation, "    ", "    ");
        for span in &flag.spans {
            let quoted = format!(
                "“{}”",
                span.text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            out += &wrap(&s.dim(&quoted), "    › ", "      ");
        }
    }
    if !view.phones.is_empty() {
        out += &format!("\n{}\n", s.title(&view.phones_label));
        for phone in &view.phones {
            out += &wrap(
                &format!(
                    "{} ({}) — {}",
                    phone.span.text, phone.e164, phone.kind_label
                ),
                "  ☎ ",
                "    ",
            );
        }
    }
    out
}

/// The quick exit first, so it is never more than a glance away, then the title and intro.
pub(crate) fn self_check_header(view: &SelfCheckView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&link(&view.quick_exit, ctx), "", "");
    out += &wrap(&s.title(&view.title), "", "");
    out += &wrap(&view.intro, "", "");
    out
}

/// The outcome: help now first when there is any sign, then the signs, contacts and articles,
/// and the quick exit again.
pub(crate) fn self_check_result(view: &SelfCheckResultView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let title = match view.outcome {
        SelfCheckOutcome::Signs => s.bad(&view.title),
        _ => s.title(&view.title),
    };
    let mut out = wrap(&title, "", "");
    if let Some(help) = &view.help_now {
        out += &wrap(&s.strong(&link(help, ctx)), "→ ", "  ");
    }
    out += &wrap(&view.message, "", "");
    if !view.signs.is_empty() {
        out.push('\n');
        for sign in &view.signs {
            out += &wrap(sign, "  • ", "    ");
        }
    }
    out.push('\n');
    for l in view.contacts.iter().chain(&view.articles) {
        out += &wrap(&link(l, ctx), "  ", "    ");
    }
    out.push('\n');
    out += &wrap(&link(&view.quick_exit, ctx), "", "");
    out
}

/// The quiz's title, how to play and the best score so far.
pub(crate) fn quiz_header(view: &QuizView, ctx: &Ctx) -> String {
    let mut out = wrap(&ctx.style.title(&view.title), "", "");
    out += &wrap(&view.intro, "", "");
    out += &wrap(&ctx.style.dim(&view.best_label), "", "");
    out
}

/// Right or not, whether the statement is true, why, and where to read more.
pub(crate) fn quiz_feedback(view: &QuizFeedbackView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let verdict = if view.correct {
        s.good(&view.verdict)
    } else {
        s.bad(&view.verdict)
    };
    let mut out = wrap(&format!("{verdict} {}", view.truth), "    ", "    ");
    out += &wrap(&view.explanation, "    ", "    ");
    out += &wrap(&link(&view.read_more, ctx), "    ", "    ");
    out
}

/// The score, the best score and whether this was a new best.
pub(crate) fn quiz_result(view: &QuizResultView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.score_label), "", "");
    if let Some(new_best) = &view.new_best_label {
        out += &wrap(&s.good(new_best), "", "");
    }
    out += &wrap(&view.best_label, "", "");
    out
}
