//! The real seeds: they validate, the coverage report is clean, the embedded dataset is what
//! validation produced, and a broken seed fails the build naming the file and the fact.

use sco_explorer::core::model::{Certainty, FactKind, Status, When};
use sco_explorer::core::{coverage, source, testing, validate};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The seeds this build embedded, validated.
fn load() -> validate::Validated {
    testing::load(&testing::seeds_dir())
}

#[test]
fn the_coverage_report_is_clean() {
    let v = load();
    let report = coverage::report(&v.dataset, &v.ignores);
    assert!(report.is_clean(), "{report}");
    assert!(
        report.items.len() > 90,
        "the report looked at the documents: {report}"
    );
}

#[test]
fn the_embedded_dataset_is_the_validated_seeds() {
    assert_eq!(sco_explorer::data::dataset(), &load().dataset);
}

/// A reviewer's list: every fact the first two documents report, with kind, status and date.
/// Facts that later documents add are theirs to list; these two documents' are all here.
/// What the first two documents themselves say of each fact they report: its kind, and that
/// document's own status and date (as of when it was written). A later document that revises
/// a fact adds its own report and changes the settled view, never these, so a curator's
/// revision breaks nothing here.
#[test]
fn every_fact_of_the_first_two_documents_is_present() {
    const FIRST_TWO: [&str; 2] = ["000_05d95eeefa1e2818", "001_5f9b55a6b9e11d19"];
    fn check(id: &str, kind: FactKind, status: Status, date: &str, inferred: bool) {
        let v = load();
        let f = v
            .dataset
            .facts
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("fact {id} is missing"));
        let reports = f.reports();
        let own = reports
            .iter()
            .find(|r| FIRST_TWO.contains(&v.dataset.documents[r.doc as usize].id.as_str()))
            .unwrap_or_else(|| panic!("{id}: no report of the first two documents"));
        assert_eq!(
            (f.kind, own.status, own.date.when.iso().as_str()),
            (kind, status, date),
            "{id}"
        );
        assert_eq!(
            matches!(own.date.certainty, Certainty::Inferred(_)),
            inferred,
            "{id} certainty"
        );
    }
    use FactKind as K;
    use Status as S;
    check(
        "peace-mission-2018",
        K::Exercise,
        S::Planned,
        "2018-09",
        true,
    );
    check(
        "pakistan-to-join-peace-mission-2018",
        K::Statement,
        S::Intended,
        "2018",
        true,
    );
    check(
        "peace-mission-expert-talks-2017",
        K::Meeting,
        S::Happened,
        "2017-11",
        false,
    );
    check(
        "pakistan-india-join-sco",
        K::Membership,
        S::Happened,
        "2017-06",
        false,
    );
    check(
        "peace-mission-2016",
        K::Exercise,
        S::Happened,
        "2016",
        false,
    );
    check("friendship-2016", K::Exercise, S::Happened, "2016", false);
    check("friendship-2017", K::Exercise, S::Happened, "2017", true);
    check(
        "khurram-dastgir-khan-moscow-visit",
        K::Visit,
        S::Planned,
        "2018-04",
        true,
    );
    check(
        "moscow-conference-2018",
        K::Conference,
        S::Planned,
        "2018-04",
        true,
    );
    check(
        "pakistan-seeks-russian-armaments",
        K::Statement,
        S::Intended,
        "unknown",
        false,
    );
    check(
        "pakistan-mi-35m-order",
        K::Procurement,
        S::Happened,
        "2015",
        false,
    );
    check(
        "ewg-7th-meeting",
        K::Meeting,
        S::Happened,
        "2019-10-31..2019-11-01",
        true,
    );
    check(
        "belarus-sco-observer",
        K::Membership,
        S::Happened,
        "2019-10-31..2019-11-01",
        true,
    );
    check(
        "russia-sco-presidency-2020",
        K::Presidency,
        S::Planned,
        "2020",
        false,
    );
    check(
        "sco-cis-csto-defence-meeting-2020",
        K::Meeting,
        S::Planned,
        "2020-06",
        false,
    );
    check(
        "russia-to-invite-sco-states",
        K::Statement,
        S::Intended,
        "2019-10-31..2019-11-01",
        true,
    );
    check("peace-mission-2020", K::Exercise, S::Planned, "2020", false);
    check(
        "joint-exercises-agreement-2007",
        K::Agreement,
        S::Happened,
        "2007-06-27",
        false,
    );
    check(
        "joint-exercises-protocol-enactment",
        K::Agreement,
        S::InProgress,
        "2019-10-31..2019-11-01",
        true,
    );
    check(
        "ewg-to-continue-presentations",
        K::Statement,
        S::Intended,
        "2019-10-31..2019-11-01",
        true,
    );
    let data = load().dataset;
    let first_two: Vec<u32> = data
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| FIRST_TWO.contains(&d.id.as_str()))
        .map(|(i, _)| i as u32)
        .collect();
    let theirs = data
        .facts
        .iter()
        .filter(|f| f.evidence.iter().any(|q| first_two.contains(&q.doc)))
        .count();
    assert_eq!(
        theirs, 20,
        "a new fact of these documents belongs in the list above"
    );
}

#[test]
fn the_page_date_is_kept_apart_from_when_the_text_was_written() {
    let v = load();
    let doc = v
        .dataset
        .documents
        .iter()
        .find(|d| d.id == "000_05d95eeefa1e2818")
        .expect("doc 000");
    assert_eq!(doc.page_date.as_deref(), Some("March 5, 2024"));
    assert!(matches!(doc.written.when, When::Range(a, _) if a.year == 2018));
    assert!(doc.date_note.is_some());
    assert_eq!(
        doc.outlet, None,
        "the page names no outlet, so none is invented"
    );
}

/// Copies the crate to a temporary directory with one document edited.
fn crate_copy_with(edit: impl Fn(&str) -> String) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("seed-edit");
    let _ = fs::remove_dir_all(&dir);
    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).expect("mkdir");
        for entry in fs::read_dir(from).expect("readable") {
            let p = entry.expect("entry").path();
            let t = to.join(p.file_name().expect("name"));
            if p.is_dir() {
                copy(&p, &t)
            } else {
                fs::copy(&p, &t).map(|_| ()).expect("copy")
            }
        }
    }
    fs::create_dir_all(&dir).expect("mkdir");
    for name in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        fs::copy(root.join(name), dir.join(name)).expect("copy");
    }
    copy(&root.join("src"), &dir.join("src"));
    copy(&testing::seeds_dir(), &dir.join("seeds"));
    let doc = dir.join("seeds/000_05d95eeefa1e2818.txt");
    let text = fs::read_to_string(&doc).expect("doc");
    fs::write(&doc, edit(&text)).expect("write");
    dir
}

#[test]
fn editing_a_document_so_a_quote_no_longer_matches_names_the_file_and_fact() {
    let dir = crate_copy_with(|t| t.replace("held in Kyrgyzstan", "held in Kazakhstan"));
    let errors = validate::validate(&source::load_dir(&dir.join("seeds")).expect("loads"))
        .expect_err("must fail");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m
                .contains("000_05d95eeefa1e2818.toml: fact `peace-mission-2016`: quote not found")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("entities.toml: entity `kyrgyzstan`: quote not found")),
        "every problem is reported: {messages:#?}"
    );

    // And the real build fails with that message: run cargo on the edited copy.
    let out = Command::new(env!("CARGO"))
        .args(["check", "--lib", "--offline", "--quiet"])
        .current_dir(&dir)
        .env_remove("SCO_SEEDS")
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("seed-edit-target"),
        )
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build must fail");
    assert!(
        stderr.contains("000_05d95eeefa1e2818.toml: fact `peace-mission-2016`: quote not found in document `000_05d95eeefa1e2818`"),
        "{stderr}"
    );
}

/// `seeds/README.md` is the one field reference: it names every table and field the raw
/// format accepts (read from `src/core/raw.rs`, so a new field fails here until documented)
/// and every value of every kind, status, standing and edge.
#[test]
fn the_field_reference_names_every_field_and_value() {
    use sco_explorer::core::model::{EntityKind, Standing};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = fs::read_to_string(root.join("seeds/README.md")).expect("seeds/README.md");
    let raw = fs::read_to_string(root.join("src/core/raw.rs")).expect("raw.rs");
    let mut names: Vec<String> = Vec::new();
    let mut in_record = false;
    for line in raw.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("pub struct Raw") {
            // RawSource and RawFile are the loader's, not the curator's.
            in_record = !(name.starts_with("Source") || name.starts_with("File"));
        }
        if let Some(table) = line.split("rename = \"").nth(1) {
            names.push(format!("[[{}]]", &table[..table.find('"').unwrap_or(0)]));
        }
        if in_record && let Some(field) = line.strip_prefix("pub ").and_then(|l| l.split_once(':'))
        {
            names.push(field.0.to_string());
        }
    }
    assert!(names.len() > 30, "read the raw format: {names:?}");
    let values = FactKind::ALL
        .map(FactKind::slug)
        .into_iter()
        .chain(EntityKind::ALL.map(EntityKind::slug))
        .chain(Status::ALL.map(Status::slug))
        .chain(Standing::ALL.map(Standing::slug))
        .chain([
            "start",
            "end",
            "holds",
            "stated",
            "inferred",
            "unknown",
            "[document]",
        ])
        .map(String::from);
    let missing: Vec<String> = names
        .into_iter()
        .chain(values)
        .filter(|n| {
            !reference.contains(&format!("`{n}`")) && !reference.contains(&format!("`{n}`:"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "seeds/README.md does not name {missing:?}"
    );
}
