"""quotetrack: find the quotes in news articles, who said them, and how they drift across copies.

    quotes = qt.extract_quotes(articles)   # one row per quoted span, with kind and speaker
    quotes = qt.group_variants(quotes)     # + cluster_id, passage_id, canonical
    quotes = qt.score_drift(quotes)        # + drift and what explains it
"""
from .diff import QuoteDiff, diff
from .drift import drift_summary, score_drift
from .extract import extract_quotes, iter_quotes
from .grouping import group_variants
from .pipeline import load_pipeline
from .report import report
from .tables import read_articles
from .variants import source_variants

__all__ = ["extract_quotes", "iter_quotes", "group_variants", "score_drift", "drift_summary", "diff", "QuoteDiff",
           "load_pipeline", "report", "read_articles", "source_variants"]
__version__ = "0.1.0"
