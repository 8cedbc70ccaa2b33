//! A card as plain text, for the curator's command line (`cargo run -- show ID`): the same
//! view model the page draws, every line with its source, so a record can be checked as the
//! sources settle it, today or as of a date, without a browser.

use super::{CardView, EntityLink, Evidence, Said, SourceView};
use std::fmt::Write;

fn said(out: &mut String, what: &str, s: &Said) {
    let _ = writeln!(out, "{what}: {}", s.text);
    let _ = writeln!(
        out,
        "  from \u{201c}{}\u{201d} ({}), {}",
        s.doc_title,
        s.doc_id,
        s.written
            .as_ref()
            .map_or("date of writing unknown".to_string(), |w| format!(
                "written {w}"
            ))
    );
}

fn links(out: &mut String, label: &str, list: &[EntityLink]) {
    if !list.is_empty() {
        let names: Vec<String> = list
            .iter()
            .map(|e| format!("{} ({})", e.name, e.id))
            .collect();
        let _ = writeln!(out, "{label}: {}", names.join(", "));
    }
}

fn quotes(out: &mut String, indent: &str, list: &[Evidence]) {
    for q in list {
        let _ = writeln!(
            out,
            "{indent}[{}] \u{ab}{}\u{bb} \u{2014} \u{201c}{}\u{201d} ({})",
            q.n, q.text, q.doc_title, q.doc_id
        );
    }
}

fn sources(out: &mut String, list: &[SourceView]) {
    let _ = writeln!(out, "What the sources say, oldest first:");
    for (i, s) in list.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. \u{201c}{}\u{201d} ({}), {}{}{}",
            i + 1,
            s.doc_title,
            s.doc_id,
            s.written
                .as_ref()
                .map_or("date of writing unknown".to_string(), |w| format!(
                    "written {w}"
                )),
            if s.latest { " \u{b7} latest" } else { "" },
            if s.disputed { " \u{b7} disputed" } else { "" }
        );
        let _ = writeln!(
            out,
            "     says: {}, {}",
            s.status,
            s.date
                .as_ref()
                .map_or("no date".to_string(), |d| d.flagged())
        );
        if let Some(t) = &s.summary {
            let _ = writeln!(out, "     summary: {t}");
        }
        quotes(out, "     ", &s.evidence);
    }
}

/// The card as text: what it is, its current view with the source of every sentence, and
/// every source's own word.
pub fn card_text(card: &CardView) -> String {
    let mut out = String::new();
    match card {
        CardView::Fact(f) => {
            let _ = writeln!(out, "{} ({}) \u{b7} fact `{}`", f.title, f.kind, f.id);
            let _ = writeln!(
                out,
                "Status: {}{}",
                f.status,
                f.as_of
                    .as_ref()
                    .map_or(String::new(), |a| format!(" ({a})"))
            );
            let _ = writeln!(
                out,
                "Date: {}",
                f.date
                    .as_ref()
                    .map_or("not given".to_string(), |d| d.flagged())
            );
            if let Some(reason) = f.date.as_ref().and_then(|d| d.inferred.as_ref()) {
                let _ = writeln!(out, "  inferred: {reason}");
            }
            for b in &f.badges {
                let _ = writeln!(out, "Sources: {b}");
            }
            for d in &f.disputes {
                let _ = writeln!(out, "{d}");
            }
            match &f.summary {
                Some(s) => said(&mut out, "Summary", s),
                None => {
                    let _ = writeln!(out, "Summary: none (no document written by then gives one)");
                }
            }
            links(&mut out, "Participants", &f.participants);
            links(&mut out, "Places", &f.places);
            links(&mut out, "Series", f.series.as_slice());
            links(&mut out, "About", &f.about);
            if let Some(p) = &f.purpose {
                let _ = writeln!(out, "Stated purpose: {p}");
            }
            for m in &f.membership {
                let _ = writeln!(out, "Membership: {m}");
            }
            sources(&mut out, &f.sources);
        }
        CardView::Entity(e) => {
            let _ = writeln!(out, "{} ({}) \u{b7} entity `{}`", e.name, e.kind, e.id);
            if !e.aliases.is_empty() {
                let _ = writeln!(out, "Also named: {}", e.aliases.join(", "));
            }
            if !e.search_aliases.is_empty() {
                let _ = writeln!(
                    out,
                    "Searchable as (not in the documents): {}",
                    e.search_aliases.join(", ")
                );
            }
            match &e.description {
                Some(s) => said(&mut out, "Description", s),
                None => {
                    let _ = writeln!(
                        out,
                        "Description: none (no document written by then describes it)"
                    );
                }
            }
            for s in e.earlier.iter().rev() {
                said(&mut out, "Earlier description", s);
            }
            if !e.roles.is_empty() {
                let _ = writeln!(out, "Roles, as stated: {}", e.roles.join("; "));
            }
            links(&mut out, "Belongs to", e.affiliation.as_slice());
            links(&mut out, "Affiliated", &e.members);
            if let Some(p) = &e.purpose {
                let _ = writeln!(out, "Stated purpose: {p}");
            }
            let _ = writeln!(out, "Evidence:");
            quotes(&mut out, "  ", &e.evidence);
            let _ = writeln!(out, "Facts ({}):", e.facts.len());
            for f in &e.facts {
                let _ = writeln!(
                    out,
                    "  {} \u{b7} {} ({}) \u{b7} {}",
                    f.date
                        .as_ref()
                        .map_or("undated".to_string(), |d| d.flagged()),
                    f.title,
                    f.id,
                    f.status
                );
            }
        }
        CardView::NotYet { id, day } => {
            let _ = writeln!(out, "`{id}`: no document written by {day} gives it yet.");
        }
        CardView::NotFound { id, closest } => {
            let _ = writeln!(out, "No record `{id}`.");
            for c in closest {
                let title: String = c.title.iter().map(|s| s.text.as_str()).collect();
                let _ = writeln!(out, "  closest: {title} ({})", c.id);
            }
        }
    }
    out
}
