//! Parsing what a user typed into terms, phrases and dates.
//!
//! - Words are folded like the index (see `normalize`). The last word is a prefix while the user
//!   is still typing it (no space after it yet).
//! - `"peace mission"` (straight or typographic quotes) is a phrase: its words must match exactly
//!   and stand next to each other in one field. An unclosed quote runs to the end.
//! - Dates are recognised and matched against fact dates: `2017`, `2017-06`, `June 2017`,
//!   `Jun 2017`, `27 June 2007`. A month name alone stays a word.
//! - Words such as "the" and "of" are dropped unless the query has nothing else.

use super::index::squash;
use super::normalize::{STOP_WORDS, Token, canonical, tokens};
use crate::core::model::{Point, days_in_month};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Folded word sequences that must stand together in one field.
    pub phrases: Vec<Vec<String>>,
    pub dates: Vec<DateQuery>,
    /// The whole query folded by `index::squash`, for matching names and aliases as a whole.
    pub whole: String,
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

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month from its name or an abbreviation of at least three letters (`sept`, `jun`).
fn month_of(word: &str) -> Option<u8> {
    if word.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(word))
        .map(|i| i as u8 + 1)
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
}

fn two_digits(word: &str, max: u8) -> Option<u8> {
    (word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|n| (1..=max).contains(n))
}

fn day_of(word: &str) -> Option<u8> {
    (word.len() <= 2)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The date query for a point; its words (and label) say the date as a user would.
fn date_query(p: Point) -> DateQuery {
    let mut words = Vec::new();
    if let Some(d) = p.day {
        words.push(d.to_string());
    }
    if let Some(m) = p.month {
        words.push(MONTH_NAMES[m as usize - 1].to_string());
    }
    words.push(p.year.to_string());
    DateQuery {
        from: p.first_day(),
        to: p.last_day(),
        label: words.join(" "),
        words,
    }
}

/// Finds date expressions among the tokens; returns them and which tokens they used.
fn dates(toks: &[Token]) -> (Vec<DateQuery>, Vec<bool>) {
    let mut used = vec![false; toks.len()];
    let mut out = Vec::new();
    let word = |i: usize| toks.get(i).map(|t| t.text.as_str());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i].text;
        if let Some(y) = year_of(t) {
            // 2017-06 or 2017-06-15: the parts are joined by hyphens.
            let month = word(i + 1)
                .filter(|_| toks[i + 1].joins_previous)
                .and_then(|w| two_digits(w, 12));
            if let Some(m) = month {
                let day = word(i + 2)
                    .filter(|_| toks[i + 2].joins_previous)
                    .and_then(|w| two_digits(w, days_in_month(y, m)));
                let (p, n) = match day {
                    Some(d) => (Point::day(y, m, d), 3),
                    None => (Point::month(y, m), 2),
                };
                out.push(date_query(p));
                used[i..i + n].iter_mut().for_each(|u| *u = true);
                i += n;
                continue;
            }
            // 2017 June
            if let Some(m) = word(i + 1).and_then(month_of) {
                out.push(date_query(Point::month(y, m)));
                used[i] = true;
                used[i + 1] = true;
                i += 2;
                continue;
            }
            out.push(date_query(Point::year(y)));
            used[i] = true;
        } else if let Some(m) = month_of(t) {
            // [day] month year
            if let Some(y) = word(i + 1).and_then(year_of) {
                let day = i
                    .checked_sub(1)
                    .and_then(&word)
                    .and_then(day_of)
                    .filter(|&d| d <= days_in_month(y, m));
                match day {
                    Some(d) if !used[i - 1] => {
                        out.push(date_query(Point::day(y, m, d)));
                        used[i - 1] = true;
                    }
                    _ => out.push(date_query(Point::month(y, m))),
                }
                used[i] = true;
                used[i + 1] = true;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    (out, used)
}

/// Parses a query. Never fails: anything typed gives some query.
pub fn parse(input: &str) -> Query {
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
    let (found_dates, used) = dates(&toks);
    q.dates = found_dates;
    let still_typing = !input.ends_with(|c: char| !c.is_alphanumeric()) && !in_quote;
    let free_words: Vec<&Token> = toks
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(t, _)| t)
        .collect();
    let all_stop = free_words
        .iter()
        .all(|t| STOP_WORDS.contains(&t.text.as_str()))
        && phrases.is_empty();
    let last_ix = toks.len().checked_sub(1);
    for (i, t) in toks.iter().enumerate() {
        if used[i] || (!all_stop && STOP_WORDS.contains(&t.text.as_str())) {
            continue;
        }
        let prefix = still_typing && Some(i) == last_ix && t.end == free.trim_end().len();
        q.terms.push(term(&t.text, prefix, false));
    }
    for p in phrases {
        let words: Vec<String> = tokens(&p)
            .into_iter()
            .map(|t| canonical(&t.text).unwrap_or(t.text))
            .collect();
        for w in &words {
            if !STOP_WORDS.contains(&w.as_str()) || words.len() == 1 {
                q.terms.push(Term {
                    text: w.clone(),
                    written: None,
                    prefix: false,
                    exact_only: true,
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
        },
        None => Term {
            text: text.to_string(),
            written: None,
            prefix,
            exact_only,
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
    fn words_prefixes_phrases_and_dates() {
        check("peace", "peace*");
        check("peace ", "peace");
        check("peace miss", "peace miss*");
        check("Ministry of Defence", "ministry defense*");
        check("the", "the*");
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
