//! The root component: the one reducer, the effects that reach the browser (URL, title, focus,
//! keys), and the page frame around the current view.

use super::card::CardPanel;
use super::common::{Link, Nav};
use super::reader::{DocumentList, Reader};
use super::search::{Filters, Results, SearchBox};
use super::timeline::{TableView, Timeline};
use crate::core::route::{self, Route, View};
use crate::core::state::{Action, AppState, History, PAGE, apply};
use crate::core::timeline;
use crate::core::view::{self, CardView};
use crate::{data, web};
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
struct ShareProps {
    link: AttrValue,
}

/// "Copy link to this view": the URL holds the whole view, so this is all a colleague needs.
#[function_component(ShareView)]
fn share_view(props: &ShareProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let link = props.link.to_string();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            web::copy_text(link.clone(), "view-link", move |ok| {
                status.set(if ok {
                    "Link copied".into()
                } else {
                    "Link selected: press Ctrl+C".into()
                })
            });
        })
    };
    html! {
        <div class="share">
            <button type="button" {onclick}>{ "Copy link to this view" }</button>
            <input id="view-link" class="copy-source" type="text" readonly=true value={props.link.clone()} aria-label="Link to this view" tabindex="-1" />
            <span class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </div>
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(|| {
        let mut s = AppState::from_url(route::parse(&web::fragment()));
        s.shown = PAGE;
        Store(s)
    });
    let state = Rc::new(store.0.clone());
    let dispatch = {
        let d = store.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };

    // The URL follows the state: discrete steps push a history entry, typing replaces it.
    {
        let history = state.history;
        use_effect_with(state.route.clone(), move |r: &Route| match history {
            History::Push => web::set_fragment(&route::format(r), true),
            History::Replace => web::set_fragment(&route::format(r), false),
            History::Keep => {}
        });
    }
    // Back, Forward and edited addresses come back in as navigation.
    {
        let d = dispatch.clone();
        use_effect_with((), move |_| {
            let listeners =
                web::on_navigate(move |f| d.emit(Action::Navigated(Box::new(route::parse(&f)))));
            move || drop(listeners)
        });
    }
    // Keys: "/" searches, Escape steps back, arrows walk the results.
    {
        let d = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web::on_key(move |key, typing, modifier| {
                if modifier {
                    return false;
                }
                match key {
                    "/" if !typing => web::focus_selector("#q"),
                    "Escape" => {
                        d.emit(Action::Escape);
                        false
                    }
                    "ArrowDown" if web::active_matches("#q") => web::focus_step(".result-link", 1),
                    "ArrowDown" if web::active_matches(".result-link") => {
                        web::focus_step(".result-link", 1)
                    }
                    "ArrowUp" if web::active_matches(".result-link") => {
                        web::focus_step(".result-link", -1) || web::focus_selector("#q")
                    }
                    _ => false,
                }
            });
            move || drop(listener)
        });
    }
    // Focus follows what opened: a card's heading, a document's quote, a new view's top.
    // When what had focus closes, focus returns to where the user came from: the result that
    // opened the card, the card that opened the document, else the search box. It is never
    // left on <body>.
    let previous = use_mut_ref(|| (None::<String>, None::<String>));
    {
        let key = (
            state.route.card.clone(),
            state.route.read.clone(),
            state.route.quote.clone(),
        );
        let previous = previous.clone();
        use_effect_with(key, move |(card, doc, quote)| {
            let (was_card, was_doc) = previous.replace((card.clone(), doc.clone()));
            if doc.is_some() && *doc != was_doc {
                let has_quote = quote.is_some();
                web::after_paint(move || {
                    web::focus("doc-title");
                    if has_quote {
                        web::scroll_to("quote-start")
                    } else {
                        web::scroll_top()
                    }
                });
            } else if doc.is_none() && was_doc.is_some() {
                let has_card = card.is_some();
                web::after_paint(move || {
                    if !(has_card && web::focus_selector("#card-title")) {
                        web::focus_selector("#q");
                    }
                });
            } else if card.is_some() && *card != was_card {
                web::after_paint(|| web::focus("card-title"));
            } else if card.is_none()
                && let Some(id) = was_card
            {
                web::after_paint(move || {
                    if !web::focus_selector(&format!("#r-{id} a")) {
                        web::focus_selector("#q");
                    }
                });
            }
        });
    }

    // The first frame with result cards in it, for the start-up benchmark.
    use_effect_with((), |_| web::after_paint(|| web::mark("sco:first-cards")));
    // Offline: register the service worker once; its reports drive the indicator and the
    // "new version" prompt.
    let offline = use_state(|| web::Offline::Checking);
    {
        let offline = offline.clone();
        // After the first cards are up: its precache downloads should not compete with them.
        use_effect_with((), move |_| {
            web::after_paint(move || {
                gloo::timers::callback::Timeout::new(300, move || {
                    web::register_service_worker(move |s| offline.set(s))
                })
                .forget();
            })
        });
    }

    let cat = data::catalog();
    let results = {
        let key = (
            state.route.query.clone(),
            state.route.filters.clone(),
            state.shown,
            state.expanded.clone(),
        );
        use_memo(key, |(q, f, shown, expanded)| {
            let r = Route {
                query: q.clone(),
                filters: f.clone(),
                ..Default::default()
            };
            view::results(cat, &r, *shown, expanded)
        })
    };
    // The charts draw the facts among the filtered records; built only when a chart is shown.
    let charting = matches!(state.route.view, View::Timeline | View::Table);
    // Keyed on the query and filters, not on the results: "show more" must not rebuild it.
    let chart_key = (
        state.route.query.clone(),
        state.route.filters.clone(),
        charting,
    );
    let chart = use_memo(chart_key, |(_, _, on)| {
        let r = &results;
        if *on {
            timeline::chart(cat.data, &r.records)
        } else {
            timeline::Chart::default()
        }
    });
    let card = use_memo(state.route.card.clone(), |id| {
        id.as_ref().map(|id| view::card(cat, id))
    });
    let citation = state.route.card.as_ref().and_then(|id| {
        let link = format!(
            "{}#{}",
            web::base_url(),
            route::format(&Route {
                card: Some(id.clone()),
                ..Default::default()
            })
        );
        view::citation(cat, id, &link)
    });
    let document = use_memo(
        (state.route.read.clone(), state.route.quote.clone()),
        |(doc, quote)| {
            doc.as_ref()
                .and_then(|d| view::document(cat, d, quote.as_ref()))
        },
    );
    // The document list is built only when it is shown, a page at a time.
    let docs = use_memo(
        (state.route.view == View::Documents, state.shown),
        |(on, shown)| {
            if *on {
                view::documents(cat.data, *shown)
            } else {
                (Vec::new(), 0)
            }
        },
    );

    // The title names what is open, so history entries and shared tabs read well.
    {
        let title = match (&*document, &*card) {
            (Some(d), _) => format!("{} \u{b7} SCO explorer", d.title),
            (None, Some(CardView::Fact(f))) => format!("{} \u{b7} SCO explorer", f.title),
            (None, Some(CardView::Entity(e))) => format!("{} \u{b7} SCO explorer", e.name),
            _ if !state.route.query.trim().is_empty() => format!(
                "\u{201c}{}\u{201d} \u{b7} SCO explorer",
                state.route.query.trim()
            ),
            _ => "SCO defence cooperation explorer".to_string(),
        };
        use_effect_with(title, |t| web::set_title(t));
    }

    let nav = Nav {
        state: state.clone(),
        dispatch: dispatch.clone(),
    };
    let r = &state.route;
    // The count is said where results are shown; elsewhere it would only confuse.
    let status = match results.total {
        _ if r.read.is_some() || r.view == View::Documents => String::new(),
        0 => "No results".to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    };

    let main = if let Some(d) = &*document {
        html! { <Reader doc={Rc::new(d.clone())} /> }
    } else if r.read.is_some() {
        html! {
            <section class="not-found">
                <h2 id="doc-title" tabindex="-1">{ "Document not found" }</h2>
                <p>{ "This link names a document that is not in this edition of the data." }</p>
                <Link action={Action::SetView(View::Documents)}>{ "See all documents" }</Link>
            </section>
        }
    } else {
        match r.view {
            View::Search | View::Timeline | View::Table => {
                let detail = match &*card {
                    Some(c) => {
                        html! { <CardPanel view={Rc::new(c.clone())} citation={citation.map(AttrValue::from)} /> }
                    }
                    None => html! {},
                };
                let centre = match r.view {
                    View::Timeline => html! { <Timeline chart={chart.clone()} /> },
                    View::Table => html! { <TableView chart={chart.clone()} /> },
                    _ => html! { <Results view={results.clone()} /> },
                };
                html! {
                    <div class={classes!("search-view", card.is_some().then_some("has-card"), charting.then_some("charting"))}>
                        <div class="columns">
                            <Filters view={results.clone()} />
                            { centre }
                            { detail }
                        </div>
                    </div>
                }
            }
            View::Documents => {
                html! { <DocumentList docs={Rc::new(docs.0.clone())} total={docs.1} /> }
            }
        }
    };

    let tabs = [View::Search, View::Timeline, View::Documents].map(|v| {
        let current = r.view == v || (v == View::Timeline && r.view == View::Table);
        html! { <li><Link action={Action::SetView(v)} current={current && r.read.is_none()}>{ v.label() }</Link></li> }
    });
    let notices = if state.notices.is_empty() {
        html! {}
    } else {
        html! {
            <div class="notices" role="status">
                <ul>{ for state.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::DismissNotices)}>{ "Dismiss" }</button>
            </div>
        }
    };
    let update = if *offline == web::Offline::UpdateReady {
        html! {
            <div class="update-banner" role="status">
                <span>{ "A new version of the explorer is available." }</span>
                <button type="button" onclick={Callback::from(|_: MouseEvent| web::apply_update())}>{ "Reload to update" }</button>
            </div>
        }
    } else {
        html! {}
    };
    let (offline_class, offline_text) = match *offline {
        web::Offline::Checking => ("checking", "Checking offline use\u{2026}"),
        web::Offline::Installing => ("installing", "Saving a copy for offline use\u{2026}"),
        web::Offline::Ready => ("ready", "\u{2713} Available offline"),
        web::Offline::UpdateReady => ("ready", "\u{2713} Available offline (update waiting)"),
        web::Offline::SingleFile => (
            "ready",
            "\u{2713} Single-file edition: works with no network",
        ),
        web::Offline::Unsupported => (
            "unsupported",
            "Offline use is not available in this browser",
        ),
        web::Offline::Failed => ("unsupported", "Offline copy could not be saved"),
    };
    let view_link = format!("{}#{}", web::base_url(), route::format(r));
    // The skip link jumps to the results in the search view, to the view's content elsewhere.
    let skip_target = if r.view == View::Search && r.read.is_none() {
        "results"
    } else {
        "content"
    };
    let skip = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        web::focus(skip_target);
    });

    html! {
        <ContextProvider<Nav> context={nav}>
            <a class="skip-link" href={format!("#{skip_target}")} onclick={skip}>
                { if skip_target == "results" { "Skip to results" } else { "Skip to content" } }
            </a>
            <header class="site-header">
                <div class="brand">
                    <p class="site-title">
                        <Link action={Action::SetView(View::Search)} class="home">{ "SCO defence cooperation explorer" }</Link>
                    </p>
                    <p class="tagline">{ "Facts from the source documents, each with its quote" }</p>
                </div>
                <nav aria-label="Views"><ul class="tabs">{ for tabs }</ul></nav>
                <ShareView link={view_link} />
            </header>
            <main id="main" class={classes!(card.is_some().then_some("has-card"))}>
                <h1 class="visually-hidden">{ "SCO defence cooperation explorer" }</h1>
                { update }
                { notices }
                <SearchBox query={r.query.clone()} status={status} />
                <div id="content" tabindex="-1">{ main }</div>
            </main>
            <footer class="site-footer">
                <p class={classes!("offline-status", offline_class)} id="offline-status">{ offline_text }</p>
                <p>{ format!("{} facts and {} entities from {} documents. Dates marked \u{201c}inferred\u{201d} are deduced; the reason is one click away.", cat.data.facts.len(), cat.data.entities.len(), cat.data.documents.len()) }</p>
            </footer>
        </ContextProvider<Nav>>
    }
}
