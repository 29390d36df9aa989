//! The desk's ordinary edits of the sample page (issue 21): a paragraph cut from each section,
//! the photos of sections 1, 3 and 5 dropped, a kicker added, sections 4–6 cut, section 2
//! lengthened by two paragraphs. Each must build with no preflight error and print every
//! paragraph once, in order; what it leaves empty is reported. How many come out press-ready
//! (no underset, no hole) is printed; how many fill their columns may not fall below what the
//! make-up reaches today.

use serde_yaml::Value;

use crate::support::*;

fn paragraphs(section: &Value) -> Vec<String> {
    section["body"]
        .as_str()
        .unwrap()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

fn set_paragraphs(section: &mut Value, paragraphs: &[String]) {
    section["body"] = Value::String(paragraphs.join("\n\n") + "\n");
}

fn sections(page: &mut Value) -> &mut Vec<Value> {
    page["sections"].as_sequence_mut().unwrap()
}

/// The five edits, each a name and the page it makes.
fn edits() -> Vec<(&'static str, Value)> {
    let sample: Value = serde_yaml::from_str(&sample_yaml()).unwrap();
    let mut out = Vec::new();

    let mut page = sample.clone();
    for section in sections(&mut page) {
        let mut kept = paragraphs(section);
        if kept.len() > 1 {
            kept.pop();
        }
        set_paragraphs(section, &kept);
    }
    out.push(("a paragraph cut from each section", page));

    let mut page = sample.clone();
    for section in sections(&mut page) {
        if [1, 3, 5].contains(&section["number"].as_u64().unwrap()) {
            section.as_mapping_mut().unwrap().remove("photos");
        }
    }
    out.push(("photos of sections 1, 3 and 5 dropped", page));

    let mut page = sample.clone();
    page["kicker"] = Value::String("协商民主绘新篇 履职为民谱华章".into());
    out.push(("a kicker added", page));

    let mut page = sample.clone();
    sections(&mut page).truncate(3);
    out.push(("sections 4–6 cut", page));

    let mut page = sample.clone();
    let second = &mut sections(&mut page)[1];
    let mut longer = paragraphs(second);
    longer.push(longer[1].clone());
    longer.push(longer[3].clone());
    set_paragraphs(second, &longer);
    out.push(("section 2 lengthened by two paragraphs", page));
    out
}

#[test]
fn the_desks_edits_of_the_sample_build_with_every_paragraph_once_and_what_is_empty_reported() {
    let (mut ready, mut full) = (0, 0);
    for (n, (name, page)) in edits().into_iter().enumerate() {
        let yaml = serde_yaml::to_string(&page).unwrap();
        let project = TempProject::new(&format!("desk-edit-{n}"), &yaml);
        let (code, report) = project.check();
        let errors: Vec<_> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        let overset = findings(&report, "overset");
        // Lengthened text may be refused, but only as overset, said exactly.
        assert!(
            errors.iter().all(|f| f["check"] == "overset"),
            "{name}: {errors:?}"
        );
        if !overset.is_empty() {
            assert_eq!(code, Some(1), "{name}");
            eprintln!("{name}: overset, {} findings", overset.len());
            continue;
        }
        assert_eq!(code, Some(0), "{name}: {report}");
        let pdf = project.root.join("page.pdf");
        let out = project.build_with(&pdf, &["--pdf-standard", "1.7"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let text = pdf_text(&pdf);
        let all: Vec<String> = page["sections"]
            .as_sequence()
            .unwrap()
            .iter()
            .flat_map(paragraphs)
            .map(|p| squash(&p))
            .collect();
        let mut from = 0;
        for needle in &all {
            {
                // As often as the page's paragraphs hold it (a lengthened section repeats two).
                let times = all.iter().filter(|p| p.contains(needle.as_str())).count();
                assert_eq!(
                    text.matches(needle.as_str()).count(),
                    times,
                    "{name}: not printed {times} times: {needle}"
                );
                let at = from
                    + text[from..]
                        .find(needle.as_str())
                        .expect("in reading order");
                from = at + needle.len();
            }
        }
        let empty: u64 = findings(&report, "underset")
            .iter()
            .map(|f| f["details"]["lines"].as_u64().unwrap())
            .sum();
        let holes: Vec<u64> = findings(&report, "hole")
            .iter()
            .map(|f| f["details"]["lines"].as_u64().unwrap())
            .collect();
        let clean = empty == 0 && holes.is_empty();
        ready += usize::from(clean);
        full += usize::from(empty == 0);
        eprintln!(
            "{name}: {empty} lines empty at column feet, holes inside columns {holes:?}{}",
            if clean { ", press-ready" } else { "" }
        );
    }
    eprintln!("desk edits press-ready: {ready} of 5; with no column foot left empty: {full} of 5");
    // What the make-up reaches today (see issue 21's notes: the sections cut still leave
    // the page short); fewer is a regression.
    assert!(full >= 4, "{full} of 5 desk edits fill their columns");
}
