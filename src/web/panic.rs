//! The panic panel: what a panic shows instead of a silent, frozen page.

use super::document;

/// What a panic does instead of leaving a silent, frozen page: log the message and show a
/// panel with it and a reload button. The panel is built with `textContent`, never HTML.
/// With `panic = "abort"` the wasm instance is dead afterwards, so the reload button is wired
/// up by the page's own script (`data-action="reload"`), not by Rust. Installed with
/// `yew::set_custom_panic_hook` (a plain `set_hook` would be replaced by Yew's default).
pub fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&message.clone().into());
    show_panic_panel(&message);
}

fn show_panic_panel(message: &str) -> Option<()> {
    let document = document()?;
    let body = document.body()?;
    let panel = document.create_element("div").ok()?;
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h2").ok()?;
    heading.set_text_content(Some("Something went wrong"));
    let intro = document.create_element("p").ok()?;
    intro.set_text_content(Some("The explorer stopped because of an internal error. Reloading usually helps; the message below says what failed."));
    let text = document.create_element("pre").ok()?;
    text.set_text_content(Some(message));
    let button = document.create_element("button").ok()?;
    button.set_text_content(Some("Reload"));
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-action", "reload").ok()?;
    for child in [&heading, &intro, &text, &button] {
        panel.append_child(child).ok()?;
    }
    body.append_child(&panel).ok()?;
    Some(())
}
