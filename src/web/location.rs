//! The address bar and the title: the location read at start and on navigation, the
//! fragment written as the state changes (typing's writes held until a pause), the site's
//! root URL.

use super::timers::after_ms;
use super::{document, window};
use std::cell::RefCell;

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
    // The not-found page is served at any path: its `<base>` names the root.
    if is_missing_page()
        && let Some(base) = document().and_then(|d| d.base_uri().ok().flatten())
    {
        return base
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string();
    }
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

/// Whether this is the not-found page (`404.html`), which a host serves for a path with no
/// page of its own.
pub fn is_missing_page() -> bool {
    document()
        .and_then(|d| d.query_selector("meta[name=sco-missing]").ok().flatten())
        .is_some()
}

/// What the app shows at the location it started at: on the not-found page, what the path
/// most likely names, with a notice (`route::missing`); else what the location names.
pub fn parsed_location() -> crate::core::route::Parsed {
    let path = path();
    if is_missing_page() {
        let root = url_path(&base_url());
        let rest = path.strip_prefix(root.as_str()).unwrap_or(&path);
        return crate::core::route::missing(rest);
    }
    let search = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    crate::core::route::from_address(&path, &search, &fragment())
}

/// What the app shows at a location navigated to (Back, Forward): on the not-found page, the
/// path it was served for again reads as missing; any other reads as it always does.
pub fn parsed_at(path: &str, fragment: &str) -> crate::core::route::Parsed {
    use crate::core::route;
    let root = url_path(&base_url());
    let not_a_page = route::at_path(path).1.is_none() && path != root;
    if is_missing_page() && fragment.is_empty() && not_a_page {
        let rest = path.strip_prefix(root.as_str()).unwrap_or(path);
        return route::missing(rest);
    }
    route::from_location(path, fragment)
}

/// The path of an absolute URL (`https://x.org/a/b?c` gives `/a/b`).
fn url_path(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, r)| r);
    let path = after.find('/').map_or("/", |i| &after[i..]);
    path.split(['?', '#']).next().unwrap_or("/").to_string()
}

/// The site's Atom feed, as the page's head points to it (a build told its address has one).
pub fn feed_url() -> Option<String> {
    document()?
        .query_selector("head link[rel=alternate][type=\"application/atom+xml\"]")
        .ok()
        .flatten()?
        .get_attribute("href")
}

/// Whether this site has the build's static pages (`card/<id>/`); the single-file edition and
/// synthetic builds have none. The post-build step marks a site that has them.
pub fn has_pages() -> bool {
    document()
        .and_then(|d| d.query_selector("meta[name=sco-pages]").ok().flatten())
        .is_some()
}

/// Writes an address into the address bar (`core::route::Place::address`), as a new history
/// entry (`push`) or in place: an absolute URL (a page, or the site root with a fragment), a
/// fragment alone (`#...`, the single-file edition), or `""`: this document with no fragment.
/// Nothing is written when the address is already there.
pub fn set_address(address: &str, push: bool) {
    let Some(w) = window() else { return };
    let (Ok(history), loc) = (w.history(), w.location()) else {
        return;
    };
    let same = match address.strip_prefix('#') {
        Some(f) => fragment() == f,
        None if address.is_empty() => fragment().is_empty(),
        None => loc.href().is_ok_and(|h| h == address),
    };
    if same {
        return;
    }
    let url = if address.is_empty() {
        path()
    } else {
        address.to_string()
    };
    let result = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if result.is_err() {
        // Some contexts refuse history changes (sandboxed frames); fall back to the fragment.
        let f = address.split_once('#').map_or("", |(_, f)| f);
        let _ = loc.set_hash(f);
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

/// Writes the address in place once typing pauses (see `hold`).
pub fn set_address_soon(address: String) {
    hold(|h| h.address = Some(address));
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
    if let Some(a) = address {
        set_address(&a, false);
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
