//! Fuzzing with proptest, bounded so it runs in every test run: random edits of the real seed
//! files never panic validation (so never `build.rs`): they pass, or they fail with messages
//! that name a file. Run longer with `PROPTEST_CASES=20000 cargo test --release --test fuzz`.

use proptest::prelude::*;
use sco_explorer::core::raw::RawSource;
use sco_explorer::core::{source, testing, validate};
use std::fs;

/// The seed files this build embedded, as (path, text), documents and annotations alike.
fn seed_texts() -> Vec<(String, String)> {
    let dir = testing::seeds_dir();
    let mut out: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(|e| e.ok())
        // Files only, as `source::load_dir` reads them (a folder of seeds may hold others).
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                format!("seeds/{}", e.file_name().to_string_lossy()),
                fs::read_to_string(e.path()).expect("text"),
            )
        })
        .collect();
    out.sort();
    out
}

/// Loads texts as `source::load_dir` loads files: the same function does both.
fn build(texts: &[(String, String)]) -> Result<RawSource, Vec<validate::ValidationError>> {
    source::load_files(texts)
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
            for e in errors {
                let msg = e.to_string();
                prop_assert!(
                    texts.iter().any(|(path, _)| msg.starts_with(&format!("{path}: "))),
                    "every problem names one of the files it was given: {}", msg
                );
            }
        }
    }
}

#[test]
fn the_unedited_seeds_pass_through_the_same_path() {
    let src = build(&seed_texts()).expect("parses");
    validate::validate(&src).expect("validates");
}
