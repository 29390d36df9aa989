//! Air in the headline's band: a make-up editor's fill for a page a few lines short in every
//! stack, which neither photos nor 拉行 close. Each line of air starts the body a grid line
//! lower, so every stack holds a line less; the page is made up again under it (its moves,
//! shaken copies, 拉行) and the fewest lines of air that fill it are taken. Where none fills
//! the page, none is given: the white would only move from the columns' feet to the title.

use super::{Context, SHAKES, Trial};

impl Context<'_> {
    /// The fewest lines of air, up to the house's `headline-air`, under which the page made up
    /// again from `trial` leaves no column foot empty, with that page.
    pub(super) fn air(&self, trial: &Trial) -> Option<(u32, Trial)> {
        (1..=self.m.headline_air).find_map(|air| {
            let mut cx = self.clone();
            cx.capacity = self.capacity.checked_sub(air)?;
            let (score, best) = cx.improve(trial.clone());
            let (score, best) = cx.shaken(score, best, SHAKES);
            let (score, best) = cx.loosen(score, best);
            (score.fits && !cx.leaves_a_foot_empty(&best)).then_some((air, best))
        })
    }
}
