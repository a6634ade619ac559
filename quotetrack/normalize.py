"""Text normalisation for comparing quotes: marks, dashes, ellipses, case, spacing, spelling."""
from __future__ import annotations

import re
import unicodedata

from .constants import BRITISH_TO_AMERICAN, STOPWORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of a quote, lower-cased and spelled one way; punctuation and marks dropped."""
    if not isinstance(text, str):
        return []
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return [BRITISH_TO_AMERICAN.get(w, w) for w in _WORD.findall(text)]


def normalized(text: str) -> str:
    return " ".join(words(text))


def content_words(tokens: list[str]) -> list[str]:
    return [w for w in tokens if w not in STOPWORDS and len(w) > 2]
