"""quotetrack.dask.group_variants on a LocalCluster: seconds, peak memory per worker and on the
client, and agreement with the in-memory group_variants.

The synthetic quotes of bench_group.py are written to Parquet (one file per 25k quotes), read
with dd.read_parquet, grouped on the cluster and written back to Parquet, as a user would on a
real cluster. Each (size, workers) runs in a fresh process with its own LocalCluster (worker
processes, one thread each). After the Dask run, the same quotes are grouped in memory and the
line gives the share of rows whose cluster_id is the same, and the B-cubed F1 of the Dask
clusters against the in-memory ones (1.000: the same partition of the rows).

  python benchmarks/bench_dask.py                      # 1M and 4M quotes, 1 and 2 workers
  python benchmarks/bench_dask.py 100000 --workers 1 2
  python benchmarks/bench_dask.py 100000 --no-compare  # skip the in-memory run
"""
import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PER_FILE = 25_000


def run_one(n: int, workers: int, compare: bool) -> None:
    import dask.dataframe as dd
    import numpy as np
    from bench_group import bcubed_f1, synthetic_quotes
    from distributed import Client, LocalCluster

    import quotetrack as qt
    import quotetrack.dask as qtd

    frame, _ = synthetic_quotes(n)
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "quotes", Path(folder) / "grouped"
        dd.from_pandas(frame, npartitions=max(1, n // PER_FILE)).to_parquet(source)
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, memory_limit=0) as cluster, Client(cluster) as client:
            start = time.perf_counter()
            grouped = qtd.group_variants(dd.read_parquet(source))
            summaries = time.perf_counter() - start
            grouped.to_parquet(target)
            seconds = time.perf_counter() - start
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        client_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        got = dd.read_parquet(target).compute()
    line = (f"N={n:>9,}  workers={workers}  {seconds:8.1f} s (summaries and clustering "
            f"{summaries:.1f} s)  peak per worker {' / '.join(f'{p:.0f}' for p in peaks.values())} MB  "
            f"client {client_mb:.0f} MB")
    if compare:
        start = time.perf_counter()
        expected = qt.group_variants(frame)
        memory = time.perf_counter() - start
        key = ["doc_id", "text", "speaker"]
        got = got.sort_values(key, kind="stable").reset_index(drop=True)
        expected = expected.sort_values(key, kind="stable").reset_index(drop=True)
        same = float(np.mean(got["cluster_id"].to_numpy() == expected["cluster_id"].to_numpy()))
        _, _, f1 = bcubed_f1(expected["cluster_id"].tolist(), got["cluster_id"].tolist())
        line += f"  | in memory {memory:.1f} s; same cluster_id {same:.4f}, B3 F1 vs in memory {f1:.4f}"
    print(line, flush=True)


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 4_000_000])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--no-compare", action="store_true")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        run_one(args.sizes[0], args.workers[0], not args.no_compare)
        return 0
    for n in args.sizes:
        for workers in args.workers:
            command = [sys.executable, __file__, "--one", str(n), "--workers", str(workers)]
            subprocess.run(command + (["--no-compare"] if args.no_compare else []), check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
