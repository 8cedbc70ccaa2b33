//! The dataset and its search index with look-ups by id, built on first use: the one service
//! every screen's view model asks "which record is this?".

use crate::core::facets::FacetIndex;
use crate::core::model::*;
use crate::core::search::index::Index;
use crate::core::search::rank::{Outcome, Past, order, search_in};
use crate::core::search::{Rec, RecordRef, Weights, fields, query};
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
    /// As of a date, per record: it existed, and its words then differ from today's (which the
    /// shared index holds), so a search rechecks it (`search::rank::Past`).
    exists: Vec<bool>,
    recheck: Vec<bool>,
    day: Option<i32>,
    /// Every document's id, sorted, for binary search.
    doc_ids: OnceLock<Vec<(&'a str, DocIx)>>,
    links: OnceLock<Links>,
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
            doc_ids: OnceLock::new(),
            links: OnceLock::new(),
            presence: None,
            exists: Vec::new(),
            recheck: Vec::new(),
            day: None,
            steps: OnceLock::new(),
            past: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The days on which what the sources say changes (`asof::steps`).
    pub fn steps(&self) -> &[i32] {
        self.steps
            .get_or_init(|| crate::core::asof::steps(self.data))
    }

    /// The day this catalog shows the sources as of; `None`: today.
    pub fn day(&self) -> Option<i32> {
        self.day
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

    /// Hits of a parsed query among the records that exist, in record order: as of a date,
    /// matched in what each record said then.
    pub fn find(&self, q: &query::Query) -> Outcome {
        let past = self.presence.as_ref().map(|_| Past {
            exists: &self.exists,
            recheck: &self.recheck,
        });
        search_in(self.index, self.data, q, &Weights::default(), past.as_ref())
    }

    /// How many facts, entities and documents there are (as of this catalog's day).
    pub fn counts(&self) -> (usize, usize, usize) {
        let data = self.data;
        match &self.presence {
            None => (data.facts.len(), data.entities.len(), data.documents.len()),
            Some(p) => {
                let n = |v: &[bool]| v.iter().filter(|x| **x).count();
                (n(&p.facts), n(&p.entities), n(&p.documents))
            }
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
        let ids = self.doc_ids.get_or_init(|| {
            let all: Vec<(&str, DocIx)> = self
                .data
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), i as DocIx))
                .collect();
            crate::core::order::sort_by(all, &|a: &(&str, DocIx), b| a.0.cmp(b.0))
        });
        ids.binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .map(|i| ids[i].1)
    }

    /// Who names whom, read the other way (`Links`): built on first use.
    pub fn links(&self) -> &Links {
        self.links.get_or_init(|| Links::of(self.data))
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

/// Who names whom, read the other way: for each entity, the facts it takes part in, the
/// documents that mention it with how often, and its members; for each document, the facts it
/// reports. Built once, the first time a card or a document asks, so opening one is a look-up
/// rather than a pass over all the data, and publishing a page for every record stays linear.
#[derive(Debug, Default)]
pub struct Links {
    /// By entity: its facts, in fact order.
    pub entity_facts: Vec<Vec<FactIx>>,
    /// By entity: (document, mentions in it), in document order.
    pub entity_docs: Vec<Vec<(DocIx, usize)>>,
    /// By entity: the entities affiliated to it, in entity order.
    pub members: Vec<Vec<EntityIx>>,
    /// By document: the facts that quote it, in fact order.
    pub doc_facts: Vec<Vec<FactIx>>,
}

impl Links {
    fn of(data: &Dataset) -> Links {
        let mut l = Links {
            entity_facts: vec![Vec::new(); data.entities.len()],
            entity_docs: vec![Vec::new(); data.entities.len()],
            members: vec![Vec::new(); data.entities.len()],
            doc_facts: vec![Vec::new(); data.documents.len()],
        };
        let mut named: Vec<EntityIx> = Vec::new();
        for (i, f) in data.facts.iter().enumerate() {
            let i = i as FactIx;
            // What a fact names an entity by: taking part, being where, being about it, the
            // series, a membership.
            named.clear();
            named.extend(f.participants.iter().chain(&f.places).chain(&f.about));
            named.extend(f.series);
            named.extend(f.membership.iter().map(|m| m.who));
            named.sort_unstable();
            named.dedup();
            for &e in &named {
                if let Some(list) = l.entity_facts.get_mut(e as usize) {
                    list.push(i);
                }
            }
            for q in &f.evidence {
                if let Some(list) = l.doc_facts.get_mut(q.doc as usize)
                    && list.last() != Some(&i)
                {
                    list.push(i);
                }
            }
        }
        // Mentions are in document order, so each entity's documents come in order too.
        for m in &data.mentions {
            if let Some(list) = l.entity_docs.get_mut(m.entity as usize) {
                match list.last_mut() {
                    Some((d, n)) if *d == m.doc => *n += 1,
                    _ => list.push((m.doc, 1)),
                }
            }
        }
        for (i, e) in data.entities.iter().enumerate() {
            if let Some(list) = e.affiliation.and_then(|a| l.members.get_mut(a as usize)) {
                list.push(i as EntityIx);
            }
        }
        l
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
                // The days documents speak from are today's: the past's dataset no longer
                // dates the documents written after it.
                let _ = c.steps.set(self.steps().to_vec());
                c.exists = presence
                    .facts
                    .iter()
                    .chain(&presence.entities)
                    .copied()
                    .collect();
                // A record that exists but says less than today is searched in its own words.
                c.recheck = (0..c.exists.len() as Rec)
                    .map(|r| {
                        c.exists[r as usize]
                            && fields(data, RecordRef::of(data, r))
                                != fields(self.data, RecordRef::of(self.data, r))
                    })
                    .collect();
                c.presence = Some(presence);
                c.day = Some(day);
                let c: &'static Catalog<'static> = Box::leak(Box::new(c));
                past.push((step, c));
                c
            }
        }
    }
}
