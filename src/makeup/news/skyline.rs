//! The skyline the tiler fills (`tile`): what each column holds so far, the search's state as
//! a key, and what a rectangle's head band meets beside it (撞题).

use super::StoryMeasures;
use super::shapes::Shape;

/// What each column holds so far: the line after its last rectangle, and that rectangle's
/// head band (first line, line after the head) and headline size (pt × 10): two heads side by
/// side at the same size collide (撞题).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(super) struct Column {
    pub bottom: u32,
    pub head: (u32, u32, u32),
    /// Whether its rectangle is the lead's, beside whose head one story's (报眼) stands at the
    /// page's top by design.
    pub lead: bool,
}

/// A state: each column packed in a word (hashing is the search's inner loop), the stories
/// placed, and the area of the lead's photo (what every other story's photo is weighed
/// against: one skyline may be reached under leads of different photos).
pub(super) type Key = (Vec<u64>, u32, u32);

pub(super) fn key(columns: &[Column], done: u32, lead_photo: u32) -> Key {
    let word = |c: &Column| {
        let (start, end, size) = c.head;
        u64::from(c.bottom) << 48
            | u64::from(start) << 32
            | u64::from(end) << 16
            | u64::from(c.lead) << 15
            | u64::from(size)
    };
    (columns.iter().map(word).collect(), done, lead_photo)
}

/// A story's headline size as the skyline keeps it, pt × 10.
pub(super) fn head_size(story: &StoryMeasures, shape: &Shape) -> u32 {
    (story.sizes.get(shape.size).copied().unwrap_or(0.0) * 10.0).round() as u32
}

/// The neighbours of a rectangle at (x, line), `width` wide, whose head band shares a line
/// with its own of `head_lines`, or touches it, or stands a line from it: heads are set in the
/// middle of their bands, so a head starting the line under a neighbour's band stands level
/// with that band's last headline line (a reviewer read 18 pt heads so across a rule), and
/// one a line lower reads with it still. On the news variants, pairs of heads so: 55 on 48
/// pages when only touching bands counted, 37 on 33 pages now, the same pages press-ready.
fn beside(
    columns: &[Column],
    (x, width): (u32, u32),
    line: u32,
    head_lines: u32,
) -> impl Iterator<Item = &Column> {
    let band = (line, line + head_lines);
    [x.checked_sub(1), Some(x + width)]
        .into_iter()
        .flatten()
        .filter_map(|c| columns.get(c as usize))
        .filter(move |n| {
            let (start, end, _) = n.head;
            n.bottom > line && bands_meet((start, end), band)
        })
}

/// Whether two head bands (first line, line after the head) share a line, touch or stand a
/// line apart: side by side, their heads read as one (`beside`).
pub(super) fn bands_meet(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 < b.1 + 2 && b.0 < a.1 + 2
}

/// Two heads side by side at the same size (撞题): the rectangle's head band beside a
/// neighbour's at the same size.
pub(super) fn collides(
    columns: &[Column],
    at: (u32, u32),
    line: u32,
    shape: &Shape,
    story: &StoryMeasures,
) -> bool {
    let size = head_size(story, shape);
    beside(columns, at, line, shape.head_lines).any(|n| n.head.2 == size)
}

/// Neighbours whose head band shares a line with the rectangle's at (x, line), `width`
/// wide, of any size: heads that read as one line across the rule (撞题), if less loudly
/// than two of one size. Not the lead's at the page's top, beside which one story's head
/// (报眼) stands by design; two stories beside it at the top stand side by side (a reviewer
/// counted them).
pub(super) fn heads_beside(columns: &[Column], at: (u32, u32), line: u32, head_lines: u32) -> u32 {
    if head_lines == 0 {
        return 0;
    }
    beside(columns, at, line, head_lines)
        .filter(|n| line > 0 || !n.lead)
        .count() as u32
}

/// Maximal runs of neighbouring columns, not yet full, that end at the same line.
pub(super) fn runs(columns: &[Column], foot: u32) -> usize {
    let mut count = 0;
    let mut last = None;
    for column in columns {
        let open = (column.bottom < foot).then_some(column.bottom);
        if open.is_some() && open != last {
            count += 1;
        }
        last = open;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_beside_a_neighbours_head_band_is_counted_but_the_leads_at_the_pages_top() {
        // Column 0 holds a story from line 10, its head over lines 10–13, down to line 50;
        // columns 1–3 are free from line 10, column 4 holds nothing.
        let mut columns = vec![Column::default(); 5];
        columns[0] = Column {
            bottom: 50,
            head: (10, 14, 220),
            lead: false,
        };
        for c in &mut columns[1..4] {
            c.bottom = 8;
        }
        let beside = |columns: &[Column], line| heads_beside(columns, (1, 3), line, 4);
        // A head at lines 12–15 shares lines 12–13 with it, whatever its size.
        assert_eq!(beside(&columns, 12), 1);
        // Right under its head band, touching it, or a line lower, too; two lines lower, or
        // ending two lines above it, no.
        assert_eq!(beside(&columns, 14), 1);
        assert_eq!(beside(&columns, 15), 1);
        assert_eq!(beside(&columns, 16), 0);
        assert_eq!(beside(&columns, 4), 0);
        // At the page's top the lead's head and the one beside it stand so by design; two
        // stories' heads beside each other there do not.
        columns[0].head = (0, 6, 400);
        columns[0].lead = true;
        assert_eq!(beside(&columns, 0), 0);
        columns[0].lead = false;
        assert_eq!(beside(&columns, 0), 1);
    }
}
