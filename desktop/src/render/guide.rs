//! The guide's table of contents.

use waymark_core::{Action, GuideView};

use super::{Ctx, with_hint};
use crate::wrap::wrap;

/// Each section with its numbered articles; each article shows the command that opens it.
pub(crate) fn guide(view: &GuideView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    for section in &view.sections {
        out.push('\n');
        let heading = format!(
            "{}. {}{}",
            section.position,
            s.title(&section.title),
            ctx.language_mark(&section.language)
        );
        out += &wrap(&heading, "", "   ");
        out += &wrap(&s.dim(&section.summary), "   ", "   ");
        for article in &section.articles {
            let number = format!("{}.{}", section.position, article.position);
            let title = format!("{}{}", article.title, ctx.language_mark(&article.language));
            let hint = ctx.hint(&Action::OpenArticle {
                id: article.id.clone(),
            });
            let indent = " ".repeat(3 + number.chars().count() + 1);
            out += &wrap(
                &format!("{number} {}", with_hint(&title, &hint)),
                "   ",
                &indent,
            );
            out += &wrap(&s.dim(&article.summary), &indent, &indent);
        }
    }
    out
}
