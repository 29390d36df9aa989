//! `banmian schema`: the JSON Schema of a page's YAML, on stdout (see `banmian::schema`).

use std::process::ExitCode;

pub fn run() -> super::Outcome {
    print!("{}", banmian::schema::text());
    Ok(ExitCode::SUCCESS)
}
