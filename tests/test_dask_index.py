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
