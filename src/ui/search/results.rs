//! The result list: a screenful drawn in a keystroke's frame and the rest when typing pauses
//! (`use_drawn_now`), each result a card, and what shows when nothing or only some words match.

use super::exports::exports;
use crate::core::facets::Dim;
use crate::core::state::Action;
use crate::core::view::{Lookalikes, ResultItem, ResultsView, drawn_now, first_frame_budget};
use crate::ui::common::{Link, date_badge, kind_badge, segs, show_more, status_badge, use_nav};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub view: std::rc::Rc<ResultsView>,
}

/// The result list with its count, active filters, "show more" and the empty state.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let nav = use_nav();
    let v = &props.view;
    let open = nav.state.route.card.clone();
    let chips = v.active.iter().map(|a| {
        html! {
            <li>
                <Link class="chip" action={match a.dim { Dim::Year => Action::Years(None), d => Action::Toggle(d, a.key.clone()) }}
                    label={format!("Remove filter {}: {}", a.dim.label(), a.label)}>
                    <span class="chip-dim">{ a.dim.label() }{ ": " }</span>{ a.label.clone() }<span aria-hidden="true">{ " \u{d7}" }</span>
                </Link>
            </li>
        }
    });
    let (now, busy) = use_drawn_now(&props.view, &nav.state.route.query);
    let body = if v.items.is_empty() {
        empty_state(v, &nav.state.route.query)
    } else {
        html! {
            <ol class="result-list" aria-busy={busy.then_some("true")}>
                { for v.items[..now].iter().enumerate().map(|(i, item)| html! {
                    <li key={item.id.clone()}>
                        <ResultCard item={item.clone()} open={open.as_deref() == Some(item.id.as_str())} first={i == 0} />
                    </li>
                }) }
            </ol>
        }
    };
    let more = v.more;
    html! {
        <section id="results" class="results" aria-labelledby="results-heading" tabindex="-1">
            <h2 id="results-heading" class="visually-hidden">{ "Results" }</h2>
            if !v.active.is_empty() {
                <ul class="chips" aria-label="Active filters">{ for chips }</ul>
            }
            // With no results, the empty state says it.
            if let Some(l) = v.lookalikes.as_ref().filter(|_| v.total > 0) {
                { lookalike_note(l) }
            }
            if let Some(note) = &v.note {
                <p class="match-note">{ note.clone() }</p>
            }
            if v.facts > 0 { { exports(v, nav.env.catalog.data, nav.env.feed.as_ref()) } }
            { body }
            { show_more(more, &nav.dispatch) }
        </section>
    }
}

/// How many of the results to draw in this render, and whether more are to come: the cards
/// already in the list and a screenful of new ones (`view::drawn_now`). The rest are
/// drawn once the browser is idle, so the frame after a keystroke holds only the cards the
/// user can see.
#[hook]
fn use_drawn_now(view: &Rc<ResultsView>, query: &str) -> (usize, bool) {
    let list = use_mut_ref(DrawnList::default);
    let redraw = use_force_update();
    let all = view.items.len();
    // The first render draws the whole page: it is the page the publisher prerendered, which
    // the app must draw again unchanged, and no keystroke is waiting on it.
    let settled = {
        let l = list.borrow();
        !l.started || l.whole.as_ref().is_some_and(|w| Rc::ptr_eq(w, view))
    };
    let now = if settled {
        all
    } else {
        let l = list.borrow();
        let budget = first_frame_budget(l.visible);
        drawn_now(&l.ids, view.items.iter().map(|i| i.id.as_str()), budget)
    };
    let view = view.clone();
    let query = query.to_string();
    use_effect(move || {
        let mut l = list.borrow_mut();
        l.started = true;
        // While typing, the rest waits for a pause, not only for idle time (`web::when_quiet`).
        let typing = l.query != query;
        l.query = query;
        l.ids.clear();
        l.ids.extend(view.items[..now].iter().map(|i| i.id.clone()));
        if settled && let Some(top) = web::page_top("results") {
            l.visible = web::viewport_height() - top;
        }
        drop(l);
        // The call holds the results weakly: when a newer keystroke has replaced them, the
        // root has let them go and the call has nothing to do.
        if now < all {
            let view = Rc::downgrade(&view);
            let rest = move || {
                if let Some(v) = view.upgrade() {
                    list.borrow_mut().whole = Some(v);
                    redraw.force_update();
                }
            };
            if typing {
                web::when_quiet(rest);
            } else {
                web::when_idle(rest);
            }
        }
    });
    (now, now < all)
}

/// What the result list keeps between renders (see `use_drawn_now`).
struct DrawnList {
    /// The ids in the list as last drawn.
    ids: Vec<String>,
    /// Results that may be drawn in full (held, so that a new `Rc` can never reuse the
    /// address).
    whole: Option<Rc<ResultsView>>,
    /// How much of the list a screen shows when the page is scrolled to the search box;
    /// measured only once the rest of a list is drawn, in idle time: reading the viewport or
    /// a position while rendering would force the browser to lay out the page twice in the
    /// keystroke's frame. NaN until then.
    visible: f64,
    /// Whether the list has been drawn once.
    started: bool,
    /// The query the list was last drawn for.
    query: String,
}

impl Default for DrawnList {
    fn default() -> Self {
        Self {
            ids: Vec::new(),
            whole: None,
            visible: f64::NAN,
            started: false,
            query: String::new(),
        }
    }
}

/// "Download these N facts: CSV, JSON": the current view's facts as files, built only when
#[derive(Properties, PartialEq)]
pub struct ResultCardProps {
    pub item: ResultItem,
    /// This card is the one open beside the list.
    pub open: bool,
    /// The first of the list: its text is timed by the browser's Element Timing (the
    /// benchmark's "first cards painted").
    #[prop_or_default]
    pub first: bool,
}

/// One result: an `<article>` whose heading is a permalink to the card.
#[function_component(ResultCard)]
pub fn result_card(props: &ResultCardProps) -> Html {
    let it = &props.item;
    let heading_id = format!("r-{}", it.id);
    html! {
        <article class={classes!("result", if it.is_fact { "fact" } else { "entity" }, props.open.then_some("open"))} aria-labelledby={heading_id.clone()}>
            <p class="eyebrow">
                { kind_badge(it.kind, it.kind_slug) }
                if let (Some(s), Some(slug)) = (&it.status, it.status_slug) { { status_badge(s, slug) } }
                if it.is_fact { { date_badge(it.date.as_ref(), false) } }
            </p>
            <h3 id={heading_id}>
                <Link class="result-link" action={Action::OpenCard(it.id.clone())} current={props.open}>{ segs(&it.title) }</Link>
            </h3>
            <p class="snippet" elementtiming={props.first.then_some("first-card")}>{ segs(&it.snippet) }</p>
            if !it.sources.is_empty() {
                <p class="source">
                    { if it.sources.len() == 1 { "Source: " } else { "Sources: " } }
                    { for it.sources.iter().enumerate().map(|(i, s)| html! {
                        <>{ if i > 0 { "; " } else { "" } }<cite>{ s.clone() }</cite></>
                    }) }
                </p>
            }
            if !it.badges.is_empty() {
                <ul class="source-badges" aria-label="Sources">
                    { for it.badges.iter().map(|b| html! { <li>{ b.clone() }</li> }) }
                </ul>
            }
        </article>
    }
}

/// Nothing matched: say why, offer close words, and a way out of the filters.
pub fn empty_state(v: &ResultsView, q: &str) -> Html {
    html! {
        <div class="empty" role="note">
            if q.trim().is_empty() {
                <h3>{ "No cards match these filters" }</h3>
            } else {
                // What was typed is shown back isolated: it cannot reorder the sentence.
                <h3>{ "No cards match \u{201c}" }{ typed(q.trim(), v.lookalikes.as_ref()) }{ "\u{201d}" }</h3>
            }
            if let Some(l) = &v.lookalikes {
                { lookalike_note(l) }
            }
            if !v.suggestions.is_empty() {
                <p>{ "Closest words in the documents: " }
                    { for v.suggestions.iter().map(|s| html! {
                        <><Link class="suggestion" action={Action::Query(s.clone())}>{ s.clone() }</Link>{ " " }</>
                    }) }
                </p>
            }
            if !v.active.is_empty() {
                <p>
                    { format!("Without the filters there would be {} result{}. ", v.unfiltered, if v.unfiltered == 1 { "" } else { "s" }) }
                    <Link action={Action::ClearFilters}>{ "Clear all filters" }</Link>
                </p>
            }
            if !q.is_empty() {
                <p><Link action={Action::ClearQuery}>{ "Clear the search" }</Link>{ " to see every card." }</p>
            }
        </div>
    }
}

/// A query shown back as typed, isolated so it cannot reorder the sentence around it, with any
/// letter of another script that passes for Latin marked and named.
pub fn typed(query: &str, lookalikes: Option<&Lookalikes>) -> Html {
    match lookalikes {
        None => html! { <bdi>{ query.to_string() }</bdi> },
        Some(l) => marked(l),
    }
}

/// The query as typed (`Lookalikes::typed`), its lookalike letters marked and named.
fn marked(l: &Lookalikes) -> Html {
    html! {
        <bdi>{ for l.typed.iter().map(|(text, script)| match script {
            Some(s) => html! { <mark class="lookalike" title={format!("{s} letter")}>{ text.clone() }</mark> },
            None => html! { { text.clone() } },
        }) }</bdi>
    }
}

/// Says that letters of another script were read as Latin, with those letters marked.
pub fn lookalike_note(l: &Lookalikes) -> Html {
    html! {
        <p class="match-note lookalike-note">
            { "Searched for \u{201c}" }<bdi>{ l.read_as.clone() }</bdi>{ "\u{201d}: the marked letters of \u{201c}" }
            { marked(l) }
            { format!("\u{201d} are {}, not Latin.", l.scripts) }
        </p>
    }
}
