//! Many sources, one fact: the reports fixture (`tests/fixtures/reports/`, invented documents)
//! settles into what each source says, revisions and disagreements; bad reports fail the build
//! naming the file, the record and the problem.

use sco_explorer::core::model::{Dataset, Disputed};
use sco_explorer::core::testing;
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
                .reports()
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
                            data.documents[f.reports()[i as usize].doc as usize]
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
        .reports()
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
    testing::errors_with_edit(&dir(), file, edit)
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
    // A day and month with no year are of the report's year, and checked the same way: an
    // outcome's quote ("opened on 22 August") under a date left as the plan's month.
    check(
        "r2_outcome.toml",
        |t| t.replacen("date = \"2018-08-22..2018-08-29\"", "date = \"2018-09\"", 1),
        &[
            "r2_outcome.toml: report on `northwind-2018`: a quote says \u{201c}22 August\u{201d}, which the date 2018-09 does not cover: correct the date or the quote",
            "r2_outcome.toml: report on `northwind-2018`: a quote says \u{201c}29 August\u{201d}, which the date 2018-09 does not cover: correct the date or the quote",
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

#[test]
fn the_card_shows_each_source_its_own_word_and_every_disputed_value() {
    use sco_explorer::core::view::{CardView, card, citation};
    let cat = testing::catalog(&dir());
    let CardView::Fact(f) = card(cat, "northwind-2018") else {
        panic!("a fact")
    };
    assert_eq!(
        f.badges,
        ["3 sources", "revised", "sources disagree on the date"]
    );
    assert_eq!(
        f.disputes,
        [
            "Sources disagree on the date: \u{201c}Fixture R2: under way\u{201d} says 22\u{2013}29 August 2018; \u{201c}Fixture R3: an account\u{201d} says 24\u{2013}29 August 2018."
        ]
    );
    // Each source as of its own document: the plan stays the plan.
    let says: Vec<(&str, &str, String, bool)> = f
        .sources
        .iter()
        .map(|s| {
            (
                s.doc_id.as_str(),
                s.status,
                s.date.as_ref().map_or(String::new(), |d| d.text.clone()),
                s.latest,
            )
        })
        .collect();
    assert_eq!(
        says,
        [
            ("r1_plan", "Planned", "September 2018".to_string(), false),
            (
                "r2_outcome",
                "In progress",
                "22\u{2013}29 August 2018".to_string(),
                false
            ),
            (
                "r3_account",
                "Held",
                "24\u{2013}29 August 2018".to_string(),
                true
            ),
        ]
    );
    // Quotes stay with their source, numbered as on the card.
    assert_eq!(f.sources[1].evidence[0].n, 2);
    assert_eq!(f.sources[1].evidence[0].doc_id, "r2_outcome");
    // The headline date spans the disputed values, and says why.
    let date = f.date.expect("a date");
    assert_eq!(date.text, "22\u{2013}29 August 2018");
    assert!(
        date.inferred
            .as_deref()
            .is_some_and(|r| r.contains("disagree"))
    );
    // A status contradiction shows both statuses, never one.
    let CardView::Fact(t) = card(cat, "harbour-talks-2019") else {
        panic!("a fact")
    };
    assert_eq!(t.status, "Held or Planned (sources disagree)");
    assert_eq!(
        t.as_of.as_deref(),
        Some("as of the latest source, written May 2019")
    );
    // The citation cites every source.
    let c = citation(cat, "northwind-2018", "L").expect("cites");
    assert!(
        c.contains("Sources: \u{201c}Fixture R1: a plan\u{201d}"),
        "{c}"
    );
    assert!(
        c.contains(
            "; \u{201c}Fixture R3: an account\u{201d}, outlet not stated, page undated. Quotes: "
        ),
        "{c}"
    );
    assert_eq!(c.matches("outlet not stated").count(), 3, "{c}");
}

#[test]
fn the_reader_lists_each_fact_as_that_document_reports_it() {
    use sco_explorer::core::view::document;
    let cat = testing::catalog(&dir());
    let plan = document(cat, "r1_plan", None).expect("doc");
    let nw = plan
        .facts
        .iter()
        .find(|f| f.id == "northwind-2018")
        .expect("listed");
    assert_eq!(
        (
            nw.status,
            nw.date.as_ref().map(|d| d.text.as_str()),
            nw.note.as_deref()
        ),
        (
            "Planned",
            Some("September 2018"),
            Some("a later source says otherwise")
        )
    );
    let account = document(cat, "r3_account", None).expect("doc");
    let nw = account
        .facts
        .iter()
        .find(|f| f.id == "northwind-2018")
        .expect("listed");
    assert_eq!((nw.status, nw.note.as_deref()), ("Held", None));
    // A document that only adds reports lists the facts it reports on.
    let outcome = document(cat, "r2_outcome", None).expect("doc");
    assert_eq!(outcome.facts.len(), 2);
}

#[test]
fn every_report_can_be_searched_for_by_its_words_and_its_date() {
    use sco_explorer::core::search::RecordRef;
    let cat = testing::catalog(&dir());
    let first = |q: &str| {
        let o = cat.search(q);
        o.hits
            .first()
            .map(|h| RecordRef::of(cat.data, h.rec).id(cat.data).to_string())
    };
    // The plan's month, the outcome's month, and a word only the later account uses.
    assert_eq!(first("September 2018").as_deref(), Some("northwind-2018"));
    assert_eq!(first("August 2018").as_deref(), Some("northwind-2018"));
    assert_eq!(first("ended").as_deref(), Some("northwind-2018"));
}

#[test]
fn the_sources_filter_counts_and_narrows() {
    use sco_explorer::core::facets::{Dim, Filters, apply};
    let cat = testing::catalog(&dir());
    let all: Vec<u32> = cat.search("").hits.iter().map(|h| h.rec).collect();
    let run = |set: &[&str]| {
        let mut f = Filters::default();
        for v in set {
            assert!(f.toggle(Dim::Sources, v));
        }
        apply(cat.data, cat.facets(), &all, |r| *r, &f, &[])
    };
    let counts = |got: &sco_explorer::core::facets::Faceted<u32>| -> Vec<(String, usize)> {
        let g = got
            .groups
            .iter()
            .find(|g| g.dim == Dim::Sources)
            .expect("sources");
        g.values.iter().map(|v| (v.key.clone(), v.count)).collect()
    };
    let none = run(&[]);
    assert_eq!(
        counts(&none),
        [
            ("one".into(), 0),
            ("several".into(), 3),
            ("revised".into(), 1),
            ("disputed".into(), 2)
        ]
    );
    assert_eq!(run(&["disputed"]).records.len(), 2);
    assert_eq!(run(&["revised"]).records.len(), 1);
    // Alternatives within the facet.
    assert_eq!(run(&["revised", "disputed"]).records.len(), 2);
}

#[test]
fn the_timeline_draws_the_current_date_an_earlier_ones_ghost_and_disputes() {
    use sco_explorer::core::model::days_from_civil;
    use sco_explorer::core::timeline::{CHAR_W, Viewport, chart, layout, table};
    let cat = testing::catalog(&dir());
    let all: Vec<u32> = cat.search("").hits.iter().map(|h| h.rec).collect();
    let c = chart(cat.data, &all, cat.reach());
    let items: Vec<_> = c.events.iter().flat_map(|l| &l.items).collect();
    let nw = items
        .iter()
        .find(|i| i.card == "northwind-2018")
        .expect("one mark per fact");
    assert_eq!(
        items.iter().filter(|i| i.card == "northwind-2018").count(),
        1
    );
    let day = |y, m, d| f64::from(days_from_civil(y, m, d));
    assert_eq!((nw.start, nw.end), (day(2018, 8, 22), day(2018, 8, 30)));
    assert_eq!(
        nw.ghost,
        Some((day(2018, 9, 1), day(2018, 10, 1))),
        "the plan's month"
    );
    assert!(nw.disputed);
    assert!(
        nw.name
            .ends_with("; 3 sources; revised; sources disagree on the date"),
        "{}",
        nw.name
    );
    let kestrel = items
        .iter()
        .find(|i| i.card == "kestrel-2016")
        .expect("mark");
    assert_eq!(
        (kestrel.ghost, kestrel.disputed),
        (None, false),
        "a refinement is no revision"
    );
    // Laid out, the ghost sits right of the mark in this view, and is drawn.
    let view = Viewport {
        start: day(2018, 6, 1),
        end: day(2018, 12, 1),
    };
    let lay = layout(&c.events, view, 1000.0, c.horizon, CHAR_W);
    let m = lay
        .marks
        .iter()
        .find(|m| m.card == "northwind-2018")
        .expect("laid out");
    let (gx, gw) = m.ghost.expect("a ghost");
    assert!(gx > m.x + m.w - 1.0 && gw > 0.0, "{m:?}");
    assert!(m.disputed);
    // The table says it in words.
    let t = table(cat.data, &c, usize::MAX);
    let row = t
        .years
        .iter()
        .flat_map(|y| &y.rows)
        .find(|r| r.card == "northwind-2018")
        .expect("row");
    let note = row.sources.as_deref().expect("a note");
    assert!(
        note.starts_with("Revised: first reported planned, September 2018."),
        "{note}"
    );
    assert!(note.contains("Sources disagree on the date"), "{note}");
}
