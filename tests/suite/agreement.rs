//! `check` is `build` without writing: on the sample pages and on pages of both variant
//! generators (press-ready, overset, underset), in both output standards, the two commands give
//! the same exit code and say the same things — every preflight finding, typst warning and ink
//! line build prints, check prints, and nothing more.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::news_variants;
use crate::support::*;
use crate::variants::generate::Variant;

/// What a command said about the page: its finding, warning and ink lines, sorted (an issue's
/// order is the same in both; a page's findings are printed in one order by one report).
fn said(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| {
            l.starts_with("error: ") || l.starts_with("warning: ") || l.starts_with("ink: ")
        })
        .map(str::to_string)
        .collect()
}

struct Agreement {
    page: PathBuf,
    standard: &'static str,
    build: (Option<i32>, BTreeSet<String>),
    check: (Option<i32>, BTreeSet<String>),
}

fn compare(page: &Path, standard: &'static str, out: &Path) -> Agreement {
    let root = repo().to_str().unwrap();
    let page_arg = page.to_str().unwrap();
    let built = banmian(&[
        "build",
        page_arg,
        "--root",
        root,
        "--pdf-standard",
        standard,
        "-o",
        out.to_str().unwrap(),
    ]);
    let checked = banmian(&[
        "check",
        page_arg,
        "--root",
        root,
        "--pdf-standard",
        standard,
    ]);
    let checked_text = format!(
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        stderr(&checked)
    );
    Agreement {
        page: page.to_path_buf(),
        standard,
        build: (built.status.code(), said(&stderr(&built))),
        check: (checked.status.code(), said(&checked_text)),
    }
}

#[test]
fn check_says_what_build_says_on_every_kind_of_page_in_both_standards() {
    let base = scratch("agreement");
    let images = base.join("images");
    std::fs::create_dir_all(&images).unwrap();
    let mut pages = vec![
        repo().join("content/pingluo-cppcc/page.yaml"),
        repo().join("content/sample-issue/city-news/page.yaml"),
        repo().join("content/sample-issue/harvest-spread/page.yaml"),
    ];
    // Feature variants from 50 % to 130 % full, and news pages of 3 to 9 stories.
    for seed in [3, 8, 21, 34] {
        let variant = Variant::generate(seed);
        for photo in variant.photos() {
            photo.spec.write_into(&images).unwrap();
        }
        let file = base.join(format!("v{seed}.yaml"));
        std::fs::write(&file, variant.yaml("images")).unwrap();
        pages.push(file);
    }
    for seed in [2, 5, 11] {
        let page = news_variants::Page::generate(seed);
        page.write_photos(&images);
        let file = base.join(format!("n{seed}.yaml"));
        std::fs::write(&file, page.yaml("images")).unwrap();
        pages.push(file);
    }
    // A page with errors of every stage: overset text and a photo too coarse for its place.
    let overset = base.join("overset.yaml");
    let long: String = (0..40)
        .map(|n| {
            format!(
                "      第{n}段。{}\n\n",
                "版面上的文字不能超出版心。".repeat(12)
            )
        })
        .collect();
    std::fs::write(
        &overset,
        sample_yaml().replacen("    body: |\n", &format!("    body: |\n{long}"), 1),
    )
    .unwrap();
    pages.push(overset);

    let jobs: Vec<(PathBuf, &'static str)> = pages
        .iter()
        .flat_map(|p| ["x-4", "1.7"].map(|s| (p.clone(), s)))
        .collect();
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some((page, standard)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let stem = page.file_stem().unwrap().to_string_lossy().into_owned();
                    let folder = page
                        .parent()
                        .unwrap()
                        .file_name()
                        .unwrap()
                        .to_string_lossy();
                    let out = base.join(format!("out/{folder}-{stem}-{standard}.pdf"));
                    let agreement = compare(page, standard, &out);
                    results.lock().unwrap().push(agreement);
                }
            });
        }
    });
    let results = results.into_inner().unwrap();
    let mut disagreements = Vec::new();
    let mut failing = 0;
    for a in &results {
        if a.build.0 != Some(0) {
            failing += 1;
        }
        if a.build != a.check {
            disagreements.push(format!(
                "{} ({}): build exit {:?} saying {:#?}\ncheck exit {:?} saying {:#?}",
                a.page.display(),
                a.standard,
                a.build.0,
                a.build.1,
                a.check.0,
                a.check.1
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
    // The pages tried include refused ones and ones that build: the agreement is not vacuous.
    assert!(
        failing > 0 && failing < results.len(),
        "{failing} of {} failed",
        results.len()
    );
    assert!(
        results
            .iter()
            .any(|a| a.build.1.iter().any(|l| l.starts_with("ink: "))),
        "no press build measured its ink"
    );
}
