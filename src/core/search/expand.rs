//! A query word to the index terms it reaches, each with its quality: its exact forms and
//! compounds, other forms of the word (stems), prefixes of the word being typed, typos; and,
//! when nothing matches, the indexed words closest to what was typed.

use super::Weights;
use super::index::Index;
use super::normalize::is_stop_word;
use super::query::{Query, Term};
use super::rank::PREFIX_POSTINGS_BUDGET;

/// The index terms a query word reaches, with their quality and whether they are typos.
pub(super) fn expand(ix: &Index, t: &Term, w: &Weights) -> Vec<(u32, f32, bool)> {
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
    out
}

/// Optimal string alignment distance (a transposition is one edit), or `None` above `max`.
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let cols = b.len() + 1;
    let mut prev2 = vec![0usize; cols];
    let mut prev: Vec<usize> = (0..cols).collect();
    let mut row = vec![0usize; cols];
    for i in 1..=a.len() {
        row[0] = i;
        let mut row_min = row[0];
        for j in 1..cols {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            row[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[b.len()];
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
