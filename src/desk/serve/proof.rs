//! What one build gives the browser: the pages cut up for sending (`svg`), the findings with
//! where they are on the page, and where each printed line came from in the YAML (`sources`);
//! or, for a build that failed, the error as `build` would print it.

use std::sync::{Arc, OnceLock};

use axum::body::Bytes;

use serde::Serialize;

use super::render::Renderer;
use super::svg::Cut;
use crate::build::Laid;
use crate::content::LoadedPage;
use crate::desk::redline::changes::{self, Change};
use crate::desk::redline::sources::{self, Source};
use crate::engine::world::PageWorld;
use crate::failure::Failure;
use crate::preflight::{Area, Report, Severity};

/// A good build, as shown.
pub struct Proof {
    /// Counts good builds: the browser asks for nothing twice within one proof.
    pub id: u64,
    pub cut: Cut,
    pub findings: Vec<Mark>,
    pub sources: Vec<Source>,
    /// What differs from the previous proof (none for the first).
    pub changes: Vec<Change>,
    /// What differs from each proof round kept, by round name.
    pub since_rounds: Vec<(String, Vec<Change>)>,
    /// E.g. `1 page, 0 typst warnings, preflight: 0 errors, 1 warning`.
    pub summary: String,
    /// Pages the template fills; pages past them hold overset text.
    pub pages_to_fill: usize,
    /// The page's YAML file, as given.
    pub file: String,
    /// What the map of its ink is drawn from, and the maps (a PNG a page) once asked for.
    pub ink: InkMap,
}

/// The laid-out page kept to map its ink when the browser asks (the overlay is off by default:
/// a proof that nobody maps costs nothing).
pub struct InkMap {
    document: typst_layout::PagedDocument,
    press: Arc<crate::engine::press::Press>,
    ppi: u32,
    limit: f64,
    maps: OnceLock<Vec<Arc<[u8]>>>,
}

impl InkMap {
    /// The map of page `page` (from 1): total ink grey, over the limit red (`output::ink::map`).
    pub fn png(&self, page: usize) -> Option<Arc<[u8]>> {
        let maps = self.maps.get_or_init(|| {
            let (pages, _) = crate::output::ink::plates(&self.document, self.ppi, &self.press);
            pages
                .iter()
                .filter_map(|p| crate::output::ink::map::png(p, self.limit).ok())
                .map(Arc::from)
                .collect()
        });
        maps.get(page.checked_sub(1)?).cloned()
    }
}

/// A finding as drawn over the proof.
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub severity: Severity,
    pub check: &'static str,
    pub message: String,
    /// `file:line:col` of the YAML to look at.
    pub at: String,
    pub line: usize,
    pub column: usize,
    pub areas: Vec<Area>,
}

/// Why the last build produced no proof, as `build` prints it, with the YAML positions named.
#[derive(Debug, Clone, Serialize)]
pub struct Broken {
    pub text: String,
}

impl Proof {
    /// The proof of a laid-out page, marked against the `previous` proof and the `rounds`;
    /// its pages written by `renderer`, which remembers them for the next proof.
    pub fn new(
        id: u64,
        page: &LoadedPage,
        laid: &Laid,
        previous: Option<&Proof>,
        rounds: &[(String, Arc<Vec<Source>>)],
        renderer: &mut Renderer,
    ) -> Self {
        let mut cut = Cut::default();
        for page in laid.document.pages() {
            let written = renderer.page(page);
            cut.add(&written.svg);
            cut.add_defs(&written.defs);
            cut.assets.extend(written.assets);
        }
        renderer.sweep();
        let sources = sources::map(page, &laid.document, &laid.report);
        Self {
            id,
            cut,
            findings: marks(&laid.report),
            changes: previous.map_or_else(Vec::new, |p| changes::changes(&p.sources, &sources)),
            since_rounds: rounds
                .iter()
                .map(|(name, kept)| (name.clone(), changes::changes(kept, &sources)))
                .collect(),
            sources,
            summary: crate::build::summary::summary(laid),
            pages_to_fill: laid.report.house.pages,
            file: page.file.display().to_string(),
            ink: InkMap {
                document: laid.document.clone(),
                // A proof's photos are not separated: they are converted as the press would.
                press: laid
                    .press
                    .clone()
                    .unwrap_or_else(|| Arc::new(crate::engine::press::Press::newsprint())),
                ppi: laid.report.house.ink_check_ppi,
                limit: laid.report.house.ink_limit,
                maps: OnceLock::new(),
            },
        }
    }
}

fn marks(report: &Report) -> Vec<Mark> {
    report
        .findings
        .iter()
        .map(|f| Mark {
            severity: f.severity,
            check: f.check,
            message: f.message.clone(),
            at: format!("{}:{}:{}", report.page, f.line, f.column),
            line: f.line,
            column: f.column,
            areas: f.areas.clone(),
        })
        .collect()
}

impl Broken {
    /// The failure in the words `build` uses (typst's errors with their template lines).
    pub fn new(failure: &Failure, world: &PageWorld) -> Self {
        Self {
            text: failure.describe(Some(world)).trim_end().to_string(),
        }
    }
}

/// Everything the server knows at one moment: the last build, and the last good proof.
pub struct Snapshot {
    /// Counts builds, good or not.
    pub build: u64,
    pub seconds: f64,
    /// The last good proof, kept while later edits fail.
    pub proof: Option<Arc<Proof>>,
    /// The good proof before it: a browser that was shown it may still fetch its photos.
    pub previous: Option<Arc<Proof>>,
    /// Why the last build failed; `None` when it made `proof`.
    pub broken: Option<Broken>,
    /// The event a browser that has nothing yet is sent (the whole proof), made when the first
    /// browser asks and shared by all (`events::stream`).
    pub whole: OnceLock<Bytes>,
}

impl Snapshot {
    pub fn empty() -> Self {
        Self {
            build: 0,
            seconds: 0.0,
            proof: None,
            previous: None,
            broken: None,
            whole: OnceLock::new(),
        }
    }

    /// A photo of the current or the previous proof: its media type and bytes.
    pub fn asset(&self, key: &str) -> Option<(String, Arc<[u8]>)> {
        [&self.proof, &self.previous]
            .into_iter()
            .flatten()
            .find_map(|proof| proof.cut.assets.get(key).cloned())
    }
}
