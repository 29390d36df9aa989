//! The make-up in words for the desk (`banmian check`): the grid chosen, the lead band, and
//! for each photo where it went, its size and how much of it a crop cut. Plain numbers in,
//! lines of text out.

use super::{PhotoPlan, Plan};
use crate::content::t;
use crate::units::whole_mm as mm;

/// One line for the body and the lead, then one a photo. `name` gives a photo's file and
/// story from its section (`None`: the lead photo) and index.
pub fn explain(plan: &Plan, name: impl Fn(Option<usize>, usize) -> String) -> Vec<String> {
    let end = match (plan.overset_lines, plan.empty_lines) {
        (0, 0) => t!("makeup-every-line-used"),
        (0, empty) => t!("makeup-lines-empty", n = empty),
        (over, _) => t!("makeup-lines-overset", n = over),
    };
    let mut out = vec![t!(
        "makeup-body",
        stacks = plan.stacks,
        width = mm(plan.stack_width),
        foot = plan.foot,
        end = end
    )];
    if let Some(lead) = &plan.lead {
        let (columns, width) = (lead.columns, mm(lead.text_width));
        let said = match &lead.photo {
            // (A lead photo with no lead text: no columns to speak of.)
            Some(photo) if lead.text_lines == 0 => t!(
                "makeup-lead-photo-only",
                photo = photo.picture_lines + photo.caption_lines
            ),
            Some(photo) if lead.stepped => t!(
                "makeup-lead-stepped",
                columns = columns,
                width = width,
                text = lead.text_grid,
                photo = photo.picture_lines + photo.caption_lines
            ),
            Some(_) => t!(
                "makeup-lead-level",
                columns = columns,
                width = width,
                lines = lead.lines
            ),
            None => t!(
                "makeup-lead-across",
                columns = columns,
                width = width,
                lines = lead.lines
            ),
        };
        out.push(lead.steps.iter().fold(said, |said, &(column, top)| {
            t!(
                "makeup-lead-step",
                lead = said,
                column = column + 1,
                line = top + 1
            )
        }));
        if let Some(photo) = &lead.photo {
            out.push(photo_line(photo, &name, &t!("makeup-beside-lead")));
        }
    }
    if plan.air > 0 {
        out.push(t!("makeup-air", lines = plan.air));
    }
    if plan.head_air > 0 {
        out.push(t!("makeup-head-air", lines = plan.head_air));
    }
    // Paragraphs set loose (拉行), as section.paragraph, each once.
    let mut loose: Vec<String> = plan
        .flow
        .iter()
        .filter(|item| item.loose)
        .map(|item| format!("{}.{}", item.section + 1, item.index + 1))
        .collect();
    loose.dedup();
    if !loose.is_empty() {
        out.push(t!("makeup-loose", which = loose.join(", ")));
    }
    for item in &plan.flow {
        if let Some(photo) = &item.photo {
            out.push(photo_line(photo, &name, &t!("makeup-in-stack")));
        }
    }
    for wide in &plan.wide {
        let place = t!(
            "makeup-across-stacks",
            first = wide.stack + 1,
            last = wide.stack + wide.span,
            line = wide.top + 1
        );
        out.push(photo_line(&wide.photo, &name, &place));
    }
    if let Some(band) = &plan.band {
        let place = t!("makeup-band", n = band.photos.len());
        for photo in &band.photos {
            out.push(photo_line(photo, &name, &place));
        }
    }
    out
}

fn photo_line(
    photo: &PhotoPlan,
    name: &impl Fn(Option<usize>, usize) -> String,
    place: &str,
) -> String {
    let (across, down) = crops(photo);
    let crop = match (percent(across), percent(down)) {
        (0, 0) => t!("makeup-uncropped"),
        (a, 0) => t!("makeup-cut-across", across = a),
        (0, d) => t!("makeup-cut-down", down = d),
        (a, d) => t!("makeup-cut-both", across = a, down = d),
    };
    t!(
        "makeup-photo",
        name = name(photo.section, photo.index),
        place = place,
        width = mm(photo.width),
        height = mm(photo.height),
        lines = photo.picture_lines,
        crop = crop
    )
}

/// Shares of the photo's width and height the box leaves out.
fn crops(photo: &PhotoPlan) -> (f64, f64) {
    let (w, h) = photo.drawn;
    (
        (1.0 - photo.width / w.max(1e-9)).max(0.0),
        (1.0 - photo.height / h.max(1e-9)).max(0.0),
    )
}

fn percent(share: f64) -> u32 {
    (share * 100.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::makeup::{Band, FlowItem, LeadPlan};

    fn photo(section: Option<usize>, width: f64, height: f64, drawn: (f64, f64)) -> PhotoPlan {
        PhotoPlan {
            section,
            index: 0,
            width,
            height,
            drawn,
            picture_lines: (height / 13.0).round() as u32,
            caption_lines: 2,
        }
    }

    #[test]
    fn says_where_each_photo_went_and_what_was_cut() {
        let plan = Plan {
            air: 0,
            stacks: 4,
            stack_width: 243.0,
            tops: vec![12, 12, 15, 15],
            frames: Vec::new(),
            wide: vec![crate::makeup::WidePhoto {
                stack: 1,
                span: 2,
                top: 30,
                after: None,
                photo: photo(Some(2), 495.0, 329.0, (495.0, 330.0)),
            }],
            foot: 74,
            head_lines: 4,
            head_air: 0,
            flow: vec![FlowItem {
                kind: crate::makeup::FlowKind::Photo,
                section: 0,
                index: 0,
                lines: 16,
                frame: 0,
                from: 0,
                to: 16,
                last: true,
                starts: None,
                loose: false,
                photo: Some(photo(Some(0), 243.0, 169.0, (243.0, 188.0))),
            }],
            band: Some(Band {
                section: 1,
                photos: vec![photo(Some(1), 1052.0, 347.0, (1052.0, 347.0))],
                lines: 29,
            }),
            lead: Some(LeadPlan {
                option: 0,
                columns: 3,
                text_width: 230.0,
                text_lines: 12,
                text_grid: 12,
                last_grid: 12,
                parts: vec![],
                column_grids: vec![12, 12, 12],
                steps: Vec::new(),
                lines: 15,
                stepped: true,
                photo: Some(photo(None, 500.0, 170.0, (540.0, 170.0))),
            }),
            empty_lines: 5,
            overset_lines: 0,
        };
        // A lead photo with no lead text is said as such, not as columns beside it.
        let mut alone = plan.clone();
        if let Some(lead) = alone.lead.as_mut() {
            lead.text_lines = 0;
        }
        assert_eq!(
            explain(&alone, |s, i| format!("{s:?}/{i}"))[1],
            "lead: its photo alone at the body's top (15 lines with its caption), the stacks beside it starting under the title"
        );
        let lines = explain(&plan, |s, i| format!("{s:?}/{i}"));
        assert_eq!(
            lines,
            [
                "body: 4 stacks 86 mm wide, columns down to line 74, 5 lines left empty",
                "lead: 3 columns 81 mm wide beside its photo, 12 lines over the stacks under it and 15 under the photo",
                "photo None/0: beside the lead, 176 × 60 mm (13 lines), 7 % cut across",
                "photo Some(0)/0: in its section's stack, 86 × 60 mm (13 lines), 10 % cut down",
                "photo Some(2)/0: across stacks 2–3 from line 31, 175 × 116 mm (25 lines), uncropped",
                "photo Some(1)/0: across the page under the stacks, 371 × 122 mm (27 lines), uncropped",
            ]
        );
    }
}
