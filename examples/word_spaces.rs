//! How a page's Latin-script body text is set, in figures: its lines' widest word
//! space (em; a paragraph's last line keeps its natural spaces), how many pass a limit, and its
//! lines ending in a hyphen, the longest run of them.
//! Any page, in any language: a Chinese page set from English text shows what the Latin house
//! style is for.
//!
//!     cargo run --release --example word_spaces -- PAGE.yaml [--limit 0.5] [--root DIR]

use std::path::PathBuf;

use banmian::inspect;
use banmian::project::Project;

fn main() {
    let mut page = None;
    let mut root = None;
    let mut limit = 0.5;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--limit" => {
                limit = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--limit EM")
            }
            "--root" => root = args.next().map(PathBuf::from),
            _ => page = Some(PathBuf::from(arg)),
        }
    }
    let page = page.expect("usage: word_spaces PAGE.yaml [--limit EM] [--root DIR]");
    let project = Project::open(&page, root.as_deref(), &[PathBuf::from("fonts")])
        .unwrap_or_else(|f| panic!("{f}"));
    let loaded = project.load(&page).unwrap_or_else(|f| panic!("{f}"));
    let laid =
        banmian::build::lay_out(&mut project.world(), &loaded).unwrap_or_else(|f| panic!("{f}"));
    let house = &laid.report.house;
    // Running text: the body size, with a Latin word in it.
    let body: Vec<inspect::Line> = inspect::lines(&laid.document)
        .into_iter()
        .filter(|l| (l.size - 9.0).abs() < 0.01 && l.text().contains(' '))
        .filter(|l| l.text().chars().any(|c| c.is_ascii_alphabetic()))
        .collect();
    let mut widest: Vec<f64> = body
        .iter()
        .map(|l| {
            l.glyphs
                .iter()
                .filter(|g| g.text == " ")
                .map(|g| g.advance / l.size)
                .fold(0.0, f64::max)
        })
        .collect();
    widest.sort_by(f64::total_cmp);
    let hyphened: Vec<bool> = body
        .iter()
        .map(|l| l.text().trim_end().ends_with(['-', '\u{AD}']))
        .collect();
    let longest = hyphened.split(|h| !h).map(<[bool]>::len).max().unwrap_or(0);
    let at = |q: f64| widest[((widest.len() - 1) as f64 * q) as usize];
    println!(
        "{} lines of running text: widest word space median {:.2} em, 99th percentile {:.2}, most {:.2}; {} over {limit} em; {} end in a hyphen, at most {longest} in a row (the house allows {})",
        body.len(),
        at(0.5),
        at(0.99),
        at(1.0),
        widest.iter().filter(|w| **w > limit).count(),
        hyphened.iter().filter(|h| **h).count(),
        house.latin_hyphen_lines,
    );
}
