//! Entry point: in the browser it starts the app; on the host it is a small command line over the
//! same core, for curators and CI:
//!
//! - `sco-explorer coverage [DIR]`: validates `DIR` (default `seeds`) and prints the coverage
//!   report; exits 1 when something is unexplained or invalid.
//! - `sco-explorer stats`: what the embedded dataset holds.

#[cfg(target_arch = "wasm32")]
fn main() {
    sco_explorer::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use sco_explorer::core::{coverage, source, validate};
    use std::path::Path;
    use std::process::exit;

    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("coverage") => {
            let dir = args.get(1).map_or("seeds", String::as_str);
            let validated =
                source::load_dir(Path::new(dir)).and_then(|src| validate::validate(&src));
            match validated {
                Ok(v) => {
                    let report = coverage::report(&v.dataset, &v.ignores);
                    print!("{report}");
                    exit(if report.is_clean() { 0 } else { 1 });
                }
                Err(errors) => {
                    for e in &errors {
                        eprintln!("{e}");
                    }
                    exit(1);
                }
            }
        }
        Some("stats") | None => {
            let data = sco_explorer::data::dataset();
            println!(
                "embedded: {} documents, {} entities, {} facts, {} mentions ({} bytes encoded)",
                data.documents.len(),
                data.entities.len(),
                data.facts.len(),
                data.mentions.len(),
                sco_explorer::data::encoded_len()
            );
        }
        Some(other) => {
            eprintln!("unknown command {other:?}; try `coverage [DIR]` or `stats`");
            exit(2);
        }
    }
}
