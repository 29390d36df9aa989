//! Waiting for a save: the files a build read are watched, and `wait` returns once one of them
//! changes. After the first event it waits 15 ms for quiet, so that an editor's save (write a
//! temporary file, rename it over the page) is one rebuild, not three; typst-kit's watcher,
//! which this follows (Apache-2.0), waits 100 ms, most of the time from a save to the proof.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use typst::diag::StrResult;

/// Watches the files of a build.
pub struct Watcher {
    /// A file we write ourselves (watch's proof), whose events are ignored.
    output: Option<PathBuf>,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    /// Watched paths, marked when the last build still read them.
    watched: std::collections::HashMap<PathBuf, bool>,
    /// Files a build asked for that do not exist yet: polled.
    missing: std::collections::HashSet<PathBuf>,
}

impl Watcher {
    /// How long after an event to wait for the next before rebuilding.
    const QUIET: Duration = Duration::from_millis(15);
    /// How long at most to gather events before rebuilding anyway.
    const STARVE: Duration = Duration::from_millis(500);
    /// How often files that do not exist yet are looked for.
    const POLL: Duration = Duration::from_millis(300);

    /// A watcher that ignores changes to `output`.
    pub fn new(output: Option<PathBuf>) -> StrResult<Self> {
        let (sender, events) = std::sync::mpsc::channel();
        let config = notify::Config::default().with_poll_interval(Self::POLL);
        let watcher = RecommendedWatcher::new(sender, config)
            .map_err(|err| crate::content::t!("watch-setup-failed", error = err))?;
        Ok(Self {
            output,
            watcher,
            events,
            watched: Default::default(),
            missing: Default::default(),
        })
    }

    /// Watches exactly `paths` (what the last build read).
    pub fn update(&mut self, paths: impl IntoIterator<Item = PathBuf>) -> StrResult<()> {
        self.watched.values_mut().for_each(|seen| *seen = false);
        self.missing.clear();
        for path in paths {
            if !path.exists() {
                self.missing.insert(path);
                continue;
            }
            if !self.watched.contains_key(&path) {
                self.watcher
                    .watch(&path, RecursiveMode::NonRecursive)
                    .map_err(|err| {
                        crate::content::t!("watch-failed", path = path.display(), error = err)
                    })?;
            }
            self.watched.insert(path, true);
        }
        let watcher = &mut self.watcher;
        self.watched.retain(|path, seen| {
            if !*seen {
                watcher.unwatch(path).ok();
            }
            *seen
        });
        Ok(())
    }

    /// Waits until a watched file changes (or a missing one appears).
    pub fn wait(&mut self) -> StrResult<()> {
        loop {
            let first = self.events.recv_timeout(if self.missing.is_empty() {
                Duration::MAX
            } else {
                Self::POLL
            });
            let started = Instant::now();
            let mut relevant = false;
            let more = std::iter::from_fn(|| self.events.recv_timeout(Self::QUIET).ok());
            let batch: Vec<_> = first
                .into_iter()
                .chain(more)
                .take_while(|_| started.elapsed() <= Self::STARVE)
                .collect();
            for event in batch {
                let event =
                    event.map_err(|err| crate::content::t!("watch-files-failed", error = err))?;
                if !relevant_kind(&event.kind) {
                    continue;
                }
                // inotify stops watching a file removed or renamed away (editors save so):
                // forget it, so that the next update watches the new file.
                if matches!(
                    event.kind,
                    EventKind::Remove(notify::event::RemoveKind::File)
                        | EventKind::Modify(notify::event::ModifyKind::Name(
                            notify::event::RenameMode::From
                        ))
                ) {
                    for path in &event.paths {
                        self.watcher.unwatch(path).ok();
                        self.watched.remove(path);
                    }
                }
                if let Some(output) = &self.output
                    && event
                        .paths
                        .iter()
                        .all(|p| same_file::is_same_file(p, output).unwrap_or(false))
                {
                    continue;
                }
                relevant = true;
            }
            if relevant || self.missing.iter().any(|p| p.exists()) {
                return Ok(());
            }
        }
    }
}

/// Whether an event can change what a build reads.
fn relevant_kind(kind: &EventKind) -> bool {
    use notify::event::ModifyKind;
    match kind {
        EventKind::Any | EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Any | ModifyKind::Data(_) | ModifyKind::Name(_)) => true,
        EventKind::Modify(_) | EventKind::Access(_) | EventKind::Other => false,
    }
}
