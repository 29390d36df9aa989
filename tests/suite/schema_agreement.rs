//! One source for the rules (issue 23): the JSON Schemas `banmian schema` prints (a page of any
//! template, each template's pages, an issue file) accept and refuse what `check` accepts and
//! refuses — on every case of the bad-input corpus, every page and issue in content/,
//! generated feature and news pages, and a page for each rule the schemas state, on both sides
//! of its edge.
//!
//! "Refuses" on `check`'s side is its content stage, what it refuses before any layout (layout
//! and preflight measure the page set, which no schema of the YAML can). On the schema's side
//! the file is first read as YAML as an editor's language server reads it (not UTF-8, a syntax
//! error or a duplicate key is refused there). What a schema cannot say is listed in
//! [`BEYOND_A_SCHEMA`] with the reason, case by case, and the test requires those cases to
//! differ in just that way (check refuses, the schema accepts): a listed case that comes to
//! agree must leave the list.

use std::path::{Path, PathBuf};

use banmian::content;
use serde_json::Value;

use crate::bad_input;
use crate::json_schema::Validator;
use crate::support::*;

/// The cases on which the two cannot agree, with which is stricter and why: mostly a mistake
/// no schema of the YAML can see (`Check`).
const BEYOND_A_SCHEMA: &[(&str, Stricter, &str)] = &[
    // Files beside the page: whether they are there, and what their bytes are.
    ("photo-bmp", Check, "a photo's bytes"),
    ("photo-empty-file", Check, "a photo's bytes"),
    ("photo-folder", Check, "a photo's file"),
    ("photo-giant-header", Check, "a photo's bytes"),
    ("photo-gif", Check, "a photo's bytes"),
    ("photo-heic", Check, "a photo's bytes"),
    ("photo-missing", Check, "a photo's file"),
    ("photo-outside-root", Check, "where a photo's file lies"),
    ("photo-symlink-loop", Check, "a photo's file"),
    ("photo-text-file", Check, "a photo's bytes"),
    ("photo-tiff", Check, "a photo's bytes"),
    ("photo-truncated", Check, "a photo's bytes"),
    ("photo-webp-named-jpg", Check, "a photo's bytes"),
    (
        "issue-lists-itself",
        Check,
        "what a page file of the issue is",
    ),
    (
        "issue-page-is-a-fifo",
        Check,
        "what a page file of the issue is",
    ),
    ("issue-page-missing", Check, "a page file of the issue"),
    // Across entries: JSON Schema's uniqueItems compares whole items, not one field of each.
    (
        "issue-page-twice",
        Check,
        "the same page file in two entries",
    ),
    ("section-id-twice", Check, "an id unique across sections"),
    // The page's folio from its issue: a page of an issue leaves paper and date out.
    (
        "schema-missing-date",
        Check,
        "a folio field the issue may give",
    ),
    (
        "schema-empty-date",
        Check,
        "a folio field the issue may give",
    ),
    // The file as bytes and as YAML, before any value: comments, keys and aliases too.
    (
        "text-escaped-control-in-quotes",
        Check,
        "a control character (anywhere in the file)",
    ),
    (
        "text-replacement-character",
        Check,
        "U+FFFD (anywhere in the file)",
    ),
    ("limit-file-size", Check, "the file's size"),
    (
        "limit-page-characters",
        Check,
        "the characters of all fields together",
    ),
    ("limit-photos", Check, "the photos of all sections together"),
    // A number or true/false where text belongs: check reads it as the text it prints
    // (`headline: 2024`), the schema asks for text, so the editor flags it and quoting it
    // satisfies both.
    (
        "headline-a-number-ok",
        Schema,
        "a number where text belongs",
    ),
];

/// Which side refuses what the other accepts.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Stricter {
    Check,
    Schema,
}
use Stricter::{Check, Schema};

/// Rules the corpus has no case for, each on both sides of its edge: (name, the minimal page's
/// text replaced, by what). A name ends `-ok` for a page that must pass.
const EDGES: &[(&str, &str, &str)] = &[
    ("leap-day-ok", "2024-01-15", "2024-02-29"),
    ("leap-day-not-leap", "2024-01-15", "2023-02-29"),
    ("century-leap-day-ok", "2024-01-15", "2000-02-29"),
    ("century-not-leap", "2024-01-15", "1900-02-29"),
    ("date-unpadded", "2024-01-15", "2024-1-15"),
    ("date-april-31", "2024-01-15", "2024-04-31"),
    ("page-9999-ok", "  page: 1", "  page: 9999"),
    ("page-10000", "  page: 1", "  page: 10000"),
    (
        "headline-blank",
        "headline: 测试标题",
        "headline: \"\u{3000} \"",
    ),
    ("caption-empty", "caption: 图片说明。", "caption: \"\""),
    (
        "crop-50-ok",
        "caption: 图片说明。",
        "caption: 图片说明。\n        crop: 50",
    ),
    (
        "crop-51",
        "caption: 图片说明。",
        "caption: 图片说明。\n        crop: 51",
    ),
    (
        "focus-corner-ok",
        "caption: 图片说明。",
        "caption: 图片说明。\n        focus: top-left",
    ),
    (
        "focus-centre-ok",
        "caption: 图片说明。",
        "caption: 图片说明。\n        focus: centre",
    ),
    (
        "focus-middle",
        "caption: 图片说明。",
        "caption: 图片说明。\n        focus: middle",
    ),
    (
        "span-zero",
        "caption: 图片说明。",
        "caption: 图片说明。\n        span: 0",
    ),
    (
        "head-blank",
        "head: [第一部分, 小标题]",
        "head: [\"\", \" \"]",
    ),
    ("head-none", "head: [第一部分, 小标题]", "head: []"),
    (
        "body-blank",
        "    body: |\n      第一段正文。\n\n      第二段正文。\n",
        "    body: \"  \"\n",
    ),
    (
        "section-id-ok",
        "  - number: 1\n",
        "  - number: 1\n    id: river-1\n",
    ),
    (
        "section-id-upper",
        "  - number: 1\n",
        "  - number: 1\n    id: River\n",
    ),
    (
        "section-id-reserved",
        "  - number: 1\n",
        "  - number: 1\n    id: credit\n",
    ),
    (
        "section-id-lead",
        "  - number: 1\n",
        "  - number: 1\n    id: lead-in\n",
    ),
    (
        "section-id-long",
        "  - number: 1\n",
        "  - number: 1\n    id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
    ),
    (
        "section-id-twice",
        "  - number: 1\n",
        "  - number: 1\n    id: same\n    head: [一]\n    body: 正文。\n  - number: 2\n    id: same\n",
    ),
    ("section-number-zero", "  - number: 1\n", "  - number: 0\n"),
    ("spread-even-ok", "  page: 1\n", "  page: 2\nspread: true\n"),
    (
        "stories-on-a-feature",
        "headline: 测试标题\n",
        "headline: 测试标题\nstories: []\n",
    ),
    (
        "news-field-on-a-feature",
        "headline: 测试标题\n",
        "headline: 测试标题\nbriefs:\n  items: [{headline: 一, body: 二}]\n",
    ),
    ("feature-without-headline", "headline: 测试标题\n", ""),
    (
        "headline-a-number-ok",
        "headline: 测试标题",
        "headline: 2024",
    ),
    ("page-a-float", "  page: 1", "  page: 1.5"),
    ("template-by-default-ok", "template: feature\n", ""),
];

/// The same for a news page ([`NEWS_PAGE`]).
const NEWS_EDGES: &[(&str, &str, &str)] = &[
    ("news-minimal-ok", "", ""),
    (
        "news-kind-photo-ok",
        "    body: 正文。\n",
        "    kind: photo\n    body: \"\"\n    photos:\n      - file: images/photo-1.jpg\n        caption: 图片。\n",
    ),
    (
        "news-kind-photo-without-photo",
        "    body: 正文。\n",
        "    kind: photo\n    body: 正文。\n",
    ),
    (
        "news-kind-unknown",
        "    body: 正文。\n",
        "    kind: feature\n    body: 正文。\n",
    ),
    ("news-body-blank", "    body: 正文。\n", "    body: \" \"\n"),
    (
        "news-headline-blank",
        "  - headline: 稿件标题\n",
        "  - headline: \"\"\n",
    ),
    (
        "news-frame-ok",
        "    body: 正文。\n",
        "    body: 正文。\n    frame: tint\n",
    ),
    (
        "news-frame-unknown",
        "    body: 正文。\n",
        "    body: 正文。\n    frame: boks\n",
    ),
    (
        "news-pin-ok",
        "    body: 正文。\n",
        "    body: 正文。\n    pin: {column: 1, width: 2}\n",
    ),
    (
        "news-pin-zero",
        "    body: 正文。\n",
        "    body: 正文。\n    pin: {column: 0}\n",
    ),
    (
        "news-story-id-reserved",
        "  - headline: 稿件标题\n",
        "  - headline: 稿件标题\n    id: briefs\n",
    ),
    (
        "news-briefs-ok",
        "stories:\n",
        "briefs:\n  items:\n    - {headline: 一, body: 二}\nstories:\n",
    ),
    (
        "news-briefs-empty",
        "stories:\n",
        "briefs:\n  items: []\nstories:\n",
    ),
    (
        "news-brief-blank",
        "stories:\n",
        "briefs:\n  items:\n    - {headline: \" \", body: 二}\nstories:\n",
    ),
    (
        "news-with-a-headline",
        "stories:\n",
        "headline: 标题\nstories:\n",
    ),
    (
        "news-with-sections",
        "stories:\n",
        "sections: []\nstories:\n",
    ),
    (
        "news-without-stories",
        "stories:\n  - headline: 稿件标题\n    body: 正文。\n",
        "",
    ),
    (
        "news-no-stories",
        "stories:\n  - headline: 稿件标题\n    body: 正文。\n",
        "stories: []\n",
    ),
    ("news-13-stories", "", "{{13 STORIES}}"),
    ("news-12-stories-ok", "", "{{12 STORIES}}"),
];

const NEWS_PAGE: &str = "template: news
folio:
  paper: 测试报
  date: 2024-01-15
  page: 2
stories:
  - headline: 稿件标题
    body: 正文。
";

/// What each side says of one file: `Ok` accepted, `Err` why refused.
struct Verdicts {
    name: String,
    check: Result<(), String>,
    /// Each schema that speaks of the file (the page schema and its template's, or the issue
    /// schema), by file name.
    schemas: Vec<(String, Result<(), String>)>,
}

struct Schemas {
    page: Value,
    templates: Vec<(String, Value)>,
    issue: Value,
}

impl Schemas {
    fn of(root: &Path) -> Self {
        use banmian::desk::schema;
        let templates = schema::templates(root);
        Self {
            page: schema::page(&templates),
            templates: templates
                .iter()
                .map(|(name, manifest)| {
                    (name.clone(), schema::template(&templates, name, manifest))
                })
                .collect(),
            issue: schema::issue(),
        }
    }

    /// Both sides' verdicts on the file `page` of the project at `root`.
    fn verdicts(&self, name: &str, page: &Path, root: &Path) -> Verdicts {
        let bytes = std::fs::read(page).unwrap_or_default();
        let is_issue = content::issue::looks_like_issue(&bytes);
        let check = if is_issue {
            content::issue::load(page, root).map(drop)
        } else {
            let slot = content::issue::slot_of(page, root);
            content::load_in(page, root, slot.as_ref()).map(drop)
        };
        let check = check.map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            lines.join("\n")
        });
        let read = as_editor_reads(&bytes);
        let judge = |schema: &Value| -> Result<(), String> {
            let value = read.as_ref().map_err(Clone::clone)?;
            let errors = Validator::new(schema).errors(value);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(errors.join("\n"))
            }
        };
        let mut schemas = Vec::new();
        if is_issue {
            schemas.push(("issue".to_string(), judge(&self.issue)));
        } else {
            schemas.push(("page".to_string(), judge(&self.page)));
            // The template's own schema, for a page naming one the project has.
            let template = read
                .as_ref()
                .ok()
                .and_then(|v| v.get("template"))
                .map_or(Some("feature"), Value::as_str);
            if let Some((name, schema)) = self
                .templates
                .iter()
                .find(|(n, _)| Some(n.as_str()) == template)
            {
                schemas.push((name.clone(), judge(schema)));
            }
        }
        Verdicts {
            name: name.to_string(),
            check,
            schemas,
        }
    }
}

/// The file as a YAML language server reads it: UTF-8 text (a byte-order mark allowed), one
/// YAML document with unique keys, then JSON.
fn as_editor_reads(bytes: &[u8]) -> Result<Value, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    // The `yaml` package VS Code's language server reads with refuses more than 100 aliases
    // (its maxAliasCount), as banmian does: a file of many is an alias bomb.
    // And no reader follows nesting without end (the language server's parser recurses).
    use content::yaml::events::{Kind, read};
    let (mut aliases, mut depth) = (0, 0usize);
    let _ = read(text, |event| {
        match event.kind {
            Kind::Alias(_) => aliases += 1,
            Kind::SequenceStart | Kind::MappingStart => depth += 1,
            Kind::SequenceEnd | Kind::MappingEnd => depth -= 1,
            _ => {}
        }
        aliases <= 100 && depth <= 1000
    });
    if aliases > 100 || depth > 1000 {
        return Err("more than 100 aliases, or nested over 1,000 deep".into());
    }
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|e| format!("not YAML: {e}"))?;
    serde_json::to_value(yaml).map_err(|e| format!("not JSON: {e}"))
}

/// A project of the repo's layout with the corpus' test photo, holding `page` as
/// content/p/page.yaml.
fn page_project(name: &str, page: &str) -> (PathBuf, PathBuf) {
    let root = scratch(&format!("schema-agreement/{name}"));
    copy_dir(&repo().join("layout"), &root.join("layout"));
    let file = root.join("content/p/page.yaml");
    std::fs::create_dir_all(root.join("content/p/images")).unwrap();
    std::fs::copy(
        repo().join("content/pingluo-cppcc/images/photo-1.jpg"),
        root.join("content/p/images/photo-1.jpg"),
    )
    .unwrap();
    std::fs::write(&file, page).unwrap();
    (root, file)
}

fn edge_page(base: &str, from: &str, to: &str) -> String {
    let stories = |n: usize| -> String {
        let story = "  - headline: 稿件标题\n    body: 正文。\n";
        NEWS_PAGE.replace(
            &format!("stories:\n{story}"),
            &format!("stories:\n{}", story.repeat(n)),
        )
    };
    match to {
        "{{13 STORIES}}" => stories(13),
        "{{12 STORIES}}" => stories(12),
        _ => {
            assert!(base.contains(from), "{from:?} is not in the page");
            base.replacen(from, to, 1)
        }
    }
}

#[test]
fn the_schemas_accept_and_refuse_what_check_does() {
    let repo_schemas = Schemas::of(repo());
    let mut all: Vec<Verdicts> = Vec::new();
    // The corpus.
    for path in bad_input::case_files() {
        let case = bad_input::parse(&path);
        let (root, page, _) = bad_input::project(&case, "schema-agreement/corpus").unwrap();
        all.push(Schemas::of(&root).verdicts(&case.name, &page, &root));
    }
    let corpus = all.len();
    // The repo's pages and issue.
    let mut files: Vec<PathBuf> = Vec::new();
    let mut folders = vec![repo().join("content")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    for file in &files {
        let name = file.strip_prefix(repo()).unwrap().display().to_string();
        let verdicts = repo_schemas.verdicts(&name, file, repo());
        assert!(
            verdicts.check.is_ok(),
            "{name} does not check: {:?}",
            verdicts.check
        );
        all.push(verdicts);
    }
    // Generated pages, feature and news.
    let (root, _) = page_project("generated", MINIMAL_PAGE);
    let images = root.join("content/p/images");
    let generated = Schemas::of(&root);
    for seed in 1..=12 {
        let variant = crate::variants::generate::Variant::generate(seed);
        for photo in variant.photos() {
            photo.spec.write_into(&images).unwrap();
        }
        let file = root.join(format!("content/p/feature-{seed}.yaml"));
        std::fs::write(&file, variant.yaml("images")).unwrap();
        all.push(generated.verdicts(&format!("feature variant {seed}"), &file, &root));
        let news = crate::news_variants::Page::generate(seed);
        news.write_photos(&images);
        let file = root.join(format!("content/p/news-{seed}.yaml"));
        std::fs::write(&file, news.yaml("images")).unwrap();
        all.push(generated.verdicts(&format!("news variant {seed}"), &file, &root));
    }
    // Each rule on both sides of its edge.
    let edges = EDGES
        .iter()
        .map(|(name, from, to)| (*name, edge_page(MINIMAL_PAGE, from, to)))
        .chain(
            NEWS_EDGES
                .iter()
                .map(|(name, from, to)| (*name, edge_page(NEWS_PAGE, from, to))),
        );
    for (name, page) in edges {
        let file = root.join(format!("content/p/{name}.yaml"));
        std::fs::write(&file, page).unwrap();
        let verdicts = generated.verdicts(name, &file, &root);
        assert_eq!(
            verdicts.check.is_ok(),
            name.ends_with("-ok"),
            "{name}: check says {:?}",
            verdicts.check
        );
        all.push(verdicts);
    }

    let mut problems = Vec::new();
    let (mut accepted, mut refused, mut beyond) = (0, 0, 0);
    for v in &all {
        let listed = BEYOND_A_SCHEMA.iter().find(|(n, _, _)| *n == v.name);
        for (schema, verdict) in &v.schemas {
            match (listed, v.check.is_ok(), verdict.is_ok()) {
                (None, true, true) | (None, false, false) => {}
                (None, _, _) => problems.push(format!(
                    "{} ({schema} schema): check {}, the schema {}",
                    v.name,
                    said(&v.check),
                    said(verdict)
                )),
                (Some((_, Check, _)), false, true) | (Some((_, Schema, _)), true, false) => {}
                (Some((_, stricter, why)), _, _) => problems.push(format!(
                    "{} is listed with {stricter:?} the stricter ({why}), but check {} and the {schema} schema {}: take it off the list",
                    v.name,
                    said(&v.check),
                    said(verdict)
                )),
            }
        }
        match (listed, v.check.is_ok()) {
            (Some(_), _) => beyond += 1,
            (None, true) => accepted += 1,
            (None, false) => refused += 1,
        }
    }
    for (name, _, _) in BEYOND_A_SCHEMA {
        if !all.iter().any(|v| v.name == *name) {
            problems.push(format!(
                "{name} is listed as beyond a schema but is no case"
            ));
        }
    }
    eprintln!(
        "schema agreement: {} files ({corpus} corpus cases, {} repo files): {accepted} accepted by both, {refused} refused by both, {beyond} beyond a schema",
        all.len(),
        files.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        refused >= 60 && accepted >= 30,
        "{refused} refused, {accepted} accepted"
    );
}

fn said(verdict: &Result<(), String>) -> String {
    match verdict {
        Ok(()) => "accepts".into(),
        Err(why) => format!("refuses ({})", why.lines().next().unwrap_or("")),
    }
}
