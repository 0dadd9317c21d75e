//! The HTML report: one self-contained HTML file with the drawn actor
//! network, the contradictions, the camps per issue, the timeline and the
//! structural balance of a scenario.
//!
//! This file holds the public face ([`HtmlReport`], [`HtmlReportOptions`],
//! [`DrawnAs`]) and the page's frame; the parts are one concept per file:
//!
//! - `view`: what each node of the drawing stands for (actors, principals or
//!   groups), and `cluster`: the average-linkage clustering into groups;
//! - `draw`: the drawing of the network with its tooltips;
//! - `text`: the sentences several parts share (a position in one line, a
//!   contradiction's verdict);
//! - `sections`: one writer per section of the page;
//! - `style.css`: the page's style sheet, inlined into the page.

mod cluster;
mod draw;
mod sections;
mod text;
mod view;

pub(crate) use sections::write_figure;

use std::fmt::Write as _;
use std::time::Duration;

use crate::util::escape::escape_display as escape;
use crate::{
    Contradictions, Date, Result, Scenario, StanceGraph,
    balance::{BalanceReport, FrustrationOptions, SignedGraph},
    contradiction::CheckOptions,
    stance::{Attribution, GraphOptions},
};

/// What a [`HtmlReport`] shows and how far it goes.
///
/// # Examples
///
/// ```
/// use stancegraph::render::HtmlReportOptions;
///
/// let options = HtmlReportOptions::new().with_as_of("2025-06-01".parse()?).with_max_actors(40);
/// assert_eq!(options.max_actors, 40);
/// # Ok::<(), stancegraph::DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct HtmlReportOptions {
    /// Show the positions that hold on this day (camps, ties, balance,
    /// contradictions) and the timeline up to it; `None` shows every time.
    pub as_of: Option<Date>,
    /// Draw at most this many actors one by one (default 60, at most
    /// [`HtmlReportOptions::MAX_ACTORS`]): beyond, the spokespeople are folded
    /// into whom they speak for, and beyond that the principals are drawn as
    /// groups of actors that take the same sides.
    pub max_actors: usize,
    /// How many groups to draw when the actors are aggregated (default 12,
    /// at most [`HtmlReportOptions::MAX_GROUPS`]). Above 600 principals the
    /// 600 most active are clustered into `groups − 1` groups and the rest
    /// form one more, labelled as not clustered.
    pub groups: usize,
    /// At most this many contradiction cards (default 200); the rest are
    /// counted.
    pub max_cards: usize,
    /// At most this many positions listed in the timeline (default 1,500);
    /// every principal keeps its summary line.
    pub max_timeline: usize,
    /// How to compute the frustration index of the balance summary
    /// (default: automatic, with a 10-second limit).
    pub frustration: FrustrationOptions,
    /// The title to show when the scenario has none (imported tables and
    /// databases have none), such as the file's name.
    pub title: Option<String>,
    /// Add a section "What changed since" this day: the positions taken
    /// and ended, the contradictions that appeared and went away, who
    /// reversed and the ties formed, broken and changed, from this day to
    /// [`as_of`](Self::as_of) (or the latest day a position was dated or
    /// ended), by [`Scenario::diff_dates`]. `None`, the default, adds none.
    pub since: Option<Date>,
    /// Show at most this many deals in a section "What a deal would take"
    /// (default 3; 0 adds no section), by [`Scenario::deals`] among every
    /// party with a claim.
    pub deals: usize,
}

impl HtmlReportOptions {
    /// The largest [`HtmlReportOptions::max_actors`] accepted.
    pub const MAX_ACTORS: usize = 200;
    /// The largest [`HtmlReportOptions::groups`] accepted.
    pub const MAX_GROUPS: usize = 100;
    /// The most agreement and conflict ties drawn one by one (the heaviest);
    /// the drawing's description counts the rest.
    pub const MOST_TIES: usize = 2_000;

    /// The defaults.
    pub fn new() -> Self {
        HtmlReportOptions::default()
    }

    /// Sets [`HtmlReportOptions::as_of`].
    pub fn with_as_of(mut self, date: Date) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Sets [`HtmlReportOptions::since`].
    pub fn with_since(mut self, date: Date) -> Self {
        self.since = Some(date);
        self
    }

    /// Sets [`HtmlReportOptions::deals`].
    pub fn with_deals(mut self, deals: usize) -> Self {
        self.deals = deals;
        self
    }

    /// Sets [`HtmlReportOptions::max_actors`].
    pub fn with_max_actors(mut self, max: usize) -> Self {
        self.max_actors = max;
        self
    }

    /// Sets [`HtmlReportOptions::groups`].
    pub fn with_groups(mut self, groups: usize) -> Self {
        self.groups = groups;
        self
    }

    /// Sets [`HtmlReportOptions::title`].
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets [`HtmlReportOptions::frustration`].
    pub fn with_frustration(mut self, options: FrustrationOptions) -> Self {
        self.frustration = options;
        self
    }
}

impl Default for HtmlReportOptions {
    fn default() -> Self {
        HtmlReportOptions {
            as_of: None,
            max_actors: 60,
            groups: 12,
            max_cards: 200,
            max_timeline: 1_500,
            frustration: FrustrationOptions::new().with_time_limit(Duration::from_secs(10)),
            title: None,
            since: None,
            deals: 3,
        }
    }
}

/// How the actors are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DrawnAs {
    /// Every actor, spokespeople included, one node each.
    Actors,
    /// Every principal (spokespeople folded into whom they speak for).
    Principals,
    /// Groups of principals that take the same sides (average-linkage
    /// clustering on net agreement).
    Groups,
}

/// A stance report of one scenario, rendered as a self-contained HTML page
/// ([`HtmlReport::render_html`]) or just its network drawing
/// ([`HtmlReport::render_svg`]).
///
/// The page has a header (title, counts, date span), the key findings,
/// with [`HtmlReportOptions::since`] **what changed** since that day, the
/// **actor network** drawn as SVG (shape and colour by kind, agreement and
/// conflict ties styled apart by colour and dash, thickness by weight,
/// contradictions as dotted purple links with rings on the actors involved,
/// the two camps of the balance analysis shaded), the **contradictions**
/// most severe first, each a card with its explanation, quotes, speakers,
/// dates, sources and reasoning, the **camps per issue** with firmness (red
/// lines marked in words, not only in colour), a **timeline** of dated
/// positions per principal with reversals marked, and the **structural
/// balance** summary (balanced or not, the frustration index, the camps and
/// every out-of-place tie with the cycle that explains it). Every node and
/// tie carries a `<title>` tooltip with the positions behind it.
///
/// The file loads nothing: no scripts, fonts, images or style sheets from
/// anywhere, and no JavaScript at all; source addresses are printed, not
/// linked. It is well-formed XML as well as HTML, and the same scenario
/// gives the same bytes.
///
/// Ties and camps count positions for whom they are said (an envoy's words
/// as their state's: [`Attribution::Principal`]).
///
/// # Examples
///
/// ```
/// use stancegraph::{render::HtmlReport, Scenario};
///
/// let scenario = Scenario::load("examples/data/istanbul-talks.yaml")?;
/// let html = HtmlReport::new(&scenario)?.render_html();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("We will not compromise on Ukraine’s right to join NATO"));
/// assert_eq!(html.matches("<article class=\"card").count(), 4);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Debug)]
pub struct HtmlReport<'s> {
    scenario: &'s Scenario,
    options: HtmlReportOptions,
    graph: StanceGraph<'s>,
    contradictions: Contradictions<'s>,
    signed: SignedGraph,
}

impl<'s> HtmlReport<'s> {
    /// The report of `scenario` with default options.
    ///
    /// # Errors
    ///
    /// None with the defaults; see [`HtmlReport::with_options`].
    pub fn new(scenario: &'s Scenario) -> Result<HtmlReport<'s>> {
        HtmlReport::with_options(scenario, HtmlReportOptions::default())
    }

    /// The report of `scenario`: builds the stance graph, finds the
    /// contradictions and the signed graph of actors and issues. The balance
    /// analysis and the layout run when rendering.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidOptions`] when `max_actors` or `groups` is
    /// zero or too large, or `since` is after `as_of`.
    pub fn with_options(
        scenario: &'s Scenario,
        options: HtmlReportOptions,
    ) -> Result<HtmlReport<'s>> {
        let mut problems = Vec::new();
        for (field, value, most, reason) in [
            (
                "max_actors",
                options.max_actors,
                HtmlReportOptions::MAX_ACTORS,
                "must be between 1 and 200: more nodes than that are no longer legible (and the layout is cubic)",
            ),
            (
                "groups",
                options.groups,
                HtmlReportOptions::MAX_GROUPS,
                "must be between 1 and 100",
            ),
        ] {
            if value == 0 || value > most {
                problems.push(crate::Problem::option(field, reason));
            }
        }
        if let (Some(since), Some(as_of)) = (options.since, options.as_of)
            && since > as_of
        {
            problems.push(crate::Problem::option(
                "since",
                "must not be after as_of: the changes run from `since` to the day shown",
            ));
        }
        if !problems.is_empty() {
            return Err(crate::Error::InvalidOptions { problems });
        }
        let mut graph_options = GraphOptions::default().with_attribution(Attribution::Principal);
        let mut check = CheckOptions::default();
        if let Some(day) = options.as_of {
            graph_options = graph_options.with_as_of(day);
            check = check.with_as_of(day);
        }
        let graph = StanceGraph::with_options(scenario, graph_options);
        let contradictions = scenario.contradictions(&check);
        let signed = SignedGraph::from_actors_and_issues(&graph);
        Ok(HtmlReport {
            scenario,
            options,
            graph,
            contradictions,
            signed,
        })
    }

    /// The contradictions the report shows, most severe first.
    pub fn contradictions(&self) -> &Contradictions<'s> {
        &self.contradictions
    }

    /// The stance graph behind the drawing (principal attribution).
    pub fn graph(&self) -> &StanceGraph<'s> {
        &self.graph
    }

    /// How the actors are drawn: one by one, as principals, or in groups
    /// (decided by [`HtmlReportOptions::max_actors`]).
    pub fn drawn_as(&self) -> DrawnAs {
        self.nodes().drawn_as
    }

    /// The network drawing alone, as a standalone SVG document.
    pub fn render_svg(&self) -> String {
        let balance = self.balance();
        let nodes = self.nodes();
        let drawing = self.drawing(&nodes, &balance);
        let mut svg = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.push_str(&drawing.svg("network"));
        svg
    }

    /// The whole report as one HTML page.
    pub fn render_html(&self) -> String {
        let balance = self.balance();
        let nodes = self.nodes();
        let drawing = self.drawing(&nodes, &balance);
        let title = self.title();
        let mut out = String::with_capacity(64 * 1024);
        write_page_start(&mut out, title, "stance report");
        self.write_header(&mut out, title);
        self.write_findings(&mut out, &balance, &nodes);
        out.push_str("<main>\n");
        self.write_changes(&mut out);
        self.write_network(&mut out, &drawing, &nodes);
        self.write_contradictions(&mut out);
        self.write_deals(&mut out);
        self.write_issues(&mut out);
        self.write_timeline(&mut out);
        self.write_balance(&mut out, &balance);
        out.push_str("</main>\n");
        write_page_end(&mut out, "scenario");
        out
    }

    /// Whether a position is shown: with `as_of`, those dated up to that day
    /// (and the undated).
    fn visible(&self, p: &crate::Position) -> bool {
        self.options
            .as_of
            .is_none_or(|d| p.date().is_none_or(|pd| pd <= d))
    }

    fn title(&self) -> &str {
        self.scenario
            .title()
            .or(self.options.title.as_deref())
            .unwrap_or("Untitled scenario")
    }

    fn balance(&self) -> BalanceReport<'_> {
        BalanceReport::without_blockmodel(&self.signed, &self.options.frustration)
    }
}

/// The page's style: readable, high-contrast, printable; no web fonts.
const STYLE: &str = include_str!("style.css");

/// The top of a report page, up to `<body>`: the page is titled
/// "`title` — `kind`" and carries [`STYLE`] inline (the page loads nothing).
pub(crate) fn write_page_start(out: &mut String, title: &str, kind: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"stancegraph {}\"/>\n<title>{} — {kind}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    );
}

/// The foot of a report page made from `what` (the scenario, the signed
/// network): the promise of determinism and of loading nothing, then
/// `</html>`.
pub(crate) fn write_page_end(out: &mut String, what: &str) {
    let _ = write!(
        out,
        "<footer><p>Made by stancegraph {} from the {what} alone: the same {what} gives the same file. \
         This page loads nothing from the network and runs no script.</p></footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
}
