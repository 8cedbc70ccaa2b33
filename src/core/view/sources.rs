//! "What the sources say": each document's report on a fact as the card shows it, the badges
//! in words ("3 sources", "revised", "sources disagree on the date"), and each disagreement
//! with every disputed value beside its source. Shared by the card, the results and the reader.

use super::{DateView, Evidence, date_view, evidence};
use crate::core::model::*;

/// How the sources are ordered and which gives the current view, as the card says it.
pub const ORDER_RULE: &str = "Oldest first, by when each document was written (documents whose writing date is unknown last); the latest gives the current status.";

/// One document's report, display-ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceView {
    pub doc_id: String,
    pub doc_title: String,
    /// When the document was written, in words ("January – April 2018 (inferred)").
    pub written: Option<String>,
    pub status: &'static str,
    pub status_slug: &'static str,
    pub date: Option<DateView>,
    /// Its own one-sentence account of the fact, when it gives one.
    pub summary: Option<String>,
    /// Its quotes, numbered as on the card.
    pub evidence: Vec<Evidence>,
    /// This report gives the current status.
    pub latest: bool,
    /// A disagreement involves this report.
    pub disputed: bool,
}

/// What the sources say of fact `f`, oldest document first.
pub fn sources(data: &Dataset, f: &Fact) -> Vec<SourceView> {
    let all = evidence(data, &f.evidence);
    let mut next = 0;
    let reports = f.reports();
    let last = reports.len().saturating_sub(1);
    reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let d = &data.documents[r.doc as usize];
            let quotes = all[next..next + r.quotes.len()].to_vec();
            next += r.quotes.len();
            SourceView {
                doc_id: d.id.clone(),
                doc_title: d.title.clone(),
                written: date_view(&d.written).map(|w| w.flagged()),
                status: r.status.label(),
                status_slug: r.status.slug(),
                date: date_view(&r.date),
                summary: r.summary.clone(),
                evidence: quotes,
                latest: i == last,
                disputed: f.disputes.iter().any(|x| x.reports.contains(&(i as u16))),
            }
        })
        .collect()
}

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
