//! Waymark's core: every rule, all storage, the content and the view models, exposed to the
//! shells through UniFFI. See `core/src/README.md` for a map of the modules and the rule their
//! imports follow.

uniffi::setup_scaffolding!();

mod action;
mod api;
mod calculator;
mod checkins;
mod checklist;
mod contacts;
mod content;
mod error;
mod forms;
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
mod guide;
mod home;
mod lock;
mod packs;
mod profile;
mod qr;
mod screening;
mod search;
mod settings;
mod shell_texts;
mod speech;
mod storage;
mod time_json;
mod waymark;
mod words;
mod zone;

pub use action::{Action, action_from_token, action_token};
pub use api::waymark::{EraseOutcome, erase_unopenable_profile, profile_at_rest};
pub use calculator::{
    CalculatorKey, CalculatorOperator, CalculatorOutcome, CalculatorState, CalculatorStep,
    calculator_press, calculator_start,
};
pub use checkins::{
    AlertKind, AlertUrgency, AlertWarning, CHECKIN_CODE_PLACEHOLDER, CHECKIN_MESSAGE_MAX_CHARS,
    CalendarDay, ChangePinsField, ChangePinsFieldError, ChangePinsInput, ChangePinsSaved,
    CheckinCadence, CheckinHistoryEntry, CheckinHistoryKind, CheckinHistoryView,
    CheckinMessageChoice, CheckinMessageOption, CheckinMessageView, CheckinPinsField,
    CheckinPinsFieldError, CheckinPinsInput, CheckinPinsSaved, CheckinReceipt, CheckinSchedule,
    CheckinView, DRAFT_GRACE_MINUTES, DRAFT_WINDOW_MINUTES, DayOfWeek, DayOption, EscalationStep,
    FactLine, FamilyHistoryEntry, FamilyHistoryView, FamilyListView, FamilyTravellerView,
    NotificationPlan, PLAN_NAME_MAX_CHARS, PLAN_TEXT_MAX_CHARS, PlanChangeView, PlanExport,
    PlannedAlert, QR_BYTE_BUDGET, SIGNAL_PHRASE_MAX_CHARS, SharedTextView, SlotStatus, SlotView,
    TestAlarmState, TestAlarmView, TripChange, TripChangeOption, TripPlan, TripPlanField,
    TripPlanFieldError, TripPlanForm, TripPlanInput, TripPlanSaved, VerificationOutcome,
    VerificationView, WatchedTravellerSummary, ZoneOption, calendar_day, calendar_day_text,
    trip_day_end, trip_day_of, trip_day_start,
};
pub use checklist::{
    ChecklistItemView, ChecklistProgress, ChecklistView, OWN_ITEM_MAX_CHARS, OWN_ITEMS_MAX,
};
pub use contacts::{
    ContactAction, CountryOption, EmergencyLine, EmergencyNumbersView, EmergencyService,
    HelpNowView, HelpStep, HelpStepKind, OWN_CONTACT_NAME_MAX_CHARS, OWN_CONTACT_NOTES_MAX_CHARS,
    OWN_CONTACTS_MAX, OpeningView, OwnContactField, OwnContactFieldError, OwnContactInput,
    OwnContactKind, OwnContactKindOption, OwnContactSaved, OwnContactView, OwnContactsView,
    Reachability,
};
pub use contacts::{ContactLabels, ContactRef, ContactView, PhoneView};
/// For core/benches/calls.rs only.
#[doc(hidden)]
pub use content::bench_load_default_pack;
pub use content::pack_file::{
    CONTENT_PACK_MAX_BYTES, PackManifest, PackOptions, PackSigningKey, build_pack,
};
pub use content::{Block, CalloutTone, RichText, Span};
pub use error::{PackRejection, WaymarkError};
pub use guide::{ArticleSummary, ArticleView, GuideSection, GuideView};
pub use home::{HomeCheckin, HomeView, HotlineLine, MenuEntry, NextStep};
pub use lock::{DisguiseView, LockView, ShellPlatform};
pub use packs::{ContentInfo, ContentPackView, ContentSource, content_pack_max_bytes};
pub use profile::PackProblem;
pub use qr::{QR_FRAME_MAX_PIXELS, QR_QUIET_ZONE_MODULES, QrCode, qr_code, read_qr_code};
pub use screening::{
    AD_TEXT_MAX_CHARS, AdAnalysisView, AdFlagView, AdPhoneView, Answer, AnswerOption, LinkView,
    OFFER_NOTES_MAX_CHARS, OFFER_TEXT_MAX_CHARS, OFFERS_MAX, OfferAnswer, OfferCheckView,
    OfferField, OfferFieldError, OfferFieldLabels, OfferInput, OfferListView, OfferQuestionView,
    OfferReasonView, OfferResultView, OfferSaved, OfferSummary, PhoneKind, QuizAnswer,
    QuizFeedbackView, QuizOption, QuizResultView, QuizScore, QuizStatementView, QuizView,
    RiskLevel, SelfCheckAnswer, SelfCheckOutcome, SelfCheckQuestionView, SelfCheckResultView,
    SelfCheckView, TextSpan,
};
/// For core/benches/search.rs only.
#[doc(hidden)]
pub use search::bench as search_bench;
pub use search::{
    QUERY_MAX_CHARS, SEARCH_RESULTS_MAX, SearchKind, SearchResult, SearchView, TextPart,
};
pub use settings::{LanguageInfo, supported_languages};
pub use shell_texts::{
    AlertChannel, LockedAlertText, ShellTexts, locked_alert_text, shell_texts_without_profile,
};
pub use speech::SpeakableText;
pub use storage::{ProfileAtRest, integrity_check};
pub use time_json::rfc3339;
pub use waymark::{Waymark, WaymarkOptions};
