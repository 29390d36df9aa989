//! `banmian new` and `banmian schema`: a new page folder that checks clean of errors and names
//! the schema its editor validates against; nothing overwritten; the repo's schema up to date.

use std::process::Command;

use crate::support::*;

fn new_in(root: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
        .arg("new")
        .args(args)
        .current_dir(root)
        .output()
        .expect("banmian runs")
}

#[test]
fn new_makes_a_page_that_builds_and_names_its_schema() {
    let root = scratch("new-page");
    copy_dir(&repo().join("layout"), &root.join("layout"));
    let out = new_in(&root, &["2024-05-01-a8"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("made content/2024-05-01-a8/page.yaml"),
        "{}",
        stderr(&out)
    );
    let page = root.join("content/2024-05-01-a8/page.yaml");
    assert!(root.join("content/2024-05-01-a8/images").is_dir());

    // The editor's language server finds the schema from the first line.
    let yaml = std::fs::read_to_string(&page).unwrap();
    let first = yaml.lines().next().unwrap();
    let target = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("first line: {first}"));
    // Its template's schema, as `schema --template` prints it; the project's others beside it.
    assert!(target.ends_with("/schema/feature.schema.json"), "{target}");
    let schema = page.parent().unwrap().join(target);
    let written = std::fs::read_to_string(&schema).unwrap();
    let printed = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(["schema", "--template", "feature"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert_eq!(written, String::from_utf8(printed.stdout).unwrap());
    for other in ["page", "news", "issue"] {
        assert!(
            root.join(format!("schema/{other}.schema.json")).is_file(),
            "{other}"
        );
    }

    // It checks without errors (an almost empty page leaves columns empty: warnings only).
    let fonts = repo().join("fonts");
    let out = banmian(&[
        "check",
        page.to_str().unwrap(),
        "--font-path",
        fonts.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );

    // Made again: refused, the page untouched.
    let out = new_in(&root, &["2024-05-01-a8"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), yaml);

    // A name that is not a plain folder name, a template that does not exist.
    let out = new_in(&root, &["../new-page-escaped"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!root.join("new-page-escaped").exists());
    assert!(!root.parent().unwrap().join("new-page-escaped").exists());
    let out = new_in(&root, &["other", "--template", "tabloid"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no template `tabloid`")
            && stderr(&out).contains("templates: feature"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_repos_schemas_are_what_banmian_schema_prints() {
    for (file, args) in [
        ("page", vec![]),
        ("feature", vec!["--template", "feature"]),
        ("news", vec!["--template", "news"]),
        ("issue", vec!["--issue"]),
    ] {
        let printed = banmian(&[&["schema"], args.as_slice()].concat());
        assert!(printed.status.success(), "{}", stderr(&printed));
        let path = format!("schema/{file}.schema.json");
        let committed = std::fs::read_to_string(repo().join(&path)).unwrap_or_default();
        assert!(
            committed == String::from_utf8(printed.stdout).unwrap(),
            "{path} is out of date: cargo run --release -- schema {} > {path}",
            args.join(" ")
        );
    }
    // Every page and issue of the repo names its own.
    let sample = |path: &str| std::fs::read_to_string(repo().join(path)).unwrap();
    let first = |text: String| text.lines().next().unwrap().to_string();
    assert!(first(sample("content/pingluo-cppcc/page.yaml")).ends_with("/feature.schema.json"));
    assert!(
        first(sample("content/sample-issue/city-news/page.yaml")).ends_with("/news.schema.json")
    );
    assert!(
        first(sample("content/sample-issue/issue.yaml"))
            .ends_with("../../schema/issue.schema.json")
    );
}

#[test]
fn new_news_page_is_made_of_stories_and_builds() {
    let root = scratch("new-news-page");
    copy_dir(&repo().join("layout"), &root.join("layout"));
    let out = new_in(&root, &["2024-05-02-a1", "--template", "news"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = root.join("content/2024-05-02-a1/page.yaml");
    let yaml = std::fs::read_to_string(&page).unwrap();
    assert!(
        yaml.contains("template: news") && yaml.contains("stories:"),
        "{yaml}"
    );
    assert!(
        !yaml.contains("sections:"),
        "a feature page's shape: {yaml}"
    );
    let fonts = repo().join("fonts");
    let pdf = root.join("news.pdf");
    let out = banmian(&[
        "build",
        page.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--font-path",
        fonts.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Its stories are on the page, each headline once.
    let text = squash(&pdf_text(&pdf));
    for headline in [
        "头条标题写在这里",
        "二条标题写在这里",
        "三条标题写在这里",
        "四条标题写在这里",
    ] {
        assert_eq!(text.matches(headline).count(), 1, "{headline}: {text}");
    }
}

#[test]
fn new_page_in_an_issue_is_listed_in_order_or_refused_with_the_issue_untouched() {
    let root = sample_issue_project("new-issue-page");
    let issue = root.join("content/sample-issue/issue.yaml");
    let before = std::fs::read_to_string(&issue).unwrap();
    let args = |page: Option<&str>| {
        let mut a = vec![
            "market",
            "--template",
            "news",
            "--issue",
            "content/sample-issue/issue.yaml",
        ];
        if let Some(page) = page {
            a.extend(["--page", page]);
        }
        new_in(&root, &a)
    };
    // At page 4 the spread after it would start on page 7, and the last page says it is page
    // 8: refused, saying so, nothing made.
    let out = args(Some("4"));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("a spread starts on a left-hand (even) page, not page 7"),
        "{err}"
    );
    assert!(err.contains("choose another --page"), "{err}");
    assert_eq!(std::fs::read_to_string(&issue).unwrap(), before);
    assert!(!root.join("content/sample-issue/market").exists());

    // At the end: listed last (before what follows the list: the jumps), in the issue's own
    // indentation, its folio the issue's.
    let out = args(None);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(&issue).unwrap();
    let last = "  - file: county-news/page.yaml\n";
    assert_eq!(
        after,
        before.replacen(last, &format!("{last}  - file: market/page.yaml\n"), 1)
    );
    let page = std::fs::read_to_string(root.join("content/sample-issue/market/page.yaml")).unwrap();
    assert!(page.starts_with("# yaml-language-server: $schema=../../../schema/news.schema.json"));
    assert!(
        !page.contains("  paper:") && !page.contains("  date:"),
        "{page}"
    );
    let fonts = repo().join("fonts");
    let out = banmian(&[
        "check",
        issue.to_str().unwrap(),
        "--pdf-standard",
        "1.7",
        "--font-path",
        fonts.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("checked 8 of 8 pages"),
        "{}",
        stderr(&out)
    );
}

fn banmian_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("banmian runs")
}

#[test]
fn init_starts_a_project_where_there_is_none_and_its_new_page_builds() {
    let here = scratch("init");
    let fonts = repo().join("fonts");
    // A --fonts folder without a font file is refused before anything is written.
    std::fs::create_dir_all(here.join("no-fonts")).unwrap();
    let out = banmian_in(&here, &["init", "paper", "--fonts", "no-fonts"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no font files"), "{}", stderr(&out));
    assert!(!here.join("paper").exists());

    // From a folder that holds more than fonts (notes, the new project itself): its font
    // files and their licences are taken, at their places, and nothing else.
    std::fs::create_dir_all(here.join("shelf/cjk")).unwrap();
    std::fs::write(here.join("notes.txt"), "not a font").unwrap();
    std::fs::write(here.join("shelf/cjk/OFL.txt"), "the licence").unwrap();
    std::fs::hard_link(
        fonts.join("LXGWWenKai-Regular.ttf"),
        here.join("shelf/cjk/LXGWWenKai-Regular.ttf"),
    )
    .unwrap();
    let out = banmian_in(&here, &["init", "shelf/paper", "--fonts", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("(1 font file)"), "{}", stderr(&out));
    let taken_root = here.join("shelf/paper/fonts");
    let mut taken: Vec<String> = Vec::new();
    let mut stack = vec![taken_root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                let relative = entry.path().strip_prefix(&taken_root).unwrap().to_owned();
                taken.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    taken.sort();
    assert_eq!(
        taken,
        ["shelf/cjk/LXGWWenKai-Regular.ttf", "shelf/cjk/OFL.txt"]
    );

    let out = banmian_in(
        &here,
        &["init", "paper", "--fonts", fonts.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("banmian new SLUG --root paper"),
        "{}",
        stderr(&out)
    );
    // The templates are the repo's, byte for byte; the fonts and their licences are there.
    for (path, _) in banmian::desk::scaffold::project::LAYOUT {
        assert_eq!(
            std::fs::read(here.join("paper").join(path)).unwrap(),
            std::fs::read(repo().join(path)).unwrap(),
            "{path}"
        );
    }
    assert!(here.join("paper/fonts/NotoSerifCJK-Regular.ttc").is_file());
    assert!(here.join("paper/fonts/licenses").is_dir());
    assert!(here.join("paper/content").is_dir());

    // A page made there builds, with the project's own fonts (no --font-path).
    let out = banmian_in(&here, &["new", "front", "--root", "paper"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = banmian_in(
        &here,
        &[
            "build",
            "paper/content/front/page.yaml",
            "-o",
            "front.pdf",
            "--pdf-standard",
            "1.7",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = poppler("pdffonts", &[here.join("front.pdf").to_str().unwrap()]);
    assert!(listed.contains("NotoSerifCJK"), "{listed}");

    // Again: refused, and what the desk changed meanwhile is kept.
    let style = here.join("paper/layout/style.typ");
    std::fs::write(&style, "// the house's own\n").unwrap();
    let out = banmian_in(&here, &["init", "paper"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("already a project"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&style).unwrap(),
        "// the house's own\n"
    );
}
