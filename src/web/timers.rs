//! Time: timers, idle and animation-frame callbacks, the clock and performance marks.

use super::window;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A pending call; dropping it cancels the call.
pub struct Timer(gloo::timers::callback::Timeout);

impl Timer {
    /// Lets the call happen even though the handle is dropped.
    pub fn forget(self) {
        self.0.forget();
    }
}

/// Calls `f` once, `ms` milliseconds from now.
pub fn after_ms(ms: u32, f: impl FnOnce() + 'static) -> Timer {
    let f: Box<dyn FnOnce()> = Box::new(f);
    Timer(gloo::timers::callback::Timeout::new(ms, f))
}

/// Calls `f` once when the browser is idle, and within 250 ms at the latest. Where
/// `requestIdleCallback` is missing (Safari), a short timer stands in for it. There is no
/// cancelling: a call that has become moot should find that out when it runs.
pub fn when_idle(f: impl FnOnce() + 'static) {
    idle(Box::new(f));
}

/// One body for every caller's closure (each generic copy was a few hundred bytes of wasm).
fn idle(f: Box<dyn FnOnce()>) {
    let Some(w) = window() else { return };
    let cb = Closure::once_into_js(f);
    let opts = web_sys::IdleRequestOptions::new();
    opts.set_timeout(250);
    if w.request_idle_callback_with_options(cb.unchecked_ref(), &opts)
        .is_err()
    {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 20);
    }
}

/// How long typing must pause before [`when_quiet`] calls run: longer than the gap between
/// a quick typist's keystrokes, short enough to feel immediate once they stop.
pub const QUIET_MS: u32 = 150;

/// Calls `f` [`QUIET_MS`] from now, once the browser is idle: for work a keystroke makes but
/// the user sees only after it (the cards below the screen, the filters' counts). Done in idle
/// time between keystrokes, it would hold up the next one. There is no cancelling: a caller
/// holds its work weakly, so a keystroke within the wait supersedes it and only a pause in
/// typing gets it done.
pub fn when_quiet(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    after_ms(QUIET_MS, move || idle(f)).forget();
}

/// Runs `f` on the next animation frame (after the browser has applied the DOM changes).
pub fn after_paint(f: impl FnOnce() + 'static) {
    next_frame(Box::new(f));
}

fn next_frame(f: Box<dyn FnOnce()>) {
    let Some(w) = window() else { return };
    let cb = Closure::once_into_js(f);
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// `performance.now()`, or 0 where there is no clock.
pub fn now() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A `performance.mark`, for the benchmark to read.
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
