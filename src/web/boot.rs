//! Starting the app: what the page tells the components (where it runs, what to show, how
//! wide the timeline is), and taking over a prerendered page with no visible change. The page
//! the publisher wrote is the app's own first render, so the app draws the same markup again
//! in one task (no frame shows in between) and carries over what the visitor did meanwhile:
//! the focused element and its caret, the scroll position, and text typed into the search box.

use super::{document, window};
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// Where focus was in the prerendered page: the focused element's place among the app's
/// elements in document order (the app draws the same elements again, so the place finds its
/// twin), and the caret when it is a text field.
struct Focus {
    at: u32,
    caret: Option<(u32, u32)>,
}

struct Carried {
    focus: Option<Focus>,
    scroll: (f64, f64),
}

thread_local! {
    static CARRIED: RefCell<Option<Carried>> = const { RefCell::new(None) };
}

/// What the page gives the app as it starts, read by the browser shell: what to show (and
/// what was typed meanwhile), where the app runs, the first measurements, and the element to
/// draw into, already in the prerendered page's place.
#[cfg(target_arch = "wasm32")]
pub struct Start {
    pub parsed: crate::core::route::Parsed,
    pub typed: Option<String>,
    pub place: crate::core::route::Place,
    pub frame_width: Option<f64>,
    pub char_w: Option<f64>,
    pub em: f64,
    pub root: web_sys::Element,
}

/// Before the data is decoded: the panic hook, and the test hooks of a build made for them
/// (the browser tests' fixture build and the benchmark's builds).
#[cfg(target_arch = "wasm32")]
pub fn before_start() {
    yew::set_custom_panic_hook(Box::new(super::panic_hook));
    if option_env!("SCO_TEST_HOOKS").is_some() {
        super::install_test_hooks();
    }
}

/// Takes over the page for the app: reads the location, carries what the visitor did on the
/// prerendered page (focus, caret, scroll, typed text), measures it, and puts an empty root
/// in its place, in this task (no frame is painted before the app draws into it). `None`
/// when there is no document to start in. Browser only: the host renders pages with
/// `crate::publish` instead; `crate::start` draws the app.
#[cfg(target_arch = "wasm32")]
pub fn take_over() -> Option<Start> {
    let (doc, w) = (document()?, window()?);
    let body = doc.body()?;
    super::watch_openers();
    let parsed = super::parsed_location();
    let prerendered = doc.get_element_by_id("app");
    let typed = prerendered.as_ref().and_then(|_| typed_query(&doc));
    CARRIED.with(|c| {
        *c.borrow_mut() = Some(Carried {
            focus: prerendered.as_ref().and_then(|_| focused(&doc)),
            scroll: (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)),
        })
    });
    // Measured on the prerendered chart when there is one, so the first render already has
    // this screen's width.
    let frame_width = super::element_width("tl-frame");
    let char_w = super::label_char_width();
    let em = super::root_em();
    // Hrefs are absolute where the app moves the address from page to page (a relative one
    // would follow the address); fragments alone in the single-file edition.
    let place = crate::core::route::Place::new(&super::base_url(), super::has_pages(), None);
    let root = doc.create_element("div").ok()?;
    root.set_id("app");
    // Replaced in this task and rendered in a microtask of it: no frame is painted between.
    match &prerendered {
        Some(p) => p.replace_with_with_node_1(&root).ok()?,
        None => body.append_child(&root).map(|_| ()).ok()?,
    }
    if let Some(shell) = doc.get_element_by_id("shell") {
        shell.remove();
    }
    pin_head_links(&doc);
    Some(Start {
        parsed,
        typed,
        place,
        frame_width,
        char_w,
        em,
        root,
    })
}

/// Makes the head's links (icons, manifest) absolute: the app moves the address from page to
/// page, and a browser resolves a relative icon link again against the new address.
#[cfg(target_arch = "wasm32")]
fn pin_head_links(doc: &web_sys::Document) {
    // Against the document's base: the not-found page's `<base>` names the site root.
    let (Ok(links), Ok(Some(here))) = (doc.query_selector_all("head link[href]"), doc.base_uri())
    else {
        return;
    };
    for i in 0..links.length() {
        let Some(el) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if let Some(href) = el.get_attribute("href")
            && let Ok(url) = web_sys::Url::new_with_base(&href, &here)
        {
            let _ = el.set_attribute("href", &url.href());
        }
    }
}

#[cfg(target_arch = "wasm32")]
/// What was typed into the prerendered search box, when it differs from what the page showed.
fn typed_query(doc: &web_sys::Document) -> Option<String> {
    let q = doc
        .get_element_by_id("q")?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let typed = q.value();
    (typed != q.default_value()).then_some(typed)
}

#[cfg(target_arch = "wasm32")]
fn focused(doc: &web_sys::Document) -> Option<Focus> {
    let active = doc.active_element()?;
    let all = doc.query_selector_all("#app *").ok()?;
    let at =
        (0..all.length()).find(|&i| all.item(i).is_some_and(|x| x.is_same_node(Some(&active))))?;
    let caret = active
        .dyn_ref::<web_sys::HtmlInputElement>()
        .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??)));
    Some(Focus { at, caret })
}

/// Called by the root component's first effect, once its first render is in the page: puts
/// back focus, caret and scroll, and marks the page as live (the browser tests wait for it).
pub fn settle() {
    let Some(carried) = CARRIED.with(|c| c.borrow_mut().take()) else {
        return;
    };
    let (Some(doc), Some(w)) = (document(), window()) else {
        return;
    };
    if let Some(f) = carried.focus {
        let target = doc
            .query_selector_all("#app *")
            .ok()
            .and_then(|l| l.item(f.at));
        if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = t.focus();
            if let (Some((a, b)), Some(input)) = (f.caret, t.dyn_ref::<web_sys::HtmlInputElement>())
            {
                let _ = input.set_selection_range(a, b);
            }
        }
    }
    w.scroll_to_with_x_and_y(carried.scroll.0, carried.scroll.1);
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("data-app", "live");
    }
    super::mark("sco:app-ready");
}
