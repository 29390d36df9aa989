//! `banmian schema`: the JSON Schemas of a page's YAML and of an issue file, generated from the
//! content model's types (`crates/content/src/model.rs`, `schemars`) and the rules `check`
//! tests pages with (`banmian_content::rules`, `limits`, each template's manifest), so they
//! never drift from what `build` accepts; with descriptions in Chinese for the desk. Editors
//! with a YAML language server (VS Code's YAML extension and others) read one from the file's
//! first line, `# yaml-language-server: $schema=…`, to complete and validate as the editor
//! types.
//!
//! Four schemas: a page of one template (`feature.schema.json`: only the fields that template
//! prints, the ones it needs required), a page of any of the project's templates
//! (`page.schema.json`: each template's rules under `if` its name), and an issue file.
//! What a schema cannot say stays `check`'s alone: whether the photos are there and readable,
//! ids unique across stories, the photos of a page within their limit, the page's size and
//! nesting, and a page's folio as its issue gives it.

mod descriptions;
mod rules;

use std::path::Path;

use serde_json::{Value, json};

use crate::content::Manifest;
use crate::content::Page;
use crate::content::issue::Issue;

/// Where a project keeps its schemas, from its root; `banmian new` writes them there.
pub const FOLDER: &str = "schema";

/// The schema of a page of any template.
pub const PAGE_FILE: &str = "page.schema.json";

/// The schema of an issue file.
pub const ISSUE_FILE: &str = "issue.schema.json";

/// The template a page without `template:` has.
pub const DEFAULT_TEMPLATE: &str = "feature";

/// The schema file of template `name`'s pages.
pub fn template_file(name: &str) -> String {
    format!("{name}.schema.json")
}

/// A project's templates, each with its manifest (a template whose manifest does not read is
/// left out: `check` says why).
pub fn templates(root: &Path) -> Vec<(String, Manifest)> {
    crate::content::check::templates(root)
        .into_iter()
        .filter_map(|name| {
            let manifest = crate::content::manifest::load(root, &name).ok()?;
            Some((name, manifest))
        })
        .collect()
}

/// Every schema file of a project, by name, as pretty JSON: the page's, each template's and
/// the issue's.
pub fn files(templates: &[(String, Manifest)]) -> Vec<(String, String)> {
    let mut files = vec![(PAGE_FILE.to_string(), pretty(&page(templates)))];
    for (name, manifest) in templates {
        let schema = template(templates, name, manifest);
        files.push((template_file(name), pretty(&schema)));
    }
    files.push((ISSUE_FILE.to_string(), pretty(&issue())));
    files
}

/// A schema as the files hold it.
pub fn pretty(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).expect("schema serializes") + "\n"
}

/// The schema of a page of any of `templates`: the rules every page has, and each template's
/// own (its fields, the number of its stories) under `if` the page names it.
pub fn page(templates: &[(String, Manifest)]) -> Value {
    let mut schema = base(templates);
    let names: Vec<&str> = templates.iter().map(|(n, _)| n.as_str()).collect();
    let cases: Vec<Value> = templates
        .iter()
        .map(|(name, manifest)| {
            let mut then = json!({ "properties": {} });
            rules::template_fields(&mut then, manifest, true);
            json!({ "if": named(name), "then": then })
        })
        .collect();
    for case in cases {
        rules::push_all_of(&mut schema, case);
    }
    schema["title"] = json!(format!("banmian 版面 page.yaml（{}）", names.join("、")));
    schema
}

/// The schema of a page of template `name`: only the fields it prints, those it needs
/// required.
pub fn template(templates: &[(String, Manifest)], name: &str, manifest: &Manifest) -> Value {
    let mut schema = base(templates);
    rules::template_fields(&mut schema, manifest, false);
    let template = &mut schema["properties"]["template"];
    template["const"] = json!(name);
    if let Some(fields) = template.as_object_mut() {
        fields.remove("enum");
    }
    if name != DEFAULT_TEMPLATE {
        rules::push_required(&mut schema, "template");
    }
    schema["title"] = json!(format!(
        "banmian 版面 page.yaml：{name}（{}）",
        manifest.name
    ));
    schema
}

/// The schema of an issue file.
pub fn issue() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Issue)).expect("schema is JSON");
    describe_all(&mut schema, "Issue");
    rules::issue(&mut schema);
    schema["title"] = json!("banmian 一期报纸 issue.yaml");
    schema
}

/// The rules every page has, whatever its template.
fn base(templates: &[(String, Manifest)]) -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Page)).expect("schema is JSON");
    describe_all(&mut schema, "Page");
    rules::page(&mut schema);
    // The project's templates, each described by its manifest's name.
    if !templates.is_empty() {
        let names: Vec<&str> = templates.iter().map(|(n, _)| n.as_str()).collect();
        schema["properties"]["template"]["enum"] = json!(names);
    }
    schema
}

/// The condition "the page is of template `name`" (a page without `template:` is a feature).
fn named(name: &str) -> Value {
    let mut condition = json!({ "properties": { "template": { "const": name } } });
    if name != DEFAULT_TEMPLATE {
        condition["required"] = json!(["template"]);
    }
    condition
}

/// Sets the descriptions of the root (type `root`) and of every type in `$defs`.
fn describe_all(schema: &mut Value, root: &str) {
    if let Some(object) = schema.as_object_mut() {
        describe(object, root);
    }
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            if let Some(def) = def.as_object_mut() {
                describe(def, name);
            }
        }
    }
}

/// Sets the descriptions of the type `name` and its properties.
fn describe(object: &mut serde_json::Map<String, Value>, name: &str) {
    if let Some(text) = description(name) {
        object.insert("description".into(), json!(text));
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (field, property) in properties.iter_mut() {
            if let (Some(text), Some(property)) = (
                description(&format!("{name}.{field}")),
                property.as_object_mut(),
            ) {
                property.insert("description".into(), json!(text));
            }
        }
    }
}

fn description(key: &str) -> Option<&'static str> {
    descriptions::DESCRIPTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests;
