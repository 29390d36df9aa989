//! Photos separated for the press: decoded (EXIF rotation applied), resampled if asked,
//! converted from their own RGB profile (sRGB when they carry none) to the newsprint CMYK
//! profile with Little CMS, held within the house's total ink limit, and written as a CMYK
//! JPEG. typst embeds a JPEG as it is (krilla marks CMYK JPEGs `DeviceCMYK`, Adobe-inverted),
//! so the page carries exactly these separations and the output intent says what they mean.

use std::io::Cursor;

use crate::engine::press::Press;
use image::{DynamicImage, ImageDecoder, ImageReader};

/// JPEG quality of a separated photo, as for resampled ones (see `images::resample`).
const QUALITY: u8 = 90;

/// A CMYK JPEG of the photo in `bytes`, `size` pixels if given (else its own size), no pixel's
/// C+M+Y+K over `ink_limit` percent.
pub fn separate(
    bytes: &[u8],
    size: Option<(u32, u32)>,
    ink_limit: f64,
    press: &[u8],
) -> Result<Vec<u8>, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(crate::images::MAX_SIDE);
    limits.max_image_height = Some(crate::images::MAX_SIDE);
    limits.max_alloc = Some(crate::images::MAX_DECODED_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().ok();
    let embedded = decoder.icc_profile().ok().flatten();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    if let Some((w, h)) = size {
        picture = picture.thumbnail_exact(w, h);
    }
    let rgb = picture.into_rgb8();
    let (width, height) = rgb.dimensions();
    let pixels: Vec<[u8; 3]> = rgb
        .into_raw()
        .chunks_exact(3)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut cmyk = Press::rgb_to_press(&pixels, embedded.as_deref(), press)?;
    limit_ink(&mut cmyk, ink_limit);
    let flat: Vec<u8> = cmyk.into_iter().flatten().collect();
    let (w, h) = (
        u16::try_from(width).map_err(|_| "photo too wide for JPEG")?,
        u16::try_from(height).map_err(|_| "photo too tall for JPEG")?,
    );
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, QUALITY)
        .encode(&flat, w, h, jpeg_encoder::ColorType::Cmyk)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Holds every pixel's total ink within `limit` percent by taking C, M and Y down together,
/// black kept: the profile is built to 240 %, but its tables interpolate and a house limit may
/// be lower. (JPEG's rounding then moves single pixels by a few percent either way: the
/// caller asks for a limit with a margin, `photo-ink-margin`.)
pub fn limit_ink(pixels: &mut [[u8; 4]], limit: f64) {
    let max = ((limit / 100.0 * 255.0).floor() as i32).max(0);
    for p in pixels {
        let total: i32 = p.iter().map(|&v| i32::from(v)).sum();
        if total <= max {
            continue;
        }
        let k = i32::from(p[3]).min(max);
        p[3] = k as u8;
        let cmy: i32 = p[..3].iter().map(|&v| i32::from(v)).sum();
        let room = max - k;
        if cmy > 0 {
            for v in &mut p[..3] {
                *v = (i32::from(*v) * room / cmy) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tac(p: [u8; 4]) -> f64 {
        p.iter().map(|&v| f64::from(v)).sum::<f64>() / 255.0 * 100.0
    }

    #[test]
    fn black_and_dark_colours_stay_within_the_limit() {
        let pixels = [
            [0, 0, 0],
            [20, 10, 40],
            [60, 0, 0],
            [0, 0, 60],
            [255, 255, 255],
        ];
        let mut cmyk = Press::rgb_to_press(&pixels, None, crate::engine::press::PROFILE).unwrap();
        limit_ink(&mut cmyk, 240.0);
        for p in &cmyk[..4] {
            assert!(tac(*p) <= 240.0, "{p:?} is {:.0} %", tac(*p));
        }
        // Black is mostly K (strong GCR), white prints no ink.
        assert!(cmyk[0][3] > 200, "black {:?}", cmyk[0]);
        assert!(tac(cmyk[4]) < 1.0, "white {:?}", cmyk[4]);
    }

    #[test]
    fn a_lower_house_limit_takes_colour_not_black() {
        let mut p = [[200, 180, 180, 230]];
        limit_ink(&mut p, 200.0);
        assert!(tac(p[0]) <= 200.0);
        assert_eq!(p[0][3], 230);
        assert!(p[0][0] > p[0][1], "proportions kept: {:?}", p[0]);
    }

    #[test]
    fn writes_a_cmyk_jpeg_of_the_asked_size() {
        let mut png = Cursor::new(Vec::new());
        image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 90]))
            .write_to(&mut png, image::ImageFormat::Png)
            .unwrap();
        let jpeg = separate(
            png.get_ref(),
            Some((20, 15)),
            240.0,
            crate::engine::press::PROFILE,
        )
        .unwrap();
        let decoder = image::codecs::jpeg::JpegDecoder::new(Cursor::new(&jpeg)).unwrap();
        assert_eq!(decoder.dimensions(), (20, 15));
        // An Adobe APP14 marker: the JPEG holds CMYK, not RGB.
        assert!(jpeg.windows(5).any(|w| w == b"Adobe"));
    }
}
