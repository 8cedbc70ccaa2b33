//! The filters beside the results: a group per facet with each value's count, counted once
//! typing pauses (`use_counts`), and the chips of the active ones.

use super::years::YearRange;
use crate::core::catalog::Catalog;
use crate::core::facets::Dim;
use crate::core::state::Action;
use crate::core::view::{self, FacetCounts, ResultsView};
use crate::ui::common::{Link, use_dispatch, use_nav};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

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
