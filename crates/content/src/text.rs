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
    paragraphs
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
    fn empty_block_has_no_paragraphs() {
        assert!(paragraphs("\n  \n").is_empty());
    }
}
