//! Display-ready view models: everything a component shows, already worded, ordered and
//! highlighted, so the Yew layer only renders. Highlights are data (`Seg { mark }`), never HTML.

use crate::core::facets::{self, CardKind, Dim, FacetGroup, FacetIndex, Filters};
use crate::core::model::*;
use crate::core::route::{QuoteRef, Route};
use crate::core::search::index::Index;
use crate::core::search::rank::{Highlighter, Outcome, order, search};
use crate::core::search::{Rec, RecordRef, Weights, query};
use std::sync::OnceLock;

/// The dataset and its index, with lookups by id built on first use.
pub struct Catalog<'a> {
    pub data: &'a Dataset,
    pub index: &'a Index,
    /// Every record's id, sorted, for binary search (no hash table: less code in the wasm).
    by_id: OnceLock<Vec<(&'a str, RecordRef)>>,
    facets: OnceLock<FacetIndex>,
}

impl<'a> Catalog<'a> {
    pub fn new(data: &'a Dataset, index: &'a Index) -> Self {
        Catalog {
            data,
            index,
            by_id: OnceLock::new(),
            facets: OnceLock::new(),
        }
    }

    /// Every record's facet values, computed on first use.
    pub fn facets(&self) -> &FacetIndex {
        self.facets.get_or_init(|| FacetIndex::build(self.data))
    }

    /// The fact or entity with this id.
    pub fn record(&self, id: &str) -> Option<RecordRef> {
        let ids = self.by_id.get_or_init(|| {
            let facts = self
                .data
                .facts
                .iter()
                .enumerate()
                .map(|(i, f)| (f.id.as_str(), RecordRef::Fact(i as FactIx)));
            let ents = self
                .data
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), RecordRef::Entity(i as EntityIx)));
            let all: Vec<(&str, RecordRef)> = facts.chain(ents).collect();
            crate::core::order::sort_by(all, &|a: &(&str, RecordRef), b| a.0.cmp(b.0))
        });
        ids.binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .map(|i| ids[i].1)
    }

    pub fn doc(&self, id: &str) -> Option<DocIx> {
        self.data
            .documents
            .iter()
            .position(|d| d.id == id)
            .map(|i| i as DocIx)
    }

    /// Runs a query as the search box would, every hit in rank order.
    pub fn search(&self, q: &str) -> Outcome {
        let mut o = search(self.index, self.data, &query::parse(q), &Weights::default());
        order(self.index, &mut o.hits, usize::MAX);
        o
    }
}

/// A run of text, marked when the query matched it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub mark: bool,
}

/// Splits `text` into marked and unmarked runs.
pub fn marked(text: &str, h: &Highlighter) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in h.ranges(text) {
        if a > at {
            out.push(Seg {
                text: text[at..a].to_string(),
                mark: false,
            });
        }
        out.push(Seg {
            text: text[a..b].to_string(),
            mark: true,
        });
        at = b;
    }
    if at < text.len() || out.is_empty() {
        out.push(Seg {
            text: text[at..].to_string(),
            mark: false,
        });
    }
    out
}

/// A date as people read it, with what a machine and a sceptic need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateView {
    /// "June 2017", "31 October – 1 November 2019".
    pub text: String,
    /// For `<time datetime>`: `2017-06`, `2019-10-31`.
    pub iso: String,
    /// "day", "month", "year", "days", "months" or "years".
    pub precision: &'static str,
    /// Why the date is what it is, when it is inferred.
    pub inferred: Option<String>,
}

fn point_text(p: Point) -> String {
    match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], p.year),
        (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], p.year),
        _ => p.year.to_string(),
    }
}

/// Words for a date; `None` when the documents do not give one.
pub fn date_view(d: &DateSpec) -> Option<DateView> {
    let inferred = match &d.certainty {
        Certainty::Inferred(r) => Some(r.clone()),
        Certainty::Stated => None,
    };
    let (text, iso, precision) = match d.when {
        When::Unknown => return None,
        When::Point(p) => {
            let precision = match p.precision() {
                Precision::Day => "day",
                Precision::Month => "month",
                Precision::Year => "year",
            };
            (point_text(p), p.iso(), precision)
        }
        When::Range(a, b) => {
            let text = match (a.month, a.day, b.month, b.day) {
                (Some(am), Some(ad), Some(bm), Some(bd)) if a.year == b.year && am == bm => {
                    format!("{ad}\u{2013}{bd} {} {}", MONTHS[am as usize - 1], a.year)
                }
                (Some(am), Some(ad), Some(bm), Some(bd)) if a.year == b.year => {
                    format!(
                        "{ad} {} \u{2013} {bd} {} {}",
                        MONTHS[am as usize - 1],
                        MONTHS[bm as usize - 1],
                        a.year
                    )
                }
                (Some(am), None, Some(bm), None) if a.year == b.year => {
                    format!(
                        "{} \u{2013} {} {}",
                        MONTHS[am as usize - 1],
                        MONTHS[bm as usize - 1],
                        a.year
                    )
                }
                _ => format!("{} \u{2013} {}", point_text(a), point_text(b)),
            };
            let precision = match a.precision() {
                Precision::Day => "days",
                Precision::Month => "months",
                Precision::Year => "years",
            };
            (text, a.iso(), precision)
        }
    };
    Some(DateView {
        text,
        iso,
        precision,
        inferred,
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityLink {
    pub id: String,
    pub name: String,
}

fn entity_link(data: &Dataset, e: EntityIx) -> EntityLink {
    let e = &data.entities[e as usize];
    EntityLink {
        id: e.id.clone(),
        name: e.name.clone(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactLink {
    pub id: String,
    pub title: String,
    pub date: Option<DateView>,
    pub status: &'static str,
    pub status_slug: &'static str,
}

fn fact_link(data: &Dataset, f: FactIx) -> FactLink {
    let f = &data.facts[f as usize];
    FactLink {
        id: f.id.clone(),
        title: f.title.clone(),
        date: date_view(&f.date),
        status: f.status.label(),
        status_slug: f.status.slug(),
    }
}

/// One verbatim quote and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The quote's number on its card (from 1), as links use it.
    pub n: u16,
    pub text: String,
    pub doc_id: String,
    pub doc_title: String,
    pub page_date: Option<String>,
    pub outlet: Option<String>,
}

fn evidence(data: &Dataset, quotes: &[Quote]) -> Vec<Evidence> {
    quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let d = &data.documents[q.doc as usize];
            Evidence {
                n: i as u16 + 1,
                text: data.quote_text(q).to_string(),
                doc_id: d.id.clone(),
                doc_title: d.title.clone(),
                page_date: d.page_date.clone(),
                outlet: d.outlet.clone(),
            }
        })
        .collect()
}

/// A result in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultItem {
    pub id: String,
    pub kind: &'static str,
    pub kind_slug: &'static str,
    pub is_fact: bool,
    pub title: Vec<Seg>,
    pub date: Option<DateView>,
    pub status: Option<&'static str>,
    pub status_slug: Option<&'static str>,
    /// The summary, or the quote the query matched when the summary does not show why.
    pub snippet: Vec<Seg>,
    /// For a fact, the document of its first quote.
    pub source: Option<String>,
}

fn result_item(data: &Dataset, rec: RecordRef, h: &Highlighter) -> ResultItem {
    let kind = CardKind::of(data, rec);
    match rec {
        RecordRef::Fact(f) => {
            let fact = &data.facts[f as usize];
            let mut snippet = marked(&fact.summary, h);
            if !h.is_empty()
                && !snippet.iter().any(|s| s.mark)
                && let Some(q) = fact
                    .evidence
                    .iter()
                    .map(|q| marked(data.quote_text(q), h))
                    .find(|m| m.iter().any(|s| s.mark))
            {
                snippet = window(q, 220);
            }
            ResultItem {
                id: fact.id.clone(),
                kind: kind.label(),
                kind_slug: kind.slug(),
                is_fact: true,
                title: marked(&fact.title, h),
                date: date_view(&fact.date),
                status: Some(fact.status.label()),
                status_slug: Some(fact.status.slug()),
                snippet,
                source: Some(data.documents[fact.reported_in() as usize].title.clone()),
            }
        }
        RecordRef::Entity(e) => {
            let ent = &data.entities[e as usize];
            let mut title = marked(&ent.name, h);
            // Say which alias matched when the name itself did not.
            if !h.is_empty()
                && !title.iter().any(|s| s.mark)
                && let Some(alias) = ent
                    .aliases
                    .iter()
                    .chain(&ent.abbreviations)
                    .chain(&ent.search_aliases)
                    .find(|a| !h.ranges(a).is_empty())
            {
                title.push(Seg {
                    text: " (".into(),
                    mark: false,
                });
                title.extend(marked(alias, h));
                title.push(Seg {
                    text: ")".into(),
                    mark: false,
                });
            }
            ResultItem {
                id: ent.id.clone(),
                kind: kind.label(),
                kind_slug: kind.slug(),
                is_fact: false,
                title,
                date: None,
                status: None,
                status_slug: None,
                snippet: marked(&ent.description, h),
                source: None,
            }
        }
    }
}

/// Cuts marked text to about `max` characters around its first mark, with ellipses.
fn window(segs: Vec<Seg>, max: usize) -> Vec<Seg> {
    let total: usize = segs.iter().map(|s| s.text.chars().count()).sum();
    if total <= max {
        return segs;
    }
    let before: usize = segs
        .iter()
        .take_while(|s| !s.mark)
        .map(|s| s.text.chars().count())
        .sum();
    let start = before.saturating_sub(max / 3);
    let mut out = Vec::new();
    let mut pos = 0;
    for s in segs {
        let len = s.text.chars().count();
        let (from, to) = (start.max(pos), (start + max).min(pos + len));
        if from < to {
            let text: String = s.text.chars().skip(from - pos).take(to - from).collect();
            out.push(Seg { text, mark: s.mark });
        }
        pos += len;
    }
    if start > 0 {
        out.insert(
            0,
            Seg {
                text: "\u{2026}".into(),
                mark: false,
            },
        );
    }
    if start + max < total {
        out.push(Seg {
            text: "\u{2026}".into(),
            mark: false,
        });
    }
    out
}

/// A chosen filter value, for the "clear" chips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveFilter {
    pub dim: Dim,
    pub key: String,
    pub label: String,
}

/// The search screen: results, counts, facets.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsView {
    pub total: usize,
    pub items: Vec<ResultItem>,
    /// More results than shown.
    pub more: usize,
    pub facets: Vec<FacetGroup>,
    /// (year, facts in it given the other filters), ascending.
    pub years: Vec<(i32, usize)>,
    pub suggestions: Vec<String>,
    pub active: Vec<ActiveFilter>,
    /// Results before the filters applied, to say when filters hide everything.
    pub unfiltered: usize,
    /// Every record that passed, the shown ones first, in order (the timeline draws the facts
    /// among them).
    pub records: Vec<Rec>,
}

/// Searches, filters and shapes the first `shown` results. `expanded` lists the long facets
/// the user asked to see in full.
pub fn results(cat: &Catalog<'_>, route: &Route, shown: usize, expanded: &[Dim]) -> ResultsView {
    let data = cat.data;
    let outcome = search(
        cat.index,
        data,
        &query::parse(&route.query),
        &Weights::default(),
    );
    let unfiltered = outcome.hits.len();
    let mut faceted = facets::apply(
        data,
        cat.facets(),
        &outcome.hits,
        |h| h.rec,
        &route.filters,
        expanded,
    );
    // Only what is shown needs ordering.
    order(cat.index, &mut faceted.records, shown);
    let items: Vec<ResultItem> = faceted
        .records
        .iter()
        .take(shown)
        .map(|h| result_item(data, RecordRef::of(data, h.rec), &outcome.highlight))
        .collect();
    ResultsView {
        total: faceted.records.len(),
        more: faceted.records.len().saturating_sub(shown),
        items,
        facets: faceted.groups,
        years: faceted.years,
        suggestions: outcome.suggestions,
        active: active_filters(cat, &route.filters),
        unfiltered,
        records: faceted.records.iter().map(|h| h.rec).collect(),
    }
}

fn active_filters(cat: &Catalog<'_>, f: &Filters) -> Vec<ActiveFilter> {
    let data = cat.data;
    let mut out = Vec::new();
    for k in &f.kinds {
        out.push(ActiveFilter {
            dim: Dim::Kind,
            key: k.slug().into(),
            label: k.label().into(),
        });
    }
    for e in &f.entities {
        let label = match cat.record(e) {
            Some(RecordRef::Entity(ix)) => data.entities[ix as usize].name.clone(),
            _ => format!("{e} (unknown)"),
        };
        out.push(ActiveFilter {
            dim: Dim::Entity,
            key: e.clone(),
            label,
        });
    }
    if let Some((a, b)) = f.years {
        let label = if a == b {
            a.to_string()
        } else {
            format!("{a}\u{2013}{b}")
        };
        out.push(ActiveFilter {
            dim: Dim::Year,
            key: String::new(),
            label,
        });
    }
    for d in &f.docs {
        let label = cat.doc(d).map_or_else(
            || format!("{d} (unknown)"),
            |ix| data.documents[ix as usize].title.clone(),
        );
        out.push(ActiveFilter {
            dim: Dim::Doc,
            key: d.clone(),
            label,
        });
    }
    for s in &f.statuses {
        out.push(ActiveFilter {
            dim: Dim::Status,
            key: s.slug().into(),
            label: s.label().into(),
        });
    }
    for s in &f.sureness {
        out.push(ActiveFilter {
            dim: Dim::Sureness,
            key: s.slug().into(),
            label: s.label().into(),
        });
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactCard {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub kind_slug: &'static str,
    pub status: &'static str,
    pub status_slug: &'static str,
    /// For what is planned, intended or in progress: as of when the document was written.
    pub as_of: Option<String>,
    pub date: Option<DateView>,
    pub summary: String,
    pub purpose: Option<String>,
    pub participants: Vec<EntityLink>,
    pub places: Vec<EntityLink>,
    pub about: Vec<EntityLink>,
    pub series: Option<EntityLink>,
    /// "Pakistan: full member (from this date)".
    pub membership: Vec<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCard {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub kind_slug: &'static str,
    pub aliases: Vec<String>,
    pub search_aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliation: Option<EntityLink>,
    /// Entities affiliated with this one (bodies of an organisation, people of a state).
    pub members: Vec<EntityLink>,
    pub description: String,
    pub purpose: Option<String>,
    pub evidence: Vec<Evidence>,
    /// The facts it takes part in, in date order (undated last).
    pub facts: Vec<FactLink>,
    /// (document id, title, mentions), most mentions first.
    pub mentioned_in: Vec<(String, String, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardView {
    Fact(FactCard),
    Entity(EntityCard),
    /// A link named an id that does not exist (any more): offer the closest cards.
    NotFound {
        id: String,
        closest: Vec<ResultItem>,
    },
}

/// The card for an id, or a "not found" card with the closest matches.
pub fn card(cat: &Catalog<'_>, id: &str) -> CardView {
    match cat.record(id) {
        Some(RecordRef::Fact(f)) => CardView::Fact(fact_card(cat.data, f)),
        Some(RecordRef::Entity(e)) => CardView::Entity(entity_card(cat.data, e)),
        None => {
            let words = id.replace(['-', '_'], " ");
            let outcome = cat.search(&words);
            let mut hits: Vec<Rec> = outcome.hits.iter().map(|h| h.rec).collect();
            // Fall back to any single word of the id that finds something.
            if hits.is_empty() {
                for w in words.split_whitespace().filter(|w| w.len() > 2) {
                    hits = cat
                        .search(&format!("{w} "))
                        .hits
                        .iter()
                        .map(|h| h.rec)
                        .collect();
                    if !hits.is_empty() {
                        break;
                    }
                }
            }
            let closest = hits
                .into_iter()
                .take(5)
                .map(|r| {
                    result_item(
                        cat.data,
                        RecordRef::of(cat.data, r),
                        &Highlighter::default(),
                    )
                })
                .collect();
            CardView::NotFound {
                id: id.to_string(),
                closest,
            }
        }
    }
}

pub fn fact_card(data: &Dataset, ix: FactIx) -> FactCard {
    let f = &data.facts[ix as usize];
    let links = |list: &[EntityIx]| {
        list.iter()
            .map(|&e| entity_link(data, e))
            .collect::<Vec<_>>()
    };
    let doc = &data.documents[f.reported_in() as usize];
    let as_of = (f.status != Status::Happened).then(|| match date_view(&doc.written) {
        Some(w) if w.inferred.is_some() => {
            format!("as of the document, written {} (inferred)", w.text)
        }
        Some(w) => format!("as of the document, written {}", w.text),
        None => "as of the document (its date is not known)".to_string(),
    });
    FactCard {
        id: f.id.clone(),
        title: f.title.clone(),
        kind: f.kind.label(),
        kind_slug: f.kind.slug(),
        status: f.status.label(),
        status_slug: f.status.slug(),
        as_of,
        date: date_view(&f.date),
        summary: f.summary.clone(),
        purpose: f.purpose.clone(),
        participants: links(&f.participants),
        places: links(&f.places),
        about: links(&f.about),
        series: f.series.map(|s| entity_link(data, s)),
        membership: f
            .membership
            .iter()
            .map(|m| {
                let edge = match m.edge {
                    Edge::Start => "begins",
                    Edge::End => "ends",
                    Edge::Holds => "holds",
                };
                format!(
                    "{}: {} ({edge})",
                    data.entities[m.who as usize].name,
                    m.standing.label()
                )
            })
            .collect(),
        evidence: evidence(data, &f.evidence),
    }
}

pub fn entity_card(data: &Dataset, ix: EntityIx) -> EntityCard {
    let e = &data.entities[ix as usize];
    let facts: Vec<(Option<(i32, i32)>, FactIx)> = data
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.participants.contains(&ix)
                || f.places.contains(&ix)
                || f.about.contains(&ix)
                || f.series == Some(ix)
                || f.membership.iter().any(|m| m.who == ix)
        })
        .map(|(i, f)| (f.date.when.span(), i as FactIx))
        .collect();
    // Chronological, undated last.
    let facts = crate::core::order::sort_by(facts, &|a: &(Option<(i32, i32)>, FactIx), b| {
        (a.0.is_none(), a.0, a.1).cmp(&(b.0.is_none(), b.0, b.1))
    });
    let mut counts = vec![0usize; data.documents.len()];
    for m in data.mentions.iter().filter(|m| m.entity == ix) {
        counts[m.doc as usize] += 1;
    }
    let mentioned_in: Vec<(String, String, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| {
            (
                data.documents[d].id.clone(),
                data.documents[d].title.clone(),
                n,
            )
        })
        .collect();
    let mentioned_in =
        crate::core::order::sort_by(mentioned_in, &|a: &(String, String, usize), b| {
            b.2.cmp(&a.2).then(a.0.cmp(&b.0))
        });
    let mut aliases = e.aliases.clone();
    aliases.extend(e.abbreviations.iter().filter(|a| **a != e.name).cloned());
    EntityCard {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: e.kind.label(),
        kind_slug: CardKind::Entity(e.kind).slug(),
        aliases,
        search_aliases: e.search_aliases.clone(),
        roles: e.roles.clone(),
        affiliation: e.affiliation.map(|a| entity_link(data, a)),
        members: data
            .entities
            .iter()
            .enumerate()
            .filter(|(_, m)| m.affiliation == Some(ix))
            .map(|(i, _)| entity_link(data, i as EntityIx))
            .collect(),
        description: e.description.clone(),
        purpose: e.purpose.clone(),
        evidence: evidence(data, &e.evidence),
        facts: facts.into_iter().map(|(_, f)| fact_link(data, f)).collect(),
        mentioned_in,
    }
}

/// A piece of a paragraph in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The entity this piece names, as a link.
    pub entity: Option<String>,
    /// Part of the quote being highlighted.
    pub quote: bool,
    /// The first piece of the highlighted quote (scrolled into view).
    pub quote_start: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentView {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub page_date: Option<String>,
    pub credit: Option<String>,
    pub written: Option<DateView>,
    pub date_note: Option<String>,
    pub paragraphs: Vec<Vec<Piece>>,
    /// Facts drawn from this document, in date order.
    pub facts: Vec<FactLink>,
    /// The card whose quote is highlighted, and the quote's number.
    pub highlighted: Option<(String, u16)>,
    /// A quote was asked for but is not in this document (or does not exist).
    pub quote_missing: bool,
}

/// The reader's view of a document, with mentions linked and one card's quote highlighted.
pub fn document(cat: &Catalog<'_>, doc_id: &str, quote: Option<&QuoteRef>) -> Option<DocumentView> {
    let data = cat.data;
    let d = cat.doc(doc_id)?;
    let doc = &data.documents[d as usize];
    let mut quote_missing = false;
    let mut highlighted = None;
    let range = quote.and_then(|q| {
        let quotes = match cat.record(&q.card)? {
            RecordRef::Fact(f) => &data.facts[f as usize].evidence,
            RecordRef::Entity(e) => &data.entities[e as usize].evidence,
        };
        let found = quotes.get(q.n as usize - 1).filter(|x| x.doc == d);
        if found.is_some() {
            highlighted = Some((q.card.clone(), q.n));
        }
        found.map(|x| (x.start as usize, x.end as usize))
    });
    if quote.is_some() && range.is_none() {
        quote_missing = true;
    }
    let mentions = data.mentions_in(d);
    let body = doc.body.as_ref();
    let mut paragraphs = Vec::new();
    let mut first_quote_piece = true;
    let mut start = 0;
    for para in body.split("\n\n") {
        let p_start = start;
        let p_end = start + para.len();
        start = p_end + 2;
        let trimmed = para.trim();
        if trimmed.is_empty() {
            continue;
        }
        let p_start = p_start + (para.len() - para.trim_start().len());
        let p_end = p_start + trimmed.len();
        // Cut points: paragraph ends, mention ends, quote ends.
        let mut cuts = vec![p_start, p_end];
        for m in mentions
            .iter()
            .filter(|m| (m.start as usize) < p_end && (m.end as usize) > p_start)
        {
            cuts.push((m.start as usize).max(p_start));
            cuts.push((m.end as usize).min(p_end));
        }
        if let Some((a, b)) = range {
            cuts.push(a.clamp(p_start, p_end));
            cuts.push(b.clamp(p_start, p_end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut pieces = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let entity = mentions
                .iter()
                .find(|m| m.start as usize <= a && b <= m.end as usize)
                .map(|m| data.entities[m.entity as usize].id.clone());
            let in_quote = range.is_some_and(|(qa, qb)| qa <= a && b <= qb);
            let quote_start = in_quote && first_quote_piece;
            if in_quote {
                first_quote_piece = false;
            }
            pieces.push(Piece {
                text: body[a..b].to_string(),
                entity,
                quote: in_quote,
                quote_start,
            });
        }
        paragraphs.push(pieces);
    }
    let facts: Vec<(Option<(i32, i32)>, FactIx)> = data
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.evidence.iter().any(|q| q.doc == d))
        .map(|(i, f)| (f.date.when.span(), i as FactIx))
        .collect();
    let facts = crate::core::order::sort_by(facts, &|a: &(Option<(i32, i32)>, FactIx), b| {
        (a.0.is_none(), a.0, a.1).cmp(&(b.0.is_none(), b.0, b.1))
    });
    Some(DocumentView {
        id: doc.id.clone(),
        title: doc.title.clone(),
        outlet: doc.outlet.clone(),
        page_date: doc.page_date.clone(),
        credit: doc.credit.clone(),
        written: date_view(&doc.written),
        date_note: doc.date_note.clone(),
        paragraphs,
        facts: facts.into_iter().map(|(_, f)| fact_link(data, f)).collect(),
        highlighted,
        quote_missing,
    })
}

/// A document in the list of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSummary {
    pub id: String,
    pub title: String,
    pub page_date: Option<String>,
    pub outlet: Option<String>,
    pub written: Option<DateView>,
    pub facts: usize,
    pub entities: usize,
}

/// The first `shown` documents and how many there are. Facts per document are counted in one
/// pass over the facts, not one per document.
pub fn documents(data: &Dataset, shown: usize) -> (Vec<DocSummary>, usize) {
    let mut facts = vec![0usize; data.documents.len()];
    for f in &data.facts {
        let mut docs: Vec<DocIx> = f.evidence.iter().map(|q| q.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        for d in docs {
            facts[d as usize] += 1;
        }
    }
    let list = data
        .documents
        .iter()
        .enumerate()
        .take(shown)
        .map(|(i, d)| {
            let mut ents: Vec<EntityIx> = data
                .mentions_in(i as DocIx)
                .iter()
                .map(|m| m.entity)
                .collect();
            ents.sort_unstable();
            ents.dedup();
            DocSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                page_date: d.page_date.clone(),
                outlet: d.outlet.clone(),
                written: date_view(&d.written),
                facts: facts[i],
                entities: ents.len(),
            }
        })
        .collect();
    (list, data.documents.len())
}

/// A citation of a card a reader can paste: title, date, source, outlet, page date, quote, link.
pub fn citation(cat: &Catalog<'_>, id: &str, link: &str) -> Option<String> {
    let data = cat.data;
    let (title, date, quotes) = match cat.record(id)? {
        RecordRef::Fact(f) => {
            let f = &data.facts[f as usize];
            (f.title.clone(), date_view(&f.date), &f.evidence)
        }
        RecordRef::Entity(e) => {
            let e = &data.entities[e as usize];
            (e.name.clone(), None, &e.evidence)
        }
    };
    let q = quotes.first()?;
    let doc = &data.documents[q.doc as usize];
    let mut out = format!("{title}.");
    if let Some(d) = date {
        out.push_str(&format!(
            " {}{}.",
            d.text,
            if d.inferred.is_some() {
                " (date inferred)"
            } else {
                ""
            }
        ));
    }
    out.push_str(&format!(" Source: \u{201c}{}\u{201d}", doc.title));
    out.push_str(&match &doc.outlet {
        Some(o) => format!(", {o}"),
        None => ", outlet not stated".into(),
    });
    out.push_str(&match &doc.page_date {
        Some(p) => format!(", page dated {p}."),
        None => ", page undated.".into(),
    });
    out.push_str(&format!(" Quote: \u{201c}{}\u{201d}", data.quote_text(q)));
    out.push_str(&format!(" {link}"));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> Catalog<'static> {
        use std::sync::OnceLock;
        static DATA: OnceLock<(Dataset, Index)> = OnceLock::new();
        let (d, ix) = DATA.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
            let d = crate::core::validate::validate(
                &crate::core::source::load_dir(&dir).expect("seeds"),
            )
            .expect("valid")
            .dataset;
            let ix = Index::build(&d);
            (d, ix)
        });
        Catalog::new(d, ix)
    }

    #[test]
    fn dates_read_naturally_and_say_how_precise_they_are() {
        fn check(when: &str, inferred: bool, expect: (&str, &str, &str)) {
            let spec = DateSpec {
                when: crate::core::validate::parse_when(when).expect("valid"),
                certainty: if inferred {
                    Certainty::Inferred("r".into())
                } else {
                    Certainty::Stated
                },
            };
            let v = date_view(&spec).expect("known");
            assert_eq!(
                (v.text.as_str(), v.iso.as_str(), v.precision),
                expect,
                "{when}"
            );
            assert_eq!(v.inferred.is_some(), inferred);
        }
        check("2016", false, ("2016", "2016", "year"));
        check("2017-06", false, ("June 2017", "2017-06", "month"));
        check("2007-06-27", false, ("27 June 2007", "2007-06-27", "day"));
        check(
            "2019-10-31..2019-11-01",
            true,
            ("31 October \u{2013} 1 November 2019", "2019-10-31", "days"),
        );
        check(
            "2019-06-03..2019-06-05",
            false,
            ("3\u{2013}5 June 2019", "2019-06-03", "days"),
        );
        check(
            "2018-01..2018-04",
            true,
            ("January \u{2013} April 2018", "2018-01", "months"),
        );
        check(
            "2019-12..2020-01",
            false,
            ("December 2019 \u{2013} January 2020", "2019-12", "months"),
        );
        assert_eq!(date_view(&DateSpec::UNKNOWN), None);
    }

    #[test]
    fn marking_splits_text_without_losing_any() {
        let c = cat();
        let h = c.search("peace mission").highlight;
        let segs = marked("Peace Mission is a biennially-held exercise.", &h);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Peace Mission is a biennially-held exercise.");
        let marks: Vec<&str> = segs
            .iter()
            .filter(|s| s.mark)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marks, ["Peace", "Mission"]);
    }

    #[test]
    fn a_fact_card_shows_its_date_status_links_and_quotes() {
        let CardView::Fact(f) = card(&cat(), "ewg-7th-meeting") else {
            panic!("a fact")
        };
        assert_eq!(
            f.date.as_ref().map(|d| d.text.as_str()),
            Some("31 October \u{2013} 1 November 2019")
        );
        assert!(
            f.date.as_ref().and_then(|d| d.inferred.as_ref()).is_some(),
            "the inferred year says why"
        );
        assert_eq!(f.status, "Held");
        assert_eq!(f.as_of, None);
        assert!(f.participants.iter().any(|p| p.id == "belarus"));
        assert_eq!(
            f.places,
            [EntityLink {
                id: "moscow".into(),
                name: "Moscow".into()
            }]
        );
        assert_eq!(f.evidence[0].doc_id, "001_5f9b55a6b9e11d19");
        assert!(
            f.evidence[0]
                .text
                .starts_with("The Expert Working Group (EWG)")
        );
        let CardView::Fact(p) = card(&cat(), "peace-mission-2018") else {
            panic!("a fact")
        };
        assert_eq!(
            p.as_of.as_deref(),
            Some("as of the document, written January \u{2013} April 2018 (inferred)")
        );
    }

    #[test]
    fn an_entity_card_lists_its_facts_in_date_order_and_where_it_is_mentioned() {
        let CardView::Entity(e) = card(&cat(), "pakistan") else {
            panic!("an entity")
        };
        let ids: Vec<&str> = e.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids.first(),
            Some(&"pakistan-mi-35m-order"),
            "2015 first: {ids:?}"
        );
        assert_eq!(
            ids.last(),
            Some(&"pakistan-seeks-russian-armaments"),
            "undated last: {ids:?}"
        );
        assert_eq!(
            e.mentioned_in
                .iter()
                .map(|m| m.0.as_str())
                .collect::<Vec<_>>(),
            ["000_05d95eeefa1e2818", "001_5f9b55a6b9e11d19"]
        );
        assert!(e.mentioned_in[0].2 > 5);
        assert!(e.members.iter().any(|m| m.id == "kazi-khalilullah"));
    }

    #[test]
    fn an_unknown_id_gives_the_closest_cards() {
        let CardView::NotFound { id, closest } = card(&cat(), "peace-mission-2019") else {
            panic!("not found")
        };
        assert_eq!(id, "peace-mission-2019");
        assert!(
            closest.iter().any(|c| c.id == "peace-mission"),
            "{closest:?}"
        );
        let CardView::NotFound { closest, .. } = card(&cat(), "zz-qq") else {
            panic!("not found")
        };
        assert!(closest.is_empty());
    }

    #[test]
    fn the_reader_links_mentions_and_highlights_the_quote() {
        let c = cat();
        let q = QuoteRef {
            card: "peace-mission-2016".into(),
            n: 1,
        };
        let doc = document(&c, "000_05d95eeefa1e2818", Some(&q)).expect("a document");
        assert_eq!(doc.highlighted, Some(("peace-mission-2016".into(), 1)));
        let quoted: String = doc
            .paragraphs
            .iter()
            .flatten()
            .filter(|p| p.quote)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            quoted,
            "Peace Mission is a biennially-held counter-terrorism exercise involving each SCO member. In 2016, it was held in Kyrgyzstan."
        );
        assert_eq!(
            doc.paragraphs
                .iter()
                .flatten()
                .filter(|p| p.quote_start)
                .count(),
            1
        );
        let linked: Vec<&str> = doc
            .paragraphs
            .iter()
            .flatten()
            .filter_map(|p| p.entity.as_deref())
            .collect();
        assert!(linked.contains(&"kyrgyzstan") && linked.contains(&"ria-novosti"));
        // The text is all there, in order.
        let text: String = doc
            .paragraphs
            .iter()
            .map(|p| p.iter().map(|x| x.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n\n");
        assert_eq!(text, c.data.documents[0].body.trim());
        // A quote from another document is reported, not silently dropped.
        let other = QuoteRef {
            card: "ewg-7th-meeting".into(),
            n: 1,
        };
        assert!(
            document(&c, "000_05d95eeefa1e2818", Some(&other))
                .expect("doc")
                .quote_missing
        );
        assert!(document(&c, "nope", None).is_none());
    }

    #[test]
    fn results_say_why_a_card_matched() {
        let c = cat();
        let r = results(
            &c,
            &Route {
                query: "Yekaterinburg".into(),
                ..Default::default()
            },
            30,
            &[],
        );
        assert_eq!(r.items[0].id, "yekaterinburg");
        let talks = r
            .items
            .iter()
            .find(|i| i.id == "peace-mission-expert-talks-2017")
            .expect("the talks");
        assert!(
            talks
                .snippet
                .iter()
                .any(|s| s.mark && s.text == "Yekaterinburg")
        );
        let r = results(
            &c,
            &Route {
                query: "Commonwealth".into(),
                ..Default::default()
            },
            30,
            &[],
        );
        let title: String = r.items[0].title.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(title, "CIS (Commonwealth of Independent States)");
    }

    #[test]
    fn a_citation_names_title_source_outlet_page_date_quote_and_link() {
        let got = citation(
            &cat(),
            "pakistan-india-join-sco",
            "https://x/#card=pakistan-india-join-sco",
        )
        .expect("cites");
        assert_eq!(
            got,
            "Pakistan and India join the SCO as full members. June 2017. Source: \u{201c}Pakistan will participate in SCO \u{2018}Peace Mission 2018\u{2019} exercise\u{201d}, outlet not stated, page dated March 5, 2024. Quote: \u{201c}Pakistan and India are the latest entrants to the eight-member SCO, having officially joined the body as full-members in June 2017.\u{201d} https://x/#card=pakistan-india-join-sco"
        );
    }
}
