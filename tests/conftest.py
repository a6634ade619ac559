import pathlib

import pytest

import quotetrack as qt

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return qt.load_pipeline()


@pytest.fixture
def quotes_of(nlp):
    """Extract one text's quotes as a list of dicts (text, kind, speaker, cue, mention)."""
    def run(text, **options):
        frame = qt.extract_quotes({"a": text}, nlp=nlp, **options)
        rows = []
        for r in frame.to_dict("records"):
            mention = None
            if r["speaker_start"] is not None and r["speaker_start"] is not qt_na():
                mention = text[int(r["speaker_start"]):int(r["speaker_end"])]
            rows.append({"text": r["text"], "kind": r["kind"],
                         "speaker": None if _na(r["speaker"]) else r["speaker"],
                         "cue": None if _na(r["cue"]) else r["cue"], "mention": mention})
        return rows
    return run


def qt_na():
    import pandas as pd
    return pd.NA


def _na(value):
    import pandas as pd
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
