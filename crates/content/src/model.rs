//! The page as editors write it: typed YAML, unknown keys rejected. Its JSON Schema is derived
//! from these types; the rules beyond them (ranges, patterns, the template's fields) are added
//! from [`crate::rules`] and the manifests by `banmian::desk::schema`.

use schemars::JsonSchema;
use serde::Deserialize;

/// One page of a publication, as read from its YAML file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Template under `layout/templates/`, without `.typ`.
    #[serde(default = "default_template")]
    pub template: String,
    pub folio: Folio,
    /// The page's language (BCP 47: `zh`, `zh-Hant`, `en`…), the default for its stories; the
    /// house's if not given, English if its text is mostly Latin.
    #[serde(default)]
    pub lang: Option<String>,
    /// Set as a spread (通版): two facing pages printed as one sheet, this page's number on the
    /// left and the next on the right.
    #[serde(default)]
    pub spread: bool,
    /// Optional kicker (引题) above the headline.
    #[serde(default)]
    pub kicker: Option<String>,
    /// The page's headline (主题), for a template that takes one (the feature).
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub byline: Option<Byline>,
    /// Lead paragraphs, blank-line separated.
    #[serde(default)]
    pub lead: Option<String>,
    #[serde(default)]
    pub lead_photo: Option<Photo>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Page-wide photo credit, e.g. （本版图片均由…提供）.
    #[serde(default)]
    pub credit: Option<String>,
    /// The page's stories, for a template that takes several (the news page).
    #[serde(default)]
    pub stories: Vec<Story>,
    /// A column of briefs (简讯), for a template that takes one.
    #[serde(default)]
    pub briefs: Option<Briefs>,
}

fn default_template() -> String {
    "feature".into()
}

/// The running head: paper, date, page, section, people responsible.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Folio {
    /// The paper's name; a page of an issue takes the issue's.
    #[serde(default)]
    pub paper: Option<String>,
    /// ISO date, `YYYY-MM-DD`; also fixes the PDF's timestamp. A page of an issue takes the
    /// issue's.
    #[serde(default)]
    pub date: Option<String>,
    /// The page number (版次); a page of an issue takes its place in the issue.
    #[serde(default)]
    pub page: Option<u32>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub editors: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Byline {
    /// e.g. 本报记者
    #[serde(default)]
    pub label: Option<String>,
    pub names: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's story id, for findings and references (`section-3` if not given).
    #[serde(default)]
    pub id: Option<String>,
    pub number: u32,
    /// The section's language, when it is not the page's (BCP 47).
    #[serde(default)]
    pub lang: Option<String>,
    /// Head phrases, set with a space between them.
    pub head: Vec<String>,
    /// Paragraphs, blank-line separated.
    pub body: String,
    #[serde(default)]
    pub photos: Vec<Photo>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// Image path, relative to the page's YAML file.
    pub file: String,
    pub caption: String,
    /// Per-photo credit, e.g. （张三 摄）.
    #[serde(default)]
    pub credit: Option<String>,
    /// What a crop must keep: `center`, `top`, `bottom`, `left`, `right` or a corner
    /// (`top-left`…). Portraits keep the top by default, other photos the centre.
    #[serde(default)]
    pub focus: Option<String>,
    /// The most a crop may cut of the photo's width or height, in percent, when the editor
    /// allows more than the house's 10 (at most 50).
    #[serde(default)]
    pub crop: Option<u32>,
    /// Locks the photo's width, in basic columns, at its own proportions (news page).
    #[serde(default)]
    pub span: Option<u32>,
}

/// One story of a page with several (消息, 通讯, 图片新闻).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// The story id, for findings and references (`story-3`, by place, if not given).
    #[serde(default)]
    pub id: Option<String>,
    /// Its rank on the page: 1 is the lead story (头条), 2 the second (二条), and so on.
    /// Stories without one follow those with one, in page order.
    #[serde(default)]
    pub priority: Option<u32>,
    /// `story` (the default) or `photo`: a photo-news item (图片新闻), its photo across it.
    #[serde(default)]
    pub kind: Option<String>,
    /// The story's language, when it is not the page's (BCP 47).
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub kicker: Option<String>,
    pub headline: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub byline: Option<Byline>,
    /// The dateline (电头) that opens the text, e.g. 本报讯 or 新华社北京9月28日电.
    #[serde(default)]
    pub dateline: Option<String>,
    /// Paragraphs, blank-line separated.
    pub body: String,
    #[serde(default)]
    pub photos: Vec<Photo>,
    /// Where the make-up must put it: a column (1 = leftmost) and a width in columns.
    #[serde(default)]
    pub pin: Option<Pin>,
    /// `box` (加框: a rule round it) or `tint` (底纹: a tinted ground).
    #[serde(default)]
    pub frame: Option<String>,
}

/// A story's place fixed by the editor; the make-up fills around it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    /// Its first basic column, 1 = the leftmost.
    #[serde(default)]
    pub column: Option<u32>,
    /// Its width in basic columns.
    #[serde(default)]
    pub width: Option<u32>,
}

/// A column of briefs (简讯): short items, each a bold lead-in and a few lines.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Briefs {
    /// The column's title, 简讯 if not given.
    #[serde(default)]
    pub title: Option<String>,
    pub items: Vec<Brief>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    pub headline: String,
    pub body: String,
}
