//! The preflight report: words for the desk, JSON for scripts.

use std::fmt;

use serde::Serialize;

use super::{Finding, House, PlacedPhoto, Severity};
use std::path::Path;

use crate::content::t;
use crate::content::{ContentError, LoadedPage, excerpts};

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The page's YAML file.
    pub page: String,
    pub pages: usize,
    /// A spread's two page numbers: its sheet (the first of `pages`) is both pages.
    pub spread: Option<[u32; 2]>,
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<Finding>,
    pub photos: Vec<PlacedPhoto>,
    /// The settings the page was checked against.
    #[serde(skip)]
    pub house: House,
    /// The page's text, for the line each finding points into.
    #[serde(skip)]
    source: String,
}

impl Report {
    pub fn new(
        page: &LoadedPage,
        pages: usize,
        findings: Vec<Finding>,
        photos: Vec<PlacedPhoto>,
        house: House,
    ) -> Self {
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        Self {
            page: page.file.display().to_string(),
            pages,
            spread: page
                .view
                .spread
                .as_ref()
                .map(|right| [page.view.folio.page, right.page]),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            findings,
            photos,
            house,
            source: page.source.clone(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// One line for watch mode and build logs.
    pub fn summary(&self) -> String {
        match (self.errors, self.warnings) {
            (0, 0) => t!("preflight-clean"),
            (errors, warnings) => t!("preflight-counts", errors = errors, warnings = warnings),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("report serializes")
    }
}

impl Report {
    /// The findings alone, as `build` prints them: each its line (see [`line`](Self::line))
    /// and the page's line it points into, a caret under the place.
    pub fn findings_text(&self) -> String {
        self.findings
            .iter()
            .map(|finding| {
                let label = label(finding.severity);
                let located = ContentError::new(
                    &self.page,
                    (finding.line, finding.column),
                    finding.message.clone(),
                );
                let [located] = excerpts(vec![located], Path::new(&self.page), &self.source)
                    .try_into()
                    .expect("one error in, one out");
                let text = crate::excerpt::render(label, &located, false);
                String::from_utf8_lossy(&text).into_owned()
            })
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    /// The warnings alone, one a line, as `build` prints them.
    pub fn warning_lines(&self) -> Vec<String> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|finding| self.line(finding))
            .collect()
    }

    /// One finding: `warning: page.yaml:108:1: …`.
    fn line(&self, finding: &Finding) -> String {
        format!(
            "{}: {}:{}:{}: {}",
            crate::content::messages::text(label(finding.severity), &[]),
            self.page,
            finding.line,
            finding.column,
            finding.message
        )
    }
}

/// The id of the label a finding is said with.
fn label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.findings.is_empty() {
            writeln!(f, "{}", self.findings_text())?;
        }
        if !self.photos.is_empty() {
            writeln!(f, "{}", t!("photos-heading"))?;
            for p in &self.photos {
                let resampled = if p.pixels != p.original_pixels {
                    t!(
                        "resampled-from",
                        width = p.original_pixels.0,
                        height = p.original_pixels.1
                    )
                } else {
                    String::new()
                };
                writeln!(
                    f,
                    "  {:<44} {:>5} × {:<5} px  {:>6.1} × {:<6.1} mm  {:>4.0} ppi{resampled}",
                    // Said as the desk names it: a path from the project's folder.
                    p.src.trim_start_matches('/'),
                    p.pixels.0,
                    p.pixels.1,
                    p.placed_mm().0,
                    p.placed_mm().1,
                    p.ppi
                )?;
            }
        }
        let said = match self.spread {
            Some([left, right]) => t!(
                "report-spread",
                page = self.page,
                left = left,
                right = right,
                overflow = self.pages.saturating_sub(1),
                summary = self.summary()
            ),
            None => t!(
                "report-pages",
                page = self.page,
                pages = self.pages,
                summary = self.summary()
            ),
        };
        write!(f, "{said}")
    }
}
