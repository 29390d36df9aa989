//! Issue 21, frames and threads, on laid-out pages: the body's columns are frames the make-up
//! places, a paragraph split between two of them is set once, in order, and a short lead beside
//! a tall photo lets the columns under its text start right under it.

use std::path::Path;

use banmian::build::Laid;
use banmian::makeup::MadeUp;
use banmian::project::Project;

use crate::support::{TempProject, sample_yaml};
use crate::variants::{PRESS_READY, measure};

/// The sample with only its lead's first paragraph, and four of section 2's paragraphs added
/// to sections 1 and 4 (each turned about so as not to repeat it): a lead far shorter than its
/// photo, and text enough to fill the lines a stepped band frees.
fn short_lead_page() -> String {
    let mut page: serde_yaml::Value = serde_yaml::from_str(&sample_yaml()).unwrap();
    let lead = page["lead"]
        .as_str()
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .to_string();
    page["lead"] = lead.into();
    let extra: Vec<String> = page["sections"][1]["body"]
        .as_str()
        .unwrap()
        .split("\n\n")
        .take(4)
        .map(|p| p.trim().to_string())
        .collect();
    for s in [0, 3] {
        let body = page["sections"][s]["body"]
            .as_str()
            .unwrap()
            .trim_end()
            .to_string();
        // Each copy its text turned about at a different point, so no paragraph holds another.
        let copies: Vec<String> = extra
            .iter()
            .map(|p| {
                let chars: Vec<char> = p.chars().collect();
                let at = chars.len() / (2 + s);
                chars[at..].iter().chain(&chars[..at]).collect()
            })
            .collect();
        page["sections"][s]["body"] = format!("{body}\n\n{}", copies.join("\n\n")).into();
    }
    serde_yaml::to_string(&page).unwrap()
}

fn lay_out(page: &Path) -> (banmian::content::LoadedPage, Laid) {
    let project = Project::open(page, None, &[crate::support::repo().join("fonts")])
        .unwrap_or_else(|f| panic!("{f}"));
    let loaded = project.load(page).unwrap_or_else(|f| panic!("{f}"));
    let laid =
        banmian::build::lay_out(&mut project.world(), &loaded).unwrap_or_else(|f| panic!("{f}"));
    (loaded, laid)
}

/// Every body paragraph of the page's YAML, in reading order.
fn paragraphs(page: &banmian::content::LoadedPage) -> Vec<String> {
    page.view
        .sections
        .iter()
        .flat_map(|s| s.body.iter().cloned())
        .collect()
}

/// Press-ready as a make-up editor sees it: no white inside a column, the feet full, every
/// paragraph once and in order. What was measured, for the test's own checks.
fn assert_press_ready(page: &banmian::content::LoadedPage, laid: &Laid) -> measure::Measured {
    let m = measure::measure(page, laid, &paragraphs(page), PRESS_READY.smallest_photo_pt);
    assert!(
        PRESS_READY.defects(&m).is_empty(),
        "{:?}",
        PRESS_READY.defects(&m)
    );
    m
}

#[test]
fn a_short_lead_beside_a_tall_photo_starts_the_columns_under_its_text() {
    let project = TempProject::new("threads-short-lead", &short_lead_page());
    let (page, laid) = lay_out(&project.page());
    let Some(MadeUp::Feature(plan)) = &laid.plan else {
        panic!("no feature plan")
    };
    let lead = plan.lead.as_ref().expect("a lead");
    let photo = lead.photo.as_ref().expect("a lead photo");
    assert!(lead.stepped, "a level band: {lead:?}");
    assert!(lead.text_grid + 5 <= photo.picture_lines + photo.caption_lines);
    // Stacks 1 and 2 stand under the text, 3 and 4 under the photo.
    let under_photo = photo.picture_lines + photo.caption_lines;
    assert_eq!(
        plan.tops,
        [lead.text_grid, lead.text_grid, under_photo, under_photo]
    );
    let m = assert_press_ready(&page, &laid);
    assert!(
        laid.report.findings.is_empty(),
        "{:?}",
        laid.report.findings
    );
    // The first line of stack 1 (its first section's head) stands right under the lead's
    // rule: within a head's height of the lead's text foot (the lead: 楷体 at 11 pt), not
    // under the photo twenty lines lower.
    let lines = banmian::inspect::lines(&laid.document);
    let lead: Vec<f64> = lines
        .iter()
        .filter(|l| l.family.contains("WenKai") && (l.size - 11.0).abs() < 0.1)
        .map(|l| l.baseline)
        .collect();
    let lead_foot = lead.iter().copied().fold(0.0, f64::max);
    let (x0, x1) = m.stacks[0];
    let top = lines
        .iter()
        .filter(|l| l.start() >= x0 - 1.0 && l.start() < x1)
        .map(|l| l.baseline)
        .filter(|&y| y > lead_foot)
        .fold(f64::INFINITY, f64::min);
    assert!(
        top > lead_foot && top - lead_foot < 5.0 * 13.0,
        "stack 1's first line at {top} pt, the lead's last at {lead_foot} pt"
    );
}

#[test]
fn every_split_paragraph_is_set_once_in_order_with_its_lines_whole() {
    for (name, yaml) in [
        ("threads-sample", sample_yaml()),
        ("threads-long", short_lead_page()),
    ] {
        let project = TempProject::new(name, &yaml);
        let (page, laid) = lay_out(&project.page());
        let Some(MadeUp::Feature(plan)) = &laid.plan else {
            panic!("no feature plan")
        };
        let split = plan.flow.iter().filter(|f| f.starts.is_some()).count();
        assert!(split >= 2, "{name}: no paragraph split between columns");
        // pdftotext of the PDF: each paragraph once, in reading order.
        let pdf = project.root.join("p.pdf");
        let out = project.build_with(&pdf, &["--pdf-standard", "1.7"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            crate::support::stderr(&out)
        );
        let text = crate::support::squash(&crate::support::poppler(
            "pdftotext",
            &["-raw", pdf.to_str().unwrap(), "-"],
        ));
        let mut at = 0;
        for p in paragraphs(&page) {
            let p = crate::support::squash(&p);
            assert_eq!(text.matches(&p).count(), 1, "{name}: not once: {p}");
            let found = text.find(&p).unwrap();
            assert!(found >= at, "{name}: out of order: {p}");
            at = found;
        }
    }
}

#[test]
fn the_lead_photos_caption_reads_from_its_left_edge() {
    let (page, laid) = lay_out(&crate::support::repo().join("content/pingluo-cppcc/page.yaml"));
    let src = &page.view.lead_photo.as_ref().expect("a lead photo").src;
    let photo = laid
        .report
        .photos
        .iter()
        .find(|p| p.src == *src)
        .expect("the lead photo placed");
    let caption = banmian::inspect::lines(&laid.document)
        .into_iter()
        .find(|l| l.text().starts_with("2020年8月21日"))
        .expect("the lead photo's caption");
    // The box shows the middle of the picture when a crop cuts across.
    let Some(banmian::makeup::MadeUp::Feature(plan)) = &laid.plan else {
        panic!("a feature plan")
    };
    let shown = plan
        .lead
        .as_ref()
        .and_then(|l| l.photo.as_ref())
        .unwrap()
        .width;
    let left = photo.area.x + (photo.area.width - shown) / 2.0;
    assert!(
        (caption.start() - left).abs() < 1.0,
        "caption at {} pt, photo's box at {} pt",
        caption.start(),
        left
    );
}

/// A story ten lines short of its page, in every stack: the make-up gives the title grid lines
/// of air and starts the body that much lower, so its columns end at the foot.
/// Press-ready, and the body's first line stands that many grid lines lower than on a page
/// the story fills exactly.
#[test]
fn a_page_short_in_every_stack_starts_its_body_lower_under_air_around_its_title() {
    use crate::preflight::{EXACT_FIT, one_story};
    let first_body_line = |name: &str, chars: usize| {
        let project = TempProject::new(name, &one_story(chars));
        let (page, laid) = lay_out(&project.page());
        let Some(MadeUp::Feature(plan)) = &laid.plan else {
            panic!("no feature plan")
        };
        assert!(
            laid.report.findings.is_empty(),
            "{:?}",
            laid.report.findings
        );
        assert_press_ready(&page, &laid);
        let top = banmian::inspect::lines(&laid.document)
            .iter()
            .filter(|l| l.text().starts_with('国'))
            .map(|l| l.baseline)
            .fold(f64::INFINITY, f64::min);
        (plan.air, top)
    };
    let (none, full) = first_body_line("air-none", EXACT_FIT);
    assert_eq!(none, 0);
    let (air, short) = first_body_line("air-short", EXACT_FIT - 10 * 27);
    assert!((1..=2).contains(&air), "{air} lines of air");
    // 13 pt a grid line.
    let lower = short - full;
    assert!(
        (lower - f64::from(air) * 13.0).abs() < 0.5,
        "the body {lower} pt lower under {air} lines of air"
    );
}
