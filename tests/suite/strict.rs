//! `build --strict`: warnings refuse the build as errors do. The sample page (one underset
//! warning) builds with exit 0, and with --strict exits 1 and writes nothing: a PDF already
//! there is left to the byte, a new one is not made. In an issue, the page with a warning
//! fails and the others are built.

use std::path::Path;
use std::time::SystemTime;

use crate::support::*;

/// A file's bytes and modification time, to show it was not written again.
fn as_it_stands(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, modified)
}

const UNDERSET: &str =
    "content/pingluo-cppcc/page.yaml:109:1: column 4 of 4: 5 lines empty at its foot";

#[test]
fn strict_refuses_the_sample_for_its_warning_and_writes_nothing() {
    let dir = scratch("strict");
    let pdf = dir.join("p.pdf");
    let path = pdf.to_str().unwrap();

    // Without --strict: built, the warning printed.
    let out = banmian(&["build", "-o", path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains(&format!("warning: {UNDERSET}")), "{err}");
    let good = as_it_stands(&pdf);

    // With --strict, over the good PDF: refused, the PDF as it was.
    let out = banmian(&["build", "-o", path, "--strict"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error: build refused: --strict treats warnings as errors, and the page has 1 warning:"
        ),
        "{err}"
    );
    assert!(err.contains(&format!("\n  warning: {UNDERSET}")), "{err}");
    assert!(
        err.contains("banmian: nothing written; the previous output, if any, is unchanged"),
        "{err}"
    );
    assert_eq!(
        err.matches(UNDERSET).count(),
        1,
        "the warning listed once:\n{err}"
    );
    assert!(!err.contains("built "), "{err}");
    assert!(as_it_stands(&pdf) == good, "--strict wrote over the PDF");

    // With --strict, to a new file (a plain PDF, whose ink is not measured): not made.
    let fresh = dir.join("fresh.pdf");
    let out = banmian(&[
        "build",
        "-o",
        fresh.to_str().unwrap(),
        "--strict",
        "--pdf-standard",
        "1.7",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!fresh.exists(), "{}", stderr(&out));
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "a stray file: {files:?}");

    // --strict and --draft contradict each other: a usage error.
    let out = banmian(&["build", "-o", path, "--strict", "--draft"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(as_it_stands(&pdf) == good);
}

#[test]
fn strict_fails_the_page_of_an_issue_with_a_warning_and_builds_the_others() {
    let dir = scratch("strict-issue");
    let out = banmian(&[
        "build",
        "content/sample-issue/issue.yaml",
        "-o",
        dir.to_str().unwrap(),
        "--strict",
        "--pdf-standard",
        "1.7",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("page 8: FAILED (warnings under --strict) — content/pingluo-cppcc/page.yaml"),
        "{err}"
    );
    assert!(
        err.contains("error: build refused: --strict treats warnings as errors"),
        "{err}"
    );
    assert!(err.contains("built 5 of 6 pages"), "{err}");
    assert!(dir.join("05-night-market.pdf").is_file(), "{err}");
    assert!(!dir.join("08-pingluo-cppcc.pdf").exists(), "{err}");
}
