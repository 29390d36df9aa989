//! The event stream (server-sent events): one `build` event per build, carrying to each
//! browser only what it does not have yet.
//!
//! Each connection remembers what it sent: the blocks of the proof it showed last (the browser
//! drops the others) and every definition (glyph outlines and the like, which the browser
//! keeps). A new build sends the keys of each page's blocks in order, and the text of only the
//! blocks and definitions that are new to this browser; a failed build sends the error alone,
//! and the browser keeps the last good proof under it.

use std::collections::HashSet;
use std::convert::Infallible;
use std::sync::Arc;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use serde_json::{Map, Value, json};
use tokio::sync::watch;

use super::proof::{Proof, Snapshot};

/// What one browser has been sent.
#[derive(Default)]
pub struct Sent {
    proof: Option<u64>,
    chunks: HashSet<String>,
    defs: HashSet<String>,
}

impl Sent {
    /// The event for `snapshot`: the proof as a change from what was sent before (`null` when
    /// the browser has it already), the error if the build failed.
    pub fn message(&mut self, snapshot: &Snapshot) -> Value {
        let proof = match &snapshot.proof {
            Some(proof) if self.proof != Some(proof.id) => self.proof_delta(proof),
            _ => Value::Null,
        };
        json!({
            "build": snapshot.build,
            "seconds": snapshot.seconds,
            "broken": snapshot.broken,
            "proof": proof,
        })
    }

    fn proof_delta(&mut self, proof: &Proof) -> Value {
        let cut = &proof.cut;
        let mut chunks = Map::new();
        let reachable = cut.reachable();
        for key in &reachable {
            if !self.chunks.contains(*key) && !chunks.contains_key(*key) {
                let chunk = serde_json::to_value(&cut.chunks[*key]).expect("chunk serializes");
                chunks.insert((*key).clone(), chunk);
            }
        }
        // The browser keeps exactly this proof's blocks.
        self.chunks = reachable.into_iter().cloned().collect();
        let mut defs = String::new();
        for (id, text) in &cut.defs {
            if self.defs.insert(id.clone()) {
                defs.push_str(text);
            }
        }
        self.proof = Some(proof.id);
        let pages: Vec<Value> = cut
            .pages
            .iter()
            .map(|page| json!({ "viewBox": page.view_box, "open": page.open, "chunks": page.chunks }))
            .collect();
        json!({
            "id": proof.id,
            "summary": proof.summary,
            "page": proof.file,
            "pagesToFill": proof.pages_to_fill,
            "pages": pages,
            "chunks": chunks,
            "defs": defs,
            "findings": proof.findings,
            "sources": proof.sources,
            "changes": proof.changes,
            "rounds": proof.since_rounds.iter().map(|(name, changes)| json!({ "name": name, "changes": changes })).collect::<Vec<_>>(),
        })
    }
}

/// The stream for one browser: the state now, then every build as it comes.
pub fn stream(
    builds: watch::Receiver<Arc<Snapshot>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let state = (builds, Sent::default(), true);
    let events = futures_util::stream::unfold(state, |(mut builds, mut sent, first)| async move {
        if !first && builds.changed().await.is_err() {
            return None;
        }
        let snapshot = builds.borrow_and_update().clone();
        let data = sent.message(&snapshot).to_string();
        let event = Event::default().event("build").data(data);
        Some((Ok(event), (builds, sent, false)))
    });
    Sse::new(events).keep_alive(KeepAlive::default())
}
