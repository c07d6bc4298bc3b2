//! The answers the screening tools take, and the risk level a job offer gets.

use serde::Serialize;

/// An answer to a yes/no question, where not knowing is an answer too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Don't know (or not sure).
    DontKnow,
}

/// How risky a job offer looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// Few or no warning signs.
    Low,
    /// Some warning signs, or much still unknown.
    Medium,
    /// Serious warning signs: the offer looks like a trap.
    High,
}

/// One answer button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct AnswerOption {
    /// The answer it gives.
    pub answer: Answer,
    /// Its label, e.g. "Don't know".
    pub label: String,
    /// A short key a keyboard shell accepts for it, e.g. "y" or "д".
    pub key: String,
}
