//! What `build.rs` embeds: the validated dataset and its packed search index in postcard, then
//! the documents' texts. The index borrows its postings, and each document its text, from the
//! embedded bytes, so loading copies almost nothing.

use crate::core::model::Dataset;
use crate::core::search::index::{Index, Packed};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Bundle<'a> {
    pub dataset: Dataset,
    /// The byte length of each document's text, in order; the texts follow the postcard part.
    pub body_lens: Vec<u32>,
    #[serde(borrow)]
    pub index: Packed<'a>,
}

/// Packs the index of `dataset` and encodes both, followed by the documents' texts.
pub fn encode(dataset: Dataset) -> Vec<u8> {
    let index = Index::pack(&dataset);
    let body_lens = dataset
        .documents
        .iter()
        .map(|d| d.body.len() as u32)
        .collect();
    let bundle = Bundle {
        dataset,
        body_lens,
        index,
    };
    let mut out = postcard::to_allocvec(&bundle).expect("the model serialises");
    for d in &bundle.dataset.documents {
        out.extend_from_slice(d.body.as_bytes());
    }
    out
}

/// Decodes a blob made by [`encode`]; the index's postings and the documents' texts stay in
/// `bytes`.
pub fn decode(bytes: &'static [u8]) -> Result<(Dataset, Index), postcard::Error> {
    let (mut b, rest): (Bundle<'static>, _) = postcard::take_from_bytes(bytes)?;
    let text = std::str::from_utf8(rest).map_err(|_| postcard::Error::DeserializeBadUtf8)?;
    if b.body_lens.len() != b.dataset.documents.len() {
        return Err(postcard::Error::DeserializeBadEncoding);
    }
    let mut at = 0usize;
    for (doc, &len) in b.dataset.documents.iter_mut().zip(&b.body_lens) {
        let end = at + len as usize;
        let body = text
            .get(at..end)
            .ok_or(postcard::Error::DeserializeBadEncoding)?;
        doc.body = Cow::Borrowed(body);
        at = end;
    }
    if at != text.len() {
        return Err(postcard::Error::DeserializeBadEncoding);
    }
    let index = Index::load(b.index, &b.dataset);
    Ok((b.dataset, index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{synth, validate};

    #[test]
    fn a_bundle_decodes_to_the_dataset_it_was_made_from() {
        let data = validate::validate(&synth::generate(200, synth::SEED))
            .expect("valid")
            .dataset;
        let bytes: &'static [u8] = Box::leak(encode(data.clone()).into_boxed_slice());
        let (back, _) = decode(bytes).expect("decodes");
        assert_eq!(back, data);
        assert!(
            back.documents
                .iter()
                .all(|d| matches!(d.body, Cow::Borrowed(_)))
        );
    }

    #[test]
    fn a_truncated_bundle_is_an_error_not_a_panic() {
        let data = validate::validate(&synth::generate(50, synth::SEED))
            .expect("valid")
            .dataset;
        let bytes = encode(data);
        for cut in [1, 7, bytes.len() / 2, bytes.len() - 1] {
            let short: &'static [u8] = Box::leak(bytes[..cut].to_vec().into_boxed_slice());
            assert!(decode(short).is_err(), "cut at {cut}");
        }
    }
}
