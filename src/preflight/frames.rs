//! Walking the laid-out pages: every item with its absolute position, in document order.

use typst::layout::{Frame, FrameItem, Point, Rect, Transform};
use typst_layout::PagedDocument;

/// One item of a laid-out page, with where it sits on that page.
pub struct Placed<'a> {
    /// 1-based page number.
    pub page: usize,
    /// The item's origin on the page (for text: the start of its baseline).
    pub at: Point,
    /// The transform from the item's own frame to the page (scales images, for instance).
    pub transform: Transform,
    pub item: &'a FrameItem,
    /// The clip of the groups around it, on the page (a cropped photo is drawn larger than its
    /// box and clipped to it): what of the item can print lies within.
    pub clip: Option<Rect>,
}

impl Placed<'_> {
    /// `x0..x1` × `y0..y1` (pt, on the page) cut to the clip; `None` if nothing of it shows.
    pub fn clipped(&self, (x0, x1, y0, y1): (f64, f64, f64, f64)) -> Option<(f64, f64, f64, f64)> {
        let Some(clip) = self.clip else {
            return Some((x0, x1, y0, y1));
        };
        let cut = (
            x0.max(clip.min.x.to_pt()),
            x1.min(clip.max.x.to_pt()),
            y0.max(clip.min.y.to_pt()),
            y1.min(clip.max.y.to_pt()),
        );
        (cut.0 <= cut.1 && cut.2 <= cut.3).then_some(cut)
    }
}

/// Every item of every page, depth-first, in the order typst emitted them.
pub fn placed(document: &PagedDocument) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        walk(&page.frame, i + 1, Transform::identity(), None, &mut out);
    }
    out
}

fn walk<'a>(
    frame: &'a Frame,
    page: usize,
    ts: Transform,
    clip: Option<Rect>,
    out: &mut Vec<Placed<'a>>,
) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => {
                let inner = here.pre_concat(group.transform);
                let clip = match &group.clip {
                    Some(curve) => {
                        let own = on_page(curve.bbox(None), inner);
                        Some(clip.map_or(own, |outer| intersect(outer, own)))
                    }
                    None => clip,
                };
                walk(&group.frame, page, inner, clip, out)
            }
            _ => out.push(Placed {
                page,
                at: Point::zero().transform(here),
                transform: here,
                item,
                clip,
            }),
        }
    }
}

/// A rectangle's bounding box after a transform (from a frame's coordinates to the page's).
pub fn on_page(rect: Rect, ts: Transform) -> Rect {
    let corners = [
        rect.min,
        rect.max,
        Point::new(rect.min.x, rect.max.y),
        Point::new(rect.max.x, rect.min.y),
    ]
    .map(|p| p.transform(ts));
    let min = corners
        .iter()
        .copied()
        .reduce(|a, b| a.min(b))
        .unwrap_or(rect.min);
    let max = corners
        .iter()
        .copied()
        .reduce(|a, b| a.max(b))
        .unwrap_or(rect.max);
    Rect::new(min, max)
}

fn intersect(a: Rect, b: Rect) -> Rect {
    let min = a.min.max(b.min);
    Rect::new(min, a.max.min(b.max).max(min))
}
