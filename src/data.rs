//! The dataset that `build.rs` validated and encoded, embedded in the binary and decoded once.
//!
//! This is the only place that knows about the embedded bytes; the core is handed the decoded
//! [`Dataset`], so tests can hand it fixtures instead.

use crate::core::model::Dataset;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// The embedded dataset, decoded on first use.
pub fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    // build.rs wrote these bytes from the same model moments before this crate compiled,
    // so a decode failure is a build defect, not bad input: failing loudly is right.
    DATA.get_or_init(|| postcard::from_bytes(BYTES).expect("embedded dataset decodes"))
}

/// Size of the embedded dataset in bytes, for the size report and the benchmark.
pub fn encoded_len() -> usize {
    BYTES.len()
}
