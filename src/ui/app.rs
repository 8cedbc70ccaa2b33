//! The root component: owns the one `AppState` reducer and lays out the page.

use crate::data;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let docs = &data::dataset().documents;
    html! {
        <>
            <a class="skip-link" href="#results">{ "Skip to results" }</a>
            <header class="site-header">
                <h1 class="brand">{ "SCO defence cooperation explorer" }</h1>
                <nav aria-label="Views">
                    <a href="#" aria-current="page">{ "Search" }</a>
                </nav>
            </header>
            <main id="main">
                <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <label for="q">{ "Search facts, people, places and documents" }</label>
                    <input id="q" type="search" autocomplete="off" spellcheck="false"
                        value={(*query).clone()} {oninput} />
                </form>
                <section id="results" aria-label="Documents">
                    { for docs.iter().map(|d| html! {
                        <article class="card" key={d.id.clone()}>
                            <h2>{ &d.title }</h2>
                            <p class="meta">{ format!("{} characters", d.body.chars().count()) }</p>
                        </article>
                    }) }
                </section>
            </main>
        </>
    }
}
