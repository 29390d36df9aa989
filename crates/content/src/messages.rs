//! The words banmian says to people, in English and in Chinese (zh-CN), from one table: a
//! message is named by an id and filled in with named arguments, `t!("built", file = …)`.
//! The language is chosen once: `--lang`, else `BANMIAN_LANG`, else the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, the first that is set), else English.
//!
//! Messages move over one at a time: a text still written in place (most of the content
//! check's errors, for now) stays English until it gets an id here. Ids, arguments and both
//! languages are tested against each other and against every `t!` in the sources.

use std::sync::OnceLock;

/// A language banmian speaks.
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

/// Message `id` in the chosen language, `{name}` replaced by each argument's text.
pub fn text(id: &str, args: &[(&str, String)]) -> String {
    fill(message(id, lang()), args)
}

/// The words of message `id` in `lang`. An id not in the table is a bug (the tests find every
/// `t!` id in the sources in it); it is said as the id rather than lost.
pub fn message(id: &str, lang: Lang) -> &'static str {
    CATALOGUE
        .iter()
        .find(|(key, _, _)| *key == id)
        .map_or("", |(_, en, zh)| match lang {
            Lang::En => en,
            Lang::Zh => zh,
        })
}

/// `n` of something, by message `one` for 1 and `many` for any other number (`{n}` in each).
pub fn count(n: usize, one: &str, many: &str) -> String {
    text(if n == 1 { one } else { many }, &[("n", n.to_string())])
}

fn fill(words: &str, args: &[(&str, String)]) -> String {
    let mut out = words.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A message by id, with named arguments: `t!("nothing-written")`,
/// `t!("no-page", page = path.display())`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::messages::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::text($id, &[$((stringify!($name), ($value).to_string())),+])
    };
}

/// Every message: id, English, Chinese. Arguments are `{name}`; both languages use the same.
pub const CATALOGUE: &[(&str, &str, &str)] = &[
    // Labels of the error printer.
    ("error", "error", "错误"),
    ("warning", "warning", "警告"),
    ("hint", "hint", "提示"),
    // Why a command produced nothing (banmian::failure).
    (
        "ink-over",
        "{found}: over the house limit (`ink-limit` in layout/style.typ); darken less, or check the colours of layout/style.typ",
        "{found}：超过本报油墨总量上限（layout/style.typ 中的 `ink-limit`）；请减淡颜色，或检查 layout/style.typ 的配色",
    ),
    (
        "strict-refused",
        "build refused: --strict treats warnings as errors, and the page has {warnings}:",
        "拒绝生成：--strict 把警告当作错误，而本版有{warnings}：",
    ),
    ("one-warning", "{n} warning", " {n} 条警告"),
    ("warnings", "{n} warnings", " {n} 条警告"),
    (
        "cannot-write",
        "cannot write {path}: {error}",
        "无法写入 {path}：{error}",
    ),
    (
        "no-project",
        "no layout/templates/ folder above {page}; run banmian in a project folder or pass --root",
        "{page} 的上级目录中没有 layout/templates/ 文件夹；请在项目文件夹中运行 banmian，或用 --root 指定",
    ),
    (
        "no-page",
        "{page}: no such page file",
        "{page}：没有这个版面文件",
    ),
    (
        "combined-not-written",
        "the combined PDF {output} was not written: page {pages} failed",
        "合订 PDF {output} 没有生成：第 {pages} 版失败",
    ),
    (
        "fix-errors-or-draft",
        "fix the errors above, or build with --draft for a marked proof",
        "请改正上面的错误，或用 --draft 生成带标记的校样",
    ),
    (
        "fix-warnings-or-not-strict",
        "fix the warnings above, or build without --strict",
        "请处理上面的警告，或不加 --strict 生成",
    ),
    (
        "internal-error",
        "internal error in banmian, please report it with the page file: a template failed on this page (the trace below); the page's content is not at fault",
        "banmian 内部错误，请连同版面文件一起报告：模板在本版上出错（见下面的记录）；不是版面内容的问题",
    ),
    ("kind-content", "content errors", "内容错误"),
    ("kind-layout", "layout error", "排版错误"),
    ("kind-preflight", "preflight errors", "印前检查错误"),
    ("kind-ink", "ink over the limit", "油墨超限"),
    (
        "kind-strict",
        "warnings under --strict",
        "--strict 下的警告",
    ),
    ("kind-photo", "photo error", "图片错误"),
    ("kind-refused", "refused", "拒绝执行"),
    ("kind-other", "error", "错误"),
    // The content check's most common mistakes (the rest move over as they are touched).
    ("not-a-date", "`{date}` is not a date", "`{date}` 不是日期"),
    (
        "write-dates",
        "write dates as YYYY-MM-DD, e.g. 2021-09-28",
        "日期写作 YYYY-MM-DD，如 2021-09-28",
    ),
    (
        "not-a-page",
        "page number {number} is not a page",
        "版次 {number} 不是有效的版次",
    ),
    ("pages-from-1", "pages are numbered from 1", "版次从 1 开始"),
    (
        "no-template",
        "no template named `{name}`",
        "没有名为 `{name}` 的模板",
    ),
    (
        "templates-are",
        "templates in layout/templates/: {names}",
        "layout/templates/ 中的模板：{names}",
    ),
    (
        "did-you-mean",
        "did you mean `{best}`?",
        "是不是 `{best}`？",
    ),
    (
        "allowed-keys",
        "allowed keys here: {keys}",
        "这里可以用的键：{keys}",
    ),
    (
        "add-the-field",
        "add the field; see README.md, section \"Content format\"",
        "请加上这个字段；见 README.md 的“Content format”一节",
    ),
    (
        "section-no-head",
        "section {number} has no head",
        "第 {number} 部分没有小标题",
    ),
    (
        "section-no-head-hint",
        "give it `head: [first phrase, second phrase]`",
        "请写上 `head: [第一句, 第二句]`",
    ),
    (
        "section-no-body",
        "section {number} has no body text",
        "第 {number} 部分没有正文",
    ),
    (
        "no-body-hint",
        "write its paragraphs under `body: |`, a blank line between paragraphs",
        "请在 `body: |` 下写正文，段与段之间空一行",
    ),
    (
        "no-caption",
        "photo `{file}` has no caption",
        "图片 `{file}` 没有说明",
    ),
    (
        "no-caption-hint",
        "every photo needs `caption:`",
        "每张图片都要有 `caption:`（图片说明）",
    ),
    ("not-found", "not found", "找不到"),
    (
        "image-missing",
        "image `{file}` {problem} (looked for {path})",
        "图片 `{file}` {problem}（查找位置：{path}）",
    ),
    (
        "image-missing-hint",
        "check the file name; paths are relative to the page's YAML file",
        "请检查文件名；路径相对于本版的 YAML 文件",
    ),
    // The commands.
    (
        "nothing-written",
        "banmian: nothing written; the previous output, if any, is unchanged",
        "banmian：什么也没有写入；原有的输出文件（如有）未被改动",
    ),
    (
        "built",
        "built {files} ({summary}, {kib} KiB) in {seconds} s",
        "已生成 {files}（{summary}，{kib} KiB），用时 {seconds} 秒",
    ),
    (
        "combined-for-an-issue",
        "--combined is for an issue: {page} is a page",
        "--combined 用于一期报纸：{page} 是一个版面",
    ),
    (
        "stdin-needs-output",
        "a page from stdin (-) has no name to name its file after: give -o",
        "从标准输入（-）读入的版面没有文件名可用来命名输出：请用 -o 指定",
    ),
    ("make-up", "make-up:", "组版："),
    (
        "issue-progress",
        "  [{done}/{total}] {page} {what} {seconds} s: {file}",
        "  [{done}/{total}] {page}{what} {seconds} 秒：{file}",
    ),
    ("issue-built-in", "built in", "生成，用时"),
    ("issue-checked-in", "checked in", "检查完毕，用时"),
    ("issue-failed-after", "FAILED after", "失败，用时"),
    (
        "issue-page-built",
        "{page}: built {output} ({summary}, {kib} KiB) in {seconds} s",
        "{page}：已生成 {output}（{summary}，{kib} KiB），用时 {seconds} 秒",
    ),
    (
        "issue-page-checked",
        "{page}: {summary}",
        "{page}：{summary}",
    ),
    ("page-number", "page {number}", "第 {number} 版"),
    (
        "spread-numbers",
        "pages {first}–{second}",
        "第 {first}–{second} 版（通版）",
    ),
    (
        "issue-page-failed",
        "{page}: FAILED ({kind}) — {file}",
        "{page}：失败（{kind}）— {file}",
    ),
    (
        "issue-page-messages",
        "── page {number} ({file}):",
        "── 第 {number} 版（{file}）：",
    ),
    (
        "issue-combined",
        "combined {path} ({kib} KiB)",
        "已合订 {path}（{kib} KiB）",
    ),
    (
        "issue-built-pages",
        "built {done} of {total} pages in {seconds} s",
        "已生成 {done}/{total} 个版面，用时 {seconds} 秒",
    ),
    (
        "issue-checked-pages",
        "checked {done} of {total} pages in {seconds} s",
        "已检查 {done}/{total} 个版面，用时 {seconds} 秒",
    ),
    (
        "issue-failed-pages",
        "; {failed} failed, nothing written for them",
        "；{failed} 个失败，均未写入",
    ),
    (
        "issue-output-is-a-file",
        "-o {dir}: an issue is written to a folder, one file a page; give a folder (and --combined FILE.pdf for one PDF of all pages)",
        "-o {dir}：一期报纸写入一个文件夹，每版一个文件；请给出文件夹（要合订成一个 PDF 请用 --combined FILE.pdf）",
    ),
    (
        "made-page",
        "made {page} (template {template}) and {schema}",
        "已新建 {page}（模板 {template}）和 {schema}",
    ),
    (
        "made-page-next",
        "edit it, then: banmian serve {page}  (live proof) or banmian build {page}",
        "编辑它，然后：banmian serve {page}（实时校样）或 banmian build {page}",
    ),
    (
        "schema-no-project",
        "--template {name}: no project here (no layout/templates/ above this folder); run in a project or pass --root",
        "--template {name}：这里不是项目（上级目录中没有 layout/templates/）；请在项目中运行，或用 --root 指定",
    ),
    (
        "schema-no-template",
        "--template {name}: no such template; the project's templates: {known}",
        "--template {name}：没有这个模板；本项目的模板：{known}",
    ),
    (
        "serve-an-issue",
        "{page} is an issue: serve takes one page (serve the page you are editing; `banmian build` builds the issue)",
        "{page} 是一期报纸：serve 只接受一个版面（请预览正在编辑的版面；整期用 `banmian build` 生成）",
    ),
    (
        "watching",
        "watching {page} → {output} (a proof; Ctrl-C to stop)",
        "正在监视 {page} → {output}（校样；按 Ctrl-C 停止）",
    ),
    (
        "fonts-changed",
        "fonts changed: re-scanned {faces} faces",
        "字体有变化：重新扫描了 {faces} 个字面",
    ),
    (
        "rebuilt",
        "rebuilt {output} in {seconds} s: {summary}",
        "已重新生成 {output}，用时 {seconds} 秒：{summary}",
    ),
    (
        "rebuild-failed",
        "failed after {seconds} s; {output} is unchanged",
        "失败，用时 {seconds} 秒；{output} 未改动",
    ),
    (
        "diff-pages",
        "give OLD.yaml NEW.yaml, or --since ROUND NEW.yaml",
        "请给出 OLD.yaml NEW.yaml，或 --since ROUND NEW.yaml",
    ),
    (
        "diff-wrote",
        "wrote {files}: {changed} boxed in red, {moved} outlined in blue",
        "已写入 {files}：{changed}以红框标出，{moved}以蓝框标出",
    ),
    ("changed-line", "{n} changed line", "{n} 行改动"),
    ("changed-lines", "{n} changed lines", "{n} 行改动"),
    ("moved-block", "{n} moved block", "{n} 块移动"),
    ("moved-blocks", "{n} moved blocks", "{n} 块移动"),
    (
        "nothing-written-diff",
        "banmian: nothing written",
        "banmian：什么也没有写入",
    ),
];

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

    /// The `{name}`s of a text.
    fn arguments(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn each_message_is_in_both_languages_with_the_same_arguments_and_once() {
        for (i, (id, en, zh)) in CATALOGUE.iter().enumerate() {
            assert!(!en.is_empty() && !zh.is_empty(), "{id}");
            assert_eq!(arguments(en), arguments(zh), "{id}");
            // Chinese words, or at least Chinese punctuation (`{page}：{summary}`).
            let chinese = |c: &char| {
                ('\u{4e00}'..='\u{9fff}').contains(c)
                    || ('\u{3000}'..='\u{303f}').contains(c)
                    || ('\u{ff00}'..='\u{ffef}').contains(c)
            };
            assert!(
                zh.chars().any(|c| chinese(&c)),
                "{id} is not in Chinese: {zh}"
            );
            assert!(
                CATALOGUE[..i].iter().all(|(other, _, _)| other != id),
                "{id} twice"
            );
        }
    }

    #[test]
    fn a_message_is_filled_in_by_name() {
        assert_eq!(
            fill(message("no-page", Lang::Zh), &[("page", "a.yaml".into())]),
            "a.yaml：没有这个版面文件"
        );
        assert_eq!(
            fill(message("no-page", Lang::En), &[("page", "a.yaml".into())]),
            "a.yaml: no such page file"
        );
    }
}
