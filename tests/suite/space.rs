//! Preflight tells the truth about space: underset counts every empty grid line of the body
//! area (whole empty columns included), overset says exactly what to cut, and suggests the
//! make-up's best single move.

use serde_json::Value;

use crate::support::*;

/// One section of `chars` copies of 国 under a headline, with `photo` under its head if asked.
fn story(chars: usize, photo: bool) -> String {
    let body = "国".repeat(chars);
    let photos = if photo {
        "    photos:\n      - file: images/photo-1.jpg\n        caption: 图片说明。\n"
    } else {
        ""
    };
    format!(
        "folio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\nheadline: 满版测试\nsections:\n  - number: 1\n    head: [满版]\n    body: |\n      {body}\n{photos}"
    )
}

/// Characters of running text a line holds in a column `column_pt` wide (9 pt body).
fn per_line(finding: &Value) -> usize {
    let column = &finding["details"]["column_pt"];
    ((column[1].as_f64().unwrap() - column[0].as_f64().unwrap()) / 9.0 + 0.01).floor() as usize
}

/// (columns, lines a column holds, total empty, per-column empty lines) of a page's underset.
fn underset(report: &Value) -> (usize, usize, usize, Vec<(usize, bool)>) {
    let found = findings(report, "underset");
    assert!(!found.is_empty(), "no underset: {report:#}");
    let d = &found[0]["details"];
    let columns = d["columns"].as_u64().unwrap() as usize;
    let capacity = d["capacity"].as_u64().unwrap() as usize;
    let total = d["total"].as_u64().unwrap() as usize;
    let each = found
        .iter()
        .map(|f| {
            (
                f["details"]["lines"].as_u64().unwrap() as usize,
                f["details"]["empty_column"].as_bool().unwrap(),
            )
        })
        .collect();
    (columns, capacity, total, each)
}

#[test]
fn a_page_a_quarter_full_reports_its_empty_columns_whole() {
    // 300 characters: a head and about a dozen lines, in a body of 3 or 4 columns of 100.
    let project = TempProject::new("space-quarter", &story(300, false));
    let (code, report) = project.check();
    assert_eq!(code, Some(0), "underset is a warning: {report:#}");
    let (columns, capacity, total, each) = underset(&report);
    assert!(columns >= 3 && capacity >= 90, "{report:#}");
    // Every column is reported (each has far more than 2 empty lines), and they add up.
    assert_eq!(each.len(), columns, "{report:#}");
    assert_eq!(each.iter().map(|(n, _)| n).sum::<usize>(), total);
    // A column with nothing in it counts all its lines, and most of the body stands empty:
    // everything but the head and a dozen lines of text.
    let whole: Vec<_> = each.iter().filter(|(_, whole)| *whole).collect();
    assert!(!whole.is_empty(), "no empty column: {report:#}");
    assert!(whole.iter().all(|(n, _)| *n == capacity), "{report:#}");
    let used = columns * capacity - total;
    let text = (300 + 2_usize).div_ceil(per_line(findings(&report, "underset")[0]));
    assert!(
        (text + 3..=text + 6).contains(&used),
        "{used} lines used for {text} lines of text and a head: {report:#}"
    );
}

#[test]
fn more_text_leaves_exactly_that_many_fewer_lines_empty() {
    let (_, small) = TempProject::new("space-small", &story(1500, false)).check();
    let (columns, capacity, total, _) = underset(&small);
    assert!(
        total * 2 > columns * capacity,
        "most of the body is empty: {small:#}"
    );
    // Ten lines' worth more, at the measure the page has.
    let more = 1500 + 10 * per_line(findings(&small, "underset")[0]);
    let (_, bigger) = TempProject::new("space-bigger", &story(more, false)).check();
    let (_, _, total_bigger, _) = underset(&bigger);
    assert_eq!(total - total_bigger, 10, "{small:#}\n{bigger:#}");
}

/// The overset finding's suggestion: (lines, characters) to cut.
fn to_cut(report: &Value) -> (usize, usize) {
    let overset = findings(report, "overset");
    assert!(!overset.is_empty(), "not overset: {report:#}");
    let s = &overset[0]["details"]["suggestion"];
    (
        s["lines"].as_u64().unwrap() as usize,
        s["characters"].as_u64().unwrap() as usize,
    )
}

#[test]
fn cutting_what_overset_says_makes_the_page_fit_and_a_line_less_does_not() {
    // Four columns of 100 lines hold about 10,700 characters: 500 more run over.
    let chars = 11_200;
    let project = TempProject::new("space-overset", &story(chars, false));
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    let (lines, characters) = to_cut(&report);
    let overset = findings(&report, "overset");
    assert_eq!(overset[0]["story"], "section-1");
    // One story, one paragraph, nothing but text: what fell off is what to cut.
    assert_eq!(
        overset[0]["details"]["characters"], characters,
        "{report:#}"
    );
    assert_eq!(overset[0]["details"]["lines"], lines, "{report:#}");
    assert!(
        overset[0]["message"].as_str().unwrap().contains(&format!(
            "cut {lines} lines ({characters} characters) from section-1"
        )),
        "{report:#}"
    );

    let check = |cut: usize, name: &str| {
        let project = TempProject::new(name, &story(chars - cut, false));
        project.check().1
    };
    let fitted = check(characters, "space-cut");
    assert_eq!(fitted["pages"], 1, "{fitted:#}");
    assert!(findings(&fitted, "overset").is_empty(), "{fitted:#}");
    // A line's worth less (at the measure it was set in) still runs over.
    let line = characters.div_ceil(lines);
    let short = check(characters - line, "space-cut-short");
    assert!(
        !findings(&short, "overset").is_empty(),
        "cutting {} characters fits too: {short:#}",
        characters - line
    );
}

#[test]
fn the_suggestion_names_the_story_and_the_smallest_photo_that_covers_it() {
    // A photo under the head and a few lines too many.
    let project = TempProject::new("space-suggest", &story(10_600, true));
    let (code, report) = project.check();
    assert_eq!(code, Some(1), "{report:#}");
    let overset = findings(&report, "overset");
    let (lines, characters) = to_cut(&report);
    let suggestion = &overset[0]["details"]["suggestion"];
    assert_eq!(suggestion["story"], "section-1");
    let photo = &suggestion["photo"];
    assert_eq!(photo["path"], "sections[0].photos[0]", "{report:#}");
    assert_eq!(photo["file"], "photo-1.jpg");
    // The photo's lines as placed: its picture (placed height, cropped to whole lines) and a
    // one-line caption.
    let photo_lines = photo["lines"].as_u64().unwrap() as usize;
    let placed = report["photos"][0]["placed_pt"][1].as_f64().unwrap();
    assert!(
        photo_lines >= 5 && (photo_lines as f64) <= placed / 13.0 + 2.0,
        "{photo_lines} lines for a photo {placed} pt tall: {report:#}"
    );
    let message = overset[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("cut {lines} lines ("))
            && message.contains(&format!("{characters} characters) from section-1"))
            && message.contains(&format!(
                "or drop photo photo-1.jpg (sections[0].photos[0], line 12: {photo_lines} lines)"
            )),
        "{message}"
    );
    assert!(
        photo_lines >= lines,
        "the photo covers the overset: {report:#}"
    );
}
