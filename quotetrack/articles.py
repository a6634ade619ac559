"""The accepted shapes of `articles`, read into plain (doc_id, text, extra columns) records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .schema import ALL_COLUMNS


@dataclass(frozen=True)
class Article:
    doc_id: Any
    text: str
    extra: dict = field(default_factory=dict)


def iter_articles(articles) -> Iterator[Article]:
    """Yield articles one by one, checking each text; never materialises the input."""
    if isinstance(articles, (str, bytes)):
        raise TypeError("articles must be a collection of texts (a mapping, Series, DataFrame or "
                        f"list), not a single {type(articles).__name__}: wrap it as [text]")
    if isinstance(articles, pd.DataFrame):
        yield from _from_frame(articles)
    elif isinstance(articles, pd.Series):
        for doc_id, text in articles.items():
            yield Article(doc_id, check_text(doc_id, text))
    elif isinstance(articles, Mapping):
        for doc_id, text in articles.items():
            yield Article(doc_id, check_text(doc_id, text))
    elif isinstance(articles, Iterable):
        for doc_id, text in enumerate(articles):
            yield Article(doc_id, check_text(doc_id, text))
    else:
        raise TypeError("articles must be a mapping {doc_id: text}, a pandas Series or DataFrame, "
                        f"or an iterable of texts, not {type(articles).__name__}")


def _from_frame(frame: pd.DataFrame) -> Iterator[Article]:
    if "text" not in frame.columns:
        raise ValueError("articles DataFrame needs a 'text' column; its columns are: "
                         f"{', '.join(map(str, frame.columns)) or '(none)'}")
    extra_columns = [c for c in frame.columns if c not in ("text", "doc_id")]
    ids = frame["doc_id"] if "doc_id" in frame.columns else frame.index
    texts = frame["text"]
    extras = frame[extra_columns].rename(columns=_carried_name).to_dict("records") if extra_columns else None
    for i, (doc_id, text) in enumerate(zip(ids, texts)):
        yield Article(doc_id, check_text(doc_id, text), extras[i] if extras else {})


def _carried_name(column):
    """An article column named like a column quotetrack writes is carried as article_<name>."""
    return f"article_{column}" if column in ALL_COLUMNS else column


def check_text(doc_id, text) -> str:
    if not isinstance(text, str):
        raise TypeError(f"article {doc_id!r}: text must be a str, not {type(text).__name__}"
                        + (" (decode it first)" if isinstance(text, (bytes, bytearray)) else ""))
    return text


def carried_columns(articles) -> dict:
    """The columns of an articles DataFrame that go onto every quote row, with their dtypes."""
    if not isinstance(articles, pd.DataFrame):
        return {}
    return {_carried_name(c): articles[c].dtype for c in articles.columns if c not in ("text", "doc_id")}
