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
use yew::AttrValue;

/// The site's pages, `sitemap.xml` and `robots.txt` for `cat`, inside the head of the built
/// `index_html`: (path in the site, text), all in memory (for tests; `site_into` streams).
pub fn site(
    cat: &'static Catalog<'static>,
    index_html: &str,
    site: &Site,
) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    site_into(cat, index_html, site, &mut |path, text| {
        files.push((path, text));
        Ok(())
    })?;
    files.sort();
    Ok(files)
}

/// The site's files handed to `emit` as they are made, each once, in no set order: the pages
/// are drawn on as many threads as the machine has cores (each page is independent of the
/// others) while this thread writes, so no more than a few pages are held at a time. Says how
/// many pages there were (the not-found page aside).
pub fn site_into(
    cat: &'static Catalog<'static>,
    index_html: &str,
    site: &Site,
    emit: &mut dyn FnMut(String, String) -> Result<(), String>,
) -> Result<usize, String> {
    let shell = Shell::read(index_html)?;
    let pages = page::pages(cat, &shell, site);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let (tx, rx) = std::sync::mpsc::sync_channel::<(String, String)>(4 * threads);
    std::thread::scope(|s| -> Result<(), String> {
        let mut drawers = Vec::new();
        for t in 0..threads {
            let (tx, pages, shell) = (tx.clone(), &pages, &shell);
            drawers.push(s.spawn(move || -> Result<(), String> {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .map_err(|e| format!("cannot start the renderer: {e}"))?;
                for p in pages.iter().skip(t).step_by(threads) {
                    let drawn = runtime.block_on(body(cat, p, site));
                    if tx.send(page::page_file(p, shell, site, &drawn)).is_err() {
                        break;
                    }
                }
                Ok(())
            }));
        }
        drop(tx);
        for (path, text) in rx {
            emit(path, text)?;
        }
        // A drawer that failed has left pages out: the site is not written whole.
        for d in drawers {
            d.join()
                .map_err(|_| "a page could not be drawn".to_string())??;
        }
        Ok(())
    })?;
    for (path, text) in page::extras(cat, &pages, &shell, site) {
        emit(path, text)?;
    }
    Ok(pages.iter().filter(|p| !p.missing).count())
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
        feed: site.feed_url().map(AttrValue::from),
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
