//! The root component: a switchboard, as in Yew's `function_todomvc`. It holds the one
//! reducer, wires the effect hooks (`hooks`), builds each view model once per change (memos)
//! and hands them to the frame (`frame`) and the screens.
//!
//! It renders from its props alone ([`AppProps`]: the route, where the app runs, the
//! timeline's width), which the browser shell fills at start (`web::start`) and the publisher
//! fills for each page it writes: the same components draw both.

use super::asof::AsOf;
use super::card::CardPanel;
use super::common::{Dispatch, Link, Nav};
pub use super::common::{Env, FRAME_WIDTH};
use super::frame::{
    FooterProps, Header, NoticesProps, OfflineProps, SkipProps, footer, notices, skip_link,
    update_banner,
};
use super::hooks::{
    use_focus_return, use_offline_status, use_settle, use_shortcuts, use_title, use_url_sync,
};
use super::reader::{DocumentList, Reader};
use super::search::{Filters, Results, SearchBox};
use super::timeline::{TableView, Timeline};
use crate::core::route::{Parsed, Route, View};
use crate::core::state::{Action, AppState, PAGE, apply};
use crate::core::timeline;
use crate::core::view::{self, CardView};
use std::rc::Rc;
use yew::prelude::*;

/// The reducer's state: `apply` does the work; an unchanged state keeps its address, so Yew
/// skips the re-render.
#[derive(PartialEq)]
struct Store(AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = apply(&self.0, action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the location asks to show.
    pub parsed: Parsed,
    /// Text typed into a prerendered search box before the app started; it wins.
    #[prop_or_default]
    pub typed: Option<String>,
    pub env: Env,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = use_reducer(|| {
        let mut s = AppState::from_url(props.parsed.clone());
        if let Some(t) = &props.typed {
            s = apply(&s, Action::Query(t.clone()));
        }
        s.shown = PAGE;
        Store(s)
    });
    let env = props.env.clone();
    let place = env.place.clone();
    let cat = env.catalog;
    let state = Rc::new(store.0.clone());
    // One callback for the app's life: components given it compare equal across renders.
    let dispatch = {
        let d = store.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| d.dispatch(a)))).clone()
    };
    let r = &state.route;
    // As of a past date, everything below reads that day's catalog (`core::asof`).
    let cat = r.asof.map_or(cat, |d| cat.as_of(d));
    let env = Env {
        catalog: cat,
        ..env
    };
    // Whether the card and document the route names exist (else they have no page).
    let known = r.card.as_deref().is_none_or(|id| cat.record(id).is_some())
        && r.read.as_deref().is_none_or(|d| cat.doc(d).is_some());
    use_url_sync(r, state.history, &place, known, env.embed, &dispatch);
    use_shortcuts(&dispatch);
    use_focus_return(r);
    use_settle();
    let offline = use_offline_status(!env.embed);

    let results = {
        let key = (
            r.query.clone(),
            r.filters.clone(),
            state.shown,
            state.expanded.clone(),
            r.asof,
        );
        use_memo(key, |(q, f, shown, expanded, _)| {
            let r = Route {
                query: q.clone(),
                filters: f.clone(),
                ..Default::default()
            };
            view::results_counted_later(cat, &r, *shown, expanded)
        })
    };
    // The charts draw the facts among the filtered records; built only when a chart is shown,
    // and keyed on the query and filters, not on the results: "show more" must not rebuild it.
    let charting = matches!(r.view, View::Timeline | View::Table);
    let chart = use_memo(
        (r.query.clone(), r.filters.clone(), charting, r.asof),
        |(_, _, on, asof)| {
            if *on {
                // As of a day, the latest date the documents speak of is that day.
                let mut reach = cat.reach();
                if let Some(d) = asof {
                    reach.horizon = f64::from(*d + 1);
                }
                timeline::chart(cat.data, &results.records, reach)
            } else {
                timeline::Chart::default()
            }
        },
    );
    // Each view model is built once per change and handed on as the same `Rc`, so a render
    // for another reason (a keystroke) neither copies it nor compares it deeply (`Rc`'s
    // equality checks the pointer first).
    let card = use_memo((r.card.clone(), r.asof), |(id, _)| {
        id.as_ref().map(|id| Rc::new(view::card(cat, id)))
    });
    let document = use_memo(
        (r.read.clone(), r.quote.clone(), r.asof),
        |(doc, quote, _)| {
            doc.as_ref()
                .filter(|d| cat.doc(d).is_some_and(|i| cat.shows_doc(i)))
                .and_then(|d| view::document(cat, d, quote.as_ref()))
                .map(Rc::new)
        },
    );
    // The document list is built only when it is shown, a page at a time.
    let docs = use_memo(
        (r.view == View::Documents, state.shown, r.asof),
        |(on, shown, _)| {
            let (list, total) = if *on {
                view::documents(cat, *shown)
            } else {
                (Vec::new(), 0)
            };
            (Rc::new(list), total)
        },
    );
    // A citation needs an absolute link: none where the site's address is unknown (a page
    // published without SCO_SITE_URL, before the app has started).
    let citation = use_memo((r.card.clone(), place.clone(), r.asof), |(id, place, _)| {
        id.as_ref()
            .filter(|_| !place.base.is_empty())
            .and_then(|id| view::citation(cat, id, &place.card_url(id)).map(AttrValue::from))
    });

    use_title(
        match (&*document, card.as_deref()) {
            (Some(d), _) => view::titled(&d.title),
            (None, Some(CardView::Fact(f))) => view::titled(&f.title),
            (None, Some(CardView::Entity(e))) => view::titled(&e.name),
            _ if !r.query.trim().is_empty() => {
                view::titled(&format!("\u{201c}{}\u{201d}", r.query.trim()))
            }
            _ => view::SITE_NAME.to_string(),
        },
        state.history,
    );
    // The count is said where results are shown; elsewhere it would only confuse.
    let status = match results.total {
        _ if r.read.is_some() || r.view == View::Documents => String::new(),
        0 => "No results".to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    };

    // A screen that fills the page (a document, the documents list), or else the view's centre
    // (results or charts): the same pieces for the full page and for an embed.
    let screen = if let Some(d) = &*document {
        Some(html! { <Reader doc={d.clone()} /> })
    } else if r.read.is_some() {
        Some(html! {
            <section class="not-found">
                <h2 id="doc-title" tabindex="-1">{ "Document not found" }</h2>
                if r.asof.is_some() && r.read.as_deref().and_then(|d| cat.doc(d)).is_some() {
                    <p>{ "This document had not been written by the date this view shows the sources as of." }</p>
                    <Link action={Action::AsOf(None)}>{ "See it as the sources stand today" }</Link>
                } else {
                    <p>{ "This link names a document that is not in this edition of the data." }</p>
                }
                <Link action={Action::SetView(View::Documents)}>{ "See all documents" }</Link>
            </section>
        })
    } else if r.view == View::Documents {
        Some(html! { <DocumentList docs={docs.0.clone()} total={docs.1} /> })
    } else {
        None
    };
    let centre = match r.view {
        View::Timeline => html! { <Timeline chart={chart.clone()} /> },
        View::Table => html! { <TableView chart={chart.clone()} /> },
        _ => html! { <Results view={results.clone()} /> },
    };
    let card_panel = (*card)
        .as_ref()
        .map(|c| html! { <CardPanel view={c.clone()} citation={(*citation).clone()} /> });

    let page = if env.embed {
        // Only the view's content (an open card is the view), with where it comes from and
        // the way to the full explorer.
        let content = match (card_panel, screen) {
            (Some(c), _) if r.read.is_none() => c,
            (_, Some(s)) => s,
            _ => centre,
        };
        let full = place.share(r, known);
        html! {
            <main id="main" class="embedded">
                <h1 class="visually-hidden">{ "SCO defence cooperation explorer" }</h1>
                { notices(&NoticesProps { notices: state.notices.clone(), dispatch: dispatch.clone() }) }
                <div id="content">{ content }</div>
                <p class="embed-source">
                    { format!("Data: {} documents, every fact with its quote, from the ", cat.counts().2) }
                    <a href={full.clone()} target="_blank" rel="noopener">{ view::SITE_NAME }</a>
                    { ". " }
                    <a class="embed-open" href={full} target="_blank" rel="noopener">{ "Open this view in the full explorer \u{2197}" }</a>
                </p>
            </main>
        }
    } else {
        let main = screen.unwrap_or_else(|| {
            html! {
                <div class={classes!("search-view", card.is_some().then_some("has-card"), charting.then_some("charting"))}>
                    <div class="columns">
                        <Filters view={results.clone()} />
                        { centre }
                        { card_panel.unwrap_or_default() }
                    </div>
                </div>
            }
        });
        let counts = cat.counts();
        html! {
            <>
                { skip_link(&SkipProps { to_results: r.view == View::Search && r.read.is_none() }) }
                <Header route={r.clone()} link={place.share(r, known)} embed={place.embed_url(r)} />
                <main id="main" class={classes!(card.is_some().then_some("has-card"))}>
                    <h1 class="visually-hidden">{ "SCO defence cooperation explorer" }</h1>
                    { update_banner(&OfflineProps { offline }) }
                    { notices(&NoticesProps { notices: state.notices.clone(), dispatch: dispatch.clone() }) }
                    <SearchBox query={r.query.clone()} {status} />
                    <AsOf steps={cat.steps().to_vec()} written={counts.2} />
                    <div id="content" tabindex="-1">{ main }</div>
                </main>
                { footer(&FooterProps { offline, counts }) }
            </>
        }
    };
    html! {
        <ContextProvider<Dispatch> context={Dispatch(dispatch.clone())}>
        <ContextProvider<Nav> context={Nav { state: state.clone(), dispatch: dispatch.clone(), env }}>
            { page }
        </ContextProvider<Nav>>
        </ContextProvider<Dispatch>>
    }
}
