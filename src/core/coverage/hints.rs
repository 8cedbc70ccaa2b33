//! What the coverage report suggests beside what it lists: the facts an uncovered date may
//! restate, the entities an uncovered name may be, and curated prose (fact summaries, entity
//! descriptions) that a fact's current view now contradicts.

use crate::core::model::*;
use crate::core::text::fold;

/// The year a document's undated "June" or "31 October" most likely means: the year it was
/// written, else the year of its page date.
pub fn document_year(doc: &Document) -> Option<i32> {
    doc.written
        .when
        .span()
        .map(|(a, _)| civil_from_days(a).0)
        .or_else(|| {
            doc.page_date
                .as_deref()
                .and_then(|p| parse_expression(p, None))
                .map(|p| p.year)
        })
}

/// Up to three facts a date expression may restate: those any report dates within it, the
/// most precisely dated first.
pub fn facts_for_date(data: &Dataset, text: &str, year: Option<i32>) -> Vec<String> {
    let Some(p) = parse_expression(text, year) else {
        return Vec::new();
    };
    let (a, b) = (p.first_day(), p.last_day());
    let mut found: Vec<(i32, &str)> = data
        .facts
        .iter()
        .filter_map(|f| {
            f.report_dates()
                .filter_map(|d| d.when.span())
                .filter(|&(x, y)| x <= b && a <= y)
                .map(|(x, y)| y - x)
                .min()
                .map(|w| (w, f.id.as_str()))
        })
        .collect();
    found.sort_unstable();
    found
        .into_iter()
        .take(3)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// Up to three entities a name may be: one whose name, alias or abbreviation it is but for
/// case (a dateline's "MOSCOW"), then those sharing a word of four letters or more with it.
pub fn entities_for_name(data: &Dataset, text: &str) -> Vec<String> {
    let lower = |s: &str| fold(s).text.to_lowercase();
    let folded = lower(text);
    let words = |s: &str| -> Vec<String> {
        lower(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(String::from)
            .collect()
    };
    let mine = words(text);
    let names = |e: &Entity| {
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.abbreviations)
            .map(|n| lower(n))
            .collect::<Vec<_>>()
    };
    let mut exact: Vec<String> = Vec::new();
    let mut near: Vec<String> = Vec::new();
    for e in &data.entities {
        let ns = names(e);
        if ns.contains(&folded) {
            exact.push(e.id.clone());
        } else if ns.iter().any(|n| words(n).iter().any(|w| mine.contains(w))) {
            near.push(e.id.clone());
        }
    }
    exact.into_iter().chain(near).take(3).collect()
}

/// When prose places an event: before it, during it, or after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Ahead,
    Under,
    Done,
}

fn phase(s: Status) -> Phase {
    match s {
        Status::Planned | Status::Intended => Phase::Ahead,
        Status::InProgress => Phase::Under,
        Status::Happened => Phase::Done,
    }
}

/// Curated prose that says what a fact's latest report no longer does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// E.g. "fact `northwind-2018` summary", "entity `northwind` description".
    pub record: String,
    /// What it says: a status phrase or a date.
    pub says: String,
    /// What the fact's current view is, in words.
    pub now: String,
}

/// What in `prose` (about `f`) its current view contradicts: a status phrase of another phase,
/// or a date expression that does not overlap its date.
fn contradictions(prose: &str, f: &Fact, year: Option<i32>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, p, s) in crate::core::model::phrases::statuses_in(prose) {
        let says = format!("\u{ab}{p}\u{bb}");
        if phase(s) != phase(f.status) && !out.contains(&says) {
            out.push(says);
        }
    }
    if let Some((a, b)) = f.date.when.span() {
        let (dates, _) = super::spotted(prose);
        for d in dates {
            if let Some(p) = parse_expression(&d.text, year)
                && (p.last_day() < a || p.first_day() > b)
            {
                out.push(format!("\u{ab}{}\u{bb}", d.text));
            }
        }
    }
    out
}

/// Whether a sentence (ASCII-lowercased) speaks of fact `f`: it names the fact's title or id,
/// or its series together with a year the fact's reports give (a series alone names every
/// edition).
fn speaks_of(sentence: &str, f: &Fact, series: Option<&str>, years: &[i32]) -> bool {
    sentence.contains(&f.title.to_ascii_lowercase())
        || sentence.contains(&f.id)
        || series.is_some_and(|s| {
            sentence.contains(s) && years.iter().any(|y| sentence.contains(&y.to_string()))
        })
}

/// Summaries and descriptions written before a later report revised their fact: the fact's own
/// summary, and every sentence of an entity's description or another fact's summary that
/// speaks of it (`speaks_of`). Only revised facts are checked (a single report's prose was
/// written from that report). Each finding names the report that made it stale.
pub fn stale_prose(data: &Dataset) -> Vec<Stale> {
    let mut out = Vec::new();
    // Sentences are lowered one by one with ASCII lowercasing, which keeps byte offsets, so
    // what is flagged is sliced from the original text.
    // Each piece of current prose with the document whose word it is: only prose written
    // before a revising report can be stale by it (a later document's word is its own).
    let docs = &data.documents;
    let prose: Vec<(String, &str, Option<DocIx>)> = data
        .entities
        .iter()
        .map(|e| {
            (
                format!("entity `{}` description", e.id),
                e.description.as_str(),
                e.descriptions().last().map(|d| d.doc),
            )
        })
        .chain(data.facts.iter().map(|g| {
            let by = g
                .reports()
                .iter()
                .rev()
                .find(|r| r.summary.is_some())
                .map(|r| r.doc);
            (format!("fact `{}` summary", g.id), g.summary.as_str(), by)
        }))
        .collect();
    for f in data.facts.iter().filter(|f| f.revised) {
        let reports = f.reports();
        let latest_doc = reports.last().map(|r| r.doc);
        let latest = latest_doc.map_or("?", |d| data.documents[d as usize].id.as_str());
        let now = format!(
            "its latest report: {}, {} (report of document `{latest}`)",
            f.status.label().to_lowercase(),
            f.date.when.iso()
        );
        let year = f.date.when.span().map(|(a, _)| civil_from_days(a).0);
        let series = f
            .series
            .map(|s| data.entities[s as usize].name.to_ascii_lowercase());
        let mut years: Vec<i32> = reports
            .iter()
            .filter_map(|r| r.date.when.span())
            .flat_map(|(a, b)| [civil_from_days(a).0, civil_from_days(b).0])
            .collect();
        years.dedup();
        let own = format!("fact `{}` summary", f.id);
        for (record, text, by) in &prose {
            let newer = by.zip(latest_doc).is_some_and(|(b, l)| {
                crate::core::sources::time_key(docs, b) >= crate::core::sources::time_key(docs, l)
            });
            if newer {
                continue;
            }
            let whole = *record == own;
            for sentence in text.split_inclusive(['.', ';']) {
                if !whole
                    && !speaks_of(&sentence.to_ascii_lowercase(), f, series.as_deref(), &years)
                {
                    continue;
                }
                for says in contradictions(sentence, f, year) {
                    out.push(Stale {
                        record: if whole {
                            record.clone()
                        } else {
                            format!("{record} (on `{}`)", f.id)
                        },
                        says,
                        now: now.clone(),
                    });
                }
            }
        }
    }
    out
}

/// Which standings exclude one another: a state is a full member or an observer, party to an
/// agreement or acceding to it; a presidency stands apart.
fn family(s: Standing) -> u8 {
    match s {
        Standing::FullMember | Standing::Observer => 0,
        Standing::AgreementParty | Standing::AccessionInProgress => 1,
        Standing::Presidency => 2,
    }
}

/// Entities whose latest description gives a standing that a fact from a newer document
/// changes: it calls Belarus an observer, and a newer document makes it a full member (or
/// says a standing it names ended). Each finding names both documents.
pub fn stale_standings(data: &Dataset) -> Vec<Stale> {
    use crate::core::model::phrases::standings_in;
    use crate::core::sources::time_key;
    let docs = &data.documents;
    let mut out = Vec::new();
    for f in &data.facts {
        let reports = f.reports();
        let Some(newest) = reports.last().map(|r| r.doc) else {
            continue;
        };
        for m in &f.membership {
            let e = &data.entities[m.who as usize];
            let Some(described) = e.descriptions().last().map(|d| d.doc) else {
                continue;
            };
            if time_key(docs, described) >= time_key(docs, newest) {
                continue;
            }
            let says: Vec<&str> = standings_in(&e.description)
                .into_iter()
                .filter(|&(_, _, s, _)| match m.edge {
                    Edge::End => s == m.standing,
                    Edge::Start | Edge::Holds => family(s) == family(m.standing) && s != m.standing,
                })
                .map(|(_, p, _, _)| p)
                .collect();
            for p in says {
                let edge = match m.edge {
                    Edge::Start => "begins",
                    Edge::End => "ends",
                    Edge::Holds => "holds",
                };
                out.push(Stale {
                    record: format!(
                        "entity `{}` description (document `{}`)",
                        e.id, docs[described as usize].id
                    ),
                    says: format!("\u{ab}{p}\u{bb}"),
                    now: format!(
                        "a newer fact: {} {edge}, {} (fact `{}`, document `{}`); give this document's description in a report",
                        m.standing.label().to_lowercase(),
                        f.date.when.iso(),
                        f.id,
                        docs[newest as usize].id
                    ),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::catalog;
    use std::path::Path;

    fn reports() -> Dataset {
        catalog(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports"))
            .data
            .clone()
    }

    #[test]
    fn prose_a_later_report_contradicts_is_reported() {
        // (summary of the revised fact, an entity's description, what is flagged)
        fn check(summary: &str, description: &str, expect: &[(&str, &str)]) {
            let mut data = reports();
            let f = data
                .facts
                .iter_mut()
                .find(|f| f.id == "northwind-2018")
                .expect("fixture");
            assert!(f.revised, "the fixture revises it: planned, then under way");
            f.summary = summary.to_string();
            let mut e = crate::core::testing::corpus().data.entities[0].clone();
            e.id = "northwind".into();
            e.description = description.to_string();
            data.entities.push(e);
            let got: Vec<(String, String)> = stale_prose(&data)
                .into_iter()
                .map(|s| (s.record, s.says))
                .collect();
            let expect: Vec<(String, String)> = expect
                .iter()
                .map(|(r, s)| (r.to_string(), s.to_string()))
                .collect();
            assert_eq!(got, expect, "{summary:?} / {description:?}");
        }
        check("An invented exercise.", "Runs Northwind 2018.", &[]);
        check(
            "An exercise planned for September 2018.",
            "An invented series.",
            &[
                ("fact `northwind-2018` summary", "\u{ab}planned\u{bb}"),
                (
                    "fact `northwind-2018` summary",
                    "\u{ab}September 2018\u{bb}",
                ),
            ],
        );
        // Text before the title whose full lowercase is longer ("İ" becomes two characters)
        // must not shift where the fact's sentence is read.
        let dotted = format!(
            "{} hosted it. Northwind 2018 will take place in September 2018.",
            "İ".repeat(40)
        );
        check(
            "An exercise.",
            &dotted,
            &[
                (
                    "entity `northwind` description (on `northwind-2018`)",
                    "\u{ab}will take place\u{bb}",
                ),
                (
                    "entity `northwind` description (on `northwind-2018`)",
                    "\u{ab}September 2018\u{bb}",
                ),
            ],
        );
        check(
            "An exercise.",
            "Earlier editions were held. Northwind 2018 will take place in September 2018.",
            &[
                (
                    "entity `northwind` description (on `northwind-2018`)",
                    "\u{ab}will take place\u{bb}",
                ),
                (
                    "entity `northwind` description (on `northwind-2018`)",
                    "\u{ab}September 2018\u{bb}",
                ),
            ],
        );
    }

    #[test]
    fn prose_elsewhere_that_speaks_of_a_revised_fact_is_reported_with_the_report_that_did_it() {
        let mut data = reports();
        let fi = data
            .facts
            .iter()
            .position(|f| f.id == "northwind-2018")
            .expect("fixture");
        let other = data
            .facts
            .iter()
            .position(|f| !f.revised)
            .expect("an unrevised fact");
        let other_id = data.facts[other].id.clone();
        data.facts[fi].summary = "An exercise.".into();
        // Another fact's summary: only its sentence that names the revised fact counts.
        data.facts[other].summary =
            "It was planned for May 2017. Northwind 2018 was planned for September 2018.".into();
        // The fact's series, named with a year of its reports in one sentence and without in
        // another (which speaks of every edition, so it is left alone).
        let mut e = crate::core::testing::corpus().data.entities[0].clone();
        e.id = "northwind".into();
        e.name = "Northwind".into();
        e.description =
            "The Northwind drills of 2018 are due in September. Northwind drills are planned each year."
                .into();
        data.entities.push(e);
        data.facts[fi].series = Some((data.entities.len() - 1) as EntityIx);
        let got: Vec<(String, String)> = stale_prose(&data)
            .into_iter()
            .map(|s| (s.record, s.says))
            .collect();
        let on = |r: &str| format!("{r} (on `northwind-2018`)");
        let summary = on(&format!("fact `{other_id}` summary"));
        let description = on("entity `northwind` description");
        assert_eq!(
            got,
            [
                (description.clone(), "\u{ab}are due\u{bb}".to_string()),
                (description, "\u{ab}September\u{bb}".to_string()),
                (summary.clone(), "\u{ab}planned\u{bb}".to_string()),
                (summary, "\u{ab}September 2018\u{bb}".to_string()),
            ]
        );
        // Each finding names the report that made it stale.
        let latest = data.facts[fi]
            .reports()
            .last()
            .map(|r| r.doc)
            .expect("reports");
        let doc = &data.documents[latest as usize].id;
        assert!(
            stale_prose(&data)
                .iter()
                .all(|s| s.now.contains(&format!("`{doc}`")))
        );
    }

    #[test]
    fn uncovered_dates_and_names_suggest_what_they_restate() {
        let data = reports();
        assert_eq!(
            facts_for_date(&data, "August 2018", None),
            ["northwind-2018"]
        );
        assert_eq!(
            facts_for_date(&data, "22 August", Some(2018)),
            ["northwind-2018"]
        );
        assert!(facts_for_date(&data, "March 1999", None).is_empty());
        let corpus = crate::core::testing::corpus().data;
        assert_eq!(entities_for_name(corpus, "BORVIA CITY")[0], "borvia-city");
        assert!(
            entities_for_name(corpus, "Harbour Patrol").contains(&"harbour-shield".to_string())
        );
        assert!(entities_for_name(corpus, "Zyx").is_empty());
    }
}
