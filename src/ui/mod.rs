//! Yew components. They render view models from `crate::core::view` and dispatch
//! `crate::core::state::Action`s; what they show is decided in the core.
//!
//! - `app`: the root, a switchboard: the one reducer, the effect hooks, the page.
//! - `models`: the root's view models, each built once per change; `layout`: the full
//!   explorer or an embed around the screens.
//! - `hooks`: the root's effects (URL sync, shortcuts, focus return, title, offline status).
//! - `frame`: header, footer, skip link, notices, update banner.
//! - `common`: the navigation context, links that dispatch actions, highlighted text, badges,
//!   the copy button.
//! - `search`: search box, filters, result list.
//! - `card`: fact, entity and not-found cards.
//! - `reader`: the document reader and the list of documents.
//! - `timeline/`: the membership and event timelines (SVG), their gestures, legend and table
//!   view.

pub mod app;
pub mod asof;
pub mod card;
pub mod common;
pub mod frame;
pub mod hooks;
pub mod layout;
pub mod models;
pub mod reader;
pub mod search;
pub mod timeline;
