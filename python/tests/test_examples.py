"""The package's runnable example runs and says what it should."""

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
