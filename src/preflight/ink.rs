//! What a laid-out page prints (text, images, rules), each item with its place and story: the
//! one walk over the frames that overset and underset both read, and the places on the page
//! that the live proof marks.

use typst::introspection::Tag;
use typst::layout::{FrameItem, Point, Size};
use typst::text::TextItem;
use typst_layout::PagedDocument;

use super::Area;
use super::frames::{self, Placed};
use crate::template::{self as marks, BodyArea, House};

/// What an item of the page prints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// A run of text: its characters (spaces not counted) and size, pt, and how far its end
    /// lies past its last glyph's ink (`slack`, pt): a justified line's stretch rides on the
    /// last glyph's advance, taken as never more than 1 em of ink.
    Text {
        chars: usize,
        size: f64,
        slack: f64,
    },
    Image,
    Rule,
}

/// Something printed (text, image, rule), where it sits, and the story it belongs to. For text,
/// `top` and `bottom` are both its baseline, which lies in the grid line the text takes.
#[derive(Debug, Clone)]
pub(super) struct Ink {
    pub(super) page: usize,
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) top: f64,
    pub(super) bottom: f64,
    pub(super) kind: Kind,
    /// The innermost story open where it was laid out (never a running head).
    pub(super) story: Option<String>,
    /// Part of a running head (a folio).
    pub(super) running: bool,
}

/// An item of the page with the story it belongs to.
pub struct Owned<'a> {
    pub placed: Placed<'a>,
    /// The innermost story open where it was laid out (never a running head).
    pub story: Option<String>,
    /// Part of a running head (a folio).
    pub running: bool,
}

/// Every item of every page but the story marks themselves, in document order, with the story
/// it belongs to.
pub fn owned(document: &PagedDocument) -> Vec<Owned<'_>> {
    let mut out = Vec::new();
    // Stories open at this point; the innermost owns the item. A running head repeated on an
    // overflow page nests inside the story that overflows, and owns its own text.
    let mut open: Vec<(String, bool)> = Vec::new();
    for placed in frames::placed(document) {
        if let FrameItem::Tag(Tag::Start(content, _)) = placed.item {
            if let Some((story, start, running)) = marks::story_edge(content) {
                if start {
                    open.push((story, running));
                } else if let Some(i) = open.iter().rposition(|(s, _)| *s == story) {
                    open.remove(i);
                }
            }
            continue;
        }
        let running = open.last().is_some_and(|(_, running)| *running);
        let story = open.last().filter(|_| !running).map(|(s, _)| s.clone());
        out.push(Owned {
            placed,
            story,
            running,
        });
    }
    out
}

/// Every item that prints, in document order, with its story.
pub(super) fn inks(document: &PagedDocument) -> Vec<Ink> {
    owned(document)
        .into_iter()
        .filter_map(
            |Owned {
                 placed,
                 story,
                 running,
             }| {
                let (x0, x1, top, bottom, kind) = match placed.item {
                    FrameItem::Text(text) => {
                        let (x, y) = (placed.at.x.to_pt(), placed.at.y.to_pt());
                        let width = text.width().to_pt() * placed.transform.sx.get();
                        let chars = text.text.chars().filter(|c| !c.is_whitespace()).count();
                        let size = text.size.to_pt();
                        let last = text.glyphs.last().map_or(0.0, |g| g.x_advance.get());
                        let slack = (last - 1.0).max(0.0) * size * placed.transform.sx.get();
                        (x, x + width, y, y, Kind::Text { chars, size, slack })
                    }
                    FrameItem::Image(_, size, _) => {
                        // Only where it prints: a cropped photo is drawn larger than its box.
                        let area = image_area(&placed, *size);
                        let (x0, y0) = (area.x, area.y);
                        let (x0, x1, y0, y1) =
                            placed.clipped((x0, x0 + area.width, y0, y0 + area.height))?;
                        (x0, x1, y0, y1, Kind::Image)
                    }
                    FrameItem::Shape(shape, _)
                        if shape.fill.is_some() || shape.stroke.is_some() =>
                    {
                        let bbox = shape.bbox(true);
                        let (a, b) = (
                            bbox.min.transform(placed.transform),
                            bbox.max.transform(placed.transform),
                        );
                        let (x0, x1) = (a.x.to_pt().min(b.x.to_pt()), a.x.to_pt().max(b.x.to_pt()));
                        let (y0, y1) = (a.y.to_pt().min(b.y.to_pt()), a.y.to_pt().max(b.y.to_pt()));
                        let (x0, x1, y0, y1) = placed.clipped((x0, x1, y0, y1))?;
                        (x0, x1, y0, y1, Kind::Rule)
                    }
                    _ => return None,
                };
                Some(Ink {
                    page: placed.page,
                    x0,
                    x1,
                    top,
                    bottom,
                    kind,
                    story: story.filter(|_| !running),
                    running,
                })
            },
        )
        .collect()
}

/// Where an image of `size` (in its own frame) lands on the page.
pub fn image_area(placed: &Placed, size: Size) -> Area {
    let corner = Point::new(size.x, size.y).transform(placed.transform);
    let (a, b) = (placed.at, corner);
    let (x0, x1) = (a.x.to_pt().min(b.x.to_pt()), a.x.to_pt().max(b.x.to_pt()));
    let (y0, y1) = (a.y.to_pt().min(b.y.to_pt()), a.y.to_pt().max(b.y.to_pt()));
    Area {
        page: placed.page,
        x: x0,
        y: y0,
        width: x1 - x0,
        height: y1 - y0,
    }
}

/// The box of a run of text from `from` to `to` pt along its baseline: from the ascent of CJK
/// type (0.88 em) to its descent (0.12 em).
pub fn text_area(placed: &Placed, text: &TextItem, from: f64, to: f64) -> Area {
    let size = text.size.to_pt() * placed.transform.sy.get().abs();
    let sx = placed.transform.sx.get();
    Area {
        page: placed.page,
        x: placed.at.x.to_pt() + from * sx,
        y: placed.at.y.to_pt() - 0.88 * size,
        width: (to - from) * sx,
        height: size,
    }
}

impl Ink {
    /// What it covers on its page (a line of text from its ascent to its descent).
    pub(super) fn area(&self) -> Area {
        let (top, bottom) = match self.kind {
            Kind::Text { size, .. } => (self.top - 0.88 * size, self.bottom + 0.12 * size),
            _ => (self.top, self.bottom),
        };
        Area {
            page: self.page,
            x: self.x0,
            y: top,
            width: self.x1 - self.x0,
            height: bottom - top,
        }
    }
}

/// The grid line (0 = the first of the type area) that a baseline, or an edge of a block, at `y`
/// falls in. Body baselines sit at `grid_origin` plus whole pitches; blocks start a little above
/// a baseline (the text's ascent) and end `gap` above the next line's top.
pub(super) fn slot(y: f64, house: &House) -> i64 {
    let origin = if house.grid_origin.is_finite() {
        house.grid_origin
    } else {
        0.0
    };
    ((y - origin) / house.pitch + 0.75).floor() as i64
}

/// The column of `columns` whose span holds the middle of `x0..x1`, else the nearest.
pub(super) fn column_of(columns: &[(f64, f64)], x0: f64, x1: f64) -> usize {
    let mid = (x0 + x1) / 2.0;
    let distance = |&(a, b): &(f64, f64)| {
        if mid < a {
            a - mid
        } else if mid > b {
            mid - b
        } else {
            0.0
        }
    };
    (0..columns.len())
        .min_by(|&i, &j| distance(&columns[i]).total_cmp(&distance(&columns[j])))
        .unwrap_or(0)
}

/// Each photo's caption read as a block as wide as its photo: the lines right under a picture,
/// of its story, within its width, one under the other, not of the body's size. The white
/// right of a short caption line is the caption's: neither a hole nor an empty foot in a column
/// the photo spans (a make-up editor reads it so, and the make-up counts the caption so).
pub(super) fn captions_as_wide_as_photos(inks: &mut [Ink], body_size: f64, pitch: f64) {
    for i in 0..inks.len() {
        if inks[i].kind != Kind::Image {
            continue;
        }
        let lines = caption_lines(inks, i, body_size, pitch);
        let (x0, x1) = (inks[i].x0, inks[i].x1);
        for line in &mut inks[i + 1..i + 1 + lines] {
            (line.x0, line.x1) = (x0, x1);
        }
    }
}

/// How many inks after the picture `inks[photo]` are its caption's lines: the text right
/// under it, of its story, within its width, one under the other, not of the body's size.
pub(super) fn caption_lines(inks: &[Ink], photo: usize, body_size: f64, pitch: f64) -> usize {
    let picture = &inks[photo];
    let mut bottom = picture.bottom;
    inks[photo + 1..]
        .iter()
        .take_while(|next| {
            let caption =
                matches!(next.kind, Kind::Text { size, .. } if (size - body_size).abs() >= 0.05);
            let under = next.page == picture.page
                && next.story == picture.story
                && next.top > picture.bottom
                && next.top <= bottom + 2.0 * pitch
                && next.x0 >= picture.x0 - 1.0
                && next.x1 <= picture.x1 + 1.0;
            if caption && under {
                bottom = next.bottom;
            }
            caption && under
        })
        .count()
}

/// Whether `x0..x1` prints within the column `a..b`.
pub(super) fn overlaps(x0: f64, x1: f64, (a, b): (f64, f64)) -> bool {
    x1.min(b) - x0.max(a) > 0.5
}

/// A column's foot: the grid lines between its last ink and the foot of the area, whether the
/// column holds no ink at all (then all its lines are empty), and the story its last ink
/// belongs to (what the empty foot follows).
pub(super) struct Foot<'a> {
    pub(super) empty: usize,
    pub(super) whole: bool,
    pub(super) after: Option<&'a str>,
}

/// Each column of `area`'s foot (text, images and rules are ink).
pub(super) fn column_feet<'a>(house: &House, area: &BodyArea, inks: &'a [Ink]) -> Vec<Foot<'a>> {
    // The area's foot: the type area's, or its own when it ends above (a news story's legs).
    let foot = (area.top + area.lines as f64 * house.pitch).min(house.type_bottom);
    let inside = |ink: &Ink, column: (f64, f64), top: f64| {
        ink.page == area.page
            && !ink.running
            && ink.top >= top - 0.5
            && ink.top <= foot + 0.5
            && overlaps(ink.x0, ink.x1, column)
    };
    let lines_below = |y: f64| ((foot - y) / house.pitch + 0.01).floor().max(0.0) as usize;
    area.columns
        .iter()
        .enumerate()
        .map(|(i, &column)| {
            let top = area.column_tops.get(i).copied().unwrap_or(area.top);
            let last = inks
                .iter()
                .filter(|ink| inside(ink, column, top))
                .max_by(|a, b| a.bottom.total_cmp(&b.bottom));
            match last {
                Some(ink) => Foot {
                    empty: lines_below(ink.bottom),
                    whole: false,
                    after: ink.story.as_deref(),
                },
                None => Foot {
                    empty: lines_below(top),
                    whole: true,
                    after: None,
                },
            }
        })
        .collect()
}
