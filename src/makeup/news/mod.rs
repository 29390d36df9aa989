//! Make-up of a news page (块状组版): every story a rectangle of whole basic columns, the
//! rectangles tiling the type area with no holes, the lead story at the top.
//!
//! The template measures each story once (`measure` pass: its head at every width and
//! headline size, its paragraphs at every leg width, its captions at every span); `shapes`
//! turns that into the heights each story can fill exactly at each width, and `tile` packs the
//! rectangles. Both are plain numbers, unit-tested without typst; the template then draws the
//! plan (`layout/components/module.typ`).

mod abreast;
mod explain;
pub mod jump;
mod legs;
mod shapes;
mod skyline;
mod tile;
mod turn;

use serde::{Deserialize, Serialize};

use crate::makeup::PhotoPlan;
use crate::makeup::costs;
use crate::makeup::flow;
use crate::makeup::photo::Grid;
pub use abreast::heads_side_by_side;
pub use explain::explain;
pub use legs::Slot;
pub use shapes::{Shape, Turn};

/// What the news template measured, in grid lines and points.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct NewsMeasures {
    pub pitch: f64,
    pub gap: f64,
    /// Basic columns across the type area, their width and the gutter between them, pt.
    pub columns: u32,
    pub column_width: f64,
    pub gutter: f64,
    /// Grid lines of the area the stories tile.
    pub lines: u32,
    /// Lines between two rectangles one above the other (the rule between them).
    pub rule_lines: u32,
    /// Inset of a framed story's text from its rectangle's edges, pt.
    pub frame_inset: f64,
    pub max_crop: f64,
    pub warn_ppi: f64,
    pub error_ppi: f64,
    pub min_photo_lines: u32,
    /// Empty lines at a leg's foot the house accepts.
    pub tolerance: u32,
    pub stories: Vec<StoryMeasures>,
}

/// What a news page's item is, as the template names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryKind {
    /// A story: headline, text, photos.
    Story,
    /// Photo news (图片新闻): a photo with a short text.
    Photo,
    /// The brief column (简讯).
    Briefs,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct StoryMeasures {
    pub id: String,
    /// 0 for the lead story; the brief column comes last.
    pub rank: usize,
    pub kind: StoryKind,
    /// The editor's pin: first column (0-based) and width.
    #[serde(default)]
    pub pin: Option<PinMeasures>,
    /// Lines a frame (box or tint) adds to the rectangle, 0 without one.
    pub frame_lines: u32,
    /// The headline sizes to choose from, pt, largest first.
    pub sizes: Vec<f64>,
    /// Lines of the head band (kicker, headline, subtitle, byline) per width (index w − 1)
    /// and size.
    pub heads: Vec<Vec<u32>>,
    /// Lines the headline itself wraps to, per width and size.
    pub headline_lines: Vec<Vec<u32>>,
    /// Whether the headline must break inside a phrase (maybe inside a word: no space or
    /// punctuation says where it may), per width and size.
    #[serde(default)]
    pub headline_broken: Vec<Vec<bool>>,
    /// Paragraph lines per way of setting legs.
    pub legs: Vec<LegMeasures>,
    pub photos: Vec<NewsPhoto>,
    /// The later page it jumps to (转版): its first part may end at any line.
    #[serde(default)]
    pub jump_to: Option<u32>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
pub struct PinMeasures {
    pub column: Option<u32>,
    pub width: Option<u32>,
}

/// Legs of `cols` basic columns in a rectangle `width` columns wide: each paragraph's lines.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct LegMeasures {
    pub width: u32,
    pub cols: u32,
    /// A leg's width, pt.
    pub leg_width: f64,
    pub paragraphs: Vec<u32>,
    /// Where each line of each paragraph starts in its text, and its end, for a story that
    /// jumps (read back from the measure pass's line pages; `None`: never split inside it).
    #[serde(default)]
    pub starts: Vec<Option<Vec<usize>>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct NewsPhoto {
    pub width_px: u32,
    pub height_px: u32,
    pub max_crop: Option<f64>,
    /// Width locked by the editor, in columns.
    pub span: Option<u32>,
    /// Caption lines at a span of n columns (index n − 1).
    pub captions: Vec<u32>,
}

impl StoryMeasures {
    /// Whether it jumps to a later page.
    pub fn jumps(&self) -> bool {
        self.jump_to.is_some()
    }

    /// What its headline costs `width` columns wide at size `size`: each line it wraps to
    /// beyond the first, and a break inside a phrase.
    pub fn head_cost(&self, width: u32, size: usize) -> f64 {
        let w = width as usize - 1;
        let wraps = self.headline_lines[w][size];
        let broken = self
            .headline_broken
            .get(w)
            .and_then(|sizes| sizes.get(size))
            .copied()
            .unwrap_or(false);
        f64::from(wraps.saturating_sub(1)) * costs::NEWS.head_wrap
            + if broken { costs::NEWS.head_broken } else { 0.0 }
    }
}

impl NewsMeasures {
    /// Width of `n` basic columns, pt.
    pub fn span(&self, n: u32) -> f64 {
        f64::from(n) * self.column_width + f64::from(n.saturating_sub(1)) * self.gutter
    }

    /// Width of a photo spanning `n` columns of `story` (inside its frame, if it has one).
    pub fn photo_width(&self, story: &StoryMeasures, n: u32) -> f64 {
        let inset = if story.frame_lines > 0 {
            2.0 * self.frame_inset
        } else {
            0.0
        };
        self.span(n) - inset
    }

    fn grid(&self) -> Grid {
        Grid {
            pitch: self.pitch,
            gap: self.gap,
        }
    }
}

/// The make-up the news template draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewsPlan {
    pub modules: Vec<Module>,
    /// Stories that found no place, when no tiling holds them all.
    pub left_out: Vec<LeftOut>,
    /// Lines of the area no story fills, when no tiling fills it.
    pub empty_lines: u32,
    /// Pins no rectangle of their story can keep, set aside so the page is made up without
    /// them (preflight refuses the page, at the pin).
    pub unkept_pins: Vec<UnkeptPin>,
}

/// A story's pin no rectangle of it can keep: the width asked (or none) and those the story
/// can take, columns from its pinned column to the page's edge counted in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnkeptPin {
    pub id: String,
    pub column: Option<u32>,
    pub width: Option<u32>,
    pub widths: Vec<u32>,
}

/// A story with no place on the page, and the smallest rectangle it could take: what the desk
/// must free, by cutting the stories set on the page, to bring it back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    pub id: String,
    pub width: u32,
    pub lines: u32,
}

/// One story's rectangle and how it is set inside.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Module {
    /// Index into the measures' stories.
    pub story: usize,
    pub id: String,
    /// First column (0-based) and first grid line of the rectangle, its width in columns and
    /// height in lines.
    pub column: u32,
    pub line: u32,
    pub width: u32,
    pub lines: u32,
    /// Headline size, pt, and the head band's lines (air included).
    pub size: f64,
    pub head_lines: u32,
    pub legs: u32,
    pub leg_cols: u32,
    pub body_lines: u32,
    /// The first photo across the rectangle over the legs.
    pub across: bool,
    /// Legs the first photo stands over at the top right of the legs (0: none; a photo across
    /// the rectangle or in its only leg).
    pub corner: u32,
    /// Where each leg starts under the legs' top, in lines (under a photo over it, or under
    /// the neighbour whose corner it turns).
    pub leg_tops: Vec<u32>,
    /// The corner it turns, set in an L: its head and first legs over the first `left`
    /// columns, the rest of its rectangle from `step` lines under its top.
    pub turn: Option<Turn>,
    /// The legs' flow, leg by leg: each paragraph or part of one, each photo in a leg.
    pub flow: Vec<FlowEntry>,
    /// Each photo's box (its `section` is the story's index).
    pub photos: Vec<PhotoPlan>,
    pub empty: u32,
    /// Where a story that jumps ends on this page, and where its continuation resumes.
    pub jump: Option<JumpPlan>,
}

/// A paragraph, or the part of one, or a photo, in one leg.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowEntry {
    /// `paragraph` or `photo`, and its index in the story.
    pub kind: &'static str,
    pub index: usize,
    /// The leg it stands in.
    pub leg: u32,
    /// Its first line in the paragraph (0: the paragraph opens here, indented).
    pub from: u32,
    /// Where each of its lines starts in the paragraph's text, and the end of its last (each
    /// set as a line of its own, the very lines of the whole paragraph); `None`: the whole
    /// paragraph, set as typst breaks it.
    pub part: Option<Vec<usize>>,
    /// It holds the paragraph's last line on this page (that line is not justified).
    pub last: bool,
    /// The jump line follows it.
    pub jump: bool,
}

/// A jumping story's first part: where it ends, where the continuation resumes (paragraph,
/// byte in it), and the lines (at this page's legs) that jump.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JumpPlan {
    pub cut: jump::Cut,
    pub resume: (usize, usize),
    pub jumped: u32,
}

/// Makes up the page: the best tiling found, or the best partial one with what it leaves out.
pub fn solve(m: &NewsMeasures) -> NewsPlan {
    let (jumping, jumping_cost) = solve_tiled(m);
    // (A page that jumps and leaves no line empty is kept: its search tried the story whole
    // too, as one of its parts, so the whole page could only tie it.)
    if !m.stories.iter().any(StoryMeasures::jumps) || jumping.empty_lines == 0 {
        return jumping;
    }
    // A story jumps only where the page cannot hold it whole as well: every story placed, at
    // no more cost than the page that jumps, the lines it sends on charged as empty where that
    // page leaves lines empty (they would have stood there). A jump is never a way to free
    // room for larger photos: a reviewer's front page jumped 60 lines of its lead and set its
    // photo 47 lines tall across the page, leaving 67 lines empty, where the whole lead fit.
    let mut whole = m.clone();
    for story in &mut whole.stories {
        story.jump_to = None;
    }
    let (whole, whole_cost) = solve_tiled(&whole);
    let sent_on: u32 = jumping
        .modules
        .iter()
        .filter_map(|md| md.jump.as_ref().map(|j| j.jumped * md.leg_cols))
        .sum();
    if whole.left_out.len() <= jumping.left_out.len()
        && whole_cost
            <= jumping_cost + f64::from(sent_on.min(jumping.empty_lines)) * tile::EMPTY_LINE
    {
        whole
    } else {
        jumping
    }
}

/// The page tiled with each story's shapes as its measures allow (a jumping story's parts),
/// and the tiling's cost.
fn solve_tiled(m: &NewsMeasures) -> (NewsPlan, f64) {
    let (m, unkept_pins) = &keepable_pins(m);
    let tables: Vec<_> = m.stories.iter().map(|s| shapes::table(m, s)).collect();
    let tiling = tile::tile(m, &tables);
    let modules = tiling
        .placed
        .iter()
        .map(|p| module(m, p.story, p.column, p.line, &p.shape))
        .collect();
    let left_out = (0..m.stories.len())
        .filter(|i| !tiling.placed.iter().any(|p| p.story == *i))
        .map(|i| {
            let (width, lines) = tables[i]
                .iter()
                .enumerate()
                .filter_map(|(w, t)| Some((w as u32 + 1, *t.keys().next()?)))
                .min_by_key(|(w, l)| w * l)
                .unwrap_or((0, 0));
            LeftOut {
                id: m.stories[i].id.clone(),
                width,
                lines,
            }
        })
        .collect();
    let plan = NewsPlan {
        modules,
        left_out,
        empty_lines: tiling.empty,
        unkept_pins: unkept_pins.clone(),
    };
    (plan, tiling.cost)
}

/// The measures with every pin no rectangle of its story can keep set aside, and those pins:
/// a pin the tiler cannot keep would leave the whole page unmade (a reviewer's pin of a width
/// the story's legs do not take emptied the page, lead and all).
fn keepable_pins(m: &NewsMeasures) -> (NewsMeasures, Vec<UnkeptPin>) {
    let mut kept = m.clone();
    let mut unkept = Vec::new();
    for story in &mut kept.stories {
        let Some(pin) = story.pin else { continue };
        let free = StoryMeasures {
            pin: None,
            ..story.clone()
        };
        let widths: Vec<u32> = shapes::table(m, &free)
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(w, _)| w as u32 + 1)
            .collect();
        let room = m.columns - pin.column.unwrap_or(0).min(m.columns);
        let keeps = |w: &u32| pin.width.is_none_or(|p| p == *w) && *w <= room;
        if !widths.iter().any(keeps) {
            unkept.push(UnkeptPin {
                id: story.id.clone(),
                column: pin.column,
                width: pin.width,
                widths,
            });
            story.pin = None;
        }
    }
    (kept, unkept)
}

fn module(m: &NewsMeasures, index: usize, column: u32, line: u32, shape: &Shape) -> Module {
    let story = &m.stories[index];
    let grid = m.grid();
    let leg = story
        .legs
        .iter()
        .find(|l| l.width == shape.width && l.cols == shape.leg_cols)
        .expect("a shape is made from one of the story's legs");
    let spans = shape.photo_spans();
    let photos: Vec<PhotoPlan> = story
        .photos
        .iter()
        .enumerate()
        .map(|(i, p)| {
            PhotoPlan::new(
                (Some(index), i),
                (p.width_px, p.height_px),
                m.photo_width(story, spans[i]),
                (shape.picture_lines[i], p.captions[spans[i] as usize - 1]),
                grid,
            )
        })
        .collect();
    let over_legs = shape.across || shape.corner > 0;
    let in_leg: Vec<(usize, u32)> = photos
        .iter()
        .filter(|p| !(p.index == 0 && over_legs))
        .map(|p| (p.index, p.picture_lines + p.caption_lines))
        .collect();
    let paragraphs = match shape.cut {
        Some(cut) => jump::kept_lines(&leg.paragraphs, cut),
        None => leg.paragraphs.clone(),
    };
    let photo_block = photos
        .first()
        .map_or(0, |p| p.picture_lines + p.caption_lines);
    let corner = shape.stepped_legs(photo_block);
    let capacities = legs::capacities(shape.legs, shape.body_lines, corner);
    let slots = legs::flow_items(&paragraphs, &in_leg);
    let items: Vec<_> = slots.iter().map(|(item, _)| *item).collect();
    let flow = flow::play(&items, &capacities, 2)
        .pieces
        .iter()
        .map(|piece| entry(leg, shape.cut, slots[piece.item].1, piece))
        .collect();
    let jump = shape.cut.and_then(|cut| {
        let kept: u32 = paragraphs.iter().sum::<u32>() - jump::JUMP_LINES;
        Some(JumpPlan {
            cut,
            resume: jump::resume(leg, cut)?,
            jumped: leg.paragraphs.iter().sum::<u32>() - kept,
        })
    });
    Module {
        story: index,
        id: story.id.clone(),
        column,
        line,
        width: shape.width,
        lines: shape.lines,
        size: story.sizes.get(shape.size).copied().unwrap_or(0.0),
        head_lines: shape.head_lines,
        legs: shape.legs,
        leg_cols: shape.leg_cols,
        body_lines: shape.body_lines,
        across: shape.across,
        corner: shape.corner,
        turn: shape.turn,
        leg_tops: capacities.iter().map(|c| shape.body_lines - c).collect(),
        flow,
        photos,
        empty: shape.empty,
        jump,
    }
}

/// What the template sets of a flow item where the play put it: a photo, a whole paragraph,
/// or the lines `piece.from..piece.to` of one (the last of a paragraph a jump cuts is its jump
/// line).
fn entry(leg: &LegMeasures, cut: Option<jump::Cut>, slot: Slot, piece: &flow::Piece) -> FlowEntry {
    let (kind, index) = match slot {
        Slot::Paragraph(p) => ("paragraph", p),
        Slot::Photo(p) => ("photo", p),
    };
    let mut entry = FlowEntry {
        kind,
        index,
        leg: piece.column as u32,
        from: piece.from,
        part: None,
        last: true,
        jump: false,
    };
    if kind == "photo" {
        return entry;
    }
    let whole = leg.paragraphs[index];
    // The lines of text it holds: a cut paragraph's jump line is not its text.
    let (kept, jumps) = match cut.filter(|c| c.paragraph == index) {
        Some(c) => (c.lines, piece.to > c.lines),
        None => (whole, false),
    };
    let to = piece.to.min(kept);
    entry.last = to == whole;
    entry.jump = jumps;
    if piece.from > 0 || to < whole {
        let starts = leg.starts.get(index).and_then(Option::as_ref);
        entry.part = starts.and_then(|s| {
            s.get(piece.from as usize..=to as usize)
                .map(<[usize]>::to_vec)
        });
    }
    entry
}

#[cfg(test)]
mod tests;
