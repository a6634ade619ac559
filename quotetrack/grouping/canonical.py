"""The canonical wording of each cluster."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ..schema import is_none


def canonicals(frame: pd.DataFrame, labels: np.ndarray, texts: list[str], norms: list[str],
               how: str, quoted: np.ndarray) -> list[str]:
    """The reference wording of each row's cluster: the consensus or the earliest wording, chosen
    among the cluster's quotes (`quoted`) when it has any: a report of speech is not a wording."""
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.r_[True, np.diff(labels[order]) != 0, True])
    chosen = order[bounds[:-1]].copy()          # a cluster of one is its own canonical
    published = None
    if how == "earliest":
        published = pd.to_datetime(frame["published"], errors="coerce", utc=True).tolist()
    for k in np.flatnonzero(np.diff(bounds) > 1).tolist():
        rows = order[bounds[k]:bounds[k + 1]].tolist()
        rows = [r for r in rows if quoted[r]] or rows
        if published is not None:
            chosen[k] = min(rows, key=lambda r: (is_none(published[r]),
                                                 published[r].value if not is_none(published[r]) else 0,
                                                 norms[r]))
        else:
            chosen[k] = _consensus(rows, norms, texts)
    cluster_of = np.empty(labels.max() + 1, dtype=np.int64)
    cluster_of[labels[order[bounds[:-1]]]] = np.arange(len(chosen))
    return [texts[r] for r in chosen[cluster_of[labels]].tolist()]


def _consensus(rows: list[int], norms: list[str], texts: list[str], cap: int = 200) -> int:
    """The full-length wording closest, on average, to the other variants (ties: the most
    common, the longest, then the first in alphabetical order, never the row order)."""
    longest = max(len(norms[r].split()) for r in rows)
    full = sorted((r for r in rows if len(norms[r].split()) >= 0.6 * longest),
                  key=lambda r: (norms[r], texts[r]))[:cap]
    if len({norms[r] for r in full}) == 1:
        return full[0]
    sample = [norms[r] for r in full]
    if len(full) == 2:      # two wordings are equally close to each other
        mean = np.zeros(2)
    else:
        mean = process.cdist(sample, sample, scorer=fuzz.token_sort_ratio, workers=1).mean(axis=1)
    counts = Counter(sample)
    return full[max(range(len(full)), key=lambda k: (mean[k], counts[sample[k]], len(sample[k]), -k))]
