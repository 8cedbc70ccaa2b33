//! The reader's view model: a document's paragraphs cut into pieces, mentions linked, one
//! card's quote highlighted.

use super::{DateView, FactLink, date_view, fact_link_as_of, facts_by_date_as};
use crate::core::catalog::Catalog;
use crate::core::model::*;
use crate::core::route::QuoteRef;
use crate::core::search::RecordRef;

/// A piece of a paragraph in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The entity this piece names, as a link.
    pub entity: Option<String>,
    /// Part of the quote being highlighted.
    pub quote: bool,
    /// The first piece of the highlighted quote (scrolled into view).
    pub quote_start: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentView {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub page_date: Option<String>,
    pub credit: Option<String>,
    pub written: Option<DateView>,
    pub date_note: Option<String>,
    pub paragraphs: Vec<Vec<Piece>>,
    /// Facts drawn from this document, in date order.
    pub facts: Vec<FactLink>,
    /// The card whose quote is highlighted, and the quote's number.
    pub highlighted: Option<(String, u16)>,
    /// A quote was asked for but is not in this document (or does not exist).
    pub quote_missing: bool,
}

/// The reader's view of a document, with mentions linked and one card's quote highlighted.
pub fn document(cat: &Catalog<'_>, doc_id: &str, quote: Option<&QuoteRef>) -> Option<DocumentView> {
    let data = cat.data;
    let d = cat.doc(doc_id)?;
    let doc = &data.documents[d as usize];
    let mut quote_missing = false;
    let mut highlighted = None;
    let range = quote.and_then(|q| {
        let quotes = match cat.record(&q.card)? {
            RecordRef::Fact(f) => &data.facts[f as usize].evidence,
            RecordRef::Entity(e) => &data.entities[e as usize].evidence,
        };
        let found = quotes.get(q.n as usize - 1).filter(|x| x.doc == d);
        if found.is_some() {
            highlighted = Some((q.card.clone(), q.n));
        }
        found.map(|x| (x.start as usize, x.end as usize))
    });
    if quote.is_some() && range.is_none() {
        quote_missing = true;
    }
    let paragraphs = paragraphs(data, d, range);
    // Each fact as this document reports it, not as later ones do.
    let facts = facts_by_date_as(
        data,
        cat.links().doc_facts[d as usize].iter().copied(),
        &|f| fact_link_as_of(data, f, d),
    );
    Some(DocumentView {
        id: doc.id.clone(),
        title: doc.title.clone(),
        outlet: doc.outlet.clone(),
        page_date: doc.page_date.clone(),
        credit: doc.credit.clone(),
        written: date_view(&doc.written),
        date_note: doc.date_note.clone(),
        paragraphs,
        facts,
        highlighted,
        quote_missing,
    })
}

/// The document's paragraphs, each cut into pieces at mention and quote boundaries, so every
/// piece is wholly inside or outside each mention and the highlighted quote `range`.
fn paragraphs(data: &Dataset, d: DocIx, range: Option<(usize, usize)>) -> Vec<Vec<Piece>> {
    let mentions = data.mentions_in(d);
    let body = data.documents[d as usize].body.as_ref();
    let mut paragraphs = Vec::new();
    let mut first_quote_piece = true;
    let mut start = 0;
    for para in body.split("\n\n") {
        let (p_start, p_end) = (start, start + para.len());
        start = p_end + 2;
        let trimmed = para.trim();
        if trimmed.is_empty() {
            continue;
        }
        let p_start = p_start + (para.len() - para.trim_start().len());
        let p_end = p_start + trimmed.len();
        // Cut points: paragraph ends, mention ends, quote ends.
        let mut cuts = vec![p_start, p_end];
        for m in mentions
            .iter()
            .filter(|m| (m.start as usize) < p_end && (m.end as usize) > p_start)
        {
            cuts.push((m.start as usize).max(p_start));
            cuts.push((m.end as usize).min(p_end));
        }
        if let Some((a, b)) = range {
            cuts.push(a.clamp(p_start, p_end));
            cuts.push(b.clamp(p_start, p_end));
        }
        let mut cuts = crate::core::order::sort_by(cuts, &|a: &usize, b| a.cmp(b));
        cuts.dedup();
        let pieces = cuts
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let entity = mentions
                    .iter()
                    .find(|m| m.start as usize <= a && b <= m.end as usize)
                    .map(|m| data.entities[m.entity as usize].id.clone());
                let quote = range.is_some_and(|(qa, qb)| qa <= a && b <= qb);
                let quote_start = quote && std::mem::replace(&mut first_quote_piece, !quote);
                Piece {
                    text: body[a..b].to_string(),
                    entity,
                    quote,
                    quote_start,
                }
            })
            .collect();
        paragraphs.push(pieces);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    #[test]
    fn the_reader_links_mentions_and_highlights_the_quote() {
        let c = corpus();
        let q = QuoteRef {
            card: "harbour-shield-2016".into(),
            n: 1,
        };
        let doc = document(c, "a_fixture", Some(&q)).expect("a document");
        assert_eq!(doc.highlighted, Some(("harbour-shield-2016".into(), 1)));
        let pieces = || doc.paragraphs.iter().flatten();
        let quoted: String = pieces()
            .filter(|p| p.quote)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(quoted, "in 2016 it was held in Borvia");
        assert_eq!(pieces().filter(|p| p.quote_start).count(), 1);
        let linked: Vec<&str> = pieces().filter_map(|p| p.entity.as_deref()).collect();
        assert!(
            linked.contains(&"cestria") && linked.contains(&"ncc"),
            "{linked:?}"
        );
        // The text is all there, in order.
        let text: String = doc
            .paragraphs
            .iter()
            .map(|p| p.iter().map(|x| x.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n\n");
        let d = c.doc("a_fixture").expect("doc");
        assert_eq!(text, c.data.documents[d as usize].body.trim());
        // Its facts in date order, undated last.
        let facts: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(facts.first(), Some(&"ecu-signs-accord"));
        assert_eq!(facts.last(), Some(&"arland-seeks-boats"));
        // A quote from another document is reported, not silently dropped.
        let other = QuoteRef {
            card: "working-group-2019".into(),
            n: 1,
        };
        assert!(
            document(c, "a_fixture", Some(&other))
                .expect("doc")
                .quote_missing
        );
        assert!(document(c, "nope", None).is_none());
    }
}
