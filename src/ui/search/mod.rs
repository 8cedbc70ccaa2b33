//! The search screen, a file per concern: the search box, the filters and their year bars,
//! the result list and its cards, and the downloads of the current view.

mod exports;
mod filters;
mod results;
mod search_box;
mod years;

pub use filters::Filters;
pub use results::{ResultCard, Results, empty_state, lookalike_note, typed};
pub use search_box::SearchBox;
pub use years::YearRange;
