//! Characters that have no business in printed text. Control characters (pasted from other
//! systems, typed by accident) print as empty boxes; U+FFFD marks text already damaged by a
//! bad conversion. Invisible formatting characters print nothing but upset line breaking and
//! searching: worth a warning.

/// What is wrong with a character, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Oddity {
    /// Never printable: an error.
    Forbidden,
    /// Prints nothing, probably pasted by accident: a warning.
    Invisible,
}

pub fn oddity(c: char) -> Option<Oddity> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Some(Oddity::Forbidden),
        '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}' => Some(Oddity::Forbidden),
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Some(Oddity::Invisible),
        _ => None,
    }
}

/// "U+0007 (BEL, a control character)", for messages (what it is: a word of the message
/// `character`).
pub fn describe(c: char) -> String {
    let what = match c {
        '\u{0}' => "nul",
        '\u{7}' => "bel",
        '\u{8}' => "backspace",
        '\u{1B}' => "esc",
        '\u{0}'..='\u{1F}' | '\u{7F}' => "control",
        '\u{80}'..='\u{9F}' => "c1",
        '\u{FFFD}' => "replacement",
        '\u{FFFE}' | '\u{FFFF}' => "noncharacter",
        '\u{00AD}' => "soft-hyphen",
        '\u{200B}' => "zwsp",
        '\u{200C}' => "zwnj",
        '\u{200D}' => "zwj",
        '\u{200E}' | '\u{200F}' => "direction",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "bidi",
        '\u{2060}' => "word-joiner",
        '\u{FEFF}' => "bom",
        _ => "invisible",
    };
    crate::t!("character", code = format!("{:04X}", c as u32), what = what)
}

/// Every forbidden character of `source` as (line, column, char), 1-based, at most `max`.
pub fn forbidden(source: &str, max: usize) -> Vec<(usize, usize, char)> {
    let mut found = Vec::new();
    for (i, line) in source.split('\n').enumerate() {
        for (j, c) in line.chars().enumerate() {
            if oddity(c) == Some(Oddity::Forbidden) {
                found.push((i + 1, j + 1, c));
                if found.len() == max {
                    return found;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_characters() {
        assert_eq!(oddity('\u{7}'), Some(Oddity::Forbidden));
        assert_eq!(oddity('\u{85}'), Some(Oddity::Forbidden));
        assert_eq!(oddity('\u{FFFD}'), Some(Oddity::Forbidden));
        assert_eq!(oddity('\u{200B}'), Some(Oddity::Invisible));
        assert_eq!(oddity('\t'), None);
        assert_eq!(oddity('中'), None);
    }

    #[test]
    fn finds_forbidden_characters_by_line_and_column() {
        let text = "a: 1\nb: 中\u{0}x\n\u{1B}";
        assert_eq!(forbidden(text, 10), [(2, 5, '\u{0}'), (3, 1, '\u{1B}')]);
        assert_eq!(forbidden(text, 1).len(), 1);
    }
}
