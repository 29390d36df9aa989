//! Usage errors (a misspelt option, a value out of range) in the editor's language: clap says
//! them in English; in Chinese they are said again from the error's parts, through the message
//! files. Help texts stay as clap prints them.

use banmian::content::messages::{self, Lang};
use banmian::content::t;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The language a command line asks for, read before it is parsed (a usage error is said in
/// it): `--lang X` or `--lang=X`, else the environment's.
pub fn language(args: &[String]) -> Lang {
    let asked = args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix("--lang=")
            .or_else(|| (arg == "--lang").then(|| args.get(i + 1).map(String::as_str))?)
    });
    asked
        .and_then(Lang::parse)
        .unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()))
}

/// `err` said in the chosen language, for a usage error clap would print; `None` to let clap
/// print it (help, version, English, or a kind said here in no other words).
pub fn said(err: &clap::Error) -> Option<String> {
    if messages::lang() == Lang::En {
        return None;
    }
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        _ => None,
    };
    let list = |kind| match err.get(kind) {
        Some(ContextValue::Strings(items)) => Some(
            items
                .iter()
                .map(|item| format!("`{item}`"))
                .collect::<Vec<_>>()
                .join(&t!("list-sep")),
        ),
        Some(ContextValue::String(item)) => Some(format!("`{item}`")),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut lines = Vec::new();
    match err.kind() {
        ErrorKind::UnknownArgument => {
            lines.push(t!("usage-unknown-argument", arg = arg?));
            if let Some(suggested) = list(ContextKind::SuggestedArg) {
                lines.push(t!(
                    "usage-did-you-mean",
                    suggested = suggested.trim_matches('`')
                ));
            }
        }
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            lines.push(if value.is_empty() {
                t!("usage-no-value", arg = arg)
            } else {
                t!("usage-invalid-value", value = value, arg = arg)
            });
            if let Some(values) = list(ContextKind::ValidValue) {
                lines.push(t!("usage-possible-values", values = values));
            }
        }
        ErrorKind::ValueValidation => {
            let invalid = t!("usage-invalid-value", value = value?, arg = arg?);
            let why = std::error::Error::source(err).map(|source| reason(&source.to_string()));
            lines.push(match why {
                Some(why) => t!("at-path", path = invalid, message = why),
                None => invalid,
            });
        }
        ErrorKind::InvalidSubcommand => {
            lines.push(t!(
                "usage-unknown-command",
                command = text(ContextKind::InvalidSubcommand)?
            ));
            if let Some(suggested) = list(ContextKind::SuggestedSubcommand) {
                lines.push(t!(
                    "usage-did-you-mean",
                    suggested = suggested.trim_matches('`')
                ));
            }
        }
        ErrorKind::MissingRequiredArgument => {
            lines.push(t!("usage-missing", args = list(ContextKind::InvalidArg)?));
        }
        ErrorKind::ArgumentConflict => {
            lines.push(t!(
                "usage-conflict",
                arg = arg?,
                prior = list(ContextKind::PriorArg)?
            ));
        }
        ErrorKind::TooManyValues => {
            lines.push(t!("usage-too-many", value = value?, arg = arg?));
        }
        _ => return None,
    }
    let mut said = format!("{}: {}\n", t!("error"), lines.join("\n  "));
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        said += &format!("\n{}\n", t!("usage-line", usage = usage));
    }
    said += &format!("\n{}\n", t!("usage-more"));
    Some(said)
}

/// Why `--lang` was refused (its value parser's error, in English until a language is chosen).
pub const LANGS: &str = "banmian speaks en and zh-CN";

/// A value parser's reason, in the message files' words where it is one they have (a number
/// out of range, a language); else as it was given.
fn reason(source: &str) -> String {
    if source == LANGS {
        return t!("usage-langs");
    }
    let range = source
        .split_once(" is not in ")
        .and_then(|(value, range)| Some((value, range.split_once("..=")?)));
    match range {
        Some((value, (from, to))) => t!("usage-not-in-range", value = value, from = from, to = to),
        None => source.to_string(),
    }
}
