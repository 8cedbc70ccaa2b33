//! Reads a seeds folder from disk: document texts (`*.txt`) and annotation files (`*.toml`).
//! Host only: the build script and host tools use it; the app is handed the encoded result.

use crate::core::raw::{RawFile, RawSource};
use crate::core::validate::{Problem, ValidationError};
use std::fs;
use std::path::{Path, PathBuf};

/// Parses one annotation file. `path` is only used to name the file in errors.
pub fn parse_file(path: &str, text: &str) -> Result<RawFile, ValidationError> {
    let mut file: RawFile = toml::from_str(text).map_err(|e| ValidationError {
        file: path.to_string(),
        record: None,
        problem: Problem::Parse(e.to_string().trim().replace('\n', "\n    ")),
    })?;
    file.path = path.to_string();
    Ok(file)
}

/// Loads every `*.txt` and `*.toml` in `dir`, sorted by name. An annotation file whose stem
/// equals a document's stem annotates that document (its plain quotes come from it).
pub fn load_dir(dir: &Path) -> Result<RawSource, Vec<ValidationError>> {
    let listing_error = |e: std::io::Error| {
        vec![ValidationError {
            file: dir.display().to_string(),
            record: None,
            problem: Problem::Parse(e.to_string()),
        }]
    };
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(listing_error)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut src = RawSource::default();
    let mut errors = Vec::new();
    let mut tomls = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let read = |p: &Path| {
            fs::read_to_string(p).map_err(|e| ValidationError {
                file: shown.clone(),
                record: None,
                problem: Problem::Parse(e.to_string()),
            })
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => match read(&path) {
                Ok(body) => src.documents.push((stem, body)),
                Err(e) => errors.push(e),
            },
            Some("toml") => match read(&path) {
                Ok(text) => tomls.push((shown, stem, text)),
                Err(e) => errors.push(e),
            },
            _ => {}
        }
    }
    for (shown, stem, text) in tomls {
        match parse_file(&shown, &text) {
            Ok(mut file) => {
                file.doc = src
                    .documents
                    .iter()
                    .any(|(id, _)| *id == stem)
                    .then_some(stem);
                src.files.push(file);
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
