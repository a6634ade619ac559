"""quotetrack.dask.group_variants on a LocalCluster: seconds, peak memory per worker and on the
client, where the workers' time goes, and agreement with the in-memory group_variants.

The synthetic quotes of bench_group.py are written to Parquet (one file per 25k quotes), read
with dd.read_parquet, grouped on the cluster and written back to Parquet, as a user would on a
real cluster. Each (size, workers) runs in a fresh process with its own LocalCluster (worker
processes, one thread each), and so does the in-memory grouping of the same quotes, so that each
peak is its own. A line per run: seconds, peak per worker, the client's peak, the seconds the
workers spent in each kind of task (summed over workers), and against the in-memory run the
share of rows with the same cluster_id and the B-cubed F1 of the Dask clusters against the
in-memory ones (1.000: the same partition of the rows).

  python benchmarks/bench_dask.py                      # 1M and 4M quotes, 1 and 2 workers
  python benchmarks/bench_dask.py 100000 --workers 1 2
  python benchmarks/bench_dask.py 100000 --no-compare  # skip the in-memory run

The figures also go to benchmarks/results/bench_dask.json.
"""
import argparse
import json
import logging
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from record import record, run_id

PER_FILE = 25_000


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_quotes(n: int, folder: Path) -> None:
    import dask.dataframe as dd
    from bench_group import synthetic_quotes

    frame, _ = synthetic_quotes(n)
    dd.from_pandas(frame.assign(row=range(n)), npartitions=max(1, n // PER_FILE)).to_parquet(folder / "quotes")


def run_in_memory(n: int, folder: Path) -> dict:
    import pandas as pd
    from bench_group import synthetic_quotes

    import quotetrack as qt

    frame, _ = synthetic_quotes(n)
    start = time.perf_counter()
    grouped = qt.group_variants(frame)
    seconds = time.perf_counter() - start
    clusters = pd.DataFrame({"row": range(n), "cluster_id": grouped["cluster_id"].to_numpy()})
    clusters.to_parquet(folder / "memory.parquet")
    return {"seconds": round(seconds, 1), "peak_mb": round(peak_mb())}


def run_dask(n: int, workers: int, folder: Path) -> dict:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster, get_task_stream

    import quotetrack.dask as qtd

    target = folder / f"dask-{workers}"
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit=0, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        with get_task_stream(client=client) as stream:
            start = time.perf_counter()
            grouped = qtd.group_variants(dd.read_parquet(folder / "quotes"))
            summaries = time.perf_counter() - start
            grouped[["row", "cluster_id"]].to_parquet(target)
            seconds = time.perf_counter() - start
        peaks = client.run(peak_mb)
        metrics = client.run_on_scheduler(lambda dask_scheduler: dict(dask_scheduler.cumulative_worker_metrics))
    shuffled = sum(v for k, v in metrics.items() if k[:4] == ("p2p", "foreground", "shards", "bytes"))
    return {"seconds": round(seconds, 1), "summaries_seconds": round(summaries, 1),
            "shuffled_mb": round(shuffled / 1e6),
            "worker_peak_mb": [round(p) for p in peaks.values()], "client_peak_mb": round(peak_mb()),
            "task_seconds": task_seconds(stream.data)}


def task_seconds(tasks: list[dict], top: int = 12) -> dict:
    """Seconds of work per kind of task (the function's name), summed over workers, largest first."""
    spent = defaultdict(float)
    for task in tasks:
        kind = re.sub(r"-[0-9a-f]{8,}.*", "", str(task["key"]).strip("('\""))
        for part in task["startstops"]:
            name = kind if part["action"] == "compute" else f"({part['action']})"
            spent[name] += part["stop"] - part["start"]
    ranked = sorted(spent.items(), key=lambda kv: -kv[1])
    return {name: round(s, 1) for name, s in ranked[:top]}


def agreement(folder: Path, workers: int) -> tuple[float, float]:
    import numpy as np
    import pandas as pd
    from bench_group import bcubed_f1

    expected = pd.read_parquet(folder / "memory.parquet").sort_values("row")
    got = pd.read_parquet(folder / f"dask-{workers}").sort_values("row")
    same = float(np.mean(got["cluster_id"].to_numpy() == expected["cluster_id"].to_numpy()))
    return same, bcubed_f1(expected["cluster_id"].tolist(), got["cluster_id"].tolist())[2]


def child(step: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--step", step, *args], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 4_000_000])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--no-compare", action="store_true")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:           # a child: one step, its figures as the last line
        n, folder = args.sizes[0], args.folder
        figures = {"write": lambda: write_quotes(n, folder) or {},
                   "memory": lambda: run_in_memory(n, folder),
                   "dask": lambda: run_dask(n, args.workers[0], folder)}[args.step]()
        print(json.dumps(figures))
        return 0
    run_id()
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            child("write", str(n), "--folder", folder)
            memory = None if args.no_compare else child("memory", str(n), "--folder", folder)
            if memory:
                print(f"N={n:>9,}  in memory     {memory['seconds']:8.1f} s  peak {memory['peak_mb']} MB", flush=True)
                record("bench_dask", {"quotes": n, "in_memory": True, **memory})
            for workers in args.workers:
                figures = child("dask", str(n), "--workers", str(workers), "--folder", folder)
                line = (f"N={n:>9,}  workers={workers}  {figures['seconds']:8.1f} s (summaries and clustering "
                        f"{figures['summaries_seconds']:.1f} s)  peak per worker "
                        f"{' / '.join(map(str, figures['worker_peak_mb']))} MB  client {figures['client_peak_mb']} MB  "
                        f"shuffled {figures['shuffled_mb']} MB")
                if memory:
                    same, f1 = agreement(Path(folder), workers)
                    figures.update(same_cluster_id=round(same, 4), b3_vs_memory=round(f1, 4))
                    line += f"  | same cluster_id {same:.4f}, B3 F1 vs in memory {f1:.4f}"
                print(line, flush=True)
                spent = ", ".join(f"{k} {v}" for k, v in figures["task_seconds"].items())
                print(f"    workers' seconds by task: {spent}", flush=True)
                record("bench_dask", {"quotes": n, "workers": workers, **figures})
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
