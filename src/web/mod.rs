//! The thin browser shell: the only module that calls browser APIs directly (location, history,
//! focus and scrolling, the clipboard, the service worker, the panic panel). Every function
//! here degrades to doing nothing when the API is missing; none of them panics.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The location's path (`/explorer/card/peace-mission-2018/`).
pub fn path() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The app's own URL: scheme, host and the site root's path, without the incoming query string
/// (a `?utm=...` a link arrived with is not the app's to pass on) or fragment. On a card's or
/// document's page it is the root the page sits under, not the page.
pub fn base_url() -> String {
    let Some(loc) = window().map(|w| w.location()) else {
        return String::new();
    };
    match (loc.protocol(), loc.host(), loc.pathname()) {
        (Ok(scheme), Ok(host), Ok(path)) => {
            format!("{scheme}//{host}{}", crate::core::route::at_path(&path).0)
        }
        _ => loc
            .href()
            .map(|h| h.split(['?', '#']).next().unwrap_or_default().to_string())
            .unwrap_or_default(),
    }
}

/// How an href reaches the site root from the current location: "" at the root,
/// `../../` on a card's or document's page.
pub fn root_href() -> &'static str {
    use crate::core::route;
    if route::at_path(&path()).1.is_some() {
        route::PAGE_TO_ROOT
    } else {
        ""
    }
}

/// Whether this site has the build's static pages (`card/<id>/`); the single-file edition and
/// synthetic builds have none. The post-build step marks a site that has them.
pub fn has_pages() -> bool {
    document()
        .and_then(|d| d.query_selector("meta[name=sco-pages]").ok().flatten())
        .is_some()
}

/// The link to give for a card: its page where the site has pages, else the app's URL with
/// the card's fragment.
pub fn card_url(id: &str) -> String {
    use crate::core::route;
    if has_pages() {
        format!("{}{}", base_url(), route::card_page(id))
    } else {
        url_with(&route::card_fragment(id))
    }
}

/// A pending call; dropping it cancels the call.
pub struct Timer(gloo::timers::callback::Timeout);

impl Timer {
    /// Lets the call happen even though the handle is dropped.
    pub fn forget(self) {
        self.0.forget();
    }
}

/// Calls `f` once, `ms` milliseconds from now.
pub fn after_ms(ms: u32, f: impl FnOnce() + 'static) -> Timer {
    Timer(gloo::timers::callback::Timeout::new(ms, f))
}

/// Calls `f` once when the browser is idle, and within 250 ms at the latest. Where
/// `requestIdleCallback` is missing (Safari), a short timer stands in for it. There is no
/// cancelling: a call that has become moot should find that out when it runs.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let cb = Closure::once_into_js(f);
    let opts = web_sys::IdleRequestOptions::new();
    opts.set_timeout(250);
    if w.request_idle_callback_with_options(cb.unchecked_ref(), &opts)
        .is_err()
    {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 20);
    }
}

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

/// The absolute URL of a view of this page, given its fragment (without `#`).
pub fn url_with(fragment: &str) -> String {
    format!("{}#{fragment}", base_url())
}

/// Writes the fragment into the address bar, as a new history entry (`push`) or in place.
/// The empty fragment leaves a clean URL with no `#`.
pub fn set_fragment(fragment: &str, push: bool) {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    // On a card's or document's page, every other view is written at the site root; there the
    // fragment alone is enough (and all a file:// URL may change).
    let on_page = crate::core::route::at_path(&path()).1.is_some();
    if !on_page && self::fragment() == fragment {
        return;
    }
    let url = match (fragment.is_empty(), on_page) {
        (true, _) => base_url(),
        (false, true) => url_with(fragment),
        (false, false) => format!("#{fragment}"),
    };
    let result = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if result.is_err() {
        // Some contexts refuse history changes (sandboxed frames); fall back to the fragment.
        if let Some(loc) = window().map(|w| w.location()) {
            let _ = loc.set_hash(fragment);
        }
    }
}

/// How long typing must pause before the address and the title follow it
/// (`set_fragment_soon`).
const TYPING_PAUSE_MS: u32 = 300;

/// What typing is holding: the address, the title, and a count of the calls, so that only the
/// last call's timer writes.
#[derive(Default)]
struct Held {
    address: Option<String>,
    title: Option<String>,
    calls: u32,
}

thread_local! {
    static HELD: RefCell<Held> = RefCell::default();
    static WRITE_ON_HIDE: RefCell<Option<gloo::events::EventListener>> = const { RefCell::new(None) };
}

/// Holds a write of the address or the title (a newer one replaces it) until no other call
/// has come for `TYPING_PAUSE_MS`, or the page is hidden (a closed or restored tab keeps what
/// was typed). Each costs the browser time (a history write about 4.5 ms in Chromium, the
/// title about 0.9 ms) that typing would pay in every keystroke's frame.
fn hold(set: impl FnOnce(&mut Held)) {
    let call = HELD.with(|h| {
        let mut h = h.borrow_mut();
        set(&mut h);
        h.calls = h.calls.wrapping_add(1);
        h.calls
    });
    WRITE_ON_HIDE.with(|l| {
        if l.borrow().is_none()
            && let Some(w) = window()
        {
            *l.borrow_mut() = Some(gloo::events::EventListener::new(&w, "pagehide", |_| {
                write_held()
            }));
        }
    });
    after_ms(TYPING_PAUSE_MS, move || {
        if HELD.with(|h| h.borrow().calls) == call {
            write_held();
        }
    })
    .forget();
}

/// Writes the fragment in place once typing pauses (see `hold`).
pub fn set_fragment_soon(fragment: String) {
    hold(|h| h.address = Some(fragment));
}

/// Sets the title once typing pauses (see `hold`).
pub fn set_title_soon(title: String) {
    hold(|h| h.title = Some(title));
}

/// Makes the writes typing is holding, now: the address, then the title.
pub fn write_held() {
    let (address, title) = HELD.with(|h| {
        let mut h = h.borrow_mut();
        (h.address.take(), h.title.take())
    });
    if let Some(f) = address {
        set_fragment(&f, false);
    }
    if let Some(t) = title {
        set_title(&t);
    }
}

/// Forgets the address typing is holding: the address has moved on. (A held title stays: if
/// the title changes too, `set_title` replaces it; if not, it is still the right one.)
pub fn drop_held_address() {
    HELD.with(|h| h.borrow_mut().address = None);
}

/// Sets the document title (what history entries and shared tabs show), replacing any title
/// typing is holding.
pub fn set_title(title: &str) {
    HELD.with(|h| h.borrow_mut().title = None);
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Calls `f` with the new path and fragment whenever the user navigates (Back, Forward, an
/// edited address). Returns the listeners; dropping them stops listening.
pub fn on_navigate(f: impl Fn(String, String) + 'static) -> Vec<gloo::events::EventListener> {
    let Some(w) = window() else { return Vec::new() };
    let f = std::rc::Rc::new(f);
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let f = f.clone();
            gloo::events::EventListener::new(&w, event, move |_| f(path(), fragment()))
        })
        .collect()
}

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

/// What a panic does instead of leaving a silent, frozen page: log the message and show a
/// panel with it and a reload button. The panel is built with `textContent`, never HTML.
/// With `panic = "abort"` the wasm instance is dead afterwards, so the reload button is wired
/// up by the page's own script (`data-action="reload"`), not by Rust. Installed with
/// `yew::set_custom_panic_hook` (a plain `set_hook` would be replaced by Yew's default).
pub fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&message.clone().into());
    show_panic_panel(&message);
}

fn show_panic_panel(message: &str) -> Option<()> {
    let document = document()?;
    let body = document.body()?;
    let panel = document.create_element("div").ok()?;
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h2").ok()?;
    heading.set_text_content(Some("Something went wrong"));
    let intro = document.create_element("p").ok()?;
    intro.set_text_content(Some("The explorer stopped because of an internal error. Reloading usually helps; the message below says what failed."));
    let text = document.create_element("pre").ok()?;
    text.set_text_content(Some(message));
    let button = document.create_element("button").ok()?;
    button.set_text_content(Some("Reload"));
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-action", "reload").ok()?;
    for child in [&heading, &intro, &text, &button] {
        panel.append_child(child).ok()?;
    }
    body.append_child(&panel).ok()?;
    Some(())
}

/// Runs `f` on the next animation frame (after the browser has applied the DOM changes).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let cb = Closure::once_into_js(f);
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

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

/// True when the focused element matches a CSS selector.
pub fn active_matches(selector: &str) -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|el| el.matches(selector).unwrap_or(false))
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

/// Where offline use stands, for the indicator and the update prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offline {
    /// Not known yet.
    Checking,
    /// The single-file edition, opened from disk: it needs no network at all.
    SingleFile,
    /// No service worker in this browser or context.
    Unsupported,
    /// This release's files are being cached.
    Installing,
    /// Every file is cached: the app works with no network.
    Ready,
    /// A newer release is cached and waits for a reload.
    UpdateReady,
    /// Registration failed (e.g. the server refused sw.js).
    Failed,
}

/// Registers the site's `sw.js` and reports what happens through `report`.
pub fn register_service_worker(report: impl Fn(Offline) + 'static) {
    let report = std::rc::Rc::new(report);
    let Some(w) = window() else {
        return report(Offline::Unsupported);
    };
    let protocol = w.location().protocol().unwrap_or_default();
    let navigator = w.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if protocol == "file:" {
        return report(Offline::SingleFile);
    }
    if !(protocol == "http:" || protocol == "https:") || !supported {
        return report(Offline::Unsupported);
    }
    let container = navigator.service_worker();
    let options = web_sys::RegistrationOptions::new();
    // The worker script itself must never come from the HTTP cache, or updates go unseen.
    options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
    // At the site root, whichever page started the app: the worker's scope is the whole site.
    options.set_scope(&base_url());
    let registering = container.register_with_options(&format!("{}sw.js", base_url()), &options);
    let ready = container.ready();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(registering).await else {
            return report(Offline::Failed);
        };
        let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
        let controlled = || {
            window()
                .and_then(|w| w.navigator().service_worker().controller())
                .is_some()
        };
        if reg.waiting().is_some() && controlled() {
            report(Offline::UpdateReady);
        } else if reg.active().is_none() {
            report(Offline::Installing);
        }
        // A new release found while this one runs: say so once it is fully cached.
        let on_found = {
            let report = report.clone();
            let reg = reg.clone();
            move |_: &web_sys::Event| {
                let Some(worker) = reg.installing() else {
                    return;
                };
                let report = report.clone();
                let w2 = worker.clone();
                gloo::events::EventListener::new(&worker, "statechange", move |_| {
                    if w2.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                        report(Offline::UpdateReady);
                    }
                })
                .forget();
            }
        };
        gloo::events::EventListener::new(&reg, "updatefound", on_found).forget();
        let Ok(ready) = ready else { return };
        if wasm_bindgen_futures::JsFuture::from(ready).await.is_ok() && reg.waiting().is_none() {
            report(Offline::Ready);
        }
    });
}

/// Switches to the waiting release: it takes over, clears the old caches, and the page
/// reloads once, so old and new files are never mixed.
pub fn apply_update() {
    let Some(w) = window() else { return };
    let container = w.navigator().service_worker();
    gloo::events::EventListener::once(&container, "controllerchange", |_| {
        if let Some(w) = window() {
            let _ = w.location().reload();
        }
    })
    .forget();
    let registration = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(registration).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = reg.waiting() {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
            let _ = waiting.post_message(&msg);
        }
    });
}

/// Test hooks, compiled in only when SCO_TEST_HOOKS is set at build time:
/// - `window.__scoPanic(message)` panics inside the app, to test the panic panel;
/// - `window.__scoSearch(queries, runs)` types the queries in order, `runs` times over, through
///   the search as a keystroke runs it (every hit found, the first page ordered), and returns
///   each query's median milliseconds, for the benchmark. In order, because the search
///   remembers the previous keystroke's words: timing one query three times in a row would
///   time that memory, not typing. Each pass starts with no name squashed
///   (`forget_squashed_names`), as a first time typing does.
pub fn install_test_hooks() {
    let Some(w) = window() else { return };
    let panic = Closure::<dyn Fn(String)>::new(|message: String| panic!("{message}"));
    let _ = js_sys::Reflect::set(&w, &"__scoPanic".into(), panic.as_ref());
    panic.forget();
    let search = Closure::<dyn Fn(js_sys::Array, u32) -> js_sys::Array>::new(
        |queries: js_sys::Array, runs: u32| {
            let cat = crate::data::catalog();
            let queries: Vec<String> = queries.iter().filter_map(|q| q.as_string()).collect();
            let mut times = vec![Vec::new(); queries.len()];
            for _ in 0..runs.max(1) {
                crate::core::search::index::forget_squashed_names();
                for (q, t) in queries.iter().zip(&mut times) {
                    let t0 = now();
                    let hits = cat.keystroke(q, crate::core::state::PAGE).hits.len();
                    std::hint::black_box(hits);
                    t.push(now() - t0);
                }
            }
            times
                .into_iter()
                .map(|mut t| {
                    t.sort_by(f64::total_cmp);
                    wasm_bindgen::JsValue::from(t[t.len() / 2])
                })
                .collect()
        },
    );
    let _ = js_sys::Reflect::set(&w, &"__scoSearch".into(), search.as_ref());
    search.forget();
}

/// `performance.now()`, or 0 where there is no clock.
pub fn now() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A `performance.mark`, for the benchmark to read.
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Removes the element with this id, if present (the static loading shell).
pub fn remove_element(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.remove();
    }
}
