//! The check-in commands: the traveller's plan, PINs and check-ins, handing the plan over, and
//! the family's side. PINs, the signal phrase and passphrases are read without echo at a
//! terminal and one per line from standard input otherwise.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use waymark_core::{CheckinCadence, CheckinSchedule, DayOfWeek, TripPlan};

use crate::app::App;
use crate::cli::{CheckinCommand, FamilyCommand, PlanArgs, PlanCommand};
use crate::error::Failure;
use crate::interactive::Io;
use crate::render;

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
                let view = self.core(self.waymark.set_trip_plan(plan_from(&args)?, now))?;
                self.show(&view, || Ok(render::checkin_status(&view, &self.ctx(None))))
            }
            Some(CheckinCommand::Pins) => {
                let normal = secret(io, "Normal check-in PIN: ")?;
                let duress = secret(
                    io,
                    "Duress PIN (checks in looking normal, tells your family you need help): ",
                )?;
                let phrase = secret(io, "Signal phrase agreed with your family: ")?;
                self.core(self.waymark.set_checkin_pins(normal, duress, phrase))?;
                let view = self.core(self.waymark.checkin_status(now))?;
                self.show(&view, || Ok(render::checkin_status(&view, &self.ctx(None))))
            }
            Some(CheckinCommand::Now) => {
                let pin = secret(io, "Check-in PIN: ")?;
                let receipt = self.core(self.waymark.check_in(pin, now))?;
                self.show(&receipt, || {
                    Ok(render::checkin_receipt(&receipt, &self.ctx(None)))
                })
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
            PlanCommand::Export { sealed } => {
                let pin = secret(io, "Check-in PIN: ")?;
                let passphrase = if sealed {
                    Some(secret(io, "Passphrase to seal the plan: ")?)
                } else {
                    None
                };
                let export = self.core(self.waymark.export_plan(pin, passphrase))?;
                self.show(&export, || Ok(format!("{}\n", export.payload)))
            }
            PlanCommand::Import { file, sealed } => {
                let payload = read_payload(file.as_deref(), io)?;
                let passphrase = if sealed {
                    Some(secret(io, "The plan's passphrase: ")?)
                } else {
                    None
                };
                self.unlock_keystore()?;
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
        self.unlock_keystore()?;
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
            FamilyCommand::History { id } => {
                let view = self.core(self.waymark.family_history(id))?;
                self.show(&view, || Ok(render::family_history(&view, &self.ctx(None))))
            }
            FamilyCommand::Handled { id } => {
                let view = self.core(self.waymark.family_mark_handled(id, now))?;
                self.show(&view, || {
                    Ok(render::family_traveller(&view, &self.ctx(None)))
                })
            }
        }
    }

    pub(crate) fn alerts(&self, max: u32, inexact: bool) -> Result<String, Failure> {
        let plan = self.core(
            self.waymark
                .plan_notifications(self.settings.now, max, !inexact),
        )?;
        self.show(&plan, || Ok(render::alerts(&plan, &self.ctx(None))))
    }

    /// Gives the core the profile's keystore key. A phone keeps it in its keystore; the
    /// desktop keeps it in a file beside the profile, readable by its owner only.
    fn unlock_keystore(&self) -> Result<(), Failure> {
        let key = keystore_key(&key_path(&self.settings.profile))?;
        self.core(self.waymark.set_keystore_key(key))
    }
}

fn key_path(profile: &Path) -> PathBuf {
    let mut name = profile.file_name().unwrap_or_default().to_os_string();
    name.push(".key");
    profile.with_file_name(name)
}

/// Reads the key file, creating it with 32 random bytes the first time.
fn keystore_key(path: &Path) -> Result<Vec<u8>, Failure> {
    let failed = |err: std::io::Error| {
        Failure::other(format!("cannot use the key file {}: {err}", path.display()))
    };
    match std::fs::read(path) {
        Ok(key) if key.len() == 32 => Ok(key),
        Ok(_) => Err(Failure::other(format!(
            "the key file {} is damaged",
            path.display()
        ))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let mut key = vec![0u8; 32];
            getrandom::fill(&mut key)
                .map_err(|_| Failure::other("the system has no random source"))?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            use std::io::Write as _;
            options
                .open(path)
                .and_then(|mut f| f.write_all(&key))
                .map_err(failed)?;
            Ok(key)
        }
        Err(err) => Err(failed(err)),
    }
}

/// A secret: without echo at a terminal, else the next line of standard input.
fn secret(io: &mut Io<'_>, prompt: &str) -> Result<String, Failure> {
    if io.terminal {
        return rpassword::prompt_password(prompt)
            .map_err(|err| Failure::usage(format!("cannot read: {err}")));
    }
    io.line()?.ok_or_else(|| {
        Failure::usage(format!(
            "{} expected on standard input",
            prompt.trim_end_matches([' ', ':'])
        ))
    })
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

/// The plan from the command line; the core checks every field.
fn plan_from(args: &PlanArgs) -> Result<TripPlan, Failure> {
    let schedule_zone = args
        .schedule_zone
        .clone()
        .unwrap_or_else(|| args.destination_zone.clone());
    let cadence = match (&args.times, args.every_hours) {
        (Some(times), None) => {
            let times: Vec<String> = times.split(',').map(|t| t.trim().to_owned()).collect();
            match &args.days {
                None => CheckinCadence::Daily { times },
                Some(days) => CheckinCadence::Weekly {
                    days: days
                        .split(',')
                        .map(|d| day(d.trim()))
                        .collect::<Result<_, _>>()?,
                    times,
                },
            }
        }
        (None, Some(hours)) => CheckinCadence::EveryHours { hours },
        _ => {
            return Err(Failure::usage(
                "give the check-in times with --times HH:MM,... or --every-hours N",
            ));
        }
    };
    Ok(TripPlan {
        traveller_name: args.name.clone(),
        destination_country: args.country.clone(),
        destination_city: args.city.clone(),
        starts: instant("--from", &args.from, &schedule_zone)?,
        ends: instant("--to", &args.to, &schedule_zone)?,
        home_time_zone: args.home_zone.clone(),
        destination_time_zone: args.destination_zone.clone(),
        employer: args.employer.clone(),
        agency: args.agency.clone(),
        document_copies: args.documents.clone(),
        schedule: CheckinSchedule {
            cadence,
            time_zone: schedule_zone,
            window_minutes: args.window,
            grace_minutes: args.grace,
        },
    })
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

/// RFC 3339, or a date meaning the start of that day in `zone`.
fn instant(flag: &str, value: &str, zone: &str) -> Result<SystemTime, Failure> {
    if let Ok(at) = DateTime::parse_from_rfc3339(value) {
        return Ok(at.with_timezone(&Utc).into());
    }
    let bad = || {
        Failure::usage(format!(
            "{flag}: {value:?} is not a date (2026-03-02) or an RFC 3339 time"
        ))
    };
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| bad())?;
    let tz: chrono_tz::Tz = zone
        .parse()
        .map_err(|_| Failure::usage(format!("--schedule-zone: unknown time zone {zone:?}")))?;
    let start = tz
        .from_local_datetime(&date.and_hms_opt(0, 0, 0).ok_or_else(bad)?)
        .earliest()
        .ok_or_else(bad)?;
    Ok(start.with_timezone(&Utc).into())
}
