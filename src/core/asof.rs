//! The sources as they stood on a date (`asof=YYYY-MM-DD`): only the documents written by then,
//! and every fact as their reports alone settle it, by the same rules as today's view: settled
//! at build time by `sources::settle_fact` for each run of a fact's earliest reports
//! (`Fact::earlier`), so the app only picks one. A fact no document had reported yet is absent,
//! and so is an entity no such document names.
//!
//! A document counts from the first day of its written date, or of its page date where that
//! is all it gives (`sources::document_time`: the rule that orders reports and dates the feed);
//! one with neither never counts, since no date can say it had been written. So what the
//! sources say changes only at those days ([`steps`]): a date between two steps shows what the
//! earlier one does, and the catalog builds each step's view once (`Catalog::as_of`).

use crate::core::model::*;
use crate::core::sources::{document_time, gather};

/// The first day a document may have been written on, when any date says.
fn counts_from(d: &Document) -> Option<i32> {
    document_time(d).map(|(first, _)| first)
}

/// The days on which what the sources say can change: each dated document's first day,
/// ascending, without repeats.
pub fn steps(data: &Dataset) -> Vec<i32> {
    let mut days: Vec<i32> = data.documents.iter().filter_map(counts_from).collect();
    days = crate::core::order::sort_by(days, &|a: &i32, b| a.cmp(b));
    days.dedup();
    days
}

/// How many of [`steps`] a day has reached: the key of what the sources say on that day.
pub fn step_of(steps: &[i32], day: i32) -> usize {
    steps.partition_point(|&s| s <= day)
}

/// Which records and documents exist as of a date, by index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Presence {
    pub facts: Vec<bool>,
    pub entities: Vec<bool>,
    pub documents: Vec<bool>,
}

/// The dataset as its sources stood on `day`, and which of its records and documents existed
/// then. Indices are kept (an absent record keeps its place and only its id), so the search
/// index built for today's dataset serves it too (`Catalog::as_of` rechecks the records whose
/// words differ).
///
/// Nothing a document written later says survives in it: not its title or text, not a
/// report, quote, summary or description it gives, not a name only it contains, not a record
/// only it gives. What no document written by then says is unknown (an empty summary or
/// description, no purpose).
pub fn as_of(data: &Dataset, day: i32) -> (Dataset, Presence) {
    let documents: Vec<bool> = data
        .documents
        .iter()
        .map(|d| counts_from(d).is_some_and(|first| first <= day))
        .collect();
    let counted = |d: DocIx| documents.get(d as usize).copied().unwrap_or(false);
    let mut out = data.clone();
    // A document not yet written keeps only its id, which links name.
    for (d, doc) in out.documents.iter_mut().enumerate() {
        if !documents[d] {
            *doc = Document {
                id: std::mem::take(&mut doc.id),
                title: String::new(),
                outlet: None,
                page_date: None,
                credit: None,
                written: DateSpec::UNKNOWN,
                date_note: None,
                time: None,
                body: std::borrow::Cow::Borrowed(""),
            };
        }
    }
    let mut facts = vec![false; data.facts.len()];
    for (i, f) in data.facts.iter().enumerate() {
        // Reports are ordered by when their documents were written, undated last: those
        // counted by a day are the first `n`.
        let reports = f.reports();
        let n = reports.iter().take_while(|r| counted(r.doc)).count();
        let g = &mut out.facts[i];
        if n == 0 {
            // Kept in its place with its id and kind alone, naming no one.
            *g = Fact {
                id: std::mem::take(&mut g.id),
                kind: g.kind,
                title: String::new(),
                summary: String::new(),
                origin: g.origin,
                status: g.status,
                date: DateSpec::UNKNOWN,
                participants: Vec::new(),
                places: Vec::new(),
                about: Vec::new(),
                series: None,
                purpose: None,
                membership: Vec::new(),
                evidence: Vec::new(),
                reports: Vec::new(),
                revised: false,
                disputes: Vec::new(),
                earlier: Vec::new(),
            };
            continue;
        }
        facts[i] = true;
        // The purpose is its own document's word.
        if !counted(f.origin) {
            g.purpose = None;
        }
        if n == reports.len() {
            continue;
        }
        // As the first `n` reports settled it (validation did, with today's rules).
        let Some(e) = f.earlier.get(n - 1) else {
            continue;
        };
        g.status = e.status;
        g.date = e.date.clone();
        g.revised = e.revised;
        g.disputes = e.disputes.clone();
        g.earlier.clear();
        g.places.clear();
        g.participants.clear();
        gather(g, reports[..n].to_vec());
        // A single report left is still that report, with its own document: keep it explicit.
        if n == 1 {
            g.reports = reports[..1].to_vec();
        }
    }
    // A document not yet written mentions no one yet.
    out.mentions.retain(|m| counted(m.doc));
    // An entity exists once a counted document quotes it or a fact that exists names it.
    let mut entities: Vec<bool> = data
        .entities
        .iter()
        .map(|e| e.evidence.iter().any(|q| counted(q.doc)))
        .collect();
    for f in out
        .facts
        .iter()
        .zip(&facts)
        .filter(|(_, p)| **p)
        .map(|(f, _)| f)
    {
        let named = f
            .participants
            .iter()
            .chain(&f.places)
            .chain(&f.about)
            .chain(&f.series)
            .chain(f.membership.iter().map(|m| &m.who));
        for &e in named {
            entities[e as usize] = true;
        }
    }
    for (i, e) in out.entities.iter_mut().enumerate() {
        let today = &data.entities[i];
        *e = if entities[i] {
            entity_as_of(today, &counted)
        } else {
            Entity {
                id: std::mem::take(&mut e.id),
                kind: e.kind,
                name: String::new(),
                aliases: Vec::new(),
                abbreviations: Vec::new(),
                search_aliases: Vec::new(),
                description: String::new(),
                roles: Vec::new(),
                affiliation: None,
                purpose: None,
                evidence: Vec::new(),
                descriptions: Vec::new(),
                origin: e.origin,
                named_in: Vec::new(),
            }
        };
    }
    (
        out,
        Presence {
            facts,
            entities,
            documents,
        },
    )
}

/// An entity that exists on the day, as the documents counted by then give it: their
/// descriptions (the latest current), their quotes, the names they contain; its purpose and
/// affiliation only once its own record's document counts.
fn entity_as_of(e: &Entity, counted: &dyn Fn(DocIx) -> bool) -> Entity {
    let descriptions: Vec<Description> = e
        .descriptions()
        .iter()
        .filter(|d| counted(d.doc))
        .cloned()
        .collect();
    let own = counted(e.origin);
    let mut names = e.names_with_sources().map(|(_, d)| d.is_some_and(counted));
    let mut keep = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|_| names.next().unwrap_or(false))
            .cloned()
            .collect()
    };
    let aliases = keep(&e.aliases);
    let abbreviations = keep(&e.abbreviations);
    let roles = keep(&e.roles);
    let named_in: Vec<DocIx> = e.named_in.iter().copied().filter(|&d| counted(d)).collect();
    Entity {
        id: e.id.clone(),
        kind: e.kind,
        name: e.name.clone(),
        aliases,
        abbreviations,
        search_aliases: e.search_aliases.clone(),
        description: descriptions
            .last()
            .map(|d| d.text.clone())
            .unwrap_or_default(),
        roles,
        affiliation: e.affiliation.filter(|_| own),
        purpose: e.purpose.clone().filter(|_| own),
        evidence: e
            .evidence
            .iter()
            .copied()
            .filter(|q| counted(q.doc))
            .collect(),
        // Kept explicit even when one is left, so that it keeps its own document.
        descriptions,
        origin: e.origin,
        named_in,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_and_write_back_as_links_carry_them() {
        for (s, ok) in [
            ("2018-08-21", true),
            ("2016-02-29", true),
            ("2018-02-29", false),
            ("2018-13-01", false),
            ("2018-8-21", false),
            ("21-08-2018", false),
            ("1800-01-01", false),
            (" 2018-08-21", false),
            ("", false),
        ] {
            let d = parse_iso_day(s);
            assert_eq!(d.is_some(), ok, "{s}");
            if let Some(d) = d {
                assert_eq!(iso_day(d), s);
            }
        }
    }
}
