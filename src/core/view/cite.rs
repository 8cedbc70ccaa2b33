//! A card's citation for reference managers: CSL-JSON (Zotero, Mendeley, pandoc) and BibTeX.
//! The first entry is the explorer's card itself (a web page, with its link and the date it
//! was cited); then one entry per source document the card quotes, with its outlet and page
//! date where the page gives them, and the quote in a note. The plain-text citation on the card
//! (`citation`) cites the same sources.

use super::SITE_NAME as SITE;
use super::card::cited;
use crate::core::catalog::Catalog;
use crate::core::model::{Point, parse_expression};
use serde::Serialize;

/// CSL date-parts of a point: [year], [year, month] or [year, month, day].
fn parts(p: Point) -> Option<Vec<u32>> {
    let mut parts = vec![u32::try_from(p.year).ok()?];
    parts.extend(p.month.map(u32::from));
    parts.extend(p.day.map(u32::from));
    Some(parts)
}

/// CSL date-parts of a page date as printed, read as words ("March 5, 2024" gives [2024, 3,
/// 5]).
fn date_parts(printed: &str) -> Option<Vec<u32>> {
    parts(parse_expression(printed, None)?)
}

/// A BibTeX value: braces balanced by escaping them, TeX specials escaped.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// A BibTeX key: the id with anything but letters, digits and `-` dropped.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// CSL date-parts: `[[year, month, day]]`, as precise as known.
#[derive(Serialize)]
struct DateParts {
    #[serde(rename = "date-parts")]
    parts: [Vec<u32>; 1],
}

/// One CSL-JSON item: the card itself (a web page) or a document it quotes (an article).
#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container: Option<&'a str>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accessed: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// CSL-JSON for record `id`, cited on `today` (ISO `YYYY-MM-DD`) from `link`.
pub fn csl_json(cat: &Catalog<'_>, id: &str, link: &str, today: &str) -> Option<String> {
    let data = cat.data;
    let (title, _, quotes) = cited(cat, id)?;
    let date = |p: Vec<u32>| DateParts { parts: [p] };
    let mut items = vec![CslItem {
        id,
        kind: "webpage",
        title: &title,
        container: Some(SITE),
        url: Some(link),
        // Today is an ISO day, read as one (not as words, which took "2026-11-28" for 2026).
        accessed: Point::parse(today).and_then(parts).map(date),
        issued: None,
        note: None,
    }];
    for q in &quotes {
        let doc = &data.documents[q.doc as usize];
        items.push(CslItem {
            id: &doc.id,
            kind: "article",
            title: &doc.title,
            container: doc.outlet.as_deref(),
            url: None,
            accessed: None,
            issued: doc.page_date.as_deref().and_then(date_parts).map(date),
            note: Some(format!(
                "Quoted for \u{201c}{title}\u{201d}: \u{201c}{}\u{201d}",
                data.quote_text(q)
            )),
        });
    }
    let mut out = serde_json::to_string(&items).ok()?;
    out.push('\n');
    Some(out)
}

/// BibTeX for record `id`, cited on `today` (ISO) from `link`: `@misc` entries, which every
/// style accepts.
pub fn bibtex(cat: &Catalog<'_>, id: &str, link: &str, today: &str) -> Option<String> {
    let data = cat.data;
    let (title, _, quotes) = cited(cat, id)?;
    let mut out = format!(
        "@misc{{{},\n  title = {{{}}},\n  howpublished = {{{}}},\n  url = {{{}}},\n  urldate = {{{}}}\n}}\n",
        key(id),
        tex(&title),
        tex(SITE),
        link,
        tex(today)
    );
    for q in &quotes {
        let doc = &data.documents[q.doc as usize];
        out.push_str(&format!(
            "\n@misc{{{},\n  title = {{{}}},\n",
            key(&doc.id),
            tex(&doc.title)
        ));
        if let Some(o) = &doc.outlet {
            out.push_str(&format!("  howpublished = {{{}}},\n", tex(o)));
        }
        if let Some(p) = doc
            .page_date
            .as_deref()
            .and_then(|p| parse_expression(p, None))
        {
            out.push_str(&format!("  year = {{{}}},\n", p.year));
        }
        out.push_str(&format!(
            "  note = {{Quoted for \u{201c}{}\u{201d}: \u{201c}{}\u{201d}}}\n}}\n",
            tex(&title),
            tex(data.quote_text(q))
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    #[test]
    fn csl_json_cites_the_card_and_every_source_with_its_quote() {
        let cat = corpus();
        for f in &cat.data.facts {
            let text = csl_json(cat, &f.id, "https://example.org/#card=x", "2026-11-28")
                .expect("a citation");
            let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
            let items = v.as_array().expect("an array");
            assert_eq!(items[0]["title"], f.title.as_str());
            assert_eq!(
                items[0]["accessed"]["date-parts"],
                serde_json::json!([[2026, 11, 28]]),
                "accessed: year, month and day"
            );
            let reports = f.reports();
            assert_eq!(items.len(), 1 + reports.len(), "{}", f.id);
            for (item, r) in items[1..].iter().zip(reports.iter()) {
                let doc = &cat.data.documents[r.doc as usize];
                assert_eq!(item["title"], doc.title.as_str());
                let quote = cat.data.quote_text(&r.quotes[0]);
                assert!(
                    item["note"].as_str().is_some_and(|n| n.contains(quote)),
                    "{}",
                    f.id
                );
            }
        }
    }

    #[test]
    fn bibtex_entries_are_balanced_and_escaped() {
        fn check(raw: &str, expect: &str) {
            assert_eq!(tex(raw), expect);
        }
        check("50% {of} A&B_c", "50\\% \\{of\\} A\\&B\\_c");
        check("plain “quotes”", "plain “quotes”");
        let cat = corpus();
        for f in &cat.data.facts {
            let text = bibtex(cat, &f.id, "https://example.org/", "2026-11-28").expect("bib");
            let plain = text.replace("\\{", "").replace("\\}", "");
            let depth = plain.chars().try_fold(0i32, |d, c| {
                let d = d + i32::from(c == '{') - i32::from(c == '}');
                (d >= 0).then_some(d)
            });
            assert_eq!(depth, Some(0), "{}: braces balance\n{text}", f.id);
            assert_eq!(text.matches("@misc{").count(), 1 + f.report_count());
        }
        assert_eq!(date_parts("March 5, 2024"), Some(vec![2024, 3, 5]));
        assert_eq!(date_parts("no date"), None);
    }
}
