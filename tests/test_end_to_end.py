"""The whole pipeline on the five seed articles, scored against the hand-made gold."""
import importlib.util
import pathlib

import pandas as pd
import pytest

import quotetrack as qt

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"

SEEDS = SHARED / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the repo")


def _load_scorer():
    """../shared/eval/score.py, loaded from its file (the tests never change sys.path)."""
    spec = importlib.util.spec_from_file_location("quotetrack_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(nlp, reported: bool) -> dict:
    score = _load_scorer()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    quotes = qt.extract_quotes(texts, nlp=nlp, reported=reported).pipe(qt.group_variants).pipe(qt.score_drift)
    pred = [{"doc": r["doc_id"], "start": int(r["start"]), "end": int(r["end"]), "text": r["text"],
             "kind": r["kind"], "speaker": None if pd.isna(r["speaker"]) else r["speaker"],
             "cluster_id": int(r["cluster_id"]), "drift": None if pd.isna(r["drift"]) else float(r["drift"])}
            for r in quotes.to_dict("records")]
    gold = score.load(SHARED / "corpus" / "seeds.gold.jsonl")
    order = score.load(SHARED / "corpus" / "seeds.drift-order.jsonl")
    return score.score(gold, pred, order)


@pytest.fixture(scope="module")
def scores(nlp):
    return _score(nlp, reported=False)


@pytest.fixture(scope="module")
def with_reported(nlp):
    return _score(nlp, reported=True)


def test_extraction_and_attribution(scores):
    assert scores["direct"]["extract_f1"] >= 1.0
    assert scores["all"]["extract_f1"] >= 1.0
    assert scores["direct"]["e2e_f1"] >= 1.0
    assert scores["all"]["e2e_f1"] >= 0.98


def test_grouping(scores):
    assert scores["direct"]["group_f1"] >= 1.0
    assert scores["all"]["group_f1"] >= 0.95


def test_drift_order(scores):
    assert scores["drift_order"]["ordered"] >= 18


def test_reported_statements_and_the_quotes_they_join(with_reported, scores):
    assert with_reported["reported"]["e2e_f1"] >= 0.90
    assert with_reported["reported"]["group_f1"] >= 0.91       # reported rows and quotes together
    for section in ("direct", "all"):
        assert with_reported[section]["e2e_f1"] == scores[section]["e2e_f1"]
