//! Writing the draft: TOML values, the `[document]` table, records and stubs, with a marked
//! TODO wherever a person decides.

use super::read::dateline;
use super::{Draft, Reading};
use super::{Mentioned, WEEKDAYS, Who};
use crate::core::coverage::{self, ItemKind};
use crate::core::model::*;
use std::fmt::Write;

/// A TOML basic string: every control character escaped, DEL and C1 included, as TOML
/// requires (it also reads as a JSON string literal, though JSON is `serde_json`'s to write).
pub(super) fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// "a, b or c": the values a TODO chooses between, from the model's own list.
pub(super) fn choices(slugs: &[&str]) -> String {
    match slugs {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

pub(super) fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The header comment and the `[document]` table.
pub(super) fn document_table(r: &Reading<'_>, t: &mut String) {
    let Reading {
        id,
        body,
        title,
        page,
        ..
    } = r;
    let (id, body) = (*id, *body);
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
}

/// A `[[report]]` per fact matched, saying why. Returns how many.
pub(super) fn reports(
    data: &Dataset,
    reports: &[(FactIx, String, Mentioned)],
    t: &mut String,
) -> usize {
    for (f, why, m) in reports {
        let fact = &data.facts[*f as usize];
        let _ = writeln!(t, "\n[[report]]\n# matches {} because {why}", fact.id);
        let _ = writeln!(t, "fact = {}", q(&fact.id));
        match super::read::proposed_status(&m.quotes) {
            Some((s, words)) => {
                let _ = writeln!(
                    t,
                    "status = {}  # check: the text says \u{201c}{words}\u{201d} (the fact is {} as of its latest report)",
                    q(s.slug()),
                    fact.status.slug()
                );
            }
            None => {
                let _ = writeln!(
                    t,
                    "status = {}",
                    q(&format!(
                        "TODO: as of this document: {} (the fact is {} as of its latest report)",
                        choices(&Status::ALL.map(Status::slug)),
                        fact.status.slug()
                    ))
                );
            }
        }
        write_when(t, m.date);
        write_entities(t, data, &m.entities, false);
        let _ = writeln!(t, "quotes = {}", list(&m.quotes));
    }
    reports.len()
}

/// A draft `[[fact]]` per other record. Returns how many.
pub(super) fn facts(data: &Dataset, facts: &[Mentioned], t: &mut String) -> usize {
    for m in facts {
        let _ = writeln!(t);
        for (f, why) in &m.maybe {
            let _ = writeln!(
                t,
                "# maybe: a [[report]] on `{}` instead, if this is that fact: {why}",
                data.facts[*f as usize].id
            );
        }
        let _ = writeln!(t, "[[fact]]");
        let _ = writeln!(t, "id = {}", q("TODO: a new slug, e.g. peace-mission-2018"));
        let kind = m.kind.map_or_else(
            || format!("TODO: {}", choices(&FactKind::ALL.map(FactKind::slug))),
            |k| k.slug().to_string(),
        );
        let _ = writeln!(
            t,
            "kind = {}{}",
            q(&kind),
            match (m.kind, m.membership.is_empty()) {
                (None, _) => "",
                (Some(_), true) => "  # from an event word: check",
                (Some(_), false) => "  # from the standing it says: check",
            }
        );
        let _ = writeln!(t, "title = {}", q("TODO: a short title"));
        let _ = writeln!(t, "summary = {}", q("TODO: one sentence, from the quote"));
        match super::read::proposed_status(&m.quotes) {
            Some((s, words)) => {
                let _ = writeln!(
                    t,
                    "status = {}  # check: the text says \u{201c}{words}\u{201d}",
                    q(s.slug())
                );
            }
            None => {
                let _ = writeln!(
                    t,
                    "status = {}",
                    q(&format!(
                        "TODO: as of this document: {}",
                        choices(&Status::ALL.map(Status::slug))
                    ))
                );
            }
        }
        write_when(t, m.date);
        if m.membership.is_empty() {
            write_entities(t, data, &m.entities, true);
        } else {
            write_membership(t, data, m);
        }
        let _ = writeln!(t, "quotes = {}", list(&m.quotes));
    }

    facts.len()
}

/// The id a membership entry names: a known entity's, a new one's proposed slug, or a TODO.
fn who_id(data: &Dataset, who: &Who) -> String {
    match who {
        Who::Known(e) => data.entities[*e as usize].id.clone(),
        Who::New {
            slug: Some(slug), ..
        } => slug.clone(),
        Who::New { name, slug: None } => format!("TODO: a slug for {name}"),
    }
}

/// A membership or presidency fact's entities: its members as participants (new names by the
/// id their stub proposes), the organisations and agreements it is of as `about`, places, and
/// one `membership` entry per standing the sentence says.
fn write_membership(t: &mut String, data: &Dataset, m: &Mentioned) {
    let mut participants: Vec<String> = Vec::new();
    for (who, _, _) in &m.membership {
        let id = who_id(data, who);
        if !participants.contains(&id) {
            participants.push(id);
        }
    }
    let of_kind = |want: &dyn Fn(EntityKind) -> bool| -> Vec<String> {
        m.entities
            .iter()
            .map(|&e| &data.entities[e as usize])
            .filter(|e| want(e.kind))
            .map(|e| e.id.clone())
            .filter(|id| !participants.contains(id))
            .collect()
    };
    let about = of_kind(&|k| matches!(k, EntityKind::Organisation | EntityKind::Agreement));
    let places = of_kind(&|k| k == EntityKind::Place);
    let _ = writeln!(t, "participants = {}", list(&participants));
    if !about.is_empty() {
        let _ = writeln!(t, "about = {}", list(&about));
    }
    if !places.is_empty() {
        let _ = writeln!(t, "places = {}", list(&places));
    }
    let entries: Vec<String> = m
        .membership
        .iter()
        .map(|(who, standing, edge)| {
            let edge = match edge {
                Edge::Start => "start",
                Edge::End => "end",
                Edge::Holds => "holds",
            };
            format!(
                "{{ who = {}, standing = {}, edge = {} }}",
                q(&who_id(data, who)),
                q(standing.slug()),
                q(edge)
            )
        })
        .collect();
    let _ = writeln!(
        t,
        "membership = [\n  {},\n]  # check: who is named before each standing; \"became\" and \"joined\" begin one",
        entries.join(",\n  ")
    );
}

/// A description `[[report]]` for each known entity whose standing a drafted fact changes:
/// its latest description was written before this document. Returns how many.
pub(super) fn description_reports(data: &Dataset, facts: &[Mentioned], t: &mut String) -> usize {
    let mut done: Vec<EntityIx> = Vec::new();
    for m in facts {
        for (who, standing, _) in &m.membership {
            let Who::Known(e) = who else { continue };
            if done.contains(e) {
                continue;
            }
            done.push(*e);
            let entity = &data.entities[*e as usize];
            let _ = writeln!(
                t,
                "\n[[report]]\n# this document gives {} a standing ({}): its latest description says {}",
                entity.name,
                super::matching::in_prose(standing.label()),
                q(&entity.description)
            );
            let _ = writeln!(t, "entity = {}", q(&entity.id));
            let _ = writeln!(
                t,
                "description = {}",
                q(&format!(
                    "TODO: this document's description of {}, from the quotes",
                    entity.name
                ))
            );
            let _ = writeln!(t, "quotes = {}", list(&m.quotes));
        }
    }
    done.len()
}

/// An `[[entity]]` stub per name the linker did not cover. Returns how many.
pub(super) fn entity_stubs(
    data: &Dataset,
    r: &Reading<'_>,
    facts: &[Mentioned],
    t: &mut String,
) -> usize {
    let Reading {
        body,
        names,
        mentions,
        ..
    } = r;
    let body = *body;
    let mut count = 0;
    // New members the membership facts name, where no name item stands for them (a name
    // opening its sentence): at their first place in the text.
    let members = facts
        .iter()
        .flat_map(|m| &m.membership)
        .filter_map(|(who, _, _)| match who {
            Who::New { name, .. } => body.find(name.as_str()).map(|at| (at, name.as_str())),
            Who::Known(_) => None,
        })
        .filter(|(_, name)| !names.iter().any(|n| n.text == *name));
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
    for (start, text) in parts.chain(members) {
        let end = start + text.len();
        let covered = mentions
            .iter()
            .any(|m| (m.start as usize) < end && start < m.end as usize);
        let capitalised = text.starts_with(char::is_uppercase);
        if covered || !capitalised || WEEKDAYS.contains(&text) || stubs.contains(&text) {
            continue;
        }
        stubs.push(text);
        let _ = writeln!(
            t,
            "\n[[entity]]\n# line {}",
            crate::core::text::line_of(body, start)
        );
        let may_be = coverage::entities_for_name(data, text);
        if !may_be.is_empty() {
            let ids: Vec<String> = may_be.iter().map(|id| format!("`{id}`")).collect();
            let _ = writeln!(
                t,
                "# may be {}: if so, add {} to its aliases instead of this stub",
                ids.join(" or "),
                q(text)
            );
        }
        match super::standing::new_slug(data, text) {
            Some(slug) => {
                let _ = writeln!(
                    t,
                    "id = {}  # check: proposed from the name; ids never change once published",
                    q(&slug)
                );
            }
            None => {
                let _ = writeln!(t, "id = {}", q(&format!("TODO: a slug for {}", text)));
            }
        }
        let _ = writeln!(
            t,
            "kind = {}",
            q(&format!(
                "TODO: {}",
                choices(&EntityKind::ALL.map(EntityKind::slug))
            ))
        );
        let _ = writeln!(t, "name = {}", q(text));
        let _ = writeln!(
            t,
            "description = {}",
            q("TODO: one sentence from the documents")
        );
        let _ = writeln!(t, "quotes = {}", list(&[text.to_string()]));
        count += 1;
    }
    count
}

/// The `[[ignore]]` stubs. Returns how many.
pub(super) fn ignore_stubs(r: &Reading<'_>, t: &mut String) -> usize {
    let Reading {
        id,
        body,
        dates,
        names,
        mentions,
        ..
    } = r;
    let (id, body) = (*id, *body);
    let mut count = 0;
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
        count += 1;
    }
    count
}

/// The closing count.
pub(super) fn closing(out: &Draft, t: &mut String) {
    let _ = writeln!(
        t,
        "\n# Drafted: {} new facts, {} reports on existing facts, {} descriptions to give, {} unknown names, {} ignores.",
        out.facts, out.reports, out.descriptions, out.entities, out.ignores
    );
}

pub(super) fn write_when(t: &mut String, date: Option<When>) {
    match date {
        Some(w) => {
            let _ = writeln!(t, "date = {}  # check: from the quotes", q(&w.iso()));
        }
        None => {
            let _ = writeln!(t, "date = \"unknown\"  # the quotes give none");
        }
    }
}

pub(super) fn write_entities(t: &mut String, data: &Dataset, ents: &[EntityIx], with_series: bool) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_literal_reads_back_the_same_in_json_and_in_toml() {
        for s in [
            "plain",
            "say \"yes\" \\ no",
            "two\nlines\tand\r",
            "bell\u{7} del\u{7f} c1\u{85}",
            "Чебаркуль “Peace Mission”",
        ] {
            let lit = q(s);
            let json: String = serde_json::from_str(&lit).expect("JSON");
            let toml: toml::Table = toml::from_str(&format!("v = {lit}")).expect("TOML");
            assert_eq!((json.as_str(), toml["v"].as_str()), (s, Some(s)), "{lit}");
        }
    }
}
