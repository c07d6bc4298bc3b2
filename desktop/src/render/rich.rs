//! Rich text (styled spans and in-app links) as one line of terminal text, ready to wrap.

use waymark_core::RichText;

use super::Ctx;

/// The spans with their styles; each link is followed by the command that opens it.
pub(super) fn rich(text: &RichText, ctx: &Ctx) -> String {
    let mut out = String::new();
    for span in &text.spans {
        let styled = match (span.strong, span.emphasis) {
            (true, true) => ctx.style.strong(&ctx.style.emphasis(&span.text)),
            (true, false) => ctx.style.strong(&span.text),
            (false, true) => ctx.style.emphasis(&span.text),
            (false, false) => span.text.clone(),
        };
        out.push_str(&styled);
        if let Some(link) = &span.link {
            out.push(' ');
            out.push_str(&ctx.hint(link));
        }
    }
    out
}
