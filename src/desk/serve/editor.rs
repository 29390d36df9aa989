//! `--editor CMD`: opens the page's YAML at a line, e.g. `code -g {file}:{line}:{col}`.
//!
//! The command is split at spaces and run directly, never through a shell; `{file}`, `{line}`
//! and `{col}` are replaced in each word. The file is always the page being served: the
//! browser names only a line and a column.

use std::path::PathBuf;
use std::process::{Command, Stdio};

pub struct Editor {
    /// The command's words, placeholders in place; `None` without `--editor`.
    words: Option<Vec<String>>,
    page: PathBuf,
}

impl Editor {
    pub fn new(command: Option<&str>, page: PathBuf) -> Result<Self, String> {
        let words = match command {
            None => None,
            Some(command) => {
                let words: Vec<String> = command.split_whitespace().map(String::from).collect();
                if words.is_empty() {
                    return Err(
                        "--editor is empty; e.g. --editor 'code -g {file}:{line}:{col}'".into(),
                    );
                }
                if !words.iter().any(|w| w.contains("{file}")) {
                    return Err(format!(
                        "--editor `{command}` has no {{file}}; e.g. --editor 'code -g {{file}}:{{line}}:{{col}}'"
                    ));
                }
                Some(words)
            }
        };
        let page = std::path::absolute(&page).unwrap_or(page);
        Ok(Self { words, page })
    }

    /// Whether `line:column` (both from 1) is a position in the page's YAML as it is now: a
    /// line of the file, a column on that line or just past its end.
    pub fn check_position(&self, line: usize, column: usize) -> Result<(), String> {
        let text = std::fs::read_to_string(&self.page)
            .map_err(|err| format!("cannot read {}: {err}\n", self.page.display()))?;
        let lines = text.lines().count().max(1);
        if !(1..=lines).contains(&line) {
            return Err(format!(
                "line {line} is not a line of {} (lines 1 to {lines})\n",
                self.page.display()
            ));
        }
        let width = text.lines().nth(line - 1).map_or(0, |l| l.chars().count());
        if !(1..=width + 1).contains(&column) {
            return Err(format!(
                "column {column} is not on line {line} of {} (columns 1 to {})\n",
                self.page.display(),
                width + 1
            ));
        }
        Ok(())
    }

    /// Starts the editor at `line:column` of the page; says what it ran, or why it did not.
    pub fn open(&self, line: usize, column: usize) -> Result<String, String> {
        let Some(words) = &self.words else {
            return Err(
                "no editor: start banmian serve with --editor 'CMD {file}:{line}:{col}'\n".into(),
            );
        };
        let file = self.page.display().to_string();
        let words: Vec<String> = words
            .iter()
            .map(|w| {
                w.replace("{file}", &file)
                    .replace("{line}", &line.to_string())
                    .replace("{col}", &column.to_string())
            })
            .collect();
        let mut child = Command::new(&words[0])
            .args(&words[1..])
            .stdin(Stdio::null())
            .spawn()
            .map_err(|err| format!("cannot run the editor `{}`: {err}\n", words[0]))?;
        // Reap it when it exits, without holding up the server.
        std::thread::spawn(move || child.wait());
        Ok(format!("opened {file}:{line}:{column}\n"))
    }
}
