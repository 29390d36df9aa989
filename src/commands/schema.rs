//! `banmian schema`: a JSON Schema on stdout — of a page of any of the project's templates, of
//! one template's pages (`--template`), or of an issue file (`--issue`); see
//! `banmian::desk::schema`.

use std::path::Path;
use std::process::ExitCode;

use banmian::content::t;
use banmian::desk::schema;

use super::Error;
use crate::cli::SchemaArgs;

pub fn run(args: &SchemaArgs) -> super::Outcome {
    let root = args
        .root
        .clone()
        .or_else(|| banmian::project::find_root(&Path::new(".").join("page.yaml")));
    let templates = root.as_deref().map(schema::templates).unwrap_or_default();
    let text = if args.issue {
        schema::pretty(&schema::issue())
    } else if let Some(name) = &args.template {
        let Some((_, manifest)) = templates.iter().find(|(n, _)| n == name) else {
            let known: Vec<&str> = templates.iter().map(|(n, _)| n.as_str()).collect();
            return Err(Error::usage(match root {
                None => t!("schema-no-project", name = name),
                Some(_) => t!("schema-no-template", name = name, known = known.join(", ")),
            }));
        };
        schema::pretty(&schema::template(&templates, name, manifest))
    } else {
        schema::pretty(&schema::page(&templates))
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}
