//! The records as a curator writes them in `seeds/*.toml`, before validation.
//!
//! Kinds, statuses and dates are plain strings here on purpose: validation turns them into the
//! model's types and can then say which record holds a bad value, which a serde error cannot.

use serde::Deserialize;

/// Everything loaded from a seeds folder (or made by the synthetic generator).
#[derive(Debug, Clone, Default)]
pub struct RawSource {
    /// (id, body) for every document text, in id order.
    pub documents: Vec<(String, String)>,
    /// Every annotation file, in path order.
    pub files: Vec<RawFile>,
    /// Documents left out because their annotations are still a draft (`<id>.toml.draft` from
    /// the draft command, no `<id>.toml`): the build says so, and a fresh clone has none
    /// (drafts are git-ignored).
    pub drafting: Vec<String>,
}

/// One annotation file. `path` is what error messages name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(skip)]
    pub path: String,
    /// The document this file annotates, when its stem names one; quotes default to it.
    #[serde(skip)]
    pub doc: Option<String>,
    pub document: Option<RawDocument>,
    #[serde(default, rename = "entity")]
    pub entities: Vec<RawEntity>,
    #[serde(default, rename = "fact")]
    pub facts: Vec<RawFact>,
    /// What this file's document says of a fact another document introduced.
    #[serde(default, rename = "report")]
    pub reports: Vec<RawReport>,
    #[serde(default, rename = "ignore")]
    pub ignores: Vec<RawIgnore>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub title: String,
    pub outlet: Option<String>,
    pub page_date: Option<String>,
    pub credit: Option<String>,
    /// When the content was written: a date in the seed form, `unknown` if not known.
    pub written: Option<String>,
    pub certainty: Option<String>,
    pub reason: Option<String>,
    pub date_note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub id: String,
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub search_aliases: Vec<String>,
    pub description: String,
    #[serde(default)]
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
    pub purpose: Option<String>,
    #[serde(default)]
    pub quotes: Vec<RawQuote>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub status: String,
    /// `2017`, `2017-06`, `2017-06-15`, `A..B`, or `unknown`; absent means unknown.
    pub date: Option<String>,
    /// `stated` (the default) or `inferred`.
    pub certainty: Option<String>,
    /// Why an inferred date is what it is: one line, shown to users.
    pub reason: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub about: Vec<String>,
    pub series: Option<String>,
    pub purpose: Option<String>,
    #[serde(default)]
    pub membership: Vec<RawMembership>,
    #[serde(default)]
    pub quotes: Vec<RawQuote>,
}

/// A `[[report]]` block: one more document's word on a record another document introduced,
/// as of this document. On a fact (`fact`): its status, date, places, participants and,
/// optionally, a summary. On an entity (`entity`): a description. Which fields apply is
/// validation's to check, so that a misplaced field is named with its record.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    /// The id of the fact reported on.
    pub fact: Option<String>,
    /// The id of the entity described.
    pub entity: Option<String>,
    /// As of this document (a fact report's).
    pub status: Option<String>,
    /// Same forms as a fact's date; absent means the document gives none.
    pub date: Option<String>,
    pub certainty: Option<String>,
    pub reason: Option<String>,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    /// This document's one-sentence account of the fact.
    pub summary: Option<String>,
    /// This document's description of the entity.
    pub description: Option<String>,
    /// Verbatim passages of this file's document.
    #[serde(default)]
    pub quotes: Vec<RawQuote>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMembership {
    pub who: String,
    pub standing: String,
    pub edge: String,
}

/// A quote: plain text from the file's own document, or a table naming another document.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawQuote {
    Here(String),
    In { doc: String, text: String },
}

/// A passage the coverage report may leave uncovered, and why.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIgnore {
    pub text: String,
    pub reason: String,
    /// Limits the entry to one document.
    pub doc: Option<String>,
}
