"""quotetrack.dask against the in-memory path on a folder of articles: extract -> group -> drift
both ways, reported statements included (extract_quotes(reported=True)), then the share of rows
with the same speaker and cluster_id, and whether the two frames are equal.

  python benchmarks/check_dask.py ../shared/corpus/seeds
  python benchmarks/check_dask.py ../shared/corpus/polnear-train --partitions 8
"""
import argparse
import sys
import time
from pathlib import Path


def main(argv) -> int:
    import dask.dataframe as dd
    import numpy as np
    import pandas as pd
    from distributed import Client, LocalCluster

    import quotetrack as qt
    import quotetrack.dask as qtd
    from quotetrack.schema import REPORTED

    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))}
    articles = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    start = time.perf_counter()
    expected = qt.score_drift(qt.group_variants(qt.extract_quotes(articles, reported=True)))
    memory = time.perf_counter() - start
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster):
        start = time.perf_counter()
        quotes = qtd.extract_quotes(dd.from_pandas(articles, npartitions=args.partitions), reported=True)
        got = qtd.score_drift(qtd.group_variants(quotes)).compute()
        distributed = time.perf_counter() - start
    key = ["doc_id", "start", "end", "kind"]
    expected = expected.sort_values(key).reset_index(drop=True)
    got = got.sort_values(key).reset_index(drop=True)
    same = len(got) == len(expected)
    reported = (expected["kind"].astype(str) == REPORTED).sum()
    speakers = same and bool((got["speaker"].fillna("") == expected["speaker"].fillna("")).all())
    clusters = float(np.mean(got["cluster_id"].to_numpy() == expected["cluster_id"].to_numpy())) if same else 0.0
    try:
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
        equal = True
    except AssertionError:
        equal = False
    print(f"{args.folder.name}: {len(texts)} articles, {len(expected)} rows ({int(reported)} reported), "
          f"{expected['cluster_id'].nunique()} clusters | in memory {memory:.1f} s, Dask "
          f"({args.workers} workers, {args.partitions} partitions) {distributed:.1f} s | same rows {same}, "
          f"same speakers {speakers}, same cluster_id {clusters:.4f}, equal frames {equal}")
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
