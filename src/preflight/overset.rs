//! Overset (what did not fit the pages the template fills: per story and in all, the characters
//! and grid lines to cut, and the make-up's best single move) and underset (empty grid lines in
//! each column of the body area, whole empty columns included), read from the laid-out
//! document and the body area the template publishes (`body-area` in `marks.typ`).

use std::collections::BTreeMap;

use serde_json::json;
use typst::introspection::Tag;
use typst::layout::{Abs, FrameItem, Point, Size};
use typst::model::Document;
use typst::visualize::Geometry;
use typst::visualize::{Color, FixedStroke, Paint};
use typst_layout::PagedDocument;

use super::marks::{self, BodyArea, House};
use super::{Finding, Severity, frames, story_location};
use crate::content::LoadedPage;

pub fn check(page: &LoadedPage, document: &PagedDocument, house: &House) -> Vec<Finding> {
    let areas = marks::body_areas(document);
    let inks = inks(document);
    let mut findings = overset(page, house, &areas, &inks);
    findings.extend(underset(page, document, house, &areas, &inks));
    findings
}

/// What an item of the page prints.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A run of text: its characters (spaces not counted) and size, pt.
    Text {
        chars: usize,
        size: f64,
    },
    Image,
    Rule,
}

/// Something printed (text, image, rule), where it sits, and the story it belongs to. For text,
/// `top` and `bottom` are both its baseline, which lies in the grid line the text takes.
#[derive(Debug, Clone)]
struct Ink {
    page: usize,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    kind: Kind,
    /// The innermost story open where it was laid out (never a running head).
    story: Option<String>,
    /// Part of a running head (a folio).
    running: bool,
}

/// Every item that prints, in document order, with its story.
fn inks(document: &PagedDocument) -> Vec<Ink> {
    let mut out = Vec::new();
    // Stories open at this point; the innermost owns the item. A running head repeated on an
    // overflow page nests inside the story that overflows, and owns its own text.
    let mut open: Vec<(String, bool)> = Vec::new();
    for placed in frames::placed(document) {
        let (x0, x1, top, bottom, kind) = match placed.item {
            FrameItem::Tag(Tag::Start(content, _)) => {
                if let Some((story, start, running)) = marks::story_edge(content) {
                    if start {
                        open.push((story, running));
                    } else if let Some(i) = open.iter().rposition(|(s, _)| *s == story) {
                        open.remove(i);
                    }
                }
                continue;
            }
            FrameItem::Text(text) => {
                let (x, y) = (placed.at.x.to_pt(), placed.at.y.to_pt());
                let width = text.width().to_pt() * placed.transform.sx.get();
                let chars = text.text.chars().filter(|c| !c.is_whitespace()).count();
                let size = text.size.to_pt();
                (x, x + width, y, y, Kind::Text { chars, size })
            }
            FrameItem::Image(_, size, _) => {
                let corner = Point::new(size.x, size.y).transform(placed.transform);
                let (a, b) = (placed.at, corner);
                let (x0, x1) = (a.x.to_pt().min(b.x.to_pt()), a.x.to_pt().max(b.x.to_pt()));
                let (y0, y1) = (a.y.to_pt().min(b.y.to_pt()), a.y.to_pt().max(b.y.to_pt()));
                (x0, x1, y0, y1, Kind::Image)
            }
            FrameItem::Shape(shape, _) if shape.fill.is_some() || shape.stroke.is_some() => {
                let bbox = shape.bbox(true);
                let (a, b) = (
                    bbox.min.transform(placed.transform),
                    bbox.max.transform(placed.transform),
                );
                let (x0, x1) = (a.x.to_pt().min(b.x.to_pt()), a.x.to_pt().max(b.x.to_pt()));
                let (y0, y1) = (a.y.to_pt().min(b.y.to_pt()), a.y.to_pt().max(b.y.to_pt()));
                (x0, x1, y0, y1, Kind::Rule)
            }
            _ => continue,
        };
        let running = open.last().is_some_and(|(_, running)| *running);
        let story = open.last().filter(|_| !running).map(|(s, _)| s.clone());
        out.push(Ink {
            page: placed.page,
            x0,
            x1,
            top,
            bottom,
            kind,
            story,
            running,
        });
    }
    out
}

/// The grid line (0 = the first of the type area) that a baseline, or an edge of a block, at `y`
/// falls in. Body baselines sit at `grid_origin` plus whole pitches; blocks start a little above
/// a baseline (the text's ascent) and end `gap` above the next line's top.
fn slot(y: f64, house: &House) -> i64 {
    let origin = if house.grid_origin.is_finite() {
        house.grid_origin
    } else {
        0.0
    };
    ((y - origin) / house.pitch + 0.75).floor() as i64
}

/// The column of `columns` whose span holds the middle of `x0..x1`, else the nearest.
fn column_of(columns: &[(f64, f64)], x0: f64, x1: f64) -> usize {
    let mid = (x0 + x1) / 2.0;
    let distance = |&(a, b): &(f64, f64)| {
        if mid < a {
            a - mid
        } else if mid > b {
            mid - b
        } else {
            0.0
        }
    };
    (0..columns.len())
        .min_by(|&i, &j| distance(&columns[i]).total_cmp(&distance(&columns[j])))
        .unwrap_or(0)
}

/// Whether `x0..x1` prints within the column `a..b`.
fn overlaps(x0: f64, x1: f64, (a, b): (f64, f64)) -> bool {
    x1.min(b) - x0.max(a) > 0.5
}

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
fn overset(page: &LoadedPage, house: &House, areas: &[BodyArea], inks: &[Ink]) -> Vec<Finding> {
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
        .map(|(lines, _)| lines)
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

    order
        .iter()
        .filter_map(|story| Some((story, spills.get(story).filter(|s| s.lines > 0)?)))
        .enumerate()
        .map(|(k, (story, spill))| {
            let (line, column) = story_location(page, story);
            let what = if spill.chars > 0 {
                format!(
                    "{} characters in {} did not fit on the page",
                    spill.chars,
                    plural(spill.lines, "line")
                )
            } else {
                format!(
                    "{} (no running text) did not fit on the page",
                    plural(spill.lines, "line")
                )
            };
            let mut message = format!("{story} is overset: {what}");
            let mut details = json!({ "characters": spill.chars, "lines": spill.lines });
            // The first story overset carries the whole page's figures and the suggestion.
            if k == 0 {
                if order.len() > 1 {
                    message += &format!(
                        "; in all {} characters in {}",
                        past.chars,
                        plural(past.lines, "line")
                    );
                }
                let mut total = json!({
                    "characters": past.chars,
                    "lines": cut_lines,
                    "at_least_lines": at_least,
                    "free_lines": free,
                });
                if let Some((text, json)) = &suggestion {
                    message += &format!("; {text}");
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
            }
        })
        .collect()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
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
    let mut text = format!(
        "cut {} ({}{} characters) from {story}",
        plural(lines, "line"),
        if about { "about " } else { "" },
        characters
    );
    let mut json = json!({ "story": story, "lines": lines, "characters": characters });
    if at_least < lines {
        let (fewest, _) = last(at_least);
        text += &format!(
            " ({} stand empty at column feet: the make-up may need less, {at_least} lines, {fewest} characters, at best)",
            plural(lines - at_least, "line")
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
        text += &format!(
            ", or drop photo {} ({}, line {}: {})",
            photo.file,
            photo.path,
            photo.line,
            plural(photo.lines, "line")
        );
        if photo.lines < lines {
            text += &format!(" and cut {} more", plural(lines - photo.lines, "line"));
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
        let Some(k) = story
            .strip_prefix("section-")
            .and_then(|n| n.parse::<u32>().ok())
            .and_then(|n| page.view.sections.iter().position(|s| s.number == n))
        else {
            continue;
        };
        let Some(data) = page.view.sections[k].photos.get(j) else {
            continue;
        };
        // The caption: the text right under the picture, within its width, not running text.
        let mut bottom = ink.bottom;
        for next in &inks[i + 1..] {
            let caption =
                matches!(next.kind, Kind::Text { size, .. } if (size - body_size).abs() >= 0.05);
            let under = next.page == ink.page
                && next.story.as_ref() == Some(story)
                && next.top > ink.bottom
                && next.top <= bottom + 2.0 * house.pitch
                && next.x0 >= ink.x0 - 1.0
                && next.x1 <= ink.x1 + 1.0;
            if !(caption && under) {
                break;
            }
            bottom = next.bottom;
        }
        let lines = (slot(bottom, house) - slot(ink.top, house) + 1).max(1) as usize;
        let path = format!("sections[{k}].photos[{j}]");
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

/// Each column of `area`: the grid lines between its last ink (text, image, rule) and the foot
/// of the type area, and whether it holds no ink at all (then all its lines are empty).
fn column_feet(house: &House, area: &BodyArea, inks: &[Ink]) -> Vec<(usize, bool)> {
    let inside = |ink: &Ink, column: (f64, f64)| {
        ink.page == area.page
            && !ink.running
            && ink.top >= area.top - 0.5
            && ink.top <= house.type_bottom + 0.5
            && overlaps(ink.x0, ink.x1, column)
    };
    let lines_below = |y: f64| {
        ((house.type_bottom - y) / house.pitch + 0.01)
            .floor()
            .max(0.0)
    };
    area.columns
        .iter()
        .map(|&column| {
            let last = inks
                .iter()
                .filter(|i| inside(i, column))
                .map(|i| i.bottom)
                .max_by(f64::total_cmp);
            match last {
                Some(y) => (lines_below(y) as usize, false),
                None => (lines_below(area.top) as usize, true),
            }
        })
        .collect()
}

/// Every column of the body area: the grid lines between its last ink and the foot of the
/// type area, or, for a column with nothing in it, all its lines. More than the house's
/// tolerance at a column's foot is underset.
fn underset(
    page: &LoadedPage,
    document: &PagedDocument,
    house: &House,
    areas: &[BodyArea],
    inks: &[Ink],
) -> Vec<Finding> {
    if !house.type_bottom.is_finite() {
        return Vec::new();
    }
    let marks = marks::stories(document);
    let running: Vec<&str> = marks
        .iter()
        .filter(|m| m.running)
        .map(|m| m.story.as_str())
        .collect();
    let mut findings = Vec::new();
    for area in areas.iter().filter(|a| a.page <= house.pages) {
        // A page with nothing in its body (a headline alone) has no make-up to judge.
        let flowed = inks.iter().any(|i| {
            i.page == area.page && i.story.is_some() && !i.running && i.top >= area.top - 0.5
        });
        if !flowed {
            continue;
        }
        let empty = column_feet(house, area, inks);
        let total: usize = empty.iter().map(|(n, _)| n).sum();
        // The story a column's empty foot follows: the last to end in it or before it.
        let ends: Vec<(usize, &str)> = marks
            .iter()
            .filter(|m| !m.start && !running.contains(&m.story.as_str()))
            .filter(|m| m.page == area.page && m.at.y.to_pt() >= area.top - 0.5)
            .map(|m| {
                let x = m.at.x.to_pt();
                (column_of(&area.columns, x, x), m.story.as_str())
            })
            .collect();
        let count = area.columns.len();
        for (i, &(lines, whole)) in empty.iter().enumerate() {
            if lines <= house.underset_tolerance {
                continue;
            }
            let story = ends
                .iter()
                .rfind(|(c, _)| *c <= i)
                .or_else(|| ends.iter().find(|(c, _)| *c > i))
                .map(|(_, s)| *s);
            let (line, column) = story.map_or((1, 1), |s| story_location(page, s));
            let after = story.map_or(String::new(), |s| format!(" after {s}"));
            let what = if whole {
                format!(
                    "column {} of {count} is empty: {}",
                    i + 1,
                    plural(lines, "line")
                )
            } else {
                format!(
                    "column {} of {count}: {} empty at its foot{after}",
                    i + 1,
                    plural(lines, "line")
                )
            };
            findings.push(Finding {
                severity: Severity::Warning,
                check: "underset",
                message: format!(
                    "{what}; {} of the body's {count} × {} stand empty",
                    total,
                    plural(area.lines, "line")
                ),
                story: story.map(str::to_string),
                line,
                column,
                details: json!({
                    "column": i + 1,
                    "columns": count,
                    "lines": lines,
                    "empty_column": whole,
                    "capacity": area.lines,
                    "column_pt": [area.columns[i].0, area.columns[i].1],
                    "total": total,
                }),
            });
        }
    }
    findings
}

/// For `--draft`: a red frame around every page that holds overset text, so nobody mistakes the
/// proof for a finished page.
pub fn overset_mark(document: &PagedDocument, house: &House) -> Option<PagedDocument> {
    if document.pages().len() <= house.pages {
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
