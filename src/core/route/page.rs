//! The paths of the pages a build publishes beside the app (the start view at the root,
//! `timeline/`, `table/`, `documents/`, `card/<id>/`, `doc/<id>/`), reading a location back
//! (which page it is, where the site's root is, what to show), and [`Place`]: where the app
//! runs, which turns a route into an href.
//!
//! One home for these paths: the publisher writes them, every link's href and the app's "Copy
//! link" and citations give them, and the app opened at one of them shows what it names.

use super::{Parsed, Route, View, format, is_doc_id, parse};
use crate::core::model::{is_slug, slug_of};

/// The folder of a card's page, relative to the site root: `card/peace-mission-2018/`.
pub fn card_page(id: &str) -> String {
    format!("card/{id}/")
}

/// The folder of a document's page, relative to the site root.
pub fn doc_page(id: &str) -> String {
    format!("doc/{id}/")
}

/// The views with a page of their own, one folder down from the root (the search view is the
/// root itself).
const VIEW_PAGES: [View; 3] = [View::Timeline, View::Table, View::Documents];

/// The page that shows this route, relative to the site root (`""` for the root), or `None`
/// when no page does (a query, a filter, a card over a view, a highlighted quote...): those
/// live in the fragment. A document fills the screen whatever view or card it was opened
/// over (they are only where closing it returns), so its page shows it from any of them.
pub fn page_of(r: &Route) -> Option<String> {
    let bare = Route {
        view: r.view,
        card: r.card.clone(),
        read: r.read.clone(),
        ..Default::default()
    };
    if *r != bare {
        return None;
    }
    match (&r.card, &r.read, r.view) {
        (_, Some(id), _) => Some(doc_page(id)),
        (None, None, View::Search) => Some(String::new()),
        (None, None, v) => Some(format!("{}/", v.slug())),
        (Some(id), None, View::Search) => Some(card_page(id)),
        _ => None,
    }
}

/// Whether a route shows a card alone: a card and nothing else (no query, filter, other view,
/// date or document), which is what the card's page shows. The app draws it by itself, with
/// the site's header and search box: the page is the card, not the start view beside it.
pub fn card_alone(r: &Route) -> bool {
    r.card.is_some() && r.read.is_none() && page_of(r).is_some()
}

/// The route a page's folder names: its last one or two path segments (`timeline`,
/// `card/<id>`), or `None` when they name no page.
fn route_of(dir: &str, name: &str) -> Option<Route> {
    match dir {
        "card" if is_slug(name) => Some(Route {
            card: Some(name.to_string()),
            ..Default::default()
        }),
        "doc" if is_doc_id(name) => Some(Route {
            read: Some(name.to_string()),
            ..Default::default()
        }),
        _ => None,
    }
}

/// A location's path split at the site root: the root (with its trailing `/`) and, when the
/// path is one of the published pages, the route that page shows. `/x/card/a/` gives `/x/`
/// and the card `a`; `/x/timeline/` gives `/x/` and the timeline; `/x/` and `/x/index.html`
/// give `/x/` and nothing. A page's path may end in `index.html` or lack its last `/` (hosts
/// differ). A site published under a folder named like a view page (`/timeline/`) is read
/// as that page: the names are reserved.
pub fn at_path(path: &str) -> (&str, Option<Route>) {
    let trimmed = path.strip_suffix("index.html").unwrap_or(path);
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    let mut parts = trimmed.rsplitn(3, '/');
    let (last, dir) = (parts.next().unwrap_or(""), parts.next());
    if let Some(r) = dir.and_then(|d| route_of(d, last))
        && let Some(root) = parts.next()
    {
        return (&path[..root.len() + 1], Some(r));
    }
    if let Some(v) = VIEW_PAGES.into_iter().find(|v| v.slug() == last)
        && dir.is_some()
    {
        let root_len = trimmed.len() - last.len();
        return (
            &path[..root_len],
            Some(Route {
                view: v,
                ..Default::default()
            }),
        );
    }
    // Not a page: the root is the path up to its last `/` (a file name like `index.html` is
    // not part of it).
    let end = path.rfind('/').map_or(0, |i| i + 1);
    (&path[..end], None)
}

/// What the app shows at a location: the fragment when there is one (old links, and every view
/// but a card or document alone), else the page the path names, else the start view.
pub fn from_location(path: &str, fragment: &str) -> Parsed {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let page = at_path(path).1;
    let mut parsed = parse(fragment);
    // A fragment that names no view (`#embed=1`, or only what was ignored) says how to show
    // the page's view, not to leave it for the start view.
    if parsed.route == Route::default()
        && let Some(route) = page
    {
        parsed.route = route;
    }
    parsed
}

/// What an address shows, its query string included: the search box's form, sent before the
/// app ran or with JavaScript off, asks for `?q=…` (spaces as `+`), which reads as the
/// fragment `q=…` when the address has no fragment of its own. Anything else in the query
/// string is the host's business, not a view's.
pub fn from_address(path: &str, search: &str, fragment: &str) -> Parsed {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let asked = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .find_map(|pair| pair.strip_prefix("q="))
        .filter(|_| fragment.is_empty());
    match asked {
        Some(q) => from_location(path, &format!("q={}", q.replace('+', "%20"))),
        None => from_location(path, fragment),
    }
}

/// The wording of the not-found page's notice, naming the path when it is known (the page
/// written at build time does not know which it will be served for).
pub fn no_page_notice(path: Option<&str>) -> String {
    let at = match path {
        Some(p) => format!("\u{201c}{}\u{201d}", super::shown(p)),
        None => "this address".into(),
    };
    format!(
        "There is no page at {at}: the link may be mistyped, cut short or from an older edition."
    )
}

/// What the not-found page (`404.html`) shows for a path under the site root that names no
/// page (`rest`: the path after the root, as the address has it): the card or document its
/// last part most likely names (a wrongly cased id, a missing `card/`, spaces or `_` for `-`),
/// which the card screen shows, or offers the closest cards for when there is none; else
/// the start view. Always with one notice naming the path.
pub fn missing(rest: &str) -> Parsed {
    let decoded = super::decode(&rest.replace('+', "%2B"));
    let parts: Vec<&str> = decoded
        .split('/')
        .filter(|p| !p.is_empty() && *p != "index.html")
        .collect();
    let last = parts.last().map_or("", |p| p.trim_end_matches(".html"));
    let mut route = Route::default();
    if parts.len() == 2
        && parts[0].eq_ignore_ascii_case("doc")
        && is_doc_id(&last.to_ascii_lowercase())
    {
        route.read = Some(last.to_ascii_lowercase());
    } else {
        // Runs of anything but letters and digits become one `-`: a slug, if anything is left
        // (`model::slug_of`, the rule the draft proposes ids by).
        route.card = slug_of(last);
    }
    Parsed {
        route,
        notices: vec![no_page_notice(Some(&format!(
            "/{}",
            decoded.trim_start_matches('/')
        )))],
        embed: false,
    }
}

/// Where the app runs, as every href and shared link needs it: filled by the browser shell
/// from the location, and by the publisher for each page it writes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// How hrefs reach the site root: on a published page `""`, `../` or `../../` (the page
    /// never moves); in the browser the root's absolute URL, since the app moves the address
    /// from page to page; `""` in the single-file edition, whose links are fragments.
    pub root: String,
    /// The site root's absolute URL (`https://example.org/sco/`), or `""` when unknown (a
    /// build not told its address): shared links are then relative.
    pub base: String,
    /// Whether the site has its pages: the single-file edition and synthetic builds have none,
    /// so every link there is a fragment.
    pub pages: bool,
}

/// From a page's folder back to the site root: `../` for each folder of its path (`card/x/`
/// gives `../../`).
pub fn up(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

impl Place {
    /// The one way a place is made: the site root's absolute URL (`base`, `""` when unknown),
    /// whether the site has pages, and `page`, the path of the published page the links are
    /// written on (they reach the root through `../`). With no page: in the browser, hrefs
    /// start at the root's absolute URL (the app moves the address from page to page); in the
    /// single-file edition (no pages) they are fragments.
    pub fn new(base: &str, pages: bool, page: Option<&str>) -> Place {
        let root = match page {
            Some(path) => up(path),
            None if pages => base.to_string(),
            None => String::new(),
        };
        Place {
            root,
            base: base.to_string(),
            pages,
        }
    }

    /// The URL of the page at `path` (from the site root; `""` is the root) as written here:
    /// absolute where the site's address is known, else relative to here. Canonical links,
    /// `og:url`, JSON-LD, the feed and the sitemap all take it.
    pub fn page_url(&self, path: &str) -> String {
        if !self.base.is_empty() {
            format!("{}{path}", self.base)
        } else if path.is_empty() && self.root.is_empty() {
            "./".to_string()
        } else {
            format!("{}{path}", self.root)
        }
    }

    /// A card's permalink, as written here: its page (absolute where the site's address is
    /// known), or in the single-file edition, which has no pages, its fragment.
    pub fn permalink(&self, id: &str) -> String {
        if self.pages {
            self.page_url(&card_page(id))
        } else {
            format!("#{}", super::card_fragment(id))
        }
    }

    /// The href of a route: its page where one shows exactly it, else the root with the
    /// route's fragment. The page route keeps links working with JavaScript off.
    pub fn href(&self, r: &Route) -> String {
        match page_of(r).filter(|_| self.pages) {
            Some(p) if p.is_empty() && self.root.is_empty() => "./".to_string(),
            Some(p) => format!("{}{p}", self.root),
            None => format!("{}#{}", self.root, format(r)),
        }
    }

    /// What the address bar should hold for a route: its page's absolute URL, or the root's
    /// with the route's fragment; in a site with no pages, only the fragment (`#...`), or `""`
    /// for none (the document itself, whatever its name). A route that names a card or
    /// document the data does not have (`known` false) keeps its fragment: it has no page.
    pub fn address(&self, r: &Route, known: bool) -> String {
        let fragment = format(r);
        match page_of(r).filter(|_| self.pages && known) {
            Some(p) => format!("{}{p}", self.base),
            None if self.pages && fragment.is_empty() => self.base.clone(),
            None if self.pages => self.url_with(&fragment),
            None if fragment.is_empty() => String::new(),
            None => format!("#{fragment}"),
        }
    }

    /// The link "Copy link to this view" gives: the address, absolute.
    pub fn share(&self, r: &Route, known: bool) -> String {
        if self.pages {
            self.address(r, known)
        } else {
            self.url_with(&format(r))
        }
    }

    /// The absolute URL of a view of the app, given its fragment (without `#`).
    pub fn url_with(&self, fragment: &str) -> String {
        format!("{}#{fragment}", self.base)
    }

    /// The address of a route's view embedded (`embed=1`): its page with `#embed=1` where it
    /// has one, so a frame whose scripts cannot run (a sandbox, a host without CORS) still
    /// shows that view's published page; else the root with the view's fragment.
    pub fn embed_url(&self, r: &Route) -> String {
        match page_of(r).filter(|p| self.pages && !p.is_empty()) {
            Some(p) => format!("{}{p}#embed=1", self.base),
            None => {
                let f = format(r);
                let sep = if f.is_empty() { "" } else { "&" };
                self.url_with(&format!("{f}{sep}embed=1"))
            }
        }
    }

    /// The link to give for a card: its page where the site has pages, else the app's URL with
    /// the card's fragment.
    pub fn card_url(&self, id: &str) -> String {
        if self.pages {
            format!("{}{}", self.base, card_page(id))
        } else {
            self.url_with(&super::card_fragment(id))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_no_page_shows_what_it_most_likely_names() {
        fn check(rest: &str, shows: &str) {
            let p = missing(rest);
            assert_eq!(super::super::format(&p.route), shows, "{rest}");
            assert_eq!(p.notices.len(), 1, "{rest}");
            assert!(p.notices[0].contains("no page at"), "{:?}", p.notices);
        }
        let cases = [
            ("card/Friendship-2017/", "card=friendship-2017"),
            ("card/no-such-card/", "card=no-such-card"),
            ("peace-mission-2018", "card=peace-mission-2018"),
            (
                "card/Peace_Mission%202018/index.html",
                "card=peace-mission-2018",
            ),
            ("doc/000_ABC/", "read=000_abc"),
            ("about.html", "card=about"),
            ("", ""),
            ("%%%/", ""),
            ("///", ""),
        ];
        for (rest, shows) in cases {
            check(rest, shows);
        }
        // The notice quotes the path as typed, without reordering controls, cut short.
        let long = format!("card/{}\u{202e}x/", "a".repeat(500));
        let notice = &missing(&long).notices[0];
        assert!(
            !notice.contains('\u{202e}') && notice.chars().count() < 200,
            "{notice}"
        );
    }

    fn check(path: &str, fragment: &str, root: &str, shows: &str) {
        assert_eq!(at_path(path).0, root, "root of {path}");
        let p = from_location(path, fragment);
        assert_eq!(super::super::format(&p.route), shows, "{path} #{fragment}");
        assert!(p.notices.is_empty());
    }

    #[test]
    fn the_search_forms_query_string_reads_as_a_search() {
        for (path, search, fragment, shows) in [
            ("/", "?q=peace+mission", "", "q=peace+mission"),
            ("/", "?q=a%2Bb", "", "q=a%2Bb"),
            ("/x/", "?utm=1&q=2017", "", "q=2017"),
            // The address's own fragment wins; other parameters are not a view.
            ("/", "?q=peace", "card=kestrel", "card=kestrel"),
            ("/", "?utm=1", "", ""),
            ("/card/kestrel/", "?utm=1", "", "card=kestrel"),
            ("/", "?q=", "", ""),
        ] {
            let p = from_address(path, search, fragment);
            assert_eq!(
                super::super::format(&p.route),
                shows,
                "{path}{search}#{fragment}"
            );
        }
    }

    #[test]
    fn a_location_names_its_page_and_the_site_root() {
        let cases = [
            ("/", "", "/", ""),
            ("/index.html", "", "/", ""),
            ("/explorer/", "q=peace", "/explorer/", "q=peace"),
            (
                "/card/peace-mission-2018/",
                "",
                "/",
                "card=peace-mission-2018",
            ),
            ("/x/y/card/pm-2018/index.html", "", "/x/y/", "card=pm-2018"),
            ("/x/card/pm-2018", "", "/x/", "card=pm-2018"),
            ("/doc/000_05d9/", "", "/", "read=000_05d9"),
            // A fragment wins: an old link, or a view opened from a page.
            ("/card/pm-2018/", "q=india", "/", "q=india"),
            // A fragment that names no view says how to show the page's (an embed of it).
            ("/card/pm-2018/", "embed=1", "/", "card=pm-2018"),
            ("/timeline/", "embed", "/", "view=timeline"),
            // Not a page: a bad id, or a folder that merely looks like one.
            ("/card/Not A Slug/", "", "/card/Not A Slug/", ""),
            ("/card/", "", "/card/", ""),
            ("/docs/a/", "", "/docs/a/", ""),
            // The views' own pages, one folder down.
            ("/timeline/", "", "/", "view=timeline"),
            ("/x/table/index.html", "", "/x/", "view=table"),
            ("/x/documents", "", "/x/", "view=documents"),
            ("/x/documents/", "q=a", "/x/", "q=a"),
            ("/timelines/", "", "/timelines/", ""),
            // The single-file edition opened from disk.
            (
                "/home/me/sco-explorer-offline.html",
                "card=a",
                "/home/me/",
                "card=a",
            ),
        ];
        for (path, fragment, root, shows) in cases {
            check(path, fragment, root, shows);
        }
    }

    /// A route's href: its page when one shows exactly it and the site has pages, else the
    /// fragment at the root; and every href reads back as the route it came from.
    #[test]
    fn an_href_is_a_page_when_one_shows_the_route() {
        fn check(root: &str, pages: bool, fragment: &str, expect: &str) {
            let place = Place {
                root: root.into(),
                base: "https://e.org/s/".into(),
                pages,
            };
            let route = parse(fragment).route;
            let href = place.href(&route);
            assert_eq!(href, expect, "{fragment} from {root:?}");
            // Resolve the href against a page `root` leads from, and read it back.
            let (path, frag) = href.split_once('#').unwrap_or((&href, ""));
            let depth = root.matches("../").count();
            let page = ["/s/", "/s/timeline/", "/s/card/a/"][depth];
            let resolved = if path.is_empty() {
                page.to_string()
            } else {
                let mut base: Vec<&str> = page.trim_end_matches('/').split('/').collect();
                let mut rest = path.trim_start_matches("./");
                while let Some(r) = rest.strip_prefix("../") {
                    base.pop();
                    rest = r;
                }
                format!("{}/{rest}", base.join("/"))
            };
            // What the page shows is the route, but for where a document's close returns.
            let shown = Route {
                view: if route.read.is_some() {
                    View::Search
                } else {
                    route.view
                },
                card: route
                    .card
                    .clone()
                    .filter(|_| route.read.is_none() || !frag.is_empty()),
                ..route.clone()
            };
            assert_eq!(
                from_location(&resolved, frag).route,
                shown,
                "{href} at {page}"
            );
        }
        let cases = [
            ("", true, "", "./"),
            ("../", true, "", "../"),
            ("", true, "view=timeline", "timeline/"),
            ("../../", true, "view=documents", "../../documents/"),
            ("", true, "card=pm-2018", "card/pm-2018/"),
            ("../", true, "read=000_ab", "../doc/000_ab/"),
            ("", true, "q=india", "#q=india"),
            (
                "../../",
                true,
                "view=timeline&card=pm",
                "../../#view=timeline&card=pm",
            ),
            (
                "",
                true,
                "read=000_ab&quote=pm.2",
                "#read=000_ab&quote=pm.2",
            ),
            ("../../", true, "card=pm&read=000_ab", "../../doc/000_ab/"),
            ("../", true, "view=documents&read=000_ab", "../doc/000_ab/"),
            ("", false, "card=pm-2018", "#card=pm-2018"),
            ("", false, "view=timeline", "#view=timeline"),
        ];
        for (root, pages, fragment, expect) in cases {
            check(root, pages, fragment, expect);
        }
        let place = Place {
            root: String::new(),
            base: "https://e.org/s/".into(),
            pages: true,
        };
        assert_eq!(place.card_url("a"), "https://e.org/s/card/a/");
        let single = Place {
            pages: false,
            ..place
        };
        assert_eq!(single.card_url("a"), "https://e.org/s/#card=a");
    }

    #[test]
    fn page_paths_read_back_as_their_route() {
        assert_eq!(
            at_path(&format!("/{}", card_page("a-b")))
                .1
                .and_then(|r| r.card),
            Some("a-b".into())
        );
        assert_eq!(
            at_path(&format!("/s/{}", doc_page("0_x")))
                .1
                .and_then(|r| r.read),
            Some("0_x".into())
        );
    }
}
