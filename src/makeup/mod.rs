//! Make-up (组版) of a feature page's body: which column structure, how tall each photo is and
//! where it stands, which photos go in a band across the page, where columns break.
//!
//! Why in Rust and not in the template: the search plays thousands of trial flows, which in
//! Typst cost a memoized function call each and could only be tested by building pages; here
//! they are plain arithmetic on line counts, unit- and property-tested (`flow`, `photo`,
//! `search`). The template measures each item once (`measure` pass: every paragraph's lines at
//! each candidate measure, every caption's at each candidate width), `solve` makes the plan,
//! and the template draws exactly that plan (`layout/components/body.typ`).

pub mod costs;
mod explain;
mod flow;
mod lead;
pub mod news;
pub(crate) mod photo;
pub mod random;
mod search;

use serde::{Deserialize, Serialize};

pub use explain::explain;
pub use flow::{Item, Kind, Played, play};
pub use photo::{Fit, Grid, Rules, allowed, fit};
pub use search::solve;

/// Lines of its text a head keeps under it in its column, at least, when its section runs on
/// into the next column: fewer, and the head stands at the column's foot, away from its story
/// (the make-up pays for it; preflight says where it took one).
pub const UNDER_A_HEAD: u32 = 6;

/// Empty grid lines in a row inside a column from which the run is a hole (preflight reports
/// it; the make-up steps the body in under a lead column that would leave one): a head's own
/// space and a line over it, or the space under a caption, stay under it.
pub const HOLE_LINES: u32 = 5;

/// What the template measured, in grid lines and points.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Measures {
    pub pitch: f64,
    pub gap: f64,
    /// Grid lines of the body area (the type area under the head bands).
    pub capacity: u32,
    /// Width of the type area, pt: bands of photos span it.
    pub full_width: f64,
    pub gutter: f64,
    /// The column structures to choose from.
    pub grids: Vec<GridOption>,
    /// Height of a section head in lines, and of a compact one for pages with many sections.
    pub head_lines: u32,
    pub compact_head_lines: u32,
    /// From this many sections on, heads are compact.
    pub compact_from: usize,
    /// Lines of text a head keeps under it in its column.
    pub keep: u32,
    /// Share of a photo's width or height a crop may cut, unless the editor allows more.
    pub max_crop: f64,
    pub warn_ppi: f64,
    /// Below this a photo is a preflight error: the page would be refused.
    pub error_ppi: f64,
    pub min_photo_lines: u32,
    /// Lines of empty space at a column foot the house accepts without a word.
    pub tolerance: u32,
    /// Grid lines of air the title may take (over it and under its byline) to fill a page
    /// short in every stack (`search::air`).
    #[serde(default)]
    pub headline_air: u32,
    /// Grid lines every section head may be opened by to fill a page the title's air leaves
    /// short (`search::air`).
    #[serde(default)]
    pub head_air: u32,
    /// Pages the body runs across: 2 on a spread, whose fold falls between the two pages'
    /// stacks, in their inner margins (`fold`; no photo is set across it).
    #[serde(default = "one")]
    pub pages_across: u32,
    /// A spread's fold, pt: the pages' inner margins between their type areas, which the
    /// stacks of each page keep clear of.
    #[serde(default)]
    pub fold: f64,
    pub sections: Vec<SectionMeasures>,
    /// The credit's lines per grid option, if the page has one.
    pub credit: Option<Vec<u32>>,
    /// The lead band over the body, if the page has a lead or a lead photo: its lines come out
    /// of `capacity`.
    #[serde(default)]
    pub lead: Option<LeadMeasures>,
}

impl Measures {
    /// The gutter between two stacks of grid `g` on one page, pt (`stack-gutter` in
    /// layout/style.typ): each page's stacks stand on its own type area.
    pub fn stack_gutter(&self, g: usize) -> f64 {
        let grid = &self.grids[g];
        let pages = self.pages_across.max(1);
        let per_page = (grid.stacks / pages).max(1);
        if per_page < 2 {
            return 0.0;
        }
        let page_width = (self.full_width - f64::from(pages - 1) * self.fold) / f64::from(pages);
        (page_width - f64::from(per_page) * grid.width) / f64::from(per_page - 1)
    }

    /// The left edge of the lead's column `c`, pt from the type area's left (`lead-column-x`):
    /// a lead without a photo across a spread has half its columns on each page.
    pub fn lead_column_left(&self, lead: &LeadPlan, c: u32) -> f64 {
        if lead.photo.is_some() {
            return f64::from(c) * (lead.text_width + self.gutter);
        }
        self.column_left(c, lead.columns, lead.text_width, self.gutter)
    }

    /// The left edge of column `i` of `n`, `width` wide and `gutter` apart on a page, each
    /// page's share on its own type area (`column-x` in layout/style.typ).
    fn column_left(&self, i: u32, n: u32, width: f64, gutter: f64) -> f64 {
        let page = f64::from(i * self.pages_across.max(1) / n.max(1));
        f64::from(i) * (width + gutter) + page * (self.fold - gutter)
    }

    /// Each stack's edges in grid `g`, pt from the type area's left (`stack-x`): a spread's
    /// right page's past the fold.
    pub fn stack_edges(&self, g: usize) -> Vec<(f64, f64)> {
        let grid = &self.grids[g];
        let n = grid.stacks.max(1);
        let gutter = self.stack_gutter(g);
        (0..n)
            .map(|i| {
                let x = self.column_left(i, n, grid.width, gutter);
                (x, x + grid.width)
            })
            .collect()
    }
}

/// The lead (导语) and its photo: ways to set them side by side.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct LeadMeasures {
    /// The lead's own line pitch and leading, pt.
    pub pitch: f64,
    pub leading: f64,
    /// The widest measure the lead reads well at, in characters of its size.
    pub max_chars: f64,
    pub photo: Option<LeadPhoto>,
    pub options: Vec<LeadOption>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct LeadPhoto {
    pub width_px: u32,
    pub height_px: u32,
    pub max_crop: Option<f64>,
}

/// One way to set the lead band: the photo this wide (0 without one), the lead in `columns`
/// columns of `text_width` beside it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct LeadOption {
    pub photo_width: f64,
    pub text_width: f64,
    pub columns: u32,
    /// Each lead paragraph's lines (of the lead's pitch) at `text_width`: banmian counts them
    /// on the measure pass's lead line pages (`src/template/lines.rs`).
    #[serde(default)]
    pub paragraphs: Vec<u32>,
    /// Where each paragraph's lines start in its text at `text_width`, read there too: `None`
    /// where they could not be read (the make-up never splits that paragraph).
    #[serde(default)]
    pub starts: Vec<Option<Vec<usize>>>,
    /// The photo caption's grid lines at `photo_width`.
    pub caption: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct GridOption {
    pub stacks: u32,
    /// Width of one stack, pt.
    pub width: f64,
}

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SectionMeasures {
    /// Whether it opens with a head (the lead set as a page's one story has none).
    #[serde(default = "yes")]
    pub head: bool,
    /// Each paragraph's lines, per grid option.
    pub paragraphs: Vec<Vec<u32>>,
    pub photos: Vec<PhotoMeasures>,
    /// Where each paragraph's lines start in its text, per grid option (byte offsets, the
    /// text's end last), as the template's line pages show them (`template::lines`). A
    /// paragraph without them is never split between frames.
    #[serde(default)]
    pub starts: Vec<Vec<Option<Vec<usize>>>>,
    /// The same, where the paragraph set loose (拉行, `loose-tracking`) runs exactly one line
    /// longer: the make-up may set it so to fill a column.
    #[serde(default)]
    pub loose: Vec<Vec<Option<Vec<usize>>>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct PhotoMeasures {
    pub width_px: u32,
    pub height_px: u32,
    /// The most the editor lets a crop cut, when more than the house's.
    pub max_crop: Option<f64>,
    /// Caption lines (with the space under it) per grid option.
    pub caption: Vec<u32>,
    /// Caption lines in a band of n photos across the page (index n − 1).
    pub band_caption: Vec<u32>,
    /// Caption lines across k stacks of each grid (index k − 2), for a photo set wider than
    /// its stack in the body.
    #[serde(default)]
    pub wide_caption: Vec<Vec<u32>>,
}

/// The make-up the template draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Stacks of the body and the width of each, pt.
    pub stacks: u32,
    pub stack_width: f64,
    /// Where each stack's column starts, in grid lines under the body's top (under the lead's
    /// text or its photo: see `lead::tops`).
    pub tops: Vec<u32>,
    /// The frames the flow runs through, in reading order: each stack's from its top to the
    /// foot, cut where a wide photo stands across it.
    pub frames: Vec<Frame>,
    /// Photos set across two stacks or more, anywhere in the body.
    pub wide: Vec<WidePhoto>,
    /// Where the columns end, in grid lines under the body's top: over the band if there is
    /// one, higher for a balanced short page.
    pub foot: u32,
    pub head_lines: u32,
    /// Grid lines every section head is opened by to fill a short page (where the template
    /// sets them: `section-head`'s `air`): each head item is `head_lines + head_air` lines,
    /// and more where it has space over it.
    pub head_air: u32,
    /// The column flow in reading order, each item or part of a paragraph in its column.
    pub flow: Vec<FlowItem>,
    /// Photos set side by side across the page under the columns.
    pub band: Option<Band>,
    /// The lead band over the body.
    pub lead: Option<LeadPlan>,
    /// Grid lines of air given to the title to fill a short page: the body (and
    /// every line of this plan) starts that much lower, in a body area that much shorter.
    pub air: u32,
    /// What the plan leaves: empty lines at column feet and after the end, overset lines.
    pub empty_lines: u32,
    pub overset_lines: u32,
}

/// What an item of a feature stack's flow is (the template draws each kind its own way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowKind {
    Head,
    Text,
    Photo,
    Credit,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowItem {
    pub kind: FlowKind,
    pub section: usize,
    /// Paragraph or photo index within the section.
    pub index: usize,
    /// Lines it takes here (for a paragraph split between columns, this part's).
    pub lines: u32,
    /// The frame it stands in (`Plan::frames`); one past the last runs over the page.
    pub frame: usize,
    /// Lines `from..to` of the item stand here.
    pub from: u32,
    pub to: u32,
    /// Its last line is the item's last.
    pub last: bool,
    /// For a paragraph split between columns: where each of its lines here starts in its
    /// text (byte offsets), and where the last ends. The template sets these very lines.
    pub starts: Option<Vec<usize>>,
    /// A paragraph set loose (拉行: `loose-tracking`), a line longer, to fill its page.
    pub loose: bool,
    pub photo: Option<PhotoPlan>,
}

/// A rectangle of the body the flow runs through: one stack wide, `lines` grid lines from `top`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Frame {
    pub stack: usize,
    pub top: u32,
    pub lines: u32,
}

/// A photo set across `span` stacks from `stack`, its picture's top `top` grid lines under the
/// body's top; the text of the stacks runs above and below it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WidePhoto {
    pub stack: usize,
    pub span: usize,
    pub top: u32,
    pub photo: PhotoPlan,
    /// The flow item (`Plan::flow`) after which the template draws it, so that the page's
    /// text reads in order: the paragraph that runs on under it whole, then its caption.
    /// `None`: before the first.
    pub after: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhotoPlan {
    /// The section it belongs to; `None` for the lead photo.
    pub section: Option<usize>,
    pub index: usize,
    /// The picture box, pt, and the size the whole photo is drawn at inside it.
    pub width: f64,
    pub height: f64,
    pub drawn: (f64, f64),
    pub picture_lines: u32,
    pub caption_lines: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadPlan {
    pub option: usize,
    pub columns: u32,
    pub text_width: f64,
    /// Height of the lead's columns, in lines of the lead's pitch.
    pub text_lines: u32,
    /// Grid lines the lead's text takes (with the gap under it): the body's columns under
    /// the text start there, those under the photo under its caption.
    pub text_grid: u32,
    /// Grid lines the lead's last column takes (with the gap under it): fewer than
    /// `text_grid` where it ends short of the others.
    pub last_grid: u32,
    /// Grid lines each of the lead's columns takes (with the gap under it), left to right.
    pub column_grids: Vec<u32>,
    /// The lead's columns whose stacks start right under their text rather than under the
    /// band, and the line they start at (see `lead::steps`): (column, line). The band's rule
    /// steps up under each.
    pub steps: Vec<(u32, u32)>,
    /// Grid lines of the whole band: its taller side.
    pub lines: u32,
    /// The lead's text, column by column: each paragraph or part of one where the make-up
    /// balanced the columns (see `lead::set_text`). The template sets exactly these.
    pub parts: Vec<LeadPart>,
    /// The body's columns start under the text where they stand under it and under the photo
    /// where they stand under the photo (see `lead::tops`); else all under the band's foot.
    pub stepped: bool,
    pub photo: Option<PhotoPlan>,
}

/// A lead paragraph, or part of one, in a column of the lead band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadPart {
    pub column: u32,
    pub paragraph: usize,
    /// Lines `from..to` of the paragraph stand here.
    pub from: u32,
    pub to: u32,
    /// Its last line is the paragraph's last.
    pub last: bool,
    /// For a paragraph split between columns: where each of its lines here starts in its
    /// text (byte offsets), and where the last ends, as `FlowItem::starts`.
    pub starts: Option<Vec<usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    pub section: usize,
    pub photos: Vec<PhotoPlan>,
    /// Lines the band takes, caption and space under it included.
    pub lines: u32,
}

impl PhotoPlan {
    /// A `px` photo in a box `width` wide and `picture_lines` tall, `caption_lines` under it.
    pub fn new(
        (section, index): (Option<usize>, usize),
        px: (u32, u32),
        width: f64,
        (picture_lines, caption_lines): (u32, u32),
        grid: Grid,
    ) -> Self {
        Self {
            section,
            index,
            width,
            height: grid.box_height(picture_lines),
            drawn: fit(px, width, picture_lines, grid).drawn,
            picture_lines,
            caption_lines,
        }
    }
}

impl Plan {
    /// Heads that stand low in their frame: their section runs on into another frame after
    /// fewer than `UNDER_A_HEAD` lines under them. Each as its flow index, the lines of its
    /// section under it in its frame, and the frame its section goes on in.
    pub fn low_heads(&self) -> Vec<(usize, u32, usize)> {
        let flow = &self.flow;
        (0..flow.len())
            .filter(|&i| flow[i].kind == FlowKind::Head)
            .filter_map(|i| {
                let ours = |j: &usize| {
                    flow[*j].section == flow[i].section && flow[*j].kind != FlowKind::Head
                };
                let here: u32 = (i + 1..flow.len())
                    .take_while(|j| flow[*j].frame == flow[i].frame)
                    .take_while(ours)
                    .map(|j| flow[j].lines)
                    .sum();
                let on = (i + 1..flow.len())
                    .take_while(ours)
                    .find(|&j| flow[j].frame != flow[i].frame)?;
                (here < UNDER_A_HEAD).then_some((i, here, flow[on].frame))
            })
            .collect()
    }

    /// Photos of the flow that open a frame higher on the page than their section's head
    /// stands, in an earlier one: a head low in one column, its photo atop the next, beside
    /// the section before (the score pays for it, `above_head`). Each as the photo's flow
    /// index and the head's.
    pub fn photos_above_heads(&self) -> Vec<(usize, usize)> {
        // Where each item of the flow starts, grid lines under the body's top, and whether
        // it opens its frame.
        let mut next: Vec<u32> = self.frames.iter().map(|f| f.top).collect();
        let placed: Vec<Option<(u32, bool)>> = self
            .flow
            .iter()
            .map(|item| {
                let top = next.get_mut(item.frame)?;
                let at = (*top, *top == self.frames[item.frame].top);
                *top += item.lines;
                Some(at)
            })
            .collect();
        let flow = &self.flow;
        (0..flow.len())
            .filter(|&i| flow[i].kind == FlowKind::Photo)
            .filter_map(|i| {
                let (top, opens) = placed[i]?;
                let head = (0..i).find(|&j| {
                    flow[j].kind == FlowKind::Head && flow[j].section == flow[i].section
                })?;
                let (head_top, _) = placed[head]?;
                (opens && flow[head].frame < flow[i].frame && top < head_top).then_some((i, head))
            })
            .collect()
    }

    /// Lines the flow fills in frame `frame`.
    pub fn lines_in(&self, frame: usize) -> u32 {
        self.flow
            .iter()
            .filter(|item| item.frame == frame)
            .map(|item| item.lines)
            .sum()
    }

    /// Every photo the plan places, in flow then band order.
    pub fn photos(&self) -> impl Iterator<Item = &PhotoPlan> {
        self.flow
            .iter()
            .filter_map(|item| item.photo.as_ref())
            .chain(self.wide.iter().map(|w| &w.photo))
            .chain(self.band.iter().flat_map(|b| b.photos.iter()))
            .chain(self.lead.iter().filter_map(|l| l.photo.as_ref()))
    }
}

/// What a template measured for its make-up: a feature's flow or a news page's stories.
#[derive(Debug, Clone)]
pub enum Measured {
    Feature(Measures),
    News(news::NewsMeasures),
}

/// The make-up a template draws, with what it was made from.
#[derive(Debug, Clone)]
pub enum MadeUp {
    Feature(Plan),
    News(news::NewsPlan, news::NewsMeasures),
}

impl MadeUp {
    /// The plan as the template reads it (`page.plan`).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            MadeUp::Feature(plan) => serde_json::to_value(plan),
            MadeUp::News(plan, _) => serde_json::to_value(plan),
        }
        .expect("plan serializes")
    }

    /// Every photo the plan places, by its walk index (`PageView::photos` order), with the
    /// width the whole photo is drawn at, pt.
    pub fn drawn_widths(&self, page: &crate::content::PageView) -> Vec<(String, f64)> {
        match self {
            MadeUp::Feature(plan) => plan
                .photos()
                .filter_map(|p| {
                    let photo = match p.section {
                        Some(s) => &page.sections[s].photos[p.index],
                        None => page.lead_photo.as_ref()?,
                    };
                    Some((photo.src.clone(), p.drawn.0))
                })
                .collect(),
            MadeUp::News(plan, _) => {
                plan.modules
                    .iter()
                    .filter_map(|module| {
                        let story = page.stories.get(module.story)?;
                        Some(module.photos.iter().filter_map(|p| {
                            Some((story.photos.get(p.index)?.src.clone(), p.drawn.0))
                        }))
                    })
                    .flatten()
                    .collect()
            }
        }
    }

    /// The make-up in words for the desk; `photo` names a feature photo by (section, index).
    pub fn explain(&self, photo: impl Fn(Option<usize>, usize) -> String) -> Vec<String> {
        match self {
            MadeUp::Feature(plan) => explain(plan, photo),
            MadeUp::News(plan, measures) => news::explain(plan, measures),
        }
    }
}

/// `solve`, answering at once when the measures are those of the last call: an edit that
/// changes no line count (most edits of a word or two) makes up the same page. `solve` is a
/// pure function of the measures, so keeping its last answer changes nothing but the time.
pub fn solve_memoized(measured: &Measured) -> MadeUp {
    static LAST: std::sync::Mutex<Option<(String, MadeUp)>> = std::sync::Mutex::new(None);
    let key = format!("{measured:?}");
    let last = || LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((seen, plan)) = last().as_ref()
        && *seen == key
    {
        return plan.clone();
    }
    // Solved with the lock released: an issue's pages make up side by side.
    let plan = match measured {
        Measured::Feature(m) => MadeUp::Feature(solve(m)),
        Measured::News(m) => MadeUp::News(news::solve(m), m.clone()),
    };
    *last() = Some((key, plan.clone()));
    plan
}
