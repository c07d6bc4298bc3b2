//! Text styles, printed only where they help: on a terminal, and never when NO_COLOR is set.

use anstyle::{AnsiColor, Effects, Style};

/// Applies styles, or passes text through unchanged when styles are off.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Styler {
    enabled: bool,
}

impl Styler {
    /// Styles are printed only when `enabled`.
    pub(crate) fn new(enabled: bool) -> Self {
        Self { enabled }
    }

    /// Whether styles are printed; plain text needs other ways to stand out.
    pub(crate) fn enabled(&self) -> bool {
        self.enabled
    }

    /// Titles and headings.
    pub(crate) fn title(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::BOLD))
    }

    /// Strong text in an article.
    pub(crate) fn strong(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::BOLD))
    }

    /// Emphasised text in an article.
    pub(crate) fn emphasis(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::ITALIC))
    }

    /// Secondary text: summaries, hints, ids.
    pub(crate) fn dim(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::DIMMED))
    }

    /// Good news: an item done, a line open now.
    pub(crate) fn good(&self, text: &str) -> String {
        self.paint(text, AnsiColor::Green.on_default())
    }

    /// Bad news or danger: a line closed now, a warning.
    pub(crate) fn bad(&self, text: &str) -> String {
        self.paint(text, AnsiColor::Red.on_default())
    }

    /// A word a search found: bold and underlined, or between asterisks when styles are off.
    pub(crate) fn found(&self, text: &str) -> String {
        if self.enabled {
            self.paint(
                text,
                Style::new().effects(Effects::BOLD | Effects::UNDERLINE),
            )
        } else {
            format!("*{text}*")
        }
    }

    fn paint(&self, text: &str, style: Style) -> String {
        if self.enabled && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }
}
