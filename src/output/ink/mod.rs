//! Ink on the plates, measured in-process: each page of the laid-out document (trim and bleed,
//! as it is printed) drawn onto its separations (`plates`: C, M, Y, K and any spot colour,
//! pure black overprinting as the PDF/X says) in cells of 1/`ppi` inch (`draw`, pictures by
//! `photo`); a cell's total area coverage is the sum of its plates. A page must stay within
//! the house ink limit (`ink-limit` in `layout/style.typ`) on newsprint, which cannot take
//! more. No outside program: the figures agree with ghostscript's `tiffsep` (a test compares
//! them where ghostscript is installed).

mod clip;
mod coverage;
mod draw;
mod geometry;
mod glyphs;
pub mod map;
mod paint;
mod photo;
mod plates;

use crate::engine::press::Press;
use tiny_skia as sk;
use typst_layout::PagedDocument;

pub use plates::PROCESS;

/// What the separations hold: the highest total coverage and where, in mm from the top-left
/// corner of the trim (negative in the bleed), on which page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Coverage {
    pub max_percent: f64,
    pub page: usize,
    pub at_mm: (f64, f64),
    /// Area over `limit`, mm².
    pub over_mm2: f64,
    pub limit: f64,
    /// The separations found (`Cyan`, `Magenta`, `Yellow`, `Black`, spot colours).
    pub separations: Vec<String>,
    /// Paint that could not be measured (a vector picture, a tiling), said once each.
    pub unmeasured: Vec<String>,
}

impl Coverage {
    pub fn within_limit(&self) -> bool {
        self.max_percent <= self.limit
    }
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::content::t;
        let line = t!(
            "ink-line",
            max = format!("{:.0}", self.max_percent),
            limit = format!("{:.0}", self.limit),
            page = self.page,
            left = format!("{:.0}", self.at_mm.0),
            top = format!("{:.0}", self.at_mm.1)
        );
        write!(f, "{line}")?;
        if self.over_mm2 > 0.0 {
            let over = t!("ink-over-area", mm2 = format!("{:.1}", self.over_mm2));
            write!(f, "{over}")?;
        }
        for what in &self.unmeasured {
            write!(f, "{}", t!("ink-unmeasured", what = what))?;
        }
        Ok(())
    }
}

/// One page's plates as measured: total ink per cell (percent), row by row.
pub struct PageInk {
    pub width: usize,
    pub height: usize,
    pub totals: Vec<f32>,
    /// The trim's top-left corner from the sheet's, in cells.
    pub trim_at: (f64, f64),
    pub separations: Vec<String>,
}

/// The plates of every page of `document`, in cells of 1/`ppi` inch. `press`: the CMYK
/// profile pictures not yet separated are converted with.
pub fn plates(document: &PagedDocument, ppi: u32, press: &Press) -> (Vec<PageInk>, Vec<String>) {
    let scale = ppi as f32 / 72.0;
    let mut skipped = Vec::new();
    let mut glyphs = glyphs::take();
    let mut pages = Vec::new();
    for page in document.pages() {
        let size = page.frame.size();
        let (left, top) = (
            page.bleed.left.to_pt() as f32,
            page.bleed.top.to_pt() as f32,
        );
        let width_pt = size.x.to_pt() as f32 + left + page.bleed.right.to_pt() as f32;
        let height_pt = size.y.to_pt() as f32 + top + page.bleed.bottom.to_pt() as f32;
        // Whole cells only, as a RIP's raster of the bleed box holds them.
        let width = (width_pt * scale + 1e-3).floor().max(1.0) as usize;
        let height = (height_pt * scale + 1e-3).floor().max(1.0) as usize;
        let mut painter = draw::Painter::new(plates::Plates::new(width, height), press);
        painter.glyphs = std::mem::take(&mut glyphs);
        painter.skipped = std::mem::take(&mut skipped);
        let transform = sk::Transform::from_scale(scale, scale).pre_translate(left, top);
        if let Some(fill) = page.fill_or_transparent() {
            painter.page_fill(
                &fill,
                width_pt,
                height_pt,
                sk::Transform::from_scale(scale, scale),
            );
        }
        painter.frame_at(&page.frame, transform);
        pages.push(PageInk {
            width,
            height,
            totals: painter.plates.totals(),
            trim_at: (f64::from(left * scale), f64::from(top * scale)),
            separations: painter.plates.names().to_vec(),
        });
        skipped = painter.skipped;
        glyphs = painter.glyphs;
    }
    glyphs::keep(glyphs);
    (pages, skipped)
}

/// Measures `document` in cells of 1/`ppi` inch against `limit` percent.
pub fn measure(
    document: &PagedDocument,
    ppi: u32,
    limit: f64,
    press: &Press,
) -> Result<Coverage, String> {
    let (pages, unmeasured) = plates(document, ppi, press);
    summarise(&pages, ppi, limit, unmeasured)
}

/// The highest total over all pages (the first page, then the top-most cell, on a tie) and the
/// area over the limit.
pub fn summarise(
    pages: &[PageInk],
    ppi: u32,
    limit: f64,
    unmeasured: Vec<String>,
) -> Result<Coverage, String> {
    let mm_per_cell = crate::units::MM_PER_INCH / f64::from(ppi);
    let mut best: Option<Coverage> = None;
    for (index, page) in pages.iter().enumerate() {
        let Some((cell, &max)) = page
            .totals
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| a.total_cmp(b).then(j.cmp(i)))
        else {
            continue;
        };
        // Half a percent of slack: a cell at the limit is at it, not over it.
        let over = page
            .totals
            .iter()
            .filter(|&&v| f64::from(v) > limit + 0.5)
            .count();
        let found = Coverage {
            max_percent: f64::from(max),
            page: index + 1,
            at_mm: (
                ((cell % page.width) as f64 + 0.5 - page.trim_at.0) * mm_per_cell,
                ((cell / page.width) as f64 + 0.5 - page.trim_at.1) * mm_per_cell,
            ),
            over_mm2: over as f64 * mm_per_cell * mm_per_cell,
            limit,
            separations: page.separations.clone(),
            unmeasured: unmeasured.clone(),
        };
        match &mut best {
            Some(b) if found.max_percent <= b.max_percent => b.over_mm2 += found.over_mm2,
            _ => {
                let before = best.as_ref().map_or(0.0, |b| b.over_mm2);
                best = Some(Coverage {
                    over_mm2: found.over_mm2 + before,
                    ..found
                });
            }
        }
    }
    best.ok_or_else(|| "the document has no pages".into())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use typst::layout::{Abs, Frame, FrameItem, Point, Size};
    use typst::syntax::Span;
    use typst::visualize::{
        Cmyk, Color, Geometry, Paint, ProcessColor, SpotColor, SpotColorant, SpotColorantName,
    };

    use super::*;

    fn cmyk(c: f32, m: f32, y: f32, k: f32) -> Paint {
        Paint::Solid(Color::Process(ProcessColor::Cmyk(Cmyk { c, m, y, k })))
    }

    /// A rectangle of `w` × `h` pt at (`x`, `y`) pt in `paint`.
    fn rect(frame: &mut Frame, x: f64, y: f64, w: f64, h: f64, paint: Paint) {
        let shape = Geometry::Rect(Size::new(Abs::pt(w), Abs::pt(h))).filled(paint);
        frame.push(
            Point::new(Abs::pt(x), Abs::pt(y)),
            FrameItem::Shape(shape, Span::detached()),
        );
    }

    /// The plates of `frame` at 72 cells an inch (a cell a point).
    fn measure_frame(frame: &Frame) -> (plates::Plates, Vec<String>) {
        let size = frame.size();
        let plates = plates::Plates::new(size.x.to_pt() as usize, size.y.to_pt() as usize);
        let press = crate::engine::press::Press::newsprint();
        let mut painter = draw::Painter::new(plates, &press);
        painter.frame_at(frame, sk::Transform::identity());
        (painter.plates, painter.skipped)
    }

    #[test]
    fn an_over_inked_patch_is_found_where_it_is_and_overprint_adds_to_it() {
        // A 20 pt square of 280 % ten points from the left and thirty from the top; a bar of
        // pure K over half of it overprints (the square's ink stays under it); a grey (50 % K)
        // over the other half knocks it out.
        let mut frame = Frame::hard(Size::new(Abs::pt(100.0), Abs::pt(100.0)));
        rect(&mut frame, 10.0, 30.0, 20.0, 20.0, cmyk(1.0, 1.0, 0.8, 0.0));
        rect(&mut frame, 10.0, 30.0, 20.0, 5.0, cmyk(0.0, 0.0, 0.0, 1.0));
        rect(&mut frame, 10.0, 45.0, 20.0, 5.0, cmyk(0.0, 0.0, 0.0, 0.5));
        let (plates, _) = measure_frame(&frame);
        let pages = [PageInk {
            width: plates.width,
            height: plates.height,
            totals: plates.totals(),
            trim_at: (0.0, 0.0),
            separations: plates.names().to_vec(),
        }];
        let found = summarise(&pages, 72, 240.0, Vec::new()).unwrap();
        assert!((found.max_percent - 380.0).abs() < 0.01, "{found}");
        let mm = crate::units::MM_PER_PT;
        assert!(
            found.at_mm.0 > 10.0 * mm && found.at_mm.0 < 30.0 * mm,
            "{found}"
        );
        assert!(
            found.at_mm.1 > 30.0 * mm && found.at_mm.1 < 35.0 * mm,
            "{found}"
        );
        // The square's area but the grey strip's: 20 × 15 pt.
        let want = 20.0 * 15.0 * mm * mm;
        assert!((found.over_mm2 - want).abs() < 1e-6, "{found}");
        let totals = &pages[0].totals;
        assert!((totals[47 * 100 + 20] - 50.0).abs() < 0.01);
    }

    #[test]
    fn a_spot_colour_inks_its_own_plate() {
        let colorant = SpotColorant {
            name: Some(SpotColorantName::Custom("PANTONE 485 C".into())),
            fallback: ProcessColor::Cmyk(Cmyk {
                c: 0.0,
                m: 1.0,
                y: 1.0,
                k: 0.0,
            }),
        };
        let spot = Color::Spot(SpotColor::new(
            Arc::new(colorant),
            typst::layout::Ratio::one(),
        ));
        let mut frame = Frame::hard(Size::new(Abs::pt(10.0), Abs::pt(10.0)));
        rect(&mut frame, 0.0, 0.0, 10.0, 10.0, cmyk(0.3, 0.0, 0.0, 0.0));
        rect(&mut frame, 0.0, 0.0, 5.0, 10.0, Paint::Solid(spot));
        let (plates, skipped) = measure_frame(&frame);
        assert!(skipped.is_empty());
        assert_eq!(
            plates.names(),
            ["Cyan", "Magenta", "Yellow", "Black", "PANTONE 485 C"]
        );
        let totals = plates.totals();
        // The spot knocks the cyan out where it prints.
        assert!((totals[2] - 100.0).abs() < 0.01 && (totals[7] - 30.0).abs() < 0.01);
    }
}
