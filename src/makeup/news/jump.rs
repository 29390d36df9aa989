//! A story that jumps (转版): its first page keeps a part of its text, ending at a line
//! boundary, and a jump line (下转第N版) under it; the rest continues on a later page. Which
//! parts a story can keep at one way of setting its legs, and what the template needs to set
//! the last kept paragraph as the very lines of the whole one. Plain numbers.

use serde::Serialize;

use super::LegMeasures;

/// Lines the jump line takes, under the last kept line.
pub const JUMP_LINES: u32 = 1;
/// Lines of text a first part keeps at least: a jump right under the head reads as a mistake.
pub const MIN_KEPT: u32 = 6;
/// The share of its text a first part keeps at least: the start page carries the story.
pub const MIN_SHARE: f64 = 0.4;
/// Lines of a paragraph that stay together either side of a split (no widow, no orphan).
pub const KEEP: u32 = 2;

/// Where a jumping story's first part ends: paragraphs before `paragraph` whole, and the first
/// `lines` lines of it (all of them: the part ends with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cut {
    pub paragraph: usize,
    pub lines: u32,
}

/// A part of a story's text at one way of setting its legs: each kept paragraph's lines (the
/// jump line counted in the last), where it ends, and the lines left for the continuation.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub paragraphs: Vec<u32>,
    pub cut: Option<Cut>,
    pub jumped: u32,
}

/// Every part a story can keep at `leg`: the whole text, and for a story that jumps, every
/// end at a paragraph's end and, in a paragraph whose lines the template read back, at every
/// line that leaves two lines either side. The first paragraph is never split (its dateline
/// is not its text) and always kept.
pub fn parts(leg: &LegMeasures, jumps: bool) -> Vec<Part> {
    let lines = &leg.paragraphs;
    let whole = Part {
        paragraphs: lines.clone(),
        cut: None,
        jumped: 0,
    };
    if !jumps {
        return vec![whole];
    }
    let total: u32 = lines.iter().sum();
    let mut out = vec![whole];
    for p in 0..lines.len().saturating_sub(1) {
        // Split inside paragraph p (p > 0), then after it.
        let within = if p > 0 && leg.starts.get(p).is_some_and(Option::is_some) {
            (KEEP..=lines[p].saturating_sub(KEEP)).collect()
        } else {
            Vec::new()
        };
        for kept in within.into_iter().chain([lines[p]]) {
            let cut = Cut {
                paragraph: p,
                lines: kept,
            };
            let part = kept_lines(lines, cut);
            let text: u32 = part.iter().sum::<u32>() - JUMP_LINES;
            if text < MIN_KEPT || f64::from(text) < MIN_SHARE * f64::from(total) {
                continue;
            }
            out.push(Part {
                paragraphs: part,
                cut: Some(cut),
                jumped: total - text,
            });
        }
    }
    out
}

/// The kept paragraphs' lines at `cut`, the jump line counted in the last.
pub fn kept_lines(lines: &[u32], cut: Cut) -> Vec<u32> {
    let mut part = lines[..cut.paragraph].to_vec();
    part.push(cut.lines + JUMP_LINES);
    part
}

/// Where the continuation starts: the paragraph and the byte in it, or the next paragraph's
/// start when the part keeps the whole of it. `None` when the template gave no line starts.
pub fn resume(leg: &LegMeasures, cut: Cut) -> Option<(usize, usize)> {
    if cut.lines == leg.paragraphs[cut.paragraph] {
        return Some((cut.paragraph + 1, 0));
    }
    let starts = leg.starts.get(cut.paragraph)?.as_ref()?;
    Some((cut.paragraph, *starts.get(cut.lines as usize)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leg(paragraphs: &[u32], with_starts: bool) -> LegMeasures {
        LegMeasures {
            width: 2,
            cols: 1,
            leg_width: 100.0,
            paragraphs: paragraphs.to_vec(),
            starts: paragraphs
                .iter()
                .map(|&n| with_starts.then(|| (0..=n as usize).map(|k| k * 3).collect()))
                .collect(),
        }
    }

    #[test]
    fn a_story_that_does_not_jump_keeps_its_text_whole() {
        let parts = parts(&leg(&[4, 6, 5], true), false);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].cut, None);
    }

    #[test]
    fn parts_end_at_lines_that_keep_two_either_side() {
        // 4 + 6 + 5 lines: the first paragraph (4 lines) is short of the least a first part
        // keeps; in the second, lines 2..=4 (two either side) and its end; never in the last.
        let parts = parts(&leg(&[4, 6, 5], true), true);
        let cuts: Vec<(usize, u32, u32)> = parts
            .iter()
            .filter_map(|p| p.cut.map(|c| (c.paragraph, c.lines, p.jumped)))
            .collect();
        assert_eq!(cuts, [(1, 2, 9), (1, 3, 8), (1, 4, 7), (1, 6, 5)]);
        // The jump line is counted in the last kept paragraph.
        assert_eq!(parts[1].paragraphs, [4, 3]);
        // Without the lines read back, only at paragraph ends.
        let parts = super::parts(&leg(&[4, 6, 5], false), true);
        let cuts: Vec<_> = parts.iter().filter_map(|p| p.cut).collect();
        assert_eq!(
            cuts,
            [Cut {
                paragraph: 1,
                lines: 6
            }]
        );
    }

    #[test]
    fn the_continuation_resumes_where_the_kept_lines_end() {
        let leg = leg(&[4, 6, 5], true);
        let cut = Cut {
            paragraph: 1,
            lines: 2,
        };
        assert_eq!(resume(&leg, cut), Some((1, 6)));
        let whole = Cut {
            paragraph: 1,
            lines: 6,
        };
        assert_eq!(resume(&leg, whole), Some((2, 0)));
    }
}
