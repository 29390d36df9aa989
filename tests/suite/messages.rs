//! Messages in the editor's language (issue 23): every message id the sources use is in the
//! message files (`crates/content/messages/*.ftl`) and every message there is used; `--lang`,
//! `BANMIAN_LANG` and the locale choose English or Chinese.

use std::path::Path;
use std::process::{Command, Output};

use banmian::content::messages::{Lang, ids};

use crate::support::*;

/// Every `.rs` file under `dir` and the serve page's `.html` and `.js`, with its text.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "html" || e == "js")
        {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn every_message_the_sources_say_is_in_the_catalogue_and_every_entry_is_said() {
    let mut files = Vec::new();
    sources(&repo().join("src"), &mut files);
    sources(&repo().join("crates/content/src"), &mut files);
    let known = ids(Lang::En);
    let catalogue = |id: &str| known.contains(&id);
    // `t!("id"` in Rust, `{{id}}` in the page, `say('id'` and `sayInto(x, 'id'` in its script.
    let rust = regex::Regex::new(r#"t!\(\s*"([a-z0-9-]+)""#).unwrap();
    let html = regex::Regex::new(r"\{\{([a-z0-9-]+)\}\}").unwrap();
    let script = regex::Regex::new(r"say(?:Into\([^,]+,|\()\s*'([a-z0-9-]+)'").unwrap();
    let mut missing = Vec::new();
    for (file, text) in &files {
        let used = match file.rsplit('.').next() {
            Some("html") => &html,
            Some("js") => &script,
            _ => &rust,
        };
        let ids = used
            .captures_iter(text)
            .map(|c| c[1].to_string())
            .filter(|id| !matches!(id.as_str(), "lang" | "words"));
        for id in ids {
            if !catalogue(&id) {
                missing.push(format!("{file}: t!(\"{id}\")"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the message files:\n{}",
        missing.join("\n")
    );
    // Each entry is named somewhere outside the catalogue (by t!, passed as an id, in the
    // page or its script).
    let elsewhere: Vec<&(String, String)> = files
        .iter()
        .filter(|(file, _)| !file.ends_with("messages.rs"))
        .collect();
    for id in &known {
        assert!(
            elsewhere.iter().any(|(_, text)| [
                format!("\"{id}\""),
                format!("{{{{{id}}}}}"),
                format!("'{id}'")
            ]
            .iter()
            .any(|said| text.contains(said.as_str()))),
            "`{id}` is in the message files but nothing says it"
        );
    }
}

fn check_in(lang: &[(&str, &str)], args: &[&str], page: &Path) -> Output {
    let fonts = repo().join("fonts");
    let mut command = Command::new(env!("CARGO_BIN_EXE_banmian"));
    command
        .arg("check")
        .arg(page)
        .args(["--font-path", fonts.to_str().unwrap()])
        .args(args)
        .env_remove("BANMIAN_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in lang {
        command.env(name, value);
    }
    command.output().unwrap()
}

#[test]
fn the_locale_or_lang_chooses_english_or_chinese() {
    let project = TempProject::new(
        "messages-lang",
        &MINIMAL_PAGE.replace("template: feature", "template: featrue"),
    );
    let page = project.page();
    let chinese = stderr(&check_in(&[("LANG", "zh_CN.UTF-8")], &[], &page));
    assert!(chinese.contains("错误: "), "{chinese}");
    assert!(chinese.contains("  提示: "), "{chinese}");
    let english = stderr(&check_in(
        &[("LANG", "zh_CN.UTF-8")],
        &["--lang", "en"],
        &page,
    ));
    assert!(
        english.contains("error: ") && english.contains("  hint: "),
        "{english}"
    );
    assert!(!english.contains("错误"), "{english}");
    // BANMIAN_LANG before the locale; no locale at all: English.
    let chosen = stderr(&check_in(
        &[("BANMIAN_LANG", "zh-CN"), ("LC_ALL", "en_US.UTF-8")],
        &[],
        &page,
    ));
    assert!(chosen.contains("错误: "), "{chosen}");
    assert!(stderr(&check_in(&[], &[], &page)).contains("error: "));
    // A language banmian does not speak is a usage error.
    let out = check_in(&[], &["--lang", "fr"], &page);
    assert_eq!(out.status.code(), Some(2));
    // A usage error in the language the command line or the locale asks for.
    let out = check_in(&[("LANG", "zh_CN.UTF-8")], &["--format", "jsno"], &page);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(
        said.contains("错误: `jsno` 不是 `--format <FORMAT>` 可以取的值")
            && said.contains("可以取的值：`text`、`json`"),
        "{said}"
    );
    let out = check_in(&[], &["--lang=zh-CN", "--pdf-standard"], &page);
    assert!(stderr(&out).contains("需要一个值"), "{}", stderr(&out));
}

#[test]
fn an_issue_speaks_chinese_page_by_page() {
    let out = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args([
            "check",
            "content/sample-issue/issue.yaml",
            "--lang",
            "zh-CN",
        ])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("第 6–7 版（通版）："), "{said}");
    assert!(said.contains("已检查 7/7 个版面"), "{said}");
}

#[test]
fn the_commonest_mistakes_are_told_in_either_language() {
    // A misspelt template and key, a date that is none, a page 0, a section without head or
    // text, a photo without caption and one that is not there.
    let yaml = MINIMAL_PAGE
        .replace("template: feature", "template: featrue")
        .replace("2024-01-15", "2024-02-30")
        .replace("  page: 1", "  page: 0")
        .replace("head: [第一部分, 小标题]", "head: [\"\"]")
        .replace(
            "    body: |\n      第一段正文。\n\n      第二段正文。\n",
            "    body: \" \"\n",
        )
        .replace(
            "        caption: 图片说明。",
            "        caption: \"\"\n      - file: images/none.jpg\n        captoin: 说明",
        );
    let project = TempProject::new("messages-top", &yaml);
    let page = project.page();
    let said = |lang: &str| stderr(&check_in(&[("BANMIAN_LANG", lang)], &[], &page));
    let (en, zh) = (said("en"), said("zh-CN"));
    for (english, chinese) in [
        ("no template named `featrue`", "没有名为 `featrue` 的模板"),
        ("did you mean `feature`?", "是不是 `feature`？"),
        ("`2024-02-30` is not a date", "`2024-02-30` 不是日期"),
        ("page number 0 is not a page", "版次 0 不是有效的版次"),
        ("section 1 has no head", "第 1 部分没有小标题"),
        ("section 1 has no body text", "第 1 部分没有正文"),
        (
            "photo `images/photo-1.jpg` has no caption",
            "图片 `images/photo-1.jpg` 没有说明",
        ),
        (
            "image `images/none.jpg` not found",
            "图片 `images/none.jpg` 找不到",
        ),
        ("did you mean `caption`?", "是不是 `caption`？"),
        ("error: ", "错误: "),
    ] {
        assert!(en.contains(english), "`{english}` in:\n{en}");
        assert!(zh.contains(chinese), "`{chinese}` in:\n{zh}");
        assert!(!zh.contains(english), "`{english}` left in English:\n{zh}");
    }
}

/// What is left in English in words said in Chinese: each line holding two English words in
/// a row, outside code (`…`), paths, file names, options, code points, the lines of the page
/// shown under an error and what another program said, quoted as such (`libyaml: …`,
/// `原文：…`).
pub fn english_left(said: &str) -> Vec<String> {
    let code = regex::Regex::new(
        r"`[^`]*`|“[^”]*”|\S*[/\\]\S*|\S+\.[a-z]\S*|--?[a-z][a-z0-9-]*|U\+[0-9A-F]+|(libyaml: |原文：).*",
    )
    .unwrap();
    let phrase = regex::Regex::new(r"\b[A-Za-z]{2,}\b[ ,;:'()]+\b[A-Za-z]{2,}\b").unwrap();
    said.lines()
        // The page's own lines under an error: `12 │ text`, `   │   ^`.
        .filter(|line| {
            !line
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start()
                .starts_with('│')
        })
        .filter(|line| phrase.is_match(&code.replace_all(line, " ")))
        .map(String::from)
        .collect()
}

#[test]
fn english_left_finds_sentences_not_names() {
    assert_eq!(
        english_left("错误: p.yaml:1:2: no such file"),
        ["错误: p.yaml:1:2: no such file"]
    );
    for chinese in [
        "错误: content/p/page.yaml:3:7: 没有名为 `feture feature` 的模板",
        "提示: 用 --draft 生成 PDF",
        "3 │ template: feture",
        "  │           ^^^^^^",
        "第 1 版 U+00A0 JPEG 图片",
        "提示: 请转成 UTF-8：iconv -f GB18030 -t UTF-8 page.yaml > page-utf8.yaml",
        "错误: p.yaml:9:13: YAML 语法错误：这里不能有“键: 值”（libyaml: mapping values are not allowed）",
        "错误: p.yaml:9:13: 图片已损坏（原文：Format error decoding Png）",
    ] {
        assert_eq!(english_left(chinese), Vec::<String>::new(), "{chinese}");
    }
}

/// Every case of the bad-input corpus, run with `--lang zh-CN`: what it says is all Chinese
/// (names, paths, code and the page's own lines aside).
#[test]
fn every_bad_input_is_told_in_chinese() {
    let cases = crate::bad_input::case_files();
    let left = crate::bad_input::each_case(&cases, |case| {
        let (root, page, out) = crate::bad_input::project(case, "bad-input-zh").unwrap();
        let mut args = crate::bad_input::command(case, &root, &page, &out);
        args.extend(["--lang".into(), "zh-CN".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let said = stderr(&banmian(&args));
        english_left(&said)
            .into_iter()
            .map(|line| format!("{}: {line}", case.name))
            .collect()
    });
    assert!(
        left.is_empty(),
        "{} lines still in English:\n{}",
        left.len(),
        left.join("\n")
    );
}

/// Preflight's findings in Chinese: an overset story with what to cut, the counts and the
/// error label, and nothing left in English (the make-up's own account, below its heading,
/// is the make-up's words).
#[test]
fn preflight_findings_are_told_in_chinese() {
    use crate::preflight::{EXACT_FIT, one_story};
    let project = TempProject::new("messages-preflight", &one_story(EXACT_FIT + 30));
    let said = stderr(&check_in(
        &[("BANMIAN_LANG", "zh-CN")],
        &[],
        &project.page(),
    ));
    for chinese in [
        "错误: ",
        "section-1 超版：2 行共 30 个字排不下",
        "从 section-1 删去 2 行（30 个字）",
        "印前检查：1 个错误，0 个警告",
    ] {
        assert!(said.contains(chinese), "`{chinese}` not in:\n{said}");
    }
    let findings = said.split("组版：").next().unwrap_or_default();
    assert_eq!(english_left(findings), Vec::<String>::new(), "{said}");
    let english = stderr(&check_in(&[("BANMIAN_LANG", "en")], &[], &project.page()));
    assert!(
        english.contains("section-1 is overset: 2 lines (30 characters) did not fit"),
        "{english}"
    );
}
