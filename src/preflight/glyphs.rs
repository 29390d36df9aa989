//! Missing glyphs (缺字): every character the font of its role cannot draw, whether typst would
//! fall back to another font or print an empty box.

use std::collections::BTreeMap;

use serde_json::json;
use typst::World;
use typst::text::FontBook;

use typst::layout::FrameItem;
use typst_layout::PagedDocument;

use super::ink::{Owned, text_area};
use super::{Area, Finding, House, Severity, story_location};
use crate::content::{LoadedPage, t};
use crate::engine::world::PageWorld;

pub fn check(
    page: &LoadedPage,
    document: &PagedDocument,
    world: &PageWorld,
    house: &House,
) -> Vec<Finding> {
    let book = world.book();
    // (story, role, char) → (occurrences, the YAML path of the first text it is in, whether
    // it is Latin text), in a stable order.
    let mut missing: BTreeMap<(String, &str, char), (usize, String, bool)> = BTreeMap::new();
    // A text in Latin script is set in the Latin face standing in for its role's font.
    let families_of = |role: &str, latin: bool| {
        let font = page.manifest.roles.get(role)?;
        let latin_face = latin.then(|| house.latin_fonts.get(font)).flatten();
        latin_face.or_else(|| house.fonts.get(font))
    };
    for located in page.view.located_texts() {
        let crate::content::walk::Text {
            role,
            story,
            text,
            lang,
        } = located.text;
        let latin = lang.map_or(house.house_lang.latin, |l| l.latin);
        let Some(families) = families_of(role, latin) else {
            continue;
        };
        for c in text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            // Invisible characters print nothing: the content check warns about them.
            .filter(|c| crate::content::hygiene::oddity(*c).is_none())
        {
            if !covers(book, families, c) {
                missing
                    .entry((story.to_string(), role, c))
                    .or_insert_with(|| (0, located.path.clone(), latin))
                    .0 += 1;
            }
        }
    }
    let items = super::ink::owned(document);
    missing
        .into_iter()
        .map(|((story, role, c), (count, path, latin))| {
            // The character inside its own field, from the field's span in the YAML; a text
            // the page does not give (the paper) or an escape: the field, else its
            // story.
            let (line, column) = page
                .positions
                .char_in(&page.source, &path, c)
                .or_else(|| {
                    page.positions
                        .get(&path)
                        .map(|_| page.positions.field(&path))
                })
                .unwrap_or_else(|| story_location(page, &story));
            let family = families_of(role, latin)
                .and_then(|f| f.first().cloned())
                .unwrap_or_default();
            let fallback = fallback(book, c);
            let areas = glyph_areas(&items, &story, c);
            let outcome = match &fallback {
                Some(other) => t!("glyph-borrowed", font = other),
                None => t!("glyph-nowhere"),
            };
            Finding {
                severity: Severity::Error,
                check: "missing-glyph",
                message: t!(
                    "glyph-missing",
                    story = story,
                    family = family,
                    role = role,
                    char = c,
                    code = format!("{:04X}", c as u32),
                    count = count,
                    outcome = outcome
                ),
                story: Some(story),
                line,
                column,
                details: json!({
                    "char": c.to_string(),
                    "codepoint": format!("U+{:04X}", c as u32),
                    "role": role,
                    "font": family,
                    "fallback": fallback,
                    "occurrences": count,
                }),
                areas,
            }
        })
        .collect()
}

/// Every place the story prints `c` (a running head's text is the folio's).
fn glyph_areas(items: &[Owned], story: &str, c: char) -> Vec<Area> {
    let mut areas = Vec::new();
    for item in items {
        let ours = match &item.story {
            Some(s) => s == story,
            None => item.running && story == "folio",
        };
        let FrameItem::Text(text) = item.placed.item else {
            continue;
        };
        if !ours || !text.text.contains(c) {
            continue;
        }
        let mut x = 0.0;
        for glyph in &text.glyphs {
            let advance = glyph.x_advance.at(text.size).to_pt();
            if text.text[glyph.range()].contains(c) {
                areas.push(text_area(
                    &item.placed,
                    text,
                    x,
                    x + advance.max(text.size.to_pt() * 0.5),
                ));
            }
            x += advance;
        }
    }
    areas
}

/// Whether one of the role's families draws `c`: typst takes each character from the first
/// of them that has it (the Latin faces list a CJK face after their own for Chinese names).
fn covers(book: &FontBook, families: &[String], c: char) -> bool {
    // The book keys families in lower case.
    families.iter().map(|f| f.to_lowercase()).any(|f| {
        book.select_family(&f).any(|i| {
            book.info(i)
                .is_some_and(|info| info.coverage.contains(c as u32))
        })
    })
}

fn fallback(book: &FontBook, c: char) -> Option<String> {
    (0..)
        .map_while(|i| book.info(i))
        .find(|info| info.coverage.contains(c as u32))
        .map(|info| info.family.clone())
}
