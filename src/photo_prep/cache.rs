//! What photo preparation remembers: resampled copies and the width each photo was last placed
//! at, in memory for the rebuilds of a long-lived world and on disk for the next run.
//!
//! The disk cache lives in `$BANMIAN_CACHE`, else `$XDG_CACHE_HOME/banmian`, else
//! `~/.cache/banmian`; if none can be created, only memory is used. Entries are keyed by the
//! photo's path, modification time and length, so an edited photo is never served stale.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use typst::foundations::Bytes;

/// A version of a photo file (path, modification time, length) at a pixel size.
pub type ResampleKey = (PathBuf, std::time::SystemTime, u64, (u32, u32));

#[derive(Default)]
pub struct PhotoCache {
    resampled: HashMap<ResampleKey, Bytes>,
    /// (page file, photo src) → placed width, pt.
    placed: HashMap<(PathBuf, String), f64>,
    dir: Option<PathBuf>,
}

impl PhotoCache {
    /// A cache backed by the user's cache folder, when there is one.
    pub fn new() -> Self {
        let dir = cache_dir().filter(|dir| std::fs::create_dir_all(dir).is_ok());
        Self {
            dir,
            ..Self::default()
        }
    }

    pub fn resampled(&mut self, key: &ResampleKey) -> Option<Bytes> {
        if let Some(bytes) = self.resampled.get(key) {
            return Some(bytes.clone());
        }
        let bytes = Bytes::new(std::fs::read(self.file("photos", key)?).ok()?);
        self.resampled.insert(key.clone(), bytes.clone());
        Some(bytes)
    }

    pub fn store_resampled(&mut self, key: ResampleKey, bytes: Bytes) {
        if let Some(file) = self.file("photos", &key) {
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
        let width: f64 = std::fs::read_to_string(self.file("placed", &key)?)
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
        if let Some(file) = self.file("placed", &key) {
            let _ = crate::export::write_atomic(&file, width.to_string().as_bytes());
        }
        self.placed.insert(key, width);
    }

    fn file(&self, kind: &str, key: &impl std::hash::Hash) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?.join(kind);
        std::fs::create_dir_all(&dir).ok()?;
        Some(dir.join(format!("{:032x}", typst::utils::hash128(key))))
    }
}

fn cache_dir() -> Option<PathBuf> {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("BANMIAN_CACHE")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("banmian")))
        .or_else(|| var("HOME").map(|d| d.join(".cache/banmian")))
}
