//! The pages a build publishes (host only): the start view at the root (`index.html`),
//! `timeline/`, `table/` and `documents/`, and one page per fact, entity and document at
//! `card/<id>/` and `doc/<id>/` ([`crate::core::route::page_of`]); then `sitemap.xml` and
//! `robots.txt`.
//!
//! This module decides which pages there are and writes what is not the app: each page's head
//! (title, description, link previews, canonical link, schema.org JSON-LD) inside the built
//! `index.html`'s own ([`shell`]). The body is the app's first render of the page's route,
//! drawn by the app's own components on the host (`crate::publish`) and handed in: with
//! JavaScript off it is a readable page whose links lead page to page; with it, the app
//! draws the same markup again and takes over.

mod feed;
mod jsonld;
mod shell;

pub use feed::entry_title;

pub use shell::Shell;

use crate::core::catalog::Catalog;
use crate::core::route::{Place, Route, View, card_page, doc_page, page_of, up};
use crate::core::text::ellipsize;
use crate::core::view::{self, CardView};

/// The longest description a page gives previews (search engines cut near 160).
const DESCRIPTION: usize = 200;

pub use crate::core::text::esc;

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

    /// The feed's address, where the site has one (its address is known).
    pub fn feed_url(&self) -> Option<String> {
        self.url.as_deref().map(feed::feed_url)
    }

    /// Where the links of the published page at `path` are written from: every URL a page
    /// gives (its canonical link, `og:url`, JSON-LD, its hrefs) comes from this `Place`.
    pub fn place(&self, path: &str) -> Place {
        Place::new(self.url.as_deref().unwrap_or(""), true, Some(path))
    }
}

/// One published page: where it is, what it shows, and what its head says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Its folder relative to the site root (`""` for the root, `card/<id>/`).
    pub path: String,
    /// What it shows: the route the app would show there.
    pub route: Route,
    pub name: String,
    pub description: String,
    /// `website` for the views, `article` for a card or document.
    pub kind: &'static str,
    /// The schema.org description, or empty.
    pub json_ld: String,
    /// The not-found page (`404.html`): served for any path with no page, at any depth.
    pub missing: bool,
}

/// The file static hosts (and the service worker) answer a path with no page with.
pub const NOT_FOUND: &str = "404.html";

/// The app's shell for any page's path, at any depth: what the service worker answers a page
/// it has not cached with when offline, for the app to draw the page's route from its own data.
pub const SHELL: &str = "shell.html";

impl Site {
    /// The site root's path (`/sco/`): from its address when known, else the host's root.
    pub fn root_path(&self) -> String {
        self.url
            .as_deref()
            .and_then(|u| u.split_once("://"))
            .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
            .unwrap_or_else(|| "/".into())
    }
}

/// Every page of the site, the root first.
pub fn pages(cat: &Catalog<'_>, shell: &Shell, site: &Site) -> Vec<Page> {
    let data = cat.data;
    let view_page = |v: View, name: &str, description: &str| {
        let route = Route {
            view: v,
            ..Default::default()
        };
        Page {
            path: page_of(&route).unwrap_or_default(),
            route,
            name: name.to_string(),
            description: description.to_string(),
            kind: "website",
            json_ld: String::new(),
            missing: false,
        }
    };
    let mut pages = vec![
        view_page(View::Search, view::SITE_NAME, &shell.description),
        view_page(
            View::Timeline,
            "Timeline",
            "Membership, standing and every dated exercise, meeting and agreement of the SCO's defence cooperation on one time axis, each linked to its sourced card.",
        ),
        view_page(
            View::Table,
            "Timeline as a table",
            "Membership, standing and every dated event of the SCO's defence cooperation as tables, by year, each linked to its sourced card.",
        ),
        view_page(
            View::Documents,
            "Source documents",
            "The source documents every fact in the explorer quotes, each readable in full with its names linked to their cards.",
        ),
    ];
    let ids = data
        .facts
        .iter()
        .map(|f| f.id.as_str())
        .chain(data.entities.iter().map(|e| e.id.as_str()));
    for id in ids {
        let path = card_page(id);
        let url = site.place(&path).page_url(&path);
        let route = Route {
            card: Some(id.to_string()),
            ..Default::default()
        };
        let page = match view::card(cat, id) {
            CardView::Fact(f) => Page {
                json_ld: jsonld::fact(cat, site, &f, &url),
                description: view::prose(&f.summary).to_string(),
                name: f.title.clone(),
                kind: "article",
                missing: false,
                path,
                route,
            },
            CardView::Entity(e) => Page {
                json_ld: jsonld::entity(site, &e, &url),
                description: view::prose(&e.description).to_string(),
                name: e.name.clone(),
                kind: "article",
                missing: false,
                path,
                route,
            },
            CardView::NotFound { .. } | CardView::NotYet { .. } => continue,
        };
        pages.push(page);
    }
    for d in &data.documents {
        let Some(v) = view::document(cat, &d.id, None) else {
            continue;
        };
        let path = doc_page(&d.id);
        let url = site.place(&path).page_url(&path);
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
            kind: "article",
            missing: false,
            route: Route {
                read: Some(d.id.clone()),
                ..Default::default()
            },
            path,
        });
    }
    pages.push(Page {
        path: String::new(),
        route: Route::default(),
        name: "Page not found".into(),
        description: shell.description.clone(),
        kind: "website",
        json_ld: String::new(),
        missing: true,
    });
    pages
}

/// The file a page is written to, in the site.
pub fn file_of(p: &Page) -> String {
    if p.missing {
        NOT_FOUND.into()
    } else {
        format!("{}index.html", p.path)
    }
}

/// The site's files: each page (its head, and the body `render` draws for it), then the
/// others ([`extras`]): (path in the site, text).
pub fn write(
    cat: &Catalog<'_>,
    pages: &[Page],
    shell: &Shell,
    site: &Site,
    mut render: impl FnMut(&Page) -> String,
) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = pages
        .iter()
        .map(|p| page_file(p, shell, site, &render(p)))
        .collect();
    files.extend(extras(cat, pages, shell, site));
    files
}

/// One page's file: where it goes, and its whole text around the body the components drew.
pub fn page_file(p: &Page, shell: &Shell, site: &Site, body: &str) -> (String, String) {
    (file_of(p), html(p, shell, site, body))
}

/// The site's files besides its pages: the sitemap and the feed (when the site's address is
/// known), `robots.txt` and the offline shell.
pub fn extras(
    cat: &Catalog<'_>,
    pages: &[Page],
    shell: &Shell,
    site: &Site,
) -> Vec<(String, String)> {
    let mut files = Vec::new();
    if let Some(base) = &site.url {
        files.extend(sitemaps(site, pages, SITEMAP_URLS));
        files.extend(feed::feeds(cat, base));
    }
    files.push(("robots.txt".into(), robots(site)));
    files.push((SHELL.into(), shell_html(shell, site)));
    files
}

/// The offline shell: like the not-found page, it resolves its files from the site root by
/// `<base>` (the service worker sets it to its scope), so it works at any path; unlike it, it
/// says nothing of the path, whose route the app reads and draws. Its body says the app is
/// starting, which it is: the service worker serves it only with the app's files at hand.
fn shell_html(shell: &Shell, site: &Site) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<base href=\"{base}\">\n{head}\n<title>{title}</title>\n\
<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n<div id=\"app\"><main id=\"main\"><p class=\"shell-status\" role=\"status\">Opening the page from the copy saved on this device\u{2026}</p></main></div>\n</body>\n</html>\n",
        base = esc(&site.root_path()),
        head = shell.head(""),
        title = esc(view::SITE_NAME),
    )
}

/// A whole page: the shell's head re-pointed from the page's folder, the page's own head, and
/// the body the components drew.
fn html(p: &Page, shell: &Shell, site: &Site, body: &str) -> String {
    if p.missing {
        return missing_html(p, shell, site, body);
    }
    let url = esc(&site.place(&p.path).page_url(&p.path));
    let name = esc(&p.name);
    let description = esc(&ellipsize(&p.description, DESCRIPTION));
    let title = if p.path.is_empty() {
        p.name.clone()
    } else {
        view::titled(&p.name)
    };
    let json_ld = if p.json_ld.is_empty() {
        String::new()
    } else {
        format!(
            "<script type=\"application/ld+json\">{}</script>\n",
            p.json_ld
        )
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n{head}\n<title>{title}</title>\n\
<meta name=\"description\" content=\"{description}\">\n\
<link rel=\"canonical\" href=\"{url}\">\n\
<meta property=\"og:type\" content=\"{kind}\">\n\
<meta property=\"og:title\" content=\"{name}\">\n\
<meta property=\"og:description\" content=\"{description}\">\n\
<meta property=\"og:url\" content=\"{url}\">\n\
<meta name=\"twitter:card\" content=\"summary\">\n\
{feed}{json_ld}</head>\n<body>\n<div id=\"app\">{body}</div>\n</body>\n</html>\n",
        head = shell.head(&up(&p.path)),
        title = esc(&title),
        kind = p.kind,
        feed = feed_link(site),
    )
}

/// The not-found page. A host serves it for a path at any depth, so its URLs resolve from
/// the site root through `<base>` (the root's path from the site's address, else the host's
/// root; the service worker writes in its own scope); it names no address of its own and is
/// not indexed. The app reads the path it was opened at (`route::missing`).
fn missing_html(p: &Page, shell: &Shell, site: &Site, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<base href=\"{base}\">\n{head}\n<title>{title}</title>\n\
<meta name=\"description\" content=\"{description}\">\n\
<meta name=\"robots\" content=\"noindex\">\n\
<meta name=\"sco-missing\" content=\"\">\n\
{feed}</head>\n<body>\n<div id=\"app\">{body}</div>\n</body>\n</html>\n",
        base = esc(&site.root_path()),
        head = shell.head(""),
        title = esc(&view::titled(&p.name)),
        description = esc(&ellipsize(&p.description, DESCRIPTION)),
        feed = feed_link(site),
    )
}

/// The head's pointer to `feed.xml`, with a line end, where there is a feed.
fn feed_link(site: &Site) -> String {
    site.url
        .as_deref()
        .map_or(String::new(), |u| format!("{}\n", feed::head_link(u)))
}

/// The most URLs one sitemap file may hold (the sitemap protocol's limit; its 50 MB limit is
/// far off at this length of URL).
pub const SITEMAP_URLS: usize = 50_000;

/// `sitemap.xml` for every page: one file while the pages fit in `limit` URLs, else a sitemap
/// index pointing to `sitemap-1.xml`, `sitemap-2.xml`... of at most `limit` URLs each, as the
/// protocol asks. (path in the site, text).
pub fn sitemaps(site: &Site, pages: &[Page], limit: usize) -> Vec<(String, String)> {
    let root = site.place("");
    let urls: Vec<String> = pages
        .iter()
        .filter(|p| !p.missing)
        .map(|p| esc(&root.page_url(&p.path)))
        .collect();
    let urlset = |urls: &[String]| {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for u in urls {
            out.push_str(&format!("<url><loc>{u}</loc></url>\n"));
        }
        out.push_str("</urlset>\n");
        out
    };
    if urls.len() <= limit {
        return vec![("sitemap.xml".into(), urlset(&urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in urls.chunks(limit.max(1)).enumerate() {
        let path = format!("sitemap-{}.xml", i + 1);
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            esc(&root.page_url(&path))
        ));
        files.push((path, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index));
    files
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
