//! Prose per source, on the prose fixture (`tests/fixtures/prose/`: an earlier document that
//! introduces records, and a later one that gives its own description of an entity, its own
//! summary of a fact, and records of its own): every summary and description keeps its
//! document; the card gives the latest and keeps the earlier ones; and as of a date before the
//! later document, nothing it says appears anywhere: cards, results, search, filters, charts,
//! tables, the documents list, the footer, exports.

use sco_explorer::core::asof::steps;
use sco_explorer::core::catalog::Catalog;
use sco_explorer::core::export;
use sco_explorer::core::facets::Dim;
use sco_explorer::core::model::iso_day as day_iso;
use sco_explorer::core::model::{DocIx, EntityKind, FactKind};
use sco_explorer::core::page::{Page, Site};
use sco_explorer::core::raw::{RawQuote, RawSource};
use sco_explorer::core::route::{Route, View};
use sco_explorer::core::search::RecordRef;
use sco_explorer::core::search::index::stem;
use sco_explorer::core::search::rank::edit_distance;
use sco_explorer::core::source;
use sco_explorer::core::sources::document_time;
use sco_explorer::core::testing;
use sco_explorer::core::text::fold;
use sco_explorer::core::view::{self, CardView};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/prose")
}

fn cat() -> &'static Catalog<'static> {
    testing::catalog(&dir())
}

fn raw(dir: &Path) -> RawSource {
    source::load_dir(dir).expect("the folder loads")
}

#[test]
fn a_later_document_gives_its_own_word_and_the_earlier_prose_stays() {
    let cat = cat();
    let CardView::Entity(e) = view::card(cat, "velmora") else {
        panic!("an entity")
    };
    let now = e.description.expect("described");
    assert_eq!(now.doc_id, "p2_later", "the latest document's description");
    assert_eq!(
        e.earlier
            .iter()
            .map(|s| (s.doc_id.as_str(), s.text.as_str()))
            .collect::<Vec<_>>(),
        [("p1_early", "An observer of the Tarrow Pact since 2017.")],
        "the earlier description, kept with its document"
    );
    let CardView::Fact(f) = view::card(cat, "saltmere-2018") else {
        panic!("a fact")
    };
    let summary = f.summary.expect("summed up");
    assert_eq!(summary.doc_id, "p2_later");
    let by_source: Vec<(&str, Option<&str>)> = f
        .sources
        .iter()
        .map(|s| (s.doc_id.as_str(), s.summary.as_deref()))
        .collect();
    assert_eq!(
        by_source,
        [
            (
                "p1_early",
                Some(
                    "Drills planned for September 2018 near Kell Harbour, with Velmora taking part."
                )
            ),
            ("p2_later", Some(summary.text.as_str())),
        ]
    );
    // A report that gives no summary leaves the latest one that does.
    let CardView::Entity(k) = view::card(cat, "kell-harbour") else {
        panic!("an entity")
    };
    assert_eq!(
        k.description.map(|d| d.doc_id),
        Some("p2_later".to_string()),
        "a description in entities.toml counts from the newest document its quotes come from"
    );
    // Search finds a card by the words of any of its descriptions, the earlier ones too.
    for q in ["observer of the tarrow pact", "full member since may"] {
        let ids: Vec<&str> = cat
            .search(q)
            .hits
            .iter()
            .map(|h| RecordRef::of(cat.data, h.rec).id(cat.data))
            .collect();
        assert!(ids.contains(&"velmora"), "{q}: {ids:?}");
    }
    // The export carries the current prose and every source's.
    let json: serde_json::Value =
        serde_json::from_str(&export::json(cat.data, &[fact(cat, "saltmere-2018")])).expect("JSON");
    let fact = &json["facts"][0];
    assert_eq!(fact["summary"], summary.text.as_str());
    assert_eq!(fact["sources"].as_array().map(Vec::len), Some(2));
    assert!(fact["sources"][0]["summary"].is_string());
    let ents: serde_json::Value =
        serde_json::from_str(&export::entities_json(cat.data)).expect("JSON");
    let velmora = ents["entities"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == "velmora"))
        .expect("velmora");
    assert_eq!(velmora["descriptions"].as_array().map(Vec::len), Some(2));
}

fn fact(cat: &Catalog<'_>, id: &str) -> u32 {
    match cat.record(id) {
        Some(RecordRef::Fact(f)) => f,
        other => panic!("{id}: {other:?}"),
    }
}

/// A report of the wrong shape fails the build naming the file, the record and the problem,
/// once each.
#[test]
fn reports_of_the_wrong_shape_are_refused() {
    fn check_in(file: &str, edit: &str, expect: &[&str]) {
        let got = testing::errors_with_edit(&dir(), file, |t| format!("{t}\n{edit}"));
        assert_eq!(got, expect, "{edit}");
    }
    let check = |edit: &str, expect: &[&str]| check_in("p2_later.toml", edit, expect);
    let quote = "quotes = [\"Quorvane sent a liaison team to the drills.\"]";
    check(
        &format!("[[report]]\nentity = \"quorvane\"\ndescription = \"d\"\n{quote}"),
        &[
            "p2_later.toml: report on entity `quorvane`: document `p2_later` already describes this entity: one description per document",
        ],
    );
    check(
        &format!("[[report]]\nentity = \"tarrow-pact\"\n{quote}"),
        &["p2_later.toml: report on entity `tarrow-pact`: `description` is missing"],
    );
    check(
        &format!(
            "[[report]]\nentity = \"tarrow-pact\"\nstatus = \"happened\"\ndescription = \"d\"\n{quote}"
        ),
        &[
            "p2_later.toml: report on entity `tarrow-pact`: `status` does not belong in a report on an entity: a fact report gives status, date, places, participants and summary; an entity report gives description",
        ],
    );
    check(
        &format!("[[report]]\nstatus = \"happened\"\n{quote}"),
        &[
            "p2_later.toml: report 4: names no record: give `fact = \"<id>\"` (with its status) or `entity = \"<id>\"` (with a description)",
        ],
    );
    check(
        &format!(
            "[[report]]\nfact = \"velmora-observer\"\nentity = \"velmora\"\nstatus = \"happened\"\n{quote}"
        ),
        &["p2_later.toml: report 4: names both a fact and an entity: one record per [[report]]"],
    );
    check_in(
        "p1_early.toml",
        "[[report]]\nfact = \"velmora-joins-tarrow-pact\"\nsummary = \"s\"\ndescription = \"d\"\nquotes = [\"Velmora has been\"]",
        &[
            "p1_early.toml: report on `velmora-joins-tarrow-pact`: `status` is missing",
            "p1_early.toml: report on `velmora-joins-tarrow-pact`: `description` does not belong in a report on a fact: a fact report gives status, date, places, participants and summary; an entity report gives description",
        ],
    );
    check(
        "[[report]]\nentity = \"tarrow-pact\"\ndescription = \" \"\nquotes = [\"Quorvane sent\", { doc = \"p1_early\", text = \"Velmora has been\" }]",
        &[
            "p2_later.toml: report on entity `tarrow-pact`: `description` is empty",
            "p2_later.toml: report on entity `tarrow-pact`: quotes come from `p2_later` and `p1_early`: a report is one document's word, so all its quotes come from that document",
        ],
    );
}

/// Every string a document's own records and reports give (titles, names, aliases,
/// summaries, descriptions, purposes, quotes) and its title, by document. Records of a file
/// that annotates no document (`entities.toml`) belong to the newest document their quotes
/// come from.
fn words_by_document(cat: &Catalog<'_>, dir: &Path) -> Vec<Vec<String>> {
    let data = cat.data;
    let mut by: Vec<Vec<String>> = vec![Vec::new(); data.documents.len()];
    let ix = |id: &str| cat.doc(id).unwrap_or_else(|| panic!("{id}"));
    let newest = |docs: &[DocIx]| {
        docs.iter()
            .copied()
            .max_by_key(|&d| document_time(&data.documents[d as usize]))
            .expect("quoted")
    };
    for file in raw(dir).files {
        let here = file.doc.as_deref().map(ix);
        let quote_docs = |q: &[RawQuote]| -> Vec<(DocIx, String)> {
            q.iter()
                .map(|q| match q {
                    RawQuote::Here(t) => (here.expect("a document's file"), t.clone()),
                    RawQuote::In { doc, text } => (ix(doc), text.clone()),
                })
                .collect()
        };
        let mut add = |doc: DocIx, s: &str| {
            if !s.trim().is_empty() {
                by[doc as usize].push(s.trim().to_string());
            }
        };
        if let (Some(d), Some(meta)) = (here, &file.document) {
            add(d, &meta.title);
        }
        for f in &file.facts {
            let quotes = quote_docs(&f.quotes);
            let doc =
                here.unwrap_or_else(|| newest(&quotes.iter().map(|q| q.0).collect::<Vec<_>>()));
            for s in [&f.title, &f.summary].into_iter().chain(&f.purpose) {
                add(doc, s);
            }
            for (d, q) in &quotes {
                add(*d, q);
            }
        }
        for e in &file.entities {
            let quotes = quote_docs(&e.quotes);
            let mut docs: Vec<DocIx> = quotes.iter().map(|q| q.0).collect();
            docs.extend(here);
            let doc = newest(&docs);
            for s in [&e.description].into_iter().chain(&e.purpose) {
                add(doc, s);
            }
            if file.doc.is_some() && here == Some(doc) {
                add(doc, &e.name);
            }
            for (d, q) in &quotes {
                add(*d, q);
            }
            // A name counts from the first document that contains it.
            for n in e.aliases.iter().chain(&e.abbreviations).chain(&e.roles) {
                let first = (0..data.documents.len() as DocIx)
                    .filter(|&d| {
                        fold(&data.documents[d as usize].body)
                            .find(&fold(n).text)
                            .is_some()
                    })
                    .min_by_key(|&d| document_time(&data.documents[d as usize]))
                    .expect("a name some document contains");
                add(first, n);
            }
        }
        for r in &file.reports {
            let quotes = quote_docs(&r.quotes);
            let doc = quotes.first().map(|q| q.0).expect("quoted");
            for s in r.summary.iter().chain(&r.description) {
                add(doc, s);
            }
            for (_, q) in &quotes {
                add(doc, q);
            }
        }
    }
    by
}

/// The text of markup and what it says to a reader in attributes (labels, titles): tags
/// become spaces.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attr in ["aria-label=\"", "title=\"", "alt=\""] {
            if let Some(at) = tag.find(attr) {
                let v = &tag[at + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push(' ');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether `text` says `s` as whole words.
fn says(text: &str, s: &str) -> bool {
    text.match_indices(s).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + s.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Text as a reader sees it: the renderer's escapes undone.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Every screen the app draws as of `day`, as text: the start view, every card, every
/// document, the timeline, the table, the documents list, and a search for each word given.
fn every_screen(
    cat: &'static Catalog<'static>,
    day: i32,
    words: &[String],
) -> Vec<(String, String)> {
    let site = Site::new(None).expect("site");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let at = |route: Route| Route {
        asof: Some(day),
        ..route
    };
    let mut routes: Vec<(String, Route)> = vec![
        ("start".into(), at(Route::default())),
        (
            "timeline".into(),
            at(Route {
                view: View::Timeline,
                ..Default::default()
            }),
        ),
        (
            "table".into(),
            at(Route {
                view: View::Table,
                ..Default::default()
            }),
        ),
        (
            "documents".into(),
            at(Route {
                view: View::Documents,
                ..Default::default()
            }),
        ),
    ];
    let data = cat.data;
    let ids = data
        .facts
        .iter()
        .map(|f| f.id.clone())
        .chain(data.entities.iter().map(|e| e.id.clone()));
    for id in ids {
        routes.push((
            format!("card {id}"),
            at(Route {
                card: Some(id),
                ..Default::default()
            }),
        ));
    }
    for d in &data.documents {
        routes.push((
            format!("document {}", d.id),
            at(Route {
                read: Some(d.id.clone()),
                ..Default::default()
            }),
        ));
    }
    for w in words {
        routes.push((
            format!("search {w:?}"),
            at(Route {
                query: w.clone(),
                ..Default::default()
            }),
        ));
    }
    routes
        .into_iter()
        .map(|(name, route)| {
            let page = Page {
                path: String::new(),
                route,
                name: String::new(),
                description: String::new(),
                kind: "website",
                json_ld: String::new(),
                missing: false,
            };
            let html = runtime.block_on(sco_explorer::publish::body(cat, &page, &site));
            (name, unescape(&text_of(&html)))
        })
        .collect()
}

/// The words of `s` (letters only, lowercase, four letters or more).
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn as_of_a_date_nothing_a_later_document_says_appears_anywhere() {
    nothing_later_appears(cat(), &dir(), true);
}

/// The same over the real seeds (and, in CI's second pass, the seeds with a document added):
/// everything the check expects is read from the folder itself.
#[test]
fn as_of_a_date_nothing_a_later_document_says_appears_anywhere_in_the_real_seeds() {
    nothing_later_appears(testing::seeds(), &testing::seeds_dir(), false);
}

/// As of each day a document starts to count, and the day before: a search for each word only
/// later documents give finds nothing, and no screen, export or count shows anything they
/// say. `fixture`: also check what the prose fixture is built to show (Velmora's card).
fn nothing_later_appears(today: &'static Catalog<'static>, dir: &Path, fixture: bool) {
    let data = today.data;
    let said = words_by_document(today, dir);
    // The app's own words for itself.
    let chrome = view::titled("");
    let days = steps(data);
    assert!(
        days.len() >= 2,
        "the fixture has an earlier and a later document"
    );
    let mut checked = 0;
    for day in days.iter().flat_map(|&d| [d - 1, d]) {
        let past = today.as_of(day);
        let counted: Vec<bool> = data
            .documents
            .iter()
            .map(|d| document_time(d).is_some_and(|(a, _)| a <= day))
            .collect();
        // What the documents written by then say, in their text or their records, and the
        // app's own words for kinds (a search for "member" finds a membership).
        let known: Vec<&str> = (0..data.documents.len())
            .filter(|&d| counted[d])
            .flat_map(|d| {
                std::iter::once(data.documents[d].body.as_ref())
                    .chain(said[d].iter().map(String::as_str))
            })
            .chain([view::SITE_NAME, chrome.as_str()])
            .chain(FactKind::ALL.map(FactKind::label))
            .chain(EntityKind::ALL.map(EntityKind::label))
            .collect();
        let later: Vec<&String> = (0..data.documents.len())
            .filter(|&d| !counted[d])
            .flat_map(|d| &said[d])
            .filter(|s| !known.iter().any(|k| k.contains(s.as_str())))
            .collect();
        // Words only a later document gives, and not near a word known by then (which a
        // prefix or a typo may rightly find): a search for each finds nothing.
        let known_words: Vec<Vec<char>> = known
            .iter()
            .flat_map(|k| words_of(k))
            .map(|w| w.chars().collect())
            .collect();
        let known_stems: Vec<String> = known
            .iter()
            .flat_map(|k| words_of(k))
            .map(|w| stem(&w).into_owned())
            .collect();
        // A prefix, a typo or another form of a known word (a stem in common) rightly finds
        // what that word finds.
        let near = |w: &str| {
            let a: Vec<char> = w.chars().collect();
            known_stems.iter().any(|k| *k == stem(w))
                || known_words.iter().any(|k| {
                    k.starts_with(&a) || a.starts_with(k) || edit_distance(&a, k, 2).is_some()
                })
        };
        let mut only_later: Vec<String> = later
            .iter()
            .flat_map(|s| words_of(s))
            .filter(|w| !near(w))
            .collect();
        only_later.sort();
        only_later.dedup();
        for w in &only_later {
            let o = past.search(w);
            let found: Vec<&str> = o
                .hits
                .iter()
                .map(|h| RecordRef::of(data, h.rec).id(data))
                .collect();
            assert!(
                found.is_empty(),
                "as of {}: {w:?} finds {found:?}",
                day_iso(day)
            );
            assert!(
                !o.suggestions.iter().any(|s| only_later.contains(s)),
                "as of {}: {w:?} suggests {:?}",
                day_iso(day),
                o.suggestions
            );
        }
        let mut texts = every_screen(today, day, &only_later);
        // The files "Download" gives, and the counts the footer gives.
        let present: Vec<u32> = (0..data.facts.len() as u32)
            .filter(|&f| past.shows(RecordRef::Fact(f)))
            .collect();
        texts.push(("csv".into(), export::csv(past.data, &present)));
        texts.push(("json".into(), export::json(past.data, &present)));
        let mut leaks: Vec<String> = Vec::new();
        for (name, text) in &texts {
            for s in &later {
                if says(text, s) {
                    leaks.push(format!("{name} shows {s:?}"));
                }
            }
            checked += 1;
        }
        leaks.dedup();
        assert!(
            leaks.is_empty(),
            "as of {}, what only a later document says: {leaks:#?}",
            day_iso(day)
        );
        // The steps to earlier and later documents are today's, whatever the day shown.
        assert_eq!(past.steps(), today.steps(), "as of {}", day_iso(day));
        let (facts, entities, documents) = past.counts();
        let footer = format!("{facts} facts and {entities} entities from {documents} documents");
        assert!(
            texts[0].1.contains(&footer),
            "as of {}: the footer counts what existed: {footer}",
            day_iso(day)
        );
        assert_eq!(documents, counted.iter().filter(|c| **c).count());
        // The "Source document" filter offers only documents written by then.
        let results = view::results(past, &Route::default(), 1000, &[Dim::Doc]);
        let offered: Vec<String> = results
            .counts
            .as_ref()
            .and_then(|c| c.groups.iter().find(|g| g.dim == Dim::Doc))
            .map(|g| g.values.iter().map(|v| v.key.clone()).collect())
            .unwrap_or_default();
        let written: Vec<String> = (0..data.documents.len())
            .filter(|&d| counted[d])
            .map(|d| data.documents[d].id.clone())
            .collect();
        let mut sorted = offered.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            written,
            "as of {}: the documents offered",
            day_iso(day)
        );
    }
    assert!(checked > 20, "{checked} screens checked");
    if !fixture {
        return;
    }
    // And after the later document, its word is there, with the earlier kept.
    let last = *days.last().expect("a day");
    let after = every_screen(today, last, &[]);
    let velmora = &after
        .iter()
        .find(|(n, _)| n == "card velmora")
        .expect("velmora's card")
        .1;
    let Some(RecordRef::Entity(v)) = today.record("velmora") else {
        panic!("velmora is an entity")
    };
    for d in data.entities[v as usize].descriptions().iter() {
        assert!(velmora.contains(&d.text), "{}", d.text);
    }
}

/// The fixture validated with `p2_later.toml` edited.
fn with_later_edited(edit: impl Fn(&str) -> String) -> sco_explorer::core::model::Dataset {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir())
        .expect("the fixture")
        .map(|e| e.expect("an entry").path())
        .map(|p| {
            let name = p
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("text");
            let text = if name == "p2_later.toml" {
                edit(&text)
            } else {
                text
            };
            (name, text)
        })
        .collect();
    files.sort();
    let src = source::load_files(&files).expect("parses");
    sco_explorer::core::validate::validate(&src)
        .expect("valid")
        .dataset
}

#[test]
fn coverage_lists_a_description_that_a_newer_standing_makes_stale_naming_both_documents() {
    use sco_explorer::core::coverage::stale_standings;
    // With its own description of Velmora, the later document leaves nothing stale.
    assert_eq!(stale_standings(cat().data), []);
    // Without it, Velmora's latest description (the earlier document's) still calls it an
    // observer, while the later document's fact makes it a full member.
    let data = with_later_edited(|t| {
        let start = t
            .find("[[report]]\nentity = \"velmora\"")
            .expect("the report");
        let end = start + t[start..].find("\n\n").expect("its end");
        format!("{}{}", &t[..start], &t[end..])
    });
    let got: Vec<(String, String)> = stale_standings(&data)
        .into_iter()
        .map(|s| (s.record, format!("{} / {}", s.says, s.now)))
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        "entity `velmora` description (document `p1_early`)"
    );
    assert!(got[0].1.starts_with("\u{ab}observer\u{bb}"), "{got:?}");
    for named in ["`velmora-joins-tarrow-pact`", "`p2_later`"] {
        assert!(got[0].1.contains(named), "{got:?}");
    }
}
