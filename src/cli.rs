//! Command-line interface: every flag in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Newspaper pages from YAML content and Typst templates, as print-ready PDF.
///
/// Exit status: 0 built (or clean), 1 invalid input or failed build, 2 usage error.
#[derive(Debug, Parser)]
#[command(name = "banmian", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a page into a PDF.
    Build(BuildArgs),
    /// List the fonts banmian sees, by family and style.
    Fonts(ProjectArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The page's YAML file. Without it, the sample page is built.
    pub page: Option<PathBuf>,
    /// Where to write the PDF [default: out/<page>.pdf].
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// Project folder (holds layout/, fonts/); files outside it are off limits
    /// [default: the nearest folder above the page with layout/templates/].
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Extra folder of fonts, besides the project's fonts/. May be repeated.
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
