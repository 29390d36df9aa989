//! Heads side by side (撞题) on a made-up news page: two rectangles side by side whose head
//! bands meet as the tiler weighs them (`skyline::bands_meet`), but the lead's and the one
//! beside it at the page's top (报眼), which stand so by design. The tiler pays for them and
//! takes them where every other tiling it tried was worse; preflight says where.

use super::skyline::bands_meet;
use super::{Module, NewsPlan};

/// Each pair of rectangles whose heads stand side by side, as indices into `plan.modules`,
/// left one first.
pub fn heads_side_by_side(plan: &NewsPlan) -> Vec<(usize, usize)> {
    // A rectangle's head: its columns (an L's stand over its first `left`) and its band.
    let head = |m: &Module| {
        let width = m.turn.map_or(m.width, |t| t.left);
        (m.column, m.column + width, (m.line, m.line + m.head_lines))
    };
    let mut pairs = Vec::new();
    for (i, a) in plan.modules.iter().enumerate() {
        for (j, b) in plan.modules.iter().enumerate().skip(i + 1) {
            let ((a0, a1, band_a), (b0, b1, band_b)) = (head(a), head(b));
            let pair = if a1 == b0 {
                (i, j)
            } else if b1 == a0 {
                (j, i)
            } else {
                continue;
            };
            // (The lead is the first rectangle placed.)
            if (a.line > 0 || b.line > 0 || i > 0)
                && a.head_lines > 0
                && b.head_lines > 0
                && bands_meet(band_a, band_b)
            {
                pairs.push(pair);
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::makeup::news::Turn;

    /// A story's rectangle at (column, line), `width` columns wide, its head band `head` lines.
    fn module(id: &str, column: u32, line: u32, width: u32, head: u32) -> Module {
        Module {
            story: 0,
            id: id.into(),
            column,
            line,
            width,
            lines: 30,
            size: 22.0,
            head_lines: head,
            legs: 1,
            leg_cols: 1,
            body_lines: 30 - head,
            across: false,
            corner: 0,
            leg_tops: Vec::new(),
            turn: None,
            flow: Vec::new(),
            photos: Vec::new(),
            empty: 0,
            jump: None,
        }
    }

    fn pairs(modules: Vec<Module>) -> Vec<(String, String)> {
        let plan = NewsPlan {
            unkept_pins: Vec::new(),
            modules,
            left_out: Vec::new(),
            empty_lines: 0,
        };
        heads_side_by_side(&plan)
            .into_iter()
            .map(|(a, b)| (plan.modules[a].id.clone(), plan.modules[b].id.clone()))
            .collect()
    }

    #[test]
    fn heads_of_rectangles_side_by_side_are_paired_but_the_leads_and_its_neighbours_at_the_top() {
        let pair = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        // Side by side, the right one's band a line under the left one's: paired, left first
        // whatever the order placed.
        assert_eq!(
            pairs(vec![module("b", 3, 21, 2, 4), module("a", 0, 20, 3, 4)]),
            pair("a", "b")
        );
        // Touching its band, or a line under it: still; two lines under, no.
        assert_eq!(
            pairs(vec![module("a", 0, 20, 3, 4), module("b", 3, 25, 2, 4)]),
            pair("a", "b")
        );
        assert!(pairs(vec![module("a", 0, 20, 3, 4), module("b", 3, 26, 2, 4)]).is_empty());
        // A column apart, or with no head (photo news set without one): no.
        assert!(pairs(vec![module("a", 0, 20, 3, 4), module("b", 4, 20, 2, 4)]).is_empty());
        assert!(pairs(vec![module("a", 0, 20, 3, 4), module("b", 3, 20, 2, 0)]).is_empty());
        // At the page's top, the lead and the story beside it (报眼): by design.
        assert!(pairs(vec![module("a", 0, 0, 5, 6), module("b", 5, 0, 3, 4)]).is_empty());
        // Two stories beside it there stand side by side (a reviewer counted them).
        assert_eq!(
            pairs(vec![
                module("lead", 0, 0, 5, 6),
                module("b", 5, 0, 2, 4),
                module("c", 7, 0, 1, 4)
            ]),
            pair("b", "c")
        );
        // An L's head stands over its first columns only: a rectangle beside its turned part
        // does not meet its head; one beside its head does.
        let mut l = module("a", 0, 20, 5, 4);
        l.turn = Some(Turn { left: 3, step: 10 });
        assert!(pairs(vec![l.clone(), module("b", 5, 20, 2, 4)]).is_empty());
        assert_eq!(pairs(vec![l, module("b", 3, 20, 2, 4)]), pair("a", "b"));
    }
}
