//! A photo in a box of whole grid lines: how much of it a height crops, how far it is enlarged,
//! and the heights a make-up editor would allow. Plain numbers, in points.

use crate::units::ppi;

/// How a picture `width` pt wide and `lines` grid lines tall shows a `px` photo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Share of the photo's height (`crop_y`) or width (`crop_x`) cut away, 0..1.
    pub crop_x: f64,
    pub crop_y: f64,
    /// Size the whole photo is drawn at (the box shows part of it), pt.
    pub drawn: (f64, f64),
    /// Effective resolution at that size.
    pub ppi: f64,
}

/// The grid a picture sits on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    pub pitch: f64,
    /// Space after every block in a column (a picture box is `lines × pitch − gap` tall).
    pub gap: f64,
}

impl Grid {
    pub fn box_height(&self, lines: u32) -> f64 {
        f64::from(lines) * self.pitch - self.gap
    }
}

pub fn fit(px: (u32, u32), width: f64, lines: u32, grid: Grid) -> Fit {
    fit_box(px, width, grid.box_height(lines))
}

/// How a box `width` × `box_h` pt shows a `px` photo, scaled to cover it.
pub fn fit_box(px: (u32, u32), width: f64, box_h: f64) -> Fit {
    let (w, h) = (f64::from(px.0.max(1)), f64::from(px.1.max(1)));
    let box_h = box_h.max(1.0);
    let natural = width * h / w;
    let drawn = if box_h <= natural {
        (width, natural)
    } else {
        (box_h * w / h, box_h)
    };
    Fit {
        crop_x: 1.0 - width / drawn.0,
        crop_y: 1.0 - box_h / drawn.1,
        drawn,
        ppi: ppi(w, drawn.0),
    }
}

/// What a make-up editor allows of a photo: crop at most `max_crop` of either dimension, never
/// enlarged below `warn_ppi` (unless the photo is below it even uncropped: then never enlarged
/// at all), at least `min_lines` tall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    pub max_crop: f64,
    pub warn_ppi: f64,
    pub min_lines: u32,
}

/// The picture heights, in grid lines, allowed at `width`: (lowest, nearest the photo's own
/// proportions, highest). `None` when no whole number of lines keeps within the rules (a very
/// small picture): the caller falls back on the natural height.
pub fn allowed(px: (u32, u32), width: f64, grid: Grid, rules: Rules) -> Option<(u32, u32, u32)> {
    let (w, h) = (f64::from(px.0.max(1)), f64::from(px.1.max(1)));
    let natural_h = width * h / w;
    let lines_for = |height: f64| (height + grid.gap) / grid.pitch;
    let natural = (lines_for(natural_h).round() as u32).max(rules.min_lines);
    // Shorter than natural crops the height; taller crops the width and enlarges.
    let mut lo = lines_for(natural_h * (1.0 - rules.max_crop)).ceil() as u32;
    let mut hi = lines_for(natural_h / (1.0 - rules.max_crop)).floor() as u32;
    let natural_ppi = ppi(w, width);
    let sharpest_height = if natural_ppi < rules.warn_ppi {
        natural_h
    } else {
        // Drawn width at most px·72/warn ⇒ box height at most that × h/w.
        (w * 72.0 / rules.warn_ppi) * h / w
    };
    hi = hi.min(lines_for(sharpest_height + 1e-9).floor() as u32);
    lo = lo.max(rules.min_lines);
    if lo > hi {
        return None;
    }
    Some((lo, natural.clamp(lo, hi), hi))
}

/// The picture heights to choose from at `width`: those `allowed`, or, for a picture too
/// small for both rules at once, the one height either side of its own proportions that crops
/// least, unless that enlarges a sharp photo below the warning resolution (a photo already
/// below it is so wherever it stands, and a hair's enlargement shows less than a cut).
pub fn heights(px: (u32, u32), width: f64, grid: Grid, rules: Rules) -> (u32, u32, u32) {
    allowed(px, width, grid, rules).unwrap_or_else(|| {
        let lines =
            (width * f64::from(px.1.max(1)) / f64::from(px.0.max(1)) + grid.gap) / grid.pitch;
        let crop = |n: u32| {
            let f = fit(px, width, n, grid);
            f.crop_x.max(f.crop_y)
        };
        let (down, up) = ((lines.floor() as u32).max(1), (lines.ceil() as u32).max(1));
        let natural_ppi = ppi(f64::from(px.0), width);
        let sharp_enough =
            natural_ppi < rules.warn_ppi || fit(px, width, up, grid).ppi >= rules.warn_ppi;
        let n = if crop(up) < crop(down) && sharp_enough {
            up
        } else {
            down
        };
        (n, n, n)
    })
}

/// What a photo's fit costs the page, in empty lines' worth: a tenth cut away as much as two
/// empty lines; set wider than its pixels allow for print, as much as a hole and more the
/// coarser; and never set so where its narrowest placement (`sharpest_ppi` there) would keep
/// it above the warning resolution, or this one takes it below the error resolution and that
/// one would not.
pub fn cost(f: &Fit, sharpest_ppi: f64, warn_ppi: f64, error_ppi: f64) -> f64 {
    let c = &crate::makeup::costs::PHOTO;
    let mut cost = c.crop * f.crop_x.max(f.crop_y);
    if f.ppi < warn_ppi - 1e-6 {
        cost += c.coarse + c.coarse_per_ppi * (warn_ppi - f.ppi);
        if needlessly_coarse(f, sharpest_ppi, warn_ppi, error_ppi) {
            cost += c.needlessly_coarse;
        }
    }
    cost
}

/// Under the warning resolution (or the error one) where its sharpest placement is not.
pub fn needlessly_coarse(f: &Fit, sharpest_ppi: f64, warn_ppi: f64, error_ppi: f64) -> bool {
    f.ppi < warn_ppi - 1e-6
        && (sharpest_ppi >= warn_ppi || (f.ppi < error_ppi && sharpest_ppi >= error_ppi))
}

/// The house grid and rules, for tests on plain numbers.
#[cfg(test)]
pub const TEST_GRID: Grid = Grid {
    pitch: 13.0,
    gap: 4.0,
};
#[cfg(test)]
pub const TEST_RULES: Rules = Rules {
    max_crop: 0.10,
    warn_ppi: 200.0,
    min_lines: 4,
};

#[cfg(test)]
mod tests {
    use super::*;

    const GRID: Grid = TEST_GRID;
    const RULES: Rules = TEST_RULES;

    #[test]
    fn crops_height_when_short_and_width_when_tall() {
        // 3:2 at 260 pt: natural 173.3 pt ≈ 13.6 lines.
        let short = fit((1800, 1200), 260.0, 12, GRID);
        assert!(short.crop_x.abs() < 1e-9 && short.crop_y > 0.0);
        let tall = fit((1800, 1200), 260.0, 15, GRID);
        assert!(tall.crop_y.abs() < 1e-9 && tall.crop_x > 0.0);
        assert!(tall.ppi < short.ppi);
    }

    #[test]
    fn allowed_heights_keep_crops_within_the_rule() {
        for (px, width) in [
            ((1800, 1200), 250.0),
            ((3000, 1000), 1052.0),
            ((900, 1200), 330.0),
            ((4000, 4000), 250.0),
        ] {
            let (lo, natural, hi) = allowed(px, width, GRID, RULES).unwrap();
            assert!(lo <= natural && natural <= hi);
            for lines in lo..=hi {
                let f = fit(px, width, lines, GRID);
                assert!(
                    f.crop_x <= 0.10 + 1e-9 && f.crop_y <= 0.10 + 1e-9,
                    "{px:?} {lines}: {f:?}"
                );
                // Never enlarged below 200 ppi; a photo coarser than that, never enlarged.
                let natural_ppi = ppi(f64::from(px.0), width);
                assert!(
                    f.ppi >= natural_ppi.min(200.0) - 1e-6,
                    "{px:?} {lines}: {f:?}"
                );
            }
            // One line more or less breaks a rule.
            let over = fit(px, width, hi + 1, GRID);
            assert!(over.crop_x > 0.10 || over.ppi < 200.0 || over.crop_x > 0.0);
            if lo > RULES.min_lines {
                assert!(fit(px, width, lo - 1, GRID).crop_y > 0.10);
            }
        }
    }

    #[test]
    fn a_coarse_photo_is_never_enlarged() {
        // 640 × 480 at 250 pt is 184 ppi already: no height above its natural one.
        let (_, _, hi) = allowed((640, 480), 250.0, GRID, RULES).unwrap();
        let f = fit((640, 480), 250.0, hi, GRID);
        assert!(f.crop_x.abs() < 1e-9, "{f:?}");
    }
}
