//! The timeline screen: the membership and event charts over one time axis, their toolbar, the
//! legend and the undated facts; and its table view. Geometry, culling and clustering happen
//! in `core::timeline`; `chart` draws a layout, `gestures` turns input into viewports.

mod chart;
mod gestures;
mod legend;
mod table;

pub use table::TableView;

use super::common::{Link, use_nav};
use crate::core::route::View;
use crate::core::state::Action;
use crate::core::timeline::{self, Chart, Viewport};
use crate::web;
use chart::{ChartKind, ChartSvg};
use gestures::use_chart_gestures;
use legend::legend;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub chart: Rc<Chart>,
}

const FRAME: &str = "tl-frame";

/// The frame's width: as first measured (`Env`), then on every resize.
#[hook]
fn use_frame_width() -> f64 {
    let first = use_nav().env.frame_width;
    let width = use_state(|| first);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(w) = web::element_width(FRAME) {
                    width.set(w);
                }
            };
            measure();
            let listener = web::on_resize(measure);
            move || drop(listener)
        });
    }
    *width
}

#[function_component(Timeline)]
pub fn timeline_view(props: &TimelineProps) -> Html {
    let nav = use_nav();
    let chart = &props.chart;
    let width = use_frame_width();
    // Labels are fitted with the width this browser's font really has (measured at start).
    // Laid out in units of a 16 px font, drawn `em` times larger (see `Env::em`).
    let em = nav.env.em;
    let (units, char_w) = (width / em, nav.env.char_w / em);
    let hover = use_state(|| None::<(ChartKind, usize)>);
    let fitted = timeline::fit(chart);
    let url_view = nav.state.route.timeline.map(Viewport::from_range);
    let g = use_chart_gestures(FRAME, units, em, url_view, fitted, chart.bounds);
    let view = g.view;
    let members = timeline::layout(&chart.membership, view, units, chart.horizon, char_w);
    let events = timeline::layout(&chart.events, view, units, chart.horizon, char_w);

    // A control that would not change the view (at an edge of the bounds, or fully zoomed)
    // says so; aria-disabled rather than disabled, so focus stays on it at the edge.
    let button = |label: &'static str, text: &'static str, v: Viewport| {
        let commit = g.commit.clone();
        let stuck = v.clamp(chart.bounds).same_as(view).then_some("true");
        html! { <button type="button" aria-label={label} aria-disabled={stuck} onclick={Callback::from(move |_: MouseEvent| commit(v))}>{ text }</button> }
    };
    let (y0, _, _) = crate::core::model::civil_from_days(view.start as i32);
    let (y1, _, _) = crate::core::model::civil_from_days(view.end as i32);
    let on_hover = {
        let hover = hover.clone();
        Callback::from(move |h: Option<(ChartKind, usize)>| hover.set(h))
    };
    let chart_svg = |kind: ChartKind, lay: timeline::Layout| {
        let hovered = (*hover).filter(|(k, _)| *k == kind).map(|(_, i)| i);
        html! { <ChartSvg {kind} layout={Rc::new(lay)} {em} {hovered} on_hover={on_hover.clone()} /> }
    };

    html! {
        <section class="timeline-view" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <div class="toolbar" role="toolbar" aria-label="Timeline controls">
                    { button("Zoom in", "+", view.zoom(1.5, 0.5)) }
                    { button("Zoom out", "\u{2212}", view.zoom(1.0 / 1.5, 0.5)) }
                    { button("Pan earlier", "\u{2190}", view.pan(-0.2)) }
                    { button("Pan later", "\u{2192}", view.pan(0.2)) }
                    { button("Fit all", "Fit all", fitted) }
                    <span class="range" aria-live="polite">{ if y0 == y1 { y0.to_string() } else { format!("{y0}\u{2013}{y1}") } }</span>
                    <Link class="table-link" action={Action::SetView(View::Table)}>{ "Table view" }</Link>
                </div>
            </div>
            <div id={FRAME} class="timeline-frame" tabindex="0" role="group"
                aria-label="Timeline. Arrow keys pan, plus and minus zoom, 0 fits all; Tab moves between events."
                onwheel={g.onwheel} onpointerdown={g.onpointerdown} onpointermove={g.onpointermove}
                onpointerup={g.onpointerup.clone()} onpointercancel={g.onpointerup}
                onclick={g.onclick} onkeydown={g.onkeydown}>
                <h3>{ "Membership and standing" }</h3>
                { chart_svg(ChartKind::Membership, members) }
                <h3>{ "Exercises, meetings and other events" }</h3>
                { chart_svg(ChartKind::Events, events) }
            </div>
            { legend() }
            if !chart.undated.is_empty() {
                <div class="undated">
                    <h3>{ "Undated (no document gives a date)" }</h3>
                    <ul>
                        { for chart.undated.iter().map(|(id, title)| html! { <li><Link action={Action::OpenCard(id.clone())}>{ title.clone() }</Link></li> }) }
                    </ul>
                </div>
            }
        </section>
    }
}
