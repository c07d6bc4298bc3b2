//! Language codes and fallback chains.

use super::source::LanguageDef;

/// The language every chain ends with: all content exists in it.
pub(crate) const BASE_LANGUAGE: &str = "en";

/// The languages to try, in order, for a person's preference: the language itself, its declared
/// fallbacks, then English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chain(Vec<String>);

impl Chain {
    /// Resolves a preference such as "ru", "ru-RU" or "uz_UZ" against the known languages.
    /// An unknown but well-formed language falls back to English: a phone set to a language we do
    /// not have yet still gets a working app.
    pub(crate) fn resolve(preference: &str, languages: &[LanguageDef]) -> Result<Self, ()> {
        let code = primary_subtag(preference)?;
        let mut chain = Vec::new();
        if let Some(def) = languages.iter().find(|l| l.code == code) {
            chain.push(def.code.clone());
            chain.extend(def.fallback.iter().cloned());
        }
        chain.push(BASE_LANGUAGE.to_owned());
        let mut seen = std::collections::HashSet::new();
        chain.retain(|c| seen.insert(c.clone()));
        Ok(Self(chain))
    }

    /// The codes in the order they are tried.
    pub(crate) fn codes(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// The language the person asked for (or English when it is unknown).
    pub(crate) fn preferred(&self) -> &str {
        &self.0[0]
    }
}

/// "ru-RU" → "ru". Rejects anything that is not a BCP 47-like tag.
fn primary_subtag(tag: &str) -> Result<String, ()> {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(primary)
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages() -> Vec<LanguageDef> {
        let def = |code: &str, fallback: &[&str]| LanguageDef {
            code: code.into(),
            name: code.into(),
            texts: true,
            fallback: fallback.iter().map(|s| s.to_string()).collect(),
            reviewed: true,
        };
        vec![def("en", &[]), def("ru", &["en"]), def("uz", &["ru", "en"])]
    }

    fn codes(chain: &Chain) -> Vec<&str> {
        chain.codes().collect()
    }

    #[test]
    fn chains_follow_the_declared_fallbacks_and_end_in_english() {
        assert_eq!(
            codes(&Chain::resolve("uz", &languages()).unwrap()),
            ["uz", "ru", "en"]
        );
        assert_eq!(
            codes(&Chain::resolve("ru-RU", &languages()).unwrap()),
            ["ru", "en"]
        );
        assert_eq!(
            codes(&Chain::resolve("EN_gb", &languages()).unwrap()),
            ["en"]
        );
        assert_eq!(codes(&Chain::resolve("de", &languages()).unwrap()), ["en"]);
    }

    #[test]
    fn malformed_tags_are_rejected() {
        for tag in ["", "r", "русский", "12", "english"] {
            assert!(Chain::resolve(tag, &languages()).is_err(), "{tag:?}");
        }
    }
}
