//! Reads `seeds/`, validates it with the core's own model, and writes the encoded dataset that
//! `src/data.rs` embeds. A bad seed fails the build with the file, the record and the problem.

#[allow(dead_code, unused_imports)]
#[path = "src/core/mod.rs"]
mod core;

use core::model::{Dataset, Document};
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=seeds");
    println!("cargo::rerun-if-changed=src/core");
    let seeds = Path::new("seeds");
    let dataset = match load(seeds) {
        Ok(d) => d,
        Err(errors) => {
            for e in &errors {
                println!("cargo::error={e}");
            }
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = postcard::to_allocvec(&dataset).expect("the model serialises");
    fs::write(out.join("dataset.bin"), bytes).expect("OUT_DIR is writable");
}

fn load(dir: &Path) -> Result<Dataset, Vec<String>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| vec![format!("{}: cannot list: {e}", dir.display())])?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::read_to_string(&path) {
            Ok(body) => {
                let id = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let title = body.lines().next().unwrap_or_default().trim().to_string();
                documents.push(Document { id, title, body });
            }
            Err(e) => errors.push(format!("{}: cannot read: {e}", path.display())),
        }
    }
    if errors.is_empty() {
        Ok(Dataset { documents })
    } else {
        Err(errors)
    }
}
