//! Fuzzing with proptest, bounded so it runs in every test run: random edits of the real seed
//! files never panic validation (so never `build.rs`): they pass, or they fail with messages
//! that name a file. Run longer with `PROPTEST_CASES=20000 cargo test --release --test fuzz`.

use proptest::prelude::*;
use sco_explorer::core::raw::RawSource;
use sco_explorer::core::{source, validate};
use std::fs;
use std::path::Path;

/// The seed files as text: (file name, contents), documents and annotations alike.
fn seed_texts() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut out: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).expect("text"),
            )
        })
        .collect();
    out.sort();
    out
}

/// Builds a raw source from texts, as `source::load_dir` would from files.
fn build(texts: &[(String, String)]) -> Result<RawSource, Vec<validate::ValidationError>> {
    let mut src = RawSource::default();
    let mut errors = Vec::new();
    for (name, text) in texts.iter().filter(|(n, _)| n.ends_with(".txt")) {
        src.documents
            .push((name.trim_end_matches(".txt").to_string(), text.clone()));
    }
    for (name, text) in texts.iter().filter(|(n, _)| n.ends_with(".toml")) {
        match source::parse_file(&format!("seeds/{name}"), text) {
            Ok(mut f) => {
                let stem = name.trim_end_matches(".toml");
                f.doc = src
                    .documents
                    .iter()
                    .any(|(id, _)| id == stem)
                    .then(|| stem.to_string());
                src.files.push(f);
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(src)
    } else {
        Err(errors)
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
}

/// Text that tends to break parsers and validators.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("]]".to_string()),
        Just("\n[[fact]]\nid = \"x\"\n".to_string()),
        Just("\n[[entity]]\nid = \"pakistan\"\nkind = \"state\"\nname = \"P\"\ndescription = \"d\"\n".to_string()),
        Just("date = \"2019-02-30\"\n".to_string()),
        Just("date = \"2020..2010\"\n".to_string()),
        Just("certainty = \"inferred\"\n".to_string()),
        Just("\u{202e}\u{200d}\u{1F642}".to_string()),
        Just("quotes = [{ doc = \"nope\", text = \"\" }]\n".to_string()),
        "\\PC{0,12}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), nasty()).prop_map(|(at, text)| Edit::Insert { at, text }),
        any::<usize>().prop_map(|line| Edit::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
    ]
}

/// The nearest char boundary at or before `at` (modulo the length).
fn boundary(s: &str, at: usize) -> usize {
    let mut i = if s.is_empty() { 0 } else { at % (s.len() + 1) };
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, e: &Edit) {
    match e {
        Edit::Delete { at, len } => {
            let a = boundary(text, *at);
            let b = boundary(text, (a + len).min(text.len()));
            text.replace_range(a..b.max(a), "");
        }
        Edit::Insert { at, text: t } => {
            let a = boundary(text, *at);
            text.insert_str(a, t);
        }
        Edit::DuplicateLine { line } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let i = line % lines.len();
            lines.insert(i, lines[i]);
            *text = lines.join("\n");
        }
        Edit::SwapLines { a, b } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            *text = lines.join("\n");
        }
    }
}

proptest! {
    #[test]
    fn random_edits_of_the_seeds_never_panic_validation(file in any::<usize>(), edits in prop::collection::vec(edit(), 1..5)) {
        let mut texts = seed_texts();
        let i = file % texts.len();
        for e in &edits {
            apply(&mut texts[i].1, e);
        }
        let outcome = build(&texts).and_then(|src| validate::validate(&src));
        if let Err(errors) = outcome {
            prop_assert!(!errors.is_empty());
            for e in errors {
                let msg = e.to_string();
                prop_assert!(msg.starts_with("seeds/"), "every problem names its file: {}", msg);
            }
        }
    }
}

#[test]
fn the_unedited_seeds_pass_through_the_same_path() {
    let src = build(&seed_texts()).expect("parses");
    validate::validate(&src).expect("validates");
}
