//! Enforces the core's invariant: nothing under `src/core/` names a browser crate or reaches into
//! the browser-facing modules or the embedded bytes.

use std::fs;
use std::path::{Path, PathBuf};

/// Paths the core must never name. `crate::data` is here too: the core is handed a dataset.
const FORBIDDEN: &[&str] = &[
    "yew",
    "web_sys",
    "web-sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "crate::ui",
    "crate::web",
    "crate::publish",
    "crate::data",
];

/// Returns the first forbidden name used in code (comments are skipped: prose may name them).
fn first_violation(source: &str) -> Option<&'static str> {
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        for name in FORBIDDEN {
            let bytes = code.as_bytes();
            let mut from = 0;
            while let Some(at) = code[from..].find(name) {
                let start = from + at;
                let end = start + name.len();
                let before_ok = start == 0 || !is_ident(bytes[start - 1]);
                let after_ok = end == bytes.len() || !is_ident(bytes[end]);
                if before_ok && after_ok {
                    return Some(name);
                }
                from = end;
            }
        }
    }
    None
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/core is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn nothing_under_core_imports_the_browser() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"),
        &mut files,
    );
    assert!(files.len() > 1, "found the core's files");
    let bad: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let text = fs::read_to_string(f).expect("readable");
            first_violation(&text).map(|n| format!("{} names `{n}`", f.display()))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "the core must stay browser-free:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checker_catches_what_it_should_and_nothing_else() {
    fn check(source: &str, expect: Option<&str>) {
        assert_eq!(first_violation(source), expect, "{source:?}");
    }
    check("use yew::prelude::*;", Some("yew"));
    check("let w = web_sys::window();", Some("web_sys"));
    check("use gloo::timers::Timeout;", Some("gloo"));
    check("#[wasm_bindgen] fn f() {}", Some("wasm_bindgen"));
    check("js_sys::Date::now()", Some("js_sys"));
    check("use crate::data::dataset;", Some("crate::data"));
    check("// yew renders this elsewhere", None);
    check("let yewish = 1; let gloomy = 2;", None);
    check("use crate::core::model::Dataset;", None);
}
