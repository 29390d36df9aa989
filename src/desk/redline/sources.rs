//! Where each printed line and photo of the proof came from in the YAML, for click to source.
//!
//! The templates read the page as JSON data, so typst's spans point into the templates, not the
//! YAML. What ties a printed line to the YAML is its story (the `<banmian-story>` marks around
//! it) and its text: the line's first characters are looked for in the YAML's text, spaces and
//! line breaks aside (a paragraph's lines are joined when it is read), from where the story
//! starts and after the story's previous line. Photos are the report's placed photos, at their
//! `file:` line.

use serde::Serialize;
use typst::layout::FrameItem;
use typst_layout::PagedDocument;

use crate::content::LoadedPage;
use crate::preflight::{self, Area, Report};

/// A clickable place of the proof and the YAML position it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub area: Area,
    pub line: usize,
    pub column: usize,
    /// The YAML node it came from: `sections[2].body`, `sections[0].photos[1]`…
    pub what: String,
    /// The story it belongs to: `section-3`, `lead`, `folio`…
    pub story: String,
    /// What it prints: each character of a line of text with its glyph's box, or the photo's
    /// file. Kept on the server, to mark what changed since the last build.
    #[serde(skip)]
    pub prints: Prints,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub enum Prints {
    Text(Vec<(char, Area)>),
    Photo(String),
}

/// How many leading characters of a printed line identify it in the YAML.
const PROBE: usize = 6;

pub fn map(page: &LoadedPage, document: &PagedDocument, report: &Report) -> Vec<Source> {
    let yaml = Chars::new(&page.source);
    let mut cursors: Vec<(String, usize)> = Vec::new();
    let mut out = Vec::new();
    for item in preflight::ink::owned(document) {
        let FrameItem::Text(text) = item.placed.item else {
            continue;
        };
        let story = match (&item.story, item.running) {
            (Some(story), _) => story.clone(),
            (None, true) => "folio".to_string(),
            (None, false) => String::new(),
        };
        let probe: Vec<char> = text
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(PROBE)
            .collect();
        if probe.is_empty() {
            continue;
        }
        let story_start = if story.is_empty() {
            0
        } else {
            yaml.start_of_line(preflight::story_location(page, &story).0)
        };
        let cursor = match cursors.iter().position(|(s, _)| *s == story) {
            Some(i) => i,
            None => {
                cursors.push((story.clone(), story_start));
                cursors.len() - 1
            }
        };
        let found = [cursors[cursor].1, story_start, 0]
            .into_iter()
            .find_map(|from| yaml.find(&probe, from));
        let Some(at) = found else { continue };
        cursors[cursor].1 = at + 1;
        let width = text.width().to_pt();
        let (line, column) = yaml.position(at);
        let what = page
            .positions
            .path_at((line, column))
            .unwrap_or_default()
            .to_string();
        let mut glyphs = Vec::new();
        let mut x = 0.0;
        for glyph in &text.glyphs {
            let advance = glyph.x_advance.at(text.size).to_pt();
            let area = preflight::ink::text_area(&item.placed, text, x, x + advance);
            glyphs.extend(
                text.text[glyph.range()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| (c, area)),
            );
            x += advance;
        }
        out.push(Source {
            area: preflight::ink::text_area(&item.placed, text, 0.0, width),
            line,
            column,
            what,
            story,
            prints: Prints::Text(glyphs),
        });
    }
    for crate::content::walk::PhotoEntry { path, photo, .. } in page.view.photos() {
        let Some(placed) = report.photos.iter().find(|p| p.src == photo.src) else {
            continue;
        };
        let (line, column) = page.positions.value(&format!("{path}.file"));
        out.push(Source {
            area: placed.area,
            line,
            column,
            what: path,
            story: placed.story.clone(),
            prints: Prints::Photo(photo.src.clone()),
        });
    }
    out
}

/// The YAML's characters, spaces and line breaks left out, each with its line and column.
struct Chars {
    chars: Vec<char>,
    at: Vec<(usize, usize)>,
}

impl Chars {
    fn new(source: &str) -> Self {
        let mut chars = Vec::new();
        let mut at = Vec::new();
        for (i, line) in source.lines().enumerate() {
            for (j, c) in line.chars().enumerate() {
                if !c.is_whitespace() {
                    chars.push(c);
                    at.push((i + 1, j + 1));
                }
            }
        }
        Self { chars, at }
    }

    /// Index of the first character on `line` or after it.
    fn start_of_line(&self, line: usize) -> usize {
        self.at.partition_point(|&(l, _)| l < line)
    }

    /// Index of the first occurrence of `probe` at or after `from`.
    fn find(&self, probe: &[char], from: usize) -> Option<usize> {
        let rest = self.chars.get(from..)?;
        rest.windows(probe.len())
            .position(|w| w == probe)
            .map(|i| from + i)
    }

    fn position(&self, index: usize) -> (usize, usize) {
        self.at.get(index).copied().unwrap_or((1, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_line_across_the_yaml_line_breaks_of_its_paragraph() {
        let yaml = Chars::new("lead: |\n  第一段导\n  语在这里。\nbody: 导语\n");
        let probe: Vec<char> = "导语在这".chars().collect();
        let at = yaml.find(&probe, 0).unwrap();
        assert_eq!(yaml.position(at), (2, 6));
        // From the body's line on, the body's text.
        let probe: Vec<char> = "导语".chars().collect();
        let at = yaml.find(&probe, yaml.start_of_line(4)).unwrap();
        assert_eq!(yaml.position(at), (4, 7));
    }
}
