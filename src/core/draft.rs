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

/// A sentence worth a record: its span, dates, kind suggested and entities named.
struct Mentioned {
    quote: String,
    date: Option<Point>,
    kind: Option<FactKind>,
    entities: Vec<EntityIx>,
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
    let mut reports: Vec<(FactIx, String, Mentioned, Vec<String>)> = Vec::new();
    let mut facts: Vec<Mentioned> = Vec::new();
    for (a, b) in sentences(body) {
        let quote = &body[a..b];
        if seen_quotes.contains(&quote) || quote == title {
            continue;
        }
        seen_quotes.push(quote);
        let mut entities: Vec<EntityIx> = mentions
            .iter()
            .filter(|m| a <= m.start as usize && (m.end as usize) <= b)
            .map(|m| m.entity)
            .collect();
        entities.sort_unstable();
        entities.dedup();
        let date = dates
            .iter()
            .filter(|d| a <= d.start && d.end <= b)
            .find_map(|d| parse_expression(&d.text, year));
        let kind = crate::core::text::words(quote).iter().find_map(|w| {
            let lower = w.text.to_lowercase();
            EVENT_WORDS
                .iter()
                .find(|(e, _)| *e == lower)
                .map(|(_, k)| *k)
        });
        if entities.is_empty() || (date.is_none() && kind.is_none()) {
            continue;
        }
        let m = Mentioned {
            quote: quote.to_string(),
            date,
            kind,
            entities,
        };
        match matching(data, &m, year) {
            Some((f, why)) => match reports.iter_mut().find(|r| r.0 == f) {
                Some(r) => r.3.push(m.quote),
                None => {
                    let quotes = vec![m.quote.clone()];
                    reports.push((f, why, m, quotes));
                }
            },
            None => facts.push(m),
        }
    }

    for (f, why, m, quotes) in &reports {
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
        let _ = writeln!(t, "quotes = {}", list(quotes));
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
        let _ = writeln!(t, "quotes = {}", list(std::slice::from_ref(&m.quote)));
        out.facts += 1;
    }

    // Names the linker did not cover, once each.
    let mut stubs: Vec<&str> = Vec::new();
    for n in names.iter().filter(|n| n.kind == ItemKind::Name) {
        let covered = mentions
            .iter()
            .any(|m| (m.start as usize) < n.end && n.start < m.end as usize);
        if covered || WEEKDAYS.contains(&n.text.as_str()) || stubs.contains(&n.text.as_str()) {
            continue;
        }
        stubs.push(&n.text);
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
    let mut days: Vec<&str> = Vec::new();
    for w in crate::core::text::words(body) {
        if WEEKDAYS.contains(&w.text) && !days.contains(&w.text) {
            days.push(w.text);
            let _ = writeln!(
                t,
                "\n[[ignore]]\ntext = {}\nreason = {}\ndoc = {}",
                q(w.text),
                q("a weekday: the date beside it is what the data records"),
                q(id)
            );
            out.ignores += 1;
        }
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

fn write_when(t: &mut String, date: Option<Point>) {
    match date {
        Some(p) => {
            let _ = writeln!(
                t,
                "date = {}  # check: the first date in the quote",
                q(&p.iso())
            );
        }
        None => {
            let _ = writeln!(t, "date = \"unknown\"  # the quote gives none");
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
    let year = m.date.map(|p| p.year).or(page_year)?;
    let in_year = |f: &Fact| {
        f.report_dates()
            .filter_map(|d| d.when.span())
            .any(|(a, b)| civil_from_days(a).0 <= year && year <= civil_from_days(b).0)
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
        let shared: Vec<&str> = f
            .participants
            .iter()
            .filter(|p| m.entities.contains(p))
            .map(|&p| name(p))
            .collect();
        (m.kind == Some(f.kind) && !shared.is_empty() && in_year(f)).then(|| {
            (
                i as FactIx,
                format!(
                    "same kind ({}), participants ({}) and year ({year})",
                    f.kind.slug(),
                    shared.join(", ")
                ),
            )
        })
    })
}
