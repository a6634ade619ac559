"""`extract_quotes`: quoted spans (and, on request, reported statements), their kind and
speaker, one row per span."""
from __future__ import annotations

import pickle
import warnings
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from typing import Literal

import pandas as pd

from .articles import Article, carried_columns, iter_articles
from .attribution import Attributed, attribute_article
from .names import canonical_speakers
from .parsing import ARTICLES_PER_BATCH, ParsedArticle, parsed_articles
from .pipeline import load_pipeline
from .schema import quote_frame
from .workers import map_in_processes

OnError = Literal["warn", "raise", "skip"]
ON_ERROR = ("warn", "raise", "skip")


def extract_quotes(articles, *, reported: bool = False, nlp=None,
                   speakers: Mapping[str, Iterable[str]] | None = None,
                   batch_size: int = ARTICLES_PER_BATCH, n_process: int = 1, progress: bool = False,
                   on_error: OnError = "warn") -> pd.DataFrame:
    """One row per quoted span of every article, with its kind and speaker.

    reported: also one row per reported statement (`X said that ...`, `according to X, ...`),
    kind "reported": the span is the reported content, the speaker resolved as for quotes.
    nlp: your own spaCy pipeline (default: en_core_web_sm, loaded once per process).
    speakers: a registry {canonical name: [aliases]} that wins over names guessed from the text.
    batch_size: articles parsed together (memory grows with it, speed hardly).
    n_process: worker processes (each loads the pipeline once); 1 parses in this process.
    progress: a progress bar (tqdm) on standard error.
    on_error: what an article that fails does to the call. "warn" (the default) and "skip"
    leave it out and return the other articles' rows, "warn" with a RuntimeWarning naming it
    and the exception's type; either way `frame.attrs["errors"]` maps its doc_id to
    "ExceptionType: message". "raise" raises the article's own exception at once.
    """
    frame = unnamed_quotes(articles, reported=reported, nlp=nlp, batch_size=batch_size,
                           n_process=n_process, progress=progress, on_error=on_error)
    errors = frame.attrs["errors"]
    frame = canonical_names(frame, speakers)
    frame.attrs["errors"] = errors
    return frame


def unnamed_quotes(articles, *, reported: bool = False, nlp=None, batch_size: int = ARTICLES_PER_BATCH,
                   n_process: int = 1, progress: bool = False, on_error: OnError = "warn") -> pd.DataFrame:
    """extract_quotes before one name is chosen per person (each speaker as its article names
    them): quotetrack.dask chooses the names over all partitions at once."""
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(map(repr, ON_ERROR))}, not {on_error!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive number of articles, not {batch_size!r}")
    items = list(iter_articles(articles))
    nlp = load_pipeline(nlp)
    work = partial(extract_rows, batch_size=batch_size, reported=reported, on_error=on_error)
    if n_process > 1 and len(items) > 1:
        rows, failed = [], {}
        in_worker = partial(work, portable=True)
        for chunk_rows, chunk_failed in map_in_processes(in_worker, items, nlp, n_process, progress):
            rows.extend(chunk_rows)
            failed.update(chunk_failed)
    else:
        rows, failed = work(items, nlp, progress=progress)
    if on_error == "warn":
        for doc_id, error in failed.items():
            warnings.warn(f"quotetrack: article {doc_id!r} skipped: {_described(error)}", RuntimeWarning,
                          stacklevel=3)
    frame = _frame(rows, items, carried_columns(articles))
    frame.attrs["errors"] = {doc_id: _described(error) for doc_id, error in failed.items()}
    return frame


def iter_quotes(articles, *, batch_size: int = 1000, nlp=None,
                speakers: Mapping[str, Iterable[str]] | None = None, on_error: OnError = "warn",
                **options) -> Iterator[pd.DataFrame]:
    """extract_quotes over any iterable of articles (a generator over files, a chunked CSV
    reader), `batch_size` articles at a time: one quote frame per batch, so memory stays flat
    however large the corpus. `on_error` as for extract_quotes, per batch.

    Texts from a plain iterable get their position in the whole stream as doc_id; DataFrame
    chunks (as `pd.read_csv(..., chunksize=N)` yields) are batches of their own. Names stay
    consistent across batches: each name chosen so far joins the registry of the next batch.
    """
    known: dict[str, list[str]] = {k: [v] if isinstance(v, str) else list(v)
                                   for k, v in (speakers or {}).items()}
    for batch in _batches(articles, batch_size):
        frame = extract_quotes(batch, nlp=nlp, speakers=known or None, on_error=on_error,
                               batch_size=min(batch_size, ARTICLES_PER_BATCH), **options)
        for name in frame["speaker"].dropna().unique():
            known.setdefault(name, [])
        yield frame


def _batches(articles, batch_size: int):
    if isinstance(articles, (str, bytes)):
        yield articles       # extract_quotes says why a single text is refused
        return
    if isinstance(articles, (pd.DataFrame, pd.Series)):
        for start in range(0, len(articles), batch_size):
            yield articles.iloc[start:start + batch_size]
        return
    # {doc_id: text}, or texts whose doc_id is their position in the whole stream
    pairs = articles.items() if isinstance(articles, Mapping) else enumerate(articles)
    chunk: dict = {}
    for doc_id, item in pairs:
        if isinstance(item, (pd.DataFrame, pd.Series)):   # a chunk of a CSV reader
            if chunk:
                yield chunk
                chunk = {}
            yield item
            continue
        chunk[doc_id] = item
        if len(chunk) >= batch_size:
            yield chunk
            chunk = {}
    if chunk:
        yield chunk


def extract_rows(items: list[Article], nlp, batch_size: int = ARTICLES_PER_BATCH,
                 progress: bool = False, reported: bool = False, on_error: OnError = "warn",
                 portable: bool = False) -> tuple[list[dict], dict]:
    """Plain row dicts for the articles, and {doc_id: exception} for those that failed
    (with on_error="raise", the first failure is raised instead). portable: in a worker
    process, each exception must survive the way back to the parent (see _portable)."""
    rows: list[dict] = []
    failed: dict = {}
    parsed = parsed_articles(items, nlp, batch_size, reported)
    if progress:
        from tqdm import tqdm
        parsed = tqdm(parsed, total=len(items), unit="article", desc="quotetrack")
    for article in parsed:
        records, error = _attributed(article, reported)
        if error is None:
            rows.extend(_rows(article.article, records))
            continue
        if portable:
            error = _portable(error)
        if on_error == "raise":
            if hasattr(error, "add_note"):
                error.add_note(f"quotetrack: in article {article.article.doc_id!r}")
            raise error
        failed[article.article.doc_id] = error
    return rows, failed


def _attributed(article: ParsedArticle, reported: bool) -> tuple[list[Attributed], Exception | None]:
    """The article's attributed spans, or the error that stopped it (one bad article never
    sinks the batch)."""
    if article.error is not None:
        return [], article.error
    try:
        return attribute_article(article.article.text, article.paragraphs, article.docs, article.quotes,
                                 reported=reported, starts=article.starts), None
    except Exception as exc:
        return [], exc


def _portable(error: Exception) -> Exception:
    """The error itself if it survives pickling (the way back from a worker process), else a
    RuntimeError that says what it was: one odd exception must not sink the other articles."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return RuntimeError(_described(error))


def _described(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def _rows(article: Article, records: list[Attributed]):
    for a in records:
        yield {"doc_id": article.doc_id, "start": a.start, "end": a.end,
               "text": article.text[a.start:a.end], "kind": a.kind, "speaker": a.speaker,
               "speaker_start": a.mention[0] if a.mention else None,
               "speaker_end": a.mention[1] if a.mention else None,
               "cue": a.cue, **article.extra}


def _frame(rows: list[dict], items: list[Article], carried: dict) -> pd.DataFrame:
    extra_columns = list(dict.fromkeys([*carried, *(k for a in items for k in a.extra)]))
    return quote_frame(rows, extra_columns, carried)


def canonical_names(frame: pd.DataFrame, registry=None) -> pd.DataFrame:
    """One name per person across the frame (spelling variants, fullest form, the registry)."""
    names = frame["speaker"].dropna().tolist()
    if not names and not registry:
        return frame
    return with_names(frame, canonical_speakers(names, registry))


def with_names(frame: pd.DataFrame, mapping: Mapping[str, str]) -> pd.DataFrame:
    """A new frame with each speaker renamed by `mapping`."""
    renamed = frame.assign(speaker=pd.array([mapping.get(n, n) if isinstance(n, str) else None
                                             for n in frame["speaker"].tolist()], dtype="string"))
    renamed.attrs = dict(frame.attrs)
    return renamed
