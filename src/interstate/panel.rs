//! The panel: per year, the allied pairs and the pairs in a dispute with
//! their dispute numbers, and the year's signed graph.

use std::path::Path;

use crate::balance::{SignedEdge, SignedGraph};
use crate::interstate::{
    Alliances, AlliesInConflict, BalanceByYear, Disputes, Dyad, StateNames, YearBalance,
    YearBalanceOptions, conflicts, yearly,
};
use crate::{Error, Result};

/// A pair of states in one or more militarized disputes in a year, with
/// the disputes' numbers (ascending, each once).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DyadDisputes {
    /// The pair.
    pub dyad: Dyad,
    /// The dispute numbers (`dispnum`), ascending, without repeats.
    pub disputes: Vec<u32>,
}

/// One year of the panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PanelYear {
    pub(crate) year: i32,
    /// Ascending.
    pub(crate) allied: Vec<Dyad>,
    /// Ascending by dyad.
    pub(crate) disputed: Vec<DyadDisputes>,
}

impl PanelYear {
    /// The states with a tie, ascending.
    pub(crate) fn states(&self) -> Vec<u32> {
        let mut states: Vec<u32> = self
            .allied
            .iter()
            .chain(self.disputed.iter().map(|d| &d.dyad))
            .flat_map(|d| [d.ccode1, d.ccode2])
            .collect();
        states.sort_unstable();
        states.dedup();
        states
    }

    /// Calls `f(dyad, allied, disputes)` for every pair with a tie,
    /// ascending (a merge of the two sorted lists).
    pub(crate) fn each_pair(&self, mut f: impl FnMut(Dyad, bool, Option<&DyadDisputes>)) {
        let (mut i, mut j) = (0, 0);
        while i < self.allied.len() || j < self.disputed.len() {
            let a = self.allied.get(i).copied();
            let d = self.disputed.get(j);
            match (a, d) {
                (Some(a), Some(d)) if a == d.dyad => {
                    f(a, true, Some(d));
                    i += 1;
                    j += 1;
                }
                (Some(a), Some(d)) if a < d.dyad => {
                    f(a, true, None);
                    i += 1;
                }
                (Some(a), None) => {
                    f(a, true, None);
                    i += 1;
                }
                (_, Some(d)) => {
                    f(d.dyad, false, Some(d));
                    j += 1;
                }
                (None, None) => break,
            }
        }
    }
}

/// A dyadic panel of interstate relations: per year, the pairs of states
/// allied (alliance dyad-years such as ATOP's) and the pairs in a
/// militarized dispute, with the disputes' numbers (dispute dyad-years
/// such as the GML MID's), and the states' names (COW).
///
/// Each year with a tie is a signed graph ([`InterstatePanel::graph`]): an
/// allied pair is a positive tie of weight 1, a pair in a dispute (in one
/// dispute or several) a negative tie of weight 1, and a pair both allied
/// and in a dispute is an [ambivalent pair](SignedGraph::ambivalent_pairs)
/// with one tie of each sign. From these, [allies in
/// conflict](InterstatePanel::allies_in_conflict) and [balance by
/// year](InterstatePanel::balance_by_year). Years ascend; pairs ascend by
/// [`Dyad`].
///
/// # Examples
///
/// ```
/// use stancegraph::interstate::{Alliances, Disputes, InterstatePanel, StateNames, YearBalanceOptions};
///
/// let alliances = Alliances::from_reader(
///     "ccode1,ccode2,year\n350,640,1974\n2,350,1974\n2,640,1974\n".as_bytes(), "atop.csv")?;
/// let disputes = Disputes::from_reader(
///     "dispnum,ccode1,ccode2,year\n1234,640,350,1974\n".as_bytes(), "mid.csv")?;
/// let states = StateNames::from_reader(
///     "stateabb,ccode,statenme\nUSA,2,United States of America\nGRC,350,Greece\nTUR,640,Turkey\n".as_bytes(),
///     "states.csv")?;
/// let panel = InterstatePanel::new(alliances, disputes, states);
/// assert_eq!(panel.years(), [1974]);
///
/// let allies = panel.allies_in_conflict();
/// assert_eq!(allies.len(), 1);
/// assert_eq!(allies[0].to_string(), "Greece (350) and Turkey (640), allies in 1974, in dispute 1234");
///
/// let g = panel.graph(1974).unwrap();
/// assert_eq!(g.nodes(), ["USA", "GRC", "TUR"]);
/// assert_eq!(g.ambivalent_pairs().len(), 1);
///
/// let balance = panel.balance_by_year(&YearBalanceOptions::new());
/// let y = &balance[0];
/// assert_eq!((y.states, y.positive, y.negative, y.ambivalent), (3, 3, 1, 1));
/// assert_eq!((y.frustration, y.exact), (1.0, true));
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InterstatePanel {
    pub(crate) years: Vec<PanelYear>,
    pub(crate) names: StateNames,
}

impl InterstatePanel {
    /// The panel of these alliances and disputes, states named by `names`
    /// ([`StateNames::new`] for none: states are then labelled by code).
    ///
    /// # Complexity
    ///
    /// O(a + d) for a allied pair-years and d dispute triples (both come
    /// sorted).
    pub fn new(alliances: Alliances, disputes: Disputes, names: StateNames) -> InterstatePanel {
        let mut years: Vec<PanelYear> = Vec::new();
        let year_of = |years: &mut Vec<PanelYear>, year: i32| -> usize {
            // Both lists ascend by year: the year is the last one or new.
            match years.binary_search_by_key(&year, |y| y.year) {
                Ok(i) => i,
                Err(i) => {
                    years.insert(
                        i,
                        PanelYear {
                            year,
                            ..PanelYear::default()
                        },
                    );
                    i
                }
            }
        };
        for &(year, dyad) in &alliances.pairs {
            let i = year_of(&mut years, year);
            years[i].allied.push(dyad);
        }
        for &(year, dyad, dispute) in &disputes.pairs {
            let i = year_of(&mut years, year);
            let list = &mut years[i].disputed;
            match list.last_mut() {
                Some(last) if last.dyad == dyad => last.disputes.push(dispute),
                _ => list.push(DyadDisputes {
                    dyad,
                    disputes: vec![dispute],
                }),
            }
        }
        InterstatePanel { years, names }
    }

    /// Reads the three files — alliance dyad-years, dispute dyad-years and,
    /// if given, COW state names — into a panel: see
    /// [`Alliances::from_reader`], [`Disputes::from_reader`] and
    /// [`StateNames::from_reader`] for the columns and rules.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] naming the first file that cannot be opened or read;
    /// otherwise [`Error::Invalid`] with the problems of every file, each
    /// naming its file, row, line and column.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::interstate::InterstatePanel;
    ///
    /// let err = InterstatePanel::from_paths("no/atop.csv", "no/mid.csv", None::<&str>).unwrap_err();
    /// assert!(err.to_string().starts_with("no/atop.csv"));
    /// ```
    pub fn from_paths(
        alliances: impl AsRef<Path>,
        disputes: impl AsRef<Path>,
        states: Option<impl AsRef<Path>>,
    ) -> Result<InterstatePanel> {
        let alliances = Alliances::from_path(alliances);
        let disputes = Disputes::from_path(disputes);
        let states = states.map(StateNames::from_path);
        let mut problems = Vec::new();
        let mut keep = |e: Error| match e {
            Error::Invalid { problems: p, .. } => {
                problems.extend(p);
                Ok(())
            }
            other => Err(other),
        };
        let alliances = alliances.or_else(|e| keep(e).map(|()| Alliances::default()))?;
        let disputes = disputes.or_else(|e| keep(e).map(|()| Disputes::default()))?;
        let states = match states {
            Some(s) => s.or_else(|e| keep(e).map(|()| StateNames::new()))?,
            None => StateNames::new(),
        };
        if !problems.is_empty() {
            return Err(Error::Invalid {
                origin: String::new(),
                problems,
            });
        }
        Ok(InterstatePanel::new(alliances, disputes, states))
    }

    /// The years with a tie (an alliance or a dispute), ascending.
    pub fn years(&self) -> Vec<i32> {
        self.years.iter().map(|y| y.year).collect()
    }

    pub(crate) fn year(&self, year: i32) -> Option<&PanelYear> {
        self.years
            .binary_search_by_key(&year, |y| y.year)
            .ok()
            .map(|i| &self.years[i])
    }

    /// The pairs allied in `year`, ascending (empty for a year without ties).
    pub fn allied(&self, year: i32) -> &[Dyad] {
        self.year(year).map_or(&[], |y| &y.allied)
    }

    /// The pairs in a dispute in `year` with the dispute numbers, ascending
    /// by pair (empty for a year without ties).
    pub fn disputed(&self, year: i32) -> &[DyadDisputes] {
        self.year(year).map_or(&[], |y| &y.disputed)
    }

    /// The states with a tie in `year`, by code, ascending: the nodes of
    /// [`InterstatePanel::graph`] in order.
    pub fn states(&self, year: i32) -> Vec<u32> {
        self.year(year).map(PanelYear::states).unwrap_or_default()
    }

    /// The states' names.
    pub fn names(&self) -> &StateNames {
        &self.names
    }

    /// The signed graph of `year`, or `None` for a year without ties. Its
    /// nodes are the states with a tie that year in ascending code, each
    /// labelled by its abbreviation (or its code when unnamed); its edges,
    /// by pair ascending, are +1 of weight 1 for an allied pair and −1 of
    /// weight 1 for a pair in a dispute (however many), a pair both allied
    /// and in a dispute having both (an ambivalent pair). Its period is the
    /// year.
    ///
    /// # Complexity
    ///
    /// O(s log s + p) for s states and p pairs with a tie that year.
    pub fn graph(&self, year: i32) -> Option<SignedGraph> {
        self.year(year).map(|y| self.graph_of(y))
    }

    /// Every year's [`graph`](Self::graph) (the [`years`](Self::years)
    /// with a tie), ascending:
    /// with [`SignedGraph::write_edges`], the panel as one edge list whose
    /// periods are the years (`stancegraph interstate` writes it as
    /// `signed_networks.csv`, for `balance --edges` and `report --edges`).
    ///
    /// # Complexity
    ///
    /// O(s log s + p) per year, as [`graph`](Self::graph).
    pub fn graphs(&self) -> Vec<SignedGraph> {
        self.years.iter().map(|y| self.graph_of(y)).collect()
    }

    /// [`graphs`](Self::graphs) as one edge list
    /// (`source,target,sign,weight,period`, the period the year), as
    /// [`SignedGraph::write_edges`] writes it: `signed_networks.csv` of
    /// [`output_files`](crate::interstate::output_files), which
    /// [`SignedGraph::read_edges`] reads back as every year's graph.
    pub fn edge_list(&self) -> String {
        let mut text = Vec::new();
        // Cannot fail: it writes to memory, the years are distinct, and the
        // labels are unique, trimmed and non-empty (`StateNames` refuses an
        // empty or numeric abbreviation and one given to two codes).
        let _ = SignedGraph::write_edges(&self.graphs(), &mut text);
        String::from_utf8_lossy(&text).into_owned()
    }

    pub(crate) fn graph_of(&self, y: &PanelYear) -> SignedGraph {
        let states = y.states();
        let index = |c: u32| states.binary_search(&c).unwrap_or_default();
        let mut edges = Vec::with_capacity(y.allied.len() + y.disputed.len());
        y.each_pair(|dyad, allied, disputes| {
            let (a, b) = (index(dyad.ccode1), index(dyad.ccode2));
            if allied {
                edges.push(SignedEdge {
                    a,
                    b,
                    sign: 1,
                    weight: 1.0,
                });
            }
            if disputes.is_some() {
                edges.push(SignedEdge {
                    a,
                    b,
                    sign: -1,
                    weight: 1.0,
                });
            }
        });
        let labels = states.iter().map(|&c| self.names.label(c)).collect();
        SignedGraph::from_edge_list(Some(y.year.to_string()), labels, edges)
    }

    /// Allies in conflict: every unordered pair and year with both an
    /// alliance (any alliance row of the pair that year) and a dispute (any
    /// dispute row of the pair that year), with the dispute numbers; years
    /// ascending, then pairs.
    ///
    /// # Complexity
    ///
    /// O(p) over all the panel's pairs.
    pub fn allies_in_conflict(&self) -> AlliesInConflict {
        conflicts::allies_in_conflict(self)
    }

    /// Structural balance of every year with a tie, ascending: the states,
    /// the allied, disputed and ambivalent pairs, and the frustration index
    /// of the year's [graph](InterstatePanel::graph) — exact by default,
    /// with its proven lower bound and whether it is proven (see
    /// [`YearBalanceOptions`]). Years run in parallel; the result does not
    /// depend on the number of threads unless a time limit cuts a search
    /// short.
    ///
    /// # Complexity
    ///
    /// The graphs are built in O(p); the frustration index is exponential in
    /// the worst case, but the yearly graphs of 1816–2010 take about a
    /// second in all (BENCHMARKS.md).
    pub fn balance_by_year(&self, options: &YearBalanceOptions) -> BalanceByYear {
        yearly::balance_by_year(self, options)
    }

    /// Structural balance of one year, as in
    /// [`InterstatePanel::balance_by_year`]; `None` for a year without ties.
    pub fn year_balance(&self, year: i32, options: &YearBalanceOptions) -> Option<YearBalance> {
        self.year(year)
            .map(|y| yearly::year_balance(self, y, options))
    }
}
