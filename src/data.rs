//! The dataset and search index that `build.rs` validated, built and encoded, embedded in the
//! binary and decoded once.
//!
//! This is the only place that knows about the embedded bytes; the core is handed the decoded
//! [`Dataset`] and [`Index`], so tests can hand it fixtures instead.

use crate::core::bundle;
use crate::core::model::Dataset;
use crate::core::search::index::Index;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

fn loaded() -> &'static (Dataset, Index) {
    static DATA: OnceLock<(Dataset, Index)> = OnceLock::new();
    // build.rs wrote these bytes from the same model moments before this crate compiled,
    // so a decode failure is a build defect, not bad input: failing loudly is right.
    DATA.get_or_init(|| bundle::decode(BYTES).expect("embedded bundle decodes"))
}

/// The embedded dataset, decoded on first use.
pub fn dataset() -> &'static Dataset {
    &loaded().0
}

/// The embedded search index, ready on first use.
pub fn index() -> &'static Index {
    &loaded().1
}

/// Size of the embedded bundle in bytes, for the size report and the benchmark.
pub fn encoded_len() -> usize {
    BYTES.len()
}

/// The dataset and index with id look-ups, for the UI.
pub fn catalog() -> &'static crate::core::catalog::Catalog<'static> {
    static CAT: OnceLock<crate::core::catalog::Catalog<'static>> = OnceLock::new();
    CAT.get_or_init(|| crate::core::catalog::Catalog::new(dataset(), index()))
}
