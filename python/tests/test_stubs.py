"""The type stubs (`_native.pyi`) say what the extension has: every public class,
function, method and attribute of `stancegraph._native` is in the stubs, and every
name the stubs give exists at run time."""

import ast
import pathlib

import stancegraph
from stancegraph import _native

STUB = pathlib.Path(stancegraph.__file__).with_name("_native.pyi")


def stub_names():
    tree = ast.parse(STUB.read_text())
    top, members = set(), {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            top.add(node.name)
            names = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names.add(item.target.id)
            members[node.name] = members.get(node.name, set()) | names
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            top.add(node.name)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("."):
            # Re-exports of the package's own Python classes (`from ._results import Deals`).
            top.update(alias.asname or alias.name for alias in node.names)
    return top, members


def public(names):
    return {n for n in names if not n.startswith("_") or n == "_repr_html_"}


def test_every_runtime_name_is_in_the_stubs():
    top, members = stub_names()
    runtime = public(dir(_native)) - {"__version__"}
    assert runtime - top == set(), "missing from _native.pyi"
    for name in sorted(runtime):
        cls = getattr(_native, name)
        if isinstance(cls, type):
            missing = public(vars(cls)) - public(dir(object)) - members.get(name, set())
            assert missing == set(), f"{name}: missing from _native.pyi"


def test_every_stub_name_exists_at_runtime():
    top, members = stub_names()
    for name in public(top) - {"DateLike", "PathLike"}:
        assert hasattr(stancegraph, name), f"{name} is in the stubs but not in stancegraph"
    for cls, names in members.items():
        # Private classes (the Spark kernels) live in _native only.
        runtime = getattr(_native if cls.startswith("_") else stancegraph, cls)
        if issubclass(runtime, BaseException):
            continue  # an exception's attributes are set on each instance
        for member in public(names):
            assert hasattr(runtime, member), f"{cls}.{member} is in the stubs only"


def test_everything_public_has_a_docstring():
    for name in public(dir(_native)) - {"__version__"}:
        obj = getattr(_native, name)
        assert obj.__doc__, f"{name} has no docstring"
        if isinstance(obj, type):
            for member in public(vars(obj)):
                assert getattr(obj, member).__doc__, f"{name}.{member} has no docstring"
