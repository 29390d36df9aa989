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
    let mut listed = String::new();
    for (name, style, file) in rows {
        if name != family {
            listed += &format!("{name}\n");
            family = name;
        }
        // Padded by the columns a terminal gives it (a Chinese character takes two).
        let pad = 28usize.saturating_sub(unicode_width::UnicodeWidthStr::width(style.as_str()));
        listed += &format!("  {style}{} {file}\n", " ".repeat(pad));
    }
    // Written whole: a reader that stops early (`| head`) is not an error.
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(listed.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// E.g. `bold (700)`, `regular (400), italic`, `regular (400), 75 % wide`.
fn describe(v: typst::text::FontVariant) -> String {
    let number = v.weight.to_number();
    let weight = match number {
        700.. => "bold",
        ..=300 => "light",
        _ => "regular",
    };
    let style = format!("{:?}", v.style).to_lowercase();
    let stretch = if v.stretch == typst::text::FontStretch::NORMAL {
        "normal".to_string()
    } else {
        format!("{:.0}", v.stretch.to_ratio().get() * 100.0)
    };
    banmian::content::t!(
        "font-style",
        weight = weight,
        number = number,
        style = style,
        stretch = stretch
    )
}
