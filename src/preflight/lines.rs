//! The laid-out page's text as lines: where each line sits, its language, where each glyph
//! starts and how wide it is, and the story it is set in. Preflight reads Latin text with it;
//! tests measure the house typography with it (`inspect` shows it to them).

use typst::introspection::Tag;
use typst::layout::FrameItem;
use typst_layout::PagedDocument;

use super::frames;
use crate::template as marks;

/// One glyph as set.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// The characters it draws.
    pub text: String,
    /// Pen position on the page, pt: where its em box starts. (A line-start bracket set half
    /// width is drawn shifted left of this, its ink flush with the column.)
    pub x: f64,
    /// Shift of the drawn glyph from the pen position, pt (space typst adds before a glyph,
    /// e.g. between a digit and a Han character, is an offset plus a wider advance).
    pub offset: f64,
    /// Advance as set (after compression and justification), pt.
    pub advance: f64,
    /// The glyph's own advance in the font, in em.
    pub natural_em: f64,
}

/// A run of glyphs on one baseline: one line of a column. Size and family are those of its
/// first glyph (a line may borrow a glyph or two from another font).
#[derive(Debug, Clone)]
pub struct Line {
    pub page: usize,
    pub baseline: f64,
    pub size: f64,
    pub family: String,
    /// Its language as typst set it (`zh`, `en`…).
    pub lang: String,
    pub glyphs: Vec<Glyph>,
}

impl Line {
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    pub fn start(&self) -> f64 {
        self.glyphs.first().map_or(0.0, |g| g.x)
    }

    /// Where the last glyph's em box ends: its natural width, or less when set compressed.
    /// (Justification adds space after every glyph, the last included: that space is not ink.)
    pub fn end(&self) -> f64 {
        self.glyphs.last().map_or(0.0, |g| {
            g.x + g.offset.max(0.0) + (g.advance - g.offset.max(0.0)).min(g.natural_em * self.size)
        })
    }
}

/// Every line of text on every page, in the order typst set them. Text items on one baseline
/// that follow each other closely are one line; a jump back or across a gutter starts another.
/// The glyphs of a text item set from pen position `x`.
fn glyphs_of(item: &typst::text::TextItem, mut x: f64) -> Vec<Glyph> {
    let mut glyphs = Vec::new();
    for glyph in &item.glyphs {
        let advance = glyph.x_advance.at(item.size).to_pt();
        let natural_em = item.font.x_advance(glyph.id).map_or(0.0, |em| em.get());
        glyphs.push(Glyph {
            text: item.text[glyph.range()].to_string(),
            x,
            offset: glyph.x_offset.at(item.size).to_pt(),
            advance,
            natural_em,
        });
        x += advance;
    }
    glyphs
}

pub fn lines(document: &PagedDocument) -> Vec<Line> {
    lines_in_stories(document)
        .into_iter()
        .map(|(line, _)| line)
        .collect()
}

/// Like [`lines`], each line with the story it is set in (the innermost story open where its
/// first glyph is: `section-3`, `lead`, `credit`…; none outside every story). Stories are the
/// marks templates leave for preflight (`layout/components/marks.typ`).
pub fn lines_in_stories(document: &PagedDocument) -> Vec<(Line, Option<String>)> {
    let mut lines: Vec<(Line, Option<String>)> = Vec::new();
    let mut open: Vec<String> = Vec::new();
    for placed in frames::placed(document) {
        let item = match placed.item {
            FrameItem::Tag(Tag::Start(content, _)) => {
                match marks::story_edge(content) {
                    Some((story, true, _)) => open.push(story),
                    Some((story, false, _)) => {
                        if let Some(i) = open.iter().rposition(|s| *s == story) {
                            open.remove(i);
                        }
                    }
                    None => {}
                }
                continue;
            }
            FrameItem::Tag(Tag::End(..)) => continue,
            FrameItem::Text(item) => item,
            _ => continue,
        };
        let size = item.size.to_pt();
        let family = item.font.font().info().family.clone();
        let baseline = placed.at.y.to_pt();
        let glyphs = glyphs_of(item, placed.at.x.to_pt());
        let continues = lines.last().is_some_and(|(line, _)| {
            line.page == placed.page
                && (line.baseline - baseline).abs() < 0.01
                && (placed.at.x.to_pt() - line.end()).abs() < size * 0.75
        });
        match lines.last_mut() {
            Some((line, _)) if continues => line.glyphs.extend(glyphs),
            _ => lines.push((
                Line {
                    page: placed.page,
                    baseline,
                    size,
                    family,
                    lang: item.lang.as_str().to_string(),
                    glyphs,
                },
                open.last().cloned(),
            )),
        }
    }
    lines
}
