//! The root's view models, each built once per change and handed on as the same `Rc`: a
//! render for another reason (a keystroke) neither copies one nor compares it deeply (`Rc`'s
//! equality checks the pointer first). Each is keyed on what it depends on, and a view's model
//! is built only when that view is shown.

use crate::core::catalog::Catalog;
use crate::core::route::{Place, Route, View};
use crate::core::state::AppState;
use crate::core::timeline;
use crate::core::view::{self, CardView, DocSummary, DocumentView, ResultsView};
use std::rc::Rc;
use yew::prelude::*;

/// Everything the screens show for the current state.
pub struct Models {
    pub results: Rc<ResultsView>,
    pub chart: Rc<timeline::Chart>,
    pub card: Option<Rc<CardView>>,
    pub document: Option<Rc<DocumentView>>,
    /// A page of the documents list, and how many there are.
    pub docs: (Rc<Vec<DocSummary>>, usize),
    /// The open card's citation, with an absolute link (none where the site's address is
    /// unknown).
    pub citation: Option<AttrValue>,
}

impl Models {
    /// The window's title for what is shown.
    pub fn title(&self, r: &Route) -> String {
        match (&self.document, self.card.as_deref()) {
            (Some(d), _) => view::titled(&d.title),
            (None, Some(CardView::Fact(f))) => view::titled(&f.title),
            (None, Some(CardView::Entity(e))) => view::titled(&e.name),
            _ if !r.query.trim().is_empty() => {
                view::titled(&format!("\u{201c}{}\u{201d}", r.query.trim()))
            }
            _ => view::SITE_NAME.to_string(),
        }
    }
}

/// Builds the view models for `state` over `cat` (today's, or the day's it shows).
#[hook]
pub fn use_models(state: &AppState, cat: &'static Catalog<'static>, place: &Rc<Place>) -> Models {
    let r = &state.route;
    // The charts draw the facts among the filtered records; built only when a chart is shown,
    // and keyed on the query and filters, not on the results: "show more" must not rebuild it.
    let charting = matches!(r.view, View::Timeline | View::Table);
    // Results are shown beside the filters, or drawn as charts; a card alone, a document or
    // the documents list shows none, so none are made.
    let listing = charting
        || (r.view == View::Search && r.read.is_none() && !crate::core::route::card_alone(r));
    let results = {
        let key = (
            r.query.clone(),
            r.filters.clone(),
            state.shown,
            state.expanded.clone(),
            r.asof,
            listing,
        );
        use_memo(key, |(q, f, shown, expanded, _, listing)| {
            if !*listing {
                return ResultsView::default();
            }
            let r = Route {
                query: q.clone(),
                filters: f.clone(),
                ..Default::default()
            };
            view::results_counted_later(cat, &r, *shown, expanded)
        })
    };
    let chart = use_memo(
        (r.query.clone(), r.filters.clone(), charting, r.asof),
        |(_, _, on, asof)| {
            if *on {
                // As of a day, the latest date the documents speak of is that day.
                let mut reach = cat.reach();
                if let Some(d) = asof {
                    reach.horizon = f64::from(*d + 1);
                }
                timeline::chart(cat.data, &results.records, reach)
            } else {
                timeline::Chart::default()
            }
        },
    );
    let card = use_memo((r.card.clone(), r.asof), |(id, _)| {
        id.as_ref().map(|id| Rc::new(view::card(cat, id)))
    });
    let document = use_memo(
        (r.read.clone(), r.quote.clone(), r.asof),
        |(doc, quote, _)| {
            doc.as_ref()
                .filter(|d| cat.doc(d).is_some_and(|i| cat.shows_doc(i)))
                .and_then(|d| view::document(cat, d, quote.as_ref()))
                .map(Rc::new)
        },
    );
    // The document list is built only when it is shown, a page at a time.
    let docs = use_memo(
        (r.view == View::Documents, state.shown, r.asof),
        |(on, shown, _)| {
            let (list, total) = if *on {
                view::documents(cat, *shown)
            } else {
                (Vec::new(), 0)
            };
            (Rc::new(list), total)
        },
    );
    // A citation needs an absolute link: none where the site's address is unknown (a page
    // published without SCO_SITE_URL, before the app has started).
    let citation = use_memo((r.card.clone(), place.clone(), r.asof), |(id, place, _)| {
        id.as_ref()
            .filter(|_| !place.base.is_empty())
            .and_then(|id| view::citation(cat, id, &place.card_url(id)).map(AttrValue::from))
    });
    Models {
        results,
        chart,
        card: (*card).clone(),
        document: (*document).clone(),
        docs: (*docs).clone(),
        citation: (*citation).clone(),
    }
}
