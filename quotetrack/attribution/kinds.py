"""What kind of quotation a span is: a direct quote, a partial one, a heading, or a title."""
from __future__ import annotations

from ..constants import MINOR_WORDS, SENTENCE_END
from ..quotemarks import Paragraph, QuotedSpan
from .grammar import FINITE_TAGS

HEADING_MAX_WORDS = 20


def quote_kind(text: str, para: Paragraph, q: QuotedSpan, inside) -> str:
    content = text[q.start:q.end]
    words = content.split()
    whole_paragraph = q.open_at == para.start and not text[(q.close_at or q.end) + 1:para.end].strip(
        " .,;:!?\"'”’")
    last = content.rstrip("\"'”’ ")[-1:]
    if whole_paragraph and not q.resumed and not q.runs_on and last not in SENTENCE_END + ",;:" \
            and len(words) <= HEADING_MAX_WORDS:
        return "heading"
    if len(words) >= 2 and not q.resumed and all(_title_case(w) for w in words):
        return "other"   # a title or a name: "Morning Joe", "Peace Through Strength"
    finite = any(t.tag_ in FINITE_TAGS for t in inside)
    if (finite and len(words) >= 3) or whole_paragraph or q.resumed:
        return "direct"
    if _opens_sentence(text, para, q) and (last in SENTENCE_END or (last == "," and len(words) >= 2)):
        return "direct"   # an utterance of its own: `"Never again!" she wrote.`
    return "partial"


def _opens_sentence(text: str, para: Paragraph, q: QuotedSpan) -> bool:
    before = text[para.start:q.open_at].rstrip()
    return not before or before[-1] in SENTENCE_END + ":"


def _title_case(word: str) -> bool:
    return word[:1].isupper() or not word[:1].isalpha() or word in MINOR_WORDS
