//! A page's SVG for the live proof, made piece by piece with each piece remembered between
//! builds. typst-svg writes a whole page at a time, every glyph outline read and written again
//! (50-70 ms for the sample page), where an edit changes a few lines of it.
//!
//! typst-svg draws the items of a frame laid out on its own (a *hard* frame: a block, a
//! column) in that frame's coordinates, so each item is written the same wherever the frame
//! stands. Each such item is written alone, by typst-svg on a page that holds only it, and
//! remembered by what it is, where it stands and the size of its frame; a hard group's own tag
//! (its transform and clip) likewise, from the group written empty. Put together, the pieces
//! are the page typst-svg writes whole, but for the order of the definitions (glyph outlines,
//! clip paths, gradients), each written once.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use typst::foundations::{Content, Smart};
use typst::layout::{Abs, Frame, FrameItem, FrameKind, GroupItem, Point, Sides, Size};
use typst_layout::Page;
use typst_svg::SvgOptions;

use super::svg::{Asset, elements, take_images};

/// What a page's items were written as, kept while the pages shown use them.
#[derive(Default)]
pub struct Renderer {
    pieces: HashMap<u128, Arc<Piece>>,
    /// The pieces the pages written since the last `sweep` used.
    used: HashSet<u128>,
}

/// One item of a frame, written.
enum Piece {
    /// Its elements as typst-svg writes them (none for an item that draws nothing), photos
    /// taken out; the definitions they use, by id; the photos.
    Leaf {
        text: String,
        defs: Vec<(String, String)>,
        assets: Vec<(String, Asset)>,
    },
    /// A group: its opening tag (none for a soft group typst-svg writes no element for) and
    /// the definitions it uses (a clip path), its items.
    Group {
        open: Option<String>,
        defs: Vec<(String, String)>,
        items: Vec<Arc<Piece>>,
    },
}

/// A page written: its SVG but the definitions, the definitions (id and text, each once), and
/// the photos taken out of it, by key.
pub struct Written {
    pub svg: String,
    pub defs: Vec<(String, String)>,
    pub assets: Vec<(String, Asset)>,
}

fn options() -> SvgOptions {
    SvgOptions {
        render_bleed: true,
        pretty: false,
    }
}

impl Renderer {
    /// `page` as typst-svg writes it (with its bleed), from the pieces remembered where its
    /// items did not change.
    pub fn page(&mut self, page: &Page) -> Written {
        // The page's own tag and fill: the page written without its items.
        let bare = Page {
            frame: Frame::new(page.frame.size(), page.frame.kind()),
            ..page.clone()
        };
        let shell = typst_svg::svg(&bare, &options());
        let size = page.frame.size() + page.bleed.sum_by_axis();
        let items: Vec<Arc<Piece>> = page
            .frame
            .items()
            .map(|(pos, item)| self.item(size, *pos, item))
            .collect();
        let mut out = Assembly::default();
        match page_group(&shell) {
            Some((head, fill)) => {
                out.svg.push_str(&head);
                out.svg.push_str(fill);
            }
            None => {
                out.svg.push_str(svg_tag(&shell));
                out.svg.push_str("<g>");
            }
        }
        for item in &items {
            out.add(item);
        }
        out.svg.push_str("</g></svg>");
        Written {
            svg: out.svg,
            defs: out.defs,
            assets: out.assets,
        }
    }

    /// Forgets the pieces the pages written since the last sweep did not use.
    pub fn sweep(&mut self) {
        let used = std::mem::take(&mut self.used);
        self.pieces.retain(|key, _| used.contains(key));
    }

    /// `item` at `pos` in a hard frame of `size` (or the page), written or remembered.
    fn item(&mut self, size: Size, pos: Point, item: &FrameItem) -> Arc<Piece> {
        let key = typst::utils::hash128(&(size, pos, item));
        self.used.insert(key);
        if let Some(piece) = self.pieces.get(&key) {
            return piece.clone();
        }
        let piece = match item {
            FrameItem::Group(group) if group.frame.items().len() > 1 => {
                self.group(size, pos, group)
            }
            _ => None,
        };
        let piece = Arc::new(piece.unwrap_or_else(|| leaf(size, pos, item)));
        self.pieces.insert(key, piece.clone());
        piece
    }

    /// A group of several items as its tag and its items, each remembered on its own; `None`
    /// for one that is written whole (turned or scaled in a frame it does not make).
    fn group(&mut self, size: Size, pos: Point, group: &GroupItem) -> Option<Piece> {
        let hard = group.frame.kind() == FrameKind::Hard;
        // A hard group's items are drawn in its own coordinates; a soft group's in its frame's,
        // moved by where it stands (when it only moves them).
        let (inner, offset) = match hard {
            true => (group.frame.size(), Point::zero()),
            false if group.transform.is_identity() => (size, pos),
            false => return None,
        };
        // The group's own tag: typst-svg writes none for a soft group with neither clip nor
        // label, whose items stand in its frame's element.
        let (open, defs) = if hard || group.clip.is_some() || group.label.is_some() {
            let empty = FrameItem::Group(GroupItem {
                frame: Frame::new(group.frame.size(), group.frame.kind()),
                ..group.clone()
            });
            let (text, defs) = alone(size, pos, empty);
            (Some(opening(&text)?), defs)
        } else {
            (None, Vec::new())
        };
        let items = group
            .frame
            .items()
            .map(|(at, item)| self.item(inner, offset + *at, item))
            .collect();
        Some(Piece::Group { open, defs, items })
    }
}

/// `item` written alone, its photos taken out.
fn leaf(size: Size, pos: Point, item: &FrameItem) -> Piece {
    let (text, defs) = alone(size, pos, item.clone());
    let (text, assets) = take_images(&text);
    Piece::Leaf { text, defs, assets }
}

/// `item` at `pos` written by typst-svg on a page of `size` that holds only it: its elements
/// and its definitions (id, text).
fn alone(size: Size, pos: Point, item: FrameItem) -> (String, Vec<(String, String)>) {
    let mut frame = Frame::hard(size);
    frame.push(pos, item);
    let page = Page {
        frame,
        bleed: Sides::splat(Abs::zero()),
        fill: Smart::Custom(None),
        numbering: None,
        supplement: Content::empty(),
        number: 1,
    };
    elements(&typst_svg::svg(&page, &options()))
}

/// A group written with no items (`<g …/>` or `<g …></g>`) as its opening tag.
fn opening(text: &str) -> Option<String> {
    if let Some(tag) = text.strip_suffix("/>") {
        return tag.starts_with("<g").then(|| format!("{tag}>"));
    }
    let tag = text.strip_suffix("</g>")?;
    (tag.starts_with("<g") && tag.ends_with('>') && tag.matches('<').count() == 1)
        .then(|| tag.to_string())
}

/// The root tag of an SVG (`<svg …>`), as an opening tag.
fn svg_tag(svg: &str) -> &str {
    svg.find('>').map_or(svg, |end| &svg[..=end])
}

/// A page written without its items, split into what comes up to its page group's opening
/// tag and what the group holds (the fill). `None` when typst wrote no page group (no fill, no
/// bleed).
fn page_group(shell: &str) -> Option<(String, &str)> {
    let root_end = shell.find('>')? + 1;
    let rest = &shell[root_end..];
    if !rest.starts_with("<g") {
        return None;
    }
    let open_end = root_end + rest.find('>')? + 1;
    if let Some(empty) = shell[..open_end].strip_suffix("/>") {
        // A group with nothing in it (a bleed, no fill): its tag opened.
        return Some((format!("{empty}>"), ""));
    }
    let close = shell.rfind("</g>")?;
    (close >= open_end).then(|| (shell[..open_end].to_string(), &shell[open_end..close]))
}

/// A page's SVG put together from its pieces.
#[derive(Default)]
struct Assembly {
    svg: String,
    def_ids: HashSet<String>,
    defs: Vec<(String, String)>,
    assets: Vec<(String, Asset)>,
}

impl Assembly {
    fn add(&mut self, piece: &Piece) {
        match piece {
            Piece::Leaf { text, defs, assets } => {
                self.svg.push_str(text);
                self.defs(defs);
                self.assets.extend(assets.iter().cloned());
            }
            Piece::Group { open, defs, items } => {
                if let Some(open) = open {
                    self.svg.push_str(open);
                }
                self.defs(defs);
                for item in items {
                    self.add(item);
                }
                if open.is_some() {
                    self.svg.push_str("</g>");
                }
            }
        }
    }

    fn defs(&mut self, defs: &[(String, String)]) {
        for (id, text) in defs {
            if !self.def_ids.contains(id) {
                self.def_ids.insert(id.clone());
                self.defs.push((id.clone(), text.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::desk::serve::svg::{Chunk, Cut};

    /// The page's text as the browser would show it: every block's text, nested groups
    /// spelled out, in order.
    fn shown(cut: &Cut, key: &str, out: &mut String) {
        match &cut.chunks[key] {
            Chunk::Leaf(text) => out.push_str(text),
            Chunk::Group { open, children } => {
                out.push_str(open);
                for child in children {
                    shown(cut, child, out);
                }
                out.push_str("</g>");
            }
        }
    }

    fn cut(svg: &str, defs: &[(String, String)]) -> (String, Vec<String>, Cut) {
        let mut cut = Cut::default();
        cut.add(svg);
        cut.add_defs(defs);
        let page = &cut.pages[0];
        let mut text = page.open.clone();
        for key in &page.chunks {
            shown(&cut, key, &mut text);
        }
        let mut defs: Vec<String> = cut.defs.iter().map(|(id, _)| id.clone()).collect();
        defs.sort();
        (text, defs, cut)
    }

    /// Pages of each template, laid out, then written whole by typst-svg and piece by piece:
    /// the same blocks, definitions and photos; and again after an edit, from the pieces kept.
    #[test]
    fn pieces_put_together_are_the_page_typst_svg_writes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for page in [
            "content/pingluo-cppcc/page.yaml",
            "content/sample-issue/city-news/page.yaml",
            "content/english-sample/page.yaml",
        ] {
            let path = root.join(page);
            let project = crate::project::Project::open(&path, None, &[]).unwrap();
            let mut loaded = project.load(&path).unwrap();
            let mut world = project.world();
            let mut renderer = Renderer::default();
            for edit in 0..2 {
                if edit == 1 {
                    // A word changed in the first story: a few lines of the page.
                    let view = &mut loaded.view;
                    let body = match view.sections.first_mut() {
                        Some(section) => &mut section.body[0],
                        None => &mut view.stories[0].body[0],
                    };
                    body.insert(0, '改');
                }
                let laid = crate::build::lay_out(&mut world, &loaded).unwrap();
                for typst_page in laid.document.pages() {
                    let whole = typst_svg::svg(typst_page, &options());
                    let written = renderer.page(typst_page);
                    let (want, want_defs, want_cut) = cut(&whole, &[]);
                    let (got, got_defs, got_cut) = cut(&written.svg, &written.defs);
                    if want != got {
                        let at = want
                            .bytes()
                            .zip(got.bytes())
                            .position(|(a, b)| a != b)
                            .unwrap_or(want.len().min(got.len()));
                        let from = at.saturating_sub(300);
                        panic!(
                            "{page}, edit {edit}: the pages differ at {at} of {} / {}:\nwant {}\ngot  {}",
                            want.len(),
                            got.len(),
                            &want[from..(at + 300).min(want.len())],
                            &got[from..(at + 300).min(got.len())]
                        );
                    }
                    assert_eq!(want_defs, got_defs, "{page}, edit {edit}");
                    assert_eq!(want_cut.pages[0].chunks, got_cut.pages[0].chunks);
                    let mut photos: Vec<&String> = want_cut.assets.keys().collect();
                    photos.sort();
                    let mut written: Vec<&String> = written.assets.iter().map(|(k, _)| k).collect();
                    written.sort();
                    written.dedup();
                    assert_eq!(photos, written, "{page}, edit {edit}");
                }
                renderer.sweep();
            }
        }
    }
}
