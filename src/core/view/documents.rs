//! The list of documents' view model.

use super::{DateView, date_view};
use crate::core::model::*;

/// A document in the list of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSummary {
    pub id: String,
    pub title: String,
    pub page_date: Option<String>,
    pub outlet: Option<String>,
    pub written: Option<DateView>,
    pub facts: usize,
    pub entities: usize,
}

/// The first `shown` documents and how many there are. Facts per document are counted in one
/// pass over the facts, not one per document.
pub fn documents(
    cat: &crate::core::catalog::Catalog<'_>,
    shown: usize,
) -> (Vec<DocSummary>, usize) {
    let data = cat.data;
    let mut facts = vec![0usize; data.documents.len()];
    for f in &data.facts {
        let mut docs: Vec<DocIx> = f.evidence.iter().map(|q| q.doc).collect();
        crate::core::order::sort_unique(&mut docs);
        for d in docs {
            facts[d as usize] += 1;
        }
    }
    // As of a date, only the documents written by then.
    let written: Vec<(usize, &Document)> = data
        .documents
        .iter()
        .enumerate()
        .filter(|(i, _)| cat.shows_doc(*i as DocIx))
        .collect();
    let total = written.len();
    let list = written
        .into_iter()
        .take(shown)
        .map(|(i, d)| {
            let mut ents: Vec<EntityIx> = data
                .mentions_in(i as DocIx)
                .iter()
                .map(|m| m.entity)
                .collect();
            crate::core::order::sort_unique(&mut ents);
            DocSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                page_date: d.page_date.clone(),
                outlet: d.outlet.clone(),
                written: date_view(&d.written),
                facts: facts[i],
                entities: ents.len(),
            }
        })
        .collect();
    (list, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    #[test]
    fn each_document_counts_its_facts_and_entities() {
        let (list, total) = documents(corpus(), 1);
        assert_eq!((list.len(), total), (1, 2), "a page at a time");
        let (list, _) = documents(corpus(), 10);
        let counts: Vec<(&str, usize)> = list.iter().map(|d| (d.id.as_str(), d.facts)).collect();
        assert_eq!(counts, [("a_fixture", 6), ("b_fixture", 5)]);
        assert!(list[1].entities >= 4, "{:?}", list[1]);
    }
}
