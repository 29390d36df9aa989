//! Typst compilation of a loaded page (its diagnostics are rendered by `failure`).

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::content::{LoadedPage, parse_date};
use crate::engine::world::PageWorld;
use crate::images::PhotoFormat;
use crate::makeup::MadeUp;

/// A laid-out page and typst's warnings about it.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<SourceDiagnostic>,
    /// The make-up it draws, for a template that makes up by plan.
    pub plan: Option<MadeUp>,
}

/// Serves `page` to the world and lays it out. On failure, returns typst's errors (and warnings).
pub fn compile(
    world: &mut PageWorld,
    page: &LoadedPage,
) -> Result<Compiled, Vec<SourceDiagnostic>> {
    serve(world, page, None);
    recompile(world)
}

/// Serves `page` to the world: its template, its data (with the make-up's plan, once there is
/// one), its date.
pub fn serve(world: &mut PageWorld, page: &LoadedPage, plan: Option<&MadeUp>) {
    let mut data = serde_json::to_value(&page.view).expect("page data serializes");
    if world.separates_photos() {
        photos_as_jpeg(&mut data);
    }
    if let (Some(plan), Some(fields)) = (plan, data.as_object_mut()) {
        fields.insert("plan".into(), plan.to_json());
    }
    let data = serde_json::to_vec(&data).expect("page data serializes");
    let date = parse_date(&page.view.folio.date).and_then(|(y, m, d)| Datetime::from_ymd(y, m, d));
    world.set_sheet(page.view.spread.is_some());
    world.set_page(&page.page.template, data, date);
}

/// The format typst is told a photo has: for the press every photo is served as a CMYK JPEG
/// (see `photo_prep::separate`), whatever its own format.
pub fn served_format(world: &PageWorld, own: PhotoFormat) -> PhotoFormat {
    if world.separates_photos() {
        PhotoFormat::Jpeg
    } else {
        own
    }
}

/// Every photo of the page data (an object with `src` and `format`) named a JPEG.
fn photos_as_jpeg(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            if fields.contains_key("src") && fields.contains_key("format") {
                let jpeg = serde_json::to_value(PhotoFormat::Jpeg).expect("format serializes");
                fields.insert("format".into(), jpeg);
            }
            fields.values_mut().for_each(photos_as_jpeg);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(photos_as_jpeg),
        _ => {}
    }
}

/// Lays out again whatever the world serves now (after `PageWorld::replace_file`, say).
pub fn recompile(world: &PageWorld) -> Result<Compiled, Vec<SourceDiagnostic>> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    match output {
        Ok(document) => Ok(Compiled {
            document,
            warnings: warnings.into_iter().collect(),
            plan: None,
        }),
        Err(errors) => Err(errors.into_iter().chain(warnings).collect()),
    }
}
