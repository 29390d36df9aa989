//! Points, millimetres and pixels per inch: the page's three units, converted here only.

/// PostScript points in an inch (typst's `pt`).
pub const PT_PER_INCH: f64 = 72.0;
/// Millimetres in an inch.
pub const MM_PER_INCH: f64 = 25.4;
/// Millimetres in a point.
pub const MM_PER_PT: f64 = MM_PER_INCH / PT_PER_INCH;

/// `pt` points in millimetres.
pub const fn mm(pt: f64) -> f64 {
    pt * MM_PER_INCH / PT_PER_INCH
}

/// `pt` points in whole millimetres, as the desk measures a photo or a column.
pub fn whole_mm(pt: f64) -> u64 {
    mm(pt).round().max(0.0) as u64
}

/// `mm` millimetres in points.
pub const fn pt(mm: f64) -> f64 {
    mm * PT_PER_INCH / MM_PER_INCH
}

/// `inches` of `pt` points.
pub const fn inches(pt: f64) -> f64 {
    pt / PT_PER_INCH
}

/// The resolution of `pixels` drawn across `pt` points, in pixels per inch.
pub const fn ppi(pixels: f64, pt: f64) -> f64 {
    pixels / inches(pt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inch_is_72_points_and_25_4_millimetres() {
        assert_eq!(mm(72.0), 25.4);
        assert!((pt(25.4) - 72.0).abs() < 1e-12);
        assert_eq!(ppi(300.0, 72.0), 300.0);
        assert!((MM_PER_PT * 72.0 - 25.4).abs() < 1e-12);
    }
}
