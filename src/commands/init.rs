//! `banmian init [DIR]`: a project folder to start from (see `banmian::desk::scaffold::project`).

use std::process::ExitCode;

use super::Outcome;
use crate::cli::InitArgs;
use banmian::content::t;

pub fn run(args: &InitArgs) -> Outcome {
    let made = banmian::desk::scaffold::project::init(&args.dir, args.fonts.as_deref())?;
    let root = args.dir.display();
    eprintln!(
        "{}",
        t!(
            "made-project",
            root = root,
            layout = made.layout,
            fonts = made.fonts
        )
    );
    if made.fonts == 0 {
        eprintln!(
            "{}",
            t!(
                "made-project-no-fonts",
                fonts = args.dir.join("fonts").display()
            )
        );
    }
    eprintln!("{}", t!("made-project-next", root = root));
    Ok(ExitCode::SUCCESS)
}
