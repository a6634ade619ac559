"""group_variants at scale on synthetic quotes: seconds, peak memory and B-cubed F1.

Each utterance is a random sentence of function words and content words (Zipf-distributed,
over a vocabulary that grows with the corpus as Heaps' law says), said by one of a few
thousand speakers (so a speaker has many quotes); it is quoted 1 to 6 times with seeded random
rewrites (word swaps, truncation, reordering, dropped words); half the quotes are unrelated
singletons. 5% of the copies name another speaker (a misattribution). Every size runs in a fresh
process so its peak memory is its own.

Distractors: the same corpus plus, for every two quotes, one more that must stay apart from
everything: a short common phrase (a few of the corpus's most common words, `we'll see`), said
by a random speaker in a random article, or such a phrase inside a long quote of other words.
The line reports B-cubed precision over the whole corpus and the share of distractors that
landed in a cluster with any other utterance.

  python benchmarks/bench_group.py                 # N = 10k, 100k, 1M; distractors at 100k
  python benchmarks/bench_group.py 10000 100000    # chosen sizes
  python benchmarks/bench_group.py --distractors 100000

The figures also go to benchmarks/results/bench_group.json.
"""
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict

from record import record, run_id

SPEAKERS = 3_000


def vocabulary_size(n: int) -> int:
    """Heaps' law: a corpus ten times larger holds about four times as many distinct words."""
    return int(40_000 * (n / 100_000) ** 0.6)


def synthetic_quotes(n: int, seed: int = 7):
    """(frame with doc_id, text, speaker; the true utterance of each row)."""
    import numpy as np
    import pandas as pd

    from quotetrack.constants import STOPWORDS

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    size = vocabulary_size(n)
    content = [_word(rng) for _ in range(size)]
    function = sorted(STOPWORDS)
    weights = 1.0 / np.arange(1, size + 1)             # Zipf's law over content words
    draws = nrng.choice(size, size=n * 25, p=weights / weights.sum()).astype(np.int32)
    drawn = 0
    texts, truth, speakers, docs = [], [], [], []
    utterance = 0
    while len(texts) < n:
        length = rng.randint(8, 30)
        base = []
        for _ in range(length):
            if rng.random() < 0.45:
                base.append(rng.choice(function))
            else:
                base.append(content[draws[drawn % len(draws)]])
                drawn += 1
        speaker = f"Speaker {rng.randrange(SPEAKERS)}"
        copies = 1 if rng.random() < 0.5 else rng.randint(2, 6)
        for copy in range(copies):
            words = base if copy == 0 else _rewrite(base, content, rng)
            texts.append(" ".join(words))
            truth.append(utterance)
            speakers.append(speaker if rng.random() > 0.05 else f"Speaker {rng.randrange(SPEAKERS)}")
            docs.append(f"doc{rng.randrange(max(1, n // 10))}")
        utterance += 1
    frame = pd.DataFrame({"doc_id": docs[:n], "text": texts[:n], "speaker": speakers[:n]})
    return frame, truth[:n]


def with_distractors(n: int, seed: int = 11):
    """(frame, truth, is_distractor): synthetic_quotes(n) and n // 2 distractors."""
    import pandas as pd

    frame, truth = synthetic_quotes(n, seed)
    rng = random.Random(seed)
    words = pd.Series(frame["text"].str.split().explode()).value_counts()
    from quotetrack.constants import STOPWORDS
    common = [w for w in words.index if w not in STOPWORDS][:40]
    function = sorted(STOPWORDS)
    phrases = [" ".join(rng.choice(function if k % 2 else common) for k in range(rng.randint(2, 4)))
               for _ in range(300)]
    vocabulary = list(words.index)
    rows, extra = [], []
    for k in range(n // 2):
        phrase = rng.choice(phrases)
        if rng.random() < 0.5:     # inside a long quote of other words
            tail = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(10, 20)))
            phrase = f"{tail} {phrase}" if rng.random() < 0.5 else f"{phrase} {tail}"
        rows.append({"doc_id": f"doc{rng.randrange(max(1, n // 10))}", "text": phrase,
                     "speaker": f"Speaker {rng.randrange(SPEAKERS)}"})
        extra.append(-1 - k)       # an utterance of its own
    frame = pd.concat([frame, pd.DataFrame(rows)], ignore_index=True)
    return frame, truth + extra, [False] * n + [True] * (n // 2)


def run_distractors(n: int) -> None:
    import quotetrack as qt
    frame, truth, distractor = with_distractors(n)
    start = time.perf_counter()
    grouped = qt.group_variants(frame)
    seconds = time.perf_counter() - start
    p, r, f = bcubed_f1(truth, grouped["cluster_id"].tolist())
    clusters = grouped["cluster_id"].tolist()
    utterances = defaultdict(set)
    for t, c in zip(truth, clusters):
        utterances[c].add(t)
    joined = sum(1 for c, d in zip(clusters, distractor) if d and len(utterances[c]) > 1)
    print(f"N={n:>9,} + {n // 2:,} distractors  {seconds:8.2f} s  B3 P/R/F1 {p:.3f}/{r:.3f}/{f:.3f}  "
          f"distractors joined to another utterance: {joined / (n // 2):.2%}", flush=True)
    record("bench_group", {"quotes": n, "distractors": n // 2, "seconds": round(seconds, 3),
                           "b3_precision": round(p, 4), "b3_recall": round(r, 4), "b3_f1": round(f, 4),
                           "distractors_joined": round(joined / (n // 2), 4)})


def _word(rng):
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def _rewrite(words, vocab, rng):
    out = list(words)
    for _ in range(rng.randint(0, 2)):          # swap a word for another
        out[rng.randrange(len(out))] = rng.choice(vocab)
    if rng.random() < 0.3 and len(out) > 6:      # drop a word
        del out[rng.randrange(len(out))]
    if rng.random() < 0.3:                       # reorder two halves
        cut = rng.randrange(1, len(out))
        out = out[cut:] + out[:cut]
    if rng.random() < 0.3:                       # truncate
        keep = rng.randint(max(5, len(out) // 2), len(out))
        start = rng.randint(0, len(out) - keep)
        out = out[start:start + keep]
    return out


def bcubed_f1(truth, predicted):
    gold, pred = defaultdict(set), defaultdict(set)
    for k, (g, p) in enumerate(zip(truth, predicted)):
        gold[g].add(k)
        pred[p].add(k)
    precision = recall = 0.0
    for g, p in zip(truth, predicted):
        both = len(gold[g] & pred[p])
        precision += both / len(pred[p])
        recall += both / len(gold[g])
    precision, recall = precision / len(truth), recall / len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


def run_one(n: int) -> None:
    import quotetrack as qt
    frame, truth = synthetic_quotes(n)
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    grouped = qt.group_variants(frame)
    seconds = time.perf_counter() - start
    p, r, f = bcubed_f1(truth, grouped["cluster_id"].tolist())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    misattributed, joined = _misattributed(frame, truth, grouped)
    print(f"N={n:>9,}  {seconds:8.2f} s  peak {peak_mb:7.0f} MB (the synthetic data alone: "
          f"{before_mb:.0f} MB)  B3 P/R/F1 {p:.3f}/{r:.3f}/{f:.3f}  "
          f"(misattributed copies: {misattributed:.1%} of rows, {joined:.0%} of them joined)", flush=True)
    record("bench_group", {"quotes": n, "seconds": round(seconds, 3), "peak_mb": round(peak_mb),
                           "data_mb": round(before_mb), "b3_precision": round(p, 4), "b3_recall": round(r, 4),
                           "b3_f1": round(f, 4), "misattributed_share": round(misattributed, 4),
                           "misattributed_joined": round(joined, 4)})


def _misattributed(frame, truth, grouped) -> tuple[float, float]:
    """How the copies that name another speaker fared: their share of the rows, and the share of
    them that joined their utterance (only long, nearly identical ones may)."""
    rows = frame.assign(truth=truth, cluster=grouped["cluster_id"].to_numpy())
    voice = rows.groupby("truth")["speaker"].agg(lambda s: s.mode().iloc[0])
    home = rows.groupby("truth")["cluster"].agg(lambda s: s.mode().iloc[0])
    other = rows["speaker"].to_numpy() != voice.loc[rows["truth"]].to_numpy()
    joined = rows["cluster"].to_numpy()[other] == home.loc[rows["truth"][other]].to_numpy()
    return float(other.mean()), float(joined.mean()) if len(joined) else 0.0


def main(argv):
    if argv[:1] == ["--one"]:
        run_one(int(argv[1]))
        return 0
    if argv[:1] == ["--distractors"]:
        run_distractors(int(argv[1]) if len(argv) > 1 else 100_000)
        return 0
    run_id()
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    for n in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)
    if not argv:
        subprocess.run([sys.executable, __file__, "--distractors", "100000"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
