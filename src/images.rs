//! Reading photos safely: headers first, with limits, so a bad file is an error, not a crash.

use std::path::Path;

/// Largest image we accept, in pixels per side and in decoded bytes.
pub const MAX_SIDE: u32 = 20_000;
pub const MAX_DECODED_BYTES: u64 = 512 * 1024 * 1024;

/// Pixel size from the file's header, without decoding it.
pub fn dimensions(path: &Path) -> Result<(u32, u32), String> {
    let reader = image::ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|err| format!("cannot read it ({err})"))?;
    if reader.format().is_none() {
        return Err("not an image banmian can read (use JPEG or PNG)".into());
    }
    let (w, h) = reader
        .into_dimensions()
        .map_err(|err| format!("damaged or unsupported image ({err})"))?;
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(format!(
            "{w} × {h} pixels is outside what a page can use (at most {MAX_SIDE} per side)"
        ));
    }
    Ok((w, h))
}
