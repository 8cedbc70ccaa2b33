//! The paths of the static pages a build publishes beside the app (`card/<id>/`, `doc/<id>/`),
//! and reading a location back: which page it is, where the site's root is, what to show.
//!
//! One home for these paths: the page generator writes them, the app's "Copy link" and
//! citations give them, and the app opened at one of them shows its card or document.

use super::{Parsed, Route, is_doc_id, parse};
use crate::core::validate::is_slug;

/// From a page's folder back to the site root: every page sits two folders down.
pub const PAGE_TO_ROOT: &str = "../../";

/// The folder of a card's page, relative to the site root: `card/peace-mission-2018/`.
pub fn card_page(id: &str) -> String {
    format!("card/{id}/")
}

/// The folder of a document's page, relative to the site root.
pub fn doc_page(id: &str) -> String {
    format!("doc/{id}/")
}

/// A location's path split at the site root: the root (with its trailing `/`) and, when the
/// path is one of the published pages, the route that page shows. `/x/card/a/` gives `/x/`
/// and the card `a`; `/x/` and `/x/index.html` give `/x/` and nothing. A page's path may end
/// in `index.html` or lack its last `/` (hosts differ).
pub fn at_path(path: &str) -> (&str, Option<Route>) {
    let trimmed = path.strip_suffix("index.html").unwrap_or(path);
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    let mut parts = trimmed.rsplitn(3, '/');
    let (id, dir) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let route = match dir {
        "card" if is_slug(id) => Some(Route {
            card: Some(id.to_string()),
            ..Default::default()
        }),
        "doc" if is_doc_id(id) => Some(Route {
            read: Some(id.to_string()),
            ..Default::default()
        }),
        _ => None,
    };
    match (route, parts.next()) {
        (Some(r), Some(root)) => (&path[..root.len() + 1], Some(r)),
        _ => {
            // Not a page: the root is the path up to its last `/` (a file name like
            // `index.html` is not part of it).
            let end = path.rfind('/').map_or(0, |i| i + 1);
            (&path[..end], None)
        }
    }
}

/// What the app shows at a location: the fragment when there is one (old links, and every view
/// but a card or document alone), else the page the path names, else the start view.
pub fn from_location(path: &str, fragment: &str) -> Parsed {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    match at_path(path) {
        (_, Some(route)) if fragment.is_empty() => Parsed {
            route,
            notices: Vec::new(),
        },
        _ => parse(fragment),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, fragment: &str, root: &str, shows: &str) {
        assert_eq!(at_path(path).0, root, "root of {path}");
        let p = from_location(path, fragment);
        assert_eq!(super::super::format(&p.route), shows, "{path} #{fragment}");
        assert!(p.notices.is_empty());
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
            // Not a page: a bad id, or a folder that merely looks like one.
            ("/card/Not A Slug/", "", "/card/Not A Slug/", ""),
            ("/card/", "", "/card/", ""),
            ("/docs/a/", "", "/docs/a/", ""),
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
