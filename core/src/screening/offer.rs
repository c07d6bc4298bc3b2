//! The job-offer check as screens: the questionnaire with its result, saved offers, and the
//! ad-text analyzer's findings, which answer the questions the ad already answers.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::Serialize;

use super::analyzer::{self, Analysis};
use super::answer::{Answer, AnswerOption, RiskLevel};
use super::phones::PhoneKind;
use super::questionnaire::{self, Assessment};
use super::store::{self, OfferFields, StoredOffer};
use super::words::{LinkView, Words};
use crate::content::Pack;
use crate::content::screening::Risky;
use crate::error::{Error, Result, reason};
use crate::profile::{Prefs, Profile};

/// The longest offer title, employer or country, in characters.
pub const OFFER_TEXT_MAX_CHARS: u32 = 120;
/// The longest notes on an offer, in characters.
pub const OFFER_NOTES_MAX_CHARS: u32 = 2000;
/// The longest ad text the analyzer reads, in characters.
pub const AD_TEXT_MAX_CHARS: u32 = 20_000;
/// The most offers a profile keeps.
pub const OFFERS_MAX: u32 = 500;

/// What the person filled in about an offer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OfferInput {
    /// The job title; must not be blank.
    pub title: String,
    /// The agency or employer; may be blank.
    pub employer: String,
    /// The country of the job, as the person writes it; may be blank.
    pub country: String,
    /// Anything else; may be several lines.
    pub notes: String,
    /// The answers given, at most one per question; unanswered questions are left out.
    pub answers: Vec<OfferAnswer>,
    /// The text of the ad, if the person pasted it: the analyzer answers the questions it can
    /// that the person left unanswered. The text itself is not stored.
    pub ad_text: Option<String>,
}

/// An answer to one job-offer question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferAnswer {
    /// The question's id.
    pub question_id: String,
    /// The answer.
    pub answer: Answer,
}

/// The job-offer check screen: the form, the questions and the result so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferCheckView {
    /// The saved offer's id; None for an offer not saved yet.
    pub id: Option<i64>,
    /// The screen title.
    pub title: String,
    /// One or two sentences on how to use the check.
    pub intro: String,
    /// The labels of the four fields.
    pub field_labels: OfferFieldLabels,
    /// The job title as entered.
    pub offer_title: String,
    /// The agency or employer as entered.
    pub employer: String,
    /// The country as entered.
    pub country: String,
    /// The notes as entered.
    pub notes: String,
    /// Label for a question's `why`.
    pub why_label: String,
    /// The answer buttons, the same for every question.
    pub answer_options: Vec<AnswerOption>,
    /// Every question, in order, with its answer if given.
    pub questions: Vec<OfferQuestionView>,
    /// E.g. "5 of 15 questions answered".
    pub answered_label: String,
    /// The result of the answers given so far.
    pub result: OfferResultView,
    /// When the offer was last saved.
    #[serde(with = "crate::time_json::option")]
    pub checked_at: Option<SystemTime>,
    /// E.g. "Checked 3 Mar 2026, 14:05", in the person's zone.
    pub checked_label: Option<String>,
}

/// The labels of the offer's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferFieldLabels {
    /// "Job title".
    pub title: String,
    /// "Agency or employer".
    pub employer: String,
    /// "Country".
    pub country: String,
    /// "Notes".
    pub notes: String,
}

/// One question of the job-offer check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferQuestionView {
    /// Stable id, used in [`OfferAnswer`].
    pub id: String,
    /// Position, from 1.
    pub number: u32,
    /// The question.
    pub text: String,
    /// Why it matters.
    pub why: String,
    /// The answer given, if any.
    pub answer: Option<Answer>,
    /// True when the answer came from the ad's text, not from the person.
    pub from_ad: bool,
}

/// The risk level with every reason and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferResultView {
    /// The level.
    pub level: RiskLevel,
    /// The level in words, e.g. "Some warning signs".
    pub level_title: String,
    /// "What to do".
    pub advice_label: String,
    /// What to do at this level.
    pub advice: String,
    /// "Warning signs".
    pub reasons_label: String,
    /// Every warning sign in the answers, in question order.
    pub reasons: Vec<OfferReasonView>,
    /// "Find out before you go".
    pub unknowns_label: String,
    /// Every question answered "don't know", as what to find out.
    pub unknowns: Vec<OfferReasonView>,
    /// "Read more".
    pub read_more_label: String,
    /// Articles and contacts to go on to: those of every reason, then the general ones.
    pub links: Vec<LinkView>,
}

/// One reason in a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferReasonView {
    /// The question it comes from.
    pub question_id: String,
    /// The reason, or what to find out.
    pub text: String,
    /// "from the ad's text" when the analyzer gave this answer, else None.
    pub from_ad_label: Option<String>,
    /// Articles and contacts about it.
    pub links: Vec<LinkView>,
}

/// The list of saved offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferListView {
    /// The screen title.
    pub title: String,
    /// Shown when there are no offers.
    pub empty_label: String,
    /// The offers, most recently checked first.
    pub offers: Vec<OfferSummary>,
}

/// One saved offer in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferSummary {
    /// Its id, to open or delete it.
    pub id: i64,
    /// The job title.
    pub title: String,
    /// The agency or employer.
    pub employer: String,
    /// The country.
    pub country: String,
    /// Its risk level.
    pub level: RiskLevel,
    /// The level in words.
    pub level_title: String,
    /// When it was last checked.
    #[serde(serialize_with = "rfc3339")]
    pub checked_at: SystemTime,
    /// E.g. "Checked 3 Mar 2026, 14:05".
    pub checked_label: String,
}

/// What the analyzer found in an ad's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct AdAnalysisView {
    /// The screen title.
    pub title: String,
    /// How to use it.
    pub intro: String,
    /// "Warning signs found: 3", or that none were found and what that does not prove.
    pub summary: String,
    /// Every red flag found, most serious first.
    pub flags: Vec<AdFlagView>,
    /// "Phone numbers in the ad".
    pub phones_label: String,
    /// Every phone number found, in text order.
    pub phones: Vec<AdPhoneView>,
    /// The job-offer answers the text gives, to fill in the questionnaire.
    pub answers: Vec<OfferAnswer>,
}

/// One red flag in an ad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct AdFlagView {
    /// The flag's id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Why it is a red flag.
    pub explanation: String,
    /// Every place in the text that shows it.
    pub spans: Vec<TextSpan>,
    /// The job-offer question it answers.
    pub question_id: String,
}

/// A place in the analysed text. Offsets count characters (Unicode scalar values, as Rust's
/// `chars()` and Swift's `unicodeScalars`), not bytes and not UTF-16 units: a Kotlin shell
/// converts with `String.offsetByCodePoints`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TextSpan {
    /// First character, from 0.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// The text of the span, so a shell can show it without counting.
    pub text: String,
}

/// A phone number found in an ad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct AdPhoneView {
    /// Where it is in the text.
    pub span: TextSpan,
    /// The number in E.164 form.
    pub e164: String,
    /// Mobile, landline, ...
    pub kind: PhoneKind,
    /// The kind in words.
    pub kind_label: String,
}

/// A blank job-offer check.
pub(crate) fn offer_check_new(profile: &Profile) -> Result<OfferCheckView> {
    let prefs = profile.prefs();
    offer_view(&prefs, None, &blank_fields(), &BTreeMap::new(), None)
}

/// The check with these answers, scored but not saved (to update the result as the person answers).
pub(crate) fn offer_check_preview(profile: &Profile, input: OfferInput) -> Result<OfferCheckView> {
    let prefs = profile.prefs();
    let (fields, answers) = read_input(profile, &input)?;
    offer_view(&prefs, None, &fields.owned(), &answers, None)
}

/// Saves a new offer (`id` None) or replaces a saved one's fields and answers, as checked at `now`.
pub(crate) fn offer_save(
    profile: &Profile,
    id: Option<i64>,
    input: OfferInput,
    now: SystemTime,
) -> Result<OfferCheckView> {
    let (fields, answers) = read_input(profile, &input)?;
    let id = profile.db.write(|tx| {
        let id = match id {
            None => {
                if store::offer_count(tx)? >= OFFERS_MAX {
                    return Err(Error::invalid_with(
                        "id",
                        reason::OFFERS_FULL,
                        &[("max", OFFERS_MAX.to_string())],
                    ));
                }
                store::insert_offer(tx, &fields, now)?
            }
            Some(id) => {
                if !store::update_offer(tx, id, &fields, now)? {
                    return Err(Error::not_found("offer", id.to_string()));
                }
                id
            }
        };
        store::set_answers(tx, id, &answers)?;
        Ok(id)
    })?;
    offer_by_id(profile, id)
}

/// A saved offer with its result.
pub(crate) fn offer_check(profile: &Profile, id: i64) -> Result<OfferCheckView> {
    offer_by_id(profile, id)
}

/// Every saved offer, most recently checked first.
pub(crate) fn offers(profile: &Profile) -> Result<OfferListView> {
    offer_list(profile)
}

/// Deletes a saved offer and its answers.
pub(crate) fn offer_delete(profile: &Profile, id: i64) -> Result<OfferListView> {
    profile.db.write(|tx| {
        if store::delete_offer(tx, id)? {
            Ok(())
        } else {
            Err(Error::not_found("offer", id.to_string()))
        }
    })?;
    offer_list(profile)
}

/// Reads a job ad's text (Russian or English, any case, typos and all) and lists every red flag in
/// it with the places that show it.
pub(crate) fn analyze_ad(profile: &Profile, text: String) -> Result<AdAnalysisView> {
    let text = check_ad_text(&text)?;
    let prefs = profile.prefs();
    let words = Words::new(&prefs);
    let analysis = analyzer::analyze(&prefs.pack.screening, text);
    let span = |(start, end): (usize, usize)| TextSpan {
        start: start as u32,
        end: end as u32,
        text: analysis.tokens.slice(start, end),
    };
    let mut flags = Vec::new();
    for finding in &analysis.findings {
        let text = words.get("flag", &finding.flag, |t| t.flag.get(&finding.flag))?;
        flags.push(AdFlagView {
            id: finding.flag.clone(),
            title: text.title.clone(),
            explanation: text.explanation.clone(),
            spans: finding.spans.iter().map(|s| span(*s)).collect(),
            question_id: flag_question(&prefs.pack, &finding.flag)?.to_owned(),
        });
    }
    let phones = analysis
        .phones
        .iter()
        .map(|p| AdPhoneView {
            span: span(p.span),
            e164: p.e164.clone(),
            kind: p.kind,
            kind_label: words.s(match p.kind {
                PhoneKind::Mobile => "phone_mobile",
                PhoneKind::Landline => "phone_landline",
                PhoneKind::MobileOrLandline => "phone_mobile_or_landline",
                PhoneKind::TollFree => "phone_toll_free",
                PhoneKind::Other => "phone_other",
            }),
        })
        .collect();
    let summary = if flags.is_empty() {
        words.s("analyzer_none")
    } else {
        words.format("analyzer_found", &[("count", &flags.len().to_string())])
    };
    let answers = ad_answers(&prefs.pack, &analysis)?
        .into_iter()
        .map(|(question_id, answer)| OfferAnswer {
            question_id,
            answer,
        })
        .collect();
    Ok(AdAnalysisView {
        title: words.s("analyzer_title"),
        intro: words.s("analyzer_intro"),
        summary,
        flags,
        phones_label: words.s("phones_label"),
        phones,
        answers,
    })
}

/// Owned copies of the fields, for views of offers not saved.
struct Fields {
    title: String,
    employer: String,
    country: String,
    notes: String,
}

fn blank_fields() -> Fields {
    Fields {
        title: String::new(),
        employer: String::new(),
        country: String::new(),
        notes: String::new(),
    }
}

impl OfferFields<'_> {
    fn owned(&self) -> Fields {
        Fields {
            title: self.title.to_owned(),
            employer: self.employer.to_owned(),
            country: self.country.to_owned(),
            notes: self.notes.to_owned(),
        }
    }
}

type Answers = BTreeMap<String, (Answer, bool)>;

/// Validates the input and merges the person's answers with the ad's (the person's win).
fn read_input<'i>(profile: &Profile, input: &'i OfferInput) -> Result<(OfferFields<'i>, Answers)> {
    let pack = profile.pack();
    let title = single_line("title", &input.title, OFFER_TEXT_MAX_CHARS)?;
    if title.is_empty() {
        return Err(Error::invalid("title", reason::BLANK));
    }
    let fields = OfferFields {
        title,
        employer: single_line("employer", &input.employer, OFFER_TEXT_MAX_CHARS)?,
        country: single_line("country", &input.country, OFFER_TEXT_MAX_CHARS)?,
        notes: notes(&input.notes)?,
    };
    let mut answers = Answers::new();
    for given in &input.answers {
        if pack.screening.question(&given.question_id).is_none() {
            return Err(Error::invalid_with(
                "answers",
                reason::UNKNOWN_QUESTION,
                &[("id", given.question_id.clone())],
            ));
        }
        if answers
            .insert(given.question_id.clone(), (given.answer, false))
            .is_some()
        {
            return Err(Error::invalid_with(
                "answers",
                reason::QUESTION_TWICE,
                &[("id", given.question_id.clone())],
            ));
        }
    }
    if let Some(ad) = &input.ad_text {
        let analysis = analyzer::analyze(&pack.screening, check_ad_text(ad)?);
        for (question, answer) in ad_answers(&pack, &analysis)? {
            answers.entry(question).or_insert((answer, true));
        }
    }
    Ok((fields, answers))
}

/// The answer each finding gives: its question's warning sign.
fn ad_answers(pack: &Pack, analysis: &Analysis) -> Result<Vec<(String, Answer)>> {
    let mut out: Vec<(String, Answer)> = Vec::new();
    for finding in &analysis.findings {
        let question = flag_question(pack, &finding.flag)?;
        let def = pack
            .screening
            .question(question)
            .ok_or_else(|| Error::Content(format!("unknown question {question}")))?;
        let answer = match def.risky {
            Risky::Yes => Answer::Yes,
            Risky::No => Answer::No,
        };
        if !out.iter().any(|(q, _)| q == question) {
            out.push((question.to_owned(), answer));
        }
    }
    Ok(out)
}

fn flag_question<'p>(pack: &'p Pack, flag: &str) -> Result<&'p str> {
    pack.screening
        .def
        .flag
        .iter()
        .find(|f| f.id == flag)
        .map(|f| f.question.as_str())
        .ok_or_else(|| Error::Content(format!("unknown flag {flag}")))
}

fn offer_by_id(profile: &Profile, id: i64) -> Result<OfferCheckView> {
    let stored = profile
        .db
        .read(|conn| store::offer(conn, id))?
        .ok_or_else(|| Error::not_found("offer", id.to_string()))?;
    let prefs = profile.prefs();
    let fields = Fields {
        title: stored.title,
        employer: stored.employer,
        country: stored.country,
        notes: stored.notes,
    };
    offer_view(
        &prefs,
        Some(stored.id),
        &fields,
        &stored.answers,
        Some(stored.checked_at),
    )
}

fn offer_list(profile: &Profile) -> Result<OfferListView> {
    let prefs = profile.prefs();
    let words = Words::new(&prefs);
    let ui = prefs.ui();
    let stored: Vec<StoredOffer> = profile.db.read(store::offers)?;
    let mut offers = Vec::with_capacity(stored.len());
    for offer in stored {
        let assessment = assess(&prefs, &offer.answers);
        offers.push(OfferSummary {
            id: offer.id,
            level: assessment.level,
            level_title: level_text(&words, assessment.level)?.title.clone(),
            checked_label: words.format(
                "checked_at",
                &[("when", &ui.date_time(offer.checked_at, &prefs.zone))],
            ),
            checked_at: offer.checked_at,
            title: offer.title,
            employer: offer.employer,
            country: offer.country,
        });
    }
    Ok(OfferListView {
        title: words.s("offers_title"),
        empty_label: words.s("offers_empty"),
        offers,
    })
}

fn assess(prefs: &Prefs, answers: &Answers) -> Assessment {
    let plain = answers
        .iter()
        .map(|(id, (answer, _))| (id.clone(), *answer))
        .collect();
    questionnaire::assess(&prefs.pack.screening.def.offer, &plain)
}

fn level_text<'w>(
    words: &Words<'w>,
    level: RiskLevel,
) -> Result<&'w crate::content::screening::LevelText> {
    let key = match level {
        RiskLevel::Low => "low",
        RiskLevel::Medium => "medium",
        RiskLevel::High => "high",
    };
    words.get("level", key, |t| t.level.get(key))
}

fn offer_view(
    prefs: &Prefs,
    id: Option<i64>,
    fields: &Fields,
    answers: &Answers,
    checked_at: Option<SystemTime>,
) -> Result<OfferCheckView> {
    let words = Words::new(prefs);
    let def = &prefs.pack.screening.def.offer;
    let mut questions = Vec::with_capacity(def.question.len());
    for q in &def.question {
        let text = words.get("question", &q.id, |t| t.question.get(&q.id))?;
        let given = answers.get(&q.id);
        questions.push(OfferQuestionView {
            id: q.id.clone(),
            number: questions.len() as u32 + 1,
            text: text.text.clone(),
            why: text.why.clone(),
            answer: given.map(|(a, _)| *a),
            from_ad: given.is_some_and(|(_, from_ad)| *from_ad),
        });
    }
    let assessment = assess(prefs, answers);
    let reason = |id: &String, unknown: bool| -> Result<OfferReasonView> {
        let q = prefs
            .pack
            .screening
            .question(id)
            .ok_or_else(|| Error::Content(format!("unknown question {id}")))?;
        let text = words.get("question", id, |t| t.question.get(id))?;
        let from_ad = answers.get(id).is_some_and(|(_, from_ad)| *from_ad);
        Ok(OfferReasonView {
            question_id: id.clone(),
            text: if unknown { &text.unknown } else { &text.reason }.clone(),
            from_ad_label: from_ad.then(|| words.s("from_ad")),
            links: words.links(&q.articles, &q.contacts)?,
        })
    };
    let reasons = assessment
        .reasons
        .iter()
        .map(|id| reason(id, false))
        .collect::<Result<Vec<_>>>()?;
    let unknowns = assessment
        .unknowns
        .iter()
        .map(|id| reason(id, true))
        .collect::<Result<Vec<_>>>()?;
    let mut links: Vec<LinkView> = Vec::new();
    for link in reasons
        .iter()
        .flat_map(|r| r.links.iter().cloned())
        .chain(words.links(&def.articles, &def.contacts)?)
    {
        if !links.contains(&link) {
            links.push(link);
        }
    }
    let level = level_text(&words, assessment.level)?;
    let ui = prefs.ui();
    Ok(OfferCheckView {
        id,
        title: words.s("offer_title"),
        intro: words.s("offer_intro"),
        field_labels: OfferFieldLabels {
            title: words.s("field_title"),
            employer: words.s("field_employer"),
            country: words.s("field_country"),
            notes: words.s("field_notes"),
        },
        offer_title: fields.title.clone(),
        employer: fields.employer.clone(),
        country: fields.country.clone(),
        notes: fields.notes.clone(),
        why_label: words.s("label_why"),
        answer_options: words.answer_options("answer_dont_know"),
        answered_label: words.format(
            "answered",
            &[
                ("answered", &assessment.answered.to_string()),
                ("total", &questions.len().to_string()),
            ],
        ),
        questions,
        result: OfferResultView {
            level: assessment.level,
            level_title: level.title.clone(),
            advice_label: words.s("advice_label"),
            advice: level.advice.clone(),
            reasons_label: words.s("reasons_label"),
            reasons,
            unknowns_label: words.s("unknowns_label"),
            unknowns,
            read_more_label: words.s("read_more_label"),
            links,
        },
        checked_label: checked_at
            .map(|at| words.format("checked_at", &[("when", &ui.date_time(at, &prefs.zone))])),
        checked_at,
    })
}

fn rfc3339<S: serde::Serializer>(at: &SystemTime, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&crate::time_json::rfc3339(*at))
}

/// Every problem with the offer's typed fields (title, employer, country, notes, ad text), each
/// checked on its own; the answers come from the form's own buttons and are checked on saving.
pub(crate) fn field_problems(input: &OfferInput) -> Vec<Error> {
    let mut problems = Vec::new();
    match single_line("title", &input.title, OFFER_TEXT_MAX_CHARS) {
        Ok("") => problems.push(Error::invalid("title", reason::BLANK)),
        Ok(_) => {}
        Err(problem) => problems.push(problem),
    }
    for (field, value) in [("employer", &input.employer), ("country", &input.country)] {
        problems.extend(single_line(field, value, OFFER_TEXT_MAX_CHARS).err());
    }
    problems.extend(notes(&input.notes).err());
    if let Some(ad) = &input.ad_text {
        problems.extend(check_ad_text(ad).err());
    }
    problems
}

/// Trims a one-line field and checks its length and that it has no control characters.
fn single_line<'a>(field: &str, value: &'a str, max: u32) -> Result<&'a str> {
    let value = value.trim();
    if value.chars().count() > max as usize {
        return Err(Error::invalid_with(
            field,
            reason::TOO_LONG,
            &[("max", max.to_string())],
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, reason::SINGLE_LINE));
    }
    Ok(value)
}

fn notes(value: &str) -> Result<&str> {
    let value = value.trim();
    if value.chars().count() > OFFER_NOTES_MAX_CHARS as usize {
        return Err(Error::invalid_with(
            "notes",
            reason::TOO_LONG,
            &[("max", OFFER_NOTES_MAX_CHARS.to_string())],
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Error::invalid("notes", reason::NO_CONTROL_CHARACTERS));
    }
    Ok(value)
}

fn check_ad_text(text: &str) -> Result<&str> {
    if text.trim().is_empty() {
        return Err(Error::invalid("text", reason::BLANK));
    }
    if text.chars().count() > AD_TEXT_MAX_CHARS as usize {
        return Err(Error::invalid_with(
            "text",
            reason::TOO_LONG,
            &[("max", AD_TEXT_MAX_CHARS.to_string())],
        ));
    }
    Ok(text)
}
