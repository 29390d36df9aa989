//! A picture's ink: its pixels as C, M, Y, K (a photo separated for the press is a CMYK JPEG
//! whose samples are the plates' ink, read as they are; any other picture is converted through
//! the press profile, as `photo_prep` separates photos), and those pixels put on the plates,
//! each cell the area-weighted average of the pixels it covers (what a four-times-finer
//! rendering averaged would give).

use crate::engine::press::Press;
use std::sync::Arc;

use typst::visualize::{ExchangeFormat, Image, ImageKind, RasterFormat};
use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;
use zune_jpeg::JpegDecoder;

use super::clip::Clip;
use super::plates::Plates;

/// A picture as ink: per pixel C, M, Y, K (0–255 for 0–100 %), and its opacity if it has one
/// (0–255), kept as small as the picture so a large photo costs four bytes a pixel.
pub struct Samples {
    pub width: usize,
    pub height: usize,
    pub ink: Vec<[u8; 4]>,
    pub alpha: Option<Vec<u8>>,
}

impl Samples {
    /// The memory its pixels take.
    fn bytes(&self) -> usize {
        self.ink.len() * 4 + self.alpha.as_ref().map_or(0, Vec::len)
    }

    /// Pixel `i` as ink premultiplied by its opacity (0–1), then the opacity.
    pub fn pixel(&self, i: usize) -> [f32; 5] {
        let a = self.alpha.as_ref().map_or(1.0, |a| f32::from(a[i]) / 255.0);
        let [c, m, y, k] = self.ink[i].map(|v| f32::from(v) / 255.0 * a);
        [c, m, y, k, a]
    }
}

/// How many of a picture's pixels, each way, are averaged into one before it is put on the
/// plates: a cell then still covers at least two of them across, so its area average barely
/// changes, and a photo at 300 ppi measured in 0.5 mm cells is held at a ninth of its size.
pub fn reduction(pixels_wide: u32, cells_wide: f32) -> usize {
    ((pixels_wide as f32 / cells_wide.max(1e-3)) / 2.0)
        .floor()
        .max(1.0) as usize
}

/// The ink of `image`, each `factor` × `factor` pixels averaged into one, or why it cannot be
/// measured. `press`: the CMYK profile pictures not yet separated are converted with.
/// Remembered in memory (rebuilds in `watch` and `serve`) and in the cache folder (the next
/// run): decoding a page's photos is most of the cost of measuring it.
pub fn samples(image: &Image, factor: usize, press: &Press) -> Result<Arc<Samples>, String> {
    let key = (typst::utils::hash128(image), factor, press.hash);
    let memory = MEMORY.get_or_init(Default::default);
    if let Some(found) = memory.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(found);
    }
    let file = crate::engine::cache::file("ink", &key);
    let samples = match file
        .as_deref()
        .and_then(|f| std::fs::read(f).ok())
        .and_then(|b| Samples::read(&b))
    {
        Some(samples) => Arc::new(samples),
        None => {
            let samples = Arc::new(decode(image, press)?.reduced(factor));
            if let Some(file) = &file {
                let _ = crate::atomic::write_atomic(file, &samples.write());
            }
            samples
        }
    };
    if let Ok(mut memory) = memory.lock() {
        // A long-lived world keeps what its pages show; a bound keeps it from growing (an
        // issue's pages, measured one after another, each bring their own).
        let held: usize = memory.values().map(|s| s.bytes()).sum();
        if held + samples.bytes() > MEMORY_BYTES {
            memory.clear();
        }
        memory.insert(key, samples.clone());
    }
    Ok(samples)
}

/// Bytes of pictures kept in memory at most: a page's photos several times over (the sample
/// page's eight take 5 MB).
const MEMORY_BYTES: usize = 32 << 20;

type Key = (u128, usize, u128);

static MEMORY: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<Key, Arc<Samples>>>> =
    std::sync::OnceLock::new();

/// The ink of `image` at full size.
fn decode(image: &Image, press: &Press) -> Result<Samples, String> {
    let ImageKind::Raster(raster) = image.kind() else {
        return Err(crate::content::t!("unmeasured-vector"));
    };
    if raster.format() == RasterFormat::Exchange(ExchangeFormat::Jpg)
        && let Some(samples) = cmyk_jpeg(raster.data())?
    {
        return Ok(samples);
    }
    let rgba = raster.dynamic().to_rgba8();
    let (width, height) = (rgba.width() as usize, rgba.height() as usize);
    let pixels: Vec<[u8; 4]> = rgba
        .into_raw()
        .chunks_exact(4)
        .map(|p| [p[0], p[1], p[2], p[3]])
        .collect();
    let rgb: Vec<[u8; 3]> = pixels.iter().map(|p| [p[0], p[1], p[2]]).collect();
    let ink = press.convert(&rgb)?;
    let alpha = pixels
        .iter()
        .any(|p| p[3] < 255)
        .then(|| pixels.iter().map(|p| p[3]).collect());
    Ok(Samples {
        width,
        height,
        ink,
        alpha,
    })
}

impl Samples {
    /// Each `factor` × `factor` block averaged into one pixel (the blocks at the right and
    /// bottom edges may hold fewer).
    pub fn reduced(&self, factor: usize) -> Samples {
        if factor <= 1 {
            return Samples {
                width: self.width,
                height: self.height,
                ink: self.ink.clone(),
                alpha: self.alpha.clone(),
            };
        }
        let (w, h) = (self.width.div_ceil(factor), self.height.div_ceil(factor));
        let mut sums = vec![[0u32; 5]; w * h];
        let mut counts = vec![0u32; w * h];
        for y in 0..self.height {
            let row = (y / factor) * w;
            for x in 0..self.width {
                let i = y * self.width + x;
                let cell = row + x / factor;
                let a = self.alpha.as_ref().map_or(255, |a| a[i]);
                let sum = &mut sums[cell];
                for (s, v) in sum.iter_mut().zip(self.ink[i]) {
                    *s += u32::from(v);
                }
                sum[4] += u32::from(a);
                counts[cell] += 1;
            }
        }
        let average = |s: u32, n: u32| ((s + n / 2) / n.max(1)) as u8;
        let ink = sums
            .iter()
            .zip(&counts)
            .map(|(s, &n)| [0, 1, 2, 3].map(|c| average(s[c], n)))
            .collect();
        let alpha = self.alpha.as_ref().map(|_| {
            sums.iter()
                .zip(&counts)
                .map(|(s, &n)| average(s[4], n))
                .collect()
        });
        Samples {
            width: w,
            height: h,
            ink,
            alpha,
        }
    }

    /// The cache file's bytes: magic, width, height, whether an opacity follows, the ink.
    fn write(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((self.width as u32).to_le_bytes());
        out.extend((self.height as u32).to_le_bytes());
        out.push(u8::from(self.alpha.is_some()));
        out.extend(self.ink.iter().flatten());
        if let Some(alpha) = &self.alpha {
            out.extend(alpha);
        }
        out
    }

    /// Reads what `write` wrote; `None` for anything else (the cache is then not used).
    fn read(bytes: &[u8]) -> Option<Samples> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let number = |at: usize| -> Option<usize> {
            Some(u32::from_le_bytes(rest.get(at..at + 4)?.try_into().ok()?) as usize)
        };
        let (width, height) = (number(0)?, number(4)?);
        let has_alpha = *rest.get(8)? == 1;
        let n = width.checked_mul(height)?;
        let data = &rest[9..];
        if data.len() != n * 4 + if has_alpha { n } else { 0 } {
            return None;
        }
        let ink = data[..n * 4]
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect();
        let alpha = has_alpha.then(|| data[n * 4..].to_vec());
        Some(Samples {
            width,
            height,
            ink,
            alpha,
        })
    }
}

const MAGIC: &[u8] = b"banmian ink 1\n";

/// The samples of a CMYK JPEG, `None` for a JPEG in another colour space.
fn cmyk_jpeg(data: &[u8]) -> Result<Option<Samples>, String> {
    let side = crate::images::MAX_SIDE as usize;
    let options = DecoderOptions::default()
        .set_max_width(side)
        .set_max_height(side)
        .jpeg_set_out_colorspace(ColorSpace::CMYK);
    let mut decoder =
        JpegDecoder::new_with_options(zune_core::bytestream::ZCursor::new(data), options);
    decoder
        .decode_headers()
        .map_err(|e| format!("cannot read a JPEG: {e:?}"))?;
    if !matches!(
        decoder.input_colorspace(),
        Some(ColorSpace::CMYK | ColorSpace::YCCK)
    ) {
        return Ok(None);
    }
    let info = decoder.info().ok_or("a JPEG without a size")?;
    let bytes = decoder
        .decode()
        .map_err(|e| format!("cannot decode a CMYK JPEG: {e:?}"))?;
    // A CMYK JPEG stores ink inverted (Adobe's convention, which krilla declares in the PDF
    // with its Decode array): 255 is no ink.
    let ink = bytes
        .chunks_exact(4)
        .map(|p| [255 - p[0], 255 - p[1], 255 - p[2], 255 - p[3]])
        .collect();
    Ok(Some(Samples {
        width: usize::from(info.width),
        height: usize::from(info.height),
        ink,
        alpha: None,
    }))
}

/// Where a picture lands: its rectangle on the plates in cells (left, top, right, bottom),
/// the cells it may touch (the clip's bounds), and the clip's coverage per cell, if any.
pub struct Placement<'a> {
    pub rect: [f32; 4],
    pub window: [i64; 4],
    pub clip: Option<&'a Clip>,
}

/// Puts `samples` on the plates, upright and scaled into `at.rect`: each cell takes the
/// pixels under it, each weighed by the share of the cell it covers (across, then down).
pub fn place(plates: &mut Plates, samples: &Samples, at: &Placement) {
    let [x0, y0, x1, y1] = at.rect;
    if samples.width == 0 || samples.height == 0 || x1 <= x0 || y1 <= y0 {
        return;
    }
    let columns = Weights::new(x0, x1, samples.width, at.window[0], at.window[2]);
    let rows = Weights::new(y0, y1, samples.height, at.window[1], at.window[3]);
    let (Some(first_x), Some((used_from, used_to))) = (columns.first, rows.pixels()) else {
        return;
    };
    // Sums of bytes (0–255) for ink and opacity; with an opacity, ink × opacity (0–255²).
    let (ink_scale, alpha_scale) = match samples.alpha {
        Some(_) => (1.0 / (255.0 * 255.0), 1.0 / 255.0),
        None => (1.0 / 255.0, 1.0),
    };
    let n = columns.cells.len();
    // Each source row used, reduced across to the cells' columns.
    let mut across = Vec::with_capacity((used_to + 1 - used_from) * n);
    for k in used_from..=used_to {
        let row = &samples.ink[k * samples.width..(k + 1) * samples.width];
        let alpha = samples
            .alpha
            .as_ref()
            .map(|a| &a[k * samples.width..(k + 1) * samples.width]);
        for (from, weights) in columns.iter() {
            let mut sum = [0.0f32; 5];
            let pixels = (from..).zip(weights);
            match alpha {
                // Most pictures (every separated photo) are opaque.
                None => {
                    for (j, &w) in pixels {
                        let p = row[j];
                        for c in 0..4 {
                            sum[c] += w * f32::from(p[c]);
                        }
                        sum[4] += w;
                    }
                }
                Some(alpha) => {
                    for (j, &w) in pixels {
                        let (p, a) = (row[j], f32::from(alpha[j]));
                        for c in 0..4 {
                            sum[c] += w * f32::from(p[c]) * a;
                        }
                        sum[4] += w * a;
                    }
                }
            }
            across.push(sum);
        }
    }
    let mut coverage = vec![0.0; n];
    let mut ink = vec![[0.0; 4]; n];
    for (y, (from, weights)) in (rows.first.unwrap_or(0)..).zip(rows.iter()) {
        for (i, (cov, out)) in coverage.iter_mut().zip(ink.iter_mut()).enumerate() {
            let mut sum = [0.0f32; 5];
            for (k, &w) in (from..).zip(weights) {
                let v = &across[(k - used_from) * n + i];
                for c in 0..5 {
                    sum[c] += w * v[c];
                }
            }
            let clip = at.clip.map_or(1.0, |m| m.at(first_x + i as i64, y));
            *cov = sum[4] * alpha_scale * clip;
            *out = [0, 1, 2, 3].map(|c| sum[c] * ink_scale * clip);
        }
        plates.paint_samples(first_x, y, &coverage, &ink);
    }
}

/// For the cells of an axis that the span `a..b` (cells) covers with `n` pixels: each cell's
/// first pixel and each pixel's share of it (in cells: a pixel that fills the cell weighs 1),
/// kept in one list.
struct Weights {
    /// The first cell (none if the span covers none within the window).
    first: Option<i64>,
    /// Per cell: its first pixel, and where its weights start in `weights`.
    cells: Vec<(usize, usize)>,
    weights: Vec<f32>,
}

impl Weights {
    /// The cells `from..to` of the axis.
    fn new(a: f32, b: f32, n: usize, from: i64, to: i64) -> Weights {
        let size = (b - a) / n as f32;
        let first = (a.floor() as i64).max(from);
        let last = (b.ceil() as i64).min(to);
        let mut out = Weights {
            first: None,
            cells: Vec::new(),
            weights: Vec::new(),
        };
        for cell in first..last {
            let (lo, hi) = (cell as f32, cell as f32 + 1.0);
            let j0 = (((lo - a) / size).floor().max(0.0)) as usize;
            let j1 = ((((hi - a) / size).ceil()).max(0.0) as usize).min(n);
            let start = out.weights.len();
            let mut pixel = None;
            for j in j0..j1 {
                let p0 = a + j as f32 * size;
                let w = (hi.min(p0 + size) - lo.max(p0)).max(0.0);
                if w > 0.0 {
                    // Pixels with a share come one after another: only the edges can have none.
                    pixel.get_or_insert(j);
                    out.weights.push(w);
                }
            }
            match pixel {
                Some(j) => {
                    out.first.get_or_insert(cell);
                    out.cells.push((j, start));
                }
                // A cell no pixel reaches ends the span (only the last can be one).
                None if out.first.is_some() => break,
                None => {}
            }
        }
        out
    }

    /// Each cell's first pixel and its pixels' weights.
    fn iter(&self) -> impl Iterator<Item = (usize, &[f32])> {
        self.cells.iter().enumerate().map(|(i, &(pixel, start))| {
            let end = self.cells.get(i + 1).map_or(self.weights.len(), |c| c.1);
            (pixel, &self.weights[start..end])
        })
    }

    /// The first and last pixel used.
    fn pixels(&self) -> Option<(usize, usize)> {
        let (first, _) = self.iter().next()?;
        let (last, weights) = self.iter().last()?;
        Some((first, last + weights.len() - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(width: usize, height: usize, ink: [f32; 4]) -> Samples {
        Samples {
            width,
            height,
            ink: vec![ink.map(|v| (v * 255.0).round() as u8); width * height],
            alpha: None,
        }
    }

    fn place_all(plates: &mut Plates, samples: &Samples, rect: [f32; 4]) {
        let window = [0, 0, plates.width as i64, plates.height as i64];
        let at = Placement {
            rect,
            window,
            clip: None,
        };
        place(plates, samples, &at);
    }

    #[test]
    fn a_picture_on_whole_cells_keeps_its_ink() {
        let mut plates = Plates::new(4, 4);
        place_all(
            &mut plates,
            &flat(8, 8, [0.5, 0.4, 0.3, 0.2]),
            [1.0, 1.0, 3.0, 3.0],
        );
        let totals = plates.totals();
        assert!((totals[5] - 140.0).abs() < 1.0, "{totals:?}");
        assert_eq!(totals[0], 0.0);
        assert_eq!(totals[15], 0.0);
    }

    #[test]
    fn cells_average_the_pixels_they_cover() {
        // Two pixels, solid black and none, each half a cell: the cell is half black.
        let mut plates = Plates::new(1, 1);
        let samples = Samples {
            width: 2,
            height: 1,
            ink: vec![[0, 0, 0, 255], [0; 4]],
            alpha: None,
        };
        place_all(&mut plates, &samples, [0.0, 0.0, 1.0, 1.0]);
        assert!((plates.totals()[0] - 50.0).abs() < 1e-3);
    }

    #[test]
    fn a_picture_half_over_a_cell_takes_half_of_it() {
        let mut plates = Plates::new(2, 1);
        place_all(
            &mut plates,
            &flat(3, 3, [0.0, 0.0, 0.0, 0.8]),
            [0.5, 0.0, 2.0, 1.0],
        );
        let totals = plates.totals();
        assert!((totals[0] - 40.0).abs() < 0.5, "{totals:?}");
        assert!((totals[1] - 80.0).abs() < 0.5, "{totals:?}");
    }

    #[test]
    fn reduced_samples_average_their_blocks_and_survive_the_cache_file() {
        let samples = Samples {
            width: 3,
            height: 2,
            ink: vec![
                [0, 0, 0, 200],
                [0, 0, 0, 100],
                [50, 0, 0, 0],
                [0, 0, 0, 0],
                [0, 0, 0, 100],
                [50, 0, 0, 0],
            ],
            alpha: None,
        };
        let reduced = samples.reduced(2);
        assert_eq!((reduced.width, reduced.height), (2, 1));
        assert_eq!(reduced.ink, vec![[0, 0, 0, 100], [50, 0, 0, 0]]);
        let again = Samples::read(&reduced.write()).unwrap();
        assert_eq!(again.ink, reduced.ink);
        assert!(Samples::read(b"not a cache file").is_none());
        assert_eq!(reduction(2400, 400.0), 3);
        assert_eq!(reduction(100, 400.0), 1);
    }

    #[test]
    fn a_separated_jpeg_is_read_as_the_ink_it_was_written_with() {
        let ink = [30u8, 120, 200, 90];
        let pixels: Vec<u8> = std::iter::repeat_n(ink, 16 * 16).flatten().collect();
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 95)
            .encode(&pixels, 16, 16, jpeg_encoder::ColorType::Cmyk)
            .unwrap();
        let samples = cmyk_jpeg(&jpeg).unwrap().expect("a CMYK JPEG");
        assert_eq!((samples.width, samples.height), (16, 16));
        let got = samples.ink[8 * 16 + 8];
        for (g, want) in got.iter().zip(ink) {
            assert!(g.abs_diff(want) < 3, "{got:?} vs {ink:?}");
        }
    }
}
