"""Peak memory of iter_quotes as the corpus grows: it should stay flat.

A generator yields N articles (the polnear-dev texts over and over, never held in a list);
iter_quotes extracts them batch by batch and each frame is dropped after counting its rows.
Each size runs in a fresh process, so its peak (max RSS) is its own.

  python benchmarks/bench_stream.py            # N = 500 and 5000
  python benchmarks/bench_stream.py 200 2000

The figures also go to benchmarks/results/bench_stream.json.
"""
import pathlib
import resource
import subprocess
import sys
import time

from record import record, run_id

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"


def articles(n):
    paths = sorted((SHARED / "corpus" / "polnear-dev").glob("*.txt"))
    for i in range(n):
        yield paths[i % len(paths)].read_text(encoding="utf-8")


def run_one(n: int) -> None:
    import quotetrack as qt
    qt.load_pipeline()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    rows = sum(len(frame) for frame in qt.iter_quotes(articles(n), batch_size=100))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"N={n:>6} articles  {rows:>7} quotes  {seconds:7.1f} s  peak {peak:6.0f} MB "
          f"(pipeline loaded: {baseline:.0f} MB)", flush=True)
    record("bench_stream", {"articles": n, "quotes": rows, "seconds": round(seconds, 2),
                            "peak_mb": round(peak), "pipeline_loaded_mb": round(baseline)})


def main(argv):
    if argv[:1] == ["--one"]:
        run_one(int(argv[1]))
        return 0
    run_id()
    for n in [int(a) for a in argv] or [500, 5000]:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
