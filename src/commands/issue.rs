//! `banmian build ISSUE.yaml` and `banmian check ISSUE.yaml`: every page of an issue, in
//! parallel, an indented line as each page finishes (in the order they finish), then each
//! page's messages in page order, then one line a page. Exit 1 if any page failed, 2 if one
//! was refused (an output over an input), else 0.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use banmian::build::pages::{Mode, PageRun};
use banmian::content::issue;
use banmian::failure::Failure;
use banmian::output::Format;
use banmian::output::Target;
use banmian::project::Project;

use super::{Error, Outcome};
use crate::cli::{OutputArgs, ProjectArgs};
use banmian::content::t;

/// Whether `file` is an issue rather than a page (a YAML mapping listing `pages:`), read
/// within the content crate's limits (a pipe is never opened).
pub fn is_issue(file: &Path) -> bool {
    issue::is_issue_file(file)
}

pub fn run(
    file: &Path,
    output: &OutputArgs,
    combined: Option<&Path>,
    project_args: &ProjectArgs,
    mode: Mode,
    strict: bool,
    json: bool,
) -> Outcome {
    let started = Instant::now();
    let project = Project::open(file, project_args.root.as_deref(), &project_args.font_paths)?;
    let loaded = issue::load(file, &project.root).map_err(Failure::Content)?;
    let (folder, template) = target(file, output, true)?;
    let template = Target { strict, ..template };
    let total = loaded.pages.len();
    let runs = banmian::build::pages::run(
        &project,
        &loaded,
        &folder,
        &template,
        mode,
        combined.is_some() && mode == Mode::Build,
        |run, done| super::say(progress(run, done, total, mode)),
    );
    for run in &runs {
        // Quiet, a page that built says nothing; one that failed still says why.
        let heard = run.outcome.is_err() || !super::quiet();
        if !run.messages.is_empty() && heard {
            eprintln!(
                "{}",
                t!(
                    "issue-page-messages",
                    number = run.number,
                    file = run.file.display()
                )
            );
            eprint!("{}", run.messages);
        }
    }
    for run in &runs {
        if run.outcome.is_err() {
            eprintln!("{}", line(run, mode));
        } else {
            super::say(line(run, mode));
        }
    }
    let mut code = worst(&runs);
    let mut combined_json = serde_json::Value::Null;
    if let (Some(path), Mode::Build) = (combined, mode) {
        match banmian::build::pages::combined(&project, &loaded, &runs, path, &template) {
            Ok(bytes) => {
                combined_json =
                    serde_json::json!({ "path": path.display().to_string(), "bytes": bytes });
                super::say(t!(
                    "issue-combined",
                    path = path.display(),
                    kib = bytes / 1024
                ))
            }
            Err(failure) => {
                super::report(&failure, None);
                if code == ExitCode::SUCCESS {
                    code = super::exit_code(&failure);
                }
            }
        }
    }
    let failed = runs.iter().filter(|r| r.outcome.is_err()).count();
    if json {
        let pages: Vec<serde_json::Value> = runs.iter().map(|run| page_json(run, mode)).collect();
        super::json::print(&super::json::versioned(serde_json::json!({
            "issue": file.display().to_string(),
            "pages": pages,
            "failed": failed,
            "combined": combined_json,
            "seconds": started.elapsed().as_secs_f64(),
        })));
    }
    let (done, total) = (runs.len() - failed, runs.len());
    let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
    let done = match mode {
        Mode::Build => t!(
            "issue-built-pages",
            done = done,
            total = total,
            seconds = seconds
        ),
        Mode::Check => t!(
            "issue-checked-pages",
            done = done,
            total = total,
            seconds = seconds
        ),
    };
    let mut said = if failed > 0 {
        done + &t!("issue-failed-pages", failed = failed)
    } else {
        done
    };
    let missing = loaded.missing_numbers();
    if !missing.is_empty() {
        let numbers: Vec<String> = missing.iter().map(u32::to_string).collect();
        said += &t!(
            "issue-missing-pages",
            pages = numbers.join(", "),
            count = missing.len()
        );
    }
    super::say(said);
    Ok(code)
}

/// The folder the pages go to and the options each page's target starts from. A PDF without
/// `--pdf-standard` is a PDF/X-4 for the press if `press` (what `build` writes), else plain.
pub fn target(file: &Path, args: &OutputArgs, press: bool) -> Result<(PathBuf, Target), Error> {
    let format = args.format.map(Format::from).unwrap_or(Format::Pdf);
    let folder = match &args.output {
        Some(dir) if dir.is_file() || Format::from_path(dir).is_some() => {
            return Err(Error::usage(t!(
                "issue-output-is-a-file",
                dir = dir.display()
            )));
        }
        Some(dir) => dir.clone(),
        None => {
            let name = file
                .parent()
                .and_then(|d| d.file_name())
                .map_or_else(|| "issue".into(), |n| n.to_string_lossy().into_owned());
            PathBuf::from("out").join(name)
        }
    };
    Ok((folder, super::options(args, format, PathBuf::new(), press)?))
}

/// One line as a page finishes, in the order they finish, so that the build is seen to move:
/// how many of the issue's pages are done, which page, its time and its file (the page's YAML
/// when checking, or when it failed), e.g. `  [3/6] page 5 built in 0.62 s:
/// 05-night-market.pdf`. Indented, apart from the lines a page after all are done.
fn progress(run: &PageRun, done: usize, total: usize, mode: Mode) -> String {
    let (what, file) = match (&run.outcome, mode) {
        (Ok(_), Mode::Build) => (
            t!("issue-built-in"),
            run.output.file_name().map_or_else(
                || run.output.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        ),
        (Ok(_), Mode::Check) => (t!("issue-checked-in"), run.file.display().to_string()),
        (Err(_), _) => (t!("issue-failed-after"), run.file.display().to_string()),
    };
    t!(
        "issue-progress",
        done = format!("{done:>width$}", width = total.to_string().len()),
        total = total,
        page = numbers(run),
        what = what,
        seconds = format!("{:.2}", run.seconds),
        file = file
    )
}

/// `page 5`, or `pages 6–7` for a spread.
fn numbers(run: &PageRun) -> String {
    if run.spread {
        t!(
            "spread-numbers",
            first = run.number,
            second = run.number + 1
        )
    } else {
        t!("page-number", number = run.number)
    }
}

/// One line for a page: what it came to.
fn line(run: &PageRun, mode: Mode) -> String {
    let number = numbers(run);
    match (&run.outcome, mode) {
        (Ok(done), Mode::Build) => t!(
            "issue-page-built",
            page = number,
            output = run.output.display(),
            summary = done.summary,
            kib = done.bytes / 1024,
            seconds = format!("{:.2}", run.seconds)
        ),
        (Ok(done), Mode::Check) => t!("issue-page-checked", page = number, summary = done.summary),
        (Err(failure), _) => t!(
            "issue-page-failed",
            page = number,
            kind = failure.kind(),
            file = run.file.display()
        ),
    }
}

/// One page of the issue as JSON: where it stands, what it came to, and its report (the
/// page's report as `check` gives it, or why it failed in that shape).
fn page_json(run: &PageRun, mode: Mode) -> serde_json::Value {
    let (ok, report) = match &run.outcome {
        Ok(done) => (
            true,
            super::json::page_report(&done.report, &done.makeup, done.ink.as_ref(), None),
        ),
        Err(failure) => (false, super::json::failure(&run.file, failure)),
    };
    let built = ok && mode == Mode::Build;
    serde_json::json!({
        "page": run.number,
        "spread": run.spread,
        "file": run.file.display().to_string(),
        "ok": ok,
        // Each file written, as build's report of a page gives them.
        "outputs": run.outcome.as_ref().ok().filter(|_| built).map_or_else(Vec::new, |done| {
            done.files
                .iter()
                .map(|(path, bytes)| serde_json::json!({ "path": path.display().to_string(), "bytes": bytes }))
                .collect()
        }),
        "seconds": run.seconds,
        "report": report,
    })
}

/// 2 if a page was refused, else 1 if one failed or (checking) has errors, else 0.
fn worst(runs: &[PageRun]) -> ExitCode {
    if runs
        .iter()
        .any(|r| matches!(r.outcome, Err(Failure::Refused(_))))
    {
        return ExitCode::from(super::USAGE);
    }
    let failed = runs.iter().any(|r| match &r.outcome {
        Err(_) => true,
        Ok(done) => done.report.has_errors(),
    });
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
