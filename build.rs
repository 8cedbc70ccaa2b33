//! Reads `seeds/`, validates it with the core's own model, builds the search index, and writes
//! the encoded bundle (dataset + index) that `src/data.rs` embeds. A bad seed fails the build with the file, the record and the problem.
//!
//! `SCO_SYNTH=N` swaps the seeds for a synthetic dataset of N facts (fixed seed) that goes
//! through the same validation and encoding, for benchmarks and scale tests.
//! `SCO_SEEDS=DIR` reads another seeds folder (the browser tests' hostile-input fixture).

#[allow(dead_code, unused_imports)]
#[path = "src/core/mod.rs"]
mod core;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    let seeds = env::var("SCO_SEEDS").unwrap_or_else(|_| "seeds".into());
    println!("cargo::rerun-if-changed={seeds}");
    println!("cargo::rerun-if-changed=src/core");
    println!("cargo::rerun-if-env-changed=SCO_SYNTH");
    println!("cargo::rerun-if-env-changed=SCO_SEEDS");
    // Tests over the real data read the folder that was embedded, whichever it is.
    let abs = fs::canonicalize(&seeds).unwrap_or_else(|_| PathBuf::from(&seeds));
    println!("cargo::rustc-env=SCO_SEEDS_DIR={}", abs.display());

    let synth = env::var("SCO_SYNTH").ok().filter(|s| !s.trim().is_empty());
    let source = match &synth {
        Some(n) => match n.trim().parse::<usize>() {
            Ok(n) => core::synth::generate(n, core::synth::SEED),
            Err(_) => fail(&[format!("SCO_SYNTH={n:?} is not a number of facts")]),
        },
        None => core::source::load_dir(Path::new(&seeds)).unwrap_or_else(|errors| fail(&errors)),
    };
    for id in &source.drafting {
        println!(
            "cargo::warning={seeds}/{id}.txt is left out: its annotations are still a draft \
             ({id}.toml.draft); rename it to {id}.toml once every TODO is decided"
        );
    }
    let validated = core::validate::validate(&source).unwrap_or_else(|errors| fail(&errors));
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = core::bundle::encode(validated.dataset);
    fs::write(out.join("bundle.bin"), bytes).expect("OUT_DIR is writable");
}

/// Prints every problem as a cargo error (file, record, problem) and stops the build.
fn fail<E: std::fmt::Display>(errors: &[E]) -> ! {
    for e in errors {
        println!("cargo::error={}", e.to_string().replace('\n', " "));
    }
    println!(
        "cargo::error={} problem(s) in the seeds; nothing was embedded",
        errors.len()
    );
    process::exit(1);
}
