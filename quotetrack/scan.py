"""A cheap scan of raw text, before any parsing: which sentences hold a verb of saying.

Reported speech needs the parse of the sentences that report it, and only of those. A regular
expression of the inflected verbs of saying (and "according to") finds them; a rough sentence
split, careful with titles and initials ("Mr. Hale", "U.S."), bounds them. It may flag a
sentence that reports nothing (the parse decides). The forms of a verb of saying that are
mostly nouns ("the state", "a tweet") count only before "that" ("she states that").
"""
from __future__ import annotations

import re

from .constants import (
    ABBREVIATIONS,
    INFINITIVE_SPEECH_VERBS,
    IRREGULAR_VERBS,
    NAME_TITLES,
    NOUN_LIKE_VERBS,
    PERSON_ROLES,
    REPORTED_SPEECH_VERBS,
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")


def inflections(verb: str) -> set[str]:
    """The forms of a regular English verb (and both spellings where a consonant may double),
    plus its irregular forms."""
    forms = {verb}
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(verb + "es")
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms.update({verb[:-1] + "ies", verb[:-1] + "ied"})
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):
        forms.update({verb + "d", verb[:-1] + "ing"})
    else:
        forms.update({verb + "ed", verb + "ing", verb + verb[-1] + "ed", verb + verb[-1] + "ing"})
    forms.update(form for form, lemma in IRREGULAR_VERBS.items() if lemma == verb)
    return forms


_FORMS = {f for v in REPORTED_SPEECH_VERBS | INFINITIVE_SPEECH_VERBS for f in inflections(v)}
_NOUNS = {f for v in NOUN_LIKE_VERBS for f in (v, v + "s", v[:-1] + "ies")}
_VERBS = "|".join(sorted(_FORMS, key=len, reverse=True))
SAYING = re.compile(r"\b(?:according\s+to|(?:" + "|".join(sorted(_FORMS - _NOUNS, key=len, reverse=True))
                    + r")|(?:" + "|".join(sorted(_NOUNS & _FORMS, key=len, reverse=True))
                    + r")\s+that)\b", re.IGNORECASE)
# A speaker named by a pronoun or a description ("she said", "said the minister"): the name is
# in an earlier sentence, which the parse must read too.
DESCRIPTION = (r"(?:the|this|that)\s+(?:[\w-]+\s+){0,3}(?:" + "|".join(sorted(PERSON_ROLES))
               + r")s?")     # "the Finnish minister", "this spokesman"
_POINTER = rf"(?:he|she|they|{DESCRIPTION})"
POINTS_BACK = re.compile(rf"\b{_POINTER}\s+(?:\w+\s+){{0,2}}(?:{_VERBS})\b"
                         rf"|\b(?:{_VERBS})\s+{_POINTER}\s*[,.;:!?]", re.IGNORECASE)


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rough sentences of text[start:end], as offsets into text."""
    spans, at = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        word = _LAST_WORD.search(text, at, m.start() + 1)
        if word is not None and _abbreviation(word.group(1)):
            continue
        spans.append((at, m.start() + len(m.group().rstrip())))
        at = m.end()
    if at < end:
        spans.append((at, end))
    return spans


def saying_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[start:end] that hold a verb of saying or "according to"."""
    return [(a, b) for a, b in sentence_spans(text, start, end) if SAYING.search(text, a, b)]


def _abbreviation(word: str) -> bool:
    """"Mr.", "Sen.", "J.", "U.S.": a full stop that ends no sentence (an ellipsis may)."""
    bare = word.strip("\"'“”‘’(").rstrip(".")
    return bare.lower() in NAME_TITLES or bare.lower() in ABBREVIATIONS \
        or (len(bare) == 1 and bare.isalpha()) or "." in bare
