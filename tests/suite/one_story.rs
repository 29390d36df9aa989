//! Feature pages of one story: no numbered sections (an essay, an interview: the lead is the
//! story, set through every stack with its photo), no lead and no sections at all, and a
//! single section. Each shape is tried at many lengths of generated text: none may reach a
//! template error, every paragraph must reach the PDF, and at some length each must come out
//! press-ready (preflight without a finding).

use std::fmt::Write;

use crate::support::*;
use crate::variants::generate::{Rng, paragraph};

/// A feature page of generated text: `paragraphs` paragraphs in the lead when `sections` is
/// 0, else shared out to that many sections; `photos` of the sample's photos.
struct Page {
    yaml: String,
    texts: Vec<String>,
}

fn page(seed: u64, sections: usize, paragraphs: usize, photos: usize, credit: bool) -> Page {
    let mut rng = Rng::new(seed);
    let texts: Vec<String> = (0..paragraphs)
        .map(|_| paragraph(&mut rng, 60, 260))
        .collect();
    let block = |texts: &[String], indent: &str| {
        texts
            .iter()
            .map(|t| format!("{indent}{t}\n"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let photo = |n: usize, indent: &str| {
        format!(
            "{indent}file: images/photo-{}.jpg\n{indent}caption: 图为第{}张配图的说明文字。\n",
            n % 8 + 1,
            n + 1
        )
    };
    let mut yaml = String::from(
        "template: feature\nfolio:\n  paper: 示例日报\n  date: 2024-03-05\n  page: 6\n\
         headline: 一个故事撑起整版\nbyline:\n  label: 本报记者\n  names: [李明]\n",
    );
    if sections == 0 {
        if paragraphs > 0 {
            yaml += &format!("lead: |\n{}", block(&texts, "  "));
        }
        if photos > 0 {
            yaml += &format!("lead_photo:\n{}", photo(0, "  "));
        }
    } else {
        yaml += "sections:\n";
        let per = paragraphs.div_ceil(sections).max(1);
        for (s, chunk) in texts.chunks(per).enumerate() {
            write!(
                yaml,
                "  - number: {}\n    head: [第{}部分, 小标题]\n    body: |\n{}",
                s + 1,
                s + 1,
                block(chunk, "      ")
            )
            .unwrap();
            let mine: Vec<usize> = (0..photos).filter(|p| p % sections == s).collect();
            if !mine.is_empty() {
                yaml += "    photos:\n";
                for p in mine {
                    yaml += &photo(p, "        ").replacen("        file", "      - file", 1);
                }
            }
        }
    }
    if credit {
        yaml += "credit: （本版图片由示例县文旅局提供）\n";
    }
    Page { yaml, texts }
}

/// Builds `page` at each of `lengths` paragraphs: never a template error, every paragraph in
/// the PDF (unless preflight says the page is overset), press-ready at one length at least.
fn holds_at_every_length(name: &str, lengths: &[usize], make: impl Fn(usize) -> Page) {
    let mut press_ready = Vec::new();
    for &n in lengths {
        let page = make(n);
        let project = TempProject::new(&format!("one-story-{name}-{n}"), &page.yaml);
        let pdf = project.root.join("out.pdf");
        let out = project.build(&pdf);
        let err = stderr(&out);
        assert!(
            !err.contains("layout/") && !err.contains("internal error"),
            "{name}, {n} paragraphs: a template error:\n{err}\n{}",
            page.yaml
        );
        let (code, report) = project.check();
        assert_eq!(
            out.status.code(),
            code,
            "{name}, {n}: build and check disagree"
        );
        let findings = report["findings"].as_array().unwrap();
        // A refused page is refused by preflight only: each error a finding with its line.
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert!(
            errors
                .iter()
                .all(|f| f["check"] == "overset" && f["line"].as_u64() > Some(0)),
            "{name}, {n} paragraphs: {errors:?}"
        );
        if out.status.success() {
            let text: String = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"])
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            for t in &page.texts {
                let opening: String = t.chars().take(12).collect();
                assert!(
                    text.contains(&opening),
                    "{name}, {n} paragraphs: `{opening}` is not on the page"
                );
            }
        } else {
            assert!(
                !errors.is_empty(),
                "{name}, {n}: refused without a finding:\n{err}"
            );
        }
        if findings.is_empty() {
            press_ready.push(n);
        }
    }
    eprintln!("{name}: press-ready at {press_ready:?} of {lengths:?} paragraphs");
    assert!(
        !press_ready.is_empty(),
        "{name}: press-ready at no length of {lengths:?}"
    );
}

#[test]
fn a_story_without_sections_is_set_through_every_stack_with_its_photo() {
    let lengths: Vec<usize> = (46..=58).step_by(2).collect();
    holds_at_every_length("lead-photo", &lengths, |n| page(11, 0, n, 1, true));
}

#[test]
fn a_story_without_sections_or_photos_fills_the_page() {
    let lengths: Vec<usize> = (48..=60).step_by(2).collect();
    holds_at_every_length("lead-only", &lengths, |n| page(12, 0, n, 0, false));
}

#[test]
fn a_page_of_one_section_fills_the_page() {
    let lengths: Vec<usize> = (36..=51).step_by(3).collect();
    holds_at_every_length("one-section", &lengths, |n| page(13, 1, n, 2, true));
}

#[test]
fn a_page_with_only_a_headline_and_a_credit_is_reported_not_broken() {
    // Nothing to set in the body: preflight reports the empty page, the template never fails.
    let page = page(14, 0, 0, 0, true);
    let project = TempProject::new("one-story-empty", &page.yaml);
    let pdf = project.root.join("out.pdf");
    let out = project.build(&pdf);
    let err = stderr(&out);
    assert!(pdf.is_file(), "{err}");
    assert!(!err.contains("layout/"), "a template error:\n{err}");
    let (_, report) = project.check();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["check"] == "underset"),
        "{report}"
    );
}
