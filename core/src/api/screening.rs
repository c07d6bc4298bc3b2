//! The screening tools' calls: the job-offer check and the ad analyzer, the myths quiz and the
//! self-check.

use std::time::SystemTime;

use crate::error::WaymarkError;
use crate::screening::{
    AdAnalysisView, OfferCheckView, OfferInput, OfferListView, OfferSaved, QuizAnswer,
    QuizFeedbackView, QuizResultView, QuizView, SelfCheckAnswer, SelfCheckResultView,
    SelfCheckView, offer, offer_form, quiz, self_check,
};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// A blank job-offer check.
    pub fn offer_check_new(&self) -> Result<OfferCheckView, WaymarkError> {
        self.call(|| offer::offer_check_new(self.profile()))
    }

    /// The check with these answers, scored but not saved (to update the result as the person
    /// answers).
    pub fn offer_check_preview(&self, input: OfferInput) -> Result<OfferCheckView, WaymarkError> {
        self.call(|| offer::offer_check_preview(self.profile(), input))
    }

    /// Saves the job-offer form: a new offer (`id` None) or a saved one replaced, as checked at
    /// `now`, when every typed field is right; otherwise nothing changes and every field's
    /// problem comes back in the person's words, in the form's order.
    pub fn save_offer(
        &self,
        id: Option<i64>,
        input: OfferInput,
        now: SystemTime,
    ) -> Result<OfferSaved, WaymarkError> {
        self.call(|| offer_form::save(self.profile(), id, input, now))
    }

    /// Saves a new offer (`id` None) or replaces a saved one's fields and answers, as checked
    /// at `now`.
    pub fn offer_save(
        &self,
        id: Option<i64>,
        input: OfferInput,
        now: SystemTime,
    ) -> Result<OfferCheckView, WaymarkError> {
        self.call(|| offer::offer_save(self.profile(), id, input, now))
    }

    /// A saved offer with its result.
    pub fn offer_check(&self, id: i64) -> Result<OfferCheckView, WaymarkError> {
        self.call(|| offer::offer_check(self.profile(), id))
    }

    /// Every saved offer, most recently checked first.
    pub fn offers(&self) -> Result<OfferListView, WaymarkError> {
        self.call(|| offer::offers(self.profile()))
    }

    /// Deletes a saved offer and its answers.
    pub fn offer_delete(&self, id: i64) -> Result<OfferListView, WaymarkError> {
        self.call(|| offer::offer_delete(self.profile(), id))
    }

    /// Reads a job ad's text (Russian or English, any case, typos and all) and lists every red
    /// flag in it with the places that show it.
    pub fn analyze_ad(&self, text: String) -> Result<AdAnalysisView, WaymarkError> {
        self.call(|| offer::analyze_ad(self.profile(), text))
    }
}

#[uniffi::export]
impl Waymark {
    /// The quiz, with the best score so far.
    pub fn quiz(&self) -> Result<QuizView, WaymarkError> {
        self.call(|| quiz::quiz(self.profile()))
    }

    /// Judges one answer and explains the statement.
    pub fn quiz_answer(
        &self,
        statement_id: String,
        answer: bool,
    ) -> Result<QuizFeedbackView, WaymarkError> {
        self.call(|| quiz::quiz_answer(self.profile(), statement_id, answer))
    }

    /// Scores a finished quiz (every statement answered once) and keeps the best score.
    pub fn quiz_finish(
        &self,
        answers: Vec<QuizAnswer>,
        now: SystemTime,
    ) -> Result<QuizResultView, WaymarkError> {
        self.call(|| quiz::quiz_finish(self.profile(), answers, now))
    }
}

#[uniffi::export]
impl Waymark {
    /// The self-check's questions.
    pub fn self_check(&self) -> Result<SelfCheckView, WaymarkError> {
        self.call(|| self_check::self_check(self.profile()))
    }

    /// The result of the answers given; unanswered questions count as no sign. Nothing is
    /// stored.
    pub fn self_check_result(
        &self,
        answers: Vec<SelfCheckAnswer>,
    ) -> Result<SelfCheckResultView, WaymarkError> {
        self.call(|| self_check::self_check_result(self.profile(), answers))
    }
}
