"""The word index of grouping.index, as dask joins: features per wording, their document
frequencies and rarity, candidate pairs and the judging of pairs all run on the workers; the
client receives only integer pairs and the judged pairs that hold.

Same rules as quotetrack.grouping.index (features: a wording's content words, or all its words
when it has none, and its pairs of adjacent words; anchors: its rarest features, ties included),
keyed by strings instead of codes, which the rules never depend on.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from types import SimpleNamespace

import numpy as np
import pandas as pd

from ..grouping.evidence import Pairs, Rules, judge
from ..grouping.index import SPEAKER_WORD_DF, feature_rarity, is_telling, sorted_unique

__all__ = ["HIDDEN", "Rules", "judged_pairs", "speaker_word_pairs", "unit_summaries", "wording_index"]

# The working columns the Dask path adds to the rows (and drops before returning them).
HIDDEN = SimpleNamespace(
    key="_qt_key", norm="_qt_norm", group="_qt_group", wording="_qt_wording", size="_qt_size", own="_qt_own",
    speaker="_qt_speaker",
    doc="_qt_doc", start="_qt_start", end="_qt_end", kind="_qt_kind", day="_qt_day",
    unit_doc="_qt_unit_doc", label="_qt_label", feature="_qt_feature", pair="_qt_pair",
    telling="_qt_telling", df="_qt_df", r_word="_qt_r_word", r_pair="_qt_r_pair",
    key_doc="_qt_key_doc", key_start="_qt_key_start", key_end="_qt_key_end", key_kind="_qt_key_kind",
    passages="_qt_passages",
)
H = HIDDEN


@dataclass
class WordingIndex:
    """wordings: (key, norm, group, wording rank, size in words, own rarity), one row per distinct
    wording;
    entries: (wording, feature, pair?, telling?, df, word rarity, pair rarity), one row per
    wording and feature; n: the number of distinct wordings. Both persisted on the workers."""
    wordings: object
    entries: object
    n: int
    partitions: int
    text_rank: np.ndarray | None = None    # wording -> rank of its text over all `by` groups

    def text_ranks(self, wording: np.ndarray) -> np.ndarray:
        """The rank of each wording's text among all texts (the first part of the row key in
        memory): the wording's own rank when there is one `by` group."""
        return wording if self.text_rank is None else self.text_rank[wording]

    def candidates(self, anchors: int, max_df: int) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (i < j) of wordings where j holds at least two of i's anchors (one, when i has
        fewer than two): grouping.index.candidate_pairs."""
        usable = self.entries[(self.entries[H.df] > 1) & (self.entries[H.df] <= max_df)]
        usable = usable[[H.wording, H.feature, H.df]]
        meta = _anchors(usable._meta, anchors)
        chosen = usable.shuffle(on=H.wording).map_partitions(_anchors, anchors, meta=meta)
        postings = usable[[H.wording, H.feature]].rename(columns={H.wording: "other"})
        hits = chosen.merge(postings, on=H.feature)
        hits = hits[hits["other"] != hits[H.wording]].assign(shared=1)
        counts = hits.groupby([H.wording, "other", "anchors"])["shared"].sum(split_out=self.partitions)
        found = counts.reset_index().map_partitions(_kept_candidates, meta=_kept_candidates(
            pd.DataFrame({H.wording: [], "other": [], "anchors": [], "shared": []}, dtype=np.int64)))
        got = found.compute()
        n = max(self.n, 1)
        keys, _ = sorted_unique(got["i"].to_numpy(dtype=np.int64) * n + got["j"].to_numpy(dtype=np.int64))
        return keys // n, keys % n


def wording_index(rows, rules: Rules, max_df: int) -> WordingIndex:
    """The distinct wordings of the rows (per `by` group: their key is the group's code and the
    wording), ranked in sorted order (within a group, as np.unique ranks them in memory), with
    their features, document frequencies and rarity within their group."""

    partitions = max(1, rows.npartitions)
    wordings, n = _sorted_ranks(rows[[H.key]], H.key, partitions, _ranked)
    wordings = wordings.persist()
    per_group = wordings[H.group].value_counts().compute().to_dict()    # wordings per group
    text_rank = None
    if len(per_group) > 1:      # the rank of each wording's text over all groups, for cluster ids
        texts, _ = _sorted_ranks(wordings[[H.norm]], H.norm, partitions, _text_ranked)
        pairs = wordings[[H.norm, H.wording]].merge(texts, on=H.norm).compute()
        text_rank = np.empty(n, dtype=np.int64)
        text_rank[pairs[H.wording].to_numpy()] = pairs["text_rank"].to_numpy()
    entries = wordings.map_partitions(_features, meta=_features(wordings._meta))
    df = entries.assign(**{H.df: 1}).groupby(H.feature)[H.df].sum(split_out=partitions).reset_index()
    entries = entries.merge(df, on=H.feature)
    entries = entries.map_partitions(_rarity, per_group, meta=_rarity(entries._meta, per_group)).persist()
    own = entries.groupby(H.wording)[H.r_word].sum(split_out=partitions).reset_index()
    wordings = wordings.merge(own.rename(columns={H.r_word: H.own}), on=H.wording, how="left")
    wordings = wordings.assign(**{H.own: wordings[H.own].fillna(0.0)}).persist()
    return WordingIndex(wordings, entries, n, partitions, text_rank)


def _sorted_ranks(values, column: str, partitions: int, ranked):
    """(the distinct values of `column`, sorted, each with its rank, by `ranked`(partition,
    offset); how many there are): a sort, then each partition numbered from its offset."""
    import dask
    import dask.dataframe as dd

    distinct = values.drop_duplicates(split_out=partitions).persist()
    divisions = _divisions(distinct[column], partitions)
    if divisions is None:       # no values at all
        return _ranked_empty(ranked, distinct), 0
    # explicit divisions: dask's own, from quantiles, fail on strings when a partition is empty
    distinct = distinct.set_index(column, divisions=divisions).reset_index().persist()
    sizes = distinct.map_partitions(len).compute().tolist()
    offsets = np.r_[0, np.cumsum(sizes)[:-1]].astype(np.int64).tolist()
    parts = [dask.delayed(ranked)(part, offset) for part, offset in zip(distinct.to_delayed(), offsets)]
    return dd.from_delayed(parts, meta=ranked(distinct._meta, 0), verify_meta=False), int(sum(sizes))


def _divisions(values, partitions: int, per_partition: int = 64) -> list | None:
    """Split points for a sort of `values`: from up to `per_partition` evenly spaced values of
    each partition, sorted (the smallest and largest among them): a few thousand strings."""
    sample = values.map_partitions(_spaced, per_partition, meta=values._meta).compute()
    points = sorted(set(sample.tolist()))
    if not points:
        return None
    step = max(1, len(points) // partitions)
    inner = points[step:-1:step] if len(points) > 2 else []
    return [points[0], *inner, points[-1]]


def _spaced(values: pd.Series, count: int) -> pd.Series:
    ordered = np.sort(values.to_numpy(dtype=object))
    if len(ordered) == 0:
        return values.iloc[:0]
    return pd.Series(ordered[np.unique(np.linspace(0, len(ordered) - 1, count).astype(np.int64))],
                     dtype=values.dtype)


def _ranked_empty(ranked, distinct):
    import dask.dataframe as dd
    return dd.from_pandas(ranked(distinct._meta, 0), npartitions=1)


def _text_ranked(part: pd.DataFrame, offset: int) -> pd.DataFrame:
    return pd.DataFrame({H.norm: part[H.norm].astype("str").to_numpy(),
                         "text_rank": np.arange(offset, offset + len(part), dtype=np.int64)})


def _ranked(part: pd.DataFrame, offset: int) -> pd.DataFrame:
    keys = part[H.key].astype(object).tolist()
    groups, norms = zip(*(k.split(" ", 1) for k in keys)) if keys else ((), ())
    return pd.DataFrame({H.key: pd.Series(keys, dtype="str"), H.norm: pd.Series(norms, dtype="str"),
                         H.group: np.array(groups, dtype=np.int64),
                         H.wording: np.arange(offset, offset + len(norms), dtype=np.int64),
                         H.size: np.array([t.count(" ") + 1 if t else 0 for t in norms], dtype=np.int64)})


_telling = lru_cache(maxsize=1 << 20)(is_telling)


def _features(part: pd.DataFrame) -> pd.DataFrame:
    """One row per (wording, feature): its content words (all its words when it has none), and
    its pairs of adjacent words ("a b": words hold no space), each prefixed with the wording's
    `by` group ("3|a b": features of two groups are never the same), hashed (_codes)."""
    wording, feature, pair, telling, groups = [], [], [], [], []
    for w, group, text in zip(part[H.wording].tolist(), part[H.group].tolist(),
                              part[H.norm].astype(object).tolist()):
        tokens = text.split(" ") if text else []
        content = [t for t in tokens if _telling(t)]
        singles = dict.fromkeys(content or tokens)
        pairs = dict.fromkeys(f"{a} {b}" for a, b in pairwise(tokens))
        for token in singles:
            feature.append(f"{group}|{token}")
            pair.append(False)
            telling.append(bool(content))
        for joined in pairs:
            feature.append(f"{group}|{joined}")
            pair.append(True)
            telling.append(False)
        wording.extend([w] * (len(singles) + len(pairs)))
        groups.extend([group] * (len(singles) + len(pairs)))
    return pd.DataFrame({H.wording: np.array(wording, dtype=np.int64), H.group: np.array(groups, dtype=np.int64),
                         H.feature: _codes(feature),
                         H.pair: np.array(pair, dtype=bool), H.telling: np.array(telling, dtype=bool)})


def _codes(features: list[str]) -> np.ndarray:
    """Features as 64-bit hashes (the same in every process): joins and shuffles on integers
    instead of strings. Two features would share a code by chance with odds of about n² / 2⁶⁴
    (n distinct features: one in 200,000 for ten million)."""
    if not features:
        return np.empty(0, dtype=np.int64)
    return pd.util.hash_array(np.array(features, dtype=object), categorize=False).view(np.int64)


def _rarity(part: pd.DataFrame, per_group: dict) -> pd.DataFrame:
    """Rarity within the group: the same df means less in a group of more wordings."""
    df, group = part[H.df].to_numpy(dtype=np.int64), part[H.group].to_numpy(dtype=np.int64)
    rarity = np.zeros(len(part))
    for g in np.unique(group).tolist():
        mine = group == g
        rarity[mine] = feature_rarity(df[mine], per_group.get(g, 0))
    pair, telling = part[H.pair].to_numpy(dtype=bool), part[H.telling].to_numpy(dtype=bool)
    return part.assign(**{H.r_word: np.where(telling, rarity, 0.0), H.r_pair: np.where(pair, rarity, 0.0)})


def _anchors(part: pd.DataFrame, anchors: int) -> pd.DataFrame:
    """The anchors of each wording: its usable features as rare as its `anchors`-th rarest."""
    part = part.sort_values([H.wording, H.df], kind="stable")
    wording, df = part[H.wording].to_numpy(dtype=np.int64), part[H.df].to_numpy(dtype=np.int64)
    if len(part) == 0:
        return pd.DataFrame({H.wording: wording, H.feature: part[H.feature].to_numpy(dtype=np.int64),
                             "anchors": wording})
    first = np.r_[0, np.flatnonzero(np.diff(wording)) + 1]
    run = np.diff(np.r_[first, len(wording)])
    kth = first + np.minimum(anchors, run) - 1
    chosen = df <= np.repeat(df[kth], run)
    per_wording = np.add.reduceat(chosen.astype(np.int64), first)
    return pd.DataFrame({H.wording: wording[chosen], H.feature: part[H.feature].to_numpy(dtype=np.int64)[chosen],
                         "anchors": np.repeat(per_wording, run)[chosen]})


def _kept_candidates(part: pd.DataFrame) -> pd.DataFrame:
    """The pairs (i < j) that share enough anchors."""
    shared, anchors = part["shared"].to_numpy(), part["anchors"].to_numpy()
    keep = shared >= np.where(anchors >= 2, 2, 1)
    a, b = part[H.wording].to_numpy(dtype=np.int64)[keep], part["other"].to_numpy(dtype=np.int64)[keep]
    return pd.DataFrame({"i": np.minimum(a, b), "j": np.maximum(a, b)})


def speaker_word_pairs(words: WordingIndex, units: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of units with the same known speaker that share a content word held by at
    most SPEAKER_WORD_DF wordings: grouping.index.speaker_word_pairs, as a join on the workers."""
    import dask.dataframe as dd

    known = units[units[H.speaker] >= 0]
    if known.empty:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    table = pd.DataFrame({"unit": known.index.to_numpy(dtype=np.int64),
                          H.wording: known[H.wording].to_numpy(), H.speaker: known[H.speaker].to_numpy()})
    entries = words.entries
    telling = entries[entries[H.telling] & (entries[H.df] > 1) & (entries[H.df] <= SPEAKER_WORD_DF)]
    held = dd.from_pandas(table, npartitions=words.partitions).merge(
        telling[[H.wording, H.feature]], on=H.wording)[["unit", H.speaker, H.feature]]
    both = held.merge(held.rename(columns={"unit": "other"}), on=[H.speaker, H.feature])
    both = both[both["unit"] < both["other"]][["unit", "other"]]
    got = both.drop_duplicates(split_out=words.partitions).compute()
    n = len(units)
    keys, _ = sorted_unique(got["unit"].to_numpy(dtype=np.int64) * n + got["other"].to_numpy(dtype=np.int64))
    return keys // n, keys % n


def judged_pairs(pairs: pd.DataFrame, words: WordingIndex, rules: Rules, workers: int = 1) -> pd.DataFrame:
    """The candidate unit pairs (left, right, w_left, w_right, speakers, same_doc, far_apart,
    and optionally same_story) that hold, with score, strong and piece: grouping.evidence.judge
    on the workers, over the rarity the two wordings share (grouping.index.WordIndex.shared_rarity,
    as a join)."""
    import dask.dataframe as dd

    columns = ["left", "right", "score", "strong", "piece"]
    if pairs.empty:
        return pd.DataFrame({c: pd.Series([], dtype=float if c == "score" else
                                          bool if c in ("strong", "piece") else np.int64) for c in columns})
    lazy = dd.from_pandas(pairs, npartitions=words.partitions)
    distinct = lazy[["w_left", "w_right"]].drop_duplicates(split_out=words.partitions)
    entries = words.entries
    weighed = entries[(entries[H.r_word] > 0) | (entries[H.r_pair] > 0)]
    weighed = weighed[[H.wording, H.feature, H.r_word, H.r_pair]].rename(columns={H.wording: "w_left"})
    held = distinct.merge(weighed, on="w_left").merge(
        entries[[H.wording, H.feature]].rename(columns={H.wording: "w_right"}), on=["w_right", H.feature])
    shared = held.groupby(["w_left", "w_right"])[[H.r_word, H.r_pair]].sum(split_out=words.partitions)
    lazy = lazy.merge(shared.reset_index(), on=["w_left", "w_right"], how="left")
    texts = words.wordings[[H.wording, H.norm, H.size]]
    for side in ("left", "right"):
        lazy = lazy.merge(texts.rename(columns={H.wording: f"w_{side}", H.norm: f"text_{side}",
                                                H.size: f"size_{side}"}), on=f"w_{side}", how="left")
    meta = pd.DataFrame({c: pd.Series([], dtype=float if c == "score" else
                                      bool if c in ("strong", "piece") else np.int64) for c in columns})
    return lazy.map_partitions(_judged, rules, workers, meta=meta).compute()


def _judged(part: pd.DataFrame, rules: Rules, workers: int) -> pd.DataFrame:
    n = len(part)
    texts = part["text_left"].astype(object).tolist() + part["text_right"].astype(object).tolist()
    sizes = np.r_[part["size_left"].to_numpy(dtype=np.int64), part["size_right"].to_numpy(dtype=np.int64)]
    pairs = Pairs(left=np.arange(n), right=np.arange(n, 2 * n),
                  speakers=part["speakers"].to_numpy(dtype=np.int8),
                  same_doc=part["same_doc"].to_numpy(dtype=bool),
                  far_apart=part["far_apart"].to_numpy(dtype=bool),
                  same_story=part["same_story"].to_numpy(dtype=bool) if "same_story" in part.columns else None)
    shared = part[H.r_word].fillna(0.0).to_numpy(dtype=float)
    in_order = shared + part[H.r_pair].fillna(0.0).to_numpy(dtype=float)
    verdicts = judge(pairs, texts, sizes, shared, in_order, rules, workers)
    keep = verdicts.kept()
    return pd.DataFrame({"left": part["left"].to_numpy(dtype=np.int64)[keep],
                         "right": part["right"].to_numpy(dtype=np.int64)[keep],
                         "score": np.asarray(verdicts.score, dtype=float)[keep],
                         "strong": np.asarray(verdicts.strong, dtype=bool)[keep],
                         "piece": np.asarray(verdicts.piece, dtype=bool)[keep]})


UNIT_COLUMNS = [H.wording, H.speaker, H.unit_doc]


def unit_summaries(rows) -> pd.DataFrame:
    """One line per unit, sorted as in memory (wording, speaker, article or -1): its size, the
    smallest article code and earliest day of its rows, and its smallest row key."""
    columns = [*UNIT_COLUMNS, H.doc, H.start, H.end, H.kind, H.day, H.size]
    lazy = rows[columns].shuffle(on=UNIT_COLUMNS)
    units = lazy.map_partitions(_units, meta=_units(rows._meta[columns])).compute()
    return units.sort_values(UNIT_COLUMNS, kind="stable").reset_index(drop=True)


def _units(part: pd.DataFrame) -> pd.DataFrame:
    ordered = part.sort_values([*UNIT_COLUMNS, H.doc, H.start, H.end, H.kind], kind="stable")
    first = ordered.drop_duplicates(UNIT_COLUMNS, keep="first")
    earliest = part.groupby(UNIT_COLUMNS)[H.day].min().rename("earliest").reset_index()
    out = first.merge(earliest, on=UNIT_COLUMNS, how="left")
    return pd.DataFrame({
        H.wording: out[H.wording].to_numpy(dtype=np.int64), H.speaker: out[H.speaker].to_numpy(dtype=np.int64),
        H.unit_doc: out[H.unit_doc].to_numpy(dtype=np.int64), H.doc: out[H.doc].to_numpy(dtype=np.int64),
        H.day: out["earliest"].to_numpy(dtype=float), H.size: out[H.size].to_numpy(dtype=np.int64),
        H.key_doc: out[H.doc].to_numpy(dtype=np.int64), H.key_start: out[H.start].to_numpy(dtype=np.int64),
        H.key_end: out[H.end].to_numpy(dtype=np.int64), H.key_kind: out[H.kind].to_numpy(dtype=np.int64)})
