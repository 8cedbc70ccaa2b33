//! Display-ready view models: everything a component shows, already worded, ordered and
//! highlighted, so the Yew layer only renders. Highlights are data (`Seg { mark }`), never HTML.
//!
//! One file per screen, as `src/ui/` has one per screen: `search` (results and facets), `card`
//! (fact, entity, not found, citation), `reader` (a document), `documents` (their list). What
//! several screens show lives here: highlighted text, links to records, quotes; and `date`,
//! the wording of dates.

mod card;
mod cite;
mod documents;
mod reader;
mod search;
mod sources;
mod text;

/// Dates as a screen shows them are the model's words (`model::date_view`).
pub use crate::core::model::{DateView, INFERRED, date_view};
pub use card::*;
pub use cite::*;
pub use documents::*;
pub use reader::*;
pub use search::*;
pub use sources::*;
pub use text::*;

use crate::core::model::*;
use crate::core::search::rank::Highlighter;

/// The site's name, as titles, link previews, the header and citations give it: its one home
/// in the code (the static shell `index.html` and the web manifest carry it too, and
/// `tests/tidy.rs` checks that they say the same).
pub const SITE_NAME: &str = "SCO defence cooperation explorer";

/// The site's short name, where space is short (a window's title, an installed app's label).
pub const SHORT_NAME: &str = "SCO explorer";

/// What a historical view says it is (the banner under the search box, an embed's source
/// line): "the sources as they stood on 21 August 2018, when 3 documents had been written".
pub fn historical(day: i32, written: usize) -> String {
    let documents = if written == 1 {
        "document"
    } else {
        "documents"
    };
    format!(
        "the sources as they stood on {}, when {written} {documents} had been written",
        crate::core::model::day_words(day)
    )
}

/// The way back from a historical view to today's, where a past view has nothing to show.
pub const SEE_TODAY: &str = "See it as the sources stand today";

/// The title of a page or view that shows one thing: "Peace Mission 2018 · SCO explorer".
pub fn titled(name: &str) -> String {
    format!("{name} \u{b7} {SHORT_NAME}")
}

/// Said beside "Copy link" in the single-file edition, which has no pages of its own.
pub const SINGLE_FILE_LINKS: &str = "This single-file edition has no pages of its own: its links open this file at the card. The website gives each card a page of its own.";

/// A run of text, marked when the query matched it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub mark: bool,
}

/// Splits `text` into marked and unmarked runs.
pub fn marked(text: &str, h: &Highlighter) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in h.ranges(text) {
        if a > at {
            out.push(Seg {
                text: text[at..a].to_string(),
                mark: false,
            });
        }
        out.push(Seg {
            text: text[a..b].to_string(),
            mark: true,
        });
        at = b;
    }
    if at < text.len() || out.is_empty() {
        out.push(Seg {
            text: text[at..].to_string(),
            mark: false,
        });
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityLink {
    pub id: String,
    pub name: String,
}

fn entity_link(data: &Dataset, e: EntityIx) -> EntityLink {
    let e = &data.entities[e as usize];
    EntityLink {
        id: e.id.clone(),
        name: e.name.clone(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactLink {
    pub id: String,
    pub title: String,
    pub date: Option<DateView>,
    pub status: &'static str,
    pub status_slug: &'static str,
    /// Where a list gives one document's word: "a later source revised this".
    pub note: Option<String>,
}

fn fact_link(data: &Dataset, f: FactIx) -> FactLink {
    let f = &data.facts[f as usize];
    FactLink {
        id: f.id.clone(),
        title: f.title.clone(),
        date: date_view(&f.date),
        status: f.status.label(),
        status_slug: f.status.slug(),
        note: None,
    }
}

/// A link to fact `f` as document `d` reports it: that document's status and date, not the
/// current view, and a note when a later source changed them.
fn fact_link_as_of(data: &Dataset, f: FactIx, d: DocIx) -> FactLink {
    let mut link = fact_link(data, f);
    let fact = &data.facts[f as usize];
    let reports = fact.reports();
    if let Some(i) = reports.iter().position(|r| r.doc == d) {
        let r = &reports[i];
        link.date = date_view(&r.date);
        link.status = r.status.label();
        link.status_slug = r.status.slug();
        let changed_later = reports[i + 1..]
            .iter()
            .any(|l| l.status != r.status || l.date.when != r.date.when);
        if changed_later {
            link.note = Some("a later source says otherwise".to_string());
        }
    }
    link
}

/// A summary or description with the document whose word it is and when that was written:
/// every sentence of prose on screen says where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub text: String,
    pub doc_id: String,
    pub doc_title: String,
    /// When the document was written, in words ("2019 (inferred)").
    pub written: Option<String>,
}

/// The text of a piece of prose, empty when no document gives one.
pub fn prose(s: &Option<Said>) -> &str {
    s.as_ref().map_or("", |s| s.text.as_str())
}

/// Document `doc`'s word `text`; `None` for no text (no document gives one).
fn said(data: &Dataset, doc: DocIx, text: &str) -> Option<Said> {
    let d = data.documents.get(doc as usize)?;
    (!text.is_empty()).then(|| Said {
        text: text.to_string(),
        doc_id: d.id.clone(),
        doc_title: d.title.clone(),
        written: date_view(&d.written).map(|w| w.flagged()),
    })
}

/// One verbatim quote and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The quote's number on its card (from 1), as links use it.
    pub n: u16,
    pub text: String,
    pub doc_id: String,
    pub doc_title: String,
    pub page_date: Option<String>,
    pub outlet: Option<String>,
}

fn evidence(data: &Dataset, quotes: &[Quote]) -> Vec<Evidence> {
    quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let d = &data.documents[q.doc as usize];
            Evidence {
                n: i as u16 + 1,
                text: data.quote_text(q).to_string(),
                doc_id: d.id.clone(),
                doc_title: d.title.clone(),
                page_date: d.page_date.clone(),
                outlet: d.outlet.clone(),
            }
        })
        .collect()
}

/// Links to `facts` in date order, undated last: the one order every list of facts uses.
fn facts_by_date(data: &Dataset, facts: impl Iterator<Item = FactIx>) -> Vec<FactLink> {
    facts_by_date_as(data, facts, &|f| fact_link(data, f))
}

/// The same order, each fact linked by `link` (the reader links each as its document says).
fn facts_by_date_as(
    data: &Dataset,
    facts: impl Iterator<Item = FactIx>,
    link: &dyn Fn(FactIx) -> FactLink,
) -> Vec<FactLink> {
    crate::core::order::by_date(data, facts)
        .into_iter()
        .map(link)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    #[test]
    fn marking_splits_text_without_losing_any() {
        let h = corpus().search("harbour shield").highlight;
        let text = "Harbour Shield is held every two years.";
        let segs = marked(text, &h);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text);
        let marks: Vec<&str> = segs
            .iter()
            .filter(|s| s.mark)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marks, ["Harbour", "Shield"]);
    }
}
