//! `banmian new`: a page folder from a template, ready to edit: `content/<slug>/page.yaml`
//! (a starting page that builds, naming the schema on its first line so the editor's YAML
//! language server completes and validates it: its template's, `schema/<template>.schema.json`)
//! and an empty `images/`. The project's schemas (`schema/`, see `desk::schema::files`) are
//! written afresh beside `content/`. Nothing that exists is ever overwritten but those
//! generated schemas.

use crate::content::t;
use std::path::{Path, PathBuf};

use crate::failure::Failure;

mod issue;
pub mod project;

/// A starting page for a template of sections (the feature page's shape).
const SECTIONS: &str = include_str!("page.yaml");
/// A starting page for a template of stories (the news page's shape).
const STORIES: &str = include_str!("news.yaml");

/// What `new` made: the page's YAML file, relative to the project folder.
pub struct Made {
    pub page: PathBuf,
    pub schema: PathBuf,
}

/// Where a new page goes in an issue: the issue file and, if given, its page number there.
pub struct InIssue<'a> {
    pub file: &'a Path,
    pub page: Option<u32>,
}

/// Makes `content/<slug>/` in the project at `root` for `template`; for a page of `issue`,
/// `<issue folder>/<slug>/` instead, and the issue lists it where it belongs in page order
/// (its folio's paper, date and number then come from the issue).
pub fn new_page(
    root: &Path,
    slug: &str,
    template: &str,
    issue: Option<InIssue>,
) -> Result<Made, Failure> {
    check_slug(slug)?;
    let templates = root.join("layout/templates");
    if !templates.join(format!("{template}.typ")).is_file() {
        let known = crate::content::check::templates(root);
        return Err(Failure::Refused(t!(
            "new-no-template",
            template = template,
            folder = templates.display(),
            known = known.join(", ")
        )));
    }
    let loaded = match &issue {
        Some(issue) => {
            Some(crate::content::issue::load(issue.file, root).map_err(Failure::Content)?)
        }
        None => None,
    };
    let folder = match &issue {
        Some(issue) => {
            let real = issue
                .file
                .canonicalize()
                .unwrap_or(issue.file.to_path_buf());
            let within = real
                .parent()
                .and_then(|dir| dir.strip_prefix(root.canonicalize().ok()?).ok())
                .map(Path::to_path_buf)
                .ok_or_else(|| {
                    Failure::Refused(t!(
                        "new-outside",
                        issue = issue.file.display(),
                        root = root.display()
                    ))
                })?;
            within.join(slug)
        }
        None => Path::new("content").join(slug),
    };
    if root.join(&folder).exists() {
        return Err(Failure::Refused(t!(
            "new-exists",
            folder = root.join(&folder).display()
        )));
    }
    let page = folder.join("page.yaml");
    // The starter in the shape the template's manifest asks for: stories or sections.
    let manifest = crate::content::manifest::load(root, template).map_err(|errors| {
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        Failure::Refused(t!(
            "new-no-manifest",
            template = template,
            errors = errors.join("; ")
        ))
    })?;
    let starter = if manifest.takes().contains(&"stories") {
        STORIES
    } else {
        SECTIONS
    };
    // The schema from the page's folder, however deep it lies.
    let up = "../".repeat(folder.components().count());
    let mut text = starter
        .replace("../../schema/", &format!("{up}schema/"))
        .replace("{template}", template)
        .replace("{date}", &today())
        .replace("{page}", &page.display().to_string());
    if issue.is_some() {
        // Paper, date and page number are the issue's.
        text = text
            .lines()
            .filter(|l| {
                !["  paper:", "  date:", "  page:"]
                    .iter()
                    .any(|k| l.starts_with(k))
            })
            .map(|l| format!("{l}\n"))
            .collect();
    }
    let written = |path: &Path, error: std::io::Error| Failure::Write {
        path: path.to_path_buf(),
        error,
    };
    let images = root.join(&folder).join("images");
    std::fs::create_dir_all(&images).map_err(|err| written(&images, err))?;
    // A file that appeared meanwhile is not replaced.
    let yaml = root.join(&page);
    write_new(&yaml, text.as_bytes()).map_err(|err| written(&yaml, err))?;
    if let (Some(issue), Some(loaded)) = (&issue, &loaded)
        && let Err(failure) = list_in_issue(root, issue, loaded, slug)
    {
        // The issue refused it: the new folder goes, the issue file is as it was.
        let _ = std::fs::remove_dir_all(root.join(&folder));
        return Err(failure);
    }
    // Every schema of the project, so that the page's (and its issue's) is there and current.
    let folder = PathBuf::from(crate::desk::schema::FOLDER);
    for (name, text) in crate::desk::schema::files(&crate::desk::schema::templates(root)) {
        let path = root.join(&folder).join(name);
        crate::atomic::write_atomic(&path, text.as_bytes()).map_err(|err| written(&path, err))?;
    }
    let schema = folder.join(crate::desk::schema::template_file(template));
    Ok(Made { page, schema })
}

/// Writes `issue` with the new page `slug/page.yaml` in its place, once the issue with it reads
/// clean (checked on a copy beside it, so the issue file is never left half-changed).
fn list_in_issue(
    root: &Path,
    issue: &InIssue,
    loaded: &crate::content::issue::LoadedIssue,
    slug: &str,
) -> Result<(), Failure> {
    let text = std::fs::read_to_string(issue.file).map_err(|error| Failure::Write {
        path: issue.file.to_path_buf(),
        error,
    })?;
    let updated = issue::with_page(&text, loaded, &format!("{slug}/page.yaml"), issue.page);
    let trial = issue
        .file
        .with_file_name(format!(".{slug}.issue-trial.yaml"));
    std::fs::write(&trial, &updated).map_err(|error| Failure::Write {
        path: trial.clone(),
        error,
    })?;
    // The issue reads, and every page of it still checks where it now stands (a page moved on
    // may carry its own number, a spread may land on an odd page).
    let checked = crate::content::issue::load(&trial, root).and_then(|trial| {
        let errors: Vec<_> = trial
            .pages
            .iter()
            .filter_map(|(file, slot)| crate::content::load_in(file, root, Some(slot)).err())
            .flatten()
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    });
    let _ = std::fs::remove_file(&trial);
    if let Err(errors) = checked {
        let shown = |e: &crate::content::ContentError| {
            e.to_string().replace(
                &trial.display().to_string(),
                &issue.file.display().to_string(),
            )
        };
        return Err(Failure::Refused(format!(
            "{}\n{}\n{}: {}",
            t!("new-breaks-issue", issue = issue.file.display()),
            errors.iter().map(shown).collect::<Vec<_>>().join("\n"),
            t!("hint"),
            t!("new-breaks-issue-hint")
        )));
    }
    crate::atomic::write_atomic(issue.file, updated.as_bytes()).map_err(|error| Failure::Write {
        path: issue.file.to_path_buf(),
        error,
    })
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
        Err(Failure::Refused(t!("new-bad-slug", slug = slug)))
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

/// Writes a file that must not exist yet (one that appeared meanwhile is not replaced).
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
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
