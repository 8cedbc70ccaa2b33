//! Handing text to the user: the clipboard (with a select-to-copy fallback), downloads through
//! Blob URLs, and today's date for citations.

use super::timers::after_ms;
use super::{document, window};
use wasm_bindgen::JsCast;

/// Copies `text` to the clipboard, then calls `done(true)`. Where the Clipboard API is missing
/// or refuses, it selects the element `fallback_id` (an input or textarea holding the same
/// text) so that one key press copies it, and calls `done(false)`.
pub fn copy_text(text: String, fallback_id: &'static str, done: impl FnOnce(bool) + 'static) {
    let clipboard = window()
        .map(|w| w.navigator().clipboard())
        .filter(|c| !AsRef::<wasm_bindgen::JsValue>::as_ref(c).is_undefined());
    match clipboard {
        Some(c) => {
            let promise = c.write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                if !ok {
                    select(fallback_id);
                }
                done(ok);
            });
        }
        None => {
            select(fallback_id);
            done(false);
        }
    }
}

fn select(id: &str) {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}

/// Today's date in the browser's clock, `YYYY-MM-DD` (UTC), for "accessed" in citations.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// Saves `text` as a file named `name`: a Blob URL followed by a temporary link with
/// `download`, which works offline, from `file://` and under the CSP (no network, no inline
/// script). The URL is revoked once the click has been handed to the browser.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(doc) = document() else { return false };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    after_ms(1000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    true
}
