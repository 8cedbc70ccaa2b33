//! Native benchmark of the pure core at 1k, 10k and 100k synthetic facts: encoded size and decode
//! time of the dataset without its document texts (postcard, the embedding we use, against JSON;
//! the bundle carries the texts apart, borrowed at load), the time to build the index
//! (at build time) and to load the embedded bundle (at start-up), and search latency over the
//! committed typing script. `cargo bench --bench core`. The browser benchmark (`bench/run.mjs`)
//! measures the same in wasm; this one isolates the algorithms.

use sco_explorer::core::model::Dataset;
use sco_explorer::core::search::index::Index;
use sco_explorer::core::search::rank::search;
use sco_explorer::core::search::{Weights, query};
use sco_explorer::core::{bundle, synth, validate};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes, so the table can say how much memory loading takes beside the blob
/// (the browser's figure adds the wasm's own data segment, stack and allocator slack).
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn keystrokes() -> Vec<String> {
    let script = include_str!("typing-script.txt");
    let mut out = Vec::new();
    for line in script
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        for end in line.char_indices().map(|(i, c)| i + c.len_utf8()) {
            out.push(line[..end].to_string());
        }
    }
    out
}

fn main() {
    let tiers: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect::<Vec<_>>()
        .into_iter()
        .chain(std::iter::empty())
        .collect();
    let tiers = if tiers.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        tiers
    };
    let keys = keystrokes();
    println!("typing script: {} keystrokes", keys.len());
    println!(
        "| facts | dataset postcard bytes | json bytes | decode postcard ms | decode json ms | bundle bytes | index build ms (build time) | bundle load ms (start-up) | catalog ids ms | heap after load | terms | search p50 ms | p95 ms | max ms | results view p50 ms | p95 ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for n in tiers {
        let data: Dataset = validate::validate(&synth::generate(n, synth::SEED))
            .expect("synthetic data is valid")
            .dataset;
        let post = postcard::to_allocvec(&data).expect("encode");
        let json = serde_json::to_vec(&data).expect("encode");
        let runs = if n >= 100_000 { 3 } else { 5 };
        let build = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let ix = std::hint::black_box(Index::pack(&data));
                    let took = t.elapsed();
                    drop(ix);
                    took
                })
                .collect(),
        );
        let blob: &'static [u8] = Box::leak(bundle::encode(data.clone()).into_boxed_slice());
        // Start-up decodes into a heap that holds little else; the validated dataset and its
        // generation leave glibc's free lists fragmented enough to triple decode times at 100k,
        // which measured the allocator's state rather than the decoder.
        drop(data);
        let dec_post = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let d: Dataset = postcard::from_bytes(&post).unwrap();
                    let took = t.elapsed();
                    drop(std::hint::black_box(d));
                    took
                })
                .collect(),
        );
        let dec_json = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let d: Dataset = serde_json::from_slice(&json).unwrap();
                    let took = t.elapsed();
                    drop(std::hint::black_box(d));
                    took
                })
                .collect(),
        );
        let mut loaded = None;
        let load = median(
            (0..runs)
                .map(|_| {
                    drop(loaded.take());
                    let t = Instant::now();
                    loaded = Some(bundle::decode(blob).expect("decodes"));
                    t.elapsed()
                })
                .collect(),
        );
        drop(loaded.take());
        let before = LIVE.load(Ordering::Relaxed);
        let (data, ix) = bundle::decode(blob).expect("decodes");
        let t = Instant::now();
        let cat = sco_explorer::core::catalog::Catalog::new(&data, &ix);
        std::hint::black_box(cat.record(""));
        let ids = t.elapsed();
        let heap = LIVE.load(Ordering::Relaxed) - before;
        // What a keystroke runs in Rust: search, facet counts, the first page ordered and shaped.
        let _ = cat.facets();
        let mut view: Vec<Duration> = keys
            .iter()
            .map(|k| {
                let route = sco_explorer::core::route::Route {
                    query: k.clone(),
                    ..Default::default()
                };
                let t = Instant::now();
                std::hint::black_box(sco_explorer::core::view::results(&cat, &route, 30, &[]));
                t.elapsed()
            })
            .collect();
        drop(cat);
        let w = Weights::default();
        let mut lat: Vec<Duration> = keys
            .iter()
            .map(|k| {
                let t = Instant::now();
                let mut o = search(&ix, &data, &query::parse(k), &w);
                sco_explorer::core::search::rank::order(&ix, &mut o.hits, 30);
                std::hint::black_box(o.hits.len());
                t.elapsed()
            })
            .collect();
        let max = *lat.iter().max().unwrap();
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            post.len(),
            json.len(),
            ms(dec_post),
            ms(dec_json),
            blob.len(),
            ms(build),
            ms(load),
            ms(ids),
            heap,
            ix.terms.len(),
            ms(pct(&mut lat, 0.5)),
            ms(pct(&mut lat, 0.95)),
            ms(max),
            ms(pct(&mut view, 0.5)),
            ms(pct(&mut view, 0.95))
        );
    }
}
