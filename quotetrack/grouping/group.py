"""The implementation of `group_variants`: the steps its package docstring lists, in order."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from ..frames import require_columns
from ..normalize import normalized
from ..schema import DIRECT, is_none, is_reported
from .canonical import passage_columns
from .clusters import cluster_units, join_fragments, join_pieces, stable_ids
from .evidence import (
    SAME,
    SHORT_QUOTE,
    STORY_DAYS,
    STORY_SHARED,
    UNKNOWN_SPEAKER_FACTOR,
    Pairs,
    Rules,
    judge,
    speaker_relation,
)
from .index import ANCHORS, MAX_DF, SPEAKER_WORD_DF, candidate_pairs, sorted_unique, speaker_word_pairs, word_index
from .reported import link_reported

# The defaults, once: the rules' own (evidence.Rules) and how candidates are found.
DEFAULTS = {**asdict(Rules()), "anchors": ANCHORS, "max_df": MAX_DF}


def group_variants(quotes: pd.DataFrame, *, threshold: float = DEFAULTS["threshold"],
                   same_speaker_threshold: float = DEFAULTS["same_speaker_threshold"],
                   containment: float = DEFAULTS["containment"],
                   min_words: int = DEFAULTS["min_words"],
                   distinctive: float = DEFAULTS["distinctive"],
                   max_days: float = DEFAULTS["max_days"],
                   by: str | Sequence[str] | None = None,
                   canonical: str = "consensus", anchors: int = DEFAULTS["anchors"],
                   max_df: int = DEFAULTS["max_df"], workers: int = -1) -> pd.DataFrame:
    """Add `cluster_id` (one per utterance), `passage_id` (one per passage of it: the sentences
    that sources print together; NA for reported statements), `canonical` (the common wording of
    the row's passage) and `passage_sources` (how many sources render that passage).

    threshold: similarity (0-100: the better of rapidfuzz's ratio and token_sort_ratio, so
        reordered words still count) that makes two quotes variants; `same_speaker_threshold`
        applies when both have the same speaker.
    containment: similarity (partial_ratio: the best-aligned part of the longer quote) at
        which a shorter quote counts as a piece of a longer one (truncations, partial quotes);
        only for pieces of `min_words` words or more, or with the same speaker.
    distinctive: how rare the words two quotes share must be: the sum, over the shared content
        words, of (1 - log(1 + df) / log(1 + N))² where df of the N wordings hold the word (N
        counted as at least 1000). Common words are no evidence; an unknown speaker leaves more
        to the wording (x2).
    max_days: quotes whose `published` dates lie further apart need closer wording.
    by: column(s) to group within only, best a story id: each group is also one story, inside
        which the same speaker's renderings of a passage need half the word evidence (so a
        broad group, a whole day of news, relaxes that evidence across it).
    canonical: "consensus" (per passage, the rendering closest on average to the others) or
        "earliest" (needs a `published` column); chosen among the quotes, never a reported
        statement.
    anchors, max_df: how many of a quote's rarest words find its candidates, and how common a
        word may be to serve (words in more than max_df wordings are not looked up).

    Two different known speakers are two utterances unless the quote is long (8 words or more)
    and nearly the same; a quote under 5 words joins another article's only with the same
    speaker and as the same words, never as a piece of a longer quote. Rows of kind `reported`
    join the quotes they report only on strong evidence and never change how the quotes group
    (see reported.py).
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
        return _with_empty_group_columns(out)
    texts = [t if isinstance(t, str) else "" for t in out["text"].tolist()]
    norms = [normalized(t) for t in texts]
    wordings, text_rank = np.unique(np.array(norms, dtype=object), return_inverse=True)
    rows = _rows(out, text_rank)
    reported = is_reported(out)
    rules = Rules(threshold=threshold, same_speaker_threshold=same_speaker_threshold,
                  containment=containment, min_words=min_words, distinctive=distinctive,
                  max_days=max_days)
    labels = np.full(n, -1, dtype=np.int64)
    for part in _partitions(out, by_columns):
        quoted = part[~reported[part]]
        if len(quoted):
            labels[quoted] = _cluster(quoted, wordings, rows, rules, anchors, max_df, workers,
                                      bool(by_columns)) + (labels.max() + 1)
    speakers = [None if s < 0 else s for s in rows.speaker.tolist()]
    labels = join_pieces(out, labels, speakers, ~reported, rows.key)
    kinds = out["kind"].astype(str).tolist() if "kind" in out.columns else [DIRECT] * n
    labels, borrowed = join_fragments(labels, kinds, out["doc_id"].astype(str).tolist(), speakers, norms, ~reported)
    if reported.any():
        for part in _partitions(out, by_columns):
            labels = link_reported(out, part, labels, reported, wordings, rows, rules, workers,
                                   borrowed)
    out["cluster_id"] = stable_ids(labels, rows.key)
    _finish(out, canonical, texts, norms, reported, rows.key, workers)
    return out


def finish_clusters(quotes: pd.DataFrame, canonical: str = "consensus") -> pd.DataFrame:
    """What group_variants adds once every row has its `cluster_id`: `passage_id`, `canonical`
    and `passage_sources`. It works cluster by cluster (passages numbered from 0 in cluster
    order), so it gives the same rows on any frame that holds whole clusters, up to that
    numbering (quotetrack.dask runs it on each partition after a shuffle on cluster_id)."""
    return finished_clusters(quotes, canonical)[0]


def finished_clusters(quotes: pd.DataFrame, canonical: str = "consensus",
                      workers: int = -1) -> tuple[pd.DataFrame, pd.Series]:
    """finish_clusters, and how many passages each cluster has (indexed by cluster_id, in
    order; a passage may be no row's own), from which passage ids numbered over a larger frame
    follow. `workers`: rapidfuzz's threads (-1: every core; a Dask task takes 1)."""
    out = quotes.copy()
    if len(out) == 0:
        return _with_empty_group_columns(out), pd.Series([], dtype=np.int64)
    texts = [t if isinstance(t, str) else "" for t in out["text"].tolist()]
    norms = [normalized(t) for t in texts]
    _, text_rank = np.unique(np.array(norms, dtype=object), return_inverse=True)
    counts = _finish(out, canonical, texts, norms, is_reported(out), _rows(out, text_rank).key, workers)
    return out, pd.Series(counts, dtype=np.int64)


def _finish(out: pd.DataFrame, canonical: str, texts: list[str], norms: list[str],
            reported: np.ndarray, row_key: np.ndarray, workers: int = -1) -> dict:
    """Writes the passage columns; returns {cluster: number of passages}."""
    labels = out["cluster_id"].to_numpy()
    published = pd.to_datetime(out["published"], errors="coerce", utc=True).tolist() \
        if canonical == "earliest" else None
    found = passage_columns(labels, texts, norms, out["doc_id"].astype(str).tolist(), row_key,
                            ~reported, published, workers)
    out["passage_id"] = pd.array([None if p < 0 else p for p in found.passage.tolist()], dtype="Int64")
    out["canonical"] = found.canonical
    out["passage_sources"] = pd.array([None if p < 0 else s for p, s in
                                       zip(found.passage.tolist(), found.sources.tolist())], dtype="Int64")
    return found.counts


def _with_empty_group_columns(out: pd.DataFrame) -> pd.DataFrame:
    out["cluster_id"] = pd.Series([], dtype="int64", index=out.index)
    out["passage_id"] = pd.Series([], dtype="Int64", index=out.index)
    out["canonical"] = pd.Series([], dtype=object, index=out.index)
    out["passage_sources"] = pd.Series([], dtype="Int64", index=out.index)
    return out


@dataclass(frozen=True)
class Rows:
    """Per row: its normalised wording (rank), speaker and article (codes, -1 unknown), day of
    publication (NaN unknown) and key: a rank over all of these, its offsets and kind, equal
    only for rows that are copies of each other. Ties are broken by keys, never by row order."""
    wording: np.ndarray
    speaker: np.ndarray
    doc: np.ndarray
    day: np.ndarray
    key: np.ndarray


def _rows(frame: pd.DataFrame, text_rank: np.ndarray) -> Rows:
    n = len(frame)
    speaker = _codes([None if is_none(s) or not s else s for s in frame["speaker"].tolist()]
                     if "speaker" in frame.columns else [None] * n)
    doc = _codes(frame["doc_id"].astype(str).tolist())
    where = [pd.to_numeric(frame[c], errors="coerce").fillna(-1).to_numpy(dtype=np.int64)
             if c in frame.columns else np.zeros(n, dtype=np.int64) for c in ("start", "end")]
    kind = _codes(frame["kind"].astype(str).tolist()) if "kind" in frame.columns else np.zeros(n, np.int64)
    _, key = _group_by(text_rank, speaker, doc, *where, kind)
    return Rows(wording=text_rank, speaker=speaker, doc=doc, day=_days(frame), key=key)


def _codes(values: list) -> np.ndarray:
    """Sorted codes for strings (so no row order enters), -1 for None."""
    codes, _ = pd.factorize(pd.Series(values, dtype=object), sort=True, use_na_sentinel=True)
    return codes.astype(np.int64)


def _days(frame: pd.DataFrame) -> np.ndarray:
    if "published" not in frame.columns:
        return np.full(len(frame), np.nan)
    stamps = pd.to_datetime(frame["published"], errors="coerce", utc=True)
    return (stamps - pd.Timestamp(0, tz="UTC")).dt.total_seconds().to_numpy(dtype=float) / 86400.0


def _partitions(frame: pd.DataFrame, by_columns: list[str]) -> list[np.ndarray]:
    if not by_columns:
        return [np.arange(len(frame))]
    groups = frame.reset_index(drop=True).groupby(by_columns, sort=True, dropna=False).indices
    return [np.asarray(rows) for _, rows in sorted(groups.items(), key=lambda kv: str(kv[0]))]


# A quote in more articles than this (a slogan, a famous line) says nothing of which articles
# tell one story.
STORY_ARTICLES = 20


def _cluster(rows: np.ndarray, wordings: np.ndarray, every: Rows, rules: Rules, anchors: int,
             max_df: int, workers: int, one_story: bool = False) -> np.ndarray:
    """Local cluster labels (0..k-1) for the quotes `rows`.

    Quotes are compared as units: one wording said by one speaker. Rows with the same wording are
    one unit outright only when that wording alone is evidence enough (distinctive, and long or
    with a known speaker); otherwise each article's copy is a unit of its own (two people saying
    `We'll see`)."""
    ranks, local_wording = np.unique(every.wording[rows], return_inverse=True)
    texts = wordings[ranks].tolist()
    sizes = np.fromiter((t.count(" ") + 1 if t else 0 for t in texts), dtype=np.int64, count=len(texts))
    index = word_index(texts)
    rarity = index.rarity()
    own = index.unit_rarity(rarity)
    speaker, doc, day = every.speaker[rows], every.doc[rows], every.day[rows]
    known = speaker >= 0
    needed = np.where(known, rules.distinctive, rules.distinctive * UNKNOWN_SPEAKER_FACTOR)
    self_evident = (own[local_wording] >= needed) & (known | (sizes[local_wording] >= SHORT_QUOTE))
    unit_keys, unit_of_row = _group_by(local_wording, speaker, np.where(self_evident, -1, doc))
    unit_wording, unit_speaker = unit_keys[:, 0], unit_keys[:, 1]
    unit_doc = _per_unit(unit_of_row, doc, len(unit_keys), np.minimum)
    unit_day = _per_unit(unit_of_row, day, len(unit_keys), np.fmin)   # the earliest
    w_left, w_right = candidate_pairs(index, anchors, max_df)
    left, right = _unit_pairs(unit_wording, unit_keys[:, 2] < 0, w_left, w_right)
    s_left, s_right = speaker_word_pairs(index, unit_wording, unit_speaker, SPEAKER_WORD_DF)
    left, right = _union(left, right, s_left, s_right, len(unit_keys))
    shared, in_pairs = index.shared_rarity(rarity, unit_wording[left], unit_wording[right],
                                           index.rarity(pairs=True))
    in_order = shared + in_pairs
    pairs = Pairs(left=left, right=right,
                  speakers=speaker_relation(unit_speaker, left, right),
                  same_doc=unit_doc[left] == unit_doc[right],
                  far_apart=np.abs(unit_day[left] - unit_day[right]) > rules.max_days)
    unit_texts = [texts[w] for w in unit_wording.tolist()]
    verdicts = judge(pairs, unit_texts, sizes[unit_wording], shared, in_order, rules, workers)
    labels = cluster_units(sizes[unit_wording], unit_speaker, left, right, verdicts)
    # Inside one story, the same speaker's renderings of a passage need less word evidence.
    story = _one_story(labels[unit_of_row], doc, unit_doc[left], unit_doc[right], one_story) \
        & ~(np.abs(unit_day[left] - unit_day[right]) > STORY_DAYS)
    again = story & (pairs.speakers == SAME) & ~pairs.same_doc & ~verdicts.kept()
    if again.any():
        retried = judge(Pairs(left=left[again], right=right[again], speakers=pairs.speakers[again],
                              same_doc=pairs.same_doc[again], far_apart=pairs.far_apart[again],
                              same_story=np.ones(int(again.sum()), dtype=bool)),
                        unit_texts, sizes[unit_wording], shared[again], in_order[again], rules, workers)
        verdicts = verdicts.updated(again, retried)
        labels = cluster_units(sizes[unit_wording], unit_speaker, left, right, verdicts)
    return labels[unit_of_row]


def _one_story(labels: np.ndarray, doc: np.ndarray, doc_a: np.ndarray, doc_b: np.ndarray,
               everything: bool) -> np.ndarray:
    """Whether the articles doc_a[i] and doc_b[i] are one story: they share STORY_SHARED
    utterances already (or `everything`: the caller grouped by story with by=). Pairs of articles,
    not chains of them: quotes reprinted across a year of news never make one story of it."""
    if everything:
        return np.ones(len(doc_a), dtype=bool)
    docs_of = pd.DataFrame({"label": labels, "doc": doc}).drop_duplicates()
    docs_of = docs_of[docs_of.groupby("label")["doc"].transform("size").between(2, STORY_ARTICLES)]
    if docs_of.empty or len(doc_a) == 0:
        return np.zeros(len(doc_a), dtype=bool)
    pairs = docs_of.merge(docs_of, on="label")
    pairs = pairs[pairs["doc_x"] < pairs["doc_y"]]
    width = int(doc.max()) + 1
    counted = (pairs["doc_x"] * width + pairs["doc_y"]).value_counts()
    stories = counted.index[counted.to_numpy() >= STORY_SHARED].to_numpy()
    return np.isin(np.minimum(doc_a, doc_b) * width + np.maximum(doc_a, doc_b), stories)


def _group_by(*columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct rows of the columns, sorted; the index of each row among them): np.unique(axis=0)
    by lexsort, which is much faster on millions of rows."""
    order = np.lexsort(columns[::-1])
    table = np.stack(columns, axis=1)[order]
    new = np.r_[True, (table[1:] != table[:-1]).any(axis=1)] if len(table) else np.zeros(0, bool)
    inverse = np.empty(len(table), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return table[new], inverse


def _per_unit(unit_of_row: np.ndarray, values: np.ndarray, n_units: int, combine) -> np.ndarray:
    """The rows' values combined (np.minimum, np.fmin, ...) within each unit."""
    out = np.full(n_units, np.nan if values.dtype.kind == "f" else np.iinfo(np.int64).max,
                  dtype=values.dtype)
    combine.at(out, unit_of_row, values)
    return out


def _unit_pairs(unit_wording: np.ndarray, whole: np.ndarray, w_left: np.ndarray,
                w_right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs of units: every unit of one wording with every unit of the other, and the
    units of one wording that are `whole` (not split by article) with each other: the same words
    under two speakers. (Units split by article are so because their words alone prove nothing.)
    Units arrive sorted by wording."""
    first = np.searchsorted(unit_wording, np.arange(unit_wording.max() + 2 if len(unit_wording) else 1))
    count = np.diff(first)
    # across wordings
    ka, kb = count[w_left], count[w_right]
    reps = ka * kb
    pair = np.repeat(np.arange(len(w_left)), reps)
    step = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
    left = first[w_left][pair] + step // kb[pair]
    right = first[w_right][pair] + step % kb[pair]
    # within one wording
    per_wording = np.bincount(unit_wording[whole], minlength=len(count))
    lefts, rights = [left], [right]
    for w in np.flatnonzero(per_wording > 1).tolist():
        units = np.arange(first[w], first[w + 1])
        units = units[whole[units]]
        i, j = np.triu_indices(len(units), k=1)
        lefts.append(units[i])
        rights.append(units[j])
    return np.concatenate(lefts).astype(np.int64), np.concatenate(rights).astype(np.int64)


def _union(left: np.ndarray, right: np.ndarray, more_left: np.ndarray, more_right: np.ndarray,
           n: int) -> tuple[np.ndarray, np.ndarray]:
    keys, _ = sorted_unique(np.r_[left * n + right, more_left * n + more_right])
    return keys // n, keys % n
