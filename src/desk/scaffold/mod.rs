//! `banmian new`: a page folder from a template, ready to edit: `content/<slug>/page.yaml`
//! (a starting page that builds, naming the schema on its first line so the editor's YAML
//! language server completes and validates it) and an empty `images/`. The project's copy of
//! the schema (`schema/page.schema.json`) is written afresh beside `content/`. Nothing that
//! exists is ever overwritten but that generated schema.

use std::path::{Path, PathBuf};

use crate::failure::Failure;

/// A starting page for a template of sections (the feature page's shape).
const SECTIONS: &str = include_str!("page.yaml");
/// A starting page for a template of stories (the news page's shape).
const STORIES: &str = include_str!("news.yaml");

/// What `new` made: the page's YAML file, relative to the project folder.
pub struct Made {
    pub page: PathBuf,
    pub schema: PathBuf,
}

/// Makes `content/<slug>/` in the project at `root` for `template`.
pub fn new_page(root: &Path, slug: &str, template: &str) -> Result<Made, Failure> {
    check_slug(slug)?;
    let templates = root.join("layout/templates");
    if !templates.join(format!("{template}.typ")).is_file() {
        let known = crate::content::check::templates(root);
        return Err(Failure::Refused(format!(
            "no template `{template}` in {}; templates: {}",
            templates.display(),
            known.join(", ")
        )));
    }
    let folder = Path::new("content").join(slug);
    if root.join(&folder).exists() {
        return Err(Failure::Refused(format!(
            "{} already exists; banmian never overwrites a page (choose another name)",
            root.join(&folder).display()
        )));
    }
    let page = folder.join("page.yaml");
    // The starter in the shape the template's manifest asks for: stories or sections.
    let manifest = crate::content::manifest::load(root, template).map_err(|errors| {
        Failure::Refused(format!(
            "the template `{template}` has no readable manifest: {}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })?;
    let starter = if manifest.takes().contains(&"stories") {
        STORIES
    } else {
        SECTIONS
    };
    let text = starter
        .replace("{template}", template)
        .replace("{date}", &today())
        .replace("{page}", &page.display().to_string());
    let written = |path: &Path, error: std::io::Error| Failure::Write {
        path: path.to_path_buf(),
        error,
    };
    let images = root.join(&folder).join("images");
    std::fs::create_dir_all(&images).map_err(|err| written(&images, err))?;
    // create_new: a file that appeared meanwhile is not replaced.
    let yaml = root.join(&page);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&yaml)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
        .map_err(|err| written(&yaml, err))?;
    let schema = PathBuf::from(crate::desk::schema::PROJECT_PATH);
    crate::atomic::write_atomic(&root.join(&schema), crate::desk::schema::text().as_bytes())
        .map_err(|err| written(&root.join(&schema), err))?;
    Ok(Made { page, schema })
}

/// A page folder's name: lower-case ASCII letters, digits and hyphens, as in URLs and file
/// names on every system.
fn check_slug(slug: &str) -> Result<(), Failure> {
    let valid = !slug.is_empty()
        && slug.len() <= 64
        && !slug.starts_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(())
    } else {
        Err(Failure::Refused(format!(
            "`{slug}` is not a page name: use lower-case letters, digits and hyphens (e.g. 2024-05-01-a8)"
        )))
    }
}

/// Today's date (UTC), `YYYY-MM-DD`: the new page's folio date, for the editor to correct.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (y, m, d) = crate::output::civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_plain() {
        assert!(check_slug("2024-05-01-a8").is_ok());
        for bad in ["", "../x", "a/b", "Page", "-x", "版面", "a b"] {
            assert!(check_slug(bad).is_err(), "{bad}");
        }
    }
}
