//! The search on plain numbers: plans keep their own promises on random pages.
use super::super::{GridOption, PhotoMeasures, SectionMeasures};
use super::*;
use crate::makeup::FlowKind;
use crate::units::ppi;

/// A page of the sample's proportions: 98 body lines, 4 stacks of 250 pt or 3 of 333 pt.
fn measures(sections: Vec<SectionMeasures>) -> Measures {
    Measures {
        pitch: 13.0,
        gap: 4.0,
        capacity: 80,
        full_width: 1044.0,
        gutter: 9.0,
        grids: vec![
            GridOption {
                stacks: 4,
                width: 254.25,
            },
            GridOption {
                stacks: 3,
                width: 340.0,
            },
        ],
        head_lines: 4,
        compact_head_lines: 2,
        compact_from: 8,
        keep: 3,
        max_crop: 0.10,
        warn_ppi: 200.0,
        error_ppi: 120.0,
        min_photo_lines: 4,
        tolerance: 2,
        headline_air: 0,
        pages_across: 1,
        sections,
        credit: Some(vec![1, 1]),
        lead: None,
    }
}

fn section(paragraphs: &[u32], photos: &[(u32, u32)]) -> SectionMeasures {
    SectionMeasures {
        head: true,
        // At 36 characters a line instead of 27, three lines become about two.
        paragraphs: paragraphs
            .iter()
            .map(|&n| vec![n, (n * 3).div_ceil(4)])
            .collect(),
        photos: photos
            .iter()
            .map(|&(w, h)| PhotoMeasures {
                width_px: w,
                height_px: h,
                max_crop: None,
                caption: vec![3, 2],
                band_caption: vec![1, 2, 2, 3],
                // Across 2, 3, 4 stacks of the first grid, 2, 3 of the second.
                wide_caption: vec![vec![2, 2, 1], vec![2, 1]],
            })
            .collect(),
        // Every paragraph's lines known at both grids: any may be split.
        starts: paragraphs
            .iter()
            .map(|&n| {
                [n, (n * 3).div_ceil(4)]
                    .map(|lines| Some((0..=lines as usize).collect()))
                    .to_vec()
            })
            .collect(),
        loose: Vec::new(),
    }
}

fn rng(seed: u64) -> impl FnMut(u32) -> u32 {
    let mut rng = crate::makeup::random::Xorshift::new(seed);
    move |n| rng.below_u32(n)
}

/// Every plan keeps its own promises: photos within the crop and resolution rules, heads
/// never at a foot with fewer than `keep` lines, the flow as played.
#[test]
fn plans_keep_the_rules_on_random_pages() {
    let mut rand = rng(7);
    for _ in 0..150 {
        let sections = (0..1 + rand(10))
            .map(|_| {
                let paragraphs: Vec<u32> = (0..1 + rand(6)).map(|_| 1 + rand(14)).collect();
                let photos: Vec<(u32, u32)> = (0..rand(4))
                    .map(|_| {
                        let w = 640 + rand(3400);
                        let ratio = [3.0, 2.0, 1.5, 1.0, 0.75][rand(5) as usize];
                        (w, (f64::from(w) / ratio) as u32)
                    })
                    .collect();
                section(&paragraphs, &photos)
            })
            .collect();
        let m = measures(sections);
        let plan = solve(&m);
        let grid = Grid {
            pitch: 13.0,
            gap: 4.0,
        };
        let rules = Rules {
            max_crop: 0.10,
            warn_ppi: 200.0,
            min_lines: 4,
        };
        for p in plan.photos() {
            let Some(section) = p.section else { continue };
            let ph = &m.sections[section].photos[p.index];
            let px = (ph.width_px, ph.height_px);
            let f = photo::fit(px, p.width, p.picture_lines, grid);
            let natural_ppi = ppi(f64::from(ph.width_px), p.width);
            let within = f.crop_x <= 0.10 + 1e-9 && f.crop_y <= 0.10 + 1e-9;
            let sharp = f.ppi >= natural_ppi.min(200.0) - 1e-6;
            if photo::allowed(px, p.width, grid, rules).is_some()
                && p.picture_lines < m.capacity / 2
            {
                // Within both rules where some height is.
                assert!(within && sharp, "{p:?} {f:?}");
            } else {
                // A picture too small for both: one of them holds, and a sharp photo is
                // never enlarged below the warning resolution.
                assert!(within || sharp, "{p:?} {f:?}");
                assert!(natural_ppi < 200.0 || f.ppi >= 200.0 - 1e-6, "{p:?} {f:?}");
            }
        }
        keeps_its_columns(&plan, &m);
    }
}

/// The plan's pieces stand in reading order, each column holds no more than its height, and
/// every item is set whole, once, in order.
pub(super) fn keeps_its_columns(plan: &Plan, m: &Measures) {
    let mut used = vec![0u32; plan.frames.len()];
    let mut column = 0;
    let mut previous: Option<&crate::makeup::FlowItem> = None;
    for item in &plan.flow {
        assert!(item.frame >= column, "back to an earlier column: {plan:?}");
        column = item.frame;
        if let Some(u) = used.get_mut(item.frame) {
            *u += item.lines;
        }
        assert_eq!(item.lines, item.to - item.from);
        if item.from > 0 {
            // The rest of the paragraph before it.
            let before = previous.expect("a continuation follows its start");
            assert_eq!(
                (before.section, before.index, before.to),
                (item.section, item.index, item.from)
            );
            assert!(
                item.starts.is_some(),
                "a continuation without its lines: {item:?}"
            );
        }
        if !item.last {
            assert!(
                item.starts.is_some(),
                "a split paragraph without its lines: {item:?}"
            );
        }
        previous = Some(item);
    }
    for (c, &u) in used.iter().enumerate() {
        let height = plan.frames[c].lines;
        assert!(u <= height, "frame {c}: {u} lines in {height}: {plan:?}");
    }
    // The credit, last at a column's foot, stands on it unless the white over it would then
    // pass the house's tolerance.
    if let Some(credit) = plan.flow.last().filter(|it| it.kind == FlowKind::Credit)
        && let Some(f) = plan.frames.get(credit.frame)
        && f.top + f.lines == plan.foot
    {
        let g = m
            .grids
            .iter()
            .position(|g| g.stacks == plan.stacks)
            .unwrap();
        let space = credit.lines - m.credit.as_ref().map_or(0, |c| c[g]);
        let short = f.lines - used[credit.frame];
        assert!(
            short == 0 || short + space > m.tolerance,
            "{short} lines under the credit: {plan:?}"
        );
    }
    // Each stack's frames read top to bottom.
    for (i, f) in plan.frames.iter().enumerate() {
        for g in &plan.frames[i + 1..] {
            assert!(
                g.stack != f.stack || g.top > f.top,
                "{f:?} before {g:?}: {plan:?}"
            );
        }
    }
    // Wide photos share a stack only across the very same stacks, a leg of text between.
    let bottom =
        |w: &crate::makeup::WidePhoto| w.top + w.photo.picture_lines + w.photo.caption_lines;
    for (i, w) in plan.wide.iter().enumerate() {
        for o in &plan.wide[i + 1..] {
            let apart = w.stack + w.span <= o.stack || o.stack + o.span <= w.stack;
            let leg = bottom(w) + super::MIN_LEG <= o.top || bottom(o) + super::MIN_LEG <= w.top;
            assert!(
                apart || ((w.stack, w.span) == (o.stack, o.span) && leg),
                "{w:?} {o:?}: {plan:?}"
            );
        }
    }
    // Right under a wide photo in its first stack, no other section's head: the photo would
    // read as that section's.
    for w in &plan.wide {
        let frame = plan
            .frames
            .iter()
            .position(|f| f.stack == w.stack && f.top == bottom(w));
        let first = frame.and_then(|i| plan.flow.iter().find(|item| item.frame == i));
        assert!(
            first.is_none_or(|i| i.kind != FlowKind::Head || Some(i.section) == w.photo.section),
            "{w:?} {plan:?}"
        );
    }
    let paragraphs: usize = m.sections.iter().map(|s| s.paragraphs.len()).sum();
    let ends = plan
        .flow
        .iter()
        .filter(|f| f.kind == FlowKind::Text && f.last)
        .count();
    assert_eq!(ends, paragraphs);
}

#[test]
fn a_short_page_is_balanced() {
    // Four sections, no photos: about 150 lines of text in stacks of 80.
    let m = measures((0..4).map(|_| section(&[9, 6, 11, 7, 5], &[])).collect());
    let plan = solve(&m);
    keeps_its_columns(&plan, &m);
    let mut ends = vec![0u32; plan.stacks as usize];
    for item in &plan.flow {
        ends[plan.frames[item.frame].stack] += item.lines;
    }
    let (min, max) = (ends.iter().min().unwrap(), ends.iter().max().unwrap());
    assert!(
        max - min <= 4,
        "stacks end {ends:?} over a foot at {}",
        plan.foot
    );
    assert!(plan.foot < 60, "{}", plan.foot);
}

#[test]
fn many_sections_get_compact_heads() {
    let sections = (0..9).map(|_| section(&[6], &[])).collect();
    assert_eq!(solve(&measures(sections)).head_lines, 2);
    let sections = (0..7).map(|_| section(&[6], &[])).collect();
    assert_eq!(solve(&measures(sections)).head_lines, 4);
}

#[test]
fn a_panorama_may_go_in_a_band_and_four_photos_do_not_make_a_tower() {
    let m = measures(vec![
        section(&[12; 14], &[(3000, 1000)]),
        section(
            &[12; 6],
            &[(1800, 1200), (1800, 1200), (1800, 1200), (1800, 1200)],
        ),
    ]);
    let plan = solve(&m);
    let towers = plan
        .flow
        .iter()
        .filter(|f| f.kind == FlowKind::Photo && f.section == 1)
        .count();
    assert!(towers <= 2, "{towers} photos stacked in one column");
}

#[test]
fn too_much_text_is_overset_with_its_lines() {
    let m = measures(vec![section(&[40; 10], &[])]);
    let plan = solve(&m);
    assert!(plan.overset_lines > 0);
}

/// A section without a head (a page's lead set as its one story) opens with its text: no head
/// item, no line for one, and its text fills the columns.
#[test]
fn a_section_without_a_head_has_no_head_item() {
    let mut story = section(&[30, 40, 50, 60, 50, 40], &[(1600, 1200)]);
    story.head = false;
    let plan = solve(&measures(vec![story]));
    assert!(
        plan.flow.iter().all(|item| item.kind != FlowKind::Head),
        "{plan:?}"
    );
    assert_eq!(plan.flow.first().map(|item| item.section), Some(0));
    assert_eq!(plan.overset_lines, 0, "{plan:?}");
}

/// Two to six sections of two to six paragraphs (2–11 lines each), a 3:2 photo each.
fn sections_of_a_photo(rand: &mut impl FnMut(u32) -> u32) -> Vec<SectionMeasures> {
    (0..2 + rand(5))
        .map(|_| {
            let paragraphs: Vec<u32> = (0..2 + rand(5)).map(|_| 2 + rand(10)).collect();
            section(&paragraphs, &[(1800, 1200)])
        })
        .collect()
}

#[test]
fn every_column_starts_under_what_the_lead_sets_over_it() {
    let mut rand = rng(11);
    for _ in 0..40 {
        let mut m = measures(sections_of_a_photo(&mut rand));
        m.lead = Some(crate::makeup::LeadMeasures {
            pitch: 19.5,
            leading: 8.5,
            max_chars: 30.0,
            photo: Some(crate::makeup::LeadPhoto {
                width_px: 2400,
                height_px: 1600,
                max_crop: None,
            }),
            options: vec![crate::makeup::LeadOption {
                photo_width: 517.5,
                text_width: 254.25,
                columns: 2,
                paragraphs: vec![3 + rand(6), 3 + rand(6)],
                starts: vec![None, None],
                caption: 2,
            }],
        });
        let plan = solve(&m);
        keeps_its_columns(&plan, &m);
        let lead = plan.lead.as_ref().expect("a lead");
        let photo = lead.photo.as_ref().unwrap();
        let under = photo.picture_lines + photo.caption_lines;
        // Under a stepped band, the stack under the lead's last column starts under its text
        // where that column ends more than the tolerance short (house grid: the columns stand
        // over stacks 1–2).
        let last = |top: u32| lead.last_top.unwrap_or(top);
        match (lead.stepped, plan.stacks) {
            // Each column starts right under what stands over it.
            (true, 4) => assert_eq!(
                plan.tops,
                [lead.text_grid, last(lead.text_grid), under, under],
                "{plan:?}"
            ),
            (true, _) => {}
            (false, _) => assert!(plan.tops.iter().all(|&t| t == lead.lines), "{plan:?}"),
        }
        if let Some(top) = lead.last_top {
            assert!(lead.stepped, "{plan:?}");
            assert_eq!(top, lead.last_grid, "{plan:?}");
            assert!(lead.text_grid > top + m.tolerance, "{plan:?}");
        }
    }
}

/// The lead's photo over stacks 3–4 of the house grid, the text over stacks 1–2.
fn lead_plan(text_grid: u32, photo_lines: u32, stepped: bool) -> crate::makeup::LeadPlan {
    let height = f64::from(photo_lines - 2) * 13.0 - 4.0;
    crate::makeup::LeadPlan {
        option: 0,
        columns: 2,
        text_width: 254.25,
        text_lines: text_grid,
        text_grid,
        last_grid: text_grid,
        parts: vec![],
        last_top: None,
        lines: text_grid.max(photo_lines),
        stepped,
        photo: Some(crate::makeup::PhotoPlan {
            section: None,
            index: 0,
            width: 517.5,
            height,
            drawn: (517.5, height),
            picture_lines: photo_lines - 2,
            caption_lines: 2,
        }),
    }
}

#[test]
fn columns_start_under_the_leads_text_or_under_its_photo() {
    use super::super::lead::{LeadChoice, tops, white};
    let m = measures(vec![section(&[9], &[])]);
    let level = lead_plan(12, 20, false);
    assert_eq!(tops(&m, Some(&level)), [vec![20; 4], vec![20; 3]]);
    let stepped = lead_plan(12, 20, true);
    let t = tops(&m, Some(&stepped));
    // Four stacks: two under the text, two under the photo.
    assert_eq!(t[0], [12, 12, 20, 20]);
    // Three stacks: the middle one stands under both and starts under the lower, the white
    // over it counted.
    assert_eq!(t[1], [12, 20, 20]);
    let choice = LeadChoice {
        plan: stepped,
        cost: 0.0,
    };
    assert_eq!(white(&m, Some(&choice), 0), 0);
    assert_eq!(white(&m, Some(&choice), 1), 8);
}

/// A page about a wide photo short: the make-up sets a photo across two stacks, within its
/// section's text (its text right above it in every stack it spans), and the page fills.
#[test]
fn a_short_page_fills_with_a_photo_across_two_stacks_within_its_section() {
    let mut m = measures(vec![
        section(&[10, 12, 9, 11, 8, 7], &[(1800, 1200)]),
        section(&[6, 9, 12, 5, 10], &[(1800, 1200)]),
        section(&[11, 7, 10, 9, 12, 6, 8], &[(1800, 1200)]),
        section(&[9, 8, 13], &[(1800, 1200)]),
    ]);
    // The house grid alone: the wider one would hold the text.
    m.grids.truncate(1);
    let plan = solve(&m);
    keeps_its_columns(&plan, &m);
    assert_eq!(plan.wide.len(), 1, "{plan:?}");
    assert!(plan.empty_lines <= 6, "{} lines empty", plan.empty_lines);
    let w = &plan.wide[0];
    let section = w.photo.section.unwrap();
    for stack in w.stack..w.stack + w.span {
        let above = plan
            .frames
            .iter()
            .position(|f| f.stack == stack && f.top + f.lines == w.top)
            .expect("a frame over the photo");
        let last = plan.flow.iter().rfind(|item| item.frame == above);
        assert_eq!(last.map(|item| item.section), Some(section), "{plan:?}");
    }
    // The frames do not overlap the photo, and the flow reads the legs over it before those
    // under it.
    let bottom = w.top + w.photo.picture_lines + w.photo.caption_lines;
    for f in plan
        .frames
        .iter()
        .filter(|f| (w.stack..w.stack + w.span).contains(&f.stack))
    {
        assert!(f.top + f.lines <= w.top || f.top >= bottom, "{f:?} {w:?}");
    }
}

/// On a spread (two pages, two stacks each) no photo is set across the fold: the short pages
/// that fill with a wide photo keep it on one page.
#[test]
fn no_wide_photo_crosses_a_spreads_fold() {
    let mut rand = rng(23);
    let mut wide = 0;
    for _ in 0..12 {
        let mut m = measures(sections_of_a_photo(&mut rand));
        m.grids.truncate(1);
        m.pages_across = 2;
        let plan = solve(&m);
        keeps_its_columns(&plan, &m);
        for w in &plan.wide {
            wide += 1;
            assert!(w.stack + w.span <= 2 || w.stack >= 2, "{w:?} {plan:?}");
        }
    }
    assert!(wide > 0, "no page set a photo wide");
}

/// A lead whose last column ends more than the house's tolerance short of the others: under a
/// stepped band the stack under that column starts right under its text, and no white is
/// counted there; a level band beside a photo stays level, the white under the short column
/// counted; two lines short are the band's, as any text's last column ends short.
#[test]
fn the_stack_under_a_leads_short_last_column_starts_under_its_text() {
    use super::super::lead::{LeadChoice, tops, white};
    let m = measures(vec![section(&[9], &[])]);
    let short = |text_grid: u32, last_grid: u32, stepped: bool| crate::makeup::LeadPlan {
        last_grid,
        parts: vec![],
        ..lead_plan(text_grid, 20, stepped)
    };
    let white_of = |plan| white(&m, Some(&LeadChoice { plan, cost: 0.0 }), 0);
    assert_eq!(tops(&m, Some(&short(18, 13, true)))[0], [18, 13, 20, 20]);
    assert_eq!(white_of(short(18, 13, true)), 0);
    // Three lines short: more than the house lets pass at a foot, so a step too.
    assert_eq!(tops(&m, Some(&short(18, 15, true)))[0], [18, 15, 20, 20]);
    assert_eq!(white_of(short(18, 15, true)), 0);
    // Two lines short: the band's (a line of them passes).
    assert_eq!(tops(&m, Some(&short(18, 16, true)))[0], [18, 18, 20, 20]);
    assert_eq!(white_of(short(18, 16, true)), 1);
    // Level beside its photo: the band's foot, and the white under the short column counted.
    assert_eq!(tops(&m, Some(&short(20, 13, false)))[0], [20; 4]);
    assert_eq!(white_of(short(20, 13, false)), 6);
    // The three-stack grid's stacks are not the lead's columns: no step.
    assert_eq!(tops(&m, Some(&short(18, 13, true)))[1], [18, 20, 20]);
}

/// A stepped lead whose two columns do not stand on the stacks' gutters: the third stack
/// stands partly under its photo (10 lines with its caption) and partly under its last column
/// alone, and its column starts under the text's foot (18). Where that last column ends two
/// lines or more over it, the white between is a hole in the middle of the page; a line is
/// the band's, and a level band has no such stack.
#[test]
fn white_beside_the_lead_photo_under_a_short_last_column_is_a_hole() {
    use super::super::lead::{LeadChoice, holes};
    let m = measures(vec![section(&[9], &[])]);
    let of = |last_grid: u32, stepped: bool| {
        let mut plan = lead_plan(18, 10, stepped);
        plan.text_width = 320.0;
        plan.last_grid = last_grid;
        if let Some(photo) = plan.photo.as_mut() {
            photo.width = 386.0;
        }
        holes(&m, Some(&LeadChoice { plan, cost: 0.0 }), 0)
    };
    assert_eq!(of(14, true), 4);
    assert_eq!(of(16, true), 2);
    assert_eq!(of(17, true), 0);
    assert_eq!(of(14, false), 0);
}

#[test]
fn a_level_lead_counts_the_white_under_its_shorter_side_in_every_stack() {
    use super::super::lead::{LeadChoice, white};
    let m = measures(vec![section(&[9], &[])]);
    let level = LeadChoice {
        plan: lead_plan(12, 20, false),
        cost: 0.0,
    };
    // Four stacks: the two under the text stand 8 lines under it, a line of each passing
    // (the lead's columns end between grid lines).
    assert_eq!(white(&m, Some(&level), 0), 14);
    // Three stacks: one under the text, and the middle one, under both, white under the
    // part of it the text stands over (no line passes there: the photo's side is on the grid).
    assert_eq!(white(&m, Some(&level), 1), 15);
    // Level with the photo: none.
    let matched = LeadChoice {
        plan: lead_plan(20, 20, false),
        cost: 0.0,
    };
    assert_eq!(white(&m, Some(&matched), 0), 0);
}

/// A page short by more than heads' space and the last column's tolerance fill: some
/// paragraphs set loose (拉行), each a line longer, only those the measure pass found so, and
/// none on a page that fills without.
#[test]
fn a_page_a_few_lines_short_fills_with_paragraphs_set_loose() {
    // 41 paragraphs of 7 lines, four heads and a credit: 311 of the 320 lines.
    let sections: Vec<SectionMeasures> = [11, 11, 10, 9]
        .iter()
        .map(|&n| section(&vec![7; n], &[]))
        .collect();
    let without = measures(sections.clone());
    let plain = solve(&without);
    keeps_its_columns(&plain, &without);
    assert!(plain.flow.iter().all(|item| !item.loose));
    // Each paragraph's loose setting: a line longer at both grids.
    let loosened: Vec<SectionMeasures> = sections
        .into_iter()
        .map(|mut s| {
            s.loose = s
                .paragraphs
                .iter()
                .map(|grids| {
                    grids
                        .iter()
                        .map(|&n| Some((0..=n as usize + 1).collect()))
                        .collect()
                })
                .collect();
            s
        })
        .collect();
    let with = measures(loosened);
    let plan = solve(&with);
    keeps_its_columns(&plan, &with);
    assert!(
        plan.empty_lines < plain.empty_lines,
        "{} -> {}",
        plain.empty_lines,
        plan.empty_lines
    );
    assert!(plan.empty_lines <= with.tolerance, "{plan:?}");
    // A loose paragraph is a line longer, all its parts set loose.
    let mut loose = 0;
    for (s, section) in with.sections.iter().enumerate() {
        for (p, lines) in section.paragraphs.iter().enumerate() {
            let parts: Vec<_> = plan
                .flow
                .iter()
                .filter(|i| i.kind == FlowKind::Text && (i.section, i.index) == (s, p))
                .collect();
            let set: u32 = parts.iter().map(|i| i.lines).sum();
            let is_loose = parts[0].loose;
            assert!(parts.iter().all(|i| i.loose == is_loose));
            assert_eq!(set, lines[0] + u32::from(is_loose));
            loose += usize::from(is_loose);
        }
    }
    assert!(loose >= 1 && loose <= plain.empty_lines as usize, "{loose}");
    // Never two loose paragraphs side by side.
    let flags: Vec<(usize, usize, bool)> = plan
        .flow
        .iter()
        .filter(|i| i.kind == FlowKind::Text && i.last)
        .map(|i| (i.section, i.index, i.loose))
        .collect();
    assert!(
        flags
            .windows(2)
            .all(|w| !(w[0].2 && w[1].2 && w[0].0 == w[1].0)),
        "{flags:?}"
    );
    // A page that fills without sets nothing loose.
    let full = measures(
        [11, 11, 11, 10]
            .iter()
            .map(|&n| {
                let mut s = section(&vec![7; n], &[]);
                s.loose = s
                    .paragraphs
                    .iter()
                    .map(|g| {
                        g.iter()
                            .map(|&n| Some((0..=n as usize + 1).collect()))
                            .collect()
                    })
                    .collect();
                s
            })
            .collect(),
    );
    let plan = solve(&full);
    assert!(plan.overset_lines == 0 && plan.empty_lines <= full.tolerance);
    assert!(plan.flow.iter().all(|item| !item.loose), "{plan:?}");
}

/// A page a few lines short in every stack, with nothing set loose and no photo to grow, fills
/// with air around the title: the fewest lines that fill it, within the house's most;
/// none on a page that fills without, nor on one too short for the air to fill.
#[test]
fn a_page_short_in_every_stack_fills_with_air_around_the_title() {
    let page =
        |counts: &[usize]| measures(counts.iter().map(|&n| section(&vec![7; n], &[])).collect());
    // 41 paragraphs of 7 lines, four heads and a credit: 311 of the 320 lines.
    let mut m = page(&[11, 11, 10, 9]);
    let plain = solve(&m);
    assert_eq!(plain.air, 0);
    assert!(plain.empty_lines > m.tolerance, "{plain:?}");
    m.headline_air = 3;
    let plan = solve(&m);
    keeps_its_columns(&plan, &m);
    assert!((1..=3).contains(&plan.air), "{plan:?}");
    assert!(plan.empty_lines <= m.tolerance, "{plan:?}");
    assert!(
        plan.frames
            .iter()
            .all(|f| f.top + f.lines <= m.capacity - plan.air),
        "{plan:?}"
    );
    // The fewest lines that fill it: one fewer leaves a foot empty.
    m.headline_air = plan.air - 1;
    let less = solve(&m);
    assert!(less.air == 0 && less.empty_lines > m.tolerance, "{less:?}");
    // A page that fills without takes none; nor does one the air cannot fill.
    for counts in [&[11, 11, 11, 10][..], &[5, 5]] {
        let mut m = page(counts);
        m.headline_air = 3;
        assert_eq!(solve(&m).air, 0, "{counts:?}");
    }
}

/// A lead photo with no lead text beside it, three basic columns wide over a grid of
/// two-column stacks, leaves half a stack bare beside it from the top down to its caption:
/// counted as the hole it is; on the stacks' edges, or with text beside it, nothing bare.
#[test]
fn a_lead_photo_without_text_leaving_part_of_a_stack_bare_is_counted() {
    use super::super::lead::{LeadChoice, bare};
    let m = measures(vec![section(&[9], &[])]);
    let choice = |width: f64, text_grid: u32| {
        let mut plan = lead_plan(text_grid, 30, true);
        if let Some(photo) = plan.photo.as_mut() {
            photo.width = width;
        }
        LeadChoice { plan, cost: 0.0 }
    };
    // 1,044 pt across, stacks of 254.25 on 9 pt gutters: 385 pt from the right leaves
    // stack 3 half under it.
    assert_eq!(bare(&m, Some(&choice(385.0, 0)), 0), 30);
    assert_eq!(bare(&m, Some(&choice(517.5, 0)), 0), 0);
    assert_eq!(bare(&m, Some(&choice(254.25, 0)), 0), 0);
    assert_eq!(bare(&m, Some(&choice(385.0, 6)), 0), 0);
}

/// Two photos of a section with text enough to stand between them are set apart, text
/// between: one right under the other, only a caption between, reads as a tower.
#[test]
fn a_sections_photos_stand_apart_when_its_text_allows() {
    let m = measures(
        (0..4)
            .map(|_| section(&[6, 7, 5, 8, 6, 7], &[(1800, 1200), (1800, 1200)]))
            .collect(),
    );
    let plan = solve(&m);
    keeps_its_columns(&plan, &m);
    let towers: Vec<_> = plan
        .flow
        .windows(2)
        .filter(|w| {
            w[0].frame == w[1].frame && w[0].kind == FlowKind::Photo && w[1].kind == FlowKind::Photo
        })
        .map(|w| (w[0].section, w[0].frame))
        .collect();
    assert!(towers.is_empty(), "photos stacked: {towers:?} {plan:?}");
}

/// A photo that opens a column higher than its section's head stands in the column before
/// reads with the section beside it: counted; the same photo in a column that starts lower,
/// under the head's line, is not.
#[test]
fn a_photo_higher_than_its_sections_head_is_counted() {
    use crate::makeup::Frame;
    use crate::makeup::flow::{Item, Kind, play};
    let flow = [
        (Item::new(Kind::Head, 4), Ref::Head(0)),
        (Item::new(Kind::Text, 9), Ref::Text(0, 0)),
        (Item::new(Kind::Head, 4), Ref::Head(1)),
        (Item::new(Kind::Text, 3), Ref::Text(1, 0)),
        (Item::new(Kind::Block, 8), Ref::Photo(1, 0)),
        (Item::new(Kind::Text, 6), Ref::Text(1, 1)),
    ];
    let items: Vec<Item> = flow.iter().map(|(item, _)| *item).collect();
    // Section 2's head at line 13 of column 1; its photo opens column 2.
    for (top, above) in [(0, 1), (16, 0)] {
        let frames = [
            Frame {
                stack: 0,
                top: 0,
                lines: 20,
            },
            Frame {
                stack: 1,
                top,
                lines: 20,
            },
        ];
        let played = play(&items, &[20, 20], 3);
        assert_eq!(played.used, [20, 14], "{played:?}");
        assert_eq!(
            score::above_head(&flow, &frames, &played),
            above,
            "top {top}"
        );
    }
}

/// A head with its text running on into the next column after 3 lines stands at the foot,
/// away from its story: counted; with 6 lines under it, or its section ending in its column,
/// not.
#[test]
fn a_head_low_in_a_column_is_counted() {
    use super::super::flow::{Item, Kind, play};
    use super::Ref;
    use super::score::low_heads;
    let flow = |first: u32| {
        vec![
            (Item::new(Kind::Text, first), Ref::Text(0, 0)),
            (Item::new(Kind::Head, 4), Ref::Head(1)),
            (Item::new(Kind::Text, 12), Ref::Text(1, 0)),
        ]
    };
    let low = |first: u32, columns: &[u32]| {
        let f = flow(first);
        let items: Vec<Item> = f.iter().map(|(item, _)| *item).collect();
        low_heads(&f, &play(&items, columns, 3))
    };
    // 20 lines a column: the head at line 13, 3 lines under it, 9 in the next column.
    assert_eq!(low(13, &[20, 20]), 1);
    // At line 10: 6 lines under it.
    assert_eq!(low(10, &[20, 20]), 0);
    // Its section ends in its column.
    assert_eq!(low(13, &[40]), 0);
}
