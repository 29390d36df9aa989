//! A run of glyphs' coverage of each cell, exact: the signed area each edge sweeps is
//! accumulated per cell and summed along the row (the accumulation rasteriser of font-rs, Raph
//! Levien's). A page holds thousands of glyphs a few cells high; this is several times faster
//! on them than a general scan converter, and its coverage is the covered share of each cell's
//! area, which is what ink is measured in. A glyph's outline is flattened into edges once a
//! size (`Edges`) and moved to where it stands; the glyphs of a run are accumulated together,
//! so two sharing a cell cover what they cover between them. Nonzero winding for outlines whose
//! contours do not overlap (glyphs): overlapping ones count once, clamped.

use tiny_skia::{Path, PathSegment, Point, Transform};

/// What a glyph covers: cells `x`.. of rows `y`.., `width` wide, row by row.
#[derive(Default)]
pub struct Coverage {
    pub x: i64,
    pub y: i64,
    pub width: usize,
    pub cells: Vec<f32>,
}

/// The coverage of `path` under `ts` (to cells).
#[cfg(test)]
pub fn rasterise(path: &Path, ts: Transform) -> Option<Coverage> {
    let mut r = Rasteriser::default();
    let edges = Edges::of(path, ts)?;
    r.rasterise(&edges, 0.0, 0.0)?;
    Some(r.coverage)
}

/// An outline flattened into straight edges under a transform (to cells), with their bounds:
/// a glyph's at the size it is drawn, made once and moved to wherever the glyph stands (a
/// page sets each glyph of its text several times, at the same few sizes).
pub struct Edges {
    lines: Vec<(Point, Point)>,
    /// Left, top, right, bottom.
    pub bounds: [f32; 4],
}

impl Edges {
    /// Appends the edges to `out`: their count, the bounds, then each edge's two points, as
    /// little-endian floats (see [`Edges::read`]).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend((self.lines.len() as u32).to_le_bytes());
        let (a, b): (Vec<_>, Vec<_>) = self.lines.iter().copied().unzip();
        let points = a.into_iter().zip(b).flat_map(|(a, b)| [a.x, a.y, b.x, b.y]);
        for v in self.bounds.into_iter().chain(points) {
            out.extend(v.to_le_bytes());
        }
    }

    /// Edges [`Edges::write`] wrote at the start of `bytes`, and the bytes after them; `None`
    /// for anything else.
    pub fn read(bytes: &[u8]) -> Option<(Edges, &[u8])> {
        let count = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        let len = 16usize.checked_add(count.checked_mul(16)?)?;
        let data = bytes.get(4..4 + len)?;
        let floats: Vec<f32> = data
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let bounds = [floats[0], floats[1], floats[2], floats[3]];
        let lines = floats[4..]
            .chunks_exact(4)
            .map(|p| (Point::from_xy(p[0], p[1]), Point::from_xy(p[2], p[3])))
            .collect();
        Some((Edges { lines, bounds }, &bytes[4 + len..]))
    }

    /// The edges of `path` under `ts`; `None` for a path with none (or not finite).
    pub fn of(path: &Path, ts: Transform) -> Option<Edges> {
        let mut lines = Vec::new();
        let (mut start, mut last) = (Point::zero(), Point::zero());
        let map = |p: Point| {
            let mut p = p;
            ts.map_point(&mut p);
            p
        };
        for segment in path.segments() {
            match segment {
                PathSegment::MoveTo(p) => {
                    if last != start {
                        lines.push((last, start));
                    }
                    start = map(p);
                    last = start;
                }
                PathSegment::LineTo(p) => {
                    let p = map(p);
                    lines.push((last, p));
                    last = p;
                }
                PathSegment::QuadTo(c, p) => {
                    let (c, p) = (map(c), map(p));
                    let n = pieces(last.distance(c) + c.distance(p));
                    let from = last;
                    for i in 1..=n {
                        let t = i as f32 / n as f32;
                        let u = 1.0 - t;
                        let q = Point::from_xy(
                            u * u * from.x + 2.0 * u * t * c.x + t * t * p.x,
                            u * u * from.y + 2.0 * u * t * c.y + t * t * p.y,
                        );
                        lines.push((last, q));
                        last = q;
                    }
                }
                PathSegment::CubicTo(c1, c2, p) => {
                    let (c1, c2, p) = (map(c1), map(c2), map(p));
                    let n = pieces(last.distance(c1) + c1.distance(c2) + c2.distance(p));
                    let from = last;
                    for i in 1..=n {
                        let t = i as f32 / n as f32;
                        let u = 1.0 - t;
                        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                        let q = Point::from_xy(
                            a * from.x + b * c1.x + c * c2.x + d * p.x,
                            a * from.y + b * c1.y + c * c2.y + d * p.y,
                        );
                        lines.push((last, q));
                        last = q;
                    }
                }
                PathSegment::Close => {
                    if last != start {
                        lines.push((last, start));
                    }
                    last = start;
                }
            }
        }
        if last != start {
            lines.push((last, start));
        }
        // Horizontal edges sweep no area.
        lines.retain(|(a, b)| a.y != b.y);
        let mut bounds = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
        for (a, b) in &lines {
            for p in [a, b] {
                bounds = [
                    bounds[0].min(p.x),
                    bounds[1].min(p.y),
                    bounds[2].max(p.x),
                    bounds[3].max(p.y),
                ];
            }
        }
        (!lines.is_empty() && bounds.iter().all(|v| v.is_finite()))
            .then_some(Edges { lines, bounds })
    }
}

/// Rasterises run after run of glyphs in the same buffers: a run's glyphs (a line of text, one
/// paint) are accumulated together, so that two glyphs sharing a cell cover what they cover
/// between them, and the run is summed and painted once.
#[derive(Default)]
pub struct Rasteriser {
    area: Vec<f32>,
    /// The run's cells: left, top, width (with one spare cell a row), height.
    at: (f32, f32, usize, usize),
    /// The last run's coverage.
    pub coverage: Coverage,
}

impl Rasteriser {
    /// The coverage of `edges` moved by (`dx`, `dy`) cells, in `self.coverage`; `None` for
    /// edges that cover nothing.
    #[cfg(test)]
    pub fn rasterise(&mut self, edges: &Edges, dx: f32, dy: f32) -> Option<&Coverage> {
        let [x0, y0, x1, y1] = edges.bounds;
        if !self.begin([x0 + dx, y0 + dy, x1 + dx, y1 + dy]) {
            return None;
        }
        self.add(edges, dx, dy);
        Some(self.finish())
    }

    /// Starts a run whose edges lie within `bounds` (cells: left, top, right, bottom); false
    /// for bounds that hold no cell or too many.
    pub fn begin(&mut self, [x0, y0, x1, y1]: [f32; 4]) -> bool {
        if !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite()) {
            return false;
        }
        let (left, top) = (x0.floor(), y0.floor());
        let width = (x1.ceil() - left) as usize + 1;
        let height = (y1.ceil() - top) as usize;
        if width == 0 || height == 0 || width * height > 1 << 24 {
            return false;
        }
        // One cell more to the right of each row: an edge on the last cell's right side adds there.
        self.at = (left, top, width + 1, height);
        self.area.clear();
        self.area.resize((width + 1) * height, 0.0);
        true
    }

    /// Adds the area `edges`, moved by (`dx`, `dy`) cells, sweep (within the run's bounds).
    pub fn add(&mut self, edges: &Edges, dx: f32, dy: f32) {
        let (left, top, stride, height) = self.at;
        let (ox, oy) = (dx - left, dy - top);
        for &(a, b) in &edges.lines {
            line(
                &mut self.area,
                stride,
                height,
                Point::from_xy(a.x + ox, a.y + oy),
                Point::from_xy(b.x + ox, b.y + oy),
            );
        }
    }

    /// The run's coverage: the swept areas summed along each row, clamped to a whole cell.
    pub fn finish(&mut self) -> &Coverage {
        let (left, top, stride, _) = self.at;
        let width = stride - 1;
        let coverage = &mut self.coverage;
        coverage.cells.clear();
        for row in self.area.chunks_exact(stride) {
            let mut sum = 0.0;
            for v in &row[..width] {
                sum += v;
                coverage.cells.push(sum.abs().min(1.0));
            }
        }
        coverage.x = left as i64;
        coverage.y = top as i64;
        coverage.width = width;
        &self.coverage
    }
}

/// `x.ceil()` for the coordinates of a run's own cells (at least 0), as an index, without the
/// libm call (a glyph takes a few hundred of these).
fn ceil(x: f32) -> usize {
    let t = floor(x);
    if (t as f32) < x { t + 1 } else { t }
}

/// `x.floor()` as [`ceil`]: a coordinate a rounding put a hair below 0 counts as 0. (Through
/// `i32`, whose conversion is one instruction, where `usize`'s takes several.)
fn floor(x: f32) -> usize {
    (x as i32).max(0) as usize
}

/// Straight pieces a curve of control-polygon length `len` (cells) is set as.
fn pieces(len: f32) -> usize {
    ceil(len * 1.5).clamp(1, 16)
}

/// Adds the signed area the edge `p0`→`p1` sweeps to each cell right of it (font-rs). The
/// edge lies within the rows and, but for a cell to the right, the columns of `area`.
fn line(area: &mut [f32], stride: usize, height: usize, p0: Point, p1: Point) {
    if p0.y == p1.y {
        return;
    }
    let (dir, p0, p1) = if p0.y < p1.y {
        (1.0, p0, p1)
    } else {
        (-1.0, p1, p0)
    };
    let dxdy = (p1.x - p0.x) / (p1.y - p0.y);
    let mut x = p0.x;
    let first = floor(p0.y);
    let last = ceil(p1.y).min(height);
    for (y, row) in area
        .chunks_exact_mut(stride)
        .enumerate()
        .take(last)
        .skip(first)
    {
        let dy = ((y + 1) as f32).min(p1.y) - (y as f32).max(p0.y);
        let next = x + dxdy * dy;
        let d = dy * dir;
        let (x0, x1) = if x < next { (x, next) } else { (next, x) };
        let x0i = floor(x0);
        let x0f = x0i as f32;
        let x1i = ceil(x1).max(x0i + 1);
        if x1i == x0i + 1 {
            let mid = 0.5 * (x + next) - x0f;
            row[x0i] += d - d * mid;
            row[x0i + 1] += d * mid;
        } else {
            let s = (x1 - x0).recip();
            let x0frac = x0 - x0f;
            let a0 = 0.5 * s * (1.0 - x0frac) * (1.0 - x0frac);
            let x1frac = x1 - x1i as f32 + 1.0;
            let am = 0.5 * s * x1frac * x1frac;
            row[x0i] += d * a0;
            if x1i == x0i + 2 {
                row[x0i + 1] += d * (1.0 - a0 - am);
            } else {
                let a1 = s * (1.5 - x0frac);
                row[x0i + 1] += d * (a1 - a0);
                for cell in &mut row[x0i + 2..x1i - 1] {
                    *cell += d * s;
                }
                let a2 = a1 + (x1i - x0i - 3) as f32 * s;
                row[x1i - 1] += d * (1.0 - a2 - am);
            }
            row[x1i] += d * am;
        }
        x = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::{PathBuilder, Rect};

    fn at(c: &Coverage, x: i64, y: i64) -> f32 {
        let (i, j) = ((x - c.x) as usize, (y - c.y) as usize);
        if i >= c.width {
            return 0.0;
        }
        c.cells.get(j * c.width + i).copied().unwrap_or(0.0)
    }

    #[test]
    fn floor_and_ceil_agree_with_the_standard_ones() {
        for x in [0.0f32, 0.3, 1.0, 7.999, 8.0, 1234.5] {
            assert_eq!(floor(x), x.floor() as usize, "{x}");
            assert_eq!(ceil(x), x.ceil() as usize, "{x}");
        }
        assert_eq!(floor(-1e-6), 0);
    }

    #[test]
    fn a_square_covers_whole_and_partial_cells_by_area() {
        // 2 × 2 cells from (0.5, 0.25): corners a quarter or half covered.
        let square = PathBuilder::from_rect(Rect::from_xywh(0.5, 0.25, 2.0, 2.0).unwrap());
        let c = rasterise(&square, Transform::identity()).unwrap();
        let close = |a: f32, b: f32| (a - b).abs() < 1e-4;
        assert!(close(at(&c, 0, 0), 0.5 * 0.75), "{}", at(&c, 0, 0));
        assert!(close(at(&c, 1, 0), 0.75));
        assert!(close(at(&c, 1, 1), 1.0));
        assert!(close(at(&c, 2, 2), 0.5 * 0.25));
        assert!(close(at(&c, 3, 1), 0.0));
        let total: f32 = c.cells.iter().sum();
        assert!(close(total, 4.0), "{total}");
    }

    #[test]
    fn a_circle_covers_its_area_wound_either_way() {
        let circle = PathBuilder::from_circle(10.0, 10.0, 6.3).unwrap();
        let c = rasterise(&circle, Transform::identity()).unwrap();
        let total: f32 = c.cells.iter().sum();
        let want = std::f32::consts::PI * 6.3 * 6.3;
        assert!((total - want).abs() < want * 0.01, "{total} vs {want}");
        // Mirrored (the winding reversed, as a font's y-up outlines turned y-down are).
        let flipped = rasterise(&circle, Transform::from_scale(1.0, -1.0)).unwrap();
        let total: f32 = flipped.cells.iter().sum();
        assert!((total - want).abs() < want * 0.01);
    }

    #[test]
    fn edges_read_back_as_written() {
        let circle = PathBuilder::from_circle(10.0, 10.0, 6.3).unwrap();
        let edges = Edges::of(&circle, Transform::from_scale(0.5, -0.5)).unwrap();
        let mut bytes = Vec::new();
        edges.write(&mut bytes);
        bytes.extend(b"next");
        let (again, rest) = Edges::read(&bytes).unwrap();
        assert_eq!(rest, b"next");
        assert_eq!(again.bounds, edges.bounds);
        assert_eq!(again.lines, edges.lines);
        assert!(
            Edges::read(&bytes[..bytes.len() - 9]).is_none(),
            "cut short"
        );
    }

    #[test]
    fn a_hole_is_left_uncovered() {
        let mut b = PathBuilder::new();
        b.push_rect(Rect::from_xywh(0.0, 0.0, 6.0, 6.0).unwrap());
        // The counter wound the other way, as in a glyph.
        b.move_to(2.0, 2.0);
        b.line_to(2.0, 4.0);
        b.line_to(4.0, 4.0);
        b.line_to(4.0, 2.0);
        b.close();
        let c = rasterise(&b.finish().unwrap(), Transform::identity()).unwrap();
        assert!(at(&c, 3, 3) < 1e-4);
        assert!((at(&c, 0, 0) - 1.0).abs() < 1e-4);
        let total: f32 = c.cells.iter().sum();
        assert!((total - 32.0).abs() < 1e-3);
    }
}
