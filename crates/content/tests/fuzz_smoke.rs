//! The fuzzers' invariants on stable Rust, in a few seconds: every committed seed of
//! `fuzz/corpus/` replayed, then a few thousand deterministic mutations of them. Catches a
//! regression on the inputs the fuzzers found without nightly or cargo-fuzz; the real search is
//! `cargo fuzz run` (fuzz/README.md).
//!
//! A failing input is written to the temp folder and named in the panic message: replay it with
//! `cargo fuzz run <target> <file>`, or add it to the seeds.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The same checks as the fuzz targets, in one file (see its comment for why not a module of
// the crate).
#[path = "../../../fuzz/common.rs"]
mod common;

/// The committed seeds of one fuzz target, in name order.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "too few seeds in {}", dir.display());
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

/// xorshift64*: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What YAML's syntax and the page's encodings are made of.
const YAML_TOKENS: &[&[u8]] = &[
    b"&a ",
    b"*a",
    b"&b ",
    b"*b",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\"",
    b"'",
    b"|",
    b"|-",
    b">",
    b"\t",
    b"\0",
    b"- ",
    b": ",
    b", ",
    b"? ",
    b"#",
    b"\n",
    b"\n  ",
    b"\n    - ",
    b"\r",
    b"\r\n",
    b"---\n",
    b"...\n",
    b"!!str ",
    b"!x ",
    b"%YAML 1.1\n",
    b"\\",
    b"\\u200B",
    b"\\a",
    b"~",
    b"0x10",
    b"\xEF\xBB\xBF",
    b"\xE2\x80\xA8",
    b"\xE2\x80\xA9",
    b"\xC2\x85",
    b"\xE2\x80\x8B",
    b"\xD6\xD0\xCE\xC4",
    b"\xE4\xB8\xAD",
    b"\xFF",
    b"headline: ",
    b"sections:",
    b"photos:",
    b"file: ",
    b"caption: ",
    b"number: ",
    b"body: |\n  ",
    b"folio:",
    b"images/photo-1.jpg",
    b"../",
    b"folder.jpg",
];

/// What photo headers are made of.
const PHOTO_TOKENS: &[&[u8]] = &[
    b"\xFF\xD8\xFF",
    b"\xFF\xD9",
    b"\xFF\xC0\x00\x11\x08",
    b"\xFF\xE1",
    b"Exif\0\0",
    b"MM\0*",
    b"II*\0",
    b"\x01\x12\x00\x03",
    b"\x89PNG\r\n\x1a\n",
    b"IHDR",
    b"IDAT",
    b"IEND",
    b"eXIf",
    b"\xFF\xFF\xFF\xFF",
    b"\0\0\0\0",
    b"\x7F\xFF",
    b"RIFF",
    b"WEBP",
    b"GIF8",
    b"BM",
    b"ftypheic",
    b"<svg",
];

/// One to four mutations of `input`: bit flips, byte inserts and deletes, tokens spliced in or
/// written over, a chunk copied elsewhere, the end cut off.
fn mutate(rng: &mut Rng, input: &[u8], tokens: &[&[u8]]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next() as u8),
            2 => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at..end);
            }
            3 | 4 => {
                let token = tokens[rng.below(tokens.len())];
                let end = if rng.below(2) == 0 {
                    at
                } else {
                    (at + token.len()).min(out.len())
                };
                out.splice(at..end, token.iter().copied());
            }
            5 if !out.is_empty() => {
                let from = rng.below(out.len());
                let end = (from + 1 + rng.below(64)).min(out.len());
                let chunk = out[from..end].to_vec();
                out.splice(at..at, chunk);
            }
            _ => out.truncate(at),
        }
    }
    out.truncate(256 * 1024);
    out
}

/// Runs `check` on `input`; a panic is reported with the input saved to a file.
fn run(what: &str, input: &[u8], check: impl FnOnce(&[u8])) -> Duration {
    let start = Instant::now();
    if catch_unwind(AssertUnwindSafe(|| check(input))).is_err() {
        let file = std::env::temp_dir().join(format!(
            "banmian-fuzz-smoke-{}.bin",
            what.replace(['/', ' '], "-")
        ));
        std::fs::write(&file, input).unwrap();
        panic!(
            "{what} broke an invariant (see the panic above); the input is in {}",
            file.display()
        );
    }
    start.elapsed()
}

/// Replays the seeds of `target`, then `count` mutations of them; prints the time taken.
fn fuzz(target: &str, count: usize, tokens: &[&[u8]], check: impl Fn(&[u8])) {
    let started = Instant::now();
    let seeds = seeds(target);
    for (name, bytes) in &seeds {
        run(&format!("{target} seed {name}"), bytes, &check);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ target.len() as u64);
    let mut slowest = (Duration::ZERO, String::new());
    for i in 0..count {
        let (name, bytes) = &seeds[i % seeds.len()];
        let input = mutate(&mut rng, bytes, tokens);
        let what = format!("{target} mutation {i} of {name}");
        let took = run(&what, &input, &check);
        if took > slowest.0 {
            slowest = (took, what);
        }
    }
    eprintln!(
        "{target}: {} seeds and {count} mutations in {:.2?}; slowest: {} ({:.2?})",
        seeds.len(),
        started.elapsed(),
        slowest.1,
        slowest.0
    );
}

#[test]
fn pages_keep_the_invariants() {
    let root = common::Root::new("smoke");
    fuzz("page_yaml", 30_000, YAML_TOKENS, |bytes| {
        common::page_yaml(&root, bytes)
    });
}

#[test]
fn the_loader_keeps_the_invariants() {
    let root = common::Root::new("smoke-loader");
    fuzz("yaml_loader", 3_000, YAML_TOKENS, |bytes| {
        common::yaml_loader(&root, bytes);
    });
}

/// Each hostile shape is refused by the limit it breaks, at the node that breaks it, having
/// read no more of it than that: alias bombs in a few hundred events (nothing expanded),
/// the rest within the scan's bound. Seeds from `fuzz/corpus/yaml_loader/`, and over-size
/// files made here (50 MB is no seed to commit).
#[test]
fn hostile_shapes_are_refused_at_their_node() {
    let root = common::Root::new("smoke-hostile");
    let seeds = seeds("yaml_loader");
    let seed = |name: &str| {
        seeds
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no seed {name}"))
            .1
            .clone()
    };
    let head = "template: feature\nfolio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\nheadline: 标题\n";
    let big = 50 << 20;
    let cases: Vec<Hostile> = vec![
        (
            "alias bomb",
            seed("hostile-alias-bomb.yaml"),
            "limit `expanded-nodes`",
            (11, 15),
            500,
        ),
        (
            "alias bomb of mappings",
            seed("hostile-alias-bomb-mappings.yaml"),
            "limit `expanded-nodes`",
            (11, 14),
            500,
        ),
        (
            "alias bomb in an issue",
            seed("hostile-alias-bomb-issue.yaml"),
            "limit `expanded-nodes`",
            (8, 14),
            500,
        ),
        (
            "alias count",
            seed("hostile-alias-count.yaml"),
            "limit `aliases`",
            (8, 405),
            500,
        ),
        (
            "deep flow",
            seed("hostile-deep-flow.yaml"),
            "limit `nesting-depth`",
            (7, 19),
            500,
        ),
        (
            "deep block",
            seed("hostile-deep-block.yaml"),
            "limit `nesting-depth`",
            (23, 33),
            500,
        ),
        (
            "huge key",
            seed("hostile-huge-key.yaml"),
            "limit `key-characters`",
            (7, 1),
            500,
        ),
        (
            "list items",
            seed("hostile-list-items.yaml"),
            "limit `expanded-nodes`",
            (7, 39975),
            scan_max(),
        ),
        (
            "block list items",
            seed("hostile-block-list-items.yaml"),
            "limit `expanded-nodes`",
            (19993, 2),
            scan_max(),
        ),
        (
            "long field",
            seed("hostile-long-field.yaml"),
            "limit `field-characters`",
            (7, 7),
            500,
        ),
        (
            "50 MB text",
            format!("{head}lead: {}", "字".repeat(big / 3)).into_bytes(),
            "limit `file-size`",
            (7, 7),
            0,
        ),
        (
            "50 MB block of text",
            format!(
                "{head}lead: |\n{}",
                "  字字字字字字字字字字字字字\n".repeat(big / 42)
            )
            .into_bytes(),
            "limit `file-size`",
            (7, 7),
            0,
        ),
        (
            "50 MB of list items",
            format!("{head}x: [{}]", "1,".repeat(big / 2)).into_bytes(),
            "limit `file-size`",
            (7, 4),
            0,
        ),
        (
            "50 MB of one comment",
            format!("{head}# {}", "x".repeat(big)).into_bytes(),
            "limit `file-size`",
            (7, 1),
            0,
        ),
        (
            "2 MB deep",
            format!("{head}x: {}", "[".repeat(2 << 20)).into_bytes(),
            "limit `file-size`",
            (7, 19),
            0,
        ),
    ];
    let mut wrong = Vec::new();
    for (name, bytes, limit, at, most_events) in cases {
        run(&format!("hostile: {name}"), &bytes, |bytes| {
            common::yaml_loader(&root, bytes);
        });
        let result = common::yaml_loader(&root, &bytes);
        let Some(first) = result.errors.first() else {
            wrong.push(format!("{name}: parsed"));
            continue;
        };
        if !first.message.contains(limit) || (first.line, first.column) != at {
            wrong.push(format!("{name}: {first} (expected {limit} at {at:?})"));
        }
        if let Some(events) = result.events
            && events > most_events
        {
            wrong.push(format!(
                "{name}: {events} events read, expected at most {most_events}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A hostile input: its name, its bytes, the limit that refuses it, where (line, column), and
/// the most events the scan may read on it.
type Hostile = (&'static str, Vec<u8>, &'static str, (usize, usize), u64);

/// The scan's bound on its work.
fn scan_max() -> u64 {
    banmian_content::yaml::scan::MAX_EVENTS
}

#[test]
fn photo_headers_keep_the_invariants() {
    fuzz("photo_header", 20_000, PHOTO_TOKENS, common::photo_header);
}

/// Pages near the 1 MiB size limit, of the shapes that could make a scan or an error report
/// quadratic: each within the invariants and, in release builds, well under a second.
#[test]
fn big_pages_stay_fast() {
    let root = common::Root::new("smoke-big");
    let size = banmian_content::limits::FILE_BYTES.max as usize;
    let fill = |unit: &str| unit.repeat(size / unit.len());
    let staircase: String = (0..1400)
        .map(|i| format!("{}k{i}: |\n", " ".repeat(i)))
        .collect();
    let flow_keys: String = (0..60_000).map(|i| format!("k{i}: v, ")).collect();
    let cases = [
        ("nesting", fill("[")),
        ("list items", fill("-\n")),
        ("staircase of blocks", staircase),
        ("one long line", fill("x")),
        ("lone CRs", fill("a: 1\r")),
        ("line separators", fill("a\u{2028}")),
        ("unclosed quote", format!("a: \"{}", fill("x\n "))),
        ("keys on one line", format!("{{{flow_keys}}}")),
        ("comments", fill("# c\n")),
        ("cut blocks", format!("a: |\n{}", fill("    x\n   y\n"))),
        ("escapes", format!("a: \"{}\"", fill("\\a"))),
        ("one byte over", "#".repeat(size + 1)),
    ];
    for (name, text) in cases {
        let took = run(&format!("big page: {name}"), text.as_bytes(), |bytes| {
            common::page_yaml(&root, bytes)
        });
        eprintln!("big page, {name}: {took:.2?}");
        if !cfg!(debug_assertions) {
            assert!(took.as_secs_f64() < 1.0, "big page, {name}: {took:.2?}");
        }
    }
}

/// The seeds are what their names say, so the mutations start from the cases that matter.
#[test]
fn the_photo_seeds_are_what_they_say() {
    use banmian_content::images::{PhotoFormat, inspect_bytes};
    let seeds = seeds("photo_header");
    let read = |name: &str| {
        let (_, bytes) = seeds
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no seed {name}"));
        inspect_bytes(bytes).map(|info| (info.width, info.height, info.format))
    };
    assert_eq!(read("jpeg-8x8.jpg"), Ok((8, 8, PhotoFormat::Jpeg)));
    assert_eq!(
        read("jpeg-8x6-exif-rotate90.jpg"),
        Ok((6, 8, PhotoFormat::Jpeg))
    );
    assert_eq!(
        read("jpeg-8x6-exif-rotate270-intel.jpg"),
        Ok((6, 8, PhotoFormat::Jpeg))
    );
    assert_eq!(
        read("jpeg-8x6-exif-mirror.jpg"),
        Ok((8, 6, PhotoFormat::Jpeg))
    );
    assert_eq!(
        read("png-6x4-exif-rotate90.png"),
        Ok((4, 6, PhotoFormat::Png))
    );
    assert!(
        read("jpeg-truncated.jpg")
            .unwrap_err()
            .contains("truncated")
    );
    assert!(read("png-truncated.png").unwrap_err().contains("truncated"));
    assert!(read("webp.webp").unwrap_err().contains("WebP"));
    assert!(read("gif.gif").unwrap_err().contains("GIF"));
    assert!(read("bmp.bmp").unwrap_err().contains("BMP"));
    assert!(read("png-100000x3.png").is_err());
    assert!(read("jpeg-65535x65535.jpg").is_err());
}
