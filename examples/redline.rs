//! The time to red-line an edited 10,000-character story (issue 23: target ≤ 50 ms), and a
//! rewritten one (where the diff's time limit decides). Used by `bench/run.sh`.
//!
//!     cargo run --release --example redline -- [--runs N] [--chars N] [--out DIR]
//!
//! The story is the body text of the pages under `content/` (Chinese, none of it repeated), in
//! paragraphs to `--chars` characters, on a page of its own; the edited version has the desk's usual edits spread through it (a
//! sentence added, one cut, phrases and figures changed, a paragraph moved). Both versions are
//! laid out once; what is timed is `redline::changes` on what each printed, as `banmian diff`
//! and `serve` run it. The two pages are left in `--out` (default `target/bench/redline`) for
//! timing `banmian diff` whole.

use std::path::{Path, PathBuf};
use std::time::Instant;

use banmian::desk::redline::{changes, sources};
use banmian::project::{Project, SAMPLE_PAGE};

fn main() {
    let mut runs = 15;
    let mut chars = 10_000;
    let mut out = PathBuf::from("target/bench/redline");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} takes a value"));
        match arg.as_str() {
            "--runs" => runs = value().parse().expect("--runs N"),
            "--chars" => chars = value().parse().expect("--chars N"),
            "--out" => out = PathBuf::from(value()),
            other => panic!("unknown argument {other}"),
        }
    }
    if let Err(err) = run(runs, chars, &out) {
        eprintln!("redline bench failed: {err}");
        std::process::exit(1);
    }
}

fn run(runs: usize, length: usize, out: &Path) -> Result<(), String> {
    let paragraphs = story(length)?;
    let edited = edit(&paragraphs);
    let rewritten: Vec<String> = paragraphs.iter().rev().map(|p| reversed(p)).collect();
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let (old, new, other) = (
        out.join("old.yaml"),
        out.join("new.yaml"),
        out.join("rewritten.yaml"),
    );
    for (file, text) in [(&old, &paragraphs), (&new, &edited), (&other, &rewritten)] {
        std::fs::write(file, page(text)).map_err(|e| e.to_string())?;
    }
    let root = std::env::current_dir().map_err(|e| e.to_string())?;
    let project = Project::open(&old, Some(&root), &[]).map_err(|f| f.to_string())?;
    let printed = |file: &Path| -> Result<(Vec<sources::Source>, usize), String> {
        let page = project.load(file).map_err(|f| f.to_string())?;
        let mut world = project.world();
        let laid = banmian::build::lay_out(&mut world, &page).map_err(|f| f.to_string())?;
        if laid.report.has_errors() {
            return Err(format!("{}: {}", file.display(), laid.report.summary()));
        }
        let printed = sources::map(&page, &laid.document, &laid.report);
        let chars = printed
            .iter()
            .map(|s| match &s.prints {
                sources::Prints::Text(glyphs) if s.story == "section-1" => glyphs.len(),
                _ => 0,
            })
            .sum();
        Ok((printed, chars))
    };
    let (before, chars) = printed(&old)?;
    let (after, _) = printed(&new)?;
    let (other_after, _) = printed(&other)?;
    let changed_chars = changed(&paragraphs.concat(), &edited.concat());
    for (what, after) in [("edited", &after), ("rewritten", &other_after)] {
        let mut times = Vec::new();
        let mut found = Vec::new();
        for _ in 0..runs {
            let started = Instant::now();
            found = changes::changes(&before, after);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let count = |kind| found.iter().filter(|c| c.kind == kind).count();
        println!(
            "red-line, {what} story ({chars} characters printed{}): median {:.1} ms, slowest {:.1} ms of {runs}; {} changes boxed, {} moved blocks outlined{}",
            if what == "edited" {
                format!(", {changed_chars} changed")
            } else {
                String::new()
            },
            times[times.len() / 2],
            times[times.len() - 1],
            count("changed"),
            count("moved"),
            if what == "edited" {
                " (target <= 50 ms)"
            } else {
                ""
            },
        );
    }
    Ok(())
}

/// The body text of the pages under `content/`, the sample page's first, to `length`
/// characters, in paragraphs of about a thousand (so that 10,000 fill a page's four stacks
/// without running over). A text that repeated itself would let the diff match a moved
/// paragraph to its twin.
fn story(length: usize) -> Result<Vec<String>, String> {
    let mut pages = vec![PathBuf::from(SAMPLE_PAGE)];
    for folder in ["content", "content/sample-issue"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
            .map_err(|e| format!("{folder}: {e}"))?
            .flatten()
            .map(|entry| entry.path().join("page.yaml"))
            .filter(|page| page.is_file() && !page.ends_with(SAMPLE_PAGE))
            .collect();
        found.sort();
        pages.extend(found);
    }
    let mut source = String::new();
    for page in pages {
        let yaml = std::fs::read_to_string(&page).map_err(|e| e.to_string())?;
        for line in yaml.lines().map(str::trim) {
            // Body paragraphs in Chinese: long lines of text, not keys, no Latin ones.
            let latin = line.chars().filter(char::is_ascii_alphabetic).count();
            if line.chars().count() > 40
                && latin * 10 < line.chars().count()
                && !line.contains(": ")
                && !source.contains(line)
            {
                source.push_str(line);
            }
        }
    }
    let text: Vec<char> = source.chars().take(length).collect();
    if text.len() < length {
        return Err(format!(
            "only {} characters of text under content/",
            text.len()
        ));
    }
    Ok(text
        .chunks(1000)
        .map(|chunk| chunk.iter().collect())
        .collect())
}

/// The desk's edits, spread through the story: a sentence added, one cut, phrases and figures
/// changed, a paragraph moved up.
fn edit(paragraphs: &[String]) -> Vec<String> {
    let mut out = paragraphs.to_vec();
    let n = out.len();
    out[1].insert_str(0, "记者从县政协获悉，");
    let cut = &out[n / 3];
    if let Some(end) = cut.find('。') {
        out[n / 3] = cut[end + '。'.len_utf8()..].to_string();
    }
    out[n / 2] = out[n / 2].replacen("五年来", "过去五年中", 1);
    out[2 * n / 3] = out[2 * n / 3].replace('5', "6").replace("余", "多");
    out[n - 2].push_str("这一做法得到了群众的普遍认可。");
    let moved = out.remove(3 * n / 4);
    out.insert(n / 4, moved);
    out
}

/// A paragraph's characters back to front: the same characters, no run of them the same.
fn reversed(paragraph: &str) -> String {
    paragraph.chars().rev().collect()
}

/// How many characters of `b` are not in `a` where a diff of the two puts them.
fn changed(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b)
        .iter()
        .map(|op| match *op {
            similar::DiffOp::Insert { new_len, .. } => new_len,
            similar::DiffOp::Replace { new_len, .. } => new_len,
            _ => 0,
        })
        .sum()
}

/// A feature page of one section, `paragraphs` its body.
fn page(paragraphs: &[String]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("      {p}\n\n"))
        .collect();
    format!(
        "template: feature\nfolio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\nheadline: 红线测试\nsections:\n  - number: 1\n    head: [一篇长稿]\n    body: |\n{}",
        body.trim_end_matches('\n')
    )
}
