//! Filters (facets): type, entity, year range, source document, status and date certainty.
//!
//! Within one facet the chosen values are alternatives (exercise *or* meeting); across facets
//! they all apply. Each value's count is what the results would be with that value chosen,
//! given the query and every *other* active facet, so a count is never a dead end.
//! Facets that only make sense for facts (year, status, certainty) leave entities out while
//! they are active.

use crate::core::model::{Certainty, Dataset, EntityIx, EntityKind, FactKind, Status, When};
use crate::core::search::{Rec, RecordRef};
use std::collections::BTreeSet;

/// A card's type: a fact kind or an entity kind (their slugs never collide).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CardKind {
    Fact(FactKind),
    Entity(EntityKind),
}

impl CardKind {
    pub fn slug(self) -> &'static str {
        match self {
            CardKind::Fact(k) => k.slug(),
            CardKind::Entity(k) => k.slug(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CardKind::Fact(k) => k.label(),
            CardKind::Entity(k) => k.label(),
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        FactKind::from_slug(s)
            .map(CardKind::Fact)
            .or_else(|| EntityKind::from_slug(s).map(CardKind::Entity))
    }

    pub fn of(data: &Dataset, rec: RecordRef) -> CardKind {
        match rec {
            RecordRef::Fact(f) => CardKind::Fact(data.facts[f as usize].kind),
            RecordRef::Entity(e) => CardKind::Entity(data.entities[e as usize].kind),
        }
    }
}

/// How sure a fact's date is, as a filter value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateCertainty {
    Stated,
    Inferred,
    Unknown,
}

impl DateCertainty {
    pub const ALL: [DateCertainty; 3] = [
        DateCertainty::Stated,
        DateCertainty::Inferred,
        DateCertainty::Unknown,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            DateCertainty::Stated => "stated",
            DateCertainty::Inferred => "inferred",
            DateCertainty::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DateCertainty::Stated => "Date stated",
            DateCertainty::Inferred => "Date inferred",
            DateCertainty::Unknown => "Date unknown",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// The active filters. Entities and documents are kept by id, as links carry them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kinds: BTreeSet<CardKind>,
    pub entities: BTreeSet<String>,
    /// Inclusive years.
    pub years: Option<(i32, i32)>,
    pub docs: BTreeSet<String>,
    pub statuses: BTreeSet<Status>,
    pub certainty: BTreeSet<DateCertainty>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Kind = 0,
    Entity = 1,
    Year = 2,
    Doc = 3,
    Status = 4,
    Certainty = 5,
}

impl Dim {
    pub const ALL: [Dim; 6] = [
        Dim::Kind,
        Dim::Entity,
        Dim::Year,
        Dim::Doc,
        Dim::Status,
        Dim::Certainty,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Dim::Kind => "Type",
            Dim::Entity => "State or organisation",
            Dim::Year => "Years",
            Dim::Doc => "Source document",
            Dim::Status => "Status",
            Dim::Certainty => "Date certainty",
        }
    }

    /// The URL parameter that holds this filter.
    pub fn key(self) -> &'static str {
        match self {
            Dim::Kind => "type",
            Dim::Entity => "ent",
            Dim::Year => "years",
            Dim::Doc => "src",
            Dim::Status => "status",
            Dim::Certainty => "certainty",
        }
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    pub fn is_active(&self, d: Dim) -> bool {
        match d {
            Dim::Kind => !self.kinds.is_empty(),
            Dim::Entity => !self.entities.is_empty(),
            Dim::Year => self.years.is_some(),
            Dim::Doc => !self.docs.is_empty(),
            Dim::Status => !self.statuses.is_empty(),
            Dim::Certainty => !self.certainty.is_empty(),
        }
    }

    pub fn clear(&mut self, d: Dim) {
        match d {
            Dim::Kind => self.kinds.clear(),
            Dim::Entity => self.entities.clear(),
            Dim::Year => self.years = None,
            Dim::Doc => self.docs.clear(),
            Dim::Status => self.statuses.clear(),
            Dim::Certainty => self.certainty.clear(),
        }
    }

    /// Adds a value to its facet, or removes it if present. Returns false for a value that
    /// does not belong to a toggleable facet.
    pub fn toggle(&mut self, d: Dim, value: &str) -> bool {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, v: T) {
            if !set.remove(&v) {
                set.insert(v);
            }
        }
        match d {
            Dim::Kind => CardKind::from_slug(value)
                .map(|k| flip(&mut self.kinds, k))
                .is_some(),
            Dim::Entity => {
                flip(&mut self.entities, value.to_string());
                true
            }
            Dim::Doc => {
                flip(&mut self.docs, value.to_string());
                true
            }
            Dim::Status => Status::from_slug(value)
                .map(|s| flip(&mut self.statuses, s))
                .is_some(),
            Dim::Certainty => DateCertainty::from_slug(value)
                .map(|s| flip(&mut self.certainty, s))
                .is_some(),
            Dim::Year => false,
        }
    }

    /// How many individual values are chosen (a year range counts as one).
    pub fn count(&self) -> usize {
        self.kinds.len()
            + self.entities.len()
            + usize::from(self.years.is_some())
            + self.docs.len()
            + self.statuses.len()
            + self.certainty.len()
    }
}

fn is_facet_entity(k: EntityKind) -> bool {
    matches!(k, EntityKind::State | EntityKind::Organisation)
}

/// Every record's facet values, computed once: counting facets per keystroke then costs a
/// pass over the hits with no allocation and no search through mentions.
#[derive(Debug, Clone, Default)]
pub struct FacetIndex {
    /// Each record's type, as an index into `kinds`.
    kind: Vec<u8>,
    kinds: Vec<CardKind>,
    /// Each record's states and organisations: `ents[ent_start[r]..ent_start[r + 1]]`.
    ent_start: Vec<u32>,
    ents: Vec<EntityIx>,
    /// Each record's source documents, likewise.
    doc_start: Vec<u32>,
    docs: Vec<u32>,
    /// Each fact's first and last year; `None` for entities and undated facts.
    years: Vec<Option<(i32, i32)>>,
    /// Status and date certainty as indices into `Status::ALL` / `DateCertainty::ALL`; 255 for none.
    status: Vec<u8>,
    sure: Vec<u8>,
    /// Facet entities and documents, most used first: the fixed order they are listed in.
    ent_order: Vec<EntityIx>,
    doc_order: Vec<u32>,
}

const NONE: u8 = u8::MAX;

impl FacetIndex {
    pub fn build(data: &Dataset) -> FacetIndex {
        let mut fx = FacetIndex::default();
        let facts = data.facts.len();
        let records = facts + data.entities.len();
        let keep = |e: EntityIx| is_facet_entity(data.entities[e as usize].kind);
        // Which documents mention each entity: one pass over the mentions.
        let mut mentioned: Vec<(EntityIx, u32)> =
            data.mentions.iter().map(|m| (m.entity, m.doc)).collect();
        mentioned.sort_unstable();
        mentioned.dedup();
        let kind_ix = |k: CardKind, kinds: &mut Vec<CardKind>| -> u8 {
            match kinds.iter().position(|x| *x == k) {
                Some(i) => i as u8,
                None => {
                    kinds.push(k);
                    (kinds.len() - 1) as u8
                }
            }
        };
        let mut ent_use = vec![0u32; data.entities.len()];
        let mut doc_use = vec![0u32; data.documents.len()];
        fx.ent_start.push(0);
        fx.doc_start.push(0);
        for r in 0..records {
            let (ents, docs): (Vec<EntityIx>, Vec<u32>) = if r < facts {
                let f = &data.facts[r];
                fx.kind.push(kind_ix(CardKind::Fact(f.kind), &mut fx.kinds));
                let mut ents: Vec<EntityIx> = f
                    .participants
                    .iter()
                    .chain(&f.places)
                    .chain(&f.about)
                    .chain(f.membership.iter().map(|m| &m.who))
                    .copied()
                    .filter(|e| keep(*e))
                    .collect();
                ents.sort_unstable();
                ents.dedup();
                let mut docs: Vec<u32> = f.evidence.iter().map(|q| q.doc).collect();
                docs.sort_unstable();
                docs.dedup();
                fx.years.push(match f.date.when {
                    When::Unknown => None,
                    When::Point(p) => Some((p.year, p.year)),
                    When::Range(a, b) => Some((a.year, b.year)),
                });
                fx.status.push(
                    Status::ALL
                        .iter()
                        .position(|s| *s == f.status)
                        .map_or(NONE, |i| i as u8),
                );
                let sure = match (&f.date.when, &f.date.certainty) {
                    (When::Unknown, _) => DateCertainty::Unknown,
                    (_, Certainty::Inferred(_)) => DateCertainty::Inferred,
                    _ => DateCertainty::Stated,
                };
                fx.sure.push(
                    DateCertainty::ALL
                        .iter()
                        .position(|s| *s == sure)
                        .map_or(NONE, |i| i as u8),
                );
                (ents, docs)
            } else {
                let ix = (r - facts) as EntityIx;
                let e = &data.entities[ix as usize];
                fx.kind
                    .push(kind_ix(CardKind::Entity(e.kind), &mut fx.kinds));
                let mut ents: Vec<EntityIx> = std::iter::once(ix)
                    .chain(e.affiliation)
                    .filter(|e| keep(*e))
                    .collect();
                ents.dedup();
                let from = mentioned.partition_point(|m| m.0 < ix);
                let to = mentioned.partition_point(|m| m.0 <= ix);
                let mut docs: Vec<u32> = mentioned[from..to].iter().map(|m| m.1).collect();
                docs.extend(e.evidence.iter().map(|q| q.doc));
                docs.sort_unstable();
                docs.dedup();
                fx.years.push(None);
                fx.status.push(NONE);
                fx.sure.push(NONE);
                (ents, docs)
            };
            for &e in &ents {
                ent_use[e as usize] += 1;
            }
            for &d in &docs {
                doc_use[d as usize] += 1;
            }
            fx.ents.extend(ents);
            fx.docs.extend(docs);
            fx.ent_start.push(fx.ents.len() as u32);
            fx.doc_start.push(fx.docs.len() as u32);
        }
        let mut ent_order: Vec<EntityIx> = (0..data.entities.len() as EntityIx)
            .filter(|e| keep(*e) && ent_use[*e as usize] > 0)
            .collect();
        crate::core::order::sort_indices(&mut ent_order, &|a, b| {
            ent_use[b as usize].cmp(&ent_use[a as usize]).then(
                data.entities[a as usize]
                    .name
                    .cmp(&data.entities[b as usize].name),
            )
        });
        fx.ent_order = ent_order;
        let mut doc_order: Vec<u32> = (0..data.documents.len() as u32).collect();
        crate::core::order::sort_indices(&mut doc_order, &|a, b| {
            doc_use[b as usize]
                .cmp(&doc_use[a as usize])
                .then(a.cmp(&b))
        });
        fx.doc_order = doc_order;
        fx
    }

    fn ents(&self, r: Rec) -> &[EntityIx] {
        &self.ents[self.ent_start[r as usize] as usize..self.ent_start[r as usize + 1] as usize]
    }

    fn docs(&self, r: Rec) -> &[u32] {
        &self.docs[self.doc_start[r as usize] as usize..self.doc_start[r as usize + 1] as usize]
    }
}

/// Filters resolved against the dataset (ids to indices), ready to test records.
struct Active {
    kinds: Vec<bool>,
    any_kind: bool,
    ents: Vec<bool>,
    any_ent: bool,
    years: Option<(i32, i32)>,
    docs: Vec<bool>,
    any_doc: bool,
    statuses: [bool; 4],
    any_status: bool,
    sure: [bool; 3],
    any_sure: bool,
}

impl Active {
    fn new(data: &Dataset, fx: &FacetIndex, f: &Filters) -> Active {
        Active {
            kinds: fx.kinds.iter().map(|k| f.kinds.contains(k)).collect(),
            any_kind: !f.kinds.is_empty(),
            ents: data
                .entities
                .iter()
                .map(|e| f.entities.contains(&e.id))
                .collect(),
            any_ent: !f.entities.is_empty(),
            years: f.years,
            docs: data
                .documents
                .iter()
                .map(|d| f.docs.contains(&d.id))
                .collect(),
            any_doc: !f.docs.is_empty(),
            statuses: Status::ALL.map(|s| f.statuses.contains(&s)),
            any_status: !f.statuses.is_empty(),
            sure: DateCertainty::ALL.map(|s| f.certainty.contains(&s)),
            any_sure: !f.certainty.is_empty(),
        }
    }

    /// A bit per facet: set when the record passes that facet.
    fn passes(&self, fx: &FacetIndex, r: Rec) -> u8 {
        let i = r as usize;
        let mut bits = 0u8;
        let mut set = |d: Dim, ok: bool| {
            if ok {
                bits |= 1 << d as u8;
            }
        };
        set(Dim::Kind, !self.any_kind || self.kinds[fx.kind[i] as usize]);
        set(
            Dim::Entity,
            !self.any_ent || fx.ents(r).iter().any(|e| self.ents[*e as usize]),
        );
        set(
            Dim::Year,
            match (self.years, fx.years[i]) {
                (None, _) => true,
                (Some((a, b)), Some((x, y))) => x <= b && y >= a,
                (Some(_), None) => false,
            },
        );
        set(
            Dim::Doc,
            !self.any_doc || fx.docs(r).iter().any(|d| self.docs[*d as usize]),
        );
        set(
            Dim::Status,
            !self.any_status || (fx.status[i] != NONE && self.statuses[fx.status[i] as usize]),
        );
        set(
            Dim::Certainty,
            !self.any_sure || (fx.sure[i] != NONE && self.sure[fx.sure[i] as usize]),
        );
        bits
    }
}

const ALL_DIMS: u8 = 0b11_1111;

/// How many values a long facet (states and organisations, documents) lists before "show all".
pub const SHORT_LIST: usize = 12;

/// One value of a facet, with its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// What the URL and `Filters::toggle` use: a slug or an id.
    pub key: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetGroup {
    pub dim: Dim,
    pub values: Vec<FacetValue>,
    /// Values not listed (a long facet shows its most used values until asked for all).
    pub hidden: usize,
}

/// The filtered hits and every facet's counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Faceted<T> {
    /// The hits that pass every filter, in the order given.
    pub records: Vec<T>,
    pub groups: Vec<FacetGroup>,
    /// (year, how many facts fall in it given the other filters), ascending, for the year range.
    pub years: Vec<(i32, usize)>,
}

/// Applies the filters to `hits` and counts every facet value. `rec` reads a hit's record;
/// `expanded` lists the long facets to list in full.
pub fn apply<T: Clone>(
    data: &Dataset,
    fx: &FacetIndex,
    hits: &[T],
    rec: impl Fn(&T) -> Rec,
    filters: &Filters,
    expanded: &[Dim],
) -> Faceted<T> {
    let active = Active::new(data, fx, filters);
    let mut kinds = vec![0usize; fx.kinds.len()];
    let mut ents = vec![0usize; data.entities.len()];
    let mut docs = vec![0usize; data.documents.len()];
    let mut statuses = [0usize; 4];
    let mut sure = [0usize; 3];
    // Counts per year, by offset from the earliest year any fact has.
    let first_year = fx.years.iter().flatten().map(|y| y.0).min().unwrap_or(0);
    let last_year = fx.years.iter().flatten().map(|y| y.1).max().unwrap_or(0);
    let mut years = vec![0usize; (last_year - first_year + 1).clamp(0, 400) as usize];
    let mut records = Vec::new();
    let others = |d: Dim, bits: u8| bits | (1 << d as u8) == ALL_DIMS;
    for hit in hits {
        let r = rec(hit);
        let i = r as usize;
        let bits = active.passes(fx, r);
        if bits == ALL_DIMS {
            records.push(hit.clone());
        }
        if others(Dim::Kind, bits) {
            kinds[fx.kind[i] as usize] += 1;
        }
        if others(Dim::Entity, bits) {
            for e in fx.ents(r) {
                ents[*e as usize] += 1;
            }
        }
        if others(Dim::Doc, bits) {
            for d in fx.docs(r) {
                docs[*d as usize] += 1;
            }
        }
        if others(Dim::Status, bits) && fx.status[i] != NONE {
            statuses[fx.status[i] as usize] += 1;
        }
        if others(Dim::Certainty, bits) && fx.sure[i] != NONE {
            sure[fx.sure[i] as usize] += 1;
        }
        if others(Dim::Year, bits)
            && let Some((a, b)) = fx.years[i]
        {
            for y in a..=b.min(a + 200) {
                if let Some(slot) = years.get_mut((y - first_year) as usize) {
                    *slot += 1;
                }
            }
        }
    }

    // Every value is listed in a fixed order whatever the counts (types in their order, long
    // facets by how much they are used overall): a list that reorders or loses items while
    // the user types would move the control under their focus. A value with nothing behind
    // it shows a zero (and the UI disables it unless it is selected).
    let value = |key: &str, label: &str, count: usize, selected: bool| FacetValue {
        key: key.to_string(),
        label: label.to_string(),
        count,
        selected,
    };
    let kind_order =
        crate::core::order::order_of(fx.kinds.len(), &|a, b| fx.kinds[a].cmp(&fx.kinds[b]));
    let mut groups = vec![FacetGroup {
        dim: Dim::Kind,
        values: kind_order
            .into_iter()
            .map(|i| {
                let i = i as usize;
                let k = fx.kinds[i];
                value(k.slug(), k.label(), kinds[i], filters.kinds.contains(&k))
            })
            .collect(),
        hidden: 0,
    }];
    // A selected value that the data no longer has (a stale link) still shows, so it can be undone.
    for k in filters.kinds.iter().filter(|k| !fx.kinds.contains(k)) {
        groups[0].values.push(value(k.slug(), k.label(), 0, true));
    }
    let long = |dim: Dim, order: &mut dyn Iterator<Item = (String, String, usize, bool)>| {
        let full = expanded.contains(&dim);
        let mut values = Vec::new();
        let mut hidden = 0;
        for (n, (key, label, count, selected)) in order.enumerate() {
            if full || n < SHORT_LIST || selected {
                values.push(FacetValue {
                    key,
                    label,
                    count,
                    selected,
                });
            } else {
                hidden += 1;
            }
        }
        FacetGroup {
            dim,
            values,
            hidden,
        }
    };
    let mut ent_iter = fx.ent_order.iter().map(|&e| {
        let ent = &data.entities[e as usize];
        (
            ent.id.clone(),
            ent.name.clone(),
            ents[e as usize],
            active.ents[e as usize],
        )
    });
    let mut ent_group = long(Dim::Entity, &mut ent_iter);
    keep_stale(&mut ent_group, &filters.entities, |id| {
        data.entities
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| format!("{id} (unknown)"), |e| e.name.clone())
    });
    groups.push(ent_group);
    let mut doc_iter = fx.doc_order.iter().map(|&d| {
        let doc = &data.documents[d as usize];
        (
            doc.id.clone(),
            doc.title.clone(),
            docs[d as usize],
            active.docs[d as usize],
        )
    });
    let mut doc_group = long(Dim::Doc, &mut doc_iter);
    keep_stale(&mut doc_group, &filters.docs, |id| {
        format!("{id} (unknown)")
    });
    groups.push(doc_group);
    groups.push(FacetGroup {
        dim: Dim::Status,
        values: Status::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| {
                value(
                    s.slug(),
                    s.label(),
                    statuses[i],
                    filters.statuses.contains(s),
                )
            })
            .collect(),
        hidden: 0,
    });
    groups.push(FacetGroup {
        dim: Dim::Certainty,
        values: DateCertainty::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| value(s.slug(), s.label(), sure[i], filters.certainty.contains(s)))
            .collect(),
        hidden: 0,
    });
    let years = years
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .map(|(i, n)| (first_year + i as i32, n))
        .collect();
    Faceted {
        records,
        groups,
        years,
    }
}

/// A selected entity or document that the list does not show (a stale or hand-edited link)
/// still appears, at zero and selected, so it can be undone; `label` names it.
fn keep_stale(group: &mut FacetGroup, selected: &BTreeSet<String>, label: impl Fn(&str) -> String) {
    for id in selected {
        if !group.values.iter().any(|v| &v.key == id) {
            group.values.push(FacetValue {
                key: id.clone(),
                label: label(id),
                count: 0,
                selected: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::index::Index;
    use crate::core::search::rank::search;
    use crate::core::search::{Weights, query};
    use crate::core::{source, validate};

    fn data() -> (Dataset, Index, FacetIndex) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let d = validate::validate(&source::load_dir(&dir).expect("seeds"))
            .expect("valid")
            .dataset;
        let ix = Index::build(&d);
        let fx = FacetIndex::build(&d);
        (d, ix, fx)
    }

    /// The records query `q` finds, unordered, as facets receive them.
    fn hits(d: &Dataset, ix: &Index, q: &str) -> Vec<Rec> {
        search(ix, d, &query::parse(q), &Weights::default())
            .hits
            .iter()
            .map(|h| h.rec)
            .collect()
    }

    fn count(f: &Faceted<Rec>, dim: Dim, key: &str) -> Option<usize> {
        f.groups
            .iter()
            .find(|g| g.dim == dim)?
            .values
            .iter()
            .find(|v| v.key == key)
            .map(|v| v.count)
    }

    /// Runs `q` with filters set by `set`, and checks (dim, key, expected count) triples and the
    /// number of results.
    fn check(
        q: &str,
        set: impl Fn(&mut Filters),
        results: usize,
        counts: &[(Dim, &str, Option<usize>)],
    ) {
        let (d, ix, fx) = data();
        let hits = hits(&d, &ix, q);
        let mut f = Filters::default();
        set(&mut f);
        let got = apply(&d, &fx, &hits, |r| *r, &f, &[]);
        assert_eq!(got.records.len(), results, "{q:?} {f:?}");
        for (dim, key, want) in counts {
            assert_eq!(count(&got, *dim, key), *want, "{q:?} {f:?}: {dim:?}={key}");
        }
    }

    #[test]
    fn a_selected_value_the_data_lacks_stays_listed_so_it_can_be_undone() {
        let (d, ix, fx) = data();
        let hits = hits(&d, &ix, "");
        let mut f = Filters::default();
        f.toggle(Dim::Entity, "atlantis");
        f.toggle(Dim::Doc, "no-such-doc");
        let got = apply(&d, &fx, &hits, |r| *r, &f, &[]);
        let find = |dim: Dim, key: &str| {
            got.groups
                .iter()
                .find(|g| g.dim == dim)
                .and_then(|g| g.values.iter().find(|v| v.key == key))
                .map(|v| (v.label.clone(), v.count, v.selected))
        };
        let stale = |key: &str| Some((format!("{key} (unknown)"), 0, true));
        assert_eq!(find(Dim::Entity, "atlantis"), stale("atlantis"));
        assert_eq!(find(Dim::Doc, "no-such-doc"), stale("no-such-doc"));
        assert_eq!(got.records.len(), 0);
    }

    #[test]
    fn counts_say_what_choosing_a_value_would_give() {
        // All 20 facts and 29 entities.
        check(
            "",
            |_| {},
            49,
            &[
                (Dim::Kind, "exercise", Some(5)),
                (Dim::Kind, "state", Some(5)),
                (Dim::Status, "planned", Some(6)),
            ],
        );
        // Choosing exercises: the type counts still show the alternatives.
        check(
            "",
            |f| {
                f.toggle(Dim::Kind, "exercise");
            },
            5,
            &[
                (Dim::Kind, "meeting", Some(3)),
                (Dim::Kind, "exercise", Some(5)),
                (Dim::Status, "planned", Some(2)),
            ],
        );
        // Two values of one facet are alternatives.
        check(
            "",
            |f| {
                f.toggle(Dim::Kind, "exercise");
                f.toggle(Dim::Kind, "meeting");
            },
            8,
            &[],
        );
        // Facets combine with each other and with the query.
        check(
            "peace",
            |f| {
                f.toggle(Dim::Kind, "exercise");
                f.statuses.insert(Status::Planned);
            },
            2,
            &[
                (Dim::Status, "happened", Some(1)),
                (Dim::Status, "planned", Some(2)),
            ],
        );
        // Years leave undated records out and keep the histogram.
        check(
            "",
            |f| f.years = Some((2016, 2017)),
            5,
            &[(Dim::Kind, "state", Some(0))],
        );
        check(
            "",
            |f| {
                f.certainty.insert(DateCertainty::Unknown);
            },
            1,
            &[],
        );
        check(
            "",
            |f| {
                f.toggle(Dim::Entity, "belarus");
            },
            3,
            &[],
        );
        check(
            "",
            |f| {
                f.toggle(Dim::Doc, "001_5f9b55a6b9e11d19");
            },
            25,
            &[],
        );
    }

    #[test]
    fn the_lists_keep_their_order_and_length_whatever_the_query() {
        let (d, ix, fx) = data();
        let shape = |q: &str| -> Vec<(Dim, Vec<String>)> {
            let hits = hits(&d, &ix, q);
            apply(&d, &fx, &hits, |r| *r, &Filters::default(), &[])
                .groups
                .into_iter()
                .map(|g| (g.dim, g.values.into_iter().map(|v| v.key).collect()))
                .collect()
        };
        assert_eq!(shape("p"), shape("peace"));
        assert_eq!(shape(""), shape("zzzzz"));
    }

    #[test]
    fn a_selected_value_with_no_results_stays_listed() {
        let (d, ix, fx) = data();
        let hits = hits(&d, &ix, "belarus");
        let mut f = Filters::default();
        f.toggle(Dim::Kind, "procurement");
        let got = apply(&d, &fx, &hits, |r| *r, &f, &[]);
        assert!(got.records.is_empty());
        assert_eq!(count(&got, Dim::Kind, "procurement"), Some(0));
    }
}

#[cfg(test)]
mod long_lists {
    use super::*;

    #[test]
    fn long_facets_list_their_most_used_values_until_asked_for_all() {
        let d = crate::core::validate::validate(&crate::core::synth::generate(2000, 3))
            .expect("valid")
            .dataset;
        let fx = FacetIndex::build(&d);
        let all: Vec<Rec> = (0..(d.facts.len() + d.entities.len()) as Rec).collect();
        let short = apply(&d, &fx, &all, |r| *r, &Filters::default(), &[]);
        let docs = short
            .groups
            .iter()
            .find(|g| g.dim == Dim::Doc)
            .expect("documents");
        assert_eq!(docs.values.len(), SHORT_LIST);
        assert_eq!(docs.hidden, d.documents.len() - SHORT_LIST);
        let full = apply(&d, &fx, &all, |r| *r, &Filters::default(), &[Dim::Doc]);
        assert_eq!(
            full.groups
                .iter()
                .find(|g| g.dim == Dim::Doc)
                .expect("documents")
                .values
                .len(),
            d.documents.len()
        );
        // A chosen value is always listed, however little used.
        let rare = fx.doc_order.last().copied().expect("a document");
        let mut f = Filters::default();
        f.toggle(Dim::Doc, &d.documents[rare as usize].id);
        let chosen = apply(&d, &fx, &all, |r| *r, &f, &[]);
        let g = chosen
            .groups
            .iter()
            .find(|g| g.dim == Dim::Doc)
            .expect("documents");
        assert!(g.values.iter().any(|v| v.selected));
    }
}
