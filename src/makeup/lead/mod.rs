//! The lead band: the lead (导语) in two to four columns of 20–30 characters beside its photo,
//! the photo's height matched to the lead's within the crop rules, so no lead floats centred
//! in white.

mod columns;

use super::photo::{self, Grid, Rules};
use super::{HOLE_LINES, LeadMeasures, LeadPlan, Measures, PhotoPlan};
use crate::makeup::costs::FEATURE;
use crate::units::ppi;
use columns::{LeadText, set_text};

/// One way to set the lead band, with what it costs.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadChoice {
    pub plan: LeadPlan,
    /// Lines of white in the band (between the shorter side and the band's foot), and the
    /// photo's crop cost.
    pub cost: f64,
}

/// Every reasonable lead band: each option, its photo at the height that best matches the text
/// and a line either side.
pub fn choices(
    lead: &LeadMeasures,
    grid: Grid,
    rules: Rules,
    error_ppi: f64,
    keep: u32,
) -> Vec<LeadChoice> {
    let mut out = Vec::new();
    let mut coarse_out = Vec::new();
    let mut sparse_out = Vec::new();
    // The photo's resolution at its narrowest option: an option below the warning resolution
    // where that one is not sets it wider than its pixels allow.
    let narrowest = lead
        .options
        .iter()
        .map(|o| o.photo_width)
        .fold(f64::MAX, f64::min);
    let sharpest_ppi = lead
        .photo
        .as_ref()
        .map_or(0.0, |p| ppi(f64::from(p.width_px), narrowest));
    // Columns of a line or two read across as one line: each column holds three at least,
    // unless no option gives that (a lead of a line or two).
    // Neither of which ever sets the photo wider than its pixels allow where a narrower option
    // keeps it sharp.
    // (A photo under the warning resolution even at its narrowest may be set wider, its cost
    // weighing how coarse, but never below the error resolution.)
    let sharp = |o: &super::LeadOption| {
        lead.photo.as_ref().is_none_or(|p| {
            let at = ppi(f64::from(p.width_px), o.photo_width);
            at >= rules.warn_ppi || (sharpest_ppi < rules.warn_ppi && at >= error_ppi)
        })
    };
    // Each option's text in its columns. A column left empty: the lead is in fewer columns
    // (another option sets it so), kept aside in case no other option sets it.
    let texts: Vec<LeadText> = lead.options.iter().map(|o| set_text(o, keep)).collect();
    let sparse = |o: &super::LeadOption, t: &LeadText| {
        o.columns > 1 && t.height > 0 && t.short() >= t.height
    };
    let deep_enough =
        |o: &super::LeadOption, t: &LeadText| o.paragraphs.is_empty() || t.height >= 3;
    let any_deep = lead
        .options
        .iter()
        .zip(&texts)
        .any(|(o, t)| o.columns > 1 && sharp(o) && deep_enough(o, t) && !sparse(o, t));
    for (i, (option, text)) in lead.options.iter().zip(&texts).enumerate() {
        if !sharp(option) || (option.columns > 1 && any_deep && !deep_enough(option, text)) {
            continue;
        }
        let text_lines = text.height;
        let last_short = text_lines - text.used.last().copied().unwrap_or(0).min(text_lines);
        let sparse = sparse(option, text);
        // Grid lines the lead's columns take: its lines at its pitch, less the leading under
        // the last, plus the gap under every block. (The white under a last column that ends
        // short is the band's: see `white`.)
        let grid_lines = |lines: u32| {
            if lines == 0 {
                0
            } else {
                ((f64::from(lines) * lead.pitch - lead.leading + grid.gap) / grid.pitch - 0.01)
                    .ceil() as u32
            }
        };
        let text_grid = grid_lines(text_lines);
        let last_grid = grid_lines(text_lines - last_short);
        let column_grids: Vec<u32> = (0..option.columns as usize)
            .map(|c| grid_lines(text.used.get(c).copied().unwrap_or(0).min(text_lines)))
            .collect();
        let plan = |lines: u32, photo: Option<PhotoPlan>, stepped: bool| LeadPlan {
            option: i,
            columns: option.columns,
            text_width: option.text_width,
            text_lines,
            text_grid,
            last_grid,
            column_grids: column_grids.clone(),
            steps: Vec::new(),
            lines,
            parts: text.parts.clone(),
            stepped,
            photo,
        };
        // A lead reads best at 20–30 characters a line: a wider measure (two columns across
        // the page for a short lead) is a last resort, worth a hole.
        let chars = option.text_width / (lead.pitch - lead.leading);
        let measure_cost = if chars > lead.max_chars + 1.0 {
            10.0
        } else {
            0.0
        };
        let Some(photo) = &lead.photo else {
            let to = if sparse { &mut sparse_out } else { &mut out };
            to.push(LeadChoice {
                plan: plan(text_grid, None, false),
                cost: measure_cost,
            });
            continue;
        };
        let px = (photo.width_px, photo.height_px);
        let rules = Rules {
            max_crop: photo.max_crop.unwrap_or(rules.max_crop).max(rules.max_crop),
            ..rules
        };
        let (lo, natural, hi) = photo::heights(px, option.photo_width, grid, rules);
        let matched = if text_grid == 0 {
            natural
        } else {
            text_grid.saturating_sub(option.caption).clamp(lo, hi)
        };
        // A band level at its foot: the photo as tall as the text, within a line, the white
        // under the shorter side its cost. A stepped one (the body's columns start under the
        // text beside the photo): the photo at any height near the text's or its own, the
        // lines under it the body's to fill. The make-up scores both.
        let level = [matched.saturating_sub(1), matched, matched + 1];
        let mut free = vec![matched.saturating_sub(1), matched, matched + 1, natural, hi];
        free.sort_unstable();
        free.dedup();
        // (A lead photo without a lead text: the stacks beside it start at the top.)
        let heights = level
            .iter()
            .map(|&p| (p, false))
            .chain(free.iter().map(|&p| (p, true)));
        for (picture, stepped) in heights {
            if !(lo..=hi).contains(&picture) {
                continue;
            }
            let photo_grid = picture + option.caption;
            let lines = photo_grid.max(text_grid);
            let f = photo::fit(px, option.photo_width, picture, grid);
            // Never enlarged below the warning resolution where another width keeps it: not
            // even to make the page fit (kept aside in case no way keeps it).
            let coarse = photo::needlessly_coarse(&f, sharpest_ppi, rules.warn_ppi, error_ppi);
            let to = match (sparse, coarse) {
                (true, _) => &mut sparse_out,
                (false, true) => &mut coarse_out,
                (false, false) => &mut out,
            };
            to.push(LeadChoice {
                plan: plan(
                    lines,
                    Some(PhotoPlan::new(
                        (None, 0),
                        px,
                        option.photo_width,
                        (picture, option.caption),
                        grid,
                    )),
                    stepped,
                ),
                cost: measure_cost
                    + if stepped { FEATURE.stepped_lead } else { 0.0 }
                    + photo::cost(&f, sharpest_ppi, rules.warn_ppi, error_ppi),
            });
        }
    }
    [out, coarse_out, sparse_out]
        .into_iter()
        .find(|choices| !choices.is_empty())
        .unwrap_or_default()
}

/// The lead's photo across the type area, pt from its left edge, and its grid lines; the
/// lead's text stands left of it.
fn photo_span(m: &Measures, lead: &LeadPlan) -> Option<(f64, u32)> {
    let photo = lead.photo.as_ref()?;
    Some((
        m.full_width - photo.width,
        photo.picture_lines + photo.caption_lines,
    ))
}

/// Each stack's edges, pt from the type area's left, in grid `g`.
fn stacks(m: &Measures, g: usize) -> Vec<(f64, f64)> {
    let grid = &m.grids[g];
    let n = grid.stacks.max(1);
    let gutter = if n > 1 {
        (m.full_width - f64::from(n) * grid.width) / f64::from(n - 1)
    } else {
        0.0
    };
    (0..n)
        .map(|i| {
            let x = f64::from(i) * (grid.width + gutter);
            (x, x + grid.width)
        })
        .collect()
}

/// Grid lines of white over the stacks of grid `g` that stand, under a stepped band, partly
/// under the lead's photo and partly under its last column alone (its columns need not stand
/// on the stacks' gutters) where that ends short: the stack's column starts under the text's
/// foot, and between it and both the photo and that last column nothing stands. Two lines
/// are a hole (the column's head brings its own white over it).
pub fn holes(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let Some(lead) = lead.map(|l| &l.plan).filter(|l| l.stepped && l.columns > 1) else {
        return 0;
    };
    let Some((left, photo)) = photo_span(m, lead) else {
        return 0;
    };
    let last_left = f64::from(lead.columns - 1) * (lead.text_width + m.gutter);
    stacks(m, g)
        .into_iter()
        .filter(|&stack| under(m, stack, left) == (true, true) && stack.0 > last_left - m.gutter)
        .map(|_| lead.text_grid.saturating_sub(photo.max(lead.last_grid)))
        .filter(|&white| white >= 2)
        .sum()
}

/// Whether a stack from `x0` to `x1` stands under the lead's text and under its photo, whose
/// left edge is at `left`.
fn under(m: &Measures, (x0, x1): (f64, f64), left: f64) -> (bool, bool) {
    (x0 < left - m.gutter - 0.5, x1 > left + 0.5)
}

/// For each grid, the line each stack's column starts at: under a level lead band, its foot;
/// under a stepped one, the lead's text or its photo and caption, whichever the stack stands
/// under (the lower where it stands under both); under a lead's column that ends short of the
/// band by more than the house lets pass, right under its text (`steps`). 0 without a lead.
pub fn tops(m: &Measures, lead: Option<&LeadPlan>) -> Vec<Vec<u32>> {
    (0..m.grids.len())
        .map(|g| {
            let steps = lead.map(|lead| steps(m, lead, g)).unwrap_or_default();
            stacks(m, g)
                .into_iter()
                .enumerate()
                .map(|(i, stack)| match lead {
                    None => 0,
                    Some(_) if let Some(step) = steps.iter().find(|s| s.stacks.contains(&i)) => {
                        step.top
                    }
                    Some(lead) if !lead.stepped => lead.lines,
                    Some(lead) => match photo_span(m, lead) {
                        Some((left, photo)) => match under(m, stack, left) {
                            (true, true) => photo.max(lead.text_grid),
                            (false, true) => photo,
                            _ => lead.text_grid,
                        },
                        None => lead.text_grid,
                    },
                })
                .collect()
        })
        .collect()
}

/// A lead's column whose stacks start right under its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub column: usize,
    pub stacks: std::ops::Range<usize>,
    pub top: u32,
}

/// The lead's columns under which the body's columns start right under the lead's text, where
/// that column ends two lines or more short of the band (with the white a head brings over
/// its rule, the variants' gate sees 3 as a hole), under a stepped band or a lead across the
/// page: the
/// lead's columns stand over the body's stacks, each as wide as a whole number of them, on
/// the same gutters, left of the photo, so the body's columns continue right under the lead's
/// text, as the stepped band's columns do under the rest of it. (A line short stays the
/// band's, as any text's last column ends short.)
pub fn steps(m: &Measures, lead: &LeadPlan, g: usize) -> Vec<Step> {
    let Some(grid) = m.grids.get(g) else {
        return Vec::new();
    };
    let stacks = stacks(m, g);
    let gutter = stacks.get(1).map_or(m.gutter, |s| s.0 - stacks[0].1);
    // Stacks each column spans.
    let span = ((lead.text_width + gutter) / (grid.width + gutter)).round() as usize;
    let aligned = span >= 1
        && (lead.text_width - (span as f64 * grid.width + (span as f64 - 1.0) * gutter)).abs()
            < 0.5
        && (gutter - m.gutter).abs() < 0.5;
    // A level band beside a photo stays level: its rule notched under one column would read
    // as a stepped band gone wrong (the stepped one is the search's other choice).
    let level_beside_photo = lead.photo.is_some() && !lead.stepped;
    if lead.text_lines == 0 || !aligned || level_beside_photo {
        return Vec::new();
    }
    let photo_left = photo_span(m, lead).map(|(left, _)| left);
    (0..lead.columns as usize)
        .filter_map(|column| {
            let under_it = column * span..(column + 1) * span;
            let beside_photo = photo_left.is_some_and(|left| {
                stacks
                    .get(under_it.clone())
                    .is_none_or(|s| s.iter().any(|&stack| under(m, stack, left).1))
            });
            let grid_lines = *lead.column_grids.get(column)?;
            (under_it.end <= stacks.len() && !beside_photo && lead.text_grid > grid_lines + 1)
                .then_some(Step {
                    column,
                    stacks: under_it,
                    top: grid_lines,
                })
        })
        .collect()
}

/// Grid lines of white the lead band leaves over the stacks of grid `g`, a stack's each: under
/// a level band, between the shorter side (its text or its photo and caption) and the band's
/// foot, where the body's columns start; under a stepped one, over a stack that stands under
/// both, between the higher side and the lower, where its column starts. Under a lead's
/// column that ends short, the lines it ends short by too, unless its stacks start right
/// under it (`steps`). Over a stack under the lead's text a line passes: the lead's pitch is a
/// grid line and a half, so its columns end between grid lines, never exactly on one.
pub fn white(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let Some(lead) = lead.map(|l| &l.plan) else {
        return 0;
    };
    white_over_stacks(m, lead, g)
        .into_iter()
        .map(|(white, side)| white.saturating_sub(u32::from(side == Side::Text)))
        .sum()
}

/// Grid lines of white over each stack of grid `g`, left to right, as preflight sees them
/// (none without a lead): `white_over_stacks`' lines, under the photo alone with the space
/// under its caption, which its caption's lines count.
pub fn seen_white(m: &Measures, lead: Option<&LeadPlan>, g: usize) -> Vec<u32> {
    let Some(lead) = lead else {
        return Vec::new();
    };
    white_over_stacks(m, lead, g)
        .into_iter()
        .map(|(white, side)| white + u32::from(side == Side::Photo && white > 0))
        .collect()
}

/// Grid lines of a stack that stands partly under a lead photo with no lead text beside it:
/// its column starts under the photo, and the part of it the photo leaves bare holds nothing
/// at all over it, a block of white beside the photo no column can fill (a portrait three
/// basic columns wide over a grid of two-column stacks). As good as forbidden.
pub fn bare(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let Some(lead) = lead.map(|l| &l.plan).filter(|l| l.text_lines == 0) else {
        return 0;
    };
    let Some((left, photo)) = photo_span(m, lead) else {
        return 0;
    };
    stacks(m, g)
        .into_iter()
        .filter(|&stack| under(m, stack, left) == (true, true))
        .map(|_| photo)
        .sum()
}

/// Stacks of grid `g` the lead band leaves a hole over, as preflight sees one: `HOLE_LINES`
/// of white or more over a stack (`white`), a photo's white beside a short last column
/// (`holes`), a stack left bare beside a photo (`bare`). A page with any is never made up.
pub fn flaws(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    let white = seen_white(m, lead.map(|l| &l.plan), g)
        .into_iter()
        .filter(|&white| white >= HOLE_LINES)
        .count() as u32;
    white + u32::from(holes(m, lead, g) > 0) + u32::from(bare(m, lead, g) > 0)
}

/// Lines of white the lead band leaves over stacks where they make a hole as preflight sees
/// one (`seen_white`, `HOLE_LINES` or more over a stack): white a short page must not hide
/// under its lead, where the columns' feet would show it.
pub fn hole_lines(m: &Measures, lead: Option<&LeadChoice>, g: usize) -> u32 {
    seen_white(m, lead.map(|l| &l.plan), g)
        .into_iter()
        .filter(|&white| white >= HOLE_LINES)
        .sum()
}

/// What a stack stands under in the lead band.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    /// The lead's text alone.
    Text,
    /// The lead's photo alone.
    Photo,
    /// Both, or neither.
    Other,
}

/// `white` over each stack before the line that passes, and what the stack stands under.
fn white_over_stacks(m: &Measures, lead: &LeadPlan, g: usize) -> Vec<(u32, Side)> {
    let steps = steps(m, lead, g);
    let gutter = m.gutter;
    // Lines the lead's columns over a stack end short of its text's foot: the shortest's.
    let short = |i: usize, (x0, x1): (f64, f64)| {
        if steps.iter().any(|s| s.stacks.contains(&i)) {
            return 0;
        }
        lead.column_grids
            .iter()
            .enumerate()
            .filter(|&(c, _)| {
                let left = c as f64 * (lead.text_width + gutter);
                x1.min(left + lead.text_width) - x0.max(left) > 0.5
            })
            .map(|(_, &grid_lines)| lead.text_grid.saturating_sub(grid_lines))
            .max()
            .unwrap_or(0)
    };
    let text_right = f64::from(lead.columns) * lead.text_width
        + f64::from(lead.columns.saturating_sub(1)) * gutter;
    let Some((left, photo)) = photo_span(m, lead) else {
        return stacks(m, g)
            .into_iter()
            .enumerate()
            .map(|(i, stack)| (short(i, stack), Side::Text))
            .collect();
    };
    stacks(m, g)
        .into_iter()
        .enumerate()
        .map(|(i, stack)| {
            let (under_text, under_photo) = under(m, stack, left);
            let white = match ((under_text, under_photo), lead.stepped) {
                // (Where the text reaches into the stack, as a stack by the fold of a spread
                // reaches under the photo on the other page: only a gutter's strip is bare.)
                ((true, true), _) if text_right - stack.0 < (stack.1 - stack.0) / 4.0 => 0,
                ((true, true), _) => photo.abs_diff(lead.text_grid),
                (_, true) => short(i, stack),
                ((true, false), false) => {
                    lead.lines - lead.text_grid.min(lead.lines) + short(i, stack)
                }
                ((false, true), false) => lead.lines - photo.min(lead.lines),
                ((false, false), false) => 0,
            };
            let side = match (under_text, under_photo) {
                (true, false) => Side::Text,
                (false, true) => Side::Photo,
                _ => Side::Other,
            };
            (white, side)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{LeadOption, LeadPhoto};
    use super::*;

    use super::super::photo::{TEST_GRID as GRID, TEST_RULES as RULES};
    use super::columns::tests::option;

    #[test]
    fn a_lead_too_short_for_deep_columns_keeps_its_two_column_settings() {
        // A lead of one paragraph: 3 lines at one width (no split of 3 leaves no widow: one
        // column holds it, the other stands empty) and 4 at another (2 and 2). The first is
        // no two-column setting, so it must not count as the deep one the others lack.
        let lead = LeadMeasures {
            pitch: 19.5,
            leading: 8.5,
            max_chars: 30.0,
            photo: None,
            options: vec![option(2, &[3]), option(2, &[4])],
        };
        let choices = choices(&lead, GRID, RULES, 120.0, 3);
        assert!(
            choices
                .iter()
                .any(|c| c.plan.option == 1 && c.plan.columns == 2 && c.plan.text_lines == 2),
            "{choices:?}"
        );
        assert!(choices.iter().all(|c| c.plan.option == 1), "{choices:?}");
    }

    #[test]
    fn the_photo_matches_the_lead_within_a_line() {
        let lead = LeadMeasures {
            pitch: 19.5,
            leading: 8.5,
            max_chars: 30.0,
            photo: Some(LeadPhoto {
                width_px: 2400,
                height_px: 1350,
                max_crop: None,
            }),
            options: vec![LeadOption {
                photo_width: 495.0,
                text_width: 243.0,
                columns: 2,
                paragraphs: vec![8, 7, 8, 7],
                starts: vec![None; 4],
                caption: 2,
            }],
        };
        let choices = choices(&lead, GRID, RULES, 120.0, 3);
        let best = choices
            .iter()
            .min_by(|a, b| a.cost.total_cmp(&b.cost))
            .unwrap();
        let photo = best.plan.photo.as_ref().unwrap();
        // 30 lead lines in two columns of 15: 15 × 19.5 − 8.5 + 4 → 23 grid lines, which the
        // photo (21.7 lines at its own proportions) reaches within its crop.
        assert_eq!((best.plan.text_lines, best.plan.text_grid), (15, 23));
        assert!(
            (best.plan.lines as i64 - (photo.picture_lines + photo.caption_lines) as i64).abs()
                <= 1
        );
        assert!(best.cost < 2.5, "{best:?}");
    }

    #[test]
    fn a_lead_photo_without_a_lead_is_offered_stepped_and_never_needlessly_coarse() {
        let lead = LeadMeasures {
            pitch: 19.5,
            leading: 8.5,
            max_chars: 30.0,
            photo: Some(LeadPhoto {
                width_px: 1024,
                height_px: 683,
                max_crop: None,
            }),
            options: [243.0, 369.0, 495.0]
                .map(|w| LeadOption {
                    photo_width: w,
                    text_width: 999.0 - w - 9.0,
                    columns: 2,
                    paragraphs: vec![],
                    starts: vec![],
                    caption: 2,
                })
                .to_vec(),
        };
        let choices = choices(&lead, GRID, RULES, 120.0, 3);
        // The stacks beside the photo start at the top: no white band beside it.
        assert!(
            choices
                .iter()
                .any(|c| c.plan.stepped && c.plan.text_grid == 0)
        );
        // 1,024 pixels hold 200 ppi over 243 pt (a stack) but not over 369 or 495.
        assert!(
            choices
                .iter()
                .all(|c| c.plan.photo.as_ref().unwrap().width < 244.0),
            "{choices:?}"
        );
    }
}
