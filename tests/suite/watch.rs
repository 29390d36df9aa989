//! `banmian watch` on a temporary copy of the sample: edits are picked up, a broken edit keeps
//! the last good PDF, and the next good save recovers. On an issue: only the pages whose inputs
//! changed are rebuilt, a broken page stops no other, a template change rebuilds them all.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::SystemTime;

use crate::support::*;

/// The running watcher, killed when the test ends, pass or fail.
struct Watching {
    child: Child,
    log: PathBuf,
}

impl Watching {
    fn start(project: &TempProject, pdf: &Path) -> Self {
        Self::spawn(
            &project.root,
            &[
                project.page().as_os_str(),
                OsStr::new("-o"),
                pdf.as_os_str(),
            ],
        )
    }

    /// `banmian watch ARGS…` in `root`, with the repo's fonts.
    fn spawn(root: &Path, args: &[&OsStr]) -> Self {
        let log = root.join("watch.log");
        let child = Command::new(env!("CARGO_BIN_EXE_banmian"))
            .arg("watch")
            .args(args)
            .arg("--font-path")
            .arg(repo().join("fonts"))
            .current_dir(root)
            .env_remove("SOURCE_DATE_EPOCH")
            .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("banmian watch starts");
        Self { child, log }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn count(&self, prefix: &str) -> usize {
        self.log().lines().filter(|l| l.starts_with(prefix)).count()
    }

    /// Waits for the `n`-th line starting with `prefix` (bounded: 20 s).
    fn await_line(&self, prefix: &str, n: usize) {
        assert!(
            eventually(20, || self.count(prefix) >= n),
            "no {n}th `{prefix}` line; watch printed:\n{}",
            self.log()
        );
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_rebuilds_on_edits_and_keeps_the_last_good_pdf() {
    let sample = std::fs::read_to_string(repo().join("content/pingluo-cppcc/page.yaml")).unwrap();
    let project = TempProject::new("watch", &sample);
    let pdf = project.root.join("out/p.proof.pdf");
    let watch = Watching::start(&project, &pdf);

    watch.await_line("rebuilt", 1);
    let first = pdf_text(&pdf);
    let original = "思想是本，行动是形，本正则形立。";
    assert!(first.contains(original), "sample text missing:\n{first}");

    // 1. An in-place edit of one paragraph.
    let edited = sample.replace(original, "监视模式第一次修改的句子。");
    std::fs::write(project.page(), &edited).unwrap();
    assert!(
        eventually(20, || pdf_text(&pdf).contains("监视模式第一次修改的句子。")),
        "edit not rebuilt; watch printed:\n{}",
        watch.log()
    );
    let rebuilt = watch.count("rebuilt");

    // 2. A photo replaced by rename, as editors and image tools save: a distinct pixel size
    //    shows it is the new file that is in the PDF.
    let photo = project.root.join("content/p/images/photo-1.jpg");
    let temp = photo.with_file_name("new-photo.tmp.jpg");
    image::RgbImage::from_pixel(900, 600, image::Rgb([200, 30, 30]))
        .save_with_format(&temp, image::ImageFormat::Jpeg)
        .unwrap();
    std::fs::rename(&temp, &photo).unwrap();
    let has_new_photo = || {
        poppler("pdfimages", &["-list", pdf.to_str().unwrap()])
            .lines()
            .any(|l| l.split_whitespace().skip(3).take(2).eq(["900", "600"]))
    };
    assert!(
        eventually(20, has_new_photo),
        "replaced photo not rebuilt; watch printed:\n{}",
        watch.log()
    );
    watch.await_line("rebuilt", rebuilt + 1);

    // 3. A YAML error: reported, and the PDF left exactly as it was.
    let good = std::fs::read(&pdf).unwrap();
    replace_file(
        &project.page(),
        edited.replace("headline:", "headlin:").as_bytes(),
    );
    watch.await_line("failed", 1);
    let log = watch.log();
    assert!(log.contains("unknown field `headlin`"), "{log}");
    assert!(log.contains("did you mean `headline`?"), "{log}");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        good,
        "a failed build changed the PDF"
    );

    // 4. Fixed: rebuilt by itself.
    let fixed = sample.replace(original, "修好之后第二次修改的句子。");
    replace_file(&project.page(), fixed.as_bytes());
    assert!(
        eventually(20, || pdf_text(&pdf).contains("修好之后第二次修改的句子。")),
        "fix not rebuilt; watch printed:\n{}",
        watch.log()
    );
}

#[test]
fn watch_of_a_missing_page_fails_with_a_message() {
    let out = banmian(&["watch", "no/such/page.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no such page file"),
        "{}",
        stderr(&out)
    );
}

/// `banmian build ARGS…` in `root` (so its default output is `root/out/…`), with the repo's
/// fonts.
fn build_in(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
        .arg("build")
        .args(args)
        .arg("--font-path")
        .arg(repo().join("fonts"))
        .current_dir(root)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
        .output()
        .expect("banmian build runs")
}

#[test]
fn watch_writes_its_proof_beside_the_plate_and_never_over_it() {
    let sample = sample_yaml();
    let project = TempProject::new("watch-plate", &sample);
    let page = "content/p/page.yaml";
    let plate = project.root.join("out/p.pdf");
    let proof = project.root.join("out/p.proof.pdf");

    // The press PDF, as `build` writes it by default.
    let built = build_in(&project.root, &[page]);
    assert!(built.status.success(), "{}", stderr(&built));
    let press = as_it_stands(&plate);
    assert!(
        press.0.windows(8).any(|w| w == b"GTS_PDFX"),
        "build's default is not a PDF/X"
    );

    // Watched without -o: the proof goes to its own name, built once, then once per edit.
    let watch = Watching::spawn(&project.root, &[OsStr::new(page)]);
    watch.await_line("rebuilt", 1);
    let log = watch.log();
    assert!(log.contains("→ out/p.proof.pdf"), "{log}");
    assert!(log.contains("rebuilt out/p.proof.pdf in "), "{log}");
    let original = "思想是本，行动是形，本正则形立。";
    edit(&project.page(), original, "校样不占印版的名字。");
    assert!(
        eventually(20, || pdf_text(&proof).contains("校样不占印版的名字。")),
        "edit not rebuilt; watch printed:\n{}",
        watch.log()
    );
    watch.await_line("rebuilt", 2);
    drop(watch);

    // The plate is as `build` left it, to the byte and the modification time; the proof is a
    // plain PDF, not the press's.
    assert!(as_it_stands(&plate) == press, "watch wrote over the plate");
    assert!(!pdf_text(&plate).contains("校样不占印版的名字。"));
    let info = poppler("pdfinfo", &[proof.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("PDF version:") && l.ends_with(" 1.7")),
        "{info}"
    );
}

#[test]
fn watch_refuses_an_output_that_is_the_plate() {
    let project = TempProject::new("watch-plate-refused", &sample_yaml());
    let watch = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(["watch", "content/p/page.yaml", "-o", "./out/p.pdf"])
        .arg("--font-path")
        .arg(repo().join("fonts"))
        .current_dir(&project.root)
        .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
        .output()
        .expect("banmian watch runs");
    let err = stderr(&watch);
    assert_eq!(watch.status.code(), Some(2), "{err}");
    assert!(
        err.contains("-o ./out/p.pdf: that is the press PDF `banmian build` writes"),
        "{err}"
    );
    assert!(err.contains("the proof goes to out/p.proof.pdf"), "{err}");
    assert!(!project.root.join("out/p.pdf").exists(), "{err}");
}

/// Three pages of the sample issue, copied with the layout into a fresh project, and the
/// issue file listing them (pages 3, 4, 5).
fn issue_project(name: &str) -> PathBuf {
    let root = scratch(name);
    copy_dir(&repo().join("layout"), &root.join("layout"));
    for page in ["river-town", "school-lunch", "night-market"] {
        copy_dir(
            &repo().join("content/sample-issue").join(page),
            &root.join("content/issue").join(page),
        );
    }
    std::fs::write(
        root.join("content/issue/issue.yaml"),
        "paper: 示例日报\ndate: 2021-09-28\nedition: 第 0001 期\npages:\n  - file: river-town/page.yaml\n    page: 3\n  - file: school-lunch/page.yaml\n  - file: night-market/page.yaml\n",
    )
    .unwrap();
    root
}

/// A file's bytes and modification time, to show it was not written again.
fn as_it_stands(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, modified)
}

/// Replaces `from` by `to` in the file at `path`, written in place.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks `{from}`", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn watch_of_an_issue_rebuilds_only_the_pages_that_changed() {
    let root = issue_project("watch-issue");
    let out = root.join("out/issue");
    let pdf = |name: &str| out.join(name);
    let (p3, p4, p5) = (
        pdf("03-river-town.proof.pdf"),
        pdf("04-school-lunch.proof.pdf"),
        pdf("05-night-market.proof.pdf"),
    );
    let page = |slug: &str| root.join("content/issue").join(slug).join("page.yaml");
    // Without -o: out/<issue folder>/, named as `build ISSUE.yaml` names its plates, as proofs.
    let watch = Watching::spawn(&root, &[OsStr::new("content/issue/issue.yaml")]);

    // 1. Every page built once, named as `build` names them, made proofs' names.
    watch.await_line("rebuilt", 3);
    let log = watch.log();
    for name in [
        "out/issue/03-river-town.proof.pdf",
        "out/issue/04-school-lunch.proof.pdf",
        "out/issue/05-night-market.proof.pdf",
    ] {
        assert!(log.contains(&format!("rebuilt {name} in ")), "{log}");
    }
    assert!(pdf_text(&p4).contains("第4版"), "page 4's folio");

    // 2. One page's YAML edited: that page alone is rebuilt; the others are not touched.
    let (before3, before5) = (as_it_stands(&p3), as_it_stands(&p5));
    edit(
        &page("school-lunch"),
        "饭后还有一个苹果",
        "饭后还有一根香蕉",
    );
    assert!(
        eventually(20, || pdf_text(&p4).contains("饭后还有一根香蕉")),
        "edit not rebuilt; watch printed:\n{}",
        watch.log()
    );
    watch.await_line("rebuilt", 4);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let log = watch.log();
    assert_eq!(
        watch.count("rebuilt"),
        4,
        "more than the edited page rebuilt:\n{log}"
    );
    assert!(
        log.lines()
            .rfind(|l| l.starts_with("rebuilt"))
            .is_some_and(|l| l.starts_with("rebuilt out/issue/04-school-lunch.proof.pdf in ")),
        "{log}"
    );
    assert!(as_it_stands(&p3) == before3, "page 3 was written again");
    assert!(as_it_stands(&p5) == before5, "page 5 was written again");

    // 3. A broken edit of page 3: reported, its PDF left as it was; page 5 still rebuilds.
    let good3 = as_it_stands(&p3);
    replace_file(
        &page("river-town"),
        std::fs::read_to_string(page("river-town"))
            .unwrap()
            .replace("headline:", "headlin:")
            .as_bytes(),
    );
    watch.await_line("failed", 1);
    let log = watch.log();
    assert!(log.contains("unknown field `headlin`"), "{log}");
    assert!(
        log.contains("out/issue/03-river-town.proof.pdf is unchanged"),
        "{log}"
    );
    edit(&page("night-market"), "不到半个小时", "不到二十分钟");
    assert!(
        eventually(20, || pdf_text(&p5).contains("不到二十分钟")),
        "page 5 not rebuilt beside a broken page 3; watch printed:\n{}",
        watch.log()
    );
    watch.await_line("rebuilt", 5);

    // 4. A template changed: every page is rebuilt (page 3, still broken, fails again).
    let style = root.join("layout/style.typ");
    let before4 = as_it_stands(&p4);
    let mut text = std::fs::read_to_string(&style).unwrap();
    text.push_str("\n// touched by the watch test\n");
    std::fs::write(&style, text).unwrap();
    watch.await_line("rebuilt", 7);
    watch.await_line("failed", 2);
    assert!(as_it_stands(&p4).1 != before4.1, "page 4 not rebuilt");
    assert!(as_it_stands(&p3) == good3, "the broken page's PDF changed");

    // 5. Page 3 fixed: rebuilt by itself.
    edit(&page("river-town"), "headlin:", "headline:");
    watch.await_line("rebuilt", 8);
    assert!(
        as_it_stands(&p3).1 != good3.1,
        "page 3 not rebuilt once fixed"
    );
}

/// Watching an issue with a jump (转版): the continuation's page follows its start page. An
/// edit of the start page's story (two paragraphs added at its end) rebuilds both pages, the
/// continuation's after, and the new text is printed there.
#[test]
fn watch_of_an_issue_carries_a_jumped_story_to_its_continuation() {
    let root = scratch("watch-jump");
    copy_dir(&repo().join("layout"), &root.join("layout"));
    for page in ["city-news", "county-news"] {
        copy_dir(
            &repo().join("content/sample-issue").join(page),
            &root.join("content/issue").join(page),
        );
    }
    std::fs::write(
        root.join("content/issue/issue.yaml"),
        "paper: 示例日报\ndate: 2021-09-28\npages:\n  - file: city-news/page.yaml\n    page: 2\n  - file: county-news/page.yaml\njumps:\n  - story: bus-lead\n    from: city-news/page.yaml\n    to: county-news/page.yaml\n",
    )
    .unwrap();
    let out = root.join("out/issue");
    let continuation = out.join("03-county-news.proof.pdf");
    let watch = Watching::spawn(&root, &[OsStr::new("content/issue/issue.yaml")]);
    watch.await_line("rebuilt", 2);
    assert!(squash(&pdf_text(&continuation)).contains("（上接第2版）"));
    let added = "补记：监看时加在末尾的这一段，应当出现在接续版上。";
    edit(
        &root.join("content/issue/city-news/page.yaml"),
        "    photos:\n      - file: images/lead-bus.jpg",
        &format!("\n      {added}\n    photos:\n      - file: images/lead-bus.jpg"),
    );
    assert!(
        eventually(30, || squash(&pdf_text(&continuation)).contains(added)),
        "the continuation did not follow; watch printed:\n{}",
        watch.log()
    );
    // Page 2 rebuilt, then page 3 after it.
    watch.await_line("rebuilt", 4);
    let log = watch.log();
    let rebuilt: Vec<&str> = log.lines().filter(|l| l.starts_with("rebuilt")).collect();
    assert!(
        rebuilt[2].contains("02-city-news") && rebuilt[3].contains("03-county-news"),
        "{log}"
    );
}
