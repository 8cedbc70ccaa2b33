//! Pieces every view uses: the navigation context, links that dispatch actions, highlighted
//! text, date and status badges.

use crate::core::catalog::Catalog;
use crate::core::route::Place;
use crate::core::state::{Action, AppState, apply};
use crate::core::view::{DateView, INFERRED, Seg};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

/// The timeline's width before the browser has measured it (the publisher's pages are drawn at
/// it; a browser measures the prerendered chart before its first render).
pub const FRAME_WIDTH: f64 = 960.0;

/// What the place the app runs in tells every component (through `Nav`): filled by the
/// browser shell from the location and the page, and by the publisher for each page.
/// Components read this, never the browser, while they render.
#[derive(Clone)]
pub struct Env {
    /// The data to show (the embedded dataset in the browser; any catalog on the host).
    pub catalog: &'static Catalog<'static>,
    /// Where hrefs start and shared links point.
    pub place: Rc<Place>,
    /// The timeline frame's width in CSS pixels, as first measured.
    pub frame_width: f64,
    /// The timeline label font's average character width, as first measured.
    pub char_w: f64,
    /// The root font size over the default 16 px: the browser's text-size setting. The charts
    /// are laid out in units of a 16 px font and drawn `em` times larger, so their text follows
    /// it as all other text does, and their geometry with it.
    pub em: f64,
    /// Shown in an `<iframe>` on another site (`embed=1`): the view's content alone, and every
    /// link opens the full explorer in a new tab.
    pub embed: bool,
    /// The site's Atom feed, where it has one (a build told its address): the head points to
    /// it, and the page links it beside the downloads.
    pub feed: Option<AttrValue>,
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalog, other.catalog)
            && self.place == other.place
            && self.frame_width == other.frame_width
            && self.char_w == other.char_w
            && self.em == other.em
            && self.embed == other.embed
            && self.feed == other.feed
    }
}

/// What every component may read and do: the current state, the way to change it, and where
/// the app runs.
#[derive(Clone, PartialEq)]
pub struct Nav {
    pub state: Rc<AppState>,
    pub dispatch: Callback<Action>,
    pub env: Env,
}

impl Nav {
    /// The link an action leads to: the URL of the state it would produce (its page where one
    /// shows exactly that state, so links work with JavaScript off). Hrefs and clicks
    /// therefore can never disagree.
    pub fn href(&self, action: &Action) -> String {
        let next = apply(&self.state, action.clone());
        self.env.place.href(&next.route)
    }
}

#[hook]
pub fn use_nav() -> Nav {
    use_context::<Nav>().expect("the App provides Nav")
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub action: Action,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Nowhere to go from here (the first document has no earlier one): still the same `<a>`,
    /// without its address, so focus on it stays where it is.
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub children: Html,
}

/// The way to change the state, as a context of its own. Unlike `Nav` it never changes, so a
/// component that only dispatches (a filter's checkbox, the year lists) is not rendered again
/// at every keystroke: `Nav`'s readers are, since the state is in it.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub Callback<Action>);

#[hook]
pub fn use_dispatch() -> Callback<Action> {
    use_context::<Dispatch>()
        .expect("the App provides Dispatch")
        .0
}

/// A real `<a href>` (it can be opened in a new tab, copied, bookmarked) whose plain click is
/// handled in the app, so history and focus are managed in one place.
#[function_component(Link)]
pub fn link(props: &LinkProps) -> Html {
    let nav = use_nav();
    if props.disabled {
        return html! {
            <a class={props.class.clone()} id={props.id.clone()} aria-disabled="true" tabindex="-1"
                aria-label={props.label.clone()}>
                { props.children.clone() }
            </a>
        };
    }
    let href = nav.href(&props.action);
    // Embedded, a link leaves the frame for the full explorer, in a new tab.
    if nav.env.embed {
        return html! {
            <a {href} target="_blank" rel="noopener" class={props.class.clone()} id={props.id.clone()}
                aria-label={props.label.clone()}>
                { props.children.clone() }
            </a>
        };
    }
    let onclick = {
        let action = props.action.clone();
        let dispatch = nav.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                dispatch.emit(action.clone());
            }
        })
    };
    html! {
        <a {href} {onclick} class={props.class.clone()} id={props.id.clone()}
            aria-current={props.current.then_some("page")} aria-label={props.label.clone()}>
            { props.children.clone() }
        </a>
    }
}

/// "Show more (N more)": the next page of a list (results, documents, the table's events).
/// Nothing when there is no more.
pub fn show_more(more: usize, dispatch: &Callback<Action>) -> Html {
    if more == 0 {
        return html! {};
    }
    html! {
        <button type="button" class="show-more" onclick={dispatch.reform(|_: MouseEvent| Action::ShowMore)}>
            { format!("Show more ({more} more)") }
        </button>
    }
}

/// Text with the query's matches in `<mark>`, built as nodes, never as HTML strings.
pub fn segs(s: &[Seg]) -> Html {
    s.iter()
        .map(|seg| {
            if seg.mark {
                html! { <mark>{ seg.text.clone() }</mark> }
            } else {
                html! { { seg.text.clone() } }
            }
        })
        .collect()
}

/// A date with its precision; an inferred date is marked, and its reason is one click (or a
/// hover) away. A function rather than a component: it has no state, and a result card draws
/// one, so a component's scope per card was pure overhead when new cards arrive.
pub fn date_badge(date: Option<&DateView>, detailed: bool) -> Html {
    let Some(d) = date else {
        return html! { <span class="date unknown">{ "Date unknown" }</span> };
    };
    let precision = if detailed {
        html! { <span class="precision">{ format!("({})", d.precision) }</span> }
    } else {
        html! {}
    };
    match &d.inferred {
        None => html! {
            <span class="date"><time datetime={d.iso.clone()}>{ d.text.clone() }</time>{ precision }</span>
        },
        Some(reason) if detailed => html! {
            <span class="date inferred">
                <time datetime={d.iso.clone()}>{ d.text.clone() }</time>{ precision }
                <details class="why">
                    <summary title={reason.clone()}>{ "inferred" }</summary>
                    <span class="reason">{ reason.clone() }</span>
                </details>
            </span>
        },
        Some(reason) => html! {
            <span class="date inferred" title={format!("Inferred: {reason}")}>
                <time datetime={d.iso.clone()}>{ d.text.clone() }</time>
                <span class="inferred-mark">{ format!(" {INFERRED}") }</span>
            </span>
        },
    }
}

/// The status of a fact: held, in progress, planned, intended.
pub fn status_badge(label: &str, slug: &str) -> Html {
    html! { <span class={classes!("status", format!("status-{slug}"))}>{ label.to_string() }</span> }
}

/// The type of a card.
pub fn kind_badge(label: &str, slug: &str) -> Html {
    html! { <span class={classes!("kind", format!("kind-{slug}"))}>{ label.to_string() }</span> }
}

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// What is copied.
    pub text: AttrValue,
    /// The field holding the text, selected for Ctrl+C when the clipboard is refused.
    pub field_id: &'static str,
    /// What the field is, for assistive technology ("Link to this card").
    pub field_label: AttrValue,
    /// The button's words.
    pub button: AttrValue,
    /// What the status line calls the text ("Link", "Citation").
    pub what: AttrValue,
    /// A visible, labelled text area (a citation is read before it is copied); otherwise the
    /// field is a hidden one-line input.
    #[prop_or_default]
    pub visible: bool,
}

/// A copy button with its fallback field and a status line: every "copy" in the app.
#[function_component(CopyField)]
pub fn copy_field(props: &CopyProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let (text, id, what) = (props.text.to_string(), props.field_id, props.what.clone());
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (status, what) = (status.clone(), what.clone());
            web::copy_text(text.clone(), id, move |ok| {
                status.set(if ok {
                    format!("{what} copied.")
                } else {
                    format!("{what} selected: press Ctrl+C (\u{2318}C) to copy.")
                })
            });
        })
    };
    let field = if props.visible {
        html! {
            <>
                <label for={props.field_id}>{ props.field_label.clone() }</label>
                <textarea id={props.field_id} readonly=true rows="5" value={props.text.clone()} />
            </>
        }
    } else {
        html! {
            <input id={props.field_id} class="copy-source" type="text" readonly=true value={props.text.clone()}
                aria-label={props.field_label.clone()} tabindex="-1" />
        }
    };
    html! {
        <>
            if props.visible { { field.clone() } }
            <button type="button" {onclick}>{ props.button.clone() }</button>
            if !props.visible { { field } }
            <span class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </>
    }
}
