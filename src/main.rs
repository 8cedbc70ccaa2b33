//! Entry point: in the browser it starts the app; on the host it is a small command line over the
//! same core, for curators and CI:
//!
//! - `sco-explorer coverage [DIR]`: validates `DIR` (default `seeds`) and prints the coverage
//!   report; exits 1 when something is unexplained or invalid.
//! - `sco-explorer stats`: what the embedded dataset holds.
//! - `sco-explorer records`: the embedded records as JSON lines of exactly the fields the search
//!   index uses, for the benchmark's peer libraries (MiniSearch, FlexSearch).

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
        Some("records") => {
            use sco_explorer::core::search::{Field, RecordRef, fields};
            use std::io::Write;
            let data = sco_explorer::data::dataset();
            let out = std::io::stdout();
            let mut out = std::io::BufWriter::new(out.lock());
            for rec in 0..(data.facts.len() + data.entities.len()) as u32 {
                let r = RecordRef::of(data, rec);
                let mut by_field: [Vec<&str>; 7] = Default::default();
                for (f, text) in fields(data, r) {
                    by_field[f as usize].push(text);
                }
                let join = |f: Field| json_string(&by_field[f as usize].join(" \n "));
                let _ = writeln!(
                    out,
                    "{{\"id\":{},\"name\":{},\"alias\":{},\"role\":{},\"linked\":{},\"kind\":{},\"summary\":{},\"quote\":{}}}",
                    json_string(r.id(data)),
                    join(Field::Name),
                    join(Field::Alias),
                    join(Field::Role),
                    join(Field::Linked),
                    join(Field::Kind),
                    join(Field::Summary),
                    join(Field::Quote),
                );
            }
        }
        Some(other) => {
            eprintln!("unknown command {other:?}; try `coverage [DIR]`, `stats` or `records`");
            exit(2);
        }
    }
}

/// A JSON string literal (the host tool has no JSON dependency; this is all it needs).
#[cfg(not(target_arch = "wasm32"))]
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
