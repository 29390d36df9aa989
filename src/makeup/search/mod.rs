//! The search: for each column structure and each choice of band, photo heights and placements
//! improved one move at a time, as a make-up editor tries them; the page with the fewest empty
//! lines, then the least cropping, wins. `trial` is one such make-up and the flow it makes;
//! `band` finds the bands worth trying; `moves` makes
//! the changes one at a time and the shaken restarts; `score` weighs a trial; `wide` sets
//! photos across stacks to fill a short page, `reading` says which of them read with their
//! section; `plan` turns the winning trial into the plan
//! (balancing a short page so its stacks end together).

mod air;
mod band;
mod loose;
#[cfg(test)]
mod measured;
mod moves;
mod nested;
mod plan;
mod reading;
mod score;
#[cfg(test)]
mod tests;
mod trial;
mod wide;

use std::cmp::Ordering;

use super::lead::{self, LeadChoice};
use super::photo::{self, Grid, Rules};
use super::{LeadPlan, Measures, Plan};
use crate::makeup::costs::FEATURE;
use air::Air;
use band::band_choices;
use score::Score;
use trial::{Ref, Trial};

/// The fewest lines a column (a leg) may hold: a column shorter than this under a tall lead
/// photo is left empty, a hole the score counts, rather than holding a line or two.
pub(super) const MIN_LEG: u32 = 4;

/// Picture lines of a photo in one stack at or under which it reads as a strip, not a picture:
/// a panorama of 3:1 is 6 lines at a stack's width (86 mm), a 2:1 one 9. Where it may stand
/// across two stacks, the page pays for it (`FEATURE.sliver`) and `fill` tries it wide.
pub(super) const SLIVER: u32 = 8;

/// Shaken copies of the best page tried (`finish`).
const SHAKES: usize = 12;

/// How many ways of setting the lead, best on a sketch, are made up in full.
const LEADS_IN_FULL: usize = 5;

/// Lines of space a head may take over it: one opens a page up where its columns would
/// otherwise end unevenly; two, with the head's own space, already read as a hole.
pub(super) const MAX_HEAD_SPACE: u32 = 1;

#[derive(Clone)]
struct Context<'a> {
    m: &'a Measures,
    /// Lines of the body under the heads: the lead's, the columns' and the band's.
    capacity: u32,
    /// For each grid, where each stack's column starts: the lines the lead takes over it.
    tops: Vec<Vec<u32>>,
    /// For each grid, the lines of white the lead band leaves over each stack, as preflight
    /// sees them (`lead::seen_white`).
    lead_white: Vec<Vec<u32>>,
    /// For each grid, whether each stack's column starts right under the lead's photo.
    under_photo: Vec<Vec<bool>>,
    grid: Grid,
    head_lines: u32,
    /// Lines every head is opened by (`air`): 0 but on a page that fills no other way.
    head_air: u32,
    /// Allowed picture lines of each photo in a stack of each grid: (lo, natural, hi).
    ranges: Vec<Vec<Vec<(u32, u32, u32)>>>,
    /// Moves keep every wide photo wide (while `fill` tries a page with one more).
    wide_fixed: bool,
}

impl<'a> Context<'a> {
    /// The search's context for the page `m` describes, no lead set yet (`set_lead`).
    fn new(m: &'a Measures) -> Self {
        let grid = Grid {
            pitch: m.pitch,
            gap: m.gap,
        };
        let head_lines = if m.sections.len() >= m.compact_from {
            m.compact_head_lines
        } else {
            m.head_lines
        };
        let ranges = m
            .grids
            .iter()
            .map(|g| {
                m.sections
                    .iter()
                    .map(|s| {
                        s.photos
                            .iter()
                            .map(|p| {
                                range(
                                    m,
                                    grid,
                                    (p.width_px, p.height_px),
                                    p.max_crop,
                                    g.width,
                                    m.capacity / 2,
                                )
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Context {
            m,
            capacity: m.capacity,
            tops: Vec::new(),
            lead_white: Vec::new(),
            under_photo: Vec::new(),
            grid,
            head_lines,
            head_air: 0,
            ranges,
            wide_fixed: false,
        }
    }
}

/// The page `Context::page_to_set` chose: its trial, its lead, the air it is given, and
/// whether it fills.
struct ToSet {
    air: Air,
    trial: Trial,
    lead: Option<LeadChoice>,
    fills: bool,
}

/// Makes up the page the measures describe.
pub fn solve(m: &Measures) -> Plan {
    let mut cx = Context::new(m);
    let grid = cx.grid;
    let rules = Rules {
        max_crop: m.max_crop,
        warn_ppi: m.warn_ppi,
        min_lines: m.min_photo_lines,
    };
    let mut leads: Vec<Option<LeadChoice>> = m
        .lead
        .as_ref()
        .map(|l| {
            lead::choices(l, grid, rules, m.error_ppi, m.keep)
                .into_iter()
                .map(Some)
                .collect()
        })
        .unwrap_or_default();
    if leads.is_empty() {
        leads.push(None);
    }
    // Each way of setting the lead scored on a sketch (the house grid, no band, photos after
    // their section's first paragraph), then the few best made up in full: a lead that loses
    // the sketch by far does not win the page.
    let lead_cost = |cx: &Context, lead: &Option<LeadChoice>, g: usize| {
        lead.as_ref().map_or(0.0, |l| l.cost)
            + FEATURE.hole * f64::from(lead::white(cx.m, lead.as_ref(), g))
            + FEATURE.white_over_photo
                * f64::from(
                    lead::bare(cx.m, lead.as_ref(), g)
                        + lead::holes(cx.m, lead.as_ref(), g)
                        + lead::hole_lines(cx.m, lead.as_ref(), g),
                )
    };
    let mut sketched: Vec<(Score, Option<LeadChoice>)> = side_by_side(leads, |lead| {
        let mut cx = cx.clone();
        cx.set_lead(lead.as_ref());
        let (mut score, _) = cx.improve(cx.start(0, None, 1));
        score.cost += lead_cost(&cx, &lead, 0);
        (score, lead)
    });
    best_first(&mut sketched, |(score, _)| score);
    // The best way of each lead option first, then the next best: the few made up in full
    // differ in the lead's size, not only in a line of its photo.
    let mut seen = Vec::new();
    let (firsts, rest): (Vec<_>, Vec<_>) = sketched.into_iter().partition(|(_, lead)| {
        let option = lead.as_ref().map(|l| l.plan.option);
        let first = !seen.contains(&option);
        seen.push(option);
        first
    });
    let sketched: Vec<_> = firsts.into_iter().chain(rest).collect();
    // The best page of each lead and grid, best first: should the best leave lines empty,
    // the others are finished too (a smaller lead leaves room a wide photo fills; a wider
    // photo may fit one grid's stacks at a resolution another's do not allow).
    // Each lead made up on its own, side by side.
    let made_up = |leads: Vec<Option<LeadChoice>>| -> Vec<(Score, Trial, Option<LeadChoice>)> {
        let mut bests: Vec<_> = side_by_side(leads, |lead| cx.made_up_in_full(lead, &lead_cost))
            .into_iter()
            .flatten()
            .collect();
        best_first(&mut bests, |(score, _, _)| score);
        bests
    };
    let finished = |bests: Vec<(Score, Trial, Option<LeadChoice>)>| {
        let bests: Vec<_> = bests.into_iter().filter(|(s, _, _)| s.fits).collect();
        side_by_side(bests, |best| {
            finish(&mut cx.clone(), best, &lead_cost, SHAKES)
        })
    };
    let mut leads = sketched.into_iter().map(|(_, lead)| lead);
    let mut bests = made_up(leads.by_ref().take(LEADS_IN_FULL).collect()).into_iter();
    let first = bests.next().expect("at least one grid");
    let mut pages = vec![finish(&mut cx.clone(), first, &lead_cost, SHAKES)];
    let fills = |pages: &[(Score, Trial, Option<LeadChoice>)]| {
        let (score, trial, lead) = &pages[0];
        let mut cx = cx.clone();
        cx.set_lead(lead.as_ref());
        !score.fits || !cx.leaves_a_foot_empty(trial)
    };
    // (One that runs over does not come back from a few shakes to fill better.)
    if !fills(&pages) {
        pages.extend(finished(bests.collect()));
        best_first(&mut pages, |(score, _, _)| score);
    }
    // The best page, with paragraphs set loose; where that still leaves a foot empty, a page
    // made up in full that fills without a flaw, or the least air that fills one
    // (`page_to_set`).
    let lead_cost_of = |lead: &Option<LeadChoice>, g: usize| {
        let mut cx = cx.clone();
        cx.set_lead(lead.as_ref());
        lead_cost(&cx, lead, g)
    };
    // Still short: the other ways of setting the lead, which lost the sketch by leaving more
    // empty, made up in full too (a lead photo a few lines shorter leaves the room a photo
    // set wide takes), and the page settled from them all.
    let mut set = cx.page_to_set(&pages, &lead_cost_of);
    if !set.fills {
        pages.extend(finished(made_up(leads.collect())));
        best_first(&mut pages, |(score, _, _)| score);
        set = cx.page_to_set(&pages, &lead_cost_of);
    }
    let ToSet {
        air, trial, lead, ..
    } = set;
    cx.set_lead(lead.as_ref());
    cx.capacity -= air.title;
    cx.head_air = air.heads;
    let (trial, foot) = cx.balance(trial);
    let mut plan = cx.plan(&trial, foot);
    plan.air = air.title;
    plan.lead = lead.map(|l| LeadPlan {
        steps: lead::steps(m, &l.plan, trial.grid)
            .into_iter()
            .map(|s| (s.column as u32, s.top))
            .collect(),
        ..l.plan
    });
    plan
}

/// Sorts `items` by their score, best first (as `Score::better_than` orders them).
fn best_first<T>(items: &mut [T], score: impl Fn(&T) -> &Score) {
    items.sort_by(|a, b| {
        score(a)
            .key()
            .partial_cmp(&score(b).key())
            .unwrap_or(Ordering::Equal)
    });
}

/// `f` of each item, in their order, on as many threads as the machine has cores: the make-ups
/// of different leads and grids are independent, and the answer is the same on any machine.
fn side_by_side<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let mut shares: Vec<Vec<(usize, T)>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, item) in items.into_iter().enumerate() {
        shares[i % threads].push((i, item));
    }
    let f = &f;
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let running: Vec<_> = shares
            .into_iter()
            .map(|share| {
                scope.spawn(move || {
                    share
                        .into_iter()
                        .map(|(i, item)| (i, f(item)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        running
            .into_iter()
            .flat_map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// The best page from a made-up trial: shaken copies tried, then, if it still leaves lines
/// empty, photos set wider than their stack (`fill`). Its score counts the lead's cost.
fn finish(
    cx: &mut Context,
    (mut score, trial, lead): (Score, Trial, Option<LeadChoice>),
    lead_cost: &dyn Fn(&Context, &Option<LeadChoice>, usize) -> f64,
    shakes: usize,
) -> (Score, Trial, Option<LeadChoice>) {
    cx.set_lead(lead.as_ref());
    let lead_cost = lead_cost(cx, &lead, trial.grid);
    score.cost -= lead_cost;
    let (score, trial) = cx.shaken(score, trial, shakes);
    // A page that still leaves lines empty: photos set wider than their stack.
    let (mut score, trial) = cx.fill(score, trial);
    score.cost += lead_cost;
    (score, trial, lead)
}

/// Allowed picture lines at `width` (see `photo::heights`), capped at `max` lines.
fn range(
    m: &Measures,
    grid: Grid,
    px: (u32, u32),
    max_crop: Option<f64>,
    width: f64,
    max: u32,
) -> (u32, u32, u32) {
    let rules = Rules {
        max_crop: max_crop.unwrap_or(m.max_crop).max(m.max_crop),
        warn_ppi: m.warn_ppi,
        min_lines: m.min_photo_lines,
    };
    let (lo, natural, hi) = photo::heights(px, width, grid, rules);
    let max = max.max(rules.min_lines);
    (lo.min(max), natural.min(max), hi.min(max))
}

impl Context<'_> {
    /// The best page of each grid under `lead` (each band tried, its section's photos after
    /// its first paragraph or none), its score counting the lead's cost.
    fn made_up_in_full(
        &self,
        lead: Option<LeadChoice>,
        lead_cost: &dyn Fn(&Context, &Option<LeadChoice>, usize) -> f64,
    ) -> Vec<(Score, Trial, Option<LeadChoice>)> {
        let mut cx = self.clone();
        cx.set_lead(lead.as_ref());
        let mut bests = Vec::new();
        for g in 0..self.m.grids.len() {
            let mut grid_best: Option<(Score, Trial)> = None;
            for band in std::iter::once(None).chain(band_choices(&cx).into_iter().map(Some)) {
                for at in [0, 1] {
                    let trial = cx.start(g, band.clone(), at);
                    let (mut score, trial) = cx.improve(trial);
                    score.cost += lead_cost(&cx, &lead, g);
                    if grid_best.as_ref().is_none_or(|(b, _)| score.better_than(b)) {
                        grid_best = Some((score, trial));
                    }
                }
            }
            bests.extend(grid_best.map(|(s, t)| (s, t, lead.clone())));
        }
        bests
    }

    /// The page to set from `pages` (best first) and the air it is given: the best, with
    /// paragraphs set loose (拉行); where that still leaves a foot empty, a page made up in full
    /// that fills without a flaw, or the least air that fills one, whichever scores better.
    /// Fill, don't report: such a page wins over the best, whatever else it costs (heads side
    /// by side, a tower), for a page that leaves a foot empty cannot go to press; where none
    /// of these fills, the best page, loosened. `lead_cost`: a lead's cost at a grid.
    fn page_to_set(
        &self,
        pages: &[(Score, Trial, Option<LeadChoice>)],
        lead_cost: &(dyn Fn(&Option<LeadChoice>, usize) -> f64 + Sync),
    ) -> ToSet {
        let (score, trial, lead) = pages[0].clone();
        let mut cx = self.clone();
        cx.set_lead(lead.as_ref());
        let (mut loose_score, loosened) = cx.loosen(score, trial);
        loose_score.cost += lead_cost(&lead, loosened.grid);
        let set = |air, trial, lead, fills| ToSet {
            air,
            trial,
            lead,
            fills,
        };
        if !loose_score.fits || !cx.leaves_a_foot_empty(&loosened) {
            return set(Air::default(), loosened, lead, true);
        }
        let full = pages.iter().find(|(score, trial, lead)| {
            let mut cx = cx.clone();
            cx.set_lead(lead.as_ref());
            cx.made_up(score, trial, lead.as_ref())
        });
        match (full, cx.fill_with_air(pages, lead_cost)) {
            (Some((score, trial, lead)), aired)
                if aired
                    .as_ref()
                    .is_none_or(|(a, _, _, _)| !a.better_than(score)) =>
            {
                set(Air::default(), trial.clone(), lead.clone(), true)
            }
            (_, Some((_, air, trial, lead))) => set(air, trial, lead, true),
            _ => set(Air::default(), loosened, lead, false),
        }
    }

    /// Whether a page fills (no column foot emptier than the house lets pass) without a
    /// flaw of its own or of its lead's (`Score::flaws`, `lead::flaws`): a page made up.
    fn made_up(&self, score: &Score, trial: &Trial, lead: Option<&LeadChoice>) -> bool {
        score.fits
            && score.flaws == 0
            && lead::flaws(self.m, lead, trial.grid) == 0
            && !self.leaves_a_foot_empty(trial)
    }

    /// Makes up the body under `lead`: where each stack's column starts.
    fn set_lead(&mut self, lead: Option<&LeadChoice>) {
        let plan = lead.map(|l| &l.plan);
        self.tops = lead::tops(self.m, plan);
        self.under_photo = lead::under_photo(self.m, plan);
        self.lead_white = (0..self.m.grids.len())
            .map(|g| lead::seen_white(self.m, plan, g))
            .collect();
    }
}
