//! What this module writes itself, on the fixture corpus: which pages there are, and JSON-LD
//! that cannot break out of its script element. The pages as a whole (heads and the bodies
//! the components draw) are tested in `tests/publish.rs`.

use super::*;
use crate::core::testing::corpus;

const SHELL: &str = "<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"default-src 'self'\"><title>Site</title><meta content=\"The site\" name=description></head><body>";

#[test]
fn a_page_for_every_view_record_and_document_each_at_its_routes_path() {
    let cat = corpus();
    let pages = pages(cat, &Shell::read(SHELL).expect("shell"), &Site::default());
    let n = cat.data.facts.len() + cat.data.entities.len() + cat.data.documents.len();
    // The views, a page per record and document, and the not-found page, last.
    assert_eq!(pages.len(), n + 5);
    assert_eq!(pages[0].path, "");
    assert_eq!(pages[0].description, "The site");
    let (missing, pages) = pages.split_last().expect("pages");
    assert!(missing.missing && file_of(missing) == NOT_FOUND);
    for p in pages {
        assert!(!p.missing && file_of(p).ends_with("index.html"));
        assert_eq!(
            crate::core::route::page_of(&p.route).as_deref(),
            Some(p.path.as_str())
        );
        let (_, route) = crate::core::route::at_path(&format!("/x/{}", p.path));
        assert_eq!(route.unwrap_or_default(), p.route, "{}", p.path);
    }
}

#[test]
fn text_from_the_data_cannot_break_out_of_the_page() {
    assert_eq!(
        esc("<script>a & \"b\"</script>"),
        "&lt;script&gt;a &amp; &quot;b&quot;&lt;/script&gt;"
    );
    let hostile = jsonld::web_page(
        "</script><script>alert(1)",
        "u",
        serde_json::json!({}),
        Vec::new(),
    );
    assert!(!hostile.contains('<'), "{hostile}");
    assert!(hostile.contains("\\u003c/script>"));
}

#[test]
fn a_site_address_must_be_an_http_folder() {
    for bad in ["ftp://x.org/", "example.org", "https://x.org/?a=1"] {
        assert!(Site::new(Some(bad)).is_err(), "{bad}");
    }
    assert_eq!(
        Site::new(Some(" ")).expect("empty is unknown"),
        Site::default()
    );
    assert_eq!(
        Site::new(Some("https://e.org/s"))
            .expect("ok")
            .url
            .as_deref(),
        Some("https://e.org/s/")
    );
}

/// Every `<loc>` of a sitemap file.
fn locs(xml: &str) -> Vec<&str> {
    xml.split("<loc>")
        .skip(1)
        .map(|l| &l[..l.find("</loc>").expect("closed")])
        .collect()
}

#[test]
fn past_its_limit_the_sitemap_is_an_index_of_files_within_it() {
    let cat = corpus();
    let site = Site::new(Some("https://e.org/s/")).expect("site");
    let pages = pages(cat, &Shell::read(SHELL).expect("shell"), &site);
    let listed = pages.iter().filter(|p| !p.missing).count();
    // Within the limit: one file, every page.
    let one = sitemaps(&site, &pages, SITEMAP_URLS);
    assert_eq!(one.len(), 1);
    assert_eq!(locs(&one[0].1).len(), listed);
    // Past it (a limit of 4 for a corpus of more): an index of files of at most 4 URLs each,
    // which together list every page once.
    let files = sitemaps(&site, &pages, 4);
    let (index, parts) = files.split_first().expect("an index");
    assert_eq!(index.0, "sitemap.xml");
    assert!(index.1.contains("<sitemapindex"), "{}", index.1);
    assert_eq!(
        locs(&index.1),
        parts
            .iter()
            .map(|(p, _)| format!("https://e.org/s/{p}"))
            .collect::<Vec<_>>()
    );
    let mut all: Vec<&str> = Vec::new();
    for (path, xml) in parts {
        assert!(locs(xml).len() <= 4, "{path}");
        all.extend(locs(xml));
    }
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), listed);
}

#[test]
fn the_feed_holds_the_newest_entries_and_archives_the_rest_as_rfc_5005_says() {
    let cat = corpus();
    let base = "https://e.org/s/";
    let entries = |xml: &str| xml.matches("<entry>").count();
    let total = entries(&feed::feeds(cat, base)[0].1);
    assert!(total > 3, "the corpus has more reports than a small page");
    let per = 3;
    let docs = feed::feeds_of(cat, base, per);
    let (feed, archives) = docs.split_first().expect("the feed");
    assert_eq!(feed.0, "feed.xml");
    assert!((1..=per).contains(&entries(&feed.1)), "1 to {per} entries");
    assert_eq!(archives.len(), (total - 1) / per);
    assert_eq!(
        entries(&feed.1) + archives.iter().map(|a| entries(&a.1)).sum::<usize>(),
        total,
        "every entry once"
    );
    let link = |xml: &str, rel: &str| {
        xml.split(&format!("rel=\"{rel}\""))
            .nth(1)
            .and_then(|r| r.split("href=\"").nth(1))
            .map(|h| h[..h.find('"').expect("closed")].to_string())
    };
    // The feed points to the newest archive; each archive back to the feed, to the older one
    // and (but the newest) the newer one, and says it is an archive.
    assert_eq!(
        link(&feed.1, "prev-archive"),
        Some(format!("{base}{}", feed::archive_path(archives.len())))
    );
    assert!(!feed.1.contains("<fh:archive/>"));
    for (i, (path, xml)) in archives.iter().enumerate() {
        let n = i + 1;
        assert_eq!(*path, feed::archive_path(n));
        assert_eq!(entries(xml), per, "{path} is a whole page");
        assert!(xml.contains("<fh:archive/>"), "{path}");
        assert_eq!(link(xml, "current"), Some(format!("{base}feed.xml")));
        assert_eq!(link(xml, "prev-archive").is_some(), n > 1, "{path}");
        assert_eq!(
            link(xml, "next-archive").is_some(),
            n < archives.len(),
            "{path}"
        );
    }
}
