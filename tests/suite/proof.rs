//! PNG and SVG proofs: one file per page, the whole sheet (bleed included) at the asked size.

use std::path::Path;

use crate::support::*;

/// The sheet with 3 mm bleed on every side: 396 × 546 mm, in points.
const SHEET_PT: (f64, f64) = (396.0 / 25.4 * 72.0, 546.0 / 25.4 * 72.0);

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        path.display()
    );
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn png_proof_is_one_file_per_page_at_the_asked_resolution() {
    let dir = scratch("proof-png");
    let png = dir.join("sample.png");
    // The format comes from the extension.
    let out = banmian(&["build", "-o", png.to_str().unwrap(), "--ppi", "50"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(files_in(&dir), ["sample.png"], "one page, one file");
    let px = |pt: f64| (pt * 50.0 / 72.0).round() as u32;
    assert_eq!(png_size(&png), (px(SHEET_PT.0), px(SHEET_PT.1)));
}

#[test]
fn svg_proof_has_the_sheet_size() {
    let dir = scratch("proof-svg");
    let svg = dir.join("sample.svg");
    let out = banmian(&["build", "--format", "svg", "-o", svg.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(files_in(&dir), ["sample.svg"]);
    let text = std::fs::read_to_string(&svg).unwrap();
    let attr = |name: &str| -> f64 {
        let start = text.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let end = start + text[start..].find("pt\"").unwrap();
        text[start..end].parse().unwrap()
    };
    assert!(text.starts_with("<svg"), "{}", &text[..80]);
    assert!((attr("width") - SHEET_PT.0).abs() < 0.01);
    assert!((attr("height") - SHEET_PT.1).abs() < 0.01);
}

#[test]
fn a_format_contradicting_the_extension_is_a_usage_error() {
    let dir = scratch("proof-usage");
    let out = banmian(&[
        "build",
        "--format",
        "png",
        "-o",
        dir.join("x.svg").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(files_in(&dir).is_empty());
}
