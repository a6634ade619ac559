"""Hostile input: property tests over extract_quotes -> group_variants -> score_drift.

Fast enough for CI by default; HYPOTHESIS_PROFILE=long runs many more examples.
"""
import os

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrack as qt

settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

MARKS = ['"', "''", "``", "“", "”", "„", "‟", "‘", "’", "‚", "'", "«", "»", "‹", "›"]
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\n\n", "\x0b", "\x0c", "\x85"]
ODD = ["\x00", "\x01", "\x7f", "\u200b", "\ufeff", "😀", "👩‍👩‍👧", "\u202e", "שלום", "مرحبا",
       "e\u0301", "a\u0308\u0308", "\ud7ff", "’90s", "rock 'n' roll", "don't", "Russia's"]
WORDS = ["he", "she", "said", "told", "reporters", "the", "minister", "Anna", "Berg", "Paul",
         "Quinn", "according", "to", "we", "will", "win", "not", "a", "crisis", ",", ".", ":", "—",
         "Mr.", "Ms.", "President", "added", "saying", "is", "war", "peace", "X", "wrote", "on"]

pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(ODD),
                   st.sampled_from(BREAKS), st.text(max_size=6))
article = st.lists(pieces, max_size=120).map(" ".join)
long_paragraph = st.integers(min_value=200, max_value=1000).map(
    lambda n: "“" + "word " * n + "” he said. " + "and " * n)
nested = st.integers(min_value=1, max_value=40).map(lambda n: "“‘" * n + "deep" + "’”" * n + " Anna Berg said.")
many_quotes = st.integers(min_value=50, max_value=400).map(
    lambda n: " ".join(f'"q{i}," she said.' for i in range(n)))
open_at_end = article.map(lambda t: t + " “")
articles = st.lists(st.one_of(article, article, article, long_paragraph, nested, many_quotes, open_at_end),
                    min_size=1, max_size=4)


# Reported speech comes out of sentences of saying: give the generator some.
REPORTING = st.sampled_from([
    "Anna Berg said the port would reopen in May.", "The war, he said, is not over.",
    "According to the ministry, ten people died.", "She told reporters that “we will win” soon.",
    "Paul Quinn, who said that peace was near, left.", "“I told him that we would win,” he said.",
    "They said it.", "said that", "according to", "Quinn added that and that and that.",
])
reporting_article = st.lists(st.one_of(pieces, REPORTING), max_size=60).map(" ".join)


def pipeline(texts, nlp, reported=False):
    quotes = qt.extract_quotes({f"doc{i}": t for i, t in enumerate(texts)}, nlp=nlp, reported=reported)
    return qt.score_drift(qt.group_variants(quotes))


def check_spans(result, texts):
    by_id = {f"doc{i}": t for i, t in enumerate(texts)}
    for row in result.itertuples(index=False):
        text = by_id[row.doc_id]
        assert 0 <= row.start <= row.end <= len(text)
        assert text[row.start:row.end] == row.text
        if not pd.isna(row.speaker_start):
            assert 0 <= row.speaker_start < row.speaker_end <= len(text)
        if row.kind == "reported":
            assert len(row.text.split()) >= 3
        else:
            # NA exactly where no other source renders the passage: nothing to drift from
            assert pd.isna(row.drift) == (row.passage_sources < 2)
            assert pd.isna(row.drift) or 0.0 <= row.drift <= 1.0
    assert result.attrs["errors"] == {}


@given(articles)
def test_spans_are_in_the_text_and_drift_is_bounded(nlp, texts):
    check_spans(pipeline(texts, nlp), texts)


@given(st.lists(st.one_of(reporting_article, article), min_size=1, max_size=4))
def test_reported_rows_are_in_the_text(nlp, texts):
    check_spans(pipeline(texts, nlp, reported=True), texts)


@settings(max_examples=max(10, settings().max_examples // 3))
@given(articles)
def test_same_input_same_output(nlp, texts):
    pd.testing.assert_frame_equal(pipeline(texts, nlp), pipeline(texts, nlp))


@settings(max_examples=max(10, settings().max_examples // 3))
@given(st.lists(st.one_of(reporting_article, article), min_size=1, max_size=4))
def test_same_input_same_output_with_reported_speech(nlp, texts):
    pd.testing.assert_frame_equal(pipeline(texts, nlp, reported=True),
                                  pipeline(texts, nlp, reported=True))


@settings(max_examples=max(10, settings().max_examples // 3))
@given(st.lists(st.sampled_from([
    "“We will rebuild the port by spring,” Mayor Rita Olsen said.",
    "“We shall rebuild the port by the spring,” Olsen told reporters.",
    "“The harbour reopens in May,” she said. “Nobody is left behind.”",
    "“The harbor will reopen in May,” said Rita Olsen.",
    'Critics called the plan a "fantasy" and "dead on arrival."',
    "Mayor Rita Olsen said the port would be rebuilt by the spring.",
    "The harbour will reopen in May, according to Rita Olsen.",
]), min_size=2, max_size=6), st.randoms())
def test_reordering_the_articles_keeps_the_grouping(nlp, texts, random):
    ids = [f"doc{i}" for i in range(len(texts))]
    forward = qt.group_variants(qt.extract_quotes(dict(zip(ids, texts)), nlp=nlp, reported=True))
    order = list(range(len(texts)))
    random.shuffle(order)
    shuffled = qt.group_variants(qt.extract_quotes({ids[i]: texts[i] for i in order}, nlp=nlp,
                                                   reported=True))
    key = ["doc_id", "start"]
    a = forward.sort_values(key)[[*key, "cluster_id", "passage_id", "canonical"]].reset_index(drop=True)
    b = shuffled.sort_values(key)[[*key, "cluster_id", "passage_id", "canonical"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


@settings(max_examples=settings().max_examples * 3)
@given(st.lists(st.text(alphabet="abc xyzéñ—…“”'\"", max_size=60), max_size=30))
def test_grouping_never_crashes_on_odd_quote_texts(texts):
    frame = pd.DataFrame({"doc_id": range(len(texts)), "text": texts,
                          "speaker": [None if i % 3 else "A B" for i in range(len(texts))]})
    result = qt.score_drift(qt.group_variants(frame))
    assert len(result) == len(texts)
    assert result["drift"].dropna().between(0, 1).all()
    assert (result["drift"].isna() == (result["passage_sources"] < 2)).all()


def test_thousands_of_quotes_in_one_article(nlp):
    text = " ".join(f"“Point {i} stands,” she said." for i in range(3000))
    result = pipeline(["Judge Ana Lima spoke.\n\n" + text], nlp)
    assert result["text"].tolist() == [f"Point {i} stands," for i in range(3000)]
    assert set(result["speaker"]) == {"Ana Lima"}


def test_an_article_of_several_megabytes_is_processed_in_pieces(nlp):
    filler = ("The committee met again on Tuesday and nothing was decided. " * 40 + "\n\n") * 1000
    text = filler + "“We are done here,” chair Mia Holt said.\n\n" + filler
    assert len(text) > 4_000_000 > nlp.max_length
    result = qt.extract_quotes({"big": text}, nlp=nlp)
    assert result["text"].tolist() == ["We are done here,"]
    assert result["speaker"].tolist() == ["Mia Holt"]


# --- The README's promises, for any text -------------------------------------------------------

NAMES = ["Rita Olsen", "Olsen", "Tomas Berg", "Dr. Ana Lima", "the minister", "she", "he", "it",
         "the sign", "Kovalenko", "Kovalenkko", "Ann \"Duck\" Moss"]
QUOTED = ["We will win", "The harbour will reopen in May", "No", "Never again!", "dictator",
          "Is this the end?", "I told him that we would rebuild", "rock 'n' roll", "the '90s"]
sentence = st.one_of(
    st.builds(lambda o, q, c, n: f"{o}{q},{c} {n} said.", st.sampled_from(["“", '"', "‘", "«"]),
              st.sampled_from(QUOTED), st.sampled_from(["”", '"', "’", "»", ""]), st.sampled_from(NAMES)),
    st.builds(lambda n, q: f"{n} said: “{q}.”", st.sampled_from(NAMES), st.sampled_from(QUOTED)),
    st.builds(lambda n, q: f"{n} said that {q.lower()}.", st.sampled_from(NAMES), st.sampled_from(QUOTED)),
    st.builds(lambda n: f"{n} visited the port on Monday.", st.sampled_from(NAMES)),
    st.sampled_from(MARKS + ODD + BREAKS),
)
story = st.lists(sentence, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=max(8, settings().max_examples // 4))
@given(story)
def test_a_text_diffed_with_itself_is_the_same(nlp, text):
    result = qt.diff(text, text, nlp=nlp)
    assert result.same, result.to_text()
    assert result.pairs["status"].eq("same").all() and result.only_a.empty and result.only_b.empty


BOOM = "“BOOM,” Rita Olsen said."


def rows_by_article(frame) -> dict:
    frame = frame.reset_index(drop=True)
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    out: dict = {}
    for r in records:
        out.setdefault(r["doc_id"], []).append(r)
    return out


@settings(max_examples=max(8, settings().max_examples // 4))
@given(st.lists(story, min_size=1, max_size=4), st.lists(st.integers(0, 4), min_size=1, max_size=3))
def test_a_bad_article_never_changes_the_other_articles_rows(fragile_nlp, texts, places):
    good = {f"doc{i}": t.replace("BOOM", "boom") for i, t in enumerate(texts)}
    mixed = list(good.items())
    for k, place in enumerate(places):
        mixed.insert(min(place, len(mixed)), (f"bad{k}", BOOM))
    alone = qt.extract_quotes(good, nlp=fragile_nlp)
    together = qt.extract_quotes(dict(mixed), nlp=fragile_nlp, on_error="skip")
    assert rows_by_article(together) == rows_by_article(alone)
    assert sorted(together.attrs["errors"]) == sorted(f"bad{k}" for k in range(len(places)))


@settings(max_examples=max(8, settings().max_examples // 4))
@given(st.lists(story, min_size=2, max_size=5), st.randoms())
def test_reordering_the_articles_changes_no_row(nlp, texts, random):
    articles = {f"doc{i}": t for i, t in enumerate(texts)}
    order = list(articles)
    random.shuffle(order)
    forward = qt.extract_quotes(articles, nlp=nlp, reported=True)
    shuffled = qt.extract_quotes({k: articles[k] for k in order}, nlp=nlp, reported=True)
    assert rows_by_article(shuffled) == rows_by_article(forward)
    assert shuffled["doc_id"].unique().tolist() == [k for k in order if k in set(forward["doc_id"])]
