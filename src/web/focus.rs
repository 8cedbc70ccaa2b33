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

/// Focuses the element with this id only when focus has been lost to the page (the element
/// that had it was removed or can no longer take it); true when it did.
pub fn focus_if_lost(id: &str) -> bool {
    let lost = document()
        .and_then(|d| d.active_element())
        .is_none_or(|el| matches!(el.tag_name().as_str(), "BODY" | "HTML"));
    if lost {
        focus(id);
    }
    lost
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

/// Focuses any element, HTML or SVG (a timeline mark is an SVG link), without scrolling the
/// page. True when focus is there.
fn focus_still(el: &web_sys::Element) -> bool {
    let Some(focus) = js_sys::Reflect::get(el, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    let _ = focus.call1(el, &options);
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| a.is_same_node(Some(el)))
}

/// What had focus when a card or a document opened over a view, to go back to when it
/// closes: the element, the href of the link it was (the view may have drawn it anew by
/// then), and how far the page was scrolled.
#[derive(Debug, Default)]
pub struct Opener {
    element: Option<web_sys::Element>,
    href: Option<String>,
    scroll_y: f64,
}

thread_local! {
    /// Focus and scroll as they were at the last click or key press, with its time.
    static LAST: std::cell::RefCell<Option<(f64, Opener)>> = const { std::cell::RefCell::new(None) };
}

/// How recent a click or key press must be to count as what opened the view that follows.
const RECENT_MS: f64 = 1000.0;

/// Notes focus and scroll at every click and key press, before the app handles it: by the time
/// a card or document has opened, what opened it may be gone from the page (a document
/// replaces the view) and the page may have moved. Call once at start.
pub fn watch_openers() {
    let Some(d) = document() else { return };
    let options = gloo::events::EventListenerOptions {
        phase: gloo::events::EventListenerPhase::Capture,
        passive: true,
    };
    for event in ["click", "keydown"] {
        gloo::events::EventListener::new_with_options(&d, event, options, |e| {
            // Only keys that follow a link or press a button: typing stays free of this.
            if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>()
                && !matches!(k.key().as_str(), "Enter" | " ")
            {
                return;
            }
            let at = super::now();
            LAST.with(|l| *l.borrow_mut() = Some((at, here())));
        })
        .forget();
    }
}

/// Where focus and the page's scroll are now.
fn here() -> Opener {
    let element = document()
        .and_then(|d| d.active_element())
        .filter(|el| !matches!(el.tag_name().as_str(), "BODY" | "HTML"));
    Opener {
        href: element.as_ref().and_then(|el| el.get_attribute("href")),
        element,
        scroll_y: window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0),
    }
}

/// What opened the view now opening: focus and scroll as the click or key press that did it
/// found them, or as they are now when none did just now (Back, an edited address).
pub fn opener() -> Opener {
    let now = super::now();
    LAST.with(|l| l.borrow_mut().take())
        .filter(|(at, _)| now - *at <= RECENT_MS)
        .map_or_else(here, |(_, o)| o)
}

/// Puts the page's scroll back where it was when `o` was taken and focus on its element, or
/// on a link to the same place when the element is gone. False when neither is left (the
/// caller then picks a fallback).
pub fn return_to(o: &Opener) -> bool {
    let Some(d) = document() else { return false };
    let element = o
        .element
        .clone()
        .filter(|el| el.is_connected())
        .or_else(|| {
            let href = o.href.as_ref()?;
            let selector = format!("#main a[href=\"{}\"]", href.replace(['"', '\\'], ""));
            d.query_selector(&selector).ok().flatten()
        });
    let Some(el) = element else { return false };
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(w.scroll_x().unwrap_or(0.0), o.scroll_y);
    }
    if !focus_still(&el) {
        return false;
    }
    // Kept scroll first; only if that leaves the element out of sight, bring it in.
    let rect = el.get_bounding_client_rect();
    let height = window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.bottom() < 0.0 || rect.top() > height {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    true
}
