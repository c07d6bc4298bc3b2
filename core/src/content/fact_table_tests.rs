//! The fact table (`core/content/facts-table.md`): every fact of the source, and where each
//! language says it. A place that does not exist, or a language left without a place or a
//! reason, fails here.

use std::collections::BTreeSet;
use std::path::Path;

/// The files a place may name: a language's own (`<lang>/<file>.toml`) and the
/// language-neutral ones (`<file>.toml`).
const LANGUAGE_FILES: &[&str] = &["guide", "checklist", "contacts", "ui", "screening"];
const NEUTRAL_FILES: &[&str] = &["structure", "emergency"];
/// The columns every row must fill.
const REQUIRED: &[&str] = &["en", "ru"];
const NOT_USED: &str = "not used:";

/// One row: the fact's id and, per language column, what its cell says.
#[derive(Debug)]
struct Row {
    line: usize,
    id: String,
    cells: Vec<(String, String)>,
}

/// The rows of the table in `text`, with the language codes of its columns.
fn parse(text: &str) -> Result<(Vec<String>, Vec<Row>), String> {
    let mut languages: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim();
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        {
            continue;
        }
        let Some(languages) = &languages else {
            if cells.first() != Some(&"Fact") {
                return Err(format!(
                    "line {line_no}: the header must start with \"Fact\""
                ));
            }
            languages = Some(cells[1..].iter().map(|c| (*c).to_owned()).collect());
            continue;
        };
        if cells.len() != languages.len() + 1 {
            return Err(format!(
                "line {line_no}: {} cells, expected {}",
                cells.len(),
                languages.len() + 1
            ));
        }
        let id = cells[0]
            .strip_prefix('`')
            .and_then(|rest| rest.split_once('`'))
            .map(|(id, summary)| (id, summary.trim()))
            .filter(|(id, summary)| !id.is_empty() && !summary.is_empty())
            .map(|(id, _)| id.to_owned())
            .ok_or_else(|| {
                format!("line {line_no}: the first cell must be `fact-id` and a summary")
            })?;
        rows.push(Row {
            line: line_no,
            id,
            cells: languages
                .iter()
                .cloned()
                .zip(cells[1..].iter().map(|c| (*c).to_owned()))
                .collect(),
        });
    }
    let languages = languages.ok_or("no table found")?;
    Ok((languages, rows))
}

/// The places a cell names (`guide:article.red-flags`), or none if it says why the fact is not
/// used; an error for an empty cell, a "not used" without a reason, or text that is neither.
fn places(cell: &str) -> Result<Vec<String>, String> {
    if let Some(reason) = cell.strip_prefix(NOT_USED) {
        return if reason.trim().is_empty() {
            Err("\"not used:\" without a reason".into())
        } else {
            Ok(Vec::new())
        };
    }
    if cell.is_empty() {
        return Err("no place, and no \"not used: <reason>\"".into());
    }
    cell.split(',')
        .map(|part| {
            part.trim()
                .strip_prefix('`')
                .and_then(|p| p.strip_suffix('`'))
                .filter(|p| !p.is_empty() && !p.contains('`'))
                .map(str::to_owned)
                .ok_or_else(|| format!("{part:?} is not a place in backticks"))
        })
        .collect()
}

/// Follows `path` (`article.red-flags`, `contact.hotline`) into `value`. In an array of tables
/// a step is the `id` of an entry.
fn resolve<'v>(value: &'v toml::Value, path: &str) -> Option<&'v toml::Value> {
    path.split('.').try_fold(value, |value, step| match value {
        toml::Value::Table(table) => table.get(step),
        toml::Value::Array(items) => items
            .iter()
            .find(|item| item.get("id").and_then(toml::Value::as_str) == Some(step)),
        _ => None,
    })
}

/// Whether `value` holds any text: a string, or a table or array with one somewhere in it.
fn has_text(value: &toml::Value) -> bool {
    match value {
        toml::Value::String(s) => !s.trim().is_empty(),
        toml::Value::Array(items) => items.iter().any(has_text),
        toml::Value::Table(table) => table.values().any(has_text),
        _ => false,
    }
}

/// Every problem with the table `text` against the content in `content_dir`.
fn problems(text: &str, content_dir: &Path) -> Vec<String> {
    let (languages, rows) = match parse(text) {
        Ok(table) => table,
        Err(e) => return vec![e],
    };
    let mut found = Vec::new();
    for required in REQUIRED {
        if !languages.iter().any(|l| l == required) {
            found.push(format!("no column for {required}"));
        }
    }
    let mut files = std::collections::BTreeMap::new();
    let mut load = |relative: String| -> Option<toml::Value> {
        files
            .entry(relative.clone())
            .or_insert_with(|| {
                std::fs::read_to_string(content_dir.join(&relative))
                    .ok()
                    .and_then(|t| toml::from_str::<toml::Value>(&t).ok())
            })
            .clone()
    };
    let mut ids = BTreeSet::new();
    for row in &rows {
        let at = format!("line {} ({})", row.line, row.id);
        if !ids.insert(row.id.clone()) {
            found.push(format!("{at}: the id is used twice"));
        }
        for (language, cell) in &row.cells {
            let places = match places(cell) {
                Ok(places) => places,
                Err(e) => {
                    found.push(format!("{at}, {language}: {e}"));
                    continue;
                }
            };
            for place in places {
                let Some((file, path)) = place.split_once(':') else {
                    found.push(format!("{at}, {language}: {place:?} is not file:path"));
                    continue;
                };
                let relative = if LANGUAGE_FILES.contains(&file) {
                    format!("{language}/{file}.toml")
                } else if NEUTRAL_FILES.contains(&file) {
                    format!("{file}.toml")
                } else {
                    found.push(format!(
                        "{at}, {language}: {place:?}: unknown file {file:?}"
                    ));
                    continue;
                };
                let resolved = load(relative.clone());
                match resolved.as_ref().and_then(|v| resolve(v, path)) {
                    Some(value) if has_text(value) => {}
                    _ => found.push(format!(
                        "{at}, {language}: {place:?}: no text at {path} in {relative}"
                    )),
                }
            }
        }
    }
    if rows.is_empty() {
        found.push("the table has no rows".into());
    }
    found
}

fn content_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

#[test]
fn the_fact_table_names_only_places_that_exist_and_leaves_no_language_out() {
    let text = std::fs::read_to_string(content_dir().join("facts-table.md")).unwrap();
    let found = problems(&text, &content_dir());
    assert!(
        found.is_empty(),
        "core/content/facts-table.md:\n{}",
        found.join("\n")
    );
    let (_, rows) = parse(&text).unwrap();
    // facts.md holds over 60 facts once each control method, rule and red flag is its own row.
    assert!(rows.len() >= 60, "only {} facts in the table", rows.len());
}

#[test]
fn the_fact_table_check_fails_on_a_missing_place_or_reason() {
    let dir = content_dir();
    let header = "| Fact | en | ru |\n|---|---|---|\n";
    let table = |row: &str| format!("{header}{row}\n");
    let good = table(
        "| `a` A fact | `guide:article.red-flags`, `structure:contact.hotline` | not used: a reason |",
    );
    assert_eq!(problems(&good, &dir), Vec::<String>::new());
    for bad in [
        "| `a` A fact | `guide:article.no-such-article` | `guide:article.red-flags` |",
        "| `a` A fact | `guide:article.red-flags` |  |",
        "| `a` A fact | `guide:article.red-flags` | not used: |",
        "| `a` A fact | `guide:article.red-flags` | somewhere |",
        "| `a` A fact | `nofile:article.red-flags` | `guide:article.red-flags` |",
        "| `a` A fact | `ui:strings.no_such_key` | `guide:article.red-flags` |",
        "| `a` A fact | `structure:contact.nobody` | `guide:article.red-flags` |",
        "| A fact | `guide:article.red-flags` | `guide:article.red-flags` |",
    ] {
        assert!(!problems(&table(bad), &dir).is_empty(), "{bad}");
    }
    let twice = table(
        "| `a` A fact | `guide:article.red-flags` | `guide:article.red-flags` |\n| `a` Again | `guide:article.red-flags` | `guide:article.red-flags` |",
    );
    assert!(!problems(&twice, &dir).is_empty());
    let no_ru = "| Fact | en |\n|---|---|\n| `a` A fact | `guide:article.red-flags` |\n";
    assert!(!problems(no_ru, &dir).is_empty());
}
