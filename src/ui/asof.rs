//! "The sources as of a date": the control (a date field and steps at each document's date)
//! and, while a past date is shown, the banner that says so with the way back to today. What
//! the sources said then is the core's (`core::asof`); this only picks the day.

use super::common::{Link, use_nav};
use crate::core::model::day_words;
use crate::core::model::{iso_day as day_iso, parse_iso_day as parse_day};
use crate::core::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AsOfProps {
    /// The days the documents speak from, ascending.
    pub steps: Vec<i32>,
    /// How many documents had been written by the day shown (today: all of them).
    pub written: usize,
}

#[function_component(AsOf)]
pub fn as_of(props: &AsOfProps) -> Html {
    let nav = use_nav();
    let day = nav.state.route.asof;
    let steps = &props.steps;
    // Steps are relative to the day shown; today is after every document.
    let earlier = match day {
        Some(d) => steps.iter().rev().find(|&&s| s < d).copied(),
        None => steps.last().copied(),
    };
    let later = day.and_then(|d| steps.iter().find(|&&s| s > d).copied());
    let (min, max) = (steps.first().copied(), steps.last().copied());
    let onchange = {
        let dispatch = nav.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match (value.is_empty(), parse_day(&value)) {
                (true, _) => dispatch.emit(Action::AsOf(None)),
                (false, Some(d)) => dispatch.emit(Action::AsOf(Some(d))),
                (false, None) => {}
            }
        })
    };
    let step = |target: Option<i32>, label: &'static str, text: &'static str| match target {
        Some(d) => html! {
            <Link class="asof-step" action={Action::AsOf(Some(d))} label={AttrValue::from(format!("{label}: {}", day_words(d)))}>{ text }</Link>
        },
        None => html! { <span class="asof-step" aria-disabled="true">{ text }</span> },
    };
    let control = html! {
        <div class="asof-control">
            <label for="asof-date">{ "Sources as of" }</label>
            <input type="date" id="asof-date" value={day.map(day_iso).unwrap_or_default()}
                min={min.map(day_iso)} max={max.map(day_iso)} {onchange} />
            { step(earlier, "Earlier document's date", "\u{2190} Earlier document") }
            { step(later, "Later document's date", "Later document \u{2192}") }
        </div>
    };
    let written = props.written;
    let documents = if written == 1 {
        "document"
    } else {
        "documents"
    };
    match day {
        Some(d) => html! {
            <section class="asof-banner" role="status" aria-label="Historical view">
                <p>
                    <strong>{ "Historical view: " }</strong>
                    { format!("the sources as they stood on {}, when {written} {documents} had been written. Nothing a later document says is shown. ", day_words(d)) }
                    <Link class="asof-today" action={Action::AsOf(None)}>{ "Back to today" }</Link>
                </p>
                { control }
            </section>
        },
        None => html! {
            <details class="asof">
                <summary>{ "See the sources as of a past date" }</summary>
                { control }
            </details>
        },
    }
}
