//! The pre-departure checklist, compact or with each item's details.

use waymark_core::{Action, ChecklistItemView, ChecklistView};

use super::{Ctx, labelled, with_hint};
use crate::wrap::wrap;

/// Title, progress, then each item with its number (what the commands take), its mark and when
/// it was done. Compact, each title is followed by the article that explains it; with
/// `details`, each built-in item is followed by its why, its how and that article, under the
/// core's labels, and items are set apart by blank lines so the longer entries stay readable.
pub(crate) fn checklist(view: &ChecklistView, ctx: &Ctx, details: bool) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.title(&view.title), "", "");
    out += &wrap(&view.progress.label, "", "");
    let width = view.items.len().to_string().len();
    let indent = " ".repeat(width + 2 + 4);
    for (i, item) in view.items.iter().enumerate() {
        if i == 0 || details {
            out.push('\n');
        }
        out += &heading(item, ctx, width, &indent, details);
        if details {
            out += &explanation(item, view, ctx, &indent);
        }
    }
    out
}

/// The item's number, mark and title, then when it was done. The title carries the article's
/// hint only in the compact list: the details name the article on a line of its own.
fn heading(
    item: &ChecklistItemView,
    ctx: &Ctx,
    width: usize,
    indent: &str,
    details: bool,
) -> String {
    let s = &ctx.style;
    let mark = if item.done {
        s.good("[x]")
    } else {
        "[ ]".to_owned()
    };
    let mut title = item.title.clone();
    if let Some(language) = &item.language {
        title += &ctx.language_mark(language);
    }
    if let (Some(article), false) = (&item.article, details) {
        title = with_hint(&title, &article_hint(&article.id, ctx));
    }
    let number = format!("{:>width$}. {mark} ", item.number);
    let mut out = wrap(&title, &number, indent);
    if let Some(done) = &item.done_label {
        out += &wrap(&s.dim(done), indent, indent);
    }
    out
}

/// Why, how and the article to read, each under its label; nothing for the person's own items,
/// which have none of them.
fn explanation(item: &ChecklistItemView, view: &ChecklistView, ctx: &Ctx, indent: &str) -> String {
    let mut out = String::new();
    if let Some(why) = &item.why {
        out += &labelled(&view.why_label, why, indent);
    }
    if let Some(how) = &item.how {
        out += &labelled(&view.how_label, how, indent);
    }
    if let Some(article) = &item.article {
        let title = format!("{}{}", article.title, ctx.language_mark(&article.language));
        let link = with_hint(&title, &article_hint(&article.id, ctx));
        out += &labelled(&view.read_more_label, &link, indent);
    }
    out
}

fn article_hint(id: &str, ctx: &Ctx) -> String {
    ctx.hint(&Action::OpenArticle { id: id.to_owned() })
}
