//! What a paint puts on the plates ([`Ink`]) and how opaque it is: process CMYK as it is (pure
//! K overprinting), grey as black ink alone (DeviceGray), other process colours through
//! typst's conversion, a spot colour on its own plate (`all`: every plate). Gradients are
//! measured at their darkest stop, the limit being a maximum; tilings are not measured.

use typst::visualize::{Color, Paint, ProcessColor, SpotColorantName};

use super::plates::{Ink, Plates};

/// The ink `paint` puts down and its opacity, or why it is not measured. A spot colour's
/// plate is added to `plates` on first use.
pub fn ink_of(paint: &Paint, plates: &mut Plates) -> Result<(Ink, f32), String> {
    let color = match paint {
        Paint::Solid(color) => color.clone(),
        Paint::Gradient(gradient) => gradient
            .stops_ref()
            .iter()
            .map(|(c, _)| c.clone())
            .max_by(|a, b| total(a).total_cmp(&total(b)))
            .ok_or_else(|| crate::content::t!("unmeasured-gradient"))?,
        Paint::Tiling(_) => return Err(crate::content::t!("unmeasured-tiling")),
    };
    Ok(ink_of_color(&color, plates))
}

/// A colour's total ink as typst converts it to CMYK, for choosing a gradient's darkest stop.
fn total(color: &Color) -> f32 {
    ProcessColor::Cmyk(color.to_cmyk())
        .to_vec4()
        .iter()
        .sum::<f32>()
}

fn ink_of_color(color: &Color, plates: &mut Plates) -> (Ink, f32) {
    match color {
        Color::Process(cmyk @ ProcessColor::Cmyk(_)) => (Ink::process(cmyk.to_vec4()), 1.0),
        // Grey is written as DeviceGray: black ink only, and never overprints.
        Color::Process(ProcessColor::Luma(l)) => {
            let ink = Ink {
                plates: vec![(0, 0.0), (1, 0.0), (2, 0.0), (3, 1.0 - l.luma)],
                overprint: false,
            };
            (ink, l.alpha)
        }
        Color::Process(other) => {
            let alpha = Color::Process(*other).alpha().unwrap_or(1.0);
            let mut ink = Ink::process(ProcessColor::Cmyk(other.to_cmyk()).to_vec4());
            ink.overprint = false;
            (ink, alpha)
        }
        Color::Spot(spot) => {
            let tint = spot.tint.get() as f32;
            let inked = match &spot.colorant.name {
                Some(SpotColorantName::All) => (0..plates.count()).map(|p| (p, tint)).collect(),
                Some(SpotColorantName::Custom(name)) => vec![(plates.spot(name), tint)],
                None => return ink_of_color(&Color::Process(spot.fallback()), plates),
            };
            let ink = Ink {
                plates: inked,
                overprint: false,
            };
            (ink, 1.0)
        }
    }
}
