//! Missing glyphs (缺字): every character the font of its role cannot draw, whether typst would
//! fall back to another font or print an empty box.

use std::collections::BTreeMap;

use serde_json::json;
use typst::World;
use typst::text::FontBook;

use super::{Finding, House, Severity, story_location};
use crate::content::{LoadedPage, Locator, PageView};
use crate::world::PageWorld;

pub fn check(page: &LoadedPage, world: &PageWorld, house: &House) -> Vec<Finding> {
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
    missing
        .into_iter()
        .map(|((story, role, c), (count, text))| {
            let (story_line, _) = story_location(page, &story);
            let (line, column) = at.char_in(story_line, text, c).unwrap_or((story_line, 1));
            let family = house.roles[role].first().cloned().unwrap_or_default();
            let fallback = fallback(book, c);
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
            }
        })
        .collect()
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
    let mut out: Vec<(&'static str, String, &str)> = Vec::new();
    let folio = &view.folio;
    out.push(("folio", "folio".into(), &folio.paper));
    out.extend(
        folio
            .section
            .iter()
            .map(|s| ("folio", "folio".into(), s.as_str())),
    );
    out.extend(
        folio
            .editors
            .iter()
            .map(|s| ("folio", "folio".into(), s.as_str())),
    );
    out.extend(
        view.kicker
            .iter()
            .map(|s| ("kicker", "kicker".into(), s.as_str())),
    );
    out.push(("headline", "headline".into(), &view.headline));
    out.extend(
        view.subtitle
            .iter()
            .map(|s| ("subtitle", "subtitle".into(), s.as_str())),
    );
    if let Some(byline) = &view.byline {
        out.extend(
            byline
                .label
                .iter()
                .map(|s| ("byline", "byline".into(), s.as_str())),
        );
        out.extend(
            byline
                .names
                .iter()
                .map(|s| ("byline", "byline".into(), s.as_str())),
        );
    }
    out.extend(
        view.lead
            .iter()
            .map(|s| ("lead", "lead".into(), s.as_str())),
    );
    if let Some(photo) = &view.lead_photo {
        out.push(("caption", "lead_photo".into(), &photo.caption));
        out.extend(
            photo
                .credit
                .iter()
                .map(|s| ("caption", "lead_photo".into(), s.as_str())),
        );
    }
    for section in &view.sections {
        let story = format!("section-{}", section.number);
        out.extend(
            section
                .head
                .iter()
                .map(|s| ("head", story.clone(), s.as_str())),
        );
        out.extend(
            section
                .body
                .iter()
                .map(|s| ("body", story.clone(), s.as_str())),
        );
        for photo in &section.photos {
            out.push(("caption", story.clone(), &photo.caption));
            out.extend(
                photo
                    .credit
                    .iter()
                    .map(|s| ("caption", story.clone(), s.as_str())),
            );
        }
    }
    out.extend(
        view.credit
            .iter()
            .map(|s| ("credit", "credit".into(), s.as_str())),
    );
    out
}
