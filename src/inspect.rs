//! Reading a laid-out page back as lines of text with their geometry: where each line sits,
//! where each glyph starts and how wide it is. Tests measure the house typography with it
//! (grid, indents, justification, line-start and line-end rules).

use typst::layout::{FrameItem, Point, Transform};
use typst::visualize::{Geometry, ImageKind};
use typst_layout::PagedDocument;

use crate::preflight::frames;
pub use crate::preflight::lines::{Glyph, Line, lines, lines_in_stories};

// ---------------------------------------------------------------------------------------------
// What a make-up editor looks at: where the ink is. Glyph boxes, pictures with the part of them
// that shows, rules and filled areas, every one as a rectangle on its page.

/// A rectangle on a page, pt, y downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl From<typst::layout::Rect> for Area {
    fn from(rect: typst::layout::Rect) -> Self {
        Area {
            x0: rect.min.x.to_pt(),
            y0: rect.min.y.to_pt(),
            x1: rect.max.x.to_pt(),
            y1: rect.max.y.to_pt(),
        }
    }
}

impl Area {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// The part both cover, if any.
    pub fn intersection(&self, other: &Area) -> Option<Area> {
        let area = Area {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        (area.x0 < area.x1 && area.y0 < area.y1).then_some(area)
    }

    /// How far the two overlap across and down, pt (negative: that far apart).
    pub fn overlap(&self, other: &Area) -> (f64, f64) {
        (
            self.x1.min(other.x1) - self.x0.max(other.x0),
            self.y1.min(other.y1) - self.y0.max(other.y0),
        )
    }

    /// Whether `other` lies inside this area, give or take `tolerance` pt.
    pub fn contains(&self, other: &Area, tolerance: f64) -> bool {
        other.x0 >= self.x0 - tolerance
            && other.y0 >= self.y0 - tolerance
            && other.x1 <= self.x1 + tolerance
            && other.y1 <= self.y1 + tolerance
    }

    /// The smallest area covering both.
    pub fn union(&self, other: &Area) -> Area {
        Area {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The page-space bounding box of `rect` (in an item's own space) under `ts`.
    fn transformed(rect: typst::layout::Rect, ts: Transform) -> Area {
        Area::from(frames::on_page(rect, ts))
    }
}

/// A glyph's box as set: across, the stretch its pen advances over (a compressed mark keeps
/// its ink there: an opening quote set half width is drawn shifted left, its ink in its right
/// half), no wider than the glyph's own advance (justification's added space is not ink); down,
/// from 0.88 em above the baseline to 0.12 em below (the house line box).
pub fn glyph_area(line: &Line, glyph: &Glyph) -> Area {
    let x0 = glyph.x + glyph.offset.max(0.0);
    let width = (glyph.advance - glyph.offset.max(0.0))
        .min(glyph.natural_em * line.size)
        .max(0.0);
    Area {
        x0,
        y0: line.baseline - 0.88 * line.size,
        x1: x0 + width,
        y1: line.baseline + 0.12 * line.size,
    }
}

/// Each page's trim box (typst's page frame; the bleed lies outside it).
pub fn trim_boxes(document: &PagedDocument) -> Vec<Area> {
    document
        .pages()
        .iter()
        .map(|page| Area {
            x0: 0.0,
            y0: 0.0,
            x1: page.frame.width().to_pt(),
            y1: page.frame.height().to_pt(),
        })
        .collect()
}

/// An image as placed: the whole picture as drawn, and the part of it that shows inside every
/// clip around it (a photo cropped to its frame is drawn larger than its frame).
#[derive(Debug, Clone)]
pub struct PlacedImage {
    pub page: usize,
    pub drawn: Area,
    /// None when a clip hides it all.
    pub visible: Option<Area>,
    /// The pixels typst was given (a resampled copy has fewer than the original).
    pub pixels: (u32, u32),
}

impl PlacedImage {
    /// Share of the picture cut off across and down, 0 to 1.
    pub fn crop(&self) -> (f64, f64) {
        match self.visible {
            Some(v) => (
                1.0 - v.width() / self.drawn.width().max(f64::EPSILON),
                1.0 - v.height() / self.drawn.height().max(f64::EPSILON),
            ),
            None => (1.0, 1.0),
        }
    }
}

/// What a shape is to the eye: a rule (a line, or a rectangle thinner than 2 pt), a filled area,
/// or an outline only (a frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeKind {
    Rule,
    Fill,
    Outline,
}

#[derive(Debug, Clone)]
pub struct PlacedShape {
    pub page: usize,
    pub kind: ShapeKind,
    /// Its bounding box, the stroke included, inside every clip around it.
    pub area: Area,
}

/// Every item of every page with its transform and the clip around it (page space).
fn clipped(document: &PagedDocument) -> Vec<(usize, Transform, Option<Area>, &FrameItem)> {
    frames::placed(document)
        .into_iter()
        .map(|p| (p.page, p.transform, p.clip.map(Area::from), p.item))
        .collect()
}

/// Every image of every page, in document order.
pub fn images(document: &PagedDocument) -> Vec<PlacedImage> {
    clipped(document)
        .into_iter()
        .filter_map(|(page, ts, clip, item)| {
            let FrameItem::Image(image, size, _) = item else {
                return None;
            };
            let drawn = Area::transformed(
                typst::layout::Rect::new(Point::zero(), Point::new(size.x, size.y)),
                ts,
            );
            let visible = match clip {
                Some(clip) => clip.intersection(&drawn),
                None => Some(drawn),
            };
            let pixels = match image.kind() {
                ImageKind::Raster(raster) => (raster.width(), raster.height()),
                _ => (0, 0),
            };
            Some(PlacedImage {
                page,
                drawn,
                visible,
                pixels,
            })
        })
        .collect()
}

/// Every shape of every page that shows (stroked or filled), in document order.
pub fn shapes(document: &PagedDocument) -> Vec<PlacedShape> {
    clipped(document)
        .into_iter()
        .filter_map(|(page, ts, clip, item)| {
            let FrameItem::Shape(shape, _) = item else {
                return None;
            };
            if shape.fill.is_none() && shape.stroke.is_none() {
                return None;
            }
            let area = Area::transformed(shape.bbox(true), ts);
            let area = match clip {
                Some(clip) => clip.intersection(&area)?,
                None => area,
            };
            let thin = area.width().min(area.height()) < 2.0;
            let kind = match &shape.geometry {
                Geometry::Line(_) => ShapeKind::Rule,
                _ if thin => ShapeKind::Rule,
                _ if shape.fill.is_some() => ShapeKind::Fill,
                _ => ShapeKind::Outline,
            };
            Some(PlacedShape { page, kind, area })
        })
        .collect()
}
