//! What the sources say of one fact, settled: each document's report in the order the
//! documents were written, the current view, revisions and disagreements. Pure; validation
//! calls it once per fact at build time, so the app only reads the result.
//!
//! The rules:
//! - **Order.** Reports follow their documents' written dates (the start of each `written`
//!   span, then its end); a document with no written date is placed by its page date when the
//!   page gives one in words ("March 5, 2024"), else last, in file order. The latest report
//!   gives the current status.
//! - **Phases.** Planned and intended are *plans*; in progress and held are *outcomes*.
//! - **Refinement, not revision.** A date inside another, more precise (2016, then September
//!   2016), refines it when both reports are of the same phase: the current date is the most
//!   precise one of the latest phase.
//! - **Revision.** A later report whose status or date differs from an earlier one, other than
//!   a refinement or a disagreement: a plan and its outcome, a plan moved, progress reported.
//! - **Disagreement.** Two outcome reports whose dates do not overlap, or whose starts (or ends)
//!   differ at their common precision ("began 22 August" and "began 24 August"); or two reports
//!   written as of the same moment with different statuses; or a plan reported after an
//!   outcome. A later document does not settle a disagreement between accounts of what
//!   happened: both are shown. The current date then spans every disputed value.
//!
//! What the rules settle is said in one set of words here (badges, each disagreement, the
//! headline status, the order of sources), for every screen that shows it.

use crate::core::model::*;

/// A fact's reports settled.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    /// Oldest document first.
    pub reports: Vec<Report>,
    pub status: Status,
    pub date: DateSpec,
    pub revised: bool,
    pub disputes: Vec<Dispute>,
}

fn is_plan(s: Status) -> bool {
    matches!(s, Status::Planned | Status::Intended)
}

/// Where a document sits in time, as day numbers: its written span, or failing that the date
/// its page states in words ("March 5, 2024"); `None` when neither is known. The one rule for
/// "when did this document speak": report order, the feed's dates, `asof`. Validation stores
/// it on the document (`Document::time`); [`document_time`] reads it.
pub fn time_of(d: &Document) -> Option<(i32, i32)> {
    d.written.when.span().or_else(|| {
        let p = crate::core::model::parse_expression(d.page_date.as_deref()?, None)?;
        Some((p.first_day(), p.last_day()))
    })
}

/// When a document speaks from ([`time_of`], as validation stored it).
pub fn document_time(d: &Document) -> Option<(i32, i32)> {
    d.time
}

/// When a report's document was written (`document_time`): for ordering only.
fn placed(docs: &[Document], r: &Report) -> Option<(i32, i32)> {
    docs.get(r.doc as usize).and_then(document_time)
}

/// Where document `doc` sorts among the sources: undated last, then by written span (or page
/// date), then in file order. The one order of a record's reports and descriptions: the last
/// is the latest word.
pub fn time_key(docs: &[Document], doc: DocIx) -> (bool, Option<(i32, i32)>, DocIx) {
    let w = docs.get(doc as usize).and_then(document_time);
    (w.is_none(), w, doc)
}

/// `items` in the order of their documents ([`time_key`]).
fn in_time_order<T>(items: Vec<T>, docs: &[Document], doc: impl Fn(&T) -> DocIx) -> Vec<T> {
    let keys: Vec<_> = items.iter().map(|x| time_key(docs, doc(x))).collect();
    let order = crate::core::order::order_of(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    crate::core::order::permute(items, &order)
}

/// The first (or last) point of a date and its precision.
fn edge(w: When, end: bool) -> Option<Point> {
    match w {
        When::Unknown => None,
        When::Point(p) => Some(p),
        When::Range(a, b) => Some(if end { b } else { a }),
    }
}

/// Two points equal at the coarser of their precisions.
fn same_at_common_precision(a: Point, b: Point) -> bool {
    let p = a.precision().min(b.precision());
    a.year == b.year
        && (p == Precision::Year || a.month == b.month)
        && (p != Precision::Day || a.day == b.day)
}

/// Two known dates that cannot both be right for one event.
fn dates_disagree(a: When, b: When) -> bool {
    let (Some((a0, a1)), Some((b0, b1))) = (a.span(), b.span()) else {
        return false;
    };
    if a0 > b1 || b0 > a1 {
        return true;
    }
    let starts = edge(a, false).zip(edge(b, false));
    let ends = edge(a, true).zip(edge(b, true));
    let ranged = matches!(a, When::Range(..)) && matches!(b, When::Range(..));
    starts.is_some_and(|(x, y)| !same_at_common_precision(x, y))
        || (ranged && ends.is_some_and(|(x, y)| !same_at_common_precision(x, y)))
}

/// `inner` lies within `outer` and is more precise: a refinement.
fn refines(inner: When, outer: When) -> bool {
    match (
        inner.span(),
        outer.span(),
        inner.precision(),
        outer.precision(),
    ) {
        (Some((i0, i1)), Some((o0, o1)), Some(pi), Some(po)) => o0 <= i0 && i1 <= o1 && pi > po,
        _ => false,
    }
}

/// Orders `reports` by their documents' written dates and derives the current view.
pub fn settle(mut reports: Vec<Report>, docs: &[Document]) -> Settled {
    reports = in_time_order(reports, docs, |r| r.doc);

    let mut disputes: Vec<Dispute> = Vec::new();
    let mut add = |on: Disputed, i: usize, j: usize| {
        let (i, j) = (i as u16, j as u16);
        match disputes.iter_mut().find(|d| d.on == on) {
            Some(d) => {
                for x in [i, j] {
                    if !d.reports.contains(&x) {
                        d.reports.push(x);
                    }
                }
                d.reports.sort_unstable();
            }
            None => disputes.push(Dispute {
                on,
                reports: vec![i, j],
            }),
        }
    };
    let mut revised = false;
    for j in 0..reports.len() {
        for i in 0..j {
            let (a, b) = (&reports[i], &reports[j]);
            let same_moment = placed(docs, a) == placed(docs, b);
            let status_clash =
                a.status != b.status && (same_moment || (!is_plan(a.status) && is_plan(b.status)));
            let date_clash = !is_plan(a.status)
                && !is_plan(b.status)
                && dates_disagree(a.date.when, b.date.when);
            if status_clash {
                add(Disputed::Status, i, j);
            }
            if date_clash {
                add(Disputed::Date, i, j);
            }
            let same_phase = is_plan(a.status) == is_plan(b.status);
            let refinement = same_phase
                && a.status == b.status
                && (refines(b.date.when, a.date.when) || refines(a.date.when, b.date.when));
            let date_changed = a.date.when != b.date.when
                && b.date.when != When::Unknown
                && a.date.when != When::Unknown;
            if !status_clash && !date_clash && !refinement && (a.status != b.status || date_changed)
            {
                revised = true;
            }
        }
    }

    let latest = reports.last().map(|r| r.status).unwrap_or(Status::Happened);
    let date = match disputes.iter().find(|d| d.on == Disputed::Date) {
        Some(d) => covering(d.reports.iter().map(|&i| reports[i as usize].date.when)),
        None => current_date(&reports),
    };
    Settled {
        reports,
        status: latest,
        date,
        revised,
        disputes,
    }
}

/// The latest known date of the latest phase, refined by any more precise date inside it that
/// a report of the same phase gives.
fn current_date(reports: &[Report]) -> DateSpec {
    let Some(last) = reports.iter().rev().find(|r| r.date.when != When::Unknown) else {
        return DateSpec::UNKNOWN;
    };
    let phase = is_plan(last.status);
    reports
        .iter()
        .filter(|r| is_plan(r.status) == phase && refines(r.date.when, last.date.when))
        .max_by_key(|r| r.date.when.precision())
        .unwrap_or(last)
        .date
        .clone()
}

/// The span covering every date given, at day precision: what the timeline draws for a
/// disputed date.
fn covering(dates: impl Iterator<Item = When>) -> DateSpec {
    let spans: Vec<(i32, i32)> = dates.filter_map(When::span).collect();
    let (Some(a), Some(b)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return DateSpec::UNKNOWN;
    };
    let point = |d: i32| {
        let (y, m, dd) = civil_from_days(d);
        Point::day(y, m, dd)
    };
    DateSpec {
        when: When::Range(point(a), point(b)),
        certainty: Certainty::Inferred(
            "The sources disagree; this spans every date they give.".into(),
        ),
    }
}

/// Settles a fact's reports into its current view, and gathers every report's quotes, places
/// and participants onto it; and settles each run of its earliest reports too, for the sources
/// as they stood before the later ones (`Fact::earlier`, read by `core::asof`). Validation does
/// it once per fact.
pub fn settle_fact(f: &mut Fact, documents: &[Document]) {
    let s = settle(std::mem::take(&mut f.reports), documents);
    f.status = s.status;
    f.date = s.date;
    f.revised = s.revised;
    f.disputes = s.disputes;
    f.earlier = (1..s.reports.len())
        .map(|n| {
            let e = settle(s.reports[..n].to_vec(), documents);
            Earlier {
                status: e.status,
                date: e.date,
                revised: e.revised,
                disputes: e.disputes,
            }
        })
        .collect();
    gather(f, s.reports);
}

/// Puts `reports` (settled, oldest first) on the fact: its quotes, report by report, every
/// place and participant any of them names, and the latest summary any of them gives (none:
/// empty). A single report is the fact's own fields (see `Fact::reports`).
pub fn gather(f: &mut Fact, reports: Vec<Report>) {
    f.summary = reports
        .iter()
        .rev()
        .find_map(|r| r.summary.clone())
        .unwrap_or_default();
    f.evidence = reports
        .iter()
        .flat_map(|r| r.quotes.iter().copied())
        .collect();
    for r in &reports {
        for p in &r.places {
            if !f.places.contains(p) {
                f.places.push(*p);
            }
        }
        for p in &r.participants {
            if !f.participants.contains(p) {
                f.participants.push(*p);
            }
        }
    }
    f.reports = if reports.len() > 1 {
        reports
    } else {
        Vec::new()
    };
}

/// Puts an entity's descriptions on it, ordered as reports are ([`time_key`]): the latest is
/// its current description, and its evidence is every description's quotes in that order. A
/// single description is the entity's own fields (see `Entity::descriptions`).
pub fn describe(e: &mut Entity, descriptions: Vec<Description>, docs: &[Document]) {
    let descriptions = in_time_order(descriptions, docs, |d| d.doc);
    e.description = descriptions
        .last()
        .map(|d| d.text.clone())
        .unwrap_or_default();
    e.evidence = descriptions
        .iter()
        .flat_map(|d| d.quotes.iter().copied())
        .collect();
    e.descriptions = if descriptions.len() > 1 {
        descriptions
    } else {
        Vec::new()
    };
}

// ── In words: how the card, the results and the charts say what the rules settled ────────

/// How the sources are ordered and which gives the current view, as the card says it.
pub const ORDER_RULE: &str = "Oldest first, by when each document was written (documents whose writing date is unknown last); the latest gives the current status.";

/// What a disagreement is about, in words.
fn subject(on: Disputed) -> &'static str {
    match on {
        Disputed::Date => "the date",
        Disputed::Status => "the status",
    }
}

/// The badges of a fact, in words: how many sources, revised, what they disagree on.
pub fn badges(f: &Fact) -> Vec<String> {
    let mut out = Vec::new();
    if f.report_count() > 1 {
        out.push(format!("{} sources", f.report_count()));
    }
    if f.revised {
        out.push("revised".to_string());
    }
    for d in &f.disputes {
        out.push(format!("sources disagree on {}", subject(d.on)));
    }
    out
}

/// Each disagreement as a sentence that gives every disputed value with its source, never one.
pub fn disputes(data: &Dataset, f: &Fact) -> Vec<String> {
    f.disputes
        .iter()
        .map(|d| {
            let said: Vec<String> = d
                .reports
                .iter()
                .filter_map(|&i| f.reports.get(i as usize))
                .map(|r| {
                    let value = match d.on {
                        Disputed::Date => {
                            date_view(&r.date).map_or("no date".into(), |v| v.flagged())
                        }
                        Disputed::Status => r.status.label().to_ascii_lowercase(),
                    };
                    let doc = &data.documents[r.doc as usize].title;
                    format!("\u{201c}{doc}\u{201d} says {value}")
                })
                .collect();
            format!(
                "Sources disagree on {}: {}.",
                subject(d.on),
                said.join("; ")
            )
        })
        .collect()
}

/// The status as the card's headline gives it: every disputed status, never one.
pub fn headline_status(f: &Fact) -> String {
    match f.disputes.iter().find(|d| d.on == Disputed::Status) {
        Some(d) => {
            let mut said: Vec<&str> = d
                .reports
                .iter()
                .filter_map(|&i| f.reports.get(i as usize))
                .map(|r| r.status.label())
                .collect();
            said.dedup();
            format!("{} (sources disagree)", said.join(" or "))
        }
        None => f.status.label().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::parse_when;

    /// Documents written at these dates ("" for unknown), in this order.
    fn docs(written: &[&str]) -> Vec<Document> {
        written
            .iter()
            .enumerate()
            .map(|(i, w)| Document {
                id: format!("d{i}"),
                title: format!("D{i}"),
                outlet: None,
                credit: None,
                written: if w.is_empty() || w.starts_with("page:") {
                    DateSpec::UNKNOWN
                } else {
                    DateSpec::stated(parse_when(w).expect("date"))
                },
                page_date: w.strip_prefix("page:").map(str::to_string),
                date_note: None,
                time: None,
                body: String::new().into(),
            })
            .map(|mut d| {
                d.time = time_of(&d);
                d
            })
            .collect()
    }

    fn report(doc: DocIx, status: &str, date: &str) -> Report {
        Report {
            doc,
            status: Status::from_slug(status).expect("status"),
            date: DateSpec::stated(parse_when(date).expect("date")),
            places: Vec::new(),
            participants: Vec::new(),
            summary: None,
            quotes: Vec::new(),
        }
    }

    /// Settles reports (doc, status, date) of documents written at `written`, and checks the
    /// order (docs), current status and date, revised, and disputes as "date:0,1".
    fn check(
        written: &[&str],
        reports: &[(DocIx, &str, &str)],
        expect: (&[DocIx], &str, &str, bool, &[&str]),
    ) {
        let d = docs(written);
        let s = settle(
            reports
                .iter()
                .map(|&(doc, st, dt)| report(doc, st, dt))
                .collect(),
            &d,
        );
        let order: Vec<DocIx> = s.reports.iter().map(|r| r.doc).collect();
        let disputes: Vec<String> = s
            .disputes
            .iter()
            .map(|x| {
                let on = match x.on {
                    Disputed::Date => "date",
                    Disputed::Status => "status",
                };
                let which: Vec<String> = x.reports.iter().map(ToString::to_string).collect();
                format!("{on}:{}", which.join(","))
            })
            .collect();
        let got = (
            order.as_slice(),
            s.status.slug(),
            s.date.when.iso(),
            s.revised,
            disputes,
        );
        let want = (
            expect.0,
            expect.1,
            expect.2.to_string(),
            expect.3,
            expect.4.iter().map(ToString::to_string).collect::<Vec<_>>(),
        );
        assert_eq!(got, want, "{reports:?}");
    }

    #[test]
    fn reports_settle_into_a_current_view_revisions_and_disputes() {
        // One source: its word.
        check(
            &["2018-03"],
            &[(0, "planned", "2018-09")],
            (&[0], "planned", "2018-09", false, &[]),
        );
        // Two sources agreeing: corroboration, nothing revised.
        check(
            &["2016-10", "2016-11"],
            &[(1, "happened", "2016-09"), (0, "happened", "2016-09")],
            (&[0, 1], "happened", "2016-09", false, &[]),
        );
        // A plan, then its outcome: revised, the outcome is current.
        check(
            &["2018-03", "2018-08-25"],
            &[
                (0, "planned", "2018-09"),
                (1, "in-progress", "2018-08-22..2018-08-29"),
            ],
            (&[0, 1], "in-progress", "2018-08-22..2018-08-29", true, &[]),
        );
        // Two accounts of what happened that disagree on the start day: disputed, both kept,
        // the date spans both.
        check(
            &["2018-03", "2018-08-25", "2018-08-30"],
            &[
                (0, "planned", "2018-09"),
                (1, "in-progress", "2018-08-22..2018-08-29"),
                (2, "happened", "2018-08-24..2018-08-29"),
            ],
            (
                &[0, 1, 2],
                "happened",
                "2018-08-22..2018-08-29",
                true,
                &["date:1,2"],
            ),
        );
        // Written as of the same moment, with statuses that contradict each other.
        check(
            &["2019-11", "2019-11"],
            &[(0, "happened", "2019"), (1, "planned", "2019")],
            (&[0, 1], "planned", "2019", false, &["status:0,1"]),
        );
        // A year, then a month inside it: a refinement, not a revision.
        check(
            &["2016-12", "2017-02"],
            &[(0, "happened", "2016"), (1, "happened", "2016-09")],
            (&[0, 1], "happened", "2016-09", false, &[]),
        );
        // The month first, the year later: the current date keeps the month.
        check(
            &["2016-12", "2017-02"],
            &[(0, "happened", "2016-09"), (1, "happened", "2016")],
            (&[0, 1], "happened", "2016-09", false, &[]),
        );
        // A plan moved by a later plan: revised.
        check(
            &["2019-01", "2019-06"],
            &[(0, "planned", "2019-09"), (1, "planned", "2019-10")],
            (&[0, 1], "planned", "2019-10", true, &[]),
        );
        // An undated document comes last.
        check(
            &["", "2017-01"],
            &[(0, "happened", "2016"), (1, "happened", "2016")],
            (&[1, 0], "happened", "2016", false, &[]),
        );
        // ...unless its page states a date: "page:" documents carry only a page date.
        check(
            &["page:March 5, 2016", "2017-01"],
            &[(1, "happened", "2016"), (0, "planned", "2016")],
            (&[0, 1], "happened", "2016", true, &[]),
        );
        // Dates that do not overlap at all.
        check(
            &["2020-01", "2020-02"],
            &[(0, "happened", "2016"), (1, "happened", "2017")],
            (
                &[0, 1],
                "happened",
                "2016-01-01..2017-12-31",
                false,
                &["date:0,1"],
            ),
        );
    }
}
