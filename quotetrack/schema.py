"""The columns of quotetrack's frames and their dtypes, defined once for every stage.

extract_quotes, quotetrack.dask, group_variants and score_drift all build their columns from
here, so a column cannot change name or type in one place and not in another.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

# Kinds of row. `reported` rows (reported speech) appear only with extract_quotes(reported=True).
REPORTED = "reported"
QUOTE_KINDS = ("direct", "partial", "heading", "other")
DIRECT, PARTIAL = "direct", "partial"
KINDS = [*QUOTE_KINDS, REPORTED]

# extract_quotes: one row per quoted span (or reported statement).
QUOTE_COLUMNS = ["doc_id", "start", "end", "text", "kind", "speaker", "speaker_start",
                 "speaker_end", "cue"]
# group_variants adds:
GROUP_COLUMNS = ["cluster_id", "passage_id", "canonical", "passage_sources"]
# score_drift adds:
DRIFT_COLUMNS = ["drift", "word_similarity", "words_deleted", "words_inserted", "words_replaced",
                 "truncated", "speaker_mismatch", "reported"]

# The dtype of text doc_ids: pandas' default string dtype, which extract_quotes infers from Python
# strings (dask's pyarrow strings are turned into it). quotetrack.dask holds every text column in
# it, so that its partitions and their meta agree and Parquet can write them; in memory `text` is a
# Python object.
TEXT_DTYPE = pd.Series(["a"]).dtype

# Every column a stage writes: an article column of the same name is carried as article_<name>.
ALL_COLUMNS = frozenset(QUOTE_COLUMNS + GROUP_COLUMNS + DRIFT_COLUMNS) - {"doc_id", "text"}


def is_reported(frame: pd.DataFrame) -> np.ndarray:
    """Which rows are reported statements (kind `reported`), as a boolean mask; none of them
    when the frame has no `kind` column."""
    if "kind" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return (frame["kind"].astype(str) == REPORTED).to_numpy()


def is_none(value) -> bool:
    """None, pd.NA, NaN and NaT alike: the one test for a missing value."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def quote_frame(rows: list[dict], extra_columns: list[str] | None = None,
                carried: dict | None = None) -> pd.DataFrame:
    """The extract_quotes frame from plain row dicts, every column in its dtype.

    carried: {column: dtype} of article columns, restored where the values still fit."""
    extra_columns = list(extra_columns or [])
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS + extra_columns)
    return with_quote_dtypes(frame, carried)


def doc_id_dtype(ids: pd.Series):
    """The doc_id dtype of quote rows with the ids `ids`: text ids (a string dtype, or Python
    strings only) as TEXT_DTYPE, whichever string dtype held them (dask holds text as pyarrow
    strings); other ids keep their dtype."""
    if ids.dtype == object:
        return TEXT_DTYPE if len(ids) and pd.api.types.is_string_dtype(ids) else ids.dtype
    return TEXT_DTYPE if pd.api.types.is_string_dtype(ids.dtype) else ids.dtype


def with_quote_dtypes(frame: pd.DataFrame, carried: dict | None = None) -> pd.DataFrame:
    frame["doc_id"] = frame["doc_id"].astype(doc_id_dtype(frame["doc_id"]))
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    frame["text"] = frame["text"].astype(object)
    frame["kind"] = pd.Categorical(frame["kind"].astype(object), categories=KINDS)
    for column in ("speaker", "cue"):
        frame[column] = pd.array([None if is_none(v) else v for v in frame[column].tolist()],
                                 dtype="string")
    for column in ("speaker_start", "speaker_end"):
        frame[column] = pd.array([None if is_none(v) else int(v) for v in frame[column].tolist()],
                                 dtype="Int64")
    for column, dtype in (carried or {}).items():
        try:
            frame[column] = frame[column].astype(dtype)
        except (TypeError, ValueError):
            pass    # a column whose values no longer fit its old type keeps what pandas chose
    return frame
