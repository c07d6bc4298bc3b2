//! The shells hold no rule: a search of the Android and iOS shells' sources for code that parses
//! or formats times, dates, numbers or phone numbers, which is the core's to do (the core gives
//! the words, the pickers and the checks; a shell renders and reports). Run by `cargo test`.

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::workspace_root;

    /// Code that turns text into times, dates, numbers or phone numbers, or the reverse.
    const KOTLIN: &[&str] = &[
        "LocalDate",
        "LocalTime",
        "LocalDateTime",
        "DateTimeFormatter",
        "SimpleDateFormat",
        "DateFormat.",
        "getAvailableZoneIds",
        "toIntOrNull",
        "toUIntOrNull",
        "toLongOrNull",
        "toDoubleOrNull",
        "String.format",
        ".format(",
        "PhoneNumberUtils",
        "getQueryParameter",
        ".split(",
    ];
    const SWIFT: &[&str] = &[
        "DateFormatter",
        "NumberFormatter",
        "DateComponentsFormatter",
        "knownTimeZoneIdentifiers",
        "String(format",
        ".formatted(",
        "UInt32(",
        "Int32(",
        ".split(",
        "components(separatedBy",
        "CNPhoneNumber",
    ];

    /// Where a match is not a rule, and why: (file ending, pattern, reason).
    const ALLOWED: &[(&str, &str, &str)] = &[
        (
            "Alerts.kt",
            ".split(",
            "the shell's own direct-boot file of alert ids and epoch milliseconds, which it writes \
             and reads back itself before the profile can be opened; nothing a person reads",
        ),
        (
            "Alerts.kt",
            "toLongOrNull",
            "the same file's epoch milliseconds",
        ),
    ];

    fn sources(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, extension, found);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }

    /// Every line of the shells' sources that matches a pattern, as "file:line: pattern".
    fn rules_in_shells(root: &Path) -> Vec<String> {
        let mut problems = Vec::new();
        for (dir, extension, patterns) in [
            (root.join("android/app/src/main/kotlin"), "kt", KOTLIN),
            (root.join("ios/Waymark"), "swift", SWIFT),
        ] {
            let mut files = Vec::new();
            sources(&dir, extension, &mut files);
            assert!(
                !files.is_empty(),
                "no .{extension} files under {}",
                dir.display()
            );
            for file in files {
                let text = std::fs::read_to_string(&file).unwrap();
                let name = file
                    .strip_prefix(root)
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                for (number, line) in text.lines().enumerate() {
                    let code = line.split("//").next().unwrap_or_default();
                    for pattern in patterns {
                        let allowed = ALLOWED
                            .iter()
                            .any(|(end, p, _)| name.ends_with(end) && p == pattern);
                        if code.contains(pattern) && !allowed {
                            problems.push(format!("{name}:{}: {pattern}", number + 1));
                        }
                    }
                }
            }
        }
        problems
    }

    #[test]
    fn the_shells_parse_and_format_no_times_numbers_or_phone_numbers() {
        let problems = rules_in_shells(&workspace_root());
        assert!(
            problems.is_empty(),
            "the core parses and formats these; the shells only render what it gives:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn a_shell_that_parses_a_time_is_caught() {
        let root = std::env::temp_dir().join(format!("waymark-shell-rules-{}", std::process::id()));
        let android = root.join("android/app/src/main/kotlin");
        let ios = root.join("ios/Waymark");
        std::fs::create_dir_all(&android).unwrap();
        std::fs::create_dir_all(&ios).unwrap();
        std::fs::write(
            android.join("Form.kt"),
            "// LocalDate in a comment is fine\nval hours = typed.toUIntOrNull() ?: 0u\n",
        )
        .unwrap();
        std::fs::write(
            ios.join("Form.swift"),
            "let zones = TimeZone.knownTimeZoneIdentifiers\n",
        )
        .unwrap();
        let found = rules_in_shells(&root);
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(
            found,
            [
                "android/app/src/main/kotlin/Form.kt:2: toUIntOrNull",
                "ios/Waymark/Form.swift:1: knownTimeZoneIdentifiers",
            ]
        );
    }
}
