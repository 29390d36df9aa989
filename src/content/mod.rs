//! Content model: a page's YAML, parsed into typed structs, checked, and turned into the
//! plain data the templates read.

mod error;
mod locate;
mod model;
mod text;
mod view;

use std::path::{Path, PathBuf};

pub use error::{ContentError, closest};
pub use model::{Byline, Folio, Page, Photo, Section};
pub use text::{is_wide, paragraphs};
pub use view::{BylineView, FolioView, PageView, PhotoView, SectionView};

pub use locate::Locator;

/// A page read from disk and found valid.
#[derive(Debug)]
pub struct LoadedPage {
    /// The YAML file, as given.
    pub file: PathBuf,
    /// The YAML text, for locating findings later.
    pub source: String,
    pub page: Page,
    pub view: PageView,
    /// Every image file the page uses (real paths), for preflight and watching.
    pub images: Vec<PathBuf>,
    /// The project root the page was loaded against.
    pub root: PathBuf,
}

impl LoadedPage {
    /// The real path of a root-relative virtual path (`/content/…`).
    pub fn root_path(&self, vpath: &str) -> PathBuf {
        self.root.join(vpath.trim_start_matches('/'))
    }
}

/// Reads, parses and checks a page. `root` is the project folder that holds `layout/`;
/// everything the page refers to must lie inside it.
pub fn load(file: &Path, root: &Path) -> Result<LoadedPage, Vec<ContentError>> {
    let source = std::fs::read_to_string(file).map_err(|err| {
        vec![
            ContentError::new(file, (0, 0), format!("cannot read the page: {err}"))
                .hint("check the path; pages are UTF-8 YAML files"),
        ]
    })?;
    let page: Page =
        serde_yaml::from_str(&source).map_err(|err| vec![error::from_yaml(file.into(), &err)])?;
    let checker = Checker {
        file,
        root,
        at: Locator::new(&source),
        errors: Vec::new(),
    };
    let (view, images) = checker.check(&page)?;
    Ok(LoadedPage {
        file: file.into(),
        source,
        page,
        view,
        images,
        root: root.to_path_buf(),
    })
}

/// The semantic checks serde cannot express, collecting every error rather than the first.
struct Checker<'a> {
    file: &'a Path,
    root: &'a Path,
    at: Locator<'a>,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn check(mut self, page: &Page) -> Result<(PageView, Vec<PathBuf>), Vec<ContentError>> {
        self.template(&page.template);
        self.date(&page.folio.date);
        self.not_empty("headline", &page.headline);
        let mut seen = Vec::new();
        for section in &page.sections {
            if seen.contains(&section.number) {
                let at = self.at.value("number", &section.number.to_string(), 2);
                self.error(
                    at,
                    format!("section number {} is used twice", section.number),
                    "number the sections 1, 2, 3… without repeats",
                );
            }
            seen.push(section.number);
            if section.head.iter().all(|h| h.trim().is_empty()) {
                let at = self.at.value("number", &section.number.to_string(), 1);
                self.error(
                    at,
                    format!("section {} has no head", section.number),
                    "give it `head: [first phrase, second phrase]`",
                );
            }
            if paragraphs(&section.body).is_empty() {
                let at = self.at.value("number", &section.number.to_string(), 1);
                self.error(
                    at,
                    format!("section {} has no body text", section.number),
                    "write its paragraphs under `body: |`, a blank line between paragraphs",
                );
            }
        }
        let mut images = Vec::new();
        let lead_photo = page
            .lead_photo
            .as_ref()
            .and_then(|p| self.photo(p, &mut images));
        let sections = page
            .sections
            .iter()
            .map(|s| SectionView {
                number: s.number,
                head: s.head.clone(),
                body: paragraphs(&s.body),
                photos: s
                    .photos
                    .iter()
                    .filter_map(|p| self.photo(p, &mut images))
                    .collect(),
            })
            .collect();
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let view = PageView {
            folio: FolioView {
                paper: page.folio.paper.clone(),
                date: page.folio.date.clone(),
                page: page.folio.page,
                section: page.folio.section.clone(),
                editors: page.folio.editors.clone(),
            },
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
        Ok((view, images))
    }

    fn error(&mut self, at: (usize, usize), message: String, hint: &str) {
        self.errors
            .push(ContentError::new(self.file, at, message).hint(hint));
    }

    fn template(&mut self, name: &str) {
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid
            || !self
                .root
                .join("layout/templates")
                .join(format!("{name}.typ"))
                .is_file()
        {
            let known = templates(self.root);
            let names: Vec<&str> = known.iter().map(String::as_str).collect();
            let hint = match closest(name, &names) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("templates in layout/templates/: {}", names.join(", ")),
            };
            let at = self.at.value("template", name, 1);
            self.error(at, format!("no template named `{name}`"), &hint);
        }
    }

    fn date(&mut self, date: &str) {
        if parse_date(date).is_none() {
            let at = self.at.value("date", date, 1);
            self.error(
                at,
                format!("`{date}` is not a date"),
                "write dates as YYYY-MM-DD, e.g. 2021-09-28",
            );
        }
    }

    fn not_empty(&mut self, key: &str, value: &str) {
        if value.trim().is_empty() {
            let at = self.at.key(key);
            self.error(at, format!("`{key}` is empty"), "every page needs one");
        }
    }

    /// Checks one photo and returns what the template needs to place it.
    fn photo(&mut self, photo: &Photo, images: &mut Vec<PathBuf>) -> Option<PhotoView> {
        let at = self.at.value("file", &photo.file, 1);
        if photo.caption.trim().is_empty() {
            self.error(
                at,
                format!("photo `{}` has no caption", photo.file),
                "every photo needs `caption:`",
            );
        }
        let dir = self.file.parent().unwrap_or(Path::new("."));
        let vpath = match crate::world::virtual_path(self.root, &dir.join(&photo.file)) {
            Ok(vpath) => vpath,
            Err(err) => {
                self.error(
                    at,
                    format!("image `{}`: {err}", photo.file),
                    "keep images inside the project folder, next to the page",
                );
                return None;
            }
        };
        let real = self.root.join(vpath.trim_start_matches('/'));
        if !real.is_file() {
            self.error(
                at,
                format!(
                    "image `{}` not found (looked for {})",
                    photo.file,
                    real.display()
                ),
                "check the file name; paths are relative to the page's YAML file",
            );
            return None;
        }
        let (width_px, height_px) = match crate::images::dimensions(&real) {
            Ok(size) => size,
            Err(err) => {
                self.error(
                    at,
                    format!("image `{}`: {err}", photo.file),
                    "replace it with a JPEG or PNG photo",
                );
                return None;
            }
        };
        images.push(real);
        Some(PhotoView {
            src: vpath,
            caption: photo.caption.clone(),
            credit: photo.credit.clone(),
            width_px,
            height_px,
        })
    }
}

/// Template names found in `layout/templates/`.
fn templates(root: &Path) -> Vec<String> {
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

/// `YYYY-MM-DD` → (year, month, day), if it is a real calendar date.
pub fn parse_date(date: &str) -> Option<(i32, u8, u8)> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days[month as usize - 1];
    valid.then_some((year, month, day))
}
