//! Walking the laid-out pages: every item with its absolute position, in document order.

use typst::layout::{Frame, FrameItem, Point, Transform};
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
}

/// Every item of every page, depth-first, in the order typst emitted them.
pub fn placed(document: &PagedDocument) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        walk(&page.frame, i + 1, Transform::identity(), &mut out);
    }
    out
}

fn walk<'a>(frame: &'a Frame, page: usize, ts: Transform, out: &mut Vec<Placed<'a>>) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => {
                walk(&group.frame, page, here.pre_concat(group.transform), out)
            }
            _ => out.push(Placed {
                page,
                at: Point::zero().transform(here),
                transform: here,
                item,
            }),
        }
    }
}
