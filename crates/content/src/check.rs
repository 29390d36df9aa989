//! The checks serde cannot express, collecting every error rather than the first: dates, page
//! and section numbers, required text, limits on counts, templates and photo files.

use std::path::{Path, PathBuf};

use crate::error::{ContentError, closest};
use crate::issue::Slot;
use crate::model::{Page, Photo};
use crate::text::paragraphs;
use crate::view::{BylineView, FolioView, PageView, PhotoView, SectionView};
use crate::{Parsed, images, limits, parse_date, paths};

/// Checks a parsed page against the project at `root`, as a page of an issue if `slot` says
/// where it stands there: the data templates read, and every image file it uses.
pub fn check(
    file: &Path,
    root: &Path,
    parsed: &Parsed,
    slot: Option<&Slot>,
) -> Result<(PageView, Vec<PathBuf>), Vec<ContentError>> {
    let mut checker = Checker {
        file,
        root,
        parsed,
        slot,
        errors: Vec::new(),
    };
    let result = checker.page(&parsed.page);
    if checker.errors.is_empty() {
        Ok(result)
    } else {
        Err(checker.errors)
    }
}

struct Checker<'a> {
    file: &'a Path,
    root: &'a Path,
    parsed: &'a Parsed,
    slot: Option<&'a Slot>,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn page(&mut self, page: &Page) -> (PageView, Vec<PathBuf>) {
        self.template(&page.template);
        let folio = self.folio(page);
        if page.headline.trim().is_empty() {
            self.error(
                "headline",
                "`headline` is empty".into(),
                "every page needs one",
            );
        }
        self.counts(page);
        self.sections(page);
        let mut images = Vec::new();
        let lead_photo = page
            .lead_photo
            .as_ref()
            .and_then(|p| self.photo("lead_photo", p, &mut images));
        let sections = page
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| SectionView {
                id: s
                    .id
                    .clone()
                    .unwrap_or_else(|| format!("section-{}", s.number)),
                number: s.number,
                head: s.head.clone(),
                body: paragraphs(&s.body),
                photos: s
                    .photos
                    .iter()
                    .enumerate()
                    .filter_map(|(j, p)| {
                        self.photo(&format!("sections[{i}].photos[{j}]"), p, &mut images)
                    })
                    .collect(),
            })
            .collect();
        if let Some(slot) = self.slot.filter(|s| s.spread != page.spread) {
            let (says, issue_says) = if page.spread {
                ("is a spread", "a single page")
            } else {
                ("is a single page", "a spread")
            };
            self.error(
                if page.spread { "spread" } else { "folio" },
                format!(
                    "the page {says}, its issue {} lists it as {issue_says} ({})",
                    slot.issue.display(),
                    slot.entry
                ),
                "give the page `spread: true` and its issue entry `spread: true`, or neither",
            );
        }
        let spread = page.spread.then(|| self.spread(&folio));
        let view = PageView {
            spread,
            folio,
            kicker: page.kicker.clone(),
            headline: page.headline.clone(),
            subtitle: page.subtitle.clone(),
            byline: page.byline.as_ref().map(|b| BylineView {
                label: b.label.clone(),
                names: b.names.clone(),
            }),
            lead: page.lead.as_deref().map(paragraphs).unwrap_or_default(),
            lead_photo,
            sections,
            credit: page.credit.clone(),
        };
        (view, images)
    }

    /// The folio as printed: paper, date and page number from the page, or from its issue.
    /// A page that says otherwise than its issue is an error, not a silent choice: it is a
    /// page file left over from another day or place.
    fn folio(&mut self, page: &Page) -> FolioView {
        let own = &page.folio;
        let slot = self.slot;
        let paper = self.inherited(
            "paper",
            own.paper.clone(),
            slot.map(|s| s.paper.clone()),
            "the paper's name",
        );
        let date = self.inherited(
            "date",
            own.date.clone(),
            slot.map(|s| s.date.clone()),
            "the date as YYYY-MM-DD",
        );
        if !date.is_empty() && parse_date(&date).is_none() {
            self.error(
                "folio.date",
                format!("`{date}` is not a date"),
                "write dates as YYYY-MM-DD, e.g. 2021-09-28",
            );
        }
        let number = self.inherited("page", own.page, slot.map(|s| s.page), "the page number");
        if !(1..=9999).contains(&number) && (own.page.is_some() || slot.is_some()) {
            self.error(
                "folio.page",
                format!("page number {number} is not a page"),
                "pages are numbered from 1",
            );
        }
        FolioView {
            paper,
            date,
            page: number,
            edition: slot.and_then(|s| s.edition.clone()),
            side: if number.is_multiple_of(2) {
                "left"
            } else {
                "right"
            },
            section: own.section.clone(),
            editors: own.editors.clone(),
        }
    }

    /// The right-hand page of a spread: the next number. A spread starts on a left-hand
    /// (even) page, as the two pages of one sheet face each other.
    fn spread(&mut self, left: &FolioView) -> FolioView {
        if left.page % 2 == 1 {
            self.error(
                "spread",
                format!("a spread starts on a left-hand (even) page, not page {}", left.page),
                "number the spread's first page even (its second is the next, odd), or set it as a single page",
            );
        }
        FolioView {
            page: left.page + 1,
            side: "right",
            ..left.clone()
        }
    }

    /// A folio field from the page or its issue: missing from both, or different in each, is
    /// an error (the default value stands in for the rest of the checks).
    fn inherited<T: PartialEq + std::fmt::Display + Default>(
        &mut self,
        field: &str,
        own: Option<T>,
        issue: Option<T>,
        what: &str,
    ) -> T {
        let path = format!("folio.{field}");
        match (own, issue, self.slot) {
            (Some(own), Some(issue), Some(slot)) if own != issue => {
                self.error(
                    &path,
                    format!(
                        "the page says {field} `{own}`, its issue {} says `{issue}` ({})",
                        slot.issue.display(),
                        slot.entry
                    ),
                    &if field == "page" {
                        format!(
                            "delete `{path}` (a page of an issue takes its number from its place), or number its entry in the issue `page: {own}`"
                        )
                    } else {
                        format!("delete `{path}`: a page of an issue takes the issue's")
                    },
                );
                issue
            }
            (Some(value), _, _) | (None, Some(value), _) => value,
            (None, None, _) => {
                // At the `folio:` key, where the field belongs.
                let at = self.parsed.positions.key("folio");
                self.errors.push(
                    ContentError::new(self.file, at, format!("`{path}` is missing")).hint(format!(
                        "give {what}, or build the page from an issue file that gives it"
                    )),
                );
                T::default()
            }
        }
    }

    /// A story id an editor gave: short, plain and unique on the page, and none of the names
    /// the page's own stories have.
    fn story_id(&mut self, path: &str, id: &str, before: &[&str]) {
        const RESERVED: [&str; 7] = [
            "folio", "kicker", "headline", "subtitle", "byline", "lead", "credit",
        ];
        let plain = !id.is_empty()
            && id.len() <= 40
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !plain {
            self.error(
                path,
                format!("`{id}` is not a story id"),
                "use up to 40 lowercase letters, digits and hyphens, e.g. `river-cleanup`",
            );
        } else if before.contains(&id) || RESERVED.contains(&id) || id.starts_with("lead") {
            self.error(
                path,
                format!("story id `{id}` is already taken on this page"),
                "give each section an id of its own, or leave `id` out (then it is section-<number>)",
            );
        }
    }

    fn error(&mut self, path: &str, message: String, hint: &str) {
        let at = self.parsed.positions.value(path);
        self.errors
            .push(ContentError::new(self.file, at, message).hint(hint));
    }

    /// Sections and photos within their limits.
    fn counts(&mut self, page: &Page) {
        let sections = page.sections.len() as u64;
        if limits::SECTIONS.exceeded_by(sections) {
            let path = format!("sections[{}]", limits::SECTIONS.max);
            self.error(
                &path,
                limits::SECTIONS.message("the page", sections),
                "split the story over two pages",
            );
        }
        let photos = page.sections.iter().map(|s| s.photos.len()).sum::<usize>()
            + usize::from(page.lead_photo.is_some());
        if limits::PHOTOS.exceeded_by(photos as u64) {
            self.error(
                "sections",
                limits::PHOTOS.message("the page", photos as u64),
                "choose the photos the page needs",
            );
        }
    }

    /// Sections numbered 1, 2, 3… in page order, each with a head and a body.
    fn sections(&mut self, page: &Page) {
        let mut misnumbered = false;
        let mut ids: Vec<&str> = Vec::new();
        for (i, section) in page.sections.iter().enumerate() {
            let path = format!("sections[{i}]");
            if let Some(id) = &section.id {
                self.story_id(&format!("{path}.id"), id, &ids);
                ids.push(id);
            }
            let expected = i as u32 + 1;
            if section.number != expected && !misnumbered {
                misnumbered = true;
                let order: Vec<String> =
                    page.sections.iter().map(|s| s.number.to_string()).collect();
                let message = if page.sections[..i]
                    .iter()
                    .any(|s| s.number == section.number)
                {
                    format!("section number {} is used twice", section.number)
                } else {
                    format!(
                        "section {} stands where section {expected} belongs (the sections are numbered {})",
                        section.number,
                        order.join(", ")
                    )
                };
                self.error(
                    &format!("{path}.number"),
                    message,
                    "number the sections 1, 2, 3… in the order they appear on the page",
                );
            }
            if section.head.iter().all(|h| h.trim().is_empty()) {
                self.error(
                    &format!("{path}.head"),
                    format!("section {} has no head", section.number),
                    "give it `head: [first phrase, second phrase]`",
                );
            }
            if paragraphs(&section.body).is_empty() {
                self.error(
                    &format!("{path}.body"),
                    format!("section {} has no body text", section.number),
                    "write its paragraphs under `body: |`, a blank line between paragraphs",
                );
            }
        }
    }

    fn template(&mut self, name: &str) {
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid
            && self
                .root
                .join("layout/templates")
                .join(format!("{name}.typ"))
                .is_file()
        {
            return;
        }
        let known = templates(self.root);
        let names: Vec<&str> = known.iter().map(String::as_str).collect();
        let hint = match closest(name, &names) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("templates in layout/templates/: {}", names.join(", ")),
        };
        self.error("template", format!("no template named `{name}`"), &hint);
    }

    /// Checks one photo (at `path` in the YAML) and returns what the template needs to place it.
    fn photo(&mut self, path: &str, photo: &Photo, images: &mut Vec<PathBuf>) -> Option<PhotoView> {
        let file_path = format!("{path}.file");
        if photo.caption.trim().is_empty() {
            self.error(
                &format!("{path}.caption"),
                format!("photo `{}` has no caption", photo.file),
                "every photo needs `caption:`",
            );
        }
        let dir = self.file.parent().unwrap_or(Path::new("."));
        let vpath = match paths::virtual_path(self.root, &dir.join(&photo.file)) {
            Ok(vpath) => vpath,
            Err(err) => {
                self.error(
                    &file_path,
                    format!("image `{}`: {err}", photo.file),
                    "keep images inside the project folder, next to the page",
                );
                return None;
            }
        };
        let real = self.root.join(vpath.trim_start_matches('/'));
        if !real.exists() {
            self.error(
                &file_path,
                format!(
                    "image `{}` not found (looked for {})",
                    photo.file,
                    real.display()
                ),
                "check the file name; paths are relative to the page's YAML file",
            );
            return None;
        }
        let info = match images::inspect(&real) {
            Ok(info) => info,
            Err(err) => {
                self.error(
                    &file_path,
                    format!("image `{}` {err}", photo.file),
                    "use a JPEG or PNG photo",
                );
                return None;
            }
        };
        images.push(real);
        let focus = match photo.focus.as_deref().map(focus) {
            None => {
                if info.height > info.width {
                    (0.5, 0.0)
                } else {
                    (0.5, 0.5)
                }
            }
            Some(Some(focus)) => focus,
            Some(None) => {
                self.error(
                    &format!("{path}.focus"),
                    format!("`{}` is not a focus", photo.focus.as_deref().unwrap_or_default()),
                    "write center, top, bottom, left, right, top-left, top-right, bottom-left or bottom-right",
                );
                (0.5, 0.5)
            }
        };
        if let Some(crop) = photo.crop
            && crop > 50
        {
            self.error(
                &format!("{path}.crop"),
                format!("a crop of {crop} % would cut more than half the photo"),
                "allow at most 50 (percent), or choose another photo",
            );
        }
        Some(PhotoView {
            src: vpath,
            format: info.format,
            caption: photo.caption.clone(),
            credit: photo.credit.clone(),
            width_px: info.width,
            height_px: info.height,
            focus,
            crop: photo.crop.map(|c| f64::from(c.min(50)) / 100.0),
        })
    }
}

/// A focus by name → the share of the overflow cut before the kept part, across and down.
fn focus(name: &str) -> Option<(f64, f64)> {
    let (mut x, mut y) = (0.5, 0.5);
    for part in name.trim().split('-') {
        match part {
            "center" | "centre" => {}
            "top" => y = 0.0,
            "bottom" => y = 1.0,
            "left" => x = 0.0,
            "right" => x = 1.0,
            _ => return None,
        }
    }
    Some((x, y))
}

/// Template names found in `layout/templates/`, sorted.
pub fn templates(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("layout/templates"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".typ")
                .map(String::from)
        })
        .collect();
    names.sort();
    names
}
