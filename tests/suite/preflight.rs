//! Preflight: overset and underset, missing glyphs, photo resolution and bad photos, page boxes
//! and reproducible output, each checked on a page built to show it.

use std::io::Write;

use serde_json::Value;

use crate::support::*;

/// One section of `chars` copies of 国 and no photo: on a page with only a headline, the body
/// flows through 4 stacks of 100 lines, 27 characters a line; the head takes 4 lines.
pub fn one_story(chars: usize) -> String {
    let body = "国".repeat(chars);
    format!(
        "folio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\nheadline: 满版测试\nsections:\n  - number: 1\n    head: [满版]\n    body: |\n      {body}\n"
    )
}

/// Characters that exactly fill the body: 4 × 100 lines, less the head, less the indent.
pub const EXACT_FIT: usize = (4 * 100 - 4) * 27 - 2;

#[test]
fn the_sample_page_passes_check() {
    let project = TempProject::new("check-sample", &sample_yaml());
    let (code, report) = project.check();
    assert_eq!(report["errors"], 0, "{report:#}");
    assert_eq!(code, Some(0));
    assert_eq!(report["photos"].as_array().unwrap().len(), 8);
    // The make-up in words: the body, the lead, then every photo once, by file and story.
    let makeup: Vec<&str> = report["makeup"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(makeup[0].starts_with("body: "), "{makeup:#?}");
    assert!(makeup[1].starts_with("lead: "), "{makeup:#?}");
    for n in 1..=8 {
        let named = makeup
            .iter()
            .filter(|l| l.starts_with(&format!("photo photo-{n}.jpg (")))
            .count();
        assert_eq!(named, 1, "photo-{n}: {makeup:#?}");
    }
    // Made up full: every stack ends within the house tolerance but the last, whose empty
    // lines stand after the credit at the very end, no more than the tolerance of all four
    // stacks together (the photos may be cropped by a tenth at most, so they absorb less).
    let underset = findings(&report, "underset");
    assert!(
        underset
            .iter()
            .all(|f| f["story"] == "credit" && f["details"]["column"] == 4),
        "{report:#}"
    );
    let empty: u64 = underset
        .iter()
        .map(|f| f["details"]["total"].as_u64().unwrap())
        .max()
        .unwrap_or(0);
    assert!(
        empty <= 8,
        "{empty} empty lines on the sample page: {report:#}"
    );
}

#[test]
fn a_story_that_fits_exactly_is_neither_overset_nor_underset() {
    let project = TempProject::new("exact-fit", &one_story(EXACT_FIT));
    let (code, report) = project.check();
    assert_eq!(code, Some(0), "{report:#}");
    assert!(findings(&report, "overset").is_empty(), "{report:#}");
    assert!(findings(&report, "underset").is_empty(), "{report:#}");
}

#[test]
fn an_overset_story_is_named_with_what_did_not_fit() {
    let project = TempProject::new("overset", &one_story(EXACT_FIT + 30));
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    let overset = findings(&report, "overset");
    assert_eq!(overset.len(), 1, "{report:#}");
    assert_eq!(overset[0]["story"], "section-1");
    assert_eq!(overset[0]["details"]["characters"], 30);
    assert_eq!(overset[0]["details"]["lines"], 2);
    assert_eq!(overset[0]["line"], 7, "points at the section in the YAML");
    // Where it is on the page, for the live proof: the last line that fits on page 1, and
    // what ran onto page 2.
    let areas = overset[0]["areas"].as_array().unwrap();
    let pages: Vec<u64> = areas.iter().map(|a| a["page"].as_u64().unwrap()).collect();
    assert_eq!(pages, [1, 2], "{areas:?}");
    assert!(
        (areas[0]["height"].as_f64().unwrap() - 9.0).abs() < 1.0,
        "one body line: {areas:?}"
    );
    assert!(areas[1]["height"].as_f64().unwrap() >= 9.0, "{areas:?}");

    // build refuses it and writes nothing…
    let pdf = project.root.join("overset.pdf");
    let out = project.build(&pdf);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("section-1 is overset"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    // …unless asked for a draft, which shows the overflow on a marked second page.
    let out = project.build_with(&pdf, &["--draft"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(poppler("pdfinfo", &[pdf.to_str().unwrap()]).contains("Pages:           2"));
}

#[test]
fn a_cut_longer_than_the_overset_story_is_asked_of_the_text_before_it_too() {
    // A page that runs out in a long first section, then a head and a section of 1,200
    // characters that falls whole onto the next page: more lines run over than the section
    // sets, so the cut cannot come from it alone (a reviewer was told to cut 822 characters
    // from a section of 633).
    let yaml = format!(
        "folio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\nheadline: 满版测试\nsections:\n  - number: 1\n    head: [满版]\n    body: |\n      {}\n  - number: 2\n    head: [长节]\n    body: |\n      {}\n",
        "国".repeat(EXACT_FIT - 27 * 2),
        "国".repeat(1200)
    );
    let project = TempProject::new("overset-short-story", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    let overset = findings(&report, "overset");
    let cut = &overset[0]["details"]["suggestion"];
    assert_eq!(cut["story"], "section-2", "{report:#}");
    let (lines, has) = (cut["lines"].as_u64().unwrap(), cut["story_lines"].as_u64());
    assert!(has.is_some_and(|has| has < lines), "{cut}");
    let message = overset[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!(
            "from section-2 and the text before it: section-2 sets only {} lines (1200 characters)",
            has.unwrap()
        )),
        "{message}"
    );
}

#[test]
fn an_empty_foot_names_the_section_its_column_ends_in() {
    // A short first section and a long second one on a page they do not fill: the second
    // runs through every column, and every column's empty foot follows it (it once named,
    // for a column, the last section to *end* there: the first, whose YAML is not the place
    // to lengthen).
    let body = |chars: usize| "国".repeat(chars);
    let yaml = format!(
        "folio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\nheadline: 满版测试\nsections:\n  - number: 1\n    head: [短节]\n    body: |\n      {}\n  - number: 2\n    head: [长节]\n    body: |\n      {}\n",
        body(20 * 27),
        body(200 * 27)
    );
    let project = TempProject::new("underset-names", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(0), "{report:#}");
    let underset = findings(&report, "underset");
    assert!(underset.len() >= 2, "{report:#}");
    for f in &underset {
        assert_eq!(f["story"], "section-2", "{f:#}");
    }
}

#[test]
fn an_underset_story_says_how_many_lines_stand_empty() {
    // Thirty lines short of a full body in four stacks, more than air around the title
    // fills (`tests/suite/threads.rs`): the make-up may set it in three wider stacks, take a
    // line as space over the head, and spread the rest over the stacks' feet (a short page is
    // balanced). Preflight names each foot emptier than the house lets pass, and its total
    // counts them all.
    let project = TempProject::new("underset", &one_story(EXACT_FIT - 30 * 27));
    let (code, report) = project.check();
    assert_eq!(code, Some(0));
    let underset = findings(&report, "underset");
    assert!(!underset.is_empty(), "{report:#}");
    let total = underset[0]["details"]["total"].as_u64().unwrap();
    let named: u64 = underset
        .iter()
        .map(|f| f["details"]["lines"].as_u64().unwrap())
        .sum();
    assert!(
        underset
            .iter()
            .all(|f| f["details"]["lines"].as_u64().unwrap() > 2),
        "{report:#}"
    );
    assert!(
        named <= total && total <= 30,
        "{total} empty lines: {report:#}"
    );
    // The page's total is said once, in the first short column's words.
    let said = format!("{total} of the body's");
    let saying: Vec<bool> = underset
        .iter()
        .map(|f| f["message"].as_str().unwrap().contains(&said))
        .collect();
    assert_eq!(saying.iter().filter(|&&s| s).count(), 1, "{report:#}");
    assert!(saying[0], "{report:#}");
    // Each says about how much text would fill its column: its empty lines, each as many
    // characters as the column is wide in body characters (a stack of 27 or a wider one).
    for f in &underset {
        let lines = f["details"]["lines"].as_u64().unwrap();
        let [x0, x1] = [0, 1].map(|i| f["details"]["column_pt"][i].as_f64().unwrap());
        let chars = lines * ((x1 - x0) / 9.0).round() as u64;
        let message = f["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("about {chars} characters more text")),
            "{message}"
        );
        // No photo stands in it to set taller; where the lines hold the least photo (4
        // lines) and its caption, and no deeper than a 2:3 portrait with it, a new photo as
        // wide as the column.
        let (width, height) = (
            ((x1 - x0) * 25.4 / 72.0).round(),
            (lines as f64 * 13.0 * 25.4 / 72.0).round(),
        );
        assert!(!message.contains("or a photo there"), "{message}");
        assert_eq!(
            message.contains(&format!(
                ", or a new photo {width} × {height} mm with its caption"
            )),
            lines >= 6 && (lines - 2) as f64 * 13.0 <= 1.5 * (x1 - x0),
            "{message}"
        );
    }
    // With a photo in the story: a column is told it may have its photo taller only where
    // the photo could stand so tall within its crop and resolution (`may_stand`, tested on
    // plain numbers). Kept to the house's crop (a tenth), a photo of 3:2 cannot be 20 lines
    // taller at a stack's width, and no column is told it could (a reviewer followed such
    // advice to a photo that would have printed at 70 ppi).
    let told = |crop: &str| {
        let photo = format!(
            "    photos:\n      - file: images/photo-6.jpg\n        caption: 图片说明。\n{crop}"
        );
        let project = TempProject::new(
            "underset-photo",
            &(one_story(EXACT_FIT - 30 * 27 - 20 * 27) + &photo),
        );
        let (_, report) = project.check();
        let images = &report["photos"];
        assert_eq!(images.as_array().unwrap().len(), 1, "{report:#}");
        findings(&report, "underset")
            .iter()
            .map(|f| {
                let lines = f["details"]["lines"].as_f64().unwrap();
                let height = (lines * 13.0 * 25.4 / 72.0).round();
                f["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("or a photo there {height} mm taller"))
            })
            .collect::<Vec<bool>>()
    };
    let house = told("");
    assert!(!house.is_empty() && house.iter().all(|&t| !t), "{house:?}");
    // Two lines short is within the house's tolerance (`underset-tolerance`).
    let project = TempProject::new("underset-2", &one_story(EXACT_FIT - 2 * 27));
    let (_, report) = project.check();
    assert!(findings(&report, "underset").is_empty(), "{report:#}");
}

#[test]
fn a_character_no_font_has_is_reported_with_its_code_point() {
    let yaml = MINIMAL_PAGE.replace("第二段正文。", "第二段\u{E000}正文。");
    let project = TempProject::new("missing-glyph", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    let missing = findings(&report, "missing-glyph");
    assert_eq!(missing.len(), 1, "{report:#}");
    let finding = missing[0];
    assert_eq!(finding["details"]["codepoint"], "U+E000");
    assert_eq!(finding["details"]["role"], "body");
    assert_eq!(finding["story"], "section-1");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(13), Some(10))
    );
    // The one place it prints: a body character's box on page 1.
    let areas = finding["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 1, "{areas:?}");
    assert_eq!(areas[0]["page"], 1);
    let (width, height) = (
        areas[0]["width"].as_f64().unwrap(),
        areas[0]["height"].as_f64().unwrap(),
    );
    assert!(
        width > 2.0 && width < 12.0 && (height - 9.0).abs() < 1.0,
        "{areas:?}"
    );
}

fn write_jpeg(path: &std::path::Path, width: u32, height: u32) {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    picture
        .save_with_format(path, image::ImageFormat::Jpeg)
        .unwrap();
}

#[test]
fn a_coarse_photo_is_an_error_with_its_resolution() {
    let project = TempProject::new("coarse", MINIMAL_PAGE);
    // Placed two columns (243 pt = 3.4 in) wide, or wider once cropped to fill: under 60 ppi.
    write_jpeg(&project.root.join("content/p/images/photo-1.jpg"), 200, 133);
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    let coarse = findings(&report, "photo-resolution");
    assert_eq!(coarse.len(), 1, "{report:#}");
    assert_eq!(coarse[0]["severity"], "error");
    let ppi = coarse[0]["details"]["ppi"].as_f64().unwrap();
    assert!(ppi > 0.0 && ppi < 60.0, "{ppi}");
    assert_eq!(coarse[0]["line"], 15);
    // Marked where the picture is drawn, at its placed size.
    let area = &coarse[0]["areas"][0];
    let placed = &coarse[0]["details"]["placed_pt"];
    assert!(
        (area["width"].as_f64().unwrap() - placed[0].as_f64().unwrap()).abs() < 0.5,
        "{area} {placed}"
    );
    assert!(
        (area["height"].as_f64().unwrap() - placed[1].as_f64().unwrap()).abs() < 0.5,
        "{area} {placed}"
    );
    // What to do: the make-up sizes a feature photo, so the desk is told the original it
    // needs there (200 ppi at the placed size), not to place it smaller.
    let [w, h] = [0, 1].map(|i| (placed[i].as_f64().unwrap() / 72.0 * 200.0).ceil() as u64);
    let message = coarse[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("at least {w} × {h} px, or drop the photo")),
        "{message}"
    );
}

#[test]
fn a_photo_far_too_sharp_is_resampled_before_embedding() {
    let project = TempProject::new("sharp", MINIMAL_PAGE);
    write_jpeg(
        &project.root.join("content/p/images/photo-1.jpg"),
        4000,
        2667,
    );
    let (_, report) = project.check();
    let photo = &report["photos"][0];
    assert_eq!(photo["original_pixels"][0], 4000);
    let ppi = photo["ppi"].as_f64().unwrap();
    assert!(
        (295.0..=305.0).contains(&ppi),
        "resampled to {ppi} ppi: {report:#}"
    );
}

#[test]
fn a_photo_placed_anew_is_resampled_for_its_new_size() {
    // The first build remembers where the photo went; the second page moves it from a section
    // (two columns wide) to the lead (up to six): it must not be served at the old size.
    // (6,000 pixels stay over the resampling threshold at any of those widths.)
    let project = TempProject::new("moved", MINIMAL_PAGE);
    write_jpeg(
        &project.root.join("content/p/images/photo-1.jpg"),
        6000,
        4000,
    );
    let (_, first) = project.check();
    let moved = MINIMAL_PAGE
        .replace(
            "    photos:\n      - file: images/photo-1.jpg\n        caption: 图片说明。\n",
            "",
        )
        .replace(
            "sections:",
            "lead_photo:\n  file: images/photo-1.jpg\n  caption: 图片说明。\nsections:",
        );
    assert!(
        moved.contains("lead_photo") && !moved.contains("    photos:"),
        "{moved}"
    );
    std::fs::write(project.page(), moved).unwrap();
    let (_, second) = project.check();
    let width = |r: &Value| r["photos"][0]["placed_pt"][0].as_f64().unwrap();
    assert!(
        (width(&first) - width(&second)).abs() > 5.0,
        "the photo did not move: {second:#}"
    );
    let ppi = second["photos"][0]["ppi"].as_f64().unwrap();
    assert!(
        (295.0..=305.0).contains(&ppi),
        "served for its old size: {ppi} ppi"
    );
}

/// A JPEG whose EXIF data says "rotate 90° clockwise to display" (orientation 6).
fn jpeg_with_orientation(width: u32, height: u32, orientation: u8) -> Vec<u8> {
    let mut plain = Vec::new();
    let picture = image::RgbImage::from_pixel(width, height, image::Rgb([90, 120, 150]));
    image::DynamicImage::ImageRgb8(picture)
        .write_to(
            &mut std::io::Cursor::new(&mut plain),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    // APP1 "Exif": a little-endian TIFF header with one IFD entry, Orientation (0x0112).
    let mut tiff = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
    tiff.extend([orientation, 0, 0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = plain[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&plain[2..]);
    out
}

#[test]
fn an_exif_rotated_photo_is_placed_upright() {
    let project = TempProject::new("exif", MINIMAL_PAGE);
    std::fs::write(
        project.root.join("content/p/images/photo-1.jpg"),
        jpeg_with_orientation(1200, 800, 6),
    )
    .unwrap();
    let (_, report) = project.check();
    let photo = &report["photos"][0];
    // Stored 1200 × 800, displayed 800 × 1200: placed taller than wide.
    assert_eq!(
        photo["original_pixels"],
        serde_json::json!([800, 1200]),
        "{report:#}"
    );
    let placed = &photo["placed_pt"];
    assert!(placed[1].as_f64() > placed[0].as_f64(), "{report:#}");
}

/// Builds MINIMAL_PAGE with `bytes` as its photo and checks the error names the photo's line.
fn assert_bad_photo(name: &str, bytes: &[u8], expected: &str) {
    let project = TempProject::new(name, MINIMAL_PAGE);
    let mut file =
        std::fs::File::create(project.root.join("content/p/images/photo-1.jpg")).unwrap();
    file.write_all(bytes).unwrap();
    let pdf = project.root.join("out.pdf");
    let out = project.build(&pdf);
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(message.contains("page.yaml:15:15:"), "{message}");
    assert!(
        message.contains(expected),
        "expected `{expected}` in:\n{message}"
    );
    assert!(!pdf.exists());
}

#[test]
fn a_truncated_jpeg_is_refused() {
    let good = std::fs::read(repo().join("content/pingluo-cppcc/images/photo-1.jpg")).unwrap();
    assert_bad_photo("truncated", &good[..good.len() / 2], "truncated");
}

#[test]
fn a_png_claiming_40000_pixels_a_side_is_refused_before_decoding() {
    let png = png_claiming(40_000, 40_000);
    assert_bad_photo("bomb", &png, "40000 × 40000 pixels");
}

#[test]
fn a_file_that_is_not_an_image_is_refused() {
    assert_bad_photo(
        "not-image",
        b"%PDF-1.7 this is not a photo",
        "not a JPEG or PNG",
    );
}

#[test]
fn two_builds_of_the_sample_are_byte_identical() {
    let dir = scratch("reproducible");
    let (a, b) = (dir.join("a.pdf"), dir.join("b.pdf"));
    let out = banmian(&["build", "-o", a.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The second from another working directory, with an empty photo cache.
    let page = repo().join("content/pingluo-cppcc/page.yaml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(["build", page.to_str().unwrap(), "-o", b.to_str().unwrap()])
        .current_dir(&dir)
        .env("BANMIAN_CACHE", dir.join("cache"))
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
        "the two PDFs differ"
    );
}

#[test]
fn bleed_box_and_crop_marks() {
    let project = TempProject::new("boxes", MINIMAL_PAGE);
    let pdf = project.root.join("marks.pdf");
    let out = project.build_with(&pdf, &["--crop-marks"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let info = poppler("pdfinfo", &["-box", pdf.to_str().unwrap()]);
    let boxes = |name: &str| -> Vec<f64> {
        let line = info.lines().find(|l| l.starts_with(name)).unwrap();
        line.split_whitespace()
            .skip(1)
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let (media, bleed, trim) = (boxes("MediaBox:"), boxes("BleedBox:"), boxes("TrimBox:"));
    let bleed_mm = (trim[0] - bleed[0]) * 25.4 / 72.0;
    assert!((bleed_mm - 3.0).abs() < 0.05, "bleed {bleed_mm} mm: {info}");
    assert!(
        media[0] < bleed[0] - 10.0 && media[2] > bleed[2] + 10.0,
        "no room for marks: {info}"
    );
}

#[test]
fn an_archive_copy_conforms_to_pdf_a() {
    let project = TempProject::new("pdfa", MINIMAL_PAGE);
    let pdf = project.root.join("archive.pdf");
    let out = project.build_with(&pdf, &["--pdf-standard", "a-2b"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&pdf).unwrap();
    let xmp = String::from_utf8_lossy(&bytes);
    assert!(
        xmp.contains("pdfaid:part>2<") || xmp.contains("pdfaid:part=\"2\""),
        "no PDF/A-2 identification"
    );

    // An unknown standard is a usage error, caught before any layout.
    let out = project.build_with(&pdf, &["--pdf-standard", "x-9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown PDF standard `x-9`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_section_given_an_id_is_named_by_it_in_every_finding() {
    let yaml = one_story(EXACT_FIT + 30)
        .replace("  - number: 1\n", "  - id: river-cleanup\n    number: 1\n");
    let project = TempProject::new("overset-with-id", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    let overset = findings(&report, "overset");
    assert_eq!(overset.len(), 1, "{report:#}");
    assert_eq!(overset[0]["story"], "river-cleanup", "{report:#}");
    assert_eq!(overset[0]["details"]["characters"], 30);
    assert_eq!(
        overset[0]["line"], 8,
        "points at the section's number in the YAML"
    );
}
