//! The `waymark` binary as a person runs it: every screen in English and Russian, the checklist
//! changes and their persistence, JSON output, and every kind of bad input.
//!
//! Each run gets an explicit profile, instant and zone, so results do not depend on the machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use serde_json::Value;
use tempfile::TempDir;
use waymark_desktop::{Env, Exit, run};

/// Monday 2 March 2026, 09:30 UTC: 12:30 in Moscow, within the hotline's hours.
const MONDAY: &str = "2026-03-02T09:30:00Z";
/// Sunday 1 March 2026, 09:30 UTC: the hotline is closed.
const SUNDAY: &str = "2026-03-01T09:30:00Z";
const ZONE: &str = "Europe/Istanbul";

/// A fresh profile in its own folder.
struct Profile {
    dir: TempDir,
}

impl Profile {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("profile.sqlite")
    }

    /// Runs `waymark` in `lang` at [`MONDAY`].
    fn run(&self, lang: &str, args: &[&str]) -> Run {
        self.run_at(lang, MONDAY, args)
    }

    fn run_at(&self, lang: &str, now: &str, args: &[&str]) -> Run {
        waymark(
            &self.path(),
            &[&["--lang", lang, "--now", now], args].concat(),
        )
    }
}

/// One finished run.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Asserts success and returns stdout, which must be plain text fit for 80 columns.
    #[track_caller]
    fn ok(&self) -> &str {
        assert_clean(self.succeeded());
        &self.stdout
    }

    /// Asserts success and returns stdout, whatever its shape.
    #[track_caller]
    fn succeeded(&self) -> &str {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        assert!(self.stderr.is_empty(), "stderr: {}", self.stderr);
        &self.stdout
    }

    /// Asserts a failure with exit code `code` and one clear message; returns the message.
    #[track_caller]
    fn fails(&self, code: i32) -> &str {
        assert_eq!(
            self.code,
            Some(code),
            "stdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        assert!(self.stdout.is_empty(), "stdout: {}", self.stdout);
        assert_no_panic(&self.stderr);
        &self.stderr
    }

    fn json(&self) -> Value {
        let json = self.succeeded();
        assert!(!json.contains('\x1b'), "{json}");
        serde_json::from_str(json).expect("--json prints valid JSON")
    }
}

/// Runs the binary with `--profile` and `--zone` ([`ZONE`] unless `args` name one), a clean
/// locale and no colour settings.
fn waymark(profile: &Path, args: &[&str]) -> Run {
    let zone: &[&str] = if args.contains(&"--zone") {
        &[]
    } else {
        &["--zone", ZONE]
    };
    let output: Output = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .arg("--profile")
        .arg(profile)
        .args(zone)
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

#[track_caller]
fn assert_no_panic(stderr: &str) {
    assert!(
        stderr.starts_with("waymark: ") || stderr.starts_with("error: "),
        "{stderr}"
    );
    let lower = stderr.to_lowercase();
    assert!(
        !lower.contains("panicked") && !lower.contains("backtrace"),
        "{stderr}"
    );
}

/// No escape bytes and nothing wider than 80 columns, but for a web address longer than a line:
/// it stands alone on its line, whole, so that it can still be copied.
#[track_caller]
fn assert_clean(stdout: &str) {
    assert!(!stdout.contains('\x1b'), "escape bytes in {stdout}");
    for line in stdout.lines() {
        let word = line.trim().trim_matches(|c| matches!(c, '(' | ')' | ','));
        let lone_address = word.starts_with("http") && !word.contains(' ');
        assert!(
            line.chars().count() <= 80 || lone_address,
            "line too long: {line:?}"
        );
    }
}

#[track_caller]
fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
}

// ---------------------------------------------------------------- screens

#[test]
fn home_in_english() {
    let out = Profile::new().run("en", &[]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Waymark",
            "Safe work and study abroad",
            "Next step: Check that the agency is licensed",
            "[→ checklist 1]",
            "Counter-trafficking hotline [→ contact hotline]",
            "☎ 8-800-333-00-16 (+78003330016)",
            "Mon–Fri, 08:30–18:30, Moscow time — Usually answers at this hour",
            "Guide [→ guide]",
            "Checklist · 0 of 11 done [→ checklist]",
            "Search [→ search …]",
        ],
    );
}

#[test]
fn home_in_russian() {
    let profile = Profile::new();
    let out = profile.run_at("ru", SUNDAY, &[]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Следующий шаг: Проверьте, что у агентства есть лицензия",
            "Горячая линия по вопросам торговли людьми [→ contact hotline]",
            "пн–пт, 08:30–18:30, по московскому времени — Обычно в это время не отвечают",
            "Справочник [→ guide]",
            "Список дел · Готово 0 из 11 [→ checklist]",
            "Поиск [→ search …]",
        ],
    );
    assert!(
        !out.contains("Next step") && !out.contains("Usually closed at this hour"),
        "{out}"
    );
}

#[test]
fn home_suggests_the_first_item_not_done() {
    let profile = Profile::new();
    profile.run("en", &["checklist", "done", "1"]).ok();
    assert_has(
        profile.run("en", &[]).ok(),
        &["[→ checklist 2]", "1 of 11 done"],
    );
}

#[test]
fn guide_contents_in_english() {
    let out = Profile::new().run("en", &["guide"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Guide\n",
            "1. Understand trafficking",
            "1.1 What human trafficking is [→ guide what-is-trafficking]",
            "3. Before you go",
            "3.5 How Waymark check-ins work [→ guide check-ins]",
            "[→ guide red-flags]",
            "4. Get help",
            "4.1 ",
        ],
    );
}

#[test]
fn guide_contents_in_russian() {
    let out = Profile::new().run("ru", &["guide"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Справочник\n",
            "1.1 ",
            "[→ guide what-is-trafficking]",
            "3.5 Как устроены отметки в Waymark [→ guide check-ins]",
            "[→ guide red-flags]",
        ],
    );
    assert!(!out.contains("Understand trafficking"), "{out}");
}

#[test]
fn an_article_in_english() {
    let out = Profile::new()
        .run("en", &["guide", "what-is-trafficking"])
        .ok()
        .to_owned();
    assert_has(
        &out,
        &[
            "Understand trafficking\nWhat human trafficking is\n",
            "known as the Palermo Protocol.",
            "1. The act: what is done\n────",
            "  • recruiting a person;",
            "the forms of exploitation\n[→ guide forms-of-exploitation].",
            "│ Note\n│ Trafficking does not need a border.",
            "\n→ Next: Who is at risk [→ guide who-is-at-risk]",
        ],
    );
}

#[test]
fn an_article_in_russian_links_checklist_items_by_number() {
    let out = Profile::new()
        .run("ru", &["guide", "safety-rules"])
        .ok()
        .to_owned();
    assert_has(
        &out,
        &[
            "Одиннадцать правил безопасности",
            "   1. Проверьте агентство [→ checklist 1]",
            "  11. ",
            "[→ checklist 11]",
            "\n← Назад: ",
            "\n→ Далее: Как проверить агентство [→ guide check-the-agency]",
        ],
    );
    assert!(!out.contains("Previous") && !out.contains("Next:"), "{out}");
}

#[test]
fn the_first_article_has_no_previous_and_the_last_no_next() {
    let profile = Profile::new();
    let first = profile
        .run("en", &["guide", "what-is-trafficking"])
        .ok()
        .to_owned();
    assert!(!first.contains("\n← "), "{first}");
    assert!(first.contains("\n→ Next: "), "{first}");
    let last = profile
        .run("en", &["guide", "where-to-get-help"])
        .ok()
        .to_owned();
    assert!(
        last.contains("\n← Previous: ") && !last.contains("\n→ "),
        "{last}"
    );
    assert!(last.contains("[→ contact hotline]"), "{last}");
}

/// The symbols the contact screen once used instead of the core's labels and status words.
const CONTACT_SYMBOLS: [char; 5] = ['⌂', '◷', '☎', '✓', '✗'];

#[track_caller]
fn assert_no_symbols(out: &str) {
    assert!(!out.contains(CONTACT_SYMBOLS), "{out}");
}

#[test]
fn a_contact_in_english() {
    let profile = Profile::new();
    let out = profile.run("en", &["contact", "hotline"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Counter-trafficking hotline\nRussia\n",
            "What they help with:\n  • Advice for people hurt",
            "  • Free legal and other advice",
            "\nHours: Mon–Fri, 08:30–18:30, Moscow time — Usually answers at this hour\n",
            "\nPhone: 8-800-333-00-16 (+78003330016)\n",
            "  Free from anywhere in Russia; usually cannot be reached from abroad.",
            "│ The call is free from every region of Russia.",
        ],
    );
    assert_no_symbols(&out);
    let closed = profile
        .run_at("en", SUNDAY, &["contact", "hotline"])
        .ok()
        .to_owned();
    assert!(
        closed.contains("Moscow time — Usually closed at this hour\n"),
        "{closed}"
    );
    let centre = profile
        .run("en", &["contact", "info-centre"])
        .ok()
        .to_owned();
    assert!(
        centre.contains("\nAddress: 2-ya Zvenigorodskaya Street 12, Moscow\n"),
        "{centre}"
    );
    assert_no_symbols(&centre);
    let shelter = profile.run("en", &["contact", "shelter"]).ok().to_owned();
    assert_has(
        &shelter,
        &[
            "\nRoom for 8 people at a time\n",
            "\nHow to get a place: Counter-trafficking hotline [→ contact hotline]\n",
        ],
    );
    assert_no_symbols(&shelter);
}

#[test]
fn a_contact_in_russian() {
    let profile = Profile::new();
    let out = profile.run("ru", &["contact", "shelter"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Приют для пострадавших от торговли людьми\nРоссия\n",
            "Чем помогают:\n  • Психологическая помощь",
            "\nМест: 8\n",
            "\nКак попасть: Горячая линия по вопросам торговли людьми [→ contact hotline]",
        ],
    );
    assert_no_symbols(&out);
    let hotline = profile.run("ru", &["contact", "hotline"]).ok().to_owned();
    assert_has(
        &hotline,
        &[
            "\nЧасы работы: пн–пт, 08:30–18:30, по московскому времени — Обычно в это время\n",
            "\nТелефон: 8-800-333-00-16 (+78003330016)\n",
        ],
    );
    let closed = profile
        .run_at("ru", SUNDAY, &["contact", "hotline"])
        .ok()
        .to_owned();
    assert!(closed.contains("— Обычно в это время не\n"), "{closed}");
    let centre = profile
        .run("ru", &["contact", "info-centre"])
        .ok()
        .to_owned();
    assert!(
        centre.contains("\nАдрес: 2-я Звенигородская улица, 12, Москва\n"),
        "{centre}"
    );
    for text in [&out, &hotline, &closed, &centre] {
        assert_no_symbols(text);
        assert!(
            !text.contains("Address") && !text.contains("Usually answers at this hour"),
            "{text}"
        );
    }
}

// ---------------------------------------------------------------- checklist

#[test]
fn checklist_in_english() {
    let out = Profile::new().run("en", &["checklist"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Checklist\n0 of 11 done\n",
            " 1. [ ] Check that the agency is licensed and works officially",
            "[→ guide check-the-agency]",
            "11. [ ] ",
        ],
    );
    assert!(!out.contains("[x]"), "{out}");
    // The compact list leaves the details to `--details`.
    assert!(!out.contains("Why it matters"), "{out}");
}

#[test]
fn checklist_details_in_english() {
    let profile = Profile::new();
    profile.run("en", &["checklist", "add", "Call", "mum"]).ok();
    let out = profile
        .run("en", &["checklist", "--details"])
        .ok()
        .to_owned();
    assert_has(
        &out,
        &[
            "\n 1. [ ] Check that the agency is licensed and works officially\n",
            "\n        Why it matters: A fake job, study or marriage agency",
            "\n        How to do it: Ask to see the original licence",
            "\n        Read more: Check the agency [→ guide check-the-agency]\n",
        ],
    );
    assert_eq!(out.matches("Why it matters: ").count(), 11, "{out}");
    assert_eq!(out.matches("How to do it: ").count(), 11, "{out}");
    assert_eq!(out.matches("Read more: ").count(), 11, "{out}");
    // An own item has no why, how or article: it ends the list alone.
    assert!(out.ends_with("\n\n12. [ ] Call mum\n"), "{out}");
    // After a change, the details are shown with the done time.
    let done = profile
        .run("en", &["checklist", "--details", "done", "1"])
        .ok()
        .to_owned();
    assert_has(
        &done,
        &[
            "[x] Check that the agency",
            "Done 2 Mar 2026, 12:30\n        Why it matters: ",
        ],
    );
}

#[test]
fn checklist_details_in_russian() {
    let out = Profile::new()
        .run("ru", &["checklist", "--details"])
        .ok()
        .to_owned();
    assert_has(
        &out,
        &[
            "\n        Зачем это нужно: ",
            "\n        Как это сделать: ",
            "\n        Подробнее: Как проверить агентство [→ guide check-the-agency]\n",
        ],
    );
    assert_eq!(out.matches("Зачем это нужно: ").count(), 11, "{out}");
    assert!(
        !out.contains("Why it matters") && !out.contains("Read more"),
        "{out}"
    );
}

#[test]
fn done_and_undo_in_english() {
    let profile = Profile::new();
    let done = profile
        .run("en", &["checklist", "done", "2"])
        .ok()
        .to_owned();
    assert_has(
        &done,
        &[
            "1 of 11 done",
            " 2. [x] Understand every point of your contract",
            // 09:30 UTC is 12:30 in Istanbul, the zone passed in.
            "        Done 2 Mar 2026, 12:30",
        ],
    );
    let undone = profile
        .run("en", &["checklist", "undo", "2"])
        .ok()
        .to_owned();
    assert_has(&undone, &["0 of 11 done", " 2. [ ] Understand every point"]);
    assert!(!undone.contains("Done "), "{undone}");
}

#[test]
fn done_and_undo_in_russian() {
    let profile = Profile::new();
    let done = profile
        .run("ru", &["checklist", "done", "11"])
        .ok()
        .to_owned();
    assert_has(
        &done,
        &["Готово 1 из 11", "11. [x] ", "Сделано 02.03.2026, 12:30"],
    );
    let undone = profile
        .run("ru", &["checklist", "undo", "11"])
        .ok()
        .to_owned();
    assert_has(&undone, &["Готово 0 из 11", "11. [ ] "]);
}

#[test]
fn own_items_are_added_done_and_removed() {
    let profile = Profile::new();
    let added = profile
        .run(
            "en",
            &["checklist", "add", "Buy", "a", "local", "SIM", "card"],
        )
        .ok()
        .to_owned();
    assert_has(&added, &["0 of 12 done", "12. [ ] Buy a local SIM card"]);
    let done = profile
        .run("en", &["checklist", "done", "12"])
        .ok()
        .to_owned();
    assert_has(&done, &["1 of 12 done", "12. [x] Buy a local SIM card"]);
    let removed = profile
        .run("en", &["checklist", "remove", "12"])
        .ok()
        .to_owned();
    assert_has(&removed, &["0 of 11 done"]);
    assert!(!removed.contains("SIM"), "{removed}");
}

#[test]
fn own_items_in_russian() {
    let profile = Profile::new();
    let added = profile
        .run("ru", &["checklist", "add", "Купить местную SIM-карту"])
        .ok()
        .to_owned();
    assert_has(
        &added,
        &["Готово 0 из 12", "12. [ ] Купить местную SIM-карту"],
    );
    let removed = profile
        .run("ru", &["checklist", "remove", "12"])
        .ok()
        .to_owned();
    assert_has(&removed, &["Готово 0 из 11"]);
}

#[test]
fn progress_survives_between_runs() {
    let profile = Profile::new();
    profile.run("en", &["checklist", "done", "3"]).ok();
    profile.run("en", &["checklist", "add", "Call", "mum"]).ok();
    let later = profile.run_at("ru", SUNDAY, &["checklist"]).ok().to_owned();
    assert_has(&later, &["Готово 1 из 12", " 3. [x] ", "12. [ ] Call mum"]);
    assert_has(profile.run("en", &[]).ok(), &["1 of 12 done"]);
}

#[test]
fn bad_item_numbers_are_refused() {
    let profile = Profile::new();
    for change in ["done", "undo", "remove"] {
        for number in ["0", "99", "x", "-1", "2.5"] {
            let run = profile.run("en", &["checklist", change, "--", number]);
            let message = run.fails(2);
            assert!(message.starts_with("waymark: "), "{message}");
            assert!(message.contains("use a number from 1 to 11"), "{message}");
        }
    }
    // Nothing was changed by the refused commands.
    assert_has(profile.run("en", &["checklist"]).ok(), &["0 of 11 done"]);
}

#[test]
fn built_in_items_cannot_be_removed() {
    let message = Profile::new()
        .run("en", &["checklist", "remove", "3"])
        .fails(2)
        .to_owned();
    assert_eq!(
        message,
        "waymark: item 3: built-in items cannot be removed\n"
    );
}

#[test]
fn a_refused_input_is_explained_in_the_language_of_lang() {
    let profile = Profile::new();
    let blank = profile
        .run("ru", &["checklist", "add", "  "])
        .fails(2)
        .to_owned();
    assert!(blank.contains("item text: не может быть пустым"), "{blank}");
    let query = profile.run("ru", &["search", "?!"]).fails(2).to_owned();
    assert!(
        query.contains("query: введите хотя бы одно слово или число"),
        "{query}"
    );
    let english = profile.run("en", &["search", "?!"]).fails(2).to_owned();
    assert!(
        english.contains("query: must contain a word or a number"),
        "{english}"
    );
}

#[test]
fn a_blank_or_missing_own_item_is_refused() {
    let profile = Profile::new();
    let message = profile
        .run("en", &["checklist", "add", "  "])
        .fails(2)
        .to_owned();
    assert!(message.contains("must not be blank"), "{message}");
    profile.run("en", &["checklist", "add"]).fails(2);
    let long = "x".repeat(201);
    let message = profile
        .run("en", &["checklist", "add", &long])
        .fails(2)
        .to_owned();
    assert!(
        message.contains("at most 200 characters") && !message.contains(&long),
        "{message}"
    );
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_home_and_guide() {
    let profile = Profile::new();
    let home = profile.run("en", &["--json"]).json();
    assert_eq!(home["title"], "Waymark");
    assert_eq!(home["language"], "en");
    assert_eq!(home["checklist"]["total"], 11);
    assert_eq!(home["hotline"]["open_now"], true);
    assert_eq!(home["next_step"]["action"]["action"], "open_checklist_item");
    let menu = home["menu"].as_array().unwrap();
    let search = menu.iter().find(|e| e["action"]["action"] == "open_search");
    assert_eq!(search.unwrap()["title"], "Search");

    let guide = profile.run("ru", &["guide", "--json"]).json();
    assert_eq!(guide["title"], "Справочник");
    let sections = guide["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 4);
    assert_eq!(sections[0]["articles"][0]["id"], "what-is-trafficking");
}

#[test]
fn json_article_and_contact() {
    let profile = Profile::new();
    let article = profile.run("en", &["guide", "red-flags", "--json"]).json();
    assert_eq!(article["id"], "red-flags");
    assert!(article["blocks"].as_array().unwrap().len() > 2);
    assert!(article["blocks"][0]["type"].is_string());
    assert!(article["previous"].is_object());

    let contact = profile
        .run_at("ru", SUNDAY, &["contact", "hotline", "--json"])
        .json();
    assert_eq!(contact["id"], "hotline");
    assert_eq!(contact["open_now"], false);
    assert_eq!(contact["phones"][0]["e164"], "+78003330016");
    assert_eq!(contact["language"], "ru");
}

#[test]
fn json_checklist_after_a_change() {
    let profile = Profile::new();
    let list = profile
        .run("en", &["--json", "checklist", "done", "1"])
        .json();
    assert_eq!(list["progress"]["done"], 1);
    assert_eq!(list["items"][0]["done"], true);
    assert_eq!(list["items"][0]["done_at"], "2026-03-02T09:30:00.000Z");
    assert_eq!(list["items"][0]["number"], 1);
    assert_eq!(list["can_add_own_item"], true);
}

// ---------------------------------------------------------------- bad input

#[test]
fn an_unknown_article_or_contact_is_a_usage_error() {
    let profile = Profile::new();
    let message = profile
        .run("en", &["guide", "no-such-article"])
        .fails(2)
        .to_owned();
    assert!(
        message.contains("\"no-such-article\": This article is not in the guide"),
        "{message}"
    );
    let message = profile
        .run("ru", &["contact", "nobody"])
        .fails(2)
        .to_owned();
    assert!(
        message.contains("\"nobody\": Этого контакта нет в Waymark"),
        "{message}"
    );
}

#[test]
fn a_folder_as_profile_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let run = waymark(dir.path(), &["--now", MONDAY]);
    let message = run.fails(1);
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
    assert!(message.contains("folder"), "{message}");
}

#[test]
fn a_garbage_profile_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.sqlite");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &garbage).unwrap();
    for args in [
        &["--now", MONDAY][..],
        &["--now", MONDAY, "checklist", "done", "1"],
    ] {
        let run = waymark(&path, args);
        let message = run.fails(1);
        assert!(
            message.contains("it is not Waymark's, or it is damaged"),
            "{message}"
        );
        assert!(message.contains(&path.display().to_string()), "{message}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_profile_in_a_missing_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no").join("such").join("profile.sqlite");
    let message = waymark(&path, &["--now", MONDAY]).fails(1).to_owned();
    assert!(message.contains("cannot open its data file"), "{message}");
    assert!(
        !path.parent().unwrap().exists(),
        "a folder the person named is not created"
    );
}

#[test]
fn a_bad_now_is_a_usage_error() {
    let profile = Profile::new();
    for now in ["yesterday", "2026-03-02", "2026-13-01T00:00:00Z", ""] {
        let message = profile.run_at("en", now, &[]).fails(2).to_owned();
        assert!(message.starts_with("waymark: --now: "), "{message}");
    }
}

#[test]
fn an_unknown_language_lists_the_known_ones() {
    let profile = Profile::new();
    let message = profile.run("de", &[]).fails(2).to_owned();
    assert!(message.contains("unknown language \"de\""), "{message}");
    assert!(
        message.contains("en (English)") && message.contains("ru (Русский)"),
        "{message}"
    );
    // Uzbek, which no native speaker has reviewed yet, says so in Uzbek.
    assert!(
        message.contains("uz (Oʻzbekcha — Tarjimani hali ona tilida soʻzlashuvchi tekshirmagan)"),
        "{message}"
    );
    let message = profile.run("русский", &[]).fails(2).to_owned();
    assert!(message.starts_with("waymark: --lang: "), "{message}");
    // A region tag of a known language is fine.
    assert!(profile.run("ru-RU", &[]).ok().contains("Следующий шаг"));
}

#[test]
fn an_unknown_language_creates_no_profile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    let message = waymark(&path, &["--lang", "de", "--now", MONDAY])
        .fails(2)
        .to_owned();
    assert!(message.contains("unknown language \"de\""), "{message}");
    assert!(!path.exists(), "a refused --lang must not create {path:?}");
    // Nor does a command that would change the profile.
    waymark(&path, &["--lang", "de", "checklist", "done", "1"]).fails(2);
    assert!(!path.exists(), "a refused --lang must not create {path:?}");
}

#[test]
fn an_unknown_zone_is_a_usage_error() {
    let profile = Profile::new();
    let run = waymark(
        &profile.path(),
        &["--zone", "Mars/Olympus_Mons", "--now", MONDAY],
    );
    let message = run.fails(2);
    assert!(
        message.contains("--zone") && message.contains("Mars/Olympus_Mons"),
        "{message}"
    );
}

#[test]
fn time_zones_come_from_the_systems_database() {
    // A database holding only Berlin and Moscow (the hotline's zone), as TZDIR names it: the
    // hotline's hours are shown on a Berlin clock from it, and a zone it lacks is unknown.
    let tzdir = tempfile::tempdir().unwrap();
    std::fs::create_dir(tzdir.path().join("Europe")).unwrap();
    for zone in ["Europe/Berlin", "Europe/Moscow"] {
        std::fs::copy(
            format!("/usr/share/zoneinfo/{zone}"),
            tzdir.path().join(zone),
        )
        .expect("the test machine has the system time zone database");
    }
    let profile = Profile::new();
    let run = |zone: &str| {
        Command::new(env!("CARGO_BIN_EXE_waymark"))
            .arg("--profile")
            .arg(profile.path())
            .args(["--lang", "en", "--now", MONDAY, "--zone", zone])
            .args(["contact", "hotline"])
            .env("TZDIR", tzdir.path())
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .output()
            .unwrap()
    };
    let berlin = run("Europe/Berlin");
    assert_eq!(berlin.status.code(), Some(0), "{berlin:?}");
    assert!(
        String::from_utf8_lossy(&berlin.stdout).contains("Europe/Berlin"),
        "{berlin:?}"
    );
    let tokyo = run("Asia/Tokyo");
    assert_eq!(tokyo.status.code(), Some(2), "{tokyo:?}");
    assert!(
        String::from_utf8_lossy(&tokyo.stderr).contains("Asia/Tokyo"),
        "{tokyo:?}"
    );
}

#[test]
fn clap_errors_exit_2_and_help_exits_0() {
    let profile = Profile::new();
    let message = profile.run("en", &["--frobnicate"]).fails(2).to_owned();
    assert!(message.contains("--frobnicate"), "{message}");
    profile.run("en", &["frobnicate"]).fails(2);
    profile.run("en", &["contact"]).fails(2);
    let help = profile.run("en", &["--help"]);
    assert_has(
        help.succeeded(),
        &["guide", "checklist", "contact", "--profile", "--now"],
    );
    let help = profile.run("en", &["checklist", "--help"]);
    assert_has(help.succeeded(), &["--details", "why it matters"]);
}

// ---------------------------------------------------------------- environment

#[test]
fn the_language_defaults_to_the_locale() {
    let profile = Profile::new();
    let run = |vars: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
        command
            .arg("--profile")
            .arg(profile.path())
            .args(["--zone", ZONE, "--now", MONDAY])
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        for (name, value) in vars {
            command.env(name, value);
        }
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    assert!(run(&[("LANG", "ru_RU.UTF-8")]).contains("Следующий шаг"));
    assert!(run(&[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "en_US.UTF-8")]).contains("Next step"));
    assert!(run(&[("LANG", "C.UTF-8")]).contains("Next step"));
    assert!(run(&[]).contains("Next step"));
}

/// An in-process environment as on a colour terminal.
fn terminal_env(default_profile: PathBuf) -> Env {
    Env {
        no_color: false,
        stdout_is_terminal: true,
        stdin_is_terminal: false,
        default_profile: Some(default_profile),
        locale: None,
        system_zone: Some(ZONE.to_owned()),
        now: SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_772_443_800),
    }
}

fn run_in_process(args: &[&str], env: &Env) -> (Exit, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let exit = run(
        [&["waymark"], args].concat(),
        &mut std::io::empty(),
        &mut out,
        &mut err,
        env,
    );
    (
        exit,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn no_color_means_no_escape_bytes_even_on_a_terminal() {
    let profile = Profile::new();
    let path = profile.path();
    let path = path.to_str().unwrap();
    let mut env = terminal_env(profile.path());
    let screens: [&[&str]; 7] = [
        &[],
        &["guide"],
        &["guide", "red-flags"],
        &["checklist", "done", "1"],
        &["checklist", "--details"],
        &["contact", "hotline"],
        &["contact", "shelter"],
    ];
    for screen in screens {
        let args = [
            &["--profile", path, "--now", MONDAY, "--zone", ZONE],
            screen,
        ]
        .concat();
        env.no_color = false;
        let (exit, coloured, _) = run_in_process(&args, &env);
        assert_eq!(exit, Exit::Success);
        assert!(
            coloured.contains('\x1b'),
            "a terminal gets styles: {screen:?}"
        );
        env.no_color = true;
        let (exit, plain, _) = run_in_process(&args, &env);
        assert_eq!(exit, Exit::Success);
        assert_clean(&plain);
    }
    // Piped output gets no styles either.
    env.no_color = false;
    env.stdout_is_terminal = false;
    let (_, piped, _) = run_in_process(&["--profile", path, "--now", MONDAY], &env);
    assert_clean(&piped);
}

#[test]
fn defaults_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    // The default profile's folder does not exist yet, as for a new user: it is created.
    let default = dir
        .path()
        .join("data")
        .join("Waymark")
        .join("profile.sqlite");
    let mut env = terminal_env(default.clone());
    env.no_color = true;
    env.locale = Some("ru_RU.UTF-8".to_owned());
    let (exit, out, err) = run_in_process(&["checklist", "done", "1"], &env);
    assert_eq!(exit, Exit::Success, "{err}");
    assert!(default.exists());
    // The clock and zone from the environment: 2026-03-02 09:30 UTC, shown in Istanbul time.
    assert!(out.contains("Сделано 02.03.2026, 12:30"), "{out}");

    // A system zone the core does not know falls back to UTC rather than failing.
    env.system_zone = Some("Not/A_Zone".to_owned());
    let (exit, out, err) = run_in_process(&["checklist"], &env);
    assert_eq!(exit, Exit::Success, "{err}");
    assert!(out.contains("Сделано 02.03.2026, 09:30"), "{out}");

    env.default_profile = None;
    let (exit, _, err) = run_in_process(&[], &env);
    assert_eq!(exit, Exit::Failure);
    assert!(
        err.starts_with("waymark: ") && err.contains("--profile"),
        "{err}"
    );
}

// ---------------------------------------------------------------- own contacts and help now

/// Wednesday 4 March 2026, 20:00 UTC: 23:00 in Istanbul and in Moscow; the hotline is closed.
const WEDNESDAY_NIGHT: &str = "2026-03-04T20:00:00Z";

fn add_contacts(profile: &Profile) {
    for args in [
        &[
            "--name",
            "Embassy in Ankara",
            "--kind",
            "embassy",
            "--country",
            "TR",
            "--phone",
            "0312 439 21 22",
            "--notes",
            "Karyağdı Sok. 5",
        ][..],
        &[
            "--name",
            "Mum",
            "--kind",
            "family",
            "--country",
            "ru",
            "--phone",
            "8 916 123-45-67",
        ],
        &[
            "--name",
            "Migrant help centre",
            "--kind",
            "support",
            "--country",
            "TR",
            "--phone",
            "+90 212 293 11 11",
        ],
    ] {
        profile
            .run("en", &[&["contacts", "add"], args].concat())
            .ok();
    }
}

#[test]
fn own_contacts_are_added_edited_and_removed() {
    let profile = Profile::new();
    assert_has(
        profile.run("en", &["contacts"]).ok(),
        &["Your contacts", "You have not added any contacts yet."],
    );
    add_contacts(&profile);
    let out = profile.run("en", &["contacts"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "1. Embassy in Ankara · Embassy or consulate\n",
            "   +90 312 439 21 22 · Türkiye [☎ tel:+903124392122]\n",
            "   Notes: Karyağdı Sok. 5\n",
            "2. Mum · Family\n",
            "   +7 916 123-45-67 · Russia [☎ tel:+79161234567]\n",
            "3. Migrant help centre · Support organisation\n",
        ],
    );
    let edited = profile
        .run("en", &["contacts", "edit", "2", "--name", "Mother"])
        .ok()
        .to_owned();
    assert_has(
        &edited,
        &["2. Mother · Family\n", "+7 916 123-45-67 · Russia"],
    );
    let removed = profile.run("en", &["contacts", "rm", "1"]).ok().to_owned();
    assert!(!removed.contains("Embassy"), "{removed}");
    assert_has(&removed, &["1. Mother · Family\n"]);
    let ru = profile.run("ru", &["contacts"]).ok().to_owned();
    assert_has(&ru, &["Ваши контакты", "1. Mother · Семья", "· Россия"]);
}

#[test]
fn own_contacts_as_json() {
    let profile = Profile::new();
    add_contacts(&profile);
    let list = profile.run("en", &["contacts", "--json"]).json();
    let mum = &list["contacts"][1];
    assert_eq!(mum["e164"], "+79161234567");
    assert_eq!(mum["kind"], "family");
    assert_eq!(mum["country_code"], "RU");
    assert_eq!(mum["actions"][0]["action"]["action"], "dial");
    assert_eq!(mum["actions"][1]["action"]["action"], "compose_sms");
    assert_eq!(mum["actions"][1]["action"]["uri"], "sms:+79161234567");
    assert_eq!(mum["actions"][2]["action"]["action"], "copy_text");
}

#[test]
fn bad_contact_input_is_refused_with_the_option_named_and_nothing_stored() {
    let profile = Profile::new();
    add_contacts(&profile);
    let add = |args: &[&str]| {
        profile
            .run("en", &[&["contacts", "add"], args].concat())
            .fails(2)
            .to_owned()
    };
    let base = [
        "--kind",
        "other",
        "--country",
        "DE",
        "--phone",
        "030 12345678",
    ];
    assert!(add(&[&["--name", "  "], &base[..]].concat()).starts_with("waymark: --name: "));
    let phone = |p: &'static str| {
        [
            "--name",
            "A",
            "--kind",
            "other",
            "--country",
            "DE",
            "--phone",
            p,
        ]
    };
    assert!(add(&phone("12")).starts_with("waymark: --phone: "));
    assert!(add(&phone("+999 1234 5678")).contains("dialling code"));
    let duplicate = add(&[
        "--name",
        "A",
        "--kind",
        "other",
        "--country",
        "RU",
        "--phone",
        "+7 916 123 45 67",
    ]);
    assert!(duplicate.contains("already saved"), "{duplicate}");
    let country = add(&[
        "--name",
        "A",
        "--kind",
        "other",
        "--country",
        "XX",
        "--phone",
        "1",
    ]);
    assert!(country.starts_with("waymark: --country: "), "{country}");
    assert!(
        add(&["--name", "A", "--kind", "other", "--country", "DE"]).contains("--phone is required")
    );
    let long = "n".repeat(501);
    assert!(
        add(&[&base[..], &["--name", "A", "--notes", &long]].concat())
            .starts_with("waymark: --notes: ")
    );
    let missing = profile
        .run("en", &["contacts", "rm", "9"])
        .fails(2)
        .to_owned();
    assert!(missing.contains("there is no contact 9"), "{missing}");
    let json = profile.run("en", &["contacts", "--json"]).json();
    assert_eq!(json["contacts"].as_array().unwrap().len(), 3);
}

#[test]
fn help_now_in_turkey_at_night() {
    let profile = Profile::new();
    add_contacts(&profile);
    let out = profile
        .run_at("en", WEDNESDAY_NIGHT, &["help-now", "--country", "TR"])
        .ok()
        .to_owned();
    let order: Vec<usize> = [
        " 1. Emergency numbers: Türkiye — 112 [☎ tel:112]",
        " 2. Embassy in Ankara",
        " 3. Consulate General of Russia in Istanbul — +90 530 941 03 68",
        "Russia's foreign ministry crisis centre — +7 495 695-45-45",
        "YIMER 157, line for foreigners — 157",
        "Migrant help centre",
        "Mum",
        "10. Counter-trafficking hotline — 8-800-333-00-16",
    ]
    .iter()
    .map(|needle| {
        out.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in\n{out}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
    assert_has(
        &out,
        &[
            "You are in Türkiye: this number usually cannot be reached from outside",
            "Usually closed at this hour. Opens tomorrow at 08:30, Moscow time.\n",
            "Public holidays are not known",
            "If no one answers, try again later within these hours.",
            "Police: 112",
            "! Since 2021, 112 is the one number for every emergency service in Türkiye.",
            "Source: https://sinopism.saglik.gov.tr/TR-226526/acil-durumda-sadece-112.html,",
            "a page dated 2021-11-10; compared with it on 2026-12-04.",
            "What to say",
            // The built-in numbers say where they come from, or that they are not confirmed.
            "Not confirmed: this number comes from https://dzen.ru/a/ZpUq__yvWw9egDfH,",
            "Source: https://fedpress.ru/amp/news/77/society/3352492, a page dated",
        ],
    );
    // Istanbul's clock reads as Moscow's: "your time" would only say the same again.
    assert!(!out.contains("your time (Europe/Istanbul)"), "{out}");
}

#[test]
fn help_now_in_moscow_in_russian_and_as_json() {
    let profile = Profile::new();
    add_contacts(&profile);
    let args = ["help-now", "--country", "RU", "--zone", "Europe/Moscow"];
    let out = profile.run("ru", &args).ok().to_owned();
    assert_has(
        &out,
        &[
            "Помощь сейчас\nРоссия\n",
            "1. Экстренные номера: Россия — 112",
            "3. Посольство Киргизии в Москве (не подтверждено) — +7 925 115-50-47",
            "4. Представительство Минтруда Таджикистана в России",
            "5. Горячая линия по вопросам торговли людьми — 8-800-333-00-16",
            "Обычно в это время отвечают. Закроется сегодня в 18:30 по московскому",
            "Если не отвечают, позвоните позже в эти же часы.",
            "Что сказать",
        ],
    );
    // Whether it answers now is said once, under the hours, not again in the reason.
    assert_eq!(
        out.matches("Обычно в это время отвечают").count(),
        1,
        "{out}"
    );
    let json = profile.run("en", &[&args[..], &["--json"]].concat()).json();
    let kinds: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "emergency",
            "embassy_or_consulate",
            "embassy_or_consulate",
            "embassy_or_consulate",
            "hotline",
            "support_organisation",
            "family"
        ]
    );
    assert_eq!(json["steps"][4]["reachability"], "reachable");
    assert_eq!(
        json["steps"][4]["opening"]["next_change"],
        "2026-03-02T15:30:00.000Z"
    );
}

#[test]
fn help_now_without_a_country_asks_for_one_and_refuses_a_bad_one() {
    let profile = Profile::new();
    assert_has(
        profile.run("en", &["help-now"]).ok(),
        &[
            "Choose the country you are in",
            "Save your embassy or consulate",
        ],
    );
    let message = profile
        .run("en", &["help-now", "--country", "Narnia"])
        .fails(2)
        .to_owned();
    assert!(message.starts_with("waymark: --country: "), "{message}");
    assert_has(
        profile.run("en", &[]).ok(),
        &["Get help now [→ help-now --country XX]"],
    );
}

#[test]
fn a_contact_says_when_it_next_opens_on_its_clock_and_on_yours() {
    let out = Profile::new()
        .run_at(
            "en",
            SUNDAY,
            &["contact", "hotline", "--zone", "Asia/Tokyo"],
        )
        .ok()
        .to_owned();
    assert_has(
        &out,
        &[
            "Moscow time — Usually closed at this hour\n  Opens tomorrow at 08:30, Moscow time, that is tomorrow at 14:30 your time\n  (Asia/Tokyo).\n",
            "  Public holidays are not known to the app",
            "  If no one answers, try again later within these hours.",
        ],
    );
}

// ---------------------------------------------------------------- screening tools

/// Runs the binary like [`waymark`], with `input` on standard input.
fn waymark_with_input(profile: &Path, lang: &str, args: &[&str], input: &str) -> Run {
    waymark_with_input_at(profile, lang, MONDAY, args, input)
}

/// Like [`waymark_with_input`], at `now`.
fn waymark_with_input_at(profile: &Path, lang: &str, now: &str, args: &[&str], input: &str) -> Run {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .arg("--profile")
        .arg(profile)
        .args(["--zone", ZONE, "--lang", lang, "--now", now])
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

const DISHONEST_AD: &str = "Работа в Турции для девушек 18-25 лет! Требуются официантки. \
    Опыт не нужен. Едем по туристической визе. Звоните: +7 916 234-56-78";

#[test]
fn check_offer_asks_each_question_saves_the_offer_and_lists_it() {
    let profile = Profile::new();
    // Fields, then: licence no, names skipped, intermediary don't know, the rest unanswered.
    let run = waymark_with_input(
        &profile.path(),
        "en",
        &["check-offer"],
        "Waitress\nSun Agency\nTurkey\nmet online\nn\n\n?\n",
    );
    let out = run.ok().to_owned();
    assert_has(
        &out,
        &[
            "Check a job offer",
            " 1. Has the agency shown you its original licence",
            "Why it matters: A licensed agency",
            "[y/n/?]",
            "Waitress · Sun Agency · Turkey",
            "Checked 2 Mar 2026, 12:30",
            "2 of 15 questions answered",
            "Some warning signs",
            "The agency has not shown its original licence.",
            "Find out before you go",
            "Find out who signs your contract",
            "Check the agency [→ guide check-the-agency]",
            "Counter-trafficking hotline [→ contact hotline]",
        ],
    );
    let list = profile
        .run("ru", &["check-offer", "--list"])
        .ok()
        .to_owned();
    assert_has(
        &list,
        &[
            "Проверенные предложения",
            "Waitress · Sun Agency · Turkey",
            "Есть тревожные признаки",
        ],
    );
}

#[test]
fn check_offer_lets_the_ad_answer_first_and_prints_json() {
    let profile = Profile::new();
    let ad = profile.dir.path().join("ad.txt");
    std::fs::write(&ad, DISHONEST_AD).unwrap();
    let json = waymark_with_input(
        &profile.path(),
        "ru",
        &["check-offer", "--json", "--ad", ad.to_str().unwrap()],
        "Официантка\n\n\n\n",
    )
    .json();
    assert_eq!(json["offer_title"], "Официантка");
    assert_eq!(json["result"]["level"], "high");
    let visa = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "tourist-visa")
        .unwrap();
    assert_eq!(visa["answer"], "yes");
    assert_eq!(visa["from_ad"], true);
}

#[test]
fn check_offer_text_lists_the_red_flags_with_the_words_that_show_them() {
    let profile = Profile::new();
    let run = waymark_with_input(
        &profile.path(),
        "ru",
        &["check-offer", "--text"],
        DISHONEST_AD,
    );
    assert_has(
        run.ok(),
        &[
            "Тревожные признаки в объявлении",
            "Туристическая или гостевая виза",
            "› “туристической визе”",
            "› “Опыт не нужен”",
            "Только мобильный номер",
            "☎ +7 916 234-56-78 (+79162345678) — мобильный",
        ],
    );
    let file = profile.dir.path().join("ad.txt");
    std::fs::write(
        &file,
        "Registered nurse. Experience required. Office: +7 495 123-45-67",
    )
    .unwrap();
    let json = profile
        .run(
            "en",
            &["check-offer", "--json", "--text", file.to_str().unwrap()],
        )
        .json();
    assert_eq!(json["flags"].as_array().unwrap().len(), 0);
    assert_eq!(json["phones"][0]["kind"], "landline");
    let missing = profile
        .run("en", &["check-offer", "--text", "/no/such/ad.txt"])
        .fails(2)
        .to_owned();
    assert_has(&missing, &["cannot read /no/such/ad.txt"]);
}

#[test]
fn check_offer_refuses_a_blank_title_and_saves_nothing() {
    let profile = Profile::new();
    let err = waymark_with_input(&profile.path(), "en", &["check-offer"], "\n\n\n\ny\n")
        .stderr
        .clone();
    assert!(err.contains("title: must not be blank"), "{err}");
    assert_has(
        profile.run("en", &["check-offer", "--list"]).ok(),
        &["You have not checked any offers yet."],
    );
}

#[test]
fn self_check_sends_any_sign_to_help_now_and_always_offers_a_quick_exit() {
    let profile = Profile::new();
    let out = waymark_with_input(&profile.path(), "en", &["self-check"], "n\nn\ny\n")
        .ok()
        .to_owned();
    assert!(out.starts_with("Leave quickly [clear]"), "{out}");
    assert_has(
        &out,
        &[
            "Am I being exploited?",
            "What you describe are signs of control",
            "→ Get help now [→ help-now]",
            "None of this is your fault.",
            "• You are not free to leave.",
        ],
    );
    let ru = waymark_with_input(&profile.path(), "ru", &["self-check", "--json"], "н\n?\n").json();
    assert_eq!(ru["outcome"], "unsure");
    assert_eq!(ru["help_now"], Value::Null);
    assert_eq!(ru["quick_exit"]["label"], "Быстро выйти");
    assert_eq!(ru["quick_exit"]["action"]["action"], "quick_exit");
    let signs = waymark_with_input(&profile.path(), "ru", &["self-check", "--json"], "д\n").json();
    assert_eq!(signs["help_now"]["action"]["action"], "open_help_now");
}

#[test]
fn the_quiz_explains_each_answer_and_keeps_the_best_score() {
    let profile = Profile::new();
    // The statements alternate myth, fact, ... and end with a myth: all right.
    let right = "f\nt\nf\nt\nf\nt\nf\nt\nf\nt\nf\n";
    let out = waymark_with_input(&profile.path(), "en", &["quiz"], right)
        .ok()
        .to_owned();
    assert_has(
        &out,
        &[
            "Myths and facts",
            "No score yet",
            "Right. This is a myth.",
            "You got 11 of 11 right.",
            "That is your best score so far.",
            "Your best: 11 of 11",
        ],
    );
    // A worse run in Russian (keys п/м) keeps the best.
    let worse = "п\nп\nп\nп\nп\nп\nп\nп\nп\nп\nп\n";
    let json = waymark_with_input(&profile.path(), "ru", &["quiz", "--json"], worse).json();
    assert_eq!(json["result"]["score"]["score"], 5);
    assert_eq!(json["result"]["best"]["score"], 11);
    assert_eq!(json["result"]["is_new_best"], false);
    assert_eq!(json["feedback"][0]["verdict"], "Не совсем.");
    let short = waymark_with_input(&profile.path(), "en", &["quiz"], "t\n");
    assert_eq!(short.code, Some(2), "{}", short.stderr);
    assert!(short.stderr.contains("is not answered"), "{}", short.stderr);
}

// ---------------------------------------------------------------- check-ins

#[test]
fn check_in_commands_refuse_bad_input_with_a_clear_message() {
    let profile = Profile::new();
    let setup = |extra: &[&str]| {
        let mut args = vec![
            "checkin",
            "setup",
            "--name",
            "Anna",
            "--country",
            "TR",
            "--city",
            "Istanbul",
            "--home-zone",
            "Europe/Moscow",
            "--destination-zone",
            "Europe/Istanbul",
        ];
        args.extend_from_slice(extra);
        waymark_with_input(&profile.path(), "en", &args, "")
    };
    for (extra, message) in [
        (
            &[
                "--from",
                "next week",
                "--to",
                "2026-06-01",
                "--times",
                "09:00",
            ][..],
            "--from",
        ),
        (
            &["--from", "2026-03-02", "--to", "2026-06-01"][..],
            "--times",
        ),
        (
            &[
                "--from",
                "2026-03-02",
                "--to",
                "2026-06-01",
                "--times",
                "9am",
            ][..],
            "times",
        ),
        (
            &[
                "--from",
                "2026-03-02",
                "--to",
                "2026-06-01",
                "--times",
                "09:00",
                "--days",
                "someday",
            ][..],
            "--days",
        ),
        (
            &[
                "--from",
                "2026-03-02",
                "--to",
                "2026-02-01",
                "--times",
                "09:00",
            ][..],
            "--to",
        ),
    ] {
        let run = setup(extra);
        assert_eq!(run.code, Some(2), "{extra:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("waymark: ") && run.stderr.contains(message),
            "{extra:?}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"));
    }
    // Every wrong flag is named at once, as the phones' form shows every field's problem.
    let run = setup(&[
        "--from",
        "2026-03-02",
        "--to",
        "2026-02-30",
        "--times",
        "9am",
        "--grace",
        "9999",
    ]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    for flag in ["--to:", "--times:"] {
        assert!(run.stderr.contains(flag), "{flag}: {}", run.stderr);
    }
    // The times as a person writes them: commas, semicolons or spaces.
    let run = setup(&[
        "--from",
        "2026-03-02",
        "--to",
        "2026-06-01",
        "--times",
        "09:00; 21:00",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let run = setup(&[
        "--from",
        "2026-03-02",
        "--to",
        "2026-06-01",
        "--times",
        "09:00,21:00",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("Set your two check-in PINs"),
        "{}",
        run.stdout
    );
    let run = waymark_with_input(
        &profile.path(),
        "en",
        &["checkin", "pins"],
        "12\n1357\nphrase\n",
    );
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("normal_pin: must be 4 to 12 digits"),
        "{}",
        run.stderr
    );
    let run = waymark_with_input(&profile.path(), "en", &["checkin", "pins"], "2468\n");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("expected on standard input"),
        "{}",
        run.stderr
    );
    let run = waymark_with_input(&profile.path(), "ru", &["family"], "");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("Пока никого"), "{}", run.stdout);
}

#[test]
fn a_traveller_id_that_starts_with_a_hyphen_is_an_id_not_an_option() {
    // Ids are URL-safe Base64: one in 64 starts with "-".
    let profile = Profile::new();
    for command in ["status", "history", "handled", "remove"] {
        let run = profile.run("en", &["family", command, "-Qx7bLwE2a9n0tHfYkZc3w"]);
        let message = run.fails(2);
        assert!(
            message.contains("\"-Qx7bLwE2a9n0tHfYkZc3w\": This is not in Waymark"),
            "{command}: {message}"
        );
    }
    let run = profile.run(
        "en",
        &["family", "verify", "-Qx7bLwE2a9n0tHfYkZc3w", "all", "good"],
    );
    assert!(
        run.fails(2).contains("This is not in Waymark"),
        "{}",
        run.stderr
    );
}

/// A profile with Anna's plan and her two PINs (normal 2468, duress 1357).
fn with_pins() -> Profile {
    with_pins_named("Anna")
}

/// A traveller called `name` with Anna's plan and PINs (each profile has its own secrets).
fn with_pins_named(name: &str) -> Profile {
    let profile = Profile::new();
    let args = [
        "checkin",
        "setup",
        "--name",
        name,
        "--country",
        "TR",
        "--city",
        "Istanbul",
        "--home-zone",
        "Europe/Moscow",
        "--destination-zone",
        "Europe/Istanbul",
        "--from",
        "2026-03-01",
        "--to",
        "2026-06-01",
        "--times",
        "09:00,21:00",
    ];
    waymark_with_input(&profile.path(), "en", &args, "").succeeded();
    waymark_with_input(
        &profile.path(),
        "en",
        &["checkin", "pins"],
        "2468\n1357\nHow is aunt Valya?\n",
    )
    .succeeded();
    profile
}

/// Anna exports her plan (with PIN 2468 and the made-up passphrase) and `family` imports it,
/// the plan and then the passphrase on standard input; returns the traveller's id.
fn hand_over(anna: &Profile, family: &Profile) -> String {
    let export = waymark_with_input(&anna.path(), "en", &["plan", "export", "--json"], "2468\n");
    let export = export.json();
    let (payload, passphrase) = (&export["payload"], &export["passphrase"]);
    let (payload, passphrase) = (payload.as_str().unwrap(), passphrase.as_str().unwrap());
    let import = waymark_with_input(
        &family.path(),
        "en",
        &["plan", "import", "--json"],
        &format!("{payload}\n{passphrase}\n"),
    );
    import.json()["id"].as_str().unwrap().to_owned()
}

/// A practice check-in on the desktop: the family's `family verify` shows it as practice, and
/// neither side records it.
#[test]
fn a_practice_check_in_verifies_as_practice_and_is_not_recorded() {
    let anna = with_pins();
    let mother = Profile::new();
    let id = hand_over(&anna, &mother);
    let now = "2026-03-01T15:00:00Z";
    let receipt = waymark_with_input_at(
        &anna.path(),
        "en",
        now,
        &["checkin", "practice", "--json"],
        "2468\n",
    )
    .json();
    let message = receipt["message"].as_str().unwrap().to_owned();
    let history = anna
        .run_at("en", now, &["checkin", "history", "--json"])
        .json();
    assert_eq!(history["entries"].as_array().unwrap().len(), 0);
    let checked = mother
        .run_at("en", now, &["family", "verify", &id, &message, "--json"])
        .json();
    assert_eq!(checked["outcome"], "practice");
    assert_eq!(checked["needs_help"], false);
    let history = mother
        .run_at("en", now, &["family", "history", &id, "--json"])
        .json();
    assert_eq!(history["entries"].as_array().unwrap().len(), 0);
}

/// A phone reports each alert as it fires (`alerts fired`); one that never fired is told on the
/// next home screen until dismissed, and the test alarm says whether it sounded.
#[test]
fn an_alarm_that_did_not_sound_shows_on_the_next_home_screen() {
    let anna = with_pins();
    let mother = Profile::new();
    hand_over(&anna, &mother);
    let now = "2026-03-03T00:00:00Z";
    let json = mother.run_at("en", now, &["alerts", "--json"]).json();
    let alerts = json["alerts"].as_array().unwrap();
    let first_due = alerts
        .iter()
        .find(|a| a["kind"] == "family_checkin_due")
        .unwrap();
    let due_id = first_due["id"].as_str().unwrap();
    let overdue_id = due_id.replace("-due", "-overdue");
    let overdue = alerts
        .iter()
        .find(|a| a["id"] == overdue_id.as_str())
        .unwrap();
    assert_eq!(overdue["urgency"], "alarm");
    let due_at = first_due["fire_at"].as_str().unwrap();
    // The reminder fired on time; the alarm never did.
    mother
        .run_at("en", due_at, &["alerts", "fired", due_id])
        .succeeded();
    let later = "2026-03-05T00:00:00Z";
    let home = mother.run_at("en", later, &[]);
    let home = home.succeeded();
    assert!(home.contains("may be stopping Waymark"), "{home}");
    assert!(home.contains("The alarm due at"), "{home}");
    assert!(home.contains("alerts dismiss"), "{home}");
    let json = mother.run_at("en", later, &["--json"]).json();
    // The way to the guide's steps, named with the article's title.
    let help_label = json["alert_warning"]["help_label"].as_str().unwrap();
    assert!(
        home.contains(&format!("  {help_label} [→ guide alarms-on-your-phone]")),
        "{home}"
    );
    let lines = json["alert_warning"]["lines"].as_array().unwrap();
    // Two days of silence: the latest five, after a count of the earlier ones.
    assert_eq!(lines.len(), 6, "{lines:?}");
    assert_eq!(lines[0], "Earlier, 6 more did not sound on time.");
    assert_eq!(
        lines[5],
        "The alarm due at 4 Mar 2026, 23:00 did not sound."
    );
    mother
        .run_at("en", later, &["alerts", "dismiss"])
        .succeeded();
    let home = mother.run_at("en", later, &["--json"]).json();
    assert!(home["alert_warning"].is_null());

    // The test alarm: started, then not reported within its allowance.
    let started = mother
        .run_at("en", later, &["alerts", "test", "--json"])
        .json();
    assert_eq!(started["state"], "waiting");
    let missed = mother
        .run_at(
            "en",
            "2026-03-05T00:05:00Z",
            &["alerts", "test", "--status", "--json"],
        )
        .json();
    assert_eq!(missed["state"], "did_not_sound");
    mother.run_at("en", later, &["alerts", "test"]).succeeded();
    mother
        .run_at(
            "en",
            "2026-03-05T00:01:00Z",
            &["alerts", "fired", "test-alarm"],
        )
        .succeeded();
    let worked = mother.run_at(
        "en",
        "2026-03-05T00:02:00Z",
        &["alerts", "test", "--status"],
    );
    let worked = worked.succeeded();
    assert!(worked.contains("sounded on time"), "{worked}");
}

#[test]
fn alerts_say_which_must_sound_on_time() {
    let anna = with_pins();
    let mother = Profile::new();
    let id = hand_over(&anna, &mother);
    let now = "2026-03-03T00:00:00Z";
    let json = mother.run_at("en", now, &["alerts", "--json"]).json();
    let alerts = json["alerts"].as_array().unwrap();
    assert!(!alerts.is_empty());
    for alert in alerts {
        let expected = match alert["kind"].as_str().unwrap() {
            "family_overdue" | "family_escalation" => "alarm",
            _ => "reminder",
        };
        assert_eq!(alert["urgency"], expected, "{alert}");
    }
    // The first slot whose due alert is still ahead: its three alerts, by id.
    let due = alerts
        .iter()
        .find(|a| a["kind"] == "family_checkin_due")
        .unwrap()["id"]
        .as_str()
        .unwrap();
    assert!(due.starts_with(&format!("watch-{id}-")), "{due}");
    let slot = due.strip_suffix("due").unwrap().to_owned();
    let urgency = |suffix: &str| {
        let id = format!("{slot}{suffix}");
        alerts.iter().find(|a| a["id"] == id.as_str()).unwrap()["urgency"].clone()
    };
    assert_eq!(urgency("due"), "reminder");
    assert_eq!(urgency("overdue"), "alarm");
    assert_eq!(urgency("escalation"), "alarm");
    let travellers = anna.run_at("en", now, &["alerts", "--json"]).json();
    let travellers = travellers["alerts"].as_array().unwrap();
    assert!(!travellers.is_empty());
    assert!(travellers.iter().all(|a| a["urgency"] == "reminder"));

    // The plain list shows it on each alert's line too.
    let plain = mother.run_at("en", now, &["alerts"]);
    let line = |id: String| {
        plain
            .succeeded()
            .lines()
            .find(|l| l.contains(&id))
            .unwrap()
            .to_owned()
    };
    assert!(line(format!("{slot}overdue ")).contains("  alarm     watch-"));
    assert!(line(format!("{slot}due ")).contains("  reminder  watch-"));
    let plain = anna.run_at("en", now, &["alerts"]);
    assert!(
        plain
            .succeeded()
            .lines()
            .any(|l| l.contains("  reminder  checkin-"))
    );
    assert!(!plain.stdout.contains("  alarm  "));
}

#[test]
fn pins_change_looks_the_same_with_either_current_pin() {
    let (free, forced) = (with_pins(), with_pins());
    let change = |profile: &Profile, lang: &str, input: &str| {
        waymark_with_input(&profile.path(), lang, &["checkin", "pins", "change"], input)
    };
    let check_in = |profile: &Profile, pin: &str| {
        waymark_with_input(
            &profile.path(),
            "en",
            &["checkin", "now"],
            &format!("{pin}\n"),
        )
    };
    // Changed with the normal PIN on one phone, forced with the duress PIN on the other.
    let a = change(&free, "en", "2468\n1111\n2222\n");
    let b = change(&forced, "en", "1357\n1111\n2222\n");
    assert!(
        a.succeeded().contains("Your PINs are changed."),
        "{}",
        a.stdout
    );
    assert_eq!(a.stdout, b.succeeded(), "the same screen on both paths");

    // Wrong current PIN, invalid new PINs: refused by name, and nothing changes.
    for (input, message) in [
        ("0000\n3333\n4444\n", "current_pin: wrong PIN"),
        ("1111\n33\n4444\n", "new_normal_pin: must be 4 to 12 digits"),
        ("1111\n3333\n3333\n", "new_duress_pin: must differ"),
    ] {
        let run = change(&free, "en", input);
        assert_eq!(run.code, Some(2), "{input:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{input:?}: {}", run.stderr);
    }
    assert!(check_in(&free, "1111").succeeded().contains("Anna"));
    assert!(check_in(&free, "2222").code == Some(0));
    for old in ["2468", "1357", "3333"] {
        assert!(
            check_in(&free, old).stderr.contains("pin: wrong PIN"),
            "{old}"
        );
    }
    // After the forced change the real PIN still checks in, and so do the watcher's two.
    for pin in ["2468", "1111", "2222"] {
        assert!(check_in(&forced, pin).code == Some(0), "{pin}");
    }
    assert!(check_in(&forced, "1357").stderr.contains("pin: wrong PIN"));
    // Forced again, in Russian.
    let run = change(&forced, "ru", "2222\n3333\n4444\n");
    assert!(
        run.succeeded().contains("ПИН-коды изменены."),
        "{}",
        run.stdout
    );
    assert!(check_in(&forced, "2222").stderr.contains("pin: wrong PIN"));
    assert!(check_in(&forced, "4444").code == Some(0));
    assert!(check_in(&forced, "2468").code == Some(0));
}

// ---------------------------------------------------------------- search

#[test]
fn search_in_english_marks_the_found_words_and_names_the_command() {
    let profile = Profile::new();
    let out = profile.run("en", &["search", "pasport"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Search: pasport",
            "1. Checklist: Keep your *passport* with you",
            "[→ checklist 9]",
            "Warning sign: Your documents would be kept",
            "[→ guide",
        ],
    );
}

#[test]
fn search_in_russian_finds_other_forms_of_the_word() {
    let profile = Profile::new();
    let out = profile.run("ru", &["search", "паспортом"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "Поиск: паспортом",
            "1. Список дел: Никому не отдавайте *паспорт*",
            "*паспорта*",
        ],
    );
    // Several words on the command line are one query; each must be found.
    let out = profile
        .run("ru", &["search", "рабочая", "виза"])
        .ok()
        .to_owned();
    assert_has(&out, &["*рабочую* *визу*"]);
}

#[test]
fn search_finds_own_items_too() {
    let profile = Profile::new();
    profile
        .run("en", &["checklist", "add", "Buy", "a", "plug", "adapter"])
        .ok();
    let out = profile.run("en", &["search", "adapters"]).ok().to_owned();
    assert_has(
        &out,
        &["1. Checklist: Buy a plug *adapter* [→ checklist 12]"],
    );
}

#[test]
fn search_with_nothing_found_says_so() {
    let profile = Profile::new();
    let out = profile.run("en", &["search", "zzzqqq"]).ok().to_owned();
    assert_has(&out, &["Nothing found."]);
    let out = profile.run("ru", &["search", "zzzqqq"]).ok().to_owned();
    assert_has(&out, &["Ничего не нашлось."]);
}

#[test]
fn search_as_json() {
    let profile = Profile::new();
    let json = profile.run("ru", &["--json", "search", "долг"]).json();
    let results = json["results"].as_array().unwrap();
    let flag = results
        .iter()
        .find(|r| r["id"] == "pay-later")
        .expect("the debt red flag");
    assert_eq!(flag["kind"], "red_flag");
    assert_eq!(flag["action"]["action"], "open_article");
    assert_eq!(flag["language"], "ru");
    let marked: Vec<&str> = flag["title_parts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["highlighted"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["долг"]);
    let none = profile.run("en", &["search", "zzzqqq", "--json"]).json();
    assert_eq!(none["results"], serde_json::json!([]));
}

#[test]
fn a_blank_or_missing_search_is_refused() {
    let profile = Profile::new();
    let message = profile.run("en", &["search", "  "]).fails(2).to_owned();
    assert!(message.contains("query: must not be blank"), "{message}");
    let long = "visa ".repeat(50);
    let message = profile.run("en", &["search", &long]).fails(2).to_owned();
    assert!(message.contains("query: must be at most 200"), "{message}");
    profile.run("en", &["search"]).fails(2);
}

#[test]
fn search_marks_found_words_in_bold_only_when_colour_is_allowed() {
    let profile = Profile::new();
    let path = profile.path();
    let args = [
        "--profile",
        path.to_str().unwrap(),
        "--lang",
        "en",
        "search",
        "visa",
    ];
    let mut env = terminal_env(profile.path());
    let (exit, coloured, _) = run_in_process(&args, &env);
    assert_eq!(exit, Exit::Success);
    // Bold and underlined, without the asterisks plain text needs.
    assert!(coloured.contains("\x1b[1m\x1b[4mvisa") || coloured.contains("\x1b[1;4mvisa"));
    assert!(!coloured.contains("*visa*"), "{coloured}");
    env.no_color = true;
    let (exit, plain, _) = run_in_process(&args, &env);
    assert_eq!(exit, Exit::Success);
    assert_clean(&plain);
    assert!(plain.contains("*visa*"), "{plain}");
}

#[test]
fn the_check_in_message_is_an_ordinary_note_that_can_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.sqlite");
    let listed = waymark(&profile, &["checkin", "message"]);
    let listed = listed.ok();
    assert_has(
        listed,
        &[
            "[x] greeting: Hi! All good here, talk soon. 482913",
            "[ ] weekend:",
            "put {code} where the code goes",
        ],
    );
    assert!(!listed.contains("Waymark"), "{listed}");
    let own = waymark(
        &profile,
        &["checkin", "message", "--own", "All fine, love you {code}"],
    );
    assert_has(
        own.ok(),
        &["[x] All fine, love you 482913", "[ ] greeting:"],
    );
    let refused = waymark(&profile, &["checkin", "message", "--own", "All fine"]);
    let refused = refused.fails(2);
    assert!(
        refused.starts_with("waymark: --own: must hold {code} exactly once"),
        "{refused}"
    );
    let again = waymark(&profile, &["checkin", "message"]);
    assert_has(again.ok(), &["[x] All fine, love you 482913"]);
}

#[test]
fn an_article_and_a_card_can_be_printed_to_be_read_aloud() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.sqlite");
    let article = waymark(&profile, &["guide", "what-is-trafficking", "--speak"]);
    let article = article.succeeded();
    assert!(
        article.starts_with("[en]\nWhat human trafficking is.\n"),
        "{article}"
    );
    assert!(
        !article.contains("**") && !article.contains("]("),
        "{article}"
    );
    let card = waymark(
        &profile,
        &[
            "--lang",
            "ru",
            "contact",
            "hotline",
            "--speak",
            "--now",
            "2026-03-04T10:00:00Z",
        ],
    );
    let card = card.succeeded();
    assert!(card.starts_with("[ru]\n"), "{card}");
    assert!(card.contains("8, 8 0 0, 3 3 3, 0 0, 1 6"), "{card}");
}

// ---------------------------------------------------------------- the app lock and the disguise

/// Anna's plan and PINs, with things of her own in every screen, then the lock turned on.
fn locked() -> Profile {
    let anna = with_pins();
    add_contacts(&anna);
    anna.run("en", &["checklist", "done", "1"]).ok();
    anna.run("en", &["checklist", "add", "Buy a local SIM"])
        .ok();
    waymark_with_input(&anna.path(), "en", &["checkin", "now"], "2468\n").succeeded();
    waymark_with_input(
        &anna.path(),
        "en",
        &["check-offer"],
        "Waitress\nHotel Marmara Star\nTR\n\ny\nn\n",
    )
    .succeeded();
    let watched = with_pins();
    hand_over(&watched, &anna);
    let on = waymark_with_input(&anna.path(), "en", &["lock", "on"], "2468\n");
    assert_has(on.ok(), &["[x] Ask for a PIN when the app opens"]);
    anna
}

/// The screens a search of the computer would read, as `--json`.
const PERSONAL_SCREENS: [&[&str]; 10] = [
    &[],
    &["checklist"],
    &["contacts"],
    &["check-offer", "--list"],
    &["checkin"],
    &["checkin", "history"],
    &["checkin", "message"],
    &["family"],
    &["pack"],
    &["lock"],
];

#[test]
fn the_help_pin_opens_what_looks_like_a_fresh_install() {
    let anna = locked();
    let fresh = Profile::new();
    for screen in PERSONAL_SCREENS {
        let args = [screen, &["--json"]].concat();
        let real = waymark_with_input(&anna.path(), "en", &args, "2468\n").json();
        let help = waymark_with_input(&anna.path(), "en", &args, "1357\n").json();
        let mut new = waymark_with_input(&fresh.path(), "en", &args, "").json();
        if screen == ["lock"] {
            // The lock's own setting is the same after either PIN (a fresh install has none).
            assert_eq!(help, real);
            new = real.clone();
        }
        assert_eq!(help, new, "{screen:?}");
        if !matches!(screen, ["pack"] | ["lock"] | ["checkin", "message"]) {
            assert_ne!(real, new, "{screen:?} shows Anna's own things");
        }
    }
    // Without --json too, and whatever the help PIN's session did is gone next time.
    let help = waymark_with_input(&anna.path(), "en", &["contacts"], "1357\n");
    assert_eq!(help.ok(), fresh.run("en", &["contacts"]).ok());
    waymark_with_input(&anna.path(), "en", &["checklist", "done", "2"], "1357\n").ok();
    let real = waymark_with_input(&anna.path(), "en", &["--json", "checklist"], "2468\n").json();
    assert_eq!(real["progress"]["done"], 1, "only Anna's item 1: {real}");
}

#[test]
fn the_lock_asks_first_and_refuses_alike_whatever_the_command() {
    let anna = locked();
    // No PIN: refused before the command reads anything.
    for args in [
        &[][..],
        &["--json"],
        &["guide"],
        &["checklist", "done", "3"],
    ] {
        let run = waymark_with_input(&anna.path(), "en", args, "");
        assert_eq!(run.fails(2), "waymark: PIN expected on standard input\n");
    }
    // A wrong PIN changes nothing, and says so in the profile's language.
    let run = waymark_with_input(&anna.path(), "en", &["checklist", "done", "3"], "0000\n");
    assert_eq!(run.fails(2), "waymark: Wrong PIN.\n");
    let run = waymark_with_input(&anna.path(), "ru", &["--json", "checklist"], "0000\n");
    assert!(run.fails(2).starts_with("waymark: "), "{}", run.stderr);
    assert!(!run.stderr.contains("Wrong PIN"), "{}", run.stderr);
    let list = waymark_with_input(&anna.path(), "en", &["--json", "checklist"], "2468\n").json();
    assert_eq!(list["items"][2]["done"], false);
    // Either PIN: the same lock, the same exit; the rest of standard input is the command's.
    let verify = |pin: &str| {
        let list = waymark_with_input(&anna.path(), "en", &["--json", "family"], pin).json();
        let id = match list["travellers"][0]["id"].as_str() {
            Some(id) => id.to_owned(),
            None => "-Qx7bLwE2a9n0tHfYkZc3w".to_owned(),
        };
        let input = format!("{pin}all good 123456\n");
        waymark_with_input(&anna.path(), "en", &["family", "verify", &id, "-"], &input)
    };
    assert_eq!(
        verify("2468\n").code,
        Some(0),
        "{}",
        verify("2468\n").stderr
    );
    assert!(verify("2468\n").stdout.contains("Anna"));
    // In the help PIN's view there is nobody to verify: as on a fresh install.
    let help = verify("1357\n");
    assert!(
        help.fails(2).contains("This is not in Waymark"),
        "{}",
        help.stderr
    );
    // After a few wrong PINs a wait begins, and neither PIN opens during it.
    for _ in 0..6 {
        waymark_with_input(&anna.path(), "en", &["guide"], "9999\n").fails(2);
    }
    let normal = waymark_with_input(&anna.path(), "en", &["guide"], "2468\n");
    let help = waymark_with_input(&anna.path(), "en", &["guide"], "1357\n");
    assert!(
        normal
            .fails(2)
            .starts_with("waymark: Too many wrong tries."),
        "{}",
        normal.stderr
    );
    assert_eq!(normal.stderr, help.stderr);
    // It ends; then the normal PIN opens, and turns the lock off.
    let later = "2026-03-03T09:30:00Z";
    let off = waymark_with_input_at(&anna.path(), "en", later, &["lock", "off"], "2468\n2468\n");
    assert_has(off.ok(), &["[ ] Ask for a PIN when the app opens"]);
    assert!(anna.run_at("en", later, &["guide"]).ok().contains("Guide"));
}

#[test]
fn the_lock_turned_off_with_the_help_pin_looks_off_but_stays_on() {
    let anna = locked();
    let real = waymark_with_input(&anna.path(), "en", &["lock", "off"], "2468\n2468\n");
    let anna2 = locked();
    let forced = waymark_with_input(&anna2.path(), "en", &["lock", "off"], "1357\n1357\n");
    assert_eq!(forced.ok(), real.ok(), "the same screen on both paths");
    assert_has(forced.ok(), &["[ ] Ask for a PIN"]);
    assert!(anna.run("en", &["guide"]).ok().contains("Guide"));
    assert_eq!(
        anna2.run("en", &["guide"]).fails(2),
        "waymark: PIN expected on standard input\n"
    );
}

#[test]
fn the_lock_needs_the_pins_first() {
    let profile = Profile::new();
    let out = profile.run("en", &["lock"]).ok().to_owned();
    assert_has(
        &out,
        &["[ ] Ask for a PIN when the app opens [→ checkin pins]"],
    );
    let json = profile.run("en", &["lock", "--json"]).json();
    assert_eq!(json["available"], false);
    assert_eq!(json["retry_at"], Value::Null);
    let run = waymark_with_input(&profile.path(), "en", &["lock", "on"], "2468\n");
    assert_no_panic(&run.stderr);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(profile.run("en", &["guide"]).ok().contains("Guide"));
}

#[test]
fn the_disguise_says_plainly_that_a_command_keeps_its_name() {
    let anna = with_pins();
    let out = anna.run("en", &["disguise"]).ok().to_owned();
    assert_has(
        &out,
        &[
            "[ ] Show as a calculator",
            "A terminal has no icon to disguise: the command keeps its name.",
        ],
    );
    let json = anna.run("ru", &["disguise", "--json"]).json();
    assert_eq!(json["on"], false);
    assert_eq!(json["available"], true);
    let visible = json["still_visible"].as_str().unwrap();
    assert!(
        !visible.is_empty() && !visible.contains("terminal has"),
        "{visible}"
    );
    assert!(
        Profile::new()
            .run("en", &["disguise"])
            .ok()
            .contains("[→ checkin pins]")
    );
}

// ---------------------------------------------------------------- plan changes and hand-over

const SETUP_ONCE_A_DAY: [&str; 18] = [
    "checkin",
    "setup",
    "--name",
    "Anna",
    "--country",
    "TR",
    "--city",
    "Istanbul",
    "--home-zone",
    "Europe/Moscow",
    "--destination-zone",
    "Europe/Istanbul",
    "--from",
    "2026-03-01",
    "--to",
    "2026-06-01",
    "--times",
    "09:00",
];

#[test]
fn once_the_pins_exist_changing_the_plan_needs_one() {
    let anna = with_pins();
    let setup = |input: &str| waymark_with_input(&anna.path(), "en", &SETUP_ONCE_A_DAY, input);
    assert_eq!(
        setup("").fails(2),
        "waymark: PIN expected on standard input\n"
    );
    assert_eq!(setup("0000\n").fails(2), "waymark: the PIN: wrong PIN\n");
    // Refused: the evening check-in is still next.
    let next =
        |anna: &Profile| anna.run("en", &["--json", "checkin"]).json()["next"]["label"].clone();
    assert!(
        next(&anna).as_str().unwrap().contains("21:00"),
        "{}",
        next(&anna)
    );
    // Either PIN changes it, and the screen is the same.
    let normal = setup("2468\n").ok().to_owned();
    assert!(
        !next(&anna).as_str().unwrap().contains("21:00"),
        "{}",
        next(&anna)
    );
    assert_eq!(setup("1357\n").ok(), normal);
    // Other fields' problems and the PIN's come together, the PIN named like a flag.
    let mut bad = SETUP_ONCE_A_DAY.to_vec();
    bad.extend(["--window", "99999"]);
    let run = waymark_with_input(&anna.path(), "en", &bad, "0000\n");
    assert!(run.fails(2).contains("--window: "), "{}", run.stderr);
}

/// Runs in-process as at a terminal whose standard input is a script's: styles off.
fn at_terminal(profile: &Profile, args: &[&str], input: &str) -> (Exit, String, String) {
    let env = Env {
        no_color: true,
        stdout_is_terminal: true,
        stdin_is_terminal: false,
        default_profile: None,
        locale: None,
        system_zone: None,
        now: SystemTime::UNIX_EPOCH,
    };
    let path = profile.path();
    let global = [
        "--profile",
        path.to_str().unwrap(),
        "--now",
        MONDAY,
        "--zone",
        ZONE,
    ];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let exit = run(
        [&["waymark"][..], &global, args].concat(),
        &mut input.as_bytes(),
        &mut out,
        &mut err,
        &env,
    );
    (
        exit,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn plan_export_shows_the_passphrase_and_keeps_it_out_of_a_file() {
    let anna = with_pins();
    // At a terminal: the plan, then the passphrase large and what to do with it.
    let (exit, out, err) = at_terminal(&anna, &["plan", "export"], "2468\n");
    assert_eq!(exit, Exit::Success, "{err}");
    assert!(err.is_empty(), "{err}");
    let mut lines = out.lines();
    let payload = lines.next().unwrap();
    assert!(payload.starts_with("WAYMARK1S."), "{out}");
    assert_eq!(lines.next(), Some(""));
    let passphrase = lines.next().unwrap().trim();
    assert_eq!(passphrase.split(' ').count(), 4, "{out}");
    assert_has(
        &out,
        &[
            &format!("Passphrase: {passphrase}."),
            "Say it to your family on the phone.",
        ],
    );
    // Into a file: the plan alone; the passphrase goes to the terminal.
    let run = waymark_with_input(&anna.path(), "en", &["plan", "export"], "2468\n");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.starts_with("WAYMARK1S."));
    let passphrase = run.stderr.lines().next().unwrap().trim().to_owned();
    assert!(run.stderr.contains(&format!("Passphrase: {passphrase}.")));
    // A passphrase of one's own, and too short a one.
    let own = waymark_with_input(
        &anna.path(),
        "en",
        &["plan", "export", "--passphrase", "--json"],
        "2468\nlong enough words\n",
    )
    .json();
    assert_eq!(own["passphrase"], "long enough words");
    let short = waymark_with_input(
        &anna.path(),
        "en",
        &["plan", "export", "--passphrase"],
        "2468\nshort\n",
    );
    assert!(
        short.fails(2).starts_with("waymark: passphrase: "),
        "{}",
        short.stderr
    );
    // The family imports the file with the passphrase; without it, or a wrong one, it is
    // refused and nothing is stored.
    let mother = Profile::new();
    let file = mother.dir.path().join("plan.txt");
    std::fs::write(&file, &run.stdout).unwrap();
    let file = file.to_str().unwrap();
    for input in ["", "\n", "wrong words here please\n"] {
        let refused = waymark_with_input(&mother.path(), "en", &["plan", "import", file], input);
        assert!(
            refused.fails(2).contains("passphrase"),
            "{}",
            refused.stderr
        );
    }
    assert!(mother.run("en", &["family"]).ok().contains("No one yet"));
    let import = waymark_with_input(
        &mother.path(),
        "en",
        &["plan", "import", file],
        &format!("{passphrase}\n"),
    );
    assert!(
        import.ok().starts_with("Anna · Istanbul"),
        "{}",
        import.stdout
    );
}

#[test]
fn a_weaker_plan_waits_for_the_family_to_call() {
    let (anna, mother) = (with_pins(), Profile::new());
    let id = hand_over(&anna, &mother);
    waymark_with_input(&anna.path(), "en", &SETUP_ONCE_A_DAY, "1357\n").ok();
    let again = hand_over(&anna, &mother);
    assert_eq!(again, id);
    let status = mother.run("en", &["family", "status", &id]).ok().to_owned();
    assert_has(
        &status,
        &[
            "Anna sent a changed trip plan",
            "  - Fewer check-ins: 7 a week instead of 14",
            "Call Anna before you accept it.",
            &format!("  Accept the new plan [→ family accept {id}]"),
            &format!("  Keep the old plan [→ family keep {id}]"),
        ],
    );
    let json = mother
        .run("en", &["family", "status", &id, "--json"])
        .json();
    let change = &json["pending_change"];
    assert_eq!(
        change["differences"].as_array().unwrap().len(),
        1,
        "{change}"
    );
    assert_eq!(change["accept_label"], "Accept the new plan");
    // Kept: the old plan stays and the change is gone; the next one is accepted.
    let kept = mother.run("en", &["family", "keep", &id, "--json"]).json();
    assert_eq!(kept["pending_change"], Value::Null);
    assert!(
        !mother
            .run("en", &["family", "status", &id])
            .ok()
            .contains("changed trip plan")
    );
    let run = mother.run("en", &["family", "accept", &id]);
    assert!(run.fails(2).contains("no changed plan"), "{}", run.stderr);
    hand_over(&anna, &mother);
    let accepted = mother.run("en", &["family", "accept", &id]).ok().to_owned();
    assert!(!accepted.contains("changed trip plan"), "{accepted}");
    assert!(!accepted.contains("21:00"), "{accepted}");
    let run = mother.run("ru", &["family", "keep", "-Qx7bLwE2a9n0tHfYkZc3w"]);
    assert!(
        run.fails(2).contains("-Qx7bLwE2a9n0tHfYkZc3w"),
        "{}",
        run.stderr
    );
}

/// The message a traveller's check-in at `at` with `pin` gives to send.
fn check_in_message(traveller: &Profile, pin: &str, at: &str) -> String {
    let receipt = waymark_with_input_at(
        &traveller.path(),
        "en",
        at,
        &["checkin", "now", "--json"],
        &format!("{pin}\n"),
    );
    receipt.json()["message"].as_str().unwrap().to_owned()
}

/// A chat copied whole: two messages from Anna (the morning's, now too old to count, and the
/// evening's with the help PIN) and one from Boris, each checked for its own traveller, the
/// call for help first; a code from no one is named, and Anna's screen is the one to open.
#[test]
fn family_check_text_checks_each_message_for_its_own_traveller() {
    let (anna, boris, mother) = (with_pins(), with_pins_named("Boris"), Profile::new());
    let anna_id = hand_over(&anna, &mother);
    let boris_id = hand_over(&boris, &mother);
    let morning = check_in_message(&anna, "2468", "2026-03-02T06:05:00Z");
    let evening = check_in_message(&anna, "1357", "2026-03-02T18:05:00Z");
    let his = check_in_message(&boris, "2468", "2026-03-02T18:06:00Z");
    let chat = format!(
        "[09:05] Anna: {morning}\n[21:05] Anna: {evening}\n[21:06] Boris: {his}\n\
         forwarded: 999 000\n"
    );
    let now = "2026-03-02T18:10:00Z";

    // From standard input: every check, the help one first and marked.
    let run = waymark_with_input_at(&mother.path(), "en", now, &["family", "check-text"], &chat);
    let out = run.ok().to_owned();
    let help = out.find("⚠ Anna · ").expect(&out);
    let morning_at = out.find("\nAnna · ").expect(&out);
    let boris_at = out.find("\nBoris · ").expect(&out);
    assert!(help < morning_at && help < boris_at, "{out}");
    assert_eq!(out.matches("⚠").count(), 1, "{out}");
    // The steps and the facts the help check's words point at are under it.
    let steps = out.find("  1. Call Anna").expect(&out);
    let facts = out.find("  Where: Istanbul").expect(&out);
    assert!(help < steps && steps < facts && facts < morning_at, "{out}");
    assert_has(
        &out,
        &[
            "1 code(s) in this text belong to no one you watch over.",
            "  999000",
            &format!("Anna [→ family status {anna_id}]"),
        ],
    );

    // The same text again from a file, as JSON: every code was recorded by the first run, so
    // each is now told as received before.
    let file = mother.dir.path().join("chat.txt");
    std::fs::write(&file, &chat).unwrap();
    let json = mother
        .run_at(
            "en",
            now,
            &["family", "check-text", file.to_str().unwrap(), "--json"],
        )
        .json();
    let checks = json["checks"].as_array().unwrap();
    let whose: Vec<_> = checks
        .iter()
        .map(|c| c["traveller"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(whose, [&anna_id, &anna_id, &boris_id], "{json}");
    assert!(checks.iter().all(|c| c["outcome"] == "replayed"), "{json}");
    assert_eq!(json["unknown_codes"], serde_json::json!(["999000"]));
    assert_eq!(json["traveller_id"], anna_id.as_str());

    // Each traveller's history holds their own checks only.
    let history = |id: &str| {
        mother
            .run_at("en", now, &["family", "history", id, "--json"])
            .json()["entries"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((history(&anna_id), history(&boris_id)), (4, 2));

    // Nothing in it: said so, and no traveller to open.
    let run = waymark_with_input_at(
        &mother.path(),
        "en",
        now,
        &["family", "check-text", "-"],
        "see you soon\n",
    );
    let out = run.ok();
    assert_has(
        out,
        &["No check-in code or signal phrase was found in this text."],
    );
    assert!(!out.contains("family status"), "{out}");
    let run = mother.run("en", &["family", "check-text", "/no/such/file"]);
    assert!(
        run.fails(2).contains("cannot read /no/such/file"),
        "{}",
        run.stderr
    );
}

/// `checkin pause --until` on the profile's clock: with either PIN the traveller sees the same
/// receipt; the family's `family verify` shows the normal one as a pause (no alarm for the
/// paused check-ins) and the help one as a call for help.
#[test]
fn a_pause_verifies_as_a_pause_or_as_a_call_for_help() {
    let anna = with_pins();
    let mother = Profile::new();
    let id = hand_over(&anna, &mother);
    let now = "2026-03-03T10:00:00Z";
    let pause = |pin: &str| {
        waymark_with_input_at(
            &anna.path(),
            "en",
            now,
            &["checkin", "pause", "--until", "2026-03-04 15:00", "--json"],
            &format!("{pin}\n"),
        )
        .json()
    };
    let normal = pause("2468");
    let help = pause("1357");
    assert_eq!(normal["headline"], help["headline"]);
    assert_eq!(normal["status"], help["status"]);
    assert_eq!(normal["status"]["paused_until"], "2026-03-04T12:00:00.000Z");
    assert_eq!(normal["status"]["status"], Value::Null);
    let message = |r: &Value| r["message"].as_str().unwrap().to_owned();
    let checked = mother
        .run_at(
            "en",
            "2026-03-03T10:01:00Z",
            &["family", "verify", &id, &message(&normal), "--json"],
        )
        .json();
    assert_eq!(checked["outcome"], "paused");
    assert_eq!(checked["needs_help"], false);
    let alerts = mother
        .run_at("en", "2026-03-03T10:02:00Z", &["alerts", "--json"])
        .json();
    let ids: Vec<&str> = alerts["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    // Slots 5 and 6 (21:00 on the 3rd, 09:00 on the 4th, Istanbul) are paused; 7 is not.
    assert!(
        !ids.iter().any(|i| i.contains("-5-") || i.contains("-6-")),
        "{ids:?}"
    );
    assert!(ids.iter().any(|i| i.contains("-7-")), "{ids:?}");
    let screen = mother
        .run_at("en", "2026-03-03T19:30:00Z", &["family", "status", &id])
        .succeeded()
        .to_owned();
    assert!(screen.contains("paused check-ins until"), "{screen}");
    // The help one, pasted as a chat on `family check-text`, is a call for help.
    let checked = waymark_with_input_at(
        &mother.path(),
        "en",
        "2026-03-03T10:03:00Z",
        &["family", "check-text", "--json"],
        &format!("[13:00] Anna: {}\n", message(&help)),
    )
    .json();
    assert_eq!(checked["checks"][0]["outcome"], "change_under_duress");
    assert_eq!(checked["checks"][0]["needs_help"], true);
}

/// `checkin extend --to` and `checkin end`, in text, with their refusals.
#[test]
fn extend_and_end_on_the_desktop() {
    let anna = with_pins();
    let now = "2026-05-30T12:00:00Z";
    let out = waymark_with_input_at(
        &anna.path(),
        "en",
        now,
        &["checkin", "extend", "--to", "2026-06-10"],
        "2468\n",
    );
    assert_has(
        out.succeeded(),
        &[
            "Trip extended to 10 Jun 2026",
            "Staying a bit longer, until 10 Jun 2026.",
        ],
    );
    let refused = waymark_with_input_at(
        &anna.path(),
        "en",
        now,
        &["checkin", "extend", "--to", "2026-06-05"],
        "2468\n",
    );
    assert_eq!(
        refused.fails(2).trim(),
        "waymark: --to: choose a day after the trip's current last day"
    );
    let refused = waymark_with_input_at(
        &anna.path(),
        "en",
        now,
        &["checkin", "pause", "--until", "tomorrow"],
        "2468\n",
    );
    assert!(
        refused
            .fails(2)
            .contains("--until: expected a date and time"),
        "{}",
        refused.stderr
    );
    let end = waymark_with_input_at(
        &anna.path(),
        "en",
        now,
        &["checkin", "end", "--json"],
        "2468\n",
    )
    .json();
    assert!(end["message"].as_str().unwrap().starts_with("I'm home! "));
    assert_eq!(end["status"]["trip_ended"], true);
    let again = waymark_with_input_at(&anna.path(), "en", now, &["checkin", "end"], "2468\n");
    assert_eq!(
        again.fails(2).trim(),
        "waymark: trip: the trip has already ended"
    );
}
