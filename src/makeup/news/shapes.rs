//! The shapes a story can take in a rectangle of whole basic columns: for each width, every
//! height it can fill exactly, with the cheapest way to do it (legs, headline size, photo
//! place and height, air under the headline). Plain numbers: the legs are played through with
//! the feature's column rules (`legs`), so a shape that fits here fits on the page.

use serde::Serialize;

use crate::makeup::costs::NEWS;
use crate::makeup::news::StoryKind;
use crate::units::ppi;
use std::collections::BTreeMap;

use super::jump::{self, Cut};
use super::legs::{body_heights, flow_items, splittable};
use super::{NewsMeasures, StoryMeasures};
use crate::makeup::flow::Item;
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
    /// Each photo's width in basic columns (`photo_spans`).
    pub fn photo_spans(&self) -> Vec<u32> {
        photo_spans(
            self.picture_lines.len(),
            (self.across, self.corner),
            self.width,
            self.leg_cols,
        )
    }

    /// The first photo's picture, in basic columns × lines (0: no photo): what a reader
    /// weighs it by beside the other stories' photos.
    pub fn photo_area(&self) -> u32 {
        let spans = self.photo_spans();
        match (spans.first(), self.picture_lines.first()) {
            (Some(columns), Some(lines)) => columns * lines,
            _ => 0,
        }
    }

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
                let spans = photo_spans(story.photos.len(), (across, corner), width, leg_cols);
                // The lead's photo one column wide reads as a thumbnail under the stories
                // round it (a reviewer's page of twelve stories squeezed it to 41 × 27 mm
                // rather than leave one out): two columns at least, where its pixels allow.
                if story.rank == 0
                    && story.kind == StoryKind::Story
                    && spans.first().is_some_and(|&s| s < 2)
                    && story.photos[0].span.is_none()
                    && ppi(f64::from(story.photos[0].width_px), m.photo_width(story, 2))
                        >= m.warn_ppi
                {
                    continue;
                }
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
                                    + f64::from(body.scraps) * NEWS.scrap
                                    + story.head_cost(width, size)
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

/// Each of `photos` photos' width in basic columns, in a rectangle `width` columns wide in
/// legs of `leg_cols`: the first across it, over its last `corner` legs or in a leg, the rest
/// in legs.
pub(super) fn photo_spans(
    photos: usize,
    (across, corner): (bool, u32),
    width: u32,
    leg_cols: u32,
) -> Vec<u32> {
    (0..photos)
        .map(|i| match i {
            0 if across => width,
            0 if corner > 0 => corner * leg_cols,
            _ => leg_cols,
        })
        .collect()
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
