//! The news page (issue 11) end to end: the sample builds clean with every story on it, an
//! editor's pin and photo lock hold, a story with no place is refused and its draft framed in
//! red, and a page written for another template is told what this one takes.

use banmian::makeup::MadeUp;
use banmian::project::Project;

use crate::support::*;

const SAMPLE: &str = "content/sample-issue/city-news/page.yaml";

/// The sample news page as a page of its own (paper, date and number given), edited by
/// `edit`, in a fresh folder beside its photos.
fn edited(name: &str, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let dir = scratch(name);
    copy_dir(&repo().join("content/sample-issue/city-news"), &dir);
    let page = dir.join("page.yaml");
    let yaml = std::fs::read_to_string(&page).unwrap().replace(
        "folio:\n  section: 要闻",
        "folio:\n  paper: 测试报\n  date: 2024-03-01\n  page: 2\n  section: 要闻",
    );
    std::fs::write(&page, edit(yaml)).unwrap();
    page
}

#[test]
fn the_sample_news_page_builds_clean_with_every_story_and_its_symbols_printed() {
    let dir = scratch("news-sample");
    let pdf = dir.join("news.pdf");
    let out = banmian(&[
        "build",
        SAMPLE,
        "-o",
        pdf.to_str().unwrap(),
        "--pdf-standard",
        "1.7",
    ]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("preflight clean"), "{err}");
    let text = pdf_text(&pdf);
    // Loaded as banmian loads it: a page of the sample issue.
    let file = repo().join(SAMPLE);
    let page = Project::open(&file, Some(repo()), &[])
        .unwrap()
        .load(&file)
        .unwrap();
    for story in &page.view.stories {
        assert!(
            text.contains(&squash(&story.headline)),
            "no {}",
            story.headline
        );
        // A story that jumps (the lead, to page 9 of the issue) keeps its first paragraphs,
        // then the jump line; the rest is on page 9 (tests/suite/jumps.rs).
        let jumps = story.jump.is_some_and(|j| j.to.is_some());
        let kept = story
            .body
            .iter()
            .take_while(|p| text.contains(&squash(p)))
            .count();
        assert!(
            kept == story.body.len() || jumps && kept > 0,
            "{} lost text",
            story.id
        );
        if jumps {
            assert!(
                text.contains("（下转第9版）"),
                "{} jumps with no jump line",
                story.id
            );
            assert!(
                story.body[kept..]
                    .iter()
                    .all(|p| !text.contains(&squash(p)))
            );
        }
    }
    for item in &page.view.briefs.as_ref().unwrap().items {
        assert!(
            text.contains(&squash(&item.headline)),
            "no brief {}",
            item.headline
        );
    }
    // Data, never markup.
    for literal in ["话题#示例县菊展#", "[3*4]", "$15", "jiaojing@shili.example"] {
        assert!(text.contains(literal), "{literal} not printed literally");
    }
    // `check` explains every rectangle.
    let out = banmian(&["check", SAMPLE]);
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    for story in &page.view.stories {
        assert!(
            said.contains(&format!("  {} (", story.id)),
            "{} unexplained: {said}",
            story.id
        );
    }
}

#[test]
fn a_pinned_story_and_a_locked_photo_keep_what_the_editor_gave() {
    let page = edited("news-pinned", |yaml| {
        yaml.replace(
            "  - id: coding-contest\n",
            "  - id: coding-contest\n    pin: {column: 7, width: 2}\n",
        )
        .replace(
            "      - file: images/village-doctor.jpg\n",
            "      - file: images/village-doctor.jpg\n        span: 2\n",
        )
    });
    let project = Project::open(&page, Some(repo()), &[]).unwrap();
    let loaded = project.load(&page).unwrap();
    let laid = banmian::build::lay_out(&mut project.world(), &loaded).unwrap();
    let Some(MadeUp::News(plan, m)) = &laid.plan else {
        panic!("no news make-up");
    };
    let pinned = plan
        .modules
        .iter()
        .find(|p| p.id == "coding-contest")
        .unwrap();
    assert_eq!((pinned.column, pinned.width), (6, 2));
    let doctor = plan
        .modules
        .iter()
        .find(|p| p.id == "village-doctor")
        .unwrap();
    assert!(
        (doctor.photos[0].width - m.span(2)).abs() < 0.01,
        "{:?}",
        doctor.photos[0]
    );
    // On the page: the pinned story's text starts six columns right of the lead's.
    let lines = banmian::inspect::lines_in_stories(&laid.document);
    let left = |id: &str| {
        lines
            .iter()
            .filter(|(_, s)| s.as_deref() == Some(id))
            .map(|(l, _)| l.start())
            .fold(f64::INFINITY, f64::min)
    };
    let offset = left("coding-contest") - left("bus-lead");
    let six = 6.0 * (m.column_width + m.gutter);
    assert!(
        (offset - six).abs() < 20.0,
        "offset {offset}, six columns {six}"
    );
}

#[test]
fn a_page_written_for_another_template_is_told_what_this_one_takes() {
    let page = edited("news-wrong-field", |yaml| {
        yaml.replace("stories:\n", "headline: 整版标题\nstories:\n")
    });
    let out = banmian(&["check", page.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = std::fs::read_to_string(&page)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("headline:"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "page.yaml:{line}:1: the news template does not print `headline`"
        )),
        "{err}"
    );
    assert!(err.contains("takes lang, stories, briefs"), "{err}");
    // And the feature, sent stories, says what it takes.
    let dir = scratch("feature-with-stories");
    let feature = dir.join("page.yaml");
    std::fs::write(&feature, MINIMAL_PAGE.to_string() + "stories: []\n").unwrap();
    let out = banmian(&["check", feature.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("the feature template does not print `stories`"),
        "{err}"
    );
}

#[test]
fn a_story_with_no_place_is_refused_and_its_draft_is_framed_in_red() {
    // A ninth story far too long for what the eight above it leave.
    let long = "示例县的公交线路在秋季客流高峰中平稳运行，县里还在研究更多便民措施。".repeat(120);
    let page = edited("news-no-place", |yaml| {
        let story = format!(
            "  - id: extra\n    priority: 9\n    headline: 补充稿件\n    body: |\n      {long}\n\n"
        );
        yaml.replacen("briefs:", &format!("{story}briefs:"), 1)
    });
    let build = |out: &std::path::Path, extra: &[&str]| build_page(&page, out, extra);
    let pdf = page.with_file_name("page.pdf");
    let refused = build(&pdf, &["--pdf-standard", "1.7"]);
    let err = stderr(&refused);
    assert_eq!(refused.status.code(), Some(1), "{err}");
    assert!(err.contains("extra finds no place on the page"), "{err}");
    // What to cut, in the desk's measure: about as many characters as the story's smallest
    // rectangle holds (its head and its legs' feet over its own text; a leg two columns wide
    // holds a character more a line than two of one column, which the count leaves out).
    let chars: usize = err
        .split("lines, about ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no characters said: {err}"));
    let text = long.chars().count();
    assert!(
        (text * 9 / 10..text * 3 / 2).contains(&chars),
        "{chars} characters for {text}: {err}"
    );
    assert!(!pdf.exists());
    // The draft is written, framed in red though nothing ran past the page.
    let png = page.with_file_name("draft.png");
    let draft = build(&png, &["--draft", "--format", "png", "--ppi", "10"]);
    assert!(draft.status.success(), "{}", stderr(&draft));
    let image = image::open(&png).unwrap().to_rgb8();
    let (w, h) = image.dimensions();
    let red = |x: u32, y: u32| {
        let [r, g, b] = image.get_pixel(x, y).0;
        r > 200 && g < 180 && b < 180
    };
    let framed = |along: &dyn Fn(u32) -> bool| (0..4).any(along);
    assert!(framed(&|x| red(x, h / 2)), "no red frame on the left");
    assert!(framed(&|y| red(w / 2, y)), "no red frame at the top");
}

/// The sample news page with its coding-contest story pinned two columns wide under `headline`.
fn two_columns_wide(name: &str, headline: &str) -> std::path::PathBuf {
    edited(name, |yaml| {
        yaml.replace(
            "  - id: coding-contest\n",
            "  - id: coding-contest\n    pin: {width: 2}\n",
        )
        .replace(
            "headline: 县青少年编程挑战赛落幕",
            &format!("headline: \"{headline}\""),
        )
    })
}

/// The lines of text the sample's coding-contest story shows, pinned two columns wide and
/// headed `headline` (a YAML string), that `keep` picks out as the head's.
fn head_lines_in_two_columns(
    name: &str,
    headline: &str,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let page = two_columns_wide(name, headline);
    let project = Project::open(&page, Some(repo()), &[]).unwrap();
    let loaded = project.load(&page).unwrap();
    let laid = banmian::build::lay_out(&mut project.world(), &loaded).unwrap();
    banmian::inspect::lines_in_stories(&laid.document)
        .into_iter()
        .map(|(l, _)| l.text().trim().to_string())
        .filter(|t| !t.is_empty() && keep(t))
        .collect()
}

#[test]
fn a_chinese_head_too_wide_for_one_line_breaks_between_its_phrases() {
    // Two phrases, each of which fits two columns and which together do not: the head breaks
    // at the desk's space, or with no space after a clause's colon, never inside a phrase.
    for (n, (first, second, between)) in [
        ("县青少年编程挑战赛", "百名选手同台竞技", " "),
        ("县青少年编程挑战赛：", "百名选手同台竞技", ""),
    ]
    .into_iter()
    .enumerate()
    {
        let head = head_lines_in_two_columns(
            &format!("news-head-phrases-{n}"),
            &format!("{first}{between}{second}"),
            |t| first.contains(t) || second.contains(t) || t.contains(first),
        );
        assert_eq!(head, [first, second], "the head's lines");
    }
    // A head with no space nor punctuation that wraps is set in lines of about one length
    // (the widest line the width holds would have left a few characters on the second).
    let head = "平罗县书写履职尽责精彩答卷谱写新篇章";
    let lengths: Vec<usize> = head_lines_in_two_columns("news-head-even", head, |t| {
        t.chars().count() > 2 && head.contains(t)
    })
    .iter()
    .map(|t| t.chars().count())
    .collect();
    assert_eq!(lengths.iter().sum::<usize>(), 18, "{lengths:?}");
    assert!(
        lengths.len() >= 2 && lengths.iter().max().unwrap() - lengths.iter().min().unwrap() <= 1,
        "{lengths:?}"
    );
}

#[test]
fn a_head_that_must_break_inside_a_phrase_is_warned_with_the_phrase() {
    // Two columns wide, a head of one phrase (no space, no punctuation) breaks between two of
    // its characters, maybe inside a word: preflight says so at the headline, naming the
    // phrase and the lines it was set in. The same words with a space where they part are not
    // warned.
    let warned = |name: &str, headline: &str| -> Vec<serde_json::Value> {
        let page = two_columns_wide(name, headline);
        let out = banmian(&["check", "--format", "json", page.to_str().unwrap()]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        findings(&report, "headline")
            .into_iter()
            .filter(|f| f["story"] == "coding-contest")
            .cloned()
            .collect()
    };
    let found = warned("news-head-broken", "县青少年编程挑战赛百名选手同台竞技");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], "warning");
    assert_eq!(found[0]["story"], "coding-contest");
    assert_eq!(
        found[0]["details"]["phrase"],
        "县青少年编程挑战赛百名选手同台竞技"
    );
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("put a space"), "{message}");
    // Set as it is printed, line by line, so the desk sees where it broke.
    let lines_of = |finding: &serde_json::Value| -> Vec<String> {
        finding["details"]["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect()
    };
    let set = lines_of(&found[0]);
    assert!(set.len() >= 2, "{set:?}");
    assert_eq!(set.concat(), "县青少年编程挑战赛百名选手同台竞技");
    assert!(message.contains(&set.join(" / ")), "{message}");
    let spaced = warned("news-head-spaced", "县青少年编程挑战赛 百名选手同台竞技");
    assert!(spaced.is_empty(), "{spaced:?}");
    // The lines carry nothing unseen: not the zero-width break the template sets after a
    // clause's punctuation (a reviewer copied one out of the message).
    let found = warned(
        "news-head-colon",
        "编程：县青少年编程挑战赛百名选手同台竞技",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let set = lines_of(&found[0]);
    assert_eq!(
        set.concat(),
        "编程：县青少年编程挑战赛百名选手同台竞技",
        "{set:?}"
    );
    let message = found[0]["message"].as_str().unwrap();
    assert!(!message.contains('\u{200B}'), "{message:?}");
}

#[test]
fn two_stories_of_one_priority_are_noted_at_the_second_with_which_ranks_first() {
    // The desk gave old-estates village-doctor's priority: page order breaks the tie, which
    // the desk did not say, so the check notes it where the second priority stands.
    let page = edited("news-priority-shared", |yaml| {
        yaml.replacen(
            "  - id: old-estates\n    priority: 3",
            "  - id: old-estates\n    priority: 2",
            1,
        )
    });
    let yaml = std::fs::read_to_string(&page).unwrap();
    let line = yaml
        .lines()
        .position(|l| l == "  - id: old-estates")
        .unwrap()
        + 2;
    let out = banmian(&["check", "--format", "json", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes: Vec<_> = findings(&report, "text")
        .into_iter()
        .filter(|f| f["message"].as_str().unwrap().contains("priority"))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        (notes[0]["line"].as_u64(), notes[0]["column"].as_u64()),
        (Some(line as u64), Some(15))
    );
    let message = notes[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`old-estates` has priority 2, as `village-doctor`"),
        "{message}"
    );
    // The sample as it is, each story a priority of its own: no note.
    let out = banmian(&["check", "--format", "json", SAMPLE]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        findings(&report, "text")
            .iter()
            .all(|f| !f["message"].as_str().unwrap().contains("priority")),
    );
}

#[test]
fn a_boxed_story_is_parted_from_its_neighbours_by_its_frame_alone() {
    // The sample's boxed story (加框): no rule of the page runs along its frame, over it,
    // under it or beside it, within a grid line and a bit (two lines a line apart read as a
    // mistake; the rule over a story stands in the line over it, 13 pt over its frame).
    let file = repo().join(SAMPLE);
    let project = Project::open(&file, Some(repo()), &[]).unwrap();
    let loaded = project.load(&file).unwrap();
    let laid = banmian::build::lay_out(&mut project.world(), &loaded).unwrap();
    let shapes = banmian::inspect::shapes(&laid.document);
    use banmian::inspect::ShapeKind;
    let frames: Vec<_> = shapes
        .iter()
        .filter(|s| s.kind == ShapeKind::Outline && s.area.width() > 100.0)
        .collect();
    assert!(!frames.is_empty(), "no boxed story on the sample");
    let overlap = |a0: f64, a1: f64, b0: f64, b1: f64| a1.min(b1) - a0.max(b0) > 5.0;
    for frame in &frames {
        let f = &frame.area;
        for rule in shapes.iter().filter(|s| s.kind == ShapeKind::Rule) {
            let r = &rule.area;
            let along = if r.height() < r.width() {
                overlap(r.x0, r.x1, f.x0, f.x1)
                    && [f.y0, f.y1]
                        .iter()
                        .any(|y| (r.y0 + r.y1) / 2.0 - y < 16.0 && y - (r.y0 + r.y1) / 2.0 < 16.0)
            } else {
                overlap(r.y0, r.y1, f.y0, f.y1)
                    && [f.x0, f.x1]
                        .iter()
                        .any(|x| ((r.x0 + r.x1) / 2.0 - x).abs() < 16.0)
            };
            assert!(!along, "a rule {r:?} along the frame {f:?}");
        }
    }
}
