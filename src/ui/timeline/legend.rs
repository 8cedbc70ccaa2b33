//! What the timeline's shapes and colours mean, and the SVG masks its faded edges use.

use crate::core::model::{Standing, Status};
use crate::core::timeline::standing_class;
use yew::prelude::*;

/// A status in the legend: the model's word, and for a plan, that it is as of its document.
fn status_words(s: Status) -> String {
    match s {
        Status::Happened => s.label().to_string(),
        _ => format!("{}, as of its document", s.label()),
    }
}

/// What the shapes and colours mean (a function: it has no state or props).
pub fn legend() -> Html {
    let swatch = |class: Classes, text: String| {
        html! {
            <li>
                <svg width="28" height="14" aria-hidden="true"><g class={classes!("mark", class)}><rect class="shape" x="1" y="1" width="26" height="12" rx="3" /></g></svg>
                { text }
            </li>
        }
    };
    html! {
        <div class="legend">
            <h3 class="visually-hidden">{ "Legend" }</h3>
            <ul aria-label="Statuses">
                // The model's words for each status and standing, as the cards and table say them.
                { for Status::ALL.into_iter().map(|s| swatch(classes!(s.slug()), status_words(s))) }
                <li><span class="legend-sym">{ "\u{2248}" }</span>{ " date inferred (reason on the card)" }</li>
                <li><span class="legend-fade" aria-hidden="true"></span>{ " start or end given by no document" }</li>
                <li><span class="legend-horizon" aria-hidden="true"></span>{ " latest date the documents speak of" }</li>
                <li>
                    <svg width="28" height="14" aria-hidden="true"><g class="ghost"><rect class="ghost-shape" x="1" y="1" width="26" height="12" rx="3" /></g></svg>
                    { " an earlier source's date (revised)" }
                </li>
                <li>
                    <svg width="28" height="14" aria-hidden="true"><g class="mark happened disputed"><rect class="shape" x="1" y="1" width="26" height="12" rx="3" /></g></svg>
                    { " sources disagree on the date (spans every value)" }
                </li>
            </ul>
            <ul aria-label="Standings">
                { for Standing::ALL.into_iter().map(|s| swatch(classes!("happened", standing_class(s)), s.label().to_string())) }
            </ul>
            <svg width="0" height="0" aria-hidden="true" class="defs">
                <defs>
                    <linearGradient id="g-in" x1="0" x2="1"><stop offset="0" stop-color="#fff" stop-opacity="0" /><stop offset="1" stop-color="#fff" stop-opacity="0.9" /></linearGradient>
                    <linearGradient id="g-out" x1="0" x2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.9" /><stop offset="1" stop-color="#fff" stop-opacity="0" /></linearGradient>
                    <mask id="fade-in" maskContentUnits="objectBoundingBox"><rect width="1" height="1" fill="url(#g-in)" /></mask>
                    <mask id="fade-out" maskContentUnits="objectBoundingBox"><rect width="1" height="1" fill="url(#g-out)" /></mask>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch-bg" width="6" height="6" />
                        <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
                    </pattern>
                </defs>
            </svg>
        </div>
    }
}
