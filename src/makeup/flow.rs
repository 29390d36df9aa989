//! Playing a column flow through in advance, on line counts alone: where each item lands, which
//! lines stand empty, and which items must open a new column. The rules are those typst
//! applies when the template sets the plan (see `layout/components/body.typ`): a paragraph
//! splits across columns line by line, but its first two lines stay together (no orphan) and
//! so do its last two (no widow); anything else never splits.

/// One item of the flow, by the grid lines it takes (the gap after it included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub lines: u32,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A section head: stands at no column foot, keeps `keep` lines of its text with it.
    Head,
    /// A paragraph: splits across columns.
    Text,
    /// A photo with its caption, or the credit: never splits.
    Block,
}

impl Item {
    pub fn new(kind: Kind, lines: u32) -> Self {
        Self { lines, kind }
    }
}

/// How a flow played out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Played {
    /// Everything fits in the columns.
    pub fits: bool,
    /// Lines left empty at the feet of columns that something did not fit in.
    pub waste: u32,
    /// Lines free after the last item, in its column and the columns after it.
    pub left: u32,
    /// Lines that ran past the last column (overset).
    pub over: u32,
    /// Heads that keep only a photo in their column, their text starting in the next.
    pub stranded: u32,
    /// Paragraph splits that had to leave a widow or an orphan: a column too short for the
    /// rules.
    pub forced: u32,
    /// Lines used in each column (a column after the last item has 0).
    pub used: Vec<u32>,
    /// Items that open a new column because of the rules (heads kept with their text, blocks
    /// that do not fit): the template sets a column break before each.
    pub breaks: Vec<usize>,
}

/// Plays `items` through `columns` columns of `capacity` lines; a head keeps `keep` lines of
/// the text after it (or the whole block after it) in its column.
pub fn play(items: &[Item], columns: u32, capacity: u32, keep: u32) -> Played {
    if capacity == 0 {
        // No room at all (a band or lead as tall as the body): nothing fits.
        let over = items.iter().map(|i| i.lines).sum();
        return Played {
            over,
            used: vec![0; columns as usize],
            ..Played::default()
        };
    }
    let mut used = vec![0u32; columns.max(1) as usize];
    let (mut col, mut waste, mut breaks) = (0usize, 0u32, Vec::new());
    let mut overflow = false;
    let mut stranded = 0;
    let mut forced = 0;
    // Moves to the next column, counting the lines left behind as waste.
    let next_column = |col: &mut usize, used: &mut Vec<u32>, waste: &mut u32| {
        *waste += capacity - used[*col].min(capacity);
        *col += 1;
        if *col >= used.len() {
            used.push(0);
        }
    };
    for (i, item) in items.iter().enumerate() {
        match item.kind {
            Kind::Head | Kind::Block => {
                let need = item.lines
                    + if item.kind == Kind::Head {
                        let (lines, with_text) =
                            kept(&items[i + 1..], keep, capacity - item.lines.min(capacity));
                        stranded += u32::from(!with_text);
                        lines
                    } else {
                        0
                    };
                if item.lines > capacity {
                    overflow = true;
                }
                if used[col] > 0 && used[col] + need > capacity {
                    next_column(&mut col, &mut used, &mut waste);
                    breaks.push(i);
                }
                used[col] += item.lines;
            }
            Kind::Text => {
                let mut rest = item.lines;
                let mut first = true;
                while rest > 0 {
                    if used[col] >= capacity {
                        next_column(&mut col, &mut used, &mut waste);
                    }
                    let room = capacity - used[col];
                    let mut take = room.min(rest);
                    if take < rest {
                        // A widow: the last line alone in the next column. Leave two.
                        if rest - take == 1 {
                            take -= 1;
                        }
                        // An orphan: the first line alone at this column's foot. Move it.
                        if first && take == 1 {
                            take = 0;
                        }
                        // A column too short for the rules takes what it can: never a hang.
                        if take == 0 && used[col] == 0 {
                            take = room.min(rest);
                            forced += 1;
                        }
                    }
                    used[col] += take;
                    rest -= take;
                    if take > 0 {
                        first = false;
                    }
                    if rest > 0 {
                        next_column(&mut col, &mut used, &mut waste);
                    }
                }
            }
        }
    }
    let columns = columns as usize;
    let fits = !overflow && col < columns && used[col] <= capacity;
    let over = used.iter().skip(columns).sum::<u32>()
        + items
            .iter()
            .filter(|i| i.kind != Kind::Text && i.lines > capacity)
            .map(|i| i.lines)
            .sum::<u32>();
    let left = if fits {
        (capacity - used[col]) + (columns - 1 - col) as u32 * capacity
    } else {
        0
    };
    used.resize(columns.max(used.len()), 0);
    Played {
        fits,
        waste,
        left,
        over,
        stranded,
        forced,
        used,
        breaks,
    }
}

/// Lines a head keeps under it in its column: what stands under it until `keep` lines of its
/// text (all of it, if shorter), photos included, a paragraph split only as the flow would
/// split it; or, when that cannot fit in a column, at least the first item; and whether its
/// text is among them.
fn kept(after: &[Item], keep: u32, room: u32) -> (u32, bool) {
    let (mut lines, mut text) = (0, 0);
    for item in after {
        match item.kind {
            Kind::Block => lines += item.lines,
            Kind::Text => {
                let still = keep - text;
                let mut take = item.lines.min(still.max(2));
                if item.lines - take == 1 {
                    take = item.lines;
                }
                lines += take;
                text += take;
                if text >= keep {
                    break;
                }
            }
            Kind::Head => break,
        }
    }
    let section = after.iter().take_while(|i| i.kind != Kind::Head);
    let has_text = section.clone().any(|i| i.kind == Kind::Text);
    let section_text: u32 = section
        .filter(|i| i.kind == Kind::Text)
        .map(|i| i.lines)
        .sum();
    if lines <= room {
        (lines, true)
    } else {
        match after.first() {
            // A first paragraph shorter than the keep, with photos after it too tall to come
            // along: the head stands over fewer lines of its text than the house keeps.
            Some(first) if first.kind == Kind::Text => (
                keep.min(first.lines),
                first.lines >= keep || section_text <= first.lines,
            ),
            Some(first) if first.kind == Kind::Block => (first.lines, !has_text),
            _ => (0, true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: u32) -> Item {
        Item::new(Kind::Text, n)
    }
    fn head(n: u32) -> Item {
        Item::new(Kind::Head, n)
    }
    fn block(n: u32) -> Item {
        Item::new(Kind::Block, n)
    }

    #[test]
    fn text_fills_columns_line_by_line() {
        let p = play(&[text(25)], 3, 10, 3);
        assert!(p.fits);
        assert_eq!(p.used, [10, 10, 5]);
        assert_eq!((p.waste, p.left), (0, 5));
    }

    #[test]
    fn no_widow_and_no_orphan() {
        // 9 lines used, a 5-line paragraph: one line would be an orphan; it moves.
        let p = play(&[text(9), text(5)], 2, 10, 3);
        assert_eq!(p.used, [9, 5]);
        assert_eq!(p.waste, 1);
        // 7 used, a 4-line paragraph: 3 + 1 would leave a widow; 2 + 2 instead.
        let p = play(&[text(7), text(4)], 2, 10, 3);
        assert_eq!(p.used, [9, 2]);
        // 8 used, a 3-line paragraph: 2 + 1 is a widow, 1 + 2 an orphan: all three move.
        let p = play(&[text(8), text(3)], 2, 10, 3);
        assert_eq!(p.used, [8, 3]);
    }

    #[test]
    fn a_head_keeps_its_lines_and_never_stands_at_a_foot() {
        let p = play(&[text(5), head(4), text(6)], 2, 10, 3);
        // 5 + 4 + 3 > 10: the head opens the next column.
        assert_eq!(p.breaks, [1]);
        assert_eq!(p.used, [5, 10]);
        assert_eq!(p.waste, 5);
        // A head before a block keeps the whole block, and the text under it.
        let p = play(&[text(2), head(4), block(5), text(2)], 2, 10, 3);
        assert_eq!(p.breaks, [1]);
        let p = play(&[text(1), head(2), block(5), text(9)], 2, 10, 3);
        assert_eq!(
            p.breaks,
            [1],
            "two lines would be left under the photo: {p:?}"
        );
        // Photos too tall to keep with the text: the head keeps the first; the second moves on.
        let p = play(&[head(2), block(5), block(5), text(9)], 3, 10, 3);
        assert!(p.fits, "{p:?}");
        assert_eq!(p.breaks, [2]);
    }

    #[test]
    fn a_head_over_a_short_paragraph_and_tall_photos_is_stranded() {
        // Two lines of text, then photos too tall to come along, then the rest of the text:
        // the head would stand over two lines of its text in its column.
        let p = play(&[head(2), text(2), block(6), text(9)], 3, 10, 3);
        assert_eq!(p.stranded, 1, "{p:?}");
        // A section whose text is that one short paragraph keeps all of it.
        let p = play(&[head(2), text(2), block(9)], 3, 10, 3);
        assert_eq!(p.stranded, 0, "{p:?}");
        // Three lines or more under the head keep it.
        let p = play(&[head(2), text(3), block(6), text(9)], 3, 10, 3);
        assert_eq!(p.stranded, 0, "{p:?}");
    }

    #[test]
    fn blocks_do_not_split_and_too_much_does_not_fit() {
        let p = play(&[text(6), block(6)], 2, 10, 3);
        assert_eq!(p.breaks, [1]);
        assert_eq!(p.used, [6, 6]);
        assert!(!play(&[text(15), block(6)], 2, 10, 3).fits);
        assert!(!play(&[block(11)], 3, 10, 3).fits);
    }

    #[test]
    fn no_room_is_no_fit_not_a_hang() {
        let p = play(&[head(4), text(3)], 4, 0, 3);
        assert!(!p.fits);
        assert_eq!(p.over, 7);
        // Columns of one or two lines cannot keep two lines together: they still progress.
        assert!(play(&[text(5)], 5, 1, 3).fits);
        assert!(!play(&[text(9)], 3, 2, 3).fits);
    }

    /// Whatever the items, every line is accounted for: used + waste + left = capacity × columns.
    #[test]
    fn every_line_is_accounted_for() {
        let mut rng = crate::makeup::random::Xorshift::new(0x9E37_79B9_7F4A_7C15);
        let mut rand = |n: u32| rng.below_u32(n);
        for _ in 0..2000 {
            let items: Vec<Item> = (0..rand(20) + 1)
                .map(|_| match rand(3) {
                    0 => head(2 + rand(3)),
                    1 => text(1 + rand(12)),
                    _ => block(3 + rand(8)),
                })
                .collect();
            let (columns, capacity) = (1 + rand(4), 12 + rand(20));
            let p = play(&items, columns, capacity, 3);
            if p.fits {
                let used: u32 = p.used.iter().sum();
                assert_eq!(used + p.waste + p.left, capacity * columns, "{items:?}");
                assert_eq!(used, items.iter().map(|i| i.lines).sum::<u32>());
                assert!(p.used.iter().all(|&u| u <= capacity));
            }
        }
    }
}
