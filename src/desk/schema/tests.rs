use super::*;

/// Every type and field of the schema, as `Type` and `Type.field`.
fn names(schema: &Value, root: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |name: &str, object: &Value| {
        out.push(name.to_string());
        if let Some(properties) = object["properties"].as_object() {
            out.extend(properties.keys().map(|field| format!("{name}.{field}")));
        }
    };
    add(root, schema);
    for (name, def) in schema["$defs"].as_object().unwrap() {
        add(name, def);
    }
    out
}

fn project() -> Vec<(String, Manifest)> {
    templates(Path::new(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn every_type_and_field_is_described_for_the_desk_and_nothing_else_is() {
    let mut all = names(&page(&project()), "Page");
    all.extend(names(&issue(), "Issue"));
    for name in &all {
        assert!(description(name).is_some(), "{name} has no description");
    }
    for (key, _) in descriptions::DESCRIPTIONS {
        assert!(all.iter().any(|n| n == key), "{key} is not in a schema");
    }
    // In Chinese, not the types' English doc comments.
    let headline = &page(&project())["properties"]["headline"]["description"];
    assert!(headline.as_str().unwrap().contains("主标题"), "{headline}");
}

#[test]
fn says_what_is_required_and_refuses_unknown_keys() {
    let schema = page(&project());
    assert_eq!(schema["required"], json!(["folio"]));
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["properties"]["template"]["default"], "feature");
    let date = schema["$defs"]["Folio"]["properties"]["date"]["pattern"]
        .as_str()
        .unwrap();
    assert_eq!(date, crate::content::rules::date_pattern());
}

#[test]
fn each_template_takes_its_manifests_fields_and_needs_its_required_ones() {
    let project = project();
    let (name, manifest) = project.iter().find(|(n, _)| n == "news").unwrap();
    let news = template(&project, name, manifest);
    let fields: Vec<&String> = news["properties"].as_object().unwrap().keys().collect();
    assert!(fields.iter().any(|f| *f == "stories") && fields.iter().any(|f| *f == "briefs"));
    for feature_only in ["headline", "sections", "lead", "lead_photo"] {
        assert!(!fields.iter().any(|f| *f == feature_only), "{fields:?}");
    }
    assert_eq!(news["required"], json!(["folio", "stories", "template"]));
    assert_eq!(news["properties"]["template"]["const"], "news");
    assert_eq!(news["properties"]["stories"]["minItems"], 1);
    assert_eq!(news["properties"]["stories"]["maxItems"], 12);
    // The page schema says the same under `if` the page is a news page; a page without
    // `template:` is a feature page.
    let any = page(&project);
    let cases = any["allOf"].as_array().unwrap();
    let case = |name: &str| {
        cases
            .iter()
            .find(|c| c["if"]["properties"]["template"]["const"] == name)
            .unwrap()
    };
    assert_eq!(case("news")["if"]["required"], json!(["template"]));
    assert_eq!(case("news")["then"]["properties"]["headline"], false);
    assert_eq!(case("feature")["if"].get("required"), None);
    assert_eq!(case("feature")["then"]["required"], json!(["headline"]));
}

#[test]
fn refuses_what_check_refuses_in_the_fields_it_can_say() {
    // `template: feture`, a folio `page: 0`, a section `number: 0`, an empty headline.
    let schema = page(&project());
    assert_eq!(
        schema["properties"]["template"]["enum"],
        json!(["feature", "news"])
    );
    let page = &schema["$defs"]["Folio"]["properties"]["page"];
    assert_eq!(
        (&page["minimum"], &page["maximum"]),
        (&json!(1), &json!(9999))
    );
    assert_eq!(
        schema["$defs"]["Section"]["properties"]["number"]["minimum"],
        1
    );
    assert_eq!(schema["properties"]["headline"]["pattern"], "\\S");
    let issue = issue();
    assert_eq!(issue["required"], json!(["paper", "date", "pages"]));
    assert_eq!(issue["properties"]["pages"]["minItems"], 1);
}
