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
    // The draft command marks what a person must decide as "TODO: the question"; a file
    // renamed to .toml with one left is refused, once, with the first question.
    if let Some((line, question)) = text.lines().enumerate().find_map(|(i, l)| {
        let at = l.find("\"TODO:")?;
        let rest = &l[at + 6..];
        Some((
            i + 1,
            rest[..rest.find('"').unwrap_or(rest.len())]
                .trim()
                .to_string(),
        ))
    }) {
        return Err(ValidationError {
            file: path.to_string(),
            record: None,
            problem: Problem::TodoLeft { line, question },
        });
    }
    Ok(file)
}

/// Loads every `*.txt` and `*.toml` in `dir`, sorted by name: see [`load_files`].
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
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "toml")))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::read_to_string(&path) {
            Ok(text) => files.push((path.display().to_string(), text)),
            Err(e) => errors.push(ValidationError {
                file: path.display().to_string(),
                record: None,
                problem: Problem::Parse(e.to_string()),
            }),
        }
    }
    // A document whose annotations are still a draft is left out, so that the draft command
    // (which needs a build) can run while the curator decides.
    let has = |name: String| dir.join(name).exists();
    let mut drafting = Vec::new();
    files.retain(|(path, _)| {
        let p = Path::new(path);
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let draft_only = p.extension().is_some_and(|e| e == "txt")
            && has(format!("{stem}.toml.draft"))
            && !has(format!("{stem}.toml"));
        if draft_only {
            drafting.push(stem.to_string());
        }
        !draft_only
    });
    let loaded = load_files(&files).map(|mut src| {
        src.drafting = drafting;
        src
    });
    match loaded {
        Ok(src) if errors.is_empty() => Ok(src),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// Builds a raw source from files given as (path, text), in that order: documents (`*.txt`)
/// and annotation files (`*.toml`). An annotation file whose stem equals a document's stem
/// annotates that document (its plain quotes come from it). Other paths are skipped.
pub fn load_files(files: &[(String, String)]) -> Result<RawSource, Vec<ValidationError>> {
    let stem = |path: &str| {
        Path::new(path)
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    let is =
        |path: &str, ext: &str| Path::new(path).extension().and_then(|e| e.to_str()) == Some(ext);
    let mut src = RawSource::default();
    for (path, text) in files.iter().filter(|(p, _)| is(p, "txt")) {
        src.documents.push((stem(path), text.clone()));
    }
    let mut errors = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| is(p, "toml")) {
        match parse_file(path, text) {
            Ok(mut file) => {
                let stem = stem(path);
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
