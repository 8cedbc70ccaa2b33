//! Timeline geometry: what to draw where, as plain numbers. The component only turns a
//! [`Layout`] into SVG (as Yew's `boids` example keeps its maths apart from `render`).
//!
//! Two charts share one time axis: membership standings, and events (exercise series, then
//! kinds). The steps, one file each:
//! - `chart`: facts to lanes of items in days ([`chart`], [`fit`]);
//! - `scale`: the visible stretch of time ([`Viewport`]) and days to pixels ([`Scale`]);
//! - `ticks`: gridlines and their labels;
//! - `layout`: culling, packing into rows, labels, clusters, the tooltip's box;
//! - `table`: the same data as tables.

mod chart;
pub mod gesture;
mod layout;
mod scale;
mod table;
mod ticks;

pub use chart::*;
pub use layout::*;
pub use scale::*;
pub use table::*;
pub use ticks::*;
