//! `feed.xml`: an Atom 1.0 feed (RFC 4287) of what each document reports, for news readers and
//! monitoring tools that follow the collection as it grows. One entry per report (a fact as one
//! document gives it), newest document first, titled with the fact and what that document says
//! of it, its quotes as the summary, linking to the card's page. Written only when the site's
//! address is known: a feed's ids and links must be absolute.
//!
//! Readers fetch the whole feed at every poll, so it holds the newest entries only, at most
//! [`PER_FEED`]; the older ones are in archive documents (`feed-archive-1.xml` the oldest),
//! linked as RFC 5005 says (`prev-archive`, `next-archive`, `current`, `fh:archive`). Archives
//! are cut from the oldest end in whole pages of [`PER_FEED`], so an archive keeps its entries
//! as documents are added (unless one is dated before them); the feed holds the rest, 1 to
//! [`PER_FEED`] entries.

use super::esc;
use crate::core::catalog::Catalog;
use crate::core::model::*;
use crate::core::route::Place;
use crate::core::sources::document_time;
use crate::core::view::{self, SITE_NAME};

/// The feed's path from the site root.
pub const FEED: &str = "feed.xml";

/// The most entries one feed document holds.
pub const PER_FEED: usize = 100;

/// The path of archive `n` (from 1, the oldest).
pub fn archive_path(n: usize) -> String {
    format!("feed-archive-{n}.xml")
}

/// The entry date of a report whose document gives no date at all: Atom needs one, and the
/// earliest lets readers sort the entry last rather than invent a date for it.
const UNDATED: &str = "1970-01-01T00:00:00Z";

/// A day number as an RFC 3339 instant (midnight UTC).
fn instant(day: i32) -> String {
    format!("{}T00:00:00Z", iso_day(day))
}

/// One entry, before it is written: when its document spoke (for the order), its date, and
/// its XML.
struct Entry {
    when: Option<(i32, i32)>,
    updated: Option<i32>,
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

/// The day an entry is dated: its document's first day, but never before what it reports as
/// held. A document dated only "2019" that calls a meeting of 31 October – 1 November 2019
/// held was written after 1 November, within its own dates.
fn entry_day(when: Option<(i32, i32)>, r: &Report) -> Option<i32> {
    let (first, last) = when?;
    let held = matches!(r.status, Status::Happened)
        .then(|| r.date.when.span())
        .flatten();
    Some(match held {
        Some((_, end)) if end > first => end.min(last),
        _ => first,
    })
}

/// Every entry, newest first.
fn entries(cat: &Catalog<'_>, place: &Place) -> Vec<Entry> {
    let data = cat.data;
    let mut entries: Vec<Entry> = Vec::new();
    for f in &data.facts {
        let card = place.page_url(&crate::core::route::card_page(&f.id));
        let reports = f.reports();
        for (s, r) in view::sources(data, f).into_iter().zip(reports.iter()) {
            let Some(doc) = cat.doc(&s.doc_id) else {
                continue;
            };
            let when = document_time(&data.documents[doc as usize]);
            let updated = entry_day(when, r);
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
                updated = updated.map_or(UNDATED.into(), instant),
                summary = esc(&summary),
            );
            entries.push(Entry {
                when,
                updated,
                doc,
                xml,
            });
        }
    }
    // Newest first by the day each entry is dated, then by its document's time; undated last;
    // a document's entries of one day in fact order.
    let order = crate::core::order::order_of(entries.len(), &|a, b| {
        let (x, y) = (&entries[a], &entries[b]);
        y.when
            .is_some()
            .cmp(&x.when.is_some())
            .then(y.updated.cmp(&x.updated))
            .then(y.when.cmp(&x.when))
            .then(x.doc.cmp(&y.doc))
    });
    crate::core::order::permute(entries, &order)
}

/// The feed for the site at `base` (an absolute URL ending in `/`) and its archives: (path in
/// the site, text), the feed first.
pub fn feeds(cat: &Catalog<'_>, base: &str) -> Vec<(String, String)> {
    feeds_of(cat, base, PER_FEED)
}

/// [`feeds`] with at most `per` entries a document (tests make archives of a small corpus).
pub fn feeds_of(cat: &Catalog<'_>, base: &str, per: usize) -> Vec<(String, String)> {
    let per = per.max(1);
    let place = Place::new(base, true, None);
    let all = entries(cat, &place);
    // Whole pages of the oldest entries are archives; the feed keeps the newest 1 to per.
    let archives = all.len().saturating_sub(1) / per;
    let in_feed = all.len() - archives * per;
    let url = |path: &str| esc(&place.page_url(path));
    let mut out = Vec::new();
    for n in 0..=archives {
        // Document 0 is the feed; document n >= 1 is archive n, counted from the oldest.
        let (chunk, path) = if n == 0 {
            (&all[..in_feed], FEED.to_string())
        } else {
            let end = all.len() - (n - 1) * per;
            (&all[end - per..end], archive_path(n))
        };
        let updated = chunk
            .iter()
            .filter_map(|e| e.updated)
            .max()
            .map_or(UNDATED.into(), instant);
        let mut links = format!(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            url(&path)
        );
        // The feed points back to the newest archive; an archive to the feed, and to the
        // archives either side of it.
        let (prev, next) = match n {
            0 => ((archives > 0).then_some(archives), None),
            n => ((n > 1).then_some(n - 1), (n < archives).then_some(n + 1)),
        };
        let mut link = |rel: &str, path: &str| {
            links.push_str(&format!(
                "<link rel=\"{rel}\" type=\"application/atom+xml\" href=\"{}\"/>\n",
                url(path)
            ));
        };
        if let Some(p) = prev {
            link("prev-archive", &archive_path(p));
        }
        if let Some(x) = next {
            link("next-archive", &archive_path(x));
        }
        if n > 0 {
            link("current", FEED);
            links.push_str("<fh:archive/>\n");
        }
        let mut text = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:fh=\"http://purl.org/syndication/history/1.0\">\n<title>{name}: what each document reports</title>\n<subtitle>Every fact as each source document gives it, with its quotes, newest document first.</subtitle>\n<id>{id}</id>\n{links}<link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n<updated>{updated}</updated>\n<author><name>{name}</name></author>\n",
            name = esc(SITE_NAME),
            // The feed and its archives are documents of one feed: one id.
            id = url(""),
            home = url(""),
        );
        for e in chunk {
            text.push_str(&e.xml);
        }
        text.push_str("</feed>\n");
        out.push((path, text));
    }
    out
}

/// The `<link>` that points browsers and feed readers to the feed, for every page's head.
pub fn head_link(base: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{} (Atom feed)\" href=\"{}\">",
        esc(SITE_NAME),
        esc(&feed_url(base))
    )
}

/// The feed's address for a site at `base`: what the head points to and the page links.
pub fn feed_url(base: &str) -> String {
    Place::new(base, true, None).page_url(FEED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_dated_no_earlier_than_what_it_reports_as_held() {
        fn check(written: &str, status: Status, date: &str, expect: &str) {
            let span = Point::parse(written).map(|p| (p.first_day(), p.last_day()));
            let r = Report {
                doc: 0,
                status,
                date: DateSpec::stated(crate::core::validate::parse_when(date).expect("date")),
                places: Vec::new(),
                participants: Vec::new(),
                summary: None,
                quotes: Vec::new(),
            };
            let got = entry_day(span, &r).map(iso_day);
            assert_eq!(got.as_deref(), Some(expect), "{written} {status:?} {date}");
        }
        // A document dated only by its year, calling a meeting of late 2019 held.
        check(
            "2019",
            Status::Happened,
            "2019-10-31..2019-11-01",
            "2019-11-01",
        );
        // A plan says nothing of when it was written beyond the document's own date.
        check("2019", Status::Planned, "2020-06", "2019-01-01");
        // Something held before the document's date: the document's first day.
        check("2019-11", Status::Happened, "2017-06", "2019-11-01");
        // Never past the document's own last day.
        check(
            "2019-03",
            Status::Happened,
            "2019-02..2020-01",
            "2019-03-31",
        );
    }
}
