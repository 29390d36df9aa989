//! A head start on decoding a page's photos. typst decodes each photo the final layout draws
//! (a CMYK one for the press the more slowly), and which copy is drawn is known only once the
//! page is made up. But a page is built again and again at the desk, mostly with its photos at
//! the sizes of the last build: so each build records the files its photos were served from,
//! and the next starts decoding those while the first layout and the make-up run. typst
//! remembers a decoded photo by its bytes, so a copy decoded ahead is found by the layout that
//! draws it, and one the new make-up no longer draws is only work done on a spare core.
//! Which copy is served never depends on the record: it can only make a build faster.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use typst::foundations::{Bytes, Smart};
use typst::visualize::{ExchangeFormat, RasterImage};

use crate::images::PhotoFormat;

/// A photo as served to typst: the file its bytes come from (the original, or a resampled or
/// separated copy in the cache folder) and the format typst is told.
pub type ServedFile = (PathBuf, PhotoFormat);

/// The decoding started for the photos the last build of the page served, if it recorded any.
pub struct HeadStart(Option<JoinHandle<()>>);

impl HeadStart {
    /// Starts decoding, on a thread of its own, what the last build of `page` (for the press
    /// or not) served.
    pub fn start(page: &Path, press: bool) -> Self {
        let Some(files) = record(page, press).and_then(|f| read(&f)) else {
            return Self(None);
        };
        if files.is_empty() || !spare_core() {
            return Self(None);
        }
        let started = std::thread::Builder::new()
            .name("photos ahead".into())
            .spawn(move || {
                for (file, format) in files {
                    if let Ok(bytes) = std::fs::read(&file) {
                        decode(Bytes::new(bytes), exchange(format));
                    }
                }
            });
        Self(started.ok())
    }

    /// Waits for the decoding started: what it decoded typst finds remembered.
    pub fn finish(self) {
        if let Some(running) = self.0 {
            let _ = running.join();
        }
    }
}

/// Records the files `page`'s photos were served from in this build, for the next.
pub fn remember(page: &Path, press: bool, served: &[ServedFile]) {
    let Some(file) = record(page, press) else {
        return;
    };
    if read(&file).is_some_and(|last| last == served) {
        return;
    }
    // A path that is not UTF-8 leaves the page without a record.
    if let Ok(json) = serde_json::to_vec(served) {
        let _ = crate::atomic::write_atomic(&file, &json);
    }
}

/// Decodes `bytes` as typst does when it lays the photo out (and remembers it by its bytes).
/// An error is typst's to report, at the photo, when it lays it out.
pub fn decode(bytes: Bytes, format: ExchangeFormat) {
    let _ = RasterImage::new(bytes, format, Smart::Auto);
}

/// typst's name for a photo format.
pub fn exchange(format: PhotoFormat) -> ExchangeFormat {
    match format {
        PhotoFormat::Jpeg => ExchangeFormat::Jpg,
        PhotoFormat::Png => ExchangeFormat::Png,
    }
}

/// Whether a thread beside the layout runs on a core of its own: on one core it would only
/// slow the layout down.
pub fn spare_core() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
}

/// The record of a page's served photos in the cache folder (none without one): one for the
/// press and one for proofs, which serve different copies.
fn record(page: &Path, press: bool) -> Option<PathBuf> {
    let page = std::fs::canonicalize(page).ok()?;
    crate::engine::cache::file("served", &(page, press))
}

fn read(file: &Path) -> Option<Vec<ServedFile>> {
    let bytes = std::fs::read(file).ok()?;
    serde_json::from_slice(&bytes).ok()
}
