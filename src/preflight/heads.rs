//! Heads side by side (撞题): two section heads in neighbouring columns that share a grid line
//! or touch (a staircase of heads). A reader's eye runs from one into the other and reads them
//! as one; a make-up editor never sends that to press without a word. The make-up pays for
//! heads that share a line (`FEATURE.tombstone`) but takes them where every other page it
//! tried was worse; this says so, on the page as laid out.

use serde_json::json;

use super::ink::{Ink, Kind, overlaps};
use super::{Area, Finding, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::template::{self as marks, BodyArea, House};
use typst_layout::PagedDocument;

/// A section head as laid out: its column of a body area and how far down it reaches, pt.
#[derive(Debug, Clone, PartialEq)]
struct Head {
    story: String,
    area: usize,
    column: usize,
    top: f64,
    bottom: f64,
}

/// One warning for each pair of section heads in neighbouring columns that share a grid line
/// or touch, on the pages the template fills.
pub fn check(
    page: &LoadedPage,
    document: &PagedDocument,
    house: &House,
    areas: &[BodyArea],
    inks: &[Ink],
) -> Vec<Finding> {
    let heads = heads(document, house, areas, inks);
    let mut findings = Vec::new();
    for (i, a) in heads.iter().enumerate() {
        for b in &heads[i + 1..] {
            if a.area != b.area || a.column.abs_diff(b.column) != 1 {
                continue;
            }
            // Heads that share a line, or touch (the one starting where the other's text
            // does), read as one: a staircase of heads is 撞题 too.
            let shared = a.bottom.min(b.bottom) - a.top.max(b.top);
            if shared < -house.pitch / 2.0 {
                continue;
            }
            let (left, right) = if a.column < b.column { (a, b) } else { (b, a) };
            let lines = (shared / house.pitch).round().max(0.0) as usize;
            let (line, column) = story_location(page, &right.story);
            let area = &areas[a.area];
            // Text before a head moves it a line at a time only where text stands over it in
            // its column: a head that opens its column (or the run under a wide photo) stays
            // there until the text before it fills the column (a reviewer added 7 lines before
            // such a head, told 5 would do, and it did not move).
            let mover = [right, left]
                .into_iter()
                .find(|h| !opens(h, area, house.pitch))
                .map_or("none", |h| h.story.as_str());
            let x = |c: usize| area.columns[c];
            findings.push(Finding {
                severity: Severity::Warning,
                check: "heads-side-by-side",
                story: Some(right.story.clone()),
                line,
                column,
                message: t!(
                    "heads-side-by-side",
                    left = left.story.as_str(),
                    right = right.story.as_str(),
                    column = left.column + 1,
                    next = right.column + 1,
                    shared = lines,
                    lines = t!("lines", n = lines),
                    move_by = t!("lines", n = lines + 1),
                    mover = mover
                ),
                details: json!({
                    "heads": [left.story, right.story],
                    "columns": [left.column + 1, right.column + 1],
                    "lines": lines,
                    "moved_by_text_before": (mover != "none").then_some(mover),
                }),
                areas: vec![Area {
                    page: area.page,
                    x: x(left.column).0,
                    y: left.top.min(right.top),
                    width: x(right.column).1 - x(left.column).0,
                    height: left.bottom.max(right.bottom) - left.top.min(right.top),
                }],
            });
        }
    }
    findings
}

/// Whether a head opens its column: it stands within a line and a half of where the column
/// starts, or of the foot of a wide photo over it.
fn opens(head: &Head, area: &BodyArea, pitch: f64) -> bool {
    let (x0, x1) = area.columns[head.column];
    let start = area
        .spans
        .iter()
        .filter(|[left, right, _, bottom]| *left < x1 && *right > x0 && *bottom <= head.top + 1.0)
        .map(|span| span[3])
        .fold(area.column_tops[head.column], f64::max);
    head.top - start < 1.5 * pitch
}

/// Every section head in a body area on the template's pages: from its story's start mark
/// (at the head's top, under any space over it) down to what its section sets under it, or,
/// where its text goes on in another column, to the foot of the rules it prints (its accent
/// rule, the numeral's square).
fn heads(document: &PagedDocument, house: &House, areas: &[BodyArea], inks: &[Ink]) -> Vec<Head> {
    // How far under its mark a head's own ink may stand: the tallest head (4 lines, a line
    // of air and one of space: 6) with two lines to spare.
    let reach = 8.0 * house.pitch;
    marks::stories(document)
        .into_iter()
        .filter(|s| s.start && !s.running && s.page <= house.pages)
        .filter(|s| s.story.starts_with("section-"))
        .filter_map(|mark| {
            let (x, top) = (mark.at.x.to_pt() + 1.0, mark.at.y.to_pt());
            let (area, column) = areas.iter().enumerate().find_map(|(i, a)| {
                (a.page == mark.page)
                    .then(|| a.columns.iter().position(|&(x0, x1)| x >= x0 && x <= x1))
                    .flatten()
                    .map(|c| (i, c))
            })?;
            let bounds = areas[area].columns[column];
            let body_size = areas[area].body_size;
            let own = |ink: &&Ink| {
                ink.page == mark.page
                    && ink.story.as_deref() == Some(mark.story.as_str())
                    && ink.top >= top - 1.0
                    && ink.top <= top + reach
                    && overlaps(ink.x0, ink.x1, bounds)
            };
            // The head's own rules: the accent rule over it, the numeral's square.
            let drawn = inks
                .iter()
                .filter(own)
                .filter(|ink| ink.kind == Kind::Rule)
                .map(|ink| ink.bottom)
                .reduce(f64::max)?;
            // It reaches down to what its section sets under it: the first line of running
            // text (its em box) or a photo.
            let under = inks
                .iter()
                .filter(own)
                .filter_map(|ink| match ink.kind {
                    Kind::Text { size, .. } if (size - body_size).abs() < 0.01 => {
                        Some(ink.area().y)
                    }
                    Kind::Image => Some(ink.top),
                    _ => None,
                })
                .filter(|&y| y >= drawn - 0.5)
                .reduce(f64::min);
            let bottom = under.unwrap_or(drawn);
            Some(Head {
                story: mark.story,
                area,
                column,
                top,
                bottom,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_opens_its_column_at_its_top_or_under_a_wide_photo_and_nowhere_else() {
        // Two columns from line 100 pt (the second from 160, under a lead), a grid of 13 pt, a
        // wide photo over the first from 300 to 400 pt.
        let area = BodyArea {
            page: 1,
            top: 100.0,
            columns: vec![(0.0, 100.0), (110.0, 210.0)],
            column_tops: vec![100.0, 160.0],
            lines: 60,
            body_size: 9.0,
            spans: vec![[0.0, 100.0, 300.0, 400.0]],
        };
        let head = |column, top| Head {
            story: "section-2".into(),
            area: 0,
            column,
            top,
            bottom: top + 52.0,
        };
        // At a column's top, or a line under it (space over the head): text before it in the
        // column before does not move it.
        assert!(opens(&head(0, 100.0), &area, 13.0));
        assert!(opens(&head(1, 173.0), &area, 13.0));
        // Under the wide photo over it.
        assert!(opens(&head(0, 400.0), &area, 13.0));
        // Under text of its column.
        assert!(!opens(&head(1, 100.0 + 13.0 * 10.0), &area, 13.0));
        assert!(!opens(&head(0, 430.0), &area, 13.0));
        // A wide photo over the other column only does not open this one.
        assert!(!opens(&head(1, 400.0), &area, 13.0));
    }
}
