//! The glyphs ink has read, kept for the whole process: each glyph's outline (from its font,
//! by the font's hash and glyph id) and its edges at each size it is drawn (`coverage::Edges`).
//! Reading a glyph's outline and flattening it is a third of measuring a page; an issue's
//! pages and a live proof's rebuilds set the same glyphs at the same sizes again.
//!
//! A measurement works on its own copy (`take`: the maps' values are shared, so the copy is
//! cheap) and hands back what it added (`keep`): pages measured side by side never wait for
//! each other.
//!
//! The edges of each size of each font are kept in the cache folder too, one file a size
//! (`glyphs/`), for the next process: a build is a process of its own, and most glyphs of a
//! paper's next page are those of its last.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use tiny_skia as sk;
use typst::text::FontInstance;

use super::coverage::Edges;

/// A glyph by its font's hash and id.
pub type GlyphKey = (u128, u16);

/// A glyph at a size: its key and the scale to cells across and down (as bits).
pub type SizedKey = (u128, u16, u32, u32);

/// A font at a size: its hash and the scale to cells across and down (as bits).
type SizeKey = (u128, u32, u32);

#[derive(Default, Clone)]
pub struct Glyphs {
    /// Each glyph's outline in font units (y up), `None` for one without.
    outlines: HashMap<GlyphKey, Option<Arc<sk::Path>>>,
    /// Each glyph's edges at a size, `None` for one that covers nothing.
    edges: HashMap<SizedKey, Option<Arc<Edges>>>,
    /// The sizes whose file in the cache folder was read (or looked for).
    read: HashSet<SizeKey>,
    /// The sizes that gained glyphs since their file was read: written by `keep`.
    grown: HashSet<SizeKey>,
}

impl Glyphs {
    /// The outline of glyph `id` of `font` (whose hash is `hash`), read once.
    pub fn outline(&mut self, hash: u128, font: &FontInstance, id: u16) -> Option<Arc<sk::Path>> {
        self.outlines
            .entry((hash, id))
            .or_insert_with(|| super::geometry::outline(font, id).map(Arc::new))
            .clone()
    }

    /// The edges of glyph `id` of `font` (whose hash is `hash`) scaled by `sx`, `sy` to cells,
    /// flattened once a size (or read from the cache folder); `None` for a glyph that covers
    /// nothing.
    pub fn edges(
        &mut self,
        hash: u128,
        font: &FontInstance,
        id: u16,
        sx: f32,
        sy: f32,
    ) -> Option<Arc<Edges>> {
        let (x, y) = (sx.to_bits(), sy.to_bits());
        if let Some(edges) = self.edges.get(&(hash, id, x, y)) {
            return edges.clone();
        }
        if self.read.insert((hash, x, y)) {
            self.read_file((hash, x, y));
            if let Some(edges) = self.edges.get(&(hash, id, x, y)) {
                return edges.clone();
            }
        }
        let edges = self
            .outline(hash, font, id)
            .and_then(|outline| Edges::of(&outline, sk::Transform::from_scale(sx, sy)))
            .map(Arc::new);
        self.edges.insert((hash, id, x, y), edges.clone());
        self.grown.insert((hash, x, y));
        edges
    }

    /// Reads the file of size `size` from the cache folder, if there is one.
    fn read_file(&mut self, size: SizeKey) {
        let Some(bytes) = file(size).and_then(|f| std::fs::read(f).ok()) else {
            return;
        };
        let Some(mut rest) = bytes.strip_prefix(MAGIC) else {
            return;
        };
        let (hash, x, y) = size;
        while let Some((id, tail)) = rest.split_first_chunk::<2>() {
            let id = u16::from_le_bytes(*id);
            match tail.split_first() {
                Some((0, tail)) => {
                    self.edges.insert((hash, id, x, y), None);
                    rest = tail;
                }
                Some((1, tail)) => {
                    let Some((edges, tail)) = Edges::read(tail) else {
                        return;
                    };
                    self.edges.insert((hash, id, x, y), Some(Arc::new(edges)));
                    rest = tail;
                }
                _ => return,
            }
        }
    }

    /// Writes the file of each size that gained glyphs: every glyph known at that size.
    fn write_files(&mut self) {
        for size in std::mem::take(&mut self.grown) {
            let Some(path) = file(size) else { continue };
            let (hash, x, y) = size;
            let mut out = MAGIC.to_vec();
            for ((h, id, gx, gy), edges) in &self.edges {
                if (*h, *gx, *gy) != (hash, x, y) {
                    continue;
                }
                out.extend(id.to_le_bytes());
                match edges {
                    Some(edges) => {
                        out.push(1);
                        edges.write(&mut out);
                    }
                    None => out.push(0),
                }
            }
            let _ = crate::atomic::write_atomic(&path, &out);
        }
    }
}

/// The file of a size in the cache folder.
fn file(size: SizeKey) -> Option<std::path::PathBuf> {
    crate::engine::cache::file("glyphs", &(MAGIC, size))
}

/// What a glyph file starts with: a new way of flattening would write a new one.
const MAGIC: &[u8] = b"banmian glyph edges 1\n";

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

/// Keeps what `glyphs` holds that is not kept yet, and writes the sizes that gained glyphs to
/// the cache folder.
pub fn keep(mut glyphs: Glyphs) {
    glyphs.write_files();
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
    kept.read.extend(glyphs.read);
}
