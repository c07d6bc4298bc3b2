//! Search results.

use waymark_core::{SearchView, TextPart};

use super::{Ctx, with_hint};
use crate::wrap::wrap;

/// The numbered results, each with its kind, its title and a snippet with the found words
/// marked, and the command that opens it; the core's message when there are none.
pub(crate) fn search(view: &SearchView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&format!("{}: {}", s.title(&view.title), view.query), "", "");
    if view.results.is_empty() {
        out.push('\n');
        out += &wrap(&view.empty_text, "", "");
        return out;
    }
    for (number, result) in (1..).zip(&view.results) {
        out.push('\n');
        let number = format!("{number}.");
        let indent = " ".repeat(number.chars().count() + 1);
        let language = result
            .language
            .as_deref()
            .map(|l| ctx.language_mark(l))
            .unwrap_or_default();
        let title = format!(
            "{number} {} {}{language}",
            s.dim(&format!("{}:", result.kind_label)),
            s.title(&marked(&result.title_parts, ctx)),
        );
        out += &wrap(&with_hint(&title, &ctx.hint(&result.action)), "", &indent);
        if !result.snippet.is_empty() {
            out += &wrap(&marked(&result.snippet, ctx), &indent, &indent);
        }
    }
    out
}

/// The parts joined, found words marked (on one line: snippets may span paragraphs).
fn marked(parts: &[TextPart], ctx: &Ctx) -> String {
    parts
        .iter()
        .map(|p| {
            let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
            // Keep the spaces at the piece's edges, which separate it from its neighbours.
            let lead = if p.text.starts_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
            let tail = if p.text.ends_with(char::is_whitespace) && !text.is_empty() {
                " "
            } else {
                ""
            };
            if p.highlighted {
                format!("{lead}{}{tail}", ctx.style.found(&text))
            } else {
                format!("{lead}{text}{tail}")
            }
        })
        .collect()
}
