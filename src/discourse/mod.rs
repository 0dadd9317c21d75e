//! Discourse networks as the Discourse Network Analyzer (DNA) defines them:
//! actor × issue, actor × actor and issue × issue matrices, their export,
//! and DNA's polarization score.
//!
//! - [`Network`] from [`Scenario::network`](crate::Scenario::network) with
//!   [`NetworkOptions`] ([`NetworkMode`], [`NetworkType`], [`Normalization`],
//!   [`Level`], [`Duplicates`]).
//! - [`ExportFormat`], [`ExportOptions`]: CSV, GraphML, DOT, JSON, edge lists, SVG.
//!   The data formats are written here; the SVG drawing of a [`Network`]
//!   ([`Network::to_svg`]) belongs to the render layer (`render::network_svg`).
//! - [`Polarization`] from [`Scenario::polarization`](crate::Scenario::polarization)
//!   with [`PolarizationOptions`], or of any [`NetworkPair`].

pub(crate) mod export;
pub(crate) mod matrix;
pub(crate) mod network;
mod polarization;

pub use export::{ExportFormat, ExportOptions};
pub use matrix::{NetworkType, Normalization};
pub use network::{Duplicates, Level, Network, NetworkMode, NetworkOptions};
pub use polarization::{NetworkPair, Polarization, PolarizationOptions};
