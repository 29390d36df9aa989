//! A page's SVG (as typst-svg writes it) cut into the pieces the browser keeps between builds,
//! so that after an edit only what changed is sent:
//!
//! - the page's top-level blocks (`chunks`), each keyed by a hash of its text;
//! - the definitions (glyph outlines, clip paths, gradients), keyed by typst's own ids, which
//!   are hashes of what they define: one library in the page, sent once per browser;
//! - the photos, which typst embeds as base64 `data:` URLs, taken out and served by hash
//!   (`/asset/<key>`), so a moved photo is not sent or decoded again.

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;

/// One page, cut up.
#[derive(Debug, Clone)]
pub struct Page {
    /// The root element's `viewBox` (pt, bleed included).
    pub view_box: String,
    /// The opening tag of the group every block sits in (it moves the page inside the bleed).
    pub open: String,
    /// Keys of the page's blocks, in drawing order (a key may repeat).
    pub chunks: Vec<String>,
}

/// A block of a page: an element as text, or a group of blocks. A group is cut further when it
/// is large and holds groups, so that a changed line or a block that only moved costs its own
/// few bytes, not its column's: typst nests a page's content several groups deep.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Chunk {
    Leaf(String),
    Group {
        /// The group's opening tag (its transform).
        open: String,
        children: Vec<String>,
    },
}

/// A group larger than this, holding groups, is cut into its children.
const CUT_ABOVE: usize = 4096;

/// Pages cut up, with everything their keys refer to.
#[derive(Debug, Default, Clone)]
pub struct Cut {
    pub pages: Vec<Page>,
    /// Blocks by key.
    pub chunks: HashMap<String, Chunk>,
    /// Definitions by id, in first-seen order.
    pub defs: Vec<(String, String)>,
    def_ids: std::collections::HashSet<String>,
    /// Photos by key.
    pub assets: HashMap<String, Asset>,
}

impl Cut {
    /// Adds one page's SVG. An SVG not shaped as expected is kept whole, as one block.
    pub fn add(&mut self, svg: &str) {
        let (svg, assets) = take_images(svg);
        self.assets.extend(assets);
        let page = match split(&svg) {
            Some(parts) => {
                let keys = parts
                    .blocks
                    .iter()
                    .map(|node| self.chunk(&svg, node))
                    .collect();
                for def in parts.defs {
                    let text = &svg[def.start..def.end];
                    if let Some(id) = attribute(text, "id") {
                        self.def(id, text);
                    }
                }
                Page {
                    view_box: parts.view_box.to_string(),
                    open: parts.open.to_string(),
                    chunks: keys,
                }
            }
            None => Page {
                view_box: attribute(&svg, "viewBox")
                    .unwrap_or("0 0 100 100")
                    .to_string(),
                open: "<g>".into(),
                chunks: vec![self.leaf(inner(&svg))],
            },
        };
        self.pages.push(page);
    }

    /// Adds the definitions `defs` (id and text), those not known yet.
    pub fn add_defs(&mut self, defs: &[(String, String)]) {
        for (id, text) in defs {
            self.def(id, text);
        }
    }

    fn def(&mut self, id: &str, text: &str) {
        if self.def_ids.insert(id.to_string()) {
            self.defs.push((id.to_string(), text.to_string()));
        }
    }

    /// Every key reachable from the pages: what a browser showing them holds.
    pub fn reachable(&self) -> Vec<&String> {
        let mut out = Vec::new();
        let mut stack: Vec<&String> = self.pages.iter().flat_map(|p| &p.chunks).collect();
        while let Some(key) = stack.pop() {
            if let Some(Chunk::Group { children, .. }) = self.chunks.get(key) {
                stack.extend(children);
            }
            out.push(key);
        }
        out
    }

    fn chunk(&mut self, svg: &str, node: &Node) -> String {
        let text = &svg[node.start..node.end];
        let cut = node.name == "g"
            && text.len() > CUT_ABOVE
            && node.children.iter().any(|c| !c.children.is_empty());
        if !cut {
            return self.leaf(text);
        }
        let children: Vec<String> = node.children.iter().map(|c| self.chunk(svg, c)).collect();
        let open = svg[node.start..node.open_end].to_string();
        let key = key(format!("{open}\n{}", children.join(" ")).as_bytes());
        self.chunks
            .entry(key.clone())
            .or_insert(Chunk::Group { open, children });
        key
    }

    fn leaf(&mut self, text: &str) -> String {
        let key = key(text.as_bytes());
        self.chunks
            .entry(key.clone())
            .or_insert_with(|| Chunk::Leaf(text.to_string()));
        key
    }
}

/// A photo: its media type and bytes.
pub type Asset = (String, Arc<[u8]>);

/// `svg` with every `data:image/…;base64,…` URL replaced by `/asset/<key>`, and the photos by
/// key.
pub fn take_images(svg: &str) -> (String, Vec<(String, Asset)>) {
    const MARK: &str = "\"data:image/";
    let mut out = String::with_capacity(svg.len().min(1 << 20));
    let mut assets = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find(MARK) {
        let url_start = at + 1;
        let Some(len) = rest[url_start..].find('"') else {
            break;
        };
        let url = &rest[url_start..url_start + len];
        out.push_str(&rest[..url_start]);
        match decode_data_url(url) {
            Some((media, bytes)) => {
                let key = key(&bytes);
                out.push_str(&format!("/asset/{key}"));
                assets.push((key, (media, bytes.into())));
            }
            None => out.push_str(url),
        }
        rest = &rest[url_start + len..];
    }
    out.push_str(rest);
    (out, assets)
}

/// The elements an SVG typst-svg wrote for a page with no fill and no bleed draws (the root's
/// children: typst-svg writes no page group there) as text, and its definitions (id and
/// text): one item written alone (see `render`).
pub fn elements(svg: &str) -> (String, Vec<(String, String)>) {
    let Some(root) = tree(svg) else {
        return (String::new(), Vec::new());
    };
    let mut drawn: Option<(usize, usize)> = None;
    let mut defs = Vec::new();
    for child in &root.children {
        if child.name == "defs" {
            for def in &child.children {
                let def = &svg[def.start..def.end];
                if let Some(id) = attribute(def, "id") {
                    defs.push((id.to_string(), def.to_string()));
                }
            }
        } else {
            drawn = Some((drawn.map_or(child.start, |(start, _)| start), child.end));
        }
    }
    let text = drawn.map_or_else(String::new, |(start, end)| svg[start..end].to_string());
    (text, defs)
}

/// 128 bits of hash, in hex: the same text always gets the same key.
pub fn key(bytes: &[u8]) -> String {
    format!("{:032x}", typst::utils::hash128(bytes))
}

fn decode_data_url(url: &str) -> Option<(String, Vec<u8>)> {
    let rest = url.strip_prefix("data:")?;
    let (media, data) = rest.split_once(";base64,")?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .ok()?;
    Some((media.to_string(), bytes))
}

/// An element of the SVG: where its text starts and ends, where its opening tag ends.
#[derive(Debug)]
struct Node<'a> {
    name: &'a str,
    start: usize,
    open_end: usize,
    end: usize,
    children: Vec<Node<'a>>,
}

/// The parts of one page's SVG.
struct Parts<'a> {
    view_box: &'a str,
    open: &'a str,
    blocks: Vec<Node<'a>>,
    defs: Vec<Node<'a>>,
}

/// `<svg …><g …>BLOCKS</g><defs …>DEFS</defs>…</svg>` → its parts; `None` for other shapes.
fn split(svg: &str) -> Option<Parts<'_>> {
    let root = tree(svg)?;
    if root.name != "svg" {
        return None;
    }
    let view_box = attribute(&svg[root.start..root.open_end], "viewBox")?;
    let mut parts = Parts {
        view_box,
        open: "",
        blocks: Vec::new(),
        defs: Vec::new(),
    };
    for child in root.children {
        match child.name {
            "g" if parts.open.is_empty() => {
                parts.open = &svg[child.start..child.open_end];
                parts.blocks = child.children;
            }
            "defs" => parts.defs.extend(child.children),
            _ => return None,
        }
    }
    (!parts.open.is_empty()).then_some(parts)
}

/// The element tree of an XML text; `None` if it is not one well-nested element.
fn tree(svg: &str) -> Option<Node<'_>> {
    let mut stack: Vec<Node> = Vec::new();
    let mut root = None;
    for tag in tags(svg)? {
        let node = Node {
            name: tag.name,
            start: tag.start,
            open_end: tag.end,
            end: tag.end,
            children: Vec::new(),
        };
        let done = match tag.kind {
            TagKind::Open => {
                stack.push(node);
                continue;
            }
            TagKind::Empty => node,
            TagKind::Close => {
                let mut open = stack.pop()?;
                if open.name != tag.name {
                    return None;
                }
                open.end = tag.end;
                open
            }
        };
        match stack.last_mut() {
            Some(parent) => parent.children.push(done),
            None if root.is_none() => root = Some(done),
            None => return None,
        }
    }
    if stack.is_empty() { root } else { None }
}

/// The text between `<svg …>` and `</svg>`.
fn inner(svg: &str) -> &str {
    let start = svg.find('>').map_or(0, |i| i + 1);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    &svg[start.min(end)..end]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Open,
    Close,
    Empty,
}

#[derive(Debug)]
struct Tag<'a> {
    name: &'a str,
    kind: TagKind,
    start: usize,
    end: usize,
}

/// Every tag of an XML text typst wrote: no comments, no CDATA, quoted attribute values (which
/// may hold `>`). `None` if a tag is never closed.
fn tags(svg: &str) -> Option<Vec<Tag<'_>>> {
    let bytes = svg.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = svg[i..].find('<') {
        let start = i + offset;
        let mut j = start + 1;
        let mut quote: Option<u8> = None;
        while j < bytes.len() {
            match (quote, bytes[j]) {
                (None, b'"' | b'\'') => quote = Some(bytes[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        if j >= bytes.len() {
            return None;
        }
        let end = j + 1;
        let body = &svg[start + 1..j];
        if body.starts_with('?') || body.starts_with('!') {
            i = end;
            continue;
        }
        let (kind, body) = if let Some(name) = body.strip_prefix('/') {
            (TagKind::Close, name)
        } else if let Some(body) = body.strip_suffix('/') {
            (TagKind::Empty, body)
        } else {
            (TagKind::Open, body)
        };
        let name = body
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default();
        out.push(Tag {
            name,
            kind,
            start,
            end,
        });
        i = end;
    }
    Some(out)
}

/// The value of `name="…"` in the first tag of `text`.
fn attribute<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let tag_end = text.find('>').unwrap_or(text.len());
    let tag = &text[..tag_end];
    let pattern = format!(" {name}=\"");
    let start = tag.find(&pattern)? + pattern.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = concat!(
        r#"<svg viewBox="0 0 20 10" width="20pt" xmlns="http://www.w3.org/2000/svg">"#,
        r##"<g transform="translate(1 1)"><path d="M 0 0"/><g transform="x"><use xlink:href="#g1" title="a>b"/></g>"##,
        r#"<image xlink:href="data:image/png;base64,AAEC"/></g>"#,
        r#"<defs id="glyph"><symbol id="g1"><path d="M 1 1"/></symbol></defs></svg>"#
    );

    fn leaf<'a>(cut: &'a Cut, key: &str) -> &'a str {
        match &cut.chunks[key] {
            Chunk::Leaf(text) => text,
            group => panic!("not a leaf: {group:?}"),
        }
    }

    #[test]
    fn cuts_a_page_into_blocks_definitions_and_photos() {
        let mut cut = Cut::default();
        cut.add(SVG);
        let page = &cut.pages[0];
        assert_eq!(page.view_box, "0 0 20 10");
        assert_eq!(page.open, r#"<g transform="translate(1 1)">"#);
        let blocks: Vec<&str> = page.chunks.iter().map(|k| leaf(&cut, k)).collect();
        let photo = key(&[0, 1, 2]);
        assert_eq!(
            blocks,
            [
                r#"<path d="M 0 0"/>"#.to_string(),
                r##"<g transform="x"><use xlink:href="#g1" title="a>b"/></g>"##.to_string(),
                format!(r#"<image xlink:href="/asset/{photo}"/>"#),
            ]
        );
        assert_eq!(cut.assets[&photo].0, "image/png");
        assert_eq!(&*cut.assets[&photo].1, [0, 1, 2]);
        assert_eq!(
            cut.defs,
            [(
                "g1".to_string(),
                r#"<symbol id="g1"><path d="M 1 1"/></symbol>"#.to_string()
            )]
        );
    }

    #[test]
    fn cuts_large_groups_so_an_edit_changes_only_its_own_blocks() {
        // A column: a large group of lines, each a group of glyphs.
        let line = |text: &str| {
            format!(
                r##"<g transform="m"><use xlink:href="#{text}"/>{}</g>"##,
                "<use/>".repeat(400)
            )
        };
        let column = |first: &str| {
            format!(
                r#"<g transform="translate(0 {first})">{}{}{}</g>"#,
                line("a"),
                line(first),
                line("c")
            )
        };
        let page = |first: &str| {
            format!(
                r#"<svg viewBox="0 0 1 1"><g transform="t">{}</g></svg>"#,
                column(first)
            )
        };
        let mut before = Cut::default();
        before.add(&page("b"));
        let mut after = Cut::default();
        after.add(&page("x"));
        let top = &before.pages[0].chunks;
        assert_eq!(top.len(), 1);
        let Chunk::Group { open, children } = &before.chunks[&top[0]] else {
            panic!("the column was not cut");
        };
        assert_eq!(open, r#"<g transform="translate(0 b)">"#);
        assert_eq!(children.len(), 3);
        // Edited: the column's group and the edited line are new, the other lines are not.
        let new: Vec<&String> = after
            .reachable()
            .into_iter()
            .filter(|k| !before.chunks.contains_key(*k))
            .collect();
        assert_eq!(new.len(), 2, "{new:?}");
    }

    #[test]
    fn keeps_an_unexpected_svg_whole() {
        let mut cut = Cut::default();
        cut.add(r#"<svg viewBox="0 0 1 1"><rect/><rect/></svg>"#);
        assert_eq!(cut.pages[0].chunks.len(), 1);
        assert_eq!(leaf(&cut, &cut.pages[0].chunks[0]), "<rect/><rect/>");
    }
}
