"""The dask path gives the rows of the in-memory path."""
import pandas as pd
import pytest

import quotetrack as qt

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_rows_equal_the_in_memory_rows(client, nlp):
    import quotetrack.dask as qtd
    articles = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(6)],
        "outlet": ["Herald", "Post"] * 3,
        "text": [f"Mayor Rita Olsen visited pier {i}.\n\n“We will rebuild pier {i},” she said." if i % 2 else
                 f"“Pier {i} reopens in May,” Olsen told reporters." for i in range(6)],
    })
    expected = qt.extract_quotes(articles, nlp=nlp)
    lazy = qtd.extract_quotes(dd.from_pandas(articles, npartitions=3))
    got = qtd.collect_quotes(lazy)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True),
                                  check_dtype=False)
    assert set(got["speaker"]) == {"Rita Olsen"}
    grouped = qt.group_variants(got)
    assert len(grouped) == 6


def test_dask_reported_rows_equal_the_in_memory_rows(client, nlp):
    import quotetrack.dask as qtd
    articles = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Mayor Rita Olsen said the pier would reopen in May.",
        "Mayor Rita Olsen said on Monday that the harbour needed new cranes.",
    ]})
    expected = qt.extract_quotes(articles, nlp=nlp, reported=True)
    got = qtd.collect_quotes(qtd.extract_quotes(dd.from_pandas(articles, npartitions=2), reported=True))
    assert got["text"].tolist() == expected["text"].tolist() == [
        "the pier would reopen in May", "the harbour needed new cranes"]
    assert set(got["kind"]) == {"reported"}


def test_missing_text_column_is_named():
    import quotetrack.dask as qtd
    frame = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match="its columns are: body"):
        qtd.extract_quotes(frame)
