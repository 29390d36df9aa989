//! The checks serde cannot express, collecting every error rather than the first: dates, page
//! and section numbers, required text, limits on counts, templates and photo files.

use std::path::{Path, PathBuf};

use crate::error::{ContentError, closest};
use crate::issue::Slot;
use crate::lang::{self, Found, LangView, prose, subtitle};
use crate::manifest::{self, Manifest};
use crate::model::{Byline, Page, Photo, Story};
use crate::text::paragraphs;
use crate::view::{
    BriefView, BriefsView, BylineView, FolioView, PageView, PhotoView, PinView, SectionView,
    StoryView,
};
use crate::{Parsed, images, limits, parse_date, paths, rules};

/// What a page is found to be: the data templates read, every image file it uses, and what
/// its template takes.
pub struct Checked {
    pub view: PageView,
    pub images: Vec<PathBuf>,
    pub manifest: Manifest,
    /// What was decided for the editor and is worth saying (a language found from the text).
    pub notes: Vec<ContentError>,
}

/// Checks a parsed page against the project at `root`, as a page of an issue if `slot` says
/// where it stands there: the data templates read, and every image file it uses.
pub fn check(
    file: &Path,
    root: &Path,
    parsed: &Parsed,
    slot: Option<&Slot>,
) -> Result<Checked, Vec<ContentError>> {
    let mut checker = Checker {
        file,
        root,
        parsed,
        slot,
        errors: Vec::new(),
        notes: Vec::new(),
    };
    let manifest = checker.template(&parsed.page.template);
    if let Some(manifest) = &manifest {
        checker.manifest(manifest);
    }
    let (view, images) = checker.page(&parsed.page);
    match manifest {
        Some(manifest) if checker.errors.is_empty() => Ok(Checked {
            view,
            images,
            manifest,
            notes: checker.notes,
        }),
        _ => Err(checker.errors),
    }
}

struct Checker<'a> {
    file: &'a Path,
    root: &'a Path,
    parsed: &'a Parsed,
    slot: Option<&'a Slot>,
    errors: Vec<ContentError>,
    notes: Vec<ContentError>,
}

impl Checker<'_> {
    fn page(&mut self, page: &Page) -> (PageView, Vec<PathBuf>) {
        let folio = self.folio(page);
        if page
            .headline
            .as_deref()
            .is_some_and(|h| h.trim().is_empty())
        {
            self.error(
                "headline",
                crate::t!("headline-empty"),
                &crate::t!("headline-empty-hint"),
            );
        }
        self.counts(page);
        self.sections(page);
        let lang = self.page_lang(page);
        let mut images = Vec::new();
        let lead_photo = page
            .lead_photo
            .as_ref()
            .and_then(|p| self.photo("lead_photo", p, &lang, &mut images));
        let sections = page
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("sections[{i}]");
                let texts = s
                    .head
                    .iter()
                    .chain([&s.body])
                    .chain(s.photos.iter().map(|p| &p.caption));
                let own = self.story_lang(&path, s.lang.as_deref(), page, &lang, texts);
                SectionView {
                    id: s
                        .id
                        .clone()
                        .unwrap_or_else(|| format!("section-{}", s.number)),
                    number: s.number,
                    head: s.head.iter().map(|h| prose(&own, h)).collect(),
                    body: paragraphs(&s.body).iter().map(|p| prose(&own, p)).collect(),
                    photos: s
                        .photos
                        .iter()
                        .enumerate()
                        .filter_map(|(j, p)| {
                            self.photo(&format!("{path}.photos[{j}]"), p, &own, &mut images)
                        })
                        .collect(),
                    is_lead: false,
                    lang: own,
                }
            })
            .collect();
        let (lead, lead_photo, sections) = lead_as_story(
            page.lead
                .as_deref()
                .map(paragraphs)
                .unwrap_or_default()
                .iter()
                .map(|p| prose(&lang, p))
                .collect(),
            lead_photo,
            sections,
            &lang,
        );
        if let Some(slot) = self.slot.filter(|s| s.spread != page.spread) {
            self.error(
                if page.spread { "spread" } else { "folio" },
                crate::t!(
                    "spread-disagrees",
                    page = if page.spread { "spread" } else { "single" },
                    issue = slot.issue.display(),
                    entry = slot.entry
                ),
                &crate::t!("spread-disagrees-hint"),
            );
        }
        let spread = page.spread.then(|| self.spread(&folio));
        let stories = self.stories(page, &lang, &mut images);
        // A brief is one paragraph: its paragraphs joined as a line's words are.
        let latin = lang.as_ref().is_some_and(|l| l.latin);
        let briefs = page.briefs.as_ref().map(|b| BriefsView {
            id: "briefs",
            title: match &b.title {
                Some(title) => prose(&lang, title),
                None if latin => "In brief".into(),
                None => "简讯".into(),
            },
            items: b
                .items
                .iter()
                .map(|item| BriefView {
                    headline: prose(&lang, &item.headline),
                    body: prose(
                        &lang,
                        &paragraphs(&item.body).join(if latin { " " } else { "" }),
                    ),
                })
                .collect(),
        });
        if let Some(b) = &page.briefs {
            self.briefs(b);
        }
        let view = PageView {
            spread,
            folio,
            kicker: page.kicker.as_deref().map(|t| prose(&lang, t)),
            headline: page.headline.as_deref().map(|t| prose(&lang, t)),
            subtitle: page.subtitle.as_deref().map(|t| subtitle(&lang, t)),
            byline: page.byline.as_ref().map(|b| byline(b, &lang)),
            lead,
            lead_photo,
            sections,
            credit: page.credit.as_deref().map(|t| prose(&lang, t)),
            stories,
            briefs,
            lang,
        };
        (view, images)
    }

    /// The folio as printed: paper, date and page number from the page, or from its issue.
    /// A page that says otherwise than its issue is an error, not a silent choice: it is a
    /// page file left over from another day or place.
    fn folio(&mut self, page: &Page) -> FolioView {
        let own = &page.folio;
        let slot = self.slot;
        let paper = self.inherited("paper", own.paper.clone(), slot.map(|s| s.paper.clone()));
        let date = self.inherited("date", own.date.clone(), slot.map(|s| s.date.clone()));
        for (field, text) in [("paper", &own.paper), ("date", &own.date)] {
            // With an issue, a page's own value is an error of its own (it differs).
            if slot.is_none() && text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                let path = format!("folio.{field}");
                let at = self.parsed.positions.key(&path);
                self.errors.push(
                    ContentError::new(self.file, at, crate::t!("field-empty", field = path))
                        .hint(crate::t!("folio-empty-hint", field = field)),
                );
            }
        }
        if !date.trim().is_empty() && parse_date(&date).is_none() {
            self.error(
                "folio.date",
                crate::t!("not-a-date", date = date),
                &crate::t!("write-dates"),
            );
        }
        let number = self.inherited("page", own.page, slot.map(|s| s.page));
        if !rules::PAGE_NUMBERS.contains(&number) && (own.page.is_some() || slot.is_some()) {
            self.error(
                "folio.page",
                crate::t!("not-a-page", number = number),
                &crate::t!("pages-from-1"),
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
                crate::t!("spread-odd", page = left.page),
                &crate::t!("spread-odd-hint"),
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
    ) -> T {
        let path = format!("folio.{field}");
        match (own, issue, self.slot) {
            (Some(own), Some(issue), Some(slot)) if own != issue => {
                let message = crate::t!(
                    "folio-disagrees",
                    field = field,
                    own = own,
                    issue = slot.issue.display(),
                    theirs = issue,
                    entry = slot.entry
                );
                let hint = if field == "page" {
                    crate::t!("folio-disagrees-page-hint", path = path, own = own)
                } else {
                    crate::t!("folio-disagrees-hint", path = path)
                };
                self.error(&path, message, &hint);
                issue
            }
            (Some(value), _, _) | (None, Some(value), _) => value,
            (None, None, _) => {
                // A key given no value (`date:`) is empty where it stands; a key not given at
                // all is missing at the `folio:` key, where it belongs.
                let positions = &self.parsed.positions;
                let (at, message) = match positions.get(&path) {
                    Some(_) => (positions.key(&path), crate::t!("field-empty", field = path)),
                    None => (
                        positions.key("folio"),
                        crate::t!("field-missing", field = path),
                    ),
                };
                let what = crate::t!("folio-what", field = field);
                self.errors.push(
                    ContentError::new(self.file, at, message)
                        .hint(crate::t!("folio-missing-hint", what = what)),
                );
                T::default()
            }
        }
    }

    /// A story id an editor gave: short, plain and unique on the page, and none of the names
    /// the page's own stories have.
    fn story_id(&mut self, path: &str, id: &str, before: &[&str]) {
        if !rules::is_plain_id(id) {
            self.error(
                path,
                crate::t!("not-an-id", id = id),
                &crate::t!("not-an-id-hint"),
            );
        } else if before.contains(&id)
            || rules::RESERVED_IDS.contains(&id)
            || id.starts_with(rules::RESERVED_ID_PREFIX)
        {
            self.error(
                path,
                crate::t!("id-taken", id = id),
                &crate::t!("id-taken-hint"),
            );
        }
    }

    fn error(&mut self, path: &str, message: String, hint: &str) {
        let at = self.parsed.positions.value(path);
        self.errors
            .push(ContentError::new(self.file, at, message).hint(hint));
    }

    /// Offers `right` in place of `wrong` for the error just reported, if there is a `right`.
    fn fix_last(&mut self, wrong: &str, right: Option<&str>) {
        if let Some(right) = right
            && let Some(error) = self.errors.pop()
        {
            self.errors.push(error.fix(wrong, right));
        }
    }

    /// Sections and photos within their limits.
    fn counts(&mut self, page: &Page) {
        let sections = page.sections.len() as u64;
        if limits::SECTIONS.exceeded_by(sections) {
            let path = format!("sections[{}]", limits::SECTIONS.max);
            self.error(
                &path,
                limits::SECTIONS.message("page", sections),
                &crate::t!("too-many-sections-hint"),
            );
        }
        let photos = page.sections.iter().map(|s| s.photos.len()).sum::<usize>()
            + usize::from(page.lead_photo.is_some());
        if limits::PHOTOS.exceeded_by(photos as u64) {
            self.error(
                "sections",
                limits::PHOTOS.message("page", photos as u64),
                &crate::t!("too-many-photos-hint"),
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
                    crate::t!("section-twice", number = section.number)
                } else {
                    crate::t!(
                        "section-out-of-order",
                        number = section.number,
                        expected = expected,
                        order = order.join(", ")
                    )
                };
                self.error(
                    &format!("{path}.number"),
                    message,
                    &crate::t!("section-order-hint"),
                );
            }
            if section.head.iter().all(|h| h.trim().is_empty()) {
                self.error(
                    &format!("{path}.head"),
                    crate::t!("section-no-head", number = section.number),
                    &crate::t!("section-no-head-hint"),
                );
            }
            if paragraphs(&section.body).is_empty() {
                self.error(
                    &format!("{path}.body"),
                    crate::t!("section-no-body", number = section.number),
                    &crate::t!("no-body-hint"),
                );
            }
        }
    }

    /// The page's template, by its manifest; `None` (and an error) if there is no such
    /// template or its manifest is broken.
    fn template(&mut self, name: &str) -> Option<Manifest> {
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
            return match manifest::load(self.root, name) {
                Ok(manifest) => Some(manifest),
                Err(errors) => {
                    self.errors.extend(errors);
                    None
                }
            };
        }
        let known = templates(self.root);
        let names: Vec<&str> = known.iter().map(String::as_str).collect();
        let best = closest(name, &names);
        let hint = match best {
            Some(best) => crate::t!("did-you-mean", best = best),
            None => {
                let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
                crate::t!("templates-are", names = names.join(&crate::t!("list-sep")))
            }
        };
        self.error("template", crate::t!("no-template", name = name), &hint);
        self.fix_last(name, best);
        None
    }

    /// The page's fields against what its template takes: a field it does not read would not
    /// print, a field it needs would leave a hole.
    fn manifest(&mut self, manifest: &Manifest) {
        let page = &self.parsed.page;
        let takes = manifest.takes();
        let template = &page.template;
        for field in manifest::CONTENT_FIELDS {
            // A page key misspelt is read as the field it means (`headlin`): reported as
            // unknown, with the fix, and not as missing too.
            let respelt = self.parsed.unknown.iter().any(|e| {
                e.fix.as_ref().is_some_and(|fix| {
                    fix.right == *field && self.parsed.positions.get(&fix.wrong).is_some()
                })
            });
            let given = self.parsed.positions.get(field).is_some() || respelt;
            if given && !takes.contains(&field) {
                let at = self.parsed.positions.key(field);
                let hint = crate::t!(
                    "field-not-printed-hint",
                    best = closest(field, &takes).unwrap_or("none"),
                    template = template,
                    name = manifest.name,
                    takes = takes.join(", ")
                );
                let message = crate::t!("field-not-printed", template = template, field = field);
                self.errors
                    .push(ContentError::new(self.file, at, message).hint(hint));
            } else if !given && manifest.requires(field) {
                let at = self.parsed.positions.key("template");
                let at = if at == (0, 0) { (1, 1) } else { at };
                let message = crate::t!("field-needed", field = field, template = template);
                self.errors.push(
                    ContentError::new(self.file, at, message)
                        .hint(crate::t!("field-needed-hint", field = field)),
                );
            }
        }
        if page.spread && !manifest.spread {
            self.error(
                "spread",
                crate::t!("spread-not-set", template = template, name = manifest.name),
                &crate::t!("spread-not-set-hint", template = template),
            );
        }
        if let Some(count) = manifest.stories {
            let n = page.stories.len() as u32;
            if n < count.min || n > count.max {
                self.error(
                    "stories",
                    crate::t!(
                        "story-count",
                        n = n,
                        template = template,
                        min = count.min,
                        max = count.max
                    ),
                    &crate::t!(
                        "story-count-hint",
                        more = if n < count.min { "yes" } else { "no" }
                    ),
                );
            }
        }
    }

    /// The stories of a page with several: each checked, ranked and given its id.
    fn stories(
        &mut self,
        page: &Page,
        page_lang: &Option<LangView>,
        images: &mut Vec<PathBuf>,
    ) -> Vec<StoryView> {
        if limits::STORIES.exceeded_by(page.stories.len() as u64) {
            self.error(
                &format!("stories[{}]", limits::STORIES.max),
                limits::STORIES.message("page", page.stories.len() as u64),
                &crate::t!("too-many-stories-hint"),
            );
        }
        let mut order: Vec<usize> = (0..page.stories.len()).collect();
        order.sort_by_key(|&i| page.stories[i].priority.unwrap_or(u32::MAX));
        let mut ids: Vec<String> = Vec::new();
        let mut views = Vec::new();
        for (i, story) in page.stories.iter().enumerate() {
            let path = format!("stories[{i}]");
            let id = match &story.id {
                Some(id) => {
                    let before: Vec<&str> = ids.iter().map(String::as_str).collect();
                    self.story_id(&format!("{path}.id"), id, &before);
                    id.clone()
                }
                None => format!("story-{}", i + 1),
            };
            ids.push(id.clone());
            self.story(&path, story);
            let texts = [&story.headline, &story.body]
                .into_iter()
                .chain(story.photos.iter().map(|p| &p.caption));
            let lang = self.story_lang(&path, story.lang.as_deref(), page, page_lang, texts);
            let photos = story
                .photos
                .iter()
                .enumerate()
                .filter_map(|(j, p)| self.photo(&format!("{path}.photos[{j}]"), p, &lang, images))
                .collect();
            let text = |t: &Option<String>| t.as_deref().map(|t| prose(&lang, t));
            views.push(StoryView {
                id,
                rank: order.iter().position(|&o| o == i).unwrap_or(i),
                kind: story.kind.clone().unwrap_or_else(|| "story".into()),
                kicker: text(&story.kicker),
                headline: prose(&lang, &story.headline),
                subtitle: story.subtitle.as_deref().map(|t| subtitle(&lang, t)),
                byline: story.byline.as_ref().map(|b| byline(b, &lang)),
                dateline: text(&story.dateline),
                body: paragraphs(&story.body)
                    .iter()
                    .map(|p| prose(&lang, p))
                    .collect(),
                photos,
                pin: story.pin.as_ref().map(|p| PinView {
                    column: p.column.map(|c| c.saturating_sub(1)),
                    width: p.width,
                }),
                frame: story.frame.clone(),
                lang,
                jump: None,
            });
        }
        self.shared_priorities(page, &ids);
        views
    }

    /// A note at each story whose priority an earlier one has already: the tie is broken by
    /// page order, which the desk did not say (moving a story in the file would swap them).
    fn shared_priorities(&mut self, page: &Page, ids: &[String]) {
        for (i, story) in page.stories.iter().enumerate() {
            let Some(priority) = story.priority else {
                continue;
            };
            if let Some(first) = page.stories[..i]
                .iter()
                .position(|s| s.priority == Some(priority))
            {
                let message = crate::t!(
                    "priority-shared",
                    story = ids[i].as_str(),
                    first = ids[first].as_str(),
                    priority = priority
                );
                let at = self
                    .parsed
                    .positions
                    .value(&format!("stories[{i}].priority"));
                self.notes.push(
                    ContentError::new(self.file, at, message)
                        .hint(crate::t!("priority-shared-hint")),
                );
            }
        }
    }

    /// One story's own rules: a headline and text, a known kind and frame, a pin on the page.
    fn story(&mut self, path: &str, story: &Story) {
        if story.headline.trim().is_empty() {
            self.error(
                &format!("{path}.headline"),
                crate::t!("story-no-headline"),
                &crate::t!("story-no-headline-hint"),
            );
        }
        let kind = story.kind.as_deref().unwrap_or("story");
        if paragraphs(&story.body).is_empty() && kind != "photo" {
            self.error(
                &format!("{path}.body"),
                crate::t!("story-no-body"),
                &crate::t!("no-body-hint"),
            );
        }
        if !rules::STORY_KINDS.contains(&kind) {
            self.error(
                &format!("{path}.kind"),
                crate::t!("not-a-kind", kind = kind),
                &crate::t!("not-a-kind-hint"),
            );
        }
        if kind == "photo" && story.photos.is_empty() {
            self.error(
                &format!("{path}.photos"),
                crate::t!("photo-news-no-photo"),
                &crate::t!("photo-news-no-photo-hint"),
            );
        }
        if let Some(frame) = story.frame.as_deref()
            && !rules::FRAMES.contains(&frame)
        {
            let best = closest(frame, &rules::FRAMES);
            let hint = crate::t!("frame-hint", best = best.unwrap_or("none"));
            self.error(
                &format!("{path}.frame"),
                crate::t!("not-a-frame", frame = frame),
                &hint,
            );
            self.fix_last(frame, best);
        }
        if let Some(pin) = &story.pin {
            for (field, value) in [("column", pin.column), ("width", pin.width)] {
                if value == Some(0) {
                    self.error(
                        &format!("{path}.pin.{field}"),
                        crate::t!("pin-zero", field = field),
                        &crate::t!("columns-from-1"),
                    );
                }
            }
        }
    }

    /// The brief column: within its limit, every item with a head and text.
    fn briefs(&mut self, briefs: &crate::model::Briefs) {
        if briefs.items.is_empty() {
            self.error(
                "briefs.items",
                crate::t!("briefs-empty"),
                &crate::t!("briefs-empty-hint"),
            );
        }
        if limits::STORIES.exceeded_by(briefs.items.len() as u64) {
            self.error(
                &format!("briefs.items[{}]", limits::STORIES.max),
                limits::STORIES.message("brief-column", briefs.items.len() as u64),
                &crate::t!("too-many-briefs-hint"),
            );
        }
        for (i, item) in briefs.items.iter().enumerate() {
            if item.headline.trim().is_empty() || item.body.trim().is_empty() {
                self.error(
                    &format!("briefs.items[{i}]"),
                    crate::t!("brief-incomplete"),
                    &crate::t!("brief-incomplete-hint"),
                );
            }
        }
    }

    /// Checks one photo (at `path` in the YAML) and returns what the template needs to place it.
    fn photo(
        &mut self,
        path: &str,
        photo: &Photo,
        lang: &Option<LangView>,
        images: &mut Vec<PathBuf>,
    ) -> Option<PhotoView> {
        let file_path = format!("{path}.file");
        if photo.caption.trim().is_empty() {
            self.error(
                &format!("{path}.caption"),
                crate::t!("no-caption", file = photo.file),
                &crate::t!("no-caption-hint"),
            );
        }
        if let Some(crop) = photo.crop
            && crop > rules::CROP_MAX
        {
            self.error(
                &format!("{path}.crop"),
                crate::t!("crop-too-much", crop = crop),
                &crate::t!("crop-hint", max = rules::CROP_MAX),
            );
        }
        if photo.span == Some(0) {
            self.error(
                &format!("{path}.span"),
                crate::t!("span-zero"),
                &crate::t!("span-zero-hint"),
            );
        }
        let dir = self.file.parent().unwrap_or(Path::new("."));
        let vpath = match paths::virtual_path(self.root, &dir.join(&photo.file)) {
            Ok(vpath) => vpath,
            Err(err) => {
                self.error(
                    &file_path,
                    crate::t!("image-outside", file = photo.file, problem = err),
                    &crate::t!("image-outside-hint"),
                );
                return None;
            }
        };
        let real = self.root.join(vpath.trim_start_matches('/'));
        if let Err(err) = std::fs::metadata(&real) {
            // A symlink loop is named as one; anything else unreadable is "not found" here
            // and `inspect` says more about files that exist.
            let problem = if crate::files::is_loop(&err) {
                crate::files::describe(&err).to_string()
            } else {
                crate::t!("not-found")
            };
            self.error(
                &file_path,
                crate::t!(
                    "image-missing",
                    file = photo.file,
                    problem = problem,
                    path = real.display()
                ),
                &crate::t!("image-missing-hint"),
            );
            return None;
        }
        let info = match images::inspect(&real) {
            Ok(info) => info,
            Err(err) => {
                self.error(
                    &file_path,
                    crate::t!("image-bad", file = photo.file, problem = err),
                    &crate::t!("image-bad-hint"),
                );
                return None;
            }
        };
        images.push(real);
        let focus = match photo.focus.as_deref().map(rules::focus) {
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
                    crate::t!(
                        "not-a-focus",
                        focus = photo.focus.as_deref().unwrap_or_default()
                    ),
                    &crate::t!("focus-hint"),
                );
                (0.5, 0.5)
            }
        };
        Some(PhotoView {
            src: vpath,
            format: info.format,
            caption: prose(lang, &crate::text::breakable(photo.caption.clone())),
            credit: photo.credit.as_deref().map(|t| prose(lang, t)),
            width_px: info.width,
            height_px: info.height,
            focus,
            crop: photo
                .crop
                .map(|c| f64::from(c.min(rules::CROP_MAX)) / 100.0),
            span: photo.span,
            lang: lang.clone(),
        })
    }

    /// The page's language: as it says, else English if its own texts (heads, lead, credit)
    /// are mostly Latin words, with a note; else the house's (`None`).
    fn page_lang(&mut self, page: &Page) -> Option<LangView> {
        if let Some(tag) = &page.lang {
            return self.lang("lang", tag);
        }
        let byline = page
            .byline
            .iter()
            .flat_map(|b| b.label.iter().chain(&b.names));
        let caption = page.lead_photo.iter().map(|p| &p.caption);
        let own = [
            &page.kicker,
            &page.headline,
            &page.subtitle,
            &page.lead,
            &page.credit,
        ];
        let texts = own.into_iter().flatten().chain(byline).chain(caption);
        if lang::detect(texts.map(String::as_str)) != Found::Latin {
            return None;
        }
        // The page's own fields: what it holds besides its language and its stories.
        let first = manifest::CONTENT_FIELDS
            .into_iter()
            .filter(|f| !matches!(*f, "lang" | "sections" | "stories" | "briefs"))
            .find(|f| self.parsed.positions.get(f).is_some())
            .unwrap_or("template");
        self.note(first, &crate::t!("latin-page"));
        Some(lang::found_latin())
    }

    /// A story's (or section's, at `path`) language: as it says; else the page's, if the page
    /// says one; else found from its `texts`: English for mostly Latin words (with a note when
    /// the page is not English), the house's for Chinese, the page's when too short to tell.
    fn story_lang<'t>(
        &mut self,
        path: &str,
        own: Option<&str>,
        page: &Page,
        page_lang: &Option<LangView>,
        texts: impl IntoIterator<Item = &'t String>,
    ) -> Option<LangView> {
        if let Some(tag) = own {
            return self.lang(&format!("{path}.lang"), tag);
        }
        if page.lang.is_some() {
            return page_lang.clone();
        }
        match lang::detect(texts.into_iter().map(String::as_str)) {
            Found::Latin => {
                if !page_lang.as_ref().is_some_and(|l| l.latin) {
                    self.note(path, &crate::t!("latin-story"));
                }
                Some(lang::found_latin())
            }
            Found::Han => None,
            Found::Unknown => page_lang.clone(),
        }
    }

    /// A `lang:` tag read, or an error at it.
    fn lang(&mut self, path: &str, tag: &str) -> Option<LangView> {
        match lang::parse(tag) {
            Ok(lang) => Some(lang),
            Err(message) => {
                self.error(path, message, &crate::t!("lang-hint"));
                None
            }
        }
    }

    /// A note at `path`'s key about a language found from the text.
    fn note(&mut self, path: &str, message: &str) {
        let at = self.parsed.positions.key(path);
        let whose = if path.contains('[') { "story" } else { "page" };
        self.notes.push(
            ContentError::new(self.file, at, message.into())
                .hint(crate::t!("lang-note-hint", whose = whose)),
        );
    }
}

fn byline(b: &Byline, lang: &Option<LangView>) -> BylineView {
    BylineView {
        label: b.label.as_deref().map(|t| prose(lang, t)),
        names: b.names.iter().map(|n| prose(lang, n)).collect(),
    }
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
/// A page with a lead and no numbered sections is one story (an essay, an interview): its
/// lead is its text, set as the body through every stack with the lead photo, instead of a
/// lead band over an empty body. Otherwise the three stay as they are.
fn lead_as_story(
    lead: Vec<String>,
    lead_photo: Option<PhotoView>,
    sections: Vec<SectionView>,
    lang: &Option<LangView>,
) -> (Vec<String>, Option<PhotoView>, Vec<SectionView>) {
    if !sections.is_empty() || lead.is_empty() {
        return (lead, lead_photo, sections);
    }
    let story = SectionView {
        id: "lead".into(),
        number: 0,
        head: Vec::new(),
        body: lead,
        photos: lead_photo.into_iter().collect(),
        is_lead: true,
        lang: lang.clone(),
    };
    (Vec::new(), None, vec![story])
}
