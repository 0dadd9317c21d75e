//! The subcommands, one file each (its clap arguments and an `exec`), and
//! the choices several of them share: the output format and whom a
//! position counts for.

mod balance;
mod centrality;
mod check;
mod deals;
mod diff;
mod events;
mod interstate;
mod network;
mod report;
mod show;
mod validate;

use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use stancegraph::{Date, discourse::Level, stance::Attribution, stance::GraphOptions};

use crate::error::CliError;

#[derive(Subcommand)]
pub enum Command {
    /// Check input files (scenarios in YAML, JSON or TOML, statements tables,
    /// .dna databases) and report every problem.
    ///
    /// Prints one summary line per valid file. Exits with 2 if any file is
    /// invalid, after printing each of its problems to stderr.
    Validate(validate::Args),
    /// Print an overview: actors, issues, camps, agreement and conflict.
    Show(show::Args),
    /// Compute a discourse network (DNA's measures) and write it as CSV,
    /// GraphML, DOT, JSON or an edge list.
    Network(Box<network::Args>),
    /// Structural balance of a signed network: camps, unbalanced cycles,
    /// triangles, walk balance, the frustration index (exact with proof, or
    /// heuristic with bounds), a k-camp blockmodel, and DNA's polarization.
    ///
    /// FILE is a scenario (its actors and issues, relations and links), a
    /// statements table or a .dna database (their actor network), or with
    /// --edges an edge list `source,target,sign[,weight][,period]`.
    /// Exits with 0 on success and 2 on invalid input.
    Balance(Box<balance::Args>),
    /// Signed centralities of every node: positive and negative (weighted)
    /// degree, Everett and Borgatti's PN index and the signed eigenvector
    /// centrality (what is not defined is said, with the reason).
    ///
    /// FILE is read as `balance` reads it: a scenario, a statements table,
    /// a .dna database, or with --edges an edge list.
    /// Exits with 0 on success and 2 on invalid input.
    Centrality(Box<centrality::Args>),
    /// Write a self-contained HTML report: the actor network drawn as SVG,
    /// the contradictions, the camps per issue, the timeline and the
    /// structural balance. The file loads nothing from the network.
    ///
    /// FILE is a scenario, a statements table or a .dna database; with
    /// --edges an edge list, with --events an event file aggregated as
    /// `events` aggregates it: the report of signed networks (an overview
    /// of every period, one period in full).
    /// Exits with 0 on success and 2 on invalid input.
    Report(Box<report::Args>),
    /// Find the positions that cannot all hold together, most severe first.
    ///
    /// Exits with 0 on success, 2 on invalid input (printing every problem),
    /// and 1 only when `--deny` is given and a contradiction at or above that
    /// severity is found.
    Check(Box<check::Args>),
    /// What changed between two versions of a case (OLD NEW, e.g. two git
    /// checkouts; both as of --as-of, or their full histories), or in one
    /// CASE between --from and --to: positions added, removed and changed,
    /// contradictions new and resolved, agreement and conflict ties between
    /// principals formed, broken and changed in weight.
    ///
    /// Exits with 0 on success whether or not anything changed, and 2 on
    /// bad usage or invalid input (printing every problem of both inputs).
    Diff(Box<diff::Args>),
    /// What a deal would take: the cheapest sets of claims the parties at
    /// the table must withdraw so that all the others can hold together
    /// (cheapest first: red lines, then firm, then negotiable claims), who
    /// must make them, and, when no deal exists under --keep, --protect and
    /// --require, a minimal set of them that rules every deal out.
    ///
    /// Exits with 0 on success (whether or not a deal exists) and 2 on
    /// invalid input or options.
    Deals(Box<deals::Args>),
    /// Interstate relations year by year, from alliance and dispute
    /// dyad-years (ATOP, GML MID) and COW state names: the allies in
    /// militarized disputes (DIR/allies_in_conflict.csv:
    /// ccode1,ccode2,name1,name2,year,disputes) and the structural balance
    /// of every year with a tie (DIR/balance_by_year.csv:
    /// year,states,positive,negative,ambivalent,frustration,lower_bound,exact;
    /// the frustration index exact), with a summary on stdout.
    ///
    /// Exits with 0 on success and 2 on a missing or invalid input (every
    /// bad row named with its file and line) or an unwritable DIR.
    Interstate(Box<interstate::Args>),
    /// Political event data (ICEWS .tab, PLOVER .json, delimited tables
    /// with CAMEO codes or scores) aggregated per dyad and period: the
    /// number of events, the Goldstein sum, the counts per quad class and
    /// the sign of the net score.
    ///
    /// Writes CSV (source,target,period,events,goldstein,...), JSON, or an
    /// edge list for `balance --edges`; prints what was read and dropped
    /// (self-dyads, missing sides) to stderr. Exits with 0 on success and 2
    /// on invalid input (every bad row named with its line and field).
    Events(Box<events::Args>),
}

/// Runs a subcommand: `Ok` with its exit code, or the error to print.
pub fn exec(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Validate(args) => validate::exec(&args),
        Command::Show(args) => show::exec(&args),
        Command::Network(args) => network::exec(&args),
        Command::Balance(args) => balance::exec(&args),
        Command::Centrality(args) => centrality::exec(&args),
        Command::Report(args) => report::exec(&args),
        Command::Check(args) => check::exec(&args),
        Command::Diff(args) => diff::exec(&args),
        Command::Deals(args) => deals::exec(&args),
        Command::Interstate(args) => interstate::exec(&args),
        Command::Events(args) => events::exec(&args),
    }
}

/// `--time-limit SECONDS` of `balance`, `report`, `deals` and `interstate`:
/// `Some` duration, or `None` for `inf` — no limit at all, as Python's
/// `time_limit=float("inf")` — whatever the command's default.
#[derive(Clone, Copy, Debug)]
pub struct TimeLimit(pub Option<std::time::Duration>);

/// A number of seconds, or `inf` — or more seconds than a clock can count —
/// for no limit; else clap's error naming the value.
pub fn parse_time_limit(text: &str) -> Result<TimeLimit, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s >= 0.0 => Ok(TimeLimit(std::time::Duration::try_from_secs_f64(s).ok())),
        _ => Err(format!(
            "`{text}` is not a number of seconds (or `inf`: no limit)"
        )),
    }
}

/// `--format` of `check`, `balance`, `centrality`, `diff` and `deals`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

/// `--attribution` of `show` and `balance`: whom a position counts for,
/// `principal` by default in both (as in the HTML report: the founding use
/// case reads an envoy's words as his state's). The other subcommands take
/// no `--attribution`: `report` always attributes positions to principals,
/// and `network`'s `--level actor|principal|bloc` is a different concept,
/// the level at which DNA's networks aggregate positions.
#[derive(Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum AttributionChoice {
    /// For whom the speaker speaks, up the `speaks_for` chain: an envoy's
    /// words count as their state's (Kellogg's as the United States').
    #[default]
    Principal,
    /// For the actor who made the statement, as written (Kellogg is Kellogg).
    Speaker,
}

impl AttributionChoice {
    /// The choice, unless a deprecated boolean alias (`show --by-principal`,
    /// `balance --by-speaker`) was given: then `alias`.
    pub fn or_alias(self, alias: Option<AttributionChoice>) -> Self {
        alias.unwrap_or(self)
    }

    /// The library's attribution.
    pub fn attribution(self) -> Attribution {
        match self {
            AttributionChoice::Principal => Attribution::Principal,
            AttributionChoice::Speaker => Attribution::Speaker,
        }
    }

    /// The stance graph's options of `show` and `balance`: positions count
    /// for this choice and, with `as_of`, only those that hold on that day.
    pub fn graph_options(self, as_of: Option<Date>) -> GraphOptions {
        let mut options = GraphOptions::default().with_attribution(self.attribution());
        options.as_of = as_of;
        options
    }

    /// The same choice for DNA's measures (`balance`'s polarization), which
    /// take the level of a discourse network rather than an attribution:
    /// `speaker` is [`Level::Actor`] (the speaker as written), `principal`
    /// is [`Level::Principal`] (the top of the `speaks_for` chain). The
    /// third level, [`Level::Bloc`], has no attribution to match it.
    pub fn level(self) -> Level {
        match self {
            AttributionChoice::Principal => Level::Principal,
            AttributionChoice::Speaker => Level::Actor,
        }
    }
}
