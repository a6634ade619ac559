"""Where the benchmarks leave their figures: benchmarks/results/<bench>.json, with the machine
and the date, so that a figure can be read back (and compared) without copying it anywhere.

One run of a benchmark is one file: its sizes, run in separate processes, add their figures to
it (the run is named by QUOTETRACK_BENCH_RUN, which the first process sets for its children).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import platform
import sys

RESULTS = pathlib.Path(__file__).resolve().parent / "results"
RUN, COMMAND = "QUOTETRACK_BENCH_RUN", "QUOTETRACK_BENCH_COMMAND"


def run_id() -> str:
    """This run's name (its start time), shared with the processes it starts, as is its command."""
    os.environ.setdefault(COMMAND, json.dumps(sys.argv))
    return os.environ.setdefault(RUN, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))


def machine() -> dict:
    return {"platform": platform.platform(), "python": platform.python_version(),
            "processor": platform.processor() or platform.machine(), "cpu_count": os.cpu_count()}


def record(bench: str, figures: dict) -> pathlib.Path:
    """Add one set of figures (one size, one variant) to this run's results file of `bench`."""
    path = RESULTS / f"{bench}.json"
    run = run_id()
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        results = {}
    if results.get("run") != run:
        results = {"bench": bench, "run": run, "machine": machine(),
                   "command": json.loads(os.environ[COMMAND]), "figures": []}
    results["date"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    results["figures"].append(figures)
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
