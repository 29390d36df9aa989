//! The house typography (layout/README.md), measured on the laid-out document: the sample page
//! and a torture page built to trip every rule (tests/fixtures/torture/page.yaml).

use std::collections::BTreeMap;

use banmian::content::LoadedPage;
use banmian::inspect::{self, Line};
use banmian::project::Project;
use banmian::template::House;

use crate::support::repo;

const BODY_FAMILY: &str = "Noto Serif CJK SC";
const BODY_SIZE: f64 = 9.0;
const TOLERANCE: f64 = 0.1;

/// Line-start prohibited (避头) and line-end prohibited (避尾) marks.
const NO_START: &str = "。，、；：？！）】》」』”’…—·%";
const NO_END: &str = "（【《「『“‘";

struct Laid {
    page: LoadedPage,
    lines: Vec<Line>,
    house: House,
}

fn lay_out(page: &str) -> Laid {
    let file = repo().join(page);
    let project = Project::open(&file, None, &[]).unwrap_or_else(|f| panic!("{f}"));
    let loaded = project.load(&file).unwrap_or_else(|f| panic!("{f}"));
    let mut world = project.world();
    let laid = banmian::build::lay_out(&mut world, &loaded).unwrap_or_else(|f| panic!("{f}"));
    let house = laid.report.house.clone();
    Laid {
        page: loaded,
        lines: inspect::lines(&laid.document),
        house,
    }
}

/// A body paragraph as set: its lines, in order, and the column edges they sit between.
struct Paragraph<'a> {
    text: String,
    lines: Vec<&'a Line>,
}

/// Splits the body lines into the page's paragraphs by their text, in reading order.
fn paragraphs<'a>(laid: &'a Laid) -> Vec<Paragraph<'a>> {
    let body: Vec<&Line> = laid.lines.iter().filter(|l| is_body(l)).collect();
    let texts: Vec<String> = laid
        .page
        .view
        .sections
        .iter()
        .flat_map(|s| s.body.iter().cloned())
        .collect();
    let mut out = Vec::new();
    let mut lines = body.into_iter();
    for text in texts {
        let want = plain(&text);
        let mut para = Paragraph {
            text: text.clone(),
            lines: Vec::new(),
        };
        let mut got = String::new();
        while got.len() < want.len() {
            let line = lines
                .next()
                .unwrap_or_else(|| panic!("ran out of lines in: {text}"));
            got.push_str(&plain(&line.text()));
            para.lines.push(line);
        }
        assert_eq!(got, want, "lines do not spell the paragraph");
        out.push(para);
    }
    out
}

fn is_body(line: &Line) -> bool {
    line.family == BODY_FAMILY && (line.size - BODY_SIZE).abs() < 0.01
}

/// Text without spaces or the word joiners the layout adds.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{2060}')
        .collect()
}

/// Every string the editor wrote, whitespace removed.
fn editor_texts(page: &LoadedPage) -> Vec<String> {
    let view = serde_json::to_value(&page.view).unwrap();
    let mut out = Vec::new();
    collect_strings(&view, &mut out);
    out.iter().map(|s| plain(s)).collect()
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// Left and right edges of each column, keyed by the column's left edge (rounded): every
/// line starts at the left edge, a paragraph's first line two characters in; the widest line
/// spans the column.
fn columns(paragraphs: &[Paragraph]) -> BTreeMap<i64, (f64, f64)> {
    let mut columns: BTreeMap<i64, (f64, f64)> = BTreeMap::new();
    for p in paragraphs {
        for (i, line) in p.lines.iter().enumerate() {
            let left = line.start() - if i == 0 { 2.0 * BODY_SIZE } else { 0.0 };
            let entry = columns
                .entry(left.round() as i64)
                .or_insert((left, line.end()));
            entry.1 = entry.1.max(line.end());
        }
    }
    columns
}

fn column_of(columns: &BTreeMap<i64, (f64, f64)>, x: f64) -> (f64, f64) {
    *columns
        .values()
        .filter(|(left, _)| *left <= x + TOLERANCE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .expect("a column left of the line")
}

/// Every measured figure of one page, printed so the closing note can quote it.
fn measure(page: &str) -> Vec<String> {
    let laid = lay_out(page);
    let paragraphs = paragraphs(&laid);
    let columns = columns(&paragraphs);
    let mut failures = Vec::new();
    let body_lines: Vec<&Line> = paragraphs
        .iter()
        .flat_map(|p| p.lines.iter().copied())
        .collect();

    // 1. Baseline grid.
    let worst_grid = body_lines
        .iter()
        .map(|l| {
            let steps = (l.baseline - laid.house.grid_origin) / laid.house.pitch;
            ((steps - steps.round()) * laid.house.pitch).abs()
        })
        .fold(0.0, f64::max);
    if worst_grid > TOLERANCE {
        failures.push(format!("a baseline is {worst_grid:.3} pt off the grid"));
    }

    // 2. Line-start and line-end rules, on every line of text on the page that is not the
    //    first of what the editor wrote (a subtitle may well open with its dash).
    let starts = editor_texts(&laid.page);
    let mut kinsoku = Vec::new();
    for line in &laid.lines {
        let text = plain(&line.text());
        if starts.iter().any(|s| s.starts_with(&text)) {
            continue;
        }
        let (Some(first), Some(last)) = (text.chars().next(), text.chars().last()) else {
            continue;
        };
        if NO_START.contains(first) {
            kinsoku.push(format!("line starts with {first}: {text}"));
        }
        if NO_END.contains(last) {
            kinsoku.push(format!("line ends with {last}: {text}"));
        }
    }
    failures.extend(kinsoku.iter().cloned());
    // A number is never split across lines (2018—2 | 023).
    for p in &paragraphs {
        for pair in p.lines.windows(2) {
            let (end, start) = (plain(&pair[0].text()), plain(&pair[1].text()));
            if end.ends_with(|c: char| c.is_ascii_digit())
                && start.starts_with(|c: char| c.is_ascii_digit())
            {
                failures.push(format!("a number split across lines: {end} | {start}"));
            }
        }
    }

    // 3. Indents, justification and orphans.
    let (mut worst_indent, mut worst_flush, mut orphans) = (0.0f64, 0.0f64, Vec::new());
    for p in &paragraphs {
        let first = p.lines[0];
        let (left, _) = column_of(&columns, first.start() - 2.0 * BODY_SIZE);
        worst_indent = worst_indent.max((first.start() - left - 2.0 * BODY_SIZE).abs());
        for line in &p.lines[..p.lines.len() - 1] {
            let (_, right) = column_of(
                &columns,
                line.start() - 2.0 * BODY_SIZE * f64::from(u8::from(std::ptr::eq(*line, first))),
            );
            let miss = (line.end() - right).abs();
            worst_flush = worst_flush.max(miss);
        }
        let last = plain(&p.lines[p.lines.len() - 1].text());
        let letters = last
            .chars()
            .filter(|c| !NO_START.contains(*c) && !NO_END.contains(*c))
            .count();
        if p.lines.len() > 1 && letters < 2 {
            orphans.push(format!("orphan `{last}` ending: {}", p.text));
        }
    }
    if worst_indent > TOLERANCE {
        failures.push(format!("an indent is off by {worst_indent:.3} pt"));
    }
    if worst_flush > TOLERANCE {
        failures.push(format!(
            "a justified line misses the column edge by {worst_flush:.3} pt"
        ));
    }
    failures.extend(orphans.iter().cloned());

    // 4. Chinese quotation marks are full-width glyphs, in every role.
    let quotes: Vec<f64> = laid
        .lines
        .iter()
        .flat_map(|l| l.glyphs.iter())
        .filter(|g| matches!(g.text.as_str(), "“" | "”" | "‘" | "’"))
        .map(|g| g.natural_em)
        .collect();
    let narrowest = quotes.iter().copied().fold(f64::INFINITY, f64::min);
    if narrowest < 0.99 {
        failures.push(format!("a quotation mark is {narrowest:.3} em wide"));
    }

    println!(
        "{page}: {} body lines in {} paragraphs; worst baseline offset {worst_grid:.3} pt; \
         {} line-start/end violations; worst indent error {worst_indent:.3} pt; worst justified \
         line {worst_flush:.3} pt from the column edge; {} orphans; {} quotation marks, narrowest {narrowest:.3} em",
        body_lines.len(),
        paragraphs.len(),
        kinsoku.len(),
        orphans.len(),
        quotes.len()
    );
    failures
}

#[test]
fn sample_page_follows_the_house_typography() {
    let failures = measure("content/pingluo-cppcc/page.yaml");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn torture_page_follows_the_house_typography() {
    let failures = measure("tests/fixtures/torture/page.yaml");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bylines_space_two_character_names_to_three() {
    let laid = lay_out("tests/fixtures/torture/page.yaml");
    let glyphs: Vec<_> = laid.lines.iter().flat_map(|l| l.glyphs.iter()).collect();
    let find = |c: &str| {
        glyphs
            .iter()
            .find(|g| g.text == c)
            .unwrap_or_else(|| panic!("no {c}"))
    };
    let (luo, ming) = (find("罗"), find("鸣"));
    let size = luo.advance;
    // 罗 at the start of a three-character box, 鸣 at its end.
    let span = ming.x + ming.advance - luo.x;
    assert!(
        (span - 3.0 * size).abs() < TOLERANCE,
        "name spans {span:.2} pt, want {:.2}",
        3.0 * size
    );
    assert!(
        laid.page.source.contains("names: [罗鸣, 欧阳修文]"),
        "typed plainly"
    );
}

#[test]
fn han_and_latin_are_spaced_by_the_layout() {
    let laid = lay_out("tests/fixtures/torture/page.yaml");
    // A paragraph's last line is set at its natural spacing (justification stretches the others).
    let line = laid
        .lines
        .iter()
        .find(|l| plain(&l.text()).ends_with("1.2亿元。"))
        .expect("mixed line");
    let at = |c: &str| line.glyphs.iter().position(|g| g.text == c).unwrap();
    let ink = |i: usize| {
        let g = &line.glyphs[i];
        let start = g.x + g.offset.max(0.0);
        (start, start + g.natural_em * line.size)
    };
    // 资|1 (Han, then digit) and 2|亿 (digit, then Han).
    for (before, after) in [(at("资"), at("资") + 1), (at("亿") - 1, at("亿"))] {
        let gap = ink(after).0 - ink(before).1;
        assert!(
            (gap - 0.25 * line.size).abs() < 0.3,
            "{} {}: gap {gap:.2} pt",
            line.glyphs[before].text,
            line.glyphs[after].text
        );
    }
    assert!(
        laid.page.source.contains("投资1.2亿元"),
        "the content has no spaces there"
    );
}

#[test]
fn a_long_headline_is_set_on_one_line_within_the_type_area() {
    let laid = lay_out("tests/fixtures/latin/page.yaml");
    let size = laid.lines.iter().map(|l| l.size).fold(0.0, f64::max);
    let head: Vec<&Line> = laid
        .lines
        .iter()
        .filter(|l| (l.size - size).abs() < 0.01)
        .collect();
    assert_eq!(head.len(), 1, "the headline runs over {} lines", head.len());
    // The folio and the lead start at the type area's left edge.
    let left = laid
        .lines
        .iter()
        .filter(|l| l.size < size)
        .map(|l| l.start())
        .fold(f64::MAX, f64::min);
    // The page is English (found from its words): its body is in the Latin face.
    let right = laid
        .lines
        .iter()
        .filter(|l| (l.size - BODY_SIZE).abs() < 0.01)
        .map(|l| l.end())
        .fold(0.0, f64::max);
    let type_width = 999.0;
    assert!(
        head[0].start() >= left - TOLERANCE,
        "headline starts left of the type area"
    );
    assert!(
        head[0].end() <= left + type_width + TOLERANCE,
        "headline runs past the type area: ends {:.1}, right edge {:.1}",
        head[0].end(),
        left + type_width
    );
    assert!(right > left, "body set");
    assert!(
        size < 60.0,
        "a long headline is set smaller than the house size ({size} pt)"
    );
}

/// A photographer's credit keeps to one line: parted, "（欧阳/修文 摄）" reads as two names.
/// The sample's section photos each get a credit after a caption of 23 to 29 characters, so
/// that in a stack's width (30 caption characters a line) the credit falls at the line's end.
#[test]
fn a_photo_credit_keeps_to_one_line() {
    use crate::support::{TempProject, poppler, sample_yaml};
    let credit = "（欧阳修文 摄）";
    let mut page: serde_yaml::Value = serde_yaml::from_str(&sample_yaml()).unwrap();
    let mut photos = 0usize;
    let sections = page["sections"].as_sequence_mut().expect("sections");
    for section in sections.iter_mut() {
        let Some(list) = section.get_mut("photos").and_then(|p| p.as_sequence_mut()) else {
            continue;
        };
        for photo in list.iter_mut() {
            photo["caption"] = "平罗县政协委员视察"
                .repeat(4)
                .chars()
                .take(23 + photos % 7)
                .collect::<String>()
                .into();
            photo["credit"] = credit.into();
            photos += 1;
        }
    }
    assert!(photos >= 6, "{photos} photos");
    let yaml = serde_yaml::to_string(&page).unwrap();
    let project = TempProject::new("credit-one-line", &yaml);
    let pdf = project.root.join("page.pdf");
    let out = project.build_with(&pdf, &["--pdf-standard", "1.7"]);
    assert!(out.status.success(), "{out:?}");
    let text = poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let whole: String = credit.split_whitespace().collect();
    let on_one_line = text
        .lines()
        .filter(|l| l.split_whitespace().collect::<String>().contains(&whole))
        .count();
    assert_eq!(on_one_line, photos, "{text}");
    // Where the credit did not fit after the caption's last line and starts its own, that
    // last line ends ragged, as a paragraph's last line does: set at its natural width, not
    // justified to the photo's with its characters stood apart.
    let page_file = project.page();
    let opened = banmian::project::Project::open(
        &page_file,
        Some(project.root.as_path()),
        &[crate::support::repo().join("fonts")],
    )
    .unwrap();
    let loaded = opened.load(&page_file).unwrap();
    let laid = banmian::build::lay_out(&mut opened.world(), &loaded).unwrap();
    let lines = banmian::inspect::lines(&laid.document);
    let mut wrapped = 0;
    for (i, line) in lines.iter().enumerate() {
        if !line.text().trim_start().starts_with('（') || i == 0 {
            continue;
        }
        let before = &lines[i - 1];
        if (before.size - line.size).abs() > 0.01 || before.text().contains('（') {
            continue;
        }
        wrapped += 1;
        let set: f64 = before.glyphs.iter().map(|g| g.advance).sum();
        let natural: f64 = before
            .glyphs
            .iter()
            .map(|g| g.natural_em * before.size)
            .sum();
        assert!(
            set <= natural * 1.01 + 0.5,
            "`{}` stretched from {natural:.1} to {set:.1} pt",
            before.text()
        );
    }
    assert!(wrapped > 0, "no credit started a line of its own");
}

/// A section head of one phrase is the head's main line, black at the main size: set in the
/// small accent type of a two-phrase head's first line it read as no head at all (a reviewer).
#[test]
fn a_head_of_one_phrase_is_set_as_the_main_line() {
    use crate::support::{MINIMAL_PAGE, TempProject};
    let yaml = MINIMAL_PAGE.replace(
        "  - number: 1\n    head: [第一部分, 小标题]",
        "  - number: 1\n    head: [第一部分, 小标题]\n    body: |\n      正文。\n  - number: 2\n    head: [单独一句标题]",
    );
    let project = TempProject::new("one-phrase-head", &yaml);
    let page_file = project.page();
    let opened = Project::open(
        &page_file,
        Some(project.root.as_path()),
        &[repo().join("fonts")],
    )
    .unwrap_or_else(|f| panic!("{f}"));
    let loaded = opened.load(&page_file).unwrap_or_else(|f| panic!("{f}"));
    let laid =
        banmian::build::lay_out(&mut opened.world(), &loaded).unwrap_or_else(|f| panic!("{f}"));
    let lines = inspect::lines(&laid.document);
    let size_of = |text: &str| {
        lines
            .iter()
            .find(|l| l.text().trim() == text)
            .unwrap_or_else(|| panic!("no line {text}"))
            .size
    };
    let (first, main, alone) = (
        size_of("第一部分"),
        size_of("小标题"),
        size_of("单独一句标题"),
    );
    assert!(first < main, "{first} {main}");
    assert!(
        (alone - main).abs() < 0.01,
        "one phrase at {alone} pt, a main line at {main} pt"
    );
}

/// The lead's columns beside its photo stand right over the body's stacks: where the photo is
/// as wide as stacks of a body grid, the lead's text beside it takes the rest of that grid's
/// stacks, on its gutters (with the basic gutter, one column beside two of the three 36-character
/// stacks ran 1.7 mm past the stack under it: a reviewer's page). Read from the measures the
/// template hands the make-up, for every way it offers to set the sample's lead.
#[test]
fn the_leads_columns_beside_its_photo_stand_over_the_stacks() {
    let dump = crate::support::scratch("lead-over-stacks").join("measures.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(["check", "-q", "--root"])
        .arg(repo())
        .arg(repo().join("content/pingluo-cppcc/page.yaml"))
        .env("BANMIAN_DUMP_MEASURES", &dump)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(&dump).unwrap()).unwrap();
    let number = |v: &serde_json::Value| v.as_f64().unwrap();
    let full = number(&m["full-width"]);
    let mut checked = 0;
    for option in m["lead"]["options"].as_array().unwrap() {
        let (photo, text) = (
            number(&option["photo-width"]),
            number(&option["text-width"]),
        );
        let columns = option["columns"].as_u64().unwrap() as f64;
        for grid in m["grids"].as_array().unwrap() {
            let (stacks, width) = (number(&grid["stacks"]), number(&grid["width"]));
            let gutter = (full - stacks * width) / (stacks - 1.0);
            let spans = (1..stacks as usize)
                .any(|k| (k as f64 * (width + gutter) - gutter - photo).abs() < 0.5);
            if !spans || columns * (width + gutter) + photo - gutter > full + 0.5 {
                continue;
            }
            // As many columns as stacks are left beside the photo: each one a stack.
            if ((full - photo) - columns * (width + gutter)).abs() < 0.5 {
                assert!(
                    (text - width).abs() < 0.5,
                    "beside a photo {photo} pt wide, {columns} columns of {text} pt over stacks of {width} pt"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 3, "{checked} options over stacks");
}
