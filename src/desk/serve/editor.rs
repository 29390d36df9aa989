//! `--editor CMD`: opens the page's YAML at a line, e.g. `code -g {file}:{line}:{col}`.
//!
//! The command is split at spaces and run directly, never through a shell; `{file}`, `{line}`
//! and `{col}` are replaced in each word. The file is always the page being served: the
//! browser names only a line and a column.

use crate::content::t;
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
                    return Err(t!("editor-empty"));
                }
                if !words.iter().any(|w| w.contains("{file}")) {
                    return Err(t!("editor-no-file", command = command));
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
        let text = std::fs::read_to_string(&self.page).map_err(|err| {
            t!(
                "editor-cannot-read",
                file = self.page.display(),
                error = err
            ) + "\n"
        })?;
        let lines = text.lines().count().max(1);
        if !(1..=lines).contains(&line) {
            let file = self.page.display();
            return Err(t!("editor-no-line", line = line, file = file, lines = lines) + "\n");
        }
        let width = text.lines().nth(line - 1).map_or(0, |l| l.chars().count());
        if !(1..=width + 1).contains(&column) {
            let said = t!(
                "editor-no-column",
                column = column,
                line = line,
                file = self.page.display(),
                columns = width + 1
            );
            return Err(said + "\n");
        }
        Ok(())
    }

    /// Starts the editor at `line:column` of the page; says what it ran, or why it did not.
    pub fn open(&self, line: usize, column: usize) -> Result<String, String> {
        let Some(words) = &self.words else {
            return Err(t!("editor-none") + "\n");
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
            .map_err(|err| t!("editor-cannot-run", editor = words[0], error = err) + "\n")?;
        // Reap it when it exits, without holding up the server.
        std::thread::spawn(move || child.wait());
        Ok(t!("editor-opened", file = file, line = line, column = column) + "\n")
    }
}
