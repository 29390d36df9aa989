//! Red-lining, as the desk marks a proof round (一校, 二校): where each printed line came from
//! in the YAML (`sources`), what changed between two proofs of a page (`changes`), and those
//! changes drawn on the laid-out page (`mark`), for `banmian diff` and `banmian serve`.

pub mod changes;
pub mod rounds;
pub mod sources;

use typst::layout::{Abs, FrameItem, Point, Size};
use typst::model::Document;
use typst::visualize::{Color, DashPattern, FixedStroke, Geometry, Paint};
use typst_layout::PagedDocument;

use changes::Change;

/// `document` with each change drawn over it: changed characters boxed in red, what only moved
/// outlined in dashed blue.
pub fn mark(document: &PagedDocument, changes: &[Change]) -> PagedDocument {
    let mut pages: Vec<_> = document.pages().to_vec();
    for change in changes {
        let Some(page) = pages.get_mut(change.area.page.saturating_sub(1)) else {
            continue;
        };
        let a = change.area;
        let stroke = if change.kind == "changed" {
            FixedStroke::from_pair(Paint::Solid(Color::from_u8(230, 0, 0, 255)), Abs::pt(1.0))
        } else {
            FixedStroke {
                dash: Some(DashPattern {
                    array: vec![Abs::pt(3.0), Abs::pt(2.0)],
                    phase: Abs::zero(),
                }),
                ..FixedStroke::from_pair(
                    Paint::Solid(Color::from_u8(41, 98, 255, 255)),
                    Abs::pt(0.6),
                )
            }
        };
        let shape = Geometry::Rect(Size::new(Abs::pt(a.width + 2.0), Abs::pt(a.height + 2.0)))
            .stroked(stroke);
        page.frame.push(
            Point::new(Abs::pt(a.x - 1.0), Abs::pt(a.y - 1.0)),
            FrameItem::Shape(shape, typst::syntax::Span::detached()),
        );
    }
    PagedDocument::new(pages.into_iter().collect(), document.info().clone())
}
