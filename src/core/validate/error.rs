//! What validation reports: each problem with the file and record it is in, worded for the
//! curator who must fix it.

use std::fmt;

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub file: String,
    /// E.g. "fact `peace-mission-2018`"; `None` for a problem with the file as a whole.
    pub record: Option<String>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file could not be read or parsed.
    Parse(String),
    /// A `[document]` table in a file whose stem names no document text.
    DocumentWithoutText,
    /// Ids are slugs: lowercase ASCII letters, digits and single hyphens.
    BadId,
    /// A document text with nothing in it.
    EmptyDocument,
    /// A document id (its file stem) outside the convention: see [`crate::core::model::is_document_id`].
    BadDocumentId(String),
    /// A value the draft command left for a person to decide: the question.
    TodoLeft {
        line: usize,
        question: String,
    },
    /// A document text no annotation file describes with a `[document]` table.
    DocumentWithoutAnnotations,
    /// An annotation file that annotates no document and holds no records.
    EmptyAnnotationFile,
    /// A date outside the years links and the timeline support.
    DateOutOfRange(String),
    /// A `[[report]]` names a fact no file introduces.
    UnknownFact(String),
    /// A document reports on a fact twice.
    SecondReport {
        doc: String,
    },
    /// A document describes an entity twice (its own record speaks from that document too).
    SecondDescription {
        doc: String,
    },
    /// A `[[report]]` names neither a fact nor an entity, or both.
    ReportNamesOne {
        both: bool,
    },
    /// A field that a report of the other kind takes.
    NotForReport {
        field: &'static str,
        on: &'static str,
    },
    /// A required field left out.
    Missing(&'static str),
    /// A report's quotes come from more than one document.
    ReportQuotesTwoDocuments {
        first: String,
        other: String,
    },
    /// A quote states a date, in the report's year, that its report's date does not cover.
    QuoteDateContradicts {
        said: String,
        date: String,
    },
    DuplicateId {
        first_file: String,
        /// Both are facts: a second document speaking of the same fact wants a `[[report]]`.
        both_facts: bool,
    },
    Empty(&'static str),
    UnknownValue {
        field: &'static str,
        value: String,
        expected: String,
    },
    UnknownEntity {
        field: &'static str,
        id: String,
    },
    UnknownDocument(String),
    /// A plain-text quote in a file that annotates no document.
    QuoteWithoutDocument,
    QuoteNotFound {
        doc: String,
        quote: String,
    },
    /// An alias, abbreviation or role that no document contains (it would not be "as stated").
    NotInDocuments {
        field: &'static str,
        text: String,
    },
    BadDate(String),
    RangeEndsBeforeStart(String),
    InferredWithoutReason,
    ReasonWithoutInference,
    UnknownDateCannotBeInferred,
    NoEvidence,
    /// `series` must name an exercise or conference series.
    NotASeries(String),
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record {
            Some(r) => write!(f, "{}: {r}: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Parse(e) => write!(f, "cannot be read: {e}"),
            Problem::DocumentWithoutText => {
                write!(
                    f,
                    "has a [document] table but no document text with the same file stem"
                )
            }
            Problem::BadId => write!(
                f,
                "id must be a slug (lowercase letters, digits, single hyphens; at most {} characters)",
                crate::core::model::MAX_ID
            ),
            Problem::DuplicateId {
                first_file,
                both_facts,
            } => {
                write!(f, "id is already used in {first_file}")?;
                if *both_facts {
                    write!(
                        f,
                        "; for another document's word on the same fact, write a [[report]] with fact = this id"
                    )?;
                }
                Ok(())
            }
            Problem::EmptyDocument => write!(f, "the document is empty"),
            Problem::BadDocumentId(why) => write!(
                f,
                "the file name is not a document id: {why} (ids are lowercase letters, digits, \
                 `_` and `-`, at most 64; seeds use `NNN_` and 16 hex digits, which \
                 `cargo run -- id FILE.txt` prints)"
            ),
            Problem::TodoLeft { line, question } => write!(
                f,
                "line {line} still has a TODO from the draft command; decide: {question}"
            ),
            Problem::DocumentWithoutAnnotations => write!(
                f,
                "no annotation file describes this document: add <id>.toml with a [document] table \
                 (title, dates); `cargo run -- draft FILE.txt` drafts one from a copy of the text \
                 outside seeds/"
            ),
            Problem::EmptyAnnotationFile => write!(
                f,
                "annotates no document and holds no records: remove it, or name it after its document"
            ),
            Problem::DateOutOfRange(d) => write!(
                f,
                "date {d:?} is outside the years 1900\u{2013}2100 that links and the timeline support"
            ),
            Problem::UnknownFact(id) => {
                write!(f, "reports on `{id}`, which no [[fact]] introduces")
            }
            Problem::SecondReport { doc } => write!(
                f,
                "document `{doc}` already reports on this fact: one report per document"
            ),
            Problem::SecondDescription { doc } => write!(
                f,
                "document `{doc}` already describes this entity: one description per document"
            ),
            Problem::ReportNamesOne { both: false } => write!(
                f,
                "names no record: give `fact = \"<id>\"` (with its status) or `entity = \"<id>\"` (with a description)"
            ),
            Problem::ReportNamesOne { both: true } => write!(
                f,
                "names both a fact and an entity: one record per [[report]]"
            ),
            Problem::NotForReport { field, on } => write!(
                f,
                "`{field}` does not belong in a report on {on}: a fact report gives status, date, places, participants and summary; an entity report gives description"
            ),
            Problem::Missing(field) => write!(f, "`{field}` is missing"),
            Problem::ReportQuotesTwoDocuments { first, other } => write!(
                f,
                "quotes come from `{first}` and `{other}`: a report is one document's word, so all its quotes come from that document"
            ),
            Problem::QuoteDateContradicts { said, date } => write!(
                f,
                "a quote says \u{201c}{said}\u{201d}, which the date {date} does not cover: correct the date or the quote"
            ),
            Problem::Empty(field) => write!(f, "`{field}` is empty"),
            Problem::UnknownValue {
                field,
                value,
                expected,
            } => {
                write!(f, "`{field}` is {value:?}, expected one of: {expected}")
            }
            Problem::UnknownEntity { field, id } => {
                write!(f, "`{field}` names unknown entity `{id}`")
            }
            Problem::UnknownDocument(id) => write!(f, "names unknown document `{id}`"),
            Problem::QuoteWithoutDocument => {
                write!(
                    f,
                    "a quote needs `doc` here: this file annotates no document"
                )
            }
            Problem::QuoteNotFound { doc, quote } => {
                write!(
                    f,
                    "quote not found in document `{doc}`: \u{ab}{}\u{bb}",
                    crate::core::text::ellipsize(quote, 120)
                )
            }
            Problem::NotInDocuments { field, text } => {
                write!(
                    f,
                    "`{field}` {text:?} occurs in no document (use `search_aliases` for names the documents do not use)"
                )
            }
            Problem::BadDate(v) => write!(
                f,
                "date {v:?} is malformed (expected YYYY, YYYY-MM, YYYY-MM-DD, A..B or unknown)"
            ),
            Problem::RangeEndsBeforeStart(v) => write!(f, "date range {v:?} ends before it starts"),
            Problem::InferredWithoutReason => {
                write!(f, "an inferred date needs a one-line `reason`")
            }
            Problem::ReasonWithoutInference => {
                write!(f, "`reason` is given but `certainty` is not \"inferred\"")
            }
            Problem::UnknownDateCannotBeInferred => write!(f, "an unknown date cannot be inferred"),
            Problem::NoEvidence => write!(f, "has no evidence: add at least one verbatim quote"),
            Problem::NotASeries(id) => write!(
                f,
                "`series` names `{id}`, which is not an exercise or conference series"
            ),
        }
    }
}
