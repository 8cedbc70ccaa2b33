//! Starting the app: what the page tells the components (where it runs, what to show, how
//! wide the timeline is), and taking over a prerendered page with no visible change. The page
//! the publisher wrote is the app's own first render, so the app draws the same markup again
//! in one task (no frame shows in between) and carries over what the visitor did meanwhile:
//! the focused element and its caret, the scroll position, and text typed into the search box.

use super::{document, window};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use {
    crate::core::route::Place,
    crate::core::timeline::CHAR_W,
    crate::ui::app::{App, AppProps, Env, FRAME_WIDTH},
    std::rc::Rc,
};

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

/// Starts the app in the browser: decodes the data, reads the location, and renders the root
/// component in place of the prerendered page (or of the loading screen, in builds that have
/// no pages). Browser only: the host renders pages with `crate::publish` instead.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(super::panic_hook));
    // Only a build made with SCO_TEST_HOOKS set (the browser tests' fixture build and the
    // benchmark's builds) has these.
    if option_env!("SCO_TEST_HOOKS").is_some() {
        super::install_test_hooks();
    }
    // Decode the embedded data before the first render, between two performance marks, so the
    // benchmark can read the start-up cost apart from rendering.
    super::mark("sco:data-start");
    let catalog = crate::data::catalog();
    let _ = catalog.record("");
    super::mark("sco:data-ready");

    let (Some(doc), Some(w)) = (document(), window()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
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
    // Hrefs are absolute where the app moves the address from page to page (a relative one
    // would follow the address); fragments alone in the single-file edition.
    let (base, pages) = (super::base_url(), super::has_pages());
    let env = Env {
        catalog,
        place: Rc::new(Place {
            root: if pages { base.clone() } else { String::new() },
            base,
            pages,
        }),
        frame_width: super::element_width("tl-frame").unwrap_or(FRAME_WIDTH),
        char_w: super::label_char_width().unwrap_or(CHAR_W),
        em: super::root_em(),
        embed: parsed.embed,
    };
    let Ok(root) = doc.create_element("div") else {
        return;
    };
    root.set_id("app");
    // Replaced in this task and rendered in a microtask of it: no frame is painted between.
    let placed = match &prerendered {
        Some(p) => p.replace_with_with_node_1(&root),
        None => body.append_child(&root).map(|_| ()),
    };
    if placed.is_err() {
        return;
    }
    if let Some(shell) = doc.get_element_by_id("shell") {
        shell.remove();
    }
    pin_head_links(&doc);
    yew::Renderer::<App>::with_root_and_props(root, AppProps { parsed, typed, env }).render();
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
