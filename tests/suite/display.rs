//! Display lines (folio, kicker, headline, subtitle, byline): each on one line in its own band,
//! nothing overlapping, and a line that cannot fit at its house size (or, for the headline, at
//! its smallest allowed size) is a `display-fit` error naming the field and its YAML line.

use banmian::preflight::{Finding, frames};
use banmian::project::Project;
use banmian::template::House;
use serde_json::Value;
use typst::layout::{Abs, FrameItem, Point};
use typst::text::{BottomEdge, BottomEdgeMetric, TextEdgeBounds, TopEdge, TopEdgeMetric};
use typst_layout::PagedDocument;

use crate::support::*;

/// The headline's house size and the floor it may shrink to (`layout/style.typ`).
const HEADLINE_SIZE: f64 = 60.0;
const HEADLINE_MIN: f64 = 36.0;

/// The heads of a test page; the rest is a lead and one section.
#[derive(Default)]
struct Heads<'a> {
    editors: Vec<String>,
    kicker: Option<&'a str>,
    headline: &'a str,
    subtitle: Option<&'a str>,
    names: Option<&'a str>,
}

fn page_yaml(h: &Heads) -> String {
    let mut y = String::from(
        "template: feature\nfolio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\n  section: 专题\n",
    );
    if !h.editors.is_empty() {
        y += &format!("  editors: [{}]\n", h.editors.join(", "));
    }
    if let Some(k) = h.kicker {
        y += &format!("kicker: {k}\n");
    }
    y += &format!("headline: {}\n", h.headline);
    if let Some(s) = h.subtitle {
        y += &format!("subtitle: {s}\n");
    }
    if let Some(n) = h.names {
        y += &format!("byline:\n  label: 本报记者\n  names: [{n}]\n");
    }
    y += "lead: |\n  导语说明这一版的内容，文字不长。\nsections:\n  - number: 1\n    head: [第一部分, 小标题]\n    body: |\n      第一段正文。\n\n      第二段正文。\n    photos:\n      - file: images/photo-1.jpg\n        caption: 图片说明。\n";
    y
}

/// (line, column) of the value of the first `key:` line in `yaml`.
fn yaml_position(yaml: &str, key: &str) -> (u64, u64) {
    let (i, line) = yaml
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with(&format!("{key}:")))
        .unwrap();
    let rest = &line[line.find(':').unwrap() + 1..];
    // A key with its value on the lines below (`byline:`) is where the finding points.
    let value = if rest.trim().is_empty() {
        line.len() - line.trim_start().len()
    } else {
        line.len() - rest.trim_start().len()
    };
    (i as u64 + 1, line[..value].chars().count() as u64 + 1)
}

fn display_findings(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "display-fit")
        .collect()
}

struct Laid {
    document: PagedDocument,
    findings: Vec<Finding>,
    house: House,
}

fn lay_out(project: &TempProject) -> Laid {
    let file = project.page();
    let fonts = vec![repo().join("fonts")];
    let p = Project::open(&file, None, &fonts).unwrap_or_else(|f| panic!("{f}"));
    let page = p.load(&file).unwrap_or_else(|f| panic!("{f}"));
    let mut world = p.world();
    let laid = banmian::build::lay_out(&mut world, &page).unwrap_or_else(|f| panic!("{f}"));
    let house = laid.report.house.clone();
    Laid {
        document: laid.document,
        findings: laid.report.findings,
        house,
    }
}

/// What a run of text on the page is, by its face and size (see `layout/style.typ`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Folio,
    Kicker,
    Headline,
    Subtitle,
    Byline,
    Other,
}

/// One glyph's box on page 1: as wide as its advance, as tall as the larger of the ideographic
/// em box (0.88 em up, 0.12 em down) and its ink (with half the outline around it).
#[derive(Debug, Clone)]
struct GlyphBox {
    role: Role,
    size: f64,
    baseline: f64,
    text: String,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

fn role(family: &str, size: f64, baseline: f64, type_top: f64) -> Role {
    let is = |s: f64| (size - s).abs() < 0.01;
    match family {
        "Noto Sans CJK SC" if baseline < type_top => Role::Folio,
        "Noto Sans CJK SC" if is(16.0) => Role::Kicker,
        "Noto Serif CJK SC" if size > 30.0 => Role::Headline,
        "Noto Serif CJK SC" if is(18.0) => Role::Subtitle,
        "LXGW WenKai" if is(10.5) => Role::Byline,
        _ => Role::Other,
    }
}

fn glyph_boxes(laid: &Laid) -> Vec<GlyphBox> {
    let type_top = laid.house.type_bottom - 107.0 * laid.house.pitch;
    let mut out = Vec::new();
    for placed in frames::placed(&laid.document) {
        let FrameItem::Text(item) = placed.item else {
            continue;
        };
        if placed.page != 1 {
            continue;
        }
        let family = &item.font.font().info().family;
        let size = item.size.to_pt();
        let baseline = placed.at.y.to_pt();
        let role = role(family, size, baseline, type_top);
        let half_stroke = item
            .stroke
            .as_ref()
            .map_or(Abs::zero(), |s| s.thickness / 2.0);
        let mut pen = Abs::zero();
        for glyph in &item.glyphs {
            let advance = glyph.x_advance.at(item.size);
            let text = item.text[glyph.range()].to_string();
            if !text.trim().is_empty() {
                let (ink_top, ink_bottom) = item.font.edges(
                    TopEdge::Metric(TopEdgeMetric::Bounds),
                    BottomEdge::Metric(BottomEdgeMetric::Bounds),
                    item.size,
                    TextEdgeBounds::Glyph(glyph.id),
                );
                let top = (ink_top + half_stroke).max(item.size * 0.88);
                let bottom = (ink_bottom + half_stroke).max(item.size * 0.12);
                let a = Point::new(pen, -top).transform(placed.transform);
                let b = Point::new(pen + advance, bottom).transform(placed.transform);
                out.push(GlyphBox {
                    role,
                    size,
                    baseline,
                    text,
                    x0: a.x.to_pt().min(b.x.to_pt()),
                    x1: a.x.to_pt().max(b.x.to_pt()),
                    y0: a.y.to_pt().min(b.y.to_pt()),
                    y1: a.y.to_pt().max(b.y.to_pt()),
                });
            }
            pen += advance;
        }
    }
    out
}

fn of(boxes: &[GlyphBox], role: Role) -> Vec<&GlyphBox> {
    boxes.iter().filter(|b| b.role == role).collect()
}

/// Distinct baselines among `boxes`, top to bottom.
fn baselines(boxes: &[&GlyphBox]) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for b in boxes {
        if !out.iter().any(|y| (y - b.baseline).abs() < 0.01) {
            out.push(b.baseline);
        }
    }
    out.sort_by(f64::total_cmp);
    out
}

/// Left and right of the type area (999 pt wide, centred on the page: `layout/style.typ`).
fn type_columns(laid: &Laid) -> (f64, f64) {
    const TYPE_WIDTH: f64 = 999.0;
    let page = laid.document.pages()[0].frame.width().to_pt();
    let left = (page - TYPE_WIDTH) / 2.0;
    (left, left + TYPE_WIDTH)
}

/// No glyph of a display line overlaps a glyph of any other line on the page.
fn assert_no_overlap(boxes: &[GlyphBox]) {
    const EPS: f64 = 0.01;
    for (i, a) in boxes.iter().enumerate() {
        if a.role == Role::Other {
            continue;
        }
        for b in &boxes[i + 1..] {
            if a.role == b.role && (a.baseline - b.baseline).abs() < 0.01 {
                continue;
            }
            let overlap =
                a.x0 < b.x1 - EPS && b.x0 < a.x1 - EPS && a.y0 < b.y1 - EPS && b.y0 < a.y1 - EPS;
            assert!(
                !overlap,
                "{:?} {} ({:.1}..{:.1}, {:.1}..{:.1}) overlaps {:?} {} ({:.1}..{:.1}, {:.1}..{:.1})",
                a.role, a.text, a.x0, a.x1, a.y0, a.y1, b.role, b.text, b.x0, b.x1, b.y0, b.y1
            );
        }
    }
}

fn editors(n: usize) -> Vec<String> {
    const NAMES: [&str; 12] = [
        "张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二", "陈三",
        "褚四",
    ];
    NAMES
        .iter()
        .cycle()
        .take(n)
        .enumerate()
        .map(|(i, name)| {
            let role = ["责任编辑", "美术编辑", "校对"][i % 3];
            format!("{role} {name}")
        })
        .collect()
}

#[test]
fn a_folio_with_twelve_editors_is_an_error_at_its_yaml_line_and_never_wraps() {
    let heads = Heads {
        editors: editors(12),
        headline: "测试标题",
        ..Heads::default()
    };
    let yaml = page_yaml(&heads);
    let project = TempProject::new("display-folio", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1), "{report:#}");
    let found = display_findings(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    let f = found[0];
    assert_eq!(f["severity"], "error");
    assert_eq!(f["story"], "folio.editors");
    let (line, column) = yaml_position(&yaml, "editors");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(line), Some(column))
    );
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("shorten them to about"), "{message}");
    assert!(message.contains("never wrapped"), "{message}");
    let fits = f["details"]["fits_characters"].as_u64().unwrap();
    let chars = f["details"]["characters"].as_u64().unwrap();
    assert!(fits > 0 && fits < chars, "{f:#}");

    // build refuses it…
    let pdf = project.root.join("folio.pdf");
    let out = project.build(&pdf);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("folio does not fit on one line"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    // …a draft is written, with the folio still on one line inside the type area's width, in
    // the top margin.
    let out = project.build_with(&pdf, &["--draft"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let laid = lay_out(&project);
    let boxes = glyph_boxes(&laid);
    let folio = of(&boxes, Role::Folio);
    assert_eq!(
        baselines(&folio).len(),
        1,
        "the folio wraps: {:?}",
        baselines(&folio)
    );
    let (left, right) = type_columns(&laid);
    let type_top = laid.house.type_bottom - 107.0 * laid.house.pitch;
    for b in &folio {
        assert!(
            b.x0 >= left - 0.5 && b.x1 <= right + 0.5,
            "{} at {:.1}..{:.1}, type area {left:.1}..{right:.1}",
            b.text,
            b.x0,
            b.x1
        );
        assert!(b.y1 <= type_top, "{} reaches into the type area", b.text);
    }
    let text: String = folio.iter().map(|b| b.text.as_str()).collect();
    assert!(
        text.contains("褚四"),
        "every editor is still printed: {text}"
    );
    assert_no_overlap(&boxes);
}

#[test]
fn a_200_character_headline_is_an_error_not_a_hairline() {
    let headline: String = "中国人民政治协商会议".repeat(20);
    assert_eq!(headline.chars().count(), 200);
    let yaml = page_yaml(&Heads {
        headline: &headline,
        ..Heads::default()
    });
    let project = TempProject::new("display-long-headline", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1), "{report:#}");
    let found = display_findings(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    let f = found[0];
    assert_eq!(f["story"], "headline");
    let (line, column) = yaml_position(&yaml, "headline");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(line), Some(column))
    );
    assert_eq!(f["details"]["size_pt"], HEADLINE_MIN);
    assert_eq!(f["details"]["min_size_pt"], HEADLINE_MIN);
    // 999 pt of 36 pt characters tracked 4 %: about 26.
    let fits = f["details"]["fits_characters"].as_u64().unwrap();
    assert!((24..=28).contains(&fits), "{f:#}");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("shorten the headline to about {fits} characters")),
        "{message}"
    );

    // Laid out (for a draft) at the floor, never smaller, on one line within the type area.
    let laid = lay_out(&project);
    let boxes = glyph_boxes(&laid);
    let head = of(&boxes, Role::Headline);
    assert!(!head.is_empty());
    for b in &head {
        assert!(
            (b.size - HEADLINE_MIN).abs() < 0.01,
            "headline set at {} pt",
            b.size
        );
    }
    assert_eq!(baselines(&head).len(), 1);
    let (left, right) = type_columns(&laid);
    let (x0, x1) = head
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, r), b| (l.min(b.x0), r.max(b.x1)));
    assert!(
        x0 >= left - 0.5 && x1 <= right + 0.5,
        "headline {x0:.1}..{x1:.1}, type area {left:.1}..{right:.1}"
    );
    assert_no_overlap(&boxes);
    // Marked on the page (for the live proof) where the headline prints, across its band.
    let area = &f["areas"][0];
    assert_eq!(area["page"], 1, "{f:#}");
    let baseline = baselines(&head)[0];
    let (top, bottom) = (
        area["y"].as_f64().unwrap(),
        area["y"].as_f64().unwrap() + area["height"].as_f64().unwrap(),
    );
    assert!(
        top < baseline && baseline <= bottom,
        "{top:.1}..{bottom:.1}, baseline {baseline:.1}"
    );
    let (a0, a1) = (
        area["x"].as_f64().unwrap(),
        area["x"].as_f64().unwrap() + area["width"].as_f64().unwrap(),
    );
    assert!(
        a0 <= x0 + 0.5 && a1 >= x1 - 0.5,
        "{a0:.1}..{a1:.1}, headline {x0:.1}..{x1:.1}"
    );
}

#[test]
fn a_headline_slightly_too_long_shrinks_within_the_floor_and_is_clean() {
    // 17 characters and a phrase space: 18 em, wider than the 999 pt type area at 60 pt.
    let headline = "凝心聚力促发展谋新篇 砥砺奋进再出发";
    let project = TempProject::new(
        "display-shrunk-headline",
        &page_yaml(&Heads {
            headline,
            ..Heads::default()
        }),
    );
    let (_, report) = project.check();
    assert!(display_findings(&report).is_empty(), "{report:#}");
    assert_eq!(report["errors"], 0, "{report:#}");
    let laid = lay_out(&project);
    let boxes = glyph_boxes(&laid);
    let head = of(&boxes, Role::Headline);
    let size = head[0].size;
    assert!(
        (HEADLINE_MIN..HEADLINE_SIZE).contains(&size),
        "shrunk within the floor: {size} pt"
    );
    assert_eq!(baselines(&head).len(), 1);
    let (left, right) = type_columns(&laid);
    let (x0, x1) = head
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, r), b| (l.min(b.x0), r.max(b.x1)));
    assert!(
        x0 >= left - 0.5 && x1 <= right + 0.5,
        "headline {x0:.1}..{x1:.1}, type area {left:.1}..{right:.1}"
    );
}

#[test]
fn kicker_subtitle_and_byline_that_do_not_fit_are_errors_at_their_lines() {
    let kicker = "引题".repeat(35);
    let subtitle = format!("——{}", "副题".repeat(30));
    let names = (0..30).map(|_| "罗鸣").collect::<Vec<_>>().join(", ");
    let yaml = page_yaml(&Heads {
        kicker: Some(&kicker),
        headline: "测试标题",
        subtitle: Some(&subtitle),
        names: Some(&names),
        ..Heads::default()
    });
    let project = TempProject::new("display-long-lines", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1), "{report:#}");
    let found = display_findings(&report);
    for (field, key) in [
        ("kicker", "kicker"),
        ("subtitle", "subtitle"),
        ("byline", "byline"),
    ] {
        let f = found
            .iter()
            .find(|f| f["story"] == field)
            .unwrap_or_else(|| panic!("no finding for {field}: {report:#}"));
        let (line, column) = yaml_position(&yaml, key);
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(line), Some(column)),
            "{field}"
        );
        let message = f["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("shorten the {field} to about")),
            "{message}"
        );
    }
    assert_eq!(found.len(), 3, "{report:#}");
    // A draft keeps each on one line in its band.
    let laid = lay_out(&project);
    let boxes = glyph_boxes(&laid);
    for role in [Role::Kicker, Role::Subtitle, Role::Byline] {
        assert_eq!(baselines(&of(&boxes, role)).len(), 1, "{role:?} wraps");
    }
    assert_no_overlap(&boxes);
}

#[test]
fn kicker_headline_subtitle_and_byline_each_keep_their_band() {
    let subtitle = "——中国人民政治协商会议第十一届平罗县委员会五年工作回眸";
    let cases: [(Option<&str>, Option<&str>, Option<&str>); 5] = [
        (
            Some("奋进新时代 建功新征程"),
            Some(subtitle),
            Some("罗鸣, 张三丰"),
        ),
        (None, None, None),
        (Some("奋进新时代 建功新征程"), None, None),
        (None, Some(subtitle), Some("罗鸣")),
        (Some("奋进新时代"), None, Some("罗鸣")),
    ];
    for (i, (kicker, subtitle, names)) in cases.into_iter().enumerate() {
        let project = TempProject::new(
            &format!("display-bands-{i}"),
            &page_yaml(&Heads {
                editors: editors(2),
                kicker,
                headline: "凝心聚力促发展 砥砺奋进再出发",
                subtitle,
                names,
            }),
        );
        let laid = lay_out(&project);
        let errors: Vec<_> = laid
            .findings
            .iter()
            .filter(|f| f.check == "display-fit")
            .collect();
        assert!(errors.is_empty(), "case {i}: {errors:#?}");
        let boxes = glyph_boxes(&laid);
        assert_no_overlap(&boxes);
        // Top to bottom, each present line once: folio, kicker, headline, subtitle, byline.
        let mut last = f64::MIN;
        for (role, present) in [
            (Role::Folio, true),
            (Role::Kicker, kicker.is_some()),
            (Role::Headline, true),
            (Role::Subtitle, subtitle.is_some()),
            (Role::Byline, names.is_some()),
        ] {
            let lines = baselines(&of(&boxes, role));
            if !present {
                assert!(lines.is_empty(), "case {i}: {role:?} set though absent");
                continue;
            }
            assert_eq!(
                lines.len(),
                1,
                "case {i}: {role:?} on {} lines",
                lines.len()
            );
            assert!(
                lines[0] > last,
                "case {i}: {role:?} is not below the line before it"
            );
            last = lines[0];
        }
    }
}

#[test]
fn the_sample_page_has_its_display_lines_in_their_bands() {
    let project = TempProject::new("display-sample", &sample_yaml());
    let (code, report) = project.check();
    assert!(display_findings(&report).is_empty(), "{report:#}");
    assert_eq!(code, Some(0), "{report:#}");
    let laid = lay_out(&project);
    let boxes = glyph_boxes(&laid);
    assert_no_overlap(&boxes);
    for role in [Role::Folio, Role::Headline, Role::Subtitle, Role::Byline] {
        assert_eq!(baselines(&of(&boxes, role)).len(), 1, "{role:?}");
    }
    // The body spans the type area exactly: the edges the other tests hold display lines to.
    let (left, right) = type_columns(&laid);
    let body = boxes
        .iter()
        .filter(|b| b.role == Role::Other && (b.size - 9.0).abs() < 0.01);
    let (x0, x1) = body.fold((f64::MAX, f64::MIN), |(l, r), b| (l.min(b.x0), r.max(b.x1)));
    assert!(
        (x0 - left).abs() < 0.5 && (x1 - right).abs() < 0.5,
        "body {x0:.1}..{x1:.1}, type area {left:.1}..{right:.1}"
    );
    let head = of(&boxes, Role::Headline);
    assert!(
        (head[0].size - HEADLINE_SIZE).abs() < 0.01,
        "the sample's headline at its house size"
    );
}
