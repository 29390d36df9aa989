//! A laid-out page drawn onto its plates: every group (moved, clipped), shape, run of text and
//! picture of typst's frames, in the order the PDF paints them, with the paint's ink (`paint`)
//! and each cell's covered share: glyphs by `coverage`, shapes and clips by tiny-skia
//! (anti-aliased: a cell's coverage is the share of its area inside the outline), pictures by
//! `photo`.

use std::sync::Arc;

use tiny_skia as sk;
use typst::layout::{Abs, Frame, FrameItem, GroupItem};
use typst::text::TextItem;
use typst::visualize::{FillRule, FixedStroke, Geometry, Image, LineCap, LineJoin, Paint, Shape};

use crate::engine::press::Press;

use super::clip::{Clip, intersect};
use super::coverage;
use super::geometry::{path_of, pt, to_sk};
use super::glyphs::Glyphs;
use super::paint;
use super::photo::{self, Placement, Samples};
use super::plates::{Ink, Plates};

/// What drawing needs besides the plates: the press profile for pictures not yet separated,
/// and what could not be measured.
pub struct Painter<'a> {
    pub plates: Plates,
    pub press: &'a Press,
    /// The glyphs read so far (see `glyphs`).
    pub glyphs: Glyphs,
    /// Why some paint was left out (a vector picture, a tiling), once each.
    pub skipped: Vec<String>,
    rasteriser: coverage::Rasteriser,
    /// A row of coverage being painted, kept between glyphs.
    row: Vec<f32>,
}

/// Where we are: device transform (pt → cells) and the clip so far.
#[derive(Clone)]
struct State {
    transform: sk::Transform,
    clip: Option<Arc<Clip>>,
}

impl State {
    fn clip(&self) -> Option<&Clip> {
        self.clip.as_deref()
    }
}

impl<'a> Painter<'a> {
    pub fn new(plates: Plates, press: &'a Press) -> Self {
        Painter {
            plates,
            press,
            glyphs: Glyphs::default(),
            skipped: Vec::new(),
            rasteriser: coverage::Rasteriser::default(),
            row: Vec::new(),
        }
    }

    /// Draws `frame` with `transform` from its points to cells.
    pub fn frame_at(&mut self, frame: &Frame, transform: sk::Transform) {
        let state = State {
            transform,
            clip: None,
        };
        self.frame(frame, &state);
    }

    /// Paints the page's own fill over the whole sheet (trim and bleed, `width` × `height` pt).
    pub fn page_fill(&mut self, paint: &Paint, width: f32, height: f32, transform: sk::Transform) {
        if let Some(rect) = sk::Rect::from_xywh(0.0, 0.0, width, height) {
            let path = sk::PathBuilder::from_rect(rect);
            let state = State {
                transform,
                clip: None,
            };
            self.fill(&path, sk::FillRule::Winding, paint, &state);
        }
    }

    fn frame(&mut self, frame: &Frame, state: &State) {
        for (pos, item) in frame.items() {
            let here = State {
                transform: state.transform.pre_translate(pt(pos.x), pt(pos.y)),
                clip: state.clip.clone(),
            };
            match item {
                FrameItem::Group(group) => self.group(group, &here),
                FrameItem::Text(text) => self.text(text, &here),
                FrameItem::Shape(shape, _) => self.shape(shape, &here),
                FrameItem::Image(image, size, _) => {
                    self.image(image, [pt(size.x), pt(size.y)], &here)
                }
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
    }

    fn group(&mut self, group: &GroupItem, state: &State) {
        let transform = state.transform.pre_concat(to_sk(&group.transform));
        let mut clip = state.clip.clone();
        if let Some(curve) = &group.clip {
            let Some(path) = path_of(curve).and_then(|p| p.transform(transform)) else {
                return;
            };
            let Some(bounds) = self.window(path.bounds(), sk::Transform::identity(), None) else {
                return;
            };
            // Nothing inside a clip that leaves no cell is painted.
            let Some(inner) = Clip::new(&path, bounds, clip.as_deref()) else {
                return;
            };
            clip = Some(Arc::new(inner));
        }
        self.frame(&group.frame, &State { transform, clip });
    }

    fn shape(&mut self, shape: &Shape, state: &State) {
        let path = match &shape.geometry {
            Geometry::Line(to) => {
                let mut b = sk::PathBuilder::new();
                b.move_to(0.0, 0.0);
                b.line_to(pt(to.x), pt(to.y));
                b.finish()
            }
            Geometry::Rect(size) => {
                let (w, h) = (pt(size.x), pt(size.y));
                sk::Rect::from_ltrb(w.min(0.0), h.min(0.0), w.max(0.0), h.max(0.0))
                    .map(sk::PathBuilder::from_rect)
            }
            Geometry::Curve(curve) => path_of(curve),
        };
        let Some(path) = path else { return };
        if let Some(fill) = &shape.fill {
            let rule = match shape.fill_rule {
                FillRule::NonZero => sk::FillRule::Winding,
                FillRule::EvenOdd => sk::FillRule::EvenOdd,
            };
            self.fill(&path, rule, fill, state);
        }
        if let Some(stroke) = &shape.stroke {
            self.stroke(&path, stroke, state);
        }
    }

    /// A run of text, its glyphs' edges (made once a size: `coverage::Edges`) accumulated
    /// together and painted once; outlined text by tiny-skia.
    fn text(&mut self, text: &TextItem, state: &State) {
        let Some((ink, opacity)) = self.ink_of(&text.fill) else {
            return;
        };
        let font = typst::utils::hash128(&text.font);
        let mut outlined = sk::PathBuilder::new();
        // Upright text (no turn, no skew): a glyph's edges at this size are the same wherever
        // it stands, up to a move.
        let upright = state.transform.kx == 0.0 && state.transform.ky == 0.0;
        let mut placed = Vec::with_capacity(text.glyphs.len());
        let mut bounds = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
        for (id, at) in glyphs_of(text) {
            let ts = state.transform.pre_concat(at);
            let (edges, dx, dy) = if text.stroke.is_some() {
                if let Some(placed) = self
                    .glyphs
                    .outline(font, &text.font, id)
                    .and_then(|outline| (*outline).clone().transform(at))
                {
                    outlined.push_path(&placed);
                }
                continue;
            } else if upright {
                let edges = self.glyphs.edges(font, &text.font, id, ts.sx, ts.sy);
                (edges, ts.tx, ts.ty)
            } else {
                let outline = self.glyphs.outline(font, &text.font, id);
                let edges = outline.and_then(|outline| coverage::Edges::of(&outline, ts));
                (edges.map(Arc::new), 0.0, 0.0)
            };
            let Some(edges) = edges else { continue };
            let [x0, y0, x1, y1] = edges.bounds;
            bounds = [
                bounds[0].min(x0 + dx),
                bounds[1].min(y0 + dy),
                bounds[2].max(x1 + dx),
                bounds[3].max(y1 + dy),
            ];
            placed.push((edges, dx, dy));
        }
        if !placed.is_empty() && self.rasteriser.begin(bounds) {
            for (edges, dx, dy) in &placed {
                self.rasteriser.add(edges, *dx, *dy);
            }
            self.rasteriser.finish();
            let cells = std::mem::take(&mut self.rasteriser.coverage);
            self.paint_coverage(&cells, &ink, opacity, state.clip.as_deref());
            self.rasteriser.coverage = cells;
        }
        if let (Some(stroke), Some(path)) = (&text.stroke, outlined.finish()) {
            self.fill(&path, sk::FillRule::Winding, &text.fill, state);
            self.stroke(&path, stroke, state);
        }
    }

    /// Puts `ink` on the cells `cells` covers, within `clip`.
    fn paint_coverage(
        &mut self,
        cells: &coverage::Coverage,
        ink: &Ink,
        opacity: f32,
        clip: Option<&Clip>,
    ) {
        let mut row = std::mem::take(&mut self.row);
        row.resize(cells.width, 0.0);
        for (j, line) in cells.cells.chunks_exact(cells.width).enumerate() {
            let y = cells.y + j as i64;
            for (i, (out, &c)) in row.iter_mut().zip(line).enumerate() {
                let clip = clip.map_or(1.0, |k| k.at(cells.x + i as i64, y));
                *out = c * clip * opacity;
            }
            self.plates.paint_row(cells.x, y, &row, ink);
        }
        self.row = row;
    }

    fn image(&mut self, image: &Image, size: [f32; 2], state: &State) {
        let ts = state.transform;
        let cells_wide = (ts.sx * size[0]).hypot(ts.ky * size[0]);
        let factor = photo::reduction(image.width() as u32, cells_wide);
        let samples = match photo::samples(image, factor, self.press) {
            Ok(s) => s,
            Err(why) => return self.skip(why),
        };
        let Some(bounds) = sk::Rect::from_xywh(0.0, 0.0, size[0], size[1]) else {
            return;
        };
        let Some(window) = self.window(bounds, ts, state.clip.as_deref()) else {
            return;
        };
        let clip = state.clip();
        if ts.kx == 0.0 && ts.ky == 0.0 && ts.sx > 0.0 && ts.sy > 0.0 {
            let rect = [
                ts.tx,
                ts.ty,
                ts.tx + ts.sx * size[0],
                ts.ty + ts.sy * size[1],
            ];
            let at = Placement { rect, window, clip };
            photo::place(&mut self.plates, &samples, &at);
        } else {
            self.skip(crate::content::t!("unmeasured-turned"));
            self.point_sampled(&samples, size, ts, window, clip);
        }
    }

    /// A picture under a transform that is not a plain scale: each cell takes the pixel under
    /// its centre.
    fn point_sampled(
        &mut self,
        samples: &Samples,
        size: [f32; 2],
        ts: sk::Transform,
        window: [i64; 4],
        clip: Option<&Clip>,
    ) {
        let Some(inverse) = ts.invert() else { return };
        for y in window[1]..window[3] {
            let mut coverage = Vec::new();
            let mut ink = Vec::new();
            for x in window[0]..window[2] {
                let mut p = sk::Point::from_xy(x as f32 + 0.5, y as f32 + 0.5);
                inverse.map_point(&mut p);
                let (u, v) = (p.x / size[0], p.y / size[1]);
                let (cov, sample) = if (0.0..1.0).contains(&u) && (0.0..1.0).contains(&v) {
                    let i = (v * samples.height as f32) as usize * samples.width
                        + (u * samples.width as f32) as usize;
                    let s = samples.pixel(i);
                    let c = clip.map_or(1.0, |m| m.at(x, y));
                    (s[4] * c, [s[0] * c, s[1] * c, s[2] * c, s[3] * c])
                } else {
                    (0.0, [0.0; 4])
                };
                coverage.push(cov);
                ink.push(sample);
            }
            self.plates.paint_samples(window[0], y, &coverage, &ink);
        }
    }

    fn stroke(&mut self, path: &sk::Path, stroke: &FixedStroke, state: &State) {
        let width = pt(stroke.thickness);
        if width <= 0.0 {
            return;
        }
        let dash = stroke.dash.as_ref().and_then(|dash| {
            let n = dash.array.len();
            let len = if n % 2 == 1 { 2 * n } else { n };
            let array = dash
                .array
                .iter()
                .map(|l| pt(*l))
                .cycle()
                .take(len)
                .collect();
            sk::StrokeDash::new(array, pt(dash.phase))
        });
        let sk_stroke = sk::Stroke {
            width,
            line_cap: match stroke.cap {
                LineCap::Butt => sk::LineCap::Butt,
                LineCap::Round => sk::LineCap::Round,
                LineCap::Square => sk::LineCap::Square,
            },
            line_join: match stroke.join {
                LineJoin::Miter => sk::LineJoin::Miter,
                LineJoin::Round => sk::LineJoin::Round,
                LineJoin::Bevel => sk::LineJoin::Bevel,
            },
            dash,
            miter_limit: stroke.miter_limit.get() as f32,
        };
        let scale = (state.transform.sx.abs() + state.transform.kx.abs()).max(1.0);
        if let Some(outline) = path.stroke(&sk_stroke, scale) {
            self.fill(&outline, sk::FillRule::Winding, &stroke.paint, state);
        }
    }

    /// Fills `path` (in the state's coordinates) with `paint`.
    fn fill(&mut self, path: &sk::Path, rule: sk::FillRule, paint: &Paint, state: &State) {
        let Some((ink, opacity)) = self.ink_of(paint) else {
            return;
        };
        self.cover(
            path,
            state.transform,
            rule,
            &ink,
            opacity,
            state.clip.as_deref(),
        );
    }

    /// Puts `ink` where `path` (under `ts`) covers the plates, within `clip`.
    fn cover(
        &mut self,
        path: &sk::Path,
        ts: sk::Transform,
        rule: sk::FillRule,
        ink: &Ink,
        opacity: f32,
        clip: Option<&Clip>,
    ) {
        let Some(window) = self.window(path.bounds(), ts, clip) else {
            return;
        };
        let (w, h) = (
            (window[2] - window[0]) as u32,
            (window[3] - window[1]) as u32,
        );
        let Some(mut mask) = sk::Mask::new(w, h) else {
            return;
        };
        mask.fill_path(
            path,
            rule,
            true,
            ts.post_translate(-window[0] as f32, -window[1] as f32),
        );
        let mut row = vec![0.0; w as usize];
        for y in 0..h as usize {
            let line = &mask.data()[y * w as usize..(y + 1) * w as usize];
            let cy = window[1] + y as i64;
            for (x, (out, &m)) in row.iter_mut().zip(line).enumerate() {
                let clip = clip.map_or(1.0, |c| c.at(window[0] + x as i64, cy));
                *out = f32::from(m) / 255.0 * clip * opacity;
            }
            self.plates.paint_row(window[0], cy, &row, ink);
        }
    }

    /// The ink a paint puts down and its opacity; `None` for one that is not measured (noted).
    fn ink_of(&mut self, paint: &Paint) -> Option<(Ink, f32)> {
        match paint::ink_of(paint, &mut self.plates) {
            Ok(ink) => Some(ink),
            Err(why) => {
                self.skip(why);
                None
            }
        }
    }

    /// The cells a shape with `bounds` (its own coordinates) may touch under `ts`, within the
    /// plates and the clip.
    fn window(&self, bounds: sk::Rect, ts: sk::Transform, clip: Option<&Clip>) -> Option<[i64; 4]> {
        let device = bounds.transform(ts)?;
        let mut w = [
            device.left().floor() as i64 - 1,
            device.top().floor() as i64 - 1,
            device.right().ceil() as i64 + 1,
            device.bottom().ceil() as i64 + 1,
        ];
        w = intersect(
            w,
            [0, 0, self.plates.width as i64, self.plates.height as i64],
        );
        if let Some(clip) = clip {
            w = intersect(w, clip.bounds);
        }
        (w[2] > w[0] && w[3] > w[1]).then_some(w)
    }

    fn skip(&mut self, why: String) {
        if !self.skipped.contains(&why) {
            self.skipped.push(why);
        }
    }
}

/// Each glyph of a run of text with where it stands: its id and the transform from its font
/// units (y up) to the run's points.
fn glyphs_of(text: &TextItem) -> impl Iterator<Item = (u16, sk::Transform)> + '_ {
    let scale = pt(text.size) / text.font.units_per_em() as f32;
    let (mut x, mut y) = (Abs::zero(), Abs::zero());
    text.glyphs.iter().map(move |glyph| {
        let dx = x + glyph.x_offset.at(text.size);
        let dy = y + glyph.y_offset.at(text.size);
        x += glyph.x_advance.at(text.size);
        y += glyph.y_advance.at(text.size);
        let at = sk::Transform::from_row(scale, 0.0, 0.0, -scale, pt(dx), -pt(dy));
        (glyph.id, at)
    })
}
