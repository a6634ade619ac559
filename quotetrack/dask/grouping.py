"""group_variants and score_drift over dask DataFrames: the clusters of the in-memory path, without
bringing the quote rows to one machine.

The rows stay on the workers. The word index (features, rarity), the candidate pairs and the
judging of each pair (rapidfuzz) run there too, as dask joins, shuffles and map_partitions
(index.py). What the client gathers, all of it integers and floats:
- the document frequencies of the features held by two wordings or more (a Series of integers
  by feature code), which it sends back to every worker once;
- the distinct speaker names, the distinct doc_ids and kinds (sorted, their ranks order units and
  break ties as in memory);
- one line per unit (a wording said by one speaker, or one article's copy of it): its wording's
  rank and length, speaker, article, earliest day and smallest row key;
- the candidate pairs of wordings and of units, and the judged pairs that hold;
- when some pairs of one speaker across articles were rejected: the articles of each unit whose
  wording stands on its own (one line per unit and article), to find the articles of one story
  (grouping._one_story); those pairs go back to the workers to be judged again;
- the pairs of consecutive pieces of quotes split in their article, and how many articles their
  clusters span; the votes of fragments (partial quotes) for the quotes of their article that
  hold them, and whether the voting clusters are fragments only;
- the number of passages of each cluster;
- with reported rows (reported.py): the rank of each quote wording's text among all texts, one
  line of integers per report (its `by` group, its text's rank, speaker, article, offsets), the
  label of the quote each report holds or paraphrases (found on the workers), the pairs of
  reports worded alike (two ids and a score), and how many rows each `by` group has.
On these the client runs the in-memory clustering itself (cluster_units, _one_story,
joined_clusters, chosen_hosts, the reports' _report_labels, stable_ids), and sends each unit's
(and report's) cluster_id back to the rows.
Everything decided once clusters are known (passages, canonical, drift) runs per cluster on the
workers after a shuffle on cluster_id, by the in-memory functions (grouping.finish_clusters,
score_drift), so it stays in step with them; the client only sends each cluster's first
passage_id, so that passages are numbered over the whole frame as in memory.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..drift import score_drift as _score_drift
from ..frames import require_columns
from ..grouping import DEFAULTS, finished_clusters
from ..grouping.clusters import (
    chosen_hosts,
    cluster_units,
    fragment_votes,
    joined_clusters,
    piece_pairs,
    stable_ids,
)
from ..grouping.evidence import (
    SAME,
    SHORT_QUOTE,
    STORY_DAYS,
    UNKNOWN_SPEAKER_FACTOR,
    Rules,
    Verdicts,
    speaker_relation,
)
from ..grouping.group import _days, _group_by, _one_story, _union, _unit_pairs
from ..normalize import normalized
from ..schema import PARTIAL, REPORTED, TEXT_DTYPE, is_none
from .index import (
    HIDDEN,
    distinct_pairs,
    judged_pairs,
    key_parts,
    shared,
    speaker_word_pairs,
    unit_summaries,
    wording_index,
)
from .reported import split_reports, with_reports


def group_variants(quotes, *, threshold: float = DEFAULTS["threshold"],
                   same_speaker_threshold: float = DEFAULTS["same_speaker_threshold"],
                   containment: float = DEFAULTS["containment"],
                   min_words: int = DEFAULTS["min_words"],
                   distinctive: float = DEFAULTS["distinctive"],
                   max_days: float = DEFAULTS["max_days"], by=None,
                   canonical: str = "consensus", anchors: int = DEFAULTS["anchors"],
                   max_df: int = DEFAULTS["max_df"], workers: int = 1):
    """quotetrack.group_variants over a dask DataFrame of quotes: a dask DataFrame with the same
    rows, `cluster_id`, `passage_id`, `canonical` and `passage_sources` (the same clusters, ids
    and passages as in memory), partitioned by cluster_id. The summaries are computed when
    called, and so are the grouped rows, persisted on the workers (each cluster's passages must
    be counted before passage_id can be numbered over the whole frame).

    Options as quotetrack.group_variants; `workers`: rapidfuzz's threads in each task (the
    in-memory default, -1, would take every core in each of the worker's threads). Rows of kind
    `reported` join the clusters as in memory (reported.py).
    """
    require_columns(quotes._meta, ["doc_id", "text"], "group_variants")
    if canonical not in ("consensus", "earliest"):
        raise ValueError(f"canonical must be 'consensus' or 'earliest', not {canonical!r}")
    if canonical == "earliest":
        require_columns(quotes._meta, ["published"], "group_variants(canonical='earliest')")
    by_columns = [by] if isinstance(by, str) else list(by or [])
    require_columns(quotes._meta, by_columns, "group_variants(by=...)")
    rules = Rules(threshold=threshold, same_speaker_threshold=same_speaker_threshold,
                  containment=containment, min_words=min_words, distinctive=distinctive,
                  max_days=max_days)
    quotes = quotes.persist()     # read three times below: extraction runs once
    codes = _codes(quotes, by_columns)
    rows = quotes.map_partitions(_row_columns, *map(shared, codes), by_columns,
                                 meta=_row_columns(quotes._meta, *(pd.Index([]),) * 4, by_columns))
    reported = _code_of(codes[2], REPORTED)
    rows, reports = split_reports(rows.persist(), reported)
    meta = quotes._meta
    del quotes                    # the rows hold every column: the workers free the quotes
    words = wording_index(rows, rules, max_df)
    rows = rows.merge(words.wordings[[HIDDEN.key, HIDDEN.wording, HIDDEN.size, HIDDEN.own]],
                      on=HIDDEN.key, how="left")
    rows = rows.map_partitions(_with_unit, rules, meta=_with_unit(rows._meta, rules)).persist()
    words.wordings = words.wordings.drop(columns=[HIDDEN.key]).persist()     # each row has its wording now
    units = unit_summaries(rows)
    labels = _cluster(rows, units, words, rules, anchors, max_df, workers, bool(by_columns))
    labels, borrowed = _join_in_articles(rows, units, labels, meta)
    key = [units[c].to_numpy() for c in UNIT_KEY]
    if reports is not None:       # reported rows join the clusters now final (reported.py)
        rows, units = with_reports(reports, rows, units, labels, borrowed, key, words, rules, workers,
                                   reported, list(meta.columns))
    else:
        units["cluster_id"] = stable_ids(labels, _group_by(words.text_ranks(units[HIDDEN.wording].to_numpy()), *key)[1])
    del words                     # the workers free the wordings before the rows are labelled
    return _label_rows(rows, units, meta, canonical, workers)


def score_drift(quotes):
    """quotetrack.score_drift over a dask DataFrame from group_variants: drift is decided within
    each cluster, so each partition (after a shuffle on cluster_id) is scored in memory."""
    require_columns(quotes._meta, ["text", "cluster_id", "canonical"],
                    "score_drift (run group_variants first)")
    by_cluster = quotes.shuffle(on="cluster_id")
    return by_cluster.map_partitions(_score_drift, meta=_score_drift(quotes._meta))


# The smallest row key of a unit, in the order of the in-memory row key, after its text's rank.
UNIT_KEY = (HIDDEN.speaker, HIDDEN.key_doc, HIDDEN.key_start, HIDDEN.key_end,
            HIDDEN.key_kind)


def _codes(quotes, by_columns: list[str]) -> tuple[pd.Index, pd.Index, pd.Index, pd.Index]:
    """The distinct speakers, doc_ids, kinds and `by` groups, each sorted as in memory: a value's
    code is its position (small: distinct values only). Indexes, not dicts: the workers fetch
    them, and distributed sends a dict item by item (seconds for 100,000 doc_ids, while the
    worker that asked waits)."""
    import dask

    speakers = quotes["speaker"].dropna().unique() if "speaker" in quotes.columns else None
    kinds = quotes["kind"].astype(str).unique() if "kind" in quotes.columns else None
    docs = quotes["doc_id"].astype(str).unique()
    groups = quotes.map_partitions(_group_keys, by_columns, meta=pd.Series([], dtype=object)).unique() \
        if by_columns else None
    speakers, kinds, docs, groups = dask.compute(speakers, kinds, docs, groups)
    speakers = [s for s in ([] if speakers is None else speakers) if isinstance(s, str) and s]
    return tuple(pd.Index(sorted([] if values is None else values), dtype=object)
                 for values in (speakers, docs, kinds, groups))


def _code_of(table: pd.Index, value) -> int | None:
    """The code of `value` in a table of _codes, or None when it is not there."""
    return int(table.get_loc(value)) if value in table else None


def _codes_in(table: pd.Index, values: list, missing: int = -1) -> np.ndarray:
    """The codes of `values` in a table of _codes (`missing` for those not there)."""
    codes = table.get_indexer(pd.Index(values, dtype=object)).astype(np.int64)
    return np.where(codes < 0, missing, codes)


def _group_keys(frame: pd.DataFrame, by_columns: list[str]) -> pd.Series:
    """Each row's `by` group as one string (every missing value one group, as groupby(dropna=False))."""
    values = zip(*(frame[c].tolist() for c in by_columns))
    return pd.Series(["\x1f".join("\x00NA" if is_none(v) else repr(v) for v in row) for row in values],
                     index=frame.index, dtype=object)


def _row_columns(frame: pd.DataFrame, speakers: pd.Index, docs: pd.Index, kinds: pd.Index,
                 groups: pd.Index, by_columns: list[str]) -> pd.DataFrame:
    """The rows with what grouping reads of each, as plain columns: the key of its wording (its
    `by` group's code, a space, its normalised wording), codes of speaker, article and kind (-1
    unknown; the tables of _codes), offsets (-1 unknown), day of publication."""
    n = len(frame)
    texts = [t if isinstance(t, str) else "" for t in frame["text"].tolist()]
    names = frame["speaker"].tolist() if "speaker" in frame.columns else [None] * n
    where = [pd.to_numeric(frame[c], errors="coerce").fillna(-1).to_numpy(dtype=np.int64)
             if c in frame.columns else np.zeros(n, dtype=np.int64) for c in ("start", "end")]
    group = _codes_in(groups, _group_keys(frame, by_columns).tolist(), missing=0).tolist() if by_columns \
        else [0] * n
    kind = _codes_in(kinds, frame["kind"].astype(str).tolist()) if "kind" in frame.columns \
        else np.zeros(n, dtype=np.int64)
    return frame.assign(**{
        HIDDEN.key: pd.Series([f"{g} {normalized(t)}" for g, t in zip(group, texts)], index=frame.index,
                              dtype="str"),
        HIDDEN.speaker: _codes_in(speakers, [s if isinstance(s, str) else None for s in names]),
        HIDDEN.doc: _codes_in(docs, frame["doc_id"].astype(str).tolist()),
        HIDDEN.start: where[0], HIDDEN.end: where[1],
        HIDDEN.kind: kind,
        HIDDEN.day: _days(frame),
    })


def _with_unit(frame: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Each row's unit: its wording and speaker, and its article unless the wording alone is
    evidence enough (distinctive, and long or with a known speaker), as in memory."""
    known = frame[HIDDEN.speaker].to_numpy() >= 0
    needed = np.where(known, rules.distinctive, rules.distinctive * UNKNOWN_SPEAKER_FACTOR)
    own, size = frame[HIDDEN.own].to_numpy(dtype=float), frame[HIDDEN.size].to_numpy(dtype=np.int64)
    self_evident = (own >= needed) & (known | (size >= SHORT_QUOTE))
    return frame.assign(**{HIDDEN.unit_doc: np.where(self_evident, -1, frame[HIDDEN.doc].to_numpy())})


def _cluster(rows, units: pd.DataFrame, words, rules: Rules, anchors: int, max_df: int,
             workers: int, one_story: bool) -> np.ndarray:
    """Cluster labels of the units (sorted as in memory), from the judged pairs, on the client;
    then, as grouping._cluster does, the rejected pairs of one speaker in two articles of one
    story are judged again on the workers (with half the word evidence) and the units clustered
    again. `one_story`: the caller grouped with by= (each group one story)."""
    import dask

    wording = units[HIDDEN.wording].to_numpy()
    speaker = units[HIDDEN.speaker].to_numpy()
    found, alike = dask.compute(words.candidates(anchors, max_df), speaker_word_pairs(words, units))
    w_left, w_right = distinct_pairs(found["i"].to_numpy(), found["j"].to_numpy(), words.n)
    left, right = _unit_pairs(wording, units[HIDDEN.unit_doc].to_numpy() < 0, w_left, w_right)
    s_left, s_right = distinct_pairs(alike["unit"].to_numpy(), alike["other"].to_numpy(), len(units))
    left, right = _union(left, right, s_left, s_right, len(units))
    doc, day = units[HIDDEN.doc].to_numpy(), units[HIDDEN.day].to_numpy()
    pairs = pd.DataFrame({"left": left, "right": right,
                          "w_left": wording[left], "w_right": wording[right],
                          "speakers": speaker_relation(speaker, left, right),
                          "same_doc": doc[left] == doc[right],
                          "far_apart": np.abs(day[left] - day[right]) > rules.max_days})
    kept = judged_pairs(pairs, words, rules, workers)
    labels = _clustered(units, kept)
    again = _story_pairs(rows, units, pairs, kept, labels, one_story)
    if again.any():
        retried = judged_pairs(pairs[again].assign(same_story=True), words, rules, workers)
        kept = pd.concat([kept, retried], ignore_index=True)
        labels = _clustered(units, kept)
    return labels


def _clustered(units: pd.DataFrame, kept: pd.DataFrame) -> np.ndarray:
    """cluster_units over the judged pairs that hold, in the order of the in-memory pairs."""
    kept = kept.sort_values(["left", "right"])
    verdicts = Verdicts(kept["score"].to_numpy(dtype=float), kept["strong"].to_numpy(dtype=bool),
                        kept["piece"].to_numpy(dtype=bool))
    return cluster_units(units[HIDDEN.size].to_numpy(), units[HIDDEN.speaker].to_numpy(),
                         kept["left"].to_numpy(), kept["right"].to_numpy(), verdicts)


def _story_pairs(rows, units: pd.DataFrame, pairs: pd.DataFrame, kept: pd.DataFrame,
                 labels: np.ndarray, one_story: bool) -> np.ndarray:
    """Which candidate pairs to judge again as one story's (grouping._cluster): rejected, of the
    same speaker in two articles published within STORY_DAYS, articles that share STORY_SHARED
    utterances already (grouping._one_story)."""
    n = len(units)
    left, right = pairs["left"].to_numpy(dtype=np.int64), pairs["right"].to_numpy(dtype=np.int64)
    held = np.isin(left * n + right, kept["left"].to_numpy(dtype=np.int64) * n + kept["right"].to_numpy(dtype=np.int64))
    day = units[HIDDEN.day].to_numpy()
    maybe = (pairs["speakers"].to_numpy() == SAME) & ~pairs["same_doc"].to_numpy(dtype=bool) & ~held \
        & ~(np.abs(day[left] - day[right]) > STORY_DAYS)
    if one_story or not maybe.any():
        return maybe
    doc = units[HIDDEN.doc].to_numpy()
    unit, article = _unit_articles(rows, units)
    story = _one_story(labels[unit], article, doc[left[maybe]], doc[right[maybe]], False)
    again = np.zeros(len(pairs), dtype=bool)
    again[np.flatnonzero(maybe)[story]] = True
    return again


def _unit_articles(rows, units: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(unit, article) for each article a unit is quoted in: its own, or for a wording that
    stands on its own (one unit across articles), the articles of its rows, from the workers."""
    alone = units[HIDDEN.unit_doc].to_numpy() < 0
    unit, article = [np.flatnonzero(~alone)], [units[HIDDEN.doc].to_numpy()[~alone]]
    if alone.any():
        keys = [HIDDEN.wording, HIDDEN.speaker]
        spread = rows[rows[HIDDEN.unit_doc] < 0][[*keys, HIDDEN.doc]]
        spread = spread.drop_duplicates(split_out=max(1, rows.npartitions)).compute()
        table = units.loc[alone, keys].assign(unit=np.flatnonzero(alone))
        found = spread.merge(table, on=keys)
        unit.append(found["unit"].to_numpy(dtype=np.int64))
        article.append(found[HIDDEN.doc].to_numpy(dtype=np.int64))
    return np.concatenate(unit).astype(np.int64), np.concatenate(article).astype(np.int64)


def _join_in_articles(rows, units: pd.DataFrame, labels: np.ndarray,
                      meta: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The unit labels after the pieces of quotes split in their article join (join_pieces),
    then clusters of fragments join the quote of their article they were taken from
    (join_fragments), as in memory: both are found article by article on the workers after a
    shuffle on the article; the client joins the clusters. Also which units moved as fragments
    (join_fragments' `borrowed`)."""
    import dask

    pieces, fragments = "speaker_start" in meta.columns, "kind" in meta.columns
    unmoved = np.zeros(len(labels), dtype=bool)
    if not (pieces or fragments):
        return labels, unmoved
    keys = [HIDDEN.wording, HIDDEN.speaker, HIDDEN.unit_doc]
    labelled = rows.merge(units[keys].assign(**{HIDDEN.label: labels}), on=keys, how="left")
    by_article = labelled.shuffle(on=HIDDEN.doc)
    found = by_article.map_partitions(_pieces, meta=_pieces(labelled._meta)) if pieces else None
    votes = by_article.map_partitions(_fragment_votes, meta=_fragment_votes(labelled._meta)) \
        if fragments else None
    found, votes = dask.compute(found, votes)
    roots = {} if found is None or found.empty else _joined_pieces(labelled, found)
    joined = np.array([roots.get(int(label), int(label)) for label in labels], dtype=np.int64)
    if votes is None or votes.empty:
        return joined, unmoved
    target = _fragment_hosts(labelled, votes, roots)
    return np.array([target.get(label, label) for label in joined.tolist()], dtype=np.int64), \
        np.isin(joined, list(target))


def _joined_pieces(labelled, found: pd.DataFrame) -> dict[int, int]:
    """{cluster: the cluster it joins} for the pieces found (joined_clusters, on the client)."""
    found = found.sort_values([HIDDEN.doc, "seq"])
    involved = sorted(set(found["first"].tolist()) | set(found["second"].tolist()))
    members = labelled[labelled[HIDDEN.label].isin(involved)]
    spread = members.groupby(HIDDEN.label)[HIDDEN.doc].nunique().compute()
    return joined_clusters(list(zip(found["first"].tolist(), found["second"].tolist(),
                                    found[HIDDEN.doc].tolist())), spread)


def _fragment_hosts(labelled, votes: pd.DataFrame, roots: dict[int, int]) -> dict[int, int]:
    """{fragment cluster: the cluster it joins} (chosen_hosts, on the client) from the votes of
    each fragment, in the clusters after the pieces joined (`roots`); whether a cluster is made
    of fragments only is counted on the workers."""
    def root(label: int) -> int:
        return roots.get(label, label)

    votes = votes.assign(guest=[root(g) for g in votes["guest"].tolist()],
                         host=[root(h) for h in votes["host"].tolist()])
    votes = votes.drop_duplicates([HIDDEN.doc, "fragment", "host"])
    guests = set(votes["guest"].tolist())
    members = sorted(guests | {m for m, r in roots.items() if r in guests})    # clusters before the pieces joined
    rows = labelled[labelled[HIDDEN.label].isin(members)][[HIDDEN.label, "kind"]]
    partial = rows.assign(partial=(rows["kind"].astype(str) == PARTIAL).astype(np.int64))
    only = partial.groupby(HIDDEN.label)["partial"].min().compute() == 1
    only = only.groupby([root(int(m)) for m in only.index.tolist()]).all()
    return chosen_hosts(list(zip(votes["guest"].tolist(), votes["host"].tolist())), only)


def _fragment_votes(frame: pd.DataFrame) -> pd.DataFrame:
    """(article, fragment row, its cluster, a host cluster) for the fragments of the partition's
    articles (grouping.clusters.fragment_votes)."""
    empty = pd.DataFrame({c: pd.Series([], dtype=np.int64) for c in (HIDDEN.doc, "fragment", "guest", "host")})
    if frame.empty:
        return empty
    frame = frame.reset_index(drop=True)
    speakers = [None if s < 0 else s for s in frame[HIDDEN.speaker].tolist()]
    norms = key_parts(frame[HIDDEN.key])[1]
    votes = fragment_votes(frame[HIDDEN.label].to_numpy(dtype=np.int64), frame["kind"].astype(str).tolist(),
                           frame[HIDDEN.doc].tolist(), speakers, norms, np.ones(len(frame), dtype=bool))
    if not votes:
        return empty
    row, guest, host = (np.array(column, dtype=np.int64) for column in zip(*votes))
    return pd.DataFrame({HIDDEN.doc: frame[HIDDEN.doc].to_numpy(dtype=np.int64)[row], "fragment": row,
                         "guest": guest, "host": host})


def _pieces(frame: pd.DataFrame) -> pd.DataFrame:
    """(article, order, first label, second label) for the pieces of the partition's articles."""
    empty = pd.DataFrame({HIDDEN.doc: pd.Series([], dtype=np.int64), "seq": pd.Series([], dtype=np.int64),
                          "first": pd.Series([], dtype=np.int64), "second": pd.Series([], dtype=np.int64)})
    if frame.empty:
        return empty
    frame = frame.reset_index(drop=True)
    speakers = [None if s < 0 else s for s in frame[HIDDEN.speaker].tolist()]
    texts, _ = pd.factorize(pd.Series(key_parts(frame[HIDDEN.key])[1], dtype=object), sort=True)
    _, key = _group_by(texts.astype(np.int64), *(frame[c].to_numpy() for c in (
        HIDDEN.speaker, HIDDEN.doc, HIDDEN.start, HIDDEN.end, HIDDEN.kind)))
    pairs = piece_pairs(frame, speakers, np.ones(len(frame), dtype=bool), key)
    if not pairs:
        return empty
    first, second = (np.array(side, dtype=np.int64) for side in zip(*pairs))
    label = frame[HIDDEN.label].to_numpy(dtype=np.int64)
    return pd.DataFrame({HIDDEN.doc: frame[HIDDEN.doc].to_numpy()[first], "seq": np.arange(len(first)),
                         "first": label[first], "second": label[second]})


def _label_rows(rows, units: pd.DataFrame, meta: pd.DataFrame, canonical: str, workers: int):
    """The rows with their cluster_id (sent back per unit), then passages and canonical per
    cluster (finish_clusters after a shuffle on cluster_id). Each partition numbers its passages
    on its own: the number of passages of each cluster comes back to the client, which sends
    each cluster's first passage_id (passages numbered over the whole frame in cluster order,
    as in memory)."""
    import dask
    import dask.dataframe as dd

    keys = [HIDDEN.wording, HIDDEN.speaker, HIDDEN.unit_doc]
    table = dd.from_pandas(units[[*keys, "cluster_id"]], npartitions=max(1, rows.npartitions))
    labelled = rows.merge(table, on=keys, how="left")[[*meta.columns, "cluster_id"]]
    by_cluster = labelled.shuffle(on="cluster_id")
    finished = by_cluster.map_partitions(_finish, canonical, workers, meta=_finish(
        meta.assign(cluster_id=pd.Series([], dtype=np.int64)), canonical, workers)).persist()
    counts = finished[["cluster_id", HIDDEN.passages]].drop_duplicates().compute()
    passages = np.zeros(int(units["cluster_id"].max()) + 1 if len(units) else 0, dtype=np.int64)
    passages[counts["cluster_id"].to_numpy(dtype=np.int64)] = counts[HIDDEN.passages].to_numpy(dtype=np.int64)
    first = np.cumsum(passages) - passages
    return finished.map_partitions(_numbered, dask.delayed(first, pure=True),
                                   meta=_numbered(finished._meta, first))


def _finish(partition: pd.DataFrame, canonical: str, workers: int) -> pd.DataFrame:
    """finish_clusters, with passage_id counted from 0 within each cluster, and the number of
    passages of the row's cluster."""
    out, counts = finished_clusters(partition.astype({"cluster_id": np.int64}), canonical, workers)
    first = (counts.cumsum() - counts).reindex(out["cluster_id"]).to_numpy(dtype=np.int64)
    passages = counts.reindex(out["cluster_id"]).to_numpy(dtype=np.int64)
    return out.assign(passage_id=out["passage_id"] - pd.array(first, dtype="Int64"),
                      **{HIDDEN.passages: passages}).astype({"canonical": TEXT_DTYPE})


def _numbered(partition: pd.DataFrame, first: np.ndarray) -> pd.DataFrame:
    """passage_id over the whole frame: the cluster's first passage_id plus its own number."""
    offset = first[partition["cluster_id"].to_numpy(dtype=np.int64)] if len(partition) else []
    return partition.assign(passage_id=partition["passage_id"] + pd.array(offset, dtype="Int64")) \
        .drop(columns=[HIDDEN.passages])
