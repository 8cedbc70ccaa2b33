//! The draft command's core: a first annotation file for a new document, for a curator to
//! finish. Host only (`cargo run -- draft seeds/<id>.txt`).
//!
//! It reads the document with the same tools the coverage report uses (date expressions,
//! capitalised names) and the mention linker, against the entities and facts already known:
//! - `[document]`: the title (the first line), the page date (the first full date in the
//!   opening lines), a dateline if one opens a paragraph, and a proposed written date;
//! - for each sentence with a date or an event word that names a known entity: a `[[report]]`
//!   on the existing fact it matches (same series and year, or same kind, a shared participant
//!   and the same year), saying why, or else a draft `[[fact]]`; each with the sentence as its
//!   verbatim quote, its date and the entities it names;
//! - `[[entity]]` stubs for names no entity covers, `[[ignore]]` stubs for weekdays;
//! - a closing count.
//!
//! Where a person must decide, the value is `"TODO: ..."`, which the build refuses with the
//! question ([`crate::core::source::parse_file`]).

pub use crate::core::coverage::parse_expression;
use crate::core::coverage::{self, ItemKind};
use crate::core::model::*;
use std::fmt::Write;

/// What the draft holds, besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub toml: String,
    pub facts: usize,
    pub reports: usize,
    pub entities: usize,
    pub ignores: usize,
}

/// Words that name an event, and the kind of fact they suggest.
const EVENT_WORDS: &[(&str, FactKind)] = &[
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

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// "a, b or c": the values a TODO chooses between, from the model's own list.
fn choices(slugs: &[&str]) -> String {
    match slugs {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// Sentences as byte spans: ended by `.`, `!` or `?` before whitespace, or by a line break.
fn sentences(body: &str) -> Vec<(usize, usize)> {
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

fn trimmed(body: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &body[a..b];
    let lead = s.len() - s.trim_start().len();
    (a + lead, a + lead + s.trim().len())
}

/// A sentence worth a record (and the sentences after it in its paragraph that add a date):
/// quotes, date, kind suggested and entities named.
struct Mentioned {
    quotes: Vec<String>,
    date: Option<When>,
    kind: Option<FactKind>,
    entities: Vec<EntityIx>,
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
fn sentence_date(found: &[Point]) -> Option<When> {
    let rank = |p: &Point| match p.precision() {
        Precision::Year => 0,
        Precision::Month => 1,
        Precision::Day => 2,
    };
    match found {
        [a, b, ..] if a.precision() == b.precision() && a.first_day() < b.first_day() => {
            Some(When::Range(*a, *b))
        }
        _ => found
            .iter()
            .rev()
            .max_by_key(|p| rank(p))
            .map(|p| When::Point(*p)),
    }
}

/// Finer than a year: a date that can tell two events of one year apart.
fn finer_than_year(w: When) -> bool {
    w.precision().is_some_and(|p| p != Precision::Year)
}

/// Drafts the annotation file of document `id` with text `body`, against `data` (the
/// validated dataset of the other documents).
pub fn draft(data: &Dataset, id: &str, body: &str) -> Draft {
    let mut out = Draft::default();
    let mut t = String::new();
    let title = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let (dates, names) = coverage::spotted(body);
    let opening = body
        .char_indices()
        .filter(|&(_, c)| c == '\n')
        .nth(4)
        .map_or(body.len(), |(i, _)| i);
    let page = dates.iter().filter(|d| d.end <= opening).find_map(|d| {
        parse_expression(&d.text, None)
            .filter(|p| p.day.is_some())
            .map(|p| (d, p))
    });
    let year = page.map(|(_, p)| p.year);

    let _ = writeln!(
        t,
        "# Draft annotations for {id}, written by `cargo run -- draft`. Field reference:\n\
         # seeds/README.md. Decide every TODO, check every value against the text, then rename\n\
         # this file to {id}.toml; the build refuses a TODO left in a .toml file.\n"
    );
    let _ = writeln!(t, "[document]\ntitle = {}", q(title));
    match page {
        Some((d, p)) => {
            let _ = writeln!(
                t,
                "page_date = {}  # found on line {}",
                q(&d.text),
                crate::core::text::line_of(body, d.start)
            );
            let _ = writeln!(
                t,
                "written = {}\ncertainty = \"inferred\"\nreason = {}",
                q(&p.iso()),
                q(
                    "TODO: say why the text was written on its page date, or give the date it was written"
                )
            );
        }
        None => {
            let _ = writeln!(
                t,
                "written = {}",
                q("TODO: when was the text written? A date (2018, 2018-08, 2018-08-25) or unknown")
            );
        }
    }
    if let Some(line) = dateline(body) {
        let _ = writeln!(t, "# dateline: {}", q(line));
    }

    // The mention linker, run over this document beside the others.
    let mut with = data.clone();
    let ix = with.documents.len() as DocIx;
    with.documents.push(Document {
        id: id.to_string(),
        title: title.to_string(),
        outlet: None,
        page_date: None,
        credit: None,
        written: DateSpec::UNKNOWN,
        date_note: None,
        body: std::borrow::Cow::Owned(body.to_string()),
    });
    let mentions: Vec<Mention> = crate::core::extract::mentions(&with)
        .into_iter()
        .filter(|m| m.doc == ix)
        .collect();

    let mut seen_quotes: Vec<&str> = Vec::new();
    let mut reports: Vec<(FactIx, String, Mentioned)> = Vec::new();
    let mut facts: Vec<Mentioned> = Vec::new();
    let mut last: Option<(Last, usize)> = None;
    for (a, b) in sentences(body) {
        let quote = &body[a..b];
        // The page date's line says when the page was posted, not when anything happened.
        let page_line = page.is_some_and(|(d, _)| a <= d.start && d.end <= b);
        if seen_quotes.contains(&quote) || page_line {
            continue;
        }
        seen_quotes.push(quote);
        let paragraph = body[..a].matches("\n\n").count();
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
        let m = Mentioned {
            quotes: vec![quote.to_string()],
            date,
            kind,
            entities,
        };
        let target = match matching(data, &m, year) {
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

    for (f, why, m) in &reports {
        let fact = &data.facts[*f as usize];
        let _ = writeln!(t, "\n[[report]]\n# matches {} because {why}", fact.id);
        let _ = writeln!(t, "fact = {}", q(&fact.id));
        let _ = writeln!(
            t,
            "status = {}",
            q(&format!(
                "TODO: as of this document: {} (the fact is {} as of its latest report)",
                choices(&Status::ALL.map(Status::slug)),
                fact.status.slug()
            ))
        );
        write_when(&mut t, m.date);
        write_entities(&mut t, data, &m.entities, false);
        let _ = writeln!(t, "quotes = {}", list(&m.quotes));
        out.reports += 1;
    }
    for m in &facts {
        let _ = writeln!(t, "\n[[fact]]");
        let _ = writeln!(t, "id = {}", q("TODO: a new slug, e.g. peace-mission-2018"));
        let kind = m.kind.map_or_else(
            || format!("TODO: {}", choices(&FactKind::ALL.map(FactKind::slug))),
            |k| k.slug().to_string(),
        );
        let _ = writeln!(
            t,
            "kind = {}{}",
            q(&kind),
            if m.kind.is_some() {
                "  # from an event word: check"
            } else {
                ""
            }
        );
        let _ = writeln!(t, "title = {}", q("TODO: a short title"));
        let _ = writeln!(t, "summary = {}", q("TODO: one sentence, from the quote"));
        let _ = writeln!(
            t,
            "status = {}",
            q(&format!(
                "TODO: as of this document: {}",
                choices(&Status::ALL.map(Status::slug))
            ))
        );
        write_when(&mut t, m.date);
        write_entities(&mut t, data, &m.entities, true);
        let _ = writeln!(t, "quotes = {}", list(&m.quotes));
        out.facts += 1;
    }

    // Names the linker did not cover, once each.
    // A run joined by "and" ("China and the Central Asian") is several names: each part on
    // its own, without a leading "the".
    let parts = names
        .iter()
        .filter(|n| n.kind == ItemKind::Name)
        .flat_map(|n| {
            let mut at = n.start;
            n.text.split(" and ").map(move |part| {
                let start = at;
                at += part.len() + " and ".len();
                let lead = if part.starts_with("the ") { 4 } else { 0 };
                (start + lead, &part[lead..])
            })
        });
    let mut stubs: Vec<&str> = Vec::new();
    for (start, text) in parts {
        let end = start + text.len();
        let covered = mentions
            .iter()
            .any(|m| (m.start as usize) < end && start < m.end as usize);
        let capitalised = text.starts_with(char::is_uppercase);
        if covered || !capitalised || WEEKDAYS.contains(&text) || stubs.contains(&text) {
            continue;
        }
        stubs.push(text);
        let n = coverage::Item {
            doc: 0,
            kind: ItemKind::Name,
            start,
            end,
            text: text.to_string(),
        };
        let _ = writeln!(
            t,
            "\n[[entity]]\n# line {}",
            crate::core::text::line_of(body, n.start)
        );
        let may_be = coverage::entities_for_name(data, &n.text);
        if !may_be.is_empty() {
            let ids: Vec<String> = may_be.iter().map(|id| format!("`{id}`")).collect();
            let _ = writeln!(
                t,
                "# may be {}: if so, add {} to its aliases instead of this stub",
                ids.join(" or "),
                q(&n.text)
            );
        }
        let _ = writeln!(t, "id = {}", q(&format!("TODO: a slug for {}", n.text)));
        let _ = writeln!(
            t,
            "kind = {}",
            q(&format!(
                "TODO: {}",
                choices(&EntityKind::ALL.map(EntityKind::slug))
            ))
        );
        let _ = writeln!(t, "name = {}", q(&n.text));
        let _ = writeln!(
            t,
            "description = {}",
            q("TODO: one sentence from the documents")
        );
        let _ = writeln!(t, "quotes = {}", list(std::slice::from_ref(&n.text)));
        out.entities += 1;
    }
    // Ignore stubs: weekdays; the dateline's day (the page date says when); and names only
    // partly linked, whose reason a person gives unless the rest is a weekday.
    let mut ignores: Vec<(String, String)> = Vec::new();
    const WEEKDAY: &str = "a weekday: the date beside it is what the data records";
    if let Some(line) = dateline(body) {
        for d in dates.iter().filter(|d| line.contains(d.text.as_str())) {
            ignores.push((
                d.text.clone(),
                "the dateline's day: the page date says when it was filed".to_string(),
            ));
        }
    }
    for n in names.iter().filter(|n| n.kind == ItemKind::Name) {
        if WEEKDAYS.contains(&n.text.as_str()) {
            ignores.push((n.text.clone(), WEEKDAY.to_string()));
            continue;
        }
        let inside = |a: usize, b: usize| {
            mentions
                .iter()
                .any(|m| m.start as usize <= a && b <= m.end as usize)
        };
        let linked = mentions
            .iter()
            .any(|m| (m.start as usize) < n.end && n.start < m.end as usize);
        if !linked || inside(n.start, n.end) || n.text.contains(" and ") {
            continue;
        }
        // Partly linked ("Borvia City on Tuesday", "Troops of the SCO"): the whole run is
        // what the coverage report lists, so the whole run is what an ignore names.
        let unlinked: Vec<&str> = crate::core::text::words(&n.text)
            .into_iter()
            .filter(|w| w.text.starts_with(char::is_uppercase))
            .filter(|w| !inside(n.start + w.start, n.start + w.end))
            .map(|w| w.text)
            .collect();
        let reason = if unlinked.iter().all(|w| WEEKDAYS.contains(w)) {
            WEEKDAY.to_string()
        } else {
            format!("TODO: why may {} stay unlinked?", unlinked.join(", "))
        };
        ignores.push((n.text.clone(), reason));
    }
    let mut done: Vec<&str> = Vec::new();
    for (text, reason) in &ignores {
        if done.contains(&text.as_str()) {
            continue;
        }
        done.push(text);
        let _ = writeln!(
            t,
            "\n[[ignore]]\ntext = {}\nreason = {}\ndoc = {}",
            q(text),
            q(reason),
            q(id)
        );
        out.ignores += 1;
    }
    let _ = writeln!(
        t,
        "\n# Drafted: {} new facts, {} reports on existing facts, {} unknown names, {} ignores.",
        out.facts, out.reports, out.entities, out.ignores
    );
    out.toml = t;
    out
}

/// A line that opens with a place in capitals and a comma ("MOSCOW, 25 August (Agency) -").
fn dateline(body: &str) -> Option<&str> {
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

fn write_when(t: &mut String, date: Option<When>) {
    match date {
        Some(w) => {
            let _ = writeln!(t, "date = {}  # check: from the quotes", q(&w.iso()));
        }
        None => {
            let _ = writeln!(t, "date = \"unknown\"  # the quotes give none");
        }
    }
}

fn write_entities(t: &mut String, data: &Dataset, ents: &[EntityIx], with_series: bool) {
    let pick = |want: &dyn Fn(EntityKind) -> bool| -> Vec<String> {
        ents.iter()
            .map(|&e| &data.entities[e as usize])
            .filter(|e| want(e.kind))
            .map(|e| e.id.clone())
            .collect()
    };
    let participants = pick(&|k| {
        matches!(
            k,
            EntityKind::State | EntityKind::Organisation | EntityKind::Body | EntityKind::Person
        )
    });
    let places = pick(&|k| k == EntityKind::Place);
    if !participants.is_empty() {
        let _ = writeln!(t, "participants = {}", list(&participants));
    }
    if !places.is_empty() {
        let _ = writeln!(t, "places = {}", list(&places));
    }
    if with_series {
        let series =
            pick(&|k| matches!(k, EntityKind::ExerciseSeries | EntityKind::ConferenceSeries));
        if let Some(s) = series.first() {
            let _ = writeln!(t, "series = {}", q(s));
        }
    }
}

/// The existing fact a sentence speaks of, and why: the same series in the same year, or the
/// same kind with a shared participant in the same year.
fn matching(data: &Dataset, m: &Mentioned, page_year: Option<i32>) -> Option<(FactIx, String)> {
    let span = m.date.and_then(When::span);
    let year = span.map(|(a, _)| civil_from_days(a).0).or(page_year)?;
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
    let name = |e: EntityIx| data.entities[e as usize].name.as_str();
    data.facts.iter().enumerate().find_map(|(i, f)| {
        if let Some(s) = f.series.filter(|s| m.entities.contains(s))
            && in_year(f)
        {
            return Some((
                i as FactIx,
                format!("same series ({}) and year ({year})", name(s)),
            ));
        }
        let mut shared: Vec<&str> = f
            .participants
            .iter()
            .copied()
            .chain(f.membership.iter().map(|c| c.who))
            .filter(|p| m.entities.contains(p))
            .map(name)
            .collect();
        shared.dedup();
        if shared.is_empty() {
            return None;
        }
        if m.kind == Some(f.kind) && in_year(f) {
            return Some((
                i as FactIx,
                format!(
                    "same kind ({}), participants ({}) and year ({year})",
                    f.kind.slug(),
                    shared.join(", ")
                ),
            ));
        }
        same_dates(f).then(|| {
            (
                i as FactIx,
                format!(
                    "same date ({}) and participants ({})",
                    m.date.map(When::iso).unwrap_or_default(),
                    shared.join(", ")
                ),
            )
        })
    })
}
