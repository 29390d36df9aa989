//! What templates see: the page as plain data, served to Typst as JSON.
//! Text is data, never markup, so `#`, `$`, `*` or `[` print literally.

use serde::Serialize;

use crate::lang::LangView;

#[derive(Debug, Serialize)]
pub struct PageView {
    pub folio: FolioView,
    /// The folio of the spread's right-hand page (the next number), for a spread.
    pub spread: Option<FolioView>,
    pub kicker: Option<String>,
    pub headline: Option<String>,
    pub subtitle: Option<String>,
    pub byline: Option<BylineView>,
    pub lead: Vec<String>,
    pub lead_photo: Option<PhotoView>,
    pub sections: Vec<SectionView>,
    pub credit: Option<String>,
    /// The stories of a page with several, in page (YAML) order; `rank` orders them by
    /// importance.
    pub stories: Vec<StoryView>,
    pub briefs: Option<BriefsView>,
    /// The page's language: its heads, lead and credit, and the default for its stories;
    /// `None`: the house's (`house-lang` in layout/style.typ).
    pub lang: Option<LangView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FolioView {
    pub paper: String,
    pub date: String,
    pub page: u32,
    /// The number or name (期号), when the page is built as part of an issue.
    pub edition: Option<String>,
    /// `left` for an even page, `right` for an odd one: the folio keeps the paper's name on
    /// the outer edge.
    pub side: &'static str,
    pub section: Option<String>,
    pub editors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BylineView {
    pub label: Option<String>,
    pub names: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    /// Its story id: the YAML's `id`, else `section-<number>`. Made here only; the template,
    /// preflight and every finding carry it as it is.
    pub id: String,
    /// 0 for the lead set as the page's one story (see `is_lead`).
    pub number: u32,
    pub head: Vec<String>,
    pub body: Vec<String>,
    pub photos: Vec<PhotoView>,
    /// The page's lead and lead photo set as its one story, through every stack: a feature
    /// without numbered sections (an essay, an interview). It has no number and no head.
    pub is_lead: bool,
    /// Its language (`None`: the house's).
    pub lang: Option<LangView>,
}

impl SectionView {
    /// The YAML path of photo `j` of this section, the page's section `i`.
    pub fn photo_path(&self, i: usize, j: usize) -> String {
        if self.is_lead {
            "lead_photo".into()
        } else {
            format!("sections[{i}].photos[{j}]")
        }
    }

    /// The YAML path where the section starts, for findings about it.
    pub fn path(&self, i: usize) -> String {
        if self.is_lead {
            "lead".into()
        } else {
            format!("sections[{i}].number")
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    /// The YAML's `id`, else `story-<place>` (1-based). Made here only.
    pub id: String,
    /// 0 for the lead story (头条), 1 for the second…: by `priority`, then page order.
    pub rank: usize,
    /// `story` or `photo` (图片新闻).
    pub kind: String,
    pub kicker: Option<String>,
    pub headline: String,
    pub subtitle: Option<String>,
    pub byline: Option<BylineView>,
    pub dateline: Option<String>,
    pub body: Vec<String>,
    pub photos: Vec<PhotoView>,
    /// A place the editor fixed: first column (0-based) and width, each optional.
    pub pin: Option<PinView>,
    /// `box`, `tint` or none.
    pub frame: Option<String>,
    /// Its language (`None`: the house's).
    pub lang: Option<LangView>,
    /// Where it jumps (转版), in an issue: the page it continues on, or for a continuation
    /// the page it comes from.
    pub jump: Option<JumpView>,
}

/// A story's jump, by page numbers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct JumpView {
    pub to: Option<u32>,
    pub from: Option<u32>,
    /// A continuation's first paragraph goes on from the page before, cut inside it: set with
    /// no indent. (Cut at a paragraph's end, the continuation opens a paragraph of its own.)
    pub goes_on: bool,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct PinView {
    pub column: Option<u32>,
    pub width: Option<u32>,
}

#[derive(Debug, Serialize)]
pub struct BriefsView {
    /// Always `briefs`: the column is one story for preflight.
    pub id: &'static str,
    pub title: String,
    pub items: Vec<BriefView>,
}

#[derive(Debug, Serialize)]
pub struct BriefView {
    pub headline: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhotoView {
    /// Root-relative virtual path, e.g. `/content/x/images/a.jpg`.
    pub src: String,
    /// `jpg` or `png`, read from the file's bytes: typst would go by the name.
    pub format: crate::images::PhotoFormat,
    pub caption: String,
    pub credit: Option<String>,
    pub width_px: u32,
    pub height_px: u32,
    /// Where a crop keeps the picture: the share of the overflow cut before it, across and
    /// down (0 keeps the left or top edge, 0.5 the centre).
    pub focus: (f64, f64),
    /// The most a crop may cut (0..1), when the editor allows more than the house.
    pub crop: Option<f64>,
    /// Its width locked by the editor, in basic columns, at its own proportions.
    pub span: Option<u32>,
    /// The language of its caption: its story's (`None`: the house's).
    pub lang: Option<LangView>,
}
