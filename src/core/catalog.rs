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
}

impl<'a> Catalog<'a> {
    pub fn new(data: &'a Dataset, index: &'a Index) -> Self {
        Catalog {
            data,
            index,
            by_id: OnceLock::new(),
            facets: OnceLock::new(),
            reach: OnceLock::new(),
        }
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
        let mut o = search(self.index, self.data, &query::parse(q), &Weights::default());
        order(self.index, &mut o.hits, shown);
        o
    }

    /// Runs a query as the search box would, every hit in rank order.
    pub fn search(&self, q: &str) -> Outcome {
        self.keystroke(q, usize::MAX)
    }
}
