//! The pure core: everything that can be decided without a browser.
//!
//! Nothing under this module imports `yew`, `web_sys`, `gloo`, `wasm_bindgen` or `js_sys`
//! (`tests/core_is_pure.rs` checks), and nothing here reads the embedded dataset bytes: it is
//! handed a [`model::Dataset`]. That is what lets `build.rs` compile this very module to validate
//! the seeds with the same model the app decodes.

pub mod asof;
pub mod bundle;
pub mod catalog;
pub mod coverage;
#[cfg(not(target_arch = "wasm32"))]
pub mod draft;
pub mod export;
pub mod extract;
pub mod facets;
pub mod model;
pub mod order;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
pub mod raw;
pub mod route;
pub mod search;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod sources;
pub mod state;
pub mod synth;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod testing;
pub mod text;
pub mod timeline;
pub mod validate;
pub mod view;
