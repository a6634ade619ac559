"""The reference wording of each quote: the common wording of the passages it renders.

Each source (article) that renders a passage gives one rendering of it (the longest, when it
prints the passage twice). The common wording is the rendering closest on average to the others
over the part they share, among those that are not a cut of another; with
`canonical="earliest"`, the rendering of the earliest published source. A passage that only one
source renders has nothing to drift from (`passage_sources` 1).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from .passages import CUT_SHARE, Alike, _normalized, find_passages

# A rendering shorter than CUT_SHARE of another, whose words match a part of it this well, is a
# cut of it: never the common wording while the whole is there.
CUT = 90.0


@dataclass(frozen=True)
class PassageColumns:
    passage: np.ndarray       # global passage number per row, -1 for none (reported rows)
    canonical: list[str]
    sources: np.ndarray       # how many sources render the row's passage, 0 for none
    counts: dict              # cluster label -> how many passages it has (numbered in label order)


def passage_columns(labels: np.ndarray, texts: list[str], norms: list[str], docs: list,
                    row_key: np.ndarray, quoted: np.ndarray, published: list | None = None,
                    workers: int = -1) -> PassageColumns:
    """Passages, canonical wordings and sources for every row of the clusters `labels`.

    Rows are taken in `row_key` order inside each cluster and clusters in label order, so the
    numbering never depends on row order. `norms`: the texts normalised. `published`: timestamps
    for canonical="earliest". `workers`: rapidfuzz's threads (-1: every core)."""
    n = len(labels)
    passage = np.full(n, -1, dtype=np.int64)
    sources = np.zeros(n, dtype=np.int64)
    canonical = [""] * n
    order = np.lexsort((row_key, labels))
    bounds = np.flatnonzero(np.r_[True, np.diff(labels[order]) != 0, True])
    scores = _primed(order, bounds, norms, quoted, workers)
    numbered = 0
    counts: dict = {}
    for k in range(len(bounds) - 1):
        rows = order[bounds[k]:bounds[k + 1]].tolist()
        counts[labels[rows[0]].item()] = 0
        quotes = [r for r in rows if quoted[r]]
        reports = [r for r in rows if not quoted[r]]
        if not quotes:      # reports of speech only: their common wording, no passage
            best = reports[_common([texts[r] for r in reports], _when(published, reports), scores)]
            for r in reports:
                canonical[r] = texts[best]
            continue
        if len(quotes) == 1 or (published is None and len({norms[r] for r in quotes}) == 1):
            for r in quotes + reports:      # one wording: its own common wording
                canonical[r] = texts[quotes[0]]
            passage[quotes], sources[quotes] = numbered, len({docs[r] for r in quotes})
            numbered += 1
            counts[labels[rows[0]].item()] = 1
            continue
        found = find_passages([texts[r] for r in quotes], [docs[r] for r in quotes], [norms[r] for r in quotes],
                              scores)
        wording, count = [], []
        for p in range(found.count):
            mine = _one_per_source(found, p, quotes, texts, docs)
            renderings = [found.rendering([texts[r] for r in quotes], q, p) for q in mine]
            rendered = [norms[quotes[q]] if found.covered[q] == [p] else _normalized(text)
                        for q, text in zip(mine, renderings)]
            when = _when(published, [quotes[q] for q in mine])
            wording.append(renderings[_common(renderings, when, scores, rendered)])
            count.append(len(mine))
        for q, r in enumerate(quotes):
            passage[r] = numbered + found.main[q]
            sources[r] = count[found.main[q]]
            canonical[r] = " ".join(wording[p] for p in found.covered[q])
        widest = max(range(found.count), key=lambda p: (count[p], -p))
        for r in reports:
            canonical[r] = wording[widest]
        numbered += found.count
        counts[labels[rows[0]].item()] = found.count
    return PassageColumns(passage=passage, canonical=canonical, sources=sources, counts=counts)


def _primed(order: np.ndarray, bounds: np.ndarray, norms: list[str], quoted: np.ndarray, workers: int) -> Alike:
    """Every pair of distinct quote wordings within a cluster, scored in one pass."""
    left, right = [], []
    for k in range(len(bounds) - 1):
        distinct = sorted({norms[r] for r in order[bounds[k]:bounds[k + 1]].tolist() if quoted[r]})
        for i, a in enumerate(distinct):
            left.extend([a] * (len(distinct) - i - 1))
            right.extend(distinct[i + 1:])
    scores = Alike()
    scores.prime(left, right, workers)
    return scores


def _one_per_source(found, passage: int, quotes: list[int], texts: list[str], docs: list) -> list[int]:
    """The quotes (positions in `quotes`) that render `passage`, one per source: the longest."""
    best: dict = {}
    for q, r in enumerate(quotes):
        if passage in found.spans[q]:
            size = sum(b - a for a, b in found.spans[q][passage])
            doc = docs[r]
            if doc not in best or size > best[doc][0]:
                best[doc] = (size, q)
    return sorted(q for _, q in best.values())


def _when(published: list | None, rows: list[int]) -> list | None:
    return None if published is None else [published[r] for r in rows]


def _common(renderings: list[str], published: list | None = None, alike: Alike | None = None,
            norms: list[str] | None = None) -> int:
    """Which of one-per-source `renderings` is the common wording (ties: the most repeated, the
    longest, then the first)."""
    norms = norms or [_normalized(t) for t in renderings]
    alike = alike or Alike()
    whole = [k for k in range(len(norms)) if not _is_cut(k, norms)]
    if published is not None:
        known = [k for k in whole if not pd.isna(published[k])]
        return min(known, key=lambda k: (published[k], k)) if known else whole[0]
    if len({norms[k] for k in whole}) == 1:
        return whole[0]
    mean = {k: round(sum(alike(norms[k], norms[m]) for m in range(len(norms)) if m != k) / (len(norms) - 1), 6)
            for k in whole}
    counts = Counter(norms)
    return max(whole, key=lambda k: (mean[k], counts[norms[k]], len(norms[k]), -k))


def _is_cut(k: int, norms: list[str]) -> bool:
    return any(len(norms[k]) < CUT_SHARE * len(other) and fuzz.partial_ratio(norms[k], other) >= CUT
               for other in norms)
