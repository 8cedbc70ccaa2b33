//! "Download these N facts": the current view's facts as CSV or JSON, built only when
//! asked for (`core::export`) and saved through a Blob URL.

use crate::core::export;
use crate::core::view::ResultsView;
use std::rc::Rc;
use yew::prelude::*;

/// asked for (`core::export`), saved through a Blob URL.
/// Beside them, where the site has one, its feed of new reports.
pub(super) fn exports(
    view: &Rc<ResultsView>,
    data: &'static crate::core::model::Dataset,
    feed: Option<&AttrValue>,
) -> Html {
    let n = view.facts;
    let save = |ext: &'static str| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let facts = export::facts_of(data, &view.records);
            let (text, mime) = match ext {
                "csv" => (export::csv(data, &facts), "text/csv;charset=utf-8"),
                _ => (export::json(data, &facts), "application/json"),
            };
            crate::web::download(&format!("sco-explorer-facts.{ext}"), mime, &text);
        })
    };
    html! {
        <p class="exports">
            // Built in the browser: without JavaScript only the feed's link is shown.
            <span class="downloads">
                { if n == 1 { "Download this fact: ".to_string() } else { format!("Download these {n} facts: ") } }
                <button type="button" class="link-button" onclick={save("csv")}>{ "CSV" }</button>
                { " \u{b7} " }
                <button type="button" class="link-button" onclick={save("json")}>{ "JSON" }</button>
            </span>
            if let Some(href) = feed {
                <span class="feed-link">
                    { "New reports: " }
                    <a href={href.clone()} type="application/atom+xml">{ "Atom feed" }</a>
                </span>
            }
        </p>
    }
}
