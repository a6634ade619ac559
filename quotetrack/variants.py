"""`source_variants`: one row per utterance and source, what that source printed of it.

A source that splits a quote around its attribution ("A," she said. "B.") or prints two of its
passages apart still printed one utterance: its pieces are joined in text order and compared
with the common wordings of the passages they render, joined the same way, so a reader sees
"cut" only where words are really missing.
"""
from __future__ import annotations

import pandas as pd

from .drift import score_drift
from .frames import require_columns
from .names import majority_speaker
from .schema import is_none, is_reported

NEEDED = ["doc_id", "text", "kind", "speaker", "cluster_id", "canonical"]


def source_variants(quotes: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """One row per utterance (cluster_id), source and kind: the pieces that source printed, joined
    in text order, with the passages they belong to and their drift.

    quotes: the frame of group_variants (or score_drift). by: the column naming each source (a
    row with no value there is named by its doc_id; without an `outlet` column the default names
    every source by its doc_id).
    Columns: cluster_id, source, kind, text, pieces, passage_ids (the passages of the pieces, in
    text order), speaker, canonical (the common wordings of those passages, joined), doc_id, and
    score_drift's. Reported speech is left out: a paraphrase is not a wording.
    """
    return _joined(quotes, by, ["cluster_id", "source", "kind"], "source_variants")


def passage_variants(quotes: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """As source_variants, one row per passage, source and kind: the renderings of each passage
    (a quote spanning several passages counts under the one it covers most)."""
    return _joined(quotes, by, ["cluster_id", "passage_id", "source", "kind"], "passage_variants")


def _joined(quotes: pd.DataFrame, by: str, keys: list[str], step: str) -> pd.DataFrame:
    require_columns(quotes, NEEDED, f"{step} (run group_variants first)")
    if by != "outlet" or "outlet" in quotes.columns:
        require_columns(quotes, [by], f"{step}(by=...)")
    rows = quotes[~is_reported(quotes)].assign(source=lambda f: source_labels(f, by))
    rows = rows.assign(text=[t if isinstance(t, str) else "" for t in rows["text"]])
    if "passage_id" not in rows.columns:
        rows = rows.assign(passage_id=pd.array([pd.NA] * len(rows), dtype="Int64"))
    rank = {name: i for i, name in enumerate(dict.fromkeys(rows["source"]))}
    rows = rows.assign(source_rank=rows["source"].map(rank))
    rows = rows.sort_values(["cluster_id", "source_rank", *(["start"] if "start" in rows.columns else [])],
                            kind="stable")
    rows = rows.assign(kind=rows["kind"].astype(str), speaker=rows["speaker"].astype(object))
    joined = (rows.groupby(keys, sort=False, dropna=False)
                  .agg(text=("text", " ".join), pieces=("text", "size"),
                       passage_ids=("passage_id", lambda p: [int(v) for v in _distinct(p)]),
                       speaker=("speaker", majority_speaker),
                       canonical=("canonical", lambda c: " ".join(_distinct(c))),
                       doc_id=("doc_id", "first"),
                       **({"passage_sources": ("passage_sources", "max")}
                          if "passage_sources" in rows.columns else {}))
                  .reset_index())
    joined["speaker"] = joined["speaker"].astype("string")
    return score_drift(joined)


def source_labels(frame: pd.DataFrame, by: str | None) -> pd.Series:
    """The source of each row as text: its `by` value, else its doc_id."""
    values = frame[by] if by in frame.columns else [None] * len(frame)
    return pd.Series([str(d) if is_none(s) else str(s) for s, d in zip(values, frame["doc_id"])],
                     index=frame.index, dtype=object)


def _distinct(values) -> list:
    """The values in order, each once, missing ones left out."""
    return list(dict.fromkeys(v for v in values if not is_none(v)))
