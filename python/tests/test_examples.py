"""The package's runnable examples run and say what they should."""

import pathlib
import subprocess
import sys

EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "quickstart.py"


def test_quickstart(tmp_path):
    run = subprocess.run([sys.executable, str(EXAMPLE)], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "4 contradictions" in run.stdout
    assert "membership: United States is a member of NATO since 1949-04-04" in run.stdout
    assert "NATO must drop its red line" in run.stdout
    assert (tmp_path / "stancegraph-report.html").read_text().startswith("<!DOCTYPE html>")


def test_quickstart_names_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("positions: [{actor: kelog, issue: freeze, stance: support}]\n")
    run = subprocess.run([sys.executable, str(EXAMPLE), str(bad)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert f"{bad}:1: positions[0], field actor: unknown actor `kelog`" in run.stderr


def test_networks_example(tmp_path):
    example = EXAMPLE.with_name("networks.py")
    run = subprocess.run([sys.executable, str(example)], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "frustration 1 exact" in run.stdout
    assert "Camp 3: Nagam, Notoh, Kohik, Seuve, Uheto" in run.stdout


def test_events_example(tmp_path):
    import stancegraph

    example = EXAMPLE.with_name("events.py")
    report = tmp_path / "events.html"
    run = subprocess.run([sys.executable, str(example), "--report", str(report)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "3,705 events read, 1,741 aggregated; left out: 1,596 within one country" in run.stdout
    assert "  United States → North Korea: 181 events" in run.stdout
    sample = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "icews_events_2018-06-01_02.tab"
    last = stancegraph.aggregate_events(sample, window="day").graphs()[-1]
    assert f"\nPeriod 2018-06-02: {last!r}\nfrustration {last.frustration().value:g} (exact)" in run.stdout
    assert last.explain(significance=False) in run.stdout
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<strong>2018-06-02</strong> (shown)" in page


def test_events_example_names_a_missing_file(tmp_path):
    example = EXAMPLE.with_name("events.py")
    missing = tmp_path / "icews-2019.tab"
    run = subprocess.run([sys.executable, str(example), str(missing)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr == f"events.py: no such file: {missing}\n"
    assert not list(tmp_path.iterdir())
