"""Past one machine: extract_quotes over a dask DataFrame of articles (extra `[dask]`).

    import dask.dataframe as dd
    import quotetrack.dask as qtd

    articles = dd.read_parquet("articles/")          # columns: doc_id, text, outlet, ...
    quotes = qtd.extract_quotes(articles)             # lazy: one quote frame per partition
    quotes = qtd.collect_quotes(quotes)               # a pandas frame, one name per person
    quotes = quotes.pipe(qt.group_variants).pipe(qt.score_drift)

Each worker loads the spaCy pipeline once and keeps it. Grouping needs every quote at once, so
it runs on the collected quotes (quotes are a small fraction of the articles' text).
"""
from __future__ import annotations

import pandas as pd

from . import extract as _extract
from .schema import with_quote_dtypes


def extract_quotes(articles, *, reported: bool = False, batch_size: int = 256):
    """A lazy dask DataFrame of quote rows (and, with `reported=True`, reported statements),
    one partition per partition of `articles`.

    `articles` is a dask DataFrame with a `text` column (and `doc_id`, or its index as doc_id);
    every other column is carried onto the quote rows, as with quotetrack.extract_quotes."""
    if "text" not in articles.columns:
        raise ValueError("articles needs a 'text' column; its columns are: "
                         f"{', '.join(map(str, articles.columns)) or '(none)'}")
    meta = _meta(articles._meta)
    return articles.map_partitions(_partition_quotes, reported=reported, batch_size=batch_size,
                                   meta=meta)


def collect_quotes(quotes, speakers=None) -> pd.DataFrame:
    """Compute the quote rows and give each person one name across all partitions."""
    frame = quotes.compute() if hasattr(quotes, "compute") else quotes
    frame = frame.reset_index(drop=True)
    frame = with_quote_dtypes(frame)
    return _extract.canonical_names(frame, speakers)


def _partition_quotes(partition: pd.DataFrame, reported: bool, batch_size: int) -> pd.DataFrame:
    # Names are made consistent across partitions by collect_quotes, not here.
    return _extract.extract_quotes(partition, reported=reported, batch_size=batch_size)


def _meta(articles_meta: pd.DataFrame) -> pd.DataFrame:
    empty = _extract.extract_quotes(articles_meta.iloc[:0])
    return empty
