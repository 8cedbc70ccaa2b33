//! Filters (facets): type, entity, year range, source document, status and date certainty.
//!
//! Within one facet the chosen values are alternatives (exercise *or* meeting); across facets
//! they all apply. Each value's count is what the results would be with that value chosen,
//! given the query and every *other* active facet, so a count is never a dead end.
//! Facets that only make sense for facts (year, status, certainty) leave entities out while
//! they are active.

mod apply;
mod index;
mod set;

pub use apply::*;
pub use index::FacetIndex;
pub use set::Set;

use crate::core::model::{Dataset, EntityKind, FactKind, Status};
use crate::core::search::RecordRef;

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

/// How many sources report a fact and what they make of it, as a filter value. A fact can
/// have several (two sources, revised).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sourcing {
    One,
    Several,
    Revised,
    Disputed,
}

impl Sourcing {
    pub const ALL: [Sourcing; 4] = [
        Sourcing::One,
        Sourcing::Several,
        Sourcing::Revised,
        Sourcing::Disputed,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Sourcing::One => "one",
            Sourcing::Several => "several",
            Sourcing::Revised => "revised",
            Sourcing::Disputed => "disputed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sourcing::One => "A single source",
            Sourcing::Several => "2 or more sources",
            Sourcing::Revised => "Revised by a later source",
            Sourcing::Disputed => "Sources disagree",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }

    /// The values a fact has.
    pub fn of(f: &crate::core::model::Fact) -> impl Iterator<Item = Sourcing> {
        let n = f.report_count();
        [
            (n <= 1).then_some(Sourcing::One),
            (n > 1).then_some(Sourcing::Several),
            f.revised.then_some(Sourcing::Revised),
            (!f.disputes.is_empty()).then_some(Sourcing::Disputed),
        ]
        .into_iter()
        .flatten()
    }
}

/// The active filters. Entities and documents are kept by id, as links carry them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kinds: Set<CardKind>,
    pub entities: Set<String>,
    /// Inclusive years.
    pub years: Option<(i32, i32)>,
    pub docs: Set<String>,
    pub statuses: Set<Status>,
    pub certainty: Set<DateCertainty>,
    pub sources: Set<Sourcing>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Kind = 0,
    Entity = 1,
    Year = 2,
    Doc = 3,
    Status = 4,
    Certainty = 5,
    Sources = 6,
}

impl Dim {
    pub const ALL: [Dim; 7] = [
        Dim::Kind,
        Dim::Entity,
        Dim::Year,
        Dim::Doc,
        Dim::Status,
        Dim::Certainty,
        Dim::Sources,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Dim::Kind => "Type",
            Dim::Entity => "State or organisation",
            Dim::Year => "Years",
            Dim::Doc => "Source document",
            Dim::Status => "Status",
            Dim::Certainty => "Date certainty",
            Dim::Sources => "Sources",
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
            Dim::Sources => "sources",
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
            Dim::Sources => !self.sources.is_empty(),
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
            Dim::Sources => self.sources.clear(),
        }
    }

    /// Adds a value to its facet, or removes it if present. Returns false for a value that
    /// does not belong to a toggleable facet.
    pub fn toggle(&mut self, d: Dim, value: &str) -> bool {
        fn flip<T: Ord>(set: &mut Set<T>, v: T) {
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
            Dim::Sources => Sourcing::from_slug(value)
                .map(|s| flip(&mut self.sources, s))
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
            + self.sources.len()
    }
}
