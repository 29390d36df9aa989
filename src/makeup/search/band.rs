//! Bands of photos across the page, under the stacks: which are worth trying.

use super::{Context, range};
use crate::units::ppi;

/// A choice of photos for the band across the page: the section and its photos' indices.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct BandChoice {
    pub(super) section: usize,
    pub(super) photos: Vec<usize>,
    /// Allowed picture lines (lowest, highest) for all of them at the band's width.
    pub(super) range: (u32, u32),
    pub(super) width: f64,
}

/// Bands worth trying: a panorama (2:1 or wider) alone, or a section's two to four photos side
/// by side (组照).
pub(super) fn band_choices(cx: &Context) -> Vec<BandChoice> {
    let m = cx.m;
    let mut choices = Vec::new();
    let width = |n: usize| (m.full_width - (n as f64 - 1.0) * m.gutter) / n as f64;
    let choice = |section: usize, photos: Vec<usize>| {
        let w = width(photos.len());
        let mut range = (0, u32::MAX);
        for &p in &photos {
            let ph = &m.sections[section].photos[p];
            // A band never enlarges a photo below the warning resolution.
            if ppi(f64::from(ph.width_px), w) < m.warn_ppi {
                return None;
            }
            let (lo, _, hi) = self::range(
                m,
                cx.grid,
                (ph.width_px, ph.height_px),
                ph.max_crop,
                w,
                m.capacity / 2,
            );
            range = (range.0.max(lo), range.1.min(hi));
        }
        (range.0 <= range.1).then_some(BandChoice {
            section,
            photos,
            range,
            width: w,
        })
    };
    for (s, section) in m.sections.iter().enumerate() {
        for (p, ph) in section.photos.iter().enumerate() {
            if f64::from(ph.width_px) >= 2.0 * f64::from(ph.height_px) {
                choices.extend(choice(s, vec![p]));
            }
        }
        if (2..=4).contains(&section.photos.len()) {
            choices.extend(choice(s, (0..section.photos.len()).collect()));
        }
    }
    choices
}
