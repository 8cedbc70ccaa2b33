//! The root component's effects, one hook each: the URL follows the state, Back and Forward
//! come back in, keyboard shortcuts, focus that follows what opened and returns when it
//! closes, the title, and offline status. Effects live here, never in `apply`.

use crate::core::route::{Place, Route};
use crate::core::state::{Action, History};
use crate::web;
use yew::prelude::*;

/// The URL follows the state: discrete steps push a history entry, typing replaces it once
/// the typing pauses; and Back, Forward and edited addresses come back in as navigation.
/// An embedded view (`embed`) writes nothing: its frame's address is the embedding page's.
#[hook]
pub fn use_url_sync(
    route: &Route,
    history: History,
    place: &Place,
    known: bool,
    embed: bool,
    dispatch: &Callback<Action>,
) {
    let place = place.clone();
    use_effect_with(route.clone(), move |r: &Route| match history {
        _ if embed => {}
        // Typing not yet written goes into the entry it belongs to before anything else does.
        History::Push => {
            web::write_held();
            web::set_address(&place.address(r, known), true)
        }
        History::Replace => {
            web::drop_held_address();
            web::set_address(&place.address(r, known), false)
        }
        History::ReplaceSoon => web::set_address_soon(place.address(r, known)),
        // The URL brought this state: typing not yet written is no longer what it shows.
        History::Keep => web::drop_held_address(),
    });
    let d = dispatch.clone();
    use_effect_with((), move |_| {
        let listeners = web::on_navigate(move |p, f| {
            d.emit(Action::Navigated(Box::new(web::parsed_at(&p, &f))))
        });
        move || drop(listeners)
    });
}

/// Keys: "/" searches, Escape steps back, arrows walk the results.
#[hook]
pub fn use_shortcuts(dispatch: &Callback<Action>) {
    let d = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = web::on_key(move |key, typing, modifier| {
            if modifier {
                return false;
            }
            match key {
                "/" if !typing => web::focus_selector("#q"),
                "Escape" => {
                    d.emit(Action::Escape);
                    false
                }
                "ArrowDown" if web::active_matches("#q") => web::focus_step(".result-link", 1),
                "ArrowDown" if web::active_matches(".result-link") => {
                    web::focus_step(".result-link", 1)
                }
                "ArrowUp" if web::active_matches(".result-link") => {
                    web::focus_step(".result-link", -1) || web::focus_selector("#q")
                }
                _ => false,
            }
        });
        move || drop(listener)
    });
}

/// What the focus hook remembers between renders: what was open, and what had focus when
/// the card and the document opened.
#[derive(Default)]
struct Trail {
    card: Option<String>,
    doc: Option<String>,
    card_opener: Option<web::Opener>,
    doc_opener: Option<web::Opener>,
}

/// Focus follows what opened: a card's heading, a document's quote. When it closes, focus and
/// the page's scroll go back to what opened it, in every view: a result, a timeline mark, a
/// table row, a card's mention of a document (`web::return_to`). A card opened from another
/// card returns to what opened the first. Only when that is gone does focus fall back: to the
/// card, the card's result, the search box. It is never left on `<body>`.
#[hook]
pub fn use_focus_return(route: &Route) {
    let trail = use_mut_ref(Trail::default);
    let key = (route.card.clone(), route.read.clone(), route.quote.clone());
    use_effect_with(key, move |(card, doc, quote)| {
        let mut t = trail.borrow_mut();
        let (was_card, was_doc) = (
            std::mem::replace(&mut t.card, card.clone()),
            std::mem::replace(&mut t.doc, doc.clone()),
        );
        if doc.is_some() && *doc != was_doc {
            if was_doc.is_none() {
                t.doc_opener = Some(web::opener());
            }
            let has_quote = quote.is_some();
            web::after_paint(move || {
                web::focus("doc-title");
                if has_quote {
                    web::scroll_to("quote-start")
                } else {
                    web::scroll_top()
                }
            });
        } else if doc.is_none() && was_doc.is_some() && card.is_some() && *card != was_card {
            // A name in the document opened a card in its place: the card takes focus, and
            // closing it returns to what opened the document, if no card was open before.
            let opener = t.doc_opener.take();
            if was_card.is_none() {
                t.card_opener = opener;
            }
            web::after_paint(|| web::focus("card-title"));
        } else if doc.is_none() && was_doc.is_some() {
            let opener = t.doc_opener.take().unwrap_or_default();
            let has_card = card.is_some();
            web::after_paint(move || {
                let back =
                    web::return_to(&opener) || has_card && web::focus_selector("#card-title");
                if !back {
                    web::focus_selector("#q");
                }
            });
        } else if card.is_some() && *card != was_card {
            if was_card.is_none() {
                t.card_opener = Some(web::opener());
            }
            web::after_paint(|| web::focus("card-title"));
        } else if card.is_none()
            && let Some(id) = was_card
        {
            let opener = t.card_opener.take().unwrap_or_default();
            web::after_paint(move || {
                if !web::return_to(&opener) && !web::focus_selector(&format!("#r-{id} a")) {
                    web::focus_selector("#q");
                }
            });
        }
    });
}

/// The document title names what is open, so history entries and shared tabs read well.
/// While typing it follows once the typing pauses, as the address does.
#[hook]
pub fn use_title(title: String, history: History) {
    use_effect_with(title, move |t| {
        if history == History::ReplaceSoon {
            web::set_title_soon(t.clone())
        } else {
            web::set_title(t)
        }
    });
}

/// Once the first render is in the page: focus, caret and scroll carried over from the
/// prerendered page, and the page marked live (`web::settle`).
#[hook]
pub fn use_settle() {
    use_effect_with((), |_| web::settle());
}

/// Registers the service worker once the first cards are painted (its precache downloads
/// should not compete with them) and reports where offline use stands. Not when `wanted` is
/// false (a view embedded in another site's page saves no offline copy).
#[hook]
pub fn use_offline_status(wanted: bool) -> web::Offline {
    let offline = use_state(|| web::Offline::Checking);
    {
        let offline = offline.clone();
        use_effect_with((), move |_| {
            if !wanted {
                return;
            }
            web::after_paint(move || {
                web::after_ms(300, move || {
                    web::register_service_worker(move |s| offline.set(s))
                })
                .forget();
            })
        });
    }
    *offline
}
