//! Entry point: in the browser it starts the app; on the host it is a small command line over the
//! same core, for curators and CI:
//!
//! - `sco-explorer coverage [DIR]`: validates `DIR` (default `seeds`) and prints the coverage
//!   report; exits 1 when something is unexplained or invalid.
//! - `sco-explorer draft FILE.txt [SEEDS]`: copies a new document into `seeds/` under its id
//!   (unless it is there already) and writes `seeds/<id>.toml.draft`, a first annotation file
//!   (see `core::draft`); never touches a `.toml`. Builds leave the document out until the
//!   draft is renamed.
//! - `sco-explorer id FILE.txt [SEEDS]`: the id a new document takes: the next `NNN_` in
//!   `seeds/` and 16 hex digits fingerprinting its text.
//! - `sco-explorer publish DIR`: finishes a built site in `DIR` (the post-build step runs it):
//!   the embedded dataset as files in `DIR/data/` (`facts.csv`, `facts.json` and its JSON
//!   Schema, `entities.csv`, `documents.csv`), and every page drawn by the app's components
//!   (`index.html` itself, `timeline/`, `table/`, `documents/`, `card/<id>/`, `doc/<id>/`; see
//!   `core::page` and `publish`) inside `DIR/index.html`'s head, `robots.txt`, and with
//!   `SCO_SITE_URL` set, absolute links and `sitemap.xml`.
//! - `sco-explorer show ID [--asof YYYY-MM-DD] [--seeds DIR]`: a record as the sources settle it,
//!   today or as of a date, as text (`core::view::card_text`).
//! - `sco-explorer stats`: what the embedded dataset holds.
//! - `sco-explorer records`: the embedded records as JSON lines of exactly the fields the search
//!   index uses, for the benchmark's peer libraries (MiniSearch, FlexSearch).

/// Every command: (name, usage, what it does). `help` lists them; `COMMAND --help` says one.
#[cfg(not(target_arch = "wasm32"))]
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "coverage",
        "coverage [DIR]",
        "validate DIR (default seeds) and list what no fact, entity or ignore covers, and prose a newer record makes stale; exits 1 when something is unexplained or invalid",
    ),
    (
        "draft",
        "draft FILE.txt [SEEDS]",
        "copy a new document into SEEDS (default seeds) and draft its annotations as <id>.toml.draft",
    ),
    (
        "id",
        "id FILE.txt [SEEDS]",
        "the id a new document takes in SEEDS (default seeds)",
    ),
    (
        "show",
        "show ID [--asof YYYY-MM-DD] [--seeds DIR]",
        "a fact or entity as the sources in DIR (default seeds) settle it, today or as of a date: every sentence with its document",
    ),
    (
        "publish",
        "publish DIR",
        "finish a built site in DIR: data files, every page, robots.txt (build it first)",
    ),
    (
        "stats",
        "stats",
        "what the embedded dataset holds (the default command)",
    ),
    (
        "records",
        "records",
        "the embedded records as JSON lines, for the benchmark's peers",
    ),
    ("help", "help", "this list"),
];

/// What `help` prints: every command, one line each.
#[cfg(not(target_arch = "wasm32"))]
fn help() -> String {
    let mut out = String::from("usage: cargo run -- COMMAND (COMMAND --help says more)\n\n");
    for (_, usage, what) in COMMANDS {
        out.push_str(&format!("  {usage:<44} {what}\n"));
    }
    out
}

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
    // `COMMAND --help` (or -h) anywhere says what that command takes, and runs nothing.
    if let Some(cmd) = args.first()
        && args[1..].iter().any(|a| a == "--help" || a == "-h")
    {
        match COMMANDS.iter().find(|c| c.0 == cmd) {
            Some((_, usage, what)) => {
                println!("usage: cargo run -- {usage}\n\n{what}");
                return;
            }
            None => {
                eprint!("unknown command {cmd:?}\n\n{}", help());
                exit(2);
            }
        }
    }
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
        Some("draft") => {
            let Some(path) = args.get(1).map(Path::new) else {
                eprintln!("usage: draft FILE.txt [SEEDS_DIR]");
                exit(2);
            };
            let seeds = Path::new(args.get(2).map_or("seeds", String::as_str));
            match draft(path, seeds) {
                Ok(msg) => println!("{msg}"),
                Err(msg) => {
                    eprintln!("{msg}");
                    exit(1);
                }
            }
        }
        Some("id") => {
            let Some(path) = args.get(1).map(Path::new) else {
                eprintln!("usage: id FILE.txt [SEEDS_DIR]");
                exit(2);
            };
            let seeds = Path::new(args.get(2).map_or("seeds", String::as_str));
            match std::fs::read_to_string(path) {
                Ok(text) => println!("{}", next_id(seeds, &text)),
                Err(e) => {
                    eprintln!("cannot read {}: {e}", path.display());
                    exit(1);
                }
            }
        }
        Some("publish") => {
            let Some(dir) = args.get(1).map(Path::new) else {
                eprintln!("usage: publish DIR (a built site, with its index.html)");
                exit(2);
            };
            match publish(dir) {
                Ok(msg) => println!("{msg}"),
                Err(msg) => {
                    eprintln!("{msg}");
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
                let join = |f: Field| by_field[f as usize].join(" \n ");
                // The result card as ours draws it, for the benchmark's same-card peer.
                let it = sco_explorer::core::view::plain_item(data, r);
                let plain = |segs: &[sco_explorer::core::view::Seg]| {
                    segs.iter().map(|s| s.text.as_str()).collect::<String>()
                };
                let card = serde_json::json!({
                    "kind": it.kind, "kindSlug": it.kind_slug, "fact": it.is_fact,
                    "title": plain(&it.title), "snippet": plain(&it.snippet),
                    "status": it.status, "statusSlug": it.status_slug,
                    "date": it.date.as_ref().map(|d| serde_json::json!({
                        "text": d.text, "iso": d.iso, "inferred": d.inferred,
                    })),
                    "sources": it.sources, "badges": it.badges,
                });
                let line = serde_json::json!({
                    "id": r.id(data),
                    "name": join(Field::Name),
                    "alias": join(Field::Alias),
                    "role": join(Field::Role),
                    "linked": join(Field::Linked),
                    "kind": join(Field::Kind),
                    "summary": join(Field::Summary),
                    "quote": join(Field::Quote),
                    "card": card,
                });
                let _ = writeln!(out, "{line}");
            }
        }
        Some("show") => match show(&args[1..]) {
            Ok(text) => print!("{text}"),
            Err((code, msg)) => {
                eprint!("{msg}");
                exit(code);
            }
        },
        Some("help" | "--help" | "-h") => print!("{}", help()),
        Some(other) => {
            eprint!("unknown command {other:?}\n\n{}", help());
            exit(2);
        }
    }
}

/// `show ID [--asof YYYY-MM-DD] [--seeds DIR]`: the record's card as text, from the folder as
/// it stands (validated as the build would), today or as of the date. An error is (exit code,
/// message): 2 for a malformed call, 1 for an invalid folder or an unknown id.
#[cfg(not(target_arch = "wasm32"))]
fn show(args: &[String]) -> Result<String, (i32, String)> {
    use sco_explorer::core::{search::index::Index, source, validate, view};
    let usage = || {
        (
            2,
            "usage: show ID [--asof YYYY-MM-DD] [--seeds DIR]\n".to_string(),
        )
    };
    let (mut id, mut day, mut seeds) = (None, None, "seeds".to_string());
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--asof" => {
                let v = rest.next().ok_or_else(usage)?;
                day =
                    Some(sco_explorer::core::model::parse_iso_day(v).ok_or_else(|| {
                        (2, format!("--asof {v:?} is not a day: give YYYY-MM-DD\n"))
                    })?);
            }
            "--seeds" => seeds = rest.next().ok_or_else(usage)?.clone(),
            _ if id.is_none() && !a.starts_with('-') => id = Some(a.clone()),
            _ => return Err(usage()),
        }
    }
    let id = id.ok_or_else(usage)?;
    let validated = source::load_dir(std::path::Path::new(&seeds))
        .and_then(|src| validate::validate(&src))
        .map_err(|errs| (1, format!("{}\n", listed(&errs))))?;
    let data: &'static _ = Box::leak(Box::new(validated.dataset));
    let index: &'static _ = Box::leak(Box::new(Index::build(data)));
    let today: &'static _ = Box::leak(Box::new(sco_explorer::core::catalog::Catalog::new(
        data, index,
    )));
    let cat = day.map_or(today, |d| today.as_of(d));
    let card = view::card(cat, &id);
    let head = match day {
        Some(d) => format!(
            "As of {} (only documents written by then count):\n\n",
            sco_explorer::core::model::day_words(d)
        ),
        None => String::new(),
    };
    let text = format!("{head}{}", view::card_text(&card));
    match card {
        view::CardView::NotFound { .. } => Err((1, text)),
        _ => Ok(text),
    }
}

/// Drafts the annotations of the document at `path` against the folder `seeds`. A text
/// outside `seeds` is copied in first, under the next document id; one already there keeps
/// its name. Either way the document is left out of builds until its draft becomes a `.toml`.
/// Says what it wrote.
#[cfg(not(target_arch = "wasm32"))]
fn draft(path: &std::path::Path, seeds: &std::path::Path) -> Result<String, String> {
    use sco_explorer::core::{draft, source, validate};
    if path.extension().is_none_or(|e| e != "txt") {
        return Err(format!("{} is not a .txt document", path.display()));
    }
    let body = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let canonical = |p: &std::path::Path| std::fs::canonicalize(p).ok();
    let inside = path.parent().and_then(canonical).is_some()
        && path.parent().and_then(canonical) == canonical(seeds);
    let mut msg = String::new();
    let id = if inside {
        path.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string()
    } else {
        let id = next_id(seeds, &body);
        let copy = seeds.join(format!("{id}.txt"));
        if copy.exists() {
            return Err(format!("{} exists already", copy.display()));
        }
        std::fs::write(&copy, &body)
            .map_err(|e| format!("cannot write {}: {e}", copy.display()))?;
        msg.push_str(&format!("copied the text to {}\n", copy.display()));
        id
    };
    let out = seeds.join(format!("{id}.toml.draft"));
    // The folder as it stands, without this document (which has no annotations yet).
    let mut src = source::load_dir(seeds).map_err(|errs| listed(&errs))?;
    src.documents.retain(|(d, _)| *d != id);
    src.files.retain(|f| f.doc.as_deref() != Some(id.as_str()));
    let known = validate::validate(&src).map_err(|errs| {
        format!(
            "the other files in {} must be valid first:\n{}",
            seeds.display(),
            listed(&errs)
        )
    })?;
    let d = draft::draft(&known.dataset, &id, &body);
    std::fs::write(&out, &d.toml).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    msg.push_str(&format!(
        "wrote {}: {} new facts, {} reports on existing facts, {} descriptions to give, {} unknown names, {} ignores\n\
         until it is renamed {id}.toml, builds leave {id}.txt out (and say so)",
        out.display(),
        d.facts,
        d.reports,
        d.descriptions,
        d.entities,
        d.ignores
    ));
    if let Err(why) = validate::is_document_id(&id) {
        msg.push_str(&format!(
            "\nnote: {id} is not a document id ({why}); rename both files to what \
             `cargo run -- id {}` prints",
            path.display()
        ));
    }
    if seeds.join(format!("{id}.toml")).exists() {
        msg.push_str(&format!("\nnote: {id}.toml exists and was left as it is"));
    }
    Ok(msg)
}

#[cfg(not(target_arch = "wasm32"))]
fn listed(errs: &[sco_explorer::core::validate::ValidationError]) -> String {
    errs.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes the dataset files and the pages into the built site `dir`. Says what it wrote.
#[cfg(not(target_arch = "wasm32"))]
fn publish(dir: &std::path::Path) -> Result<String, String> {
    use sco_explorer::core::{export, page};
    let data = sco_explorer::data::dataset();
    let site = page::Site::new(std::env::var("SCO_SITE_URL").ok().as_deref())?;
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| {
        format!(
            "cannot read {}: {e} (publish finishes a built site: build it first, e.g. `trunk build`)",
            index.display()
        )
    })?;
    let started = std::time::Instant::now();
    let write = |path: &str, text: &str| -> Result<(), String> {
        let to = dir.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&to, text).map_err(|e| format!("cannot write {}: {e}", to.display()))
    };
    for (name, text) in export::dataset_files(data) {
        write(&format!("{}{name}", export::DATA_DIR), &text)?;
    }
    // Each page is written as soon as it is drawn, so the site is never held in memory.
    let pages = sco_explorer::publish::site_into(
        sco_explorer::data::catalog(),
        &html,
        &site,
        &mut |path, text| write(&path, &text),
    )
    .map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(format!(
        "published into {} in {:.1} s (peak memory {}): the dataset in data/ ({} facts), {pages} pages, {}",
        dir.display(),
        started.elapsed().as_secs_f64(),
        peak_memory(),
        data.facts.len(),
        match &site.url {
            Some(u) => format!("404.html, sitemap.xml, feed.xml and robots.txt for {u}"),
            None => {
                "404.html and robots.txt (no SCO_SITE_URL: relative links, no sitemap, no feed)"
                    .into()
            }
        }
    ))
}

/// The process's peak resident memory, as Linux counts it (`VmHWM`), for `publish` to say what
/// it took; "unknown" elsewhere.
#[cfg(not(target_arch = "wasm32"))]
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let kb: u64 = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()?;
            Some(format!("{} MB", kb / 1024))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// The id a new document takes: one more than the highest `NNN_` in `dir`, then the
/// first 16 hex digits of the text's 64-bit FNV-1a hash (a fingerprint, not a security measure).
#[cfg(not(target_arch = "wasm32"))]
fn next_id(dir: &std::path::Path, text: &str) -> String {
    let next = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.get(..3)?
                .parse::<u32>()
                .ok()
                .filter(|_| name.get(3..4) == Some("_"))
        })
        .max()
        .map_or(0, |n| n + 1);
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{next:03}_{hash:016x}")
}
