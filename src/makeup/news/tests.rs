//! The news make-up on plain numbers: stories of given lengths, no typst.

use super::*;

/// Measures of a story of `chars` characters in paragraphs of about 150, a head of `head`
/// lines at any width, and photos of the given pixel sizes; as the template measures them, a
/// line of a leg `c` columns wide holding 13c + c − 1 characters.
fn story(id: &str, rank: usize, chars: u32, photos: &[(u32, u32)]) -> StoryMeasures {
    let paragraphs: Vec<u32> = {
        let mut left = chars;
        let mut out = Vec::new();
        while left > 0 {
            let take = left.min(150);
            out.push(take);
            left -= take;
        }
        out
    };
    let mut legs = Vec::new();
    for w in 1..=8u32 {
        for c in [1u32, 2].into_iter().filter(|c| w % c == 0) {
            let per_line = 13 * c + c - 1;
            let lines: Vec<u32> = paragraphs
                .iter()
                .map(|p| (p + 2).div_ceil(per_line))
                .collect();
            legs.push(LegMeasures {
                width: w,
                cols: c,
                leg_width: f64::from(9 * per_line),
                // Where each line starts, in bytes of 3 (a Chinese character each).
                starts: lines
                    .iter()
                    .map(|&n| {
                        Some(
                            (0..=n as usize)
                                .map(|k| k * 3 * per_line as usize)
                                .collect(),
                        )
                    })
                    .collect(),
                paragraphs: lines,
            });
        }
    }
    let sizes = match rank {
        0 => vec![40.0, 34.0],
        1 => vec![28.0, 24.0],
        _ => vec![22.0, 20.0],
    };
    StoryMeasures {
        id: id.into(),
        rank,
        kind: super::StoryKind::Story,
        pin: None,
        frame_lines: 0,
        heads: (1..=8u32)
            .map(|w| sizes.iter().map(|_| if w < 3 { 6 } else { 4 }).collect())
            .collect(),
        headline_broken: Vec::new(),
        headline_lines: (1..=8u32)
            .map(|w| sizes.iter().map(|_| if w < 3 { 3 } else { 1 }).collect())
            .collect(),
        sizes,
        legs,
        jump_to: None,
        photos: photos
            .iter()
            .map(|&(w, h)| NewsPhoto {
                width_px: w,
                height_px: h,
                max_crop: None,
                span: None,
                captions: vec![3, 2, 2, 1, 1, 1, 1, 1],
            })
            .collect(),
    }
}

fn page(stories: Vec<StoryMeasures>) -> NewsMeasures {
    NewsMeasures {
        pitch: 13.0,
        gap: 4.0,
        columns: 8,
        column_width: 117.0,
        gutter: 9.0,
        lines: 107,
        rule_lines: 1,
        frame_inset: 4.5,
        max_crop: 0.1,
        warn_ppi: 200.0,
        error_ppi: 120.0,
        min_photo_lines: 4,
        tolerance: 2,
        stories,
    }
}

/// Every column covered from the top to the foot exactly once, rectangles a rule apart.
fn assert_tiles(m: &NewsMeasures, plan: &NewsPlan) {
    let mut cover = vec![vec![false; m.lines as usize]; m.columns as usize];
    for module in &plan.modules {
        for c in module.column..module.column + module.width {
            for l in module.line..module.line + module.lines {
                let cell = &mut cover[c as usize][l as usize];
                assert!(!*cell, "{} overlaps at column {c}, line {l}", module.id);
                *cell = true;
            }
        }
    }
    for (c, column) in cover.iter().enumerate() {
        // Free lines are rules only: one line between rectangles, none at the foot.
        let free: Vec<usize> = (0..column.len()).filter(|&l| !column[l]).collect();
        assert!(column[m.lines as usize - 1], "column {c} ends short");
        for l in free {
            assert!(
                column[l - 1] && column[l + 1],
                "column {c}: a hole at line {l}"
            );
        }
    }
}

#[test]
fn seven_stories_tile_the_page_lead_on_top() {
    let m = page(vec![
        story("lead", 0, 1100, &[(3000, 2000)]),
        story("second", 1, 700, &[(2000, 2600)]),
        story("third", 2, 450, &[]),
        story("fourth", 3, 420, &[]),
        story("fifth", 4, 380, &[]),
        story("sixth", 5, 350, &[(3000, 2000)]),
        story("seventh", 6, 300, &[]),
    ]);
    let plan = solve(&m);
    assert!(plan.left_out.is_empty(), "left out {:?}", plan.left_out);
    assert_eq!(plan.empty_lines, 0);
    assert_tiles(&m, &plan);
    let lead = plan.modules.iter().find(|p| p.id == "lead").unwrap();
    assert_eq!((lead.line, lead.column), (0, 0));
    assert!(lead.width >= 4);
    assert!(plan.modules.iter().all(|p| p.empty <= 2 * p.legs));
}

#[test]
fn too_much_copy_leaves_the_lowest_ranked_out() {
    let mut stories = vec![story("lead", 0, 3000, &[(3000, 2000)])];
    stories.extend((1..8).map(|i| story(&format!("s{i}"), i, 1600, &[])));
    let m = page(stories);
    let plan = solve(&m);
    assert!(!plan.left_out.is_empty());
    assert!(plan.left_out.iter().all(|l| l.id != "lead"));
    // Each says the least room it needs.
    assert!(plan.left_out.iter().all(|l| l.width >= 1 && l.lines > 0));
}

/// The lead's photo is never one column, a thumbnail, where its pixels allow two: not in any
/// shape its table offers, so a page of many stories leaves one out rather than squeeze it so
/// (a reviewer's twelve stories set it 41 × 27 mm). A photo too small for two columns at the
/// warning resolution may still stand in one.
#[test]
fn the_leads_photo_is_two_columns_at_least_where_its_pixels_allow() {
    let m = page(vec![story("lead", 0, 1500, &[(3000, 2000)])]);
    let widths: Vec<u32> = shapes::table(&m, &m.stories[0])
        .iter()
        .flat_map(|t| t.values())
        .map(|s| shapes::photo_spans(1, (s.across, s.corner), s.width, s.leg_cols)[0])
        .collect();
    assert!(
        !widths.is_empty() && widths.iter().all(|&w| w >= 2),
        "{widths:?}"
    );
    let small = page(vec![story("lead", 0, 1500, &[(500, 400)])]);
    assert!(
        shapes::table(&small, &small.stories[0])
            .iter()
            .flat_map(|t| t.values())
            .next()
            .is_some()
    );
}

#[test]
fn too_little_copy_is_reported_as_empty_lines() {
    let m = page(vec![
        story("lead", 0, 300, &[]),
        story("second", 1, 200, &[]),
    ]);
    let plan = solve(&m);
    assert!(plan.empty_lines > 0 || !plan.left_out.is_empty());
}

#[test]
fn a_pinned_story_keeps_its_column_and_width() {
    let mut pinned = story("pinned", 3, 420, &[]);
    pinned.pin = Some(PinMeasures {
        column: Some(6),
        width: Some(2),
    });
    let m = page(vec![
        story("lead", 0, 1100, &[(3000, 2000)]),
        story("second", 1, 700, &[]),
        story("third", 2, 500, &[]),
        pinned,
        story("fifth", 4, 380, &[]),
        story("sixth", 5, 420, &[]),
    ]);
    let plan = solve(&m);
    if let Some(p) = plan.modules.iter().find(|p| p.id == "pinned") {
        assert_eq!((p.column, p.width), (6, 2));
    } else {
        panic!("the pinned story has no place: {:?}", plan.left_out);
    }
}

#[test]
fn a_pin_no_rectangle_keeps_is_set_aside_and_the_page_made_up_without_it() {
    // Pinned 3 columns wide from the page's seventh column: 2 are left. A reviewer's pin the
    // story could not keep left the whole page unmade, its lead too.
    let mut pinned = story("pinned", 1, 700, &[]);
    pinned.pin = Some(PinMeasures {
        column: Some(6),
        width: Some(3),
    });
    let m = page(vec![
        story("lead", 0, 1100, &[(3000, 2000)]),
        pinned,
        story("third", 2, 500, &[]),
        story("fourth", 3, 420, &[]),
    ]);
    let plan = solve(&m);
    assert_eq!(plan.modules.len(), 4, "{:?}", plan.left_out);
    assert_eq!(plan.unkept_pins.len(), 1);
    let unkept = &plan.unkept_pins[0];
    assert_eq!((unkept.id.as_str(), unkept.width), ("pinned", Some(3)));
    assert!(unkept.widths.contains(&3), "{unkept:?}");
    // A pin it can keep is kept, and not reported: 3 wide from the sixth column.
    let mut m = m;
    m.stories[1].pin = Some(PinMeasures {
        column: Some(5),
        width: Some(3),
    });
    let plan = solve(&m);
    assert!(plan.unkept_pins.is_empty());
    let p = plan.modules.iter().find(|p| p.id == "pinned").unwrap();
    assert_eq!((p.column, p.width), (5, 3));
}

#[test]
fn a_story_that_finds_no_place_leaves_out_only_itself() {
    // A lead locked across the page over most of it, a 二条 too long for what is left, and
    // short stories that fit under the lead: the 二条 is left out, and only it (a reviewer's
    // page left out ten short stories ranked below it, and 166 lines of column stood empty).
    let mut lead = story("lead", 0, 2600, &[(4000, 3000)]);
    lead.pin = Some(PinMeasures {
        column: Some(0),
        width: Some(8),
    });
    // (The short ones' heads of different sizes: side by side under the lead, heads of one
    // size are never set.)
    let mut fourth = story("fourth", 3, 150, &[]);
    fourth.sizes = vec![18.0, 16.0];
    let m = page(vec![
        lead,
        story("second", 1, 9000, &[]),
        story("third", 2, 150, &[]),
        fourth,
    ]);
    let plan = solve(&m);
    let left: Vec<&str> = plan.left_out.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(left, ["second"]);
    assert_eq!(plan.modules.len(), 3);
}

#[test]
fn heads_side_by_side_never_share_a_size() {
    let m = page(
        (0..7)
            .map(|i| story(&format!("s{i}"), i, 500, &[]))
            .collect(),
    );
    let plan = solve(&m);
    for a in &plan.modules {
        for b in &plan.modules {
            let beside = a.column + a.width == b.column;
            let bands = a.line < b.line + b.head_lines && b.line < a.line + a.head_lines;
            assert!(
                !(beside && bands && a.size == b.size),
                "{} and {} collide",
                a.id,
                b.id
            );
        }
    }
}

/// A lead story longer than the page holds, with a jump, keeps what the page gives it and
/// ends at a line with the jump line under it; the page tiles whole and every other story
/// stays. Without the jump, the same page must leave stories out.
#[test]
fn a_story_that_jumps_fills_its_module_and_hands_on_the_rest() {
    let stories = |jumps: bool| {
        let mut lead = story("lead", 0, 9000, &[(3000, 2000)]);
        lead.jump_to = jumps.then_some(5);
        vec![
            lead,
            story("second", 1, 700, &[(2000, 2600)]),
            story("third", 2, 450, &[]),
            story("fourth", 3, 420, &[]),
        ]
    };
    let m = page(stories(true));
    let plan = solve(&m);
    assert!(plan.left_out.is_empty(), "left out {:?}", plan.left_out);
    assert_eq!(plan.empty_lines, 0);
    assert_tiles(&m, &plan);
    let lead = plan.modules.iter().find(|p| p.id == "lead").unwrap();
    let jump = lead.jump.as_ref().expect("the lead jumps");
    let leg = m.stories[0]
        .legs
        .iter()
        .find(|l| l.width == lead.width && l.cols == lead.leg_cols)
        .unwrap();
    let total: u32 = leg.paragraphs.iter().sum();
    let kept = total - jump.jumped;
    assert!(
        f64::from(kept) >= jump::MIN_SHARE * f64::from(total),
        "{kept} of {total}"
    );
    // The cut paragraph is the flow's last, set as its kept lines, the jump line after it.
    let last = lead.flow.iter().rfind(|e| e.kind == "paragraph").unwrap();
    assert!(last.jump);
    assert_eq!(last.index, jump.cut.paragraph);
    let whole = jump.cut.lines == leg.paragraphs[jump.cut.paragraph];
    assert_eq!(last.part.is_none(), whole);
    if let Some(part) = &last.part {
        assert_eq!(part.len() as u32, jump.cut.lines + 1);
        assert_eq!(jump.resume, (jump.cut.paragraph, *part.last().unwrap()));
    }
    // No other story jumps.
    assert!(plan.modules.iter().filter(|p| p.jump.is_some()).count() == 1);
    // Without the jump, the lead is overset: the page cannot hold every story.
    let plan = solve(&page(stories(false)));
    assert!(!plan.left_out.is_empty() || plan.modules.iter().all(|p| p.id != "lead"));
}

/// A story that fits its page with room to spare does not jump.
#[test]
fn a_story_that_fits_does_not_jump() {
    let mut lead = story("lead", 0, 1100, &[(3000, 2000)]);
    lead.jump_to = Some(5);
    let m = page(vec![
        lead,
        story("second", 1, 700, &[(2000, 2600)]),
        story("third", 2, 450, &[]),
        story("fourth", 3, 420, &[]),
        story("fifth", 4, 380, &[]),
        story("sixth", 5, 350, &[(3000, 2000)]),
        story("seventh", 6, 300, &[]),
    ]);
    let plan = solve(&m);
    assert_tiles(&m, &plan);
    assert!(plan.modules.iter().all(|p| p.jump.is_none()));
}

/// A page too short to fill, whose lead may jump: sending lines on would only free room for
/// its photo while the page stays white, so it keeps its text whole (a reviewer's front
/// page sent 60 lines of its lead on and left 67 lines empty).
#[test]
fn a_story_does_not_jump_off_a_page_left_white() {
    let mut lead = story("lead", 0, 1700, &[(3000, 2000)]);
    lead.jump_to = Some(3);
    let m = page(vec![
        lead,
        story("second", 1, 250, &[(2000, 1500)]),
        story("third", 2, 220, &[]),
        story("fourth", 3, 150, &[]),
    ]);
    let plan = solve(&m);
    assert!(plan.left_out.is_empty(), "{:?}", plan.left_out);
    assert!(plan.empty_lines > 0, "the page is short of copy");
    assert!(
        plan.modules.iter().all(|p| p.jump.is_none()),
        "{:?}",
        plan.modules
            .iter()
            .map(|p| (&p.id, &p.jump))
            .collect::<Vec<_>>()
    );
}

/// However short the copy, a photo is never set so wide that it prints below the warning
/// resolution when a narrower place keeps it above (a photo 2000 px wide prints at 200 ppi up
/// to 10 inches wide: no wider than 5 basic columns). Without the rule, the first page here
/// blew its second story's 4:3 photo up to the page's width at 144 ppi.
#[test]
fn photos_are_never_blown_up_below_the_warning_resolution() {
    let pages = [
        [
            (1000, (2400, 1600)),
            (600, (2000, 1500)),
            (330, (0, 0)),
            (330, (0, 0)),
        ],
        [
            (600, (2000, 3000)),
            (300, (1200, 800)),
            (250, (0, 0)),
            (0, (0, 0)),
        ],
        [
            (300, (3000, 2000)),
            (200, (2000, 3000)),
            (0, (0, 0)),
            (0, (0, 0)),
        ],
        [
            (1100, (2000, 3000)),
            (700, (1600, 1200)),
            (450, (0, 0)),
            (420, (1200, 900)),
        ],
    ];
    for stories in pages {
        let m = page(
            stories
                .iter()
                .enumerate()
                .filter(|(_, (chars, _))| *chars > 0)
                .map(|(rank, &(chars, px))| {
                    let photos: &[(u32, u32)] = if px.0 > 0 { &[px] } else { &[] };
                    story(&format!("story-{rank}"), rank, chars, photos)
                })
                .collect(),
        );
        let plan = solve(&m);
        for module in &plan.modules {
            for p in &module.photos {
                let px = m.stories[module.story].photos[p.index].width_px;
                let ppi = crate::units::ppi(f64::from(px), p.drawn.0);
                assert!(
                    ppi >= m.warn_ppi - 1e-6,
                    "{} photo at {ppi:.0} ppi",
                    module.id
                );
            }
        }
    }
}

#[test]
fn a_photo_over_the_last_legs_starts_them_under_it_and_the_text_runs_on_at_a_line() {
    let m = page(vec![story("lead", 0, 3000, &[(3000, 2000)])]);
    let table = shapes::table(&m, &m.stories[0]);
    let corners: Vec<&Shape> = table
        .iter()
        .flat_map(|t| t.values())
        .filter(|s| s.corner > 0)
        .collect();
    assert!(
        !corners.is_empty(),
        "no shape with the photo over some legs"
    );
    for shape in corners {
        // Never one narrow leg beside a photo across the rest.
        assert!(shape.legs - shape.corner >= shape.corner.div_ceil(3));
        let module = module(&m, 0, 0, 0, shape);
        let photo = &module.photos[0];
        let block = photo.picture_lines + photo.caption_lines;
        for (j, &top) in module.leg_tops.iter().enumerate() {
            let under = j as u32 + shape.corner >= shape.legs;
            assert_eq!(top, if under { block } else { 0 }, "leg {j}");
            let text = |e: &&FlowEntry| e.leg == j as u32 && e.kind == "paragraph";
            assert!(
                module.flow.iter().any(|e| text(&e)),
                "leg {j} holds no text"
            );
        }
        // Each paragraph opens once, runs on from where it broke, and ends once; a part
        // carries its lines' starts.
        for p in 0..m.stories[0].legs[0].paragraphs.len() {
            let parts: Vec<&FlowEntry> = module
                .flow
                .iter()
                .filter(|e| e.kind == "paragraph" && e.index == p)
                .collect();
            assert_eq!(parts[0].from, 0);
            assert!(parts.windows(2).all(|w| w[0].from < w[1].from));
            assert_eq!(parts.iter().filter(|e| e.last).count(), 1);
            assert!(parts.len() == 1 || parts.iter().all(|e| e.part.is_some()));
        }
    }
}

#[test]
fn a_story_turns_the_corner_under_its_neighbour_with_its_head_over_its_first_columns() {
    let m = page(vec![
        story("lead", 0, 3000, &[]),
        story("second", 1, 1200, &[]),
    ]);
    let second = &m.stories[1];
    // Three free columns, two more under a neighbour ending 20 lines lower.
    let (lines, shape) = (20..80)
        .find_map(|lines| Some((lines, turn::turned(&m, second, (3, 2), 20, lines)?)))
        .expect("an L of some height");
    let turned = shape.turn.expect("set in an L");
    assert_eq!((turned.left, turned.step, shape.width), (3, 20, 5));
    assert!(
        shape.head_lines < 20,
        "the legs that turn start under the head"
    );
    let module = module(&m, 1, 0, 30, &shape);
    // The legs under the neighbour start level with its foot's rule, the rest under the head.
    let under = 2 / shape.leg_cols;
    for (j, &top) in module.leg_tops.iter().enumerate() {
        let turns = j as u32 + under >= shape.legs;
        assert_eq!(
            top,
            if turns { 20 - shape.head_lines } else { 0 },
            "leg {j}"
        );
        assert!(
            module.flow.iter().any(|e| e.leg == j as u32),
            "leg {j} empty"
        );
    }
    // Legs that would stand beside the head are no L.
    assert!(turn::turned(&m, second, (3, 2), shape.head_lines, lines).is_none());
    // Nor one whose turned legs hold fewer lines than a leg under a neighbour may.
    assert!(turn::turned(&m, second, (3, 2), lines - 2, lines).is_none());
}

/// Short copy is filled by larger photos, the lead's first. A reviewer's page of six stories
/// (measures as `banmian` handed them to the make-up): its second story's photo was set six
/// columns by 42 lines under a lead whose photo stood three by 19.
#[test]
fn short_copy_grows_the_leads_photo_before_a_lesser_storys() {
    let m: NewsMeasures = serde_json::from_str(include_str!("pages/short-copy.json")).unwrap();
    let plan = solve(&m);
    assert!(plan.left_out.is_empty() && plan.empty_lines == 0);
    let area = |module: &Module| {
        module
            .photos
            .iter()
            .map(|p| p.width * p.height)
            .fold(0.0, f64::max)
    };
    let lead = plan
        .modules
        .iter()
        .find(|p| m.stories[p.story].rank == 0)
        .unwrap();
    for module in &plan.modules {
        assert!(
            area(module) <= area(lead),
            "{}'s photo {:.0} pt² over the lead's {:.0}",
            module.id,
            area(module),
            area(lead)
        );
    }
}

#[test]
fn a_story_that_fits_whole_does_not_jump_to_grow_a_photo() {
    // Review 10b's front page after the desk dropped four photos: its lead, allowed to jump,
    // fitted whole, every story placed and no line empty, but jumped 39 lines to set its photo
    // 40 lines tall across six columns (28 over four legs whole). A jump sends the reader to
    // another page: it is worth much more than a photo a few lines taller.
    let m: NewsMeasures =
        serde_json::from_str(include_str!("pages/jump-for-a-photo.json")).unwrap();
    assert!(m.stories.iter().any(|s| s.jumps()));
    let plan = solve(&m);
    assert!(
        plan.left_out.is_empty() && plan.empty_lines == 0,
        "{plan:?}"
    );
    assert!(plan.modules.iter().all(|md| md.jump.is_none()));
}
