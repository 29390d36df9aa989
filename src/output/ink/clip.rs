//! A clip on the plates: each cell's share inside it (anti-aliased, by tiny-skia), kept for the
//! cells it bounds only. A page clips every column, box and photo; a mask of the whole sheet
//! for each would cost more than the measuring.

use tiny_skia as sk;

/// A clip: the cells it can leave anything in, and each one's share inside it.
pub struct Clip {
    /// Left, top, right, bottom, in cells (right and bottom excluded).
    pub bounds: [i64; 4],
    mask: sk::Mask,
}

impl Clip {
    /// `path` (in cells) as a clip within `bounds`, inside `outer` if it is clipped already;
    /// `None` when nothing is left inside.
    pub fn new(path: &sk::Path, bounds: [i64; 4], outer: Option<&Clip>) -> Option<Clip> {
        let bounds = match outer {
            Some(outer) => intersect(bounds, outer.bounds),
            None => bounds,
        };
        let (w, h) = (bounds[2] - bounds[0], bounds[3] - bounds[1]);
        let mut mask = sk::Mask::new(u32::try_from(w).ok()?, u32::try_from(h).ok()?)?;
        mask.fill_path(
            path,
            sk::FillRule::Winding,
            true,
            sk::Transform::from_translate(-bounds[0] as f32, -bounds[1] as f32),
        );
        if let Some(outer) = outer {
            let width = w as usize;
            for (i, share) in mask.data_mut().iter_mut().enumerate() {
                let (x, y) = (
                    bounds[0] + (i % width) as i64,
                    bounds[1] + (i / width) as i64,
                );
                *share = premultiply(*share, outer.raw(x, y));
            }
        }
        Some(Clip { bounds, mask })
    }

    /// The share of cell (`x`, `y`) inside the clip, 0–1 (0 outside its bounds).
    pub fn at(&self, x: i64, y: i64) -> f32 {
        f32::from(self.raw(x, y)) / 255.0
    }

    fn raw(&self, x: i64, y: i64) -> u8 {
        let (x, y) = (x - self.bounds[0], y - self.bounds[1]);
        let width = i64::from(self.mask.width());
        if x < 0 || y < 0 || x >= width || y >= i64::from(self.mask.height()) {
            return 0;
        }
        self.mask.data()[(y * width + x) as usize]
    }
}

/// `a` × `b` / 255, rounded, as tiny-skia intersects two masks.
fn premultiply(a: u8, b: u8) -> u8 {
    let product = u32::from(a) * u32::from(b) + 128;
    ((product + (product >> 8)) >> 8) as u8
}

pub fn intersect(a: [i64; 4], b: [i64; 4]) -> [i64; 4] {
    [
        a[0].max(b[0]),
        a[1].max(b[1]),
        a[2].min(b[2]),
        a[3].min(b[3]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f32, y: f32, side: f32) -> sk::Path {
        sk::PathBuilder::from_rect(sk::Rect::from_xywh(x, y, side, side).unwrap())
    }

    #[test]
    fn a_clip_covers_its_cells_and_nothing_outside_its_bounds() {
        // Half of cell 2 and all of 3 and 4, across and down.
        let clip = Clip::new(&square(2.5, 2.5, 2.5), [1, 1, 7, 7], None).unwrap();
        assert_eq!(clip.at(3, 3), 1.0);
        assert!((clip.at(2, 3) - 0.5).abs() < 0.02, "{}", clip.at(2, 3));
        assert_eq!(clip.at(6, 6), 0.0);
        assert_eq!(clip.at(0, 0), 0.0);
        assert_eq!(clip.at(100, 3), 0.0);
    }

    #[test]
    fn a_clip_inside_another_keeps_what_both_cover() {
        let outer = Clip::new(&square(0.0, 0.0, 4.0), [0, 0, 5, 5], None).unwrap();
        let inner = Clip::new(&square(2.0, 2.0, 4.0), [1, 1, 7, 7], Some(&outer)).unwrap();
        assert_eq!(inner.bounds, [1, 1, 5, 5]);
        assert_eq!(inner.at(3, 3), 1.0);
        assert_eq!(inner.at(1, 1), 0.0);
        assert_eq!(inner.at(4, 4), 0.0);
        assert!(Clip::new(&square(9.0, 9.0, 1.0), [8, 8, 11, 11], Some(&outer)).is_none());
    }
}
