//! The `banmian` command. Exit status: 0 success, 1 invalid input or failed build, 2 usage error.

mod cli;
mod commands;

use std::process::ExitCode;

/// mimalloc, not the system's allocator. The make-up allocates small vectors by the
/// hundred thousand (trials and their scores); in a process where typst has just laid a page
/// out, glibc's malloc took it 124–186 ms on the sample page where mimalloc takes 48–89 ms,
/// and an issue's pages built side by side no longer wait on each other's arenas. The cost
/// is memory: a page's peak is about 15 % higher (the sample: 96 → 113 MiB plain, 137 → 157
/// MiB as PDF/X-4, with `no_huge_pages`), still flat in the page count (bench/README.md,
/// "mimalloc").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    let cli = cli::Cli::parse_versioned();
    // First: every message after this is in the language chosen.
    banmian::content::messages::set_lang(cli.lang);
    banmian::failure::set_colour(cli.color.choice());
    commands::set_quiet(cli.quiet);
    commands::set_verbose(cli.verbose);
    let outcome = match cli.command {
        cli::Command::Build(args) => commands::build::run(&args),
        cli::Command::Watch(args) => commands::watch::run(&args),
        cli::Command::Check(args) => commands::check::run(&args),
        cli::Command::Fonts(args) => commands::fonts::run(&args),
        cli::Command::Serve(args) => commands::serve::run(args),
        cli::Command::Schema(args) => commands::schema::run(&args),
        cli::Command::New(args) => commands::new::run(&args),
        cli::Command::Init(args) => commands::init::run(&args),
        cli::Command::Diff(args) => commands::diff::run(&args),
        cli::Command::Completions { shell } => {
            cli::Cli::completions(shell);
            Ok(ExitCode::SUCCESS)
        }
    };
    // Every command's error is printed here, in one place.
    outcome.unwrap_or_else(commands::exit)
}

/// mimalloc asks Linux for transparent huge pages, and each 2 MiB page is cleared whole when
/// first touched: a PDF/X-4 build of the sample held 210–220 MiB at its peak, not 155–166,
/// and an issue's builds were slower and less steady. Turned off for the process before anything is allocated.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
