"""qt.diff: two versions of one story, quotation by quotation."""
import pytest

import quotetrack as qt

NOBODY_LONG = "“The harbour will reopen in May,” the sign said."
NOBODY_SHORT = "“We will win,” the sign said."


@pytest.mark.parametrize("text", [NOBODY_LONG, NOBODY_SHORT])
def test_a_text_with_no_named_speaker_is_the_same_as_itself(nlp, text):
    result = qt.diff(text, text, nlp=nlp)
    assert result.summary == {"matched": 1, "reworded": 0, "speaker_changed": 0, "only_in_a": 0,
                              "only_in_b": 0, "paraphrased": 0, "mean_drift": 0.0}
    assert result.same
    assert result.pairs.to_dict("records") == [{
        "a_text": text[1:text.index(",") + 1], "b_text": text[1:text.index(",") + 1],
        "a_speaker": None, "b_speaker": None, "status": "same", "drift": 0.0}]
    assert "speaker:" not in result.to_text() and "&rarr;" not in result._repr_html_()


def test_a_short_quote_of_two_named_people_is_not_paired(nlp):
    result = qt.diff("“No,” Lee Park said.", "“No,” Dana Fry said.", nlp=nlp)
    assert result.pairs.empty
    assert result.only_a.to_dict("records") == [{"text": "No,", "speaker": "Lee Park"}]
    assert result.only_b.to_dict("records") == [{"text": "No,", "speaker": "Dana Fry"}]


def test_a_speaker_named_on_one_side_only_is_a_change(nlp):
    result = qt.diff(NOBODY_LONG, "“The harbour will reopen in May,” Rita Olsen said.", nlp=nlp)
    assert result.summary["speaker_changed"] == 1 and not result.same
    assert "  speaker: ? -> Rita Olsen" in result.to_text()


@pytest.mark.parametrize("a, b, changed", [
    (None, None, False), (None, float("nan"), False), ("Lee", "Lee", False),
    ("Lee", None, True), (None, "Lee", True), ("Lee", "Kim", True),
])
def test_speaker_changed_treats_every_missing_value_as_none(a, b, changed):
    import pandas as pd

    from quotetrack.diff import speaker_changed
    assert speaker_changed(a, b) is changed
    assert speaker_changed(pd.NA if a is None else a, b) is changed
