//! The sections of the report's page, one writer each, in page order:
//! the header and key findings, what changed since a day (if asked), the
//! network figure, the contradiction
//! cards, the camps per issue, the timeline and the structural balance.
//! Each writes well-formed XHTML into the page and escapes every text from
//! the scenario.

mod balance;
mod camps;
mod changes;
mod contradictions;
mod deals;
mod header;
mod network;

pub(crate) use network::write_figure;
mod timeline;
