//! Text helpers shared by validation, mention linking and coverage: folding for quote matching
//! and a word tokenizer that keeps byte offsets into the original text.

/// Text folded for comparing quotes with documents, with a map back to the original offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the byte offset in the original of folded byte `i`; one extra entry maps
    /// the end, so a folded range `a..b` is `origin[a]..origin[b]` in the original.
    pub origin: Vec<u32>,
}

/// Folds what a curator may legitimately type differently from the page, and nothing else:
/// runs of whitespace become one space, typographic quotes become straight ones, every dash
/// becomes a hyphen. Leading and trailing whitespace is dropped.
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len() + 1);
    let mut pending_space: Option<u32> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !text.is_empty() && pending_space.is_none() {
                pending_space = Some(i as u32);
            }
            continue;
        }
        if let Some(at) = pending_space.take() {
            text.push(' ');
            origin.push(at);
        }
        let mapped = fold_char(c);
        let before = text.len();
        text.push(mapped);
        for _ in before..text.len() {
            origin.push(i as u32);
        }
    }
    // The end maps to just after the last non-space character.
    let end = s.trim_end().len() as u32;
    origin.push(end);
    Folded { text, origin }
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        _ => c,
    }
}

impl Folded {
    /// Every original byte range where `needle` (already folded) occurs.
    pub fn find_all(&self, needle: &str) -> Vec<(u32, u32)> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(needle)
            .map(|(at, m)| (self.origin[at], self.end_of(at + m.len())))
            .collect()
    }

    /// The first original byte range where `needle` (already folded) occurs.
    pub fn find(&self, needle: &str) -> Option<(u32, u32)> {
        if needle.is_empty() {
            return None;
        }
        self.text
            .find(needle)
            .map(|at| (self.origin[at], self.end_of(at + needle.len())))
    }

    /// The original offset just after folded byte `end - 1`.
    fn end_of(&self, end: usize) -> u32 {
        if end == 0 {
            return self.origin[0];
        }
        // The last folded byte maps to the start of its original character; step over that
        // character, whose original width may differ from the folded one ('—' is 3 bytes, '-' 1).
        let last = end - 1;
        let start_of_char = self.origin[last];
        let next = self.origin[end];
        if next > start_of_char {
            next
        } else {
            start_of_char + 1
        }
    }
}

/// A word: a maximal run of alphanumeric characters, with its byte span in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Splits text into words (runs of alphanumeric characters), keeping byte spans.
pub fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(Word {
                    text: &s[st..i],
                    start: st,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(Word {
            text: &s[st..],
            start: st,
            end: s.len(),
        });
    }
    out
}

/// True when only spaces and hyphens (of any kind) separate two words, so they can belong to
/// one name: "Mi-35M", "Peace Mission-2018", but not "Pakistan. Designated".
pub fn joinable_gap(gap: &str) -> bool {
    !gap.contains('\n')
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}' || fold_char(c) == '-')
}

/// The 1-based line number of a byte offset, for messages.
pub fn line_of(s: &str, offset: usize) -> usize {
    s[..offset.min(s.len())]
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
        + 1
}

/// Characters that reorder the text around them (embeddings, overrides, isolates, marks): in an
/// id or a query they only serve to make what is shown back read differently from what it is.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The character that marks text cut short, wherever text is cut.
pub const ELLIPSIS: char = '\u{2026}';

/// `s` cut to at most `max` characters (the ellipsis included), at a word's end where one
/// falls in the last third, so a label never ends mid-word when it need not.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let keep: String = s.chars().take(max.saturating_sub(1)).collect();
    let next_is_space = s
        .chars()
        .nth(keep.chars().count())
        .is_some_and(char::is_whitespace);
    let at_word = keep
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .filter(|&i| keep[..i].chars().count() * 3 >= max * 2)
        .or(next_is_space.then_some(keep.len()));
    let mut out = at_word
        .map_or(keep.as_str(), |i| &keep[..i])
        .trim_end()
        .to_string();
    out.push(ELLIPSIS);
    out
}

/// Text for an element's content or a quoted attribute value: the one HTML escape, for the
/// pages' heads and for the embed code a reader copies.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_maps_back_to_the_original() {
        fn check(doc: &str, quote: &str, expect: Option<&str>) {
            let folded = fold(doc);
            let got = folded
                .find(&fold(quote).text)
                .map(|(a, b)| &doc[a as usize..b as usize]);
            assert_eq!(got, expect, "{quote:?} in {doc:?}");
        }
        check(
            "held in  Moscow\non 31 October — 1 November.",
            "Moscow on 31 October - 1 November",
            Some("Moscow\non 31 October — 1 November"),
        );
        check(
            "SCO ‘Peace Mission 2018’ exercise",
            "'Peace Mission 2018'",
            Some("‘Peace Mission 2018’"),
        );
        check(
            "stated: “I understand”",
            "stated: \"I understand\"",
            Some("stated: “I understand”"),
        );
        check("Russia’s", "Russia's", Some("Russia’s"));
        check("the Peace Mission", "the peace mission", None);
        check("one two", "one  two ", Some("one two"));
        check("abc", "", None);
    }

    #[test]
    fn find_all_reports_every_occurrence() {
        let doc = "Peace Mission. Then Peace Mission — again";
        let folded = fold(doc);
        assert_eq!(folded.find_all("Peace Mission").len(), 2);
        assert_eq!(folded.find_all("again"), vec![(38, 43)]);
    }

    #[test]
    fn words_keep_their_spans() {
        let got: Vec<_> = words("Mi-35M, Pakistan’s 7th")
            .into_iter()
            .map(|w| (w.text, w.start))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Mi", 0),
                ("35M", 3),
                ("Pakistan", 8),
                ("s", 19),
                ("7th", 21)
            ]
        );
    }

    #[test]
    fn gaps_join_names_only_across_spaces_and_hyphens() {
        fn check(gap: &str, expect: bool) {
            assert_eq!(joinable_gap(gap), expect, "{gap:?}");
        }
        check(" ", true);
        check("-", true);
        check(" — ", true);
        check(". ", false);
        check(", ", false);
        check("\n\n", false);
        check("’", false);
    }

    #[test]
    fn text_is_cut_with_an_ellipsis_at_a_word_end() {
        fn check(s: &str, max: usize, expect: &str) {
            let got = ellipsize(s, max);
            assert_eq!(got, expect, "{s:?} to {max}");
            assert!(got.chars().count() <= max.max(1), "{got:?}");
        }
        check("short", 10, "short");
        check("Statements of intent", 12, "Statements\u{2026}");
        check(
            "Shanghai Cooperation Organisation",
            21,
            "Shanghai Cooperation\u{2026}",
        );
        check(
            "Shanghai Cooperation Organisation",
            20,
            "Shanghai Cooperatio\u{2026}",
        );
        check("Joint meeting of the council", 12, "Joint meeti\u{2026}");
        check("Joint meeting of the council", 16, "Joint meeting\u{2026}");
        check("Procurements", 8, "Procure\u{2026}");
        check("Moscow", 3, "Mo\u{2026}");
    }
}
