//! Holes: a run of empty grid lines inside a column of the body area, between two things
//! printed in it — white under a lead shorter than its photo, over a photo whose leg stopped
//! short, under a caption. Underset counts the empty lines at a column's foot; these stand in
//! the middle of the page, where no reader takes them for the end of a story. A column that
//! stops short over a photo set across it and the columns beside it (a band, a wide photo)
//! ends there as at a foot: more white than the house lets a foot stand is a hole too.

use serde_json::json;

use super::ink::{Ink, Kind, overlaps};
use super::{Area, Finding, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::template::{BodyArea, House};

/// Empty grid lines in a row inside a column from which the run is a hole.
const HOLE_LINES: usize = crate::makeup::HOLE_LINES as usize;

/// Each run of `HOLE_LINES` or more empty grid lines inside a column of a body area, with the
/// story of what stands over it, and each strip left bare over a column's start (`bare`).
pub fn check(page: &LoadedPage, house: &House, areas: &[BodyArea], inks: &[Ink]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for area in areas.iter().filter(|a| a.page <= house.pages) {
        let count = area.columns.len();
        for (i, &column) in area.columns.iter().enumerate() {
            // One finding for `lines` empty from `top` in this column.
            let hole = |top: f64, lines: usize, message: String, story: Option<String>| {
                let (line, col) = story.as_deref().map_or((1, 1), |s| story_location(page, s));

                Finding {
                    severity: Severity::Warning,
                    check: "hole",
                    message,
                    story,
                    line,
                    column: col,
                    details: json!({ "column": i + 1, "columns": count, "lines": lines }),
                    areas: vec![Area {
                        page: area.page,
                        x: column.0,
                        y: top,
                        width: column.1 - column.0,
                        height: lines as f64 * house.pitch,
                    }],
                }
            };
            let start = area.column_tops.get(i).copied().unwrap_or(area.top);
            if let Some((top, lines, width)) = bare(house, area, column, start, inks) {
                let message = t!(
                    "hole-bare",
                    column = i + 1,
                    count = count,
                    lines = t!("lines", n = lines),
                    width = crate::units::whole_mm(width)
                );
                let mut finding = hole(top, lines, message, None);
                finding.details["bare"] = true.into();
                findings.push(finding);
            }
            for (top, lines, story) in holes(house, area, column, inks) {
                let message = t!(
                    "hole",
                    column = i + 1,
                    count = count,
                    lines = t!("lines", n = lines),
                    under = story.as_deref().unwrap_or("none")
                );
                findings.push(hole(top, lines, message, story));
            }
        }
    }
    findings
}

/// A column that starts lower than the area's top (under a lead) with a strip over its start
/// that nothing printed covers, from the top down: where it starts (pt from the page's top),
/// its lines and the strip's width, pt. Under a lead the column stands under the lead's text
/// or its photo; a photo with no text beside it that covers the column only in part leaves
/// the rest bare, a block of white no column fills. (A strip under a quarter of the column
/// wide is a gutter.)
fn bare(
    house: &House,
    area: &BodyArea,
    (x0, x1): (f64, f64),
    start: f64,
    inks: &[Ink],
) -> Option<(f64, usize, f64)> {
    let lines = ((start - area.top) / house.pitch + 0.01).floor().max(0.0) as usize;
    if lines < HOLE_LINES {
        return None;
    }
    let mut covered: Vec<(f64, f64)> = inks
        .iter()
        .filter(|ink| {
            ink.page == area.page
                && !ink.running
                && ink.bottom >= area.top - 0.5
                && ink.top <= start + 0.5
                && overlaps(ink.x0, ink.x1, (x0, x1))
        })
        .map(|ink| (ink.x0.max(x0), ink.x1.min(x1)))
        .collect();
    covered.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The widest stretch of the column no ink reaches.
    let (mut widest, mut reached) = (0.0f64, x0);
    for (from, to) in covered {
        widest = widest.max(from - reached);
        reached = reached.max(to);
    }
    widest = widest.max(x1 - reached);
    (widest >= (x1 - x0) / 4.0).then_some((area.top, lines, widest))
}

/// The runs of empty grid lines in `column` between its inks: where each starts (pt from the
/// page's top), its lines, and the story of the ink over it.
fn holes(
    house: &House,
    area: &BodyArea,
    column: (f64, f64),
    inks: &[Ink],
) -> Vec<(f64, usize, Option<String>)> {
    let foot = (area.top + area.lines as f64 * house.pitch).min(house.type_bottom);
    // What each ink takes of the column: a line of text its grid line (its baseline at the
    // foot of it), an image or rule its own height.
    let mut taken: Vec<(f64, f64, Option<&String>, bool)> = inks
        .iter()
        .filter(|ink| {
            ink.page == area.page
                && !ink.running
                && ink.bottom >= area.top - 0.5
                && ink.top <= foot + 0.5
                && overlaps(ink.x0, ink.x1, column)
        })
        .map(|ink| {
            let top = match ink.kind {
                Kind::Text { .. } => ink.bottom - house.pitch,
                _ => ink.top,
            };
            // A photo reaching past the column into the one beside it (a band, a wide
            // photo): the column's text ends at its top as at a foot.
            let across = ink.kind == Kind::Image
                && (ink.x0 < column.0 - house.pitch || ink.x1 > column.1 + house.pitch);
            (top, ink.bottom, ink.story.as_ref(), across)
        })
        .collect();
    taken.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut reached: Option<(f64, Option<&String>)> = None;
    for (top, bottom, story, across) in taken {
        if let Some((y, over)) = reached {
            let lines = ((top - y) / house.pitch + 0.01).floor().max(0.0) as usize;
            let least = if across {
                house.underset_tolerance + 1
            } else {
                HOLE_LINES
            };
            if lines >= least {
                out.push((y, lines, over.cloned()));
            }
            if bottom > y {
                reached = Some((bottom, story));
            }
        } else {
            reached = Some((bottom, story));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(story: &str, x0: f64, baseline: f64) -> Ink {
        Ink {
            page: 1,
            x0,
            x1: x0 + 100.0,
            top: baseline,
            bottom: baseline,
            kind: Kind::Text {
                chars: 10,
                size: 9.0,
                slack: 0.0,
            },
            story: Some(story.into()),
            running: false,
        }
    }

    /// A photo of `story` across both columns of `two_columns`, from `top` to `bottom`.
    fn across(story: &str, top: f64, bottom: f64) -> Ink {
        Ink {
            page: 1,
            x0: 0.0,
            x1: 210.0,
            top,
            bottom,
            kind: Kind::Image,
            story: Some(story.into()),
            running: false,
        }
    }

    /// A house of 13 pt lines and a body area of two columns, 40 lines from 100 pt down.
    fn two_columns() -> (House, BodyArea) {
        let house = House {
            pitch: 13.0,
            type_bottom: 1000.0,
            ..House::default()
        };
        let area = BodyArea {
            page: 1,
            top: 100.0,
            columns: vec![(0.0, 100.0), (110.0, 210.0)],
            column_tops: vec![100.0, 100.0],
            lines: 40,
            body_size: 9.0,
            spans: Vec::new(),
        };
        (house, area)
    }

    #[test]
    fn a_run_of_five_empty_lines_inside_a_column_is_a_hole_and_four_are_not() {
        let (house, area) = two_columns();
        // Column 1: lines 1–3, then 5 empty, then lines 9–10. Column 2: lines 1–3, 4 empty,
        // lines 8–9, then nothing down to the foot (underset's, not a hole).
        let baseline = |n: u32| 100.0 + 13.0 * f64::from(n);
        let mut inks: Vec<Ink> = [1, 2, 3, 9, 10]
            .map(|n| line("lead", 0.0, baseline(n)))
            .to_vec();
        inks.extend([1, 2, 3, 8, 9].map(|n| line("s1", 110.0, baseline(n))));
        let first = holes(&house, &area, area.columns[0], &inks);
        assert_eq!(first.len(), 1, "{first:?}");
        assert_eq!((first[0].1, first[0].2.as_deref()), (5, Some("lead")));
        assert!(holes(&house, &area, area.columns[1], &inks).is_empty());
    }

    #[test]
    fn a_column_stopping_short_over_a_photo_across_it_is_a_hole_past_the_tolerance() {
        let (house, area) = two_columns();
        let baseline = |n: u32| 100.0 + 13.0 * f64::from(n);
        // A photo across both columns from line 20; column 1's text ends at line 16 (3 lines
        // of white over the photo), column 2's at line 17 (2 lines: the house's tolerance).
        let photo = across("s2", baseline(19), baseline(35));
        let mut inks = vec![photo.clone()];
        inks.extend((1..=16).map(|n| line("s1", 0.0, baseline(n))));
        inks.extend((1..=17).map(|n| line("s1", 110.0, baseline(n))));
        let first = holes(&house, &area, area.columns[0], &inks);
        assert_eq!(first.len(), 1, "{first:?}");
        assert_eq!(first[0].1, 3);
        assert!(holes(&house, &area, area.columns[1], &inks).is_empty());
        // The same white over a photo in its own column is no hole: under five lines.
        let own = Ink { x1: 100.0, ..photo };
        inks[0] = own;
        assert!(holes(&house, &area, area.columns[0], &inks).is_empty());
    }

    #[test]
    fn a_column_starting_under_a_photo_that_covers_it_in_part_is_bare_beside_it() {
        let (house, mut area) = two_columns();
        let baseline = |n: u32| 100.0 + 13.0 * f64::from(n);
        // Column 2 starts 20 lines down, under a lead photo over its right 60 pt only.
        area.column_tops[1] = baseline(20);
        let photo = Ink {
            x0: 150.0,
            ..across("lead", baseline(0), baseline(18))
        };
        let inks = vec![photo.clone()];
        let found = bare(&house, &area, area.columns[1], area.column_tops[1], &inks);
        assert_eq!(
            found.map(|(_, lines, width)| (lines, width)),
            Some((20, 40.0))
        );
        // A photo over the whole column: nothing bare; nor over a column starting at the top.
        let whole = vec![Ink { x0: 110.0, ..photo }];
        assert_eq!(
            bare(&house, &area, area.columns[1], area.column_tops[1], &whole),
            None
        );
        assert_eq!(bare(&house, &area, area.columns[0], area.top, &inks), None);
    }

    #[test]
    fn white_right_of_a_wide_photos_short_caption_is_the_captions() {
        let (house, area) = two_columns();
        let baseline = |n: u32| 100.0 + 13.0 * f64::from(n);
        // A photo across both columns over lines 1–10, a caption of 8 pt whose lines end in
        // column 1 (11–13), then white, and text again from line 17 in both.
        let photo = across("s1", baseline(0), baseline(10));
        let caption = |n: u32| Ink {
            kind: Kind::Text {
                chars: 20,
                size: 8.0,
                slack: 0.0,
            },
            x1: 90.0,
            ..line("s1", 0.0, baseline(n))
        };
        let mut inks = vec![photo, caption(11), caption(12), caption(13)];
        inks.extend([17, 18].map(|n| line("s2", 0.0, baseline(n))));
        inks.extend([17, 18].map(|n| line("s2", 110.0, baseline(n))));
        let before = holes(&house, &area, area.columns[1], &inks);
        assert_eq!(
            before.len(),
            1,
            "read line by line, column 2 shows a hole: {before:?}"
        );
        crate::preflight::ink::captions_as_wide_as_photos(&mut inks, 9.0, 13.0);
        assert!(holes(&house, &area, area.columns[1], &inks).is_empty());
        assert_eq!(inks[4].x1, 100.0, "body text is not widened");
    }
}
