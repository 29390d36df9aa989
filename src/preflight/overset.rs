//! Overset (text that did not fit the pages the template fills) and underset (lines left empty
//! at the foot of a story's last column), read from the laid-out document.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;
use typst::introspection::Tag;
use typst::layout::{Abs, FrameItem, Point, Size};
use typst::model::Document;
use typst::visualize::Geometry;
use typst::visualize::{Color, FixedStroke, Paint};
use typst_layout::PagedDocument;

use super::marks::{self, House};
use super::{Finding, Severity, frames, story_location};
use crate::content::LoadedPage;

#[derive(Default)]
struct Spill {
    chars: usize,
    /// (page, baseline y in ¼ pt, column cluster) of each overflowing line.
    lines: BTreeSet<(usize, i64, i64)>,
}

pub fn check(page: &LoadedPage, document: &PagedDocument, house: &House) -> Vec<Finding> {
    let mut findings = overset(page, document, house);
    findings.extend(underset(page, document, house));
    findings
}

/// Text on pages past the template's last, attributed to the story it belongs to.
fn overset(page: &LoadedPage, document: &PagedDocument, house: &House) -> Vec<Finding> {
    if document.pages().len() <= house.pages {
        return Vec::new();
    }
    let mut spills: BTreeMap<String, Spill> = BTreeMap::new();
    // Stories open at this point; the innermost owns the text. A running head repeated on an
    // overflow page nests inside the story that overflows, and is never overset itself.
    let mut open: Vec<(String, bool)> = Vec::new();
    for placed in frames::placed(document) {
        match placed.item {
            FrameItem::Tag(Tag::Start(content, _)) => {
                if let Some((story, start, running)) = marks::story_edge(content) {
                    if start {
                        open.push((story, running));
                    } else if let Some(i) = open.iter().rposition(|(s, _)| *s == story) {
                        open.remove(i);
                    }
                }
            }
            FrameItem::Text(text) if placed.page > house.pages => {
                let Some((story, false)) = open.last() else {
                    continue;
                };
                let chars = text.text.chars().filter(|c| !c.is_whitespace()).count();
                let spill = spills.entry(story.clone()).or_default();
                spill.chars += chars;
                // Lines in different columns share a baseline: tell them apart by where they start.
                let column = (placed.at.x.to_pt() / (text.size.to_pt() * 14.0)).floor() as i64;
                spill.lines.insert((
                    placed.page,
                    (placed.at.y.to_pt() * 4.0).round() as i64,
                    column,
                ));
            }
            _ => {}
        }
    }
    spills
        .into_iter()
        .filter(|(_, spill)| spill.chars > 0)
        .map(|(story, spill)| {
            let (line, column) = story_location(page, &story);
            let lines = merge_runs(&spill.lines);
            Finding {
                severity: Severity::Error,
                check: "overset",
                message: format!(
                    "{story} is overset: {} characters in {lines} lines did not fit on the page; cut the text or shrink a photo",
                    spill.chars
                ),
                story: Some(story),
                line,
                column,
                details: json!({ "characters": spill.chars, "lines": lines }),
            }
        })
        .collect()
}

/// Counts lines: items on one baseline whose column clusters are adjacent belong to one line.
fn merge_runs(keys: &BTreeSet<(usize, i64, i64)>) -> usize {
    let mut count = 0;
    let mut last: Option<(usize, i64, i64)> = None;
    for &(page, y, col) in keys {
        match last {
            Some((p, ly, lc)) if p == page && ly == y && col - lc <= 1 => {}
            _ => count += 1,
        }
        last = Some((page, y, col));
    }
    count
}

/// A story whose end is not followed, in the same column, by the next story leaves the foot of
/// that column empty: say how many grid lines.
fn underset(page: &LoadedPage, document: &PagedDocument, house: &House) -> Vec<Finding> {
    let marks = marks::stories(document);
    let mut findings = Vec::new();
    // A story is running (a folio, never underset) if its start mark says so.
    let running: Vec<&str> = marks
        .iter()
        .filter(|m| m.running)
        .map(|m| m.story.as_str())
        .collect();
    let running = |m: &&marks::StoryMark| running.contains(&m.story.as_str());
    for (i, end) in marks
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.start && !running(m))
    {
        if end.page > house.pages || !house.type_bottom.is_finite() {
            continue;
        }
        let next = marks[i + 1..].iter().find(|m| m.start && !running(m));
        // A story ends on the baseline of its last line (or the foot of its last block). The
        // next one either follows below in the same column, or opens the next column at its
        // top, leaving the rest of this column empty.
        let continued =
            next.is_some_and(|n| n.page == end.page && n.at.y >= end.at.y - Abs::pt(0.5));
        let empty = ((house.type_bottom - end.at.y.to_pt()) / house.pitch + 0.01).floor();
        if continued || empty < 1.0 {
            continue;
        }
        let (line, column) = story_location(page, &end.story);
        findings.push(Finding {
            severity: Severity::Warning,
            check: "underset",
            message: format!(
                "{}: {} empty lines at the foot of its last column",
                end.story, empty
            ),
            story: Some(end.story.clone()),
            line,
            column,
            details: json!({ "lines": empty as usize }),
        });
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
