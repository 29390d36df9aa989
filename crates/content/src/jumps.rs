//! Jumps (转版): a story that starts on one news page of an issue and continues on a later one.
//! The issue file says which, so the story's text lives once, in its first page's YAML:
//!
//! ```yaml
//! jumps:
//!   - story: bus-lead             # the story's `id` on the page it starts on
//!     from: city-news/page.yaml   # that page, as `pages:` lists it
//!     to: county-news/page.yaml   # the later page that takes the rest
//!     head: 公交进村               # optional: the continuation's short head; else the headline
//! ```
//!
//! The make-up of the first page decides where the text breaks (at a line boundary); the build
//! hands the rest to the continuation's page. Page numbers come from the issue, so the jump
//! lines (下转第N版 / 上接第N版) follow any renumbering.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ContentError;
use crate::t;
use crate::view::{JumpView, PageView, StoryView};

/// A jump as the issue file writes it.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JumpEntry {
    /// The story's `id` on the page it starts on.
    pub story: String,
    /// The page it starts on: its file as `pages:` lists it.
    pub from: String,
    /// The later page that takes its continuation: its file as `pages:` lists it.
    pub to: String,
    /// The continuation's short head (跳题); the story's headline if not given.
    #[serde(default)]
    pub head: Option<String>,
}

/// A jump resolved against the issue's pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Jump {
    pub story: String,
    /// The pages it starts and continues on: their numbers and their places in `pages:`.
    pub from: u32,
    pub to: u32,
    pub from_index: usize,
    pub to_index: usize,
    pub head: Option<String>,
    /// The issue file, and where its entry names the story (line, column), for errors.
    pub issue: PathBuf,
    pub at: (usize, usize),
}

impl Jump {
    /// An error about this jump, at its entry in the issue file.
    pub fn error(&self, message: String, hint: &str) -> ContentError {
        ContentError::new(&self.issue, self.at, message).hint(hint)
    }
}

/// A page listed in the issue: its path as listed (tidied), its real path, its number.
pub struct Listed<'a> {
    pub path: &'a Path,
    pub number: u32,
}

/// Resolves the issue's jumps against its pages; each mistake is reported through `error`
/// (the entry's YAML path, the message, the hint).
pub fn resolve(
    entries: &[JumpEntry],
    folder: &Path,
    pages: &[Listed],
    issue: &Path,
    position: impl Fn(&str) -> (usize, usize),
    mut error: impl FnMut(&str, String, &str),
) -> Vec<Jump> {
    let same = |a: &Path, b: &Path| {
        a == b
            || a.canonicalize()
                .ok()
                .is_some_and(|a| b.canonicalize().ok() == Some(a))
    };
    let find = |written: &str| {
        let path = crate::issue::tidy(&folder.join(written));
        pages.iter().position(|p| same(&path, p.path))
    };
    let mut jumps: Vec<Jump> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("jumps[{i}]");
        if entry.story.trim().is_empty() {
            error(
                &format!("{at}.story"),
                t!("jump-no-story"),
                &t!("jump-no-story-hint"),
            );
            continue;
        }
        let from = find(&entry.from);
        if from.is_none() {
            error(
                &format!("{at}.from"),
                t!("jump-from-unlisted", file = entry.from),
                &t!("jump-from-unlisted-hint"),
            );
        }
        let to = find(&entry.to);
        if to.is_none() {
            error(
                &format!("{at}.to"),
                t!("jump-to-unlisted", file = entry.to),
                &t!("jump-to-unlisted-hint"),
            );
        }
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let story = &entry.story;
        let (start, end) = (pages[from].number, pages[to].number);
        if from == to {
            error(
                &format!("{at}.to"),
                t!("jump-to-itself", story = story, page = start),
                &t!("jump-to-itself-hint"),
            );
            continue;
        }
        if to < from {
            error(
                &format!("{at}.to"),
                t!("jump-backwards", story = story, to = end, from = start),
                &t!("jump-backwards-hint"),
            );
            continue;
        }
        if let Some(twice) = jumps.iter().find(|j| j.story == *story && j.from == start) {
            error(
                &format!("{at}.story"),
                t!(
                    "jump-twice",
                    story = story,
                    page = start,
                    to = twice.to,
                    line = twice.at.0
                ),
                &t!("jump-twice-hint"),
            );
            continue;
        }
        if let Some(earlier) = jumps.iter().find(|j| j.story == *story && j.to == start) {
            error(
                &format!("{at}.from"),
                t!(
                    "jump-again",
                    story = story,
                    page = start,
                    from = earlier.from
                ),
                &t!("jump-again-hint"),
            );
            continue;
        }
        jumps.push(Jump {
            story: story.clone(),
            from: start,
            to: end,
            from_index: from,
            to_index: to,
            head: entry.head.clone(),
            issue: issue.to_path_buf(),
            at: position(&format!("{at}.story")),
        });
    }
    jumps
}

/// Marks the stories of `view` (the page at place `index` of its issue) that jump on; what a
/// jump names that the page does not have is an error at the jump's entry in the issue file.
/// A page that takes a continuation must be a news page too (the build adds the story).
pub fn apply(
    view: &mut PageView,
    index: usize,
    jumps: &[Jump],
    template: &str,
) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for jump in jumps {
        let start = jump.from_index == index;
        if !start && jump.to_index != index {
            continue;
        }
        if template != "news" {
            let message = if start {
                t!(
                    "jump-starts-off-news",
                    story = jump.story,
                    page = jump.from,
                    template = template
                )
            } else {
                t!(
                    "jump-ends-off-news",
                    story = jump.story,
                    page = jump.to,
                    template = template
                )
            };
            errors.push(jump.error(message, &t!("jump-off-news-hint")));
            continue;
        }
        let found = view.stories.iter_mut().find(|s| s.id == jump.story);
        match (start, found) {
            (true, Some(story)) => {
                story.jump = Some(JumpView {
                    to: Some(jump.to),
                    from: None,
                    goes_on: false,
                })
            }
            (true, None) => {
                let ids: Vec<&str> = view.stories.iter().map(|s| s.id.as_str()).collect();
                errors.push(jump.error(
                    t!("jump-story-missing", page = jump.from, story = jump.story),
                    &t!("jump-story-missing-hint", ids = ids.join(", ")),
                ));
            }
            (false, Some(_)) => errors.push(jump.error(
                t!("jump-id-taken", page = jump.to, story = jump.story),
                &t!("jump-id-taken-hint"),
            )),
            (false, None) => {}
        }
    }
    errors
}

/// The continuation of `story` (the start page's, marked by [`apply`]) for the page `jump`
/// goes to: a story of its own with the jump head, the jump line's page, and the text from
/// `resume` (paragraph, byte in it) on; no kicker, byline or photos (they stay with the start).
pub fn continuation(story: &StoryView, jump: &Jump, resume: (usize, usize)) -> StoryView {
    let (paragraph, at) = resume;
    let mut body: Vec<String> = story.body.iter().skip(paragraph).cloned().collect();
    if let Some(first) = body.first_mut() {
        *first = first.get(at..).unwrap_or_default().trim_start().to_string();
    }
    body.retain(|p| !p.is_empty());
    StoryView {
        id: story.id.clone(),
        rank: usize::MAX,
        kind: "story".into(),
        kicker: None,
        headline: match &jump.head {
            Some(head) => crate::lang::prose(&story.lang, head),
            None => story.headline.clone(),
        },
        subtitle: None,
        byline: None,
        dateline: None,
        body,
        photos: Vec::new(),
        pin: None,
        frame: None,
        lang: story.lang.clone(),
        jump: Some(JumpView {
            to: None,
            from: Some(jump.from),
            goes_on: at > 0,
        }),
    }
}

/// Takes `rest` into `view` (the continuation's page): ranked after the page's own stories.
pub fn take(view: &mut PageView, mut rest: StoryView) {
    rest.rank = view.stories.len();
    view.stories.push(rest);
}

/// What a page that takes a continuation says when built on its own (at its `stories`, `at`
/// in `page`): the continuation is set only when the whole issue is built (its text is the
/// start page's, cut by its make-up).
pub fn built_alone(
    index: usize,
    jumps: &[Jump],
    page: &Path,
    at: (usize, usize),
) -> Vec<ContentError> {
    jumps
        .iter()
        .filter(|j| j.to_index == index)
        .map(|j| {
            ContentError::new(
                page,
                at,
                t!(
                    "jump-built-alone",
                    story = j.story,
                    from = j.from,
                    issue = j.issue.display(),
                    line = j.at.0
                ),
            )
            .hint(t!("jump-built-alone-hint", from = j.from))
        })
        .collect()
}

/// The note for a continuation's page (at its `stories`, `at` in `page`) when the whole story
/// fits on its first page.
pub fn fits(jump: &Jump, page: &Path, at: (usize, usize)) -> ContentError {
    ContentError::new(
        page,
        at,
        t!(
            "jump-fits",
            story = jump.story,
            from = jump.from,
            issue = jump.issue.display(),
            line = jump.at.0
        ),
    )
    .hint(t!("jump-fits-hint"))
}

#[cfg(test)]
mod tests {
    use crate::issue::load;

    /// An issue of pages a, b, c (pages 1–3) and the given `jumps:` block; the errors' lines
    /// and messages.
    fn errors(jumps: &str) -> Vec<(usize, String)> {
        let dir = crate::scratch::TempDir::new().unwrap();
        let root = dir.path();
        for page in ["a", "b", "c"] {
            std::fs::write(root.join(format!("{page}.yaml")), "template: news\n").unwrap();
        }
        let issue = format!(
            "paper: 报\ndate: 2021-09-28\npages:\n  - file: a.yaml\n  - file: b.yaml\n  - file: c.yaml\njumps:\n{jumps}"
        );
        std::fs::write(root.join("issue.yaml"), issue).unwrap();
        match load(&root.join("issue.yaml"), root) {
            Ok(issue) => {
                // Each page knows the jumps that touch it.
                let touching: Vec<usize> = issue.pages.iter().map(|(_, s)| s.jumps.len()).collect();
                assert_eq!(touching.iter().sum::<usize>() % 2, 0, "{touching:?}");
                Vec::new()
            }
            Err(errors) => errors.iter().map(|e| (e.line, e.message.clone())).collect(),
        }
    }

    #[test]
    fn a_jump_forward_between_listed_pages_is_taken() {
        assert!(errors("  - {story: s, from: a.yaml, to: c.yaml}\n").is_empty());
        assert!(errors("  - {story: s, from: ./a.yaml, to: b.yaml, head: 短题}\n").is_empty());
    }

    #[test]
    fn each_bad_jump_is_named_at_its_line() {
        let found = errors(concat!(
            "  - {story: s, from: x.yaml, to: b.yaml}\n",
            "  - {story: s, from: a.yaml, to: nowhere.yaml}\n",
            "  - {story: s, from: b.yaml, to: b.yaml}\n",
            "  - {story: s, from: c.yaml, to: a.yaml}\n",
            "  - {story: t, from: a.yaml, to: b.yaml}\n",
            "  - {story: t, from: a.yaml, to: c.yaml}\n",
            "  - {story: t, from: b.yaml, to: c.yaml}\n",
            "  - {story: '', from: a.yaml, to: c.yaml}\n",
        ));
        let expect = [
            (8, "`x.yaml` is not a page of this issue"),
            (
                9,
                "goes to `nowhere.yaml`, which is not a page of this issue",
            ),
            (10, "`s` jumps to its own page (2)"),
            (
                11,
                "would continue on page 1, before it starts (page 3): a circular jump",
            ),
            (13, "`t` of page 1 jumps twice (to page 2 on line 12)"),
            (
                14,
                "is the continuation of page 1's: a continuation does not jump again",
            ),
            (15, "the jump names no story"),
        ];
        assert_eq!(found.len(), expect.len(), "{found:#?}");
        for ((line, message), (want_line, want)) in found.iter().zip(expect) {
            assert_eq!(*line, want_line, "{message}");
            assert!(message.contains(want), "{message} lacks {want}");
        }
    }
}
