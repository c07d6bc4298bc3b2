//! The content source files as written by authors (TOML), before validation.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The content sources as authors write them: every `.toml` file of `core/content/`, read from
/// disk, by path relative to it (`ru/guide.toml`), in path order. For tests, which change a
/// source the way an author would.
#[cfg(test)]
pub(crate) fn source_files() -> Vec<(String, String)> {
    fn walk(root: &std::path::Path, dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, found);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let relative = path.strip_prefix(root).unwrap();
                let relative: Vec<_> = relative.iter().map(|p| p.to_str().unwrap()).collect();
                found.push((relative.join("/"), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut found = Vec::new();
    walk(&root, &root, &mut found);
    found.sort();
    found
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StructureFile {
    pub pack: PackMeta,
    pub section: Vec<SectionDef>,
    pub checklist: Vec<ChecklistDef>,
    pub contact: Vec<ContactDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackMeta {
    pub id: String,
    pub version: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionDef {
    pub id: String,
    pub articles: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChecklistDef {
    pub id: String,
    pub rule: u32,
    pub article: String,
}

/// `local-help.toml`: the embassies and consulates and the local help lines, by the country they
/// are in, each with the page that states its numbers.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LocalHelpFile {
    #[serde(default)]
    pub contact: Vec<ContactDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContactDef {
    pub id: String,
    pub kind: String,
    /// The country it is in (ISO 3166-1 alpha-2).
    pub country: String,
    /// For a mission (embassy, consulate, office) or a line for citizens abroad: whose it is.
    #[serde(default)]
    pub of: Option<String>,
    /// A page that states its numbers (required in `local-help.toml`).
    #[serde(default)]
    pub source: Option<String>,
    /// The date that page shows, "YYYY-MM-DD"; None for an undated page.
    #[serde(default)]
    pub source_date: Option<String>,
    /// When the numbers were compared with the page, "YYYY-MM-DD".
    #[serde(default)]
    pub checked: Option<String>,
    /// True when the page is too old or too weak to vouch for the numbers today: the app then
    /// says "not confirmed", and the contact's note says why.
    #[serde(default)]
    pub unconfirmed: bool,
    #[serde(default)]
    pub phones: Vec<PhoneDef>,
    #[serde(default)]
    pub hours: Option<HoursDef>,
    #[serde(default)]
    pub capacity: Option<u32>,
    #[serde(default)]
    pub referral_via: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhoneDef {
    /// As written in the home country, e.g. "8-800-333-00-16".
    pub number: String,
    pub e164: String,
    #[serde(default)]
    pub toll_free: bool,
    /// ISO country code of the only country the number can be dialled from free of charge.
    #[serde(default)]
    pub free_only_within: Option<String>,
    /// ISO country codes of the only countries the number can be dialled from; empty when it can
    /// be dialled from anywhere.
    #[serde(default)]
    pub dial_from: Vec<String>,
    /// A short number dialled as it is (such as Türkiye's 157): `number` and `e164` are the same
    /// digits, and it works only inside its country.
    #[serde(default)]
    pub short: bool,
    /// The number takes text messages, as its source says; without it the app offers only a
    /// call and a copy, so no one waits for an answer to a text that cannot arrive.
    #[serde(default)]
    pub texts: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HoursDef {
    pub zone: String,
    pub days: Vec<String>,
    pub opens: String,
    pub closes: String,
    /// The page the hours come from.
    #[serde(default)]
    pub source: Option<String>,
    /// The last date on which the source confirmed that the line answers at these hours,
    /// "YYYY-MM-DD"; None when no source says it still does.
    #[serde(default)]
    pub confirmed: Option<String>,
    /// When we last compared the hours with the source, "YYYY-MM-DD".
    #[serde(default)]
    pub checked: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguagesFile {
    pub language: Vec<LanguageDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguageDef {
    pub code: String,
    pub name: String,
    pub texts: bool,
    pub fallback: Vec<String>,
    /// Whether a native speaker has reviewed the language's own texts; until one has (the field
    /// absent or false), the language list says so beside its name.
    #[serde(default)]
    pub reviewed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GuideFile {
    pub section: BTreeMap<String, SectionText>,
    pub article: BTreeMap<String, ArticleText>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionText {
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleText {
    pub title: String,
    pub summary: String,
    pub body: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChecklistFile {
    pub item: BTreeMap<String, ItemText>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemText {
    pub title: String,
    pub why: String,
    pub how: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContactsFile {
    pub contact: BTreeMap<String, ContactText>,
    /// A caveat about a country's emergency numbers, by ISO 3166-1 alpha-2 code.
    #[serde(default)]
    pub emergency_note: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContactText {
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UiFile {
    pub strings: BTreeMap<String, String>,
    #[serde(default)]
    pub countries: BTreeMap<String, String>,
    #[serde(default)]
    pub zones: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EmergencyFile {
    pub country: Vec<EmergencyDef>,
}

/// One country's emergency numbers, as dialled, with where they come from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EmergencyDef {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// The one number for every emergency, where the country has one.
    #[serde(default)]
    pub general: Option<String>,
    pub police: String,
    pub ambulance: String,
    pub fire: String,
    /// A page that states the numbers; None when no such page was found, and then the whole
    /// entry is shown as not confirmed.
    #[serde(default)]
    pub source: Option<String>,
    /// The date the source page itself shows, "YYYY-MM-DD"; None for an undated page.
    #[serde(default)]
    pub source_date: Option<String>,
    /// When the entry was compared with its source, "YYYY-MM-DD"; required with a source.
    #[serde(default)]
    pub checked: Option<String>,
    /// The services ("general", "police", "ambulance", "fire") whose number the source does not
    /// state; they are shown as not confirmed.
    #[serde(default)]
    pub unconfirmed: Vec<String>,
}
