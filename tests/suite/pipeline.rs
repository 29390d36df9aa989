//! banmian in a pipeline (issue 23): data on stdout (versioned JSON from `build --report json`
//! and `check --format json`, of a page or an issue), everything for people on stderr, a page
//! from stdin (`-`), and `--verbose` saying each step.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::support::*;

/// banmian run in `dir` with `input` on its stdin.
fn piped(dir: &std::path::Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(args)
        .current_dir(dir)
        .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("banmian runs");
    // banmian may refuse before it reads (build - without -o): a closed pipe is no failure.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON on stdout ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            stderr(output)
        )
    })
}

#[test]
fn build_reports_json_on_stdout_and_speaks_on_stderr() {
    let project = TempProject::new("pipeline-build", MINIMAL_PAGE);
    let pdf = project.root.join("out.pdf");
    let out = project.build_with(&pdf, &["--report", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["version"], 1);
    assert_eq!(report["built"], true);
    assert_eq!(report["pages"], 1);
    let written = &report["outputs"][0];
    assert_eq!(written["path"], pdf.display().to_string());
    assert_eq!(
        written["bytes"].as_u64().unwrap(),
        std::fs::metadata(&pdf).unwrap().len()
    );
    assert!(report["timings"]["steps_ms"]["compile"].as_f64().unwrap() > 0.0);
    assert!(report["ink"].is_object(), "{report:#}");
    // The words for people went to stderr.
    assert!(stderr(&out).contains("built "), "{}", stderr(&out));

    // A page that fails: the report says so, with its errors, and nothing is written.
    let bad = TempProject::new(
        "pipeline-build-bad",
        &MINIMAL_PAGE.replace("  page: 1", "  page: 0"),
    );
    let pdf = bad.root.join("out.pdf");
    let out = bad.build_with(&pdf, &["--report", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(
        (&report["version"], &report["built"]),
        (&1.into(), &false.into())
    );
    assert_eq!(report["findings"][0]["line"], 5);
    assert!(
        stderr(&out).contains("page.yaml:5:9: page number 0"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
}

#[test]
fn check_says_its_report_on_stderr_and_keeps_stdout_for_data() {
    let project = TempProject::new("pipeline-check", MINIMAL_PAGE);
    let out = project.run("check", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr(&out).contains("preflight"), "{}", stderr(&out));
    // `--report json` is check's `--format json` too, and so is `--json`, as scripts and
    // other tools spell it.
    for args in [["--report", "json"].as_slice(), &["--json"]] {
        let out = project.run("check", args);
        assert_eq!(json(&out)["version"], 1, "{args:?}");
    }
}

#[test]
fn a_page_from_stdin_stands_in_the_current_folder() {
    let project = TempProject::new("pipeline-stdin", MINIMAL_PAGE);
    let folder = project.page().parent().unwrap().to_path_buf();
    let fonts = repo().join("fonts");
    let fonts = fonts.to_str().unwrap();
    // Its photo is found beside it, in the folder banmian runs in.
    let out = piped(
        &folder,
        &["check", "-", "--font-path", fonts],
        MINIMAL_PAGE.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Its errors name it <stdin>.
    let bad = MINIMAL_PAGE.replace("photo-1.jpg", "photo-9.jpg");
    let out = piped(
        &folder,
        &["check", "-", "--font-path", fonts],
        bad.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("<stdin>:15:15: image `images/photo-9.jpg` not found"),
        "{}",
        stderr(&out)
    );
    // Built, it needs -o (it has no name of its own to name the PDF after).
    let out = piped(
        &folder,
        &["build", "-", "--font-path", fonts],
        MINIMAL_PAGE.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("give -o"), "{}", stderr(&out));
    let pdf = project.root.join("from-stdin.pdf");
    let out = piped(
        &folder,
        &[
            "build",
            "-",
            "-o",
            pdf.to_str().unwrap(),
            "--font-path",
            fonts,
        ],
        MINIMAL_PAGE.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdf_text(&pdf).contains("测试标题"));
}

#[test]
fn verbose_says_each_step_and_its_time() {
    let project = TempProject::new("pipeline-verbose", MINIMAL_PAGE);
    let pdf = project.root.join("out.pdf");
    let out = project.build_with(&pdf, &["-v"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    for step in [
        "banmian: project ",
        "banmian: read ",
        "template feature, 1 photo",
        "banmian: laid out: 1 page",
        "banmian: wrote ",
        "timings: fonts=",
    ] {
        assert!(said.contains(step), "`{step}` in:\n{said}");
    }
    // Quiet and verbose at once make no sense.
    let out = project.build_with(&pdf, &["-v", "-q"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_issue_reports_each_page_in_json() {
    let out = banmian(&[
        "check",
        "content/sample-issue/issue.yaml",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["version"], 1);
    assert_eq!(report["failed"], 0);
    let pages = report["pages"].as_array().unwrap();
    let numbers: Vec<u64> = pages.iter().map(|p| p["page"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [2, 3, 4, 5, 6, 8, 9]);
    for page in pages {
        assert_eq!(page["ok"], true, "{page:#}");
        assert_eq!(page["report"]["errors"], 0, "{page:#}");
        // Each with its make-up in words and its ink, as the page checked alone has them.
        assert!(page["report"]["ink"].is_object(), "{page:#}");
        assert!(page["report"]["makeup"].is_array(), "{page:#}");
    }
    let alone = json(&banmian(&[
        "check",
        "content/pingluo-cppcc/page.yaml",
        "--format",
        "json",
    ]));
    let page_8 = pages.iter().find(|p| p["page"] == 8).unwrap();
    assert_eq!(page_8["report"]["makeup"], alone["makeup"]);
    assert_eq!(page_8["report"]["ink"], alone["ink"]);
    let spread = pages.iter().find(|p| p["spread"] == true).unwrap();
    assert_eq!(spread["page"], 6);
}

#[test]
fn an_issue_built_reports_each_file_and_the_combined_pdf() {
    let dir = scratch("pipeline-issue-build");
    let combined = dir.join("all.pdf");
    let out = banmian(&[
        "build",
        "content/sample-issue/issue.yaml",
        "-o",
        dir.join("pages").to_str().unwrap(),
        "--combined",
        combined.to_str().unwrap(),
        "--report",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(
        (&report["version"], &report["failed"]),
        (&1.into(), &0.into())
    );
    let mut files = 0;
    for page in report["pages"].as_array().unwrap() {
        for written in page["outputs"].as_array().unwrap() {
            let file = std::path::PathBuf::from(written["path"].as_str().unwrap());
            assert_eq!(
                written["bytes"].as_u64().unwrap(),
                std::fs::metadata(&file).unwrap().len(),
                "{page:#}"
            );
            files += 1;
        }
    }
    // Seven pages, the spread's PDF with its two plates.
    assert_eq!(files, 9, "{report:#}");
    assert_eq!(report["combined"]["path"], combined.display().to_string());
    assert_eq!(
        report["combined"]["bytes"].as_u64().unwrap(),
        std::fs::metadata(&combined).unwrap().len()
    );
}
