//! What a template takes, as its manifest says (`layout/templates/<name>.yaml`, beside the
//! template): which of the page's fields it reads and which it needs, how many stories, and
//! which font sets each text role. Content is checked against it before typst runs, so a page
//! written for one template and sent to another is told what the other takes, at the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ContentError;

/// A template's manifest.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// What the template makes, for the desk: 整版专题, 消息版…
    pub name: String,
    /// Page fields the template reads, each `required` or `optional`. A field not named here
    /// is refused: the template would not print it.
    pub fields: BTreeMap<String, Need>,
    /// How many stories it takes (`stories:`), when it takes them.
    #[serde(default)]
    pub stories: Option<Count>,
    /// The font (a key of `fonts` in `layout/style.typ`) that sets each text role, for the
    /// glyph check: `headline: biaosong`.
    pub roles: BTreeMap<String, String>,
    /// Whether it sets a spread (`spread: true`: two facing pages on one sheet). A page that
    /// asks one of a template that does not is refused: it would print the left-hand page
    /// and leave the right blank.
    #[serde(default)]
    pub spread: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Need {
    Required,
    Optional,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub min: u32,
    pub max: u32,
}

/// The page fields a manifest may name: everything a page holds but its template, folio and
/// spread, which every template takes.
pub const CONTENT_FIELDS: [&str; 11] = [
    "lang",
    "kicker",
    "headline",
    "subtitle",
    "byline",
    "lead",
    "lead_photo",
    "sections",
    "credit",
    "stories",
    "briefs",
];

/// Where the manifest of template `name` lives under the project `root`.
pub fn path(root: &Path, name: &str) -> PathBuf {
    root.join("layout/templates").join(format!("{name}.yaml"))
}

/// Reads the manifest of template `name`. A missing or malformed manifest is the template's
/// fault, named at the manifest's own line.
pub fn load(root: &Path, name: &str) -> Result<Manifest, Vec<ContentError>> {
    let file = path(root, name);
    // The same bounded reader as pages: a manifest is a YAML file like any other.
    let bytes = crate::read_limited(&file, "manifest").map_err(|errors| {
        errors
            .into_iter()
            // A manifest that cannot be read is told what it is for; one too large, where.
            .map(|e| match e.line {
                0 => e.hint(crate::t!("manifest-needed", name = name)),
                _ => e,
            })
            .collect::<Vec<_>>()
    })?;
    read(&file, &bytes).map_err(|errors| crate::excerpts_in(errors, &file, &bytes))
}

/// A manifest's bytes read and checked (see [`load`]).
fn read(file: &Path, bytes: &[u8]) -> Result<Manifest, Vec<ContentError>> {
    let source = crate::encoding::decode(bytes)
        .map_err(|(at, message, hint)| vec![ContentError::new(file, at, message).hint(hint)])?;
    let (manifest, scanned): (Manifest, _) = crate::yaml::parse(file, &source)?;
    let mut errors = Vec::new();
    for field in manifest.fields.keys() {
        if !CONTENT_FIELDS.contains(&field.as_str()) {
            let at = scanned.positions.key(&format!("fields.{field}"));
            errors.push(
                ContentError::new(file, at, crate::t!("not-a-page-field", field = field))
                    .hint(crate::t!("page-fields", fields = CONTENT_FIELDS.join(", "))),
            );
        }
    }
    if let Some(count) = manifest.stories
        && (count.min > count.max || !manifest.fields.contains_key("stories"))
    {
        let at = scanned.positions.key("stories");
        errors.push(
            ContentError::new(file, at, crate::t!("manifest-stories"))
                .hint(crate::t!("manifest-stories-hint")),
        );
    }
    if errors.is_empty() {
        Ok(manifest)
    } else {
        Err(errors)
    }
}

impl Manifest {
    /// The fields the template reads, in the order of `CONTENT_FIELDS`.
    pub fn takes(&self) -> Vec<&'static str> {
        CONTENT_FIELDS
            .into_iter()
            .filter(|f| self.fields.contains_key(*f))
            .collect()
    }

    pub fn requires(&self, field: &str) -> bool {
        self.fields.get(field) == Some(&Need::Required)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(manifest: &str) -> crate::scratch::TempDir {
        let dir = crate::scratch::TempDir::new().unwrap();
        std::fs::create_dir_all(dir.path().join("layout/templates")).unwrap();
        std::fs::write(path(dir.path(), "t"), manifest).unwrap();
        dir
    }

    #[test]
    fn reads_fields_stories_and_roles() {
        let dir = project(
            "name: 消息版\nfields:\n  stories: required\n  briefs: optional\nstories: {min: 3, max: 9}\nroles:\n  body: song\n",
        );
        let m = load(dir.path(), "t").unwrap();
        assert_eq!(m.takes(), ["stories", "briefs"]);
        assert!(m.requires("stories") && !m.requires("briefs"));
        assert_eq!(m.roles["body"], "song");
    }

    #[test]
    fn names_an_unknown_field_at_its_line() {
        let dir = project("name: x\nfields:\n  headlines: required\nroles: {}\n");
        let errors = load(dir.path(), "t").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].column), (3, 3));
        assert!(errors[0].message.contains("`headlines`"));
    }

    #[test]
    fn a_missing_manifest_says_where_it_belongs() {
        let dir = crate::scratch::TempDir::new().unwrap();
        let errors = load(dir.path(), "news").unwrap_err();
        assert!(errors[0].hint.as_deref().unwrap().contains("news.yaml"));
    }
}
