//! The search screen: the search box, the filters and the result list.

use super::common::{Link, date_badge, kind_badge, segs, status_badge, use_dispatch, use_nav};
use crate::core::catalog::Catalog;
use crate::core::export;
use crate::core::facets::Dim;
use crate::core::state::Action;
use crate::core::view::{
    self, FacetCounts, Lookalikes, ResultItem, ResultsView, drawn_now, first_frame_budget,
};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub query: AttrValue,
    /// "12 results", announced to screen readers as it changes.
    pub status: AttrValue,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let nav = use_nav();
    let oninput = {
        let d = nav.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::Query(input.value()));
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="q">{ "Search facts, people, places and documents" }</label>
            <div class="search-row">
                <input id="q" type="search" name="q" autocomplete="off" spellcheck="false"
                    placeholder="Try: Peace Mission, 2017, Yekaterinburg, EWG"
                    aria-describedby="search-hint search-status"
                    value={props.query.clone()} {oninput} />
            </div>
            <p id="search-hint" class="hint">
                { "Press " }<kbd>{ "/" }</kbd>{ " to search, " }<kbd>{ "\u{2193}" }</kbd>{ " to reach the results, " }
                <kbd>{ "Esc" }</kbd>{ " to clear. Quotes match a phrase; years and months match dates." }
            </p>
            <p id="search-status" class="result-count" role="status" aria-live="polite">{ props.status.clone() }</p>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub view: std::rc::Rc<ResultsView>,
}

/// The facets: a fieldset per facet, a checkbox per value with the count it would give.
#[function_component(Filters)]
pub fn filters(props: &FiltersProps) -> Html {
    let nav = use_nav();
    let open = use_state(|| false);
    let key = CountKey {
        filters: nav.state.route.filters.clone(),
        expanded: nav.state.expanded.clone(),
        asof: nav.state.route.asof,
    };
    let (v, updating) = use_counts(&props.view, nav.env.catalog, key);
    let active = nav.state.route.filters.count();
    let toggle_open = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let groups = v.groups.iter().map(|g| {
        let dim = g.dim;
        let clear = if nav.state.route.filters.is_active(dim) {
            html! { <Link class="clear" action={Action::ClearFilter(dim)} label={format!("Clear {}", dim.label().to_ascii_lowercase())}>{ "Clear" }</Link> }
        } else {
            html! {}
        };
        let values = g.values.iter().map(|val| {
            html! {
                <FacetChoice key={val.key.clone()} {dim} value_key={val.key.clone()} label={val.label.clone()}
                    count={val.count} selected={val.selected} />
            }
        });
        html! {
            <fieldset class={classes!("facet", format!("facet-{}", dim.key()))} key={dim.key()}>
                <legend>{ dim.label() }</legend>
                { clear }
                // The long lists scroll (`.facet-ent`, `.facet-src` in the stylesheet): a keyboard
                // must reach the region even when every value in it is disabled.
                if matches!(dim.key(), "ent" | "src") {
                    <ul class="facet-values" tabindex="0" aria-label={format!("{} values", dim.label())}>{ for values }</ul>
                } else {
                    <ul class="facet-values">{ for values }</ul>
                }
                if g.hidden > 0 {
                    <button type="button" class="show-all" onclick={nav.dispatch.reform(move |_: MouseEvent| Action::ShowAllValues(dim))}>
                        { format!("Show all {} values", g.values.len() + g.hidden) }
                    </button>
                }
            </fieldset>
        }
    });
    html! {
        <aside class={classes!("filters", (*open).then_some("open"))} aria-labelledby="filters-heading" aria-busy={updating.then_some("true")}>
            <div class="filters-head">
                <h2 id="filters-heading">{ "Filters" }</h2>
                <button type="button" class="filters-toggle" aria-expanded={(*open).to_string()} aria-controls="filters-body" onclick={toggle_open}>
                    { if active > 0 { format!("Filters ({active} active)") } else { "Show filters".to_string() } }
                </button>
            </div>
            <div id="filters-body" class="filters-body">
                if active > 0 {
                    <Link class="clear-all" action={Action::ClearFilters}>{ "Clear all filters" }</Link>
                }
                <YearRange years={v.years.clone()} />
                { for groups }
            </div>
        </aside>
    }
}

/// What decides which values the filters list: while it stays the same, a new search
/// changes only their counts and the year bars.
#[derive(Clone, PartialEq)]
struct CountKey {
    filters: crate::core::facets::Filters,
    expanded: Vec<Dim>,
    asof: Option<i32>,
}

/// Counts as last drawn, and the results they are for.
struct Drawn {
    view: Rc<ResultsView>,
    counts: Rc<FacetCounts>,
    key: CountKey,
}

/// The counts the filters draw, and whether newer ones are on their way. Results made while
/// typing come without counts (`view::results_counted_later`): the filters then keep the
/// counts drawn and count when the browser is idle, so the keystroke's frame holds the cards
/// and not a sidebar of changed numbers. What changes the values listed (a value chosen, a
/// list shown in full, another date) is counted and drawn at once, as is the first render,
/// which the publisher's page must match. The filters say `aria-busy` meanwhile.
#[hook]
fn use_counts(
    view: &Rc<ResultsView>,
    cat: &'static Catalog<'static>,
    key: CountKey,
) -> (Rc<FacetCounts>, bool) {
    let drawn = use_mut_ref(|| None::<Drawn>);
    let redraw = use_force_update();
    let (counts, pending) = {
        let d = drawn.borrow();
        match (&view.counts, d.as_ref()) {
            (Some(c), _) => (c.clone(), false),
            (None, Some(d)) if Rc::ptr_eq(&d.view, view) => (d.counts.clone(), false),
            (None, Some(d)) if d.key == key => (d.counts.clone(), true),
            (None, _) => (view::counts(cat, view, &key.filters, &key.expanded), false),
        }
    };
    let now = (view.clone(), counts.clone());
    use_effect(move || {
        if !pending {
            let (view, counts) = now;
            *drawn.borrow_mut() = Some(Drawn { view, counts, key });
            return;
        }
        // Held weakly, as the result list does: a newer keystroke's results supersede these.
        let next = Rc::downgrade(&now.0);
        web::when_quiet(move || {
            let Some(v) = next.upgrade() else { return };
            if drawn
                .borrow()
                .as_ref()
                .is_some_and(|d| Rc::ptr_eq(&d.view, &v))
            {
                return;
            }
            let counts = view::counts(cat, &v, &key.filters, &key.expanded);
            *drawn.borrow_mut() = Some(Drawn {
                view: v,
                counts,
                key,
            });
            redraw.force_update();
        });
    });
    (counts, pending)
}

#[derive(Properties, PartialEq)]
struct FacetChoiceProps {
    dim: Dim,
    value_key: AttrValue,
    label: AttrValue,
    count: usize,
    selected: bool,
}

/// One filter value: a checkbox, its label and the count it would give. A component of its
/// own with no state in its props, so a keystroke redraws only the values whose count changed.
#[function_component(FacetChoice)]
fn facet_choice(props: &FacetChoiceProps) -> Html {
    let dispatch = use_dispatch();
    let dim = props.dim;
    let id = format!("f-{}-{}", dim.key(), props.value_key);
    let onchange = {
        let key = props.value_key.to_string();
        dispatch.reform(move |_: Event| Action::Toggle(dim, key.clone()))
    };
    // A value with nothing behind it stays in place, disabled (unless chosen, so it can be
    // undone): the list never reorders under the user's focus.
    let empty = props.count == 0 && !props.selected;
    html! {
        <li class={classes!(empty.then_some("empty-value"))}>
            <input type="checkbox" id={id.clone()} checked={props.selected} disabled={empty} {onchange} />
            <label for={id}>
                <span class="value-label">{ props.label.clone() }</span>
                // The word is hidden text, not an `aria-label` (which ARIA does not allow on a
                // plain span): a keystroke changes one text node per count.
                <span class="value-count">{ props.count }<span class="visually-hidden">{ " results" }</span></span>
            </label>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct YearRangeProps {
    pub years: Vec<(i32, usize)>,
}

/// Two selects for the first and last year, with a small bar per year showing how many facts
/// it holds under the other filters. The years are the catalog's whole span, so typing changes
/// only bar heights, never the options or the axis.
#[function_component(YearRange)]
pub fn year_range(props: &YearRangeProps) -> Html {
    let nav = use_nav();
    let chosen = nav.state.route.filters.years;
    let mut years: Vec<i32> = props.years.iter().map(|(y, _)| *y).collect();
    if let Some((a, b)) = chosen {
        years.push(a);
        years.push(b);
    }
    let mut years = crate::core::order::sort_by(years, &|a: &i32, b| a.cmp(b));
    years.dedup();
    if years.is_empty() {
        return html! {};
    }
    let (lo, hi) = (years[0], years[years.len() - 1]);
    let (from, to) = chosen.unwrap_or((lo, hi));
    let max = props
        .years
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(1)
        .max(1);
    // Bars as SVG shapes (no style attributes, so the CSP can forbid inline styles).
    let n = props.years.len().max(1) as f64;
    let bars = props.years.iter().enumerate().map(|(i, (y, count))| {
        let inside = *y >= from && *y <= to;
        // A year with no facts keeps its slot with no bar, so the axis does not move.
        let h = if *count == 0 { 0.0 } else { (*count as f64 * 34.0 / max as f64).max(2.0) };
        html! {
            <rect class={classes!("bar", inside.then_some("in"))} x={crate::core::order::px(i as f64 * 10.0 + 1.0)} y={crate::core::order::px(36.0 - h)}
                width="8" height={crate::core::order::px(h)}><title>{ format!("{y}: {count}") }</title></rect>
        }
    });
    html! {
        <fieldset class="facet years">
            <legend>{ Dim::Year.label() }</legend>
            if chosen.is_some() {
                <Link class="clear" action={Action::Years(None)} label="Clear years">{ "Clear" }</Link>
            }
            <svg class="histogram" viewBox={format!("0 0 {} 36", crate::core::order::px(n * 10.0))} preserveAspectRatio="none" aria-hidden="true">
                // A baseline, so a run of years with no facts reads as empty rather than absent.
                <rect class="axis" x="0" y="35" width={crate::core::order::px(n * 10.0)} height="1" />
                { for bars }
            </svg>
            <YearSelects {years} {from} {to} {lo} {hi} />
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct YearSelectsProps {
    /// The years to choose from: the catalog's span (and a chosen year outside it).
    years: Vec<i32>,
    from: i32,
    to: i32,
    /// The span's ends: choosing them both is no filter at all.
    lo: i32,
    hi: i32,
}

/// The first and last year. Its props hold no counts, so typing does not redraw its options.
#[function_component(YearSelects)]
fn year_selects(props: &YearSelectsProps) -> Html {
    let dispatch = use_dispatch();
    let &YearSelectsProps {
        from, to, lo, hi, ..
    } = props;
    let select = |id: &'static str, label: &'static str, value: i32, is_from: bool| {
        let d = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = el.value().parse::<i32>() {
                let (a, b) = if is_from { (y, to) } else { (from, y) };
                d.emit(Action::Years(if (a.min(b), a.max(b)) == (lo, hi) {
                    None
                } else {
                    Some((a, b))
                }));
            }
        });
        html! {
            <label class="year-select" for={id}>{ label }
                <select {id} {onchange}>
                    { for props.years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == value}>{ y }</option> }) }
                </select>
            </label>
        }
    };
    html! {
        <div class="year-selects">
            { select("year-from", "From", from, true) }
            { select("year-to", "To", to, false) }
        </div>
    }
}

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
            if v.facts > 0 { { exports(v, nav.env.catalog.data) } }
            { body }
            if more > 0 {
                <button type="button" class="show-more" onclick={nav.dispatch.reform(|_: MouseEvent| Action::ShowMore)}>
                    { format!("Show more ({more} more)") }
                </button>
            }
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
/// asked for (`core::export`), saved through a Blob URL.
fn exports(view: &Rc<ResultsView>, data: &'static crate::core::model::Dataset) -> Html {
    let n = view.facts;
    let save = |ext: &'static str| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let facts = export::facts_of(data, &view.records);
            let (text, mime) = match ext {
                "csv" => (export::csv(data, &facts), "text/csv;charset=utf-8"),
                _ => (export::json(data, &facts), "application/json"),
            };
            crate::web::download(&format!("sco-explorer-facts.{ext}"), mime, &text);
        })
    };
    html! {
        <p class="exports">
            { if n == 1 { "Download this fact: ".to_string() } else { format!("Download these {n} facts: ") } }
            <button type="button" class="link-button" onclick={save("csv")}>{ "CSV" }</button>
            { " \u{b7} " }
            <button type="button" class="link-button" onclick={save("json")}>{ "JSON" }</button>
        </p>
    }
}

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
