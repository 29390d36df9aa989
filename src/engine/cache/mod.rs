//! banmian's cache folder, for what is slow to compute and safe to keep between runs (the font
//! index, resampled photos). It is `$BANMIAN_CACHE`, else `$XDG_CACHE_HOME/banmian`, else
//! `~/.cache/banmian`. Everything in it is keyed by what it was made from, and a cache that
//! cannot be read or written is simply not used: it never changes what a build produces.

pub mod photos;

pub use photos::{PhotoCache, ResampleKey};

use std::hash::Hash;
use std::path::{Path, PathBuf};

/// The file for `key` in the cache's `kind` folder, the folder created; none without a cache.
pub fn file(kind: &str, key: &impl Hash) -> Option<PathBuf> {
    let dir = base()?.join(kind);
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join(format!("{:032x}", typst::utils::hash128(key))))
}

/// Identifies a version of a file: its path, modification time and length.
pub fn version(path: &Path) -> Option<(PathBuf, std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((path.to_path_buf(), meta.modified().ok()?, meta.len()))
}

fn base() -> Option<PathBuf> {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("BANMIAN_CACHE")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("banmian")))
        .or_else(|| var("HOME").map(|d| d.join(".cache/banmian")))
}
