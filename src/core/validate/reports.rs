//! `[[report]]` blocks, and the reports every fact is settled from: a `[[fact]]` block is its
//! fact plus one report from its own document; any other document adds a report on it.

use super::{At, Problem, Refs, Validator};
use crate::core::model::*;
use crate::core::raw::{RawFile, RawReport};

impl Validator<'_> {
    /// The report a `[[fact]]` block makes from its own document.
    pub(super) fn own_report(
        &mut self,
        at: &At<'_>,
        status: Option<Status>,
        date: &DateSpec,
        (participants, places): (&[EntityIx], &[EntityIx]),
        (summary, quotes): (&str, &[Quote]),
    ) -> Option<Report> {
        let report = Report {
            doc: quotes.first()?.doc,
            status: status?,
            date: date.clone(),
            places: places.to_vec(),
            participants: participants.to_vec(),
            summary: Some(summary.to_string()).filter(|s| !s.is_empty()),
            quotes: quotes.to_vec(),
        };
        self.quote_dates(at, &report);
        Some(report)
    }

    /// A `[[report]]` block: its fact's index and the report, or `None` with the problems
    /// reported.
    pub(super) fn other_report(
        &mut self,
        file: &RawFile,
        raw: &RawReport,
        refs: &Refs<'_>,
        fact_ix: &dyn Fn(&str) -> Option<usize>,
        facts: &[Fact],
    ) -> Option<(usize, Report)> {
        let fact = raw.fact.as_deref().unwrap_or_default();
        let at = At {
            file: &file.path,
            record: format!("report on `{fact}`"),
        };
        let status = match &raw.status {
            Some(s) => self.one_of(
                &at,
                "status",
                s,
                Status::from_slug,
                Status::ALL.map(Status::slug),
            ),
            None => {
                self.report(&at, Problem::Missing("status"));
                None
            }
        };
        if raw.description.is_some() {
            self.report(
                &at,
                Problem::NotForReport {
                    field: "description",
                    on: "a fact",
                },
            );
        }
        let summary = self.prose(&at, "summary", raw.summary.as_deref());
        let date = self.date(
            &at,
            raw.date.as_deref(),
            raw.certainty.as_deref(),
            raw.reason.as_deref(),
        );
        let participants = self.entity_refs(&at, "participants", &raw.participants, refs);
        let places = self.entity_refs(&at, "places", &raw.places, refs);
        let quotes = self.quotes(&at, file, &raw.quotes, refs);
        self.one_document(&at, &quotes);
        let Some(f) = fact_ix(fact) else {
            // A fact that exists but failed validation has said so already.
            let declared = self
                .src
                .files
                .iter()
                .flat_map(|f| &f.facts)
                .any(|f| f.id == fact);
            if !declared {
                self.report(&at, Problem::UnknownFact(fact.to_string()));
            }
            return None;
        };
        let doc = quotes.first()?.doc;
        if facts[f].reports().iter().any(|r| r.doc == doc) {
            let id = self.src.documents[doc as usize].0.clone();
            self.report(&at, Problem::SecondReport { doc: id });
            return None;
        }
        let report = Report {
            doc,
            status: status?,
            date,
            places,
            participants,
            summary,
            quotes,
        };
        self.quote_dates(&at, &report);
        Some((f, report))
    }

    /// An entity `[[report]]`: this document's description of an entity another record
    /// introduced, with its quotes. Its entity's index and the description, or `None` with the
    /// problems reported.
    pub(super) fn entity_report(
        &mut self,
        file: &RawFile,
        raw: &RawReport,
        refs: &Refs<'_>,
        entities: &[Option<Entity>],
        described: &[Vec<Description>],
    ) -> Option<(EntityIx, Description)> {
        let id = raw.entity.as_deref().unwrap_or_default();
        let at = At {
            file: &file.path,
            record: format!("report on entity `{id}`"),
        };
        let fact_only = [
            ("status", raw.status.is_some()),
            ("date", raw.date.is_some()),
            ("certainty", raw.certainty.is_some()),
            ("reason", raw.reason.is_some()),
            ("places", !raw.places.is_empty()),
            ("participants", !raw.participants.is_empty()),
            ("summary", raw.summary.is_some()),
        ];
        for (field, given) in fact_only {
            if given {
                self.report(
                    &at,
                    Problem::NotForReport {
                        field,
                        on: "an entity",
                    },
                );
            }
        }
        let text = match raw.description.as_deref() {
            Some(d) => self.prose(&at, "description", Some(d)),
            None => {
                self.report(&at, Problem::Missing("description"));
                None
            }
        };
        let quotes = self.quotes(&at, file, &raw.quotes, refs);
        self.one_document(&at, &quotes);
        let e = self.entity_ref(&at, "entity", id, refs)?;
        let doc = quotes.first()?.doc;
        // An entity whose own record is invalid has said so already.
        let entity = entities.get(e as usize)?.as_ref()?;
        let again = entity.origin == doc
            || described
                .get(e as usize)
                .is_some_and(|d| d.iter().any(|d| d.doc == doc));
        if again {
            let id = self.src.documents[doc as usize].0.clone();
            self.report(&at, Problem::SecondDescription { doc: id });
            return None;
        }
        Some((
            e,
            Description {
                doc,
                text: text?,
                quotes,
            },
        ))
    }

    /// A summary or description given in a report: trimmed, and not empty.
    fn prose(&mut self, at: &At<'_>, field: &'static str, text: Option<&str>) -> Option<String> {
        let text = text?.trim();
        if text.is_empty() {
            self.report(at, Problem::Empty(field));
            return None;
        }
        Some(text.to_string())
    }

    /// A report is one document's word: its quotes all come from that document.
    fn one_document(&mut self, at: &At<'_>, quotes: &[Quote]) {
        if let Some(first) = quotes.first()
            && let Some(other) = quotes.iter().find(|q| q.doc != first.doc)
        {
            let (a, b) = (
                self.src.documents[first.doc as usize].0.clone(),
                self.src.documents[other.doc as usize].0.clone(),
            );
            self.report(at, Problem::ReportQuotesTwoDocuments { first: a, other: b });
        }
    }

    /// A quote that states a month (or a day) of the report's own year that the report's date
    /// does not cover is a slip: "in September 2016" on a report dated 2016-08. Dates of other
    /// years are taken to speak of other events. A day and month with no year ("began on 24
    /// August") are of the report's year when its date lies in one year, else of the year the
    /// document was written, and are checked the same way.
    fn quote_dates(&mut self, at: &At<'_>, r: &Report) {
        let Some((from, to)) = r.date.when.span() else {
            return;
        };
        let years = (civil_from_days(from).0, civil_from_days(to).0);
        let written = self.written_years.get(r.doc as usize).copied().flatten();
        let implied = if years.0 == years.1 {
            Some(years.0)
        } else {
            written.filter(|y| (years.0..=years.1).contains(y))
        };
        let body = &self.src.documents[r.doc as usize].1;
        for q in &r.quotes {
            let text = &body[q.start as usize..q.end as usize];
            for (said, p) in stated_dates_in(text, implied) {
                let (a, b) = (p.first_day(), p.last_day());
                if p.year >= years.0 && p.year <= years.1 && (b < from || a > to) {
                    self.report(
                        at,
                        Problem::QuoteDateContradicts {
                            said,
                            date: r.date.when.iso(),
                        },
                    );
                }
            }
        }
    }
}

/// Dates a text states with a month: "September 2016", "27 June 2007", "June 27, 2007".
pub fn stated_dates(text: &str) -> Vec<(String, Point)> {
    stated_dates_in(text, None)
}

/// As [`stated_dates`], and with `year` given, a day and month that name no year ("24
/// August", "August 24") too, as days of that year. A month alone with no year is never a
/// date here: "May" is too often a verb. Read by the one reader of dates in words
/// (`model::dates_in`), so a day the month lacks ("31 February 2019") is no date.
pub fn stated_dates_in(text: &str, implied_year: Option<i32>) -> Vec<(String, Point)> {
    dates_in(text, MonthWords::Prose)
        .into_iter()
        .filter(|(_, d)| d.month.is_some() && (d.year.is_some() || d.day.is_some()))
        .filter_map(|((a, b), d)| Some((text[a..b].to_string(), d.point(implied_year)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates in words, found with no year given (`None`) or with one for a day and month that
    /// name none.
    #[test]
    fn dates_stated_in_words_are_found() {
        fn check(text: &str, year: Option<i32>, expect: &[(&str, &str)]) {
            let got: Vec<(String, String)> = stated_dates_in(text, year)
                .into_iter()
                .map(|(s, p)| (s, p.iso()))
                .collect();
            let want: Vec<(String, String)> = expect
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        check(
            "It was held in September 2016.",
            None,
            &[("September 2016", "2016-09")],
        );
        check(
            "signed on 27 June 2007 in Bishkek",
            None,
            &[("27 June 2007", "2007-06-27")],
        );
        check(
            "signed June 27, 2007",
            None,
            &[("June 27, 2007", "2007-06-27")],
        );
        check("In 2016, it was held", None, &[]);
        check("the May meeting", None, &[]);
        check("31 February 2019", None, &[]);
        check("began on 24 August", None, &[]);
        assert_eq!(
            stated_dates("began on 24 August"),
            stated_dates_in("began on 24 August", None)
        );
        check(
            "began on 24 August",
            Some(2018),
            &[("24 August", "2018-08-24")],
        );
        check(
            "began on August 24, then",
            Some(2018),
            &[("August 24", "2018-08-24")],
        );
        check("began on 24 August", None, &[]);
        check(
            "on 24 August 2017",
            Some(2018),
            &[("24 August 2017", "2017-08-24")],
        );
        check("in September", Some(2018), &[]);
        check("the May meeting", Some(2018), &[]);
        check("30 February", Some(2018), &[]);
    }
}
