//! The thin browser shell: the only module that calls browser APIs directly. Every function
//! here degrades to doing nothing when the API is missing; none of them panics in a browser.
//! On the host (where the publisher renders the components) these functions are never called:
//! components call them only from effects and event handlers, which the server renderer never
//! runs, so a call while rendering shows up as a panic in the host's page tests.
//!
//! - `boot`: starting the app, over the prerendered page when there is one.
//! - `location`: the address bar and the title.
//! - `timers`: timeouts, idle and frame callbacks, the clock, performance marks.
//! - `focus`: keys, focus and scrolling.
//! - `measure`: the few measurements of the page.
//! - `files`: clipboard, downloads, today's date.
//! - `offline`: the service worker.
//! - `panic`: the panic panel.
//! - `test_hooks`: hooks for the browser tests and the benchmark.

mod boot;
mod files;
mod focus;
mod location;
mod measure;
mod offline;
mod panic;
mod test_hooks;
mod timers;

pub use boot::settle;
#[cfg(target_arch = "wasm32")]
#[cfg(target_arch = "wasm32")]
pub use boot::{Start, before_start, take_over};
pub use files::{copy_text, download, today};
pub use focus::{
    Opener, active_matches, focus, focus_if_lost, focus_selector, focus_step, on_key, opener,
    return_to, scroll_to, scroll_top, watch_openers,
};
pub use location::{
    base_url, drop_held_address, feed_url, fragment, has_pages, on_navigate, parsed_at,
    parsed_location, path, set_address, set_address_soon, set_title, set_title_soon, write_held,
};
pub use measure::{
    capture_pointer, element_left, element_width, label_char_width, on_resize, page_top, root_em,
    viewport_height,
};
pub use offline::{Offline, apply_update, register_service_worker};
pub use panic::panic_hook;
pub use test_hooks::install_test_hooks;
pub use timers::{Timer, after_ms, after_paint, mark, now, when_idle, when_quiet};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}
