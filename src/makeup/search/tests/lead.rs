//! The lead band's make-up: where the stacks under it start, the white it leaves.

use super::*;

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
        let under_column = |c: u32| {
            lead.steps
                .iter()
                .find(|s| s.0 == c)
                .map_or(lead.text_grid, |s| s.1)
        };
        match (lead.stepped, plan.stacks) {
            // Each column starts right under what stands over it.
            (true, 4) => assert_eq!(
                plan.tops,
                [under_column(0), under_column(1), under, under],
                "{plan:?}"
            ),
            (true, _) => {}
            (false, _) => assert!(plan.tops.iter().all(|&t| t == lead.lines), "{plan:?}"),
        }
        for &(column, top) in &lead.steps {
            assert!(lead.stepped, "{plan:?}");
            assert_eq!(top, lead.column_grids[column as usize], "{plan:?}");
            assert!(lead.text_grid > top + 1, "{plan:?}");
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
        column_grids: vec![text_grid; 2],
        parts: vec![],
        steps: Vec::new(),
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
    use super::super::lead::{LeadChoice, hole_lines, tops, white};
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
    // Eight lines over the middle stack, beside the photo: a hole a short page must not hide
    // there (its lines cost as white over a photo), where a line or two would pass.
    assert_eq!(hole_lines(&m, Some(&choice), 0), 0);
    assert_eq!(hole_lines(&m, Some(&choice), 1), 8);
    let near = LeadChoice {
        plan: lead_plan(18, 20, true),
        cost: 0.0,
    };
    assert_eq!(hole_lines(&m, Some(&near), 1), 0);
}

/// A lead whose last column ends two lines or more short of the others: under a stepped band
/// the stack under that column starts right under its text, and no white is counted there; a
/// level band beside a photo stays level, the white under the short column counted; a line
/// short is the band's, as any text's last column ends short.
#[test]
fn the_stack_under_a_leads_short_last_column_starts_under_its_text() {
    use super::super::lead::{LeadChoice, tops, white};
    let m = measures(vec![section(&[9], &[])]);
    let short = |text_grid: u32, last_grid: u32, stepped: bool| crate::makeup::LeadPlan {
        last_grid,
        column_grids: vec![text_grid, last_grid],
        parts: vec![],
        ..lead_plan(text_grid, 20, stepped)
    };
    let white_of = |plan| white(&m, Some(&LeadChoice { plan, cost: 0.0 }), 0);
    assert_eq!(tops(&m, Some(&short(18, 13, true)))[0], [18, 13, 20, 20]);
    assert_eq!(white_of(short(18, 13, true)), 0);
    // Three lines short: more than the house lets pass at a foot, so a step too.
    assert_eq!(tops(&m, Some(&short(18, 15, true)))[0], [18, 15, 20, 20]);
    assert_eq!(white_of(short(18, 15, true)), 0);
    // Two lines short: a step too.
    assert_eq!(tops(&m, Some(&short(18, 16, true)))[0], [18, 16, 20, 20]);
    assert_eq!(white_of(short(18, 16, true)), 0);
    // A line short: the band's, and it passes.
    assert_eq!(tops(&m, Some(&short(18, 17, true)))[0], [18, 18, 20, 20]);
    assert_eq!(white_of(short(18, 17, true)), 0);
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
        plan.column_grids = vec![18, last_grid];
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

/// The lead in three columns over most of the type area and its photo a basic stack wide at
/// the right: over the three-stack grid the last stack stands under the photo and under a
/// quarter of the lead's last column, its column starting under the photo, and the white over
/// that quarter, from the text's foot down to the photo's, is a hole (a reviewer's page showed
/// 25 mm of it, counted as nothing while only a stack's quarter was thought a gutter's strip);
/// a stack the text does not reach but by a gutter, as by a spread's fold, has none.
#[test]
fn a_stack_a_quarter_under_the_leads_text_beside_a_lower_photo_is_white() {
    use super::super::lead::seen_white;
    let m = measures(vec![section(&[9], &[])]);
    let mut plan = lead_plan(8, 14, false);
    plan.columns = 3;
    plan.text_width = 254.25;
    plan.column_grids = vec![8; 3];
    if let Some(photo) = plan.photo.as_mut() {
        photo.width = 254.25;
    }
    // Text 0–781, photo 790–1044; three stacks: the last 704–1044, under 77 pt of the text.
    assert_eq!(seen_white(&m, Some(&plan), 1)[2], 6);
    // Four stacks stand on the text's columns and the photo: none.
    assert_eq!(seen_white(&m, Some(&plan), 0)[3], 0);
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

/// A lead across the page whose columns each stand over whole stacks: under any column that
/// ends short, its first as much as its last, or holds nothing, the stacks start right under
/// its text, no white counted there; columns a stack and a half wide do not stand on the
/// stacks' gutters, and the white under the short one is counted.
#[test]
fn the_stacks_under_any_short_column_of_a_lead_across_the_page_start_under_its_text() {
    use super::super::lead::{LeadChoice, tops, white};
    let m = measures(vec![section(&[9], &[])]);
    // Two columns, each two stacks of the house grid wide (2 × 254.25 + 9).
    let across = |column_grids: Vec<u32>, text_width: f64| crate::makeup::LeadPlan {
        columns: column_grids.len() as u32,
        text_width,
        text_grid: 8,
        last_grid: *column_grids.last().unwrap(),
        column_grids,
        lines: 8,
        photo: None,
        ..lead_plan(8, 10, false)
    };
    let white_of = |plan| white(&m, Some(&LeadChoice { plan, cost: 0.0 }), 0);
    // The first column short: the two stacks under it start under its text.
    assert_eq!(tops(&m, Some(&across(vec![5, 8], 517.5)))[0], [5, 5, 8, 8]);
    assert_eq!(white_of(across(vec![5, 8], 517.5)), 0);
    // Four columns, the third holding nothing: its stack starts at the top.
    assert_eq!(
        tops(&m, Some(&across(vec![8, 8, 0, 8], 254.25)))[0],
        [8, 8, 0, 8]
    );
    assert_eq!(white_of(across(vec![8, 8, 0, 8], 254.25)), 0);
    // Two lines short: a step too (with a head's white over its rule, three read as a hole).
    assert_eq!(tops(&m, Some(&across(vec![6, 8], 517.5)))[0], [6, 6, 8, 8]);
    // A line short: the band's, and it passes.
    assert_eq!(tops(&m, Some(&across(vec![7, 8], 517.5)))[0], [8; 4]);
    assert_eq!(white_of(across(vec![7, 8], 517.5)), 0);
    // Columns not on the stacks' gutters: no step, the white under the short one counted in
    // every stack it stands over.
    assert_eq!(tops(&m, Some(&across(vec![8, 5, 8], 340.0)))[0], [8; 4]);
    assert!(white_of(across(vec![8, 5, 8], 340.0)) >= 4);
}

/// A stack the lead's text reaches only by a strip narrower than a quarter of it (its photo
/// standing a little right of the stack's edge, as on a spread by the fold) is not white
/// beside the photo: no hole is counted there. One the text covers a good part of is.
#[test]
fn a_stack_the_leads_text_only_grazes_is_not_white_beside_its_photo() {
    use super::super::lead::{LeadChoice, hole_lines};
    let m = measures(vec![section(&[9], &[])]);
    let with = |text_width: f64, photo_width: f64| {
        let mut plan = lead_plan(8, 20, true);
        plan.text_width = text_width;
        if let Some(photo) = plan.photo.as_mut() {
            photo.width = photo_width;
        }
        hole_lines(&m, Some(&LeadChoice { plan, cost: 0.0 }), 0)
    };
    // The text ends 2.5 pt into the third stack, the photo starts 37.5 pt into it.
    assert_eq!(with(260.0, 480.0), 0);
    // The text covers half the third stack beside the photo: 12 lines of white beside it.
    assert_eq!(with(320.0, 386.0), 12);
}
