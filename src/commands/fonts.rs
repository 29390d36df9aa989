//! `banmian fonts`: the faces a page can use, by family and style.

use std::process::ExitCode;

use banmian::project::Project;

use super::Outcome;
use crate::cli::ProjectArgs;

pub fn run(args: &ProjectArgs) -> Outcome {
    let probe = std::path::Path::new("page.yaml");
    let project = Project::open(probe, args.root.as_deref(), &args.font_paths)?;
    let mut rows: Vec<(String, String, String)> = project
        .fonts
        .list()
        .map(|(info, path)| {
            let v = info.variant;
            let style = describe(v);
            let file = path
                .strip_prefix(&project.root)
                .unwrap_or(path)
                .display()
                .to_string();
            (info.family.clone(), style, file)
        })
        .collect();
    rows.sort();
    rows.dedup();
    let mut family = String::new();
    for (name, style, file) in rows {
        if name != family {
            println!("{name}");
            family = name;
        }
        println!("  {style:<28} {file}");
    }
    Ok(ExitCode::SUCCESS)
}

/// E.g. `bold (700)`, `regular (400), italic`, `regular (400), 75 % wide`.
fn describe(v: typst::text::FontVariant) -> String {
    let weight = match v.weight.to_number() {
        n if n >= 700 => format!("bold ({n})"),
        n if n <= 300 => format!("light ({n})"),
        n => format!("regular ({n})"),
    };
    let style = match v.style {
        typst::text::FontStyle::Normal => String::new(),
        other => format!(", {}", format!("{other:?}").to_lowercase()),
    };
    let stretch = if v.stretch == typst::text::FontStretch::NORMAL {
        String::new()
    } else {
        format!(", {:.0} % wide", v.stretch.to_ratio().get() * 100.0)
    };
    format!("{weight}{style}{stretch}")
}
