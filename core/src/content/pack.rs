//! A parsed, validated content pack: the guide, the checklist texts, the contact directory, the
//! emergency numbers, the screening tools and the interface strings, in every language, found
//! along a person's language chain.

use std::any::Any;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use super::blocks::Block;
use super::derived::Derived;
use super::emergency::check_emergency;
use super::format::{SourceFormat, read, read_optional};
use super::hours::Hours;
use super::language::{self, Chain};
use super::local_help::check_local_help;
use super::markdown;
use super::screening;
use super::shell_keys;
use super::source::{
    ChecklistDef, ChecklistFile, ContactDef, ContactText, ContactsFile, EmergencyDef,
    EmergencyFile, GuideFile, ItemText, LanguageDef, LanguagesFile, LocalHelpFile, SectionDef,
    SectionText, StructureFile, UiFile,
};
use super::ui_keys;
use crate::action::Action;
use crate::error::{Error, Result, reason};

/// A parsed, validated content pack.
#[derive(Debug)]
pub(crate) struct Pack {
    pub id: String,
    pub version: u32,
    pub languages: Vec<LanguageDef>,
    pub sections: Vec<SectionDef>,
    pub checklist: Vec<ChecklistDef>,
    /// The contact directory: `structure.toml`'s contacts, then `local-help.toml`'s.
    pub contacts: Vec<ContactDef>,
    /// Emergency numbers by country, sorted by country code.
    pub emergency: Vec<EmergencyDef>,
    /// The screening tools: job-offer check, ad analyzer, self-check, quiz.
    pub screening: screening::Screening,
    texts: BTreeMap<String, LanguageTexts>,
    /// What features build from this pack on first use (the search index): a pack that replaces
    /// this one gets its own.
    derived: Derived,
}

/// Everything written in one language.
#[derive(Debug)]
pub(crate) struct LanguageTexts {
    pub sections: BTreeMap<String, SectionText>,
    pub articles: BTreeMap<String, Article>,
    pub checklist: BTreeMap<String, ItemText>,
    pub contacts: BTreeMap<String, ContactText>,
    /// Caveats about a country's emergency numbers, by country code.
    pub emergency_notes: BTreeMap<String, String>,
    pub ui: UiFile,
    pub screening: screening::ScreeningTexts,
}

/// An article's text, with its body already parsed into blocks.
#[derive(Debug)]
pub(crate) struct Article {
    pub title: String,
    pub summary: String,
    pub blocks: Vec<Block>,
}

/// A text found along a language chain, with the language it is really in.
pub(crate) struct Localized<'a, T> {
    pub value: &'a T,
    pub language: &'a str,
}

impl Pack {
    /// Parses and validates a pack from its files (`path`, `contents`), written in `F`: TOML
    /// sources (`ru/guide.toml`) where authors and publishers check them, JSON (`ru/guide.json`)
    /// where the library reads them.
    pub(crate) fn from_files<F: SourceFormat>(
        files: &[(&str, &str)],
    ) -> std::result::Result<Self, String> {
        let structure: StructureFile = read::<F, _>(files, "structure")?;
        let languages: LanguagesFile = read::<F, _>(files, "languages")?;
        let emergency: EmergencyFile = read::<F, _>(files, "emergency")?;
        let local_help: LocalHelpFile = read_optional::<F, _>(files, "local-help")?;
        check_local_help(&local_help.contact)?;
        let mut contacts = structure.contact;
        contacts.extend(local_help.contact);
        let mut texts = BTreeMap::new();
        for language in languages.language.iter().filter(|l| l.texts) {
            let code = &language.code;
            let guide: GuideFile = read::<F, _>(files, &format!("{code}/guide"))?;
            let checklist: ChecklistFile = read::<F, _>(files, &format!("{code}/checklist"))?;
            let contacts: ContactsFile = read::<F, _>(files, &format!("{code}/contacts"))?;
            let ui: UiFile = read::<F, _>(files, &format!("{code}/ui"))?;
            let screening = read::<F, _>(files, &format!("{code}/screening"))?;
            let mut articles = BTreeMap::new();
            for (id, text) in guide.article {
                let blocks = markdown::parse_body(&text.body).map_err(|reason| {
                    format!("{code}/guide.{}: article {id}: {reason}", F::EXTENSION)
                })?;
                articles.insert(
                    id,
                    Article {
                        title: text.title,
                        summary: text.summary,
                        blocks,
                    },
                );
            }
            texts.insert(
                code.clone(),
                LanguageTexts {
                    sections: guide.section,
                    articles,
                    checklist: checklist.item,
                    contacts: contacts.contact,
                    emergency_notes: contacts.emergency_note,
                    ui,
                    screening,
                },
            );
        }
        let pack = Pack {
            id: structure.pack.id,
            version: structure.pack.version,
            languages: languages.language,
            sections: structure.section,
            checklist: structure.checklist,
            contacts,
            emergency: emergency.country,
            screening: screening::Screening::load::<F>(read::<F, _>(files, "screening")?, files)?,
            texts,
            derived: Derived::default(),
        };
        pack.check_references()?;
        check_emergency(&pack.emergency)?;
        Ok(pack)
    }

    /// The language chain for a person's preference.
    pub(crate) fn chain(&self, preference: &str) -> Result<Chain> {
        Chain::resolve(preference, &self.languages)
            .map_err(|()| Error::invalid("language", reason::LANGUAGE_CODE))
    }

    /// The first text along `chain` that `pick` finds.
    pub(crate) fn find<'a, T>(
        &'a self,
        chain: &Chain,
        pick: impl Fn(&'a LanguageTexts) -> Option<&'a T>,
    ) -> Option<Localized<'a, T>> {
        chain.codes().find_map(|code| {
            let (language, texts) = self.texts.get_key_value(code)?;
            pick(texts).map(|value| Localized { value, language })
        })
    }

    /// The languages that ship texts of their own.
    pub(crate) fn written_languages(&self) -> impl Iterator<Item = (&str, &LanguageTexts)> {
        self.texts
            .iter()
            .map(|(code, texts)| (code.as_str(), texts))
    }

    /// What `build` makes from this pack, built on first use and kept with the pack, so content
    /// that replaces this pack never shows what was built from the old one.
    pub(crate) fn derived<T: Any + Send + Sync>(&self, build: impl FnOnce(&Self) -> T) -> Arc<T> {
        self.derived.get_or_build(|| build(self))
    }

    pub(crate) fn article_ids(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|s| s.articles.iter().map(String::as_str))
    }

    /// Checks what must hold whatever the language: ids are unique, every reference points at
    /// something that exists, every text is for an id that exists, every language is known.
    fn check_references(&self) -> std::result::Result<(), String> {
        let unique = |kind: &str, ids: Vec<&str>| -> std::result::Result<HashSet<String>, String> {
            let mut seen = HashSet::new();
            for id in ids {
                if !seen.insert(id.to_owned()) {
                    return Err(format!("structure.toml: {kind} {id} appears twice"));
                }
            }
            Ok(seen)
        };
        let sections = unique(
            "section",
            self.sections.iter().map(|s| s.id.as_str()).collect(),
        )?;
        let articles = unique("article", self.article_ids().collect())?;
        let checklist = unique(
            "checklist item",
            self.checklist.iter().map(|c| c.id.as_str()).collect(),
        )?;
        let contacts = unique(
            "contact",
            self.contacts.iter().map(|c| c.id.as_str()).collect(),
        )?;
        let languages = unique(
            "language",
            self.languages.iter().map(|l| l.code.as_str()).collect(),
        )?;

        let Some(base) = self.texts.get(language::BASE_LANGUAGE) else {
            return Err(format!(
                "the base language {} has no texts",
                language::BASE_LANGUAGE
            ));
        };
        if let Some(key) = ui_keys::KEYS
            .iter()
            .chain(shell_keys::KEYS)
            .find(|k| !base.ui.strings.contains_key(**k))
        {
            return Err(format!(
                "{}/ui.toml: the interface string {key} is missing",
                language::BASE_LANGUAGE
            ));
        }
        for language in &self.languages {
            if let Some(missing) = language.fallback.iter().find(|f| !languages.contains(*f)) {
                return Err(format!(
                    "languages.toml: {} falls back to unknown language {missing}",
                    language.code
                ));
            }
        }
        for item in &self.checklist {
            if !articles.contains(&item.article) {
                return Err(format!(
                    "structure.toml: checklist item {} links to unknown article {}",
                    item.id, item.article
                ));
            }
        }
        for contact in &self.contacts {
            if let Some(via) = contact
                .referral_via
                .as_ref()
                .filter(|via| !contacts.contains(*via))
            {
                return Err(format!(
                    "structure.toml: contact {} refers to unknown contact {via}",
                    contact.id
                ));
            }
            if let Some(hours) = &contact.hours {
                Hours::parse(hours).map_err(|reason| {
                    format!("structure.toml: contact {}: {reason}", contact.id)
                })?;
            }
        }
        for (code, texts) in &self.texts {
            let extra = |kind: &str,
                         known: &HashSet<String>,
                         ids: Vec<&String>|
             -> std::result::Result<(), String> {
                match ids.into_iter().find(|id| !known.contains(*id)) {
                    Some(id) => Err(format!("{code}: text for unknown {kind} {id}")),
                    None => Ok(()),
                }
            };
            extra("section", &sections, texts.sections.keys().collect())?;
            extra("article", &articles, texts.articles.keys().collect())?;
            extra(
                "checklist item",
                &checklist,
                texts.checklist.keys().collect(),
            )?;
            extra("contact", &contacts, texts.contacts.keys().collect())?;
            let countries: HashSet<String> =
                self.emergency.iter().map(|e| e.code.clone()).collect();
            extra(
                "emergency numbers of country",
                &countries,
                texts.emergency_notes.keys().collect(),
            )?;
            for (id, article) in &texts.articles {
                for link in article.blocks.iter().flat_map(Block::links) {
                    let resolves = match link {
                        Action::OpenArticle { id } => articles.contains(id),
                        Action::OpenChecklistItem { id } => checklist.contains(id),
                        Action::OpenContact { id } => contacts.contains(id),
                        _ => false,
                    };
                    if !resolves {
                        return Err(format!(
                            "{code}/guide.toml: article {id} links to {link:?}, which does not exist"
                        ));
                    }
                }
            }
        }
        let screening_texts = self
            .texts
            .iter()
            .map(|(code, t)| (code.clone(), &t.screening))
            .collect();
        self.screening
            .check(&articles, &contacts, &screening_texts)?;
        Ok(())
    }
}
