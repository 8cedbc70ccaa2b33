//! A card or document as plain semantic HTML, written from the very view models the app's
//! components render (`ui/card.rs`, `ui/reader.rs`): the same words, the same order, the same
//! class names, so the page reads as the app's card does (a browser test compares the two).
//! Links are real links between pages, so everything reads with JavaScript off.

use crate::core::route::{card_page, doc_page};
use crate::core::view::{
    DateView, DocumentView, EntityCard, EntityLink, Evidence, FactCard, FactLink, INFERRED,
    ORDER_RULE, SourceView,
};

/// From a page (`card/<id>/`, `doc/<id>/`) back to the site root.
pub use crate::core::route::PAGE_TO_ROOT as UP;

/// Text for an element's content.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn card_href(id: &str) -> String {
    format!("{UP}{}", card_page(id))
}

fn doc_href(id: &str) -> String {
    format!("{UP}{}", doc_page(id))
}

fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// As `ui::common::date_badge`: the date, its precision when `detailed`, and why it is inferred.
fn date(d: &Option<DateView>, detailed: bool) -> String {
    let Some(d) = d else {
        return "<span class=\"date unknown\">Date unknown</span>".into();
    };
    let time = format!("<time datetime=\"{}\">{}</time>", esc(&d.iso), esc(&d.text));
    let precision = if detailed {
        format!("<span class=\"precision\">({})</span>", d.precision)
    } else {
        String::new()
    };
    match &d.inferred {
        None => format!("<span class=\"date\">{time}{precision}</span>"),
        Some(why) if detailed => format!(
            "<span class=\"date inferred\">{time}{precision}<details class=\"why\"><summary title=\"{0}\">inferred</summary><span class=\"reason\">{0}</span></details></span>",
            esc(why)
        ),
        Some(why) => format!(
            "<span class=\"date inferred\" title=\"Inferred: {}\">{time}<span class=\"inferred-mark\"> {INFERRED}</span></span>",
            esc(why)
        ),
    }
}

fn badge(class: &str, label: &str, slug: &str) -> String {
    format!(
        "<span class=\"{class} {class}-{slug}\">{}</span>",
        esc(label)
    )
}

fn entity_links(list: &[EntityLink]) -> String {
    let items: String = list
        .iter()
        .map(|e| format!("<li>{}</li>", link(&card_href(&e.id), &e.name)))
        .collect();
    format!("<ul class=\"inline-list\">{items}</ul>")
}

fn fact_links(list: &[FactLink]) -> String {
    let items: String = list
        .iter()
        .map(|f| {
            let note = f
                .note
                .as_ref()
                .map(|n| format!("<span class=\"as-of\"> \u{b7} {}</span>", esc(n)))
                .unwrap_or_default();
            format!(
                "<li>{} {} {}{note}</li>",
                date(&f.date, false),
                link(&card_href(&f.id), &f.title),
                badge("status", f.status, f.status_slug)
            )
        })
        .collect();
    format!("<ol class=\"fact-list\">{items}</ol>")
}

/// A term and its description in a card's `<dl>`, left out when there is nothing to say.
fn row(out: &mut String, term: &str, description: Option<String>) {
    if let Some(d) = description {
        out.push_str(&format!("<dt>{}</dt><dd>{d}</dd>", esc(term)));
    }
}

fn some_links(list: &[EntityLink]) -> Option<String> {
    (!list.is_empty()).then(|| entity_links(list))
}

/// As `ui::card::EvidenceList`: each quote with its document, linking to the document's page.
fn evidence(quotes: &[Evidence], titled: bool) -> String {
    let figures: String = quotes
        .iter()
        .map(|q| {
            let page = match &q.page_date {
                Some(p) => format!(" \u{b7} page dated {p}"),
                None => " \u{b7} undated page".into(),
            };
            let outlet = match &q.outlet {
                Some(o) => format!(" \u{b7} {o}"),
                None => " \u{b7} outlet not stated".into(),
            };
            format!(
                "<figure class=\"quote\"><blockquote>{}</blockquote><figcaption><cite>{}</cite><span class=\"doc-meta\">{}{}</span> <a class=\"read-link\" href=\"{}\">Read in context</a></figcaption></figure>",
                esc(&q.text),
                esc(&q.doc_title),
                esc(&page),
                esc(&outlet),
                esc(&doc_href(&q.doc_id))
            )
        })
        .collect();
    if !titled {
        return format!("<div class=\"evidence\">{figures}</div>");
    }
    let heading = if quotes.len() == 1 {
        "Evidence"
    } else {
        "Evidence (verbatim quotes)"
    };
    format!(
        "<section class=\"evidence\" aria-labelledby=\"evidence-heading\"><h2 id=\"evidence-heading\">{heading}</h2>{figures}</section>"
    )
}

/// As `ui::card::SourceList`: what each document says, as of when it was written.
fn sources(list: &[SourceView]) -> String {
    let entries: String = list
        .iter()
        .map(|s| {
            let written = match &s.written {
                Some(w) => format!(" \u{b7} written {w}"),
                None => " \u{b7} date of writing unknown".into(),
            };
            let latest = if s.latest {
                "<span class=\"latest\"> \u{b7} latest</span>"
            } else {
                ""
            };
            format!(
                "<li class=\"source-entry{}\"><p class=\"source-head\"><cite>{}</cite>{}{latest}</p><p class=\"source-says\">As of this document: {} {}</p>{}</li>",
                if s.disputed { " disputed" } else { "" },
                esc(&s.doc_title),
                esc(&written),
                badge("status", s.status, s.status_slug),
                date(&s.date, false),
                evidence(&s.evidence, false)
            )
        })
        .collect();
    format!(
        "<section class=\"sources\" aria-labelledby=\"sources-heading\"><h2 id=\"sources-heading\">What the sources say</h2><p class=\"source-rule\">{}</p><ol class=\"source-list\">{entries}</ol></section>",
        esc(ORDER_RULE)
    )
}

/// How to cite the card, when the page knows its own absolute address.
fn citation(text: Option<&str>) -> String {
    text.map(|c| {
        format!(
            "<section class=\"cite\" aria-labelledby=\"cite-heading\"><h2 id=\"cite-heading\">Cite</h2><p class=\"citation\">{}</p></section>",
            esc(c)
        )
    })
    .unwrap_or_default()
}

/// As `ui::card::FactDetail`.
pub fn fact(f: &FactCard, cite: Option<&str>) -> String {
    let mut out = format!(
        "<article class=\"card-detail fact\" aria-labelledby=\"card-title\"><p class=\"eyebrow\">{}{}{}</p><h1 id=\"card-title\">{}</h1><div class=\"card-date\">{}</div>",
        badge("kind", f.kind, f.kind_slug),
        badge("status", &f.status, f.status_slug),
        f.as_of
            .as_ref()
            .map(|a| format!("<span class=\"as-of\">{}</span>", esc(a)))
            .unwrap_or_default(),
        esc(&f.title),
        date(&f.date, true)
    );
    if !f.badges.is_empty() {
        let items: String = f
            .badges
            .iter()
            .map(|b| format!("<li>{}</li>", esc(b)))
            .collect();
        out.push_str(&format!(
            "<ul class=\"source-badges\" aria-label=\"Sources\">{items}</ul>"
        ));
    }
    for d in &f.disputes {
        out.push_str(&format!("<p class=\"dispute\">{}</p>", esc(d)));
    }
    out.push_str(&format!(
        "<p class=\"summary\">{}</p><dl class=\"facts\">",
        esc(&f.summary)
    ));
    row(&mut out, "Participants", some_links(&f.participants));
    row(&mut out, "Places", some_links(&f.places));
    row(
        &mut out,
        "Series",
        f.series
            .as_ref()
            .map(|s| entity_links(std::slice::from_ref(s))),
    );
    row(&mut out, "About", some_links(&f.about));
    row(&mut out, "Stated purpose", f.purpose.as_deref().map(esc));
    row(
        &mut out,
        "Membership",
        (!f.membership.is_empty()).then(|| {
            let items: String = f
                .membership
                .iter()
                .map(|m| format!("<li>{}</li>", esc(m)))
                .collect();
            format!("<ul class=\"plain\">{items}</ul>")
        }),
    );
    out.push_str("</dl>");
    if f.sources.len() > 1 {
        out.push_str(&sources(&f.sources));
    } else {
        out.push_str(&evidence(&f.evidence, true));
    }
    out.push_str(&citation(cite));
    out.push_str("</article>");
    out
}

/// As `ui::card::EntityDetail`.
pub fn entity(e: &EntityCard, cite: Option<&str>) -> String {
    let mut out = format!(
        "<article class=\"card-detail entity\" aria-labelledby=\"card-title\"><p class=\"eyebrow\">{}</p><h1 id=\"card-title\">{}</h1>",
        badge("kind", e.kind, e.kind_slug),
        esc(&e.name)
    );
    if !e.aliases.is_empty() {
        out.push_str(&format!(
            "<p class=\"aliases\">Also named in the documents: {}</p>",
            esc(&e.aliases.join(", "))
        ));
    }
    if !e.search_aliases.is_empty() {
        out.push_str(&format!(
            "<p class=\"aliases unsourced\">Also searchable as (not in the documents): {}</p>",
            esc(&e.search_aliases.join(", "))
        ));
    }
    out.push_str(&format!(
        "<p class=\"summary\">{}</p><dl class=\"facts\">",
        esc(&e.description)
    ));
    row(
        &mut out,
        "Roles, as stated",
        (!e.roles.is_empty()).then(|| esc(&e.roles.join("; "))),
    );
    row(
        &mut out,
        "Belongs to",
        e.affiliation
            .as_ref()
            .map(|a| entity_links(std::slice::from_ref(a))),
    );
    row(&mut out, "Affiliated", some_links(&e.members));
    row(&mut out, "Stated purpose", e.purpose.as_deref().map(esc));
    out.push_str("</dl>");
    out.push_str(&evidence(&e.evidence, true));
    let facts = if e.facts.is_empty() {
        "<p>No fact names it directly.</p>".to_string()
    } else {
        fact_links(&e.facts)
    };
    out.push_str(&format!(
        "<section class=\"takes-part\" aria-labelledby=\"facts-heading\"><h2 id=\"facts-heading\">Facts ({})</h2>{facts}</section>",
        e.facts.len()
    ));
    let mentions: String = e
        .mentioned_in
        .iter()
        .map(|(id, title, n)| {
            format!(
                "<li>{} \u{b7} {n} mention{}</li>",
                link(&doc_href(id), title),
                if *n == 1 { "" } else { "s" }
            )
        })
        .collect();
    out.push_str(&format!(
        "<section class=\"mentions\" aria-labelledby=\"mentions-heading\"><h2 id=\"mentions-heading\">Mentioned in</h2><ul class=\"link-list\">{mentions}</ul></section>"
    ));
    out.push_str(&citation(cite));
    out.push_str("</article>");
    out
}

/// As `ui::reader::Reader`: the document's text with its names linked, and its facts.
pub fn document(d: &DocumentView) -> String {
    let mut out = format!(
        "<article class=\"reader\" aria-labelledby=\"doc-title\"><header><p class=\"eyebrow\">Source document</p><h1 id=\"doc-title\">{}</h1><dl class=\"doc-facts\">",
        esc(&d.title)
    );
    row(
        &mut out,
        "Outlet",
        Some(esc(d.outlet.as_deref().unwrap_or("Not stated on the page"))),
    );
    row(
        &mut out,
        "Page date",
        Some(esc(&match &d.page_date {
            Some(p) => format!("{p} (as printed)"),
            None => "None printed".into(),
        })),
    );
    row(&mut out, "Written", Some(date(&d.written, true)));
    row(&mut out, "Credit", d.credit.as_deref().map(esc));
    row(&mut out, "Note on dates", d.date_note.as_deref().map(esc));
    out.push_str("</dl></header><div class=\"doc-body\">");
    for pieces in &d.paragraphs {
        out.push_str("<p>");
        for p in pieces {
            match &p.entity {
                Some(id) => out.push_str(&format!(
                    "<a class=\"mention\" href=\"{}\">{}</a>",
                    esc(&card_href(id)),
                    esc(&p.text)
                )),
                None => out.push_str(&esc(&p.text)),
            }
        }
        out.push_str("</p>");
    }
    out.push_str(&format!(
        "</div></article><aside class=\"doc-facts-list\" aria-labelledby=\"drawn-heading\"><h2 id=\"drawn-heading\">Facts drawn from this document ({})</h2>{}</aside>",
        d.facts.len(),
        fact_links(&d.facts)
    ));
    out
}
