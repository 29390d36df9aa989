//! `banmian diff OLD.yaml NEW.yaml`: the new proof red-lined against the old version: only the
//! edited characters boxed, nothing drawn when nothing changed, inputs never written over.

use std::process::{Command, Output};

use crate::support::*;

fn run_in(project: &TempProject, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(args)
        .arg("--font-path")
        .arg(repo().join("fonts"))
        .current_dir(&project.root)
        .env("BANMIAN_CACHE", repo().join("target/test-scratch/cache"))
        .output()
        .expect("banmian runs")
}

fn rgb(path: &std::path::Path) -> image::RgbImage {
    image::open(path).unwrap().to_rgb8()
}

#[test]
fn diff_boxes_the_edit_in_red_and_nothing_else() {
    let sample = sample_yaml();
    let project = TempProject::new("diff", &sample);
    std::fs::write(project.root.join("content/p/round1.yaml"), &sample).unwrap();
    let edited = sample.replace("本正则形立。", "本正则形立，红线标出改动。");
    std::fs::write(project.page(), &edited).unwrap();

    let out = run_in(
        &project,
        &[
            "diff",
            "content/p/round1.yaml",
            "content/p/page.yaml",
            "-o",
            "out/d.png",
            "--ppi",
            "100",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 change boxed in red"),
        "{}",
        stderr(&out)
    );
    let plain = run_in(
        &project,
        &[
            "build",
            "content/p/page.yaml",
            "-o",
            "out/plain.png",
            "--ppi",
            "100",
        ],
    );
    assert!(plain.status.success(), "{}", stderr(&plain));

    // What the diff adds to the plain proof: red around the edit, blue dashes round the rest of
    // its paragraph, both within section 1's first column, and nothing elsewhere.
    let (marked, plain) = (
        rgb(&project.root.join("out/d.png")),
        rgb(&project.root.join("out/plain.png")),
    );
    let added: Vec<(u32, u32, [u8; 3])> = marked
        .enumerate_pixels()
        .filter(|(x, y, p)| plain.get_pixel(*x, *y) != *p)
        .map(|(x, y, p)| (x, y, p.0))
        .collect();
    let red = added
        .iter()
        .filter(|(_, _, [r, g, b])| *r > g.saturating_add(60) && *r > b.saturating_add(60))
        .count();
    let blue = added
        .iter()
        .filter(|(_, _, [r, _, b])| *b > r.saturating_add(40))
        .count();
    assert!(
        red > 10 && blue > 10,
        "{red} red, {blue} blue of {} marked pixels",
        added.len()
    );
    let (width, height) = marked.dimensions();
    let (x0, x1) = (
        added.iter().map(|a| a.0).min().unwrap(),
        added.iter().map(|a| a.0).max().unwrap(),
    );
    let (y0, y1) = (
        added.iter().map(|a| a.1).min().unwrap(),
        added.iter().map(|a| a.1).max().unwrap(),
    );
    assert!(
        x1 - x0 < width / 3 && y1 - y0 < height / 10,
        "marks spread over ({x0}, {y0})–({x1}, {y1})"
    );

    // Unchanged: the plain proof, pixel for pixel; a PDF by default beside the page's proof.
    let out = run_in(
        &project,
        &[
            "diff",
            "content/p/page.yaml",
            "content/p/page.yaml",
            "-o",
            "out/same.png",
            "--ppi",
            "100",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 changes"), "{}", stderr(&out));
    assert!(
        rgb(&project.root.join("out/same.png")) == plain,
        "marks on an unchanged page"
    );
    let out = run_in(
        &project,
        &["diff", "content/p/round1.yaml", "content/p/page.yaml"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = project.root.join("out/p-diff.pdf");
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")),
        "{info}"
    );

    // Never over an input, either version's.
    let out = run_in(
        &project,
        &[
            "diff",
            "content/p/round1.yaml",
            "content/p/page.yaml",
            "-o",
            "content/p/round1.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(project.root.join("content/p/round1.yaml")).unwrap(),
        sample
    );
}
