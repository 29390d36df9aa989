//! A story's legs: its flow (paragraphs and the photos set in a leg) played through legs of
//! given heights with the feature's column rules (`flow::play`): the heights that hold it with
//! every leg's foot within the tolerance, the legs under a photo over some of them shorter,
//! and a paragraph broken between legs only where its lines were read. Plain numbers.

use super::LegMeasures;
use crate::makeup::flow::{self, Item, Kind};

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
pub fn splittable(flow: &[(Item, Slot)], legs: &LegMeasures) -> Vec<bool> {
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

/// A leg height that holds the flow, with every leg's foot at most `tolerance` lines short.
#[derive(Debug, Clone)]
pub struct Body {
    pub lines: u32,
    pub empty: u32,
    /// Legs, of several side by side, that hold fewer than `SHORTEST_LEG` lines.
    pub scraps: u32,
    /// Lines the legs under a photo over some of them fall short of a reader's leg.
    pub short_under: f64,
}

/// Lines each of several legs side by side holds before it reads as a scrap (a story of one
/// leg may be shorter): a leg of two pays `NEWS.scrap`, one of a single line is never set (a
/// reviewer's page set a story in legs of 2, 2, 1 and 2 lines).
pub const SHORTEST_LEG: u32 = 3;

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
pub fn body_heights(
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
            scraps: 0,
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
pub fn body_at(
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
    // Every leg holds text (an empty leg is a hole), its foot within the tolerance; of
    // several side by side, none a single line (`SHORTEST_LEG`).
    if legs > 1 && played.used.iter().any(|&u| u < 2) {
        return None;
    }
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
        scraps: if legs > 1 {
            played.used.iter().filter(|&&u| u < SHORTEST_LEG).count() as u32
        } else {
            0
        },
        short_under: f64::from(READER_UNDER.saturating_sub(lines - block) * under),
    })
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
    fn legs_side_by_side_of_two_lines_are_scraps_and_of_one_never_set() {
        let scraps = |lines: u32, legs: u32| -> Vec<(u32, u32)> {
            let items = [Item::new(Kind::Text, lines)];
            body_heights(&items, &[true], legs, None, 2)
                .iter()
                .map(|b| (b.lines, b.scraps))
                .collect()
        };
        // 4 lines in 2 legs: 2 + 2 (in legs of 2 or 3), two scraps; 3 + 1 is never set.
        assert_eq!(scraps(4, 2), [(2, 2), (3, 2)]);
        // 7 lines in 4 legs: 2 + 2 + 2 + 1 and 3 + 3 + 1 are never set.
        assert!(scraps(7, 4).is_empty(), "{:?}", scraps(7, 4));
        // 12 in 3 legs of 4, none a scrap; 8 in legs of 3, 3 + 3 + 2, one.
        assert_eq!(scraps(12, 3), [(4, 0)]);
        assert!(scraps(8, 3).contains(&(3, 1)), "{:?}", scraps(8, 3));
        // One leg of two lines is a brief, not a scrap.
        assert_eq!(scraps(2, 1)[0].1, 0);
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
