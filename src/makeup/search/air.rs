//! Air: a make-up editor's last fill for a page a few lines short in every stack, which
//! neither photos nor 拉行 close. First around the title: each line of air starts the body a
//! grid line lower, so every stack holds a line less. Then, where that is not enough, every
//! section head opened alike by a line (`section-head.typ` says where the line goes): each
//! head takes a line more, and the page keeps one rhythm. Under each such air the page is
//! made up again (its moves, shaken copies, 拉行), and the least air that fills one of the
//! pages made up in full is taken (a lead with a taller photo may need less), if that page
//! scores better than the best without air (a page filled by coarse photos is not). Where none
//! fills a page, none is given: the white would only move from the columns' feet to the title
//! and the heads.

use super::{Context, SHAKES, Score, Trial, side_by_side};
use crate::makeup::costs::FEATURE;
use crate::makeup::lead::{self, LeadChoice};

/// A page made up in full: its score (the lead's cost included), the trial, its lead.
type Page = (Score, Trial, Option<LeadChoice>);

/// Lines of air a page is given: around the title, and over every section head.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Air {
    pub(super) title: u32,
    pub(super) heads: u32,
}

impl Context<'_> {
    /// The airs to try, least first: the title's alone, then the heads opened with as little
    /// of the title's as fills.
    fn airs(&self) -> impl Iterator<Item = Air> + '_ {
        (0..=self.m.head_air).flat_map(move |heads| {
            (u32::from(heads == 0)..=self.m.headline_air).map(move |title| Air { title, heads })
        })
    }

    /// The least air that fills one of `pages` (the first, in their order, of those that fill
    /// with as much without a flaw, `Context::made_up`), as it is then made up, with its score (the
    /// lead's cost included). `lead_cost`: a lead's cost at a grid.
    pub(super) fn fill_with_air(
        &self,
        pages: &[Page],
        lead_cost: &(dyn Fn(&Option<LeadChoice>, usize) -> f64 + Sync),
    ) -> Option<(Score, Air, Trial, Option<LeadChoice>)> {
        self.airs().find_map(|air| {
            side_by_side(pages.to_vec(), |(score, trial, lead)| {
                let mut cx = self.clone();
                cx.set_lead(lead.as_ref());
                let (mut filled, t) = cx.filled_with_air(&score, &trial, air)?;
                filled.cost += lead_cost(&lead, t.grid);
                (filled.flaws == 0 && lead::flaws(cx.m, lead.as_ref(), t.grid) == 0)
                    .then_some((filled, air, t, lead))
            })
            .into_iter()
            .flatten()
            .next()
        })
    }

    /// The page made up again from `trial` under `air`, with its score (the air's cost
    /// included), if it then leaves no column foot empty. (A page shorter than the air and the
    /// house's other small fills can close is not made up again: most short pages are.)
    pub(super) fn filled_with_air(
        &self,
        score: &Score,
        trial: &Trial,
        air: Air,
    ) -> Option<(Score, Trial)> {
        let stacks = self.tops[trial.grid].len() as u32;
        let heads = self.m.sections.iter().filter(|s| s.head).count() as u32;
        let loose: u32 = trial
            .loose
            .iter()
            .map(|l| l.len() as u32)
            .sum::<u32>()
            .div_ceil(2);
        let spaces = self.m.sections.len() as u32 + 1;
        if score.empty > air.title * stacks + air.heads * heads + self.m.tolerance + spaces + loose
        {
            return None;
        }
        let mut cx = self.clone();
        cx.capacity = self.capacity.checked_sub(air.title)?;
        cx.head_air = air.heads;
        let (score, best) = cx.improve(trial.clone());
        let (score, best) = cx.shaken(score, best, SHAKES);
        let (mut score, best) = cx.loosen(score, best);
        score.cost += FEATURE.air * f64::from(air.title + air.heads * heads);
        (score.fits && !cx.leaves_a_foot_empty(&best)).then_some((score, best))
    }
}
