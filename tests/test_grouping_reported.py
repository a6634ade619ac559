"""Reported speech in group_variants and score_drift: reports join the quotes they report only on
strong evidence, and never change how the quotes group."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack as qt

REPORT_FIELDS = ("doc_id", "start", "text", "speaker", "kind")


@pytest.fixture(scope="session")
def frame(frame):
    """rows: (doc_id, start, text, speaker, kind), no mentions."""
    return lambda rows: frame(rows, REPORT_FIELDS, speaker_start=None)


QUOTES = [
    ("a", 0, "If the dam holds through the floods, I am ready to hand the ministry to my deputy",
     "Nora Vik", "direct"),
    ("b", 0, "If the dam holds through the floods I am ready to hand over the ministry to my deputy",
     "Nora Vik", "direct"),
    ("c", 0, "The orchards along the river will be replanted with apricot trees next spring", "Paul Dunn", "direct"),
    ("d", 0, "Our lifeboat crews pulled eleven fishermen from the freezing water on Sunday", "Ines Vale", "direct"),
]


def test_a_report_that_holds_a_quote_of_its_article_joins_that_quote(frame, same):
    g = qt.group_variants(frame([
        *QUOTES,
        ("e", 30, "braver than any sailor I have known", "Ines Vale", "partial"),
        ("e", 0, "the coastguard chief said the rescuers were \"braver than any sailor I have known\"",
         "Ines Vale", "reported"),
    ]))
    assert same(g, 4, 5)
    assert g["cluster_id"].nunique() == 4


def test_a_paraphrase_with_the_same_speaker_and_rare_words_joins_the_quote(frame, same):
    g = qt.group_variants(frame([
        *QUOTES,
        ("e", 0, "she would hand the ministry to her deputy if the dam holds through the floods",
         "Nora Vik", "reported"),
        ("f", 0, "she would hand the ministry to her deputy if the dam holds through the floods",
         "Paul Dunn", "reported"),
    ]))
    assert same(g, 0, 1) and same(g, 0, 4)
    assert not same(g, 0, 5)            # another speaker: not the same utterance
    assert g["canonical"].iloc[4] in (QUOTES[0][2], QUOTES[1][2])


def test_reports_of_one_utterance_join_each_other_and_a_lone_report_stays_alone(frame, same):
    g = qt.group_variants(frame([
        *QUOTES,
        ("e", 0, "he planned to open three new ferry routes to the northern islands", "Tom Berg", "reported"),
        ("f", 0, "he planned to open three ferry routes to the northern islands next year", "Tom Berg", "reported"),
        ("g", 0, "he would retire from politics after the summer", "Tom Berg", "reported"),
    ]))
    assert same(g, 4, 5) and not same(g, 4, 6)
    assert not any(same(g, k, 4) or same(g, k, 6) for k in range(4))
    assert g["canonical"].iloc[6] == "he would retire from politics after the summer"


def test_a_report_never_glues_two_quote_clusters(frame):
    quotes_only = frame(QUOTES[:3])
    with_report = frame([
        *QUOTES[:3],
        ("b", 200, "she was ready to hand the ministry to her deputy if the dam holds and that the "
                   "orchards along the river will be replanted with apricot trees", "Nora Vik", "reported"),
        ("c", 300, "he said the orchards would be replanted with apricot trees", "Paul Dunn", "reported"),
    ])
    alone = qt.group_variants(quotes_only)["cluster_id"].tolist()
    together = qt.group_variants(with_report)["cluster_id"].tolist()
    assert (alone[0] == alone[1] != alone[2]) and (together[0] == together[1] != together[2])
    # each report joins the quote of its own speaker, and the two quote clusters stay two
    assert together[3] == together[0] and together[4] == together[2]


def test_canonical_of_a_cluster_with_quotes_is_a_quote(frame):
    g = qt.group_variants(frame([
        ("a", 0, "We will close the coal plant by the end of the decade", "Lea Voss", "direct"),
        ("b", 0, "she will close the coal plant by the end of the decade", "Lea Voss", "reported"),
        ("c", 0, "she will close the coal plant by the end of the decade", "Lea Voss", "reported"),
        ("d", 0, "she will close the coal plant by the end of the decade", "Lea Voss", "reported"),
    ]))
    assert g["cluster_id"].nunique() == 1
    assert set(g["canonical"]) == {"We will close the coal plant by the end of the decade"}


def test_drift_of_a_report_is_na_and_it_is_flagged(frame):
    g = qt.score_drift(qt.group_variants(frame([
        ("a", 0, "We will close the coal plant by the end of the decade", "Lea Voss", "direct"),
        ("b", 0, "We shall close the coal plant by the end of this decade", "Lea Voss", "direct"),
        ("c", 0, "she will close the coal plant by the end of the decade", "Lea Voss", "reported"),
    ])))
    assert g["reported"].tolist() == [False, False, True]
    assert g["drift"].iloc[:2].notna().all() and pd.isna(g["drift"].iloc[2])
    assert pd.isna(g["word_similarity"].iloc[2])


def test_drift_summary_counts_quotes_and_reports_apart(frame):
    g = qt.score_drift(qt.group_variants(frame([
        ("a", 0, "We will close the coal plant by the end of the decade", "Lea Voss", "direct"),
        ("b", 0, "We shall close the coal plant by the end of this decade", "Lea Voss", "direct"),
        ("b", 100, "she will close the coal plant by the end of the decade", "Lea Voss", "reported"),
    ])).assign(outlet=["Herald", "Post", "Post"]))
    s = qt.drift_summary(g, by="outlet")
    assert s.loc["Post", "quotes"] == 1 and s.loc["Post", "reported"] == 1
    assert s.loc["Herald", "reported"] == 0
    assert s.loc["Post", "mean_drift"] == g["drift"].iloc[1]


SPEAKERS = ["Nora Vik", "Paul Dunn", None]
TEXTS = [q[2] for q in QUOTES] + [
    "she would hand the ministry to her deputy if the dam holds",
    "the orchards would be replanted with apricot trees",
    "lifeboat crews",
    "he planned to open three new ferry routes",
]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from(TEXTS), st.sampled_from(SPEAKERS),
                          st.sampled_from(["direct", "partial", "reported"])), min_size=1, max_size=14),
       st.randoms())
def test_grouping_with_reports_does_not_depend_on_row_order(frame, rows, random):
    df = frame([(d, 1000 * k, t, sp, kind) for k, (d, t, sp, kind) in enumerate(rows)])
    forward = qt.group_variants(df)
    order = list(range(len(df)))
    random.shuffle(order)
    shuffled = qt.group_variants(df.iloc[order]).loc[forward.index]
    assert forward["cluster_id"].tolist() == shuffled["cluster_id"].tolist()
    assert forward["canonical"].tolist() == shuffled["canonical"].tolist()


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from(TEXTS), st.sampled_from(SPEAKERS),
                          st.sampled_from(["direct", "partial"])), min_size=1, max_size=10),
       st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from(TEXTS), st.sampled_from(SPEAKERS)),
                max_size=6))
def test_reports_never_change_how_quotes_group(frame, quotes, reports):
    rows = [(d, 1000 * k, t, sp, kind) for k, (d, t, sp, kind) in enumerate(quotes)]
    alone = qt.group_variants(frame(rows))
    rows += [(d, 1000 * (k + 50), t, sp, "reported") for k, (d, t, sp) in enumerate(reports)]
    together = qt.group_variants(frame(rows)).iloc[:len(quotes)]
    pairs = set(zip(alone["cluster_id"], together["cluster_id"]))
    assert len(pairs) == alone["cluster_id"].nunique() == together["cluster_id"].nunique()
    assert alone["canonical"].tolist() == together["canonical"].tolist()


def test_a_lead_joins_the_quote_it_reports_further_down_its_own_article(frame, same):
    lead = "she was ready to step down as minister if the dam survived the floods"
    g = qt.group_variants(frame([
        *QUOTES,
        ("g", 0, lead, "Nora Vik", "reported"),
        ("g", 200, "If the dam holds through the floods, my deputy can have my office", "Nora Vik", "direct"),
        ("h", 0, lead, "Paul Dunn", "reported"),
    ]))
    assert same(g, 4, 5)          # the lead and the quote below it, one speaker
    assert not same(g, 4, 6)      # the same words from another speaker in another article
