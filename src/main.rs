//! The `banmian` command. Exit status: 0 success, 1 invalid input or failed build, 2 usage error.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Build(args) => commands::build::run(&args),
        cli::Command::Watch(args) => commands::watch::run(&args),
        cli::Command::Check(args) => commands::check::run(&args),
        cli::Command::Fonts(args) => commands::fonts::run(&args),
    }
}
