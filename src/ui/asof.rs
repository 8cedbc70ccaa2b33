//! "The sources as of a date": the control (a date field and steps at each document's date)
//! and, while a past date is shown, the banner that says so with the way back to today. What
//! the sources said then is the core's (`core::asof`); this only picks the day.

use super::common::{Link, use_nav};
use crate::core::model::day_words;
use crate::core::model::{iso_day as day_iso, parse_iso_day as parse_day};
use crate::core::state::Action;
use crate::core::view;
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
    // Whether the field has committed a day since it took focus: later days adjust in place.
    let adjusting = use_mut_ref(|| false);
    // Whether the user just acted in this control, so focus lost with what they pressed (the
    // "Back to today" link goes with the banner) comes back to the control.
    let acted = use_mut_ref(|| false);
    {
        let acted = acted.clone();
        use_effect_with(day, move |d| {
            if std::mem::take(&mut *acted.borrow_mut()) {
                let to = if d.is_some() {
                    "asof-date"
                } else {
                    "asof-summary"
                };
                crate::web::after_paint(move || {
                    crate::web::focus_if_lost(to);
                });
            }
        });
    }
    let steps = &props.steps;
    // Steps are relative to the day shown; today is after every document.
    let earlier = match day {
        Some(d) => steps.iter().rev().find(|&&s| s < d).copied(),
        None => steps.last().copied(),
    };
    let later = day.and_then(|d| steps.iter().find(|&&s| s > d).copied());
    let (min, max) = (steps.first().copied(), steps.last().copied());
    // A day is committed only when the field holds a whole, valid date: while a digit is
    // being typed the field's value is empty (or a year such as 0002), and that is not a
    // wish to go back to today. Clearing the field commits nothing either; "Back to today"
    // is the way back.
    let onchange = {
        let dispatch = nav.dispatch.clone();
        let adjusting = adjusting.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let Some(d) = parse_day(&value) else { return };
            if std::mem::replace(&mut *adjusting.borrow_mut(), true) {
                dispatch.emit(Action::AdjustAsOf(d));
            } else {
                dispatch.emit(Action::AsOf(Some(d)));
            }
        })
    };
    let onblur = Callback::from(move |_: FocusEvent| *adjusting.borrow_mut() = false);
    let onclick = Callback::from(move |_: MouseEvent| *acted.borrow_mut() = true);
    let step = |target: Option<i32>, id: &'static str, label: &'static str, text: &'static str| {
        html! {
            <Link class="asof-step" id={id} action={Action::AsOf(target)} disabled={target.is_none()}
                label={target.map(|d| AttrValue::from(format!("{label}: {}", day_words(d))))}>{ text }</Link>
        }
    };
    // One structure for today and the past, so the field and the steps stay the same elements
    // (and keep focus) when the day changes: the banner comes and goes above the control.
    let banner = match day {
        Some(d) => html! {
            <p role="status">
                <strong>{ "Historical view: " }</strong>
                { format!("{}. Nothing a later document says is shown. ", view::historical(d, props.written)) }
                <Link class="asof-today" action={Action::AsOf(None)}>{ "Back to today" }</Link>
            </p>
        },
        None => html! {},
    };
    html! {
        <section class={classes!("asof", day.is_some().then_some("asof-banner"))}
            aria-label={day.map(|_| "Historical view")} {onclick}>
            { banner }
            <details class="asof-pick" open={day.is_some()}>
                <summary id="asof-summary">{ if day.is_some() { "Change the date" } else { "See the sources as of a past date" } }</summary>
                <div class="asof-control">
                    <label for="asof-date">{ "Sources as of" }</label>
                    <input type="date" id="asof-date" value={day.map(day_iso).unwrap_or_default()}
                        min={min.map(day_iso)} max={max.map(day_iso)} {onchange} {onblur} />
                    { step(earlier, "asof-earlier", "Earlier document's date", "\u{2190} Earlier document") }
                    { step(later, "asof-later", "Later document's date", "Later document \u{2192}") }
                </div>
            </details>
        </section>
    }
}
