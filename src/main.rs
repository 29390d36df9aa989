//! The `banmian` command. Exit status: 0 success, 1 invalid input or failed build, 2 usage error.

mod cli;
mod commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    malloc_arenas();
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
        cli::Command::Diff(args) => commands::diff::run(&args),
        cli::Command::Completions { shell } => {
            cli::Cli::completions(shell);
            Ok(ExitCode::SUCCESS)
        }
    };
    // Every command's error is printed here, in one place.
    outcome.unwrap_or_else(commands::exit)
}

/// glibc gives each thread that allocates its own arena, up to eight a core, and rarely hands
/// freed memory back, so typst's worker threads leave the process holding a fifth more memory
/// than it uses. But one arena for all makes threads that allocate at once wait for each
/// other: an issue's pages, built side by side, then take longer than one after another (a
/// 16-page issue as PDF/X-4 on 2 cores: 5.0 s with one arena, 3.0 s with four). Two arenas a
/// core keep both: the pages' threads rarely meet on one, and memory stays within a tenth of
/// one arena's.
fn malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let arenas = i32::try_from(2 * cores).unwrap_or(i32::MAX);
        // SAFETY: called first thing in main, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}
