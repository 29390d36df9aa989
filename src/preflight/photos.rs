//! Photos as placed: pixel size, placed size, effective resolution; too coarse for newsprint is
//! a warning or an error, far too fine is resampled before embedding.

use crate::units::ppi;
use serde::Serialize;
use serde_json::json;
use typst::foundations::Bytes;
use typst::layout::FrameItem;
use typst::visualize::ImageKind;
use typst_layout::PagedDocument;

use super::{Area, Finding, House, Severity, frames};
use crate::content::{LoadedPage, t};
use crate::engine::world::PageWorld;

/// One photo as it landed on the page.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedPhoto {
    /// Root-relative path, as in the page data.
    pub src: String,
    pub story: String,
    /// The file's own pixel size.
    pub original_pixels: (u32, u32),
    /// Pixels embedded (fewer than the original when resampled).
    pub pixels: (u32, u32),
    /// Drawn size in pt (for a cropped photo, the whole picture, of which part shows).
    pub placed_pt: (f64, f64),
    /// Effective resolution at that size, the lower of the two axes.
    pub ppi: f64,
    /// Where the picture is drawn (for a cropped photo, the whole picture, of which part shows).
    #[serde(skip)]
    pub area: Area,
    /// Line and column of its `file:` in the page's YAML.
    #[serde(skip)]
    pub at: (usize, usize),
    /// The most a crop may cut of it, as the YAML allows (`crop:`), if it says.
    #[serde(skip)]
    pub max_crop: Option<f64>,
}

impl PlacedPhoto {
    /// Placed size in millimetres.
    pub fn placed_mm(&self) -> (f64, f64) {
        (
            crate::units::mm(self.placed_pt.0),
            crate::units::mm(self.placed_pt.1),
        )
    }
}

/// The page's photos found in the laid-out document, matched to the page data by the bytes
/// typst was given for them.
pub fn placed(page: &LoadedPage, document: &PagedDocument, world: &PageWorld) -> Vec<PlacedPhoto> {
    let photos = photo_list(page);
    let files: Vec<Option<Bytes>> = photos
        .iter()
        .map(|listed| world.served(&listed.src))
        .collect();
    let mut out = Vec::new();
    for placed in frames::placed(document) {
        let FrameItem::Image(image, size, _) = placed.item else {
            continue;
        };
        let ImageKind::Raster(raster) = image.kind() else {
            continue;
        };
        let data = raster.data().as_slice();
        let Some(i) = files.iter().position(|f| f.as_deref() == Some(data)) else {
            continue;
        };
        let Some(listed) = photos.get(i) else {
            continue;
        };
        let width = size.x.to_pt() * placed.transform.sx.get();
        let height = size.y.to_pt() * placed.transform.sy.get();
        let (px, py) = (raster.width(), raster.height());
        let ppi = ppi(px as f64, width).min(ppi(py as f64, height));
        let round = |v: f64, places: f64| (v * places).round() / places;
        let (width, height, ppi) = (round(width, 100.0), round(height, 100.0), round(ppi, 10.0));
        out.push(PlacedPhoto {
            src: listed.src.clone(),
            story: listed.story.clone(),
            original_pixels: listed.pixels,
            pixels: (px, py),
            placed_pt: (width, height),
            ppi,
            area: super::ink::image_area(&placed, *size),
            at: listed.at,
            max_crop: listed.max_crop,
        });
    }
    out
}

/// A photo of the page as its YAML gives it.
struct Listed {
    src: String,
    story: String,
    pixels: (u32, u32),
    /// Line and column of its `file:`.
    at: (usize, usize),
    max_crop: Option<f64>,
}

/// Every photo on the page, from the page's one walk.
fn photo_list(page: &LoadedPage) -> Vec<Listed> {
    page.view
        .photos()
        .into_iter()
        .map(|e| Listed {
            src: e.photo.src.clone(),
            story: e.story.to_string(),
            pixels: (e.photo.width_px, e.photo.height_px),
            at: page.positions.value(&format!("{}.file", e.path)),
            max_crop: e.photo.crop,
        })
        .collect()
}

pub fn check(photos: &[PlacedPhoto], house: &House) -> Vec<Finding> {
    photos
        .iter()
        .filter(|p| p.ppi < house.photo_warn_ppi)
        .map(|p| {
            let error = p.ppi < house.photo_error_ppi;
            let file = p.src.rsplit('/').next().unwrap_or(&p.src);
            let (line, column) = p.at;
            Finding {
                severity: if error { Severity::Error } else { Severity::Warning },
                check: "photo-resolution",
                message: t!(
                    "photo-coarse",
                    story = p.story,
                    file = file,
                    ppi = format!("{:.0}", p.ppi),
                    width = p.pixels.0,
                    height = p.pixels.1,
                    mm_wide = format!("{:.0}", p.placed_mm().0),
                    mm_high = format!("{:.0}", p.placed_mm().1),
                    needed = format!("{:.0}", house.photo_warn_ppi),
                    // The pixels this placement needs: the make-up, not the desk, sizes a
                    // photo (at least a column wide), so a larger original is the remedy.
                    need_wide = (p.placed_pt.0 / 72.0 * house.photo_warn_ppi).ceil() as u64,
                    need_high = (p.placed_pt.1 / 72.0 * house.photo_warn_ppi).ceil() as u64
                ),
                story: Some(p.story.clone()),
                line,
                column,
                details: json!({ "file": p.src, "ppi": p.ppi.round(), "pixels": p.pixels, "placed_pt": p.placed_pt }),
                areas: vec![p.area],
            }
        })
        .collect()
}
