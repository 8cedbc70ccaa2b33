//! The open card: a fact, an entity, or "not found" with the closest matches. Every statement
//! on a card sits next to the quote it comes from.

use super::common::{CopyField, Link, date_badge, kind_badge, segs, status_badge};
use crate::core::route::QuoteRef;
use crate::core::state::Action;
use crate::core::view::{
    CardView, EntityCard, EntityLink, Evidence, FactCard, FactLink, ORDER_RULE, SEE_TODAY,
    SINGLE_FILE_LINKS, Said, SourceView,
};
use crate::ui::common::{Env, use_nav};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardPanelProps {
    pub view: Rc<CardView>,
    /// The citation text for this card (built in the core, with an absolute link).
    pub citation: Option<AttrValue>,
}

#[function_component(CardPanel)]
pub fn card_panel(props: &CardPanelProps) -> Html {
    let body = match &*props.view {
        CardView::Fact(f) => fact_detail(f, props.citation.as_ref()),
        CardView::Entity(e) => entity_detail(e, props.citation.as_ref()),
        CardView::NotFound { id, closest } => html! {
            <article class="card-detail not-found" aria-labelledby="card-title">
                <p class="eyebrow">{ "Not found" }</p>
                // What the link said is shown back isolated: it cannot reorder the sentence.
                <h2 id="card-title" tabindex="-1">{ "No card \u{201c}" }<bdi>{ id.clone() }</bdi>{ "\u{201d}" }</h2>
                <p>{ "This link names a card that does not exist in this edition of the data. It may have been renamed." }</p>
                if closest.is_empty() {
                    <p>{ "Nothing close was found. Try the search box." }</p>
                } else {
                    <>
                        <h3>{ "Closest cards" }</h3>
                        <ul class="link-list">
                            { for closest.iter().map(|c| html! {
                                <li><Link action={Action::OpenCard(c.id.clone())}>{ segs(&c.title) }</Link>{ format!(" \u{b7} {}", c.kind) }</li>
                            }) }
                        </ul>
                    </>
                }
            </article>
        },
        CardView::NotYet { id, day } => html! {
            <article class="card-detail not-found" aria-labelledby="card-title">
                <p class="eyebrow">{ "Not reported yet" }</p>
                // Its name is a later document's word: only the id the link carries is shown.
                <h2 id="card-title" tabindex="-1">{ "\u{201c}" }<bdi>{ id.clone() }</bdi>{ format!("\u{201d} as of {day}") }</h2>
                <p>{ format!("No document written by {day} reports this yet.") }</p>
                <p><Link action={Action::AsOf(None)}>{ SEE_TODAY }</Link></p>
            </article>
        },
    };
    html! {
        <div class="detail" id="detail">
            <div class="detail-bar">
                <Link class="back" action={Action::CloseCard}>{ "\u{2190} Back to results" }</Link>
                <Link class="close" action={Action::CloseCard} label="Close card">{ "\u{d7}" }</Link>
            </div>
            { body }
        </div>
    }
}

fn entity_links(list: &[EntityLink]) -> Html {
    html! {
        <ul class="inline-list">
            { for list.iter().map(|e| html! { <li><Link action={Action::OpenCard(e.id.clone())}>{ e.name.clone() }</Link></li> }) }
        </ul>
    }
}

fn fact_links(list: &[FactLink]) -> Html {
    html! {
        <ol class="fact-list">
            { for list.iter().map(|f| html! {
                <li>
                    { date_badge(f.date.as_ref(), false) }
                    { " " }<Link action={Action::OpenCard(f.id.clone())}>{ f.title.clone() }</Link>
                    { " " }{ status_badge(f.status, f.status_slug) }
                </li>
            }) }
        </ol>
    }
}

// The card's parts are functions over borrowed view models, not components: the card panel is
// the component that Yew skips while the card is unchanged, and each component costs the wasm
// about a kilobyte.

/// The quotes of card `card`, each with its document and a link that opens the document at
/// that quote; under their own heading (`titled`: a fact or entity from one document), or
/// inside a source entry.
fn evidence_list(card: &str, quotes: &[Evidence], titled: bool) -> Html {
    let list = quotes.iter().map(|q| {
        let read = Action::Read { doc: q.doc_id.clone(), quote: Some(QuoteRef { card: card.to_string(), n: q.n }) };
        html! {
            <figure class="quote">
                <blockquote>{ q.text.clone() }</blockquote>
                <figcaption>
                    <cite>{ q.doc_title.clone() }</cite>
                    <span class="doc-meta">
                        { match &q.page_date { Some(p) => format!(" \u{b7} page dated {p}"), None => " \u{b7} undated page".into() } }
                        { match &q.outlet { Some(o) => format!(" \u{b7} {o}"), None => " \u{b7} outlet not stated".into() } }
                    </span>
                    { " " }<Link class="read-link" action={read}>{ "Read in context" }</Link>
                </figcaption>
            </figure>
        }
    });
    // Inside a source entry the quotes need no landmark of their own: the entry names them.
    if !titled {
        return html! { <div class="evidence">{ for list }</div> };
    }
    html! {
        <section class="evidence" aria-labelledby="evidence-heading">
            <h3 id="evidence-heading">{ if quotes.len() == 1 { "Evidence" } else { "Evidence (verbatim quotes)" } }</h3>
            { for list }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ActionsProps {
    id: AttrValue,
    citation: Option<AttrValue>,
}

/// Permalink, copy link and cite.
#[function_component(CardActions)]
fn card_actions(props: &ActionsProps) -> Html {
    let Env {
        place,
        catalog: cat,
        embed,
        ..
    } = use_nav().env;
    // Built when asked for: the card's citation as a file a reference manager imports.
    let save = |format: &'static str| {
        let id = props.id.to_string();
        let link = place.card_url(&id);
        Callback::from(move |_: MouseEvent| {
            let today = web::today();
            let file = match format {
                "bib" => crate::core::view::bibtex(cat, &id, &link, &today)
                    .map(|t| (t, "bib", "application/x-bibtex")),
                _ => crate::core::view::csl_json(cat, &id, &link, &today)
                    .map(|t| (t, "json", "application/vnd.citationstyles.csl+json")),
            };
            if let Some((text, ext, mime)) = file {
                web::download(&format!("{id}.{ext}"), mime, &text);
            }
        })
    };
    // The card's page where the site publishes pages (a link that previews well when pasted);
    // the single-file edition has none, so its links open this file at the card.
    let pages = place.pages;
    let link = place.card_url(&props.id);
    let permalink = place.permalink(&props.id);
    html! {
        <div class="card-actions">
            // Embedded, it opens the card's page outside the frame, as every link there does.
            <a class="permalink" href={permalink} target={embed.then_some("_blank")} rel={embed.then_some("noopener")}>{ "Permalink" }</a>
            <CopyField text={link} field_id="permalink-text" field_label="Link to this card"
                button="Copy link" what="Link" />
            if !pages {
                <p class="link-note">{ SINGLE_FILE_LINKS }</p>
            }
            if let Some(c) = &props.citation {
                <details class="cite">
                    <summary>{ "Cite" }</summary>
                    <CopyField text={c.clone()} field_id="citation-text" field_label="Citation"
                        button="Copy citation" what="Citation" visible=true />
                    <p class="exports">
                        { "Download for a reference manager: " }
                        <button type="button" class="link-button" onclick={save("csl-json")}>{ "CSL-JSON" }</button>
                        { " \u{b7} " }
                        <button type="button" class="link-button" onclick={save("bib")}>{ "BibTeX" }</button>
                    </p>
                </details>
            }
        </div>
    }
}

fn fact_detail(f: &FactCard, citation: Option<&AttrValue>) -> Html {
    let row = |label: &str, list: &[EntityLink]| -> Html {
        if list.is_empty() {
            html! {}
        } else {
            html! { <><dt>{ label.to_string() }</dt><dd>{ entity_links(list) }</dd></> }
        }
    };
    html! {
        <article class="card-detail fact" aria-labelledby="card-title">
            <p class="eyebrow">
                { kind_badge(f.kind, f.kind_slug) }
                { status_badge(&f.status, f.status_slug) }
                if let Some(a) = &f.as_of { <span class="as-of">{ a.clone() }</span> }
            </p>
            <h2 id="card-title" tabindex="-1">{ f.title.clone() }</h2>
            <div class="card-date">{ date_badge(f.date.as_ref(), true) }</div>
            if !f.badges.is_empty() {
                <ul class="source-badges" aria-label="Sources">
                    { for f.badges.iter().map(|b| html! { <li>{ b.clone() }</li> }) }
                </ul>
            }
            { for f.disputes.iter().map(|d| html! { <p class="dispute">{ d.clone() }</p> }) }
            { prose(f.summary.as_ref(), "Summary", "No document written by then gives a summary.") }
            <dl class="facts">
                { row("Participants", &f.participants) }
                { row("Places", &f.places) }
                if let Some(s) = &f.series { <><dt>{ "Series" }</dt><dd>{ entity_links(std::slice::from_ref(s)) }</dd></> }
                { row("About", &f.about) }
                if let Some(p) = &f.purpose { <><dt>{ "Stated purpose" }</dt><dd>{ p.clone() }</dd></> }
                if !f.membership.is_empty() {
                    <><dt>{ "Membership" }</dt><dd><ul class="plain">{ for f.membership.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul></dd></>
                }
            </dl>
            if f.sources.len() > 1 {
                { source_list(&f.id, &f.sources) }
            } else {
                { evidence_list(&f.id, &f.evidence, true) }
            }
            <CardActions id={f.id.clone()} citation={citation.cloned()} />
        </article>
    }
}

/// A summary or description, and whose word it is: the document and when it was written.
fn prose(said: Option<&Said>, what: &str, none: &str) -> Html {
    match said {
        Some(s) => html! {
            <>
                <p class="summary">{ s.text.clone() }</p>
                <p class="said-by">
                    { format!("{what} from ") }<cite>{ s.doc_title.clone() }</cite>
                    { match &s.written { Some(w) => format!(", written {w}"), None => ", date of writing unknown".into() } }
                </p>
            </>
        },
        None => html! { <p class="summary unknown">{ none.to_string() }</p> },
    }
}

/// "What the sources say": one entry per document, with its own status and date as of when it
/// was written, and its own quotes. The latest gives the current view; none overwrites another.
fn source_list(card: &str, sources: &[SourceView]) -> Html {
    html! {
        <section class="sources" aria-labelledby="sources-heading">
            <h3 id="sources-heading">{ "What the sources say" }</h3>
            <p class="source-rule">{ ORDER_RULE }</p>
            <ol class="source-list">
                { for sources.iter().map(|s| html! {
                    <li class={classes!("source-entry", s.disputed.then_some("disputed"))}>
                        <p class="source-head">
                            <cite>{ s.doc_title.clone() }</cite>
                            { match &s.written { Some(w) => format!(" \u{b7} written {w}"), None => " \u{b7} date of writing unknown".into() } }
                            if s.latest { <span class="latest">{ " \u{b7} latest" }</span> }
                        </p>
                        <p class="source-says">
                            { "As of this document: " }{ status_badge(s.status, s.status_slug) }{ " " }
                            { date_badge(s.date.as_ref(), false) }
                        </p>
                        if let Some(text) = &s.summary { <p class="source-summary">{ text.clone() }</p> }
                        { evidence_list(card, &s.evidence, false) }
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// Where "All N facts naming X" leads: the results filtered to it (a state or organisation),
/// else a search for its name.
fn all_facts(e: &EntityCard) -> Action {
    if e.filterable {
        Action::Toggle(crate::core::facets::Dim::Entity, e.id.clone())
    } else {
        Action::Query(format!("\"{}\"", e.name))
    }
}

fn entity_detail(e: &EntityCard, citation: Option<&AttrValue>) -> Html {
    html! {
        <article class="card-detail entity" aria-labelledby="card-title">
            <p class="eyebrow">{ kind_badge(e.kind, e.kind_slug) }</p>
            <h2 id="card-title" tabindex="-1">{ e.name.clone() }</h2>
            if !e.aliases.is_empty() {
                <p class="aliases">{ "Also named in the documents: " }{ e.aliases.join(", ") }</p>
            }
            if !e.search_aliases.is_empty() {
                <p class="aliases unsourced">{ "Also searchable as (not in the documents): " }{ e.search_aliases.join(", ") }</p>
            }
            { prose(e.description.as_ref(), "Description", "No document written by then describes it.") }
            if !e.earlier.is_empty() {
                <section class="earlier-prose" aria-labelledby="earlier-heading">
                    <h3 id="earlier-heading">{ "Earlier descriptions" }</h3>
                    <ol class="plain">
                        { for e.earlier.iter().rev().map(|s| html! { <li>{ prose(Some(s), "Description", "") }</li> }) }
                    </ol>
                </section>
            }
            <dl class="facts">
                if !e.roles.is_empty() { <><dt>{ "Roles, as stated" }</dt><dd>{ e.roles.join("; ") }</dd></> }
                if let Some(a) = &e.affiliation { <><dt>{ "Belongs to" }</dt><dd>{ entity_links(std::slice::from_ref(a)) }</dd></> }
                if !e.members.is_empty() {
                    <><dt>{ "Affiliated" }</dt><dd>
                        { entity_links(&e.members) }
                        if e.members_total > e.members.len() { { format!("and {} more", e.members_total - e.members.len()) } }
                    </dd></>
                }
                if let Some(p) = &e.purpose { <><dt>{ "Stated purpose" }</dt><dd>{ p.clone() }</dd></> }
            </dl>
            { evidence_list(&e.id, &e.evidence, true) }
            <section class="takes-part" aria-labelledby="facts-heading">
                <h3 id="facts-heading">{ format!("Facts ({})", e.facts_total) }</h3>
                if e.facts.is_empty() { <p>{ "No fact names it directly." }</p> } else { { fact_links(&e.facts) } }
                if e.facts_total > e.facts.len() {
                    <p class="more-link">
                        { format!("The latest {} of them. ", e.facts.len()) }
                        <Link action={all_facts(e)}>{ format!("All {} facts naming {}", e.facts_total, e.name) }</Link>
                    </p>
                }
            </section>
            <section class="mentions" aria-labelledby="mentions-heading">
                <h3 id="mentions-heading">{ "Mentioned in" }</h3>
                <ul class="link-list">
                    { for e.mentioned_in.iter().map(|(id, title, n)| html! {
                        <li>
                            <Link action={Action::Read { doc: id.clone(), quote: None }}>{ title.clone() }</Link>
                            { format!(" \u{b7} {n} mention{}", if *n == 1 { "" } else { "s" }) }
                        </li>
                    }) }
                </ul>
                if e.mentioned_total > e.mentioned_in.len() {
                    <p class="more-link">{ format!("And {} more documents.", e.mentioned_total - e.mentioned_in.len()) }</p>
                }
            </section>
            <CardActions id={e.id.clone()} citation={citation.cloned()} />
        </article>
    }
}
