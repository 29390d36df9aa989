//! The build loop: the page laid out on every change (the `watch` machinery, `session`), each
//! result published to the browsers as a new snapshot. Runs on its own thread: typst's layout
//! and the file watcher block.

use crate::content::t;
use std::sync::{Arc, OnceLock};

use crate::build::watcher::Watcher;
use tokio::sync::watch;

use super::kept::KeptRounds;
use super::proof::{Broken, Proof, Snapshot};
use super::render::Renderer;
use crate::build::session::Session;

/// Builds, publishes, waits for a change, and again, until the watcher fails.
pub fn run(
    mut session: Session,
    mut watcher: Watcher,
    builds: watch::Sender<Arc<Snapshot>>,
    rounds: Arc<KeptRounds>,
) {
    let mut build = 0;
    let mut proofs = 0;
    let mut renderer = Renderer::default();
    loop {
        build += 1;
        let previous = builds.borrow().proof.clone();
        let kept = rounds.all();
        let rebuilt = session.rebuild(
            |_, _| Ok(()),
            |_, loaded, built, ()| {
                Ok(Proof::new(
                    proofs + 1,
                    loaded,
                    &built.laid,
                    previous.as_deref(),
                    &kept,
                    &mut renderer,
                ))
            },
        );
        // Watch before publishing: once the browser shows the build, any later save is seen.
        let updated = watcher.update(rebuilt.watched.iter().cloned());
        let last = builds.borrow().clone();
        let snapshot = match rebuilt.result {
            Ok(proof) => {
                proofs += 1;
                let seconds = format!("{:.2}", rebuilt.seconds);
                let said = t!(
                    "proof-built",
                    build = build,
                    seconds = seconds,
                    summary = proof.summary
                );
                eprintln!("{said}");
                Snapshot {
                    build,
                    seconds: rebuilt.seconds,
                    previous: last.proof.clone(),
                    proof: Some(Arc::new(proof)),
                    broken: None,
                    whole: OnceLock::new(),
                }
            }
            Err(failure) => {
                let broken = Broken::new(&failure, session.world());
                eprintln!("{}", broken.text.trim_end());
                let seconds = format!("{:.2}", rebuilt.seconds);
                eprintln!("{}", t!("serve-failed-after", seconds = seconds));
                Snapshot {
                    build,
                    seconds: rebuilt.seconds,
                    proof: last.proof.clone(),
                    previous: last.previous.clone(),
                    broken: Some(broken),
                    whole: OnceLock::new(),
                }
            }
        };
        builds.send_replace(Arc::new(snapshot));
        if let Err(err) = updated.and_then(|()| watcher.wait()) {
            // The browser is told too: a proof that no longer follows the saves must say so.
            let text = t!("serve-stopped", error = err);
            eprintln!("{text}");
            let last = builds.borrow().clone();
            builds.send_replace(Arc::new(Snapshot {
                build: build + 1,
                seconds: 0.0,
                proof: last.proof.clone(),
                previous: last.previous.clone(),
                broken: Some(Broken { text }),
                whole: OnceLock::new(),
            }));
            return;
        }
        match session.rescan_fonts_if_changed() {
            Some(Ok(faces)) => eprintln!("{}", t!("fonts-changed", faces = faces)),
            Some(Err(failure)) => eprintln!("{}", t!("error-line", message = failure)),
            None => {}
        }
    }
}
