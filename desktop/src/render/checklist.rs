//! The pre-departure checklist.

use waymark_core::{Action, ChecklistView};

use super::{Ctx, with_hint};
use crate::wrap::wrap;

/// Title, progress, then each item with its number (what the commands take), its mark, when
/// it was done, and the article that explains it.
pub(crate) fn checklist(view: &ChecklistView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    out += &wrap(&view.progress.label, "", "");
    out.push('\n');
    let width = view.items.len().to_string().len();
    let indent = " ".repeat(width + 2 + 4);
    for item in &view.items {
        let mark = if item.done {
            s.good("[x]")
        } else {
            "[ ]".to_owned()
        };
        let mut title = item.title.clone();
        if let Some(language) = &item.language {
            title += &ctx.language_mark(language);
        }
        if let Some(article) = &item.article {
            title = with_hint(
                &title,
                &ctx.hint(&Action::OpenArticle {
                    id: article.id.clone(),
                }),
            );
        }
        let number = format!("{:>width$}. {mark} ", item.number);
        out += &wrap(&title, &number, &indent);
        if let Some(done) = &item.done_label {
            out += &wrap(&s.dim(done), &indent, &indent);
        }
    }
    out
}
