//! The press pages are made for ([`Press`]): its CMYK output profile, which photos are
//! separated through, ink is measured against and the PDF/X's output intent embeds
//! (`output::pdfx::intent`). banmian ships one,
//! a newsprint profile (`profiles/README.md` says where it comes from); a paper printing on
//! another stock names its plant's in the house style (`press-profile` in layout/style.typ) or
//! on the command line (`--icc FILE`).

use std::path::Path;
use std::sync::Arc;

use lcms2::{
    ColorSpaceSignature, InfoType, Intent, Locale, PixelFormat, Profile, ProfileClassSignature,
    Transform,
};

/// The shipped profile: coldset offset on newsprint, 240 % total ink.
pub const PROFILE: &[u8] = include_bytes!("../../profiles/newsprint.icc");

/// A CMYK output profile and what the output intent says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Press {
    /// The profile's bytes (embedded as the intent's `DestOutputProfile`).
    pub icc: Arc<Vec<u8>>,
    /// `OutputCondition`: the printing condition in words.
    pub condition: String,
    /// `Info`: the profile's own description.
    pub info: String,
    /// Identifies the profile for cache keys (photos separated through it, ink measured).
    pub hash: u128,
}

impl Press {
    /// banmian's newsprint press.
    pub fn newsprint() -> Press {
        Press {
            icc: Arc::new(PROFILE.to_vec()),
            condition:
                "Coldset offset lithography on newsprint, ISO 12647-3 aims, 240% total area coverage"
                    .into(),
            info: "banmian newsprint (synthetic ISO 12647-3 coldset, 240% TAC)".into(),
            hash: typst::utils::hash128(&PROFILE),
        }
    }

    /// RGB pixels to the CMYK of the press profile `press` (ICC bytes; 0–255 = 0–100 % ink),
    /// perceptual intent: the profile's perceptual table maps the photo's gamut into the
    /// press's and carries its black generation and ink limit. An embedded profile that is not
    /// RGB (or not readable) is ignored for sRGB, what cameras and the web mean by untagged RGB.
    pub fn rgb_to_press(
        pixels: &[[u8; 3]],
        embedded: Option<&[u8]>,
        press: &[u8],
    ) -> Result<Vec<[u8; 4]>, String> {
        let source = embedded
            .and_then(|icc| Profile::new_icc(icc).ok())
            .filter(|p| p.color_space() == lcms2::ColorSpaceSignature::RgbData)
            .unwrap_or_else(Profile::new_srgb);
        let press = Profile::new_icc(press).map_err(|e| format!("press profile: {e}"))?;
        let transform: Transform<[u8; 3], [u8; 4]> = Transform::new(
            &source,
            PixelFormat::RGB_8,
            &press,
            PixelFormat::CMYK_8,
            Intent::Perceptual,
        )
        .map_err(|e| format!("cannot convert to CMYK: {e}"))?;
        let mut out = vec![[0u8; 4]; pixels.len()];
        transform.transform_pixels(pixels, &mut out);
        Ok(out)
    }

    /// RGB pixels to this press's CMYK ([`Press::rgb_to_press`] with its profile).
    pub fn convert(&self, pixels: &[[u8; 3]]) -> Result<Vec<[u8; 4]>, String> {
        Press::rgb_to_press(pixels, None, &self.icc)
    }

    /// The press whose profile is the file at `path`; refused unless it is an ICC output
    /// (printer) profile for CMYK that converts from the colour of photos.
    pub fn load(path: &Path) -> Result<Press, String> {
        let bytes = std::fs::read(path)
            .map_err(|e| crate::content::t!("icc-unreadable", path = path.display(), error = e))?;
        Press::from_icc(bytes).map_err(|why| format!("{}: {why}", path.display()))
    }

    /// The press whose profile is `bytes`, checked as [`Press::load`] says.
    pub fn from_icc(bytes: Vec<u8>) -> Result<Press, String> {
        let profile = Profile::new_icc(&bytes).map_err(|_| crate::content::t!("icc-not-icc"))?;
        let class = profile.device_class();
        let space = profile.color_space();
        if class != ProfileClassSignature::OutputClass || space != ColorSpaceSignature::CmykData {
            return Err(crate::content::t!(
                "icc-not-cmyk-output",
                class = class_name(class),
                space = space_name(space)
            ));
        }
        // Photos are separated through it: it must convert towards the press.
        let to_press = lcms2::Transform::<[u8; 3], [u8; 4]>::new(
            &Profile::new_srgb(),
            lcms2::PixelFormat::RGB_8,
            &profile,
            lcms2::PixelFormat::CMYK_8,
            lcms2::Intent::Perceptual,
        );
        if to_press.is_err() {
            return Err(crate::content::t!("icc-no-table"));
        }
        let info = profile
            .info(InfoType::Description, Locale::none())
            .filter(|d| !d.trim().is_empty())
            .unwrap_or_else(|| "CMYK output profile".into());
        Ok(Press {
            hash: typst::utils::hash128(&bytes),
            icc: Arc::new(bytes),
            condition: info.clone(),
            info,
        })
    }
}

/// A profile's class, as `icc-not-cmyk-output` names it.
fn class_name(class: ProfileClassSignature) -> &'static str {
    match class {
        ProfileClassSignature::InputClass => "input",
        ProfileClassSignature::DisplayClass => "display",
        ProfileClassSignature::OutputClass => "output",
        ProfileClassSignature::LinkClass => "link",
        ProfileClassSignature::AbstractClass => "abstract",
        ProfileClassSignature::ColorSpaceClass => "space",
        ProfileClassSignature::NamedColorClass => "named",
        _ => "other",
    }
}

/// A profile's colour space, as `icc-not-cmyk-output` names it.
fn space_name(space: ColorSpaceSignature) -> &'static str {
    match space {
        ColorSpaceSignature::RgbData => "rgb",
        ColorSpaceSignature::GrayData => "grey",
        ColorSpaceSignature::CmykData => "cmyk",
        ColorSpaceSignature::LabData => "lab",
        ColorSpaceSignature::XYZData => "xyz",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_profile_is_a_cmyk_press_and_others_are_refused_with_what_they_are() {
        let newsprint = Press::from_icc(PROFILE.to_vec()).unwrap();
        assert!(newsprint.info.contains("newsprint"), "{}", newsprint.info);
        assert_eq!(newsprint.hash, Press::newsprint().hash);
        let srgb = Profile::new_srgb().icc().unwrap();
        let refused = Press::from_icc(srgb).unwrap_err();
        assert!(
            refused.contains("not a CMYK output (printer) profile"),
            "{refused}"
        );
        assert!(refused.contains("RGB"), "{refused}");
        let refused = Press::from_icc(b"not a profile".to_vec()).unwrap_err();
        assert!(refused.contains("not an ICC profile"), "{refused}");
    }
}
