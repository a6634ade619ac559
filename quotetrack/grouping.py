"""`group_variants`: which quotes are the same utterance, across outlets and rewrites.

Three steps, none of them all-pairs:
1. candidates: quotes that share one of each other's rarest words (an inverted index);
2. scores: rapidfuzz over the candidate pairs only, in batch (`cpdist`, all cores);
3. clusters: best-connected quotes first, each quote joins the best *centre* it matches
   directly, or becomes one. A member never recruits, so a chain of weak links cannot glue quotes together.
Then the pieces of one quote split in an article ("A," he said, "B.") are put back together.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .frames import require_columns
from .normalize import content_words, normalized

DEFAULTS = dict(threshold=72.0, same_speaker_threshold=60.0, containment=90.0, min_words=3,
                anchors=4, max_df=200)
SHORT_QUOTE, SHORT_QUOTE_THRESHOLD = 5, 88.0


def group_variants(quotes: pd.DataFrame, *, threshold: float = DEFAULTS["threshold"],
                   same_speaker_threshold: float = DEFAULTS["same_speaker_threshold"],
                   containment: float = DEFAULTS["containment"],
                   min_words: int = DEFAULTS["min_words"], by: str | Sequence[str] | None = None,
                   canonical: str = "consensus", anchors: int = DEFAULTS["anchors"],
                   max_df: int = DEFAULTS["max_df"], workers: int = -1) -> pd.DataFrame:
    """Add `cluster_id` (one per utterance) and `canonical` (its reference wording).

    threshold: similarity (0-100: the better of rapidfuzz's ratio and token_sort_ratio, so
        reordered words still count) that makes two quotes variants; `same_speaker_threshold` applies when both have the same speaker.
    containment: similarity (partial_ratio: the best-aligned part of the longer quote) at
        which a shorter quote counts as a piece of a longer one (truncations, partial quotes); only for pieces of `min_words` words or more,
        or pieces with the same speaker as the longer quote.
    by: column(s) to group within only (a story id, a date bucket).
    canonical: "consensus" (the wording the variants agree with most) or "earliest" (needs a
        `published` column).
    anchors, max_df: how many of a quote's rarest words find its candidates, and how common a
        word may be to serve (words in more than max_df quotes are not looked up).
    """
    require_columns(quotes, ["doc_id", "text"], "group_variants")
    if canonical not in ("consensus", "earliest"):
        raise ValueError(f"canonical must be 'consensus' or 'earliest', not {canonical!r}")
    if canonical == "earliest":
        require_columns(quotes, ["published"], "group_variants(canonical='earliest')")
    by_columns = [by] if isinstance(by, str) else list(by or [])
    require_columns(quotes, by_columns, "group_variants(by=...)")
    out = quotes.copy()
    n = len(out)
    if n == 0:
        out["cluster_id"] = pd.Series([], dtype="int64", index=out.index)
        out["canonical"] = pd.Series([], dtype=object, index=out.index)
        return out
    texts = [t if isinstance(t, str) else "" for t in out["text"].tolist()]
    norms = [normalized(t) for t in texts]
    speakers = _speakers(out)
    docs = out["doc_id"].astype(str).to_numpy()
    labels = np.full(n, -1, dtype=np.int64)
    params = dict(threshold=threshold, same=same_speaker_threshold, containment=containment,
                  min_words=min_words, anchors=anchors, max_df=max_df, workers=workers)
    for rows in _partitions(out, by_columns):
        local = _cluster(rows, norms, speakers, docs, **params)
        labels[rows] = local + (labels.max() + 1)
    labels = _join_pieces(out, labels, speakers)
    labels = _stable_ids(labels, norms)
    out["cluster_id"] = labels
    out["canonical"] = _canonicals(out, labels, texts, norms, canonical)
    return out


def _speakers(frame: pd.DataFrame) -> list:
    if "speaker" not in frame.columns:
        return [None] * len(frame)
    return [s if isinstance(s, str) and s else None for s in frame["speaker"].tolist()]


def _partitions(frame: pd.DataFrame, by_columns: list[str]) -> list[np.ndarray]:
    if not by_columns:
        return [np.arange(len(frame))]
    keys = frame[by_columns].astype(str).agg("\x1f".join, axis=1).to_numpy()
    return [np.flatnonzero(keys == k) for k in sorted(set(keys))]


def _cluster(rows: np.ndarray, norms: list[str], speakers: list, docs: np.ndarray, *,
             threshold: float,
             same: float, containment: float, min_words: int, anchors: int, max_df: int,
             workers: int) -> np.ndarray:
    """Local cluster labels (0..k-1) for the quotes `rows`."""
    texts = [norms[r] for r in rows]
    tokens = [t.split() for t in texts]
    who = [speakers[r] for r in rows]
    left, right = _candidate_pairs(tokens, anchors, max_df)
    scores = _pair_scores(texts, tokens, who, left, right, threshold, same, containment,
                          min_words, workers)
    # Two quotes of one article are two utterances unless one holds the other.
    same_doc = docs[rows[left]] == docs[rows[right]] if len(left) else np.zeros(0, bool)
    scores = np.where(same_doc & (scores < containment), 0.0, scores)
    keep = scores > 0
    return _leader_clusters(tokens, texts, left[keep], right[keep], scores[keep])


def _candidate_pairs(tokens: list[list[str]], anchors: int, max_df: int):
    """Pairs (i < j) where j holds one of i's `anchors` rarest words."""
    bags = [set(content_words(t)) or set(t) for t in tokens]
    df = Counter(w for bag in bags for w in bag)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for w in bag:
            if 1 < df[w] <= max_df:
                postings[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, bag in enumerate(bags):
        rare = sorted((w for w in bag if 1 < df[w] <= max_df), key=lambda w: (df[w], w))[:anchors]
        for w in rare:
            for j in postings[w]:
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
    if not pairs:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    arr = np.array(sorted(pairs), dtype=np.int64)
    return arr[:, 0], arr[:, 1]


def _pair_scores(texts, tokens, who, left, right, threshold, same, containment, min_words,
                 workers) -> np.ndarray:
    """The similarity of each candidate pair if it makes them variants, else 0."""
    if len(left) == 0:
        return np.empty(0)
    a = [texts[i] for i in left]
    b = [texts[j] for j in right]
    whole = np.maximum(process.cpdist(a, b, scorer=fuzz.token_sort_ratio, workers=workers),
                       process.cpdist(a, b, scorer=fuzz.ratio, workers=workers))
    part = process.cpdist(a, b, scorer=fuzz.partial_ratio, workers=workers)
    shorter = np.minimum([len(tokens[i]) for i in left], [len(tokens[j]) for j in right])
    sa = [who[i] for i in left]
    sb = [who[j] for j in right]
    agree = np.array([x is not None and x == y for x, y in zip(sa, sb)])
    needed = np.where(agree, same, threshold)
    # A few words look alike by chance: short quotes must be near copies.
    needed = np.where(shorter < SHORT_QUOTE, np.maximum(needed, SHORT_QUOTE_THRESHOLD), needed)
    whole_ok = whole >= needed
    long_enough = (shorter >= min_words) | (agree & (shorter >= 2))
    part_ok = (part >= np.where(agree, containment - 5, containment)) & long_enough
    return np.where(whole_ok | part_ok, np.maximum(whole, np.where(part_ok, part, 0)), 0.0)


def _leader_clusters(tokens, texts, left, right, scores) -> np.ndarray:
    """The best-connected quotes become centres first; every other quote joins the centre it
    matches best, or becomes one."""
    n = len(tokens)
    neighbours: dict[int, list[tuple[float, int]]] = defaultdict(list)
    strength = np.zeros(n)
    for i, j, s in zip(left.tolist(), right.tolist(), scores.tolist()):
        neighbours[i].append((s, j))
        neighbours[j].append((s, i))
        strength[i] += s
        strength[j] += s
    order = sorted(range(n), key=lambda i: (-strength[i], -len(tokens[i]), texts[i]))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    centre = np.full(n, -1, dtype=np.int64)
    for i in order:
        best, best_key = i, None
        for s, j in neighbours.get(i, ()):
            if centre[j] == j and rank[j] < rank[i]:
                key = (s, -rank[j])
                if best_key is None or key > best_key:
                    best, best_key = j, key
        centre[i] = best
    _, local = np.unique(centre, return_inverse=True)
    return local.astype(np.int64)


def _join_pieces(frame: pd.DataFrame, labels: np.ndarray, speakers: list) -> np.ndarray:
    """Rows that continue the row before them in the same article (same speaker, and the same
    attribution or none of their own) are pieces of one utterance, unless each piece already
    has variants of its own elsewhere (then they are two utterances quoted side by side)."""
    if "speaker_start" not in frame.columns:
        return labels
    starts = frame["start"].to_numpy() if "start" in frame.columns else np.arange(len(frame))
    kinds = frame["kind"].astype(str).tolist() if "kind" in frame.columns else ["direct"] * len(frame)
    mention = [None if pd.isna(m) else int(m) for m in frame["speaker_start"].tolist()]
    parent = {int(l): int(l) for l in np.unique(labels)}
    size = Counter(labels.tolist())

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    docs = frame["doc_id"].tolist()
    order = sorted(range(len(frame)), key=lambda r: (str(docs[r]), starts[r]))
    for prev, row in zip(order, order[1:]):
        if docs[prev] != docs[row] or speakers[row] is None or speakers[row] != speakers[prev]:
            continue
        if kinds[row] != "direct" or kinds[prev] in ("heading", "other"):
            continue
        if mention[row] is None or (kinds[prev] == "direct" and mention[row] == mention[prev]):
            a, b = find(int(labels[prev])), find(int(labels[row]))
            if a != b and min(size[int(labels[prev])], size[int(labels[row])]) == 1:
                parent[max(a, b)] = min(a, b)
    return np.array([find(int(l)) for l in labels], dtype=np.int64)


def _stable_ids(labels: np.ndarray, norms: list[str]) -> np.ndarray:
    """Number clusters by their smallest normalised text, so row order does not matter."""
    first: dict[int, str] = {}
    for label, text in zip(labels.tolist(), norms):
        if label not in first or text < first[label]:
            first[label] = text
    ordered = sorted(first, key=lambda l: (first[l], l))
    new = {old: k for k, old in enumerate(ordered)}
    return np.array([new[l] for l in labels.tolist()], dtype=np.int64)


def _canonicals(frame: pd.DataFrame, labels: np.ndarray, texts: list[str], norms: list[str],
                how: str) -> list[str]:
    members: dict[int, list[int]] = defaultdict(list)
    for row, label in enumerate(labels.tolist()):
        members[label].append(row)
    published = frame["published"].tolist() if how == "earliest" else None
    chosen: dict[int, int] = {}
    for label, rows in members.items():
        if how == "earliest":
            chosen[label] = min(rows, key=lambda r: (_sortable(published[r]), norms[r]))
        else:
            chosen[label] = _consensus(rows, norms)
    return [texts[chosen[label]] for label in labels.tolist()]


def _sortable(value):
    ts = pd.to_datetime(value, errors="coerce", utc=True)
    return (pd.isna(ts), ts.value if not pd.isna(ts) else 0)


def _consensus(rows: list[int], norms: list[str], cap: int = 200) -> int:
    """The full-length wording closest, on average, to the other variants."""
    if len(rows) == 1:
        return rows[0]
    longest = max(len(norms[r].split()) for r in rows)
    full = [r for r in rows if len(norms[r].split()) >= 0.6 * longest]
    if len(full) == 1:
        return full[0]
    full = sorted(full, key=lambda r: norms[r])[:cap]
    sample = [norms[r] for r in full]
    sims = process.cdist(sample, sample, scorer=fuzz.token_sort_ratio, workers=1)
    mean = sims.mean(axis=1)
    counts = Counter(sample)
    best = max(range(len(full)), key=lambda k: (mean[k], counts[sample[k]], len(sample[k]), sample[k]))
    return full[best]
