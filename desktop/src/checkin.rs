//! The check-in commands: the traveller's plan, PINs and check-ins, handing the plan over, and
//! the family's side. PINs, the signal phrase and passphrases are read without echo at a
//! terminal and one per line from standard input otherwise.

use std::path::Path;

use waymark_core::{CheckinMessageChoice, DayOfWeek, TripPlanField, TripPlanInput, TripPlanSaved};

use crate::app::App;
use crate::cli::{
    AlertsCommand, CheckinCommand, FamilyCommand, PinsCommand, PlanArgs, PlanCommand,
};
use crate::error::Failure;
use crate::interactive::Io;
use crate::render;
use crate::wrap::wrap;

impl App<'_> {
    pub(crate) fn checkin(
        &self,
        action: Option<CheckinCommand>,
        io: &mut Io<'_>,
    ) -> Result<String, Failure> {
        let now = self.settings.now;
        match action {
            None | Some(CheckinCommand::Status) => {
                let view = self.core(self.waymark.checkin_status(now))?;
                self.show(&view, || Ok(render::checkin_status(&view, &self.ctx(None))))
            }
            Some(CheckinCommand::Setup(args)) => {
                // The same form the phones fill in: the core reads the times, the days and the
                // numbers, and names every flag that is wrong at once.
                let mut input = plan_from(&args)?;
                // Once the PINs exist, a change needs one, so nobody can weaken the routine
                // without it; the form asks for it like the phones'.
                if self.core(self.waymark.lock_status(now))?.available {
                    let t = self.waymark.shell_texts();
                    input.pin = Some(secret(io, &t.pin_label, None, "PIN")?);
                }
                match self.core(self.waymark.save_trip_plan(input, now))? {
                    TripPlanSaved::Saved { status: view } => {
                        self.show(&view, || Ok(render::checkin_status(&view, &self.ctx(None))))
                    }
                    TripPlanSaved::Refused { errors } => Err(Failure::usage(
                        errors
                            .iter()
                            .map(|e| format!("{}: {}", flag(e.field), e.message))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    )),
                }
            }
            Some(CheckinCommand::Pins {
                action: Some(PinsCommand::Change),
            }) => {
                let t = self.waymark.shell_texts();
                let current = secret(io, &t.current_pin_label, Some(&t.change_pins_hint), "PIN")?;
                let normal = secret(
                    io,
                    &t.new_normal_pin_label,
                    Some(&t.normal_pin_hint),
                    "new PIN",
                )?;
                let duress = secret(
                    io,
                    &t.new_duress_pin_label,
                    Some(&t.duress_pin_hint),
                    "new help PIN",
                )?;
                self.core(self.waymark.change_checkin_pins(current, normal, duress))?;
                let view = self.core(self.waymark.checkin_status(now))?;
                self.show(&view, || {
                    Ok(format!(
                        "{}\n{}",
                        wrap(&t.pins_changed, "", ""),
                        render::checkin_status(&view, &self.ctx(None))
                    ))
                })
            }
            Some(CheckinCommand::Pins { action: None }) => {
                let t = self.waymark.shell_texts();
                let normal = secret(io, &t.normal_pin_label, Some(&t.normal_pin_hint), "PIN")?;
                let duress = secret(
                    io,
                    &t.duress_pin_label,
                    Some(&t.duress_pin_hint),
                    "help PIN",
                )?;
                let phrase = secret(
                    io,
                    &t.signal_phrase_label,
                    Some(&t.signal_phrase_hint),
                    "signal phrase",
                )?;
                self.core(self.waymark.set_checkin_pins(normal, duress, phrase))?;
                let view = self.core(self.waymark.checkin_status(now))?;
                self.show(&view, || Ok(render::checkin_status(&view, &self.ctx(None))))
            }
            Some(CheckinCommand::Now) => {
                let t = self.waymark.shell_texts();
                let pin = secret(io, &t.pin_label, None, "PIN")?;
                let receipt = self.core(self.waymark.check_in(pin, now))?;
                self.show(&receipt, || {
                    Ok(render::checkin_receipt(&receipt, &self.ctx(None)))
                })
            }
            Some(CheckinCommand::Practice) => {
                let t = self.waymark.shell_texts();
                let pin = secret(io, &t.pin_label, None, "PIN")?;
                let receipt = self.core(self.waymark.practice_check_in(pin, now))?;
                self.show(&receipt, || {
                    Ok(render::checkin_receipt(&receipt, &self.ctx(None)))
                })
            }
            Some(CheckinCommand::Pause { until }) => {
                // An instant with its offset is taken as it is; a local time is on the
                // profile's clock, which the core reads.
                let until = match chrono::DateTime::parse_from_rfc3339(until.trim()) {
                    Ok(instant) => instant.into(),
                    Err(_) => self.core(self.waymark.local_time_instant(until))?,
                };
                let t = self.waymark.shell_texts();
                let pin = secret(io, &t.pin_label, None, "PIN")?;
                let receipt = self.core(self.waymark.pause_check_ins(pin, until, now))?;
                self.show(&receipt, || {
                    Ok(render::checkin_receipt(&receipt, &self.ctx(None)))
                })
            }
            Some(CheckinCommand::Extend { to }) => {
                let t = self.waymark.shell_texts();
                let pin = secret(io, &t.pin_label, None, "PIN")?;
                let receipt = self.core(self.waymark.extend_trip(pin, to, now))?;
                self.show(&receipt, || {
                    Ok(render::checkin_receipt(&receipt, &self.ctx(None)))
                })
            }
            Some(CheckinCommand::End) => {
                let t = self.waymark.shell_texts();
                let pin = secret(io, &t.pin_label, None, "PIN")?;
                let receipt = self.core(self.waymark.end_trip(pin, now))?;
                self.show(&receipt, || {
                    Ok(render::checkin_receipt(&receipt, &self.ctx(None)))
                })
            }
            Some(CheckinCommand::Message { template, own }) => {
                let choice = match (template, own) {
                    (Some(id), _) => Some(CheckinMessageChoice::Template { id }),
                    (None, Some(text)) => Some(CheckinMessageChoice::Own { text }),
                    (None, None) => None,
                };
                let view = match choice {
                    Some(choice) => self.core(self.waymark.set_checkin_message(choice))?,
                    None => self.core(self.waymark.checkin_message_view())?,
                };
                self.show(&view, || Ok(render::checkin_message(&view)))
            }
            Some(CheckinCommand::History) => {
                let view = self.core(self.waymark.checkin_history())?;
                self.show(&view, || {
                    Ok(render::checkin_history(&view, &self.ctx(None)))
                })
            }
        }
    }

    pub(crate) fn plan(&self, action: PlanCommand, io: &mut Io<'_>) -> Result<String, Failure> {
        match action {
            PlanCommand::Export { passphrase, qr } => {
                let t = self.waymark.shell_texts();
                let pin = secret(io, &t.pin_label, None, "PIN")?;
                // Without one of the person's own, the core makes up four words.
                let passphrase = if passphrase {
                    Some(secret(
                        io,
                        &t.passphrase_label,
                        Some(&t.passphrase_hint),
                        "passphrase",
                    )?)
                } else {
                    None
                };
                let export = self.core(self.waymark.export_plan(pin, passphrase))?;
                self.show(&export, || {
                    let mut out = String::new();
                    if qr {
                        let code = self.core(waymark_core::qr_code(export.payload.clone()))?;
                        out += &render::qr_code(&code, &self.ctx(None));
                    }
                    out += &export.payload;
                    out.push('\n');
                    let passphrase = render::passphrase(&export, &self.ctx(None));
                    if io.output_terminal {
                        out.push('\n');
                        out += &passphrase;
                    } else {
                        // The plan is going to a file or a program, and the family must never
                        // get the passphrase with it: it goes to the terminal instead.
                        io.say_aside(&passphrase)?;
                    }
                    Ok(out)
                })
            }
            PlanCommand::Import { file, sealed: _ } => {
                let payload = read_payload(file.as_deref(), io)?;
                // Every plan shared now is sealed; one from an earlier version may not be, and
                // then no passphrase (an empty line, or none) is the answer.
                let t = self.waymark.shell_texts();
                let passphrase = optional_secret(io, &t.passphrase_label)?;
                let view = self.core(self.waymark.import_plan(
                    payload,
                    passphrase,
                    self.settings.now,
                ))?;
                self.show(&view, || {
                    Ok(render::family_traveller(&view, &self.ctx(None)))
                })
            }
        }
    }

    pub(crate) fn family(
        &self,
        action: Option<FamilyCommand>,
        io: &mut Io<'_>,
    ) -> Result<String, Failure> {
        let now = self.settings.now;
        match action.unwrap_or(FamilyCommand::List) {
            FamilyCommand::List => {
                let view = self.core(self.waymark.family_list(now))?;
                self.show(&view, || Ok(render::family_list(&view, &self.ctx(None))))
            }
            FamilyCommand::Status { id } => {
                let view = self.core(self.waymark.family_traveller(id, now))?;
                self.show(&view, || {
                    Ok(render::family_traveller(&view, &self.ctx(None)))
                })
            }
            FamilyCommand::Verify { id, message } => {
                let message = if message == ["-"] {
                    read_all(io)?
                } else {
                    message.join(" ")
                };
                let view = self.core(self.waymark.verify_checkin(id, message, now))?;
                self.show(&view, || Ok(render::verification(&view, &self.ctx(None))))
            }
            FamilyCommand::CheckText { file } => {
                let text = match file.as_deref() {
                    Some(path) if path != Path::new("-") => {
                        std::fs::read_to_string(path).map_err(|err| {
                            Failure::usage(format!("cannot read {}: {err}", path.display()))
                        })?
                    }
                    _ => read_all(io)?,
                };
                let view = self.core(self.waymark.verify_shared_text(text, now))?;
                self.show(&view, || Ok(render::shared_text(&view, &self.ctx(None))))
            }
            FamilyCommand::History { id } => {
                let view = self.core(self.waymark.family_history(id))?;
                self.show(&view, || Ok(render::family_history(&view, &self.ctx(None))))
            }
            FamilyCommand::Accept { id } => {
                let view = self.core(self.waymark.family_accept_plan_change(id, now))?;
                self.show(&view, || {
                    Ok(render::family_traveller(&view, &self.ctx(None)))
                })
            }
            FamilyCommand::Keep { id } => {
                let view = self.core(self.waymark.family_keep_plan(id, now))?;
                self.show(&view, || {
                    Ok(render::family_traveller(&view, &self.ctx(None)))
                })
            }
            FamilyCommand::Handled { id } => {
                let view = self.core(self.waymark.family_mark_handled(id, now))?;
                self.show(&view, || {
                    Ok(render::family_traveller(&view, &self.ctx(None)))
                })
            }
            FamilyCommand::Remove { id } => {
                let view = self.core(self.waymark.family_stop_watching(id, now))?;
                self.show(&view, || Ok(render::family_list(&view, &self.ctx(None))))
            }
        }
    }

    pub(crate) fn alerts(
        &self,
        action: Option<AlertsCommand>,
        max: u32,
        inexact: bool,
    ) -> Result<String, Failure> {
        let now = self.settings.now;
        match action {
            None => {}
            Some(AlertsCommand::Fired { id }) => {
                self.core(self.waymark.alert_fired(id, now))?;
                let home = self.core(self.waymark.home(now))?;
                let warning = home.alert_warning;
                return self.show(&warning, || {
                    Ok(warning
                        .as_ref()
                        .map(|w| render::alert_warning(w, &self.ctx(None)))
                        .unwrap_or_default())
                });
            }
            Some(AlertsCommand::Test { status }) => {
                let view = if status {
                    self.core(self.waymark.test_alarm(now))?
                } else {
                    self.core(self.waymark.start_test_alarm(now))?
                };
                return self.show(&view, || Ok(render::test_alarm(&view)));
            }
            Some(AlertsCommand::Dismiss) => {
                self.core(self.waymark.dismiss_alert_warning(now))?;
                let view = self.core(self.waymark.home(now))?;
                return self.show(&view, || Ok(render::home(&view, &self.ctx(None))));
            }
        }
        let plan = self.core(
            self.waymark
                .upcoming_alerts(self.settings.now, max, !inexact),
        )?;
        self.show(&plan, || Ok(render::alerts(&plan, &self.ctx(None))))
    }
}

/// A secret: without echo at a terminal, asked for by the core's `label` (after its `hint`), else
/// the next line of standard input, where a missing line is reported by its English `name` like
/// every other usage error.
pub(crate) fn secret(
    io: &mut Io<'_>,
    label: &str,
    hint: Option<&str>,
    name: &str,
) -> Result<String, Failure> {
    if io.terminal {
        let prompt = match hint {
            Some(hint) => format!("{}{label}: ", wrap(hint, "", "")),
            None => format!("{label}: "),
        };
        return rpassword::prompt_password(prompt)
            .map_err(|err| Failure::usage(format!("cannot read: {err}")));
    }
    io.line()?
        .ok_or_else(|| Failure::usage(format!("{name} expected on standard input")))
}

/// A secret that may be left out: read like [`secret`], with an empty answer or (in scripts)
/// no line at all meaning none.
fn optional_secret(io: &mut Io<'_>, label: &str) -> Result<Option<String>, Failure> {
    let typed = if io.terminal {
        Some(secret(io, label, None, "")?)
    } else {
        io.line()?
    };
    Ok(typed.filter(|s| !s.trim().is_empty()))
}

fn read_payload(file: Option<&Path>, io: &mut Io<'_>) -> Result<String, Failure> {
    match file {
        Some(path) if path != Path::new("-") => std::fs::read_to_string(path)
            .map_err(|err| Failure::usage(format!("cannot read {}: {err}", path.display()))),
        _ => io
            .line()?
            .ok_or_else(|| Failure::usage("the plan's text expected on standard input")),
    }
}

fn read_all(io: &mut Io<'_>) -> Result<String, Failure> {
    let mut lines = Vec::new();
    while let Some(line) = io.line()? {
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

/// The trip plan form filled from the command line: every value goes to the core as typed, and
/// the core checks it.
fn plan_from(args: &PlanArgs) -> Result<TripPlanInput, Failure> {
    if args.times.is_none() && args.every_hours.is_none() {
        return Err(Failure::usage(
            "give the check-in times with --times HH:MM,... or --every-hours N",
        ));
    }
    let days = match &args.days {
        Some(days) => days
            .split(',')
            .map(|d| day(d.trim()))
            .collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    Ok(TripPlanInput {
        traveller_name: args.name.clone(),
        destination_country: args.country.clone(),
        destination_city: args.city.clone(),
        starts_day: args.from.clone(),
        ends_day: args.to.clone(),
        home_time_zone: args.home_zone.clone(),
        destination_time_zone: args.destination_zone.clone(),
        employer: args.employer.clone().unwrap_or_default(),
        agency: args.agency.clone().unwrap_or_default(),
        document_copies: args.documents.clone().unwrap_or_default(),
        times: args.times.clone().unwrap_or_default(),
        days,
        every_hours: args.every_hours.map(|h| h.to_string()).unwrap_or_default(),
        schedule_time_zone: args.schedule_zone.clone().unwrap_or_default(),
        window_minutes: args.window.to_string(),
        grace_minutes: args.grace.to_string(),
        pin: None,
    })
}

/// The command-line flag of a trip plan field, to name it in a problem.
fn flag(field: TripPlanField) -> &'static str {
    match field {
        TripPlanField::TravellerName => "--name",
        TripPlanField::DestinationCountry => "--country",
        TripPlanField::DestinationCity => "--city",
        TripPlanField::StartsDay => "--from",
        TripPlanField::EndsDay => "--to",
        TripPlanField::HomeTimeZone => "--home-zone",
        TripPlanField::DestinationTimeZone => "--destination-zone",
        TripPlanField::Employer => "--employer",
        TripPlanField::Agency => "--agency",
        TripPlanField::DocumentCopies => "--documents",
        TripPlanField::Times => "--times",
        TripPlanField::Days => "--days",
        TripPlanField::EveryHours => "--every-hours",
        TripPlanField::ScheduleTimeZone => "--schedule-zone",
        TripPlanField::WindowMinutes => "--window",
        TripPlanField::GraceMinutes => "--grace",
        TripPlanField::Pin => "the PIN",
    }
}

fn day(name: &str) -> Result<DayOfWeek, Failure> {
    Ok(
        match name.to_ascii_lowercase().get(..3).unwrap_or_default() {
            "mon" => DayOfWeek::Monday,
            "tue" => DayOfWeek::Tuesday,
            "wed" => DayOfWeek::Wednesday,
            "thu" => DayOfWeek::Thursday,
            "fri" => DayOfWeek::Friday,
            "sat" => DayOfWeek::Saturday,
            "sun" => DayOfWeek::Sunday,
            _ => {
                return Err(Failure::usage(format!(
                    "--days: {name:?} is not a day; use mon, tue, wed, thu, fri, sat, sun"
                )));
            }
        },
    )
}
