//! The draft command's core: a first annotation file for a new document, for a curator to
//! finish. Host only (`cargo run -- draft FILE.txt`).
//!
//! It reads the document with the same tools the coverage report uses (date expressions,
//! capitalised names) and the mention linker, against the entities and facts already known:
//! - `[document]`: the title (the first line), the page date (the first full date in the
//!   opening lines), a dateline if one opens a paragraph, and a proposed written date;
//! - for each sentence with a date or an event word that names a known entity: a `[[report]]`
//!   on the existing fact it matches (same series and year; same kind, a shared participant
//!   and the year; or a month or day in common and a shared participant), saying why, or else
//!   a draft `[[fact]]`; each with its verbatim quotes (later sentences of the paragraph that
//!   add only a date join it), its date and the entities it names;
//! - `[[entity]]` stubs for names no entity covers (hinting at an entity they may be), and
//!   `[[ignore]]` stubs for weekdays, the dateline's day and names only partly linked;
//! - a closing count.
//!
//! Where a person must decide, the value is `"TODO: ..."`, which the build refuses with the
//! question ([`crate::core::source::parse_file`]).
//!
//! `read` finds sentences, dates and matches; `write` turns them into TOML.

mod read;
mod write;

pub use crate::core::coverage::parse_expression;
use crate::core::coverage::{self, Item};
use crate::core::model::*;
pub use read::{continues, proposed_slug, proposed_status};

/// What the draft holds, besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub toml: String,
    pub facts: usize,
    pub reports: usize,
    /// Description reports proposed for entities whose standing a drafted fact changes.
    pub descriptions: usize,
    pub entities: usize,
    pub ignores: usize,
}

/// A new document as the draft reads it.
struct Reading<'a> {
    pub id: &'a str,
    pub body: &'a str,
    /// Its first line.
    pub title: &'a str,
    pub dates: Vec<Item>,
    pub names: Vec<Item>,
    /// The first full date in its opening lines, as printed and as a point.
    pub page: Option<(Item, Point)>,
    /// The year undated days and months take: the page date's.
    pub year: Option<i32>,
    /// Where the mention linker finds known entities in it.
    pub mentions: Vec<Mention>,
}

/// Drafts the annotation file of document `id` with text `body`, against `data` (the
/// validated dataset of the other documents).
pub fn draft(data: &Dataset, id: &str, body: &str) -> Draft {
    let title = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let (dates, names) = coverage::spotted(body);
    let opening = body
        .char_indices()
        .filter(|&(_, c)| c == '\n')
        .nth(4)
        .map_or(body.len(), |(i, _)| i);
    let page = dates.iter().filter(|d| d.end <= opening).find_map(|d| {
        parse_expression(&d.text, None)
            .filter(|p| p.day.is_some())
            .map(|p| (d.clone(), p))
    });
    let year = page.as_ref().map(|(_, p)| p.year);
    // The mention linker, run over this document beside the others.
    let mut with = data.clone();
    let ix = with.documents.len() as DocIx;
    with.documents.push(Document {
        id: id.to_string(),
        title: title.to_string(),
        outlet: None,
        page_date: None,
        credit: None,
        written: DateSpec::UNKNOWN,
        date_note: None,
        time: None,
        body: std::borrow::Cow::Owned(body.to_string()),
    });
    let mentions: Vec<Mention> = crate::core::extract::mentions(&with)
        .into_iter()
        .filter(|m| m.doc == ix)
        .collect();

    let r = Reading {
        id,
        body,
        title,
        dates,
        names,
        page,
        year,
        mentions,
    };
    let mut out = Draft::default();
    let mut t = String::new();
    write::document_table(&r, &mut t);
    let (reports, facts) = read::records(data, &r);
    out.reports = write::reports(data, &reports, &mut t);
    out.facts = write::facts(data, &facts, &mut t);
    out.descriptions = write::description_reports(data, &facts, &mut t);
    out.entities = write::entity_stubs(data, &r, &facts, &mut t);
    out.ignores = write::ignore_stubs(&r, &mut t);
    write::closing(&out, &mut t);
    out.toml = t;
    out
}
