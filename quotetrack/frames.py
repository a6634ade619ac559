"""Checks shared by the DataFrame steps."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def require_columns(frame, columns: Iterable[str], step: str) -> None:
    """Fail fast, naming what is missing, before any work is done."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{step} takes a pandas DataFrame (the output of extract_quotes), "
                        f"not {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{step}: the frame lacks column(s) {', '.join(map(repr, missing))}; "
                         f"it has: {', '.join(map(str, frame.columns)) or '(none)'}")
