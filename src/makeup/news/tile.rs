//! Tiling the type area with the stories' rectangles (块状组版), on a skyline: the area fills
//! from the top, each story placed at the highest, then leftmost, free run of columns, in
//! order of rank (the next story, or the one after it when that packs better), until every
//! column is full to the foot. A rectangle is never placed over free space, so there are no
//! holes; a column that cannot be filled to its foot ends the branch. The search is exact over
//! the heights it tries (dynamic programming on the skyline), within a budget of states.

use crate::makeup::costs::NEWS;
use crate::makeup::news::StoryKind;
use std::collections::HashMap;

use super::shapes::Shape;
use super::skyline::{self, Column, Key, key};
use super::turn;
use super::{NewsMeasures, StoryMeasures};

/// A story placed: its rectangle's first column and line, and its shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub story: usize,
    pub column: u32,
    pub line: u32,
    pub shape: Shape,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tiling {
    pub placed: Vec<Placed>,
    /// Lines of the area left empty (summed over columns), when no tiling fills it.
    pub empty: u32,
    pub cost: f64,
}

/// Heights of its cheapest shapes at each width a story tries beyond those that meet its
/// neighbours' feet or the page's. The lead, whose shape shapes the page, tries every height
/// it has (each with its share of the budget): its photo larger makes it taller and dearer,
/// and when it tried only its cheapest six, short copy was filled by blowing up a lesser
/// story's photo over the lead's (47 of the 120 news variants; 18 now, with
/// `NEWS.photo_over_lead`, and 108 press-ready rather than 100).
const HEIGHTS: usize = 3;

/// What each line of column left empty costs a page no tiling fills.
pub(super) const EMPTY_LINE: f64 = 3.0;

/// How far ahead of rank order a story may be taken.
const LOOKAHEAD: usize = 2;
/// States the search may visit before it settles for the best found.
const BUDGET: usize = 100_000;
/// The budget's multiple on a page with a story that jumps: it may end at any line, so the lead
/// has several times the shapes to try.
const JUMP_BUDGET: usize = 3;

struct Search<'a> {
    m: &'a NewsMeasures,
    tables: &'a [Vec<std::collections::BTreeMap<u32, Shape>>],
    /// Story indices by rank.
    order: Vec<usize>,
    /// Stories the search must place (a bit per story index).
    wanted: u32,
    allow_empty: bool,
    /// Each state's cheapest completion and its first step (`None`: the page is done).
    memo: HashMap<Key, Option<(f64, Option<Step>)>>,
    visited: usize,
    /// States the whole search may visit.
    budget: usize,
    /// States the search may have visited before it gives up on the branch it is in.
    limit: usize,
    /// The cheapest whole tiling found so far: a branch that cannot beat it is not followed.
    incumbent: f64,
    /// What the search asks of each story again and again, worked out once.
    facts: Vec<Facts>,
    /// Stories set in an L (`turn::turned`), by story, columns, step and lines: an index
    /// into `turned`, or `None` where the story cannot be set so.
    turns: HashMap<(usize, u32, u32, u32, u32), Option<usize>>,
    turned: Vec<Shape>,
    /// The photo area (`Shape::photo_area`) of the lead placed on the path being searched.
    lead_photo: u32,
}

/// A story's shapes in the figures the search prunes with.
struct Facts {
    /// Its cheapest shape's cost at any width: a lower bound on what it adds.
    cost: f64,
    /// Its fewest lines at any width.
    lowest: u32,
    /// Its smallest area, and its largest with the rule under it (lines × columns); `None`
    /// when it has no shape at all.
    area: Option<(u32, u32)>,
    /// Per width, its cheapest heights (`HEIGHTS`; the lead's all).
    cheap: Vec<Vec<u32>>,
}

impl Facts {
    fn of(table: &[std::collections::BTreeMap<u32, Shape>], rule: u32, heights: usize) -> Self {
        let shapes = || table.iter().flat_map(|w| w.values());
        let areas = table.iter().enumerate().flat_map(|(w, t)| {
            let w = w as u32 + 1;
            t.keys().map(move |l| (w * l, w * (l + rule)))
        });
        let (lo, hi) = areas.fold((u32::MAX, 0), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
        Facts {
            cost: shapes().map(|s| s.cost).fold(f64::INFINITY, f64::min),
            lowest: shapes().map(|s| s.lines).min().unwrap_or(u32::MAX),
            area: (lo != u32::MAX).then_some((lo, hi)),
            cheap: table
                .iter()
                .map(|t| {
                    let mut by_cost: Vec<&Shape> = t.values().collect();
                    by_cost.sort_by(|a, b| a.cost.total_cmp(&b.cost));
                    by_cost.iter().take(heights).map(|s| s.lines).collect()
                })
                .collect(),
        }
    }
}

/// A story placed at (column, line), by the height of its shape at `width` (its table's key),
/// or as the L `turned` holds at that index.
#[derive(Debug, Clone, Copy)]
struct Step {
    story: usize,
    column: u32,
    line: u32,
    width: u32,
    lines: u32,
    turned: Option<usize>,
}

/// The best tiling of every story; failing that, every story placed with space left empty;
/// failing that, of all but the lowest-ranked one or more, those then brought back that still
/// fit (the rest reported left out).
pub fn tile(m: &NewsMeasures, tables: &[Vec<std::collections::BTreeMap<u32, Shape>>]) -> Tiling {
    let mut order: Vec<usize> = (0..m.stories.len()).collect();
    order.sort_by_key(|&i| (m.stories[i].rank, i));
    let all: u32 = order.iter().map(|&i| 1u32 << i).sum();
    // Stories that may be left out, lowest rank first: never the lead, the brief column (it
    // is short and fills) or a pinned story.
    let droppable: Vec<usize> = order
        .iter()
        .rev()
        .copied()
        .filter(|&i| {
            m.stories[i].kind != StoryKind::Briefs && m.stories[i].pin.is_none() && i != order[0]
        })
        .collect();
    let budget = if m.stories.iter().any(|s| s.jumps()) {
        BUDGET * JUMP_BUDGET
    } else {
        BUDGET
    };
    let search = |wanted: u32, allow_empty: bool| {
        let mut search = Search {
            m,
            tables,
            order: order.clone(),
            wanted,
            allow_empty,
            memo: HashMap::new(),
            visited: 0,
            limit: budget,
            budget,
            incumbent: f64::INFINITY,
            facts: tables
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let heights = if i == order[0] { usize::MAX } else { HEIGHTS };
                    Facts::of(t, m.rule_lines, heights)
                })
                .collect(),
            turns: HashMap::new(),
            turned: Vec::new(),
            lead_photo: 0,
        };
        search.best(vec![Column::default(); m.columns as usize], 0)
    };
    let attempts = (0..=droppable.len()).flat_map(|drop| [(drop, false), (drop, true)]);
    for (drop, allow_empty) in attempts {
        let mut wanted = droppable[..drop]
            .iter()
            .fold(all, |mask, &i| mask & !(1u32 << i));
        let Some(mut found) = search(wanted, allow_empty) else {
            continue;
        };
        // The stories left out brought back, most important first, each where the page still
        // tiles with it: one story that finds no place leaves out only itself, not every
        // story ranked below it (a reviewer's lead, locked wide, left out the 二条 and with it
        // ten short stories that fitted under the lead).
        // (The most important of them is not tried: leaving it in is what failed.)
        for &story in droppable[..drop].iter().rev().skip(1) {
            if let Some(more) = search(wanted | 1 << story, true) {
                wanted |= 1 << story;
                found = more;
            }
        }
        let (cost, placed) = found;
        let bottoms = placed.iter().fold(vec![0; m.columns as usize], |mut b, p| {
            for c in p.column..p.column + p.shape.width {
                b[c as usize] = b[c as usize].max(p.line + p.shape.lines);
            }
            b
        });
        let empty = bottoms.iter().map(|b| m.lines.saturating_sub(*b)).sum();
        return Tiling {
            placed,
            empty,
            cost,
        };
    }
    Tiling::default()
}

impl Search<'_> {
    /// The cheapest completion from `columns` with the stories of `done` placed, and the
    /// rectangles it places.
    fn best(&mut self, columns: Vec<Column>, done: u32) -> Option<(f64, Vec<Placed>)> {
        // The root's state has no lead, and so no lead's photo; the walk takes the lead's
        // photo from its first step.
        self.lead_photo = 0;
        let (cost, _) = self.solve(&columns, done, 0.0)?;
        self.lead_photo = 0;
        let mut placed = Vec::new();
        let (mut columns, mut done) = (columns, done);
        while let Some(Some((_, Some(step)))) = self
            .memo
            .get(&key(&columns, done, self.lead_photo))
            .copied()
        {
            if done == 0 {
                self.lead_photo = self.shape(&step).photo_area();
            }
            columns = self.after(&columns, &step);
            done |= 1 << step.story;
            placed.push(Placed {
                story: step.story,
                column: step.column,
                line: step.line,
                shape: self.shape(&step).clone(),
            });
        }
        Some((cost, placed))
    }

    fn shape(&self, step: &Step) -> &Shape {
        match step.turned {
            Some(i) => &self.turned[i],
            None => &self.tables[step.story][step.width as usize - 1][&step.lines],
        }
    }

    /// The story set in an L over `columns` (left, right), `step` lines and `lines` tall:
    /// its index in `turned`, worked out once.
    fn turn(&mut self, story: usize, columns: (u32, u32), step: u32, lines: u32) -> Option<usize> {
        let key = (story, columns.0, columns.1, step, lines);
        if let Some(known) = self.turns.get(&key) {
            return *known;
        }
        let found = turn::turned(self.m, &self.m.stories[story], columns, step, lines).map(|s| {
            self.turned.push(s);
            self.turned.len() - 1
        });
        self.turns.insert(key, found);
        found
    }

    fn after(&self, columns: &[Column], step: &Step) -> Vec<Column> {
        let shape = self.shape(step);
        let mut next = columns.to_vec();
        let size = skyline::head_size(&self.m.stories[step.story], shape);
        // A story set in an L heads only its first columns.
        let headed = step.column + shape.turn.map_or(step.width, |t| t.left);
        for c in step.column..step.column + step.width {
            next[c as usize] = Column {
                bottom: step.line + step.lines,
                head: if c < headed {
                    (step.line, step.line + shape.head_lines, size)
                } else {
                    (0, 0, 0)
                },
                lead: self.m.stories[step.story].rank == 0,
            };
        }
        next
    }

    /// The cheapest completion from a state reached at cost `spent`. Branches that cannot
    /// beat the incumbent are cut, so a state first met on a dear path may be remembered
    /// without its best completion: the search trades that exactness for time.
    fn solve(&mut self, columns: &[Column], done: u32, spent: f64) -> Option<(f64, Option<Step>)> {
        let key = key(columns, done, self.lead_photo);
        if let Some(known) = self.memo.get(&key) {
            return *known;
        }
        self.visited += 1;
        let result = if self.visited > self.limit {
            None
        } else {
            self.expand(columns, done, spent)
        };
        self.memo.insert(key, result);
        result
    }

    fn expand(&mut self, columns: &[Column], done: u32, spent: f64) -> Option<(f64, Option<Step>)> {
        let m = self.m;
        let h = m.lines;
        let remaining: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&i| self.wanted & (1 << i) != 0 && done & (1 << i) == 0)
            .collect();
        let full = columns.iter().all(|c| c.bottom >= h);
        if remaining.is_empty() {
            let end = if full {
                Some(0.0)
            } else if self.allow_empty {
                let empty: u32 = columns.iter().map(|c| h.saturating_sub(c.bottom)).sum();
                Some(f64::from(empty) * EMPTY_LINE)
            } else {
                None
            };
            if let Some(end) = end {
                self.incumbent = self.incumbent.min(spent + end);
            }
            return end.map(|cost| (cost, None));
        }
        if full {
            return None;
        }
        if !self.area_allows(columns, &remaining) {
            return None;
        }
        // The highest, then leftmost, free run.
        let low = columns.iter().map(|c| c.bottom).min().unwrap_or(0);
        let x0 = columns.iter().position(|c| c.bottom == low).unwrap_or(0);
        let mut best: Option<(f64, Option<Step>)> = None;
        let mut tries: Vec<(f64, Step)> = Vec::new();
        let candidates: Vec<(usize, usize)> = remaining
            .iter()
            .copied()
            .enumerate()
            // The lead story opens the page, top left; after it, the next story or the one
            // after it (or a pinned one, which waits for its place).
            .filter(|&(k, i)| {
                if done == 0 {
                    return k == 0;
                }
                k < LOOKAHEAD || m.stories[i].pin.is_some_and(|p| p.column.is_some())
            })
            .collect();
        for (skip, story) in candidates {
            let s = &m.stories[story];
            // A pinned column places the story there, wherever the skyline's lowest run is.
            let x = match s.pin.and_then(|p| p.column) {
                Some(c) => c as usize,
                None => x0,
            };
            if x >= columns.len() {
                continue;
            }
            let bottom = columns[x].bottom;
            if bottom >= h {
                continue;
            }
            let run = columns[x..]
                .iter()
                .take_while(|c| c.bottom == bottom)
                .count() as u32;
            // A pinned story waits until its columns are level.
            let line = if bottom == 0 {
                0
            } else {
                bottom + m.rule_lines
            };
            if line >= h {
                continue;
            }
            for width in 1..=run {
                let table = &self.tables[story][width as usize - 1];
                if table.is_empty() {
                    continue;
                }
                for lines in self.heights(columns, x as u32, width, line, story, &remaining) {
                    let Some(shape) = table.get(&lines) else {
                        continue;
                    };
                    if skyline::collides(columns, (x as u32, width), line, shape, s) {
                        continue;
                    }
                    let here = shape.cost
                        + self.place_cost(columns, (x as u32, width), shape, s, skip, line);
                    tries.push((
                        here,
                        Step {
                            story,
                            column: x as u32,
                            line,
                            width,
                            lines,
                            turned: None,
                        },
                    ));
                }
            }
            if done != 0 && s.pin.is_none() {
                tries.extend(self.turns_at(columns, x0, line, story, skip));
            }
        }
        // Cheapest first: the first dive finds a good tiling, and the rest are cut by it.
        tries.sort_by(|a, b| a.0.total_cmp(&b.0));
        // The lead's place and shape shape the whole page: each gets its share of the budget,
        // so a cheap first one cannot spend it all.
        let share = self.budget / tries.len().max(1);
        for (here, step) in tries {
            if done == 0 {
                self.limit = self.visited + share;
                self.lead_photo = self.shape(&step).photo_area();
            }
            if best.as_ref().is_some_and(|(b, _)| here >= *b) {
                continue;
            }
            let left: f64 = remaining
                .iter()
                .filter(|&&i| i != step.story)
                .map(|&i| self.facts[i].cost)
                .sum();
            if spent + here + left >= self.incumbent {
                continue;
            }
            let next = self.after(columns, &step);
            // Each level run of unfilled columns needs a story of its own.
            if !self.allow_empty && skyline::runs(&next, self.m.lines) > remaining.len() - 1 {
                continue;
            }
            if let Some((rest, _)) = self.solve(&next, done | (1 << step.story), spent + here) {
                let total = here + rest;
                if best.as_ref().is_none_or(|(b, _)| total < *b) {
                    best = Some((total, Some(step)));
                }
            }
        }
        best
    }

    /// A story set in an L at the free run from `x` (its head and first legs there), turning
    /// the corner under the columns right of the run, which end lower: every width it may
    /// take there, ending at the foot or level with the column after it.
    fn turns_at(
        &mut self,
        columns: &[Column],
        x: usize,
        line: u32,
        story: usize,
        skip: usize,
    ) -> Vec<(f64, Step)> {
        let (m, h) = (self.m, self.m.lines);
        let bottom = columns[x].bottom;
        let run = columns[x..]
            .iter()
            .take_while(|c| c.bottom == bottom)
            .count();
        let right = x + run;
        let Some(next) = columns.get(right) else {
            return Vec::new();
        };
        let below = next.bottom + m.rule_lines;
        let across = columns[right..]
            .iter()
            .take_while(|c| c.bottom == next.bottom)
            .count();
        if below >= h || below <= line {
            return Vec::new();
        }
        let mut out = Vec::new();
        for turning in 1..=across as u32 {
            let end_column = right + turning as usize;
            let mut ends = vec![h];
            if let Some(after) = columns.get(end_column)
                && after.bottom > below
            {
                ends.push(after.bottom);
            }
            for end in ends {
                let cols = (run as u32, turning);
                let Some(index) = self.turn(story, cols, below - line, end - line) else {
                    continue;
                };
                let shape = &self.turned[index];
                let s = &m.stories[story];
                if skyline::collides(columns, (x as u32, run as u32), line, shape, s) {
                    continue;
                }
                let here = shape.cost
                    + self.place_cost(columns, (x as u32, run as u32), shape, s, skip, line);
                out.push((
                    here,
                    Step {
                        story,
                        column: x as u32,
                        line,
                        width: cols.0 + cols.1,
                        lines: end - line,
                        turned: Some(index),
                    },
                ));
            }
        }
        out
    }

    /// Heights worth trying for a rectangle at (x, line), `width` wide: one that ends at the
    /// foot, ones that end level with a neighbour's foot (the skyline stays simple), and the
    /// story's cheapest; none that leaves a gap under it too shallow for any story.
    fn heights(
        &self,
        columns: &[Column],
        x: u32,
        width: u32,
        line: u32,
        story: usize,
        remaining: &[usize],
    ) -> Vec<u32> {
        let m = self.m;
        let h = m.lines;
        let table = &self.tables[story][width as usize - 1];
        // The fewest lines any other story still to place takes.
        let shallowest = remaining
            .iter()
            .filter(|&&i| i != story)
            .map(|&i| self.facts[i].lowest)
            .min()
            .unwrap_or(0);
        let fits = |lines: u32| {
            let end = line + lines;
            end == h
                || (end < h && h - end >= m.rule_lines + shallowest)
                || (self.allow_empty && end <= h)
        };
        let mut out: Vec<u32> = Vec::new();
        if h > line {
            out.push(h - line);
        }
        for (c, column) in columns.iter().enumerate() {
            let c = c as u32;
            if (c < x || c >= x + width) && column.bottom > line {
                out.push(column.bottom - line);
            }
        }
        out.extend(&self.facts[story].cheap[width as usize - 1]);
        out.sort_unstable();
        out.dedup();
        out.retain(|&l| table.contains_key(&l) && fits(l));
        out
    }

    /// Whether the stories left could fill the free area: no fewer lines × columns than their
    /// smallest rectangles, no more than their largest.
    fn area_allows(&self, columns: &[Column], remaining: &[usize]) -> bool {
        let m = self.m;
        let free: u32 = columns
            .iter()
            .map(|c| {
                let start = if c.bottom == 0 {
                    0
                } else {
                    c.bottom + m.rule_lines
                };
                m.lines.saturating_sub(start.min(m.lines))
            })
            .sum();
        let (mut least, mut most) = (0u32, 0u32);
        for &i in remaining {
            let Some((lo, hi)) = self.facts[i].area else {
                return false;
            };
            least += lo;
            most += hi;
        }
        least <= free && (self.allow_empty || most >= free)
    }

    /// What a place costs beyond the shape: taking a story ahead of rank, an important story
    /// set low, and a head beside a neighbour's.
    fn place_cost(
        &self,
        columns: &[Column],
        (x, width): (u32, u32),
        shape: &Shape,
        story: &StoryMeasures,
        skip: usize,
        line: u32,
    ) -> f64 {
        let m = self.m;
        let mut cost = skip as f64 * NEWS.out_of_rank;
        let beside = skyline::heads_beside(columns, (x, width), line, shape.head_lines);
        cost += f64::from(beside) * NEWS.heads_beside;
        // Importance reads top-down: a story set low costs by its rank's weight.
        cost +=
            f64::from(line) / f64::from(m.lines.max(1)) * NEWS.set_low / (1.0 + story.rank as f64);
        // And the lead's photo is the page's largest. (While the lead itself is placed,
        // `lead_photo` is 0: the root's state has no lead yet.)
        if self.lead_photo > 0 && shape.photo_area() > self.lead_photo {
            cost += NEWS.photo_over_lead;
        }
        cost
    }
}
