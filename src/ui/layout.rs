//! The two pages the app draws around its screens: the full explorer (header, search box,
//! filters, the view, footer) and an embed (the view's content alone, with where it comes
//! from and the way to the full explorer); and what shows for a document that is not there.

use super::asof::AsOf;
use super::card::CardPanel;
use super::common::Link;
use super::frame::{
    FooterProps, Header, NoticesProps, OfflineProps, SkipProps, footer, notices, skip_link,
    update_banner,
};
use super::models::Models;
use super::reader::{DocumentList, Reader};
use super::search::{Filters, Results, SearchBox};
use super::timeline::{TableView, Timeline};
use crate::core::catalog::Catalog;
use crate::core::route::{Place, Route, View, card_alone};
use crate::core::state::{Action, AppState};
use crate::core::view;
use crate::web::Offline;
use yew::prelude::*;

/// The pieces of a page: a screen that fills it (a document, the documents list) or else the
/// view's centre (results or charts), and the open card. The full page and an embed arrange
/// the same pieces.
pub struct Pieces {
    pub screen: Option<Html>,
    pub centre: Html,
    pub card: Option<Html>,
}

impl Pieces {
    pub fn of(m: &Models, r: &Route, cat: &Catalog<'_>) -> Pieces {
        let screen = if let Some(d) = &m.document {
            Some(html! { <Reader doc={d.clone()} /> })
        } else if r.read.is_some() {
            Some(document_missing(r, cat))
        } else if r.view == View::Documents {
            Some(html! { <DocumentList docs={m.docs.0.clone()} total={m.docs.1} /> })
        } else {
            None
        };
        let centre = match r.view {
            View::Timeline => html! { <Timeline chart={m.chart.clone()} /> },
            View::Table => html! { <TableView chart={m.chart.clone()} /> },
            _ => html! { <Results view={m.results.clone()} /> },
        };
        let card = m
            .card
            .as_ref()
            .map(|c| html! { <CardPanel view={c.clone()} citation={m.citation.clone()} /> });
        Pieces {
            screen,
            centre,
            card,
        }
    }
}

/// A document the route names that is not there: not written yet as of the day shown, or not
/// in this edition.
fn document_missing(r: &Route, cat: &Catalog<'_>) -> Html {
    let not_yet = r.asof.is_some() && r.read.as_deref().and_then(|d| cat.doc(d)).is_some();
    html! {
        <section class="not-found">
            <h2 id="doc-title" tabindex="-1">{ "Document not found" }</h2>
            if not_yet {
                <p>{ "This document had not been written by the date this view shows the sources as of." }</p>
                <p><Link action={Action::AsOf(None)}>{ view::SEE_TODAY }</Link></p>
            } else {
                <p>{ "This link names a document that is not in this edition of the data." }</p>
            }
            <p><Link action={Action::SetView(View::Documents)}>{ "See all documents" }</Link></p>
        </section>
    }
}

/// The full explorer around the pieces.
pub fn full(
    state: &AppState,
    pieces: Pieces,
    m: &Models,
    cat: &Catalog<'_>,
    (place, known, offline): (&Place, bool, Offline),
    dispatch: &Callback<Action>,
) -> Html {
    let r = &state.route;
    let charting = matches!(r.view, View::Timeline | View::Table);
    let has_card = pieces.card.is_some();
    let alone = card_alone(r);
    let main = pieces.screen.unwrap_or_else(|| {
        if alone {
            // A card alone is its page: the card, with no results or filters beside it.
            return html! { <div class="search-view card-page">{ pieces.card.clone().unwrap_or_default() }</div> };
        }
        html! {
            <div class={classes!("search-view", has_card.then_some("has-card"), charting.then_some("charting"))}>
                <div class="columns">
                    <Filters view={m.results.clone()} />
                    { pieces.centre }
                    { pieces.card.unwrap_or_default() }
                </div>
            </div>
        }
    });
    // The count is said where results are shown; elsewhere it would only confuse.
    let status = match m.results.total {
        _ if r.read.is_some() || r.view == View::Documents || alone => String::new(),
        0 => "No results".to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    };
    let counts = cat.counts();
    html! {
        <>
            { skip_link(&SkipProps { to_results: r.view == View::Search && r.read.is_none() && !alone }) }
            <Header route={r.clone()} link={place.share(r, known)} embed={place.embed_url(r)} />
            <main id="main" class={classes!((has_card && !alone).then_some("has-card"))}>
                <h1 class="visually-hidden">{ view::SITE_NAME }</h1>
                { update_banner(&OfflineProps { offline }) }
                { notices(&NoticesProps { notices: state.notices.clone(), dispatch: dispatch.clone() }) }
                <SearchBox query={r.query.clone()} {status} />
                { no_script() }
                <AsOf steps={cat.steps().to_vec()} written={counts.2} />
                <div id="content" tabindex="-1">{ main }</div>
            </main>
            { footer(&FooterProps { offline, counts }) }
        </>
    }
}

/// What a reader with JavaScript off is told, under the search box: what needs it, and the
/// pages that work without it. The stylesheet hides the controls that would do nothing.
fn no_script() -> Html {
    html! {
        <noscript>
            <p class="no-script">
                { "JavaScript is off, so searching, the filters, the date control, zooming the timeline, copying links, citing and downloading do nothing here. Every fact, entity and document has its own page: browse " }
                <Link action={Action::SetView(View::Documents)}>{ "the source documents and the data files" }</Link>
                { ", " }
                <Link action={Action::SetView(View::Table)}>{ "the table of facts" }</Link>
                { " or " }
                <Link action={Action::SetView(View::Timeline)}>{ "the timeline" }</Link>
                { "." }
            </p>
        </noscript>
    }
}

/// An embed: only the view's content (an open card is the view), with where it comes from
/// and the way to the full explorer.
pub fn embedded(
    state: &AppState,
    pieces: Pieces,
    cat: &Catalog<'_>,
    (place, known): (&Place, bool),
    dispatch: &Callback<Action>,
) -> Html {
    let r = &state.route;
    let content = match (pieces.card, pieces.screen) {
        (Some(c), _) if r.read.is_none() => c,
        (_, Some(s)) => s,
        _ => pieces.centre,
    };
    let full = place.share(r, known);
    html! {
        <main id="main" class="embedded">
            <h1 class="visually-hidden">{ view::SITE_NAME }</h1>
            { notices(&NoticesProps { notices: state.notices.clone(), dispatch: dispatch.clone() }) }
            // A past view says so first: a reader of the page around it cannot see the address.
            if let Some(d) = r.asof {
                <p class="embed-asof"><strong>{ "Historical view: " }</strong>{ format!("{}.", view::historical(d, cat.counts().2)) }</p>
            }
            <div id="content">{ content }</div>
            <p class="embed-source">
                { format!("Data: {} documents, every fact with its quote, from the ", cat.counts().2) }
                <a href={full.clone()} target="_blank" rel="noopener">{ view::SITE_NAME }</a>
                { ". " }
                <a class="embed-open" href={full} target="_blank" rel="noopener">{ "Open this view in the full explorer \u{2197}" }</a>
            </p>
        </main>
    }
}
