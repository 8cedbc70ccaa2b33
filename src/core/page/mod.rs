//! The static pages a build publishes beside the app (host only): one per fact, entity and
//! document, at `card/<id>/` and `doc/<id>/` ([`crate::core::route::card_page`]), with a title,
//! a description, link previews (`og:`, `twitter:`), a canonical link and schema.org JSON-LD;
//! then `sitemap.xml` and `robots.txt`.
//!
//! A page's content is the card or document written out from the same view models the app's
//! components render ([`body`]), inside the built `index.html`'s own head ([`shell`]): with
//! JavaScript off it is a readable page; with it, the app starts on top (it removes the start
//! screen, as on the home page) and shows the same card, under the same CSP.
//!
//! Why not Yew's server renderer: the components call the browser shell (`web::`), which does
//! not exist on the host, and the app's crates are wasm-only dependencies. The view models hold
//! every word and order; a browser test compares each page's text with the app's card.

mod body;
mod jsonld;
mod shell;

pub use shell::Shell;

use crate::core::catalog::Catalog;
use crate::core::route::{card_page, doc_page};
use crate::core::text::ellipsize;
use crate::core::view::{self, CardView};
use body::{UP, esc};

/// The longest description a page gives previews (search engines cut near 160).
const DESCRIPTION: usize = 200;

/// Where the site is published: an absolute base URL ending in `/` (from `SCO_SITE_URL`), or
/// unknown, when every link a page gives of itself is relative.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    pub url: Option<String>,
}

impl Site {
    /// `url` as given (a missing final `/` is added); empty means unknown.
    pub fn new(url: Option<&str>) -> Result<Site, String> {
        let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(Site::default());
        };
        if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(['#', '?', ' ', '"', '<'])
        {
            return Err(format!(
                "SCO_SITE_URL {url:?} is not an http(s) URL of a folder (e.g. https://example.org/sco/)"
            ));
        }
        let slash = if url.ends_with('/') { "" } else { "/" };
        Ok(Site {
            url: Some(format!("{url}{slash}")),
        })
    }

    /// A page's own address: absolute when the site is known, else relative to the page.
    pub(super) fn link(&self, path: &str) -> String {
        match &self.url {
            Some(u) => format!("{u}{path}"),
            None => format!("{UP}{path}"),
        }
    }
}

/// One published page's head and content.
struct Page {
    path: String,
    name: String,
    description: String,
    json_ld: String,
    content: String,
}

/// Every page of the dataset, then `sitemap.xml` and `robots.txt`: (path in the site, text).
pub fn publish(cat: &Catalog<'_>, shell: &Shell, site: &Site) -> Vec<(String, String)> {
    let data = cat.data;
    let mut pages = Vec::new();
    let ids = data
        .facts
        .iter()
        .map(|f| f.id.as_str())
        .chain(data.entities.iter().map(|e| e.id.as_str()));
    for id in ids {
        let path = card_page(id);
        let url = site.link(&path);
        let cite = site
            .url
            .as_ref()
            .and_then(|_| view::citation(cat, id, &url));
        let page = match view::card(cat, id) {
            CardView::Fact(f) => Page {
                json_ld: jsonld::fact(cat, site, &f, &url),
                description: f.summary.clone(),
                name: f.title.clone(),
                content: body::fact(&f, cite.as_deref()),
                path,
            },
            CardView::Entity(e) => Page {
                json_ld: jsonld::entity(site, &e, &url),
                description: e.description.clone(),
                name: e.name.clone(),
                content: body::entity(&e, cite.as_deref()),
                path,
            },
            CardView::NotFound { .. } => continue,
        };
        pages.push(page);
    }
    for d in &data.documents {
        let Some(v) = view::document(cat, &d.id, None) else {
            continue;
        };
        let path = doc_page(&d.id);
        let url = site.link(&path);
        let source = [v.outlet.as_deref(), v.page_date.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let first = v
            .paragraphs
            .first()
            .map(|p| p.iter().map(|x| x.text.as_str()).collect::<String>())
            .unwrap_or_default();
        pages.push(Page {
            json_ld: jsonld::document(&v, &url),
            description: if source.is_empty() {
                first
            } else {
                format!("Source document ({source}): {first}")
            },
            name: v.title.clone(),
            content: body::document(&v),
            path,
        });
    }
    let mut files: Vec<(String, String)> = pages
        .iter()
        .map(|p| (format!("{}index.html", p.path), html(p, shell, site)))
        .collect();
    if let Some(base) = &site.url {
        files.push(("sitemap.xml".into(), sitemap(base, &pages)));
    }
    files.push(("robots.txt".into(), robots(site)));
    files
}

/// A whole page: the shell's head, the page's own, and its content in the start screen.
fn html(p: &Page, shell: &Shell, site: &Site) -> String {
    let url = esc(&site.link(&p.path));
    let name = esc(&p.name);
    let description = esc(&ellipsize(&p.description, DESCRIPTION));
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n{head}\n<title>{title}</title>\n\
<meta name=\"description\" content=\"{description}\">\n\
<link rel=\"canonical\" href=\"{url}\">\n\
<meta property=\"og:type\" content=\"article\">\n\
<meta property=\"og:title\" content=\"{name}\">\n\
<meta property=\"og:description\" content=\"{description}\">\n\
<meta property=\"og:url\" content=\"{url}\">\n\
<meta name=\"twitter:card\" content=\"summary\">\n\
<script type=\"application/ld+json\">{json_ld}</script>\n</head>\n<body>\n\
<div id=\"shell\">{header}\n<main class=\"shell-main page\">\n\
<nav class=\"page-nav\" aria-label=\"Site\"><a href=\"{UP}\">Search every fact</a> \u{b7} <a href=\"{UP}data/facts.csv\">The data as CSV</a></nav>\n\
{content}\n</main>\n</div>\n</body>\n</html>\n",
        head = shell.head,
        title = esc(&view::titled(&p.name)),
        json_ld = p.json_ld,
        header = shell.header,
        content = p.content,
    )
}

fn sitemap(base: &str, pages: &[Page]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    out.push_str(&format!("<url><loc>{}</loc></url>\n", esc(base)));
    for p in pages {
        out.push_str(&format!(
            "<url><loc>{}{}</loc></url>\n",
            esc(base),
            esc(&p.path)
        ));
    }
    out.push_str("</urlset>\n");
    out
}

fn robots(site: &Site) -> String {
    let mut out = String::from(
        "# Every page may be read and indexed. Crawlers read robots.txt only at a host's root:\n\
# when the site is published under a sub-folder, copy these lines there.\nUser-agent: *\nAllow: /\n",
    );
    match &site.url {
        Some(u) => out.push_str(&format!("Sitemap: {u}sitemap.xml\n")),
        None => out
            .push_str("# No sitemap: the build was not told the site's address (SCO_SITE_URL).\n"),
    }
    out
}

#[cfg(test)]
mod tests;
