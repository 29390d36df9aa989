//! The sample page comes out as a finished, complete print PDF.

use banmian::content;

use crate::support::*;

#[test]
fn sample_is_one_broadsheet_page_with_bleed() {
    let pdf = sample_pdf();
    let info = poppler("pdfinfo", &["-box", pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
    // 390 × 540 mm trim plus 3 mm bleed on every side = 396 × 546 mm.
    let mm = |pt: f64| pt * 25.4 / 72.0;
    let boxes = |name: &str| -> Vec<f64> {
        let line = info
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} in {info}"));
        line.split_whitespace()
            .skip(1)
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let media = boxes("MediaBox:");
    let trim = boxes("TrimBox:");
    assert!((mm(media[2] - media[0]) - 396.0).abs() < 0.1, "{media:?}");
    assert!((mm(media[3] - media[1]) - 546.0).abs() < 0.1, "{media:?}");
    assert!((mm(trim[2] - trim[0]) - 390.0).abs() < 0.1, "{trim:?}");
    assert!((mm(trim[3] - trim[1]) - 540.0).abs() < 0.1, "{trim:?}");
    assert!((mm(trim[0] - media[0]) - 3.0).abs() < 0.1, "{trim:?}");
}

#[test]
fn every_font_is_embedded() {
    let fonts = poppler("pdffonts", &[sample_pdf().to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "expected the house fonts, got:\n{fonts}");
    for row in rows {
        // Columns: name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
    for family in ["NotoSerifCJK", "NotoSansCJK", "LXGWWenKai"] {
        assert!(fonts.contains(family), "{family} missing from:\n{fonts}");
    }
}

/// Everything the editor wrote is on the page, in reading order: headline, subtitle, lead and
/// its photo's caption, then each section's head and paragraphs in order, each photo caption
/// within its own section (the make-up may set a photo under the head or after the first
/// paragraph), and the credit last.
#[test]
fn all_content_is_on_the_page_in_reading_order() {
    let root = repo();
    let page =
        content::load(&root.join("content/pingluo-cppcc/page.yaml"), root).expect("sample loads");
    let text = squash(&poppler(
        "pdftotext",
        &["-raw", sample_pdf().to_str().unwrap(), "-"],
    ));
    let view = &page.view;
    assert_eq!(view.sections.len(), 6);
    assert_eq!(view.lead.len(), 4);
    let captions = view.lead_photo.iter().count()
        + view.sections.iter().map(|s| s.photos.len()).sum::<usize>();
    assert_eq!(captions, 8);

    let mut reader = Reader {
        text: &text,
        from: 0,
    };
    reader.next(view.headline.as_deref().unwrap_or_default());
    let texts = view
        .subtitle
        .iter()
        .chain(&view.lead)
        .chain(view.lead_photo.iter().map(|p| &p.caption));
    for text in texts {
        reader.next(text);
    }
    // Each section's head and paragraphs in order; its captions after its head and before the
    // next section's (a photo set across stacks is read after the paragraph that runs on under
    // it, which may be its section's last).
    let mut spans = Vec::new();
    for section in &view.sections {
        let start = reader.next(&section.head.join(""));
        for paragraph in &section.body {
            reader.next(paragraph);
        }
        spans.push(start);
    }
    spans.push(text.len());
    for (s, section) in view.sections.iter().enumerate() {
        for photo in &section.photos {
            let at = text
                .find(&squash(&photo.caption))
                .expect("caption on the page");
            assert!(
                (spans[s]..spans[s + 1]).contains(&at),
                "caption outside its section: {}",
                photo.caption
            );
        }
    }
    if let Some(credit) = &view.credit {
        reader.next(credit);
    }
}

/// Finds texts one after another in the page's text.
struct Reader<'a> {
    text: &'a str,
    from: usize,
}

impl Reader<'_> {
    /// Where `item` starts, after everything found so far.
    fn next(&mut self, item: &str) -> usize {
        let needle = squash(item);
        match self.text[self.from..].find(&needle) {
            Some(at) => {
                let start = self.from + at;
                self.from = start + needle.len();
                start
            }
            None => panic!(
                "not found in order: {item}\n(present anywhere: {})",
                self.text.contains(&needle)
            ),
        }
    }
}

#[test]
fn markup_characters_in_content_print_literally() {
    let nasty = r"#set text(red) $x^2$ *bold* _em_ [link] <label> @ref \n // not a comment";
    // Block scalars keep every character as typed, `#` included.
    let yaml = MINIMAL_PAGE.replace("第一段正文。", nasty).replace(
        "caption: 图片说明。",
        &format!("caption: |-\n          {nasty}"),
    );
    let project = TempProject::new("literal", &yaml);
    let pdf = project.root.join("out.pdf");
    let out = project.build(&pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squash(&poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]));
    assert_eq!(
        text.matches(&squash(nasty)).count(),
        2,
        "literal text missing from:\n{text}"
    );
}

/// Edge cases a template must survive: nothing but the required fields.
#[test]
fn a_page_with_only_a_folio_and_a_headline_builds_clean() {
    let yaml = "folio:\n  paper: 测试报\n  date: 2024-02-29\n  page: 1\nheadline: 只有标题\n";
    let project = TempProject::new("headline-only", yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(
        report["findings"].as_array().unwrap().len(),
        0,
        "{report:#}"
    );
    let pdf = project.root.join("only.pdf");
    assert!(project.build(&pdf).status.success());
    assert!(squash(&poppler("pdftotext", &[pdf.to_str().unwrap(), "-"])).contains("只有标题"));
}

#[test]
fn fonts_lists_the_house_faces_by_family_and_style() {
    let out = banmian(&["fonts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = String::from_utf8_lossy(&out.stdout);
    for family in ["Noto Serif CJK SC", "Noto Sans CJK SC", "LXGW WenKai"] {
        assert!(
            listing.lines().any(|l| l == family),
            "{family} missing:\n{listing}"
        );
    }
    let serif: Vec<&str> = listing
        .lines()
        .skip_while(|l| *l != "Noto Serif CJK SC")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(
        serif.iter().any(|l| l.contains("regular (400)")),
        "{serif:?}"
    );
    assert!(serif.iter().any(|l| l.contains("bold (700)")), "{serif:?}");
}

/// The font index is cached; a damaged cache is ignored, never trusted.
#[test]
fn a_damaged_font_index_cache_is_rebuilt() {
    let cache = scratch("font-cache");
    let fonts = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_banmian"))
            .arg("fonts")
            .current_dir(repo())
            .env("BANMIAN_CACHE", &cache)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = fonts();
    let entries: Vec<_> = std::fs::read_dir(cache.join("fonts"))
        .unwrap()
        .flatten()
        .collect();
    let files = std::fs::read_dir(repo().join("fonts"))
        .unwrap()
        .flatten()
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "ttf" || x == "ttc")
        })
        .count();
    assert_eq!(entries.len(), files, "one index per font file");
    for entry in entries {
        std::fs::write(entry.path(), b"{ not json").unwrap();
    }
    assert_eq!(fonts(), first);
}

/// A page built again starts decoding the photos its last build served while it is made up
/// (`photo_prep::head_start`): that record can only speed a build up. Built again, and with the
/// record naming a damaged file, or damaged itself, the press PDF is the same to the byte.
#[test]
fn a_page_built_again_prints_the_same_whatever_its_last_build_recorded() {
    let dir = scratch("head-start");
    let cache = dir.join("cache");
    let build = |name: &str| {
        let out_pdf = dir.join(name);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_banmian"))
            .args(["build", "content/pingluo-cppcc/page.yaml", "-q", "-o"])
            .arg(&out_pdf)
            .current_dir(repo())
            .env("BANMIAN_CACHE", &cache)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read(out_pdf).unwrap()
    };
    let first = build("first.pdf");
    let records: Vec<_> = std::fs::read_dir(cache.join("served"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(records.len(), 1, "one record for the page's press build");
    let listed: Vec<(String, String)> =
        serde_json::from_slice(&std::fs::read(&records[0]).unwrap()).unwrap();
    let photos = content::load(&repo().join("content/pingluo-cppcc/page.yaml"), repo())
        .unwrap()
        .images
        .len();
    assert_eq!(listed.len(), photos, "{listed:?}");
    assert!(
        listed
            .iter()
            .all(|(file, format)| file.contains("photos") && format == "jpg"),
        "each photo served as its separated copy: {listed:?}"
    );
    assert!(build("again.pdf") == first, "built again, the PDF changed");
    // A file the record names, damaged: decoded ahead in vain; the build serves its own copy.
    let damaged = dir.join("damaged.jpg");
    std::fs::write(&damaged, b"not a JPEG").unwrap();
    let record = serde_json::json!([[damaged, "jpg"], [listed[1].0, "png"]]);
    std::fs::write(&records[0], record.to_string()).unwrap();
    assert!(
        build("named.pdf") == first,
        "what the record named changed the PDF"
    );
    std::fs::write(&records[0], b"[[").unwrap();
    assert!(
        build("damaged.pdf") == first,
        "a damaged record changed the PDF"
    );
}
