//! Test hooks, compiled in only when SCO_TEST_HOOKS is set at build time (the browser tests'
//! fixture build and the benchmark's builds).

use super::timers::now;
use super::window;
use wasm_bindgen::closure::Closure;

/// Test hooks, compiled in only when SCO_TEST_HOOKS is set at build time:
/// - `window.__scoPanic(message)` panics inside the app, to test the panic panel;
/// - `window.__scoSearch(queries, runs)` types the queries in order, `runs` times over, through
///   the search as a keystroke runs it (every hit found, the first page ordered), and returns
///   each query's median milliseconds, for the benchmark. In order, because the search
///   remembers the previous keystroke's words: timing one query three times in a row would
///   time that memory, not typing. Each pass starts with no name squashed
///   (`forget_squashed_names`), as a first time typing does.
pub fn install_test_hooks() {
    let Some(w) = window() else { return };
    let panic = Closure::<dyn Fn(String)>::new(|message: String| panic!("{message}"));
    let _ = js_sys::Reflect::set(&w, &"__scoPanic".into(), panic.as_ref());
    panic.forget();
    let search = Closure::<dyn Fn(js_sys::Array, u32) -> js_sys::Array>::new(
        |queries: js_sys::Array, runs: u32| {
            let cat = crate::data::catalog();
            let queries: Vec<String> = queries.iter().filter_map(|q| q.as_string()).collect();
            let mut times = vec![Vec::new(); queries.len()];
            for _ in 0..runs.max(1) {
                crate::core::search::index::forget_squashed_names();
                for (q, t) in queries.iter().zip(&mut times) {
                    let t0 = now();
                    let hits = cat.keystroke(q, crate::core::state::PAGE).hits.len();
                    std::hint::black_box(hits);
                    t.push(now() - t0);
                }
            }
            times
                .into_iter()
                .map(|mut t| {
                    t.sort_by(f64::total_cmp);
                    wasm_bindgen::JsValue::from(t[t.len() / 2])
                })
                .collect()
        },
    );
    let _ = js_sys::Reflect::set(&w, &"__scoSearch".into(), search.as_ref());
    search.forget();
}
