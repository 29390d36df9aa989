//! The invariants the fuzzers check, shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`)
//! and the stable smoke test (`crates/content/tests/fuzz_smoke.rs`), which both include this
//! file with `#[path]`.
//!
//! Why a file included by path rather than a `fuzzing` module of the crate: the checks use
//! only the crate's public API, which is exactly what the fuzzers should exercise; the library
//! ships no test-only code; and the fuzz crate and the test stay the only places that know
//! about it. Needs nothing but `banmian_content` and std, so it builds in both places.
//!
//! What "fine" means, for any input bytes:
//! - nothing panics (a panic aborts the fuzzer and fails the test);
//! - libyaml's events (read through the crate's unsafe code) carry marks at character
//!   boundaries, at the line and column an editor shows for their byte;
//! - every error and warning points at a place in the file: line >= 1 and column >= 1, the
//!   line one the editor has (at most the count of `\n` + 1) and the column at most one past
//!   that line's last character; never line 0, not even for a file over the size limit (it
//!   is pointed at the node the limit cuts);
//! - the scan reads no more libyaml events than its limits allow (`scan::MAX_EVENTS`);
//! - a page that parses stays within the limits: each text field and the page's text in all;
//! - a checked page's photos are files inside the project root, of a known size;
//! - a photo header that reads gives a JPEG or PNG of 1..=MAX_SIDE pixels per side, the
//!   format its bytes sniff as.
//!
//! Hangs and memory are the fuzzer's to watch (`-timeout`, `-rss_limit_mb`); the smoke test
//! bounds its total time.

#![allow(dead_code)] // each includer uses part of it

use std::path::PathBuf;

use banmian_content::images::{self, PhotoFormat};
use banmian_content::yaml::events::{self, Mark};
use banmian_content::yaml::scan;
use banmian_content::{ContentError, Page, limits};

/// A project root for `check`: the `feature` template and the photos the seeds name, as
/// tiny stand-ins, next to a page folder.
pub struct Root {
    pub dir: PathBuf,
    /// Where the page file stands (never written: `parse` takes bytes).
    pub page: PathBuf,
    /// Removed on drop (the fuzzers keep theirs for the life of the process).
    remove: bool,
}

impl Root {
    /// Makes a fresh root under the system's temp folder.
    pub fn new(tag: &str) -> Self {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "banmian-fuzz-{tag}-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let page_dir = dir.join("content/p");
        let write = |path: PathBuf, bytes: &[u8]| {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        };
        write(
            dir.join("layout/templates/feature.typ"),
            b"// fuzz stand-in template\n",
        );
        write(
            dir.join("layout/templates/latin.typ"),
            b"// fuzz stand-in template\n",
        );
        // The real manifests: what a page may hold is what they say.
        for name in ["feature", "latin"] {
            write(
                dir.join(format!("layout/templates/{name}.yaml")),
                include_bytes!("../layout/templates/feature.yaml"),
            );
        }
        for n in 1..=8 {
            let like = if n % 2 == 0 {
                PhotoFormat::Png
            } else {
                PhotoFormat::Jpeg
            };
            let bytes = images::stand_in(4 + n, 3 + n, like, n);
            write(page_dir.join(format!("images/photo-{n}.jpg")), &bytes);
        }
        write(
            page_dir.join("a.jpg"),
            &images::stand_in(8, 8, PhotoFormat::Jpeg, 9),
        );
        write(
            page_dir.join("a.png"),
            &images::stand_in(8, 8, PhotoFormat::Png, 10),
        );
        write(page_dir.join("broken.jpg"), b"\xFF\xD8\xFF\xE0 not a jpeg");
        write(page_dir.join("webp.jpg"), b"RIFF\x10\0\0\0WEBPVP8 ");
        std::fs::create_dir_all(page_dir.join("folder.jpg")).unwrap();
        Self {
            page: page_dir.join("page.yaml"),
            dir,
            remove: true,
        }
    }

    /// Kept after the process ends (for a `static`, which is never dropped anyway).
    pub fn leaked(tag: &str) -> Self {
        let mut root = Self::new(tag);
        root.remove = false;
        root
    }
}

impl Drop for Root {
    fn drop(&mut self) {
        if self.remove {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Parses `bytes` as a page and, if it parses, checks it against `root`; panics if an
/// invariant fails.
pub fn page_yaml(root: &Root, bytes: &[u8]) {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(source) = std::str::from_utf8(text) {
        marks(source);
    }
    let file = root.page.as_path();
    match banmian_content::parse(file, bytes) {
        Err(errors) => {
            assert!(!errors.is_empty(), "parse failed without an error");
            located(bytes, &errors, "parse error");
        }
        Ok(parsed) => {
            located(bytes, &parsed.warnings, "warning");
            within_limits(&parsed.page);
            match banmian_content::check::check(file, &root.dir, &parsed, None) {
                Err(errors) => {
                    assert!(!errors.is_empty(), "check failed without an error");
                    located(bytes, &errors, "check error");
                }
                Ok(banmian_content::check::Checked {
                    view,
                    images: photos,
                    ..
                }) => {
                    let real_root = root.dir.canonicalize().unwrap();
                    for photo in &photos {
                        let real = photo.canonicalize().unwrap();
                        assert!(
                            real.starts_with(&real_root),
                            "photo outside the root: {}",
                            photo.display()
                        );
                        assert!(real.is_file(), "photo is not a file: {}", photo.display());
                    }
                    let entries = view.photos();
                    let views = entries.iter().map(|e| e.photo);
                    for photo in views {
                        assert!(
                            photo.width_px >= 1 && photo.height_px >= 1,
                            "photo of no size"
                        );
                        assert!(
                            photo.src.starts_with('/'),
                            "photo path not root-relative: {}",
                            photo.src
                        );
                    }
                }
            }
        }
    }
}

/// What the loader made of one input, for the smoke test to hold against what a seed is.
pub struct Loaded {
    /// `parse`'s errors; none if the page parsed.
    pub errors: Vec<ContentError>,
    /// The events the scan read, when the bytes are UTF-8 within the size limit.
    pub events: Option<u64>,
}

/// The bounded loader on `bytes`: telling an issue from a page, `parse`, and the scan on its
/// own. Panics if an invariant fails: every error located in the file (never line 0, an
/// over-size file included), a page that parses within the limits, and the scan reading no
/// more events than the limits allow (`scan::MAX_EVENTS`), whatever the input: the work is
/// bounded by the loader's own count, before serde or an alias expansion gets to run.
pub fn yaml_loader(root: &Root, bytes: &[u8]) -> Loaded {
    let _ = banmian_content::issue::looks_like_issue(bytes);
    let file = root.page.as_path();
    let errors = match banmian_content::parse(file, bytes) {
        Ok(parsed) => {
            located(bytes, &parsed.warnings, "warning");
            within_limits(&parsed.page);
            Vec::new()
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "parse failed without an error");
            located(bytes, &errors, "parse error");
            for e in &errors {
                assert!(e.line >= 1, "parse error for the whole file: {e}");
            }
            errors
        }
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let within = !limits::FILE_BYTES.exceeded_by(bytes.len() as u64);
    let events = std::str::from_utf8(text)
        .ok()
        .filter(|_| within)
        .map(|source| {
            let (_, events) = scan::scan_counted(file, source);
            assert!(
                events <= scan::MAX_EVENTS,
                "the scan read {events} events, more than its limits allow ({})",
                scan::MAX_EVENTS
            );
            events
        });
    Loaded { errors, events }
}

/// Reads `bytes` as a photo header; panics if an invariant fails.
pub fn photo_header(bytes: &[u8]) {
    let sniffed = images::sniff(bytes);
    match images::inspect_bytes(bytes) {
        Ok(info) => {
            assert_eq!(sniffed, Ok(info.format), "inspect and sniff disagree");
            for side in [info.width, info.height] {
                assert!(
                    (1..=images::MAX_SIDE).contains(&side),
                    "{} × {} pixels",
                    info.width,
                    info.height
                );
            }
        }
        Err(message) => assert!(!message.trim().is_empty(), "an empty error message"),
    }
}

/// libyaml's event stream (the crate's unsafe code) read to the end, or to the node
/// limit: every mark it gives, of
/// events and of a syntax error, at a character boundary of `source` and at the line and
/// column an editor shows for that byte.
pub fn marks(source: &str) {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    // The last mark's (byte, column): marks mostly move forward, so a column is counted from
    // there rather than from the line's start (one long line of many events stays linear).
    let last = std::cell::Cell::new((0usize, 1usize));
    let check = |mark: Mark, what: &str| {
        assert!(
            mark.index <= source.len() && source.is_char_boundary(mark.index),
            "{what} mark at byte {} of {}, not a character boundary",
            mark.index,
            source.len()
        );
        let line = starts.partition_point(|&start| start <= mark.index);
        let line_start = starts[line - 1];
        let (last_index, last_column) = last.get();
        let column = if last_index >= line_start && last_index <= mark.index {
            last_column + source[last_index..mark.index].chars().count()
        } else {
            source[line_start..mark.index].chars().count() + 1
        };
        last.set((mark.index, column));
        assert_eq!(
            mark.at(),
            (line, column),
            "{what} mark at byte {}",
            mark.index
        );
    };
    // Past the crate's node limit no scan reads on; and libyaml slows down quadratically in
    // deep flow nesting, which the scan stops at depth 16 but this would not.
    let mut count = 0;
    let read = events::read(source, |event| {
        count += 1;
        check(event.start, "event start");
        check(event.end, "event end");
        assert!(
            event.start.index <= event.end.index,
            "an event ends before it starts"
        );
        count < limits::NODES.max
    });
    if let Err(err) = read {
        assert!(!err.problem.is_empty(), "a syntax error without a problem");
        if let Some(mark) = err.problem_mark {
            check(mark, "problem");
        }
        if let Some((_, mark)) = err.context {
            check(mark, "context");
        }
    }
}

/// Every error located within the input (see the module's comment).
pub fn located(bytes: &[u8], errors: &[ContentError], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    for e in errors {
        let shown = e.to_string();
        assert!(
            !e.message.trim().is_empty(),
            "{what} without a message: {shown}"
        );
        // Even a file over the size limit is pointed at the node the limit cuts.
        assert!(e.line >= 1, "{what} at line 0: {shown}");
        assert!(e.column >= 1, "{what} at column 0: {shown}");
        assert!(
            e.line <= lines.len(),
            "{what} at line {}, but the input has {} lines: {shown}",
            e.line,
            lines.len()
        );
        let length = lines[e.line - 1].chars().count();
        assert!(
            e.column <= length + 1,
            "{what} at {}:{}, but that line has {length} characters: {shown}",
            e.line,
            e.column
        );
    }
}

/// A parsed page's text within the limits the scan enforces.
fn within_limits(page: &Page) {
    let mut texts: Vec<&str> = vec![&page.template];
    texts.extend(page.headline.as_deref());
    texts.extend(page.folio.paper.as_deref());
    texts.extend(page.folio.date.as_deref());
    texts.extend(page.folio.section.as_deref());
    texts.extend(page.folio.editors.iter().map(String::as_str));
    texts.extend(
        [&page.kicker, &page.subtitle, &page.lead, &page.credit]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    if let Some(byline) = &page.byline {
        texts.extend(byline.label.as_deref());
        texts.extend(byline.names.iter().map(String::as_str));
    }
    let photos = page
        .lead_photo
        .iter()
        .chain(page.sections.iter().flat_map(|s| &s.photos));
    for photo in photos {
        texts.extend([photo.file.as_str(), photo.caption.as_str()]);
        texts.extend(photo.credit.as_deref());
    }
    for section in &page.sections {
        texts.push(&section.body);
        texts.extend(section.head.iter().map(String::as_str));
    }
    let mut total = 0u64;
    for text in texts {
        let chars = text.chars().count() as u64;
        assert!(
            !limits::FIELD_CHARS.exceeded_by(chars),
            "a field of {chars} characters parsed"
        );
        total += chars;
    }
    assert!(
        !limits::PAGE_CHARS.exceeded_by(total),
        "a page of {total} characters parsed"
    );
}
