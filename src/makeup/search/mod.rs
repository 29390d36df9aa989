//! The search: for each column structure and each choice of band, photo heights and placements
//! improved one move at a time, as a make-up editor tries them; the page with the fewest empty
//! lines, then the least cropping, wins. `band` finds the bands worth trying; `moves` makes
//! the changes one at a time and the shaken restarts; `plan` turns the
//! winning trial into the plan (balancing a short page so its stacks end together).

mod band;
mod moves;
mod plan;
#[cfg(test)]
mod tests;
mod wide;

use std::cmp::Ordering;

use super::flow::{Item, Kind, Played, play};
use super::lead::{self, LeadChoice};
use super::photo::{self, Grid, Rules};
use super::{Frame, Measures, Plan};
use crate::makeup::costs::FEATURE;
use crate::units::ppi;
use band::{BandChoice, band_choices};
use wide::Wide;

/// One make-up to score: grid, band, each photo's picture lines, how many paragraphs of its
/// section stand before a section's photos, and lines of space over each head (at most
/// `MAX_HEAD_SPACE`) and, last, over the credit line.
#[derive(Debug, Clone, PartialEq)]
struct Trial {
    grid: usize,
    band: Option<BandChoice>,
    band_lines: u32,
    lines: Vec<Vec<u32>>,
    at: Vec<usize>,
    space: Vec<u32>,
    /// Photos set across stacks (`wide`), out of the flow.
    wide: Vec<Wide>,
}

/// The fewest lines a column (a leg) may hold: a column shorter than this under a tall lead
/// photo is left empty, a hole the score counts, rather than holding a line or two.
pub(super) const MIN_LEG: u32 = 4;

/// Shaken copies of the best page tried (`finish`).
const SHAKES: usize = 12;

/// How many ways of setting the lead, best on a sketch, are made up in full.
const LEADS_IN_FULL: usize = 3;

/// Lines of space a head may take over it: one opens a page up where its columns would
/// otherwise end unevenly; two, with the head's own space, already read as a hole.
pub(super) const MAX_HEAD_SPACE: u32 = 1;

/// What a flow item stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ref {
    Head(usize),
    Text(usize, usize),
    Photo(usize, usize),
    Credit,
}

#[derive(Clone)]
struct Context<'a> {
    m: &'a Measures,
    /// Lines of the body under the heads: the lead's, the columns' and the band's.
    capacity: u32,
    /// For each grid, where each stack's column starts: the lines the lead takes over it.
    tops: Vec<Vec<u32>>,
    grid: Grid,
    head_lines: u32,
    /// Allowed picture lines of each photo in a stack of each grid: (lo, natural, hi).
    ranges: Vec<Vec<Vec<(u32, u32, u32)>>>,
    /// Moves keep every wide photo wide (while `fill` tries a page with one more).
    wide_fixed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Score {
    fits: bool,
    over: u32,
    /// Lines of the flow beyond the frames' room (negative: room to spare): of two pages that
    /// run over alike, the one nearer to fitting is better, so a search that starts over the
    /// page takes the moves that bring it back a line at a time.
    excess: i64,
    empty: u32,
    cost: f64,
}

impl Score {
    fn better_than(&self, other: &Score) -> bool {
        match (self.fits, other.fits) {
            (true, false) => true,
            (false, true) => false,
            (false, false) => {
                (self.over, self.excess) < (other.over, other.excess)
                    || ((self.over, self.excess) == (other.over, other.excess)
                        && self.total() < other.total())
            }
            (true, true) => self.total() < other.total() - 1e-9,
        }
    }

    fn total(&self) -> f64 {
        f64::from(self.empty) + self.cost
    }

    /// Orders scores as `better_than` does, least first.
    fn key(&self) -> (bool, u32, i64, f64) {
        (
            !self.fits,
            if self.fits { 0 } else { self.over },
            if self.fits { 0 } else { self.excess },
            self.total(),
        )
    }
}

/// Makes up the page the measures describe.
pub fn solve(m: &Measures) -> Plan {
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
    let mut cx = Context {
        m,
        capacity: m.capacity,
        tops: Vec::new(),
        grid,
        head_lines,
        ranges,
        wide_fixed: false,
    };
    // Each way of setting the lead scored on a sketch (the house grid, no band, photos after
    // their section's first paragraph), then the few best made up in full: a lead that loses
    // the sketch by far does not win the page.
    let lead_cost = |cx: &Context, lead: &Option<LeadChoice>, g: usize| {
        lead.as_ref().map_or(0.0, |l| l.cost)
            + FEATURE.hole * f64::from(lead::white(cx.m, lead.as_ref(), g))
    };
    let mut sketched: Vec<(Score, Option<LeadChoice>)> = leads
        .into_iter()
        .map(|lead| {
            cx.tops = lead::tops(m, lead.as_ref().map(|l| &l.plan));
            let (mut score, _) = cx.improve(cx.start(0, None, 1));
            score.cost += lead_cost(&cx, &lead, 0);
            (score, lead)
        })
        .collect();
    sketched.sort_by(|(a, _), (b, _)| a.key().partial_cmp(&b.key()).unwrap_or(Ordering::Equal));
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
    let mut bests: Vec<(Score, Trial, Option<LeadChoice>)> = Vec::new();
    for (_, lead) in sketched.into_iter().take(LEADS_IN_FULL) {
        cx.tops = lead::tops(m, lead.as_ref().map(|l| &l.plan));
        for g in 0..m.grids.len() {
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
    }
    bests.sort_by(|(a, _, _), (b, _, _)| a.key().partial_cmp(&b.key()).unwrap_or(Ordering::Equal));
    let mut bests = bests.into_iter();
    let first = bests.next().expect("at least one grid");
    let (mut score, mut trial, mut lead) = finish(&mut cx, first, &lead_cost, SHAKES);
    if score.fits && score.empty > m.tolerance {
        // (One that runs over does not come back from a few shakes to fill better.)
        for other in bests.filter(|(s, _, _)| s.fits) {
            let (s, t, l) = finish(&mut cx, other, &lead_cost, SHAKES);
            if s.better_than(&score) {
                (score, trial, lead) = (s, t, l);
            }
        }
    }
    cx.tops = lead::tops(m, lead.as_ref().map(|l| &l.plan));
    let (trial, foot) = cx.balance(trial);
    let mut plan = cx.plan(&trial, foot);
    plan.lead = lead.map(|l| l.plan);
    plan
}

/// Lines of text at least between heads of neighbouring stacks: closer, they read as one.
const HEADS_APART: u32 = 0;

/// Pairs of heads in neighbouring stacks whose lines overlap or nearly touch (撞题): a
/// reader's eye runs from one into the other.
fn tombstones(flow: &[(Item, Ref)], frames: &[Frame], played: &Played) -> u32 {
    let mut used = vec![0u32; frames.len()];
    let mut heads: Vec<(usize, u32, u32)> = Vec::new();
    for piece in &played.pieces {
        let Some(frame) = frames.get(piece.column) else {
            continue;
        };
        let at = frame.top + used[piece.column];
        if let Ref::Head(_) = flow[piece.item].1 {
            heads.push((frame.stack, at, at + piece.to - piece.from));
        }
        used[piece.column] += piece.to - piece.from;
    }
    let mut pairs = 0;
    for (i, &(stack, top, bottom)) in heads.iter().enumerate() {
        pairs += heads[i + 1..]
            .iter()
            .filter(|&&(s, t, b)| {
                s.abs_diff(stack) == 1 && t < bottom + HEADS_APART && top < b + HEADS_APART
            })
            .count() as u32;
    }
    pairs
}

/// Each frame's height as the flow fills it: none if too short for a leg.
fn fillable(frames: &[Frame]) -> Vec<u32> {
    frames
        .iter()
        .map(|f| if f.lines < MIN_LEG { 0 } else { f.lines })
        .collect()
}

/// Lines of frames too short for a leg, left empty.
fn too_short(frames: &[Frame]) -> u32 {
    frames
        .iter()
        .map(|f| f.lines)
        .filter(|&lines| lines < MIN_LEG)
        .sum()
}

/// The best page from a made-up trial: shaken copies tried, then, if it still leaves lines
/// empty, photos set wider than their stack (`fill`). Its score counts the lead's cost.
fn finish(
    cx: &mut Context,
    (mut score, mut trial, lead): (Score, Trial, Option<LeadChoice>),
    lead_cost: &dyn Fn(&Context, &Option<LeadChoice>, usize) -> f64,
    shakes: usize,
) -> (Score, Trial, Option<LeadChoice>) {
    cx.tops = lead::tops(cx.m, lead.as_ref().map(|l| &l.plan));
    // One move at a time stops at the first page no single move improves: start again from
    // a few shaken copies of the best (photos a line taller or shorter, photos further down,
    // space over heads), as an editor tries a different sketch. Seeded: the same page always
    // comes out the same.
    let lead_cost = lead_cost(cx, &lead, trial.grid);
    let mut rng = crate::makeup::random::Xorshift::new(0x2545_F491_4F6C_DD1D);
    for _ in 0..shakes {
        let shaken = cx.shake(&trial, &mut rng);
        let (mut s, t) = cx.improve(shaken);
        s.cost += lead_cost;
        if s.better_than(&score) {
            (score, trial) = (s, t);
        }
    }
    // A page that still leaves lines empty: photos set wider than their stack.
    score.cost -= lead_cost;
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
    fn start(&self, grid: usize, band: Option<BandChoice>, at: usize) -> Trial {
        let lines = self.ranges[grid]
            .iter()
            .map(|photos| photos.iter().map(|&(_, natural, _)| natural).collect())
            .collect();
        let band_lines = band.as_ref().map_or(0, |b| {
            // The photos' own proportions, on average, within what all of them allow.
            let natural: f64 = b
                .photos
                .iter()
                .map(|&p| {
                    let ph = &self.m.sections[b.section].photos[p];
                    (b.width * f64::from(ph.height_px) / f64::from(ph.width_px.max(1))
                        + self.grid.gap)
                        / self.grid.pitch
                })
                .sum::<f64>()
                / b.photos.len() as f64;
            (natural.round() as u32).clamp(b.range.0, b.range.1)
        });
        Trial {
            grid,
            band,
            band_lines,
            lines,
            at: self
                .m
                .sections
                .iter()
                .map(|s| at.min(s.paragraphs.len().saturating_sub(1)))
                .collect(),
            space: vec![0; self.m.sections.len() + 1],
            wide: Vec::new(),
        }
    }

    fn in_band(&self, trial: &Trial, section: usize, photo: usize) -> bool {
        trial
            .band
            .as_ref()
            .is_some_and(|b| b.section == section && b.photos.contains(&photo))
    }

    /// The flow of a trial, item by item, with what each stands for.
    fn flow(&self, trial: &Trial) -> Vec<(Item, Ref)> {
        let m = self.m;
        let g = trial.grid;
        let mut out = Vec::new();
        for (s, section) in m.sections.iter().enumerate() {
            if section.head {
                out.push((
                    Item::new(Kind::Head, self.head_lines + trial.space[s]),
                    Ref::Head(s),
                ));
            }
            let photos: Vec<(Item, Ref)> = section
                .photos
                .iter()
                .enumerate()
                .filter(|(p, _)| !self.in_band(trial, s, *p) && !self.is_wide(trial, s, *p))
                .map(|(p, ph)| {
                    (
                        Item::new(Kind::Block, trial.lines[s][p] + ph.caption[g]),
                        Ref::Photo(s, p),
                    )
                })
                .collect();
            let mut texts = section.paragraphs.iter().enumerate().map(|(i, lines)| {
                // A paragraph whose lines the template could not show is never split.
                let kind = if self.starts(s, i, g).is_some() {
                    Kind::Text
                } else {
                    Kind::Block
                };
                (Item::new(kind, lines[g]), Ref::Text(s, i))
            });
            out.extend(texts.by_ref().take(trial.at[s]));
            out.extend(photos);
            out.extend(texts);
        }
        if let Some(credit) = &m.credit {
            let space = trial.space[m.sections.len()];
            out.push((Item::new(Kind::Block, credit[g] + space), Ref::Credit));
        }
        out
    }

    /// Band lines: the pictures and the tallest caption.
    fn band_total(&self, trial: &Trial) -> u32 {
        trial.band.as_ref().map_or(0, |b| {
            let n = b.photos.len();
            let caption = b
                .photos
                .iter()
                .map(|&p| self.m.sections[b.section].photos[p].band_caption[n - 1])
                .max()
                .unwrap_or(0);
            trial.band_lines + caption
        })
    }

    /// Lines of space over heads that open a frame starting lower than the highest column
    /// (under a stepped lead's photo or a wide photo's caption).
    fn space_atop(
        &self,
        trial: &Trial,
        flow: &[(Item, Ref)],
        frames: &[Frame],
        played: &Played,
    ) -> u32 {
        let highest = self.tops[trial.grid].iter().copied().min().unwrap_or(0);
        let lower = |c: usize| frames.get(c).is_some_and(|f| f.top > highest);
        let mut column = None;
        let mut lines = 0;
        for piece in &played.pieces {
            if column != Some(piece.column) {
                column = Some(piece.column);
                if let (Ref::Head(s), true) = (flow[piece.item].1, lower(piece.column)) {
                    lines += trial.space[s];
                }
            }
        }
        lines
    }

    /// Where a paragraph's lines start in its text at grid `g` (see `SectionMeasures`).
    fn starts(&self, section: usize, paragraph: usize, g: usize) -> Option<&Vec<usize>> {
        self.m.sections[section]
            .starts
            .get(paragraph)?
            .get(g)?
            .as_ref()
    }

    /// The columns' foot, in lines under the body's top: the band stands under it.
    fn foot(&self, trial: &Trial) -> u32 {
        self.capacity.saturating_sub(self.band_total(trial))
    }

    /// Each frame's height down to `foot` as the flow fills it: none if too short for a leg.
    fn columns(&self, trial: &Trial, foot: u32) -> Vec<u32> {
        fillable(&self.frames(trial, foot))
    }

    /// Lines of frames too short for a leg, left empty.
    fn short(&self, trial: &Trial, foot: u32) -> u32 {
        too_short(&self.frames(trial, foot))
    }

    fn play(&self, trial: &Trial, foot: u32) -> Played {
        let items: Vec<Item> = self.flow(trial).into_iter().map(|(item, _)| item).collect();
        play(&items, &self.columns(trial, foot), self.m.keep)
    }

    fn score(&self, trial: &Trial) -> Score {
        let foot = self.foot(trial);
        if !self.placed(trial, foot) {
            // A wide photo over another or outside the body: no page at all.
            return Score {
                fits: false,
                over: u32::MAX,
                excess: i64::MAX,
                empty: u32::MAX,
                cost: f64::MAX,
            };
        }
        let frames = self.frames(trial, foot);
        let columns = fillable(&frames);
        let short = too_short(&frames);
        let flow = self.flow(trial);
        let items: Vec<Item> = flow.iter().map(|(item, _)| *item).collect();
        let played = play(&items, &columns, self.m.keep);
        let g = trial.grid;
        let width = self.m.grids[g].width;
        let mut cost = 0.0;
        for (s, section) in self.m.sections.iter().enumerate() {
            let mut in_flow = 0;
            for (p, ph) in section.photos.iter().enumerate() {
                let wide = trial.wide.iter().find(|w| w.section == s && w.photo == p);
                let (w, lines) = if self.in_band(trial, s, p) {
                    (
                        trial.band.as_ref().map_or(width, |b| b.width),
                        trial.band_lines,
                    )
                } else if let Some(wide) = wide {
                    (self.span_width(g, wide.span), wide.lines)
                } else {
                    in_flow += 1;
                    (width, trial.lines[s][p])
                };
                let f = photo::fit((ph.width_px, ph.height_px), w, lines, self.grid);
                // Its narrowest placement is a stack of the house grid.
                let in_house = ppi(f64::from(ph.width_px), self.m.grids[0].width);
                cost += photo::cost(&f, in_house, self.m.warn_ppi, self.m.error_ppi);
            }
            // More than two photos stacked in one column is a tower: a band is better.
            cost += FEATURE.tower * f64::from(in_flow.max(2) - 2);
        }
        // Space over a head fills a column, at a small price; photos far down their
        // section read less with its head.
        cost += FEATURE.head_space * f64::from(trial.space.iter().sum::<u32>());
        cost += FEATURE.photo_late
            * trial
                .at
                .iter()
                .map(|&a| a.saturating_sub(1) as f64)
                .sum::<f64>();
        // The house grid is the default; a band takes photos away from their text.
        cost += FEATURE.other_grid * g as f64
            + if trial.band.is_some() {
                FEATURE.band
            } else {
                0.0
            };
        // A column foot emptier than the house lets pass is a hole: worth far more than a line
        // spread elsewhere. A leg over a wide photo runs down to it: any line empty there is
        // white in the middle of the page, as good as forbidden.
        let (mut holes, mut over_photo) = (0, 0);
        for ((f, &c), &u) in frames.iter().zip(&columns).zip(&played.used) {
            if f.top + f.lines == foot {
                holes += if c == 0 {
                    f.lines
                } else {
                    c.saturating_sub(u).saturating_sub(self.m.tolerance)
                };
            } else {
                over_photo += f.lines.saturating_sub(u);
            }
        }
        cost += FEATURE.white_over_photo * f64::from(over_photo);
        // A wide photo is an accent the page pays for, and one away from its section's text
        // reads with the wrong story.
        cost += FEATURE.wide * trial.wide.len() as f64
            + FEATURE.astray * f64::from(self.astray(trial, &flow, &frames, &played));
        // A head with only a photo under it in its column never goes to press when setting the
        // photos after its first paragraph avoids it.
        cost +=
            FEATURE.hole * f64::from(holes) + FEATURE.stranded_head * f64::from(played.stranded);
        // Space over a head that opens a column under a stepped lead's photo or a wide photo
        // fills nothing: it is white under the photo's caption, in the middle of the page.
        cost +=
            FEATURE.white_over_photo * f64::from(self.space_atop(trial, &flow, &frames, &played));
        // Heads side by side in neighbouring stacks read as one line (撞题).
        cost += FEATURE.tombstone * f64::from(tombstones(&flow, &frames, &played));
        let excess = items.iter().map(|item| i64::from(item.lines)).sum::<i64>()
            - columns.iter().map(|&c| i64::from(c)).sum::<i64>();
        Score {
            fits: played.fits,
            excess,
            // Overset compared by what it holds: lines of a wider stack hold more.
            over: (f64::from(played.over) * width) as u32,
            empty: played.waste + played.left + short,
            cost,
        }
    }
}
