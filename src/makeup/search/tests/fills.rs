//! The fills of a short page: photos set across stacks, paragraphs set loose, air around the
//! title.

use super::*;

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

/// A spread's stacks stand on each page's type area: the gutter of a page between them, the
/// two inner margins across the fold (as `stack-x` in layout/style.typ draws them).
#[test]
fn a_spreads_stacks_stand_on_each_pages_type_area() {
    let mut m = measures(Vec::new());
    // Two type areas of 999 pt, 106.5 pt of inner margins between; 8 stacks of 243 pt.
    m.pages_across = 2;
    m.fold = 106.5;
    m.full_width = 2.0 * 999.0 + 106.5;
    m.grids.truncate(1);
    m.grids[0].stacks = 8;
    m.grids[0].width = 243.0;
    assert!((m.stack_gutter(0) - 9.0).abs() < 1e-9);
    let edges = m.stack_edges(0);
    assert_eq!(edges.len(), 8);
    assert!((edges[3].1 - 999.0).abs() < 1e-9, "{edges:?}");
    assert!((edges[4].0 - 1105.5).abs() < 1e-9, "{edges:?}");
    assert!((edges[7].1 - m.full_width).abs() < 1e-9, "{edges:?}");
    // One page: the stacks spread over its type area as before.
    let single = measures(Vec::new());
    let edges = single.stack_edges(0);
    assert!((edges.last().unwrap().1 - single.full_width).abs() < 1e-9);
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

/// A page the title's air leaves short fills with every section head opened alike by a line,
/// the same for each (one rhythm down the page), and only then: a page the title's air fills
/// keeps its heads as designed.
#[test]
fn a_page_the_titles_air_leaves_short_opens_every_head_alike() {
    let page =
        |counts: &[usize]| measures(counts.iter().map(|&n| section(&vec![7; n], &[])).collect());
    // Four stacks and four heads: a line over every head fills as much as a line of air
    // around the title.
    let mut m = page(&[11, 11, 10, 9]);
    m.headline_air = 3;
    m.head_air = 1;
    let by_title = solve(&m);
    assert!(by_title.air > 0 && by_title.head_air == 0, "{by_title:?}");
    m.headline_air = by_title.air - 1;
    m.head_air = 0;
    let short = solve(&m);
    assert!(short.empty_lines > m.tolerance, "{short:?}");
    m.head_air = 1;
    let plan = solve(&m);
    keeps_its_columns(&plan, &m);
    assert_eq!(plan.head_air, 1, "{plan:?}");
    // No column foot emptier than the house lets pass.
    for (i, f) in plan.frames.iter().enumerate() {
        assert!(f.lines - plan.lines_in(i) <= m.tolerance, "{plan:?}");
    }
    // Every head opened.
    for head in plan.flow.iter().filter(|it| it.kind == FlowKind::Head) {
        assert!(head.lines > plan.head_lines, "{head:?}");
    }
}

/// A photo set across the very stacks of another moves it out of its way, as a make-up editor
/// does: the earlier section's photo over the later's, a leg of text between, the one moved
/// at its lowest height where its own does not leave the room; none where no room is left.
#[test]
fn a_second_photo_across_the_same_stacks_slides_the_first_out_of_its_way() {
    use super::super::MIN_LEG;
    use super::super::wide::Wide;
    let m = measures(vec![
        section(&[10, 12, 9], &[(1800, 1200)]),
        section(&[6, 9, 12], &[(1800, 1200)]),
        section(&[11, 7, 10], &[(1800, 1200)]),
    ]);
    let mut cx = Context::new(&m);
    cx.set_lead(None);
    let foot = 80;
    let (lo, natural, _) = cx.wide_range(0, (0, 0), 2).unwrap();
    assert!(lo < natural, "{lo} {natural}");
    let wide = |section: usize, stack: usize, top: u32, lines: u32| Wide {
        section,
        photo: 0,
        stack,
        span: 2,
        top,
        lines,
    };
    let total = |w: &Wide| cx.wide_total(0, w);
    // Section 2's photo set where section 1's stands: section 1's goes up over it, at its
    // own height, a leg of text over it.
    let mut placed = vec![wide(0, 0, 30, natural), wide(2, 2, 30, natural)];
    let new = wide(1, 0, 40, natural);
    cx.make_way(0, &mut placed, &new, foot).unwrap();
    assert_eq!(placed[0].lines, natural);
    assert_eq!(placed[0].top + total(&placed[0]) + MIN_LEG, new.top);
    assert!(placed[0].top >= MIN_LEG);
    assert_eq!(
        placed[1],
        wide(2, 2, 30, natural),
        "another stacks' photo stays"
    );
    // Set higher, section 1's shrinks to its lowest to stand over it.
    let mut placed = vec![wide(0, 0, 30, natural)];
    let new = wide(1, 0, 2 * MIN_LEG + total(&wide(0, 0, 0, lo)), natural);
    cx.make_way(0, &mut placed, &new, foot).unwrap();
    assert_eq!(placed[0].lines, lo);
    assert_eq!(placed[0].top + total(&placed[0]) + MIN_LEG, new.top);
    // Section 0's photo set over section 1's: section 1's goes under it.
    let mut placed = vec![wide(1, 0, 10, natural)];
    let new = wide(0, 0, 8, natural);
    cx.make_way(0, &mut placed, &new, foot).unwrap();
    assert_eq!(placed[0].top, new.top + total(&new) + MIN_LEG);
    // No room under it: no page.
    let mut placed = vec![wide(1, 0, foot - total(&wide(1, 0, 0, natural)), natural)];
    let new = wide(0, 0, foot - total(&wide(0, 0, 0, natural)), natural);
    assert!(cx.make_way(0, &mut placed, &new, foot).is_none());
    // Clear of it already: nothing moves.
    let mut placed = vec![wide(0, 0, 4, natural)];
    let new = wide(1, 0, 4 + total(&placed[0]) + MIN_LEG, natural);
    cx.make_way(0, &mut placed, &new, foot).unwrap();
    assert_eq!(placed[0], wide(0, 0, 4, natural));
}

/// A leg over a wide photo a line short of it, where the next paragraph cannot be split: the
/// paragraph before set loose (拉行) runs the leg down to the photo. Without a paragraph that
/// may be set so, the page stays as it was.
#[test]
fn a_leg_a_line_short_of_a_wide_photo_runs_down_to_it_set_loose() {
    use super::super::wide::Wide;
    let top = 20;
    let page = |loosable: bool| {
        let mut m = measures(vec![section(&[1], &[(1800, 1200)])]);
        m.grids.truncate(1);
        let natural = Context::new(&m).wide_range(0, (0, 0), 2).unwrap().1;
        // Over the photo, stack 1: the head (4) and paragraphs of 8 and 7 lines, a line short
        // of it; stack 2: two of 9 and 11. None of these splits but the first. Then a
        // paragraph for each column under it and beside it, the credit and a line empty.
        let caption = 2;
        let under = m.capacity - top - natural - caption;
        let lines = vec![8, 7, 9, 11, under, under, m.capacity, m.capacity - 2];
        let mut s = section(&lines, &[(1800, 1200)]);
        for p in 1..4 {
            s.starts[p] = vec![None, None];
        }
        s.loose = vec![vec![None, None]; lines.len()];
        if loosable {
            s.loose[1] = vec![Some((0..=8).collect()), None];
        }
        m.sections = vec![s];
        (m, natural)
    };
    for loosable in [true, false] {
        let (m, natural) = page(loosable);
        let mut cx = Context::new(&m);
        cx.set_lead(None);
        cx.wide_fixed = true;
        let mut trial = cx.start(0, None, 0);
        trial.wide = vec![Wide {
            section: 0,
            photo: 0,
            stack: 0,
            span: 2,
            top,
            lines: natural,
        }];
        assert!(!cx.flush(&trial), "the leg stands a line short");
        assert!(!cx.leaves_a_foot_empty(&trial));
        let score = cx.score(&trial);
        let (loose_score, loosened) = cx.loosen(score, trial.clone());
        if loosable {
            assert!(cx.flush(&loosened), "{loosened:?}");
            assert!(!cx.leaves_a_foot_empty(&loosened));
            assert!(loose_score.better_than(&score));
            assert!(loosened.loose[0][1], "{:?}", loosened.loose);
        } else {
            assert_eq!(loosened, trial);
        }
    }
}
