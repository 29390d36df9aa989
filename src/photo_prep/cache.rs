//! What photo preparation remembers: resampled copies and the width each photo was last placed
//! at, in memory for the rebuilds of a long-lived world and on disk (`crate::cache`) for the
//! next run. Entries are keyed by the photo's path, modification time and length, so an edited
//! photo is never served stale.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use typst::foundations::Bytes;

use crate::cache;

/// A version of a photo file (path, modification time, length) at a pixel size.
pub type ResampleKey = (PathBuf, std::time::SystemTime, u64, (u32, u32));

#[derive(Default)]
pub struct PhotoCache {
    resampled: HashMap<ResampleKey, Bytes>,
    /// (page file, photo src) → placed width, pt.
    placed: HashMap<(PathBuf, String), f64>,
}

impl PhotoCache {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn resampled(&mut self, key: &ResampleKey) -> Option<Bytes> {
        if let Some(bytes) = self.resampled.get(key) {
            return Some(bytes.clone());
        }
        let bytes = Bytes::new(std::fs::read(cache::file("photos", key)?).ok()?);
        self.resampled.insert(key.clone(), bytes.clone());
        Some(bytes)
    }

    pub fn store_resampled(&mut self, key: ResampleKey, bytes: Bytes) {
        if let Some(file) = cache::file("photos", &key) {
            let _ = crate::export::write_atomic(&file, &bytes);
        }
        self.resampled.insert(key, bytes);
    }

    /// Where the photo `src` of `page` was last placed: its width in pt.
    pub fn placed(&mut self, page: &Path, src: &str) -> Option<f64> {
        let key = (page.to_path_buf(), src.to_string());
        if let Some(width) = self.placed.get(&key) {
            return Some(*width);
        }
        let width: f64 = std::fs::read_to_string(cache::file("placed", &key)?)
            .ok()?
            .trim()
            .parse()
            .ok()?;
        self.placed.insert(key, width);
        Some(width)
    }

    pub fn store_placed(&mut self, page: &Path, src: &str, width: f64) {
        let key = (page.to_path_buf(), src.to_string());
        if self.placed.get(&key) == Some(&width) {
            return;
        }
        if let Some(file) = cache::file("placed", &key) {
            let _ = crate::export::write_atomic(&file, width.to_string().as_bytes());
        }
        self.placed.insert(key, width);
    }
}
