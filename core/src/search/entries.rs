//! What a person can find: everything in one language of the pack, indexed once per pack and
//! kept with it, and the person's own checklist items and contacts, read at each search.

use std::sync::Arc;

use super::index::{Corpus, Entry, Index};
use super::view::SearchKind;
use crate::action::Action;
use crate::checklist::own_items;
use crate::contacts::own_contact_rows;
use crate::content::{Block, LanguageTexts, Pack};
use crate::error::Result;
use crate::profile::Profile;

/// The pack's index, built on the first search and kept with the pack: a pack that replaces
/// this one gets its own.
pub(crate) fn search_index(pack: &Pack) -> Arc<Index> {
    pack.derived(pack_index)
}

/// Indexes every entry of the pack, language by language.
pub(crate) fn pack_index(pack: &Pack) -> Index {
    Index::new(
        pack.written_languages()
            .map(|(code, texts)| Corpus::build(code, pack_entries(pack, texts)))
            .collect(),
    )
}

/// The person's own checklist items and contacts. Their texts are personal: they are
/// searched in memory and never logged.
pub(crate) fn own_entries(profile: &Profile) -> Result<Vec<Entry>> {
    let (items, contacts) = profile
        .db
        .read(|conn| Ok((own_items(conn)?, own_contact_rows(conn)?)))?;
    let items = items.into_iter().map(|item| Entry {
        kind: SearchKind::ChecklistItem,
        action: Action::OpenChecklistItem {
            id: item.id.clone(),
        },
        id: item.id,
        title: item.text,
        body: String::new(),
    });
    let contacts = contacts.into_iter().map(|row| Entry {
        kind: SearchKind::Contact,
        id: row.id.to_string(),
        title: row.fields.name,
        body: row.fields.notes,
        action: Action::OpenOwnContacts,
    });
    Ok(items.chain(contacts).collect())
}

/// Everything in one language of the pack a person can search, in the pack's order.
pub(crate) fn pack_entries(pack: &Pack, texts: &LanguageTexts) -> Vec<Entry> {
    let mut entries = Vec::new();
    for id in pack.article_ids() {
        let Some(article) = texts.articles.get(id) else {
            continue;
        };
        let mut body = vec![article.summary.clone()];
        body.extend(article.blocks.iter().flat_map(block_texts));
        entries.push(Entry {
            kind: SearchKind::Article,
            id: id.to_owned(),
            title: article.title.clone(),
            body: body.join(" "),
            action: Action::OpenArticle { id: id.to_owned() },
        });
    }
    for def in &pack.checklist {
        let Some(item) = texts.checklist.get(&def.id) else {
            continue;
        };
        entries.push(Entry {
            kind: SearchKind::ChecklistItem,
            id: def.id.clone(),
            title: item.title.clone(),
            body: format!("{} {}", item.why, item.how),
            action: Action::OpenChecklistItem { id: def.id.clone() },
        });
    }
    let screening = &pack.screening.def;
    for flag in &screening.flag {
        let Some(text) = texts.screening.flag.get(&flag.id) else {
            continue;
        };
        // A red flag opens the article that explains it: its question's, else the one every
        // job-offer result links to.
        let article = screening
            .offer
            .question
            .iter()
            .find(|q| q.id == flag.question)
            .and_then(|q| q.articles.first())
            .or(screening.offer.articles.first());
        entries.push(Entry {
            kind: SearchKind::RedFlag,
            id: flag.id.clone(),
            title: text.title.clone(),
            body: text.explanation.clone(),
            action: article.map_or(Action::OpenOfferCheck, |id| Action::OpenArticle {
                id: id.clone(),
            }),
        });
    }
    for def in &pack.contacts {
        let Some(contact) = texts.contacts.get(&def.id) else {
            continue;
        };
        let mut body = vec![contact.description.clone()];
        body.extend(contact.services.iter().cloned());
        body.extend(contact.address.iter().cloned());
        body.extend(contact.note.iter().cloned());
        entries.push(Entry {
            kind: SearchKind::Contact,
            id: def.id.clone(),
            title: contact.name.clone(),
            body: body.join(" "),
            action: Action::OpenContact { id: def.id.clone() },
        });
    }
    entries
}

/// The plain texts of a block.
fn block_texts(block: &Block) -> Vec<String> {
    match block {
        Block::Heading { text } => vec![text.clone()],
        Block::Paragraph { text } => vec![text.plain()],
        Block::BulletList { items } | Block::NumberedList { items } => {
            items.iter().map(|i| i.plain()).collect()
        }
        Block::Callout { paragraphs, .. } => paragraphs.iter().map(|p| p.plain()).collect(),
    }
}
