//! The protocol between banmian and its templates, read from a laid-out page: the marks
//! templates leave (see `layout/components/marks.typ`) — house-style settings, the start and
//! end of every story, display lines that did not fit, body areas — and the measures of a
//! make-up template's first pass. Every label banmian reads is named here.

use std::collections::BTreeMap;

use serde::Deserialize;
use typst::foundations::{Content, Label, Selector};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::Point;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::makeup::Measured;

pub mod lines;

const HOUSE: &str = "banmian-house";
const STORY: &str = "banmian-story";
const DISPLAY: &str = "banmian-display";
const HEAD_BREAK: &str = "banmian-head-break";
const BODY_AREA: &str = "banmian-body-area";
const MEASURE: &str = "banmian-measure";
const LINES: &str = "banmian-lines";

/// What the house style says a page must meet, as the template publishes it
/// (`house-settings` in layout/style.typ, the one place its numbers live).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct House {
    /// Pages the template is meant to fill; anything beyond is overset.
    pub pages: usize,
    pub photo_warn_ppi: f64,
    pub photo_error_ppi: f64,
    pub photo_downsample_ppi: f64,
    pub photo_target_ppi: f64,
    /// Body line pitch, pt.
    pub pitch: f64,
    /// Body type size, pt: a column line holds its width over this in Han characters.
    pub body_size: f64,
    /// Foot of the type area from the page top, pt.
    pub type_bottom: f64,
    /// Baseline of the first body line of a column at the top of the type area, pt: every
    /// body baseline is this plus a whole number of pitches.
    pub grid_origin: f64,
    /// Font families by the house's name for them (`song`, `hei`…: `fonts` in style.typ);
    /// the template's manifest says which sets each text role.
    pub fonts: BTreeMap<String, Vec<String>>,
    /// Empty grid lines at the foot of a body column that are fine; more are underset.
    pub underset_tolerance: usize,
    /// Grid lines the least photo takes (its caption apart): an underset column with room for
    /// one and its caption is told the photo that would fill it.
    #[serde(default = "default_photo_min_lines")]
    pub photo_min_lines: usize,
    /// The share of a photo's width or height the make-up may crop away: an underset column
    /// is told its photo could be taller only where that crop and the warning resolution let
    /// it be.
    #[serde(default = "default_photo_max_crop")]
    pub photo_max_crop: f64,
    /// Total area coverage (C+M+Y+K, percent) no colour or separated photo may pass.
    pub ink_limit: f64,
    /// Text smaller than this (pt) that is black must be pure K.
    pub rich_black_min_size: f64,
    /// Ink a separated photo keeps under `ink_limit`, percent, for JPEG's rounding.
    pub photo_ink_margin: f64,
    /// Cells per inch total ink is measured in (see `output::ink`).
    pub ink_check_ppi: u32,
    /// The press's CMYK output profile, a file in layout/ (`None`: banmian's newsprint
    /// profile; `--icc` overrides it).
    #[serde(default)]
    pub press_profile: Option<String>,
    /// The Latin house style's faces, by the keys of `fonts` (`latin-fonts` in style.typ).
    #[serde(default)]
    pub latin_fonts: BTreeMap<String, Vec<String>>,
    /// The house's language: what text without a `lang` is set in.
    #[serde(default)]
    pub house_lang: HouseLang,
    /// Widest word space of a justified Latin line, em.
    #[serde(default = "default_word_space")]
    pub latin_word_space: f64,
    /// Most Latin lines in a row that may end in a hyphen.
    #[serde(default = "default_hyphen_lines")]
    pub latin_hyphen_lines: usize,
}

/// The house's language as `house-lang` in style.typ gives it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HouseLang {
    #[serde(default)]
    pub tag: String,
    /// Written in Latin script.
    #[serde(default)]
    pub latin: bool,
}

fn default_word_space() -> f64 {
    0.5
}

fn default_photo_max_crop() -> f64 {
    0.10
}

fn default_photo_min_lines() -> usize {
    4
}

fn default_hyphen_lines() -> usize {
    2
}

/// The sample house's numbers, for unit tests of the checks on hand-made layouts; a build
/// reads the template's (`house`).
#[cfg(test)]
impl Default for House {
    fn default() -> Self {
        Self {
            pages: 1,
            photo_warn_ppi: 200.0,
            photo_error_ppi: 120.0,
            photo_downsample_ppi: 400.0,
            photo_target_ppi: 300.0,
            pitch: 13.0,
            body_size: 9.0,
            type_bottom: f64::INFINITY,
            grid_origin: f64::NAN,
            fonts: BTreeMap::new(),
            underset_tolerance: 2,
            photo_min_lines: default_photo_min_lines(),
            photo_max_crop: default_photo_max_crop(),
            ink_limit: 240.0,
            rich_black_min_size: 12.0,
            photo_ink_margin: 3.0,
            ink_check_ppi: 50,
            press_profile: None,
            latin_fonts: BTreeMap::new(),
            house_lang: HouseLang::default(),
            latin_word_space: default_word_space(),
            latin_hyphen_lines: default_hyphen_lines(),
        }
    }
}

/// The start or end of a story, where it landed.
#[derive(Debug, Clone)]
pub struct StoryMark {
    pub story: String,
    pub start: bool,
    /// Repeated on every page (a folio): never overset or underset.
    pub running: bool,
    pub page: usize,
    pub at: Point,
}

#[derive(Deserialize)]
struct StoryValue {
    story: String,
    edge: String,
    #[serde(default)]
    running: bool,
}

/// The house settings the template published, or why they cannot be read.
pub fn house(document: &PagedDocument) -> Result<House, String> {
    let published = query(document, HOUSE);
    let value = published.first().and_then(value_of).ok_or(
        "the template publishes no house settings: layout/style.typ must place `house-settings(…)` (layout/components/marks.typ) on the page",
    )?;
    serde_json::from_value(value)
        .map_err(|err| format!("the template's house settings (`house-settings` in layout/style.typ) do not read: {err}"))
}

/// Story marks in document order.
pub fn stories(document: &PagedDocument) -> Vec<StoryMark> {
    let introspector = document.introspector();
    query(document, STORY)
        .iter()
        .filter_map(|content| {
            let value: StoryValue = serde_json::from_value(value_of(content)?).ok()?;
            let position = introspector.position(content.location()?)?;
            Some(StoryMark {
                story: value.story,
                start: value.edge == "start",
                running: value.running,
                page: position.page.get(),
                at: position.point,
            })
        })
        .collect()
}

/// A display line (folio part, kicker, headline, subtitle, byline) that did not fit on one line
/// in its band at its house size (for the headline: even at the smallest size it may shrink to).
/// Widths and sizes in pt.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct DisplayMark {
    /// The YAML field: `headline`, `kicker`, `subtitle`, `byline`, `folio.editors`…
    pub field: String,
    /// Width of the line at its house size.
    pub natural: f64,
    /// Width it has.
    pub available: f64,
    /// Size it was set at.
    pub size: f64,
    pub house_size: f64,
    /// Smallest size the line may shrink to, for a line that shrinks to fit (the headline).
    #[serde(default)]
    pub min_size: Option<f64>,
    /// Characters of the field's text.
    pub chars: usize,
    /// Width in the line that is not the field's text (the date beside the paper's name).
    #[serde(default)]
    pub fixed: f64,
    /// Where the mark landed: page and point (pt), at the start of the line it is in.
    #[serde(skip)]
    pub at: Option<(usize, Point)>,
}

/// Display lines that did not fit, once per field, in document order (a folio repeated on an
/// overflow page is marked again).
pub fn display(document: &PagedDocument) -> Vec<DisplayMark> {
    let introspector = document.introspector();
    let mut marks: Vec<DisplayMark> = Vec::new();
    for content in query(document, DISPLAY) {
        let Some(mut mark) =
            value_of(&content).and_then(|value| serde_json::from_value::<DisplayMark>(value).ok())
        else {
            continue;
        };
        mark.at = content
            .location()
            .and_then(|location| introspector.position(location))
            .map(|position| (position.page.get(), position.point));
        if !marks.iter().any(|m| m.field == mark.field) {
            marks.push(mark);
        }
    }
    marks
}

/// A headline the template had to break inside a phrase (`head-break` in marks.typ): the story
/// and the phrase.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct HeadBreak {
    pub story: String,
    pub phrase: String,
}

/// Headlines broken inside a phrase, once per story, in document order.
pub fn head_breaks(document: &PagedDocument) -> Vec<HeadBreak> {
    let mut out: Vec<HeadBreak> = Vec::new();
    for content in query(document, HEAD_BREAK) {
        let mark = value_of(&content).and_then(|v| serde_json::from_value::<HeadBreak>(v).ok());
        if let Some(mark) = mark
            && !out.iter().any(|m| m.story == mark.story)
        {
            out.push(mark);
        }
    }
    out
}

/// The area a template's body flows through, as the template published it: its top-left corner
/// and its columns, in pt from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct BodyArea {
    pub page: usize,
    pub top: f64,
    /// Left and right edge of each column, left to right.
    pub columns: Vec<(f64, f64)>,
    /// Where each column starts, pt from the page's top: the area's top, or lower for a
    /// column that starts under a lead.
    pub column_tops: Vec<f64>,
    /// Grid lines the area holds.
    pub lines: usize,
    /// Size of the running text, pt.
    pub body_size: f64,
    /// Boxes set across stacks (wide photos with their captions): left, right, top, bottom,
    /// pt on the page.
    pub spans: Vec<[f64; 4]>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct BodyAreaValue {
    columns: Vec<(f64, f64)>,
    #[serde(default)]
    tops: Option<Vec<f64>>,
    lines: f64,
    body_size: f64,
    #[serde(default)]
    spans: Vec<[f64; 4]>,
}

/// Body areas in document order (a template may publish one per page).
pub fn body_areas(document: &PagedDocument) -> Vec<BodyArea> {
    let introspector = document.introspector();
    query(document, BODY_AREA)
        .iter()
        .filter_map(|content| {
            let value: BodyAreaValue = serde_json::from_value(value_of(content)?).ok()?;
            let position = introspector.position(content.location()?)?;
            let left = position.point.x.to_pt();
            let top = position.point.y.to_pt();
            let tops = value.tops.unwrap_or_default();
            Some(BodyArea {
                column_tops: (0..value.columns.len())
                    .map(|i| top + tops.get(i).copied().unwrap_or(0.0))
                    .collect(),
                page: position.page.get(),
                top: position.point.y.to_pt(),
                columns: value
                    .columns
                    .iter()
                    .map(|&(a, b)| (left + a, left + b))
                    .collect(),
                lines: value.lines.round().max(0.0) as usize,
                body_size: value.body_size,
                spans: value
                    .spans
                    .iter()
                    .map(|&[l, r, t, b]| [left + l, left + r, top + t, top + b])
                    .collect(),
            })
        })
        .collect()
}

/// If `content` is a story mark, its (story, is-start, is-running).
pub fn story_edge(content: &Content) -> Option<(String, bool, bool)> {
    if content.label() != label(STORY) {
        return None;
    }
    let value: StoryValue = serde_json::from_value(value_of(content)?).ok()?;
    Some((value.story, value.edge == "start", value.running))
}

fn query(document: &PagedDocument, name: &str) -> Vec<Content> {
    let Some(label) = label(name) else {
        return Vec::new();
    };
    document
        .introspector()
        .query(&Selector::Label(label))
        .into_iter()
        .collect()
}

fn label(name: &str) -> Option<Label> {
    Label::new(PicoStr::intern(name))
}

fn value_of(content: &Content) -> Option<serde_json::Value> {
    let meta = content.to_packed::<MetadataElem>()?;
    serde_json::to_value(&meta.value).ok()
}

/// The measurements a template left in its measure pass: none if it does not make up by plan,
/// an error if it left them in a shape banmian cannot read (a template bug).
pub fn measures(document: &PagedDocument) -> Result<Option<Measured>, String> {
    let Some(label) = Label::new(PicoStr::intern(MEASURE)) else {
        return Ok(None);
    };
    let found = document.introspector().query(&Selector::Label(label));
    let Some(meta) = found.first().and_then(|c| c.to_packed::<MetadataElem>()) else {
        return Ok(None);
    };
    let value = serde_json::to_value(&meta.value);
    let news = value
        .as_ref()
        .is_ok_and(|v| v.get("kind").and_then(|k| k.as_str()) == Some("news"));
    value
        .and_then(|v| {
            if news {
                serde_json::from_value(v).map(Measured::News)
            } else {
                serde_json::from_value(v).map(Measured::Feature)
            }
        })
        .map_err(|err| {
            format!("the template's make-up measures (`<{MEASURE}>`) are malformed: {err}")
        })
        .and_then(|mut measured| {
            match &mut measured {
                Measured::Feature(m) => lines::attach(document, m)?,
                Measured::News(m) => lines::attach_news(document, m)?,
            }
            Ok(Some(measured))
        })
}
