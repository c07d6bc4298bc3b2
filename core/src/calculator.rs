//! The disguise calculator's engine: the app can look like a calculator, and that calculator
//! must really work, because whoever holds the phone may try it.
//!
//! It is a plain phone calculator with immediate execution: each operator applies to the result
//! so far, left to right, with no precedence (2 + 3 × 4 = 20, as on most simple phone
//! calculators). Numbers are f64, but every result is rounded to the decimal digits its operands
//! can carry (15 significant digits) and shown with at most 10 significant digits, so
//! 0.1 + 0.2 shows 0.3 and 1000000.1 − 1000000 shows 0.1; the integer part is never rounded, and
//! a result of 16 integer digits or more (as a typed entry can hold at most 15 digits) shows
//! "Error", as does a division by zero. No exponent is ever shown: a result smaller than
//! 0.00000000000001 shows 0.
//!
//! Keys, in the person's terms:
//! - `=` repeats the last operation when pressed again (2 + 3 = = shows 8); with an operator and
//!   no second number it uses the shown number (2 + = shows 4).
//! - An operator pressed twice replaces the first; an operator after a result continues from it;
//!   a digit or point after a result starts a new calculation.
//! - Backspace edits the number being typed only (never a result); removing its last digit
//!   leaves 0.
//! - Percent, as on iOS: after + or −, the typed number is that percent of the number before the
//!   operator (200 − 15 % = shows 170: "minus 15 percent"); after × or ÷, and on a number alone,
//!   it is divided by 100 (200 × 15 % = shows 30). A digit typed after % starts a new number.
//! - Negate flips the sign of the number being typed, or of a shown result; it does nothing to a
//!   zero, so "-0" is never shown.
//! - After "Error", operators, `=`, percent and negate do nothing; a digit or point starts over,
//!   Backspace and Clear clear.
//!
//! The PIN: when `=` is pressed and everything typed since the last Clear or result was 4 to 12
//! plain digits (Backspace may correct them; any operator, point, percent or negate rules it
//! out), the step reports those digits, leading zeros kept, as `pin_candidate`. Whether they open
//! the real app is decided elsewhere; this module only computes. The result is still computed
//! as any calculator would (1234 = shows 1234).
//!
//! The state travels through the shell, so it is checked on every key as untrusted input: a
//! field out of its range is dropped or the calculator starts over, and no input panics.

use serde::Serialize;

/// The most digits a typed number may hold; further digits are ignored.
const ENTRY_MAX_DIGITS: usize = 15;
/// The fewest and most digits a PIN candidate has.
const PIN_MIN_DIGITS: usize = 4;
const PIN_MAX_DIGITS: usize = 12;
/// Results at or beyond this size would show 16 integer digits: they show "Error".
const DISPLAY_LIMIT: f64 = 999_999_999_999_999.5;
/// Significant digits shown, unless the integer part has more.
const SHOWN_DIGITS: i32 = 10;
/// Decimals shown at most (so a shown number holds at most 15 digits).
const SHOWN_DECIMALS_MAX: i32 = 14;
/// Significant decimal digits an f64 carries reliably: results are rounded to them.
const KEPT_DIGITS: i32 = 15;
/// What the display shows after a division by zero or an overflow. A fixed ASCII word, as on
/// most calculators; it may become a localised string later.
const ERROR_TEXT: &str = "Error";

/// A key of the disguise calculator, as the person pressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
pub enum CalculatorKey {
    /// A digit key, 0 to 9; any larger value is not a key and does nothing.
    Digit {
        /// The digit, 0 to 9.
        digit: u8,
    },
    /// The decimal point (shown as '.'; the shell may localise it).
    Point,
    /// Plus.
    Add,
    /// Minus.
    Subtract,
    /// Times.
    Multiply,
    /// Divided by.
    Divide,
    /// Equals: shows the result, repeats the last operation when pressed again, and may report
    /// a PIN candidate.
    Equals,
    /// Clears everything (the calculation, the repeat and the typed digits).
    Clear,
    /// Removes the last character of the number being typed.
    Backspace,
    /// Percent: after + or − a percent of the number before the operator, otherwise ÷ 100.
    Percent,
    /// Flips the sign of the number being typed, or of the shown result.
    Negate,
}

/// One of the four operations of the calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
pub enum CalculatorOperator {
    /// Plus.
    Add,
    /// Minus.
    Subtract,
    /// Times.
    Multiply,
    /// Divided by.
    Divide,
}

/// Everything the calculator remembers between keys. The shell keeps it and passes it back with
/// the next key, without reading or changing it; `calculator_start` gives the first one. A state
/// that does not make sense is repaired (or the calculator starts over), never refused.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct CalculatorState {
    /// The result so far (the left side of the pending operation), or the shown result.
    pub accumulator: f64,
    /// The operation waiting for its second number, if any.
    pub operator: Option<CalculatorOperator>,
    /// The number being typed, as typed ("12.50", "-3"); empty when none is being typed.
    pub entry: String,
    /// True when `entry` was computed (by Percent) rather than typed: a digit replaces it.
    pub entry_computed: bool,
    /// True when the display shows a result (after `=`, or Percent or Negate on a result): a
    /// digit starts a new calculation.
    pub shows_result: bool,
    /// True when the display shows "Error": a digit starts over.
    pub error: bool,
    /// The operation `=` repeats when pressed again, if any.
    pub repeat_operator: Option<CalculatorOperator>,
    /// The second number of the operation `=` repeats.
    pub repeat_operand: f64,
    /// The digits typed since the last Clear or result, leading zeros kept, while nothing but
    /// digits (and Backspace) was pressed; None once anything else was.
    pub pin_digits: Option<String>,
}

/// What a key on the disguise's calculator did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CalculatorOutcome {
    /// The calculator's new state and display (never a PIN candidate: the core keeps that).
    pub step: CalculatorStep,
    /// A PIN was typed before `=`: show the app now.
    pub opened: bool,
}

/// What one key press leads to: the state to pass back with the next key, and what to show.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct CalculatorStep {
    /// The state to keep and pass back with the next key.
    pub state: CalculatorState,
    /// The text of the display: a number with '.' as its decimal point and '-' for a negative
    /// number, or "Error".
    pub display: String,
    /// On `=` only: the digits typed since the last Clear or result when they were 4 to 12
    /// plain digits (leading zeros kept), otherwise None. The display still shows their value
    /// as a result; a shell that acts on them should start a fresh state, so the digits do not
    /// stay on the calculator's screen.
    pub pin_candidate: Option<String>,
}

/// A calculator showing 0, as after Clear.
#[uniffi::export]
pub fn calculator_start() -> CalculatorState {
    CalculatorState {
        accumulator: 0.0,
        operator: None,
        entry: String::new(),
        entry_computed: false,
        shows_result: false,
        error: false,
        repeat_operator: None,
        repeat_operand: 0.0,
        pin_digits: Some(String::new()),
    }
}

/// Presses `key` on the calculator in `state` (from `calculator_start` or the previous step):
/// gives the next state, the display, and on `=` the PIN candidate, if any. Never fails: an
/// invalid key does nothing, and a state that does not make sense is repaired first.
#[uniffi::export]
pub fn calculator_press(state: CalculatorState, key: CalculatorKey) -> CalculatorStep {
    press(state, key)
}

pub(crate) fn press(state: CalculatorState, key: CalculatorKey) -> CalculatorStep {
    let mut state = repaired(state);
    let mut pin_candidate = None;
    match key {
        CalculatorKey::Digit { digit } if digit <= 9 => state.digit(digit),
        CalculatorKey::Digit { .. } => {}
        CalculatorKey::Point => state.point(),
        CalculatorKey::Add => state.operator(CalculatorOperator::Add),
        CalculatorKey::Subtract => state.operator(CalculatorOperator::Subtract),
        CalculatorKey::Multiply => state.operator(CalculatorOperator::Multiply),
        CalculatorKey::Divide => state.operator(CalculatorOperator::Divide),
        CalculatorKey::Equals => pin_candidate = state.equals(),
        CalculatorKey::Clear => state = calculator_start(),
        CalculatorKey::Backspace => state.backspace(),
        CalculatorKey::Percent => state.percent(),
        CalculatorKey::Negate => state.negate(),
    }
    let display = state.display();
    CalculatorStep {
        state,
        display,
        pin_candidate,
    }
}

/// The calculator showing "Error".
fn failed() -> CalculatorState {
    CalculatorState {
        error: true,
        pin_digits: None,
        ..calculator_start()
    }
}

/// `state` made sensible: every field within its range and the fields agreeing with each other.
fn repaired(mut state: CalculatorState) -> CalculatorState {
    if state.error {
        return failed();
    }
    if !shown_size(state.accumulator) {
        return calculator_start();
    }
    if state.repeat_operator.is_none() || !shown_size(state.repeat_operand) {
        state.repeat_operator = None;
        state.repeat_operand = 0.0;
    }
    if !is_entry(&state.entry) {
        state.entry.clear();
    }
    if state.entry.is_empty() {
        state.entry_computed = false;
    } else {
        state.shows_result = false;
    }
    if state.operator.is_some() {
        state.shows_result = false;
    }
    let pin_agrees = state.pin_digits.as_deref().is_some_and(|digits| {
        digits.len() <= ENTRY_MAX_DIGITS
            && digits.bytes().all(|b| b.is_ascii_digit())
            && state.operator.is_none()
            && !state.entry_computed
            && (typed_entry(digits) == state.entry || digits.is_empty() && state.entry == "0")
    });
    if !pin_agrees {
        state.pin_digits = None;
    }
    state
}

/// The entry that typing `digits` from nothing leaves: leading zeros dropped, "" for none.
/// (Backspacing the last digit leaves "0", which agrees with no digits too.)
fn typed_entry(digits: &str) -> &str {
    if digits.is_empty() {
        return "";
    }
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

/// True for a number as it may be typed or computed: an optional '-', an integer part without
/// leading zeros, an optional point and decimals, at most `ENTRY_MAX_DIGITS` digits, never a
/// negative zero.
fn is_entry(entry: &str) -> bool {
    let unsigned = entry.strip_prefix('-').unwrap_or(entry);
    let (integer, decimals) = match unsigned.split_once('.') {
        Some((integer, decimals)) => (integer, decimals),
        None => (unsigned, ""),
    };
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !integer.is_empty()
        && digits_only(integer)
        && digits_only(decimals)
        && (integer == "0" || !integer.starts_with('0'))
        && integer.len() + decimals.len() <= ENTRY_MAX_DIGITS
        && !(entry.starts_with('-') && entry_value(entry) == 0.0)
}

/// The value of an entry that `is_entry` accepted.
fn entry_value(entry: &str) -> f64 {
    entry.trim_end_matches('.').parse().unwrap_or(0.0)
}

fn digit_count(entry: &str) -> usize {
    entry.bytes().filter(u8::is_ascii_digit).count()
}

/// True when `x` can be shown: finite and under 16 integer digits once rounded.
fn shown_size(x: f64) -> bool {
    x.is_finite() && x.abs() < DISPLAY_LIMIT
}

/// The decimal exponent of `x`'s first significant digit (0 for 0).
fn exponent(x: f64) -> i32 {
    if x == 0.0 || !x.is_finite() {
        return 0;
    }
    let scientific = format!("{:e}", x.abs());
    scientific
        .rsplit_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0)
}

/// `x` rounded to `decimals` decimal places, through its exact decimal expansion.
fn rounded(x: f64, decimals: i32) -> f64 {
    // Far beyond any shown digit: nothing to round, and the text would be long.
    if !(0..=40).contains(&decimals) {
        return x;
    }
    let r: f64 = format!("{:.*}", decimals as usize, x).parse().unwrap_or(x);
    if r == 0.0 { 0.0 } else { r }
}

/// `a op b`, rounded to the digits its operands carry; None on a division by zero or when the
/// result cannot be shown.
fn apply(a: f64, op: CalculatorOperator, b: f64) -> Option<f64> {
    let result = match op {
        CalculatorOperator::Add => a + b,
        CalculatorOperator::Subtract => a - b,
        CalculatorOperator::Multiply => a * b,
        CalculatorOperator::Divide if b == 0.0 => return None,
        CalculatorOperator::Divide => a / b,
    };
    if !shown_size(result) {
        return None;
    }
    // A sum's error is a unit in the last place of its larger operand (1000000.1 − 1000000 is
    // 0.10000000009 in f64); a product's or quotient's is one of its own.
    let scale = match op {
        CalculatorOperator::Add | CalculatorOperator::Subtract => a.abs().max(b.abs()),
        CalculatorOperator::Multiply | CalculatorOperator::Divide => result,
    };
    let result = rounded(result, KEPT_DIGITS - 1 - exponent(scale));
    shown_size(result).then_some(result)
}

/// `x` as the display shows it: at most 10 significant digits (all of the integer part), at
/// most 14 decimals, trailing zeros and point trimmed, no exponent, never "-0".
fn shown(x: f64) -> String {
    if !shown_size(x) {
        return ERROR_TEXT.to_owned();
    }
    let decimals = (SHOWN_DIGITS - 1 - exponent(x)).clamp(0, SHOWN_DECIMALS_MAX);
    let mut text = format!("{:.*}", decimals as usize, x);
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    if text == "-0" {
        text.remove(0);
    }
    text
}

impl CalculatorState {
    fn display(&self) -> String {
        if self.error {
            ERROR_TEXT.to_owned()
        } else if !self.entry.is_empty() {
            self.entry.clone()
        } else {
            shown(self.accumulator)
        }
    }

    fn fail(&mut self) {
        *self = failed();
    }

    /// Before a digit or point: after a result or an error, a new calculation; after a computed
    /// entry, a new number.
    fn start_number(&mut self) {
        if self.error || self.shows_result {
            *self = calculator_start();
        } else if self.entry_computed {
            self.entry.clear();
            self.entry_computed = false;
        }
    }

    fn digit(&mut self, digit: u8) {
        self.start_number();
        let typed = char::from(b'0' + digit);
        let taken = if self.entry == "0" {
            self.entry = typed.to_string();
            true
        } else if digit_count(&self.entry) < ENTRY_MAX_DIGITS {
            self.entry.push(typed);
            true
        } else {
            false
        };
        self.pin_digits = match self.pin_digits.take() {
            Some(mut digits) if taken && digits.len() < ENTRY_MAX_DIGITS => {
                digits.push(typed);
                Some(digits)
            }
            _ => None,
        };
    }

    fn point(&mut self) {
        self.start_number();
        self.pin_digits = None;
        if self.entry.is_empty() {
            self.entry.push_str("0.");
        } else if !self.entry.contains('.') && digit_count(&self.entry) < ENTRY_MAX_DIGITS {
            self.entry.push('.');
        }
    }

    fn operator(&mut self, op: CalculatorOperator) {
        if self.error {
            return;
        }
        if !self.entry.is_empty() {
            let value = entry_value(&self.entry);
            self.accumulator = match self.operator {
                Some(pending) => match apply(self.accumulator, pending, value) {
                    Some(result) => result,
                    None => return self.fail(),
                },
                None => value,
            };
            self.entry.clear();
            self.entry_computed = false;
        }
        self.operator = Some(op);
        self.shows_result = false;
        self.pin_digits = None;
    }

    /// Shows the result; gives the PIN candidate, if any.
    fn equals(&mut self) -> Option<String> {
        if self.error {
            return None;
        }
        let candidate = self
            .pin_digits
            .take()
            .filter(|digits| (PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&digits.len()));
        let result = if let Some(op) = self.operator {
            let operand = if self.entry.is_empty() {
                self.accumulator
            } else {
                entry_value(&self.entry)
            };
            self.repeat_operator = Some(op);
            self.repeat_operand = operand;
            apply(self.accumulator, op, operand)
        } else if !self.entry.is_empty() {
            Some(entry_value(&self.entry))
        } else if let Some(op) = self.repeat_operator {
            apply(self.accumulator, op, self.repeat_operand)
        } else {
            Some(self.accumulator)
        };
        match result {
            Some(result) => {
                self.accumulator = if result == 0.0 { 0.0 } else { result };
                self.operator = None;
                self.entry.clear();
                self.entry_computed = false;
                self.shows_result = true;
                self.pin_digits = Some(String::new());
            }
            None => self.fail(),
        }
        candidate
    }

    fn backspace(&mut self) {
        if self.error {
            *self = calculator_start();
            return;
        }
        if self.entry.is_empty() || self.entry_computed {
            return;
        }
        self.entry.pop();
        if self.entry.is_empty() || self.entry == "-" {
            self.entry = "0".to_owned();
        }
        if self.entry.starts_with('-') && entry_value(&self.entry) == 0.0 {
            self.entry.remove(0);
        }
        if let Some(digits) = &mut self.pin_digits {
            digits.pop();
        }
    }

    fn percent(&mut self) {
        if self.error {
            return;
        }
        self.pin_digits = None;
        let typed = (!self.entry.is_empty()).then(|| entry_value(&self.entry));
        let percent = match (self.operator, typed) {
            (Some(op), typed) => {
                let value = typed.unwrap_or(self.accumulator);
                let hundredths = apply(value, CalculatorOperator::Divide, 100.0);
                match op {
                    CalculatorOperator::Add | CalculatorOperator::Subtract => hundredths
                        .and_then(|h| apply(self.accumulator, CalculatorOperator::Multiply, h)),
                    CalculatorOperator::Multiply | CalculatorOperator::Divide => hundredths,
                }
            }
            (None, Some(value)) => apply(value, CalculatorOperator::Divide, 100.0),
            (None, None) => {
                match apply(self.accumulator, CalculatorOperator::Divide, 100.0) {
                    Some(result) => {
                        self.accumulator = result;
                        self.shows_result = true;
                    }
                    None => self.fail(),
                }
                return;
            }
        };
        match percent {
            Some(percent) => {
                self.entry = shown(percent);
                self.entry_computed = true;
            }
            None => self.fail(),
        }
    }

    fn negate(&mut self) {
        if self.error {
            return;
        }
        self.pin_digits = None;
        if let Some(positive) = self.entry.strip_prefix('-') {
            self.entry = positive.to_owned();
        } else if !self.entry.is_empty() {
            if entry_value(&self.entry) != 0.0 {
                self.entry.insert(0, '-');
            }
        } else if self.operator.is_none() && self.accumulator != 0.0 {
            self.accumulator = -self.accumulator;
            self.shows_result = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The key for one character of a calculator line: digits, `.`, `+ - * /`, `=`, `C`
    /// (Clear), `<` (Backspace), `%`, `~` (Negate); spaces are skipped.
    fn key(c: char) -> CalculatorKey {
        match c {
            '0'..='9' => CalculatorKey::Digit {
                digit: c as u8 - b'0',
            },
            '.' => CalculatorKey::Point,
            '+' => CalculatorKey::Add,
            '-' => CalculatorKey::Subtract,
            '*' => CalculatorKey::Multiply,
            '/' => CalculatorKey::Divide,
            '=' => CalculatorKey::Equals,
            'C' => CalculatorKey::Clear,
            '<' => CalculatorKey::Backspace,
            '%' => CalculatorKey::Percent,
            '~' => CalculatorKey::Negate,
            other => panic!("no key {other:?}"),
        }
    }

    /// Types `keys` on a fresh calculator; gives the last step.
    fn run(keys: &str) -> CalculatorStep {
        run_from(calculator_start(), keys)
    }

    fn run_from(state: CalculatorState, keys: &str) -> CalculatorStep {
        let mut step = CalculatorStep {
            display: "0".to_owned(),
            state,
            pin_candidate: None,
        };
        for c in keys.chars().filter(|c| *c != ' ') {
            step = press(step.state, key(c));
        }
        step
    }

    fn shows(keys: &str) -> String {
        run(keys).display
    }

    #[test]
    fn a_fresh_calculator_shows_zero() {
        assert_eq!(press(calculator_start(), CalculatorKey::Clear).display, "0");
        assert_eq!(shows(""), "0");
    }

    #[test]
    fn the_four_operations() {
        assert_eq!(shows("2+3="), "5");
        assert_eq!(shows("7-10="), "-3");
        assert_eq!(shows("6*7="), "42");
        assert_eq!(shows("10/4="), "2.5");
        assert_eq!(shows("1/3="), "0.3333333333");
        assert_eq!(shows("2/3="), "0.6666666667");
        assert_eq!(shows("1/3*3="), "1");
    }

    #[test]
    fn decimal_sums_show_what_a_person_expects() {
        assert_eq!(shows("0.1+0.2="), "0.3");
        assert_eq!(shows("1.1*1.1="), "1.21");
        assert_eq!(shows("1000000.1-1000000="), "0.1");
        assert_eq!(shows("0.3-0.1="), "0.2");
        assert_eq!(shows("19.99*3="), "59.97");
        assert_eq!(shows("1.5+1.5="), "3");
        assert_eq!(shows("5-5="), "0");
        assert_eq!(shows("0-0="), "0");
    }

    #[test]
    fn chains_run_left_to_right_without_precedence() {
        assert_eq!(shows("2+3*4="), "20");
        assert_eq!(shows("2+3*"), "5", "an operator shows the result so far");
        assert_eq!(shows("100-10-20-30="), "40");
        assert_eq!(shows("8/2/2="), "2");
    }

    #[test]
    fn an_operator_pressed_twice_replaces_the_first() {
        assert_eq!(shows("5+*3="), "15");
        assert_eq!(shows("5*-+2="), "7");
    }

    #[test]
    fn equals_again_repeats_the_last_operation() {
        assert_eq!(shows("2+3=="), "8");
        assert_eq!(shows("2+3==="), "11");
        assert_eq!(shows("2*3==="), "54");
        assert_eq!(shows("10-1=="), "8");
        assert_eq!(shows("2+="), "4", "no second number: the shown one");
        assert_eq!(shows("5="), "5");
        assert_eq!(shows("5=="), "5");
        assert_eq!(shows("=="), "0");
    }

    #[test]
    fn after_a_result_an_operator_continues_and_a_digit_starts_over() {
        assert_eq!(shows("2+3=*2="), "10");
        assert_eq!(shows("2+3=7"), "7");
        assert_eq!(
            shows("2+3=7="),
            "7",
            "the repeat went with the old calculation"
        );
        assert_eq!(shows("2+3=.5"), "0.5");
    }

    #[test]
    fn division_by_zero_shows_error_and_a_digit_starts_over() {
        assert_eq!(shows("5/0="), "Error");
        assert_eq!(shows("5/0=+"), "Error");
        assert_eq!(shows("5/0=="), "Error");
        assert_eq!(shows("5/0=~%"), "Error");
        assert_eq!(shows("5/0=7"), "7");
        assert_eq!(shows("5/0=7+1="), "8");
        assert_eq!(shows("5/0=."), "0.");
        assert_eq!(shows("5/0=<"), "0");
        assert_eq!(shows("5/0=C"), "0");
        assert_eq!(
            shows("5/0*"),
            "Error",
            "a chain fails as soon as it divides by zero"
        );
        assert_eq!(shows("0/0="), "Error");
    }

    #[test]
    fn too_large_a_result_shows_error() {
        assert_eq!(shows("999999999999999+1="), "Error");
        assert_eq!(shows("999999999999999="), "999999999999999");
        assert_eq!(shows("99999999*99999999="), "Error");
        assert_eq!(shows("99999999*99999999=5"), "5");
        assert_eq!(shows("9999999*9999999="), "99999980000001");
        assert_eq!(shows("123456789012*10="), "1234567890120");
    }

    #[test]
    fn tiny_results_show_without_an_exponent() {
        assert_eq!(shows("1/1000000="), "0.000001");
        assert_eq!(
            shows("1/3000000="),
            "0.00000033333333",
            "14 decimals at most"
        );
        assert_eq!(shows("1/100000000000000="), "0.00000000000001");
        assert_eq!(shows("1/100000000000000/10="), "0", "beyond 14 decimals");
        assert_eq!(shows("1/1000000=*1000000="), "1");
    }

    #[test]
    fn the_entry_shows_as_typed_and_the_result_is_trimmed() {
        assert_eq!(shows("12.50"), "12.50");
        assert_eq!(shows("12.50="), "12.5");
        assert_eq!(shows("."), "0.");
        assert_eq!(shows(".5+.5="), "1");
        assert_eq!(shows("1.2.3"), "1.23", "a second point does nothing");
        assert_eq!(shows("0005"), "5");
        assert_eq!(shows("12."), "12.");
        assert_eq!(shows("12.="), "12");
    }

    #[test]
    fn an_entry_holds_at_most_fifteen_digits() {
        assert_eq!(shows("1234567890123456789"), "123456789012345");
        assert_eq!(shows("1234567890.123456789"), "1234567890.12345");
        assert_eq!(shows("123456789012345."), "123456789012345");
        assert_eq!(shows("123456789012345=+1="), "123456789012346");
        assert_eq!(
            shows("123456789012345="),
            "123456789012345",
            "a lone long number is itself"
        );
        assert_eq!(shows("0.00000000000001="), "0.00000000000001");
    }

    #[test]
    fn backspace_edits_the_entry_only() {
        assert_eq!(shows("123<"), "12");
        assert_eq!(shows("123<<<"), "0");
        assert_eq!(shows("123<<<<"), "0");
        assert_eq!(shows("1.5<"), "1.");
        assert_eq!(shows("1.5<<"), "1");
        assert_eq!(shows("12~<"), "-1");
        assert_eq!(shows("1~<"), "0", "no -0");
        assert_eq!(shows("0.5~<"), "0.", "no -0.");
        assert_eq!(shows("2+3=<"), "5", "a result is not edited");
        assert_eq!(shows("2+<"), "2", "nothing typed after the operator");
        assert_eq!(shows("2+35<="), "5");
        assert_eq!(shows("12<3"), "13");
    }

    #[test]
    fn negate_flips_the_entry_or_the_result() {
        assert_eq!(shows("5~"), "-5");
        assert_eq!(shows("5~~"), "5");
        assert_eq!(shows("5~+3="), "-2");
        assert_eq!(shows("5~3"), "-53");
        assert_eq!(shows("~"), "0", "no -0");
        assert_eq!(shows("0~"), "0");
        assert_eq!(shows("0.~"), "0.");
        assert_eq!(shows("2+3=~"), "-5");
        assert_eq!(
            shows("2+3=~="),
            "-2",
            "the repeat applies to the negated result"
        );
        assert_eq!(shows("2+3=~7"), "7");
        assert_eq!(shows("5+~"), "5", "nothing typed after the operator");
        assert_eq!(shows("5-3~="), "8");
    }

    #[test]
    fn percent_of_the_first_number_after_plus_or_minus_otherwise_hundredths() {
        assert_eq!(shows("200-15%"), "30");
        assert_eq!(shows("200-15%="), "170");
        assert_eq!(shows("200+10%="), "220");
        assert_eq!(shows("200*15%="), "30");
        assert_eq!(shows("200/50%="), "400");
        assert_eq!(shows("50%"), "0.5");
        assert_eq!(shows("50%="), "0.5");
        assert_eq!(shows("50+%"), "25", "nothing typed: the first number");
        assert_eq!(shows("2+3=%"), "0.05");
        assert_eq!(
            shows("200-15%5="),
            "195",
            "a digit replaces the computed number"
        );
        assert_eq!(shows("200-15%<"), "30", "a computed number is not edited");
        assert_eq!(shows("33.3%"), "0.333");
    }

    #[test]
    fn clear_starts_over() {
        assert_eq!(shows("2+3C"), "0");
        assert_eq!(shows("2+3C4="), "4");
        assert_eq!(shows("2+3=C="), "0", "the repeat is cleared too");
    }

    #[test]
    fn invalid_digits_do_nothing() {
        let step = run("12");
        let after = press(step.state.clone(), CalculatorKey::Digit { digit: 10 });
        assert_eq!(after.display, "12");
        assert_eq!(after.state, step.state);
        let after = press(after.state, CalculatorKey::Digit { digit: 255 });
        assert_eq!(after.display, "12");
        assert_eq!(
            run_from(after.state, "34=").pin_candidate.as_deref(),
            Some("1234")
        );
    }

    fn candidate(keys: &str) -> Option<String> {
        run(keys).pin_candidate
    }

    #[test]
    fn four_to_twelve_plain_digits_then_equals_are_a_pin_candidate() {
        let step = run("1234=");
        assert_eq!(step.pin_candidate.as_deref(), Some("1234"));
        assert_eq!(step.display, "1234", "still a working calculator");
        let step = run("0042=");
        assert_eq!(
            step.pin_candidate.as_deref(),
            Some("0042"),
            "leading zeros kept"
        );
        assert_eq!(step.display, "42");
        assert_eq!(candidate("0000=").as_deref(), Some("0000"));
        assert_eq!(candidate("123456789012=").as_deref(), Some("123456789012"));
    }

    #[test]
    fn other_entries_are_not_a_pin_candidate() {
        assert_eq!(candidate("123="), None, "too short");
        assert_eq!(candidate("1234567890123="), None, "13 digits");
        assert_eq!(candidate("12+34="), None);
        assert_eq!(candidate("1.234="), None);
        assert_eq!(candidate("1234.="), None);
        assert_eq!(candidate("1234~="), None);
        assert_eq!(candidate("~1234="), None);
        assert_eq!(candidate("1234%="), None);
        assert_eq!(candidate("+1234="), None);
        assert_eq!(
            candidate("2+3=*1234="),
            None,
            "an operator continues the result"
        );
        assert_eq!(candidate("1234"), None, "only on equals");
        assert_eq!(
            candidate("1234=="),
            None,
            "the second equals has typed nothing"
        );
        assert_eq!(candidate("0000000000000000="), None, "16 zeros");
    }

    #[test]
    fn only_what_was_typed_since_the_last_clear_or_result_counts() {
        assert_eq!(candidate("12+C1234=").as_deref(), Some("1234"));
        assert_eq!(candidate("1.5C1234=").as_deref(), Some("1234"));
        assert_eq!(candidate("12C34="), None, "Clear resets the digits");
        assert_eq!(candidate("2+3=1234=").as_deref(), Some("1234"));
        assert_eq!(candidate("1234=5678=").as_deref(), Some("5678"));
        assert_eq!(candidate("1234=56="), None);
        assert_eq!(
            candidate("5/0=1234=").as_deref(),
            Some("1234"),
            "after an error"
        );
    }

    #[test]
    fn backspace_corrects_a_pin_candidate() {
        assert_eq!(candidate("12355<4=").as_deref(), Some("12354"));
        assert_eq!(candidate("12345<=").as_deref(), Some("1234"));
        assert_eq!(candidate("1234<="), None);
        assert_eq!(candidate("00042<<1234=").as_deref(), Some("0001234"));
        assert_eq!(candidate("1<<<1234=").as_deref(), Some("1234"));
        assert_eq!(
            candidate("1234567890123<=").as_deref(),
            Some("123456789012")
        );
    }

    #[test]
    fn the_digits_leave_the_state_after_equals() {
        let step = run("1234=");
        assert_eq!(step.state.pin_digits.as_deref(), Some(""));
        assert_eq!(step.state.entry, "");
    }

    #[test]
    fn a_nonsense_state_is_repaired() {
        let garbage = CalculatorState {
            accumulator: f64::NAN,
            ..calculator_start()
        };
        assert_eq!(run_from(garbage, "").display, "0");
        let step = press(
            CalculatorState {
                accumulator: f64::INFINITY,
                ..calculator_start()
            },
            CalculatorKey::Equals,
        );
        assert_eq!(step.display, "0");
        let step = press(
            CalculatorState {
                entry: "12abc".into(),
                pin_digits: Some("9999".into()),
                ..calculator_start()
            },
            CalculatorKey::Equals,
        );
        assert_eq!(step.display, "0");
        assert_eq!(step.pin_candidate, None, "digits the entry does not show");
        let step = press(
            CalculatorState {
                entry: "-0".into(),
                ..calculator_start()
            },
            CalculatorKey::Equals,
        );
        assert_eq!(step.display, "0");
        let step = press(
            CalculatorState {
                accumulator: 1e300,
                repeat_operator: Some(CalculatorOperator::Multiply),
                repeat_operand: f64::NAN,
                ..calculator_start()
            },
            CalculatorKey::Equals,
        );
        assert_eq!(step.display, "0");
        let step = press(
            CalculatorState {
                accumulator: 2.0,
                repeat_operator: Some(CalculatorOperator::Multiply),
                repeat_operand: f64::NAN,
                ..calculator_start()
            },
            CalculatorKey::Equals,
        );
        assert_eq!(step.display, "2", "the repeat is dropped");
        let step = press(
            CalculatorState {
                error: true,
                entry: "5".into(),
                ..calculator_start()
            },
            CalculatorKey::Add,
        );
        assert_eq!(step.display, "Error");
    }

    #[test]
    fn a_state_with_the_typed_pin_is_kept() {
        let state = run("0042").state;
        assert_eq!(repaired(state.clone()), state);
        let state = run("12<").state;
        assert_eq!(repaired(state.clone()), state);
    }

    fn any_operator() -> impl Strategy<Value = Option<CalculatorOperator>> {
        prop_oneof![
            Just(None),
            Just(Some(CalculatorOperator::Add)),
            Just(Some(CalculatorOperator::Subtract)),
            Just(Some(CalculatorOperator::Multiply)),
            Just(Some(CalculatorOperator::Divide)),
        ]
    }

    fn any_number() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
            -1e16..1e16f64,
            -10.0..10.0f64,
        ]
    }

    prop_compose! {
        fn any_state()(
            accumulator in any_number(),
            operator in any_operator(),
            entry in prop_oneof!["[-0-9.]{0,20}", ".*"],
            entry_computed in any::<bool>(),
            shows_result in any::<bool>(),
            error in any::<bool>(),
            repeat_operator in any_operator(),
            repeat_operand in any_number(),
            pin_digits in proptest::option::of(prop_oneof!["[0-9]{0,20}", ".*"]),
        ) -> CalculatorState {
            CalculatorState {
                accumulator, operator, entry, entry_computed, shows_result, error,
                repeat_operator, repeat_operand, pin_digits,
            }
        }
    }

    fn any_key() -> impl Strategy<Value = CalculatorKey> {
        prop_oneof![
            4 => any::<u8>().prop_map(|digit| CalculatorKey::Digit { digit }),
            4 => (0u8..10).prop_map(|digit| CalculatorKey::Digit { digit }),
            1 => Just(CalculatorKey::Point),
            1 => Just(CalculatorKey::Add),
            1 => Just(CalculatorKey::Subtract),
            1 => Just(CalculatorKey::Multiply),
            1 => Just(CalculatorKey::Divide),
            2 => Just(CalculatorKey::Equals),
            1 => Just(CalculatorKey::Clear),
            1 => Just(CalculatorKey::Backspace),
            1 => Just(CalculatorKey::Percent),
            1 => Just(CalculatorKey::Negate),
        ]
    }

    /// True for what a display may show: "Error", or a plain decimal number of at most 15
    /// digits that is not a negative zero.
    fn is_display(text: &str) -> bool {
        text == ERROR_TEXT || is_entry(text)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3_000))]

        #[test]
        fn any_state_and_keys_give_a_sane_calculator(
            state in any_state(),
            keys in proptest::collection::vec(any_key(), 0..40),
        ) {
            let mut state = state;
            for key in keys {
                let step = press(state, key);
                prop_assert!(is_display(&step.display), "display {:?}", step.display);
                prop_assert!(step.display != "-0");
                prop_assert_eq!(&repaired(step.state.clone()), &step.state, "a sane state");
                if let Some(digits) = &step.pin_candidate {
                    prop_assert_eq!(key, CalculatorKey::Equals);
                    prop_assert!((PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&digits.len()));
                    prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()));
                }
                state = step.state;
            }
        }

        #[test]
        fn typed_digits_then_equals_are_the_candidate_and_the_result(
            digits in "[0-9]{1,15}",
            before in "[0-9+*/=C.%~<-]{0,12}",
        ) {
            let step = run(&format!("{before}C{digits}="));
            let expected = (PIN_MIN_DIGITS..=PIN_MAX_DIGITS)
                .contains(&digits.len())
                .then(|| digits.clone());
            prop_assert_eq!(step.pin_candidate, expected);
            prop_assert_eq!(step.display, typed_entry(&digits));
        }
    }
}
