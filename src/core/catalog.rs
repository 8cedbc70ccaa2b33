//! The dataset and its search index with look-ups by id, built on first use: the one service
//! every screen's view model asks "which record is this?".

use crate::core::facets::FacetIndex;
use crate::core::model::*;
use crate::core::search::index::Index;
use crate::core::search::rank::{Outcome, order, search};
use crate::core::search::{RecordRef, Weights, query};
use std::sync::OnceLock;

/// The dataset and its index, with lookups by id built on first use.
pub struct Catalog<'a> {
    pub data: &'a Dataset,
    pub index: &'a Index,
    /// Every record's id, sorted, for binary search (no hash table: less code in the wasm).
    by_id: OnceLock<Vec<(&'a str, RecordRef)>>,
    facets: OnceLock<FacetIndex>,
    reach: OnceLock<crate::core::timeline::Reach>,
    /// As of a date (`core::asof`): which records and documents existed then. `None`: today,
    /// everything.
    presence: Option<crate::core::asof::Presence>,
    /// The days the documents speak from, and each step's catalog once built.
    steps: OnceLock<Vec<i32>>,
    past: std::sync::Mutex<Vec<(usize, &'a Catalog<'a>)>>,
}

impl<'a> Catalog<'a> {
    pub fn new(data: &'a Dataset, index: &'a Index) -> Self {
        Catalog {
            data,
            index,
            by_id: OnceLock::new(),
            facets: OnceLock::new(),
            reach: OnceLock::new(),
            presence: None,
            steps: OnceLock::new(),
            past: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The days on which what the sources say changes (`asof::steps`).
    pub fn steps(&self) -> &[i32] {
        self.steps
            .get_or_init(|| crate::core::asof::steps(self.data))
    }

    /// Whether a record existed (as of this catalog's day; today, every record does).
    pub fn shows(&self, r: RecordRef) -> bool {
        match (&self.presence, r) {
            (None, _) => true,
            (Some(p), RecordRef::Fact(i)) => p.facts.get(i as usize).copied().unwrap_or(false),
            (Some(p), RecordRef::Entity(i)) => p.entities.get(i as usize).copied().unwrap_or(false),
        }
    }

    /// Whether a document had been written (as of this catalog's day).
    pub fn shows_doc(&self, d: DocIx) -> bool {
        self.presence
            .as_ref()
            .is_none_or(|p| p.documents.get(d as usize).copied().unwrap_or(false))
    }

    /// Hits of a parsed query among the records that exist, in record order.
    pub fn find(&self, q: &query::Query) -> Outcome {
        let mut o = search(self.index, self.data, q, &Weights::default());
        if self.presence.is_some() {
            o.hits
                .retain(|h| self.shows(RecordRef::of(self.data, h.rec)));
        }
        o
    }

    /// How far the timeline reaches: computed once.
    pub fn reach(&self) -> crate::core::timeline::Reach {
        *self
            .reach
            .get_or_init(|| crate::core::timeline::reach(self.data))
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

    /// Runs a query as a keystroke does: every hit found, only the first `shown` in rank order
    /// (`view::search::results` does the same between its facet counts).
    pub fn keystroke(&self, q: &str, shown: usize) -> Outcome {
        let mut o = self.find(&query::parse(q));
        order(self.index, &mut o.hits, shown);
        o
    }

    /// Runs a query as the search box would, every hit in rank order.
    pub fn search(&self, q: &str) -> Outcome {
        self.keystroke(q, usize::MAX)
    }
}

impl Catalog<'static> {
    /// The catalog of the sources as they stood on `day` (`core::asof`): built once for each
    /// step the documents' dates make, then kept, so moving between dates costs a look-up (at
    /// most one catalog per document date is ever built). It shares this catalog's search
    /// index: the records keep their places.
    pub fn as_of(&'static self, day: i32) -> &'static Catalog<'static> {
        let step = crate::core::asof::step_of(self.steps(), day);
        let mut past = self.past.lock().unwrap_or_else(|e| e.into_inner());
        match past.iter().find(|(s, _)| *s == step) {
            Some((_, c)) => c,
            None => {
                let (data, presence) = crate::core::asof::as_of(self.data, day);
                let data: &'static Dataset = Box::leak(Box::new(data));
                let mut c = Catalog::new(data, self.index);
                c.presence = Some(presence);
                let c: &'static Catalog<'static> = Box::leak(Box::new(c));
                past.push((step, c));
                c
            }
        }
    }
}
