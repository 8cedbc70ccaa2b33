//! The publisher (host only): every page of the site drawn by the app's own components.
//!
//! `core::page` decides which pages there are and writes their heads; this module renders
//! each page's body with Yew's server renderer: the root component [`App`] with the page's
//! route and an [`Env`] for the page's place in the site. It is the app's first render of that
//! route, so the browser shows it at once and the app, once started, draws the same markup.

use crate::core::catalog::Catalog;
use crate::core::page::{self, Page, Shell, Site};
use crate::core::route::{self, Parsed};
use crate::core::timeline::CHAR_W;
use crate::ui::app::{App, AppProps, Env, FRAME_WIDTH};
use std::rc::Rc;

/// The site's pages, `sitemap.xml` and `robots.txt` for `cat`, inside the head of the built
/// `index_html`: (path in the site, text).
pub fn site(
    cat: &'static Catalog<'static>,
    index_html: &str,
    site: &Site,
) -> Result<Vec<(String, String)>, String> {
    let shell = Shell::read(index_html)?;
    let pages = page::pages(cat, &shell, site);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the renderer: {e}"))?;
    Ok(page::write(cat, &pages, &shell, site, |p| {
        runtime.block_on(body(cat, p, site))
    }))
}

/// The app's first render of one page: what the browser shows before the app has started.
pub async fn body(cat: &'static Catalog<'static>, p: &Page, site: &Site) -> String {
    let env = Env {
        catalog: cat,
        place: Rc::new(site.place(&p.path)),
        frame_width: FRAME_WIDTH,
        char_w: CHAR_W,
        em: 1.0,
        embed: false,
    };
    let props = AppProps {
        parsed: Parsed {
            route: p.route.clone(),
            // Which path was asked for, only the browser knows: the app names it once started.
            notices: if p.missing {
                vec![route::no_page_notice(None)]
            } else {
                Vec::new()
            },
            embed: false,
        },
        typed: None,
        env,
    };
    yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}
