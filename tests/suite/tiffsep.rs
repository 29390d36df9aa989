//! The plant's measure of ink, to check banmian's against: ghostscript's `tiffsep` renders a
//! PDF's separations (overprint simulated, as a RIP would) at four times the cell resolution,
//! each cell the average of 4 × 4 pixels; a cell's total is the sum of its plates. banmian
//! measures in-process (`output::ink`); this is what it must agree with.

use std::path::Path;
use std::process::Command;

/// What tiffsep finds on a PDF: per page, the highest total (percent) and the area over
/// `limit` (mm²); the separations' names.
#[derive(Debug)]
pub struct Plates {
    pub max_percent: f64,
    pub over_mm2: f64,
    pub separations: Vec<String>,
}

/// Measures `pdf` in cells of 1/`ppi` inch against `limit` percent: the highest total over its
/// pages, the area over the limit summed over them.
pub fn measure(pdf: &Path, ppi: u32, limit: f64) -> Plates {
    let dir = pdf.with_extension("tiffsep");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let pages = lopdf::Document::load(pdf).unwrap().get_pages().len();
    let output = Command::new("gs")
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=tiffsep",
            "-sCompression=none",
            "-dUseBleedBox",
            &format!("-r{}", ppi * 4),
            "-dDownScaleFactor=4",
        ])
        .arg(format!("-sOutputFile={}", dir.join("p%d.tif").display()))
        .arg(pdf)
        .output()
        .expect("ghostscript (`gs`, Debian's ghostscript) is needed to cross-check the ink");
    assert!(
        output.status.success(),
        "gs: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut found = Plates {
        max_percent: 0.0,
        over_mm2: 0.0,
        separations: Vec::new(),
    };
    for page in 1..=pages {
        let mut total: Vec<u32> = Vec::new();
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name();
            let name = name.to_string_lossy();
            let prefix = format!("p{page}(");
            let Some(colorant) = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(").tif"))
            else {
                continue;
            };
            let plate = read_gray_tiff(&std::fs::read(dir.join(name.as_ref())).unwrap()).unwrap();
            if total.is_empty() {
                total = vec![0; plate.pixels.len()];
            }
            for (t, p) in total.iter_mut().zip(&plate.pixels) {
                *t += u32::from(*p);
            }
            names.push(colorant.to_string());
        }
        let percent = |v: u32| f64::from(v) / 255.0 * 100.0;
        let mm_per_cell = 25.4 / f64::from(ppi);
        let max = total.iter().copied().max().unwrap_or(0);
        found.max_percent = found.max_percent.max(percent(max));
        let over = total.iter().filter(|&&v| percent(v) > limit + 0.5).count();
        found.over_mm2 += over as f64 * mm_per_cell * mm_per_cell;
        names.sort();
        found.separations = names;
    }
    let _ = std::fs::remove_dir_all(&dir);
    found
}

struct Plate {
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
    Ok(Plate { pixels })
}
