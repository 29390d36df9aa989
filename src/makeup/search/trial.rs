//! A trial, one make-up the search weighs, and the flow it makes: each section's head, its
//! paragraphs (set loose where the trial says) and its photos in the flow (those in the band
//! or set across stacks stand out of it), then the credit; and the frames the flow fills.

use super::Context;
use super::band::BandChoice;
use super::nested::Nested;
use super::score::{fillable, too_short};
use super::wide::Wide;
use crate::makeup::flow::{Item, Kind, Played, play};

/// One make-up to score: grid, band, each photo's picture lines, how many paragraphs of its
/// section stand before a section's photos, and lines of space over each head (at most
/// `MAX_HEAD_SPACE`) and, last, over the credit line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Trial {
    pub(super) grid: usize,
    pub(super) band: Option<BandChoice>,
    pub(super) band_lines: u32,
    pub(super) lines: Nested<u32>,
    /// For each photo of each section, how many of its section's paragraphs stand before it
    /// (never fewer than for the photo before it: the editor's order is kept).
    pub(super) at: Nested<usize>,
    pub(super) space: Vec<u32>,
    /// Photos set across stacks (`wide`), out of the flow.
    pub(super) wide: Vec<Wide>,
    /// Paragraphs set loose (拉行), a line longer: each section's, by paragraph. Only to fill a
    /// page that leaves a foot empty (`loosen`).
    pub(super) loose: Nested<bool>,
}

/// What a flow item stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Ref {
    Head(usize),
    Text(usize, usize),
    Photo(usize, usize),
    Credit,
}

impl Context<'_> {
    /// The first trial at grid `grid` with `band`: every photo at its natural height, each
    /// section's photos after `at` of its paragraphs, no space, nothing wide or loose.
    pub(super) fn start(&self, grid: usize, band: Option<BandChoice>, at: usize) -> Trial {
        let lines = Nested::from_lists(
            self.ranges[grid]
                .iter()
                .map(|photos| photos.iter().map(|&(_, natural, _)| natural).collect()),
        );
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
            at: Nested::from_lists(
                self.m
                    .sections
                    .iter()
                    .map(|s| vec![at.min(s.paragraphs.len().saturating_sub(1)); s.photos.len()]),
            ),
            space: vec![0; self.m.sections.len() + 1],
            wide: Vec::new(),
            loose: Nested::from_lists(
                self.m
                    .sections
                    .iter()
                    .map(|s| vec![false; s.paragraphs.len()]),
            ),
        }
    }

    pub(super) fn in_band(&self, trial: &Trial, section: usize, photo: usize) -> bool {
        trial
            .band
            .as_ref()
            .is_some_and(|b| b.section == section && b.photos.contains(&photo))
    }

    /// The flow of a trial, item by item, with what each stands for.
    pub(super) fn flow(&self, trial: &Trial) -> Vec<(Item, Ref)> {
        let m = self.m;
        let g = trial.grid;
        let items: usize = m
            .sections
            .iter()
            .map(|s| 1 + s.paragraphs.len() + s.photos.len())
            .sum();
        let mut out = Vec::with_capacity(items + 1);
        for (s, section) in m.sections.iter().enumerate() {
            if section.head {
                out.push((
                    Item::new(Kind::Head, self.head_lines + self.head_air + trial.space[s]),
                    Ref::Head(s),
                ));
            }
            let photo = |p: usize| {
                let lines = trial.lines[s][p] + section.photos[p].caption[g];
                (Item::new(Kind::Block, lines), Ref::Photo(s, p))
            };
            let in_flow = |p: &usize| !self.in_band(trial, s, *p) && !self.is_wide(trial, s, *p);
            // (A section's photos stand in their order, each after as many paragraphs as its
            // `at`, which never falls from one photo to the next.)
            let mut next = 0;
            for (i, lines) in section.paragraphs.iter().enumerate() {
                let from = next;
                while next < section.photos.len()
                    && (trial.at[s][next] <= i || i + 1 == section.paragraphs.len())
                {
                    next += 1;
                }
                // (A loop, not `extend` of a filtered range: this runs for every trial scored.)
                for p in from..next {
                    if in_flow(&p) {
                        out.push(photo(p));
                    }
                }
                // A paragraph whose lines the template could not show is never split.
                let loose = trial.loose[s][i];
                let kind = if self.starts_set(s, i, g, loose).is_some() {
                    Kind::Text
                } else {
                    Kind::Block
                };
                let lines = lines[g] + u32::from(loose);
                out.push((Item::new(kind, lines), Ref::Text(s, i)));
            }
            if section.paragraphs.is_empty() {
                out.extend((0..section.photos.len()).filter(in_flow).map(photo));
            }
        }
        if let Some(credit) = &m.credit {
            let space = trial.space[m.sections.len()];
            out.push((Item::new(Kind::Block, credit[g] + space), Ref::Credit));
        }
        out
    }

    /// Band lines: the pictures and the tallest caption.
    pub(super) fn band_total(&self, trial: &Trial) -> u32 {
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

    /// Where a paragraph's lines start in its text at grid `g` (see `SectionMeasures`).
    pub(super) fn starts(&self, section: usize, paragraph: usize, g: usize) -> Option<&Vec<usize>> {
        self.m.sections[section]
            .starts
            .get(paragraph)?
            .get(g)?
            .as_ref()
    }

    /// The same, set loose (拉行) where `loose`: `None` where it cannot be.
    pub(super) fn starts_set(
        &self,
        section: usize,
        paragraph: usize,
        g: usize,
        loose: bool,
    ) -> Option<&Vec<usize>> {
        if !loose {
            return self.starts(section, paragraph, g);
        }
        self.m.sections[section]
            .loose
            .get(paragraph)?
            .get(g)?
            .as_ref()
    }

    /// The columns' foot, in lines under the body's top: the band stands under it.
    pub(super) fn foot(&self, trial: &Trial) -> u32 {
        self.capacity.saturating_sub(self.band_total(trial))
    }

    /// Each frame's height down to `foot` as the flow fills it: none if too short for a leg.
    pub(super) fn columns(&self, trial: &Trial, foot: u32) -> Vec<u32> {
        fillable(&self.frames(trial, foot))
    }

    /// Lines of frames too short for a leg, left empty.
    pub(super) fn short(&self, trial: &Trial, foot: u32) -> u32 {
        too_short(&self.frames(trial, foot))
    }

    pub(super) fn play(&self, trial: &Trial, foot: u32) -> Played {
        let items: Vec<Item> = self.flow(trial).into_iter().map(|(item, _)| item).collect();
        play(&items, &self.columns(trial, foot), self.m.keep)
    }
}
