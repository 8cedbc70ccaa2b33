//! The browser's composition root: decodes the embedded data, lets the browser shell take over
//! the page (`web::take_over`) and draws the root component there. It is the one place that
//! knows the data, the shell and the components together, as `publish` is on the host: so
//! `web` imports no component and `ui` no bytes.

use crate::core::timeline::CHAR_W;
use crate::ui::app::{App, AppProps, Env, FRAME_WIDTH};
use crate::web;
use std::rc::Rc;

/// Starts the app in the browser, over the published page (or the loading screen of a build
/// with no pages).
pub fn start() {
    web::before_start();
    // Decode the embedded data before the first render, between two performance marks, so the
    // benchmark can read the start-up cost apart from rendering.
    web::mark("sco:data-start");
    let catalog = crate::data::catalog();
    let _ = catalog.record("");
    web::mark("sco:data-ready");
    let Some(page) = web::take_over() else {
        return;
    };
    let env = Env {
        catalog,
        place: Rc::new(page.place),
        frame_width: page.frame_width.unwrap_or(FRAME_WIDTH),
        char_w: page.char_w.unwrap_or(CHAR_W),
        em: page.em,
        embed: page.parsed.embed,
        feed: page.feed.map(yew::AttrValue::from),
    };
    let props = AppProps {
        parsed: page.parsed,
        typed: page.typed,
        env,
    };
    yew::Renderer::<App>::with_root_and_props(page.root, props).render();
}
