//! Deterministic stand-in "news photos" for the `pingluo-cppcc` sample issue.
//!
//! The real photographs are not available, so this paints photo-like
//! placeholders: sky/wall gradients, a noisy horizon, textured ground, soft
//! out-of-focus shapes suggesting people, tables, buildings and bookshelves,
//! film grain and vignetting. Every image is driven by a fixed seed fed to a
//! tiny SplitMix64 PRNG and the JPEGs carry no timestamps or other metadata,
//! so reruns are byte-identical. photo-5 is the 16:9 lead photo (2400×1350);
//! the others are 3:2 (1800×1200). The output directory is the first argument:
//!
//! ```sh
//! cargo run --release --example standin_photos -- content/pingluo-cppcc/images
//! ```

use image::{ExtendedColorType, ImageEncoder, codecs::jpeg::JpegEncoder};
use std::{error::Error, fs, path::PathBuf};

type Rgb = [f32; 3];
const WHITE: Rgb = [0.95, 0.94, 0.9];
const HAIR: Rgb = [0.06, 0.05, 0.05];
const RED: Rgb = [0.66, 0.08, 0.08];
const BLUE: Rgb = [0.14, 0.2, 0.34];
const GOLD: Rgb = [0.97, 0.82, 0.45];
const GREEN: Rgb = [0.3, 0.45, 0.22];
const GREY: Rgb = [0.6, 0.6, 0.6];
const WOOD: Rgb = [0.55, 0.4, 0.25];
const SLATE: Rgb = [0.25, 0.27, 0.3];
const HATS: [Rgb; 3] = [GOLD, WHITE, RED];
const CLOTH: [Rgb; 6] = [HAIR, SLATE, BLUE, WHITE, GREY, [0.32, 0.28, 0.24]];
const BOOKS: [Rgb; 8] = [HAIR, GREY, WHITE, WOOD, BLUE, RED, GREEN, [0.85, 0.6, 0.2]];
/// Band textures: (amplitude, x frequency, y frequency), frequencies per image height.
type Tex = (f32, f32, f32);
const CLOUDS: Tex = (0.3, 2.0, 5.0);
const PANELS: Tex = (0.08, 10.0, 0.8);
const CARPET: Tex = (0.14, 40.0, 40.0);
const FOLDS: Tex = (0.2, 40.0, 0.6);
const BOARDS: Tex = (0.1, 60.0, 4.0);
const FURROWS: Tex = (0.3, 4.0, 60.0);
const GRAVEL: Tex = (0.25, 20.0, 20.0);
const RIPPLES: Tex = (0.12, 0.7, 90.0);
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64 output mixer: drives the PRNG and doubles as a coordinate hash.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
fn unit(z: u64) -> f32 {
    (z >> 40) as f32 / (1u64 << 24) as f32
}
fn hash(seed: u64, x: i64, y: i64) -> f32 {
    unit(mix64(
        seed ^ mix64((x as u64).wrapping_mul(GAMMA) ^ mix64(y as u64 ^ GAMMA)),
    ))
}
fn smooth(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}
fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

/// SplitMix64 PRNG.
struct Rng(u64);
impl Rng {
    fn f(&mut self, lo: f32, hi: f32) -> f32 {
        self.0 = self.0.wrapping_add(GAMMA);
        lo + (hi - lo) * unit(mix64(self.0))
    }
    fn pick(&mut self, xs: &[Rgb]) -> Rgb {
        xs[(self.f(0.0, xs.len() as f32) as usize).min(xs.len() - 1)]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Pose {
    Seated,
    Standing,
    Hardhat,
    Back,
}

struct Canvas {
    w: usize,
    h: usize,
    seed: u64,
    px: Vec<Rgb>,
}

impl Canvas {
    fn aspect(&self) -> f32 {
        self.w as f32 / self.h as f32
    }
    /// Smooth value noise and its 4-octave fractal sum, both roughly in [0, 1].
    fn noise(&self, x: f32, y: f32) -> f32 {
        let (ix, iy, f) = (x.floor() as i64, y.floor() as i64, |v: f32| v - v.floor());
        let (fx, fy) = (smooth(0.0, 1.0, f(x)), smooth(0.0, 1.0, f(y)));
        let g = |dx, dy| hash(self.seed, ix + dx, iy + dy);
        let top = g(0, 0) + (g(1, 0) - g(0, 0)) * fx;
        top + (g(0, 1) + (g(1, 1) - g(0, 1)) * fx - top) * fy
    }
    fn fbm(&self, x: f32, y: f32) -> f32 {
        let octave = |o| self.noise(x * 2f32.powi(o), y * 2f32.powi(o)) / 2f32.powi(o);
        (0..4).map(octave).sum::<f32>() / 1.875
    }
    /// Rows `y0..y1` (fractions of height): `top` fading towards white (`fade` > 0) or
    /// black (`fade` < 0) at the bottom, plus fbm texture.
    fn band(&mut self, y0: f32, y1: f32, top: Rgb, fade: f32, (tex, sx, sy): Tex) {
        let h = self.h as f32;
        let bottom = mix(top, if fade > 0.0 { WHITE } else { HAIR }, fade.abs());
        for y in (y0 * h) as usize..((y1 * h) as usize).min(self.h) {
            let base = mix(top, bottom, (y as f32 / h - y0) / (y1 - y0));
            for x in 0..self.w {
                let n = tex * (self.fbm(x as f32 / h * sx, y as f32 / h * sy) - 0.5);
                self.px[y * self.w + x] = base.map(|v| v + n);
            }
        }
    }
    /// A noisy skyline (hills, tree line) around height `y`, filled down to the bottom.
    fn ridge(&mut self, y: f32, amp: f32, freq: f32, c: Rgb) {
        let h = self.h as f32;
        for x in 0..self.w {
            let top = (y + amp * (self.fbm(x as f32 / h * freq, 7.5) - 0.5)) * h;
            for yy in top.max(0.0) as usize..self.h {
                let shaded = c.map(|v| v * (1.0 - 0.4 * (yy as f32 - top) / h));
                let px = &mut self.px[yy * self.w + x];
                *px = mix(*px, shaded, (yy as f32 + 1.0 - top).min(1.0));
            }
        }
    }
    /// Soft superellipse `[cx, cy, rx, ry]`: cx is a fraction of width, the rest of height.
    /// `p` = 2 is an ellipse, larger `p` tends to a rounded box; `soft` blurs the edge.
    fn shape(&mut self, [cx, cy, rx, ry]: [f32; 4], p: f32, soft: f32, c: Rgb, alpha: f32) {
        let (w, h) = (self.w as f32, self.h as f32);
        let (cx, cy, rx, ry) = (cx * w, cy * h, rx * h, ry * h);
        let soft = soft.max(1.5 / rx.min(ry)); // at least ~1.5 px of anti-aliasing
        let m = 1.0 + soft;
        let (x0, x1) = ((cx - rx * m).clamp(0.0, w), (cx + rx * m).clamp(0.0, w));
        for y in (cy - ry * m).clamp(0.0, h) as usize..(cy + ry * m).clamp(0.0, h) as usize {
            let dy = (y as f32 + 0.5 - cy) / ry;
            let lit = c.map(|v| v * (1.06 - 0.12 * dy)); // light from above
            for x in x0 as usize..x1 as usize {
                let dx = (x as f32 + 0.5 - cx) / rx;
                let d = (dx.abs().powf(p) + dy.abs().powf(p)).powf(1.0 / p);
                let px = &mut self.px[y * self.w + x];
                *px = mix(*px, lit, alpha * (1.0 - smooth(1.0 - soft, 1.0 + soft, d)));
            }
        }
    }
    fn blob(&mut self, pos: [f32; 4], p: f32, soft: f32, c: Rgb) {
        self.shape(pos, p, soft, c, 1.0);
    }
    /// A figure: `base` is the seat/hip line, `s` the upper-body height (fractions of height).
    fn person(&mut self, r: &mut Rng, x: f32, base: f32, s: f32, pose: Pose) {
        let suit = r.pick(&CLOTH);
        let skin = mix([0.86, 0.67, 0.53], [0.64, 0.46, 0.34], r.f(0.0, 1.0));
        let hardhat = pose == Pose::Hardhat;
        let hat = if hardhat { r.pick(&HATS) } else { HAIR };
        let face = if pose == Pose::Back { HAIR } else { skin };
        let parts = [
            (0.45, 0.12, 0.47, mix(suit, HAIR, 0.6)), // legs
            (-0.3, 0.19, 0.32, suit),
            (-0.68, 0.07, 0.09, face),
            (-0.74, 0.074, 0.05, hat),
        ];
        let standing = hardhat || pose == Pose::Standing;
        for &(dy, rx, ry, col) in &parts[usize::from(!standing)..] {
            let p = if ry > 0.2 { 4.0 } else { 2.0 };
            self.blob([x, base + dy * s, rx * s, ry * s], p, 0.05 + 0.25 * s, col);
        }
    }
    /// `n` figures side by side, centred, with jittered position and size.
    fn crowd(&mut self, r: &mut Rng, n: usize, base: f32, s: f32, pose: Pose) {
        let gap = 0.5 * s / self.aspect();
        for i in 0..n {
            let x = 0.5 + gap * (i as f32 - (n - 1) as f32 / 2.0 + r.f(-0.15, 0.15));
            let (b, k) = (base + r.f(-0.01, 0.01), r.f(0.88, 1.1));
            self.person(r, x, b, s * k, pose);
        }
    }
    /// Vignette, film grain and a per-photo colour cast; encode as JPEG quality 85.
    fn jpeg(&self) -> Result<Vec<u8>, Box<dyn Error>> {
        let tint = [0, 1, 2].map(|i| 1.0 + 0.06 * (hash(self.seed, -1, i) - 0.5));
        let mut rgb = Vec::with_capacity(self.px.len() * 3);
        for (i, c) in self.px.iter().enumerate() {
            let x = (i % self.w) as f32 / self.w as f32 - 0.5;
            let y = (i / self.w) as f32 / self.h as f32 - 0.5;
            let vig = 1.0 - 0.7 * (x * x + y * y);
            let n = |k| hash(self.seed ^ k, i as i64, 0);
            let g = 0.045 * (n(1) + n(2) - 1.0); // triangular-distributed grain
            let v = [0, 1, 2].map(|k| (c[k] * tint[k] * vig + g).clamp(0.0, 1.0));
            rgb.extend(v.map(|v| (v * 255.0).round() as u8));
        }
        let (w, h, mut out) = (self.w as u32, self.h as u32, Vec::new());
        let encoder = JpegEncoder::new_with_quality(&mut out, 85);
        encoder.write_image(&rgb, w, h, ExtendedColorType::Rgb8)?;
        Ok(out)
    }
}

/// Panelled wall, carpet and diffuse window light.
fn room(c: &mut Canvas, r: &mut Rng, wall: Rgb, floor: Rgb) {
    c.band(0.0, 0.62, mix(wall, WHITE, 0.4), -0.1, PANELS);
    c.band(0.62, 1.0, floor, -0.5, CARPET);
    c.shape([r.f(0.15, 0.85), 0.3, 0.4, 0.3], 2.0, 0.9, WHITE, 0.45); // window light
}
/// A banner or backdrop (half-height `ry`) with a row of blurred gold characters.
fn banner(c: &mut Canvas, y: f32, ry: f32, col: Rgb) {
    c.blob([0.5, y, 0.42 * c.aspect(), ry], 8.0, 0.05, col);
    for i in 0..14 {
        let x = 0.5 + 0.035 * (i as f32 - 6.5);
        c.blob([x, y - ry + 0.055, 0.013, 0.022], 4.0, 0.3, GOLD);
    }
}
/// People seated behind a long table with papers; one blurred head in the foreground.
fn table(c: &mut Canvas, r: &mut Rng, top: Rgb, s: f32) {
    let (n, half) = (r.f(5.0, 8.0) as usize, 0.56 * c.aspect());
    c.crowd(r, n, 0.72, s, Pose::Seated);
    c.blob([0.5, 0.71, half, 0.03], 10.0, 0.05, top);
    c.blob([0.5, 0.78, half, 0.05], 10.0, 0.05, mix(top, HAIR, 0.6));
    for _ in 0..n {
        let (x, rx, col) = (r.f(0.1, 0.9), r.f(0.02, 0.035), r.pick(&HATS));
        c.blob([x, 0.705, rx, 0.012], 6.0, 0.2, col);
    }
    let x = r.f(0.02, 0.12);
    c.person(r, x, 1.12, 0.6, Pose::Back);
}
/// Cloudy sky (whiter with `haze`) over far hills; returns the sky colour.
fn sky(c: &mut Canvas, haze: f32) -> Rgb {
    let sky = [0.32, 0.52, 0.82].map(|v| v + haze * (0.78 - v));
    c.band(0.0, 0.6, sky, 0.6, CLOUDS);
    c.ridge(0.44, 0.1, 2.5, mix([0.42, 0.52, 0.6], sky, 0.4));
    sky
}
/// Blocky buildings standing on the 0.6 line, with dark roofs.
fn buildings(c: &mut Canvas, r: &mut Rng, walls: &[Rgb]) {
    for _ in 0..9 {
        let (x, wall) = (r.f(0.0, 1.0), r.pick(walls));
        let (rx, ry) = (r.f(0.06, 0.18), r.f(0.04, 0.14));
        c.blob([x, 0.6 - ry, rx, ry], 12.0, 0.03, wall);
        c.blob([x, 0.6 - 2.0 * ry, rx * 1.08, 0.025], 6.0, 0.05, SLATE);
    }
}

fn meeting(c: &mut Canvas, r: &mut Rng) {
    room(c, r, [0.8, 0.72, 0.6], [0.4, 0.16, 0.12]);
    banner(c, 0.1, 0.055, RED);
    table(c, r, WHITE, 0.36);
}
fn inspection(c: &mut Canvas, r: &mut Rng) {
    sky(c, r.f(0.0, 0.15));
    c.ridge(0.5, 0.04, 14.0, [0.16, 0.28, 0.14]); // tree line
    c.band(0.52, 1.0, [0.55, 0.6, 0.3], -0.3, FURROWS);
    c.shape([0.45, 1.0, 0.2, 0.45], 2.0, 0.9, [0.62, 0.55, 0.42], 0.9); // dirt path
    c.crowd(r, 7, 0.66, 0.26, Pose::Standing);
}
fn industry(c: &mut Canvas, r: &mut Rng) {
    sky(c, 0.5);
    buildings(c, r, &[GREY, [0.4, 0.5, 0.62], [0.7, 0.68, 0.6]]);
    for _ in 0..2 {
        let x = r.f(0.1, 0.9);
        c.blob([x, 0.35, 0.012, 0.25], 10.0, 0.05, [0.62, 0.58, 0.55]); // chimney
        c.shape([x + 0.04, 0.05, 0.1, 0.05], 2.0, 0.9, WHITE, 0.6); // smoke
    }
    let (x, orange) = (r.f(0.2, 0.8), [0.9, 0.45, 0.1]);
    c.blob([x, 0.3, 0.008, 0.28], 10.0, 0.05, orange); // crane mast
    c.blob([x + 0.05, 0.04, 0.2, 0.008], 10.0, 0.05, orange); // jib
    c.band(0.6, 1.0, [0.55, 0.54, 0.5], -0.3, GRAVEL);
    c.crowd(r, 6, 0.68, 0.27, Pose::Hardhat);
}
fn reading(c: &mut Canvas, r: &mut Rng) {
    room(c, r, [0.86, 0.8, 0.68], [0.45, 0.3, 0.2]);
    let a = c.aspect();
    for y in [0.06, 0.19, 0.32, 0.45] {
        c.blob(
            [0.5, y + 0.06, 0.5 * a, 0.065], // shelf recess
            8.0,
            0.02,
            mix(WOOD, HAIR, 0.5),
        );
        let mut x = 0.0;
        while x < 1.0 {
            let (rx, ry, col) = (r.f(0.004, 0.009), r.f(0.035, 0.05), r.pick(&BOOKS));
            x += rx / a; // advance to the book's centre, draw, then past it
            c.blob([x, y + 0.12 - ry, rx * 0.9, ry], 8.0, 0.08, col);
            x += rx / a;
        }
        c.blob([0.5, y + 0.125, 0.5 * a, 0.008], 8.0, 0.1, WOOD); // shelf plank
    }
    table(c, r, [0.72, 0.55, 0.36], 0.3);
}
fn plenary(c: &mut Canvas, r: &mut Rng) {
    c.band(0.0, 0.5, [0.62, 0.1, 0.09], -0.3, FOLDS); // curtain
    banner(c, 0.08, 0.05, [0.5, 0.04, 0.04]);
    c.blob([0.5, 0.22, 0.05, 0.06], 2.0, 0.15, GOLD); // emblem
    c.crowd(r, 13, 0.42, 0.13, Pose::Seated); // presidium
    c.blob([0.5, 0.43, 0.38 * c.aspect(), 0.025], 10.0, 0.05, WHITE);
    c.band(0.46, 0.5, WOOD, -0.3, BOARDS); // stage front
    c.band(0.5, 1.0, [0.25, 0.14, 0.1], -0.6, CARPET);
    for k in 0..6 {
        let s = 0.09 * 1.45f32.powi(k);
        let n = (2.0 * c.aspect() / s) as usize + 2;
        c.crowd(r, n, 0.5 + 1.1 * s, s, Pose::Back); // audience, back to front
    }
}
fn village(c: &mut Canvas, r: &mut Rng) {
    sky(c, r.f(0.0, 0.2));
    c.ridge(0.46, 0.08, 4.0, [0.3, 0.42, 0.3]); // green hills
    buildings(c, r, &[WHITE, [0.85, 0.82, 0.75]]);
    for _ in 0..6 {
        let (x, rx, ry) = (r.f(0.0, 1.0), r.f(0.03, 0.07), r.f(0.05, 0.09));
        c.blob([x, 0.6 - ry, rx, ry], 2.0, 0.4, GREEN); // trees
    }
    c.band(0.6, 1.0, [0.5, 0.48, 0.44], -0.3, GRAVEL); // road
    c.crowd(r, 6, 0.68, 0.27, Pose::Standing);
}
fn riverside(c: &mut Canvas, r: &mut Rng) {
    let sky = sky(c, r.f(0.0, 0.2));
    c.ridge(0.42, 0.05, 10.0, [0.16, 0.26, 0.14]); // far bank trees
    c.band(0.46, 0.72, mix(sky, WHITE, 0.3), -0.35, RIPPLES); // water
    c.band(0.72, 1.0, GREEN, -0.4, CARPET); // grass
    c.blob([0.5, 0.735, 0.5 * c.aspect(), 0.006], 10.0, 0.1, WHITE); // railing
    c.crowd(r, 5, 0.72, 0.3, Pose::Standing);
}
fn forum(c: &mut Canvas, r: &mut Rng) {
    room(c, r, [0.62, 0.68, 0.76], [0.15, 0.2, 0.32]);
    banner(c, 0.24, 0.19, [0.1, 0.24, 0.52]); // backdrop
    table(c, r, WHITE, 0.36);
}

/// photo-1 … photo-8, loosely matching the captions in `page.yaml`.
const SCENES: [fn(&mut Canvas, &mut Rng); 8] = [
    industry, meeting, inspection, riverside, plenary, forum, reading, village,
];

fn main() -> Result<(), Box<dyn Error>> {
    let usage = "usage: standin_photos <output-dir>";
    let dir = PathBuf::from(std::env::args().nth(1).ok_or(usage)?);
    fs::create_dir_all(&dir)?;
    for (i, scene) in SCENES.iter().enumerate() {
        let (w, h) = if i == 4 { (2400, 1350) } else { (1800, 1200) }; // photo-5: 16:9 lead
        let (seed, px) = (0xBA9_0001 + 7919 * i as u64, vec![[0.0; 3]; w * h]);
        let mut c = Canvas { w, h, seed, px };
        scene(&mut c, &mut Rng(seed));
        let path = dir.join(format!("photo-{}.jpg", i + 1));
        fs::write(&path, c.jpeg()?)?;
        println!("wrote {} ({w}×{h})", path.display());
    }
    Ok(())
}
