//! The search box: a labelled `<input type="search">`, the result count, and the hints.

use crate::core::state::Action;
use crate::ui::common::use_nav;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub query: AttrValue,
    /// "12 results", announced to screen readers as it changes.
    pub status: AttrValue,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let nav = use_nav();
    let oninput = {
        let d = nav.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::Query(input.value()));
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    // Sent before the app runs (or with JavaScript off), the form asks the start page for
    // `?q=…`, which the app reads when it starts (`route::from_address`).
    let action = nav.env.place.href(&crate::core::route::Route::default());
    html! {
        <form class="search" role="search" method="get" {action} {onsubmit}>
            <label for="q">{ "Search facts, people, places and documents" }</label>
            <div class="search-row">
                <input id="q" type="search" name="q" autocomplete="off" spellcheck="false"
                    placeholder="Try: Peace Mission, 2017, Yekaterinburg, EWG"
                    aria-describedby="search-hint search-status"
                    value={props.query.clone()} {oninput} />
            </div>
            <p id="search-hint" class="hint">
                { "Press " }<kbd>{ "/" }</kbd>{ " to search, " }<kbd>{ "\u{2193}" }</kbd>{ " to reach the results, " }
                <kbd>{ "Esc" }</kbd>{ " to clear. Quotes match a phrase; years and months match dates." }
            </p>
            <p id="search-status" class="result-count" role="status" aria-live="polite">{ props.status.clone() }</p>
        </form>
    }
}
