//! `banmian schema`: the JSON Schema of a page's YAML, on stdout (see `banmian::desk::schema`).

use std::process::ExitCode;

pub fn run() -> super::Outcome {
    print!("{}", banmian::desk::schema::text());
    Ok(ExitCode::SUCCESS)
}
