//! The myths and facts quiz: true-or-false statements, the explanation after each answer, a
//! score, and the best score kept in the profile.

use std::time::SystemTime;

use serde::Serialize;

use super::store;
use super::words::{LinkView, Words};
use crate::error::{Error, Result, reason};
use crate::profile::Profile;

/// The quiz's id in the profile, where its best score is kept.
const QUIZ_ID: &str = "myths-and-facts";

/// The quiz screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct QuizView {
    /// The screen title.
    pub title: String,
    /// How to play.
    pub intro: String,
    /// The statements, in order.
    pub statements: Vec<QuizStatementView>,
    /// The two answer buttons.
    pub options: Vec<QuizOption>,
    /// The best score so far, if the quiz was ever finished.
    pub best: Option<QuizScore>,
    /// E.g. "Your best: 9 of 11", or "No score yet".
    pub best_label: String,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct QuizStatementView {
    /// Stable id.
    pub id: String,
    /// Position, from 1.
    pub number: u32,
    /// The statement to judge.
    pub statement: String,
}

/// An answer button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct QuizOption {
    /// True for "True", false for "False" (a myth).
    pub value: bool,
    /// Its label.
    pub label: String,
    /// A short key a keyboard shell accepts for it.
    pub key: String,
}

/// A score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct QuizScore {
    /// Right answers.
    pub score: u32,
    /// Statements.
    pub total: u32,
}

/// What to show after one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct QuizFeedbackView {
    /// The statement answered.
    pub statement_id: String,
    /// Whether the answer was right.
    pub correct: bool,
    /// "Right." or "Not quite."
    pub verdict: String,
    /// "This is true." or "This is a myth."
    pub truth: String,
    /// Why.
    pub explanation: String,
    /// The guide article about it.
    pub read_more: LinkView,
}

/// One answer, given at the end.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QuizAnswer {
    /// The statement's id.
    pub statement_id: String,
    /// The answer: true for "True".
    pub answer: bool,
}

/// The end of the quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct QuizResultView {
    /// This time's score.
    pub score: QuizScore,
    /// E.g. "You got 9 of 11 right."
    pub score_label: String,
    /// The best score, this one included.
    pub best: QuizScore,
    /// E.g. "Your best: 10 of 11".
    pub best_label: String,
    /// True when this score beat every earlier one (or is the first).
    pub is_new_best: bool,
    /// Said when it is a new best.
    pub new_best_label: Option<String>,
}

/// The quiz, with the best score so far.
pub(crate) fn quiz(profile: &Profile) -> Result<QuizView> {
    let prefs = profile.prefs();
    let words = Words::new(&prefs);
    let mut statements = Vec::new();
    for s in &prefs.pack.screening.def.quiz.statement {
        let text = words.get("quiz statement", &s.id, |t| t.quiz.get(&s.id))?;
        statements.push(QuizStatementView {
            id: s.id.clone(),
            number: statements.len() as u32 + 1,
            statement: text.statement.clone(),
        });
    }
    let best = profile
        .db
        .read(|conn| store::quiz_best(conn, QUIZ_ID))?
        .map(|(score, total)| QuizScore { score, total });
    Ok(QuizView {
        title: words.s("quiz_title"),
        intro: words.s("quiz_intro"),
        statements,
        options: vec![
            QuizOption {
                value: true,
                label: words.s("quiz_true"),
                key: words.s("key_true"),
            },
            QuizOption {
                value: false,
                label: words.s("quiz_false"),
                key: words.s("key_false"),
            },
        ],
        best_label: best_label(&words, best),
        best,
    })
}

/// Judges one answer and explains the statement.
pub(crate) fn quiz_answer(
    profile: &Profile,
    statement_id: String,
    answer: bool,
) -> Result<QuizFeedbackView> {
    let prefs = profile.prefs();
    let def = prefs
        .pack
        .screening
        .def
        .quiz
        .statement
        .iter()
        .find(|s| s.id == statement_id)
        .ok_or_else(|| Error::not_found("quiz statement", statement_id.as_str()))?;
    let words = Words::new(&prefs);
    let text = words.get("quiz statement", &def.id, |t| t.quiz.get(&def.id))?;
    let correct = answer == def.is_true;
    Ok(QuizFeedbackView {
        statement_id,
        correct,
        verdict: words.s(if correct { "quiz_right" } else { "quiz_wrong" }),
        truth: words.s(if def.is_true {
            "quiz_it_is_true"
        } else {
            "quiz_it_is_false"
        }),
        explanation: text.explanation.clone(),
        read_more: words.article(&def.article)?,
    })
}

/// Scores a finished quiz (every statement answered once) and keeps the best score.
pub(crate) fn quiz_finish(
    profile: &Profile,
    answers: Vec<QuizAnswer>,
    now: SystemTime,
) -> Result<QuizResultView> {
    let pack = profile.pack();
    let statements = &pack.screening.def.quiz.statement;
    let mut score = 0;
    for s in statements {
        let given: Vec<&QuizAnswer> = answers.iter().filter(|a| a.statement_id == s.id).collect();
        match given.as_slice() {
            [one] => score += u32::from(one.answer == s.is_true),
            [] => {
                return Err(Error::invalid_with(
                    "answers",
                    reason::STATEMENT_UNANSWERED,
                    &[("id", s.id.clone())],
                ));
            }
            _ => {
                return Err(Error::invalid_with(
                    "answers",
                    reason::STATEMENT_TWICE,
                    &[("id", s.id.clone())],
                ));
            }
        }
    }
    if let Some(unknown) = answers
        .iter()
        .find(|a| !statements.iter().any(|s| s.id == a.statement_id))
    {
        return Err(Error::invalid_with(
            "answers",
            reason::UNKNOWN_STATEMENT,
            &[("id", unknown.statement_id.clone())],
        ));
    }
    let total = statements.len() as u32;
    let (is_new_best, best) = profile.db.write(|tx| -> Result<_> {
        let new = store::record_quiz_score(tx, QUIZ_ID, score, total, now)?;
        let best = store::quiz_best(tx, QUIZ_ID)?.unwrap_or((score, total));
        Ok((new, best))
    })?;
    let prefs = profile.prefs();
    let words = Words::new(&prefs);
    let best = QuizScore {
        score: best.0,
        total: best.1,
    };
    Ok(QuizResultView {
        score: QuizScore { score, total },
        score_label: words.format(
            "quiz_score",
            &[("score", &score.to_string()), ("total", &total.to_string())],
        ),
        best_label: best_label(&words, Some(best)),
        best,
        is_new_best,
        new_best_label: is_new_best.then(|| words.s("quiz_new_best")),
    })
}

fn best_label(words: &Words<'_>, best: Option<QuizScore>) -> String {
    match best {
        Some(best) => words.format(
            "quiz_best",
            &[
                ("best", &best.score.to_string()),
                ("total", &best.total.to_string()),
            ],
        ),
        None => words.s("quiz_no_best"),
    }
}
