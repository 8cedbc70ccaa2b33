//! Many sources, one fact: the reports fixture (`tests/fixtures/reports/`, invented documents)
//! settles into what each source says, revisions and disagreements; bad reports fail the build
//! naming the file, the record and the problem.

use sco_explorer::core::model::{Dataset, Disputed};
use sco_explorer::core::{source, testing, validate};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports")
}

fn data() -> Dataset {
    testing::load(&dir()).dataset
}

#[test]
fn each_fact_keeps_every_source_and_says_what_changed() {
    let data = data();
    // (fact, documents oldest first, current status, current date, revised, disputes)
    let check =
        |id: &str, docs: &[&str], status: &str, date: &str, revised: bool, disputes: &[&str]| {
            let f = data.facts.iter().find(|f| f.id == id).expect(id);
            let got_docs: Vec<&str> = f
                .reports
                .iter()
                .map(|r| data.documents[r.doc as usize].id.as_str())
                .collect();
            let got_disputes: Vec<String> = f
                .disputes
                .iter()
                .map(|d| {
                    let on = if d.on == Disputed::Date {
                        "date"
                    } else {
                        "status"
                    };
                    let by: Vec<&str> = d
                        .reports
                        .iter()
                        .map(|&i| {
                            data.documents[f.reports[i as usize].doc as usize]
                                .id
                                .as_str()
                        })
                        .collect();
                    format!("{on}: {}", by.join(" vs "))
                })
                .collect();
            assert_eq!(
                (
                    got_docs.as_slice(),
                    f.status.slug(),
                    f.date.when.iso(),
                    f.revised,
                    got_disputes
                ),
                (
                    docs,
                    status,
                    date.to_string(),
                    revised,
                    disputes.iter().map(ToString::to_string).collect::<Vec<_>>()
                ),
                "{id}"
            );
        };
    // A plan, its outcome, and a later account that disagrees on the start day.
    check(
        "northwind-2018",
        &["r1_plan", "r2_outcome", "r3_account"],
        "happened",
        "2018-08-22..2018-08-29",
        true,
        &["date: r2_outcome vs r3_account"],
    );
    // A year, refined to a month, then corroborated: three sources, nothing revised.
    check(
        "kestrel-2016",
        &["r1_plan", "r2_outcome", "r3_account"],
        "happened",
        "2016-09",
        false,
        &[],
    );
    // Held and still planned, as of the same month: a contradiction, never resolved.
    check(
        "harbour-talks-2019",
        &["r4_talks", "r5_talks"],
        "planned",
        "2019-04",
        false,
        &["status: r4_talks vs r5_talks"],
    );
    // Every report's quotes are the fact's evidence, so search and the reader see them.
    let nw = data
        .facts
        .iter()
        .find(|f| f.id == "northwind-2018")
        .expect("fact");
    assert_eq!(nw.evidence.len(), 3);
    // Each report keeps its own word.
    let words: Vec<(&str, String)> = nw
        .reports
        .iter()
        .map(|r| (r.status.slug(), r.date.when.iso()))
        .collect();
    assert_eq!(
        words,
        [
            ("planned", "2018-09".to_string()),
            ("in-progress", "2018-08-22..2018-08-29".to_string()),
            ("happened", "2018-08-24..2018-08-29".to_string()),
        ]
    );
}

/// The fixture with one file edited, validated: every message.
fn errors(file: &str, edit: impl Fn(&str) -> String) -> Vec<String> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir())
        .expect("fixture")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
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

#[test]
fn bad_reports_fail_naming_file_record_and_problem() {
    fn check(file: &str, edit: impl Fn(&str) -> String, expect: &[&str]) {
        assert_eq!(errors(file, edit), expect, "editing {file}");
    }
    check("r1_plan.toml", |t| t.to_string(), &[]);
    // A report on a fact nobody introduced.
    check(
        "r3_account.toml",
        |t| t.replacen("fact = \"kestrel-2016\"", "fact = \"kestrel-2015\"", 1),
        &[
            "r3_account.toml: report on `kestrel-2015`: reports on `kestrel-2015`, which no [[fact]] introduces",
        ],
    );
    // A second report from the same document.
    check(
        "r2_outcome.toml",
        |t| t.replacen("fact = \"kestrel-2016\"", "fact = \"northwind-2018\"", 1),
        &[
            "r2_outcome.toml: report on `northwind-2018`: document `r2_outcome` already reports on this fact: one report per document",
        ],
    );
    // A quote that states a month its report's date does not cover.
    check(
        "r2_outcome.toml",
        |t| t.replacen("date = \"2016-09\"", "date = \"2016-08\"", 1),
        &[
            "r2_outcome.toml: report on `kestrel-2016`: a quote says \u{201c}September 2016\u{201d}, which the date 2016-08 does not cover: correct the date or the quote",
        ],
    );
    // A quote from another document.
    check(
        "r5_talks.toml",
        |t| t.replacen("are still planned for", "are still expected for", 1),
        &[
            "r5_talks.toml: report on `harbour-talks-2019`: quote not found in document `r5_talks`: \u{ab}The harbour talks are still expected for April 2019.\u{bb}",
        ],
    );
    // The same fact introduced twice: the message says how a second document speaks of it.
    check(
        "r4_talks.toml",
        |t| {
            format!(
                "{t}\n[[fact]]\nid = \"kestrel-2016\"\nkind = \"exercise\"\ntitle = \"K\"\nsummary = \"s\"\nstatus = \"happened\"\nquotes = [\"The harbour talks were held\"]\n"
            )
        },
        &[
            "r4_talks.toml: fact `kestrel-2016`: id is already used in r1_plan.toml; for another document's word on the same fact, write a [[report]] with fact = this id",
        ],
    );
}
