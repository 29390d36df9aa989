//! Colours for the press: every CMYK colour the page paints (text, rules, fills) stays within
//! the house ink limit, and small text is never in rich black (black with C, M or Y under
//! it), which on a newspaper press prints as a blurred, coloured fringe when the plates are out
//! of register. For a PDF/X (photos separated), an RGB colour is an error too: the plant's
//! RIP would convert it by a profile nobody chose. The numbers are `ink-limit` and
//! `rich-black-min-size` in `layout/style.typ`.

use std::collections::BTreeMap;

use typst::layout::FrameItem;
use typst::visualize::{Color, Paint, ProcessColor};
use typst_layout::PagedDocument;

use super::{Finding, Severity, frames};
use crate::content::t;
use crate::template::House;

/// What is wrong with a colour, as a finding's message (without where).
fn problems(color: &Color, text_size: Option<f64>, house: &House, press: bool) -> Vec<String> {
    let mut out = Vec::new();
    match color {
        Color::Process(ProcessColor::Cmyk(_)) => {
            let [c, m, y, k] = color.to_vec4().map(|v| f64::from(v) * 100.0);
            let total = c + m + y + k;
            let cmyk = format!("C {c:.0} M {m:.0} Y {y:.0} K {k:.0}");
            if total > house.ink_limit + 0.05 {
                out.push(t!(
                    "colour-over-limit",
                    cmyk = cmyk,
                    total = format!("{total:.0}"),
                    limit = format!("{:.0}", house.ink_limit)
                ));
            }
            if let Some(size) = text_size
                && size < house.rich_black_min_size
                && k >= 50.0
                && c + m + y > 0.0
            {
                out.push(t!(
                    "rich-black-text",
                    size = format!("{size:.1}"),
                    cmyk = cmyk,
                    min = format!("{:.0}", house.rich_black_min_size)
                ));
            }
        }
        Color::Process(ProcessColor::Rgb(_) | ProcessColor::LinearRgb(_)) if press => {
            out.push(t!("rgb-for-press"))
        }
        _ => {}
    }
    out
}

/// Every colour problem of the page, once per problem, with how often and where it is first.
pub fn check(document: &PagedDocument, house: &House, press: bool) -> Vec<Finding> {
    let mut found: BTreeMap<String, (usize, usize, f64, f64)> = BTreeMap::new();
    for placed in frames::placed(document) {
        let mut paints: Vec<(&Paint, Option<f64>)> = Vec::new();
        match placed.item {
            FrameItem::Text(text) => {
                let size = text.size.to_pt() * placed.transform.sy.get().abs();
                paints.push((&text.fill, Some(size)));
                if let Some(stroke) = &text.stroke {
                    paints.push((&stroke.paint, Some(size)));
                }
            }
            FrameItem::Shape(shape, _) => {
                paints.extend(shape.fill.iter().map(|p| (p, None)));
                paints.extend(shape.stroke.iter().map(|s| (&s.paint, None)));
            }
            _ => {}
        }
        for (paint, size) in paints {
            let Paint::Solid(color) = paint else { continue };
            for problem in problems(color, size, house, press) {
                let entry = found.entry(problem).or_insert((
                    0,
                    placed.page,
                    placed.at.x.to_pt(),
                    placed.at.y.to_pt(),
                ));
                entry.0 += 1;
            }
        }
    }
    let mm = crate::units::MM_PER_PT;
    found
        .into_iter()
        .map(|(problem, (count, page, x, y))| Finding {
            severity: Severity::Error,
            check: "colour",
            story: None,
            line: 0,
            column: 0,
            message: t!(
                "colour-where",
                problem = problem,
                count = count,
                page = page,
                x = format!("{:.0}", x * mm),
                y = format!("{:.0}", y * mm)
            ),
            details: serde_json::json!({ "count": count, "page": page }),
            // The first place it prints, a few points square.
            areas: vec![super::Area {
                page,
                x,
                y,
                width: 14.0,
                height: 14.0,
            }],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::visualize::Cmyk;

    fn cmyk(c: f32, m: f32, y: f32, k: f32) -> Color {
        Color::Process(ProcessColor::Cmyk(Cmyk { c, m, y, k }))
    }

    #[test]
    fn flags_over_inked_colours_and_small_rich_black() {
        let house = House::default();
        assert!(problems(&cmyk(0.0, 0.0, 0.0, 1.0), Some(9.0), &house, true).is_empty());
        assert!(problems(&cmyk(0.0, 1.0, 1.0, 0.4), None, &house, true).is_empty());
        assert_eq!(
            problems(&cmyk(0.0, 1.0, 1.0, 0.45), None, &house, true).len(),
            1
        );
        let rich = problems(&cmyk(0.4, 0.3, 0.3, 1.0), Some(9.0), &house, true);
        assert!(rich[0].contains("rich black"), "{rich:?}");
        // A headline may be rich black.
        assert!(problems(&cmyk(0.4, 0.3, 0.3, 1.0), Some(60.0), &house, true).is_empty());
        let rgb = Color::Process(ProcessColor::Rgb(typst::visualize::Rgb::new(
            1.0, 0.0, 0.0, 1.0,
        )));
        assert_eq!(problems(&rgb, None, &house, true).len(), 1);
        assert!(problems(&rgb, None, &house, false).is_empty());
    }
}
