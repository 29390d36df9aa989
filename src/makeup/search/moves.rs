//! The moves of the search: every single change of a trial a make-up editor might try (a photo
//! a line taller or shorter, photos after another paragraph, a line of space over a head or the
//! credit), the best one taken until none improves the page, and shaken copies to start again.

use super::{Context, MAX_HEAD_SPACE, Score, Trial};
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
                *at = next(self.m.sections[s].paragraphs.len().max(1));
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
                let last = self.m.sections[s].paragraphs.len().saturating_sub(1);
                for next in [trial.at[s].wrapping_sub(1), trial.at[s] + 1] {
                    if next <= last {
                        let mut t = trial.clone();
                        t.at[s] = next;
                        out.push(t);
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
}
