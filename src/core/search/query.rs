//! Parsing what a user typed into terms, phrases and dates.
//!
//! - Words are folded like the index (see `normalize`). The last word is a prefix while the user
//!   is still typing it (no space after it yet).
//! - `"peace mission"` (straight or typographic quotes) is a phrase: its words must match exactly
//!   and stand next to each other in one field. An unclosed quote runs to the end.
//! - Dates are recognised and matched against fact dates: `2017`, `2017-06`, `June 2017`,
//!   `Jun 2017`, `27 June 2007`. A month name alone stays a word.
//! - Words such as "the", "of", "when" and "did" are left out of matching (a whole question
//!   becomes its meaningful words), but kept inside quoted phrases. A query of nothing else
//!   has no terms and says so ([`Query::only_common`]); the word still being typed is kept as
//!   a prefix when it is the only one ("in" may become "India").
//! - Compounds meet their parts: adjacent words and hyphenated words also try their
//!   concatenation ("anti terrorist", "anti-terrorist" and "antiterrorist" meet); a word the
//!   index lacks is split against the vocabulary at search time ("peacemission").

use super::index::squash;
use super::normalize::{Token, canonical, is_stop_word, tokens};
use crate::core::model::{
    MonthWords, Point, dates_among, days_in_month, in_years, month_name, month_named,
};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Folded word sequences that must stand together in one field.
    pub phrases: Vec<Vec<String>>,
    pub dates: Vec<DateQuery>,
    /// The whole query folded by `index::squash`, for matching names and aliases as a whole.
    pub whole: String,
    /// The common words left out of matching, in order, for messages.
    pub dropped: Vec<String>,
    /// The query had words, but only common ones.
    pub only_common: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The canonical spelling, as indexed.
    pub text: String,
    /// As typed (folded), when it differs from `text`: a prefix of it is also tried.
    pub written: Option<String>,
    /// The word is still being typed: prefixes count.
    pub prefix: bool,
    /// Inside a phrase: no prefix, no typo.
    pub exact_only: bool,
    /// Other exact forms that satisfy this word: the compound it forms with its neighbour
    /// ("anti" in "anti-terrorist" is also satisfied by "antiterrorist").
    pub compounds: Vec<String>,
    /// The word as the user wrote it, for messages ("India").
    pub typed: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateQuery {
    /// Inclusive day numbers.
    pub from: i32,
    pub to: i32,
    /// The date in words ("june", "2017"), year last: a record that has all of them in its
    /// text matches too, dated or not.
    pub words: Vec<String>,
    /// What the user typed, for messages.
    pub label: String,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.dates.is_empty()
    }
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| in_years(*y))
}

fn two_digits(word: &str, max: u8) -> Option<u8> {
    (word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|n| (1..=max).contains(n))
}

/// The date query for a point; its words (and label) say the date as a user would.
fn date_query(p: Point) -> DateQuery {
    let mut words = Vec::new();
    if let Some(d) = p.day {
        words.push(d.to_string());
    }
    if let Some(m) = p.month {
        words.push(month_name(m).to_ascii_lowercase());
    }
    words.push(p.year.to_string());
    DateQuery {
        from: p.first_day(),
        to: p.last_day(),
        label: words.join(" "),
        words,
    }
}

/// Finds date expressions among the tokens; returns them and which tokens they used. The
/// forms only a query has (2017-06 and 2017-06-15, joined by hyphens; "2017 june") are read
/// here; words as prose writes them ("[15] june 2017", "2017") by the one reader of dates in
/// words (`model::dates_among`), with months typed (`jun`, `sept`). A date in a query names a
/// year; a day the month lacks ("31 june 2017") leaves the month.
fn dates(toks: &[Token], text: &str) -> (Vec<DateQuery>, Vec<bool>) {
    let mut used = vec![false; toks.len()];
    let mut found: Vec<(usize, DateQuery)> = Vec::new();
    let word = |i: usize| toks.get(i).map(|t| t.text.as_str());
    let mut i = 0;
    while i < toks.len() {
        let Some(y) = year_of(&toks[i].text) else {
            i += 1;
            continue;
        };
        // 2017-06 or 2017-06-15: the parts are joined by hyphens.
        let month = word(i + 1)
            .filter(|_| toks[i + 1].joins_previous)
            .and_then(|w| two_digits(w, 12));
        let (p, n) = if let Some(m) = month {
            let day = word(i + 2)
                .filter(|_| toks[i + 2].joins_previous)
                .and_then(|w| two_digits(w, days_in_month(y, m)));
            match day {
                Some(d) => (Point::day(y, m, d), 3),
                None => (Point::month(y, m), 2),
            }
        } else if let Some(m) = word(i + 1).and_then(|w| month_named(w, MonthWords::Typed)) {
            // 2017 June
            (Point::month(y, m), 2)
        } else {
            i += 1;
            continue;
        };
        found.push((i, date_query(p)));
        used[i..i + n].iter_mut().for_each(|u| *u = true);
        i += n;
    }
    let words: Vec<(&str, &str)> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let before = if i == 0 { 0 } else { toks[i - 1].end };
            // Typed text is loose about spaces: any run of them is one.
            let gap = match text.get(before..t.start).unwrap_or("").trim() {
                "" => " ",
                "," => ", ",
                _ => "-",
            };
            (t.text.as_str(), gap)
        })
        .collect();
    for mut d in dates_among(&words, MonthWords::Typed) {
        if d.year.is_none() || used[d.first..=d.last].iter().any(|u| *u) {
            continue;
        }
        if d.point(None).is_none() && d.day.is_some() {
            // The day is not one of the month's: the month and year still are a date, and the
            // day's word is a word.
            d.day = None;
            if d.first + 1 < d.last && month_named(&toks[d.first].text, MonthWords::Typed).is_none()
            {
                d.first += 1;
            }
        }
        let Some(p) = d.point(None) else { continue };
        found.push((d.first, date_query(p)));
        used[d.first..=d.last].iter_mut().for_each(|u| *u = true);
    }
    found.sort_by_key(|f| f.0);
    (found.into_iter().map(|f| f.1).collect(), used)
}

/// Parses a query. Never fails: anything typed gives some query.
pub fn parse(input: &str) -> Query {
    // Letters of other scripts that only look Latin, inside Latin words, are the Latin ones.
    let read = super::normalize::read_lookalikes(input);
    let input = read.as_deref().unwrap_or(input);
    let mut q = Query::default();
    // Split into free text and quoted phrases.
    let mut free = String::new();
    let mut phrases: Vec<String> = Vec::new();
    let mut in_quote = false;
    let mut current = String::new();
    for c in input.chars() {
        if matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}') {
            if in_quote {
                phrases.push(std::mem::take(&mut current));
            }
            in_quote = !in_quote;
            free.push(' ');
        } else if in_quote {
            current.push(c);
        } else {
            free.push(c);
        }
    }
    if in_quote && !current.trim().is_empty() {
        phrases.push(current);
    }

    let toks = tokens(&free);
    let (found_dates, used) = dates(&toks, &free);
    q.dates = found_dates;
    let still_typing = !input.ends_with(|c: char| !c.is_alphanumeric()) && !in_quote;
    let free_words: Vec<&Token> = toks
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(t, _)| t)
        .collect();
    let last_ix = toks.len().checked_sub(1);
    let typing =
        |i: usize, t: &Token| still_typing && Some(i) == last_ix && t.end == free.trim_end().len();
    let meaningful = free_words.iter().filter(|t| !is_stop_word(&t.text)).count();
    // Free words in order: (token index, token), stop words left out.
    let mut kept: Vec<(usize, &Token)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if used[i] {
            continue;
        }
        let lone_prefix = meaningful == 0 && phrases.is_empty() && typing(i, t);
        if is_stop_word(&t.text) && !lone_prefix {
            q.dropped.push(t.text.clone());
            continue;
        }
        kept.push((i, t));
    }
    q.only_common = kept.is_empty() && !q.dropped.is_empty() && phrases.is_empty();
    for (n, &(i, t)) in kept.iter().enumerate() {
        let mut term = term(&t.text, typing(i, t), false);
        term.typed = free[t.start..t.end].to_string();
        // Neighbours written together, apart or with a hyphen may be one word elsewhere.
        let mut pair = |a: &Token, b: &Token| {
            let joined = format!("{}{}", a.text, b.text);
            term.compounds.push(canonical(&joined).unwrap_or(joined));
        };
        if let Some(&(j, next)) = kept.get(n + 1)
            && j == i + 1
        {
            pair(t, next);
        }
        if let Some(&(j, prev)) = n.checked_sub(1).and_then(|m| kept.get(m))
            && j + 1 == i
        {
            pair(prev, t);
        }
        q.terms.push(term);
    }
    for p in phrases {
        let words: Vec<String> = tokens(&p)
            .into_iter()
            .map(|t| canonical(&t.text).unwrap_or(t.text))
            .collect();
        for w in &words {
            if !is_stop_word(w) || words.len() == 1 {
                q.terms.push(Term {
                    text: w.clone(),
                    written: None,
                    prefix: false,
                    exact_only: true,
                    compounds: Vec::new(),
                    typed: w.clone(),
                });
            }
        }
        if words.len() > 1 {
            q.phrases.push(words);
        }
    }
    q.whole = squash(&input.replace(['"', '\u{201C}', '\u{201D}', '\u{201E}'], " "));
    q
}

fn term(text: &str, prefix: bool, exact_only: bool) -> Term {
    match canonical(text) {
        Some(c) => Term {
            text: c,
            written: Some(text.to_string()),
            prefix,
            exact_only,
            compounds: Vec::new(),
            typed: text.to_string(),
        },
        None => Term {
            text: text.to_string(),
            written: None,
            prefix,
            exact_only,
            compounds: Vec::new(),
            typed: text.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a query compactly: terms (`*` = prefix, `=` = exact only), phrases, dates.
    fn show(q: &Query) -> String {
        let mut parts: Vec<String> = q
            .terms
            .iter()
            .map(|t| {
                format!(
                    "{}{}",
                    t.text,
                    if t.prefix {
                        "*"
                    } else if t.exact_only {
                        "="
                    } else {
                        ""
                    }
                )
            })
            .collect();
        for p in &q.phrases {
            parts.push(format!("\"{}\"", p.join(" ")));
        }
        for d in &q.dates {
            parts.push(format!("@{}", d.label));
        }
        parts.join(" ")
    }

    fn check(input: &str, expect: &str) {
        assert_eq!(show(&parse(input)), expect, "{input:?}");
    }

    #[test]
    fn common_words_are_left_out_and_compounds_tried() {
        let q = parse("when did ");
        assert!(q.terms.is_empty() && q.only_common, "{q:?}");
        assert_eq!(q.dropped, ["when", "did"]);
        let q = parse("anti-terrorist exercises");
        let compounds: Vec<&[String]> = q.terms.iter().map(|t| t.compounds.as_slice()).collect();
        assert_eq!(
            compounds,
            [
                &["antiterrorist".to_string()][..],
                &[
                    "terroristexercises".to_string(),
                    "antiterrorist".to_string()
                ][..],
                &["terroristexercises".to_string()][..],
            ]
        );
        assert_eq!(parse("India ").terms[0].typed, "India");
    }

    #[test]
    fn words_prefixes_phrases_and_dates() {
        check("peace", "peace*");
        check("peace ", "peace");
        check("peace miss", "peace miss*");
        check("Ministry of Defence", "ministry defense*");
        check("the", "the*");
        check("the ", "");
        check("when did India join the SCO", "india join sco*");
        check("anti-terrorist exercises", "anti terrorist exercises*");
        check(
            "what is \"peace of mind\"",
            "peace= mind= \"peace of mind\"",
        );
        check("\"peace mission\"", "peace= mission= \"peace mission\"");
        check(
            "“Peace Mission” 2016",
            "peace= mission= \"peace mission\" @2016",
        );
        check("\"peace mis", "peace= mis= \"peace mis\"");
        check("2017", "@2017");
        check("June 2017", "@june 2017");
        check("jun 2017 pakistan", "pakistan* @june 2017");
        check("2017-06", "@june 2017");
        check("2019-10-31", "@31 october 2019");
        check("27 June 2007", "@27 june 2007");
        check("june", "june*");
        check("may", "may*");
        check("2017 June", "@june 2017");
        check("2017-13", "13* @2017");
        check("Mi-35M", "mi 35m*");
        check("", "");
        check("  ", "");
        check("!!!", "");
    }
}
