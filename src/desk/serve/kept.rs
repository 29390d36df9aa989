//! The proof rounds a `serve` session compares against: those kept before (read at start) and
//! those the desk keeps from the browser ("keep as round"), shared by the build thread (which
//! marks each new proof against every round) and the server (which keeps new ones).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::desk::redline::rounds;
use crate::desk::redline::sources::Source;

pub struct KeptRounds {
    folder: PathBuf,
    page: PathBuf,
    kept: Mutex<Vec<(String, Arc<Vec<Source>>)>>,
}

impl KeptRounds {
    /// The rounds of `page` kept in `folder` so far (one that cannot be read is left out, with
    /// a line saying why).
    pub fn open(folder: PathBuf, page: &Path) -> Self {
        let mut kept = Vec::new();
        for name in rounds::list(&folder) {
            match rounds::load(&folder, &name) {
                Ok(sources) => kept.push((name, Arc::new(sources))),
                Err(err) => eprintln!("{}", crate::content::t!("warning-line", message = err)),
            }
        }
        Self {
            folder,
            page: page.to_path_buf(),
            kept: Mutex::new(kept),
        }
    }

    /// Every kept round, by name, in the order kept.
    pub fn all(&self) -> Vec<(String, Arc<Vec<Source>>)> {
        self.kept.lock().map(|k| k.clone()).unwrap_or_default()
    }

    /// Keeps what a proof printed as round `name`; says where, or why not.
    pub fn keep(&self, name: &str, sources: &[Source]) -> Result<String, String> {
        let path = rounds::save(&self.folder, &self.page, name, sources)?;
        if let Ok(mut kept) = self.kept.lock() {
            kept.push((name.to_string(), Arc::new(sources.to_vec())));
        }
        Ok(crate::content::t!(
            "kept-round",
            name = name,
            path = path.display()
        ))
    }
}
