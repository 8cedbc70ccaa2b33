//! Reading a new document for the draft: its sentences, their dates and event words, and
//! which record each goes to: a report on the known fact it speaks of, a new fact, or the
//! record the sentence before it began.

use super::matching::{Known, matching, member_and_standing};
use super::standing::standings;
use super::{Mentioned, Reading, Stated, Who, sentence_date};
use crate::core::model::*;

/// Words that name an event, and the kind of fact they suggest.
pub(super) const EVENT_WORDS: &[(&str, FactKind)] = &[
    ("exercise", FactKind::Exercise),
    ("exercises", FactKind::Exercise),
    ("drill", FactKind::Exercise),
    ("drills", FactKind::Exercise),
    ("manoeuvres", FactKind::Exercise),
    ("meeting", FactKind::Meeting),
    ("meetings", FactKind::Meeting),
    ("meets", FactKind::Meeting),
    ("met", FactKind::Meeting),
    ("talks", FactKind::Meeting),
    ("visit", FactKind::Visit),
    ("visits", FactKind::Visit),
    ("visited", FactKind::Visit),
    ("conference", FactKind::Conference),
    ("summit", FactKind::Meeting),
    ("agreement", FactKind::Agreement),
    ("protocol", FactKind::Agreement),
    ("signed", FactKind::Agreement),
    ("order", FactKind::Procurement),
    ("ordered", FactKind::Procurement),
    ("orders", FactKind::Procurement),
    ("contract", FactKind::Procurement),
    ("presidency", FactKind::Presidency),
    ("chairmanship", FactKind::Presidency),
];

/// The status a record's quotes say, and the words that say it, when they say one only
/// (`model::phrases`, the table coverage reads too).
pub fn proposed_status(quotes: &[String]) -> Option<(Status, &'static str)> {
    let mut found: Option<(Status, &'static str)> = None;
    for q in quotes {
        for (_, phrase, status) in crate::core::model::phrases::statuses_in(q) {
            match found {
                Some((s, _)) if s != status => return None,
                Some(_) => {}
                None => found = Some((status, phrase)),
            }
        }
    }
    found
}

/// Whether a sentence goes on about the event before it: it opens with a pronoun, or with
/// "the" and an event word ("The meeting", "The drills").
pub fn continues(sentence: &str) -> bool {
    let ws = crate::core::text::words(sentence);
    let lower = |i: usize| ws.get(i).map(|w| w.text.to_lowercase()).unwrap_or_default();
    match lower(0).as_str() {
        "it" | "they" | "its" | "their" => true,
        "the" | "this" | "these" => {
            let next = lower(1);
            EVENT_WORDS.iter().any(|(e, _)| *e == next)
        }
        _ => false,
    }
}

/// Sentences as byte spans: ended by `.`, `!` or `?` before whitespace, or by a line break.
pub(super) fn sentences(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = body.as_bytes();
    for (i, c) in body.char_indices() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' if bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) => {
                Some(i + 1)
            }
            _ => None,
        };
        if let Some(end) = end {
            if body[start..end].trim().len() > 1 {
                out.push(trimmed(body, start, end));
            }
            start = end;
        }
    }
    if body[start..].trim().len() > 1 {
        out.push(trimmed(body, start, body.len()));
    }
    out
}

pub(super) fn trimmed(body: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &body[a..b];
    let lead = s.len() - s.trim_start().len();
    (a + lead, a + lead + s.trim().len())
}

/// A line that opens with a place in capitals and a comma ("MOSCOW, 25 August (Agency) -").
pub(super) fn dateline(body: &str) -> Option<&str> {
    body.lines().map(str::trim).find(|l| {
        l.split_once(',').is_some_and(|(head, _)| {
            head.len() >= 3
                && head.chars().any(char::is_alphabetic)
                && head
                    .chars()
                    .all(|c| c.is_uppercase() || c == ' ' || c == '-')
        })
    })
}

/// Where the last record drafted went, so that a following sentence of the same paragraph
/// with a date but no name ("It opened on 22 August") joins it.
#[derive(Clone, Copy)]
enum Last {
    Report(usize),
    Fact(usize),
}

/// The records drafted so far: reports on known facts (with why each matches), new facts, and
/// which took the last sentence, in which paragraph.
#[derive(Default)]
struct Drafting {
    reports: Vec<(FactIx, String, Mentioned)>,
    facts: Vec<Mentioned>,
    last: Option<(Last, usize)>,
}

impl Drafting {
    /// The record drafted last, if it is of `paragraph`.
    fn last_in(&mut self, paragraph: usize) -> Option<&mut Mentioned> {
        match self.last.filter(|&(_, p)| p == paragraph)?.0 {
            Last::Report(i) => Some(&mut self.reports[i].2),
            Last::Fact(i) => Some(&mut self.facts[i]),
        }
    }

    /// `m` as a report on fact `f` (joining the report on it there is), drafted last.
    fn report(&mut self, f: FactIx, why: String, m: Mentioned, paragraph: usize) {
        let i = match self.reports.iter().position(|r| r.0 == f) {
            Some(i) => {
                self.reports[i].2.absorb(m);
                i
            }
            None => {
                self.reports.push((f, why, m));
                self.reports.len() - 1
            }
        };
        self.last = Some((Last::Report(i), paragraph));
    }

    /// `m` as a new fact, drafted last.
    fn fact(&mut self, m: Mentioned, paragraph: usize) {
        self.facts.push(m);
        self.last = Some((Last::Fact(self.facts.len() - 1), paragraph));
    }

    /// Membership news: a report on each membership fact whose member and standing the
    /// sentence names, and a new membership (or presidency) fact for the rest, one per date.
    fn standings(&mut self, data: &Dataset, m: &Mentioned, stated: Stated, paragraph: usize) {
        let mut left: Stated = Vec::new();
        for (who, standing, edge, when) in stated {
            let matched = match &who {
                Who::Known(e) => member_and_standing(data, *e, standing, when),
                Who::New { .. } => None,
            };
            match matched {
                Some((f, why)) => {
                    let r = Mentioned::of(&m.quotes[0], when, m.entities.clone());
                    self.report(f, why, r, paragraph);
                }
                None => left.push((who, standing, edge, when)),
            }
        }
        let mut dates: Vec<Option<When>> = left.iter().map(|l| l.3).collect();
        dates.dedup();
        for when in dates {
            let membership: Vec<(Who, Standing, Edge)> = left
                .iter()
                .filter(|l| l.3 == when)
                .map(|l| (l.0.clone(), l.1, l.2))
                .collect();
            let presidency = membership.iter().any(|e| e.1 == Standing::Presidency);
            let mut f = Mentioned::of(&m.quotes[0], when, m.entities.clone());
            f.kind = Some(if presidency {
                FactKind::Presidency
            } else {
                FactKind::Membership
            });
            f.membership = membership;
            self.fact(f, paragraph);
        }
    }
}

/// What one sentence gives: its record so far, its dates, and its kind.
fn sentence(r: &Reading<'_>, (a, b): (usize, usize)) -> (Mentioned, Vec<Point>) {
    let quote = &r.body[a..b];
    let mut entities: Vec<EntityIx> = r
        .mentions
        .iter()
        .filter(|m| a <= m.start as usize && (m.end as usize) <= b)
        .map(|m| m.entity)
        .collect();
    entities.sort_unstable();
    entities.dedup();
    let found: Vec<Point> = r
        .dates
        .iter()
        .filter(|d| a <= d.start && d.end <= b)
        .filter_map(|d| parse_expression(&d.text, r.year))
        .collect();
    let mut m = Mentioned::of(quote, sentence_date(&found), entities);
    m.kind = crate::core::text::words(quote).iter().find_map(|w| {
        let lower = w.text.to_lowercase();
        EVENT_WORDS
            .iter()
            .find(|(e, _)| *e == lower)
            .map(|(_, k)| *k)
    });
    (m, found)
}

/// Sentences worth a record, as reports on the facts they match (with the reason) and as new
/// facts.
pub(super) fn records(
    data: &Dataset,
    r: &Reading<'_>,
) -> (Vec<(FactIx, String, Mentioned)>, Vec<Mentioned>) {
    let body = r.body;
    let known = Known::new(data);
    let mut seen_quotes: Vec<&str> = Vec::new();
    let mut d = Drafting::default();
    let (mut paragraph, mut counted) = (0, 0);
    for (a, b) in sentences(body) {
        let quote = &body[a..b];
        // The page date's line says when the page was posted, not when anything happened.
        let page_line = r
            .page
            .as_ref()
            .is_some_and(|(p, _)| a <= p.start && p.end <= b);
        if seen_quotes.contains(&quote) || page_line {
            continue;
        }
        seen_quotes.push(quote);
        // Sentences come in order, and a blank line never straddles a sentence's start.
        paragraph += body[counted..a].matches("\n\n").count();
        counted = a;
        let (mut m, found) = sentence(r, (a, b));
        // A sentence that says a standing is membership news.
        let stated = standings(data, r, (a, b), &found);
        if !stated.is_empty() {
            d.standings(data, &m, stated, paragraph);
            continue;
        }
        // A sentence that goes on about the event just drafted ("It opened...", "The meeting
        // had been due...", "They sent...") joins its record, with its names and dates; so does
        // one with a date or an event word and no name, if there is one to join.
        if continues(quote)
            && let Some(last) = d.last_in(paragraph)
        {
            last.absorb(m);
            continue;
        }
        if m.date.is_none() && m.kind.is_none() {
            continue;
        }
        if m.entities.is_empty() {
            if let Some(last) = d.last_in(paragraph) {
                last.absorb(m);
            }
            continue;
        }
        let (found, maybe) = matching(&known, &m, r.year);
        m.maybe = maybe;
        match found {
            Some((f, why)) => d.report(f, why, m, paragraph),
            None => d.fact(m, paragraph),
        }
    }
    (d.reports, d.facts)
}
