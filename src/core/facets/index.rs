//! Every record's facet values, computed once per dataset.

use super::{CardKind, DateCertainty};
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
    /// Status and date certainty as indices into `Status::ALL` / `DateCertainty::ALL`; 255 for none.
    pub(super) status: Vec<u8>,
    pub(super) sure: Vec<u8>,
    /// Facet entities and documents, most used first: the fixed order they are listed in.
    pub(super) ent_order: Vec<EntityIx>,
    pub(super) doc_order: Vec<u32>,
}

pub(super) const NONE: u8 = u8::MAX;

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

    pub(super) fn ents(&self, r: Rec) -> &[EntityIx] {
        &self.ents[self.ent_start[r as usize] as usize..self.ent_start[r as usize + 1] as usize]
    }

    pub(super) fn docs(&self, r: Rec) -> &[u32] {
        &self.docs[self.doc_start[r as usize] as usize..self.doc_start[r as usize + 1] as usize]
    }
}
