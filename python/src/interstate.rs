//! Dyadic panels of interstate relations: `read_interstate` and
//! `InterstatePanel` — alliance and dispute dyad-years (ATOP, GML MID) and
//! COW state names read by the library's streaming readers, each year's
//! `SignedGraph`, the allies in militarized disputes and the balance by
//! year as pandas frames with the columns of the `interstate` command's
//! CSV files, and those files themselves, byte for byte.
//!
//! Reading and the frustration searches run with the GIL released; bad
//! rows raise `ValidationError` naming the file, line and column of each.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use stancegraph::interstate::{
    AlliesInConflict, BalanceByYear, InterstatePanel, InterstateSummary, TableFormat,
    YearBalanceOptions, output_files,
};

use crate::convert::{count_arg, data_frame, time_limit_arg};
use crate::errors::{IntoPyResult, bad_argument};
use crate::signed::PySignedGraph;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyInterstatePanel>()?;
    m.add_function(wrap_pyfunction!(read_interstate, m)?)?;
    Ok(())
}

/// Reads a dyadic panel of interstate relations from three CSV files:
/// ``alliances``, alliance dyad-years (columns ``ccode1``, ``ccode2``,
/// ``year``, as ATOP's; any row of a pair in a year makes it allied,
/// whatever its pledge columns), ``disputes``, dispute dyad-years
/// (``dispnum``, ``ccode1``, ``ccode2``, ``year``, as the GML MID directed
/// dispute-years), and optionally ``states``, COW state names
/// (``stateabb``, ``ccode``, ``statenme``); other columns are ignored, and
/// the directed rows ``A,B`` and ``B,A`` are one pair.
///
/// Raises :class:`ValidationError` listing every bad row of every file
/// (file, line, column), ``FileNotFoundError`` and other ``OSError``\ s.
#[pyfunction]
#[pyo3(signature = (alliances, disputes, states = None))]
fn read_interstate(
    py: Python<'_>,
    alliances: PathBuf,
    disputes: PathBuf,
    states: Option<PathBuf>,
) -> PyResult<PyInterstatePanel> {
    let panel = py
        .detach(|| InterstatePanel::from_paths(&alliances, &disputes, states.as_ref()))
        .py(py)?;
    Ok(PyInterstatePanel {
        inner: Arc::new(panel),
    })
}

/// A dyadic panel of interstate relations (:func:`read_interstate`): per
/// year, the pairs of states allied and the pairs in a militarized dispute.
///
/// Each year with a tie is a :class:`SignedGraph` (:meth:`graph`): allied
/// +1, in a dispute −1 (however many disputes), both an ambivalent pair,
/// every tie of weight 1. :meth:`allies_in_conflict` and
/// :meth:`balance_by_year` give the tables the ``stancegraph interstate``
/// command writes, as pandas frames; :meth:`write` writes those files.
#[pyclass(name = "InterstatePanel", module = "stancegraph", frozen)]
pub struct PyInterstatePanel {
    inner: Arc<InterstatePanel>,
}

/// The options of the yearly balance from the Python keywords.
fn year_options(time_limit: Option<f64>, threads: i64) -> PyResult<YearBalanceOptions> {
    let mut options = YearBalanceOptions::new().with_threads(count_arg("threads", threads, 0)?);
    if let Some(limit) = time_limit_arg(time_limit)? {
        options = options.with_time_limit(limit);
    }
    Ok(options)
}

impl PyInterstatePanel {
    /// Allies in conflict and the balance by year, computed with the GIL
    /// released.
    fn results(
        &self,
        py: Python<'_>,
        options: YearBalanceOptions,
    ) -> (AlliesInConflict, BalanceByYear) {
        let panel = Arc::clone(&self.inner);
        py.detach(move || (panel.allies_in_conflict(), panel.balance_by_year(&options)))
    }
}

#[pymethods]
impl PyInterstatePanel {
    /// The years with a tie (an alliance or a dispute), ascending.
    #[getter]
    fn years(&self) -> Vec<i32> {
        self.inner.years()
    }

    /// The number of years with a tie.
    fn __len__(&self) -> usize {
        self.inner.years().len()
    }

    fn __repr__(&self) -> String {
        let years = self.inner.years();
        match (years.first(), years.last()) {
            (Some(first), Some(last)) => format!(
                "<stancegraph.InterstatePanel: {} years with a tie, {first}–{last}>",
                years.len()
            ),
            _ => "<stancegraph.InterstatePanel: no ties>".to_owned(),
        }
    }

    /// The signed graph of ``year``: its nodes the states with a tie that
    /// year in ascending COW code, labelled by abbreviation (or by code
    /// when unnamed); an allied pair a +1 tie, a pair in a dispute a −1
    /// tie, both an ambivalent pair. Raises ``KeyError`` for a year without
    /// ties.
    fn graph(&self, year: i32) -> PyResult<PySignedGraph> {
        match self.inner.graph(year) {
            Some(g) => Ok(PySignedGraph::plain(g)),
            None => Err(PyKeyError::new_err(format!("no ties in {year}"))),
        }
    }

    /// The states with a tie in ``year`` by COW code, ascending: the nodes
    /// of :meth:`graph` in order (empty for a year without ties).
    fn states(&self, year: i32) -> Vec<u32> {
        self.inner.states(year)
    }

    /// The name of the state ``ccode`` (COW's ``statenme``), or ``None``.
    fn name(&self, ccode: u32) -> Option<String> {
        self.inner.names().name(ccode).map(str::to_owned)
    }

    /// Allies in conflict: one row per unordered pair (``ccode1`` <
    /// ``ccode2``) and year with both an alliance and a dispute, as a pandas
    /// ``DataFrame`` with the columns ``ccode1``, ``ccode2``, ``name1``,
    /// ``name2`` (``None`` when unnamed), ``year`` and ``disputes`` (the
    /// dispute numbers, a sorted list of ints); years ascending, then pairs.
    fn allies_in_conflict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let panel = Arc::clone(&self.inner);
        let allies = py.detach(move || panel.allies_in_conflict());
        let column = |values: Vec<Bound<'py, PyAny>>| PyList::new(py, values).map(Bound::into_any);
        let mut columns: Vec<Vec<Bound<'py, PyAny>>> = vec![Vec::new(); 6];
        for a in &allies {
            columns[0].push(a.ccode1.into_pyobject(py)?.into_any());
            columns[1].push(a.ccode2.into_pyobject(py)?.into_any());
            columns[2].push(a.name1.clone().into_pyobject(py)?.into_any());
            columns[3].push(a.name2.clone().into_pyobject(py)?.into_any());
            columns[4].push(a.year.into_pyobject(py)?.into_any());
            columns[5].push(PyList::new(py, &a.disputes)?.into_any());
        }
        let mut named = Vec::with_capacity(6);
        for (name, values) in AlliesInConflict::COLUMNS.into_iter().zip(columns) {
            named.push((name, column(values)?));
        }
        data_frame(py, named, &[])
    }

    /// Structural balance of every year with a tie, as a pandas
    /// ``DataFrame`` with the columns ``year``, ``states``, ``positive``
    /// (allied pairs), ``negative`` (pairs in a dispute), ``ambivalent``
    /// (both), ``frustration`` (the frustration index of the year's graph),
    /// ``lower_bound`` (proven) and ``exact`` (whether the index is proven
    /// optimal); years ascending.
    ///
    /// :param time_limit: stop each year's exact search after this many
    ///     seconds (``None``: no limit, every year proven); a year stopped
    ///     early has ``exact`` ``False`` and its lower bound below the index.
    /// :param threads: years solved at once (0: every core).
    #[pyo3(signature = (*, time_limit = None, threads = 0))]
    fn balance_by_year<'py>(
        &self,
        py: Python<'py>,
        time_limit: Option<f64>,
        threads: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = year_options(time_limit, threads)?;
        let panel = Arc::clone(&self.inner);
        let balance = py.detach(move || panel.balance_by_year(&options));
        let ints = |f: fn(&stancegraph::interstate::YearBalance) -> usize| {
            PyList::new(py, balance.iter().map(f)).map(Bound::into_any)
        };
        let reals = |f: fn(&stancegraph::interstate::YearBalance) -> f64| {
            PyList::new(py, balance.iter().map(f)).map(Bound::into_any)
        };
        let columns = vec![
            (
                "year",
                PyList::new(py, balance.iter().map(|y| y.year))?.into_any(),
            ),
            ("states", ints(|y| y.states)?),
            ("positive", ints(|y| y.positive)?),
            ("negative", ints(|y| y.negative)?),
            ("ambivalent", ints(|y| y.ambivalent)?),
            ("frustration", reals(|y| y.frustration)?),
            ("lower_bound", reals(|y| y.lower_bound)?),
            (
                "exact",
                PyList::new(py, balance.iter().map(|y| y.exact))?.into_any(),
            ),
        ];
        data_frame(py, columns, &[])
    }

    /// The summary the ``interstate`` command prints: the pairs most often
    /// allied and in a dispute and the least balanced years, at most
    /// ``top`` of each.
    #[pyo3(signature = (top = 5, *, time_limit = None, threads = 0))]
    fn summary(
        &self,
        py: Python<'_>,
        top: i64,
        time_limit: Option<f64>,
        threads: i64,
    ) -> PyResult<String> {
        let top = count_arg("top", top, 0)?;
        let (allies, balance) = self.results(py, year_options(time_limit, threads)?);
        Ok(InterstateSummary::new(&allies, &balance, top).to_string())
    }

    /// Every year's signed graph as one edge list
    /// (``source,target,sign,weight,period``, the period the year): the
    /// ``signed_networks.csv`` that ``write`` and the ``interstate`` command
    /// write, which ``SignedGraph.read_edges`` reads back and
    /// ``stancegraph report --edges`` draws year by year.
    fn to_edges(&self, py: Python<'_>) -> String {
        let panel = Arc::clone(&self.inner);
        py.detach(move || panel.edge_list())
    }

    /// Writes ``allies_in_conflict`` and ``balance_by_year`` (``.csv`` or,
    /// with ``format="json"``, ``.json``) and ``signed_networks.csv`` (every
    /// year's graph as one edge list, ``to_edges()``) into ``directory``
    /// (made if missing) — byte for byte what ``stancegraph interstate
    /// --out DIRECTORY`` writes, through the same library function
    /// (``interstate::output_files``) — and returns the summary it prints,
    /// at most ``top`` pairs and years (``--top``).
    #[pyo3(signature = (directory, *, format = "csv", time_limit = None, threads = 0, top = 5))]
    fn write(
        &self,
        py: Python<'_>,
        directory: PathBuf,
        format: &str,
        time_limit: Option<f64>,
        threads: i64,
        top: i64,
    ) -> PyResult<String> {
        let format = match format {
            "csv" => TableFormat::Csv,
            "json" => TableFormat::Json,
            other => {
                return Err(bad_argument(
                    "format",
                    format!("`{other}`: expected \"csv\" or \"json\""),
                ));
            }
        };
        let top = count_arg("top", top, 0)?;
        let (allies, balance) = self.results(py, year_options(time_limit, threads)?);
        let panel = Arc::clone(&self.inner);
        py.detach(|| -> stancegraph::Result<()> {
            let io = |path: &std::path::Path| {
                let path = path.to_owned();
                move |source| stancegraph::Error::Io { path, source }
            };
            std::fs::create_dir_all(&directory).map_err(io(&directory))?;
            for (name, text) in output_files(&panel, &allies, &balance, format) {
                let path = directory.join(name);
                std::fs::write(&path, text).map_err(io(&path))?;
            }
            Ok(())
        })
        .py(py)?;
        Ok(InterstateSummary::new(&allies, &balance, top).to_string())
    }
}
