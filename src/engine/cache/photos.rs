//! What photo preparation remembers: resampled and separated (CMYK) copies, in memory for the
//! rebuilds of a long-lived world and on disk (the cache folder) for the next run. Entries are
//! keyed by the photo's path, modification time and length, so an edited photo is never served
//! stale, and by what was done to it (pixel size; for a separation, the profile and ink limit).

use std::collections::HashMap;
use std::path::PathBuf;

use typst::foundations::Bytes;

use super as cache;

/// A version of a photo file (path, modification time, length) at a pixel size, separated for
/// the press (`Some((profile hash, ink limit in tenths of a percent))`) or not.
pub type ResampleKey = (
    PathBuf,
    std::time::SystemTime,
    u64,
    (u32, u32),
    Option<(u128, u32)>,
);

#[derive(Default)]
pub struct PhotoCache {
    resampled: HashMap<ResampleKey, Bytes>,
}

impl PhotoCache {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn resampled(&mut self, key: &ResampleKey) -> Option<Bytes> {
        if let Some(bytes) = self.resampled.get(key) {
            return Some(bytes.clone());
        }
        let bytes = Bytes::new(std::fs::read(file(key)?).ok()?);
        self.resampled.insert(key.clone(), bytes.clone());
        Some(bytes)
    }

    pub fn store_resampled(&mut self, key: ResampleKey, bytes: Bytes) {
        if let Some(file) = file(&key) {
            let _ = crate::atomic::write_atomic(&file, &bytes);
        }
        self.resampled.insert(key, bytes);
    }
}

/// The file in the cache folder that holds the copy `key` names (none without a cache).
pub fn file(key: &ResampleKey) -> Option<std::path::PathBuf> {
    cache::file("photos", key)
}
