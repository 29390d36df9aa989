//! Print boxes typst does not write: an explicit BleedBox on every page and, on request, crop
//! marks outside the bleed with the media box enlarged to hold them. Applied as a PDF
//! incremental update, so typst's own bytes stay as they are and output stays reproducible.

use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream};

const MM: f32 = crate::units::pt(1.0) as f32;
/// Crop marks: 5 mm long, starting 2 mm outside the bleed.
const MARK_OFFSET: f32 = 2.0 * MM;
const MARK_LENGTH: f32 = 5.0 * MM;

/// Adds the boxes (and marks) to every page of `pdf`.
pub fn add(pdf: Vec<u8>, crop_marks: bool) -> Result<Vec<u8>, String> {
    let previous = Document::load_mem(&pdf).map_err(|e| format!("cannot reread the PDF: {e}"))?;
    let pages: Vec<ObjectId> = previous.get_pages().into_values().collect();
    let mut update = IncrementalDocument::create_from(pdf, previous);
    for id in pages {
        update
            .opt_clone_object_to_new_document(id)
            .map_err(|e| e.to_string())?;
        let page = update
            .new_document
            .get_object(id)
            .and_then(Object::as_dict)
            .map_err(|e| e.to_string())?;
        let media = rect(page, b"MediaBox").ok_or("a page has no MediaBox")?;
        let trim = rect(page, b"TrimBox").unwrap_or(media);
        let mut page = page.clone();
        // typst's media box is the trim plus the bleed: that is the bleed box.
        page.set("BleedBox", array(media));
        if crop_marks {
            let margin = MARK_OFFSET + MARK_LENGTH + MM;
            let grown = [
                media[0] - margin,
                media[1] - margin,
                media[2] + margin,
                media[3] + margin,
            ];
            page.set("MediaBox", array(grown));
            page.set("CropBox", array(grown));
            let marks = marks(trim, media);
            let save = update
                .new_document
                .add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
            let restore = update
                .new_document
                .add_object(Stream::new(Dictionary::new(), marks));
            let mut contents = vec![Object::Reference(save)];
            match page.get(b"Contents") {
                Ok(Object::Array(old)) => contents.extend(old.iter().cloned()),
                Ok(old) => contents.push(old.clone()),
                Err(_) => {}
            }
            contents.push(Object::Reference(restore));
            page.set("Contents", Object::Array(contents));
        }
        update.new_document.set_object(id, Object::Dictionary(page));
    }
    // The file grows by its update: room for it at once rather than copies as it grows.
    let mut out = Vec::with_capacity(update.get_prev_documents_bytes().len() + (1 << 20));
    update
        .save_to(&mut out)
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    Ok(out)
}

fn rect(page: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
    let values = page.get(key).ok()?.as_array().ok()?;
    let numbers: Vec<f32> = values.iter().filter_map(|v| v.as_float().ok()).collect();
    numbers.try_into().ok()
}

fn array(r: [f32; 4]) -> Object {
    Object::Array(r.iter().map(|&v| Object::Real(v)).collect())
}

/// Restores the page's graphics state, then strokes eight hairlines in registration colour
/// (all four inks), two at each corner, in line with the trim edges and clear of the bleed.
fn marks(trim: [f32; 4], bleed: [f32; 4]) -> Vec<u8> {
    let [x0, y0, x1, y1] = trim;
    let (bx0, by0, bx1, by1) = (
        bleed[0] - MARK_OFFSET,
        bleed[1] - MARK_OFFSET,
        bleed[2] + MARK_OFFSET,
        bleed[3] + MARK_OFFSET,
    );
    let l = MARK_LENGTH;
    let lines = [
        (bx0 - l, y0, bx0, y0),
        (bx0 - l, y1, bx0, y1),
        (bx1, y0, bx1 + l, y0),
        (bx1, y1, bx1 + l, y1),
        (x0, by0 - l, x0, by0),
        (x1, by0 - l, x1, by0),
        (x0, by1, x0, by1 + l),
        (x1, by1, x1, by1 + l),
    ];
    let mut s = String::from("Q\nq\n0.25 w\n1 1 1 1 K\n");
    for (ax, ay, bx, by) in lines {
        s.push_str(&format!("{ax:.3} {ay:.3} m {bx:.3} {by:.3} l S\n"));
    }
    s.push_str("Q\n");
    s.into_bytes()
}
