//! The shapes a story can take in a rectangle of whole basic columns: for each width, every
//! height it can fill exactly, with the cheapest way to do it (legs, headline size, photo
//! place and height, air under the headline). Plain numbers: the legs are played through with
//! the feature's column rules (`flow::play`), so a shape that fits here fits on the page.

use serde::Serialize;

use crate::makeup::costs::NEWS;
use crate::makeup::news::StoryKind;
use crate::units::ppi;
use std::collections::BTreeMap;

use super::jump::{self, Cut};
use super::{LegMeasures, NewsMeasures, StoryMeasures};
use crate::makeup::flow::{self, Item, Kind};
use crate::makeup::photo::{self, Grid, Rules};

/// One way to set a story `width` columns wide and `lines` tall.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub width: u32,
    pub lines: u32,
    /// Index of the headline size (0: the larger of the story's rank).
    pub size: usize,
    /// Grid lines of the head band, air included.
    pub head_lines: u32,
    /// Legs and the basic columns each spans.
    pub legs: u32,
    pub leg_cols: u32,
    /// Grid lines of the legs.
    pub body_lines: u32,
    /// The first photo across the whole module above the legs (else in the first leg).
    pub across: bool,
    /// Legs the first photo stands over at the top right of the legs, when it spans some but
    /// not all (0: across them, or in a story's only leg): those legs start under its caption.
    pub corner: u32,
    /// Picture lines of each photo, in story order.
    pub picture_lines: Vec<u32>,
    /// Empty lines at the legs' feet.
    pub empty: u32,
    /// Where a story that jumps ends on this page (`None`: it is set whole).
    pub cut: Option<Cut>,
    /// The corner it turns, set in an L (`None`: a rectangle).
    pub turn: Option<Turn>,
    pub cost: f64,
}

/// A story set in an L (拐角): its head and first legs over the `left` columns of its
/// rectangle, its other legs turning the corner under the neighbour that stands over the rest,
/// from `step` lines under the rectangle's top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Turn {
    pub left: u32,
    pub step: u32,
}

impl Shape {
    /// The legs that start lower and by how many lines under the legs' top: those under a
    /// photo over the last legs, or those that turn the corner.
    pub fn stepped_legs(&self, photo_block: u32) -> Option<(u32, u32)> {
        match self.turn {
            Some(turn) => Some((
                self.legs - turn.left / self.leg_cols,
                turn.step - self.head_lines,
            )),
            None => (self.corner > 0).then_some((self.corner, photo_block)),
        }
    }
}

/// Air the head band may take over its text, in lines: the elastic that makes stacks meet (the
/// head stays centred in its band). Three rather than two filled 3 more of the 120 generated
/// news pages (85 press-ready, 28 underset; `news_variants`).
pub const MAX_AIR: u32 = 3;

/// Lines a headline may wrap to: two for the lead and the second story, three below.
pub(super) fn most_wraps(story: &StoryMeasures) -> u32 {
    if story.rank <= 1 { 2 } else { 3 }
}

/// Every width's heights → the cheapest shape of that height. `widths[w - 1]`.
pub fn table(m: &NewsMeasures, story: &StoryMeasures) -> Vec<BTreeMap<u32, Shape>> {
    (1..=m.columns)
        .map(|w| {
            let mut best: BTreeMap<u32, Shape> = BTreeMap::new();
            for shape in shapes(m, story, w) {
                let keep = best.get(&shape.lines).is_none_or(|b| shape.cost < b.cost);
                if keep {
                    best.insert(shape.lines, shape);
                }
            }
            best
        })
        .collect()
}

/// The flow of a story's legs: the photos set in a leg (`in_leg`, in story order) and its
/// paragraphs, photos after the first spread evenly through the text.
pub fn flow_items(paragraphs: &[u32], photos_in_leg: &[(usize, u32)]) -> Vec<(Item, Slot)> {
    let mut items = Vec::new();
    let mut photos = photos_in_leg.iter().peekable();
    // A photo in the first leg opens the text when it is the story's first.
    if let Some(&&(0, lines)) = photos.peek() {
        items.push((Item::new(Kind::Block, lines), Slot::Photo(0)));
        photos.next();
    }
    let rest: Vec<_> = photos.collect();
    let n = paragraphs.len().max(1);
    for (p, &lines) in paragraphs.iter().enumerate() {
        items.push((Item::new(Kind::Text, lines), Slot::Paragraph(p)));
        for (k, &&(index, lines)) in rest.iter().enumerate() {
            // Photo k of the rest after paragraph ⌈n·(k+1)/(rest+1)⌉ − 1.
            let after = (n * (k + 1)).div_ceil(rest.len() + 1).max(1) - 1;
            if after == p {
                items.push((Item::new(Kind::Block, lines), Slot::Photo(index)));
            }
        }
    }
    items
}

/// Which items of `flow` may break between legs: a paragraph whose lines the measure pass
/// read at these legs' width, never a photo.
pub(super) fn splittable(flow: &[(Item, Slot)], legs: &LegMeasures) -> Vec<bool> {
    flow.iter()
        .map(|(_, slot)| match slot {
            Slot::Paragraph(p) => legs.starts.get(*p).is_some_and(Option::is_some),
            Slot::Photo(_) => false,
        })
        .collect()
}

/// What a flow item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Paragraph(usize),
    Photo(usize),
}

fn shapes(m: &NewsMeasures, story: &StoryMeasures, width: u32) -> Vec<Shape> {
    let mut out = Vec::new();
    if let Some(pin) = story.pin
        && pin.width.is_some_and(|w| w != width)
    {
        return out;
    }
    let grid = Grid {
        pitch: m.pitch,
        gap: m.gap,
    };
    let photo_news = story.kind == StoryKind::Photo;
    for legs in &story.legs {
        if legs.width != width {
            continue;
        }
        let leg_cols = legs.cols;
        let k = width / leg_cols;
        for (size, &heads) in story.heads[width as usize - 1].iter().enumerate() {
            // A headline wraps to two lines at most (three for a short story's): more reads as
            // a column of words, not a head.
            let wraps = story.headline_lines[width as usize - 1][size];
            if wraps > most_wraps(story) && story.kind != StoryKind::Briefs {
                continue;
            }
            // The lead story heads the page: at least half its width.
            if story.rank == 0 && story.kind == StoryKind::Story && width * 2 < m.columns {
                continue;
            }
            for (across, corner) in placements(story, k) {
                if !story.photos.is_empty() && across && width < 2 && !photo_news {
                    continue;
                }
                // Each photo's width in columns: the first across, over some legs or in a
                // leg, the rest in legs.
                let spans: Vec<u32> = (0..story.photos.len())
                    .map(|i| match i {
                        0 if across => width,
                        0 if corner > 0 => corner * leg_cols,
                        _ => leg_cols,
                    })
                    .collect();
                if story
                    .photos
                    .iter()
                    .zip(&spans)
                    .any(|(p, &s)| p.span.is_some_and(|locked| locked != s))
                {
                    continue;
                }
                for picture_lines in photo_heights(m, story, &spans, grid) {
                    let captions: Vec<u32> = story
                        .photos
                        .iter()
                        .zip(&spans)
                        .map(|(p, &s)| p.captions[s as usize - 1])
                        .collect();
                    let first = picture_lines.first().map_or(0, |l| l + captions[0]);
                    let top = if across { first } else { 0 };
                    let over = (corner > 0).then_some((corner, first));
                    let in_leg: Vec<(usize, u32)> = (usize::from(across || corner > 0)
                        ..story.photos.len())
                        .map(|i| (i, picture_lines[i] + captions[i]))
                        .collect();
                    // A photo taller than a quarter of the page outweighs the stories round it.
                    let tall: u32 = picture_lines
                        .iter()
                        .map(|l| l.saturating_sub(m.lines / 4))
                        .sum();
                    let Some(crop) = crop_cost(m, story, &spans, &picture_lines, grid) else {
                        continue;
                    };
                    let crop = crop + f64::from(tall) * 0.6;
                    for part in jump::parts(legs, story.jumps()) {
                        let flow = flow_items(&part.paragraphs, &in_leg);
                        let items: Vec<Item> = flow.iter().map(|(item, _)| *item).collect();
                        let splittable = splittable(&flow, legs);
                        let jump_cost = match part.cut {
                            Some(_) => NEWS.jump + f64::from(part.jumped) * NEWS.jumped_line,
                            None => 0.0,
                        };
                        for body in body_heights(&items, &splittable, k, over, m.tolerance) {
                            for air in 0..=MAX_AIR {
                                let head_lines = heads + air;
                                let lines = head_lines + top + body.lines + story.frame_lines;
                                // The lead and second stories show their photo across them
                                // (over some of their legs, by the share it leaves).
                                let small_photo = match corner {
                                    _ if story.photos.is_empty() || across || story.rank > 1 => 0.0,
                                    0 => 1.0,
                                    _ => f64::from(k - corner) / f64::from(k),
                                };
                                let cost = crop
                                    + small_photo * NEWS.small_photo
                                    + body.short_under * NEWS.short_leg
                                    + f64::from(wraps.saturating_sub(1)) * NEWS.head_wrap
                                    + f64::from(air) * NEWS.air
                                    + f64::from(body.empty) * NEWS.leg_foot
                                    + size as f64 * NEWS.head_size
                                    + leg_cost(body.lines, k, leg_cols, photo_news)
                                    + width_cost(m, story, width)
                                    + jump_cost;
                                out.push(Shape {
                                    width,
                                    lines,
                                    size,
                                    head_lines,
                                    legs: k,
                                    leg_cols,
                                    body_lines: body.lines,
                                    across: across && !story.photos.is_empty(),
                                    corner,
                                    picture_lines: picture_lines.clone(),
                                    empty: body.empty,
                                    cut: part.cut,
                                    turn: None,
                                    cost,
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// Where the first photo may stand in a story of `legs` legs, as `(across, corner)`: across
/// the rectangle over the legs, or over its last `corner` legs (fewer than all, with a leg
/// beside it for every three under it), which then start under it. That dog-leg gives a
/// story every height between its photo in one leg and across it; the text opens top left
/// under its head, runs down the legs beside the photo and ends under it (a photo at the top
/// of the first leg would open the text under it, while the next leg's top, where a reader
/// starts, runs on mid-sentence). A story of one leg, or a framed one (its photo keeps inside
/// the frame's inset), sets it at the top of its first leg (`(false, 0)`); a photo-news item
/// across it (its photo heads it).
fn placements(story: &StoryMeasures, legs: u32) -> Vec<(bool, u32)> {
    if story.photos.is_empty() || story.kind == StoryKind::Photo {
        return vec![(true, 0)];
    }
    let mut out = vec![(true, 0)];
    if legs == 1 || story.frame_lines > 0 {
        out.push((false, 0));
    } else {
        // A leg beside the photo for every three under it: one narrow leg beside a photo
        // across the rest reads as a strip, not a story.
        out.extend(
            (1..legs)
                .filter(|&corner| legs - corner >= corner.div_ceil(3))
                .map(|corner| (false, corner)),
        );
    }
    out
}

/// Width by importance: the lead story as wide as the page, the second at least three
/// columns, a story of one column only where it must, the briefs a column of their own (one
/// or two wide, not a strip across the page).
pub(super) fn width_cost(m: &NewsMeasures, story: &StoryMeasures, width: u32) -> f64 {
    let mut cost = match story.rank {
        _ if story.kind == StoryKind::Briefs => f64::from(width.saturating_sub(2)),
        0 => f64::from(m.columns.saturating_sub(width)) * NEWS.narrow_lead,
        1 => f64::from(3u32.saturating_sub(width)),
        _ => 0.0,
    };
    if story.kind == StoryKind::Story && width == 1 {
        cost += NEWS.one_column;
    }
    cost
}

/// Legs of a reader's length: not so short they read as scraps, not so long the eye loses
/// its place; 2-column legs (破栏) for text that runs long.
pub(super) fn leg_cost(lines: u32, legs: u32, leg_cols: u32, photo_news: bool) -> f64 {
    let mut cost = 0.0;
    let shortest = if photo_news { 3 } else { 6 };
    if lines < shortest {
        cost += f64::from(shortest - lines) * NEWS.short_leg;
    }
    if lines > 36 {
        cost += f64::from(lines - 36) * NEWS.long_leg;
    }
    if legs == 1 && lines > 30 {
        cost += NEWS.one_long_leg;
    }
    if leg_cols == 2 {
        cost += NEWS.wide_legs;
    }
    cost
}

/// A leg height that holds the flow, with every leg's foot at most `tolerance` lines short.
#[derive(Debug, Clone)]
pub(super) struct Body {
    pub lines: u32,
    pub empty: u32,
    /// Lines the legs under a photo over some of them fall short of a reader's leg.
    pub short_under: f64,
}

/// Lines a leg under a photo holds at least: fewer read as a scrap under a picture.
pub const MIN_UNDER: u32 = 4;
/// Lines a leg under a photo holds before it reads as a leg of its own.
const READER_UNDER: u32 = 6;

/// The lines each of `legs` legs `lines` tall holds, the last `corner.0` under a block of
/// `corner.1` lines.
pub fn capacities(legs: u32, lines: u32, corner: Option<(u32, u32)>) -> Vec<u32> {
    let (under, block) = corner.unwrap_or((0, 0));
    (0..legs)
        .map(|j| {
            if j + under >= legs {
                lines.saturating_sub(block)
            } else {
                lines
            }
        })
        .collect()
}

/// Every leg height that holds `items` in `legs` legs (the last `corner.0` under a block of
/// `corner.1` lines): each leg holds text, its foot at most `tolerance` lines short, no widow
/// or orphan, no head stranded, and a paragraph breaks between legs only where `splittable`.
fn body_heights(
    items: &[Item],
    splittable: &[bool],
    legs: u32,
    corner: Option<(u32, u32)>,
    tolerance: u32,
) -> Vec<Body> {
    let total: u32 = items.iter().map(|i| i.lines).sum();
    if total == 0 {
        return vec![Body {
            lines: 0,
            empty: 0,
            short_under: 0.0,
        }];
    }
    let (under, block) = corner.unwrap_or((0, 0));
    let lowest = (total + under * block)
        .div_ceil(legs.max(1))
        .max(if under > 0 { block + MIN_UNDER } else { 0 });
    (lowest..=lowest + tolerance + 2)
        .filter_map(|lines| body_at(items, splittable, legs, corner, tolerance, lines))
        .collect()
}

/// The legs `lines` tall, if they hold `items` by the rules of `body_heights`.
pub(super) fn body_at(
    items: &[Item],
    splittable: &[bool],
    legs: u32,
    corner: Option<(u32, u32)>,
    tolerance: u32,
    lines: u32,
) -> Option<Body> {
    let (under, block) = corner.unwrap_or((0, 0));
    if under > 0 && lines < block + MIN_UNDER {
        return None;
    }
    let capacities = capacities(legs, lines, corner);
    let played = flow::play(items, &capacities, 2);
    if !played.fits || played.stranded > 0 || played.forced > 0 {
        return None;
    }
    let split_where_unread = played.pieces.iter().any(|p| {
        !splittable.get(p.item).copied().unwrap_or(true)
            && (p.from > 0 || p.to < items[p.item].lines)
    });
    if split_where_unread {
        return None;
    }
    // Every leg holds text (an empty leg is a hole), its foot within the tolerance.
    let feet: Vec<u32> = played
        .used
        .iter()
        .zip(&capacities)
        .map(|(u, c)| c.saturating_sub(*u))
        .collect();
    let full = played.used.iter().take(legs as usize).all(|&u| u > 0)
        && played.used.len() <= legs as usize
        && feet.iter().all(|&e| e <= tolerance);
    full.then(|| Body {
        lines,
        empty: feet.iter().sum(),
        short_under: f64::from(READER_UNDER.saturating_sub(lines - block) * under),
    })
}

/// The picture heights to try, photo by photo: each photo's lowest, natural and highest
/// height the house allows at its span (only its natural one when its size is locked).
pub(super) fn photo_heights(
    m: &NewsMeasures,
    story: &StoryMeasures,
    spans: &[u32],
    grid: Grid,
) -> Vec<Vec<u32>> {
    let mut options: Vec<Vec<u32>> = vec![Vec::new()];
    for (p, &span) in story.photos.iter().zip(spans) {
        let width = m.photo_width(story, span);
        let rules = Rules {
            max_crop: if p.span.is_some() {
                0.02
            } else {
                p.max_crop.unwrap_or(m.max_crop)
            },
            warn_ppi: m.warn_ppi,
            min_lines: m.min_photo_lines,
        };
        let (lo, natural, hi) = photo::heights((p.width_px, p.height_px), width, grid, rules);
        let mut heights: Vec<u32> = (lo..=hi).collect();
        if heights.len() > 5 {
            heights = vec![
                lo,
                natural.saturating_sub(1).max(lo),
                natural,
                (natural + 1).min(hi),
                hi,
            ];
            heights.dedup();
        }
        options = options
            .into_iter()
            .flat_map(|chosen| {
                heights.iter().map(move |&h| {
                    let mut next = chosen.clone();
                    next.push(h);
                    next
                })
            })
            .collect();
    }
    options
}

/// What the photos' fits cost (crop, and resolution under the house's warning); `None` when
/// one is cut more than the editor allows, or enlarged below the warning resolution (or the
/// error one) where a narrower place would keep it above: a photo is never blown up past what
/// its pixels print, however much room the page has.
pub(super) fn crop_cost(
    m: &NewsMeasures,
    story: &StoryMeasures,
    spans: &[u32],
    picture_lines: &[u32],
    grid: Grid,
) -> Option<f64> {
    let mut cost = 0.0;
    for ((p, &span), &lines) in story.photos.iter().zip(spans).zip(picture_lines) {
        let px = (p.width_px, p.height_px);
        let fit = photo::fit(px, m.photo_width(story, span), lines, grid);
        if fit.crop_x.max(fit.crop_y) > p.max_crop.unwrap_or(m.max_crop) + 1e-3 {
            return None;
        }
        let sharpest = ppi(f64::from(p.width_px), m.photo_width(story, 1));
        if photo::needlessly_coarse(&fit, sharpest, m.warn_ppi, m.error_ppi) {
            return None;
        }
        cost += photo::cost(&fit, sharpest, m.warn_ppi, m.error_ppi) * NEWS.photo_share;
    }
    Some(cost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_after_the_first_spread_through_the_text() {
        let items = flow_items(&[3, 3, 3, 3], &[(0, 5), (1, 6), (2, 6)]);
        let slots: Vec<Slot> = items.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            slots,
            [
                Slot::Photo(0),
                Slot::Paragraph(0),
                Slot::Paragraph(1),
                Slot::Photo(1),
                Slot::Paragraph(2),
                Slot::Photo(2),
                Slot::Paragraph(3),
            ]
        );
    }

    #[test]
    fn legs_end_within_the_tolerance() {
        // 20 lines in 3 legs: 7 + 7 + 6 at 7 lines, 8 + 8 + 4 at 8 (too short a foot).
        let items = [Item::new(Kind::Text, 20)];
        let heights: Vec<u32> = body_heights(&items, &[true], 3, None, 2)
            .iter()
            .map(|b| b.lines)
            .collect();
        assert_eq!(heights, [7]);
        // One leg: any height up to two lines more.
        let heights: Vec<u32> = body_heights(&items, &[true], 1, None, 2)
            .iter()
            .map(|b| b.lines)
            .collect();
        assert_eq!(heights, [20, 21, 22]);
    }

    #[test]
    fn legs_too_short_for_the_widow_and_orphan_rules_are_refused() {
        // 3 lines in 2 legs: 2 + 1 would leave a widow; 3 + 0 an empty leg.
        let items = [Item::new(Kind::Text, 3)];
        assert!(body_heights(&items, &[true], 2, None, 2).is_empty());
        // 4 lines: 2 + 2 keeps both rules, in legs of 2 or of 3 (not 3 + 1).
        let items = [Item::new(Kind::Text, 4)];
        let heights: Vec<u32> = body_heights(&items, &[true], 2, None, 2)
            .iter()
            .map(|b| b.lines)
            .collect();
        assert_eq!(heights, [2, 3]);
    }

    #[test]
    fn a_block_taller_than_the_legs_never_fits() {
        let items = [Item::new(Kind::Block, 12), Item::new(Kind::Text, 4)];
        assert!(
            body_heights(&items, &[false, true], 4, None, 2)
                .iter()
                .all(|b| b.lines >= 12)
        );
    }

    #[test]
    fn legs_under_a_photo_over_some_of_them_start_under_it() {
        // 40 lines in 4 legs, a photo of 10 lines over the last 2: (40 + 20) / 4 = 15 lines,
        // legs of 15, 15, 5 and 5.
        let items = [Item::new(Kind::Text, 40)];
        let bodies = body_heights(&items, &[true], 4, Some((2, 10)), 2);
        assert_eq!(bodies.first().map(|b| b.lines), Some(15));
        assert_eq!(capacities(4, 15, Some((2, 10))), [15, 15, 5, 5]);
        // Legs of 5 under the photo are short of a reader's leg: a cost, not a refusal.
        assert!(bodies[0].short_under > 0.0);
        // Never fewer than MIN_UNDER lines under it.
        let items = [Item::new(Kind::Text, 14)];
        let bodies = body_heights(&items, &[true], 3, Some((2, 10)), 2);
        assert!(bodies.iter().all(|b| b.lines >= 10 + MIN_UNDER));
    }

    #[test]
    fn a_paragraph_whose_lines_were_not_read_never_breaks_between_legs() {
        // Two paragraphs of 9 and 3 lines in 2 legs: 6 + 6 splits the first; unread, it
        // goes whole into the first leg (9 + 3, too short a second leg for the tolerance
        // at 9; at 10 and 11 the feet run 1–2 and 7–8: refused).
        let items = [Item::new(Kind::Text, 9), Item::new(Kind::Text, 3)];
        let read = body_heights(&items, &[true, true], 2, None, 2);
        assert_eq!(read.first().map(|b| b.lines), Some(6));
        let unread = body_heights(&items, &[false, true], 2, None, 2);
        assert!(unread.iter().all(|b| b.lines >= 9));
    }
}
