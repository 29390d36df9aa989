//! The search on plain numbers: plans keep their own promises on random pages.
use super::super::{GridOption, PhotoMeasures, SectionMeasures};
use super::*;
use crate::makeup::FlowKind;
use crate::units::ppi;

mod fills;
mod lead;

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
        head_air: 0,
        pages_across: 1,
        fold: 0.0,
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
            score::above_head(&score::placed(&flow, &frames, &played)),
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

/// The same rule on a plan (what preflight warns by): a head 3 lines from its frame's foot,
/// its section going on in the next frame, is low; with 6 lines under it, or its section
/// ending in its frame, not.
#[test]
fn a_plans_low_heads_are_those_its_make_up_counted() {
    use super::super::{FlowItem, Frame};
    let item = |kind, section, lines, frame| FlowItem {
        kind,
        section,
        index: 0,
        lines,
        frame,
        from: 0,
        to: lines,
        last: true,
        starts: None,
        loose: false,
        photo: None,
    };
    let plan = |first: u32, second: &[(usize, u32)]| Plan {
        stacks: 2,
        stack_width: 250.0,
        tops: vec![0, 0],
        frames: vec![
            Frame {
                stack: 0,
                top: 0,
                lines: 20,
            },
            Frame {
                stack: 1,
                top: 0,
                lines: 20,
            },
        ],
        wide: Vec::new(),
        foot: 20,
        head_lines: 4,
        head_air: 0,
        flow: [
            item(FlowKind::Text, 0, first, 0),
            item(FlowKind::Head, 1, 4, 0),
        ]
        .into_iter()
        .chain(
            second
                .iter()
                .map(|&(frame, lines)| item(FlowKind::Text, 1, lines, frame)),
        )
        .collect(),
        band: None,
        lead: None,
        air: 0,
        empty_lines: 0,
        overset_lines: 0,
    };
    // The head at line 13, 3 lines under it, 9 in the next frame: low, going on in frame 1.
    assert_eq!(plan(13, &[(0, 3), (1, 9)]).low_heads(), [(1, 3, 1)]);
    // At line 10: 6 lines under it.
    assert!(plan(10, &[(0, 6), (1, 6)]).low_heads().is_empty());
    // Its section ends in its frame.
    assert!(plan(13, &[(0, 3)]).low_heads().is_empty());
    // Its photo atop frame 1, over the head's line 13: above its head; under its text in
    // frame 1, or with the head at the column's top, not.
    let photo = |frame| item(FlowKind::Photo, 1, 8, frame);
    let mut above = plan(13, &[(0, 3)]);
    above.flow.push(photo(1));
    above.flow.push(item(FlowKind::Text, 1, 6, 1));
    assert_eq!(above.photos_above_heads(), [(3, 1)]);
    let mut under = plan(13, &[(0, 3), (1, 4)]);
    under.flow.push(photo(1));
    assert!(under.photos_above_heads().is_empty());
    let mut level = plan(0, &[(0, 16)]);
    level.flow.push(photo(1));
    assert!(level.photos_above_heads().is_empty());
}
