//! Photos as typst gets them. A first layout uses tiny stand-ins of each photo's shape to learn
//! the size it is placed at; the final layout gets the original, or — when the original is far
//! sharper than print needs — a copy resampled to the house resolution. Typst so never decodes
//! an original it would not embed, and the PDF carries no wasted pixels.

use std::path::PathBuf;

use typst::foundations::Bytes;

use crate::content::{LoadedPage, PhotoView};
use crate::images;
use crate::preflight::{House, PlacedPhoto};
use crate::world::{PageWorld, ResampleKey};

/// Every photo of the page with its file, in page order.
pub fn photos(page: &LoadedPage) -> Vec<(&PhotoView, PathBuf)> {
    let view = &page.view;
    let all = view
        .lead_photo
        .iter()
        .chain(view.sections.iter().flat_map(|s| s.photos.iter()));
    all.map(|p| (p, page.root_path(&p.src))).collect()
}

/// Serves a stand-in for every photo: same proportions, a few pixels, unique bytes per photo.
pub fn serve_stand_ins(world: &mut PageWorld, page: &LoadedPage) {
    for (i, (photo, path)) in photos(page).into_iter().enumerate() {
        let bytes = images::stand_in(photo.width_px, photo.height_px, &path, i as u32);
        world.replace_file(&photo.src, Bytes::new(bytes));
    }
}

/// Given where the stand-ins landed, serves each photo for the final layout: resampled when its
/// original would be over the house's resampling threshold at that size, else the original.
pub fn serve_for_print(
    world: &mut PageWorld,
    page: &LoadedPage,
    placed: &[PlacedPhoto],
    house: &House,
) {
    let photos = photos(page);
    let mut jobs = Vec::new();
    for (photo, path) in &photos {
        let Some(at) = placed.iter().find(|p| p.src == photo.src) else {
            world.restore_file(&photo.src);
            continue;
        };
        let inches = at.placed_pt.0 / 72.0;
        let ppi = f64::from(photo.width_px) / inches;
        if ppi <= house.photo_downsample_ppi {
            world.restore_file(&photo.src);
            continue;
        }
        let width = (inches * house.photo_target_ppi).ceil().max(1.0) as u32;
        let height = ((f64::from(width) * f64::from(photo.height_px) / f64::from(photo.width_px))
            .round() as u32)
            .max(1);
        let Some(key) = key(path, (width, height)) else {
            world.restore_file(&photo.src);
            continue;
        };
        jobs.push((photo.src.clone(), path.clone(), key));
    }
    // Resample what no earlier build did, two at a time (each takes a decoded original in memory).
    let missing: Vec<_> = jobs
        .iter()
        .filter(|(_, _, key)| !world.resampled().contains_key(key))
        .cloned()
        .collect();
    for pair in missing.chunks(2) {
        let done: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|(_, path, key)| {
                    scope.spawn(move || {
                        let original = std::fs::read(path).ok()?;
                        images::resample(&original, key.3.0, key.3.1).ok()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        });
        for ((_, _, key), bytes) in pair.iter().zip(done) {
            if let Some(bytes) = bytes {
                world.resampled().insert(key.clone(), Bytes::new(bytes));
            }
        }
    }
    for (src, _, key) in jobs {
        match world.resampled().get(&key).cloned() {
            Some(bytes) => world.replace_file(&src, bytes),
            // Could not resample (typst will say why if the original is unreadable too).
            None => world.restore_file(&src),
        }
    }
}

/// Identifies a version of a file (by modification time and length) at a pixel size.
fn key(path: &PathBuf, size: (u32, u32)) -> Option<ResampleKey> {
    let meta = std::fs::metadata(path).ok()?;
    Some((path.clone(), meta.modified().ok()?, meta.len(), size))
}
