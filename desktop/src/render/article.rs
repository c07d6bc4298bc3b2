//! One guide article, rendered from its blocks.

use waymark_core::{Action, ArticleSummary, ArticleView, Block, CalloutTone};

use super::rich::rich;
use super::{Ctx, with_hint};
use crate::wrap::{WIDTH, wrap};

/// The section, title and summary, the body, then the way to the previous and next articles.
pub(crate) fn article(view: &ArticleView, ctx: &Ctx) -> String {
    let s = &ctx.style;
    let mut out = wrap(&s.dim(&view.section_title), "", "");
    out += &wrap(
        &format!(
            "{}{}",
            s.title(&view.title),
            ctx.language_mark(&view.language)
        ),
        "",
        "",
    );
    out += &wrap(&s.dim(&view.summary), "", "");
    for block in &view.blocks {
        out.push('\n');
        out += &self::block(block, ctx);
    }
    if view.previous.is_some() || view.next.is_some() {
        out.push('\n');
    }
    if let Some(previous) = &view.previous {
        out += &neighbour("←", &view.previous_label, previous, ctx);
    }
    if let Some(next) = &view.next {
        out += &neighbour("→", &view.next_label, next, ctx);
    }
    out
}

fn block(block: &Block, ctx: &Ctx) -> String {
    let s = &ctx.style;
    match block {
        Block::Heading { text } => heading(text, ctx),
        Block::Paragraph { text } => wrap(&rich(text, ctx), "", ""),
        Block::BulletList { items } => items
            .iter()
            .map(|item| wrap(&rich(item, ctx), "  • ", "    "))
            .collect(),
        Block::NumberedList { items } => {
            let width = items.len().to_string().len();
            let indent = " ".repeat(2 + width + 2);
            items
                .iter()
                .zip(1..)
                .map(|(item, n)| wrap(&rich(item, ctx), &format!("  {n:>width$}. "), &indent))
                .collect()
        }
        Block::Callout {
            tone,
            label,
            paragraphs,
        } => {
            let label = match tone {
                CalloutTone::Warning | CalloutTone::Important => s.bad(&s.title(label)),
                CalloutTone::Note | CalloutTone::Tip => s.title(label),
            };
            let mut out = wrap(&label, "│ ", "│ ");
            for (i, paragraph) in paragraphs.iter().enumerate() {
                if i > 0 {
                    out += "│\n";
                }
                out += &wrap(&rich(paragraph, ctx), "│ ", "│ ");
            }
            out
        }
    }
}

/// Bold on a terminal; underlined with a rule in plain text, where bold is not available.
fn heading(text: &str, ctx: &Ctx) -> String {
    let mut out = wrap(&ctx.style.title(text), "", "");
    if !ctx.style.enabled() {
        let width = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        out += &"─".repeat(width.min(WIDTH));
        out.push('\n');
    }
    out
}

/// "← Previous: title [→ guide id]": the arrow shows the direction at a glance, the core's
/// label says it in words.
fn neighbour(arrow: &str, label: &str, article: &ArticleSummary, ctx: &Ctx) -> String {
    let hint = ctx.hint(&Action::OpenArticle {
        id: article.id.clone(),
    });
    let title = format!("{}{}", article.title, ctx.language_mark(&article.language));
    wrap(
        &format!("{arrow} {label}: {}", with_hint(&title, &hint)),
        "",
        "  ",
    )
}
