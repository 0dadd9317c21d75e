//! Pictures and pages: the deterministic graph layout, the SVG drawing of a
//! signed network, and the self-contained HTML report.
//!
//! - [`HtmlReport`] with [`HtmlReportOptions`]: one HTML page (or its SVG drawing)
//!   of a scenario; [`DrawnAs`] says how the drawing aggregates actors.
//! - [`GraphReport`] with [`GraphReportOptions`]: one HTML page (or its SVG
//!   drawing) of signed networks, an edge list or aggregated event data,
//!   one [`SignedGraph`](crate::balance::SignedGraph) per period
//!   ([`PeriodSummary`] for each in the overview).
//! - [`Network::to_svg`](crate::discourse::Network::to_svg): the SVG drawing
//!   of a discourse network (and its
//!   [`ExportFormat::Svg`](crate::discourse::ExportFormat::Svg)), drawn here
//!   while the discourse layer keeps the data formats.

pub(crate) mod drawing;
mod graph_report;
pub(crate) mod layout;
mod network_svg;
mod report;

pub use graph_report::{GraphReport, GraphReportOptions, PeriodSummary};
pub use report::{DrawnAs, HtmlReport, HtmlReportOptions};
