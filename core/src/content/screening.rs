//! The screening tools' content: `screening.toml` (ids, weights, links), `<lang>/screening.toml`
//! (texts) and `patterns/<lang>.toml` (the ad analyzer's word patterns), parsed and checked.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::words::patterns::{PatternFile, PatternSet};

/// Every key of `[strings]` in `<lang>/screening.toml` that the code uses.
pub(crate) const STRING_KEYS: &[&str] = &[
    "offer_title",
    "offer_intro",
    "answer_yes",
    "answer_no",
    "answer_dont_know",
    "key_yes",
    "key_no",
    "key_dont_know",
    "label_why",
    "field_title",
    "field_employer",
    "field_country",
    "field_notes",
    "answered",
    "reasons_label",
    "unknowns_label",
    "advice_label",
    "read_more_label",
    "from_ad",
    "checked_at",
    "offers_title",
    "offers_empty",
    "analyzer_title",
    "analyzer_intro",
    "analyzer_none",
    "analyzer_found",
    "phones_label",
    "phone_mobile",
    "phone_landline",
    "phone_mobile_or_landline",
    "phone_toll_free",
    "phone_other",
    "self_check_title",
    "self_check_intro",
    "self_check_not_sure",
    // Not shown any more (the quick exit reads `shell_quick_exit` in ui.toml), but still written
    // in every language so that packs and translations that carry it keep loading.
    "quick_exit_label",
    "signs_title",
    "signs_message",
    "help_now_label",
    "unsure_title",
    "unsure_message",
    "no_signs_title",
    "no_signs_message",
    "quiz_title",
    "quiz_intro",
    "quiz_true",
    "quiz_false",
    "key_true",
    "key_false",
    "quiz_right",
    "quiz_wrong",
    "quiz_it_is_true",
    "quiz_it_is_false",
    "quiz_score",
    "quiz_best",
    "quiz_new_best",
    "quiz_no_best",
];

/// The risk levels, as named in `[level.*]`.
pub(crate) const LEVELS: &[&str] = &["low", "medium", "high"];

/// The flag found from phone numbers rather than from words.
pub(crate) const ONLY_MOBILE: &str = "only-mobile";
/// The flag found from pay amounts as well as from words.
pub(crate) const HIGH_SALARY: &str = "high-salary";
/// The flag that, with a high amount, says the work is unskilled.
pub(crate) const NO_EXPERIENCE: &str = "no-experience";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScreeningFile {
    pub offer: OfferDef,
    pub flag: Vec<FlagDef>,
    pub analyzer: AnalyzerDef,
    pub self_check: SelfCheckDef,
    pub quiz: QuizDef,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OfferDef {
    pub medium_from: u32,
    pub high_from: u32,
    pub unknown_percent: u32,
    pub articles: Vec<String>,
    pub contacts: Vec<String>,
    pub question: Vec<OfferQuestionDef>,
}

/// Which answer to a job-offer question is the warning sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Risky {
    Yes,
    No,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OfferQuestionDef {
    pub id: String,
    pub risky: Risky,
    pub weight: u32,
    #[serde(default)]
    pub articles: Vec<String>,
    #[serde(default)]
    pub contacts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FlagDef {
    pub id: String,
    pub question: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnalyzerDef {
    pub phone_regions: Vec<String>,
    pub high_monthly_pay: BTreeMap<String, f64>,
    pub per_month: PerMonth,
}

/// How many of each period make a month.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PerMonth {
    pub hour: f64,
    pub day: f64,
    pub week: f64,
    pub month: f64,
    pub year: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SelfCheckDef {
    pub contacts: Vec<String>,
    pub articles: Vec<String>,
    pub question: Vec<IdDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IdDef {
    pub id: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuizDef {
    pub statement: Vec<StatementDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatementDef {
    pub id: String,
    #[serde(rename = "true")]
    pub is_true: bool,
    pub article: String,
}

/// `<lang>/screening.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScreeningTexts {
    pub strings: BTreeMap<String, String>,
    pub level: BTreeMap<String, LevelText>,
    pub question: BTreeMap<String, QuestionText>,
    pub flag: BTreeMap<String, FlagText>,
    pub self_check: BTreeMap<String, SelfCheckText>,
    pub quiz: BTreeMap<String, StatementText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LevelText {
    pub title: String,
    pub advice: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionText {
    pub text: String,
    pub why: String,
    pub reason: String,
    pub unknown: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FlagText {
    pub title: String,
    pub explanation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SelfCheckText {
    pub text: String,
    pub sign: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatementText {
    pub statement: String,
    pub explanation: String,
}

/// The screening content of a pack: the structure and the compiled patterns of every language.
#[derive(Debug)]
pub(crate) struct Screening {
    pub def: ScreeningFile,
    pub patterns: Vec<PatternSet>,
}

impl Screening {
    /// Takes the parsed structure and compiles every pattern file (`patterns/<lang>.toml` or
    /// `.json`) among `files`.
    pub(crate) fn load<F: super::format::SourceFormat>(
        def: ScreeningFile,
        files: &[(&str, &str)],
    ) -> std::result::Result<Self, String> {
        let mut patterns = Vec::new();
        let extension = format!(".{}", F::EXTENSION);
        let pattern_files = files
            .iter()
            .filter(|(p, _)| p.starts_with("patterns/") && p.ends_with(&extension));
        for (path, text) in pattern_files {
            let file: PatternFile = F::parse(text).map_err(|e| format!("{path}: {e}"))?;
            patterns.push(PatternSet::compile(file).map_err(|e| format!("{path}: {e}"))?);
        }
        if patterns.is_empty() {
            return Err("patterns/: no pattern file".into());
        }
        Ok(Self { def, patterns })
    }

    pub(crate) fn question(&self, id: &str) -> Option<&OfferQuestionDef> {
        self.def.offer.question.iter().find(|q| q.id == id)
    }

    /// Checks ids, links and numbers; `articles` and `contacts` are the pack's ids.
    pub(crate) fn check(
        &self,
        articles: &HashSet<String>,
        contacts: &HashSet<String>,
        texts: &BTreeMap<String, &ScreeningTexts>,
    ) -> std::result::Result<(), String> {
        let def = &self.def;
        let err = |what: String| Err(format!("screening.toml: {what}"));
        let questions = unique("question", def.offer.question.iter().map(|q| &q.id))?;
        let flags = unique("flag", def.flag.iter().map(|f| &f.id))?;
        let checks = unique(
            "self-check question",
            def.self_check.question.iter().map(|q| &q.id),
        )?;
        let statements = unique("quiz statement", def.quiz.statement.iter().map(|s| &s.id))?;
        if def.offer.medium_from == 0 || def.offer.medium_from >= def.offer.high_from {
            return err("offer: expected 0 < medium_from < high_from".into());
        }
        if def.offer.unknown_percent > 100 {
            return err("offer: unknown_percent is above 100".into());
        }
        let mut linked: Vec<(String, &str, &str)> = Vec::new();
        for id in &def.offer.articles {
            linked.push(("offer".into(), "article", id));
        }
        for id in &def.offer.contacts {
            linked.push(("offer".into(), "contact", id));
        }
        for q in &def.offer.question {
            if q.weight == 0 {
                return err(format!("question {} has weight 0", q.id));
            }
            for id in &q.articles {
                linked.push((format!("question {}", q.id), "article", id));
            }
            for id in &q.contacts {
                linked.push((format!("question {}", q.id), "contact", id));
            }
        }
        for id in &def.self_check.articles {
            linked.push(("self_check".into(), "article", id));
        }
        for id in &def.self_check.contacts {
            linked.push(("self_check".into(), "contact", id));
        }
        for s in &def.quiz.statement {
            linked.push((format!("quiz statement {}", s.id), "article", &s.article));
        }
        for (place, kind, id) in linked {
            let known = if kind == "article" {
                articles
            } else {
                contacts
            };
            if !known.contains(id) {
                return err(format!("{place} links to unknown {kind} {id}"));
            }
        }
        for flag in &def.flag {
            if !questions.contains(&flag.question) {
                return err(format!(
                    "flag {} answers unknown question {}",
                    flag.id, flag.question
                ));
            }
        }
        if !flags.contains(ONLY_MOBILE) || !flags.contains(HIGH_SALARY) {
            return err(format!(
                "the flags {ONLY_MOBILE} and {HIGH_SALARY} are needed"
            ));
        }
        for region in &def.analyzer.phone_regions {
            // Only the code's form is checked at load: asking PHONE_NUMBER_UTIL whether it has the
            // region would decode every region's metadata (over 4 MB of heap) at each launch,
            // before any number is parsed. The content tests check the shipped regions' metadata.
            if region.parse::<rlibphonenumber::Region>().is_err() {
                return err(format!("analyzer: unknown phone region {region}"));
            }
        }
        let per = &def.analyzer.per_month;
        if [per.hour, per.day, per.week, per.month, per.year]
            .iter()
            .any(|f| !(f.is_finite() && *f > 0.0))
        {
            return err("analyzer.per_month: every factor must be above 0".into());
        }
        for set in &self.patterns {
            let path = format!("patterns/{}.toml", set.language);
            for id in set.flag_ids() {
                if !flags.contains(id) || id == ONLY_MOBILE {
                    return Err(format!("{path}: patterns for unknown flag {id}"));
                }
            }
            for flag in flags.iter().filter(|f| *f != ONLY_MOBILE) {
                if !set.has_flag(flag) {
                    return Err(format!("{path}: no patterns for flag {flag}"));
                }
            }
            for currency in set.currencies() {
                if !def.analyzer.high_monthly_pay.contains_key(currency) {
                    return Err(format!(
                        "{path}: currency {currency} has no high_monthly_pay in screening.toml"
                    ));
                }
            }
        }
        let levels: HashSet<String> = LEVELS.iter().map(|l| l.to_string()).collect();
        let keys: HashSet<String> = STRING_KEYS.iter().map(|k| k.to_string()).collect();
        for (code, t) in texts {
            let extra = |kind: &str, known: &HashSet<String>, ids: Vec<&String>| match ids
                .into_iter()
                .find(|id| !known.contains(*id))
            {
                Some(id) => Err(format!(
                    "{code}/screening.toml: text for unknown {kind} {id}"
                )),
                None => Ok(()),
            };
            extra("string", &keys, t.strings.keys().collect())?;
            extra("level", &levels, t.level.keys().collect())?;
            extra("question", &questions, t.question.keys().collect())?;
            extra("flag", &flags, t.flag.keys().collect())?;
            extra(
                "self-check question",
                &checks,
                t.self_check.keys().collect(),
            )?;
            extra("quiz statement", &statements, t.quiz.keys().collect())?;
        }
        Ok(())
    }
}

fn unique<'a>(
    kind: &str,
    ids: impl Iterator<Item = &'a String>,
) -> std::result::Result<HashSet<String>, String> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id.clone()) {
            return Err(format!("screening.toml: {kind} {id} appears twice"));
        }
    }
    if seen.is_empty() {
        return Err(format!("screening.toml: no {kind}"));
    }
    Ok(seen)
}
