//! Preflight: what Typst does not report and a page must never go to press with. Text that fell
//! off its frame, characters the role's font cannot draw, Latin text set loose or badly broken,
//! photos too coarse for newsprint, colours over the ink limit or in rich black where black
//! must be pure.
//! Every finding names its story and where in the YAML to look.

mod bounds;
mod colours;
mod display;
pub mod frames;
mod glyphs;
mod heads;
mod holes;
pub mod ink;
mod latin;
pub mod lines;
mod makeup;
mod overset;
pub mod photos;
mod report;
mod underset;

use serde::Serialize;
use typst_layout::PagedDocument;

use crate::content::LoadedPage;
use crate::engine::world::PageWorld;

pub use crate::template::House;
pub use overset::overset_mark;
pub use photos::PlacedPhoto;
pub use report::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One thing preflight found.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Which check: `overset`, `underset`, `missing-glyph`, `photo-resolution`, `colour`…
    pub check: &'static str,
    /// The story it concerns: `section-3`, `lead`, `credit`…
    pub story: Option<String>,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// Figures a script may want (characters, lines, code point, ppi…).
    pub details: serde_json::Value,
    /// Where on the laid-out page it is (for the live proof's marks); empty for what has no
    /// one place (an invisible character, a display line).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
}

/// A rectangle on a laid-out page, in pt from the top-left corner of the page's trim box.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Area {
    /// 1-based page number.
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Area {
    /// The smallest area holding both (on the first one's page).
    pub fn union(self, other: Area) -> Area {
        let (x0, y0) = (self.x.min(other.x), self.y.min(other.y));
        let x1 = (self.x + self.width).max(other.x + other.width);
        let y1 = (self.y + self.height).max(other.y + other.height);
        Area {
            page: self.page,
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        }
    }
}

/// Runs every check on a laid-out page, against the house settings its template published.
pub fn check(
    page: &LoadedPage,
    document: &PagedDocument,
    world: &PageWorld,
    plan: Option<&crate::makeup::MadeUp>,
    house: House,
) -> Report {
    let mut findings = Vec::new();
    let areas = crate::template::body_areas(document);
    let mut inks = ink::inks(document);
    if let Some(area) = areas.first() {
        ink::captions_as_wide_as_photos(&mut inks, area.body_size, house.pitch);
    }
    let photos = photos::placed(page, document, world);
    findings.extend(overset::check(page, &house, &areas, &inks));
    findings.extend(underset::check(
        page, document, &house, &areas, &inks, &photos,
    ));
    findings.extend(holes::check(page, &house, &areas, &inks));
    findings.extend(heads::check(page, document, &house, &areas, &inks));
    findings.extend(bounds::check(page, &house, &areas, &inks));
    findings.extend(makeup::check(page, plan));
    findings.extend(display::check(page, document));
    findings.extend(glyphs::check(page, document, world, &house));
    findings.extend(latin::check(page, document, &house, &areas));
    findings.extend(page.warnings.iter().map(text_warning));
    findings.extend(photos::check(&photos, &house));
    findings.extend(colours::check(document, &house, world.separates_photos()));
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    Report::new(page, document.pages().len(), findings, photos, house)
}

/// What the content check found odd but printable (an invisible character…), as a finding.
fn text_warning(warning: &crate::content::ContentError) -> Finding {
    let message = match &warning.hint {
        Some(hint) => crate::content::t!("clause", first = warning.message, second = hint),
        None => warning.message.clone(),
    };
    Finding {
        severity: Severity::Warning,
        check: "text",
        story: None,
        line: warning.line,
        column: warning.column,
        message,
        details: serde_json::Value::Null,
        areas: Vec::new(),
    }
}

/// Where a story starts in the YAML: (line, column).
pub fn story_location(page: &LoadedPage, story: &str) -> (usize, usize) {
    let view = &page.view;
    if let Some((i, section)) = view
        .sections
        .iter()
        .enumerate()
        .find(|(_, s)| s.id == story)
    {
        return page.positions.value(&section.path(i));
    }
    if let Some(i) = view.stories.iter().position(|s| s.id == story) {
        return page.positions.value(&format!("stories[{i}].headline"));
    }
    // The page's own stories: `headline`, `lead`, `credit`… are top-level keys.
    page.positions.field(story)
}
