//! The application state, the actions that change it, and the pure function that applies them.
//!
//! As in Yew's `function_todomvc`: one state, one `enum Action`, one `apply`. Effects (writing
//! the URL, focusing an element) never happen here; `apply` only records *how* the change should
//! reach the browser history in [`AppState::history`], and the web shell acts on it.

use crate::core::facets::Dim;
use crate::core::route::{Parsed, QuoteRef, Route, View};

/// How many result cards are shown at first, and added by "show more".
pub const PAGE: usize = 30;

/// How a state change should be recorded in the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum History {
    /// A discrete step (open a card, change a filter): Back returns to the previous view.
    Push,
    /// The URL follows in place: Back does not replay every step (a timeline pan, a link
    /// rewritten without what was ignored).
    Replace,
    /// Typing: as `Replace`, written once the typing pauses. Each history write costs the
    /// browser milliseconds (4.5 ms a call, measured in Chromium), and typing changes the
    /// state at every key.
    ReplaceSoon,
    /// The change came from the URL itself (or does not show in it).
    #[default]
    Keep,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppState {
    /// Everything the URL carries.
    pub route: Route,
    /// How many results are rendered.
    pub shown: usize,
    /// Things worth telling the user (ignored link parameters, unknown ids), dismissible.
    pub notices: Vec<String>,
    /// Long facets the user asked to see in full.
    pub expanded: Vec<Dim>,
    pub history: History,
    /// Shown as an embed (`embed=1`): how the view is shown, not part of it. It follows the
    /// address, so a frame whose fragment drops `embed` shows the full explorer.
    pub embed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The search box changed.
    Query(String),
    ClearQuery,
    /// Adds or removes one filter value.
    Toggle(Dim, String),
    Years(Option<(i32, i32)>),
    ClearFilter(Dim),
    ClearFilters,
    /// Lists every value of a long facet, not only the most used.
    ShowAllValues(Dim),
    OpenCard(String),
    CloseCard,
    /// Opens a document, optionally highlighting a card's quote.
    Read {
        doc: String,
        quote: Option<QuoteRef>,
    },
    CloseReader,
    SetView(View),
    ShowMore,
    /// Escape: closes the reader, else the card, else clears the query.
    Escape,
    /// The timeline's visible range changed (zoom, pan); `None` fits everything.
    Timeline(Option<(i32, i32)>),
    /// Shows the sources as they stood on a day; `None` returns to today.
    AsOf(Option<i32>),
    /// The date field's day changed again while it keeps focus (typing its digits, stepping
    /// with the arrow keys): the view follows in place, so Back returns to before the
    /// adjusting began, not through every day on the way.
    AdjustAsOf(i32),
    /// The URL changed under us (first load, Back, Forward, a pasted link).
    Navigated(Box<Parsed>),
    Notice(String),
    DismissNotices,
}

impl AppState {
    /// The state a link describes.
    pub fn from_url(parsed: Parsed) -> AppState {
        apply(&AppState::default(), Action::Navigated(Box::new(parsed)))
    }
}

/// Applies an action. Pure: the same state and action always give the same result.
pub fn apply(state: &AppState, action: Action) -> AppState {
    let mut s = state.clone();
    let mut route = s.route.clone();
    s.history = History::Push;
    match action {
        Action::Query(q) => {
            use crate::core::route::{MAX_QUERY, clean_query};
            let (query, cut) = clean_query(&q);
            // A pasted essay is cut, and the user is told once, not left to wonder.
            if let Some(n) = cut {
                let notice = format!(
                    "The search was cut to its first {MAX_QUERY} characters ({n} were typed or pasted)."
                );
                s.notices.retain(|n| !n.starts_with("The search was cut"));
                s.notices.push(notice);
            }
            route.query = query;
            // Typing is a search: it brings the results back into view.
            route.card = None;
            if route.view == View::Documents {
                route.view = View::Search;
            }
            route.read = None;
            route.quote = None;
            s.history = History::ReplaceSoon;
            s.shown = PAGE;
        }
        Action::ClearQuery => {
            route.query.clear();
            s.shown = PAGE;
        }
        Action::Toggle(dim, value) => {
            route.filters.toggle(dim, &value);
            s.shown = PAGE;
        }
        Action::Years(y) => {
            route.filters.years = y.map(|(a, b)| (a.min(b), a.max(b)));
            s.shown = PAGE;
        }
        Action::ClearFilter(dim) => {
            route.filters.clear(dim);
            s.shown = PAGE;
        }
        Action::ClearFilters => {
            route.filters = Default::default();
            s.shown = PAGE;
        }
        Action::OpenCard(id) => {
            route.card = Some(id);
            route.read = None;
            route.quote = None;
            if route.view == View::Documents {
                route.view = View::Search;
            }
        }
        Action::CloseCard => route.card = None,
        Action::Read { doc, quote } => {
            route.read = Some(doc);
            route.quote = quote;
        }
        Action::CloseReader => {
            route.read = None;
            route.quote = None;
        }
        Action::SetView(v) => {
            route.view = v;
            route.read = None;
            route.quote = None;
            if v == View::Documents {
                route.card = None;
            }
        }
        Action::ShowAllValues(dim) => {
            if !s.expanded.contains(&dim) {
                s.expanded.push(dim);
            }
            s.history = History::Keep;
        }
        Action::ShowMore => {
            s.shown = s.shown.max(PAGE) + PAGE;
            s.history = History::Keep;
        }
        Action::Escape => {
            if route.read.is_some() {
                route.read = None;
                route.quote = None;
            } else if route.card.is_some() {
                route.card = None;
            } else if !route.query.is_empty() {
                route.query.clear();
                s.shown = PAGE;
            } else {
                s.history = History::Keep;
            }
        }
        Action::Timeline(range) => {
            route.timeline = range;
            s.history = History::Replace;
        }
        Action::AsOf(day) => {
            route.asof = day;
            s.shown = PAGE;
        }
        Action::AdjustAsOf(day) => {
            route.asof = Some(day);
            s.shown = PAGE;
            s.history = History::Replace;
        }
        Action::Navigated(parsed)
            if parsed.route == s.route && parsed.notices.is_empty() && parsed.embed == s.embed =>
        {
            // Our own history write coming back (or a no-op): nothing changes.
            s.history = History::Keep;
        }
        Action::Navigated(parsed) => {
            let parsed = *parsed;
            route = parsed.route;
            // A link with something ignored is rewritten without it (in place), so a reload or
            // a copied link does not bring the notices back.
            s.history = if parsed.notices.is_empty() {
                History::Keep
            } else {
                History::Replace
            };
            s.notices = parsed.notices;
            s.embed = parsed.embed;
            s.shown = PAGE;
        }
        Action::Notice(n) => {
            if !s.notices.contains(&n) {
                s.notices.push(n);
            }
            s.history = History::Keep;
        }
        Action::DismissNotices => {
            s.notices.clear();
            s.history = History::Keep;
        }
    }
    if route == s.route && s.history != History::Keep {
        // Nothing in the URL changed: nothing to record.
        s.history = History::Keep;
    }
    s.route = route;
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::route::{format, parse};

    /// Applies actions from the default state and checks the URL and history mode after each.
    fn check(steps: &[(Action, &str, History)]) {
        let mut s = AppState::default();
        for (action, url, history) in steps {
            s = apply(&s, action.clone());
            assert_eq!(
                (format(&s.route).as_str(), s.history),
                (*url, *history),
                "after {action:?}"
            );
        }
    }

    #[test]
    fn typing_replaces_and_discrete_steps_push() {
        check(&[
            (Action::Query("pe".into()), "q=pe", History::ReplaceSoon),
            (
                Action::Query("peace".into()),
                "q=peace",
                History::ReplaceSoon,
            ),
            (
                Action::Toggle(Dim::Kind, "exercise".into()),
                "q=peace&type=exercise",
                History::Push,
            ),
            (
                Action::OpenCard("peace-mission-2016".into()),
                "q=peace&type=exercise&card=peace-mission-2016",
                History::Push,
            ),
            (Action::Escape, "q=peace&type=exercise", History::Push),
            (Action::Escape, "type=exercise", History::Push),
            (Action::Escape, "type=exercise", History::Keep),
            (Action::ClearFilters, "", History::Push),
            (Action::ShowMore, "", History::Keep),
        ]);
    }

    #[test]
    fn an_embed_follows_the_address() {
        let s = AppState::from_url(parse("card=kestrel&embed=1"));
        assert!(s.embed);
        let s = apply(&s, Action::Navigated(Box::new(parse("card=kestrel"))));
        assert!(
            !s.embed,
            "the fragment without embed shows the full explorer"
        );
        assert_eq!(s.route.card.as_deref(), Some("kestrel"));
        let s = apply(&s, Action::OpenCard("other".into()));
        assert!(!s.embed);
    }

    #[test]
    fn adjusting_the_date_replaces_after_the_first_step() {
        check(&[
            (Action::AsOf(Some(17_000)), "asof=2016-07-18", History::Push),
            (
                Action::AdjustAsOf(17_001),
                "asof=2016-07-19",
                History::Replace,
            ),
            (Action::AdjustAsOf(17_001), "asof=2016-07-19", History::Keep),
            (Action::AsOf(None), "", History::Push),
        ]);
    }

    #[test]
    fn reading_a_document_and_coming_back() {
        let quote = Some(QuoteRef {
            card: "peace-mission-2016".into(),
            n: 1,
        });
        check(&[
            (
                Action::OpenCard("peace-mission-2016".into()),
                "card=peace-mission-2016",
                History::Push,
            ),
            (
                Action::Read {
                    doc: "000_05d95eeefa1e2818".into(),
                    quote,
                },
                "card=peace-mission-2016&read=000_05d95eeefa1e2818&quote=peace-mission-2016.1",
                History::Push,
            ),
            (Action::Escape, "card=peace-mission-2016", History::Push),
            (
                Action::SetView(View::Timeline),
                "view=timeline&card=peace-mission-2016",
                History::Push,
            ),
            (
                Action::SetView(View::Documents),
                "view=documents",
                History::Push,
            ),
            (Action::Query("x".into()), "q=x", History::ReplaceSoon),
        ]);
    }

    #[test]
    fn a_link_is_taken_as_it_is_with_its_notices() {
        let s = AppState::from_url(parse("#q=peace&bogus=1"));
        assert_eq!(s.route.query, "peace");
        assert_eq!(s.notices.len(), 1);
        // Rewritten in place without what was ignored, so a reload does not repeat the notice.
        assert_eq!(s.history, History::Replace);
        let s = apply(&s, Action::DismissNotices);
        assert!(s.notices.is_empty());
    }

    #[test]
    fn a_query_over_the_limit_is_cut_with_one_notice() {
        let long = "peace ".repeat(2000);
        let s = apply(&AppState::default(), Action::Query(long.clone()));
        assert_eq!(s.route.query.chars().count(), crate::core::route::MAX_QUERY);
        assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
        assert!(
            s.notices[0].contains("first 500 characters"),
            "{:?}",
            s.notices
        );
        // Typing on keeps one notice, not one per keystroke.
        let s = apply(&s, Action::Query(long + "x"));
        assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
        let s = apply(&AppState::default(), Action::Query("peace".into()));
        assert!(s.notices.is_empty());
    }
}
