//! Editors' running text → paragraphs.

/// Splits a block of text into paragraphs at blank lines. Lines inside a paragraph are joined:
/// without a space between Chinese characters, with one between Latin words.
pub fn paragraphs(block: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in block.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let (Some(end), Some(start)) = (current.chars().last(), line.chars().next())
            && !(is_wide(end) || is_wide(start))
        {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.into_iter().map(breakable).collect()
}

/// Characters a run with no break opportunity may have before it gets emergency breaks: a
/// one-column news leg holds about 24 Latin letters of body text. Longer words hardly occur in
/// running text; a pasted URL or a run of letters without spaces would run out of its column.
pub const LONGEST_UNBROKEN: usize = 24;

/// Zero-width space: a break opportunity that prints nothing.
const BREAK: char = '\u{200B}';

/// Whether a line may break beside `c` whatever stands next to it.
fn breaks_beside(c: char) -> bool {
    c.is_whitespace() || is_wide(c) || c == BREAK
}

/// The runs of more than [`LONGEST_UNBROKEN`] characters with no break opportunity inside:
/// (offset in characters, length in characters).
pub fn unbroken_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        match (breaks_beside(c), start) {
            (false, None) => start = Some(i),
            (true, Some(from)) => {
                if i - from > LONGEST_UNBROKEN {
                    runs.push((from, i - from));
                }
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// `text` with an emergency break opportunity after every character of each run too long to
/// break (see [`unbroken_runs`]), so that it is broken where its measure ends instead of running
/// out of its column. Typst breaks there only when the line needs it. Other text is unchanged.
pub fn breakable(text: String) -> String {
    let runs = unbroken_runs(&text);
    if runs.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut runs = runs.into_iter().peekable();
    for (i, c) in text.chars().enumerate() {
        out.push(c);
        while runs.peek().is_some_and(|&(from, len)| i + 1 >= from + len) {
            runs.next();
        }
        if runs
            .peek()
            .is_some_and(|&(from, len)| i >= from && i + 1 < from + len)
        {
            out.push(BREAK);
        }
    }
    out
}

/// Han characters and full-width punctuation: text in which line breaks carry no space.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF        // CJK radicals, punctuation, kana, Han
        | 0xF900..=0xFAFF      // compatibility ideographs
        | 0xFE30..=0xFE4F      // vertical forms
        | 0xFF00..=0xFFEF      // full-width forms
        | 0x20000..=0x3FFFF)   // extension ideographs
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_chinese_lines_without_space_and_latin_with_one() {
        let block = "思想是本，\n行动是形。\n\n\nThe quick\nbrown fox.\n";
        assert_eq!(
            paragraphs(block),
            ["思想是本，行动是形。", "The quick brown fox."]
        );
    }

    #[test]
    fn only_runs_too_long_to_break_get_emergency_breaks() {
        let url = format!("https://example.com/{}", "a".repeat(30));
        let text = format!("见{url}。Short words stay, 中文不变。");
        assert_eq!(unbroken_runs(&text), [(1, url.chars().count())]);
        let broken = breakable(text.clone());
        assert_eq!(broken.replace('\u{200B}', ""), text);
        assert_eq!(broken.matches('\u{200B}').count(), url.chars().count() - 1);
        assert!(broken.contains("Short words stay, 中文不变。"));
        assert!(broken.starts_with("见h\u{200B}t\u{200B}t"));
        assert!(broken.contains("a\u{200B}a。"), "{broken}");
        let fine = "a".repeat(LONGEST_UNBROKEN);
        assert_eq!(breakable(fine.clone()), fine);
    }

    #[test]
    fn empty_block_has_no_paragraphs() {
        assert!(paragraphs("\n  \n").is_empty());
    }
}
