//! Ink on the plates, measured: ghostscript's `tiffsep` device renders a PDF's separations
//! (C, M, Y, K and any spot colour), overprint simulated, as the plant's RIP would; the total
//! area coverage of each pixel is the sum of its separations. A page must stay within the
//! house ink limit (`ink-limit` in `layout/style.typ`) on newsprint, which cannot take more.
//!
//! ghostscript is an outside program (`gs`, Debian's `ghostscript`): a missing one is said
//! plainly, never taken for a clean page.

use std::path::Path;
use std::process::Command;

/// What the separations hold: the highest total coverage and where, in mm from the top-left
/// corner of the trim (negative in the bleed), on which page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Coverage {
    pub max_percent: f64,
    pub page: usize,
    pub at_mm: (f64, f64),
    /// Area over `limit`, mm².
    pub over_mm2: f64,
    pub limit: f64,
    /// The separations found (`Cyan`, `Magenta`, `Yellow`, `Black`, spot colours).
    pub separations: Vec<String>,
}

impl Coverage {
    pub fn within_limit(&self) -> bool {
        self.max_percent <= self.limit
    }
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ink: at most {:.0} % (limit {:.0} %) on page {}, {:.0} mm from the left and {:.0} mm from the top of the trim",
            self.max_percent, self.limit, self.page, self.at_mm.0, self.at_mm.1
        )?;
        if self.over_mm2 > 0.0 {
            write!(f, "; {:.1} mm² over the limit", self.over_mm2)?;
        }
        Ok(())
    }
}

/// Measures the PDF in `pdf` in cells of 1/`ppi` inch, against `limit` percent.
pub fn measure(pdf: &[u8], ppi: u32, limit: f64) -> Result<Coverage, String> {
    let dir = crate::content::scratch::TempDir::new()
        .map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let result = measure_in(dir.path(), pdf, ppi, limit);
    drop(dir);
    result
}

fn measure_in(dir: &Path, pdf: &[u8], ppi: u32, limit: f64) -> Result<Coverage, String> {
    let input = dir.join("page.pdf");
    std::fs::write(&input, pdf).map_err(|e| format!("cannot write a temporary file: {e}"))?;
    let boxes = trim_offsets(pdf)?;
    let output = Command::new("gs")
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=tiffsep",
            "-sCompression=none",
            // Only the sheet as printed: trim and bleed, not the crop marks outside it.
            "-dUseBleedBox",
            // Each cell the average of 4 × 4 pixels: ink as a plate's dots carry it.
            &format!("-r{}", ppi * 4),
            "-dDownScaleFactor=4",
        ])
        .arg(format!("-sOutputFile={}", dir.join("p%d.tif").display()))
        .arg(&input)
        .output()
        .map_err(|e| {
            format!("cannot run ghostscript (`gs`) to measure ink coverage: {e}; install it (apt-get install ghostscript)")
        })?;
    if !output.status.success() {
        return Err(format!(
            "ghostscript could not render the separations: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let mut best: Option<Coverage> = None;
    for (page, (left, top)) in boxes.iter().enumerate() {
        let page = page + 1;
        let mut total: Vec<u32> = Vec::new();
        let mut width = 0;
        let mut names = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
            let name = entry.map_err(|e| e.to_string())?.file_name();
            let name = name.to_string_lossy();
            let prefix = format!("p{page}(");
            let Some(colorant) = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(").tif"))
            else {
                continue;
            };
            let plate =
                read_gray_tiff(&std::fs::read(dir.join(name.as_ref())).map_err(|e| e.to_string())?)
                    .map_err(|e| format!("separation {colorant}: {e}"))?;
            if total.is_empty() {
                total = vec![0; plate.pixels.len()];
                width = plate.width;
            } else if plate.pixels.len() != total.len() {
                return Err("separations of different sizes".into());
            }
            for (t, p) in total.iter_mut().zip(&plate.pixels) {
                *t += u32::from(*p);
            }
            names.push(colorant.to_string());
        }
        if names.is_empty() || width == 0 {
            return Err(format!("ghostscript wrote no separations for page {page}"));
        }
        let (index, &max) = total
            .iter()
            .enumerate()
            .max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))
            .expect("a page has pixels");
        let percent = |v: u32| f64::from(v) / 255.0 * 100.0;
        let mm_per_px = crate::units::MM_PER_INCH / f64::from(ppi);
        let over = total.iter().filter(|&&v| percent(v) > limit + 0.5).count();
        let found = Coverage {
            max_percent: percent(max),
            page,
            at_mm: (
                ((index % width) as f64 + 0.5) * mm_per_px - left,
                ((index / width) as f64 + 0.5) * mm_per_px - top,
            ),
            over_mm2: over as f64 * mm_per_px * mm_per_px,
            limit,
            separations: {
                names.sort();
                names
            },
        };
        if best
            .as_ref()
            .is_none_or(|b| found.max_percent > b.max_percent)
        {
            best = Some(found);
        }
    }
    best.ok_or_else(|| "the PDF has no pages".into())
}

/// Per page, the trim's offset (mm) from the bleed box's top-left corner, where the rendering
/// starts.
fn trim_offsets(pdf: &[u8]) -> Result<Vec<(f64, f64)>, String> {
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| format!("cannot read the PDF: {e}"))?;
    let rect = |page: &lopdf::Dictionary, key: &[u8]| -> Option<[f64; 4]> {
        let values = page.get(key).ok()?.as_array().ok()?;
        let v: Vec<f64> = values
            .iter()
            .filter_map(|v| v.as_float().ok().map(f64::from))
            .collect();
        v.try_into().ok()
    };
    let mm = crate::units::MM_PER_PT;
    doc.get_pages()
        .into_values()
        .map(|id| {
            let page = doc.get_dictionary(id).map_err(|e| e.to_string())?;
            let media = rect(page, b"MediaBox").ok_or("a page has no MediaBox")?;
            let bleed = rect(page, b"BleedBox").unwrap_or(media);
            let trim = rect(page, b"TrimBox").unwrap_or(bleed);
            Ok(((trim[0] - bleed[0]) * mm, (bleed[3] - trim[3]) * mm))
        })
        .collect()
}

struct Plate {
    width: usize,
    /// Ink per pixel, 0–255 (255: a solid).
    pixels: Vec<u8>,
}

/// Reads what `tiffsep` writes: one 8-bit grey plane, uncompressed, in strips.
fn read_gray_tiff(data: &[u8]) -> Result<Plate, String> {
    let little = match data.get(..4) {
        Some(b"II*\0") => true,
        Some(b"MM\0*") => false,
        _ => return Err("not a TIFF file".into()),
    };
    let u16_at = |at: usize| -> Result<u32, String> {
        let b: [u8; 2] = data
            .get(at..at + 2)
            .and_then(|s| s.try_into().ok())
            .ok_or("truncated TIFF")?;
        Ok(u32::from(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }))
    };
    let u32_at = |at: usize| -> Result<u32, String> {
        let b: [u8; 4] = data
            .get(at..at + 4)
            .and_then(|s| s.try_into().ok())
            .ok_or("truncated TIFF")?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    let entries = u16_at(ifd)? as usize;
    let (mut width, mut height, mut bits, mut compression, mut photometric, mut samples) =
        (0, 0, 8, 1, 1, 1);
    let (mut offsets, mut counts) = (Vec::new(), Vec::new());
    for i in 0..entries {
        let at = ifd + 2 + 12 * i;
        let (tag, kind, count) = (u16_at(at)?, u16_at(at + 2)?, u32_at(at + 4)? as usize);
        let size = if kind == 3 { 2 } else { 4 };
        // Values that fit in four bytes are in the entry; others are at the offset it gives.
        let base = if size * count <= 4 {
            at + 8
        } else {
            u32_at(at + 8)? as usize
        };
        let values = (0..count)
            .map(|j| {
                if kind == 3 {
                    u16_at(base + 2 * j)
                } else {
                    u32_at(base + 4 * j)
                }
            })
            .collect::<Result<Vec<u32>, String>>()?;
        let first = values.first().copied().unwrap_or(0);
        match tag {
            256 => width = first as usize,
            257 => height = first as usize,
            258 => bits = first,
            259 => compression = first,
            262 => photometric = first,
            273 => offsets = values,
            277 => samples = first,
            279 => counts = values,
            _ => {}
        }
    }
    if bits != 8 || compression != 1 || samples != 1 {
        return Err(format!(
            "expected 8-bit uncompressed grey (bits {bits}, compression {compression}, samples {samples})"
        ));
    }
    let mut pixels = Vec::with_capacity(width * height);
    for (&offset, &count) in offsets.iter().zip(&counts) {
        let strip = data
            .get(offset as usize..(offset + count) as usize)
            .ok_or("truncated TIFF strip")?;
        pixels.extend_from_slice(strip);
    }
    if pixels.len() < width * height {
        return Err("TIFF holds fewer pixels than its size says".into());
    }
    pixels.truncate(width * height);
    // tiffsep writes each plate as a picture of the plate: black (0) where the ink is solid.
    if photometric == 1 {
        pixels.iter_mut().for_each(|p| *p = 255 - *p);
    }
    Ok(Plate { width, pixels })
}
