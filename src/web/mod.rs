//! The thin browser shell: the only module that calls browser APIs directly.

use std::panic;

/// Replaces the default panic behaviour (a silent, frozen page) with a visible panel that
/// shows the message and offers a reload. The panel is built with `textContent`, never HTML.
pub fn install_panic_panel() {
    panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show_panic_panel(&message);
    }));
}

fn show_panic_panel(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let panel = document.create_element("div").ok()?;
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h2").ok()?;
    heading.set_text_content(Some("Something went wrong"));
    let text = document.create_element("pre").ok()?;
    text.set_text_content(Some(message));
    let button = document.create_element("button").ok()?;
    button.set_text_content(Some("Reload"));
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-action", "reload").ok()?;
    panel.append_child(&heading).ok()?;
    panel.append_child(&text).ok()?;
    panel.append_child(&button).ok()?;
    body.append_child(&panel).ok()?;
    Some(())
}
