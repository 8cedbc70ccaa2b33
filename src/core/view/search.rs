//! The search screen's view model: result items with highlights, counts, facets, chips.

use super::{DateView, Seg, date_view, marked};
use crate::core::catalog::Catalog;
use crate::core::facets::{self, CardKind, Dim, FacetGroup, Filters};
use crate::core::model::*;
use crate::core::route::Route;
use crate::core::search::rank::{Highlighter, Outcome, order};
use crate::core::search::{Rec, RecordRef, query};

/// A result in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultItem {
    pub id: String,
    pub kind: &'static str,
    pub kind_slug: &'static str,
    pub is_fact: bool,
    pub title: Vec<Seg>,
    pub date: Option<DateView>,
    /// Every disputed status where the sources disagree.
    pub status: Option<String>,
    pub status_slug: Option<&'static str>,
    /// The summary, or the quote the query matched when the summary does not show why.
    pub snippet: Vec<Seg>,
    /// For a fact, the titles of the documents that report it, oldest first.
    pub sources: Vec<String>,
    /// For a fact: "3 sources", "revised", "sources disagree on the date".
    pub badges: Vec<String>,
}

/// A record's result card with nothing marked: what the benchmark's same-card peer draws
/// (`records`), so it draws exactly what ours does.
pub fn plain_item(data: &Dataset, rec: RecordRef) -> ResultItem {
    result_item(data, rec, &Highlighter::default())
}

pub(super) fn result_item(data: &Dataset, rec: RecordRef, h: &Highlighter) -> ResultItem {
    let kind = CardKind::of(data, rec);
    match rec {
        RecordRef::Fact(f) => {
            let fact = &data.facts[f as usize];
            let mut snippet = marked(&fact.summary, h);
            if !h.is_empty()
                && !snippet.iter().any(|s| s.mark)
                && let Some(q) = fact
                    .evidence
                    .iter()
                    .map(|q| marked(data.quote_text(q), h))
                    .find(|m| m.iter().any(|s| s.mark))
            {
                snippet = window(q, 220);
            }
            ResultItem {
                id: fact.id.clone(),
                kind: kind.label(),
                kind_slug: kind.slug(),
                is_fact: true,
                title: marked(&fact.title, h),
                date: date_view(&fact.date),
                status: Some(super::headline_status(fact)),
                status_slug: Some(fact.status.slug()),
                snippet,
                sources: fact
                    .reports()
                    .iter()
                    .map(|r| data.documents[r.doc as usize].title.clone())
                    .collect(),
                badges: super::badges(fact),
            }
        }
        RecordRef::Entity(e) => {
            let ent = &data.entities[e as usize];
            let mut title = marked(&ent.name, h);
            // Say which alias matched when it matched more of the query than the name did.
            let in_name = h.ranges(&ent.name).len();
            if !h.is_empty()
                && let Some(alias) = ent
                    .aliases
                    .iter()
                    .chain(&ent.abbreviations)
                    .chain(&ent.search_aliases)
                    .max_by_key(|a| h.ranges(a).len())
                    .filter(|a| h.ranges(a).len() > in_name)
            {
                title.push(Seg {
                    text: " (".into(),
                    mark: false,
                });
                title.extend(marked(alias, h));
                title.push(Seg {
                    text: ")".into(),
                    mark: false,
                });
            }
            ResultItem {
                id: ent.id.clone(),
                kind: kind.label(),
                kind_slug: kind.slug(),
                is_fact: false,
                title,
                date: None,
                status: None,
                status_slug: None,
                snippet: marked(&ent.description, h),
                sources: Vec::new(),
                badges: Vec::new(),
            }
        }
    }
}

/// Cuts marked text to about `max` characters around its first mark, with ellipses.
fn window(segs: Vec<Seg>, max: usize) -> Vec<Seg> {
    let total: usize = segs.iter().map(|s| s.text.chars().count()).sum();
    if total <= max {
        return segs;
    }
    let before: usize = segs
        .iter()
        .take_while(|s| !s.mark)
        .map(|s| s.text.chars().count())
        .sum();
    let start = before.saturating_sub(max / 3);
    let mut out = Vec::new();
    let mut pos = 0;
    for s in segs {
        let len = s.text.chars().count();
        let (from, to) = (start.max(pos), (start + max).min(pos + len));
        if from < to {
            let text: String = s.text.chars().skip(from - pos).take(to - from).collect();
            out.push(Seg { text, mark: s.mark });
        }
        pos += len;
    }
    if start > 0 {
        out.insert(
            0,
            Seg {
                text: crate::core::text::ELLIPSIS.into(),
                mark: false,
            },
        );
    }
    if start + max < total {
        out.push(Seg {
            text: crate::core::text::ELLIPSIS.into(),
            mark: false,
        });
    }
    out
}

/// A chosen filter value, for the "clear" chips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveFilter {
    pub dim: Dim,
    pub key: String,
    pub label: String,
}

/// A query with Cyrillic or Greek letters that pass for Latin ones inside Latin words: the
/// query as typed, in pieces (each such letter alone, with its script), and as it was read.
/// Shown so that "Pаkistаn" typed with Cyrillic letters does not read exactly like "Pakistan".
#[derive(Debug, Clone, PartialEq)]
pub struct Lookalikes {
    pub typed: Vec<(String, Option<&'static str>)>,
    pub read_as: String,
    /// The scripts of the letters read as Latin, for the sentence ("Cyrillic", "Cyrillic and
    /// Greek").
    pub scripts: String,
}

/// The lookalike letters of a query, if it has any (`normalize::read_lookalikes`).
pub fn lookalikes(query: &str) -> Option<Lookalikes> {
    use crate::core::search::normalize::{latin_lookalike, read_lookalikes, script_of};
    let read_as = read_lookalikes(query.trim())?;
    let mut typed: Vec<(String, Option<&'static str>)> = Vec::new();
    let mut scripts: Vec<&'static str> = Vec::new();
    for (t, r) in query.trim().chars().zip(read_as.chars()) {
        if t != r && latin_lookalike(t).is_some() {
            let script = script_of(t);
            if !scripts.contains(&script) {
                scripts.push(script);
            }
            typed.push((t.to_string(), Some(script)));
        } else {
            match typed.last_mut() {
                Some((s, None)) => s.push(t),
                _ => typed.push((t.to_string(), None)),
            }
        }
    }
    Some(Lookalikes {
        typed,
        read_as,
        scripts: scripts.join(" and "),
    })
}

/// The search screen: results, counts, facets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResultsView {
    pub total: usize,
    pub items: Vec<ResultItem>,
    /// More results than shown.
    pub more: usize,
    /// Every facet value's count; `None` when they are left to [`counts`] (see
    /// [`results_counted_later`]).
    pub counts: Option<std::rc::Rc<FacetCounts>>,
    pub suggestions: Vec<String>,
    pub active: Vec<ActiveFilter>,
    /// Results before the filters applied, to say when filters hide everything.
    pub unfiltered: usize,
    /// What the results are when they are not "every word matched": only some of the words
    /// matched, or the query had only common words.
    pub note: Option<String>,
    /// The query had letters of another script that pass for Latin ones, read as Latin.
    pub lookalikes: Option<Lookalikes>,
    /// Every record that passed, the shown ones first, in order (the timeline draws the facts
    /// among them).
    pub records: Vec<Rec>,
    /// How many of them are facts: what "Download" exports.
    pub facts: usize,
}

/// The filters' values with the count each would give, and the year bars.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FacetCounts {
    pub groups: Vec<FacetGroup>,
    /// (year, facts in it given the other filters), ascending.
    pub years: Vec<(i32, usize)>,
}

/// Searches, filters and shapes the first `shown` results, with every facet's counts.
/// `expanded` lists the long facets the user asked to see in full.
pub fn results(cat: &Catalog<'_>, route: &Route, shown: usize, expanded: &[Dim]) -> ResultsView {
    results_with(cat, route, shown, expanded, true)
}

/// As [`results`], but with no filter set the facet counts are left out, for [`counts`] to
/// make when there is time: typing sets no filter, and with none set counting is a pass over
/// every hit that the cards need not wait for. With a filter set, filtering and counting are
/// one pass, so the counts come with the results.
pub fn results_counted_later(
    cat: &Catalog<'_>,
    route: &Route,
    shown: usize,
    expanded: &[Dim],
) -> ResultsView {
    results_with(cat, route, shown, expanded, false)
}

/// The counts of `view` (made by [`results`] or [`results_counted_later`] for `filters` and
/// `expanded`).
pub fn counts(
    cat: &Catalog<'_>,
    view: &ResultsView,
    filters: &Filters,
    expanded: &[Dim],
) -> std::rc::Rc<FacetCounts> {
    if let Some(c) = &view.counts {
        return c.clone();
    }
    // Left out only when no filter is set, so the records are every hit.
    let (groups, years) = facets::counts(cat.data, cat.facets(), &view.records, filters, expanded);
    std::rc::Rc::new(FacetCounts { groups, years })
}

fn results_with(
    cat: &Catalog<'_>,
    route: &Route,
    shown: usize,
    expanded: &[Dim],
    count: bool,
) -> ResultsView {
    let data = cat.data;
    let mut outcome = cat.find(&query::parse(&route.query));
    let unfiltered = outcome.hits.len();
    let note = match_note(&route.query, &outcome);
    let counted = count || !route.filters.is_empty();
    let mut faceted = if counted {
        facets::apply(
            data,
            cat.facets(),
            &outcome.hits,
            |h| h.rec,
            &route.filters,
            expanded,
        )
    } else {
        facets::Faceted {
            records: std::mem::take(&mut outcome.hits),
            groups: Vec::new(),
            years: Vec::new(),
        }
    };
    // Only what is shown needs ordering.
    order(cat.index, &mut faceted.records, shown);
    let items: Vec<ResultItem> = faceted
        .records
        .iter()
        .take(shown)
        .map(|h| result_item(data, RecordRef::of(data, h.rec), &outcome.highlight))
        .collect();
    let facts = faceted
        .records
        .iter()
        .filter(|h| RecordRef::of(data, h.rec).fact().is_some())
        .count();
    ResultsView {
        facts,
        total: faceted.records.len(),
        more: faceted.records.len().saturating_sub(shown),
        items,
        counts: counted.then(|| {
            std::rc::Rc::new(FacetCounts {
                groups: std::mem::take(&mut faceted.groups),
                years: std::mem::take(&mut faceted.years),
            })
        }),
        suggestions: outcome.suggestions,
        active: active_filters(cat, &route.filters),
        unfiltered,
        note,
        lookalikes: lookalikes(&route.query),
        records: faceted.records.iter().map(|h| h.rec).collect(),
    }
}

/// The line above results that are not what a plain search gives.
fn match_note(query: &str, o: &Outcome) -> Option<String> {
    if let Some(p) = &o.partial {
        return Some(format!(
            "No card matches every word; these match {} of {}: {}.",
            p.matched,
            p.of,
            p.words.join(", ")
        ));
    }
    o.only_common.then(|| {
        format!(
            "\u{201c}{}\u{201d} has only common words, so every card is listed. Add a name, a place or a year.",
            query.trim()
        )
    })
}

fn active_filters(cat: &Catalog<'_>, f: &Filters) -> Vec<ActiveFilter> {
    let data = cat.data;
    let mut out = Vec::new();
    for k in &f.kinds {
        out.push(ActiveFilter {
            dim: Dim::Kind,
            key: k.slug().into(),
            label: k.label().into(),
        });
    }
    for e in &f.entities {
        let label = match cat.record(e) {
            Some(RecordRef::Entity(ix)) => data.entities[ix as usize].name.clone(),
            _ => format!("{e} (unknown)"),
        };
        out.push(ActiveFilter {
            dim: Dim::Entity,
            key: e.clone(),
            label,
        });
    }
    if let Some((a, b)) = f.years {
        let label = if a == b {
            a.to_string()
        } else {
            format!("{a}\u{2013}{b}")
        };
        out.push(ActiveFilter {
            dim: Dim::Year,
            key: String::new(),
            label,
        });
    }
    for d in &f.docs {
        let label = cat.doc(d).map_or_else(
            || format!("{d} (unknown)"),
            |ix| data.documents[ix as usize].title.clone(),
        );
        out.push(ActiveFilter {
            dim: Dim::Doc,
            key: d.clone(),
            label,
        });
    }
    for s in &f.statuses {
        out.push(ActiveFilter {
            dim: Dim::Status,
            key: s.slug().into(),
            label: s.label().into(),
        });
    }
    for s in &f.sources {
        out.push(ActiveFilter {
            dim: Dim::Sources,
            key: s.slug().into(),
            label: s.label().into(),
        });
    }
    for s in &f.certainty {
        out.push(ActiveFilter {
            dim: Dim::Certainty,
            key: s.slug().into(),
            label: s.label().into(),
        });
    }
    out
}

/// The least height of a result card in CSS pixels (a kind line, a one-line title and a
/// one-line snippet with padding, at the narrowest layout), so that `viewport / CARD_MIN_PX`
/// cards always fill the screen.
pub const CARD_MIN_PX: f64 = 100.0;

/// How many new cards the frame of a keystroke may draw: as many as could be on screen when
/// `visible_px` of the list's height is in the viewport, at least one; NaN (not measured yet)
/// is taken as a 900-pixel screen whose list starts 250 pixels down. The browser's style and
/// layout work for new cards, not search, is what makes a keystroke miss its frame, and a
/// card below the fold gains nothing from being in that frame.
pub fn first_frame_budget(visible_px: f64) -> usize {
    let px = if visible_px.is_nan() {
        650.0
    } else {
        visible_px
    };
    (px / CARD_MIN_PX).ceil().clamp(1.0, PAGE_BUDGET_CAP) as usize
}

/// No viewport is so tall that a whole page of cards should wait on it.
const PAGE_BUDGET_CAP: f64 = 30.0;

/// How many of the `next` results (their ids, in order) the list draws now: its leading run
/// in which at most `budget` cards are not among those `drawn` already. Cards already drawn
/// cost the browser next to nothing (same key, same element), so a keystroke that reorders or
/// keeps the results draws them all; one that replaces them draws what fits the screen, and
/// the rest follow once the browser is idle.
pub fn drawn_now<'a>(
    drawn: &[String],
    next: impl IntoIterator<Item = &'a str>,
    budget: usize,
) -> usize {
    let mut new = 0;
    let mut n = 0;
    for id in next {
        // A kept card is mostly at its old place ("show more" keeps the whole page there), so
        // that is looked at first: a list of a thousand cards is not a million comparisons.
        let kept = drawn.get(n).is_some_and(|d| d == id) || drawn.iter().any(|d| d == id);
        if !kept {
            if new == budget {
                break;
            }
            new += 1;
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    /// Counts left for later are the counts the results would have carried.
    #[test]
    fn counts_made_later_are_the_counts_made_with_the_results() {
        let cat = corpus();
        let check = |query: &str, filters: Filters, expanded: &[Dim]| {
            let route = Route {
                query: query.into(),
                filters: filters.clone(),
                ..Default::default()
            };
            let now = results(cat, &route, 5, expanded);
            let later = results_counted_later(cat, &route, 5, expanded);
            assert_eq!(later.counts.is_none(), filters.is_empty(), "{query:?}");
            assert_eq!(later.items, now.items, "{query:?}");
            assert_eq!(later.total, now.total, "{query:?}");
            let counted = counts(cat, &later, &filters, expanded);
            assert_eq!(Some(counted), now.counts, "{query:?}");
        };
        let mut exercises = Filters::default();
        exercises.kinds.insert(CardKind::Fact(FactKind::Exercise));
        for q in ["", "peace", "p", "2018", "no such word at all"] {
            check(q, Filters::default(), &[]);
            check(q, Filters::default(), &[Dim::Entity, Dim::Doc]);
            check(q, exercises.clone(), &[]);
        }
    }

    #[test]
    fn letters_read_as_latin_are_shown_apart_with_their_script() {
        let l = lookalikes(" P\u{430}kist\u{430}n ").expect("lookalikes");
        assert_eq!(l.read_as, "Pakistan");
        assert_eq!(l.scripts, "Cyrillic");
        let typed: Vec<_> = l.typed.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert_eq!(
            typed,
            [
                ("P", None),
                ("\u{430}", Some("Cyrillic")),
                ("kist", None),
                ("\u{430}", Some("Cyrillic")),
                ("n", None)
            ]
        );
        assert!(lookalikes("Pakistan").is_none());
        // The search reads it as the Latin word: the same results.
        let (typed, latin) = (run("H\u{430}rb\u{43E}ur"), run("Harbour"));
        assert!(latin.total > 0);
        assert_eq!(typed.items, latin.items);
    }

    fn run(q: &str) -> ResultsView {
        let route = Route {
            query: q.into(),
            ..Default::default()
        };
        results(corpus(), &route, 30, &[])
    }

    fn title(item: &ResultItem) -> String {
        item.title.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn results_say_why_a_card_matched() {
        // A fact whose summary does not say the word shows the quote that does.
        let r = run("patrol");
        let boats = r
            .items
            .iter()
            .find(|i| i.id == "arland-seeks-boats")
            .expect("found");
        assert!(
            boats.snippet.iter().any(|s| s.mark && s.text == "patrol"),
            "{boats:?}"
        );
        // An entity found by an alias names the alias.
        let r = run("Customs Bloc");
        assert_eq!(title(&r.items[0]), "Eastern Customs Union (Customs Bloc)");
    }

    #[test]
    fn a_long_quote_is_cut_around_the_match() {
        let segs = vec![
            Seg {
                text: "a".repeat(300),
                mark: false,
            },
            Seg {
                text: "hit".into(),
                mark: true,
            },
            Seg {
                text: "b".repeat(300),
                mark: false,
            },
        ];
        let cut = window(segs, 60);
        let text: String = cut.iter().map(|s| s.text.as_str()).collect();
        assert!(
            text.starts_with('\u{2026}') && text.ends_with('\u{2026}'),
            "{text}"
        );
        assert!(cut.iter().any(|s| s.mark && s.text == "hit"));
        assert!(text.chars().count() <= 62, "{}", text.chars().count());
    }

    #[test]
    fn chips_name_each_chosen_filter() {
        let mut route = Route::default();
        route.filters.toggle(Dim::Entity, "arland");
        route.filters.toggle(Dim::Entity, "gone");
        route.filters.toggle(Dim::Doc, "b_fixture");
        let r = results(corpus(), &route, 30, &[]);
        let labels: Vec<&str> = r.active.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Arland",
                "gone (unknown)",
                "Fixture B: the working group meets"
            ]
        );
    }

    #[test]
    fn partial_and_common_word_results_say_what_they_are() {
        fn check(q: &str, expect: Option<&str>, first: Option<&str>) {
            let r = run(q);
            assert_eq!(r.note.as_deref(), expect, "{q:?}");
            if let Some(f) = first {
                assert_eq!(r.items.first().map(|i| i.id.as_str()), Some(f), "{q:?}");
            }
        }
        check("harbour shield", None, None);
        check(
            "Dorsk Cestria observers",
            Some("No card matches every word; these match 2 of 3: Dorsk, observers."),
            Some("dorsk-observer"),
        );
        check(
            "when did ",
            Some(
                "\u{201c}when did\u{201d} has only common words, so every card is listed. Add a name, a place or a year.",
            ),
            None,
        );
        assert_eq!(run("when did ").total, run("").total);
    }

    #[test]
    fn a_keystroke_draws_the_cards_it_already_has_and_a_screenful_of_new_ones() {
        fn check(drawn: &[&str], next: &[&str], budget: usize, expect: usize) {
            let drawn: Vec<String> = drawn.iter().map(|s| s.to_string()).collect();
            assert_eq!(
                drawn_now(&drawn, next.iter().copied(), budget),
                expect,
                "{drawn:?} -> {next:?}"
            );
        }
        // Nothing drawn yet: the first screenful.
        check(&[], &["a", "b", "c", "d"], 2, 2);
        check(&[], &["a", "b"], 5, 2);
        check(&[], &[], 5, 0);
        // The same results, or the same in another order: all of them.
        check(&["a", "b", "c"], &["a", "b", "c"], 1, 3);
        check(&["a", "b", "c"], &["c", "a", "b"], 1, 3);
        // One new card among kept ones; then the second new card is over budget.
        check(&["a", "b", "c"], &["a", "x", "b", "c"], 1, 4);
        check(&["a", "b", "c"], &["a", "x", "b", "y", "c"], 1, 3);
        // "Show more": the drawn page and a screenful of the next.
        check(&["a", "b"], &["a", "b", "c", "d", "e"], 2, 4);
        // A budget of zero still draws what is already there.
        check(&["a", "b"], &["a", "b", "c"], 0, 2);
    }

    #[test]
    fn the_first_frame_budget_fills_the_screen() {
        fn check(visible: f64, expect: usize) {
            assert_eq!(first_frame_budget(visible), expect, "{visible}");
        }
        check(900.0, 9);
        check(625.0, 7);
        check(1.0, 1);
        // The list is below the fold, or the page is scrolled past it: one card still.
        check(0.0, 1);
        check(-300.0, 1);
        check(100_000.0, 30);
        check(f64::INFINITY, 30);
        check(f64::NAN, 7);
    }
}
