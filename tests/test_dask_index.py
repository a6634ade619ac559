"""The Dask word index finds, in each task, the features grouping.index.word_index finds."""
import numpy as np
import pytest

pytest.importorskip("dask.dataframe")

from quotetrack.dask.index import _entries  # noqa: E402
from quotetrack.grouping.index import word_index  # noqa: E402


def features(entries, owner):
    mine = entries.owner == owner
    return sorted(zip(entries.code[mine].tolist(), entries.pair[mine].tolist(), entries.telling[mine].tolist()))


def test_each_text_has_the_features_of_word_index_once():
    texts = ["the mayor will rebuild the pier", "we will", "pier pier rebuild", ""]
    got = _entries(texts, np.zeros(len(texts), dtype=np.int64))
    index = word_index(texts)
    for k in range(len(texts)):
        assert len(features(got, k)) == int((index.unit == k).sum())
    # content words only when there are some; every word of "we will" when there are none
    assert [t for _, pair, t in features(got, 0) if not pair] == [True, True, True]
    assert [t for _, pair, t in features(got, 1) if not pair] == [False, False]
    assert sum(pair for _, pair, _ in features(got, 2)) == 2      # "pier pier", "pier rebuild"
    assert features(got, 3) == []


def test_one_feature_has_one_code_in_every_text_and_group():
    got = _entries(["rebuild the pier", "the pier rebuild", "rebuild the pier"], np.array([0, 0, 1]))
    first, second, other_group = (set(c for c, _, _ in features(got, k)) for k in range(3))
    assert len(first & second) == 3          # rebuild, pier, "the pier"
    assert first.isdisjoint(other_group)     # features of two `by` groups are never the same
    again = _entries(["rebuild the pier"], np.array([0]))
    assert set(again.code.tolist()) == first      # the same codes in another task


def _doc_codes(partition, table):
    return partition.assign(code=[table[d] for d in partition["doc_id"]])


def _tasks_holding(collection, marker: bytes) -> int:
    import pickle
    return sum(marker in pickle.dumps(spec) for spec in dict(collection.__dask_graph__()).values())


def test_a_table_shared_with_every_task_is_one_task_of_the_graph():
    # a worker keeps the spec of each task whose result it holds: a table copied into every
    # spec costs (table) x (partitions)
    import dask.dataframe as dd
    import pandas as pd

    from quotetrack.dask.index import shared

    frame = dd.from_pandas(pd.DataFrame({"doc_id": [f"doc{k % 50}" for k in range(400)]}), npartitions=8)
    table = pd.Series({f"doc{k}": k for k in range(50)} | {"a-doc-no-row-has": -1})
    meta = _doc_codes(frame._meta, table)
    copied = frame.map_partitions(_doc_codes, table, meta=meta)
    once = frame.map_partitions(_doc_codes, shared(table), meta=meta)
    assert _tasks_holding(copied, b"a-doc-no-row-has") == 8
    assert _tasks_holding(once, b"a-doc-no-row-has") == 1
    assert once.compute()["code"].tolist() == [k % 50 for k in range(400)]


def test_distinct_pairs_are_sorted_once_each():
    from quotetrack.dask.index import distinct_pairs

    left, right = distinct_pairs(np.array([3, 0, 3, 1]), np.array([4, 2, 4, 0]), 5)
    assert list(zip(left.tolist(), right.tolist())) == [(0, 2), (1, 0), (3, 4)]


def test_rows_carry_the_codes_of_speaker_article_and_kind_in_sorted_order():
    # codes are positions in sorted tables of distinct values, as in memory; unknown is -1
    import dask.dataframe as dd
    import pandas as pd

    from quotetrack.dask.grouping import _code_of, _codes, _row_columns
    from quotetrack.dask.index import HIDDEN

    frame = pd.DataFrame({"doc_id": ["b7", "a3", "b7", "c1"],
                          "text": ["We will rebuild.", "Not now", "Soon", "It was late"],
                          "speaker": ["Tor Berg", None, "", "Ana Lind"],
                          "kind": ["direct", "partial", "direct", "reported"]})
    speakers, docs, kinds, groups = _codes(dd.from_pandas(frame, npartitions=2), [])
    assert (speakers.tolist(), docs.tolist(), kinds.tolist()) == (
        ["Ana Lind", "Tor Berg"], ["a3", "b7", "c1"], ["direct", "partial", "reported"])
    rows = _row_columns(frame, speakers, docs, kinds, groups, [])
    assert rows[HIDDEN.speaker].tolist() == [1, -1, -1, 0]
    assert rows[HIDDEN.doc].tolist() == [1, 0, 1, 2]
    assert rows[HIDDEN.kind].tolist() == [0, 1, 0, 2]
    assert rows[HIDDEN.key].tolist()[0] == "0 we will rebuild"
    assert _code_of(kinds, "reported") == 2 and _code_of(kinds, "paraphrase") is None
    other = _row_columns(frame.assign(speaker=["Eva Holm", 3, None, "Ana Lind"]), speakers, docs, kinds, groups, [])
    assert other[HIDDEN.speaker].tolist() == [-1, -1, -1, 0]     # not in the table, not a name


def test_rows_carry_the_code_of_their_by_group_in_their_wording_key():
    import dask.dataframe as dd
    import pandas as pd

    from quotetrack.dask.grouping import _codes, _row_columns
    from quotetrack.dask.index import HIDDEN

    frame = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["We will rebuild."] * 3,
                          "outlet": ["Post", "Herald", None]})
    tables = _codes(dd.from_pandas(frame, npartitions=2), ["outlet"])
    assert len(tables[3]) == 3                       # a missing outlet is a group of its own
    rows = _row_columns(frame, *tables, ["outlet"])
    keys = rows[HIDDEN.key].tolist()
    assert len(set(keys)) == 3 and all(k.endswith(" we will rebuild") for k in keys)
    assert sorted(int(k.split(" ", 1)[0]) for k in keys) == [0, 1, 2]
    herald, post = (int(k.split(" ", 1)[0]) for k in keys[1::-1])
    assert herald < post                             # codes in sorted order of the groups
