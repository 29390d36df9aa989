//! The output intent of a PDF/X: the press's profile embedded (`engine::press` says which
//! profile and what it is) and the printing condition it names.

use std::sync::Mutex;

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

use crate::engine::press::Press;

/// The output intent's identifier: the condition is not one of the ICC registry's, so the
/// profile is embedded, as PDF/X allows for any condition outside the registry.
pub const CONDITION_IDENTIFIER: &str = "Custom";

/// Adds `press`'s profile stream and the `/GTS_PDFX` output intent to `doc`; returns the
/// intent.
pub fn add(doc: &mut Document, press: &Press) -> Result<Object, String> {
    let profile = doc.add_object(profile(press)?);
    let text = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFX".to_vec())),
        ("OutputConditionIdentifier", text(CONDITION_IDENTIFIER)),
        ("OutputCondition", text(&ascii(&press.condition))),
        ("Info", text(&ascii(&press.info))),
        ("RegistryName", text("")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    Ok(Object::Reference(doc.add_object(intent)))
}

/// The profile as a PDF stream, compressed (the same for every page made for this press, and
/// remembered: a profile takes milliseconds to compress).
fn profile(press: &Press) -> Result<Stream, String> {
    static MADE: Mutex<Vec<(u128, Stream)>> = Mutex::new(Vec::new());
    if let Some((_, stream)) = MADE
        .lock()
        .ok()
        .and_then(|made| made.iter().find(|(hash, _)| *hash == press.hash).cloned())
    {
        return Ok(stream);
    }
    let mut stream = Stream::new(
        Dictionary::from_iter([("N", Object::Integer(4))]),
        press.icc.to_vec(),
    );
    stream
        .compress()
        .map_err(|e| format!("cannot compress the profile: {e}"))?;
    if let Ok(mut made) = MADE.lock() {
        // A session that changes profiles keeps the last few.
        if made.len() >= 4 {
            made.remove(0);
        }
        made.push((press.hash, stream.clone()));
    }
    Ok(stream)
}

/// Makes `press`'s profile stream ahead of the PDF that needs it (`build` does this while
/// typst writes the PDF).
pub fn prepare(press: &Press) {
    let _ = profile(press);
}

/// A literal PDF string keeps to printable ASCII: other characters of a profile's description
/// are dropped rather than mis-encoded.
fn ascii(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii() && !c.is_ascii_control())
        .collect()
}
