//! The words banmian says to people, in English and in Chinese (zh-CN): one Fluent file per
//! language in `crates/content/messages/`, where a message is named by an id and filled in
//! with named arguments, `t!("built", files = …)`; a translator edits those files alone.
//! The language is chosen once: `--lang`, else `BANMIAN_LANG`, else the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, the first that is set), else English.
//!
//! Ids, arguments and both languages are tested against each other and against every `t!`
//! in the sources.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

/// A language banmian speaks (in the order of [`FILES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// A language tag or locale (`en`, `zh-CN`, `zh_CN.UTF-8`, `C`); `None` if it names
    /// neither language.
    pub fn parse(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("zh") {
            Some(Lang::Zh)
        } else if tag.starts_with("en") || tag == "c" || tag.starts_with("c.") || tag == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language the environment asks for: `BANMIAN_LANG`, then the locale's variables in
    /// POSIX order; the first one set decides (a language banmian does not speak: English).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Self {
        ["BANMIAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name).filter(|v| !v.is_empty()))
            .map(|value| Lang::parse(&value).unwrap_or(Lang::En))
            .next()
            .unwrap_or(Lang::En)
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language (`--lang`); without it, the environment's. Set once, before any
/// message is made.
pub fn set_lang(lang: Option<Lang>) {
    let _ = LANG.set(lang.unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok())));
}

/// The language messages are in.
pub fn lang() -> Lang {
    *LANG.get_or_init(|| Lang::from_env(|name| std::env::var(name).ok()))
}

/// The message files, one per language, in `crates/content/messages/` (Fluent syntax:
/// <https://projectfluent.org/fluent/guide/>), built into the program.
pub const FILES: [(Lang, &str, &str); 2] = [
    (Lang::En, "en", include_str!("../messages/en.ftl")),
    (Lang::Zh, "zh-CN", include_str!("../messages/zh-CN.ftl")),
];

type Bundle = FluentBundle<&'static FluentResource>;

/// The bundle of `lang`'s messages, made once.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    &BUNDLES.get_or_init(|| {
        FILES.map(|(lang, tag, _)| {
            let id: LanguageIdentifier = tag.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![id]);
            // Arguments are set in a terminal or a log, never mixed with right-to-left
            // text: no invisible isolation marks around them.
            bundle.set_use_isolating(false);
            let _ = bundle.add_resource(resource(lang));
            bundle
        })
    })[lang as usize]
}

/// `lang`'s file, parsed once. A file that does not parse keeps what did (the tests require
/// both to parse whole).
fn resource(lang: Lang) -> &'static FluentResource {
    static RESOURCES: OnceLock<[FluentResource; 2]> = OnceLock::new();
    &RESOURCES.get_or_init(|| {
        FILES.map(|(_, _, source)| {
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial)
        })
    })[lang as usize]
}

/// An argument of a message: a number (which a message may choose its words by, `{ $n ->
/// [one] … *[other] … }`) or a text.
pub type Arg = FluentValue<'static>;

/// Message `id` in the chosen language, each `{ $name }` replaced by its argument.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    say(lang(), id, args)
}

/// Message `id` in `lang`. An id not in the files is a bug (the tests find every `t!` id in
/// the sources there); it is said as the id rather than lost.
pub fn say(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut named = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        named.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&named), &mut errors)
        .into_owned()
}

/// How `t!` passes an argument: integers as numbers, anything else as its text. (Chosen by
/// method lookup: the number impls take `&ArgOf`, the text impl one reference more, so an
/// integer finds its own first.)
pub struct ArgOf<'a, T: ?Sized>(pub &'a T);

pub trait NumberArg {
    fn into_arg(self) -> Arg;
}

pub trait TextArg {
    fn into_arg(self) -> Arg;
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl NumberArg for &ArgOf<'_, $t> {
            fn into_arg(self) -> Arg {
                FluentValue::from(*self.0)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: std::fmt::Display + ?Sized> TextArg for &&ArgOf<'_, T> {
    fn into_arg(self) -> Arg {
        FluentValue::from(self.0.to_string())
    }
}

/// A message by id, with named arguments: `t!("nothing-written")`,
/// `t!("no-page", page = path.display())`, `t!("strict-refused", n = warnings.len())`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::messages::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        #[allow(unused_imports)]
        use $crate::messages::{NumberArg as _, TextArg as _};
        $crate::messages::text(
            $id,
            &[$((stringify!($name), (&$crate::messages::ArgOf(&$value)).into_arg())),+],
        )
    }};
}

/// Every message id of `lang`'s file, in file order.
pub fn ids(lang: Lang) -> Vec<&'static str> {
    messages(lang).map(|m| m.id.name).collect()
}

/// The names of the arguments message `id` takes in `lang`, sorted, each once.
pub fn arguments(lang: Lang, id: &str) -> Vec<&'static str> {
    let mut names: Vec<&str> = pieces(lang, id)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Argument(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The words of message `id` in `lang`, every variant's, without its arguments.
pub fn words(lang: Lang, id: &str) -> String {
    pieces(lang, id)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Text(text) => Some(text),
            Piece::Argument(_) => None,
        })
        .collect()
}

fn messages(lang: Lang) -> impl Iterator<Item = &'static ast::Message<&'static str>> {
    resource(lang).entries().filter_map(|entry| match entry {
        ast::Entry::Message(message) => Some(message),
        _ => None,
    })
}

/// `lang`'s file parsed, and what in it did not parse.
pub fn parse_errors(lang: Lang) -> Vec<String> {
    match FluentResource::try_new(FILES[lang as usize].2.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

/// A piece of a message as written: text (string literals included) or an argument.
enum Piece {
    Text(&'static str),
    Argument(&'static str),
}

/// The pieces of message `id` in `lang`, every variant's, in order.
fn pieces(lang: Lang, id: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    if let Some(pattern) = messages(lang)
        .find(|m| m.id.name == id)
        .and_then(|m| m.value.as_ref())
    {
        pattern_pieces(pattern, &mut pieces);
    }
    pieces
}

fn pattern_pieces(pattern: &ast::Pattern<&'static str>, pieces: &mut Vec<Piece>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => pieces.push(Piece::Text(value)),
            ast::PatternElement::Placeable { expression } => expression_pieces(expression, pieces),
        }
    }
}

fn expression_pieces(expression: &ast::Expression<&'static str>, pieces: &mut Vec<Piece>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_pieces(selector, pieces);
            for variant in variants {
                pattern_pieces(&variant.value, pieces);
            }
        }
        ast::Expression::Inline(inline) => inline_pieces(inline, pieces),
    }
}

fn inline_pieces(inline: &ast::InlineExpression<&'static str>, pieces: &mut Vec<Piece>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => pieces.push(Piece::Argument(id.name)),
        ast::InlineExpression::StringLiteral { value } => pieces.push(Piece::Text(value)),
        ast::InlineExpression::Placeable { expression } => expression_pieces(expression, pieces),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_pieces(argument, pieces);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_chooses_and_banmian_lang_comes_first() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("BANMIAN_LANG", "zh-CN"), ("LC_ALL", "en_US")])),
            Lang::Zh
        );
        // Set but empty: the next one decides.
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "zh_TW.UTF-8")])),
            Lang::Zh
        );
    }

    #[test]
    fn both_files_parse_whole() {
        for (lang, tag, _) in FILES {
            assert_eq!(FILES[lang as usize].0, lang, "FILES in the order of Lang");
            assert_eq!(parse_errors(lang), Vec::<String>::new(), "{tag}");
        }
    }

    #[test]
    fn each_message_is_in_both_languages_with_the_same_arguments_and_once() {
        let (en, zh) = (ids(Lang::En), ids(Lang::Zh));
        assert_eq!(en, zh, "the two files list other ids, or in another order");
        for (i, id) in en.iter().enumerate() {
            assert!(!en[..i].contains(id), "{id} twice");
            assert_eq!(
                arguments(Lang::En, id),
                arguments(Lang::Zh, id),
                "{id}: other arguments"
            );
            // Chinese words, or at least Chinese punctuation (`{ $page }：{ $summary }`), or
            // nothing but arguments (`{ $what }`, whose words are other messages').
            let said = words(Lang::Zh, id);
            let chinese = |c: char| {
                ('\u{4e00}'..='\u{9fff}').contains(&c)
                    || ('\u{3000}'..='\u{303f}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)
            };
            let bare = words(Lang::En, id).trim().is_empty();
            assert!(
                said.chars().any(chinese) || bare,
                "{id} is not in Chinese: {said}"
            );
        }
    }

    /// Chinese has one plural category, `other`: a `[one]` (or `[few]`…) variant in zh-CN is
    /// never chosen, and the count 1 gets the plural's words ("第 3 这 1 个版"). An exact
    /// number, `[1]`, is what it means.
    #[test]
    fn chinese_messages_choose_by_exact_numbers_not_by_plural_categories() {
        let text = FILES[Lang::Zh as usize].2;
        for category in ["[zero]", "[one]", "[two]", "[few]", "[many]"] {
            assert!(!text.contains(category), "zh-CN uses {category}");
        }
    }

    #[test]
    fn a_message_is_filled_in_by_name_and_counts_choose_words() {
        let page = [("page", Arg::from("a.yaml"))];
        assert_eq!(say(Lang::Zh, "no-page", &page), "a.yaml：没有这个版面文件");
        assert_eq!(say(Lang::En, "no-page", &page), "a.yaml: no such page file");
        let n = |n: usize| [("n", (&ArgOf(&n)).into_arg())];
        let refused = |lang, count| say(lang, "strict-refused", &n(count));
        assert!(refused(Lang::En, 1).ends_with("has 1 warning:"));
        assert!(refused(Lang::En, 3).ends_with("has 3 warnings:"));
        assert!(refused(Lang::Zh, 1).ends_with("有 1 条警告："));
        // Text stays text: a path is not a number, "07" keeps its zero.
        let folio = (&&ArgOf(&"07")).into_arg();
        assert_eq!(
            say(Lang::En, "page-number", &[("number", folio)]),
            "page 07"
        );
    }
}
