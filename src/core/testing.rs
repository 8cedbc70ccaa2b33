//! Test support (host only): the one loader of seed folders that tests use, cached per folder,
//! so every test reads the real seeds or a fixture corpus the same way.

use crate::core::catalog::Catalog;
use crate::core::search::index::Index;
use crate::core::source;
use crate::core::validate::{self, Validated};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The seeds folder this build embedded (`SCO_SEEDS`, else `seeds/`).
pub fn seeds_dir() -> PathBuf {
    // Set by build.rs for the crate; absent only while build.rs itself compiles this module.
    option_env!("SCO_SEEDS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
        PathBuf::from,
    )
}

/// The fixture corpus under `tests/fixtures/corpus/`: invented documents that exercise every
/// feature, for tests of logic that must not depend on the curated data.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Loads and validates a seeds folder, failing the test with every problem.
pub fn load(dir: &Path) -> Validated {
    let src = source::load_dir(dir).unwrap_or_else(|e| panic!("{}: {e:#?}", dir.display()));
    validate::validate(&src).unwrap_or_else(|e| {
        let all: Vec<String> = e.iter().map(ToString::to_string).collect();
        panic!("{} does not validate:\n{}", dir.display(), all.join("\n"))
    })
}

/// A catalog over a validated folder, loaded once per test binary and kept for its lifetime.
pub fn catalog(dir: &Path) -> &'static Catalog<'static> {
    static LOADED: Mutex<Vec<(PathBuf, &'static Catalog<'static>)>> = Mutex::new(Vec::new());
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, c)) = loaded.iter().find(|(p, _)| p == dir) {
        return c;
    }
    let data = Box::leak(Box::new(load(dir).dataset));
    let index = Box::leak(Box::new(Index::build(data)));
    let cat: &'static Catalog<'static> = Box::leak(Box::new(Catalog::new(data, index)));
    loaded.push((dir.to_path_buf(), cat));
    cat
}

/// The fixture corpus's catalog.
pub fn corpus() -> &'static Catalog<'static> {
    catalog(&corpus_dir())
}

/// The real seeds' catalog (the folder this build embedded).
pub fn seeds() -> &'static Catalog<'static> {
    catalog(&seeds_dir())
}

/// Every validation message for folder `dir` with file `file` edited by `edit` (in memory; the
/// folder is not touched), in order; empty when it validates.
pub fn errors_with_edit(dir: &Path, file: &str, edit: impl Fn(&str) -> String) -> Vec<String> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .map(|p| {
            let name = p
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("text");
            let text = if name == file { edit(&text) } else { text };
            (name, text)
        })
        .collect();
    files.sort();
    match validate::validate(&source::load_files(&files).expect("parses")) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}
