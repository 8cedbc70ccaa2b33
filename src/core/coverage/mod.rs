//! The coverage report: how we know the extraction is complete.
//!
//! Every date expression (a year, a month with or without its day and year) and every capitalised
//! name in the documents must be accounted for: a date by a quote of some fact or entity, or by the
//! page date; a name by a linked entity mention or a person's stated role. Anything else must be
//! listed in an `[[ignore]]` entry with a reason, or the report is not clean.

mod hints;

pub use hints::{
    Stale, document_year, entities_for_name, facts_for_date, stale_prose, stale_standings,
};

use crate::core::model::{Dataset, DocIx, MonthWords, dates_among, in_years};
use crate::core::text::{Folded, Word, fold, joinable_gap, line_of, words};
use crate::core::validate::Ignore;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Date,
    Name,
}

/// Something in a document that the data must account for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub doc: DocIx,
    pub kind: ItemKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How an item is accounted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cover {
    /// Inside the verbatim quote of a fact or an entity.
    Quote,
    PageDate,
    /// Every capitalised word is inside an entity mention or a stated role.
    Linked,
    Ignored(String),
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub items: Vec<(Item, Option<Cover>)>,
    /// Document ids, for messages.
    pub doc_ids: Vec<String>,
    /// Line numbers of each item, for messages.
    pub lines: Vec<usize>,
    /// For each unexplained item, the facts (for a date) or entities (for a name) it may
    /// restate; empty for the others.
    pub hints: Vec<Vec<String>>,
    /// Summaries and descriptions a later report contradicts. Listed, not failing: a valid
    /// new document must not fail the build, but its curator should update the prose.
    pub stale: Vec<Stale>,
}

impl Report {
    pub fn unexplained(&self) -> impl Iterator<Item = (&Item, usize)> {
        self.items
            .iter()
            .zip(&self.lines)
            .filter(|((_, c), _)| c.is_none())
            .map(|((i, _), l)| (i, *l))
    }

    fn unexplained_hints(&self) -> impl Iterator<Item = &Vec<String>> {
        self.items
            .iter()
            .zip(&self.hints)
            .filter(|((_, c), _)| c.is_none())
            .map(|(_, h)| h)
    }

    pub fn is_clean(&self) -> bool {
        self.unexplained().next().is_none()
    }

    fn count(&self, kind: ItemKind, pred: impl Fn(&Option<Cover>) -> bool) -> usize {
        self.items
            .iter()
            .filter(|(i, c)| i.kind == kind && pred(c))
            .count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dates = self.count(ItemKind::Date, |_| true);
        let names = self.count(ItemKind::Name, |_| true);
        let ignored = |k| self.count(k, |c| matches!(c, Some(Cover::Ignored(_))));
        writeln!(
            f,
            "coverage over {} documents: {dates} date expressions ({} in quotes, {} page dates, {} ignored); \
             {names} names ({} linked, {} in quotes only, {} ignored)",
            self.doc_ids.len(),
            self.count(ItemKind::Date, |c| *c == Some(Cover::Quote)),
            self.count(ItemKind::Date, |c| *c == Some(Cover::PageDate)),
            ignored(ItemKind::Date),
            self.count(ItemKind::Name, |c| *c == Some(Cover::Linked)),
            self.count(ItemKind::Name, |c| *c == Some(Cover::Quote)),
            ignored(ItemKind::Name),
        )?;
        let unexplained: Vec<_> = self.unexplained().collect();
        writeln!(f, "unexplained: {}", unexplained.len())?;
        for ((item, line), hint) in unexplained.into_iter().zip(self.unexplained_hints()) {
            let kind = match item.kind {
                ItemKind::Date => "date",
                ItemKind::Name => "name",
            };
            write!(
                f,
                "  {}:{line}: {kind} \u{ab}{}\u{bb}",
                self.doc_ids[item.doc as usize], item.text
            )?;
            if !hint.is_empty() {
                let what = match item.kind {
                    ItemKind::Date => "restates",
                    ItemKind::Name => "is",
                };
                let ids: Vec<String> = hint.iter().map(|h| format!("`{h}`?")).collect();
                write!(f, " \u{2192} {what} {}", ids.join(" "))?;
            }
            writeln!(f)?;
        }
        if !self.stale.is_empty() {
            writeln!(
                f,
                "stale prose (update it; the build does not fail): {}",
                self.stale.len()
            )?;
            for s in &self.stale {
                writeln!(f, "  {} says {}; {}", s.record, s.says, s.now)?;
            }
        }
        Ok(())
    }
}

/// Words that start a sentence without being a name.
pub(crate) const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "As", "By", "For", "It", "Its", "This", "That", "These",
    "Those", "Thus", "He", "She", "We", "They", "I", "Our", "Their", "His", "Her", "With", "From",
    "After", "Before", "During",
];
/// Lowercase words that may sit inside a name ("Ministry of Defence", "Agreement between Member States").
const CONNECTORS: &[&str] = &["of", "the", "on", "and", "for", "between", "de"];

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && w.parse::<i32>().is_ok_and(in_years)
}

/// Date expressions: years, months, and the days and years next to a month, as the one
/// reader of dates in words finds them (`model::dates_among`).
fn date_items(doc: DocIx, body: &str, ws: &[Word<'_>]) -> Vec<Item> {
    let words: Vec<(&str, &str)> = ws
        .iter()
        .enumerate()
        .map(|(i, w)| {
            (
                w.text,
                &body[if i == 0 { 0 } else { ws[i - 1].end }..w.start],
            )
        })
        .collect();
    dates_among(&words, MonthWords::Prose)
        .into_iter()
        .map(|d| item(doc, ItemKind::Date, body, ws[d.first].start, ws[d.last].end))
        .collect()
}

fn item(doc: DocIx, kind: ItemKind, body: &str, start: usize, end: usize) -> Item {
    Item {
        doc,
        kind,
        start,
        end,
        text: body[start..end].to_string(),
    }
}

/// True when word `i` starts a sentence, a line or a quotation.
fn sentence_initial(body: &str, ws: &[Word<'_>], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = &body[ws[i - 1].end..ws[i].start];
    gap.contains('\n')
        || gap
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '\u{201C}' | '"'))
}

/// Capitalised names: runs of capitalised words, joined by spaces, hyphens and connectors.
/// Returns (item, the word indices that are capitalised).
fn name_items(
    doc: DocIx,
    body: &str,
    ws: &[Word<'_>],
    date_words: &[bool],
) -> Vec<(Item, Vec<usize>)> {
    let cap = |k: usize| is_capitalised(ws[k].text) && !date_words[k];
    let joinable = |a: usize, b: usize| joinable_gap(&body[ws[a].end..ws[b].start]);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        let mut caps = vec![i];
        let mut j = i;
        loop {
            let k = j + 1;
            if k >= ws.len() || !joinable(j, k) {
                break;
            }
            if cap(k) {
                caps.push(k);
                j = k;
            } else if CONNECTORS.contains(&ws[k].text) {
                // One or more connectors ("of the") must lead to another capitalised word.
                let mut m = k;
                while m + 1 < ws.len() && CONNECTORS.contains(&ws[m].text) && joinable(m, m + 1) {
                    m += 1;
                }
                if m > k && cap(m) {
                    j = m - 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let end = j + 1;
        // Drop sentence-initial words that are not names ("The SCO" is a mention of "SCO").
        while caps.len() > 1
            && sentence_initial(body, ws, caps[0])
            && NOT_NAMES.contains(&ws[caps[0]].text)
        {
            caps.remove(0);
        }
        let first = caps[0];
        let single_initial = caps.len() == 1 && sentence_initial(body, ws, first);
        if !single_initial {
            out.push((
                item(doc, ItemKind::Name, body, ws[first].start, ws[end - 1].end),
                caps,
            ));
        }
        i = end;
    }
    out
}

/// Which words are inside a date expression (a year alone still counts as a word: "2018" in
/// "Peace Mission 2018" is part of the name too).
fn date_words(ws: &[Word<'_>], dates: &[Item]) -> Vec<bool> {
    ws.iter()
        .map(|w| {
            dates
                .iter()
                .any(|it| it.start <= w.start && w.end <= it.end)
                && !is_year(w.text)
        })
        .collect()
}

/// The date expressions and capitalised names of one text, as the report finds them: the
/// draft command reads a new document with it.
pub fn spotted(body: &str) -> (Vec<Item>, Vec<Item>) {
    let ws = words(body);
    let dates = date_items(0, body, &ws);
    let names = name_items(0, body, &ws, &date_words(&ws, &dates))
        .into_iter()
        .map(|(it, _)| it)
        .collect();
    (dates, names)
}

/// Builds the report for a validated dataset and its ignore list.
pub fn report(data: &Dataset, ignores: &[Ignore]) -> Report {
    let mut rep = Report {
        doc_ids: data.documents.iter().map(|d| d.id.clone()).collect(),
        ..Default::default()
    };
    for (d, doc) in data.documents.iter().enumerate() {
        let d = d as DocIx;
        let body = doc.body.as_ref();
        let folded: Folded = fold(body);
        // Spans of every occurrence of every quote (a quote covers a passage wherever it repeats,
        // as a headline often does) and of the page date.
        let mut quoted: Vec<(u32, u32)> = Vec::new();
        let quotes = data
            .facts
            .iter()
            .flat_map(|f| &f.evidence)
            .chain(data.entities.iter().flat_map(|e| &e.evidence));
        for q in quotes.filter(|q| q.doc == d) {
            quoted.extend(folded.find_all(&fold(data.quote_text(q)).text));
        }
        let page_date: Vec<(u32, u32)> = doc
            .page_date
            .as_deref()
            .map(|p| folded.find_all(&fold(p).text))
            .unwrap_or_default();
        let mut linked: Vec<(u32, u32)> = data
            .mentions_in(d)
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        for e in &data.entities {
            for role in &e.roles {
                linked.extend(folded.find_all(&fold(role).text));
            }
        }
        let inside = |spans: &[(u32, u32)], a: usize, b: usize| {
            spans
                .iter()
                .any(|&(s, e)| s as usize <= a && b <= e as usize)
        };
        let ignored = |text: &str| {
            ignores
                .iter()
                .find(|ig| ig.doc.is_none_or(|x| x == d) && fold(&ig.text).text == fold(text).text)
        };

        let ws = words(body);
        let dates = date_items(d, body, &ws);
        let date_words = date_words(&ws, &dates);
        for it in dates {
            let cover = if let Some(ig) = ignored(&it.text) {
                Some(Cover::Ignored(ig.reason.clone()))
            } else if inside(&page_date, it.start, it.end) {
                Some(Cover::PageDate)
            } else if inside(&quoted, it.start, it.end) {
                Some(Cover::Quote)
            } else {
                None
            };
            rep.lines.push(line_of(body, it.start));
            rep.hints.push(if cover.is_none() {
                facts_for_date(data, &it.text, document_year(doc))
            } else {
                Vec::new()
            });
            rep.items.push((it, cover));
        }
        for (it, caps) in name_items(d, body, &ws, &date_words) {
            let all_linked = caps
                .iter()
                .all(|&k| inside(&linked, ws[k].start, ws[k].end));
            let cover = if all_linked {
                Some(Cover::Linked)
            } else {
                ignored(&it.text).map(|ig| Cover::Ignored(ig.reason.clone()))
            };
            rep.lines.push(line_of(body, it.start));
            rep.hints.push(if cover.is_none() {
                entities_for_name(data, &it.text)
            } else {
                Vec::new()
            });
            rep.items.push((it, cover));
        }
    }
    rep.stale = stale_prose(data);
    rep.stale.extend(stale_standings(data));
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_dates(body: &str, expect: &[&str]) {
        let ws = words(body);
        let got: Vec<String> = date_items(0, body, &ws)
            .into_iter()
            .map(|i| i.text)
            .collect();
        assert_eq!(got, expect, "{body:?}");
    }

    #[test]
    fn date_expressions() {
        check_dates(
            "held in Yekaterinburg in November 2017.",
            &["November 2017"],
        );
        check_dates("March 5, 2024", &["March 5, 2024"]);
        check_dates("on 31 October — 1 November.", &["31 October", "1 November"]);
        check_dates("the 27 June 2007 Agreement", &["27 June 2007"]);
        check_dates("‘Peace Mission-2018’ in September", &["2018", "September"]);
        check_dates(
            "four Mi-35M in 2015; 35 units; 1850; 12 May",
            &["2015", "12 May"],
        );
    }

    fn check_names(body: &str, expect: &[&str]) {
        let ws = words(body);
        let none = vec![false; ws.len()];
        let got: Vec<String> = name_items(0, body, &ws, &none)
            .into_iter()
            .map(|(i, _)| i.text)
            .collect();
        assert_eq!(got, expect, "{body:?}");
    }

    #[test]
    fn capitalised_names() {
        check_names(
            "The Expert Working Group met. The SCO is here.",
            &["Expert Working Group", "SCO"],
        );
        check_names(
            "Photo source: Ministry of Defence of the Russian Federation",
            &["Ministry of Defence of the Russian Federation"],
        );
        check_names(
            "Pakistan and India joined. It was held in Kyrgyzstan.",
            &["Pakistan and India", "Kyrgyzstan"],
        );
        check_names("Designated ‘Friendship’, the exercise", &["Friendship"]);
        check_names("Thus far, the only order", &[]);
        check_names(
            "the Seventh Moscow Conference on International Security.",
            &["Seventh Moscow Conference on International Security"],
        );
        check_names(
            "Pakistan’s Ambassador to Russia Kazi Khalilullah",
            &["Ambassador", "Russia Kazi Khalilullah"],
        );
    }
}
