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
use crate::content::{LoadedPage, Locator, PageView};
use crate::world::PageWorld;

pub fn check(
    page: &LoadedPage,
    document: &PagedDocument,
    world: &PageWorld,
    house: &House,
) -> Vec<Finding> {
    let book = world.book();
    // (story, role, char) → (occurrences, the first text it is in), in a stable order.
    let mut missing: BTreeMap<(String, &str, char), (usize, &str)> = BTreeMap::new();
    for (role, story, text) in texts(&page.view) {
        let Some(families) = house.roles.get(role) else {
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
                    .entry((story.clone(), role, c))
                    .or_insert((0, text))
                    .0 += 1;
            }
        }
    }
    let at = Locator::new(&page.source);
    let items = super::ink::owned(document);
    missing
        .into_iter()
        .map(|((story, role, c), (count, text))| {
            let (story_line, _) = story_location(page, &story);
            let (line, column) = at.char_in(story_line, text, c).unwrap_or((story_line, 1));
            let family = house.roles[role].first().cloned().unwrap_or_default();
            let fallback = fallback(book, c);
            let areas = glyph_areas(&items, &story, c);
            let outcome = match &fallback {
                Some(other) => format!("it would be borrowed from {other}"),
                None => "no font has it: it would print as an empty box".to_string(),
            };
            Finding {
                severity: Severity::Error,
                check: "missing-glyph",
                message: format!(
                    "{story}: {family} ({role}) has no glyph for “{c}” U+{:04X} ({count}×); {outcome}. Use another character or add a font that has it",
                    c as u32
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

fn covers(book: &FontBook, families: &[String], c: char) -> bool {
    // The book keys families in lower case; the role's first installed family is the one used.
    let family = families
        .iter()
        .map(|f| f.to_lowercase())
        .find(|f| book.contains_family(f));
    family.is_some_and(|f| {
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

/// Every editor-written string on the page, with the role that sets it and its story.
fn texts(view: &PageView) -> Vec<(&'static str, String, &str)> {
    let mut out = Vec::new();
    let folio = &view.folio;
    let mut folio_texts = vec![folio.paper.as_str()];
    folio_texts.extend(folio.section.as_deref());
    folio_texts.extend(folio.editors.iter().map(String::as_str));
    add(&mut out, "folio", "folio", folio_texts);
    add(
        &mut out,
        "kicker",
        "kicker",
        view.kicker.as_deref().into_iter().collect(),
    );
    add(
        &mut out,
        "headline",
        "headline",
        vec![view.headline.as_str()],
    );
    add(
        &mut out,
        "subtitle",
        "subtitle",
        view.subtitle.as_deref().into_iter().collect(),
    );
    if let Some(byline) = &view.byline {
        let mut names: Vec<&str> = byline.label.as_deref().into_iter().collect();
        names.extend(byline.names.iter().map(String::as_str));
        add(&mut out, "byline", "byline", names);
    }
    add(
        &mut out,
        "lead",
        "lead",
        view.lead.iter().map(String::as_str).collect(),
    );
    if let Some(photo) = &view.lead_photo {
        add(
            &mut out,
            "caption",
            "lead_photo",
            captions(std::slice::from_ref(photo)),
        );
    }
    for section in &view.sections {
        let story = format!("section-{}", section.number);
        add(
            &mut out,
            "head",
            &story,
            section.head.iter().map(String::as_str).collect(),
        );
        add(
            &mut out,
            "body",
            &story,
            section.body.iter().map(String::as_str).collect(),
        );
        add(&mut out, "caption", &story, captions(&section.photos));
    }
    add(
        &mut out,
        "credit",
        "credit",
        view.credit.as_deref().into_iter().collect(),
    );
    out
}

fn add<'a>(
    out: &mut Vec<(&'static str, String, &'a str)>,
    role: &'static str,
    story: &str,
    texts: Vec<&'a str>,
) {
    out.extend(texts.into_iter().map(|t| (role, story.to_string(), t)));
}

/// Captions and per-photo credits.
fn captions(photos: &[crate::content::PhotoView]) -> Vec<&str> {
    photos
        .iter()
        .flat_map(|p| std::iter::once(p.caption.as_str()).chain(p.credit.as_deref()))
        .collect()
}
