//! "Am I being exploited?": questions about the ways traffickers control people. Any sign leads
//! straight to help now. The wording never blames, the screen always offers a quick exit, and
//! nothing is stored (see store.rs).

use serde::Serialize;

use super::answer::{Answer, AnswerOption};
use super::words::{LinkView, Words};
use crate::action::Action;
use crate::error::{Error, Result, reason};
use crate::profile::Profile;

/// The self-check screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SelfCheckView {
    /// The screen title.
    pub title: String,
    /// Says the questions are about what happens to the person, and that nothing is saved.
    pub intro: String,
    /// The questions, in order.
    pub questions: Vec<SelfCheckQuestionView>,
    /// The answer buttons ("Yes", "No", "Not sure").
    pub answer_options: Vec<AnswerOption>,
    /// Leave the screen at once; always shown.
    pub quick_exit: LinkView,
}

/// One self-check question; "yes" is always the sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SelfCheckQuestionView {
    /// Stable id.
    pub id: String,
    /// Position, from 1.
    pub number: u32,
    /// The question.
    pub text: String,
}

/// An answer to a self-check question.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SelfCheckAnswer {
    /// The question's id.
    pub question_id: String,
    /// The answer.
    pub answer: Answer,
}

/// What the answers show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SelfCheckOutcome {
    /// At least one sign of control: go to help now.
    Signs,
    /// No sign, but some answers were "not sure".
    Unsure,
    /// No sign.
    NoSigns,
}

/// The self-check's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SelfCheckResultView {
    /// What the answers show.
    pub outcome: SelfCheckOutcome,
    /// The headline.
    pub title: String,
    /// What it means and what to do, without blame.
    pub message: String,
    /// Each sign, in the person's situation's words ("Your documents are being kept from you").
    pub signs: Vec<String>,
    /// The help-now route, first and largest, when there is any sign.
    pub help_now: Option<LinkView>,
    /// Contacts to call.
    pub contacts: Vec<LinkView>,
    /// Articles to read.
    pub articles: Vec<LinkView>,
    /// Leave the screen at once; always shown.
    pub quick_exit: LinkView,
}

/// The self-check's questions.
pub(crate) fn self_check(profile: &Profile) -> Result<SelfCheckView> {
    let prefs = profile.prefs();
    let words = Words::new(&prefs);
    let mut questions = Vec::new();
    for q in &prefs.pack.screening.def.self_check.question {
        let text = words.get("self-check question", &q.id, |t| t.self_check.get(&q.id))?;
        questions.push(SelfCheckQuestionView {
            id: q.id.clone(),
            number: questions.len() as u32 + 1,
            text: text.text.clone(),
        });
    }
    Ok(SelfCheckView {
        title: words.s("self_check_title"),
        intro: words.s("self_check_intro"),
        questions,
        answer_options: words.answer_options("self_check_not_sure"),
        quick_exit: words.quick_exit(),
    })
}

/// The result of the answers given; unanswered questions count as no sign.
pub(crate) fn self_check_result(
    profile: &Profile,
    answers: Vec<SelfCheckAnswer>,
) -> Result<SelfCheckResultView> {
    let pack = profile.pack();
    let def = &pack.screening.def.self_check;
    for (i, given) in answers.iter().enumerate() {
        if !def.question.iter().any(|q| q.id == given.question_id) {
            return Err(Error::invalid_with(
                "answers",
                reason::UNKNOWN_QUESTION,
                &[("id", given.question_id.clone())],
            ));
        }
        if answers[..i]
            .iter()
            .any(|a| a.question_id == given.question_id)
        {
            return Err(Error::invalid_with(
                "answers",
                reason::QUESTION_TWICE,
                &[("id", given.question_id.clone())],
            ));
        }
    }
    let prefs = profile.prefs();
    let words = Words::new(&prefs);
    let answer_to = |id: &str| {
        answers
            .iter()
            .find(|a| a.question_id == id)
            .map(|a| a.answer)
    };
    let mut signs = Vec::new();
    let mut unsure = false;
    // In the content's order, whatever order the answers came in.
    for q in &def.question {
        match answer_to(&q.id) {
            Some(Answer::Yes) => {
                let text = words.get("self-check question", &q.id, |t| t.self_check.get(&q.id))?;
                signs.push(text.sign.clone());
            }
            Some(Answer::DontKnow) => unsure = true,
            _ => {}
        }
    }
    let outcome = if !signs.is_empty() {
        SelfCheckOutcome::Signs
    } else if unsure {
        SelfCheckOutcome::Unsure
    } else {
        SelfCheckOutcome::NoSigns
    };
    let (title, message) = match outcome {
        SelfCheckOutcome::Signs => ("signs_title", "signs_message"),
        SelfCheckOutcome::Unsure => ("unsure_title", "unsure_message"),
        SelfCheckOutcome::NoSigns => ("no_signs_title", "no_signs_message"),
    };
    let none: [String; 0] = [];
    Ok(SelfCheckResultView {
        outcome,
        title: words.s(title),
        message: words.s(message),
        signs,
        help_now: (outcome == SelfCheckOutcome::Signs).then(|| LinkView {
            label: words.s("help_now_label"),
            action: Action::OpenHelpNow,
        }),
        contacts: words.links(&none, &def.contacts)?,
        articles: words.links(&def.articles, &none)?,
        quick_exit: words.quick_exit(),
    })
}
