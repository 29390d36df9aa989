//! Issues (issue 10): an issue file builds every page it lists, one PDF a page named in page
//! order, and a combined PDF; pages take the paper, date and numbers from the issue; a failing
//! page stops no other; parallel and one-at-a-time builds write the same bytes.

use std::path::{Path, PathBuf};

use crate::support::{banmian, poppler, repo, scratch, stderr};

const ISSUE: &str = "content/sample-issue/issue.yaml";

fn build_issue(out: &Path, threads: &str, extra: &[&str]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_banmian"));
    command
        .args(["build", ISSUE, "-o", out.to_str().unwrap()])
        .args(extra)
        .current_dir(repo())
        .env_remove("SOURCE_DATE_EPOCH")
        .env("BANMIAN_THREADS", threads)
        .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"));
    command.output().expect("banmian runs")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    names
}

fn text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    poppler(
        "pdftotext",
        &["-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
    )
}

#[test]
fn the_sample_issue_builds_a_pdf_a_page_and_one_combined_identical_however_built() {
    let dir = scratch("issue");
    let (parallel, sequential) = (dir.join("parallel"), dir.join("sequential"));
    let combined = dir.join("issue.pdf");
    let out = build_issue(&parallel, "4", &["--combined", combined.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = files(&parallel)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "02-city-news.pdf",
            "03-river-town.pdf",
            "04-school-lunch.pdf",
            "05-night-market.pdf",
            "06-harvest-spread.pdf",
            "06-harvest-spread.spread.pdf",
            "07-harvest-spread.pdf",
            "08-pingluo-cppcc.pdf",
            "09-county-news.pdf"
        ]
    );
    // Each page's folio: the issue's paper, date and edition, its number from its place (the
    // spread's two pages each their own; its sheet is the proof).
    let plates: Vec<PathBuf> = files(&parallel)
        .into_iter()
        .filter(|p| !p.to_string_lossy().ends_with(".spread.pdf"))
        .collect();
    for (i, file) in plates.iter().enumerate() {
        let number = 2 + i;
        let page = text(file, 1);
        assert!(page.contains("示例日报"), "page {number}: {page}");
        assert!(page.contains("2021 年 9 月 28 日"), "page {number}");
        assert!(page.contains("第 0001 期"), "page {number}");
        assert!(page.contains(&format!("第{number}版")), "page {number}");
        let info = poppler("pdfinfo", &[file.to_str().unwrap()]);
        assert!(info.contains("Pages:           1"), "page {number}: {info}");
    }
    // The combined PDF: the eight pages in order, each with its trim and bleed.
    let info = poppler(
        "pdfinfo",
        &["-box", "-f", "1", "-l", "8", combined.to_str().unwrap()],
    );
    assert!(info.contains("Pages:           8"), "{info}");
    assert_eq!(info.matches("TrimBox").count(), 8, "{info}");
    let headlines = [
        "示例县城乡公交一体化全面通车",
        "一湾清水绕古镇",
        "一餐热饭暖童心",
        "灯火可亲夜未央",
        "千重稻浪映金秋",
        "万家仓廪话丰年",
        "凝心聚力促发展",
        "一根毛竹撑起县域富民产业",
    ];
    for (i, headline) in headlines.iter().enumerate() {
        let page = text(&combined, i + 1);
        assert!(
            page.replace(char::is_whitespace, "").contains(headline),
            "combined page {}: no {headline}",
            i + 1
        );
    }
    // One page after another writes the same bytes as all at once; so does a rerun.
    let out = build_issue(&sequential, "1", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    for (a, b) in files(&parallel).iter().zip(files(&sequential)) {
        assert!(
            std::fs::read(a).unwrap() == std::fs::read(&b).unwrap(),
            "{} differs built in parallel and one at a time",
            b.display()
        );
    }
    let before = std::fs::read(&combined).unwrap();
    let out = build_issue(&parallel, "2", &["--combined", combined.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(&combined).unwrap() == before,
        "the rerun's combined PDF differs"
    );
}

#[test]
fn a_failing_page_stops_no_other_and_the_summary_names_it() {
    let dir = scratch("issue-failing");
    // Its second page is numbered 9 where the page's own folio says 8.
    let issue = dir.join("issue.yaml");
    std::fs::write(
        &issue,
        "paper: 示例日报\ndate: 2021-09-28\npages:\n  - file: ../../../content/sample-issue/night-market/page.yaml\n    page: 7\n  - file: ../../../content/pingluo-cppcc/page.yaml\n    page: 9\n",
    )
    .unwrap();
    let combined = dir.join("issue.pdf");
    let out = banmian(&[
        "build",
        issue.to_str().unwrap(),
        "-o",
        dir.join("pages").to_str().unwrap(),
        "--combined",
        combined.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(dir.join("pages/07-night-market.pdf").is_file(), "{err}");
    assert!(!dir.join("pages/09-pingluo-cppcc.pdf").exists(), "{err}");
    assert!(
        !combined.exists(),
        "a combined PDF of an incomplete issue: {err}"
    );
    assert!(err.contains("page 9: FAILED (content errors)"), "{err}");
    assert!(
        err.contains("pingluo-cppcc/page.yaml:9:9: the page says page `8`"),
        "{err}"
    );
    assert!(err.contains("built 1 of 2 pages"), "{err}");
}

#[test]
fn a_page_of_an_issue_built_alone_takes_its_folio_from_the_issue_beside_it() {
    // In its issue's folder, the page is page 3 of 示例日报 of 2021-09-28.
    let out = banmian(&[
        "check",
        "content/sample-issue/river-town/page.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = scratch("issue-page-alone");
    let pdf = dir.join("page.pdf");
    let out = banmian(&[
        "build",
        "content/sample-issue/river-town/page.yaml",
        "-o",
        pdf.to_str().unwrap(),
        "--pdf-standard",
        "1.7",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(
        text.contains("第3版") && text.contains("示例日报"),
        "{text}"
    );
    // Moved out of any issue, it lacks what the issue gave, and says how to give it.
    let alone = dir.join("river-town");
    crate::support::copy_dir(&repo().join("content/sample-issue/river-town"), &alone);
    let out = banmian(&["check", alone.join("page.yaml").to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("`folio.paper` is missing"), "{err}");
    assert!(err.contains("`folio.date` is missing"), "{err}");
    assert!(
        err.contains("or build the page from an issue file"),
        "{err}"
    );
    // And the issue checks clean.
    let out = banmian(&["check", ISSUE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("checked 7 of 7 pages"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn issue_errors_point_into_the_issue_file() {
    let dir = scratch("issue-errors");
    let issue = dir.join("bad-test-issue.yaml");
    std::fs::write(
        &issue,
        "paper: 示例日报\ndate: 2021-02-30\npages:\n  - file: ../../../content/sample-issue/river-town/page.yaml\n    page: 6\n  - file: nowhere/page.yaml\n    page: 6\n",
    )
    .unwrap();
    let out_dir = dir.join("out");
    let out = banmian(&[
        "build",
        issue.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("bad-test-issue.yaml:2:7: `2021-02-30` is not a date"),
        "{err}"
    );
    assert!(
        err.contains("bad-test-issue.yaml:6:11: page file `nowhere/page.yaml` not found"),
        "{err}"
    );
    assert!(
        err.contains("bad-test-issue.yaml:7:11: page 6 comes after page 6"),
        "{err}"
    );
    assert!(!out_dir.exists(), "nothing may be written");
}

#[test]
fn an_issue_build_prints_a_line_as_each_page_finishes() {
    let dir = scratch("issue-progress");
    let out = build_issue(&dir, "2", &["--pdf-standard", "1.7"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    // Lines of the form `  [3/7] page 5 built in 0.32 s: 05-night-market.pdf`, one a page,
    // in the order the pages finished (with two threads, not always the issue's): the count
    // runs 1 to 7, and together they are the issue's pages.
    let progress: Vec<&str> = err.lines().filter(|l| l.starts_with("  [")).collect();
    assert_eq!(progress.len(), 7, "{err}");
    let mut pages = Vec::new();
    for (i, line) in progress.iter().enumerate() {
        let rest = line
            .strip_prefix(&format!("  [{}/7] ", i + 1))
            .unwrap_or_else(|| panic!("line {} out of count: {line}\n{err}", i + 1));
        let (page, rest) = rest.split_once(" built in ").expect(line);
        let (seconds, file) = rest.split_once(" s: ").expect(line);
        assert!(seconds.parse::<f64>().is_ok_and(|s| s >= 0.0), "{line}");
        assert!(dir.join(file).is_file(), "{line}: no such file");
        pages.push((page.to_string(), file.to_string()));
    }
    pages.sort();
    let expected = [
        ("page 2", "02-city-news.pdf"),
        ("page 3", "03-river-town.pdf"),
        ("page 4", "04-school-lunch.pdf"),
        ("page 5", "05-night-market.pdf"),
        ("page 8", "08-pingluo-cppcc.pdf"),
        ("page 9", "09-county-news.pdf"),
        ("pages 6–7", "06-harvest-spread.spread.pdf"),
    ]
    .map(|(p, f)| (p.to_string(), f.to_string()));
    assert_eq!(pages, expected, "{err}");
    // Every page's line comes as it finishes, before the lines a page that follow them all.
    let last_progress = err.rfind("  [7/7]").unwrap();
    let first_summary = err.find("\npage 2: built ").expect(&err);
    assert!(last_progress < first_summary, "{err}");
}
