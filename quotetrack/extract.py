"""`extract_quotes`: quoted spans (and, on request, reported statements), their kind and
speaker, one row per span."""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping
from functools import partial

import pandas as pd

from .articles import Article, carried_columns, iter_articles
from .attribution import Attributed, attribute_article
from .names import canonical_speakers
from .pipeline import load_pipeline
from .parsing import parsed_articles
from .schema import quote_frame
from .workers import map_in_processes


def extract_quotes(articles, *, reported: bool = False, nlp=None,
                   speakers: Mapping[str, Iterable[str]] | None = None, batch_size: int = 256,
                   n_process: int = 1, progress: bool = False) -> pd.DataFrame:
    """One row per quoted span of every article, with its kind and speaker.

    reported: also one row per reported statement (`X said that ...`, `according to X, ...`),
    kind "reported": the span is the reported content, the speaker resolved as for quotes.
    nlp: your own spaCy pipeline (default: en_core_web_sm, loaded once per process).
    speakers: a registry {canonical name: [aliases]} that wins over names guessed from the text.
    n_process: worker processes (each loads the pipeline once); 1 parses in this process.
    progress: a progress bar (tqdm) on standard error.
    An article that fails is skipped with a RuntimeWarning naming it, and listed in
    `frame.attrs["errors"]`; the other articles' quotes are returned.
    """
    frame = unnamed_quotes(articles, reported=reported, nlp=nlp, batch_size=batch_size,
                           n_process=n_process, progress=progress)
    return canonical_names(frame, speakers)


def unnamed_quotes(articles, *, reported: bool = False, nlp=None, batch_size: int = 256,
                   n_process: int = 1, progress: bool = False) -> pd.DataFrame:
    """extract_quotes before one name is chosen per person (each speaker as its article names
    them): quotetrack.dask chooses the names over all partitions at once."""
    items = list(iter_articles(articles))
    nlp = load_pipeline(nlp)
    if n_process > 1 and len(items) > 1:
        rows, failed = [], {}
        work = partial(extract_rows, batch_size=batch_size, reported=reported)
        for chunk_rows, chunk_failed in map_in_processes(work, items, nlp, n_process, progress):
            rows.extend(chunk_rows)
            failed.update(chunk_failed)
    else:
        rows, failed = extract_rows(items, nlp, batch_size, progress, reported)
    for doc_id, error in failed.items():
        warnings.warn(f"quotetrack: article {doc_id!r} skipped: {error}", RuntimeWarning, stacklevel=3)
    frame = _frame(rows, items, carried_columns(articles))
    frame.attrs["errors"] = failed
    return frame


def iter_quotes(articles, *, batch_size: int = 1000, nlp=None,
                speakers: Mapping[str, Iterable[str]] | None = None, **options) -> Iterator[pd.DataFrame]:
    """extract_quotes over any iterable of articles (a generator over files, a chunked CSV
    reader), `batch_size` articles at a time: one quote frame per batch, so memory stays flat
    however large the corpus.

    Texts from a plain iterable get their position in the whole stream as doc_id; DataFrame
    chunks (as `pd.read_csv(..., chunksize=N)` yields) are batches of their own. Names stay
    consistent across batches: each name chosen so far joins the registry of the next batch.
    """
    known: dict[str, list[str]] = {k: [v] if isinstance(v, str) else list(v)
                                   for k, v in (speakers or {}).items()}
    for batch in _batches(articles, batch_size):
        frame = extract_quotes(batch, nlp=nlp, speakers=known or None, **options)
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


def extract_rows(items: list[Article], nlp, batch_size: int = 256, progress: bool = False,
                 reported: bool = False):
    """Plain row dicts for the articles, and {doc_id: error} for those that failed."""
    rows: list[dict] = []
    failed: dict = {}
    parsed = parsed_articles(items, nlp, batch_size, reported)
    if progress:
        from tqdm import tqdm
        parsed = tqdm(parsed, total=len(items), unit="article", desc="quotetrack")
    for article, paragraphs, quotes, docs, starts in parsed:
        try:
            if isinstance(docs, Exception):
                raise docs
            records = attribute_article(article.text, paragraphs, docs, quotes,
                                        reported=reported, starts=starts)
        except Exception as exc:  # one bad article never sinks the batch
            failed[article.doc_id] = f"{type(exc).__name__}: {exc}"
            continue
        rows.extend(_rows(article, records))
    return rows, failed


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
    """The frame (changed in place) with each speaker renamed by `mapping`."""
    frame["speaker"] = pd.array([mapping.get(n, n) if isinstance(n, str) else None
                                 for n in frame["speaker"].tolist()], dtype="string")
    return frame
