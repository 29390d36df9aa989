//! From the winning trial to the plan the template draws, a short page first balanced.

use super::super::flow::Played;
use super::super::{Band, FlowItem, PhotoPlan, Plan};
use super::{Context, Ref, Trial};
use crate::makeup::FlowKind;

impl Context<'_> {
    /// A page that leaves more than the house tolerance empty at its end, made up again in
    /// lower columns until everything fits: its stacks then end together, the empty lines in
    /// one strip under them rather than a column standing empty. The trial for those columns
    /// and their height, or nothing if the page needs no balancing.
    pub(super) fn balance(&self, trial: Trial) -> (Trial, Option<u32>) {
        let m = self.m;
        let capacity = self.capacity(&trial);
        let stacks = m.grids[trial.grid].stacks;
        let played = self.play(&trial, capacity);
        if !played.fits || played.left <= m.tolerance {
            return (trial, None);
        }
        let used: u32 = played.used.iter().sum();
        // Never lower than a head, its text and a little: a few lines of text need no
        // balancing, and columns that tight leave typst no room to agree with the plan.
        let lowest = used
            .div_ceil(stacks)
            .max(self.head_lines + 1 + m.keep + 2 * m.tolerance);
        // The emptiest column foot of the body area: what balancing must lessen to be worth it.
        let deepest = |p: &Played, lines: u32| {
            p.used[..stacks as usize]
                .iter()
                .map(|&u| capacity - lines + lines.saturating_sub(u))
                .max()
                .unwrap_or(0)
        };
        // The longest run of empty lines inside a column, above the strip under them all.
        let gap = |p: &Played, lines: u32| {
            p.used[..stacks as usize]
                .iter()
                .map(|&u| lines.saturating_sub(u))
                .max()
                .unwrap_or(0)
        };
        let before = deepest(&played, capacity);
        // The lowest columns that hold everything, or up to two lines taller when the stacks
        // then end closer together (a stack two lines short of the others is within the house
        // tolerance; three is a hole above whatever follows the columns).
        // (longest run inside a column, emptiest foot, the trial, its column lines, first height
        // that fitted)
        let mut found: Option<(u32, u32, Trial, u32, u32)> = None;
        for lines in (lowest..capacity).take(40) {
            if found.as_ref().is_some_and(|f| lines > f.4 + 2) {
                break;
            }
            let mut lower = self.clone();
            lower.capacity = lines + self.band_total(&trial);
            let (score, made) = lower.improve(trial.clone());
            if !score.fits {
                continue;
            }
            let column_lines = lower.capacity(&made);
            let balanced = lower.play(&made, column_lines);
            // Lower columns may leave a head only its photo: not worth it.
            if balanced.stranded > played.stranded {
                continue;
            }
            let after = deepest(&balanced, column_lines);
            let first = found.as_ref().map_or(lines, |f| f.4);
            let gap = gap(&balanced, column_lines);
            let better = found
                .as_ref()
                .is_none_or(|f| gap.saturating_sub(m.tolerance) < f.0.saturating_sub(m.tolerance));
            if better {
                found = Some((gap, after, made, column_lines, first));
                if gap <= m.tolerance {
                    break;
                }
            }
        }
        match found {
            Some((_, after, made, column_lines, _)) if after < before => (made, Some(column_lines)),
            Some(_) => (trial, Some(capacity)),
            None => (trial, None),
        }
    }

    /// The plan the template draws for a trial, in columns `balanced` lines tall if it was
    /// balanced.
    pub(super) fn plan(&self, trial: &Trial, balanced: Option<u32>) -> Plan {
        let m = self.m;
        let g = trial.grid;
        let capacity = self.capacity(trial);
        let stacks = m.grids[g].stacks;
        let mut played = self.play(trial, balanced.unwrap_or(capacity));
        let mut column_lines = balanced.unwrap_or(capacity);
        if balanced.is_none() && played.fits && played.left > m.tolerance {
            // The lowest columns that hold everything, or a line or a few taller if the stacks
            // then end closer together (heads and paragraph rules move whole lines).
            let used: u32 = played.used.iter().sum();
            let spread = |p: &Played| {
                let ends = &p.used[..stacks as usize];
                ends.iter().max().unwrap_or(&0) - ends.iter().min().unwrap_or(&0)
            };
            let mut best: Option<(u32, u32, Played)> = None;
            // Never lower than a head, its text and a little: a few lines of text need no
            // balancing, and columns that tight leave typst no room to agree with the plan.
            let lowest = used
                .div_ceil(stacks)
                .max(self.head_lines + 1 + m.keep + 2 * m.tolerance);
            for lines in lowest..capacity {
                let balanced = self.play(trial, lines);
                if !balanced.fits {
                    continue;
                }
                let first = best.as_ref().map_or(lines, |(_, first, _)| *first);
                if lines > first + 6 {
                    break;
                }
                if best
                    .as_ref()
                    .is_none_or(|(s, _, _)| spread(&balanced) + (lines - first) < *s)
                {
                    best = Some((spread(&balanced) + (lines - first), first, balanced));
                    column_lines = lines;
                }
            }
            if let Some((_, _, balanced)) = best {
                played = balanced;
            }
        }
        let width = m.grids[g].width;
        let photo_plan = |s: usize, p: usize, width: f64, lines: u32, caption: u32| {
            let ph = &m.sections[s].photos[p];
            let px = (ph.width_px, ph.height_px);
            PhotoPlan::new((Some(s), p), px, width, (lines, caption), self.grid)
        };
        let flow = self
            .flow(trial)
            .into_iter()
            .enumerate()
            .map(|(i, (item, what))| {
                let (kind, section, index, photo) = match what {
                    Ref::Head(s) => (FlowKind::Head, s, 0, None),
                    Ref::Text(s, i) => (FlowKind::Text, s, i, None),
                    Ref::Photo(s, p) => (
                        FlowKind::Photo,
                        s,
                        p,
                        Some(photo_plan(
                            s,
                            p,
                            width,
                            trial.lines[s][p],
                            m.sections[s].photos[p].caption[g],
                        )),
                    ),
                    Ref::Credit => (FlowKind::Credit, 0, 0, None),
                };
                FlowItem {
                    kind,
                    section,
                    index,
                    lines: item.lines,
                    column_break: played.breaks.contains(&i),
                    photo,
                }
            })
            .collect();
        let band = trial.band.as_ref().map(|b| Band {
            section: b.section,
            photos: b
                .photos
                .iter()
                .map(|&p| {
                    let caption = m.sections[b.section].photos[p].band_caption[b.photos.len() - 1];
                    photo_plan(b.section, p, b.width, trial.band_lines, caption)
                })
                .collect(),
            lines: self.band_total(trial),
        });
        Plan {
            stacks,
            stack_width: width,
            column_lines,
            head_lines: self.head_lines,
            flow,
            band,
            lead: None,
            empty_lines: if played.fits {
                played.waste + played.left + (capacity - column_lines) * stacks
            } else {
                played.waste
            },
            overset_lines: played.over,
        }
    }
}
