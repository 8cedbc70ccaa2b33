//! sco-explorer: an offline explorer of the facts in source documents about SCO defence cooperation.
//!
//! Code map (see ARCHITECTURE.md for the invariants):
//! - [`core`]: the pure part. Data model, validation, search, URL state, timeline geometry,
//!   application state and view models. Plain Rust, tested on the host with `cargo test`.
//! - `ui` (wasm only): Yew components that render core view models and dispatch core actions.
//! - `web` (wasm only): the one thin module that touches browser APIs (history, clipboard,
//!   service worker, keyboard shortcuts).
//!
//! The dataset is validated and encoded by `build.rs` from `seeds/` and embedded in the binary;
//! [`data::dataset`] decodes it once.

pub mod core;
pub mod data;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Starts the app in the browser: mounts the Yew root on `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(web::panic_hook));
    // Only a build made with SCO_TEST_HOOKS set (the browser tests' fixture build and the
    // benchmark's builds) has these.
    if option_env!("SCO_TEST_HOOKS").is_some() {
        web::install_test_hooks();
    }
    // Decode the embedded data before the first render, between two performance marks, so the
    // benchmark can read the start-up cost apart from rendering.
    web::mark("sco:data-start");
    let catalog = data::catalog();
    let _ = catalog.record("");
    web::mark("sco:data-ready");
    web::remove_element("shell");
    yew::Renderer::<ui::app::App>::new().render();
    // The start-up benchmark's "first cards painted": the task after the first animation
    // frame, that is after its paint. Yew renders the whole tree (with the first cards) in a
    // microtask of this task, before that frame; only its effects may wait for a later task.
    web::after_paint(|| web::after_ms(0, || web::mark("sco:first-cards")).forget());
}
