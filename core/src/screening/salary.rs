//! Pay amounts in an ad: a number with a currency, maybe "thousand" and a period ("$25 per
//! hour", "300 000 рублей в месяц"), converted to a month and compared with the content's
//! threshold for that currency.

use crate::content::screening::AnalyzerDef;
use crate::words::patterns::{CharSpan, PatternSet, Period, Stemmed};
use crate::words::text::Kind;

/// How far after an amount its period may be named ("£28,407 - £34,581 per year").
const PERIOD_REACH: usize = 6;

/// Every amount in the text that comes to at least the monthly threshold of its currency.
pub(crate) fn high_pay(set: &PatternSet, text: &Stemmed<'_>, def: &AnalyzerDef) -> Vec<CharSpan> {
    let tokens = &text.tokens.tokens;
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind != Kind::Number {
            i += 1;
            continue;
        }
        let start_number = i;
        let (value, number_end) = read_number(text, i);
        i = number_end + 1;
        let (value, last) = match set.thousand_at(text, number_end + 1) {
            Some(end) => (value * 1000.0, end),
            None => (value, number_end),
        };
        let before = start_number
            .checked_sub(1)
            .filter(|b| tokens[*b].sentence == tokens[start_number].sentence)
            .and_then(|b| set.currency_at(text, b).map(|(code, _)| (code, b)));
        let after = set.currency_at(text, last + 1);
        let (currency, mut first, mut end) = match (before, after) {
            (Some((code, b)), _) => (code, b, last),
            (None, Some((code, e))) => (code, start_number, e),
            (None, None) => continue,
        };
        let Some(threshold) = def.high_monthly_pay.get(currency) else {
            continue;
        };
        let sentence = tokens[start_number].sentence;
        // Uzbek names the period first ("kuniga 100$": a day, 100 dollars): a period word just
        // before the amount counts when none follows it.
        let mut period = first
            .checked_sub(1)
            .filter(|k| tokens[*k].sentence == sentence)
            .and_then(|k| set.period_at(text, k).filter(|(_, e)| *e + 1 == first))
            .map_or(Period::Month, |(found, _)| found);
        for k in end + 1..=end + PERIOD_REACH {
            if tokens.get(k).is_none_or(|t| t.sentence != sentence) {
                break;
            }
            if let Some((found, e)) = set.period_at(text, k) {
                period = found;
                end = e;
                break;
            }
        }
        let per = &def.per_month;
        let factor = match period {
            Period::Hour => per.hour,
            Period::Day => per.day,
            Period::Week => per.week,
            Period::Month => per.month,
            Period::Year => per.year,
        };
        if value * factor >= *threshold {
            first = first.min(start_number);
            spans.push((tokens[first].start, tokens[end].end));
        }
    }
    spans
}

/// Reads the number starting at token `i`, joining groups of thousands ("2 800", "28,407") and
/// taking two digits after a point or comma as cents. Returns the value and its last token.
fn read_number(text: &Stemmed<'_>, i: usize) -> (f64, usize) {
    let tokens = &text.tokens.tokens;
    let digits = |j: usize| tokens[j].norm.parse::<f64>().unwrap_or(0.0);
    let mut value = digits(i);
    let mut last = i;
    while let Some(next) = tokens.get(last + 1) {
        if next.kind != Kind::Number {
            break;
        }
        let between = text.tokens.between(last + 1);
        let [sep] = between else { break };
        let grouping = matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.' | '\'');
        match next.norm.len() {
            3 if grouping => {
                value = value * 1000.0 + digits(last + 1);
                last += 1;
            }
            2 if matches!(sep, '.' | ',') => {
                value += digits(last + 1) / 100.0;
                last += 1;
                break;
            }
            _ => break,
        }
    }
    (value, last)
}
