//! The document reader (the full text, mentions linked, one quote highlighted) and the list of
//! documents.

use super::common::{Link, date_badge, show_more, status_badge, use_nav};
use crate::core::route::View;
use crate::core::state::Action;
use crate::core::view::{DocSummary, DocumentView};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: Rc<DocumentView>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let d = &props.doc;
    let paragraphs = d.paragraphs.iter().map(|pieces| {
        html! {
            <p>
                { for pieces.iter().map(|p| {
                    let text = match &p.entity {
                        Some(id) => html! { <Link class="mention" action={Action::OpenCard(id.clone())}>{ p.text.clone() }</Link> },
                        None => html! { { p.text.clone() } },
                    };
                    if p.quote {
                        html! { <mark class="quote" id={p.quote_start.then_some("quote-start")}>{ text }</mark> }
                    } else {
                        text
                    }
                }) }
            </p>
        }
    });
    html! {
        <div class="reader-view">
            <div class="detail-bar">
                <Link class="back" action={Action::CloseReader}>{ "\u{2190} Back" }</Link>
            </div>
            <article class="reader" aria-labelledby="doc-title">
                <header>
                    <p class="eyebrow">{ "Source document" }</p>
                    <h2 id="doc-title" tabindex="-1">{ d.title.clone() }</h2>
                    <dl class="doc-facts">
                        <dt>{ "Outlet" }</dt>
                        <dd>{ d.outlet.clone().unwrap_or_else(|| "Not stated on the page".into()) }</dd>
                        <dt>{ "Page date" }</dt>
                        <dd>{ match &d.page_date { Some(p) => format!("{p} (as printed)"), None => "None printed".into() } }</dd>
                        <dt>{ "Written" }</dt>
                        <dd>{ date_badge(d.written.as_ref(), true) }</dd>
                        if let Some(c) = &d.credit { <><dt>{ "Credit" }</dt><dd>{ c.clone() }</dd></> }
                        if let Some(n) = &d.date_note { <><dt>{ "Note on dates" }</dt><dd>{ n.clone() }</dd></> }
                    </dl>
                    if let Some((card, n)) = &d.highlighted {
                        <p class="highlight-note">
                            { format!("Highlighted: quote {n} of ") }
                            <Link action={Action::OpenCard(card.clone())}>{ "the card you came from" }</Link>{ "." }
                        </p>
                    }
                    if d.quote_missing {
                        <p class="notice-inline" role="note">{ "The quote this link asks for is not in this document; the whole text is shown." }</p>
                    }
                </header>
                <div class="doc-body">{ for paragraphs }</div>
            </article>
            <aside class="doc-facts-list" aria-labelledby="drawn-heading">
                <h3 id="drawn-heading">{ format!("Facts drawn from this document ({})", d.facts.len()) }</h3>
                <ol class="fact-list">
                    { for d.facts.iter().map(|f| html! {
                        <li>
                            { date_badge(f.date.as_ref(), false) }{ " " }
                            <Link action={Action::OpenCard(f.id.clone())}>{ f.title.clone() }</Link>{ " " }
                            { status_badge(f.status, f.status_slug) }
                            if let Some(n) = &f.note { <span class="as-of">{ format!(" \u{b7} {n}") }</span> }
                        </li>
                    }) }
                </ol>
            </aside>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    /// The documents shown (a page at a time).
    pub docs: Rc<Vec<DocSummary>>,
    /// How many there are.
    pub total: usize,
}

#[function_component(DocumentList)]
pub fn document_list(props: &DocListProps) -> Html {
    let nav = use_nav();
    html! {
        <section class="documents" aria-labelledby="docs-heading">
            <h2 id="docs-heading">{ format!("Source documents ({})", props.total) }</h2>
            <p class="lede">{ "Every fact in this explorer quotes one of these documents. Open one to read it with its names linked to their cards." }</p>
            <ol class="result-list">
                { for props.docs.iter().map(|d| html! {
                    <li key={d.id.clone()}>
                        <article class="result document" aria-labelledby={format!("d-{}", d.id)}>
                            <p class="eyebrow">
                                <span class="kind">{ "Document" }</span>
                                { match &d.page_date { Some(p) => format!("Page dated {p}"), None => "Undated page".into() } }
                            </p>
                            <h3 id={format!("d-{}", d.id)}>
                                <Link class="result-link" action={Action::Read { doc: d.id.clone(), quote: None }}>{ d.title.clone() }</Link>
                            </h3>
                            <p class="snippet">
                                { "Written " }{ date_badge(d.written.as_ref(), false) }
                                { format!(" \u{b7} {} facts \u{b7} {} entities named \u{b7} outlet {}", d.facts, d.entities, d.outlet.clone().unwrap_or_else(|| "not stated".into())) }
                            </p>
                        </article>
                    </li>
                }) }
            </ol>
            { show_more(props.total - props.docs.len(), &nav.dispatch) }
            { data_files(&nav.env) }
            <p><Link action={Action::SetView(View::Search)}>{ "Back to search" }</Link></p>
        </section>
    }
}

/// The whole dataset as files, and the feed, where the site publishes them (not in the
/// single-file edition): plain links, which work with JavaScript off.
fn data_files(env: &crate::ui::common::Env) -> Html {
    use crate::core::export::{DATA_DIR, DATA_FILES};
    if !env.place.pages {
        return html! {};
    }
    let file = |&(name, what): &(&'static str, &'static str)| {
        html! {
            <li><a href={env.place.page_url(&format!("{DATA_DIR}{name}"))}>{ name }</a>{ format!(": {what}") }</li>
        }
    };
    html! {
        <section class="data-files" aria-labelledby="data-heading">
            <h3 id="data-heading">{ "The whole dataset" }</h3>
            <ul>
                { for DATA_FILES.iter().map(file) }
                if let Some(feed) = &env.feed {
                    <li><a href={feed.clone()} type="application/atom+xml">{ "Atom feed" }</a>{ ": new reports, newest first" }</li>
                }
            </ul>
        </section>
    }
}
