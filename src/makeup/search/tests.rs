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
            })
            .collect(),
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
        // Replay the plan's flow with its own breaks: it fits as claimed.
        let items: Vec<Item> = plan
            .flow
            .iter()
            .map(|f| {
                Item::new(
                    match f.kind {
                        FlowKind::Head => Kind::Head,
                        FlowKind::Text => Kind::Text,
                        _ => Kind::Block,
                    },
                    f.lines,
                )
            })
            .collect();
        let replay = play(&items, plan.stacks, plan.column_lines, m.keep);
        assert_eq!(
            replay.fits,
            plan.overset_lines == 0,
            "{replay:?} {} {}",
            plan.overset_lines,
            plan.column_lines
        );
        let breaks: Vec<usize> = plan
            .flow
            .iter()
            .enumerate()
            .filter(|(_, f)| f.column_break)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(replay.breaks, breaks);
    }
}

#[test]
fn a_short_page_is_balanced() {
    // Four sections, no photos: about 150 lines of text in stacks of 80.
    let m = measures((0..4).map(|_| section(&[9, 6, 11, 7, 5], &[])).collect());
    let plan = solve(&m);
    let items: Vec<Item> = plan
        .flow
        .iter()
        .map(|f| {
            Item::new(
                if f.kind == FlowKind::Head {
                    Kind::Head
                } else if f.kind == FlowKind::Text {
                    Kind::Text
                } else {
                    Kind::Block
                },
                f.lines,
            )
        })
        .collect();
    let played = play(&items, plan.stacks, plan.column_lines, m.keep);
    let (min, max) = (
        played.used.iter().min().unwrap(),
        played.used.iter().max().unwrap(),
    );
    assert!(
        max - min <= 4,
        "stacks end {:?} in columns of {}",
        played.used,
        plan.column_lines
    );
    assert!(plan.column_lines < 60, "{}", plan.column_lines);
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
