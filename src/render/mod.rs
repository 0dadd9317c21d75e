//! Pictures and pages: the deterministic graph layout, the SVG drawing of a
//! signed network, and the self-contained HTML report.
//!
//! - [`HtmlReport`] with [`HtmlReportOptions`]: one HTML page (or its SVG drawing)
//!   of a scenario; [`DrawnAs`] says how the drawing aggregates actors.

pub(crate) mod drawing;
pub(crate) mod layout;
mod report;

pub use report::{DrawnAs, HtmlReport, HtmlReportOptions};
