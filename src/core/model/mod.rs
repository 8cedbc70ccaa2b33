//! The data model shared by `build.rs` (which validates and encodes it) and the app (which decodes it).
//!
//! Records refer to each other by index (`EntityIx`, `DocIx`), resolved from the slugs in the seed
//! files by validation; the slugs themselves stay on the records because shared links use them.

mod date;
mod ids;
pub mod phrases;
mod words;

pub use date::*;
pub use ids::*;
pub use words::*;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Index of an entity in [`Dataset::entities`].
pub type EntityIx = u32;
/// Index of a document in [`Dataset::documents`].
pub type DocIx = u32;
/// Index of a fact in [`Dataset::facts`].
pub type FactIx = u32;

/// Everything the app knows, as validation left it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    #[serde(deserialize_with = "exact::vec")]
    pub documents: Vec<Document>,
    #[serde(deserialize_with = "exact::vec")]
    pub entities: Vec<Entity>,
    #[serde(deserialize_with = "exact::vec")]
    pub facts: Vec<Fact>,
    /// Every place a document names an entity, sorted by document then offset, never overlapping.
    #[serde(deserialize_with = "exact::vec")]
    pub mentions: Vec<Mention>,
}

/// Serde's own `Vec` decoding trusts a stated length only up to 1 MiB of elements and then
/// doubles, which at 10k facts left a quarter of a 4 MB vector unused and a larger transient
/// peak. The embedded bundle is ours and postcard states exact lengths, so allocate once (with a
/// cap, so that a corrupt length cannot ask for the moon).
mod exact {
    use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
    use std::marker::PhantomData;

    pub fn vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(x) = seq.next_element()? {
                    v.push(x);
                }
                Ok(v)
            }
        }
        d.deserialize_seq(V(PhantomData))
    }
}

impl Dataset {
    /// The exact words of a quote, as the document has them.
    pub fn quote_text(&self, q: &Quote) -> &str {
        self.documents
            .get(q.doc as usize)
            .and_then(|d| d.body.get(q.start as usize..q.end as usize))
            .unwrap_or("")
    }

    /// The mentions in one document, in text order.
    pub fn mentions_in(&self, doc: DocIx) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.doc < doc);
        let to = self.mentions.partition_point(|m| m.doc <= doc);
        &self.mentions[from..to]
    }
}

/// A source document, kept verbatim, with what its page says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file stem in `seeds/`, e.g. `000_05d95eeefa1e2818`: stable, so links can use it.
    pub id: String,
    pub title: String,
    /// Publisher or outlet as the page states it; `None` when the page does not say.
    pub outlet: Option<String>,
    /// The date printed on the page, exactly as printed; `None` when there is none.
    pub page_date: Option<String>,
    /// A credit line as printed (e.g. a photo source).
    pub credit: Option<String>,
    /// When the content was written, which may differ from the page date.
    pub written: DateSpec,
    /// Why the page date and the content disagree, where they do.
    pub date_note: Option<String>,
    /// When the document speaks from, as day numbers: its written span, or failing that the
    /// date its page states in words. Worked out once by validation
    /// (`sources::time_of`), so the app never parses a date in words.
    #[serde(default)]
    pub time: Option<(i32, i32)>,
    /// The full text, exactly as in the file. In the app it is borrowed from the embedded bundle,
    /// which carries the texts after its postcard part (see `bundle.rs`), so the largest strings
    /// are never copied at start-up; serde leaves it out for that reason.
    #[serde(skip)]
    pub body: Cow<'static, str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    State,
    Organisation,
    /// A body inside an organisation or a state: a ministry, secretariat, working group, force.
    Body,
    Person,
    Place,
    ExerciseSeries,
    /// A recurring conference or meeting format, e.g. the Moscow Conference on International Security.
    ConferenceSeries,
    Agreement,
    Equipment,
    MediaOutlet,
}

impl EntityKind {
    pub const ALL: [EntityKind; 10] = [
        EntityKind::State,
        EntityKind::Organisation,
        EntityKind::Body,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::ExerciseSeries,
        EntityKind::ConferenceSeries,
        EntityKind::Agreement,
        EntityKind::Equipment,
        EntityKind::MediaOutlet,
    ];

    /// The slug used in seed files and URLs; distinct from every [`FactKind`] slug, so the two
    /// can share one "type" filter.
    pub fn slug(self) -> &'static str {
        match self {
            EntityKind::State => "state",
            EntityKind::Organisation => "organisation",
            EntityKind::Body => "body",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::ExerciseSeries => "exercise-series",
            EntityKind::ConferenceSeries => "conference-series",
            EntityKind::Agreement => "legal-instrument",
            EntityKind::Equipment => "equipment",
            EntityKind::MediaOutlet => "media-outlet",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntityKind::State => "State",
            EntityKind::Organisation => "Organisation",
            EntityKind::Body => "Body",
            EntityKind::Person => "Person",
            EntityKind::Place => "Place",
            EntityKind::ExerciseSeries => "Exercise series",
            EntityKind::ConferenceSeries => "Conference series",
            EntityKind::Agreement => "Agreement or legal instrument",
            EntityKind::Equipment => "Equipment",
            EntityKind::MediaOutlet => "Media outlet",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// A named thing the documents speak of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Other names the documents use, linked wherever they occur.
    pub aliases: Vec<String>,
    /// Abbreviations the documents use; matched case-sensitively.
    pub abbreviations: Vec<String>,
    /// Names the documents do not use but a reader may type (an expansion of an abbreviation).
    /// Search finds them; cards show them apart from the sourced names.
    pub search_aliases: Vec<String>,
    /// The current description: the latest document's (see [`Entity::descriptions`]).
    pub description: String,
    /// A person's roles, each exactly as a document states it ("Ambassador to Russia").
    pub roles: Vec<String>,
    /// The state or organisation a person or body belongs to, as stated.
    pub affiliation: Option<EntityIx>,
    /// The purpose the documents state, if any (an exercise series' aim).
    pub purpose: Option<String>,
    /// The quotes that support the descriptions and roles, description by description.
    pub evidence: Vec<Quote>,
    /// Each document's description, oldest document first (as reports are ordered), with the
    /// quotes that support it; empty when the entity's own record is its only description
    /// (then `description` and `evidence` are that record's). Read through
    /// [`Entity::descriptions`].
    #[serde(default)]
    pub(crate) descriptions: Vec<Description>,
    /// The document the entity's own record speaks from: the newest of its file's document and
    /// the documents its quotes come from. Its description, purpose and affiliation count from
    /// that document's time (`core::asof`).
    #[serde(default)]
    pub origin: DocIx,
    /// For each alias, abbreviation and role, in that order: the document that first contains
    /// it, by when documents were written. As of a date, a name no document written by then
    /// contains is not shown.
    #[serde(default)]
    pub named_in: Vec<DocIx>,
}

/// One document's description of an entity: its own word, with its quotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    pub doc: DocIx,
    pub text: String,
    /// Verbatim, from `doc` (for the entity's own record, from any document).
    pub quotes: Vec<Quote>,
}

impl Entity {
    /// Every document's description, oldest first: the entity's own record at least
    /// (As of a date before any document describes it: none.)
    pub fn descriptions(&self) -> std::borrow::Cow<'_, [Description]> {
        if !self.descriptions.is_empty() || self.description.is_empty() {
            return std::borrow::Cow::Borrowed(&self.descriptions);
        }
        std::borrow::Cow::Owned(vec![Description {
            doc: self.origin,
            text: self.description.clone(),
            quotes: self.evidence.clone(),
        }])
    }

    /// The aliases, abbreviations and roles with the document that first contains each.
    pub fn names_with_sources(&self) -> impl Iterator<Item = (&str, Option<DocIx>)> {
        self.aliases
            .iter()
            .chain(&self.abbreviations)
            .chain(&self.roles)
            .enumerate()
            .map(|(i, n)| (n.as_str(), self.named_in.get(i).copied()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FactKind {
    /// Joining, observer status, being party to an agreement or acceding to one.
    Membership,
    Exercise,
    Meeting,
    Conference,
    Visit,
    /// An agreement or a step of a protocol (signature, ratification, entry into force).
    Agreement,
    Procurement,
    Presidency,
    /// A statement of what someone intends or has said.
    Statement,
}

impl FactKind {
    pub const ALL: [FactKind; 9] = [
        FactKind::Membership,
        FactKind::Exercise,
        FactKind::Meeting,
        FactKind::Conference,
        FactKind::Visit,
        FactKind::Agreement,
        FactKind::Procurement,
        FactKind::Presidency,
        FactKind::Statement,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            FactKind::Membership => "membership",
            FactKind::Exercise => "exercise",
            FactKind::Meeting => "meeting",
            FactKind::Conference => "conference",
            FactKind::Visit => "visit",
            FactKind::Agreement => "agreement",
            FactKind::Procurement => "procurement",
            FactKind::Presidency => "presidency",
            FactKind::Statement => "statement",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FactKind::Membership => "Membership",
            FactKind::Exercise => "Exercise",
            FactKind::Meeting => "Meeting",
            FactKind::Conference => "Conference",
            FactKind::Visit => "Visit",
            FactKind::Agreement => "Agreement or protocol",
            FactKind::Procurement => "Procurement",
            FactKind::Presidency => "Presidency",
            FactKind::Statement => "Statement of intent",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// Where a fact stood as of the document that reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Happened,
    /// Under way as of the document (e.g. ratification in progress).
    InProgress,
    /// Scheduled or slated, as of the document.
    Planned,
    /// Someone said they intend it.
    Intended,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Happened,
        Status::InProgress,
        Status::Planned,
        Status::Intended,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::InProgress => "in-progress",
            Status::Planned => "planned",
            Status::Intended => "intended",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Happened => "Held",
            Status::InProgress => "In progress",
            Status::Planned => "Planned",
            Status::Intended => "Intended",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// A membership status that holds for a state or organisation over a stretch of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Standing {
    FullMember,
    Observer,
    /// Party to the Agreement on Holding Joint Military Exercises.
    AgreementParty,
    /// Joining the Agreement is under way (the amending protocol is being enacted).
    AccessionInProgress,
    /// Holds the rotating SCO presidency.
    Presidency,
}

impl Standing {
    pub const ALL: [Standing; 5] = [
        Standing::FullMember,
        Standing::Observer,
        Standing::AgreementParty,
        Standing::AccessionInProgress,
        Standing::Presidency,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Standing::FullMember => "full-member",
            Standing::Observer => "observer",
            Standing::AgreementParty => "agreement-party",
            Standing::AccessionInProgress => "accession-in-progress",
            Standing::Presidency => "presidency",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Standing::FullMember => "Full member",
            Standing::Observer => "Observer",
            Standing::AgreementParty => "Party to the Agreement on Joint Military Exercises",
            Standing::AccessionInProgress => "Accession to the Agreement in progress",
            Standing::Presidency => "SCO presidency",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// What a membership fact says about a standing: that it began, ended, or simply held then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Edge {
    Start,
    End,
    /// The standing held at the fact's date; when it began or ended is not said.
    Holds,
}

impl Edge {
    pub fn from_slug(s: &str) -> Option<Self> {
        match s {
            "start" => Some(Edge::Start),
            "end" => Some(Edge::End),
            "holds" => Some(Edge::Holds),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MembershipChange {
    pub who: EntityIx,
    pub standing: Standing,
    pub edge: Edge,
}

/// One thing that happened, is under way, is planned or is intended, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub kind: FactKind,
    pub title: String,
    /// The current summary: the latest report's that gives one (see `core::sources`); empty
    /// when no report does (as of a date before the fact's own document).
    pub summary: String,
    /// The document whose `[[fact]]` introduced it: its purpose counts from then.
    #[serde(default)]
    pub origin: DocIx,
    /// The current view: the status and date of the latest report (see `core::sources`).
    /// Where the sources disagree on the date, the span that covers every disputed value.
    pub status: Status,
    pub date: DateSpec,
    /// Everyone and everywhere any report names.
    pub participants: Vec<EntityIx>,
    pub places: Vec<EntityIx>,
    /// Other entities the fact is about (an agreement, a series, equipment).
    pub about: Vec<EntityIx>,
    /// The exercise or conference series this is an instance of, if any.
    pub series: Option<EntityIx>,
    /// The purpose the documents state, if any.
    pub purpose: Option<String>,
    pub membership: Vec<MembershipChange>,
    /// Every report's quotes, report by report: at least one verbatim quote.
    pub evidence: Vec<Quote>,
    /// What each document says, one report per document, oldest document first; empty when a
    /// single document reports the fact (its report is then the fact's own fields, which saves
    /// four allocations a fact at load). Read through [`Fact::reports`].
    pub(crate) reports: Vec<Report>,
    /// A later report changed an earlier one's status or date (a plan, then its outcome).
    pub revised: bool,
    /// What the reports disagree on, with no later report to settle it.
    pub disputes: Vec<Dispute>,
    /// The current view as the first `n` reports alone settle it, at `n - 1`, for `n` from 1
    /// to one less than the reports: what the sources said before the later documents were
    /// written (`core::asof`). Settled by validation with the same rules, so the app never
    /// settles. Empty for a fact one document reports.
    #[serde(default)]
    pub(crate) earlier: Vec<Earlier>,
}

/// A fact's current view as some of its reports, the earliest, settle it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Earlier {
    pub status: Status,
    pub date: DateSpec,
    pub revised: bool,
    pub disputes: Vec<Dispute>,
}

/// What one document says of a fact, as of that document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub doc: DocIx,
    pub status: Status,
    pub date: DateSpec,
    pub places: Vec<EntityIx>,
    pub participants: Vec<EntityIx>,
    /// This document's one-sentence account of the fact, when it gives one.
    pub summary: Option<String>,
    /// Verbatim, from `doc`.
    pub quotes: Vec<Quote>,
}

/// Reports that cannot both be true, by position in [`Fact::reports`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    pub on: Disputed,
    pub reports: Vec<u16>,
}

/// What reports disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Disputed {
    /// Dates that do not overlap at their common precision, for the same phase.
    Date,
    /// Statuses that contradict each other as of the same moment.
    Status,
}

impl Fact {
    /// The document a fact's status is "as of": that of its first quote.
    pub fn reported_in(&self) -> DocIx {
        self.evidence.first().map_or(0, |q| q.doc)
    }

    /// What each document says, oldest document first: at least one report.
    pub fn reports(&self) -> std::borrow::Cow<'_, [Report]> {
        if !self.reports.is_empty() {
            return std::borrow::Cow::Borrowed(&self.reports);
        }
        std::borrow::Cow::Owned(vec![Report {
            doc: self.reported_in(),
            status: self.status,
            date: self.date.clone(),
            places: self.places.clone(),
            participants: self.participants.clone(),
            summary: Some(self.summary.clone()).filter(|s| !s.is_empty()),
            quotes: self.evidence.clone(),
        }])
    }

    /// How many documents report the fact.
    pub fn report_count(&self) -> usize {
        self.reports.len().max(1)
    }

    /// Every date a report gives, without building the reports.
    pub fn report_dates(&self) -> impl Iterator<Item = &DateSpec> {
        std::iter::once(&self.date).chain(self.reports.iter().map(|r| &r.date))
    }
}

/// A verbatim passage of a document: `start..end` are byte offsets into its body. The text is
/// not stored twice; [`Dataset::quote_text`] slices it out of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub doc: DocIx,
    pub start: u32,
    pub end: u32,
}

/// One occurrence of an entity's name in a document; byte offsets into the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub doc: DocIx,
    pub entity: EntityIx,
    pub start: u32,
    pub end: u32,
}
