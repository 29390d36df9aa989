//! The lead band: the lead (导语) in two to four columns of 20–30 characters beside its photo,
//! the photo's height matched to the lead's within the crop rules, so no lead floats centred
//! in white.

mod columns;
mod over;

use super::photo::{self, Grid, Rules};
use super::{LeadMeasures, LeadPlan, PhotoPlan};
use crate::makeup::costs::FEATURE;
use crate::units::ppi;
use columns::{LeadText, set_text};
pub use over::{bare, flaws, hole_lines, holes, seen_white, steps, tops, under_photo, white};

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
