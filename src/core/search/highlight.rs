//! What a search marks in the text it shows: the words equal to a matched index term, and the
//! words starting with a prefix being typed.

use super::normalize::{canonical, tokens};

/// Marks the words of a text that the query matched: words equal to a matched index term,
/// and words starting with a prefix the user is typing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlighter {
    /// Sorted, for binary search.
    pub(super) terms: Vec<Box<str>>,
    pub(super) prefixes: Vec<String>,
}

impl Highlighter {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.prefixes.is_empty()
    }

    fn hit(&self, t: &str) -> bool {
        let one = |t: &str| {
            self.terms.binary_search_by(|x| (**x).cmp(t)).is_ok()
                || self.prefixes.iter().any(|p| t.starts_with(p.as_str()))
        };
        one(t) || canonical(t).is_some_and(|c| one(&c))
    }

    /// Byte ranges of the matched words of `text`, in order, not overlapping.
    pub fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        let toks = tokens(text);
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let joined =
                t.joins_previous && i > 0 && self.hit(&format!("{}{}", toks[i - 1].text, t.text));
            if joined {
                let start = toks[i - 1].start;
                match out.last_mut() {
                    Some(last) if last.0 == start => last.1 = t.end,
                    _ => out.push((start, t.end)),
                }
            } else if self.hit(&t.text) {
                out.push((t.start, t.end));
            }
        }
        out
    }
}
