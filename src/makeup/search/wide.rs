//! Photos set wider than their stack, anywhere in the body: a make-up editor's move to fill a
//! short page. A wide photo stands across two stacks or more at any grid line; the stacks'
//! columns are cut into frames above and below it, and the flow runs through the frames in
//! reading order, split at line boundaries: the stacks left to right, but over the stacks a
//! wide photo spans, first the legs above it side by side, then those under it (a dog-leg:
//! the photo's section runs across its stacks above it and resumes under it, or the section
//! before ends above it and the photo tops its own section, whose head opens the legs under
//! it: a section too short for legs both above and under its photo). Two wide photos may
//! share stacks, the very same ones, one over the other with a leg of text between: the flow
//! then reads those stacks row by row. Tried only when
//! the page does not fill otherwise (`fill`), so a full page costs nothing.

use super::{Context, MIN_LEG, Ref, SLIVER, Score, Trial, best_first, range};
use crate::makeup::Frame;
use crate::makeup::costs::FEATURE;
use crate::makeup::flow::Played;
use crate::units::ppi;

/// A photo of section `section` across `span` stacks from `stack`, its picture `lines` tall,
/// its top `top` grid lines under the body's top.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Wide {
    pub(super) section: usize,
    pub(super) photo: usize,
    pub(super) stack: usize,
    pub(super) span: usize,
    pub(super) top: u32,
    pub(super) lines: u32,
}

/// At most this many photos set wide on a page: each is a strong accent.
const MAX_WIDE: usize = 3;

/// How many of the best first placements of a wide photo are improved in full, and from how
/// many shaken copies each.
const TRIED: usize = 4;
const SHAKES: usize = 4;

impl Context<'_> {
    /// Width of `span` stacks of grid `g`, gutters between them included, pt.
    pub(super) fn span_width(&self, g: usize, span: usize) -> f64 {
        let grid = &self.m.grids[g];
        span as f64 * grid.width + (span as f64 - 1.0) * self.m.stack_gutter(g)
    }

    /// Allowed picture lines of a photo across `span` stacks of grid `g` (lowest, natural,
    /// highest), or none where the template did not measure its caption there or its pixels
    /// would be enlarged below the warning resolution.
    pub(super) fn wide_range(
        &self,
        g: usize,
        (s, p): (usize, usize),
        span: usize,
    ) -> Option<(u32, u32, u32)> {
        let ph = &self.m.sections[s].photos[p];
        ph.wide_caption.get(g)?.get(span.checked_sub(2)?)?;
        let width = self.span_width(g, span);
        if ppi(f64::from(ph.width_px), width) < self.m.warn_ppi {
            return None;
        }
        let px = (ph.width_px, ph.height_px);
        Some(range(
            self.m,
            self.grid,
            px,
            ph.max_crop,
            width,
            self.m.capacity / 2,
        ))
    }

    /// Caption lines of a wide photo (with the space under it).
    pub(super) fn wide_caption(&self, g: usize, w: &Wide) -> u32 {
        self.m.sections[w.section].photos[w.photo].wide_caption[g][w.span - 2]
    }

    /// Lines a wide photo takes, its caption included.
    pub(super) fn wide_total(&self, g: usize, w: &Wide) -> u32 {
        w.lines + self.wide_caption(g, w)
    }

    /// Whether photo `(s, p)` reads as a strip in a stack of grid `g` (its tallest there is
    /// `SLIVER` lines or fewer) and may stand across two stacks.
    pub(super) fn sliver(&self, g: usize, (s, p): (usize, usize)) -> bool {
        self.ranges[g][s][p].2 <= SLIVER && self.wide_range(g, (s, p), 2).is_some()
    }

    /// The photos of the flow (in a stack, not wide, not in a band) that read as strips.
    pub(super) fn slivers(&self, trial: &Trial) -> Vec<(usize, usize)> {
        let g = trial.grid;
        (0..self.m.sections.len())
            .flat_map(|s| (0..self.m.sections[s].photos.len()).map(move |p| (s, p)))
            .filter(|&(s, p)| {
                !self.in_band(trial, s, p) && !self.is_wide(trial, s, p) && self.sliver(g, (s, p))
            })
            .collect()
    }

    pub(super) fn is_wide(&self, trial: &Trial, section: usize, photo: usize) -> bool {
        trial
            .wide
            .iter()
            .any(|w| w.section == section && w.photo == photo)
    }

    /// Whether every wide photo stands inside the body, under the columns' tops and over
    /// `foot`, clear of the others.
    pub(super) fn placed(&self, trial: &Trial, foot: u32) -> bool {
        let tops = &self.tops[trial.grid];
        let boxes: Vec<(usize, usize, u32, u32)> = trial
            .wide
            .iter()
            .map(|w| {
                (
                    w.stack,
                    w.stack + w.span,
                    w.top,
                    w.top + self.wide_total(trial.grid, w),
                )
            })
            .collect();
        // Two wide photos share a stack only across the very same stacks, one over the other
        // with a leg of text between them (touching, they read as a tower): the reading
        // order around each stays plain.
        // Nor across a spread's fold: the stacks of each page are its own.
        let pages = self.m.pages_across.max(1) as usize;
        let folds: Vec<usize> = (1..pages).map(|k| k * tops.len() / pages).collect();
        boxes.iter().enumerate().all(|(i, &(a, b, top, bottom))| {
            folds.iter().all(|&fold| b <= fold || a >= fold)
                && b <= tops.len()
                && tops[a..b].iter().all(|&t| t <= top)
                && bottom <= foot
                && boxes[..i].iter().all(|&(c, d, t, u)| {
                    d <= a
                        || b <= c
                        || ((c, d) == (a, b) && (u + MIN_LEG <= top || bottom + MIN_LEG <= t))
                })
        })
    }

    /// The frames the flow runs through down to `foot`, in reading order: each stack from its
    /// top to the foot, cut by the wide photos across it; over the stacks a wide photo spans,
    /// the frames ordered by their top, then left to right. (A trial whose wide photos are not
    /// `placed` gets frames clamped to the body.)
    pub(super) fn frames(&self, trial: &Trial, foot: u32) -> Vec<Frame> {
        let mut out = self.stack_frames(trial, foot);
        for w in &trial.wide {
            let spanned = |f: &Frame| (w.stack..w.stack + w.span).contains(&f.stack);
            if let Some(first) = out.iter().position(spanned) {
                let end = first + out[first..].iter().take_while(|f| spanned(f)).count();
                // Over those stacks, the legs between two photos (or over the first, under
                // the last) left to right (the tops of those over the first may step), each
                // such row under the one before.
                let row = |f: &Frame| {
                    trial
                        .wide
                        .iter()
                        .filter(|o| (o.stack, o.span) == (w.stack, w.span) && o.top <= f.top)
                        .count()
                };
                out[first..end].sort_by_key(|f| (row(f), f.stack));
            }
        }
        out
    }

    /// Each stack's frames, top to bottom, stacks left to right.
    fn stack_frames(&self, trial: &Trial, foot: u32) -> Vec<Frame> {
        let mut out = Vec::new();
        for (stack, &top) in self.tops[trial.grid].iter().enumerate() {
            let mut cuts: Vec<(u32, u32)> = trial
                .wide
                .iter()
                .filter(|w| (w.stack..w.stack + w.span).contains(&stack))
                .map(|w| (w.top, w.top + self.wide_total(trial.grid, w)))
                .collect();
            cuts.sort_unstable();
            let mut y = top.min(foot);
            for (from, to) in cuts {
                let from = from.clamp(y, foot);
                out.push(Frame {
                    stack,
                    top: y,
                    lines: from - y,
                });
                y = to.clamp(from, foot);
            }
            out.push(Frame {
                stack,
                top: y,
                lines: foot - y,
            });
        }
        out
    }

    /// Whether every leg over a wide photo runs down to it: a line of white over a photo in one
    /// leg, beside a leg that runs full, is a hole in the middle of the page, never a fill.
    pub(super) fn flush(&self, trial: &Trial) -> bool {
        let foot = self.foot(trial);
        let played = self.play(trial, foot);
        self.frames(trial, foot)
            .iter()
            .zip(&played.used)
            .all(|(f, &used)| f.top + f.lines == foot || used == f.lines)
    }

    /// Whether every leg over a wide photo runs down to it and no column foot stands emptier
    /// than the house lets pass.
    fn made_flush(&self, trial: &Trial) -> bool {
        self.flush(trial) && !self.leaves_a_foot_empty(trial)
    }

    /// Changes of the wide photos a make-up editor tries one at a time: a line or a few up or
    /// down, a line taller or shorter, a stack left or right, a stack more or fewer, back into
    /// its stack.
    pub(super) fn wide_moves(&self, trial: &Trial, out: &mut Vec<Trial>) {
        let g = trial.grid;
        let stacks = self.tops[g].len();
        for (i, w) in trial.wide.iter().enumerate() {
            let mut with = |change: &dyn Fn(&mut Wide)| {
                let mut t = trial.clone();
                change(&mut t.wide[i]);
                out.push(t);
            };
            for step in [1, 4] {
                if w.top >= step {
                    with(&|w| w.top -= step);
                }
                with(&|w| w.top += step);
            }
            let (lo, _, hi) = self
                .wide_range(g, (w.section, w.photo), w.span)
                .unwrap_or((w.lines, w.lines, w.lines));
            if w.lines > lo {
                with(&|w| w.lines -= 1);
            }
            if w.lines < hi {
                with(&|w| w.lines += 1);
            }
            if w.stack > 0 {
                with(&|w| w.stack -= 1);
            }
            if w.stack + w.span < stacks {
                with(&|w| w.stack += 1);
            }
            for span in [w.span - 1, w.span + 1] {
                if span >= 2
                    && w.stack + span <= stacks
                    && let Some((lo, natural, hi)) = self.wide_range(g, (w.section, w.photo), span)
                {
                    let lines = natural.clamp(lo, hi);
                    with(&|w| {
                        w.span = span;
                        w.lines = lines;
                    });
                }
            }
            if !self.wide_fixed {
                let mut t = trial.clone();
                t.wide.remove(i);
                out.push(t);
            }
        }
    }

    /// Where photo `(s, p)` of the flow stands as `played`: its stack and the line its top is
    /// on.
    fn where_in_flow(
        &self,
        trial: &Trial,
        played: &Played,
        (s, p): (usize, usize),
    ) -> Option<(usize, u32)> {
        let flow = self.flow(trial);
        let frames = self.frames(trial, self.foot(trial));
        let mut used = vec![0u32; frames.len() + 1];
        for piece in &played.pieces {
            let at = used.get(piece.column).copied().unwrap_or(0);
            if flow[piece.item].1 == Ref::Photo(s, p) {
                let frame = frames.get(piece.column)?;
                return Some((frame.stack, frame.top + at));
            }
            if let Some(u) = used.get_mut(piece.column) {
                *u += piece.to - piece.from;
            }
        }
        None
    }

    /// Slides each wide photo across the very stacks of `new` out of its way, up over it or
    /// down under it as their sections read, with a leg of text between, at its lowest height
    /// if it must: a make-up
    /// editor setting a second photo across the same stacks moves the first. None where one
    /// cannot make way inside the body.
    pub(super) fn make_way(
        &self,
        g: usize,
        wide: &mut [Wide],
        new: &Wide,
        foot: u32,
    ) -> Option<()> {
        let highest = self.tops[g][new.stack..new.stack + new.span]
            .iter()
            .max()
            .copied()
            .unwrap_or(0);
        let new_bottom = new.top + self.wide_total(g, new);
        for w in wide
            .iter_mut()
            .filter(|w| (w.stack, w.span) == (new.stack, new.span))
        {
            let bottom = w.top + self.wide_total(g, w);
            if bottom + MIN_LEG <= new.top || new_bottom + MIN_LEG <= w.top {
                continue;
            }
            let (lo, _, _) = self.wide_range(g, (w.section, w.photo), w.span)?;
            // Over stacks read row by row, the earlier section's photo stands over the later.
            let over = (w.section, w.top) <= (new.section, new.top);
            // Over it, a leg of text over both where there is room, else the first at the
            // columns' top.
            let (lines, top) = [
                (w.lines, highest + MIN_LEG),
                (lo, highest + MIN_LEG),
                (w.lines, highest),
                (lo, highest),
            ]
            .into_iter()
            .find_map(|(lines, highest)| {
                let total = lines + self.wide_caption(g, w);
                if over {
                    let top = new.top.checked_sub(MIN_LEG + total)?;
                    (top >= highest).then_some((lines, top))
                } else {
                    (new_bottom + MIN_LEG + total <= foot).then_some((lines, new_bottom + MIN_LEG))
                }
            })?;
            (w.lines, w.top) = (lines, top);
        }
        Some(())
    }

    /// The best page from `trial` by single moves, then from a few shaken copies of it.
    fn settle(&self, trial: Trial) -> (Score, Trial) {
        let (mut score, mut trial) = self.improve(trial);
        let mut rng = crate::makeup::random::Xorshift::new(0x9E6C_63D0_676A_9A99);
        for _ in 0..SHAKES {
            let (s, t) = self.improve(self.shake(&trial, &mut rng));
            if s.better_than(&score) {
                (score, trial) = (s, t);
            }
        }
        (score, trial)
    }

    /// A page that leaves lines empty made up again with photos set wider than their stack,
    /// one more at a time, as long as that makes a better page: for each photo in the flow,
    /// each span and each stack it may start from, the photo at the line it stood on, the
    /// best few of those improved in full. A page that fills but sets a photo as a strip in
    /// a stack (`sliver`) is tried with that photo wide: the others give it the room.
    pub(super) fn fill(&self, mut score: Score, mut trial: Trial) -> (Score, Trial) {
        while score.fits && trial.wide.len() < MAX_WIDE {
            let short = self.leaves_a_foot_empty(&trial);
            let slivers = self.slivers(&trial);
            if !short && slivers.is_empty() {
                break;
            }
            let g = trial.grid;
            let stacks = self.tops[g].len();
            let foot = self.foot(&trial);
            let played = self.play(&trial, foot);
            // Lines the other moves can still take up: a line over each head, a line more of
            // each photo in the flow, the lines each column's foot may stand empty.
            let slack = self.m.sections.len() as u32
                + self.m.tolerance * stacks as u32
                + self
                    .m
                    .sections
                    .iter()
                    .map(|s| s.photos.len() as u32)
                    .sum::<u32>();
            let mut firsts: Vec<(Score, Trial)> = Vec::new();
            for (s, section) in self.m.sections.iter().enumerate() {
                for p in 0..section.photos.len() {
                    let sliver = slivers.contains(&(s, p));
                    if self.in_band(&trial, s, p) || self.is_wide(&trial, s, p) || !short && !sliver
                    {
                        continue;
                    }
                    let Some((stack, _)) = self.where_in_flow(&trial, &played, (s, p)) else {
                        continue;
                    };
                    let in_flow = trial.lines[s][p] + self.m.sections[s].photos[p].caption[g];
                    for span in 2..=stacks {
                        let Some((lo, natural, hi)) = self.wide_range(g, (s, p), span) else {
                            continue;
                        };
                        // Set wide, the photo takes at least this many more lines: a page
                        // shorter than that by more than the slack cannot take it.
                        let caption = self.m.sections[s].photos[p].wide_caption[g][span - 2];
                        let added = (span as u32 * (lo + caption)).saturating_sub(in_flow);
                        if added > score.empty + slack && !sliver {
                            continue;
                        }
                        let first = stack.saturating_sub(span - 1);
                        for from in first..=stack.min(stacks - span) {
                            let w = Wide {
                                section: s,
                                photo: p,
                                stack: from,
                                span,
                                top: 0,
                                lines: natural.clamp(lo, hi),
                            };
                            // At every line under the columns' tops it spans and over the
                            // foot, the best kept: where its section's text stands around it.
                            let highest = self.tops[g][from..from + span].iter().max();
                            let lowest = foot.saturating_sub(self.wide_total(g, &w));
                            let tops = highest.copied().unwrap_or(0)..=lowest;
                            let placed = |at: Option<usize>| {
                                tops.clone()
                                    .filter_map(|top| {
                                        let mut t = trial.clone();
                                        if let Some(at) = at {
                                            t.at[s].iter_mut().for_each(|a| *a = at);
                                        }
                                        let w = Wide { top, ..w.clone() };
                                        self.make_way(g, &mut t.wide, &w, foot)?;
                                        t.wide.push(w);
                                        Some((self.score(&t), t))
                                    })
                                    .min_by(|(a, _), (b, _)| {
                                        a.key()
                                            .partial_cmp(&b.key())
                                            .unwrap_or(std::cmp::Ordering::Equal)
                                    })
                            };
                            // Where no line reads with its section, its section's photos after
                            // any of its paragraphs: the text above and under it is what moves.
                            let mut best = placed(None);
                            if best.as_ref().is_some_and(|(b, _)| b.cost >= FEATURE.astray) {
                                best = (0..section.paragraphs.len().max(1))
                                    .filter_map(|at| placed(Some(at)))
                                    .chain(best)
                                    .min_by(|(a, _), (b, _)| {
                                        a.key()
                                            .partial_cmp(&b.key())
                                            .unwrap_or(std::cmp::Ordering::Equal)
                                    });
                            }
                            firsts.extend(best);
                        }
                    }
                }
            }
            best_first(&mut firsts, |(score, _)| score);
            // Each first placement improved as a page with that photo wide: taking it back into
            // its stack is the page the fill started from.
            let fixed = Context {
                wide_fixed: true,
                ..self.clone()
            };
            let mut improved = false;
            for (_, t) in firsts.into_iter().take(TRIED) {
                let (s, t) = fixed.settle(t);
                // A leg over the photo a line short of it, or a foot a few lines short: 拉行
                // runs them down, as it would the page's last column.
                let (s, t) = if s.fits && s.empty < score.empty && !fixed.made_flush(&t) {
                    fixed.loosen(s, t)
                } else {
                    (s, t)
                };
                if s.better_than(&score) && self.flush(&t) {
                    (score, trial) = (s, t);
                    improved = true;
                }
            }
            if !improved {
                break;
            }
        }
        (score, trial)
    }
}
