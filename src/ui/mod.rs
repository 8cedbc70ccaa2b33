//! Yew components. They render view models from `crate::core::view` and dispatch
//! `crate::core::state::Action`s; what they show is decided in the core.
//!
//! - `app`: the root: the one reducer, effects (URL, focus, keys), the page frame.
//! - `common`: the navigation context, links that dispatch actions, highlighted text, badges.
//! - `search`: search box, filters, result list.
//! - `card`: fact, entity and not-found cards.
//! - `reader`: the document reader and the list of documents.
//! - `timeline`: the membership and event timelines (SVG) and their table view.

pub mod app;
pub mod card;
pub mod common;
pub mod reader;
pub mod search;
pub mod timeline;
