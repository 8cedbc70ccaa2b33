//! The years filter: a bar per year of the facts the other filters leave, and the range
//! chosen with two selects.

use crate::core::facets::Dim;
use crate::core::state::Action;
use crate::ui::common::{Link, use_dispatch, use_nav};
use yew::prelude::*;

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
