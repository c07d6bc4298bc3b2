//! The structured body of an article, as a shell renders it natively (no HTML).

use serde::Serialize;

use crate::action::Action;

/// One block of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A sub-heading inside the article.
    Heading {
        /// The heading text.
        text: String,
    },
    /// A paragraph of text.
    Paragraph {
        /// The paragraph's text.
        text: RichText,
    },
    /// A bulleted list.
    BulletList {
        /// The list items, in order.
        items: Vec<RichText>,
    },
    /// A numbered list; the shell numbers the items from 1.
    NumberedList {
        /// The list items, in order.
        items: Vec<RichText>,
    },
    /// A highlighted box (a tip, a warning).
    Callout {
        /// How strongly to highlight it.
        tone: CalloutTone,
        /// The localised word to show at the top, e.g. "Warning".
        label: String,
        /// The callout's paragraphs.
        paragraphs: Vec<RichText>,
    },
}

/// How a callout is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum CalloutTone {
    /// Background information.
    Note,
    /// Practical advice.
    Tip,
    /// Something not to miss.
    Important,
    /// A danger to avoid.
    Warning,
}

/// A run of text made of styled spans.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, uniffi::Record)]
pub struct RichText {
    /// The spans, in reading order.
    pub spans: Vec<Span>,
}

/// A piece of text with one style, possibly a link inside the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Shown in bold.
    pub strong: bool,
    /// Shown in italics.
    pub emphasis: bool,
    /// Where a tap on this span leads, if it is a link.
    pub link: Option<Action>,
}

impl RichText {
    /// The text without styles, e.g. for a plain-text shell or search.
    pub fn plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

impl Block {
    /// Every link in the block, for validation.
    pub(crate) fn links(&self) -> impl Iterator<Item = &Action> {
        let texts: Vec<&RichText> = match self {
            Block::Heading { .. } => vec![],
            Block::Paragraph { text } => vec![text],
            Block::BulletList { items } | Block::NumberedList { items } => items.iter().collect(),
            Block::Callout { paragraphs, .. } => paragraphs.iter().collect(),
        };
        texts
            .into_iter()
            .flat_map(|t| t.spans.iter())
            .filter_map(|s| s.link.as_ref())
    }
}
