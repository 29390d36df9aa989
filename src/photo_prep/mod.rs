//! Photos as typst gets them, and the make-up between the two layouts of a page. A first
//! layout uses tiny stand-ins of each photo's shape: it measures the page for the make-up
//! (`template::measures`); for a template that does not make up by plan, it shows where each
//! photo is placed.
//! The final layout draws the make-up's plan with each photo at print resolution: the original
//! or, when the original is far sharper than print needs, a copy resampled to the house
//! resolution. Typst so never decodes an original it would not embed, and the PDF carries no
//! wasted pixels. For the press (PDF/X), every photo is also separated into the newsprint
//! profile's CMYK within the house ink limit (`separate`). Resampled and separated copies are
//! remembered across builds (see `cache`).

pub mod head_start;
pub mod separate;

use std::path::PathBuf;
use std::sync::Arc;

use typst::foundations::Bytes;

use crate::content::{LoadedPage, PhotoView};
use crate::engine::cache::ResampleKey;
use crate::engine::compile::{self, Compiled};
use crate::engine::press::Press;
use crate::engine::world::{PageWorld, PressError};
use crate::failure::Failure;
use crate::images;
use crate::laps::Laps;
use crate::makeup;
use crate::preflight;
use crate::template::{self, House};

/// Lays the page out, made up, with every photo at print resolution; with the house settings
/// the template published and, when photos are separated for the press, the press.
/// Each step is timed in `laps`: `measure` (the first layout, read), `makeup` (the plan solved,
/// for a template that makes up by plan), `photos` (served for print and decoded) and `layout`
/// (the final one).
pub fn lay_out(
    world: &mut PageWorld,
    page: &LoadedPage,
    laps: &mut Laps,
) -> Result<(Compiled, House, Option<Arc<Press>>), Failure> {
    let ahead = head_start::HeadStart::start(&page.file, world.separates_photos());
    compile::serve(world, page, None);
    serve_stand_ins(world, page);
    let first = compile::recompile(world).map_err(Failure::Typst)?;
    let house = template::house(&first.document).map_err(Failure::Template)?;
    let press = match world.separates_photos() {
        true => Some(world.press(&house).map_err(|e| match e {
            PressError::CommandLine(why) => Failure::Refused(why),
            PressError::House(why) => Failure::Template(why),
        })?),
        false => None,
    };
    let mut widths = placed_widths(world, page, &first);
    let measures = template::measures(&first.document).map_err(Failure::Template)?;
    let mut made_up = None;
    laps.lap("measure");
    if let Some(measures) = measures {
        dump_measures(&measures);
        let plan = makeup::solve_memoized(&measures);
        laps.lap("makeup");
        compile::serve(world, page, Some(&plan));
        // Where the plan places a photo, it is drawn at the plan's width, not the first
        // layout's (`serve_for_print` takes a photo's first width).
        let mut planned = plan.drawn_widths(&page.view);
        planned.append(&mut widths);
        widths = planned;
        made_up = Some(plan);
    }
    drop(first);
    let served =
        serve_for_print(world, page, &widths, &house, press.as_deref()).map_err(Failure::Photo)?;
    ahead.finish();
    predecode(world, page);
    head_start::remember(&page.file, world.separates_photos(), &served);
    laps.lap("photos");
    let mut compiled = compile::recompile(world).map_err(Failure::Typst)?;
    laps.lap("layout");
    compiled.plan = made_up;
    Ok((compiled, house, press))
}

/// For work on the make-up: `BANMIAN_DUMP_MEASURES=FILE` writes a page's measures (a feature
/// or a news page's) there as JSON, which `examples/makeup.rs` makes up again without typst.
fn dump_measures(measures: &makeup::Measured) {
    let Some(path) = std::env::var_os("BANMIAN_DUMP_MEASURES") else {
        return;
    };
    let json = match measures {
        makeup::Measured::Feature(m) => serde_json::to_string(m),
        makeup::Measured::News(m) => serde_json::to_string(m),
    };
    let written = json
        .map_err(|e| e.to_string())
        .and_then(|json| std::fs::write(&path, json).map_err(|e| e.to_string()));
    if let Err(why) = written {
        eprintln!("BANMIAN_DUMP_MEASURES: {}: {why}", path.to_string_lossy());
    }
}

/// Decodes the photos as typst is about to, side by side: typst decodes each picture when it
/// lays it out, one after another, and remembers the result by its bytes and format, so the
/// layout that follows finds them decoded (a page's photos are most of a cold layout's time;
/// CMYK ones for the press the more).
fn predecode(world: &PageWorld, page: &LoadedPage) {
    use typst::visualize::ExchangeFormat;
    let mut served: Vec<(Bytes, ExchangeFormat)> = Vec::new();
    for (photo, _) in photos(page) {
        let Some(bytes) = world.served(&photo.src) else {
            continue;
        };
        let format = head_start::exchange(compile::served_format(world, photo.format));
        if !served.iter().any(|(b, f)| *f == format && *b == bytes) {
            served.push((bytes, format));
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if !head_start::spare_core() || served.len() < 2 {
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(served.len()) {
            scope.spawn(|| {
                while let Some((bytes, format)) =
                    served.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                {
                    head_start::decode(bytes.clone(), *format);
                }
            });
        }
    });
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
        let bytes = images::stand_in(
            photo.width_px,
            photo.height_px,
            compile::served_format(world, photo.format),
            i as u32,
        );
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
/// would be over the house's resampling threshold there, else the original; separated into
/// CMYK when the world lays out for the press (a photo that cannot be is an error: the page
/// would carry RGB). Returns the files the placed photos were served from.
fn serve_for_print(
    world: &mut PageWorld,
    page: &LoadedPage,
    widths: &[(String, f64)],
    house: &House,
    press: Option<&Press>,
) -> Result<Vec<head_start::ServedFile>, String> {
    let mut jobs = Vec::new();
    let mut served = Vec::new();
    for (photo, path) in photos(page) {
        let Some((_, width)) = widths.iter().find(|(src, _)| *src == photo.src) else {
            world.restore_file(&photo.src);
            continue;
        };
        let inches = crate::units::inches(*width);
        let target = (inches * house.photo_target_ppi).ceil().max(1.0) as u32;
        let size = (
            target,
            ((f64::from(target) * f64::from(photo.height_px) / f64::from(photo.width_px)).round()
                as u32)
                .max(1),
        );
        let resample = f64::from(photo.width_px) / inches > house.photo_downsample_ppi;
        let separation = press.map(|press| {
            let limit = house.ink_limit - house.photo_ink_margin;
            (press.hash, (limit * 10.0).round().max(0.0) as u32)
        });
        let size = if resample {
            size
        } else {
            (photo.width_px, photo.height_px)
        };
        match key(&path, size, separation) {
            Some(key) if resample || separation.is_some() => {
                jobs.push((photo.src.clone(), path, key, photo.format))
            }
            _ => {
                world.restore_file(&photo.src);
                served.push((path, photo.format));
            }
        }
    }
    let missing: Vec<_> = jobs
        .iter()
        .filter(|(_, _, key, _)| world.photos.resampled(key).is_none())
        .cloned()
        .collect();
    let mut failed = None;
    // Two at a time: each holds a decoded original in memory.
    for pair in missing.chunks(2) {
        let done: Vec<Result<Vec<u8>, String>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|(_, path, key, _)| scope.spawn(move || prepare(path, key, press)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err("photo preparation failed".into()))
                })
                .collect()
        });
        for ((src, path, key, _), bytes) in pair.iter().zip(done) {
            match bytes {
                Ok(bytes) => world.photos.store_resampled(key.clone(), Bytes::new(bytes)),
                // A photo whose pixels are damaged goes to typst as it is: typst's decoding
                // error is what `project` names at the photo's YAML line.
                Err(_) if std::fs::read(path).is_ok_and(|b| images::decode(&b).is_err()) => {}
                Err(err) if key.4.is_some() => {
                    failed.get_or_insert(crate::content::t!(
                        "photo-not-separated",
                        file = src,
                        error = err
                    ));
                }
                Err(_) => {}
            }
        }
    }
    if let Some(message) = failed {
        return Err(message);
    }
    for (src, path, key, own) in jobs {
        let format = compile::served_format(world, own);
        match world.photos.resampled(&key) {
            Some(bytes) => {
                world.replace_file(&src, bytes);
                if let Some(copy) = crate::engine::cache::photos::file(&key) {
                    served.push((copy, format));
                }
            }
            // Could not resample: typst gets the original (and says why if it cannot read it).
            None => {
                world.restore_file(&src);
                served.push((path, format));
            }
        }
    }
    Ok(served)
}

/// The copy `key` asks for: separated (and resized if its size is not the photo's own) for the
/// press, or resampled.
fn prepare(
    path: &std::path::Path,
    key: &ResampleKey,
    press: Option<&Press>,
) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let (_, _, _, size, separation) = key;
    match (separation, press) {
        (Some((_, tenths)), Some(press)) => {
            let own = images::inspect_bytes(&bytes)?;
            let resize = (*size != (own.width, own.height)).then_some(*size);
            separate::separate(&bytes, resize, f64::from(*tenths) / 10.0, &press.icc)
        }
        _ => images::resample(&bytes, size.0, size.1),
    }
}

/// Identifies a version of a file (by modification time and length) at a pixel size, and the
/// separation asked for.
fn key(
    path: &std::path::Path,
    size: (u32, u32),
    separation: Option<(u128, u32)>,
) -> Option<ResampleKey> {
    let (path, modified, len) = crate::engine::cache::version(path)?;
    Some((path, modified, len, size, separation))
}
