//! The bad-input corpus: one file per case in `tests/bad-input/`, each a page (or not) with
//! directives in `#!` comment lines saying how to run it and what must come out. Every case
//! runs over a project holding a good PDF from an earlier build; afterwards that PDF, the page
//! and every photo must be byte-identical: bad input never costs the editor anything.
//!
//! Directives (each `#! name: value`, in the file's first lines):
//! - `exit: N` — the exit status (required).
//! - `expect: text` — a fragment stderr must hold (repeatable).
//! - `at: L:C` — the error's position, checked as `page.yaml:L:C:` in stderr, with the line
//!   shown under it and a caret under the column.
//! - `excerpt: none` — no line is shown under the error (a UTF-16 file has no lines to show).
//! - `args: …` — the command, default `build {page} -o {out}`; `{page}`, `{out}`, `{root}`
//!   are replaced; `--font-path` to the repo's fonts is added to build and check.
//! - `photo: PATH KIND` — a file beside the page: `jpeg`, `png-named-jpg`, `webp`, `gif`,
//!   `tiff`, `bmp`, `heic`, `folder`, `truncated`, `empty`, `text`, `giant`, `png-damaged`.
//! - `symlink: PATH -> TARGET`, `hardlink: PATH -> TARGET` — links, relative to the project.
//! - `file: PATH TEXT` — a plain file with that text.
//! - `fifo: PATH` — a named pipe (nothing ever writes to it: opening it would block).
//! - `escapes: yes` — `\xNN` in the page stands for that byte.
//! - `prefix: HEX` — bytes written before the page (a byte-order mark).
//!
//! The page text may use `{{REPEAT:text:N}}` (text N times) and `{{SECTIONS:N}}` (N short
//! numbered sections) for the limits' cases.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::*;

pub struct Case {
    pub name: String,
    exit: i32,
    expect: Vec<String>,
    at: Option<String>,
    /// Whether the line the error points into is shown under it.
    excerpt: bool,
    args: String,
    setup: Vec<(String, String)>,
    page: Vec<u8>,
}

pub fn parse(path: &Path) -> Case {
    let raw = std::fs::read(path).unwrap();
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let text = String::from_utf8_lossy(&raw);
    let mut case = Case {
        name,
        exit: -1,
        expect: Vec::new(),
        at: None,
        excerpt: true,
        args: "build {page} -o {out}".into(),
        setup: Vec::new(),
        page: Vec::new(),
    };
    let mut escapes = false;
    let mut prefix = Vec::new();
    for line in text.lines() {
        let Some(directive) = line.strip_prefix("#! ") else {
            continue;
        };
        let (key, value) = directive.split_once(": ").unwrap_or((directive, ""));
        match key {
            "exit" => case.exit = value.parse().unwrap(),
            "expect" => case.expect.push(value.to_string()),
            "at" => case.at = Some(value.to_string()),
            "excerpt" => case.excerpt = value != "none",
            "args" => case.args = value.to_string(),
            "escapes" => escapes = value == "yes",
            "prefix" => {
                prefix = (0..value.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&value[i..i + 2], 16).unwrap())
                    .collect()
            }
            _ => case.setup.push((key.to_string(), value.to_string())),
        }
    }
    assert!(case.exit >= 0, "{}: no `#! exit:`", case.name);
    case.page = match std::str::from_utf8(&raw) {
        Ok(text) if escapes => unescape(&expand(text)),
        Ok(text) => expand(text).into_bytes(),
        // Bytes that are not UTF-8 are the point of the case: keep them as they are.
        Err(_) => raw,
    };
    case.page.splice(0..0, prefix);
    case
}

/// `{{REPEAT:text:N}}` and `{{SECTIONS:N}}`.
fn expand(text: &str) -> String {
    let mut out = text.to_string();
    while let Some(start) = out.find("{{") {
        let end = start + out[start..].find("}}").unwrap();
        let inner = &out[start + 2..end];
        let replacement = if let Some(rest) = inner.strip_prefix("REPEAT:") {
            let (what, n) = rest.rsplit_once(':').unwrap();
            what.repeat(n.parse().unwrap())
        } else if let Some(n) = inner.strip_prefix("SECTIONS:") {
            (1..=n.parse::<u32>().unwrap())
                .map(|i| {
                    format!("  - number: {i}\n    head: [第{i}部分, 小标题]\n    body: 正文。\n")
                })
                .collect()
        } else {
            panic!("unknown placeholder {inner}")
        };
        out.replace_range(start..end + 2, &replacement);
    }
    out
}

/// Whether a terminal gives `c` two cells (CJK ideographs and full-width punctuation).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn unescape(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\\x")
            && i + 4 <= bytes.len()
            && let Ok(b) = u8::from_str_radix(&text[i + 2..i + 4], 16)
        {
            out.push(b);
            i += 4;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// A good PDF, built once, that every case starts from.
fn good_pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        let project = TempProject::new("bad-input-good", MINIMAL_PAGE);
        let pdf = project.root.join("good.pdf");
        let out = project.build(&pdf);
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read(pdf).unwrap()
    })
}

fn photo(path: &Path, kind: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let jpeg = std::fs::read(repo().join("content/pingluo-cppcc/images/photo-1.jpg")).unwrap();
    let bytes: Vec<u8> = match kind {
        "jpeg" => jpeg,
        "png-named-jpg" => gradient_png(),
        // Sound header and checksums, pixels that do not decompress: only decoding finds it.
        "png-damaged" => {
            let mut png = gradient_png();
            let idat = png.windows(4).position(|w| w == b"IDAT").unwrap();
            let length = u32::from_be_bytes(png[idat - 4..idat].try_into().unwrap()) as usize;
            let data = idat + 4..idat + 4 + length;
            let middle = data.start + length / 2;
            for b in &mut png[middle..middle + 64] {
                *b ^= 0x5A;
            }
            let crc = crc32(&png[idat..data.end]);
            png[data.end..data.end + 4].copy_from_slice(&crc.to_be_bytes());
            png
        }
        "webp" => b"RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0"
            .iter()
            .chain([0u8; 24].iter())
            .copied()
            .collect(),
        "gif" => b"GIF89a\x01\0\x01\0\0\0\0;".to_vec(),
        "tiff" => b"II*\0\x08\0\0\0\0\0".to_vec(),
        "bmp" => b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0".to_vec(),
        "heic" => b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
        "truncated" => jpeg[..jpeg.len() / 2].to_vec(),
        "empty" => Vec::new(),
        "text" => b"this is not a photo\n".to_vec(),
        "giant" => png_claiming(40_000, 40_000),
        "folder" => {
            std::fs::create_dir_all(path).unwrap();
            return;
        }
        other => panic!("unknown photo kind {other}"),
    };
    std::fs::write(path, bytes).unwrap();
}

/// A 1800 × 1200 PNG, sharp enough for the page.
fn gradient_png() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(1800, 1200, |x, y| {
        image::Rgb([(x / 8) as u8, (y / 6) as u8, ((x + y) / 12) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Every file under `dir` with its bytes (symlinks as their targets' names).
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_symlink() {
            files.push((
                path.clone(),
                std::fs::read_link(&path)
                    .unwrap()
                    .into_os_string()
                    .into_encoded_bytes(),
            ));
        } else if meta.is_dir() {
            if path.file_name().unwrap() != "layout" {
                files.extend(snapshot(&path));
            }
        } else if !meta.is_file() {
            // A pipe is never read: that would block for good.
            files.push((path.clone(), b"(not a regular file)".to_vec()));
        } else {
            files.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

/// A case's project: the layout, the page and what its directives set up beside it, over a
/// good PDF to be (written by the caller). Gives the project folder, the page and the PDF.
pub fn project(case: &Case, under: &str) -> Result<(PathBuf, PathBuf, PathBuf), String> {
    let root = scratch(&format!("{under}/{}", case.name));
    copy_dir(&repo().join("layout"), &root.join("layout"));
    let page = root.join("content/p/page.yaml");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    photo(&root.join("content/p/images/photo-1.jpg"), "jpeg");
    std::fs::write(&page, &case.page).unwrap();
    let out = root.join("out.pdf");
    for (key, value) in &case.setup {
        match key.as_str() {
            "photo" => {
                let (path, kind) = value.rsplit_once(' ').unwrap();
                photo(&root.join("content/p").join(path), kind);
            }
            "symlink" | "hardlink" => {
                let (link, target) = value.split_once(" -> ").unwrap();
                let (link, target) = (root.join(link), root.join(target));
                if key == "symlink" {
                    std::os::unix::fs::symlink(target, link).unwrap();
                } else {
                    std::fs::hard_link(target, link).unwrap();
                }
            }
            "file" => {
                let (path, text) = value.split_once(' ').unwrap();
                std::fs::write(root.join(path), text).unwrap();
            }
            "fifo" => {
                let made = std::process::Command::new("mkfifo")
                    .arg(root.join(value))
                    .status()
                    .map_err(|err| format!("mkfifo: {err}"))?;
                if !made.success() {
                    return Err(format!("mkfifo {value} failed"));
                }
            }
            other => return Err(format!("unknown directive `{other}`")),
        }
    }
    Ok((root, page, out))
}

/// The case's command line over its project (`--font-path` to the repo's fonts added to build
/// and check).
pub fn command(case: &Case, root: &Path, page: &Path, out: &Path) -> Vec<String> {
    let command = case
        .args
        .replace("{page}", page.to_str().unwrap())
        .replace("{out}", out.to_str().unwrap())
        .replace("{root}", root.to_str().unwrap());
    let mut args: Vec<String> = command.split(' ').map(String::from).collect();
    if matches!(args[0].as_str(), "build" | "check") {
        let fonts = repo().join("fonts");
        args.extend(["--font-path".into(), fonts.to_str().unwrap().into()]);
    }
    args
}

fn run(case: &Case) -> Result<(), String> {
    let (root, page, out) = project(case, "bad-input")?;
    std::fs::write(&out, good_pdf()).unwrap();
    let before = snapshot(&root);
    let output = banmian(
        &command(case, &root, &page, &out)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let message = stderr(&output);
    let mut problems = Vec::new();
    if output.status.code() != Some(case.exit) {
        problems.push(format!(
            "exit {:?}, expected {}",
            output.status.code(),
            case.exit
        ));
    }
    for fragment in &case.expect {
        if !message.contains(fragment.as_str()) {
            problems.push(format!("stderr lacks `{fragment}`"));
        }
    }
    if let Some(at) = &case.at {
        if !message.contains(&format!("page.yaml:{at}:")) {
            problems.push(format!("stderr lacks the position page.yaml:{at}:"));
        }
        // Under it, the line it points into and a caret under the place.
        let (line, column) = at.split_once(':').unwrap();
        let gutter = " ".repeat(line.len());
        let shown = message
            .split_once(&format!("page.yaml:{at}:"))
            .and_then(|(_, after)| after.split_once(&format!("\n{line} │ ")))
            .and_then(|(_, after)| after.split_once(&format!("\n{gutter} │ ")))
            .map(|(text, marks)| (text, marks.lines().next().unwrap_or("")));
        match shown {
            // The marks stand under the column (Chinese characters take two cells).
            Some((text, marks)) if !text.starts_with('…') => {
                let before: usize = text
                    .chars()
                    .take(column.parse::<usize>().unwrap() - 1)
                    .map(|c| if is_wide(c) { 2 } else { 1 })
                    .sum();
                let under = marks.find('^').map(|at| marks[..at].chars().count());
                if under != Some(before) {
                    problems.push(format!("the caret stands at {under:?}, not {before}"));
                }
            }
            // A long line cut short before the place: the caret is under the kept part.
            Some((_, marks)) if !marks.contains('^') => {
                problems.push("no caret under the excerpt".into());
            }
            Some(_) => {}
            None if case.excerpt => {
                problems.push(format!("no excerpt of line {line} under the error"));
            }
            None => {}
        }
    }
    let pdf = std::fs::read(&out).unwrap_or_default();
    let rebuilt = case.exit == 0 && pdf.starts_with(b"%PDF-");
    if pdf != good_pdf() && !rebuilt {
        problems.push("the previous good PDF was changed".into());
    }
    let after = snapshot(&root);
    let changed: Vec<String> = before
        .iter()
        .filter(|(path, _)| *path != out)
        .filter(|file| !after.contains(file))
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !changed.is_empty() {
        problems.push(format!("inputs changed: {}", changed.join(", ")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n  stderr: {}",
            problems.join("; "),
            message.trim().replace('\n', "\n          ")
        ))
    }
}

/// What `look` finds in each case of `cases`, two cases at a time: each case is a process, and
/// most finish before typst runs.
pub fn each_case(cases: &[PathBuf], look: impl Fn(&Case) -> Vec<String> + Sync) -> Vec<String> {
    let look = &look;
    std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .chunks(cases.len().div_ceil(2))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .flat_map(|path| look(&parse(path)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

/// Every case file of the corpus, in name order.
pub fn case_files() -> Vec<PathBuf> {
    let dir = repo().join("tests/bad-input");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "case"))
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_bad_input_is_refused_cleanly_and_costs_nothing() {
    let cases = case_files();
    assert!(
        cases.len() >= 60,
        "the corpus holds {} cases, fewer than 60",
        cases.len()
    );
    good_pdf();
    let failures = each_case(&cases, |case| {
        run(case)
            .err()
            .map(|e| format!("{}: {e}", case.name))
            .into_iter()
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
