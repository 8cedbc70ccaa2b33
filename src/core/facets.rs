//! Filters (facets): type, entity, year range, source document, status and date certainty.
//!
//! Within one facet the chosen values are alternatives (exercise *or* meeting); across facets
//! they all apply. Each value's count is what the results would be with that value chosen,
//! given the query and every *other* active facet, so a count is never a dead end.
//! Facets that only make sense for facts (year, status, certainty) leave entities out while
//! they are active.

use crate::core::model::{Certainty, Dataset, EntityIx, EntityKind, FactKind, Status, When};
use crate::core::search::{Rec, RecordRef};
use std::collections::{BTreeMap, BTreeSet};

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
pub enum Sureness {
    Stated,
    Inferred,
    Unknown,
}

impl Sureness {
    pub const ALL: [Sureness; 3] = [Sureness::Stated, Sureness::Inferred, Sureness::Unknown];

    pub fn slug(self) -> &'static str {
        match self {
            Sureness::Stated => "stated",
            Sureness::Inferred => "inferred",
            Sureness::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sureness::Stated => "Date stated",
            Sureness::Inferred => "Date inferred",
            Sureness::Unknown => "Date unknown",
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
    pub sureness: BTreeSet<Sureness>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Kind = 0,
    Entity = 1,
    Year = 2,
    Doc = 3,
    Status = 4,
    Sureness = 5,
}

impl Dim {
    pub const ALL: [Dim; 6] = [
        Dim::Kind,
        Dim::Entity,
        Dim::Year,
        Dim::Doc,
        Dim::Status,
        Dim::Sureness,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Dim::Kind => "Type",
            Dim::Entity => "State or organisation",
            Dim::Year => "Years",
            Dim::Doc => "Source document",
            Dim::Status => "Status",
            Dim::Sureness => "Date certainty",
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
            Dim::Sureness => "date",
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
            Dim::Sureness => !self.sureness.is_empty(),
        }
    }

    pub fn clear(&mut self, d: Dim) {
        match d {
            Dim::Kind => self.kinds.clear(),
            Dim::Entity => self.entities.clear(),
            Dim::Year => self.years = None,
            Dim::Doc => self.docs.clear(),
            Dim::Status => self.statuses.clear(),
            Dim::Sureness => self.sureness.clear(),
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
            Dim::Sureness => Sureness::from_slug(value)
                .map(|s| flip(&mut self.sureness, s))
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
            + self.sureness.len()
    }
}

/// The facet values of one record.
struct Values {
    kind: CardKind,
    entities: Vec<EntityIx>,
    years: Option<(i32, i32)>,
    docs: Vec<u32>,
    status: Option<Status>,
    sureness: Option<Sureness>,
}

fn is_facet_entity(k: EntityKind) -> bool {
    matches!(k, EntityKind::State | EntityKind::Organisation)
}

fn values(data: &Dataset, rec: RecordRef) -> Values {
    let keep = |e: &EntityIx| is_facet_entity(data.entities[*e as usize].kind);
    match rec {
        RecordRef::Fact(f) => {
            let f = &data.facts[f as usize];
            let mut entities: Vec<EntityIx> = f
                .participants
                .iter()
                .chain(&f.places)
                .chain(&f.about)
                .chain(f.membership.iter().map(|m| &m.who))
                .copied()
                .filter(|e| keep(e))
                .collect();
            entities.sort_unstable();
            entities.dedup();
            let mut docs: Vec<u32> = f.evidence.iter().map(|q| q.doc).collect();
            docs.sort_unstable();
            docs.dedup();
            let years = match f.date.when {
                When::Unknown => None,
                When::Point(p) => Some((p.year, p.year)),
                When::Range(a, b) => Some((a.year, b.year)),
            };
            let sureness = match (&f.date.when, &f.date.certainty) {
                (When::Unknown, _) => Sureness::Unknown,
                (_, Certainty::Inferred(_)) => Sureness::Inferred,
                _ => Sureness::Stated,
            };
            Values {
                kind: CardKind::Fact(f.kind),
                entities,
                years,
                docs,
                status: Some(f.status),
                sureness: Some(sureness),
            }
        }
        RecordRef::Entity(ix) => {
            let e = &data.entities[ix as usize];
            let mut entities: Vec<EntityIx> = std::iter::once(ix)
                .chain(e.affiliation)
                .filter(|e| keep(e))
                .collect();
            entities.dedup();
            let mut docs: Vec<u32> = e.evidence.iter().map(|q| q.doc).collect();
            docs.extend(
                data.mentions
                    .iter()
                    .filter(|m| m.entity == ix)
                    .map(|m| m.doc),
            );
            docs.sort_unstable();
            docs.dedup();
            Values {
                kind: CardKind::Entity(e.kind),
                entities,
                years: None,
                docs,
                status: None,
                sureness: None,
            }
        }
    }
}

/// Filters resolved against the dataset (ids to indices), ready to test records.
struct Active {
    kinds: BTreeSet<CardKind>,
    entities: Vec<EntityIx>,
    years: Option<(i32, i32)>,
    docs: Vec<u32>,
    statuses: BTreeSet<Status>,
    sureness: BTreeSet<Sureness>,
    any_entity_filter: bool,
    any_doc_filter: bool,
}

impl Active {
    fn new(data: &Dataset, f: &Filters) -> Active {
        let entities = data
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| f.entities.contains(&e.id))
            .map(|(i, _)| i as EntityIx)
            .collect();
        let docs = data
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| f.docs.contains(&d.id))
            .map(|(i, _)| i as u32)
            .collect();
        Active {
            kinds: f.kinds.clone(),
            entities,
            years: f.years,
            docs,
            statuses: f.statuses.clone(),
            sureness: f.sureness.clone(),
            any_entity_filter: !f.entities.is_empty(),
            any_doc_filter: !f.docs.is_empty(),
        }
    }

    /// A bit per facet: set when the record passes that facet.
    fn passes(&self, v: &Values) -> u8 {
        let mut bits = 0u8;
        let mut set = |d: Dim, ok: bool| {
            if ok {
                bits |= 1 << d as u8;
            }
        };
        set(
            Dim::Kind,
            self.kinds.is_empty() || self.kinds.contains(&v.kind),
        );
        set(
            Dim::Entity,
            !self.any_entity_filter || v.entities.iter().any(|e| self.entities.contains(e)),
        );
        set(
            Dim::Year,
            match (self.years, v.years) {
                (None, _) => true,
                (Some((a, b)), Some((x, y))) => x <= b && y >= a,
                (Some(_), None) => false,
            },
        );
        set(
            Dim::Doc,
            !self.any_doc_filter || v.docs.iter().any(|d| self.docs.contains(d)),
        );
        set(
            Dim::Status,
            self.statuses.is_empty() || v.status.is_some_and(|s| self.statuses.contains(&s)),
        );
        set(
            Dim::Sureness,
            self.sureness.is_empty() || v.sureness.is_some_and(|s| self.sureness.contains(&s)),
        );
        bits
    }
}

const ALL_DIMS: u8 = 0b11_1111;

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
}

/// The filtered hits and every facet's counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Faceted {
    /// The records that pass every filter, in the order given.
    pub records: Vec<Rec>,
    pub groups: Vec<FacetGroup>,
    /// Per year, how many facts fall in it given the other filters (for the year range).
    pub years: BTreeMap<i32, usize>,
}

/// Applies the filters to `hits` (already ranked) and counts every facet value.
pub fn apply(data: &Dataset, hits: &[Rec], filters: &Filters) -> Faceted {
    let active = Active::new(data, filters);
    let mut kinds: BTreeMap<CardKind, usize> = BTreeMap::new();
    let mut ents: BTreeMap<EntityIx, usize> = BTreeMap::new();
    let mut docs: BTreeMap<u32, usize> = BTreeMap::new();
    let mut statuses: BTreeMap<Status, usize> = BTreeMap::new();
    let mut sure: BTreeMap<Sureness, usize> = BTreeMap::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    let mut records = Vec::new();
    let others = |d: Dim, bits: u8| bits | (1 << d as u8) == ALL_DIMS;
    for &rec in hits {
        let v = values(data, RecordRef::of(data, rec));
        let bits = active.passes(&v);
        if bits == ALL_DIMS {
            records.push(rec);
        }
        if others(Dim::Kind, bits) {
            *kinds.entry(v.kind).or_default() += 1;
        }
        if others(Dim::Entity, bits) {
            for e in &v.entities {
                *ents.entry(*e).or_default() += 1;
            }
        }
        if others(Dim::Doc, bits) {
            for d in &v.docs {
                *docs.entry(*d).or_default() += 1;
            }
        }
        if others(Dim::Status, bits)
            && let Some(s) = v.status
        {
            *statuses.entry(s).or_default() += 1;
        }
        if others(Dim::Sureness, bits)
            && let Some(s) = v.sureness
        {
            *sure.entry(s).or_default() += 1;
        }
        if others(Dim::Year, bits)
            && let Some((a, b)) = v.years
        {
            for y in a..=b.min(a + 200) {
                *years.entry(y).or_default() += 1;
            }
        }
    }

    // Every value is listed in a fixed order whatever the counts: a list that reorders or
    // loses items while the user types would move the control under their focus. A value
    // with nothing behind it shows a zero (and the UI disables it unless it is selected).
    let value = |key: String, label: String, count: Option<&usize>, selected: bool| FacetValue {
        key,
        label,
        count: count.copied().unwrap_or(0),
        selected,
    };
    let mut kind_keys: BTreeSet<CardKind> =
        data.facts.iter().map(|f| CardKind::Fact(f.kind)).collect();
    kind_keys.extend(data.entities.iter().map(|e| CardKind::Entity(e.kind)));
    kind_keys.extend(filters.kinds.iter().copied());
    let mut ent_values: Vec<FacetValue> = data
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| is_facet_entity(e.kind) || filters.entities.contains(&e.id))
        .map(|(i, e)| {
            value(
                e.id.clone(),
                e.name.clone(),
                ents.get(&(i as EntityIx)),
                filters.entities.contains(&e.id),
            )
        })
        .collect();
    ent_values.sort_by(|a, b| a.label.cmp(&b.label));
    let groups = vec![
        FacetGroup {
            dim: Dim::Kind,
            values: kind_keys
                .into_iter()
                .map(|k| {
                    value(
                        k.slug().into(),
                        k.label().into(),
                        kinds.get(&k),
                        filters.kinds.contains(&k),
                    )
                })
                .collect(),
        },
        FacetGroup {
            dim: Dim::Entity,
            values: ent_values,
        },
        FacetGroup {
            dim: Dim::Doc,
            values: data
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    value(
                        d.id.clone(),
                        d.title.clone(),
                        docs.get(&(i as u32)),
                        filters.docs.contains(&d.id),
                    )
                })
                .collect(),
        },
        FacetGroup {
            dim: Dim::Status,
            values: Status::ALL
                .into_iter()
                .map(|s| {
                    value(
                        s.slug().into(),
                        s.label().into(),
                        statuses.get(&s),
                        filters.statuses.contains(&s),
                    )
                })
                .collect(),
        },
        FacetGroup {
            dim: Dim::Sureness,
            values: Sureness::ALL
                .into_iter()
                .map(|s| {
                    value(
                        s.slug().into(),
                        s.label().into(),
                        sure.get(&s),
                        filters.sureness.contains(&s),
                    )
                })
                .collect(),
        },
    ];
    Faceted {
        records,
        groups,
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::index::Index;
    use crate::core::search::rank::search;
    use crate::core::search::{Weights, query};
    use crate::core::{source, validate};

    fn data() -> (Dataset, Index) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let d = validate::validate(&source::load_dir(&dir).expect("seeds"))
            .expect("valid")
            .dataset;
        let ix = Index::build(&d);
        (d, ix)
    }

    fn count(f: &Faceted, dim: Dim, key: &str) -> Option<usize> {
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
        let (d, ix) = data();
        let hits: Vec<Rec> = search(&ix, &d, &query::parse(q), &Weights::default())
            .hits
            .iter()
            .map(|h| h.rec)
            .collect();
        let mut f = Filters::default();
        set(&mut f);
        let got = apply(&d, &hits, &f);
        assert_eq!(got.records.len(), results, "{q:?} {f:?}");
        for (dim, key, want) in counts {
            assert_eq!(count(&got, *dim, key), *want, "{q:?} {f:?}: {dim:?}={key}");
        }
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
                f.sureness.insert(Sureness::Unknown);
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
        let (d, ix) = data();
        let shape = |q: &str| -> Vec<(Dim, Vec<String>)> {
            let hits: Vec<Rec> = search(&ix, &d, &query::parse(q), &Weights::default())
                .hits
                .iter()
                .map(|h| h.rec)
                .collect();
            apply(&d, &hits, &Filters::default())
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
        let (d, ix) = data();
        let hits: Vec<Rec> = search(&ix, &d, &query::parse("belarus"), &Weights::default())
            .hits
            .iter()
            .map(|h| h.rec)
            .collect();
        let mut f = Filters::default();
        f.toggle(Dim::Kind, "procurement");
        let got = apply(&d, &hits, &f);
        assert!(got.records.is_empty());
        assert_eq!(count(&got, Dim::Kind, "procurement"), Some(0));
    }
}
