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

from ..frames import require_columns
from ..names import majority_speakers
from ..normalize import content_words, normalized

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
    wordings, text_rank = np.unique(np.array(norms, dtype=object), return_inverse=True)
    speakers = _speakers(out)
    docs = out["doc_id"].astype(str).to_numpy()
    labels = np.full(n, -1, dtype=np.int64)
    params = dict(threshold=threshold, same=same_speaker_threshold, containment=containment,
                  min_words=min_words, anchors=anchors, max_df=max_df, workers=workers)
    for rows in _partitions(out, by_columns):
        local = _cluster(rows, wordings, text_rank, speakers, docs, **params)
        labels[rows] = local + (labels.max() + 1)
    labels = _join_pieces(out, labels, speakers)
    labels = _stable_ids(labels, text_rank)
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
    groups = frame.reset_index(drop=True).groupby(by_columns, sort=True, dropna=False).indices
    return [np.asarray(rows) for _, rows in sorted(groups.items(), key=lambda kv: str(kv[0]))]


def _cluster(rows: np.ndarray, wordings: np.ndarray, text_rank: np.ndarray, speakers: list,
             docs: np.ndarray, *, threshold: float, same: float, containment: float,
             min_words: int, anchors: int, max_df: int, workers: int) -> np.ndarray:
    """Local cluster labels (0..k-1) for the quotes `rows`.

    Identical wordings are one utterance outright; only the distinct wordings (in sorted
    order, which breaks ties downstream) are compared."""
    ranks, first_row, inverse = np.unique(text_rank[rows], return_index=True, return_inverse=True)
    texts = wordings[ranks].tolist()
    sizes = np.fromiter((t.count(" ") + 1 if t else 0 for t in texts), dtype=np.int64, count=len(texts))
    majority = majority_speakers(inverse.tolist(), [speakers[r] for r in rows])
    who = [majority.get(k) for k in range(len(texts))]
    left, right = _candidate_pairs(texts, anchors, max_df)
    scores = _pair_scores(texts, sizes, who, left, right, threshold, same, containment,
                          min_words, workers)
    # Two quotes of one article are two utterances unless one holds the other.
    doc_of = docs[rows[first_row]]
    same_doc = doc_of[left] == doc_of[right] if len(left) else np.zeros(0, bool)
    scores = np.where(same_doc & (scores < containment), 0.0, scores)
    keep = scores > 0
    return _leader_clusters(sizes, left[keep], right[keep], scores[keep])[inverse]


def _candidate_pairs(texts: list[str], anchors: int, max_df: int,
                     chunk: int = 200_000) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) where j holds at least two of i's rarest features (one, when i has fewer
    than two to go by). A quote's anchors are its features as rare as its `anchors`-th rarest
    (ties included, so the choice never depends on hashing). Features are held as 64-bit
    hashes, never as strings; the join is vectorised and chunked so memory stays bounded."""
    n = len(texts)
    empty = np.empty(0, dtype=np.int64)
    counts = np.zeros(n, dtype=np.int64)
    hashes = np.fromiter(_feature_hashes(texts, counts), dtype=np.int64)
    if len(hashes) == 0:
        return empty, empty
    quote = np.repeat(np.arange(n, dtype=np.int64), counts)
    _, codes = np.unique(hashes, return_inverse=True)
    del hashes
    vocab = int(codes.max()) + 1
    entry, _ = _sorted_unique(quote * vocab + codes)       # one (quote, feature) entry each
    del quote, codes
    quote, word = entry // vocab, entry % vocab
    del entry
    df = np.bincount(word, minlength=vocab)
    usable = (df[word] > 1) & (df[word] <= max_df)
    quote, word = quote[usable], word[usable]
    if len(quote) == 0:
        return empty, empty
    quote_df = df[word]
    order = np.lexsort((quote_df, quote))
    quote, word, quote_df = quote[order], word[order], quote_df[order]
    first = np.r_[0, np.flatnonzero(np.diff(quote)) + 1]
    run = np.diff(np.r_[first, len(quote)])
    kth = np.minimum(first + anchors - 1, np.r_[first[1:], len(quote)] - 1)
    is_anchor = quote_df <= np.repeat(quote_df[kth], run)
    anchor_quote, anchor_word = quote[is_anchor], word[is_anchor]
    per_quote = np.bincount(anchor_quote, minlength=n)
    by_word = np.argsort(word, kind="stable")
    posting_quote = quote[by_word]
    posting_start = np.searchsorted(word[by_word], np.arange(vocab))
    del quote, word, quote_df, by_word
    found: list[np.ndarray] = []
    for lo in range(0, len(anchor_quote), chunk):
        aq, aw = anchor_quote[lo:lo + chunk], anchor_word[lo:lo + chunk]
        sizes = df[aw]
        offsets = np.repeat(posting_start[aw] - np.r_[0, np.cumsum(sizes)[:-1]], sizes)
        other = posting_quote[offsets + np.arange(int(sizes.sum()))]
        mine = np.repeat(aq, sizes)
        keep = other != mine
        keys, shared = _sorted_unique(mine[keep] * n + other[keep])
        keys = keys[shared >= np.where(per_quote[keys // n] >= 2, 2, 1)]
        i, j = keys // n, keys % n
        found.append(np.minimum(i, j) * n + np.maximum(i, j))
    if not found:
        return empty, empty
    pairs, _ = _sorted_unique(np.concatenate(found))
    return pairs // n, pairs % n


def _feature_hashes(texts: list[str], counts: np.ndarray):
    """Content words and word pairs of each quote: pairs stay rare as a corpus grows, where
    single words do not, so they keep candidate lists short; single words survive rewording.
    Fills counts[i] with the number of features of quote i."""
    for i, text in enumerate(texts):
        tokens = text.split()
        features = (content_words(tokens) or tokens) + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
        counts[i] = len(features)
        for f in features:
            yield hash(f)


def _sorted_unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique with counts, by sorting (faster than hashing for millions of int64 keys)."""
    if len(values) == 0:
        return values, values
    values = np.sort(values)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts], np.diff(np.r_[starts, len(values)])


def _pair_scores(texts, sizes, who, left, right, threshold, same, containment, min_words,
                 workers) -> np.ndarray:
    """The similarity of each candidate pair if it makes them variants, else 0.

    The cheap scorer first; the costlier ones only for the pairs it leaves undecided."""
    if len(left) == 0:
        return np.empty(0)
    a = np.array([texts[i] for i in left], dtype=object)
    b = np.array([texts[j] for j in right], dtype=object)
    shorter, longer = np.minimum(sizes[left], sizes[right]), np.maximum(sizes[left], sizes[right])
    agree = np.fromiter((who[i] is not None and who[i] == who[j] for i, j in zip(left, right)),
                        dtype=bool, count=len(left))
    needed = np.where(agree, same, threshold)
    # A few words look alike by chance: short quotes must be near copies.
    needed = np.where(shorter < SHORT_QUOTE, np.maximum(needed, SHORT_QUOTE_THRESHOLD), needed)
    whole = process.cpdist(a, b, scorer=fuzz.ratio, workers=workers).astype(float)
    todo = whole < needed
    if todo.any():
        sort = process.cpdist(a[todo], b[todo], scorer=fuzz.token_sort_ratio, workers=workers)
        whole[todo] = np.maximum(whole[todo], sort)
    whole_ok = whole >= needed
    # Containment: a shorter quote inside a longer one (truncations, pieces, partial quotes).
    long_enough = (shorter >= min_words) | (agree & (shorter >= 2))
    part = np.zeros(len(left))
    todo = long_enough & (shorter < 0.85 * longer)
    if todo.any():
        part[todo] = process.cpdist(a[todo], b[todo], scorer=fuzz.partial_ratio, workers=workers)
    part_ok = part >= np.where(agree, containment - 5, containment)
    return np.where(whole_ok | part_ok, np.maximum(np.where(whole_ok, whole, 0), part), 0.0)


def _leader_clusters(sizes: np.ndarray, left, right, scores) -> np.ndarray:
    """The best-connected quotes become centres first; every other quote joins the centre it
    matches best, or becomes one. Quotes arrive sorted by wording, which breaks ties."""
    n = len(sizes)
    strength = np.bincount(left, scores, n) + np.bincount(right, scores, n)
    order = np.lexsort((np.arange(n), -sizes, -strength))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    src, dst = np.concatenate([left, right]), np.concatenate([right, left])
    both = np.concatenate([scores, scores])
    earlier = rank[dst] < rank[src]          # only a quote ranked earlier can be a centre
    src, dst, both = src[earlier], dst[earlier], both[earlier]
    best_first = np.lexsort((rank[dst], -both, src))
    src, dst = src[best_first], dst[best_first]
    starts = np.searchsorted(src, np.arange(n))
    ends = np.searchsorted(src, np.arange(n), side="right")
    centre = np.arange(n)
    for i in order[(ends > starts)[order]].tolist():
        for j in dst[starts[i]:ends[i]].tolist():
            if centre[j] == j:
                centre[i] = j
                break
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


def _stable_ids(labels: np.ndarray, text_rank: np.ndarray) -> np.ndarray:
    """Number clusters by their smallest normalised wording, so row order does not matter."""
    _, labels = np.unique(labels, return_inverse=True)
    smallest = np.full(labels.max() + 1 if len(labels) else 0, np.iinfo(np.int64).max)
    np.minimum.at(smallest, labels, text_rank)
    order = np.lexsort((np.arange(len(smallest)), smallest))
    new = np.empty(len(smallest), dtype=np.int64)
    new[order] = np.arange(len(smallest))
    return new[labels]


def _canonicals(frame: pd.DataFrame, labels: np.ndarray, texts: list[str], norms: list[str],
                how: str) -> list[str]:
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.r_[True, np.diff(labels[order]) != 0, True])
    chosen = order[bounds[:-1]].copy()          # a cluster of one is its own canonical
    published = None
    if how == "earliest":
        published = pd.to_datetime(frame["published"], errors="coerce", utc=True).tolist()
    for k in np.flatnonzero(np.diff(bounds) > 1).tolist():
        rows = order[bounds[k]:bounds[k + 1]].tolist()
        if published is not None:
            chosen[k] = min(rows, key=lambda r: (pd.isna(published[r]),
                                                 published[r].value if not pd.isna(published[r]) else 0,
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
    sims = process.cdist(sample, sample, scorer=fuzz.token_sort_ratio, workers=1)
    mean = sims.mean(axis=1)
    counts = Counter(sample)
    return full[max(range(len(full)), key=lambda k: (mean[k], counts[sample[k]], len(sample[k]), -k))]
