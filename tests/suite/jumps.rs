//! Jumps (issue 24): a story of a news page that continues on a later page of its issue. The
//! sample issue carries one (page 2's lead, continued on page 9); a two-page issue of the same
//! pages shows the split move with the text, the jump go when the story fits, the page numbers
//! follow the issue, and each mistake in `jumps:` named at its line.

use std::path::{Path, PathBuf};

use banmian::project::Project;

use crate::support::*;

/// Builds `issue` as plain PDFs into a fresh `out` folder under `root`; stderr and whether it
/// succeeded.
fn build(issue: &Path, out: &Path) -> (bool, String) {
    let _ = std::fs::remove_dir_all(out);
    let run = build_page(issue, out, &["--pdf-standard", "1.7"]);
    (run.status.success(), stderr(&run))
}

/// The paragraphs of story `id` of `page` as banmian sets them (quotes and all).
fn paragraphs(page: &Path, root: &Path, id: &str) -> Vec<String> {
    let loaded = Project::open(page, Some(root), &[])
        .unwrap()
        .load(page)
        .unwrap();
    let story = loaded.view.stories.iter().find(|s| s.id == id).unwrap();
    story.body.iter().map(|p| squash(p)).collect()
}

/// The lines of `pdf` as `pdftotext -bbox` gives its words, those on one baseline that touch
/// joined (Chinese has no spaces; a run of Latin or digits is a word of its own): each line's
/// baseline's top, its left and right edge, pt, and its text.
fn bbox_lines(pdf: &Path) -> Vec<(f64, f64, f64, String)> {
    let bbox = poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |word: &str, name: &str| -> f64 {
        let from = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        word[from..from + word[from..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let mut lines: Vec<(f64, f64, f64, String)> = Vec::new();
    for line in bbox.lines() {
        let Some(word) = line.trim().strip_prefix("<word ") else {
            continue;
        };
        let (Some(open), Some(close)) = (word.find('>'), word.rfind("</word>")) else {
            continue;
        };
        let text = &word[open + 1..close];
        let (x0, x1, y) = (attr(word, "xMin"), attr(word, "xMax"), attr(word, "yMin"));
        match lines.last_mut() {
            // The next word of the same line: on its baseline, a letter space on.
            Some((top, _, end, joined)) if (*top - y).abs() < 0.5 && x0 - *end < 4.0 => {
                *end = x1;
                joined.push_str(text);
            }
            _ => lines.push((y, x0, x1, text.to_string())),
        }
    }
    lines
}

/// The lines of `pdf` set across a whole basic column (a justified line of running text).
fn full_lines(pdf: &Path) -> Vec<String> {
    // A basic column is 13 characters of 9 pt: 117 pt.
    bbox_lines(pdf)
        .into_iter()
        .filter(|(_, x0, x1, _)| x1 - x0 > 116.0)
        .map(|(_, _, _, text)| text)
        .collect()
}

/// How far the line of `pdf` that starts with `start` stands in from its column's left edge
/// (the leftmost line starting within 2 em of it, 9 pt type), pt.
fn indent_of(pdf: &Path, start: &str) -> f64 {
    let lines = bbox_lines(pdf);
    let (_, x0, _, _) = lines
        .iter()
        .find(|(_, _, _, text)| text.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start}"));
    let left = lines
        .iter()
        .map(|(_, x, _, _)| *x)
        .filter(|x| x <= x0 && x0 - x < 19.0)
        .fold(*x0, f64::min);
    x0 - left
}

/// Checks that `first` (the start page's text) and `rest` (the continuation page's) hold the
/// story's `paragraphs` once each, in order, one of them split between the two after a full,
/// justified line (`full_lines` of the start page) that the jump line follows; returns the
/// index of the split paragraph.
fn assert_split_once(
    full_lines: Option<&[String]>,
    paragraphs: &[String],
    first: &str,
    rest: &str,
    to: &str,
    from: &str,
) -> usize {
    let (a, b) = (squash(first), squash(rest));
    let mut split = None;
    let mut at = (0, 0);
    let mut continued = false;
    for (i, p) in paragraphs.iter().enumerate() {
        let count = a.matches(p.as_str()).count() + b.matches(p.as_str()).count();
        if count == 1 {
            let here = a.contains(p.as_str());
            assert!(!(here && continued), "paragraph {i} back on the first page");
            continued |= !here;
            let (text, from) = if here {
                (&a, &mut at.0)
            } else {
                (&b, &mut at.1)
            };
            let found = text.find(p.as_str()).unwrap();
            assert!(found >= *from, "paragraph {i} out of order");
            *from = found;
            continue;
        }
        assert_eq!(count, 0, "paragraph {i} printed {count} times");
        assert!(
            !continued,
            "paragraph {i} split after the continuation began"
        );
        // Split: a first part right before the jump line, the rest right after its own.
        let cut = p
            .char_indices()
            .map(|(k, _)| k)
            .skip(1)
            .find(|&k| a.contains(&format!("{}{to}", &p[..k])) && b.contains(&p[k..]))
            .unwrap_or_else(|| panic!("paragraph {i} is not split at the jump line"));
        let kept = &p[..cut];
        assert!(b.contains(from), "no {from} on the continuation's page");
        // The kept part ends a line of the page.
        let tail: String = kept
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Some(lines) = full_lines {
            assert!(
                lines.iter().any(|line| line.ends_with(&tail)),
                "the first part does not end a full, justified line (…{tail})"
            );
        }
        split = Some(i);
        continued = true;
    }
    // Or the first part ends with a whole paragraph, the jump line right after it.
    split.unwrap_or_else(|| {
        let last = paragraphs
            .iter()
            .rposition(|p| a.contains(p.as_str()))
            .unwrap();
        assert!(
            a.contains(&format!("{}{to}", paragraphs[last])),
            "no jump line after the first part"
        );
        last
    })
}

#[test]
fn the_sample_issue_jumps_page_2s_lead_to_page_9_once_and_in_order() {
    let out = scratch("jump-sample");
    let issue = repo().join("content/sample-issue/issue.yaml");
    let (ok, err) = build(&issue, &out);
    assert!(ok, "{err}");
    let first = pdf_text(&out.join("02-city-news.pdf"));
    let rest = pdf_text(&out.join("09-county-news.pdf"));
    let page = repo().join("content/sample-issue/city-news/page.yaml");
    let story = paragraphs(&page, repo(), "bus-lead");
    let lines = full_lines(&out.join("02-city-news.pdf"));
    assert_split_once(
        Some(&lines),
        &story,
        &first,
        &rest,
        "（下转第9版）",
        "（上接第2版）",
    );
    // The continuation opens under its short head.
    assert!(
        squash(&rest).contains("公交开进山村（上接第2版）"),
        "{rest}"
    );
}

/// A two-page issue: the sample's news page 2 and the county page 3, page 2's lead jumping.
fn two_pages(name: &str) -> PathBuf {
    let root = scratch(name);
    copy_dir(&repo().join("layout"), &root.join("layout"));
    for page in ["city-news", "county-news"] {
        copy_dir(
            &repo().join("content/sample-issue").join(page),
            &root.join("content/issue").join(page),
        );
    }
    write_issue(&root, 2);
    root
}

fn write_issue(root: &Path, first: u32) {
    std::fs::write(
        root.join("content/issue/issue.yaml"),
        format!(
            "paper: 示例日报\ndate: 2021-09-28\npages:\n  - file: city-news/page.yaml\n    page: {first}\n  - file: county-news/page.yaml\njumps:\n  - story: bus-lead\n    from: city-news/page.yaml\n    to: county-news/page.yaml\n"
        ),
    )
    .unwrap();
}

/// The lead's paragraphs in its YAML body block replaced by `edit` (of the paragraphs).
fn edit_lead(root: &Path, edit: impl Fn(Vec<String>) -> Vec<String>) {
    let file = root.join("content/issue/city-news/page.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let start = yaml.find("    body: |\n").unwrap() + "    body: |\n".len();
    let end = start + yaml[start..].find("\n    photos:").unwrap();
    let old: Vec<String> = yaml[start..end]
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let new: String = edit(old)
        .iter()
        .map(|p| format!("      {p}\n"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(
        &file,
        format!("{}{}{}", &yaml[..start], new.trim_end(), &yaml[end..]),
    )
    .unwrap();
}

#[test]
fn the_split_moves_with_the_text_and_the_jump_goes_when_the_story_fits() {
    let root = two_pages("jump-edits");
    let issue = root.join("content/issue/issue.yaml");
    let out = root.join("out");
    let page = root.join("content/issue/city-news/page.yaml");
    let texts = || {
        (
            pdf_text(&out.join("02-city-news.pdf")),
            pdf_text(&out.join("03-county-news.pdf")),
        )
    };
    let (ok, err) = build(&issue, &out);
    assert!(ok, "{err}");
    let (first, rest) = texts();
    let before = assert_split_once(
        Some(&full_lines(&out.join("02-city-news.pdf"))),
        &paragraphs(&page, &root, "bus-lead"),
        &first,
        &rest,
        "（下转第3版）",
        "（上接第2版）",
    );
    assert!(!rest.is_empty());

    // Two paragraphs more: the continuation takes them, the split never moves back (the start
    // page may keep more lines, its lead set tighter).
    let added = [
        "补记一：示例县还将在明年开通夜间班车，方便在县城务工的村民晚上回家。",
        "补记二：县里计划为每个行政村培训一名公交信息员，及时收集群众出行需求。",
    ];
    edit_lead(&root, |mut p| {
        p.extend(added.iter().map(|s| s.to_string()));
        p
    });
    let (ok, err) = build(&issue, &out);
    assert!(ok, "{err}");
    let (first, rest) = texts();
    let after = assert_split_once(
        Some(&full_lines(&out.join("02-city-news.pdf"))),
        &paragraphs(&page, &root, "bus-lead"),
        &first,
        &rest,
        "（下转第3版）",
        "（上接第2版）",
    );
    assert!(added.iter().all(|p| squash(&rest).contains(&squash(p))));
    assert!(after >= before);

    // Renumbered, the jump lines follow the issue.
    write_issue(&root, 4);
    let (ok, err) = build(&issue, &out);
    assert!(ok, "{err}");
    let first = pdf_text(&out.join("04-city-news.pdf"));
    let rest = pdf_text(&out.join("05-county-news.pdf"));
    assert!(squash(&first).contains("（下转第5版）"));
    assert!(squash(&rest).contains("（上接第4版）"));

    // Cut to three paragraphs, the story fits its page: no jump, a note on the other page.
    write_issue(&root, 2);
    edit_lead(&root, |p| p.into_iter().take(3).collect());
    let (ok, err) = build(&issue, &out);
    assert!(ok, "{err}");
    let (first, rest) = texts();
    assert!(!first.contains("下转") && !rest.contains("上接"), "{first}");
    assert!(err.contains("`bus-lead` fits on page 2 now"), "{err}");
    for p in paragraphs(&page, &root, "bus-lead") {
        assert_eq!(squash(&first).matches(&p).count(), 1, "{p}");
    }
}

#[test]
fn a_jump_from_a_story_the_page_lacks_or_from_a_feature_page_is_named_in_the_issue() {
    let root = two_pages("jump-mistakes");
    let issue = root.join("content/issue/issue.yaml");
    let yaml = std::fs::read_to_string(&issue).unwrap();
    std::fs::write(&issue, yaml.replace("story: bus-lead", "story: bus-leed")).unwrap();
    let check = |file: &Path| banmian(&["check", file.to_str().unwrap()]);
    let run = check(&issue);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("issue.yaml:8:12: page 2 has no story `bus-leed`"),
        "{err}"
    );
    assert!(err.contains("bus-lead, village-doctor"), "{err}");
    // The continuation's page fails with it, saying why.
    assert!(
        err.contains("page 3 takes the continuation of `bus-leed`"),
        "{err}"
    );

    // From a feature page.
    copy_dir(
        &repo().join("content/sample-issue/river-town"),
        &root.join("content/issue/river-town"),
    );
    std::fs::write(
        &issue,
        "paper: 示例日报\ndate: 2021-09-28\npages:\n  - file: river-town/page.yaml\n    page: 3\n  - file: county-news/page.yaml\njumps:\n  - story: section-1\n    from: river-town/page.yaml\n    to: county-news/page.yaml\n",
    )
    .unwrap();
    let err = stderr(&check(&issue));
    assert!(
        err.contains("`section-1` starts on page 3, a `feature` page: only news pages hold jumps"),
        "{err}"
    );
}

/// An English story jumps with the Latin words of the jump lines, every word once and in
/// order, a word typst hyphenated at the cut kept whole across it.
#[test]
fn an_english_story_jumps_with_english_jump_lines() {
    let root = two_pages("jump-english");
    let words = [
        "county",
        "buses",
        "village",
        "market",
        "morning",
        "drivers",
        "timetable",
        "passengers",
        "mountain",
        "schoolchildren",
        "harvest",
        "station",
    ];
    // Twenty-four paragraphs of plain words, each numbered, no hyphen of their own: more
    // than the lead holds on its page however tall it is set (sixteen fit in legs of 48
    // lines once the make-up tried every height of the lead).
    let body: Vec<String> = (1..=24)
        .map(|n| {
            let mut p = format!("Paragraph {n} says");
            for k in 0..40 {
                p.push(' ');
                p.push_str(words[(n * 7 + k * 5) % words.len()]);
            }
            p + "."
        })
        .collect();
    edit_lead(&root, |_| body.clone());
    let file = root.join("content/issue/city-news/page.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        yaml.replacen("  - id: bus-lead\n", "  - id: bus-lead\n    lang: en\n", 1),
    )
    .unwrap();
    let issue = root.join("content/issue/issue.yaml");
    let out = root.join("out");
    let (ok, err) = build(&issue, &out);
    assert!(ok, "{err}");
    // Hyphens typst added where it broke a word are not the text's.
    let unbroken = |t: String| t.replace(['\u{AD}', '-'], "");
    let first = unbroken(pdf_text(&out.join("02-city-news.pdf")));
    let rest = unbroken(pdf_text(&out.join("03-county-news.pdf")));
    let story: Vec<String> = body.iter().map(|p| squash(p)).collect();
    assert_split_once(
        None,
        &story,
        &first,
        &rest,
        "(Continuedonpage3)",
        "(Continuedfrompage2)",
    );
}

/// The page a story jumps to, checked on its own, sets no continuation (its text is what the
/// first page's make-up leaves over) and says so at its `stories:` key, naming the story, the
/// page it comes from and the issue's line (it stood at the first story's `- id:`, which
/// read as a finding about that story).
#[test]
fn a_jumps_page_checked_alone_says_its_continuation_is_left_out_at_its_stories() {
    let root = sample_issue_project("jump-alone");
    let page = root.join("content/sample-issue/county-news/page.yaml");
    let out = banmian(&[
        "check",
        page.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
        "--font-path",
        repo().join("fonts").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}", stderr(&out)));
    let note = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["check"] != "underset"
                && f["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("left out of this page"))
        })
        .unwrap_or_else(|| panic!("no note: {report:#}"));
    let message = note["message"].as_str().unwrap();
    assert!(message.contains("`bus-lead` from page 2"), "{message}");
    let stories = std::fs::read_to_string(&page)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("stories:"))
        .unwrap()
        + 1;
    assert_eq!(
        (note["line"].as_u64(), note["column"].as_u64()),
        (Some(stories as u64), Some(1)),
        "{note:#}"
    );
    // Its empty lines are not all the desk's to fill: the underset says whose they partly are
    // (a reviewer read them so).
    let underset = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "underset")
        .unwrap_or_else(|| panic!("no underset: {report:#}"));
    let message = underset["message"].as_str().unwrap();
    assert!(
        message.contains("the continuation of `bus-lead`, left out of this page built on its own"),
        "{message}"
    );
}

/// A continuation opens without an indent where it goes on from a paragraph cut on the page
/// before, and with the paragraph's indent where the cut fell at a paragraph's end: a story
/// of paragraphs too short to split (two lines either side of a cut) is always cut between
/// them.
#[test]
fn a_continuation_is_indented_only_where_it_opens_a_paragraph() {
    // The sample issue's jump cuts a paragraph: its rest goes on flush left.
    let out = scratch("jump-indent-sample");
    let (ok, err) = build(&repo().join("content/sample-issue/issue.yaml"), &out);
    assert!(ok, "{err}");
    let page = repo().join("content/sample-issue/city-news/page.yaml");
    let story = paragraphs(&page, repo(), "bus-lead");
    let first = squash(&pdf_text(&out.join("02-city-news.pdf")));
    let cut = story
        .iter()
        .find(|p| !first.contains(p.as_str()))
        .expect("a paragraph goes on");
    let kept = (1..cut.len())
        .rev()
        .filter(|&k| cut.is_char_boundary(k))
        .find(|&k| first.contains(&format!("{}（下转", &cut[..k])))
        .expect("the cut paragraph's first part, the jump line after it");
    let start: String = cut[kept..].chars().take(4).collect();
    let indent = indent_of(&out.join("09-county-news.pdf"), &start);
    assert!(
        indent < 1.0,
        "the rest of a cut paragraph indented {indent} pt"
    );

    // A lead of short paragraphs, each a line or two: cut between two of them, the rest
    // opens a paragraph, indented two characters (18 pt).
    let root = two_pages("jump-indent");
    let sentences = [
        "示例县今年新开通村村通公交线路十二条。",
        "沿线群众出门坐车不再需要步行到镇上。",
        "县交通运输局介绍，票价统一为两元。",
        "每条线路早晚各有两个班次往返县城。",
    ];
    edit_lead(&root, |old| {
        let chars: usize = old.iter().map(|p| p.chars().count()).sum();
        (0..chars / 18)
            .map(|i| format!("第{}段：{}", i + 1, sentences[i % sentences.len()]))
            .collect()
    });
    let out = root.join("out");
    let (ok, err) = build(&root.join("content/issue/issue.yaml"), &out);
    assert!(ok, "{err}");
    let first = squash(&pdf_text(&out.join("02-city-news.pdf")));
    assert!(first.contains("（下转第3版）"), "the lead no longer jumps");
    let page = root.join("content/issue/city-news/page.yaml");
    let next = paragraphs(&page, &root, "bus-lead")
        .into_iter()
        .find(|p| !first.contains(p.as_str()))
        .expect("a paragraph on the continuation's page");
    let start: String = next.chars().take(4).collect();
    let indent = indent_of(&out.join("03-county-news.pdf"), &start);
    assert!((indent - 18.0).abs() < 1.0, "{start}… indented {indent} pt");
}
