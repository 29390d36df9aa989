//! Display lines (folio, kicker, headline, subtitle, byline) that do not fit their band: each is
//! one line, never wrapped, at its house size; only the headline shrinks to fit, and not below
//! its floor (`headline-min-scale` in `layout/style.typ`). The templates mark a line that does
//! not fit (`display-overflow` in `layout/components/marks.typ`); it is an error, with how
//! many characters would fit. A headline that must wrap inside a phrase (no space or clause
//! punctuation where a line may end) is marked too (`head-break`): a warning, naming the
//! phrase, so the desk puts a space where the words part.

use serde_json::json;
use typst::layout::FrameItem;
use typst_layout::PagedDocument;

use super::{Area, Finding, Severity};
use crate::content::{LoadedPage, Positions, t};
use crate::template::{self as marks, DisplayMark};

pub fn check(page: &LoadedPage, document: &PagedDocument) -> Vec<Finding> {
    let mut findings = too_wide(page, document);
    let breaks = marks::head_breaks(document);
    if breaks.is_empty() {
        return findings;
    }
    let lines = super::lines::lines_in_stories(document);
    findings.extend(breaks.iter().map(|mark| {
        let (line, column) = super::story_location(page, &mark.story);
        let set = headline_lines(&lines, &mark.story);
        Finding {
            severity: Severity::Warning,
            check: "headline",
            story: Some(mark.story.clone()),
            line,
            column,
            message: t!(
                "head-breaks-in-phrase",
                story = mark.story,
                phrase = mark.phrase,
                set = set.join(" / ")
            ),
            details: json!({ "phrase": mark.phrase, "lines": set }),
            areas: Vec::new(),
        }
    }));
    findings
}

/// The headline of `story` as set, line by line: its lines in the story's largest type, top
/// to bottom. The desk reads where it broke, and whether that parts a word.
fn headline_lines(lines: &[(super::lines::Line, Option<String>)], story: &str) -> Vec<String> {
    let own: Vec<&super::lines::Line> = lines
        .iter()
        .filter(|(_, s)| s.as_deref() == Some(story))
        .map(|(l, _)| l)
        .collect();
    let largest = own.iter().map(|l| l.size).fold(0.0, f64::max);
    let mut head: Vec<&&super::lines::Line> = own
        .iter()
        .filter(|l| (l.size - largest).abs() < 0.01)
        .collect();
    head.sort_by(|a, b| {
        (a.page, a.baseline)
            .partial_cmp(&(b.page, b.baseline))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    // (Without the zero-width breaks the template sets after clause punctuation: the desk
    // reads the words, and a copied line carries nothing unseen; a reviewer found one.)
    head.iter()
        .map(|l| l.text().replace(['\u{200B}', '\u{2060}'], ""))
        .collect()
}

fn too_wide(page: &LoadedPage, document: &PagedDocument) -> Vec<Finding> {
    let marks = marks::display(document);
    if marks.is_empty() {
        return Vec::new();
    }
    let items = super::ink::owned(document);
    marks
        .into_iter()
        .map(|mark| {
            let mut finding = finding(page, &mark);
            finding.areas = line_area(&items, &mark).into_iter().collect();
            finding
        })
        .collect()
}

/// The line that does not fit, as printed: the text beside the mark (which stands at the
/// line's start), across the width the line has.
fn line_area(items: &[super::ink::Owned], m: &DisplayMark) -> Option<Area> {
    let (page, at) = m.at?;
    let (x, y) = (at.x.to_pt(), at.y.to_pt());
    let band = |a: &Area| {
        let (cx, cy) = (a.x + a.width / 2.0, a.y + a.height / 2.0);
        a.page == page
            && cx >= x - 1.0
            && cx <= x + m.available + 1.0
            && cy >= y - 0.5 * m.size
            && cy <= y + 1.5 * m.size
    };
    let printed = items
        .iter()
        .filter_map(|item| match item.placed.item {
            FrameItem::Text(text) => Some(super::ink::text_area(
                &item.placed,
                text,
                0.0,
                text.width().to_pt(),
            )),
            _ => None,
        })
        .filter(band)
        .reduce(Area::union)?;
    // The whole width the line has, however much of it the squeezed text takes.
    let left = printed.x.min(x);
    Some(Area {
        x: left,
        width: (x + m.available).max(printed.x + printed.width) - left,
        ..printed
    })
}

fn finding(page: &LoadedPage, m: &DisplayMark) -> Finding {
    let (line, column) = location(&page.positions, &m.field);
    let fits = fitting_chars(m, m.size / m.house_size);
    // "its 30 characters run 540 pt at 18 pt where 468 pt fit"
    let runs = |what: &str| {
        t!(
            "display-runs",
            what = what,
            chars = m.chars,
            natural = format!("{:.0}", m.natural),
            size = size(m.house_size),
            available = format!("{:.0}", m.available)
        )
    };
    let message = match (m.field.as_str(), m.min_size) {
        ("headline", Some(min)) => t!(
            "display-headline",
            runs = runs("its"),
            smallest_run = format!("{:.0}", m.natural * min / m.house_size),
            min = size(min),
            percent = format!("{:.0}", 100.0 * min / m.house_size),
            fits = fits,
            fits_full = fitting_chars(m, 1.0),
            size = size(m.house_size)
        ),
        ("folio.editors" | "folio.section", _) => {
            t!("display-folio-credits", runs = runs("credits"), fits = fits)
        }
        ("folio.paper", _) => t!("display-folio-paper", runs = runs("paper"), fits = fits),
        ("subtitle", _) => t!("display-subtitle", runs = runs("its"), fits = fits),
        ("byline", _) => t!("display-byline", runs = runs("its"), fits = fits),
        (field, _) => t!(
            "display-other",
            field = field,
            runs = runs("its"),
            fits = fits
        ),
    };
    Finding {
        severity: Severity::Error,
        check: "display-fit",
        story: Some(m.field.clone()),
        line,
        column,
        message,
        details: json!({
            "field": m.field,
            "characters": m.chars,
            "fits_characters": fits,
            "natural_pt": round(m.natural),
            "available_pt": round(m.available),
            "size_pt": round(m.size),
            "house_size_pt": round(m.house_size),
            "min_size_pt": m.min_size.map(round),
        }),
        // Set by `check`, from the printed line.
        areas: Vec::new(),
    }
}

/// About how many characters of the field's text fit the width with the line set at `scale`
/// of its house size, taking each character as wide as the average of those it has.
fn fitting_chars(m: &DisplayMark, scale: f64) -> usize {
    let text = (m.natural - m.fixed) * scale;
    let room = m.available - m.fixed * scale;
    if text <= 0.0 || room <= 0.0 {
        return 0;
    }
    (m.chars as f64 * room / text).floor() as usize
}

/// A size as an editor reads it: 60, 10.5.
fn size(pt: f64) -> f64 {
    (pt * 10.0).round() / 10.0
}

fn round(pt: f64) -> f64 {
    (pt * 100.0).round() / 100.0
}

/// Where a field sits in the YAML, from the parser's marks: its value's start (`headline`,
/// or a nested one like `folio.editors`); a field the page does not give (the paper an issue
/// gives), the key of its nearest enclosing node. A field whose value starts below its key
/// (`byline:` then its keys) is pointed at its key.
fn location(positions: &Positions, field: &str) -> (usize, usize) {
    match positions.get(field) {
        Some(place) => match place.key {
            Some(key) if key.line < place.value.line => key.at(),
            _ => place.value.at(),
        },
        None => positions.field(field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_in_their_block() {
        let yaml = "folio:\n  paper: 报\n  editors: [甲, 乙]\nheadline: 标题\nbyline:\n  label: 记者\nlead_photo:\n  label: x\n";
        let scanned =
            crate::content::yaml::scan::scan(std::path::Path::new("p.yaml"), yaml).unwrap();
        let at = |field| location(&scanned.positions, field);
        assert_eq!(at("headline"), (4, 11));
        assert_eq!(at("folio.editors"), (3, 12));
        assert_eq!(at("byline.label"), (6, 10));
        assert_eq!(at("byline"), (5, 1));
        // Not given in the folio: the folio itself, not a `label` of another block.
        assert_eq!(at("folio.label"), (1, 1));
    }
}
