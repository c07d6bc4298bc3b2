//! One name per thing: each language's glossary (`core/content/glossary/<lang>.toml`) lists the
//! forms its texts must not use, and these tests look for them in every text of that language
//! and in every string the shells show of their own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::*;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    /// What the term names, in English.
    thing: String,
    /// The one name to use; for reference, not matched.
    #[serde(rename = "use")]
    name: String,
    /// Forms that must not appear, as substrings; a space at either end marks a word's edge.
    avoid: Vec<String>,
}

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("core/ is in the workspace")
        .to_path_buf()
}

/// Every glossary, by language code.
fn glossaries() -> BTreeMap<String, Glossary> {
    let dir = content_dir().join("glossary");
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let code = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let glossary: Glossary =
                toml::from_str(&text).unwrap_or_else(|e| panic!("glossary/{code}.toml: {e}"));
            found.insert(code, glossary);
        }
    }
    found
}

/// Lower case, "ё" as "е", and every run of spaces and punctuation as one space, with a space
/// at each end: so a form written with a space at its edge matches only at a word's edge.
/// Letters, digits, '-' and '_' are kept, so "чек-лист" stays one word and `quick_exit` is not
/// read as two.
fn normalise(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// A form as it is matched: normalised like a text, but a space at its edges is kept only where
/// the author wrote one.
fn normalise_form(form: &str) -> String {
    let inner = normalise(form);
    let inner = inner.trim();
    let lead = if form.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let tail = if form.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{inner}{tail}")
}

/// Each (place, avoided form, the name to use) where one of `texts` uses a form the glossary
/// avoids.
fn violations(glossary: &Glossary, texts: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (place, text) in texts {
        let text = normalise(text);
        for term in &glossary.term {
            for form in &term.avoid {
                if text.contains(&normalise_form(form)) {
                    found.push(format!(
                        "{place}: says {form:?}; call it {:?} ({})",
                        term.name, term.thing
                    ));
                }
            }
        }
    }
    found
}

/// Every string value of a TOML document, by its table path (`strings.help_title`,
/// `contact.hotline.services[1]`).
fn toml_strings(value: &toml::Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::String(s) => out.push((at.to_owned(), s.clone())),
        toml::Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                toml_strings(item, &format!("{at}[{n}]"), out);
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                let path = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                toml_strings(item, &path, out);
            }
        }
        _ => {}
    }
}

/// `text` without the targets of its in-app links (`[words](article:red-flags)` keeps
/// `[words]`): an id is not a word a person reads.
fn without_link_targets(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        out.push_str(&rest[..=start]);
        rest = &rest[start + 2..];
        match rest.find(')') {
            Some(end) if !rest[..end].contains(char::is_whitespace) => rest = &rest[end + 1..],
            _ => out.push('('),
        }
    }
    out.push_str(rest);
    out
}

/// Every text of a language: each string in each `<lang>/*.toml`, by file and table path.
pub(super) fn language_texts(code: &str) -> Vec<(String, String)> {
    let dir = content_dir().join(code);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut texts = Vec::new();
    for path in paths {
        let name = format!("{code}/{}", path.file_name().unwrap().to_str().unwrap());
        let value: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut strings = Vec::new();
        toml_strings(&value, "", &mut strings);
        texts.extend(
            strings
                .into_iter()
                .map(|(at, text)| (format!("{name}: {at}"), without_link_targets(&text))),
        );
    }
    texts
}

/// The string literals of a Kotlin, Swift or Rust source (or an iOS `.strings` file), each with
/// the line it starts on. Comments are skipped; so are character literals, so that `'"'` does
/// not open a string. Interpolations inside a literal are kept as part of its text.
fn string_literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut found = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        match chars[i] {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if at(i + 1) == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == Some('*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && at(i + 1) == Some('/')) {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 2;
            }
            // A character literal ('a', '\n', '"'); otherwise a Rust lifetime.
            '\'' => {
                if at(i + 1) == Some('\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' && chars[i] != '\n' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == Some('\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            '"' => {
                let start = line;
                let triple = at(i + 1) == Some('"') && at(i + 2) == Some('"');
                i += if triple { 3 } else { 1 };
                let mut text = String::new();
                while i < chars.len() {
                    let c = chars[i];
                    if triple && c == '"' && at(i + 1) == Some('"') && at(i + 2) == Some('"') {
                        i += 3;
                        break;
                    }
                    if !triple && c == '"' {
                        i += 1;
                        break;
                    }
                    if c == '\\' {
                        if let Some(next) = at(i + 1) {
                            text.push(match next {
                                'n' => '\n',
                                other => other,
                            });
                            if next == '\n' {
                                line += 1;
                            }
                        }
                        i += 2;
                        continue;
                    }
                    if c == '\n' {
                        line += 1;
                    }
                    text.push(c);
                    i += 1;
                }
                found.push((start, text));
            }
            _ => i += 1,
        }
    }
    found
}

/// Every file under `dir` whose name ends in one of `extensions`, sorted.
fn files_under(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, extensions, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
}

/// The shells' own strings a person could see: every string literal in the Android, iOS and
/// desktop sources (and the iOS `.strings` files), and the desktop's `--help` texts, which clap
/// takes from the doc comments in cli.rs. The shells should take every word from the core, so
/// most literals are ids and formats; any avoided form among them is still a mistake.
fn shell_texts() -> Vec<(String, String)> {
    let root = workspace_dir();
    let mut files = Vec::new();
    files_under(
        &root.join("android/app/src/main/kotlin"),
        &["kt"],
        &mut files,
    );
    files_under(&root.join("ios"), &["swift", "strings"], &mut files);
    files_under(&root.join("desktop/src"), &["rs"], &mut files);
    files.sort();
    let mut texts = Vec::new();
    for path in &files {
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let source = std::fs::read_to_string(path).unwrap();
        for (line, text) in string_literals(&source) {
            texts.push((format!("{name}:{line}"), text));
        }
        if name.ends_with("cli.rs") {
            for (n, line) in source.lines().enumerate() {
                if let Some(doc) = line.trim_start().strip_prefix("///") {
                    texts.push((format!("{name}:{} (--help)", n + 1), doc.to_owned()));
                }
            }
        }
    }
    texts
}

#[test]
fn every_language_with_texts_has_a_glossary() {
    let glossaries = glossaries();
    let pack = default_pack().unwrap();
    let mut written = 0;
    for language in pack.languages.iter().filter(|l| l.texts) {
        written += 1;
        let glossary = glossaries.get(&language.code).unwrap_or_else(|| {
            panic!(
                "{} has texts but no glossary: add core/content/glossary/{}.toml",
                language.code, language.code
            )
        });
        assert!(!glossary.term.is_empty(), "{}: no terms", language.code);
    }
    assert!(written >= 2, "English and Russian ship texts");
}

#[test]
fn every_glossary_term_is_complete_and_does_not_avoid_a_name_in_use() {
    for (code, glossary) in glossaries() {
        let names: Vec<(String, String)> = glossary
            .term
            .iter()
            .map(|t| {
                (
                    format!("glossary/{code}.toml: use for {}", t.thing),
                    t.name.clone(),
                )
            })
            .collect();
        for term in &glossary.term {
            assert!(
                !term.thing.trim().is_empty() && !term.name.trim().is_empty(),
                "glossary/{code}.toml: a term without its thing or name"
            );
            assert!(
                !term.avoid.is_empty(),
                "glossary/{code}.toml: {}: nothing to avoid",
                term.thing
            );
            for form in &term.avoid {
                assert!(
                    !normalise_form(form).trim().is_empty(),
                    "glossary/{code}.toml: {}: a blank form",
                    term.thing
                );
            }
        }
        let clashes = violations(&glossary, &names);
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
    }
}

#[test]
fn every_text_calls_each_thing_by_its_one_name() {
    let shells = shell_texts();
    assert!(
        shells.len() > 100,
        "the shells' sources were not found ({} literals)",
        shells.len()
    );
    let mut report = Vec::new();
    for (code, glossary) in glossaries() {
        let mut texts = language_texts(&code);
        assert!(texts.len() > 100, "{code}: the texts were not found");
        texts.extend(shells.iter().cloned());
        let found = violations(&glossary, &texts);
        if !found.is_empty() {
            report.push(format!(
                "{} text(s) break glossary/{code}.toml:\n{}",
                found.len(),
                found.join("\n")
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n\n"));
}

#[test]
fn the_glossary_check_finds_avoided_forms_and_only_those() {
    let glossary: Glossary = toml::from_str(
        r#"
        [[term]]
        thing = "signal phrase"
        use = "сигнальная фраза"
        avoid = [" условн", "кодовая фраз"]

        [[term]]
        thing = "family"
        use = "близкие"
        avoid = [" родн"]
        "#,
    )
    .unwrap();
    let texts = |list: &[&str]| -> Vec<(String, String)> {
        list.iter()
            .enumerate()
            .map(|(n, t)| (format!("text {n}"), (*t).to_owned()))
            .collect()
    };
    let bad = texts(&[
        "Скажите УСЛОВНУЮ фразу.",
        "«Условная фраза» сохранена",
        "Кодовая   фраза",
        "Родные узнают",
        "Передать план (родным)",
    ]);
    assert_eq!(violations(&glossary, &bad).len(), bad.len());
    let good = texts(&[
        "Безусловно, сигнальная фраза.",
        "Международные организации",
        "в условленное время",
        "вернуться на родину",
    ]);
    assert_eq!(violations(&glossary, &good), Vec::<String>::new());
}

#[test]
fn link_targets_are_not_read_as_words() {
    assert_eq!(
        without_link_targets("See [the signs](article:red-flags) and [x](contact:hotline)."),
        "See [the signs] and [x]."
    );
    assert_eq!(without_link_targets("a ](b c) d"), "a ](b c) d");
}

#[test]
fn shell_string_literals_are_found_without_comments() {
    let source = r#"
        // "in a comment"
        let a = "one"; /* "block" */ let q = '"';
        val b = """two
        lines""" + "esc\"aped"
        let c = "\(x) three"
    "#;
    let found: Vec<String> = string_literals(source)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        found,
        ["one", "two\n        lines", "esc\"aped", "(x) three"]
    );
}

#[test]
fn the_glossaries_are_not_built_into_the_app() {
    assert!(
        source_files()
            .iter()
            .any(|(path, _)| path.starts_with("glossary/")),
        "the glossaries are read as content sources"
    );
    let embedded = embedded_files();
    assert!(!embedded.is_empty());
    assert!(
        !embedded
            .iter()
            .any(|(path, _)| path.starts_with("glossary/")),
        "a glossary is embedded in the app"
    );
}
