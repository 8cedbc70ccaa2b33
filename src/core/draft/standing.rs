//! Membership news in a sentence: the standings it says ("became a full member", "joined",
//! "an observer state", "Russia's presidency", from `model::phrases`) and whom each is about,
//! a state it names or a name no entity has yet (with the id its stub proposes).

use super::{Reading, Stated, WEEKDAYS, Who, sentence_date};
use crate::core::model::*;

/// A slug for a new entity from its name: `Quillmark Institute` gives `quillmark-institute`.
/// `None` when the name has a letter outside ASCII (spelling it in ASCII is the curator's
/// call) or nothing to make one from.
pub fn proposed_slug(name: &str) -> Option<String> {
    if name.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        return None;
    }
    slug_of(name)
}

/// A slug for a name no entity has: `proposed_slug`, unless a record has that id already.
pub(super) fn new_slug(data: &Dataset, name: &str) -> Option<String> {
    let taken = |id: &str| {
        data.entities.iter().any(|e| e.id == id) || data.facts.iter().any(|f| f.id == id)
    };
    proposed_slug(name).filter(|s| !taken(s))
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

/// The standings a sentence at `a..b` says, each with whom it is about: the state named just
/// before its phrase (with any named with it: "Pakistan and India ... joined"). A name the
/// linker does not know counts too, as a new entity. What it joined decides the standing: an
/// agreement's party, else a member. A standing that "became" is one that began.
pub(super) fn standings(
    data: &Dataset,
    r: &Reading<'_>,
    (a, b): (usize, usize),
    found: &[Point],
) -> Stated {
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
            .or_else(|| sentence_date(found));
        for n in &names[first..=last] {
            if !out.iter().any(|o| o.0 == n.2 && o.1 == standing) {
                out.push((n.2.clone(), standing, edge, date));
            }
        }
    }
    out
}
