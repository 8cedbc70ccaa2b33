//! "What the sources say": each document's report on a fact as the card shows it. Shared by
//! the card, the results and the reader; the badges and disagreements in words are the rules'
//! own (`core::sources`).

use super::{DateView, Evidence, date_view, evidence};
use crate::core::model::*;
/// The wording of what the sources say is the rules' own (`core::sources`).
pub use crate::core::sources::{ORDER_RULE, badges, disputes, headline_status};

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
