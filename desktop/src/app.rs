//! Runs one command: opens the profile, asks the core for the screen (making the change first,
//! if any) and renders it as text or JSON.

use std::sync::Arc;

use serde::Serialize;
use waymark_core::{
    ChecklistView, SpeakableText, Waymark, WaymarkError, WaymarkOptions, supported_languages,
};
use waymark_core::{OwnContactInput, OwnContactKind, OwnContactsView};

use crate::Env;
use crate::cli::{ChecklistChange, Cli, Command};
use crate::cli::{ContactFields, ContactsChange, KindArg, PackCommand};
use crate::error::{Failure, from_core};
use crate::interactive::Io;
use crate::profile_key;
use crate::render::{self, Ctx};
use crate::settings::{self, FALLBACK_ZONE, Settings};
use crate::style::Styler;

/// Runs the command and returns the text to print. Interactive commands read answers from
/// `io.input` and print their questions to `io.output` as they go.
pub(crate) fn execute(cli: Cli, env: &Env, io: &mut Io<'_>) -> Result<String, Failure> {
    let settings = settings::resolve(&cli.global, env)?;
    // Checked before opening: opening creates the profile file, and a typo must not leave one.
    require_known_language(&settings)?;
    let waymark = match (open(&settings), &cli.command) {
        (Ok(waymark), _) => waymark,
        // An encrypted profile whose key file is lost can still be erased, and nothing else.
        (Err(failure), Some(Command::Erase { yes })) => {
            return crate::erase::erase_unopenable(&settings, *yes, io, failure);
        }
        (Err(failure), _) => return Err(failure),
    };
    let app = App {
        waymark: &waymark,
        settings: &settings,
        style: Styler::new(env.color()),
    };
    // Before anything of the person's is read or changed.
    app.unlock(io)?;
    let screen = match cli.command {
        None => app.home(),
        Some(Command::Guide { id: None, .. }) => app.guide(),
        Some(Command::Guide {
            id: Some(id),
            speak: true,
        }) => app.speak(app.waymark.speakable_article(id)),
        Some(Command::Guide {
            id: Some(id),
            speak: false,
        }) => app.article(id),
        Some(Command::Checklist { change, details }) => app.checklist(change, details),
        Some(Command::Contact { id, speak: true }) => {
            app.speak(app.waymark.speakable_contact(id, app.settings.now))
        }
        Some(Command::Contact { id, speak: false }) => app.contact(id),
        Some(Command::Contacts { change }) => app.contacts(change),
        Some(Command::HelpNow { country }) => app.help_now(country),
        Some(Command::CheckOffer {
            text: Some(path), ..
        }) => app.analyze_ad(&path, io),
        Some(Command::CheckOffer { list: true, .. }) => app.offers(),
        Some(Command::CheckOffer { ad, .. }) => app.check_offer(ad.as_deref(), io),
        Some(Command::Checkin { action }) => app.checkin(action, io),
        Some(Command::Plan { action }) => app.plan(action, io),
        Some(Command::Family { action }) => app.family(action, io),
        Some(Command::Alerts {
            action,
            max,
            inexact,
        }) => app.alerts(action, max, inexact),
        Some(Command::SelfCheck) => app.self_check(io),
        Some(Command::Quiz) => app.quiz(io),
        Some(Command::Pack { action }) => app.pack(action),
        Some(Command::Search { query }) => app.search(query),
        Some(Command::Lock { action }) => app.lock(action, io),
        Some(Command::Disguise) => app.disguise(),
        Some(Command::Erase { yes }) => app.erase(yes, io),
    };
    // The session ends with the process; closing the lock is what a phone does when the app
    // goes to the background. It only changes this process's session, so a failure to read the
    // setting there changes nothing the next command sees, and the screen is still shown.
    let _ = app.waymark.lock_now();
    screen
}

/// Opens the profile. A system zone the core does not know is replaced by UTC, so a machine
/// with an odd zone setting still works; a zone the person typed is reported instead.
fn open(settings: &Settings) -> Result<Arc<Waymark>, Failure> {
    let path = settings::profile_path(&settings.profile)?;
    let is_new = !settings.profile.exists();
    let key = profile_key::load_or_create(&settings.profile)?;
    let open = |zone: &str| {
        Waymark::open(
            path.to_owned(),
            WaymarkOptions {
                language: settings.language.clone(),
                time_zone: zone.to_owned(),
                profile_key: key.clone(),
            },
        )
    };
    let opened = match open(&settings.zone) {
        Err(WaymarkError::InvalidInput { field, .. })
            if field == "time_zone" && !settings.zone_given =>
        {
            open(FALLBACK_ZONE).map_err(|err| from_core(err, &settings.profile))
        }
        Err(WaymarkError::InvalidInput { field, shown, .. }) if field == "time_zone" => {
            Err(Failure::usage(format!(
                "--zone: unknown time zone {:?}; {shown}",
                settings.zone
            )))
        }
        Err(WaymarkError::InvalidInput { field, shown, .. }) if field == "language" => {
            Err(Failure::usage(format!(
                "--lang: {:?} is not a language code; {shown}",
                settings.language
            )))
        }
        opened => opened.map_err(|err| from_core(err, &settings.profile)),
    };
    // A refused first open leaves nothing behind, not even the key made for it.
    if opened.is_err() && is_new && !settings.profile.exists() {
        let _ = profile_key::remove(&settings.profile);
    }
    opened
}

/// The core shows English for a language it does not know, which suits a phone set to any
/// language; on the command line an unknown `--lang` is more likely a typo, so it is refused.
/// Only the primary subtag is compared, so a region tag such as "ru-RU" is accepted; the core
/// judges the rest of the tag when the profile is opened.
fn require_known_language(settings: &Settings) -> Result<(), Failure> {
    let language = &settings.language;
    let languages = supported_languages().map_err(|err| from_core(err, &settings.profile))?;
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    if languages
        .iter()
        .any(|l| l.code.eq_ignore_ascii_case(primary))
    {
        return Ok(());
    }
    // A language no native speaker has reviewed yet says so beside its name, in its own words.
    let known: Vec<String> = languages
        .iter()
        .map(|l| match &l.note {
            Some(note) => format!("{} ({} — {note})", l.code, l.name),
            None => format!("{} ({})", l.code, l.name),
        })
        .collect();
    Err(Failure::usage(format!(
        "--lang: unknown language {language:?}; choose one of: {}",
        known.join(", ")
    )))
}

/// One command's view of the open profile.
pub(crate) struct App<'a> {
    pub waymark: &'a Waymark,
    pub settings: &'a Settings,
    pub style: Styler,
}

impl App<'_> {
    fn home(&self) -> Result<String, Failure> {
        let home = self.core(self.waymark.home(self.settings.now))?;
        self.show(&home, || {
            // Only for turning item ids in links into the numbers the commands take.
            let list = self.core(self.waymark.checklist())?;
            Ok(render::home(&home, &self.ctx(Some(&list))))
        })
    }

    fn guide(&self) -> Result<String, Failure> {
        let guide = self.core(self.waymark.guide())?;
        self.show(&guide, || Ok(render::guide(&guide, &self.ctx(None))))
    }

    fn article(&self, id: String) -> Result<String, Failure> {
        let article = self.core(self.waymark.article(id))?;
        self.show(&article, || {
            let list = self.core(self.waymark.checklist())?;
            Ok(render::article(&article, &self.ctx(Some(&list))))
        })
    }

    fn search(&self, query: Vec<String>) -> Result<String, Failure> {
        let view = self.core(self.waymark.search(query.join(" ")))?;
        self.show(&view, || {
            let list = self.core(self.waymark.checklist())?;
            Ok(render::search(&view, &self.ctx(Some(&list))))
        })
    }

    /// A text to be read aloud: its language tag, then the text.
    fn speak(&self, spoken: Result<SpeakableText, WaymarkError>) -> Result<String, Failure> {
        let spoken = self.core(spoken)?;
        self.show(&spoken, || {
            Ok(format!("[{}]\n{}\n", spoken.language, spoken.text))
        })
    }

    fn contact(&self, id: String) -> Result<String, Failure> {
        let contact = self.core(self.waymark.contact(id, self.settings.now))?;
        self.show(&contact, || Ok(render::contact(&contact, &self.ctx(None))))
    }

    /// Makes the change, if any, then shows the list; `details` adds each item's why and how.
    fn checklist(&self, change: Option<ChecklistChange>, details: bool) -> Result<String, Failure> {
        let list = self.core(self.waymark.checklist())?;
        let now = self.settings.now;
        let list = match change {
            None => list,
            Some(ChecklistChange::Done { number }) => {
                let id = item_id(&list, &number)?;
                self.item_core(&number, self.waymark.checklist_mark_done(id, now))?
            }
            Some(ChecklistChange::Undo { number }) => {
                let id = item_id(&list, &number)?;
                self.item_core(&number, self.waymark.checklist_undo(id))?
            }
            Some(ChecklistChange::Add { text }) => {
                self.core(self.waymark.checklist_add_own_item(text.join(" "), now))?
            }
            Some(ChecklistChange::Remove { number }) => {
                let id = item_id(&list, &number)?;
                self.item_core(&number, self.waymark.checklist_remove_own_item(id))?
            }
        };
        self.show(&list, || {
            Ok(render::checklist(&list, &self.ctx(Some(&list)), details))
        })
    }

    /// The view as pretty JSON with `--json`, else as text.
    pub(crate) fn show<V: Serialize>(
        &self,
        view: &V,
        text: impl FnOnce() -> Result<String, Failure>,
    ) -> Result<String, Failure> {
        if self.settings.json {
            json(view)
        } else {
            text()
        }
    }

    pub(crate) fn ctx(&self, checklist: Option<&ChecklistView>) -> Ctx {
        Ctx::new(self.style, self.waymark.language(), checklist)
    }

    pub(crate) fn core<T>(&self, result: Result<T, WaymarkError>) -> Result<T, Failure> {
        result.map_err(|err| from_core(err, &self.settings.profile))
    }

    /// Like [`App::core`], but an item's invalid input is named by the number the person typed
    /// (the core names it by its internal id).
    fn item_core<T>(&self, number: &str, result: Result<T, WaymarkError>) -> Result<T, Failure> {
        result.map_err(|err| match err {
            WaymarkError::InvalidInput { field, shown, .. } if field == "item_id" => {
                Failure::usage(format!("item {}: {shown}", number.trim()))
            }
            err => from_core(err, &self.settings.profile),
        })
    }
}

impl App<'_> {
    /// Installs or resets the content pack, if asked, then shows the content in use.
    fn pack(&self, action: Option<PackCommand>) -> Result<String, Failure> {
        match action {
            None | Some(PackCommand::Status) => {}
            Some(PackCommand::Install { file }) => {
                let bytes = read_pack_file(&file)?;
                self.core(self.waymark.install_content_pack(bytes, self.settings.now))?;
            }
            Some(PackCommand::Reset) => {
                self.core(self.waymark.reset_content_pack())?;
            }
        }
        let view = self.core(self.waymark.content_pack_view())?;
        self.show(&view, || Ok(render::content_pack(&view, &self.ctx(None))))
    }

    /// Makes the change, if any, then shows the person's own contacts.
    fn contacts(&self, change: Option<ContactsChange>) -> Result<String, Failure> {
        let list = self.core(self.waymark.own_contacts())?;
        let now = self.settings.now;
        let list = match change {
            None => list,
            Some(ContactsChange::Add { fields }) => {
                let input = new_contact(fields)?;
                self.core(self.waymark.own_contact_add(input, now))?
            }
            Some(ContactsChange::Edit { number, fields }) => {
                let current = own_contact(&list, &number)?;
                let input = OwnContactInput {
                    name: fields.name.unwrap_or_else(|| current.name.clone()),
                    kind: fields.kind.map_or(current.kind, kind),
                    country: fields
                        .country
                        .unwrap_or_else(|| current.country_code.clone()),
                    phone: fields.phone.unwrap_or_else(|| current.e164.clone()),
                    notes: fields.notes.unwrap_or_else(|| current.notes.clone()),
                };
                let id = current.id.clone();
                self.core(self.waymark.own_contact_edit(id, input, now))?
            }
            Some(ContactsChange::Rm { number }) => {
                let id = own_contact(&list, &number)?.id.clone();
                self.core(self.waymark.own_contact_remove(id))?
            }
        };
        self.show(&list, || Ok(render::own_contacts(&list, &self.ctx(None))))
    }

    /// Who to contact first, for a person in `country`.
    fn help_now(&self, country: Option<String>) -> Result<String, Failure> {
        let view = self.core(self.waymark.help_now(self.settings.now, country))?;
        self.show(&view, || Ok(render::help_now(&view, &self.ctx(None))))
    }
}

/// Reads a pack file, refusing one over the size limit before reading it into memory.
fn read_pack_file(path: &std::path::Path) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let shown = path.display();
    let file = std::fs::File::open(path)
        .map_err(|err| Failure::usage(format!("cannot open the pack file {shown}: {err}")))?;
    let limit = waymark_core::CONTENT_PACK_MAX_BYTES;
    let mut bytes = Vec::new();
    // One byte over the limit is enough for the core to say the file is too large.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| Failure::usage(format!("cannot read the pack file {shown}: {err}")))?;
    Ok(bytes)
}

/// A new contact from the options; the four that every contact has must be given.
fn new_contact(fields: ContactFields) -> Result<OwnContactInput, Failure> {
    let missing = |option: &str| Failure::usage(format!("contacts add: {option} is required"));
    Ok(OwnContactInput {
        name: fields.name.ok_or_else(|| missing("--name"))?,
        kind: kind(fields.kind.ok_or_else(|| missing("--kind"))?),
        country: fields.country.ok_or_else(|| missing("--country"))?,
        phone: fields.phone.ok_or_else(|| missing("--phone"))?,
        notes: fields.notes.unwrap_or_default(),
    })
}

fn kind(arg: KindArg) -> OwnContactKind {
    match arg {
        KindArg::Family => OwnContactKind::Family,
        KindArg::Embassy => OwnContactKind::EmbassyOrConsulate,
        KindArg::Employer => OwnContactKind::Employer,
        KindArg::Agency => OwnContactKind::RecruitmentAgency,
        KindArg::Support => OwnContactKind::SupportOrganisation,
        KindArg::Other => OwnContactKind::Other,
    }
}

/// The contact shown with `number`.
fn own_contact<'a>(
    list: &'a OwnContactsView,
    number: &str,
) -> Result<&'a waymark_core::OwnContactView, Failure> {
    let range = match list.contacts.len() {
        0 => "you have no contacts yet; add one with `waymark contacts add`".to_owned(),
        n => format!("use a number from 1 to {n}"),
    };
    let wanted: u32 = number
        .trim()
        .parse()
        .map_err(|_| Failure::usage(format!("{number:?} is not a contact number; {range}")))?;
    list.contacts
        .iter()
        .find(|c| c.number == wanted)
        .ok_or_else(|| Failure::usage(format!("there is no contact {wanted}; {range}")))
}

/// The id of the item shown with `number`.
fn item_id(list: &ChecklistView, number: &str) -> Result<String, Failure> {
    let range = format!("use a number from 1 to {}", list.items.len());
    let wanted: u32 = number
        .trim()
        .parse()
        .map_err(|_| Failure::usage(format!("{number:?} is not an item number; {range}")))?;
    list.items
        .iter()
        .find(|item| item.number == wanted)
        .map(|item| item.id.clone())
        .ok_or_else(|| Failure::usage(format!("there is no item {wanted}; {range}")))
}

/// A view as `--json` prints it.
pub(crate) fn json<V: Serialize>(view: &V) -> Result<String, Failure> {
    serde_json::to_string_pretty(view)
        .map(|json| json + "\n")
        .map_err(|err| Failure::other(format!("cannot write JSON: {err}")))
}
