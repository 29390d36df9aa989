//! A small JSON Schema (2020-12) validator for the subset banmian's schemas use, so the tests
//! can hold the schemas to what `check` does (the `jsonschema` crate would turn on features of
//! crates typst compiles, and typst would build twice). A keyword it does not know is a panic,
//! never a pass: a schema that starts using one must teach it here first.

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::Value;

/// Keywords that say nothing about validity.
const ANNOTATIONS: [&str; 5] = ["$schema", "title", "description", "default", "format"];

pub struct Validator<'a> {
    root: &'a Value,
    patterns: Mutex<HashMap<String, regex::Regex>>,
}

impl<'a> Validator<'a> {
    pub fn new(root: &'a Value) -> Self {
        Self {
            root,
            patterns: Mutex::default(),
        }
    }

    /// Why `instance` is invalid, one line a reason (`/sections/0/number: …`); empty if valid.
    pub fn errors(&self, instance: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(self.root, instance, "", &mut out);
        out
    }

    pub fn is_valid(&self, instance: &Value) -> bool {
        self.errors(instance).is_empty()
    }

    fn check(&self, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
        let object = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return out.push(format!("{at}: not allowed")),
            Value::Object(object) => object,
            other => panic!("not a schema: {other}"),
        };
        // A reason `value` fails here.
        macro_rules! fail {
            ($($why:tt)*) => { out.push(format!("{at}: {}", format!($($why)*))) };
        }
        for (keyword, rule) in object {
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                // Read where they are used.
                "$defs" | "then" | "else" => {}
                "$ref" => {
                    let target = self.resolve(rule.as_str().expect("a $ref is a string"));
                    self.check(target, value, at, out);
                }
                "type" => {
                    let kinds: Vec<&str> = match rule {
                        Value::String(kind) => vec![kind.as_str()],
                        Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
                        other => panic!("type {other}"),
                    };
                    if !kinds.iter().any(|kind| is_type(value, kind)) {
                        fail!("not of type {kinds:?}: {value}");
                    }
                }
                "enum" => {
                    if !rule.as_array().unwrap().iter().any(|v| same(v, value)) {
                        fail!("{value} is none of {rule}");
                    }
                }
                "const" => {
                    if !same(rule, value) {
                        fail!("{value} is not {rule}");
                    }
                }
                "minimum" | "maximum" | "multipleOf" => {
                    let (Some(limit), Some(n)) = (rule.as_f64(), value.as_f64()) else {
                        continue;
                    };
                    let broken = match keyword.as_str() {
                        "minimum" => n < limit,
                        "maximum" => n > limit,
                        _ => (n / limit).fract() != 0.0,
                    };
                    if broken {
                        fail!("{n} breaks {keyword} {limit}");
                    }
                }
                "minLength" | "maxLength" | "pattern" => {
                    let Some(text) = value.as_str() else { continue };
                    let length = text.chars().count() as u64;
                    let broken = match keyword.as_str() {
                        "minLength" => length < rule.as_u64().unwrap(),
                        "maxLength" => length > rule.as_u64().unwrap(),
                        _ => !self.matches(rule.as_str().unwrap(), text),
                    };
                    if broken {
                        fail!("{:?} breaks {keyword} {rule}", cut(text));
                    }
                }
                "properties" | "additionalProperties" | "required" => {
                    let Some(fields) = value.as_object() else {
                        continue;
                    };
                    match keyword.as_str() {
                        "properties" => {
                            for (name, field) in rule.as_object().unwrap() {
                                if let Some(given) = fields.get(name) {
                                    let at = format!("{at}/{name}");
                                    self.check(field, given, &at, out);
                                }
                            }
                        }
                        "additionalProperties" => {
                            let known = object.get("properties").and_then(Value::as_object);
                            for (name, given) in fields {
                                if !known.is_some_and(|k| k.contains_key(name)) {
                                    let at = format!("{at}/{name}");
                                    self.check(rule, given, &at, out);
                                }
                            }
                        }
                        _ => {
                            for name in rule.as_array().unwrap() {
                                if !fields.contains_key(name.as_str().unwrap()) {
                                    fail!("{name} is required");
                                }
                            }
                        }
                    }
                }
                "items" | "prefixItems" | "minItems" | "maxItems" | "contains" => {
                    let Some(items) = value.as_array() else {
                        continue;
                    };
                    match keyword.as_str() {
                        "prefixItems" => {
                            for (i, (item, schema)) in
                                items.iter().zip(rule.as_array().unwrap()).enumerate()
                            {
                                let at = format!("{at}/{i}");
                                self.check(schema, item, &at, out);
                            }
                        }
                        "items" => {
                            let after = object
                                .get("prefixItems")
                                .and_then(Value::as_array)
                                .map_or(0, Vec::len);
                            for (i, item) in items.iter().enumerate().skip(after) {
                                let at = format!("{at}/{i}");
                                self.check(rule, item, &at, out);
                            }
                        }
                        "contains" => {
                            if !items.iter().any(|item| self.valid(rule, item)) {
                                fail!("no item is {rule}");
                            }
                        }
                        limit => {
                            let n = items.len() as u64;
                            let bound = rule.as_u64().unwrap();
                            if (limit == "minItems" && n < bound)
                                || (limit == "maxItems" && n > bound)
                            {
                                fail!("{n} items break {limit} {bound}");
                            }
                        }
                    }
                }
                "allOf" => {
                    for schema in rule.as_array().unwrap() {
                        self.check(schema, value, at, out);
                    }
                }
                "anyOf" => {
                    if !rule
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|s| self.valid(s, value))
                    {
                        fail!("matches none of anyOf {}", cut(&rule.to_string()));
                    }
                }
                "oneOf" => {
                    let n = rule
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|s| self.valid(s, value))
                        .count();
                    if n != 1 {
                        fail!("matches {n} of oneOf");
                    }
                }
                "not" => {
                    if self.valid(rule, value) {
                        fail!("matches not {rule}");
                    }
                }
                "if" => {
                    let branch = if self.valid(rule, value) {
                        object.get("then")
                    } else {
                        object.get("else")
                    };
                    if let Some(branch) = branch {
                        self.check(branch, value, at, out);
                    }
                }
                other => panic!("the validator does not know the keyword `{other}`"),
            }
        }
    }

    fn valid(&self, schema: &Value, value: &Value) -> bool {
        let mut out = Vec::new();
        self.check(schema, value, "", &mut out);
        out.is_empty()
    }

    fn resolve(&self, reference: &str) -> &'a Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local $refs: {reference}"));
        self.root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("$ref {reference} leads nowhere"))
    }

    /// ECMA-262 patterns match anywhere in the text unless anchored, as `regex` does.
    fn matches(&self, pattern: &str, text: &str) -> bool {
        let mut patterns = self.patterns.lock().unwrap();
        let compiled = patterns
            .entry(pattern.to_string())
            .or_insert_with(|| regex::Regex::new(pattern).expect("a valid pattern"));
        compiled.is_match(text)
    }
}

fn is_type(value: &Value, kind: &str) -> bool {
    match kind {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        // 2020-12: a number with no fraction (1.0 too).
        "integer" => value.as_f64().is_some_and(|n| n.fract() == 0.0),
        other => panic!("unknown type {other}"),
    }
}

/// JSON equality, numbers by value (1 and 1.0 are the same number).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn cut(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn valid(schema: Value, value: Value) -> bool {
        Validator::new(&schema).is_valid(&value)
    }

    #[test]
    fn types_enums_and_constants() {
        assert!(valid(json!({ "type": ["string", "null"] }), json!(null)));
        assert!(!valid(json!({ "type": "string" }), json!(1)));
        assert!(valid(json!({ "type": "integer" }), json!(2.0)));
        assert!(!valid(json!({ "type": "integer" }), json!(2.5)));
        assert!(valid(json!({ "enum": ["a", null] }), json!(null)));
        assert!(!valid(json!({ "enum": ["a", null] }), json!("b")));
        assert!(valid(json!({ "const": 1 }), json!(1.0)));
        assert!(!valid(json!(false), json!(1)));
        assert!(valid(json!(true), json!(1)));
    }

    #[test]
    fn numbers_and_texts() {
        let page = json!({ "minimum": 1, "maximum": 9999, "multipleOf": 2 });
        assert!(valid(page.clone(), json!(2)));
        assert!(!valid(page.clone(), json!(0)));
        assert!(!valid(page.clone(), json!(3)));
        assert!(!valid(page, json!(10000)));
        // Characters, not bytes; a pattern matches anywhere unless anchored.
        assert!(valid(json!({ "maxLength": 2 }), json!("标题")));
        assert!(!valid(json!({ "minLength": 3 }), json!("标题")));
        assert!(valid(json!({ "pattern": "\\S" }), json!("  标 ")));
        assert!(!valid(json!({ "pattern": "\\S" }), json!(" \u{3000}\n")));
        // Keywords of another type pass by.
        assert!(valid(
            json!({ "pattern": "^a$", "minimum": 3 }),
            json!(true)
        ));
    }

    #[test]
    fn objects_arrays_and_references() {
        let schema = json!({
            "type": "object",
            "properties": { "a": { "$ref": "#/$defs/A" }, "gone": false },
            "additionalProperties": false,
            "required": ["a"],
            "$defs": { "A": { "type": "array", "items": { "type": "integer" },
                "prefixItems": [{ "const": 1 }], "minItems": 1, "maxItems": 3,
                "contains": { "const": 2 } } }
        });
        assert!(valid(schema.clone(), json!({ "a": [1, 2] })));
        assert!(!valid(schema.clone(), json!({ "a": [2, 2] })), "prefix");
        assert!(!valid(schema.clone(), json!({ "a": [1, "x"] })), "items");
        assert!(!valid(schema.clone(), json!({ "a": [1, 3] })), "contains");
        assert!(!valid(schema.clone(), json!({ "a": [1, 2, 2, 2] })), "max");
        assert!(!valid(schema.clone(), json!({})), "required");
        assert!(
            !valid(schema.clone(), json!({ "a": [1, 2], "b": 1 })),
            "additional"
        );
        assert!(
            !valid(schema, json!({ "a": [1, 2], "gone": 1 })),
            "false property"
        );
    }

    #[test]
    fn combinations_and_conditions() {
        let schema = json!({
            "allOf": [{ "minimum": 0 }],
            "anyOf": [{ "const": 1 }, { "const": 2 }, { "const": 3 }],
            "oneOf": [{ "const": 1 }, { "minimum": 2 }],
            "not": { "const": 1 }
        });
        assert!(valid(schema.clone(), json!(3)));
        assert!(valid(schema.clone(), json!(2)));
        assert!(!valid(schema.clone(), json!(1)), "not");
        assert!(!valid(schema, json!(4)), "anyOf");
        let one = json!({ "oneOf": [{ "minimum": 0 }, { "maximum": 5 }] });
        assert!(!valid(one.clone(), json!(3)), "oneOf twice");
        assert!(valid(one, json!(6)));
        let conditional = json!({
            "if": { "properties": { "kind": { "const": "photo" } }, "required": ["kind"] },
            "then": { "required": ["photos"] },
            "else": { "required": ["body"] }
        });
        assert!(valid(
            conditional.clone(),
            json!({ "kind": "photo", "photos": [] })
        ));
        assert!(!valid(
            conditional.clone(),
            json!({ "kind": "photo", "body": "" })
        ));
        assert!(valid(conditional.clone(), json!({ "body": "" })));
        assert!(!valid(conditional, json!({})));
    }

    #[test]
    #[should_panic(expected = "does not know the keyword `uniqueItems`")]
    fn an_unknown_keyword_is_never_a_pass() {
        valid(json!({ "uniqueItems": true }), json!([1]));
    }

    #[test]
    fn the_date_pattern_accepts_exactly_the_dates_check_accepts() {
        let pattern = banmian::content::rules::date_pattern();
        let validator_schema = json!({ "pattern": pattern });
        let validator = Validator::new(&validator_schema);
        let mut texts = Vec::new();
        for year in [
            0, 1, 4, 99, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999,
        ] {
            for month in 0..=13 {
                for day in 0..=32 {
                    texts.push(format!("{year:04}-{month:02}-{day:02}"));
                }
            }
        }
        texts.extend(
            [
                "2024-1-05",
                "2024-01-5",
                " 2024-01-05",
                "2024-01-05 ",
                "+024-01-05",
                "2024/01/05",
            ]
            .map(String::from),
        );
        let mut checked = 0;
        for text in &texts {
            let check = banmian::content::parse_date(text).is_some();
            assert_eq!(validator.is_valid(&json!(text)), check, "{text}");
            checked += usize::from(check);
        }
        // Leap days of leap years and the 31st of long months among them.
        assert!(checked > 3000, "{checked}");
    }

    #[test]
    fn the_focus_pattern_accepts_exactly_the_focus_names_check_accepts() {
        let schema = json!({ "pattern": banmian::content::rules::focus_pattern() });
        let validator = Validator::new(&schema);
        let words = [
            "center", "centre", "top", "bottom", "left", "right", "middle", "",
        ];
        let mut names: Vec<String> = Vec::new();
        for a in words {
            for b in words {
                names.push(format!("{a}-{b}"));
                names.push(format!(" {a}"));
            }
        }
        for name in &names {
            let check = banmian::content::rules::focus(name).is_some();
            assert_eq!(validator.is_valid(&json!(name)), check, "{name:?}");
        }
    }
}
