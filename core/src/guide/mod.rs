//! The guide: the list of sections and articles, and one article with its structured body.

use serde::Serialize;

use crate::content::{Block, CalloutTone};
use crate::error::{Error, Result};
use crate::profile::{Prefs, Profile};

/// The guide's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct GuideView {
    /// The screen title.
    pub title: String,
    /// The sections, in order.
    pub sections: Vec<GuideSection>,
}

/// One section of the guide with its articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct GuideSection {
    /// Stable id.
    pub id: String,
    /// Position in the guide, from 1.
    pub position: u32,
    /// The section title.
    pub title: String,
    /// One line about the section.
    pub summary: String,
    /// The language the section's texts are in.
    pub language: String,
    /// The articles, in order.
    pub articles: Vec<ArticleSummary>,
}

/// An article as it appears in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ArticleSummary {
    /// Stable id, used to open the article.
    pub id: String,
    /// Position within its section, from 1.
    pub position: u32,
    /// The article title.
    pub title: String,
    /// One line about the article.
    pub summary: String,
    /// The language the title and summary are in.
    pub language: String,
}

/// One article, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ArticleView {
    /// Stable id.
    pub id: String,
    /// The article title.
    pub title: String,
    /// One line about the article.
    pub summary: String,
    /// The language the article is written in (may differ from the one asked for when the
    /// article has no text in that language yet).
    pub language: String,
    /// The id of the section the article belongs to.
    pub section_id: String,
    /// The title of that section.
    pub section_title: String,
    /// The body.
    pub blocks: Vec<Block>,
    /// The article before this one in reading order, if any.
    pub previous: Option<ArticleSummary>,
    /// The article after this one in reading order, if any.
    pub next: Option<ArticleSummary>,
    /// Label for the link to the previous article, e.g. "Previous".
    pub previous_label: String,
    /// Label for the link to the next article, e.g. "Next".
    pub next_label: String,
}

/// The guide's sections and articles, in order.
pub(crate) fn guide_view(profile: &Profile) -> Result<GuideView> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let sections = prefs
        .pack
        .sections
        .iter()
        .zip(1..)
        .map(|(section, position)| {
            let text = section_text(&prefs, &section.id)?;
            let articles = section
                .articles
                .iter()
                .map(|id| article_summary(&prefs, id))
                .collect::<Result<_>>()?;
            Ok(GuideSection {
                id: section.id.clone(),
                position,
                title: text.0,
                summary: text.1,
                language: text.2,
                articles,
            })
        })
        .collect::<Result<_>>()?;
    Ok(GuideView {
        title: ui.text("guide_title"),
        sections,
    })
}

/// One article by id.
pub(crate) fn article_view(profile: &Profile, id: &str) -> Result<ArticleView> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let reading_order: Vec<&str> = prefs.pack.article_ids().collect();
    let index = reading_order
        .iter()
        .position(|a| *a == id)
        .ok_or_else(|| Error::not_found("article", id))?;
    let section = prefs
        .pack
        .sections
        .iter()
        .find(|s| s.articles.iter().any(|a| a == id))
        .ok_or_else(|| Error::not_found("article", id))?;
    let found = prefs
        .pack
        .find(&prefs.chain, |t| t.articles.get(id))
        .ok_or_else(|| Error::Content(format!("article {id} has no text in any language")))?;
    let blocks = found
        .value
        .blocks
        .iter()
        .cloned()
        .map(|mut block| {
            if let Block::Callout { tone, label, .. } = &mut block {
                *label = ui.text(callout_key(*tone));
            }
            block
        })
        .collect();
    let neighbour = |i: Option<usize>| -> Result<Option<ArticleSummary>> {
        let Some(other) = i.and_then(|i| reading_order.get(i)) else {
            return Ok(None);
        };
        article_summary(&prefs, other).map(Some)
    };
    Ok(ArticleView {
        id: id.to_owned(),
        title: found.value.title.clone(),
        summary: found.value.summary.clone(),
        language: found.language.to_owned(),
        section_id: section.id.clone(),
        section_title: section_text(&prefs, &section.id)?.0,
        blocks,
        previous: neighbour(index.checked_sub(1))?,
        next: neighbour(Some(index + 1))?,
        previous_label: ui.text("label_previous"),
        next_label: ui.text("label_next"),
    })
}

/// An article's list entry in the person's language.
pub(crate) fn article_summary(prefs: &Prefs, id: &str) -> Result<ArticleSummary> {
    let found = prefs
        .pack
        .find(&prefs.chain, |t| t.articles.get(id))
        .ok_or_else(|| Error::Content(format!("article {id} has no text in any language")))?;
    Ok(ArticleSummary {
        id: id.to_owned(),
        position: position_in_section(prefs, id),
        title: found.value.title.clone(),
        summary: found.value.summary.clone(),
        language: found.language.to_owned(),
    })
}

fn position_in_section(prefs: &Prefs, id: &str) -> u32 {
    prefs
        .pack
        .sections
        .iter()
        .find_map(|s| s.articles.iter().position(|a| a == id))
        .map_or(0, |p| p as u32 + 1)
}

/// (title, summary, language) of a section.
fn section_text(prefs: &Prefs, id: &str) -> Result<(String, String, String)> {
    let found = prefs
        .pack
        .find(&prefs.chain, |t| t.sections.get(id))
        .ok_or_else(|| Error::Content(format!("section {id} has no text in any language")))?;
    Ok((
        found.value.title.clone(),
        found.value.summary.clone(),
        found.language.to_owned(),
    ))
}

fn callout_key(tone: CalloutTone) -> &'static str {
    match tone {
        CalloutTone::Note => "callout_note",
        CalloutTone::Tip => "callout_tip",
        CalloutTone::Important => "callout_important",
        CalloutTone::Warning => "callout_warning",
    }
}

#[cfg(test)]
mod tests;
