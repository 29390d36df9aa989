//! `banmian fonts`: the faces a page can use, by family and style.

use std::process::ExitCode;

use banmian::project::Project;

use crate::cli::ProjectArgs;

pub fn run(args: &ProjectArgs) -> ExitCode {
    let probe = std::path::Path::new("page.yaml");
    let project = match Project::open(probe, args.root.as_deref(), &args.font_paths) {
        Ok(project) => project,
        Err(failure) => {
            super::report(&failure, None);
            return ExitCode::FAILURE;
        }
    };
    let mut rows: Vec<(String, String, String)> = project
        .fonts
        .list()
        .map(|(info, path)| {
            let v = info.variant;
            let style = format!("{:?} {} {:?}", v.style, v.weight.to_number(), v.stretch);
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
    ExitCode::SUCCESS
}
