//! An issue (一期报纸): the paper, date and edition, and its page files in order. Pages take
//! the paper and date from the issue and their numbers from their place in it, so a page file
//! moved to another issue or another day carries nothing stale.
//!
//! ```yaml
//! paper: 示例日报
//! date: 2021-09-28
//! edition: 第 1234 期      # optional
//! pages:
//!   - file: river-town/page.yaml
//!     page: 5               # optional: the page number; the next pages count on from it
//!   - file: harvest/page.yaml
//!     spread: true          # a spread (通版): pages 6 and 7 on one sheet
//!   - file: ../pingluo-cppcc/page.yaml  # page 8
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ContentError;
use crate::jumps::{Jump, Listed};
use crate::{files, limits, parse_date, paths, read_limited, yaml};

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub paper: String,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    /// The issue's number or name (期号), printed in every page's folio.
    #[serde(default)]
    pub edition: Option<String>,
    pub pages: Vec<IssuePage>,
    /// Stories that continue on a later page (转版); see `jumps`.
    #[serde(default)]
    pub jumps: Vec<crate::jumps::JumpEntry>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssuePage {
    /// The page's YAML file, relative to the issue file.
    pub file: String,
    /// Its page number; without it, one more than the page before (the first is page 1).
    #[serde(default)]
    pub page: Option<u32>,
    /// A spread (通版) takes this page and the next; the page file says `spread: true` too.
    #[serde(default)]
    pub spread: bool,
}

/// What an issue gives one of its pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub paper: String,
    pub date: String,
    pub page: u32,
    pub edition: Option<String>,
    /// Whether the issue sets it as a spread over this page and the next.
    pub spread: bool,
    /// The issue file and the YAML path of the page's entry (`pages[2]`), for errors.
    pub issue: PathBuf,
    pub entry: String,
    /// Where the entry names the page file in the issue (line, column).
    pub entry_at: (usize, usize),
    /// Its place in the issue's `pages:` (0-based).
    pub index: usize,
    /// The issue's jumps that start or continue on this page.
    pub jumps: Vec<Jump>,
}

/// An issue read and found valid: each page file (as a path the build can open) with its slot.
#[derive(Debug)]
pub struct LoadedIssue {
    pub file: PathBuf,
    pub issue: Issue,
    pub pages: Vec<(PathBuf, Slot)>,
}

impl LoadedIssue {
    /// The page numbers between its first page and its last that no page of it takes (a
    /// spread takes two): pages made elsewhere, or a slip in `page:` the desk should see.
    pub fn missing_numbers(&self) -> Vec<u32> {
        missing(self.pages.iter().map(|(_, slot)| (slot.page, slot.spread)))
    }
}

/// The numbers from the first to the last that none of `pages` (number, spread) takes.
fn missing(pages: impl Iterator<Item = (u32, bool)>) -> Vec<u32> {
    let taken: Vec<u32> = pages
        .flat_map(|(page, spread)| [Some(page), spread.then_some(page + 1)])
        .flatten()
        .collect();
    let (Some(&first), Some(&last)) = (taken.iter().min(), taken.iter().max()) else {
        return Vec::new();
    };
    (first..=last).filter(|n| !taken.contains(n)).collect()
}

/// Whether `bytes` look like an issue rather than a page: a mapping with `pages` and no
/// `headline` at its top. Read off libyaml's events over at most the size limit's bytes, so a
/// hostile file costs no more here than the loader that then reports it.
pub fn looks_like_issue(bytes: &[u8]) -> bool {
    let kept = &bytes[..bytes.len().min(limits::FILE_BYTES.max as usize)];
    // Only the choice of loader rests on this; the loader reports bad bytes where they are.
    let text = String::from_utf8_lossy(kept.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(kept));
    let keys = yaml::top_keys(&text);
    keys.iter().any(|k| k == "pages") && !keys.iter().any(|k| k == "headline")
}

/// Whether `file` is an issue rather than a page. Only a regular file is read (a pipe is
/// never opened), and no more of it than the size limit; anything unreadable is left to the
/// page loader, which says why.
pub fn is_issue_file(file: &Path) -> bool {
    files::read_at_most(file, limits::FILE_BYTES.max)
        .is_ok_and(|(bytes, _)| looks_like_issue(&bytes))
}

/// The issue a page file belongs to, when it is built on its own: an `issue.yaml` in the page's
/// folder or the one above that lists it (so an editor can check, watch or serve one page of
/// an issue and see it with the issue's paper, date and number). `None` if there is none, it
/// does not list the page, or it does not read (building the issue reports why).
pub fn slot_of(page: &Path, root: &Path) -> Option<Slot> {
    let real = page.canonicalize().ok()?;
    let folder = real.parent()?;
    [
        folder.join("issue.yaml"),
        folder.parent()?.join("issue.yaml"),
    ]
    .into_iter()
    .filter(|issue| issue.is_file())
    .find_map(|issue| {
        let loaded = load(&issue, root).ok()?;
        loaded
            .pages
            .into_iter()
            .find(|(file, _)| file.canonicalize().is_ok_and(|f| f == real))
            .map(|(_, slot)| slot)
    })
}

/// Reads and checks an issue: the date, page numbers rising with no repeats, and every page
/// file present inside `root`. The pages themselves are read when each is built.
pub fn load(file: &Path, root: &Path) -> Result<LoadedIssue, Vec<ContentError>> {
    let bytes = read_limited(file, "issue")?;
    read(file, root, &bytes).map_err(|errors| crate::excerpts_in(errors, file, &bytes))
}

/// An issue file's bytes read and checked (see [`load`]).
fn read(file: &Path, root: &Path, bytes: &[u8]) -> Result<LoadedIssue, Vec<ContentError>> {
    let source = crate::encoding::decode(bytes)
        .map_err(|(at, message, hint)| vec![ContentError::new(file, at, message).hint(hint)])?;
    let (issue, scanned): (Issue, _) = yaml::parse(file, &source)?;
    let mut errors = Vec::new();
    let mut error = |path: &str, message: String, hint: &str| {
        errors.push(ContentError::new(file, scanned.positions.value(path), message).hint(hint));
    };
    if parse_date(&issue.date).is_none() {
        error(
            "date",
            crate::t!("not-a-date", date = issue.date),
            &crate::t!("write-dates"),
        );
    }
    if issue.paper.trim().is_empty() {
        error(
            "paper",
            crate::t!("paper-empty"),
            &crate::t!("paper-empty-hint"),
        );
    }
    if issue.pages.is_empty() {
        error(
            "pages",
            crate::t!("issue-no-pages"),
            &crate::t!("issue-no-pages-hint"),
        );
    }
    let pages_limit = limits::ISSUE_PAGES;
    if pages_limit.exceeded_by(issue.pages.len() as u64) {
        error(
            &format!("pages[{}]", pages_limit.max),
            pages_limit.message("issue", issue.pages.len() as u64),
            &crate::t!("issue-too-many-pages-hint"),
        );
    }
    let folder = file.parent().unwrap_or(Path::new("."));
    let mut pages = Vec::new();
    let mut previous: Option<u32> = None;
    // Each page file (its real path) and the entry that first lists it; each entry's number.
    let mut seen: std::collections::HashMap<PathBuf, usize> = Default::default();
    let mut numbers: Vec<u32> = Vec::new();
    for (i, entry) in issue.pages.iter().enumerate() {
        let at = format!("pages[{i}]");
        let number = entry.page.unwrap_or(previous.map_or(1, |p| p + 1));
        if !crate::rules::PAGE_NUMBERS.contains(&number) {
            error(
                &format!("{at}.page"),
                crate::t!("not-a-page", number = number),
                &crate::t!("pages-from-1"),
            );
        } else if let Some(before) = previous.filter(|&p| number <= p) {
            error(
                &format!("{at}.page"),
                crate::t!("page-after-page", number = number, before = before),
                &crate::t!("page-order-hint"),
            );
        }
        previous = Some(if entry.spread { number + 1 } else { number });
        let path = tidy(&folder.join(&entry.file));
        let file_at = format!("{at}.file");
        match page_problem(root, file, &path, &entry.file) {
            Some((message, hint)) => error(&file_at, message, &hint),
            None => {
                // The same page twice would be built twice, under two numbers.
                let real = path.canonicalize().unwrap_or_else(|_| path.clone());
                if let Some(first) = seen.get(&real) {
                    let line = scanned.positions.value(&format!("pages[{first}].file")).0;
                    error(
                        &file_at,
                        crate::t!(
                            "page-twice",
                            file = entry.file,
                            page = numbers[*first],
                            line = line
                        ),
                        &crate::t!("page-twice-hint"),
                    );
                } else {
                    seen.insert(real, i);
                }
            }
        }
        numbers.push(number);
        pages.push((
            path,
            Slot {
                paper: issue.paper.clone(),
                date: issue.date.clone(),
                page: number,
                edition: issue.edition.clone(),
                spread: entry.spread,
                issue: file.to_path_buf(),
                entry_at: scanned.positions.value(&file_at),
                entry: at,
                index: i,
                jumps: Vec::new(),
            },
        ));
    }
    let listed: Vec<Listed> = pages
        .iter()
        .map(|(path, slot)| Listed {
            path,
            number: slot.page,
        })
        .collect();
    let jumps = crate::jumps::resolve(
        &issue.jumps,
        folder,
        &listed,
        file,
        |path| scanned.positions.value(path),
        &mut error,
    );
    for (_, slot) in &mut pages {
        slot.jumps = jumps
            .iter()
            .filter(|j| j.from_index == slot.index || j.to_index == slot.index)
            .cloned()
            .collect();
    }
    if errors.is_empty() {
        Ok(LoadedIssue {
            file: file.to_path_buf(),
            issue,
            pages,
        })
    } else {
        Err(errors)
    }
}

/// Why the page file `path` (written `written` in the issue `issue`) cannot be a page of it:
/// outside the project, not a regular file, the issue itself or another issue.
fn page_problem(root: &Path, issue: &Path, path: &Path, written: &str) -> Option<(String, String)> {
    if let Err(message) = paths::virtual_path(root, path) {
        return Some((message, crate::t!("page-outside-hint")));
    }
    if let Err(problem) = files::regular(path) {
        return Some((
            crate::t!("page-file-problem", file = written, problem = problem),
            crate::t!("page-file-problem-hint"),
        ));
    }
    let same = |a: &Path, b: &Path| {
        a.canonicalize()
            .ok()
            .is_some_and(|a| b.canonicalize().ok() == Some(a))
    };
    if same(path, issue) {
        return Some((
            crate::t!("issue-lists-itself", file = written),
            crate::t!("issue-lists-itself-hint"),
        ));
    }
    if is_issue_file(path) {
        return Some((
            crate::t!("issue-in-issue", file = written),
            crate::t!("issue-in-issue-hint"),
        ));
    }
    None
}

/// `a/b/../c` as `a/c`, without touching the disk, so messages name page files plainly
/// (`..` that climbs above the start is kept).
pub(crate) fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn numbers_no_page_takes_between_the_first_and_the_last_are_missing() {
        assert!(missing([(1, false), (2, false), (3, false)].into_iter()).is_empty());
        // A spread takes its page and the next.
        assert!(missing([(1, false), (2, true), (4, false)].into_iter()).is_empty());
        assert_eq!(
            missing([(1, false), (2, false), (4, true)].into_iter()),
            [3]
        );
        assert_eq!(
            missing([(2, false), (5, false), (8, false)].into_iter()),
            [3, 4, 6, 7]
        );
        // Pages before the first are the issue's to start from.
        assert!(missing([(4, false), (5, false)].into_iter()).is_empty());
        assert!(missing(std::iter::empty()).is_empty());
    }

    use super::*;

    #[test]
    fn an_issue_is_told_from_a_page() {
        assert!(looks_like_issue(b"paper: x\ndate: 2021-09-28\npages: []\n"));
        assert!(!looks_like_issue(b"headline: x\nfolio: {}\n"));
        // Broken, but an issue by its first key: the issue loader reports the bracket.
        assert!(looks_like_issue(b"pages: [\n"));
        assert!(!looks_like_issue(b"- pages\n"));
        // Nothing is expanded or read past the depth limit to tell.
        let deep = format!("headline: x\npages: {}", "[".repeat(1 << 20));
        assert!(!looks_like_issue(deep.as_bytes()));
    }

    /// Each entry that cannot be a page is an error at its own line, saying what it is.
    #[test]
    fn entries_that_are_no_pages_are_named_at_their_line() {
        let dir = crate::scratch::TempDir::new().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.yaml"), "headline: x\n").unwrap();
        std::fs::write(root.join("other.yaml"), "paper: y\npages: []\n").unwrap();
        std::os::unix::fs::symlink(root.join("loop.yaml"), root.join("loop.yaml")).unwrap();
        let _ = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.yaml"))
            .status();
        let entries = [
            "a.yaml",
            "issue.yaml",
            "other.yaml",
            "./a.yaml",
            "loop.yaml",
            "gone.yaml",
            "pipe.yaml",
        ];
        let listed: String = entries.iter().map(|e| format!("  - file: {e}\n")).collect();
        std::fs::write(
            root.join("issue.yaml"),
            format!("paper: 报\ndate: 2021-09-28\npages:\n{listed}"),
        )
        .unwrap();
        let errors = load(&root.join("issue.yaml"), root).unwrap_err();
        let found: Vec<(usize, String)> =
            errors.iter().map(|e| (e.line, e.message.clone())).collect();
        let expect = [
            (5, "the issue lists itself"),
            (6, "is an issue file"),
            (7, "is listed twice: it is page 1 already (line 4)"),
            (8, "is a symlink loop"),
            (9, "not found"),
            // Without mkfifo, no pipe: then it is not found.
            (
                10,
                if root.join("pipe.yaml").exists() {
                    "named pipe"
                } else {
                    "not found"
                },
            ),
        ];
        assert_eq!(found.len(), 6, "{found:?}");
        for ((line, message), (want_line, want)) in found.iter().zip(expect) {
            assert_eq!(*line, want_line, "{found:?}");
            assert!(message.contains(want), "{message} lacks {want}");
        }
    }

    #[test]
    fn paths_are_tidied_without_the_disk() {
        assert_eq!(tidy(Path::new("a/b/../c/./d")), PathBuf::from("a/c/d"));
        assert_eq!(tidy(Path::new("../x/../y")), PathBuf::from("../y"));
    }

    /// Pages count on from the last number given; the folio takes paper, date, number and side
    /// from the issue, and a page that says otherwise is an error at its own line.
    #[test]
    fn pages_take_their_folio_from_the_issue() {
        let dir = crate::scratch::TempDir::new().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("layout/templates")).unwrap();
        std::fs::write(root.join("layout/templates/feature.typ"), "").unwrap();
        std::fs::copy(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../layout/templates/feature.yaml"
            ),
            root.join("layout/templates/feature.yaml"),
        )
        .unwrap();
        let page = |date: &str| {
            format!(
                "folio:\n  section: 专题\n{date}headline: 标题\nsections:\n  - number: 1\n    head: [一, 二]\n    body: 正文。\n"
            )
        };
        std::fs::write(root.join("a.yaml"), page("")).unwrap();
        std::fs::write(root.join("b.yaml"), page("  date: 2021-09-27\n")).unwrap();
        std::fs::write(
            root.join("issue.yaml"),
            "paper: 报\ndate: 2021-09-28\npages:\n  - file: a.yaml\n    page: 4\n  - file: b.yaml\n",
        )
        .unwrap();
        let issue = load(&root.join("issue.yaml"), root).unwrap();
        let numbers: Vec<u32> = issue.pages.iter().map(|(_, s)| s.page).collect();
        assert_eq!(numbers, [4, 5]);
        let (file, slot) = &issue.pages[0];
        let a = crate::load_in(file, root, Some(slot)).unwrap();
        assert_eq!(
            (a.view.folio.paper.as_str(), a.view.folio.date.as_str()),
            ("报", "2021-09-28")
        );
        assert_eq!((a.view.folio.page, a.view.folio.side), (4, "left"));
        let (file, slot) = &issue.pages[1];
        let errors = crate::load_in(file, root, Some(slot)).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!((e.line, e.column), (3, 9), "{e}");
        assert!(e.to_string().contains("says date `2021-09-27`"), "{e}");
        // Alone, the page lacks what the issue gave.
        let errors = crate::load(&root.join("a.yaml"), root).unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 3, "{text:?}");
        assert!(text.iter().all(|t| t.contains("is missing")), "{text:?}");
    }
}
