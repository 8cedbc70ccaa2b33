//! The data model shared by `build.rs` (which validates and encodes it) and the app (which decodes it).

use serde::{Deserialize, Serialize};

/// Everything the app knows, as `build.rs` validated it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub documents: Vec<Document>,
}

/// A source document, kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file stem in `seeds/`, e.g. `000_05d95eeefa1e2818`; stable, so links can use it.
    pub id: String,
    pub title: String,
    /// The full text, exactly as in the file.
    pub body: String,
}
