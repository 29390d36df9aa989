//! `banmian watch` on a temporary copy of the sample: edits are picked up, a broken edit keeps
//! the last good PDF, and the next good save recovers.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::support::*;

/// The running watcher, killed when the test ends, pass or fail.
struct Watching {
    child: Child,
    log: PathBuf,
}

impl Watching {
    fn start(project: &TempProject, pdf: &Path) -> Self {
        let log = project.root.join("watch.log");
        let child = Command::new(env!("CARGO_BIN_EXE_banmian"))
            .args(["watch", project.page().to_str().unwrap(), "-o"])
            .arg(pdf)
            .arg("--font-path")
            .arg(repo().join("fonts"))
            .current_dir(&project.root)
            .env_remove("SOURCE_DATE_EPOCH")
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
    let pdf = project.root.join("out/p.pdf");
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
