//! The press the PDF/X is made for: the newsprint CMYK profile (`profiles/README.md` says where
//! it comes from) and the output intent that names it.

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

/// The destination profile: coldset offset on newsprint, 240 % total ink.
pub const PROFILE: &[u8] = include_bytes!("../../../profiles/newsprint.icc");
/// Not a registered characterization (its data are synthetic): `Custom`, with the profile
/// embedded, as PDF/X allows for any condition that is not in the ICC registry.
pub const CONDITION_IDENTIFIER: &str = "Custom";
pub const CONDITION: &str =
    "Coldset offset lithography on newsprint, ISO 12647-3 aims, 240% total area coverage";
pub const INFO: &str = "banmian newsprint (synthetic ISO 12647-3 coldset, 240% TAC)";

/// Adds the profile stream and the `/GTS_PDFX` output intent to `doc`; returns the intent.
pub fn add(doc: &mut Document) -> Result<Object, String> {
    let mut profile = Stream::new(
        Dictionary::from_iter([("N", Object::Integer(4))]),
        PROFILE.to_vec(),
    );
    profile
        .compress()
        .map_err(|e| format!("cannot compress the profile: {e}"))?;
    let profile = doc.add_object(profile);
    let text = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFX".to_vec())),
        ("OutputConditionIdentifier", text(CONDITION_IDENTIFIER)),
        ("OutputCondition", text(CONDITION)),
        ("Info", text(INFO)),
        ("RegistryName", text("")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    Ok(Object::Reference(doc.add_object(intent)))
}
