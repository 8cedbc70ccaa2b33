//! Keys, focus and scrolling: the page-wide key listener, moving focus, scrolling a view into
//! place.

use super::{document, window};
use wasm_bindgen::JsCast;

/// Calls `f` for every key press on the page, with the key, whether a text field has focus,
/// and whether a modifier (Ctrl, Alt, Meta) is held. `f` returns true to claim the key
/// (the browser's default is then prevented).
pub fn on_key(
    f: impl Fn(&str, bool, bool) -> bool + 'static,
) -> Option<gloo::events::EventListener> {
    let d = document()?;
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    Some(gloo::events::EventListener::new_with_options(
        &d,
        "keydown",
        options,
        move |e| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let typing = document()
                .and_then(|d| d.active_element())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.has_attribute("contenteditable")
                });
            if f(
                &k.key(),
                typing,
                k.ctrl_key() || k.alt_key() || k.meta_key(),
            ) {
                k.prevent_default();
            }
        },
    ))
}

/// Focuses the element with this id (and keeps the page from jumping when asked).
pub fn focus(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the first element matching a CSS selector.
pub fn focus_selector(selector: &str) -> bool {
    let el = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match el {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Moves focus among the elements matching `selector`, by `delta` from the focused one.
/// Returns false when there is nowhere to go (before the first).
pub fn focus_step(selector: &str, delta: i32) -> bool {
    let Some(d) = document() else { return false };
    let Ok(list) = d.query_selector_all(selector) else {
        return false;
    };
    let n = list.length() as i32;
    if n == 0 {
        return false;
    }
    let active = d.active_element();
    let current = (0..n).find(|&i| {
        list.item(i as u32)
            .zip(active.as_ref())
            .is_some_and(|(a, b)| a.is_same_node(Some(b)))
    });
    let next = match current {
        Some(i) => i + delta,
        None if delta > 0 => 0,
        None => n - 1,
    };
    if next < 0 {
        return false;
    }
    let next = next.min(n - 1);
    list.item(next as u32)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// True when the focused element matches a CSS selector.
pub fn active_matches(selector: &str) -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|el| el.matches(selector).unwrap_or(false))
}

/// Scrolls the element with this id into the middle of the view.
pub fn scroll_to(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Scrolls the window to the top (a new view starts at its beginning).
pub fn scroll_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
