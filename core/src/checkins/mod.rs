//! Check-ins: the trip plan and its agreed schedule, PIN-protected check-ins with verifiable
//! codes, and the traveller's screens.

mod codes;
mod family;
mod message;
mod phrase;
mod pins;
mod plan;
mod plan_form;
mod planner;
#[cfg(test)]
mod properties;
mod schedule;
mod sharing;
mod status;
mod store;
#[cfg(test)]
pub(crate) mod tests;
mod trip_days;
mod vault;
mod view;

use std::time::SystemTime;

use crate::zone::Zone;
use chrono::{DateTime, Utc};

use crate::action::Action;
use crate::content::ui::Ui;
use crate::error::{Error, Result, WaymarkError, reason};
use crate::waymark::{Prefs, Waymark};
pub use message::{
    CHECKIN_CODE_PLACEHOLDER, CHECKIN_MESSAGE_MAX_CHARS, CheckinMessageChoice,
    CheckinMessageOption, CheckinMessageView,
};
use plan::ValidPlan;
pub use plan::{
    CheckinCadence, CheckinSchedule, DayOfWeek, PLAN_NAME_MAX_CHARS, PLAN_TEXT_MAX_CHARS,
    SIGNAL_PHRASE_MAX_CHARS, TripPlan,
};
pub use plan_form::{DRAFT_GRACE_MINUTES, DRAFT_WINDOW_MINUTES, DayOption, TripPlanForm};
pub use planner::{AlertKind, NotificationPlan, PlannedAlert};
use schedule::{Schedule, Slot};
pub use sharing::QR_BYTE_BUDGET;
use status::Recorded;
pub use status::SlotStatus;
pub use trip_days::{trip_day_end, trip_day_of, trip_day_start};
pub use view::{
    CheckinHistoryEntry, CheckinHistoryView, CheckinReceipt, CheckinView, EscalationStep, FactLine,
    FamilyHistoryEntry, FamilyHistoryView, FamilyListView, FamilyTravellerView, PlanExport,
    SlotView, VerificationOutcome, VerificationView, WatchedTravellerSummary,
};

#[uniffi::export]
impl Waymark {
    /// The traveller's trip plan, if one was entered.
    pub fn trip_plan(&self) -> Result<Option<TripPlan>, WaymarkError> {
        self.call(|| self.db.read(store::load_plan))
    }

    /// Saves the trip plan (replacing any earlier one) and returns the check-in screen at `now`.
    /// Every field is checked first; on error nothing is saved.
    pub fn set_trip_plan(
        &self,
        plan: TripPlan,
        now: SystemTime,
    ) -> Result<CheckinView, WaymarkError> {
        self.call(|| {
            let valid = ValidPlan::new(plan)?;
            let new_id = pins::random_bytes::<16>()?;
            self.db
                .write(|tx| store::save_plan(tx, &valid.plan, new_id, now.into()))?;
            self.checkin_view(now)
        })
    }

    /// Sets the two check-in PINs (4 to 12 digits each, different) and the signal phrase agreed
    /// with the family. The normal PIN checks in; the duress PIN checks in looking exactly the
    /// same but tells the family you need help. The phrase is sealed with the PINs and shared
    /// only in the plan given to the family; it is not shown here again. They are set once; the
    /// secret shared with the family is created here.
    pub fn set_checkin_pins(
        &self,
        normal_pin: String,
        duress_pin: String,
        signal_phrase: String,
    ) -> Result<(), WaymarkError> {
        self.call(|| {
            let signal_phrase = plan::required_text(
                "signal_phrase",
                &signal_phrase,
                plan::SIGNAL_PHRASE_MAX_CHARS,
            )?;
            let unlocked = pins::Unlocked {
                secret: pins::random_bytes::<{ pins::SECRET_LEN }>()?,
                signal_phrase,
            };
            let boxes = pins::seal(&normal_pin, &duress_pin, &unlocked)?;
            self.db.write(|tx| {
                if !store::pin_boxes(tx)?.is_empty() {
                    return Err(Error::invalid("normal_pin", reason::PINS_ALREADY_SET));
                }
                store::save_pin_boxes(tx, &boxes)
            })?;
            Ok(())
        })
    }

    /// Changes both check-in PINs, for a traveller who was seen typing one. `current_pin` is
    /// either PIN; the new ones are checked like `set_checkin_pins`. The signal phrase and the
    /// family's copy of the plan stay as they are. Changed with the normal PIN, the new PINs
    /// replace the old ones. Changed with the duress PIN (someone may be forcing it), the real
    /// normal PIN keeps working and both new PINs tell the family you need help. Either way the
    /// result, the screens and what is stored look the same. A wrong current PIN or an invalid
    /// new one changes nothing.
    pub fn change_checkin_pins(
        &self,
        current_pin: String,
        new_normal_pin: String,
        new_duress_pin: String,
    ) -> Result<(), WaymarkError> {
        self.call(|| self.change_pins(&current_pin, &new_normal_pin, &new_duress_pin))
    }

    /// The check-in screen at `now`.
    pub fn checkin_status(&self, now: SystemTime) -> Result<CheckinView, WaymarkError> {
        self.call(|| self.checkin_view(now))
    }

    /// Checks in at `now` with either PIN. The receipt, the screen and what is stored are the
    /// same for both PINs; only the code in the message differs. A wrong PIN changes nothing.
    pub fn check_in(&self, pin: String, now: SystemTime) -> Result<CheckinReceipt, WaymarkError> {
        self.call(|| self.check_in_at(&pin, now))
    }

    /// The plan to hand to the family (as a QR code or a file), unlocked with either check-in
    /// PIN. It carries the plan, the secret for the codes and the signal phrase, never the PINs.
    /// With a passphrase (8 characters or more) it is sealed: tell the family the passphrase
    /// another way.
    pub fn export_plan(
        &self,
        pin: String,
        passphrase: Option<String>,
    ) -> Result<PlanExport, WaymarkError> {
        self.call(|| {
            let payload = self.export_shared(&pin, passphrase.as_deref())?;
            let bytes = payload.len() as u32;
            Ok(PlanExport {
                bytes,
                fits_qr_code: bytes <= QR_BYTE_BUDGET,
                file_name: "waymark-plan.txt".into(),
                show_qr_code: Action::ShowQrCode {
                    text: payload.clone(),
                },
                share: Action::ShareText {
                    text: payload.clone(),
                },
                payload,
            })
        })
    }

    /// Imports a plan a traveller shared (scanned or pasted), to watch over them. Re-importing
    /// an updated plan updates the traveller in place. A damaged, cut-off, foreign or too-new
    /// payload, or a wrong passphrase, is refused with its reason and nothing is stored. Needs
    /// the keystore key (`set_keystore_key`).
    pub fn import_plan(
        &self,
        payload: String,
        passphrase: Option<String>,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| {
            let id = self.import_shared(&payload, passphrase.as_deref(), now)?;
            self.family_traveller_view(&id, now)
        })
    }

    /// The travellers this profile watches over, each with what matters now.
    pub fn family_list(&self, now: SystemTime) -> Result<FamilyListView, WaymarkError> {
        self.call(|| self.family_list_view(now))
    }

    /// One watched traveller's screen at `now`: their check-ins from the family's own copy of the
    /// schedule, and the steps to take when one is missing or help was signalled.
    pub fn family_traveller(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| self.family_traveller_view(&id, now))
    }

    /// Checks a message the family received from a traveller (or a code typed in): is the code
    /// genuine, made under duress, wrong, replayed or outside its window, and does the message
    /// contain the signal phrase. The result is recorded.
    pub fn verify_checkin(
        &self,
        id: String,
        message: String,
        now: SystemTime,
    ) -> Result<VerificationView, WaymarkError> {
        self.call(|| self.verify_received(&id, &message, now))
    }

    /// Every message or code checked for a traveller, newest first.
    pub fn family_history(&self, id: String) -> Result<FamilyHistoryView, WaymarkError> {
        self.call(|| self.family_history_view(&id))
    }

    /// Marks the latest help signal from a traveller as dealt with.
    pub fn family_mark_handled(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| self.mark_handled(&id, now))
    }

    /// Stops watching over a traveller (the trip is over, or the plan was replaced): their plan,
    /// sealed secret and every check made are deleted from this phone, and no more alerts are
    /// planned for them. Returns the list that remains.
    pub fn family_stop_watching(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyListView, WaymarkError> {
        self.call(|| self.stop_watching(&id, now))
    }

    /// The alerts the shell should schedule from `now`, for the traveller's own check-ins and
    /// for every traveller this profile watches over, at most `max_count` of them (iOS keeps 64
    /// pending), earliest first, with when to plan again. With `exact_alarms_allowed` false
    /// (Android without the exact-alarm permission) alerts are placed so that a late delivery
    /// still lands inside the check-in window. Schedule them replacing all earlier ones.
    pub fn plan_notifications(
        &self,
        now: SystemTime,
        max_count: u32,
        exact_alarms_allowed: bool,
    ) -> Result<NotificationPlan, WaymarkError> {
        self.call(|| self.notification_plan(now, max_count, exact_alarms_allowed))
    }

    /// Every check-in made, newest first.
    pub fn checkin_history(&self) -> Result<CheckinHistoryView, WaymarkError> {
        self.call(|| self.history_view())
    }
}

impl Waymark {
    fn notification_plan(
        &self,
        now: SystemTime,
        max_count: u32,
        exact_alarms: bool,
    ) -> Result<NotificationPlan> {
        let prefs = self.prefs();
        let ui = self.ui(&prefs);
        let own = self.valid_plan()?;
        let own_recorded = self.db.read(store::checkins)?;
        let watched = self.db.read(store::watched)?;
        let mut theirs = Vec::with_capacity(watched.len());
        for w in &watched {
            let valid = ValidPlan::new(w.plan.clone())?;
            let received =
                family::received_checkins(&self.db.read(|c| store::verifications(c, w.row))?);
            theirs.push((family::public_id(&w.plan_id), valid, received));
        }
        let mut sources = Vec::new();
        if let Some(own) = &own {
            sources.push(planner::Source {
                schedule: &own.schedule,
                recorded: &own_recorded,
                watched: None,
            });
        }
        for (id, valid, received) in &theirs {
            sources.push(planner::Source {
                schedule: &valid.schedule,
                recorded: received,
                watched: Some((id.as_str(), valid.plan.traveller_name.as_str())),
            });
        }
        let at: DateTime<Utc> = now.into();
        Ok(planner::limit(
            planner::alerts(&sources, at, exact_alarms, &ui, &prefs.zone),
            max_count,
            at,
        ))
    }

    /// Where the traveller most likely is at `now`: the destination while the trip lasts, else
    /// unknown. The home screen's "help now" uses it so its first step is the local emergency
    /// number without asking.
    pub(crate) fn trip_country_at(&self, now: SystemTime) -> Result<Option<String>> {
        Ok(self.db.read(store::load_plan)?.and_then(|plan| {
            (plan.starts <= now && now < plan.ends).then_some(plan.destination_country)
        }))
    }

    fn valid_plan(&self) -> Result<Option<ValidPlan>> {
        self.db
            .read(store::load_plan)?
            .map(ValidPlan::new)
            .transpose()
    }

    fn change_pins(&self, current: &str, new_normal: &str, new_duress: &str) -> Result<()> {
        pins::validate_pair(
            ("new_normal_pin", new_normal),
            ("new_duress_pin", new_duress),
        )?;
        let boxes = self.db.read(store::pin_boxes)?;
        if boxes.is_empty() {
            return Err(Error::invalid("current_pin", reason::PINS_NOT_SET));
        }
        // The slow part (every box's key stretched, two new boxes sealed) runs outside the
        // write; the write then makes sure the boxes are still the ones that were opened.
        let new = pins::reseal(&boxes, current, new_normal, new_duress)?
            .ok_or_else(|| Error::invalid("current_pin", reason::WRONG_PIN))?;
        self.db.write(|tx| {
            if store::pin_boxes(tx)? != boxes {
                return Err(Error::invalid(
                    "current_pin",
                    reason::PINS_CHANGED_ELSEWHERE,
                ));
            }
            store::save_pin_boxes(tx, &new)
        })
    }

    fn check_in_at(&self, pin: &str, now: SystemTime) -> Result<CheckinReceipt> {
        let plan = self
            .valid_plan()?
            .ok_or_else(|| Error::invalid("plan", reason::NO_PLAN))?;
        let boxes = self.db.read(store::pin_boxes)?;
        if boxes.is_empty() {
            return Err(Error::invalid("pin", reason::PINS_NOT_SET));
        }
        let (kind, unlocked) =
            pins::open(&boxes, pin).ok_or_else(|| Error::invalid("pin", reason::WRONG_PIN))?;
        let at: DateTime<Utc> = now.into();
        let counted = plan.schedule.slot_accepting(at);
        // A check-in outside any window still sends a code, bound to the nearest slot, so a
        // call for help is possible at any time.
        let code_slot = counted
            .or_else(|| status::current_slot(&plan.schedule, at))
            .or_else(|| plan.schedule.next_after(at))
            .map_or(0, |s| s.index);
        self.db
            .write(|tx| store::record_checkin(tx, counted.map(|s| s.index), at))?;

        let prefs = self.prefs();
        let ui = self.ui(&prefs);
        // The same note whichever PIN was typed: only the code differs.
        let note = self.db.read(crate::storage::settings::checkin_message)?;
        let message = message::message(
            &ui,
            note.as_deref(),
            &codes::code(&unlocked.secret, code_slot, kind),
        );
        Ok(CheckinReceipt {
            headline: ui.text("checkin_recorded"),
            share: Action::ShareText {
                text: message.clone(),
            },
            message,
            status: self.checkin_view(now)?,
        })
    }

    pub(crate) fn checkin_view(&self, now: SystemTime) -> Result<CheckinView> {
        self.checkin_view_in(&self.prefs(), now)
    }

    /// The check-in screen in the snapshot `prefs`.
    pub(crate) fn checkin_view_in(&self, prefs: &Prefs, now: SystemTime) -> Result<CheckinView> {
        let ui = self.ui(prefs);
        let Some(plan) = self.valid_plan()? else {
            return Ok(CheckinView {
                title: ui.text("checkin_title"),
                traveller_name: None,
                headline: ui.text("checkin_no_plan"),
                current: None,
                next: None,
                last_checkin: None,
                last_checkin_at: None,
                streak: 0,
                streak_label: ui.format("checkin_streak", &[("count", "0")]),
                action: Some(Action::EditTripPlan),
            });
        };
        let (recorded, has_pins) = self
            .db
            .read(|conn| Ok((store::checkins(conn)?, !store::pin_boxes(conn)?.is_empty())))?;
        let at: DateTime<Utc> = now.into();
        let schedule = &plan.schedule;
        let slot_view = |slot: Slot| {
            slot_view(
                &ui,
                schedule,
                slot,
                &recorded,
                at,
                &prefs.zone,
                (&plan.home_zone, None),
            )
        };
        let (current, next) = current_and_next(schedule, &recorded, at, slot_view);
        let local = |t: SystemTime| ui.date_time(t, &prefs.zone);
        let headline = match (&current, &next) {
            (Some(c), _) if c.status == SlotStatus::Overdue => {
                ui.format("checkin_overdue", &[("time", &local(c.due))])
            }
            (Some(c), _) => ui.format("checkin_due_now", &[("time", &local(c.overdue_at))]),
            (None, Some(n)) => ui.format("checkin_next", &[("time", &local(n.due))]),
            (None, None) => ui.text("checkin_trip_over"),
        };
        let headline = if has_pins {
            headline
        } else {
            ui.text("checkin_no_pins")
        };
        let last = recorded
            .iter()
            .filter(|r| r.at <= at)
            .map(|r| SystemTime::from(r.at))
            .max();
        let streak = status::streak(schedule, &recorded, at);
        Ok(CheckinView {
            title: ui.text("checkin_title"),
            traveller_name: Some(plan.plan.traveller_name.clone()),
            headline,
            current,
            next,
            last_checkin: Some(last.map_or_else(
                || ui.text("checkin_never"),
                |t| ui.format("checkin_last", &[("time", &local(t))]),
            )),
            last_checkin_at: last,
            streak,
            streak_label: ui.format("checkin_streak", &[("count", &streak.to_string())]),
            action: Some(if has_pins {
                Action::CheckIn
            } else {
                Action::SetCheckinPins
            }),
        })
    }

    fn history_view(&self) -> Result<CheckinHistoryView> {
        let prefs = self.prefs();
        let ui = self.ui(&prefs);
        let plan = self.valid_plan()?;
        let mut recorded = self.db.read(store::checkins)?;
        recorded.reverse();
        let entries = recorded
            .into_iter()
            .map(|r| {
                let slot_due = r
                    .slot
                    .and_then(|i| plan.as_ref()?.schedule.slot(i))
                    .map(|s| SystemTime::from(s.due));
                CheckinHistoryEntry {
                    at: r.at.into(),
                    at_label: ui.date_time(r.at.into(), &prefs.zone),
                    slot: r.slot,
                    slot_label: slot_due.map_or_else(
                        || ui.text("checkin_unscheduled"),
                        |due| ui.format("slot_label", &[("time", &ui.date_time(due, &prefs.zone))]),
                    ),
                }
            })
            .collect();
        Ok(CheckinHistoryView {
            title: ui.text("checkin_history_title"),
            entries,
        })
    }
}

/// The slot that needs attention now (open, or overdue) and the next one after it.
fn current_and_next(
    schedule: &Schedule,
    recorded: &[Recorded],
    at: DateTime<Utc>,
    view: impl Fn(Slot) -> SlotView,
) -> (Option<SlotView>, Option<SlotView>) {
    let current = status::current_slot(schedule, at).filter(|s| {
        matches!(
            status::status_of(schedule, *s, recorded, at),
            SlotStatus::Open | SlotStatus::Overdue
        )
    });
    let next = schedule
        .slots()
        .find(|s| s.opens(schedule) > at && current.is_none_or(|c| s.index > c.index));
    (current.map(&view), next.map(&view))
}

fn slot_view(
    ui: &Ui<'_>,
    schedule: &Schedule,
    slot: Slot,
    recorded: &[Recorded],
    now: DateTime<Utc>,
    viewer_zone: &Zone,
    (other_zone, other_name): (&Zone, Option<&str>),
) -> SlotView {
    let status = status::status_of(schedule, slot, recorded, now);
    let due = SystemTime::from(slot.due);
    SlotView {
        index: slot.index,
        due,
        label: ui.format("slot_label", &[("time", &ui.date_time(due, viewer_zone))]),
        // The traveller sees the family's clock; the family sees the traveller's.
        other_side: ui.format(
            if other_name.is_some() {
                "family_other_side"
            } else {
                "checkin_other_side"
            },
            &[
                ("time", &ui.date_time(due, other_zone)),
                ("zone", &ui.zone(other_zone.name())),
                ("name", other_name.unwrap_or_default()),
            ],
        ),
        status,
        status_label: ui.text(match status {
            SlotStatus::Upcoming => "slot_upcoming",
            SlotStatus::Open => "slot_open",
            SlotStatus::Done => "slot_done",
            SlotStatus::Overdue => "slot_overdue",
            SlotStatus::Missed => "slot_missed",
        }),
        opens: slot.opens(schedule).into(),
        overdue_at: slot.overdue_at(schedule).into(),
    }
}
