"""Part of speech and lemma from the tagger's fine-grained tag alone.

spaCy's attribute ruler and lemmatizer cost a third of the English pipeline's time; attribution
needs only coarse word classes and the lemmas of a few word lists, which the Penn Treebank tag
and a little morphology give.
"""
from __future__ import annotations

from functools import lru_cache

from .constants import (
    IRREGULAR_NOUNS,
    IRREGULAR_VERBS,
    REPORTED_SPEECH_VERBS,
    REPORTING_VERBS,
    SECOND_HAND_VERBS,
    TAG_POS,
    UNCOUNTABLE_NOUNS,
)

# The verbs whose lemma matters: every other verb keeps the last form tried.
KNOWN_VERBS = REPORTING_VERBS | REPORTED_SPEECH_VERBS | SECOND_HAND_VERBS
PLURAL_NOUN = "NNS"     # the one tag whose words are made singular (not NNPS: the Reynolds)


def pos(tok) -> str:
    """Universal part of speech ("PROPN", "VERB", ...), from the tag when there is one."""
    return TAG_POS.get(tok.tag_) or tok.pos_ or "X"


def lemma(tok) -> str:
    """The lemma (lower case) of a verb or a plural common noun; other words as written, so a
    proper noun keeps its form (Jones, Reynolds) and so does a singular noun in -s (news)."""
    return _lemma(tok.lower_, tok.tag_)


def lemma_as_verb(word: str) -> str:
    """The lemma a word would have as a verb, whatever its tag."""
    return _lemma(word.lower(), "VB")


@lru_cache(maxsize=65536)
def _lemma(word: str, tag: str) -> str:
    if tag.startswith("VB"):
        return _verb(word)
    if word in IRREGULAR_NOUNS:
        return IRREGULAR_NOUNS[word]
    if tag == PLURAL_NOUN and word not in UNCOUNTABLE_NOUNS:
        return _singular(word)
    return word


def _verb(word: str) -> str:
    if word in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[word]
    candidates = [word]
    if word.endswith("ing"):
        stem = word[:-3]
        candidates += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    elif word.endswith("ied"):
        candidates += [word[:-3] + "y"]
    elif word.endswith("ed"):
        stem = word[:-2]
        candidates += [stem, word[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    elif word.endswith("ies"):
        candidates += [word[:-3] + "y"]
    elif word.endswith("es"):
        candidates += [word[:-2], word[:-1]]
    elif word.endswith("s"):
        candidates += [word[:-1]]
    return next((c for c in candidates if c in KNOWN_VERBS), candidates[-1] if len(candidates) > 1 else word)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
