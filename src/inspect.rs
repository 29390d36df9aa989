//! Reading a laid-out page back as lines of text with their geometry: where each line sits,
//! where each glyph starts and how wide it is. Tests measure the house typography with it
//! (grid, indents, justification, line-start and line-end rules).

use typst::layout::FrameItem;
use typst_layout::PagedDocument;

use crate::preflight::frames;

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
pub fn lines(document: &PagedDocument) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for placed in frames::placed(document) {
        let FrameItem::Text(item) = placed.item else {
            continue;
        };
        let size = item.size.to_pt();
        let family = item.font.font().info().family.clone();
        let (mut x, baseline) = (placed.at.x.to_pt(), placed.at.y.to_pt());
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
        let continues = lines.last().is_some_and(|line| {
            line.page == placed.page
                && (line.baseline - baseline).abs() < 0.01
                && (placed.at.x.to_pt() - line.end()).abs() < size * 0.75
        });
        match lines.last_mut() {
            Some(line) if continues => line.glyphs.extend(glyphs),
            _ => lines.push(Line {
                page: placed.page,
                baseline,
                size,
                family,
                glyphs,
            }),
        }
    }
    lines
}
