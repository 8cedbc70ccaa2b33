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

/// A slug for a new entity from its name: `Quillmark Institute` gives `quillmark-institute`.
/// `None` when the name has a letter outside ASCII (spelling it in ASCII is the curator's
/// call) or nothing to make one from.
pub fn proposed_slug(name: &str) -> Option<String> {
    if name.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        return None;
    }
    slug_of(name)
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
    /// The standings it says someone began or held (a membership or presidency fact's
    /// entries), each with who.
    pub membership: Vec<(Who, Standing, Edge)>,
}

/// Whom a standing phrase is about: a known entity, or a name no entity has yet (the draft
/// writes an `[[entity]]` stub for it, with this proposed id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Who {
    Known(EntityIx),
    New { name: String, slug: Option<String> },
}

/// What a sentence says of standings: each (who, standing, edge) with the date that goes with
/// it (the first date after its phrase, else the sentence's).
type Stated = Vec<(Who, Standing, Edge, Option<When>)>;

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

/// Capitalised words that open sentences without being names, besides coverage's list.
const SENTENCE_OPENERS: &[&str] = &[
    "Until",
    "Since",
    "When",
    "While",
    "Also",
    "Meanwhile",
    "Then",
    "There",
    "Here",
    "Once",
    "Now",
    "Later",
    "Earlier",
    "Last",
    "Next",
    "Both",
    "All",
    "Some",
    "Most",
    "Each",
];

/// A slug for a name no entity has: `proposed_slug`, unless a record has that id already.
pub(super) fn new_slug(data: &Dataset, name: &str) -> Option<String> {
    let taken = |id: &str| {
        data.entities.iter().any(|e| e.id == id) || data.facts.iter().any(|f| f.id == id)
    };
    proposed_slug(name).filter(|s| !taken(s))
}

/// The standings a sentence at `a..b` says, each with whom it is about: the state named just
/// before its phrase (with any named with it: "Pakistan and India ... joined"). A name the
/// linker does not know counts too, as a new entity. What it joined decides the standing: an
/// agreement's party, else a member. A standing that "became" is one that began.
fn standings(data: &Dataset, r: &Reading<'_>, (a, b): (usize, usize), found: &[Point]) -> Stated {
    let quote = &r.body[a..b];
    // Candidate names in the sentence, in order: known states, and unknown names.
    let mut names: Vec<(usize, usize, Who)> = r
        .mentions
        .iter()
        .filter(|m| a <= m.start as usize && (m.end as usize) <= b)
        .filter(|m| data.entities[m.entity as usize].kind == EntityKind::State)
        .map(|m| (m.start as usize, m.end as usize, Who::Known(m.entity)))
        .collect();
    for n in r.names.iter().filter(|n| a <= n.start && n.end <= b) {
        let covered = r
            .mentions
            .iter()
            .any(|m| (m.start as usize) < n.end && n.start < m.end as usize);
        if !covered && !WEEKDAYS.contains(&n.text.as_str()) {
            names.push((
                n.start,
                n.end,
                Who::New {
                    name: n.text.clone(),
                    slug: new_slug(data, &n.text),
                },
            ));
        }
    }
    // A name that opens the sentence ("Iran had joined...") is no coverage item, but may be
    // whom a standing is about.
    if let Some(w) = crate::core::text::words(quote).first()
        && w.text.starts_with(char::is_uppercase)
        && w.text.chars().skip(1).all(char::is_lowercase)
        && !crate::core::coverage::NOT_NAMES.contains(&w.text)
        && !SENTENCE_OPENERS.contains(&w.text)
        && !names.iter().any(|n| n.0 < a + w.end && a + w.start < n.1)
    {
        names.push((
            a + w.start,
            a + w.end,
            Who::New {
                name: w.text.to_string(),
                slug: new_slug(data, w.text),
            },
        ));
    }
    names.sort_by_key(|n| n.0);
    let instrument = r.mentions.iter().any(|m| {
        a <= m.start as usize
            && (m.end as usize) <= b
            && data.entities[m.entity as usize].kind == EntityKind::Agreement
    });
    let date_items: Vec<(usize, Point)> = r
        .dates
        .iter()
        .filter(|d| a <= d.start && d.end <= b)
        .filter_map(|d| Some((d.start, parse_expression(&d.text, r.year)?)))
        .collect();
    let phrases = crate::core::model::phrases::standings_in(quote);
    let mut out: Stated = Vec::new();
    for (k, &(at, phrase, standing, edge)) in phrases.iter().enumerate() {
        let at = a + at;
        // The nearest name before the phrase, and those joined to it by "and" or a comma.
        let Some(last) = names.iter().rposition(|n| n.1 <= at) else {
            continue;
        };
        let mut first = last;
        while first > 0 {
            let gap = r.body[names[first - 1].1..names[first].0].trim();
            if matches!(gap, "and" | "," | ", and") {
                first -= 1;
            } else {
                break;
            }
        }
        let before = &r.body[names[last].1..at];
        let became = crate::core::text::words(before)
            .iter()
            .any(|w| matches!(w.text, "became" | "become" | "becomes"));
        let edge = if became { Edge::Start } else { edge };
        let standing = if standing == Standing::FullMember && instrument && edge == Edge::Start {
            Standing::AgreementParty
        } else {
            standing
        };
        // Its own date: the first after the phrase and before the next one.
        let until = phrases.get(k + 1).map_or(b, |p| a + p.0);
        let date = date_items
            .iter()
            .find(|(d, _)| at + phrase.len() <= *d && *d < until)
            .map(|(_, p)| When::Point(*p))
            .or_else(|| super::read::sentence_date(found));
        for n in &names[first..=last] {
            if !out.iter().any(|o| o.0 == n.2 && o.1 == standing) {
                out.push((n.2.clone(), standing, edge, date));
            }
        }
    }
    out
}

/// How many facts name each entity, in any role: participant, place, subject, series, member,
/// or in the words of a quote. The entity the collection is about is named by nearly all.
fn named_by_facts(data: &Dataset) -> Vec<usize> {
    let mut count = vec![0usize; data.entities.len()];
    for f in &data.facts {
        let mut named: Vec<EntityIx> = f
            .participants
            .iter()
            .chain(&f.places)
            .chain(&f.about)
            .chain(&f.series)
            .copied()
            .chain(f.membership.iter().map(|m| m.who))
            .collect();
        for q in &f.evidence {
            named.extend(
                data.mentions_in(q.doc)
                    .iter()
                    .filter(|m| q.start <= m.start && m.end <= q.end)
                    .map(|m| m.entity),
            );
        }
        named.sort_unstable();
        named.dedup();
        for e in named {
            count[e as usize] += 1;
        }
    }
    count
}

/// What the draft knows of the collection: how many facts name each entity, and the
/// organisation it is about (the one most facts name), which is never evidence of a match.
pub(super) struct Known<'a> {
    pub data: &'a Dataset,
    named: Vec<usize>,
    pub subject: Option<EntityIx>,
}

impl<'a> Known<'a> {
    pub fn new(data: &'a Dataset) -> Self {
        let named = named_by_facts(data);
        let subject = (0..data.entities.len() as EntityIx)
            .filter(|&e| data.entities[e as usize].kind == EntityKind::Organisation)
            .filter(|&e| named[e as usize] > 0)
            .max_by_key(|&e| (named[e as usize], std::cmp::Reverse(e)));
        Known {
            data,
            named,
            subject,
        }
    }

    /// Named by few facts (a quarter at most), and not the collection's subject: a name that
    /// tells facts apart.
    fn rare(&self, e: EntityIx) -> bool {
        Some(e) != self.subject && self.named[e as usize] * 4 <= self.data.facts.len().max(4)
    }
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
    let known = Known::new(data);
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
        // A sentence that says a standing is membership news: a report on each membership
        // fact whose member and standing it names, and new facts for the rest, one per date.
        let stated = standings(data, r, (a, b), &found);
        if !stated.is_empty() {
            let mut left: Stated = Vec::new();
            for (who, standing, edge, when) in stated {
                let matched = match &who {
                    Who::Known(e) => member_and_standing(data, *e, standing, when),
                    Who::New { .. } => None,
                };
                match matched {
                    Some((f, why)) => {
                        let m = Mentioned {
                            quotes: vec![quote.to_string()],
                            date: when,
                            kind: None,
                            entities: entities.clone(),
                            maybe: Vec::new(),
                            membership: Vec::new(),
                        };
                        let i = add_report(&mut reports, f, why, m);
                        last = Some((Last::Report(i), paragraph));
                    }
                    None => left.push((who, standing, edge, when)),
                }
            }
            let mut dated: Vec<Option<When>> = left.iter().map(|l| l.3).collect();
            dated.dedup();
            for when in dated {
                let membership: Vec<(Who, Standing, Edge)> = left
                    .iter()
                    .filter(|l| l.3 == when)
                    .map(|l| (l.0.clone(), l.1, l.2))
                    .collect();
                if membership.is_empty() {
                    continue;
                }
                let presidency = membership.iter().any(|m| m.1 == Standing::Presidency);
                facts.push(Mentioned {
                    quotes: vec![quote.to_string()],
                    date: when,
                    kind: Some(if presidency {
                        FactKind::Presidency
                    } else {
                        FactKind::Membership
                    }),
                    entities: entities.clone(),
                    maybe: Vec::new(),
                    membership,
                });
                last = Some((Last::Fact(facts.len() - 1), paragraph));
            }
            continue;
        }
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
            membership: Vec::new(),
        };
        let (found, maybe) = matching(&known, &m, year);
        m.maybe = maybe;
        let target = match found {
            Some((f, why)) => Last::Report(add_report(&mut reports, f, why, m)),
            None => {
                facts.push(m);
                Last::Fact(facts.len() - 1)
            }
        };
        last = Some((target, paragraph));
    }

    (reports, facts)
}

/// Adds `m` to the report on fact `f` (a new one if this is the first sentence on it), and
/// says which.
fn add_report(
    reports: &mut Vec<(FactIx, String, Mentioned)>,
    f: FactIx,
    why: String,
    m: Mentioned,
) -> usize {
    match reports.iter().position(|r| r.0 == f) {
        Some(i) => {
            let r = &mut reports[i].2;
            for q in m.quotes {
                if !r.quotes.contains(&q) {
                    r.quotes.push(q);
                }
            }
            r.entities.extend(m.entities);
            r.entities.sort_unstable();
            r.entities.dedup();
            if let Some(d) = m.date.filter(|&d| finer_than_year(d))
                && !r.date.is_some_and(finer_than_year)
            {
                r.date = Some(d);
            }
            i
        }
        None => {
            reports.push((f, why, m));
            reports.len() - 1
        }
    }
}

/// A label as a sentence has it inside: "Full member" as "full member", "SCO presidency" as it
/// is.
pub(super) fn in_prose(label: &str) -> String {
    let mut c = label.chars();
    match (c.next(), c.next()) {
        (Some(a), Some(b)) if b.is_lowercase() => a
            .to_lowercase()
            .chain(label[a.len_utf8()..].chars())
            .collect(),
        _ => label.to_string(),
    }
}

/// A known fact and why a sentence may speak of it.
type Why = (FactIx, String);

/// The membership (or presidency) fact whose member and standing a sentence names, when the
/// sentence gives no year or one of the fact's: "had taken part ... as an observer state",
/// "closed Russia's presidency".
fn member_and_standing(
    data: &Dataset,
    who: EntityIx,
    standing: Standing,
    when: Option<When>,
) -> Option<Why> {
    let year = when
        .and_then(When::span)
        .map(|(a, b)| (civil_from_days(a).0, civil_from_days(b).0));
    data.facts.iter().enumerate().find_map(|(i, f)| {
        let names = f
            .membership
            .iter()
            .any(|m| m.who == who && m.standing == standing);
        let in_year = year.is_none_or(|(y0, y1)| {
            f.report_dates()
                .filter_map(|d| d.when.span())
                .any(|(a, b)| civil_from_days(a).0 <= y1 && y0 <= civil_from_days(b).0)
        });
        (names && in_year).then(|| {
            (
                i as FactIx,
                format!(
                    "it names its member ({}) and standing ({})",
                    data.entities[who as usize].name,
                    in_prose(standing.label())
                ),
            )
        })
    })
}

/// The existing fact a sentence speaks of, and why, on specific evidence only, the strongest
/// first: the fact's series and year; a place and the kind and year; dates that overlap at
/// month or day precision, with the kind, a place or a participant; or the kind, the year and
/// a participant few facts name. The organisation the collection is about is no evidence of
/// which fact it is (nearly every fact names it), nor is a participant most facts name: the
/// kind, the year and such a participant make a weaker candidate, returned apart.
fn matching(known: &Known<'_>, m: &Mentioned, page_year: Option<i32>) -> (Option<Why>, Vec<Why>) {
    let data = known.data;
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
    let name = |e: EntityIx| data.entities[e as usize].name.as_str();
    let names = |list: &[EntityIx]| list.iter().map(|&e| name(e)).collect::<Vec<_>>().join(", ");
    // (strength, fact, why): the strongest wins, the first of equals.
    let mut best: Option<(u8, FactIx, String)> = None;
    let mut maybe = Vec::new();
    for (i, f) in data.facts.iter().enumerate() {
        let i = i as FactIx;
        let mut offer = |strength: u8, why: String| {
            if best.as_ref().is_none_or(|b| b.0 < strength) {
                best = Some((strength, i, why));
            }
        };
        if let Some(s) = f.series.filter(|s| m.entities.contains(s))
            && in_year(f)
        {
            offer(5, format!("same series ({}) and year ({year})", name(s)));
            continue;
        }
        // What the sentence and the fact both name, the collection's subject aside.
        let mut shared: Vec<EntityIx> = f
            .participants
            .iter()
            .copied()
            .chain(f.membership.iter().map(|c| c.who))
            .filter(|p| m.entities.contains(p) && Some(*p) != known.subject)
            .collect();
        shared.sort_unstable();
        shared.dedup();
        let place = f
            .places
            .iter()
            .copied()
            .find(|p| m.entities.contains(p) && Some(*p) != known.subject);
        let same_kind = m.kind == Some(f.kind);
        if let Some(p) = place
            && same_kind
            && in_year(f)
        {
            offer(
                4,
                format!(
                    "same kind ({}), place ({}) and year ({year})",
                    f.kind.slug(),
                    name(p)
                ),
            );
            continue;
        }
        if same_dates(f) && (same_kind || !shared.is_empty() || place.is_some()) {
            offer(
                3,
                format!(
                    "same date ({}) and {}",
                    m.date.map(When::iso).unwrap_or_default(),
                    if shared.is_empty() {
                        format!("kind ({})", f.kind.slug())
                    } else {
                        format!("participants ({})", names(&shared))
                    }
                ),
            );
            continue;
        }
        if same_kind && in_year(f) && !shared.is_empty() {
            let few: Vec<EntityIx> = shared.iter().copied().filter(|&e| known.rare(e)).collect();
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
                offer(
                    2,
                    format!(
                        "same kind ({}), year ({year}) and participants few facts have ({})",
                        f.kind.slug(),
                        names(&few)
                    ),
                );
            }
        }
    }
    match best {
        Some((_, f, why)) => (Some((f, why)), Vec::new()),
        None => (None, maybe),
    }
}
