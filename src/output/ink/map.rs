//! A picture of the ink (`--ink-map FILE.png`): each cell of the sheet a pixel, white where it
//! carries no ink and darker grey the more it carries, red where it is over the house limit,
//! so the desk sees which photo to lighten instead of reading coordinates.

use super::PageInk;

/// The map of `page` against `limit` percent, as PNG bytes.
pub fn png(page: &PageInk, limit: f64) -> Result<Vec<u8>, String> {
    let mut picture = image::RgbImage::new(page.width as u32, page.height as u32);
    for (pixel, &total) in picture.pixels_mut().zip(&page.totals) {
        *pixel = image::Rgb(colour(f64::from(total), limit));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| format!("cannot write the ink map: {e}"))?;
    Ok(out.into_inner())
}

/// Grey from white (no ink) to dark grey (at the limit); over it, red, stronger the further over.
fn colour(total: f64, limit: f64) -> [u8; 3] {
    if total > limit + 0.5 {
        let over = ((total - limit) / 60.0).clamp(0.0, 1.0);
        return [
            255,
            (110.0 * (1.0 - over)) as u8,
            (110.0 * (1.0 - over)) as u8,
        ];
    }
    let grey = 255.0 - (total / limit).clamp(0.0, 1.0) * 200.0;
    [grey as u8; 3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_the_limit_is_red_and_under_it_grey() {
        assert_eq!(colour(0.0, 240.0), [255, 255, 255]);
        let [r, g, b] = colour(200.0, 240.0);
        assert!(r == g && g == b && r < 120);
        let [r, g, b] = colour(260.0, 240.0);
        assert!(r == 255 && g < 110 && g == b);
    }
}
