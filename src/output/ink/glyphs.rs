//! The glyphs ink has read, kept for the whole process: each glyph's outline (from its font,
//! by the font's hash and glyph id) and its edges at each size it is drawn (`coverage::Edges`).
//! Reading a glyph's outline and flattening it is a third of measuring a page; an issue's
//! pages and a live proof's rebuilds set the same glyphs at the same sizes again.
//!
//! A measurement works on its own copy (`take`: the maps' values are shared, so the copy is
//! cheap) and hands back what it added (`keep`): pages measured side by side never wait for
//! each other.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tiny_skia as sk;
use typst::text::FontInstance;

use super::coverage::Edges;

/// A glyph by its font's hash and id.
pub type GlyphKey = (u128, u16);

/// A glyph at a size: its key and the scale to cells across and down (as bits).
pub type SizedKey = (u128, u16, u32, u32);

#[derive(Default, Clone)]
pub struct Glyphs {
    /// Each glyph's outline in font units (y up), `None` for one without.
    pub outlines: HashMap<GlyphKey, Option<Arc<sk::Path>>>,
    /// Each glyph's edges at a size, `None` for one that covers nothing.
    pub edges: HashMap<SizedKey, Option<Arc<Edges>>>,
}

impl Glyphs {
    /// The outline of glyph `id` of `font` (whose hash is `hash`), read once.
    pub fn outline(&mut self, hash: u128, font: &FontInstance, id: u16) -> Option<Arc<sk::Path>> {
        self.outlines
            .entry((hash, id))
            .or_insert_with(|| super::geometry::outline(font, id).map(Arc::new))
            .clone()
    }

    /// The edges of `outline` (glyph `id` of the font hashed `hash`) scaled by `sx`, `sy` to
    /// cells, flattened once a size.
    pub fn edges(
        &mut self,
        hash: u128,
        id: u16,
        outline: &sk::Path,
        sx: f32,
        sy: f32,
    ) -> Option<Arc<Edges>> {
        self.edges
            .entry((hash, id, sx.to_bits(), sy.to_bits()))
            .or_insert_with(|| Edges::of(outline, sk::Transform::from_scale(sx, sy)).map(Arc::new))
            .clone()
    }
}

/// Glyphs kept at most, outlines and sizes each: a few fonts' worth of a paper's pages.
const KEPT: usize = 50_000;

static KEPT_GLYPHS: Mutex<Option<Glyphs>> = Mutex::new(None);

/// A copy of the glyphs kept.
pub fn take() -> Glyphs {
    KEPT_GLYPHS
        .lock()
        .ok()
        .and_then(|kept| kept.clone())
        .unwrap_or_default()
}

/// Keeps what `glyphs` holds that is not kept yet.
pub fn keep(glyphs: Glyphs) {
    let Ok(mut kept) = KEPT_GLYPHS.lock() else {
        return;
    };
    let kept = kept.get_or_insert_with(Glyphs::default);
    if kept.outlines.len() + glyphs.outlines.len() > KEPT
        || kept.edges.len() + glyphs.edges.len() > KEPT
    {
        *kept = Glyphs::default();
    }
    kept.outlines.extend(glyphs.outlines);
    kept.edges.extend(glyphs.edges);
}
