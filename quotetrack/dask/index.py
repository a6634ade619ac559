"""The word index of grouping.index on Dask: features per wording, their rarity, candidate pairs
and the judging of pairs all run on the workers. The client receives the document frequencies
of the features held by two wordings or more (and sends them to every worker once), the
candidate pairs and the judged pairs that hold.

Same rules as quotetrack.grouping.index (features: a wording's content words, or all its words
when it has none, and its pairs of adjacent words; anchors: its rarest features, ties included),
keyed by 64-bit hashes instead of codes, which the rules never depend on. Each task finds the
features of its wordings again from their texts (_entries, vectorised as word_index is): cheaper
than shipping a table of (wording, feature) lines through joins and shuffles.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

import numpy as np
import pandas as pd

from ..grouping.evidence import Pairs, Rules, judge
from ..grouping.index import SPEAKER_WORD_DF, feature_rarity, is_telling, sorted_unique, tokens

__all__ = ["HIDDEN", "Rules", "distinct_pairs", "judged_pairs", "shared", "speaker_word_pairs",
           "unit_summaries", "wording_index"]

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
    wording, persisted on the workers; n: the number of distinct wordings; per_group: wordings per
    `by` group; frequencies: the document frequencies of the features held by two wordings or
    more (a Series of df by feature code: the one summary of words that meets on the client,
    about 20 MB per million quotes), sent to the workers once, as a dask.delayed object; held:
    those features of each wording, lazily: found again from the texts when read. The other
    features are never stored: each task finds those of its own wordings again (_entries,
    vectorised)."""
    wordings: object
    n: int
    partitions: int
    per_group: pd.Series
    frequencies: object
    held: object                           # (wording, feature, df, telling) for features of df > 1
    text_rank: np.ndarray | None = None    # wording -> rank of its text over all `by` groups

    def text_ranks(self, wording: np.ndarray) -> np.ndarray:
        """The rank of each wording's text among all texts (the first part of the row key in
        memory): the wording's own rank when there is one `by` group."""
        return wording if self.text_rank is None else self.text_rank[wording]

    def candidates(self, anchors: int, max_df: int):
        """Pairs (i, j) of wordings where j holds at least two of i's anchors (one, when i has
        fewer than two), lazily, each pair maybe more than once (distinct_pairs):
        grouping.index.candidate_pairs. Each wording's usable features go to the worker of the
        feature (one shuffle), which counts the anchors each pair shares there."""
        meta = _postings(self.held._meta, anchors, max_df)
        postings = self.held.map_partitions(_postings, anchors, max_df, meta=meta)
        hits = postings.shuffle(on=H.feature).map_partitions(_anchor_hits, meta=_anchor_hits(meta))
        counts = hits.groupby([H.wording, "other", "anchors"])["shared"].sum(split_out=self.partitions)
        return counts.reset_index().map_partitions(_kept_candidates, meta=_kept_candidates(
            pd.DataFrame({H.wording: [], "other": [], "anchors": [], "shared": []}, dtype=np.int64)))


def distinct_pairs(left: np.ndarray, right: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (left, right) of integers below n, once each, sorted."""
    keys, _ = sorted_unique(np.asarray(left, dtype=np.int64) * max(n, 1) + np.asarray(right, dtype=np.int64))
    return keys // max(n, 1), keys % max(n, 1)


def wording_index(rows, rules: Rules, max_df: int) -> WordingIndex:
    """The distinct wordings of the rows (per `by` group: their key is the group's code and the
    wording), ranked in sorted order (within a group, as np.unique ranks them in memory), with
    their own rarity within their group, and the document frequencies of their features."""
    partitions = max(1, rows.npartitions)
    wordings, n = _sorted_ranks(rows[[H.key]], H.key, partitions, _ranked)
    wordings = wordings.persist()
    per_group = wordings[H.group].value_counts().compute().astype(np.int64)    # wordings per group
    text_rank = None
    if len(per_group) > 1:      # the rank of each wording's text over all groups, for cluster ids
        texts, _ = _sorted_ranks(wordings[[H.norm]], H.norm, partitions, _text_ranked)
        pairs = wordings[[H.norm, H.wording]].merge(texts, on=H.norm)[[H.wording, "text_rank"]].compute()
        text_rank = np.empty(n, dtype=np.int64)
        text_rank[pairs[H.wording].to_numpy()] = pairs["text_rank"].to_numpy()
    codes = wordings.map_partitions(_feature_codes, meta=pd.Series([], dtype=np.int64, name=H.feature))
    df = codes.value_counts(split_out=partitions)
    held_twice = df[df > 1].compute().sort_index()
    frequencies = shared(held_twice.astype(np.int64))
    wordings = wordings.map_partitions(_with_own, frequencies, shared(per_group),
                                       meta=wordings._meta.assign(**{H.own: pd.Series([], dtype=float)})).persist()
    # never persisted: read once, by candidates and speaker_word_pairs computed together
    held = wordings.map_partitions(_held, frequencies, meta=_held(wordings._meta, NO_FREQUENCIES))
    return WordingIndex(wordings, n, partitions, per_group, frequencies, held, text_rank)


def shared(value):
    """`value` as one task of its own, for the tasks of a map_partitions: each worker fetches it
    once. Passed as a plain argument, a table is copied into the spec of every task, and the
    workers keep the specs: (distinct doc_ids) x (partitions) small objects, quadratic in the
    quotes. Give it pandas or numpy objects, not dicts: distributed sends a dict item by item
    (seconds for 100,000 items, while the worker that asked for it waits)."""
    import dask
    return dask.delayed(value, pure=True)


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


def key_parts(keys: pd.Series) -> tuple[np.ndarray, list[str]]:
    """The `by` group's code and the normalised wording of each wording key ("3 we will rebuild")."""
    keys = keys.astype(object).tolist()
    groups, norms = zip(*(k.split(" ", 1) for k in keys)) if keys else ((), ())
    return np.array(groups, dtype=np.int64), list(norms)


def _ranked(part: pd.DataFrame, offset: int) -> pd.DataFrame:
    groups, norms = key_parts(part[H.key])
    return pd.DataFrame({H.key: part[H.key].astype("str").to_numpy(), H.norm: pd.Series(norms, dtype="str"),
                         H.group: groups, H.wording: np.arange(offset, offset + len(norms), dtype=np.int64),
                         H.size: np.array([t.count(" ") + 1 if t else 0 for t in norms], dtype=np.int64)})


cached_telling = lru_cache(maxsize=1 << 16)(is_telling)   # frequent words repeat across texts


@dataclass(frozen=True)
class Entries:
    """One entry per (text, feature) of a list of texts: the owner (position of the text), the
    feature's code, whether it is a pair of adjacent words, and whether it is a content word."""
    owner: np.ndarray
    code: np.ndarray
    pair: np.ndarray
    telling: np.ndarray


def _entries(norms: list[str], groups: np.ndarray) -> Entries:
    """The features of grouping.index.word_index: each text's content words (all its words when
    it has none) and its pairs of adjacent words, prefixed with the text's `by` group (features of
    two groups are never the same), as 64-bit codes that are the same in every process: a word's
    is the hash of "group|word", a pair's the hash of its two words' codes. Vectorised over the
    texts, as word_index is. Two features share a code by chance with odds of about n² / 2⁶⁴ (n
    distinct features: one in 200,000 for ten million)."""
    found = tokens(norms, cached_telling)
    if found is None:
        empty = np.empty(0, dtype=np.int64)
        return Entries(empty, empty, np.empty(0, dtype=bool), np.empty(0, dtype=bool))
    token, vocabulary, telling = found.token, found.vocabulary, found.telling
    owner, single, follows = found.owner, found.single, found.follows
    groups = np.asarray(groups, dtype=np.int64)
    # one code per (group, word) met here
    which, combos = pd.factorize(groups[owner] * len(vocabulary) + token)
    which, width = which.astype(np.int64), len(combos)
    code_of = _codes([f"{g}|{vocabulary[t]}" for g, t in zip((combos // len(vocabulary)).tolist(),
                                                             (combos % len(vocabulary)).tolist())])
    # each (text, word) and (text, pair of words) once
    singles = pd.unique(owner[single] * width + which[single])
    pair, pair_combos = pd.factorize(which[follows] * width + which[np.r_[False, follows[:-1]]])
    pairs = pd.unique(owner[follows] * max(len(pair_combos), 1) + pair)
    pair_code = pd.util.hash_pandas_object(pd.DataFrame({"a": code_of[pair_combos // width],
                                                         "b": code_of[pair_combos % width]}),
                                           index=False).to_numpy().view(np.int64)
    word = singles % width
    return Entries(owner=np.r_[singles // width, pairs // max(len(pair_combos), 1)],
                   code=np.r_[code_of[word], pair_code[pairs % max(len(pair_combos), 1)]],
                   pair=np.r_[np.zeros(len(singles), dtype=bool), np.ones(len(pairs), dtype=bool)],
                   telling=np.r_[telling[combos[word] % len(vocabulary)], np.zeros(len(pairs), dtype=bool)])


def _codes(features: list[str]) -> np.ndarray:
    """Strings as 64-bit hashes, the same in every process."""
    if not features:
        return np.empty(0, dtype=np.int64)
    return pd.util.hash_array(np.array(features, dtype=object), categorize=False).view(np.int64)


def _part_entries(part: pd.DataFrame) -> Entries:
    return _entries(part[H.norm].astype(object).tolist(), part[H.group].to_numpy(dtype=np.int64))


def _feature_codes(part: pd.DataFrame) -> pd.Series:
    return pd.Series(_part_entries(part).code, dtype=np.int64, name=H.feature)


NO_FREQUENCIES = pd.Series([], dtype=np.int64)


def _frequency(frequencies: pd.Series, codes: np.ndarray) -> np.ndarray:
    """The df of each feature: 1 for those absent from `frequencies` (held by one wording). The
    index's hash table is built once per worker: every task is given the same Series."""
    if len(frequencies) == 0:
        return np.ones(len(codes), dtype=np.int64)
    at = frequencies.index.get_indexer(codes)
    return np.where(at >= 0, frequencies.to_numpy()[at], 1)


def rarity_in_groups(df: np.ndarray, group: np.ndarray, per_group: pd.Series) -> np.ndarray:
    """Rarity within the group: the same df means less in a group of more wordings."""
    rarity = np.zeros(len(df))
    for g in np.unique(group).tolist():
        mine = group == g
        rarity[mine] = feature_rarity(df[mine], per_group.get(g, 0))
    return rarity


def _with_own(part: pd.DataFrame, frequencies, per_group: pd.Series) -> pd.DataFrame:
    """The wordings with their own rarity: the summed rarity of their content words."""
    entries = _part_entries(part)
    group = part[H.group].to_numpy(dtype=np.int64)[entries.owner]
    rarity = rarity_in_groups(_frequency(frequencies, entries.code), group, per_group)
    return part.assign(**{H.own: np.bincount(entries.owner, np.where(entries.telling, rarity, 0.0), len(part))})


def _held(part: pd.DataFrame, frequencies) -> pd.DataFrame:
    """(wording, feature, df, telling) for the features of the wordings that another wording
    holds too: all that finding candidates needs."""
    entries = _part_entries(part)
    df = _frequency(frequencies, entries.code)
    twice = df > 1
    return pd.DataFrame({H.wording: part[H.wording].to_numpy(dtype=np.int64)[entries.owner[twice]],
                         H.feature: entries.code[twice], H.df: df[twice], H.telling: entries.telling[twice]})


def _postings(held: pd.DataFrame, anchors: int, max_df: int) -> pd.DataFrame:
    """(feature, wording, anchors: how many the wording has when the feature is one of them, else
    -1) for the features usable to find candidates: held by more than one wording and at most
    max_df."""
    chosen = _anchors(held[held[H.df] <= max_df], anchors)
    return pd.DataFrame({H.feature: chosen[H.feature].to_numpy(dtype=np.int64),
                         H.wording: chosen[H.wording].to_numpy(dtype=np.int64),
                         "anchors": np.where(chosen["is_anchor"].to_numpy(dtype=bool),
                                             chosen["anchors"].to_numpy(dtype=np.int64), -1)})


def _anchor_hits(part: pd.DataFrame) -> pd.DataFrame:
    """(wording, other, anchors, shared) for each anchor of a wording held by another wording."""
    chosen = part[part["anchors"] >= 0]
    hits = chosen.merge(part[[H.feature, H.wording]].rename(columns={H.wording: "other"}), on=H.feature)
    hits = hits[hits["other"] != hits[H.wording]]
    return hits.groupby([H.wording, "other", "anchors"], as_index=False).size() \
        .rename(columns={"size": "shared"}).astype(np.int64)


def _anchors(part: pd.DataFrame, anchors: int) -> pd.DataFrame:
    """Each wording's usable features, with whether it is one of the wording's anchors (its
    features as rare as its `anchors`-th rarest, ties included) and how many anchors it has."""
    part = part.sort_values([H.wording, H.df], kind="stable")
    wording, df = part[H.wording].to_numpy(dtype=np.int64), part[H.df].to_numpy(dtype=np.int64)
    if len(part) == 0:
        return pd.DataFrame({H.wording: wording, H.feature: part[H.feature].to_numpy(dtype=np.int64),
                             "anchors": wording, "is_anchor": np.zeros(0, dtype=bool)})
    first = np.r_[0, np.flatnonzero(np.diff(wording)) + 1]
    run = np.diff(np.r_[first, len(wording)])
    kth = first + np.minimum(anchors, run) - 1
    chosen = df <= np.repeat(df[kth], run)
    per_wording = np.add.reduceat(chosen.astype(np.int64), first)
    return pd.DataFrame({H.wording: wording, H.feature: part[H.feature].to_numpy(dtype=np.int64),
                         "anchors": np.repeat(per_wording, run), "is_anchor": chosen})


def _kept_candidates(part: pd.DataFrame) -> pd.DataFrame:
    """The pairs (i < j) that share enough anchors."""
    shared, anchors = part["shared"].to_numpy(), part["anchors"].to_numpy()
    keep = shared >= np.where(anchors >= 2, 2, 1)
    a, b = part[H.wording].to_numpy(dtype=np.int64)[keep], part["other"].to_numpy(dtype=np.int64)[keep]
    return pd.DataFrame({"i": np.minimum(a, b), "j": np.maximum(a, b)})


def speaker_word_pairs(words: WordingIndex, units: pd.DataFrame):
    """Pairs (unit, other) of units with the same known speaker that share a content word held
    by at most SPEAKER_WORD_DF wordings, lazily, each maybe more than once (distinct_pairs):
    grouping.index.speaker_word_pairs, as a join on the workers."""
    import dask.dataframe as dd

    meta = pd.DataFrame({"unit": [], "other": []}, dtype=np.int64)
    known = units[units[H.speaker] >= 0]
    if known.empty:
        return meta
    table = pd.DataFrame({"unit": known.index.to_numpy(dtype=np.int64),
                          H.wording: known[H.wording].to_numpy(), H.speaker: known[H.speaker].to_numpy()})
    held = words.held
    telling = held[held[H.telling] & (held[H.df] <= SPEAKER_WORD_DF)][[H.wording, H.feature]]
    held = dd.from_pandas(table, npartitions=words.partitions).merge(telling, on=H.wording)
    both = held[["unit", H.speaker, H.feature]].shuffle(on=[H.speaker, H.feature]).map_partitions(
        _same_speaker_word, meta=meta)
    return both.drop_duplicates(split_out=words.partitions)


def _same_speaker_word(part: pd.DataFrame) -> pd.DataFrame:
    """(unit, other): pairs of units of one speaker holding one word, within the partition."""
    both = part.merge(part.rename(columns={"unit": "other"}), on=[H.speaker, H.feature])
    both = both[both["unit"] < both["other"]]
    return both[["unit", "other"]].drop_duplicates().astype(np.int64)


def judged_pairs(pairs: pd.DataFrame, words: WordingIndex, rules: Rules, workers: int = 1) -> pd.DataFrame:
    """The candidate unit pairs (left, right, w_left, w_right, speakers, same_doc, far_apart,
    and optionally same_story) that hold, with score, strong and piece: grouping.evidence.judge
    on the workers, each pair with the texts of its two wordings, whose shared rarity each task
    finds (grouping.index.WordIndex.shared_rarity)."""
    import dask.dataframe as dd

    meta = pd.DataFrame({c: pd.Series([], dtype=float if c == "score" else bool if c in ("strong", "piece")
                                      else np.int64) for c in ("left", "right", "score", "strong", "piece")})
    if pairs.empty:
        return meta
    lazy = dd.from_pandas(pairs, npartitions=words.partitions)
    texts = words.wordings[[H.wording, H.norm, H.size, H.group]]
    for side in ("left", "right"):
        lazy = lazy.merge(texts.rename(columns={H.wording: f"w_{side}", H.norm: f"text_{side}",
                                                H.size: f"size_{side}", H.group: f"group_{side}"}),
                          on=f"w_{side}", how="left")
    return lazy.map_partitions(_judged, rules, workers, words.frequencies, shared(words.per_group),
                               meta=meta).compute()


def _judged(part: pd.DataFrame, rules: Rules, workers: int, frequencies, per_group: pd.Series) -> pd.DataFrame:
    n = len(part)
    left, right = part["text_left"].astype(object).tolist(), part["text_right"].astype(object).tolist()
    sizes = np.r_[part["size_left"].to_numpy(dtype=np.int64), part["size_right"].to_numpy(dtype=np.int64)]
    pairs = Pairs(left=np.arange(n), right=np.arange(n, 2 * n),
                  speakers=part["speakers"].to_numpy(dtype=np.int8),
                  same_doc=part["same_doc"].to_numpy(dtype=bool),
                  far_apart=part["far_apart"].to_numpy(dtype=bool),
                  same_story=part["same_story"].to_numpy(dtype=bool) if "same_story" in part.columns else None)
    shared, in_pairs = _shared_rarity(part, frequencies, per_group)
    verdicts = judge(pairs, left + right, sizes, shared, shared + in_pairs, rules, workers)
    keep = verdicts.kept()
    return pd.DataFrame({"left": part["left"].to_numpy(dtype=np.int64)[keep],
                         "right": part["right"].to_numpy(dtype=np.int64)[keep],
                         "score": np.asarray(verdicts.score, dtype=float)[keep],
                         "strong": np.asarray(verdicts.strong, dtype=bool)[keep],
                         "piece": np.asarray(verdicts.piece, dtype=bool)[keep]})


def _shared_rarity(part: pd.DataFrame, frequencies, per_group: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """For each pair of wordings (w_left, w_right) of the partition: the summed rarity of the
    content words both hold, and of the pairs of adjacent words both hold. Each distinct
    wording's features are found once."""
    n = len(part)
    which, distinct = pd.factorize(np.r_[part["w_left"].to_numpy(dtype=np.int64),
                                         part["w_right"].to_numpy(dtype=np.int64)])
    _, seen = np.unique(which, return_index=True)      # the first row of each wording
    texts = np.r_[part["text_left"].to_numpy(dtype=object), part["text_right"].to_numpy(dtype=object)]
    group = np.r_[part["group_left"].to_numpy(dtype=np.int64), part["group_right"].to_numpy(dtype=np.int64)][seen]
    entries = _entries(texts[seen].tolist(), group)
    if n == 0 or len(entries.code) == 0:
        return np.zeros(n), np.zeros(n)
    order = np.argsort(entries.owner, kind="stable")
    owner, code = entries.owner[order], entries.code[order]
    local, _ = pd.factorize(code)
    width = int(local.max()) + 1
    keys = owner * width + local                       # sorted by owner, then as found
    lookup = np.sort(keys)
    rarity = rarity_in_groups(_frequency(frequencies, code), group[owner], per_group)
    word, pair = np.where(entries.telling[order], rarity, 0.0), np.where(entries.pair[order], rarity, 0.0)
    starts = np.searchsorted(owner, np.arange(len(distinct) + 1))
    mine, theirs = which[:n], which[n:]
    counts = np.diff(starts)[mine]
    pair_of = np.repeat(np.arange(n), counts)
    entry = np.repeat(starts[mine] - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    wanted = theirs[pair_of] * width + local[entry]
    hit = lookup[np.minimum(np.searchsorted(lookup, wanted), len(lookup) - 1)] == wanted
    return (np.bincount(pair_of[hit], word[entry[hit]], n), np.bincount(pair_of[hit], pair[entry[hit]], n))


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
