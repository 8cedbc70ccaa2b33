//! Searching the sources as they stood on a past date with today's index: which records
//! existed, and a recheck of those whose words were fewer then.

use super::index::Index;
use super::{Rec, RecordRef};
use crate::core::model::Dataset;

/// A search of the sources as they stood on a past date (`core::asof`). The index holds
/// today's words, so a record that did not exist then is left out, and a record whose words
/// were fewer then (a later report, description or name) must match in what it said then:
/// a word or a date only a later document gives finds nothing.
pub struct Past<'a> {
    /// Per record: it existed on the day.
    pub exists: &'a [bool],
    /// Per record: its words on the day differ from today's (`data` holds them).
    pub recheck: &'a [bool],
}

impl Past<'_> {
    pub(super) fn exists(&self, r: Rec) -> bool {
        self.exists.get(r as usize).copied().unwrap_or(false)
    }

    pub(super) fn recheck(&self, r: Rec) -> bool {
        self.recheck.get(r as usize).copied().unwrap_or(false)
    }

    /// Whether some record that existed said `word` then (a suggestion may offer it).
    pub(super) fn said(&self, ix: &Index, data: &Dataset, word: &str) -> bool {
        ix.find(word).is_some_and(|t| {
            ix.postings(t).any(|posting| {
                let r = posting >> 8;
                self.exists(r)
                    && (!self.recheck(r)
                        || ix
                            .record_terms(data, RecordRef::of(data, r))
                            .binary_search(&t)
                            .is_ok())
            })
        })
    }
}

/// What one group of a query matched, kept to recheck a past record: a word's index terms,
/// or a date's stretch and words.
pub(super) enum Matched {
    Word(Vec<u32>),
    Date {
        span: (i32, i32),
        words: Option<Vec<u32>>,
    },
}

/// Whether record `r`, as `data` has it, still matches every group.
pub(super) fn still_matches(ix: &Index, data: &Dataset, r: Rec, groups: &[Matched]) -> bool {
    let rec = RecordRef::of(data, r);
    let terms = ix.record_terms(data, rec);
    let has = |t: &u32| terms.binary_search(t).is_ok();
    groups.iter().all(|g| match g {
        Matched::Word(ts) => ts.iter().any(has),
        Matched::Date { span, words } => {
            let dated = rec.fact().is_some_and(|f| {
                data.facts[f as usize]
                    .report_dates()
                    .filter_map(|d| d.when.span())
                    .any(|d| super::index::within(d, *span))
            });
            dated || words.as_ref().is_some_and(|w| w.iter().all(has))
        }
    })
}
