"""Past one machine: quotetrack's steps over dask DataFrames (extra `[dask]`).

    import dask.dataframe as dd
    import quotetrack.dask as qtd

    articles = dd.read_parquet("articles/")           # columns: doc_id, text, outlet, ...
    quotes = qtd.extract_quotes(articles)              # lazy: one quote frame per partition
    quotes = qtd.score_drift(qtd.group_variants(quotes))
    quotes.to_parquet("quotes/")

The quote rows stay on the workers from start to end: each worker loads the spaCy pipeline once,
and only small summaries travel to the client (see grouping.py). The answers are those of
quotetrack.extract_quotes, group_variants and score_drift on the same rows in memory.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .. import extract as _extract
from ..names import canonical_speakers
from ..schema import TEXT_DTYPE, doc_id_dtype, with_quote_dtypes
from .grouping import group_variants, score_drift

__all__ = ["collect_quotes", "extract_quotes", "group_variants", "score_drift"]


def extract_quotes(articles, *, reported: bool = False, batch_size: int = 256, speakers=None):
    """A lazy dask DataFrame of quote rows (and, with `reported=True`, reported statements),
    one partition per partition of `articles`.

    `articles` is a dask DataFrame with a `text` column (and `doc_id`, or its index as doc_id);
    every other column is carried onto the quote rows, as with quotetrack.extract_quotes. One
    name per person across all partitions: only the distinct names and their counts meet in one
    task, which chooses the names (as extract_quotes does in memory, `speakers` winning)."""
    import dask

    if "text" not in articles.columns:
        raise ValueError("articles needs a 'text' column; its columns are: "
                         f"{', '.join(map(str, articles.columns)) or '(none)'}")
    dtypes = _dtypes(articles._meta)
    meta = _meta(articles._meta).astype(dtypes)
    raw = articles.map_partitions(_partition_quotes, reported=reported, batch_size=batch_size,
                                  dtypes=dtypes, meta=meta)
    names = dask.delayed(_name_mapping, pure=True)(raw["speaker"].value_counts(), speakers)
    return raw.map_partitions(_named, names, meta=meta)


def collect_quotes(quotes, speakers=None) -> pd.DataFrame:
    """Compute the quote rows into one pandas frame (for a corpus whose quotes fit in memory).
    `speakers`: a registry applied again over the collected rows."""
    frame = quotes.compute() if hasattr(quotes, "compute") else quotes
    frame = with_quote_dtypes(frame.reset_index(drop=True))
    return _extract.canonical_names(frame, speakers) if speakers else frame


def _partition_quotes(partition: pd.DataFrame, reported: bool, batch_size: int,
                      dtypes: dict) -> pd.DataFrame:
    return _extract.unnamed_quotes(partition, reported=reported, batch_size=batch_size).astype(dtypes)


def _dtypes(articles_meta: pd.DataFrame) -> dict:
    ids = articles_meta["doc_id"] if "doc_id" in articles_meta.columns else articles_meta.index
    return {"text": TEXT_DTYPE, "doc_id": TEXT_DTYPE if ids.dtype == object else doc_id_dtype(ids)}


def _name_mapping(counts: pd.Series, registry) -> dict:
    names = Counter({name: int(n) for name, n in counts.items() if isinstance(name, str)})
    if not names and not registry:
        return {}
    return canonical_speakers(names.elements(), registry)


def _named(partition: pd.DataFrame, mapping: dict) -> pd.DataFrame:
    return _extract.with_names(partition.copy(), mapping) if mapping else partition


def _meta(articles_meta: pd.DataFrame) -> pd.DataFrame:
    return _extract.unnamed_quotes(articles_meta.iloc[:0])
