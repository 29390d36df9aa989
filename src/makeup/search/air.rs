//! Air around the title: a make-up editor's fill for a page a few lines short in every
//! stack, which neither photos nor 拉行 close. Each line of air starts the body a grid line
//! lower, so every stack holds a line less; the page is made up again under it (its moves,
//! shaken copies, 拉行), and the fewest lines of air that fill one of the pages made up in
//! full are taken (a lead with a taller photo may need less), if that page scores better than
//! the best without air (a page filled by coarse photos is not). Where none fills a page, none
//! is given: the white would only move from the columns' feet to the title.

use super::{Context, SHAKES, Score, Trial, side_by_side};
use crate::makeup::costs::FEATURE;
use crate::makeup::lead::LeadChoice;

/// A page made up in full: its score (the lead's cost included), the trial, its lead.
type Page = (Score, Trial, Option<LeadChoice>);

impl Context<'_> {
    /// The fewest lines of air that fill one of `pages` (the first, in their order, of those
    /// that fill with as many), as it is then made up, if it scores better than `beat`, the
    /// best page without air. `lead_cost`: a lead's cost at a grid.
    pub(super) fn fill_with_air(
        &self,
        pages: &[Page],
        beat: &Score,
        lead_cost: &(dyn Fn(&Option<LeadChoice>, usize) -> f64 + Sync),
    ) -> Option<(u32, Trial, Option<LeadChoice>)> {
        (1..=self.m.headline_air).find_map(|air| {
            side_by_side(pages.to_vec(), |(score, trial, lead)| {
                let mut cx = self.clone();
                cx.set_lead(lead.as_ref());
                let (mut filled, t) = cx.filled_with_air(&score, &trial, air)?;
                filled.cost += lead_cost(&lead, t.grid);
                filled.better_than(beat).then_some((air, t, lead))
            })
            .into_iter()
            .flatten()
            .next()
        })
    }

    /// The page made up again from `trial` under `air` lines of air, with its score (the air's
    /// cost included), if it then leaves no column foot empty. (A page shorter than the air
    /// and the house's other small fills can close is not made up again: most short pages
    /// are.)
    pub(super) fn filled_with_air(
        &self,
        score: &Score,
        trial: &Trial,
        air: u32,
    ) -> Option<(Score, Trial)> {
        let stacks = self.tops[trial.grid].len() as u32;
        let heads = self.m.sections.len() as u32 + 1;
        let loose: u32 = trial
            .loose
            .iter()
            .map(|l| l.len() as u32)
            .sum::<u32>()
            .div_ceil(2);
        if score.empty > air * stacks + self.m.tolerance + heads + loose {
            return None;
        }
        let mut cx = self.clone();
        cx.capacity = self.capacity.checked_sub(air)?;
        let (score, best) = cx.improve(trial.clone());
        let (score, best) = cx.shaken(score, best, SHAKES);
        let (mut score, best) = cx.loosen(score, best);
        score.cost += FEATURE.air * f64::from(air);
        (score.fits && !cx.leaves_a_foot_empty(&best)).then_some((score, best))
    }
}
