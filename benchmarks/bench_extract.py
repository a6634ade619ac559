"""Throughput of extract_quotes next to running the full spaCy pipeline over the same texts.

  python benchmarks/bench_extract.py [FOLDER_OF_TXT] [--repeat N] [--n-process K]

Default corpus: ../shared/corpus/polnear-dev (84 articles). Prints articles/s and tokens/s
(tokens counted once, by the tokenizer) for: the full pipeline (nlp.pipe over whole articles,
every component), extract_quotes (single process), extract_quotes(reported=True) (which also
parses the sentences that hold a verb of saying), and extract_quotes(n_process=K) if given;
the figures also go to benchmarks/results/bench_extract.json.
"""
import argparse
import pathlib
import sys
import time

from record import record, run_id

import quotetrack as qt

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(SHARED / "corpus" / "polnear-dev"))
    ap.add_argument("--repeat", type=int, default=1, help="use the corpus N times over")
    ap.add_argument("--n-process", type=int, default=0, help="also time extract_quotes(n_process=K)")
    args = ap.parse_args(argv)
    run_id()
    texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(args.folder).glob("*.txt"))]
    texts = texts * args.repeat
    nlp = qt.load_pipeline()
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    print(f"{len(texts)} articles, {tokens:,} tokens ({args.folder})")

    import spacy
    full = spacy.load(_package_of(nlp))
    rows = []
    start = time.perf_counter()
    for _ in full.pipe(texts, batch_size=64):
        pass
    rows.append(("full pipeline, every component", time.perf_counter() - start))

    qt.extract_quotes(texts[:2])  # warm up
    start = time.perf_counter()
    quotes = qt.extract_quotes(texts)
    rows.append(("extract_quotes", time.perf_counter() - start))
    start = time.perf_counter()
    reported = qt.extract_quotes(texts, reported=True)
    rows.append(("extract_quotes, reported=True", time.perf_counter() - start))
    if args.n_process:
        start = time.perf_counter()
        qt.extract_quotes(texts, n_process=args.n_process)
        rows.append((f"extract_quotes, n_process={args.n_process}", time.perf_counter() - start))

    base = rows[0][1]
    for name, seconds in rows:
        print(f"{name:38s} {seconds:7.2f} s  {len(texts) / seconds:8.1f} articles/s  "
              f"{tokens / seconds:9,.0f} tokens/s  x{base / seconds:.2f}")
        record("bench_extract", {"variant": name, "corpus": args.folder, "articles": len(texts),
                                 "tokens": tokens, "seconds": round(seconds, 3),
                                 "articles_per_s": round(len(texts) / seconds, 2),
                                 "tokens_per_s": round(tokens / seconds), "x_full_pipeline": round(base / seconds, 3)})
    print(f"({len(quotes)} quotes; with reported=True {len(reported)} rows, "
          f"{(reported['kind'] == 'reported').sum()} of them reported statements)")
    return 0


def _package_of(nlp):
    for name in qt.pipeline.PIPELINE_PACKAGES:
        try:
            __import__(name)
            return name
        except ImportError:
            continue
    raise SystemExit("no English pipeline package installed")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
