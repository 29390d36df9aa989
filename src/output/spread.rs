//! A spread's two plates. A spread (通版) is laid out as one sheet two pages wide; the plant
//! takes each page as a PDF of its own, with its own trim and bleed. Each half of the sheet
//! becomes a page: the sheet's items cut to that page with its bleed (what runs across the
//! fold, a headline or a photo, is in both, each showing its own part), the rest left out so
//! that neither page carries text it does not print.

use typst::layout::{Abs, Frame, FrameItem, GroupItem, Point, Rect, Size, Transform};
use typst::model::Document;
use typst::visualize::Curve;
use typst_layout::{Page, PagedDocument};

/// The left and right pages of a one-page spread document.
pub fn plates(sheet: &PagedDocument) -> Option<[PagedDocument; 2]> {
    let [page] = sheet.pages() else {
        return None;
    };
    let half = page.frame.width() / 2.0;
    let bleed = page.bleed;
    let size = Size::new(half, page.frame.height());
    let plate = |offset: Abs| {
        // What this page shows, in the sheet's coordinates: its trim and its bleed.
        let shown = Rect::new(
            Point::new(offset - bleed.left, -bleed.top),
            Point::new(offset + half + bleed.right, size.y + bleed.bottom),
        );
        let mut inner = cut(&page.frame, shown, Transform::identity());
        inner.set_size(page.frame.size());
        let mut group = GroupItem::new(inner);
        group.transform = Transform::translate(-offset, Abs::zero());
        // The clip in the group's own (sheet) coordinates.
        let mut clip = Curve::rect(shown.size());
        clip.translate(shown.min);
        group.clip = Some(clip);
        let mut frame = Frame::hard(size);
        frame.push(Point::zero(), FrameItem::Group(group));
        let page = Page {
            frame,
            ..page.clone()
        };
        PagedDocument::new(std::iter::once(page).collect(), sheet.info().clone())
    };
    Some([plate(Abs::zero()), plate(half)])
}

/// `frame` with only the items that print within `shown` (sheet coordinates; `ts` takes the
/// frame's coordinates there). Tags are kept: they print nothing and typst's export pairs them.
fn cut(frame: &Frame, shown: Rect, ts: Transform) -> Frame {
    let mut out = Frame::new(frame.size(), frame.kind());
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        let kept = match item {
            FrameItem::Group(group) => {
                let inner = here.pre_concat(group.transform);
                let frame = cut(&group.frame, shown, inner);
                if frame.is_empty() {
                    continue;
                }
                FrameItem::Group(GroupItem {
                    frame,
                    ..group.clone()
                })
            }
            FrameItem::Tag(_) => item.clone(),
            FrameItem::Text(text) => {
                let mut bbox = text.bbox();
                // Glyphs without outlines (spaces) have no box: the run's advance stands in.
                if !bbox.min.x.to_pt().is_finite() {
                    bbox = Rect::new(
                        Point::new(Abs::zero(), -text.size),
                        Point::new(text.width(), Abs::zero()),
                    );
                }
                if !meets(bbox, here, shown) {
                    continue;
                }
                item.clone()
            }
            FrameItem::Shape(shape, _) => {
                if !meets(shape.bbox(true), here, shown) {
                    continue;
                }
                item.clone()
            }
            FrameItem::Image(_, size, _) | FrameItem::Link(_, size) => {
                if !meets(Rect::new(Point::zero(), size.to_point()), here, shown) {
                    continue;
                }
                item.clone()
            }
        };
        out.push(*pos, kept);
    }
    out
}

/// Whether `rect` (in a frame whose transform to the sheet is `ts`) overlaps `shown`.
fn meets(rect: Rect, ts: Transform, shown: Rect) -> bool {
    let r = crate::preflight::frames::on_page(rect, ts);
    r.min.x < shown.max.x && r.max.x > shown.min.x && r.min.y < shown.max.y && r.max.y > shown.min.y
}
