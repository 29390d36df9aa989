//! The event stream (server-sent events): one `build` event per build, carrying to each
//! browser only what it does not have yet.
//!
//! Each connection remembers what it sent: the blocks of the proof it showed last (the browser
//! drops the others) and every definition (glyph outlines and the like, which the browser
//! keeps). A new build sends the keys of each page's blocks in order, and the text of only the
//! blocks and definitions that are new to this browser; a failed build sends the error alone,
//! and the browser keeps the last good proof under it.

use std::collections::HashSet;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use serde_json::{Map, Value, json};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::timeout;

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

    /// Marks `proof` as sent whole (what `proof_delta` records, without making the event).
    fn having(&mut self, proof: &Proof) {
        self.chunks = proof.cut.reachable().into_iter().cloned().collect();
        self.defs = proof.cut.defs.iter().map(|(id, _)| id.clone()).collect();
        self.proof = Some(proof.id);
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

/// How long a quiet stream waits before a comment line keeps it open (proxies and browsers
/// drop a connection silent for long).
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How long a browser may take to read one event before it is dropped (its `EventSource`
/// reconnects and is sent the proof whole): a connection that stopped reading must not hold
/// its event, and a socket, for good.
const LAGGING: Duration = Duration::from_secs(60);

/// The response for one browser: the state now, then every build as it comes.
pub fn stream(builds: watch::Receiver<Arc<Snapshot>>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        Body::from_stream(events(builds, LAGGING)),
    )
        .into_response()
}

/// One browser's events, each made only once the one before has been written to its socket:
/// a browser that reads slowly holds one event, made from the newest build (the builds in
/// between are skipped, not queued), and one that has not read an event within `lagging` is
/// dropped. Its first event, the whole proof, is the same for every browser, so it is made
/// once per build and shared (`Snapshot::whole`): a hundred browsers opening the page hold one
/// copy, not a hundred.
fn events(
    builds: watch::Receiver<Arc<Snapshot>>,
    lagging: Duration,
) -> impl Stream<Item = io::Result<Bytes>> {
    let state = (builds, None::<Sent>, Arc::new(Semaphore::new(1)));
    futures_util::stream::unfold(state, move |(mut builds, sent, unwritten)| async move {
        // Held by the event until the server has written it (and dropped it).
        let permit = match timeout(lagging, unwritten.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            Ok(Err(_closed)) => return None,
            Err(_lagging) => {
                let error = io::Error::new(io::ErrorKind::TimedOut, "browser stopped reading");
                return Some((Err(error), (builds, sent, unwritten)));
            }
        };
        let (event, sent) = match sent {
            None => whole(&builds.borrow_and_update().clone()),
            Some(mut sent) => match timeout(KEEP_ALIVE, builds.changed()).await {
                Err(_quiet) => (Bytes::from_static(b":\n\n"), sent),
                Ok(Err(_server_stopped)) => return None,
                Ok(Ok(())) => {
                    let snapshot = builds.borrow_and_update().clone();
                    (frame(&sent.message(&snapshot)), sent)
                }
            },
        };
        let event = Bytes::from_owner(Unwritten {
            event,
            _permit: permit,
        });
        Some((Ok(event), (builds, Some(sent), unwritten)))
    })
}

/// An event on its way to the browser, holding its connection's one permit until written.
struct Unwritten {
    event: Bytes,
    /// Released when hyper drops the bytes, written.
    _permit: OwnedSemaphorePermit,
}

impl AsRef<[u8]> for Unwritten {
    fn as_ref(&self) -> &[u8] {
        &self.event
    }
}

/// The first event of a browser that has nothing yet, shared by all (made once per build), and
/// what that browser then has.
fn whole(snapshot: &Snapshot) -> (Bytes, Sent) {
    let mut sent = Sent::default();
    let event = snapshot
        .whole
        .get_or_init(|| frame(&sent.message(snapshot)))
        .clone();
    if let Some(proof) = &snapshot.proof {
        sent.having(proof);
    }
    (event, sent)
}

/// A `build` event as sent on the wire. Compact JSON has no line breaks (those in strings are
/// escaped), so the data is one `data:` line.
fn frame(message: &Value) -> Bytes {
    Bytes::from(format!("event: build\ndata: {message}\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    fn snapshot(build: u64) -> Arc<Snapshot> {
        Arc::new(Snapshot {
            build,
            ..Snapshot::empty()
        })
    }

    /// A slow browser holds one event: the next is not made until the last is written, and is
    /// then made from the newest build, the ones in between skipped.
    #[test]
    fn a_slow_browser_holds_one_event_and_a_stopped_one_is_dropped() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        runtime.block_on(async {
            let (sender, builds) = watch::channel(snapshot(1));
            let mut events = Box::pin(events(builds, Duration::from_millis(300)));
            let first = events.next().await.unwrap().unwrap();
            assert!(std::str::from_utf8(&first).unwrap().contains("\"build\":1"));
            sender.send_replace(snapshot(2));
            sender.send_replace(snapshot(3));
            let waiting = timeout(Duration::from_millis(100), events.next()).await;
            assert!(
                waiting.is_err(),
                "a second event while the first is unwritten"
            );
            drop(first);
            let next = events.next().await.unwrap().unwrap();
            assert!(std::str::from_utf8(&next).unwrap().contains("\"build\":3"));
            // Never written: dropped once `lagging` has passed.
            sender.send_replace(snapshot(4));
            let dropped = timeout(Duration::from_secs(5), events.next())
                .await
                .unwrap();
            assert!(matches!(dropped, Some(Err(e)) if e.kind() == io::ErrorKind::TimedOut));
            drop(next);
        });
    }
}
