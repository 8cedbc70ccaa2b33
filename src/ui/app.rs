//! The root component: a switchboard, as in Yew's `function_todomvc`. It holds the one
//! reducer, wires the effect hooks (`hooks`), has the view models built (`models`) and hands
//! them to the page around the screens (`layout`: the full explorer, or an embed).
//!
//! It renders from its props alone ([`AppProps`]: the route, where the app runs, the
//! timeline's width), which the browser's composition root fills at start (`crate::start`) and
//! the publisher fills for each page it writes: the same components draw both.

use super::common::{Dispatch, Nav};
pub use super::common::{Env, FRAME_WIDTH};
use super::hooks::{
    use_focus_return, use_offline_status, use_settle, use_shortcuts, use_title, use_url_sync,
};
use super::layout::{Pieces, embedded, full};
use super::models::use_models;
use crate::core::route::Parsed;
use crate::core::state::{Action, AppState, PAGE, apply};
use std::rc::Rc;
use yew::prelude::*;

/// The reducer's state: `apply` does the work; an unchanged state keeps its address, so Yew
/// skips the re-render.
#[derive(PartialEq)]
struct Store(AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = apply(&self.0, action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the location asks to show.
    pub parsed: Parsed,
    /// Text typed into a prerendered search box before the app started; it wins.
    #[prop_or_default]
    pub typed: Option<String>,
    pub env: Env,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = use_reducer(|| {
        let mut s = AppState::from_url(props.parsed.clone());
        if let Some(t) = &props.typed {
            s = apply(&s, Action::Query(t.clone()));
        }
        s.shown = PAGE;
        Store(s)
    });
    let env = props.env.clone();
    let place = env.place.clone();
    let cat = env.catalog;
    let state = Rc::new(store.0.clone());
    // One callback for the app's life: components given it compare equal across renders.
    let dispatch = {
        let d = store.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| d.dispatch(a)))).clone()
    };
    let r = &state.route;
    // As of a past date, everything below reads that day's catalog (`core::asof`).
    let cat = r.asof.map_or(cat, |d| cat.as_of(d));
    let env = Env {
        catalog: cat,
        // An embed is how the address asks to be shown, and the address can change.
        embed: state.embed,
        ..env
    };
    // Whether the card and document the route names exist (else they have no page).
    let known = r.card.as_deref().is_none_or(|id| cat.record(id).is_some())
        && r.read.as_deref().is_none_or(|d| cat.doc(d).is_some());
    use_url_sync(r, state.history, &place, known, env.embed, &dispatch);
    use_shortcuts(&dispatch);
    use_focus_return(r);
    use_settle();
    let offline = use_offline_status(!env.embed);
    let models = use_models(&state, cat, &place);
    use_title(models.title(r), state.history);
    let pieces = Pieces::of(&models, r, cat);
    let page = if env.embed {
        embedded(&state, pieces, cat, (&place, known), &dispatch)
    } else {
        full(
            &state,
            pieces,
            &models,
            cat,
            (&place, known, offline),
            &dispatch,
        )
    };
    html! {
        <ContextProvider<Dispatch> context={Dispatch(dispatch.clone())}>
        <ContextProvider<Nav> context={Nav { state: state.clone(), dispatch: dispatch.clone(), env }}>
            { page }
        </ContextProvider<Nav>>
        </ContextProvider<Dispatch>>
    }
}
