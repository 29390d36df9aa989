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

/// Where part of an item landed: lines `from..to` of item `item`, in column `column` (a column
/// past the last one given holds what runs over).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub item: usize,
    pub column: usize,
    pub from: u32,
    pub to: u32,
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
    /// that do not fit).
    pub breaks: Vec<usize>,
    /// Every item's parts in reading order, column by column: what the template draws.
    pub pieces: Vec<Piece>,
}

/// Plays `items` through columns of `capacities` lines each (a column of 0 lines is passed
/// over); a head keeps `keep` lines of the text after it (or the whole block after it) in its
/// column. What runs past the last column runs on through columns as tall as the tallest.
pub fn play(items: &[Item], capacities: &[u32], keep: u32) -> Played {
    let columns = capacities.len();
    let tallest = capacities.iter().copied().max().unwrap_or(0);
    if tallest == 0 {
        // No room at all (a band or lead as tall as the body): nothing fits.
        let over = items.iter().map(|i| i.lines).sum();
        return Played {
            over,
            used: vec![0; columns],
            ..Played::default()
        };
    }
    let cap = |col: usize| capacities.get(col).copied().unwrap_or(tallest);
    let mut used = vec![0u32; columns.max(1)];
    let (mut col, mut waste, mut breaks) = (0usize, 0u32, Vec::new());
    // (An item is one piece, or a few where it splits: room for them all at once.)
    let mut pieces = Vec::with_capacity(items.len() + columns);
    let mut overflow = false;
    let mut stranded = 0;
    let mut forced = 0;
    // Moves to the next column, counting the lines left behind as waste.
    let next_column = |col: &mut usize, used: &mut Vec<u32>, waste: &mut u32| {
        *waste += cap(*col) - used[*col].min(cap(*col));
        *col += 1;
        if *col >= used.len() {
            used.push(0);
        }
    };
    // A column of no lines holds nothing: start in the first that has some.
    while cap(col) == 0 {
        next_column(&mut col, &mut used, &mut waste);
    }
    for (i, item) in items.iter().enumerate() {
        match item.kind {
            Kind::Head | Kind::Block => {
                let need = item.lines
                    + if item.kind == Kind::Head {
                        let (lines, with_text) =
                            kept(&items[i + 1..], keep, tallest - item.lines.min(tallest));
                        stranded += u32::from(!with_text);
                        lines
                    } else {
                        0
                    };
                if item.lines > tallest {
                    overflow = true;
                }
                // On to a column that holds it: one with room, or an empty one as tall as
                // any (what no column holds whole starts at the top of one).
                let mut moved = false;
                while used[col] + need > cap(col) && (used[col] > 0 || cap(col) < tallest) {
                    next_column(&mut col, &mut used, &mut waste);
                    moved = true;
                }
                if moved {
                    breaks.push(i);
                }
                pieces.push(Piece {
                    item: i,
                    column: col,
                    from: 0,
                    to: item.lines,
                });
                used[col] += item.lines;
            }
            Kind::Text => {
                let mut rest = item.lines;
                let mut first = true;
                while rest > 0 {
                    while used[col] >= cap(col) {
                        next_column(&mut col, &mut used, &mut waste);
                    }
                    let room = cap(col) - used[col];
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
                    if take > 0 {
                        let from = item.lines - rest;
                        pieces.push(Piece {
                            item: i,
                            column: col,
                            from,
                            to: from + take,
                        });
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
    let fits = !overflow && col < columns && used[col] <= cap(col);
    let over = used.iter().skip(columns).sum::<u32>()
        + items
            .iter()
            .filter(|i| i.kind != Kind::Text && i.lines > tallest)
            .map(|i| i.lines)
            .sum::<u32>();
    let left = if fits {
        (cap(col) - used[col]) + (col + 1..columns).map(cap).sum::<u32>()
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
        pieces,
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

    /// `columns` columns of `capacity` lines each.
    fn play(items: &[Item], columns: u32, capacity: u32, keep: u32) -> Played {
        super::play(items, &vec![capacity; columns as usize], keep)
    }

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

    /// One to twenty heads, paragraphs and blocks of random lengths.
    fn random_items(rand: &mut impl FnMut(u32) -> u32) -> Vec<Item> {
        (0..rand(20) + 1)
            .map(|_| match rand(3) {
                0 => head(2 + rand(3)),
                1 => text(1 + rand(12)),
                _ => block(3 + rand(8)),
            })
            .collect()
    }

    /// Whatever the items, every line is accounted for: used + waste + left = capacity × columns.
    #[test]
    fn every_line_is_accounted_for() {
        let mut rng = crate::makeup::random::Xorshift::new(0x9E37_79B9_7F4A_7C15);
        let mut rand = |n: u32| rng.below_u32(n);
        for _ in 0..2000 {
            let items = random_items(&mut rand);
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

    #[test]
    fn columns_of_their_own_heights_are_filled_in_turn() {
        // Two columns under a short lead, two under a tall photo: the text fills each to its
        // own foot, a column of no lines is passed over.
        let p = super::play(&[text(26)], &[10, 10, 0, 6], 3);
        assert!(p.fits);
        assert_eq!(p.used, [10, 10, 0, 6]);
        let columns: Vec<usize> = p.pieces.iter().map(|piece| piece.column).collect();
        assert_eq!(columns, [0, 1, 3]);
        // A block too tall for a short column waits for a column that holds it.
        let p = super::play(&[block(8), text(4)], &[5, 12], 3);
        assert!(p.fits, "{p:?}");
        assert_eq!(
            (p.used.as_slice(), p.waste, p.breaks.as_slice()),
            (&[0, 12][..], 5, &[0][..])
        );
    }

    /// Whatever the items and the columns' heights, every line lands once, in reading order,
    /// no column holds more than its height, and every line is accounted for.
    #[test]
    fn every_piece_lands_once_in_columns_of_any_height() {
        let mut rng = crate::makeup::random::Xorshift::new(0x51_7CC1_B727_220A);
        let mut rand = |n: u32| rng.below_u32(n);
        for _ in 0..2000 {
            let items = random_items(&mut rand);
            let capacities: Vec<u32> = (0..1 + rand(5))
                .map(|_| if rand(5) == 0 { 0 } else { 4 + rand(30) })
                .collect();
            let p = super::play(&items, &capacities, 3);
            if capacities.iter().all(|&c| c == 0) {
                assert!(!p.fits && p.pieces.is_empty());
                continue;
            }
            let mut landed = vec![0u32; items.len()];
            let mut per_column = vec![0u32; p.used.len()];
            let mut last = (0, 0);
            for piece in &p.pieces {
                assert!((piece.column, piece.item) >= last, "out of order: {p:?}");
                last = (piece.column, piece.item);
                assert_eq!(piece.from, landed[piece.item], "{items:?} {p:?}");
                landed[piece.item] = piece.to;
                per_column[piece.column] += piece.to - piece.from;
            }
            assert!(
                landed.iter().zip(&items).all(|(l, i)| *l == i.lines),
                "{items:?} {capacities:?} {p:?}"
            );
            assert_eq!(per_column, p.used);
            if p.fits {
                let used: u32 = p.used.iter().sum();
                assert_eq!(used + p.waste + p.left, capacities.iter().sum::<u32>());
                assert!(p.used.iter().zip(&capacities).all(|(u, c)| u <= c));
            }
        }
    }
}
