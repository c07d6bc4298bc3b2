//! Word wrapping to the width of a plain terminal, counting characters rather than bytes (a
//! Cyrillic letter is two bytes but one column) and ignoring style escapes.

/// The width every screen is wrapped to.
pub(crate) const WIDTH: usize = 80;

/// Stands for a space that must not break a line; [`wrap`] prints it as a plain space. Used
/// instead of a no-break space so that copied text (e.g. a command hint) holds ordinary spaces.
const GLUE: char = '\u{1f}';

/// Makes `text` one unbreakable word, e.g. a hint such as "[→ guide red-flags]".
pub(crate) fn glue(text: &str) -> String {
    text.replace(' ', &GLUE.to_string())
}

/// Wraps `text` to [`WIDTH`] columns. The first line starts with `first`, the others with
/// `rest` (a hanging indent for list items). Breaks only at plain spaces: no-break spaces,
/// common in Russian typography, stay unbroken. A word longer than a line stands alone rather
/// than being cut. Every line, the last included, ends in a newline.
pub(crate) fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut prefix = first;
    for paragraph in text.split('\n') {
        let mut line = String::from(prefix);
        let mut line_len = visible_len(prefix);
        let mut has_word = false;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let len = visible_len(word);
            if has_word && line_len + 1 + len > WIDTH {
                finish_line(&mut out, &line);
                line = String::from(rest);
                line_len = visible_len(rest);
                has_word = false;
            }
            if has_word {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += len;
            has_word = true;
        }
        finish_line(&mut out, &line);
        prefix = rest;
    }
    out
}

fn finish_line(out: &mut String, line: &str) {
    out.push_str(line.trim_end_matches(' ').replace(GLUE, " ").as_str());
    out.push('\n');
}

/// The number of columns `text` takes: its characters, less style escapes (ESC [ ... m).
fn visible_len(text: &str) -> usize {
    let mut len = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            len += 1;
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(text: &str) -> usize {
        text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    }

    #[test]
    fn lines_fit_and_words_stay_whole() {
        let text = "word ".repeat(50);
        let wrapped = wrap(&text, "", "");
        assert!(widest(&wrapped) <= WIDTH);
        assert_eq!(wrapped.split_whitespace().count(), 50);
    }

    #[test]
    fn cyrillic_is_counted_in_characters_not_bytes() {
        // 15 words of 4 letters fill 74 columns: one line, though it is 134 bytes long.
        let text = ["слов"; 15].join(" ");
        assert_eq!(wrap(&text, "", "").lines().count(), 1);
        let text = ["слов"; 40].join(" ");
        let wrapped = wrap(&text, "  ", "  ");
        assert!(
            widest(&wrapped) <= WIDTH && wrapped.lines().count() == 3,
            "{wrapped}"
        );
    }

    #[test]
    fn style_escapes_take_no_columns() {
        let bold = "\x1b[1mbold\x1b[0m";
        assert_eq!(visible_len(bold), 4);
        let text = [bold; 15].join(" ");
        assert_eq!(wrap(&text, "", "").lines().count(), 1);
    }

    #[test]
    fn hanging_indent_and_hard_breaks() {
        let wrapped = wrap(&format!("{}\nsecond", "a ".repeat(60)), "- ", "  ");
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines[0].starts_with("- a"));
        assert!(lines[1..].iter().all(|l| l.starts_with("  ")));
        assert_eq!(lines.last(), Some(&"  second"));
    }

    #[test]
    fn glued_text_is_never_split_and_prints_plain_spaces() {
        let hint = glue("[→ guide red-flags]");
        let text = format!("{} {hint}", "x".repeat(70));
        let wrapped = wrap(&text, "", "");
        assert_eq!(wrapped.lines().nth(1), Some("[→ guide red-flags]"));
    }

    #[test]
    fn a_word_longer_than_a_line_stands_alone() {
        let long = "y".repeat(100);
        let wrapped = wrap(&format!("a {long} b"), "", "");
        assert_eq!(wrapped, format!("a\n{long}\nb\n"));
    }
}
