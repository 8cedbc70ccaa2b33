//! Reading a new document for the draft: its sentences, their dates and event words, and the
//! known fact each may speak of.

use super::Reading;
use crate::core::coverage::parse_expression;
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

/// Wording that says where an event stands, without doubt: (phrase, the status it says).
/// Cautious on purpose: a phrase that can mean two things ("held talks", "is set for" of a
/// part of the event) is left out, and the curator decides.
const STATUS_WORDS: &[(&str, Status)] = &[
    ("ended", Status::Happened),
    ("was held", Status::Happened),
    ("were held", Status::Happened),
    ("took place", Status::Happened),
    ("was signed", Status::Happened),
    ("were signed", Status::Happened),
    ("is under way", Status::InProgress),
    ("are under way", Status::InProgress),
    ("is underway", Status::InProgress),
    ("are underway", Status::InProgress),
    ("is taking part", Status::InProgress),
    ("are taking part", Status::InProgress),
    ("is taking place", Status::InProgress),
    ("are taking place", Status::InProgress),
    ("is due to", Status::Planned),
    ("are due to", Status::Planned),
    ("will be held", Status::Planned),
    ("will take place", Status::Planned),
    ("will hold", Status::Planned),
    ("plans to", Status::Planned),
    ("plan to", Status::Planned),
    ("is scheduled", Status::Planned),
    ("are scheduled", Status::Planned),
];

/// The status a record's quotes say, and the words that say it, when they say one only.
pub fn proposed_status(quotes: &[String]) -> Option<(Status, &'static str)> {
    let mut found: Option<(Status, &'static str)> = None;
    for q in quotes {
        let lower = q.to_lowercase();
        for &(phrase, status) in STATUS_WORDS {
            let whole = lower.match_indices(phrase).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + phrase.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            if !whole {
                continue;
            }
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

/// A slug for a new entity from its name: `Quillmark Institute` gives `quillmark-institute`.
/// `None` when the name has a letter outside ASCII (spelling it in ASCII is the curator's
/// call) or nothing to make one from.
pub fn proposed_slug(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphabetic() && !c.is_ascii() {
            return None;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    is_slug(&out).then_some(out)
}

pub(super) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
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
/// A sentence worth a record (and the sentences after it in its paragraph that add a date):
/// quotes, date, kind suggested and entities named.
pub(super) struct Mentioned {
    pub quotes: Vec<String>,
    pub date: Option<When>,
    pub kind: Option<FactKind>,
    pub entities: Vec<EntityIx>,
    /// Known facts it may speak of on weaker evidence, and why: listed as comments for the
    /// curator, never drafted as reports.
    pub maybe: Vec<(FactIx, String)>,
}

/// Where the last record drafted went, so that a following sentence of the same paragraph
/// with a date but no name ("It opened on 22 August") joins it.
#[derive(Clone, Copy)]
enum Last {
    Report(usize),
    Fact(usize),
}

/// A sentence's date: a range when its first two date expressions have the same precision
/// ("opened on 22 August and runs until 29 August"), else its most precise one (the
/// "September 2016" of "Peace Mission 2016 was held in September 2016").
pub(super) fn sentence_date(found: &[Point]) -> Option<When> {
    match found {
        [a, b, ..] if a.precision() == b.precision() && a.first_day() < b.first_day() => {
            Some(When::Range(*a, *b))
        }
        _ => found
            .iter()
            .rev()
            .max_by_key(|p| p.precision())
            .map(|p| When::Point(*p)),
    }
}

/// Finer than a year: a date that can tell two events of one year apart.
pub(super) fn finer_than_year(w: When) -> bool {
    w.precision().is_some_and(|p| p != Precision::Year)
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

/// Sentences worth a record, as reports on the facts they match (with the reason) and as new
/// facts.
pub(super) fn records(
    data: &Dataset,
    r: &Reading<'_>,
) -> (Vec<(FactIx, String, Mentioned)>, Vec<Mentioned>) {
    let Reading {
        body,
        dates,
        page,
        year,
        mentions,
        ..
    } = r;
    let (body, year) = (*body, *year);
    let mut seen_quotes: Vec<&str> = Vec::new();
    let mut reports: Vec<(FactIx, String, Mentioned)> = Vec::new();
    let mut facts: Vec<Mentioned> = Vec::new();
    let mut last: Option<(Last, usize)> = None;
    let (mut paragraph, mut counted) = (0, 0);
    for (a, b) in sentences(body) {
        let quote = &body[a..b];
        // The page date's line says when the page was posted, not when anything happened.
        let page_line = page
            .as_ref()
            .is_some_and(|(d, _)| a <= d.start && d.end <= b);
        if seen_quotes.contains(&quote) || page_line {
            continue;
        }
        seen_quotes.push(quote);
        // Sentences come in order, and a blank line never straddles a sentence's start.
        paragraph += body[counted..a].matches("\n\n").count();
        counted = a;
        let mut entities: Vec<EntityIx> = mentions
            .iter()
            .filter(|m| a <= m.start as usize && (m.end as usize) <= b)
            .map(|m| m.entity)
            .collect();
        entities.sort_unstable();
        entities.dedup();
        let found: Vec<Point> = dates
            .iter()
            .filter(|d| a <= d.start && d.end <= b)
            .filter_map(|d| parse_expression(&d.text, year))
            .collect();
        let date = sentence_date(&found);
        let kind = crate::core::text::words(quote).iter().find_map(|w| {
            let lower = w.text.to_lowercase();
            EVENT_WORDS
                .iter()
                .find(|(e, _)| *e == lower)
                .map(|(_, k)| *k)
        });
        // A sentence that goes on about the event just drafted ("It opened...", "The meeting
        // had been due...", "They sent...") joins its record, with its names and dates.
        if continues(quote)
            && let Some((target, _)) = last.filter(|&(_, p)| p == paragraph)
        {
            let m = match target {
                Last::Report(i) => &mut reports[i].2,
                Last::Fact(i) => &mut facts[i],
            };
            m.quotes.push(quote.to_string());
            m.entities.extend(entities);
            m.entities.sort_unstable();
            m.entities.dedup();
            if let Some(d) = date.filter(|&d| finer_than_year(d))
                && !m.date.is_some_and(finer_than_year)
            {
                m.date = Some(d);
            }
            continue;
        }
        if date.is_none() && kind.is_none() {
            continue;
        }
        if entities.is_empty() {
            // No name: it can only add to the record just drafted in the same paragraph.
            let Some((target, _)) = last.filter(|&(_, p)| p == paragraph) else {
                continue;
            };
            let m = match target {
                Last::Report(i) => &mut reports[i].2,
                Last::Fact(i) => &mut facts[i],
            };
            m.quotes.push(quote.to_string());
            if let Some(d) = date.filter(|&d| finer_than_year(d))
                && !m.date.is_some_and(finer_than_year)
            {
                m.date = Some(d);
            }
            continue;
        }
        let mut m = Mentioned {
            quotes: vec![quote.to_string()],
            date,
            kind,
            entities,
            maybe: Vec::new(),
        };
        let (found, maybe) = matching(data, &m, year);
        m.maybe = maybe;
        let target = match found {
            Some((f, why)) => match reports.iter().position(|r| r.0 == f) {
                Some(i) => {
                    let r = &mut reports[i].2;
                    r.quotes.extend(m.quotes);
                    r.entities.extend(m.entities);
                    r.entities.sort_unstable();
                    r.entities.dedup();
                    if let Some(d) = m.date.filter(|&d| finer_than_year(d))
                        && !r.date.is_some_and(finer_than_year)
                    {
                        r.date = Some(d);
                    }
                    Last::Report(i)
                }
                None => {
                    reports.push((f, why, m));
                    Last::Report(reports.len() - 1)
                }
            },
            None => {
                facts.push(m);
                Last::Fact(facts.len() - 1)
            }
        };
        last = Some((target, paragraph));
    }

    (reports, facts)
}

/// A known fact and why a sentence may speak of it.
type Why = (FactIx, String);

/// The existing fact a sentence speaks of, and why, on specific evidence only: the fact's
/// series and year; a place and the kind and year; dates that overlap at month or day
/// precision, with the kind or a participant; or the kind, the year and a participant few facts
/// have. A participant most facts have (the SCO itself) is no evidence of which fact it is:
/// the kind, the year and such a participant make a weaker candidate, returned apart.
fn matching(data: &Dataset, m: &Mentioned, page_year: Option<i32>) -> (Option<Why>, Vec<Why>) {
    let span = m.date.and_then(When::span);
    let Some(year) = span.map(|(a, _)| civil_from_days(a).0).or(page_year) else {
        return (None, Vec::new());
    };
    let in_year = |f: &Fact| {
        f.report_dates()
            .filter_map(|d| d.when.span())
            .any(|(a, b)| civil_from_days(a).0 <= year && year <= civil_from_days(b).0)
    };
    // A month or a day tells events apart where a year does not.
    let same_dates = |f: &Fact| {
        let (Some((a, b)), true) = (span, m.date.is_some_and(finer_than_year)) else {
            return false;
        };
        f.report_dates()
            .filter(|d| d.when.precision().is_some_and(|p| p != Precision::Year))
            .filter_map(|d| d.when.span())
            .any(|(x, y)| x <= b && a <= y)
    };
    // How many facts name each entity as participant, member or place: a name in more than a
    // quarter of them tells them apart no better than a common word.
    let named_in = |e: EntityIx| {
        data.facts
            .iter()
            .filter(|f| {
                f.participants.contains(&e)
                    || f.places.contains(&e)
                    || f.membership.iter().any(|c| c.who == e)
            })
            .count()
    };
    let rare = |e: EntityIx| named_in(e) * 4 <= data.facts.len().max(4);
    let name = |e: EntityIx| data.entities[e as usize].name.as_str();
    let mut maybe = Vec::new();
    for (i, f) in data.facts.iter().enumerate() {
        let i = i as FactIx;
        if let Some(s) = f.series.filter(|s| m.entities.contains(s))
            && in_year(f)
        {
            return (
                Some((i, format!("same series ({}) and year ({year})", name(s)))),
                Vec::new(),
            );
        }
        let mut shared: Vec<EntityIx> = f
            .participants
            .iter()
            .copied()
            .chain(f.membership.iter().map(|c| c.who))
            .filter(|p| m.entities.contains(p))
            .collect();
        shared.dedup();
        let names =
            |list: &[EntityIx]| list.iter().map(|&e| name(e)).collect::<Vec<_>>().join(", ");
        let place = f.places.iter().copied().find(|p| m.entities.contains(p));
        let same_kind = m.kind == Some(f.kind);
        if let Some(p) = place
            && same_kind
            && in_year(f)
        {
            return (
                Some((
                    i,
                    format!(
                        "same kind ({}), place ({}) and year ({year})",
                        f.kind.slug(),
                        name(p)
                    ),
                )),
                Vec::new(),
            );
        }
        if same_dates(f) && (same_kind || !shared.is_empty() || place.is_some()) {
            return (
                Some((
                    i,
                    format!(
                        "same date ({}) and {}",
                        m.date.map(When::iso).unwrap_or_default(),
                        if shared.is_empty() {
                            format!("kind ({})", f.kind.slug())
                        } else {
                            format!("participants ({})", names(&shared))
                        }
                    ),
                )),
                Vec::new(),
            );
        }
        if same_kind && in_year(f) && !shared.is_empty() {
            let few: Vec<EntityIx> = shared.iter().copied().filter(|&e| rare(e)).collect();
            if few.is_empty() {
                maybe.push((
                    i,
                    format!(
                        "same kind ({}) and year ({year}), but its participants ({}) are named in many facts",
                        f.kind.slug(),
                        names(&shared)
                    ),
                ));
            } else {
                return (
                    Some((
                        i,
                        format!(
                            "same kind ({}), year ({year}) and participants few facts have ({})",
                            f.kind.slug(),
                            names(&few)
                        ),
                    )),
                    Vec::new(),
                );
            }
        }
    }
    (None, maybe)
}
