//! The membership and event timelines: turns core layouts into SVG and gestures into viewport
//! changes. Geometry, culling and clustering happen in `core::timeline`; this file only draws
//! and listens.

use super::common::{Link, use_nav};
use crate::core::order::px;
use crate::core::route::View;
use crate::core::state::Action;
use crate::core::timeline::{self, Chart, LabelAt, Layout, Mark, OPEN_PX, Viewport};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub chart: Rc<Chart>,
}

/// A gesture in progress: pointers down and where they started.
#[derive(Default)]
struct Gesture {
    /// (pointer id, x now) and (pointer id, x at the start), for the one or two pointers down.
    pointers: Vec<(i32, f64)>,
    start: Vec<(i32, f64)>,
    view: Option<Viewport>,
    moved: bool,
}

fn put(list: &mut Vec<(i32, f64)>, id: i32, x: f64) {
    match list.iter_mut().find(|p| p.0 == id) {
        Some(p) => p.1 = x,
        None => list.push((id, x)),
    }
}

fn at(list: &[(i32, f64)], id: i32) -> f64 {
    list.iter().find(|p| p.0 == id).map_or(0.0, |p| p.1)
}

#[function_component(Timeline)]
pub fn timeline_view(props: &TimelineProps) -> Html {
    let nav = use_nav();
    let chart = &props.chart;
    let width = use_state(|| web::element_width("tl-frame").unwrap_or(960.0));
    // Labels are fitted with the width this browser's font really has.
    let char_w = use_state(|| web::label_char_width().unwrap_or(timeline::CHAR_W));
    // The viewport while a gesture runs; written to the URL when it settles.
    let live = use_state(|| None::<Viewport>);
    let gesture = use_mut_ref(Gesture::default);
    let settle = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let hover = use_state(|| None::<(bool, usize)>);

    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(w) = web::element_width("tl-frame") {
                    width.set(w);
                }
            };
            measure();
            let listener = web::on_resize(measure);
            move || drop(listener)
        });
    }

    let fitted = timeline::fit(chart);
    let view = (*live)
        .or(nav.state.route.timeline.map(Viewport::from_range))
        .unwrap_or(fitted);
    let w = *width;
    let members = timeline::layout(&chart.membership, view, w, chart.horizon, *char_w);
    let events = timeline::layout(&chart.events, view, w, chart.horizon, *char_w);
    let plot_w = (w - members.plot_x - 8.0).max(40.0);

    let commit = {
        let d = nav.dispatch.clone();
        let live = live.clone();
        Rc::new(move |v: Viewport| {
            live.set(None);
            d.emit(Action::Timeline(Some(v.range())));
        })
    };
    // Shows `v` now and writes it to the URL once the gesture pauses.
    let preview = {
        let live = live.clone();
        let settle = settle.clone();
        let commit = commit.clone();
        Rc::new(move |v: Viewport| {
            live.set(Some(v));
            let commit = commit.clone();
            *settle.borrow_mut() =
                Some(gloo::timers::callback::Timeout::new(300, move || commit(v)));
        })
    };
    let anchor_of = {
        let plot_x = members.plot_x;
        move |client_x: f64| {
            ((client_x - web::element_left("tl-frame").unwrap_or(0.0) - plot_x) / plot_w)
                .clamp(0.0, 1.0)
        }
    };

    let onwheel = {
        let preview = preview.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let dx = e.delta_x();
            let dy = e.delta_y();
            if e.shift_key() || dx.abs() > dy.abs() {
                let d = if dx.abs() > dy.abs() { dx } else { dy };
                preview(view.pan(d / plot_w));
            } else {
                // A pinch on a touchpad arrives as a wheel with Ctrl held; both zoom.
                let factor = (-dy * if e.ctrl_key() { 0.01 } else { 0.0025 }).exp();
                preview(view.zoom(factor, anchor_of(f64::from(e.client_x()))));
            }
        })
    };
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            put(&mut g.pointers, e.pointer_id(), f64::from(e.client_x()));
            put(&mut g.start, e.pointer_id(), f64::from(e.client_x()));
            g.view = Some(view);
            g.moved = false;
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let live = live.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(start_view) = g.view else { return };
            if !g.pointers.iter().any(|p| p.0 == e.pointer_id()) {
                return;
            }
            put(&mut g.pointers, e.pointer_id(), f64::from(e.client_x()));
            let ids: Vec<i32> = g.pointers.iter().map(|p| p.0).collect();
            if ids.len() >= 2 {
                // Pinch: the spread of two pointers now against when they went down.
                let (a, b) = (ids[0], ids[1]);
                let now = (at(&g.pointers, a) - at(&g.pointers, b)).abs().max(1.0);
                let then = (at(&g.start, a) - at(&g.start, b)).abs().max(1.0);
                let mid = (at(&g.pointers, a) + at(&g.pointers, b)) / 2.0;
                g.moved = true;
                live.set(Some(start_view.zoom(now / then, anchor_of(mid))));
            } else {
                let dx = at(&g.pointers, e.pointer_id()) - at(&g.start, e.pointer_id());
                if dx.abs() > 4.0 || g.moved {
                    if !g.moved {
                        web::capture_pointer("tl-frame", e.pointer_id());
                    }
                    g.moved = true;
                    live.set(Some(start_view.pan(-dx / plot_w)));
                }
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        let live = live.clone();
        let commit = commit.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|p| p.0 != e.pointer_id());
            g.start.retain(|p| p.0 != e.pointer_id());
            if g.pointers.is_empty() {
                g.view = None;
                if g.moved
                    && let Some(v) = *live
                {
                    commit(v);
                }
            }
        })
    };
    let onclickcapture = {
        let gesture = gesture.clone();
        Callback::from(move |e: MouseEvent| {
            // The click that ends a drag is not a click on a mark.
            if gesture.borrow().moved {
                e.prevent_default();
                e.stop_propagation();
                gesture.borrow_mut().moved = false;
            }
        })
    };
    let onkeydown = {
        let commit = commit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let next = match e.key().as_str() {
                "ArrowLeft" => Some(view.pan(-0.1)),
                "ArrowRight" => Some(view.pan(0.1)),
                "+" | "=" => Some(view.zoom(1.5, 0.5)),
                "-" | "_" => Some(view.zoom(1.0 / 1.5, 0.5)),
                "0" | "Home" => Some(fitted),
                _ => None,
            };
            if let Some(v) = next {
                e.prevent_default();
                commit(v);
            }
        })
    };
    let button = |label: &'static str, text: &'static str, v: Viewport| {
        let commit = commit.clone();
        html! { <button type="button" aria-label={label} onclick={Callback::from(move |_: MouseEvent| commit(v))}>{ text }</button> }
    };
    let (y0, _, _) = crate::core::model::civil_from_days(view.start as i32);
    let (y1, _, _) = crate::core::model::civil_from_days(view.end as i32);

    let selected = nav.state.route.card.clone();
    let chart_svg = |lay: &Layout, which: bool, title: &'static str| {
        let hovered = (*hover)
            .filter(|(w, _)| *w == which)
            .and_then(|(_, i)| lay.marks.get(i))
            .cloned();
        html! {
            <div class="chart-wrap">
                <svg class={classes!("chart", if which { "events" } else { "membership" })}
                    width={px(lay.width)} height={px(lay.height)}
                    viewBox={format!("0 0 {} {}", px(lay.width), px(lay.height))} role="group" aria-label={title}>
                    { axis(lay) }
                    { for lay.lanes.iter().enumerate().map(|(i, l)| lane_label(l, i, lay)) }
                    if let Some(x) = lay.horizon_x {
                        <line class="horizon" x1={px(x)} x2={px(x)} y1={px(timeline::AXIS_H)} y2={px(lay.height)} />
                    }
                    { for lay.marks.iter().enumerate().map(|(i, m)| mark(m, i, which, selected.as_deref() == Some(m.card.as_str()), &nav.dispatch, &hover)) }
                    if let Some(m) = hovered { { tooltip(&m, lay) } }
                </svg>
                if lay.lanes.is_empty() {
                    <p class="chart-empty">{ "Nothing to show here for this search and these filters." }</p>
                }
            </div>
        }
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
            <div id="tl-frame" class="timeline-frame" tabindex="0" role="group"
                aria-label="Timeline. Arrow keys pan, plus and minus zoom, 0 fits all; Tab moves between events."
                {onwheel} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
                onclick={onclickcapture} {onkeydown}>
                <h3>{ "Membership and standing" }</h3>
                { chart_svg(&members, false, "Membership lanes") }
                <h3>{ "Exercises, meetings and other events" }</h3>
                { chart_svg(&events, true, "Event lanes") }
            </div>
            <Legend />
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

/// The hovered or focused mark's name in a box near it, drawn in the SVG itself.
fn tooltip(m: &Mark, lay: &Layout) -> Html {
    let mut lines = wrap(&m.name, 44);
    if m.count == 1 {
        lines.push("Click or press Enter to open".to_string());
    }
    let w = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * 6.6 + 16.0;
    let h = lines.len() as f64 * 16.0 + 10.0;
    let x =
        m.x.min(lay.width - w - 4.0)
            .max(lay.plot_x.min(lay.width - w - 4.0))
            .max(2.0);
    let below = m.y + m.h + 6.0;
    let y = if below + h <= lay.height {
        below
    } else {
        (m.y - h - 6.0).max(2.0)
    };
    let last = lines.len() - 1;
    html! {
        <g class="tooltip" role="tooltip" transform={format!("translate({} {})", px(x), px(y))}>
            <rect width={px(w)} height={px(h)} rx="6" />
            <text>
                { for lines.into_iter().enumerate().map(|(i, l)| html! {
                    <tspan x="8" y={px(18.0 + i as f64 * 16.0)} class={classes!((i == last && m.count == 1).then_some("tip-hint"))}>{ l }</tspan>
                }) }
            </text>
        </g>
    }
}

/// Splits text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

fn axis(lay: &Layout) -> Html {
    html! {
        <g class="axis" aria-hidden="true">
            { for lay.ticks.iter().map(|t| html! {
                <>
                    <line class={classes!("grid", t.major.then_some("major"))} x1={px(t.x)} x2={px(t.x)}
                        y1={px(timeline::AXIS_H - 6.0)} y2={px(lay.height)} />
                    <text x={px(t.x + 3.0)} y="16">{ t.label.clone() }</text>
                </>
            }) }
        </g>
    }
}

fn lane_label(l: &timeline::LaneBox, i: usize, lay: &Layout) -> Html {
    let name = html! {
        <text class="lane-name" x="8" y={px(l.y + 16.0)}>{ shorten(&l.label, ((lay.plot_x - 14.0) / lay.char_w) as usize) }</text>
    };
    html! {
        <g class={classes!("lane", (i % 2 == 1).then_some("odd"))}>
            <rect class="lane-bg" x="0" y={px(l.y)} width={px(lay.width)} height={px(l.h)} />
            { name }
            if let Some(n) = &l.note {
                <text class="lane-note" x="8" y={px(l.y + 30.0)}>{ n.clone() }</text>
            }
        </g>
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max.max(4) {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.max(4) - 1).collect();
    out.push('\u{2026}');
    out
}

fn mark(
    m: &Mark,
    i: usize,
    which: bool,
    selected: bool,
    dispatch: &Callback<Action>,
    hover: &UseStateHandle<Option<(bool, usize)>>,
) -> Html {
    let cluster = m.count > 1;
    let action = if cluster {
        let pad = (m.span.1 - m.span.0) * 0.1 + 7.0;
        Action::Timeline(Some(((m.span.0 - pad) as i32, (m.span.1 + pad) as i32)))
    } else {
        Action::OpenCard(m.card.clone())
    };
    let href = if cluster {
        "#".to_string()
    } else {
        format!("#card={}", m.card)
    };
    let onclick = {
        let d = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                d.emit(action.clone());
            }
        })
    };
    let enter = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(Some((which, i))))
    };
    let over = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(Some((which, i))))
    };
    let out = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let blur = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(None))
    };
    let class = classes!(
        "mark",
        m.look.class(),
        m.class,
        m.inferred.then_some("inferred"),
        cluster.then_some("cluster"),
        selected.then_some("selected"),
    );
    let shape = if m.point && !cluster {
        let (cx, cy, r) = (m.x + m.w / 2.0, m.y + m.h / 2.0, m.h / 2.0);
        html! { <path class="shape" d={format!("M{} {}L{} {}L{} {}L{} {}Z", px(cx), px(cy - r), px(cx + r), px(cy), px(cx), px(cy + r), px(cx - r), px(cy))} /> }
    } else {
        html! { <rect class="shape" x={px(m.x)} y={px(m.y)} width={px(m.w)} height={px(m.h)} rx="3" /> }
    };
    // An unknown start or end fades out beyond the dated part instead of stopping at a date.
    let fade = |x: f64, mask: &'static str| {
        html! { <rect class="shape fade" x={px(x)} y={px(m.y)} width={px(OPEN_PX)} height={px(m.h)} mask={mask} /> }
    };
    let (fade_l, fade_r) = (
        if m.open_start { OPEN_PX } else { 0.0 },
        if m.open_end { OPEN_PX } else { 0.0 },
    );
    let label = m.label.as_ref().map(|l| {
        if m.inferred && !cluster {
            format!("\u{2248} {l}")
        } else {
            l.clone()
        }
    });
    let (label_x, anchor) = match m.label_at {
        LabelAt::Right => (m.x + m.w + fade_r + 4.0, "start"),
        LabelAt::Inside => (m.x + 4.0, "start"),
        LabelAt::Left => (m.x - fade_l - 4.0, "end"),
    };
    // The label is a sibling of the link, not its content: the link's name is the full
    // description, and a shortened label inside it would not match that name.
    html! {
        <>
            <a {href} class={class} aria-label={m.name.clone()} aria-current={selected.then_some("true")}
                {onclick} onfocus={enter} onblur={blur} onmouseenter={over} onmouseleave={out}>
                if m.open_start { { fade(m.x - OPEN_PX, "url(#fade-in)") } }
                { shape }
                if m.open_end { { fade(m.x + m.w, "url(#fade-out)") } }
            </a>
            if let Some(text) = label {
                <text aria-hidden="true" class={classes!("mark-label", (m.label_at == LabelAt::Inside).then_some("inside"), m.inferred.then_some("inferred"))}
                    x={px(label_x)} y={px(m.y + m.h - 4.0)} text-anchor={anchor}>{ text }</text>
            }
        </>
    }
}

/// What the shapes and colours mean.
#[function_component(Legend)]
fn legend() -> Html {
    let swatch = |class: &'static str, text: &'static str| {
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
                { swatch("happened", "Held / happened") }
                { swatch("planned", "Planned, as of its document") }
                { swatch("intended", "Intended") }
                { swatch("in-progress", "In progress") }
                <li><span class="legend-sym">{ "\u{2248}" }</span>{ " date inferred (reason on the card)" }</li>
                <li><span class="legend-fade" aria-hidden="true"></span>{ " start or end given by no document" }</li>
                <li><span class="legend-horizon" aria-hidden="true"></span>{ " latest date the documents speak of" }</li>
            </ul>
            <ul aria-label="Standings">
                { swatch("happened full-member", "Full member") }
                { swatch("happened observer", "Observer") }
                { swatch("happened agreement-party", "Party to the Agreement on Joint Military Exercises") }
                { swatch("happened accession", "Accession to the Agreement in progress") }
                { swatch("happened presidency", "SCO presidency") }
            </ul>
            <svg width="0" height="0" aria-hidden="true" class="defs">
                <defs>
                    <linearGradient id="g-in" x1="0" x2="1"><stop offset="0" stop-color="#fff" stop-opacity="0" /><stop offset="1" stop-color="#fff" stop-opacity="0.9" /></linearGradient>
                    <linearGradient id="g-out" x1="0" x2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.9" /><stop offset="1" stop-color="#fff" stop-opacity="0" /></linearGradient>
                    <mask id="fade-in" maskContentUnits="objectBoundingBox"><rect width="1" height="1" fill="url(#g-in)" /></mask>
                    <mask id="fade-out" maskContentUnits="objectBoundingBox"><rect width="1" height="1" fill="url(#g-out)" /></mask>
                </defs>
            </svg>
        </div>
    }
}

/// The timelines' data as tables, by year: for screen readers, printing and copying.
#[function_component(TableView)]
pub fn table_view(props: &TimelineProps) -> Html {
    let data = crate::data::catalog().data;
    let (years, members) = timeline::table(data, &props.chart);
    html! {
        <section class="table-view" aria-labelledby="table-heading">
            <div class="timeline-head">
                <h2 id="table-heading">{ "Timeline as a table" }</h2>
                <Link class="table-link" action={Action::SetView(View::Timeline)}>{ "Chart view" }</Link>
            </div>
            // Wide tables scroll inside their own focusable region, never the page.
            <div class="table-wrap" role="region" aria-labelledby="members-caption" tabindex="0">
            <table class="data-table">
                <caption id="members-caption">{ "Membership and standing" }</caption>
                <thead><tr><th scope="col">{ "State or organisation" }</th><th scope="col">{ "Standing" }</th><th scope="col">{ "From" }</th><th scope="col">{ "To" }</th></tr></thead>
                <tbody>
                    { for members.iter().map(|(who, standing, from, to)| html! {
                        <tr><th scope="row">{ who.clone() }</th><td>{ standing.clone() }</td><td>{ from.clone() }</td><td>{ to.clone() }</td></tr>
                    }) }
                </tbody>
            </table>
            </div>
            <div class="table-wrap" role="region" aria-labelledby="events-caption" tabindex="0">
            <table class="data-table">
                <caption id="events-caption">{ "Events by year" }</caption>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Event" }</th><th scope="col">{ "Lane" }</th><th scope="col">{ "Status" }</th></tr></thead>
                { for years.iter().map(|(year, rows)| html! {
                    <tbody>
                        <tr class="year-row"><th scope="rowgroup" colspan="4">{ year.clone() }</th></tr>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <td>{ r.date.clone() }
                                    if let Some(why) = &r.inferred { <span class="inferred-mark" title={why.clone()}>{ " (inferred)" }</span> }
                                </td>
                                <th scope="row"><Link action={Action::OpenCard(r.card.clone())}>{ r.title.clone() }</Link></th>
                                <td>{ r.lane.clone() }</td>
                                <td>{ r.status }</td>
                            </tr>
                        }) }
                    </tbody>
                }) }
            </table>
            </div>
        </section>
    }
}
