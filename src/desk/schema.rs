//! `banmian schema`: the JSON Schema of a page's YAML, generated from the content model's
//! types (`crates/content/src/model.rs`, `schemars`) so it never drifts from what `build`
//! accepts, with descriptions in Chinese for the desk. Editors with a YAML language server
//! (VS Code's YAML extension and others) read it from the page's first line,
//! `# yaml-language-server: $schema=…`, to complete and validate as the editor types.

use serde_json::{Value, json};

use crate::content::Page;

/// Where a project keeps the schema, from its root; `banmian new` writes it there.
pub const PROJECT_PATH: &str = "schema/page.schema.json";

/// Descriptions for the desk, by type (`Page`) and field (`Page.headline`). Every type and
/// field of the schema must have one, and every entry must name one (tested).
const DESCRIPTIONS: &[(&str, &str)] = &[
    ("Page", "一个版面：刊头、标题、导语、各部分正文与图片。"),
    (
        "Page.template",
        "版式模板名（layout/templates/ 下的文件名，不带 .typ），默认 feature（专题版）。",
    ),
    ("Page.folio", "刊头：报名、日期、版次、版名、责任编辑。"),
    (
        "Page.lang",
        "本版的语言（BCP 47 语言标记，如 zh、zh-Hant、en、en-GB），也是各部分、各稿件的默认语言；不写则按本报的语言（中文），正文多为拉丁字母时按英文排并提示。拉丁字母语言按西文版式排（西文字体、断词、弯引号、首行缩进一个字宽）。",
    ),
    (
        "Page.spread",
        "通版：本版（双数版，左页）与下一版（右页）合排为一个跨版，可省略。",
    ),
    ("Page.kicker", "引题（主标题上方的一行），可省略。"),
    (
        "Page.headline",
        "主标题（专题版）。词组之间用一个空格分开；排成一行，过长时按比例缩小，最小到 60%。",
    ),
    (
        "Page.stories",
        "本版各篇稿件（消息版）：按重要性排列，头条在前；版式自动组成块状版面。",
    ),
    ("Page.briefs", "简讯栏（消息版），可省略。"),
    (
        "Story",
        "一篇稿件：引题、主题、副题、署名、电头、正文和图片。",
    ),
    (
        "Story.id",
        "稿件标识（小写字母、数字和连字符），检查报告用它称呼本稿；默认 story-序号。",
    ),
    (
        "Story.priority",
        "重要性：1 为头条，2 为二条，依次类推；不写的按出现顺序排在有序号的稿件之后。",
    ),
    (
        "Story.kind",
        "story（默认，消息）或 photo（图片新闻：图片通栏，配简短文字）。",
    ),
    (
        "Story.lang",
        "本稿的语言（BCP 47 语言标记，如 en），与本版不同时填写；不写则随本版，正文多为拉丁字母时按英文排。",
    ),
    ("Story.kicker", "引题，可省略。"),
    ("Story.headline", "主题（本稿标题）。"),
    ("Story.subtitle", "副题，可省略。"),
    ("Story.byline", "署名，可省略。"),
    (
        "Story.dateline",
        "电头，如“本报讯”或“新华社北京9月28日电”，排在正文开头，可省略。",
    ),
    (
        "Story.body",
        "正文。段与段之间空一行；段内换行会被连接（汉字之间不加空格）。",
    ),
    ("Story.photos", "本稿图片，可省略。"),
    (
        "Story.pin",
        "固定位置：从第几栏开始（column，1 为最左）、占几栏（width）；自动组版在其周围排其他稿件。",
    ),
    ("Story.frame", "box（加框）或 tint（底纹），可省略。"),
    ("Pin", "稿件的固定位置。"),
    ("Pin.column", "起始栏，1 为最左一栏。"),
    ("Pin.width", "所占栏数（基本栏）。"),
    ("Briefs", "简讯栏：栏题和若干条简讯。"),
    ("Briefs.title", "栏题，默认“简讯”。"),
    ("Briefs.items", "各条简讯，按顺序排列。"),
    ("Brief", "一条简讯：标题和正文。"),
    ("Brief.headline", "简讯标题，排在正文前，加粗。"),
    ("Brief.body", "简讯正文。"),
    ("Page.subtitle", "副题，如“——……”，可省略。"),
    ("Page.byline", "署名：如“本报记者 某某”，可省略。"),
    ("Page.lead", "导语。段与段之间空一行；可省略。"),
    ("Page.lead_photo", "导语旁的图片，可省略。"),
    (
        "Page.sections",
        "正文各部分（带序号的小标题和正文），按顺序排列。",
    ),
    (
        "Page.credit",
        "整版图片署名，如“（本版图片均由……提供）”，可省略。",
    ),
    (
        "Folio",
        "刊头：报名、日期、版次，以及可选的版名和责任编辑。",
    ),
    (
        "Folio.paper",
        "报名，如“示例日报”；作为一期报纸的一版时取自期文件（issue.yaml），可省略。",
    ),
    (
        "Folio.date",
        "出版日期，格式 YYYY-MM-DD（如 2021-09-28）；PDF 的日期也取自这里；属于一期报纸时取自期文件，可省略。",
    ),
    (
        "Folio.page",
        "版次（第几版），正整数；属于一期报纸时按其在期文件中的位置编排，可省略。",
    ),
    ("Folio.section", "版名，如“专题”，可省略。"),
    (
        "Folio.editors",
        "责任编辑等人员，如 [责任编辑 某某]，可省略。",
    ),
    ("Byline", "署名：身份标签和姓名。"),
    ("Byline.label", "身份标签，如“本报记者”，可省略。"),
    (
        "Byline.names",
        "姓名列表；照常输入，两字姓名的间距由版式处理。",
    ),
    ("Section", "正文的一个部分：序号、小标题、正文和图片。"),
    (
        "Section.id",
        "本部分的稿件标识（小写字母、数字和连字符），检查报告用它称呼本部分；默认 section-序号。",
    ),
    (
        "Section.number",
        "部分序号（1、2、3……），在本版内不得重复。",
    ),
    (
        "Section.head",
        "小标题的各个词组，排版时以空格隔开，如 [第一句, 第二句]。",
    ),
    (
        "Section.body",
        "正文。段与段之间空一行；段内换行会被连接（汉字之间不加空格）。",
    ),
    ("Section.photos", "本部分的图片，可省略。"),
    (
        "Section.lang",
        "本部分的语言（BCP 47 语言标记，如 en），与本版不同时填写；不写则随本版，正文多为拉丁字母时按英文排。",
    ),
    ("Photo", "一张图片及其说明。"),
    (
        "Photo.file",
        "图片文件，相对于本 YAML 文件的路径；JPEG 或 PNG。",
    ),
    ("Photo.caption", "图片说明。"),
    ("Photo.credit", "本图署名，如“（张三 摄）”，可省略。"),
    (
        "Photo.focus",
        "裁切时保留的部位：center、top、bottom、left、right 或 top-left 等四角；竖图默认保留上部，其余默认居中。",
    ),
    (
        "Photo.crop",
        "裁切最多可去掉图片宽或高的百分之几（默认按本报规范 10，最多 50）。",
    ),
    (
        "Photo.span",
        "锁定图片宽度（占几个基本栏），按原比例排，不裁切（消息版），可省略。",
    ),
];

/// The schema, as pretty JSON.
pub fn text(templates: &[String]) -> String {
    serde_json::to_string_pretty(&schema(templates)).expect("schema serializes") + "\n"
}

/// The page's schema: the content model's, described for the desk, with the few rules the
/// types cannot say (the project's templates, the largest crop).
pub fn schema(templates: &[String]) -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Page)).expect("schema is JSON");
    let root = schema.as_object_mut().expect("an object");
    root.insert("title".into(), json!("banmian 版面 page.yaml"));
    describe(root, "Page");
    if let Some(Value::Object(defs)) = root.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            if let Some(def) = def.as_object_mut() {
                describe(def, name);
            }
        }
    }
    // The templates the project has (a misspelt one is flagged as it is typed).
    if !templates.is_empty()
        && let Some(Value::Object(template)) = schema.pointer_mut("/properties/template")
    {
        template.insert("enum".into(), json!(templates));
    }
    if let Some(crop) = property(&mut schema, "Photo", "crop") {
        crop.insert("maximum".into(), json!(50));
    }
    schema
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
    DESCRIPTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

/// The schema of field `field` of type `name` (`Page` is the root).
fn property<'a>(
    schema: &'a mut Value,
    name: &str,
    field: &str,
) -> Option<&'a mut serde_json::Map<String, Value>> {
    let object = if name == "Page" {
        schema
    } else {
        schema.get_mut("$defs")?.get_mut(name)?
    };
    object
        .get_mut("properties")?
        .get_mut(field)?
        .as_object_mut()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every type and field of the schema, as `Type` and `Type.field`.
    fn names(schema: &Value) -> Vec<String> {
        let mut out = Vec::new();
        let mut add = |name: &str, object: &Value| {
            out.push(name.to_string());
            if let Some(properties) = object["properties"].as_object() {
                out.extend(properties.keys().map(|field| format!("{name}.{field}")));
            }
        };
        add("Page", schema);
        for (name, def) in schema["$defs"].as_object().unwrap() {
            add(name, def);
        }
        out
    }

    #[test]
    fn every_type_and_field_is_described_for_the_desk_and_nothing_else_is() {
        let schema = schema(&["feature".to_string(), "news".to_string()]);
        let names = names(&schema);
        for name in &names {
            assert!(description(name).is_some(), "{name} has no description");
        }
        for (key, _) in DESCRIPTIONS {
            assert!(names.iter().any(|n| n == key), "{key} is not in the schema");
        }
        // In Chinese, not the types' English doc comments.
        let headline = &schema["properties"]["headline"]["description"];
        assert!(headline.as_str().unwrap().contains("主标题"), "{headline}");
    }

    #[test]
    fn says_what_is_required_and_refuses_unknown_keys() {
        let schema = schema(&["feature".to_string(), "news".to_string()]);
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        // The headline is the feature's to require (its manifest), not every page's.
        assert_eq!(required, ["folio"]);
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(schema["properties"]["template"]["default"], "feature");
        let date = &schema["$defs"]["Folio"]["properties"]["date"];
        assert_eq!(date["pattern"], "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    }

    #[test]
    fn refuses_what_check_refuses_in_the_fields_it_can_say() {
        // `template: feture`, a folio `page: 0`, a section `number: 0`, an empty headline.
        let schema = schema(&["feature".to_string(), "news".to_string()]);
        assert_eq!(
            schema["properties"]["template"]["enum"],
            json!(["feature", "news"])
        );
        assert_eq!(schema["$defs"]["Folio"]["properties"]["page"]["minimum"], 1);
        assert_eq!(
            schema["$defs"]["Folio"]["properties"]["page"]["maximum"],
            9999
        );
        assert_eq!(
            schema["$defs"]["Section"]["properties"]["number"]["minimum"],
            1
        );
        assert_eq!(schema["properties"]["headline"]["minLength"], 1);
    }
}
