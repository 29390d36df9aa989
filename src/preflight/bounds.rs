//! Text that leaves its column: a word too long for its measure runs past the column's edge,
//! into the gutter, the next column or off the page, where nobody can read it and nothing
//! else would say so. Emergency breaks (`content::text::breakable`) keep it from happening;
//! this is the net under them, on every build.

use std::collections::BTreeSet;

use serde_json::json;

use super::ink::{Ink, Kind};
use super::{Area, Finding, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::template::{BodyArea, House};

/// How far past the edge a line may end, in ems of its size: punctuation that hangs.
const HANG: f64 = 0.6;

/// Each story with text past the edge of its column (in a body area) or of the type area (the
/// bands above and the captions), once per story.
pub fn check(page: &LoadedPage, house: &House, areas: &[BodyArea], inks: &[Ink]) -> Vec<Finding> {
    overruns(house, areas, inks)
        .into_iter()
        .map(|run| {
            let (line, column) = story_location(page, &run.story);
            let mm = crate::units::mm(run.past);
            Finding {
                severity: Severity::Error,
                check: "outside-column",
                story: Some(run.story.clone()),
                line,
                column,
                message: t!(
                    "past-edge",
                    story = run.story,
                    mm = format!("{mm:.0}"),
                    within = run.within
                ),
                details: json!({ "past-pt": run.past, "edge-pt": run.area.x }),
                areas: vec![run.area],
            }
        })
        .collect()
}

/// A story's first line past its edge.
#[derive(Debug)]
struct Overrun {
    story: String,
    /// `column` or `type area`.
    within: &'static str,
    /// How far past, pt, and where on the page.
    past: f64,
    area: Area,
}

fn overruns(house: &House, areas: &[BodyArea], inks: &[Ink]) -> Vec<Overrun> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for ink in inks.iter().filter(|i| !i.running && i.page <= house.pages) {
        let (Kind::Text { size, slack, .. }, Some(story)) = (ink.kind, &ink.story) else {
            continue;
        };
        let Some((edge, within)) = right_edge(ink, areas, house) else {
            continue;
        };
        let past = ink.x1 - slack - edge;
        if past <= HANG * size || !seen.insert(story.clone()) {
            continue;
        }
        out.push(Overrun {
            story: story.clone(),
            within,
            past,
            area: Area {
                page: ink.page,
                x: edge,
                y: ink.top - size,
                width: past,
                height: size * 1.2,
            },
        });
    }
    out
}

/// The right edge the text must keep to: its column's, if it stands in a body area, else the
/// type area's (the widest the page's body areas reach).
fn right_edge(ink: &Ink, areas: &[BodyArea], house: &House) -> Option<(f64, &'static str)> {
    let on_page = || areas.iter().filter(|a| a.page == ink.page);
    let inside = on_page()
        .find(|a| ink.top >= a.top - 0.5 && ink.top <= a.top + a.lines as f64 * house.pitch + 0.5);
    // Within a box set across stacks (a wide photo's caption): its right edge.
    if let Some(span) = inside.and_then(|a| {
        a.spans.iter().find(|&&[left, right, top, bottom]| {
            ink.x0 >= left - 1.0 && ink.x0 < right && ink.top >= top - 0.5 && ink.top <= bottom
        })
    }) {
        return Some((span[1], "column"));
    }
    // Within a column below its top (a column under a lead starts lower than the area).
    if let Some(area) = inside
        && let Some(&(_, right)) = area
            .columns
            .iter()
            .zip(&area.column_tops)
            .find(|&(&(left, right), &top)| {
                ink.x0 >= left - 1.0 && ink.x0 < right && ink.top >= top - 0.5
            })
            .map(|(column, _)| column)
    {
        return Some((right, "column"));
    }
    on_page()
        .filter_map(|a| a.columns.last().map(|&(_, right)| right))
        .max_by(f64::total_cmp)
        .map(|right| (right, "type-area"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(story: &str, x0: f64, x1: f64, baseline: f64) -> Ink {
        Ink {
            page: 1,
            x0,
            x1,
            top: baseline,
            bottom: baseline,
            kind: Kind::Text {
                chars: 10,
                size: 10.0,
                slack: 0.0,
            },
            story: Some(story.into()),
            running: false,
        }
    }

    #[test]
    fn text_past_its_column_or_the_type_area_is_found_once_per_story() {
        let house = House {
            pitch: 13.0,
            ..House::default()
        };
        let body = BodyArea {
            page: 1,
            top: 100.0,
            columns: vec![(0.0, 200.0), (210.0, 410.0)],
            column_tops: vec![100.0, 100.0],
            lines: 10,
            body_size: 10.0,
            spans: Vec::new(),
        };
        let inks = [
            // Within its column, punctuation hanging 5 pt: fine.
            text("a", 0.0, 205.0, 113.0),
            // Into the gutter and the next column.
            text("b", 10.0, 300.0, 126.0),
            text("b", 10.0, 320.0, 139.0),
            // Second column, past the type area's edge.
            text("c", 210.0, 500.0, 152.0),
            // Above the body (a band): only the type area's edge counts.
            text("d", 0.0, 400.0, 50.0),
            text("e", 0.0, 440.0, 60.0),
        ];
        // A justified line whose stretch rides on its last glyph's advance: its ink ends in
        // the column.
        let mut stretched = text("f", 0.0, 215.0, 165.0);
        stretched.kind = Kind::Text {
            chars: 10,
            size: 10.0,
            slack: 12.0,
        };
        let inks: Vec<Ink> = inks.into_iter().chain([stretched]).collect();
        let found = overruns(&house, &[body], &inks);
        let stories: Vec<(&str, f64)> = found.iter().map(|o| (o.story.as_str(), o.past)).collect();
        assert_eq!(stories, [("b", 100.0), ("c", 90.0), ("e", 30.0)]);
        assert_eq!(found[0].within, "column");
        assert_eq!(found[2].within, "type-area");
    }
}
