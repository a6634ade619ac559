import pandas as pd
import pytest

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
