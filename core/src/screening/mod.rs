//! The screening tools: the job-offer check (questionnaire.rs, offer.rs, store.rs) with the
//! ad-text analyzer (analyzer.rs over the tokenizer and patterns of ../words, salary.rs,
//! phones.rs), the "am I being exploited?" check (self_check.rs) and the myths and facts quiz
//! (quiz.rs), with the answers they share (answer.rs) and their texts and links (words.rs).
//! Questions, weights, patterns and every word are content (`screening.toml`,
//! `<lang>/screening.toml`, `patterns/<lang>.toml`).

mod analyzer;
mod answer;
pub(crate) mod offer;
pub(crate) mod offer_form;
mod phones;
mod questionnaire;
pub(crate) mod quiz;
mod salary;
pub(crate) mod self_check;
mod store;
#[cfg(test)]
mod tests;
mod words;

pub use answer::{Answer, AnswerOption, RiskLevel};
pub use offer::{
    AD_TEXT_MAX_CHARS, AdAnalysisView, AdFlagView, AdPhoneView, OFFER_NOTES_MAX_CHARS,
    OFFER_TEXT_MAX_CHARS, OFFERS_MAX, OfferAnswer, OfferCheckView, OfferFieldLabels, OfferInput,
    OfferListView, OfferQuestionView, OfferReasonView, OfferResultView, OfferSummary, TextSpan,
};
pub use offer_form::{OfferField, OfferFieldError, OfferSaved};
pub use phones::PhoneKind;
pub use quiz::{
    QuizAnswer, QuizFeedbackView, QuizOption, QuizResultView, QuizScore, QuizStatementView,
    QuizView,
};
pub use self_check::{
    SelfCheckAnswer, SelfCheckOutcome, SelfCheckQuestionView, SelfCheckResultView, SelfCheckView,
};
pub use words::LinkView;
