//! A temporary folder removed when dropped, for tests (the ink is measured in-process now, so
//! no build writes work files). Named after the process and a counter, so concurrent tests
//! never share one.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty folder under the system's temporary folder, its name starting `banmian-`.
    pub fn new() -> std::io::Result<Self> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "banmian-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        // Left by an earlier process of the same id that was killed.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir)?;
        Ok(Self(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_distinct_and_removed_when_dropped() {
        let (a, b) = (TempDir::new().unwrap(), TempDir::new().unwrap());
        assert_ne!(a.path(), b.path());
        let kept = a.path().to_path_buf();
        std::fs::write(kept.join("f"), "x").unwrap();
        drop(a);
        assert!(!kept.exists());
    }
}
