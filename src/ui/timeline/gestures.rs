//! The chart gestures as one hook: wheel zoom and pan, drag to pan, two-pointer pinch, keys.
//! A gesture previews its viewport at once and writes it to the URL when it settles.

use crate::core::state::Action;
use crate::core::timeline::{Viewport, plot_area};
use crate::ui::common::use_nav;
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

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

/// What the timeline frame listens with, and the viewport to draw now.
pub struct Gestures {
    /// The gesture's preview while one runs, else the URL's viewport, else `fitted`; within
    /// the bounds.
    pub view: Viewport,
    /// Shows a viewport and writes it to the URL at once (buttons, keys).
    pub commit: Rc<dyn Fn(Viewport)>,
    pub onwheel: Callback<WheelEvent>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    /// The click that ends a drag is not a click on a mark.
    pub onclick: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

/// The gestures of the frame `frame_id`, whose charts are `width` pixels wide and share one
/// time axis. Every viewport shown or written is kept within `bounds`.
#[hook]
pub fn use_chart_gestures(
    frame_id: &'static str,
    width: f64,
    url_view: Option<Viewport>,
    fitted: Viewport,
    bounds: Viewport,
) -> Gestures {
    let nav = use_nav();
    let live = use_state(|| None::<Viewport>);
    let gesture = use_mut_ref(Gesture::default);
    let settle = use_mut_ref(|| None::<web::Timer>);
    let view = (*live).or(url_view).unwrap_or(fitted).clamp(bounds);
    let (plot_x, plot_w) = plot_area(width);
    let anchor_of = move |client_x: f64| {
        ((client_x - web::element_left(frame_id).unwrap_or(0.0) - plot_x) / plot_w).clamp(0.0, 1.0)
    };

    let commit: Rc<dyn Fn(Viewport)> = {
        let d = nav.dispatch.clone();
        let live = live.clone();
        Rc::new(move |v: Viewport| {
            live.set(None);
            d.emit(Action::Timeline(Some(v.clamp(bounds).range())));
        })
    };
    // Shows `v` now and writes it to the URL once the gesture pauses.
    let preview = {
        let live = live.clone();
        let commit = commit.clone();
        Rc::new(move |v: Viewport| {
            live.set(Some(v));
            let commit = commit.clone();
            *settle.borrow_mut() = Some(web::after_ms(300, move || commit(v)));
        })
    };

    let onwheel = Callback::from(move |e: WheelEvent| {
        e.prevent_default();
        let (dx, dy) = (e.delta_x(), e.delta_y());
        if e.shift_key() || dx.abs() > dy.abs() {
            let d = if dx.abs() > dy.abs() { dx } else { dy };
            preview(view.pan(d / plot_w));
        } else {
            // A pinch on a touchpad arrives as a wheel with Ctrl held; both zoom.
            let factor = (-dy * if e.ctrl_key() { 0.01 } else { 0.0025 }).exp();
            preview(view.zoom(factor, anchor_of(f64::from(e.client_x()))));
        }
    });
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
                        web::capture_pointer(frame_id, e.pointer_id());
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
    let onclick = Callback::from(move |e: MouseEvent| {
        if gesture.borrow().moved {
            e.prevent_default();
            e.stop_propagation();
            gesture.borrow_mut().moved = false;
        }
    });
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
    Gestures {
        view,
        commit,
        onwheel,
        onpointerdown,
        onpointermove,
        onpointerup,
        onclick,
        onkeydown,
    }
}
