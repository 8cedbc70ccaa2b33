//! Each page's schema.org description as JSON-LD: a `WebPage` about an `Event` (a fact), a
//! `Country`, `Organization`, `Person`, `Place` or `Thing` (an entity), or a `CreativeWork` (a
//! source document), citing the documents it comes from.
//!
//! Dates follow the provenance rules: `startDate` and `endDate` carry the date at the precision
//! the sources give (`2018`, `2018-08`, `2018-08-22`), and only a stated date the sources agree
//! on is given; an inferred or disputed one is left to the page's words, which say why.

use super::Site;
use crate::core::catalog::Catalog;
use crate::core::model::*;
use crate::core::route::{Place, card_page, doc_page};
use crate::core::search::RecordRef;
use crate::core::view::{self, DocumentView, EntityCard, Evidence, FactCard, SITE_NAME};
use serde_json::Value;

/// A JSON object from (key, value) pairs, leaving out absent values.
fn object(fields: &[(&str, Option<Value>)]) -> Value {
    Value::Object(
        fields
            .iter()
            .filter_map(|(k, v)| Some((k.to_string(), v.clone()?)))
            .collect(),
    )
}

fn string(s: &str) -> Option<Value> {
    Some(Value::String(s.to_string()))
}

fn list(items: Vec<Value>) -> Option<Value> {
    (!items.is_empty()).then_some(Value::Array(items))
}

/// The page around what it is about. `<` is escaped so no text can close the script element.
pub(super) fn web_page(name: &str, url: &str, about: Value, citing: Vec<Value>) -> String {
    let page = object(&[
        ("@context", string("https://schema.org")),
        ("@type", string("WebPage")),
        ("name", string(name)),
        ("url", string(url)),
        (
            "isPartOf",
            Some(object(&[
                ("@type", string("WebSite")),
                ("name", string(SITE_NAME)),
            ])),
        ),
        ("about", Some(about)),
        ("citation", list(citing)),
    ]);
    serde_json::to_string(&page)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

/// Each document the quotes come from, once, as a cited work with its page, linked from the
/// card's page `here`.
fn cited(here: &Place, quotes: &[Evidence]) -> Vec<Value> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for q in quotes {
        if !seen.contains(&q.doc_id.as_str()) {
            seen.push(&q.doc_id);
            out.push(work(here, &q.doc_title, &q.doc_id, q.outlet.as_deref()));
        }
    }
    out
}

/// A source document as a cited work.
fn work(here: &Place, title: &str, id: &str, outlet: Option<&str>) -> Value {
    object(&[
        ("@type", string("CreativeWork")),
        ("name", string(title)),
        ("url", string(&here.page_url(&doc_page(id)))),
        (
            "publisher",
            outlet.map(|o| object(&[("@type", string("Organization")), ("name", string(o))])),
        ),
    ])
}

/// `startDate` and `endDate` for a stated, undisputed date, at its precision.
fn dates(f: &Fact) -> (Option<Value>, Option<Value>) {
    let disputed = f.disputes.iter().any(|d| d.on == Disputed::Date);
    if disputed || f.date.certainty != Certainty::Stated {
        return (None, None);
    }
    match f.date.when {
        When::Unknown => (None, None),
        When::Point(p) => (string(&p.iso()), None),
        When::Range(a, b) => (string(&a.iso()), string(&b.iso())),
    }
}

pub fn fact(cat: &Catalog<'_>, site: &Site, card: &FactCard, url: &str) -> String {
    let (start, end) = match cat.record(&card.id) {
        Some(RecordRef::Fact(f)) => dates(&cat.data.facts[f as usize]),
        _ => (None, None),
    };
    let places: Vec<Value> = card
        .places
        .iter()
        .map(|p| object(&[("@type", string("Place")), ("name", string(&p.name))]))
        .collect();
    let about = object(&[
        ("@type", string("Event")),
        ("name", string(&card.title)),
        ("description", string(view::prose(&card.summary))),
        ("startDate", start),
        ("endDate", end),
        ("location", list(places)),
    ]);
    let here = site.place(&card_page(&card.id));
    web_page(&card.title, url, about, cited(&here, &card.evidence))
}

pub fn entity(site: &Site, card: &EntityCard, url: &str) -> String {
    let kind = match EntityKind::from_slug(card.kind_slug) {
        Some(EntityKind::State) => "Country",
        Some(EntityKind::Organisation | EntityKind::Body | EntityKind::MediaOutlet) => {
            "Organization"
        }
        Some(EntityKind::Person) => "Person",
        Some(EntityKind::Place) => "Place",
        _ => "Thing",
    };
    let aliases: Vec<Value> = card.aliases.iter().filter_map(|a| string(a)).collect();
    let about = object(&[
        ("@type", string(kind)),
        ("name", string(&card.name)),
        ("alternateName", list(aliases)),
        ("description", string(view::prose(&card.description))),
    ]);
    let here = site.place(&card_page(&card.id));
    web_page(&card.name, url, about, cited(&here, &card.evidence))
}

pub fn document(d: &DocumentView, url: &str) -> String {
    // `dateCreated` only for a stated writing date, at its precision.
    let created = d
        .written
        .as_ref()
        .filter(|w| w.inferred.is_none() && !w.iso.contains(".."))
        .and_then(|w| string(&w.iso));
    let about = object(&[
        ("@type", string("CreativeWork")),
        ("name", string(&d.title)),
        (
            "publisher",
            d.outlet
                .as_deref()
                .map(|o| object(&[("@type", string("Organization")), ("name", string(o))])),
        ),
        ("dateCreated", created),
        ("creditText", d.credit.as_deref().and_then(string)),
    ]);
    web_page(&d.title, url, about, Vec::new())
}
