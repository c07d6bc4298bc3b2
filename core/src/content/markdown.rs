//! Turns an article body, written in a small subset of Markdown, into [`Block`]s. Anything
//! outside the subset (documented in `core/content/README.md`) is rejected with a reason, so a
//! content mistake fails a test instead of rendering oddly on a phone.

use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::blocks::{Block, CalloutTone, RichText, Span};
use crate::action::Action;

/// Parses `body` into blocks, or says what in it is not allowed.
pub(crate) fn parse_body(body: &str) -> Result<Vec<Block>, String> {
    let mut builder = Builder::default();
    for event in Parser::new_ext(body, Options::ENABLE_GFM) {
        builder.event(event)?;
    }
    Ok(builder.blocks)
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// The inline text being collected (paragraph, heading or list item).
    text: RichText,
    strong: u32,
    emphasis: u32,
    link: Option<Action>,
    /// An open list: whether it is numbered, and its finished items.
    list: Option<(bool, Vec<RichText>)>,
    /// An open callout: its tone and finished paragraphs.
    callout: Option<(CalloutTone, Vec<RichText>)>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) -> Result<(), String> {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                self.push_text(&text);
                Ok(())
            }
            Event::SoftBreak | Event::HardBreak => {
                self.push_text(" ");
                Ok(())
            }
            Event::Code(_) => Err("inline code is not allowed".into()),
            Event::Html(_) | Event::InlineHtml(_) => Err("HTML is not allowed".into()),
            Event::Rule => Err("horizontal rules are not allowed".into()),
            other => Err(format!("unsupported Markdown: {other:?}")),
        }
    }

    fn start(&mut self, tag: Tag<'_>) -> Result<(), String> {
        match tag {
            Tag::Paragraph => Ok(()),
            Tag::Heading { level, .. } => match level {
                HeadingLevel::H2 | HeadingLevel::H3
                    if self.list.is_none() && self.callout.is_none() =>
                {
                    Ok(())
                }
                HeadingLevel::H2 | HeadingLevel::H3 => {
                    Err("headings are not allowed inside lists or callouts".into())
                }
                _ => Err(format!(
                    "only level 2 and 3 headings are allowed, found {level}"
                )),
            },
            Tag::List(start) => {
                if self.list.is_some() {
                    return Err("nested lists are not allowed".into());
                }
                if self.callout.is_some() {
                    return Err("lists are not allowed inside callouts".into());
                }
                self.list = Some((start.is_some(), Vec::new()));
                Ok(())
            }
            Tag::Item => Ok(()),
            Tag::BlockQuote(kind) => {
                if self.callout.is_some() {
                    return Err("nested callouts are not allowed".into());
                }
                let tone = match kind {
                    Some(BlockQuoteKind::Note) => CalloutTone::Note,
                    Some(BlockQuoteKind::Tip) => CalloutTone::Tip,
                    Some(BlockQuoteKind::Important) => CalloutTone::Important,
                    Some(BlockQuoteKind::Warning) | Some(BlockQuoteKind::Caution) => {
                        CalloutTone::Warning
                    }
                    None => {
                        return Err("a block quote must start with [!NOTE], [!TIP], [!IMPORTANT] or [!WARNING]".into());
                    }
                };
                self.callout = Some((tone, Vec::new()));
                Ok(())
            }
            Tag::Strong => {
                self.strong += 1;
                Ok(())
            }
            Tag::Emphasis => {
                self.emphasis += 1;
                Ok(())
            }
            Tag::Link { dest_url, .. } => {
                if self.link.is_some() {
                    return Err("nested links are not allowed".into());
                }
                let action = Action::from_link(&dest_url).ok_or_else(|| {
                    format!(
                        "link target {dest_url:?} is not article:ID, checklist:ID or contact:ID"
                    )
                })?;
                self.link = Some(action);
                Ok(())
            }
            other => Err(format!("unsupported Markdown: {other:?}")),
        }
    }

    fn end(&mut self, tag: TagEnd) -> Result<(), String> {
        match tag {
            TagEnd::Paragraph => {
                let text = self.take_text()?;
                if let Some((_, paragraphs)) = &mut self.callout {
                    paragraphs.push(text);
                } else if self.list.is_some() {
                    // A loose list wraps each item in a paragraph: keep the text for the item.
                    self.text = text;
                } else {
                    self.blocks.push(Block::Paragraph { text });
                }
            }
            TagEnd::Heading(_) => {
                let text = self.take_text()?.plain();
                self.blocks.push(Block::Heading { text });
            }
            TagEnd::Item => {
                let text = self.take_text()?;
                if let Some((_, items)) = &mut self.list {
                    items.push(text);
                }
            }
            TagEnd::List(_) => {
                if let Some((numbered, items)) = self.list.take() {
                    self.blocks.push(if numbered {
                        Block::NumberedList { items }
                    } else {
                        Block::BulletList { items }
                    });
                }
            }
            TagEnd::BlockQuote(_) => {
                if let Some((tone, paragraphs)) = self.callout.take() {
                    if paragraphs.is_empty() {
                        return Err("a callout has no text".into());
                    }
                    self.blocks.push(Block::Callout {
                        tone,
                        label: String::new(),
                        paragraphs,
                    });
                }
            }
            TagEnd::Strong => self.strong -= 1,
            TagEnd::Emphasis => self.emphasis -= 1,
            TagEnd::Link => self.link = None,
            _ => {}
        }
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        let (strong, emphasis, link) = (self.strong > 0, self.emphasis > 0, self.link.clone());
        match self.text.spans.last_mut() {
            Some(last)
                if last.strong == strong && last.emphasis == emphasis && last.link == link =>
            {
                last.text.push_str(text);
            }
            _ => self.text.spans.push(Span {
                text: text.to_owned(),
                strong,
                emphasis,
                link,
            }),
        }
    }

    fn take_text(&mut self) -> Result<RichText, String> {
        let mut text = std::mem::take(&mut self.text);
        if let Some(first) = text.spans.first_mut() {
            first.text = first.text.trim_start().to_owned();
        }
        if let Some(last) = text.spans.last_mut() {
            last.text = last.text.trim_end().to_owned();
        }
        text.spans.retain(|s| !s.text.is_empty());
        if text.spans.is_empty() {
            return Err("an empty paragraph, heading or list item".into());
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, link: Option<Action>) -> Span {
        Span {
            text: text.into(),
            strong: false,
            emphasis: false,
            link,
        }
    }

    #[test]
    fn paragraphs_lists_headings_and_callouts_become_blocks() {
        let body = "First line\nwraps here.\n\n### Sub\n\n- one\n- **two**\n\n1. a\n2. b\n\n> [!WARNING]\n> Keep your passport.\n";
        let blocks = parse_body(body).unwrap();
        assert_eq!(blocks.len(), 5);
        assert_eq!(
            blocks[0],
            Block::Paragraph {
                text: RichText {
                    spans: vec![plain("First line wraps here.", None)]
                }
            }
        );
        assert_eq!(blocks[1], Block::Heading { text: "Sub".into() });
        let Block::BulletList { items } = &blocks[2] else {
            panic!("{:?}", blocks[2])
        };
        assert_eq!(items.len(), 2);
        assert!(items[1].spans[0].strong);
        assert!(matches!(&blocks[3], Block::NumberedList { items } if items.len() == 2));
        assert!(
            matches!(&blocks[4], Block::Callout { tone: CalloutTone::Warning, paragraphs, .. } if paragraphs[0].plain() == "Keep your passport.")
        );
    }

    #[test]
    fn in_app_links_become_actions() {
        let blocks = parse_body("See [the rules](article:safety-rules) now.").unwrap();
        let Block::Paragraph { text } = &blocks[0] else {
            panic!()
        };
        assert_eq!(
            text.spans[1],
            plain(
                "the rules",
                Some(Action::OpenArticle {
                    id: "safety-rules".into()
                })
            )
        );
        assert_eq!(text.plain(), "See the rules now.");
    }

    #[test]
    fn loose_list_items_keep_their_text() {
        let blocks = parse_body("- one\n\n- two\n").unwrap();
        let Block::BulletList { items } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            items.iter().map(RichText::plain).collect::<Vec<_>>(),
            ["one", "two"]
        );
    }

    #[test]
    fn everything_outside_the_subset_is_rejected_with_a_reason() {
        for (body, expected) in [
            ("[web](https://example.org)", "link target"),
            ("<b>x</b>", "HTML"),
            ("`code`", "inline code"),
            ("# Big", "level 2 and 3"),
            ("- a\n  - b", "nested lists"),
            ("> plain quote", "block quote must start"),
            ("![img](article:x)", "unsupported"),
            ("---", "horizontal rules"),
        ] {
            let err = parse_body(body).unwrap_err();
            assert!(err.contains(expected), "{body:?} gave {err:?}");
        }
    }
}
