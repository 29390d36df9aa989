//! `build --strict`: warnings refuse the build as errors do. A page with a warning (a
//! zero-width space pasted in, whatever the make-up does) builds with exit 0, and with
//! --strict exits 1 and writes nothing: a PDF already there is left to the byte, a new one is
//! not made. In an issue, the pages with a warning fail and the others are built.

use std::path::Path;
use std::time::SystemTime;

use crate::support::*;

/// A file's bytes and modification time, to show it was not written again.
fn as_it_stands(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, modified)
}

/// The sample with a zero-width space pasted into its headline: a warning made by
/// construction, whatever the make-up does.
fn sample_with_a_warning() -> TempProject {
    let yaml = sample_yaml().replacen(
        "headline: 凝心聚力促发展",
        "headline: 凝心聚力\u{200B}促发展",
        1,
    );
    assert!(yaml.contains('\u{200B}'));
    TempProject::new("strict-page", &yaml)
}

const INVISIBLE: &str = "a zero-width space";

#[test]
fn strict_refuses_a_page_with_a_warning_and_writes_nothing() {
    let project = sample_with_a_warning();
    let dir = scratch("strict");
    let pdf = dir.join("p.pdf");

    // Without --strict: built, the warnings printed.
    let out = project.build(&pdf);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains(INVISIBLE), "{err}");
    let warnings = err.lines().filter(|l| l.starts_with("warning: ")).count();
    let good = as_it_stands(&pdf);

    // With --strict, over the good PDF: refused, the PDF as it was.
    let out = project.build_with(&pdf, &["--strict"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let plural = if warnings == 1 { "" } else { "s" };
    assert!(
        err.contains(&format!(
            "error: build refused: --strict treats warnings as errors, and the page has {warnings} warning{plural}:"
        )),
        "{err}"
    );
    assert!(
        err.contains("banmian: nothing written; the previous output, if any, is unchanged"),
        "{err}"
    );
    assert_eq!(
        err.matches(INVISIBLE).count(),
        1,
        "the warning listed once:\n{err}"
    );
    assert!(!err.contains("built "), "{err}");
    assert!(as_it_stands(&pdf) == good, "--strict wrote over the PDF");

    // With --strict, to a new file (a plain PDF, whose ink is not measured): not made.
    let fresh = dir.join("fresh.pdf");
    let out = project.build_with(&fresh, &["--strict", "--pdf-standard", "1.7"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!fresh.exists(), "{}", stderr(&out));
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "a stray file: {files:?}");

    // --strict and --draft contradict each other: a usage error.
    let out = project.build_with(&pdf, &["--strict", "--draft"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(as_it_stands(&pdf) == good);
}

#[test]
fn strict_fails_the_page_of_an_issue_with_a_warning_and_builds_the_others() {
    // The sample issue in a scratch project, a zero-width space pasted into one page.
    let root = sample_issue_project("strict-issue");
    let night = root.join("content/sample-issue/night-market/page.yaml");
    let yaml = std::fs::read_to_string(&night).unwrap();
    let pasted = yaml.replacen("headline: ", "headline: \u{200B}", 1);
    assert_ne!(pasted, yaml);
    std::fs::write(&night, pasted).unwrap();
    let issue = root.join("content/sample-issue/issue.yaml");
    let fonts = repo().join("fonts");
    let out_dir = root.join("out");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "build",
            issue.to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
            "--font-path",
            fonts.to_str().unwrap(),
            "--pdf-standard",
            "1.7",
        ];
        args.extend_from_slice(extra);
        banmian(&args)
    };
    // The pages with a warning, as the plain build finds them: the pasted one among them.
    let plain = stderr(&run(&[]));
    let pages = [
        ("city-news", "02-city-news.pdf"),
        ("river-town", "03-river-town.pdf"),
        ("school-lunch", "04-school-lunch.pdf"),
        ("night-market", "05-night-market.pdf"),
        ("harvest-spread", "06-harvest-spread.pdf"),
        ("pingluo-cppcc", "08-pingluo-cppcc.pdf"),
        ("county-news", "09-county-news.pdf"),
    ];
    let warned = |folder: &str| {
        plain
            .lines()
            .any(|l| l.starts_with("warning: ") && l.contains(&format!("{folder}/page.yaml:")))
    };
    assert!(warned("night-market"), "{plain}");
    let _ = std::fs::remove_dir_all(&out_dir);

    let out = run(&["--strict"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let mut failed = 0;
    for (folder, pdf) in pages {
        if warned(folder) {
            failed += 1;
            assert!(
                err.contains("FAILED (warnings under --strict)")
                    && err.contains(&format!("{folder}/page.yaml")),
                "{err}"
            );
            assert!(!out_dir.join(pdf).exists(), "{err}");
        } else {
            assert!(out_dir.join(pdf).is_file(), "{pdf}: {err}");
        }
    }
    assert!(
        err.contains("error: build refused: --strict treats warnings as errors"),
        "{err}"
    );
    assert!(
        err.contains(&format!("built {} of 7 pages", 7 - failed)),
        "{err}"
    );
}
