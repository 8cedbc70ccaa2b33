//! URL state: the whole view in the URL fragment, parsed leniently and formatted back.
//!
//! The fragment (`#q=peace&type=exercise&card=peace-mission-2018`) works on any static host,
//! under any base path and from a single file, with no server rewrites. [`parse`] is lenient:
//! any string gives a valid [`Route`], plus a notice for each thing it ignored; [`format`] is
//! its inverse, `parse(format(r)) == r` for every valid route (a property test checks it).
//!
//! The keys (README.md carries the same table; a test keeps the two equal):
//!
//! | key | value | example |
//! | --- | --- | --- |
//! | `view` | `search` (default), `timeline`, `table`, `documents` | `view=timeline` |
//! | `q` | the query, `+` for spaces | `q=peace+mission` |
//! | `type` | card types, comma-separated | `type=exercise,meeting` |
//! | `ent` | state or organisation ids | `ent=india,pakistan` |
//! | `years` | a year or a range | `years=2016-2018` |
//! | `src` | source document ids | `src=000_05d95eeefa1e2818` |
//! | `status` | `happened`, `in-progress`, `planned`, `intended` | `status=planned` |
//! | `sources` | how many sources and what they make of it: `one`, `several`, `revised`, `disputed` | `sources=revised,disputed` |
//! | `certainty` | date certainty: `stated`, `inferred`, `unknown` (old links' `date=` still works) | `certainty=inferred` |
//! | `card` | the open card | `card=peace-mission-2018` |
//! | `read` | the open document | `read=000_05d95eeefa1e2818` |
//! | `quote` | which card's quote to highlight in it (card id . number) | `read=000_05d95eeefa1e2818&quote=peace-mission-2018.2` |
//! | `t` | the timeline's visible range | `t=2015-01-01..2021-01-01` |
//! | `asof` | the sources as they stood on that day: only documents written by then | `asof=2018-08-21` |
//! | `embed` | `1`: only the view's content, to be shown in an `<iframe>` on another site (not part of the view: links leave it) | `card=peace-mission-2018&embed=1` |
//!
//! A build also publishes a static page per card and document (`card/<id>/`, `doc/<id>/`,
//! [`page`]); the app opened at one shows what it names, and a fragment there still wins.

use crate::core::facets::{CardKind, DateCertainty, Dim, Filters, Sourcing};
use crate::core::model::{Point, Status, in_years, is_slug, iso_day, parse_iso_day};

mod page;
pub use page::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum View {
    #[default]
    Search,
    Timeline,
    /// The timeline's data as a table, by year.
    Table,
    Documents,
}

impl View {
    pub const ALL: [View; 4] = [View::Search, View::Timeline, View::Table, View::Documents];

    pub fn slug(self) -> &'static str {
        match self {
            View::Search => "search",
            View::Timeline => "timeline",
            View::Table => "table",
            View::Documents => "documents",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Search => "Search",
            View::Timeline => "Timeline",
            View::Table => "Table",
            View::Documents => "Documents",
        }
    }
}

/// A quote of a card to highlight in the reader: the card's id and the quote's number (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QuoteRef {
    pub card: String,
    pub n: u16,
}

/// Everything a link carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub query: String,
    pub filters: Filters,
    pub card: Option<String>,
    pub read: Option<String>,
    pub quote: Option<QuoteRef>,
    /// The timeline's visible range, inclusive day numbers; `None` fits everything.
    pub timeline: Option<(i32, i32)>,
    /// The sources as they stood on this day (`core::asof`); `None`: today.
    pub asof: Option<i32>,
}

/// The longest query a link may carry; longer ones are cut (with a notice).
pub const MAX_QUERY: usize = 500;
/// The most values one filter may carry from a link.
pub const MAX_VALUES: usize = 200;
/// Timeline ranges are kept between these years.
pub use crate::core::model::YEARS;

/// What [`parse`] made of a fragment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub route: Route,
    /// One sentence per thing ignored, for a visible notice.
    pub notices: Vec<String>,
    /// `embed=1`: the view's content alone, for an `<iframe>` on another site. It is how the
    /// view is shown, not part of it: no link the view gives carries it.
    pub embed: bool,
}

/// Parses a URL fragment (with or without the leading `#`). Never fails.
pub fn parse(fragment: &str) -> Parsed {
    let mut p = Parsed::default();
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    let body = body.strip_prefix('/').unwrap_or(body);
    for pair in body.split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(k);
        let value = decode(v);
        apply(&mut p, &key, &value);
    }
    // A quote to highlight only makes sense in an open document.
    if p.route.quote.is_some() && p.route.read.is_none() {
        p.route.quote = None;
        p.notices
            .push("A quote was named without a document to show it in; ignored.".into());
    }
    p.notices = capped(std::mem::take(&mut p.notices));
    p
}

/// The most notices a link can raise; the rest are counted in one line.
pub const MAX_NOTICES: usize = 5;

/// Notices without repeats, at most [`MAX_NOTICES`] and then "and N more".
fn capped(notices: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut more = 0;
    for n in notices {
        if out.contains(&n) {
            continue;
        }
        if out.len() < MAX_NOTICES {
            out.push(n);
        } else {
            more += 1;
        }
    }
    if more > 0 {
        out.push(format!(
            "\u{2026}and {more} more thing{} in the link ignored.",
            if more == 1 { "" } else { "s" }
        ));
    }
    out
}

/// A value as a notice quotes it: without characters that would reorder the notice around it,
/// and cut short, so a hostile link cannot flood the page.
fn shown(s: &str) -> String {
    let plain: String = s
        .chars()
        .filter(|c| !crate::core::text::is_bidi_control(*c))
        .collect();
    crate::core::text::ellipsize(&plain, 41)
}

/// Every key a link's fragment holds: the one table parsing and writing share (the table
/// above is its words, and README.md's; a test keeps them equal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Embed,
    View,
    Query,
    Filter(Dim),
    Card,
    Read,
    Quote,
    Timeline,
    AsOf,
}

impl Key {
    const ALL: [Key; 15] = [
        Key::View,
        Key::Query,
        Key::Filter(Dim::Kind),
        Key::Filter(Dim::Entity),
        Key::Filter(Dim::Year),
        Key::Filter(Dim::Doc),
        Key::Filter(Dim::Status),
        Key::Filter(Dim::Sources),
        Key::Filter(Dim::Certainty),
        Key::Card,
        Key::Read,
        Key::Quote,
        Key::Timeline,
        Key::AsOf,
        Key::Embed,
    ];

    /// The key's name in a link; a filter's is its dimension's (`Dim::key`).
    fn name(self) -> &'static str {
        match self {
            Key::Embed => "embed",
            Key::View => "view",
            Key::Query => "q",
            Key::Filter(d) => d.key(),
            Key::Card => "card",
            Key::Read => "read",
            Key::Quote => "quote",
            Key::Timeline => "t",
            Key::AsOf => "asof",
        }
    }

    /// The key a link's name stands for. `date=` is what links said before the key was named
    /// after the data's `certainty`.
    fn of(name: &str) -> Option<Key> {
        match name {
            "date" => Some(Key::Filter(Dim::Certainty)),
            _ => Key::ALL.into_iter().find(|k| k.name() == name),
        }
    }
}

fn apply(p: &mut Parsed, key: &str, value: &str) {
    let r = &mut p.route;
    let notices = &mut p.notices;
    let Some(known) = Key::of(key) else {
        notices.push(format!(
            "Ignored the unknown link parameter \u{201c}{}\u{201d}.",
            shown(key)
        ));
        return;
    };
    match known {
        Key::Embed => match value {
            "1" | "" => p.embed = true,
            "0" => {}
            _ => p.notices.push(format!(
                "Unknown embed value \u{201c}{}\u{201d}; use embed=1.",
                shown(value)
            )),
        },
        Key::View => match View::ALL.into_iter().find(|v| v.slug() == value) {
            Some(v) => r.view = v,
            None => notices.push(format!(
                "Unknown view \u{201c}{}\u{201d}; showing search.",
                shown(value)
            )),
        },
        Key::Query => {
            let (query, cut) = clean_query(value);
            if cut.is_some() {
                notices.push(format!(
                    "The search in the link was cut to {MAX_QUERY} characters."
                ));
            }
            r.query = query;
        }
        Key::Filter(d @ Dim::Kind) => list(value, d, notices, |v| {
            CardKind::from_slug(v)
                .map(|k| r.filters.kinds.insert(k))
                .is_some()
        }),
        Key::Filter(d @ Dim::Status) => list(value, d, notices, |v| {
            Status::from_slug(v)
                .map(|s| r.filters.statuses.insert(s))
                .is_some()
        }),
        Key::Filter(d @ Dim::Certainty) => list(value, d, notices, |v| {
            DateCertainty::from_slug(v)
                .map(|s| r.filters.certainty.insert(s))
                .is_some()
        }),
        Key::Filter(d @ Dim::Sources) => list(value, d, notices, |v| {
            Sourcing::from_slug(v)
                .map(|s| r.filters.sources.insert(s))
                .is_some()
        }),
        Key::Filter(d @ Dim::Entity) => list(value, d, notices, |v| {
            let ok = is_slug(v);
            if ok {
                r.filters.entities.insert(v.to_string());
            }
            ok
        }),
        Key::Filter(d @ Dim::Doc) => list(value, d, notices, |v| {
            let ok = is_doc_id(v);
            if ok {
                r.filters.docs.insert(v.to_string());
            }
            ok
        }),
        Key::Filter(Dim::Year) => match parse_years(value) {
            Some(y) => r.filters.years = Some(y),
            None => notices.push(format!(
                "Ignored the year range \u{201c}{}\u{201d}.",
                shown(value)
            )),
        },
        Key::Card => {
            if is_slug(value) {
                r.card = Some(value.to_string());
            } else {
                notices.push(format!(
                    "Ignored the card \u{201c}{}\u{201d}: not a card id.",
                    shown(value)
                ));
            }
        }
        Key::Read => {
            if is_doc_id(value) {
                r.read = Some(value.to_string());
            } else {
                notices.push(format!(
                    "Ignored the document \u{201c}{}\u{201d}: not a document id.",
                    shown(value)
                ));
            }
        }
        Key::Quote => match value
            .rsplit_once('.')
            .and_then(|(c, n)| Some((c, n.parse::<u16>().ok().filter(|n| *n >= 1)?)))
        {
            Some((card, n)) if is_slug(card) => {
                r.quote = Some(QuoteRef {
                    card: card.to_string(),
                    n,
                })
            }
            _ => notices.push(format!(
                "Ignored the quote \u{201c}{}\u{201d}.",
                shown(value)
            )),
        },
        Key::AsOf => match parse_iso_day(value) {
            Some(d) => r.asof = Some(d),
            None => notices.push(format!(
                "Ignored the date \u{201c}{}\u{201d}: \u{201c}asof\u{201d} takes a day as 2018-08-21.",
                shown(value)
            )),
        },
        Key::Timeline => match parse_range(value) {
            Some(t) => r.timeline = Some(t),
            None => notices.push(format!(
                "Ignored the timeline range \u{201c}{}\u{201d}.",
                shown(value)
            )),
        },
    }
}

/// Adds each comma-separated value with `add`; counts and reports the ones it refused.
fn list(value: &str, dim: Dim, notices: &mut Vec<String>, mut add: impl FnMut(&str) -> bool) {
    let mut bad = Vec::new();
    let mut n = 0;
    for v in value.split(',').filter(|v| !v.is_empty()) {
        n += 1;
        if n > MAX_VALUES {
            notices.push(format!(
                "Only the first {MAX_VALUES} values of \u{201c}{}\u{201d} were kept.",
                dim.label()
            ));
            break;
        }
        if !add(v) {
            bad.push(shown(v));
        }
    }
    if !bad.is_empty() {
        notices.push(format!(
            "Ignored unknown {} filter values: {}.",
            dim.label().to_ascii_lowercase(),
            bad.join(", ")
        ));
    }
}

/// Document ids are file stems: letters, digits, `_`, `-`.
pub fn is_doc_id(s: &str) -> bool {
    crate::core::model::looks_like_document_id(s)
}

fn parse_years(v: &str) -> Option<(i32, i32)> {
    let year = |s: &str| s.parse::<i32>().ok().filter(|y| in_years(*y));
    let (a, b) = match v.split_once('-') {
        Some((a, b)) => (year(a)?, year(b)?),
        None => (year(v)?, year(v)?),
    };
    Some((a.min(b), a.max(b)))
}

fn parse_range(v: &str) -> Option<(i32, i32)> {
    let (a, b) = v.split_once("..")?;
    let (a, b) = (Point::parse(a)?, Point::parse(b)?);
    let (lo, hi) = (
        Point::year(YEARS.0).first_day(),
        Point::year(YEARS.1).last_day(),
    );
    let (a, b) = (a.first_day().clamp(lo, hi), b.last_day().clamp(lo, hi));
    (a < b).then_some((a, b))
}

/// The one rule of what a query holds, however it comes (typed, pasted, in a link): no control
/// or bidirectional-control characters, and at most [`MAX_QUERY`] characters. Gives the query,
/// and when it was cut, how many characters it had.
pub fn clean_query(q: &str) -> (String, Option<usize>) {
    let kept: Vec<char> = q
        .chars()
        .filter(|c| !c.is_control() && !crate::core::text::is_bidi_control(*c))
        .collect();
    let cut = (kept.len() > MAX_QUERY).then_some(kept.len());
    (kept.into_iter().take(MAX_QUERY).collect(), cut)
}

/// The fragment of a card's own link: the card alone, with no query or view, so it reads
/// the same for whoever opens it. Permalinks and citations use it.
pub fn card_fragment(id: &str) -> String {
    format(&Route {
        card: Some(id.to_string()),
        ..Default::default()
    })
}

/// Writes a route as a fragment (without `#`); the default route is the empty string.
pub fn format(r: &Route) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut push = |k: &str, v: &str| parts.push(format!("{k}={}", encode(v)));
    if r.view != View::Search {
        push(Key::View.name(), r.view.slug());
    }
    if !r.query.is_empty() {
        push(Key::Query.name(), &r.query);
    }
    let f = &r.filters;
    let join = |it: &mut dyn Iterator<Item = &str>| it.collect::<Vec<_>>().join(",");
    if !f.kinds.is_empty() {
        push(
            Dim::Kind.key(),
            &join(&mut f.kinds.iter().map(|k| k.slug())),
        );
    }
    if !f.entities.is_empty() {
        push(
            Dim::Entity.key(),
            &join(&mut f.entities.iter().map(String::as_str)),
        );
    }
    if let Some((a, b)) = f.years {
        push(
            Dim::Year.key(),
            &if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            },
        );
    }
    if !f.docs.is_empty() {
        push(
            Dim::Doc.key(),
            &join(&mut f.docs.iter().map(String::as_str)),
        );
    }
    if !f.statuses.is_empty() {
        push(
            Dim::Status.key(),
            &join(&mut f.statuses.iter().map(|s| s.slug())),
        );
    }
    if !f.sources.is_empty() {
        push(
            Dim::Sources.key(),
            &join(&mut f.sources.iter().map(|s| s.slug())),
        );
    }
    if !f.certainty.is_empty() {
        push(
            Dim::Certainty.key(),
            &join(&mut f.certainty.iter().map(|s| s.slug())),
        );
    }
    if let Some(c) = &r.card {
        push(Key::Card.name(), c);
    }
    if let Some(d) = &r.read {
        push(Key::Read.name(), d);
    }
    if let Some(q) = &r.quote {
        push(Key::Quote.name(), &format!("{}.{}", q.card, q.n));
    }
    if let Some((a, b)) = r.timeline {
        push(
            Key::Timeline.name(),
            &format!("{}..{}", iso_day(a), iso_day(b)),
        );
    }
    if let Some(d) = r.asof {
        push(Key::AsOf.name(), &iso_day(d));
    }
    parts.join("&")
}

/// Percent-encodes a value for the fragment: letters, digits and `-._~,:` stay, a space
/// becomes `+`, everything else is `%XX` of its UTF-8 bytes.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' | b':' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `+` and `%XX`; malformed escapes are kept as typed, invalid UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(fragment: &str, expect_format: &str, notices: usize) {
        let p = parse(fragment);
        assert_eq!(format(&p.route), expect_format, "{fragment:?}");
        assert_eq!(p.notices.len(), notices, "{fragment:?}: {:?}", p.notices);
    }

    /// The rows of the first markdown table whose header is `| key | value | example |`,
    /// in `text` with `prefix` stripped from each line.
    fn key_table(text: &str, prefix: &str) -> Vec<Vec<String>> {
        text.lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .skip_while(|l| !l.starts_with("| key | value | example |"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                l.split(" | ")
                    .map(|c| c.trim_matches(['|', ' ']).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn embed_shows_a_view_without_being_part_of_it() {
        for (fragment, embed, notices) in [
            ("card=kestrel&embed=1", true, 0),
            ("embed", true, 0),
            ("view=timeline&embed=0", false, 0),
            ("embed=yes", false, 1),
        ] {
            let p = parse(fragment);
            assert_eq!((p.embed, p.notices.len()), (embed, notices), "{fragment}");
            assert!(!format(&p.route).contains("embed"), "{fragment}");
        }
        let place = Place {
            base: "https://x.org/sco/".into(),
            root: "https://x.org/sco/".into(),
            pages: true,
        };
        let card = parse("card=kestrel").route;
        // A view with a page is embedded as its page, which shows it even where scripts
        // cannot run; one without, as the root with its fragment.
        assert_eq!(
            place.embed_url(&card),
            "https://x.org/sco/card/kestrel/#embed=1"
        );
        assert_eq!(
            place.embed_url(&parse("q=2017").route),
            "https://x.org/sco/#q=2017&embed=1"
        );
        let fragments = Place {
            pages: false,
            ..place.clone()
        };
        assert_eq!(
            fragments.embed_url(&card),
            "https://x.org/sco/#card=kestrel&embed=1"
        );
        assert_eq!(
            place.embed_url(&Route::default()),
            "https://x.org/sco/#embed=1"
        );
        assert_eq!(parse("card=kestrel&embed=1").route, card);
    }

    #[test]
    fn the_readme_documents_the_url_keys_this_module_parses() {
        let here = key_table(include_str!("mod.rs"), "//! ");
        let readme = key_table(
            &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
                .expect("README.md"),
            "",
        );
        assert_eq!(
            readme, here,
            "README.md's URL table differs from route/mod.rs's"
        );
        assert!(here.len() >= 12, "{here:?}");
        // The table names exactly the keys the one key table reads and writes, in its order.
        let keys: Vec<String> = here
            .iter()
            .map(|row| row[0].trim_matches('`').to_string())
            .collect();
        let names: Vec<String> = Key::ALL.iter().map(|k| k.name().to_string()).collect();
        assert_eq!(keys, names);
        // Every example is a link the parser takes as it is, with no notice.
        for row in &here {
            let example = row[2].trim_matches('`');
            let p = parse(example);
            assert!(p.notices.is_empty(), "{example}: {:?}", p.notices);
            // `embed` is how a view is shown, not part of it: it is kept apart from the route.
            let back = format(&p.route);
            let back = if p.embed {
                format!("{back}&embed=1")
            } else {
                back
            };
            assert_eq!(back, example, "{example} formats back to itself");
        }
        // And every key `format` writes is in the table.
        let keys: Vec<&str> = here.iter().map(|r| r[0].trim_matches('`')).collect();
        let mut all = Route {
            view: View::Timeline,
            query: "q".into(),
            card: Some("c".into()),
            read: Some("d".into()),
            quote: Some(QuoteRef {
                card: "c".into(),
                n: 1,
            }),
            timeline: Some((0, 100)),
            ..Default::default()
        };
        for d in Dim::ALL {
            let value = match d {
                Dim::Kind => "exercise",
                Dim::Entity => "x",
                Dim::Year => "2017",
                Dim::Doc => "d",
                Dim::Status => "planned",
                Dim::Certainty => "inferred",
                Dim::Sources => "revised",
            };
            if d == Dim::Year {
                all.filters.years = Some((2017, 2017));
            } else {
                all.filters.toggle(d, value);
            }
        }
        for pair in format(&all).split('&') {
            let key = pair.split('=').next().unwrap_or_default();
            assert!(keys.contains(&key), "{key} is written but not documented");
        }
    }

    #[test]
    fn hostile_links_give_few_notices_no_reordering_and_no_giant_ids() {
        // 10,000 junk parameters: one notice, not 10,000.
        let p = parse(&format!("#{}", "x&".repeat(10_000)));
        assert_eq!(
            p.notices.len(),
            1,
            "{:?}",
            &p.notices[..p.notices.len().min(3)]
        );
        // Many different ones: five, then a count.
        let junk: String = (0..40).map(|i| format!("k{i}=1&")).collect();
        let p = parse(&junk);
        assert_eq!(p.notices.len(), MAX_NOTICES + 1);
        assert!(
            p.notices[MAX_NOTICES].contains("and 35 more"),
            "{:?}",
            p.notices
        );
        // Bidi controls never reach the screen: not in the query, not in a notice.
        let p = parse("#q=peace%E2%80%AEmission&card=paki%E2%80%AEstan");
        assert_eq!(p.route.query, "peacemission");
        assert!(
            p.notices
                .iter()
                .all(|n| !n.chars().any(crate::core::text::is_bidi_control)),
            "{:?}",
            p.notices
        );
        assert!(p.notices[0].contains("pakistan"), "{:?}", p.notices);
        // A card id is capped like a document id.
        let p = parse(&format!(
            "#card={}",
            "a".repeat(crate::core::model::MAX_ID + 1)
        ));
        assert_eq!((p.route.card, p.notices.len()), (None, 1));
        assert!(p.notices[0].chars().count() < 120, "{:?}", p.notices);
    }

    #[test]
    fn fragments_parse_leniently() {
        check("", "", 0);
        check("#", "", 0);
        check("#q=peace+mission", "q=peace+mission", 0);
        check("#/q=peace%20mission", "q=peace+mission", 0);
        check("#q=%E2%80%9CPeace%E2%80%9D", "q=%E2%80%9CPeace%E2%80%9D", 0);
        check(
            "#type=meeting,exercise&status=planned",
            "type=exercise,meeting&status=planned",
            0,
        );
        check("#years=2018-2016", "years=2016-2018", 0);
        check("#years=2017", "years=2017", 0);
        check("#card=peace-mission-2018", "card=peace-mission-2018", 0);
        check(
            "#read=000_05d95eeefa1e2818&quote=peace-mission-2018.2",
            "read=000_05d95eeefa1e2818&quote=peace-mission-2018.2",
            0,
        );
        check(
            "#view=timeline&t=2015-01-01..2021-06-30",
            "view=timeline&t=2015-01-01..2021-06-30",
            0,
        );
        check("#t=2016..2017", "t=2016-01-01..2017-12-31", 0);
        // Garbage is ignored with a notice, and what is good is kept.
        check("#view=nope&q=ok", "q=ok", 1);
        check("#zzz=1&card=Not A Slug", "", 2);
        check("#type=exercise,drill,boat", "type=exercise", 1);
        check("#years=abc", "", 1);
        check("#years=1066", "", 1);
        check("#t=2020..2010", "", 1);
        check("#quote=peace-mission-2018.0&read=x", "read=x", 1);
        check("#quote=peace-mission-2018.1", "", 1);
        check("#q=%ZZ%4", "q=%25ZZ%254", 0);
        check("%%%&&&===", "", 2);
    }

    #[test]
    fn huge_values_are_cut_with_a_notice() {
        let p = parse(&format!("#q={}", "a".repeat(5000)));
        assert_eq!(p.route.query.len(), MAX_QUERY);
        assert_eq!(p.notices.len(), 1);
        let many: Vec<String> = (0..1000).map(|i| format!("e{i}")).collect();
        let p = parse(&format!("#ent={}", many.join(",")));
        assert_eq!(p.route.filters.entities.len(), MAX_VALUES);
    }

    fn slug() -> impl Strategy<Value = String> {
        "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
    }

    fn route() -> impl Strategy<Value = Route> {
        let view = prop::sample::select(View::ALL.to_vec());
        let query = "\\PC{0,60}"
            .prop_map(|s: String| s.chars().filter(|c| !c.is_control()).collect::<String>());
        let kinds = prop::collection::btree_set(
            prop::sample::select(
                crate::core::model::FactKind::ALL
                    .map(CardKind::Fact)
                    .into_iter()
                    .chain(crate::core::model::EntityKind::ALL.map(CardKind::Entity))
                    .collect::<Vec<_>>(),
            ),
            0..4,
        );
        let ents = prop::collection::btree_set(slug(), 0..4);
        let docs = prop::collection::btree_set("[a-z0-9][a-z0-9_-]{0,19}", 0..3);
        let years =
            prop::option::of((1900i32..=2100, 0i32..30).prop_map(|(a, d)| (a, (a + d).min(2100))));
        let statuses =
            prop::collection::btree_set(prop::sample::select(Status::ALL.to_vec()), 0..3);
        let sure =
            prop::collection::btree_set(prop::sample::select(DateCertainty::ALL.to_vec()), 0..3);
        let sourcing =
            prop::collection::btree_set(prop::sample::select(Sourcing::ALL.to_vec()), 0..3);
        let card = prop::option::of(slug());
        let read = prop::option::of("[a-z0-9][a-z0-9_-]{0,19}");
        let quote = prop::option::of((slug(), 1u16..20));
        let (lo, hi) = (
            Point::year(YEARS.0).first_day(),
            Point::year(YEARS.1).last_day(),
        );
        let t = prop::option::of(
            (lo..hi, 1i32..20_000).prop_map(move |(a, d)| (a.min(hi - 1), (a + d).min(hi))),
        );
        let asof = prop::option::of(lo..=hi);
        (
            view,
            query,
            (kinds, ents, docs, years, statuses, sure, sourcing),
            card,
            read,
            (quote, asof),
            t,
        )
            .prop_map(
                |(
                    view,
                    query,
                    (kinds, entities, docs, years, statuses, certainty, sources),
                    card,
                    read,
                    (quote, asof),
                    timeline,
                )| {
                    let quote = if read.is_some() {
                        quote.map(|(card, n)| QuoteRef { card, n })
                    } else {
                        None
                    };
                    Route {
                        view,
                        query,
                        filters: Filters {
                            kinds: kinds.into_iter().collect(),
                            entities: entities.into_iter().collect(),
                            years,
                            docs: docs.into_iter().collect(),
                            statuses: statuses.into_iter().collect(),
                            certainty: certainty.into_iter().collect(),
                            sources: sources.into_iter().collect(),
                        },
                        card,
                        read,
                        quote,
                        timeline,
                        asof,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn parse_of_format_is_the_identity(r in route()) {
            let p = parse(&format(&r));
            prop_assert_eq!(&p.notices, &Vec::<String>::new());
            prop_assert_eq!(p.route, r);
        }

        #[test]
        fn link_shaped_garbage_gives_a_valid_route(
            pairs in prop::collection::vec(
                (prop::sample::select(vec!["q", "type", "ent", "years", "src", "status", "sources", "certainty", "date", "card", "read", "quote", "t", "asof", "view", "x", ""]),
                 "[-a-z0-9%+.,_=&~\\PC]{0,30}"),
                0..12)
        ) {
            let fragment = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
            let p = parse(&fragment);
            let again = parse(&format(&p.route));
            prop_assert!(again.notices.is_empty());
            prop_assert_eq!(again.route, p.route);
        }

        #[test]
        fn any_input_gives_a_valid_route(s in "\\PC{0,200}") {
            let p = parse(&s);
            // Whatever came in, what comes out formats and parses back to itself.
            let again = parse(&format(&p.route));
            prop_assert!(again.notices.is_empty());
            prop_assert_eq!(again.route, p.route);
        }
    }
}
