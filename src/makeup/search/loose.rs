//! 拉行: a make-up editor's last fill. Where the page still leaves a column's foot empty (or a
//! column other than the last ends short, by as little as a line, which the house lets pass), a
//! paragraph whose last line is nearly full is set a touch looser (`loose-tracking`), so it
//! runs a line longer; one at a time, the one that improves the page most, as long as one
//! does, never two side by side. Only paragraphs the measure pass found a line longer set so
//! (`SectionMeasures::loose`), and only where that fills the page: text set loose on a page
//! still reported underset would read sparser for nothing. The same move runs a leg over a
//! wide photo down to it, where a head or a paragraph too short to split left a line of white
//! over the photo (`fill`).

use super::{Context, Score, Trial};

impl Context<'_> {
    /// `trial` with paragraphs set loose, one at a time, while that makes a better page, if
    /// the page then leaves no foot empty and every leg over a wide photo runs down to it;
    /// else `trial` as it is.
    pub(super) fn loosen(&self, score: Score, trial: Trial) -> (Score, Trial) {
        let (mut best_score, mut best) = (score, trial.clone());
        while best_score.fits && (self.ends_short(&best) || !self.flush(&best)) {
            let g = best.grid;
            let mut next: Option<(Score, Trial)> = None;
            for (s, section) in self.m.sections.iter().enumerate() {
                for p in 0..section.paragraphs.len() {
                    // Never two side by side: a run of loose paragraphs reads as a lighter
                    // block of the page.
                    let beside =
                        |q: Option<usize>| q.is_some_and(|q| best.loose[s].get(q) == Some(&true));
                    if best.loose[s][p]
                        || beside(p.checked_sub(1))
                        || beside(Some(p + 1))
                        || self.starts_set(s, p, g, true).is_none()
                    {
                        continue;
                    }
                    let mut t = best.clone();
                    t.loose[s][p] = true;
                    // The paragraph a line longer where it stands, and the page made up again
                    // around it: the first runs a leg down to a wide photo the second may move.
                    let flipped = (self.score(&t), t.clone());
                    for (sc, t) in [flipped, self.improve(t)] {
                        if sc.better_than(next.as_ref().map_or(&best_score, |(b, _)| b)) {
                            next = Some((sc, t));
                        }
                    }
                }
            }
            match next {
                Some(better) => (best_score, best) = better,
                None => break,
            }
        }
        if self.leaves_a_foot_empty(&best) || !self.flush(&best) {
            (score, trial)
        } else {
            (best_score, best)
        }
    }
}
