//! The source tree keeps the shape ARCHITECTURE.md gives it: banmian's top-level modules import
//! one another without a cycle, so each step of the pipeline can be read (and tested) with only
//! the steps under it, and the make-up knows no typst.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::repo;

/// `crate::<module>` references of every top-level module of the library, tests left out.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let tops: BTreeSet<String> = std::fs::read_dir(&src)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let name = name
                .strip_suffix(".rs")
                .map_or(name.clone(), str::to_string);
            (!["lib", "main", "cli", "commands"].contains(&name.as_str())).then_some(name)
        })
        .collect();
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    walk(&src, &mut files);
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative.iter().next().unwrap().to_string_lossy();
        let top = top.strip_suffix(".rs").unwrap_or(&top).to_string();
        if !tops.contains(&top) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name != top && tops.contains(&name) {
                imports.entry(top.clone()).or_default().insert(name);
            }
        }
    }
    imports
}

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn top_level_modules_import_without_a_cycle_and_the_makeup_knows_no_typst() {
    let imports = imports();
    // Depth-first: a module reached again while it is being walked closes a cycle.
    fn visit<'a>(
        module: &'a str,
        imports: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if let Some(at) = path.iter().position(|m| *m == module) {
            panic!("import cycle: {} -> {module}", path[at..].join(" -> "));
        }
        if !done.insert(module) {
            return;
        }
        path.push(module);
        for next in imports.get(module).into_iter().flatten() {
            visit(next, imports, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in imports.keys() {
        visit(module, &imports, &mut Vec::new(), &mut done);
    }
    assert!(
        imports["build"].contains("output") && imports["build"].contains("preflight"),
        "the walk read nothing: {imports:?}"
    );
    let mut files = Vec::new();
    walk(&repo().join("src/makeup"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.lines().any(|l| l.starts_with("use typst")),
            "{} uses typst: the make-up takes plain numbers",
            file.display()
        );
    }
}
