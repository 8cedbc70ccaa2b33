//! The sentences of synthetic reports: one per fact of each kind, and the later reports on
//! earlier facts (outcomes, other dates, confirmations), each with the raw record it quotes.

use super::words::*;
use super::{Cast, Ent, Rng};
use crate::core::model::{Point, month_name, point_words};
use crate::core::raw::*;

/// A date in words as a report sentence says it: "in 2017", "in June 2017", "on 3 June 2017".
fn when_of(date: &str) -> String {
    match Point::parse(date) {
        Some(p) if p.day.is_some() => format!("on {}", point_words(p)),
        Some(p) => format!("in {}", point_words(p)),
        None => format!("in {date}"),
    }
}

/// A later document's report on a known fact: its outcome when it was planned (a revision),
/// sometimes another date (a disagreement between accounts), else the same (corroboration).
pub(super) fn later_report(
    rng: &mut Rng,
    known: &(String, String, String, String, u8),
) -> (RawReport, String) {
    let (id, title, status, date, _) = known;
    let planned = status == "planned" || status == "intended";
    let (status, date, sentence) = if planned && rng.chance(60) {
        let s = format!("A later account says {title} was held {}.", when_of(date));
        ("happened".to_string(), date.clone(), s)
    } else if !planned && rng.chance(25) {
        // The year after, in the same words: accounts that cannot both be right.
        let (y, rest) = date.split_once('-').unwrap_or((date.as_str(), ""));
        let y: i32 = y.parse().unwrap_or(2000) + 1;
        let moved = if rest.is_empty() {
            y.to_string()
        } else {
            format!("{y}-{rest}")
        };
        let s = format!("Another account dates {title} {}.", when_of(&moved));
        (status.clone(), moved, s)
    } else {
        let s = format!("A later account confirms {title} {}.", when_of(date));
        (status.clone(), date.clone(), s)
    };
    let report = RawReport {
        fact: Some(id.clone()),
        status: Some(status),
        date: Some(date),
        // The later document's own word on the fact, as curators give it.
        summary: Some(sentence.clone()),
        quotes: vec![RawQuote::Here(sentence.clone())],
        ..Default::default()
    };
    (report, sentence)
}

/// What one report sentence is about, drawn before its kind is chosen.
struct Scene<'a> {
    /// Two distinct states, a place, the fact's year and the report's year.
    sa: &'a Ent,
    sb: &'a Ent,
    place: &'a Ent,
    fact_year: i32,
    year: i32,
    /// "in 2017", "in June 2017" or "on 3 June 2017", matching the fact's date.
    when: String,
    /// Filler words, Zipf-distributed.
    extra: String,
}

/// One fact and the sentence that reports it (its verbatim quote), in a report of `year`.
pub(super) fn report_fact(
    cast: &Cast,
    rng: &mut Rng,
    filler: &dyn Fn(&mut Rng, usize) -> String,
    id: String,
    year: i32,
) -> (RawFact, String) {
    let fact_year = year - 3 + rng.below(6) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let states = &cast.states;
    let a = rng.below(states.len());
    let b = (a + 1 + rng.below(states.len() - 1)) % states.len();
    let place = &cast.places[rng.below(cast.places.len())];
    let words = 4 + rng.below(8);
    let extra = filler(rng, words);
    let (date, when) = match rng.below(10) {
        0..=3 => (format!("{fact_year}"), format!("in {fact_year}")),
        4..=7 => (
            format!("{fact_year}-{month:02}"),
            format!("in {} {fact_year}", month_name(month as u8)),
        ),
        _ => (
            format!("{fact_year}-{month:02}-{day:02}"),
            format!("on {day} {} {fact_year}", month_name(month as u8)),
        ),
    };
    let scene = Scene {
        sa: &states[a],
        sb: &states[b],
        place,
        fact_year,
        year,
        when,
        extra,
    };
    let mut fact = RawFact {
        id,
        date: Some(date),
        participants: vec![scene.sa.id.clone(), scene.sb.id.clone()],
        places: vec![place.id.clone()],
        ..Default::default()
    };
    let sentence = match rng.below(100) {
        0..=39 => exercise(cast, rng, &scene, &mut fact),
        40..=59 => meeting(cast, rng, &scene, &mut fact),
        60..=69 => visit(cast, rng, &scene, &mut fact),
        70..=79 => procurement(cast, rng, &scene, &mut fact),
        80..=87 => membership(cast, rng, &scene, &mut fact),
        88..=94 => statement(cast, rng, &scene, &mut fact),
        _ => agreement(rng, &scene, &mut fact),
    };
    if rng.chance(8) {
        fact.certainty = Some("inferred".into());
        fact.reason =
            Some("The report gives the month; the year is taken from its page date.".into());
    }
    fact.quotes = vec![RawQuote::Here(sentence.clone())];
    (fact, sentence)
}

fn exercise(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let s = &cast.series[rng.below(cast.series.len())];
    let planned = sc.fact_year > sc.year;
    let (sa, sb, fy) = (&sc.sa.name, &sc.sb.name, sc.fact_year);
    fact.kind = "exercise".into();
    fact.series = Some(s.id.clone());
    fact.status = if planned { "planned" } else { "happened" }.into();
    fact.title = format!("{} {fy}", s.name);
    let verb = if planned { "plan" } else { "held" };
    fact.summary = format!(
        "{sa} and {sb} {verb} the {} exercise in {}.",
        s.name, sc.place.name
    );
    let verb = if planned { "will hold" } else { "held" };
    format!(
        "{sa} and {sb} {verb} the {} {fy} exercise in {} {}, with {}.",
        s.name, sc.place.name, sc.when, sc.extra
    )
}

fn meeting(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (o, abbr) = &cast.orgs[rng.below(cast.orgs.len())];
    let (sa, sb, place) = (&sc.sa.name, &sc.sb.name, &sc.place.name);
    fact.kind = "meeting".into();
    fact.status = "happened".into();
    fact.about = vec![o.id.clone()];
    fact.title = format!("{abbr} meeting in {place}");
    fact.summary = format!("Delegations of {sa} and {sb} met in {place}.");
    format!(
        "Delegations of {sa}, {sb} and the {abbr} met in {place} {} to discuss {}.",
        sc.when, sc.extra
    )
}

fn visit(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (p, role, st) = &cast.people[rng.below(cast.people.len())];
    let place = &sc.place.name;
    fact.kind = "visit".into();
    fact.status = if sc.fact_year > sc.year {
        "planned"
    } else {
        "happened"
    }
    .into();
    fact.participants = vec![p.id.clone(), cast.states[*st].id.clone()];
    fact.title = format!("{} visits {place}", p.name);
    fact.summary = format!("{}, {role}, visits {place}.", p.name);
    format!(
        "{}, {role}, visited {place} {} for talks on {}.",
        p.name, sc.when, sc.extra
    )
}

fn procurement(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let e = &cast.equipment[rng.below(cast.equipment.len())];
    let n = 2 + rng.below(20);
    let (sa, sb) = (&sc.sa.name, &sc.sb.name);
    fact.kind = "procurement".into();
    fact.status = "happened".into();
    fact.about = vec![e.id.clone()];
    fact.places = vec![];
    fact.title = format!("{sa} orders {n} {}", e.name);
    fact.summary = format!("{sa} ordered {n} {} from {sb}.", e.name);
    format!(
        "{sa} ordered {n} {} from {sb} {}, citing {}.",
        e.name, sc.when, sc.extra
    )
}

fn membership(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (o, abbr) = &cast.orgs[rng.below(cast.orgs.len())];
    let sa = &sc.sa;
    fact.kind = "membership".into();
    fact.status = "happened".into();
    fact.participants = vec![sa.id.clone()];
    fact.places = vec![];
    fact.about = vec![o.id.clone()];
    let observer = !rng.chance(70);
    let (standing, what) = if observer {
        ("observer", "an observer")
    } else {
        ("full-member", "a full member")
    };
    fact.membership = vec![RawMembership {
        who: sa.id.clone(),
        standing: standing.into(),
        edge: "start".into(),
    }];
    fact.title = format!("{} joins the {abbr}", sa.name);
    fact.summary = format!("{} became {what} of the {}.", sa.name, o.name);
    format!(
        "{} officially joined the {abbr} as {what} {}.",
        sa.name, sc.when
    )
}

fn statement(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (p, _, _) = &cast.people[rng.below(cast.people.len())];
    let (sa, sb) = (&sc.sa.name, &sc.sb.name);
    fact.kind = "statement".into();
    fact.status = "intended".into();
    fact.participants.push(p.id.clone());
    fact.title = format!("{sa} intends closer ties with {sb}");
    fact.summary = format!(
        "{} said {sa} intends to deepen cooperation with {sb}.",
        p.name
    );
    format!(
        "{} stated {} that {sa} intends to expand {} with {sb}.",
        p.name, sc.when, sc.extra
    )
}

fn agreement(rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (sa, sb) = (&sc.sa.name, &sc.sb.name);
    fact.kind = "agreement".into();
    fact.status = if rng.chance(50) {
        "in-progress"
    } else {
        "happened"
    }
    .into();
    fact.title = format!(
        "{sa}\u{2013}{sb} agreement on {}",
        DOMAIN_WORDS[3 + rng.below(20)]
    );
    fact.summary = format!("{sa} and {sb} concluded an agreement.");
    format!(
        "{sa} and {sb} concluded an agreement on {} {}.",
        sc.extra, sc.when
    )
}
