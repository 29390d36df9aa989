//! Spreads (通版, issue 10): a page set across two facing pages is laid out as one sheet and
//! written as the sheet (the proof) and the two pages' own PDFs the plant needs. The two pages
//! meet exactly at the fold; body text never runs across it.

use std::path::{Path, PathBuf};

use crate::support::{banmian, poppler, scratch, stderr};

/// The sample issue's centre spread, built once, alone, from an issue of its own.
fn build_spread() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT.get_or_init(build_spread_now).clone()
}

fn build_spread_now() -> PathBuf {
    let dir = scratch("spread");
    let issue = dir.join("issue.yaml");
    std::fs::write(
        &issue,
        "paper: 示例日报\ndate: 2021-09-28\npages:\n  - file: ../../../content/sample-issue/harvest-spread/page.yaml\n    page: 6\n    spread: true\n",
    )
    .unwrap();
    let out = banmian(&[
        "build",
        issue.to_str().unwrap(),
        "-o",
        dir.join("out").to_str().unwrap(),
        "--pdf-standard",
        "1.7",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("pages 6–7: built"),
        "{}",
        stderr(&out)
    );
    dir.join("out")
}

/// A word as pdftotext reads it: its box, pt from the sheet's top left, and its text.
struct Word {
    x0: f64,
    x1: f64,
    y0: f64,
    text: String,
}

fn words(pdf: &Path) -> Vec<Word> {
    let bbox = poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    bbox.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|line| {
            let attr = |name: &str| -> f64 {
                let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                line[at..].split('"').next().unwrap().parse().unwrap()
            };
            Word {
                x0: attr("xMin"),
                x1: attr("xMax"),
                y0: attr("yMin"),
                text: line
                    .rsplit("\">")
                    .next()
                    .unwrap()
                    .trim_end_matches("</word>")
                    .to_string(),
            }
        })
        .collect()
}

/// The sample spread as a page of its own in a project `name` (its folder and the page's),
/// edited by `edit`.
fn spread_page(name: &str, edit: impl Fn(&mut serde_yaml::Value)) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let page_dir = dir.join("content/h");
    crate::support::copy_dir(
        &crate::support::repo().join("content/sample-issue/harvest-spread"),
        &page_dir,
    );
    crate::support::copy_dir(&crate::support::repo().join("layout"), &dir.join("layout"));
    let yaml = std::fs::read_to_string(page_dir.join("page.yaml")).unwrap();
    let mut page: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    page["folio"]["paper"] = "示例日报".into();
    page["folio"]["date"] = "2021-09-28".into();
    page["folio"]["page"] = 6.into();
    edit(&mut page);
    std::fs::write(
        page_dir.join("page.yaml"),
        serde_yaml::to_string(&page).unwrap(),
    )
    .unwrap();
    (dir, page_dir)
}

/// A page rendered at 25.4 ppi (one pixel a millimetre), as grey levels. Each call renders
/// to a file of its own: tests run in parallel and read the same spread.
fn raster(pdf: &Path) -> image::GrayImage {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let prefix = pdf.with_extension(format!("raster{call}"));
    poppler(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "25.4",
            "-gray",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let png = PathBuf::from(format!("{}-1.png", prefix.display()));
    image::open(&png).unwrap().to_luma8()
}

/// Mean difference of two same-sized regions, 0–255.
fn difference(a: &image::GrayImage, ax: u32, b: &image::GrayImage, bx: u32, width: u32) -> f64 {
    let height = a.height().min(b.height());
    let mut sum = 0u64;
    for y in 0..height {
        for x in 0..width {
            let (p, q) = (a.get_pixel(ax + x, y)[0], b.get_pixel(bx + x, y)[0]);
            sum += u64::from(p.abs_diff(q));
        }
    }
    sum as f64 / f64::from(height * width)
}

#[test]
fn a_spread_is_a_sheet_and_two_pages_that_meet_exactly_at_the_fold() {
    let out = build_spread();
    let sheet = out.join("06-harvest-spread.spread.pdf");
    let (left, right) = (
        out.join("06-harvest-spread.pdf"),
        out.join("07-harvest-spread.pdf"),
    );
    // The sheet: two trims side by side (2 × 390 mm) and the bleed; each page one trim.
    let info = poppler("pdfinfo", &["-box", sheet.to_str().unwrap()]);
    assert!(
        info.contains("Page size:       2228.03 x 1547.72 pts"),
        "{info}"
    );
    for page in [&left, &right] {
        let info = poppler("pdfinfo", &["-box", page.to_str().unwrap()]);
        assert!(
            info.contains("Page size:       1122.52 x 1547.72 pts"),
            "{info}"
        );
        assert!(
            info.contains("TrimBox:             8.50     8.50  1114.02  1539.21"),
            "{info}"
        );
    }
    // Each page carries its own folio and its own half of the headline.
    let text = |pdf: &Path| {
        poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]).replace(char::is_whitespace, "")
    };
    let (l, r) = (text(&left), text(&right));
    assert!(l.contains("第6版") && !l.contains("第7版"), "{l}");
    assert!(r.contains("第7版") && !r.contains("第6版"), "{r}");
    assert!(
        l.contains("千重稻浪映金秋") && !l.contains("万家仓廪话丰年"),
        "{l}"
    );
    assert!(
        r.contains("万家仓廪话丰年") && !r.contains("千重稻浪映金秋"),
        "{r}"
    );
    // Pixel for pixel, each page is its half of the sheet: 100 mm either side of the fold
    // (where a cut in the wrong place would show first), and the whole page. At 25.4 ppi a
    // pixel is a millimetre: the bleed 3, a trim 390, the fold 393 from the sheet's edge.
    let (s, a, b) = (raster(&sheet), raster(&left), raster(&right));
    let fold = 393;
    assert!(
        difference(&s, fold - 100, &a, fold - 100, 100) < 1.0,
        "left page at the fold"
    );
    assert!(difference(&s, 0, &a, 0, fold) < 1.0, "left page");
    assert!(
        difference(&s, fold, &b, 3, 100) < 1.0,
        "right page at the fold"
    );
    assert!(difference(&s, fold, &b, 3, 390) < 1.0, "right page");
    // A cut a couple of millimetres off would show.
    assert!(
        difference(&s, fold, &b, 5, 100) > 3.0,
        "the comparison can fail"
    );
}

#[test]
fn no_text_runs_across_the_fold() {
    // The headline parts at the fold, kicker and subtitle keep to a page, and the body's
    // middle gutter holds the fold: no character is set in it.
    let words = words(&build_spread().join("06-harvest-spread.spread.pdf"));
    let fold = 2228.03 / 2.0;
    let crossing: Vec<&str> = words
        .iter()
        .filter(|w| w.x0 < fold && w.x1 > fold)
        .map(|w| w.text.as_str())
        .collect();
    assert!(words.len() > 500, "{} words read", words.len());
    assert!(crossing.is_empty(), "text across the fold: {crossing:?}");
}

#[test]
fn each_pages_text_keeps_to_its_type_area_clear_of_the_inner_margins() {
    // The folio and the lead keep to each page's type area; so do the body's stacks: across
    // the fold stand the two inner margins, not a gutter (the stacks once spread evenly over
    // the sheet, setting text 7 pt from the fold and 13 mm past the folio's rule).
    inside_the_margins(
        &words(&build_spread().join("06-harvest-spread.spread.pdf")),
        400.0,
    );
    // And a lead without a photo, across both pages: half its columns on each (they ran
    // evenly across the sheet, into the inner margins).
    let (dir, page_dir) = spread_page("spread-no-lead-photo", |page| {
        page.as_mapping_mut().unwrap().remove("lead_photo");
    });
    let out = dir.join("h.pdf");
    let built = crate::support::build_page(
        &page_dir.join("page.yaml"),
        &out,
        &["--pdf-standard", "1.7"],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    inside_the_margins(&words(&out), 200.0);
}

/// Asserts no word under `under` pt from the sheet's top stands in the inner margins.
fn inside_the_margins(words: &[Word], under: f64) {
    // Sheet: 3 mm bleed, then two 390 mm trims; the type area 999 pt wide centred in each.
    let mm = 72.0 / 25.4;
    let margin = (390.0 * mm - 999.0) / 2.0;
    let left_edge = 3.0 * mm + 390.0 * mm - margin;
    let right_edge = 3.0 * mm + 390.0 * mm + margin;
    // A punctuation mark may hang a character's width past the measure.
    let slack = 9.0;
    let body: Vec<&Word> = words.iter().filter(|w| w.y0 >= under).collect();
    let inside: Vec<String> = body
        .iter()
        .filter(|w| w.x1 > left_edge + slack && w.x0 < right_edge - slack)
        .map(|w| format!("{:.0}–{:.0} {}", w.x0, w.x1, w.text))
        .collect();
    assert!(body.len() > 300, "{} words read", body.len());
    assert!(
        inside.is_empty(),
        "body text in the inner margins ({left_edge:.0}–{right_edge:.0} pt): {inside:?}"
    );
}

#[test]
fn nothing_is_drawn_down_the_fold() {
    // Under the headline, 3 mm each side of the fold (the body's middle gutter) hold no ink:
    // the lead band's rule ends at each page's type area rather than stepping down the fold
    // (on the right page's own plate a step there stood alone in its inner margin).
    let out = build_spread();
    let sheet = raster(&out.join("06-harvest-spread.spread.pdf"));
    let fold = sheet.width() / 2;
    let dark: Vec<(u32, u32)> = (120..sheet.height() - 30)
        .flat_map(|y| (fold - 3..fold + 3).map(move |x| (x, y)))
        .filter(|&(x, y)| sheet.get_pixel(x, y)[0] < 128)
        .collect();
    assert!(
        dark.is_empty(),
        "{} dark pixels down the fold, e.g. at {:?} mm",
        dark.len(),
        dark.first()
    );
}

/// A draft of a spread that runs over is the proof the desk asked for: the sheet with its
/// overflow on the pages after it, overset framed in red, and each plate its half of the
/// sheet (it was refused: "a spread must lay out as one sheet").
#[test]
fn a_spread_that_runs_over_is_drafted_as_its_sheet_with_the_overflow_and_two_plates() {
    let (dir, page_dir) = spread_page("spread-draft", |page| {
        for section in page["sections"].as_sequence_mut().unwrap() {
            let body = section["body"].as_str().unwrap().to_string();
            section["body"] = format!("{body}\n{body}").into();
        }
    });
    let out = dir.join("out/h.pdf");
    let built = crate::support::build_page(
        &page_dir.join("page.yaml"),
        &out,
        &["--draft", "--pdf-standard", "1.7"],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(stderr(&built).contains("overset"), "{}", stderr(&built));
    // Said as the desk sees it: the spread's two pages on one sheet, then the overflow, and
    // the plates by name (it said "1 page" and "h.pdf … h-7.pdf").
    let said = stderr(&built);
    assert!(
        said.contains("the spread of pages 6 and 7 on one sheet and ")
            && said.contains("of overflow"),
        "{said}"
    );
    assert!(
        said.contains("the sheet, and its plates") && said.contains("h-6.pdf and "),
        "{said}"
    );
    let pages = |pdf: &Path| {
        poppler("pdfinfo", &[pdf.to_str().unwrap()])
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse::<u32>().ok())
            .unwrap()
    };
    assert!(
        pages(&out) >= 2,
        "the proof holds the sheet and its overflow"
    );
    for plate in ["h-6.pdf", "h-7.pdf"] {
        assert_eq!(pages(&dir.join("out").join(plate)), 1, "{plate}");
    }
}
