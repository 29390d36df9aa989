//! A story that turns a corner (拐角): where the free columns of the page end higher than
//! their right neighbour's, a story may take them with its head and first legs and run on
//! under that neighbour in legs that start lower; its rectangle less the neighbour's corner is
//! an L. The tiler (`tile`) asks for the cheapest way to set a story so, of a given height;
//! these are plain numbers, played through like any shape (`legs::body_at`).

use crate::makeup::costs::NEWS;
use crate::makeup::flow::Item;
use crate::makeup::photo::Grid;

use super::legs;
use super::shapes::{self, MAX_AIR, Shape, Turn};
use super::{NewsMeasures, StoryKind, StoryMeasures};

/// The cheapest way to set `story` in an L `lines` tall: its head and first legs over `left`
/// columns, its other legs over the `right` columns beside them from `step` lines under its
/// top (under the neighbour there). Its photos stand in its legs; a framed, pinned or jumping
/// story, a photo-news item and the brief column keep to rectangles.
pub fn turned(
    m: &NewsMeasures,
    story: &StoryMeasures,
    (left, right): (u32, u32),
    step: u32,
    lines: u32,
) -> Option<Shape> {
    let plain = story.kind == StoryKind::Story
        && story.frame_lines == 0
        && story.pin.is_none()
        && !story.jumps();
    if !plain || left == 0 || right == 0 {
        return None;
    }
    let width = left + right;
    let grid = Grid {
        pitch: m.pitch,
        gap: m.gap,
    };
    let mut best: Option<Shape> = None;
    let ways = story
        .legs
        .iter()
        .filter(|l| l.width == width && left % l.cols == 0 && right % l.cols == 0);
    for legs in ways {
        let (cols, k) = (legs.cols, width / legs.cols);
        let under = right / cols;
        let spans = vec![cols; story.photos.len()];
        if story
            .photos
            .iter()
            .any(|p| p.span.is_some_and(|s| s != cols))
        {
            continue;
        }
        for (size, &heads) in story.heads[left as usize - 1].iter().enumerate() {
            let wraps = story.headline_lines[left as usize - 1][size];
            if wraps > shapes::most_wraps(story) {
                continue;
            }
            for picture_lines in shapes::photo_heights(m, story, &spans, grid) {
                let Some(crop) = shapes::crop_cost(m, story, &spans, &picture_lines, grid) else {
                    continue;
                };
                let in_leg: Vec<(usize, u32)> = story
                    .photos
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (i, picture_lines[i] + p.captions[cols as usize - 1]))
                    .collect();
                let flow = legs::flow_items(&legs.paragraphs, &in_leg);
                let items: Vec<Item> = flow.iter().map(|(item, _)| *item).collect();
                let splittable = legs::splittable(&flow, legs);
                for air in 0..=MAX_AIR {
                    let head_lines = heads + air;
                    // The legs that turn start under the head, not beside it.
                    let (Some(block), Some(body_lines)) =
                        (step.checked_sub(head_lines), lines.checked_sub(head_lines))
                    else {
                        continue;
                    };
                    if block == 0 {
                        continue;
                    }
                    let Some(body) = legs::body_at(
                        &items,
                        &splittable,
                        k,
                        Some((under, block)),
                        m.tolerance,
                        body_lines,
                    ) else {
                        continue;
                    };
                    let small_photo = !story.photos.is_empty() && story.rank <= 1;
                    let cost = crop
                        + NEWS.turn
                        + if small_photo { NEWS.small_photo } else { 0.0 }
                        + body.short_under * NEWS.short_leg
                        + f64::from(body.scraps) * NEWS.scrap
                        + story.head_cost(left, size)
                        + f64::from(air) * NEWS.air
                        + f64::from(body.empty) * NEWS.leg_foot
                        + size as f64 * NEWS.head_size
                        + shapes::leg_cost(body.lines, k, cols, false)
                        + shapes::width_cost(m, story, width);
                    if best.as_ref().is_some_and(|b| b.cost <= cost) {
                        continue;
                    }
                    best = Some(Shape {
                        width,
                        lines,
                        size,
                        head_lines,
                        legs: k,
                        leg_cols: cols,
                        body_lines: body.lines,
                        across: false,
                        corner: 0,
                        picture_lines: picture_lines.clone(),
                        empty: body.empty,
                        cut: None,
                        turn: Some(Turn { left, step }),
                        cost,
                    });
                }
            }
        }
    }
    best
}
