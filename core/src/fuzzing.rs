//! The bodies of the fuzz targets (fuzz/fuzz_targets/), one per input that comes from outside.
//!
//! They live here, not in the fuzz crate, so that the committed corpora and every input that
//! once crashed are replayed by the ordinary stable test at the end of this file, which
//! `cargo xtask test` runs. Each body checks what a person relies on, not only "no panic": a
//! refused input is refused with a typed error and changes nothing, and what is accepted reads
//! back the same.
//!
//! Compiled only for tests and for the `fuzzing` feature, which only the fuzz crate turns on.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::checkins::{CheckinCadence, CheckinSchedule, DayOfWeek, TripPlan};
use crate::contacts::{OwnContactInput, OwnContactKind};
use crate::content::pack_file::{PackManifest, SignedPack};
use crate::content::{embedded_files, markdown};
use crate::screening::{Answer, OfferAnswer, OfferInput};
use crate::{Waymark, WaymarkOptions};

/// Every fuzz target, by the name of its folder under fuzz/corpus/.
pub const TARGETS: [&str; 10] = [
    "pack_file",
    "pack_content",
    "markdown",
    "plan_payload",
    "verify_text",
    "job_ad",
    "search_query",
    "qr_frame",
    "phone_number",
    "form_fields",
];

/// A fixed "now" inside the sample trip, so runs repeat exactly.
fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_775_000_000)
}

/// Splits an input into `n` text fields at 0xFF bytes (never part of UTF-8, so a field's text
/// cannot contain the separator); missing fields are empty.
pub fn fields(data: &[u8], n: usize) -> Vec<String> {
    let mut out: Vec<String> = data
        .splitn(n, |b| *b == 0xFF)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect();
    out.resize(n, String::new());
    out
}

/// One profile the targets share, with a traveller watched (for the verify target).
pub struct Fuzzer {
    waymark: Arc<Waymark>,
    watched_id: String,
}

impl Fuzzer {
    /// Opens the family's profile and a traveller's profile in `dir`, and has the first watch
    /// the second.
    pub fn new(dir: &Path) -> Self {
        let open = |name: &str| {
            let options = WaymarkOptions {
                language: "en".into(),
                time_zone: "Europe/Moscow".into(),
                profile_key: vec![7; 32],
            };
            let waymark = Waymark::open_at(&dir.join(name), &options).expect("open a profile");
            Arc::new(waymark)
        };
        let traveller = open("traveller.sqlite");
        traveller
            .set_trip_plan(sample_plan(), now() - Duration::from_secs(86_400))
            .expect("the sample plan");
        traveller
            .set_checkin_pins("2468".into(), "1357".into(), "How is aunt Valya?".into())
            .expect("the sample PINs");
        let export = traveller.export_plan("2468".into(), None).expect("export");
        let waymark = open("family.sqlite");
        let watched_id = waymark
            .import_plan(export.payload, Some(export.passphrase), now())
            .expect("import the sample plan")
            .id;
        Fuzzer {
            waymark,
            watched_id,
        }
    }

    /// Runs the target named `target` (one of `TARGETS`) on `data`.
    pub fn run(&self, target: &str, data: &[u8]) {
        match target {
            "pack_file" => self.pack_file(data),
            "pack_content" => pack_content(data),
            "markdown" => markdown_body(data),
            "plan_payload" => self.plan_payload(data),
            "verify_text" => self.verify_text(data),
            "job_ad" => self.job_ad(data),
            "search_query" => self.search_query(data),
            "qr_frame" => qr_frame(data),
            "phone_number" => phone_number(data),
            "form_fields" => self.form_fields(data),
            other => panic!("no fuzz target {other}"),
        }
    }

    /// A content pack file as a person picks it: refused packs leave the content as it was.
    fn pack_file(&self, data: &[u8]) {
        let before = self.waymark.content_info();
        match self.waymark.install_content_pack(data.to_vec(), now()) {
            Ok(_) => {
                // Only a pack signed by a trusted key gets here; put the default back.
                self.waymark.reset_content_pack().expect("reset");
            }
            Err(crate::WaymarkError::ContentRejected { .. }) => {
                assert_eq!(
                    self.waymark.content_info(),
                    before,
                    "a refused pack changed content"
                );
            }
            Err(other) => panic!("a pack was refused with the wrong error: {other:?}"),
        }
    }

    /// A shared trip plan (plain or sealed; the second field, if any, is the passphrase).
    fn plan_payload(&self, data: &[u8]) {
        let [payload, passphrase] = <[String; 2]>::try_from(fields(data, 2)).expect("two fields");
        let passphrase = (!passphrase.is_empty()).then_some(passphrase);
        let before = self.waymark.family_list(now()).expect("family list");
        match self.waymark.import_plan(payload, passphrase, now()) {
            Ok(view) => {
                // A genuine plan (the seeds hold some): stop watching it again, unless it is the
                // sample traveller, whom the verify target needs.
                if view.id != self.watched_id {
                    self.waymark
                        .family_stop_watching(view.id, now())
                        .expect("stop watching");
                }
            }
            Err(error) => {
                assert!(
                    matches!(error, crate::WaymarkError::InvalidInput { .. }),
                    "a bad plan was refused with the wrong error: {error:?}"
                );
                assert_eq!(
                    self.waymark.family_list(now()).expect("family list"),
                    before,
                    "a refused plan changed the list of travellers"
                );
            }
        }
    }

    /// The text the family pastes to verify a check-in.
    fn verify_text(&self, data: &[u8]) {
        let text = String::from_utf8_lossy(data).into_owned();
        if let Err(error) = self
            .waymark
            .verify_checkin(self.watched_id.clone(), text, now())
        {
            assert!(
                matches!(error, crate::WaymarkError::InvalidInput { .. }),
                "a message was refused with the wrong error: {error:?}"
            );
        }
    }

    /// A job ad's text: every span found is where it says it is.
    fn job_ad(&self, data: &[u8]) {
        let text = String::from_utf8_lossy(data).into_owned();
        let chars: Vec<char> = text.chars().collect();
        let Ok(view) = self.waymark.analyze_ad(text) else {
            return;
        };
        let spans = view
            .flags
            .iter()
            .flat_map(|flag| flag.spans.iter())
            .chain(view.phones.iter().map(|phone| &phone.span));
        for span in spans {
            let (start, end) = (span.start as usize, span.end as usize);
            assert!(
                start < end && end <= chars.len(),
                "span {span:?} outside the text"
            );
            let shown: String = chars[start..end].iter().collect();
            assert_eq!(
                shown, span.text,
                "a span's text is not the text at its offsets"
            );
        }
    }

    /// A search query as typed.
    fn search_query(&self, data: &[u8]) {
        let query = String::from_utf8_lossy(data).into_owned();
        if let Ok(view) = self.waymark.search(query) {
            assert!(view.results.len() <= crate::SEARCH_RESULTS_MAX as usize);
        }
    }

    /// Every form a person fills in: the first byte picks the form, the rest are its fields. A
    /// refused form changes nothing; an accepted one is undone, so the profile stays small.
    fn form_fields(&self, data: &[u8]) {
        let Some((&pick, rest)) = data.split_first() else {
            return;
        };
        let w = &self.waymark;
        let f = fields(rest, 8);
        match pick % 7 {
            0 => {
                let before = w.own_contacts().expect("contacts");
                let input = OwnContactInput {
                    name: f[0].clone(),
                    kind: [
                        OwnContactKind::Family,
                        OwnContactKind::EmbassyOrConsulate,
                        OwnContactKind::Employer,
                        OwnContactKind::RecruitmentAgency,
                        OwnContactKind::SupportOrganisation,
                        OwnContactKind::Other,
                    ][usize::from(pick / 7) % 6],
                    country: f[1].clone(),
                    phone: f[2].clone(),
                    notes: f[3].clone(),
                };
                match w.own_contact_add(input, now()) {
                    Ok(view) => {
                        let added = view
                            .contacts
                            .iter()
                            .find(|c| !before.contacts.iter().any(|b| b.id == c.id))
                            .map(|c| c.id.clone())
                            .expect("the added contact");
                        w.own_contact_remove(added).expect("remove");
                    }
                    Err(_) => assert_eq!(w.own_contacts().expect("contacts"), before),
                }
            }
            1 => {
                let before = w.trip_plan().expect("plan");
                let plan = plan_from(&f, pick);
                if w.set_trip_plan(plan, now()).is_err() {
                    assert_eq!(
                        w.trip_plan().expect("plan"),
                        before,
                        "a refused plan was kept"
                    );
                }
            }
            2 => {
                // The PINs and phrase are sealed; a refusal must leave a check-in possible or
                // impossible exactly as before.
                let before = w.checkin_status(now()).ok();
                if w.set_checkin_pins(f[0].clone(), f[1].clone(), f[2].clone())
                    .is_err()
                {
                    assert_eq!(w.checkin_status(now()).ok(), before);
                }
            }
            3 => {
                let before = w.checklist().expect("checklist");
                if let Ok(view) = w.checklist_add_own_item(f[0].clone(), now()) {
                    let added = view
                        .items
                        .iter()
                        .find(|item| item.is_own && !before.items.iter().any(|b| b.id == item.id))
                        .expect("the added item");
                    w.checklist_remove_own_item(added.id.clone())
                        .expect("remove");
                } else {
                    assert_eq!(w.checklist().expect("checklist"), before);
                }
            }
            4 => {
                let before = w.offers().expect("offers");
                let answers = f[5]
                    .split(',')
                    .filter(|id| !id.is_empty())
                    .map(|id| OfferAnswer {
                        question_id: id.to_owned(),
                        answer: [Answer::Yes, Answer::No, Answer::DontKnow][id.len() % 3],
                    })
                    .collect();
                let input = OfferInput {
                    title: f[0].clone(),
                    employer: f[1].clone(),
                    country: f[2].clone(),
                    notes: f[3].clone(),
                    answers,
                    ad_text: (!f[4].is_empty()).then(|| f[4].clone()),
                };
                match w.offer_save(None, input, now()) {
                    Ok(view) => {
                        if let Some(id) = view.id {
                            w.offer_delete(id).expect("delete");
                        }
                    }
                    Err(_) => assert_eq!(w.offers().expect("offers"), before),
                }
            }
            5 => {
                let before = w.language();
                if w.set_language(f[0].clone()).is_err() {
                    assert_eq!(w.language(), before, "a refused language was kept");
                }
                w.set_language("en".into()).expect("back to English");
            }
            _ => {
                let _ = w.set_time_zone(f[0].clone());
                w.set_time_zone("Europe/Moscow".into()).expect("back home");
            }
        }
    }
}

/// The content of a signed pack, one file replaced by the input: the first byte picks the file.
/// Whatever the loader accepts must be content the app can show.
fn pack_content(data: &[u8]) {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let mut files = embedded_files();
    let index = usize::from(pick) % files.len();
    files[index].1 = String::from_utf8_lossy(text).into_owned();
    let default = crate::content::default_pack().expect("the default pack");
    let signed = SignedPack {
        manifest: PackManifest {
            id: default.id.clone(),
            version: default.version,
            languages: default
                .languages
                .iter()
                .filter(|l| l.texts)
                .map(|l| l.code.clone())
                .collect(),
            min_core_version: env!("CARGO_PKG_VERSION").into(),
        },
        files,
    };
    if let Ok(pack) = signed.load() {
        for language in pack.languages.iter().filter(|l| l.texts) {
            assert!(
                pack.chain(&language.code).is_ok(),
                "{} has no chain",
                language.code
            );
        }
    }
}

/// An article body, as a pack's author writes it.
fn markdown_body(data: &[u8]) {
    let body = String::from_utf8_lossy(data);
    let first = markdown::parse_body(&body);
    assert_eq!(
        first,
        markdown::parse_body(&body),
        "parsing is not repeatable"
    );
}

/// A camera frame: two little-endian u16 sizes, then the pixels.
fn qr_frame(data: &[u8]) {
    if data.len() < 4 {
        return;
    }
    let width = u32::from(u16::from_le_bytes([data[0], data[1]]));
    let height = u32::from(u16::from_le_bytes([data[2], data[3]]));
    let _ = crate::read_qr_code(width, height, data[4..].to_vec());
}

/// A phone number with its country: a number accepted once is accepted again in the form we
/// store, as the same number.
fn phone_number(data: &[u8]) {
    let [country, phone] = <[String; 2]>::try_from(fields(data, 2)).expect("two fields");
    let Ok(region) = crate::contacts::phone::country("country", &country) else {
        return;
    };
    if let Ok(first) = crate::contacts::phone::normalise(&phone, &region) {
        let again = crate::contacts::phone::normalise(&first.e164, &region)
            .expect("a stored number reads back");
        assert_eq!(again.e164, first.e164);
    }
}

/// A trip plan from form fields: name, country, city, zones, times, and numbers from `pick`.
fn plan_from(f: &[String], pick: u8) -> TripPlan {
    let times: Vec<String> = f[5].split(',').map(str::to_owned).collect();
    let cadence = match pick / 7 % 3 {
        0 => CheckinCadence::Daily { times },
        1 => CheckinCadence::Weekly {
            days: vec![DayOfWeek::Monday, DayOfWeek::Thursday],
            times,
        },
        _ => CheckinCadence::EveryHours {
            hours: u32::from(pick),
        },
    };
    let start = now() + Duration::from_secs(u64::from(pick) * 3_600);
    TripPlan {
        traveller_name: f[0].clone(),
        destination_country: f[1].clone(),
        destination_city: f[2].clone(),
        starts: start,
        ends: start + Duration::from_secs(u64::from(pick) * 86_400),
        home_time_zone: f[3].clone(),
        destination_time_zone: f[4].clone(),
        employer: (!f[6].is_empty()).then(|| f[6].clone()),
        agency: None,
        document_copies: (!f[7].is_empty()).then(|| f[7].clone()),
        schedule: CheckinSchedule {
            cadence,
            time_zone: f[4].clone(),
            window_minutes: u32::from(pick),
            grace_minutes: u32::from(pick) * 2,
        },
    }
}

/// The plan the traveller's side of the fuzz profile has.
fn sample_plan() -> TripPlan {
    let start = now() - Duration::from_secs(3 * 86_400);
    TripPlan {
        traveller_name: "Anna".into(),
        destination_country: "TR".into(),
        destination_city: "Istanbul".into(),
        starts: start,
        ends: start + Duration::from_secs(90 * 86_400),
        home_time_zone: "Europe/Moscow".into(),
        destination_time_zone: "Europe/Istanbul".into(),
        employer: Some("Hotel Marmara Star".into()),
        agency: None,
        document_copies: None,
        schedule: CheckinSchedule {
            cadence: CheckinCadence::Daily {
                times: vec!["09:00".into(), "21:00".into()],
            },
            time_zone: "Europe/Istanbul".into(),
            window_minutes: 60,
            grace_minutes: 30,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every committed seed and every input that once crashed a target, run again on stable.
    #[test]
    fn every_committed_fuzz_input_is_handled() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let dir = tempfile::tempdir().unwrap();
        let fuzzer = Fuzzer::new(dir.path());
        for target in TARGETS {
            let mut ran = 0;
            for folder in ["corpus", "regressions"] {
                let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else {
                    continue;
                };
                for entry in entries {
                    let path = entry.unwrap().path();
                    let data = std::fs::read(&path).unwrap();
                    fuzzer.run(target, &data);
                    ran += 1;
                }
            }
            assert!(ran > 0, "fuzz/corpus/{target} holds no seed");
        }
        // The seeds must stay real inputs: the signed pack seed installs, so the fuzzer starts
        // from content the app accepts. When the content's form changes, write them again.
        let signed = std::fs::read(root.join("corpus/pack_file/signed")).unwrap();
        let installed = fuzzer.waymark.install_content_pack(signed, now());
        assert!(
            installed.is_ok(),
            "fuzz/corpus/pack_file/signed no longer installs ({installed:?}): run \
             cargo test -p waymark-core --lib write_seed_corpus -- --ignored"
        );
    }

    /// Writes the seed corpora into fuzz/corpus/ from real inputs made through the public API:
    /// `cargo test -p waymark-core --lib write_seed_corpus -- --ignored`. Seeds are committed;
    /// run this again when a format changes.
    #[test]
    #[ignore = "writes fuzz/corpus; run by hand"]
    fn write_seed_corpus() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
        let write = |target: &str, name: &str, data: &[u8]| {
            let dir = root.join(target);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(name), data).unwrap();
        };
        let joined = |parts: &[&str]| -> Vec<u8> {
            let mut out = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(0xFF);
                }
                out.extend_from_slice(part.as_bytes());
            }
            out
        };

        // Packs: a real signed one (the test key), cut short, and with a flipped signature byte.
        let key = crate::PackSigningKey::from_key_file(include_str!(
            "../tests/data/test-pack-key.secret"
        ))
        .unwrap();
        let options = crate::PackOptions {
            version: Some(1_000),
            ..crate::PackOptions::default()
        };
        let pack = crate::build_pack(&crate::content::source_files(), &options, &key).unwrap();
        write("pack_file", "signed", &pack);
        write("pack_file", "truncated", &pack[..pack.len() / 2]);
        let mut flipped = pack.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        write("pack_file", "bad-signature", &flipped);
        write("pack_file", "magic-only", &pack[..16]);

        // Pack content: each small compiled file, picked by its index.
        for (index, (path, text)) in embedded_files().iter().enumerate() {
            if text.len() <= 40_000 {
                let mut data = vec![index as u8];
                data.extend_from_slice(text.as_bytes());
                write("pack_content", &path.replace('/', "-"), &data);
            }
        }

        // Markdown: article bodies as authors write them.
        for (name, body) in [
            (
                "plain",
                "One paragraph.\n\nAnother, with **strong** and *emphasis*.",
            ),
            ("lists", "### Steps\n\n1. first\n2. second\n\n- a\n- b\n"),
            (
                "callout",
                "> [!WARNING]\n> Never hand over your passport.\n",
            ),
            (
                "links",
                "Read [the rules](article:safety-rules) and [call](contact:hotline).",
            ),
            (
                "refused",
                "<b>html</b> and ![image](x.png) and [web](https://example.org)",
            ),
        ] {
            write("markdown", name, body.as_bytes());
        }

        // Plans: plain and sealed exports of the sample plan, and damaged ones.
        let dir = tempfile::tempdir().unwrap();
        let options = WaymarkOptions {
            language: "en".into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        };
        let traveller = Waymark::open_at(&dir.path().join("t.sqlite"), &options).unwrap();
        traveller
            .set_trip_plan(sample_plan(), now() - Duration::from_secs(86_400))
            .unwrap();
        traveller
            .set_checkin_pins("2468".into(), "1357".into(), "How is aunt Valya?".into())
            .unwrap();
        // A plain payload as earlier versions wrote it: still read, so still fuzzed.
        let plain = crate::checkins::family::export_shared(&traveller.real, "2468", None).unwrap();
        let sealed = traveller
            .export_plan("2468".into(), Some("correct horse battery".into()))
            .unwrap()
            .payload;
        write("plan_payload", "plain", plain.as_bytes());
        write(
            "plan_payload",
            "sealed",
            &joined(&[&sealed, "correct horse battery"]),
        );
        write(
            "plan_payload",
            "sealed-wrong-passphrase",
            &joined(&[&sealed, "wrong passphrase"]),
        );
        write("plan_payload", "cut", &plain.as_bytes()[..plain.len() / 2]);

        // Verify texts: the sample traveller's real check-ins (the fuzzer's traveller is made
        // from the same plan, but with its own secret: these exercise the reading, not a match).
        let receipt = traveller
            .check_in("2468".into(), now() - Duration::from_secs(3_600))
            .unwrap();
        write("verify_text", "checkin", receipt.message.as_bytes());
        write(
            "verify_text",
            "forwarded",
            format!("> Fwd from Anna:\n> {}\n\nsent 09:02", receipt.message).as_bytes(),
        );
        write("verify_text", "code-only", b"482 913");
        let paused = traveller
            .pause_check_ins(
                "2468".into(),
                now() + Duration::from_secs(6 * 3_600),
                now() - Duration::from_secs(1_800),
            )
            .unwrap();
        write("verify_text", "pause", paused.message.as_bytes());
        write("verify_text", "event-code-only", b"482 9137");

        // Job ads in both languages.
        write(
            "job_ad",
            "en",
            "Hotel staff wanted in Dubai! No experience, no language needed. Salary 3000 USD. \
             Free visa and flight, we keep your passport safe. Call +971 50 123 4567 or WhatsApp."
                .as_bytes(),
        );
        write(
            "job_ad",
            "ru",
            "Срочно! Работа в Турции, горничные, без опыта. Зарплата от 2000 $, жильё бесплатно. \
             Паспорт сдать агенту по прибытии. Звоните 8 (916) 123-45-67."
                .as_bytes(),
        );

        for (name, query) in [
            ("en", "passport"),
            ("ru", "паспорт работодатель"),
            ("typo", "pasport"),
            ("symbols", "\"*+?( AND OR"),
        ] {
            write("search_query", name, query.as_bytes());
        }

        // A QR frame of the plain plan, drawn as a camera would see a screen, and a blank one.
        let code = crate::qr_code(plain.clone()).unwrap();
        let scale = 2;
        let side = (code.size + 2 * code.quiet_zone) * scale;
        let mut frame = Vec::new();
        frame.extend_from_slice(&(side as u16).to_le_bytes());
        frame.extend_from_slice(&(side as u16).to_le_bytes());
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / scale, y / scale);
                let inside = |v: u32| v >= code.quiet_zone && v < code.quiet_zone + code.size;
                let dark = inside(mx)
                    && inside(my)
                    && code.is_dark(mx - code.quiet_zone, my - code.quiet_zone);
                frame.push(if dark { 0 } else { 255 });
            }
        }
        write("qr_frame", "plan", &frame);
        let mut blank = vec![16, 0, 16, 0];
        blank.extend(std::iter::repeat_n(200u8, 256));
        write("qr_frame", "blank", &blank);

        for (name, country, phone) in [
            ("ru-national", "RU", "8 (916) 123-45-67"),
            ("de-international", "DE", "+49 30 901820"),
            ("tr-idd", "TR", "00 90 212 555 01 23"),
            ("letters", "GB", "0800 FLOWERS"),
        ] {
            write("phone_number", name, &joined(&[country, phone]));
        }

        // Forms: the first byte picks the form (see form_fields).
        write(
            "form_fields",
            "contact",
            &[
                &[0u8][..],
                &joined(&["Mama Olga", "RU", "+7 916 123-45-67", "evenings"]),
            ]
            .concat(),
        );
        write(
            "form_fields",
            "plan",
            &[
                &[22u8][..],
                &joined(&[
                    "Anna",
                    "TR",
                    "Istanbul",
                    "Europe/Moscow",
                    "Europe/Istanbul",
                    "09:00,21:00",
                    "Hotel",
                    "with Olga",
                ]),
            ]
            .concat(),
        );
        write(
            "form_fields",
            "pins",
            &[&[2u8][..], &joined(&["2468", "1357", "How is aunt Valya?"])].concat(),
        );
        write(
            "form_fields",
            "checklist",
            &[&[3u8][..], b"Buy a local SIM"].concat(),
        );
        write(
            "form_fields",
            "offer",
            &[
                &[4u8][..],
                &joined(&["Cleaner", "Star Agency", "AE", "", "", "passport-kept,fee"]),
            ]
            .concat(),
        );
        write("form_fields", "language", &[5u8, b'r', b'u']);
        write(
            "form_fields",
            "zone",
            &[&[6u8][..], b"Asia/Tashkent"].concat(),
        );
    }

    #[test]
    fn the_fuzz_crate_declares_every_target_and_no_other() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let mut declared: Vec<&str> = manifest
            .lines()
            .filter_map(|line| line.trim().strip_prefix("name = \""))
            .filter_map(|rest| rest.strip_suffix('"'))
            .filter(|name| *name != "waymark-fuzz")
            .collect();
        declared.sort_unstable();
        let mut expected = TARGETS.to_vec();
        expected.sort_unstable();
        assert_eq!(declared, expected);
        for target in TARGETS {
            let source = std::fs::read_to_string(root.join(format!("fuzz_targets/{target}.rs")))
                .unwrap_or_else(|_| panic!("fuzz/fuzz_targets/{target}.rs is missing"));
            assert!(
                source.contains(&format!("run(\"{target}\", data)")),
                "{target}.rs runs another target"
            );
        }
    }

    #[test]
    fn fields_split_at_the_separator_and_pad() {
        assert_eq!(fields(b"a\xffb", 3), vec!["a", "b", ""]);
        assert_eq!(fields(b"a\xffb\xffc\xffd", 3), vec!["a", "b", "c\u{fffd}d"]);
    }
}
