//! The published site on the fixture corpus, drawn by the app's own components on the host:
//! every page has its own head, shows what the app shows for its route (the card, the
//! document, the results, the charts), and the pages link to one another so that every page
//! is reached from the root with no script at all.

use sco_explorer::core::catalog::Catalog;
use sco_explorer::core::model::{Certainty, Disputed, When};
use sco_explorer::core::page::{Site, esc};
use sco_explorer::core::state::PAGE;
use sco_explorer::core::testing::corpus;
use sco_explorer::core::view;
use std::collections::{BTreeSet, HashMap};

const SHELL: &str = "<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"default-src 'self'\"><title>Site</title><meta content=\"The site\" name=description><link href=./main-1.css rel=stylesheet><script type=module src=./boot-1.js></script></head><body><div id=shell><header class=site-header><p>Site</p></header><main>Loading</main></div>";

fn site(cat: &'static Catalog<'static>, url: Option<&str>) -> HashMap<String, String> {
    sco_explorer::publish::site(cat, SHELL, &Site::new(url).expect("site"))
        .expect("published")
        .into_iter()
        .collect()
}

fn page<'a>(files: &'a HashMap<String, String>, path: &str) -> &'a str {
    files.get(path).unwrap_or_else(|| panic!("no {path}"))
}

/// Text as Yew writes it into an element (quotes stay as they are).
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Whether a body has the screen's heading (`card-title`, `doc-title`) saying `title`.
fn heading(body: &str, id: &str, title: &str) -> bool {
    body.contains(&format!(
        "<h2 id=\"{id}\" tabindex=\"-1\">{}</h2>",
        text(title)
    ))
}

/// The one value of a head tag (`property` or `name` = `key`), as the page writes it.
fn meta<'a>(html: &'a str, key: &str) -> &'a str {
    let needle = format!("=\"{key}\" content=\"");
    let at = html.find(&needle).unwrap_or_else(|| panic!("no {key}"));
    let rest = &html[at + needle.len()..];
    &rest[..rest.find('"').expect("closed")]
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html.find("application/ld+json\">").expect("JSON-LD") + 21;
    let end = start + html[start..].find("</script>").expect("closed");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

/// The body the components drew (between `<div id="app">` and the end of the body).
fn body(html: &str) -> &str {
    let start = html.find("<div id=\"app\">").expect("the app's root");
    &html[start..html.rfind("</body>").expect("body")]
}

#[test]
fn every_fact_entity_and_document_page_shows_its_card_with_its_own_head() {
    let cat = corpus();
    let files = site(cat, None);
    let count = |prefix: &str| files.keys().filter(|p| p.starts_with(prefix)).count();
    assert_eq!(
        count("card/"),
        cat.data.facts.len() + cat.data.entities.len()
    );
    assert_eq!(count("doc/"), cat.data.documents.len());
    for f in &cat.data.facts {
        let html = page(&files, &format!("card/{}/index.html", f.id));
        assert_eq!(meta(html, "og:title"), esc(&f.title), "{}", f.id);
        assert!(html.contains(&format!("<title>{}</title>", esc(&view::titled(&f.title)))));
        assert_eq!(meta(html, "og:url"), format!("../../card/{}/", f.id));
        assert!(html.contains(&format!(
            "<link rel=\"canonical\" href=\"../../card/{}/\">",
            f.id
        )));
        assert_eq!(meta(html, "og:type"), "article");
        assert_eq!(meta(html, "twitter:card"), "summary");
        // The shell's own title and description are gone; its CSP and assets stay, re-pointed.
        let head = &html[..html.find("</head>").expect("a head")];
        assert_eq!(head.matches("<title>").count(), 1);
        assert!(!html.contains("The site") && !html.contains("Loading"));
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("src=../../boot-1.js") && html.contains("href=../../main-1.css"));
        // The body is the app's: the card open beside the results, every quote verbatim.
        let b = body(html);
        assert!(heading(b, "card-title", &f.title), "{}", f.id);
        assert!(b.contains("id=\"q\" type=\"search\""));
        for q in &f.evidence {
            assert!(b.contains(&text(cat.data.quote_text(q))), "{}", f.id);
        }
        let ld = json_ld(html);
        assert_eq!(ld["@type"], "WebPage");
        assert_eq!(ld["about"]["name"], f.title.as_str());
    }
    for d in &cat.data.documents {
        let b = body(page(&files, &format!("doc/{}/index.html", d.id)));
        assert!(heading(b, "doc-title", &d.title), "{}", d.id);
    }
    assert!(page(&files, "robots.txt").contains("User-agent: *"));
    assert!(
        !files.contains_key("sitemap.xml"),
        "no sitemap without an address"
    );
}

#[test]
fn the_root_shows_the_first_page_of_results_and_the_views_their_content() {
    let cat = corpus();
    let files = site(cat, None);
    let root = page(&files, "index.html");
    assert_eq!(meta(root, "og:type"), "website");
    assert_eq!(meta(root, "description"), "The site");
    let records = cat.data.facts.len() + cat.data.entities.len();
    let b = body(root);
    assert_eq!(
        b.matches("class=\"result fact\"").count() + b.matches("class=\"result entity\"").count(),
        records.min(PAGE),
        "the first page of results"
    );
    assert!(b.contains("class=\"filters") && b.contains("class=\"histogram\""));
    // Nav links are real paths, relative to the page.
    for href in ["href=\"timeline/\"", "href=\"documents/\""] {
        assert!(b.contains(href), "{href}");
    }
    let timeline = body(page(&files, "timeline/index.html"));
    assert!(
        timeline.contains("class=\"chart membership\"")
            && timeline.contains("class=\"chart events\"")
    );
    assert!(timeline.contains("class=\"legend\"") && timeline.contains("href=\"../table/\""));
    let table = body(page(&files, "table/index.html"));
    assert!(table.contains("<table class=\"data-table\">"));
    let docs = body(page(&files, "documents/index.html"));
    assert_eq!(
        docs.matches("class=\"result document\"").count(),
        cat.data.documents.len().min(PAGE)
    );
    // A page written by the publisher draws nothing that needs the browser: no notices, and
    // the footer says what the data holds.
    assert!(!b.contains("class=\"notices\""));
}

/// The href targets of a page, resolved against its folder, as site paths of `index.html` files.
fn links(from: &str, html: &str) -> Vec<String> {
    let dir = from.strip_suffix("index.html").unwrap_or(from);
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| !h.starts_with('#') && !h.contains(':'))
        .map(|h| {
            let h = h.split('#').next().unwrap_or("");
            let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
            for seg in h.split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            let path = parts.join("/");
            if h.ends_with('/') || h.is_empty() || h == "./" || h.ends_with("..") {
                if path.is_empty() {
                    "index.html".to_string()
                } else {
                    format!("{path}/index.html")
                }
            } else {
                path
            }
        })
        .collect()
}

#[test]
fn every_page_is_reached_from_the_root_by_links_alone() {
    let cat = corpus();
    let files = site(cat, Some("https://example.org/sco/"));
    let all: BTreeSet<&String> = files.keys().filter(|p| p.ends_with("index.html")).collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue = vec!["index.html".to_string()];
    while let Some(p) = queue.pop() {
        if !seen.insert(p.clone()) {
            continue;
        }
        if let Some(html) = files.get(&p) {
            queue.extend(
                links(&p, body(html))
                    .into_iter()
                    .filter(|l| files.contains_key(l)),
            );
        }
    }
    let missed: Vec<_> = all.iter().filter(|p| !seen.contains(**p)).collect();
    assert!(missed.is_empty(), "not reached from the root: {missed:?}");
    // And the sitemap lists exactly the pages.
    let sitemap = page(&files, "sitemap.xml");
    assert_eq!(sitemap.matches("<loc>").count(), all.len());
}

#[test]
fn json_ld_gives_only_stated_undisputed_dates_at_their_precision() {
    let cat = corpus();
    let files = site(cat, None);
    let (mut stated, mut withheld) = (0, 0);
    for f in &cat.data.facts {
        let ld = json_ld(page(&files, &format!("card/{}/index.html", f.id)));
        let start = ld["about"]["startDate"].as_str();
        let end = ld["about"]["endDate"].as_str();
        let disputed = f.disputes.iter().any(|d| d.on == Disputed::Date);
        match f.date.when {
            _ if disputed || f.date.certainty != Certainty::Stated => {
                assert_eq!((start, end), (None, None), "{}", f.id);
                withheld += 1;
            }
            When::Unknown => assert_eq!(start, None),
            When::Point(p) => {
                assert_eq!((start, end), (Some(p.iso().as_str()), None), "{}", f.id);
                stated += 1;
            }
            When::Range(a, b) => {
                assert_eq!(start, Some(a.iso().as_str()));
                assert_eq!(end, Some(b.iso().as_str()));
                stated += 1;
            }
        }
    }
    // The corpus has both kinds, so neither branch is vacuous.
    assert!(
        stated > 0 && withheld > 0,
        "{stated} stated, {withheld} withheld"
    );
    for html in files.values() {
        let Some(start) = html.find("application/ld+json\">").map(|i| i + 21) else {
            continue;
        };
        let end = start + html[start..].find("</script>").unwrap_or(0);
        assert!(!html[start..end].contains('<'), "JSON-LD escapes '<'");
    }
}

#[test]
fn with_the_sites_address_links_are_absolute_and_a_sitemap_lists_every_page() {
    let cat = corpus();
    let files = site(cat, Some("https://example.org/sco"));
    let f = &cat.data.facts[0];
    let html = page(&files, &format!("card/{}/index.html", f.id));
    let url = format!("https://example.org/sco/card/{}/", f.id);
    assert_eq!(meta(html, "og:url"), url);
    assert_eq!(json_ld(html)["url"], url.as_str());
    // The citation on the page gives the page's own address.
    assert!(
        html.contains(&format!("{url}</textarea>")),
        "a citation ending in the page's address"
    );
    // The root page has its canonical link and og:url too.
    let root = page(&files, "index.html");
    assert_eq!(meta(root, "og:url"), "https://example.org/sco/");
    assert!(root.contains("<link rel=\"canonical\" href=\"https://example.org/sco/\">"));
    let sitemap = page(&files, "sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{url}</loc>")));
    assert!(sitemap.contains("<loc>https://example.org/sco/</loc>"));
    assert!(page(&files, "robots.txt").contains("Sitemap: https://example.org/sco/sitemap.xml"));
}

#[test]
fn the_not_found_page_resolves_from_the_site_root_at_any_depth_and_is_not_indexed() {
    let cat = corpus();
    for (url, root) in [(None, "/"), (Some("https://example.org/sco"), "/sco/")] {
        let files = site(cat, url);
        let html = page(&files, "404.html");
        // `<base>` comes before any URL in the head, so every one resolves from the root.
        let head = &html[..html.find("</head>").expect("head")];
        let base = head.find(&format!("<base href=\"{root}\">")).expect("base");
        let first_url = head.find(" href=").expect("a URL");
        assert!(base <= first_url, "the base precedes every URL");
        assert!(head.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(head.contains("name=\"sco-missing\""));
        assert!(!head.contains("canonical") && !head.contains("og:url"));
        let body = body(html);
        assert!(body.contains("There is no page at this address"), "{body}");
        assert!(body.contains("id=\"q\""), "the search box");
        assert!(
            !body.contains("href=\"../"),
            "links from the root, not from a folder"
        );
        if let Some(sitemap) = files.get("sitemap.xml") {
            assert!(!sitemap.contains("404"));
        }
    }
}

/// The text of each `<tag>…</tag>` in `xml`, in order.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.match_indices(&open)
        .map(|(i, _)| {
            let rest = &xml[i + open.len()..];
            &rest[..rest.find(&close).expect("closed")]
        })
        .collect()
}

#[test]
fn the_feed_has_an_entry_for_every_report_newest_document_first_and_every_page_points_to_it() {
    let cat = corpus();
    let base = "https://example.org/sco/";
    let files = site(cat, Some(base));
    // The feed and its archives, newest first: the feed, then archive N down to archive 1.
    let archives = files
        .keys()
        .filter(|k| k.starts_with("feed-archive-"))
        .count();
    let chain: Vec<&str> = std::iter::once("feed.xml".to_string())
        .chain(
            (1..=archives)
                .rev()
                .map(|n| format!("feed-archive-{n}.xml")),
        )
        .map(|p| page(&files, &p))
        .collect();
    for xml in &chain {
        assert!(xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
        ));
    }
    let xml = chain.concat();
    let xml = xml.as_str();
    let entries = elements(xml, "entry");
    let reports: usize = cat.data.facts.iter().map(|f| f.report_count()).sum();
    assert_eq!(entries.len(), reports, "one entry per report");
    let mut ids = BTreeSet::new();
    let mut last = String::from("9999");
    for e in &entries {
        for tag in ["title", "id", "updated", "summary"] {
            assert_eq!(elements(e, tag).len(), 1, "one <{tag}> in {e}");
        }
        assert!(ids.insert(elements(e, "id")[0]), "ids are unique");
        let updated = elements(e, "updated")[0];
        assert!(
            updated.len() == 20 && updated.ends_with("T00:00:00Z"),
            "{updated}"
        );
        assert!(*updated <= *last, "newest first");
        last = updated.to_string();
        assert!(e.contains(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{base}card/"
        )));
    }
    // Each report's entry says what its document says of the fact.
    for f in &cat.data.facts {
        for s in view::sources(cat.data, f) {
            let title = sco_explorer::core::page::entry_title(
                &f.title,
                s.status,
                s.date.as_ref().map(|d| d.flagged()).as_deref(),
            );
            assert!(
                xml.contains(&format!("<title>{}</title>", esc(&title))),
                "{title}"
            );
        }
    }
    // Every page points to it; without the site's address there is no feed and no pointer.
    let link = format!(
        "type=\"application/atom+xml\" title=\"SCO defence cooperation explorer (Atom feed)\" href=\"{base}feed.xml\""
    );
    for p in [
        "index.html",
        "404.html",
        &format!("card/{}/index.html", cat.data.facts[0].id),
    ] {
        assert_eq!(page(&files, p).matches(&link).count(), 1, "{p}");
    }
    let bare = site(cat, None);
    assert!(!bare.contains_key("feed.xml"));
    assert!(
        bare.values()
            .all(|html| !html.contains("application/atom+xml"))
    );
}
