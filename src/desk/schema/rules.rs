//! `check`'s rules stated in JSON Schema, on the schema `schemars` derives from the types:
//! the values come from `banmian_content::rules` and `limits` (and each template's manifest),
//! which `check` reads too.

use serde_json::{Value, json};

use crate::content::manifest::CONTENT_FIELDS;
use crate::content::rules::{self, NOT_BLANK};
use crate::content::{Manifest, limits};

/// The rules of every page, whatever its template.
pub fn page(schema: &mut Value) {
    longest_texts(schema);
    let page = &mut schema["properties"];
    not_blank(&mut page["headline"]);
    if let Some(headline) = page["headline"].as_object_mut() {
        headline.remove("minLength");
    }
    page["sections"]["maxItems"] = json!(limits::SECTIONS.max);
    // Numbered 1, 2, 3… in page order (`items` is for the items after these).
    let section = page["sections"]["items"].clone();
    page["sections"]["prefixItems"] = (1..=limits::SECTIONS.max)
        .map(|n| json!({ "allOf": [section, { "properties": { "number": { "const": n } } }] }))
        .collect();
    page["stories"]["maxItems"] = json!(limits::STORIES.max);

    let defs = &mut schema["$defs"];
    let folio = &mut defs["Folio"]["properties"];
    not_blank(&mut folio["paper"]);
    folio["date"]["pattern"] = json!(rules::date_pattern());
    page_number(&mut folio["page"]);

    let section = &mut defs["Section"]["properties"];
    section["number"]["minimum"] = json!(1);
    section["head"]["contains"] = json!({ "type": "string", "pattern": NOT_BLANK });
    not_blank(&mut section["body"]);
    story_id(&mut section["id"]);

    let photo = &mut defs["Photo"]["properties"];
    not_blank(&mut photo["caption"]);
    photo["focus"]["pattern"] = json!(rules::focus_pattern());
    photo["crop"]["maximum"] = json!(rules::CROP_MAX);
    photo["span"]["minimum"] = json!(1);

    let story = &mut defs["Story"];
    story_id(&mut story["properties"]["id"]);
    one_of(&mut story["properties"]["kind"], &rules::STORY_KINDS);
    one_of(&mut story["properties"]["frame"], &rules::FRAMES);
    not_blank(&mut story["properties"]["headline"]);
    // A photo-news item has a photo and may do without text; any other story has text.
    story["if"] = json!({ "properties": { "kind": { "const": "photo" } }, "required": ["kind"] });
    story["then"] =
        json!({ "properties": { "photos": { "minItems": 1 } }, "required": ["photos"] });
    story["else"] = json!({ "properties": { "body": { "pattern": NOT_BLANK } } });

    for field in ["column", "width"] {
        defs["Pin"]["properties"][field]["minimum"] = json!(1);
    }
    let items = &mut defs["Briefs"]["properties"]["items"];
    items["minItems"] = json!(1);
    items["maxItems"] = json!(limits::STORIES.max);
    for field in ["headline", "body"] {
        not_blank(&mut defs["Brief"]["properties"][field]);
    }
    // A spread starts on a left-hand (even) page.
    push_all_of(
        schema,
        json!({
            "if": { "properties": { "spread": { "const": true } }, "required": ["spread"] },
            "then": { "properties": { "folio": { "properties": { "page": { "multipleOf": 2 } } } } }
        }),
    );
}

/// What template `manifest` takes: the page fields it does not print refused, those it needs
/// required, its stories counted. `within`: stated inside an `if` (a refused field is
/// `false`), else on the page's own schema (a refused field is left out).
pub fn template_fields(schema: &mut Value, manifest: &Manifest, within: bool) {
    let takes = manifest.takes();
    for field in CONTENT_FIELDS {
        if takes.contains(&field) {
            if manifest.requires(field) {
                push_required(schema, field);
            }
        } else if within {
            schema["properties"][field] = json!(false);
        } else if let Some(properties) = schema["properties"].as_object_mut() {
            properties.remove(field);
        }
    }
    // A template that sets single pages takes no spread.
    if !manifest.spread {
        if within {
            schema["properties"]["spread"] = json!({ "const": false });
        } else {
            schema["properties"]["spread"]["const"] = json!(false);
        }
    }
    if let Some(count) = manifest.stories {
        let stories = &mut schema["properties"]["stories"];
        stories["minItems"] = json!(count.min);
        stories["maxItems"] = json!(count.max.min(limits::STORIES.max as u32));
        // No stories are too few stories.
        if count.min > 0 {
            push_required(schema, "stories");
        }
    }
}

/// The rules of an issue file.
pub fn issue(schema: &mut Value) {
    longest_texts(schema);
    let issue = &mut schema["properties"];
    not_blank(&mut issue["paper"]);
    issue["date"]["pattern"] = json!(rules::date_pattern());
    issue["pages"]["minItems"] = json!(1);
    issue["pages"]["maxItems"] = json!(limits::ISSUE_PAGES.max);
    page_number(&mut schema["$defs"]["IssuePage"]["properties"]["page"]);
}

/// Adds `rule` to the schema's `allOf`.
pub fn push_all_of(schema: &mut Value, rule: Value) {
    let all = schema
        .as_object_mut()
        .expect("a schema object")
        .entry("allOf")
        .or_insert_with(|| json!([]));
    if let Some(all) = all.as_array_mut() {
        all.push(rule);
    }
}

pub fn push_required(schema: &mut Value, field: &str) {
    let required = schema
        .as_object_mut()
        .expect("a schema object")
        .entry("required")
        .or_insert_with(|| json!([]));
    if let Some(list) = required.as_array_mut()
        && !list.iter().any(|f| f == field)
    {
        list.push(json!(field));
    }
}

fn not_blank(text: &mut Value) {
    text["pattern"] = json!(NOT_BLANK);
}

fn page_number(number: &mut Value) {
    number["minimum"] = json!(rules::PAGE_NUMBERS.start());
    number["maximum"] = json!(rules::PAGE_NUMBERS.end());
}

/// One of `names`, or nothing (`null`, as the field left out).
fn one_of(field: &mut Value, names: &[&str]) {
    let mut allowed: Vec<Value> = names.iter().map(|n| json!(n)).collect();
    allowed.push(Value::Null);
    field["enum"] = Value::Array(allowed);
}

/// A story id: plain, and none of the names the page's own parts have.
fn story_id(id: &mut Value) {
    id["pattern"] = json!(rules::plain_id_pattern());
    id["not"] = json!({
        "anyOf": [
            { "enum": rules::RESERVED_IDS },
            { "type": "string", "pattern": format!("^{}", rules::RESERVED_ID_PREFIX) },
        ]
    });
}

/// Every text at most the field limit's characters long.
fn longest_texts(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            let text = match object.get("type") {
                Some(Value::String(kind)) => kind == "string",
                Some(Value::Array(kinds)) => kinds.iter().any(|k| k == "string"),
                _ => false,
            };
            if text {
                object.insert("maxLength".into(), json!(limits::FIELD_CHARS.max));
            }
            object.values_mut().for_each(longest_texts);
        }
        Value::Array(items) => items.iter_mut().for_each(longest_texts),
        _ => {}
    }
}
