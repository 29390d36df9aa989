//! PDF/X-4 for a newsprint plant, made from typst's PDF (which cannot write PDF/X) as one
//! incremental update, so typst's bytes stay as they are, as the BleedBox does
//! (`print_boxes`). What it adds: the `/GTS_PDFX` output intent with the newsprint profile
//! embedded (`intent`), the PDF/X identification and `Trapped` in the XMP and the document
//! information (`xmp`), overprint for pure-K paint (`overprint`). It refuses a PDF that is
//! encrypted or has a page without TrimBox and BleedBox (`print_boxes` writes them). What it
//! relies on, and the tests check: typst embeds every font, and a page laid out in CMYK with
//! its photos separated (`photo_prep::separate`) holds no RGB.

pub mod intent;
pub mod overprint;
pub mod xmp;

use std::collections::BTreeSet;

use crate::engine::press::Press;
use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream, StringFormat};

/// Makes `pdf` a PDF/X-4 titled `title`, for `press`.
pub fn convert(pdf: Vec<u8>, title: &str, press: &Press) -> Result<Vec<u8>, String> {
    let previous = Document::load_mem(&pdf).map_err(|e| format!("cannot reread the PDF: {e}"))?;
    if previous.trailer.get(b"Encrypt").is_ok() {
        return Err("the PDF is encrypted, which PDF/X forbids".into());
    }
    let pages: Vec<ObjectId> = previous.get_pages().into_values().collect();
    let catalog_id = previous
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| "the PDF has no catalog")?;
    let info_id = previous
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok();
    let typst_xmp = previous
        .get_dictionary(catalog_id)
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
        .and_then(|id| previous.get_object(id))
        .and_then(Object::as_stream)
        .ok()
        .and_then(|s| s.decompressed_content().ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let mut update = IncrementalDocument::create_from(pdf, previous);
    let doc = &mut update.new_document;

    let intent = intent::add(doc, press)?;
    let fields = xmp::Fields::from_typst(&typst_xmp, title);
    let mut metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp::packet(&fields).into_bytes(),
    );
    // XMP stays uncompressed, so that tools that scan for it find it.
    metadata.allows_compression = false;
    let metadata = doc.add_object(metadata);

    update
        .opt_clone_object_to_new_document(catalog_id)
        .map_err(|e| e.to_string())?;
    let doc = &mut update.new_document;
    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| e.to_string())?;
    catalog.set("OutputIntents", Object::Array(vec![intent]));
    catalog.set("Metadata", Object::Reference(metadata));

    let mut info = match info_id {
        Some(id) => update
            .get_prev_documents()
            .get_dictionary(id)
            .cloned()
            .unwrap_or_default(),
        None => Dictionary::new(),
    };
    info.set("Title", text_string(title));
    info.set(
        "GTS_PDFXVersion",
        Object::String(xmp::VERSION.as_bytes().to_vec(), StringFormat::Literal),
    );
    info.set("Trapped", Object::Name(b"False".to_vec()));
    let doc = &mut update.new_document;
    match info_id {
        Some(id) => doc.set_object(id, Object::Dictionary(info)),
        None => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }

    let states = overprint::add_states(&mut update.new_document);
    let mut done = BTreeSet::new();
    for page in pages {
        check_boxes(update.get_prev_documents(), page)?;
        paint(&mut update, page, false, &states, &mut done)?;
    }
    // The file grows by its update: room for it at once rather than copies as it grows.
    let mut out = Vec::with_capacity(update.get_prev_documents_bytes().len() + (1 << 20));
    update
        .save_to(&mut out)
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    Ok(out)
}

/// PDF/X wants both boxes on every page (`print_boxes` writes them; typst, the TrimBox).
fn check_boxes(doc: &Document, page: ObjectId) -> Result<(), String> {
    let dict = doc.get_dictionary(page).map_err(|e| e.to_string())?;
    for key in [&b"TrimBox"[..], b"BleedBox"] {
        if dict.get(key).is_err() {
            return Err(format!(
                "a page has no {}: PDF/X needs it",
                String::from_utf8_lossy(key)
            ));
        }
    }
    Ok(())
}

/// Rewrites the content of a page (or, `form`, a form XObject) and of the forms it draws, so
/// pure K overprints; adds the overprint states to their resources.
fn paint(
    update: &mut IncrementalDocument,
    id: ObjectId,
    form: bool,
    states: &[(String, ObjectId)],
    done: &mut BTreeSet<ObjectId>,
) -> Result<(), String> {
    if !done.insert(id) {
        return Ok(());
    }
    let prev = update.get_prev_documents();
    let (dict, content) = if form {
        let stream = prev
            .get_object(id)
            .and_then(Object::as_stream)
            .map_err(|e| e.to_string())?;
        let content = stream.decompressed_content().map_err(|e| e.to_string())?;
        (stream.dict.clone(), content)
    } else {
        let dict = prev.get_dictionary(id).map_err(|e| e.to_string())?.clone();
        // A page's streams joined, a line break between so no two operators run together.
        let mut content = Vec::new();
        for stream in prev.get_page_contents(id) {
            let stream = prev
                .get_object(stream)
                .and_then(Object::as_stream)
                .map_err(|e| e.to_string())?;
            content.extend(stream.decompressed_content().map_err(|e| e.to_string())?);
            content.push(b'\n');
        }
        (dict, content)
    };
    let resources = match dict.get(b"Resources") {
        Ok(Object::Reference(r)) => prev.get_dictionary(*r).map_err(|e| e.to_string())?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    // Forms drawn from here first (their resources are their own).
    let forms: Vec<ObjectId> = resolve(prev, resources.get(b"XObject").ok())
        .map(|x| {
            x.iter()
                .filter_map(|(_, v)| v.as_reference().ok())
                .filter(|r| {
                    prev.get_object(*r)
                        .and_then(Object::as_stream)
                        .is_ok_and(|s| {
                            s.dict
                                .get(b"Subtype")
                                .and_then(Object::as_name)
                                .is_ok_and(|n| n == b"Form")
                        })
                })
                .collect()
        })
        .unwrap_or_default();
    let Some(new_content) = overprint::rewrite(&content, form)? else {
        for f in forms {
            paint(update, f, true, states, done)?;
        }
        return Ok(());
    };
    let mut resources = resources;
    let mut ext = resolve(prev, resources.get(b"ExtGState").ok()).unwrap_or_default();
    for (name, state) in states {
        ext.set(name.as_bytes().to_vec(), Object::Reference(*state));
    }
    resources.set("ExtGState", Object::Dictionary(ext));
    let mut dict = dict;
    dict.set("Resources", Object::Dictionary(resources));
    let doc = &mut update.new_document;
    if form {
        dict.remove(b"Filter");
        dict.remove(b"DecodeParms");
        let mut stream = Stream::new(dict, new_content);
        stream.compress().map_err(|e| e.to_string())?;
        doc.set_object(id, Object::Stream(stream));
    } else {
        let mut stream = Stream::new(Dictionary::new(), new_content);
        stream.compress().map_err(|e| e.to_string())?;
        let contents = doc.add_object(stream);
        dict.set("Contents", Object::Reference(contents));
        doc.set_object(id, Object::Dictionary(dict));
    }
    for f in forms {
        paint(update, f, true, states, done)?;
    }
    Ok(())
}

/// A dictionary that may be given directly or by reference.
fn resolve(doc: &Document, object: Option<&Object>) -> Option<Dictionary> {
    match object? {
        Object::Dictionary(d) => Some(d.clone()),
        Object::Reference(r) => doc.get_dictionary(*r).ok().cloned(),
        _ => None,
    }
}

/// A PDF text string: PDFDocEncoding for ASCII, else UTF-16BE with its byte-order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}
