"""score_drift and drift_summary on hand-made clusters."""
import pandas as pd
import pytest

import quotetrack as qt


def clustered(texts, speakers=None, outlets=None, canonical=None):
    n = len(texts)
    return pd.DataFrame({
        "doc_id": list(range(n)), "text": texts, "cluster_id": [0] * n,
        "canonical": [canonical or texts[0]] * n,
        "speaker": speakers or ["Lea Voss"] * n,
        "outlet": outlets or ["x"] * n,
    })


def test_same_words_in_other_marks_case_and_spacing_have_zero_drift():
    d = qt.score_drift(clustered(["We will rebuild ‘every’ house, now.", "we  will rebuild 'every' HOUSE now"]))
    assert d["drift"].tolist() == [0.0, 0.0]


def test_british_spelling_is_not_drift():
    d = qt.score_drift(clustered(["a defence of our honour", "a defense of our honor"]))
    assert d["drift"].iloc[1] == 0.0


def test_drift_grows_with_rewording():
    d = qt.score_drift(clustered([
        "We will rebuild every house that the water took from us",
        "We will rebuild every home that the water took from us",
        "We shall rebuild each home that the flood took away from us",
    ]))
    assert 0 == d["drift"].iloc[0] < d["drift"].iloc[1] < d["drift"].iloc[2] <= 1


def test_word_edits_explain_the_drift():
    d = qt.score_drift(clustered(["the water took every house", "the flood took every house away"]))
    row = d.iloc[1]
    assert (row.words_replaced, row.words_inserted, row.words_deleted) == (1, 1, 0)
    assert row.word_similarity == pytest.approx(1 - 3 / 11, abs=1e-3)


def test_truncation_is_flagged_and_not_counted_as_rewording():
    d = qt.score_drift(clustered([
        "Fate chose this road, the people chose this road, and we will walk it together",
        "the people chose this road",
    ]))
    row = d.iloc[1]
    assert bool(row.truncated) and row.drift == 0.0
    assert row.words_deleted == 10
    assert not bool(d["truncated"].iloc[0])


def test_speaker_mismatch_against_the_cluster_majority():
    d = qt.score_drift(clustered(["a b c", "a b c", "a b c", "a b c"],
                                 speakers=["Ann Lee", "Ann Lee", "Bob Stone", None]))
    assert d["speaker_mismatch"].tolist()[:3] == [False, False, True]
    assert d["speaker_mismatch"].isna().tolist()[3]


def test_drift_summary_by_outlet():
    d = qt.score_drift(clustered(
        ["We will rebuild every house that the water took from us",
         "We will rebuild every home that the water took from us",
         "every house that the water took"],
        speakers=["Lea Voss", "Lea Voss", "Max Ruf"], outlets=["Herald", "Post", "Post"]))
    s = qt.drift_summary(d, by="outlet")
    assert s.loc["Herald", "quotes"] == 1 and s.loc["Post", "quotes"] == 2
    assert s.loc["Herald", "mean_drift"] == 0.0
    assert s.loc["Post", "share_truncated"] == 0.5
    assert s.loc["Post", "share_misattributed"] == 0.5


def test_score_drift_needs_grouping_first():
    with pytest.raises(ValueError, match=r"run group_variants first.*'cluster_id', 'canonical'"):
        qt.score_drift(pd.DataFrame({"text": ["x"]}))


def test_summary_names_a_missing_group_column():
    d = qt.score_drift(clustered(["a b"]))
    with pytest.raises(ValueError, match=r"'publisher'"):
        qt.drift_summary(d, by="publisher")


def test_input_is_not_mutated():
    df = clustered(["a b c", "a b d"])
    before = df.copy()
    qt.score_drift(df)
    pd.testing.assert_frame_equal(df, before)


def test_an_empty_variant_has_drifted_all_the_way():
    d = qt.score_drift(clustered(["We will rebuild every house that the water took from us", ""]))
    assert d["drift"].iloc[1] == 1.0 and not d["truncated"].iloc[1]


def test_truncated_says_exactly_when_a_cut_was_measured():
    d = qt.score_drift(clustered([
        "We will rebuild every house that the water took from us this spring and summer",
        "We will rebuild every house that the watr took",         # cut, with a typo
        "We will rebuild every house that the water took from us this spring and summer too",
    ]))
    assert d["truncated"].tolist() == [False, True, False]
    assert 0 < d["drift"].iloc[1] < 0.1


def test_drift_summary_reads_a_missing_reported_flag_as_a_quote():
    d = qt.score_drift(clustered(["a b c d", "a b c d"], outlets=["x", "y"]))
    d["reported"] = pd.array([pd.NA, False], dtype="boolean")
    assert qt.drift_summary(d, by="outlet")["quotes"].tolist() == [1, 1]
