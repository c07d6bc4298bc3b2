//! Phone numbers in an ad, found and classified by libphonenumber (mobile, landline, ...):
//! an ad that gives only mobile numbers has no office anyone can check.

use rlibphonenumber::phonenumber_matcher::{Leniency, PHONE_MATCHER_FACTORY};
use rlibphonenumber::{PhoneNumberFormat, PhoneNumberType, Region};
use serde::Serialize;

use crate::words::patterns::CharSpan;

/// What kind of line a phone number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    /// A mobile number.
    Mobile,
    /// A landline (fixed-line) number, such as an office's.
    Landline,
    /// A number that may be either (the numbering plan does not tell, as in the USA).
    MobileOrLandline,
    /// A toll-free number.
    TollFree,
    /// Any other kind (premium rate, VoIP, personal numbers, ...).
    Other,
}

/// A phone number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundPhone {
    pub span: CharSpan,
    pub e164: String,
    pub kind: PhoneKind,
}

/// Every valid phone number in `text`. Numbers without a country code are read as numbers of
/// `regions`, in order (the content names them).
pub(crate) fn find(text: &str, regions: &[String]) -> Vec<FoundPhone> {
    let regions: Vec<Region> = regions.iter().filter_map(|r| r.parse().ok()).collect();
    let mut found: Vec<FoundPhone> = Vec::new();
    // Each region reads the text once; a number found already (the same place) is kept as first
    // read. The fallible matcher is used so bad metadata can never panic across the FFI.
    for region in &regions {
        let matcher = PHONE_MATCHER_FACTORY
            .matcher_builder(text)
            .leniency(Leniency::Valid)
            .preferred_region(*region)
            .build_fallible();
        for m in matcher.flatten() {
            let start = text[..m.start].chars().count();
            let span = (start, start + m.raw_string.chars().count());
            if found.iter().any(|f| overlaps(f.span, span)) {
                continue;
            }
            let kind = match m.number.get_type() {
                PhoneNumberType::Mobile => PhoneKind::Mobile,
                PhoneNumberType::FixedLine => PhoneKind::Landline,
                PhoneNumberType::FixedLineOrMobile => PhoneKind::MobileOrLandline,
                PhoneNumberType::TollFree => PhoneKind::TollFree,
                _ => PhoneKind::Other,
            };
            let e164 = m.number.format_as(PhoneNumberFormat::E164).into_owned();
            found.push(FoundPhone { span, e164, kind });
        }
    }
    found.sort_by_key(|f| f.span);
    found
}

fn overlaps(a: CharSpan, b: CharSpan) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, PhoneKind)> {
        find(text, &["RU".into(), "GB".into()])
            .into_iter()
            .map(|f| (f.e164, f.kind))
            .collect()
    }

    #[test]
    fn tells_mobile_from_landline_in_any_usual_writing() {
        assert_eq!(
            kinds("Звоните +7 916 234-56-78 или 8 (495) 123-45-67"),
            [
                ("+79162345678".into(), PhoneKind::Mobile),
                ("+74951234567".into(), PhoneKind::Landline)
            ]
        );
        assert_eq!(
            kinds("Тел 89161112233"),
            [("+79161112233".into(), PhoneKind::Mobile)]
        );
        assert_eq!(
            kinds("Text 07911 123456, office 0113 392 6000"),
            [
                ("+447911123456".into(), PhoneKind::Mobile),
                ("+441133926000".into(), PhoneKind::Landline)
            ]
        );
        assert_eq!(
            kinds("Тел. 8 800 555-35-35 (бесплатно)"),
            [("+78005553535".into(), PhoneKind::TollFree)]
        );
    }

    #[test]
    fn spans_are_character_offsets() {
        let text = "Жильё есть. Тел. +7 916 234-56-78";
        let found = find(text, &["RU".into()]);
        let chars: Vec<char> = text.chars().collect();
        let (s, e) = found[0].span;
        assert_eq!(chars[s..e].iter().collect::<String>(), "+7 916 234-56-78");
    }

    #[test]
    fn years_prices_and_ages_are_not_numbers() {
        assert!(kinds("с 2013 года, 18-25 лет, 300 000 рублей, 08:30-18:30").is_empty());
    }
}
