//! Command-line interface: every flag in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Newspaper pages from YAML content and Typst templates, as print-ready PDF.
///
/// Exit status: 0 built (or clean), 1 invalid input or failed build, 2 usage error.
#[derive(Debug, Parser)]
#[command(name = "banmian", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Say nothing but errors: no findings that are not errors, no ink, progress or "built"
    /// lines (for scripts and press pipelines, with the exit status).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say each step as it is done (the project, the page, the layout, the files) and how
    /// long each took.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// The language of messages: `en` or `zh-CN` [default: BANMIAN_LANG, else the locale
    /// (LC_ALL, LC_MESSAGES, LANG), else en].
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<banmian::content::messages::Lang>,
    /// Colour in messages: `auto` on a terminal unless NO_COLOR is set, `always`, `never`.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
}

/// `--lang`'s value. Its error is said in no language yet (none is chosen while the command
/// line is read): `usage` says it in the one asked for.
fn parse_lang(tag: &str) -> Result<banmian::content::messages::Lang, &'static str> {
    banmian::content::messages::Lang::parse(tag).ok_or(crate::commands::usage::LANGS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// `Some` when the choice is made here, `None` to decide by the terminal and NO_COLOR.
    pub fn choice(self) -> Option<bool> {
        match self {
            ColorArg::Auto => None,
            ColorArg::Always => Some(true),
            ColorArg::Never => Some(false),
        }
    }
}

impl Cli {
    /// Writes `shell`'s completion script for every command and option to stdout (made whole
    /// first: a reader that stops early, `| head`, is not an error).
    pub fn completions(shell: clap_complete::Shell) {
        use clap::CommandFactory;
        use std::io::Write;
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Self::command(), "banmian", &mut script);
        let _ = std::io::stdout().lock().write_all(&script);
    }

    /// The command line, parsed; `--version` names the typst banmian lays pages out with
    /// (`banmian 0.1.0 (typst 0.15.1)`), which decides how a page sets.
    pub fn parse_versioned() -> Self {
        use clap::{CommandFactory, FromArgMatches};
        let version = format!(
            "{} (typst {})",
            env!("CARGO_PKG_VERSION"),
            typst::utils::version().raw()
        );
        // Made once per run; clap takes a static string.
        let version: &'static str = Box::leak(version.into_boxed_str());
        let args: Vec<String> = std::env::args().collect();
        let fail = |err: clap::Error| -> ! {
            // A usage error is said in the language the command line asks for.
            banmian::content::messages::set_lang(Some(crate::commands::usage::language(&args)));
            match crate::commands::usage::said(&err) {
                Some(said) => {
                    eprint!("{said}");
                    std::process::exit(err.exit_code())
                }
                None => err.exit(),
            }
        };
        let matches = Self::command()
            .version(version)
            .try_get_matches()
            .unwrap_or_else(|err| fail(err));
        Self::from_arg_matches(&matches).unwrap_or_else(|err| fail(err))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a page into a PDF (or PNG/SVG proofs), or every page of an issue.
    Build(BuildArgs),
    /// Rebuild a page's proof whenever its YAML, photos, templates or fonts change; or every
    /// page of an issue, then each page whose inputs changed.
    ///
    /// Watch writes proofs, never the press PDF build writes: out/<page>.proof.pdf by default
    /// (an issue's pages: <NN>-<page folder>.proof.pdf). An -o naming the file build writes for
    /// the page is refused.
    Watch(WatchArgs),
    /// Run every preflight check without writing anything. Exit 0 when clean, 1 on errors.
    Check(CheckArgs),
    /// List the fonts banmian sees, by family and style.
    Fonts(ProjectArgs),
    /// Show a page as a live proof in the browser, with its findings, rebuilt on every save.
    Serve(ServeArgs),
    /// Print the JSON Schema of a page's YAML, of one template's pages, or of an issue file
    /// (for editors' completion and validation).
    ///
    /// The project's schema/ folder holds each (page.schema.json, <template>.schema.json,
    /// issue.schema.json); a page names its own on its first line.
    Schema(SchemaArgs),
    /// Make a new page folder, content/SLUG/, from a template.
    New(NewArgs),
    /// Start a project in a folder: the templates this banmian was built with (layout/), an
    /// empty content/, and fonts/ from a folder of font files.
    Init(InitArgs),
    /// Red-line a page against an earlier version of its YAML (diff OLD.yaml NEW.yaml) or a
    /// kept proof round (diff --since ROUND NEW.yaml): a proof of NEW with what changed boxed
    /// in red and what moved outlined in blue.
    Diff(DiffArgs),
    /// Print a tab-completion script for a shell, e.g. `banmian completions bash >
    /// ~/.local/share/bash-completion/completions/banmian`.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
#[command(mut_arg("output", |arg| arg.help(
    "Where to write the red-lined proof [default: out/<page>-diff.pdf]. Images of several \
     pages are numbered: OUT-1.png, OUT-2.png, …"
)))]
pub struct DiffArgs {
    /// OLD.yaml NEW.yaml: an earlier version of the page's YAML, then the page now; with
    /// --since, the page alone.
    #[arg(num_args = 1..=2, value_name = "PAGE.yaml", required = true)]
    pub pages: Vec<PathBuf>,
    /// A proof round kept from `banmian serve` (out/rounds/<page>/ROUND.json) to compare with.
    #[arg(long, value_name = "ROUND")]
    pub since: Option<String>,
    /// Output options as for build, but -o's default (above).
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The page folder's name: lower-case letters, digits and hyphens.
    pub slug: String,
    /// Layout template the page uses (layout/templates/NAME.typ).
    #[arg(long, default_value = "feature")]
    pub template: String,
    /// Also list the page in this issue file (the page folder goes beside it, SLUG/): at
    /// --page N, the pages from N on moving one on, or at the end.
    #[arg(long, value_name = "ISSUE.yaml")]
    pub issue: Option<PathBuf>,
    /// With --issue: the page number the new page takes.
    #[arg(long, requires = "issue", value_parser = clap::value_parser!(u32).range(1..=9999))]
    pub page: Option<u32>,
    /// Project folder [default: the nearest folder above the current one with layout/templates/].
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The project folder, made if missing [default: the current folder].
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// A folder of font files (.ttf, .otf, .ttc, .otc) to put in the project's fonts/: the
    /// faces layout/style.typ names (an existing project's fonts/ will do).
    #[arg(long, value_name = "FOLDER")]
    pub fonts: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The page's YAML file. Without it, the sample page is served.
    pub page: Option<PathBuf>,
    /// Port to listen on; 0 picks a free one (the URL printed says which).
    #[arg(long, default_value_t = 8421)]
    pub port: u16,
    /// Address to listen on. Anything but a loopback address lets other machines see the
    /// proof, with the secret token in the URL printed at start (a cookie after the first
    /// visit); requests without it are refused.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// On a network (--host): let other machines also open the editor at a clicked line and
    /// keep proof rounds, not only watch the proof.
    #[arg(long)]
    pub allow_remote_edit: bool,
    /// Editor to open at a clicked line, e.g. 'code -g {file}:{line}:{col}' (run without a
    /// shell; {file}, {line}, {col} are replaced).
    #[arg(long, value_name = "CMD")]
    pub editor: Option<String>,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The page's YAML file, or an issue's (a file listing `pages:`); `-` reads the page from
    /// stdin as if it stood in the current folder (photos relative to it; give -o). Without
    /// it, the sample page is built.
    pub page: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// For an issue: also one PDF of all its pages, in order, here.
    #[arg(long, value_name = "FILE.pdf")]
    pub combined: Option<PathBuf>,
    /// Treat warnings (underset, coarse photos, ink not measured, any preflight or typst
    /// warning) as errors: exit 1 and write nothing (for an issue, nothing for that page).
    #[arg(long, conflicts_with = "draft")]
    pub strict: bool,
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Print how long fonts, YAML, layout (its measure, make-up, photos, final layout and
    /// preflight) and export took (for benchmarks).
    #[arg(long, hide = true)]
    pub timings: bool,
    /// `json`: also a report for scripts on stdout (versioned, as check's: the findings, the
    /// files written, the ink, the time each step took); messages stay on stderr.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub report: Option<ReportFormat>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The page's YAML file, or an issue's; `-` reads the page from stdin as if it stood in
    /// the current folder (photos relative to it). Without it, the sample page is checked.
    pub page: Option<PathBuf>,
    /// Report format: words for people (on stderr), or also JSON for scripts (on stdout).
    /// `--report` is the same option (as build names it).
    #[arg(long, alias = "report", value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// `--format json`, as scripts and other tools spell it.
    #[arg(long, hide = true)]
    pub json: bool,
    /// The PDF standard the build being checked conforms to, as for build (default `x-4`, the
    /// press PDF, whose ink is measured too). May be repeated.
    #[arg(long = "pdf-standard", value_name = "STANDARD")]
    pub pdf_standards: Vec<String>,
    /// The press's CMYK output profile, as for build.
    #[arg(long, value_name = "FILE.icc")]
    pub icc: Option<PathBuf>,
    #[command(flatten)]
    pub project: ProjectArgs,
}

impl CheckArgs {
    /// The build being checked: the one `banmian build PAGE` (with the same standards) runs.
    pub fn output(&self) -> OutputArgs {
        OutputArgs {
            output: None,
            format: None,
            draft: false,
            crop_marks: false,
            pdf_standards: self.pdf_standards.clone(),
            ink_map: None,
            icc: self.icc.clone(),
            ppi: 100,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
#[command(mut_arg("output", |arg| arg.help(
    "Where to write the proof [default: out/<page>.proof.pdf; for an issue, the folder \
     out/<issue folder>/]. The file build writes for the page is refused"
)))]
pub struct WatchArgs {
    /// The page's YAML file, or an issue's (its pages go to -o DIR, default out/<issue
    /// folder>/, named as build names them with .proof before .pdf).
    pub page: PathBuf,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Where to write [default: out/<page>.<format>]. Images of a document of several pages
    /// are numbered: OUT-1.png, OUT-2.png, … For an issue, the folder its pages go to
    /// [default: out/<issue folder>/], one file a page: 05-<page folder>.pdf, …
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Output format [default: from OUT's extension, else pdf].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write the PDF even when preflight finds errors, with overset pages framed in red.
    #[arg(long)]
    pub draft: bool,
    /// Add crop marks outside the bleed (the media box grows to hold them).
    #[arg(long)]
    pub crop_marks: bool,
    /// PDF standard to conform to: `x-4` for the press (build's default), `1.7` for a plain
    /// proof, `a-2b` for the archive copy. May be repeated.
    #[arg(long = "pdf-standard", value_name = "STANDARD")]
    pub pdf_standards: Vec<String>,
    /// For a press PDF: also a map of the ink on its plates here, one pixel a measured cell,
    /// grey by total ink and red over the house limit (several sheets: FILE-1.png, …). For an
    /// issue, the folder the maps go to, one a page (05-<page folder>.png, …).
    #[arg(long, value_name = "FILE.png")]
    pub ink_map: Option<PathBuf>,
    /// For a press PDF: the press's CMYK output profile (an ICC file, the plant's), over the
    /// house's (`press-profile` in layout/style.typ) and banmian's newsprint profile.
    #[arg(long, value_name = "FILE.icc")]
    pub icc: Option<PathBuf>,
    /// PNG resolution in pixels per inch.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=banmian::output::preview::MAX_PPI as i64))]
    pub ppi: u32,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Pdf,
    Png,
    Svg,
}

impl From<FormatArg> for banmian::output::Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Pdf => Self::Pdf,
            FormatArg::Png => Self::Png,
            FormatArg::Svg => Self::Svg,
        }
    }
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of this template's pages: only the fields it prints, those it needs
    /// required [default: a page of any of the project's templates].
    #[arg(long, value_name = "NAME", conflicts_with = "issue")]
    pub template: Option<String>,
    /// The schema of an issue file.
    #[arg(long)]
    pub issue: bool,
    /// Project folder whose templates are named [default: the nearest folder above the
    /// current one with layout/templates/].
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
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
