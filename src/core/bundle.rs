//! What `build.rs` embeds: the validated dataset and its packed search index, in one postcard
//! blob. The index borrows its postings from the blob, so loading copies almost nothing.

use crate::core::model::Dataset;
use crate::core::search::index::{Index, Packed};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Bundle<'a> {
    pub dataset: Dataset,
    #[serde(borrow)]
    pub index: Packed<'a>,
}

/// Packs the index of `dataset` and encodes both.
pub fn encode(dataset: Dataset) -> Vec<u8> {
    let index = Index::pack(&dataset);
    postcard::to_allocvec(&Bundle { dataset, index }).expect("the model serialises")
}

/// Decodes a blob made by [`encode`]; the index's postings stay in `bytes`.
pub fn decode(bytes: &'static [u8]) -> Result<(Dataset, Index), postcard::Error> {
    let b: Bundle<'static> = postcard::from_bytes(bytes)?;
    let index = Index::load(b.index, &b.dataset);
    Ok((b.dataset, index))
}
