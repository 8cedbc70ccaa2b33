//! Every record's facet values, computed once per dataset.

use super::{CardKind, DateCertainty, Sourcing};
use crate::core::model::{Certainty, Dataset, EntityIx, EntityKind, Status, When};
use crate::core::search::Rec;

fn is_facet_entity(k: EntityKind) -> bool {
    matches!(k, EntityKind::State | EntityKind::Organisation)
}

/// Every record's facet values, computed once: counting facets per keystroke then costs a
/// pass over the hits with no allocation and no search through mentions.
#[derive(Debug, Clone, Default)]
pub struct FacetIndex {
    /// Each record's type, as an index into `kinds`.
    pub(super) kind: Vec<u8>,
    pub(super) kinds: Vec<CardKind>,
    /// Each record's states and organisations: `ents[ent_start[r]..ent_start[r + 1]]`.
    ent_start: Vec<u32>,
    ents: Vec<EntityIx>,
    /// Each record's source documents, likewise.
    doc_start: Vec<u32>,
    docs: Vec<u32>,
    /// Each fact's first and last year; `None` for entities and undated facts.
    pub(super) years: Vec<Option<(i32, i32)>>,
    /// The earliest first year and the latest last year of any fact (0, 0 when none is
    /// dated): the year counters' extent, found here once rather than on every keystroke.
    pub(super) year_span: (i32, i32),
    /// Status and date certainty as indices into `Status::ALL` / `DateCertainty::ALL`; 255 for none.
    pub(super) status: Vec<u8>,
    pub(super) sure: Vec<u8>,
    /// Each record's `Sourcing` values as bits (by position in `Sourcing::ALL`); 0 for entities.
    pub(super) sourcing: Vec<u8>,
    /// Facet entities and documents, most used first: the fixed order they are listed in.
    pub(super) ent_order: Vec<EntityIx>,
    pub(super) doc_order: Vec<u32>,
}

pub(super) const NONE: u8 = u8::MAX;

impl FacetIndex {
    pub fn build(data: &Dataset) -> FacetIndex {
        let mut fx = FacetIndex::default();
        // Which documents mention each entity, grouped by entity with a counting pass rather
        // than a sort (the sort of every mention was two thirds of this function at 100k).
        let mut from = vec![0u32; data.entities.len() + 1];
        for m in &data.mentions {
            from[m.entity as usize + 1] += 1;
        }
        for i in 1..from.len() {
            from[i] += from[i - 1];
        }
        let mut next = from.clone();
        let mut mentioned = vec![0u32; data.mentions.len()];
        for m in &data.mentions {
            let slot = &mut next[m.entity as usize];
            mentioned[*slot as usize] = m.doc;
            *slot += 1;
        }
        let mentioned = (from, mentioned);
        let mut ent_use = vec![0u32; data.entities.len()];
        let mut doc_use = vec![0u32; data.documents.len()];
        fx.ent_start.push(0);
        fx.doc_start.push(0);
        let facts = data.facts.iter().map(|f| fact_values(data, f));
        let entities =
            (0..data.entities.len() as EntityIx).map(|e| entity_values(data, e, &mentioned));
        for v in facts.chain(entities) {
            let kind = match fx.kinds.iter().position(|k| *k == v.kind) {
                Some(i) => i,
                None => {
                    fx.kinds.push(v.kind);
                    fx.kinds.len() - 1
                }
            };
            fx.kind.push(kind as u8);
            fx.years.push(v.years);
            fx.status.push(v.status);
            fx.sure.push(v.sure);
            fx.sourcing.push(v.sourcing);
            for &e in &v.ents {
                ent_use[e as usize] += 1;
            }
            for &d in &v.docs {
                doc_use[d as usize] += 1;
            }
            fx.ents.extend(v.ents);
            fx.docs.extend(v.docs);
            fx.ent_start.push(fx.ents.len() as u32);
            fx.doc_start.push(fx.docs.len() as u32);
        }
        // The fixed order values are listed in: most used first (entities then by name,
        // documents by position); entities no record names are not listed.
        let mut ent_order: Vec<EntityIx> = (0..data.entities.len() as EntityIx)
            .filter(|e| {
                is_facet_entity(data.entities[*e as usize].kind) && ent_use[*e as usize] > 0
            })
            .collect();
        crate::core::order::sort_indices(&mut ent_order, &|a, b| {
            ent_use[b as usize].cmp(&ent_use[a as usize]).then(
                data.entities[a as usize]
                    .name
                    .cmp(&data.entities[b as usize].name),
            )
        });
        fx.ent_order = ent_order;
        // Documents no record draws on (as of a date, those not yet written) are not listed.
        let mut doc_order: Vec<u32> = (0..data.documents.len() as u32)
            .filter(|d| doc_use[*d as usize] > 0)
            .collect();
        crate::core::order::sort_indices(&mut doc_order, &|a, b| {
            doc_use[b as usize]
                .cmp(&doc_use[a as usize])
                .then(a.cmp(&b))
        });
        fx.doc_order = doc_order;
        // No dated record: an empty span (first after last), so the year range lists nothing.
        fx.year_span = (
            fx.years.iter().flatten().map(|y| y.0).min().unwrap_or(1),
            fx.years.iter().flatten().map(|y| y.1).max().unwrap_or(0),
        );
        fx
    }

    pub(super) fn ents(&self, r: Rec) -> &[EntityIx] {
        &self.ents[self.ent_start[r as usize] as usize..self.ent_start[r as usize + 1] as usize]
    }

    pub(super) fn docs(&self, r: Rec) -> &[u32] {
        &self.docs[self.doc_start[r as usize] as usize..self.doc_start[r as usize + 1] as usize]
    }
}

/// One record's facet values.
struct Values {
    kind: CardKind,
    /// Its states and organisations, and its documents, sorted and unique.
    ents: Vec<EntityIx>,
    docs: Vec<u32>,
    years: Option<(i32, i32)>,
    status: u8,
    sure: u8,
    sourcing: u8,
}

/// A fact's values: the states and organisations it names, the documents that quote it, its
/// years, status and date certainty.
fn fact_values(data: &Dataset, f: &crate::core::model::Fact) -> Values {
    let mut ents: Vec<EntityIx> = f
        .participants
        .iter()
        .chain(&f.places)
        .chain(&f.about)
        .chain(f.membership.iter().map(|m| &m.who))
        .copied()
        .filter(|e| is_facet_entity(data.entities[*e as usize].kind))
        .collect();
    crate::core::order::sort_unique(&mut ents);
    let mut docs: Vec<u32> = f.evidence.iter().map(|q| q.doc).collect();
    crate::core::order::sort_unique(&mut docs);
    let sure = match (&f.date.when, &f.date.certainty) {
        (When::Unknown, _) => DateCertainty::Unknown,
        (_, Certainty::Inferred(_)) => DateCertainty::Inferred,
        _ => DateCertainty::Stated,
    };
    Values {
        kind: CardKind::Fact(f.kind),
        ents,
        docs,
        years: match f.date.when {
            When::Unknown => None,
            When::Point(p) => Some((p.year, p.year)),
            When::Range(a, b) => Some((a.year, b.year)),
        },
        status: Status::ALL
            .iter()
            .position(|s| *s == f.status)
            .map_or(NONE, |i| i as u8),
        sure: DateCertainty::ALL
            .iter()
            .position(|s| *s == sure)
            .map_or(NONE, |i| i as u8),
        sourcing: Sourcing::of(f)
            .filter_map(|s| Sourcing::ALL.iter().position(|x| *x == s))
            .fold(0, |bits, i| bits | 1 << i),
    }
}

/// An entity's values: itself and what it belongs to (when those are states or
/// organisations), and the documents that mention or quote it. No years, status or certainty.
/// `mentioned` is (where each entity's documents start, plus the end; the documents).
fn entity_values(data: &Dataset, ix: EntityIx, mentioned: &(Vec<u32>, Vec<u32>)) -> Values {
    let e = &data.entities[ix as usize];
    let mut ents: Vec<EntityIx> = std::iter::once(ix)
        .chain(e.affiliation)
        .filter(|e| is_facet_entity(data.entities[*e as usize].kind))
        .collect();
    ents.dedup();
    let (from, docs) = mentioned;
    let mut docs: Vec<u32> =
        docs[from[ix as usize] as usize..from[ix as usize + 1] as usize].to_vec();
    docs.extend(e.evidence.iter().map(|q| q.doc));
    crate::core::order::sort_unique(&mut docs);
    Values {
        kind: CardKind::Entity(e.kind),
        ents,
        docs,
        years: None,
        status: NONE,
        sure: NONE,
        sourcing: 0,
    }
}
