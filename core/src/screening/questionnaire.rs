//! The job-offer check's scoring: which answers are warning signs, which are gaps to fill, and
//! the risk level they add up to. Weights and thresholds are content.

use std::collections::BTreeMap;

use super::answer::{Answer, RiskLevel};
use crate::content::screening::{OfferDef, Risky};

/// The result of a set of answers, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Assessment {
    pub level: RiskLevel,
    /// Questions answered with their warning sign, in question order.
    pub reasons: Vec<String>,
    /// Questions answered "don't know", in question order.
    pub unknowns: Vec<String>,
    pub answered: u32,
}

/// Scores the answers. Warning signs add their weight; "don't know" adds a share of it, but
/// gaps alone never make the risk high: not knowing is a reason to ask, not proof of a trap.
pub(crate) fn assess(def: &OfferDef, answers: &BTreeMap<String, Answer>) -> Assessment {
    let mut risky = 0;
    let mut unknown = 0;
    let mut reasons = Vec::new();
    let mut unknowns = Vec::new();
    let mut answered = 0;
    for question in &def.question {
        let Some(answer) = answers.get(&question.id) else {
            continue;
        };
        answered += 1;
        let warning = matches!(
            (answer, question.risky),
            (Answer::Yes, Risky::Yes) | (Answer::No, Risky::No)
        );
        if warning {
            risky += question.weight * 100;
            reasons.push(question.id.clone());
        } else if *answer == Answer::DontKnow {
            unknown += question.weight * def.unknown_percent;
            unknowns.push(question.id.clone());
        }
    }
    let level = if risky >= def.high_from * 100 {
        RiskLevel::High
    } else if risky + unknown >= def.medium_from * 100 {
        RiskLevel::Medium
    } else {
        RiskLevel::Low
    };
    Assessment {
        level,
        reasons,
        unknowns,
        answered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::default_pack;

    fn assess_with(answers: &[(&str, Answer)]) -> Assessment {
        let pack = default_pack().unwrap();
        let answers = answers.iter().map(|(id, a)| (id.to_string(), *a)).collect();
        assess(&pack.screening.def.offer, &answers)
    }

    #[test]
    fn no_answers_is_low_with_nothing_listed() {
        let result = assess_with(&[]);
        assert_eq!(result.level, RiskLevel::Low);
        assert!(result.reasons.is_empty() && result.unknowns.is_empty());
        assert_eq!(result.answered, 0);
    }

    #[test]
    fn one_serious_sign_alone_makes_the_risk_high() {
        for id in ["tourist-visa", "documents-kept", "no-work-permit"] {
            let result = assess_with(&[(id, Answer::Yes), ("licence", Answer::Yes)]);
            assert_eq!(result.level, RiskLevel::High, "{id}");
            assert_eq!(result.reasons, [id]);
        }
    }

    #[test]
    fn a_no_is_the_warning_sign_where_the_question_asks_for_something_good() {
        let result = assess_with(&[("licence", Answer::No)]);
        assert_eq!(result.level, RiskLevel::Medium);
        assert_eq!(result.reasons, ["licence"]);
        assert_eq!(
            assess_with(&[("licence", Answer::Yes)]).level,
            RiskLevel::Low
        );
    }

    #[test]
    fn small_signs_add_up() {
        let one = assess_with(&[("only-mobile", Answer::Yes)]);
        assert_eq!(one.level, RiskLevel::Low);
        assert_eq!(one.reasons, ["only-mobile"]);
        let three = assess_with(&[
            ("only-mobile", Answer::Yes),
            ("no-experience", Answer::Yes),
            ("costs-paid", Answer::Yes),
        ]);
        assert_eq!(three.level, RiskLevel::Medium);
    }

    #[test]
    fn not_knowing_everything_is_medium_never_high() {
        let pack = default_pack().unwrap();
        let all: Vec<(&str, Answer)> = pack
            .screening
            .def
            .offer
            .question
            .iter()
            .map(|q| (q.id.as_str(), Answer::DontKnow))
            .collect();
        let result = assess_with(&all);
        assert_eq!(result.level, RiskLevel::Medium);
        assert_eq!(result.unknowns.len(), all.len());
        assert!(result.reasons.is_empty());
    }
}
