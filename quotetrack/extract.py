"""`extract_quotes`: quoted spans, their kind and speaker, one row per span."""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
import pandas as pd

from .articles import Article, iter_articles
from .attribution import Attribution, attribute_article
from .names import canonical_speakers
from .pipeline import load_pipeline
from .parsing import parsed_articles
from .quotemarks import QuotedSpan

KINDS = ["direct", "partial", "heading", "other"]
COLUMNS = ["doc_id", "start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
           "cue"]


def extract_quotes(articles, *, nlp=None, speakers: Mapping[str, Iterable[str]] | None = None,
                   batch_size: int = 256, progress: bool = False) -> pd.DataFrame:
    """One row per quoted span of every article, with its kind and speaker.

    `speakers` is an optional registry {canonical name: [aliases]} that wins over the names
    guessed from the text. `nlp` is your own spaCy pipeline (default: en_core_web_sm).
    An article that fails is skipped with a warning naming it; the others are returned.
    `progress=True` shows a progress bar (tqdm) on standard error.
    """
    items = list(iter_articles(articles))
    nlp = load_pipeline(nlp)
    rows: list[dict] = []
    failed: dict = {}
    parsed = parsed_articles(items, nlp, batch_size)
    if progress:
        from tqdm import tqdm
        parsed = tqdm(parsed, total=len(items), unit="article", desc="quotetrack")
    for article, paragraphs, quotes, docs in parsed:
        try:
            attributions = attribute_article(article.text, paragraphs, docs, quotes)
        except Exception as exc:  # one bad article never sinks the batch
            failed[article.doc_id] = f"{type(exc).__name__}: {exc}"
            warnings.warn(f"quotetrack: article {article.doc_id!r} skipped: {failed[article.doc_id]}",
                          RuntimeWarning, stacklevel=2)
            continue
        rows.extend(_rows(article, quotes, attributions))
    frame = _frame(rows, items)
    frame = _canonical_names(frame, speakers)
    frame.attrs["errors"] = failed
    return frame


def _rows(article: Article, quotes: list[QuotedSpan], attributions: list[Attribution]):
    for q, a in zip(quotes, attributions):
        yield {"doc_id": article.doc_id, "start": q.start, "end": q.end,
               "text": article.text[q.start:q.end], "kind": a.kind, "speaker": a.speaker,
               "speaker_start": a.mention[0] if a.mention else None,
               "speaker_end": a.mention[1] if a.mention else None,
               "cue": a.cue, **article.extra}


def _frame(rows: list[dict], items: list[Article]) -> pd.DataFrame:
    extra_columns = list(dict.fromkeys(k for a in items for k in a.extra))
    frame = pd.DataFrame(rows, columns=COLUMNS + extra_columns)
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    frame["text"] = frame["text"].astype(object)
    frame["kind"] = pd.Categorical(frame["kind"], categories=KINDS)
    for column in ("speaker", "cue"):
        frame[column] = pd.array(frame[column].tolist(), dtype="string")
    for column in ("speaker_start", "speaker_end"):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    return frame


def _canonical_names(frame: pd.DataFrame, registry) -> pd.DataFrame:
    names = frame["speaker"].dropna().tolist()
    if not names and not registry:
        return frame
    mapping = canonical_speakers(names, registry)
    frame["speaker"] = pd.array([mapping.get(n, n) if isinstance(n, str) else None
                                 for n in frame["speaker"].tolist()], dtype="string")
    return frame
