//! Finding the agreed signal phrase and a verification code in a message the family received.
//!
//! A traveller writing in a hurry, maybe on a borrowed phone with no Cyrillic keyboard, will not
//! type the phrase exactly. Both the phrase and the message are brought to one Latin spelling
//! (case, ё/е, punctuation and spacing dropped, Cyrillic transliterated, common spelling variants
//! merged), then the phrase's words must appear in order, each allowed one typo when it is long
//! enough for a typo not to turn it into another word.

/// Words shorter than this must match exactly after normalising.
const TYPO_MIN_LEN: usize = 4;

/// Whether `message` contains `phrase`.
pub(crate) fn contains_phrase(message: &str, phrase: &str) -> bool {
    let wanted = words(phrase);
    let seen = words(message);
    !wanted.is_empty()
        && seen
            .windows(wanted.len())
            .any(|window| window.iter().zip(&wanted).all(|(s, w)| word_matches(s, w)))
}

/// Six-digit codes in a message: a run of six digits, or two runs of three split by one space,
/// dot or dash ("482913", "482 913"), not part of a longer number.
pub(crate) fn codes_in(message: &str) -> Vec<String> {
    digit_codes(message, 3)
}

/// Eight-digit practice codes in a message: a run of eight digits, or two runs of four split by
/// one space, dot or dash ("4829 1375"), not part of a longer number.
pub(crate) fn practice_codes_in(message: &str) -> Vec<String> {
    digit_codes(message, 4)
}

/// Seven-digit codes of a pause, an extension or an end in a message: a run of seven digits, or
/// a group of three and one of four split by one space, dot or dash ("482 9137"), not part of a
/// longer number.
pub(crate) fn event_codes_in(message: &str) -> Vec<String> {
    let chars: Vec<char> = message.chars().map(plain_digit_or_separator).collect();
    let run = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let first = run(i);
        let end = i + first;
        if first == 7 {
            found.push(chars[i..end].iter().collect());
        } else if first == 3
            && matches!(chars.get(end), Some(' ' | '-' | '.'))
            && end + 1 < chars.len()
            && run(end + 1) == 4
            && !part_of_longer_number(&chars, i, end + 5)
        {
            found.push(
                chars[i..end]
                    .iter()
                    .chain(&chars[end + 1..end + 5])
                    .collect(),
            );
        }
        i = end;
    }
    found
}

/// Codes of twice `half` digits: one run, or two halves split by one separator.
fn digit_codes(message: &str, half: usize) -> Vec<String> {
    // Phones and messengers rewrite numbers: digits in another script (Arabic-Indic, Persian,
    // Devanagari, full-width), and no-break or thin spaces and dashes between the groups.
    let chars: Vec<char> = message.chars().map(plain_digit_or_separator).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = |from: usize| {
            chars[from..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let first = run(i);
        let end = i + first;
        if first == 2 * half {
            found.push(chars[i..end].iter().collect());
        } else if first == half
            && matches!(chars.get(end), Some(' ' | '-' | '.'))
            && end + 1 < chars.len()
            && run(end + 1) == half
            && !part_of_longer_number(&chars, i, end + 1 + half)
        {
            found.push(
                chars[i..end]
                    .iter()
                    .chain(&chars[end + 1..end + 1 + half])
                    .collect(),
            );
        }
        i = end;
    }
    found
}

/// Whether digits sit one separator before `start` or after `end` ("+7 800 333 00 16").
/// `c` as an ASCII digit if it is a decimal digit of another common script, as a space if it is
/// another kind of space or dash, else itself.
fn plain_digit_or_separator(c: char) -> char {
    const ZEROS: [u32; 5] = [0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10];
    let code = u32::from(c);
    if let Some(zero) = ZEROS
        .iter()
        .find(|zero| (**zero..**zero + 10).contains(&code))
    {
        return char::from_digit(code - zero, 10).unwrap_or(c);
    }
    match c {
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{202F}' | '\u{3000}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

fn part_of_longer_number(chars: &[char], start: usize, end: usize) -> bool {
    let digit_at = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    let separator_at = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| matches!(c, ' ' | '-' | '.'))
    };
    (separator_at(start.checked_sub(1)) && digit_at(start.checked_sub(2)))
        || (separator_at(Some(end)) && digit_at(Some(end + 1)))
}

fn word_matches(seen: &str, wanted: &str) -> bool {
    if seen == wanted {
        return true;
    }
    let long_enough = wanted.chars().count() >= TYPO_MIN_LEN;
    long_enough && within_one_edit(seen, wanted)
}

/// Lower-cased, transliterated, variant-merged words.
fn words(text: &str) -> Vec<String> {
    let latin: String = text
        .chars()
        .flat_map(|c| c.to_lowercase())
        .map(transliterate)
        .collect();
    latin
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(merge_variants)
        .collect()
}

/// One Latin spelling for a Cyrillic letter (Russian, plus the Ukrainian, Belarusian, Kazakh,
/// Kyrgyz, Tajik and Uzbek letters a traveller from the region may use).
fn transliterate(c: char) -> String {
    let s = match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ї' | 'й' | 'ӣ' => "i",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ү' | 'ұ' | 'ў' | 'ӯ' => "u",
        'ф' => "f",
        'х' | 'һ' | 'ҳ' => "h",
        'ц' => "c",
        'ч' | 'ҷ' => "ch",
        'ш' | 'щ' => "sh",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        other => return other.to_string(),
    };
    s.to_owned()
}

/// Spellings people use for the same sound, merged: "tyotya", "tjotja" and "tetia" all become
/// "tetya".
fn merge_variants(word: &str) -> String {
    let mut w = word.to_owned();
    for (from, to) in [
        ("shch", "sh"),
        ("sch", "sh"),
        ("kh", "h"),
        ("tz", "c"),
        ("ts", "c"),
        ("ck", "k"),
        ("ph", "f"),
        ("w", "v"),
        ("x", "ks"),
        ("q", "k"),
        ("yo", "e"),
        ("jo", "e"),
        ("ja", "ya"),
        ("ia", "ya"),
        ("ju", "yu"),
        ("iu", "yu"),
        ("ye", "e"),
        ("je", "e"),
        ("zh", "j"),
        ("ii", "i"),
        ("iy", "i"),
        ("yi", "i"),
    ] {
        w = w.replace(from, to);
    }
    // A trailing "y" and "i" are the same ending ("Dmitriy", "Dmitri").
    if w.len() > 2 && w.ends_with('y') {
        w.pop();
        w.push('i');
    }
    w
}

/// Levenshtein distance of at most one.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == long.len() {
        return true;
    }
    if prefix == 0 {
        // People rarely mistype the first letter, and names one letter apart ("Валя", "Галя")
        // must not match each other.
        return false;
    }
    if short.len() == long.len() {
        // One substitution, or one swap of neighbours (a common slip on a phone keyboard).
        short[prefix + 1..] == long[prefix + 1..]
            || (prefix + 1 < short.len()
                && short[prefix] == long[prefix + 1]
                && short[prefix + 1] == long[prefix]
                && short[prefix + 2..] == long[prefix + 2..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: &str = "Как там тётя Валя?";
    const EN: &str = "How is aunt Valya?";

    #[test]
    fn the_phrase_is_found_in_realistic_messages() {
        for (message, phrase) in [
            ("Привет! Как там тётя Валя? Код 482913", RU),
            ("привет как там тетя валя", RU),
            ("КАК ТАМ ТЁТЯ ВАЛЯ!!!", RU),
            ("Как  там,тётя   Валя", RU),
            ("Как там тётя Вадя?", RU), // one typo
            ("Как тма тётя Валя?", RU), // swapped letters are one typo, but "там" is short: exact
            ("kak tam tyotya valya? vse ok", RU),
            ("Kak tam tetia Valia", RU),
            ("kak tam tjotja Valja 482 913", RU),
            ("Hi mom. How is aunt Valya? All good here", EN),
            ("how is aunt valia", EN),
            ("как там тётя валя", "Kak tam tetya Valya?"),
        ] {
            let expected = !message.contains("тма");
            assert_eq!(
                contains_phrase(message, phrase),
                expected,
                "{message:?} / {phrase:?}"
            );
        }
    }

    #[test]
    fn ordinary_messages_do_not_match() {
        for message in [
            "Как там погода?",
            "Валя передаёт привет",
            "Как там тётя Галя и дядя Валера?",
            "Тётя Валя, как там?",
            "All good, aunt Valya says hi",
            "How is it going?",
            "",
        ] {
            assert!(!contains_phrase(message, RU), "{message:?}");
            assert!(!contains_phrase(message, EN), "{message:?}");
        }
        assert!(
            !contains_phrase("anything", "  ?! "),
            "an empty phrase matches nothing"
        );
    }

    #[test]
    fn codes_are_found_whole_and_not_inside_longer_numbers() {
        assert_eq!(codes_in("Код 482913, всё хорошо"), ["482913"]);
        assert_eq!(codes_in("code 482 913"), ["482913"]);
        assert_eq!(codes_in("code 482-913 and 100200"), ["482913", "100200"]);
        assert!(codes_in("call +7 800 333 00 16 or 12345 or 1234567").is_empty());
        assert!(codes_in("no digits").is_empty());
    }

    #[test]
    fn one_edit_means_one_edit() {
        assert!(within_one_edit("valya", "valya"));
        assert!(within_one_edit("valya", "vala"));
        assert!(within_one_edit("valya", "valyaa"));
        assert!(within_one_edit("valya", "vlaya"));
        assert!(!within_one_edit("valya", "galya"), "not the first letter");
        assert!(!within_one_edit("valya", "valera"));
        assert!(!within_one_edit("valya", "val"));
    }
}
