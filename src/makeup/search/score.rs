//! The score of a trial: what a make-up editor weighs — lines left empty, holes at column
//! feet and over photos, crops and coarse photos, towers, stranded heads, heads side by side
//! (撞题), photos away from their section — in "lines of white" (`costs::FEATURE`).

use super::super::Frame;
use super::super::flow::{Item, Played, play};
use super::{Context, MIN_LEG, Ref, Trial};
use crate::makeup::costs::FEATURE;
use crate::makeup::photo;
use crate::makeup::{HOLE_LINES, UNDER_A_HEAD};
use crate::units::ppi;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Score {
    pub(super) fits: bool,
    pub(super) over: u32,
    /// Lines of the flow beyond the frames' room (negative: room to spare): of two pages that
    /// run over alike, the one nearer to fitting is better, so a search that starts over the
    /// page takes the moves that bring it back a line at a time.
    pub(super) excess: i64,
    pub(super) empty: u32,
    pub(super) cost: f64,
    /// What a make-up editor never sends to press, counted apart from the cost that weighs
    /// it: wide photos astray, white over a photo, stranded heads, photos coarse where a
    /// narrower place keeps them sharp. A page that fills with none of these is made up; one
    /// that leaves a column's foot empty is not (`Context::fills`).
    pub(super) flaws: u32,
}

impl Score {
    pub(super) fn better_than(&self, other: &Score) -> bool {
        match (self.fits, other.fits) {
            (true, false) => true,
            (false, true) => false,
            (false, false) => {
                (self.over, self.excess) < (other.over, other.excess)
                    || ((self.over, self.excess) == (other.over, other.excess)
                        && self.total() < other.total())
            }
            (true, true) => self.total() < other.total() - 1e-9,
        }
    }

    pub(super) fn total(&self) -> f64 {
        f64::from(self.empty) + self.cost
    }

    /// Orders scores as `better_than` does, least first.
    pub(super) fn key(&self) -> (bool, u32, i64, f64) {
        (
            !self.fits,
            if self.fits { 0 } else { self.over },
            if self.fits { 0 } else { self.excess },
            self.total(),
        )
    }
}

impl Context<'_> {
    pub(super) fn score(&self, trial: &Trial) -> Score {
        let foot = self.foot(trial);
        if !self.placed(trial, foot) {
            // A wide photo over another or outside the body: no page at all.
            return Score {
                fits: false,
                over: u32::MAX,
                excess: i64::MAX,
                empty: u32::MAX,
                cost: f64::MAX,
                flaws: u32::MAX,
            };
        }
        let frames = self.frames(trial, foot);
        let columns = fillable(&frames);
        let short = too_short(&frames);
        let flow = self.flow(trial);
        let items: Vec<Item> = flow.iter().map(|(item, _)| *item).collect();
        let played = play(&items, &columns, self.m.keep);
        let ends = frame_ends(&flow, &frames, &played);
        let g = trial.grid;
        let width = self.m.grids[g].width;
        let mut cost = 0.0;
        let mut flaws = 0;
        for (s, section) in self.m.sections.iter().enumerate() {
            let mut in_flow = 0;
            for (p, ph) in section.photos.iter().enumerate() {
                let wide = trial.wide.iter().find(|w| w.section == s && w.photo == p);
                let (w, lines) = if self.in_band(trial, s, p) {
                    (
                        trial.band.as_ref().map_or(width, |b| b.width),
                        trial.band_lines,
                    )
                } else if let Some(wide) = wide {
                    (self.span_width(g, wide.span), wide.lines)
                } else {
                    in_flow += 1;
                    if self.sliver(g, (s, p)) {
                        cost += FEATURE.sliver;
                    }
                    (width, trial.lines[s][p])
                };
                let f = photo::fit((ph.width_px, ph.height_px), w, lines, self.grid);
                // Its narrowest placement is a stack of the house grid.
                let in_house = ppi(f64::from(ph.width_px), self.m.grids[0].width);
                cost += photo::cost(&f, in_house, self.m.warn_ppi, self.m.error_ppi);
                flaws += u32::from(photo::needlessly_coarse(
                    &f,
                    in_house,
                    self.m.warn_ppi,
                    self.m.error_ppi,
                ));
            }
            // More than two photos stacked in one column is a tower: a band is better.
            cost += FEATURE.tower * f64::from(in_flow.max(2) - 2);
        }
        // Space over a head fills a column, at a small price; photos far down their
        // section read less with its head.
        cost += FEATURE.head_space * f64::from(trial.space.iter().sum::<u32>());
        cost += FEATURE.loose * trial.loose.iter().flatten().filter(|&&l| l).count() as f64;
        // (Only a section's first photo: the others read anywhere in its text.)
        cost += FEATURE.photo_late
            * trial
                .at
                .iter()
                .filter_map(|at| at.first())
                .map(|&a| a.saturating_sub(1) as f64)
                .sum::<f64>();
        // The house grid is the default; a band takes photos away from their text.
        cost += FEATURE.other_grid * g as f64
            + if trial.band.is_some() {
                FEATURE.band
            } else {
                0.0
            };
        // A column foot emptier than the house lets pass is a hole: worth far more than a line
        // spread elsewhere. A leg over a wide photo runs down to it: any line empty there is
        // white in the middle of the page, as good as forbidden.
        // Only the column the text ends in may end short, by the house's tolerance, and the
        // columns after it stand empty: balancing a short page gathers those lines in a strip
        // under the stacks. A column ending short before another that holds text is white in
        // the middle of the page, which nothing gathers: worse.
        let (mut holes, mut inner, mut over_photo) = (0, 0, 0);
        let ends_in = played.used.iter().rposition(|&u| u > 0).unwrap_or(0);
        for (i, ((f, &c), &u)) in frames.iter().zip(&columns).zip(&played.used).enumerate() {
            if f.top + f.lines == foot {
                let empty = empty_at_foot(f, c, u);
                match i.cmp(&ends_in) {
                    std::cmp::Ordering::Less => {
                        holes += empty;
                        inner += empty.saturating_sub(self.m.tolerance);
                    }
                    std::cmp::Ordering::Equal => {
                        holes += empty.saturating_sub(self.m.tolerance);
                    }
                    std::cmp::Ordering::Greater => holes += empty,
                }
            } else {
                over_photo += f.lines.saturating_sub(u);
            }
        }
        cost += FEATURE.white_over_photo * f64::from(over_photo);
        // A wide photo is an accent the page pays for, and one away from its section's text
        // reads with the wrong story.
        // (The heads' places only matter around a wide photo: the inner loop spares them.)
        let at = placed(&flow, &frames, &played);
        let heads = if trial.wide.is_empty() {
            Vec::new()
        } else {
            heads(&at)
        };
        let (astray, below_head) = self.astray(trial, &ends, &frames, &heads);
        cost += FEATURE.wide * trial.wide.len() as f64
            + FEATURE.astray * f64::from(astray)
            + FEATURE.wide_below_head * f64::from(below_head);
        // A head with only a photo under it in its column never goes to press when setting the
        // photos after its first paragraph avoids it.
        cost += FEATURE.hole * f64::from(holes)
            + FEATURE.inner_hole * f64::from(inner)
            + FEATURE.stranded_head * f64::from(played.stranded);
        // Space over a head that opens a column under a stepped lead's photo or a wide photo
        // fills nothing: it is white under the photo's caption, in the middle of the page (as
        // under the lead band's white).
        let space_atop = self.space_atop(trial, &ends.0, &frames);
        cost += FEATURE.white_over_photo * f64::from(space_atop);
        flaws += astray + over_photo + played.stranded + space_atop;
        // Heads side by side in neighbouring stacks read as one line (撞题).
        cost += FEATURE.tombstone * f64::from(tombstones(&at));
        // A head low in a column, its text running on in the next after a few lines.
        cost += FEATURE.low_head * f64::from(low_heads(&flow, &played));
        // Two photos one over the other with no text between read as a tower; so does one
        // atop a stack that starts under the lead's photo, its caption between.
        let under_lead = self.under_lead_photo(trial, &ends.0, &frames);
        cost += FEATURE.stacked * f64::from(stacked(&flow, &played))
            + FEATURE.under_lead_photo * f64::from(under_lead);
        cost += FEATURE.above_head * f64::from(above_head(&at));
        let excess = items.iter().map(|item| i64::from(item.lines)).sum::<i64>()
            - columns.iter().map(|&c| i64::from(c)).sum::<i64>();
        Score {
            fits: played.fits,
            excess,
            // Overset compared by what it holds: lines of a wider stack hold more.
            over: (f64::from(played.over) * width) as u32,
            empty: played.waste + played.left + short,
            cost,
            flaws,
        }
    }

    /// Whether a column's foot stands emptier than the house lets pass (preflight would
    /// report the page underset).
    pub(super) fn leaves_a_foot_empty(&self, trial: &Trial) -> bool {
        self.feet(trial).iter().any(|&e| e > self.m.tolerance)
    }

    /// Whether a column's foot stands emptier than the house lets pass, or one other than the
    /// page's last ends short by as little as a line: the house lets that pass, but the
    /// page's text then does not run column to column to its end (issue 21: only the last
    /// column may end short).
    pub(super) fn ends_short(&self, trial: &Trial) -> bool {
        let feet = self.feet(trial);
        let ragged = feet
            .split_last()
            .is_some_and(|(_, before)| before.iter().any(|&e| e > 0));
        ragged || feet.iter().any(|&e| e > self.m.tolerance)
    }

    /// Empty lines at the foot of each column that reaches the page's foot, in reading order.
    fn feet(&self, trial: &Trial) -> Vec<u32> {
        let foot = self.foot(trial);
        let frames = self.frames(trial, foot);
        let columns = fillable(&frames);
        let played = self.play(trial, foot);
        frames
            .iter()
            .zip(&columns)
            .zip(&played.used)
            .filter(|((f, _), _)| f.top + f.lines == foot)
            .map(|((f, &c), &u)| empty_at_foot(f, c, u))
            .collect()
    }

    /// Photos that open a stack right under the lead's photo (`lead::under_photo`): under its
    /// caption, one reads as the lead's second picture, away from its own section.
    fn under_lead_photo(&self, trial: &Trial, firsts: &[Option<Ref>], frames: &[Frame]) -> u32 {
        let tops = &self.tops[trial.grid];
        let under = &self.under_photo[trial.grid];
        frames
            .iter()
            .zip(firsts)
            .filter(|(f, first)| {
                f.top == tops[f.stack]
                    && under.get(f.stack).copied().unwrap_or(false)
                    && matches!(first, Some(Ref::Photo(..)))
            })
            .count() as u32
    }

    /// Lines of space over heads that open a frame starting lower than the highest column
    /// (under a stepped lead's photo or a wide photo's caption), or a column under white the
    /// lead band leaves where the two, with the head's own line over its rule, make a hole:
    /// there the head's own line counts too.
    fn space_atop(&self, trial: &Trial, firsts: &[Option<Ref>], frames: &[Frame]) -> u32 {
        let g = trial.grid;
        let highest = self.tops[g].iter().copied().min().unwrap_or(0);
        let lead_white = |f: &Frame| {
            if f.top == self.tops[g][f.stack] {
                self.lead_white
                    .get(g)
                    .and_then(|w| w.get(f.stack))
                    .copied()
                    .unwrap_or(0)
            } else {
                0
            }
        };
        frames
            .iter()
            .zip(firsts)
            .map(|(f, first)| match first {
                Some(Ref::Head(s)) => {
                    let white = lead_white(f);
                    if white > 0 && white + 1 + trial.space[*s] >= HOLE_LINES {
                        1 + trial.space[*s]
                    } else if f.top > highest {
                        trial.space[*s]
                    } else {
                        0
                    }
                }
                _ => 0,
            })
            .sum()
    }
}

/// Each frame's first and last item as the flow played: what opens it and what stands at
/// its foot.
pub(super) fn frame_ends(
    flow: &[(Item, Ref)],
    frames: &[Frame],
    played: &Played,
) -> (Vec<Option<Ref>>, Vec<Option<Ref>>) {
    let mut first = vec![None; frames.len()];
    let mut last = vec![None; frames.len()];
    for piece in &played.pieces {
        if let Some(f) = first.get_mut(piece.column) {
            f.get_or_insert(flow[piece.item].1);
            last[piece.column] = Some(flow[piece.item].1);
        }
    }
    (first, last)
}

/// Lines of text at least between heads of neighbouring stacks: closer, they read as one.
/// (At 3, as the variants count them, the variants showed more pairs touching, 92 -> 123: a
/// cost as high for heads a few lines apart as for heads side by side leaves the search no
/// reason to part the touching ones. A lesser cost for heads 4-6 lines apart, top to top,
/// left the count as it was, 93, and raised heads low in a column, 50 -> 55.)
const HEADS_APART: u32 = 0;

/// Pairs of heads in neighbouring stacks whose lines overlap or nearly touch (撞题): a
/// reader's eye runs from one into the other.
pub(super) fn tombstones(placed: &[Placed]) -> u32 {
    let heads: Vec<&Placed> = placed
        .iter()
        .filter(|p| matches!(p.what, Ref::Head(_)))
        .collect();
    let mut pairs = 0;
    for (i, a) in heads.iter().enumerate() {
        pairs += heads[i + 1..]
            .iter()
            .filter(|b| {
                b.stack.abs_diff(a.stack) == 1
                    && b.top < a.top + a.lines + HEADS_APART
                    && a.top < b.top + b.lines + HEADS_APART
            })
            .count() as u32;
    }
    pairs
}

/// A head or a photo of the flow as played: what it stands for, its stack, its first line
/// and its lines, and whether it opens its item (a paragraph's continuation does not).
pub(super) struct Placed {
    what: Ref,
    stack: usize,
    top: u32,
    lines: u32,
    opens: bool,
}

/// Where each head and photo of the flow stands as played, in the flow's order: the one walk
/// the counts of heads and photos by their places share (a score's, once).
pub(super) fn placed(flow: &[(Item, Ref)], frames: &[Frame], played: &Played) -> Vec<Placed> {
    let mut used = vec![0u32; frames.len()];
    let mut out = Vec::new();
    for piece in &played.pieces {
        let Some(frame) = frames.get(piece.column) else {
            continue;
        };
        let lines = piece.to - piece.from;
        let what = flow[piece.item].1;
        if matches!(what, Ref::Head(_) | Ref::Photo(..)) {
            out.push(Placed {
                what,
                stack: frame.stack,
                top: frame.top + used[piece.column],
                lines,
                opens: piece.from == 0,
            });
        }
        used[piece.column] += lines;
    }
    out
}

/// Heads that stand low in a column: their section runs on into the next after fewer than
/// `UNDER_A_HEAD` lines under them.
pub(super) fn low_heads(flow: &[(Item, Ref)], played: &Played) -> u32 {
    let pieces = &played.pieces;
    let mut low = 0;
    for (i, piece) in pieces.iter().enumerate() {
        let Ref::Head(s) = flow[piece.item].1 else {
            continue;
        };
        let ours = |p: &&crate::makeup::flow::Piece| match flow[p.item].1 {
            Ref::Text(t, _) | Ref::Photo(t, _) => t == s,
            _ => false,
        };
        let after = &pieces[i + 1..];
        let here: u32 = after
            .iter()
            .take_while(|p| p.column == piece.column)
            .take_while(ours)
            .map(|p| p.to - p.from)
            .sum();
        let runs_on = after
            .iter()
            .take_while(ours)
            .any(|p| p.column != piece.column);
        low += u32::from(runs_on && here < UNDER_A_HEAD);
    }
    low
}

/// Each head of the flow as played: its section, its stack and its first line.
pub(super) fn heads(placed: &[Placed]) -> Vec<(usize, usize, u32)> {
    placed
        .iter()
        .filter_map(|p| match p.what {
            Ref::Head(s) => Some((s, p.stack, p.top)),
            _ => None,
        })
        .collect()
}

/// Photos of the flow whose top stands higher on the page than their section's head (in an
/// earlier column): a head low in one column, its photo atop the next.
pub(super) fn above_head(placed: &[Placed]) -> u32 {
    let head_at = |s: usize| {
        placed.iter().filter_map(move |p| match p.what {
            Ref::Head(h) if h == s => Some(p.top),
            _ => None,
        })
    };
    placed
        .iter()
        .filter(|p| p.opens)
        .filter(|p| match p.what {
            Ref::Photo(s, _) => head_at(s).any(|at| p.top < at),
            _ => false,
        })
        .count() as u32
}

/// Pairs of photos one right under the other in a column of the flow (with their captions
/// only between).
fn stacked(flow: &[(Item, Ref)], played: &Played) -> u32 {
    played
        .pieces
        .windows(2)
        .filter(|w| {
            w[0].column == w[1].column
                && matches!(flow[w[0].item].1, Ref::Photo(..))
                && matches!(flow[w[1].item].1, Ref::Photo(..))
        })
        .count() as u32
}

/// Each frame's height as the flow fills it: none if too short for a leg.
/// Empty lines at the foot of frame `f`, `room` lines of it fillable, `used` filled: all of it
/// where it is too short for a leg.
fn empty_at_foot(f: &Frame, room: u32, used: u32) -> u32 {
    if room == 0 {
        f.lines
    } else {
        room.saturating_sub(used)
    }
}

pub(super) fn fillable(frames: &[Frame]) -> Vec<u32> {
    frames
        .iter()
        .map(|f| if f.lines < MIN_LEG { 0 } else { f.lines })
        .collect()
}

/// Lines of frames too short for a leg, left empty.
pub(super) fn too_short(frames: &[Frame]) -> u32 {
    frames
        .iter()
        .map(|f| f.lines)
        .filter(|&lines| lines < MIN_LEG)
        .sum()
}
