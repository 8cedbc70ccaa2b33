//! `feed.xml`: an Atom 1.0 feed (RFC 4287) of what each document reports, for news readers and
//! monitoring tools that follow the collection as it grows. One entry per report (a fact as one
//! document gives it), newest document first, titled with the fact and what that document says
//! of it, its quotes as the summary, linking to the card's page. Written only when the site's
//! address is known: a feed's ids and links must be absolute.

use super::esc;
use crate::core::catalog::Catalog;
use crate::core::model::*;
use crate::core::route::Place;
use crate::core::sources::document_time;

/// The feed's path from the site root.
pub const FEED: &str = "feed.xml";
use crate::core::view::{self, SITE_NAME};

/// The entry date of a report whose document gives no date at all: Atom needs one, and the
/// earliest lets readers sort the entry last rather than invent a date for it.
const UNDATED: &str = "1970-01-01T00:00:00Z";

/// A day number as an RFC 3339 instant (midnight UTC).
fn instant(day: i32) -> String {
    format!("{}T00:00:00Z", iso_day(day))
}

/// One entry, before it is written: when its document spoke (for the order) and its XML.
struct Entry {
    when: Option<(i32, i32)>,
    doc: DocIx,
    xml: String,
}

/// The title of a report's entry: the fact and what the document says of it
/// ("Peace Mission 2018: held, 22–29 August 2018").
pub fn entry_title(fact_title: &str, status: &str, date: Option<&str>) -> String {
    match date {
        Some(d) => format!("{fact_title}: {}, {d}", status.to_lowercase()),
        None => format!("{fact_title}: {}", status.to_lowercase()),
    }
}

/// The feed for the site at `base` (an absolute URL ending in `/`).
pub fn feed(cat: &Catalog<'_>, base: &str) -> String {
    let data = cat.data;
    let place = Place::new(base, true, None);
    let mut entries: Vec<Entry> = Vec::new();
    for f in &data.facts {
        let card = place.page_url(&crate::core::route::card_page(&f.id));
        for s in view::sources(data, f) {
            let Some(doc) = cat.doc(&s.doc_id) else {
                continue;
            };
            let d = &data.documents[doc as usize];
            let when = document_time(d);
            let title = entry_title(
                &f.title,
                s.status,
                s.date.as_ref().map(|v| v.flagged()).as_deref(),
            );
            let quotes: Vec<String> = s
                .evidence
                .iter()
                .map(|e| format!("\u{201c}{}\u{201d}", e.text))
                .collect();
            let summary = format!("{} ({})", quotes.join(" "), s.doc_title);
            let doc_page = place.page_url(&crate::core::route::doc_page(&s.doc_id));
            let xml = format!(
                "<entry>\n<title>{title}</title>\n<id>{id}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{card}\"/>\n<link rel=\"via\" type=\"text/html\" href=\"{doc_page}\" title=\"{doc_title}\"/>\n<updated>{updated}</updated>\n<summary>{summary}</summary>\n</entry>\n",
                title = esc(&title),
                id = esc(&format!("{card}#report-{}", s.doc_id)),
                card = esc(&card),
                doc_page = esc(&doc_page),
                doc_title = esc(&s.doc_title),
                updated = when.map_or(UNDATED.into(), |(first, _)| instant(first)),
                summary = esc(&summary),
            );
            entries.push(Entry { when, doc, xml });
        }
    }
    // Newest document first (by when it was written, its start then its end), undated last;
    // a document's entries in fact order.
    let order = crate::core::order::order_of(entries.len(), &|a, b| {
        let (x, y) = (&entries[a], &entries[b]);
        y.when
            .is_some()
            .cmp(&x.when.is_some())
            .then(y.when.cmp(&x.when))
            .then(x.doc.cmp(&y.doc))
    });
    let updated = entries
        .iter()
        .filter_map(|e| e.when)
        .max()
        .map_or(UNDATED.into(), |(first, _)| instant(first));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>{name}: what each document reports</title>\n<subtitle>Every fact as each source document gives it, with its quotes, newest document first.</subtitle>\n<id>{base}</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{base}\"/>\n<updated>{updated}</updated>\n<author><name>{name}</name></author>\n",
        name = esc(SITE_NAME),
        base = esc(&place.page_url("")),
        feed = esc(&place.page_url(FEED)),
    );
    for i in order {
        out.push_str(&entries[i as usize].xml);
    }
    out.push_str("</feed>\n");
    out
}

/// The `<link>` that points browsers and feed readers to the feed, for every page's head.
pub fn head_link(base: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{} (Atom feed)\" href=\"{}\">",
        esc(SITE_NAME),
        esc(&Place::new(base, true, None).page_url(FEED))
    )
}
