//! Writes the characterization data banmian's newsprint CMYK profile is built from
//! (`profiles/README.md` gives the whole recipe): a synthetic coldset-on-newsprint press, made
//! from published ISO 12647-3 aims instead of measurements, as an Argyll `.ti3` file.
//!
//! The press model: each ink's tone value grows as on a coldset press (26 % at the 40 % patch,
//! the ISO 12647-3 aim), and the colour of a mixture is the Yule–Nielsen-modified Neugebauer
//! sum of its sixteen solid overprints. Paper, the four solids and the three two-colour
//! overprints are the aims; the other overprints are the product of their inks' transmittances
//! above a surface-reflection floor (ink on newsprint never gets darker than about L* 20).
//!
//!     cargo run --release --example newsprint_ti3 -- profiles/newsprint.ti3

use std::fmt::Write;

/// CIELAB aims, D50, 2° observer, black backing: paper, C, M, Y, K, M+Y, C+Y, C+M.
const PAPER: [f64; 3] = [85.0, 1.0, 5.0];
const CYAN: [f64; 3] = [57.0, -23.0, -27.0];
const MAGENTA: [f64; 3] = [54.0, 44.0, 2.0];
const YELLOW: [f64; 3] = [78.0, -3.0, 58.0];
const BLACK: [f64; 3] = [36.0, 1.0, 4.0];
const RED: [f64; 3] = [53.0, 40.0, 25.0];
const GREEN: [f64; 3] = [53.0, -34.0, 17.0];
const BLUE: [f64; 3] = [41.0, 4.0, -25.0];
/// Tone value increase at the 40 % patch (ISO 12647-3: 26 %).
const TVI_40: f64 = 0.26;
/// Yule–Nielsen n: light scattering in newsprint makes halftones darker than their area says.
const YULE_NIELSEN: f64 = 2.0;
/// Reflectance (relative Y) no overprint goes below: the ink film's surface reflection.
const FLOOR: f64 = 0.03;
/// Patch levels per ink, in percent.
const LEVELS: [f64; 9] = [0.0, 10.0, 20.0, 30.0, 40.0, 55.0, 70.0, 85.0, 100.0];

const D50: [f64; 3] = [0.9642, 1.0, 0.8249];

fn lab_to_xyz([l, a, b]: [f64; 3]) -> [f64; 3] {
    let fy = (l + 16.0) / 116.0;
    let f = [fy + a / 500.0, fy, fy - b / 200.0];
    let inv = |t: f64| {
        if t > 6.0 / 29.0 {
            t * t * t
        } else {
            3.0 * (6.0f64 / 29.0).powi(2) * (t - 4.0 / 29.0)
        }
    };
    [0, 1, 2].map(|i| D50[i] * inv(f[i]))
}

fn xyz_to_lab(xyz: [f64; 3]) -> [f64; 3] {
    let f = |t: f64| {
        if t > (6.0f64 / 29.0).powi(3) {
            t.cbrt()
        } else {
            t / (3.0 * (6.0f64 / 29.0).powi(2)) + 4.0 / 29.0
        }
    };
    let [x, y, z] = [0, 1, 2].map(|i| f(xyz[i] / D50[i]));
    [116.0 * y - 16.0, 500.0 * (x - y), 200.0 * (y - z)]
}

/// The sixteen Neugebauer primaries in XYZ, indexed by a bit mask of inks (1 C, 2 M, 4 Y, 8 K).
fn primaries() -> [[f64; 3]; 16] {
    let paper = lab_to_xyz(PAPER);
    let known: [(usize, [f64; 3]); 7] = [
        (1, CYAN),
        (2, MAGENTA),
        (4, YELLOW),
        (8, BLACK),
        (6, RED),
        (5, GREEN),
        (3, BLUE),
    ];
    // Transmittance of an ink film (or known overprint), above the floor.
    let transmit =
        |xyz: [f64; 3]| [0, 1, 2].map(|i| (xyz[i] - FLOOR * D50[i]) / (paper[i] - FLOOR * D50[i]));
    let mut out = [[0.0; 3]; 16];
    for (mask, slot) in out.iter_mut().enumerate() {
        if mask == 0 {
            *slot = paper;
            continue;
        }
        if let Some((_, lab)) = known.iter().find(|(m, _)| *m == mask) {
            *slot = lab_to_xyz(*lab);
            continue;
        }
        // Cover the mask with the largest known overprints first, then single inks.
        let mut rest = mask;
        let mut t = [1.0; 3];
        for &(m, lab) in known.iter().rev() {
            if rest & m == m {
                rest &= !m;
                let ti = transmit(lab_to_xyz(lab));
                t = [0, 1, 2].map(|i| t[i] * ti[i]);
            }
        }
        debug_assert_eq!(rest, 0);
        *slot = [0, 1, 2].map(|i| FLOOR * D50[i] + (paper[i] - FLOOR * D50[i]) * t[i]);
    }
    out
}

/// Printed area of a nominal tone value (both 0–1): 1 - (1 - a)^g, g set by the TVI aim.
fn printed(a: f64) -> f64 {
    let g = (1.0 - (0.4 + TVI_40)).ln() / 0.6f64.ln();
    1.0 - (1.0 - a).powf(g)
}

fn colour(cmyk: [f64; 4], primaries: &[[f64; 3]; 16]) -> [f64; 3] {
    let area = cmyk.map(|v| printed(v / 100.0));
    let mut sum = [0.0; 3];
    for (mask, p) in primaries.iter().enumerate() {
        // Demichel: the share of the area where exactly these inks overlap.
        let w: f64 = (0..4)
            .map(|i| {
                if mask & (1 << i) != 0 {
                    area[i]
                } else {
                    1.0 - area[i]
                }
            })
            .product();
        for i in 0..3 {
            sum[i] += w * p[i].powf(1.0 / YULE_NIELSEN);
        }
    }
    xyz_to_lab(sum.map(|s| s.powf(YULE_NIELSEN)))
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: newsprint_ti3 OUT.ti3");
    let primaries = primaries();
    let mut rows = String::new();
    let mut n = 0;
    for &c in &LEVELS {
        for &m in &LEVELS {
            for &y in &LEVELS {
                for &k in &LEVELS {
                    n += 1;
                    let [l, a, b] = colour([c, m, y, k], &primaries);
                    writeln!(rows, "{n} {c:.2} {m:.2} {y:.2} {k:.2} {l:.4} {a:.4} {b:.4}").unwrap();
                }
            }
        }
    }
    let text = format!(
        "CTI3\n\nDESCRIPTOR \"Synthetic coldset offset on newsprint (ISO 12647-3 aims)\"\n\
         ORIGINATOR \"banmian examples/newsprint_ti3.rs\"\nDEVICE_CLASS \"OUTPUT\"\n\
         COLOR_REP \"CMYK_LAB\"\n\nNUMBER_OF_FIELDS 8\nBEGIN_DATA_FORMAT\n\
         SAMPLE_ID CMYK_C CMYK_M CMYK_Y CMYK_K LAB_L LAB_A LAB_B\nEND_DATA_FORMAT\n\n\
         NUMBER_OF_SETS {n}\nBEGIN_DATA\n{rows}END_DATA\n"
    );
    std::fs::write(&out, text).expect("cannot write the .ti3 file");
    let black = colour([100.0, 100.0, 100.0, 100.0], &primaries);
    eprintln!(
        "wrote {n} patches to {out}; CMYK 400 % is L* {:.1}",
        black[0]
    );
}
