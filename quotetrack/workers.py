"""Extraction over worker processes, each loading the spaCy pipeline once and keeping it."""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable

from .pipeline import load_pipeline

CHUNK_MAX = 64
_state: dict = {}


def map_in_processes(work: Callable, items: list, nlp, n_process: int, progress: bool = False):
    """[work(chunk, nlp) for each chunk of items], over `n_process` worker processes, in order.

    `work` must be a module-level function (or a functools.partial of one), so that a spawned
    worker can import it. With fork, the workers share the parent's pipeline; with spawn, it is
    pickled to them once."""
    size = max(1, min(CHUNK_MAX, len(items) // (n_process * 4) or 1))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    _state["nlp"] = nlp
    try:
        with mp.get_context(method).Pool(n_process, initializer=_init_worker,
                                          initargs=(work, None if method == "fork" else nlp)) as pool:
            results = pool.imap(_run, chunks)
            if progress:
                from tqdm import tqdm
                results = tqdm(results, total=len(chunks), unit="chunk", desc="quotetrack")
            yield from results
    finally:
        _state.clear()


def _init_worker(work: Callable, nlp) -> None:
    _state["work"] = work
    if nlp is not None:
        _state["nlp"] = nlp


def _run(chunk: list):
    return _state["work"](chunk, load_pipeline(_state.get("nlp")))
