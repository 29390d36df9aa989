//! Running banmian and reading its PDFs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn banmian(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(args)
        .current_dir(repo())
        .env_remove("SOURCE_DATE_EPOCH")
        // The tests read banmian's English, whatever the machine's locale.
        .env("BANMIAN_LANG", "en")
        .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
        .output()
        .expect("banmian runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A poppler tool's stdout.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The sample page, built once for all tests that only look at it.
pub fn sample_pdf() -> &'static Path {
    static PDF: OnceLock<PathBuf> = OnceLock::new();
    PDF.get_or_init(|| {
        let dir = scratch("sample");
        let pdf = dir.join("sample.pdf");
        let out = banmian(&["build", "-o", pdf.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "sample build failed:\n{}",
            stderr(&out)
        );
        pdf
    })
}

/// A fresh, empty folder under target/ for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = repo().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A throwaway project: the repo's layout/ copied, a page written from `yaml`, the sample's
/// images beside it. Fonts come from the repo via --font-path.
pub struct TempProject {
    pub root: PathBuf,
}

impl TempProject {
    pub fn new(name: &str, yaml: &str) -> Self {
        let root = scratch(name);
        copy_dir(&repo().join("layout"), &root.join("layout"));
        copy_dir(
            &repo().join("content/pingluo-cppcc/images"),
            &root.join("content/p/images"),
        );
        std::fs::write(root.join("content/p/page.yaml"), yaml).unwrap();
        Self { root }
    }

    pub fn page(&self) -> PathBuf {
        self.root.join("content/p/page.yaml")
    }

    /// `banmian COMMAND PAGE --font-path <the repo's fonts> EXTRA…`.
    pub fn run(&self, command: &str, extra: &[&str]) -> Output {
        let fonts = repo().join("fonts");
        let page = self.page();
        let mut args = vec![
            command,
            page.to_str().unwrap(),
            "--font-path",
            fonts.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        banmian(&args)
    }

    /// `banmian check --format json` on the page: exit code and the parsed report.
    pub fn check(&self) -> (Option<i32>, serde_json::Value) {
        let out = self.run("check", &["--format", "json"]);
        let report = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("check printed no JSON ({e}):\n{}", stderr(&out)));
        (out.status.code(), report)
    }

    /// Builds with extra arguments (`--draft`, `--crop-marks`…).
    pub fn build_with(&self, output: &Path, extra: &[&str]) -> Output {
        build_page(&self.page(), output, extra)
    }

    pub fn build(&self, output: &Path) -> Output {
        let fonts = repo().join("fonts");
        banmian(&[
            "build",
            self.page().to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--font-path",
            fonts.to_str().unwrap(),
        ])
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A scratch project holding the repo's layout and the sample issue with its pages (the
/// issue's `content/sample-issue/issue.yaml` lists `../pingluo-cppcc` too): its root.
pub fn sample_issue_project(name: &str) -> PathBuf {
    let root = scratch(name);
    copy_dir(&repo().join("layout"), &root.join("layout"));
    copy_dir(
        &repo().join("content/sample-issue"),
        &root.join("content/sample-issue"),
    );
    copy_dir(
        &repo().join("content/pingluo-cppcc"),
        &root.join("content/pingluo-cppcc"),
    );
    root
}

/// The sample page's YAML.
pub fn sample_yaml() -> String {
    std::fs::read_to_string(repo().join("content/pingluo-cppcc/page.yaml")).unwrap()
}

/// A small valid page; tests vary it to make bad ones.
pub const MINIMAL_PAGE: &str = r#"template: feature
folio:
  paper: 测试报
  date: 2024-01-15
  page: 1
headline: 测试标题
sections:
  - number: 1
    head: [第一部分, 小标题]
    body: |
      第一段正文。

      第二段正文。
    photos:
      - file: images/photo-1.jpg
        caption: 图片说明。
"#;

/// Text without whitespace, so line breaks and spacing do not matter.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The PDF's text, without whitespace.
pub fn pdf_text(pdf: &Path) -> String {
    squash(&poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]))
}

/// `banmian build PAGE -o OUTPUT` with the repository's fonts and extra arguments.
pub fn build_page(page: &Path, output: &Path, extra: &[&str]) -> Output {
    let fonts = repo().join("fonts");
    let mut args = vec![
        "build",
        page.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--font-path",
        fonts.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    banmian(&args)
}

/// Polls `done` every 100 ms for up to `secs` seconds; true as soon as it holds.
pub fn eventually(secs: u64, mut done: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if done() {
            return true;
        }
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Replaces `path` the way many editors save: write a temporary file, then rename it over.
pub fn replace_file(path: &Path, bytes: &[u8]) {
    let temp = path.with_file_name(format!(
        ".{}.swap",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, bytes).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// A PNG whose header claims `width` × `height` pixels over a tiny zlib stream, as bombs do
/// (real ones compress billions of zeros into a few kilobytes).
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc32(&ihdr).to_be_bytes());
    let idat = b"IDATx\x9c\x03\x00\x00\x00\x00\x01";
    png.extend(((idat.len() - 4) as u32).to_be_bytes());
    png.extend(idat);
    png.extend(crc32(idat).to_be_bytes());
    png.extend(0u32.to_be_bytes());
    png.extend(b"IEND");
    png.extend(crc32(b"IEND").to_be_bytes());
    png
}

/// CRC-32 as PNG chunks use it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The findings of one check in a `check --format json` report.
pub fn findings<'a>(report: &'a serde_json::Value, check: &str) -> Vec<&'a serde_json::Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == check)
        .collect()
}
