//! `Scenario.deals`: the cheapest deals — which claims must be withdrawn,
//! by whom, for the positions at the table to hold together — with proof.
//!
//! The search runs with the GIL released. The result is a
//! `stancegraph.Deals`, a Python `list` of `Deal` (plain dataclasses:
//! `cost`, `weight`, `concessions`, `by_party`) that also carries the
//! search's verdict (`feasible`, `optimal`, `complete`, `proof`,
//! `lower_bound`) and the library's text, JSON and WCNF (the same bytes as
//! `stancegraph deals`). The library's `Deals` borrows the scenario; a
//! [`self_cell`] keeps both alive for the text and the WCNF on demand.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};
use self_cell::self_cell;
use stancegraph::deal::{DealOptions, Weights};
use stancegraph::{Scenario, Stance};

use crate::convert::{keyword, opt_date_arg};
use crate::errors::{IntoPyResult, bad_argument};
use crate::scenario::PyScenario;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<DealSearch>()?;
    Ok(())
}

type Found<'s> = stancegraph::deal::Deals<'s>;

self_cell!(
    struct Searched {
        owner: Arc<Scenario>,
        #[covariant]
        dependent: Found,
    }
);

/// Keys: one `str` or an iterable of them.
fn keys_arg(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(vec![text.to_cow()?.into_owned()]);
    }
    value
        .try_iter()
        .map_err(|_| bad_argument(name, "expected a key or a list of keys (str)"))?
        .map(|item| {
            item?
                .extract::<String>()
                .map_err(|_| bad_argument(name, "expected a key or a list of keys (str)"))
        })
        .collect()
}

/// `require`: a dict issue → stance (``"support"``: the issue holds,
/// ``"oppose"``: it does not), or pairs.
fn require_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, Stance)>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let pairs: Vec<(String, String)> = if let Ok(dict) = value.cast::<PyDict>() {
        dict.iter()
            .map(|(k, v)| Ok((k.extract()?, v.extract()?)))
            .collect::<PyResult<_>>()
    } else {
        value
            .try_iter()?
            .map(|item| item?.extract::<(String, String)>())
            .collect::<PyResult<_>>()
    }
    .map_err(|_| {
        bad_argument(
            "require",
            "expected {issue: \"support\" | \"oppose\"} or (issue, stance) pairs",
        )
    })?;
    pairs
        .into_iter()
        .map(|(issue, stance)| Ok((issue, keyword::<Stance>("require", &stance)?)))
        .collect()
}

#[pymethods]
impl PyScenario {
    /// The cheapest deals: sets of claims to withdraw so that what the
    /// parties still claim can all hold together, cheapest first.
    ///
    /// ``parties``: the actors at the table (keys; default every principal
    /// with a claim; a spokesperson stands for its principal). ``keep``:
    /// parties that concede nothing. ``protect``: positions whose claims
    /// must stay. ``require``: outcomes that must hold, ``{issue: "support"}``
    /// (it holds) or ``{issue: "oppose"}`` (it does not). ``as_of``: the day
    /// whose positions count (default: the latest). ``max``: how many deals
    /// to list. ``weights``: the price of one concession by firmness,
    /// ``(red_line, firm, negotiable)`` (default: lexicographic — fewer red
    /// lines first, then firm, then negotiable). ``time_limit``: seconds,
    /// after which the best deals proven so far come back with a lower
    /// bound.
    ///
    /// Returns :class:`Deals`, a list of :class:`Deal`. Unknown keys raise
    /// :class:`ValidationError`.
    #[pyo3(signature = (parties = None, keep = None, protect = None, require = None, as_of = None, max = DealOptions::DEFAULT_MAX as i64, *, weights = None, time_limit = None))]
    #[pyo3(
        text_signature = "(self, parties=None, keep=None, protect=None, require=None, as_of=None, max=10, *, weights=None, time_limit=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn deals<'py>(
        &self,
        py: Python<'py>,
        parties: Option<&Bound<'py, PyAny>>,
        keep: Option<&Bound<'py, PyAny>>,
        protect: Option<&Bound<'py, PyAny>>,
        require: Option<&Bound<'py, PyAny>>,
        as_of: Option<&Bound<'py, PyAny>>,
        max: i64,
        weights: Option<(i64, i64, i64)>,
        time_limit: Option<f64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut options = DealOptions::default()
            .with_parties(keys_arg("parties", parties)?)
            .with_max(crate::convert::count_arg("max", max, 1)?);
        for party in keys_arg("keep", keep)? {
            options = options.with_keep(party);
        }
        for position in keys_arg("protect", protect)? {
            options = options.with_protect(position);
        }
        for (issue, stance) in require_arg(require)? {
            options = options.with_require(issue, stance);
        }
        if let Some(date) = opt_date_arg("as_of", as_of)? {
            options = options.with_as_of(date);
        }
        if let Some((red_line, firm, negotiable)) = weights {
            let price = |p: i64| {
                u64::try_from(p).map_err(|_| {
                    bad_argument("weights", format!("prices are whole numbers ≥ 0, got {p}"))
                })
            };
            options = options.with_weights(Weights::new(
                price(red_line)?,
                price(firm)?,
                price(negotiable)?,
            ));
        }
        if let Some(limit) = crate::convert::time_limit_arg(time_limit)? {
            options = options.with_time_limit(limit);
        }
        let scenario = Arc::clone(&self.inner);
        let searched = py
            .detach(move || Searched::try_new(scenario, |s| s.deals(&options)))
            .py(py)?;
        let search = Bound::new(
            py,
            DealSearch {
                searched: Arc::new(searched),
            },
        )?;
        static DEALS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let class = DEALS.import(py, "stancegraph._results", "Deals")?;
        class.call_method1("_from_search", (search,))
    }
}

/// The deal finder's result as the library has it: the verdict, the text,
/// the JSON and the WCNF. Read through :class:`stancegraph.Deals`.
#[pyclass(name = "DealSearch", module = "stancegraph", frozen)]
pub struct DealSearch {
    searched: Arc<Searched>,
}

impl DealSearch {
    fn found(&self) -> &Found<'_> {
        self.searched.borrow_dependent()
    }
}

#[pymethods]
impl DealSearch {
    /// The JSON ``stancegraph deals --format json`` prints (the same bytes).
    fn to_json(&self, py: Python<'_>) -> String {
        let found = self.found();
        py.detach(|| crate::convert::json_text(&found.to_json()))
    }

    /// The text ``stancegraph deals`` prints.
    fn explain(&self, py: Python<'_>) -> String {
        let found = self.found();
        py.detach(|| found.explain().to_string())
    }

    /// The weighted MaxSAT encoding (WCNF) of the search, to cross-check
    /// with any MaxSAT solver.
    fn to_wcnf(&self, py: Python<'_>) -> String {
        let found = self.found();
        py.detach(|| found.to_wcnf())
    }
}
