//! Discourse networks (DNA's measures): `Scenario.network`,
//! `Scenario.network_windows`, `Scenario.polarization`, and the `Network`
//! and `Polarization` results.
//!
//! The options are the `stancegraph network` command's, spelled as its
//! flags (`mode="actor"`, `type="congruence"`, `normalize="average"` or
//! `"dna-jaccard"`, `level`, `duplicates`, `from_`/`to`, the include and
//! exclude lists). A `Network` owns the library's [`Network`]: its labels,
//! its matrix as a numpy array (one copy, into a buffer numpy adopts), a
//! pandas frame, a networkx graph, and every export of the command line,
//! byte for byte. The networks are computed with the GIL released.

use std::sync::Arc;

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyDict, PyString};
use stancegraph::Date;
use stancegraph::discourse::{
    Duplicates, ExportFormat, ExportOptions, Level, Network, NetworkMode, NetworkOptions,
    NetworkType, Normalization, Polarization, PolarizationOptions,
};

use crate::convert::{import_optional, json_to_py, keyword, opt_date_arg, py_opt_date};
use crate::errors::{IntoPyResult, bad_argument};
use crate::scenario::PyScenario;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNetwork>()?;
    m.add_class::<PyPolarization>()?;
    Ok(())
}

/// A list-of-strings argument: `None` (empty), one `str`, or an iterable
/// of `str`.
pub(crate) fn str_list(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(vec![text.to_cow()?.into_owned()]);
    }
    let items = value
        .try_iter()
        .map_err(|_| bad_argument(name, "expected a list of keys (str)"))?;
    items
        .map(|item| {
            let item = item?;
            item.extract::<String>().map_err(|_| {
                bad_argument(
                    name,
                    format!(
                        "expected keys (str), got {}",
                        item.get_type()
                            .name()
                            .map(|n| n.to_string())
                            .unwrap_or_default()
                    ),
                )
            })
        })
        .collect()
}

/// A row-major `rows × columns` matrix of `f64` as a writable numpy array
/// (the bytes are written once, into a `bytearray` numpy then adopts).
pub(crate) fn numpy_matrix<'py>(
    py: Python<'py>,
    values: &[f64],
    rows: usize,
    columns: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let numpy = py.import("numpy")?;
    let buffer = PyByteArray::new_with(py, values.len() * 8, |bytes: &mut [u8]| {
        for (chunk, v) in bytes.chunks_exact_mut(8).zip(values) {
            chunk.copy_from_slice(&v.to_ne_bytes());
        }
        Ok(())
    })?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("dtype", numpy.getattr("float64")?)?;
    let flat = numpy
        .getattr("frombuffer")?
        .call((buffer,), Some(&kwargs))?;
    flat.call_method1("reshape", ((rows, columns),))
}

/// The network options from the keyword arguments.
#[allow(clippy::too_many_arguments)]
fn network_options(
    mode: &str,
    kind: &str,
    normalize: &str,
    level: &str,
    duplicates: &str,
    from: Option<&Bound<'_, PyAny>>,
    to: Option<&Bound<'_, PyAny>>,
    include_actors: Option<&Bound<'_, PyAny>>,
    exclude_actors: Option<&Bound<'_, PyAny>>,
    include_issues: Option<&Bound<'_, PyAny>>,
    exclude_issues: Option<&Bound<'_, PyAny>>,
) -> PyResult<NetworkOptions> {
    let (from, to) = (opt_date_arg("from_", from)?, opt_date_arg("to", to)?);
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(bad_argument("from_", format!("{from} is after to={to}")));
    }
    let mut options = NetworkOptions::new(
        keyword::<NetworkMode>("mode", mode)?,
        keyword::<NetworkType>("type", kind)?,
    )
    .with_normalization(keyword::<Normalization>("normalize", normalize)?)
    .with_level(keyword::<Level>("level", level)?)
    .with_duplicates(keyword::<Duplicates>("duplicates", duplicates)?)
    .with_range(from, to);
    options.include_actors = str_list("include_actors", include_actors)?;
    options.exclude_actors = str_list("exclude_actors", exclude_actors)?;
    options.include_issues = str_list("include_issues", include_issues)?;
    options.exclude_issues = str_list("exclude_issues", exclude_issues)?;
    Ok(options)
}

#[pymethods]
impl PyScenario {
    /// A discourse network, as Discourse Network Analyzer computes it (the
    /// ``stancegraph network`` command, with the same option values).
    ///
    /// :param mode: ``"actor"`` or ``"issue"`` (one-mode), or
    ///     ``"affiliation"`` (actor × issue).
    /// :param type: ``"ignore"``, ``"congruence"``, ``"conflict"``,
    ///     ``"subtract"`` (one-mode); ``"ignore"``, ``"subtract"``,
    ///     ``"combine"`` (affiliation).
    /// :param normalize: ``"none"``, ``"average"``, ``"dna_jaccard"``,
    ///     ``"dna_cosine"``, ``"jaccard"``, ``"cosine"`` (one-mode);
    ///     ``"activity"``, ``"prominence"`` (affiliation). ``-`` may stand
    ///     for ``_``.
    /// :param level: whom positions count for: ``"actor"`` (the speaker),
    ///     ``"principal"`` (persons folded into what they speak for: DNA's
    ///     organisation network) or ``"bloc"``.
    /// :param duplicates: ``"include"``, ``"document"``, ``"week"``,
    ///     ``"month"``, ``"year"`` or ``"acrossrange"``.
    /// :param from\_: only positions on or after this day (``"YYYY-MM-DD"``
    ///     or a ``datetime.date``).
    /// :param to: only positions on or before this day.
    /// :param include_actors: only these actors (keys at the chosen level).
    /// :param exclude_actors: never these actors.
    /// :param include_issues: only these issues.
    /// :param exclude_issues: never these issues.
    /// :returns: a :class:`Network`.
    ///
    /// Raises ``ValueError`` naming an unknown option value, and
    /// :class:`ValidationError` for a type or normalization that does not
    /// apply to the mode.
    #[pyo3(signature = (
        mode = "actor", r#type = "ignore", *, normalize = "none", level = "actor",
        duplicates = "include", from_ = None, to = None, include_actors = None,
        exclude_actors = None, include_issues = None, exclude_issues = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn network(
        &self,
        py: Python<'_>,
        mode: &str,
        r#type: &str,
        normalize: &str,
        level: &str,
        duplicates: &str,
        from_: Option<&Bound<'_, PyAny>>,
        to: Option<&Bound<'_, PyAny>>,
        include_actors: Option<&Bound<'_, PyAny>>,
        exclude_actors: Option<&Bound<'_, PyAny>>,
        include_issues: Option<&Bound<'_, PyAny>>,
        exclude_issues: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyNetwork> {
        let options = network_options(
            mode,
            r#type,
            normalize,
            level,
            duplicates,
            from_,
            to,
            include_actors,
            exclude_actors,
            include_issues,
            exclude_issues,
        )?;
        let scenario = Arc::clone(&self.inner);
        let network = py.detach(move || scenario.network(&options)).py(py)?;
        Ok(PyNetwork { inner: network })
    }

    /// Networks over sliding time windows (the ``network`` command's
    /// ``--window-days`` and ``--step-days``): windows ``window_days``
    /// wide, starting every ``step_days``, from the first to the last dated
    /// position (within ``from_``/``to``). Each network's :attr:`Network.span`
    /// is its window. The other options are :meth:`network`'s.
    ///
    /// :returns: a list of :class:`Network`, in time order.
    #[pyo3(signature = (
        window_days, step_days, mode = "actor", r#type = "ignore", *, normalize = "none",
        level = "actor", duplicates = "include", from_ = None, to = None,
        include_actors = None, exclude_actors = None, include_issues = None,
        exclude_issues = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn network_windows(
        &self,
        py: Python<'_>,
        window_days: u32,
        step_days: u32,
        mode: &str,
        r#type: &str,
        normalize: &str,
        level: &str,
        duplicates: &str,
        from_: Option<&Bound<'_, PyAny>>,
        to: Option<&Bound<'_, PyAny>>,
        include_actors: Option<&Bound<'_, PyAny>>,
        exclude_actors: Option<&Bound<'_, PyAny>>,
        include_issues: Option<&Bound<'_, PyAny>>,
        exclude_issues: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyNetwork>> {
        let options = network_options(
            mode,
            r#type,
            normalize,
            level,
            duplicates,
            from_,
            to,
            include_actors,
            exclude_actors,
            include_issues,
            exclude_issues,
        )?;
        let scenario = Arc::clone(&self.inner);
        let windows = py
            .detach(move || scenario.network_windows(&options, window_days, step_days))
            .py(py)?;
        Ok(windows
            .into_iter()
            .map(|inner| PyNetwork { inner })
            .collect())
    }

    /// DNA's polarization of the actor network: the average-normalised
    /// congruence and conflict networks at ``level``, and the balanced split
    /// into two camps with the highest Q (exhaustive up to ``exact_limit``
    /// splits, else a seeded local search with ``restarts`` starts).
    ///
    /// :param level: ``"actor"``, ``"principal"`` or ``"bloc"``.
    /// :param from\_: only positions on or after this day.
    /// :param to: only positions on or before this day.
    /// :param duplicates: as in :meth:`network`.
    /// :returns: a :class:`Polarization`.
    ///
    /// Raises :class:`ValidationError` when fewer than two actors have a
    /// counted position.
    #[pyo3(signature = (
        *, level = "actor", from_ = None, to = None, duplicates = "include",
        exact_limit = None, restarts = None, seed = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn polarization(
        &self,
        py: Python<'_>,
        level: &str,
        from_: Option<&Bound<'_, PyAny>>,
        to: Option<&Bound<'_, PyAny>>,
        duplicates: &str,
        exact_limit: Option<u64>,
        restarts: Option<usize>,
        seed: Option<u64>,
    ) -> PyResult<PyPolarization> {
        let mut options = PolarizationOptions::new()
            .with_level(keyword::<Level>("level", level)?)
            .with_range(opt_date_arg("from_", from_)?, opt_date_arg("to", to)?)
            .with_duplicates(keyword::<Duplicates>("duplicates", duplicates)?);
        if let Some(limit) = exact_limit {
            options = options.with_exact_limit(limit);
        }
        if let Some(restarts) = restarts {
            if restarts == 0 {
                return Err(bad_argument("restarts", "at least one start is needed"));
            }
            options = options.with_restarts(restarts);
        }
        if let Some(seed) = seed {
            options = options.with_seed(seed);
        }
        let scenario = Arc::clone(&self.inner);
        let polarization = py.detach(move || scenario.polarization(&options)).py(py)?;
        Ok(PyPolarization::new(polarization))
    }
}

/// An export format by name, as the command line's ``--format``.
fn export_format(text: &str) -> PyResult<ExportFormat> {
    keyword::<ExportFormat>("format", &text.to_ascii_lowercase())
}

/// A discourse network: a labelled matrix, actor × actor, issue × issue
/// (one-mode) or actor × issue (affiliation).
///
/// Rows and columns are labelled with keys, sorted in byte order (DNA's
/// order); only actors and issues with a counted position appear. Get the
/// matrix with :attr:`matrix` (numpy), :meth:`to_pandas`,
/// :meth:`to_networkx`, or any export of the command line with
/// :meth:`export`. In Jupyter a network displays as its SVG drawing.
#[pyclass(name = "Network", module = "stancegraph", frozen)]
pub struct PyNetwork {
    inner: Network,
}

impl PyNetwork {
    fn values(&self) -> Vec<f64> {
        let n = &self.inner;
        (0..n.row_labels().len())
            .flat_map(|r| n.row(r).iter().copied())
            .collect()
    }

    fn span_text(&self) -> String {
        let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "…".into());
        match self.inner.span() {
            (None, None) => String::new(),
            (from, to) => format!(", {} to {}", day(from), day(to)),
        }
    }
}

#[pymethods]
impl PyNetwork {
    /// ``"actor"``, ``"issue"`` or ``"affiliation"``.
    #[getter]
    fn mode(&self) -> &'static str {
        self.inner.options().mode.as_str()
    }

    /// The network type (``"ignore"``, ``"congruence"``, …).
    #[getter(r#type)]
    fn kind(&self) -> &'static str {
        self.inner.options().kind.as_str()
    }

    /// The normalization (``"none"``, ``"average"``, ``"dna_jaccard"``, …).
    #[getter]
    fn normalization(&self) -> &'static str {
        self.inner.options().normalization.as_str()
    }

    /// Whom positions count for: ``"actor"``, ``"principal"`` or ``"bloc"``.
    #[getter]
    fn level(&self) -> &'static str {
        self.inner.options().level.as_str()
    }

    /// The duplicates rule (``"include"``, ``"document"``, …).
    #[getter]
    fn duplicates(&self) -> &'static str {
        self.inner.options().duplicates.as_str()
    }

    /// Whether rows and columns are the same entities (actor or issue
    /// mode).
    #[getter]
    fn is_one_mode(&self) -> bool {
        self.inner.is_one_mode()
    }

    /// The row labels (keys), in matrix order.
    #[getter]
    fn row_labels(&self) -> Vec<String> {
        self.inner.row_labels().to_vec()
    }

    /// The column labels (keys), in matrix order.
    #[getter]
    fn column_labels(&self) -> Vec<String> {
        self.inner.column_labels().to_vec()
    }

    /// The labels of a one-mode network (rows and columns alike); for an
    /// affiliation network, the row labels (actors) then the column labels
    /// (issues).
    #[getter]
    fn labels(&self) -> Vec<String> {
        let n = &self.inner;
        if n.is_one_mode() {
            n.row_labels().to_vec()
        } else {
            n.row_labels()
                .iter()
                .chain(n.column_labels())
                .cloned()
                .collect()
        }
    }

    /// The rows' display names, parallel to :attr:`row_labels`.
    #[getter]
    fn row_names(&self) -> Vec<String> {
        self.inner.row_names().to_vec()
    }

    /// The columns' display names, parallel to :attr:`column_labels`.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.inner.column_names().to_vec()
    }

    /// ``(rows, columns)``.
    #[getter]
    fn shape(&self) -> (usize, usize) {
        (
            self.inner.row_labels().len(),
            self.inner.column_labels().len(),
        )
    }

    /// The matrix as a ``numpy.ndarray`` of ``float64``, rows by columns
    /// (a fresh, writable array each time).
    #[getter]
    fn matrix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (rows, columns) = self.shape();
        numpy_matrix(py, &self.values(), rows, columns)
    }

    /// The sum of all cells.
    #[getter]
    fn sum(&self) -> f64 {
        self.inner.sum()
    }

    /// The number of non-zero cells.
    #[getter]
    fn non_zero_count(&self) -> usize {
        self.inner.non_zero_count()
    }

    /// How many positions were counted (after filters and duplicates).
    #[getter]
    fn position_count(&self) -> usize {
        self.inner.position_count()
    }

    /// The date range covered, ``(from, to)`` as ``datetime.date`` or
    /// ``None``: the window of :meth:`Scenario.network_windows`, or the
    /// ``from_``/``to`` given.
    #[getter]
    fn span<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let (from, to) = self.inner.span();
        Ok((py_opt_date(py, from)?, py_opt_date(py, to)?))
    }

    /// The value between a row label and a column label.
    ///
    /// Raises ``KeyError`` when either label is not in the network.
    fn value(&self, row: &str, column: &str) -> PyResult<f64> {
        self.inner
            .value(row, column)
            .ok_or_else(|| PyKeyError::new_err(format!("no cell ({row:?}, {column:?})")))
    }

    /// The non-zero cells as ``(row label, column label, value)``; for a
    /// one-mode network each pair once (the row before the column).
    fn edges(&self) -> Vec<(String, String, f64)> {
        let n = &self.inner;
        n.edges()
            .map(|(r, c, v)| (n.row_labels()[r].clone(), n.column_labels()[c].clone(), v))
            .collect()
    }

    /// The matrix as a pandas ``DataFrame``: the row labels as its index,
    /// the column labels as its columns (square for one-mode networks).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = import_optional(py, "pandas")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("index", self.inner.row_labels())?;
        kwargs.set_item("columns", self.inner.column_labels())?;
        pandas
            .getattr("DataFrame")?
            .call((self.matrix(py)?,), Some(&kwargs))
    }

    /// The network as a ``networkx.Graph`` (networkx must be installed).
    ///
    /// Nodes are the labels, with attributes ``name`` (the display name)
    /// and ``type`` (``"actor"`` or ``"issue"``); an affiliation network is
    /// bipartite (``bipartite=0`` for actors, ``1`` for issues). Each
    /// non-zero cell is an edge with ``weight`` (the cell's value, so that
    /// ``networkx.to_numpy_array`` gives back the matrix) and ``sign``
    /// (1 or -1).
    ///
    /// Raises ``ValueError`` when an affiliation network has an actor and
    /// an issue with the same key (one node could not stand for both).
    fn to_networkx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let nx = import_optional(py, "networkx")?;
        let n = &self.inner;
        let graph = nx.getattr("Graph")?.call0()?;
        let add_node = graph.getattr("add_node")?;
        let node = |label: &str, name: &str, kind: &str, part: Option<u8>| -> PyResult<()> {
            let attrs = PyDict::new(py);
            attrs.set_item("name", name)?;
            attrs.set_item("type", kind)?;
            if let Some(part) = part {
                attrs.set_item("bipartite", part)?;
            }
            add_node.call((label,), Some(&attrs))?;
            Ok(())
        };
        let mode = n.options().mode;
        let row_kind = if mode == NetworkMode::Issue {
            "issue"
        } else {
            "actor"
        };
        let part = |p: u8| (!n.is_one_mode()).then_some(p);
        for (label, name) in n.row_labels().iter().zip(n.row_names()) {
            node(label, name, row_kind, part(0))?;
        }
        if !n.is_one_mode() {
            if let Some(shared) = n
                .column_labels()
                .iter()
                .find(|c| n.row_labels().contains(c))
            {
                return Err(bad_argument(
                    "network",
                    format!(
                        "`{shared}` is the key of an actor and of an issue: the bipartite graph needs distinct node names (use to_pandas or export instead)"
                    ),
                ));
            }
            for (label, name) in n.column_labels().iter().zip(n.column_names()) {
                node(label, name, "issue", part(1))?;
            }
        }
        let add_edge = graph.getattr("add_edge")?;
        for (r, c, v) in n.edges() {
            let attrs = PyDict::new(py);
            attrs.set_item("weight", v)?;
            attrs.set_item("sign", if v < 0.0 { -1 } else { 1 })?;
            add_edge.call((&n.row_labels()[r], &n.column_labels()[c]), Some(&attrs))?;
        }
        Ok(graph)
    }

    /// The network as text in ``format``, exactly as
    /// ``stancegraph network --format FORMAT`` writes it: ``"csv"`` (DNA's
    /// matrix layout), ``"graphml"``, ``"dot"``, ``"json"``, ``"edges"``
    /// (``source,target,weight,sign``) or ``"svg"`` (a drawing).
    ///
    /// CSV labels that a spreadsheet would run as a formula get a leading
    /// ``'`` unless ``verbatim=True`` (the command's ``--verbatim``).
    #[pyo3(signature = (format = "csv", *, verbatim = false))]
    fn export(&self, py: Python<'_>, format: &str, verbatim: bool) -> PyResult<String> {
        let format = export_format(format)?;
        let options = if verbatim {
            ExportOptions::verbatim()
        } else {
            ExportOptions::default()
        };
        let network = &self.inner;
        Ok(py.detach(|| network.export_with(format, &options)))
    }

    /// Writes :meth:`export` to ``path``; the format is the one given, or
    /// else the one the extension names (``.csv`` is the matrix).
    #[pyo3(signature = (path, format = None, *, verbatim = false))]
    fn save(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        format: Option<&str>,
        verbatim: bool,
    ) -> PyResult<()> {
        let format = match format {
            Some(f) => f.to_owned(),
            None => path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .ok_or_else(|| {
                    bad_argument("path", "no extension to tell the format by: give format=")
                })?,
        };
        let text = self.export(py, &format, verbatim)?;
        py.detach(|| std::fs::write(&path, text)).map_err(|e| {
            let filename = path.display().to_string();
            pyo3::exceptions::PyOSError::new_err((
                e.raw_os_error().unwrap_or(0),
                e.to_string(),
                filename,
            ))
        })
    }

    /// The JSON document of ``export("json")`` as Python values (a dict): ``mode``,
    /// ``type``, ``normalization``, ``level``, ``duplicates``, ``from``,
    /// ``to``, ``positions``, ``rows``, ``row_names``, ``columns``,
    /// ``column_names`` and ``matrix`` (a list of rows).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_json())
    }

    /// The same document as JSON text (``json.loads(n.to_json()) ==
    /// n.to_dict()``), pretty-printed as the command line prints JSON.
    fn to_json(&self, py: Python<'_>) -> String {
        let network = &self.inner;
        py.detach(|| crate::convert::json_text(&network.to_json()))
    }

    /// The SVG drawing, for Jupyter.
    fn _repr_svg_(&self, py: Python<'_>) -> String {
        let network = &self.inner;
        py.detach(|| network.to_svg())
    }

    /// The number of rows.
    fn __len__(&self) -> usize {
        self.inner.row_labels().len()
    }

    fn __repr__(&self) -> String {
        let n = &self.inner;
        let o = n.options();
        let what = match o.mode {
            NetworkMode::Actor => "actor × actor",
            NetworkMode::Issue => "issue × issue",
            NetworkMode::Affiliation => "actor × issue",
        };
        let normalized = match o.normalization {
            Normalization::None => String::new(),
            other => format!(", {}", other.as_str()),
        };
        format!(
            "<stancegraph.Network {what} ({}{normalized}, level {}): {}×{}, {} positions{}>",
            o.kind.as_str(),
            o.level.as_str(),
            n.row_labels().len(),
            n.column_labels().len(),
            n.position_count(),
            self.span_text()
        )
    }
}

/// DNA's polarization score of an actor network: Q (0 to 1, higher is more
/// polarised), the two camps, and the parts of the score.
#[pyclass(name = "Polarization", module = "stancegraph", frozen)]
pub struct PyPolarization {
    /// Q, between 0 and 1: higher is more polarised.
    #[pyo3(get)]
    q: f64,
    /// The unnormalised score (the deviations summed, halved).
    #[pyo3(get)]
    score: f64,
    /// The two camps' labels, each sorted; the camp of the first label
    /// comes first.
    #[pyo3(get)]
    clusters: (Vec<String>, Vec<String>),
    /// Whether every balanced split was tried (``False``: the local
    /// search's best).
    #[pyo3(get)]
    exact: bool,
    /// ‖C‖₁: the sum of absolute congruence cells.
    #[pyo3(get)]
    congruence_norm: f64,
    /// ‖F‖₁: the sum of absolute conflict cells.
    #[pyo3(get)]
    conflict_norm: f64,
    /// The congruence expected between two members of each camp (parallel
    /// to :attr:`clusters`).
    #[pyo3(get)]
    expected_congruence: (f64, f64),
    /// The conflict expected between members of different camps.
    #[pyo3(get)]
    expected_conflict: f64,
    /// Congruence within camps (cells summed over ordered pairs).
    #[pyo3(get)]
    within_congruence: f64,
    /// Congruence between camps.
    #[pyo3(get)]
    between_congruence: f64,
    /// Conflict within camps.
    #[pyo3(get)]
    within_conflict: f64,
    /// Conflict between camps.
    #[pyo3(get)]
    between_conflict: f64,
    text: String,
}

impl PyPolarization {
    pub(crate) fn new(p: Polarization) -> Self {
        let [first, second] = p.clusters.clone();
        let [e1, e2] = p.expected_congruence;
        PyPolarization {
            q: p.q,
            score: p.score,
            clusters: (first, second),
            exact: p.exact,
            congruence_norm: p.congruence_norm,
            conflict_norm: p.conflict_norm,
            expected_congruence: (e1, e2),
            expected_conflict: p.expected_conflict,
            within_congruence: p.within_congruence,
            between_congruence: p.between_congruence,
            within_conflict: p.within_conflict,
            between_conflict: p.between_conflict,
            text: p.to_string(),
        }
    }
}

#[pymethods]
impl PyPolarization {
    /// Every figure as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("q", self.q)?;
        d.set_item("score", self.score)?;
        d.set_item("clusters", self.clusters.clone())?;
        d.set_item("exact", self.exact)?;
        d.set_item("congruence_norm", self.congruence_norm)?;
        d.set_item("conflict_norm", self.conflict_norm)?;
        d.set_item("expected_congruence", self.expected_congruence)?;
        d.set_item("expected_conflict", self.expected_conflict)?;
        d.set_item("within_congruence", self.within_congruence)?;
        d.set_item("between_congruence", self.between_congruence)?;
        d.set_item("within_conflict", self.within_conflict)?;
        d.set_item("between_conflict", self.between_conflict)?;
        Ok(d)
    }

    /// One line: Q, how it was found, and the camps.
    fn __str__(&self) -> String {
        self.text.clone()
    }

    fn __repr__(&self) -> String {
        format!("<stancegraph.Polarization {}>", self.text)
    }
}
