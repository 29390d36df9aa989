//! The lead band: the lead (导语) in two to four columns of 20–30 characters beside its photo,
//! the photo's height matched to the lead's within the crop rules, so no lead floats centred
//! in white.

use super::flow::{Item, Kind, play};
use super::photo::{self, Grid, Rules};
use super::{LeadMeasures, LeadPlan, Measures, PhotoPlan};
use crate::units::ppi;

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
    let deep_enough = |o: &super::LeadOption| o.columns == 1 || text_height(o, keep) >= 3;
    let any_deep = lead.options.iter().any(deep_enough);
    for (i, option) in lead.options.iter().enumerate() {
        if any_deep && !deep_enough(option) {
            continue;
        }
        let text_lines = text_height(option, keep);
        // Grid lines the lead's columns take: its lines at its pitch, less the leading under
        // the last, plus the gap under every block.
        let text_grid = if text_lines == 0 {
            0
        } else {
            ((f64::from(text_lines) * lead.pitch - lead.leading + grid.gap) / grid.pitch - 0.01)
                .ceil() as u32
        };
        let plan = |lines: u32, photo: Option<PhotoPlan>| LeadPlan {
            option: i,
            columns: option.columns,
            text_width: option.text_width,
            text_lines,
            text_grid,
            lines,
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
            out.push(LeadChoice {
                plan: plan(text_grid, None),
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
        for picture in [matched.saturating_sub(1), matched, matched + 1] {
            if !(lo..=hi).contains(&picture) {
                continue;
            }
            let photo_grid = picture + option.caption;
            let lines = photo_grid.max(text_grid);
            let f = photo::fit(px, option.photo_width, picture, grid);
            out.push(LeadChoice {
                plan: plan(
                    lines,
                    Some(PhotoPlan::new(
                        (None, 0),
                        px,
                        option.photo_width,
                        (picture, option.caption),
                        grid,
                    )),
                ),
                cost: measure_cost
                    + f64::from(lines - photo_grid.min(text_grid))
                    + photo::cost(&f, sharpest_ppi, rules.warn_ppi, error_ppi),
            });
        }
    }
    out
}

/// For each grid, the line each stack's column starts at: under the lead band, the band's
/// taller side (0 without a lead). The frames let each stack start at its own line; a stepped
/// lead (the columns under a short lead's text starting right under it, beside its photo)
/// needs the make-up to fill the lines it frees, which it cannot yet do on every page.
pub fn tops(m: &Measures, lead: Option<&LeadPlan>) -> Vec<Vec<u32>> {
    let lines = lead.map_or(0, |l| l.lines);
    m.grids
        .iter()
        .map(|g| vec![lines; g.stacks as usize])
        .collect()
}

/// The lowest column height (in lead lines) that holds the lead in `option.columns` columns,
/// paragraphs splitting as in the body.
fn text_height(option: &super::LeadOption, keep: u32) -> u32 {
    let items: Vec<Item> = option
        .paragraphs
        .iter()
        .map(|&n| Item::new(Kind::Text, n))
        .collect();
    let total: u32 = option.paragraphs.iter().sum();
    if total == 0 {
        return 0;
    }
    // Two lines a column at least: a lead of a few lines is not spread one line a column.
    let lowest = total.div_ceil(option.columns.max(1)).max(total.min(2));
    (lowest..=total)
        .find(|&h| play(&items, &vec![h; option.columns as usize], keep).fits)
        .unwrap_or(total)
}

#[cfg(test)]
mod tests {
    use super::super::{LeadOption, LeadPhoto};
    use super::*;

    use super::super::photo::{TEST_GRID as GRID, TEST_RULES as RULES};

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
}
