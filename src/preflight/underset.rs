//! Underset: the empty grid lines in each column of the body area, whole empty columns
//! included, read from the laid-out page and the body area the template publishes
//! (`body-area` in `marks.typ`).

use serde_json::json;
use typst_layout::PagedDocument;

use super::ink::{Ink, Kind, column_feet, column_of};
use super::photos::PlacedPhoto;
use super::{Area, Finding, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::template::{self as marks, BodyArea, House};
use crate::units::whole_mm;

/// Every column of the body area: the grid lines between its last ink and the foot of the
/// type area, or, for a column with nothing in it, all its lines. More than the house's
/// tolerance at a column's foot is underset.
pub fn check(
    page: &LoadedPage,
    document: &PagedDocument,
    house: &House,
    areas: &[BodyArea],
    inks: &[Ink],
    photos: &[PlacedPhoto],
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
        let feet = column_feet(house, area, inks);
        let total: usize = feet.iter().map(|f| f.empty).sum();
        // The story a column's empty foot follows: the one its last ink belongs to; for an
        // empty column, the last to end in a column before it (or the first after it).
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
        // The page's total is said once, with its first short column: repeated in every
        // column's warning (six on a spread's short page) it read as six totals.
        let mut total_said = false;
        for (i, foot) in feet.iter().enumerate() {
            let (lines, whole) = (foot.empty, foot.whole);
            if lines <= house.underset_tolerance {
                continue;
            }
            let story = foot.after.or_else(|| {
                ends.iter()
                    .rfind(|(c, _)| *c <= i)
                    .or_else(|| ends.iter().find(|(c, _)| *c > i))
                    .map(|(_, s)| *s)
            });
            let (line, column) = story.map_or((1, 1), |s| story_location(page, s));
            let what = if whole {
                t!(
                    "underset-whole",
                    column = i + 1,
                    count = count,
                    lines = t!("lines", n = lines)
                )
            } else {
                t!(
                    "underset-foot",
                    column = i + 1,
                    count = count,
                    lines = t!("lines", n = lines),
                    after = story.unwrap_or("none")
                )
            };
            // A photo of the body in this column (not one across it from a band or the lead
            // above the area) that could be set taller by the empty lines, within the crop
            // and resolution a make-up editor keeps to.
            let (x0, x1) = area.columns[i];
            let more = lines as f64 * house.pitch;
            let has_photo = inks.iter().any(|ink| {
                matches!(ink.kind, Kind::Image)
                    && ink.page == area.page
                    && ink.top >= area.top - 0.5
                    && ink.x0 >= x0 - 1.0
                    && ink.x1 <= x1 + 1.0
                    && photos
                        .iter()
                        .filter(|p| p.area.page == ink.page)
                        .filter(|p| p.area.x < ink.x1 && p.area.x + p.area.width > ink.x0)
                        .filter(|p| p.area.y < ink.bottom && p.area.y + p.area.height > ink.top)
                        .any(|p| {
                            may_stand(
                                p.original_pixels,
                                p.max_crop.unwrap_or(0.0).max(house.photo_max_crop),
                                house.photo_warn_ppi,
                                (ink.x1 - ink.x0, ink.bottom - ink.top + more),
                            )
                        })
            });
            let new_photo = new_photo_fits(lines, house.photo_min_lines, x1 - x0, house.pitch);
            let said = std::mem::replace(&mut total_said, true);
            findings.push(Finding {
                severity: Severity::Warning,
                check: "underset",
                message: t!(
                    "underset-total",
                    what = what,
                    total = if said { 0 } else { total },
                    count = count,
                    lines = t!("lines", n = area.lines),
                    chars = lines as u64 * chars_per_line(house, area.columns[i]),
                    // A photo there taller by the empty lines, or, where they hold the least
                    // photo and a caption (two lines) and no more than a portrait's height
                    // (`new_photo_fits`), a new one as wide as the column.
                    height = whole_mm(lines as f64 * house.pitch),
                    taller = if has_photo { "yes" } else { "no" },
                    photo = if new_photo { "yes" } else { "no" },
                    // (A clause set off by commas only where there are two or three.)
                    alone = if has_photo || new_photo { "no" } else { "yes" },
                    width = whole_mm(area.columns[i].1 - area.columns[i].0)
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
                areas: vec![Area {
                    page: area.page,
                    x: area.columns[i].0,
                    y: house.type_bottom - lines as f64 * house.pitch,
                    width: area.columns[i].1 - area.columns[i].0,
                    height: lines as f64 * house.pitch,
                }],
            });
        }
    }
    findings
}

/// About how many body characters a line of a column from `x0` to `x1` holds: its width over
/// the body size (Han characters are square; Latin text holds about as many letters).
fn chars_per_line(house: &House, (x0, x1): (f64, f64)) -> u64 {
    ((x1 - x0) / house.body_size.max(1.0)).round().max(1.0) as u64
}

/// Whether a photo of `pixels` may fill a box `(width, height)` pt: cropped by no more than
/// `max_crop` of its width or height, and at `warn_ppi` or better.
fn may_stand(
    pixels: (u32, u32),
    max_crop: f64,
    warn_ppi: f64,
    (width, height): (f64, f64),
) -> bool {
    let fit = crate::makeup::photo::fit_box(pixels, width, height);
    fit.crop_x.max(fit.crop_y) <= max_crop + 1e-6 && fit.ppi >= warn_ppi - 0.5
}

/// The tallest new photo worth suggesting for a column `width` pt wide: a portrait of 2:3
/// with its caption. Deeper white is said in characters alone (a reviewer was told "a new one
/// 86 × 289 mm": no photo is that shape).
const TALLEST_PHOTO: f64 = 1.5;

/// Whether `lines` empty grid lines of `pitch` in a column `width` pt wide would take a new
/// photo with its caption: room for the least photo and two caption lines, and no deeper than
/// a portrait at the column's width.
fn new_photo_fits(lines: usize, min_photo_lines: usize, width: f64, pitch: f64) -> bool {
    lines >= min_photo_lines + 2 && lines.saturating_sub(2) as f64 * pitch <= TALLEST_PHOTO * width
}

#[cfg(test)]
mod tests {
    use super::{may_stand, new_photo_fits};

    #[test]
    fn a_new_photo_is_suggested_only_as_deep_as_a_portrait() {
        // A stack of 243 pt at 13 pt lines: a 2:3 portrait is 364 pt, 28 lines, with two of
        // caption 30; the least photo 6 lines and its caption 8.
        assert!(!new_photo_fits(7, 6, 243.0, 13.0));
        assert!(new_photo_fits(8, 6, 243.0, 13.0));
        assert!(new_photo_fits(30, 6, 243.0, 13.0));
        assert!(!new_photo_fits(31, 6, 243.0, 13.0));
        assert!(!new_photo_fits(64, 6, 243.0, 13.0));
    }

    #[test]
    fn a_photo_stands_taller_only_within_its_crop_and_resolution() {
        // 1800 × 1200 at a stack's 243 pt: 162 pt tall uncropped, 180 pt with a tenth cut
        // from its width, 324 pt with half.
        let stack = |height| (243.0, height);
        assert!(may_stand((1800, 1200), 0.10, 200.0, stack(162.0)));
        assert!(may_stand((1800, 1200), 0.10, 200.0, stack(180.0)));
        assert!(!may_stand((1800, 1200), 0.10, 200.0, stack(200.0)));
        assert!(may_stand((1800, 1200), 0.50, 200.0, stack(320.0)));
        // 600 × 400 across 320 pt is 135 ppi already: no taller, however it may be cropped.
        assert!(!may_stand((600, 400), 0.50, 200.0, (320.0, 250.0)));
        // A portrait, taller by cutting its height less: never past its own height.
        assert!(may_stand((1200, 1800), 0.10, 200.0, stack(364.0)));
        assert!(!may_stand((1200, 1800), 0.10, 200.0, stack(420.0)));
    }
}
