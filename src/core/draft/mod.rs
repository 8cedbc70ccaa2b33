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
//! `read` finds sentences and what each is worth; `standing` reads membership news in them;
//! `matching` finds the known fact each speaks of; `write` turns them into TOML.

mod matching;
mod read;
mod standing;
mod write;

use crate::core::coverage::{self, Item};
pub use crate::core::model::parse_expression;
use crate::core::model::*;
pub use read::{continues, proposed_status};
pub use standing::proposed_slug;

/// A sentence worth a record (and the sentences after it in its paragraph that add a date):
/// quotes, date, kind suggested and entities named.
struct Mentioned {
    pub quotes: Vec<String>,
    pub date: Option<When>,
    pub kind: Option<FactKind>,
    pub entities: Vec<EntityIx>,
    /// Known facts it may speak of on weaker evidence, and why: listed as comments for the
    /// curator, never drafted as reports.
    pub maybe: Vec<(FactIx, String)>,
    /// The standings it says someone began or held (a membership or presidency fact's
    /// entries), each with who.
    pub membership: Vec<(Who, Standing, Edge)>,
}

/// Whom a standing phrase is about: a known entity, or a name no entity has yet (the draft
/// writes an `[[entity]]` stub for it, with this proposed id).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    Known(EntityIx),
    New { name: String, slug: Option<String> },
}

/// What a sentence says of standings: each (who, standing, edge) with the date that goes with
/// it (the first date after its phrase, else the sentence's).
type Stated = Vec<(Who, Standing, Edge, Option<When>)>;

impl Mentioned {
    /// A sentence's record with nothing more than its quote, names and date.
    fn of(quote: &str, date: Option<When>, entities: Vec<EntityIx>) -> Mentioned {
        Mentioned {
            quotes: vec![quote.to_string()],
            date,
            kind: None,
            entities,
            maybe: Vec::new(),
            membership: Vec::new(),
        }
    }

    /// Takes in what another sentence adds to this record: its quotes (once), its names, and
    /// its date where it is finer than a year and this record's is not.
    fn absorb(&mut self, other: Mentioned) {
        for q in other.quotes {
            if !self.quotes.contains(&q) {
                self.quotes.push(q);
            }
        }
        self.entities.extend(other.entities);
        self.entities.sort_unstable();
        self.entities.dedup();
        if let Some(d) = other.date.filter(|&d| finer_than_year(d))
            && !self.date.is_some_and(finer_than_year)
        {
            self.date = Some(d);
        }
    }
}

/// A sentence's date: a range when its first two date expressions have the same precision
/// ("opened on 22 August and runs until 29 August"), else its most precise one (the
/// "September 2016" of "Peace Mission 2016 was held in September 2016").
fn sentence_date(found: &[Point]) -> Option<When> {
    match found {
        [a, b, ..] if a.precision() == b.precision() && a.first_day() < b.first_day() => {
            Some(When::Range(*a, *b))
        }
        _ => found
            .iter()
            .rev()
            .max_by_key(|p| p.precision())
            .map(|p| When::Point(*p)),
    }
}

/// Finer than a year: a date that can tell two events of one year apart.
fn finer_than_year(w: When) -> bool {
    w.precision().is_some_and(|p| p != Precision::Year)
}

/// Names that are days of the week, never of an entity.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

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
