//! The moves of the search: every single change of a trial a make-up editor might try (a photo
//! a line taller or shorter, photos after another paragraph, a line of space over a head or the
//! credit), the best one taken until none improves the page, and shaken copies to start again.

use super::{Context, MAX_HEAD_SPACE, Ref, Score, Trial};
use crate::makeup::random::Xorshift;

impl Context<'_> {
    /// A copy of `trial` with about a third of its choices changed at random, within the rules.
    pub(super) fn shake(&self, trial: &Trial, rng: &mut Xorshift) -> Trial {
        let mut next = |n: usize| rng.below(n);
        let mut t = trial.clone();
        for (s, photos) in t.lines.iter_mut().enumerate() {
            for (p, lines) in photos.iter_mut().enumerate() {
                let (lo, _, hi) = self.ranges[t.grid][s][p];
                if next(3) == 0 {
                    *lines = lo + next((hi - lo + 1) as usize) as u32;
                }
            }
        }
        for (s, at) in t.at.iter_mut().enumerate() {
            if next(3) == 0 {
                let paragraphs = self.m.sections[s].paragraphs.len().max(1);
                for a in at.iter_mut() {
                    *a = next(paragraphs);
                }
                at.sort_unstable();
            }
        }
        let spaced = self.m.sections.len() + usize::from(self.m.credit.is_some());
        for space in t.space.iter_mut().take(spaced) {
            if next(3) == 0 {
                *space = next(MAX_HEAD_SPACE as usize + 1) as u32;
            }
        }
        t
    }

    /// The best of `trial` and of `shakes` shaken copies of the best so far, each improved.
    /// One move at a time stops at the first page no single move improves: starting again
    /// from a shaken copy (photos a line taller or shorter, photos further down, space over
    /// heads) is an editor trying a different sketch. Seeded: the same page always comes out
    /// the same.
    pub(super) fn shaken(
        &self,
        mut score: Score,
        mut trial: Trial,
        shakes: usize,
    ) -> (Score, Trial) {
        let mut rng = Xorshift::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..shakes {
            let (s, t) = self.improve(self.shake(&trial, &mut rng));
            if s.better_than(&score) {
                (score, trial) = (s, t);
            }
        }
        (score, trial)
    }

    /// Takes, one at a time, the single move that improves the page most.
    pub(super) fn improve(&self, mut trial: Trial) -> (Score, Trial) {
        let mut best = self.score(&trial);
        for _ in 0..500 {
            let mut improved = None;
            for candidate in self.moves(&trial) {
                let score = self.score(&candidate);
                if score.better_than(improved.as_ref().map_or(&best, |(s, _)| s)) {
                    improved = Some((score, candidate));
                }
            }
            match improved {
                Some((score, candidate)) => (best, trial) = (score, candidate),
                None => break,
            }
        }
        (best, trial)
    }

    fn moves(&self, trial: &Trial) -> Vec<Trial> {
        let mut out = Vec::new();
        for (s, photos) in trial.lines.iter().enumerate() {
            for (p, &lines) in photos.iter().enumerate() {
                if self.in_band(trial, s, p) || self.is_wide(trial, s, p) {
                    continue;
                }
                let (lo, _, hi) = self.ranges[trial.grid][s][p];
                for next in [lines.wrapping_sub(1), lines + 1] {
                    if (lo..=hi).contains(&next) {
                        let mut t = trial.clone();
                        t.lines[s][p] = next;
                        out.push(t);
                    }
                }
            }
            if !photos.is_empty() {
                // Photos stand within their section: some of its text follows them, so they
                // never read with the next section's head.
                // All of them a paragraph earlier or later, or one of them, in their order.
                let last = self.m.sections[s].paragraphs.len().saturating_sub(1);
                let at = &trial.at[s];
                for step in [usize::wrapping_sub, usize::wrapping_add] {
                    let all: Vec<usize> = at.iter().map(|&a| step(a, 1)).collect();
                    if all.iter().all(|&a| a <= last) {
                        let mut t = trial.clone();
                        t.at[s].copy_from_slice(&all);
                        out.push(t);
                    }
                    if at.len() > 1 {
                        for p in 0..at.len() {
                            let next = step(at[p], 1);
                            let after = p == 0 || at[p - 1] <= next;
                            let before = at.get(p + 1).is_none_or(|&b| next <= b);
                            if next <= last && after && before {
                                let mut t = trial.clone();
                                t.at[s][p] = next;
                                out.push(t);
                            }
                        }
                    }
                }
            }
        }
        let spaced = self.m.sections.len() + usize::from(self.m.credit.is_some());
        for s in 0..spaced {
            for next in [trial.space[s].wrapping_sub(1), trial.space[s] + 1] {
                if next <= MAX_HEAD_SPACE {
                    let mut t = trial.clone();
                    t.space[s] = next;
                    out.push(t);
                }
            }
        }
        self.gap_moves(trial, &mut out);
        self.wide_moves(trial, &mut out);
        if let Some(b) = &trial.band {
            for next in [trial.band_lines.wrapping_sub(1), trial.band_lines + 1] {
                if (b.range.0..=b.range.1).contains(&next) {
                    let mut t = trial.clone();
                    t.band_lines = next;
                    out.push(t);
                }
            }
        }
        out
    }

    /// A make-up editor's answer to a column that ends short because the photo after it does
    /// not fit: the photo made as tall as the room (it then closes the column), or the photo
    /// over the gap made taller to close it, within its crop. Single line moves reach neither
    /// when the gap is more than a line.
    fn gap_moves(&self, trial: &Trial, out: &mut Vec<Trial>) {
        let foot = self.foot(trial);
        let frames = self.frames(trial, foot);
        let columns = super::score::fillable(&frames);
        let played = self.play(trial, foot);
        if !played.fits {
            return;
        }
        let flow = self.flow(trial);
        let g = trial.grid;
        let mut later_moves = Vec::new();
        let mut resize = |(s, p): (usize, usize), lines: u32| {
            let (lo, _, hi) = self.ranges[g][s][p];
            if (lo..=hi).contains(&lines) && lines != trial.lines[s][p] {
                let mut t = trial.clone();
                t.lines[s][p] = lines;
                out.push(t);
            }
        };
        for (column, (&room, &used)) in columns.iter().zip(&played.used).enumerate() {
            let gap = room.saturating_sub(used);
            if gap == 0 || used == 0 {
                continue;
            }
            let in_column: Vec<_> = played
                .pieces
                .iter()
                .filter(|p| p.column == column)
                .collect();
            let next = played.pieces.iter().find(|p| p.column > column);
            // The photo opening the next column, made to fit the room here.
            if let Some(&Ref::Photo(s, p)) = next.map(|n| &flow[n.item].1) {
                let caption = self.m.sections[s].photos[p].caption[g];
                resize((s, p), gap.saturating_sub(caption));
                // Or set after more of its section's paragraphs, which close the column
                // instead (and the photos after it no earlier).
                let last = self.m.sections[s].paragraphs.len().saturating_sub(1);
                for at in trial.at[s][p] + 1..=last {
                    let mut t = trial.clone();
                    for a in t.at[s].iter_mut().skip(p) {
                        *a = (*a).max(at);
                    }
                    later_moves.push(t);
                }
            }
            // Any photo of this column made taller by the gap.
            for piece in in_column {
                if let Ref::Photo(s, p) = flow[piece.item].1 {
                    resize((s, p), trial.lines[s][p] + gap);
                }
            }
        }
        out.extend(later_moves);
    }
}
