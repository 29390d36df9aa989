//! Bad input: a clear message naming file, line and column, exit status 1, and no output
//! written (an existing PDF is left as it was).

use std::path::Path;

use crate::support::*;

/// Builds `yaml` over an existing output file and checks the failure is reported as promised.
fn assert_rejected(name: &str, yaml: &str, expected: &[&str]) -> String {
    let project = TempProject::new(name, yaml);
    assert_fails_cleanly(&project, expected)
}

fn assert_fails_cleanly(project: &TempProject, expected: &[&str]) -> String {
    let pdf = project.root.join("out.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 previous good PDF").unwrap();
    let out = project.build(&pdf);
    let message = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit status; stderr:\n{message}"
    );
    for needle in expected {
        assert!(
            message.contains(needle),
            "expected `{needle}` in:\n{message}"
        );
    }
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        b"%PDF-1.7 previous good PDF",
        "output was overwritten"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&project.root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    message
}

#[test]
fn malformed_yaml_names_line_and_column() {
    let yaml = MINIMAL_PAGE.replace("headline: 测试标题", "headline: [unclosed");
    assert_rejected("malformed", &yaml, &["page.yaml:", "error:", "hint:"]);
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let yaml = MINIMAL_PAGE.replace("caption:", "captoin:");
    let message = assert_rejected(
        "unknown-key",
        &yaml,
        &["unknown field `captoin`", "did you mean `caption`?"],
    );
    assert!(
        message.contains("page.yaml:16:9:"),
        "line of the misspelt key:\n{message}"
    );
}

#[test]
fn wrong_type_is_explained() {
    let yaml = MINIMAL_PAGE.replace("page: 1", "page: first");
    assert_rejected(
        "wrong-type",
        &yaml,
        &["page.yaml:5:", "invalid type", "hint:"],
    );
}

#[test]
fn missing_image_points_at_its_line() {
    let yaml = MINIMAL_PAGE.replace("photo-1.jpg", "no-such-photo.jpg");
    assert_rejected(
        "missing-image",
        &yaml,
        &["page.yaml:15:15:", "no-such-photo.jpg", "not found"],
    );
}

#[test]
fn image_outside_the_project_is_refused() {
    let yaml = MINIMAL_PAGE.replace("images/photo-1.jpg", "../../../../../../../etc/hostname");
    assert_rejected(
        "escape",
        &yaml,
        &["page.yaml:15:15:", "outside the project root"],
    );
}

#[test]
fn duplicate_section_numbers_are_caught() {
    let second = "  - number: 1\n    head: [重复]\n    body: |\n      文字。\n";
    let yaml = format!("{MINIMAL_PAGE}{second}");
    assert_rejected(
        "duplicate",
        &yaml,
        &["page.yaml:17:13:", "section number 1 is used twice"],
    );
}

/// A project whose page uses a template with a syntax error (an unclosed parenthesis on its
/// line 2).
fn broken_template(name: &str) -> TempProject {
    let project = TempProject::new(name, MINIMAL_PAGE);
    let broken = "#let template(page) = {\n  text(size: 10pt, page.headline\n}\n";
    std::fs::write(project.root.join("layout/templates/broken.typ"), broken).unwrap();
    std::fs::copy(
        repo().join("layout/templates/feature.yaml"),
        project.root.join("layout/templates/broken.yaml"),
    )
    .unwrap();
    let yaml = MINIMAL_PAGE.replace("template: feature", "template: broken");
    std::fs::write(project.page(), yaml).unwrap();
    project
}

#[test]
fn template_syntax_error_shows_the_template_source() {
    let project = broken_template("template-error");
    assert_fails_cleanly(
        &project,
        &[
            "error: internal error in banmian, please report it",
            "layout/templates/broken.typ:2:",
        ],
    );
}

#[test]
fn colour_is_asked_for_or_left_out_and_no_color_is_honoured() {
    let project = broken_template("template-error-colour");
    let pdf = project.root.join("out.pdf");
    let escapes = |extra: &[&str]| {
        let out = project.build_with(&pdf, extra);
        assert_eq!(out.status.code(), Some(1));
        stderr(&out).contains('\u{1b}')
    };
    assert!(escapes(&["--color", "always"]), "no colour when asked for");
    assert!(!escapes(&["--color", "never"]));
    // Not a terminal: no colour by default.
    assert!(!escapes(&[]));
}

#[test]
fn the_version_names_typst() {
    let out = banmian(&["--version"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("banmian ") && said.contains("(typst 0.15"),
        "{said}"
    );
}

#[test]
fn completions_print_for_each_shell() {
    for (shell, mark) in [
        ("bash", "_banmian()"),
        ("zsh", "#compdef banmian"),
        ("fish", "complete -c banmian"),
    ] {
        let out = banmian(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            script.contains(mark) && script.contains("ink-map"),
            "{shell}: {script:.200}"
        );
    }
    assert_eq!(banmian(&["completions", "cmd.exe"]).status.code(), Some(2));
}

#[test]
fn help_names_the_file_each_command_writes_by_default() {
    for (command, default) in [
        ("build", "out/<page>.<format>"),
        ("watch", "out/<page>.proof.pdf"),
        ("diff", "out/<page>-diff.pdf"),
    ] {
        let out = banmian(&[command, "--help"]);
        assert!(out.status.success());
        let help = String::from_utf8_lossy(&out.stdout);
        let output = help.split("--output <OUT>").nth(1).unwrap_or_default();
        let output = output.split("\n      --").next().unwrap_or_default();
        assert!(output.contains(default), "{command} -o: {output}");
    }
}

#[test]
fn five_independent_mistakes_get_five_messages_from_one_check_in_file_order() {
    // Two unknown keys (serde alone stops at the first), a date that is none, a page 0 and
    // a key misspelt under a photo, with the value of one unknown key spread over lines.
    let yaml = MINIMAL_PAGE
        .replace("folio:\n", "folio:\n  edtion: 一\n")
        .replace("  date: 2024-01-15", "  date: 2024-02-30")
        .replace("  page: 1", "  page: 0")
        .replace(
            "headline: 测试标题\n",
            "headline: 测试标题\nnotes:\n  - 一\n  - 二\n",
        )
        .replace("        caption: 图片说明。", "        captoin: 图片说明。");
    let project = TempProject::new("five-mistakes", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1), "{report:#}");
    let lines: Vec<(u64, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let wanted = [
        (3, "unknown field `edtion`"),
        (5, "`2024-02-30` is not a date"),
        (6, "page number 0 is not a page"),
        (8, "unknown field `notes`"),
        (20, "unknown field `captoin`"),
    ];
    for (line, text) in wanted {
        assert!(
            lines.iter().any(|(l, m)| *l == line && m.contains(text)),
            "{text} at line {line}: {lines:#?}"
        );
    }
    // In file order, and nothing more: the misspelt caption is read as the caption it
    // means, so it is not reported missing too.
    assert!(lines.windows(2).all(|w| w[0].0 <= w[1].0), "{lines:#?}");
    assert_eq!(lines.len(), 5, "{lines:#?}");
}

#[test]
fn many_mistakes_are_shown_fifty_at_a_time_and_counted_all_in_json() {
    // 40 sections, each without head or text: 80 mistakes.
    let sections: String = (1..=40)
        .map(|i| format!("  - number: {i}\n    head: [\"\"]\n    body: \" \"\n"))
        .collect();
    let yaml = format!(
        "template: feature\nfolio:\n  paper: 测试报\n  date: 2024-01-15\n  page: 1\nheadline: 测试\nsections:\n{sections}"
    );
    let project = TempProject::new("many-mistakes", &yaml);
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    assert_eq!(
        report["findings"].as_array().unwrap().len(),
        80,
        "{report:#}"
    );
    let said = stderr(&project.run("check", &[]));
    assert_eq!(said.matches("error: ").count(), 50, "{said}");
    assert!(said.contains("… and 30 more mistakes"), "{said}");
    // In file order: the fiftieth shown is section 25's missing text.
    assert!(said.contains("section 25 has no body text"), "{said}");
    assert!(!said.contains("section 26 has no head"), "{said}");
}

#[test]
fn each_error_shows_its_line_with_a_caret_under_the_place_and_the_fix() {
    // A quoted date that is none, a key misspelt after Chinese text (two columns a
    // character) and a key misspelt under a photo.
    let yaml = MINIMAL_PAGE
        .replace("  date: 2024-01-15", "  date: \"2024-02-30\"")
        .replace(
            "headline: 测试标题\n",
            "headline: 测试标题\nlead_photo: {caption: 导图说明, fiel: images/photo-1.jpg}\n",
        )
        .replace("        caption: 图片说明。", "        captoin: 图片说明。");
    let project = TempProject::new("caret-excerpts", &yaml);
    let pdf = project.root.join("out.pdf");
    let message = stderr(&project.build(&pdf));
    let expected = [
        "page.yaml:4:9: `2024-02-30` is not a date\n  │\n4 │   date: \"2024-02-30\"\n  │         ^^^^^^^^^^^^\n  hint: write dates",
        &format!(
            "page.yaml:7:29: lead_photo: unknown field `fiel`, expected one of `file`, `caption`, `credit`, `focus`, `crop`, `span`\n  │\n7 │ lead_photo: {{caption: 导图说明, fiel: images/photo-1.jpg}}\n  │ {}^^^^\n  hint: did you mean `file`?\n",
            " ".repeat(32)
        ),
        "page.yaml:17:9: sections[0].photos[0]: unknown field `captoin`",
        "\n   │\n17 │         captoin: 图片说明。\n   │         ^^^^^^^\n  hint: did you mean `caption`?\n17 │         caption: 图片说明。\n   │         ~~~~~~~\n",
    ];
    for text in expected {
        assert!(message.contains(text), "expected\n{text}\nin:\n{message}");
    }
    // The JSON report carries the line and the fix as data.
    let (code, report) = project.check();
    assert_eq!(code, Some(1));
    let findings = report["findings"].as_array().unwrap();
    let caption = findings
        .iter()
        .find(|f| f["line"] == 17)
        .unwrap_or_else(|| panic!("{report:#}"));
    assert_eq!(caption["excerpt"], "        captoin: 图片说明。");
    assert_eq!(
        caption["fix"],
        serde_json::json!({ "line": 17, "column": 9, "replace": "captoin", "with": "caption" })
    );
}

#[test]
fn quiet_says_only_errors() {
    let dir = scratch("quiet");
    let pdf = dir.join("sample.pdf");
    // The sample builds with a warning and an ink line: quiet, not a word.
    let out = banmian(&["build", "-q", "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "", "quiet build said something");
    assert!(pdf.exists());
    // A page with mistakes still says them all.
    let project = TempProject::new(
        "quiet-errors",
        &MINIMAL_PAGE.replace("  page: 1", "  page: 0"),
    );
    let out = project.build_with(&project.root.join("out.pdf"), &["--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("page number 0 is not a page"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_json_carries_its_version_whether_the_page_builds_or_not() {
    let good = TempProject::new("json-version-good", MINIMAL_PAGE);
    let (code, report) = good.check();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["version"], 1);
    let bad = TempProject::new(
        "json-version-bad",
        &MINIMAL_PAGE.replace("template: feature", "template: featrue"),
    );
    let (code, report) = bad.check();
    assert_eq!(code, Some(1));
    assert_eq!(report["version"], 1, "{report:#}");
}

#[test]
fn unknown_template_lists_the_known_ones() {
    let yaml = MINIMAL_PAGE.replace("template: feature", "template: featrue");
    assert_rejected(
        "unknown-template",
        &yaml,
        &["page.yaml:1:11:", "did you mean `feature`?"],
    );
}

#[test]
fn usage_error_exits_with_2() {
    let out = banmian(&["build", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(Path::new(env!("CARGO_BIN_EXE_banmian")).exists());
}
