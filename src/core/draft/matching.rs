//! Which known fact a sentence speaks of, on specific evidence only, strongest first; and
//! what the collection knows that weighs the evidence: how many facts name each entity, in any
//! role, and the organisation the collection is about, which is never evidence.

use super::{Mentioned, finer_than_year};
use crate::core::model::*;

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
pub(super) fn member_and_standing(
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
pub(super) fn matching(
    known: &Known<'_>,
    m: &Mentioned,
    page_year: Option<i32>,
) -> (Option<Why>, Vec<Why>) {
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
