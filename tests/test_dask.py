"""The dask path gives the rows of the in-memory path."""
import pathlib

import pandas as pd
import pytest

import quotetrack as qt
from quotetrack.schema import GROUP_COLUMNS, QUOTE_COLUMNS

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
    got, expected = got.reset_index(drop=True), expected.reset_index(drop=True)
    pd.testing.assert_frame_equal(got[QUOTE_COLUMNS], expected[QUOTE_COLUMNS])
    assert got["outlet"].tolist() == expected["outlet"].tolist() == ["Herald", "Post"] * 3
    assert got["speaker"].tolist() == ["Rita Olsen"] * 6
    pd.testing.assert_frame_equal(qt.group_variants(got)[GROUP_COLUMNS], qt.group_variants(expected)[GROUP_COLUMNS])


@pytest.mark.xfail(strict=True, reason="dask gives a carried string column the dtype string[python] "
                   "where pandas keeps str: collect_quotes does not restore the articles' dtypes")
def test_dask_keeps_the_dtype_of_carried_columns(client):
    import quotetrack.dask as qtd
    articles = pd.DataFrame({"doc_id": ["a"], "outlet": ["Herald"], "text": ["“Soon,” Rita Olsen said."]})
    got = qtd.collect_quotes(qtd.extract_quotes(dd.from_pandas(articles, npartitions=1)))
    assert got["outlet"].dtype == articles["outlet"].dtype


def test_dask_reported_rows_equal_the_in_memory_rows(client, nlp):
    import quotetrack.dask as qtd
    articles = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Mayor Rita Olsen said the pier would reopen in May.",
        "Mayor Rita Olsen said on Monday that the harbour needed new cranes.",
    ]})
    expected = qt.extract_quotes(articles, nlp=nlp, reported=True)
    got = qtd.collect_quotes(qtd.extract_quotes(dd.from_pandas(articles, npartitions=2), reported=True))
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    assert got[["text", "kind", "speaker"]].values.tolist() == [
        ["the pier would reopen in May", "reported", "Rita Olsen"],
        ["the harbour needed new cranes", "reported", "Rita Olsen"]]


def test_missing_text_column_is_named():
    import quotetrack.dask as qtd
    frame = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match="its columns are: body"):
        qtd.extract_quotes(frame)


STORIES = [   # (speaker, title, one wording, another outlet's rewording)
    ("Rita Olsen", "Mayor", "We will rebuild every house that the water took from us",
     "We shall rebuild each house the water took from us"),
    ("Tomas Brekke", "Harbour master", "The cranes on the north pier will be repaired before the winter storms",
     "The north pier cranes will be fixed before winter storms arrive"),
    ("Ines Vidal", "Minister", "Our schools must open their doors to every child in the valley",
     "Our schools must open their doors to all children of the valley"),
]


def story_articles() -> pd.DataFrame:
    """Three outlets quoting three people: rewordings, a quote split by its attribution, a
    surname standing for the full name in another article."""
    rows = []
    for k, (name, title, said, reworded) in enumerate(STORIES):
        surname = name.split()[-1]
        rows.append({"doc_id": f"wire{k}", "outlet": "Wire", "text": (
            f"{title} {name} spoke on Monday.\n\n“{said},” {surname} said. "
            f"“Nobody will be left behind in {surname.lower()}ville.”")})
        rows.append({"doc_id": f"daily{k}", "outlet": "Daily",
                     "text": f"“{reworded},” {title.lower()} {name} told reporters."})
        rows.append({"doc_id": f"post{k}", "outlet": "Post", "text": (
            f"{name} visited the town.\n\n“{said},” {surname} said.\n\n“The budget is ready,” {surname} added.")})
    return pd.DataFrame(rows)


def assert_same_rows(got: pd.DataFrame, expected: pd.DataFrame, key: list[str]) -> None:
    """The same rows and values; the same dtypes, except that text columns may come back as
    dask's pyarrow strings (dask's `dataframe.convert-string`)."""
    got = got.sort_values(key).reset_index(drop=True)
    expected = expected.sort_values(key).reset_index(drop=True)
    assert list(got.columns) == list(expected.columns)
    for column in expected.columns:
        if expected[column].dtype == object or pd.api.types.is_string_dtype(expected[column].dtype):
            assert pd.api.types.is_string_dtype(got[column].dtype), column
        else:
            assert got[column].dtype == expected[column].dtype, column
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_extract_group_drift_on_two_workers_equal_the_in_memory_rows(client, nlp):
    import quotetrack.dask as qtd
    articles = story_articles()
    expected = qt.score_drift(qt.group_variants(qt.extract_quotes(articles, nlp=nlp)))
    quotes = qtd.extract_quotes(dd.from_pandas(articles, npartitions=3))
    got = qtd.score_drift(qtd.group_variants(quotes)).compute()
    assert_same_rows(got, expected, ["doc_id", "start"])
    # what the comparison rests on: three utterances of three people across outlets, one split quote
    clusters = got.groupby("cluster_id")["doc_id"].agg(lambda d: sorted(set(d)))
    assert sorted(map(tuple, clusters)) == [
        ("daily0", "post0", "wire0"), ("daily1", "post1", "wire1"), ("daily2", "post2", "wire2"),
        ("post0",), ("post1",), ("post2",)]
    assert set(got["speaker"]) == {"Rita Olsen", "Tomas Brekke", "Ines Vidal"}


def test_reported_rows_through_extract_group_drift_on_two_workers_equal_the_in_memory_rows(client, nlp):
    import quotetrack.dask as qtd
    briefs = [{"doc_id": f"brief{k}", "outlet": "Brief",
               "text": f"{title} {name} said on Monday that {said[0].lower()}{said[1:]}."}
              for k, (name, title, said, _) in enumerate(STORIES)]
    briefs += [{"doc_id": "brief8", "outlet": "Brief", "text": "Mayor Rita Olsen said the pier would reopen in May."},
               {"doc_id": "brief9", "outlet": "Brief", "text": "Mayor Rita Olsen said the pier would reopen in May. "
                "Harbour master Tomas Brekke said the pier would reopen in May."}]
    articles = pd.concat([story_articles(), pd.DataFrame(briefs)], ignore_index=True)
    expected = qt.score_drift(qt.group_variants(qt.extract_quotes(articles, nlp=nlp, reported=True)))
    quotes = qtd.extract_quotes(dd.from_pandas(articles, npartitions=3), reported=True)
    got = qtd.score_drift(qtd.group_variants(quotes)).compute()
    assert_same_rows(got, expected, ["doc_id", "start"])
    # what the comparison rests on: each brief's report joined its speaker's quotes in the other
    # outlets; Olsen's two reports of the pier joined each other, not Brekke's
    reports = got[got["kind"] == "reported"].set_index(["doc_id", "speaker"])["cluster_id"]
    for k, (name, _, _, _) in enumerate(STORIES):
        assert reports[(f"brief{k}", name)] == got.loc[got["doc_id"] == f"wire{k}", "cluster_id"].iloc[0]
    assert reports[("brief8", "Rita Olsen")] == reports[("brief9", "Rita Olsen")] \
        != reports[("brief9", "Tomas Brekke")]


def test_names_are_one_per_person_across_partitions_without_collecting(client, nlp):
    import quotetrack.dask as qtd
    articles = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "“The pier reopens in May,” Olsen told reporters.",
        "Mayor Rita Olsen spoke.\n\n“We will rebuild,” Olsen said."]})
    lazy = qtd.extract_quotes(dd.from_pandas(articles, npartitions=2))
    assert lazy.npartitions == 2
    assert lazy["speaker"].compute().tolist() == ["Rita Olsen", "Rita Olsen"]
    assert qt.extract_quotes(articles, nlp=nlp)["speaker"].tolist() == ["Rita Olsen", "Rita Olsen"]


def synthetic_bench(monkeypatch):
    """benchmarks/bench_group.py, whose synthetic quotes the benchmarks group (it imports its
    neighbour record.py: the benchmarks folder is on the path while it loads)."""
    import importlib.util
    path = pathlib.Path(__file__).resolve().parents[1] / "benchmarks" / "bench_group.py"
    monkeypatch.syspath_prepend(str(path.parent))
    spec = importlib.util.spec_from_file_location("bench_group", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_grouping_of_synthetic_quotes_equals_the_in_memory_clusters(client, monkeypatch):
    import quotetrack.dask as qtd
    frame, _ = synthetic_bench(monkeypatch).synthetic_quotes(1000, seed=3)
    expected = qt.group_variants(frame)
    got = qtd.group_variants(dd.from_pandas(frame, npartitions=4)).compute()
    assert expected["cluster_id"].nunique() < len(frame) * 0.9     # many variants were grouped
    assert_same_rows(got, expected, ["doc_id", "text", "speaker"])


CRANES = "The old cranes on the north pier will be torn down before the winter storms"
FERRY = "The ferry to the outer islands will sail twice a day from the first of June"
HOLDS = 'Brekke said the cranes were "older than the harbour itself" and would go'
RECKLESS = "This plan is reckless and the harbour will pay for it for years"
FRAGMENT = 'the mayor called it "reckless" and would run for mayor again'
REPORTS = {   # name: ((doc_id, start, text, speaker, kind), ...), and which rows end in one cluster
    "a report holds a quote of its article": ([
        ("a", 0, CRANES, "Tomas Brekke", "direct"), ("b", 0, CRANES, "Tomas Brekke", "direct"),
        ("c", 100, HOLDS, "Tomas Brekke", "reported"),
        ("c", 100 + HOLDS.index("older"), "older than the harbour itself", "Tomas Brekke", "partial"),
        ("d", 0, FERRY, "Ines Vidal", "direct")], [[0, 1], [2, 3], [4]]),
    "a paraphrase joins a quote of its speaker in another article": ([
        ("a", 0, CRANES, "Tomas Brekke", "direct"), ("d", 0, FERRY, "Ines Vidal", "direct"),
        ("e", 0, "the old cranes on the north pier would be torn down before the winter storms",
         "Tomas Brekke", "reported"),
        ("f", 0, "the old cranes on the north pier would be torn down before the winter storms",
         "Ines Vidal", "reported"),
        ("g", 0, "the ferry to the outer islands would sail twice a day from June", "Ines Vidal", "reported")],
        [[0, 2], [1, 4], [3]]),
    "two reports of one utterance in two articles": ([
        ("a", 0, CRANES, "Tomas Brekke", "direct"),
        ("e", 0, "she planned to plant four thousand apricot trees along the river banks", "Lena Holt", "reported"),
        ("f", 0, "she planned to plant four thousand apricot trees along the river next spring", "Lena Holt",
         "reported"),
        ("g", 0, "she would step down as chair of the orchard board in autumn", "Lena Holt", "reported")],
        [[0], [1, 2], [3]]),
    "a report holding a borrowed fragment joins on its own words only": ([
        ("a", 0, RECKLESS, "Rita Olsen", "direct"), ("a", 200, FRAGMENT, "Rita Olsen", "reported"),
        ("a", 200 + FRAGMENT.index("reckless"), "reckless", "Rita Olsen", "partial"),
        ("b", 0, RECKLESS, "Rita Olsen", "direct"),
        ("c", 0, "she said the plan was reckless and the harbour will pay for it for years", "Rita Olsen",
         "reported")], [[0, 2, 3, 4], [1]]),
}


@pytest.mark.parametrize("name", list(REPORTS))
def test_reported_rows_are_grouped_on_dask_as_in_memory(client, frame, name):
    import quotetrack.dask as qtd
    rows, clusters = REPORTS[name]
    quotes = frame(rows, ("doc_id", "start", "text", "speaker", "kind"), speaker_start=None)
    expected = qt.score_drift(qt.group_variants(quotes))
    got = qtd.score_drift(qtd.group_variants(dd.from_pandas(quotes, npartitions=2))).compute()
    assert_same_rows(got, expected, ["doc_id", "start"])
    # what the comparison rests on: reports joined the quotes (and reports) named, and no more
    by_row = got.sort_values(["doc_id", "start"])["cluster_id"].tolist()
    order = sorted(range(len(rows)), key=lambda k: (rows[k][0], rows[k][1]))
    found = {}
    for k, cluster in zip(order, by_row):
        found.setdefault(cluster, []).append(k)
    assert sorted(found.values()) == clusters


def test_reported_rows_are_linked_within_each_by_group_on_dask_as_in_memory(client, frame):
    import quotetrack.dask as qtd
    rows, _ = REPORTS["two reports of one utterance in two articles"]
    quotes = frame(rows, ("doc_id", "start", "text", "speaker", "kind"), speaker_start=None) \
        .assign(story=["flood", "flood", "pier", None])
    expected = qt.group_variants(quotes, by="story")
    got = qtd.group_variants(dd.from_pandas(quotes, npartitions=2), by="story").compute()
    assert_same_rows(got, expected, ["doc_id", "start"])
    assert got["cluster_id"].nunique() == 4     # the two reports are in two groups: apart


def test_grouping_by_a_column_equals_the_in_memory_clusters(client, monkeypatch):
    import quotetrack.dask as qtd
    frame, _ = synthetic_bench(monkeypatch).synthetic_quotes(600, seed=5)
    stories = ["flood", "pier", None]          # None: one group of its own, as in memory
    frame["story"] = [stories[int(d[3:]) % 3] for d in frame["doc_id"]]
    expected = qt.group_variants(frame, by="story")
    assert expected["cluster_id"].nunique() > qt.group_variants(frame)["cluster_id"].nunique()
    got = qtd.group_variants(dd.from_pandas(frame, npartitions=3), by="story").compute()
    assert_same_rows(got, expected, ["doc_id", "text", "speaker"])


def test_the_readme_example_runs_as_written(tmp_path, monkeypatch, nlp):
    import re
    readme = pathlib.Path(__file__).resolve().parents[1] / "README.md"
    section = readme.read_text(encoding="utf-8").split("## Past one machine", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    articles = story_articles()
    dd.from_pandas(articles, npartitions=2).to_parquet(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    try:
        exec(compile(code, "README past one machine", "exec"), namespace)  # noqa: S102
    finally:
        if "client" in namespace:
            cluster = namespace["client"].cluster
            namespace["client"].close()
            cluster.close()
    got = pd.read_parquet(tmp_path / "quotes")
    expected = qt.score_drift(qt.group_variants(qt.extract_quotes(articles, nlp=nlp)))
    assert_same_rows(got, expected, ["doc_id", "start"])


def test_passages_are_numbered_over_the_whole_frame_as_in_memory(client, frame):
    import quotetrack.dask as qtd
    said = "All the houses the water took will be rebuilt before the winter comes"
    quotes = frame([("a", f"{said}. Nobody stays behind.", "Rita Olsen"), ("b", said, "Rita Olsen"),
                    ("c", "The ferry to the islands sails again on Friday morning", "Tomas Brekke"),
                    ("d", "The ferry to the islands sails again on Friday", "Tomas Brekke")])
    expected = qt.group_variants(quotes)
    got = qtd.group_variants(dd.from_pandas(quotes, npartitions=2)).compute()
    assert_same_rows(got, expected, ["doc_id", "start"])
    # the first cluster has two passages, the second of them no quote's own: the ferry's is 2
    assert got.sort_values("doc_id")["passage_id"].tolist() == [0, 0, 2, 2]


def test_a_fragment_joins_the_quote_of_its_article_on_dask_as_in_memory(client, frame):
    import quotetrack.dask as qtd
    whole = "This plan is reckless and the harbour will pay for it"
    quotes = frame([("a", "reckless", "Rita Olsen", "partial"), ("a", whole, "Rita Olsen"),
                    ("b", "reckless", "Rita Olsen", "partial"), ("c", whole, "Rita Olsen"),
                    ("d", "The ferry to the islands sails again on Friday", "Tomas Brekke")])
    expected = qt.group_variants(quotes)
    got = qtd.group_variants(dd.from_pandas(quotes, npartitions=3)).compute()
    assert_same_rows(got, expected, ["doc_id", "start"])
    assert got.groupby("cluster_id")["doc_id"].agg(lambda d: "".join(sorted(d))).sort_values().tolist() \
        == ["aabc", "d"]


def test_one_story_lets_the_same_speaker_join_on_less_evidence_on_dask_as_in_memory(client, frame):
    from test_grouping import FIRST, SECOND, STORY, talks_filler

    import quotetrack.dask as qtd
    quotes = frame([*STORY, ("s1", FIRST, "Ivan Petrov"), ("s2", SECOND, "Ivan Petrov"), *talks_filler()])
    expected = qt.group_variants(quotes)
    got = qtd.group_variants(dd.from_pandas(quotes, npartitions=3)).compute()
    assert_same_rows(got, expected, ["doc_id", "start"])
    joined = got[got["text"].isin([FIRST, SECOND])]
    assert len(joined) == 2 and joined["cluster_id"].nunique() == 1
