//! Overset: what did not fit the pages the template fills (or ran below the type area's
//! foot), per story and in all, the characters and grid lines to cut, and the make-up's best
//! single move; and the red frame a draft puts round overset pages.

use std::collections::BTreeMap;

use serde_json::json;
use typst::layout::{Abs, FrameItem, Point, Size};
use typst::model::Document;
use typst::visualize::Geometry;
use typst::visualize::{Color, FixedStroke, Paint};
use typst_layout::PagedDocument;

use super::ink::{Ink, Kind, caption_lines, column_feet, column_of, slot};
use super::{Area, Finding, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::template::{BodyArea, House};

/// One story's text past the last page.
#[derive(Default)]
struct Spill {
    /// Characters of running text (not heads or captions): what an editor would cut.
    chars: usize,
    /// Grid lines it takes on the overflow pages, its heads and photos included.
    lines: usize,
}

/// Per (page, column) past the page: each story's (first, last) grid line there.
type Spans = BTreeMap<(usize, i64), Vec<(String, i64, i64)>>;

/// A section photo as it stands on the page: dropping it frees its lines.
struct PhotoSize {
    /// The YAML path, `sections[2].photos[0]`.
    path: String,
    file: String,
    line: usize,
    /// Grid lines the picture and its caption take.
    lines: usize,
}

/// Text on pages past the template's last (or below the foot of the type area), attributed to
/// the story it belongs to, with what to cut to make the page fit.
pub fn check(page: &LoadedPage, house: &House, areas: &[BodyArea], inks: &[Ink]) -> Vec<Finding> {
    // Past the page: on a page after the template's last, or below the foot of the type area.
    let past_page = |ink: &Ink| {
        ink.page > house.pages
            || (house.type_bottom.is_finite() && ink.top > house.type_bottom + 0.5)
    };
    if !inks
        .iter()
        .any(|i| !i.running && i.story.is_some() && past_page(i))
    {
        return Vec::new();
    }
    let body_size = areas.first().map(|a| a.body_size);
    let is_body = |kind: Kind| match (kind, body_size) {
        (Kind::Text { size, .. }, Some(body)) => (size - body).abs() < 0.05,
        (Kind::Text { .. }, None) => true,
        _ => false,
    };
    // Columns of the overflow pages: the body area's, as its columns run on; failing that,
    // columns about 14 characters wide.
    let columns: Vec<(f64, f64)> = areas.first().map(|a| a.columns.clone()).unwrap_or_default();
    let column = |ink: &Ink| -> i64 {
        if columns.is_empty() {
            let size = body_size.unwrap_or(9.0);
            ((ink.x0 / (size * 14.0)).floor()) as i64
        } else {
            column_of(&columns, ink.x0, ink.x1) as i64
        }
    };

    // Per (page, column): each story's first and last grid line there, in order of appearance.
    let mut order: Vec<String> = Vec::new();
    let mut chars: BTreeMap<String, usize> = BTreeMap::new();
    let mut spans: Spans = BTreeMap::new();
    for ink in inks.iter().filter(|i| past_page(i) && !i.running) {
        let Some(story) = &ink.story else { continue };
        if !order.contains(story) {
            order.push(story.clone());
        }
        if let Kind::Text { chars: n, .. } = ink.kind
            && is_body(ink.kind)
        {
            *chars.entry(story.clone()).or_default() += n;
        }
        let (first, last) = (slot(ink.top, house), slot(ink.bottom, house));
        let column = spans.entry((ink.page, column(ink))).or_default();
        match column.iter_mut().find(|(s, _, _)| s == story) {
            Some(span) => {
                span.1 = span.1.min(first);
                span.2 = span.2.max(last);
            }
            None => column.push((story.clone(), first, last)),
        }
    }
    // A story takes a column from its first line to where the next story starts there (what
    // stands empty between them was left by its blocks), else to its own last line.
    let mut spills: BTreeMap<String, Spill> = BTreeMap::new();
    for column in spans.values_mut() {
        column.sort_by_key(|(_, first, _)| *first);
        for (k, (story, first, last)) in column.iter().enumerate() {
            let end = column.get(k + 1).map_or(*last + 1, |next| next.1);
            spills.entry(story.clone()).or_default().lines += (end - first).max(1) as usize;
        }
    }
    for (story, n) in chars {
        spills.entry(story).or_default().chars = n;
    }
    let past = Spill {
        chars: spills.values().map(|s| s.chars).sum(),
        lines: spills.values().map(|s| s.lines).sum(),
    };
    // Lines standing empty at column feet on the pages to fill: a block that did not fit there
    // went on, and once the page fits the make-up uses them. Only what they cannot take must go.
    let free: usize = areas
        .iter()
        .filter(|a| a.page <= house.pages)
        .flat_map(|a| column_feet(house, a, inks))
        .map(|foot| foot.empty)
        .sum();
    // Cutting the lines past the page makes it fit; the make-up may manage with fewer, down to
    // what the free lines cannot take.
    let cut_lines = past.lines;
    let at_least = past.lines.saturating_sub(free).max(1);
    let suggestion = suggest(
        page,
        house,
        areas,
        inks,
        &order,
        &spills,
        (cut_lines, at_least),
    );

    let over: Vec<(&String, &Spill)> = order
        .iter()
        .filter_map(|story| Some((story, spills.get(story).filter(|s| s.lines > 0)?)))
        .collect();
    let first_over = over.first().map(|(story, _)| *story);
    over.into_iter()
        .enumerate()
        .map(|(k, (story, spill))| {
            let (line, column) = story_location(page, story);
            let mut message = t!(
                "overset",
                story = story,
                chars = spill.chars,
                lines = t!("lines", n = spill.lines)
            );
            let mut details = json!({ "characters": spill.chars, "lines": spill.lines });
            // What follows the first story overset runs over because it does: the cut there
            // brings it back.
            if k > 0
                && let Some(first) = first_over
            {
                let follows = t!("overset-follows", story = first);
                message = t!("clause", first = message, second = follows);
            }
            // The first story overset carries the whole page's figures and the suggestion.
            if k == 0 {
                if order.len() > 1 {
                    let in_all = t!(
                        "overset-in-all",
                        chars = past.chars,
                        lines = t!("lines", n = past.lines)
                    );
                    message = t!("clause", first = message, second = in_all);
                }
                let mut total = json!({
                    "characters": past.chars,
                    "lines": cut_lines,
                    "at_least_lines": at_least,
                    "free_lines": free,
                });
                if let Some((text, json)) = &suggestion {
                    message = t!("clause", first = message, second = text);
                    total["characters"] = json["characters"].clone();
                    details["suggestion"] = json.clone();
                }
                details["total"] = total;
            }
            Finding {
                severity: Severity::Error,
                check: "overset",
                message,
                story: Some(story.clone()),
                line,
                column,
                details,
                areas: overset_areas(inks, story, past_page),
            }
        })
        .collect()
}

/// Where a story's text stops on the pages to fill (its last line there), and what of it ran
/// past them, one box per page.
fn overset_areas(inks: &[Ink], story: &str, past_page: impl Fn(&Ink) -> bool) -> Vec<Area> {
    let ours = |i: &&Ink| !i.running && i.story.as_deref() == Some(story);
    let mut areas: Vec<Area> = inks
        .iter()
        .filter(ours)
        .rfind(|i| !past_page(i) && matches!(i.kind, Kind::Text { .. }))
        .map(Ink::area)
        .into_iter()
        .collect();
    let mut past: Vec<Area> = Vec::new();
    for ink in inks.iter().filter(ours).filter(|i| past_page(i)) {
        let area = ink.area();
        match past.iter_mut().find(|a| a.page == area.page) {
            Some(box_) => *box_ = box_.union(area),
            None => past.push(area),
        }
    }
    areas.extend(past);
    areas
}

/// The make-up's best single move, in words and as JSON: cut `lines` lines from the story that
/// runs over (the characters of its last `lines` lines as set, so cutting that many from the
/// end of its text takes exactly those lines), or drop the smallest section photo whose lines
/// cover them.
fn suggest(
    page: &LoadedPage,
    house: &House,
    areas: &[BodyArea],
    inks: &[Ink],
    order: &[String],
    spills: &BTreeMap<String, Spill>,
    (lines, at_least): (usize, usize),
) -> Option<(String, serde_json::Value)> {
    if lines == 0 {
        return None;
    }
    let area = areas.first();
    let body_size = area.map_or(9.0, |a| a.body_size);
    let per_line = area
        .and_then(|a| a.columns.first())
        .map_or(27, |&(a, b)| ((b - a) / body_size + 0.01).floor() as usize);
    let is_body =
        |ink: &Ink| matches!(ink.kind, Kind::Text { size, .. } if (size - body_size).abs() < 0.05);
    // The story to cut: the first overset one with running text, else the last story with
    // running text before the overflow.
    let story = order
        .iter()
        .find(|s| spills.get(*s).is_some_and(|sp| sp.chars > 0))
        .cloned()
        .or_else(|| {
            inks.iter()
                .rfind(|i| i.page <= house.pages && is_body(i) && i.story.is_some())
                .and_then(|i| i.story.clone())
        })?;
    // Its running text line by line, in reading order: (page, column, grid line) -> characters.
    let columns: Vec<(f64, f64)> = area.map(|a| a.columns.clone()).unwrap_or_default();
    let mut text_lines: BTreeMap<(usize, usize, i64), usize> = BTreeMap::new();
    for ink in inks
        .iter()
        .filter(|i| !i.running && is_body(i) && i.story.as_ref() == Some(&story))
    {
        if let Kind::Text { chars, .. } = ink.kind {
            let key = (
                ink.page,
                column_of(&columns, ink.x0, ink.x1),
                slot(ink.top, house),
            );
            *text_lines.entry(key).or_default() += chars;
        }
    }
    // Characters of its last `n` lines as set (lines it does not have at its measure).
    let last = |n: usize| {
        let set: usize = text_lines.values().rev().take(n).sum();
        let short = n.saturating_sub(text_lines.len());
        (set + short * per_line, short > 0)
    };
    let (characters, about) = last(lines);
    // A story that sets fewer lines than the cut: the rest comes from the text before it (a
    // reviewer was told to cut 822 characters from a section of 633).
    let mut text = if text_lines.len() < lines {
        t!(
            "overset-cut-before",
            lines = t!("lines", n = lines),
            chars = characters,
            story = story.as_str(),
            has = t!("lines", n = text_lines.len()),
            has_chars = text_lines.values().sum::<usize>()
        )
    } else {
        t!(
            "overset-cut",
            lines = t!("lines", n = lines),
            about = if about { "yes" } else { "no" },
            chars = characters,
            story = story.as_str()
        )
    };
    let mut json = json!({ "story": story, "lines": lines, "characters": characters });
    if text_lines.len() < lines {
        json["story_lines"] = json!(text_lines.len());
    }
    if at_least < lines {
        let (fewest, _) = last(at_least);
        text += &t!(
            "overset-at-least",
            lines = t!("lines", n = lines - at_least),
            at_least = t!("lines", n = at_least),
            fewest = fewest
        );
        json["at_least"] = json!({ "lines": at_least, "characters": fewest });
    }
    let photos = photo_sizes(page, house, inks, body_size);
    let covering = photos
        .iter()
        .filter(|p| p.lines >= lines)
        .min_by_key(|p| p.lines);
    let photo = covering.or_else(|| photos.iter().max_by_key(|p| p.lines));
    if let Some(photo) = photo {
        text += &t!(
            "overset-drop-photo",
            file = photo.file,
            path = photo.path,
            line = photo.line,
            lines = t!("lines", n = photo.lines)
        );
        if photo.lines < lines {
            text += &t!(
                "overset-cut-more",
                lines = t!("lines", n = lines - photo.lines)
            );
        }
        json["photo"] = json!({ "path": photo.path, "file": photo.file, "lines": photo.lines });
    }

    Some((text, json))
}

/// The section photos as laid out, each with the grid lines its picture and caption take.
/// A story's n-th picture is its n-th photo in the page data.
fn photo_sizes(page: &LoadedPage, house: &House, inks: &[Ink], body_size: f64) -> Vec<PhotoSize> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, ink) in inks.iter().enumerate() {
        if ink.kind != Kind::Image {
            continue;
        }
        let Some(story) = &ink.story else { continue };
        let nth = seen.entry(story.clone()).or_default();
        let j = *nth;
        *nth += 1;
        let Some(k) = page.view.sections.iter().position(|s| s.id == *story) else {
            continue;
        };
        let Some(data) = page.view.sections[k].photos.get(j) else {
            continue;
        };
        // The caption under the picture (see `ink::caption_lines`).
        let caption = caption_lines(inks, i, body_size, house.pitch);
        let bottom = inks[i + caption].bottom;
        let lines = (slot(bottom, house) - slot(ink.top, house) + 1).max(1) as usize;
        let path = page.view.sections[k].photo_path(k, j);
        let (line, _) = page.positions.value(&format!("{path}.file"));
        out.push(PhotoSize {
            file: data.src.rsplit('/').next().unwrap_or(&data.src).to_string(),
            path,
            line,
            lines,
        });
    }
    out
}

/// For `--draft`: a red frame around every page that holds overset text, so nobody mistakes the
/// proof for a finished page; with `overset` (preflight found some), around the last page
/// too, though nothing ran past it (a story with no place on a news page).
pub fn overset_mark(
    document: &PagedDocument,
    house: &House,
    overset: bool,
) -> Option<PagedDocument> {
    if document.pages().len() <= house.pages && !overset {
        return None;
    }
    let mut pages: Vec<_> = document.pages().to_vec();
    let red = Paint::Solid(Color::from_u8(230, 0, 0, 255));
    for page in pages.iter_mut().skip(house.pages.saturating_sub(1)) {
        let size = page.frame.size();
        let inset = Abs::pt(6.0);
        let shape = Geometry::Rect(Size::new(size.x - 2.0 * inset, size.y - 2.0 * inset))
            .stroked(FixedStroke::from_pair(red.clone(), Abs::pt(6.0)));
        page.frame.push(
            Point::splat(inset),
            FrameItem::Shape(shape, typst::syntax::Span::detached()),
        );
    }
    Some(PagedDocument::new(
        pages.into_iter().collect(),
        document.info().clone(),
    ))
}
