//! typst's geometry as tiny-skia's: curves and transforms in points, and glyph outlines read
//! from their fonts (in font units, y up).

use tiny_skia as sk;
use typst::layout::{Abs, Transform};
use typst::text::FontInstance;
use typst::visualize::{Curve, CurveItem};

/// A glyph's outline in font units (y up), `None` for one without (a space, a bitmap).
pub fn outline(font: &FontInstance, glyph: u16) -> Option<sk::Path> {
    let mut builder = Outline(sk::PathBuilder::new());
    font.ttf()
        .outline_glyph(ttf_parser::GlyphId(glyph), &mut builder)?;
    builder.0.finish()
}

struct Outline(sk::PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// A curve as a path, in points.
pub fn path_of(curve: &Curve) -> Option<sk::Path> {
    let mut b = sk::PathBuilder::new();
    for item in &curve.0 {
        match item {
            CurveItem::Move(p) => b.move_to(pt(p.x), pt(p.y)),
            CurveItem::Line(p) => b.line_to(pt(p.x), pt(p.y)),
            CurveItem::Cubic(a, c, p) => {
                b.cubic_to(pt(a.x), pt(a.y), pt(c.x), pt(c.y), pt(p.x), pt(p.y))
            }
            CurveItem::Close => b.close(),
        }
    }
    b.finish()
}

pub fn to_sk(t: &Transform) -> sk::Transform {
    sk::Transform::from_row(
        t.sx.get() as f32,
        t.ky.get() as f32,
        t.kx.get() as f32,
        t.sy.get() as f32,
        pt(t.tx),
        pt(t.ty),
    )
}

pub fn pt(a: Abs) -> f32 {
    a.to_pt() as f32
}
