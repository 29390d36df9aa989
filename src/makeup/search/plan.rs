//! From the winning trial to the plan the template draws, a short page first balanced.

use super::super::flow::Played;
use super::super::{Band, FlowItem, Frame, PhotoPlan, Plan, WidePhoto};
use super::score::{low_heads, placed, tombstones};
use super::{Context, Ref, Trial};
use crate::makeup::FlowKind;
use crate::makeup::HOLE_LINES;
use crate::makeup::costs::FEATURE;

impl Context<'_> {
    /// A page that leaves more than the house tolerance empty at its end, made up again with
    /// its columns' foot higher until everything fits: its stacks then end together, the empty
    /// lines in one strip under them rather than a column standing empty. The trial for that
    /// foot and the foot, or nothing if the page needs no balancing.
    pub(super) fn balance(&self, trial: Trial) -> (Trial, Option<u32>) {
        let m = self.m;
        let foot = self.foot(&trial);
        let played = self.play(&trial, foot);
        if !played.fits || played.left + played.waste <= m.tolerance {
            return (trial, None);
        }
        let lowest = self.lowest_foot(&trial, &played);
        let full = self.columns(&trial, foot);
        // The emptiest column foot of the body area: what balancing must lessen to be worth it.
        let deepest = |p: &Played| {
            full.iter()
                .zip(&p.used)
                .map(|(&c, &u)| c.saturating_sub(u))
                .max()
                .unwrap_or(0)
        };
        // The longest run of empty lines inside a column, above the strip under them all.
        let gap = |p: &Played, columns: &[u32]| {
            columns
                .iter()
                .zip(&p.used)
                .map(|(&c, &u)| c.saturating_sub(u))
                .max()
                .unwrap_or(0)
        };
        let before = deepest(&played);
        let empty_column = full
            .iter()
            .zip(&played.used)
            .any(|(&c, &u)| c > 0 && u == 0);
        // The highest foot that holds everything, or up to two lines lower when the stacks
        // then end closer together (a stack two lines short of the others is within the house
        // tolerance; three is a hole above whatever follows the columns).
        // (longest run inside a column, emptiest foot, the trial, its foot, first that fitted)
        // Heads side by side a foot would set are avoided where another foot balances the page
        // as well; only where none does is one taken (unbalanced, the page leaves whole
        // columns empty).
        let side_by_side = |cx: &Context, t: &Trial, foot: u32, p: &Played| {
            tombstones(&placed(&cx.flow(t), &cx.frames(t, foot), p))
        };
        let were_side_by_side = side_by_side(self, &trial, foot, &played);
        let search = |avoid_side_by_side: bool| {
            let mut found: Option<(u32, u32, Trial, u32, u32)> = None;
            for lines in (lowest..foot).take(40) {
                if found.as_ref().is_some_and(|f| lines > f.4 + 2) {
                    break;
                }
                let mut lower = self.clone();
                lower.capacity = lines + self.band_total(&trial);
                // The photos `fill` set wide stay wide: they are what fills the page.
                lower.wide_fixed = true;
                let (score, made) = lower.improve(trial.clone());
                // (Nor one that buys its level feet with what is as good as forbidden: a wide
                // photo astray, white over a photo.)
                if !score.fits || score.cost >= FEATURE.white_over_photo {
                    continue;
                }
                let made_foot = lower.foot(&made);
                let balanced = lower.play(&made, made_foot);
                if !lower.flush(&made) {
                    continue;
                }
                // A higher foot may leave a head only its photo, or a few lines at a column's
                // foot with its section running on in the next (a reviewer's page, balanced,
                // left a head 3 lines from the foot): not worth it.
                if balanced.stranded > played.stranded
                    || low_heads(&lower.flow(&made), &balanced)
                        > low_heads(&self.flow(&trial), &played)
                    || avoid_side_by_side
                        && side_by_side(&lower, &made, made_foot, &balanced) > were_side_by_side
                {
                    continue;
                }
                let after = deepest(&balanced);
                let first = found.as_ref().map_or(lines, |f| f.4);
                let gap = gap(&balanced, &lower.columns(&made, made_foot));
                let better = found.as_ref().is_none_or(|f| {
                    gap.saturating_sub(m.tolerance) < f.0.saturating_sub(m.tolerance)
                });
                if better {
                    found = Some((gap, after, made, made_foot, first));
                    if gap <= m.tolerance {
                        break;
                    }
                }
            }
            found
        };
        // Stacks that end level (no run as long as a hole above the strip under them) are
        // worth the higher foot; stacks that cannot, only where that at least halves the
        // deepest white: a page whose first columns stop short of the foot while its last
        // still ends far above reads as neither full nor balanced (a reviewer's page ended 6,
        // 6 and 22 lines short of its foot; at the full foot, 0, 0 and 34).
        let worth = |(gap, after, ..): &(u32, u32, Trial, u32, u32)| {
            *after < before && (*gap < HOLE_LINES || 2 * after <= before)
        };
        // Such a page with heads side by side beats one that keeps them apart but is not worth
        // its foot (a reviewer's short page kept its heads apart by ending two columns at line
        // 71 over a third holding 5 lines, where all three would have ended level at 57).
        let apart = search(true).filter(|(_, after, ..)| *after < before);
        let found = if apart.as_ref().is_some_and(worth) {
            apart
        } else {
            let any = search(false);
            if any.as_ref().is_some_and(worth) || apart.is_none() {
                any
            } else {
                apart
            }
        };
        match found {
            // A column left wholly empty is worse than a foot not worth it.
            Some(f @ (_, after, ..)) if worth(&f) || (after < before && empty_column) => {
                let (_, _, made, made_foot, _) = f;
                (made, Some(made_foot))
            }
            Some(_) => (trial, Some(foot)),
            None => (trial, None),
        }
    }

    /// The highest foot worth trying for a page that played as `played`: its lines spread
    /// evenly over the stacks, and never above a head, its text and a little under the
    /// highest column's top (a few lines of text need no balancing, and columns that tight
    /// leave no room for the rules).
    fn lowest_foot(&self, trial: &Trial, played: &Played) -> u32 {
        let m = self.m;
        let tops = &self.tops[trial.grid];
        let stacks = tops.len().max(1) as u32;
        let used: u32 = played.used.iter().sum::<u32>()
            + trial
                .wide
                .iter()
                .map(|w| self.wide_total(trial.grid, w) * w.span as u32)
                .sum::<u32>();
        let top_sum: u32 = tops.iter().sum();
        let highest = tops.iter().copied().min().unwrap_or(0);
        (used + top_sum)
            .div_ceil(stacks)
            .max(highest + self.head_lines + self.head_air + 1 + m.keep + 2 * m.tolerance)
    }

    /// The plan the template draws for a trial, its columns' foot at `balanced` if it was
    /// balanced.
    pub(super) fn plan(&self, trial: &Trial, balanced: Option<u32>) -> Plan {
        let m = self.m;
        let g = trial.grid;
        let full = self.foot(trial);
        let stacks = m.grids[g].stacks;
        let tops = self.tops[g].clone();
        let mut played = self.play(trial, balanced.unwrap_or(full));
        let mut foot = balanced.unwrap_or(full);
        if balanced.is_none() && played.fits && played.left > m.tolerance {
            // The highest foot that holds everything, or a line or a few lower if the stacks
            // then end closer together (heads and paragraph rules move whole lines).
            // Where each column ends, as a line of the body: the stacks of a short page end
            // level.
            let spread = |p: &Played, frames: &[Frame], columns: &[u32]| {
                // Each stack's last frame that holds anything.
                let mut ends = vec![None; stacks as usize];
                for ((f, u), c) in frames.iter().zip(&p.used).zip(columns) {
                    if *c > 0 && *u > 0 {
                        ends[f.stack] = Some(f.top + u);
                    }
                }
                let ends: Vec<u32> = ends.into_iter().flatten().collect();
                ends.iter().max().unwrap_or(&0) - ends.iter().min().unwrap_or(&0)
            };
            let mut best: Option<(u32, u32, Played)> = None;
            for lines in self.lowest_foot(trial, &played)..full {
                let balanced = self.play(trial, lines);
                let mut at = self.clone();
                at.capacity = lines + self.band_total(trial);
                if !balanced.fits || !self.placed(trial, lines) || !at.flush(trial) {
                    continue;
                }
                let first = best.as_ref().map_or(lines, |(_, first, _)| *first);
                if lines > first + 6 {
                    break;
                }
                let cost = spread(
                    &balanced,
                    &self.frames(trial, lines),
                    &self.columns(trial, lines),
                ) + (lines - first);
                if best.as_ref().is_none_or(|(s, _, _)| cost < *s) {
                    best = Some((cost, first, balanced));
                    foot = lines;
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
        let items = self.flow(trial);
        let mut flow: Vec<FlowItem> = played
            .pieces
            .iter()
            .map(|piece| {
                let (item, what) = items[piece.item];
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
                // A paragraph split between columns: where each of its lines here starts.
                let split = kind == FlowKind::Text && (piece.from > 0 || piece.to < item.lines);
                let loose = kind == FlowKind::Text && trial.loose[section][index];
                let starts = split
                    .then(|| self.starts_set(section, index, g, loose))
                    .flatten()
                    .map(|all| all[piece.from as usize..=piece.to as usize].to_vec());
                FlowItem {
                    kind,
                    section,
                    index,
                    lines: piece.to - piece.from,
                    frame: piece.column,
                    from: piece.from,
                    to: piece.to,
                    last: piece.to == item.lines,
                    starts,
                    loose,
                    photo,
                }
            })
            .collect();
        let frames = self.frames(trial, foot);
        // The credit closes the page standing on its foot, the few lines the house lets the
        // last column end short over it (with the space it has over it, no more than the
        // house's tolerance: more reads as a hole): under it they would float it over the foot.
        if let Some(credit) = flow.last_mut().filter(|it| it.kind == FlowKind::Credit)
            && let Some(f) = frames.get(credit.frame)
        {
            let room = f.lines.saturating_sub(played.used[credit.frame]);
            let space = credit.lines - m.credit.as_ref().map_or(0, |c| c[g]);
            if f.top + f.lines == foot && room + space <= m.tolerance {
                credit.lines += room;
                credit.to += room;
            }
        }
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
        let wide = trial
            .wide
            .iter()
            .map(|w| WidePhoto {
                stack: w.stack,
                span: w.span,
                top: w.top,
                after: drawn_after(&flow, &frames, w.stack..w.stack + w.span, w.top),
                photo: photo_plan(
                    w.section,
                    w.photo,
                    self.span_width(g, w.span),
                    w.lines,
                    self.wide_caption(g, w),
                ),
            })
            .collect();
        // Every line of the body's frames under the columns' tops that holds nothing.
        let area: u32 = self.frames(trial, full).iter().map(|f| f.lines).sum();
        let used: u32 = played.used.iter().take(frames.len()).sum();
        Plan {
            air: 0,
            stacks,
            stack_width: width,
            tops,
            frames,
            wide,
            foot,
            head_lines: self.head_lines,
            head_air: self.head_air,
            flow,
            band,
            lead: None,
            empty_lines: if played.fits {
                area - used
            } else {
                played.waste + self.short(trial, foot)
            },
            overset_lines: played.over,
        }
    }
}

/// The flow item after which a wide photo across `stacks` at line `top` is drawn: after the
/// paragraph that runs on from the legs over it to those under it ends, or after the last
/// item over it if none runs on.
fn drawn_after(
    flow: &[FlowItem],
    frames: &[Frame],
    stacks: std::ops::Range<usize>,
    top: u32,
) -> Option<usize> {
    let under = |f: &Frame| stacks.contains(&f.stack) && f.top > top;
    let first_under = frames.iter().position(under)?;
    let j = flow.iter().position(|item| item.frame >= first_under)?;
    if flow[j].from > 0 {
        flow[j..].iter().position(|item| item.last).map(|k| j + k)
    } else {
        j.checked_sub(1)
    }
}
