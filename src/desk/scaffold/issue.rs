//! A new page put into an issue file: one entry (`- file: SLUG/page.yaml`, with `page: N` when
//! a place was asked for) written into the issue's text where it belongs in page order, the
//! rest of the file (its comments, its order, its spacing) as it was.

use crate::content::issue::LoadedIssue;

/// `text` (the issue `loaded` was read from) with an entry for `file` (relative to the
/// issue's folder): before the page now at `page` or after it, or at the end without `page`.
pub fn with_page(text: &str, loaded: &LoadedIssue, file: &str, page: Option<u32>) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Where each entry starts (its `- ` line) and how far its dash is indented.
    let starts: Vec<(usize, usize)> = loaded
        .pages
        .iter()
        .map(|(_, slot)| entry_start(&lines, slot.entry_at.0.saturating_sub(1)))
        .collect();
    let indent = starts.first().map_or(2, |&(_, indent)| indent);
    let pad = " ".repeat(indent);
    let mut entry = format!("{pad}- file: {file}\n");
    if let Some(page) = page {
        entry.push_str(&format!("{pad}  page: {page}\n"));
    }
    // Before the first page at or after the one asked for; else after the last entry.
    let before = page.and_then(|page| {
        loaded
            .pages
            .iter()
            .zip(&starts)
            .find(|((_, slot), _)| slot.page + u32::from(slot.spread) >= page)
            .map(|(_, &(line, _))| line)
    });
    let at = match before {
        Some(line) => line,
        None => starts.last().map_or(lines.len(), |&(line, indent)| {
            entry_end(&lines, line, indent)
        }),
    };
    let mut out = String::with_capacity(text.len() + entry.len() + 1);
    for line in &lines[..at] {
        out.push_str(line);
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&entry);
    for line in &lines[at..] {
        out.push_str(line);
    }
    out
}

/// The line an entry starts on (its `- `), searched up from line `from`, and its indentation.
fn entry_start(lines: &[&str], from: usize) -> (usize, usize) {
    let mut line = from.min(lines.len().saturating_sub(1));
    loop {
        let text = lines.get(line).copied().unwrap_or("");
        let trimmed = text.trim_start();
        if trimmed.starts_with("- ") || line == 0 {
            return (line, text.len() - trimmed.len());
        }
        line -= 1;
    }
}

/// The line after the entry starting at `start` (dash indented `indent`): the first later line
/// that is not blank and not indented past the dash (a comment at the margin belongs to what
/// follows).
fn entry_end(lines: &[&str], start: usize, indent: usize) -> usize {
    let mut line = start + 1;
    while let Some(text) = lines.get(line) {
        let trimmed = text.trim_start();
        let own = text.len() - trimmed.len();
        let inside = trimmed.is_empty() || own > indent;
        if !inside {
            break;
        }
        line += 1;
    }
    // Trailing blank lines and comments stay after the new entry.
    while line > start + 1 && lines[line - 1].trim().is_empty() {
        line -= 1;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An issue of `text` whose pages `a`, `b`, `c` exist, loaded.
    fn issue(text: &str) -> (crate::content::scratch::TempDir, LoadedIssue) {
        let dir = crate::content::scratch::TempDir::new().unwrap();
        for page in ["a", "b", "c"] {
            std::fs::create_dir_all(dir.path().join(page)).unwrap();
            std::fs::write(
                dir.path().join(page).join("page.yaml"),
                "template: feature\n",
            )
            .unwrap();
        }
        let file = dir.path().join("issue.yaml");
        std::fs::write(&file, text).unwrap();
        let loaded = crate::content::issue::load(&file, dir.path()).unwrap();
        (dir, loaded)
    }

    const ISSUE: &str = "paper: 示例日报\ndate: 2021-09-28\npages:\n    # the front\n    - file: a/page.yaml\n      page: 1\n    - page: 2\n      file: b/page.yaml\n    - file: c/page.yaml\n\n# the end\n";

    #[test]
    fn a_page_goes_before_the_one_at_its_number_in_the_issue_s_own_indentation() {
        let (_dir, loaded) = issue(ISSUE);
        let got = with_page(ISSUE, &loaded, "n/page.yaml", Some(2));
        let want = ISSUE.replace(
            "    - page: 2\n",
            "    - file: n/page.yaml\n      page: 2\n    - page: 2\n",
        );
        assert_eq!(got, want);
    }

    #[test]
    fn without_a_number_a_page_goes_after_the_last_entry_before_what_follows() {
        let (_dir, loaded) = issue(ISSUE);
        let got = with_page(ISSUE, &loaded, "n/page.yaml", None);
        let want = ISSUE.replace(
            "    - file: c/page.yaml\n",
            "    - file: c/page.yaml\n    - file: n/page.yaml\n",
        );
        assert_eq!(got, want);
        // Past the last page: at the end too.
        assert_eq!(
            with_page(ISSUE, &loaded, "n/page.yaml", Some(9))
                .matches("n/page.yaml")
                .count(),
            1
        );
    }
}
