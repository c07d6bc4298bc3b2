//! The ad-text analyzer: every red flag the content's patterns find in an ad, with the places
//! in the text that triggered it. Every language's patterns read every ad, so an English ad
//! with a Russian phrase, or the other way round, is still read in full.

use std::collections::BTreeMap;

use super::phones::{self, FoundPhone, PhoneKind};
use super::salary;
use crate::content::screening::{HIGH_SALARY, NO_EXPERIENCE, ONLY_MOBILE, Screening};
use crate::words::patterns::CharSpan;
use crate::words::text::Tokens;

/// One red flag found, with every place in the text that shows it (character offsets, sorted,
/// overlapping places merged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub flag: String,
    pub spans: Vec<CharSpan>,
}

/// What the analyzer found in one text.
#[derive(Debug)]
pub(crate) struct Analysis {
    /// In the order of the flags in the content.
    pub findings: Vec<Finding>,
    pub phones: Vec<FoundPhone>,
    pub tokens: Tokens,
}

pub(crate) fn analyze(screening: &Screening, text: &str) -> Analysis {
    let tokens = Tokens::new(text);
    let mut found: BTreeMap<&str, Vec<CharSpan>> = BTreeMap::new();
    let mut unskilled = false;
    let mut pay = Vec::new();
    for set in &screening.patterns {
        let stemmed = set.stem(&tokens);
        for flag in &screening.def.flag {
            let spans = set.flag_spans(&flag.id, &stemmed);
            if !spans.is_empty() {
                found.entry(&flag.id).or_default().extend(spans);
            }
        }
        unskilled |= set.names_unskilled_work(&stemmed);
        pay.extend(salary::high_pay(set, &stemmed, &screening.def.analyzer));
    }
    // Pay is only "too high" for work that needs no skill: a well-paid engineer is no red flag.
    if !pay.is_empty() && (unskilled || found.contains_key(NO_EXPERIENCE)) {
        found.entry(HIGH_SALARY).or_default().extend(pay);
    }
    let phones = phones::find(text, &screening.def.analyzer.phone_regions);
    if !phones.is_empty() && phones.iter().all(|p| p.kind == PhoneKind::Mobile) {
        found
            .entry(ONLY_MOBILE)
            .or_default()
            .extend(phones.iter().map(|p| p.span));
    }
    let findings = screening
        .def
        .flag
        .iter()
        .filter_map(|flag| {
            found.remove(flag.id.as_str()).map(|spans| Finding {
                flag: flag.id.clone(),
                spans: merge(spans),
            })
        })
        .collect();
    Analysis {
        findings,
        phones,
        tokens,
    }
}

/// Sorts spans and merges those that overlap or touch.
fn merge(mut spans: Vec<CharSpan>) -> Vec<CharSpan> {
    spans.sort_unstable();
    let mut merged: Vec<CharSpan> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_spans_are_merged() {
        assert_eq!(
            merge(vec![(5, 9), (0, 3), (2, 4), (9, 12)]),
            [(0, 4), (5, 12)]
        );
    }
}
