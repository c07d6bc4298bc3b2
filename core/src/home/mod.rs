//! The first screen: checklist progress, the next useful step, the hotline.

use std::time::SystemTime;

use serde::Serialize;

use crate::action::Action;
use crate::checkins::alert_log::{self, AlertWarning};
use crate::checkins::traveller::{checkin_view_in, trip_country_at};
use crate::checklist::{ChecklistProgress, checklist_view_in};
use crate::contacts::HelpNowView;
use crate::contacts::directory::contact_view_in;
use crate::contacts::help_now::help_now_view_in;
use crate::error::{Error, Result};
use crate::profile::{Prefs, Profile};

/// The id of the hotline in the built-in directory.
const HOTLINE_ID: &str = "hotline";
/// The article suggested once the checklist is complete.
const AFTER_CHECKLIST_ARTICLE: &str = "red-flags";

/// What the home screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct HomeView {
    /// The app's name, as a title.
    pub title: String,
    /// One line saying what the app is for.
    pub tagline: String,
    /// The language of the screen.
    pub language: String,
    /// Progress through the pre-departure checklist.
    pub checklist: ChecklistProgress,
    /// The most useful next thing to do.
    pub next_step: NextStep,
    /// The trafficking hotline, always one tap away.
    pub hotline: HotlineLine,
    /// The traveller's check-in line ("Next check-in: ...", "Check in now: ..."); None before a
    /// trip plan exists.
    pub checkin: Option<HomeCheckin>,
    /// The main screens, in order.
    pub menu: Vec<MenuEntry>,
    /// Who to contact first right now: during a planned trip for a person in the destination
    /// country; otherwise the country is not known and the view asks for it.
    pub help_now: HelpNowView,
    /// Alerts that did not sound or came late since the warning was last dismissed: this phone
    /// may be stopping Waymark. None when all sounded on time.
    pub alert_warning: Option<AlertWarning>,
}

/// A suggestion for what to do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct NextStep {
    /// A heading such as "Next step".
    pub heading: String,
    /// What to do.
    pub title: String,
    /// Why, in a sentence.
    pub detail: String,
    /// What a tap opens.
    pub action: Action,
}

/// The hotline as one line on the home screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct HotlineLine {
    /// The directory id, to open the full contact.
    pub contact_id: String,
    /// Its name.
    pub name: String,
    /// The number as written in its country, e.g. "8-800-333-00-16".
    pub number: String,
    /// The number in E.164 form, e.g. "+78003330016".
    pub e164: String,
    /// Opening hours in the hotline's own zone, e.g. "Mon–Fri, 08:30–18:30, Moscow time".
    pub hours: String,
    /// Whether it is within its regular opening hours at `now` (public holidays are not known).
    pub open_now: bool,
    /// `open_now` in words ("Usually answers at this hour", "Usually closed at this hour").
    pub status: String,
    /// Where the number is free and where it cannot be reached, if that is limited.
    pub cost_note: Option<String>,
    /// Dial the number.
    pub call: Action,
}

/// The check-in line on the home screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct HomeCheckin {
    /// What matters now about the check-ins.
    pub headline: String,
    /// What a tap opens (the check-in screen).
    pub action: Action,
}

/// An entry of the main menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct MenuEntry {
    /// The label.
    pub title: String,
    /// What a tap opens.
    pub action: Action,
}

/// The home screen at `now`.
pub(crate) fn home_view(profile: &Profile, now: SystemTime) -> Result<HomeView> {
    // One snapshot of language, zone and content for the whole screen: a pack installed or a
    // language changed meanwhile shows on the next call, never half-way through this one.
    let prefs = profile.prefs();
    let prefs = &prefs;
    let checklist = checklist_view_in(profile, prefs)?;
    let ui = prefs.ui();
    let next_step = match checklist.items.iter().find(|i| !i.done) {
        Some(item) => NextStep {
            heading: ui.text("next_step_title"),
            title: item.title.clone(),
            detail: item.why.clone().unwrap_or_default(),
            action: Action::OpenChecklistItem {
                id: item.id.clone(),
            },
        },
        None => NextStep {
            heading: ui.text("next_step_title"),
            title: ui.text("next_step_all_done"),
            detail: ui.text("next_step_all_done_detail"),
            action: Action::OpenArticle {
                id: AFTER_CHECKLIST_ARTICLE.to_owned(),
            },
        },
    };
    Ok(HomeView {
        title: ui.text("app_name"),
        tagline: ui.text("home_tagline"),
        language: prefs.chain.preferred().to_owned(),
        checklist: checklist.progress,
        next_step,
        hotline: hotline_line(prefs, now)?,
        help_now: help_now_view_in(
            profile,
            prefs,
            now,
            trip_country_at(profile, now)?.as_deref(),
        )?,
        checkin: home_checkin(profile, prefs, now)?,
        alert_warning: alert_log::warning(profile, &prefs.ui(), &prefs.zone, now)?,
        menu: [
            ("menu_guide", Action::OpenGuide),
            ("menu_checklist", Action::OpenChecklist),
            ("menu_checkin", Action::OpenCheckin),
            ("menu_family", Action::OpenFamily),
            ("menu_offer_check", Action::OpenOfferCheck),
            ("menu_self_check", Action::OpenSelfCheck),
            ("menu_quiz", Action::OpenQuiz),
            ("menu_contacts", Action::OpenOwnContacts),
            ("menu_search", Action::OpenSearch),
        ]
        .into_iter()
        .map(|(key, action)| MenuEntry {
            title: ui.text(key),
            action,
        })
        .collect(),
    })
}

/// The check-in line, once the traveller has a trip plan.
fn home_checkin(profile: &Profile, prefs: &Prefs, now: SystemTime) -> Result<Option<HomeCheckin>> {
    let view = checkin_view_in(profile, prefs, now)?;
    Ok(view.traveller_name.is_some().then_some(HomeCheckin {
        headline: view.headline,
        action: Action::OpenCheckin,
    }))
}

fn hotline_line(prefs: &Prefs, now: SystemTime) -> Result<HotlineLine> {
    let contact = contact_view_in(prefs, HOTLINE_ID, now)?;
    let phone = contact
        .phones
        .into_iter()
        .next()
        .ok_or_else(|| Error::Content("the hotline has no phone number".into()))?;
    Ok(HotlineLine {
        contact_id: contact.id,
        name: contact.name,
        number: phone.number,
        e164: phone.e164,
        hours: contact.hours.unwrap_or_default(),
        open_now: contact.open_now.unwrap_or(false),
        status: contact.status.unwrap_or_default(),
        cost_note: phone.cost_note,
        call: phone.call,
    })
}

#[cfg(test)]
mod tests;
