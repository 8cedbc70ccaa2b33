//! Search: normalise, index, rank. Browser-free and tested natively.
//!
//! A *record* is a card: every fact and every entity. Records are numbered facts first, then
//! entities ([`Rec`]). The index ([`index::Index`]) maps each term to the records and fields
//! that contain it; [`rank::search`] turns a parsed [`query::Query`] into ranked hits.
//!
//! # Scoring
//! Each query term is expanded to index terms, each with a *quality*:
//!
//! | match                                   | quality | tunable range |
//! |-----------------------------------------|---------|---------------|
//! | exact (after folding and spelling), or  | 1.0     | fixed         |
//! | the compound with a neighbouring word   |         |               |
//! | another form of the word (English stem) | 0.85    | 0.76–0.95     |
//! | prefix of the word being typed          | 0.75    | 0.5–0.9       |
//! | one edit (words of 5+ letters)          | 0.5     | 0.3–0.7       |
//! | two edits (words of 9+ letters)         | 0.35    | 0.2–0.5       |
//! | one edit from a longer word's beginning | 0.375   | one edit ×    |
//! | (the word being typed, 5+ letters, when |         | prefix        |
//! | nothing else matches it)                |         |               |
//!
//! A term scores `quality × weight` of the best field it occurs in ([`Field::weight`]: name 10,
//! alias 9, role 6, linked names 4, kind 3, summary 3, quote 2; a fact whose date falls in a date
//! query 12, above a name, since that is what a date query asks for). A word found in a name
//! also gets `short_name` (2) divided by the name's length in words, so "helicopters" prefers
//! "Russian Helicopters" to a long title that mentions them. A record must match every term; its
//! field score is the sum over terms. Records are then ordered by *tier* first, field score
//! second, date (newest first) third:
//!
//! 4. the whole query equals the record's name or one of its aliases;
//! 3. the record's name or an alias starts with the whole query;
//! 2. every term matched exactly or by prefix;
//! 1. some term matched only with a typo.
//!
//! So an exact title or alias beats a prefix, which beats a fuzzy match, and within a tier a
//! match in a name beats one in body text. The weights live in [`Weights`] with a `Default`.
//!
//! Common words (question words, articles, auxiliaries) are not terms (see `query`). When no
//! record matches every term, [`rank::search`] returns the records that match the most terms
//! instead, each term searched alone, with [`rank::Partial`] saying how many of how many.

mod expand;
mod highlight;
pub mod index;
pub mod normalize;
mod past;
pub mod query;
pub mod rank;

use crate::core::model::{Dataset, EntityIx, FactIx};

/// A record number: facts are `0..facts`, entities follow.
pub type Rec = u32;

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Fact(FactIx),
    Entity(EntityIx),
}

impl RecordRef {
    pub fn of(data: &Dataset, rec: Rec) -> RecordRef {
        let facts = data.facts.len() as Rec;
        if rec < facts {
            RecordRef::Fact(rec)
        } else {
            RecordRef::Entity(rec - facts)
        }
    }

    /// The fact it is, if a fact.
    pub fn fact(self) -> Option<FactIx> {
        match self {
            RecordRef::Fact(f) => Some(f),
            RecordRef::Entity(_) => None,
        }
    }

    pub fn rec(self, data: &Dataset) -> Rec {
        match self {
            RecordRef::Fact(f) => f,
            RecordRef::Entity(e) => data.facts.len() as Rec + e,
        }
    }

    /// The record's id (its slug), used in links.
    pub fn id(self, data: &Dataset) -> &str {
        match self {
            RecordRef::Fact(f) => &data.facts[f as usize].id,
            RecordRef::Entity(e) => &data.entities[e as usize].id,
        }
    }
}

/// Where in a record a term occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A fact's title or an entity's name.
    Name = 0,
    /// An entity's aliases, abbreviations and search aliases.
    Alias = 1,
    /// A person's roles.
    Role = 2,
    /// Names of the entities a fact links (participants, places, subjects, series); an
    /// entity's affiliation.
    Linked = 3,
    /// The kind label ("Exercise", "Person").
    Kind = 4,
    /// A fact's summary and purpose; an entity's description and purpose.
    Summary = 5,
    /// The words of the evidence quotes.
    Quote = 6,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Alias,
        Field::Role,
        Field::Linked,
        Field::Kind,
        Field::Summary,
        Field::Quote,
    ];
}

/// Tunable weights (see the module docs for the ranges that keep the tier order meaningful).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// Per [`Field`], in `Field::ALL` order.
    pub fields: [f32; 7],
    /// A fact whose date falls in a date query.
    pub date: f32,
    /// Added to a name match, divided by the number of words in the name.
    pub short_name: f32,
    pub prefix: f32,
    /// A word that shares the query word's English stem ("joined" for "join"): below the
    /// exact form, above a prefix.
    pub stem: f32,
    pub one_edit: f32,
    pub two_edits: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            fields: [10.0, 9.0, 6.0, 4.0, 3.0, 3.0, 2.0],
            date: 12.0,
            short_name: 2.0,
            prefix: 0.75,
            stem: 0.85,
            one_edit: 0.5,
            two_edits: 0.35,
        }
    }
}

impl Field {
    pub fn weight(self, w: &Weights) -> f32 {
        w.fields[self as usize]
    }
}

/// Every searchable text of a record, with its field. Shared by the index builder, the phrase
/// check and the highlighter so that they can never disagree about what a record says.
pub fn fields(data: &Dataset, rec: RecordRef) -> Vec<(Field, &str)> {
    let mut out: Vec<(Field, &str)> = Vec::new();
    let name = |e: EntityIx| data.entities[e as usize].name.as_str();
    match rec {
        RecordRef::Fact(f) => {
            let f = &data.facts[f as usize];
            out.push((Field::Name, &f.title));
            out.push((Field::Kind, f.kind.label()));
            // Every source's summary, so words of an earlier account still find the card.
            out.push((Field::Summary, &f.summary));
            for r in &f.reports {
                if let Some(t) = r.summary.as_deref().filter(|t| *t != f.summary) {
                    out.push((Field::Summary, t));
                }
            }
            if let Some(p) = &f.purpose {
                out.push((Field::Summary, p));
            }
            for &e in f
                .participants
                .iter()
                .chain(&f.places)
                .chain(&f.about)
                .chain(&f.series)
            {
                out.push((Field::Linked, name(e)));
            }
            for q in &f.evidence {
                out.push((Field::Quote, data.quote_text(q)));
            }
        }
        RecordRef::Entity(e) => {
            let e = &data.entities[e as usize];
            out.push((Field::Name, &e.name));
            out.push((Field::Kind, e.kind.label()));
            for a in e
                .aliases
                .iter()
                .chain(&e.abbreviations)
                .chain(&e.search_aliases)
            {
                out.push((Field::Alias, a));
            }
            for r in &e.roles {
                out.push((Field::Role, r));
            }
            if let Some(a) = e.affiliation {
                out.push((Field::Linked, name(a)));
            }
            // Every document's description, the earlier ones too.
            out.push((Field::Summary, &e.description));
            for d in &e.descriptions {
                if d.text != e.description {
                    out.push((Field::Summary, &d.text));
                }
            }
            if let Some(p) = &e.purpose {
                out.push((Field::Summary, p));
            }
            for q in &e.evidence {
                out.push((Field::Quote, data.quote_text(q)));
            }
        }
    }
    out
}

/// The names a whole query may equal or start with, for tiers 4 and 3: a fact's title, an
/// entity's name, aliases, abbreviations and search aliases.
pub fn names(data: &Dataset, rec: RecordRef) -> Vec<&str> {
    match rec {
        RecordRef::Fact(f) => vec![data.facts[f as usize].title.as_str()],
        RecordRef::Entity(e) => {
            let e = &data.entities[e as usize];
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.abbreviations)
                .chain(&e.search_aliases)
                .map(String::as_str)
                .collect()
        }
    }
}
