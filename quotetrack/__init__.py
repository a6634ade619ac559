"""quotetrack: find the quotes in news articles, who said them, and how they drift across copies."""
from .extract import extract_quotes
from .pipeline import load_pipeline

__all__ = ["extract_quotes", "load_pipeline"]
__version__ = "0.1.0"
