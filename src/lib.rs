//! sco-explorer: an offline explorer of the facts in source documents about SCO defence cooperation.
//!
//! Code map (see ARCHITECTURE.md for the invariants):
//! - [`core`]: the pure part. Data model, validation, search, URL state, timeline geometry,
//!   application state and view models. Plain Rust, tested on the host with `cargo test`.
//! - [`ui`]: Yew components that render core view models and dispatch core actions. They run
//!   in the browser, and on the host, where the publisher renders them to the static pages.
//! - [`web`]: the one thin module that touches browser APIs (history, clipboard, service
//!   worker, keyboard shortcuts); components call it only from effects and event handlers.
//! - `publish` (host only): renders every page of the site with the components; `start`
//!   (browser only) draws the app over the page. Each is a composition root: the one place
//!   that knows the components, the shell and the data together.
//!
//! The dataset is validated and encoded by `build.rs` from `seeds/` and embedded in the binary;
//! [`data::dataset`] decodes it once.

pub mod core;
pub mod data;
pub mod ui;
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
#[cfg(target_arch = "wasm32")]
pub mod start;

/// Starts the app in the browser (see `start::start`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    start::start();
}
