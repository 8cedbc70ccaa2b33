//! Offline use: the service worker's registration, where offline use stands, and switching
//! to a waiting release.

use super::location::base_url;
use super::window;
use wasm_bindgen::JsCast;

/// Where offline use stands, for the indicator and the update prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offline {
    /// Not known yet.
    Checking,
    /// The single-file edition, opened from disk: it needs no network at all.
    SingleFile,
    /// No service worker in this browser or context.
    Unsupported,
    /// This release's files are being cached.
    Installing,
    /// Every file is cached: the app works with no network.
    Ready,
    /// A newer release is cached and waits for a reload.
    UpdateReady,
    /// Another tab switched to a newer release: this page still runs the old one while the
    /// worker and its cache are the new one's, until a reload.
    UpdatedElsewhere,
    /// Registration failed (e.g. the server refused sw.js).
    Failed,
}

/// Registers the site's `sw.js` and reports what happens through `report`.
pub fn register_service_worker(report: impl Fn(Offline) + 'static) {
    let report = std::rc::Rc::new(report);
    let Some(w) = window() else {
        return report(Offline::Unsupported);
    };
    let protocol = w.location().protocol().unwrap_or_default();
    let navigator = w.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if protocol == "file:" {
        return report(Offline::SingleFile);
    }
    if !(protocol == "http:" || protocol == "https:") || !supported {
        return report(Offline::Unsupported);
    }
    let container = navigator.service_worker();
    let options = web_sys::RegistrationOptions::new();
    // The worker script itself must never come from the HTTP cache, or updates go unseen.
    options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
    // At the site root, whichever page started the app: the worker's scope is the whole site.
    options.set_scope(&base_url());
    let registering = container.register_with_options(&format!("{}sw.js", base_url()), &options);
    let ready = container.ready();
    wasm_bindgen_futures::spawn_local(async move {
        // Not a registration (a privacy tool or an automation that stubs `register`, as
        // Playwright's blocked workers do, resolves it with nothing): no offline use, and no
        // exception from reading what it is not.
        let Some(reg) = wasm_bindgen_futures::JsFuture::from(registering)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
        else {
            return report(Offline::Failed);
        };
        let controlled = || {
            window()
                .and_then(|w| w.navigator().service_worker().controller())
                .is_some()
        };
        if reg.waiting().is_some() && controlled() {
            report(Offline::UpdateReady);
        } else if reg.active().is_none() {
            report(Offline::Installing);
        }
        // A new release found while this one runs: say so once it is fully cached.
        let on_found = {
            let report = report.clone();
            let reg = reg.clone();
            move |_: &web_sys::Event| {
                let Some(worker) = reg.installing() else {
                    return;
                };
                let report = report.clone();
                let w2 = worker.clone();
                gloo::events::EventListener::new(&worker, "statechange", move |_| {
                    if w2.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                        report(Offline::UpdateReady);
                    }
                })
                .forget();
            }
        };
        gloo::events::EventListener::new(&reg, "updatefound", on_found).forget();
        // A new worker taking over a page that already had one: another tab took the update
        // (this tab's own update reloads before it could say so). The first worker's claim of
        // a page that had none is not an update.
        let had_controller = std::cell::Cell::new(controlled());
        let switched = report.clone();
        gloo::events::EventListener::new(&container_of(), "controllerchange", move |_| {
            if had_controller.replace(true) && !UPDATING.with(std::cell::Cell::get) {
                switched(Offline::UpdatedElsewhere);
            }
        })
        .forget();
        let Ok(ready) = ready else { return };
        if wasm_bindgen_futures::JsFuture::from(ready).await.is_ok() && reg.waiting().is_none() {
            report(Offline::Ready);
        }
    });
}

thread_local! {
    /// Set once this tab has asked for the update: the worker change that follows is its own.
    static UPDATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn container_of() -> web_sys::ServiceWorkerContainer {
    window()
        .expect("a window: only called once one was found")
        .navigator()
        .service_worker()
}

fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// How long to wait for the new worker to take over before reloading anyway.
const TAKEOVER_MS: u32 = 4000;

/// Switches to the newer release: when it waits, it is told to take over (it clears the old
/// caches) and the page reloads once it has, so old and new files are never mixed. When
/// another tab already switched, there is nothing to wait for: the page reloads at once.
pub fn apply_update() {
    if window().is_none() {
        return;
    }
    UPDATING.with(|u| u.set(true));
    let container = container_of();
    gloo::events::EventListener::once(&container, "controllerchange", |_| reload()).forget();
    let registration = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let reg = wasm_bindgen_futures::JsFuture::from(registration)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok());
        match reg.and_then(|r| r.waiting()) {
            Some(waiting) => {
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
                let _ = waiting.post_message(&msg);
                // Should the take-over never be announced, the reload still happens.
                super::after_ms(TAKEOVER_MS, reload).forget();
            }
            None => reload(),
        }
    });
}
