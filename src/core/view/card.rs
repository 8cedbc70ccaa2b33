//! The card screen's view model: a fact, an entity, or "not found" with the closest cards; and
//! the citation a reader pastes.

use super::search::result_item;
use super::{
    DateView, EntityLink, Evidence, FactLink, ResultItem, Said, SourceView, badges, date_view,
    disputes, entity_link, evidence, facts_by_date, headline_status, said, sources,
};
use crate::core::catalog::Catalog;
use crate::core::facets::CardKind;
use crate::core::model::*;
use crate::core::search::rank::Highlighter;
use crate::core::search::{Rec, RecordRef};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactCard {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub kind_slug: &'static str,
    /// The current status; every disputed one where the sources disagree.
    pub status: String,
    pub status_slug: &'static str,
    /// For what is planned, intended or in progress: as of when the document was written.
    pub as_of: Option<String>,
    pub date: Option<DateView>,
    /// The latest summary a source gives, with that source; `None` when none does (as of a
    /// date before the fact's own document). Earlier ones stay in `sources`.
    pub summary: Option<Said>,
    pub purpose: Option<String>,
    pub participants: Vec<EntityLink>,
    pub places: Vec<EntityLink>,
    pub about: Vec<EntityLink>,
    pub series: Option<EntityLink>,
    /// "Pakistan: full member (from this date)".
    pub membership: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// What each document says, oldest first (one entry for a fact one document reports).
    pub sources: Vec<SourceView>,
    /// "3 sources", "revised", "sources disagree on the date".
    pub badges: Vec<String>,
    /// Each disagreement in words, every value with its source.
    pub disputes: Vec<String>,
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
    /// Entities affiliated with this one (bodies of an organisation, people of a state): the
    /// first [`CARD_LIST`].
    pub members: Vec<EntityLink>,
    /// How many are affiliated.
    pub members_total: usize,
    /// The latest description, with the document it comes from; `None` when no document
    /// describes it (as of a date before any does).
    pub description: Option<Said>,
    /// The descriptions before it, oldest first, each with its document: kept, not replaced.
    pub earlier: Vec<Said>,
    pub purpose: Option<String>,
    pub evidence: Vec<Evidence>,
    /// The facts it takes part in, in date order (undated last): the latest [`CARD_LIST`] of
    /// them where there are more (a card stays a card, whatever the data's size).
    pub facts: Vec<FactLink>,
    /// How many facts it takes part in, listed or not.
    pub facts_total: usize,
    /// Whether the filters can list its facts (a state or an organisation); else a search for
    /// its name does.
    pub filterable: bool,
    /// (document id, title, mentions), most mentions first: the first [`CARD_LIST`].
    pub mentioned_in: Vec<(String, String, usize)>,
    /// How many documents mention it.
    pub mentioned_total: usize,
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
    /// As of a date (`asof=`), a record no document written by then gives: only its id is
    /// shown (its name is a later document's word), and the day in words.
    NotYet {
        id: String,
        day: String,
    },
}

/// The card for an id, or a "not found" card with the closest matches.
pub fn card(cat: &Catalog<'_>, id: &str) -> CardView {
    match cat.record(id) {
        Some(r) if !cat.shows(r) => CardView::NotYet {
            id: id.to_string(),
            day: cat.day().map(day_words).unwrap_or_default(),
        },
        Some(RecordRef::Fact(f)) => CardView::Fact(fact_card(cat.data, f)),
        Some(RecordRef::Entity(e)) => CardView::Entity(entity_card(cat, e)),
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
    // The current status is the latest document's word, and says so.
    let latest = f.reports().last().map_or(f.reported_in(), |r| r.doc);
    let doc = &data.documents[latest as usize];
    let which = if f.report_count() > 1 {
        "the latest source"
    } else {
        "the document"
    };
    let as_of = (f.status != Status::Happened).then(|| match date_view(&doc.written) {
        Some(w) => format!("as of {which}, written {}", w.flagged()),
        None => format!("as of {which} (its date is not known)"),
    });
    FactCard {
        id: f.id.clone(),
        title: f.title.clone(),
        kind: f.kind.label(),
        kind_slug: f.kind.slug(),
        status: headline_status(f),
        status_slug: f.status.slug(),
        as_of,
        date: date_view(&f.date),
        summary: f
            .reports()
            .iter()
            .rev()
            .find_map(|r| Some((r.doc, r.summary.as_deref()?)))
            .and_then(|(d, text)| said(data, d, text)),
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
        sources: sources(data, f),
        badges: badges(f),
        disputes: disputes(data, f),
    }
}

/// The most items a card lists of one kind (facts, documents, members): the rest are counted
/// and one link away, so a card's page stays small at any size of the data.
pub const CARD_LIST: usize = 25;

/// The last `n` of a list, or all of it.
fn last<T>(mut v: Vec<T>, n: usize) -> Vec<T> {
    let from = v.len().saturating_sub(n);
    v.drain(..from);
    v
}

pub fn entity_card(cat: &Catalog<'_>, ix: EntityIx) -> EntityCard {
    let data = cat.data;
    let links = cat.links();
    let e = &data.entities[ix as usize];
    let facts = facts_by_date(data, links.entity_facts[ix as usize].iter().copied());
    let facts_total = facts.len();
    let mentioned_in: Vec<(String, String, usize)> = links.entity_docs[ix as usize]
        .iter()
        .map(|&(d, n)| {
            let d = &data.documents[d as usize];
            (d.id.clone(), d.title.clone(), n)
        })
        .collect();
    let mut mentioned_in =
        crate::core::order::sort_by(mentioned_in, &|a: &(String, String, usize), b| {
            b.2.cmp(&a.2).then(a.0.cmp(&b.0))
        });
    let mentioned_total = mentioned_in.len();
    mentioned_in.truncate(CARD_LIST);
    let members: Vec<EntityLink> = links.members[ix as usize]
        .iter()
        .map(|&m| entity_link(data, m))
        .collect();
    let mut aliases = e.aliases.clone();
    aliases.extend(e.abbreviations.iter().filter(|a| **a != e.name).cloned());
    let descriptions: Vec<Said> = e
        .descriptions()
        .iter()
        .filter_map(|d| said(data, d.doc, &d.text))
        .collect();
    EntityCard {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: e.kind.label(),
        kind_slug: CardKind::Entity(e.kind).slug(),
        aliases,
        search_aliases: e.search_aliases.clone(),
        roles: e.roles.clone(),
        affiliation: e.affiliation.map(|a| entity_link(data, a)),
        members_total: members.len(),
        members: members.into_iter().take(CARD_LIST).collect(),
        description: descriptions.last().cloned(),
        earlier: descriptions[..descriptions.len().saturating_sub(1)].to_vec(),
        purpose: e.purpose.clone(),
        evidence: evidence(data, &e.evidence),
        facts: last(facts, CARD_LIST),
        facts_total,
        filterable: matches!(e.kind, EntityKind::State | EntityKind::Organisation),
        mentioned_in,
        mentioned_total,
    }
}

/// What a citation of record `id` cites: its title, its date (a fact's), and one (document,
/// first quote) per source: every report of a fact, an entity's first quote. `None` for an
/// unknown id or a record with no quote.
pub(super) fn cited(cat: &Catalog<'_>, id: &str) -> Option<(String, Option<DateView>, Vec<Quote>)> {
    let data = cat.data;
    let (title, date, cited): (String, Option<DateView>, Vec<Quote>) = match cat.record(id)? {
        RecordRef::Fact(f) => {
            let f = &data.facts[f as usize];
            let cited = f
                .reports()
                .iter()
                .filter_map(|r| r.quotes.first().copied())
                .collect();
            (f.title.clone(), date_view(&f.date), cited)
        }
        RecordRef::Entity(e) => {
            let e = &data.entities[e as usize];
            (
                e.name.clone(),
                None,
                e.evidence.first().copied().into_iter().collect(),
            )
        }
    };
    (!cited.is_empty()).then_some((title, date, cited))
}

/// A citation of a card a reader can paste: title, date, source, outlet, page date, quote, link.
pub fn citation(cat: &Catalog<'_>, id: &str, link: &str) -> Option<String> {
    let data = cat.data;
    let (title, date, cited) = cited(cat, id)?;
    let source = |q: &Quote| {
        let doc = &data.documents[q.doc as usize];
        let outlet = doc
            .outlet
            .as_ref()
            .map_or_else(|| ", outlet not stated".to_string(), |o| format!(", {o}"));
        let page = doc.page_date.as_ref().map_or_else(
            || ", page undated".to_string(),
            |p| format!(", page dated {p}"),
        );
        format!("\u{201c}{}\u{201d}{outlet}{page}", doc.title)
    };
    let quote = |q: &Quote| format!("\u{201c}{}\u{201d}", data.quote_text(q));
    let mut out = format!("{title}.");
    if let Some(d) = date {
        out.push_str(&format!(" {}.", d.flagged()));
    }
    let sources: Vec<String> = cited.iter().map(source).collect();
    let quotes: Vec<String> = cited.iter().map(quote).collect();
    if cited.len() == 1 {
        out.push_str(&format!(" Source: {}. Quote: {}", sources[0], quotes[0]));
    } else {
        out.push_str(&format!(
            " Sources: {}. Quotes: {}",
            sources.join("; "),
            quotes.join("; ")
        ));
    }
    out.push_str(&format!(" {link}"));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    fn fact(id: &str) -> FactCard {
        match card(corpus(), id) {
            CardView::Fact(f) => f,
            other => panic!("{id} is not a fact: {other:?}"),
        }
    }

    #[test]
    fn a_fact_card_shows_its_date_status_links_and_quotes() {
        let f = fact("working-group-2019");
        assert_eq!(
            f.date.as_ref().map(|d| d.text.as_str()),
            Some("31 October \u{2013} 1 November 2019")
        );
        assert_eq!(f.status, "Held");
        assert_eq!(f.as_of, None, "what happened needs no \"as of\"");
        assert!(f.participants.iter().any(|p| p.id == "dorsk"));
        assert_eq!(
            f.places,
            [EntityLink {
                id: "borvia-city".into(),
                name: "Borvia City".into()
            }]
        );
        assert_eq!(f.evidence[0].doc_id, "b_fixture");
        assert_eq!(f.evidence[0].outlet.as_deref(), Some("Fixture Wire"));
        assert!(
            f.evidence[0]
                .text
                .starts_with("The council's working group met")
        );
        // A plan is a plan as of its document, and says when that was.
        let p = fact("harbour-shield-2018");
        assert_eq!(
            p.as_of.as_deref(),
            Some("as of the document, written January \u{2013} April 2018 (inferred)")
        );
        assert_eq!(
            p.date.as_ref().and_then(|d| d.inferred.as_deref()),
            Some("The month is stated; the year comes from the exercise's name.")
        );
        let m = fact("arland-cestria-join-ncc");
        assert_eq!(
            m.membership,
            [
                "Arland: Full member (begins)",
                "Cestria: Full member (begins)"
            ]
        );
    }

    #[test]
    fn an_entity_card_lists_its_facts_in_date_order_and_where_it_is_mentioned() {
        let CardView::Entity(e) = card(corpus(), "arland") else {
            panic!("an entity")
        };
        let ids: Vec<&str> = e.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "arland-cestria-join-ncc",
                "harbour-shield-2018",
                "arland-accord-accession",
                "arland-seeks-boats",
            ],
            "by date, undated last"
        );
        let docs: Vec<&str> = e.mentioned_in.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(docs, ["a_fixture", "b_fixture"], "most mentions first");
        assert!(e.mentioned_in[0].2 > e.mentioned_in[1].2);
        assert!(e.members.iter().any(|m| m.id == "dana-rook"));
    }

    #[test]
    fn an_unknown_id_gives_the_closest_cards() {
        let CardView::NotFound { id, closest } = card(corpus(), "harbour-shield-2019") else {
            panic!("not found")
        };
        assert_eq!(id, "harbour-shield-2019");
        assert!(
            closest.iter().any(|c| c.id == "harbour-shield"),
            "{closest:?}"
        );
        let CardView::NotFound { closest, .. } = card(corpus(), "zz-qq") else {
            panic!("not found")
        };
        assert!(closest.is_empty());
    }

    #[test]
    fn a_citation_names_title_source_outlet_page_date_quote_and_link() {
        fn check(id: &str, expect: &str) {
            let got = citation(corpus(), id, "https://x/card").expect("cites");
            assert_eq!(got, expect, "{id}");
        }
        check(
            "harbour-shield-2018",
            "Harbour Shield 2018. September 2018 (inferred). Source: \u{201c}Fixture A: Arland and the Harbour Shield exercises\u{201d}, outlet not stated, page dated 1 May 2024. Quote: \u{201c}Arland will take part in the Harbour Shield 2018 exercise of the Northern Cooperation Council (NCC) in September.\u{201d} https://x/card",
        );
        check(
            "dorsk",
            "Dorsk. Source: \u{201c}Fixture B: the working group meets\u{201d}, Fixture Wire, page undated. Quote: \u{201c}Delegates from Dorsk attended as observers.\u{201d} https://x/card",
        );
    }
}
