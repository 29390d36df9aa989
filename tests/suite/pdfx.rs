//! The PDF/X-4 for the press, checked as a plant's preflight would: its structure (output
//! intent, identification, boxes, no encryption, fonts embedded) read with lopdf, its colours
//! (no RGB, pure K overprinting, the accent knocking out), the ink on its plates rendered by
//! ghostscript, and `qpdf --check`. ghostscript and qpdf are installed by `.ci/run`; a missing
//! one fails the test that needs it, by name.

use std::collections::BTreeMap;
use std::process::Command;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::support::{
    MINIMAL_PAGE, TempProject, banmian, findings, poppler, sample_pdf, scratch, stderr,
};

fn tool(name: &str, package: &str, args: &[&str]) -> std::process::Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (apt-get install {package}): {e}"))
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn rect(page: &Dictionary, key: &[u8]) -> [f32; 4] {
    let v: Vec<f32> = page
        .get(key)
        .unwrap_or_else(|_| panic!("page has no {}", String::from_utf8_lossy(key)))
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    v.try_into().unwrap()
}

#[test]
fn build_writes_a_pdf_x4_with_the_newsprint_output_intent() {
    let bytes = std::fs::read(sample_pdf()).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.6"), "PDF/X-4 is PDF 1.6");
    let doc = Document::load_mem(&bytes).unwrap();
    assert!(doc.trailer.get(b"Encrypt").is_err(), "encrypted");

    let catalog = doc.catalog().unwrap();
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let intent = dict(&doc, &intents[0]);
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFX");
    assert_eq!(
        intent
            .get(b"OutputConditionIdentifier")
            .unwrap()
            .as_str()
            .unwrap(),
        b"Custom"
    );
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 4);
    let icc = profile.decompressed_content().unwrap();
    let shipped = std::fs::read(crate::support::repo().join("profiles/newsprint.icc")).unwrap();
    assert_eq!(
        icc, shipped,
        "the embedded profile is not profiles/newsprint.icc"
    );
    // An output (printer) profile for CMYK.
    assert_eq!(&icc[12..16], b"prtr");
    assert_eq!(&icc[16..20], b"CMYK");

    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    assert_eq!(
        info.get(b"GTS_PDFXVersion").unwrap().as_str().unwrap(),
        b"PDF/X-4"
    );
    assert_eq!(info.get(b"Trapped").unwrap().as_name().unwrap(), b"False");
    assert!(info.get(b"Title").is_ok(), "PDF/X wants a title");

    let xmp = doc
        .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap()
        .decompressed_content()
        .unwrap();
    let xmp = String::from_utf8(xmp).unwrap();
    for needed in [
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
        "<pdf:Trapped>False</pdf:Trapped>",
        "<xmpMM:VersionID>",
        "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        "<rdf:li xml:lang=\"x-default\">示例日报 2021-09-28 第8版</rdf:li>",
        "<xmp:CreateDate>2021-09-28T00:00:00+00:00</xmp:CreateDate>",
    ] {
        assert!(xmp.contains(needed), "XMP lacks {needed}:\n{xmp}");
    }

    // Every page: trim inside bleed (3 mm) inside media.
    for id in doc.get_pages().into_values() {
        let page = doc.get_dictionary(id).unwrap();
        let (media, bleed, trim) = (
            rect(page, b"MediaBox"),
            rect(page, b"BleedBox"),
            rect(page, b"TrimBox"),
        );
        for i in 0..2 {
            assert!(media[i] <= bleed[i] && bleed[i] < trim[i]);
            assert!(media[i + 2] >= bleed[i + 2] && bleed[i + 2] > trim[i + 2]);
        }
        assert!(((trim[0] - bleed[0]) * 25.4 / 72.0 - 3.0).abs() < 0.05);
    }

    // Every font embedded (pdffonts: the `emb` column).
    let fonts = poppler("pdffonts", &[sample_pdf().to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
    }
}

/// Every content stream of the last revision: pages and the form XObjects they draw, with
/// their resources.
fn streams(doc: &Document) -> Vec<(Vec<u8>, Dictionary)> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    fn forms(
        doc: &Document,
        resources: &Dictionary,
        out: &mut Vec<(Vec<u8>, Dictionary)>,
        seen: &mut Vec<ObjectId>,
    ) {
        let Ok(xobjects) = resources.get(b"XObject") else {
            return;
        };
        for (_, x) in dict(doc, xobjects).iter() {
            let id = x.as_reference().unwrap();
            let stream = doc.get_object(id).unwrap().as_stream().unwrap();
            if seen.contains(&id)
                || stream.dict.get(b"Subtype").unwrap().as_name().unwrap() != b"Form"
            {
                continue;
            }
            seen.push(id);
            let res = stream
                .dict
                .get(b"Resources")
                .map(|r| dict(doc, r).clone())
                .unwrap_or_default();
            out.push((stream.decompressed_content().unwrap(), res.clone()));
            forms(doc, &res, out, seen);
        }
    }
    for id in doc.get_pages().into_values() {
        let page = doc.get_dictionary(id).unwrap();
        let resources = dict(doc, page.get(b"Resources").unwrap()).clone();
        out.push((doc.get_page_content(id), resources.clone()));
        forms(doc, &resources, &mut out, &mut seen);
    }
    out
}

#[test]
fn the_press_pdf_holds_no_rgb() {
    let doc = Document::load(sample_pdf()).unwrap();
    for (id, object) in &doc.objects {
        let dict = match object {
            Object::Stream(s) => &s.dict,
            Object::Dictionary(d) => d,
            Object::Array(a) => {
                // [/ICCBased ref]: only grey (1) or CMYK (4) profiles.
                if a.first().and_then(|n| n.as_name().ok()) == Some(b"ICCBased") {
                    let n = doc
                        .get_object(a[1].as_reference().unwrap())
                        .unwrap()
                        .as_stream()
                        .unwrap()
                        .dict
                        .get(b"N")
                        .unwrap()
                        .as_i64()
                        .unwrap();
                    assert!(
                        n == 1 || n == 4,
                        "an ICCBased space with {n} components: {id:?}"
                    );
                }
                continue;
            }
            _ => continue,
        };
        for (key, value) in dict.iter() {
            assert!(
                value.as_name().ok() != Some(b"DeviceRGB"),
                "{id:?} /{} is DeviceRGB",
                String::from_utf8_lossy(key)
            );
        }
        if dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image") {
            let cs = dict.get(b"ColorSpace").unwrap();
            assert_eq!(
                cs.as_name().ok(),
                Some(&b"DeviceCMYK"[..]),
                "image {id:?} is in {cs:?}"
            );
        }
    }
    for (content, _) in streams(&doc) {
        for op in Content::decode(&content).unwrap().operations {
            assert!(
                !["rg", "RG"].contains(&op.operator.as_str()),
                "an RGB colour: {op:?}"
            );
        }
    }
    // The photos are all there, as CMYK JPEGs.
    let images = poppler("pdfimages", &["-list", sample_pdf().to_str().unwrap()]);
    let rows: Vec<&str> = images.lines().skip(2).collect();
    assert_eq!(rows.len(), 8, "{images}");
    assert!(
        rows.iter()
            .all(|r| r.contains(" cmyk ") && r.contains(" jpeg ")),
        "{images}"
    );
}

#[test]
fn pure_black_overprints_and_the_accent_knocks_out() {
    let doc = Document::load(sample_pdf()).unwrap();
    // How text was painted: (fill colour, overprint on) → number of text-showing operators.
    let mut painted: BTreeMap<(String, bool), usize> = BTreeMap::new();
    for (content, resources) in streams(&doc) {
        let states = resources
            .get(b"ExtGState")
            .map(|s| dict(&doc, s).clone())
            .unwrap_or_default();
        let mut stack = Vec::new();
        let (mut fill, mut op) = (String::from("?"), false);
        for o in Content::decode(&content).unwrap().operations {
            match o.operator.as_str() {
                "q" => stack.push((fill.clone(), op)),
                "Q" => (fill, op) = stack.pop().unwrap(),
                "k" => {
                    let v: Vec<String> = o
                        .operands
                        .iter()
                        .map(|x| format!("{:.2}", x.as_float().unwrap()))
                        .collect();
                    fill = v.join(" ");
                }
                "gs" => {
                    let state = dict(&doc, states.get(o.operands[0].as_name().unwrap()).unwrap());
                    if let Ok(b) = state.get(b"op").or_else(|_| state.get(b"OP")) {
                        op = b.as_bool().unwrap();
                        if op {
                            assert_eq!(state.get(b"OPM").unwrap().as_i64().unwrap(), 1);
                        }
                    }
                }
                "Tj" | "TJ" | "'" | "\"" => *painted.entry((fill.clone(), op)).or_default() += 1,
                _ => {}
            }
        }
    }
    let count = |fill: &str, op: bool| painted.get(&(fill.to_string(), op)).copied().unwrap_or(0);
    assert!(count("0.00 0.00 0.00 1.00", true) > 100, "{painted:?}");
    assert_eq!(
        count("0.00 0.00 0.00 1.00", false),
        0,
        "black text that knocks out: {painted:?}"
    );
    assert!(count("0.00 1.00 1.00 0.15", false) > 0, "{painted:?}");
    assert_eq!(
        count("0.00 1.00 1.00 0.15", true),
        0,
        "accent text that overprints: {painted:?}"
    );
}

#[test]
fn the_ink_on_the_plates_stays_within_the_house_limit() {
    let dir = scratch("pdfx-ink");
    let pdf = dir.join("press.pdf");
    let out = banmian(&["build", "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // build measured it and says so: `ink: at most N % (limit 240 %) … mm …`.
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.starts_with("ink: at most"))
        .unwrap_or_else(|| panic!("no ink line:\n{err}"));
    let most: f64 = line.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert!(most <= 240.0 && most > 150.0, "{line}");

    // Measured again here as the plant would (ghostscript's separations): four plates,
    // nothing over the limit.
    let plant = crate::tiffsep::measure(&pdf, 50, 240.0);
    assert_eq!(plant.separations, ["Black", "Cyan", "Magenta", "Yellow"]);
    assert!(plant.max_percent <= 240.5, "{plant:?}");
    assert_eq!(plant.over_mm2, 0.0);
}

#[test]
fn qpdf_finds_the_press_pdf_sound_with_or_without_crop_marks() {
    let dir = scratch("pdfx-qpdf");
    let marked = dir.join("marked.pdf");
    let out = banmian(&["build", "--crop-marks", "-o", marked.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for pdf in [sample_pdf(), marked.as_path()] {
        let check = tool("qpdf", "qpdf", &["--check", pdf.to_str().unwrap()]);
        let said = String::from_utf8_lossy(&check.stdout);
        assert!(
            check.status.success(),
            "qpdf --check {}: {said}{}",
            pdf.display(),
            String::from_utf8_lossy(&check.stderr)
        );
        assert!(
            said.contains("No syntax or stream encoding errors"),
            "{said}"
        );
        assert!(
            check.stderr.is_empty(),
            "qpdf warns: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

#[test]
fn a_plain_pdf_stays_available_for_proofs() {
    let dir = scratch("pdfx-plain");
    let pdf = dir.join("proof.pdf");
    let out = banmian(&[
        "build",
        "--pdf-standard",
        "1.7",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("ink:"), "a proof is not measured");
    let doc = Document::load(&pdf).unwrap();
    assert!(doc.catalog().unwrap().get(b"OutputIntents").is_err());
    // Its photos are the RGB originals (resampled), as a screen shows them.
    let images = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert!(
        images.lines().skip(2).all(|r| !r.contains(" cmyk ")),
        "{images}"
    );

    // PDF/X-4 is CMYK and PDF 1.6: with an archive copy or another version it is refused.
    for other in ["a-2b", "1.7"] {
        let out = banmian(&[
            "build",
            "--pdf-standard",
            "x-4",
            "--pdf-standard",
            other,
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot be combined"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn colours_over_the_ink_limit_or_small_rich_black_are_refused() {
    let project = TempProject::new("pdfx-colours", MINIMAL_PAGE);
    let style = project.root.join("layout/style.typ");
    let house = std::fs::read_to_string(&style).unwrap();
    let over = house
        .replace(
            "accent-process = cmyk(0%, 100%, 100%, 15%)",
            "accent-process = cmyk(60%, 100%, 100%, 15%)",
        )
        .replace(
            "ink: cmyk(0%, 0%, 0%, 100%)",
            "ink: cmyk(40%, 30%, 30%, 100%)",
        );
    assert_ne!(over, house, "style.typ's colours moved: update this test");
    std::fs::write(&style, over).unwrap();
    let (code, report) = project.check();
    assert_eq!(code, Some(1), "{report:#}");
    let colours = findings(&report, "colour");
    let messages: Vec<&str> = colours
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("275 % ink, over the house limit of 240 %")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("rich black")),
        "{messages:#?}"
    );
    let pdf = project.root.join("out.pdf");
    let out = project.build(&pdf);
    assert_eq!(out.status.code(), Some(1));
    assert!(!pdf.exists());
}

#[test]
fn a_spot_ink_named_in_the_house_style_gets_its_own_plate() {
    let project = TempProject::new("pdfx-spot", MINIMAL_PAGE);
    let style = project.root.join("layout/style.typ");
    let house = std::fs::read_to_string(&style).unwrap();
    let spot = house.replace(
        "#let accent-spot = none",
        "#let accent-spot = \"PANTONE 485 C\"",
    );
    assert_ne!(
        spot, house,
        "style.typ's accent-spot moved: update this test"
    );
    std::fs::write(&style, spot).unwrap();

    let pdf = project.root.join("spot.pdf");
    let out = project.build(&pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    // A Separation colour space for the ink, its CMYK look as the alternate (no RGB).
    let doc = Document::load(&pdf).unwrap();
    let separation = doc
        .objects
        .values()
        .filter_map(|o| o.as_array().ok())
        .find(|a| a.first().and_then(|n| n.as_name().ok()) == Some(b"Separation"))
        .expect("no Separation colour space");
    assert_eq!(separation[1].as_name().unwrap(), b"PANTONE 485 C");
    assert_eq!(separation[2].as_name().unwrap(), b"DeviceCMYK");
    // Its own plate, as the plant's RIP renders it.
    let plates = crate::tiffsep::measure(&pdf, 50, 240.0);
    assert_eq!(
        plates.separations,
        ["Black", "Cyan", "Magenta", "PANTONE 485 C", "Yellow"]
    );
    let check = tool("qpdf", "qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(check.status.success() && check.stderr.is_empty());

    // The archive copy (RGB) still builds, with the ink's CMYK look converted.
    let archive = project.root.join("archive.pdf");
    let out = project.build_with(&archive, &["--pdf-standard", "a-2b"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// ghostscript's CMYK output profile (SWOP-like, Debian's `libgs-common`): another press than
/// banmian's newsprint one.
fn another_press_profile() -> std::path::PathBuf {
    std::fs::read_dir("/usr/share/ghostscript")
        .expect("ghostscript's profiles are needed (apt-get install ghostscript)")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("iccprofiles/default_cmyk.icc"))
        .find(|p| p.exists())
        .expect("no ghostscript default_cmyk.icc")
}

/// The output intent's condition and embedded profile of `pdf`.
fn output_intent(pdf: &std::path::Path) -> (String, Vec<u8>) {
    let doc = Document::load(pdf).unwrap();
    let intents = doc
        .catalog()
        .unwrap()
        .get(b"OutputIntents")
        .unwrap()
        .as_array()
        .unwrap();
    let intent = dict(&doc, &intents[0]);
    let condition = intent
        .get(b"OutputCondition")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap()
        .decompressed_content()
        .unwrap();
    (String::from_utf8(condition).unwrap(), profile)
}

/// Every image stream's bytes (the photos as embedded).
fn image_bytes(pdf: &std::path::Path) -> Vec<Vec<u8>> {
    let doc = Document::load(pdf).unwrap();
    let mut images: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .map(|s| s.content.clone())
        .collect();
    images.sort();
    images
}

#[test]
fn another_press_profile_changes_the_output_intent_and_the_separated_photos() {
    let dir = scratch("pdfx-icc");
    let icc = another_press_profile();
    let pdf = dir.join("swop.pdf");
    let out = banmian(&[
        "build",
        "-o",
        pdf.to_str().unwrap(),
        "--icc",
        icc.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (condition, embedded) = output_intent(&pdf);
    assert_eq!(
        embedded,
        std::fs::read(&icc).unwrap(),
        "the profile named is embedded"
    );
    assert!(condition.contains("SWOP"), "{condition}");
    let (newsprint, _) = output_intent(sample_pdf());
    assert!(newsprint.contains("newsprint"), "{newsprint}");
    // The photos separated through the other profile: other separations, same count.
    let (ours, theirs) = (image_bytes(sample_pdf()), image_bytes(&pdf));
    assert_eq!(ours.len(), theirs.len());
    assert!(
        ours.iter().all(|i| !theirs.contains(i)),
        "photos not separated again"
    );
    // Still a sound PDF/X: qpdf finds nothing wrong, no RGB, ink measured.
    let check = tool("qpdf", "qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(check.status.success() && check.stderr.is_empty());
    let images = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert!(
        images.lines().skip(2).all(|r| r.contains(" cmyk ")),
        "{images}"
    );
    assert!(stderr(&out).contains("ink: at most"), "{}", stderr(&out));
}

#[test]
fn a_profile_that_is_not_a_cmyk_press_is_refused_and_nothing_written() {
    let dir = scratch("pdfx-icc-refused");
    let rgb = another_press_profile().with_file_name("default_rgb.icc");
    let pdf = dir.join("refused.pdf");
    let out = banmian(&[
        "build",
        "-o",
        pdf.to_str().unwrap(),
        "--icc",
        rgb.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("not a CMYK output (printer) profile"), "{err}");
    assert!(err.contains("display (monitor) profile for RGB"), "{err}");
    assert!(!pdf.exists());
}

#[test]
fn the_house_names_its_press_profile_in_the_style() {
    let project = TempProject::new("pdfx-icc-house", MINIMAL_PAGE);
    std::fs::copy(
        another_press_profile(),
        project.root.join("layout/plant.icc"),
    )
    .unwrap();
    let style = project.root.join("layout/style.typ");
    let house = std::fs::read_to_string(&style).unwrap();
    let named = house.replace("press-profile: none,", "press-profile: \"plant.icc\",");
    assert_ne!(
        named, house,
        "style.typ's press-profile moved: update this test"
    );
    std::fs::write(&style, &named).unwrap();
    let pdf = project.root.join("house.pdf");
    let out = project.build(&pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(output_intent(&pdf).0.contains("SWOP"));

    // A house profile that is not there: the build says where it looked.
    std::fs::write(&style, named.replace("plant.icc", "missing.icc")).unwrap();
    let out = project.build(&pdf);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("`press-profile` in layout/style.typ"), "{err}");
    assert!(err.contains("missing.icc"), "{err}");
}
