//! The lead's text in its columns: the lowest height that holds it, and the way of filling
//! columns of that height that ends them most level (see `set_text`).

use super::super::flow::{Item, Kind, play};
use super::super::{LeadOption, LeadPart};

/// How the lead's text stands in its columns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeadText {
    /// The columns' height, lead lines: the tallest column's.
    pub height: u32,
    /// Lead lines each column holds.
    pub used: Vec<u32>,
    pub parts: Vec<LeadPart>,
}

impl LeadText {
    /// Lead lines the shortest column stands short of the tallest.
    pub fn short(&self) -> u32 {
        self.used
            .iter()
            .map(|&u| self.height - u.min(self.height))
            .max()
            .unwrap_or(0)
    }
}

/// How far a lead column may be made shorter than the first to even out the columns, lead lines.
const BALANCE: u32 = 3;

/// The lead in `option.columns` columns at the lowest height that holds it, paragraphs
/// splitting at line boundaries as in the body (no widow, no orphan), and, of the ways to fill
/// columns of that height, the one whose columns end most level: the first column full, each
/// other shorter by what evens them out (a lead of 21 lines in three goes 8, 7, 6 rather than
/// 8, 8, 5, which would leave a hole under the last). A paragraph whose line starts the
/// measure pass could not read is never split.
pub fn set_text(option: &LeadOption, keep: u32) -> LeadText {
    let items: Vec<Item> = option
        .paragraphs
        .iter()
        .enumerate()
        .map(|(n, &lines)| {
            let splits = option.starts.get(n).is_some_and(Option::is_some);
            Item::new(if splits { Kind::Text } else { Kind::Block }, lines)
        })
        .collect();
    let total: u32 = option.paragraphs.iter().sum();
    if total == 0 {
        return LeadText::default();
    }
    let columns = option.columns.max(1) as usize;
    // Two lines a column at least: a lead of a few lines is not spread one line a column.
    let lowest = total.div_ceil(columns as u32).max(total.min(2));
    let best = (lowest..=total).find_map(|h| {
        capacities(h, columns)
            .filter_map(|caps| {
                let played = play(&items, &caps, keep);
                (played.fits && played.forced == 0).then_some(played)
            })
            // Most level: the least a column ends short, then the shortness as late as may be.
            .min_by_key(|p| {
                let shorts: Vec<u32> = p.used.iter().map(|&u| h - u.min(h)).collect();
                (
                    shorts.iter().copied().max(),
                    shorts.iter().sum::<u32>(),
                    shorts,
                )
            })
            .map(|played| (h, played))
    });
    let Some((height, played)) = best else {
        // No height holds it by the rules (a paragraph taller than any column): one column
        // of its whole height, the rest as typst would.
        return LeadText {
            height: total,
            used: std::iter::once(total)
                .chain(std::iter::repeat_n(0, columns - 1))
                .collect(),
            parts: (0..option.paragraphs.len())
                .map(|n| whole(n, option.paragraphs[n]))
                .collect(),
        };
    };
    let parts = played
        .pieces
        .iter()
        .map(|piece| {
            let lines = option.paragraphs[piece.item];
            let split = piece.from > 0 || piece.to < lines;
            LeadPart {
                column: piece.column as u32,
                paragraph: piece.item,
                from: piece.from,
                to: piece.to,
                last: piece.to == lines,
                starts: split
                    .then(|| option.starts.get(piece.item)?.as_ref())
                    .flatten()
                    .and_then(|all| all.get(piece.from as usize..=piece.to as usize))
                    .map(<[usize]>::to_vec),
            }
        })
        .collect();
    LeadText {
        height,
        used: played.used[..columns].to_vec(),
        parts,
    }
}

fn whole(paragraph: usize, lines: u32) -> LeadPart {
    LeadPart {
        column: 0,
        paragraph,
        from: 0,
        to: lines,
        last: true,
        starts: None,
    }
}

/// Every way to give `columns` columns heights: the first `h`, each other as tall as the one
/// before it or up to `BALANCE` lines shorter than the first.
fn capacities(h: u32, columns: usize) -> impl Iterator<Item = Vec<u32>> {
    let lowest = h.saturating_sub(BALANCE).max(1);
    let mut all = vec![vec![h]];
    for _ in 1..columns {
        all = all
            .into_iter()
            .flat_map(|caps: Vec<u32>| {
                let before = *caps.last().unwrap_or(&h);
                (lowest..=before).map(move |c| [caps.clone(), vec![c]].concat())
            })
            .collect();
    }
    all.into_iter()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A lead option of `columns` columns holding paragraphs of these lines, each splittable.
    pub(in crate::makeup::lead) fn option(columns: u32, paragraphs: &[u32]) -> LeadOption {
        LeadOption {
            photo_width: 243.0,
            text_width: 243.0,
            columns,
            paragraphs: paragraphs.to_vec(),
            starts: paragraphs
                .iter()
                .map(|&n| Some((0..=n as usize).map(|k| k * 3).collect()))
                .collect(),
            caption: 2,
        }
    }

    #[test]
    fn the_leads_columns_end_as_level_as_its_paragraphs_allow() {
        // 21 lines in three: filled greedily at 8 they go 8, 8, 5, a hole under the last;
        // balanced, 8, 7, 6 (7, 7, 7 would leave a line alone: 4 + 3 | 1 + …).
        let text = set_text(&option(3, &[4, 4, 4, 9]), 3);
        assert_eq!((text.height, text.used.clone()), (8, vec![8, 7, 6]));
        assert_eq!(text.short(), 2);
        // Every line set once, in order: the parts of each paragraph follow on, and a part
        // split from its paragraph carries the starts of exactly its lines.
        let mut next = vec![0u32; 4];
        for part in &text.parts {
            assert_eq!(part.from, next[part.paragraph], "{part:?}");
            next[part.paragraph] = part.to;
            let whole = part.from == 0 && part.last;
            assert_eq!(
                part.starts.as_ref().map(Vec::len),
                (!whole).then_some((part.to - part.from + 1) as usize),
                "{part:?}"
            );
        }
        assert_eq!(next, vec![4, 4, 4, 9]);
        // Lines that divide evenly stay even; a lead of one column is one column.
        assert_eq!(set_text(&option(2, &[6, 6]), 3).used, vec![6, 6]);
        assert_eq!(set_text(&option(1, &[5, 3]), 3).used, vec![8]);
        // A paragraph whose lines could not be read is never split: it moves whole.
        let mut fixed = option(2, &[3, 6]);
        fixed.starts[1] = None;
        let text = set_text(&fixed, 3);
        assert_eq!(text.used, vec![3, 6]);
        assert!(text.parts.iter().all(|p| p.starts.is_none()));
    }
}
