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

/// "U+0007 (a control character)", for messages.
pub fn describe(c: char) -> String {
    let what = match c {
        '\u{0}' => "NUL, a control character",
        '\u{7}' => "BEL, a control character",
        '\u{8}' => "backspace, a control character",
        '\u{1B}' => "ESC, a control character",
        '\u{0}'..='\u{1F}' | '\u{7F}' => "a control character",
        '\u{80}'..='\u{9F}' => {
            "a C1 control character, often a sign of text decoded with the wrong encoding"
        }
        '\u{FFFD}' => {
            "the replacement character: this text was damaged by a conversion before it got here"
        }
        '\u{FFFE}' | '\u{FFFF}' => "not a character",
        '\u{00AD}' => "a soft hyphen",
        '\u{200B}' => "a zero-width space",
        '\u{200C}' => "a zero-width non-joiner",
        '\u{200D}' => "a zero-width joiner",
        '\u{200E}' | '\u{200F}' => "a direction mark",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "a bidirectional control",
        '\u{2060}' => "a word joiner",
        '\u{FEFF}' => "a byte-order mark inside the text",
        _ => "an invisible character",
    };
    format!("U+{:04X} ({what})", c as u32)
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
