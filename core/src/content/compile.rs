//! Content sources, written in TOML, turned into the form the library carries and packs ship:
//! the same files with the same structure, in JSON. The library then reads content with the JSON
//! parser it already has for trip plans, and carries no TOML parser (0.6 MB less; BENCHMARKS.md).
//!
//! build.rs includes this file too, to compile the embedded default pack, so the two cannot
//! drift apart. It checks only that a file is TOML whose values JSON can hold; what the content
//! says is checked by the loader (`Pack::from_files`), in TOML for authors and in JSON on phones.

/// Folders and files under `core/content/` that are for authors and tests, not for the app:
/// `glossary/` holds each language's one name per thing, which the content tests enforce on the
/// texts; `local-help-not-found.toml` records what was searched for and not found. The app never
/// reads them, so it is neither embedded nor packed (it would only add bytes
/// to every phone and to every pack).
pub const AUTHORS_ONLY: &[&str] = &["glossary/", "local-help-not-found.toml"];

/// The path of a source file's compiled form: `ru/guide.toml` becomes `ru/guide.json`; none for
/// a path that is not a `.toml` file, or that is for authors only (`AUTHORS_ONLY`).
pub fn compiled_path(path: &str) -> Option<String> {
    if AUTHORS_ONLY.iter().any(|folder| path.starts_with(folder)) {
        return None;
    }
    path.strip_suffix(".toml")
        .map(|stem| format!("{stem}.json"))
}

/// Every `.toml` source among `files` (`path`, text) compiled to its JSON file, in the order
/// given; other files are not content and are left out. An error names the source's path.
pub fn compile_files(files: &[(String, String)]) -> Result<Vec<(String, String)>, String> {
    files
        .iter()
        .filter_map(|(path, text)| {
            let compiled = compiled_path(path)?;
            Some(
                toml_to_json(text)
                    .map(|json| (compiled, json))
                    .map_err(|e| format!("{path}: {e}")),
            )
        })
        .collect()
}

/// The JSON text with exactly the values of a TOML text: tables become objects, arrays arrays,
/// strings, integers, floats and booleans the same. TOML dates have no JSON form: content
/// writes dates as quoted strings, so one is refused, as is a float JSON cannot hold (`nan`,
/// `inf`).
pub fn toml_to_json(text: &str) -> Result<String, String> {
    let value: toml::Value = toml::from_str(text).map_err(|e| e.to_string())?;
    check_representable(&value, &mut Vec::new())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

fn check_representable(value: &toml::Value, at: &mut Vec<String>) -> Result<(), String> {
    let place = |at: &[String]| {
        if at.is_empty() {
            "the top level".to_owned()
        } else {
            at.join(".")
        }
    };
    match value {
        toml::Value::Datetime(_) => Err(format!(
            "{}: a date or time must be written as a quoted string",
            place(at)
        )),
        toml::Value::Float(f) if !f.is_finite() => {
            Err(format!("{}: {f} is not a finite number", place(at)))
        }
        toml::Value::Array(items) => items.iter().enumerate().try_for_each(|(n, item)| {
            at.push(n.to_string());
            let checked = check_representable(item, at);
            at.pop();
            checked
        }),
        toml::Value::Table(table) => table.iter().try_for_each(|(key, item)| {
            at.push(key.clone());
            let checked = check_representable(item, at);
            at.pop();
            checked
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_path_compiles_to_the_same_path_in_json() {
        assert_eq!(
            compiled_path("ru/guide.toml").as_deref(),
            Some("ru/guide.json")
        );
        assert_eq!(compiled_path("glossary/ru.toml"), None);
        assert_eq!(
            compiled_path("structure.toml").as_deref(),
            Some("structure.json")
        );
        assert_eq!(compiled_path("README.md"), None);
    }

    #[test]
    fn every_toml_value_keeps_its_type_and_place() {
        let json = toml_to_json(
            "title = \"Паспорт\"\nweight = 3\nratio = 4.33\nyes = true\nlist = [\"a\", \"b\"]\n\
             [article.red-flags]\nbody = \"\"\"\nline one\nline two\n\"\"\"\n",
        )
        .unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "title": "Паспорт",
                "weight": 3,
                "ratio": 4.33,
                "yes": true,
                "list": ["a", "b"],
                "article": { "red-flags": { "body": "line one\nline two\n" } },
            })
        );
    }

    #[test]
    fn values_json_cannot_hold_are_refused_with_their_place() {
        let err = toml_to_json("[country.TR]\nchecked = 2026-11-28\n").unwrap_err();
        assert!(err.starts_with("country.TR.checked: "), "{err}");
        let err = toml_to_json("rates = [1.0, nan]\n").unwrap_err();
        assert!(err.starts_with("rates.1: "), "{err}");
        assert!(toml_to_json("title = \"unclosed\n").is_err());
    }
}
