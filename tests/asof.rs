//! The sources as they stood on a date (`asof=`), on the reports fixture
//! (`tests/fixtures/reports/`, invented documents that plan, revise and dispute): before the
//! first later document a fact is as its first document gave it; after, as both settle it; a
//! fact no document had reported yet is absent, from search, the documents and the cards.

use sco_explorer::core::asof::steps;
use sco_explorer::core::catalog::Catalog;
use sco_explorer::core::model::DocIx;
use sco_explorer::core::model::{iso_day as day_iso, parse_iso_day as parse_day};
use sco_explorer::core::route::Route;
use sco_explorer::core::search::RecordRef;
use sco_explorer::core::sources::document_time;
use sco_explorer::core::testing;
use sco_explorer::core::view::{self, CardView};
use std::path::Path;

fn cat() -> &'static Catalog<'static> {
    testing::catalog(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports"))
}

/// A fact's status, its sources' documents and whether it is revised, as its card gives them.
fn fact_as_of(cat: &'static Catalog<'static>, id: &str) -> Option<(String, Vec<String>, bool)> {
    match view::card(cat, id) {
        CardView::Fact(f) => Some((
            f.status.to_string(),
            f.sources.iter().map(|s| s.doc_id.clone()).collect(),
            f.badges.iter().any(|b| b == "revised"),
        )),
        CardView::NotYet { .. } => None,
        other => panic!("{id}: {other:?}"),
    }
}

/// The first day of a document, by id.
fn first_day(cat: &Catalog<'_>, doc: &str) -> i32 {
    let d = &cat.data.documents[cat.doc(doc).expect(doc) as usize];
    document_time(d).expect("dated").0
}

#[test]
fn a_plan_revised_into_an_outcome_reads_as_planned_before_the_later_document_and_held_after() {
    let today = cat();
    // Every fact with more than one source, revised by a later document: the data decides.
    let revised: Vec<_> = today.data.facts.iter().filter(|f| f.revised).collect();
    assert!(!revised.is_empty(), "the fixture revises a fact");
    for f in revised {
        let reports = f.reports();
        let docs: Vec<&str> = reports
            .iter()
            .map(|r| today.data.documents[r.doc as usize].id.as_str())
            .collect();
        let second = first_day(today, docs[1]);
        // The day before the first later document: one source, its own word.
        let before = today.as_of(second - 1);
        let (status, sources, revised) = fact_as_of(before, &f.id).expect("reported by then");
        assert_eq!(sources, [docs[0]], "{}", f.id);
        assert_eq!(status, reports[0].status.label(), "{}", f.id);
        assert!(!revised);
        // Once every document is written: as today.
        let last = docs
            .iter()
            .map(|d| first_day(today, d))
            .max()
            .expect("dated");
        let after = today.as_of(last);
        let (status, sources, revised) = fact_as_of(after, &f.id).expect("reported");
        assert_eq!(sources, docs, "{}", f.id);
        assert_eq!(status, f.status.label(), "{}", f.id);
        assert!(revised);
        assert_eq!(
            format!("{:?}", view::card(after, &f.id)),
            format!("{:?}", view::card(today, &f.id)),
            "as of its last document a fact is as today"
        );
    }
}

#[test]
fn before_any_document_nothing_exists_and_each_step_adds_what_its_documents_report() {
    let today = cat();
    let days = steps(today.data);
    assert!(days.len() >= 2);
    let earliest = today.as_of(days[0] - 1);
    assert_eq!(
        earliest.search("").hits.len(),
        0,
        "no record before the first document"
    );
    assert_eq!(view::documents(earliest, 100).1, 0);
    let mut seen = 0;
    for &d in &days {
        let c = today.as_of(d);
        let facts: Vec<&str> = (0..today.data.facts.len())
            .filter(|&i| c.shows(RecordRef::Fact(i as u32)))
            .map(|i| today.data.facts[i].id.as_str())
            .collect();
        // Exactly the facts some document written by then reports.
        for (i, f) in today.data.facts.iter().enumerate() {
            let reported = f.reports().iter().any(|r| {
                document_time(&today.data.documents[r.doc as usize]).is_some_and(|(a, _)| a <= d)
            });
            assert_eq!(
                c.shows(RecordRef::Fact(i as u32)),
                reported,
                "{} on {}",
                f.id,
                day_iso(d)
            );
        }
        assert!(facts.len() >= seen, "facts only come, never go");
        seen = facts.len();
        // The documents listed are those written by then, and search finds only what exists.
        let (_, written) = view::documents(c, 100);
        let expected = (0..today.data.documents.len())
            .filter(|&i| document_time(&today.data.documents[i]).is_some_and(|(a, _)| a <= d))
            .count();
        assert_eq!(written, expected);
        let results = view::results(c, &Route::default(), 1000, &[]);
        assert!(
            results
                .items
                .iter()
                .all(|it| c.shows(c.record(&it.id).expect("a record")))
        );
        assert!(
            (0..today.data.documents.len()).all(|i| c.shows_doc(i as DocIx)
                == (document_time(&today.data.documents[i]).is_some_and(|(a, _)| a <= d)))
        );
    }
    assert_eq!(
        seen,
        today.data.facts.len(),
        "by the last document, every fact"
    );
    // A link's day reads back as the same day.
    assert_eq!(parse_day(&day_iso(days[0])), Some(days[0]));
}
