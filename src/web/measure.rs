//! The few measurements the app takes of the page (never while a keystroke renders): the
//! viewport, an element's place and width, the timeline font's character width; and the
//! resize and pointer-capture plumbing that goes with them.

use super::{document, window};

/// The height of the viewport in CSS pixels, or NaN outside a browser. Reading it may force a
/// layout.
pub fn viewport_height() -> f64 {
    window()
        .and_then(|w| w.inner_height().ok()?.as_f64())
        .unwrap_or(f64::NAN)
}

/// Where the top of element `id` is, in CSS pixels from the top of the page. This forces a
/// layout when the page has changed since the last one.
pub fn page_top(id: &str) -> Option<f64> {
    let w = window()?;
    let top = document()?
        .get_element_by_id(id)?
        .get_bounding_client_rect()
        .top();
    Some(top + w.scroll_y().ok()?)
}

/// The width in CSS pixels of the element with this id.
pub fn element_width(id: &str) -> Option<f64> {
    let el = document()?.get_element_by_id(id)?;
    let w = f64::from(el.client_width());
    (w > 0.0).then_some(w)
}

/// The average character width of the timeline's label font, measured on a hidden probe styled
/// like its boldest labels (`.chart-probe` in the stylesheet); `None` before the page has layout.
pub fn label_char_width() -> Option<f64> {
    const SAMPLE: &str = "Pakistan's ambassador says SCO Peace Mission 2018 Kyrgyzstan";
    let doc = document()?;
    let probe = doc.create_element("span").ok()?;
    probe.set_class_name("chart-probe");
    probe.set_text_content(Some(SAMPLE));
    doc.body()?.append_child(&probe).ok()?;
    let w = probe.get_bounding_client_rect().width();
    probe.remove();
    (w > 0.0).then(|| w / SAMPLE.chars().count() as f64)
}

/// The root font size over 16 px: 2 when the browser's default text size is set to 32 px.
pub fn root_em() -> f64 {
    let size = window()
        .zip(document().and_then(|d| d.document_element()))
        .and_then(|(w, root)| w.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        // Parsed by the browser: Rust's float parser would add about 10 KB to the wasm.
        .map(|v| js_sys::parse_float(&v))
        .filter(|v| v.is_finite() && *v > 0.0);
    size.map_or(1.0, |s| (s / 16.0).clamp(0.5, 4.0))
}

/// The left edge of the element with this id, in viewport coordinates.
pub fn element_left(id: &str) -> Option<f64> {
    Some(
        document()?
            .get_element_by_id(id)?
            .get_bounding_client_rect()
            .left(),
    )
}

/// Calls `f` when the window is resized.
pub fn on_resize(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let w: web_sys::EventTarget = window()?.into();
    Some(gloo::events::EventListener::new(&w, "resize", move |_| f()))
}

/// Keeps a drag going outside the element `id` where it started. (Yew delegates events, so
/// the event's own current target is the app root, which would swallow the rest of the drag.)
pub fn capture_pointer(id: &str, pointer: i32) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        let _ = el.set_pointer_capture(pointer);
    }
}
