//! Photos as typst gets them, and the make-up between the two layouts of a page. A first
//! layout uses tiny stand-ins of each photo's shape: it measures the page for the make-up
//! (`makeup::measures`); for a template that does not make up by plan, it shows where each
//! photo is placed.
//! The final layout draws the make-up's plan with each photo at print resolution: the original
//! or, when the original is far sharper than print needs, a copy resampled to the house
//! resolution. Typst so never decodes an original it would not embed, and the PDF carries no
//! wasted pixels. Resampled copies are remembered across builds (see `cache`).

use std::path::PathBuf;

use typst::diag::SourceDiagnostic;
use typst::foundations::Bytes;

use crate::cache::ResampleKey;
use crate::compile::{self, Compiled};
use crate::content::{LoadedPage, PhotoView};
use crate::images;
use crate::makeup;
use crate::preflight::{self, House};
use crate::world::PageWorld;

/// Lays the page out, made up, with every photo at print resolution.
pub fn lay_out(
    world: &mut PageWorld,
    page: &LoadedPage,
) -> Result<Compiled, Vec<SourceDiagnostic>> {
    compile::serve(world, page, None);
    serve_stand_ins(world, page);
    let first = compile::recompile(world)?;
    let house = preflight::marks::house(&first.document);
    let mut widths = placed_widths(world, page, &first);
    let measures = makeup::measures(&first.document).map_err(|message| {
        vec![SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            message,
        )]
    })?;
    let mut made_up = None;
    if let Some(measures) = measures {
        let plan = makeup::solve_memoized(&measures);
        compile::serve(world, page, Some(&plan));
        let sections = &page.view.sections;
        widths.extend(plan.photos().filter_map(|p| {
            let photo = match p.section {
                Some(s) => &sections[s].photos[p.index],
                None => page.view.lead_photo.as_ref()?,
            };
            Some((photo.src.clone(), p.drawn.0))
        }));
        made_up = Some(plan);
    }
    drop(first);
    serve_for_print(world, page, &widths, Some(&house));
    let mut compiled = compile::recompile(world)?;
    compiled.plan = made_up;
    Ok(compiled)
}

/// Every photo of the page with its file, in page order.
fn photos(page: &LoadedPage) -> Vec<(&PhotoView, PathBuf)> {
    page.view
        .photos()
        .into_iter()
        .map(|e| (e.photo, page.root_path(&e.photo.src)))
        .collect()
}

/// Serves a stand-in for every photo: same proportions, a few pixels, unique bytes per photo.
fn serve_stand_ins(world: &mut PageWorld, page: &LoadedPage) {
    for (i, (photo, _)) in photos(page).into_iter().enumerate() {
        let bytes = images::stand_in(photo.width_px, photo.height_px, photo.format, i as u32);
        world.replace_file(&photo.src, Bytes::new(bytes));
    }
}

/// (src, placed width in pt) of every photo found in a layout.
fn placed_widths(world: &PageWorld, page: &LoadedPage, compiled: &Compiled) -> Vec<(String, f64)> {
    preflight::photos::placed(page, &compiled.document, world)
        .into_iter()
        .map(|p| (p.src, p.placed_pt.0))
        .collect()
}

/// Serves each photo for print given the width it is placed at: resampled when its original
/// would be over the house's resampling threshold there, else the original. Without the house
/// settings yet (a remembered layout), the defaults are assumed and returned for checking.
fn serve_for_print(
    world: &mut PageWorld,
    page: &LoadedPage,
    widths: &[(String, f64)],
    house: Option<&House>,
) -> Option<House> {
    let assumed = house.is_none().then(House::default);
    let house = house.or(assumed.as_ref()).expect("one of them is set");
    let mut jobs = Vec::new();
    for (photo, path) in photos(page) {
        let Some((_, width)) = widths.iter().find(|(src, _)| *src == photo.src) else {
            world.restore_file(&photo.src);
            continue;
        };
        let inches = width / 72.0;
        let target = (inches * house.photo_target_ppi).ceil().max(1.0) as u32;
        let size = (
            target,
            ((f64::from(target) * f64::from(photo.height_px) / f64::from(photo.width_px)).round()
                as u32)
                .max(1),
        );
        match key(&path, size) {
            Some(key) if f64::from(photo.width_px) / inches > house.photo_downsample_ppi => {
                jobs.push((photo.src.clone(), path, key))
            }
            _ => world.restore_file(&photo.src),
        }
    }
    let missing: Vec<_> = jobs
        .iter()
        .filter(|(_, _, key)| world.photos.resampled(key).is_none())
        .cloned()
        .collect();
    // Two at a time: each holds a decoded original in memory.
    for pair in missing.chunks(2) {
        let done: Vec<Option<Vec<u8>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|(_, path, key)| {
                    scope.spawn(move || {
                        images::resample(&std::fs::read(path).ok()?, key.3.0, key.3.1).ok()
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
                world.photos.store_resampled(key.clone(), Bytes::new(bytes));
            }
        }
    }
    for (src, _, key) in jobs {
        match world.photos.resampled(&key) {
            Some(bytes) => world.replace_file(&src, bytes),
            // Could not resample: typst gets the original (and says why if it cannot read it).
            None => world.restore_file(&src),
        }
    }
    assumed
}

/// Identifies a version of a file (by modification time and length) at a pixel size.
fn key(path: &std::path::Path, size: (u32, u32)) -> Option<ResampleKey> {
    let (path, modified, len) = crate::cache::version(path)?;
    Some((path, modified, len, size))
}
