//! Finds where a key or value sits in the YAML text, for errors found after parsing
//! (serde_yaml keeps no positions in the parsed structs).

pub struct Locator<'a> {
    source: &'a str,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Self { source }
    }

    /// The `nth` (1-based) line holding `key: value`, as (line, column of the value).
    pub fn value(&self, key: &str, value: &str, nth: usize) -> (usize, usize) {
        self.entries(key)
            .filter(|(_, _, v)| unquote(v) == value.trim())
            .nth(nth.saturating_sub(1))
            .or_else(|| self.entries(key).next())
            .map_or((1, 1), |(line, col, _)| (line, col))
    }

    /// The first line holding `key:`.
    pub fn key(&self, key: &str) -> (usize, usize) {
        self.entries(key)
            .next()
            .map_or((1, 1), |(line, col, _)| (line, col))
    }

    /// The first occurrence of `c` at or after `line`, as (line, column); falls back to the
    /// first occurrence anywhere.
    pub fn char_from(&self, line: usize, c: char) -> Option<(usize, usize)> {
        let find = |skip: usize| {
            self.source
                .lines()
                .enumerate()
                .skip(skip)
                .find_map(|(i, text)| {
                    text.chars()
                        .position(|x| x == c)
                        .map(|col| (i + 1, col + 1))
                })
        };
        find(line.saturating_sub(1)).or_else(|| find(0))
    }

    /// Where `c` sits inside `text`, as typed in the YAML at or after `line`: the text is found
    /// by its opening characters (a paragraph may run over several YAML lines).
    pub fn char_in(&self, line: usize, text: &str, c: char) -> Option<(usize, usize)> {
        let opening: String = text.chars().take(8).collect();
        let start = self
            .source
            .lines()
            .enumerate()
            .skip(line.saturating_sub(1))
            .find(|(_, l)| l.contains(&opening))
            .map(|(i, _)| i + 1)?;
        self.char_from(start, c)
    }

    /// Lines of the form `[- ]key: value`, as (line, value column, value text).
    fn entries(&self, key: &'a str) -> impl Iterator<Item = (usize, usize, &'a str)> + 'a {
        self.source
            .lines()
            .enumerate()
            .filter_map(move |(i, line)| {
                let trimmed = line.trim_start();
                let item = trimmed.strip_prefix("- ").unwrap_or(trimmed).trim_start();
                let rest = item.strip_prefix(key)?.strip_prefix(':')?;
                let value = rest.trim();
                let value = value.split(" #").next().unwrap_or(value).trim();
                let column = line.len() - rest.trim_start().len() + 1;
                Some((i + 1, line[..column - 1].chars().count() + 1, value))
            })
    }
}

fn unquote(value: &str) -> &str {
    let value = value.trim();
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_by_key_and_occurrence() {
        let yaml = "sections:\n  - number: 1\n  - number: 2\n  - number: 1\n    photos:\n      - file: \"a.jpg\"\n";
        let at = Locator::new(yaml);
        assert_eq!(at.value("number", "1", 2), (4, 13));
        assert_eq!(at.value("file", "a.jpg", 1), (6, 15));
        assert_eq!(at.key("sections"), (1, 10));
    }
}
