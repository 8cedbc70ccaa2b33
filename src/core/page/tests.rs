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
    let hostile = jsonld::web_page("</script><script>alert(1)", "u", "{}".into(), Vec::new());
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
