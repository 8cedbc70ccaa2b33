//! One chart's SVG: axis, lane names, marks and the tooltip, drawn from a core `Layout`.

use crate::core::order::px;
use crate::core::state::Action;
use crate::core::timeline::{self, LabelAt, Layout, Mark, OPEN_PX, TIP_LINE};
use crate::ui::common::{Nav, use_nav};
use std::rc::Rc;
use yew::prelude::*;

/// Which of the two charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Membership,
    Events,
}

impl ChartKind {
    fn class(self) -> &'static str {
        match self {
            ChartKind::Membership => "membership",
            ChartKind::Events => "events",
        }
    }

    fn title(self) -> &'static str {
        match self {
            ChartKind::Membership => "Membership lanes",
            ChartKind::Events => "Event lanes",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub kind: ChartKind,
    pub layout: Rc<Layout>,
    /// CSS pixels per layout unit (`Env::em`).
    pub em: f64,
    /// The mark whose tooltip shows.
    pub hovered: Option<usize>,
    /// Reports which mark (of this chart) is hovered or focused, or none.
    pub on_hover: Callback<Option<(ChartKind, usize)>>,
}

#[function_component(ChartSvg)]
pub fn chart_svg(props: &ChartProps) -> Html {
    let nav = use_nav();
    let lay = &props.layout;
    let selected = nav.state.route.card.as_deref();
    let hovered = props.hovered.and_then(|i| lay.marks.get(i));
    let kind = props.kind;
    html! {
        <div class="chart-wrap">
            <svg class={classes!("chart", props.kind.class())}
                width={px(lay.width * props.em)} height={px(lay.height * props.em)}
                viewBox={format!("0 0 {} {}", px(lay.width), px(lay.height))} role="group" aria-label={props.kind.title()}>
                { axis(lay) }
                { for lay.lanes.iter().enumerate().map(|(i, l)| lane_label(l, i, lay)) }
                if let Some(x) = lay.horizon_x {
                    <line class="horizon" x1={px(x)} x2={px(x)} y1={px(timeline::AXIS_H)} y2={px(lay.height)} />
                }
                { for lay.marks.iter().enumerate().map(|(i, m)| {
                    let hover = props.on_hover.reform(move |on: bool| on.then_some((kind, i)));
                    mark(m, selected == Some(m.card.as_str()), &nav, hover)
                }) }
                if let Some(m) = hovered { { tooltip(m, lay) } }
            </svg>
            if lay.lanes.is_empty() {
                <p class="chart-empty">{ "Nothing to show here for this search and these filters." }</p>
            }
        </div>
    }
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
    html! {
        <g class={classes!("lane", (i % 2 == 1).then_some("odd"))}>
            // A shortened name is whole in the lane's tooltip.
            if let Some(full) = &l.full { <title>{ full.clone() }</title> }
            <rect class="lane-bg" x="0" y={px(l.y)} width={px(lay.width)} height={px(l.h)} />
            <text class="lane-name" x="8" y={px(l.y + 16.0)}>{ l.label.clone() }</text>
            if let Some(n) = &l.note {
                <text class="lane-note" x="8" y={px(l.y + 30.0)}>{ n.clone() }</text>
            }
        </g>
    }
}

/// The hovered or focused mark's name in a box near it, drawn in the SVG itself.
fn tooltip(m: &Mark, lay: &Layout) -> Html {
    let t = timeline::tooltip(m, lay);
    let last = t.lines.len() - 1;
    html! {
        <g class="tooltip" role="tooltip" transform={format!("translate({} {})", px(t.x), px(t.y))}>
            <rect width={px(t.w)} height={px(t.h)} rx="6" />
            <text>
                { for t.lines.into_iter().enumerate().map(|(i, l)| html! {
                    <tspan x="8" y={px(18.0 + i as f64 * TIP_LINE)} class={classes!((i == last && t.hint).then_some("tip-hint"))}>{ l }</tspan>
                }) }
            </text>
        </g>
    }
}

/// A mark is a real link to the state it leads to: its card over the current view and
/// filters, or, for a cluster, the timeline zoomed to it. A plain click is handled in the app;
/// a modified click (new tab, new window) follows the href.
fn mark(m: &Mark, selected: bool, nav: &Nav, hover: Callback<bool>) -> Html {
    let cluster = m.is_cluster();
    let action = if cluster {
        Action::Timeline(Some(m.zoom_range()))
    } else {
        Action::OpenCard(m.card.clone())
    };
    let href = nav.href(&action);
    // Embedded, a card's mark opens the full explorer in a new tab (a cluster still zooms).
    let leaves = nav.env.embed && !cluster;
    let onclick = {
        let d = nav.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let plain =
                e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key());
            if plain && !leaves {
                e.prevent_default();
                d.emit(action.clone());
            }
        })
    };
    let class = classes!(
        "mark",
        m.status.slug(),
        m.class,
        m.inferred.then_some("inferred"),
        cluster.then_some("cluster"),
        selected.then_some("selected"),
        m.disputed.then_some("disputed"),
    );
    // A revised fact's earlier date: a faint outline tied to the mark by a dotted line.
    let ghost = m.ghost.map(|(gx, gw)| {
        let (cy, to) = (m.y + m.h / 2.0, if gx + gw < m.x { m.x } else { m.x + m.w });
        let from = if gx + gw < m.x { gx + gw } else { gx };
        html! {
            <g class="ghost" aria-hidden="true">
                <line class="ghost-link" x1={px(from)} x2={px(to)} y1={px(cy)} y2={px(cy)} />
                <rect class="ghost-shape" x={px(gx)} y={px(m.y)} width={px(gw)} height={px(m.h)} rx="3" />
            </g>
        }
    });
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
    let label = m.label.clone();
    let (label_x, anchor) = m.label_anchor();
    // The label is a sibling of the link, not its content: the link's name is the full
    // description, and a shortened label inside it would not match that name.
    html! {
        <>
            if let Some(g) = ghost { { g } }
            <a {href} class={class} aria-label={m.name.clone()} aria-current={selected.then_some("true")}
                target={leaves.then_some("_blank")} rel={leaves.then_some("noopener")}
                {onclick} onfocus={hover.reform(|_: FocusEvent| true)} onblur={hover.reform(|_: FocusEvent| false)}
                onmouseenter={hover.reform(|_: MouseEvent| true)} onmouseleave={hover.reform(|_: MouseEvent| false)}>
                if m.open_start { { fade(m.x - OPEN_PX, "url(#fade-in)") } }
                { shape }
                if m.open_end { { fade(m.x + m.w, "url(#fade-out)") } }
            </a>
            if let Some(text) = label {
                <text aria-hidden="true" class={classes!("mark-label", (m.label_at == LabelAt::Inside).then_some(["inside", m.status.slug()]), m.inferred.then_some("inferred"))}
                    x={px(label_x)} y={px(m.y + m.h - 4.0)} text-anchor={anchor}>{ text }</text>
            }
        </>
    }
}
