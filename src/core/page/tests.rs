//! The pages on the fixture corpus: one per record, heads that preview and escape, JSON-LD that
//! parses and keeps to what the sources state, sitemap and robots by what the build knows.

use super::*;
use crate::core::model::{Certainty, Disputed, When};
use crate::core::testing::corpus;

const SHELL: &str = "<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"default-src 'self'\"><title>Site</title><meta content=\"The site\" name=description><link href=./main-1.css rel=stylesheet><script type=module src=./boot-1.js></script></head><body><div id=shell><header class=site-header><p>Site</p></header><main>Loading</main></div>";

fn pages(site: Option<&str>) -> Vec<(String, String)> {
    let shell = Shell::read(SHELL).expect("shell");
    publish(corpus(), &shell, &Site::new(site).expect("site"))
}

fn page<'a>(files: &'a [(String, String)], path: &str) -> &'a str {
    &files
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no {path}"))
        .1
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

#[test]
fn every_fact_entity_and_document_has_a_page_with_its_own_head() {
    let cat = corpus();
    let files = pages(None);
    let count = |prefix: &str| files.iter().filter(|(p, _)| p.starts_with(prefix)).count();
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
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(!html.contains("The site") && !html.contains("Loading"));
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("src=../../boot-1.js") && html.contains("href=../../main-1.css"));
        // Every quote is on the page, verbatim (escaped as HTML text).
        for q in &f.evidence {
            assert!(html.contains(&esc(cat.data.quote_text(q))), "{}", f.id);
        }
        let ld = json_ld(html);
        assert_eq!(ld["@type"], "WebPage");
        assert_eq!(ld["about"]["name"], f.title.as_str());
    }
    assert!(page(&files, "robots.txt").contains("User-agent: *"));
    assert!(
        !files.iter().any(|(p, _)| p == "sitemap.xml"),
        "no sitemap without an address"
    );
}

#[test]
fn json_ld_gives_only_stated_undisputed_dates_at_their_precision() {
    let cat = corpus();
    let files = pages(None);
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
}

#[test]
fn text_from_the_data_cannot_break_out_of_the_page() {
    // Every name, summary and quote goes through these two; nothing else writes data into HTML.
    assert_eq!(
        esc("<script>a & \"b\"</script>"),
        "&lt;script&gt;a &amp; &quot;b&quot;&lt;/script&gt;"
    );
    let hostile = jsonld::web_page("</script><script>alert(1)", "u", "{}".into(), Vec::new());
    assert!(!hostile.contains('<'), "{hostile}");
    assert!(hostile.contains("\\u003c/script>"));
    for (_, html) in pages(None) {
        let start = html.find("application/ld+json\">").map_or(0, |i| i + 21);
        let end = start + html[start..].find("</script>").unwrap_or(0);
        assert!(!html[start..end].contains('<'), "JSON-LD escapes '<'");
    }
}

#[test]
fn with_the_sites_address_links_are_absolute_and_a_sitemap_lists_every_page() {
    let cat = corpus();
    let files = pages(Some("https://example.org/sco"));
    let f = &cat.data.facts[0];
    let html = page(&files, &format!("card/{}/index.html", f.id));
    let url = format!("https://example.org/sco/card/{}/", f.id);
    assert_eq!(meta(html, "og:url"), url);
    assert_eq!(json_ld(html)["url"], url.as_str());
    // The citation on the page gives the page's own address.
    assert!(
        html.contains(&format!("{url}</p>")),
        "a citation ending in the page's address"
    );
    let sitemap = page(&files, "sitemap.xml");
    let pages = files
        .iter()
        .filter(|(p, _)| p.ends_with("/index.html"))
        .count();
    assert_eq!(sitemap.matches("<loc>").count(), pages + 1);
    assert!(sitemap.contains(&format!("<loc>{url}</loc>")));
    assert!(page(&files, "robots.txt").contains("Sitemap: https://example.org/sco/sitemap.xml"));
    for bad in ["ftp://x.org/", "example.org", "https://x.org/?a=1"] {
        assert!(Site::new(Some(bad)).is_err(), "{bad}");
    }
    assert_eq!(
        Site::new(Some(" ")).expect("empty is unknown"),
        Site::default()
    );
}
