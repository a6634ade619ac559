"""Passages: each quote measured against the common wording of the sentences it renders."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack as qt
from quotetrack.grouping.passages import Alike, alike

INTRO = "Mayor Rita Olsen visited the port on Tuesday.\n\n"


@pytest.fixture(scope="module")
def scored(nlp):
    def run(articles):
        articles = {doc: INTRO + text for doc, text in articles.items()}
        quotes = qt.extract_quotes(articles, nlp=nlp).pipe(qt.group_variants).pipe(qt.score_drift)
        return quotes.set_index(quotes["doc_id"] + ":" + quotes["text"].str[:12])
    return run


def test_the_outlier_drifts_most_and_the_common_wording_least(scored):
    q = scored({
        "a": "“The new bridge will carry trains across the river by next summer,” Olsen said.",
        "b": "“The new bridge will carry the trains across the river by next summer,” Olsen said.",
        "c": "“By next summer, the new bridge is going to take trains over the river,” Olsen said.",
    })
    assert q["cluster_id"].nunique() == 1 and q["passage_id"].nunique() == 1
    assert q["canonical"].iloc[0].startswith("The new bridge will carry")
    drift = q["drift"].to_dict()
    assert drift["c:By next summ"] > 0.4
    assert max(drift["a:The new brid"], drift["b:The new brid"]) < 0.1
    assert q["passage_sources"].tolist() == [3, 3, 3]


def test_a_reworded_second_piece_drifts_from_its_own_passage_not_the_first(scored):
    q = scored({
        "a": "“We will open the clinic in March. Every child in the valley will be seen for free,” "
             "Olsen said.",
        "b": "“We will open the clinic in March,” Olsen said. “Every child in the valley will be seen for free.”",
        "c": "“We will open the clinic in March,” Olsen said. “All the children of the valley will get free care.”",
    })
    assert q["cluster_id"].nunique() == 1
    first, second = q.loc["b:We will open"], q.loc["b:Every child "]
    assert first["passage_id"] != second["passage_id"]
    assert q.loc["c:We will open", "passage_id"] == first["passage_id"]
    assert q.loc["c:All the chil", "passage_id"] == second["passage_id"]
    assert q.loc["c:All the chil", "canonical"] == "Every child in the valley will be seen for free."
    assert q.loc["c:All the chil", "drift"] > 0.3
    assert second["drift"] == 0 and first["drift"] == 0
    # the whole quote of a spans both passages: measured against both wordings, joined
    whole = q.loc["a:We will open"]
    assert whole["drift"] == 0 and not whole["truncated"]
    assert whole["canonical"].endswith("Every child in the valley will be seen for free.")


def test_passages_chain_into_one_utterance(scored):
    q = scored({
        "a": "“We will open the clinic in March,” Olsen said. “Every child in the valley will be seen for free.”",
        "b": "“Every child in the valley will be seen for free,” Olsen said. "
             "“Nurses will come from the capital every week.”",
    })
    assert q["cluster_id"].nunique() == 1
    assert q["passage_id"].nunique() == 3
    assert q.loc["a:Every child ", "passage_id"] == q.loc["b:Every child ", "passage_id"]
    # a passage only one source renders has nothing to drift from
    assert pd.isna(q.loc["a:We will open", "drift"]) and pd.isna(q.loc["b:Nurses will ", "drift"])
    assert q.loc["a:Every child ", "drift"] == 0
    summary = qt.drift_summary(q.reset_index(drop=True), by="doc_id")
    assert summary["quotes"].tolist() == [2, 2] and summary["measured"].tolist() == [1, 1]


def test_quotes_of_another_occasion_stay_apart(scored):
    q = scored({
        "a": "“We will open the clinic in March,” Olsen said on Monday. In January, she had told a rally: "
             "“The ferry to the islands will be free for pensioners.”",
        "b": "“We will open the clinic in March,” Olsen said.",
    })
    assert q.loc["a:We will open", "cluster_id"] == q.loc["b:We will open", "cluster_id"]
    assert q.loc["a:The ferry to", "cluster_id"] != q.loc["a:We will open", "cluster_id"]


def test_a_fragment_joins_the_quote_it_was_taken_from_in_its_article(scored):
    q = scored({
        "a": "Olsen called the plan “reckless”. “This plan is reckless and the harbour will pay for it,” she said.",
        "b": "Olsen called the plan “reckless”.",
        "c": "“This plan is reckless and the harbour will pay for it,” Olsen said.",
    })
    assert q["cluster_id"].nunique() == 1
    assert q.loc["b:reckless", "truncated"] and q.loc["b:reckless", "drift"] == 0


def test_a_fragment_never_joins_a_longer_quote_of_another_article(scored):
    q = scored({
        "a": "Olsen called her rival “a fraud”.",
        "b": "“She is a fraud and everybody in this harbour knows it,” Olsen said.",
    })
    assert q["cluster_id"].nunique() == 2


def test_pieces_that_several_articles_print_together_are_one_utterance(scored):
    split = "“We will open the clinic in March,” Olsen said. “Every child in the valley will be seen for free.”"
    q = scored({
        "a": split,
        "b": split,
        "c": "“Every child in the valley will be seen for free,” Olsen said. "
             "“Nurses will come from the capital every week.”",
    })
    assert q["cluster_id"].nunique() == 1 and q["passage_id"].nunique() == 3
    alone = scored({"a": split, "b": "“We will open the clinic in March,” Olsen said.",
                    "c": "“Every child in the valley will be seen for free,” Olsen said."})
    assert alone["cluster_id"].nunique() == 2      # printed together by one article only


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab cd", max_size=30), st.text(alphabet="ab cd", max_size=30)),
                min_size=1, max_size=20))
def test_scoring_many_pairs_at_once_equals_the_plain_scorer(pairs):
    scores = Alike()
    scores.prime([a for a, _ in pairs], [b for _, b in pairs])
    for a, b in pairs:
        assert scores(a, b) == pytest.approx(alike(a, b))
