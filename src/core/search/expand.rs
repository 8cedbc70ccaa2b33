//! A query word to the index terms it reaches, each with its quality: its exact forms and
//! compounds, other forms of the word (stems), prefixes of the word being typed, typos; and,
//! when nothing matches, the indexed words closest to what was typed.

use super::Weights;
use super::index::Index;
use super::normalize::is_stop_word;
use super::query::{Query, Term};

/// A prefix expansion stops adding words (most frequent first) once it reaches this many
/// postings, so a one- or two-letter prefix over a huge dataset stays fast; the next letter
/// makes the match complete again. Never reached by the real dataset.
pub const PREFIX_POSTINGS_BUDGET: u64 = 200_000;

/// What one word expands to: (term, quality, typo).
type Expansion = Vec<(u32, f32, bool)>;

/// The last few words expanded, with the index (by [`Index::uid`]) and weights they were
/// expanded for. Each keystroke re-runs the whole query, but only its last word changed: "peace"
/// in "peace missio" was expanded, typo scan and all, at the keystrokes before.
struct Memo {
    index: u32,
    weights: Option<Weights>,
    words: Vec<(Term, std::rc::Rc<Expansion>)>,
}

/// Enough for a long query's words and the previous keystroke's.
const MEMO_WORDS: usize = 12;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = const {
        std::cell::RefCell::new(Memo { index: u32::MAX, weights: None, words: Vec::new() })
    };
}

/// The index terms a query word reaches, with their quality and whether they are typos;
/// remembered for the next keystroke.
pub(super) fn expand(ix: &Index, t: &Term, w: &Weights) -> std::rc::Rc<Expansion> {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.index != ix.uid() || m.weights.as_ref() != Some(w) {
            *m = Memo {
                index: ix.uid(),
                weights: Some(w.clone()),
                words: Vec::new(),
            };
        }
        if let Some(i) = m.words.iter().position(|(k, _)| k == t) {
            // Most recent last, so the oldest is the one to drop.
            let hit = m.words.remove(i);
            let found = hit.1.clone();
            m.words.push(hit);
            return found;
        }
        let found = std::rc::Rc::new(expand_uncached(ix, t, w));
        if m.words.len() == MEMO_WORDS {
            m.words.remove(0);
        }
        m.words.push((t.clone(), found.clone()));
        found
    })
}

fn expand_uncached(ix: &Index, t: &Term, w: &Weights) -> Expansion {
    let mut out: Vec<(u32, f32, bool)> = Vec::new();
    let forms: Vec<&str> = std::iter::once(t.text.as_str())
        .chain(t.written.as_deref())
        .collect();
    for f in forms
        .iter()
        .copied()
        .chain(t.compounds.iter().map(String::as_str))
    {
        if let Some(id) = ix.find(f)
            && !out.iter().any(|(o, _, _)| *o == id)
        {
            out.push((id, 1.0, false));
        }
    }
    if t.exact_only {
        return out;
    }
    // Other forms of the word: "joined" and "joins" for "join", "exercise" for "exercises".
    for f in &forms {
        for id in ix.same_stem(f) {
            if !out.iter().any(|(o, _, _)| *o == id) {
                out.push((id, w.stem, false));
            }
        }
    }
    if t.prefix {
        let mut more: Vec<u32> = Vec::new();
        for f in &forms {
            more.extend(
                ix.prefix_range(f)
                    .filter(|id| !out.iter().any(|(o, _, _)| o == id)),
            );
        }
        crate::core::order::sort_indices(&mut more, &|a, b| {
            ix.count(b).cmp(&ix.count(a)).then(a.cmp(&b))
        });
        more.dedup();
        let mut spent: u64 = out.iter().map(|(id, _, _)| u64::from(ix.count(*id))).sum();
        for id in more {
            if spent >= PREFIX_POSTINGS_BUDGET {
                break;
            }
            spent += u64::from(ix.count(id));
            out.push((id, w.prefix, false));
        }
    }
    let len = t.text.chars().count();
    let max_edits = if len >= 9 {
        2
    } else if len >= 5 {
        1
    } else {
        0
    };
    if max_edits > 0 {
        let a: Vec<char> = t.text.chars().collect();
        let ascii = t.text.is_ascii();
        let mut b: Vec<char> = Vec::new();
        for l in len.saturating_sub(max_edits)..=(len + max_edits).min(31) {
            for &id in &ix.by_len[l] {
                let term = &ix.terms[id as usize];
                // Most words are ASCII: compare bytes without building a char vector.
                let d = if ascii && term.is_ascii() {
                    edit_distance(t.text.as_bytes(), term.as_bytes(), max_edits)
                } else {
                    b.clear();
                    b.extend(term.chars());
                    edit_distance(&a, &b, max_edits)
                };
                if let Some(d) = d
                    && !out.iter().any(|(o, _, _)| *o == id)
                {
                    out.push((id, if d == 1 { w.one_edit } else { w.two_edits }, true));
                }
            }
        }
    }
    // A typo in the word still being typed ("delegato" on the way to "delegaton"): nothing
    // else matched, so words whose beginning is one edit from it are tried, among those with
    // the same first letter (a first letter is rarely the mistyped one, and that keeps the scan
    // to a small part of the vocabulary). Only when nothing else matched: otherwise the results
    // would vanish mid-word, then come back with the next letter.
    if out.is_empty() && t.prefix && len >= 5 && t.text.is_ascii() {
        let text = t.text.as_bytes();
        let first = &t.text[..1];
        for id in ix.prefix_range(first) {
            let term = ix.terms[id as usize].as_bytes();
            // The term's beginning as long as the typed word, one shorter and one longer: a
            // letter swapped, dropped or doubled.
            let near = (len - 1..=len + 1)
                .filter(|&l| l < term.len())
                .any(|l| edit_distance(text, &term[..l], 1).is_some());
            if near {
                out.push((id, w.one_edit * w.prefix, true));
            }
        }
    }
    out
}

/// Optimal string alignment distance (a transposition is one edit), or `None` above `max`.
/// Rows live on the stack for words up to 63 letters (every indexed word is shorter): the typo
/// scan calls this for thousands of words per keystroke.
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // What the words share at either end costs no edit, and most words compared share little
    // with the typed one: past their common ends, one edit leaves at most one letter on each
    // side (or two swapped), which needs no table at all.
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[p..], &b[p..]);
    let s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - s], &b[..b.len() - s]);
    match (a.len(), b.len()) {
        (0, 0) => return Some(0),
        (0, n) | (n, 0) => return (n <= max).then_some(n),
        (1, 1) => return (max >= 1).then_some(1),
        (2, 2) if a[0] == b[1] && a[1] == b[0] => return (max >= 1).then_some(1),
        _ if max <= 1 => return None,
        _ => {}
    }
    const ROW: usize = 64;
    let cols = b.len() + 1;
    if cols > ROW {
        let (mut p2, mut p, mut r) = (vec![0; cols], vec![0; cols], vec![0; cols]);
        return osa(a, b, max, &mut p2, &mut p, &mut r);
    }
    let (mut p2, mut p, mut r) = ([0u16; ROW], [0u16; ROW], [0u16; ROW]);
    osa(a, b, max, &mut p2[..cols], &mut p[..cols], &mut r[..cols])
}

/// The distance over three rows of `b.len() + 1` cells each.
fn osa<'r, T: PartialEq>(
    a: &[T],
    b: &[T],
    max: usize,
    mut prev2: &'r mut [u16],
    mut prev: &'r mut [u16],
    mut row: &'r mut [u16],
) -> Option<usize> {
    let cols = row.len();
    for (j, c) in prev.iter_mut().enumerate() {
        *c = j as u16;
    }
    for i in 1..=a.len() {
        row[0] = i as u16;
        let mut row_min = row[0];
        for j in 1..cols {
            let cost = u16::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            row[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let d = usize::from(prev[cols - 1]);
    (d <= max).then_some(d)
}

/// Indexed words within two edits of the query's words, most common first.
pub(super) fn suggest(ix: &Index, q: &Query) -> Vec<String> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for t in &q.terms {
        let a: Vec<char> = t.text.chars().collect();
        if a.len() < 3 {
            continue;
        }
        let len = a.len();
        for l in len.saturating_sub(2)..=(len + 2).min(31) {
            for &id in &ix.by_len[l] {
                let term = &ix.terms[id as usize];
                if term.bytes().any(|b| b.is_ascii_digit()) || is_stop_word(term) {
                    continue;
                }
                let b: Vec<char> = term.chars().collect();
                if let Some(d) = edit_distance(&a, &b, 2).filter(|d| *d > 0) {
                    let freq = ix.count(id) as usize;
                    out.push((d, usize::MAX - freq, term.to_string()));
                }
            }
        }
    }
    let mut out = crate::core::order::sort_by(out, &|a: &(usize, usize, String), b| a.cmp(b));
    out.dedup_by(|a, b| a.2 == b.2);
    out.into_iter().take(5).map(|(_, _, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::query;
    use crate::core::{synth, testing, validate};
    use proptest::prelude::*;

    /// The distance with no shortcut: the table over the whole words.
    fn table(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let cols = b.len() + 1;
        let (mut p2, mut p, mut r) = (vec![0; cols], vec![0; cols], vec![0; cols]);
        osa(a, b, max, &mut p2, &mut p, &mut r)
    }

    #[test]
    fn edit_distances_with_the_shortcut() {
        let check = |a: &str, b: &str, max: usize, expect: Option<usize>| {
            assert_eq!(
                edit_distance(a.as_bytes(), b.as_bytes(), max),
                expect,
                "{a} {b} {max}"
            );
        };
        check("peace", "peace", 1, Some(0));
        check("peace", "pease", 1, Some(1));
        check("peace", "paece", 1, Some(1));
        check("peace", "peaces", 1, Some(1));
        check("peace", "eace", 1, Some(1));
        check("peace", "pace", 1, Some(1));
        check("peace", "place", 1, Some(1));
        check("peace", "pleace", 1, Some(1));
        check("peace", "piece", 1, None);
        check("peace", "piece", 2, Some(2));
        check("peace", "pieces", 1, None);
        check("peace", "pieces", 2, None);
        check("peace", "peaces", 2, Some(1));
        check("delegation", "delegaton", 2, Some(1));
        check("delegation", "deelgaton", 2, Some(2));
        check("abc", "", 2, None);
        check("ab", "", 2, Some(2));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Over short words from a small alphabet (so that they share letters, ends and
        /// swaps), the shortcut gives what the table gives.
        #[test]
        fn the_shortcut_agrees_with_the_table(a in "[abc]{0,6}", b in "[abc]{0,6}", max in 0usize..3) {
            prop_assert_eq!(edit_distance(a.as_bytes(), b.as_bytes(), max), table(a.as_bytes(), b.as_bytes(), max));
        }
    }

    /// The memo answers only for the index and weights it was filled for: the same words
    /// asked of two indexes in turn, and with other weights, give what a fresh expansion gives.
    #[test]
    fn remembered_expansions_never_answer_for_another_index() {
        let corpus = testing::corpus().index;
        let data = validate::validate(&synth::generate(40, synth::SEED))
            .expect("synthetic data is valid")
            .dataset;
        let other = Index::build(&data);
        let w = Weights::default();
        let typo = Weights {
            one_edit: w.one_edit / 2.0,
            ..w.clone()
        };
        let words = ["peace", "exercis", "pease", "exercize", "joint", "s"];
        // Each word asked of two indexes in turn, then with two weights in turn.
        let pairs = [
            [(corpus, &w), (&other, &w)],
            [(corpus, &w), (corpus, &typo)],
        ];
        for pair in pairs {
            for word in words {
                let t = &query::parse(word).terms[0];
                for (ix, w) in pair {
                    assert_eq!(*expand(ix, t, w), expand_uncached(ix, t, w), "{word:?}");
                }
            }
        }
    }
}
