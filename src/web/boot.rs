//! Starting the app: what the page tells the components (where it runs, what to show, how
//! wide the timeline is), and taking over a prerendered page with no visible change. The page
//! the publisher wrote is the app's own first render, so the app draws the same markup again
//! in one task (no frame shows in between) and carries over what the visitor did meanwhile:
//! the focused element and its caret, the scroll position, text typed into the search box,
//! every control's state (a box ticked, a year chosen, a disclosure opened, a date typed) and
//! the buttons pressed (which do nothing until the app runs), pressed again in order.

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

/// The state of a control on the prerendered page, by its place among the controls
/// ([`CONTROLS`]); the app draws the same controls again, so the place finds its twin.
/// Only the browser makes them; the host compiles `settle` for the components' sake.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Control {
    Checked(bool),
    Value(String),
    Open(bool),
}

/// The controls whose state a visitor can change before the app runs. The search box is not
/// one: what was typed there is a query the app starts with (`Start::typed`).
const CONTROLS: &str = "#app input:not(#q), #app select, #app details";

/// How the page's loader marks a control the visitor changed before the app ran: only those
/// are carried, so a control the app draws differently (the address names a filter the
/// published page does not show) keeps the app's state.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const TOUCHED: &str = "data-touched";

/// The buttons pressed before the app ran: the page's loader marks each with the order of its
/// presses (`data-pressed="0 3"`), and they are found again by their place among these.
const BUTTONS: &str = "#app button";

/// The app's elements, by which a focused element finds its twin. Not those inside
/// `<noscript>`: with scripting on, the browser parses the prerendered one's content as text,
/// while the app's own render builds it as elements, and counting them would shift every
/// place after it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const ELEMENTS: &str = "#app *:not(noscript *)";

struct Carried {
    focus: Option<Focus>,
    scroll: (f64, f64),
    /// By place among [`CONTROLS`]: those the visitor changed.
    controls: Vec<(usize, Control)>,
    /// Places among [`BUTTONS`], in the order they were pressed.
    pressed: Vec<u32>,
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
    pub feed: Option<String>,
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
            controls: prerendered
                .as_ref()
                .map(|_| controls(&doc))
                .unwrap_or_default(),
            pressed: prerendered
                .as_ref()
                .map(|_| pressed(&doc))
                .unwrap_or_default(),
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
        feed: super::feed_url(),
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

/// The elements a selector finds, in document order.
fn all(doc: &web_sys::Document, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = doc.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The state of each control the visitor changed, by its place.
#[cfg(target_arch = "wasm32")]
fn controls(doc: &web_sys::Document) -> Vec<(usize, Control)> {
    all(doc, CONTROLS)
        .iter()
        .enumerate()
        .filter(|(_, el)| el.has_attribute(TOUCHED))
        .map(|(place, el)| {
            let state = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                match input.type_().as_str() {
                    "checkbox" | "radio" => Control::Checked(input.checked()),
                    _ => Control::Value(input.value()),
                }
            } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
                Control::Value(select.value())
            } else {
                Control::Open(el.has_attribute("open"))
            };
            (place, state)
        })
        .collect()
}

/// The buttons pressed before the app ran, by place, in the order they were pressed.
#[cfg(target_arch = "wasm32")]
fn pressed(doc: &web_sys::Document) -> Vec<u32> {
    let mut presses: Vec<(u32, u32)> = Vec::new();
    for (place, button) in all(doc, BUTTONS).iter().enumerate() {
        if let Some(marks) = button.get_attribute("data-pressed") {
            presses.extend(
                marks
                    .split_whitespace()
                    .filter_map(|n| n.parse().ok())
                    .map(|n| (n, place as u32)),
            );
        }
    }
    presses.sort_unstable();
    presses.into_iter().map(|(_, place)| place).collect()
}

/// Brings each of the app's controls to the state its twin had on the prerendered page, as
/// the visitor would: a click for a box, a change event for a value, so the app hears it and
/// its state follows; then presses the buttons pressed meanwhile. Every element is found
/// before any is touched, since what the app does in answer may redraw the page.
fn replay(doc: &web_sys::Document, controls: &[(usize, Control)], pressed: &[u32]) {
    let now = all(doc, CONTROLS);
    let buttons = all(doc, BUTTONS);
    let presses: Vec<&web_sys::Element> = pressed
        .iter()
        .filter_map(|&i| buttons.get(i as usize))
        .collect();
    for (el, was) in controls
        .iter()
        .filter_map(|(place, was)| Some((now.get(*place)?, was)))
    {
        match was {
            Control::Checked(on) => {
                if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>()
                    && input.checked() != *on
                {
                    input.click();
                }
            }
            Control::Value(v) => {
                let changed = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                    (input.value() != *v).then(|| input.set_value(v)).is_some()
                } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
                    (select.value() != *v)
                        .then(|| select.set_value(v))
                        .is_some()
                } else {
                    false
                };
                if changed {
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    if let Ok(e) = web_sys::Event::new_with_event_init_dict("change", &init) {
                        let _ = el.dispatch_event(&e);
                    }
                }
            }
            Control::Open(open) => {
                if el.has_attribute("open") != *open {
                    let _ = if *open {
                        el.set_attribute("open", "")
                    } else {
                        el.remove_attribute("open")
                    };
                }
            }
        }
    }
    for button in presses {
        if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
            b.click();
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn focused(doc: &web_sys::Document) -> Option<Focus> {
    let active = doc.active_element()?;
    let all = doc.query_selector_all(ELEMENTS).ok()?;
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
            .query_selector_all(ELEMENTS)
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
    replay(&doc, &carried.controls, &carried.pressed);
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("data-app", "live");
    }
    super::mark("sco:app-ready");
}
