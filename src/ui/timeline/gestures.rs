//! The chart gestures as one hook: wheel zoom and pan, drag to pan, two-pointer pinch, keys.
//! A gesture previews its viewport at once and writes it to the URL when it settles. The rules
//! are the core's state machine (`core::timeline::gesture`); this hook feeds it the events.

use crate::core::state::Action;
use crate::core::timeline::gesture::{self, Gesture, Moved};
use crate::core::timeline::{Viewport, plot_area};
use crate::ui::common::use_nav;
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

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

/// The gestures of the frame `frame_id`, whose charts are `width` units wide, drawn `em` CSS
/// pixels a unit, and share one time axis. Every viewport shown or written is kept within
/// `bounds`.
#[hook]
pub fn use_chart_gestures(
    frame_id: &'static str,
    width: f64,
    em: f64,
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
    let (plot_x, plot_w) = (plot_x * em, plot_w * em);
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
        let at = anchor_of(f64::from(e.client_x()));
        preview(gesture::wheel(
            view,
            e.delta_x(),
            e.delta_y(),
            e.shift_key(),
            e.ctrl_key(),
            plot_w,
            at,
        ));
    });
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() == 0 {
                gesture
                    .borrow_mut()
                    .down(e.pointer_id(), f64::from(e.client_x()), view);
            }
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let live = live.clone();
        Callback::from(move |e: PointerEvent| {
            let step = gesture.borrow_mut().moved(
                e.pointer_id(),
                f64::from(e.client_x()),
                plot_w,
                anchor_of,
            );
            if let Moved::Show { view, capture } = step {
                if capture {
                    web::capture_pointer(frame_id, e.pointer_id());
                }
                live.set(Some(view));
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        let live = live.clone();
        let commit = commit.clone();
        Callback::from(move |e: PointerEvent| {
            if gesture.borrow_mut().up(e.pointer_id())
                && let Some(v) = *live
            {
                commit(v);
            }
        })
    };
    let onclick = Callback::from(move |e: MouseEvent| {
        if gesture.borrow_mut().swallow_click() {
            e.prevent_default();
            e.stop_propagation();
        }
    });
    let onkeydown = {
        let commit = commit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            if let Some(v) = gesture::key(view, fitted, &e.key()) {
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
