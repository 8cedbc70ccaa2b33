//! The page frame around every view: skip link, header (title, view tabs, copy link), notices,
//! the update banner, and the footer with offline status and what the data holds.

use super::common::{CopyField, Link};
use crate::core::route::{Route, View};
use crate::core::state::Action;
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub route: Route,
    /// The absolute URL of the current view.
    pub link: AttrValue,
    /// The URL of the current view embedded (`embed=1`).
    pub embed: AttrValue,
}

/// The `<iframe>` that embeds a view: named for screen readers, lazy, and as tall as the view
/// usually is (the timeline's two charts and legend; a card; a page of results).
pub fn embed_snippet(route: &Route, url: &str) -> String {
    let (what, height) = match (&route.card, &route.read, route.view) {
        (Some(_), None, _) => ("A card", 640),
        (_, Some(_), _) => ("A source document", 720),
        (None, None, View::Timeline) => ("Timeline", 760),
        (None, None, View::Table) => ("Timeline as a table", 720),
        (None, None, View::Documents) => ("Source documents", 640),
        (None, None, View::Search) => ("Search results", 720),
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        crate::core::text::esc(url),
        crate::core::text::esc(&format!("{what} from the {}", crate::core::view::SITE_NAME))
    )
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let r = &props.route;
    let tabs = [View::Search, View::Timeline, View::Documents].map(|v| {
        let current = r.view == v || (v == View::Timeline && r.view == View::Table);
        html! { <li><Link action={Action::SetView(v)} current={current && r.read.is_none()}>{ v.label() }</Link></li> }
    });
    html! {
        <header class="site-header">
            <div class="brand">
                <p class="site-title">
                    <Link action={Action::SetView(View::Search)} class="home">{ crate::core::view::SITE_NAME }</Link>
                </p>
                <p class="tagline">{ "Facts from the source documents, each with its quote" }</p>
            </div>
            <nav aria-label="Views"><ul class="tabs">{ for tabs }</ul></nav>
            // The URL holds the whole view, so this is all a colleague needs.
            <div class="share">
                <CopyField text={props.link.clone()} field_id="view-link" field_label="Link to this view"
                    button="Copy link to this view" what="Link" />
                <details class="embed-code">
                    <summary>{ "Embed" }</summary>
                    <div class="embed-panel">
                        <CopyField text={AttrValue::from(embed_snippet(r, &props.embed))} field_id="embed-code"
                            field_label="HTML that shows this view on another site" button="Copy embed code" what="Embed code" visible=true />
                    </div>
                </details>
            </div>
        </header>
    }
}

pub struct SkipProps {
    /// Whether the results are what the page is about (the search view).
    pub to_results: bool,
}

/// The skip link jumps to the results in the search view, to the view's content elsewhere.
/// Plain functions, not components, here and below: they have no state, and each component
/// costs the wasm about a kilobyte of Yew's machinery.
pub fn skip_link(props: &SkipProps) -> Html {
    let target = if props.to_results {
        "results"
    } else {
        "content"
    };
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        web::focus(target);
    });
    html! {
        <a class="skip-link" href={format!("#{target}")} {onclick}>
            { if props.to_results { "Skip to results" } else { "Skip to content" } }
        </a>
    }
}

pub struct NoticesProps {
    pub notices: Vec<String>,
    pub dispatch: Callback<Action>,
}

/// What the app ignored or could not find, until dismissed.
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="status">
            <ul>{ for props.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <button type="button" onclick={props.dispatch.reform(|_: MouseEvent| Action::DismissNotices)}>{ "Dismiss" }</button>
        </div>
    }
}

pub struct OfflineProps {
    pub offline: web::Offline,
}

/// Offered when a new release is cached: the switch happens only on this reload.
pub fn update_banner(props: &OfflineProps) -> Html {
    let text = match props.offline {
        web::Offline::UpdateReady => "A new version of the explorer is available.",
        web::Offline::UpdatedElsewhere => {
            "The explorer was updated in another tab; this tab still runs the old version."
        }
        _ => return html! {},
    };
    html! {
        <div class="update-banner" role="status">
            <span>{ text }</span>
            <button type="button" onclick={Callback::from(|_: MouseEvent| web::apply_update())}>{ "Reload to update" }</button>
        </div>
    }
}

pub struct FooterProps {
    pub offline: web::Offline,
    /// Facts, entities and documents in the data.
    pub counts: (usize, usize, usize),
}

pub fn footer(props: &FooterProps) -> Html {
    let (class, text) = match props.offline {
        // Said only once there is something to say: the published page is this state, and
        // with JavaScript off it would claim to be checking forever.
        web::Offline::Checking => ("checking", ""),
        web::Offline::Installing => ("installing", "Saving a copy for offline use\u{2026}"),
        web::Offline::Ready => ("ready", "\u{2713} Available offline"),
        web::Offline::UpdateReady => ("ready", "\u{2713} Available offline (update waiting)"),
        web::Offline::UpdatedElsewhere => (
            "ready",
            "\u{2713} Available offline (newer version saved: reload to use it)",
        ),
        web::Offline::SingleFile => (
            "ready",
            "\u{2713} Single-file edition: works with no network",
        ),
        web::Offline::Unsupported => (
            "unsupported",
            "Offline use is not available in this browser",
        ),
        web::Offline::Failed => ("unsupported", "Offline copy could not be saved"),
    };
    let (facts, entities, documents) = props.counts;
    html! {
        <footer class="site-footer">
            <p class={classes!("offline-status", class)} id="offline-status">{ text }</p>
            <p>{ format!("{facts} facts and {entities} entities from {documents} documents. Dates marked \u{201c}inferred\u{201d} are deduced; the reason is one click away.") }</p>
        </footer>
    }
}
