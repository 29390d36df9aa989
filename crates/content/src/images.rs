//! Reading photos safely: headers first, with limits, so a bad file is an error, not a crash or
//! an out-of-memory; and resampling photos far sharper than print needs.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// Largest image we accept, in pixels per side and in decoded bytes.
pub const MAX_SIDE: u32 = 20_000;
pub const MAX_DECODED_BYTES: u64 = 512 * 1024 * 1024;

/// A photo's file format, read from its bytes (never from its name).
/// Serialized as the name typst's `image(format: ..)` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PhotoFormat {
    #[serde(rename = "jpg")]
    Jpeg,
    #[serde(rename = "png")]
    Png,
}

impl PhotoFormat {
    fn image_format(self) -> ImageFormat {
        match self {
            Self::Jpeg => ImageFormat::Jpeg,
            Self::Png => ImageFormat::Png,
        }
    }
}

/// What the header of a photo says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoInfo {
    /// Pixel size as displayed (EXIF rotation applied).
    pub width: u32,
    pub height: u32,
    pub format: PhotoFormat,
}

/// The format of `bytes`: JPEG or PNG, or a word for what it is instead (`webp`, `gif`,
/// `heic`…, `empty`, `other`: the `kind` message `photo-not-jpeg-png` names).
pub fn sniff(bytes: &[u8]) -> Result<PhotoFormat, &'static str> {
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        return Ok(PhotoFormat::Jpeg);
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return Ok(PhotoFormat::Png);
    }
    let brand = bytes.get(8..12).unwrap_or_default();
    Err(if at(0, b"RIFF") && at(8, b"WEBP") {
        "webp"
    } else if at(0, b"GIF8") {
        "gif"
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        "tiff"
    } else if at(0, b"BM") {
        "bmp"
    } else if at(4, b"ftyp")
        && matches!(
            brand,
            b"heic" | b"heix" | b"hevc" | b"heim" | b"heis" | b"mif1" | b"msf1"
        )
    {
        "heic"
    } else if at(4, b"ftyp") && matches!(brand, b"avif" | b"avis") {
        "avif"
    } else if at(0, &[0, 0, 0, 0x0C, b'j', b'P']) || at(0, &[0xFF, 0x4F, 0xFF, 0x51]) {
        "jpeg2000"
    } else if at(0, b"8BPS") {
        "photoshop"
    } else if at(0, b"%PDF") {
        "pdf"
    } else if bytes.iter().take(512).any(|&b| b == b'<')
        && String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).contains("<svg")
    {
        "svg"
    } else if bytes.is_empty() {
        "empty"
    } else {
        "other"
    })
}

/// Reads a photo's header: format, and pixel size as displayed (EXIF rotation applied),
/// without decoding the pixels. Refuses folders, files too large, files that are not JPEG or
/// PNG (naming what they are), truncated files and absurd sizes.
pub fn inspect(path: &Path) -> Result<PhotoInfo, String> {
    let limit = crate::limits::PHOTO_BYTES;
    let named = |problem: crate::files::Unreadable| match problem {
        crate::files::Unreadable::Folder => crate::t!("photo-folder"),
        problem => problem.to_string(),
    };
    // The size from the metadata first: a photo over the limit is refused unread.
    let meta = crate::files::regular(path).map_err(named)?;
    if limit.exceeded_by(meta.len()) {
        return Err(limit.message("photo-file", meta.len()));
    }
    let (bytes, size) = crate::files::read_at_most(path, limit.max).map_err(named)?;
    if limit.exceeded_by(size) {
        return Err(limit.message("photo-file", size));
    }
    inspect_bytes(&bytes)
}

/// A photo file's header read from its bytes: as [`inspect`], without the file system.
pub fn inspect_bytes(bytes: &[u8]) -> Result<PhotoInfo, String> {
    let format = sniff(bytes).map_err(|kind| crate::t!("photo-not-jpeg-png", kind = kind))?;
    let image_format = format.image_format();
    if !is_complete(bytes, image_format) {
        return Err(crate::t!("photo-truncated"));
    }
    // The header alone gives the size: check it before anything allocates for the pixels.
    let (w, h) = ImageReader::with_format(Cursor::new(bytes), image_format)
        .into_dimensions()
        .map_err(|err| crate::t!("photo-damaged-header", error = err))?;
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(crate::t!(
            "photo-too-large",
            width = w,
            height = h,
            max = MAX_SIDE
        ));
    }
    let pixels = crate::limits::PHOTO_PIXELS;
    if pixels.exceeded_by(u64::from(w) * u64::from(h)) {
        return Err(crate::t!(
            "photo-scale-down",
            limit = pixels.message("photo", u64::from(w) * u64::from(h))
        ));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    reader.limits(limits());
    let mut decoder = reader
        .into_decoder()
        .map_err(|err| crate::t!("photo-damaged-header", error = err))?;
    let turned = decoder.orientation().is_ok_and(|o| {
        use image::metadata::Orientation::*;
        matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    });
    let (width, height) = if turned { (h, w) } else { (w, h) };
    Ok(PhotoInfo {
        width,
        height,
        format,
    })
}

/// Decodes a photo in full, within the limits, to learn whether its pixels (not only its
/// header) are sound. Slow: for finding which photo a failed layout tripped on.
pub fn decode(bytes: &[u8]) -> Result<(), String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    reader.limits(limits());
    reader.decode().map(drop).map_err(|e| e.to_string())
}

/// Whether the file holds its closing marker: a JPEG's EOI, a PNG's IEND chunk.
fn is_complete(bytes: &[u8], format: ImageFormat) -> bool {
    match format {
        // Some cameras pad after EOI, so look for it near the end rather than at it.
        ImageFormat::Jpeg => bytes[bytes.len().saturating_sub(4096)..]
            .windows(2)
            .any(|w| w == [0xFF, 0xD9]),
        ImageFormat::Png => {
            bytes.len() >= 12 && &bytes[bytes.len() - 8..bytes.len() - 4] == b"IEND"
        }
        _ => true,
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    limits
}

/// Decodes `bytes` (EXIF rotation applied) and resamples it to `width` × `height` pixels,
/// re-encoded as JPEG (quality 90) or, for PNG sources, PNG. Deterministic for the same input.
pub fn resample(bytes: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    reader.limits(limits());
    let format = reader.format();
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().ok();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    // Area averaging: fast, and the right filter when shrinking by 1.3× or more.
    let resized = picture.thumbnail_exact(width, height);
    let mut out = Cursor::new(Vec::new());
    if format == Some(ImageFormat::Png) {
        resized
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| e.to_string())?;
    } else {
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
        resized
            .into_rgb8()
            .write_with_encoder(encoder)
            .map_err(|e| e.to_string())?;
    }
    Ok(out.into_inner())
}

/// A tiny image of the same proportions as a `width` × `height` photo, in the photo's format
/// (the template names the format to typst), unique to `tag` so that no two stand-ins of one
/// page have the same bytes.
pub fn stand_in(width: u32, height: u32, like: PhotoFormat, tag: u32) -> Vec<u8> {
    let divisor = gcd(width, height).max(1);
    let (mut w, mut h) = (width / divisor, height / divisor);
    // Proportions that do not reduce well: 256 pixels on the long side keep them within 0.4 %.
    if w.max(h) > 256 {
        let scale = 256.0 / f64::from(w.max(h));
        (w, h) = (
            ((f64::from(w) * scale).round() as u32).max(1),
            ((f64::from(h) * scale).round() as u32).max(1),
        );
    }
    let [a, b, c, _] = tag.to_le_bytes();
    let picture = image::RgbImage::from_pixel(w, h, image::Rgb([a, b, c]));
    let format = like.image_format();
    let mut out = Cursor::new(Vec::new());
    picture
        .write_to(&mut out, format)
        .expect("a tiny image encodes in memory");
    let mut bytes = out.into_inner();
    if format == ImageFormat::Jpeg {
        // JPEG may round two colours alike: a comment segment after SOI keeps them apart.
        let comment = format!("banmian stand-in {tag}");
        let mut segment = vec![0xFF, 0xFE];
        segment.extend(((comment.len() + 2) as u16).to_be_bytes());
        segment.extend(comment.as_bytes());
        bytes.splice(2..2, segment);
    }
    bytes
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}
